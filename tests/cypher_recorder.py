"""Records every Cypher statement the test session sends, for the Neo4j compatibility lint.

Only the statement text, how often and from which tests and call sites: never parameter values
(they may be personal data). Each process writes its own file to this session's folder under
``test-artifacts/cypher/recorded/``: this one, parallel workers, and subprocesses such as the CLI
or the Streamlit app, which inherit ``EMM_RECORD_CYPHER`` and are recorded by
:func:`emm.graph.connect.record_cypher`. At the end of the session the controlling process
merges them into ``test-artifacts/cypher/statements.json`` (and removes the folder), which
``make test`` lints (``docs/it.md``)."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from emm.graph.connect import RECORD_CYPHER, CypherRecorder, record_cypher

OUT = Path(__file__).resolve().parents[1] / "test-artifacts" / "cypher"
RECORDED = OUT / "recorded"
MERGED = OUT / "statements.json"

_recorder: CypherRecorder | None = None


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")  # a pytest-xdist worker


def pytest_configure(config: pytest.Config) -> None:
    global _recorder
    if not _is_worker(config):
        # One folder per session, so two sessions at once do not mix; inherited by workers and
        # subprocesses through the environment.
        for old in RECORDED.glob("*/"):
            if time.time() - old.stat().st_mtime > 86400:  # left by a session that crashed
                shutil.rmtree(old, ignore_errors=True)
        folder = RECORDED / f"{os.getpid()}-{secrets.token_hex(4)}"
        folder.mkdir(parents=True)
        os.environ[RECORD_CYPHER] = str(folder)
    _recorder = record_cypher(Path(os.environ[RECORD_CYPHER]))


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    if _recorder is None:
        return
    _recorder.close()
    if not _is_worker(session.config):
        merge(_recorder.folder, MERGED)
        shutil.rmtree(_recorder.folder, ignore_errors=True)


def merge(folder: Path, target: Path) -> dict[str, Any]:
    """One statement file from the per-process files in ``folder``."""
    merged: dict[str, dict[str, Any]] = {}
    files = sorted(folder.glob("*.json"))
    # A process that never wrote its final file (no exit handlers ran) left its journal: each
    # text once, seen at least once.
    journals = [p for p in sorted(folder.glob("*.jsonl")) if not p.with_suffix(".json").exists()]
    rows: list[dict[str, Any]] = []
    for path in files:
        rows += json.loads(path.read_text(encoding="utf-8"))["statements"]
    for path in journals:
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for row in rows:
        entry = merged.setdefault(row["query"], {"count": 0, "tests": set(), "sites": []})
        entry["count"] += row["count"]
        entry["tests"].update(row["tests"])
        entry["sites"] += [s for s in row["sites"] if s not in entry["sites"]]
    tests = set().union(*(e["tests"] for e in merged.values()))
    data = {
        "source": "recorded",
        "processes": len(files) + len(journals),
        "unfinished_processes": len(journals),
        "tests": len(tests),
        "statements": [
            {"query": q, "count": e["count"], "tests": sorted(e["tests"]), "sites": e["sites"]}
            for q, e in sorted(merged.items())
        ],
    }
    target.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return data
