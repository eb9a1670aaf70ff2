"""same_person_candidates and merge_confirmed."""

from __future__ import annotations

import copy
import random

import networkx as nx
import pytest
from analysis_builder import Builder

from emm.graph.analysis import (
    InvalidMerge,
    NodeNotFound,
    merge_confirmed,
    same_person_candidates,
)
from emm.graph.analysis.same_person import damerau, fold, parse_name


def people(*rows: tuple[str, str, str | None, str], **extra: dict) -> nx.MultiDiGraph:
    b = Builder()
    for uid, name, birth, party in rows:
        b.node(uid, "Person", name=name, birth_date=birth, parties=[party], **extra.get(uid, {}))
    return b.G


def pairs(G: nx.MultiDiGraph, **kw) -> dict[tuple[str, str], list[str]]:
    return {c.pair: c.reasons for c in same_person_candidates(G, **kw)}


# --- helpers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "d"),
    [("vries", "vries", 0), ("vries", "vires", 1), ("vries", "vrie", 1), ("vries", "fries", 1),
     ("jansen", "janssen", 1), ("abc", "cba", 2), ("bakker", "visser", 2), ("", "ab", 2)],
)  # fmt: skip
def test_damerau(a, b, d) -> None:
    assert damerau(a, b) == d == damerau(b, a)


def test_fold_and_parse() -> None:
    assert fold("Şükrü Çelik") == "sukru celik"
    assert fold("Łukasz Wójcik") == "lukasz wojcik"
    assert parse_name("Jan van der Berg").surname == "berg"
    assert parse_name("Jan van der Berg").particles == ("van", "der")
    assert parse_name("Berg, J.P. van der").given == ("j", "p")
    assert parse_name("Madonna").given == () and parse_name("Madonna").surname == "madonna"
    assert parse_name("").surname == ""


# --- positive cases --------------------------------------------------------------------------


def test_initials_and_transposed_birth_date() -> None:
    G = people(("u1", "J. de Vries", "1990-03-04", "POL"),
               ("u2", "Jan de Vries", "1990-04-03", "IND"))  # fmt: skip
    [c] = same_person_candidates(G)
    assert c.pair == ("u1", "u2") and c.score == pytest.approx(0.5 * 0.85 + 0.3 * 0.8)
    assert c.reasons == ["initials match given names",
                         "day and month of birth transposed"]  # fmt: skip


def test_one_edit_typo_in_surname() -> None:
    G = people(("u1", "Jan de Vries", "1990-03-04", "POL"),
               ("u2", "Jan de Vires", "1990-03-04", "KMAR"))  # fmt: skip
    assert pairs(G) == {("u1", "u2"): ["one-edit typo in surname",
                                       "same date of birth"]}  # fmt: skip


def test_accents_are_folded() -> None:
    G = people(("u1", "José Martínez", "1985-12-01", "IND"),
               ("u2", "Jose Martinez", "1985-12-01", "POL"))  # fmt: skip
    [c] = same_person_candidates(G)
    assert c.score == pytest.approx(0.8)
    assert c.reasons[0] == "same name up to accents"


def test_reordered_name_and_year_typo() -> None:
    G = people(("u1", "Vries, Jan de", "1986-07-08", "IND"),
               ("u2", "Jan de Vries", "1968-07-08", "POL"))  # fmt: skip
    [c] = same_person_candidates(G)
    assert c.features["name"] == 1.0  # "Vries, Jan de" parses to the same name
    assert "date of birth differs by one typo" in c.reasons


def test_shared_identifiers_without_birth_date() -> None:
    b = Builder()
    b.node("u1", "Person", name="Anna Kowalska", parties=["ISZW"])
    b.node("u2", "Person", name="Anna Kowalska", parties=["IND"])
    b.node("PH", "Phone", number="+48600100200")
    b.fact("u1", "USES_PHONE", "PH", party="ISZW")
    b.fact("u2", "USES_PHONE", "PH", party="IND")
    [c] = same_person_candidates(b.G)
    assert c.score == pytest.approx(0.7)
    assert c.reasons == ["same name", "shared Phone (PH)"]


def test_when_reasons_are_stored_in_a_run_then_they_hold_no_values() -> None:
    """Runs are saved without personal values: a reason names fields and kinds, not values."""
    b = Builder()
    values = {
        "u1": ("Anna Kowalska", "1990-03-04"),
        "u2": ("A. Kowalska", "1990-04-03"),
        "u3": ("Kowalska Anna", "1990-03-04"),
        "u4": ("Ana Kowalsca", None),
    }
    for (uid, (name, birth)), party in zip(
        values.items(), ["POL", "IND", "KMAR", "ISZW"], strict=True
    ):
        b.node(uid, "Person", name=name, birth_date=birth, parties=[party])
        b.fact(uid, "USES_PHONE", "PH", party=party)
    b.node("PH", "Phone", number="+48600100200")
    found = same_person_candidates(b.G)
    assert len(found) >= 3
    text = " ".join(r for c in found for r in c.reasons)
    for value in ["Kowalska", "Kowalsca", "Anna", "1990", "03-04", "+48600100200", "600100200"]:
        assert value not in text, value


def test_same_bsn_is_certain() -> None:
    G = people(("u1", "A. Yilmaz", None, "POL"), ("u2", "Ahmet Yılmaz", None, "IND"),
               u1={"bsn": "111222333"}, u2={"bsn": "111222333"})  # fmt: skip
    [c] = same_person_candidates(G)
    assert c.score == 1.0 and c.reasons[0] == "same BSN"


# --- negative cases --------------------------------------------------------------------------


def test_different_people_with_the_same_surname() -> None:
    G = people(
        ("u1", "Jan de Vries", "1990-03-04", "POL"),
        ("u2", "Piet de Vries", "1990-03-04", "IND"),  # brother? same birthday: twins
        ("u3", "Jan de Vries", "1955-11-30", "KMAR"),
    )  # father: dates conflict
    found = same_person_candidates(G)
    assert found == []
    low = {c.pair: c for c in same_person_candidates(G, min_score=0.0)}
    assert low[("u1", "u3")].features["penalty_birth_date"] == 0.4
    assert "different dates of birth" in low[("u1", "u3")].reasons


def test_same_party_pairs_are_left_to_the_party() -> None:
    G = people(("u1", "J. de Vries", "1990-03-04", "POL"),
               ("u2", "Jan de Vries", "1990-03-04", "POL"))  # fmt: skip
    assert same_person_candidates(G) == []
    assert len(same_person_candidates(G, across_parties=False)) == 1


def test_bsn_and_gender_conflicts_penalise() -> None:
    G = people(
        ("u1", "Jan de Vries", "1990-03-04", "POL"),
        ("u2", "Jan de Vries", "1990-03-04", "IND"),
        u1={"bsn": "111222333", "gender": "M"},
        u2={"bsn": "999888777", "gender": "F"},
    )
    [c] = same_person_candidates(G, min_score=0.0)
    assert c.score == pytest.approx(0.8 * 0.1 * 0.7)
    assert c.reasons[-2:] == ["different BSN", "different gender"]


def test_hub_blocks_are_skipped() -> None:
    b = Builder()
    b.node("HOTEL", "Address", city="X")
    for i in range(20):
        name = f"{chr(65 + i) * 4} {chr(97 + i) * 6}"  # "AAAA aaaaaa", ...: no name overlap
        b.node(f"g{i}", "Person", name=name, parties=["POL" if i % 2 else "IND"])
        b.fact(f"g{i}", "LIVES_AT", "HOTEL")
    assert same_person_candidates(b.G, min_score=0.0, max_block=10) == []
    assert same_person_candidates(b.G, min_score=0.0, max_block=100)


@pytest.mark.slow
def test_scales_with_blocking() -> None:
    """20k persons with 400 surnames: blocking finds the planted pair (speed: bench_analysis)."""
    rng = random.Random(3)
    firsts = [f"Given{i}" for i in range(300)]
    lasts = [f"Surname{i}x" for i in range(400)]
    b = Builder()
    for i in range(20_000):
        b.node(f"u{i}", "Person", name=f"{rng.choice(firsts)} {rng.choice(lasts)}",
               birth_date=f"{rng.randint(1950, 2005)}-{rng.randint(1, 12):02d}-"
                          f"{rng.randint(13, 28):02d}",
               parties=[rng.choice(["POL", "KMAR", "IND"])])  # fmt: skip
    G = b.G
    G.add_node("twin", label="Person", name="G. Surname7x", parties=["OM"],
               birth_date=G.nodes["u7"]["birth_date"])  # fmt: skip
    G.nodes["u7"]["name"] = "Given1 Surname7x"
    found = same_person_candidates(G)
    assert ("twin", "u7") in {c.pair for c in found} or ("u7", "twin") in {c.pair for c in found}


# --- merge_confirmed -------------------------------------------------------------------------


@pytest.fixture
def three_records() -> nx.MultiDiGraph:
    b = Builder()
    b.node("u1", "Person", name="J. de Vries", parties=["POL"])
    b.node("u2", "Person", name="Jan de Vries", parties=["IND"], bsn="111222333")
    b.node("u3", "Person", name="Jan de Vires", parties=["KMAR"], gender="M")
    b.node("A", "Address", city="Breda")
    b.node("x", "Person", name="Other")
    b.fact("u1", "LIVES_AT", "A", ref="POL-1")
    b.fact("u2", "LIVES_AT", "A", ref="POL-1")  # same ref on another pair: must survive
    b.fact("u3", "ASSOCIATE_OF", "x", party="KMAR", ref="KMAR-1")
    b.fact("x", "ASSOCIATE_OF", "u2", party="POL", ref="POL-2")
    b.fact("u1", "FAMILY_OF", "u3", ref="POL-3")
    return b.G


def test_merge_chains_pairs_keeps_facts_and_leaves_input_alone(three_records) -> None:
    before = copy.deepcopy(three_records)
    H = merge_confirmed(three_records, [("u1", "u2"), ("u3", "u2")])
    assert nx.utils.graphs_equal(before, three_records)
    assert sorted(H) == ["A", "u1", "x"]
    node = H.nodes["u1"]
    assert node["merged_from"] == ["u1", "u2", "u3"]
    assert node["parties"] == ["IND", "KMAR", "POL"]
    assert node["bsn"] == "111222333" and node["gender"] == "M" and node["name"] == "J. de Vries"
    assert node["aliases"] == ["Jan de Vires", "Jan de Vries"]
    assert H.number_of_edges() == three_records.number_of_edges()
    assert sorted((u, v) for u, v in H.edges()) == sorted(
        [("u1", "A"), ("u1", "A"), ("u1", "x"), ("x", "u1"), ("u1", "u1")]
    )
    refs = sorted(d["source_ref"] for *_, d in H.edges(data=True))
    assert refs == ["KMAR-1", "POL-1", "POL-1", "POL-2", "POL-3"]


def test_merge_accepts_candidates(three_records) -> None:
    found = same_person_candidates(three_records, min_score=0.3)
    H = merge_confirmed(three_records, found[:1])
    assert len(H) == len(three_records) - 1


def test_merge_errors(three_records) -> None:
    with pytest.raises(NodeNotFound):
        merge_confirmed(three_records, [("u1", "nobody")])
    with pytest.raises(InvalidMerge):
        merge_confirmed(three_records, [("u1", "A")])
    with pytest.raises(InvalidMerge):
        merge_confirmed(three_records, [("u1", "u1")])
    assert nx.utils.graphs_equal(merge_confirmed(three_records, []), three_records)


# --- the variations of issue 14 ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "found", "why"),
    [
        (("HAILE Daniel", "1990-07-15"), ("Daniel Haile", "1990-07-15"), True,
         "same name in another order"),  # passport order
        (("Mohammed Ali", "1990-07-15"), ("Muhammad Ali", "1990-07-15"), True,
         "another transliteration"),
        (("Yusuf Tesfaye", "1988-03-02"), ("Youssef Tesfay", "1988-03-02"), True,
         "another transliteration"),
        (("Daniel Haile", "1990-01-01"), ("Daniel Haile", "1990-07-15"), True,
         "year-only date"),  # KMAR placeholder
        (("Daniel Haile", "1990-01-01"), ("Daniel Haile", "1991-07-15"), False, None),
        (("Maria Rossi", "1990-07-15"), ("Mario Rossi", "1990-07-15"), False, None),
        (("Naomi van der Stael", "1988-04-01"), ("Naomi van edr Stael", "1988-04-01"), True,
         "one-edit typo in the name"),
        # a patronymic or third name left out, passport order
        (("KIDANE Helen", "1986-03-12"), ("Helen Kidane Mebrahtu", "1986-03-12"), True,
         "one or more left out"),
        (("MERHAWI Samuel", "2002-03-20"), ("Samuel Mirhawi Negash", "2002-03-20"), True,
         "left out, another transliteration"),
        (("KIDANE Helen", "1986-03-12"), ("Helen Kidane Mebrahtu", "1979-08-30"), False, None),
        (("Helen", "1986-03-12"), ("Helen Kidane Mebrahtu", "1986-03-12"), False, None),
        # a name part written twice is two parts: "Ly Minh Minh" leaves nothing out
        (("Ly Minh Minh", "2009-04-10"), ("Ly Minh Thanh", "2009-04-10"), False, None),
        (("BUI Duc Duc", "2003-12-18"), ("Bui Dung Duc", "2003-12-18"), False, None),
        # surname first without capitals and a one-edit typo: the parses disagree on the
        # surname, the name parts are compared in any order
        (("Suwannarat Siriporn", "1991-06-30"), ("SUWANNARAT Siripon", "1991-06-30"), True,
         "one-edit typo, name parts in another order"),
        (("Popal Zabiullah Ali", "1996-05-11"), ("POPAL Zabihullah Ali", "1996-05-11"), True,
         "one-edit typo, name parts in another order"),
        (("Diaconescu Mioara Eliana", "2006-06-09"), ("Mioara Diaconecsu", "2006-06-09"), True,
         "one-edit typo, name parts left out"),
        (("Suwannarat Siriporn", "1991-06-30"), ("SUWANNARAT Siriphon", "1984-02-11"), False,
         None),
        (("Suwannarat Siriporn", "1991-06-30"), ("SUWANNARAT Sirikit", "1991-06-30"), False,
         None),  # two edits
        (("Kolev Ivan", "1991-06-30"), ("KOLEV Ivo", "1991-06-30"), False, None),  # short part
        (("Diaconescu Mioara Eliana", "2006-06-09"), ("Mioara Diaconecsu", "2006-06-19"), False,
         None),  # a typo in the name and in the date
        # two edits in one long name part (another transliteration: "ph" is "p" in Thai) only
        # with the same full date of birth
        (("SUWANNARAT Siriphon", "1994-05-05"), ("Siriporn Suwannarat", "1994-05-05"), True,
         "two edits in one name part"),
        (("Angelov Tsvetelina", "1980-07-17"), ("Cvetelina Angelov", "1980-07-17"), True,
         "two edits in one name part"),
        (("SUWANNARAT Siriphon", "1994-01-01"), ("Siriporn Suwannarat", "1994-01-01"), False,
         None),  # a year-only date is not enough
        (("SUWANNARAT Siriphon", "1994-05-05"), ("Siriporn Suwannarat", "1994-05-15"), False,
         None),
        (("Amiri Farid", "1994-05-05"), ("AMIRI Faris", "1994-05-05"), True, "typo"),
        (("Amiri Farid", "1994-05-05"), ("AMIRI Fatima", "1994-05-05"), False, None),
        (("Amiri Karim", "1994-05-05"), ("AMIRI Kamil", "1994-05-05"), False, None),
    ],
)  # fmt: skip
def test_passport_order_transliteration_placeholder_dates(a, b, found, why) -> None:
    G = people(("u1", *a, "KMAR"), ("u2", *b, "IND"),
               u1={"gender": "M"} if "Maria" not in a[0] else {"gender": "F"},
               u2={"gender": "M"})  # fmt: skip
    got = pairs(G)
    assert (("u1", "u2") in got) is found
    if found:
        assert any(why in r for r in got[("u1", "u2")])


def test_two_year_only_dates_of_different_years_conflict() -> None:
    G = people(
        ("u1", "Xiaoling Liu", "1986-01-01", "KMAR"), ("u2", "Xiaoling Liu", "1984-01-01", "IND")
    )
    [c] = same_person_candidates(G, min_score=0.0)
    assert c.features.get("penalty_birth_date") == 0.4


def test_missing_birth_date_with_a_shared_identifier() -> None:
    b = Builder()
    b.node("u1", "Person", name="Mussie Woldu", birth_date="1976-12-11", parties=["KMAR"])
    b.node("u2", "Person", name="Mussie Woldu", parties=["IND"])
    b.node("kid", "Person", name="Selam Woldu", birth_date="2015-02-02")
    b.fact("u1", "TRAVELLED_WITH", "kid", party="KMAR")
    b.fact("u2", "FAMILY_OF", "kid", party="IND")
    [c] = [x for x in same_person_candidates(b.G) if x.pair == ("u1", "u2")]
    assert c.features["birth_date"] == 0.5 and "no date of birth on one side" in c.reasons
    alone = people(
        ("u1", "Mussie Woldu", "1976-12-11", "KMAR"), ("u2", "Mussie Woldu", None, "IND")
    )
    assert same_person_candidates(alone) == []  # the name alone is not enough


def _associate_records(hub: int = 0) -> Builder:
    b = Builder()
    b.node("u1", "Person", name="Mussie Woldu", birth_date="1976-12-11", parties=["KMAR"])
    b.node("u2", "Person", name="WOLDU Mussie", parties=["IND"])
    b.node("p", "Person", name="Selam Tesfay", birth_date="1990-02-02", parties=["POL"])
    b.node("home", "Address", street="Laan 1")
    b.node("case", "Investigation", case_id="C-1")
    b.fact("u1", "LIVES_AT", "home", party="KMAR")
    b.fact("p", "LIVES_AT", "home", party="POL")
    b.fact("u2", "INVOLVED_IN", "case", party="IND")
    b.fact("p", "INVOLVED_IN", "case", party="POL")
    for i in range(hub):  # a hotel or a large case: no evidence of an association
        b.node(f"h{i}", "Person", name=f"Guest {i}", parties=["POL"])
        b.fact(f"h{i}", "LIVES_AT", "home", party="POL")
        b.fact(f"h{i}", "INVOLVED_IN", "case", party="POL")
    return b


@pytest.mark.parametrize(
    ("hub", "name", "found"),
    [
        (0, "WOLDU Mussie", True),  # one date missing, a common associate
        (30, "WOLDU Mussie", False),  # the associate only through hubs
        (0, "WOLDU Mussa", False),  # another given name
        # a relative: the father's name as a patronymic, in the same network
        (0, "Selam Mussie Woldu", False),
    ],
)
def test_missing_birth_date_with_a_common_associate(hub, name, found) -> None:
    """A record without a date of birth and a dated one with the same name are each linked
    through an address, a case or an employer (not a hub) to the same third person."""
    b = _associate_records(hub)
    b.G.nodes["u2"]["name"] = name
    got = pairs(b.G)
    assert (("u1", "u2") in got) is found
    if found:
        assert any("shared associate" in r for r in got[("u1", "u2")])


def test_companions_found_in_a_first_pass_link_the_second() -> None:
    """A migrant's border and asylum records share nothing but a companion, who is written
    differently too: the collective pass resolves the companion first."""
    b = Builder()
    b.node("k1", "Person", name="Aron Kahsay", birth_date="1990-04-02", parties=["KMAR"])
    b.node("i1", "Person", name="KAHSAY Aron", birth_date="1990-04-02", parties=["IND"])
    b.node("k2", "Person", name="Selam Kahsay", birth_date="1992-01-01", parties=["KMAR"])
    b.node("i2", "Person", name="Selam Kahsay", parties=["IND"])
    b.fact("k1", "TRAVELLED_WITH", "k2", party="KMAR")
    b.fact("i1", "TRAVELLED_WITH", "i2", party="IND")
    found = {c.pair for c in same_person_candidates(b.G)}
    assert ("i1", "k1") in found and ("i2", "k2") in found


def test_working_name_records_from_different_deliveries_are_one_persona() -> None:
    b = Builder()
    b.node("PH", "Phone", number="+31612121212")
    for i in (1, 2):
        b.node(f"bella{i}", "Person", name="Bella")
        b.node(f"AD{i}", "Advertisement", platform="x", ad_id=str(i))
        b.fact(f"AD{i}", "ADVERTISES", f"bella{i}", ref=f"POL-2026-0{i}/L1")
        b.fact(f"AD{i}", "ADVERTISED_WITH", "PH", ref=f"POL-2026-0{i}/L2")
    [c] = same_person_candidates(b.G)
    assert c.pair == ("bella1", "bella2") and "shared advertisement contact (PH)" in c.reasons


def test_records_from_one_delivery_are_left_to_the_party() -> None:
    b = Builder()
    b.node("PH", "Phone", number="+31612121212")
    for i in (1, 2):
        b.node(f"bella{i}", "Person", name="Bella")
        b.fact(f"bella{i}", "USES_PHONE", "PH", ref=f"POL-2026-01/L{i}")
    assert same_person_candidates(b.G) == []
    assert len(same_person_candidates(b.G, across_parties=False)) == 1


def test_frames_input_gives_the_same_candidates(three_records) -> None:
    from emm.graph.analysis import to_frames

    assert same_person_candidates(
        to_frames(three_records), min_score=0.3
    ) == same_person_candidates(three_records, min_score=0.3)


def test_merge_confirmed_frames_keeps_every_fact(three_records) -> None:
    from emm.graph.analysis import to_frames
    from emm.graph.analysis.same_person import merge_confirmed_frames

    edges, nodes = to_frames(three_records)
    e2, n2 = merge_confirmed_frames(edges, nodes, [("u1", "u2"), ("u2", "u3")])
    assert len(e2) == len(edges) and set(n2["uid"]) == {"u1", "A", "x"}
    row = n2.set_index("uid").loc["u1"]
    assert row["merged_from"] == ["u1", "u2", "u3"] and row["bsn"] == "111222333"
    assert set(e2["src"]) | set(e2["dst"]) <= {"u1", "A", "x"}
    with pytest.raises(InvalidMerge):
        merge_confirmed_frames(edges, nodes, [("u1", "A")])
