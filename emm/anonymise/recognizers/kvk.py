"""KvK number (Chamber of Commerce registration): 8 digits next to a context word."""

from __future__ import annotations

from presidio_analyzer import Pattern

from emm.anonymise.recognizers.base import DutchPatternRecognizer

__all__ = ["KvkRecognizer"]


class KvkRecognizer(DutchPatternRecognizer):
    """Recognise a KvK number such as ``12345678`` or ``1234 5678`` after "KvK".

    Eight digits alone are too common; the context word lifts the score over the threshold.
    """

    ENTITY = "NL_KVK"

    PATTERNS = [
        Pattern("KvK (8 digits)", r"(?<![\d+.,-])\d{8}(?!\d|[.,-]\d)", 0.1),
        Pattern("KvK (4 4)", r"(?<![\d+.,-])\d{4}[ .]\d{4}(?!\d|[.,-]\d)", 0.05),
    ]

    CONTEXT = ["kvk", "handelsregister", "koophandel", "commerce"]
