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
machine in :class:`~emm.ingest.records.CsvRecord`, which jumps with ``str.find`` instead of
looping per character.

The pieces live in small modules: :mod:`emm.ingest.files` (opening), :mod:`emm.ingest.encodings`
and :mod:`emm.ingest.records` (the CSV state machine and JSON scanners).
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as _field
from functools import partial
from itertools import compress
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from emm.ingest.encodings import (
    MANIFEST_ENCODINGS,
    SURROGATE,
    Encoding,
    may_hold_forbidden,
    shown,
    sniff_encoding,
)
from emm.ingest.files import DeliveryError, open_listed
from emm.ingest.records import (
    FIELD_LIMIT,
    JSON_KIND,
    JSON_SPACE,
    PIECE,
    SAFE_CHARS,
    STR_OR_NONE,
    STRICT_SCAN,
    TOO_LARGE,
    CsvRecord,
    JsonScan,
    json_body,
    json_object,
    physical_lines,
    separator_of,
    utf8_size,
)
from emm.values.text import FORBIDDEN, forbidden_reason

__all__ = [
    "FIELD_LIMIT",
    "MANIFEST_ENCODINGS",
    "PIECE",
    "DeliveryError",
    "Encoding",
    "Item",
    "Quarantined",
    "RecordFile",
    "json_object",
    "open_listed",
    "sniff_encoding",
]


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
            self.separator = ";"
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
        self.separator = separator_of(first)
        record = CsvRecord(keep=10_000, sep=self.separator)
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
        record: dict[str, Any] = {c: shown(v) for c, v in zip(self.header, values, strict=False)}
        for i, value in enumerate(values[len(self.header) :], start=len(self.header) + 1):
            record[f"(column {i})"] = shown(value)
        if count > len(values):
            record["(not kept)"] = f"{count - len(values)} more fields"
        return record

    def _check_cells(self, cells: list[str], body: str) -> Quarantined | None:
        """The verdict on a record's cells, or None when the reader lets it through."""
        width = len(self.header)
        if FORBIDDEN.search(body) is not None and SURROGATE.search(body) is not None:
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
        if len(body) > SAFE_CHARS:
            for column, cell in zip(self.header, cells, strict=True):
                if len(cell) > SAFE_CHARS and utf8_size(cell) > FIELD_LIMIT:
                    return Quarantined(column, TOO_LARGE, self._verdict_record(cells, width))
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
        # The hot loop of ingest. A line of at most SAFE_CHARS characters without a quote
        # (nearly every line) is one split; everything else takes the state machine.
        pieces = iter(partial(self._text.readline, PIECE), "")  # C-level: no call per line
        header = self.header
        width = len(header)  # at least 2 (record_id, type): a blank line never fits it
        sep = self.separator
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
                cells = body.split(sep)
                # isprintable (C, fast on ASCII) is false for every forbidden character, so
                # the regular expression only runs on the rare line with a tab, NBSP or worse
                if (
                    len(cells) == width
                    and len(body) <= SAFE_CHARS
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
            record = CsvRecord(keep=width, sep=sep)
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

    def _csv_verdict_or_record(self, record: CsvRecord) -> dict[str, str] | Quarantined:
        width = len(self.header)
        fields = record.fields
        values = [f.value() for f in fields]
        joined = "".join(values)
        if SURROGATE.search(joined) is not None:
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
                return Quarantined(column, TOO_LARGE, self._verdict_record(values, width))
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
        for number, piece in enumerate(physical_lines(text), start=1):
            line_no = number
            if line_no < start:
                continue
            yield row, line_no, Quarantined("record", reason, {"line": shown(piece)})
            row += 1

    # -- JSON Lines ----------------------------------------------------------------------------

    def _jsonl_items(self) -> Iterator[Item]:
        pieces = iter(partial(self._text.readline, PIECE), "")
        skip_empty = self.skip_empty
        forbidden = FORBIDDEN.search
        scan, valid_bytes = STRICT_SCAN, self.encoding.name
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
            body = line.strip(JSON_SPACE)
            if not body or (body[0] != "{" and body.isspace()):
                continue  # a blank line is not a record
            row += 1
            if clean:
                suspect = False
            elif body.isascii():  # O(1); raw C0 in strings: the strict scanner refuses them
                suspect = "\x7f" in body
            else:
                suspect = not body.isprintable() and forbidden(body) is not None
            if suspect and SURROGATE.search(body) is not None:  # decoding comes first
                reason = f"holds bytes that are not valid {valid_bytes}"
                yield row, line_no, self._line_verdict("record", reason, line)
                continue
            try:  # the strict C scanner; anything it refuses goes the careful way
                data, end = scan(body, 0)
            except (StopIteration, ValueError, RecursionError):  # JSONDecodeError too
                data, end = None, -1
            if end != len(body) or type(data) is not dict:
                data, why, raw_control = json_body(body)
                if data is None:
                    yield row, line_no, self._line_verdict("record", why, line)
                    continue
            else:
                raw_control = False
            suspect = suspect or raw_control
            if not STR_OR_NONE.issuperset(map(type, data.values())):
                yield row, line_no, self._json_kind_verdict(data)
                continue
            if suspect or "\\" in body or len(body) > SAFE_CHARS:
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
        return Quarantined(field_name, reason, {"line": shown(line.rstrip("\r\n"))})

    @staticmethod
    def _values_shown(data: dict[str, Any]) -> dict[str, Any]:
        return {
            k: shown(v) if isinstance(v, str) else shown(json.dumps(v, ensure_ascii=False))
            for k, v in data.items()
        }

    def _json_kind_verdict(self, data: dict[str, Any]) -> Quarantined:
        for key, value in data.items():
            if type(value) is not str and value is not None:
                kind = JSON_KIND.get(type(value), "a value of another kind")
                reason = f"holds {kind}: values must be strings, numbers or null"
                return Quarantined(key, reason, self._values_shown(data))
        raise AssertionError("no value of another kind")  # pragma: no cover

    def _json_value_verdict(self, data: dict[str, Any]) -> Quarantined | None:
        for key, value in data.items():
            if isinstance(value, str):
                if len(value) > SAFE_CHARS and utf8_size(value) > FIELD_LIMIT:
                    return Quarantined(key, TOO_LARGE, self._values_shown(data))
                reason = forbidden_reason(value)
                if reason is not None:
                    return Quarantined(key, reason, self._values_shown(data))
        return None

    def _long_json_line(self, first: str, pieces: Iterator[str]) -> tuple[Quarantined, bool]:
        """A JSON line longer than :data:`PIECE`: scanned in pieces, never held whole.

        Such a record is quarantined: naming the first top-level key whose value is over
        :data:`FIELD_LIMIT` (or is an object or array), else ``record``.
        """
        scan = JsonScan()
        piece = first
        cut_cr = False
        while piece:
            scan.feed(piece)
            if len(piece) < PIECE or piece[-1] in "\r\n":
                cut_cr = len(piece) == PIECE and piece[-1] == "\r"
                break
            piece = next(pieces, "")
        line = {"line": shown(first)}
        if scan.offending is not None:
            return Quarantined(scan.offending, scan.offending_reason, line), cut_cr
        return Quarantined(
            "record",
            f"a record longer than {PIECE:,} characters that is "
            "not a JSON object with small values",
            line,
        ), cut_cr
