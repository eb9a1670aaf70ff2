"""Hubs by evidence (not by shape alone), paid stays, and signals and investigations as context."""

from __future__ import annotations

import networkx as nx
import pytest
from analysis_builder import Builder

from emm.graph.analysis import (
    brokers,
    co_involvement,
    communities,
    detect_networks,
    find_hubs,
    hub_evidence,
    key_players,
    organisers,
    to_frames,
    whole_graph_pass,
)


def _cell(b: Builder, name: str, n: int) -> list[str]:
    people = b.persons(name, n)
    b.node(f"{name}-ph", "Phone", number=f"+3161{len(name):07d}")
    for p in people:
        b.fact(p, "USES_PHONE", f"{name}-ph")
    return people


def _controller(b: Builder) -> None:
    b.node("boss", "Person", name="Boss")
    b.node("ACC", "BankAccount", iban="NL00BOSS0000000001")
    b.fact("boss", "HOLDS_ACCOUNT", "ACC")
    b.node("S", "Signal", signal_id="S", phenomenon="smuggling")
    b.fact("boss", "INVOLVED_IN", "S", role="suspect")


def test_a_safe_house_whose_stays_are_all_paid_by_the_controller_is_not_a_hotel() -> None:
    b = Builder()
    _controller(b)
    b.node("SAFE", "Address", postcode="3000AA", house_number=1, city="Rotterdam", kind="woning")
    for i, m in enumerate(b.persons("m", 8)):  # eight migrants, no ties but the stay
        day = f"2026-03-{1 + i:02d}"
        b.fact(m, "STAYED_AT", "SAFE", date=day, nights=2, party="KMAR")
        b.fact("ACC", "PAID_FOR", "SAFE", date=day, amount=80.0, purpose="room")
    ev = hub_evidence(b.G)
    assert "SAFE" not in ev.hubs and ev.kept == {"SAFE": "stays paid by others"}
    (net,) = detect_networks(b.G, hits=[])
    assert {f"m{i}" for i in range(1, 9)} <= net.persons and "boss" in net.persons


def test_an_address_let_by_a_person_is_theirs_not_a_venue() -> None:
    b = Builder()
    b.node("FLAT", "Address", postcode="3000AB", house_number=2, city="Rotterdam")
    b.node("owner", "Person", name="Owner")
    b.fact("owner", "LANDLORD_OF", "FLAT")
    for g in ("a", "c"):
        (p,) = _cell(b, g, 2)[:1]
        b.fact(p, "STAYED_AT", "FLAT", nights=1)
    assert find_hubs(b.G) == {}
    assert hub_evidence(b.G).kept == {"FLAT": "let by a person"}


@pytest.mark.parametrize(
    ("kind", "sector", "reason"),
    [("hotel", None, "neutral venue"), ("AZC Ter Apel", None, "neutral venue"),
     (None, "hotels", "neutral venue"), ("woning", None, "venue"), ("Hotelschip", None, "venue")],
)  # fmt: skip
def test_neutral_by_evidence_or_by_shape(kind, sector, reason) -> None:
    b = Builder()
    b.node(
        "H",
        "Address",
        postcode="1000AA",
        house_number=1,
        city="X",
        **({"kind": kind} if kind else {}),
    )
    if sector:
        b.node("HC", "Company", name="Hotel BV", sector=sector)
        b.fact("HC", "REGISTERED_AT", "H")
    for g in ("a", "c"):
        (p,) = _cell(b, g, 2)[:1]
        b.fact(p, "STAYED_AT", "H", nights=1)
    assert find_hubs(b.G) == {"H": reason}


def test_at_a_hotel_a_payment_ties_the_payer_only_to_the_guest_it_identifies() -> None:
    b = Builder()
    _controller(b)
    b.node("HOTEL", "Address", postcode="1000AB", house_number=9, city="Utrecht", kind="hotel")
    (victim,) = b.persons("v", 1)
    b.fact(victim, "STAYED_AT", "HOTEL", date="2026-05-02", nights=1)
    b.fact("ACC", "PAID_FOR", "HOTEL", date="2026-05-02", amount=99.0, purpose="room")
    for i, g in enumerate(b.persons("guest", 6)):  # other guests, other days
        b.fact(g, "STAYED_AT", "HOTEL", date=f"2026-06-{10 + i}", nights=1)
    ev = hub_evidence(b.G)
    assert ev.hubs["HOTEL"] == "neutral venue"
    assert ev.paid[["account", "person"]].values.tolist() == [["ACC", victim]]
    (net,) = detect_networks(b.G, hits=[], min_persons=2)
    assert victim in net.persons and not any(p.startswith("guest") for p in net.persons)


def test_a_payment_on_a_busy_day_identifies_nobody() -> None:
    b = Builder()
    _controller(b)
    b.node("HOTEL", "Address", postcode="1000AB", house_number=9, city="Utrecht", kind="hotel")
    for g in b.persons("guest", 5):
        b.fact(g, "STAYED_AT", "HOTEL", date="2026-05-02", nights=1)
    b.fact("ACC", "PAID_FOR", "HOTEL", date="2026-05-02", amount=99.0, purpose="room")
    assert hub_evidence(b.G).paid.empty


def test_a_company_with_many_workers_is_evidence_not_infrastructure() -> None:
    b = Builder()
    b.node("CO", "Company", name="Big Agency")
    for w in b.persons("w", 320):
        b.fact(w, "EMPLOYED_BY", "CO", party="ISZW")
    b.node("PH", "Phone", number="+31600000001")
    for w in b.persons("u", 320):
        b.fact(w, "USES_PHONE", "PH")
    assert find_hubs(b.G) == {"PH": "degree"}


# --- context ---------------------------------------------------------------------------------


def _network_with_case(inv: bool) -> nx.MultiDiGraph:
    b = Builder()
    people = b.persons("p", 8)
    for x, y in [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (1, 5)]:
        b.fact(people[x], "MET", people[y], weight=2)
    if inv:
        b.node("INV", "Investigation", case_id="13/1-26")
        for p in people:
            b.fact(p, "INVOLVED_IN", "INV", role="suspect")
    return b.G


def test_an_investigation_linked_to_everyone_changes_no_person_rank() -> None:
    plain, with_case = _network_with_case(False), _network_with_case(True)
    assert [r["uid"] for r in key_players(plain, top=None)] == [
        r["uid"] for r in key_players(with_case, top=None)
    ]
    assert "INV" not in {r["uid"] for r in key_players(with_case, top=None)}
    members = {f"p{i}" for i in range(1, 9)}
    assert [s.uid for s in organisers(members, plain)] == [
        s.uid for s in organisers(members, with_case)
    ]
    comms = communities(with_case, seed=0)
    assert "INV" not in {r["uid"] for r in brokers(with_case, comms)}
    t = whole_graph_pass(*to_frames(with_case)).table.set_index("uid")
    assert t.loc["INV", "betweenness"] == 0 and t.loc["INV", "degree"] == 0


def test_co_involvement_is_a_tie_weighted_by_the_size_of_the_case() -> None:
    b = Builder()
    for p in b.persons("a", 2):
        b.fact(p, "INVOLVED_IN", "S1", role="suspect")
    for p in b.persons("b", 5):
        b.fact(p, "INVOLVED_IN", "S2", role="victim")
    b.G.nodes["S1"]["label"] = b.G.nodes["S2"]["label"] = "Signal"
    co = co_involvement(*to_frames(b.G)).set_index(["a", "b"])["weight"]
    assert co[("a1", "a2")] == 1.0 and co[("b1", "b2")] == pytest.approx(0.25)
    (small, big) = sorted(detect_networks(b.G, hits=[], min_size=2), key=lambda n: n.size)
    assert small.persons == {"a1", "a2"} and small.cases == {"S1"} and "S1" not in small.members
