"""Restrict the entity graph to what an analyst may and wants to use.

Every analysis starts here: :func:`filter_graph` keeps only the facts (edges) whose party,
legal basis, relationship type and registration date pass the filter, and :func:`expand` grows
a k-hop neighbourhood around seed entities *inside* that filtered graph. Downstream functions
only ever see the returned copy, so whatever the filter excludes cannot leak into a measure, an
indicator or a product.

Node policy
-----------
* A node whose every fact was filtered out is dropped (it has no evidence left), unless it is
  named in ``keep`` (the seeds of an expansion).
* A node that was already isolated in the input is kept when no party filter is given, or when
  one of its asserting ``parties`` passes the party filter.
* With a party filter, a node's ``parties`` list is reduced to the allowed parties. A node that
  survives only because an allowed fact points at it, while it was asserted solely by excluded
  parties, is *redacted*: it keeps ``label`` and an empty ``parties`` list, its caption becomes
  its label, and its other properties (name, date of birth, ...) are removed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Hashable, Iterable
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from emm.graph import schema
from emm.graph.analysis.exceptions import InvalidFilter, NodeNotFound

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["GraphFilter", "edge_passes", "expand", "filter_graph"]

DateLike = str | dt.date


class GraphFilter(TypedDict, total=False):
    """The keyword options shared by :func:`filter_graph` and :func:`expand`."""

    parties: Collection[str] | None
    legal_bases: Collection[str] | None
    rel_types: Collection[str] | None
    date_from: DateLike | None
    date_to: DateLike | None


def _as_date(value: DateLike, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InvalidFilter(f"{what} is not an ISO date (jjjj-mm-dd): {value!r}") from exc


def _checked(
    values: Collection[str] | None, allowed: Collection[str], what: str
) -> frozenset[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    chosen = frozenset(values)
    unknown = sorted(chosen - set(allowed))
    if unknown:
        raise InvalidFilter(f"unknown {what}: {', '.join(unknown)} (known: {', '.join(allowed)})")
    return chosen


class _EdgeTest:
    """A compiled filter: validated once, then applied to every edge."""

    def __init__(self, options: GraphFilter) -> None:
        unknown = set(options) - set(GraphFilter.__annotations__)
        if unknown:
            raise InvalidFilter(f"unknown filter option(s): {', '.join(sorted(unknown))}")
        self.parties = _checked(options.get("parties"), schema.PARTIES, "party")
        self.legal_bases = _checked(options.get("legal_bases"), schema.LEGAL_BASES, "legal basis")
        self.rel_types = _checked(options.get("rel_types"), schema.REL_TYPES, "relationship type")
        date_from = options.get("date_from")
        date_to = options.get("date_to")
        self.date_from = None if date_from is None else _as_date(date_from, "date_from")
        self.date_to = None if date_to is None else _as_date(date_to, "date_to")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidFilter(f"date_from {self.date_from} is after date_to {self.date_to}")

    def __call__(self, data: dict[str, Any]) -> bool:
        if self.parties is not None and data.get("party") not in self.parties:
            return False
        if self.legal_bases is not None and data.get("legal_basis") not in self.legal_bases:
            return False
        if self.rel_types is not None and data.get("type") not in self.rel_types:
            return False
        if self.date_from is not None or self.date_to is not None:
            registered = data.get("registered_at")
            if not registered:
                return False  # a date filter cannot vouch for an undated fact
            try:
                day = dt.date.fromisoformat(str(registered)[:10])
            except ValueError:
                return False
            if self.date_from is not None and day < self.date_from:
                return False
            if self.date_to is not None and day > self.date_to:
                return False
        return True


def edge_passes(data: dict[str, Any], **filters: Unpack[GraphFilter]) -> bool:
    """Whether one edge's attribute dict passes the filter (same rules as :func:`filter_graph`).

    Examples
    --------
    >>> edge_passes({"type": "LIVES_AT", "party": "POL"}, parties=["KMAR"])
    False
    >>> edge_passes({"type": "LIVES_AT", "registered_at": "2026-03-01"}, date_from="2026-01-01")
    True
    """
    return _EdgeTest(filters)(data)


def filter_graph(
    G: nx.MultiDiGraph,
    *,
    keep: Iterable[Hashable] | None = None,
    **filters: Unpack[GraphFilter],
) -> nx.MultiDiGraph:
    """Return a copy of ``G`` with only the facts that pass the filter.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The entity graph projection (node id = uid, edges carry ``type``, ``party``,
        ``legal_basis``, ``source_ref``, ``registered_at``).
    keep : iterable of node ids, optional
        Nodes kept even when the filter leaves them without any fact (e.g. expansion seeds).
        They are redacted like any other node (see the module notes).
    parties, legal_bases, rel_types : collection of str, optional
        Allowed party codes, legal-basis codes and relationship types; ``None`` allows all.
        Unknown codes raise :class:`InvalidFilter`.
    date_from, date_to : str or datetime.date, optional
        Inclusive bounds on the edge's ``registered_at``. With either bound given, edges
        without a readable ``registered_at`` are excluded.

    Returns
    -------
    networkx.MultiDiGraph
        A new graph; node and edge attribute dicts are copies, the input is not modified.

    Raises
    ------
    InvalidFilter
        If a code, option or date is not valid.
    NodeNotFound
        If a node in ``keep`` is not in ``G``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p1", label="Person", parties=["POL", "IND"])
    >>> G.add_node("a1", label="Address", parties=["IND"])
    >>> G.add_node("a2", label="Address", parties=["POL"])
    >>> _ = G.add_edge("p1", "a1", key="IND-1", type="LIVES_AT", party="IND")
    >>> _ = G.add_edge("p1", "a2", key="POL-1", type="LIVES_AT", party="POL")
    >>> H = filter_graph(G, parties=["POL"])
    >>> sorted(H.nodes), list(H.edges(keys=True))
    (['a2', 'p1'], [('p1', 'a2', 'POL-1')])
    >>> H.nodes["p1"]["parties"]
    ['POL']
    """
    test = _EdgeTest(filters)
    keep_set = set(keep) if keep is not None else set()
    missing = [n for n in keep_set if n not in G]
    if missing:
        raise NodeNotFound(f"not in the graph: {', '.join(map(str, sorted(missing, key=str)))}")

    H = G.__class__()
    H.graph.update(G.graph)
    edges = [(u, v, k, dict(d)) for u, v, k, d in G.edges(keys=True, data=True) if test(d)]
    touched = {u for u, _, _, _ in edges} | {v for _, v, _, _ in edges}
    for node, data in G.nodes(data=True):
        wanted = node in touched or node in keep_set
        if wanted or (G.degree(node) == 0 and _asserted_by_allowed(data, test.parties)):
            H.add_node(node, **_node_attrs(data, test.parties))
    H.add_edges_from(edges)
    return H


def _asserted_by_allowed(data: dict[str, Any], parties: frozenset[str] | None) -> bool:
    return parties is None or bool(set(data.get("parties") or ()) & parties)


def _node_attrs(data: dict[str, Any], parties: frozenset[str] | None) -> dict[str, Any]:
    if parties is None:
        return dict(data)
    if "parties" not in data:
        return dict(data)  # no provenance on the node: only the facts carry it
    allowed = [p for p in data.get("parties") or () if p in parties]
    if allowed:
        return {**data, "parties": allowed}
    label = data.get("label", "")
    return {"label": label, "parties": [], "caption": label, "redacted": True}


def expand(
    G: nx.MultiDiGraph,
    seeds: Iterable[Hashable],
    *,
    hops: int = 2,
    **filters: Unpack[GraphFilter],
) -> nx.MultiDiGraph:
    """The ``hops``-hop neighbourhood of ``seeds`` in the filtered graph.

    The graph is first filtered with :func:`filter_graph` (seeds kept), then every node within
    ``hops`` steps of a seed, ignoring edge direction, is taken with all filtered facts among
    those nodes.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The entity graph projection.
    seeds : iterable of node ids
        Where to start; each must be in ``G``.
    hops : int, default 2
        Radius of the neighbourhood; ``0`` returns the seeds only.
    **filters
        The options of :func:`filter_graph`.

    Returns
    -------
    networkx.MultiDiGraph
        An independent copy.

    Raises
    ------
    NodeNotFound
        If a seed is not in ``G``.
    InvalidFilter
        If a filter option is invalid or ``hops`` is negative.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for u, v in [("p1", "a1"), ("p2", "a1"), ("p2", "ph1"), ("p3", "ph1")]:
    ...     _ = G.add_edge(u, v, key=f"{u}-{v}", type="LIVES_AT", party="POL")
    >>> sorted(expand(G, ["p1"], hops=2))
    ['a1', 'p1', 'p2']
    >>> sorted(expand(G, ["p1"], hops=3))
    ['a1', 'p1', 'p2', 'ph1']
    """
    if hops < 0:
        raise InvalidFilter(f"hops must be 0 or more, not {hops}")
    seed_list = list(seeds)
    H = filter_graph(G, keep=seed_list, **filters)
    reached = set(seed_list)
    frontier = set(seed_list)
    for _ in range(hops):
        nxt: set[Hashable] = set()
        for node in frontier:
            nxt.update(H.successors(node))
            nxt.update(H.predecessors(node))
        frontier = nxt - reached
        if not frontier:
            break
        reached |= frontier
    return H.subgraph(reached).copy()
