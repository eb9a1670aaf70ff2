"""Writing products to files: HTML (Jinja2), PDF (reportlab) and JSON with the same content."""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from emm.products.oib import OibDocument

#: The one Jinja environment of all products (OIB, trend pictures): autoescaping HTML.
ENVIRONMENT = Environment(
    loader=PackageLoader("emm.products", "templates"), autoescape=select_autoescape(["html"])
)
_env = ENVIRONMENT


def filter_text(params: dict[str, Any]) -> str:
    parts = [
        f"{k.replace('_', ' ')}: {', '.join(v) if isinstance(v, list) else v}"
        for k, v in params.items()
        if v
    ]
    return "; ".join(parts) or "all facts"


def oib_html(doc: OibDocument) -> str:
    picture = base64.b64encode(doc.picture_png).decode() if doc.picture_png else None
    return _env.get_template("oib.html").render(
        doc=doc, picture=picture, filter_text=filter_text(doc.filter)
    )


def oib_pdf(doc: OibDocument) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        Image,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from emm.products.fonts import REGULAR, shape, stylesheet

    styles = stylesheet()  # DejaVu Sans: Vietnamese, Polish, Cyrillic... names are not boxes
    small = styles["BodyText"].clone("small", fontSize=7.5, leading=9)
    notice = styles["BodyText"].clone("notice", textColor=colors.darkred, fontSize=8.5)

    def p(text: object, style: Any = small) -> Paragraph:
        return Paragraph(escape(shape(str(text))), style)

    def table(header: list[str] | None, rows: list[list[object]], widths: list[float]) -> Table:
        data = ([[p(h) for h in header]] if header else []) + [[p(c) for c in row] for row in rows]
        t = Table(data, colWidths=[w * cm for w in widths], repeatRows=1 if header else 0)
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return t

    buf = io.BytesIO()
    pdf = SimpleDocTemplate(
        buf,
        pagesize=landscape(A4),
        title=doc.title,
        author=doc.created_by,
        initialFontName=REGULAR,  # else the page still opens in Helvetica
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.2 * cm,
        bottomMargin=1.2 * cm,
    )
    h1, h2 = styles["Heading1"], styles["Heading2"]
    s = doc.summary
    story: list[Any] = [
        p(doc.handling_notice, notice),
        p(doc.title, h1),
        table(
            None,
            [
                ["Product", f"{doc.product_id} version {doc.version}"],
                ["Subject", doc.subject],
                ["Created", f"{doc.created_at} by {doc.created_by}"],
                ["Filter", filter_text(doc.filter)],
                ["Retention", doc.retention_notice],
            ],
            [4, 22],
        ),
        p("1. Summary", h2),
        p(
            f"{s['entities']} entities ({s['persons']} persons), {s['facts']} facts registered "
            f"{s['period'][0]} – {s['period'][1]}; parties: "
            + ", ".join(f"{v['name']} ({k}, {v['n']})" for k, v in s["facts_per_party"].items())
            + f"; indicators fired: {', '.join(s['indicators_fired']) or 'none'}.",
            styles["BodyText"],
        ),
    ]
    if doc.truncated:
        story.append(p("The neighbourhood was larger than the cap: a part is shown.", notice))
    story += _statement_story(doc, p, styles, notice)
    if doc.picture_png:
        story += [
            p("2. Network picture", h2),
            Image(io.BytesIO(doc.picture_png), width=17 * cm, height=11.9 * cm),
        ]
    story += [
        PageBreak(),
        p("3. Key players", h2),
        table(
            ["#", "entity", "type", "degree", "facts", "betweenness", "PageRank"],
            [
                [
                    k["rank"],
                    k["caption"],
                    k["label"],
                    k["degree"],
                    k["facts"],
                    f"{k['betweenness']:.3f}",
                    f"{k['pagerank']:.3f}",
                ]
                for k in doc.key_players
            ],
            [1, 8, 3, 2, 2, 3, 3],
        ),
        p("4. Communities", h2),
        table(
            ["#", "size", "members"],
            [[c["id"], c["size"], ", ".join(c["members"])] for c in doc.communities],
            [1, 1.5, 23],
        ),
        p("5. Indicators with evidence", h2),
        table(
            ["indicator", "about", "value/threshold", "explanation", "evidence (parties)"],
            [
                [
                    f"{h['title']} / {h['title_nl']}",
                    h["subject"],
                    f"{h['value']}/{h['threshold']}",
                    h["explanation"],
                    h["evidence_shown"] + f" ({', '.join(h['parties'])})",
                ]
                for h in doc.indicators
            ]
            or [["none fired", "", "", "", ""]],
            [4.5, 4, 2, 8, 7],
        ),
        p("6. Timeline", h2),
        table(
            ["date", "event", "detail", "source"],
            [
                [
                    e["date"],
                    e["what"],
                    e["detail"],
                    f"{e.get('source_ref') or ''} {e.get('party') or ''}",
                ]
                for e in doc.timeline
            ]
            or [["", "no dated events", "", ""]],
            [2.5, 4, 14, 5],
        ),
        p("7. Entities", h2),
        table(
            ["type", "entity", "known to", "details"],
            [
                [
                    e["label"],
                    e["caption"],
                    ", ".join(e["parties"]),
                    "; ".join(
                        f"{k}: {' / '.join(e['disputed'][k])} (sources disagree)"
                        if k in e.get("disputed", {})
                        else f"{k}: {v}"
                        for k, v in e["details"].items()
                    ),
                ]
                for e in doc.entities
            ],
            [3, 8, 3, 12],
        ),
        PageBreak(),
        p("Appendix A: provenance of every fact", h2),
        p(
            "Rows marked * were supplied under a regime other than the Wpg (IND: AVG; OM: Wjsg).",
            styles["BodyText"],
        ),
        table(
            ["fact", "party", "legal basis", "source", "registered"],
            [
                [
                    ("* " if x["marked"] else "")
                    + x["fact"]
                    + (f" ({x['role']})" if x["role"] else ""),
                    x["party"],
                    x["legal_basis"] + (f" — {x['marked']}" if x["marked"] else ""),
                    x["source_ref"],
                    x["registered_at"],
                ]
                for x in doc.provenance
            ],
            [11, 1.6, 5.5, 5, 2.4],
        ),
        p("Appendix B: evidence of every indicator hit", h2),
        table(
            ["indicator", "about", "evidence (source_refs)"],
            _evidence_rows(doc),
            [5, 6, 16],
        ),
        Spacer(1, 0.5 * cm),
        p(doc.handling_notice, notice),
    ]
    pdf.build(story)
    return buf.getvalue()


#: Source refs per PDF table row in appendix B (a row cannot be taller than a page).
EVIDENCE_PER_ROW = 40


def _evidence_rows(doc: OibDocument) -> list[list[object]]:
    """Every evidence ref of every hit, in rows of at most :data:`EVIDENCE_PER_ROW`."""
    rows: list[list[object]] = []
    for h in doc.indicators:
        refs = list(h["evidence"])
        for i in range(0, max(len(refs), 1), EVIDENCE_PER_ROW):
            part = refs[i : i + EVIDENCE_PER_ROW]
            first = i == 0
            rows.append(
                [
                    h["title"] if first else "(continued)",
                    h["subject"] if first else "",
                    ", ".join(part) + (f" ({', '.join(h['parties'])})" if first else ""),
                ]
            )
    return rows or [["none fired", "", ""]]


def _statement_story(doc: OibDocument, p: Any, styles: Any, notice: Any) -> list[Any]:
    """The completeness statement and the recurring patterns, for the PDF."""
    story: list[Any] = []
    st = doc.statement or {}
    if st:
        story.append(p("Completeness (signed)", styles["Heading3"]))
        for line in st.get("text", []):
            story.append(p(line, notice if doc.truncated and "cap" in line else styles["BodyText"]))
        story.append(
            p(
                f"Signed by {st.get('signed_by')} at {st.get('signed_at')}; {st.get('digest')} "
                f"({st.get('digest_of')}).",
                styles["BodyText"],
            )
        )
    if doc.recurring:
        story.append(p("Recurring pattern (covenant art. 7.6)", styles["Heading3"]))
        for r in doc.recurring:
            story.append(
                p(
                    f"{r['explanation']} / {r['explanation_nl']}. Shared: {', '.join(r['shared'])}"
                    + (f"; new: {', '.join(r['new'])}" if r["new"] else ""),
                    styles["BodyText"],
                )
            )
    return story


def write_oib(doc: OibDocument, out_dir: Path) -> list[Path]:
    """Write ``<id>-v<version>.html/.pdf/.json`` (owner-only: they hold personal data)."""
    import os

    from emm.files import secure_mkdir
    from emm.products.register import validate_product_id, validate_version

    name = f"{validate_product_id(doc.product_id)}-v{validate_version(doc.version)}"
    secure_mkdir(out_dir)
    stem = out_dir / name
    files = []
    for suffix, content in (
        (".html", oib_html(doc).encode()),
        (".pdf", oib_pdf(doc)),
        (".json", doc.to_json().encode()),
    ):
        path = stem.with_suffix(suffix)
        # O_NOFOLLOW: a symlink planted where a product file goes is refused, not followed.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        files.append(path)
    return files
