"""Burgerservicenummer (BSN): 9 digits passing the 11-proof; an identity key of a Person.

The 11-proof lives here and nowhere else (``tests/test_values_single_source.py`` fails on a
second one): ingest, search, subject requests, the anonymiser's recogniser and the generator
all call this module.
"""

from __future__ import annotations

import re
from operator import mul

from emm.values.base import InvalidValue, is_valid_with, strip_chars

__all__ = ["check_digit", "is_valid", "node_key", "normalise"]

_SEPARATORS = strip_chars(" .-")
_DIGITS = re.compile(r"[0-9]{8,9}")
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
# The 11-proof is computed on the ASCII bytes: sum((48 + d) * w) = sum(d * w) + 48 * sum(w).
_BYTE_OFFSET = 48 * sum(_WEIGHTS)
_HEAD_OFFSET = 48 * sum(_WEIGHTS[:8])


def normalise(raw: str) -> str:
    """A BSN as 9 digits (8 digits get a leading zero), 11-proof checked.

    >>> normalise("1112.22.333")
    '111222333'
    >>> normalise("123456789")
    Traceback (most recent call last):
    ...
    emm.values.base.InvalidValue: BSN fails the 11-proof
    """
    digits = raw.translate(_SEPARATORS)
    if not _DIGITS.fullmatch(digits):
        raise InvalidValue("BSN must be 9 digits (8 digits get a leading zero)")
    if len(digits) == 8:
        digits = "0" + digits
    total = sum(map(mul, digits.encode(), _WEIGHTS)) - _BYTE_OFFSET
    if total % 11 or digits == "000000000":
        raise InvalidValue("BSN fails the 11-proof")
    return digits


def is_valid(raw: str) -> bool:
    """Whether ``raw`` is a BSN that passes the 11-proof (dots, spaces, dashes allowed).

    >>> is_valid("123456782"), is_valid("123 456 782"), is_valid("123456789")
    (True, True, False)
    """
    return is_valid_with(normalise, raw)


def check_digit(head: str) -> int | None:
    """The ninth digit that makes the 8 digits ``head`` a valid BSN, or None when none does.

    >>> check_digit("12345678")
    2
    """
    total = sum(map(mul, head.encode(), _WEIGHTS[:8])) - _HEAD_OFFSET
    last = total % 11
    return last if last < 10 else None


def node_key(value: str) -> str:
    """The node key of the Person with this (normalised) BSN.

    >>> node_key("111222333")
    'bsn:111222333'
    """
    return "bsn:" + value
