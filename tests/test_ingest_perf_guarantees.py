"""The fast ingest path keeps every guarantee of the plain one (no timings here: see benchmarks/).

What changed for speed, and what is checked:

* the record index is a dict that spills to SQLite past a bound: same answers either side of
  the spill, and the same reports and quarantine files as without spilling;
* low-cardinality normalisers are memoised: same values, and a bad value fails every time;
* the foreign-column check is a set operation: still names the first such column in row order;
* search text is folded once per entity (ASCII text by a fast path equal to ``name_key``): a
  part with no letters no longer crashes the delivery;
* JSON Lines are parsed by the C scanner directly: same values (numbers as their text) and the
  same verdict as ``json.loads`` on what is a JSON object.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emm.ingest import mapping
from emm.ingest import pipeline as pipeline_module
from emm.ingest.mapping import DeliveryContext, RowError, map_entity
from emm.ingest.normalise import InvalidValue, name_key
from emm.ingest.pipeline import _RecordIndex, ingest_delivery, ingest_folder
from emm.ingest.records import json_object

DELIVERIES = Path(__file__).parent / "fixtures" / "deliveries"
CTX = DeliveryContext("POL-X", "POL", "WPG-10")


def test_record_index_answers_the_same_before_and_after_spilling():
    index = _RecordIndex(memory_limit=3)
    assert index.add("P1", "Person", "bsn:111222333")
    assert index.add("A1", "Address", "1234AB|1|")
    assert index.claim("L1")
    index.end_chunk()  # three entries: moved to disk
    assert index.spilled
    index.prefetch(["P1", "A1", "L1", "P2", "nope"])
    assert index.get("P1") == ("Person", "bsn:111222333")
    assert index.get("L1") is None  # a link row's id is taken but is no entity
    assert not index.add("P1", "Person", "other")  # duplicate of an id on disk
    assert not index.claim("L1")
    assert index.add("P2", "Person", "bsn:123456782")  # in memory again
    assert index.get("P2") == ("Person", "bsn:123456782")
    assert index.get("nope") is None
    index.end_chunk()
    index.prefetch(["P2"])
    assert index.get("P2") == ("Person", "bsn:123456782")
    assert index.get("A1") is None  # not prefetched for this chunk
    index.close()


def _outputs(out_dir: Path) -> dict[str, object]:
    reports = {}
    for path in sorted((out_dir / "reports").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("started_at", "finished_at", "seconds", "quarantine_file"):
            data.pop(key)
        reports[path.name] = data
    quarantine = {
        p.name: p.read_text(encoding="utf-8") for p in (out_dir / "quarantine").glob("*.jsonl")
    }
    return {"reports": reports, "quarantine": quarantine}


def test_spilling_index_and_tiny_batches_give_identical_reports(tmp_path, monkeypatch):
    ingest_folder(DELIVERIES, None, out_dir=tmp_path / "plain")
    original = _RecordIndex.__init__

    def tiny(self: _RecordIndex, memory_limit: int = 2) -> None:
        original(self, memory_limit=2)

    monkeypatch.setattr(_RecordIndex, "__init__", tiny)
    reports = ingest_folder(DELIVERIES, None, out_dir=tmp_path / "spilled", batch_size=3)
    assert all(r.balanced() for r in reports)
    assert _outputs(tmp_path / "plain") == _outputs(tmp_path / "spilled")
    assert _outputs(tmp_path / "plain")["quarantine"]  # the fixtures do have bad rows


def test_memoised_normaliser_returns_the_same_and_fails_every_time():
    date = mapping._MEMOS["date"]
    assert date("1-2-1990") == date("1-2-1990") == "1990-02-01"
    for _ in range(2):
        with pytest.raises(InvalidValue):
            date("31-02-2020")


def test_memo_stays_bounded(monkeypatch):
    monkeypatch.setattr(mapping, "_MEMO_LIMIT", 10)
    memo = mapping._Memo(str.upper)
    for i in range(100):
        assert memo[f"r{i}"] == f"R{i}"
    assert 0 < len(memo) <= 10


def test_first_foreign_column_in_row_order_is_named():
    row = {
        "record_id": "P1",
        "type": "Phone",
        "iban": "",
        "number": "0612345678",
        "plate": "12-ABC-3",
        "kvk": "12345678",
    }
    with pytest.raises(RowError) as err:
        map_entity(row, CTX)
    assert err.value.field == "plate"
    row["plate"] = "   "
    with pytest.raises(RowError) as err:
        map_entity(row, CTX)
    assert err.value.field == "kvk"
    row["kvk"] = ""
    assert map_entity(row, CTX).key == "+31612345678"


def test_search_text_folds_like_before_and_punctuation_only_parts_do_not_crash():
    person = map_entity(
        {"record_id": "P1", "type": "Person", "name": "Ján  O'Brien-Łukasz", "bsn": "111222333"},
        CTX,
    )
    assert person.props["search"] == "jan obrien lukasz 111222333"
    odd = map_entity({"record_id": "P2", "type": "Person", "name": "Jan", "v_number": "---"}, CTX)
    assert odd.props["search"] == "jan"
    signal = map_entity(
        {
            "record_id": "S1",
            "type": "Signal",
            "signal_id": "!!",
            "phenomenon": "labour",
            "reported_at": "2024-01-01",
        },
        CTX,
    )
    assert signal.key == "POL|!!" and signal.props["search"] == ""


def test_dry_run_counts_every_row_once(tmp_path):
    report = ingest_delivery(DELIVERIES / "POL-T1", None, out_dir=tmp_path, batch_size=4)
    assert (report.read, report.loaded, report.quarantined) == (25, 14, 11)
    files = {f["path"]: f for f in report.files}
    assert sum(f["read"] for f in files.values()) == report.read
    assert all(f["read"] == f["loaded"] + f["quarantined"] for f in files.values())


def test_spilled_index_is_closed_after_each_delivery(tmp_path, monkeypatch):
    made: list[_RecordIndex] = []
    original = _RecordIndex.__init__

    def tracked(self: _RecordIndex, memory_limit: int = 1) -> None:
        original(self, memory_limit=1)
        made.append(self)

    monkeypatch.setattr(pipeline_module._RecordIndex, "__init__", tracked)
    ingest_folder(DELIVERIES, None, out_dir=tmp_path)
    assert made and all(index.spilled for index in made)
    assert all(index._db is not None for index in made)
    with pytest.raises(Exception, match="closed"):
        made[0]._db.execute("SELECT 1")  # type: ignore[union-attr]


def test_json_lines_parser_agrees_with_json_loads_on_objects():
    rng = random.Random(7)
    cases = [
        '{"a": 1}',
        ' {"a": 1} \r\n',
        '{"a": 1} x',
        '{"a": 1}{"b": 2}',
        "\ufeff{}",
        "\u00a0{}",
        '{"a": NaN, "b": 1e400, "c": -0}',
        '{"a": "\\ud800"}',
        '{"a": 01}',
        '{"a": 1',
        "[1, 2]",
    ]
    alphabet = list('{}[]":,abc123 \\\t\n.-eE+nulltruefalse\u00e9\u2028')
    cases += ["".join(rng.choices(alphabet, k=rng.randint(0, 12))) for _ in range(3000)]

    def not_json(constant):
        raise ValueError(constant)

    decoder = json.JSONDecoder(
        parse_float=str, parse_int=str, parse_constant=not_json, strict=False
    )

    def expected(text):
        try:
            value = decoder.decode(text.strip(" \t\n\r"))
        except ValueError:  # JSONDecodeError too
            return None
        return value if isinstance(value, dict) else None

    for text in cases:
        assert json_object(text)[0] == expected(text), text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=20)), max_size=4))
def test_search_text_is_name_key_of_the_parts(parts):
    text = " ".join(p for p in parts if p)
    try:
        expected = name_key(text)
    except InvalidValue:
        expected = ""
    assert mapping._fold(*parts) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_fold_fast_path_equals_name_key(text):
    try:
        expected = name_key(text)
    except InvalidValue:
        expected = ""
    assert mapping._fold(text) == expected
