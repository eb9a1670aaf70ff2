"""International phone numbers written with ``+`` and spaces that the phonenumbers matcher
skips in lists ("1) +40 744 902 183", "+40 (0) 755 118 204")."""

from __future__ import annotations

from presidio_analyzer import Pattern

from emm.anonymise.recognizers.base import DutchPatternRecognizer

__all__ = ["IntlPhoneRecognizer"]


class IntlPhoneRecognizer(DutchPatternRecognizer):
    """``+`` or ``00``, a country code and 6 to 12 more digits (spaces, dots, dashes, "(0)")."""

    ENTITY = "PHONE_NUMBER"
    PATTERNS = [
        Pattern(
            "international number",
            r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ .-]?\(0\))?(?:[ .-]?\d){6,12}(?![\d])",
            0.55,
        ),
    ]
    CONTEXT = ["tel", "telefoon", "phone", "mobiel", "mobile", "whatsapp", "nummer", "number"]
