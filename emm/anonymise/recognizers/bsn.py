"""Burgerservicenummer (BSN): 9 digits passing the 11-proof."""

from __future__ import annotations

from presidio_analyzer import Pattern

from emm.anonymise.recognizers.base import DutchPatternRecognizer
from emm.values import bsn as _bsn

__all__ = ["BsnRecognizer", "is_valid_bsn"]


def is_valid_bsn(value: str) -> bool:
    """True when ``value`` (digits, optionally with dots, spaces or dashes) passes the 11-proof.

    The 11-proof is :func:`emm.values.bsn.is_valid`'s; here the number must be 9 digits in
    the text (no leading zero added) and have no letters.
    """
    digits = [c for c in value if c.isdigit()]
    if len(digits) != 9 or len(digits) != sum(c.isalnum() for c in value):
        return False
    return _bsn.is_valid("".join(digits))


class BsnRecognizer(DutchPatternRecognizer):
    """Recognise a BSN: ``123456782``, ``1234.56.782``, ``123 456 782``, ``123-456-782``.

    Every 9-digit candidate is checked with the 11-proof; a number failing it is never
    reported as a BSN.
    """

    ENTITY = "NL_BSN"

    PATTERNS = [
        Pattern("BSN (9 digits)", r"(?<![\d.,-])\d{9}(?![\d]|[.,-]\d)", 0.3),
        Pattern("BSN (4.2.3)", r"(?<![\d.,-])\d{4}[. -]\d{2}[. -]\d{3}(?![\d]|[.,-]\d)", 0.3),
        Pattern("BSN (3.3.3)", r"(?<![\d.,-])\d{3}[. -]\d{3}[. -]\d{3}(?![\d]|[.,-]\d)", 0.3),
    ]

    CONTEXT = ["bsn", "burgerservicenummer", "sofinummer", "sofi", "citizen service number"]

    def validate_result(self, pattern_text: str) -> bool:
        return is_valid_bsn(pattern_text)
