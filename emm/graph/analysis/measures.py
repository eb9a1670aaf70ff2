"""Network measures for OIB-sized subgraphs (networkx), with igraph Leiden for large graphs.

All measures work on the *collapsed* graph (:func:`weighted_simple_graph`): the multigraph of
facts becomes an undirected simple graph whose edge ``weight`` is the number of facts between
two entities, in any direction and of any type. Self-loops are dropped.

Signals and investigations are context (:mod:`emm.graph.analysis.context`): :func:`key_players`
and :func:`brokers` leave them and their facts out, so one investigation linked to every suspect
is neither the top key player nor a path between the persons; ties in a ranking are broken by
the nodes' identity ``key`` (not the random uid), so identical data ranks identically.

* degree: distinct neighbours; ``facts``: weighted degree (number of facts).
* betweenness: hop-count shortest paths (weights are *not* distances), normalised as in
  networkx; exact, or estimated from ``k`` sampled sources with ``seed``.
* PageRank: weighted, damping 0.85, dangling mass spread uniformly; a numpy power iteration
  with networkx semantics (networkx's own needs SciPy, which the workbench does not ship).
* eigenvector centrality: weighted, computed per connected component (a disconnected graph has
  no single leading eigenvector); each component's unit vector is scaled by
  ``sqrt(component size / n)`` so the whole vector has unit norm and equals networkx's result on
  a connected graph. Components up to 1,500 nodes use a dense symmetric eigensolver (no
  convergence issue); larger ones a shifted power iteration ``(A + I)``, which converges on
  bipartite structures (Person-Address-Person) where the plain one oscillates.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from emm.graph.analysis.exceptions import UnknownMethod

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np

__all__ = [
    "without_context",
    "brokers",
    "communities",
    "components",
    "eigenvector",
    "key_players",
    "pagerank",
    "weighted_simple_graph",
]

_DENSE_LIMIT = 1500
_MEASURES = ("betweenness", "degree", "facts", "pagerank", "eigenvector")


def without_context(G: nx.Graph) -> nx.Graph:
    """A view of ``G`` without signal and investigation nodes (and so without their facts).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("i", label="Investigation")
    >>> G.add_node("p", label="Person")
    >>> _ = G.add_edge("p", "i")
    >>> list(without_context(G))
    ['p']
    """
    from emm.graph.analysis.context import CONTEXT_LABELS

    drop = [n for n, d in G.nodes(data=True) if d.get("label") in CONTEXT_LABELS]
    if not drop:
        return G
    return G.subgraph([n for n in G if n not in set(drop)])


def _tie_key(H: nx.Graph, node: Hashable) -> str:
    d = H.nodes[node]
    return f"{d.get('label') or ''}\x1f{d.get('key') or ''}\x1f{node}"


def weighted_simple_graph(G: nx.Graph) -> nx.Graph:
    """Collapse a (multi)graph of facts into an undirected simple graph with ``weight``.

    Node attributes ``label`` and ``caption`` are carried over; ``weight`` counts the facts
    between two nodes in either direction. Self-loops are dropped.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="r1")
    >>> _ = G.add_edge("b", "a", key="r2")
    >>> _ = G.add_edge("a", "a", key="r3")
    >>> H = weighted_simple_graph(G)
    >>> H["a"]["b"]["weight"], H.number_of_edges()
    (2, 1)
    """
    import networkx as nx

    H = nx.Graph()
    for n, d in G.nodes(data=True):
        H.add_node(n, label=d.get("label"), caption=d.get("caption", str(n)), key=d.get("key"))
    for u, v in G.edges():
        if u == v:
            continue
        if H.has_edge(u, v):
            H[u][v]["weight"] += 1
        else:
            H.add_edge(u, v, weight=1)
    return H


def _arrays(
    H: nx.Graph, weight: str | None
) -> tuple[list[Hashable], np.ndarray, np.ndarray, np.ndarray]:
    import numpy as np

    nodes = list(H)
    index = {n: i for i, n in enumerate(nodes)}
    m = H.number_of_edges()
    u = np.empty(m, dtype=np.int64)
    v = np.empty(m, dtype=np.int64)
    w = np.empty(m, dtype=np.float64)
    for i, (a, b, d) in enumerate(H.edges(data=True)):
        u[i], v[i] = index[a], index[b]
        w[i] = 1.0 if weight is None else float(d.get(weight, 1.0))
    keep = u != v
    return nodes, u[keep], v[keep], w[keep]


def pagerank_arrays(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    w: np.ndarray,
    *,
    alpha: float = 0.85,
    tol: float = 1.0e-12,
    max_iter: int = 1000,
) -> np.ndarray:
    """Weighted PageRank of an undirected graph given as edge arrays (both directions)."""
    import numpy as np

    if n == 0:
        return np.zeros(0)
    strength = np.bincount(u, weights=w, minlength=n) + np.bincount(v, weights=w, minlength=n)
    dangling = strength == 0
    inv = np.divide(1.0, strength, out=np.zeros(n), where=~dangling)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        share = x * inv
        nxt = np.bincount(v, weights=share[u] * w, minlength=n)
        nxt += np.bincount(u, weights=share[v] * w, minlength=n)
        nxt = alpha * (nxt + x[dangling].sum() / n) + (1.0 - alpha) / n
        err = np.abs(nxt - x).sum()
        x = nxt
        if err < n * tol:
            break
    return x / x.sum()


def pagerank(
    G: nx.Graph, *, alpha: float = 0.85, weight: str | None = "weight"
) -> dict[Hashable, float]:
    """Weighted PageRank of the collapsed graph (same definition as ``networkx.pagerank``).

    ``G`` may be the projection multigraph (it is collapsed first) or an undirected simple
    graph with a ``weight`` attribute.

    Examples
    --------
    >>> import networkx as nx
    >>> pr = pagerank(nx.star_graph(3))
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    (0, 1.0)
    """
    H = _collapsed(G)
    nodes, u, v, w = _arrays(H, weight)
    x = pagerank_arrays(len(nodes), u, v, w, alpha=alpha)
    return dict(zip(nodes, x.tolist(), strict=True))


def _collapsed(G: nx.Graph) -> nx.Graph:
    if G.is_multigraph() or G.is_directed():
        return weighted_simple_graph(G)
    return G


def eigenvector(G: nx.Graph, *, weight: str | None = "weight") -> dict[Hashable, float]:
    """Weighted eigenvector centrality, per connected component (see the module notes).

    Examples
    --------
    >>> import networkx as nx
    >>> ev = eigenvector(nx.path_graph(3))
    >>> [round(ev[i], 4) for i in range(3)]
    [0.5, 0.7071, 0.5]
    >>> two = eigenvector(nx.disjoint_union(nx.path_graph(2), nx.path_graph(2)))
    >>> [round(x, 4) for x in two.values()]
    [0.5, 0.5, 0.5, 0.5]
    """
    import networkx as nx
    import numpy as np

    H = _collapsed(G)
    n = H.number_of_nodes()
    result: dict[Hashable, float] = {}
    for comp in nx.connected_components(H):
        nodes = list(comp)
        if len(nodes) == 1:
            result[nodes[0]] = 0.0
            continue
        sub = H.subgraph(nodes)
        order, u, v, w = _arrays(sub, weight)
        vec = _leading_vector(len(order), u, v, w)
        vec *= np.sqrt(len(order) / n)
        result.update(zip(order, vec.tolist(), strict=True))
    return {node: result[node] for node in H}


def _leading_vector(k: int, u: np.ndarray, v: np.ndarray, w: np.ndarray) -> np.ndarray:
    import numpy as np

    if k <= _DENSE_LIMIT:
        A = np.zeros((k, k))
        np.add.at(A, (u, v), w)
        np.add.at(A, (v, u), w)
        _, vecs = np.linalg.eigh(A)
        vec = vecs[:, -1]
    else:
        vec = np.full(k, 1.0 / np.sqrt(k))
        for _ in range(5000):
            nxt = vec + np.bincount(v, weights=vec[u] * w, minlength=k)
            nxt = nxt + np.bincount(u, weights=vec[v] * w, minlength=k)
            nxt = nxt / np.linalg.norm(nxt)
            done = np.abs(nxt - vec).sum() < k * 1.0e-10
            vec = nxt
            if done:
                break
    vec = np.abs(vec)  # Perron vector: one sign; abs also removes -0.0 noise
    norm = np.linalg.norm(vec)
    return vec / norm if norm > 0 else vec


def key_players(
    G: nx.Graph,
    *,
    top: int | None = 10,
    by: Literal["betweenness", "degree", "facts", "pagerank", "eigenvector"] = "betweenness",
    k: int | None = None,
    seed: int | None = None,
    include_context: bool = False,
) -> list[dict[str, Any]]:
    """Rank entities by centrality in the collapsed graph (signals and investigations left out).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An OIB-sized projection (e.g. the result of :func:`expand`).
    top : int or None, default 10
        How many rows to return; ``None`` returns all nodes.
    by : {"betweenness", "degree", "facts", "pagerank", "eigenvector"}
        Sort key (descending); ties are broken by degree, PageRank and then the node's label
        and identity ``key`` (then uid).
    k : int, optional
        Estimate betweenness from ``k`` sampled sources (exact when ``None`` or ``k >= n``).
    seed : int, optional
        Seed of the betweenness sample (only used with ``k``).
    include_context : bool, default False
        Keep signal and investigation nodes (the old behaviour; not for ranking persons).

    Returns
    -------
    list of dict
        One row per node with ``uid``, ``label``, ``caption``, ``degree`` (distinct
        neighbours), ``facts`` (weighted degree), ``betweenness`` (normalised), ``pagerank``,
        ``eigenvector`` and ``rank`` (1-based).

    Raises
    ------
    UnknownMethod
        If ``by`` is not one of the measures.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for leaf in ["p2", "p3", "p4"]:
    ...     _ = G.add_edge("p1", leaf, key=f"r-{leaf}", type="ASSOCIATE_OF")
    >>> rows = key_players(G, top=2)
    >>> [(r["uid"], r["degree"], r["betweenness"]) for r in rows]
    [('p1', 3, 1.0), ('p2', 1, 0.0)]
    """
    import networkx as nx

    if by not in _MEASURES:
        raise UnknownMethod(f"unknown measure {by!r} (known: {', '.join(_MEASURES)})")
    H = _collapsed(G if include_context else without_context(G))
    n = H.number_of_nodes()
    if n == 0:
        return []
    sample = k if k is not None and k < n else None
    bet = nx.betweenness_centrality(H, k=sample, seed=seed, normalized=True)
    pr = pagerank(H)
    ev = eigenvector(H)
    rows = [
        {
            "uid": node,
            "label": H.nodes[node].get("label"),
            "caption": H.nodes[node].get("caption", str(node)),
            "degree": H.degree(node),
            "facts": H.degree(node, weight="weight"),
            "betweenness": bet[node],
            "pagerank": pr[node],
            "eigenvector": ev[node],
        }
        for node in H
    ]
    rows.sort(key=lambda r: (-r[by], -r["degree"], -r["pagerank"], _tie_key(H, r["uid"])))
    for i, row in enumerate(rows, start=1):
        row["rank"] = i
    return rows if top is None else rows[:top]


def _sorted_sets(groups: Iterable[Iterable[Hashable]]) -> list[set[Hashable]]:
    out = [set(g) for g in groups]
    out.sort(key=lambda s: (-len(s), min(str(x) for x in s) if s else ""))
    return out


def components(G: nx.Graph) -> list[set[Hashable]]:
    """Connected components (ignoring edge direction), largest first.

    Ties in size are ordered by the smallest uid (as text), so the order is stable.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("d", "e")])
    >>> G.add_node("f")
    >>> [sorted(c) for c in components(G)]
    [['a', 'b', 'c'], ['d', 'e'], ['f']]
    """
    import networkx as nx

    if G.is_directed():
        return _sorted_sets(nx.weakly_connected_components(G))
    return _sorted_sets(nx.connected_components(G))


def communities(
    G: nx.Graph,
    *,
    method: Literal["louvain", "leiden"] = "louvain",
    seed: int | None = 0,
    resolution: float = 1.0,
) -> list[set[Hashable]]:
    """Communities of the collapsed graph by modularity (weights = number of facts).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The projection (or any networkx graph).
    method : {"louvain", "leiden"}, default "louvain"
        ``"louvain"``: networkx (fine up to tens of thousands of edges); ``"leiden"``: igraph,
        for large graphs (see ``notes/graph-performance.md``).
    seed : int or None, default 0
        Random seed; the same seed gives the same partition.
    resolution : float, default 1.0
        Modularity resolution; lower values give fewer, larger communities.

    Returns
    -------
    list of set
        Communities, largest first (ties by smallest uid); isolated nodes form their own.

    Raises
    ------
    UnknownMethod
        If ``method`` is not supported.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(4, 0)
    >>> [sorted(c) for c in communities(G, seed=1)]
    [[0, 1, 2, 3], [4, 5, 6, 7]]
    >>> [sorted(c) for c in communities(G, method="leiden", seed=1)]
    [[0, 1, 2, 3], [4, 5, 6, 7]]
    """
    import networkx as nx

    H = _collapsed(G)
    if method == "louvain":
        groups = nx.community.louvain_communities(
            H, weight="weight", resolution=resolution, seed=seed
        )
        return _sorted_sets(groups)
    if method == "leiden":
        import numpy as np

        from emm.graph.analysis import _igraph
        from emm.graph.analysis.frames import Encoded

        nodes, u, v, w = _arrays(H, "weight")
        enc = Encoded(uids=np.arange(len(nodes)), u=u, v=v, weight=w)  # codes index `nodes`
        membership = _igraph.leiden(_igraph.build(enc), resolution=resolution, seed=seed)
        grouped: dict[int, list[Hashable]] = {}
        for node, c in zip(nodes, membership.tolist(), strict=True):
            grouped.setdefault(c, []).append(node)
        return _sorted_sets(grouped.values())
    raise UnknownMethod(f"unknown community method {method!r} (known: louvain, leiden)")


def brokers(
    G: nx.Graph,
    communities: Iterable[Iterable[Hashable]],
    *,
    min_communities: int = 2,
    k: int | None = None,
    seed: int | None = None,
    include_context: bool = False,
) -> list[dict[str, Any]]:
    """Entities whose neighbourhood spans several communities, with their betweenness
    (signals and investigations left out: they are context, not brokers).

    A node is a broker when its own community and its neighbours' communities together number
    at least ``min_communities``. Nodes outside every community are ignored.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The projection the communities were computed on.
    communities : iterable of sets of node ids
        E.g. the result of :func:`communities`; community ``i`` is the ``i``-th set.
    min_communities : int, default 2
        How many communities a broker must touch.
    k, seed : int, optional
        Betweenness sampling, as in :func:`key_players`.

    Returns
    -------
    list of dict
        ``uid``, ``label``, ``caption``, ``community`` (own index or ``None``),
        ``communities`` (sorted indices touched) and ``betweenness``; highest betweenness first.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(3, 1)  # two triangles joined through node 3
    >>> comms = [{0, 1, 2, 3}, {4, 5, 6}]
    >>> [(r["uid"], r["communities"]) for r in brokers(G, comms)]
    [(3, [0, 1]), (4, [0, 1])]
    """
    import networkx as nx

    H = _collapsed(G if include_context else without_context(G))
    member: Mapping[Hashable, int] = {n: i for i, c in enumerate(communities) for n in c if n in H}
    candidates = []
    for node in H:
        touched = {member[m] for m in H[node] if m in member}
        if node in member:
            touched.add(member[node])
        if len(touched) >= min_communities:
            candidates.append((node, sorted(touched)))
    if not candidates:
        return []
    n = H.number_of_nodes()
    sample = k if k is not None and k < n else None
    bet = nx.betweenness_centrality(H, k=sample, seed=seed, normalized=True)
    rows = [
        {
            "uid": node,
            "label": H.nodes[node].get("label"),
            "caption": H.nodes[node].get("caption", str(node)),
            "community": member.get(node),
            "communities": touched,
            "betweenness": bet[node],
        }
        for node, touched in candidates
    ]
    rows.sort(key=lambda r: (-r["betweenness"], _tie_key(H, r["uid"])))
    return rows
