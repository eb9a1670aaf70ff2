"""Counting signals into the tables of a trend picture (no identifiers ever enter)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from emm.graph.model import NO_FILTER, EdgeFilter
from emm.products.errors import ProductInputError
from emm.products.trends.model import (
    DEFAULT_MIN_COUNT,
    KINDS,
    PHENOMENON_NAMES,
    TrendDraft,
    TrendTable,
)

if TYPE_CHECKING:  # the guard imports the products, so only an annotation here
    from emm.access.guarded import GuardedStore

__all__ = ["build_trend"]


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
        raise ProductInputError(f"unknown product kind {kind!r} (known: {', '.join(KINDS)})")
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
