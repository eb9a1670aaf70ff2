"""The guarded store: the ONE way a logged-in principal reads case data or changes anything.

Pages, commands and notebooks get a :class:`GuardedStore` for a principal (from
:mod:`emm.access.session`), never the raw store or the driver: it has no public attribute or
method that hands them out. Every method here, and every method of the services it carries
(:attr:`GuardedStore.products`, :attr:`~GuardedStore.work`, :attr:`~GuardedStore.privacy`,
:attr:`~GuardedStore.analysis`):

1. checks that the principal's role allows the action (:class:`~emm.access.policy.AccessDenied`);
2. narrows the caller's filter to the legal bases the principal may read and the parties that
   are not isolated (art. 14.3), applied to records (which values) and facts alike, so nothing
   outside it is returned: values, captions, "known to", search hits, counts, titles;
3. resolves confirmed same-person judgements (one entity for the joined records);
4. leaves out persons whose processing is restricted (art. 10.1b);
5. writes its own audit entry (who, action, purpose, targets, result size, parties touched),
   so completeness never depends on a caller remembering.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from emm.access.aggregates import AggregateCache, filter_key
from emm.access.policy import AccessDenied, Principal
from emm.audit import AuditLog
from emm.graph.model import NO_FILTER, EdgeFilter, Entity, Link, Subgraph
from emm.graph.resolver import Resolver
from emm.graph.search import find
from emm.graph.store import GraphStore

if TYPE_CHECKING:
    from emm.access.analysis import GuardedAnalysis
    from emm.access.privacy import GuardedPrivacy
    from emm.access.products import GuardedProducts
    from emm.access.work import GuardedWork

T = TypeVar("T")


def _parties_of(sub: Subgraph) -> set[str]:
    return {str(link.props.get("party")) for link in sub.links.values()} | {
        p for e in sub.entities.values() for p in e.parties
    }


class GuardedStore:
    """Everything a principal may do, checked, narrowed and audited.

    Parameters
    ----------
    store : GraphStore
        The raw store (kept private).
    principal : Principal
        Who acts, in which role, for which purpose.
    audit : AuditLog
        Where every action is written.
    data_dir : Path
        ``$EMM_DATA_DIR``: products, reports, analysis runs, quarantine.
    owns_store : bool
        True for a session opened by :func:`emm.access.session.login`: :meth:`close` then
        closes the store's driver. The app and the CLI share their store and close it
        themselves.
    """

    def __init__(
        self,
        store: GraphStore,
        principal: Principal,
        audit: AuditLog,
        data_dir: Path,
        *,
        owns_store: bool = False,
        aggregates: AggregateCache | None = None,
    ) -> None:
        self._store = store
        self._aggregates = aggregates
        self.principal = principal
        self._audit_log = audit
        self.data_dir = data_dir
        self._owns_store = owns_store
        # Kept between reads while the governance marker is the same (a same-person judgement,
        # a party's exit... write a new one): two queries less per read, never stale.
        self._resolver_cache: tuple[str, Resolver] | None = None
        self._suspended_cache: tuple[str, frozenset[str]] | None = None

    def close(self) -> None:
        """End the session: closes the database connection when the session opened it."""
        if self._owns_store:
            self._store.close()

    def __enter__(self) -> GuardedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ services

    @cached_property
    def products(self) -> GuardedProducts:
        """The product register, disclosures and handovers."""
        from emm.access.products import GuardedProducts

        return GuardedProducts(self)

    @cached_property
    def work(self) -> GuardedWork:
        """Working sets, same-person judgements, information requests."""
        from emm.access.work import GuardedWork

        return GuardedWork(self)

    @cached_property
    def privacy(self) -> GuardedPrivacy:
        """Retention, data-subject rights, party exit, the audit trail and breaches."""
        from emm.access.privacy import GuardedPrivacy

        return GuardedPrivacy(self)

    @cached_property
    def analysis(self) -> GuardedAnalysis:
        """Whole-graph analysis runs, one per access scope."""
        from emm.access.analysis import GuardedAnalysis

        return GuardedAnalysis(self)

    # ------------------------------------------------------------------ plumbing

    def require(self, action: str) -> None:
        """Raise :class:`AccessDenied` (and audit the refusal) unless the role allows it."""
        try:
            self.principal.require(action)
        except AccessDenied:
            self._audit(action, denied=True)
            raise

    def can(self, action: str) -> bool:
        return self.principal.can(action)

    def generation(self) -> str:
        """The marker of the newest governance change (:mod:`emm.access.generation`): what a
        caller keeps between reads is stale once it changed. No case data, not audited."""
        from emm.access import generation

        return generation.current(self.data_dir)

    def suspended_parties(self) -> frozenset[str]:
        marker = self.generation()
        if self._suspended_cache is None or self._suspended_cache[0] != marker:
            self._suspended_cache = (marker, self._store.suspended_parties())
        return self._suspended_cache[1]

    def scope(self, flt: EdgeFilter = NO_FILTER) -> EdgeFilter:
        """The caller's filter narrowed to what this principal may read."""
        return flt.narrow(self.principal.edge_filter(self.suspended_parties()))

    def _audit(
        self,
        action: str,
        *,
        targets: Iterable[str] = (),
        size: int = 0,
        parties: Iterable[str] = (),
        **detail: Any,
    ) -> None:
        self._audit_log.append(
            user=self.principal.user,
            role=self.principal.role,
            action=action,
            purpose=self.principal.purpose,
            targets=targets,
            result_size=size,
            parties=parties,
            detail=detail,
        )

    def _resolver(self) -> Resolver:
        marker = self.generation()
        if self._resolver_cache is None or self._resolver_cache[0] != marker:
            self._resolver_cache = (marker, Resolver(self._store.confirmed_pairs()))
        return self._resolver_cache[1]

    def _forget_resolution(self) -> None:
        self._resolver_cache = None
        self._suspended_cache = None

    # ------------------------------------------------------------------ resolution

    def _merge(self, found: dict[str, Entity]) -> dict[str, Entity]:
        """Join visible entities that confirmed judgements say are one; drop restricted ones.

        Returns entities by the uid the reader sees (the canonical uid of their cluster).
        """
        resolver = self._resolver()
        groups: dict[str, list[Entity]] = defaultdict(list)
        for uid, entity in found.items():
            groups[resolver.canonical(uid, found)].append(entity)
        out: dict[str, Entity] = {}
        for canonical, members in groups.items():
            if any(m.restricted for m in members):
                continue  # a restriction follows the person to every joined record
            if len(members) == 1 and members[0].uid == canonical:
                out[canonical] = members[0]
                continue
            out[canonical] = Entity.from_statements(
                canonical,
                members[0].label,
                [s for m in members for s in m.statements],
                members=sorted(m.uid for m in members),
            )
        return out

    def _resolve_sub(self, sub: Subgraph) -> Subgraph:
        """A subgraph as the reader sees it: joined entities, links between canonical uids,
        restricted persons and the facts that touch them left out."""
        merged = self._merge(sub.entities)
        name = {m: uid for uid, e in merged.items() for m in e.members}
        out = Subgraph(truncated=sub.truncated)
        for entity in merged.values():
            out.add(entity)
        for link in sub.links.values():
            src, dst = name.get(link.source), name.get(link.target)
            if src is not None and dst is not None:
                out.add_link(Link(link.type, src, dst, link.props))
        return out

    def _visible(self, uids: Iterable[str], flt: EdgeFilter) -> dict[str, Entity]:
        """Entities (joined) the principal may see among ``uids`` and their clusters."""
        expanded = self._resolver().expand(uids)
        return self._merge(self._store.entities(expanded, flt))

    # ------------------------------------------------------------------ reads

    def count_nodes(self) -> dict[str, int]:
        """Entities per type that this principal may see."""
        self.require("search")
        flt = self.scope()
        counts = self._aggregate("nodes", flt, lambda: self._store.count_nodes(flt))
        self._audit("counts", size=sum(counts.values()))
        return counts

    def count_edges(self, flt: EdgeFilter = NO_FILTER) -> list[dict[str, Any]]:
        """Facts per type, party and legal basis that this principal may see."""
        self.require("search")
        scoped = self.scope(flt)
        rows = self._aggregate("edges", scoped, lambda: self._store.count_edges(scoped))
        self._audit(
            "counts", size=sum(int(r["n"]) for r in rows), parties={r["party"] for r in rows}
        )
        return rows

    def _aggregate(self, kind: str, flt: EdgeFilter, read: Callable[[], T]) -> T:
        """A whole-graph count, from the shared cache when this store was given one (the app:
        one read per scope for all sessions; the audit entry stays each principal's own)."""
        if self._aggregates is None:
            return read()
        key = (
            kind,
            id(self._store),
            str(self.data_dir),
            self.generation(),
            filter_key(flt.params()),
        )
        return self._aggregates.get(key, read)

    def find(self, query: str, *, limit: int = 25) -> list[Entity]:
        """Entities matching an identifier or a text fragment, among those the principal may
        see (a hit on a record the principal may not read is no hit)."""
        self.require("search")
        flt = self.scope()
        hits = find(self._store, query, flt, limit=limit * 2)
        result = list(self._visible([e.uid for e in hits], flt).values())[:limit]
        self._audit(
            "search",
            targets=[e.uid for e in result],
            size=len(result),
            parties={p for e in result for p in e.parties},
        )
        return result

    def by_keys(self, label: str, keys: Iterable[str]) -> list[Entity]:
        """Entities of type ``label`` by their identity key (``bsn:111222333``, an IBAN, a
        phone in E.164...: what the ingest's identity rules make of a record), among those the
        principal may see, each with the key it was found by in ``props["key"]``. An exact
        look-up, audited as a search."""
        self.require("search")
        key_of = {uid: key for key, uid in self._store.uid_by_key(label, keys).items()}
        result = [
            replace(e, props={**e.props, "key": next(key_of[m] for m in e.members if m in key_of)})
            for e in self._visible(key_of, self.scope()).values()
        ]
        self._audit(
            "search",
            targets=[e.uid for e in result],
            size=len(result),
            parties={p for e in result for p in e.parties},
            by="key",
        )
        return result

    def get(self, uid: str) -> Entity | None:
        """One entity with every value the principal may see and its sources, or ``None``
        (also for a uid the principal may not see: seeds are checked)."""
        self.require("view_entity")
        found = self._visible([uid], self.scope())
        entity = next((e for e in found.values() if uid in e.members), None)
        self._audit(
            "view_entity",
            targets=[uid],
            size=int(entity is not None),
            parties=entity.parties if entity else (),
        )
        return entity

    def get_many(self, uids: Iterable[str]) -> dict[str, Entity]:
        """Entities by the uid asked for, among those the principal may see (one audit entry)."""
        self.require("view_entity")
        wanted = list(dict.fromkeys(uids))
        found = self._visible(wanted, self.scope())
        by_member = {m: e for e in found.values() for m in e.members}
        result = {u: by_member[u] for u in wanted if u in by_member}
        self._audit(
            "view_entity",
            targets=list(result),
            size=len(result),
            parties={p for e in result.values() for p in e.parties},
        )
        return result

    def neighbourhood(
        self, uids: Iterable[str], flt: EdgeFilter = NO_FILTER, *, limit: int = 5000
    ) -> Subgraph:
        """The entities, their facts and the entities at the other end, as this principal
        may see them. Seeds the principal may not see give nothing."""
        self.require("view_entity")
        seeds = list(uids)
        raw = self._store.neighbourhood(
            self._resolver().expand(seeds), self.scope(flt), limit=limit
        )
        sub = self._resolve_sub(raw)
        self._audit("view_entity", targets=seeds, size=len(sub.links), parties=_parties_of(sub))
        return sub

    def ego(
        self,
        seeds: Iterable[str],
        flt: EdgeFilter = NO_FILTER,
        *,
        hops: int = 2,
        max_nodes: int = 2000,
    ) -> Subgraph:
        """The network around the seeds (k hops), as this principal may see it."""
        self.require("expand_network")
        seeds = list(seeds)
        raw = self._store.ego(
            self._resolver().expand(seeds), self.scope(flt), hops=hops, max_nodes=max_nodes
        )
        sub = self._resolve_sub(raw)
        self._audit(
            "expand_network",
            targets=seeds,
            size=len(sub.entities),
            parties=_parties_of(sub),
            hops=hops,
        )
        return sub

    def shortest_path(
        self, a: str, b: str, flt: EdgeFilter = NO_FILTER, *, max_hops: int = 8
    ) -> Subgraph | None:
        """One shortest path over facts the principal may see, through visible entities only."""
        self.require("expand_network")
        resolver = self._resolver()
        path: Subgraph | None = None
        for x in resolver.members(a):
            for y in resolver.members(b):
                found = self._store.shortest_path(x, y, self.scope(flt), max_hops=max_hops)
                if found is not None and (path is None or len(found.links) < len(path.links)):
                    path = found
        if path is not None:
            resolved = self._resolve_sub(path)
            path = resolved if len(resolved.entities) == len(path.entities) else None
        self._audit(
            "shortest_path",
            targets=[a, b],
            size=len(path.links) if path else 0,
            parties=_parties_of(path) if path else (),
        )
        return path

    def frames(self, flt: EdgeFilter = NO_FILTER) -> tuple[Any, Any]:
        """The whole graph this principal may see, as tables, with confirmed same-person
        judgements applied (role: analyse)."""
        self.require("analyse")
        edges, nodes = self._store.frames(self.scope(flt))
        edges, nodes = _resolve_frames(self._resolver(), edges, nodes)
        self._audit("analyse_whole_graph", size=len(edges), parties=set(edges["party"]))
        return edges, nodes

    def signal_rows(self, flt: EdgeFilter = NO_FILTER) -> list[dict[str, Any]]:
        """Category rows (no identifiers) for trend tables (role: create_trend)."""
        self.require("create_trend")
        rows = self._store.signal_rows(self.scope(flt))
        self._audit("create_trend", size=len(rows), parties={r["party"] for r in rows})
        return rows

    def ingest(
        self,
        root: Path,
        *,
        force: bool = False,
        batch_size: int = 5000,
        progress: Callable[[str, int], None] | None = None,
        on_result: Callable[[str, Any, str | None], None] | None = None,
    ) -> Any:
        """Ingest every delivery under ``root`` (role: ingest); each delivery loaded, skipped
        or refused is an audit entry of its own (party, counts, reason)."""
        from emm.ingest.pipeline import ingest_folder

        self.require("ingest")
        self._store.ensure_schema()

        def done(folder: str, report: Any, reason: str | None) -> None:
            if report is None:
                self._audit("ingest_refused", reason=reason or "", folder=Path(folder).name)
            else:
                self._audit(
                    "ingest",
                    targets=[report.delivery_id],
                    size=report.loaded,
                    parties=[report.party],
                    delivery_id=report.delivery_id,
                    status=report.status,
                    read=report.read,
                    quarantined=report.quarantined,
                )
            if on_result:
                on_result(folder, report, reason)

        return ingest_folder(
            root,
            self._store,
            out_dir=self.data_dir,
            batch_size=batch_size,
            force=force,
            progress=progress,
            on_result=done,
        )

    def export_gate(self, **options: Any) -> Any:
        """The export gate for a non-personal product (role: create_trend).

        The gate checks text against every name and identifier the centre holds, whoever
        makes the export; those values are loaded inside the gate (audited) and never handed
        to the caller.
        """
        self.require("create_trend")
        from emm.anonymise.gate import Gate

        return Gate(self._known_values_for_gate, **options)

    def _known_values_for_gate(self) -> list[tuple[str, str]]:
        values = self._store.known_values()
        self._audit("load_known_values", size=len(values), purpose_of_read="export gate")
        return values


def _resolve_frames(resolver: Resolver, edges: Any, nodes: Any) -> tuple[Any, Any]:
    """Apply confirmed judgements to the analysis tables: one node per cluster (the smallest
    visible uid; the first value per field among its members; all their parties), and every
    fact between canonical uids."""
    if not resolver or nodes.empty:
        return edges, nodes
    visible = set(nodes["uid"])
    name: Callable[[str], str] = lambda u: resolver.canonical(u, visible)  # noqa: E731
    mapped = {u: name(u) for u in visible}
    if all(k == v for k, v in mapped.items()):
        return edges, nodes
    nodes = nodes.copy()
    nodes["uid"] = nodes["uid"].map(mapped)
    parties = nodes.groupby("uid")["parties"].agg(lambda s: sorted({p for ps in s for p in ps}))
    nodes = nodes.drop(columns=["parties"]).groupby("uid", sort=False).first().reset_index()
    nodes["parties"] = nodes["uid"].map(parties)
    edges = edges.copy()
    edges["src"] = edges["src"].map(lambda u: mapped.get(u, u))
    edges["dst"] = edges["dst"].map(lambda u: mapped.get(u, u))
    return edges, nodes
