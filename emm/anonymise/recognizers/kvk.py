"""KvK number (Chamber of Commerce registration): 8 digits next to a context word."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

__all__ = ["KvkRecognizer"]


class KvkRecognizer(PatternRecognizer):
    """Recognise a KvK number such as ``12345678`` or ``1234 5678`` after "KvK".

    Eight digits alone are too common; the context word lifts the score over the threshold.
    """

    PATTERNS = [
        Pattern("KvK (8 digits)", r"(?<![\d+.,-])\d{8}(?!\d|[.,-]\d)", 0.1),
        Pattern("KvK (4 4)", r"(?<![\d+.,-])\d{4}[ .]\d{4}(?!\d|[.,-]\d)", 0.05),
    ]

    CONTEXT = ["kvk", "handelsregister", "koophandel", "commerce"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "NL_KVK",
        name: str | None = None,
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=patterns if patterns else list(self.PATTERNS),
            context=context if context else list(self.CONTEXT),
            supported_language=supported_language,
            name=name or type(self).__name__,
        )
