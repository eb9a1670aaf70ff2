"""filter_graph and expand: what the filter excludes never reaches a result."""

from __future__ import annotations

import copy
import random

import networkx as nx
import pytest
from analysis_builder import BASIS, Builder

from emm.graph.analysis import (
    InvalidFilter,
    NodeNotFound,
    communities,
    detect_networks,
    edge_passes,
    expand,
    filter_graph,
    key_players,
    rank_networks,
    run_indicators,
    same_person_candidates,
    to_frames,
    whole_graph_pass,
)


@pytest.fixture
def mixed() -> nx.MultiDiGraph:
    """A1 has 6 residents: w1..w4 by ISZW (2026), w5, w6 by IND (2025). p_ind is a person only
    IND asserted, linked by an ISZW fact to company C1 and by an IND fact to phone PH1.
    """
    b = Builder()
    b.node("A1", "Address", postcode="1234AB", house_number=1, city="Breda",
           parties=["ISZW", "IND"])  # fmt: skip
    for p in b.persons("w", 4, parties=["ISZW"]):
        b.fact(p, "LIVES_AT", "A1", party="ISZW", registered_at="2026-03-01")
    for p in ("w5", "w6"):
        b.node(p, "Person", name=f"Person {p}", parties=["IND"])
        b.fact(p, "REGISTERED_AT", "A1", party="IND", registered_at="2025-05-01")
    b.node("p_ind", "Person", name="Jan de Vries", birth_date="1990-01-02", parties=["IND"])
    b.node("p_pol", "Person", name="J. de Vries", birth_date="1990-01-02", parties=["ISZW"])
    b.fact("p_ind", "EMPLOYED_BY", "C1", party="ISZW", registered_at="2026-03-02")
    b.fact("p_pol", "EMPLOYED_BY", "C1", party="ISZW", registered_at="2026-03-02")
    b.G.nodes["C1"].update(label="Company", parties=["ISZW"], name="Uitzend BV")
    b.node("PH1", "Phone", number="+31611111111", parties=["IND"])
    b.fact("p_ind", "USES_PHONE", "PH1", party="IND", registered_at="2025-06-01")
    b.node("lonely", "Person", name="Lonely", parties=["IND"])
    b.node("lonely_pol", "Person", name="Lonely Too", parties=["ISZW"])
    return b.G


def test_party_filter_removes_facts_and_their_orphans(mixed) -> None:
    H = filter_graph(mixed, parties=["ISZW"])
    assert {d["party"] for _, _, d in H.edges(data=True)} == {"ISZW"}
    assert "PH1" not in H and "w5" not in H and "w6" not in H
    assert "lonely" not in H  # isolated, asserted only by an excluded party
    assert "lonely_pol" in H  # isolated but asserted by an allowed party
    assert H.nodes["A1"]["parties"] == ["ISZW"]


def test_node_asserted_only_by_excluded_party_is_redacted(mixed) -> None:
    H = filter_graph(mixed, parties=["ISZW"])
    assert H.nodes["p_ind"] == {"label": "Person", "parties": [], "caption": "Person",
                                "redacted": True}  # fmt: skip
    # so the IND-supplied name and birth date cannot produce a same-person candidate
    assert same_person_candidates(mixed, across_parties=False)
    assert same_person_candidates(H, across_parties=False) == []


def test_the_input_graph_is_not_modified(mixed) -> None:
    before = copy.deepcopy(mixed)
    H = filter_graph(mixed, parties=["ISZW"])
    H.nodes["A1"]["city"] = "changed"
    next(iter(H.edges(data=True)))[2]["party"] = "changed"
    assert nx.utils.graphs_equal(before, mixed)


def test_date_filter_is_inclusive_and_drops_undated_facts(mixed) -> None:
    G = mixed.copy()
    G.add_edge("w1", "PH1", key="undated", type="USES_PHONE", party="ISZW", legal_basis="WPG-9",
               source_ref="undated")  # fmt: skip
    H = filter_graph(G, date_from="2026-03-01", date_to="2026-03-01")
    assert sorted(k for *_, k in H.edges(keys=True)) == sorted(
        k for u, v, k, d in mixed.edges(keys=True, data=True) if d["registered_at"] == "2026-03-01"
    )
    assert "undated" in [k for *_, k in filter_graph(G).edges(keys=True)]


def test_legal_basis_and_rel_type_filters(mixed) -> None:
    H = filter_graph(mixed, legal_bases=["AVG-6-VW-107-4"])
    assert {d["party"] for *_, d in H.edges(data=True)} == {"IND"}
    H = filter_graph(mixed, rel_types=["USES_PHONE"])
    assert sorted(H.edges()) == [("p_ind", "PH1")]


def test_no_filter_keeps_everything(mixed) -> None:
    assert nx.utils.graphs_equal(filter_graph(mixed), mixed)


@pytest.mark.parametrize(
    "options",
    [
        {"parties": ["FBI"]},
        {"legal_bases": ["WPG-99"]},
        {"rel_types": ["KNOWS"]},
        {"date_from": "31-12-2026"},
        {"date_from": "2026-02-01", "date_to": "2026-01-01"},
        {"colour": "red"},
    ],
)
def test_invalid_filters_are_refused(mixed, options) -> None:
    with pytest.raises(InvalidFilter):
        filter_graph(mixed, **options)


def test_expand_counts_hops_in_the_filtered_graph(mixed) -> None:
    assert sorted(expand(mixed, ["PH1"], hops=1)) == ["PH1", "p_ind"]
    two = expand(mixed, ["PH1"], hops=2)
    assert sorted(two) == ["C1", "PH1", "p_ind"]
    assert sorted(expand(mixed, ["PH1"], hops=3)) == ["C1", "PH1", "p_ind", "p_pol"]
    # PH1 is reached only through an IND fact: without IND it is a seed left on its own
    alone = expand(mixed, ["PH1"], hops=2, parties=["ISZW"])
    assert list(alone) == ["PH1"] and alone.number_of_edges() == 0
    assert sorted(expand(mixed, ["w1"], hops=0)) == ["w1"]


def test_expand_errors(mixed) -> None:
    with pytest.raises(NodeNotFound):
        expand(mixed, ["nobody"])
    with pytest.raises(InvalidFilter):
        expand(mixed, ["w1"], hops=-1)


def test_edge_passes() -> None:
    fact = {"type": "LIVES_AT", "party": "IND", "legal_basis": "AVG-6-VW-107-4",
            "registered_at": "2026-01-05"}  # fmt: skip
    assert edge_passes(fact, parties=["IND"], date_to="2026-01-05")
    assert not edge_passes(fact, date_from="2026-01-06")


def test_what_the_filter_excludes_reaches_no_result(mixed) -> None:
    """Every downstream result on the filtered graph rests only on allowed facts."""
    allowed = {"ISZW"}
    allowed_refs = {k for *_, k, d in mixed.edges(keys=True, data=True) if d["party"] in allowed}
    H = filter_graph(mixed, parties=sorted(allowed))

    hits = run_indicators(H, thresholds={"address_many_unrelated": {"min_persons": 2}})
    assert hits, "the fixture should still fire on the ISZW facts"
    for h in hits:
        assert set(h.evidence) <= allowed_refs and set(h.parties) <= allowed
    on_a1 = [h for h in hits if h.indicator_id == "address_many_unrelated"]
    assert on_a1[0].value == 4  # w5, w6 (IND) are not counted

    nodes_left = set(H)
    assert {r["uid"] for r in key_players(H, top=None)} == nodes_left
    assert set().union(*communities(H)) == nodes_left
    nets = detect_networks(H, hits=hits, min_size=2)
    for net in nets:
        assert net.parties <= allowed and net.members <= nodes_left
    for score in rank_networks(nets, hits, now="2026-11-28"):
        assert "IND" not in " ".join(score.explanation)
    edges, nodes = to_frames(H)
    assert set(edges["source_ref"]) <= allowed_refs
    assert set(whole_graph_pass(edges, nodes).table["uid"]) == nodes_left


def test_random_graphs_only_keep_passing_facts() -> None:
    rng = random.Random(7)
    parties = list(BASIS)
    for _ in range(20):
        G = nx.MultiDiGraph()
        for i in range(30):
            G.add_node(i, label="Person", parties=[rng.choice(parties)])
        for j in range(60):
            party = rng.choice(parties)
            G.add_edge(rng.randrange(30), rng.randrange(30), key=f"r{j}", type="ASSOCIATE_OF",
                       party=party, legal_basis=BASIS[party],
                       registered_at=f"2026-0{rng.randint(1, 9)}-01")  # fmt: skip
        chosen = rng.sample(parties, 2)
        H = filter_graph(G, parties=chosen, date_from="2026-03-01")
        assert all(d["party"] in chosen and d["registered_at"] >= "2026-03-01"
                   for *_, d in H.edges(data=True))  # fmt: skip
        expected = {
            k for *_, k, d in G.edges(keys=True, data=True)
            if d["party"] in chosen and d["registered_at"] >= "2026-03-01"
        }  # fmt: skip
        assert {k for *_, k in H.edges(keys=True)} == expected
        for n in H:
            assert H.degree(n) > 0 or set(G.nodes[n]["parties"]) & set(chosen)
