"""The gate on names that the sentence gives away, and on what is left of a value (issue 13).

Written from the leaks of deid6 (its misses that reached an artefact, 39 of 68 on
755dab4), with new sentences: a word that is a place, a month or an ordinary word is a name
where a naming frame says so (``heet``, ``genoemd``, a title or rank, a closing greeting, a
person in brackets, an apposition with a person noun); particles, house-number words, floors,
joined digits and obfuscation words beside a placeholder are what is left of a value; MRZ
lines, keycap digits, "::ffff:" and lower-case Dutch plates are shapes. Each refused case must
have a finding on the survivor; each passed case is trend text that must pass without one.
"""

from __future__ import annotations

import pytest
from anon_helpers import shape_findings_on, shape_terms

from emm.anonymise.shapes import ShapeCheck

#: (case, text, the survivor a finding must touch)
REFUSED = [
    ("when a place-name after 'heet'", "Haar nicht heet Tiel en werkt in de kas.", "Tiel"),
    ("when a month after 'genaamd'", "een meisje genaamd Juni sliep daar", "Juni"),
    ("when a word before 'genoemd'", "door iedereen Bolle genoemd, de chauffeur", "Bolle"),
    ("when 'noemt zichzelf'", "Ze noemt zichzelf Merel op de site.", "Merel"),
    ("when 'known as'", "the recruiter, known as Cash in the chats", "Cash"),
    ("when every later mention of a named word", "Hij heet Storm. Storm reed de bus.", "Storm."),
    ("when a rank before a municipality", "Opgemaakt door brig. Van Gemert, Eindhoven", "Gemert"),
    ("when a title before one initial", 'stortingen van "Meneer B" op de rekening', "B"),
    ("when a closing on its own line", "Tot morgen!\nGroetjes,\nMei", "Mei"),
    ("when an English closing with a name", "See you there.\nCheers, Hunter", "Hunter"),
    ("when a quoted name before a person", 'de koerier "Biscuit" ([PERSOON]) bracht', "Biscuit"),
    ("when a place-name before a person", "het profiel van Ede ([PERSOON]) toont", "Ede"),
    ("when a place in apposition", "verhuurd door Lede, de eigenaar van het pand", "Lede"),
    ("when an English apposition", "handed over by Winter, a Polish national", "Winter"),
    ("when the owner of a BSN", "Adres bekend. BSN van KW: [BSN].", "KW"),
    ("when the owner of a passport", "We hold the passport of Rose at the desk.", "Rose"),
    ("when an addition after an address", "kamer op [ADRES] achter, [POSTCODE] Urk", "achter"),
    ("when a lower-case name with an initial", "ik kom morgen\nbasia w.", "basia w."),
    ("when a particle ends a table cell", "| huurder | [PERSOON] van der |\n|  | berg |", "berg"),
    ("when a particle wraps a line", "reisde met [PERSOON] van\nGemert naar Venlo", "Gemert"),
    ("when 'ten' after a person", "[PERSOON] ten [BSN] ingeschreven", "ten"),
    (
        "when a house-number word before a code",
        "woont op nummer [KENMERK] achter de kerk",
        "nummer",
    ),
    ("when a floor after an address", "sliepen op [ADRES], tweede etage, met zes man", "tweede"),
    ("when a year joined to a placeholder", "geboren [DATUM]-'88 in Sofia", "88"),
    ("when obfuscation words before an e-mail", "mail j punt smit [EMAIL] voor info", "punt"),
    ("when obfuscation words after an e-mail", "via [EMAIL] gmail (dot) example", "gmail"),
    ("when a passport MRZ line", "P<ROU[PERSOON]<<[PERSOON]<<<<<<<<<<<<<<<<<<<<", "ROU"),
    ("when an IPv4-mapped prefix", "login vanaf ::ffff:[IP-ADRES] om 02:14", "ffff"),
    ("when keycap digits", "Bel 0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣ nu", "1"),
    ("when a Dutch plate in lower case", "de bus (gx 407 b) reed naar Kerkrade", "gx 407 b"),
]

#: trend text that must pass without a finding
PASSED = [
    ("when 'genoemd' means mentioned", "In de signalen wordt Zeeland vaak genoemd."),
    ("when 'so-called' before a route", "The so-called Balkan route and the Central route."),
    ("when 'zogenaamde' before a route", "Via de zogenaamde Balkanroute kwamen 40 mensen."),
    (
        "when a place with a preposition",
        "In Lochem, de gemeente met de meeste campings, 12 meldingen.",
    ),
    (
        "when a place in apposition to a region",
        "Venlo, een gemeente in Limburg, telde 14 signalen.",
    ),
    (
        "when a closing with a body",
        "Met vriendelijke groet,\nExpertisecentrum Mensenhandel en Mensensmokkel",
    ),
    ("when an address of a body", "Het adres van de IND en het BSN van de aanvrager."),
    ("when sizes with 'x'", "Kamers van 3 x 4 meter voor 6 personen."),
    ("when a count with a unit", "In 2024 ging het om 12 kg en 40 m2 per woning."),
    ("when 'nr.' of an annex", "Zie bijlage nr. 3 en tabel 2 over de Wav."),
]


@pytest.fixture(scope="module")
def shapes() -> ShapeCheck:
    return ShapeCheck.default()


@pytest.mark.parametrize(("case", "text", "value"), REFUSED, ids=[c[0] for c in REFUSED])
def test_when_a_sentence_names_someone_or_a_value_is_left_then_the_gate_refuses_it(
    shapes: ShapeCheck, case: str, text: str, value: str
) -> None:
    touched, found = shape_findings_on(shapes, text, value)
    assert touched, found


@pytest.mark.parametrize(("case", "text"), PASSED, ids=[c[0] for c in PASSED])
def test_when_trend_text_uses_the_same_words_then_it_passes(
    shapes: ShapeCheck, case: str, text: str
) -> None:
    assert shape_terms(shapes, text) == []
