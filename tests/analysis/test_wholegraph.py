"""whole_graph_pass (igraph) and detect_networks."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from analysis_builder import Builder

from emm.graph.analysis import (
    InvalidFrames,
    UnknownMethod,
    detect_networks,
    run_indicators,
    to_frames,
    whole_graph_pass,
)


def projection(H: nx.Graph) -> nx.MultiDiGraph:
    b = Builder()
    for n in H:
        b.node(f"n{n}", "Person", name=f"n{n}")
    for u, v in H.edges():
        b.fact(f"n{u}", "ASSOCIATE_OF", f"n{v}")
    return b.G


def test_result_table_shape_and_counts() -> None:
    b = Builder()
    b.node("p", "Person", name="P")
    b.node("a", "Address", city="X")
    b.node("iso", "Phone", number="1")
    b.fact("p", "LIVES_AT", "a")
    b.fact("p", "REGISTERED_AT", "a", party="IND")
    r = whole_graph_pass(*to_frames(b.G))
    t = r.table.set_index("uid")
    assert list(r.table.columns) == ["uid", "label", "degree", "facts", "component", "community",
                                     "pagerank", "betweenness"]  # fmt: skip
    assert t.loc["p", "degree"] == 1 and t.loc["p", "facts"] == 2
    assert t.loc["iso", "component"] == 1 and t.loc["iso", "label"] == "Phone"
    assert r.n_components == 2 and r.exact_betweenness
    assert r.table["pagerank"].sum() == pytest.approx(1.0)
    assert set(r.seconds) >= {"encode", "build", "components", "pagerank", "communities",
                              "betweenness"}  # fmt: skip


def test_exact_betweenness_equals_networkx() -> None:
    H = nx.gnm_random_graph(120, 300, seed=4)
    r = whole_graph_pass(*to_frames(projection(H)), betweenness_samples=0)
    ref = nx.betweenness_centrality(H, normalized=False)
    got = dict(zip(r.table["uid"], r.table["betweenness"], strict=True))
    for n in H:
        assert got[f"n{n}"] == pytest.approx(ref[n], abs=1e-9)


def test_sampled_betweenness_is_seeded_and_finds_the_brokers() -> None:
    H = nx.barabasi_albert_graph(1000, 2, seed=1)
    edges, nodes = to_frames(projection(H))
    exact = whole_graph_pass(edges, nodes, betweenness_samples=0)
    top_exact = set(exact.top("betweenness", 10)["uid"])
    for seed in range(3):
        a = whole_graph_pass(edges, nodes, betweenness_samples=100, seed=seed)
        assert a.betweenness_sources == 100 and not a.exact_betweenness
        # the estimate ranks: 9 of the exact top 10 are in the sampled top 15
        assert len(top_exact & set(a.top("betweenness", 15)["uid"])) >= 9
        total = exact.table["betweenness"].sum()
        assert a.table["betweenness"].sum() == pytest.approx(total, rel=0.1)  # unbiased
    again = whole_graph_pass(edges, nodes, betweenness_samples=100, seed=2)
    assert a.table["betweenness"].tolist() == again.table["betweenness"].tolist()


def test_edges_only_and_empty_input() -> None:
    e = pd.DataFrame({"src": ["a", "b"], "dst": ["b", "c"], "type": ["ASSOCIATE_OF"] * 2,
                      "party": ["POL"] * 2, "legal_basis": ["WPG-10"] * 2,
                      "registered_at": ["2026-01-01"] * 2})  # fmt: skip
    r = whole_graph_pass(e)
    assert r.table["uid"].tolist() == ["a", "b", "c"] and r.table["label"].isna().all()
    empty = whole_graph_pass(e.iloc[:0])
    assert len(empty.table) == 0 and empty.n_components == 0


def test_errors() -> None:
    with pytest.raises(InvalidFrames):
        whole_graph_pass(pd.DataFrame({"src": ["a"], "dst": ["b"]}))
    e, n = to_frames(projection(nx.path_graph(3)))
    with pytest.raises(UnknownMethod):
        whole_graph_pass(e, n, engine="networkit")  # type: ignore[arg-type]


def test_integer_coding_keeps_ids_of_any_type() -> None:
    r = whole_graph_pass(*to_frames(nx.MultiDiGraph(nx.path_graph(4))))
    assert r.table["uid"].tolist() == [0, 1, 2, 3]
    assert np.argmax(r.table["betweenness"]) in (1, 2)


# --------------------------------------------------------------------------------------------
# detect_networks
# --------------------------------------------------------------------------------------------


@pytest.fixture
def two_cells_one_border_post() -> nx.MultiDiGraph:
    """Cell A (a1..a4 at address AA, a1 suspect in signal S) and cell B (b1..b4 at address BB,
    nobody flagged) all cross at SCHIPHOL, and all stay once at the big HOTEL (12 guests).
    Expected with hub_degree=10: one network = cell A + AA (S is its case, not a member);
    SCHIPHOL and HOTEL are hubs.
    """
    b = Builder()
    b.node("SCHIPHOL", "BorderPost", name="SCHIPHOL", parties=["KMAR"])
    b.node("HOTEL", "Address", postcode="1118AA", house_number=1, city="Schiphol")
    b.node("S", "Signal", signal_id="S", phenomenon="sexual", reported_at="2026-09-01")
    for cell in ("a", "b"):
        b.node(cell.upper() * 2, "Address", postcode="1000AA", house_number=ord(cell), city="X")
        for p in b.persons(cell, 4):
            b.fact(p, "LIVES_AT", cell.upper() * 2, registered_at="2026-02-01")
            b.fact(p, "CROSSED_BORDER", "SCHIPHOL", party="KMAR", date="2026-03-01",
                   registered_at="2026-03-02")  # fmt: skip
            b.fact(p, "STAYED_AT", "HOTEL", nights=1, registered_at="2026-04-01")
        b.fact(f"{cell}1", "ASSOCIATE_OF", f"{cell}2", registered_at="2026-05-01")
    for p in b.persons("g", 4):
        b.fact(p, "STAYED_AT", "HOTEL", nights=1, registered_at="2026-04-01")
    b.fact("a1", "INVOLVED_IN", "S", role="suspect", party="POL", registered_at="2026-10-02")
    return b.G


def test_border_post_and_hotel_do_not_glue_cells(two_cells_one_border_post) -> None:
    nets = detect_networks(two_cells_one_border_post, hits=[], hub_degree=10)
    assert len(nets) == 1
    net = nets[0]
    assert net.id == "N0001"
    assert net.members == {"a1", "a2", "a3", "a4", "AA"} and net.cases == {"S"}
    assert net.persons == {"a1", "a2", "a3", "a4"} and net.flagged == {"a1"}
    assert net.hubs == {"SCHIPHOL", "HOTEL"}
    assert net.parties == {"POL", "KMAR"}  # KMAR via the crossings to the removed hub
    assert net.latest == "2026-10-02"
    assert net.n_facts == 4 + 4 + 4 + 1 + 1  # lives, crossings, stays, associate, involved


def test_persons_are_never_hubs(two_cells_one_border_post) -> None:
    G = two_cells_one_border_post.copy()
    b = Builder()
    b.G = G
    for p in b.persons("contact", 12):
        b.fact("a1", "ASSOCIATE_OF", p)  # a1 now has 12 + 4 neighbours > hub_degree
    nets = detect_networks(G, hits=[], hub_degree=10)
    assert any("a1" in n.members for n in nets)
    assert all(n.hubs == {"SCHIPHOL", "HOTEL"} for n in nets)


def test_indicator_hits_flag_a_network(two_cells_one_border_post) -> None:
    hits = run_indicators(two_cells_one_border_post,
                          thresholds={"address_many_unrelated": {"min_persons": 4}})  # fmt: skip
    assert {h.subject for h in hits if h.indicator_id == "address_many_unrelated"} == {"AA", "BB"}
    nets = detect_networks(two_cells_one_border_post, hits=hits, hub_degree=10)
    assert [sorted(n.persons) for n in nets] == [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"]]


def test_default_runs_the_indicators_and_is_deterministic(two_cells_one_border_post) -> None:
    first = detect_networks(two_cells_one_border_post, hub_degree=10, seed=7)
    assert first == detect_networks(two_cells_one_border_post, hub_degree=10, seed=7)
    # a1..a4 and b1..b4 are each known to POL and KMAR: multi_agency flags both cells
    assert len(first) == 2


def test_min_size_and_frames_input(two_cells_one_border_post) -> None:
    frames = to_frames(two_cells_one_border_post)
    assert detect_networks(frames, hits=[], hub_degree=10, min_size=6) == []
    assert len(detect_networks(frames, hits=[], hub_degree=10, min_size=5)) == 1
    assert detect_networks(frames, hits=[], hub_degree=10, min_persons=5) == []
