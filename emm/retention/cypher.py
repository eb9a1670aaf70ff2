"""All Cypher of retention, data-subject rights and party exit.

Deletions run in bounded batches (``LIMIT $limit``), each its own transaction, so a large
removal neither holds one huge transaction nor leaves a half-deleted batch. Each deleting
statement returns ``a, b`` (the entity uids it touched), ``party`` and ``type`` per removed
fact or record, so the caller can count and then delete the entities nothing supports any
more. Values are captured before ``DELETE`` (Neo4j does not allow reading a deleted item).
"""

from __future__ import annotations

from functools import cache
from typing import LiteralString, cast

from emm.graph.schema import ENTITY_TYPES, label

FACT: LiteralString = "type(e) <> 'DESCRIBES'"

# ----------------------------------------------------------------------------- expired (art. 7.3)

EXPIRED_FACTS_SUMMARY: LiteralString = (
    "MATCH ()-[e]->() WHERE type(e) <> 'DESCRIBES' AND e.registered_at < $cutoff "
    "RETURN e.party AS party, type(e) AS type, count(e) AS n"
)
EXPIRED_RECORDS_SUMMARY: LiteralString = (
    "MATCH (r:Record)-[d:DESCRIBES]->() WHERE d.registered_at < $cutoff "
    "RETURN d.party AS party, r.label AS type, count(r) AS n"
)
DELETE_EXPIRED_FACTS: LiteralString = (
    "MATCH (a)-[e]->(b) WHERE type(e) <> 'DESCRIBES' AND e.registered_at < $cutoff "
    "WITH a.uid AS a, b.uid AS b, e, e.party AS party, type(e) AS type LIMIT $limit "
    "DELETE e RETURN a, b, party, type"
)
DELETE_EXPIRED_RECORDS: LiteralString = (
    "MATCH (r:Record)-[d:DESCRIBES]->(n) WHERE d.registered_at < $cutoff "
    "WITH r, d, n.uid AS a, d.party AS party, r.label AS type LIMIT $limit "
    "DELETE d, r RETURN a, a AS b, party, type"
)
EXPIRED_DELIVERIES: LiteralString = (
    "MATCH (d:Delivery) WHERE d.delivered_at < $cutoff RETURN d.delivery_id AS delivery_id"
)

# ----------------------------------------------------------------------------- a party (art. 14.3)

PARTY_FACTS_SUMMARY: LiteralString = (
    "MATCH ()-[e]->() WHERE type(e) <> 'DESCRIBES' AND e.party = $party "
    "RETURN e.party AS party, type(e) AS type, count(e) AS n"
)
PARTY_RECORDS_SUMMARY: LiteralString = (
    "MATCH (r:Record)-[d:DESCRIBES]->() WHERE d.party = $party "
    "RETURN d.party AS party, r.label AS type, count(r) AS n"
)
DELETE_PARTY_FACTS: LiteralString = (
    "MATCH (a)-[e]->(b) WHERE type(e) <> 'DESCRIBES' AND e.party = $party "
    "WITH a.uid AS a, b.uid AS b, e, e.party AS party, type(e) AS type LIMIT $limit "
    "DELETE e RETURN a, b, party, type"
)
DELETE_PARTY_RECORDS: LiteralString = (
    "MATCH (r:Record)-[d:DESCRIBES]->(n) WHERE d.party = $party "
    "WITH r, d, n.uid AS a, d.party AS party, r.label AS type LIMIT $limit "
    "DELETE d, r RETURN a, a AS b, party, type"
)
PARTY_ENTITIES: LiteralString = (
    "MATCH (r:Record)-[d:DESCRIBES]->(n) WHERE d.party = $party RETURN DISTINCT n.uid AS a"
)
PARTY_DELIVERIES: LiteralString = (
    "MATCH (d:Delivery) WHERE d.party = $party RETURN d.delivery_id AS delivery_id"
)
# What a removed party leaves: nothing. Used by the removal report and its test.
PARTY_LEFT: LiteralString = (
    "OPTIONAL MATCH ()-[e]->() WHERE type(e) <> 'DESCRIBES' AND e.party = $party "
    "WITH count(e) AS facts "
    "OPTIONAL MATCH (r:Record)-[d:DESCRIBES]->() WHERE d.party = $party "
    "RETURN facts, count(r) AS records"
)

# ----------------------------------------------------------------------------- one entity


@cache
def delete_entity_facts(name: str) -> LiteralString:
    return cast(
        LiteralString,
        f"MATCH (n:{label(name)} {{uid: $uid}})-[e]-(m) WHERE type(e) <> 'DESCRIBES' "
        "WITH m.uid AS m, e, e.party AS party, type(e) AS type LIMIT $limit "
        "DELETE e RETURN $uid AS a, m AS b, party, type",
    )


@cache
def delete_entity_records(name: str) -> LiteralString:
    return cast(
        LiteralString,
        f"MATCH (n:{label(name)} {{uid: $uid}})<-[d:DESCRIBES]-(r:Record) "
        "WITH r, d, d.party AS party, r.label AS type LIMIT $limit "
        "DELETE d, r RETURN $uid AS a, $uid AS b, party, type",
    )


@cache
def delete_dependent_records(name: str) -> LiteralString:
    """Records of an entity from the given deliveries, once it has no fact left: what a
    delivery said only about the subject's document, phone... (erasure)."""
    return cast(
        LiteralString,
        f"MATCH (n:{label(name)} {{uid: $uid}})<-[d:DESCRIBES]-(r:Record) "
        "WHERE r.delivery_id IN $deliveries "
        "AND NOT EXISTS { MATCH (n)-[e]-() WHERE type(e) <> 'DESCRIBES' } "
        "WITH r, d, d.party AS party, r.label AS type LIMIT $limit "
        "DELETE d, r RETURN $uid AS a, $uid AS b, party, type",
    )


@cache
def entity_key(name: str) -> LiteralString:
    return cast(LiteralString, f"MATCH (n:{label(name)} {{uid: $uid}}) RETURN n.key AS key")


# ----------------------------------------------------------------------------- subjects

PERSONS_BORN: LiteralString = (
    "MATCH (r:Record {label: 'Person'})-[:DESCRIBES]->(n:Person) WHERE r.birth_date = $birth_date "
    "RETURN DISTINCT n.uid AS uid, r.name AS name"
)
PERSONS_WITH_BSN: LiteralString = (
    "MATCH (r:Record {label: 'Person'})-[:DESCRIBES]->(n:Person) WHERE r.bsn = $bsn "
    "RETURN DISTINCT n.uid AS uid"
)
PERSON_RECORDS: LiteralString = (
    "MATCH (n:Person {uid: $uid})<-[d:DESCRIBES]-(r:Record) "
    "RETURN properties(r) AS r, d.party AS party, d.legal_basis AS legal_basis, "
    "d.registered_at AS registered_at, n.key AS key, coalesce(n.restricted, false) AS restricted"
)
PERSON_FACTS: LiteralString = (
    "MATCH (n:Person {uid: $uid})-[e]-(m) WHERE type(e) <> 'DESCRIBES' "
    "RETURN type(e) AS type, properties(e) AS e, startNode(e) = n AS outgoing, "
    "labels(m) AS m_labels, m.uid AS m_uid"
)


@cache
def set_record_field(field: str) -> LiteralString:
    """Rectify one field in every record of a person, with the caption and search text
    recomputed by the caller (so the old value is found nowhere)."""
    if field not in {f.name for f in ENTITY_TYPES["Person"].fields}:
        raise ValueError(f"{field!r} is not a field of Person")
    return cast(
        LiteralString,
        "UNWIND $rows AS row MATCH (r:Record {source_ref: row.ref}) "
        f"SET r.{field} = row.value, r.caption = row.caption, r.search = row.search, "
        "r.rectified_at = $at RETURN count(r) AS n",
    )


REKEY_PERSON: LiteralString = (
    "MATCH (n:Person {uid: $uid}) WHERE NOT EXISTS { MATCH (o:Person {key: $key}) } "
    "SET n.key = $key RETURN count(n) AS n"
)
SET_RESTRICTED: LiteralString = (
    "UNWIND $uids AS u MATCH (n:Person {uid: u}) "
    "SET n.restricted = $restricted, n.restricted_at = $at RETURN count(n) AS n"
)
RECORD_REQUEST: LiteralString = "MERGE (r:SubjectRequest {request_id: $request_id}) SET r += $props"
LIST_REQUESTS: LiteralString = (
    "MATCH (r:SubjectRequest) RETURN properties(r) AS r ORDER BY r.received_at DESC LIMIT $limit"
)

# ----------------------------------------------------------------------------- products

PRODUCTS_DUE: LiteralString = (
    "MATCH (p:Product) WHERE p.retention_until IS NOT NULL AND p.retention_until < $as_of "
    "RETURN p.product_id AS product_id, p.version AS version, p.type AS type, "
    "p.files AS files, p.retention_until AS until"
)
DELETE_PRODUCT: LiteralString = (
    "MATCH (p:Product {product_id: $product_id, version: $version}) DELETE p"
)
INFO_REQUESTS_DUE: LiteralString = (
    "MATCH (r:InfoRequest) WHERE r.registered_at < $cutoff RETURN r.request_id AS request_id"
)
DELETE_INFO_REQUEST: LiteralString = "MATCH (r:InfoRequest {request_id: $request_id}) DELETE r"
WORKING_SETS_DUE: LiteralString = (
    "MATCH (w:WorkingSet) WHERE w.product_id IS NOT NULL "
    "MATCH (p:Product {product_id: w.product_id}) WHERE p.handed_over_at IS NOT NULL "
    "RETURN DISTINCT w.owner AS owner, w.name AS name, w.product_id AS product_id"
)
DELETE_WORKING_SET: LiteralString = "MATCH (w:WorkingSet {owner: $owner, name: $name}) DELETE w"

# ----------------------------------------------------------------------------- parties

SET_PARTY_STATUS: LiteralString = (
    "MERGE (s:PartyStatus {party: $party}) SET s.status = $status, s.since = $since, "
    "s.reason = $reason"
)
PARTY_STATUSES: LiteralString = "MATCH (s:PartyStatus) RETURN properties(s) AS s"
