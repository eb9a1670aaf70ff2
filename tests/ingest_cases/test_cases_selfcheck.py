"""Checks of the corpus itself (no emm imports): every case builds, deterministically; its
expected counts add up; its quarantine entries point at real records (row and start line
agree with an independent structural reader); every structural problem, forbidden character
and oversized field the reader sees is expected; links expected to load point at entities
expected to load, and links expected to be quarantined for 'from'/'to' do not."""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
from collections import Counter
from pathlib import Path

import pytest

from .cases import BY_NAME, CASES, case_table
from .model import Case, Outcome
from .reference_reader import physical_lines, read_file
from .thousands import build_thousands

README = Path(__file__).parent / "README.md"
SCHEMA = Path(__file__).parents[2] / "docs" / "delivery.schema.json"
DATE = re.compile(r"^(\d{2})-(\d{2})-(\d{4})$|^(\d{2})/(\d{2})/(\d{4})$|^(\d{4})-(\d{2})-(\d{2})$")


def _schema_types() -> dict[str, tuple[str, dict[str, dict[str, object]], list[str]]]:
    """type -> (entities|links, properties, required), from the published JSON schema."""
    defs = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]
    out = {}
    for kind, key in (("entities", "entity"), ("links", "link")):
        for t in defs[key]["oneOf"]:
            out[t["title"]] = (kind, t["properties"], t["required"])
    return out


TYPES = _schema_types()


def _valid_date(value: str) -> bool:
    m = DATE.match(value)
    if not m:
        return False
    g = [x for x in m.groups() if x is not None]
    y, mo, d = (
        (int(g[0]), int(g[1]), int(g[2])) if len(g[0]) == 4 else (int(g[2]), int(g[1]), int(g[0]))
    )
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        return False
    return day <= dt.date.today() + dt.timedelta(days=1)


def _check_loaded_record(kind: str, values: dict[str, str | None], where: str) -> None:
    """A record expected to load must be valid by the published schema: known type of the
    file's kind, required fields non-empty, no value outside the type's fields, valid dates,
    integers where integers are due."""
    typ = values.get("type") or ""
    assert typ in TYPES and TYPES[typ][0] == kind, f"{where}: type {typ!r} in {kind}"
    _, props, required = TYPES[typ]
    for f in required:
        assert values.get(f) not in (None, ""), f"{where}: required {f} empty"
    for f, val in values.items():
        if val in (None, ""):
            continue
        assert f in props, f"{where}: {f} is not a field of {typ}"
        xkind = props[f].get("x-kind")
        if xkind == "date":
            assert _valid_date(str(val)), f"{where}: {f}={val!r}"
        if xkind == "int":
            assert re.fullmatch(r"\d+([.,]0)?", str(val)), f"{where}: {f}={val!r}"
        if f == "legal_basis":
            assert val in props[f]["enum"], f"{where}: {val}"


DERIVED = {"addition", "legal_basis"}  # stored fields that need not be a column of the file


def _tree(folder: Path) -> dict[str, object]:
    """Every entry under ``folder``: bytes for files, target for symlinks, kind otherwise."""
    out: dict[str, object] = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        if p.is_symlink():
            out[rel] = ("symlink", str(p.readlink()))
        elif stat.S_ISFIFO(p.lstat().st_mode):
            out[rel] = "fifo"
        elif p.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = p.read_bytes()
    return out


def _build(case: Case, root: Path) -> None:
    for prior in case.before:
        prior.build(root / prior.folder)
    case.build(root / case.name)


def _check_outcome(folder: Path, outcome: Outcome, delivery_id: str | None, where: str) -> None:
    if outcome.refused:
        assert outcome.error, f"{where}: a refusal must say what the error contains"
        assert not outcome.files and not outcome.quarantine and not outcome.stored
        return
    if outcome.already_loaded:
        assert not outcome.files and not outcome.quarantine and not outcome.stored
        return
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["delivery_id"] == delivery_id, where
    listed = {f["path"]: f for f in manifest["files"]}
    counts = {fc.file: fc for fc in outcome.files}
    assert set(counts) == set(listed), f"{where}: counts for exactly the listed files"
    per_file = Counter(e.file for e in outcome.quarantine)
    assert set(per_file) <= set(listed), where
    seen = Counter((e.file, e.row) for e in outcome.quarantine)
    assert max(seen.values(), default=1) == 1, f"{where}: one entry per record"

    loaded_entities: set[str] = set()
    link_recs = []
    quarantined_rows = {(e.file, e.row) for e in outcome.quarantine}
    loaded_ids: set[str] = set()
    # entity files first, as the contract reads them
    order = sorted(listed.values(), key=lambda f: f["kind"] != "entities")
    for item in order:
        path = item["path"]
        data = (folder / path).read_bytes()
        header, recs, _ = read_file(data, path, item.get("encoding"))
        fc = counts[path]
        assert fc.records == len(recs), f"{where}/{path}: records {fc.records} != {len(recs)}"
        assert fc.records == fc.loaded + fc.quarantined, f"{where}/{path}: read != sum"
        assert fc.quarantined == per_file[path], f"{where}/{path}: entries != quarantined"
        by_row = {r.row: r for r in recs}
        entries = {e.row: e for e in outcome.quarantine if e.file == path}
        for entry in entries.values():
            assert entry.row in by_row, f"{where}/{path}: no record {entry.row}"
            assert by_row[entry.row].line == entry.line, (
                f"{where}/{path}: record {entry.row} starts on line {by_row[entry.row].line}, "
                f"not {entry.line}"
            )
            assert all(isinstance(s, str) and s for s in entry.reason), where
        for r in recs:
            e = entries.get(r.row)
            if r.problem:
                assert e is not None and e.field == "record", (
                    f"{where}/{path}: record {r.row} ({r.problem}) must be quarantined as 'record'"
                )
                continue
            assert e is None or e.field != "record", (
                f"{where}/{path}: record {r.row} is structurally fine, yet expected as 'record'"
            )
            flagged = r.flagged_fields()
            if flagged:
                assert e is not None and e.field in flagged, (
                    f"{where}/{path}: record {r.row} has a forbidden/oversized {flagged}"
                )
            if e is not None and path.endswith(".csv"):
                assert e.field in header, f"{where}/{path}: {e.field} is not a column"
            rid = r.values.get("record_id")
            if e is None:
                _check_loaded_record(item["kind"], r.values, f"{where}/{path} row {r.row}")
            if (path, r.row) not in quarantined_rows and rid is not None:
                assert rid not in loaded_ids, f"{where}/{path}: duplicate {rid} expected to load"
                loaded_ids.add(rid)
                if item["kind"] == "entities":
                    loaded_entities.add(rid)
            if item["kind"] == "links":
                link_recs.append((path, r, e))
    for path, r, e in link_recs:
        ends = {end: r.values.get(end) for end in ("from", "to")}
        if e is None:
            for end, ref in ends.items():
                assert ref in loaded_entities, f"{where}/{path}: row {r.row} {end}={ref!r}"
        elif e.field in ("from", "to"):
            assert ends[e.field] not in loaded_entities, f"{where}/{path}: row {r.row}"
    loaded_or_any = loaded_ids
    for s in outcome.stored:
        assert s.record_id in loaded_or_any, f"{where}: stored value for unloaded {s.record_id}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_builds_and_is_consistent(case: Case, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    _build(case, a)
    _build(case, b)
    assert _tree(a) == _tree(b), "build must be deterministic"
    assert case.why and "\n" not in case.why
    assert all(p for p in case.personal)
    texts = [*case.error, *(s for e in case.quarantine for s in e.reason)]
    for sub in case.folder_run:
        texts += [*sub.outcome.error, *(s for e in sub.outcome.quarantine for s in e.reason)]
    for p in case.personal:
        assert not any(p.lower() in t.lower() for t in texts), (
            "an expected text holds personal data"
        )
    for prior in case.before:
        _check_outcome(
            a / prior.folder, prior.outcome, _manifest_id(a / prior.folder), prior.folder
        )
    folder = a / case.name
    assert folder.is_dir()
    if case.folder_run:
        assert not case.files and not case.quarantine
        names = sorted(p.name for p in folder.iterdir())
        assert names == [s.folder for s in case.folder_run], "subs listed in name order"
        for sub in case.folder_run:
            _check_outcome(folder / sub.folder, sub.outcome, sub.delivery_id, sub.folder)
        assert case.refused == any(s.outcome.refused for s in case.folder_run)
    else:
        _check_outcome(folder, case, case.delivery_id, case.name)


def _manifest_id(folder: Path) -> str | None:
    try:
        return str(json.loads((folder / "manifest.json").read_text())["delivery_id"])
    except (OSError, ValueError, KeyError):
        return None


def test_names_and_delivery_ids_are_unique() -> None:
    assert len(BY_NAME) == len(CASES)
    ids = [c.delivery_id for c in CASES if c.delivery_id and not c.before]
    assert len(set(ids)) == len(ids)


def test_the_10000_line_file_has_10000_lines(tmp_path: Path) -> None:
    case = BY_NAME["csv_10000_lines"]
    case.build(tmp_path / "d")
    text = (tmp_path / "d" / "entities.csv").read_text(encoding="utf-8")
    assert len(physical_lines(text)) == 10_000


def test_big_fields_have_the_sizes_they_claim(tmp_path: Path) -> None:
    BY_NAME["big_field_boundaries"].build(tmp_path / "d")
    _, recs, _ = read_file((tmp_path / "d" / "entities.csv").read_bytes(), "entities.csv", None)
    sizes = [len(str(r.values["summary"])) for r in recs]
    assert sizes == [200_000, 1024 * 1024, 1024 * 1024 + 1]


def test_encodings_are_detected_as_the_cases_say(tmp_path: Path) -> None:
    expected = {
        "enc_cp1252_pure": "cp1252",
        "enc_cp1252_with_accidental_utf8": "utf-8",
        "enc_mixed_utf8_and_cp1252_lines": "utf-8",
        "enc_utf16le_bom": "utf-16-le",
        "enc_utf16be_bom": "utf-16-be",
        "enc_utf32le_bom": "utf-32-le",
        "enc_utf32be_bom": "utf-32-be",
        "csv_header_bom": "utf-8",
    }
    for name, codec in expected.items():
        folder = tmp_path / name
        BY_NAME[name].build(folder)
        data = (folder / "entities.csv").read_bytes()
        assert read_file(data, "entities.csv", None)[2] == codec, name


def test_every_contract_item_is_covered() -> None:
    kinds: Counter[str] = Counter()
    for c in CASES:
        kinds["refused"] += c.refused and not c.folder_run
        kinds["already"] += c.already_loaded
        kinds["folder"] += bool(c.folder_run)
        kinds["supply"] += c.supply_ended is not None
        kinds["number_style"] += "number_style" in c.name or "amount_style" in c.name
        kinds["unterminated"] += any("unterminated quote" in e.reason for e in c.quarantine)
        kinds["future"] += any("in the future" in e.reason for e in c.quarantine)
        kinds["ambiguous"] += any("ambiguous" in e.reason for e in c.quarantine)
        kinds["encoding"] += any("utf-8" in e.reason for e in c.quarantine)
    assert all(kinds[k] for k in kinds), kinds
    assert len(CASES) >= 60


def test_readme_lists_every_case() -> None:
    text = README.read_text(encoding="utf-8")
    assert case_table() in text, "regenerate the table: cd tests && python -m ingest_cases"
    for c in CASES:
        assert f"`{c.name}`" in text


def test_thousands_totals_add_up(tmp_path: Path) -> None:
    totals = build_thousands(tmp_path, count=200)
    folders = sorted(p for p in tmp_path.iterdir() if p.is_dir())
    assert len(folders) == totals.deliveries == 200
    assert totals.loaded_deliveries + len(totals.refused) == totals.deliveries
    assert totals.records == totals.loaded + totals.quarantined
    full = build_thousands(tmp_path / "full")
    assert full.deliveries == 2000
