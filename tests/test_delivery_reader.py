"""Reading deliveries: encodings, separators, and arbitrary text as data (property tests)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emm.ingest.delivery import DeliveryError, detect_encoding, iter_rows, load_manifest

cells = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00\r"), max_size=60
)
cp1252_cells = cells.filter(lambda s: _encodable(s, "cp1252"))


def _encodable(s: str, enc: str) -> bool:
    try:
        s.encode(enc)
    except UnicodeEncodeError:
        return False
    return True


def write_csv(path: Path, rows: list[dict[str, str]], encoding: str, sep: str = ";") -> None:
    buf = io.StringIO()
    w = csv.DictWriter(
        buf, fieldnames=["record_id", "type", "name"], delimiter=sep, lineterminator="\n"
    )
    w.writeheader()
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(cp1252_cells, min_size=1, max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    sep=st.sampled_from([";", ","]),
)
def test_csv_cells_round_trip_in_every_encoding(tmp_path_factory, names, encoding, sep):
    path = tmp_path_factory.mktemp("csv") / "e.csv"
    rows = [{"record_id": f"R{i}", "type": "Person", "name": n} for i, n in enumerate(names)]
    write_csv(path, rows, encoding, sep)
    got = [r for _, r in iter_rows(path)]
    assert got == rows


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(
        st.one_of(cells, st.integers(), st.floats(allow_nan=False), st.none()),
        min_size=1,
        max_size=8,
    )
)
def test_jsonl_values_become_strings(tmp_path_factory, values):
    path = tmp_path_factory.mktemp("jsonl") / "e.jsonl"
    path.write_text(
        "\n".join(json.dumps({"record_id": str(i), "v": v}) for i, v in enumerate(values)) + "\n",
        encoding="utf-8",
    )
    got = [r for _, r in iter_rows(path)]
    assert len(got) == len(values)
    assert all(isinstance(r, dict) and isinstance(r["v"], str) for r in got)


def test_cp1252_byte_late_in_file_is_detected(tmp_path):
    path = tmp_path / "e.csv"
    path.write_bytes(b"record_id;type;name\n" + b"R;Person;Jan\n" * 200_000 + b"R;Person;Zo\xeb\n")
    assert detect_encoding(path, chunk=4096) == "cp1252"


@pytest.mark.parametrize(
    "content, why",
    [
        (b"record_id;type\nR1;Person;extra\n", "has 3 fields where the header has 2"),
    ],
)
def test_wrong_field_count_is_reported_per_row(tmp_path, content, why):
    path = tmp_path / "e.csv"
    path.write_bytes(content)
    assert list(iter_rows(path)) == [(1, why)]


def test_csv_without_record_id_column_aborts(tmp_path):
    path = tmp_path / "e.csv"
    path.write_bytes(b"id;type\n1;Person\n")
    with pytest.raises(DeliveryError, match="record_id"):
        list(iter_rows(path))


@pytest.mark.parametrize(
    "manifest, problem",
    [
        ({}, "delivery_id"),
        (
            {
                "delivery_id": "D",
                "party": "POL",
                "legal_basis": "AVG-6-VW-107-4",
                "delivered_at": "2026-01-01T00:00:00+01:00",
                "files": [{"path": "a.csv", "kind": "entities"}],
            },
            "not one on which POL",
        ),
        (
            {
                "delivery_id": "D",
                "party": "XYZ",
                "legal_basis": "WPG-10",
                "delivered_at": "2026-01-01T00:00:00+01:00",
                "files": [{"path": "a.csv", "kind": "entities"}],
            },
            "unknown party",
        ),
        (
            {
                "delivery_id": "D",
                "party": "POL",
                "legal_basis": "WPG-10",
                "delivered_at": "2026-01-01T00:00:00",
                "files": [{"path": "a.csv", "kind": "entities"}],
            },
            "UTC offset",
        ),
        (
            {
                "delivery_id": "D",
                "party": "POL",
                "legal_basis": "WPG-10",
                "delivered_at": "2026-01-01T00:00:00+01:00",
                "files": [{"path": "../a.csv", "kind": "entities"}],
            },
            "inside the delivery folder",
        ),
    ],
)
def test_bad_manifests_are_refused_with_the_reason(tmp_path, manifest, problem):
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(DeliveryError, match=problem):
        load_manifest(tmp_path)
