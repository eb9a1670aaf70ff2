"""The value layer's rules that deliveries rely on: amounts without guessing, dates not in the
future, plausible values accepted; python-stdnum as a differential oracle for BSN and IBAN."""

from __future__ import annotations

import datetime as dt
import random
import string
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from emm import values
from emm.graph.analysis.same_person import damerau
from emm.ingest.mapping import DeliveryContext, RowError, map_entity, map_link
from emm.values import InvalidValue, amount, bsn, house_number, iban, integer, phone

# --------------------------------------------------------------------------------------------
# 4. Amounts
# --------------------------------------------------------------------------------------------

AMOUNTS = [  # raw, without style, nl, en ("x" = refused)
    ("1.234,56", "1234.56", "1234.56", "x"),
    ("1234,56", "1234.56", "1234.56", "x"),
    ("12,5", "12.5", "12.5", "x"),
    ("1234.56", "1234.56", "x", "1234.56"),
    ("1,234.56", "1234.56", "x", "1234.56"),
    ("1234", "1234", "1234", "1234"),
    ("1.234", "x", "1234", "1.234"),
    ("1,234", "x", "1.234", "1234"),
    ("12.345", "x", "12345", "12.345"),
    ("123,456", "x", "123.456", "123456"),
    ("0,125", "0.125", "0.125", "x"),  # a thousands group never follows a lone 0
    ("1234.567", "1234.567", "x", "1234.567"),  # 4 digits before: no thousands group
    ("1.234.567", "1234567", "1234567", "x"),
    ("1,234,567", "1234567", "x", "1234567"),
    ("1.234.567,89", "1234567.89", "1234567.89", "x"),
    ("€ 1.234,56", "1234.56", "1234.56", "x"),
    ("-12,50", "-12.50", "-12.50", "x"),
    ("12,-", "12", "12", "x"),
    ("1.250,-", "1250", "1250", "x"),
    ("1.234,56.7", "x", "x", "x"),
    ("1,2,3", "x", "x", "x"),
]


@pytest.mark.parametrize("raw, plain, nl, en", AMOUNTS)
def test_amounts_have_one_reading_or_are_refused(raw, plain, nl, en):
    for style, want in ((None, plain), ("nl", nl), ("en", en)):
        if want == "x":
            with pytest.raises(InvalidValue):
                amount.normalise(raw, style)
        else:
            assert amount.normalise(raw, style) == Decimal(want), (raw, style)


def test_an_ambiguous_amount_says_how_to_fix_it():
    with pytest.raises(InvalidValue, match="number_style"):
        amount.normalise("1.234")


@given(cents=st.integers(min_value=0, max_value=10**13))
def test_amounts_written_with_decimals_are_exact_in_every_style(cents):
    euros, rest = divmod(cents, 100)
    want = Decimal(cents) / 100
    nl = f"{euros:,}".replace(",", ".") + f",{rest:02d}"
    en = f"{euros:,}.{rest:02d}"
    assert amount.normalise(nl) == amount.normalise(nl, "nl") == want
    assert amount.normalise(en) == amount.normalise(en, "en") == want


INTEGERS = [
    ("3", 3), ("3.0", 3), ("3,0", 3), ("3,00", 3), ("007", 7), ("1.000.000", 1_000_000),
    ("3.5", None), ("3,5", None), ("-3", None), ("1.000", None), ("3.000", None), ("x", None),
]  # fmt: skip


@pytest.mark.parametrize("raw, want", INTEGERS)
def test_whole_numbers_written_as_decimals_are_accepted_fractions_are_not(raw, want):
    if want is None:
        with pytest.raises(InvalidValue):
            integer.normalise(raw)
    else:
        assert integer.normalise(raw) == want


def test_a_declared_style_reads_whole_numbers_too():
    assert integer.normalise("1.000", "nl") == 1000
    assert integer.normalise("1.000", "en") == 1  # one, written with three decimals
    with pytest.raises(InvalidValue):
        integer.normalise("1,5", "nl")


# --------------------------------------------------------------------------------------------
# 5. Dates
# --------------------------------------------------------------------------------------------


@pytest.fixture
def frozen_today(monkeypatch):
    monkeypatch.setattr(values.date, "today", lambda: dt.date(2026, 6, 15))


DATES = [
    ("15-06-2026", "2026-06-15"), ("16/06/2026", "2026-06-16"),  # today and one day after
    ("2026-06-17", "future"), ("01-01-2030", "future"), ("2099-12-31", "future"),
    ("31-02-2024", "impossible"), ("29-02-2023", "impossible"), ("2024-13-01", "impossible"),
    ("29-02-2024", "2024-02-29"),
]  # fmt: skip


@pytest.mark.parametrize("raw, want", DATES)
def test_dates_after_tomorrow_or_impossible_are_refused(frozen_today, raw, want):
    normalise = values.NORMALISERS["date"]
    if want == "future":
        with pytest.raises(InvalidValue, match="in the future"):
            normalise(raw)
    elif want == "impossible":
        with pytest.raises(InvalidValue, match="calendar date"):
            normalise(raw)
    else:
        assert normalise(raw) == want


def _link(**fields: str) -> dict[str, str]:
    return {"record_id": "L1", "type": "INVOLVED_IN", "from": "P1", "to": "S1", **fields}


def _resolve(ref: str) -> tuple[str, str] | None:
    return {"P1": ("Person", "bsn:111222333"), "S1": ("Signal", "POL|S1")}.get(ref)


@pytest.mark.parametrize("when", ["2030-01-01", "01-01-2099"])
def test_ingest_quarantines_a_registration_date_in_the_future(frozen_today, when):
    ctx = DeliveryContext("POL-X", "POL", "WPG-10")
    with pytest.raises(RowError) as err:
        map_link(_link(role="suspect", registered_at=when), ctx, "L1", _resolve)
    assert err.value.field == "registered_at" and "in the future" in err.value.reason


def test_ingest_quarantines_a_birth_date_in_the_future(frozen_today):
    ctx = DeliveryContext("POL-X", "POL", "WPG-10")
    row = {"record_id": "P1", "type": "Person", "name": "Jan", "birth_date": "01-01-2031"}
    with pytest.raises(RowError) as err:
        map_entity(row, ctx)
    assert err.value.field == "birth_date" and "in the future" in err.value.reason


def test_the_date_limit_is_fixed_per_delivery_not_remembered_across_them(monkeypatch):
    monkeypatch.setattr(values.date, "today", lambda: dt.date(2030, 1, 1))
    late = DeliveryContext("POL-X", "POL", "WPG-10")
    row = {"record_id": "P1", "type": "Person", "name": "Jan", "birth_date": "01-06-2029"}
    assert map_entity(row, late).props["birth_date"] == "2029-06-01"  # memoised here...
    monkeypatch.setattr(values.date, "today", lambda: dt.date(2026, 1, 1))
    early = DeliveryContext("POL-X", "POL", "WPG-10")
    with pytest.raises(RowError, match="in the future"):  # ...and still refused here
        map_entity(row, early)


# --------------------------------------------------------------------------------------------
# 6. Plausible values, through the ingest mapping
# --------------------------------------------------------------------------------------------

CTX = DeliveryContext("POL-X", "POL", "WPG-10")


@pytest.mark.parametrize(
    "raw, want",
    [
        ("aangever", "reporter"),
        ("Aangeefster", "reporter"),
        ("melder", "reporter"),
        ("VERDACHTE", "suspect"),
        ("slachtoffer", "victim"),
        ("getuige", "witness"),
    ],
)
def test_dutch_role_synonyms_are_accepted(raw, want):
    edge = map_link(_link(role=raw, registered_at="2024-01-01"), CTX, "L1", _resolve)
    assert edge.props["role"] == want


@pytest.mark.parametrize("raw, want", [("3", 3), ("3.0", 3), ("3,0", 3)])
def test_nights_written_as_decimals_are_whole_numbers(raw, want):
    row = {"record_id": "L1", "type": "STAYED_AT", "from": "P1", "to": "A1",
           "registered_at": "2024-01-01", "nights": raw}  # fmt: skip
    edge = map_link(row, CTX, "L1", lambda r: {"P1": ("Person", "k"), "A1": ("Address", "a")}[r])
    assert edge.props["nights"] == want


def test_nights_with_a_fraction_are_refused():
    row = {"record_id": "L1", "type": "STAYED_AT", "from": "P1", "to": "A1",
           "registered_at": "2024-01-01", "nights": "3.5"}  # fmt: skip
    with pytest.raises(RowError) as err:
        map_link(row, CTX, "L1", lambda r: {"P1": ("Person", "k"), "A1": ("Address", "a")}[r])
    assert err.value.field == "nights"


@pytest.mark.parametrize(
    "number, addition, want",
    [
        ("12", "", ("12", None)), ("12a", "", ("12", "A")), ("12-II", "", ("12", "II")),
        ("12 bis", "", ("12", "BIS")), ("12A", "a", ("12", "A")), ("12", "hs", ("12", "HS")),
        ("007-3", "", ("7", "3")),
    ],
)  # fmt: skip
def test_house_numbers_with_their_addition_are_split(number, addition, want):
    row = {"record_id": "A1", "type": "Address", "postcode": "1234ab", "house_number": number,
           "addition": addition}  # fmt: skip
    props = map_entity(row, CTX).props
    assert (props["house_number"], props.get("addition")) == want
    assert props["postcode"] == "1234AB"


@pytest.mark.parametrize("number, addition", [("12a", "b"), ("a12", ""), ("123456", ""), ("0", "")])
def test_house_numbers_that_cannot_be_split_are_refused(number, addition):
    row = {"record_id": "A1", "type": "Address", "postcode": "1234AB", "house_number": number,
           "addition": addition}  # fmt: skip
    with pytest.raises(RowError) as err:
        map_entity(row, CTX)
    assert err.value.field == "house_number"


@pytest.mark.parametrize(
    "raw, want",
    [("612345678", "+31612345678"), ("201234567", "+31201234567"), ("0612345678", "+31612345678")],
)
def test_phones_whose_leading_zero_was_dropped_are_dutch(raw, want):
    assert map_entity({"record_id": "T1", "type": "Phone", "number": raw}, CTX).key == want


def test_an_amount_is_read_in_the_delivery_number_style():
    row = {"record_id": "L1", "type": "PAYMENT", "from": "P1", "to": "P2",
           "registered_at": "2024-01-01", "date": "2024-01-01", "amount": "1.234"}  # fmt: skip

    def resolve(r: str) -> tuple[str, str]:
        return ("BankAccount", r)

    with pytest.raises(RowError) as err:
        map_link(row, CTX, "L1", resolve)
    assert err.value.field == "amount" and "ambiguous" in err.value.reason
    nl = DeliveryContext("POL-X", "POL", "WPG-10", number_style="nl")
    assert map_link(row, nl, "L1", resolve).props["amount"] == 1234.0
    en = DeliveryContext("POL-X", "POL", "WPG-10", number_style="en")
    assert map_link(row, en, "L1", resolve).props["amount"] == 1.234


# --------------------------------------------------------------------------------------------
# python-stdnum as a differential oracle
# --------------------------------------------------------------------------------------------


def _bsn_candidates(rng: random.Random, n: int):
    """Random 9-digit strings, half of them made 11-proof, some written with separators."""
    for i in range(n):
        head = f"{rng.randrange(0, 10**8):08d}"
        if i % 2:
            last = bsn.check_digit(head)
            number = head + str(last if last is not None else rng.randrange(10))
        else:
            number = head + str(rng.randrange(10))
        if i % 7 == 0:
            number = f"{number[:4]}.{number[4:6]}.{number[6:]}"
        yield number


def test_200000_bsns_agree_with_stdnum():
    rng = random.Random(2026)
    valid = 0
    for number in _bsn_candidates(rng, 200_000):
        ours = bsn.is_valid(number)
        if number.replace(".", "") == "000000000":
            continue  # never issued; stdnum accepts it
        assert ours == stdnum_bsn.is_valid(number), number
        valid += ours
    assert 90_000 < valid < 110_000  # both outcomes well represented


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="0123456789 .-", min_size=9, max_size=14))
def test_bsn_agrees_with_stdnum_on_any_nine_digits(raw):
    digits = raw.translate(str.maketrans("", "", " .-"))
    if len(digits) != 9 or digits == "000000000" or raw.strip() != raw:
        return
    assert bsn.is_valid(raw) == stdnum_bsn.is_valid(raw)


# BBAN layouts of countries in iban.LENGTHS (stdnum checks them too): n digits, a letters,
# c letters or digits.
_BBAN = {
    "NL": "4a10n", "BE": "12n", "DE": "18n", "FR": "10n11c2n", "GB": "4a14n", "PL": "24n",
    "RO": "4a16c", "BG": "4a6n8c", "ES": "20n", "IT": "1a10n12c", "LU": "3n13c", "AT": "16n",
}  # fmt: skip


def _bban(rng: random.Random, layout: str) -> str:
    out = []
    for count, kind in __import__("re").findall(r"(\d+)([nac])", layout):
        alphabet = {"n": string.digits, "a": string.ascii_uppercase,
                    "c": string.digits + string.ascii_uppercase}[kind]  # fmt: skip
        out.append("".join(rng.choice(alphabet) for _ in range(int(count))))
    return "".join(out)


def test_20000_ibans_agree_with_stdnum():
    rng = random.Random(97)
    countries = sorted(_BBAN)
    valid = 0
    for i in range(20_000):
        cc = countries[i % len(countries)]
        number = iban.check_digits(cc, _bban(rng, _BBAN[cc]))
        if i % 3 == 1:  # one character changed: mod 97 must fail in both
            pos = rng.randrange(4, len(number))
            repl = rng.choice(string.digits if number[pos].isdigit() else string.ascii_uppercase)
            number = number[:pos] + repl + number[pos + 1 :]
        elif i % 3 == 2:
            number = number[:2] + f"{rng.randrange(2, 99):02d}" + number[4:]
        if number[2:4] in ("00", "01", "99"):
            continue  # never issued (we refuse them; stdnum only checks mod 97)
        ours = iban.is_valid(number)
        assert ours == stdnum_iban.is_valid(number, check_country=False), number
        valid += ours
    assert valid > 6_000


@settings(max_examples=1000, deadline=None)
@given(cc=st.sampled_from(sorted(_BBAN)), seed=st.integers(0, 2**32), lower=st.booleans())
def test_generated_ibans_agree_with_stdnum_in_any_spelling(cc, seed, lower):
    number = iban.check_digits(cc, _bban(random.Random(seed), _BBAN[cc]))
    spaced = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    raw = spaced.lower() if lower else spaced
    if number[2:4] in ("00", "01", "99"):
        return
    assert iban.is_valid(raw) == stdnum_iban.is_valid(raw, check_country=False) is True
    assert iban.normalise(raw) == stdnum_iban.compact(raw)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_dutch_mobile_numbers_agree_with_the_e164_form_written_without_zero(digits):
    assert phone.normalise("6" + digits) == phone.normalise("06" + digits) == "+316" + digits


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="abcdefgh", max_size=9), st.text(alphabet="abcdefgh", max_size=9),
       st.integers(min_value=1, max_value=4))  # fmt: skip
def test_edit_distance_equals_same_person_damerau(a, b, limit):
    assert values.name.edit_distance(a, b, limit=limit) == damerau(a, b, limit=limit)


@pytest.mark.parametrize(
    "raw, want",
    [("JAN VAN DER BERG", "Jan van der Berg"), ("NGUYEN VAN DO", "Nguyen van Do"),
     ("NGUYEN DO THANH", "Nguyen Do Thanh"), ("JAN IN 'T VELD", "Jan in 't Veld"),
     ("maria da silva", "Maria da Silva"), ("OMAR BIN LADEN", "Omar bin Laden")],
)  # fmt: skip
def test_particles_stay_lower_case_except_as_surname(raw, want):
    assert values.name.normalise(raw) == want


def test_house_number_split_round_trips():
    for n in ("1", "12", "99999"):
        for add in ("", "A", "II", "BIS", "2"):
            raw = f"{n}-{add}" if add else n
            assert house_number.split(raw) == (n, add)
