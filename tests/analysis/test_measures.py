"""Centrality measures on small graphs with known answers."""

from __future__ import annotations

import networkx as nx
import pytest
from analysis_builder import Builder
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

from emm.graph.analysis import (
    UnknownMethod,
    brokers,
    components,
    eigenvector,
    key_players,
    pagerank,
    weighted_simple_graph,
)


def as_projection(H: nx.Graph) -> nx.MultiDiGraph:
    """A simple graph as projection: Person nodes, one ASSOCIATE_OF fact per edge."""
    b = Builder()
    for n in H:
        b.node(str(n), "Person", name=str(n))
    for u, v in H.edges():
        b.fact(str(u), "ASSOCIATE_OF", str(v))
    return b.G


def test_collapse_counts_parallel_facts_in_both_directions() -> None:
    b = Builder()
    b.node("p", "Person", name="P")
    b.node("a", "Address", city="X")
    b.fact("p", "LIVES_AT", "a", party="POL")
    b.fact("p", "LIVES_AT", "a", party="IND")
    b.fact("p", "REGISTERED_AT", "a", party="IND")
    b.fact("p", "ASSOCIATE_OF", "p")
    H = weighted_simple_graph(b.G)
    assert H["p"]["a"]["weight"] == 3 and not nx.number_of_selfloops(H)
    assert H.nodes["a"]["label"] == "Address"


def test_krackhardt_kite() -> None:
    """Krackhardt's kite: Diane (3) has the highest degree, Heather (7) the highest betweenness,
    Fernando (5) and Garth (6) the highest closeness; values as in networkx's docs."""
    G = as_projection(nx.krackhardt_kite_graph())
    by_bet = key_players(G, top=3)
    assert by_bet[0]["uid"] == "7" and by_bet[0]["betweenness"] == pytest.approx(0.3889, abs=1e-4)
    by_deg = key_players(G, top=1, by="degree")
    assert by_deg[0]["uid"] == "3" and by_deg[0]["degree"] == 6
    assert [r["rank"] for r in by_bet] == [1, 2, 3]


def test_pagerank_equals_networkx_reference() -> None:
    H = nx.gnm_random_graph(60, 150, seed=3)
    H.add_nodes_from([100, 101])  # dangling nodes
    for u, v in H.edges():
        H[u][v]["weight"] = 1 + (u * v) % 3
    ours = pagerank(H)
    ref = _pagerank_python(H, weight="weight", tol=1e-12, max_iter=1000)
    assert max(abs(ours[n] - ref[n]) for n in H) < 1e-9


def test_eigenvector_equals_networkx_on_a_connected_graph() -> None:
    H = nx.karate_club_graph()
    ours = eigenvector(H)
    ref = nx.eigenvector_centrality(H, weight="weight", tol=1e-12, max_iter=10000)
    assert max(abs(ours[n] - ref[n]) for n in H) < 1e-6


def test_eigenvector_on_bipartite_and_disconnected_graphs() -> None:
    star = nx.star_graph(4)  # bipartite: the plain power iteration oscillates
    ev = eigenvector(star)
    assert ev[0] == pytest.approx(2**-0.5) and ev[1] == pytest.approx(0.5 / 2**0.5)
    H = nx.disjoint_union(nx.complete_graph(3), nx.path_graph(2))
    H.add_node(99)
    ev = eigenvector(H)
    assert ev[99] == 0.0
    assert sum(x * x for x in ev.values()) == pytest.approx(5 / 6)  # the isolate has no share
    assert len({round(ev[i], 9) for i in range(3)}) == 1


def test_eigenvector_large_component_uses_power_iteration() -> None:
    H = nx.barabasi_albert_graph(1600, 2, seed=1)
    ours = eigenvector(H)
    ref = nx.eigenvector_centrality(H, tol=1e-10, max_iter=10000)
    assert max(abs(ours[n] - ref[n]) for n in H) < 1e-5


def test_key_players_handles_disconnected_and_empty_graphs() -> None:
    G = as_projection(nx.disjoint_union(nx.star_graph(3), nx.path_graph(3)))
    rows = key_players(G, top=None)
    assert len(rows) == 7 and rows[0]["uid"] == "0"
    assert key_players(nx.MultiDiGraph()) == []
    with pytest.raises(UnknownMethod):
        key_players(G, by="charisma")  # type: ignore[arg-type]


def test_sampled_betweenness_is_reproducible() -> None:
    G = as_projection(nx.gnm_random_graph(80, 200, seed=2))
    a = key_players(G, k=20, seed=5, top=None)
    b = key_players(G, k=20, seed=5, top=None)
    assert a == b


def test_components_ignore_direction_and_are_ordered() -> None:
    G = nx.MultiDiGraph([("b", "a"), ("c", "a"), ("y", "x"), ("q", "p")])
    G.add_node("z")
    assert components(G) == [{"a", "b", "c"}, {"p", "q"}, {"x", "y"}, {"z"}]


def test_brokers_bridge_communities() -> None:
    G = as_projection(nx.barbell_graph(4, 1))  # cliques 0-3 and 5-8 joined through 4
    comms = [{"0", "1", "2", "3"}, {"5", "6", "7", "8"}, {"4"}]
    rows = brokers(G, comms)
    assert [r["uid"] for r in rows] == ["4", "3", "5"]
    assert rows[0]["communities"] == [0, 1, 2] and rows[0]["community"] == 2
    assert rows[0]["betweenness"] > rows[1]["betweenness"] > 0
    assert [r["uid"] for r in brokers(G, comms, min_communities=3)] == ["4"]
    assert brokers(G, [set(G)]) == []
