"""Creating the driver from settings: the one place a ``neo4j.Driver`` is made.

Everything else receives the driver (or a :class:`~emm.graph.store.GraphStore`) as an argument.
``bolt://`` talks to one server; ``neo4j://`` uses cluster routing (reads to secondaries).

With ``EMM_RECORD_CYPHER=<folder>`` set (the test suite sets it, see ``docs/it.md``) the text of
every statement this process sends is recorded for the Neo4j compatibility lint: never the
parameter values, which may be personal data. Unset, it costs one environment lookup per driver.
"""

from __future__ import annotations

import atexit
import json
import os
import secrets
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j
from neo4j import Driver, GraphDatabase, ManagedTransaction, Session, Transaction

from emm.graph.store import GraphStore
from emm.settings import Settings

RECORD_CYPHER = "EMM_RECORD_CYPHER"


def driver_from_settings(settings: Settings) -> Driver:
    if folder := os.environ.get(RECORD_CYPHER):
        record_cypher(Path(folder))
    return GraphDatabase.driver(
        settings.uri,
        auth=(settings.user, settings.password()),
        max_connection_pool_size=16,
        connection_timeout=10,
    )


def open_store(settings: Settings, *, start_local: bool = True) -> GraphStore:
    """A store on a fresh driver; starts the managed local database first when needed."""
    if start_local and settings.managed_db:
        from emm.graph import local_db

        local_db.start(settings)
    driver = driver_from_settings(settings)
    try:
        # Fail fast with a clear error instead of letting the first query retry for a minute.
        driver.verify_connectivity()
    except Exception:
        driver.close()
        raise
    return GraphStore(driver, settings.neo4j_database)


# ----------------------------------------------------------------------------- recording


class CypherRecorder:
    """Distinct statement texts this process sent, how often, from which test and call site.

    It wraps ``Session.run`` and ``Transaction.run``/``ManagedTransaction.run`` of the installed
    driver (``Driver.execute_query`` runs in a managed transaction, so it is seen there), for
    every driver of the process. Written to ``<folder>/<pid>-<token>.json`` at exit; each new
    text is also appended to the ``.jsonl`` next to it at once, so a process that ends without
    running exit handlers (a killed notebook kernel) still leaves its statements.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / f"{os.getpid()}-{secrets.token_hex(4)}.json"
        self.journal = self.path.with_suffix(".jsonl")
        self.seen: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def note(self, query: object) -> None:
        text = str(getattr(query, "text", query))  # a str or a neo4j.Query
        test = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0]  # "path::name"
        with self._lock:
            entry = self.seen.get(text)
            if entry is None:
                sites = [_call_site()]
                entry = self.seen[text] = {"count": 0, "tests": set(), "sites": sites}
                row = {"query": text, "count": 1, "tests": [test] if test else [], "sites": sites}
                self.folder.mkdir(parents=True, exist_ok=True)
                with self.journal.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            entry["count"] += 1
            if test:
                entry["tests"].add(test)

    def flush(self) -> Path:
        with self._lock:
            rows = [
                {"query": q, "count": e["count"], "tests": sorted(e["tests"]), "sites": e["sites"]}
                for q, e in sorted(self.seen.items())
            ]
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        data = {"source": "recorded", "pid": os.getpid(), "statements": rows}
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)
        return self.path

    def close(self) -> Path:
        """Write the file now and not again at exit (the caller collects it)."""
        atexit.unregister(self.flush)
        return self.flush()


_recorder: CypherRecorder | None = None
_HERE = os.path.abspath(__file__)
_DRIVER_DIR = os.path.dirname(os.path.abspath(neo4j.__file__))
# Frames that only pass a statement on: the site worth naming is their caller.
_PASS_THROUGH = frozenset(
    {"GraphStore.read", "GraphStore.write", "GraphStore.write_transaction", "ProductRegister._run"}
)


def _call_site() -> str:
    frame = sys._getframe(2)
    while frame is not None:
        path, name = frame.f_code.co_filename, frame.f_code.co_qualname
        if not (path.startswith(_DRIVER_DIR) or path == _HERE or name in _PASS_THROUGH):
            parts = Path(path).parts
            for root in ("emm", "tests", "tools", "benchmarks"):
                if root in parts:
                    path = "/".join(parts[len(parts) - parts[::-1].index(root) - 1 :])
                    break
            return f"{path}:{frame.f_lineno} {name}"
        frame = frame.f_back  # type: ignore[assignment]
    return "?"


def record_cypher(folder: Path) -> CypherRecorder:
    """Start recording statement texts to ``folder`` (idempotent; see :class:`CypherRecorder`)."""
    global _recorder
    if _recorder is None:
        _recorder = recorder = CypherRecorder(folder)

        def wrap(run: Callable[..., Any]) -> Callable[..., Any]:
            def recording_run(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
                recorder.note(query)
                return run(self, query, *args, **kwargs)

            recording_run.__wrapped__ = run  # type: ignore[attr-defined]
            return recording_run

        for cls in (Session, Transaction, ManagedTransaction):
            cls.run = wrap(cls.run)  # type: ignore[method-assign]
        atexit.register(recorder.flush)
    return _recorder
