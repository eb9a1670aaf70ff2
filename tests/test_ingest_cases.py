"""The independent corpus of malformed deliveries (``tests/ingest_cases/``, written from the
delivery format alone by someone who had not read the ingest code) run against the pipeline and
the real database: for every case, records read = loaded + quarantined per file, every
quarantine entry names file, row, line and field, a refused delivery leaves the graph's digest
unchanged, and no reason or error holds personal data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ingest_cases import CASES
from ingest_cases.model import Case, Outcome

from emm.access.guarded import GuardedStore
from emm.access.policy import Principal
from emm.audit import AuditLog
from emm.graph.store import GraphStore
from emm.ingest.pipeline import DeliveryReport, FolderResult, ingest_folder

pytestmark = [pytest.mark.db, pytest.mark.timeout(120)]


def _quarantine(out_dir: Path, delivery_id: str | None) -> list[dict[str, Any]]:
    path = out_dir / "quarantine" / f"{delivery_id}.jsonl"
    if delivery_id is None or not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _value_of(store: GraphStore, delivery_id: str, record_id: str, field: str) -> Any:
    ref = f"{delivery_id}/{record_id}"
    rows = store.read("MATCH (r:Record {source_ref: $ref}) RETURN properties(r) AS p", ref=ref)
    if not rows:
        rows = store.read(
            "MATCH ()-[e]->() WHERE e.source_ref = $ref RETURN properties(e) AS p", ref=ref
        )
    assert rows, f"nothing was stored from {ref}"
    return rows[0]["p"].get(field)


def _check(
    store: GraphStore,
    out_dir: Path,
    case: Case,
    outcome: Outcome,
    delivery_id: str | None,
    report: DeliveryReport | None,
    reason: str | None,
    digest_before: str,
) -> None:
    texts = [reason or ""]
    if outcome.refused:
        assert report is None, f"{case.name}: expected a refusal, got {report and report.status}"
        assert reason, case.name
        for s in outcome.error:
            assert s.lower() in reason.lower(), (case.name, s, reason)
        assert store.digest() == digest_before, f"{case.name}: the graph changed"
        return
    assert report is not None, f"{case.name}: refused: {reason}"
    if outcome.already_loaded:
        assert report.status == "already loaded", case.name
        assert store.digest() == digest_before, f"{case.name}: the graph changed"
        return
    assert report.status == "complete", case.name
    files = {f["path"]: f for f in report.files}
    for expected in outcome.files:
        got = files[expected.file]
        assert (got["read"], got["loaded"], got["quarantined"]) == (
            expected.records,
            expected.loaded,
            expected.quarantined,
        ), (case.name, expected.file, got)
    entries = _quarantine(out_dir, delivery_id)
    got_keys = {(q["file"], q["row"], q.get("line"), q["field"]) for q in entries}
    want = {(e.file, e.row, e.line, e.field): e for e in outcome.quarantine}
    assert got_keys == set(want), (case.name, sorted(got_keys ^ set(want), key=str))
    for q in entries:
        assert q["reason"] and q["delivery_id"] == delivery_id, case.name
        for s in want[(q["file"], q["row"], q.get("line"), q["field"])].reason:
            assert s.lower() in q["reason"].lower(), (case.name, s, q["reason"])
        texts.append(q["reason"])
    for stored in outcome.stored:
        assert delivery_id is not None
        actual = _value_of(store, delivery_id, stored.record_id, stored.field)
        if isinstance(stored.value, float):
            assert abs(float(actual) - stored.value) < 1e-9, (case.name, stored, actual)
        else:
            assert str(actual) == str(stored.value), (case.name, stored, actual)
    for personal in case.personal:
        assert all(personal not in t for t in texts), (case.name, personal)


def _run(store: GraphStore, folder: Path, out_dir: Path) -> FolderResult:
    return ingest_folder(folder, store, out_dir=out_dir)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Case, store: GraphStore, tmp_path: Path) -> None:
    root, out_dir = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    for prior in case.before:
        prior.build(root / prior.folder)
        before = store.digest()
        result = _run(store, root / prior.folder, out_dir)
        report, reason = (result.reports or [None])[0], (result.refused or [(None, None)])[0][1]
        _check(store, out_dir, case, prior.outcome, case.delivery_id, report, reason, before)
    officer = GuardedStore(
        store,
        Principal("p", "privacy_officer", "POL", "test"),
        AuditLog(out_dir / "a.jsonl"),
        out_dir,
    )
    if case.supply_ended:
        officer.privacy.party_exit(case.supply_ended, mode="isolate")
    case.build(root / case.name)
    before = store.digest()
    result = _run(store, root / case.name, out_dir)
    if case.folder_run:
        assert result.ok is not case.refused, case.name
        for sub in case.folder_run:
            report, reason = result.for_folder(sub.folder)
            _check(store, out_dir, case, sub.outcome, sub.delivery_id, report, reason, before)
            before = store.digest()
    else:
        report, reason = (result.reports or [None])[0], (result.refused or [(None, None)])[0][1]
        _check(store, out_dir, case, case, case.delivery_id, report, reason, before)
    if case.supply_ended:
        officer.privacy.party_exit(case.supply_ended, mode="reinstate")


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_thousands_of_tiny_deliveries(store: GraphStore, tmp_path: Path) -> None:
    from ingest_cases.thousands import build_thousands

    root = tmp_path / "in"
    totals = build_thousands(root)
    result = ingest_folder(root, store, out_dir=tmp_path / "out")
    assert [Path(f).name for f, _ in result.refused] == list(totals.refused)
    assert len(result.reports) == totals.loaded_deliveries
    assert sum(r.read for r in result.reports) == totals.records
    assert sum(r.loaded for r in result.reports) == totals.loaded
    assert sum(r.quarantined for r in result.reports) == totals.quarantined
    nodes = store.count_nodes()
    assert (nodes["Person"], nodes["Phone"]) == (totals.person_nodes, totals.phone_nodes)
    assert sum(int(r["n"]) for r in store.count_edges()) == totals.uses_phone_edges
    before = store.digest()
    again = ingest_folder(root, store, out_dir=tmp_path / "out")
    assert {r.status for r in again.reports} == {"already loaded"}
    assert len(again.refused) == len(totals.refused) and store.digest() == before
