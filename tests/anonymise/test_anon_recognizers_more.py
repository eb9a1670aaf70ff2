"""Recognisers for how people really write identifiers: table tests with negatives."""

from __future__ import annotations

import pytest
from anon_helpers import found

from emm.anonymise.engine import Engine

CASES = [
    ("IP_ADDRESS", "when IPv4 then IP", "ingelogd vanaf 83.85.214.19:443", ["83.85.214.19"]),
    (
        "IP_ADDRESS",
        "when compressed IPv6 then IP",
        "adres 2a01:4f8:1c1e:8a2f::1 gezien",
        ["2a01:4f8:1c1e:8a2f::1"],
    ),
    ("IP_ADDRESS", "when a version number then no IP", "versie 1.2.3 van de app", []),
    ("IP_ADDRESS", "when a part above 255 then no IP", "code 300.1.1.1", []),
    ("SOCIAL_HANDLE", "when @handle then handle", "Instagram (@kevin.w.058)", ["@kevin.w.058"]),
    (
        "SOCIAL_HANDLE",
        "when a profile link then handle",
        "profiel instagram.com/larissa.souza.nl.",
        ["instagram.com/larissa.souza.nl"],
    ),
    ("SOCIAL_HANDLE", "when an e-mail then no handle", "mail a.b@example.nl", []),
    (
        "URL",
        "when an ad page then URL",
        "zie https://www.kinky.nl/advertentie/6120448-ploy",
        ["https://www.kinky.nl/advertentie/6120448-ploy"],
    ),
    ("URL", "when a public body's home page then no URL", "zie www.politie.nl voor meer", []),
    ("IMEI", "when 15 digits pass Luhn then IMEI", "IMEI 490937280677089", ["490937280677089"]),
    ("IMEI", "when grouped then IMEI", "IMEI 86 853756 777616 8", ["86 853756 777616 8"]),
    ("IMEI", "when Luhn fails then no IMEI", "nummer 490937280677088", []),
    ("VIN", "when 17 characters then VIN", "VIN WVWZZZAUZGW602817", ["WVWZZZAUZGW602817"]),
    ("VIN", "when letters only then no VIN", "ABCDEFGHJKLMNPRST", []),
    ("FOREIGN_PLATE", "when German then plate", "Duitse auto (WES-K 408)", ["WES-K 408"]),
    ("FOREIGN_PLATE", "when Belgian then plate", "kenteken 1-VDK-274", ["1-VDK-274"]),
    ("FOREIGN_PLATE", "when a legal act then no plate", "art. 107 WVW 1994", []),
    (
        "EMAIL_ADDRESS",
        "when (at) then e-mail",
        "mail munca.olanda(at)yahoo.com",
        ["munca.olanda(at)yahoo.com"],
    ),
    (
        "EMAIL_ADDRESS",
        "when at ... punt then e-mail",
        "laura.x.vip at gmail punt com",
        ["laura.x.vip at gmail punt com"],
    ),
    ("EMAIL_ADDRESS", "when 'at' in prose then no e-mail", "we arrived at the station", []),
    (
        "EMPLOYEE_NUMBER",
        "when personeelsnummer then employee number",
        "personeelsnummer 77120 en",
        ["77120"],
    ),
    (
        "EMPLOYEE_NUMBER",
        "when a list of pass numbers then each",
        "pasnummers en namen: 3301 Piotr, 3302 Michał",
        ["3301", "3302"],
    ),
    ("EMPLOYEE_NUMBER", "when a count after the word then nothing", "12 personeelsleden", []),
    (
        "PERSON_REFERENCE",
        "when a parketnummer then reference",
        "onder 09/812034-25 geregistreerd",
        ["09/812034-25"],
    ),
    ("PERSON_REFERENCE", "when a year after kenmerk then nothing", "kenmerk 2024", []),
    (
        "NL_DOCUMENT_NUMBER",
        "when an ID card list then each",
        "ID-kaart (KZ 840193, XB 571024)",
        ["KZ 840193", "XB 571024"],
    ),
    (
        "DRIVING_LICENCE",
        "when rijbewijs then licence",
        "rijbewijsnummer 5123456789",
        ["5123456789"],
    ),
    (
        "DRIVING_LICENCE",
        "when an article follows then nothing",
        "geen rijbewijs tonen (art. 107 WVW 1994)",
        [],
    ),
    ("NL_V_NUMBER", "when dots then V-number", "V-nummer 26.049.182.73", ["26.049.182.73"]),
    (
        "NL_ADDRESS",
        "when unit then address",
        "pand Bredaseweg 10 unit 5 in",
        ["Bredaseweg 10 unit 5"],
    ),
    (
        "NL_ADDRESS",
        "when English then address",
        "lives at 14 Clarendon Road, Leeds",
        ["14 Clarendon Road"],
    ),
    (
        "NL_ADDRESS",
        "when a province and a count then no address",
        "Noord-Brabant 139, Limburg 52",
        [],
    ),
    ("PERSON", "when a lower-case name then person", "hoi mehmet hoe gaat het", ["mehmet"]),
    ("PERSON", "when a lower-case ordinary word then no person", "may be later", []),
]


@pytest.mark.parametrize(("entity", "case", "text", "expected"), CASES, ids=[c[1] for c in CASES])
def test_recogniser(
    light_engine: Engine, entity: str, case: str, text: str, expected: list
) -> None:
    language = "en" if entity == "PERSON" and text.startswith("may") else "nl"
    assert found(light_engine, text, entity, language=language) == sorted(expected)
