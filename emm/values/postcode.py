"""Dutch postcodes as ``1234AB``."""

from __future__ import annotations

import re

from emm.values.base import InvalidValue, is_valid_with

__all__ = ["is_valid", "normalise"]

_SHAPE = re.compile(r"([1-9][0-9]{3}) *([A-Za-z]{2})")
_UNUSED = frozenset({"SA", "SD", "SS"})


def normalise(raw: str) -> str:
    """A Dutch postcode as ``1234AB``.

    >>> normalise("1234 ab"), normalise("1234ab")
    ('1234AB', '1234AB')
    """
    m = _SHAPE.fullmatch(raw)
    if m is None:
        raise InvalidValue("not a Dutch postcode (4 digits, not starting with 0, and 2 letters)")
    letters = m.group(2).upper()
    if letters in _UNUSED:
        raise InvalidValue("postcode letters SA, SD and SS are not used in the Netherlands")
    return m.group(1) + letters


def is_valid(raw: str) -> bool:
    """Whether ``raw`` is a Dutch postcode.

    >>> is_valid("1234 AB"), is_valid("0123 AB")
    (True, False)
    """
    return is_valid_with(normalise, raw)
