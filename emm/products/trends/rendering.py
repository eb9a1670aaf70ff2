"""Rendering a trend picture: HTML (the products' Jinja environment), PDF, JSON and CSV.

Exactly the bytes the gate scans and writes. Every CSV cell that a spreadsheet would read as
a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written
with a leading apostrophe, so a label such as ``=HYPERLINK(...)`` stays text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

import pandas as pd

from emm.products.trends.model import KINDS, TrendDraft, TrendTable

__all__ = ["SUPPRESSED_MARKER", "csv_bytes", "neutralise_cell", "render", "table_text"]

SUPPRESSED_MARKER = "x"  # one marker for every suppressed cell, primary or secondary
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """``value`` made safe for a spreadsheet: a leading formula character gets an apostrophe.

    >>> neutralise_cell("=HYPERLINK(1)"), neutralise_cell("Zeeland"), neutralise_cell("-3")
    ("'=HYPERLINK(1)", 'Zeeland', "'-3")
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_bytes(rows: Sequence[Sequence[str]]) -> bytes:
    """Rows as a ``;``-separated UTF-8 CSV (with BOM, for Excel), every cell neutralised."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=";").writerows([[neutralise_cell(c) for c in r] for r in rows])
    return buf.getvalue().encode("utf-8-sig")


def table_text(t: TrendTable) -> list[list[str]]:
    """The table as published: header row, then label and counts (``x`` where suppressed)."""
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
    from emm.products.render import ENVIRONMENT

    meta = {
        "product_id": product_id,
        "kind": draft.kind,
        "title": draft.title,
        "phenomenon": draft.phenomenon,
        "period": list(draft.period),
        "contains_personal_data": False,
        "min_count": draft.min_count,
    }
    tables = [{"title": t.title, "note": t.note, "rows": table_text(t)} for t in draft.tables]
    files: dict[str, bytes] = {
        "product.json": json.dumps(
            {
                **meta,
                "narrative": draft.narrative,
                "recommendations": draft.recommendations,
                "tables": tables,
            },
            indent=2,
            ensure_ascii=False,
        ).encode(),
    }
    for i, t in enumerate(tables, start=1):
        files[f"table-{i}.csv"] = csv_bytes(t["rows"])
    html = ENVIRONMENT.get_template("trend.html").render(
        draft=draft,
        product_id=product_id,
        kind_text=KINDS[draft.kind],
        marker=SUPPRESSED_MARKER,
        tables=tables,
    )
    files["product.html"] = html.encode()
    files["product.pdf"] = _pdf(draft, product_id)
    return files


def _pdf(draft: TrendDraft, product_id: str) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
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
        table = Table(table_text(t), repeatRows=1)
        table.setStyle(
            TableStyle(
                [("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("FONTSIZE", (0, 0), (-1, -1), 7)]
            )
        )
        story.append(table)
        if t.note:
            story.append(Paragraph(escape(t.note), styles["Italic"]))
    SimpleDocTemplate(buf, pagesize=A4, title=draft.title).build(story)
    return buf.getvalue()
