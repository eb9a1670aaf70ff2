"""Products without personal data: Quick Scan, TIB, SIB and NCP answers, and the export gate.

Covenant art. 3: these must never be traceable to persons. That holds by construction:

1. :func:`build_trend` counts categories (phenomenon, year, region, sector, nationality, party)
   from signal rows that carry no identifiers, and takes the analyst's narrative text;
2. :func:`prepare` de-identifies every free-text field (every replacement visible) and applies
   statistical disclosure control to every table: what the analyst previews;
3. :func:`export` is the export gate and the ONLY function that writes these products: it runs
   de-identification on every free-text field and disclosure control on every table again and
   refuses if either would still change anything, renders HTML, PDF, JSON and CSV, scans the
   rendered artefacts once more (Presidio + every value the graph knows), refuses on any
   finding, and only then writes, registers the product and logs the disclosure.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from emm.access.guarded import GuardedStore
from emm.errors import EmmError
from emm.graph.model import NO_FILTER, EdgeFilter
from emm.graph.schema import PARTIES

KINDS = {
    "QS": "Quick Scan: brief picture of a phenomenon's nature and size",
    "TIB": "Tactical intelligence picture: trends and phenomena with recommendations",
    "SIB": "Strategic intelligence picture: trends and phenomena, also for a wider public",
    "NCP": "Answer as national contact point to a foreign or international partner",
}
PHENOMENON_NAMES = {
    "sexual": "sexual exploitation",
    "labour": "labour exploitation",
    "criminal": "criminal exploitation",
    "smuggling": "migrant smuggling",
    "organ": "organ removal",
    "unknown": "not yet classified",
}
DEFAULT_MIN_COUNT = 10


class ExportBlocked(EmmError):
    """The gate refused: :attr:`problems` says what and where (never the value itself)."""

    def __init__(self, problems: list[dict[str, Any]]) -> None:
        self.problems = problems
        lines = [f"{p['where']}: {p['what']}" for p in problems[:20]]
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        super().__init__("export refused: " + "; ".join(lines) + more)


@dataclass
class TrendTable:
    title: str
    table: pd.DataFrame  # counts; index = row categories, columns = column categories
    note: str = ""
    suppressed: list[tuple[str, str]] = field(default_factory=list)  # (row, column) cells
    protected: bool = False


@dataclass
class TrendDraft:
    kind: str
    title: str
    phenomenon: str | None
    period: tuple[str | None, str | None]
    narrative: str
    recommendations: str = ""
    tables: list[TrendTable] = field(default_factory=list)
    language: str = "nl"
    min_count: int = DEFAULT_MIN_COUNT
    rounding: int | None = None
    replacements: list[dict[str, Any]] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)  # whose facts the counts rest on
    legal_bases: list[str] = field(default_factory=list)

    def texts(self) -> dict[str, str]:
        """Every free-text field, by name (what de-identification runs on)."""
        out = {
            "title": self.title,
            "narrative": self.narrative,
            "recommendations": self.recommendations,
        }
        for i, t in enumerate(self.tables, start=1):
            out[f"table {i} title"] = t.title
            out[f"table {i} note"] = t.note
        return out


# ------------------------------------------------------------------------------------ build


def _year(value: Any) -> str:
    return str(value)[:4] if value else "unknown"


def _quarter(value: Any) -> str:
    if not value:
        return "unknown"
    month = int(str(value)[5:7])
    return f"{str(value)[:4]}-Q{(month - 1) // 3 + 1}"


def _crosstab(
    frame: pd.DataFrame,
    rows: str,
    cols: str,
    *,
    distinct: str | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame()
    data = frame.drop_duplicates([distinct, rows, cols]) if distinct else frame
    table = pd.crosstab(data[rows].fillna("unknown"), data[cols].fillna("unknown"))
    if top is not None and len(table) > top:
        keep = table.sum(axis=1).sort_values(ascending=False).index[:top]
        other = table.drop(index=keep).sum().rename("other")
        table = pd.concat([table.loc[keep], other.to_frame().T])
    return table.astype(int)


def build_trend(
    guarded: GuardedStore,
    kind: str,
    *,
    title: str,
    narrative: str,
    phenomenon: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    recommendations: str = "",
    flt: EdgeFilter = NO_FILTER,
    language: str = "nl",
    min_count: int = DEFAULT_MIN_COUNT,
    rounding: int | None = None,
) -> TrendDraft:
    """Count the phenomenon's nature and size over time into tables, with the narrative."""
    if kind not in KINDS:
        raise ValueError(f"unknown product kind {kind!r} (known: {', '.join(KINDS)})")
    rows = pd.DataFrame(
        guarded.signal_rows(flt.narrow(EdgeFilter(date_from=date_from, date_to=date_to)))
    )
    if not rows.empty and phenomenon:
        rows = rows[rows["phenomenon"] == phenomenon]
    if not rows.empty:
        rows["year"] = rows["reported_at"].map(_year)
        rows["quarter"] = rows["reported_at"].map(_quarter)
        rows["phenomenon"] = rows["phenomenon"].map(lambda p: PHENOMENON_NAMES.get(p, p))
    victims = rows[rows["role"] == "victim"] if not rows.empty else rows
    tables = [
        TrendTable(
            "Signals per phenomenon and year",
            _crosstab(rows, "phenomenon", "year", distinct="signal"),
        ),
        TrendTable(
            "Signals per region and year",
            _crosstab(rows, "region", "year", distinct="signal", top=12),
        ),
        TrendTable(
            "Signals per supplying party and year",
            _crosstab(rows, "party", "year", distinct="signal"),
        ),
        TrendTable(
            "Victims per nationality and phenomenon",
            _crosstab(victims, "nationality", "phenomenon", top=12),
            note="Nationality as registered; persons counted once per signal.",
        ),
    ]
    if phenomenon in (None, "labour"):
        tables.append(
            TrendTable(
                "Signals per sector and year",
                _crosstab(rows, "sector", "year", distinct="signal", top=12),
            )
        )
    tables = [t for t in tables if not t.table.empty]
    return TrendDraft(
        kind=kind,
        title=title,
        phenomenon=phenomenon,
        period=(date_from, date_to),
        narrative=narrative,
        recommendations=recommendations,
        tables=tables,
        language=language,
        min_count=min_count,
        rounding=rounding,
        parties=sorted(set(rows["party"])) if not rows.empty else [],
        legal_bases=sorted(set(rows["legal_basis"])) if not rows.empty else [],
    )


# ------------------------------------------------------------------------------------ checks


def _known(guarded: GuardedStore) -> Any:

    return guarded.export_gate().matcher()


def _protect(t: TrendTable, min_count: int, rounding: int | None) -> TrendTable:
    from emm.anonymise import protect_table

    result = protect_table(t.table, min_count=min_count, rounding=rounding)
    note = f"{t.note} {result.summary()}".strip()
    return replace(
        t,
        table=result.table,
        note=note,
        protected=True,
        suppressed=[(str(c.row), str(c.column)) for c in result.suppressed],
    )


def table_problems(t: TrendTable, min_count: int) -> list[str]:
    """Why a table as it would be published is not safe, or ``[]``.

    Every visible count must be 0 or at least ``min_count``; a row or column with suppressed
    cells must have at least two, so no single suppressed cell can be recomputed from totals.
    """
    problems = []
    hidden = set(t.suppressed)
    for r in t.table.index:
        for c in t.table.columns:
            if (str(r), str(c)) in hidden:
                continue
            v = t.table.loc[r, c]
            if pd.isna(v):
                continue
            if 0 < float(v) < min_count:
                problems.append(f"cell ({r}, {c}) shows a count below {min_count}")
    for axis, labels in (("row", t.table.index), ("column", t.table.columns)):
        for label in labels:
            n = sum(1 for cell in hidden if cell[0 if axis == "row" else 1] == str(label))
            if n == 1:
                problems.append(
                    f"{axis} {label} has one suppressed cell, recomputable from its total"
                )
    return problems


def prepare(
    guarded: GuardedStore,
    draft: TrendDraft,
    *,
    known: Any = None,
    progress: Callable[[str], None] | None = None,
) -> TrendDraft:
    """The draft as it may leave: texts de-identified (replacements listed), tables protected."""
    from emm.anonymise import deidentify

    known = known if known is not None else _known(guarded)
    out = replace(draft, tables=[], replacements=[])
    texts = {}
    for name, text in draft.texts().items():
        if progress:
            progress(f"de-identifying {name}")
        result = deidentify(text, language=draft.language, known=known)
        texts[name] = result.text
        out.replacements.extend(
            {
                "field": name,
                "type": f.entity_type,
                "start": f.start,
                "end": f.end,
                "placeholder": f.placeholder,
                "source": f.source,
            }
            for f in result.findings
        )
    out.title, out.narrative = texts["title"], texts["narrative"]
    out.recommendations = texts["recommendations"]
    for i, t in enumerate(draft.tables, start=1):
        protected = t if t.protected else _protect(t, draft.min_count, draft.rounding)
        out.tables.append(
            replace(protected, title=texts[f"table {i} title"], note=texts[f"table {i} note"])
        )
    return out


# ------------------------------------------------------------------------------------ render


SUPPRESSED_MARKER = "x"  # one marker for every suppressed cell, primary or secondary


def _table_text(t: TrendTable) -> list[list[str]]:
    hidden = set(t.suppressed)
    rows = [["", *[str(c) for c in t.table.columns]]]
    for r in t.table.index:
        cells = []
        for c in t.table.columns:
            v = t.table.loc[r, c]
            hide = (str(r), str(c)) in hidden or pd.isna(v)
            cells.append(SUPPRESSED_MARKER if hide else str(int(v)))
        rows.append([str(r), *cells])
    return rows


def render(draft: TrendDraft, product_id: str) -> dict[str, bytes]:
    """HTML, PDF, JSON and one CSV per table: exactly the bytes the gate scans and writes."""
    from html import escape

    meta = {
        "product_id": product_id,
        "kind": draft.kind,
        "title": draft.title,
        "phenomenon": draft.phenomenon,
        "period": list(draft.period),
        "contains_personal_data": False,
        "min_count": draft.min_count,
    }
    tables_json = [{"title": t.title, "note": t.note, "rows": _table_text(t)} for t in draft.tables]
    files: dict[str, bytes] = {
        "product.json": json.dumps(
            {
                **meta,
                "narrative": draft.narrative,
                "recommendations": draft.recommendations,
                "tables": tables_json,
            },
            indent=2,
            ensure_ascii=False,
        ).encode(),
    }
    html = [
        f"<!doctype html><html lang='{draft.language}'><meta charset='utf-8'>",
        f"<title>{escape(draft.title)}</title><body style='font-family:sans-serif'>",
        f"<h1>{escape(draft.title)}</h1>",
        f"<p><i>{escape(KINDS[draft.kind])}. {product_id}. Contains no personal data; "
        f"cells below {draft.min_count}, and cells from which they could be derived, show "
        f"{SUPPRESSED_MARKER}.</i></p>",
        f"<div>{escape(draft.narrative).replace(chr(10), '<br>')}</div>",
    ]
    if draft.recommendations:
        html.append(f"<h2>Recommendations</h2><div>{escape(draft.recommendations)}</div>")
    for i, t in enumerate(draft.tables, start=1):
        rows = _table_text(t)
        buf = io.StringIO()
        csv.writer(buf, delimiter=";").writerows(rows)
        files[f"table-{i}.csv"] = buf.getvalue().encode("utf-8-sig")
        html.append(f"<h2>{escape(t.title)}</h2><table border=1 cellpadding=3>")
        html.extend(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        html.append(f"</table><p><small>{escape(t.note)}</small></p>")
    files["product.html"] = "\n".join(html + ["</body></html>"]).encode()
    files["product.pdf"] = _pdf(draft, product_id)
    return files


def _pdf(draft: TrendDraft, product_id: str) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from emm.products.fonts import REGULAR, stylesheet

    styles = stylesheet()  # a Unicode font embedded in every PDF
    buf = io.BytesIO()
    story: list[Any] = [
        Paragraph(escape(draft.title), styles["Heading1"]),
        Paragraph(
            escape(
                f"{KINDS[draft.kind]}. {product_id}. No personal data; cells below "
                f"{draft.min_count} suppressed."
            ),
            styles["Italic"],
        ),
        *[Paragraph(escape(p), styles["BodyText"]) for p in draft.narrative.split("\n") if p],
    ]
    if draft.recommendations:
        story += [
            Paragraph("Recommendations", styles["Heading2"]),
            Paragraph(escape(draft.recommendations), styles["BodyText"]),
        ]
    for t in draft.tables:
        story.append(Paragraph(escape(t.title), styles["Heading2"]))
        table = Table(_table_text(t), repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("FONTSIZE", (0, 0), (-1, -1), 7),
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ]
            )
        )
        story.append(table)
        if t.note:
            story.append(Paragraph(escape(t.note), styles["Italic"]))
    SimpleDocTemplate(buf, pagesize=A4, title=draft.title, initialFontName=REGULAR).build(story)
    return buf.getvalue()


# ------------------------------------------------------------------------------------ gate


# Table labels are categories from controlled vocabularies (regions, sectors, nationalities),
# where names of places are the point; there, and over whole rendered artefacts, the gate looks
# for identifiers and for every value the graph knows, not for place or organisation names.
IDENTIFIER_TYPES = [
    "PHONE_NUMBER",
    "NL_BSN",
    "IBAN_CODE",
    "NL_LICENCE_PLATE",
    "NL_POSTCODE",
    "NL_ADDRESS",
    "EMAIL_ADDRESS",
    "NL_DOCUMENT_NUMBER",
    "NL_V_NUMBER",
    "NL_KVK",
]


def _problem(where: str, f: Any) -> dict[str, Any]:
    return {
        "where": where,
        "what": f"{f.entity_type} found at characters {f.start}-{f.end}",
        "start": f.start,
        "end": f.end,
        "type": f.entity_type,
        "source": f.source,
    }


def _scan_problems(where: str, text: str, language: str, known: Any) -> list[dict[str, Any]]:
    """Everything the de-identification stage would replace in free text."""
    from emm.anonymise import scan

    return [_problem(where, f) for f in scan(text, language=language, known=known)]


def _scan_identifiers(where: str, text: str, language: str, known: Any) -> list[dict[str, Any]]:
    """Identifiers (pattern recognisers with checksums) and known values, in any text."""
    from emm.anonymise import get_engine
    from emm.anonymise.findings import Finding, resolve_overlaps

    results = get_engine().analyzer.analyze(text, language=language, entities=IDENTIFIER_TYPES)
    # Some recognisers (deduce) answer with every type they know: keep only identifiers.
    findings = [
        Finding(r.entity_type, r.start, r.end, "presidio", float(r.score))
        for r in results
        if r.entity_type in IDENTIFIER_TYPES
    ]
    # A lone known surname in a category vocabulary is a collision ("Den Haag", party "POL" vs
    # a person named Pol); full known names are still refused. Free text is scanned in full.
    findings += [
        f
        for f in (known.find(text) if known else [])
        if f.entity_type != "PERSON" or " " in text[f.start : f.end].strip()
    ]
    return [_problem(where, f) for f in resolve_overlaps(findings)]


def export(
    guarded: GuardedStore,
    draft: TrendDraft,
    *,
    recipient: str,
    out_dir: Path,
    purpose: str = "",
    known: Any = None,
) -> tuple[str, list[Path]]:
    """The export gate: check everything, then write, register and log; or refuse.

    Raises :class:`ExportBlocked` listing every problem with where it is.
    """
    from html.parser import HTMLParser

    from emm.products.register import Product

    action = "export_foreign" if draft.kind == "NCP" else "export_trend"
    guarded.principal.require(action)
    if draft.kind != "NCP" and recipient not in PARTIES:
        raise ExportBlocked(
            [
                {
                    "where": "recipient",
                    "what": f"a {draft.kind} goes to a party "
                    f"({', '.join(PARTIES)}); answers abroad are NCP answers",
                }
            ]
        )
    known = known if known is not None else _known(guarded)
    problems: list[dict[str, Any]] = []
    for name, text in draft.texts().items():
        problems += _scan_problems(name, text, draft.language, known)
    for i, t in enumerate(draft.tables, start=1):
        if not t.protected:
            problems.append(
                {"where": f"table {i} ({t.title})", "what": "disclosure control was not applied"}
            )
        problems += [
            {"where": f"table {i} ({t.title})", "what": p}
            for p in table_problems(t, draft.min_count)
        ]
        labels = "\n".join([*map(str, t.table.index), *map(str, t.table.columns)])
        problems += _scan_identifiers(f"table {i} labels", labels, draft.language, known)
    guarded.require(action)
    product_id, _ = guarded.products.new_version(draft.kind)
    if not problems:
        files = render(draft, product_id)

        class _Text(HTMLParser):
            def __init__(self) -> None:
                super().__init__()
                self.parts: list[str] = []

            def handle_data(self, data: str) -> None:
                self.parts.append(data)

        parser = _Text()
        parser.feed(files["product.html"].decode())
        rendered = {
            "product.html (text)": "\n".join(parser.parts),
            "product.json": files["product.json"].decode(),
        }
        rendered.update(
            {
                name: data.decode("utf-8-sig")
                for name, data in files.items()
                if name.endswith(".csv")
            }
        )
        for name, text in rendered.items():
            problems += _scan_identifiers(name, text, draft.language, known)
    if problems:
        guarded._audit(action, size=0, refused=True, problems=len(problems), kind=draft.kind)
        raise ExportBlocked(problems)
    folder = out_dir / product_id
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files.items():
        path = folder / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        paths.append(path)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    guarded.products.register(
        Product(
            product_id=product_id,
            type=draft.kind,
            version=1,
            title=draft.title,
            created_by=guarded.principal.user,
            created_at=now,
            subject=draft.phenomenon or "all phenomena",
            parties=draft.parties,
            legal_bases=draft.legal_bases,
            personal_data=False,
            files=[str(p) for p in paths],
        )
    )
    guarded.products.disclose(
        product_id,
        recipient=recipient,
        basis=f"covenant art. 3 ({draft.kind})",
        purpose=purpose or guarded.principal.purpose or f"{draft.kind} {product_id}",
        action=action,
    )
    return product_id, paths
