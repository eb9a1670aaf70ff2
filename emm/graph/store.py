"""The graph store: the one module that talks to the database, through a driver passed in.

Works unchanged against Neo4j 5 and the local ArcadeDB. Every write is a managed transaction
(``execute_write``); a batch either lands whole or not at all. Every read takes an
:class:`~emm.graph.model.EdgeFilter` so access control can narrow it in one place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString, TypeVar

from neo4j import Driver, ManagedTransaction, RoutingControl

from emm.errors import EmmError
from emm.graph import cypher
from emm.graph.model import NO_FILTER, EdgeFilter, EdgeRow, Entity, Link, NodeRow, Subgraph
from emm.graph.schema import ENTITY_TYPES, META_LABELS, uid_label

T = TypeVar("T")


class StoreError(EmmError, RuntimeError):
    """A write could not be completed; the transaction was rolled back."""


@dataclass
class BatchResult:
    nodes_created: int = 0
    nodes_merged: int = 0
    edges_written: int = 0
    per_label_created: dict[str, int] = field(default_factory=dict)


def _entity(labels: Sequence[str], props: dict[str, Any]) -> Entity:
    name = next((lb for lb in labels if lb in ENTITY_TYPES), labels[0] if labels else "?")
    return Entity.from_props(name, props)


class GraphStore:
    """Reads and writes of the entity graph.

    Parameters
    ----------
    driver : neo4j.Driver
        Created by the caller (see :func:`emm.graph.connect.driver_from_settings`).
    database : str
        Database name (``EMM_NEO4J_DATABASE``).
    """

    def __init__(self, driver: Driver, database: str) -> None:
        self.driver = driver
        self.database = database

    # ------------------------------------------------------------------ public query API

    def read(self, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
        """Run one read-only statement (routed to a reader in a cluster); rows as dicts.

        ``query`` is a named constant or builder result from a ``cypher`` module; values go in
        ``params``, never into the text.
        """
        records, _, _ = self.driver.execute_query(
            query, params, database_=self.database, routing_=RoutingControl.READ
        )
        return [r.data() for r in records]

    def write(self, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
        """Run one statement in its own managed write transaction; rows as dicts."""
        records, _, _ = self.driver.execute_query(query, params, database_=self.database)
        return [r.data() for r in records]

    def write_transaction(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run ``work(tx)`` as one managed write transaction (retried on transient errors):
        everything it writes lands together or not at all."""
        with self.driver.session(database=self.database) as session:
            return session.execute_write(work)

    # Old private names, kept until every caller uses the public ones.
    _read = read
    _write = write

    # ------------------------------------------------------------------ schema

    def ensure_schema(self) -> None:
        """Create constraints and indexes if they do not exist (idempotent)."""
        for statement in cypher.schema_statements():
            self._write(statement)

    # ------------------------------------------------------------------ writes

    def write_batch(self, nodes: Sequence[NodeRow], edges: Sequence[EdgeRow]) -> BatchResult:
        """Merge nodes, then relationships, in ONE transaction: all or nothing.

        One statement per label (nodes) and per source label, type and target label
        (relationships), with the rows as column lists (see :func:`cypher.merge_nodes`).
        """
        # Imported here so that this method holds the whole change.
        from emm.graph.model import new_uid
        from emm.graph.schema import REL_TYPES

        def columns(
            props: list[dict[str, Any]], names: tuple[str, ...], what: str
        ) -> dict[str, list[Any]]:
            unknown = set().union(*props) - set(names) - {"source_ref"}
            if unknown:  # never drop a value silently
                raise StoreError(f"{what} rows have properties outside the schema: {unknown}")
            return {f"p_{name}": [p.get(name) for p in props] for name in names}

        node_groups: dict[str, list[NodeRow]] = defaultdict(list)
        for n in nodes:
            node_groups[n.label].append(n)
        node_statements = []
        for name, group in node_groups.items():
            names = (*(f.name for f in ENTITY_TYPES[name].fields), "caption", "search")
            params = columns([n.props for n in group], names, name)
            params["keys"] = [n.key for n in group]
            params["uids"] = [new_uid(name) for _ in group]
            params["parties"] = [n.party for n in group]
            node_statements.append((name, cypher.merge_nodes(name, names), params, len(group)))

        edge_groups: dict[tuple[str, str, str], list[EdgeRow]] = defaultdict(list)
        for e in edges:
            edge_groups[(e.source_label, e.type, e.target_label)].append(e)
        edge_statements = []
        provenance = ("registered_at", "party", "legal_basis")  # source_ref is the merge key
        for (source, type_, target), egroup in edge_groups.items():
            names = (*(f.name for f in REL_TYPES[type_].fields), *provenance)
            params = columns([e.props for e in egroup], names, type_)
            params["from_keys"] = [e.source_key for e in egroup]
            params["to_keys"] = [e.target_key for e in egroup]
            params["source_refs"] = [e.source_ref for e in egroup]
            query = cypher.merge_edges(source, type_, target, names)
            edge_statements.append((f"{type_} ({source}->{target})", query, params, len(egroup)))

        def work(tx: ManagedTransaction) -> BatchResult:
            result = BatchResult()
            for name, query, params, size in node_statements:
                created = tx.run(query, params).consume().counters.nodes_created
                result.per_label_created[name] = created
                result.nodes_created += created
                result.nodes_merged += size - created
            for what, query, params, size in edge_statements:
                record = tx.run(query, params).single()
                written = int(record["n"]) if record else 0
                if written != size:
                    # An endpoint is missing: refuse the whole batch rather than lose facts.
                    raise StoreError(
                        f"{size - written} of {size} {what} relationships found no endpoint "
                        "node; batch rolled back"
                    )
                result.edges_written += written
            return result

        with self.driver.session(database=self.database) as session:
            return session.execute_write(work)

    def record_delivery(self, delivery_id: str, props: dict[str, Any]) -> None:
        self._write(cypher.MERGE_DELIVERY, delivery_id=delivery_id, props=props)

    def delivery_status(self, delivery_id: str) -> str | None:
        rows = self._read(cypher.DELIVERY_STATUS, delivery_id=delivery_id)
        return rows[0]["status"] if rows else None

    def party_status(self, party: str) -> str:
        """``active`` unless the party's data was isolated or removed (art. 5.7, 14.3)."""
        rows = self._read(cypher.PARTY_STATUS, party=party)
        return str(rows[0]["status"]) if rows else "active"

    def deliveries(self) -> list[dict[str, Any]]:
        return [r["d"] for r in self._read(cypher.LIST_DELIVERIES)]

    def clear(self) -> None:
        """Delete everything (tests and ``emm db reset`` only), in bounded transactions."""
        for name in (*ENTITY_TYPES, *META_LABELS):
            while self._write(cypher.delete_label(name), limit=10_000)[0]["n"]:
                pass

    # ------------------------------------------------------------------ counts

    def count_nodes(self) -> dict[str, int]:
        return {name: int(self._read(cypher.count_nodes(name))[0]["n"]) for name in ENTITY_TYPES}

    def count_edges(self, flt: EdgeFilter = NO_FILTER) -> list[dict[str, Any]]:
        """Relationship counts per type, party and legal basis."""
        return self._read(cypher.COUNT_EDGES, **flt.params())

    def edges_missing_provenance(self) -> int:
        return int(self._read(cypher.EDGES_MISSING_PROVENANCE)[0]["n"])

    # ------------------------------------------------------------------ lookups

    def get(self, uid: str) -> Entity | None:
        rows = self._read(cypher.node_by_uid(uid_label(uid)), uid=uid)
        return Entity.from_props(uid_label(uid), rows[0]["n"]) if rows else None

    def get_many(self, uids: Iterable[str]) -> dict[str, Entity]:
        """Entities by uid, one query per label."""
        by_label: dict[str, list[str]] = defaultdict(list)
        for uid in uids:
            by_label[uid_label(uid)].append(uid)
        out: dict[str, Entity] = {}
        for name, group in by_label.items():
            for row in self._read(cypher.node_by_uid_batch(name), uids=group):
                out[row["n"]["uid"]] = Entity.from_props(name, row["n"])
        return out

    def by_keys(self, label: str, keys: Iterable[str]) -> list[Entity]:
        rows = self._read(cypher.find_by_key(label), keys=list(keys))
        return [Entity.from_props(label, r["n"]) for r in rows]

    def by_property(self, label: str, prop: str, value: str, *, limit: int = 25) -> list[Entity]:
        rows = self._read(cypher.find_by_property(label, prop), value=value, limit=limit)
        return [Entity.from_props(label, r["n"]) for r in rows]

    def search_text(
        self, text: str, *, labels: Iterable[str] | None = None, limit: int = 25
    ) -> list[Entity]:
        """Entities whose folded caption contains ``text`` (already folded by the caller)."""
        out: list[Entity] = []
        for name in labels or ENTITY_TYPES:
            rows = self._read(cypher.search_text(name), text=text, limit=limit - len(out))
            out.extend(Entity.from_props(name, r["n"]) for r in rows)
            if len(out) >= limit:
                break
        return out

    def visible(self, uids: Iterable[str], flt: EdgeFilter = NO_FILTER) -> set[str]:
        """The subset of ``uids`` that has at least one fact passing ``flt``."""
        by_label: dict[str, list[str]] = defaultdict(list)
        for uid in uids:
            by_label[uid_label(uid)].append(uid)
        out: set[str] = set()
        for name, group in by_label.items():
            out.update(
                r["uid"] for r in self._read(cypher.visible(name), uids=group, **flt.params())
            )
        return out

    # ------------------------------------------------------------------ whole graph

    def frames(self, flt: EdgeFilter = NO_FILTER) -> tuple[Any, Any]:
        """The filtered graph as an edge table and a node table (pandas), streamed.

        Nodes without any fact that passes the filter are left out, so what the filter
        excludes is not used by any whole-graph analysis.
        """
        import pandas as pd

        columns: dict[str, list[Any]] = defaultdict(list)
        with self.driver.session(database=self.database, default_access_mode="READ") as s:
            for record in s.run(cypher.EXPORT_EDGES, flt.params()):
                for key, value in record.items():
                    columns[key].append(value)
            edges = (
                pd.DataFrame(columns)
                if columns
                else pd.DataFrame(
                    columns=[
                        "src",
                        "dst",
                        "type",
                        "party",
                        "legal_basis",
                        "source_ref",
                        "registered_at",
                        *cypher.EDGE_EXTRA,
                    ]
                )
            )
            used = set(edges["src"]).union(edges["dst"])
            parts = []
            for name in ENTITY_TYPES:
                rows = [r.data() for r in s.run(cypher.export_nodes(name)) if r["uid"] in used]
                if rows:
                    frame = pd.DataFrame(rows)
                    frame.insert(1, "label", name)
                    parts.append(frame)
        nodes = (
            pd.concat(parts, ignore_index=True)
            if parts
            else pd.DataFrame(columns=["uid", "label", "key", "caption", "parties"])
        )
        return edges, nodes

    # ------------------------------------------------------------------ traversal

    def neighbourhood(
        self, uids: Iterable[str], flt: EdgeFilter = NO_FILTER, *, limit: int = 5000
    ) -> Subgraph:
        """The given nodes, their filtered relationships and the nodes at the other end."""
        sub = Subgraph()
        by_label: dict[str, list[str]] = defaultdict(list)
        for uid in uids:
            by_label[uid_label(uid)].append(uid)
        for name, group in by_label.items():
            for entity in self._read(cypher.node_by_uid_batch(name), uids=group):
                sub.add(Entity.from_props(name, entity["n"]))
            rows = self._read(
                cypher.neighbourhood(name), uids=group, limit=limit + 1, **flt.params()
            )
            if len(rows) > limit:
                sub.truncated = True
                rows = rows[:limit]
            for row in rows:
                other = _entity(row["m_labels"], row["m"])
                sub.add(other)
                src, dst = (row["uid"], other.uid) if row["outgoing"] else (other.uid, row["uid"])
                sub.add_link(Link(row["type"], src, dst, row["e"]))
        return sub

    def ego(
        self,
        seeds: Iterable[str],
        flt: EdgeFilter = NO_FILTER,
        *,
        hops: int = 2,
        max_nodes: int = 2000,
    ) -> Subgraph:
        """The k-hop neighbourhood of the seeds over filtered relationships.

        Expansion stops before the node cap is passed and marks the result ``truncated``.
        """
        sub = Subgraph()
        frontier = list(dict.fromkeys(seeds))
        seen: set[str] = set()
        for _ in range(hops):
            frontier = [u for u in frontier if u not in seen]
            if not frontier:
                break
            step = self.neighbourhood(frontier, flt, limit=max_nodes * 4)
            seen.update(frontier)
            for entity in step.entities.values():
                if entity.uid not in sub.entities and len(sub.entities) >= max_nodes:
                    sub.truncated = True
                    continue
                sub.add(entity)
            for link in step.links.values():
                if link.source in sub.entities and link.target in sub.entities:
                    sub.add_link(link)
            sub.truncated = sub.truncated or step.truncated
            frontier = [u for u in step.entities if u not in seen]
        return sub

    def shortest_path(
        self, a: str, b: str, flt: EdgeFilter = NO_FILTER, *, max_hops: int = 8
    ) -> Subgraph | None:
        """One shortest path between two entities over filtered relationships, or ``None``."""
        rows = self._read(
            cypher.shortest_path(uid_label(a), uid_label(b), max_hops), a=a, b=b, **flt.params()
        )
        if not rows:
            return None
        sub = Subgraph()
        for node in rows[0]["nodes"]:
            sub.add(_entity(node["labels"], node["props"]))
        for edge in rows[0]["edges"]:
            sub.add_link(Link(edge["type"], edge["start"], edge["end"], edge["props"]))
        return sub
