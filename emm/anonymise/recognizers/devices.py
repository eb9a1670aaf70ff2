"""Device and vehicle identifiers: IMEI (Luhn checked) and VIN."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from emm.anonymise.recognizers.base import DutchPatternRecognizer

__all__ = ["ImeiRecognizer", "VinRecognizer", "luhn_ok"]


def luhn_ok(value: str) -> bool:
    """Whether the digits of ``value`` pass the Luhn check (IMEI check digit)."""
    digits = [int(c) for c in value if c.isdigit()]
    if len(digits) < 2:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return total % 10 == 0


class ImeiRecognizer(DutchPatternRecognizer):
    """A 15-digit IMEI, plain or grouped (``35-209900-176148-1``, ``86 853756 777616 8``),
    Luhn checked; also the 16-digit IMEISV next to "IMEI"."""

    ENTITY = "IMEI"
    PATTERNS = [
        Pattern("IMEI (15 digits)", r"(?<![\d.,/-])\d{15}(?![\d]|[.,-]\d)", 0.6),
        Pattern(
            "IMEI (grouped)",
            r"(?<![\d.,/-])\d{2}[ ./-]?\d{6}[ ./-]?\d{6}[ ./-]?\d(?![\d]|[.,-]\d)",
            0.6,
        ),
        Pattern("IMEISV (16 digits, needs context)", r"(?<![\d.,/-])\d{16}(?![\d])", 0.1),
    ]
    CONTEXT = ["imei", "toestel", "handset", "telefoon", "device", "sim"]

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = [c for c in pattern_text if c.isdigit()]
        if len(digits) == 16:
            return None
        return luhn_ok(pattern_text)


class VinRecognizer(DutchPatternRecognizer):
    """A vehicle identification number: 17 letters and digits without I, O and Q, with at
    least three digits and three letters (``WVWZZZAUZGW602817``), any case."""

    ENTITY = "VIN"
    FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE
    PATTERNS = [
        Pattern(
            "VIN",
            r"(?<![\w-])(?=(?:[a-z]*\d){3})(?=(?:\d*[a-z]){3})[a-hj-npr-z0-9]{17}(?![\w-])",
            0.6,
        ),
    ]
    CONTEXT = ["vin", "chassisnummer", "chassis", "voertuigidentificatienummer", "vehicle"]
