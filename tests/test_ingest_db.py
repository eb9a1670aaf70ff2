"""Ingest into the real local database, on hand-made deliveries with hand-checked answers.

Fixture ``POL-T1`` (CSV, cp1252, ``;``, dd-mm-jjjj): 12 entity rows (7 good), 13 link rows
(7 good). Fixture ``IND-T1`` (JSON Lines): 5 entity rows, of which 3 merge into POL's nodes
(same BSN, same name + birth date, same phone in another spelling), 4 link rows (1 unparsable).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from emm.graph.model import EdgeFilter, EdgeRow, NodeRow
from emm.graph.projection import to_networkx
from emm.graph.search import find
from emm.graph.store import GraphStore, StoreError
from emm.ingest.pipeline import ingest_delivery, ingest_folder

pytestmark = pytest.mark.db

DELIVERIES = Path(__file__).parent / "fixtures" / "deliveries"
EXPECTED_NODES = {
    "Person": 4,
    "Address": 1,
    "Phone": 1,
    "BankAccount": 1,
    "Signal": 1,
    "IdentityDocument": 1,
}


def load_fixtures(store: GraphStore, out_dir: Path, **kw: object) -> list:
    return ingest_folder(DELIVERIES, store, out_dir=out_dir, **kw)  # type: ignore[arg-type]


def nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def total_edges(store: GraphStore) -> int:
    return sum(r["n"] for r in store.count_edges())


def test_when_fixtures_are_ingested_then_counts_match_hand_check(store, out_dir):
    ind, pol = load_fixtures(store, out_dir)
    assert (pol.read, pol.loaded, pol.quarantined) == (25, 14, 11)
    assert (ind.read, ind.loaded, ind.quarantined) == (9, 8, 1)
    assert nonzero(store.count_nodes()) == EXPECTED_NODES
    assert total_edges(store) == 10
    # POL came second: its P1 (BSN), P2 (name + birth date) and T1 (phone) merged into IND's
    assert pol.per_type["Person"].merged == 2
    assert pol.per_type["Phone"].merged == 1
    assert pol.balanced() and ind.balanced()


def test_when_reingested_then_nothing_changes(store, out_dir):
    load_fixtures(store, out_dir)
    nodes, edges = store.count_nodes(), store.count_edges()
    again = load_fixtures(store, out_dir)
    assert all(r.status == "already loaded" for r in again)
    forced = load_fixtures(store, out_dir, force=True)
    assert all(r.status == "complete" for r in forced)
    assert store.count_nodes() == nodes
    assert sorted(store.count_edges(), key=str) == sorted(edges, key=str)


def test_every_relationship_has_party_basis_source_and_registration(store, out_dir):
    load_fixtures(store, out_dir)
    assert store.edges_missing_provenance() == 0
    G = to_networkx(store.ego([find(store, "111222333")[0].uid], hops=3))
    assert G.number_of_edges() == 10
    for _, _, data in G.edges(data=True):
        assert {"party", "legal_basis", "source_ref", "registered_at"} <= data.keys()


def test_when_two_parties_describe_one_person_then_each_value_keeps_its_source(store, out_dir):
    load_fixtures(store, out_dir)
    [person] = find(store, "111.222.333")
    assert sorted(person.parties) == ["IND", "POL"]
    names = {value: sorted(s.party for s in stmts) for value, stmts in person.sources("name")}
    assert names == {"J. de Vries": ["IND"], "Jan de Vries": ["POL"]}
    assert all(s.source_ref.split("/")[0] in ("IND-T1", "POL-T1") for s in person.statements)
    # A reader of IND facts only sees IND's values, and "known to" says IND only.
    [ind_view] = find(store, "111.222.333", EdgeFilter(parties=frozenset({"IND"})))
    assert ind_view.values("name") == ["J. de Vries"] and ind_view.parties == ["IND"]
    [phone] = find(store, "0612345678")
    assert phone.props["number"] == "+31612345678"
    assert sorted(phone.parties) == ["IND", "POL"]


def test_injection_strings_are_stored_as_data(store, out_dir):
    load_fixtures(store, out_dir)
    [robert] = [e for e in store.search_text("robert") if e.label == "Person"]
    assert robert.props["name"] == 'Robert"); MATCH (n) DETACH DELETE n; //\\ \U0001f600 `x`'
    assert nonzero(store.count_nodes()) == EXPECTED_NODES


def test_large_and_hostile_text_round_trips(store, out_dir, tmp_path):
    # (a tab, not a line break: a line break in a value is a control character, quarantined)
    hostile = ('\'; DROP "x" \\ \t RETURN 1 // }) MERGE (n) ' + "\U0001f4a9" * 3) * 2000
    hostile = hostile[:100_000]
    folder = tmp_path / "POL-BIG"
    folder.mkdir()
    (folder / "manifest.json").write_text(
        json.dumps(
            {
                "delivery_id": "POL-BIG",
                "party": "POL",
                "legal_basis": "WPG-10",
                "delivered_at": "2026-11-01T09:30:00+01:00",
                "files": [{"path": "e.jsonl", "kind": "entities"}],
            }
        )
    )
    (folder / "e.jsonl").write_text(
        json.dumps(
            {
                "record_id": "S",
                "type": "Signal",
                "signal_id": "BIG-1",
                "phenomenon": "labour",
                "reported_at": "2024-01-01",
                "summary": hostile,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    report = ingest_delivery(folder, store, out_dir=out_dir)
    assert report.loaded == 1
    [signal] = store.by_keys("Signal", ["POL|BIG-1"])
    assert signal.props["summary"] == hostile.strip()


def test_failed_batch_leaves_the_graph_as_it_was(store):
    good = NodeRow("Phone", "+31611111111", "POL", {"number": "+31611111111"}, "X/0", "WPG-10")
    orphan = EdgeRow(
        "USES_PHONE",
        "Person",
        "no-such-person",
        "Phone",
        "+31611111111",
        "X/1",
        {
            "party": "POL",
            "legal_basis": "WPG-10",
            "source_ref": "X/1",
            "registered_at": "2024-01-01",
        },
    )
    with pytest.raises(StoreError):
        store.write_batch([good], [orphan])
    assert sum(store.count_nodes().values()) == 0


def test_delivery_failing_midway_is_undone_and_can_simply_be_run_again(store, out_dir, monkeypatch):
    calls = {"n": 0}
    real = GraphStore.write_batch

    def flaky(self, nodes, edges, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise ConnectionError("database went away")
        return real(self, nodes, edges, **kw)

    monkeypatch.setattr(GraphStore, "write_batch", flaky)
    with pytest.raises(ConnectionError):
        ingest_delivery(DELIVERIES / "POL-T1", store, out_dir=out_dir, batch_size=2)
    # The failed delivery was undone: nothing of it is in the graph, not even its bookkeeping.
    assert store.delivery_status("POL-T1") is None
    assert sum(store.count_nodes().values()) == 0 and total_edges(store) == 0
    monkeypatch.setattr(GraphStore, "write_batch", real)
    report = ingest_delivery(DELIVERIES / "POL-T1", store, out_dir=out_dir, batch_size=2)
    assert report.status == "complete" and report.loaded == 14
    assert total_edges(store) == 7


def test_quarantine_names_file_row_field_and_reason(store, out_dir):
    load_fixtures(store, out_dir)
    lines = [
        json.loads(x)
        for x in (out_dir / "quarantine" / "POL-T1.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    where = {(q["file"], q["row"], q["field"]) for q in lines}
    assert ("entities.csv", 8, "bsn") in where
    assert ("links.csv", 10, "legal_basis") in where
    assert ("links.csv", 12, "registered_at") in where
    assert len(lines) == 11
    assert all(q["reason"] for q in lines)
    report = json.loads((out_dir / "reports" / "POL-T1.json").read_text())
    assert report["totals"] == {"read": 25, "loaded": 14, "merged": 3, "quarantined": 11}


@pytest.mark.parametrize(
    "query, label",
    [
        ("06 12345678", "Phone"),
        ("+31612345678", "Phone"),
        ("111 222 333", "Person"),
        ("NL91ABNA0417164300", "BankAccount"),
        ("1234 AB 12a", "Address"),
        ("de vries", "Person"),
        ("popescu", "Person"),
        ("S-001", "Signal"),
    ],
)
def test_search_finds_identifiers_in_any_spelling(store, out_dir, query, label):
    load_fixtures(store, out_dir)
    assert label in {e.label for e in find(store, query)}


def test_search_without_match_returns_nothing(store, out_dir):
    load_fixtures(store, out_dir)
    assert find(store, "0687654321") == []
    assert find(store, "zzzz-no-such-name") == []


def test_filters_exclude_facts_everywhere(store, out_dir):
    load_fixtures(store, out_dir)
    [jan] = find(store, "111222333")
    only_ind = EdgeFilter(parties=frozenset({"IND"}))
    sub = store.neighbourhood([jan.uid], only_ind)
    assert {link.props["party"] for link in sub.links.values()} == {"IND"}
    assert len(sub.links) == 2  # USES_PHONE and ASSOCIATE_OF from IND
    ego = to_networkx(store.ego([jan.uid], EdgeFilter(date_to="2023-12-31"), hops=3))
    assert all(d["registered_at"] <= "2023-12-31" for *_, d in ego.edges(data=True))
    assert store.count_edges(EdgeFilter(legal_bases=frozenset({"WPG-9"})))[0]["n"] == 1


def test_shortest_path_respects_the_filter(store, out_dir):
    load_fixtures(store, out_dir)
    [ioana] = find(store, "popescu")
    [doc] = store.by_keys("IdentityDocument", ["passport|RO|AB123456"])
    [jan] = find(store, "111222333")
    path = store.shortest_path(jan.uid, doc.uid)
    # Jan -> (Address or Signal) -> Ioana -> passport: three facts
    assert path is not None and len(path.links) == 3
    assert ioana.uid in path.entities
    assert store.shortest_path(jan.uid, doc.uid, EdgeFilter(parties=frozenset({"POL"}))) is None


def test_clean_copy_of_fixture_folder_is_not_modified(tmp_path, store, out_dir):
    copy = tmp_path / "d"
    shutil.copytree(DELIVERIES, copy)
    before = {p.name: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    load_fixtures(store, out_dir)
    ingest_folder(copy, store, out_dir=out_dir, force=True)
    assert {p.name: p.read_bytes() for p in copy.rglob("*") if p.is_file()} == before


def _record_dates(store: GraphStore) -> dict[str, str | None]:
    _, nodes = store.frames()
    entities = store.entities(list(nodes["uid"]))
    return {s.source_ref: s.registered_at for e in entities.values() for s in e.statements}


def test_when_a_delivery_spans_many_transactions_then_record_dates_are_those_of_one(
    store, out_dir, tmp_path
):
    # batch_size 5000: each delivery is one transaction and its records take their retention
    # date before they are sent; batch_size 1 and 3: most records are written before their
    # facts are read, and updated in the delivery's last transaction.
    runs = {}
    for size in (5000, 3, 1):
        store.clear()
        load_fixtures(store, tmp_path / str(size), batch_size=size)
        runs[size] = _record_dates(store)
    assert runs[3] == runs[5000] and runs[1] == runs[5000]
    # dates are the facts' (not all the delivery date): the clock follows the latest fact
    assert len(set(runs[5000].values())) > 2
