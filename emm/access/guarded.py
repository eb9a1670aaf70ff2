"""The guarded read path: the ONE place where access control meets the query layer.

Pages, commands and notebooks get a :class:`GuardedStore` for a logged-in principal, never the
raw store. Every read here:

1. checks the principal's role allows the action (:class:`~emm.access.policy.AccessDenied`);
2. narrows the caller's filter with the legal bases the principal may read and the parties
   that are not isolated (art. 14.3), so facts outside it are never returned;
3. leaves out persons whose processing is restricted (art. 10.1b) and entities without any
   fact the principal may read;
4. writes an audit entry (who, what, purpose, result size, internal ids, parties touched).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from emm.access.policy import Principal
from emm.audit import AuditLog
from emm.graph.model import NO_FILTER, EdgeFilter, Entity, Subgraph
from emm.graph.search import find
from emm.graph.store import GraphStore

PARTY_STATUS: Any = "MATCH (s:PartyStatus) WHERE s.status <> 'active' RETURN s.party AS party"


def _restricted(entity: Entity) -> bool:
    return bool(entity.props.get("restricted"))


def _parties_of(sub: Subgraph) -> set[str]:
    return {str(link.props.get("party")) for link in sub.links.values()}


class GuardedStore:
    def __init__(self, store: GraphStore, principal: Principal, audit: AuditLog) -> None:
        self._store = store
        self.principal = principal
        self.audit = audit

    # ------------------------------------------------------------------ plumbing

    @property
    def database(self) -> str:
        return self._store.database

    def suspended_parties(self) -> frozenset[str]:
        return frozenset(r["party"] for r in self._store._read(PARTY_STATUS))

    def scope(self, flt: EdgeFilter = NO_FILTER) -> EdgeFilter:
        """The caller's filter narrowed to what this principal may read."""
        return flt.narrow(self.principal.edge_filter(self.suspended_parties()))

    def _log(
        self,
        action: str,
        *,
        targets: Iterable[str] = (),
        size: int = 0,
        parties: Iterable[str] = (),
        **detail: Any,
    ) -> None:
        self.audit.append(
            user=self.principal.user,
            role=self.principal.role,
            action=action,
            purpose=self.principal.purpose,
            targets=targets,
            result_size=size,
            parties=parties,
            detail=detail,
        )

    def _clean(self, sub: Subgraph) -> Subgraph:
        """Drop restricted persons and the facts that touch them."""
        hidden = {uid for uid, e in sub.entities.items() if _restricted(e)}
        if not hidden:
            return sub
        out = Subgraph(truncated=sub.truncated)
        for uid, e in sub.entities.items():
            if uid not in hidden:
                out.add(e)
        for link in sub.links.values():
            if link.source not in hidden and link.target not in hidden:
                out.add_link(link)
        return out

    def raw_for(self, action: str) -> GraphStore:
        """The underlying store for a write the principal's role allows (register, retention).

        Reads of case data never use this: they go through the methods below.
        """
        self.principal.require(action)
        return self._store

    # ------------------------------------------------------------------ reads

    def count_nodes(self) -> dict[str, int]:
        return self._store.count_nodes()  # counts only: no personal data

    def count_edges(self, flt: EdgeFilter = NO_FILTER) -> list[dict[str, Any]]:
        return self._store.count_edges(self.scope(flt))

    def find(self, query: str, *, limit: int = 25) -> list[Entity]:
        self.principal.require("search")
        flt = self.scope()
        found = [e for e in find(self._store, query, limit=limit * 2) if not _restricted(e)]
        visible = self._store.visible([e.uid for e in found], flt) if found else set()
        result = [e for e in found if e.uid in visible][:limit]
        self._log(
            "search",
            targets=[e.uid for e in result],
            size=len(result),
            parties={p for e in result for p in e.parties},
        )
        return result

    def get(self, uid: str) -> Entity | None:
        self.principal.require("view_entity")
        entity = self._store.get(uid)
        if entity is None or _restricted(entity) or not self._store.visible([uid], self.scope()):
            self._log("view_entity", targets=[uid], size=0)
            return None
        self._log("view_entity", targets=[uid], size=1, parties=entity.parties)
        return entity

    def get_many(self, uids: Iterable[str]) -> dict[str, Entity]:
        """Entities by uid that this principal may see (one audit entry for the batch)."""
        self.principal.require("view_entity")
        wanted = list(dict.fromkeys(uids))
        found = {u: e for u, e in self._store.get_many(wanted).items() if not _restricted(e)}
        visible = self._store.visible(list(found), self.scope()) if found else set()
        result = {u: e for u, e in found.items() if u in visible}
        self._log(
            "view_entity",
            targets=list(result),
            size=len(result),
            parties={p for e in result.values() for p in e.parties},
        )
        return result

    def neighbourhood(
        self, uids: Iterable[str], flt: EdgeFilter = NO_FILTER, *, limit: int = 5000
    ) -> Subgraph:
        self.principal.require("view_entity")
        uids = list(uids)
        sub = self._clean(self._store.neighbourhood(uids, self.scope(flt), limit=limit))
        self._log("view_entity", targets=uids, size=len(sub.links), parties=_parties_of(sub))
        return sub

    def ego(
        self,
        seeds: Iterable[str],
        flt: EdgeFilter = NO_FILTER,
        *,
        hops: int = 2,
        max_nodes: int = 2000,
    ) -> Subgraph:
        self.principal.require("expand_network")
        seeds = list(seeds)
        sub = self._clean(self._store.ego(seeds, self.scope(flt), hops=hops, max_nodes=max_nodes))
        self._log(
            "expand_network",
            targets=seeds,
            size=len(sub.entities),
            parties=_parties_of(sub),
            hops=hops,
        )
        return sub

    def signal_rows(self, flt: EdgeFilter = NO_FILTER) -> list[dict[str, Any]]:
        """Category rows (no identifiers) for trend tables (role: create_trend)."""
        from emm.graph import cypher

        self.principal.require("create_trend")
        rows = self._store._read(cypher.SIGNAL_ROWS, **self.scope(flt).params())
        for r in rows:
            r["kind"] = next((lb for lb in r["kind"] if lb != "Entity"), r["kind"][0])
        self._log("create_trend", size=len(rows), parties={r["party"] for r in rows})
        return rows

    def known_values(self) -> list[tuple[str, str]]:
        """Every name and identifier the graph holds, for the export gate's known-value check.

        Deliberately not narrowed by the principal's scope: an export must not carry any value
        the EMM holds, whoever makes it. The values never leave this process.
        """
        from emm.graph import cypher

        return [
            (r["kind"], r["value"]) for r in self._store._read(cypher.KNOWN_VALUES) if r["value"]
        ]

    def frames(self, flt: EdgeFilter = NO_FILTER) -> tuple[Any, Any]:
        """The whole filtered graph as tables, for whole-graph analysis (role: analyse)."""
        self.principal.require("analyse")
        edges, nodes = self._store.frames(self.scope(flt))
        self._log("analyse_whole_graph", size=len(edges), parties=set(edges["party"]))
        return edges, nodes

    def shortest_path(
        self, a: str, b: str, flt: EdgeFilter = NO_FILTER, *, max_hops: int = 8
    ) -> Subgraph | None:
        self.principal.require("expand_network")
        path = self._store.shortest_path(a, b, self.scope(flt), max_hops=max_hops)
        if path is not None and any(_restricted(e) for e in path.entities.values()):
            path = None
        self._log(
            "shortest_path",
            targets=[a, b],
            size=len(path.links) if path else 0,
            parties=_parties_of(path) if path else (),
        )
        return path
