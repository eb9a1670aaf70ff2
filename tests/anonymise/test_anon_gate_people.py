"""The gate on people written without a name a list knows (issue 13, seventh round).

What a de-identifier leaves when nothing marks a name as a name: initials, a nationality
noun for one person, the rest of a quoted contact name, a name field's value, a surname
after a capitalised particle, a rare name opening a sentence, a lower-case surname opening a
sentence, a name split over two lines. Each refused case must have a shape finding on the
survivor; each passed case is trend text or prose that must pass without one (analyst work).
"""

from __future__ import annotations

import pytest
from anon_helpers import shape_findings_on, shape_terms

from emm.anonymise.deid import deidentify
from emm.anonymise.engine import Engine
from emm.anonymise.shapes import ShapeCheck

#: (case, text, the survivor a finding must touch)
REFUSED = [
    ("when a series of initials stands alone", 'op de deur stond alleen "K.L.M.".', "K.L.M."),
    ("when initials mid-sentence", "het contract van R.J.P. werd ontbonden", "R.J.P."),
    ("when a quoted single initial", 'Client "T." (full name [PERSOON]) was seen', "T."),
    ("when a bracketed single initial", "ondertekend door de werkgever (R.) en", "R."),
    ("when an initial before a surname", "de pas op naam van P. Jansen lag er", "P."),
    ("when a lower-case initial before a particle", "de pas van j. van dijk lag daar", "j."),
    (
        "when lower-case initials before a name",
        "Subject [PERSOON] (o.j. okafor in the file)",
        "o.j.",
    ),
    ("when a nationality noun with an article", "Volgens de buurman regelde de Rus het.", "Rus"),
    ("when a nationality noun opens a sentence", "De Bulgaar verklaarde niets.", "Bulgaar"),
    ("when a nationality noun after 'die'", "contact met die Marokkaan via Telegram", "Marokkaan"),
    ("when an English nationality noun", "the Pole said he paid the rent", "Pole"),
    ("when a nationality that is a name", "export uit telefoon Noor, 12 berichten", "Noor"),
    (
        "when a contact name partly replaced",
        'contacten "oom [PERSOON]" en "Tante [PERSOON]"',
        "oom",
    ),
    ("when a device name partly replaced", 'telefoon: "Galaxy [PERSOON] [PERSOON]".', "Galaxy"),
    ("when a quoted alias after a person", 'She names [PERSOON] ("Big K") in Accra', "Big K"),
    ("when a name field's value", "Naam werknemer: Kristóf\n[PERSOON]   BSN: [BSN]", "Kristóf"),
    (
        "when a surname after a capitalised particle",
        "Daarna had De Vries een mes bij zich.",
        "Vries",
    ),
    ("when 'Van der' opens a sentence", "Overdracht: Van der Meer belt morgen terug.", "Meer"),
    ("when a place is the one spoken to", "ok tell Saba the car comes friday", "Saba"),
    ("when a rare name opens a sentence", "sick or not. Tunde will bring you.", "Tunde"),
    (
        "when a lower-case surname opens a sentence",
        "bij de verhuurder. pauwels verhuurt",
        "pauwels",
    ),
    ("when a lower-case surname opens a quote", 'A: "mulder hier. ben je binnen?"', "mulder"),
    ("when a lower-case surname before its given name", "• ahmadi, [PERSOON] (moeder)", "ahmadi"),
    ("when a lower-case name after 'heet'", "Haar man heet osagie en woont hier", "osagie"),
    ("when a single letter after a person", "Medeverdachte [PERSOON], r (broer).", "r"),
    ("when a house name after 't", "werkte in de [PERSOON] 't Hoekske te Ronse", "Hoekske"),
    ("when an address's bracketed addition", "slapen op [ADRES] (bouwkeet 3) in Leiden", "3"),
    ("when a surname after an initial's stop", "Controle bij [PERSOON]. van Urk op Urk.", "Urk"),
    ("when a name goes on after a line break", "Contact: Ilse\n[PERSOON] (moeder)", "Ilse"),
    (
        "when a capitalised article opens a name",
        "He knows my school, Het Amsterdams Lyceum.",
        "Lyceum",
    ),
    ("when a capitalised article before a firm", "werkte bij (De [ORGANISATIE]) in Venlo", "De"),
    ("when a particle opens a sentence before a verb", "Hij is 17. Van werkte in de kas.", "Van"),
    ("when a kinship word opens the one spoken to", "ok tell Mummy Gift i go pay", "Mummy"),
    ("when a firm's word joined by '&'", "[KENMERK] | Clean & [PERSOON] | [ADRES]", "Clean"),
    ("when 'ma' before a name in a chat", "[PERSOON]: ma [PERSOON] zegt dat", "ma"),
]

#: trend text and prose that must pass without a finding
PASSED = [
    ("when nationalities are adjectives", "Roemeense werknemers en Bulgaarse uitzendkrachten."),
    ("when a nationality noun after 'een'", "Een Bulgaar en twee Polen werden gehoord."),
    ("when a nationality is said of someone", "Hij is Noor van geboorte en woont hier."),
    ("when nationalities are plural", "De Russen en de Turken vormen kleine groepen."),
    (
        "when English nationalities are adjectives",
        "the Russian police and the Bulgarian authorities",
    ),
    (
        "when abbreviations with stops",
        "zie o.a. art. 273f Sr; N.B. de V.S. en de E.U. werkten samen",
    ),
    ("when a letter after a label word", "Bijlage A. De cijfers staan in tabel B."),
    ("when places after capitalised articles", "In De Bilt en Den Haag kwamen signalen binnen."),
    ("when 'Van de' opens a sentence", "Van de 120 signalen kwamen er 40 uit Zeeland."),
    ("when 'Van' before a place opens a sentence", "Van Amsterdam tot Rotterdam steeg het aantal."),
    ("when a lower-case list after a colon", "Sectoren: bouw, land- en tuinbouw, horeca."),
    ("when a newspaper with its article", "Volgens De Telegraaf en Het Parool steeg het aantal."),
    ("when a police unit with its place", "De Eenheid Rotterdam en de Eenheid Den Haag telden."),
    (
        "when a body with 'De' in its name",
        "Organisaties als Fier en Kompaan en De Bocht zien meer.",
    ),
]


def test_when_an_english_date_opens_with_its_day_then_its_article_goes_with_it(
    light_engine: Engine,
) -> None:
    out = deidentify("She was born on the 3rd of July 2004 in Lagos.", engine=light_engine).text
    assert "the" not in out.split(), out
    assert "[DATUM]" in out, out


@pytest.fixture(scope="module")
def shapes() -> ShapeCheck:
    return ShapeCheck.default()


@pytest.mark.parametrize(("case", "text", "value"), REFUSED, ids=[c[0] for c in REFUSED])
def test_when_a_person_is_written_without_a_known_name_then_the_gate_refuses_it(
    shapes: ShapeCheck, case: str, text: str, value: str
) -> None:
    touched, found = shape_findings_on(shapes, text, value)
    assert touched, found


@pytest.mark.parametrize(("case", "text"), PASSED, ids=[c[0] for c in PASSED])
def test_when_trend_text_names_nationalities_and_abbreviations_then_it_passes(
    shapes: ShapeCheck, case: str, text: str
) -> None:
    assert shape_terms(shapes, text) == []
