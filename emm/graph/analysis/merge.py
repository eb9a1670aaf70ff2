"""Merging confirmed same-person pairs in analysis copies (a graph or the two tables).

Analysts confirm or reject the candidates of :mod:`emm.graph.analysis.same_person`; confirmed
pairs are contracted here, in a copy: the parties' records stay as delivered. (Once the store
applies confirmed judgements itself, member uids arrive already replaced by one canonical uid;
these functions stay for analysis copies, e.g. a what-if merge in the explorer.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, Any

from emm.graph.analysis.exceptions import InvalidMerge, NodeNotFound

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from emm.graph.analysis.same_person import Candidate

__all__ = ["groups_of", "merge_confirmed", "merge_confirmed_frames"]


def _str(x: Any) -> str | None:
    if x is None or x == "":
        return None
    if isinstance(x, float) and x != x:
        return None
    return str(x)


def _pair(pair: Any) -> tuple[Hashable, Hashable]:
    x, y = pair.pair if hasattr(pair, "pair") else tuple(pair)
    return x, y


def groups_of(pairs: Iterable[Candidate | tuple[Hashable, Hashable]]) -> list[list[Hashable]]:
    """Chained pairs (a=b and b=c) as groups, each sorted by uid text."""
    parent: dict[Hashable, Hashable] = {}

    def find(x: Hashable) -> Hashable:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        x, y = _pair(pair)
        if x == y:
            raise InvalidMerge(f"cannot merge {x} with itself")
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[rx] = ry
    groups: dict[Hashable, list[Hashable]] = defaultdict(list)
    for node in list(parent):
        groups[find(node)].append(node)
    return [sorted(g, key=str) for g in groups.values()]


def merge_confirmed(
    G: nx.MultiDiGraph,
    pairs: Iterable[Candidate | tuple[Hashable, Hashable]],
) -> nx.MultiDiGraph:
    """Contract confirmed same-person pairs in a copy of ``G``.

    Pairs are chained (a=b and b=c merge all three). Each group becomes the node with the
    smallest uid (as text); it gets ``merged_from`` (all original uids, sorted), ``parties``
    (union), ``aliases`` (the other names) and any property it lacked from the others. Every fact
    is kept and re-pointed (a fact between two merged nodes becomes a self-loop). ``G`` is not
    modified.

    Raises
    ------
    NodeNotFound
        If a uid is not in ``G``.
    InvalidMerge
        If a pair is not two distinct Person nodes.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("u1", label="Person", name="J. de Vries", parties=["POL"])
    >>> G.add_node("u2", label="Person", name="Jan de Vries", parties=["IND"], bsn="111222333")
    >>> G.add_node("a1", label="Address")
    >>> _ = G.add_edge("u2", "a1", key="IND-7", type="LIVES_AT", party="IND")
    >>> H = merge_confirmed(G, [("u1", "u2")])
    >>> sorted(H), H.nodes["u1"]["merged_from"], H.nodes["u1"]["parties"]
    (['a1', 'u1'], ['u1', 'u2'], ['IND', 'POL'])
    >>> H.nodes["u1"]["bsn"], list(H.edges(keys=True)), sorted(G)
    ('111222333', [('u1', 'a1', 'IND-7')], ['a1', 'u1', 'u2'])
    """
    pairs = list(pairs)
    for pair in pairs:
        for node in _pair(pair):
            if node not in G:
                raise NodeNotFound(f"not in the graph: {node}")
            if G.nodes[node].get("label") != "Person":
                raise InvalidMerge(f"{node} is not a Person node")
    H = G.copy()
    for members in groups_of(pairs):
        rep, others = members[0], members[1:]
        attrs = dict(H.nodes[rep])
        names = [G.nodes[m].get("name") for m in members]
        parties: set[str] = set()
        for m in members:
            parties.update(G.nodes[m].get("parties") or ())
            for key, value in G.nodes[m].items():
                if attrs.get(key) in (None, "") and value not in (None, ""):
                    attrs[key] = value
        attrs["parties"] = sorted(parties)
        attrs["merged_from"] = [str(m) for m in members]
        attrs["aliases"] = sorted({str(n) for n in names if n} - {str(attrs.get("name"))})
        H.nodes[rep].update(attrs)
        group = set(members)
        touching: dict[tuple[Hashable, Hashable, Hashable], dict[str, Any]] = {}
        for o in others:
            for u, v, k, d in H.out_edges(o, keys=True, data=True):
                touching[(u, v, k)] = d
            for u, v, k, d in H.in_edges(o, keys=True, data=True):
                touching[(u, v, k)] = d
        H.remove_nodes_from(others)
        for (u, v, k), d in touching.items():
            nu = rep if u in group else u
            nv = rep if v in group else v
            if H.has_edge(nu, nv, k):
                H.add_edge(nu, nv, **d)
            else:
                H.add_edge(nu, nv, key=k, **d)
    return H


def merge_confirmed_frames(
    edges: pd.DataFrame,
    nodes: pd.DataFrame,
    pairs: Iterable[Candidate | tuple[Hashable, Hashable]],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`merge_confirmed` on the edge and node tables (new tables; the inputs are kept).

    Each group's member uids are replaced by the smallest (as text) in both tables; the node
    row keeps the representative's values, fills gaps from the others, and gets
    ``merged_from`` and ``parties`` (union). Facts are all kept.

    Examples
    --------
    >>> import pandas as pd
    >>> n = pd.DataFrame({"uid": ["u1", "u2", "a"], "label": ["Person", "Person", "Address"],
    ...                   "name": ["J. Vries", "Jan Vries", None], "parties": [["POL"], ["IND"], []]})
    >>> e = pd.DataFrame({"src": ["u2"], "dst": ["a"], "type": ["LIVES_AT"], "party": ["IND"],
    ...                   "legal_basis": ["AVG-6-VW-107-4"], "registered_at": ["2026-01-01"]})
    >>> e2, n2 = merge_confirmed_frames(e, n, [("u1", "u2")])
    >>> e2["src"].tolist(), n2["uid"].tolist(), n2.iloc[0]["merged_from"], n2.iloc[0]["parties"]
    (['u1'], ['u1', 'a'], ['u1', 'u2'], ['IND', 'POL'])
    """
    import pandas as pd

    pairs = list(pairs)
    label = dict(zip(nodes["uid"], nodes["label"], strict=False))
    for pair in pairs:
        for node in _pair(pair):
            if node not in label:
                raise NodeNotFound(f"not in the graph: {node}")
            if label[node] != "Person":
                raise InvalidMerge(f"{node} is not a Person node")
    groups = groups_of(pairs)
    rep = {m: g[0] for g in groups for m in g}
    if not rep:
        return edges.copy(), nodes.copy()
    e = edges.assign(src=edges["src"].map(lambda u: rep.get(u, u)),
                     dst=edges["dst"].map(lambda u: rep.get(u, u)))  # fmt: skip
    by_uid = nodes.drop_duplicates("uid").set_index("uid")
    merged_rows = []
    for g in groups:
        row = by_uid.loc[str(g[0])].copy()
        parties: set[str] = set()
        for m in g:
            other = by_uid.loc[str(m)]
            for col in by_uid.columns:
                v = row.get(col)
                if (v is None or (isinstance(v, float) and v != v) or v == "") and _str(other[col]):
                    row[col] = other[col]
            if isinstance(other.get("parties"), list | tuple):
                parties.update(other["parties"])
        row["parties"] = sorted(parties)
        row["merged_from"] = [str(m) for m in g]
        merged_rows.append((g[0], row))
    kept = nodes[~nodes["uid"].isin(list(rep))].copy()
    if "merged_from" not in kept.columns:
        kept["merged_from"] = None
    new = pd.DataFrame([r for _, r in merged_rows]).reset_index().rename(columns={"index": "uid"})
    out = pd.concat([new, kept], ignore_index=True)[list(kept.columns)]
    return e, out
