"""The pieces the reader is made of: the RFC 4180 state machine for CSV records, the JSON
Lines scanners, and the scan of a JSON line too long to hold.

Limits: a field over :data:`FIELD_LIMIT` bytes quarantines its record; text is read in pieces
of :data:`PIECE` characters, so no line is ever held whole.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from emm.ingest.encodings import KEEP

__all__ = [
    "FIELD_LIMIT",
    "JSON_KIND",
    "JSON_SPACE",
    "PIECE",
    "SAFE_CHARS",
    "STRICT_SCAN",
    "STR_OR_NONE",
    "TOO_LARGE",
    "CsvRecord",
    "JsonScan",
    "json_body",
    "json_object",
    "physical_lines",
    "utf8_size",
]

#: A field whose value takes more than this many bytes (UTF-8) quarantines its record.
FIELD_LIMIT = 1 << 20
#: Characters read at a time: a longer physical line is read in pieces.
PIECE = 1 << 20
#: A field of at most this many characters cannot exceed FIELD_LIMIT bytes (4 bytes a char).
SAFE_CHARS = FIELD_LIMIT // 4


def utf8_size(value: str) -> int:
    return len(value.encode("utf-8", "surrogatepass"))


_START, _UNQUOTED, _QUOTED, _QUOTE_IN_QUOTED = range(4)
# The separators a CSV file may use; the header line decides (see separator_of).
SEPARATORS = (";", ",")
_UNQUOTED_ENDS = {sep: re.compile(f"[{sep}\r\n]") for sep in SEPARATORS}
TOO_LARGE = "is larger than 1 MiB"


class _Field:
    """One field being read: its pieces while it is small enough to keep."""

    __slots__ = ("chars", "over", "pieces", "size")

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.chars = 0  # characters seen
        self.size = -1  # UTF-8 bytes, counted once the characters could exceed the limit
        self.over = False

    def add(self, text: str) -> None:
        if not text:
            return
        self.chars += len(text)
        if self.over:
            return
        self.pieces.append(text)
        if self.size >= 0:
            self.size += utf8_size(text)
        elif self.chars > SAFE_CHARS:
            self.size = sum(map(utf8_size, self.pieces))
        if self.size > FIELD_LIMIT:
            self.over = True
            kept = "".join(self.pieces)[:KEEP]
            self.pieces = [kept]

    def value(self) -> str:
        return "".join(self.pieces)


def separator_of(header_line: str) -> str:
    """The separator of a CSV file, from its header line: ``;`` (the Dutch default, as Excel
    writes it here) unless the line holds more commas than semicolons.

    >>> separator_of("record_id;type;name"), separator_of("record_id,type,name")
    (';', ',')
    """
    return ";" if header_line.count(";") >= header_line.count(",") else ","


class CsvRecord:
    """A record read by the RFC 4180 state machine, piece by piece (see the module doc).

    Quoting as Python's :mod:`csv` reads it in its default (non-strict) mode: a quote opens
    a quoted field only as the field's first character; inside one, ``""`` is a quote and a
    line break is data; characters after the closing quote are kept. A quote inside an
    unquoted field is an ordinary character.
    """

    __slots__ = ("_end", "count", "done", "fields", "keep", "sep", "state", "this")

    def __init__(self, keep: int, sep: str = ";") -> None:
        self.sep = sep
        self._end = _UNQUOTED_ENDS[sep]
        self.fields: list[_Field] = []  # kept fields (at most ``keep`` + 1)
        self.keep = keep
        self.count = 0  # fields seen
        self.this = _Field()
        self.state = _START
        self.done = False

    def _save(self) -> None:
        self.count += 1
        if len(self.fields) <= self.keep:
            self.fields.append(self.this)
        self.this = _Field()
        self.state = _START

    def feed(self, s: str) -> None:
        """Read a piece (a physical line, or part of one that continues in the next piece)."""
        i, n = 0, len(s)
        while i < n:
            state = self.state
            if state == _START:
                if s[i] == '"':
                    self.state = _QUOTED
                    i += 1
                    continue
                self.state = state = _UNQUOTED
            if state == _UNQUOTED:
                m = self._end.search(s, i)
                if m is None:
                    self.this.add(s[i:])
                    return
                j = m.start()
                self.this.add(s[i:j])
                self._save()
                if s[j] != self.sep:  # a line break: the record ends with this piece
                    self.done = True
                    return
                i = j + 1
            elif state == _QUOTED:
                j = s.find('"', i)
                if j < 0:
                    self.this.add(s[i:])  # line breaks included: they are data here
                    return
                self.this.add(s[i:j])
                self.state = _QUOTE_IN_QUOTED
                i = j + 1
            else:  # _QUOTE_IN_QUOTED: the quote just read closes the field or is doubled
                c = s[i]
                if c == '"':
                    self.this.add('"')
                    self.state = _QUOTED
                    i += 1
                elif c == self.sep:
                    self._save()
                    i += 1
                elif c in "\r\n":
                    self._save()
                    self.done = True
                    return
                else:
                    self.state = _UNQUOTED

    def end_of_file(self) -> bool:
        """The file ended inside this record: True when a quote is left open."""
        if self.state in (_QUOTED,):
            return True
        if not self.done:
            self._save()
            self.done = True
        return False


# The C scanners json.loads ends up in (an attribute JSONDecoder sets; typeshed omits it).
# The strict one refuses raw control characters inside strings; the lax one then tells a
# record that only has such a character (quarantined naming its field) from broken JSON.


def _not_json(constant: str) -> Any:
    """NaN and Infinity: Python's json reads them, JSON has no such values."""
    raise ValueError(f"{constant} is not JSON")


STRICT_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder(  # type: ignore[attr-defined]
    parse_float=str, parse_int=str, parse_constant=_not_json
).scan_once
LAX_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder(  # type: ignore[attr-defined]
    parse_float=str, parse_int=str, parse_constant=_not_json, strict=False
).scan_once
STR_OR_NONE = frozenset({str, type(None)})
JSON_SPACE = " \t\n\r"  # what JSON counts as whitespace (str.strip() would take more)


def json_object(line: str) -> tuple[dict[str, Any] | None, str]:
    """The object on ``line`` (numbers as their text), or None and why not."""
    value, why, _ = json_body(line.strip(JSON_SPACE))
    return value, why


def json_body(body: str) -> tuple[dict[str, Any] | None, str, bool]:
    """:func:`json_object` of a line already stripped of JSON whitespace, and whether a
    string in it holds a raw control character."""
    try:
        value, end = STRICT_SCAN(body, 0)
    except (StopIteration, json.JSONDecodeError, ValueError, RecursionError):
        value, why = _lax_json(body)
        return value, why, value is not None
    if end != len(body):
        return None, "not valid JSON: extra data after the value (or a truncated line)", False
    if not isinstance(value, dict):
        return None, "a JSON Lines record must be a JSON object", False
    return value, "", False


def _lax_json(body: str) -> tuple[dict[str, Any] | None, str]:
    try:
        value, end = LAX_SCAN(body, 0)
    except StopIteration:
        return None, "not valid JSON"
    except (json.JSONDecodeError, ValueError, RecursionError) as exc:
        msg = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
        return None, f"not valid JSON: {msg}"
    if end != len(body):
        return None, "not valid JSON: extra data after the value (or a truncated line)"
    if not isinstance(value, dict):
        return None, "a JSON Lines record must be a JSON object"
    return value, ""


JSON_KIND = {dict: "an object", list: "an array", bool: "true or false"}


def physical_lines(text: io.TextIOWrapper) -> Iterator[str]:
    """The physical lines of a text stream, each cut to :data:`KEEP` characters."""
    pending_lf = False
    current: list[str] = []
    kept = 0
    while piece := text.readline(PIECE):
        if pending_lf:
            pending_lf = False
            if piece == "\n":
                continue
        if kept < KEEP:
            current.append(piece[: KEEP - kept])
            kept += len(current[-1])
        if len(piece) < PIECE or piece[-1] in "\r\n":
            pending_lf = len(piece) == PIECE and piece[-1] == "\r"
            yield "".join(current).rstrip("\r\n")
            current, kept = [], 0
    if current:
        yield "".join(current).rstrip("\r\n")


_IN_STRING_STOP = re.compile(r'["\\]')
_OUTSIDE_STOP = re.compile(r'["{}\[\],:]')


class JsonScan:
    """Finds, in a JSON object read piece by piece, the first top-level key whose value is
    too large or nested, keeping only keys in memory."""

    __slots__ = (
        "depth",
        "escape",
        "expect_key",
        "in_string",
        "is_key",
        "key",
        "last_key",
        "length",
        "offending",
        "offending_reason",
    )

    def __init__(self) -> None:
        self.depth = 0
        self.in_string = False
        self.escape = False
        self.expect_key = False
        self.is_key = False
        self.key: list[str] = []
        self.last_key = ""
        self.length = 0
        self.offending: str | None = None
        self.offending_reason = ""

    def feed(self, s: str) -> None:
        i, n = 0, len(s)
        while i < n and self.offending is None:
            if self.in_string:
                if self.escape:
                    self.escape = False
                    i += 1
                    self.length += 1
                    continue
                m = _IN_STRING_STOP.search(s, i)
                j = n if m is None else m.start()
                if self.is_key and len(self.key) < 1000:
                    self.key.append(s[i:j])
                self.length += j - i
                if self.depth == 1 and not self.is_key and self.length > FIELD_LIMIT:
                    self.offending, self.offending_reason = self.last_key, TOO_LARGE
                    return
                if m is None:
                    return
                if s[j] == "\\":
                    self.escape = True
                    i = j + 1
                    continue
                self.in_string = False
                if self.is_key:
                    self.last_key = "".join(self.key)[:200]
                i = j + 1
                continue
            m = _OUTSIDE_STOP.search(s, i)
            if m is None:
                return
            c = s[m.start()]
            i = m.start() + 1
            if c == '"':
                self.in_string = True
                self.is_key = self.depth == 1 and self.expect_key
                self.key = []
                self.length = 0
            elif c in "{[":
                if self.depth == 1 and not self.expect_key:
                    self.offending = self.last_key
                    self.offending_reason = (
                        f"holds {JSON_KIND[dict if c == '{' else list]}: values must be "
                        "strings, numbers or null"
                    )
                    return
                self.depth += 1
                self.expect_key = c == "{"
            elif c in "}]":
                self.depth -= 1
            elif c == ",":
                self.expect_key = self.depth == 1
            elif c == ":":
                self.expect_key = False
