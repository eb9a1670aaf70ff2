"""Dutch postcode: four digits (not starting with 0), optional space, two capital letters."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

__all__ = ["PostcodeRecognizer"]


class PostcodeRecognizer(PatternRecognizer):
    """Recognise a Dutch postcode such as ``1234 AB`` or ``1234AB``.

    Matching is case-*sensitive* (Presidio's default flags ignore case, which makes
    "2024 en" a postcode). The letter pairs SA, SD and SS are never issued.
    """

    PATTERNS = [
        Pattern(
            "Postcode (1234 AB)",
            r"(?<![\w-])[1-9][0-9]{3}[ \u00a0]?(?!SA|SD|SS)[A-Z]{2}(?![\w-])",
            0.5,
        ),
    ]

    CONTEXT = ["postcode", "adres", "woonachtig", "wonende", "address", "postal"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "NL_POSTCODE",
        name: str | None = None,
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=patterns if patterns else list(self.PATTERNS),
            context=context if context else list(self.CONTEXT),
            supported_language=supported_language,
            global_regex_flags=re.DOTALL | re.MULTILINE,
            name=name or type(self).__name__,
        )
