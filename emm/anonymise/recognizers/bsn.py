"""Burgerservicenummer (BSN): 9 digits passing the 11-proof."""

from __future__ import annotations

from presidio_analyzer import Pattern

from emm.anonymise.recognizers.base import DutchPatternRecognizer
from emm.values import bsn as _bsn

__all__ = ["BsnRecognizer", "is_valid_bsn"]


def is_valid_bsn(value: str) -> bool:
    """True when ``value`` (9 digits, or 8 with the leading zero lost; dots, spaces or dashes
    allowed) passes the 11-proof. The rule is defined once, in :mod:`emm.ingest.normalise`.

    >>> is_valid_bsn("1112.22.333"), is_valid_bsn("123456789")
    (True, False)
    """
    if not all(c.isdigit() or c in " .-" for c in value):
        return False
    return _bsn.is_valid(value)


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
        Pattern(
            "BSN (4 2 3, 2 3 4...)",
            r"(?<![\d.,-])\d{2,4}[. ]\d{2,3}[. ]\d{2,4}(?![\d]|[.,-]\d)",
            0.2,
        ),
        # eight digits: the leading zero was lost; only next to "BSN"
        Pattern("BSN (8 digits)", r"(?<![\d.,-])\d{8}(?![\d]|[.,-]\d)", 0.1),
    ]

    CONTEXT = ["bsn", "burgerservicenummer", "sofinummer", "sofi", "citizen service number"]

    def validate_result(self, pattern_text: str) -> bool:
        return is_valid_bsn(pattern_text)
