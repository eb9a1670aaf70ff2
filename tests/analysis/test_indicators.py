"""Each indicator on its named fixture: the hits we expect, and where it must NOT fire."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest
from analysis_builder import Builder

from emm.graph.analysis import (
    IndicatorHit,
    InvalidFrames,
    InvalidThreshold,
    UnknownIndicator,
    indicator_table,
    run_indicators,
    to_frames,
)


def hits_of(
    G: nx.MultiDiGraph, indicator: str, *, suppressed: bool = False, **thresholds: float
) -> dict[str, IndicatorHit]:
    over = {indicator: thresholds} if thresholds else None
    found = run_indicators(G, only=[indicator], thresholds=over, include_suppressed=suppressed)
    return {h.subject: h for h in found}


# --- the table ------------------------------------------------------------------------------


def test_table_has_every_column_and_a_rule_per_row() -> None:
    table = indicator_table()
    assert list(table) == [
        "address_many_unrelated",
        "shared_ad_contact",
        "account_pays_for_others",
        "employer_is_landlord",
        "repeated_border_crossing",
        "short_stays_many_cities",
        "multi_agency",
        "victim_many_suspects",
        "minor",
        "money_mule",
        "wages_to_third_party",
        "wage_below_minimum",
        "landlord_employer_linked",
        "working_name",
    ]
    for ind in table.values():
        assert ind.title_nl and ind.title_en and ind.thresholds and ind.phenomena
        # every threshold named in the explanation is filled in
        assert "{" not in ind.explanation("nl") and "{" not in ind.explanation("en")


def test_explanation_shows_overridden_threshold() -> None:
    ind = indicator_table()["address_many_unrelated"]
    assert "At least 4 persons" in ind.explanation("en", {"min_persons": 4})


# --- address_many_unrelated ------------------------------------------------------------------


def test_when_six_unrelated_live_at_one_address_then_it_fires(six_workers_one_house) -> None:
    hits = hits_of(six_workers_one_house, "address_many_unrelated")
    assert list(hits) == ["A1"]
    hit = hits["A1"]
    assert hit.value == 6 and hit.threshold == 5
    assert hit.related == ("w1", "w2", "w3", "w4", "w5", "w6")
    assert len(hit.evidence) == 6 and hit.parties == ("ISZW",)
    assert hit.details == {"persons": 6, "households": 6}


def test_when_all_are_family_then_it_does_not_fire(family_at_one_address) -> None:
    assert hits_of(family_at_one_address, "address_many_unrelated") == {}


def test_when_family_of_four_and_two_lodgers_then_three_households(family_plus_lodgers) -> None:
    assert hits_of(family_plus_lodgers, "address_many_unrelated") == {}
    hits = hits_of(family_plus_lodgers, "address_many_unrelated", min_persons=3)
    assert hits["A3"].value == 3


def test_when_only_two_persons_then_it_does_not_fire(two_persons_one_house) -> None:
    assert hits_of(two_persons_one_house, "address_many_unrelated") == {}


def test_one_couple_among_six_counts_as_five_households(six_workers_one_house) -> None:
    G = six_workers_one_house.copy()
    G.add_edge("w1", "w2", key="POL-x", type="FAMILY_OF", party="POL", legal_basis="WPG-10",
               source_ref="POL-x", registered_at="2026-01-01")  # fmt: skip
    assert hits_of(G, "address_many_unrelated")["A1"].value == 5


# --- shared_ad_contact -----------------------------------------------------------------------


def test_when_one_phone_in_ads_for_three_persons_then_it_fires(three_ads_one_phone) -> None:
    hits = hits_of(three_ads_one_phone, "shared_ad_contact")
    assert list(hits) == ["PH1"]
    assert hits["PH1"].value == 3 and hits["PH1"].related == ("s1", "s2", "s3")
    assert len(hits["PH1"].evidence) == 6  # 3 ADVERTISED_WITH + 3 ADVERTISES
    assert hits["PH1"].details == {"advertisements": 3, "person_records": 3}


def test_when_two_victims_share_an_ad_phone_then_it_does_not_fire(two_victims_one_ad_phone) -> None:
    assert hits_of(two_victims_one_ad_phone, "shared_ad_contact") == {}
    assert "PH2" in hits_of(two_victims_one_ad_phone, "shared_ad_contact", min_persons=2)


# --- account_pays_for_others -----------------------------------------------------------------


def test_when_account_pays_for_three_others_then_it_fires(account_pays_rooms) -> None:
    hits = hits_of(account_pays_rooms, "account_pays_for_others")
    assert list(hits) == ["B1"]
    assert hits["B1"].value == 3
    assert hits["B1"].related == ("r1", "r2", "r3")  # not the holder, though B1 pays his rent


def test_when_account_pays_for_holder_and_one_other_then_it_does_not_fire(
    account_pays_rooms,
) -> None:
    assert "B2" not in hits_of(account_pays_rooms, "account_pays_for_others", min_persons=2)
    assert "B2" in hits_of(account_pays_rooms, "account_pays_for_others", min_persons=1)


# --- employer_is_landlord --------------------------------------------------------------------


def test_employer_landlord_directly_and_via_director(agency_landlord) -> None:
    hits = hits_of(agency_landlord, "employer_is_landlord")
    assert sorted(hits) == ["C1", "C2"]
    assert hits["C1"].value == 3 and hits["C1"].related == ("H1", "e1", "e2", "e3")
    assert hits["C2"].value == 3
    assert hits["C2"].parties == ("ISZW",)


def test_when_someone_else_is_landlord_then_it_does_not_fire(agency_landlord) -> None:
    assert "C3" not in hits_of(agency_landlord, "employer_is_landlord", min_workers=1)


# --- repeated_border_crossing ----------------------------------------------------------------


def test_smuggling_van_fires_with_distinct_crossings_and_passengers(smuggling_van) -> None:
    hits = hits_of(smuggling_van, "repeated_border_crossing")
    assert list(hits) == ["V1"]
    hit = hits["V1"]
    assert hit.value == 5  # the crossing reported by KMAR and IND counts once
    assert hit.details["passengers"] == 4
    assert set(hit.related) == {"m1", "m2", "m3", "m4"}
    assert hit.parties == ("IND", "KMAR")


def test_when_car_always_has_the_same_passenger_then_it_does_not_fire(smuggling_van) -> None:
    assert "V2" not in hits_of(smuggling_van, "repeated_border_crossing", min_passengers=2)
    assert "V2" in hits_of(smuggling_van, "repeated_border_crossing", min_passengers=1)


def test_person_crossing_with_travel_companions(builder) -> None:
    builder.node("BP", "BorderPost", name="BP")
    builder.node("runner", "Person", name="Runner")
    for i in range(4):
        builder.fact("runner", "CROSSED_BORDER", "BP", party="KMAR", date=f"2026-01-0{i + 1}")
    for p in builder.persons("c", 3):
        builder.fact("runner", "TRAVELLED_WITH", p, party="KMAR")
    hits = hits_of(builder.G, "repeated_border_crossing")
    assert hits["runner"].value == 4 and hits["runner"].details["passengers"] == 3


# --- short_stays_many_cities -----------------------------------------------------------------


def test_hotel_hopper(hotel_hopper) -> None:
    hits = hits_of(hotel_hopper, "short_stays_many_cities")
    assert list(hits) == ["hop1"]
    assert hits["hop1"].value == 4
    assert hits["hop1"].details == {"cities": ["amsterdam", "den haag", "rotterdam", "utrecht"]}


def test_long_stays_and_one_city_do_not_fire(hotel_hopper) -> None:
    hits = hits_of(hotel_hopper, "short_stays_many_cities", min_cities=1, suppressed=True)
    assert "stay1" not in hits  # 30 nights is not short
    assert hits["local1"].value == 1  # "amsterdam " and "Amsterdam" are one city
    assert hits["local1"].suppressed == "ordinary_hotel_guest"
    assert hits["hop1"].suppressed is None  # PIMP paid a room


def test_when_nobody_pays_the_rooms_the_traveller_is_an_ordinary_guest(hotel_hopper) -> None:
    G = hotel_hopper.copy()
    G.remove_node("PACC")
    assert hits_of(G, "short_stays_many_cities") == {}
    (hit,) = hits_of(G, "short_stays_many_cities", suppressed=True).values()
    assert (
        hit.subject == "hop1" and "no stay paid by someone else" in hit.details["benign_evidence"]
    )


# --- multi_agency ----------------------------------------------------------------------------


def test_multi_agency(known_to_two) -> None:
    hits = hits_of(known_to_two, "multi_agency")
    assert sorted(hits) == ["PH7", "u2"]
    assert hits["PH7"].parties == ("ISZW", "POL") and hits["PH7"].value == 2
    assert "BP-X" not in hits  # border posts are infrastructure


# --- victim_many_suspects --------------------------------------------------------------------


def test_victim_linked_to_two_suspects_via_signal_and_investigation(victim_two_suspects) -> None:
    hits = hits_of(victim_two_suspects, "victim_many_suspects")
    assert list(hits) == ["vic1"]
    hit = hits["vic1"]
    assert hit.value == 2 and hit.related == ("x1", "x2")
    assert hit.details == {"cases": ["I1"]}
    assert hit.parties == ("OM", "POL")
    assert len(hit.evidence) == 4  # vic1, x1, x2 INVOLVED_IN + S1 PART_OF I1


def test_victim_is_not_her_own_suspect(victim_two_suspects) -> None:
    hits = hits_of(victim_two_suspects, "victim_many_suspects", min_suspects=1)
    assert hits["vic2"].value == 1 and hits["vic2"].related == ("x3",)


# --- running ---------------------------------------------------------------------------------


def test_all_fixtures_together_give_exactly_the_expected_hits(
    six_workers_one_house, family_at_one_address, three_ads_one_phone, account_pays_rooms,
    agency_landlord, smuggling_van, hotel_hopper, victim_two_suspects,
) -> None:  # fmt: skip
    G = nx.compose_all([six_workers_one_house, family_at_one_address, three_ads_one_phone,
                        account_pays_rooms, agency_landlord, smuggling_van, hotel_hopper,
                        victim_two_suspects])  # fmt: skip
    found = {(h.indicator_id, h.subject) for h in run_indicators(G)}
    assert found == {
        ("address_many_unrelated", "A1"),
        ("shared_ad_contact", "PH1"),
        ("account_pays_for_others", "B1"),
        ("employer_is_landlord", "C1"),
        ("employer_is_landlord", "C2"),
        ("repeated_border_crossing", "V1"),
        ("short_stays_many_cities", "hop1"),
        ("multi_agency", "V1"),  # KMAR and IND reported its crossings
        ("victim_many_suspects", "vic1"),
    }


def test_frames_and_graph_give_the_same_hits(smuggling_van, agency_landlord) -> None:
    G = nx.compose(smuggling_van, agency_landlord)
    assert run_indicators(to_frames(G)) == run_indicators(G)


def test_hits_come_in_table_order_then_by_value(six_workers_one_house, smuggling_van) -> None:
    G = nx.compose(six_workers_one_house, smuggling_van)
    ids = [h.indicator_id for h in run_indicators(G)]
    order = list(indicator_table())
    assert ids == sorted(ids, key=order.index)


def test_empty_graph_gives_no_hits() -> None:
    assert run_indicators(nx.MultiDiGraph()) == []


def test_unknown_indicator_and_threshold_are_refused(six_workers_one_house) -> None:
    with pytest.raises(UnknownIndicator):
        run_indicators(six_workers_one_house, only=["nope"])
    with pytest.raises(UnknownIndicator):
        run_indicators(six_workers_one_house, thresholds={"nope": {"x": 1}})
    with pytest.raises(InvalidThreshold):
        run_indicators(six_workers_one_house, thresholds={"multi_agency": {"min_persons": 1}})
    with pytest.raises(InvalidThreshold):
        bad = {"multi_agency": {"min_parties": "2"}}
        run_indicators(six_workers_one_house, thresholds=bad)  # type: ignore[arg-type]


def test_bad_frames_are_refused() -> None:
    with pytest.raises(InvalidFrames, match="legal_basis"):
        run_indicators((pd.DataFrame({"src": [], "dst": [], "type": [], "party": []}), None))
    with pytest.raises(InvalidFrames):
        run_indicators("not a graph")


def test_a_room_payment_concerns_the_guests_of_that_week_only() -> None:
    """B pays for one night at a busy hotel: the guests of other weeks are not its concern."""
    b = Builder()
    b.node("boss", "Person", name="Boss")
    b.node("B", "BankAccount", iban="NL91ABNA0417164300")
    b.fact("boss", "HOLDS_ACCOUNT", "B")
    b.node("HOTEL", "Address", postcode="3011AA", house_number=1, city="Rotterdam")
    b.fact("B", "PAID_FOR", "HOTEL", purpose="room", date="2026-03-10", amount=90.0)
    for i, g in enumerate(b.persons("g", 6)):
        day = "2026-03-11" if i < 2 else f"2026-0{4 + i % 5}-01"  # two that week, four later
        b.fact(g, "STAYED_AT", "HOTEL", nights=1, date=day)
    assert "B" in hits_of(b.G, "account_pays_for_others", min_persons=2)
    assert "B" not in hits_of(b.G, "account_pays_for_others", min_persons=3)
