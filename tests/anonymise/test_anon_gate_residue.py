"""The gate's residue rule: what touches a placeholder passes only when it is plainly prose.

Each refused case is de-identified text in which part of a value survived beside its
placeholder; the shape check must have a finding on the survivor. The passed cases are
de-identified text whose neighbours are ordinary words, labels, places and ages: they must
pass without a finding (otherwise every export is analyst work).
"""

from __future__ import annotations

import pytest
from anon_helpers import shape_findings_on, shape_terms

from emm.anonymise.shapes import ShapeCheck

#: (case, text, the survivor a finding must touch)
REFUSED = [
    (
        "when an initial after a surname's placeholder",
        "betaald door [PERSOON], A. via de bank",
        "A.",
    ),
    ("when two initials after a placeholder", "Aan: [PERSOON], P.J.; [PERSOON], B.", "P.J."),
    ("when an initial in a table cell", "[KENTEKEN]\t[PERSOON], C.\n", "C."),
    ("when initials before a placeholder", "opgemaakt door R.J. [PERSOON] te Venlo", "R.J."),
    ("when the letters of a postcode", "[ADRES]\n[POSTCODE] BW UTRECHT", "BW"),
    ("when a plate's last letters", "rijdt in de [KENMERK] MXR naar huis", "MXR"),
    ("when an addition after an address", "woont op [ADRES] rd te Zaandam", "rd"),
    ("when a Polish flat number after an address", "office: [ADRES] lok. 7, Łódź", "lok."),
    ("when the head of a wrapped phone", "Telefoon op de loonstrook: 06 -\n[KENMERK].", "06"),
    ("when a day before an address-like date", "volgens taskara: 1 [ADRES] (omgerekend)", "1"),
    ("when a discriminator glued to a name", "naar Discord ([PERSOON]#4417) gegaan", "#4417"),
    (
        "when a form of address before a place holder",
        "Hij verbleef bij bai [ADRES] in Sofia",
        "bai",
    ),
    ("when a Polish form of address before a name", "Aanwezig: [PERSOON] en pan [PERSOON].", "pan"),
    ("when the rest of a name in lower case", "de accounts [PERSOON] [PERSOON] pol en", "pol"),
    ("when a diacritic name after a placeholder", "known as [PERSOON] Bảy in the camp", "Bảy"),
    ("when a number word before a phone", "Het nummer was plus [TELEFOON].", "plus"),
    ("when a surname in capitals after a placeholder", "houder: [PERSOON] JANSSENS,", "JANSSENS"),
    ("when a capitals cell after a placeholder", "[PERSOON] | MINH | [DATUM]", "MINH"),
    ("when a particle with a comma before a name", "van, [PERSOON]   210   € 980", "van"),
    (
        "when a street before its number",
        "Hij woont op Kerkstraat [KENMERK] in Wamel.",
        "Kerkstraat",
    ),
    (
        "when an e-mail's head glued to its placeholder",
        "e-mail van s.vermaat[[EMAIL]: zijn",
        "vermaat",
    ),
    ("when a letter code before a number", "zijn UK [KENMERK] D.", "D."),
    ("when a year beside a date", "geboren [DATUM] 1998 te Lagos", "1998"),
    ("when a name joined to a person", "with two women, [PERSOON] and Sofia.", "Sofia"),
    ("when a name joined before a person", "Bewoners: Ilona en [PERSOON].", "Ilona"),
]

#: de-identified text that must pass without a finding
PASSED = [
    ("when a verb follows a name", "[PERSOON] verklaarde dat hij [PERSOON] kende."),
    ("when a sentence ends on a name", "Zij sprak met [PERSOON]. Hij zweeg."),
    ("when a label precedes its value", "BSN [BSN], IBAN [IBAN], tel. [TELEFOON], geb. [DATUM]."),
    ("when a label word precedes a code", "pasnummer [KENMERK] en PESEL [KENMERK]"),
    ("when a place follows a postcode", "[ADRES], [POSTCODE] Rotterdam"),
    ("when a place follows 'te'", "aangehouden op [ADRES] te Venlo"),
    ("when an age follows a name", "[PERSOON], 34, werkte sinds maart 2024 in de kas."),
    ("when a title precedes a name", "Geachte heer [PERSOON], mevrouw [PERSOON] en dhr. [PERSOON]"),
    ("when a colon label precedes a value", "Tel: [TELEFOON]\nE-mail: [EMAIL]"),
    ("when a placeholder is bracketed", "de eigenaar ([PERSOON]) en zijn broer"),
    ("when a genitive", "[PERSOON]s woning en [PERSOON]'s auto"),
    ("when a compound after a hyphen", "in deze [PERSOON]-zaak werkten POL en KMar samen"),
    ("when an English verb follows", "[PERSOON] said that [PERSOON] paid the rent."),
    ("when a party follows a name", "[PERSOON] werd door POL en IND gehoord."),
    ("when two placeholders", "[PERSOON] [PERSOON] woont in [LOCATIE]."),
    ("when a place joined to a person is a country", "[PERSOON] en Roemenië"),
]

#: chat speakers, lower-case plates, a firm's "en Zn."
REFUSED_SHAPES = [
    ("when a birth date in Dutch words", "[PERSOON], geboren elf mei negentienzeventig, en", "elf"),
    ("when a birth date with a day word", "[PERSOON] (geb. vier juni 1987) en", "vier juni"),
    ("when a Dutch ordinal date", "geboren de 3e van april 1990 te Lagos", "3e van april"),
    ("when an English ordinal date", "she was born on the second of June 1999;", "second"),
    ("when a day word date without a label", "ingereisd, zij is van negen mei 1995.", "negen mei"),
    ("when a phone with o for zero", "het nummer o6 - 21 o3 44 19 staat", "o6"),
    ("when a phone with l for one", "reach me on +48 5l2 o33 918", "5l2"),
    ("when a chat speaker with a name", "Roos: ben je er?\n[PERSOON]: ja", "Roos"),
    ("when a chat speaker in lower case", "dre: kom je?\n[PERSOON]: ja\ndre: goed", "dre"),
    ("when a chat speaker with a lower-case name", "babe: kom je?\n[PERSOON]: ja", "babe"),
    ("when a lower-case foreign plate", "de bus (kenteken ab-cd 912) stond", "ab-cd 912"),
    ("when a firm's 'en Zn.' after a placeholder", "[PERSOON] en Zn. (KvK [KVK]) heeft", "Zn."),
    ("when a lower-case name after a cue", "zeg tegen kim dat ze klaar moet zijn", "kim"),
]

PASSED_SHAPES = [
    ("when a recent date in words", "Op drie juni 2025 verscheen het rapport."),
    ("when counts and months", "Twee signalen in mei 2023 en vier in juni 2024."),
    ("when a product's title opens it", "Quick Scan: gedwongen bedelarij in 2024"),
    ("when roles speak", "moeder: waar ben je?\n[PERSOON]: hier\nmoeder: kom thuis"),
    ("when a heading before a colon", "Conclusie: het aantal signalen steeg.\nBron: CBS"),
    ("when a list of regions before colons", "Noord: 12 signalen\nZuid: 9 signalen"),
    ("when numbers with decimals and ranges", "In 2019-2024 was 0,5 % van 1.234 zaken uitbuiting."),
    ("when a first of a month in a year", "the first of May 2024 saw 12 cases"),
]


#: names and values written as people write them, beyond a placeholder's neighbours
REFUSED_NAMES = [
    ("when a lower-case word after a title", "Melder (dhr. smid, voornaam onbekend) zag", "smid"),
    ("when a place after a title", "Mevrouw Goes, eigenaar van vier panden, werkte mee", "Goes"),
    ("when a place after a role", "haar buurman Borne woont ernaast", "Borne"),
    ("when a lower-case first name opens a sentence", "Zij ging weg. daan belde later.", "daan"),
    ("when a word before (werknaam)", "Lola (werknaam) werkt vanuit een flat", "Lola"),
    ("when a quoted name in lower case", 'zij zei dat "visser" haar sloeg', "visser"),
    ("when a quoted nickname after 'ook'", 'de verdachte (ook "KB") reed', "KB"),
    ("when a quoted nickname before 'zo noemen'", '("Baas", zo noemen ze hem) reed', "Baas"),
    ("when 'van der' in lower case", "medeverdachte van der molen, r. (broer)", "molen"),
    ("when a particle glued to a name", "Gezin el-Amrani: vader en zoon", "Amrani"),
    ("when a device named after its owner", 'het toestel "iphone-van-sanne" logde in', "sanne"),
    ("when a masked phone", "zichtbaar als 06-****4411; het volledige nummer", "4411"),
    ("when a masked account", "IBAN NL** INGB **** **12 34, BSN *****3310", "12 34"),
    ("when a masked card", "Gekoppelde pas: **** **** **** 9921.", "9921"),
    ("when a phone spelled with dashes", "app: nul zes - twee één - vier acht - nul nul", "vier"),
    ("when a plot abroad", "Director, Plot 12, Sector 4, Lahore", "Plot 12"),
    ("when a multi-word speaker", "[PERSOON]: geen geld\nMama Joy: dan werkt ze extra", "Mama Joy"),
    ("when an initial in lower case after a name", "- [PERSOON], b. (vrouw), geb. [DATUM]", "b."),
    ("when a name suffix", "[PERSOON] jr. wordt vervolgd", "jr"),
    ("when a firm's next word", "werkte in [PERSOON] Antwerpen, ondernemingsnummer", "Antwerpen"),
    ("when a name in capitals in a table cell", "| BOS | [PERSOON] | 12 |", "BOS"),
]

PASSED_NAMES = [
    ("when a quoted term", 'Het begrip "loverboy" en de term "uitbuiting" bleven.'),
    ("when 'van de' in prose", "Een deel van de signalen kwam van der... nee, van de KMar."),
    (
        "when a heading sentence in capitals",
        "In 2024 meldde de KMar 312 signalen. Daarna volgde IND.",
    ),
    ("when counts in a table", "| Regio | 2023 | 2024 |\n| Zeeland | 12 | 14 |"),
    ("when provinces are named", "In de provincies Limburg en Drenthe daalde het aantal."),
    ("when places are examples", "Places such as Best, Goes and Born report few signals."),
    ("when places have counts", "Elst kende 4 meldingen, Goes 9, Born 6."),
    ("when an acronym's plural", "De RIEC's en de COROP-gebieden leverden cijfers."),
]

ALL_REFUSED = REFUSED + REFUSED_SHAPES + REFUSED_NAMES
TREND = PASSED_SHAPES + PASSED_NAMES


@pytest.fixture(scope="module")
def shapes() -> ShapeCheck:
    return ShapeCheck.default()


@pytest.mark.parametrize(("case", "text", "value"), ALL_REFUSED, ids=[c[0] for c in ALL_REFUSED])
def test_when_a_value_survives_de_identification_then_the_gate_refuses_it(
    shapes: ShapeCheck, case: str, text: str, value: str
) -> None:
    touched, found = shape_findings_on(shapes, text, value)
    assert touched, found


@pytest.mark.parametrize(("case", "text"), PASSED, ids=[c[0] for c in PASSED])
def test_when_prose_touches_a_placeholder_then_it_passes(
    shapes: ShapeCheck, case: str, text: str
) -> None:
    assert shape_terms(shapes, text, rules=("RESIDUE", "JOINED")) == []


#: other shapes of what a de-identifier leaves: dates in words, digits written with letters,


@pytest.mark.parametrize(("case", "text"), TREND, ids=[c[0] for c in TREND])
def test_when_trend_text_has_such_shapes_then_it_passes(
    shapes: ShapeCheck, case: str, text: str
) -> None:
    assert shape_terms(shapes, text) == []
