"""Candidate criminal networks: communities of the entity graph that hold a flagged person.

:func:`detect_networks` is configured by ``detection.yaml`` (hub rules, edge-type weights, the
community objective and resolution, flags, each with its reason). It uses the constant Potts
model rather than modularity, so a network found in one region of the graph does not change
when unrelated data is added elsewhere. Signals and investigations are context
(:mod:`emm.graph.analysis.context`): they are not members of a network, and being involved in
the same case is a tie of its own kind (``CO_INVOLVED``). Hubs are left out by evidence
(:mod:`emm.graph.analysis.hubs`); a stay that someone paid for ties the payer to the guest
(``PAID_STAY``). :func:`emm.graph.analysis.organisers` ranks a network's persons.

Runs are deterministic: the tables are put in content order first
(:func:`emm.graph.analysis.frames.canonical`) and every tie is broken by the nodes' identity
keys, so identical data gives identical networks with identical ids, whatever the uids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from emm.graph.analysis.config import detection_table
from emm.graph.analysis.context import CO_INVOLVED, CONTEXT_LABELS, co_involvement
from emm.graph.analysis.exceptions import UnknownMethod

if TYPE_CHECKING:
    import pandas as pd

    from emm.graph.analysis.indicators import IndicatorHit

__all__ = [
    "PAID_STAY",
    "Network",
    "detect_networks",
    "detection_explanation",
    "detection_table",
    "fact_strength",
]

#: The type of a derived tie between an account and the guest whose stay it paid (never stored).
PAID_STAY = "PAID_STAY"
#: Derived tie types and the facts they rest on (for explanations).
DERIVED = {
    CO_INVOLVED: "involved in the same signal or investigation",
    PAID_STAY: "the account paid for the person's stay or housing",
}
# Facts whose `weight` or `count` says how strong the tie is (an observed association seen 40
# times, 120 calls): the fact counts 1 + log10(value), at most 3, instead of 1.
_STRENGTH_COLUMNS = {"MET": "weight", "CALLED": "count"}


@dataclass(frozen=True)
class Network:
    """A candidate criminal network found by :func:`detect_networks`.

    Attributes
    ----------
    id : str
        ``"N0001"``, ``"N0002"``, ... by descending size, ties by the members' identity keys
        (stable for the same data and seed, whatever the uids).
    members : frozenset of str
        All entities in the community (persons, addresses, phones, ...); never signals or
        investigations.
    persons : frozenset of str
        The Person members.
    flagged : frozenset of str
        Members that qualified the community: persons involved in a signal or investigation,
        persons with a flag fact (``detection.yaml``, ``flags``), subjects and related entities
        of indicator hits.
    parties : frozenset of str
        Parties that supplied any fact touching a member (incl. facts to hubs and cases).
    latest : str or None
        The newest ``registered_at`` (ISO date) of those facts.
    n_facts : int
        Number of those facts.
    hubs : frozenset of str
        Left-out hub nodes (border posts, hotels, ...) that members are linked to.
    cases : frozenset of str
        Signals and investigations that members are involved in.
    """

    id: str
    members: frozenset[str]
    persons: frozenset[str]
    flagged: frozenset[str]
    parties: frozenset[str]
    latest: str | None
    n_facts: int
    hubs: frozenset[str] = frozenset()
    cases: frozenset[str] = frozenset()

    @property
    def size(self) -> int:
        return len(self.members)


def detection_explanation(lang: Literal["en", "nl"] = "en") -> list[str]:
    """How candidate networks are found, in plain language, with the table's values filled in.

    Examples
    --------
    >>> print(detection_explanation()[1][:60])
    Left out as shared infrastructure: every BorderPost; any pho
    """
    t = detection_table()
    hubs = {**t["hubs"], "labels": ", ".join(t["hubs"]["labels"])}
    return [
        str(t["communities"][f"explanation_{lang}"]).format(**t["communities"]),
        str(t["hubs"][f"explanation_{lang}"]).format(**hubs),
        str(t["periphery"][f"explanation_{lang}"]),
    ]


def fact_strength(edges: pd.DataFrame) -> pd.Series:
    """Per fact: 1, or ``min(3, 1 + log10(value))`` for facts that carry a strength
    (``MET.weight``, ``CALLED.count``).

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"type": ["MET", "MET", "LIVES_AT"], "weight": [1, 100, None]})
    >>> fact_strength(e).tolist()
    [1.0, 3.0, 1.0]
    """
    import numpy as np
    import pandas as pd

    out = np.ones(len(edges), dtype=np.float64)
    for type_, column in _STRENGTH_COLUMNS.items():
        if column not in edges.columns:
            continue
        mask = (edges["type"] == type_).to_numpy()
        if not mask.any():
            continue
        value = pd.to_numeric(edges.loc[mask, column], errors="coerce").fillna(1).to_numpy()
        out[mask] = np.minimum(3.0, 1.0 + np.log10(np.maximum(value, 1.0)))
    return pd.Series(out, index=edges.index)


def detect_networks(
    data: Any,
    *,
    hits: Iterable[IndicatorHit] | None = None,
    seed: int | None = 0,
    resolution: float | None = None,
    objective: Literal["CPM", "modularity"] | None = None,
    hub_degree: int | None = None,
    hub_labels: Sequence[str] | None = None,
    weights: dict[str, float] | None = None,
    min_size: int = 3,
    min_persons: int = 2,
) -> list[Network]:
    """Candidate networks: communities of the entity graph that contain a flagged person.

    The settings and the reasons behind them are in ``detection.yaml``; arguments left at
    ``None`` take the table's value. Procedure:

    1. **Order** the tables by content, so the run does not depend on uids or row order.
    2. **Set context aside**: facts to signals and investigations become ``CO_INVOLVED``
       ties among the entities of each case (:func:`emm.graph.analysis.co_involvement`).
    3. **Remove hubs** (:func:`emm.graph.analysis.find_hubs`), keeping the evidence: a stay
       at a hub that an account paid for becomes a ``PAID_STAY`` tie between the account and
       the guest.
    4. **Communities**: Leiden (igraph, seeded) on the weighted simple graph of the rest,
       weight between two entities = sum over their facts of type weight x strength
       (:func:`fact_strength`). The objective is the constant Potts model at ``resolution``.
    5. **Keep flagged communities** with at least ``min_size`` members and ``min_persons``
       persons, where a member is involved in a case, has a flag fact (observed meetings,
       group membership) or is the subject or a related entity of an indicator hit.

    Parameters
    ----------
    data : networkx.MultiDiGraph or (edges, nodes) pair of DataFrames
        The (filtered) projection.
    hits : iterable of IndicatorHit, optional
        Indicator hits; when ``None`` all indicators are run on ``data``.
    seed : int or None, default 0
        Leiden seed.
    resolution : float, optional
        CPM resolution (weight per pair of entities) or modularity resolution.
    objective : {"CPM", "modularity"}, optional
        The Leiden objective (table: CPM).
    hub_degree : int, optional
        Nodes of the degree labels with more distinct neighbours than this are hubs.
    hub_labels : sequence of str, optional
        Labels that are always hubs.
    weights : dict, optional
        Edge-type weights that override the table's, e.g. ``{"EMPLOYED_BY": 1.0}``.
    min_size : int, default 3
        Smallest community reported (members).
    min_persons : int, default 2
        Fewest persons in a community reported.

    Returns
    -------
    list of Network
        Largest first.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("s1", label="Signal")
    >>> G.add_node("bp", label="BorderPost")
    >>> for p in ["p1", "p2", "p3", "q1", "q2", "q3"]:
    ...     G.add_node(p, label="Person")
    ...     _ = G.add_edge(p, "bp", key=f"x-{p}", type="CROSSED_BORDER", party="KMAR",
    ...                    legal_basis="WPG-15", registered_at="2026-05-01")
    >>> for u, v in [("p1", "p2"), ("p2", "p3"), ("p1", "p3"), ("q1", "q2"), ("q2", "q3")]:
    ...     _ = G.add_edge(u, v, key=f"a-{u}-{v}", type="ASSOCIATE_OF", party="KMAR",
    ...                    legal_basis="WPG-10", registered_at="2026-06-01")
    >>> _ = G.add_edge("p1", "s1", key="i-p1", type="INVOLVED_IN", role="suspect",
    ...                party="POL", legal_basis="WPG-10", registered_at="2026-07-01")
    >>> [(n.id, sorted(n.members), sorted(n.cases), sorted(n.parties), n.latest)
    ...  for n in detect_networks(G)]
    [('N0001', ['p1', 'p2', 'p3'], ['s1'], ['KMAR', 'POL'], '2026-07-01')]
    """
    import pandas as pd

    from emm.graph.analysis import _igraph
    from emm.graph.analysis.frames import as_frames, canonical, encode, order_keys
    from emm.graph.analysis.hubs import hub_evidence
    from emm.graph.analysis.indicators import run_indicators
    from emm.graph.analysis.periphery import peripheral

    table = detection_table()
    objective = objective or table["communities"]["objective"]
    if objective not in ("CPM", "modularity"):
        raise UnknownMethod(f"unknown objective {objective!r} (known: CPM, modularity)")
    if resolution is None:
        resolution = float(table["communities"]["resolution"]) if objective == "CPM" else 1.0
    type_weights = {**table["edge_weights"], **(weights or {})}

    edges, nodes = as_frames(data)
    if hits is None:
        hits = run_indicators((edges, nodes))
    label = pd.Series(nodes["label"].to_numpy(), index=nodes["uid"].to_numpy())
    order = order_keys(nodes)

    # 1-3. context aside, hubs out, derived ties in
    evidence = hub_evidence((edges, nodes), hub_degree=hub_degree, hub_labels=hub_labels)
    hubs = set(evidence.hubs)
    context = set(label.index[label.isin(CONTEXT_LABELS)].tolist())
    out = hubs | context
    core = edges[~edges["src"].isin(out) & ~edges["dst"].isin(out)]
    core = core[["src", "dst", "type"]].assign(_w=fact_strength(core).to_numpy())
    uninvolved = tuple(table["uninvolved_roles"])
    co = co_involvement(edges, nodes, labels=None, uninvolved_roles=uninvolved)
    co = co[~co["a"].isin(hubs) & ~co["b"].isin(hubs)]
    derived = [
        pd.DataFrame({"src": co["a"], "dst": co["b"], "type": CO_INVOLVED, "_w": co["weight"]}),
    ]
    paid = evidence.paid
    if paid is not None and len(paid):
        ties = paid.drop_duplicates(["account", "person"])
        ties = ties[~ties["account"].isin(out) & ~ties["person"].isin(out)]
        derived.append(
            pd.DataFrame(
                {"src": ties["account"], "dst": ties["person"], "type": PAID_STAY, "_w": 1.0}
            )
        )
    graph_edges = pd.concat([core, *derived], ignore_index=True)
    graph_nodes = canonical(
        graph_edges,
        nodes.loc[
            ~nodes["uid"].isin(out),
            ["uid", "label", "key"] if "key" in nodes.columns else ["uid", "label"],
        ],
    )[1]
    typed = graph_edges[["src", "dst", "type"]]
    w = graph_edges["type"].map(type_weights).astype(float).fillna(table["default_weight"])
    graph_edges = graph_edges.assign(type="_", _fact=(w * graph_edges["_w"]).to_numpy())
    enc = encode(graph_edges, graph_nodes, weights={"_": 1.0}, weight_column="_fact")

    # 4. communities
    warm = float(table["communities"].get("warm_start") or 0) if objective == "CPM" else None
    membership = _igraph.leiden(
        _igraph.build(enc),
        resolution=resolution,
        seed=seed,
        objective=objective,
        warm_start=warm,
        n_iterations=_igraph.WHOLE_GRAPH_ITERATIONS,
    )
    community = pd.Series(membership, index=enc.uids)

    # 5. flags
    persons = set(label.index[label.eq("Person").to_numpy()].tolist())
    involved = edges[(edges["type"] == "INVOLVED_IN") & edges["dst"].isin(context)]
    if uninvolved and "role" in involved.columns:
        involved = involved[~involved["role"].isin(list(uninvolved))]
    flag_facts = edges[edges["type"].isin(table["flags"])]
    flags = (set(involved["src"]) | set(flag_facts["src"]) | set(flag_facts["dst"])) & persons
    for h in hits:
        flags.add(h.subject)
        flags.update(r for r in h.related if r in persons)
    # 5b. peripheral contacts out (periphery.py); what keeps a person in is a flag that
    # concerns this community: a case shared with another of its entities, an indicator that
    # is not merely "known to several parties", an observed meeting or group membership
    per = table["periphery"]
    keeps, partners = _keeping_flags(
        community, persons, set(flag_facts["src"]) | set(flag_facts["dst"]), involved, co,
        hits, weak=set(per["weak_indicators"]), shared_cases_only=per["shared_cases_only"],
    )  # fmt: skip
    contacts = peripheral(
        typed,
        community,
        persons,
        keeps,
        own_types=per["own_types"],
        max_ties=per["max_ties"],
        group_max_ties=per["group_max_ties"],
        rounds=per["rounds"],
        case_partners=partners,
    )
    if contacts:
        community = community[~community.index.isin(list(contacts))]
    flagged_comms = set(community[community.index.isin(list(flags))].tolist())
    sizes = community.value_counts()
    person_sizes = community[community.index.isin(list(persons))].value_counts()
    keep = sorted(
        c
        for c in flagged_comms
        if sizes[c] >= min_size and person_sizes.get(c, 0) >= max(min_persons, 0)
    )
    if not keep:
        return []

    found = _describe(edges, community[community.isin(keep)], persons, flags, hubs, context)
    found.sort(key=lambda net: (-net.size, min(order.get(m, m) for m in net.members)))
    return [replace(net, id=f"N{i:04d}") for i, net in enumerate(found, start=1)]


def _keeping_flags(
    community: pd.Series,
    persons: set[str],
    flag_fact_ends: set[str],
    involved: pd.DataFrame,
    co: pd.DataFrame,
    hits: Iterable[IndicatorHit],
    *,
    weak: set[str],
    shared_cases_only: bool,
) -> tuple[set[str], dict[str, set[str]]]:
    """Persons whose flags keep them in their community against the periphery rule, and for
    those kept only by cases shared within the community: the others of those cases.

    A case that others outside the community are in but nobody else of the community (a
    report they made, a witness statement) says nothing about this network; nor does being known to several
    parties (``weak`` indicators).
    """
    keeps = flag_fact_ends & persons
    for h in hits:
        if h.indicator_id in weak:
            continue
        keeps.add(h.subject)
        keeps.update(r for r in h.related if r in persons)
    partners: dict[str, set[str]] = defaultdict(set)
    if shared_cases_only:
        c = community.to_dict()
        a, b = co["a"].map(c), co["b"].map(c)
        same = co[a.notna() & a.eq(b)]
        for x, y in zip(same["a"].tolist(), same["b"].tolist(), strict=True):
            partners[x].add(y)
            partners[y].add(x)
    else:
        keeps |= set(involved["src"]) & persons
    case_only = {p: set(o) for p, o in partners.items() if p in persons and p not in keeps}
    return keeps | set(case_only), case_only


def _describe(
    edges: pd.DataFrame,
    kept: pd.Series,
    persons: set[str],
    flags: set[str],
    hubs: set[str],
    context: set[str],
) -> list[Network]:
    """Networks from the kept communities: parties, recency and facts of every fact touching a
    member (from either end, also to hubs and cases), the hubs and cases they touch."""
    import numpy as np
    import pandas as pd

    e = edges.reset_index(drop=True)
    ends = pd.concat(
        [
            pd.DataFrame({"fact": e.index, "c": e["src"].map(kept), "other": e["dst"]}),
            pd.DataFrame({"fact": e.index, "c": e["dst"].map(kept), "other": e["src"]}),
        ],
        ignore_index=True,
    ).dropna(subset=["c"])
    ends["c"] = ends["c"].astype(np.int64)
    per = ends.drop_duplicates(["fact", "c"])
    fact = per["fact"].to_numpy()
    per = per.assign(
        party=e["party"].to_numpy(dtype=object)[fact],
        reg=e["registered_at"].to_numpy(dtype=object)[fact],
    )
    n_facts = per.groupby("c").size().to_dict()
    has_party = per["party"].notna() & per["party"].astype(str).ne("")
    party_rows = per.loc[has_party, ["c", "party"]].astype({"party": str}).drop_duplicates()
    parties: dict[int, set[str]] = defaultdict(set)
    for c, p in zip(party_rows["c"].tolist(), party_rows["party"].tolist(), strict=True):
        parties[c].add(p)
    has_reg = per["reg"].notna() & per["reg"].astype(str).ne("")
    days = per.loc[has_reg, "reg"].astype(str).str[:10]
    latest = days.groupby(per.loc[has_reg, "c"]).max().to_dict()
    touched: dict[str, dict[int, set[str]]] = {"hub": defaultdict(set), "case": defaultdict(set)}
    for kind, group in (("hub", hubs), ("case", context)):
        at = ends[ends["other"].isin(group)].drop_duplicates(["c", "other"])
        for c, h in zip(at["c"].tolist(), at["other"].tolist(), strict=True):
            touched[kind][c].add(str(h))
    members: dict[int, set[str]] = defaultdict(set)
    for uid, c in zip(kept.index.tolist(), kept.tolist(), strict=True):
        members[int(c)].add(str(uid))
    return [
        Network(
            id="",
            members=frozenset(members[c]),
            persons=frozenset(m for m in members[c] if m in persons),
            flagged=frozenset(m for m in members[c] if m in flags),
            parties=frozenset(parties[c]),
            latest=latest.get(c),
            n_facts=int(n_facts.get(c, 0)),
            hubs=frozenset(touched["hub"][c]),
            cases=frozenset(touched["case"][c]),
        )
        for c in sorted(members)
    ]
