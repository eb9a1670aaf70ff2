"""Amounts of money in euros, read exactly (``decimal.Decimal``), never guessed.

The rule (also in ``docs/delivery-format.md``). A delivery may declare its number style in the
manifest (``"number_style": "nl"`` or ``"en"``); then every amount is read strictly in that
style: ``nl`` has ``,`` as decimal separator and ``.`` between thousands, ``en`` the reverse.
Without a declared style a value is accepted only when it has one reading:

* ``1234``: whole euros; ``1234,56``, ``1234.56``, ``12,5``: one separator that cannot be a
  thousands separator, so it is the decimal one;
* ``1.234,56`` and ``1,234.56``: both separators, the last one is the decimal one and the
  other must group thousands correctly; ``1.234.567`` and ``1,234,567``: only thousands;
* ``1.234`` and ``1,234`` (one separator, 1 to 3 digits before it and exactly 3 after) are
  ambiguous (1234 or 1.234) and refused.

A sign, ``€`` or ``EUR`` before or after, and ``,-`` for whole euros (``12,-``) are allowed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from emm.values.base import InvalidValue, is_valid_with, strip_chars

__all__ = ["STYLES", "NumberStyle", "as_float", "is_valid", "normalise", "parse_number"]

NumberStyle = Literal["nl", "en"]
STYLES: tuple[NumberStyle, ...] = ("nl", "en")

_SHAPE = re.compile(
    r"([+-]?) *(?:€|eur)? *([+-]?) *([0-9][0-9.,]{0,30}?)(,-{1,2})? *(?:€|eur)?",
    re.IGNORECASE,
)
_PLAIN = re.compile(r"[0-9]+")
_ONE_SEPARATOR = re.compile(r"([0-9]+)([.,])([0-9]+)")
_GROUPED_TAIL = re.compile(r"[1-9][0-9]{0,2}")  # what may stand before "." or "," + 3 digits
# Thousands grouping with an optional decimal part, per separator pair (group, decimal).
_GROUPED = {
    (".", ","): re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?"),
    (",", "."): re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?"),
}
_STRICT = {  # a declared style: plain digits, or grouped, with its own decimal separator
    "nl": (re.compile(r"[0-9]+(?:,[0-9]+)?"), _GROUPED[(".", ",")], strip_chars("."), ","),
    "en": (re.compile(r"[0-9]+(?:\.[0-9]+)?"), _GROUPED[(",", ".")], strip_chars(","), "."),
}
_DROP = {".": strip_chars("."), ",": strip_chars(",")}
_FORM = "not an amount such as 1234.56, 1.234,56 or € 12,50"
_AMBIGUOUS = (
    "is ambiguous: one '.' or ',' followed by 3 digits may be a thousands or a decimal "
    "separator; declare number_style in the manifest or write the decimals"
)


def _unsigned(body: str, style: NumberStyle | None) -> str:
    """The digits of ``body`` with ``.`` as decimal point, or InvalidValue."""
    if style is not None:
        plain, grouped, drop, decimal = _STRICT[style]
        if plain.fullmatch(body) or grouped.fullmatch(body):
            return body.translate(drop).replace(decimal, ".")
        raise InvalidValue(f"not an amount in the declared number style '{style}'")
    if _PLAIN.fullmatch(body):
        return body
    m = _ONE_SEPARATOR.fullmatch(body)
    if m is not None:
        whole, separator, fraction = m.groups()
        if len(fraction) == 3 and _GROUPED_TAIL.fullmatch(whole):
            raise InvalidValue(_AMBIGUOUS)
        return f"{whole}.{fraction}"
    for (group, decimal), grouped in _GROUPED.items():
        if grouped.fullmatch(body):
            return body.translate(_DROP[group]).replace(decimal, ".")
    raise InvalidValue(_FORM)


def parse_number(body: str, style: NumberStyle | None = None) -> Decimal:
    """An unsigned number without currency by the rule above.

    >>> parse_number("1.234,56"), parse_number("1,234.56"), parse_number("12,5")
    (Decimal('1234.56'), Decimal('1234.56'), Decimal('12.5'))
    >>> parse_number("1.234", "nl"), parse_number("1.234", "en")
    (Decimal('1234'), Decimal('1.234'))
    """
    return Decimal(_unsigned(body, style))


def normalise(raw: str, style: NumberStyle | None = None) -> Decimal:
    """An amount of money in euros, exact.

    >>> normalise("€ 1.234,56"), normalise("1234.56"), normalise("-12,50"), normalise("12,-")
    (Decimal('1234.56'), Decimal('1234.56'), Decimal('-12.50'), Decimal('12'))
    >>> normalise("1.234")
    Traceback (most recent call last):
    ...
    emm.values.base.InvalidValue: is ambiguous: one '.' or ',' followed by 3 digits may be a thousands or a decimal separator; declare number_style in the manifest or write the decimals
    """
    m = _SHAPE.fullmatch(raw)
    if m is None or (m.group(1) and m.group(2)):
        raise InvalidValue(_FORM)
    body = m.group(3)
    if m.group(4):  # "12,-" or "1.250,-": whole euros
        if style == "en" or not (_PLAIN.fullmatch(body) or _GROUPED[(".", ",")].fullmatch(body)):
            raise InvalidValue(_FORM)
        if "," in body:
            raise InvalidValue(_FORM)
        number = body.translate(_DROP["."])
    else:
        number = _unsigned(body, style)
    value = Decimal(number)
    return -value if "-" in (m.group(1) or m.group(2)) else value


def as_float(raw: str, style: NumberStyle | None = None) -> float:
    """:func:`normalise` as a float of euros (how the graph stores it: it has no decimals).

    >>> as_float("1.234,56")
    1234.56
    """
    return float(normalise(raw, style))


def is_valid(raw: str, style: NumberStyle | None = None) -> bool:
    """Whether ``raw`` is an amount with one reading (in ``style``, when given).

    >>> is_valid("1.234,56"), is_valid("1.234"), is_valid("1.234", "nl")
    (True, False, True)
    """
    return is_valid_with(lambda s: normalise(s, style), raw)
