"""Every Cypher statement of the entity graph, as named constants and small builders.

The graph shape (``docs/provenance.md``):

* one **entity node** per identity (label + ``key``), holding only ``uid``, ``key`` and the
  ``restricted`` flag: no attribute values;
* one **record node** ``(:Record {source_ref})`` per entity row a party delivered, holding the
  values that row stated (and its ``caption``/``search`` text), linked to its entity by
  ``(:Record)-[:DESCRIBES {party, legal_basis, source_ref, registered_at}]->(entity)``;
* **facts** are relationships between entity nodes with the same four provenance properties.

So a value is never attributed to another party: every read joins the records (and facts) the
reader may see, through the same two filters (:data:`RECORD_FILTER`, :data:`EDGE_FILTER`).

Rules that keep this safe and portable (Neo4j 5 and the local ArcadeDB):

* values always travel as ``$parameters``; the only names formatted into query text are labels,
  relationship types and property names from the allow-list in :mod:`emm.graph.schema`;
* writes are ``UNWIND`` batches run inside managed transactions by the store;
* every ``MATCH`` names its label so the ``key``/``uid``/``source_ref`` indexes are used;
* no ``SHORTEST k``, no ``CALL (x) {...}`` subqueries (ArcadeDB lacks them): ``shortestPath()``.
"""

from __future__ import annotations

from functools import cache
from typing import LiteralString, cast

from emm.graph.schema import ENTITY_TYPES, META_LABELS, REL_TYPES, label, rel_type

DESCRIBES = "DESCRIBES"  # record -> entity; the provenance of attribute values


def _q(text: str) -> LiteralString:
    # Query text built only from allow-listed names; the driver types queries as LiteralString.
    return cast(LiteralString, text)


# ----------------------------------------------------------------------------- filters

# The one fact filter every read of relationships uses; access control narrows its parameters.
EDGE_FILTER: LiteralString = (
    "type(e) <> 'DESCRIBES' "
    "AND ($parties IS NULL OR e.party IN $parties) "
    "AND ($legal_bases IS NULL OR e.legal_basis IN $legal_bases) "
    "AND ($rel_types IS NULL OR type(e) IN $rel_types) "
    "AND ($date_from IS NULL OR e.registered_at >= $date_from) "
    "AND ($date_to IS NULL OR e.registered_at <= $date_to)"
)
# The one record filter: which parties' values a reader may see (dates and types filter facts).
RECORD_FILTER: LiteralString = (
    "($parties IS NULL OR d.party IN $parties) "
    "AND ($legal_bases IS NULL OR d.legal_basis IN $legal_bases)"
)
NOT_RESTRICTED: LiteralString = "NOT coalesce(n.restricted, false)"

# ----------------------------------------------------------------------------- schema


def schema_statements() -> list[LiteralString]:
    """Idempotent constraints and indexes: unique ``key`` and indexed ``uid`` per label, unique
    record ``source_ref``, and the erasure/restriction key hashes.

    Records of one delivery are found by the prefix of their ``source_ref``
    (``<delivery_id>/``), which the unique index serves: an index on ``delivery_id`` as well
    (a handful of distinct values over every record) cost about a tenth of the server's time
    at ingest (1M relationships, 2026-12-03) and served nothing else."""
    out: list[LiteralString] = []
    for name in ENTITY_TYPES:
        lower = name.lower()
        out.append(
            _q(
                f"CREATE CONSTRAINT {lower}_key IF NOT EXISTS "
                f"FOR (n:{label(name)}) REQUIRE n.key IS UNIQUE"
            )
        )
        out.append(_q(f"CREATE INDEX {lower}_uid IF NOT EXISTS FOR (n:{label(name)}) ON (n.uid)"))
    out += [
        "CREATE CONSTRAINT record_ref IF NOT EXISTS FOR (r:Record) REQUIRE r.source_ref IS UNIQUE",
        "CREATE CONSTRAINT delivery_id IF NOT EXISTS "
        "FOR (d:Delivery) REQUIRE d.delivery_id IS UNIQUE",
        "CREATE INDEX tombstone_hash IF NOT EXISTS FOR (t:Tombstone) ON (t.hash)",
        "CREATE INDEX restriction_hash IF NOT EXISTS FOR (t:RestrictionKey) ON (t.hash)",
    ]
    return out


# ----------------------------------------------------------------------------- writes


def record_properties(name: str) -> tuple[str, ...]:
    """The properties a record of label ``name`` may hold: its fields, caption, search."""
    return (*(f.name for f in ENTITY_TYPES[name].fields), "caption", "search")


_RESTRICT: LiteralString = "SET n.restricted = true "  # marks, never clears (art. 10.1b)


# What a batch of records returns: how many entity nodes were new, how many rows, and each
# entity's element id by key (so that the facts of the same delivery find their endpoints by
# id, not by a second index lookup: see :func:`create_edges_by_id`).
# (A fragment, linted as part of the two statements; the RETURN is theirs.)
_RECORD_RESULT: LiteralString = (
    "sum(CASE WHEN n.uid = $uids[i] THEN 1 ELSE 0 END) AS created, count(r) AS n, "
    "collect([n.key, elementId(n)]) AS ids"
)


@cache
def merge_records(name: str, restricted: bool = False) -> LiteralString:
    """Merge a batch of entity records of one label.

    Per row: the entity node on ``key`` (created with a new ``uid`` if absent), the record on
    ``source_ref`` with exactly the values this row states, and the ``DESCRIBES`` relationship
    with the provenance. Re-running the same rows changes nothing. With ``restricted`` (rows of
    a restricted subject, sent apart) the entity is marked restricted; nothing ever clears it.

    Parameters are column lists with one entry per row (the driver encodes a few lists much
    faster than a map per row): ``$keys``, ``$uids``, ``$refs``, ``$deliveries``, ``$parties``,
    ``$bases``, ``$registered`` and ``$p_<property>`` for each record property (``None`` where
    a row has no value). Returns ``created``: how many entity nodes were new.
    """
    values = ", ".join(f"r.{p} = $p_{p}[i]" for p in record_properties(name))
    return _q(
        "UNWIND range(0, size($keys) - 1) AS i "
        f"MERGE (n:{label(name)} {{key: $keys[i]}}) ON CREATE SET n.uid = $uids[i] "
        + (_RESTRICT if restricted else "")
        + "MERGE (r:Record {source_ref: $refs[i]}) "
        f"SET r.label = '{name}', r.delivery_id = $deliveries[i], {values} "
        f"MERGE (r)-[d:{DESCRIBES}]->(n) "
        "SET d.party = $parties[i], d.legal_basis = $bases[i], d.source_ref = $refs[i], "
        "d.registered_at = $registered[i] RETURN " + _RECORD_RESULT
    )


@cache
def create_records(name: str, restricted: bool = False) -> LiteralString:
    """:func:`merge_records` for records that cannot exist yet: those of a delivery being
    loaded for the first time (``source_ref`` starts with its delivery id, and what an earlier
    incomplete run wrote is discarded first). The record and its ``DESCRIBES`` are created,
    not merged: no index lookup or edge-list scan per row. Should one exist after all, the
    unique ``source_ref`` constraint refuses the batch; nothing is duplicated. Same
    parameters and result as :func:`merge_records`.
    """
    # Values inline, not SET after: the record is written once (a null value stores nothing).
    values = "".join(f", {p}: $p_{p}[i]" for p in record_properties(name))
    return _q(
        "UNWIND range(0, size($keys) - 1) AS i "
        f"MERGE (n:{label(name)} {{key: $keys[i]}}) ON CREATE SET n.uid = $uids[i] "
        + (_RESTRICT if restricted else "")
        + f"CREATE (r:Record {{source_ref: $refs[i], label: '{name}', "
        f"delivery_id: $deliveries[i]{values}}}) "
        f"CREATE (r)-[d:{DESCRIBES} {{party: $parties[i], legal_basis: $bases[i], "
        "source_ref: $refs[i], registered_at: $registered[i]}]->(n) RETURN " + _RECORD_RESULT
    )


def _edge_properties(type_: str, properties: tuple[str, ...]) -> str:
    allowed = {f.name for f in REL_TYPES[type_].fields} | {"party", "legal_basis", "registered_at"}
    if not set(properties) <= allowed:
        raise ValueError(f"not properties of {type_}: {sorted(set(properties) - allowed)}")
    return ", ".join(f"e.{p} = $p_{p}[i]" for p in properties)


@cache
def merge_edges(source: str, type_: str, target: str, properties: tuple[str, ...]) -> LiteralString:
    """Merge a batch of relationships of one type between two labels, on ``source_ref``.

    Column-list parameters as in :func:`merge_records`: ``$from_keys``, ``$to_keys``,
    ``$source_refs`` and ``$p_<property>`` for each of ``properties``.
    """
    assign = _edge_properties(type_, properties)
    return _q(
        "UNWIND range(0, size($source_refs) - 1) AS i "
        f"MATCH (a:{label(source)} {{key: $from_keys[i]}}) "
        f"MATCH (b:{label(target)} {{key: $to_keys[i]}}) "
        f"MERGE (a)-[e:{rel_type(type_)} {{source_ref: $source_refs[i]}}]->(b) "
        + (f"SET {assign} " if assign else "")
        + "RETURN count(e) AS n"
    )


@cache
def create_edges(
    source: str, type_: str, target: str, properties: tuple[str, ...]
) -> LiteralString:
    """:func:`merge_edges` for facts that cannot exist yet (a delivery's first load, as
    :func:`create_records`: ``source_ref`` starts with the delivery id, and an incomplete
    run's facts are discarded first): created, without scanning the endpoint's relationships.
    Same parameters and result."""
    _edge_properties(type_, properties)  # refuses properties outside the schema
    values = "".join(f", {p}: $p_{p}[i]" for p in properties)  # inline: written once
    return _q(
        "UNWIND range(0, size($source_refs) - 1) AS i "
        f"MATCH (a:{label(source)} {{key: $from_keys[i]}}) "
        f"MATCH (b:{label(target)} {{key: $to_keys[i]}}) "
        f"CREATE (a)-[e:{rel_type(type_)} {{source_ref: $source_refs[i]{values}}}]->(b) "
        "RETURN count(e) AS n"
    )


@cache
def create_edges_by_id(
    source: str, type_: str, target: str, properties: tuple[str, ...]
) -> LiteralString:
    """:func:`create_edges` with both endpoints found by element id (``$from_ids``,
    ``$to_ids``: what the delivery's record statements returned), a direct seek where the key
    would be an index lookup per end (about a sixth of the server's time at ingest). The key
    is checked as well: an id that no longer names the node of that key (deleted meanwhile)
    matches nothing, and the batch then fails on its count, never on the wrong node."""
    _edge_properties(type_, properties)
    values = "".join(f", {p}: $p_{p}[i]" for p in properties)
    return _q(
        "UNWIND range(0, size($source_refs) - 1) AS i "
        f"MATCH (a:{label(source)}) WHERE elementId(a) = $from_ids[i] AND a.key = $from_keys[i] "
        f"MATCH (b:{label(target)}) WHERE elementId(b) = $to_ids[i] AND b.key = $to_keys[i] "
        f"CREATE (a)-[e:{rel_type(type_)} {{source_ref: $source_refs[i]{values}}}]->(b) "
        "RETURN count(e) AS n"
    )


# A record's retention clock (art. 7.3) is the latest fact of its own delivery it takes part in;
# the pipeline knows those dates and sets them once the delivery's facts are written.
SET_RECORD_DATES: LiteralString = (
    "UNWIND range(0, size($refs) - 1) AS i "
    "MATCH (r:Record {source_ref: $refs[i]})-[d:DESCRIBES]->() "
    "SET d.registered_at = $dates[i] RETURN count(d) AS n"
)

MERGE_DELIVERY: LiteralString = (
    "MERGE (d:Delivery {delivery_id: $delivery_id}) SET d += $props RETURN d.status AS status"
)
GET_DELIVERY: LiteralString = (
    "MATCH (d:Delivery {delivery_id: $delivery_id}) RETURN properties(d) AS d"
)
DELIVERIES_IN_STATE: LiteralString = (
    "MATCH (d:Delivery) WHERE d.status = $status RETURN d.delivery_id AS delivery_id"
)
PARTY_STATUS: LiteralString = "MATCH (s:PartyStatus {party: $party}) RETURN s.status AS status"
SUSPENDED_PARTIES: LiteralString = (
    "MATCH (s:PartyStatus) WHERE s.status <> 'active' RETURN s.party AS party"
)
DELETE_DELIVERY: LiteralString = "MATCH (d:Delivery {delivery_id: $delivery_id}) DELETE d"
LIST_DELIVERIES: LiteralString = (
    "MATCH (d:Delivery) RETURN properties(d) AS d ORDER BY d.delivered_at, d.delivery_id"
)

# Undoing a delivery that did not complete (compensation): its facts, its records, then the
# entity nodes nothing supports any more. Each in bounded batches.
DISCARD_FACTS: LiteralString = (
    "MATCH (r:Record) WHERE r.source_ref STARTS WITH $prefix "
    "MATCH (r)-[:DESCRIBES]->(n) "
    "MATCH (n)-[e]-() WHERE type(e) <> 'DESCRIBES' AND e.source_ref STARTS WITH $prefix "
    "WITH DISTINCT e LIMIT $limit DELETE e RETURN count(*) AS n"
)
DISCARD_RECORDS: LiteralString = (
    "MATCH (r:Record) WHERE r.source_ref STARTS WITH $prefix "
    "MATCH (r)-[d:DESCRIBES]->(n) "
    "WITH r, d, n.uid AS uid LIMIT $limit DELETE d, r RETURN uid"
)


@cache
def delete_orphans(name: str) -> LiteralString:
    """Delete entity nodes among ``$uids`` that nothing supports: no record, no fact."""
    return _q(
        f"UNWIND $uids AS u MATCH (n:{label(name)} {{uid: u}}) "
        "WHERE NOT EXISTS { MATCH (n)--() } WITH n, n.uid AS uid DELETE n RETURN count(uid) AS n"
    )


# ----------------------------------------------------------------------------- erasure keys

TOMBSTONES: LiteralString = "MATCH (t:Tombstone) RETURN t.hash AS hash, t.request_id AS request_id"
ADD_TOMBSTONES: LiteralString = (
    "UNWIND $hashes AS h MERGE (t:Tombstone {hash: h}) "
    "SET t.request_id = $request_id, t.at = $at RETURN count(t) AS n"
)
RESTRICTION_KEYS: LiteralString = (
    "MATCH (t:RestrictionKey) RETURN t.hash AS hash, t.request_id AS request_id"
)
ADD_RESTRICTION_KEYS: LiteralString = (
    "UNWIND $hashes AS h MERGE (t:RestrictionKey {hash: h}) "
    "SET t.request_id = $request_id, t.at = $at RETURN count(t) AS n"
)
DROP_RESTRICTION_KEYS: LiteralString = (
    "UNWIND $hashes AS h MATCH (t:RestrictionKey {hash: h}) DELETE t RETURN count(*) AS n"
)

# ----------------------------------------------------------------------------- reads


@cache
def count_nodes(name: str) -> LiteralString:
    """Entities of one label with at least one record the filter lets through."""
    return _q(
        f"MATCH (n:{label(name)}) WHERE {NOT_RESTRICTED} "
        f"AND EXISTS {{ MATCH (n)<-[d:{DESCRIBES}]-() WHERE {RECORD_FILTER} }} "
        "RETURN count(n) AS n"
    )


COUNT_EDGES: LiteralString = _q(
    "MATCH (a)-[e]->(b) WHERE " + EDGE_FILTER + " "
    "AND NOT coalesce(a.restricted, false) AND NOT coalesce(b.restricted, false) "
    "RETURN type(e) AS type, e.party AS party, e.legal_basis AS legal_basis, count(e) AS n"
)
COUNT_RECORDS: LiteralString = (
    "MATCH (r:Record)-[d:DESCRIBES]->() WHERE " + RECORD_FILTER + " "
    "RETURN r.label AS label, d.party AS party, d.legal_basis AS legal_basis, count(r) AS n"
)

EDGES_MISSING_PROVENANCE: LiteralString = (
    "MATCH ()-[e]->() WHERE e.party IS NULL OR e.legal_basis IS NULL "
    "OR e.source_ref IS NULL OR e.registered_at IS NULL RETURN count(e) AS n"
)


@cache
def uids_by_key(name: str) -> LiteralString:
    return _q(f"UNWIND $keys AS k MATCH (n:{label(name)} {{key: k}}) RETURN k AS key, n.uid AS uid")


@cache
def entity_records(name: str) -> LiteralString:
    """The records the filter lets through of a batch of entities of one label, with their
    provenance. An entity without any such record is invisible to the reader."""
    return _q(
        f"UNWIND $uids AS u MATCH (n:{label(name)} {{uid: u}})<-[d:{DESCRIBES}]-(r:Record) "
        f"WHERE {RECORD_FILTER} "
        "RETURN n.uid AS uid, coalesce(n.restricted, false) AS restricted, properties(r) AS r, "
        "d.party AS party, d.legal_basis AS legal_basis, d.registered_at AS registered_at"
    )


# Record text search: the folded caption and identifiers of each record the reader may see.
SEARCH_RECORDS: LiteralString = (
    "MATCH (r:Record) WHERE r.search CONTAINS $text "
    "AND ($labels IS NULL OR r.label IN $labels) "
    f"MATCH (r)-[d:{DESCRIBES}]->(n) WHERE {RECORD_FILTER} "
    "RETURN DISTINCT n.uid AS uid LIMIT $limit"
)


@cache
def neighbourhood(name: str) -> LiteralString:
    """All filtered facts of a batch of entities of one label, with the entity at the other
    end. One row per fact; restricted subjects (art. 10.1b) are left out."""
    return _q(
        f"UNWIND $uids AS u MATCH (n:{label(name)} {{uid: u}})-[e]-(m) WHERE " + EDGE_FILTER + " "
        "AND NOT coalesce(m.restricted, false) "
        "RETURN n.uid AS uid, startNode(e) = n AS outgoing, type(e) AS type, "
        "properties(e) AS e, m.uid AS m_uid "
        "LIMIT $limit"
    )


@cache
def shortest_path(source: str, target: str, max_hops: int) -> LiteralString:
    hops = int(max_hops)
    if not 1 <= hops <= 15:
        raise ValueError("max_hops must be between 1 and 15")
    return _q(
        f"MATCH (a:{label(source)} {{uid: $a}}) MATCH (b:{label(target)} {{uid: $b}}) "
        f"MATCH p = shortestPath((a)-[*..{hops}]-(b)) "
        "WHERE all(e IN relationships(p) WHERE " + EDGE_FILTER + ") "
        "AND all(n IN nodes(p) WHERE NOT coalesce(n.restricted, false)) "
        "RETURN [n IN nodes(p) | n.uid] AS nodes, "
        "[e IN relationships(p) | {type: type(e), props: properties(e), "
        "start: startNode(e).uid, end: endNode(e).uid}] AS edges"
    )


# ----------------------------------------------------------------------------- whole-graph export

# Attributes of facts that analyses use, beyond provenance.
EDGE_EXTRA = (
    "role",
    "date",
    "amount",
    "purpose",
    "relation",
    "direction",
    "nights",
    "duration",
    "count",
    "kind",
    "weight",
    "position",
    "wage",
    "since",
)

EXPORT_EDGES: LiteralString = _q(
    "MATCH (a)-[e]->(b) WHERE " + EDGE_FILTER + " "
    "AND NOT coalesce(a.restricted, false) AND NOT coalesce(b.restricted, false) "
    "RETURN a.uid AS src, b.uid AS dst, type(e) AS type, e.party AS party, "
    "e.legal_basis AS legal_basis, e.source_ref AS source_ref, e.registered_at AS registered_at, "
    + ", ".join(f"e.{name} AS {name}" for name in EDGE_EXTRA)
)


@cache
def export_records(name: str) -> LiteralString:
    """Every record the filter lets through of one label, one row per record, for the node
    table of a whole-graph analysis (values are chosen per entity in Python)."""
    fields = [f.name for f in ENTITY_TYPES[name].fields]
    return _q(
        f"MATCH (n:{label(name)})<-[d:{DESCRIBES}]-(r:Record) "
        f"WHERE {RECORD_FILTER} AND {NOT_RESTRICTED} "
        "RETURN n.uid AS uid, n.key AS key, d.party AS party, d.source_ref AS source_ref, "
        "d.registered_at AS registered_at, r.caption AS caption"
        + "".join(f", r.{f} AS {f}" for f in fields)
    )


# ----------------------------------------------------------------------------- trend input

# One row per (signal, involved entity): the microdata trend tables are counted from. The
# categories (phenomenon, region, nationality...) come from the records the reader may see.
SIGNAL_FACTS: LiteralString = _q(
    "MATCH (p)-[e:INVOLVED_IN]->(s:Signal) WHERE " + EDGE_FILTER + " "
    "AND NOT coalesce(p.restricted, false) "
    "RETURN s.uid AS signal, p.uid AS entity, e.party AS party, e.legal_basis AS legal_basis, "
    "e.role AS role, e.registered_at AS registered_at"
)


# Every name and identifier any record holds, for the export gate's known-value check only
# (deliberately unfiltered: an export must carry no value the centre holds, whoever makes it).
KNOWN_VALUES: LiteralString = (
    "MATCH (r:Record {label: 'Person'}) RETURN 'person' AS kind, r.name AS value "
    "UNION ALL MATCH (r:Record {label: 'Person'}) WHERE r.bsn IS NOT NULL "
    "RETURN 'bsn' AS kind, r.bsn AS value "
    "UNION ALL MATCH (r:Record {label: 'Person'}) WHERE r.v_number IS NOT NULL "
    "RETURN 'v_number' AS kind, r.v_number AS value "
    "UNION ALL MATCH (r:Record {label: 'Phone'}) RETURN 'phone' AS kind, r.number AS value "
    "UNION ALL MATCH (r:Record {label: 'Email'}) RETURN 'email' AS kind, r.address AS value "
    "UNION ALL MATCH (r:Record {label: 'BankAccount'}) RETURN 'iban' AS kind, r.iban AS value "
    "UNION ALL MATCH (r:Record {label: 'Vehicle'}) RETURN 'plate' AS kind, r.plate AS value "
    "UNION ALL MATCH (r:Record {label: 'Address'}) RETURN 'address' AS kind, r.caption AS value "
    "UNION ALL MATCH (r:Record {label: 'IdentityDocument'}) "
    "RETURN 'document' AS kind, r.number AS value "
    "UNION ALL MATCH (r:Record {label: 'Company'}) WHERE r.kvk IS NOT NULL "
    "RETURN 'kvk' AS kind, r.kvk AS value "
    "UNION ALL MATCH (r:Record {label: 'Company'}) RETURN 'company' AS kind, r.name AS value"
)

CONFIRMED_PAIRS: LiteralString = (
    "MATCH (j:Judgement) WHERE j.decision = 'confirmed' RETURN j.a AS a, j.b AS b"
)

# ----------------------------------------------------------------------------- maintenance

# Everything, for a digest that proves a refused delivery left the graph exactly as it was.
DIGEST_NODES: LiteralString = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
DIGEST_EDGES: LiteralString = (
    "MATCH (a)-[e]->(b) RETURN type(e) AS type, properties(e) AS props, "
    "coalesce(a.uid, a.source_ref, a.delivery_id) AS a, coalesce(b.uid, b.delivery_id) AS b"
)

ALL_LABELS = (*ENTITY_TYPES, "Record", *META_LABELS)


@cache
def delete_label(name: str) -> LiteralString:
    if name not in ALL_LABELS:
        raise ValueError(f"not a label: {name!r}")
    return _q(f"MATCH (n:`{name}`) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n")
