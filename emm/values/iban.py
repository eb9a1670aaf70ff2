"""IBAN (ISO 13616): length and mod-97 checked; the identity key of a BankAccount.

The mod-97 arithmetic lives here and nowhere else, and so does the 11-proof of the pre-IBAN
Dutch account numbers that the generator builds IBANs from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from emm.values.base import ALPHA2, InvalidValue, is_valid_with, strip_chars

__all__ = [
    "LENGTHS",
    "check_digits",
    "is_valid",
    "nl_account_check_digit",
    "node_key",
    "normalise",
]

_SEPARATORS = strip_chars(" -.")
_SHAPE = re.compile(r"([A-Z]{2})([0-9]{2})([A-Z0-9]{11,30})")
_NL_SHAPE = re.compile(r"NL[0-9]{2}[A-Z]{4}[0-9]{10}")
#: Lengths of the IBAN for countries that commonly occur in deliveries (others: 15 to 34).
LENGTHS: Mapping[str, int] = {
    "NL": 18, "BE": 16, "DE": 22, "FR": 27, "GB": 22, "PL": 28, "RO": 24, "BG": 22, "ES": 24,
    "IT": 27, "LU": 20, "AT": 20,
}  # fmt: skip
# Letters become two-digit numbers for the mod-97 check: A=10 ... Z=35.
_LETTERS = str.maketrans({chr(ord("A") + i): str(10 + i) for i in range(26)})


def _mod97(country: str, check: str, bban: str) -> int:
    return int((bban + country + check).translate(_LETTERS)) % 97


def normalise(raw: str) -> str:
    """An IBAN in upper case without spaces, length and mod-97 checked.

    >>> normalise("nl91 abna 0417 1643 00")
    'NL91ABNA0417164300'
    """
    if not raw.isascii():
        raise InvalidValue("IBAN may only contain letters A-Z, digits and spaces")
    compact = raw.translate(_SEPARATORS).upper()
    m = _SHAPE.fullmatch(compact)
    if m is None:
        raise InvalidValue(
            "not an IBAN: expected a country code, 2 check digits and 11 to 30 letters or digits"
        )
    cc, check, bban = m.groups()
    if cc not in ALPHA2:
        raise InvalidValue("IBAN does not start with a known country code")
    expected = LENGTHS.get(cc)
    if expected is not None and len(compact) != expected:
        raise InvalidValue(f"an IBAN from {cc} must be {expected} characters long")
    if cc == "NL" and not _NL_SHAPE.fullmatch(compact):
        raise InvalidValue("a Dutch IBAN is NL, 2 check digits, 4 bank letters and 10 digits")
    if check in ("00", "01", "99"):
        raise InvalidValue("IBAN check digits 00, 01 and 99 are never issued")
    if _mod97(cc, check, bban) != 1:
        raise InvalidValue("IBAN checksum (mod 97) fails")
    return compact


def is_valid(raw: str) -> bool:
    """Whether ``raw`` is an IBAN with a valid length and mod-97 checksum (any case, spacing).

    >>> is_valid("NL91ABNA0417164300"), is_valid("NL91ABNA0417164301")
    (True, False)
    """
    return is_valid_with(normalise, raw)


def check_digits(country: str, bban: str) -> str:
    """The complete IBAN for a country code and BBAN: ``98 - (BBAN + CC + "00") mod 97``.

    >>> check_digits("NL", "ABNA0417164300")
    'NL91ABNA0417164300'
    """
    return f"{country}{98 - _mod97(country, '00', bban):02d}{bban}"


def nl_account_check_digit(head: str) -> int | None:
    """The tenth digit of a pre-IBAN Dutch bank account (weights 10..1, sum divisible by 11)
    for the nine digits ``head``, or None when no digit makes it valid.

    >>> nl_account_check_digit("041716430")
    0
    """
    total = sum(int(c) * w for c, w in zip(head, range(10, 1, -1), strict=True))
    last = (-total) % 11
    return last if last < 10 else None


def node_key(value: str) -> str:
    """The node key of the BankAccount with this (normalised) IBAN: the IBAN itself."""
    return value
