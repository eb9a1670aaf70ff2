"""All Cypher of retention, data-subject rights and party exit.

Deletions run in bounded batches (``LIMIT $limit``), each its own transaction, so a large
removal neither holds one huge transaction nor leaves a half-deleted batch. Values captured
before ``DELETE`` (Neo4j does not allow reading a deleted relationship).
"""

from __future__ import annotations

from functools import cache
from typing import LiteralString, cast

from emm.graph.schema import label

# ----------------------------------------------------------------------------- facts to remove

EXPIRED_FACTS_SUMMARY: LiteralString = (
    "MATCH ()-[e]->() WHERE e.registered_at < $cutoff "
    "RETURN e.party AS party, type(e) AS type, count(e) AS n"
)
DELETE_EXPIRED_FACTS: LiteralString = (
    "MATCH (a)-[e]->(b) WHERE e.registered_at < $cutoff "
    "WITH a.uid AS a, b.uid AS b, e, e.party AS party, type(e) AS type LIMIT $limit "
    "DELETE e RETURN a, b, party, type"
)
PARTY_FACTS_SUMMARY: LiteralString = (
    "MATCH ()-[e]->() WHERE e.party = $party RETURN e.party AS party, type(e) AS type, "
    "count(e) AS n"
)
DELETE_PARTY_FACTS: LiteralString = (
    "MATCH (a)-[e]->(b) WHERE e.party = $party "
    "WITH a.uid AS a, b.uid AS b, e, e.party AS party, type(e) AS type LIMIT $limit "
    "DELETE e RETURN a, b, party, type"
)


@cache
def delete_node_facts(name: str) -> LiteralString:
    return cast(
        LiteralString,
        f"MATCH (n:{label(name)} {{uid: $uid}})-[e]-(m) "
        "WITH m.uid AS m, e, e.party AS party, type(e) AS type LIMIT $limit "
        "DELETE e RETURN $uid AS a, m AS b, party, type",
    )


@cache
def delete_orphans(name: str) -> LiteralString:
    """Delete nodes among ``$uids`` that have no relationship left."""
    return cast(
        LiteralString,
        f"UNWIND $uids AS u MATCH (n:{label(name)} {{uid: u}}) "
        "WHERE NOT EXISTS { MATCH (n)--() } WITH n, n.uid AS uid DELETE n RETURN count(uid) AS n",
    )


@cache
def recompute_parties(name: str) -> LiteralString:
    """A node's parties = the parties whose facts still support it."""
    return cast(
        LiteralString,
        f"UNWIND $uids AS u MATCH (n:{label(name)} {{uid: u}})-[e]-() "
        "WITH n, collect(DISTINCT e.party) AS ps SET n.parties = ps RETURN count(n) AS n",
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

# ----------------------------------------------------------------------------- subjects

PERSONS_BORN: LiteralString = (
    "MATCH (n:Person) WHERE n.birth_date = $birth_date RETURN properties(n) AS n"
)
PERSON_FACTS: LiteralString = (
    "MATCH (n:Person {uid: $uid})-[e]-(m) RETURN type(e) AS type, properties(e) AS e, "
    "startNode(e) = n AS outgoing, labels(m) AS m_labels, m.caption AS m_caption, m.uid AS m_uid"
)


@cache
def set_person_field(field: str) -> LiteralString:
    from emm.graph.schema import ENTITY_TYPES

    if field not in {f.name for f in ENTITY_TYPES["Person"].fields}:
        raise ValueError(f"{field!r} is not a field of Person")
    return cast(
        LiteralString,
        f"MATCH (n:Person {{uid: $uid}}) SET n.{field} = $value, n.rectified_at = $at "
        "RETURN count(n) AS n",
    )


SET_RESTRICTED: LiteralString = (
    "MATCH (n:Person {uid: $uid}) SET n.restricted = $restricted, n.restricted_at = $at "
    "RETURN count(n) AS n"
)
RECORD_REQUEST: LiteralString = "MERGE (r:SubjectRequest {request_id: $request_id}) SET r += $props"
LIST_REQUESTS: LiteralString = (
    "MATCH (r:SubjectRequest) RETURN properties(r) AS r ORDER BY r.received_at DESC LIMIT $limit"
)

# ----------------------------------------------------------------------------- parties

SET_PARTY_STATUS: LiteralString = (
    "MERGE (s:PartyStatus {party: $party}) SET s.status = $status, s.since = $since, "
    "s.reason = $reason"
)
PARTY_STATUSES: LiteralString = "MATCH (s:PartyStatus) RETURN properties(s) AS s"
