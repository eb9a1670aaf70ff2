"""The delivery reader, one table per item of the reading contract (docs/delivery-format.md).

Every case says what the reader yields for a file: rows as ``(row, line, record)`` and
verdicts as ``(row, line, field, reason fragment)``. A property test truncates a delivery at
every byte.
"""

from __future__ import annotations

import codecs
import json
import os
import stat
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emm.ingest.delivery import DeliveryError, iter_rows, load_manifest
from emm.ingest.pipeline import ingest_delivery
from emm.ingest.reader import FIELD_LIMIT, Quarantined, RecordFile, open_listed, sniff_encoding

HEADER = b"record_id;type;name\n"


def read(tmp_path: Path, content: bytes, name: str = "e.csv", encoding: str | None = None):
    (tmp_path / name).write_bytes(content)
    with RecordFile(tmp_path, name, encoding) as records:
        return [
            (row, line, (r.field, r.reason) if isinstance(r, Quarantined) else r)
            for row, line, r in records
        ]


def shape(items):
    """Items with verdicts as (field, reason) and rows as their name (or whole record)."""
    out = []
    for row, line, r in items:
        if isinstance(r, tuple):
            out.append((row, line, r[0], r[1]))
        else:
            out.append((row, line, r.get("name", r)))
    return out


def assert_items(got, want):
    assert len(got) == len(want), got
    for g, w in zip(got, want, strict=True):
        if len(w) == 4:  # a verdict: the reason contains the fragment
            assert g[:3] == w[:3] and w[3] in g[3], (g, w)
        else:
            assert g == w, (g, w)


# --------------------------------------------------------------------------------------------
# 1. Records: CSV
# --------------------------------------------------------------------------------------------

CSV_CASES = [
    ("when every line is a record then rows and lines follow the file",
     b"P1;Person;Jan\nP2;Person;Piet\n", [(1, 2, "Jan"), (2, 3, "Piet")]),
    ("when lines are empty or blank then they are no records but still count as lines",
     b"\nP1;Person;Jan\n   \n\t\nP2;Person;Piet\n", [(1, 3, "Jan"), (2, 6, "Piet")]),
    ("when a quoted field holds a line break then one record spans two lines, value kept",
     b'P1;Person;"Jan\nde Vries"\nP2;Person;Piet\n',
     [(1, 2, "Jan\nde Vries"), (2, 4, "Piet")]),
    ("when a quoted field holds CRLF line breaks then the lines count once each",
     b'P1;Person;"a\r\n\r\nb"\r\nP2;Person;c\r\n',
     [(1, 2, "a\r\n\r\nb"), (2, 5, "c")]),
    ("when a lone CR ends an unquoted line then it is a line ending",
     b"P1;Person;Jan\rP2;Person;Piet\r", [(1, 2, "Jan"), (2, 3, "Piet")]),
    ("when quotes are doubled inside a quoted field then they are one quote",
     b'P1;Person;"Jan ""de"" Vries"\n', [(1, 2, 'Jan "de" Vries')]),
    ("when a quoted field holds the separator then it is one field",
     b'P1;Person;"Vries; de"\n', [(1, 2, "Vries; de")]),
    ("when the last line has no line break then it is still a record",
     b"P1;Person;Jan", [(1, 2, "Jan")]),
    ("when a quote stands inside an unquoted field then it is an ordinary character",
     b'P1;Person;12" scherm\n', [(1, 2, '12" scherm')]),
    ("when a quote is never closed then every line from its record on is quarantined",
     b'P1;Person;Jan\nP2;Person;"Twee\nP3;Person;Drie\n\nP4;Person;Vier\n',
     [(1, 2, "Jan"), (2, 3, "record", "unterminated quote"), (3, 4, "record", "line 3"),
      (4, 5, "record", "unterminated quote"), (5, 6, "record", "unterminated quote")]),
    ("when a record has more fields than the header then it is quarantined",
     b"P1;Person;Jan;extra\nP2;Person;Piet\n",
     [(1, 2, "record", "has 4 fields where the header has 3"), (2, 3, "Piet")]),
    ("when a record has fewer fields than the header then it is quarantined",
     b"P1;Person\nP2;Person;Piet\n",
     [(1, 2, "record", "has 2 fields where the header has 3"), (2, 3, "Piet")]),
    ("when a quoted multi-line record has too many fields then it is one verdict",
     b'P1;Person;"a\nb";x\nP2;Person;c\n',
     [(1, 2, "record", "has 4 fields"), (2, 4, "c")]),
]  # fmt: skip


@pytest.mark.parametrize("content, want", [pytest.param(c, w, id=i) for i, c, w in CSV_CASES])
def test_csv_records(tmp_path, content, want):
    assert_items(shape(read(tmp_path, HEADER + content)), want)


def test_an_unterminated_quote_keeps_each_line_for_the_privacy_officer(tmp_path):
    items = []
    (tmp_path / "e.csv").write_bytes(HEADER + b'P1;Person;"open\nP2;Person;Twee\n')
    with RecordFile(tmp_path, "e.csv") as records:
        items = list(records)
    assert [i[2].record for i in items] == [  # type: ignore[union-attr]
        {"line": 'P1;Person;"open'},
        {"line": "P2;Person;Twee"},
    ]


def test_a_record_with_surplus_fields_keeps_them_in_the_verdict(tmp_path):
    (tmp_path / "e.csv").write_bytes(HEADER + b"P1;Person;Jan;x;y\n")
    with RecordFile(tmp_path, "e.csv") as records:
        (_, _, verdict), *_ = list(records)
    assert isinstance(verdict, Quarantined)
    assert verdict.record == {
        "record_id": "P1", "type": "Person", "name": "Jan", "(column 4)": "x", "(column 5)": "y",
    }  # fmt: skip


# --------------------------------------------------------------------------------------------
# 1. Records: JSON Lines
# --------------------------------------------------------------------------------------------

JSONL_CASES = [
    ("when every line is an object then each is a record",
     b'{"record_id": "P1", "type": "Person"}\n\n  \n{"record_id": "P2"}\n',
     [(1, 1, {"record_id": "P1", "type": "Person"}), (2, 4, {"record_id": "P2"})]),
    ("when a number is given then it is read as its text",
     b'{"a": 1.50, "b": 1e3, "c": -0, "d": 12345678901234567890}\n',
     [(1, 1, {"a": "1.50", "b": "1e3", "c": "-0", "d": "12345678901234567890"})]),
    ("when a value is null then it is empty", b'{"a": null, "b": "x"}\n',
     [(1, 1, {"a": "", "b": "x"})]),
    ("when a line is not JSON then it is quarantined", b'{"a": 1}\n{nope}\n{"b": 2}\n',
     [(1, 1, {"a": "1"}), (2, 2, "record", "not valid JSON"), (3, 3, {"b": "2"})]),
    ("when the last line is truncated then it is quarantined", b'{"a": "x"}\n{"a": "y',
     [(1, 1, {"a": "x"}), (2, 2, "record", "not valid JSON")]),
    ("when a line is an array then it is quarantined", b"[1, 2]\n",
     [(1, 1, "record", "must be a JSON object")]),
    ("when two objects share a line then it is quarantined", b'{"a": 1}{"b": 2}\n',
     [(1, 1, "record", "not valid JSON")]),
    ("when a value is an object then the record is quarantined naming it",
     b'{"record_id": "P1", "name": {"first": "Jan"}}\n', [(1, 1, "name", "an object")]),
    ("when a value is an array then the record is quarantined naming it",
     b'{"record_id": "P1", "alias": ["a"]}\n', [(1, 1, "alias", "an array")]),
    ("when a value is true or false then the record is quarantined naming it",
     b'{"record_id": "P1", "flag": true}\n', [(1, 1, "flag", "true or false")]),
    ("when a string escapes a lone surrogate then the record is quarantined naming it",
     b'{"record_id": "P1", "name": "\\ud800"}\n', [(1, 1, "name", "lone surrogate")]),
    ("when a value is NaN then the line is not JSON",
     b'{"record_id": "P1", "amount": NaN}\n', [(1, 1, "record", "NaN is not JSON")]),
]  # fmt: skip


@pytest.mark.parametrize("content, want", [pytest.param(c, w, id=i) for i, c, w in JSONL_CASES])
def test_jsonl_records(tmp_path, content, want):
    assert_items(shape(read(tmp_path, content, "e.jsonl")), want)


# --------------------------------------------------------------------------------------------
# 2. Encodings
# --------------------------------------------------------------------------------------------

TEXT = "record_id;type;name\nP1;Person;Zoë Łukasz\nP2;Person;Nguyễn\n"


@pytest.mark.parametrize(
    "bom, codec, name",
    [
        (codecs.BOM_UTF8, "utf-8", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    ],
)
def test_a_bom_decides_the_encoding_even_against_the_manifest(tmp_path, bom, codec, name):
    content = bom + TEXT.encode(codec)
    for declared in (None, "cp1252"):
        items = read(tmp_path, content, encoding=declared)
        assert [i[2]["name"] for i in items] == ["Zoë Łukasz", "Nguyễn"]
        with (tmp_path / "e.csv").open("rb") as fh:
            enc = sniff_encoding(fh, declared)
        assert (enc.codec, enc.name, enc.source, enc.bom) == (codec, name, "bom", len(bom))


@pytest.mark.parametrize(
    "declared, content, names",
    [
        ("cp1252", "record_id;type;name\nP1;Person;Zoë\n".encode("cp1252"), ["Zoë"]),
        ("utf-16-le", TEXT.encode("utf-16-le"), ["Zoë Łukasz", "Nguyễn"]),
        ("utf-16", TEXT.encode("utf-16-be"), ["Zoë Łukasz", "Nguyễn"]),
        ("iso-8859-15", "record_id;type;name\nP1;Person;€\n".encode("iso-8859-15"), ["€"]),
    ],
)
def test_without_a_bom_the_manifest_encoding_is_used(tmp_path, declared, content, names):
    assert [i[2]["name"] for i in read(tmp_path, content, encoding=declared)] == names


DETECTION = [
    ("when the file is ASCII then it is UTF-8", b"P1;Person;Jan\n", "utf-8", [(1, 2, "Jan")]),
    ("when the file decodes as UTF-8 then it is UTF-8", "P1;Person;Zoë\n".encode(),
     "utf-8", [(1, 2, "Zoë")]),
    ("when no valid UTF-8 sequence but high bytes then cp1252",
     "P1;Person;Zoë\nP2;Person;café\n".encode("cp1252"), "cp1252",
     [(1, 2, "Zoë"), (2, 3, "café")]),
    ("when UTF-8 and invalid bytes are mixed then the invalid records are quarantined",
     "P1;Person;Zoë\n".encode() + "P2;Person;Zoë\n".encode("cp1252") + b"P3;Person;Jan\n",
     "utf-8", [(1, 2, "Zoë"), (2, 3, "record", "not valid UTF-8"), (3, 4, "Jan")]),
    ("when a UTF-8 sequence is cut by the end of the file then that record is quarantined",
     "P1;Person;Zoë\nP2;Person;x".encode() + b"\xc3", "utf-8",
     [(1, 2, "Zoë"), (2, 3, "record", "not valid UTF-8")]),
    ("when a byte-order mark stands inside the file then its record is quarantined",
     "P1;Person;Jan\n\ufeffP2;Person;Piet\n".encode(), "utf-8",
     [(1, 2, "Jan"), (2, 3, "record_id", "byte-order mark")]),
]  # fmt: skip


@pytest.mark.parametrize(
    "content, codec, want", [pytest.param(c, e, w, id=i) for i, c, e, w in DETECTION]
)
def test_encoding_detection_per_file(tmp_path, content, codec, want):
    assert_items(shape(read(tmp_path, HEADER + content)), want)
    with (tmp_path / "e.csv").open("rb") as fh:
        assert sniff_encoding(fh).codec == codec


def test_detection_sees_a_byte_deep_in_a_large_file(tmp_path):
    path = tmp_path / "e.csv"
    path.write_bytes(HEADER + b"R;Person;Jan\n" * 200_000 + b"R;Person;Zo\xeb\n")
    with path.open("rb") as fh:
        assert sniff_encoding(fh, block=4096).codec == "cp1252"


def test_a_utf8_sequence_split_between_detection_blocks_is_seen(tmp_path):
    path = tmp_path / "e.csv"
    body = b"x" * 4095 + "ë".encode() + b"\xeb\n"  # ë straddles the 4096-byte boundary
    path.write_bytes(HEADER + b"R;Person;" + body)
    with path.open("rb") as fh:
        assert sniff_encoding(fh, block=4096).codec == "utf-8"


def test_utf16_without_bom_or_declaration_is_refused_with_a_hint(tmp_path):
    (tmp_path / "e.csv").write_bytes(TEXT.encode("utf-16-le"))
    with pytest.raises(DeliveryError, match="UTF-16"):
        RecordFile(tmp_path, "e.csv")


# --------------------------------------------------------------------------------------------
# 3. Control characters and field size
# --------------------------------------------------------------------------------------------

CONTROLS = [
    ("NUL", "Jan\x00", "U+0000"), ("ESC of an ANSI sequence", "\x1b[31mJan\x1b[0m", "U+001B"),
    ("backspace", "Ja\x08n", "U+0008"), ("DEL", "Jan\x7f", "U+007F"), ("C1 NEL", "Jan\x85",
    "U+0085"), ("C1 CSI", "\x9b31mJan", "U+009B"), ("RLO override", "\u202eJan", "U+202E"),
    ("LRE embedding", "\u202aJan", "U+202A"), ("RLI isolate", "\u2067Jan", "U+2067"),
    ("PDI", "Jan\u2069", "U+2069"), ("BOM inside text", "Ja\ufeffn", "byte-order mark"),
]  # fmt: skip


@pytest.mark.parametrize(
    "value, reason", [pytest.param(v, r, id=f"when {n} then quarantined") for n, v, r in CONTROLS]
)
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_control_characters_quarantine_the_record_naming_the_field(tmp_path, fmt, value, reason):
    if fmt == "csv":
        content = (f"record_id;type;name\nP1;Person;{value}\nP2;Person;Piet\n").encode()
    else:
        lines = [{"record_id": "P1", "name": value}, {"record_id": "P2", "name": "Piet"}]
        content = "".join(json.dumps(x) + "\n" for x in lines).encode()  # escaped as \uXXXX
    items = read(tmp_path, content, f"e.{fmt}")
    line = 2 if fmt == "csv" else 1
    assert_items(shape(items), [(1, line, "name", reason), (2, line + 1, "Piet")])


def test_raw_control_characters_in_a_json_string_name_the_field(tmp_path):
    content = b'{"record_id": "P1", "name": "Jan\x01"}\n'
    assert_items(shape(read(tmp_path, content, "e.jsonl")), [(1, 1, "name", "U+0001")])


@pytest.mark.parametrize("value", ["Jan\tde Vries", "Zoë", "\u200fJan", "Jan\u00a0Vries"])
def test_tabs_and_ordinary_marks_are_text(tmp_path, value):
    assert read(tmp_path, f"record_id;type;name\nP1;Person;{value}\n".encode())[0][2] == {
        "record_id": "P1", "type": "Person", "name": value,
    }  # fmt: skip


@pytest.mark.parametrize(
    "size, quoted, accepted",
    [
        (FIELD_LIMIT, False, True),
        (FIELD_LIMIT + 1, False, False),
        (FIELD_LIMIT, True, True),
        (FIELD_LIMIT + 1, True, False),
        (3 * FIELD_LIMIT, False, False),  # longer than a read piece
    ],
)
def test_a_field_over_1_mib_quarantines_its_record(tmp_path, size, quoted, accepted):
    big = b"x" * size
    cell = b'"' + big + b'"' if quoted else big
    items = read(tmp_path, HEADER + b"P1;Person;" + cell + b"\nP2;Person;Piet\n")
    assert len(items) == 2 and items[1][2]["name"] == "Piet"
    if accepted:
        assert items[0][2]["name"] == big.decode()
    else:
        assert items[0][:2] == (1, 2) and items[0][2] == ("name", "is larger than 1 MiB")


def test_a_field_over_1_mib_counts_utf8_bytes(tmp_path):
    cell = "ë" * (FIELD_LIMIT // 2 + 1)  # fewer characters than the limit, more bytes
    items = read(tmp_path, HEADER + b"P1;Person;" + cell.encode() + b"\n")
    assert items[0][2] == ("name", "is larger than 1 MiB")


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_50_mb_field_is_never_held_whole(tmp_path, fmt):
    path = tmp_path / f"e.{fmt}"
    with path.open("wb") as fh:
        if fmt == "csv":
            fh.write(HEADER + b'P1;Person;"')
        else:
            fh.write(b'{"record_id": "P1", "name": "')
        for _ in range(50):
            fh.write(b"y" * (1 << 20))
        fh.write(b'"\nP2;Person;Piet\n' if fmt == "csv" else b'"}\n{"record_id": "P2"}\n')
    tracemalloc.start()
    try:
        with RecordFile(tmp_path, path.name) as records:
            items = list(records)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * (1 << 20), peak
    first = items[0][2]
    assert isinstance(first, Quarantined) and first.field == "name"
    assert "larger than 1 MiB" in first.reason
    assert len(items) == 2 and not isinstance(items[1][2], Quarantined)


# --------------------------------------------------------------------------------------------
# 7. Delivery files
# --------------------------------------------------------------------------------------------


def _manifest(folder: Path, files: list[dict[str, str]], **extra: object) -> None:
    data = {
        "delivery_id": "POL-R-1",
        "party": "POL",
        "legal_basis": "WPG-10",
        "delivered_at": "2026-01-01T00:00:00+01:00",
        "files": files,
        **extra,
    }
    (folder / "manifest.json").write_text(json.dumps(data), encoding="utf-8")


def test_a_symlinked_file_is_refused(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "e.csv").write_bytes(HEADER + b"P1;Person;Jan\n")
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "e.csv").symlink_to(other / "e.csv")
    with pytest.raises(DeliveryError, match="e.csv"):
        RecordFile(folder, "e.csv")


def test_a_symlinked_folder_is_refused(tmp_path):
    other = tmp_path / "OM-delivery"
    other.mkdir()
    (other / "e.csv").write_bytes(HEADER + b"P1;Person;Jan\n")
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "data").symlink_to(Path("..") / "OM-delivery")
    with pytest.raises(DeliveryError, match="symbolic link"):
        RecordFile(folder, "data/e.csv")


def test_a_symlinked_manifest_is_refused(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (tmp_path / "m.json").write_text("{}")
    (folder / "manifest.json").symlink_to(tmp_path / "m.json")
    with pytest.raises(DeliveryError, match="manifest.json"):
        load_manifest(folder)


def test_a_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "e.csv")
    with pytest.raises(DeliveryError, match="not a regular file"):
        open_listed(tmp_path, "e.csv")


def test_a_folder_listed_as_file_is_refused(tmp_path):
    (tmp_path / "e.csv").mkdir()
    with pytest.raises(DeliveryError, match="e.csv"):
        open_listed(tmp_path, "e.csv")


@pytest.mark.parametrize("listed", ["../e.csv", "/etc/passwd", "a/../../e.csv", "./e.csv", ""])
def test_paths_outside_the_folder_are_refused(tmp_path, listed):
    with pytest.raises(DeliveryError):
        open_listed(tmp_path, listed)


def test_a_file_in_a_real_subfolder_is_read(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "e.csv").write_bytes(HEADER + b"P1;Person;Jan\n")
    with RecordFile(tmp_path, "data/e.csv") as records:
        assert [r for _, _, r in records] == [{"record_id": "P1", "type": "Person", "name": "Jan"}]


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("e.csv", b"", "empty"),
        ("e.jsonl", b"", "empty"),
        ("e.csv", b"id;type;name\nP1;Person;Jan\n", "record_id"),
        ("e.csv", b"record_id;kind;name\nP1;Person;Jan\n", "'type'"),
        ("e.csv", b"\nrecord_id;type\n", "record_id"),
        ("e.csv", b"record_id;type;type\n", "twice"),
        ("e.xlsx", b"record_id;type\n", "unknown file type"),
    ],
)
def test_unusable_files_refuse_the_delivery_naming_the_file(tmp_path, name, content, problem):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(DeliveryError, match=problem) as err:
        RecordFile(tmp_path, name)
    assert name in str(err.value)


def test_a_bad_second_file_refuses_the_delivery_before_anything_is_read(tmp_path):
    (tmp_path / "e.csv").write_bytes(HEADER + b"P1;Person;Jan\n")
    (tmp_path / "l.csv").write_bytes(b"")
    _manifest(
        tmp_path,
        [{"path": "e.csv", "kind": "entities"}, {"path": "l.csv", "kind": "links"}],
    )
    with pytest.raises(DeliveryError, match="l.csv"):
        ingest_delivery(tmp_path, None, out_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------------------------
# 8. Quarantine entries and counts (dry run through the pipeline)
# --------------------------------------------------------------------------------------------


def test_quarantine_entries_name_file_row_line_and_field_and_counts_balance(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "e.csv").write_bytes(
        HEADER
        + b"P1;Person;Jan\n\n"
        + b'P2;Person;"Jan\nde Vries"\n'
        + b"P3;Person;\x1b[2J\n"
        + b"P4;Person;Piet;extra\n"
        + b'P5;Person;"open\nP6;Person;Zes\n'
    )
    _manifest(folder, [{"path": "e.csv", "kind": "entities"}])
    report = ingest_delivery(folder, None, out_dir=tmp_path / "out")
    (entry,) = report.files
    assert (entry["read"], entry["loaded"], entry["quarantined"]) == (6, 2, 4)
    assert entry["encoding"] == "UTF-8 (detected)"
    qpath = tmp_path / "out" / "quarantine" / "POL-R-1.jsonl"
    assert stat.S_IMODE(qpath.stat().st_mode) == 0o600
    entries = [json.loads(line) for line in qpath.read_text(encoding="utf-8").splitlines()]
    assert [(e["row"], e["line"], e["field"]) for e in entries] == [
        (3, 6, "name"),  # row 2 (a name over two lines) is text: it loads
        (4, 7, "record"),
        (5, 8, "record"),
        (6, 9, "record"),
    ]
    assert all(e["delivery_id"] == "POL-R-1" and e["file"] == "e.csv" for e in entries)
    assert entries[0]["record"]["name"] == "\x1b[2J"  # raw, for the privacy officer
    assert (
        entries[2]["reason"].startswith("unterminated quote") and "line 8" in entries[2]["reason"]
    )
    assert "\x1b" not in entries[0]["reason"]


def test_a_lone_surrogate_reaches_the_quarantine_file_as_an_escape(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "e.jsonl").write_bytes(b'{"record_id": "P1", "type": "Person", "name": "\\ud800"}\n')
    _manifest(folder, [{"path": "e.jsonl", "kind": "entities"}])
    report = ingest_delivery(folder, None, out_dir=tmp_path / "out")
    assert report.quarantined == 1
    text = (tmp_path / "out" / "quarantine" / "POL-R-1.jsonl").read_text(encoding="utf-8")
    assert json.loads(text)["record"]["name"] == "\\ud800"


def test_iter_rows_gives_rows_and_reasons(tmp_path):
    path = tmp_path / "e.csv"
    path.write_bytes(HEADER + b"P1;Person;Jan\nP2;Person\n")
    assert list(iter_rows(path)) == [
        (1, {"record_id": "P1", "type": "Person", "name": "Jan"}),
        (2, "record: has 2 fields where the header has 3"),
    ]


@pytest.mark.parametrize("content", [b"P1;Person;;\n", b"P1;Person;\n"])
def test_skip_empty_leaves_out_empty_cells(tmp_path, content):
    header = b"record_id;type;name;bsn\n" if content.count(b";") == 3 else HEADER
    (tmp_path / "e.csv").write_bytes(header + content)
    with RecordFile(tmp_path, "e.csv", skip_empty=True) as records:
        assert [r for _, _, r in records] == [{"record_id": "P1", "type": "Person"}]


# --------------------------------------------------------------------------------------------
# Property: a delivery truncated at any byte loses no record
# --------------------------------------------------------------------------------------------

RECORDS = [
    ("P1", "Jan de Vries"),
    ("P2", 'Zoë "Z" Łukasz'),
    ("P3", "twee\nregels; met puntkomma"),
    ("P4", ""),
    ("P5", "Nguyễn Thị"),
    ("P6", "a\r\nb"),
]


def _csv_bytes(encoding: str) -> tuple[bytes, list[int]]:
    """The file and, per record, the byte offset where it ends (after its line break)."""
    out = "record_id;type;name\r\n".encode(encoding)
    ends = []
    for rid, name in RECORDS:
        cell = (
            f'"{name.replace(chr(34), chr(34) * 2)}"' if any(c in name for c in '";\r\n') else name
        )
        out += f"{rid};Person;{cell}\r\n".encode(encoding)
        ends.append(len(out))
    return out, ends


@settings(max_examples=300, deadline=None)
@given(
    cut=st.integers(min_value=0, max_value=10_000), encoding=st.sampled_from(["utf-8", "cp1252"])
)
def test_truncated_csv_yields_or_quarantines_every_record(tmp_path_factory, cut, encoding):
    if encoding == "cp1252":
        records = [(r, n.replace("Ł", "L").replace("ễ", "e").replace("ị", "i")) for r, n in RECORDS]
    else:
        records = RECORDS
    content, ends = _csv_bytes(encoding) if encoding == "utf-8" else _cp1252_bytes(records)
    cut = cut % (len(content) + 1)
    folder = tmp_path_factory.mktemp("cut")
    (folder / "e.csv").write_bytes(content[:cut])
    try:
        records_file = RecordFile(folder, "e.csv", encoding)
    except DeliveryError:
        assert cut < len("record_id;type;name\r\n")  # only a cut header refuses the file
        return
    with records_file:
        items = list(records_file)
    complete = sum(1 for end in ends if end <= cut)
    rows = [r for _, _, r in items]
    for (rid, name), got in zip(records[:complete], rows, strict=False):
        assert got == {"record_id": rid, "type": "Person", "name": name}
    assert len(items) >= complete
    assert [row for row, _, _ in items] == list(range(1, len(items) + 1))
    # the pipeline counts the same records, and they balance
    _manifest(folder, [{"path": "e.csv", "kind": "entities", "encoding": encoding}])
    report = ingest_delivery(folder, None, out_dir=folder / "out")
    assert report.files[0]["read"] == len(items) == report.loaded + report.quarantined
    assert report.balanced()


def _cp1252_bytes(records: list[tuple[str, str]]) -> tuple[bytes, list[int]]:
    global RECORDS
    saved, RECORDS = RECORDS, records
    try:
        return _csv_bytes("cp1252")
    finally:
        RECORDS = saved


@settings(max_examples=200, deadline=None)
@given(cut=st.integers(min_value=0, max_value=10_000))
def test_truncated_jsonl_yields_or_quarantines_every_line(tmp_path_factory, cut):
    lines = [
        json.dumps({"record_id": rid, "name": name}, ensure_ascii=False) for rid, name in RECORDS
    ]
    content = "".join(line + "\n" for line in lines).encode()
    cut = cut % (len(content) + 1)
    folder = tmp_path_factory.mktemp("cut")
    (folder / "e.jsonl").write_bytes(content[:cut])
    if cut == 0:
        with pytest.raises(DeliveryError, match="empty"):
            RecordFile(folder, "e.jsonl")
        return
    with RecordFile(folder, "e.jsonl") as records:
        items = list(records)
    text = content[:cut].decode("utf-8", "replace")
    physical = [line for line in text.split("\n") if line.strip()]
    assert len(items) == len(physical)  # one item per non-blank line: none lost, none merged
    for (rid, name), (_, _, got) in zip(RECORDS, items, strict=False):
        if not isinstance(got, Quarantined):
            assert got == {"record_id": rid, "name": name}
        else:  # only a damaged line is refused, as a whole
            assert got.field == "record", got


def test_when_the_header_holds_commas_then_the_file_is_comma_separated(tmp_path):
    rows = shape(
        read(tmp_path, b'record_id,type,name\nP1,Person,"de Vries, Jan"\nP2,Person,Piet\n')
    )
    assert rows == [(1, 2, "de Vries, Jan"), (2, 3, "Piet")]
