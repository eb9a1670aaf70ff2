"""The malformed-delivery corpus (``tests/ingest_cases``, written independently from the
reading contract) run through the reader and validation, as a dry run (no graph).

What a dry run can check is checked: per-file read / loaded / quarantined, the exact set of
quarantine entries (file, row, line, field) and the words their reasons must hold, refusals
of a delivery as a whole with the words of their errors, and no personal data in reasons or
errors. Cases that need a graph (re-deliveries, an ended supply, folder runs, stored values,
an unchanged graph after a refusal) belong to the pipeline's own harness. Skipped when the
corpus is not in the tree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emm.ingest.delivery import DeliveryError
from emm.ingest.pipeline import ingest_delivery

ingest_cases = pytest.importorskip(
    "ingest_cases", reason="the corpus (tests/ingest_cases) is absent"
)

DRY_RUN_CASES = [
    c
    for c in ingest_cases.CASES
    if not (c.before or c.supply_ended or c.folder_run or c.already_loaded)
]


def _quarantine(out: Path, delivery_id: str | None) -> list[dict]:
    path = out / "quarantine" / f"{delivery_id}.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", DRY_RUN_CASES, ids=lambda c: c.name)
def test_case(tmp_path, case):
    folder = tmp_path / case.name
    case.build(folder)
    out = tmp_path / "out"
    if case.refused:
        with pytest.raises(DeliveryError) as err:
            ingest_delivery(folder, None, out_dir=out)
        message = str(err.value).lower()
        for word in case.error:
            assert word.lower() in message, (word, message)
        for secret in case.personal:
            assert secret not in str(err.value)
        assert not _quarantine(out, case.delivery_id)
        return
    report = ingest_delivery(folder, None, out_dir=out)
    files = {f["path"]: f for f in report.files}
    for want in case.files:
        got = files[want.file]
        assert (got["read"], got["loaded"], got["quarantined"]) == (
            want.records,
            want.loaded,
            want.quarantined,
        ), want.file
    entries = _quarantine(out, case.delivery_id)
    got_entries = {(e["file"], e["row"], e["line"], e["field"]) for e in entries}
    want_entries = {(e.file, e.row, e.line, e.field) for e in case.quarantine}
    assert got_entries == want_entries
    reasons = {(e["file"], e["row"], e["line"], e["field"]): e["reason"] for e in entries}
    for e in case.quarantine:
        reason = reasons[(e.file, e.row, e.line, e.field)]
        assert reason
        for word in e.reason:
            assert word.lower() in reason.lower(), (word, reason)
    for entry in entries:
        assert entry["delivery_id"] == case.delivery_id
        for secret in case.personal:
            assert secret not in entry["reason"]
