"""Free text, and the characters no value may hold (control, bidi override, stray BOM).

:data:`FORBIDDEN` is the one definition of those characters; the delivery reader
(:mod:`emm.ingest.reader`) quarantines a record holding one, naming the field. The reading
contract (docs/delivery-format.md) allows tab and the line breaks of a quoted multi-line field
(a police summary or an Excel remark with line breaks is ordinary text; names fold whitespace
anyway) and no other control: every other C0 control, DEL and every C1 control; the bidi
embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069: they make a name display as
another); a U+FEFF inside text. ANSI escape sequences start with ESC (U+001B).
"""

from __future__ import annotations

import re

from emm.values.base import InvalidValue

__all__ = ["FORBIDDEN", "forbidden_reason", "normalise"]

#: C0 controls except tab, LF and CR; DEL; C1 controls; bidi controls; BOM; lone surrogates
#: (what the reader puts in place of bytes that the file's encoding cannot decode).
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
# The reader refuses a field over 1 MiB of UTF-8, so this only bounds text from elsewhere.
_MAX = 1 << 20


def forbidden_reason(value: str) -> str | None:
    """Why ``value`` may not be stored, or None (the reason names no character's context).

    >>> forbidden_reason("Jan"), forbidden_reason("Jan\\x1b[31m")
    (None, 'holds a control character (U+001B)')
    >>> forbidden_reason("\\u202eJan")
    'holds a bidirectional-text control character (U+202E)'
    >>> forbidden_reason("twee\\nregels") is None  # a multi-line remark is text
    True
    """
    m = FORBIDDEN.search(value)
    if m is None:
        return None
    ch = ord(m.group())
    if 0xD800 <= ch <= 0xDFFF:
        return "holds a character that is not valid Unicode (a lone surrogate)"
    if ch == 0xFEFF:
        return "holds a byte-order mark (U+FEFF) inside the text"
    if 0x202A <= ch <= 0x202E or 0x2066 <= ch <= 0x2069:
        return f"holds a bidirectional-text control character (U+{ch:04X})"
    return f"holds a control character (U+{ch:04X})"


def normalise(raw: str) -> str:
    """Free text, stripped and at most 1 Mi characters; everything else is kept as data.

    >>> normalise('  "quoted" \\\\ and a newline\\n ')
    '"quoted" \\\\ and a newline'
    """
    stripped = raw.strip()
    if not stripped:
        raise InvalidValue("text is empty")
    if len(stripped) > _MAX:
        raise InvalidValue(f"text may be at most {_MAX:,} characters long")
    return stripped
