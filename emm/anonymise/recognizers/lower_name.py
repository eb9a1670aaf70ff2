"""Names written all in lower case ("pieter de vries", "mehmet", "yusuf") in chats and notes.

Capitalisation is what the other name recognisers read; chat messages and hurried notes have
none. Here a lower-case word counts as a first name when it is on deduce's list of first names
and is not an ordinary Dutch or English word ("may", "will", "mark" stay); a following
lower-case surname (deduce's surname list, or any word that is not an ordinary word, after
optional particles "de", "van der") joins it.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from typing import Any

import regex as re
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from emm.anonymise.folding import fold_word
from emm.anonymise.lexicon import NAME_PARTICLES

__all__ = ["LowerCaseNameRecognizer", "name_lists"]

_WORD = re.compile(r"(?<![\p{L}\d@._-])\p{Ll}[\p{Ll}\p{M}'’-]*(?![\p{L}\d@_]|\.\p{L})")
_MIN = 3


@cache
def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """deduce's first names and surnames, folded (read from its data; deduce not imported)."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or spec.origin is None:
        return frozenset(), frozenset()
    base = Path(spec.origin).parent / "data" / "lookup" / "src" / "names"

    def read(name: str) -> frozenset[str]:
        path = base / name / "items.txt"
        if not path.exists():
            return frozenset()
        return frozenset(
            fold_word(line.strip()) for line in path.read_text("utf-8").splitlines() if line.strip()
        )

    return read("lst_first_name"), read("lst_surname")


class LowerCaseNameRecognizer(LocalRecognizer):
    """Lower-case first names (and the surname after them), see the module doc."""

    ENTITIES = ["PERSON"]

    def __init__(self, lexicon: Any, supported_language: str = "nl", score: float = 0.5) -> None:
        self.lexicon = lexicon
        self.score = score
        self._label = f"LowerCaseNameRecognizer_{supported_language}"
        first, last = name_lists()
        self.first = frozenset(n for n in first if len(n) >= _MIN and n not in lexicon)
        self.last = frozenset(n for n in last if len(n) >= _MIN and n not in lexicon)
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
        words = list(_WORD.finditer(text))
        out: list[RecognizerResult] = []
        i = 0
        while i < len(words):
            w = words[i]
            if fold_word(w.group()) not in self.first:
                i += 1
                continue
            start, end = w.span()
            j = i + 1
            pending: list[Any] = []
            while j < len(words) and words[j].start() - words[j - 1].end() == 1:
                low = fold_word(words[j].group())
                if low in NAME_PARTICLES:
                    pending.append(words[j])
                    j += 1
                    continue
                if low in self.last or (low not in self.lexicon and len(low) >= _MIN):
                    end = words[j].end()
                    pending = []
                    j += 1
                    continue
                break
            out.append(self._result(start, end))
            i = max(j, i + 1)
        return out

    def _result(self, start: int, end: int) -> RecognizerResult:
        return RecognizerResult(
            entity_type="PERSON",
            start=start,
            end=end,
            score=self.score,
            analysis_explanation=AnalysisExplanation(
                recognizer=self._label,
                original_score=self.score,
                textual_explanation="lower-case first name",
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self._label,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
