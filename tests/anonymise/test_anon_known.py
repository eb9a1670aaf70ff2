"""KnownValues: values from the graph found again however they are written."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from emm.anonymise import KnownValues, UnknownKindError


def spans(known: KnownValues, text: str) -> list[tuple[str, str]]:
    return [(f.entity_type, text[f.start : f.end]) for f in known.find(text)]


KNOWN_CASES = [
    (
        "when an IBAN is written with spaces then found",
        ("iban", "NL91ABNA0417164300"),
        "rekening NL91 ABNA 0417 1643 00.",
        [("IBAN_CODE", "NL91 ABNA 0417 1643 00")],
    ),
    (
        "when an IBAN is in lower case then found",
        ("iban", "NL91 ABNA 0417 1643 00"),
        "nl91abna0417164300",
        [("IBAN_CODE", "nl91abna0417164300")],
    ),
    (
        "when a plate is written without dashes then found",
        ("plate", "12-ABC-3"),
        "kenteken 12abc3",
        [("NL_LICENCE_PLATE", "12abc3")],
    ),
    (
        "when a BSN has dots then found",
        ("bsn", "111222333"),
        "bsn 1112.22.333",
        [("NL_BSN", "1112.22.333")],
    ),
    (
        "when a name is in capitals with extra spaces then found",
        ("person", "Jan de Vries"),
        "JAN  DE   VRIES",
        [("PERSON", "JAN  DE   VRIES")],
    ),
    (
        "when a name has accents stripped then found",
        ("person", "Ștefan Rădulescu"),
        "Stefan Radulescu",
        [("PERSON", "Stefan Radulescu")],
    ),
    (
        "when a dotless i is capitalised then found",
        ("person", "Emine Yılmaz"),
        "EMINE YILMAZ",
        [("PERSON", "EMINE YILMAZ")],
    ),
    (
        "when 'surname, given name' is known then 'given surname' is found",
        ("person", "Okonkwo, Chukwuemeka"),
        "Chukwuemeka Okonkwo kwam",
        [("PERSON", "Chukwuemeka Okonkwo")],
    ),
    (
        "when a surname is mentioned alone then found",
        ("person", "Chukwuemeka Okonkwo"),
        "Later zag Okonkwo de politie",
        [("PERSON", "Okonkwo")],
    ),
    (
        "when a name part is lower case then not found",
        ("person", "Jan Bakker"),
        "de bakker bakt brood",
        [],
    ),
    (
        "when an e-mail differs in case then found",
        ("email", "J.Jansen@Gmail.com"),
        "mail j.jansen@gmail.com.",
        [("EMAIL_ADDRESS", "j.jansen@gmail.com")],
    ),
    (
        "when an address has another postcode spacing then both parts found",
        ("address", "Kerkstraat 12a, 1234AB Utrecht"),
        "Kerkstraat 12 A en 1234 AB",
        [("NL_ADDRESS", "Kerkstraat 12 A"), ("NL_POSTCODE", "1234 AB")],
    ),
    (
        "when the value is inside a longer token then not found",
        ("kvk", "12345678"),
        "nummer 9123456789",
        [],
    ),
    (
        "when a graph label is used as kind then accepted",
        ("BankAccount", "NL91ABNA0417164300"),
        "NL91ABNA0417164300",
        [("IBAN_CODE", "NL91ABNA0417164300")],
    ),
]


@pytest.mark.parametrize(
    ("case", "pair", "text", "expected"), KNOWN_CASES, ids=[c[0] for c in KNOWN_CASES]
)
def test_known_values(
    case: str, pair: tuple[str, str], text: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(KnownValues([pair]), text) == expected


def test_when_many_values_then_all_are_found_in_one_pass() -> None:
    pairs = [("phone", f"+3161234{i:04d}") for i in range(5000)]
    known = KnownValues(pairs)
    text = "Nummers: 06-12340042, 0031 6 12344999 en 06 1234 0000."
    assert [v for _, v in spans(known, text)] == ["06-12340042", "0031 6 12344999", "06 1234 0000"]


def test_when_the_kind_is_unknown_then_an_error() -> None:
    with pytest.raises(UnknownKindError):
        KnownValues([("shoe_size", "44")])


def test_when_printed_then_no_value_is_shown() -> None:
    known = KnownValues([("person", "Chukwuemeka Okonkwo"), ("phone", "+31612345678")])
    assert "Okonkwo" not in repr(known)
    assert "612345678" not in repr(known)
    assert known.counts() == {"PERSON": 1, "PHONE_NUMBER": 1}
    assert len(known) == 2


# -- property test: a known phone is found in every format it may be written in --------------

_SEPARATORS = st.sampled_from(["", " ", "-", ".", " - "])


def _formats(number: phonenumbers.PhoneNumber) -> st.SearchStrategy[str]:
    nsn = phonenumbers.national_significant_number(number)
    cc = str(number.country_code)
    fmt = phonenumbers.PhoneNumberFormat
    fixed = [
        phonenumbers.format_number(number, fmt.E164),
        phonenumbers.format_number(number, fmt.INTERNATIONAL),
        phonenumbers.format_number(number, fmt.NATIONAL),
        phonenumbers.format_number(number, fmt.RFC3966),
        f"+{cc} (0){nsn}",
        f"00{cc}{nsn}",
        f"(0{nsn[:1]}) {nsn[1:]}",
    ]

    @st.composite
    def grouped(draw: st.DrawFn) -> str:
        prefix = draw(st.sampled_from(["0", f"+{cc} ", f"+{cc}", f"00{cc} ", f"+{cc} (0)"]))
        sep = draw(_SEPARATORS)
        cuts = sorted(draw(st.sets(st.integers(1, len(nsn) - 1), max_size=4)))
        parts = [nsn[a:b] for a, b in zip([0, *cuts], [*cuts, len(nsn)], strict=True)]
        return prefix + sep.join(parts)

    return st.one_of(st.sampled_from(fixed), grouped())


@st.composite
def _phone_in_text(draw: st.DrawFn) -> tuple[str, str, str]:
    mobile = draw(st.integers(10_000_000, 59_999_999))
    number = phonenumbers.parse(f"+316{mobile}")
    written = draw(_formats(number))
    before = draw(st.sampled_from(["Bel ", "tel: ", "(", "nummer\n", "", "WhatsApp "]))
    after = draw(st.sampled_from([".", " of later", ")", "", ", ", "\n"]))
    return (
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        written,
        (before + written + after),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_phone_in_text())
def test_property_a_known_phone_is_found_in_any_supported_format(
    case: tuple[str, str, str],
) -> None:
    e164, written, text = case
    found = KnownValues([("phone", e164)]).find(text)
    assert found, (written, text)
    digits_written = "".join(c for c in written if c.isdigit())
    covered = "".join(c for f in found for c in text[f.start : f.end] if c.isdigit())
    # the national significant number is always inside the finding
    assert digits_written.endswith(e164[-9:]) and e164[-9:] in covered
