"""The export gate's text checks: shape check, gazetteer, known values through a loader,
placeholders, approvals. Light engine (no deduce): these do not depend on name lists."""

from __future__ import annotations

import pytest

from emm.anonymise.engine import Engine
from emm.anonymise.gate import Approval, ApprovalError, Gate
from emm.anonymise.gazetteer import load_gazetteer
from emm.anonymise.shapes import ShapeCheck

SHAPE_CASES = [
    ("when a BSN with dots then DIGITS", "BSN 111.222.333", [("DIGITS", "111.222.333")]),
    ("when a plate in lower case then MIXED", "auto 12-abc-3", [("MIXED", "12-abc-3")]),
    ("when [at] then EMAIL", "mail naam[at]hotmail.nl", [("EMAIL", "naam[at]hotmail.nl")]),
    ("when at ... dot then EMAIL", "lisa at gmail dot com", [("EMAIL", "lisa at gmail dot com")]),
    ("when a wa.me link then URL", "via wa.me/31612345678", [("URL", "wa.me/31612345678")]),
    ("when an IP then IP", "IP 192.168.1.20 gezien", [("IP", "192.168.1.20")]),
    ("when an underscore handle then HANDLE", "account lola_xo_99", [("HANDLE", "lola_xo_99")]),
    (
        "when an unknown capitalised name then CAPITALS",
        "zag Okonkwo daar",
        [("CAPITALS", "Okonkwo")],
    ),
    (
        "when a surname that is a word mid-sentence then CAPITALS",
        "de verdachte Bakker",
        [("CAPITALS", "Bakker")],
    ),
    (
        "when a lower-case name after a cue then NAME_CUE",
        "verdachte pieter de vries",
        [("NAME_CUE", "pieter de vries")],
    ),
    (
        "when counts, years, amounts, articles then nothing",
        "In 2024 kwamen 12.500 signalen (art. 273f Sr, 2019-2024, € 1.250.000, 45%).",
        [],
    ),
    (
        "when regions, parties and acts then nothing",
        "KMar, POL en Inspectie SZW zagen in West-Brabant en Zeeuws-Vlaanderen overtredingen van de Wav.",
        [],
    ),
    ("when a directive number then nothing", "Richtlijn 2011/36/EU en ECLI:NL:HR:2019:1234", []),
    ("when a month and year then nothing", "In maart 2024 en 2024-Q3", []),
    ("when a placeholder then nothing", "[PERSOON] belde [TELEFOON] over [DOCUMENTNUMMER].", []),
    ("when a village after 'in' then nothing", "signalen in Linschoten", []),
    ("when a village as a surname then CAPITALS", "zag Vries daar", [("CAPITALS", "Vries")]),
]


@pytest.fixture(scope="module")
def shapes() -> ShapeCheck:
    return ShapeCheck.default()


@pytest.mark.parametrize(("case", "text", "expected"), SHAPE_CASES, ids=[c[0] for c in SHAPE_CASES])
def test_shape_check(shapes: ShapeCheck, case: str, text: str, expected: list) -> None:
    assert [(f.rule, text[f.start : f.end]) for f in shapes.find(text)] == expected


def test_when_terms_are_in_the_gazetteer_then_found_with_their_category() -> None:
    g = load_gazetteer()
    text = "In Zuid-Holland, Oost-Europa en de Rotterdamse haven (Wav, OM)."
    found = {text[s:e]: c for s, e, c in g.find(text)}
    assert found["Zuid-Holland"] == "province" and found["Oost-Europa"] == "country"
    assert found["Rotterdamse"] == "municipality" and found["OM"] == "body"
    assert "om" not in {text[s:e] for s, e, _ in g.find("om tien uur")}
    assert all(t.source and t.date for t in g.tables)


@pytest.fixture
def gate(light_engine: Engine, shapes: ShapeCheck) -> Gate:
    return Gate(
        lambda: [("person", "Chukwuemeka Okonkwo"), ("v_number", "2571938406"), ("person", "Pol")],
        engine=light_engine,
        shapes=shapes,
    )


def test_when_a_known_value_is_written_then_refused_and_cannot_be_approved(gate: Gate) -> None:
    found = gate.check("narrative", "Zie v-nummer 2571.938.406 van CHUKWUEMEKA OKONKWO.")
    known = [f for f in found if f.check == "known"]
    assert {f.rule for f in known} == {"NL_V_NUMBER", "PERSON"}
    assert not any(f.approvable for f in known)
    assert all("»" in f.context for f in known)


def test_when_the_party_code_equals_a_known_name_then_no_finding(gate: Gate) -> None:
    assert gate.check("narrative", "De POL en de KMAR meldden 34 signalen in Zeeland.") == []


def test_when_placeholders_are_written_then_they_are_never_findings(gate: Gate) -> None:
    text = "[PERSOON] gebruikte [DOCUMENTNUMMER] en werkte voor [ORGANISATIE]."
    assert gate.check("narrative", text) == []


def test_when_a_finding_is_approved_then_it_passes_and_the_approval_is_returned(gate: Gate) -> None:
    found = gate.check("narrative", "Het project Zonnekwartel liep in Zeeland.")
    assert {f.term for f in found} == {"Zonnekwartel"}  # recognised and refused by shape
    remaining, used = Gate.apply_approvals(found, [Approval("zonnekwartel", "name of a programme")])
    assert remaining == [] and [a.why for a in used] == ["name of a programme"]
    remaining, used = Gate.apply_approvals(found, [Approval("Zeeland", "region")])
    assert len(remaining) == len(found) and used == []


def test_when_an_approval_has_no_reason_then_an_error() -> None:
    with pytest.raises(ApprovalError):
        Approval("Zonnekwartel", " ")


def test_when_a_finding_is_printed_then_no_matched_text_shows(gate: Gate) -> None:
    f = gate.check("narrative", "Het project Zonnekwartel liep.")[0]
    assert "Zonnekwartel" not in repr(f) and "Zonnekwartel" not in repr(gate)
    assert not hasattr(gate, "known") and not hasattr(gate, "known_values")


def test_when_the_loader_is_given_then_it_is_called_once(
    light_engine: Engine, shapes: ShapeCheck
) -> None:
    calls: list[int] = []

    def load() -> list[tuple[str, str]]:
        calls.append(1)
        return [("phone", "+31612345678")]

    gate = Gate(load, engine=light_engine, shapes=shapes)
    gate.check("a", "Tekst.")
    gate.check("b", "Bel 06 1234 5678.")
    assert calls == [1]


def test_when_foreign_towns_are_named_then_they_are_places_unless_a_name_stands_there(
    shapes: ShapeCheck,
) -> None:
    g = load_gazetteer()
    text = "Routes via Wigan, Goole en Peterborough naar Harwich en Boulogne-sur-Mer."
    assert {text[s:e] for s, e, _ in g.find(text)} >= {"Wigan", "Goole", "Harwich"}
    assert shapes.find(text) == []
    # a town that is also a name is a place after a place word, a person where a name stands
    assert shapes.find("Signalen uit Douglas en Lincoln.") == []
    found = shapes.find("Douglas zei dat de huur contant werd betaald.")
    assert [f.rule for f in found] == ["CAPITALS"]


def test_when_a_village_is_a_first_name_after_bij_then_the_de_identifier_takes_the_person(
    light_engine: Engine,
) -> None:
    from emm.anonymise.deid import deidentify

    assert "Thijs" not in deidentify("Ze slaapt bij Thijs, zegt ze.", engine=light_engine).text
    assert "Thijs" in deidentify("In Thijs en Best kwamen twee meldingen binnen.").text
