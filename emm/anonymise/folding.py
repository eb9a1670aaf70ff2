"""Case- and accent-folded views of text that keep the original offsets.

Known values, the gazetteer and the gate's shape check all compare words folded
(``Müller`` = ``MULLER``, ``JAN  de   VRIES`` = ``Jan de Vries``) but must report where in
the *original* text a match is. Each stream here comes with the original index of every
character it holds.
"""

from __future__ import annotations

import re as _re
import unicodedata
from functools import cache

__all__ = ["alnum_stream", "fold", "fold_word", "word_key", "word_stream"]

#: letters that Unicode decomposition does not reduce to a base letter
_LETTER_MAP = str.maketrans(
    {"ı": "i", "ł": "l", "đ": "d", "ð": "d", "ø": "o", "æ": "ae", "œ": "oe", "ħ": "h", "þ": "th"}
)


@cache
def fold(ch: str) -> str:
    """Case- and accent-folded form of one character (may be empty or several chars)."""
    decomposed = unicodedata.normalize("NFKD", ch.casefold().translate(_LETTER_MAP))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def alnum_stream(text: str) -> tuple[str, list[int]]:
    """Letters and digits of ``text``, folded, with the original index of each."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if not ch.isalnum():
            continue
        for c in fold(ch):
            if c.isalnum():
                chars.append(c)
                index.append(i)
    return "".join(chars), index


#: a run of letters and digits (``str.isalnum``: a word character that is no underscore)
_ALNUM_RUN = _re.compile(r"[^\W_]+")
_ASCII_PART = _re.compile(r"[a-z]+|[0-9]+")


def word_stream(text: str) -> tuple[str, list[int]]:
    """Words of ``text`` (letters or digits), folded, one space between, wrapped in spaces.

    Index entries are the original positions of the characters; spaces get -1. (ASCII
    words are lower-cased whole; only words with other characters are folded one by one,
    which gives the same stream as :func:`_word_stream_chars` at a fraction of the cost.)

    >>> word_stream("Jan de Vries, 2024b")[0]
    ' jan de vries 2024 b '
    >>> text = "Ştefan (Iaşi) 12ab€ ß"
    >>> word_stream(text) == _word_stream_chars(text)
    True
    """
    parts: list[str] = [" "]
    index: list[int] = [-1]
    for m in _ALNUM_RUN.finditer(text):
        token, base = m.group(), m.start()
        if token.isascii():
            for part in _ASCII_PART.finditer(token.lower()):
                parts.append(part.group())
                parts.append(" ")
                index.extend(range(base + part.start(), base + part.end()))
                index.append(-1)
            continue
        stream, positions = _word_stream_chars(token)
        parts.append(stream[1:])
        index.extend(base + p if p >= 0 else -1 for p in positions[1:])
    return "".join(parts), index


def _word_stream_chars(text: str) -> tuple[str, list[int]]:
    """:func:`word_stream` one character at a time (the reference)."""
    chars: list[str] = [" "]
    index: list[int] = [-1]
    prev = ""  # "a" letter, "d" digit, "" separator
    for i, ch in enumerate(text):
        folded = fold(ch) if ch.isalnum() else ""
        for c in folded:
            kind = "d" if c.isdigit() else "a" if c.isalpha() else ""
            if not kind:
                continue
            if prev and prev != kind:
                chars.append(" ")
                index.append(-1)
            chars.append(c)
            index.append(i)
            prev = kind
        if not folded and prev:
            chars.append(" ")
            index.append(-1)
            prev = ""
    if chars[-1] != " ":
        chars.append(" ")
        index.append(-1)
    return "".join(chars), index


def word_key(value: str) -> str:
    """The folded word stream of ``value`` (`` jan de vries ``)."""
    return word_stream(value)[0]


def fold_word(word: str) -> str:
    """``word`` folded to lower case without accents (``"Ştefan"`` -> ``"stefan"``)."""
    if word.isascii():
        return word.lower()
    return "".join(fold(c) for c in word)
