"""Ingest benchmarks: validation throughput, and loading into the local graph database.

For each size, deliveries are generated with ``emm.synth.generate(out, seed=1, size=...)``
(not timed), then two measurements run, each in a fresh Python process so that its peak
memory is its own:

* **validate**: ``ingest_folder(path, None, out_dir=...)``, the dry run: reading, validation,
  normalisation, quarantine and reports, one process on one core. Target: 100,000 rows/s.
* **load**: the same into a dedicated ArcadeDB server (started on free ports in a temporary
  data directory and stopped after): relationships per second, seconds, peak RSS of the
  Python process and of the server (sampled from ``/proc/<pid>/status``).

Peak RSS is ``VmHWM`` of the process. The 1m size needs ~200 MB in the temporary directory
while it runs; everything is removed afterwards. Run it with ``python -m benchmarks.run
--only ingest`` (``--quick``: small sizes, under a minute), or one measurement by hand::

    python -m benchmarks.bench_ingest validate DELIVERIES_DIR [REPEAT]
    python -m benchmarks.bench_ingest load DELIVERIES_DIR [HEAP]

``validate`` with ``REPEAT`` runs the dry run that many times in one process and reports the
fastest (by CPU time): on a shared machine the fastest of several runs is the figure least
disturbed by other load. Compare two versions on the same material, alternating them.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

FULL_SIZES: tuple[str | int, ...] = ("100k", "1m")
QUICK_SIZES: tuple[str | int, ...] = (2_000,)
VALIDATION_TARGET = 100_000  # rows per second, one core (issue acceptance point)
DB_HEAP = {"1m": "1g"}  # Java heap of the benchmark server per size; default "1g"
REPO = Path(__file__).resolve().parent.parent


# ----------------------------------------------------------------------------- measurements
# (run in a child process: ``python -m benchmarks.bench_ingest validate|load ...``)


def _peak_rss_mb(pid: int | str = "self") -> float | None:
    """``VmHWM`` (peak resident set) of a process in MB, or None when it cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _totals(reports: list[Any]) -> dict[str, int]:
    return {
        "deliveries": len(reports),
        "read": sum(r.read for r in reports),
        "loaded": sum(r.loaded for r in reports),
        "quarantined": sum(r.quarantined for r in reports),
        "links_loaded": sum(
            f["loaded"] for r in reports for f in r.files if f.get("kind") == "links"
        ),
    }


def measure_validation(deliveries: Path, repeat: int = 1) -> dict[str, Any]:
    from emm.ingest.pipeline import ingest_folder

    best: tuple[float, float] | None = None
    for _ in range(max(1, repeat)):
        with tempfile.TemporaryDirectory(prefix="emm-bench-out-") as out:
            wall, cpu = time.perf_counter(), time.process_time()
            reports = ingest_folder(deliveries, None, out_dir=Path(out))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if best is None or cpu < best[1]:
            best = (wall, cpu)
    assert best is not None
    return {
        **_totals(reports),
        "seconds": best[0],
        "cpu_seconds": best[1],
        "repeat": max(1, repeat),
        "peak_rss_mb": _peak_rss_mb(),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _ServerMemory:
    """Samples the server's resident memory while the load runs (and reads its peak)."""

    def __init__(self, pid: int, every: float = 0.5) -> None:
        self.pid, self.every, self.peak = pid, every, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, _rss_mb(self.pid) or 0.0)

    def __enter__(self) -> _ServerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _peak_rss_mb(self.pid) or 0.0)  # VmHWM, if readable


def measure_load(deliveries: Path, heap: str = "1g") -> dict[str, Any]:
    from emm.graph import local_db
    from emm.graph.connect import driver_from_settings
    from emm.graph.store import GraphStore
    from emm.ingest.pipeline import ingest_folder
    from emm.settings import Settings

    with tempfile.TemporaryDirectory(prefix="emm-bench-db-") as data:
        settings = Settings(
            data_dir=Path(data), bolt_port=_free_port(), http_port=_free_port(), db_heap=heap
        )
        status = local_db.start(settings)
        assert status.pid is not None
        try:
            driver = driver_from_settings(settings)
            store = GraphStore(driver, settings.neo4j_database)
            store.ensure_schema()
            with _ServerMemory(status.pid) as server:
                wall, cpu = time.perf_counter(), time.process_time()
                reports = ingest_folder(
                    deliveries, store, out_dir=Path(data) / "out", batch_size=settings.batch_size
                )
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            in_graph = sum(int(r["n"]) for r in store.count_edges())
            driver.close()
        finally:
            local_db.stop(settings)
    return {
        **_totals(reports),
        "seconds": wall,
        "cpu_seconds": cpu,
        "relationships_in_graph": in_graph,
        "peak_rss_mb": _peak_rss_mb(),
        "server_peak_rss_mb": server.peak or None,
        "heap": heap,
    }


# ----------------------------------------------------------------------------- the benchmark


def _child(*args: str) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter; it prints one JSON object."""
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_ingest", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"bench_ingest {args[0]} failed:\n{proc.stderr[-3000:]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def _row(size: str, benchmark: str, metric: str, value: Any, unit: str, **kw: Any) -> dict:
    return {
        "benchmark": benchmark,
        "size": size,
        "metric": metric,
        "value": value,
        "unit": unit,
        "target": kw.get("target", ""),
        "notes": kw.get("notes", ""),
    }


def _validation_rows(size: str, m: dict[str, Any]) -> list[dict[str, Any]]:
    rate = m["read"] / m["seconds"]
    per_cpu = m["read"] / m["cpu_seconds"]
    name = "ingest: validate + normalise (dry run)"
    notes = (
        f"{m['read']:,} rows ({m['quarantined']:,} quarantined) of {m['deliveries']} "
        f"deliveries in {m['seconds']:.2f} s wall, {m['cpu_seconds']:.2f} s CPU"
    )
    target = f">= {VALIDATION_TARGET:,}"
    return [
        _row(size, name, "rows/s (wall)", round(rate), "rows/s", target=target, notes=notes),
        _row(size, name, "rows/s per CPU second", round(per_cpu), "rows/s", target=target),
        _row(size, name, "peak RSS", round(m["peak_rss_mb"] or 0, 1), "MB", notes="VmHWM"),
    ]


def _load_rows(size: str, m: dict[str, Any]) -> list[dict[str, Any]]:
    rels = m["links_loaded"]
    name = "ingest: load into ArcadeDB"
    check = "" if m["relationships_in_graph"] == rels else " MISMATCH with the graph count!"
    notes = (
        f"{rels:,} relationships and {m['loaded'] - rels:,} entity rows in {m['seconds']:.1f} s; "
        f"Python CPU {m['cpu_seconds']:.1f} s; server heap {m['heap']}{check}"
    )
    return [
        _row(size, name, "relationships/s", round(rels / m["seconds"]), "rels/s", notes=notes),
        _row(size, name, "seconds", round(m["seconds"], 1), "s"),
        _row(size, name, "peak RSS (Python)", round(m["peak_rss_mb"] or 0, 1), "MB", notes="VmHWM"),
        _row(
            size,
            name,
            "peak RSS (ArcadeDB server)",
            round(m["server_peak_rss_mb"] or 0, 1),
            "MB",
            notes=f"java -Xmx{m['heap']}; VmHWM from /proc/<pid>/status",
        ),
    ]


def run(quick: bool = False) -> list[dict[str, Any]]:
    from emm.synth import generate

    rows: list[dict[str, Any]] = []
    for size in QUICK_SIZES if quick else FULL_SIZES:
        label = str(size)
        with tempfile.TemporaryDirectory(prefix="emm-bench-ingest-") as tmp:
            generate(Path(tmp), seed=1, size=size)
            deliveries = Path(tmp) / "deliveries"
            rows += _validation_rows(label, _child("validate", str(deliveries)))
            heap = DB_HEAP.get(label, "1g")
            rows += _load_rows(label, _child("load", str(deliveries), heap))
    return rows


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "validate":
        result = measure_validation(Path(argv[1]), int(argv[2]) if len(argv) > 2 else 1)
    elif len(argv) >= 2 and argv[0] == "load":
        result = measure_load(Path(argv[1]), *argv[2:3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
