"""Table tests for the number recognisers: BSN, IBAN, KvK, V-number, document number.

Each row: text, the substrings that must be found (empty: nothing may be found).
"""

from __future__ import annotations

import pytest
from anon_helpers import found

from emm.anonymise.engine import Engine
from emm.anonymise.recognizers import is_valid_bsn

# 111222333 and 123456782 pass the 11-proof; 123456789 and 111222334 do not.
BSN_CASES = [
    ("when 9 digits pass the 11-proof then BSN", "BSN 111222333 bekend", ["111222333"]),
    ("when written with dots then BSN", "bsn: 1234.56.782", ["1234.56.782"]),
    ("when written with spaces then BSN", "burgerservicenummer 123 456 782", ["123 456 782"]),
    ("when written with dashes then BSN", "sofinummer 123-456-782.", ["123-456-782"]),
    ("when there is no context word then still BSN", "nummer 123456782 gevonden", ["123456782"]),
    ("when the 11-proof fails then no BSN", "dossiernummer 123456789", []),
    ("when the 11-proof fails without a label then no BSN", "nummer 111222334", []),
    # after its label a mistyped BSN still identifies someone
    ("when the 11-proof fails after BSN then BSN", "BSN 111222334", ["111222334"]),
    ("when eight digits after BSN then BSN", "BSN 11122233", ["11122233"]),
    ("when all zeros then no BSN", "BSN 000000000", []),
    ("when part of a longer number then no BSN", "rekening 1112223330", []),
    ("when an amount then no BSN", "bedrag 111.222.333,00 euro", []),
    ("when 8 digits then no BSN", "nummer 11122233", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), BSN_CASES, ids=[c[0] for c in BSN_CASES])
def test_bsn(light_engine: Engine, case: str, text: str, expected: list[str]) -> None:
    assert found(light_engine, text, "NL_BSN") == expected


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("111222333", True),
        ("1234.56.782", True),
        ("123456789", False),
        ("000000000", False),
        ("12345678", False),
        ("12345678a", False),
    ],
)
def test_bsn_eleven_proof(value: str, valid: bool) -> None:
    assert is_valid_bsn(value) is valid


IBAN_CASES = [
    (
        "when a Dutch IBAN is written compact then IBAN",
        "rekening NL91ABNA0417164300",
        ["NL91ABNA0417164300"],
    ),
    (
        "when a Dutch IBAN is grouped by four then IBAN",
        "IBAN NL91 ABNA 0417 1643 00 ten name",
        ["NL91 ABNA 0417 1643 00"],
    ),
    (
        "when a German IBAN then IBAN",
        "naar DE89370400440532013000 overgemaakt",
        ["DE89370400440532013000"],
    ),
    ("when the checksum fails then no IBAN", "rekening NL92ABNA0417164300", []),
    ("when it is a plain number then no IBAN", "nummer 0417164300", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), IBAN_CASES, ids=[c[0] for c in IBAN_CASES])
def test_iban(light_engine: Engine, case: str, text: str, expected: list[str]) -> None:
    assert found(light_engine, text, "IBAN_CODE") == expected


KVK_CASES = [
    ("when 8 digits follow 'KvK' then KvK", "ingeschreven bij de KvK onder 12345678", ["12345678"]),
    ("when 'KvK-nummer' then KvK", "KvK-nummer: 1234 5678", ["1234 5678"]),
    ("when 'handelsregister' then KvK", "handelsregister 87654321", ["87654321"]),
    ("when 8 digits without context then nothing", "er werden 12345678 berichten verstuurd", []),
    ("when 9 digits after KvK then no KvK", "KvK 123456789", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), KVK_CASES, ids=[c[0] for c in KVK_CASES])
def test_kvk(light_engine: Engine, case: str, text: str, expected: list[str]) -> None:
    assert found(light_engine, text, "NL_KVK") == expected


V_NUMBER_CASES = [
    ("when 10 digits follow 'V-nummer' then V-number", "V-nummer 1234567890", ["1234567890"]),
    (
        "when 'vreemdelingennummer' then V-number",
        "met vreemdelingennummer 12 3456 7890 bekend",
        ["12 3456 7890"],
    ),
    (
        "when English 'alien number' then V-number",
        "alien number (V-number) 2345678901",
        ["2345678901"],
    ),
    ("when 10 digits without context then nothing", "zaaknummer 1234567890", []),
    ("when a phone number near 'V-nummer' then not 11 digits", "V-nummer 12345678901", []),
]


@pytest.mark.parametrize(
    ("case", "text", "expected"), V_NUMBER_CASES, ids=[c[0] for c in V_NUMBER_CASES]
)
def test_v_number(light_engine: Engine, case: str, text: str, expected: list[str]) -> None:
    assert found(light_engine, text, "NL_V_NUMBER") == expected


DOCUMENT_CASES = [
    ("when the specimen passport number then document", "paspoort SPECI2014", ["SPECI2014"]),
    (
        "when 9 chars letters and digits then document",
        "ID-kaart met documentnummer NXC3P7KD1",
        ["NXC3P7KD1"],
    ),
    ("when no context then still document", "nummer IR5L3H4P2 gevonden", ["IR5L3H4P2"]),
    ("when it contains the letter O then no Dutch document", "nummer NOC3P7KD1", []),
    ("when lower case then no document", "code nxc3p7kd1", []),
    ("when only 8 characters without a label then no document", "code NXC3P7K1", []),
    ("when a number after its label then document", "paspoort NXC3P7K1", ["NXC3P7K1"]),
    (
        "when a foreign passport with context then document",
        "Nigeriaans paspoort A12345678",
        ["A12345678"],
    ),
    ("when a foreign-looking number without context then nothing", "order A12345678", []),
]


@pytest.mark.parametrize(
    ("case", "text", "expected"), DOCUMENT_CASES, ids=[c[0] for c in DOCUMENT_CASES]
)
def test_document_number(light_engine: Engine, case: str, text: str, expected: list[str]) -> None:
    assert found(light_engine, text, "NL_DOCUMENT_NUMBER") == expected
