"""``deduce`` (Dutch de-identification, LGPL-3.0) wrapped as a Presidio recogniser.

Deduce knows Dutch first names, surnames, places, streets (BAG), institutions and Dutch date
and phone formats. Its tags are mapped to Presidio entity types. Names in ALL CAPITALS, which
the name lists miss, get a second pass over a copy of the text in which those words are
title-cased (same length, so offsets stay valid).
"""

from __future__ import annotations

from typing import Any

import regex as re
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from emm.anonymise.lexicon import ABBREVIATIONS, not_names

__all__ = ["DeduceRecognizer", "TAG_MAP", "title_case_capitals"]

#: deduce tag -> Presidio entity type. Tags not listed (age, url, generic id, bsn, date) are
#: dropped: our own recognisers handle identifiers with checksums, and dates only matter as
#: dates of birth (see :class:`DateRecognizer`). Hospitals and care institutions are public
#: bodies, not personal data ("Erasmus MC"): not reported.
TAG_MAP: dict[str, str] = {
    "persoon": "PERSON",
    "patient": "PERSON",
    "locatie": "LOCATION",
    "telefoonnummer": "PHONE_NUMBER",
    "emailadres": "EMAIL_ADDRESS",
}

#: deduce processor groups we never need (saves time and avoids duplicate identifiers).
DISABLED_PROCESSORS: frozenset[str] = frozenset(
    {"ages", "identifiers", "urls", "merge_adjacent_annotations", "redactor"}
)

_TITLE_PREFIX = re.compile(
    r"(?:(?:dhr|mevr|mw|mr|dr|drs|ir|ing|prof|de\s+heer|heer|mevrouw|meneer|juffrouw|"
    r"patiënt|patient|betrokkene|verdachte|slachtoffer|getuige|aangever|aangeefster)\.?\s+)+",
    re.IGNORECASE,
)
_LEGAL_FORM = re.compile(r"(?:B\.?V|N\.?V|V\.?O\.?F|C\.?V)\.?(?![\p{L}])")
_POSTCODE = re.compile(r"[1-9]\d{3}\s?[A-Za-z]{2}")
# "JAN DE VRIES" -> "Jan de Vries", so deduce sees the interfix.
_INTERFIXES = frozenset({"de", "van", "der", "den", "ter", "ten", "het"})
_CAPS_WORD = re.compile(r"(?<![\p{L}\d])\p{Lu}[\p{Lu}'’-]*\p{Lu}(?![\p{L}\d])")


def title_case_capitals(text: str, keep: frozenset[str] | None = None) -> str | None:
    """``text`` with words in ALL CAPITALS title-cased ("JAN DE VRIES" -> "Jan de Vries").

    Words in ``keep`` (lower case; default: acronyms and other words that are never names)
    are left alone. Returns None when nothing changed. The result has the same length.
    """
    keep = not_names() if keep is None else keep
    changed = False

    def fix(m: re.Match[str]) -> str:
        nonlocal changed
        word = m.group()
        if word.lower() in _INTERFIXES:
            return word.lower()
        if word.lower() in keep or len(word) < 2:
            return word
        changed = True
        titled = "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
        return titled if len(titled) == len(word) else word

    out = _CAPS_WORD.sub(fix, text)
    return out if changed else None


class DeduceRecognizer(LocalRecognizer):
    """Dutch names, places, streets, institutions, dates, phones and e-mail via deduce.

    :param deduce: a ``deduce.Deduce`` instance (its first start builds lookup tables for
        minutes; build it once, see :func:`emm.anonymise.engine.get_engine`).
    :param score: score given to every deduce annotation.
    :param caps_pass: run a second pass over title-cased ALL-CAPS words.
    :param lexicon: ordinary words; a single ordinary word that deduce reads as a place at
        the start of a sentence ("Heuvel ...") is dropped, and so is a function word or report
        word read as a name ("Betrokkene"). A surname that is also a noun ("Visser
        verklaarde") is kept: Dutch does not open a sentence with a bare noun.
    """

    ENTITIES = sorted(set(TAG_MAP.values()) | {"NL_ADDRESS", "NL_POSTCODE"})

    def __init__(
        self,
        deduce: Any,
        supported_language: str = "nl",
        score: float = 0.85,
        caps_pass: bool = True,
        lexicon: Any = None,
        name: str | None = None,
    ) -> None:
        self._deduce = deduce
        self.lexicon = lexicon
        self.score = score
        self.caps_pass = caps_pass
        self._label: str = name or f"DeduceRecognizer_{supported_language}"
        super().__init__(
            supported_entities=list(self.ENTITIES),
            supported_language=supported_language,
            name=self._label,
        )

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = self._run(text, self.score, None)
        if self.caps_pass:
            titled = title_case_capitals(text)
            if titled is not None:
                caps = self._run(_only_near_capitals(text, titled), self.score, {"PERSON"})
                # a capitals word the first pass read as a place ("VRIES") is a name part
                results = [r for r in results if not _overlaps_caps(r, caps, text)] + caps
        return results

    def _ordinary_word_at_sentence_start(
        self, text: str, start: int, end: int, strict: bool = False
    ) -> bool:
        """A single capitalised ordinary word opening a sentence ("Heuvel ...", "Betrokkene").

        With ``strict`` only function words and report vocabulary count: a bare noun that is
        also a surname ("Visser verklaarde ...") opens a Dutch sentence only as a name.
        """
        if self.lexicon is None:
            return False
        word = text[start:end]
        if not word.isalpha() or not word[:1].isupper() or word.isupper():
            return False
        low = word.lower()
        if strict:
            known = low in self.lexicon.stop_words or low in self.lexicon.domain_words
        else:
            known = low in self.lexicon
        return known and _at_sentence_start(text, start)

    def _run(self, text: str, score: float, only: set[str] | None) -> list[RecognizerResult]:
        doc = self._deduce.deidentify(text, disabled=set(DISABLED_PROCESSORS))
        out: list[RecognizerResult] = []
        for ann in doc.annotations:
            entity = _entity_for(ann.tag, ann.text)
            if entity is None or (only is not None and entity not in only):
                continue
            start, end = ann.start_char, ann.end_char
            if entity == "PERSON":
                if _LEGAL_FORM.match(text, start, end):
                    continue  # "B.V. te Rotterdam": deduce reads a legal form as initials
                m = _TITLE_PREFIX.match(text, start, end)
                if m and m.end() < end:
                    start = m.end()
                elif self._ordinary_word_at_sentence_start(text, start, end, strict=True):
                    continue
            elif entity == "LOCATION" and self._ordinary_word_at_sentence_start(text, start, end):
                continue
            out.append(
                RecognizerResult(
                    entity_type=entity,
                    start=start,
                    end=end,
                    score=score,
                    analysis_explanation=AnalysisExplanation(
                        recognizer=self._label,
                        original_score=score,
                        textual_explanation=f"deduce tag {ann.tag}",
                    ),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self._label,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return out


_SENTENCE_END = frozenset(".!?:;\n•")


def _at_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\"'“‘(-":
        i -= 1
    if i < 0:
        return True
    if text[i] not in _SENTENCE_END:
        return False
    if text[i] == ".":
        j = i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        word = text[j:i].lower()
        if word in ABBREVIATIONS or (len(word) == 1 and text[j].isupper()):
            return False
    return True


#: characters kept either side of a title-cased word for the second pass: deduce reads a
#: name from the words next to it ("dhr. JANSEN", "PIETERS, J."), never from further away
_CAPS_MARGIN = 80


def _only_near_capitals(text: str, titled: str) -> str:
    """``titled`` blanked (same length) except around the title-cased capitals: each changed
    word with the words within :data:`_CAPS_MARGIN` characters of it on its line. (Deduce's
    cost grows with the text it reads; whole lines made the pass a third of its time.)"""
    keep: list[tuple[int, int]] = []
    for m in _CAPS_WORD.finditer(text):
        if titled[m.start() : m.end()] == m.group():
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        start = max(line_start, m.start() - _CAPS_MARGIN)
        end = min(line_end, m.end() + _CAPS_MARGIN)
        if start > line_start:  # never cut a word: start after a space
            space = text.rfind(" ", line_start, start)
            start = line_start if space < 0 else space + 1
        if end < line_end:
            space = text.find(" ", end, line_end)
            end = line_end if space < 0 else space
        keep.append((start, end))
    out: list[str] = []
    pos = 0
    for start, end in sorted(keep):
        if end <= pos:
            continue
        start = max(start, pos)
        out.append(_blank(text[pos:start]))
        out.append(titled[start:end])
        pos = end
    out.append(_blank(text[pos:]))
    return "".join(out)


def _blank(part: str) -> str:
    return _NOT_NEWLINE.sub(" ", part)


_NOT_NEWLINE = re.compile(r"[^\n]")


def _overlaps_caps(r: RecognizerResult, caps: list[RecognizerResult], text: str) -> bool:
    if any(c.islower() for c in text[r.start : r.end]):
        return False
    return any(c.start < r.end and r.start < c.end for c in caps)


def _entity_for(tag: str, value: str) -> str | None:
    base = tag.split("+")[0].split("-")[0].lower()
    entity = TAG_MAP.get(base)
    if entity == "LOCATION" and any(c.isdigit() for c in value):
        return "NL_POSTCODE" if _POSTCODE.fullmatch(value.strip()) else "NL_ADDRESS"
    return entity
