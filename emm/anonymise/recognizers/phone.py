"""Telephone numbers: Presidio's phonenumbers-based recogniser with the Dutch region."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer as _PresidioPhone

__all__ = ["PhoneRecognizer"]


class PhoneRecognizer(_PresidioPhone):
    """Presidio's ``PhoneRecognizer`` with ``NL`` (and neighbours) among the regions.

    Presidio's default regions leave out NL. Leniency 0 ("possible") also finds numbers in
    unallocated ranges or with a typo, which still identify someone. Because Dutch numbers are
    always written with the trunk prefix 0 or an international prefix (+, 00), a digit run
    without one (a BSN, a file number) is not reported as a phone number.
    """

    SCORE = 0.6
    CONTEXT = [
        "telefoon", "telefoonnummer", "tel", "mobiel", "mobiele", "gsm", "nummer", "belde",
        "gebeld", "whatsapp", "phone", "telephone", "mobile", "cell", "call", "called",
    ]
    #: national formats recognised; numbers written with + or 00 are found in any region
    DEFAULT_SUPPORTED_REGIONS = ("NL", "BE")

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
        return [r for r in results if _has_prefix(text[r.start : r.end])]


def _has_prefix(raw: str) -> bool:
    """True when the number starts with a trunk 0 or an international + / 00."""
    stripped = raw.lstrip("( ")
    return stripped.startswith(("0", "+"))
