"""Disclosure control of the tables and de-identification of the text: what the analyst previews.

:func:`protect` applies statistical disclosure control to one table; :func:`table_problems`
says why a table as it would be published is unsafe; :func:`prepare` makes the draft that may
leave (every replacement listed, every table protected).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import pandas as pd

from emm.products.trends.model import TrendDraft, TrendTable

__all__ = ["prepare", "protect", "protect_all", "table_problems"]


def protect(t: TrendTable, min_count: int, rounding: int | None = None) -> TrendTable:
    """``t`` after disclosure control (threshold, secondary suppression, optional rounding).

    The method summary is appended to the table's note.
    """
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


def protect_all(draft: TrendDraft) -> TrendDraft:
    """The draft with every table not yet protected put through :func:`protect`."""
    return replace(
        draft,
        tables=[
            t if t.protected else protect(t, draft.min_count, draft.rounding) for t in draft.tables
        ],
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
    guarded: Any,
    draft: TrendDraft,
    *,
    known: Any = None,
    load_known: Callable[[], Iterable[tuple[str, str]]] | None = None,
    engine: Any = None,
    progress: Callable[[str], None] | None = None,
) -> TrendDraft:
    """The draft as it may leave: texts de-identified (replacements listed), tables protected.

    :param guarded: the principal's store; its known values are replaced too unless
        ``known`` or ``load_known`` is given.
    :param known: a :class:`emm.anonymise.KnownValues` to replace.
    :param load_known: returns (kind, value) pairs to replace (the gate checks every known
        value again in any case).
    """
    from emm.anonymise import KnownValues, deidentify

    gate = None
    if known is None and load_known is not None:
        known = KnownValues(load_known())
    elif known is None:
        gate = guarded.export_gate()  # known values stay inside the gate (audited)

    out = replace(draft, tables=[], replacements=[])
    texts = {}
    for name, text in draft.texts().items():
        if progress:
            progress(f"de-identifying {name}")
        if gate is not None:
            result = gate.deidentify(text, language=draft.language, engine=engine)
        else:
            result = deidentify(text, language=draft.language, known=known, engine=engine)
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
        protected = t if t.protected else protect(t, draft.min_count, draft.rounding)
        out.tables.append(
            replace(protected, title=texts[f"table {i} title"], note=texts[f"table {i} note"])
        )
    return out
