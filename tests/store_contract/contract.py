"""The store contract: one test body that every graph backend must pass (as nomenklatura's
``tests/store`` does). ``run_contract(store)`` is called by one short test per backend
(``test_store_arcadedb.py`` always; ``test_store_neo4j.py`` when ``EMM_TEST_NEO4J_URI`` names
a Neo4j 5 server). It uses only the store's public API, on an empty graph.
"""

from __future__ import annotations

from typing import Any

import pytest

from emm.graph.model import EdgeFilter, EdgeRow, NodeRow
from emm.graph.store import GraphStore, StoreError

POL = EdgeFilter(parties=frozenset({"POL"}))
ANALYST = EdgeFilter(legal_bases=frozenset({"WPG-10", "AVG-6-VW-107-4"}))


def person(ref: str, key: str, party: str, basis: str, **values: Any) -> NodeRow:
    caption = str(values.get("name", key))
    props = {**values, "caption": caption, "search": caption.lower()}
    return NodeRow("Person", key, party, props, ref, basis, "2024-01-01")


def phone(ref: str, number: str, party: str, basis: str) -> NodeRow:
    props = {"number": number, "caption": number, "search": number}
    return NodeRow("Phone", number, party, props, ref, basis, "2024-01-01")


def uses(ref: str, who: str, number: str, party: str, basis: str, when: str) -> EdgeRow:
    props = {"party": party, "legal_basis": basis, "registered_at": when, "source_ref": ref}
    return EdgeRow("USES_PHONE", "Person", who, "Phone", number, ref, props)


def knows(ref: str, a: str, b: str, party: str, basis: str) -> EdgeRow:
    props = {"party": party, "legal_basis": basis, "registered_at": "2024-01-02", "source_ref": ref}
    return EdgeRow("ASSOCIATE_OF", "Person", a, "Person", b, ref, props)


def load(store: GraphStore) -> None:
    store.write_batch(
        [
            person(
                "POL-1/P1", "bsn:111222333", "POL", "WPG-10", name="Jan de Vries", bsn="111222333"
            ),
            phone("POL-1/T1", "+31612345678", "POL", "WPG-10"),
            person(
                "POL-1/P2",
                "nd:ioana popescu|1999-07-01",
                "POL",
                "WPG-10",
                name="Ioana Popescu",
                birth_date="1999-07-01",
            ),
        ],
        [
            uses("POL-1/L1", "bsn:111222333", "+31612345678", "POL", "WPG-10", "2024-01-05"),
            knows("POL-1/L2", "bsn:111222333", "nd:ioana popescu|1999-07-01", "POL", "WPG-10"),
        ],
    )
    store.write_batch(
        [
            person(
                "OM-1/P",
                "bsn:111222333",
                "OM",
                "WJSG-15-39G",
                name="Jan de Vries",
                bsn="111222333",
                birth_date="1985-03-13",
                nationality="MA",
            ),
            person(
                "OM-1/Q",
                "nd:karel geheim|1970-01-01",
                "OM",
                "WJSG-15-39G",
                name="Karel Geheim",
                birth_date="1970-01-01",
            ),
        ],
        [knows("OM-1/L1", "bsn:111222333", "nd:karel geheim|1970-01-01", "OM", "WJSG-15-39G")],
    )


def run_contract(store: GraphStore) -> None:
    store.clear()
    store.ensure_schema()
    store.ensure_schema()  # idempotent
    load(store)
    load(store)  # idempotent: merges, nothing new

    # ---- counts and provenance
    assert store.count_nodes()["Person"] == 3 and store.count_nodes()["Phone"] == 1
    assert store.count_nodes(ANALYST)["Person"] == 2  # Karel is known through OM only
    assert store.edges_missing_provenance() == 0
    per_party: dict[str, int] = {}
    for r in store.count_edges():
        per_party[r["party"]] = per_party.get(r["party"], 0) + int(r["n"])
    assert per_party == {"POL": 2, "OM": 1}
    assert sum(r["n"] for r in store.count_records()) == 5

    # ---- one entity, statements with their sources, narrowed by the filter
    [jan_uid] = store.uids_by_keys("Person", ["bsn:111222333"])
    jan = store.get(jan_uid)
    assert jan is not None and sorted(jan.parties) == ["OM", "POL"]
    assert jan.values("birth_date") == ["1985-03-13"]
    assert {s.party for s in jan.statements if s.prop == "name"} == {"OM", "POL"}
    seen = store.get(jan_uid, ANALYST)
    assert seen is not None and seen.parties == ["POL"] and seen.values("birth_date") == []
    [karel_uid] = store.uids_by_keys("Person", ["nd:karel geheim|1970-01-01"])
    assert store.get(karel_uid, ANALYST) is None
    assert store.entities([jan_uid, karel_uid], ANALYST).keys() == {jan_uid}

    # ---- search only hits records the reader may see
    assert [e.uid for e in store.search_text("karel")] == [karel_uid]
    assert store.search_text("karel", ANALYST) == []
    assert [e.uid for e in store.by_keys("Person", ["bsn:111222333"], POL)] == [jan_uid]

    # ---- traversal over filtered facts and visible entities
    sub = store.neighbourhood([jan_uid], ANALYST)
    assert karel_uid not in sub.entities and len(sub.links) == 2
    assert {link.props["party"] for link in store.neighbourhood([jan_uid]).links.values()} == {
        "POL",
        "OM",
    }
    assert store.neighbourhood([karel_uid], ANALYST).entities == {}  # a hidden seed gives nothing
    ego = store.ego([jan_uid], ANALYST, hops=2)
    assert len(ego.entities) == 3 and not ego.truncated
    assert store.ego([jan_uid], hops=2, max_nodes=2).truncated
    [ioana_uid] = store.uids_by_keys("Person", ["nd:ioana popescu|1999-07-01"])
    [phone_uid] = store.uids_by_keys("Phone", ["+31612345678"])
    path = store.shortest_path(ioana_uid, phone_uid)
    assert path is not None and len(path.links) == 2
    assert store.shortest_path(ioana_uid, karel_uid, ANALYST) is None
    assert store.shortest_path(ioana_uid, phone_uid, EdgeFilter(date_to="2024-01-03")) is None

    # ---- whole-graph tables
    edges, nodes = store.frames(ANALYST)
    assert len(edges) == 2 and set(nodes["uid"]) == {jan_uid, ioana_uid, phone_uid}
    row = nodes.set_index("uid").loc[jan_uid]
    assert row["parties"] == ["POL"] and row["name"] == "Jan de Vries"

    # ---- the export gate's known values hold every record's identifiers
    known = set(store.known_values())
    assert ("person", "Karel Geheim") in known and ("bsn", "111222333") in known

    # ---- record dates, delivery bookkeeping, undo of an incomplete delivery
    store.set_record_dates({"POL-1/P1": "2024-01-05"})
    jan = store.get(jan_uid, POL)
    assert jan is not None and {s.registered_at for s in jan.statements} == {"2024-01-05"}
    store.record_delivery("OM-1", {"party": "OM", "status": "loading"})
    assert store.deliveries_in_state("loading") == ["OM-1"]
    undone = store.discard_delivery("OM-1")
    assert (undone.facts, undone.records, undone.entities) == (1, 2, 1)  # Karel's node goes
    assert store.uids_by_keys("Person", ["nd:karel geheim|1970-01-01"]) == []
    jan = store.get(jan_uid)
    assert jan is not None and jan.parties == ["POL"]

    # ---- erasure and restriction keys
    store.add_tombstones(["h1", "h2"], request_id="SR-1", at="2026-01-01")
    assert store.tombstones() == {"h1": "SR-1", "h2": "SR-1"}
    store.add_restriction_keys(["h3"], request_id="SR-2", at="2026-01-01")
    store.drop_restriction_keys(["h3"])
    assert store.restriction_keys() == {}

    # ---- a failed batch leaves nothing
    orphan = uses("X/1", "no-such-person", "+31612345678", "POL", "WPG-10", "2024-01-01")
    before = store.count_nodes()
    with pytest.raises(StoreError):
        store.write_batch([phone("X/0", "+31699999999", "POL", "WPG-10")], [orphan])
    assert store.count_nodes() == before

    # ---- facts found by element id (a delivery's first load remembers its nodes' ids)
    ids: dict[tuple[str, str], str] = {}
    store.write_batch(
        [person("ID-1/P", "nd:id one|2000-01-01", "POL", "WPG-10", name="Id One")],
        [],
        new_records=True,
        node_ids=ids,
    )
    assert set(ids) == {("Person", "nd:id one|2000-01-01")}  # learned once committed
    store.write_batch(  # one end from the earlier batch (by id), one from this batch
        [phone("ID-1/T", "+31611110000", "POL", "WPG-10")],
        [uses("ID-1/L", "nd:id one|2000-01-01", "+31611110000", "POL", "WPG-10", "2024-02-01")],
        new_records=True,
        node_ids=ids,
    )
    assert ("Phone", "+31611110000") in ids
    [one_uid] = store.uids_by_keys("Person", ["nd:id one|2000-01-01"])
    [one_phone] = store.uids_by_keys("Phone", ["+31611110000"])
    links = store.neighbourhood([one_uid]).links.values()
    assert [(link.type, link.target) for link in links] == [("USES_PHONE", one_phone)]
    # an id that no longer names the node of that key (deleted meanwhile) matches nothing:
    # the batch fails on its count and writes nothing; a fact never lands on another node
    stale = {("Person", "nd:id one|2000-01-01"): ids[("Phone", "+31611110000")]}
    before = store.count_nodes()
    with pytest.raises(StoreError):
        store.write_batch(
            [phone("ID-2/T", "+31611112222", "POL", "WPG-10")],
            [uses("ID-2/L", "nd:id one|2000-01-01", "+31611112222", "POL", "WPG-10", "2024-02-02")],
            new_records=True,
            node_ids=stale,
        )
    assert store.count_nodes() == before
    assert len(stale) == 1  # a rolled-back batch teaches nothing

    # ---- a transaction that raises writes nothing
    def half(tx: Any) -> None:
        tx.run("MERGE (d:Delivery {delivery_id: $id}) SET d.status = 'x'", {"id": "TX-1"})
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        store.write_transaction(half)
    assert store.delivery("TX-1") is None

    # ---- orphans and clear
    assert store.delete_orphans([jan_uid]).total() == 0  # still supported
    store.clear()
    assert sum(store.count_nodes().values()) == 0 and store.count_records() == []
