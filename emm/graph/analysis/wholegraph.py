"""Whole-graph passes with igraph, and detection of candidate networks.

:func:`whole_graph_pass` computes components, PageRank, Leiden communities and approximate
betweenness for the whole entity graph. It builds an igraph graph from integer-coded numpy
columns (:func:`emm.graph.analysis.frames.encode`), never from Python objects per edge, and
maps results back by index (``notes/graph-performance.md``: ~10x faster than networkx; Louvain
in networkx does not finish at 1M nodes). ``engine="networkx"`` runs the same pass with
networkx (Louvain instead of Leiden) as a reference and for benchmarks.

Betweenness approximation
-------------------------
Exact betweenness is O(n·m). We use the Brandes-Pich estimator: ``betweenness_samples`` source
nodes are drawn uniformly without replacement (``numpy.random.default_rng(seed)``), shortest
paths (hop count, unweighted) are counted only from those sources, and the sums are scaled by
``n / samples``. This is an unbiased estimate of the unnormalised betweenness; its relative
error is small for high-betweenness nodes (the brokers we look for) and large for low ones, so
use it to *rank*, not to compare small values. When ``samples >= n`` the value is exact.
We do not use a path-length cutoff: a cutoff systematically undervalues long-range brokers.

Candidate networks
------------------
:func:`detect_networks` is configured by ``detection.yaml`` (hub rules, edge-type weights,
the community objective and resolution, each with its reason). It uses the constant Potts
model rather than modularity, so a network found in one region of the graph does not change
when unrelated data is added elsewhere (modularity's resolution limit glues ever more small
groups as the graph grows). :func:`find_hubs` lists the shared infrastructure it leaves out,
with the reason per node; :func:`emm.graph.analysis.organisers` ranks a network's persons as
likely organisers.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from emm.graph.analysis.exceptions import IndicatorTableError, UnknownMethod

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from emm.graph.analysis.indicators import IndicatorHit

__all__ = [
    "Network",
    "WholeGraphResult",
    "detection_explanation",
    "detection_table",
    "detect_networks",
    "find_hubs",
    "whole_graph_pass",
]


@dataclass(frozen=True)
class WholeGraphResult:
    """Result of :func:`whole_graph_pass`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per node: ``uid``, ``label``, ``degree`` (distinct neighbours), ``facts``
        (weighted degree), ``component`` and ``community`` (0 = largest; ties by smallest uid),
        ``pagerank``, ``betweenness`` (unnormalised estimate, see the module notes).
    n_components, n_communities : int
        Counts over all nodes (isolated nodes are their own component and community).
    modularity : float
        Weighted modularity of the partition at the chosen resolution.
    betweenness_sources : int
        Number of sources used; equal to the number of nodes when exact.
    engine : str
        ``"igraph"`` or ``"networkx"``.
    seconds : dict
        Wall time per step.
    """

    table: pd.DataFrame
    n_components: int
    n_communities: int
    modularity: float
    betweenness_sources: int
    engine: str
    seed: int | None
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def exact_betweenness(self) -> bool:
        return self.betweenness_sources >= len(self.table)

    def top(self, by: str = "pagerank", n: int = 10) -> pd.DataFrame:
        """The ``n`` nodes with the highest ``by``."""
        return self.table.sort_values([by, "uid"], ascending=[False, True]).head(n)

    def groups(self, column: Literal["component", "community"] = "community") -> list[set[Any]]:
        """The components or communities as sets of uids, largest first."""
        out: list[set[Any]] = [set() for _ in range(int(self.table[column].max()) + 1)]
        for uid, group in zip(self.table["uid"], self.table[column], strict=True):
            out[int(group)].add(uid)
        return out


#: Leiden iterations in whole-graph passes (see :func:`emm.graph.analysis._igraph.leiden`).
WHOLE_GRAPH_ITERATIONS = 2


def _relabel(membership: np.ndarray, uids: np.ndarray) -> np.ndarray:
    """Renumber groups: 0 = largest, ties by the smallest uid as text."""
    import numpy as np
    import pandas as pd

    if len(membership) == 0:
        return membership
    frame = pd.DataFrame({"g": membership, "uid": pd.Series(uids).astype(str).to_numpy()})
    stats = frame.groupby("g")["uid"].agg(["size", "min"])
    order = stats.sort_values(["size", "min"], ascending=[False, True]).index.to_numpy()
    new = np.empty(int(membership.max()) + 1, dtype=np.int64)
    new[order] = np.arange(len(order))
    return new[membership]


def whole_graph_pass(
    edges: pd.DataFrame,
    nodes: pd.DataFrame | None = None,
    *,
    seed: int | None = 0,
    betweenness_samples: int = 256,
    resolution: float = 1.0,
    engine: Literal["igraph", "networkx"] = "igraph",
) -> WholeGraphResult:
    """Components, PageRank, communities and approximate betweenness for the whole graph.

    Parameters
    ----------
    edges : pandas.DataFrame
        The edge table (``src``, ``dst``, ``type``, ``party``, ``legal_basis``,
        ``registered_at``, ...); one row per fact. Filter it first: every row is used.
    nodes : pandas.DataFrame, optional
        The node table (``uid``, ``label``, ...); nodes without facts are included as
        singletons.
    seed : int or None, default 0
        Seeds the Leiden (or Louvain) run and the betweenness sample.
    betweenness_samples : int, default 256
        Number of sampled sources for betweenness (see the module notes); ``0`` = exact.
    resolution : float, default 1.0
        Modularity resolution.
    engine : {"igraph", "networkx"}, default "igraph"
        ``"networkx"`` is the slow reference (Louvain, networkx betweenness sampling).

    Returns
    -------
    WholeGraphResult

    Raises
    ------
    InvalidFrames
        If a required column is missing.
    UnknownMethod
        If ``engine`` is unknown.

    Examples
    --------
    >>> import networkx as nx
    >>> from emm.graph.analysis.frames import to_frames
    >>> G = nx.MultiDiGraph(nx.barbell_graph(4, 0))
    >>> nx.set_edge_attributes(G, {e: {"type": "ASSOCIATE_OF", "party": "POL",
    ...     "legal_basis": "WPG-10", "registered_at": "2026-01-01"} for e in G.edges})
    >>> r = whole_graph_pass(*to_frames(G), seed=1)
    >>> r.n_components, r.n_communities, r.exact_betweenness
    (1, 2, True)
    >>> r.top("betweenness", 2)["uid"].tolist()
    [3, 4]
    """
    import numpy as np
    import pandas as pd

    from emm.graph.analysis.frames import as_frames, encode

    if engine not in ("igraph", "networkx"):
        raise UnknownMethod(f"unknown engine {engine!r} (known: igraph, networkx)")
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    edges, nodes = as_frames((edges, nodes))
    enc = encode(edges, nodes)
    seconds["encode"] = time.perf_counter() - t0
    run = _igraph_pass if engine == "igraph" else _networkx_pass
    comp, pr, comm, bet, used, modularity = run(enc, seed, betweenness_samples, resolution, seconds)

    n = enc.n
    degree = np.bincount(enc.u, minlength=n) + np.bincount(enc.v, minlength=n)
    facts = np.bincount(enc.u, weights=enc.weight, minlength=n) + np.bincount(
        enc.v, weights=enc.weight, minlength=n
    )
    label = pd.Series(nodes["label"].to_numpy(), index=nodes["uid"].to_numpy())
    label = label[~label.index.duplicated()]
    comp = _relabel(comp, enc.uids)
    comm = _relabel(comm, enc.uids)
    table = pd.DataFrame(
        {
            "uid": enc.uids,
            "label": pd.Series(enc.uids).map(label).to_numpy(),
            "degree": degree.astype(np.int64),
            "facts": facts.astype(np.int64),
            "component": comp,
            "community": comm,
            "pagerank": pr,
            "betweenness": bet,
        }
    )
    return WholeGraphResult(
        table=table,
        n_components=int(comp.max()) + 1 if n else 0,
        n_communities=int(comm.max()) + 1 if n else 0,
        modularity=modularity,
        betweenness_sources=used,
        engine=engine,
        seed=seed,
        seconds=seconds,
    )


def _igraph_pass(
    enc: Any, seed: int | None, samples: int, resolution: float, seconds: dict[str, float]
) -> tuple[Any, Any, Any, Any, int, float]:
    import numpy as np

    from emm.graph.analysis import _igraph

    t = time.perf_counter()
    g = _igraph.build(enc)
    seconds["build"] = time.perf_counter() - t
    t = time.perf_counter()
    comp = np.asarray(g.connected_components().membership, dtype=np.int64)
    seconds["components"] = time.perf_counter() - t
    t = time.perf_counter()
    weights = "weight" if g.ecount() else None
    pr = np.asarray(g.pagerank(weights=weights, damping=0.85), dtype=np.float64)
    seconds["pagerank"] = time.perf_counter() - t
    t = time.perf_counter()
    comm = _igraph.leiden(g, resolution=resolution, seed=seed, n_iterations=WHOLE_GRAPH_ITERATIONS)
    modularity = (
        float(g.modularity(comm.tolist(), weights=weights, resolution=resolution))
        if g.ecount()
        else 0.0
    )
    seconds["communities"] = time.perf_counter() - t
    t = time.perf_counter()
    bet, used = _igraph.sampled_betweenness(g, samples=samples, seed=seed)
    seconds["betweenness"] = time.perf_counter() - t
    return comp, pr, comm, bet, used, modularity


def _networkx_pass(
    enc: Any, seed: int | None, samples: int, resolution: float, seconds: dict[str, float]
) -> tuple[Any, Any, Any, Any, int, float]:
    import networkx as nx
    import numpy as np

    from emm.graph.analysis.measures import pagerank_arrays

    n = enc.n
    t = time.perf_counter()
    H = nx.Graph()
    H.add_nodes_from(range(n))
    H.add_weighted_edges_from(zip(enc.u.tolist(), enc.v.tolist(), enc.weight.tolist(), strict=True))
    seconds["build"] = time.perf_counter() - t
    t = time.perf_counter()
    comp = np.empty(n, dtype=np.int64)
    for i, c in enumerate(nx.connected_components(H)):
        comp[list(c)] = i
    seconds["components"] = time.perf_counter() - t
    t = time.perf_counter()
    try:
        pr_d = nx.pagerank(H, weight="weight")
        pr = np.array([pr_d[i] for i in range(n)])
    except ModuleNotFoundError:  # networkx's pagerank needs SciPy; same algorithm in numpy
        pr = pagerank_arrays(n, enc.u, enc.v, enc.weight)
    seconds["pagerank"] = time.perf_counter() - t
    t = time.perf_counter()
    groups = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed)
    comm = np.empty(n, dtype=np.int64)
    for i, c in enumerate(groups):
        comm[list(c)] = i
    modularity = (
        nx.community.modularity(H, groups, weight="weight", resolution=resolution)
        if H.number_of_edges()
        else 0.0
    )
    seconds["communities"] = time.perf_counter() - t
    t = time.perf_counter()
    k = samples if 0 < samples < n else None
    bet_d = nx.betweenness_centrality(H, k=k, normalized=False, seed=seed)
    bet = np.array([bet_d[i] for i in range(n)], dtype=np.float64)
    seconds["betweenness"] = time.perf_counter() - t
    return comp, pr, comm, bet, (k or n), float(modularity)


# --------------------------------------------------------------------------------------------
# Candidate networks
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Network:
    """A candidate criminal network found by :func:`detect_networks`.

    Attributes
    ----------
    id : str
        ``"N0001"``, ``"N0002"``, ... by descending size (stable for the same input and seed).
    members : frozenset of str
        All entities in the community (persons, addresses, phones, ...).
    persons : frozenset of str
        The Person members.
    flagged : frozenset of str
        Members that qualified the community: persons involved in a Signal or Investigation,
        and subjects or related persons of indicator hits.
    parties : frozenset of str
        Parties that supplied any fact touching a member (incl. facts to removed hubs).
    latest : str or None
        The newest ``registered_at`` (ISO date) of those facts.
    n_facts : int
        Number of those facts.
    hubs : frozenset of str
        Removed hub nodes (border posts, ...) that members are linked to.
    """

    id: str
    members: frozenset[str]
    persons: frozenset[str]
    flagged: frozenset[str]
    parties: frozenset[str]
    latest: str | None
    n_facts: int
    hubs: frozenset[str] = frozenset()

    @property
    def size(self) -> int:
        return len(self.members)


@cache
def detection_table() -> dict[str, Any]:
    """The settings of :func:`detect_networks` from ``detection.yaml``.

    Returns ``{"communities": {...}, "hubs": {...}, "edge_weights": {type: weight},
    "default_weight": float}``.

    Examples
    --------
    >>> t = detection_table()
    >>> t["communities"]["objective"], t["edge_weights"]["STAYED_AT"], t["default_weight"]
    ('CPM', 0.2, 0.5)
    """
    from importlib import resources

    import yaml

    text = resources.files("emm.graph.analysis").joinpath("detection.yaml").read_text("utf-8")
    try:
        raw = yaml.safe_load(text)
        communities = dict(raw["communities"])
        hubs = dict(raw["hubs"])
        weights = {str(k): float(v["weight"]) for k, v in raw["edge_weights"]["types"].items()}
        default = float(raw["edge_weights"]["default"])
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise IndicatorTableError(f"detection.yaml is malformed: {exc!r}") from exc
    missing = [k for k in ("objective", "resolution") if k not in communities]
    missing += [k for k in _HUB_KEYS if k not in hubs]
    if missing:
        raise IndicatorTableError(f"detection.yaml lacks: {', '.join(missing)}")
    if communities["objective"] not in ("CPM", "modularity"):
        raise IndicatorTableError("detection.yaml: objective must be CPM or modularity")
    return {
        "communities": communities,
        "hubs": hubs,
        "edge_weights": weights,
        "default_weight": default,
    }


def detection_explanation(lang: Literal["en", "nl"] = "en") -> list[str]:
    """How candidate networks are found, in plain language, with the table's values filled in.

    Examples
    --------
    >>> print(detection_explanation()[1][:60])
    Left out as shared infrastructure: every BorderPost; any oth
    """
    t = detection_table()
    hubs = {**t["hubs"], "labels": ", ".join(t["hubs"]["labels"])}
    return [
        str(t["communities"][f"explanation_{lang}"]).format(**t["communities"]),
        str(t["hubs"][f"explanation_{lang}"]).format(**hubs),
    ]


_HUB_KEYS = (
    "labels",
    "degree",
    "venue_min_guests",
    "place_min_groups",
    "place_group_min_persons",
)
_LIVE = ("LIVES_AT", "REGISTERED_AT")
_STAY = "STAYED_AT"


def find_hubs(
    data: Any,
    *,
    hub_degree: int | None = None,
    hub_labels: Sequence[str] | None = None,
    venue_min_guests: int | None = None,
    place_min_groups: int | None = None,
    place_group_min_persons: int | None = None,
) -> dict[str, str]:
    """Shared infrastructure that :func:`detect_networks` leaves out, with the reason.

    The rules and their defaults are in ``detection.yaml`` (``hubs``); ``None`` takes the
    table's value. Persons are never hubs. The reasons are:

    * ``"label"``: the node has a label in ``hub_labels`` (border posts);
    * ``"degree"``: a non-Person node with more than ``hub_degree`` distinct neighbours;
    * ``"venue"``: an Address where at least ``venue_min_guests`` persons stayed
      (``STAYED_AT``) and more persons stayed than live or are registered there;
    * ``"shared place"``: an Address whose occupants (persons who live, are registered or
      stayed there) belong to at least ``place_min_groups`` separate groups, where a group is a
      connected component of the graph without all such addresses and the other hubs that
      holds at least ``place_group_min_persons`` persons. All candidate addresses (at least
      ``place_min_groups`` occupants) are taken out together, so the test costs one
      connected-components run.

    Parameters
    ----------
    data : networkx.MultiDiGraph or (edges, nodes) pair of DataFrames

    Returns
    -------
    dict
        uid -> reason, sorted by uid.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for n, lab in [("h", "Address"), ("bp", "BorderPost"), ("x1", "Person"),
    ...                ("x2", "Person"), ("y1", "Person"), ("y2", "Person")]:
    ...     G.add_node(n, label=lab)
    >>> for i, (u, t, v) in enumerate([("x1", "STAYED_AT", "h"), ("y1", "STAYED_AT", "h"),
    ...                                 ("x1", "FAMILY_OF", "x2"), ("y1", "FAMILY_OF", "y2"),
    ...                                 ("x2", "CROSSED_BORDER", "bp")]):
    ...     _ = G.add_edge(u, v, key=i, type=t, party="POL", legal_basis="WPG-10",
    ...                    registered_at="2026-01-01")
    >>> find_hubs(G)
    {'bp': 'label', 'h': 'venue'}
    """
    import igraph as ig
    import numpy as np
    import pandas as pd

    from emm.graph.analysis.frames import as_frames

    edges, nodes = as_frames(data)
    cfg = detection_table()["hubs"]
    degree_limit = int(cfg["degree"] if hub_degree is None else hub_degree)
    labels = list(cfg["labels"] if hub_labels is None else hub_labels)
    min_guests = int(cfg["venue_min_guests"] if venue_min_guests is None else venue_min_guests)
    min_groups = int(cfg["place_min_groups"] if place_min_groups is None else place_min_groups)
    min_persons = int(
        cfg["place_group_min_persons"]
        if place_group_min_persons is None
        else place_group_min_persons
    )
    label = _labels(nodes)
    hubs: dict[Any, str] = dict.fromkeys(label[label.isin(labels)].index, "label")

    # integer codes: all counting below is numpy on int64 arrays
    codes, uniques = pd.factorize(pd.concat([edges["src"], edges["dst"]], ignore_index=True))
    m, n = len(edges), len(uniques)
    src, dst = codes[:m].astype(np.int64), codes[m:].astype(np.int64)
    lab = pd.Series(uniques).map(label).to_numpy(dtype=object)
    is_person = lab == "Person"
    is_address = lab == "Address"

    def distinct_count(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Per code in ``a``: the number of distinct partners in ``b``."""
        key = np.unique(a * n + b)
        return np.bincount(key // n, minlength=n)

    lo, hi = np.minimum(src, dst), np.maximum(src, dst)
    proper = lo != hi
    pairs = np.unique(lo[proper] * n + hi[proper])
    degree = np.bincount(pairs // n, minlength=n) + np.bincount(pairs % n, minlength=n)
    for i in np.flatnonzero((degree > degree_limit) & ~is_person):
        hubs.setdefault(uniques[int(i)], "degree")

    typ = edges["type"].to_numpy(dtype=object)
    live = np.isin(typ, _LIVE)
    stay = typ == _STAY
    place = (live | stay) & is_person[src] & is_address[dst]
    residents = distinct_count(dst[place & live], src[place & live])
    guests = distinct_count(dst[place & stay], src[place & stay])
    for i in np.flatnonzero((guests >= max(min_guests, 1)) & (guests > residents)):
        hubs.setdefault(uniques[int(i)], "venue")

    occupied = np.unique(dst[place] * n + src[place])
    occ_place, occ_person = occupied // n, occupied % n
    is_hub = np.zeros(n, dtype=bool)
    known = pd.Index(uniques).get_indexer(list(hubs))
    is_hub[known[known >= 0]] = True
    candidate = (np.bincount(occ_place, minlength=n) >= max(min_groups, 1)) & ~is_hub
    if min_groups > 0 and candidate.any():
        out = is_hub | candidate
        rest = ~out[src] & ~out[dst]
        g = ig.Graph(n=n, edges=list(zip(src[rest].tolist(), dst[rest].tolist(), strict=True)))
        comp = np.asarray(g.connected_components().membership, dtype=np.int64)
        k = int(comp.max()) + 1
        persons_in = np.bincount(comp, weights=is_person.astype(np.float64), minlength=k)
        sel = candidate[occ_place]
        at, group = occ_place[sel], comp[occ_person[sel]]
        ok = persons_in[group] >= min_persons  # a lone occupant is a group of one person
        groups = np.bincount(np.unique(at[ok] * k + group[ok]) // k, minlength=n)
        for i in np.flatnonzero(groups >= min_groups):
            hubs.setdefault(uniques[int(i)], "shared place")
    return dict(sorted(hubs.items(), key=lambda kv: str(kv[0])))


def _labels(nodes: pd.DataFrame) -> pd.Series:
    import pandas as pd

    label = pd.Series(nodes["label"].to_numpy(), index=nodes["uid"].to_numpy())
    return label[~label.index.duplicated()]


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
) -> list[Network]:
    """Candidate networks: communities of the entity graph that contain a flagged entity.

    The settings and the reasons behind them are in ``detection.yaml``; arguments left at
    ``None`` take the table's value. Procedure:

    1. **Remove hubs** (:func:`find_hubs`): border posts, non-Person nodes with more than
       ``hub_degree`` distinct neighbours, hotels (addresses with more guests than residents)
       and shared places (addresses whose occupants belong to several otherwise unconnected
       groups: reception centres, hostels). They would glue unrelated groups into one
       community. The facts linking members to them still count for parties and recency.
       Persons are never removed: a person with many contacts is a key player.
    2. **Communities.** Leiden (igraph, seeded) on the remaining entity graph, collapsed to a
       weighted simple graph whose weight between two entities is the sum of the type weights
       of the facts between them (``edge_weights``: a shared phone or a payment says more than
       a hotel stay). The objective is the constant Potts model (CPM) at ``resolution``: two
       groups are merged only when the facts between them weigh more than ``resolution`` per
       pair of entities, so the result does not depend on the size of the rest of the graph
       (modularity's resolution limit would glue ever larger sets of small networks as more
       data is loaded). We keep the entities rather than projecting persons onto each other:
       the shared phone or account *is* the evidence, and a projection grows quadratically.
    3. **Keep flagged communities** of at least ``min_size`` members that contain a person
       involved in a Signal or Investigation (in any role, also via a removed hub) or the
       subject or a related person of an indicator hit.

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
        Non-Person nodes with more distinct neighbours than this are hubs.
    hub_labels : sequence of str, optional
        Labels that are always hubs.
    weights : dict, optional
        Edge-type weights that override the table's, e.g. ``{"EMPLOYED_BY": 1.0}``.
    min_size : int, default 3
        Smallest community reported.

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
    >>> for u, v in [("p1", "p2"), ("p2", "p3"), ("q1", "q2"), ("q2", "q3")]:
    ...     _ = G.add_edge(u, v, key=f"a-{u}-{v}", type="ASSOCIATE_OF", party="KMAR",
    ...                    legal_basis="WPG-10", registered_at="2026-06-01")
    >>> _ = G.add_edge("p1", "s1", key="i-p1", type="INVOLVED_IN", role="suspect",
    ...                party="POL", legal_basis="WPG-10", registered_at="2026-07-01")
    >>> [(n.id, sorted(n.members), sorted(n.parties), n.latest) for n in detect_networks(G)]
    [('N0001', ['p1', 'p2', 'p3', 's1'], ['KMAR', 'POL'], '2026-07-01')]
    """
    import numpy as np
    import pandas as pd

    from emm.graph.analysis import _igraph
    from emm.graph.analysis.frames import as_frames, encode
    from emm.graph.analysis.indicators import run_indicators

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
    label = _labels(nodes)

    # 1. hubs
    hubs = set(find_hubs((edges, nodes), hub_degree=hub_degree, hub_labels=hub_labels))

    # 2. communities on the rest
    core_edges = edges[~edges["src"].isin(hubs) & ~edges["dst"].isin(hubs)]
    core_nodes = nodes[~nodes["uid"].isin(hubs)]
    enc = encode(
        core_edges, core_nodes, weights=type_weights, default_weight=table["default_weight"]
    )
    warm = float(table["communities"].get("warm_start") or 0) if objective == "CPM" else None
    membership = _igraph.leiden(
        _igraph.build(enc),
        resolution=resolution,
        seed=seed,
        objective=objective,
        warm_start=warm,
        n_iterations=WHOLE_GRAPH_ITERATIONS,
    )
    community = pd.Series(membership, index=enc.uids)

    # 3. flags
    is_person = label.eq("Person").to_numpy()
    persons = set(label.index[is_person].tolist())
    cases = label[label.isin(["Signal", "Investigation"])].index
    involved = edges[(edges["type"] == "INVOLVED_IN") & edges["dst"].isin(cases)]
    flags = set(involved["src"].tolist()) & persons
    related: list[str] = []
    for h in hits:
        flags.add(h.subject)
        related.extend(h.related)
    flags |= set(related) & persons
    flagged_comms = set(community[community.index.isin(list(flags))].tolist())
    sizes = community.value_counts()
    keep = sorted(c for c in flagged_comms if sizes[c] >= min_size)
    if not keep:
        return []

    # facts touching members (also to hubs): parties, recency, count -- one row per
    # (fact, community) it touches, from either end
    kept = community[community.isin(keep)]
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
    party = e["party"].to_numpy(dtype=object)[fact]
    reg = e["registered_at"].to_numpy(dtype=object)[fact]
    per = per.assign(party=party, reg=reg)
    n_facts = per.groupby("c").size().to_dict()
    has_party = per["party"].notna() & per["party"].astype(str).ne("")
    party_rows = per.loc[has_party, ["c", "party"]].astype({"party": str}).drop_duplicates()
    parties: dict[int, set[str]] = defaultdict(set)
    for c, p in zip(party_rows["c"].tolist(), party_rows["party"].tolist(), strict=True):
        parties[c].add(p)
    has_reg = per["reg"].notna() & per["reg"].astype(str).ne("")
    days = per.loc[has_reg, "reg"].astype(str).str[:10]
    latest = days.groupby(per.loc[has_reg, "c"]).max().to_dict()
    at_hub = ends[ends["other"].isin(hubs)].drop_duplicates(["c", "other"])
    hub_of: dict[int, set[str]] = defaultdict(set)
    for c, h in zip(at_hub["c"].tolist(), at_hub["other"].tolist(), strict=True):
        hub_of[c].add(str(h))
    members: dict[int, set[str]] = defaultdict(set)
    for uid, c in zip(kept.index.tolist(), kept.tolist(), strict=True):
        members[int(c)].add(str(uid))
    found = [
        Network(
            id="",
            members=frozenset(members[c]),
            persons=frozenset(m for m in members[c] if m in persons),
            flagged=frozenset(m for m in members[c] if m in flags),
            parties=frozenset(parties[c]),
            latest=latest.get(c),
            n_facts=int(n_facts.get(c, 0)),
            hubs=frozenset(hub_of[c]),
        )
        for c in keep
    ]
    found.sort(key=lambda net: (-net.size, min(net.members)))
    return [replace(net, id=f"N{i:04d}") for i, net in enumerate(found, start=1)]
