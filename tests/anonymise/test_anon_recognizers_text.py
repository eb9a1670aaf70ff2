"""Table tests for postcode, street + house number, licence plate, date, phone and e-mail.

Each row: text, the substrings that must be found (empty: nothing may be found).
"""

from __future__ import annotations

import pytest
from anon_helpers import found

from emm.anonymise.engine import Engine
from emm.anonymise.recognizers import sidecode_of


def _ids(cases: list[tuple[str, str, list[str]]]) -> list[str]:
    return [c[0] for c in cases]


POSTCODE_CASES = [
    ("when 4 digits, space, 2 capitals then postcode", "1234 AB Utrecht", ["1234 AB"]),
    ("when without the space then postcode", "postcode 8011AB", ["8011AB"]),
    ("when lower case and not a word then postcode", "wonende 1234 ab", ["1234 ab"]),
    ("when lower case and a word then no postcode", "in 2024 en verder", []),
    ("when a year and a word then no postcode", "In 2024 en 2023 nam het toe", []),
    ("when it starts with 0 then no postcode", "0123 AB", []),
    ("when the letters are SS then no postcode", "1234 SS", []),
    ("when more capitals follow then no postcode", "1234 ABC", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), POSTCODE_CASES, ids=_ids(POSTCODE_CASES))
def test_postcode(light_engine: Engine, case: str, text: str, expected: list[str]) -> None:
    assert found(light_engine, text, "NL_POSTCODE") == expected


ADDRESS_CASES = [
    ("when street and number then address", "woont aan de Kerkstraat 12 in", ["Kerkstraat 12"]),
    ("when a letter addition then address", "Kerkstraat 12a", ["Kerkstraat 12a"]),
    ("when a capital addition with space then address", "Dorpsweg 7 B,", ["Dorpsweg 7 B"]),
    ("when a dash addition then address", "Oudegracht 12-2", ["Oudegracht 12-2"]),
    ("when 'bis' then address", "Oudegracht 12 bis.", ["Oudegracht 12 bis"]),
    ("when 'hs' then address", "Singel 140 hs", ["Singel 140 hs"]),
    ("when a roman floor then address", "Dorpsstraat 12-II", ["Dorpsstraat 12-II"]),
    (
        "when a multi-word street then address",
        "Burgemeester de Vlugtlaan 125",
        ["Burgemeester de Vlugtlaan 125"],
    ),
    ("when 'Laan van ...' then address", "Laan van Meerdervoort 12", ["Laan van Meerdervoort 12"]),
    ("when a street without number then nothing", "aan de Kerkstraat wonen", []),
    ("when a city and a year then nothing", "Amsterdam 2024", []),
    ("when a lower-case word then nothing", "de straat 12 keer", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), ADDRESS_CASES, ids=_ids(ADDRESS_CASES))
def test_address(light_engine: Engine, case: str, text: str, expected: list[str]) -> None:
    assert found(light_engine, text, "NL_ADDRESS") == expected


PLATE_CASES = [
    ("when side code 1 then plate", "kenteken AB-12-34", ["AB-12-34"]),
    ("when side code 4 then plate", "AB-12-CD gezien", ["AB-12-CD"]),
    ("when side code 7 then plate", "de auto 12-ABC-3", ["12-ABC-3"]),
    ("when side code 8 then plate", "1-ABC-23", ["1-ABC-23"]),
    ("when side code 9 then plate", "XX-999-X", ["XX-999-X"]),
    ("when side code 10 then plate", "G-123-BB", ["G-123-BB"]),
    ("when side code 11 then plate", "GBB-12-X", ["GBB-12-X"]),
    ("when side code 13 then plate", "1-XX-123", ["1-XX-123"]),
    ("when side code 14 then plate", "123-XX-1", ["123-XX-1"]),
    ("when without dashes next to 'kenteken' then plate", "kenteken 12ABC3", ["12ABC3"]),
    ("when lower case with dashes then plate", "kenteken ab-12-cd", ["ab-12-cd"]),
    ("when lower case without dashes then no plate", "code ab12cd", []),
    ("when a date then no plate", "12-03-24", []),
    ("when not a side code then no plate", "ABC-DEF-1", []),
    ("when part of a longer code then no plate", "XAB-12-CD", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), PLATE_CASES, ids=_ids(PLATE_CASES))
def test_licence_plate(light_engine: Engine, case: str, text: str, expected: list[str]) -> None:
    assert found(light_engine, text, "NL_LICENCE_PLATE") == expected


@pytest.mark.parametrize(
    ("plate", "code"),
    [("AB-12-34", 1), ("12-ab-34", 3), ("12ABC3", 7), ("GBB-12-X", 11), ("ABC-DEF-1", None)],
)
def test_sidecode_of(plate: str, code: int | None) -> None:
    assert sidecode_of(plate) == code


DATE_CASES = [
    # only a date of birth points at a person: a birth word, or the date right after a name
    ("when born on a Dutch date then date", "geboren op 3 maart 2024 te Zwolle", ["3 maart 2024"]),
    ("when geb. and an abbreviated month then date", "geb. 3 mrt. 2024", ["3 mrt. 2024"]),
    ("when geboren and abbreviated without period then date", "geboren 3 okt 1999", ["3 okt 1999"]),
    ("when English born then date", "born 5th of March 1988", ["5th of March 1988"]),
    ("when English born, month first then date", "born on March 3, 2024", ["March 3, 2024"]),
    ("when dd-mm-yyyy then date", "geboren 12-05-1990", ["12-05-1990"]),
    ("when ddmmyyyy after a birth word then date", "geb. 03111996", ["03111996"]),
    ("when ISO after a name then date", "Liu Fang, 1999-03-22, Chinese", ["1999-03-22"]),
    ("when in brackets after a name then date", "Nordin Bouazza (04-04-1999)", ["04-04-1999"]),
    ("when an event date then nothing", "op 3 maart 2024 aangehouden", []),
    ("when a law's date then nothing", "sinds 1 januari 2025 van kracht", []),
    ("when ddmmyyyy without a birth word then nothing", "zaak 03111996", []),
    ("when a year alone then nothing", "in 2024 en 2023", []),
    ("when a month and year then nothing", "in maart 2024", []),
    ("when a fraction then nothing", "3/4 van de gevallen", []),
    ("when an impossible month then nothing", "geboren 12-13-2024", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), DATE_CASES, ids=_ids(DATE_CASES))
def test_date(light_engine: Engine, case: str, text: str, expected: list[str]) -> None:
    assert found(light_engine, text, "DATE_TIME") == expected


PHONE_CASES = [
    ("when a Dutch mobile with dash then phone", "bel 06-12345678", ["06-12345678"]),
    ("when +31 grouped then phone", "tel +31 6 12 34 56 78.", ["+31 6 12 34 56 78"]),
    ("when 0031 then phone", "0031612345678", ["0031612345678"]),
    ("when a landline in parentheses then phone", "(020) 123 4567", ["(020) 123 4567"]),
    ("when a Nigerian number then phone", "via +234 803 123 4567", ["+234 803 123 4567"]),
    ("when a Romanian number then phone", "nummer +40 721 234 567", ["+40 721 234 567"]),
    ("when an unallocated mobile range then still phone", "bel 06-97321111", ["06-97321111"]),
    ("when 9 digits without prefix (a BSN) then no phone", "BSN 111222333", []),
    ("when a date with a leading zero then no phone", "op 01-02-2023 om", []),
    ("when an invalid national number then no phone", "zaak 0123456789", []),
    ("when a year range then no phone", "in 2019-2024", []),
    ("when an amount then no phone", "14.000 euro", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), PHONE_CASES, ids=_ids(PHONE_CASES))
def test_phone(light_engine: Engine, case: str, text: str, expected: list[str]) -> None:
    assert found(light_engine, text, "PHONE_NUMBER") == expected


EMAIL_CASES = [
    ("when a plain address then e-mail", "mail j.jansen@gmail.com.", ["j.jansen@gmail.com"]),
    ("when a sub-domain then e-mail", "info@mail.example.nl", ["info@mail.example.nl"]),
    ("when plus addressing then e-mail", "a.b+test@hotmail.com", ["a.b+test@hotmail.com"]),
    ("when no dot in the domain then nothing", "user@localhost", []),
    ("when a handle then nothing", "@gebruiker123 op Instagram", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), EMAIL_CASES, ids=_ids(EMAIL_CASES))
def test_email(light_engine: Engine, case: str, text: str, expected: list[str]) -> None:
    assert found(light_engine, text, "EMAIL_ADDRESS") == expected


@pytest.mark.parametrize("language", ["nl", "en"])
def test_recognisers_exist_for_both_languages(light_engine: Engine, language: str) -> None:
    names = {r.name for r in light_engine.analyzer.get_recognizers(language)}
    assert {
        "BsnRecognizer",
        "PostcodeRecognizer",
        "LicencePlateRecognizer",
        "PhoneRecognizer",
        "IbanRecognizer",
        "EmailRecognizer",
    } <= names
