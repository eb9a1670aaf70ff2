"""Hub rules, edge weights and the CPM objective of detect_networks (detection.yaml)."""

from __future__ import annotations

import networkx as nx
import pytest
from analysis_builder import Builder

from emm.graph.analysis import (
    UnknownMethod,
    detect_networks,
    detection_explanation,
    detection_table,
    encode,
    find_hubs,
    to_frames,
)


def _cell(b: Builder, name: str, n: int, *, home: str | None = None) -> list[str]:
    """``n`` persons sharing one phone (a connected group), optionally living at ``home``."""
    people = b.persons(name, n)
    b.node(f"{name}-phone", "Phone", number=f"+316{len(name):08d}")
    for p in people:
        b.fact(p, "USES_PHONE", f"{name}-phone")
        if home:
            b.fact(p, "LIVES_AT", home)
    return people


def test_the_table_loads_and_explains_itself() -> None:
    t = detection_table()
    assert t["communities"]["objective"] == "CPM"
    assert 0 < t["communities"]["resolution"] < 0.01
    assert t["edge_weights"]["USES_PHONE"] > t["edge_weights"]["STAYED_AT"]
    assert t["edge_weights"]["STAYED_AT"] > t["edge_weights"]["CROSSED_BORDER"]
    assert set(t["hubs"]) >= {"labels", "degree", "venue_min_guests", "place_min_groups"}


def test_hotel_with_guests_from_two_groups_is_a_venue() -> None:
    """Two guests from different groups and nobody living there: a hotel, not a tie."""
    b = Builder()
    b.node("HOTEL", "Address", postcode="1000AA", house_number=1, city="Utrecht")
    a = _cell(b, "a", 3)
    c = _cell(b, "c", 3)
    b.fact(a[0], "STAYED_AT", "HOTEL", nights=1)
    b.fact(c[0], "STAYED_AT", "HOTEL", nights=2)
    assert find_hubs(b.G) == {"HOTEL": "venue"}


def test_home_with_one_connected_group_and_a_lone_resident_is_not_a_hub() -> None:
    b = Builder()
    b.node("HOME", "Address", postcode="1000AB", house_number=2, city="Breda")
    _cell(b, "v", 4, home="HOME")
    (lone,) = b.persons("lone", 1)
    b.fact(lone, "LIVES_AT", "HOME")
    b.node("S", "Signal", signal_id="S", phenomenon="sexual")
    b.fact("v1", "INVOLVED_IN", "S", role="victim")
    assert find_hubs(b.G) == {}
    (net,) = detect_networks(b.G, hits=[], min_size=3)
    assert lone in net.members and "HOME" in net.members


def test_reception_centre_with_unrelated_groups_is_a_shared_place() -> None:
    """Two families that are otherwise unconnected, both living at one address."""
    b = Builder()
    b.node("AZC", "Address", postcode="9561AA", house_number=3, city="Ter Apel")
    for fam in ("f", "g"):
        people = b.persons(fam, 3)
        for x, y in zip(people, people[1:], strict=False):
            b.fact(x, "FAMILY_OF", y, party="IND")
        for p in people:
            b.fact(p, "LIVES_AT", "AZC", party="IND")
    assert find_hubs(b.G) == {"AZC": "shared place"}
    assert find_hubs(b.G, place_min_groups=3) == {}


def test_workers_housed_by_their_employer_stay_one_group() -> None:
    b = Builder()
    b.node("CO", "Company", name="Flex B.V.", kvk="12345678")
    for house in ("H1", "H2"):
        b.node(house, "Address", postcode="5900AA", house_number=int(house[1]), city="Venlo")
        b.fact("CO", "LANDLORD_OF", house, party="ISZW")
    for i, w in enumerate(b.persons("w", 8)):
        b.fact(w, "EMPLOYED_BY", "CO", party="ISZW")
        b.fact(w, "LIVES_AT", "H1" if i % 2 else "H2", party="ISZW")
    assert find_hubs(b.G) == {}


def test_degree_and_label_hubs() -> None:
    b = Builder()
    b.node("BP", "BorderPost", name="Hazeldonk")
    b.node("PH", "Phone", number="+31600000000")
    for p in b.persons("x", 6):
        b.fact(p, "USES_PHONE", "PH")
        b.fact(p, "CROSSED_BORDER", "BP", party="KMAR")
    assert find_hubs(b.G, hub_degree=5) == {"BP": "label", "PH": "degree"}
    assert find_hubs(b.G) == {"BP": "label"}


def test_encode_sums_type_weights() -> None:
    b = Builder()
    b.node("H", "Address", postcode="1000AC", house_number=4, city="Delft")
    (p,) = b.persons("p", 1)
    b.fact(p, "STAYED_AT", "H")
    b.fact(p, "LIVES_AT", "H")
    edges, nodes = to_frames(b.G)
    assert encode(edges, nodes).weight.tolist() == [2.0]
    weighted = encode(edges, nodes, weights={"STAYED_AT": 0.2, "LIVES_AT": 0.8})
    assert weighted.weight.tolist() == pytest.approx([1.0])


def _two_groups_one_link(extra_components: int) -> nx.MultiDiGraph:
    """Two groups of 25 persons (a shared phone and a chain of associates each, each group
    flagged by its own signal), one ASSOCIATE_OF between them, and ``extra_components``
    unrelated 3-person chains elsewhere in the graph."""
    b = Builder()
    for name in ("a", "c"):
        people = _cell(b, name, 25)
        for x, y in zip(people, people[1:], strict=False):
            b.fact(x, "ASSOCIATE_OF", y)
        b.node(f"S{name}", "Signal", signal_id=f"S{name}", phenomenon="unknown")
        b.fact(people[0], "INVOLVED_IN", f"S{name}", role="suspect")
    b.fact("a1", "ASSOCIATE_OF", "c1")
    for k in range(extra_components):
        chain = b.persons(f"z{k}-", 3)
        b.fact(chain[0], "ASSOCIATE_OF", chain[1])
        b.fact(chain[1], "ASSOCIATE_OF", chain[2])
    return b.G


def _glued(nets: list) -> bool:
    return any({"a1", "c1"} <= set(n.persons) for n in nets)


@pytest.mark.parametrize("extra", [0, 5000])
def test_cpm_keeps_two_groups_apart_however_big_the_graph(extra: int) -> None:
    """CPM merges two groups only when the facts between them weigh more than resolution x
    n_A x n_B (here 0.002 x 27 x 27 = 1.5 > one fact); the rest of the graph does not matter."""
    nets = detect_networks(_two_groups_one_link(extra), hits=[])
    assert not _glued(nets)
    assert {"a1", "c1"} <= set().union(*(n.persons for n in nets))


def test_modularity_glues_them_once_the_graph_is_big() -> None:
    """Why CPM: modularity's resolution limit merges the same two groups once enough
    unrelated data is loaded (1/m > d_A d_B / 2m^2 for m ~ 10,000 facts)."""
    assert _glued(detect_networks(_two_groups_one_link(5000), hits=[], objective="modularity"))


def test_unknown_objective_is_refused() -> None:
    with pytest.raises(UnknownMethod):
        detect_networks(nx.MultiDiGraph(), hits=[], objective="infomap")  # type: ignore[arg-type]


def test_the_explanations_fill_in_the_table_values() -> None:
    en, hubs_en, *_ = detection_explanation("en")
    nl, hubs_nl, *_ = detection_explanation("nl")
    assert "0.002" in en and "0.002" in nl
    assert "BorderPost" in hubs_en and "300" in hubs_en and "BorderPost" in hubs_nl
