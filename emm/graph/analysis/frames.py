"""Edge and node tables: the column form of the entity graph used by whole-graph passes.

The *edge table* has one row per fact with at least the columns ``src``, ``dst``, ``type``,
``party``, ``legal_basis``, ``registered_at`` (and normally ``source_ref``), plus the
relationship fields (``role``, ``amount``, ``date``, ``purpose``, ``nights``...). The *node
table* has one row per entity with ``uid`` and ``label`` plus ``key``, ``caption``, ``parties``
and the entity fields.

:func:`to_frames` turns a projection graph into the two tables; :func:`as_frames` accepts
either form at a public boundary; :func:`encode` makes the integer-coded, collapsed edge
arrays that igraph (and our own numpy code) build from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from emm.graph.analysis.exceptions import InvalidFrames

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np
    import pandas as pd

__all__ = [
    "EDGE_COLUMNS",
    "NODE_COLUMNS",
    "Encoded",
    "as_frames",
    "canonical",
    "encode",
    "order_keys",
    "present",
    "to_frames",
]

EDGE_COLUMNS = ("src", "dst", "type", "party", "legal_basis", "source_ref", "registered_at")
NODE_COLUMNS = ("uid", "label", "key", "caption", "parties")
_REQUIRED_EDGE = ("src", "dst", "type", "party", "legal_basis", "registered_at")
_REQUIRED_NODE = ("uid", "label")

Frames = tuple["pd.DataFrame", "pd.DataFrame"]


def to_frames(G: nx.MultiDiGraph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Convert the projection graph into an edge table and a node table.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The entity graph projection.

    Returns
    -------
    edges, nodes : pandas.DataFrame
        ``edges`` has :data:`EDGE_COLUMNS` first (``source_ref`` falls back to the edge key),
        then every other edge attribute found, sorted; ``nodes`` has :data:`NODE_COLUMNS`
        first, then the other node attributes, sorted. Missing values are ``None``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p1", label="Person", name="Jan")
    >>> G.add_node("a1", label="Address", city="Breda")
    >>> _ = G.add_edge("p1", "a1", key="POL-1", type="LIVES_AT", party="POL")
    >>> edges, nodes = to_frames(G)
    >>> edges[["src", "dst", "type", "source_ref"]].values.tolist()
    [['p1', 'a1', 'LIVES_AT', 'POL-1']]
    >>> nodes["uid"].tolist()
    ['p1', 'a1']
    """
    import pandas as pd

    edge_rows: list[dict[str, Any]] = []
    extra_e: set[str] = set()
    for u, v, k, d in G.edges(keys=True, data=True):
        row = {"src": u, "dst": v, **d}
        if row.get("source_ref") is None:
            row["source_ref"] = k
        edge_rows.append(row)
        extra_e.update(d)
    node_rows: list[dict[str, Any]] = []
    extra_n: set[str] = set()
    for n, d in G.nodes(data=True):
        node_rows.append({"uid": n, **d})
        extra_n.update(d)
    e_cols = list(EDGE_COLUMNS) + sorted(extra_e - set(EDGE_COLUMNS))
    n_cols = list(NODE_COLUMNS) + sorted(extra_n - set(NODE_COLUMNS))
    edges = pd.DataFrame(edge_rows, columns=e_cols, dtype=object)
    nodes = pd.DataFrame(node_rows, columns=n_cols, dtype=object)
    return edges, nodes


def as_frames(data: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Accept a projection graph or an ``(edges, nodes)`` pair; return validated tables.

    Node ids that occur in ``edges`` but not in ``nodes`` are added with an unknown label
    (``None``). A missing ``source_ref`` column is filled with ``"row:<index>"``.

    Raises
    ------
    InvalidFrames
        If ``data`` is neither form or a required column is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"src": ["p1"], "dst": ["a1"], "type": ["LIVES_AT"], "party": ["POL"],
    ...                   "legal_basis": ["WPG-10"], "registered_at": ["2026-01-02"]})
    >>> n = pd.DataFrame({"uid": ["p1"], "label": ["Person"]})
    >>> edges, nodes = as_frames((e, n))
    >>> edges["source_ref"].tolist(), nodes["uid"].tolist()
    (['row:0'], ['p1', 'a1'])
    """
    import networkx as nx
    import pandas as pd

    if isinstance(data, nx.Graph):
        return to_frames(data)
    if not (isinstance(data, tuple) and len(data) == 2):
        raise InvalidFrames("expected a networkx graph or an (edges, nodes) pair of DataFrames")
    edges, nodes = data
    if not isinstance(edges, pd.DataFrame) or not (
        nodes is None or isinstance(nodes, pd.DataFrame)
    ):
        raise InvalidFrames("edges and nodes must be pandas DataFrames")
    missing = [c for c in _REQUIRED_EDGE if c not in edges.columns]
    if missing:
        raise InvalidFrames(f"edge table lacks column(s): {', '.join(missing)}")
    edges = edges.reset_index(drop=True)
    if "source_ref" not in edges.columns:
        edges = edges.assign(source_ref=[f"row:{i}" for i in range(len(edges))])
    if nodes is None:
        nodes = pd.DataFrame(
            {"uid": pd.Series([], dtype=object), "label": pd.Series([], dtype=object)}
        )
    missing = [c for c in _REQUIRED_NODE if c not in nodes.columns]
    if missing:
        raise InvalidFrames(f"node table lacks column(s): {', '.join(missing)}")
    extra = pd.unique(pd.concat([edges["src"], edges["dst"]], ignore_index=True))
    unknown = [u for u in extra[~pd.Index(extra).isin(nodes["uid"])].tolist()]
    if unknown:
        nodes = pd.concat(
            [nodes, pd.DataFrame({"uid": unknown, "label": [None] * len(unknown)}, dtype=object)],
            ignore_index=True,
        )
    return edges, nodes.reset_index(drop=True)


@dataclass(frozen=True)
class Encoded:
    """Integer-coded, collapsed form of an edge table.

    ``uids[i]`` is the node with code ``i`` (node-table order first, so isolated nodes get
    codes too). ``u``, ``v``, ``weight`` are the undirected simple graph: ``u < v``, no
    self-loops, ``weight`` = number of facts between the two nodes (any type, any direction),
    or the sum of their type weights when :func:`encode` is given ``weights``.
    """

    uids: np.ndarray
    u: np.ndarray
    v: np.ndarray
    weight: np.ndarray

    @property
    def n(self) -> int:
        return len(self.uids)


def encode(
    edges: pd.DataFrame,
    nodes: pd.DataFrame,
    *,
    weights: Mapping[str, float] | None = None,
    default_weight: float = 1.0,
    weight_column: str | None = None,
) -> Encoded:
    """Factorise node ids to ``0..n-1`` and collapse parallel facts into weights.

    Without ``weights`` every fact counts 1. With ``weights`` (relationship type -> weight;
    types not listed weigh ``default_weight``) a fact counts the weight of its ``type``, and
    pairs whose facts add up to 0 are dropped. With ``weight_column`` each fact's weight is
    further multiplied by that column (e.g. a tie strength).

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"src": ["a", "b", "a", "c"], "dst": ["b", "a", "c", "c"]})
    >>> n = pd.DataFrame({"uid": ["a", "b", "c", "d"]})
    >>> enc = encode(e, n)
    >>> enc.n, enc.u.tolist(), enc.v.tolist(), enc.weight.tolist()
    (4, [0, 0], [1, 2], [2.0, 1.0])
    >>> e["type"] = ["CALLS", "STAYED_AT", "CALLS", "CALLS"]
    >>> encode(e, n, weights={"STAYED_AT": 0.2}).weight.tolist()
    [1.2, 1.0]
    """
    import numpy as np
    import pandas as pd

    all_ids = pd.concat([nodes["uid"], edges["src"], edges["dst"]], ignore_index=True)
    codes, uniques = pd.factorize(all_ids)
    k = len(nodes)
    m = len(edges)
    src = codes[k : k + m].astype(np.int64)
    dst = codes[k + m :].astype(np.int64)
    n = len(uniques)
    a = np.minimum(src, dst)
    b = np.maximum(src, dst)
    mask = a != b
    key = a[mask] * max(n, 1) + b[mask]
    if weights is None:
        keys, counts = np.unique(key, return_counts=True)
        total = counts.astype(np.float64)
    else:
        w = edges["type"].map(dict(weights)).astype(float).fillna(default_weight).to_numpy()
        if weight_column is not None:
            w = w * pd.to_numeric(edges[weight_column], errors="coerce").fillna(1.0).to_numpy()
        keys, inverse = np.unique(key, return_inverse=True)
        total = np.bincount(inverse, weights=w[mask], minlength=len(keys)).astype(np.float64)
        positive = total > 0
        keys, total = keys[positive], total[positive]
    return Encoded(
        uids=np.asarray(uniques, dtype=object),
        u=keys // max(n, 1),
        v=keys % max(n, 1),
        weight=total,
    )


def present(x: Any) -> bool:
    """Whether a cell holds a value: not None, NaN, NA or empty text.

    Examples
    --------
    >>> [present(x) for x in ("POL", "", None, float("nan"))]
    [True, False, False, False]
    """
    import pandas as pd

    return not (x is None or (isinstance(x, str) and not x) or bool(pd.isna(x)))


def order_keys(nodes: pd.DataFrame) -> pd.Series:
    """A text per uid that orders nodes by content: ``label``, then ``key``, then the uid.

    The store gives every node a random uid at ingest, so two identical loads have different
    uids; the identity ``key`` (normalised BSN, name and date of birth, postcode and number...)
    is the same. Every tie in the analysis is broken by this text, so identical data gives an
    identical top 10 whatever the uids.

    Examples
    --------
    >>> import pandas as pd
    >>> n = pd.DataFrame({"uid": ["x9", "a1"], "label": ["Person", "Person"],
    ...                   "key": ["nd:jansen", "nd:bakker"]})
    >>> order_keys(n).sort_values().index.tolist()
    ['a1', 'x9']
    """
    import pandas as pd

    uid = nodes["uid"].astype(str)
    label = (
        nodes["label"].astype(str)
        if nodes["label"].notna().all()
        else (nodes["label"].astype(object).where(nodes["label"].notna(), "").astype(str))
    )
    if "key" not in nodes.columns:
        key = pd.Series([""] * len(nodes), index=nodes.index)
    elif nodes["key"].notna().all():
        key = nodes["key"].astype(str)
    else:
        key = nodes["key"].astype(object).where(nodes["key"].notna(), "").astype(str)
    text = (label + "\x1f" + key + "\x1f" + uid).to_numpy()
    out = pd.Series(text, index=nodes["uid"].to_numpy())
    return out[~out.index.duplicated()]


def canonical(
    edges: pd.DataFrame, nodes: pd.DataFrame, *, sort_edges: bool = False
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The node table sorted by content (label, identity ``key``, then uid), independent of
    uids and of the order the database returned the rows in; the edge table too with
    ``sort_edges``.

    Leiden visits vertices in index order and igraph numbers vertices by first appearance, so
    the same facts in another row order can give another (equally good) partition. Vertex codes
    come from the node table (:func:`encode`), and parallel facts are collapsed and sorted by
    code, so sorting the nodes is enough to make a seeded run reproducible across loads; sort
    the edges as well only when their row order is read (it costs a sort of the fact
    references).

    Examples
    --------
    >>> import pandas as pd
    >>> n = pd.DataFrame({"uid": ["u2", "u1"], "label": ["Person", "Person"], "key": ["b", "a"]})
    >>> e = pd.DataFrame({"src": ["u2", "u1"], "dst": ["u1", "u2"], "type": ["MET", "MET"],
    ...                   "source_ref": ["r2", "r1"]})
    >>> ce, cn = canonical(e, n, sort_edges=True)
    >>> cn["uid"].tolist(), ce["source_ref"].tolist()
    (['u1', 'u2'], ['r1', 'r2'])
    """
    import numpy as np
    import pandas as pd

    nodes = nodes.drop_duplicates("uid")
    # one text per node, sorted as a fixed-width numpy string array (3x faster than objects)
    text = order_keys(nodes).to_numpy(dtype="U")
    nodes = nodes.iloc[np.argsort(text, kind="stable")].reset_index(drop=True)
    if not sort_edges:
        return edges, nodes
    rank = pd.Series(np.arange(len(nodes)), index=nodes["uid"].to_numpy())
    big = len(rank) + 1
    s = edges["src"].map(rank).fillna(big).to_numpy(dtype=np.int64)
    d = edges["dst"].map(rank).fillna(big).to_numpy(dtype=np.int64)
    ref_codes = (
        pd.factorize(edges["source_ref"].astype(str), sort=True)[0]
        if "source_ref" in edges.columns
        else np.zeros(len(edges), dtype=np.int64)
    )
    typ_codes = (
        pd.factorize(edges["type"].astype(str), sort=True)[0]
        if "type" in edges.columns
        else ref_codes
    )
    order = np.lexsort((ref_codes, typ_codes, d, s))
    return edges.iloc[order].reset_index(drop=True), nodes
