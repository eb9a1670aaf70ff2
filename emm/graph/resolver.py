"""Same-person judgements as a resolver: which entity nodes a reader sees as one entity.

An analyst's confirmed judgement ("these two records are the same person") joins two entity
nodes; the parties' records stay exactly as delivered, and a withdrawn or rejected judgement
splits them again, so resolution is applied at read time, never written into the graph (the
resolver of nomenklatura). Clusters are the connected components of confirmed pairs.

A merged entity is named after the smallest uid among the members the reader can see, so two
readers with different access may name the same cluster differently, but never by a uid the
reader could not see.

>>> r = Resolver([("Person-b", "Person-c"), ("Person-a", "Person-b")])
>>> sorted(r.members("Person-c"))
['Person-a', 'Person-b', 'Person-c']
>>> r.members("Person-z")
('Person-z',)
>>> r.canonical("Person-c", visible={"Person-b", "Person-c"})
'Person-b'
"""

from __future__ import annotations

from collections.abc import Collection, Iterable


class Resolver:
    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._parent: dict[str, str] = {}
        for a, b in pairs:
            self._union(a, b)
        groups: dict[str, list[str]] = {}
        for uid in self._parent:
            groups.setdefault(self._find(uid), []).append(uid)
        self._members = {uid: tuple(sorted(group)) for group in groups.values() for uid in group}

    def _find(self, uid: str) -> str:
        root = uid
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while uid != root:  # path compression
            self._parent[uid], uid = root, self._parent[uid]
        return root

    def _union(self, a: str, b: str) -> None:
        self._parent.setdefault(a, a)
        self._parent.setdefault(b, b)
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def __bool__(self) -> bool:
        return bool(self._parent)

    def members(self, uid: str) -> tuple[str, ...]:
        """Every entity node joined with ``uid`` (itself included), sorted."""
        return self._members.get(uid, (uid,))

    def expand(self, uids: Iterable[str]) -> list[str]:
        """``uids`` and everything joined with them, in a stable order."""
        return list(dict.fromkeys(m for uid in uids for m in self.members(uid)))

    def canonical(self, uid: str, visible: Collection[str] | None = None) -> str:
        """The uid a reader sees for ``uid``: the smallest visible member of its cluster."""
        members = self.members(uid)
        if visible is not None:
            members = tuple(m for m in members if m in visible) or (uid,)
        return members[0]
