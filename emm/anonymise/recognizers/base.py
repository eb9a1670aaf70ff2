"""The one constructor every Dutch pattern recogniser shares.

A recogniser is data (``ENTITY``, ``PATTERNS``, ``CONTEXT``) plus, where a checksum exists, a
``validate_result`` hook; constructor arguments override the class data, as in Presidio.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer


class DutchPatternRecognizer(PatternRecognizer):
    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    # Presidio's default flags ignore case; case-sensitive recognisers (postcodes, plates,
    # document numbers) set DOTALL | MULTILINE without IGNORECASE.
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.IGNORECASE

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(
            supported_entity=supported_entity or self.ENTITY,
            patterns=patterns if patterns else list(self.PATTERNS),
            context=context if context else list(self.CONTEXT),
            supported_language=supported_language,
            name=name or type(self).__name__,
            global_regex_flags=self.FLAGS,
        )
