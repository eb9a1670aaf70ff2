"""Dutch postcode: four digits (not starting with 0), optional space, two capital letters."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from emm.anonymise.recognizers.base import DutchPatternRecognizer

__all__ = ["PostcodeRecognizer"]


class PostcodeRecognizer(DutchPatternRecognizer):
    """Recognise a Dutch postcode such as ``1234 AB`` or ``1234AB``.

    Matching is case-*sensitive* (Presidio's default flags ignore case, which makes
    "2024 en" a postcode). The letter pairs SA, SD and SS are never issued.
    """

    ENTITY = "NL_POSTCODE"
    FLAGS = re.DOTALL | re.MULTILINE

    PATTERNS = [
        Pattern(
            "Postcode (1234 AB)",
            r"(?<![\w-])[1-9][0-9]{3}[ \u00a0]?(?!SA|SD|SS)[A-Z]{2}(?![\w-])",
            0.5,
        ),
    ]

    CONTEXT = ["postcode", "adres", "woonachtig", "wonende", "address", "postal"]
