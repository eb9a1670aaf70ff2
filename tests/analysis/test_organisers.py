"""organisers(): role- and money-based ranking of a network's persons; evaluation helpers."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from analysis_builder import Builder

from emm.graph.analysis import (
    InvalidThreshold,
    Network,
    detect_networks,
    organiser_table,
    organisers,
    to_frames,
)
from emm.graph.analysis.evaluate import (
    ResolvedScenario,
    ResolvedTruth,
    score_networks,
    score_same_person,
)


@pytest.fixture
def exploitation_cell() -> nx.MultiDiGraph:
    """A sexual-exploitation cell: BOSS (suspect) holds ACC, which pays for the ads of three
    victims; the victims share the phone PH (also in the ads) and live at HOME, which makes the
    victims' phone and home the most central entities. HELPER is a suspect too and uses PH."""
    b = Builder()
    b.node("S", "Signal", signal_id="S", phenomenon="sexual")
    b.node("BOSS", "Person", name="Boss")
    b.node("HELPER", "Person", name="Helper")
    b.node("ACC", "BankAccount", iban="NL00BANK0123456789")
    b.node("PH", "Phone", number="+31612345678")
    b.node("HOME", "Address", postcode="1000AA", house_number=1, city="Utrecht")
    victims = b.persons("v", 3)
    b.fact("BOSS", "HOLDS_ACCOUNT", "ACC")
    b.fact("BOSS", "INVOLVED_IN", "S", role="suspect")
    b.fact("HELPER", "INVOLVED_IN", "S", role="suspect")
    b.fact("HELPER", "USES_PHONE", "PH")
    for i, v in enumerate(victims):
        ad = f"AD{i}"
        b.node(ad, "Advertisement", platform="x", ad_id=str(i))
        b.fact(ad, "ADVERTISES", v)
        b.fact(ad, "ADVERTISED_WITH", "PH")
        b.fact("ACC", "PAID_FOR", ad, amount=50.0)
        b.fact(v, "USES_PHONE", "PH")
        b.fact(v, "LIVES_AT", "HOME")
        b.fact(v, "INVOLVED_IN", "S", role="victim")
    return b.G


def test_the_organiser_is_found_by_role_and_money(exploitation_cell) -> None:
    (net,) = detect_networks(exploitation_cell, hits=[])
    ranked = organisers(net, exploitation_cell)
    assert [s.uid for s in ranked[:2]] == ["BOSS", "HELPER"]
    assert [s.rank for s in ranked] == list(range(1, len(ranked) + 1))
    boss = ranked[0]
    assert boss.values["pays_for_others"] == 3 and boss.values["suspect"] == 1
    assert boss.components["pays_for_others"] == pytest.approx(3.0 * math.log(4) / math.log(21))
    assert boss.explanation[0].startswith("pays for 3")
    assert all(s.score < 0 for s in ranked if s.uid.startswith("v"))


def test_betweenness_alone_would_not_find_the_organiser(exploitation_cell) -> None:
    only_centrality = {k: 0.0 for k in organiser_table() if k != "brokerage"}
    (net,) = detect_networks(exploitation_cell, hits=[])
    ranked = organisers(net, exploitation_cell, weights=only_centrality)
    # the persons are linked through the shared phone and account, not through each other:
    # brokerage among persons says nothing here; the roles do
    assert all(s.score == 0 for s in ranked)


def test_money_in_wages_of_others_and_director(exploitation_cell) -> None:
    G = exploitation_cell
    b = Builder()
    b.G = G
    b.node("CO", "Company", name="Agency", kvk="1")
    b.node("CACC", "BankAccount")
    b.fact("HELPER", "DIRECTOR_OF", "CO")
    b.fact("CO", "HOLDS_ACCOUNT", "CACC")
    b.fact("v1", "EMPLOYED_BY", "CO")
    for k in range(4):
        b.fact("CACC", "PAYMENT", "ACC", amount=100.0 + k, ref=f"PAY-{k}")
    ranked = {s.uid: s for s in organisers(set(G), G)}
    assert ranked["BOSS"].values["receives_money"] == 1  # one paying account, four payments
    assert ranked["BOSS"].values["collects_wages"] == 4  # BOSS is not employed by CO
    assert ranked["HELPER"].values["employs"] == 1
    assert "directs the employer of 1" in " ".join(ranked["HELPER"].explanation)


def test_member_set_and_frames_and_dutch(exploitation_cell) -> None:
    members = set(exploitation_cell)
    top = organisers(members, to_frames(exploitation_cell), top=1, lang="nl")
    assert top[0].uid == "BOSS" and top[0].explanation[0].startswith("betaalt voor 3")
    assert organisers({"ACC", "PH"}, exploitation_cell) == []


def test_unknown_weight_is_refused(exploitation_cell) -> None:
    with pytest.raises(InvalidThreshold):
        organisers(set(exploitation_cell), exploitation_cell, weights={"charisma": 1})


def test_table_weights_and_order() -> None:
    table = organiser_table()
    assert table["victim"]["weight"] < 0 < table["suspect"]["weight"]
    assert all(row["saturation"] > 0 for row in table.values())
    assert all("{value" in row["explanation_en"] for row in table.values())


# --------------------------------------------------------------------------------------------
# evaluation helpers (emm.graph.analysis.evaluate) on hand-made truth
# --------------------------------------------------------------------------------------------


def test_score_networks_counts_same_person_records_as_members(exploitation_cell) -> None:
    (net,) = detect_networks(exploitation_cell, hits=[])
    truth = ResolvedTruth(
        scenarios=[
            ResolvedScenario(
                "sexual-0001", "sexual", frozenset({"BOSS", "v1", "v2"}), frozenset({"BOSS"}), 3
            )
        ],
        pairs=[("v2", "v3")],  # v3 is another party's record of v2
        same={"v2": frozenset({"v2", "v3"}), "v3": frozenset({"v2", "v3"})},
    )
    result = score_networks(truth, [net], (to_frames(exploitation_cell)[0], None))
    row = result["per_type"]["sexual"]
    assert row["recall"] == 1.0
    # persons BOSS, HELPER, v1 and v2 (= v3, one person with two records): HELPER is not planted
    assert row["precision"] == pytest.approx(3 / 4)
    assert row["organiser_identification"] == 1.0
    assert result["scenarios"][0]["top_persons"][0] == "BOSS"


def test_score_same_person() -> None:
    truth = ResolvedTruth(
        scenarios=[],
        pairs=[("a", "b"), ("c", "c"), ("d", None), ("e", "f")],
        same={x: frozenset(g) for g in ({"a", "b"}, {"e", "f"}) for x in g},
    )
    result = score_same_person(truth, [("b", "a"), ("a", "x")])
    assert (result["merged"], result["found"], result["missed"]) == (1, 1, 1)
    assert result["unresolved"] == 1
    assert result["recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["precision"] == 0.5 and result["wrong_pairs"] == [("a", "x")]
    assert result["missed_pairs"] == [("e", "f")]


def test_network_dataclass_is_what_organisers_reads() -> None:
    net = Network("N1", frozenset({"p"}), frozenset({"p"}), frozenset(), frozenset(), None, 0)
    G = nx.MultiDiGraph()
    G.add_node("p", label="Person")
    assert [s.uid for s in organisers(net, G)] == ["p"]


# --------------------------------------------------------------------------------------------
# roles in the exploitation, not registrations (issue 14)
# --------------------------------------------------------------------------------------------


def _payer_and_suspects(extra_members: int = 0) -> tuple[nx.MultiDiGraph, set[str]]:
    """PAYER is never named; he pays for 21 advertisements and rooms and receives the victims'
    earnings. H1 and H2 are registered as suspects twice; two minors are suspects of
    shoplifting."""
    b = Builder()
    b.node("PAYER", "Person", name="Payer")
    b.node("ACC", "BankAccount", iban="NL00PAYR0000000001")
    b.fact("PAYER", "HOLDS_ACCOUNT", "ACC")
    for h in ("H1", "H2"):
        b.node(h, "Person", name=h)
        for s in ("S1", "S2"):
            b.fact(h, "INVOLVED_IN", s, role="suspect")
    for m in ("M1", "M2"):
        b.node(m, "Person", name=m, birth_date="2010-05-01")
        for k in range(3):
            b.fact(m, "INVOLVED_IN", f"SHOP-{m}-{k}", role="suspect", registered_at="2026-01-10")
    for i in range(21):
        b.node(f"AD{i}", "Advertisement", platform="x", ad_id=str(i))
        b.fact("ACC", "PAID_FOR", f"AD{i}", amount=40.0)
    for v in b.persons("v", 5):
        b.node(f"{v}-acc", "BankAccount")
        b.fact(v, "HOLDS_ACCOUNT", f"{v}-acc")
        b.fact(f"{v}-acc", "PAYMENT", "ACC", amount=300.0)
        b.fact(f"AD{int(v[1:])}", "ADVERTISES", v)
    for x in b.persons("x", extra_members):
        b.fact(x, "ASSOCIATE_OF", "H1")
    for n in b.G:
        if n.startswith(("S1", "S2", "SHOP")):
            b.G.nodes[n]["label"] = "Signal"
    members = {n for n in b.G if not n.startswith(("S1", "S2", "SHOP"))}
    return b.G, members


def test_the_controller_who_only_pays_outranks_registered_suspects() -> None:
    G, members = _payer_and_suspects()
    ranked = organisers(members, G)
    assert ranked[0].uid == "PAYER"
    assert ranked[0].values["pays_for_others"] == 21 and ranked[0].values["receives_money"] == 5
    minors = {s.uid: s for s in ranked if s.uid in ("M1", "M2")}
    assert all(s.values["minor"] == 15 and s.score < 0.5 for s in minors.values())


def test_scores_are_comparable_across_networks() -> None:
    small, m_small = _payer_and_suspects(0)
    big, m_big = _payer_and_suspects(40)
    a = {s.uid: s for s in organisers(m_small, small)}["PAYER"]
    b = {s.uid: s for s in organisers(m_big, big)}["PAYER"]
    # the roles are the same; only brokerage may differ with the size of the network
    assert {k: v for k, v in a.components.items() if k != "brokerage"} == {
        k: v for k, v in b.components.items() if k != "brokerage"
    }


def test_a_mule_account_passing_the_money_on_is_not_receiving_money() -> None:
    b = Builder()
    b.node("mule", "Person", name="Mule")
    b.node("boss", "Person", name="Boss")
    b.node("MA", "BankAccount")
    b.node("BA", "BankAccount")
    b.fact("mule", "HOLDS_ACCOUNT", "MA")
    b.fact("boss", "HOLDS_ACCOUNT", "BA")
    for i in range(6):
        b.node(f"P{i}", "BankAccount")
        b.fact(f"P{i}", "PAYMENT", "MA", amount=500.0)
    b.fact("MA", "PAYMENT", "BA", amount=2800.0)
    ranked = {s.uid: s for s in organisers({"mule", "boss", "MA", "BA"}, b.G)}
    assert ranked["mule"].values["receives_money"] == 0
    assert ranked["boss"].values["receives_money"] == 1 and ranked["boss"].rank == 1


def test_the_organiser_abroad_is_found_through_the_call_records() -> None:
    b = Builder()
    b.node("abroad", "Person", name="Abroad")
    b.node("FP", "Phone", number="+393331234567")
    b.fact("abroad", "USES_PHONE", "FP")
    for d in ("d1", "d2", "d3", "d4"):
        b.node(d, "Person", name=d)
        b.node(f"{d}-ph", "Phone", number=f"+3161234{d[1]}000")
        b.fact(d, "USES_PHONE", f"{d}-ph")
        b.fact("FP", "CALLED", f"{d}-ph", count=40, date="2026-02-01")
        b.fact(d, "INVOLVED_IN", "S", role="suspect")
    b.G.nodes["S"]["label"] = "Signal"
    members = set(b.G) - {"S"}
    top = organisers(members, b.G)[0]
    assert top.uid == "abroad" and top.values["calls"] == 4
    assert "in telephone contact with 4 other person(s)" in top.explanation


def test_every_feature_has_a_rationale() -> None:
    for name, row in organiser_table().items():
        assert len(row["why"]) > 20, name
        assert row["scale"] in ("linear", "log")


def test_organisers_of_many_networks_equals_one_by_one(exploitation_cell) -> None:
    from emm.graph.analysis import organisers_of

    G = exploitation_cell
    nets = detect_networks(G, hits=[])
    many = organisers_of(nets, to_frames(G), top=None)
    for n in nets:
        assert [s.uid for s in many[n.id]] == [s.uid for s in organisers(n, G)]
