"""Undo the disguises that hide a value from a scanner, for the shape check to read.

A BSN with zero-width spaces between its groups (``212\\u200b254\\u200b418``), an IBAN with
no-break spaces, digits in full width (``１２３``), a phone in keycap emoji (``0️⃣6️⃣…``), a
name with a Cyrillic ``а`` among Latin letters, a handle with a flower in it
(``@bella.nails.🌸.ams``): a person reads them at once, a pattern does not. :func:`plain_view`
gives the text as a reader sees it, with where each of its characters came from, so that a
finding on the view is a finding on the original text:

* invisible format characters (``Cf``: zero-width spaces and joiners, bidi marks, soft
  hyphens, BOM), variation selectors, enclosing keycaps and other symbols (``So``: emoji,
  dingbats) are dropped;
* every other space (no-break, thin, ideographic) becomes a plain space;
* full-width ASCII becomes ASCII;
* a Cyrillic or Greek letter that looks like a Latin one becomes that Latin letter when a
  Latin letter or digit stands next to it (a whole Cyrillic word stays Cyrillic: the SCRIPT
  rule reads it).

Plain ASCII text, and text without any of these, comes back unchanged at the cost of one
regular-expression search.

>>> view, index = plain_view("BSN 212\\u200b254\\u200b418")
>>> view, index[8], len(index)
('BSN 212254418', 9, 13)
>>> plain_view("Zeeland en Brabant")
('Zeeland en Brabant', None)
"""

from __future__ import annotations

from functools import cache

import regex as re

__all__ = ["CONFUSABLES", "plain_view", "to_original"]

#: Cyrillic and Greek letters that look like Latin ones (Unicode confusables, the common part)
CONFUSABLES: dict[str, str] = dict(
    zip(
        "аеорсухіјѕһԁԛԝАВЕКМНОРСТХУІЈЅαονρτικυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijshdqwABEKMHOPCTXYIJSaovptikuxABEZHIKMNOPTYX",
        strict=True,
    )
)
_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_LOOKALIKE = "".join(CONFUSABLES)
_DISGUISE = re.compile(
    rf"[\p{{Cf}}\p{{So}}\p{{Me}}\ufe00-\ufe0f{_SPACES}\uff01-\uff5e]"
    rf"|(?<=[A-Za-z0-9])[{_LOOKALIKE}]|[{_LOOKALIKE}](?=[A-Za-z0-9])"
)


@cache
def _suspect(char: str) -> bool:
    """Whether ``char`` (not ASCII) is one that :func:`plain_view` changes or looks at."""
    return _DISGUISE.fullmatch(char) is not None or char in CONFUSABLES


def _plain(char: str) -> str:
    if char in CONFUSABLES:
        return CONFUSABLES[char]
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if re.match(rf"[{_SPACES}]", char):
        return " "
    return ""


def plain_view(text: str) -> tuple[str, list[int] | None]:
    """The text as a reader sees it, and for each of its characters its index in ``text``
    (``None`` when nothing was changed)."""
    # the distinct characters first (a set at C speed): most texts hold none of these
    if text.isascii() or not any(_suspect(c) for c in set(text) if not c.isascii()):
        return text, None
    if _DISGUISE.search(text) is None:
        return text, None
    pieces: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _DISGUISE.finditer(text):
        start = m.start()
        pieces.append(text[pos:start])
        index.extend(range(pos, start))
        plain = _plain(m.group())
        if plain:
            pieces.append(plain)
            index.append(start)
        pos = m.end()
    pieces.append(text[pos:])
    index.extend(range(pos, len(text)))
    return "".join(pieces), index


def to_original(index: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of the original text that the view's ``[start, end)`` (not empty) came from."""
    return index[start], index[end - 1] + 1
