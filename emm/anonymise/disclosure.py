"""Statistical disclosure control for aggregate count tables (Quick Scan, TIB, SIB, NCP).

A table of counts can point at persons even without names: "2 Eritrean victims in
municipality X". :func:`protect_table` applies the rules in :data:`RULES` (a table, with the
guideline each comes from, printed in every report):

1. primary suppression: a cell with 0 < count < ``min_count`` is suppressed;
2. secondary suppression: a suppressed cell must not be recomputable from the row and column
   totals, so every row and column (totals included) that has a suppressed cell gets at least
   two, choosing the smallest complementary cells; afterwards a linear-algebra audit checks
   that no suppressed cell is determined by the published numbers and suppresses more if one
   is;
3. optional rounding of every published count (totals too) to a base such as 5.

Example
-------
>>> import pandas as pd
>>> counts = pd.DataFrame({"seksueel": [12, 3], "arbeid": [25, 14]}, index=["NL", "RO"])
>>> protected = protect_table(counts)
>>> protected.formatted().loc["RO", "seksueel"]
'x'
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from emm.errors import EmmError

__all__ = [
    "RULES",
    "DisclosureError",
    "ProtectedTable",
    "Rule",
    "SuppressedCell",
    "protect_table",
    "recomputable_cells",
]

DEFAULT_MIN_COUNT = 10
TOTAL_LABEL = "Totaal"


class DisclosureError(EmmError, ValueError):
    """The input is not a table of non-negative whole counts."""


@dataclass(frozen=True)
class Rule:
    code: str
    description: str
    reference: str
    applied: bool = True


#: The rules, with the guideline each comes from. Shown in every report.
RULES: tuple[Rule, ...] = (
    Rule(
        "THRESHOLD",
        "A cell with a count of at least 1 and below the minimum (default 10) is suppressed "
        "(primary suppression). Zeros are published.",
        "Eurostat, tabular data confidentiality (threshold rule); ESSnet SDC, 'Guidelines for "
        "the checking of output based on microdata research' (2010, with CBS), rule of thumb "
        "of 10 units per cell; ACRO output checking, default threshold 10.",
    ),
    Rule(
        "SECONDARY",
        "Every row and column (totals included) with a suppressed cell has at least two, so a "
        "suppressed value cannot be recomputed from the published total; the complementary "
        "cells are the smallest positive ones. An audit solves the published table as linear "
        "equations and suppresses more while any suppressed cell is still determined.",
        "Eurostat / Hundepool et al., 'Handbook on Statistical Disclosure Control', ch. 4 "
        "(secondary suppression, audit); ESSnet SDC output-checking guidelines (differencing "
        "via totals).",
    ),
    Rule(
        "ROUNDING",
        "Optionally every published count, totals included, is rounded to the nearest "
        "multiple of a base (5); totals are computed before rounding, so rows need not add up.",
        "Eurostat tabular confidentiality (rounding as a perturbative method); ESSnet SDC "
        "output-checking guidelines.",
    ),
    Rule(
        "DOMINANCE",
        "(n,k) dominance rule (ACRO default n=2, k=90%): for tables of magnitudes (sums of "
        "amounts), not for counts of persons or cases; not applied here.",
        "Eurostat tabular confidentiality; ACRO default (2, 90%).",
        applied=False,
    ),
)

Reason = Literal["primary", "secondary"]


@dataclass(frozen=True)
class SuppressedCell:
    row: Hashable
    column: Hashable
    reason: Reason
    rule: str


@dataclass(frozen=True)
class ProtectedTable:
    """A protected table and the report of what was done to it.

    ``table`` holds the published numbers with totals (label ``"Totaal"``); suppressed cells
    are missing (``<NA>``). ``suppressed`` lists each suppressed cell with the reason. The
    original counts are not kept.
    """

    table: pd.DataFrame
    suppressed: list[SuppressedCell] = field(default_factory=list)
    min_count: int = DEFAULT_MIN_COUNT
    rounding: int | None = None

    def formatted(self, marker: str = "x") -> pd.DataFrame:
        """The table as text with ``marker`` in every suppressed cell.

        One marker for all suppressed cells: a separate "<10" for primary cells would tell a
        reader which cells are small and narrow the secondary ones down.
        """
        return (
            self.table.astype(object)
            .where(self.table.notna(), marker)
            .map(lambda v: v if isinstance(v, str) else str(int(v)))
        )

    def report(self) -> pd.DataFrame:
        """One row per suppressed cell: row, column, reason, rule and its reference."""
        refs = {r.code: r.reference for r in RULES}
        rows = [
            {
                "row": c.row,
                "column": c.column,
                "reason": c.reason,
                "rule": c.rule,
                "reference": refs[c.rule],
            }
            for c in self.suppressed
        ]
        return pd.DataFrame(rows, columns=["row", "column", "reason", "rule", "reference"])

    def summary(self) -> str:
        """A short text for the product's method section."""
        primary = sum(c.reason == "primary" for c in self.suppressed)
        secondary = len(self.suppressed) - primary
        text = (
            f"Cells with 1 to {self.min_count - 1} cases are suppressed ({primary} cells); "
            f"{secondary} further cells are suppressed so that these cannot be derived from "
            "the totals."
        )
        if self.rounding:
            text += f" All published counts are rounded to multiples of {self.rounding}."
        return text


def protect_table(
    df: pd.DataFrame,
    *,
    min_count: int = DEFAULT_MIN_COUNT,
    rounding: int | None = None,
    total_label: str = TOTAL_LABEL,
) -> ProtectedTable:
    """Apply threshold, secondary suppression and optional rounding to a count table.

    :param df: counts, one row per category of one variable and one column per category of
        another (no totals: they are computed here).
    :param min_count: smallest count that may be published (counts 1 .. min_count-1 are
        suppressed).
    :param rounding: base to round published counts to (e.g. 5), or None.
    :param total_label: label of the totals row and column.
    :raises DisclosureError: when ``df`` holds something other than non-negative integers,
        or already has a row or column named ``total_label``.
    """
    counts = _validate(df, total_label)
    n_rows, n_cols = counts.shape
    full = np.zeros((n_rows + 1, n_cols + 1), dtype=np.int64)
    full[:n_rows, :n_cols] = counts
    full[:n_rows, n_cols] = counts.sum(axis=1)
    full[n_rows, :n_cols] = counts.sum(axis=0)
    full[n_rows, n_cols] = counts.sum()

    suppressed = np.zeros_like(full, dtype=bool)
    reasons: dict[tuple[int, int], Reason] = {}
    for i in range(n_rows + 1):
        for j in range(n_cols + 1):
            if 0 < full[i, j] < min_count:
                suppressed[i, j] = True
                reasons[(i, j)] = "primary"

    _secondary(full, suppressed, reasons)

    published = full.astype(float)
    if rounding:
        published = np.floor(published / rounding + 0.5) * rounding
    published[suppressed] = np.nan

    index = [*df.index, total_label]
    columns = [*df.columns, total_label]
    table = pd.DataFrame(published, index=index, columns=columns).astype("Int64")
    cells = [
        SuppressedCell(
            index[i], columns[j], reason, "THRESHOLD" if reason == "primary" else "SECONDARY"
        )
        for (i, j), reason in sorted(reasons.items())
    ]
    return ProtectedTable(table, cells, min_count, rounding)


def _validate(df: pd.DataFrame, total_label: str) -> np.ndarray:
    if total_label in df.index or total_label in df.columns:
        raise DisclosureError(f"the table already has a {total_label!r} row or column")
    if df.empty:
        raise DisclosureError("the table is empty")
    try:
        values = df.to_numpy(dtype=float)
    except (TypeError, ValueError) as exc:
        raise DisclosureError("the table must hold numbers only") from exc
    if np.isnan(values).any() or (values < 0).any() or (values != np.round(values)).any():
        raise DisclosureError("the table must hold non-negative whole counts")
    return values.astype(np.int64)


def _lines(shape: tuple[int, int]) -> list[list[tuple[int, int]]]:
    """The additive relations of the table with totals: each row and each column."""
    n, m = shape
    return [[(i, j) for j in range(m)] for i in range(n)] + [
        [(i, j) for i in range(n)] for j in range(m)
    ]


def _secondary(
    full: np.ndarray, suppressed: np.ndarray, reasons: dict[tuple[int, int], Reason]
) -> None:
    """Suppress complementary cells until no suppressed cell can be recomputed."""
    lines = _lines(full.shape)
    while True:
        changed = False
        for line in lines:
            hidden = [c for c in line if suppressed[c]]
            if len(hidden) == 1:
                _suppress_smallest(full, suppressed, reasons, line)
                changed = True
        if changed:
            continue
        determined = recomputable_cells(full, suppressed)
        if not determined:
            return
        # a suppressed cell is still determined (e.g. through a chain of lines): widen the
        # pattern in a line through it
        cell = min(determined)
        for line in lines:
            if cell in line and _suppress_smallest(full, suppressed, reasons, line):
                break
        else:  # pragma: no cover - every cell lies in a line with a free cell or all hidden
            return


def _suppress_smallest(
    full: np.ndarray,
    suppressed: np.ndarray,
    reasons: dict[tuple[int, int], Reason],
    line: list[tuple[int, int]],
) -> bool:
    candidates = [c for c in line if not suppressed[c]]
    if not candidates:
        return False
    n, m = full.shape

    def cost(c: tuple[int, int]) -> tuple[int, int, int]:
        is_total = c[0] == n - 1 or c[1] == m - 1
        # smallest positive inner cell first; zeros and totals last
        return (int(full[c] == 0), int(is_total), int(full[c]))

    best = min(candidates, key=cost)
    suppressed[best] = True
    reasons.setdefault(best, "secondary")
    return True


def recomputable_cells(full: np.ndarray, suppressed: np.ndarray) -> set[tuple[int, int]]:
    """Suppressed cells whose value follows from the published cells and totals.

    ``full`` is the table *with* totals in its last row and column. The table is a set of
    linear equations (each row and column adds up to its total); a suppressed cell is
    determined when its unit vector lies in the row space of those equations restricted to
    the suppressed cells.
    """
    cells = [(int(i), int(j)) for i, j in np.argwhere(suppressed)]
    if not cells:
        return set()
    pos = {c: k for k, c in enumerate(cells)}
    n, m = full.shape
    rows = []
    for line in _lines((n, m)):
        # sum of inner cells - total = 0; the total is the last element of the line
        coeffs = np.zeros(len(cells))
        for c in line[:-1]:
            if c in pos:
                coeffs[pos[c]] += 1
        if line[-1] in pos:
            coeffs[pos[line[-1]]] -= 1
        if coeffs.any():
            rows.append(coeffs)
    if not rows:
        return set(cells)  # pragma: no cover - a hidden cell outside every line
    a = np.array(rows)
    rank = np.linalg.matrix_rank(a)
    out: set[tuple[int, int]] = set()
    for c, k in pos.items():
        unit = np.zeros(len(cells))
        unit[k] = 1
        if np.linalg.matrix_rank(np.vstack([a, unit])) == rank:
            out.add(c)
    return out
