"""Reading one delivery file: every physical line and byte accounted for.

The contract is in ``docs/delivery-format.md`` ("Reading a file"). In short: a file is opened
safely (:func:`open_listed`: no symlink, no special file, never outside the delivery folder),
its encoding is decided once for the whole file (:func:`sniff_encoding`: BOM, else the
manifest, else detected), and :class:`RecordFile` yields one item per record::

    (row, line, record)       # a dict column -> raw text, to validate and load
    (row, line, Quarantined)  # the reader's verdict: field, reason and the raw values

``row`` is the 1-based record number (the header is not counted), ``line`` the 1-based
physical line where the record starts (the header is line 1). Every record is yielded exactly
once, so ``read`` = number of items = ``loaded`` + ``quarantined`` can be counted in one place.

Memory stays bounded whatever the file holds: lines are read in pieces of at most
:data:`PIECE` characters, a field over :data:`FIELD_LIMIT` is counted but not kept, and the
lines of an unterminated quote are read again from disk rather than held.

Why a hand-written CSV splitter and not :mod:`csv`: the C reader cannot say where a record
started, silently closes an unterminated quote at the end of the file (swallowing every line
after it into one field) and needs a whole line in memory. Lines without a quote, nearly all
of them, take a fast path (one ``str.split``); only lines with a quote go through the state
machine in :class:`_CsvRecord`, which jumps with ``str.find`` instead of looping per character.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from dataclasses import field as _field
from functools import partial
from itertools import compress
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from emm.errors import EmmError
from emm.values.text import FORBIDDEN, forbidden_reason

__all__ = [
    "FIELD_LIMIT",
    "PIECE",
    "DeliveryError",
    "Item",
    "Quarantined",
    "RecordFile",
    "open_listed",
    "sniff_encoding",
]

#: A field whose value takes more than this many bytes (UTF-8) quarantines its record.
FIELD_LIMIT = 1 << 20
#: Characters read at a time: a longer physical line is read in pieces.
PIECE = 1 << 20
#: Characters of a quarantined line or field kept in the quarantine file for the privacy officer.
KEEP = 64 * 1024
# A field of at most this many characters cannot exceed FIELD_LIMIT bytes (4 bytes a char).
_SAFE_CHARS = FIELD_LIMIT // 4


class DeliveryError(EmmError, RuntimeError):
    """The delivery as a whole cannot be processed (abort the stage; nothing half-done)."""


@dataclass(frozen=True, slots=True)
class Quarantined:
    """The reader's verdict on a record: quarantine it with ``field`` and ``reason``.

    ``record`` holds the raw values (column -> text; surplus values as ``"(column N)"``, a
    line that is no record as ``{"line": ...}``), for the privacy officer only. Bytes that
    the file's encoding cannot decode are shown as ``\\xNN``.
    """

    field: str
    reason: str
    record: dict[str, Any] = _field(default_factory=dict)


Item = tuple[int, int, "dict[str, str] | Quarantined"]

# ----------------------------------------------------------------------------- opening


def _open_flags(directory: bool) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat refuses it right after.
    return flags | (getattr(os, "O_DIRECTORY", 0) if directory else os.O_NONBLOCK)


def open_listed(folder: Path, listed: str) -> BinaryIO:
    """Open the file ``listed`` (as the manifest names it) inside ``folder``, safely.

    Refused with :class:`DeliveryError`: an absolute path or one with ``..``; a path any of
    whose parts is a symbolic link (each part is opened with ``O_NOFOLLOW`` relative to the
    one before, so the check is on what is opened, not on a name that could change); anything
    but a regular file (checked with ``fstat`` on the opened descriptor).
    """
    parts = PurePosixPath(listed.replace("\\", "/")).parts
    if not parts or PurePosixPath(listed).is_absolute() or Path(listed).is_absolute():
        raise DeliveryError(f"{listed}: file paths must be relative to the delivery folder")
    if any(p in ("..", ".", "") for p in parts):
        raise DeliveryError(f"{listed}: file paths must stay inside the delivery folder")
    try:
        dir_fd = os.open(folder, _open_flags(directory=True))
    except OSError as exc:
        raise DeliveryError(f"{folder}: cannot open the delivery folder ({exc.strerror})") from None
    fd = -1
    try:
        for part in parts[:-1]:
            try:
                next_fd = os.open(part, _open_flags(directory=True), dir_fd=dir_fd)
            except OSError as exc:
                raise DeliveryError(
                    f"{listed}: '{part}' is not a folder inside the delivery "
                    f"(a symbolic link is refused) ({exc.strerror})"
                ) from None
            os.close(dir_fd)
            dir_fd = next_fd
        try:
            fd = os.open(parts[-1], _open_flags(directory=False), dir_fd=dir_fd)
        except FileNotFoundError:
            raise DeliveryError(f"{listed}: listed in the manifest but missing") from None
        except OSError as exc:
            raise DeliveryError(
                f"{listed}: cannot be opened as a regular file (a symbolic link is refused) "
                f"({exc.strerror})"
            ) from None
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise DeliveryError(f"{listed}: not a regular file (special files are refused)")
        os.set_blocking(fd, True)
        fh = os.fdopen(fd, "rb")
        fd = -1
        return fh
    finally:
        if fd >= 0:
            os.close(fd)
        os.close(dir_fd)


# ----------------------------------------------------------------------------- encodings

_BOMS: tuple[tuple[bytes, str, str], ...] = (  # longest first: UTF-32 LE starts like UTF-16 LE
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
#: Encodings a manifest may declare -> (Python codec, name in reasons). Without a BOM, UTF-16
#: and UTF-32 are big-endian (RFC 2781); ``utf-8-sig`` is UTF-8 with an optional BOM.
MANIFEST_ENCODINGS: dict[str, tuple[str, str]] = {
    "utf-8": ("utf-8", "UTF-8"),
    "utf-8-sig": ("utf-8", "UTF-8"),
    "cp1252": ("cp1252", "cp1252"),
    "windows-1252": ("cp1252", "cp1252"),
    "iso-8859-1": ("latin-1", "ISO-8859-1"),
    "latin-1": ("latin-1", "ISO-8859-1"),
    "iso-8859-15": ("iso8859-15", "ISO-8859-15"),
    "utf-16": ("utf-16-be", "UTF-16 BE"),
    "utf-16-le": ("utf-16-le", "UTF-16 LE"),
    "utf-16-be": ("utf-16-be", "UTF-16 BE"),
    "utf-32": ("utf-32-be", "UTF-32 BE"),
    "utf-32-le": ("utf-32-le", "UTF-32 LE"),
    "utf-32-be": ("utf-32-be", "UTF-32 BE"),
}


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a file is decoded: ``codec`` for Python, ``name`` for people, ``source`` of the
    decision (``bom``, ``manifest`` or ``detected``) and the BOM's length in bytes."""

    codec: str
    name: str
    source: str
    bom: int = 0
    decodes: bool = False  # known to decode without error (detection read all of it)

    def describe(self) -> str:
        return f"{self.name} ({'byte-order mark' if self.source == 'bom' else self.source})"


def _classify_unmarked(fh: BinaryIO, block: int) -> Encoding:
    """UTF-8 when the file decodes as UTF-8 or has both valid multi-byte sequences and invalid
    bytes; cp1252 when it has bytes >= 0x80 but not one valid UTF-8 multi-byte sequence.

    Two incremental decoders run over the blocks at C speed (a sequence split between blocks
    is still seen): a strict one finds invalid bytes, one that drops them finds valid
    multi-byte sequences (its output is not ASCII).
    """
    strict = codecs.getincrementaldecoder("utf-8")()
    lenient = codecs.getincrementaldecoder("utf-8")(errors="ignore")
    invalid = multibyte = False
    while data := fh.read(block):
        if not invalid:
            try:
                strict.decode(data)
            except UnicodeDecodeError:
                invalid = True
        if not multibyte:
            multibyte = not lenient.decode(data).isascii()
        if invalid and multibyte:
            break
    if not invalid:
        try:
            strict.decode(b"", final=True)  # a sequence cut off by the end of the file
        except UnicodeDecodeError:
            invalid = True
    if invalid and not multibyte:
        return Encoding("cp1252", "cp1252", "detected")
    return Encoding("utf-8", "UTF-8", "detected", decodes=not invalid)


def sniff_encoding(fh: BinaryIO, declared: str | None = None, *, block: int = 1 << 20) -> Encoding:
    """Decide a file's encoding: a BOM decides; else ``declared`` (from the manifest); else
    detection over the whole file (streamed, bounded memory). Leaves ``fh`` at the start.
    """
    fh.seek(0)
    head = fh.read(4)
    fh.seek(0)
    for bom, codec, name in _BOMS:
        if head.startswith(bom):
            return Encoding(codec, name, "bom", len(bom))
    if declared is not None:
        codec, name = MANIFEST_ENCODINGS[declared]
        return Encoding(codec, name, "manifest")
    try:
        return _classify_unmarked(fh, block)
    finally:
        fh.seek(0)


def _suspect_bytes(*extra: int) -> bytes:
    """A ``bytes.translate`` table sending every byte that may start a forbidden character
    to 0 and every other byte to 1 (so ``b"\\0" in block.translate(table)`` is one C pass)."""
    bad = {*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *extra}
    return bytes(0 if b in bad else 1 for b in range(256))


# Per codec: the bytes that may begin a forbidden character. C0 (tab excepted: line breaks
# between records are not in values, and the line breaks of a quoted field are checked there)
# and DEL everywhere; in UTF-8 the lead bytes of C1 controls (C2), bidi controls (E2) and
# U+FEFF (EF); in cp1252 its five undefined bytes; in ISO-8859-x the C1 range. A false alarm
# (E2 also starts curly quotes) only means the file's lines are checked one by one.
_SUSPECT = {
    "utf-8": _suspect_bytes(0xC2, 0xE2, 0xEF),
    "cp1252": _suspect_bytes(0x81, 0x8D, 0x8F, 0x90, 0x9D),
    "latin-1": _suspect_bytes(*range(0x80, 0xA0)),
    "iso8859-15": _suspect_bytes(*range(0x80, 0xA0)),
}


def may_hold_forbidden(fh: BinaryIO, encoding: Encoding, *, block: int = 1 << 20) -> bool:
    """False when no line of the file can hold a forbidden character or undecodable bytes,
    so the reader can skip checking each line (a fast byte-level pass); True otherwise, and
    always for UTF-16 and UTF-32. Leaves ``fh`` at the start."""
    table = _SUSPECT.get(encoding.codec)
    if table is None:
        return True
    # Single-byte codecs decode every byte but cp1252's five undefined ones (in the table);
    # UTF-8 is decoded unless detection already did.
    decoder = None
    if encoding.codec == "utf-8" and not encoding.decodes:
        decoder = codecs.getincrementaldecoder("utf-8")()
    fh.seek(encoding.bom)
    try:
        while data := fh.read(block):
            if b"\0" in data.translate(table):
                return True
            if decoder is not None:
                decoder.decode(data)  # undecodable bytes: each such line is quarantined
        if decoder is not None:
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return True
    finally:
        fh.seek(0)
    return False


def _undecodable(exc: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: each byte that cannot be decoded becomes U+DC00 + byte, a lone
    surrogate that no valid decoding produces; the reader quarantines its record."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(chr(0xDC00 + b) for b in bad), exc.end


codecs.register_error("emm-undecodable", _undecodable)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _shown(value: str, keep: int = KEEP) -> str:
    """A raw value as it goes to the quarantine file: undecodable bytes as ``\\xNN``, long
    values cut (the quarantine is for reading, not for a copy of a 50 MB field)."""
    if len(value) > keep:
        value = value[:keep] + f" [... {len(value) - keep:,} more characters not kept]"
    if _SURROGATE.search(value):
        value = _SURROGATE.sub(_surrogate_shown, value)
    return value


def _surrogate_shown(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC00 <= code <= 0xDCFF:  # a byte the encoding could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"  # a lone surrogate written as a JSON escape


def _utf8_size(value: str) -> int:
    return len(value.encode("utf-8", "surrogatepass"))


# ----------------------------------------------------------------------------- CSV records

_START, _UNQUOTED, _QUOTED, _QUOTE_IN_QUOTED = range(4)
_UNQUOTED_END = re.compile(r"[;\r\n]")
_TOO_LARGE = "is larger than 1 MiB"


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
            self.size += _utf8_size(text)
        elif self.chars > _SAFE_CHARS:
            self.size = sum(map(_utf8_size, self.pieces))
        if self.size > FIELD_LIMIT:
            self.over = True
            kept = "".join(self.pieces)[:KEEP]
            self.pieces = [kept]

    def value(self) -> str:
        return "".join(self.pieces)


class _CsvRecord:
    """A record read by the RFC 4180 state machine, piece by piece (see the module doc).

    Quoting as Python's :mod:`csv` reads it in its default (non-strict) mode: a quote opens
    a quoted field only as the field's first character; inside one, ``""`` is a quote and a
    line break is data; characters after the closing quote are kept. A quote inside an
    unquoted field is an ordinary character.
    """

    __slots__ = ("count", "done", "fields", "keep", "state", "this")

    def __init__(self, keep: int) -> None:
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
                m = _UNQUOTED_END.search(s, i)
                if m is None:
                    self.this.add(s[i:])
                    return
                j = m.start()
                self.this.add(s[i:j])
                self._save()
                if s[j] != ";":  # a line break: the record ends with this piece
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
                elif c == ";":
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


# ----------------------------------------------------------------------------- JSON records

# The C scanners json.loads ends up in (an attribute JSONDecoder sets; typeshed omits it).
# The strict one refuses raw control characters inside strings; the lax one then tells a
# record that only has such a character (quarantined naming its field) from broken JSON.


def _not_json(constant: str) -> Any:
    """NaN and Infinity: Python's json reads them, JSON has no such values."""
    raise ValueError(f"{constant} is not JSON")


_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder(  # type: ignore[attr-defined]
    parse_float=str, parse_int=str, parse_constant=_not_json
).scan_once
_LAX_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder(  # type: ignore[attr-defined]
    parse_float=str, parse_int=str, parse_constant=_not_json, strict=False
).scan_once
_STR_OR_NONE = frozenset({str, type(None)})
_JSON_SPACE = " \t\n\r"  # what JSON counts as whitespace (str.strip() would take more)
_JSON_CONSTANTS = re.compile(r"(?:NaN|-?Infinity)")


def _json_object(line: str) -> tuple[dict[str, Any] | None, str]:
    """The object on ``line`` (numbers as their text), or None and why not."""
    value, why, _ = _json_body(line.strip(_JSON_SPACE))
    return value, why


def _json_body(body: str) -> tuple[dict[str, Any] | None, str, bool]:
    """:func:`_json_object` of a line already stripped of JSON whitespace, and whether a
    string in it holds a raw control character."""
    try:
        value, end = _SCAN(body, 0)
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
        value, end = _LAX_SCAN(body, 0)
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


_JSON_KIND = {dict: "an object", list: "an array", bool: "true or false"}


# ----------------------------------------------------------------------------- the reader


class RecordFile:
    """One record file of a delivery, read record by record (see the module doc).

    Opening reads the header (CSV) and decides the encoding; :class:`DeliveryError` when the
    file is unusable as a whole: empty, unknown type, no ``record_id`` or ``type`` column.
    ``skip_empty`` leaves empty CSV cells and JSON nulls out of the yielded records.
    """

    def __init__(
        self,
        folder: Path,
        listed: str,
        declared_encoding: str | None = None,
        *,
        skip_empty: bool = False,
    ) -> None:
        self.listed = listed
        suffix = PurePosixPath(listed).suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            self.format = "jsonl"
        elif suffix in (".csv", ".txt"):
            self.format = "csv"
        else:
            raise DeliveryError(f"{listed}: unknown file type {suffix!r} (use .csv or .jsonl)")
        self.skip_empty = skip_empty
        self._raw = open_listed(folder, listed)
        try:
            if os.fstat(self._raw.fileno()).st_size == 0:
                raise DeliveryError(f"{listed}: the file is empty (0 bytes)")
            self.encoding = sniff_encoding(self._raw, declared_encoding)
            self._suspect = may_hold_forbidden(self._raw, self.encoding)
            self._text = self._open_text(self._raw)
            self.header: list[str] = []
            self._header_lines = 0
            if self.format == "csv":
                self._read_header()
        except BaseException:
            self._raw.close()
            raise

    def _open_text(self, raw: BinaryIO) -> io.TextIOWrapper:
        raw.seek(self.encoding.bom)
        return io.TextIOWrapper(
            raw,
            encoding=self.encoding.codec,
            errors="emm-undecodable",
            newline="",  # no translation: "\r\n", "\n" and "\r" end a line, kept as read
        )

    def close(self) -> None:
        self._text.close()

    def __enter__(self) -> RecordFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[Item]:
        if self.format == "csv":
            return self._csv_items()
        return self._jsonl_items()

    # -- CSV ---------------------------------------------------------------------------------

    def _read_header(self) -> None:
        first = self._text.readline(PIECE)
        self._header_lines = 1
        record = _CsvRecord(keep=10_000)
        record.feed(first)
        if not record.done and record.end_of_file():
            record.fields = []
        names = [f.value().strip().lstrip("\ufeff").strip() for f in record.fields]
        hint = ""
        if "\x00" in first:
            hint = " (NUL bytes: is it UTF-16 or UTF-32 without a byte-order mark? declare "
            hint += "its encoding in the manifest)"
        for needed in ("record_id", "type"):
            if needed not in names:
                raise DeliveryError(f"{self.listed}: the header row has no '{needed}' column{hint}")
        seen: set[str] = set()
        for name in names:
            if name in seen:
                raise DeliveryError(f"{self.listed}: the header names column '{name}' twice")
            seen.add(name)
        self.header = names

    def _verdict_record(self, values: list[str], count: int) -> dict[str, Any]:
        record: dict[str, Any] = {c: _shown(v) for c, v in zip(self.header, values, strict=False)}
        for i, value in enumerate(values[len(self.header) :], start=len(self.header) + 1):
            record[f"(column {i})"] = _shown(value)
        if count > len(values):
            record["(not kept)"] = f"{count - len(values)} more fields"
        return record

    def _check_cells(self, cells: list[str], body: str) -> Quarantined | None:
        """The verdict on a record's cells, or None when the reader lets it through."""
        width = len(self.header)
        if FORBIDDEN.search(body) is not None and _SURROGATE.search(body) is not None:
            return Quarantined(
                "record",
                f"holds bytes that are not valid {self.encoding.name}",
                self._verdict_record(cells, len(cells)),
            )
        if len(cells) != width:
            return Quarantined(
                "record",
                f"has {len(cells)} fields where the header has {width}",
                self._verdict_record(cells, len(cells)),
            )
        if len(body) > _SAFE_CHARS:
            for column, cell in zip(self.header, cells, strict=True):
                if len(cell) > _SAFE_CHARS and _utf8_size(cell) > FIELD_LIMIT:
                    return Quarantined(column, _TOO_LARGE, self._verdict_record(cells, width))
        if FORBIDDEN.search(body) is not None:
            for column, cell in zip(self.header, cells, strict=True):
                reason = forbidden_reason(cell)
                if reason is not None:
                    return Quarantined(column, reason, self._verdict_record(cells, width))
        return None

    def _record(self, cells: list[str]) -> dict[str, str]:
        if self.skip_empty:
            return dict(compress(zip(self.header, cells, strict=True), cells))
        return dict(zip(self.header, cells, strict=True))

    def _csv_items(self) -> Iterator[Item]:
        # The hot loop of ingest. A line of at most _SAFE_CHARS characters without a quote
        # (nearly every line) is one split; everything else takes the state machine.
        pieces = iter(partial(self._text.readline, PIECE), "")  # C-level: no call per line
        header = self.header
        width = len(header)  # at least 2 (record_id, type): a blank line never fits it
        skip_empty = self.skip_empty
        forbidden = FORBIDDEN.search
        clean = not self._suspect  # the whole file was checked at once: no line needs it
        line_no = self._header_lines
        row = 0
        pending_lf = False  # the last piece was cut after "\r": a "\n" piece ends that line
        for line in pieces:
            if pending_lf:
                pending_lf = False
                if line == "\n":
                    continue
            line_no += 1
            if '"' not in line and len(line) < PIECE:  # a whole line without quotes
                body = line.rstrip("\r\n")
                cells = body.split(";")
                # isprintable (C, fast on ASCII) is false for every forbidden character, so
                # the regular expression only runs on the rare line with a tab, NBSP or worse
                if (
                    len(cells) == width
                    and len(body) <= _SAFE_CHARS
                    and (clean or body.isprintable() or forbidden(body) is None)
                ):
                    row += 1
                    if skip_empty:
                        yield row, line_no, dict(compress(zip(header, cells, strict=True), cells))
                    else:
                        yield row, line_no, dict(zip(header, cells, strict=True))
                    continue
                if not body or body.isspace():
                    continue  # a blank line is not a record
                row += 1
                verdict = self._check_cells(cells, body)
                yield row, line_no, verdict if verdict is not None else self._record(cells)
                continue
            row += 1
            start = line_no
            record = _CsvRecord(keep=width)
            record.feed(line)
            cut_cr = len(line) == PIECE and line[-1] == "\r"
            while not record.done:
                piece = next(pieces, "")
                if not piece:
                    break
                if cut_cr and piece == "\n":
                    cut_cr = False
                    continue
                # a new physical line starts unless the last piece was cut mid-line
                if line[-1:] in ("\r", "\n"):
                    line_no += 1
                record.feed(piece)
                cut_cr = len(piece) == PIECE and piece[-1] == "\r"
                line = piece
            pending_lf = cut_cr
            if not record.done and record.end_of_file():
                yield from self._unterminated(row, start)
                return
            yield row, start, self._csv_verdict_or_record(record)

    def _csv_verdict_or_record(self, record: _CsvRecord) -> dict[str, str] | Quarantined:
        width = len(self.header)
        fields = record.fields
        values = [f.value() for f in fields]
        joined = "".join(values)
        if _SURROGATE.search(joined) is not None:
            return Quarantined(
                "record",
                f"holds bytes that are not valid {self.encoding.name}",
                self._verdict_record(values, record.count),
            )
        if record.count != width:
            return Quarantined(
                "record",
                f"has {record.count} fields where the header has {width}",
                self._verdict_record(values, record.count),
            )
        for column, f in zip(self.header, fields, strict=True):
            if f.over:
                return Quarantined(column, _TOO_LARGE, self._verdict_record(values, width))
        if FORBIDDEN.search(joined) is not None:
            for column, value in zip(self.header, values, strict=True):
                reason = forbidden_reason(value)
                if reason is not None:
                    return Quarantined(column, reason, self._verdict_record(values, width))
        return self._record(values)

    def _unterminated(self, row: int, start: int) -> Iterator[Item]:
        """Every physical line from ``start`` to the end of the file, one verdict each.

        The lines are read again from the file (they were not kept: there may be millions).
        """
        reason = f"unterminated quote: the quote opened in the record starting on line {start} is never closed"
        buffer = self._text.detach()  # closing the old wrapper would close the file
        text = self._open_text(buffer)  # type: ignore[arg-type]
        self._text = text
        line_no = 0
        for number, piece in enumerate(_physical_lines(text), start=1):
            line_no = number
            if line_no < start:
                continue
            yield row, line_no, Quarantined("record", reason, {"line": _shown(piece)})
            row += 1

    # -- JSON Lines ----------------------------------------------------------------------------

    def _jsonl_items(self) -> Iterator[Item]:
        pieces = iter(partial(self._text.readline, PIECE), "")
        skip_empty = self.skip_empty
        forbidden = FORBIDDEN.search
        scan, valid_bytes = _SCAN, self.encoding.name
        clean = not self._suspect  # the whole file was checked at once: no line needs it
        line_no = 0
        row = 0
        pending_lf = False
        for line in pieces:
            if pending_lf:
                pending_lf = False
                if line == "\n":
                    continue
            line_no += 1
            if len(line) >= PIECE:
                if line[-1] not in "\r\n":  # longer than a piece: never held whole
                    row += 1
                    verdict, pending_lf = self._long_json_line(line, pieces)
                    yield row, line_no, verdict
                    continue
                pending_lf = line[-1] == "\r"
            body = line.strip(_JSON_SPACE)
            if not body or (body[0] != "{" and body.isspace()):
                continue  # a blank line is not a record
            row += 1
            if clean:
                suspect = False
            elif body.isascii():  # O(1); raw C0 in strings: the strict scanner refuses them
                suspect = "\x7f" in body
            else:
                suspect = not body.isprintable() and forbidden(body) is not None
            if suspect and _SURROGATE.search(body) is not None:  # decoding comes first
                reason = f"holds bytes that are not valid {valid_bytes}"
                yield row, line_no, self._line_verdict("record", reason, line)
                continue
            try:  # the strict C scanner; anything it refuses goes the careful way
                data, end = scan(body, 0)
            except (StopIteration, ValueError, RecursionError):  # JSONDecodeError too
                data, end = None, -1
            if end != len(body) or type(data) is not dict:
                data, why, raw_control = _json_body(body)
                if data is None:
                    yield row, line_no, self._line_verdict("record", why, line)
                    continue
            else:
                raw_control = False
            suspect = suspect or raw_control
            if not _STR_OR_NONE.issuperset(map(type, data.values())):
                yield row, line_no, self._json_kind_verdict(data)
                continue
            if suspect or "\\" in body or len(body) > _SAFE_CHARS:
                refused = self._json_value_verdict(data)
                if refused is not None:
                    yield row, line_no, refused
                    continue
            if skip_empty:
                yield row, line_no, {k: v for k, v in data.items() if v}
            else:
                yield row, line_no, {k: "" if v is None else v for k, v in data.items()}

    @staticmethod
    def _line_verdict(field_name: str, reason: str, line: str) -> Quarantined:
        return Quarantined(field_name, reason, {"line": _shown(line.rstrip("\r\n"))})

    @staticmethod
    def _shown_record(data: dict[str, Any]) -> dict[str, Any]:
        return {
            k: _shown(v) if isinstance(v, str) else _shown(json.dumps(v, ensure_ascii=False))
            for k, v in data.items()
        }

    def _json_kind_verdict(self, data: dict[str, Any]) -> Quarantined:
        for key, value in data.items():
            if type(value) is not str and value is not None:
                kind = _JSON_KIND.get(type(value), "a value of another kind")
                reason = f"holds {kind}: values must be strings, numbers or null"
                return Quarantined(key, reason, self._shown_record(data))
        raise AssertionError("no value of another kind")  # pragma: no cover

    def _json_value_verdict(self, data: dict[str, Any]) -> Quarantined | None:
        for key, value in data.items():
            if isinstance(value, str):
                if len(value) > _SAFE_CHARS and _utf8_size(value) > FIELD_LIMIT:
                    return Quarantined(key, _TOO_LARGE, self._shown_record(data))
                reason = forbidden_reason(value)
                if reason is not None:
                    return Quarantined(key, reason, self._shown_record(data))
        return None

    def _long_json_line(self, first: str, pieces: Iterator[str]) -> tuple[Quarantined, bool]:
        """A JSON line longer than :data:`PIECE`: scanned in pieces, never held whole.

        Such a record is quarantined: naming the first top-level key whose value is over
        :data:`FIELD_LIMIT` (or is an object or array), else ``record``.
        """
        scan = _JsonScan()
        piece = first
        cut_cr = False
        while piece:
            scan.feed(piece)
            if len(piece) < PIECE or piece[-1] in "\r\n":
                cut_cr = len(piece) == PIECE and piece[-1] == "\r"
                break
            piece = next(pieces, "")
        shown = {"line": _shown(first)}
        if scan.offending is not None:
            return Quarantined(scan.offending, scan.offending_reason, shown), cut_cr
        return Quarantined(
            "record",
            f"a record longer than {PIECE:,} characters that is "
            "not a JSON object with small values",
            shown,
        ), cut_cr


def _physical_lines(text: io.TextIOWrapper) -> Iterator[str]:
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


class _JsonScan:
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
                    self.offending, self.offending_reason = self.last_key, _TOO_LARGE
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
                        f"holds {_JSON_KIND[dict if c == '{' else list]}: values must be "
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
