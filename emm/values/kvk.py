"""Chamber of Commerce (KvK) numbers: 8 digits; the identity key of a Company."""

from __future__ import annotations

import re

from emm.values.base import InvalidValue, is_valid_with, strip_chars

__all__ = ["is_valid", "node_key", "normalise"]

_SEPARATORS = strip_chars(" .")
_SHAPE = re.compile(r"[0-9]{8}")


def normalise(raw: str) -> str:
    """A KvK number: exactly 8 digits.

    >>> normalise("1234 5678")
    '12345678'
    """
    digits = raw.translate(_SEPARATORS)
    if not _SHAPE.fullmatch(digits):
        raise InvalidValue("a KvK number must be exactly 8 digits")
    return digits


def is_valid(raw: str) -> bool:
    """Whether ``raw`` is a KvK number.

    >>> is_valid("12345678"), is_valid("1234567")
    (True, False)
    """
    return is_valid_with(normalise, raw)


def node_key(value: str) -> str:
    """The node key of the Company with this KvK number.

    >>> node_key("12345678")
    'kvk:12345678'
    """
    return "kvk:" + value
