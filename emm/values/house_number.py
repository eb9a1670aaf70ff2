"""House numbers and their additions (``12``, ``12a``, ``12-II``, ``12 bis``).

Parties write the addition in the number column as often as in its own column, so
:func:`split` reads both forms; :func:`normalise` is the number alone.
"""

from __future__ import annotations

import re

from emm.values.base import InvalidValue, is_valid_with, strip_chars

__all__ = ["is_valid", "normalise", "normalise_addition", "split"]

_NUMBER = re.compile(r"[0-9]{1,5}")
# A number followed by an addition: "12a", "12 A", "12-II", "12 bis", "12-2", "12/3", "12hs".
# An addition that starts with a digit needs a separator ("12-2"): "123456" is no "12345-6".
_WITH_ADDITION = re.compile(
    r"([0-9]{1,5})(?: *[-/._ ] *([0-9A-Za-z][0-9A-Za-z /._-]{0,9})| *([A-Za-z][0-9A-Za-z /._-]{0,9}))"
)
_ADDITION_SEPARATORS = strip_chars(" -/._")
_ADDITION = re.compile(r"[0-9A-Za-z]{1,6}")


def _number(digits: str) -> str:
    number = int(digits)
    if number == 0:
        raise InvalidValue("a house number must be at least 1")
    return str(number)


def normalise(raw: str) -> str:
    """A house number 1-99999 without leading zeros (an addition is refused: see :func:`split`).

    >>> normalise("007")
    '7'
    """
    if not _NUMBER.fullmatch(raw):
        raise InvalidValue("a house number must be 1 to 5 digits (put additions in 'addition')")
    return _number(raw)


def normalise_addition(raw: str) -> str:
    """A house-number addition in upper case, separators removed, at most 6 characters.

    >>> normalise_addition("-2"), normalise_addition("hs"), normalise_addition("bis")
    ('2', 'HS', 'BIS')
    """
    compact = raw.translate(_ADDITION_SEPARATORS)
    if not _ADDITION.fullmatch(compact):
        raise InvalidValue("a house-number addition must be 1 to 6 letters A-Z or digits")
    return compact.upper()


def split(raw: str) -> tuple[str, str]:
    """``(number, addition)`` from a house number that may carry its addition (``""`` if none).

    >>> split("12"), split("12a"), split("12-II"), split("12 bis"), split("007-3")
    (('12', ''), ('12', 'A'), ('12', 'II'), ('12', 'BIS'), ('7', '3'))
    """
    if _NUMBER.fullmatch(raw):
        return _number(raw), ""
    m = _WITH_ADDITION.fullmatch(raw)
    if m is None:
        raise InvalidValue(
            "a house number must be 1 to 5 digits, optionally followed by an addition "
            "(12a, 12-II, 12 bis)"
        )
    return _number(m.group(1)), normalise_addition(m.group(2) or m.group(3))


def is_valid(raw: str) -> bool:
    """Whether ``raw`` is a house number, with or without an addition.

    >>> is_valid("12a"), is_valid("a12")
    (True, False)
    """
    return is_valid_with(split, raw)
