"""Who in a candidate network is likely to organise it: a score from roles and money flows.

Betweenness alone picks the most central *entity*, and in trafficking networks that is often a
victim's shared phone or home rather than the person behind it. :func:`organisers` scores each
person of a network on features an analyst would look at (weights and saturation points in
``organisers.yaml``):

* ``suspect`` / ``victim``: distinct signals or investigations in which the person is
  involved with that role (``INVOLVED_IN.role``);
* ``money_in``: other accounts (or payers) from which money reaches the person or an account
  the person holds (``PAYMENT``, ``PAID_FOR``);
* ``pays_for_others``: advertisements, rooms, trips or persons paid for (``PAID_FOR``) from an
  account the person holds;
* ``director``: companies the person is director of (``DIRECTOR_OF``);
* ``controls_contacts``: other persons and advertisements that use a phone or e-mail address
  the person uses (``USES_PHONE``, ``USES_EMAIL``, ``ADVERTISED_WITH``);
* ``controls_vehicles``: other persons who drive or ride in a vehicle the person owns;
* ``betweenness``: hop-count betweenness in the network's own subgraph, relative to the
  network's most central member.

Each feature value is divided by its saturation (at most 1) and multiplied by its weight; the
score is the sum, so it can be negative (a victim with no other signs). Facts are those that
touch a member of the network, including facts to removed hubs (a suspect role in a large
investigation still counts). Every score carries its components and a plain-language
explanation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from emm.graph.analysis.exceptions import IndicatorTableError, InvalidThreshold

if TYPE_CHECKING:
    import pandas as pd

    from emm.graph.analysis.wholegraph import Network

__all__ = ["FEATURES", "OrganiserScore", "organiser_table", "organisers"]

#: The features, in the order of ``organisers.yaml``.
FEATURES = (
    "suspect",
    "victim",
    "money_in",
    "pays_for_others",
    "director",
    "controls_contacts",
    "controls_vehicles",
    "betweenness",
)
_MONEY = ("PAYMENT", "PAID_FOR")
_CONTACT = ("USES_PHONE", "USES_EMAIL")


@dataclass(frozen=True)
class OrganiserScore:
    """The organiser score of one person of a network.

    Attributes
    ----------
    uid : str
        The person.
    score : float
        Sum of the weighted, saturated features (see the module notes).
    values : dict
        Raw feature values (counts; betweenness relative to the network's highest).
    components : dict
        Each feature's contribution to ``score`` (weight x min(1, value / saturation)).
    explanation : list of str
        One line per feature that contributed, largest contribution first.
    rank : int
        1 = most likely organiser.
    """

    uid: str
    score: float
    values: Mapping[str, float] = field(default_factory=dict)
    components: Mapping[str, float] = field(default_factory=dict)
    explanation: list[str] = field(default_factory=list)
    rank: int = 0


@cache
def organiser_table() -> dict[str, dict[str, Any]]:
    """The features of ``organisers.yaml``: weight, saturation and explanations.

    Examples
    --------
    >>> organiser_table()["suspect"]["weight"], organiser_table()["victim"]["weight"]
    (3.0, -3.0)
    """
    from importlib import resources

    import yaml

    text = resources.files("emm.graph.analysis").joinpath("organisers.yaml").read_text("utf-8")
    try:
        table = {str(k): dict(v) for k, v in yaml.safe_load(text)["features"].items()}
        for row in table.values():
            row["weight"] = float(row["weight"])
            row["saturation"] = float(row["saturation"])
            if row["saturation"] <= 0:
                raise ValueError("saturation must be positive")
            str(row["explanation_en"]), str(row["explanation_nl"])
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise IndicatorTableError(f"organisers.yaml is malformed: {exc!r}") from exc
    if tuple(table) != FEATURES:
        raise IndicatorTableError(f"organisers.yaml must define, in order: {', '.join(FEATURES)}")
    return table


def organisers(
    network: Network | Collection[str],
    data: Any,
    *,
    top: int | None = None,
    weights: Mapping[str, float] | None = None,
    lang: Literal["en", "nl"] = "en",
) -> list[OrganiserScore]:
    """Rank the persons of a network as likely organisers (highest score first).

    Parameters
    ----------
    network : Network or collection of str
        A network from :func:`detect_networks`, or the member uids of any group (then the
        persons are the members labelled ``Person`` in ``data``).
    data : networkx.MultiDiGraph or (edges, nodes) pair of DataFrames
        The (filtered) projection the network was found in; the whole graph is fine, only
        facts touching a member are read.
    top : int, optional
        Return only the first ``top`` persons.
    weights : mapping, optional
        Override feature weights, e.g. ``{"betweenness": 0}``.
    lang : {"en", "nl"}, default "en"
        Language of the explanations.

    Returns
    -------
    list of OrganiserScore
        Sorted by descending score, then uid; ``rank`` 1 first.

    Raises
    ------
    InvalidThreshold
        If ``weights`` names an unknown feature.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> facts = [("boss", "USES_PHONE", "ph"), ("v1", "USES_PHONE", "ph"),
    ...          ("v2", "USES_PHONE", "ph"), ("v1", "LIVES_AT", "home"),
    ...          ("v2", "LIVES_AT", "home"), ("boss", "HOLDS_ACCOUNT", "acc"),
    ...          ("acc", "PAID_FOR", "ad1"), ("acc", "PAID_FOR", "ad2"),
    ...          ("ad1", "ADVERTISES", "v1"), ("ad2", "ADVERTISES", "v2"),
    ...          ("boss", "INVOLVED_IN", "s"), ("v1", "INVOLVED_IN", "s"),
    ...          ("v2", "INVOLVED_IN", "s")]
    >>> roles = {"boss": "suspect", "v1": "victim", "v2": "victim"}
    >>> for i, (u, t, v) in enumerate(facts):
    ...     _ = G.add_edge(u, v, key=i, type=t, party="POL", legal_basis="WPG-10",
    ...                    registered_at="2026-01-01", role=roles.get(u) if t == "INVOLVED_IN"
    ...                    else None)
    >>> nx.set_node_attributes(G, {n: "Person" for n in roles}, "label")
    >>> ranked = organisers(set(G), G)
    >>> [(s.uid, round(s.score, 2)) for s in ranked]
    [('boss', 3.55), ('v1', -1.33), ('v2', -1.33)]
    >>> for line in ranked[0].explanation:
    ...     print(line)
    suspect in 1 signal(s) or investigation(s)
    pays for 2 advertisement(s), room(s), trip(s) or person(s)
    2 other person(s) or advertisement(s) use the same phone or e-mail
    betweenness 0.38 of the network's highest
    """
    from emm.graph.analysis.frames import as_frames

    table = organiser_table()
    w = {k: v["weight"] for k, v in table.items()}
    for key, value in (weights or {}).items():
        if key not in w:
            raise InvalidThreshold(f"unknown organiser feature {key!r} (known: {', '.join(w)})")
        w[key] = float(value)
    edges, nodes = as_frames(data)
    members: set[str] = set(network.members if hasattr(network, "members") else network)
    persons = getattr(network, "persons", None)
    if persons is None:
        label = dict(zip(nodes["uid"], nodes["label"], strict=True))
        persons = {m for m in members if label.get(m) == "Person"}
    persons = set(persons)
    if not persons:
        return []
    facts = edges[edges["src"].isin(members) | edges["dst"].isin(members)]
    values = _features(facts, members, persons)
    scores = []
    for uid in persons:
        vals = {k: float(values[k].get(uid, 0.0)) for k in FEATURES}
        comp = {
            k: w[k] * min(1.0, vals[k] / table[k]["saturation"]) for k in FEATURES if vals[k] > 0
        }
        order = sorted(comp, key=lambda k: (-abs(comp[k]), FEATURES.index(k)))
        explanation = [table[k][f"explanation_{lang}"].format(value=vals[k]) for k in order]
        scores.append(
            OrganiserScore(str(uid), round(sum(comp.values()), 6), vals, comp, explanation)
        )
    scores.sort(key=lambda s: (-s.score, s.uid))
    ranked = [
        OrganiserScore(s.uid, s.score, s.values, s.components, s.explanation, rank=i)
        for i, s in enumerate(scores, start=1)
    ]
    return ranked if top is None else ranked[:top]


def _features(
    facts: pd.DataFrame, members: set[str], persons: set[str]
) -> dict[str, dict[str, float]]:
    """Raw feature values per person (only persons with a non-zero value appear)."""
    out: dict[str, dict[str, float]] = {k: {} for k in FEATURES}
    typ = facts["type"]
    role = (
        facts["role"].astype(str).str.lower()
        if "role" in facts.columns
        else facts["type"].map(lambda _: "")
    )

    # roles in cases
    involved = facts[(typ == "INVOLVED_IN") & facts["src"].isin(persons)]
    for name in ("suspect", "victim"):
        rows = involved[role[involved.index] == name]
        out[name] = _count(rows["src"], rows["dst"])

    # accounts: who holds what
    holds = facts[typ == "HOLDS_ACCOUNT"]
    held_by: dict[str, set[str]] = defaultdict(set)  # account -> holders
    for holder, account in zip(holds["src"], holds["dst"], strict=True):
        held_by[account].add(holder)
    own = {(p, a) for a, hs in held_by.items() for p in hs}

    money = facts[typ.isin(_MONEY)]
    money_in: dict[str, set[str]] = defaultdict(set)
    pays: dict[str, set[str]] = defaultdict(set)
    for payer, payee, kind in zip(money["src"], money["dst"], money["type"], strict=True):
        receivers = held_by.get(payee, set()) | ({payee} if payee in persons else set())
        for p in receivers:
            if p in persons and (p, payer) not in own and payer != p:
                money_in[p].add(payer)
        if kind == "PAID_FOR":
            for p in held_by.get(payer, ()):
                if p in persons and payee != p and (p, payee) not in own:
                    pays[p].add(payee)
    out["money_in"] = {p: float(len(s)) for p, s in money_in.items()}
    out["pays_for_others"] = {p: float(len(s)) for p, s in pays.items()}

    directs = facts[(typ == "DIRECTOR_OF") & facts["src"].isin(persons)]
    out["director"] = _count(directs["src"], directs["dst"])

    # phones and e-mail addresses: who else uses them
    users: dict[str, set[str]] = defaultdict(set)  # contact -> persons and ads using it
    contact = facts[typ.isin(_CONTACT)]
    for u, c in zip(contact["src"], contact["dst"], strict=True):
        users[c].add(u)
    ads = facts[typ == "ADVERTISED_WITH"]
    for ad, c in zip(ads["src"], ads["dst"], strict=True):
        users[c].add(ad)
    shared: dict[str, set[str]] = defaultdict(set)
    for p, c in zip(contact["src"], contact["dst"], strict=True):
        if p in persons:
            shared[p] |= users[c] - {p}
    out["controls_contacts"] = {p: float(len(s)) for p, s in shared.items() if s}

    # vehicles: who else drives or rides in them
    riders: dict[str, set[str]] = defaultdict(set)
    rides = facts[typ.isin(("DRIVES", "PASSENGER_IN"))]
    for p, v in zip(rides["src"], rides["dst"], strict=True):
        riders[v].add(p)
    owns = facts[(typ == "OWNS_VEHICLE") & facts["src"].isin(persons)]
    fleet: dict[str, set[str]] = defaultdict(set)
    for p, v in zip(owns["src"], owns["dst"], strict=True):
        fleet[p] |= riders[v] - {p}
    out["controls_vehicles"] = {p: float(len(s)) for p, s in fleet.items() if s}

    out["betweenness"] = _relative_betweenness(facts, members, persons)
    return out


def _count(keys: Iterable[Any], items: Iterable[Any]) -> dict[str, float]:
    seen: dict[str, set[Any]] = defaultdict(set)
    for k, i in zip(keys, items, strict=True):
        seen[str(k)].add(i)
    return {k: float(len(v)) for k, v in seen.items()}


def _relative_betweenness(
    facts: pd.DataFrame, members: set[str], persons: set[str]
) -> dict[str, float]:
    """Hop-count betweenness in the members-only subgraph, divided by the highest member's."""
    import networkx as nx

    inner = facts[facts["src"].isin(members) & facts["dst"].isin(members)]
    G = nx.Graph()
    G.add_edges_from((u, v) for u, v in zip(inner["src"], inner["dst"], strict=True) if u != v)
    if G.number_of_nodes() < 3:
        return {}
    k = None if G.number_of_nodes() <= 1000 else 500
    bc = nx.betweenness_centrality(G, k=k, normalized=False, seed=0)
    top = max(bc.values())
    if top <= 0:
        return {}
    return {u: bc[u] / top for u in G if u in persons and bc[u] > 0}
