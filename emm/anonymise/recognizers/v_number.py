"""IND vreemdelingennummer (V-nummer): 10 digits, recognised only next to a context word."""

from __future__ import annotations

from presidio_analyzer import Pattern

from emm.anonymise.recognizers.base import DutchPatternRecognizer

__all__ = ["VNumberRecognizer"]


class VNumberRecognizer(DutchPatternRecognizer):
    """Recognise an IND V-number such as ``1234567890`` or ``12 3456 7890``.

    Ten digits alone are too common (phone numbers, file numbers), so the base score is
    below the reporting threshold and a context word ("v-nummer", "vreemdelingennummer")
    lifts it.
    """

    ENTITY = "NL_V_NUMBER"

    PATTERNS = [
        Pattern("V-number (10 digits)", r"(?<![\d+-])\d{10}(?!\d|[.,-]\d)", 0.1),
        Pattern("V-number (grouped)", r"(?<![\d+-])\d{2}[ .]?\d{4}[ .]?\d{4}(?!\d|[.,-]\d)", 0.05),
        Pattern(
            "V-number (any grouping)",
            r"(?<![\d+.-])\d(?:[ .]?\d){9}(?!\d|[.,-]\d)",
            0.05,
        ),
    ]

    CONTEXT = ["v-nummer", "vnummer", "vreemdelingennummer", "v-number", "alien"]
