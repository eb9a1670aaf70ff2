"""Dutch passport and identity-card document numbers."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from emm.anonymise.recognizers.base import DutchPatternRecognizer

__all__ = ["DocumentNumberRecognizer"]


class DocumentNumberRecognizer(DutchPatternRecognizer):
    """Recognise a Dutch travel-document number such as ``NXC3P7KD1`` or ``SPECI2014``.

    Since 2014 the number has 9 characters: two letters, six letters or digits, one digit;
    the letter O is never used (the digit 0 is). Upper-case only. The shape alone gives a
    modest score; words such as "paspoort" or "ID-kaart" nearby lift it. Foreign passport
    numbers (one or two letters and 7-8 digits, e.g. Nigerian ``A12345678``) are reported only
    next to such a word.
    """

    ENTITY = "NL_DOCUMENT_NUMBER"
    FLAGS = re.DOTALL | re.MULTILINE

    PATTERNS = [
        Pattern(
            "Dutch document number",
            r"(?<![\w-])[A-NP-Z]{2}[A-NP-Z0-9]{6}\d(?![\w-])",
            0.4,
        ),
        Pattern(
            "Foreign passport number (needs context)",
            r"(?<![\w-])[A-Z]{1,2}\d{7,8}(?![\w-])",
            0.1,
        ),
    ]

    CONTEXT = [
        "paspoort",
        "paspoortnummer",
        "identiteitskaart",
        "id-kaart",
        "idkaart",
        "identiteitsbewijs",
        "reisdocument",
        "documentnummer",
        "legitimatie",
        "passport",
        "identity",
        "document",
    ]
