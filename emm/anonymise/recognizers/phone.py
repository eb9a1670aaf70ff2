"""Telephone numbers: Presidio's phonenumbers-based recogniser with the Dutch region."""

from __future__ import annotations

import phonenumbers
import regex as re
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer as _PresidioPhone

__all__ = ["PhoneRecognizer"]


class PhoneRecognizer(_PresidioPhone):
    """Presidio's ``PhoneRecognizer`` with ``NL`` (and neighbours) among the regions.

    Presidio's default regions leave out NL. Leniency 0 ("possible") also finds numbers in
    unallocated ranges or with a typo, which still identify someone; :func:`_plausible` then
    keeps international and Dutch mobile numbers and valid national numbers. Dutch numbers
    are always written with the trunk prefix 0 or an international prefix (+, 00), so a
    digit run without one (a BSN) is never reported as a phone number.
    """

    SCORE = 0.6
    CONTEXT = [
        "telefoon",
        "telefoonnummer",
        "tel",
        "mobiel",
        "mobiele",
        "gsm",
        "nummer",
        "belde",
        "gebeld",
        "whatsapp",
        "phone",
        "telephone",
        "mobile",
        "cell",
        "call",
        "called",
    ]
    #: national formats recognised; numbers written with + or 00 are found in any region
    DEFAULT_SUPPORTED_REGIONS: tuple[str, ...] = ("NL", "BE")  # type: ignore[assignment]

    def __init__(
        self,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "PHONE_NUMBER",
        supported_regions: tuple[str, ...] = DEFAULT_SUPPORTED_REGIONS,
        leniency: int = 0,
        name: str | None = None,
    ) -> None:
        super().__init__(
            context=context if context else list(self.CONTEXT),
            supported_language=supported_language,
            supported_entity=supported_entity,
            supported_regions=supported_regions,
            leniency=leniency,
            name=name,
        )

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)  # type: ignore[arg-type]
        return [r for r in results if _plausible(text[r.start : r.end], self.supported_regions)]


_DATE_SHAPE = re.compile(r"\d{1,2}([-./])\d{1,2}\1\d{2,4}")


def _plausible(raw: str, regions: tuple[str, ...]) -> bool:
    """Whether a "possible" number is worth reporting.

    Always: numbers with an international prefix (+, 00) and Dutch mobile numbers (06 + 8
    digits), even in unallocated ranges or with a typo. National numbers otherwise only when
    valid for one of ``regions`` (so a file number "0123456789" is not a phone number).
    Never: a digit run without trunk 0 or international prefix (a BSN), or a date shape.
    """
    stripped = raw.lstrip("( ")
    if not stripped.startswith(("0", "+")) or _DATE_SHAPE.fullmatch(stripped):
        return False
    digits = "".join(c for c in stripped if c.isdigit())
    if stripped.startswith(("+", "00")) or (digits.startswith("06") and len(digits) == 10):
        return True
    for region in regions:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(raw, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False
