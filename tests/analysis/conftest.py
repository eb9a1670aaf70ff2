"""Small named fixture graphs with hand-checked answers, in the projection's shape.

Every graph is built with :class:`Builder`, which fills in the provenance every fact must carry
(party, legal basis, source_ref, registered_at). The docstring of each fixture states what the
indicators must (and must not) find in it.
"""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx
import pytest
from analysis_builder import Builder

# --------------------------------------------------------------------------------------------
# address_many_unrelated
# --------------------------------------------------------------------------------------------


@pytest.fixture
def six_workers_one_house() -> nx.MultiDiGraph:
    """Six unrelated persons at A1 (4 LIVES_AT, 2 REGISTERED_AT): fires with value 6."""
    b = Builder()
    b.node("A1", "Address", postcode="1234AB", house_number=1, city="Breda")
    for i, p in enumerate(b.persons("w", 6)):
        b.fact(p, "LIVES_AT" if i < 4 else "REGISTERED_AT", "A1", party="ISZW")
    return b.G


@pytest.fixture
def family_at_one_address() -> nx.MultiDiGraph:
    """Six persons at A2, all one family (FAMILY_OF chain): one household, must NOT fire."""
    b = Builder()
    b.node("A2", "Address", postcode="2345BC", house_number=2, city="Tilburg")
    people = b.persons("f", 6)
    for p in people:
        b.fact(p, "LIVES_AT", "A2")
    for x, y in itertools.pairwise(people):
        b.fact(x, "FAMILY_OF", y, relation="sibling")
    return b.G


@pytest.fixture
def family_plus_lodgers() -> nx.MultiDiGraph:
    """A family of four plus two lodgers at A3: 3 households, must NOT fire (threshold 5)."""
    b = Builder()
    b.node("A3", "Address", postcode="3456CD", house_number=3, city="Venlo")
    people = b.persons("h", 6)
    for p in people:
        b.fact(p, "LIVES_AT", "A3")
    for x, y in [("h1", "h2"), ("h2", "h3"), ("h3", "h4")]:
        b.fact(x, "FAMILY_OF", y)
    return b.G


@pytest.fixture
def two_persons_one_house() -> nx.MultiDiGraph:
    """Two unrelated persons at A4: must NOT fire."""
    b = Builder()
    b.node("A4", "Address", postcode="4567DE", house_number=4, city="Assen")
    for p in b.persons("t", 2):
        b.fact(p, "LIVES_AT", "A4")
    return b.G


# --------------------------------------------------------------------------------------------
# shared_ad_contact
# --------------------------------------------------------------------------------------------


@pytest.fixture
def three_ads_one_phone() -> nx.MultiDiGraph:
    """Ads AD1..AD3 offer s1, s2, s3 and all give phone PH1: fires for PH1 with value 3.

    AD3 also gives e-mail EM1, which appears only for s3: must NOT fire for EM1.
    """
    b = Builder()
    b.node("PH1", "Phone", number="+31612345678")
    b.node("EM1", "Email", address="x@example.nl")
    for i, p in enumerate(b.persons("s", 3), start=1):
        ad = b.node(f"AD{i}", "Advertisement", platform="kinky", ad_id=str(i))
        b.fact(ad, "ADVERTISES", p)
        b.fact(ad, "ADVERTISED_WITH", "PH1")
    b.fact("AD3", "ADVERTISED_WITH", "EM1")
    return b.G


@pytest.fixture
def two_victims_one_ad_phone() -> nx.MultiDiGraph:
    """One ad offering v1 and v2 with phone PH2: only 2 persons, must NOT fire."""
    b = Builder()
    b.node("PH2", "Phone", number="+31687654321")
    b.node("AD9", "Advertisement", platform="kinky", ad_id="9")
    for p in b.persons("v", 2):
        b.fact("AD9", "ADVERTISES", p)
    b.fact("AD9", "ADVERTISED_WITH", "PH2")
    return b.G


# --------------------------------------------------------------------------------------------
# account_pays_for_others
# --------------------------------------------------------------------------------------------


@pytest.fixture
def account_pays_rooms() -> nx.MultiDiGraph:
    """Account B1 (held by boss) pays an ad for r1, a room where r2 stays, travel for r3, and
    the boss's own rent: 3 persons other than the holder, fires with value 3.

    Account B2 (held by k1) pays only for k1 and k2: must NOT fire.
    """
    b = Builder()
    b.node("boss", "Person", name="Boss")
    r1, r2, r3 = b.persons("r", 3)
    b.node("B1", "BankAccount", iban="NL91ABNA0417164300")
    b.fact("boss", "HOLDS_ACCOUNT", "B1")
    b.node("AD5", "Advertisement", platform="kinky", ad_id="5")
    b.fact("AD5", "ADVERTISES", r1)
    b.node("ROOM", "Address", postcode="1011AA", house_number=5, city="Amsterdam")
    b.fact(r2, "STAYED_AT", "ROOM", nights=2, date="2026-01-03")
    b.node("HOME", "Address", postcode="1011BB", house_number=6, city="Amsterdam")
    b.fact("boss", "LIVES_AT", "HOME")
    pay: dict[str, Any] = {"party": "POL", "amount": 100.0, "date": "2026-01-02"}
    b.fact("B1", "PAID_FOR", "AD5", purpose="advertisement", **pay)
    b.fact("B1", "PAID_FOR", "ROOM", purpose="room", **pay)
    b.fact("B1", "PAID_FOR", r3, purpose="travel", **pay)
    b.fact("B1", "PAID_FOR", "HOME", purpose="rent", **pay)
    k1, k2 = b.persons("k", 2)
    b.node("B2", "BankAccount", iban="NL02RABO0123456789")
    b.fact(k1, "HOLDS_ACCOUNT", "B2")
    b.fact("B2", "PAID_FOR", k1, purpose="travel", **pay)
    b.fact("B2", "PAID_FOR", k2, purpose="travel", **pay)
    return b.G


# --------------------------------------------------------------------------------------------
# employer_is_landlord
# --------------------------------------------------------------------------------------------


@pytest.fixture
def agency_landlord() -> nx.MultiDiGraph:
    """C1 employs e1..e4 and rents out H1 where e1..e3 live: fires for C1 with value 3.

    C2 employs d1..d3; its director boss2 rents out H2 where they live: fires for C2 (3).
    C3 employs n1..n3 who live at H3, rented out by an unrelated landlord: must NOT fire.
    """
    b = Builder()
    for c in ("C1", "C2", "C3"):
        b.node(c, "Company", name=f"Uitzendbureau {c}", parties=["ISZW"])
    for h in ("H1", "H2", "H3"):
        b.node(h, "Address", postcode="5911AA", house_number=int(h[1]), city="Venlo")
    for p in b.persons("e", 4):
        b.fact(p, "EMPLOYED_BY", "C1", party="ISZW")
    for p in ("e1", "e2", "e3"):
        b.fact(p, "LIVES_AT", "H1", party="ISZW")
    b.fact("e4", "LIVES_AT", "H3", party="ISZW")
    b.fact("C1", "LANDLORD_OF", "H1", party="ISZW")
    b.node("boss2", "Person", name="Director Two")
    b.fact("boss2", "DIRECTOR_OF", "C2", party="ISZW")
    b.fact("boss2", "LANDLORD_OF", "H2", party="ISZW")
    for p in b.persons("d", 3):
        b.fact(p, "EMPLOYED_BY", "C2", party="ISZW")
        b.fact(p, "LIVES_AT", "H2", party="ISZW")
    b.node("other", "Person", name="Other Landlord")
    b.fact("other", "LANDLORD_OF", "H3", party="ISZW")
    for p in b.persons("n", 3):
        b.fact(p, "EMPLOYED_BY", "C3", party="ISZW")
        b.fact(p, "LIVES_AT", "H3", party="ISZW")
    return b.G


# --------------------------------------------------------------------------------------------
# repeated_border_crossing
# --------------------------------------------------------------------------------------------


@pytest.fixture
def smuggling_van() -> nx.MultiDiGraph:
    """Van V1 crosses 5 distinct times (one crossing reported by KMAR and IND counts once) with
    4 different passengers: fires for V1 with value 5 (passengers 4). Its driver has no
    crossings of his own: no hit for him.

    Car V2 crosses 10 times with the same single passenger: must NOT fire.
    """
    b = Builder()
    b.node("V1", "Vehicle", plate="12-ABC-3", parties=["KMAR"])
    b.node("V2", "Vehicle", plate="34-DEF-5", parties=["KMAR"])
    for post in ("BP-HAZELDONK", "BP-SCHIPHOL"):
        b.node(post, "BorderPost", name=post, parties=["KMAR"])
    dates = ["2026-02-01", "2026-02-08", "2026-02-15", "2026-02-22", "2026-03-01"]
    for i, d in enumerate(dates):
        b.fact("V1", "CROSSED_BORDER", "BP-HAZELDONK" if i % 2 else "BP-SCHIPHOL", party="KMAR",
               date=d, direction="in")  # fmt: skip
    b.fact("V1", "CROSSED_BORDER", "BP-SCHIPHOL", party="IND", date=dates[0], direction="in")
    for i, p in enumerate(b.persons("m", 4)):
        b.fact(p, "PASSENGER_IN", "V1", party="KMAR", date=dates[i])
    b.node("driver", "Person", name="Driver")
    b.fact("driver", "DRIVES", "V1", party="KMAR", date=dates[0])
    for i in range(10):
        b.fact("V2", "CROSSED_BORDER", "BP-HAZELDONK", party="KMAR", date=f"2026-04-{i + 1:02d}")
    b.node("commuter", "Person", name="Commuter")
    b.fact("commuter", "PASSENGER_IN", "V2", party="KMAR", date="2026-04-01")
    return b.G


# --------------------------------------------------------------------------------------------
# short_stays_many_cities
# --------------------------------------------------------------------------------------------


@pytest.fixture
def hotel_hopper() -> nx.MultiDiGraph:
    """hop1 stays 1-2 nights in Amsterdam, Rotterdam, Utrecht and Den Haag (4 cities), one of
    the rooms paid from PIMP's account: fires with value 4. stay1 stays 30 nights in three
    cities: must NOT fire. local1 has three short stays in one city: must NOT fire. Neither
    stay1 nor local1 has anyone paying their rooms: at min_cities 1 they are ordinary guests
    (suppressed).
    """
    b = Builder()
    cities = ["Amsterdam", "Rotterdam", "Utrecht", "Den Haag"]
    for i, city in enumerate(cities):
        b.node(f"HOTEL{i}", "Address", postcode=f"{1000 + i}AA", house_number=1, city=city)
    b.node("hop1", "Person", name="Hopper")
    for i in range(4):
        b.fact("hop1", "STAYED_AT", f"HOTEL{i}", nights=1 + i % 2, date=f"2026-05-0{i + 1}")
    b.node("PIMP", "Person", name="Pimp")
    b.node("PACC", "BankAccount", iban="NL20INGB0001234567")
    b.fact("PIMP", "HOLDS_ACCOUNT", "PACC")
    b.fact("PACC", "PAID_FOR", "HOTEL0", amount=89.0, date="2026-05-01", purpose="room")
    b.node("stay1", "Person", name="Long Stayer")
    for i in range(3):
        b.fact("stay1", "STAYED_AT", f"HOTEL{i}", nights=30, date=f"2026-06-0{i + 1}")
    b.node("local1", "Person", name="Local")
    for i in range(3):
        b.node(f"AMS{i}", "Address", postcode=f"10{i}2AB", house_number=2, city="amsterdam ")
        b.fact("local1", "STAYED_AT", f"AMS{i}", nights=1, date=f"2026-07-0{i + 1}")
    return b.G


# --------------------------------------------------------------------------------------------
# multi_agency
# --------------------------------------------------------------------------------------------


@pytest.fixture
def known_to_two() -> nx.MultiDiGraph:
    """Phone PH7 is used by POL's u1 and ISZW's u2: fires for PH7 (2 parties). u2 also has a
    POL fact (u1 ASSOCIATE_OF u2), so u2 fires too; u1 has POL facts only: no hit. Border post
    BP-X has facts from KMAR and IND, but border posts are not subjects of this indicator.
    """
    b = Builder()
    b.node("PH7", "Phone", number="+31600000007", parties=["POL", "ISZW"])
    b.node("u1", "Person", name="Alpha")
    b.node("u2", "Person", name="Beta", parties=["ISZW"])
    b.fact("u1", "USES_PHONE", "PH7", party="POL")
    b.fact("u1", "ASSOCIATE_OF", "u2", party="POL")
    b.fact("u2", "USES_PHONE", "PH7", party="ISZW")
    b.node("BP-X", "BorderPost", name="BP-X", parties=["KMAR"])
    b.node("u3", "Person", name="Gamma", parties=["KMAR"])
    b.node("u4", "Person", name="Delta", parties=["IND"])
    b.fact("u3", "CROSSED_BORDER", "BP-X", party="KMAR", date="2026-01-01")
    b.fact("u4", "CROSSED_BORDER", "BP-X", party="IND", date="2026-01-01")
    return b.G


# --------------------------------------------------------------------------------------------
# victim_many_suspects
# --------------------------------------------------------------------------------------------


@pytest.fixture
def victim_two_suspects() -> nx.MultiDiGraph:
    """Victim vic1 is in signal S1, which is PART_OF investigation I1. Suspect x1 is in S1 and
    suspect x2 in I1: vic1 fires with value 2. Victim vic2 (signal S2) has only suspect x3, and
    is also (wrongly) registered as suspect in S2 herself: must NOT fire.
    """
    b = Builder()
    b.node("S1", "Signal", signal_id="S1", phenomenon="sexual", reported_at="2026-01-01")
    b.node("S2", "Signal", signal_id="S2", phenomenon="labour", reported_at="2026-01-01")
    b.node("I1", "Investigation", case_id="I1", parties=["OM"])
    b.fact("S1", "PART_OF", "I1", party="POL")
    for uid, name in [("vic1", "Victim One"), ("vic2", "Victim Two"), ("x1", "Suspect One"),
                      ("x2", "Suspect Two"), ("x3", "Suspect Three")]:  # fmt: skip
        b.node(uid, "Person", name=name)
    b.fact("vic1", "INVOLVED_IN", "S1", role="victim")
    b.fact("x1", "INVOLVED_IN", "S1", role="suspect")
    b.fact("x2", "INVOLVED_IN", "I1", role="suspect", party="OM")
    b.fact("vic2", "INVOLVED_IN", "S2", role="victim")
    b.fact("vic2", "INVOLVED_IN", "S2", role="suspect")
    b.fact("x3", "INVOLVED_IN", "S2", role="suspect")
    return b.G


@pytest.fixture
def builder() -> Builder:
    return Builder()
