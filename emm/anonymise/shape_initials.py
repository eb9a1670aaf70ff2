"""The shape check's INITIALS rule: dotted letters that are what is left of a name.

Part of :mod:`emm.anonymise.shapes`. A de-identifier that finds "Gerrit-Jan Pauwels" leaves
the "G.J.P." on the doorbell, the client called '"T."' and the "o.j. ighodaro" of a bank
file: initials carry no word a recogniser reads as a name, and the CAPITALS rule lets a
single capital through (it cannot tell "T." from "bijlage A."). This rule refuses

* a **series** of two or more dotted letters in any case ("G.J.P.", "J.P.M.", "o.j."),
  unless it is an abbreviation of ``data/abbreviations.txt`` ("o.a.", "i.v.m.", "N.B.");
* a **lone capital initial** where a person stands: quoted ('"T."'), alone in brackets
  ("(R.)"), or before a capitalised word or a particle ("T. Jansen", "R. van Dijk");
* a **lone lower-case initial** before a particle or a name ("j. van dijk").

An initial takes the name after it along ("o.j. ighodaro"): a lower-case word that is on a
name list, or no ordinary word at all.

>>> from emm.anonymise.vocabulary import word_lists
>>> rules = InitialRules(word_lists())
>>> t = 'op de bel stond "G.J.P."; o.a. de KMar en R. van Dijk'
>>> [t[s:e] for s, e in rules.initials(t)]
['G.J.P.', 'R. van Dijk']
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from emm.anonymise.lexicon import load_word_list
from emm.anonymise.lexicon import words as _words
from emm.anonymise.shape_words import FUNCTION, PARTICLES
from emm.anonymise.vocabulary import WordLists

__all__ = ["ABBREVIATIONS", "InitialRules"]

#: dotted abbreviations that are no initials (lower case, with their dots)
ABBREVIATIONS = load_word_list("abbreviations")
#: words after which a single capital is a label, not an initial ("bijlage A.", "plan B.")
LETTER_WORDS = _words("""bijlage bijlagen annex appendix deel part fase phase type categorie
    category klasse class groep group plan punt point variant model optie option scenario
    schema zone blok block gebouw building hal hoofdstuk chapter paragraaf paragraph lid
    sub onderdeel item vitamine vitamin letter kolom column rij row tabel table figuur
    figure afdeling section sectie versie version stap step niveau level graad grade""")
_SERIES = re.compile(r"(?<![\p{L}\d.])(?:\p{L}\.){2,6}(?![\p{L}\d])")
_SINGLE = re.compile(r"(?<![\p{L}\d.'’])\p{L}\.(?![\p{L}\d.])")
_NEXT_WORD = re.compile(r"[ ]+(\p{L}[\p{L}\p{M}'’-]*)")
_QUOTES_OPEN = "\"“„'‘«"
_QUOTES_CLOSE = "\"”'’»"
#: how common a lower-case word must be to read as a word, not a name, after an initial
_WORD_AFTER_INITIAL = 4.0


class InitialRules:
    """INITIALS over one vocabulary (see the module doc)."""

    def __init__(self, lists: WordLists) -> None:
        self.lists = lists

    def initials(self, text: str) -> Iterator[tuple[int, int]]:
        """Refused initials (with the name after them, when there is one)."""
        for m in _SERIES.finditer(text):
            if m.group().lower() in ABBREVIATIONS:
                continue
            yield m.start(), self._name_after(text, m.end(), m.group()[0].islower())
        for m in _SINGLE.finditer(text):
            start, end = m.span()
            letter = m.group()[0]
            if letter.islower():
                tail = self._name_after(text, end, True)
                if tail > end:
                    yield start, tail
                continue
            if self._lone(text, start, end):
                yield start, end
                continue
            tail = self._name_after(text, end, False)
            if tail > end and not self._after_letter_word(text, start):
                yield start, tail

    def _lone(self, text: str, start: int, end: int) -> bool:
        """Quoted or bracketed on its own: '"T."', "(R.)"."""
        before, after = text[start - 1 : start], text[end : end + 1]
        quoted = before != "" and before in _QUOTES_OPEN and after != "" and after in _QUOTES_CLOSE
        return quoted or (before == "(" and after == ")")

    @staticmethod
    def _after_letter_word(text: str, start: int) -> bool:
        words = re.findall(r"\p{L}+", text[max(0, start - 24) : start])
        return bool(words) and words[-1].lower() in LETTER_WORDS

    def _name_after(self, text: str, end: int, lower: bool) -> int:
        """The end of the name after an initial: particles and a surname ("van Dijk",
        "ighodaro"); ``end`` when no name follows."""
        pos = end
        particle = False
        while True:
            m = _NEXT_WORD.match(text, pos)
            if m is None:
                break
            word = m.group(1)
            if word.lower() in PARTICLES:
                pos, particle = m.end(), True
                continue
            if self._name_word(word, lower, particle):
                return m.end()
            break
        return end

    def _name_word(self, word: str, lower: bool, particle: bool) -> bool:
        if word.lower() in FUNCTION and not particle:
            return False
        if word[0].isupper():
            # "R. Jansen", "T. van Dijk"; not "A. Inleiding" after a letter word (checked
            # by the caller) nor a lower-case initial before a capital ("z. Bijlage")
            return not lower or particle
        if particle:
            return True  # "j. van dijk": an initial and a particle make the rest a name
        if self.lists.is_name(word):
            return not self.lists.ordinary(word, _WORD_AFTER_INITIAL)
        return not self.lists.ordinary(word, 3.0)
