"""The error a product builder raises when what it was asked for cannot make a product.

A missing seed, an empty question, an unknown product kind: the analyst's input, not a bug. It
is an :class:`~emm.errors.EmmError` (the app shows it, the command line prints one line) and a
``ValueError`` for callers that expect one. Messages name kinds, ids and counts, never values.
"""

from __future__ import annotations

from emm.errors import EmmError


class ProductInputError(EmmError, ValueError):
    """The request cannot make a product (the message says why, without personal data)."""
