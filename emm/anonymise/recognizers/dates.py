"""Calendar dates: Dutch and English month names, and numeric day-month-year forms."""

from __future__ import annotations

from typing import Any

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from emm.anonymise.recognizers.base import DutchPatternRecognizer

__all__ = ["BirthDateRecognizer", "DateRecognizer"]

_MONTHS = (
    # Dutch, full and abbreviated (with optional period)
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec"
    # English
    r"|january|february|march|may|june|july|august|october|mar|oct"
)
_WEEKDAYS = (
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
    r"|ma|di|wo|do|vr|za|zo"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:e|de|ste|st|nd|rd|th)?"
_MONTH = rf"(?:{_MONTHS})\.?"
_YEAR = r"(?:19|20)?\d{2}"
_NUM_MONTH = r"(?:0?[1-9]|1[0-2])"
_NUM_DAY = r"(?:0?[1-9]|[12]\d|3[01])"


class DateRecognizer(DutchPatternRecognizer):
    """Recognise a calendar date: ``3 maart 2024``, ``3 mrt. 2024``, ``maandag 3 maart``,
    ``March 3, 2024``, ``03-03-2024``, ``3/3/24``, ``2024-03-03``.

    A day and a month are required; a year alone ("in 2024") or a month and year ("maart
    2024") is not reported, because it does not point at a person. Only a date of *birth*
    identifies a person; the date a law took effect or an event happened does not, and trend
    text is full of them. So a date scores below the threshold by itself, and a birth word
    nearby ("geboren", "geb.", "born", "DOB", "°") lifts it; a date in brackets right after
    a name ("Nordin Bouazza (04-04-1999)") is reported by itself. Birth-date-only shapes
    (``03111996``, ``5th of March 1988``) need the birth word too.
    """

    ENTITY = "DATE_TIME"

    PATTERNS = [
        Pattern(
            "Day month-name [year]",
            rf"(?<![\w-])(?:(?:{_WEEKDAYS})\.?,?\s+)?{_DAY}\s+{_MONTH}(?:\s+{_YEAR}(?!\d))?(?![\w])",
            0.3,
        ),
        Pattern(
            "Month-name day[, year]",
            rf"(?<![\w-]){_MONTH}\s+{_DAY}(?:,?\s+{_YEAR}(?!\d))?(?![\w])",
            0.3,
        ),
        Pattern(
            "Day of month-name year",
            rf"(?<![\w-]){_DAY}\s+of\s+{_MONTH},?\s+{_YEAR}(?!\d)",
            0.3,
        ),
        Pattern(
            "Numeric d-m-y",
            rf"(?<![\w.,/-]){_NUM_DAY}([-/.]){_NUM_MONTH}\1(?:19|20)?\d{{2}}(?![\w]|[-/.]\d)",
            0.3,
        ),
        Pattern(
            "Numeric y-m-d",
            rf"(?<![\w.,/-])(?:19|20)\d{{2}}([-/.]){_NUM_MONTH}\1{_NUM_DAY}(?![\w]|[-/.]\d)",
            0.3,
        ),
        Pattern(
            "ddmmyyyy (needs a birth word)",
            r"(?<![\w.,/-])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d(?![\w])",
            0.05,
        ),
        Pattern(
            "Date in brackets after a name",
            rf"(?<=\p{{Lu}}\p{{Ll}}+\s\()(?:{_NUM_DAY}([-/.]){_NUM_MONTH}\1(?:19|20)\d{{2}}"
            rf"|(?:19|20)\d{{2}}([-/.]){_NUM_MONTH}\2{_NUM_DAY})(?=\))",
            0.6,
        ),
    ]

    CONTEXT = [
        "geboren", "geb", "geboortedatum", "geboortedag", "born", "birth", "dob", "d.o.b",
        "°", "geburtsdatum", "né", "née", "leeftijd", "birthday", "verjaardag",
    ]  # fmt: skip


_ANY_DATE = (
    rf"(?:(?:{_WEEKDAYS})\.?,?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(?:19|20)\d\d"
    rf"|{_MONTH}\s+{_DAY},?\s+(?:19|20)\d\d"
    rf"|{_NUM_DAY}[-/.]{_NUM_MONTH}[-/.](?:19|20)?\d{{2}}"
    rf"|(?:19|20)\d{{2}}[-/.]{_NUM_MONTH}[-/.]{_NUM_DAY}"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d"
)


class BirthDateRecognizer(DutchPatternRecognizer):
    """A date of birth: after a birth word ("geboren op", "geb.", "born", "DOB:", "°"), or
    right after a name ("Mariya Koleva, 12.12.1985", "Viktor Hrebenyuk (7 May 1990)").

    Presidio's context words are compared with lemmas, and the English lemma of "born" is
    "bear"; so the birth word is part of the pattern here.
    """

    ENTITY = "DATE_TIME"
    FLAGS = re.DOTALL | re.MULTILINE
    PATTERNS = [
        Pattern(
            "birth word + date",
            r"(?i:(?<![\p{L}])(?:geboren|geb\.?|geboortedatum|geboortedag|born|birth|"
            r"date of birth|d\.?o\.?b\.?|°|né|née|geburtsdatum|data nașterii|urodzon[ya]))"
            r"(?:\s*(?i:op|on|:|de|am|le|in)\s*|[\s:(]+)*"
            rf"(?P<d>(?i:{_ANY_DATE}))(?![\w])",
            0.7,
        ),
        Pattern(
            "date right after a name",
            r"(?<=\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)*(?:,\s|\s\())"
            rf"(?i:{_ANY_DATE})(?![\w])",
            0.6,
        ),
    ]
    CONTEXT = ["geboren", "born", "geboortedatum"]

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: Any = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for r in results:  # the birth word itself is not part of the date
            m = _DATE_IN.search(text, r.start, r.end)
            if m is not None:
                r.start = m.start()
        return results


_DATE_IN = re.compile(_ANY_DATE, re.IGNORECASE)
