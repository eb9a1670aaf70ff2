"""The shape check's rule for numbers written out in words: ``SPELLED``.

Part of :mod:`emm.anonymise.shapes`. Someone who wants an identifier past a digit check
writes it in words: "nul zes twaalf vierendertig zesenvijftig achtenzeventig", "BSN: een
twee drie vier ...", "zero six one two ...", or a house number after its street ("Lindelaan
nummer veertien"). Trend text writes counts in digits (the shapes allow "12.500"), and a
number word alone ("twee signalen", "drie landen") is ordinary prose, so this rule refuses

* a run of **four or more** number words (Dutch or English, separators ignored), a word such
  as "vierendertig" or "twenty-one" counting once; "een"/"one"/"a" only count inside a run
  that has three other number words, so "een van de drie" stays;
* a number word right after a house-number or identifier label ("nummer veertien",
  "huisnummer 7" is the digit rule's job).

>>> [m for m in spelled_numbers("bel nul zes twaalf vierendertig zesenvijftig")]
[(4, 44)]
>>> list(spelled_numbers("twee of drie signalen uit een van de vier regio's"))
[]
>>> list(spelled_numbers("Hij woont op nummer veertien in de Lindelaan."))
[(13, 28)]
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

__all__ = ["NUMBER_WORDS", "spelled_numbers"]

_UNITS_NL = "nul|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen"
_TEENS_NL = "tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien"
_TENS_NL = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
_UNITS_EN = "zero|oh|one|two|three|four|five|six|seven|eight|nine"
_TEENS_EN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_EN = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_BIG = "honderd|duizend|hundred|thousand"

#: one number word: units, teens, tens, Dutch compounds ("vierendertig", "eenentwintig"),
#: English compounds ("twenty-one"), hundreds ("driehonderd")
NUMBER_WORDS = re.compile(
    rf"(?:(?:{_UNITS_NL}|{_TEENS_NL})?(?:honderd|duizend)(?:{_UNITS_NL}|{_TEENS_NL})?"
    rf"|(?:{_UNITS_NL.replace('|één', '')}|één)(?:ën|en)(?:{_TENS_NL})"
    rf"|{_TENS_NL}|{_TEENS_NL}|{_UNITS_NL}"
    rf"|(?:{_TENS_EN})(?:[-](?:{_UNITS_EN}))?|{_TEENS_EN}|{_UNITS_EN}|{_BIG})",
    re.IGNORECASE,
)
_WORD = re.compile(r"\p{L}[\p{L}-]*")  # a lone dash ("nul zes - vier") is a separator
#: what may stand between two number words of one run: spaces, dashes, dots, commas, slashes
_GAP = re.compile(r"[ \t.,/\-–]{1,3}")
#: articles that are also the number one: they count only in a run of other number words
_WEAK = frozenset({"een", "één", "one", "oh"})
_MIN_RUN = 4
_LABEL = re.compile(
    r"(?<![\p{L}])(?:nummer|huisnummer|huisnr|nr|number|no|flat|unit|kamer|appartement|"
    r"bus|postbus|apartment)\.?[ ]+$",
    re.IGNORECASE,
)


def _is_number(word: str) -> bool:
    return NUMBER_WORDS.fullmatch(word) is not None


def spelled_numbers(text: str) -> Iterator[tuple[int, int]]:
    """Spans of spelled-out identifiers in ``text`` (see the module doc)."""
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        if not _is_number(words[i].group()):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(words)
            and _is_number(words[j + 1].group())
            and _GAP.fullmatch(text[words[j].end() : words[j + 1].start()])
        ):
            j += 1
        run = [w.group().lower() for w in words[i : j + 1]]
        strong = sum(w not in _WEAK for w in run)
        if len(run) >= _MIN_RUN and strong >= _MIN_RUN - 1:
            yield words[i].start(), words[j].end()
        elif strong and _LABEL.search(text, 0, words[i].start()):
            yield _LABEL.search(text, 0, words[i].start()).start(), words[j].end()  # type: ignore[union-attr]
        i = j + 1
