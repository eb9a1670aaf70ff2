"""The gate on names that the sentence gives away, and on what is left of a value (issue 13).

Written from the leaks of deid6 (its misses that reached an artefact, 39 of 68 on
755dab4), with new sentences: a word that is a place, a month or an ordinary word is a name
where a naming frame says so (``heet``, ``genoemd``, a title or rank, a closing greeting, a
person in brackets, an apposition with a person noun); particles, house-number words, floors,
joined digits and obfuscation words beside a placeholder are what is left of a value; MRZ
lines, keycap digits, "::ffff:" and lower-case Dutch plates are shapes; invisible characters,
full-width digits, emoji and look-alike letters do not hide a value. Since deid7 became
tuning material (2026-12-04), also its leaks, in new sentences. Each refused case must
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
    ("when zero-width spaces in a number", "bsn 212\u200b254\u200b418 klopt", "254"),
    ("when no-break spaces in an account", "rek NL25\xa0ABNA [KENMERK]", "ABNA"),
    ("when full-width digits", "tel ０６１２３４５６７８", "１２３"),
    ("when a Cyrillic letter in a name", "Jаnsen betaalde de huur", "Jаnsen"),
    ("when an emoji in a handle", "[ACCOUNT].🌸.ams: hoi schat", "ams"),
    ("when a display name before an address", "From: Tunde Bakare <[EMAIL]>", "Bakare"),
    ("when a place-name with an initial", 'Met "Sofia R." op het station.', "Sofia"),
    ("when a surname first with its particle", '"Vries, de";"[PERSOON]";"[BSN]"', "Vries"),
    ("when a document's short name", "[PERSOON] (hierna: KWB) huurde", "KWB"),
    ("when a year of birth after a person", "haar dochter [PERSOON] (2012) werkte", "2012"),
    ("when a village that is a first name", "[PERSOON]: bij Thijs zn vriend", "Thijs"),
    ("when a dike with a number", "die van de Oudedijk 8?", "8"),
    ("when a house number with two letters", "Hij woont Noordeinde 99zw in Den Haag", "99zw"),
    ("when a club's name", "controle bij Club Venus Heerlen, KvK", "Venus"),
    ("when a code in short groups", "chassisnummer wv2z zz7h z9h0 3421 x", "wv2z"),
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
    ("when a village after 'in'", "In Thijs en Best kwamen signalen binnen."),
    ("when annex letters", "Bijlage A. De cijfers staan in bijlage B."),
    ("when counts in short groups", "12 ton 3 pallets 40 m2 en 2 x 3 m"),
    (
        "when accents and a euro sign",
        "In België en Curaçao ging € 1.250 om, in Zeeuws-Vlaanderen 40.",
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
