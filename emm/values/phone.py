"""Telephone numbers in E.164 form; the identity key of a Phone.

Dutch numbers are handled by a regular expression (the fast path, nearly every number in a
delivery); other international numbers (with ``+`` or ``00``) go through ``phonenumbers``.
"""

from __future__ import annotations

import re

import phonenumbers

from emm.values.base import InvalidValue, is_valid_with, strip_chars

__all__ = ["is_valid", "node_key", "normalise"]

_SEPARATORS = strip_chars(" \t-.()/")
# Dutch subscriber part after +31: 9 digits (mobile 6..., landlines, 85, 88, 97...), or the
# free/paid service numbers 800/900/906/909 with 4 to 7 digits. A trunk 0 after the country
# code ("+31 (0)6...", "0031 06...") is tolerated.
_NL_SUBSCRIBER = r"([1-9][0-9]{8}|800[0-9]{4,7}|90[069][0-9]{4,7})"
_NL = re.compile(r"(?:0|(?:\+|00)310?)" + _NL_SUBSCRIBER)
# A spreadsheet that took the number for a number dropped its trunk 0: "612345678" is
# 06-12345678, "201234567" is 020-1234567. Nine digits that do not start with 0 are read so.
_NL_NO_TRUNK = re.compile(r"[1-9][0-9]{8}")
_INTL = re.compile(r"(?:\+|00)([1-9][0-9]{6,14})")


def normalise(raw: str) -> str:
    """A telephone number in E.164 form.

    >>> normalise("06-12345678"), normalise("+31 (0)20 123 4567"), normalise("0032 2 123 45 67")
    ('+31612345678', '+31201234567', '+3221234567')
    >>> normalise("612345678"), normalise("201234567")  # leading zero lost in a spreadsheet
    ('+31612345678', '+31201234567')
    """
    compact = raw.translate(_SEPARATORS)
    m = _NL.fullmatch(compact)
    if m:
        return "+31" + m.group(1)
    if _NL_NO_TRUNK.fullmatch(compact):
        return "+31" + compact
    m = _INTL.fullmatch(compact)
    if m is None:
        raise InvalidValue(
            "not a telephone number: expected a Dutch number (06..., 0xx...) "
            "or an international number starting with + or 00"
        )
    digits = m.group(1)
    if digits.startswith("31"):
        raise InvalidValue("not a valid Dutch telephone number (+31 needs 9 more digits)")
    parsed: phonenumbers.PhoneNumber | None
    try:
        parsed = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_possible_number(parsed):
        raise InvalidValue("not a possible international telephone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def is_valid(raw: str) -> bool:
    """Whether ``raw`` is a telephone number :func:`normalise` accepts.

    >>> is_valid("06-12345678"), is_valid("12345")
    (True, False)
    """
    return is_valid_with(normalise, raw)


def node_key(value: str) -> str:
    """The node key of the Phone with this (normalised) number: the E.164 number itself."""
    return value
