"""Whole numbers (field kind ``int``: nights, counts, seconds), read like amounts.

``3``, ``3.0``, ``3,00`` are 3 (a spreadsheet writes whole numbers so); ``3.5`` is refused, and
``1.234`` is as ambiguous as an amount (see :mod:`emm.values.amount`) unless the delivery
declares its number style.
"""

from __future__ import annotations

from emm.values.amount import NumberStyle, parse_number
from emm.values.base import InvalidValue, is_valid_with

__all__ = ["is_valid", "normalise"]

_MAX = 10**18


def normalise(raw: str, style: NumberStyle | None = None) -> int:
    """A non-negative whole number.

    >>> normalise("007"), normalise("3.0"), normalise("3,0"), normalise("1.000.000")
    (7, 3, 3, 1000000)
    """
    if raw.isascii() and raw.isdigit() and len(raw) <= 18:  # nearly every value
        return int(raw)
    try:
        number = parse_number(raw, style)
    except InvalidValue as exc:
        reason = exc.reason
    else:
        if number != number.to_integral_value():
            raise InvalidValue("not a whole number (a fraction other than ,0 or .0)")
        if number >= _MAX:
            raise InvalidValue("a whole number may have at most 18 digits")
        return int(number)
    if reason.startswith("is ambiguous"):
        raise InvalidValue(reason)
    raise InvalidValue("not a whole number of at most 18 digits without sign")


def is_valid(raw: str, style: NumberStyle | None = None) -> bool:
    """Whether ``raw`` is a whole number (``3.0`` is, ``3.5`` is not).

    >>> is_valid("3.0"), is_valid("3.5"), is_valid("-3")
    (True, False, False)
    """
    return is_valid_with(lambda s: normalise(s, style), raw)
