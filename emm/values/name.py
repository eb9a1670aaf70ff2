"""Names: how they are written (:func:`normalise`), folded (:func:`fold`), keyed
(:func:`name_key`), searched (:func:`search_text`) and compared (:func:`edit_distance`).

Name particles and folding are defined here once. :data:`PARTICLES` is the union of the lists
ingest, the anonymiser and the same-person analysis used to keep apart.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import OSA

from emm.values.base import InvalidValue, strip_chars

__all__ = [
    "PARTICLES",
    "edit_distance",
    "fold",
    "is_valid",
    "name_key",
    "node_key",
    "normalise",
    "search_text",
]

#: Lower-case particles inside names: "Jan van der Berg", "Nguyen van Thanh", "Omar bin Laden",
#: "Maria da Silva", "Ahmed el Amrani". Dutch, German, Romance, Arabic.
PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "ter",
        "ten",
        "te",
        "'t",
        "t",
        "in",
        "op",
        "la",
        "le",
        "da",
        "das",
        "do",
        "dos",
        "del",
        "della",
        "di",
        "du",
        "des",
        "von",
        "vom",
        "zu",
        "und",
        "bin",
        "ben",
        "bint",
        "ibn",
        "al",
        "el",
        "abu",
        "ould",
    ]
)
# "do" is also a Vietnamese family name (Đỗ): written in capitals it is capitalised.
_LOWER_CASE_PARTICLES = PARTICLES - {"do"}
_HAS_LETTER = re.compile(r"[^\W\d_]")
_MAX = 200


def normalise(raw: str) -> str:
    """A person's name: single-spaced; title case only when given in all caps or all lower
    case (particles then stay lower case, except as the last word: that is a surname).

    >>> normalise("JAN  VAN DER BERG"), normalise("ahmed el amrani"), normalise("McKinsey de Boer")
    ('Jan van der Berg', 'Ahmed el Amrani', 'McKinsey de Boer')
    >>> normalise("NGUYEN VAN DO")
    'Nguyen van Do'
    """
    collapsed = " ".join(raw.split())
    if not _HAS_LETTER.search(collapsed):
        raise InvalidValue("a name must contain at least one letter")
    if collapsed.isupper() or collapsed.islower():
        words = collapsed.lower().split(" ")
        last = len(words) - 1
        collapsed = " ".join(
            w if w in _LOWER_CASE_PARTICLES and i != last else w.title()
            for i, w in enumerate(words)
        )
    if len(collapsed) > _MAX:
        raise InvalidValue(f"a name may be at most {_MAX} characters long")
    return collapsed


def is_valid(raw: str) -> bool:
    """Whether ``raw`` can be a name (it has a letter and at most 200 characters).

    >>> is_valid("Jan"), is_valid("1234")
    (True, False)
    """
    try:
        normalise(raw)
    except InvalidValue:
        return False
    return True


# Letters that NFKD does not decompose but that people write without the mark.
_FOLD_EXTRA = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe",
     "þ": "th", "ß": "ss"}
)  # fmt: skip
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_APOSTROPHES = strip_chars("'`\u2018\u2019\u02bc\u00b4")
_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes dropped, other punctuation a single space.

    >>> fold("  Zoë   Ørsted-Müller "), fold("O'Brien")
    ('zoe orsted muller', 'obrien')
    """
    if text.isascii():
        text = text.casefold()
    else:
        text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
        text = _COMBINING.sub("", text).translate(_FOLD_EXTRA)
    return _NON_WORD.sub(" ", text.translate(_APOSTROPHES)).strip()


def name_key(raw: str) -> str:
    """A matching key for a name: accent-folded, lower case, no punctuation, single-spaced.

    >>> name_key("Ján  de Vries") == name_key("JAN DE VRIES") == "jan de vries"
    True
    >>> name_key("O'Brien-Łukasz")
    'obrien lukasz'
    """
    key = fold(raw)
    if not key:
        raise InvalidValue("a name must contain at least one letter or digit")
    return key


def node_key(name: str, birth_date: str) -> str:
    """The node key of a Person without BSN: folded name and ISO date of birth.

    >>> node_key("Jan de Vries", "1990-02-01")
    'nd:jan de vries|1990-02-01'
    """
    return f"nd:{name_key(name)}|{birth_date}"


# fold() for ASCII text in one bytes.translate, five times faster (folding is a tenth of
# validation time): lower case, apostrophes dropped, every other byte that is not a letter or
# digit a separator. Equal to fold(), checked by tests/test_ingest_perf_guarantees.py.
_ASCII_FOLD = bytes(
    c if chr(c) in "0123456789abcdefghijklmnopqrstuvwxyz" else 32 for c in range(256)
)


def search_text(*parts: str | None) -> str:
    """The search text of an entity: its parts folded like names and joined by spaces.

    Folding works character by character and turns every run of punctuation and spaces into
    one space, so folding the joined parts once gives the same text as folding each part (and
    is faster). A part with nothing searchable in it (``"---"``) adds nothing.

    >>> search_text("Jan de Vries", None, "111222333")
    'jan de vries 111222333'
    """
    text = " ".join(filter(None, parts))
    if text.isascii():
        return " ".join(text.lower().encode().translate(_ASCII_FOLD, b"'`").decode().split())
    return fold(text)


def edit_distance(a: str, b: str, *, limit: int = 2) -> int:
    """Optimal-string-alignment distance (edits incl. adjacent transpositions), capped at
    ``limit`` (rapidfuzz; equal to ``same_person.damerau``, checked by a property test).

    >>> edit_distance("vries", "vires"), edit_distance("jansen", "janssen")
    (1, 1)
    >>> edit_distance("bakker", "visser")
    2
    """
    return min(OSA.distance(a, b, score_cutoff=limit), limit)
