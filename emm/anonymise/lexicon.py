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

__all__ = [
    "ABBREVIATIONS",
    "NAME_PARTICLES",
    "TITLES",
    "Lexicon",
    "load_word_list",
    "not_names",
    "words",
]


def words(text: str) -> frozenset[str]:
    """A set of words from a whitespace-separated literal."""
    return frozenset(text.split())


#: Lower-case particles inside names: "Anna de Wit", "Nguyen van Thanh", "Omar bin Laden".
NAME_PARTICLES = words(
    """
    van de der den het ter ten te la le da das do dos del della di du von vom zu und bin
    ben bint ibn al el abu ould
    """
)
#: Titles before names.
TITLES = words("dhr mevr mw mr mrs ms dr drs ing ir prof")
#: Short words followed by a period that do not end a sentence.
ABBREVIATIONS = TITLES | words("st nr ca bijv evt o.a vgl zgn resp jl jr sr etc vs ref tel inz")


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
    #: words of case reports (``data/common_words.txt``) that start sentences
    domain_words: set[str] = field(default_factory=set)
    #: word frequencies and name lists (:mod:`emm.anonymise.vocabulary`), when loaded
    lists: Any = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word in self.words:
            return True
        return any(word in table for table in self.tables)

    def ordinary(self, word: str, threshold: float = 3.0) -> bool:
        """In the lemma tables or word lists, or a frequent word (wordfreq), no name."""
        if word in self:
            return True
        return self.lists is not None and self.lists.ordinary(word, threshold)

    def is_name(self, word: str) -> bool:
        return self.lists is not None and self.lists.is_name(word)

    @classmethod
    def from_pipelines(
        cls, pipelines: Iterable[Any], extra: Iterable[str] = (), lists: Any = None
    ) -> Lexicon:
        """Build from loaded spaCy pipelines (their lemma tables and stop words)."""
        lexicon = cls(lists=lists)
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
        lexicon.domain_words.update(load_word_list("common_words"))
        lexicon.words.update(lexicon.domain_words)
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
