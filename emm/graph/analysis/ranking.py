"""Rank candidate networks by size, indicators, parties, recency and the phenomenon of their
cases (weights in a table).

The weights and scaling constants live in ``ranking.yaml``; every :class:`NetworkScore`
carries its component values and a plain-language explanation, so an analyst sees *why* a
network is on top, not just that it is.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from emm.graph.analysis.exceptions import IndicatorTableError, InvalidThreshold

if TYPE_CHECKING:
    from emm.graph.analysis.indicators import IndicatorHit
    from emm.graph.analysis.networks import Network

__all__ = ["NetworkScore", "rank_networks", "ranking_table"]

COMPONENTS = ("size", "indicators", "parties", "recency", "phenomenon")


@dataclass(frozen=True)
class NetworkScore:
    """The score of one network.

    Attributes
    ----------
    network_id : str
        :attr:`Network.id`.
    score : float
        Weighted mean of the components, between 0 and 1.
    components : dict
        Each component's value between 0 and 1 (``size``, ``indicators``, ``parties``,
        ``recency``, ``phenomenon``).
    explanation : list of str
        Human-readable reasons, one per component.
    indicators : dict
        Hits per indicator id in this network.
    rank : int
        1 = highest score.
    """

    network_id: str
    score: float
    components: Mapping[str, float]
    explanation: list[str]
    indicators: Mapping[str, int] = field(default_factory=dict)
    rank: int = 0


@cache
def ranking_table() -> dict[str, dict[str, Any]]:
    """The ranking components from ``ranking.yaml``.

    Examples
    --------
    >>> ranking_table()["indicators"]["weight"]
    3.0
    """
    from importlib import resources

    import yaml

    text = resources.files("emm.graph.analysis").joinpath("ranking.yaml").read_text("utf-8")
    try:
        table = {k: dict(v) for k, v in yaml.safe_load(text)["components"].items()}
    except (KeyError, TypeError, AttributeError) as exc:
        raise IndicatorTableError(f"ranking.yaml is malformed: {exc!r}") from exc
    if set(table) != set(COMPONENTS):
        raise IndicatorTableError(f"ranking.yaml must define exactly: {', '.join(COMPONENTS)}")
    return table


def _as_date(value: str | dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


_TEXT: dict[str, dict[str, Any]] = {
    "en": {
        "size": "{n} members, of whom {p} persons",
        "none": "no indicators fired",
        "fired": "{k} {word} fired: {items}",
        "parties": "{k} {word} involved: {items}",
        "indicator": ("indicator", "indicators"),
        "party": ("party", "parties"),
        "latest": "latest fact {d} ({days} days before {now})",
        "undated": "no dated facts",
        "phenomenon": "{k} of {n} signal(s) and investigation(s) about trafficking or smuggling",
    },
    "nl": {
        "size": "{n} leden, waarvan {p} personen",
        "none": "geen indicatoren afgegaan",
        "fired": "{k} {word} afgegaan: {items}",
        "parties": "{k} {word} betrokken: {items}",
        "indicator": ("indicator", "indicatoren"),
        "party": ("partij", "partijen"),
        "latest": "nieuwste feit {d} ({days} dagen voor {now})",
        "undated": "geen gedateerde feiten",
        "phenomenon": "{k} van {n} signaal/signalen en onderzoek(en) over mensenhandel of -smokkel",
    },
}


def rank_networks(
    networks: Iterable[Network],
    hits: Iterable[IndicatorHit],
    *,
    now: str | dt.date,
    weights: Mapping[str, float] | None = None,
    lang: Literal["en", "nl"] = "en",
    data: Any = None,
) -> list[NetworkScore]:
    """Score and rank networks; highest score first.

    A hit counts for a network when its subject or one of its related entities is a member.
    Each distinct indicator counts its ``weight`` from ``indicators.yaml`` (being known to
    several parties is the purpose of the centre, not a sign of exploitation: 0.25; a minor
    1.5). Hits recognised as known-benign (``suppressed``) do not count. Ties are broken by
    network id, which is content-ordered (:func:`emm.graph.analysis.detect_networks`).

    Parameters
    ----------
    networks : iterable of Network
        E.g. from :func:`detect_networks`.
    hits : iterable of IndicatorHit
        E.g. from :func:`run_indicators` on the same (filtered) data.
    now : str or datetime.date
        Reference date for recency (pass it explicitly: results must be reproducible).
    weights : mapping, optional
        Override component weights, e.g. ``{"recency": 0}``.
    lang : {"en", "nl"}, default "en"
        Language of the explanation.
    data : (edges, nodes) pair of DataFrames or networkx graph, optional
        The data the networks were found in: the phenomenon of their signals and
        investigations. Without it every network scores ``no_cases`` on that component.

    Returns
    -------
    list of NetworkScore

    Raises
    ------
    InvalidThreshold
        If ``weights`` names an unknown component or all weights are zero.

    Examples
    --------
    >>> from emm.graph.analysis.networks import Network
    >>> from emm.graph.analysis.indicators import IndicatorHit
    >>> net = Network("N0001", frozenset({"p1", "p2", "a1"}), frozenset({"p1", "p2"}),
    ...               frozenset({"p1"}), frozenset({"POL", "IND"}), "2026-10-02", 7)
    >>> hit = IndicatorHit("multi_agency", "p1", 2, 2, ("POL-1", "IND-1"), ("IND", "POL"))
    >>> [s] = rank_networks([net], [hit], now="2026-11-28")
    >>> for line in s.explanation:
    ...     print(line)
    3 members, of whom 2 persons
    1 indicator fired: Known to several parties
    2 parties involved: IND, POL
    latest fact 2026-10-02 (57 days before 2026-11-28)
    >>> round(s.score, 3)
    0.383
    """
    from emm.graph.analysis.indicators import indicator_table

    table = ranking_table()
    phenomenon_of = _case_phenomena(data)
    thb = set(table["phenomenon"]["phenomena"])
    w = {k: float(v["weight"]) for k, v in table.items()}
    for key, value in (weights or {}).items():
        if key not in w:
            raise InvalidThreshold(f"unknown ranking component {key!r} (known: {', '.join(w)})")
        w[key] = float(value)
    total = sum(w.values())
    if total <= 0:
        raise InvalidThreshold("at least one ranking weight must be positive")
    today = _as_date(now)
    text = _TEXT[lang]
    titles = {k: ind.title(lang) for k, ind in indicator_table().items()}
    strength = {k: ind.weight for k, ind in indicator_table().items()}
    hit_list = [h for h in hits if getattr(h, "suppressed", None) is None]
    by_node: dict[str, list[int]] = defaultdict(list)  # entity -> hits about or involving it
    for i, h in enumerate(hit_list):
        for node in {h.subject, *h.related}:
            by_node[node].append(i)

    scores = []
    for net in networks:
        found: set[int] = set()
        for member in net.members:
            found.update(by_node.get(member, ()))
        fired: Counter[str] = Counter(hit_list[i].indicator_id for i in found)
        comp = {
            "size": min(1.0, math.log1p(net.size) / math.log1p(table["size"]["saturation"])),
            "indicators": min(
                1.0, sum(strength.get(k, 1.0) for k in fired) / table["indicators"]["saturation"]
            ),
            "parties": min(
                1.0, max(0, len(net.parties) - 1) / (table["parties"]["saturation"] - 1)
            ),
            "recency": 0.0,
        }
        explanation = [text["size"].format(n=net.size, p=len(net.persons))]
        if fired:
            items = ", ".join(
                titles.get(k, k) + (f" ({n}x)" if n > 1 else "") for k, n in sorted(fired.items())
            )
            word = text["indicator"][len(fired) > 1]
            explanation.append(text["fired"].format(k=len(fired), word=word, items=items))
        else:
            explanation.append(text["none"])
        word = text["party"][len(net.parties) != 1]
        explanation.append(
            text["parties"].format(
                k=len(net.parties), word=word, items=", ".join(sorted(net.parties)) or "-"
            )
        )
        if net.latest:
            latest = _as_date(net.latest)
            days = (today - latest).days
            comp["recency"] = 0.5 ** (max(days, 0) / table["recency"]["half_life_days"])
            explanation.append(
                text["latest"].format(d=latest.isoformat(), days=days, now=today.isoformat())
            )
        else:
            explanation.append(text["undated"])
        known = [phenomenon_of[c] for c in net.cases if c in phenomenon_of]
        if known:
            k = sum(p in thb for p in known)
            sat = float(table["phenomenon"]["saturation"])
            comp["phenomenon"] = k / len(known) * min(1.0, k / sat)
            explanation.append(text["phenomenon"].format(k=k, n=len(known)))
        else:
            comp["phenomenon"] = float(table["phenomenon"]["no_cases"])
        score = sum(w[k] * comp[k] for k in COMPONENTS) / total
        scores.append(NetworkScore(net.id, score, comp, explanation, dict(fired)))
    scores.sort(key=lambda s: (-s.score, s.network_id))
    return [
        NetworkScore(s.network_id, s.score, s.components, s.explanation, s.indicators, rank=i)
        for i, s in enumerate(scores, start=1)
    ]


def _case_phenomena(data: Any) -> dict[str, str]:
    """uid -> phenomenon of every signal and investigation in ``data`` (empty without data)."""
    if data is None:
        return {}
    from emm.graph.analysis.context import CONTEXT_LABELS
    from emm.graph.analysis.frames import as_frames

    _, nodes = as_frames(data)
    if "phenomenon" not in nodes.columns:
        return {}
    cases = nodes[nodes["label"].isin(CONTEXT_LABELS)]
    value = cases["phenomenon"].where(cases["phenomenon"].notna(), "unknown").astype(str)
    return dict(zip(cases["uid"].astype(str), value.str.lower(), strict=True))
