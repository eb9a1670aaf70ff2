"""Signals and investigations are context, not people: co-involvement is a tie of its own kind.

A police delivery naturally links every person of a case to one ``Investigation`` node. Left in
the graph, that node is on every shortest path between the persons of the case: it becomes the
top key player and broker of every OIB, and a person's betweenness then depends on how many
cases the parties happened to register rather than on the person's relations. So:

* :data:`CONTEXT_LABELS` nodes never take part in person measures (key players, brokers,
  organiser brokerage, network detection); their facts are kept aside and shown as context;
* being involved in the same case is turned into a *co-involvement* tie between each pair of
  persons of the case (:func:`co_involvement`), weighted ``1 / (k - 1)`` for a case with ``k``
  involved entities (each entity's ties of one case add up to 1, as in Newman's collaboration
  networks), so one case of 110 persons weighs as much per person as a case of 3. Measures
  that count paths (betweenness) do not use these ties at all: a shared case is a reason to
  put people in one network, not a path of communication between them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CASE_LINKS", "CO_INVOLVED", "CONTEXT_LABELS", "co_involvement", "split_context"]

#: Labels of context nodes: registrations about entities, not entities.
CONTEXT_LABELS = ("Signal", "Investigation")
#: Facts that link an entity to a context node (or two context nodes).
CASE_LINKS = ("INVOLVED_IN", "PART_OF")
#: The type of a derived co-involvement tie (not a schema relationship type: never stored).
CO_INVOLVED = "CO_INVOLVED"


def split_context(
    edges: pd.DataFrame, nodes: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``(entity_edges, entity_nodes, context_edges)``: the facts among entities, the entity
    nodes, and the facts that touch a Signal or Investigation.

    Examples
    --------
    >>> import pandas as pd
    >>> n = pd.DataFrame({"uid": ["p1", "p2", "i1"], "label": ["Person", "Person", "Investigation"]})
    >>> e = pd.DataFrame({"src": ["p1", "p1", "p2"], "dst": ["p2", "i1", "i1"],
    ...                   "type": ["MET", "INVOLVED_IN", "INVOLVED_IN"]})
    >>> ee, en, ce = split_context(e, n)
    >>> len(ee), en["uid"].tolist(), len(ce)
    (1, ['p1', 'p2'], 2)
    """
    ctx = set(nodes.loc[nodes["label"].isin(CONTEXT_LABELS), "uid"].tolist())
    touches = edges["src"].isin(ctx) | edges["dst"].isin(ctx)
    return edges[~touches], nodes[~nodes["uid"].isin(ctx)], edges[touches]


def co_involvement(
    edges: pd.DataFrame,
    nodes: pd.DataFrame,
    *,
    labels: tuple[str, ...] | None = ("Person",),
    max_case: int = 500,
    uninvolved_roles: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Pairs of entities involved in the same signal or investigation, with a weight.

    A signal that is ``PART_OF`` an investigation counts as that investigation. For a case with
    ``k`` involved entities every pair gets ``1 / (k - 1)``; pairs in several cases add up.
    Cases with more than ``max_case`` involved entities are left out (they say nothing about
    any pair, and would cost ``k²``).

    Parameters
    ----------
    edges, nodes : pandas.DataFrame
        The edge and node tables.
    labels : tuple of str or None, default ("Person",)
        Labels of the entities paired; ``None`` pairs every involved entity.
    max_case : int, default 500
    uninvolved_roles : tuple of str, default ()
        Roles (``INVOLVED_IN.role``) that do not make an entity part of the case: whoever
        reported a case is not tied by it to the persons it is about.

    Returns
    -------
    pandas.DataFrame
        Columns ``a``, ``b`` (``a < b`` as text), ``weight`` and ``cases`` (number of shared
        cases), sorted by ``a``, ``b``.

    Examples
    --------
    >>> import pandas as pd
    >>> n = pd.DataFrame({"uid": ["p1", "p2", "p3", "s1", "i1"],
    ...                   "label": ["Person"] * 3 + ["Signal", "Investigation"]})
    >>> e = pd.DataFrame({"src": ["p1", "p2", "p3", "s1"], "dst": ["s1", "s1", "i1", "i1"],
    ...                   "type": ["INVOLVED_IN"] * 3 + ["PART_OF"]})
    >>> co_involvement(e, n).round(2).values.tolist()
    [['p1', 'p2', 0.5, 1], ['p1', 'p3', 0.5, 1], ['p2', 'p3', 0.5, 1]]
    """
    import numpy as np
    import pandas as pd

    label = pd.Series(nodes["label"].to_numpy(), index=nodes["uid"].to_numpy())
    label = label[~label.index.duplicated()]
    cases = set(label.index[label.isin(CONTEXT_LABELS)].tolist())
    part_of = edges[(edges["type"] == "PART_OF") & edges["src"].isin(cases)]
    parent = part_of.drop_duplicates("src").set_index("src")["dst"]
    inv = edges[(edges["type"] == "INVOLVED_IN") & edges["dst"].isin(cases)]
    if uninvolved_roles and "role" in inv.columns:
        inv = inv[~inv["role"].isin(list(uninvolved_roles))]
    if labels is not None:
        inv = inv[inv["src"].map(label).isin(labels)]
    case = inv["dst"].map(parent).astype(object)
    pairs = pd.DataFrame(
        {"case": case.where(case.notna(), inv["dst"]).astype(str), "who": inv["src"].astype(str)}
    ).drop_duplicates()
    empty = pd.DataFrame(
        {"a": pd.Series([], dtype=object), "b": pd.Series([], dtype=object),
         "weight": pd.Series([], dtype=float), "cases": pd.Series([], dtype=np.int64)}
    )  # fmt: skip
    if pairs.empty:
        return empty
    size = pairs.groupby("case")["who"].transform("size")
    pairs = pairs[(size >= 2) & (size <= max_case)]
    if pairs.empty:
        return empty
    j = pairs.merge(pairs, on="case", suffixes=("_a", "_b"))
    j = j[j["who_a"] < j["who_b"]]
    k = j["case"].map(pairs.groupby("case").size())
    j = j.assign(w=1.0 / (k - 1))
    out = j.groupby(["who_a", "who_b"]).agg(weight=("w", "sum"), cases=("case", "nunique"))
    out = out.reset_index().rename(columns={"who_a": "a", "who_b": "b"})
    return out.sort_values(["a", "b"]).reset_index(drop=True)
