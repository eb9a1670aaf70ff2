"""Every Cypher statement of the entity graph, as named constants and small builders.

Rules that keep this safe and portable (Neo4j 5 and the local ArcadeDB):

* values always travel as ``$parameters``; the only names formatted into query text are labels,
  relationship types and property names from the allow-list in :mod:`emm.graph.schema`;
* writes are ``UNWIND $rows`` batches run inside managed transactions by the store;
* every ``MATCH`` names its label so the ``key``/``uid`` indexes are used;
* no ``SHORTEST k`` (ArcadeDB lacks it): ``shortestPath()``.
"""

from __future__ import annotations

from functools import cache
from typing import LiteralString, cast

from emm.graph.schema import ENTITY_TYPES, META_LABELS, label, rel_type


def _q(text: str) -> LiteralString:
    # Query text built only from allow-listed names; the driver types queries as LiteralString.
    return cast(LiteralString, text)


# ----------------------------------------------------------------------------- schema


def schema_statements() -> list[LiteralString]:
    """Idempotent constraints and indexes: unique ``key`` and indexed ``uid`` per label."""
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
    out.append(
        _q(
            "CREATE CONSTRAINT delivery_id IF NOT EXISTS "
            "FOR (d:Delivery) REQUIRE d.delivery_id IS UNIQUE"
        )
    )
    return out


# ----------------------------------------------------------------------------- writes


@cache
def merge_nodes(name: str, properties: tuple[str, ...]) -> LiteralString:
    """Merge a batch of nodes of one label on ``key``.

    A new node takes every property of the row; an existing one only fills properties it
    lacks (the first party's values stand, later ones add what is missing) and adds the row's
    party to ``parties``. Re-running the same rows changes nothing.

    Parameters are column lists with one entry per row (the driver encodes a few lists much
    faster than a map per row): ``$keys``, ``$uids``, ``$parties``, and ``$p_<property>`` for
    each of ``properties`` (``None`` where a row has no value: setting null stores nothing).
    """
    allowed = {f.name for f in ENTITY_TYPES[name].fields} | {"caption", "search"}
    if not set(properties) <= allowed:
        raise ValueError(f"not properties of {name}: {sorted(set(properties) - allowed)}")
    create = "".join(f", n.{p} = $p_{p}[i]" for p in properties)
    fill = "".join(f"n.{p} = coalesce(n.{p}, $p_{p}[i]), " for p in properties)
    return _q(
        f"UNWIND range(0, size($keys) - 1) AS i MERGE (n:{label(name)} {{key: $keys[i]}}) "
        f"ON CREATE SET n.uid = $uids[i], n.parties = [$parties[i]]{create} "
        f"ON MATCH SET {fill}n.parties = CASE WHEN $parties[i] IN n.parties "
        "THEN n.parties ELSE n.parties + $parties[i] END "
        "RETURN count(n) AS n"
    )


@cache
def merge_edges(source: str, type_: str, target: str, properties: tuple[str, ...]) -> LiteralString:
    """Merge a batch of relationships of one type between two labels, on ``source_ref``.

    Column-list parameters as in :func:`merge_nodes`: ``$from_keys``, ``$to_keys``,
    ``$source_refs`` and ``$p_<property>`` for each of ``properties``.
    """
    from emm.graph.schema import REL_TYPES  # here, to keep this change inside the function

    allowed = {f.name for f in REL_TYPES[type_].fields} | {"party", "legal_basis", "registered_at"}
    if not set(properties) <= allowed:
        raise ValueError(f"not properties of {type_}: {sorted(set(properties) - allowed)}")
    assign = ", ".join(f"e.{p} = $p_{p}[i]" for p in properties)
    return _q(
        "UNWIND range(0, size($source_refs) - 1) AS i "
        f"MATCH (a:{label(source)} {{key: $from_keys[i]}}) "
        f"MATCH (b:{label(target)} {{key: $to_keys[i]}}) "
        f"MERGE (a)-[e:{rel_type(type_)} {{source_ref: $source_refs[i]}}]->(b) "
        + (f"SET {assign} " if assign else "")
        + "RETURN count(e) AS n"
    )


MERGE_DELIVERY: LiteralString = (
    "MERGE (d:Delivery {delivery_id: $delivery_id}) SET d += $props RETURN d.status AS status"
)
DELIVERY_STATUS: LiteralString = (
    "MATCH (d:Delivery {delivery_id: $delivery_id}) RETURN d.status AS status"
)
PARTY_STATUS: LiteralString = "MATCH (s:PartyStatus {party: $party}) RETURN s.status AS status"
LIST_DELIVERIES: LiteralString = (
    "MATCH (d:Delivery) RETURN properties(d) AS d ORDER BY d.delivered_at, d.delivery_id"
)

# ----------------------------------------------------------------------------- reads

# The one edge filter every read uses; access control narrows these parameters (one place).
EDGE_FILTER: LiteralString = (
    "($parties IS NULL OR e.party IN $parties) "
    "AND ($legal_bases IS NULL OR e.legal_basis IN $legal_bases) "
    "AND ($rel_types IS NULL OR type(e) IN $rel_types) "
    "AND ($date_from IS NULL OR e.registered_at >= $date_from) "
    "AND ($date_to IS NULL OR e.registered_at <= $date_to)"
)


@cache
def count_nodes(name: str) -> LiteralString:
    return _q(f"MATCH (n:{label(name)}) RETURN count(n) AS n")


COUNT_EDGES: LiteralString = _q(
    "MATCH ()-[e]->() WHERE " + EDGE_FILTER + " "
    "RETURN type(e) AS type, e.party AS party, e.legal_basis AS legal_basis, count(e) AS n"
)

EDGES_MISSING_PROVENANCE: LiteralString = (
    "MATCH ()-[e]->() WHERE e.party IS NULL OR e.legal_basis IS NULL "
    "OR e.source_ref IS NULL OR e.registered_at IS NULL RETURN count(e) AS n"
)


@cache
def find_by_key(name: str) -> LiteralString:
    return _q(f"UNWIND $keys AS k MATCH (n:{label(name)} {{key: k}}) RETURN properties(n) AS n")


@cache
def find_by_property(name: str, prop: str) -> LiteralString:
    if prop not in {f.name for f in ENTITY_TYPES[name].fields}:
        raise ValueError(f"{prop!r} is not a field of {name}")
    return _q(
        f"MATCH (n:{label(name)}) WHERE n.{prop} = $value RETURN properties(n) AS n LIMIT $limit"
    )


@cache
def search_text(name: str) -> LiteralString:
    return _q(
        f"MATCH (n:{label(name)}) WHERE n.search CONTAINS $text "
        "RETURN properties(n) AS n LIMIT $limit"
    )


@cache
def node_by_uid(name: str) -> LiteralString:
    return _q(f"MATCH (n:{label(name)} {{uid: $uid}}) RETURN properties(n) AS n")


@cache
def visible(name: str) -> LiteralString:
    """Which of these nodes have at least one fact that passes the filter."""
    return _q(
        f"UNWIND $uids AS u MATCH (n:{label(name)} {{uid: u}}) "
        "WHERE EXISTS { MATCH (n)-[e]-() WHERE " + EDGE_FILTER + " } RETURN n.uid AS uid"
    )


@cache
def node_by_uid_batch(name: str) -> LiteralString:
    return _q(f"UNWIND $uids AS u MATCH (n:{label(name)} {{uid: u}}) RETURN properties(n) AS n")


@cache
def neighbourhood(name: str) -> LiteralString:
    """All filtered relationships of a batch of nodes of one label, with the nodes at the
    other end. Returns one row per relationship."""
    return _q(
        f"UNWIND $uids AS u MATCH (n:{label(name)} {{uid: u}})-[e]-(m) WHERE " + EDGE_FILTER + " "
        # A person whose processing is restricted (art. 10.1b) is not used in any analysis.
        "AND NOT coalesce(m.restricted, false) "
        "RETURN n.uid AS uid, startNode(e) = n AS outgoing, type(e) AS type, "
        "properties(e) AS e, labels(m) AS m_labels, properties(m) AS m "
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
        "RETURN [n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes, "
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
def export_nodes(name: str) -> LiteralString:
    fields = [f.name for f in ENTITY_TYPES[name].fields]
    return _q(
        f"MATCH (n:{label(name)}) WHERE NOT coalesce(n.restricted, false) "
        "RETURN n.uid AS uid, n.key AS key, n.caption AS caption, n.parties AS parties"
        + "".join(f", n.{f} AS {f}" for f in fields)
    )


# ----------------------------------------------------------------------------- trend input

# One row per (signal, involved entity): the microdata trend tables are counted from. Names and
# identifiers are not returned: only categories (phenomenon, region, sector, nationality...).
SIGNAL_ROWS: LiteralString = _q(
    "MATCH (p)-[e:INVOLVED_IN]->(s:Signal) WHERE " + EDGE_FILTER + " "
    "AND NOT coalesce(p.restricted, false) "
    "RETURN s.uid AS signal, s.phenomenon AS phenomenon, s.reported_at AS reported_at, "
    "s.region AS region, s.sector AS sector, e.party AS party, e.legal_basis AS legal_basis, "
    "e.role AS role, "
    "labels(p) AS kind, p.nationality AS nationality, p.gender AS gender"
)


KNOWN_VALUES: LiteralString = (
    "MATCH (n:Person) RETURN 'person' AS kind, n.name AS value "
    "UNION ALL MATCH (n:Person) WHERE n.bsn IS NOT NULL RETURN 'bsn' AS kind, n.bsn AS value "
    "UNION ALL MATCH (n:Phone) RETURN 'phone' AS kind, n.number AS value "
    "UNION ALL MATCH (n:Email) RETURN 'email' AS kind, n.address AS value "
    "UNION ALL MATCH (n:BankAccount) RETURN 'iban' AS kind, n.iban AS value "
    "UNION ALL MATCH (n:Vehicle) RETURN 'plate' AS kind, n.plate AS value "
    "UNION ALL MATCH (n:Address) RETURN 'address' AS kind, n.caption AS value "
    "UNION ALL MATCH (n:IdentityDocument) RETURN 'document' AS kind, n.number AS value"
)


# ----------------------------------------------------------------------------- maintenance


@cache
def delete_label(name: str) -> LiteralString:
    if name not in ENTITY_TYPES and name not in META_LABELS:
        raise ValueError(f"not a label: {name!r}")
    return _q(f"MATCH (n:`{name}`) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n")
