"""Trafficking and smuggling indicators: rules in a table, one small function per rule.

The table is ``indicators.yaml`` (titles and explanations in Dutch and English, thresholds,
phenomena, the weight of a hit as evidence in the network ranking, and the known-benign
patterns each rule recognises). Each rule is a function registered under the table's id in one
of the rule modules (:mod:`~emm.graph.analysis.rules_housing`,
:mod:`~emm.graph.analysis.rules_money`, :mod:`~emm.graph.analysis.rules_people`,
:mod:`~emm.graph.analysis.rules_travel`); it returns :class:`IndicatorHit` objects whose
``evidence`` lists the ``source_ref`` of every fact the hit rests on, so an analyst can trace
each hit back to the supplying parties.

Known-benign patterns (daily commercial border traffic, ordinary hotel guests, an employer that
houses its workers regularly, a family pooling money) are recognised by evidence, never by size:
such a hit is marked ``suppressed`` with the evidence and left out unless asked for.

Rules are pandas group-bys over the edge table, which is faster than graph traversal on the
whole graph (``notes/graph-performance.md``). They see only what they are given: filter the
graph first (:func:`emm.graph.analysis.filter_graph`) and excluded facts cannot fire a rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

# the rule modules register themselves on import
from emm.graph.analysis import rules_housing, rules_money, rules_people, rules_travel  # noqa: F401
from emm.graph.analysis.exceptions import (
    IndicatorTableError,
    InvalidThreshold,
    UnknownIndicator,
)
from emm.graph.analysis.indicator_base import Indicator, IndicatorHit, Tables, rule, rules
from emm.tables import TableError, load_table

__all__ = [
    "Indicator",
    "IndicatorHit",
    "Tables",
    "indicator_table",
    "rule",
    "run_indicators",
]


class _Benign(BaseModel, extra="allow"):
    explanation_en: str
    explanation_nl: str


class _Row(BaseModel):
    title_nl: str
    title_en: str
    explanation_nl: str
    explanation_en: str
    phenomenon: list[str]
    subject: str
    thresholds: dict[str, float]
    params: dict[str, Any] = Field(default_factory=dict)
    weight: float = Field(default=1.0, ge=0)
    benign: dict[str, _Benign] = Field(default_factory=dict)


class _Table(BaseModel):
    indicators: dict[str, _Row]


@cache
def indicator_table() -> dict[str, Indicator]:
    """The indicator table from ``indicators.yaml``, in file order.

    Examples
    --------
    >>> table = indicator_table()
    >>> table["address_many_unrelated"].thresholds["min_persons"]
    5
    >>> table["shared_ad_contact"].title("nl")
    'Eén telefoonnummer of e-mailadres in advertenties voor meerdere personen'
    """
    try:
        rows = load_table("emm.graph.analysis", "indicators.yaml", _Table).indicators
    except TableError as exc:
        raise IndicatorTableError(str(exc)) from exc
    table = {
        key: Indicator(
            id=key,
            title_nl=row.title_nl,
            title_en=row.title_en,
            explanation_nl=row.explanation_nl,
            explanation_en=row.explanation_en,
            phenomena=tuple(row.phenomenon),
            subject=row.subject,
            thresholds={
                k: int(v) if float(v).is_integer() else v for k, v in row.thresholds.items()
            },
            params=dict(row.params),
            weight=row.weight,
            benign={k: v.model_dump() for k, v in row.benign.items()},
        )
        for key, row in rows.items()
    }
    registered = rules()
    missing = sorted(set(table) - set(registered)) + sorted(set(registered) - set(table))
    if missing:
        raise IndicatorTableError(f"rules and table disagree on: {', '.join(missing)}")
    return table


def _resolved_thresholds(
    table: Mapping[str, Indicator], overrides: Mapping[str, Mapping[str, float]] | None
) -> dict[str, dict[str, float]]:
    result = {key: dict(ind.thresholds) for key, ind in table.items()}
    for key, values in (overrides or {}).items():
        if key not in table:
            raise UnknownIndicator(f"unknown indicator {key!r} (known: {', '.join(table)})")
        for name, value in values.items():
            if name not in table[key].thresholds:
                known = ", ".join(table[key].thresholds)
                raise InvalidThreshold(f"{key} has no threshold {name!r} (known: {known})")
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InvalidThreshold(f"{key}.{name} must be a number, not {value!r}")
            result[key][name] = value
    return result


def run_indicators(
    data: Any,
    *,
    only: Iterable[str] | None = None,
    thresholds: Mapping[str, Mapping[str, float]] | None = None,
    include_suppressed: bool = False,
) -> list[IndicatorHit]:
    """Run the indicator rules over a graph or its edge and node tables.

    Parameters
    ----------
    data : networkx.MultiDiGraph or (edges, nodes) pair of DataFrames
        The (filtered) projection or its tables (see :func:`emm.graph.analysis.to_frames`).
    only : iterable of str, optional
        Indicator ids to run; all when ``None``.
    thresholds : mapping, optional
        Overrides per indicator, e.g. ``{"address_many_unrelated": {"min_persons": 4}}``.
    include_suppressed : bool, default False
        Also return hits recognised as a known-benign pattern (``hit.suppressed`` set).

    Returns
    -------
    list of IndicatorHit
        In table order, then by descending value and the subject's identity key.

    Raises
    ------
    UnknownIndicator
        If ``only`` or ``thresholds`` names an id not in the table.
    InvalidThreshold
        If an override names an unknown threshold or is not a number.
    InvalidFrames
        If ``data`` is not a graph or valid tables.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("ad1", label="Advertisement")
    >>> G.add_node("ph1", label="Phone")
    >>> _ = G.add_edge("ad1", "ph1", key="POL-1", type="ADVERTISED_WITH", party="POL")
    >>> for i in range(3):
    ...     G.add_node(f"p{i}", label="Person")
    ...     _ = G.add_edge("ad1", f"p{i}", key=f"POL-p{i}", type="ADVERTISES", party="POL")
    >>> [(h.indicator_id, h.subject, h.value, h.related)
    ...  for h in run_indicators(G, only=["shared_ad_contact"])]
    [('shared_ad_contact', 'ph1', 3.0, ('p0', 'p1', 'p2'))]
    """
    from emm.graph.analysis.frames import as_frames, order_keys

    table = indicator_table()
    chosen = list(table) if only is None else [only] if isinstance(only, str) else list(only)
    unknown = [i for i in chosen if i not in table]
    if unknown:
        raise UnknownIndicator(
            f"unknown indicator(s) {', '.join(unknown)} (known: {', '.join(table)})"
        )
    th = _resolved_thresholds(table, thresholds)
    edges, nodes = as_frames(data)
    tables = Tables(edges, nodes)
    order = order_keys(nodes)
    registered = rules()
    hits: list[IndicatorHit] = []
    for key in table:
        if key not in chosen:
            continue
        found = registered[key](tables, th[key], table[key])
        if not include_suppressed:
            found = [h for h in found if h.suppressed is None]
        found.sort(key=lambda h: (-h.value, order.get(h.subject, h.subject)))
        hits.extend(found)
    return hits
