"""Word lists the name heuristics use: which capitalised words are ordinary words or never names.

All sources are local: the lemma tables inside the saved spaCy pipelines, spaCy's stop words,
deduce's common-word whitelist, and two small lists of our own in ``data/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["Lexicon", "load_word_list", "not_names"]


def load_word_list(name: str) -> frozenset[str]:
    """A word list from ``emm/anonymise/data/<name>.txt`` (lower case, ``#`` comments)."""
    text = resources.files("emm.anonymise").joinpath("data", f"{name}.txt").read_text("utf-8")
    return frozenset(_lines(text))


def _lines(text: str) -> Iterable[str]:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line.lower()


@cache
def not_names() -> frozenset[str]:
    """Capitalised words that never start or extend a person's name (countries, months...)."""
    return load_word_list("not_names")


@dataclass
class Lexicon:
    """Membership test "is this (lower-case) word an ordinary Dutch or English word?".

    ``tables`` are spaCy lookup tables (keys are word forms, values their lemmas); ``words``
    is a plain set (stop words, common words).
    """

    tables: list[Any] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    stop_words: set[str] = field(default_factory=set)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word in self.words:
            return True
        return any(word in table for table in self.tables)

    @classmethod
    def from_pipelines(cls, pipelines: Iterable[Any], extra: Iterable[str] = ()) -> Lexicon:
        """Build from loaded spaCy pipelines (their lemma tables and stop words)."""
        lexicon = cls()
        for nlp in pipelines:
            try:
                table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
            except (KeyError, ValueError):
                table = None
            if table is not None:
                lexicon.tables.append(table)
                lexicon.words.update(str(v).lower() for v in table.values())
            lexicon.stop_words.update(w.lower() for w in nlp.Defaults.stop_words)
        common, stop = _deduce_whitelist()
        lexicon.stop_words.update(stop)
        lexicon.words.update(lexicon.stop_words)
        lexicon.words.update(extra)
        lexicon.words.update(load_word_list("common_words"))
        lexicon.words.update(common)
        return lexicon


def _deduce_whitelist() -> tuple[set[str], set[str]]:
    """deduce's lists of common Dutch words and stop words (shipped with the package).

    Found without importing deduce (whose import reconfigures logging).
    """
    import importlib.util

    try:
        spec = importlib.util.find_spec("deduce")
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        return set(), set()
    base = Path(spec.origin).parent / "data" / "lookup" / "src" / "whitelist"

    def read(sub: str) -> set[str]:
        path = base / sub / "items.txt"
        return set(_lines(path.read_text("utf-8"))) if path.exists() else set()

    return read("lst_common_word"), read("lst_stop_word")
