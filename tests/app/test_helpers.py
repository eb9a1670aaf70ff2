"""The app's pure helpers: filters, capped merging, provenance rows, run tables, audit rows."""

from __future__ import annotations

import doctest
from datetime import date

import networkx as nx
import pandas as pd

import emm.app.helpers as helpers
from emm.graph.model import EdgeFilter, Entity, Link, Subgraph


def test_doctests():
    assert doctest.testmod(helpers).failed == 0


def test_an_empty_selection_means_all():
    assert helpers.edge_filter(parties=[], rel_types=None) == EdgeFilter()


def test_a_filter_survives_the_round_trip_through_a_working_set():
    flt = helpers.edge_filter(parties=["IND"], legal_bases=["WPG-10"], date_from=date(2024, 1, 1))
    assert helpers.filter_from_params(flt.params()) == flt
    assert "parties IND" in helpers.describe_filter(flt)


def sub(*uids: str, links: tuple[tuple[str, str], ...] = ()) -> Subgraph:
    s = Subgraph()
    for u in uids:
        s.add(Entity(u, "Person", {"uid": u, "caption": u}))
    for i, (a, b) in enumerate(links):
        s.add_link(
            Link(
                "KNOWS", a, b, {"source_ref": f"{a}{b}{i}", "party": "POL", "legal_basis": "WPG-10"}
            )
        )
    return s


def test_path_rows_follow_the_path_in_order():
    path = sub("a", "b", "c", links=(("b", "a"), ("b", "c")))
    rows = helpers.path_rows(path, "a", "c")
    assert [(r["from"], r["to"]) for r in rows] == [
        ("Person: a", "Person: b"),
        ("Person: b", "Person: c"),
    ]
    assert rows[0]["relationship"] == "← KNOWS"
    assert helpers.path_order(path, "a", "c") == ["a", "b", "c"]


def test_fact_rows_carry_provenance_both_directions():
    G = nx.MultiDiGraph()
    G.add_node("a", label="Person", caption="A")
    G.add_node("b", label="Phone", caption="B")
    G.add_edge(
        "a",
        "b",
        key="r1",
        type="USES_PHONE",
        party="POL",
        legal_basis="WPG-10",
        registered_at="2024-01-01",
    )
    [row] = helpers.fact_rows(G, "b")
    assert row["relationship"] == "← USES_PHONE" and row["source"] == "r1"
    assert row["party"] == "POL" and row["legal basis"] == "WPG-10"


def test_hits_are_placed_in_their_network():
    networks = [
        {"id": "N1", "rank": 1, "members": ["x", "y"]},
        {"id": "N2", "rank": 2, "members": ["y", "z"]},
    ]
    hits = [
        {
            "indicator_id": "i",
            "subject": "y",
            "value": 6,
            "threshold": 3,
            "evidence": ["r1", "r2"],
            "parties": ["POL"],
            "related": [],
        },
        {
            "indicator_id": "i",
            "subject": "q",
            "value": 3,
            "threshold": 3,
            "evidence": ["r3"],
            "parties": ["IND"],
            "related": [],
        },
    ]
    rows = helpers.hit_rows(hits, networks, {"i": "Indicator"})
    assert [r["network"] for r in rows] == ["N1", "—"]
    assert rows[0]["ratio"] == 2.0
    [summary] = helpers.network_hit_summary(hits, networks)
    assert summary["network"] == "N1" and summary["evidence facts"] == 2


def test_pending_candidates_leave_out_judged_pairs_either_way_round():
    cands = [{"a": "p", "b": "q", "score": 0.7}, {"a": "r", "b": "s", "score": 0.9}]
    assert [c["a"] for c in helpers.pending_candidates(cands, [("q", "p")])] == ["r"]


def test_recent_entries_are_the_users_newest_first():
    entries = [{"user": "u", "at": f"2026-01-0{i}T10:00", "action": f"a{i}"} for i in range(1, 6)]
    entries.insert(2, {"user": "other", "at": "2026-01-09", "action": "x"})
    rows = helpers.recent_entries(entries, user="u", n=2)
    assert [r["action"] for r in rows] == ["a5", "a4"]


def test_suppressed_cells_are_shown_as_below_the_minimum():
    table = pd.DataFrame({"2023": [12, pd.NA], "2024": [0, 4]}, index=["NL", "RO"])
    shown = helpers.table_for_display(table, [("RO", "2024")], 10)
    assert shown.loc["RO", "2023"] == "<10" and shown.loc["RO", "2024"] == "<10"
    assert shown.loc["NL", "2023"] == "12" and shown.loc["NL", "2024"] == "0"


def test_idle_limit_is_thirty_minutes():
    assert not helpers.idle_expired(1000.0, 1000.0 + 30 * 60)
    assert helpers.idle_expired(1000.0, 1000.0 + 30 * 60 + 1)


def test_when_an_entity_of_a_view_is_shown_then_only_its_fields_are_listed():
    from emm.graph.projection import to_networkx

    s = Subgraph()
    s.add(Entity("Address-1", "Address", {"street": "Kerkstraat", "house_number": "1"}))
    props = dict(to_networkx(s).nodes["Address-1"])
    assert "sources" in props  # the projection's per-value provenance, not a field
    shown = helpers.entity_properties(props)
    assert "sources" not in shown and "uid" not in shown
    assert shown["street"] == "Kerkstraat" and shown["house_number"] == "1"
