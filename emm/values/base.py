"""What every value kind shares: the error it raises and small helpers.

Contract for every ``normalise``: it takes a ``str`` that the caller has stripped of
surrounding whitespace and that is not empty, and returns the canonical value or raises
:class:`InvalidValue`. The reason is plain English and never contains the value itself (values
are personal data and reasons end up in quarantine files and logs). For the same reason no
normaliser raises while handling another exception, so no exception chain carries the value.
"""

from __future__ import annotations

from collections.abc import Callable

import phonenumbers

from emm.errors import EmmError

__all__ = ["ALPHA2", "InvalidValue", "is_valid_with", "strip_chars"]


class InvalidValue(EmmError, ValueError):
    """A value that cannot be normalised; ``reason`` never contains the value itself."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def strip_chars(chars: str) -> dict[int, int | None]:
    """A ``str.translate`` table that deletes ``chars`` (one C call instead of a loop)."""
    return str.maketrans("", "", chars)


def is_valid_with(normalise: Callable[[str], object], raw: str) -> bool:
    """Whether ``normalise(raw)`` succeeds: the ``is_valid`` of every kind."""
    try:
        normalise(raw)
    except InvalidValue:
        return False
    return True


# Officially assigned ISO 3166-1 alpha-2 codes: phonenumbers knows every region with a number
# plan (about 245, including XK for Kosovo).
ALPHA2 = frozenset(phonenumbers.SUPPORTED_REGIONS)
