"""The analysis rule tables (``detection.yaml``, ``organisers.yaml``, ``minimum_wage.yaml``),
validated at load time with :func:`emm.tables.load_table`.

Each loader returns plain dicts and lists as the rest of the package has always read them; a
wrong table fails on first use with the file and field named (:class:`IndicatorTableError`).
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from emm.graph.analysis.exceptions import IndicatorTableError
from emm.tables import TableError, load_table

__all__ = ["detection_table", "minimum_wage_table", "organiser_table"]

_PACKAGE = "emm.graph.analysis"


class _Communities(BaseModel):
    objective: Literal["CPM", "modularity"]
    resolution: float = Field(gt=0)
    warm_start: float = 0
    explanation_en: str
    explanation_nl: str


class _Hubs(BaseModel):
    labels: list[str]
    degree: int = Field(gt=0)
    degree_labels: list[str]
    neutral_kinds: list[str]
    neutral_sectors: list[str]
    venue_min_guests: int = Field(ge=1)
    place_min_groups: int = Field(ge=0)
    place_group_min_persons: int = Field(ge=1)
    paid_window_days: int = Field(ge=0)
    hub_paid_window_days: int = Field(ge=0)
    hub_paid_max_guests: int = Field(ge=1)
    explanation_en: str
    explanation_nl: str


class _Weight(BaseModel):
    weight: float = Field(ge=0)
    why: str


class _EdgeWeights(BaseModel):
    default: float = Field(ge=0)
    types: dict[str, _Weight]


class _Flags(BaseModel):
    types: list[str]
    uninvolved_roles: list[str] = Field(default_factory=list)


class _Periphery(BaseModel):
    max_ties: int = Field(ge=0)
    own_types: list[str]
    group_max_ties: int = Field(default=0, ge=0)
    rounds: int = Field(default=1, ge=1)
    weak_indicators: list[str] = Field(default_factory=list)
    shared_cases_only: bool = False
    explanation_en: str
    explanation_nl: str


class _Detection(BaseModel):
    communities: _Communities
    hubs: _Hubs
    flags: _Flags
    periphery: _Periphery
    edge_weights: _EdgeWeights


def _load(name: str, model: type[BaseModel]) -> Any:
    try:
        return load_table(_PACKAGE, name, model)
    except TableError as exc:
        raise IndicatorTableError(str(exc)) from exc


@cache
def detection_table() -> dict[str, Any]:
    """The settings of :func:`emm.graph.analysis.detect_networks` from ``detection.yaml``.

    Returns ``{"communities": {...}, "hubs": {...}, "flags": [types], "periphery": {...},
    "edge_weights": {type: weight}, "default_weight": float}``.

    Examples
    --------
    >>> t = detection_table()
    >>> t["communities"]["objective"], t["edge_weights"]["STAYED_AT"], t["default_weight"]
    ('CPM', 0.2, 0.5)
    """
    t = _load("detection.yaml", _Detection)
    return {
        "communities": t.communities.model_dump(),
        "hubs": t.hubs.model_dump(),
        "flags": list(t.flags.types),
        "uninvolved_roles": list(t.flags.uninvolved_roles),
        "periphery": t.periphery.model_dump(),
        "edge_weights": {k: v.weight for k, v in t.edge_weights.types.items()},
        "default_weight": t.edge_weights.default,
    }


class _Feature(BaseModel):
    weight: float
    saturation: float = Field(gt=0)
    scale: Literal["linear", "log"] = "linear"
    why: str
    explanation_en: str
    explanation_nl: str


class _Organisers(BaseModel):
    features: dict[str, _Feature]


@cache
def organiser_table() -> dict[str, dict[str, Any]]:
    """The organiser features of ``organisers.yaml``: weight, saturation, scale, rationale
    (``why``) and explanations, in file order.

    Examples
    --------
    >>> t = organiser_table()
    >>> t["pays_for_others"]["weight"] > 0 > t["victim"]["weight"]
    True
    """
    t = _load("organisers.yaml", _Organisers)
    return {k: v.model_dump() for k, v in t.features.items()}


class _WageRow(BaseModel):
    effective_from: str
    monthly: float = Field(gt=0)
    hourly: float | None = None
    adult_age: int = Field(ge=18, le=25)
    youth: dict[int, float]

    @field_validator("effective_from")
    @classmethod
    def _iso(cls, value: str) -> str:
        import datetime as dt

        dt.date.fromisoformat(value)
        return value


class _MinimumWage(BaseModel):
    source: str
    notes: str
    hours_per_week: float = Field(gt=0)
    rows: list[_WageRow]


@cache
def minimum_wage_table() -> dict[str, Any]:
    """The Dutch statutory minimum wage (``minimum_wage.yaml``), oldest row first.

    Examples
    --------
    >>> t = minimum_wage_table()
    >>> t["rows"][0]["effective_from"], t["rows"][0]["monthly"]
    ('2015-01-01', 1501.8)
    """
    t = _load("minimum_wage.yaml", _MinimumWage)
    rows = sorted((r.model_dump() for r in t.rows), key=lambda r: r["effective_from"])
    return {"source": t.source, "notes": t.notes, "hours_per_week": t.hours_per_week, "rows": rows}
