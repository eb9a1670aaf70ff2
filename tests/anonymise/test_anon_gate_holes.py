"""The gate's shape check on what a de-identifier misses: the holes seen on the hard sets.

Each case is the text an export would write after a de-identifier missed a value; the gate
must have a finding that covers part of the value. Negatives: trend text with the same
surface (number words, capitals, commas) that must pass unchanged.
"""

from __future__ import annotations

import pytest
from anon_helpers import shape_findings_on, shape_terms

from emm.anonymise.shapes import ShapeCheck

#: (case, text, the missed value that a finding must touch)
REFUSED = [
    ("when a surname in capitals after its label", "Achternaam: OSS", "OSS"),
    ("when SURNAME, Given", "Gehoord werd JANSEN, Pieter over de reis.", "JANSEN"),
    ("when a particle surname in capitals, Given", "Verhoord: DE VRIES, Anna (1990)", "VRIES"),
    ("when a capitals surname that is a word, Given", "Verhoord: BAKKER, Johan", "BAKKER"),
    ("when Surname, Given in a list", "Getuigen: Visser, Karin en Smit, Ruud.", "Visser"),
    ("when a house number with a letter addition", "woont aan de Kerkweg 12 hs", "12 hs"),
    ("when a house number with bis", "op de Dorpsstraat 14-bis in Tilburg", "14-bis"),
    (
        "when a house number spelled out",
        "Hij woont op nummer veertien in de Lindelaan.",
        "veertien",
    ),
    (
        "when a phone number spelled out in Dutch",
        "bel nul zes twaalf vierendertig zesenvijftig achtenzeventig",
        "twaalf",
    ),
    ("when a BSN spelled out", "BSN een twee drie vier vijf zes zeven acht negen", "vier"),
    ("when a phone spelled out in English", "call zero six one two three four five", "three"),
    ("when e-mail with (at) and (dot)", "mail naam (at) hotmail (dot) com", "hotmail"),
    ("when e-mail with AT and DOT", "mail: p.jansen AT gmail DOT com", "jansen"),
    ("when e-mail with a hash for at", "stuur naar jansen#gmail.com", "gmail"),
    ("when e-mail with 'apenstaartje'", "mail naam apenstaartje gmail punt com", "gmail"),
    ("when a phone with a letter o for zero", "Bel o6-12345678", "12345678"),
    ("when a foreign plate of two groups", "lorries MKN 207 and KJT 118", "MKN 207"),
    ("when a plate with letters after digits", "in a van, 4821 KZB.", "4821 KZB"),
    ("when a UK postcode", "Soho Road, Birmingham B21 9DP, after", "B21 9DP"),
    ("when an Irish Eircode", "Dublin 1, D01 K7R9, on three nights", "D01 K7R9"),
    ("when a Dutch postcode in capitals alone", "woont in 2241 BW sinds maart", "2241 BW"),
    ("when a date of birth with a month name", "omgerekend 21 maart 2005).", "21 maart 2005"),
    ("when a date of birth with a Roman month", "Geboren: 9 V 1986", "9 V 1986"),
    ("when a spaced numeric date", "Geboren: 05 - 03 - 2003", "05 - 03 - 2003"),
    ("when a date with letters o for zeros", "Date of birth: O4 O7 1992", "O4 O7 1992"),
    ("when a foreign street", "lives at 14 rue Myrha, Paris", "rue Myrha"),
    ("when a flat number before a comma", "held in Flat 4, [PERSOON], Birmingham", "Flat 4"),
    ("when a staff number with a leading zero", "0031 | [PERSOON] | 12 | 12", "0031"),
    ("when a firm with its kind", "ingehuurd via Flexpool Heuvelrug. Resultaat", "Flexpool"),
    ("when a hotel by name", "receptie van Hotel Stadspoort Maastricht meldt", "Stadspoort"),
    ("when a firm's kind beside a placeholder", "en [PERSOON] Horeca Personeel en", "Horeca"),
    ("when a name in Chinese", "the owner (周梅), born", "周梅"),
    ("when a handle with a trailing underscore", "kxng.dre_: yo u wanna", "kxng.dre_"),
    ("when a dotted lower-case handle", "posts on Snapchat as snelgeld.almere and", "snelgeld"),
    ("when a plate wrapped over two lines", "houder\nVKP-\n61-J       | x", "VKP"),
    ("when digits wrapped over two lines", "IMEI 99469282546\n3625\nEmail", "3625"),
    ("when an e-mail wrapped before its @", "Email: tadeusz.wojtowicz\n@onet.pl", "tadeusz"),
    ("when a form of address before a name", 'ook "chị [PERSOON]"), gsm', "chị"),
    ("when a rare first name before a name", "Arrests: Gentian [PERSOON] (Tilburg)", "Gentian"),
    ("when a capitals surname before a given name", "1: HOXHA, [PERSOON] (Albanees)", "HOXHA"),
    ("when a nickname after a name", '1 | [PERSOON] "BIZON" | mrt', "BIZON"),
    ("when a quoted nickname with an article", 'bij "de Hongaar" in de kelder', "Hongaar"),
    ("when a name explained by a placeholder", "Dries = [PERSOON], gekend", "Dries"),
    ("when a sister named after a place", "zijn zus Saba woont niet in Zweden", "Saba"),
    ("when an unknown word after a cue", "and tell jonel no sick days", "jonel"),
    ("when an addition after an address", "[ADRES] achter te Wateringen", "achter"),
    ("when a floor after an address", "adres [ADRES] 3e etage, [POSTCODE]", "3e etage"),
    ("when a street word before a name", "lives at vul. [PERSOON] [PERSOON], kv. 9", "vul."),
    ("when a flat after an address", "Pazardzhik, [ADRES], ap. 8. The minibus", "ap. 8"),
    ("when a name after a lower-case head", '[IP-ADRES] ("iPhone-Dragos").', "Dragos"),
    ("when a number head before a wrapped number", "nr.: 70-\n[KENMERK]\nBSN", "70"),
]

#: trend text that must pass the shape check without a finding
PASSED = [
    (
        "when a function word that is also a first name stands before 'de' and a word",
        "Vooral in de logistiek en de land- en tuinbouw.",
    ),
    ("when number words count things", "Twee of drie signalen kwamen uit een van de vier regio's."),
    (
        "when a list of counts in words",
        "In een, twee of drie gevallen was er sprake van uitbuiting.",
    ),
    ("when a capitalised region list", "Signalen uit Zeeland, Limburg en Noord-Brabant namen toe."),
    ("when a place, a province", "In Tilburg, Noord-Brabant, zagen de KMar en POL 34 signalen."),
    ("when an article number", "Zie artikel 273f Sr, lid 1, onder 4."),
    ("when parties with counts", "POL 230, KMar 45 en IND 12 signalen; Wav 2024."),
    ("when an IP label is no plate", "Er waren 12 meldingen over IP-adressen."),
    ("when a recent full date", "Op 12 maart 2024 publiceerde het CBS de cijfers."),
    ("when born with a region", "Workers born outside the EU made up 18%."),
    ("when born after a year", "Jongeren geboren na 2005 waren 40% van de groep."),
    ("when a list of places with commas", "In Oss, Best, Ede en Goes werden 20 zaken gemeld."),
    ("when a union's name", "the International Transport Workers' Federation said"),
    ("when a compound with a capitalised place", "de oost-Europese en anti-Amerikaanse groep"),
    ("when a region after 'het'", "In het Westland en het Oostland werken 25.000 mensen."),
    (
        "when the act on placing workers",
        "Onder de Wtta moeten uitzendbureaus een toelating hebben.",
    ),
    ("when a police bureau", "From: Garda National Protective Services Bureau"),
    ("when hotels in general", "Hotels in Zeeland en de horeca in Limburg meldden 12 gevallen."),
    ("when a quoted term", 'Het begrip "loverboy" wordt nog gebruikt.'),
    ("when an address word after a street number", "Op de Markt 5 voor de deur stonden 12 mensen."),
    ("when acronyms of bodies", "De FIOD, NCTV, KPCN en EMPACT werkten samen met UNODC."),
    ("when a year and a count on two lines", "In 2024\n312 signalen"),
]


@pytest.fixture(scope="module")
def shapes() -> ShapeCheck:
    return ShapeCheck.default()


@pytest.mark.parametrize(("case", "text", "value"), REFUSED, ids=[c[0] for c in REFUSED])
def test_when_a_miss_is_written_then_the_shape_check_refuses_it(
    shapes: ShapeCheck, case: str, text: str, value: str
) -> None:
    touched, found = shape_findings_on(shapes, text, value)
    assert touched, found


@pytest.mark.parametrize(("case", "text"), PASSED, ids=[c[0] for c in PASSED])
def test_when_trend_text_is_written_then_the_shape_check_passes_it(
    shapes: ShapeCheck, case: str, text: str
) -> None:
    assert shape_terms(shapes, text) == []
