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
