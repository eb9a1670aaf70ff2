"""E-mail addresses in lower case; the identity key of an Email."""

from __future__ import annotations

import re

from emm.values.base import InvalidValue, is_valid_with

__all__ = ["is_valid", "node_key", "normalise"]

_SHAPE = re.compile(
    r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})"
)


def normalise(raw: str) -> str:
    """An e-mail address in lower case (ASCII, one ``@``, a domain with a dot).

    >>> normalise("Jan.de.Vries@Example.NL")
    'jan.de.vries@example.nl'
    """
    lowered = raw.lower()
    if len(raw) > 254 or not raw.isascii() or not _SHAPE.fullmatch(lowered):
        raise InvalidValue("not an e-mail address of the form name@domain.tld")
    return lowered


def is_valid(raw: str) -> bool:
    """Whether ``raw`` is an e-mail address.

    >>> is_valid("a@b.nl"), is_valid("a@b")
    (True, False)
    """
    return is_valid_with(normalise, raw)


def node_key(value: str) -> str:
    """The node key of the Email with this (normalised) address: the address itself."""
    return value
