"""Whole-graph passes with igraph: components, PageRank, communities, betweenness.

:func:`whole_graph_pass` builds an igraph graph from integer-coded numpy columns
(:func:`emm.graph.analysis.frames.encode`), never from Python objects per edge, and maps
results back by index (``notes/graph-performance.md``: ~10x faster than networkx; Louvain in
networkx does not finish at 1M nodes). ``engine="networkx"`` runs the same pass with networkx
(Louvain instead of Leiden) as a reference and for benchmarks. Candidate networks are found by
:mod:`emm.graph.analysis.networks`.

Signals and investigations are context (:mod:`emm.graph.analysis.context`): by default their
facts are left out of the pass, so a case with every suspect in it does not become the most
central node of the graph; they stay in the table as isolated rows.

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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from emm.graph.analysis._igraph import WHOLE_GRAPH_ITERATIONS
from emm.graph.analysis.exceptions import UnknownMethod

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["WHOLE_GRAPH_ITERATIONS", "WholeGraphResult", "whole_graph_pass"]


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
        """The ``n`` nodes with the highest ``by``; ties in content order (rows are in the
        order of :func:`emm.graph.analysis.frames.canonical`, so not by random uid)."""
        return self.table.sort_values(by, ascending=False, kind="stable").head(n)

    def groups(self, column: Literal["component", "community"] = "community") -> list[set[Any]]:
        """The components or communities as sets of uids, largest first."""
        out: list[set[Any]] = [set() for _ in range(int(self.table[column].max()) + 1)]
        for uid, group in zip(self.table["uid"], self.table[column], strict=True):
            out[int(group)].add(uid)
        return out


def _relabel(membership: np.ndarray) -> np.ndarray:
    """Renumber groups: 0 = largest, ties by the first member in content order."""
    import numpy as np
    import pandas as pd

    if len(membership) == 0:
        return membership
    frame = pd.DataFrame({"g": membership, "pos": np.arange(len(membership))})
    stats = frame.groupby("g")["pos"].agg(["size", "min"])
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
    include_context: bool = False,
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
    include_context : bool, default False
        Also use the facts to signals and investigations (see the module notes).

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

    from emm.graph.analysis.context import CONTEXT_LABELS
    from emm.graph.analysis.frames import as_frames, canonical, encode

    if engine not in ("igraph", "networkx"):
        raise UnknownMethod(f"unknown engine {engine!r} (known: igraph, networkx)")
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    edges, nodes = as_frames((edges, nodes))
    # only the columns the pass reads are put in content order (a copy of 3 columns, not 30)
    _, nodes = canonical(edges, nodes[[c for c in ("uid", "label", "key") if c in nodes.columns]])
    if not include_context:
        ctx = set(nodes.loc[nodes["label"].isin(CONTEXT_LABELS), "uid"].tolist())
        if ctx:
            edges = edges[~edges["src"].isin(ctx) & ~edges["dst"].isin(ctx)]
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
    comp = _relabel(comp)
    comm = _relabel(comm)
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
