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
    # the six payers' money reaches boss through the mule's account (and the account itself)
    assert ranked["boss"].values["receives_money"] == 7 and ranked["boss"].rank == 1


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


# --------------------------------------------------------------------------------------------
# networks the analysis has never seen (issue 14, held-out material)
# --------------------------------------------------------------------------------------------


def _boss_whose_account_is_elsewhere() -> tuple[nx.MultiDiGraph, Network]:
    """BOSS abroad holds BACC; the coordinator COORD forwards the migrants' fees to it. BACC and
    the migrants' accounts are not members of the network (community detection put the money
    flows in a community of their own); BOSS himself is, through one call with COORD."""
    b = Builder()
    b.node("BOSS", "Person", name="Boss")
    b.node("COORD", "Person", name="Coord")
    b.node("BACC", "BankAccount")
    b.node("CACC", "BankAccount")
    b.node("BPH", "Phone", number="+905321234567")
    b.node("CPH", "Phone", number="+31612340000")
    b.fact("BOSS", "HOLDS_ACCOUNT", "BACC")
    b.fact("BOSS", "USES_PHONE", "BPH")
    b.fact("COORD", "HOLDS_ACCOUNT", "CACC")
    b.fact("COORD", "USES_PHONE", "CPH")
    b.fact("CPH", "CALLED", "BPH", count=3)
    b.fact("COORD", "INVOLVED_IN", "S", role="suspect")
    b.G.nodes["S"]["label"] = "Investigation"
    migrants = b.persons("m", 4)
    for m in migrants:
        b.node(f"{m}-acc", "BankAccount")
        b.fact(m, "HOLDS_ACCOUNT", f"{m}-acc")
        b.fact(f"{m}-acc", "PAYMENT", "BACC", amount=5000.0)
        b.fact(m, "PASSENGER_IN", "VAN")
    b.node("VAN", "Vehicle", plate="12-ABC-3")
    b.fact("COORD", "DRIVES", "VAN")
    for k in range(3):
        b.fact("CACC", "PAYMENT", "BACC", amount=9000.0 + k, ref=f"FWD-{k}")
    members = {"BOSS", "COORD", "CACC", "BPH", "CPH", "VAN", *migrants}
    persons = {"BOSS", "COORD", *migrants}
    net = Network("N1", frozenset(members), frozenset(persons), frozenset(), frozenset(), None, 0)
    return b.G, net


def test_a_members_own_account_counts_when_it_is_not_a_member() -> None:
    from emm.graph.analysis import organisers_of

    G, net = _boss_whose_account_is_elsewhere()
    boss = {s.uid: s for s in organisers(net, G)}["BOSS"]
    # the fees of four migrants and the coordinator's forwarding reach BOSS's own account
    assert boss.values["receives_money"] == 5 and boss.rank == 1
    many = organisers_of([net], to_frames(G), top=None)
    assert [s.uid for s in many["N1"]] == [s.uid for s in organisers(net, G)]


def test_score_networks_reads_the_members_own_accounts() -> None:
    G, net = _boss_whose_account_is_elsewhere()
    truth = ResolvedTruth(
        scenarios=[
            ResolvedScenario(
                "smuggling-1", "smuggling", net.persons, frozenset({"BOSS"}), len(net.persons)
            )
        ],
        pairs=[],
        same={},
    )
    edges, nodes = to_frames(G)
    result = score_networks(truth, [net], (edges, nodes))
    assert result["scenarios"][0]["top_persons"][0] == "BOSS"


def test_a_group_manager_leads_the_group() -> None:
    b = Builder()
    for p in ("boss", "boss2", "d1", "d2"):
        b.node(p, "Person", name=p)
    b.node("G", "Group", name="Crew")
    b.fact("boss", "MEMBER_OF", "G", position="beheerder")
    b.fact("boss2", "MEMBER_OF", "G", position="Coördinator")
    for d in ("d1", "d2"):
        b.fact(d, "MEMBER_OF", "G", position="chauffeur")
    ranked = {s.uid: s for s in organisers(set(b.G), b.G)}
    assert ranked["boss"].values["leads_group"] == 1
    assert ranked["boss2"].values["leads_group"] == 1
    assert ranked["d1"].values["leads_group"] == 0


def test_driving_the_own_van_is_driving_not_arranging_transport() -> None:
    """DRIVER owns VAN and drives the passengers himself: he is the driver. OWNER owns the
    minibus BUS that HIRED drives: OWNER arranges the transport of the driver and passengers."""
    b = Builder()
    for p in ("DRIVER", "OWNER", "HIRED"):
        b.node(p, "Person", name=p)
    b.node("VAN", "Vehicle", plate="1-AB-2")
    b.node("BUS", "Vehicle", plate="3-CD-4")
    b.fact("DRIVER", "OWNS_VEHICLE", "VAN")
    b.fact("DRIVER", "DRIVES", "VAN")
    b.fact("OWNER", "OWNS_VEHICLE", "BUS")
    b.fact("HIRED", "DRIVES", "BUS")
    for m in b.persons("m", 4):
        b.fact(m, "PASSENGER_IN", "VAN")
        b.fact(m, "PASSENGER_IN", "BUS")
    ranked = {s.uid: s for s in organisers(set(b.G), b.G)}
    assert ranked["DRIVER"].values["arranges_transport"] == 0
    assert ranked["OWNER"].values["arranges_transport"] == 5


def test_the_head_of_a_family_of_role_holders() -> None:
    """HEAD is the father of three sons: one pays for advertisements, one lets the rooms, one
    receives the money. V, the girlfriend of one son, is family of one role holder only."""
    b = Builder()
    b.node("HEAD", "Person", name="Head")
    b.node("V", "Person", name="V")
    for s in ("S1", "S2", "S3"):
        b.node(s, "Person", name=s)
        b.fact("HEAD", "FAMILY_OF", s, relation="vader")
        b.node(f"{s}-acc", "BankAccount")
        b.fact(s, "HOLDS_ACCOUNT", f"{s}-acc")
    b.fact("V", "FAMILY_OF", "S1", relation="partner")
    b.fact("S1-acc", "PAID_FOR", "AD", amount=50.0)
    b.node("AD", "Advertisement", platform="x", ad_id="1")
    b.fact("S2", "LANDLORD_OF", "FLAT")
    b.node("FLAT", "Address", postcode="1000AA", house_number=2, city="Utrecht")
    b.fact("V", "LIVES_AT", "FLAT")
    b.node("V-acc", "BankAccount")
    b.fact("V", "HOLDS_ACCOUNT", "V-acc")
    b.fact("V-acc", "PAYMENT", "S3-acc", amount=500.0)
    ranked = {s.uid: s for s in organisers(set(b.G), b.G)}
    assert ranked["HEAD"].values["heads_family"] == 3
    assert ranked["V"].values["heads_family"] == 0
    assert ranked["HEAD"].rank <= 3
    assert "family of 3 person(s) with a role" in " ".join(ranked["HEAD"].explanation)


def test_who_holds_whose_passport() -> None:
    """EMP holds the passports of two domestic workers, registered as victims, who have more
    documents than he has. A document held by a victim and another person is the victim's:
    the workers do not hold EMP's documents, EMP holds theirs."""
    b = Builder()
    for p in ("EMP", "w1", "w2"):
        b.node(p, "Person", name=p)
    b.node("S", "Signal", signal_id="S", phenomenon="labour")
    for w in ("w1", "w2"):
        b.node(f"{w}-pp", "IdentityDocument", doc_type="passport", number=w)
        b.fact(w, "HAS_DOCUMENT", f"{w}-pp")
        b.fact(w, "HAS_DOCUMENT", f"{w}-visa")
        b.fact("EMP", "HAS_DOCUMENT", f"{w}-pp")
        b.fact(w, "LIVES_AT", "HOUSE")
        b.fact(w, "INVOLVED_IN", "S", role="victim")
    b.fact("EMP", "LIVES_AT", "HOUSE")
    b.fact("EMP", "INVOLVED_IN", "S", role="suspect")
    ranked = {s.uid: s for s in organisers(set(b.G) - {"S"}, b.G)}
    assert ranked["EMP"].values["controls_documents"] == 2
    assert ranked["w1"].values["controls_documents"] == 0
    # one passport, two holders, neither a victim: nothing says whose it is
    b2 = Builder()
    for p in ("a", "c"):
        b2.node(p, "Person", name=p)
        b2.fact(p, "HAS_DOCUMENT", "DOC")
    tied = {s.uid: s.values["controls_documents"] for s in organisers(set(b2.G), b2.G)}
    assert tied == {"a": 1, "c": 1}


def test_money_forwarded_by_a_collector_is_the_receivers_too() -> None:
    """COL collects the fees of ten migrants on CA and forwards half of it to BOSS's account;
    W, paid 1,000 from CA, gets a small share. BOSS receives the migrants' money through CA."""
    b = Builder()
    for p, acc in (("COL", "CA"), ("BOSS", "BA"), ("W", "WA")):
        b.node(p, "Person", name=p)
        b.node(acc, "BankAccount")
        b.fact(p, "HOLDS_ACCOUNT", acc)
    for m in b.persons("m", 10):
        b.node(f"{m}-acc", "BankAccount")
        b.fact(m, "HOLDS_ACCOUNT", f"{m}-acc")
        b.fact(f"{m}-acc", "PAYMENT", "CA", amount=3000.0)
    for k in range(3):
        b.fact("CA", "PAYMENT", "BA", amount=5000.0, ref=f"FWD-{k}")
    b.fact("CA", "PAYMENT", "WA", amount=1000.0)
    ranked = {s.uid: s for s in organisers(set(b.G), b.G)}
    assert ranked["BOSS"].values["receives_money"] == 11
    assert ranked["COL"].values["receives_money"] == 10
    assert ranked["W"].values["receives_money"] == 1


def test_the_suspect_who_stays_at_a_distance() -> None:
    """An investigation names three suspects: two drive the migrants' lorries, the third does
    none of the hands-on work. The migrants, who ride along, are not suspects."""
    b = Builder()
    b.node("INV", "Investigation", case_id="26/1")
    for p in ("far", "op1", "op2"):
        b.node(p, "Person", name=p)
        b.fact(p, "INVOLVED_IN", "INV", role="suspect")
    for op in ("op1", "op2"):
        b.fact(op, "DRIVES", f"{op}-lorry")
    for i, m in enumerate(b.persons("m", 6)):
        b.fact(m, "PASSENGER_IN", f"op{1 + i % 2}-lorry")
        b.fact(m, "INVOLVED_IN", "INV", role="involved")
    ranked = {s.uid: s for s in organisers(set(b.G) - {"INV"}, b.G)}
    assert ranked["far"].values["at_a_distance"] == 1
    assert ranked["op1"].values["at_a_distance"] == 0
    assert ranked["m1"].values["at_a_distance"] == 0
    assert ranked["far"].rank == 1


def test_who_collects_the_wages_outranks_a_foreman_at_a_distance() -> None:
    """The agency CO pays the wages of its six workers into ORG's account (twelve payments).
    FOREMAN, a suspect with the van's DRIVER, is paid by four workers: he takes a cut, ORG
    takes the wages."""
    b = Builder()
    for p in ("ORG", "FOREMAN", "DRIVER"):
        b.node(p, "Person", name=p)
    b.node("CO", "Company", name="Agency", kvk="1")
    b.node("INV", "Investigation", case_id="26/2")
    b.fact("CO", "HOLDS_ACCOUNT", "COACC")
    b.fact("ORG", "HOLDS_ACCOUNT", "OACC")
    b.fact("FOREMAN", "HOLDS_ACCOUNT", "FACC")
    for p in ("FOREMAN", "DRIVER"):
        b.fact(p, "INVOLVED_IN", "INV", role="suspect")
    b.fact("DRIVER", "DRIVES", "VAN")
    for w in b.persons("w", 6):
        b.fact(w, "EMPLOYED_BY", "CO", party="ISZW")
        b.fact(w, "PASSENGER_IN", "VAN")
        b.fact(w, "HOLDS_ACCOUNT", f"{w}-acc")
    for k in range(12):
        b.fact("COACC", "PAYMENT", "OACC", amount=1400.0, ref=f"WAGE-{k}")
    for w in ("w1", "w2", "w3", "w4"):
        b.fact(f"{w}-acc", "PAYMENT", "FACC", amount=150.0)
    ranked = {s.uid: s for s in organisers(set(b.G) - {"INV"}, b.G)}
    assert ranked["FOREMAN"].values["at_a_distance"] == 1
    assert ranked["ORG"].values["collects_wages"] == 12
    assert ranked["ORG"].rank < ranked["FOREMAN"].rank


def test_the_one_the_operational_leader_answers_to() -> None:
    """LT runs the minors: he is a suspect in their cases, meets them, pays for their rooms and
    receives the proceeds. BOSS only meets LT and pays him: the one LT answers to. M1, a minor
    who pays LT too, and X, a victim LT calls, are no such person."""
    b = Builder()
    for p in ("BOSS", "LT", "X"):
        b.node(p, "Person", name=p)
    b.node("INV", "Investigation", case_id="26/3")
    b.fact("LT", "HOLDS_ACCOUNT", "LACC")
    b.fact("BOSS", "HOLDS_ACCOUNT", "BACC")
    b.fact("LT", "USES_PHONE", "LPH")
    b.fact("X", "USES_PHONE", "XPH")
    b.fact("X", "INVOLVED_IN", "INV", role="victim")
    b.fact("LPH", "CALLED", "XPH", count=3)
    minors = b.persons("M", 4, birth_date="2010-03-01")
    for i, m in enumerate(minors):
        b.fact(m, "INVOLVED_IN", "INV", role="suspect")
        b.fact(m, "HOLDS_ACCOUNT", f"{m}-acc")
        b.fact(f"{m}-acc", "PAYMENT", "LACC", amount=200.0)
        b.fact("LACC", "PAID_FOR", f"ROOM{i}", amount=60.0)
        b.fact(m, "STAYED_AT", f"ROOM{i}")
        b.fact("LT", "MET", m, weight=3)
    b.fact("M1", "USES_PHONE", "MPH")
    b.fact("MPH", "CALLED", "LPH", count=5)
    b.fact("LT", "INVOLVED_IN", "INV", role="suspect")
    b.fact("BOSS", "MET", "LT", weight=1)
    for k in range(5):
        b.fact("BACC", "PAYMENT", "LACC", amount=900.0, ref=f"BOSS-{k}")
    ranked = {s.uid: s for s in organisers(set(b.G) - {"INV"}, b.G)}
    assert ranked["LT"].rank == 1
    assert ranked["BOSS"].values["money_with_key_person"] == 1
    assert ranked["M1"].values["money_with_key_person"] == 0
    assert ranked["X"].values["money_with_key_person"] == 0
    assert ranked["BOSS"].rank == 2


def test_a_tenant_paying_rent_to_the_landlord_is_not_his_principal() -> None:
    b = Builder()
    b.node("LL", "Person", name="Landlord")
    b.fact("LL", "HOLDS_ACCOUNT", "LLACC")
    tenants = b.persons("t", 6)
    for i, t in enumerate(tenants):
        b.fact("LL", "LANDLORD_OF", f"FLAT{i % 2}")
        b.fact(t, "LIVES_AT", f"FLAT{i % 2}")
        b.fact(t, "HOLDS_ACCOUNT", f"{t}-acc")
        b.fact(f"{t}-acc", "PAYMENT", "LLACC", amount=400.0)
    # t1's bank record is another record of the same tenant, not linked to the flat
    b.node("t1b", "Person", name="Person t1")
    b.fact("t1b", "HOLDS_ACCOUNT", "t1b-acc")
    b.fact("t1b-acc", "PAYMENT", "LLACC", amount=400.0)
    ranked = {s.uid: s for s in organisers(set(b.G), b.G)}
    assert ranked["LL"].score >= 3
    assert all(ranked[t].values["money_with_key_person"] == 0 for t in [*tenants, "t1b"])
