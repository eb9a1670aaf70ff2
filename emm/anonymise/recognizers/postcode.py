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
        # "6661 ab", "6661ab": lower case only when the letters are not a word ("2024 en")
        Pattern(
            "Postcode (lower case)",
            r"(?<![\w-])[1-9][0-9]{3}[ \u00a0]?(?!sa|sd|ss|en|of|in|op|is|te|er|ik|je|we|at|on|to|an|as|be|by|do|go|he|if|it|me|my|no|or|so|up|us|om|ex|eu|uk|nl|de|het|km|kg|cm|mm|ml|pm|am|st|nd|rd|th|ha|eh|zo|na|ja|al|nu|ze|hij|mb|gb|kb)[a-z]{2}(?![\w-])",
            0.4,
        ),
    ]

    CONTEXT = ["postcode", "adres", "woonachtig", "wonende", "address", "postal"]
