"""Community detection: seeded determinism, planted partitions, methods."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from emm.graph.analysis import UnknownMethod, communities


def planted(seed: int) -> tuple[nx.Graph, list[set[int]]]:
    """Four groups of 25 nodes, dense inside (p=0.3), sparse between (p=0.01)."""
    G = nx.planted_partition_graph(4, 25, 0.3, 0.01, seed=seed)
    truth = [set(range(i * 25, (i + 1) * 25)) for i in range(4)]
    return G, truth


def as_multi(G: nx.Graph) -> nx.MultiDiGraph:
    M = nx.MultiDiGraph()
    M.add_nodes_from((n, {"label": "Person"}) for n in G)
    for i, (u, v) in enumerate(G.edges()):
        M.add_edge(u, v, key=f"r{i}", type="ASSOCIATE_OF", party="POL")
    return M


@pytest.mark.parametrize("method", ["louvain", "leiden"])
def test_same_seed_same_partition(method) -> None:
    G = as_multi(nx.gnm_random_graph(300, 900, seed=11))
    first = communities(G, method=method, seed=42)
    for _ in range(3):
        assert communities(G, method=method, seed=42) == first


@pytest.mark.parametrize("method", ["louvain", "leiden"])
def test_seeded_leiden_does_not_disturb_the_global_random_state(method) -> None:
    random.seed(1)
    expected = random.random()
    random.seed(1)
    communities(as_multi(nx.gnm_random_graph(50, 100, seed=1)), method=method, seed=3)
    assert random.random() == expected


@pytest.mark.parametrize("method", ["louvain", "leiden"])
def test_planted_partition_is_recovered(method) -> None:
    G, truth = planted(seed=5)
    found = communities(as_multi(G), method=method, seed=0)
    assert {frozenset(c) for c in found} == {frozenset(c) for c in truth}


def test_communities_are_ordered_and_cover_isolates() -> None:
    G = as_multi(nx.barbell_graph(5, 0))
    G.add_node("iso")
    found = communities(G, method="leiden", seed=0)
    assert [len(c) for c in found] == [5, 5, 1] and found[0] == {0, 1, 2, 3, 4}
    assert found[2] == {"iso"}


def test_parallel_facts_weigh_in() -> None:
    """A path a-b-c-d: with many facts on a-b and c-d, those pairs are the communities."""
    M = nx.MultiDiGraph()
    for i in range(6):
        M.add_edge("a", "b", key=f"ab{i}")
        M.add_edge("c", "d", key=f"cd{i}")
    M.add_edge("b", "c", key="bc")
    M.add_edge("d", "e", key="de")
    M.add_edge("e", "a", key="ea")
    for method in ("louvain", "leiden"):
        found = communities(M, method=method, seed=0)
        assert any({"a", "b"} <= c for c in found) and any({"c", "d"} <= c for c in found)


def test_resolution_controls_granularity() -> None:
    G = as_multi(nx.karate_club_graph())
    fine = communities(G, method="leiden", resolution=1.0, seed=0)
    coarse = communities(G, method="leiden", resolution=0.5, seed=0)
    assert len(coarse) < len(fine)


def test_unknown_method() -> None:
    with pytest.raises(UnknownMethod):
        communities(nx.MultiDiGraph(), method="girvan")  # type: ignore[arg-type]
