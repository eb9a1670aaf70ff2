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
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from emm.graph.analysis.exceptions import UnknownMethod

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from emm.graph.analysis.indicators import IndicatorHit

__all__ = ["Network", "WholeGraphResult", "detect_networks", "whole_graph_pass"]


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
    comm = _igraph.leiden(g, resolution=resolution, seed=seed)
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


def detect_networks(
    data: Any,
    *,
    hits: Iterable[IndicatorHit] | None = None,
    seed: int | None = 0,
    resolution: float = 1.0,
    hub_degree: int = 50,
    hub_labels: Sequence[str] = ("BorderPost",),
    min_size: int = 3,
) -> list[Network]:
    """Candidate networks: Leiden communities that contain a flagged entity.

    Procedure (documented choices):

    1. **Remove hubs.** Nodes with a label in ``hub_labels`` (by default every BorderPost: that
       two people crossed at Schiphol says nothing about a relation between them) and any
       non-Person node with more than ``hub_degree`` distinct neighbours (a hotel, a large
       Signal or Investigation, a platform's phone) would glue unrelated groups into one
       community. They are left out of community detection; the facts linking members to them
       still count for parties and recency. Persons are never removed: a person with many
       contacts is a key player, not infrastructure.
    2. **Communities.** Leiden (igraph, modularity, seeded) on the remaining entity graph,
       collapsed to weighted simple form (weight = number of facts). We keep the entities
       rather than projecting persons onto each other: the shared address, phone or account
       *is* the evidence, and the bipartite projection grows quadratically at busy addresses.
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
    resolution : float, default 1.0
        Modularity resolution.
    hub_degree : int, default 50
        Non-Person nodes with more distinct neighbours than this are hubs.
    hub_labels : sequence of str, default ("BorderPost",)
        Labels that are always hubs.
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
    import pandas as pd

    from emm.graph.analysis import _igraph
    from emm.graph.analysis.frames import as_frames, encode
    from emm.graph.analysis.frames import present as _present
    from emm.graph.analysis.indicators import run_indicators

    edges, nodes = as_frames(data)
    if hits is None:
        hits = run_indicators((edges, nodes))
    label = pd.Series(nodes["label"].to_numpy(), index=nodes["uid"].to_numpy())
    label = label[~label.index.duplicated()]

    # 1. hubs
    pairs = pd.concat(
        [edges[["src", "dst"]], edges[["dst", "src"]].set_axis(["src", "dst"], axis=1)],
        ignore_index=True,
    )
    pairs = pairs[pairs["src"] != pairs["dst"]].drop_duplicates()
    degree = pairs.groupby("src").size()
    lab_of_deg = degree.index.to_series().map(label)
    big = degree[(degree > hub_degree) & (lab_of_deg != "Person")].index
    hubs = set(big.tolist()) | set(label[label.isin(list(hub_labels))].index.tolist())

    # 2. communities on the rest
    core_edges = edges[~edges["src"].isin(hubs) & ~edges["dst"].isin(hubs)]
    core_nodes = nodes[~nodes["uid"].isin(hubs)]
    enc = encode(core_edges, core_nodes)
    membership = _igraph.leiden(_igraph.build(enc), resolution=resolution, seed=seed)
    community = pd.Series(membership, index=enc.uids)

    # 3. flags
    cases = label[label.isin(["Signal", "Investigation"])].index
    involved = edges[(edges["type"] == "INVOLVED_IN") & edges["dst"].isin(cases)]
    flags = set(involved.loc[involved["src"].map(label) == "Person", "src"].tolist())
    for h in hits:
        flags.add(h.subject)
        flags.update(r for r in h.related if label.get(r) == "Person")
    flagged_comms = set(community[community.index.isin(list(flags))].tolist())
    sizes = community.value_counts()
    keep = sorted(c for c in flagged_comms if sizes[c] >= min_size)
    if not keep:
        return []

    # facts touching members (also to hubs): parties, recency, count
    kept = community[community.isin(keep)]
    e = edges.reset_index(drop=True)
    src_c = e["src"].map(kept)
    dst_c = e["dst"].map(kept)
    members: dict[int, set[str]] = defaultdict(set)
    for uid, c in kept.items():
        members[int(c)].add(str(uid))
    parties: dict[int, set[str]] = defaultdict(set)
    latest: dict[int, str] = {}
    n_facts: dict[int, int] = defaultdict(int)
    hub_of: dict[int, set[str]] = defaultdict(set)
    touching = e[src_c.notna() | dst_c.notna()]
    rows = zip(
        src_c[touching.index], dst_c[touching.index], touching["src"], touching["dst"],
        touching["party"], touching["registered_at"], strict=True,
    )  # fmt: skip
    for cs, cd, u, v, party, reg in rows:
        for c in {int(x) for x in (cs, cd) if _present(x)}:
            n_facts[c] += 1
            if _present(party):
                parties[c].add(str(party))
            if _present(reg):
                day = str(reg)[:10]
                if day > latest.get(c, ""):
                    latest[c] = day
            for node in (u, v):
                if node in hubs:
                    hub_of[c].add(str(node))
    found = [
        Network(
            id="",
            members=frozenset(members[c]),
            persons=frozenset(m for m in members[c] if label.get(m) == "Person"),
            flagged=frozenset(m for m in members[c] if m in flags),
            parties=frozenset(parties[c]),
            latest=latest.get(c),
            n_facts=n_facts[c],
            hubs=frozenset(hub_of[c]),
        )
        for c in keep
    ]
    found.sort(key=lambda net: (-net.size, min(net.members)))
    return [replace(net, id=f"N{i:04d}") for i, net in enumerate(found, start=1)]
