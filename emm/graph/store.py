"""The graph store: the one module that talks to the database, through a driver passed in.

Works unchanged against Neo4j 5 and the local ArcadeDB (the whole test suite runs against
either: a local ArcadeDB by default, a Neo4j 5 with ``EMM_TEST_NEO4J_URI``). Every write is a
managed transaction; a batch lands whole or not at all. Every read takes an
:class:`~emm.graph.model.EdgeFilter` that is applied to the records (which parties' values) and
to the facts (which relationships), so access control narrows both in one place
(:mod:`emm.access.guarded`). This store does not check who is asking: nothing outside the
library's own services gets one (see ``docs/architecture.md``).

Long because: :class:`GraphStore` is the store's whole contract, every named read and write in
one class (as nomenklatura's ``Store``), so a second backend is one file to write and review;
the Cypher itself lives in :mod:`emm.graph.cypher`.
"""

from __future__ import annotations

from collections import ChainMap, Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, LiteralString, TypeVar

from neo4j import Driver, ManagedTransaction, RoutingControl

from emm.errors import EmmError
from emm.graph import cypher
from emm.graph.model import (
    NO_FILTER,
    RECORD_META,
    EdgeFilter,
    EdgeRow,
    Entity,
    Link,
    NodeRow,
    Statement,
    Subgraph,
    new_uid,
)
from emm.graph.schema import ENTITY_TYPES, REL_TYPES, uid_label

T = TypeVar("T")
CHUNK = 5000  # uids per UNWIND read


class StoreError(EmmError, RuntimeError):
    """A write could not be completed; the transaction was rolled back."""


NodeIds = dict[tuple[str, str], str]  # (label, key) -> element id, within one delivery's load
Ends = tuple[str, str]  # the labels of a fact's two ends
# How many ids a delivery's load remembers (about 150 bytes each): past it, facts whose ends
# it does not know are created by key, as without it. Memory stays bounded.
NODE_IDS_MAX = 200_000


@dataclass
class BatchResult:
    nodes_created: int = 0
    nodes_merged: int = 0
    edges_written: int = 0
    per_label_created: dict[str, int] = field(default_factory=dict)


@dataclass
class DiscardResult:
    """What undoing an incomplete delivery removed."""

    facts: int = 0
    records: int = 0
    entities: int = 0


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _by_label(uids: Iterable[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for uid in dict.fromkeys(uids):
        out[uid_label(uid)].append(uid)
    return out


def record_statements(
    record: dict[str, Any], party: str, legal_basis: str, registered_at: str | None, uid: str
) -> list[Statement]:
    """The statements of one record: each value it holds, with the record's provenance."""
    ref = str(record.get("source_ref"))
    return [
        Statement(prop, value, party, legal_basis, ref, registered_at, uid)
        for prop, value in record.items()
        if prop not in RECORD_META and value is not None and value != ""
    ]


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

    def close(self) -> None:
        self.driver.close()

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

    def verify(self) -> None:
        """Fail fast (``neo4j`` errors) when the database cannot be reached."""
        self.driver.verify_connectivity()

    # ------------------------------------------------------------------ schema

    def ensure_schema(self) -> None:
        """Create constraints and indexes if they do not exist (idempotent)."""
        for statement in cypher.schema_statements():
            self.write(statement)

    # ------------------------------------------------------------------ writes

    def write_batch(
        self,
        nodes: Sequence[NodeRow],
        edges: Sequence[EdgeRow],
        *,
        new_records: bool = False,
        dates: Mapping[str, str] | None = None,
        node_ids: NodeIds | None = None,
    ) -> BatchResult:
        """Merge records (and their entities), then facts, in ONE transaction: all or nothing.

        One statement per label (records; a restricted subject's rows apart) and per source
        label, type and target label (facts), with the rows as column lists (see
        :func:`cypher.merge_records`). ``new_records`` says that no record of these rows can
        exist yet (a delivery's first load): they are created instead of merged
        (:func:`cypher.create_records`); one that exists after all fails the batch on the
        unique ``source_ref`` constraint, never duplicates it. ``dates`` (record ``source_ref``
        -> date) sets the retention clock of records written before, in the same transaction
        (as :meth:`set_record_dates`).

        ``node_ids`` (with ``new_records``) is the caller's memory of entity element ids by
        ``(label, key)`` for one delivery: facts whose two ends it knows (or this batch's
        records return) are created by id (:func:`cypher.create_edges_by_id`), the others by
        key. It learns this batch's ids once the transaction has committed, never from an
        attempt that was rolled back.
        """

        def columns(props: list[dict[str, Any]], names: tuple[str, ...], what: str) -> dict:
            unknown = set().union(*props) - set(names) - {"source_ref"}
            if unknown:  # never drop a value silently
                raise StoreError(f"{what} rows have properties outside the schema: {unknown}")
            return {f"p_{name}": [p.get(name) for p in props] for name in names}

        node_groups: dict[tuple[str, bool], list[NodeRow]] = defaultdict(list)
        for n in nodes:
            if not (n.source_ref and n.party and n.legal_basis):
                # a value without its source would be nobody's: refuse, never guess
                raise StoreError(f"a {n.label} record needs its source_ref, party and legal basis")
            node_groups[(n.label, n.restricted)].append(n)
        builder = cypher.create_records if new_records else cypher.merge_records
        edge_builder = cypher.create_edges if new_records else cypher.merge_edges
        node_statements = []
        for (name, restricted), group in node_groups.items():
            params = columns([n.props for n in group], cypher.record_properties(name), name)
            params |= {
                "keys": [n.key for n in group],
                "uids": [new_uid(name) for _ in group],
                "refs": [n.source_ref for n in group],
                "deliveries": [n.delivery_id for n in group],
                "parties": [n.party for n in group],
                "bases": [n.legal_basis for n in group],
                "registered": [n.registered_at for n in group],
            }
            node_statements.append((name, builder(name, restricted), params, len(group)))

        edge_groups: dict[tuple[str, str, str], list[EdgeRow]] = defaultdict(list)
        for e in edges:
            edge_groups[(e.source_label, e.type, e.target_label)].append(e)
        edge_statements: list[tuple[str, LiteralString, dict[str, Any], int, Ends | None]] = []
        provenance = ("registered_at", "party", "legal_basis")  # source_ref is the merge key
        by_id = new_records and node_ids is not None
        batch_keys = {(n.label, n.key) for n in nodes} if by_id else set()
        known = node_ids if node_ids is not None else {}
        for (source, type_, target), egroup in edge_groups.items():
            names = (*(f.name for f in REL_TYPES[type_].fields), *provenance)
            what = f"{type_} ({source}->{target})"
            parts: dict[bool, list[EdgeRow]] = {True: [], False: []}
            for e in egroup:
                ends = ((source, e.source_key), (target, e.target_key))
                parts[by_id and all(k in known or k in batch_keys for k in ends)].append(e)
            for ids, part in parts.items():
                if not part:
                    continue
                params = columns([e.props for e in part], names, type_)
                params["from_keys"] = [e.source_key for e in part]
                params["to_keys"] = [e.target_key for e in part]
                params["source_refs"] = [e.source_ref for e in part]
                builder_ = cypher.create_edges_by_id if ids else edge_builder
                edge_statements.append(
                    (
                        what,
                        builder_(source, type_, target, names),
                        params,
                        len(part),
                        (source, target) if ids else None,
                    )
                )

        when = dates or {}
        date_statements = [
            (cypher.SET_RECORD_DATES, {"refs": list(part), "dates": [when[r] for r in part]})
            for part in _chunks(sorted(when))
        ]

        def work(tx: ManagedTransaction) -> tuple[BatchResult, NodeIds]:
            result = BatchResult()
            learned: NodeIds = {}  # this attempt's ids: kept only if it commits
            for name, query, params, size in node_statements:
                record = tx.run(query, params).single()
                created = int(record["created"]) if record else 0
                result.per_label_created[name] = result.per_label_created.get(name, 0) + created
                result.nodes_created += created
                result.nodes_merged += size - created
                if by_id and record:
                    learned.update(((name, key), eid) for key, eid in record["ids"])
            for what, query, params, size, ends in edge_statements:
                if ends is not None:
                    ids = ChainMap(learned, known)
                    params["from_ids"] = [ids[(ends[0], k)] for k in params["from_keys"]]
                    params["to_ids"] = [ids[(ends[1], k)] for k in params["to_keys"]]
                record = tx.run(query, params).single()
                written = int(record["n"]) if record else 0
                if written != size:
                    # An endpoint is missing: refuse the whole batch rather than lose facts.
                    raise StoreError(
                        f"{size - written} of {size} {what} relationships found no endpoint "
                        "node; batch rolled back"
                    )
                result.edges_written += written
            for query, params in date_statements:
                tx.run(query, params).consume()
            return result, learned

        result, learned = self.write_transaction(work)
        if node_ids is not None and len(node_ids) < NODE_IDS_MAX:
            node_ids.update(learned)  # committed: these nodes exist
        return result

    def set_record_dates(self, dates: dict[str, str]) -> None:
        """Set the retention clock of records by ``source_ref`` (in bounded batches)."""
        refs = sorted(dates)
        for part in _chunks(refs):
            self.write(cypher.SET_RECORD_DATES, refs=list(part), dates=[dates[r] for r in part])

    def discard_delivery(self, delivery_id: str, *, batch: int = 5000) -> DiscardResult:
        """Undo whatever an incomplete delivery wrote: its facts, its records, and the entity
        nodes nothing supports any more. Idempotent; bounded transactions."""
        out = DiscardResult()
        prefix = f"{delivery_id}/"
        while n := int(self.write(cypher.DISCARD_FACTS, prefix=prefix, limit=batch)[0]["n"]):
            out.facts += n
        while rows := self.write(cypher.DISCARD_RECORDS, prefix=prefix, limit=batch):
            out.records += len(rows)
            out.entities += self.delete_orphans(r["uid"] for r in rows).total()
        return out

    def delete_orphans(self, uids: Iterable[str]) -> Counter[str]:
        """Delete the entity nodes among ``uids`` that no record and no fact supports;
        returns how many per label."""
        removed: Counter[str] = Counter()
        for name, group in _by_label(uids).items():
            for part in _chunks(group):
                removed[name] += int(
                    self.write(cypher.delete_orphans(name), uids=list(part))[0]["n"]
                )
        return removed

    # ------------------------------------------------------------------ deliveries

    def record_delivery(self, delivery_id: str, props: dict[str, Any]) -> None:
        self.write(cypher.MERGE_DELIVERY, delivery_id=delivery_id, props=props)

    def delivery(self, delivery_id: str) -> dict[str, Any] | None:
        rows = self.read(cypher.GET_DELIVERY, delivery_id=delivery_id)
        return dict(rows[0]["d"]) if rows else None

    def delivery_status(self, delivery_id: str) -> str | None:
        found = self.delivery(delivery_id)
        return str(found["status"]) if found and found.get("status") else None

    def deliveries_in_state(self, status: str) -> list[str]:
        return [r["delivery_id"] for r in self.read(cypher.DELIVERIES_IN_STATE, status=status)]

    def deliveries(self) -> list[dict[str, Any]]:
        return [r["d"] for r in self.read(cypher.LIST_DELIVERIES)]

    def party_status(self, party: str) -> str:
        """``active`` unless the party's data was isolated or removed (art. 5.7, 14.3)."""
        rows = self.read(cypher.PARTY_STATUS, party=party)
        return str(rows[0]["status"]) if rows else "active"

    def suspended_parties(self) -> frozenset[str]:
        return frozenset(r["party"] for r in self.read(cypher.SUSPENDED_PARTIES))

    # ------------------------------------------------------------------ erasure and restriction

    def tombstones(self) -> dict[str, str]:
        """Salted hashes of erased subjects' identity keys -> the erasure request id."""
        return {r["hash"]: r["request_id"] for r in self.read(cypher.TOMBSTONES)}

    def add_tombstones(self, hashes: Iterable[str], *, request_id: str, at: str) -> None:
        self.write(cypher.ADD_TOMBSTONES, hashes=sorted(set(hashes)), request_id=request_id, at=at)

    def restriction_keys(self) -> dict[str, str]:
        """Salted hashes of restricted subjects' identity keys -> the restriction request id."""
        return {r["hash"]: r["request_id"] for r in self.read(cypher.RESTRICTION_KEYS)}

    def add_restriction_keys(self, hashes: Iterable[str], *, request_id: str, at: str) -> None:
        self.write(
            cypher.ADD_RESTRICTION_KEYS, hashes=sorted(set(hashes)), request_id=request_id, at=at
        )

    def drop_restriction_keys(self, hashes: Iterable[str]) -> None:
        self.write(cypher.DROP_RESTRICTION_KEYS, hashes=sorted(set(hashes)))

    # ------------------------------------------------------------------ maintenance

    def digest(self) -> str:
        """SHA-256 over every node and relationship with all their properties (tests and
        checks on small graphs: it reads everything)."""
        import hashlib
        import json

        lines = sorted(
            json.dumps([sorted(r["labels"]), r["props"]], sort_keys=True, default=str)
            for r in self.read(cypher.DIGEST_NODES)
        ) + sorted(
            json.dumps([r["type"], r["a"], r["b"], r["props"]], sort_keys=True, default=str)
            for r in self.read(cypher.DIGEST_EDGES)
        )
        return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()

    def clear(self) -> None:
        """Delete everything (tests and ``emm db reset`` only), in bounded transactions."""
        for name in cypher.ALL_LABELS:
            while self.write(cypher.delete_label(name), limit=10_000)[0]["n"]:
                pass

    # ------------------------------------------------------------------ counts

    def count_nodes(self, flt: EdgeFilter = NO_FILTER) -> dict[str, int]:
        """Entities per label with at least one record the filter lets through."""
        return {
            name: int(self.read(cypher.count_nodes(name), **flt.params())[0]["n"])
            for name in ENTITY_TYPES
        }

    def count_edges(self, flt: EdgeFilter = NO_FILTER) -> list[dict[str, Any]]:
        """Fact counts per type, party and legal basis."""
        return self.read(cypher.COUNT_EDGES, **flt.params())

    def count_records(self, flt: EdgeFilter = NO_FILTER) -> list[dict[str, Any]]:
        """Record counts per label, party and legal basis."""
        return self.read(cypher.COUNT_RECORDS, **flt.params())

    def edges_missing_provenance(self) -> int:
        return int(self.read(cypher.EDGES_MISSING_PROVENANCE)[0]["n"])

    # ------------------------------------------------------------------ entities

    def entities(self, uids: Iterable[str], flt: EdgeFilter = NO_FILTER) -> dict[str, Entity]:
        """Entities by uid as a reader with this filter sees them: only the records the
        filter lets through; an entity with none is left out (it is invisible)."""
        params = flt.params()
        rows_by_uid: dict[str, list[Statement]] = defaultdict(list)
        restricted: dict[str, bool] = {}
        labels: dict[str, str] = {}
        for name, group in _by_label(uids).items():
            for part in _chunks(group):
                for row in self.read(cypher.entity_records(name), uids=list(part), **params):
                    uid = row["uid"]
                    labels[uid] = name
                    restricted[uid] = bool(row["restricted"])
                    rows_by_uid[uid].extend(
                        record_statements(
                            row["r"], row["party"], row["legal_basis"], row["registered_at"], uid
                        )
                    )
        return {
            uid: Entity.from_statements(uid, labels[uid], stmts, restricted=restricted[uid])
            for uid, stmts in rows_by_uid.items()
        }

    def get(self, uid: str, flt: EdgeFilter = NO_FILTER) -> Entity | None:
        return self.entities([uid], flt).get(uid)

    def uids_by_keys(self, label: str, keys: Iterable[str]) -> list[str]:
        return list(self.uid_by_key(label, keys).values())

    def uid_by_key(self, label: str, keys: Iterable[str]) -> dict[str, str]:
        """``identity key -> uid`` of the entities of ``label`` with one of ``keys``."""
        rows = self.read(cypher.uids_by_key(label), keys=list(keys))
        return {r["key"]: r["uid"] for r in rows}

    def by_keys(self, label: str, keys: Iterable[str], flt: EdgeFilter = NO_FILTER) -> list[Entity]:
        """Entities by identity key as a reader with this filter sees them, each with the key
        it was found by in ``props["key"]`` (a node's key is no record value)."""
        key_of = {uid: key for key, uid in self.uid_by_key(label, keys).items()}
        found = self.entities(key_of, flt)
        return [replace(e, props={**e.props, "key": key_of[e.uid]}) for e in found.values()]

    def search_text(
        self,
        text: str,
        flt: EdgeFilter = NO_FILTER,
        *,
        labels: Iterable[str] | None = None,
        limit: int = 25,
    ) -> list[Entity]:
        """Entities with a visible record whose folded search text contains ``text`` (already
        folded by the caller)."""
        rows = self.read(
            cypher.SEARCH_RECORDS,
            text=text,
            labels=sorted(labels) if labels is not None else None,
            limit=limit,
            **flt.params(),
        )
        found = self.entities([r["uid"] for r in rows], flt)
        return [found[r["uid"]] for r in rows if r["uid"] in found]

    # ------------------------------------------------------------------ traversal

    def neighbourhood(
        self, uids: Iterable[str], flt: EdgeFilter = NO_FILTER, *, limit: int = 5000
    ) -> Subgraph:
        """The given entities, their filtered facts and the entities at the other end (only
        entities with a record the filter lets through)."""
        sub = Subgraph()
        wanted = list(dict.fromkeys(uids))
        rows: list[dict[str, Any]] = []
        for name, group in _by_label(wanted).items():
            for part in _chunks(group):
                found = self.read(
                    cypher.neighbourhood(name), uids=list(part), limit=limit + 1, **flt.params()
                )
                rows.extend(found)
        if len(rows) > limit:
            sub.truncated = True
            rows = rows[:limit]
        visible = self.entities([*wanted, *(r["m_uid"] for r in rows)], flt)
        for uid in wanted:
            if uid in visible:
                sub.add(visible[uid])
        for row in rows:
            here, other = row["uid"], row["m_uid"]
            if here not in visible or other not in visible:
                continue
            sub.add(visible[other])
            src, dst = (here, other) if row["outgoing"] else (other, here)
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
        """The k-hop neighbourhood of the seeds over filtered facts.

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
        """One shortest path between two entities over filtered facts, or ``None`` (also when
        it would pass an entity the filter hides)."""
        rows = self.read(
            cypher.shortest_path(uid_label(a), uid_label(b), max_hops), a=a, b=b, **flt.params()
        )
        if not rows:
            return None
        visible = self.entities(rows[0]["nodes"], flt)
        if set(rows[0]["nodes"]) - set(visible):
            return None
        sub = Subgraph()
        for uid in rows[0]["nodes"]:
            sub.add(visible[uid])
        for edge in rows[0]["edges"]:
            sub.add_link(Link(edge["type"], edge["start"], edge["end"], edge["props"]))
        return sub

    # ------------------------------------------------------------------ whole graph

    def frames(self, flt: EdgeFilter = NO_FILTER) -> tuple[Any, Any]:
        """The filtered graph as an edge table and a node table (pandas), streamed.

        Nodes are the entities with a record the filter lets through and at least one filtered
        fact; per entity and field the value of its most recently registered record that has
        one (``parties`` lists the parties of its visible records). Facts whose ends are not
        both such entities are left out, so what the filter hides is not used by any analysis.
        """
        import pandas as pd

        columns: dict[str, list[Any]] = defaultdict(list)
        with self.driver.session(database=self.database, default_access_mode="READ") as s:
            for record in s.run(cypher.EXPORT_EDGES, flt.params()):
                for key, value in record.items():
                    columns[key].append(value)
            edge_columns = ["src", "dst", "type", "party", "legal_basis", "source_ref"]
            edges = (
                pd.DataFrame(columns)
                if columns
                else pd.DataFrame(columns=[*edge_columns, "registered_at", *cypher.EDGE_EXTRA])
            )
            used = set(edges["src"]).union(edges["dst"])
            parts = []
            for name in ENTITY_TYPES:
                rows = [
                    r.data()
                    for r in s.run(cypher.export_records(name), flt.params())
                    if r["uid"] in used
                ]
                if rows:
                    parts.append(_node_rows(name, pd.DataFrame(rows)))
        nodes = (
            pd.concat(parts, ignore_index=True)
            if parts
            else pd.DataFrame(columns=["uid", "label", "key", "caption", "parties"])
        )
        visible = set(nodes["uid"])
        if len(visible) < len(used):
            edges = edges[edges["src"].isin(visible) & edges["dst"].isin(visible)]
            edges = edges.reset_index(drop=True)
        return edges, nodes

    def signal_rows(self, flt: EdgeFilter = NO_FILTER) -> list[dict[str, Any]]:
        """One row per (signal, involved entity) with categories only, for trend tables."""
        facts = self.read(cypher.SIGNAL_FACTS, **flt.params())
        seen = self.entities({u for f in facts for u in (f["signal"], f["entity"])}, flt)
        out = []
        for f in facts:
            signal, ent = seen.get(f["signal"]), seen.get(f["entity"])
            if signal is None or ent is None:
                continue
            out.append(
                {
                    "signal": f["signal"],
                    "phenomenon": signal.props.get("phenomenon"),
                    "reported_at": signal.props.get("reported_at"),
                    "region": signal.props.get("region"),
                    "sector": signal.props.get("sector"),
                    "party": f["party"],
                    "legal_basis": f["legal_basis"],
                    "role": f["role"],
                    "kind": ent.label,
                    "nationality": ent.props.get("nationality"),
                    "gender": ent.props.get("gender"),
                }
            )
        return out

    def known_values(self) -> list[tuple[str, str]]:
        """Every name and identifier any record holds (the export gate's check only)."""
        return [(r["kind"], str(r["value"])) for r in self.read(cypher.KNOWN_VALUES) if r["value"]]

    def confirmed_pairs(self) -> list[tuple[str, str]]:
        """Entity pairs an analyst confirmed to be the same person."""
        return [(r["a"], r["b"]) for r in self.read(cypher.CONFIRMED_PAIRS)]


def _node_rows(name: str, records: Any) -> Any:
    """One row per entity from its records: the most recently registered value per field."""
    import pandas as pd

    records = records.sort_values(
        ["uid", "registered_at", "source_ref"], ascending=[True, False, True]
    )
    fields = ["key", "caption", *(f.name for f in ENTITY_TYPES[name].fields)]
    grouped = records.groupby("uid", sort=True)
    frame = grouped[fields].first()  # first non-null per column, in the order above
    frame["parties"] = grouped["party"].agg(lambda s: sorted(set(s)))
    frame = frame.reset_index()
    frame.insert(1, "label", name)
    return pd.DataFrame(frame)
