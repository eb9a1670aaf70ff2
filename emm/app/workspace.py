"""The explorer's working view: what is on the canvas, and every change to it, undoable.

A :class:`Workspace` holds the entities and facts read so far (through the guarded store: this
module reads nothing itself), what the analyst hid, pinned, removed and grouped, the entities
expanded and how, the highlighted path, and where each entity is drawn. Every change goes
through a method that first saves a snapshot, so :meth:`Workspace.undo` and
:meth:`Workspace.redo` can step back and forth. Positions are not part of the history: moving
an entity is not something to undo, and a step back never makes the picture jump.

Pure Python, no Streamlit: the page keeps one workspace per session in ``st.session_state``.

>>> from emm.graph.model import Entity, Link, Subgraph
>>> sub = Subgraph()
>>> for uid in ("P1", "P2"):
...     sub.add(Entity(uid, "Person", {"uid": uid, "caption": uid}))
>>> sub.add_link(Link("MET", "P1", "P2", {"source_ref": "R1", "party": "POL"}))
>>> ws = Workspace(["P1"], sub, source="test")
>>> ws.hide(["P2"]); sorted(ws.hidden)
['P2']
>>> ws.undo(), sorted(ws.hidden)
(True, [])
>>> ws.redo(), sorted(ws.hidden)
(True, ['P2'])
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from emm.graph.model import Entity, Link, Subgraph

HISTORY = 50  # undo steps kept


@dataclass(frozen=True)
class Expansion:
    """One expand the analyst asked for: of which entity, and narrowed how (or not)."""

    uid: str
    kind: str = ""  # "", "type", "party" or "basis"
    value: str = ""


@dataclass(frozen=True)
class Group:
    id: str
    label: str
    members: tuple[str, ...]
    collapsed: bool = True


@dataclass(frozen=True)
class _Snapshot:
    seeds: tuple[str, ...]
    entities: dict[str, Entity]
    links: dict[str, Link]
    truncated: bool
    hidden: frozenset[str]
    pinned: tuple[str, ...]
    removed: frozenset[str]
    groups: tuple[Group, ...]
    expanded: tuple[Expansion, ...]
    path: tuple[str, ...]
    source: str


@dataclass
class Workspace:
    seeds: list[str]
    sub: Subgraph
    source: str = ""
    hidden: set[str] = field(default_factory=set)
    pinned: list[str] = field(default_factory=list)
    removed: set[str] = field(default_factory=set)
    groups: list[Group] = field(default_factory=list)
    expanded: list[Expansion] = field(default_factory=list)
    path: list[str] = field(default_factory=list)  # node ids of the highlighted path, in order
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    revision: int = 0
    _past: list[_Snapshot] = field(default_factory=list, repr=False)
    _future: list[_Snapshot] = field(default_factory=list, repr=False)
    _group_ids: itertools.count = field(default_factory=lambda: itertools.count(1), repr=False)

    def __post_init__(self) -> None:
        self.seeds = list(dict.fromkeys(self.seeds))
        self.sub = self._without_removed(self.sub)

    # ------------------------------------------------------------------ history

    def _snapshot(self) -> _Snapshot:
        return _Snapshot(
            tuple(self.seeds),
            dict(self.sub.entities),
            dict(self.sub.links),
            self.sub.truncated,
            frozenset(self.hidden),
            tuple(self.pinned),
            frozenset(self.removed),
            tuple(self.groups),
            tuple(self.expanded),
            tuple(self.path),
            self.source,
        )

    def _restore(self, s: _Snapshot) -> None:
        self.seeds = list(s.seeds)
        self.sub = Subgraph(dict(s.entities), dict(s.links), s.truncated)
        self.hidden = set(s.hidden)
        self.pinned = list(s.pinned)
        self.removed = set(s.removed)
        self.groups = list(s.groups)
        self.expanded = list(s.expanded)
        self.path = list(s.path)
        self.source = s.source
        self.revision += 1

    def _change(self) -> None:
        self._past.append(self._snapshot())
        del self._past[:-HISTORY]
        self._future.clear()
        self.revision += 1

    @property
    def can_undo(self) -> bool:
        return bool(self._past)

    @property
    def can_redo(self) -> bool:
        return bool(self._future)

    def undo(self) -> bool:
        if not self._past:
            return False
        self._future.append(self._snapshot())
        self._restore(self._past.pop())
        return True

    def redo(self) -> bool:
        if not self._future:
            return False
        self._past.append(self._snapshot())
        self._restore(self._future.pop())
        return True

    # ------------------------------------------------------------------ what is shown

    def _without_removed(self, sub: Subgraph) -> Subgraph:
        if not self.removed:
            return sub
        out = Subgraph(truncated=sub.truncated)
        for uid, e in sub.entities.items():
            if uid not in self.removed:
                out.add(e)
        for link in sub.links.values():
            if link.source in out.entities and link.target in out.entities:
                out.add_link(link)
        return out

    def present(self, uids: Iterable[str]) -> list[str]:
        """The given ids that are in the view (input from the browser is checked here)."""
        return [u for u in dict.fromkeys(uids) if isinstance(u, str) and u in self.sub.entities]

    @property
    def entities(self) -> dict[str, Entity]:
        return self.sub.entities

    def group_of(self, uid: str) -> Group | None:
        return next((g for g in self.groups if uid in g.members), None)

    # ------------------------------------------------------------------ changes

    def rebuild(self, sub: Subgraph) -> None:
        """A fresh read of the same view (e.g. after the filter changed); marks are kept."""
        self._change()
        self.sub = self._without_removed(sub)
        self._prune()

    def merge(self, extra: Subgraph, *, max_new: int, expansion: Expansion | None = None) -> int:
        """Add at most ``max_new`` new entities of ``extra`` and the facts between what is shown.

        Returns how many entities were added; the view is marked truncated when some were left
        out.
        """
        self._change()
        out = Subgraph(dict(self.sub.entities), dict(self.sub.links), self.sub.truncated)
        added = 0
        for e in extra.entities.values():
            if e.uid in out.entities or e.uid in self.removed:
                continue
            if added >= max_new:
                out.truncated = True
                continue
            out.add(e)
            added += 1
        for link in extra.links.values():
            if link.source in out.entities and link.target in out.entities:
                out.add_link(link)
        out.truncated = out.truncated or extra.truncated
        self.sub = out
        if expansion is not None and expansion not in self.expanded:
            self.expanded.append(expansion)
        # what comes back into view is shown again
        self.hidden -= set(extra.entities)
        return added

    def hide(self, uids: Iterable[str]) -> None:
        self._change()
        self.hidden |= set(self.present(uids))

    def unhide_all(self) -> None:
        self._change()
        self.hidden.clear()

    def pin(self, uids: Iterable[str]) -> None:
        self._change()
        for u in self.present(uids):
            if u not in self.pinned:
                self.pinned.append(u)

    def unpin(self, uids: Iterable[str]) -> None:
        self._change()
        drop = set(uids)
        self.pinned = [u for u in self.pinned if u not in drop]

    def remove(self, uids: Iterable[str]) -> None:
        """Take entities out of the view (and keep them out of later expands)."""
        drop = set(self.present(uids)) - set(self.seeds)
        self._change()
        self.removed |= drop
        self.sub = self._without_removed(self.sub)
        self._prune()

    def group(self, uids: Iterable[str], label: str) -> Group | None:
        members = tuple(self.present(uids))
        if len(members) < 2:
            return None
        self._change()
        taken = set(members)
        self.groups = [
            replace(g, members=tuple(m for m in g.members if m not in taken)) for g in self.groups
        ]
        self.groups = [g for g in self.groups if len(g.members) >= 2]
        g = Group(f"g{next(self._group_ids)}", label, members)
        self.groups.append(g)
        return g

    def ungroup(self, group_id: str) -> None:
        self._change()
        self.groups = [g for g in self.groups if g.id != group_id]

    def set_path(self, order: list[str], path_sub: Subgraph) -> None:
        """Highlight a path (and bring its entities and facts into the view)."""
        self.merge(path_sub, max_new=len(path_sub.entities))  # one step: merge and highlight
        self.path = [u for u in order if u in self.sub.entities]

    def clear_path(self) -> None:
        self._change()
        self.path = []

    def move(self, positions: dict[str, tuple[float, float]]) -> None:
        """Where the analyst dragged entities to (not part of the undo history)."""
        for uid, p in positions.items():
            if uid in self.sub.entities:
                self.positions[uid] = (float(p[0]), float(p[1]))

    def _prune(self) -> None:
        shown = set(self.sub.entities)
        self.hidden &= shown
        self.pinned = [u for u in self.pinned if u in shown]
        self.path = [u for u in self.path if u in shown]
        self.groups = [
            replace(g, members=tuple(m for m in g.members if m in shown)) for g in self.groups
        ]
        self.groups = [g for g in self.groups if len(g.members) >= 2]
