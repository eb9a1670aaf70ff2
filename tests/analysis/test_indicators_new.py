"""The indicators of issue 14 and the known-benign patterns they recognise, table-driven."""

from __future__ import annotations

import networkx as nx
import pytest
from analysis_builder import Builder

from emm.graph.analysis import indicator_table, run_indicators
from emm.graph.analysis.wages import minimum_for, wage_share


def hits(G: nx.MultiDiGraph, ind: str, *, suppressed: bool = False) -> dict[str, object]:
    return {h.subject: h for h in run_indicators(G, only=[ind], include_suppressed=suppressed)}


# --- the table -----------------------------------------------------------------------------


def test_every_indicator_has_a_weight_and_benign_patterns_explain_themselves() -> None:
    table = indicator_table()
    assert table["multi_agency"].weight < 1 < table["minor"].weight
    for ind in table.values():
        for pattern in ind.benign:
            for lang in ("en", "nl"):
                text = ind.benign_explanation(pattern, lang)
                assert text and "{" not in text


# --- minor ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "phenomenon", "role", "fires"),
    [
        ("2010-03-01", "criminal", "suspect", True),  # 15 at the signal: a minor suspect
        ("2010-03-01", "sexual", "victim", True),
        ("2010-01-01", "labour", "involved", True),  # year only: youngest possible, 16
        ("2000-03-01", "criminal", "suspect", False),  # 25
        ("2010-03-01", "unknown", "involved", False),  # a family welfare signal
        ("2010-03-01", "criminal", "witness", False),  # a minor witness is no indicator
        (None, "criminal", "suspect", False),
    ],
)
def test_minor_at_the_date_of_the_case(birth, phenomenon, role, fires) -> None:
    b = Builder()
    b.node("p", "Person", name="P", **({"birth_date": birth} if birth else {}))
    b.node("S", "Signal", signal_id="S", phenomenon=phenomenon, reported_at="2026-02-01")
    b.fact("p", "INVOLVED_IN", "S", role=role, registered_at="2026-02-01")
    found = hits(b.G, "minor")
    assert ("p" in found) is fires
    if fires:
        assert found["p"].value < 18 and found["p"].threshold == 18


def test_minor_in_an_advertisement_at_its_posting_date() -> None:
    b = Builder()
    b.node("girl", "Person", name="G", birth_date="2009-06-01")
    b.node("AD", "Advertisement", platform="x", ad_id="1", posted_at="2025-05-01")
    b.fact("AD", "ADVERTISES", "girl", registered_at="2026-08-01")  # registered when 17
    assert hits(b.G, "minor")["girl"].value == 15


# --- money mule ----------------------------------------------------------------------------


def _mule(
    n_payers: int, out_share: float, days_later: int, family: bool = False
) -> nx.MultiDiGraph:
    b = Builder()
    b.node("youth", "Person", name="Y")
    b.node("M", "BankAccount", iban="NL00MULE0000000001")
    b.node("C", "BankAccount", iban="NL00COLL0000000001")
    b.fact("youth", "HOLDS_ACCOUNT", "M")
    for i in range(n_payers):
        b.node(f"P{i}", "BankAccount", iban=f"NL00PAY{i:011d}")
        b.fact(f"P{i}", "PAYMENT", "M", amount=100.0, date="2026-03-01")
        if family:
            b.node(f"f{i}", "Person", name=f"F{i}")
            b.fact(f"f{i}", "HOLDS_ACCOUNT", f"P{i}")
            b.fact(f"f{i}", "FAMILY_OF", "youth")
    b.fact("M", "PAYMENT", "C", amount=100.0 * n_payers * out_share,
           date=f"2026-03-{1 + days_later:02d}")  # fmt: skip
    return b.G


@pytest.mark.parametrize(
    ("payers", "share", "days", "fires"),
    [
        (4, 0.9, 1, True),
        (3, 0.7, 7, True),
        (2, 0.9, 1, False),
        (4, 0.5, 1, False),
        (4, 0.9, 20, False),
    ],  # fmt: skip
)
def test_money_mule_many_payers_and_fast_outflow(payers, share, days, fires) -> None:
    found = hits(_mule(payers, share, days), "money_mule")
    assert ("M" in found) is fires
    if fires:
        assert found["M"].details["forwarded_to"] == ["C"]
        assert "youth" in found["M"].related


def test_a_family_pooling_money_is_not_a_mule() -> None:
    G = _mule(4, 0.9, 1, family=True)
    assert hits(G, "money_mule") == {}
    assert hits(G, "money_mule", suppressed=True)["M"].suppressed == "family_pool"


# --- wages ---------------------------------------------------------------------------------


def _agency(*, wage: float, to_boss: int = 0, own: bool = True) -> nx.MultiDiGraph:
    b = Builder()
    b.node("CO", "Company", name="Agency", kvk="12345678")
    b.node("CA", "BankAccount", iban="NL00AGEN0000000001")
    b.fact("CO", "HOLDS_ACCOUNT", "CA", party="ISZW")
    b.node("boss", "Person", name="Boss")
    b.node("BA", "BankAccount", iban="NL00BOSS0000000001")
    b.fact("boss", "HOLDS_ACCOUNT", "BA", party="ISZW")
    for k in range(to_boss):
        b.fact("CA", "PAYMENT", "BA", amount=300.0, date=f"2026-03-{1 + k:02d}", party="ISZW")
    for w in b.persons("w", 4, birth_date="1990-01-05"):
        b.fact(w, "EMPLOYED_BY", "CO", wage=wage, since="2026-01-15", party="ISZW")
        if own:
            b.node(f"{w}-acc", "BankAccount", iban=f"NL00{w.upper():0>4}0000000009")
            b.fact(w, "HOLDS_ACCOUNT", f"{w}-acc", party="ISZW")
            b.fact("CA", "PAYMENT", f"{w}-acc", amount=wage * 100, date="2026-03-25", party="ISZW")
    return b.G


@pytest.mark.parametrize(("to_boss", "fires"), [(3, True), (5, True), (2, False), (0, False)])
def test_wages_paid_into_the_account_of_someone_who_does_not_work_there(to_boss, fires) -> None:
    found = hits(_agency(wage=16.0, to_boss=to_boss), "wages_to_third_party")
    assert ("BA" in found) is fires
    if fires:
        assert found["BA"].details["employers"] == ["CO"] and "boss" in found["BA"].related


@pytest.mark.parametrize(
    ("wage", "fires"),
    [(7.0, True), (11.0, True), (12.0, False), (14.71, False), (25.0, False)],
)
def test_wage_far_below_the_statutory_minimum(wage, fires) -> None:
    # the wage is gross per hour (docs/delivery-format.md); 2026: 14.71 an hour, and the
    # indicator fires below 0.8 of it
    assert ("CO" in hits(_agency(wage=wage), "wage_below_minimum")) is fires


def test_minimum_wage_table_youth_and_units() -> None:
    assert minimum_for("2026-02-01", None, per="hour") == pytest.approx(14.71)
    assert minimum_for("2026-02-01", 18, per="hour") == pytest.approx(7.355)
    assert minimum_for("2017-03-01", 22) == pytest.approx(1551.60 * 0.85)  # 23+ then
    assert minimum_for("2014-06-01", 30) is None  # before the table
    assert wage_share(7.36, "2026-02-01", "2008-01-10") == pytest.approx(1.0, abs=0.01)  # 18


# --- landlord linked to the employer -------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "fires"),
    [("sibling", True), ("shared director", True), ("stranger", False), ("director", False)],
)
def test_landlord_linked_to_the_employer_by_family_or_company(link, fires) -> None:
    b = Builder()
    b.node("CO", "Company", name="Agency", kvk="1")
    b.node("dir", "Person", name="Director")
    b.fact("dir", "DIRECTOR_OF", "CO", party="ISZW")
    b.node("H", "Address", postcode="5900AA", house_number=1, city="Venlo")
    if link == "sibling":
        b.node("sis", "Person", name="Sister")
        b.fact("sis", "FAMILY_OF", "dir", relation="zus", party="ISZW")
        landlord = "sis"
    elif link == "shared director":
        b.node("RE", "Company", name="Real Estate", kvk="2")
        b.fact("dir", "DIRECTOR_OF", "RE", party="ISZW")
        landlord = "RE"
    elif link == "stranger":
        b.node("other", "Person", name="Other")
        landlord = "other"
    else:
        landlord = "dir"  # the employer's own director: employer_is_landlord, not this one
    b.fact(landlord, "LANDLORD_OF", "H", party="ISZW")
    for w in b.persons("w", 3):
        b.fact(w, "EMPLOYED_BY", "CO", party="ISZW")
        b.fact(w, "LIVES_AT", "H", party="ISZW")
    found = hits(b.G, "landlord_employer_linked")
    assert ("CO" in found) is fires
    assert ("CO" in hits(b.G, "employer_is_landlord")) is (link == "director")


# --- employer housing: regular or not ------------------------------------------------------


def _housing(wage: float, per_house: int, victim: bool = False) -> nx.MultiDiGraph:
    G = _agency(wage=wage)
    b = Builder()
    b.G = G
    b.node("H", "Address", postcode="5900AB", house_number=2, city="Venlo")
    b.fact("CO", "LANDLORD_OF", "H", party="ISZW")
    for w in ("w1", "w2", "w3", "w4"):
        b.fact(w, "LIVES_AT", "H", party="ISZW")
    for x in b.persons("x", max(0, per_house - 4)):
        b.fact(x, "LIVES_AT", "H", party="ISZW")
    if victim:
        b.node("S", "Signal", signal_id="S", phenomenon="labour")
        b.fact("w1", "INVOLVED_IN", "S", role="victim", party="ISZW")
    return b.G


@pytest.mark.parametrize(
    ("wage", "per_house", "victim", "benign"),
    [
        (16.0, 4, False, True),
        (9.0, 4, False, False),
        (16.0, 12, False, False),
        (16.0, 4, True, False),
    ],  # fmt: skip
)
def test_an_employer_that_houses_its_workers_regularly_is_recognised(
    wage, per_house, victim, benign
) -> None:
    G = _housing(wage, per_house, victim)
    assert ("CO" in hits(G, "employer_is_landlord")) is not benign
    hit = hits(G, "employer_is_landlord", suppressed=True)["CO"]
    assert (hit.suppressed == "regular_employer_housing") is benign


# --- commercial border traffic -------------------------------------------------------------


def _border(days: int, both_ways: bool, company: bool) -> nx.MultiDiGraph:
    b = Builder()
    b.node("V", "Vehicle", plate="AB-123-C")
    b.node("BP", "BorderPost", name="Venlo A67")
    owner = "TAXI" if company else "joe"
    b.node(
        owner, "Company" if company else "Person", name=owner, **({"kvk": "3"} if company else {})
    )
    b.fact(owner, "OWNS_VEHICLE", "V", party="KMAR")
    for i in range(days):
        day = f"2026-{1 + i // 28:02d}-{1 + i % 28:02d}"
        b.fact("V", "CROSSED_BORDER", "BP", party="KMAR", date=day,
               direction="in" if not both_ways or i % 2 else "out")  # fmt: skip
        (p,) = b.persons(f"pass{i}-", 1)
        b.fact(p, "PASSENGER_IN", "V", party="KMAR", date=day)
    return b.G


@pytest.mark.parametrize(
    ("days", "both", "company", "benign"),
    [
        (20, True, True, True),
        (20, False, True, False),
        (6, True, True, False),
        (20, True, False, False),
    ],  # fmt: skip
)
def test_daily_commercial_border_traffic_is_recognised(days, both, company, benign) -> None:
    G = _border(days, both, company)
    hit = hits(G, "repeated_border_crossing", suppressed=True)["V"]
    assert (hit.suppressed == "commercial_border_traffic") is benign
    assert ("V" in hits(G, "repeated_border_crossing")) is not benign


# --- working names -------------------------------------------------------------------------


def _personas(paid_by_other: bool) -> nx.MultiDiGraph:
    b = Builder()
    b.node("PH", "Phone", number="+31612121212")
    b.node("ACC", "BankAccount", iban="NL00PAYS0000000001")
    payer = "pimp" if paid_by_other else "bella1"
    for i in (1, 2, 3):  # one persona, recorded in three deliveries
        b.node(f"bella{i}", "Person", name="Bella")
        b.node(f"AD{i}", "Advertisement", platform="x", ad_id=str(i))
        ref = f"POL-2026-0{i}-01-000{i}/L1"
        b.fact(f"AD{i}", "ADVERTISES", f"bella{i}", ref=ref + "a")
        b.fact(f"AD{i}", "ADVERTISED_WITH", "PH", ref=ref + "b")
        b.fact("ACC", "PAID_FOR", f"AD{i}", amount=50.0, ref=ref + "c")
    b.node("pimp", "Person", name="Pimp")
    b.fact(payer, "HOLDS_ACCOUNT", "ACC")
    return b.G


def test_a_working_name_is_one_persona_not_several_persons() -> None:
    G = _personas(paid_by_other=False)
    assert hits(G, "shared_ad_contact") == {}  # three records, one persona
    assert hits(G, "working_name") == {}  # she pays her own advertisements


def test_a_working_name_with_ads_paid_by_someone_else_fires() -> None:
    found = hits(_personas(paid_by_other=True), "working_name")
    (hit,) = found.values()
    assert hit.value == 3 and hit.details["paid_by_others"] == ["pimp"]
