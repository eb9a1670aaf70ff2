"""``write_batch`` sends rows as column lists: the same graph as one map per row would give;
batches written on the background thread are counted as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from emm.graph.model import EdgeRow, NodeRow
from emm.graph.store import GraphStore, StoreError
from emm.ingest.pipeline import ingest_folder

pytestmark = pytest.mark.db

DELIVERIES = Path(__file__).parent / "fixtures" / "deliveries"


def person(key: str, party: str, ref: str, **props: str) -> NodeRow:
    basis = "AVG-6-VW-107-4" if party == "IND" else "WPG-10"
    props = {"caption": props.get("name", "?"), **props}
    return NodeRow("Person", key, party, props, ref, basis, "2024-01-01")


def stayed_at(ref: str, person_key: str, address_key: str, **props: str) -> EdgeRow:
    base = {"party": "POL", "legal_basis": "WPG-10", "registered_at": "2024-01-01"}
    return EdgeRow(
        "STAYED_AT", "Person", person_key, "Address", address_key, ref, {**base, **props}
    )


ADDRESS = NodeRow(
    "Address",
    "1234AB|1|",
    "POL",
    {"postcode": "1234AB", "house_number": "1", "caption": "1, 1234AB"},
    "D/A1",
    "WPG-10",
    "2024-01-01",
)


def test_missing_values_store_nothing_and_each_record_keeps_its_own(store: GraphStore):
    first = store.write_batch(
        [
            person("bsn:111222333", "POL", "D1/P1", name="Jan", bsn="111222333"),
            person("bsn:111222333", "IND", "D2/P1", name="J. Other", birth_date="1990-02-01"),
            person("nd:x", "POL", "D1/P2", name="X"),
        ],
        [],
    )
    assert first.per_label_created == {"Person": 2}
    assert (first.nodes_created, first.nodes_merged) == (2, 1)
    [jan] = store.by_keys("Person", ["bsn:111222333"])
    names = {v: sorted(s.party for s in stmts) for v, stmts in jan.sources("name")}
    assert names == {"Jan": ["POL"], "J. Other": ["IND"]}  # nothing re-attributed
    assert [s.party for s in jan.statements if s.prop == "birth_date"] == ["IND"]
    assert sorted(jan.parties) == ["IND", "POL"]
    [x] = store.by_keys("Person", ["nd:x"])
    assert "bsn" not in x.props and "birth_date" not in x.props  # no null properties
    again = store.write_batch([person("nd:x", "POL", "D1/P2", name="X")], [])
    assert again.per_label_created == {"Person": 0}
    [x2] = store.by_keys("Person", ["nd:x"])
    assert x2.parties == ["POL"] and x2.uid == x.uid


def test_a_record_without_its_source_is_refused(store: GraphStore):
    bare = NodeRow("Phone", "+31611111111", "POL", {"number": "+31611111111"})
    with pytest.raises(StoreError, match="source_ref"):
        store.write_batch([bare], [])
    assert sum(store.count_nodes().values()) == 0


def test_edges_merge_on_source_ref_and_rewrite_is_idempotent(store: GraphStore):
    nodes = [ADDRESS, person("bsn:111222333", "POL", "D/P1", name="Jan", bsn="111222333")]
    edges = [
        stayed_at("D/1", "bsn:111222333", "1234AB|1|"),
        stayed_at("D/2", "bsn:111222333", "1234AB|1|", date="2020-01-01"),
    ]
    assert store.write_batch(nodes, edges).edges_written == 2
    assert store.write_batch(nodes, edges).edges_written == 2
    counts = store.count_edges()
    assert [(c["type"], c["n"]) for c in counts] == [("STAYED_AT", 2)]
    [jan] = store.by_keys("Person", ["bsn:111222333"])
    sub = store.neighbourhood([jan.uid])
    props = {link.source_ref: link.props for link in sub.links.values()}
    assert props["D/2"]["date"] == "2020-01-01"
    assert "date" not in props["D/1"]
    assert store.edges_missing_provenance() == 0


def test_properties_outside_the_schema_are_refused_before_writing(store: GraphStore):
    bad = NodeRow(
        "Phone", "+31611111111", "POL", {"number": "+31611111111", "uid": "mine"}, "D/T1", "WPG-10"
    )
    with pytest.raises(StoreError, match="outside the schema"):
        store.write_batch([bad], [])
    edge = stayed_at("D/1", "k", "1234AB|1|", colour="red")
    with pytest.raises(StoreError, match="outside the schema"):
        store.write_batch([ADDRESS], [edge])
    assert sum(store.count_nodes().values()) == 0


def test_batches_written_in_the_background_are_counted_per_file(store: GraphStore, tmp_path):
    dry = ingest_folder(DELIVERIES, None, out_dir=tmp_path / "dry")
    loaded = ingest_folder(DELIVERIES, store, out_dir=tmp_path / "db", batch_size=3)
    for a, b in zip(dry, loaded, strict=True):
        assert b.status == "complete" and b.balanced()
        assert (a.read, a.loaded, a.quarantined) == (b.read, b.loaded, b.quarantined)
        assert a.files == b.files
        assert all(f["read"] == f["loaded"] + f["quarantined"] for f in b.files)
