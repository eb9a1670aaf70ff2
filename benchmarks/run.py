"""Run the benchmarks and write ``benchmarks/results.json`` and ``benchmarks/results.md``.

Usage::

    python -m benchmarks.run                 # every benchmarks/bench_*.py module, full sizes
    python -m benchmarks.run --quick         # small sizes (well under a minute per module)
    python -m benchmarks.run --only ingest   # only benchmarks/bench_ingest.py (repeatable)

A benchmark module ``benchmarks/bench_<name>.py`` exposes ``run(quick: bool) -> list[dict]``;
each row has the keys of :data:`ROW_KEYS`. Results of modules that were not run this time
are kept from the previous ``results.json``, so ``--only`` refreshes one part of the table.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results.json"
RESULTS_MD = HERE / "results.md"
ROW_KEYS = ("benchmark", "size", "metric", "value", "unit", "target", "notes")


def discover() -> list[str]:
    """Names of the benchmark modules: ``bench_ingest.py`` gives ``ingest``."""
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def machine() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in load] if load else None,
    }


def run_module(name: str, quick: bool) -> dict[str, Any]:
    """Run one module; a failure is recorded (and reported) instead of stopping the others."""
    started = time.perf_counter()
    entry: dict[str, Any] = {"quick": quick, "ran_at": datetime.now(UTC).isoformat(), "rows": []}
    try:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        runner = getattr(module, "run", None)
        if not callable(runner):
            entry["error"] = f"benchmarks/bench_{name}.py has no run(quick) function"
        else:
            entry["rows"] = [_check_row(name, row) for row in runner(quick=quick)]
    except Exception as exc:  # noqa: BLE001 - one broken benchmark must not hide the others
        traceback.print_exc()
        entry["error"] = f"{type(exc).__name__}: {exc}"
    entry["seconds"] = round(time.perf_counter() - started, 1)
    entry["machine"] = machine()
    return entry


def _check_row(name: str, row: dict[str, Any]) -> dict[str, Any]:
    missing = [k for k in ROW_KEYS if k not in row]
    if missing:
        raise ValueError(f"bench_{name}: a result row lacks {', '.join(missing)}: {row}")
    return {k: row[k] for k in ROW_KEYS}


def load_previous(path: Path = RESULTS_JSON) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    modules = data.get("modules")
    return modules if isinstance(modules, dict) else {}


def format_value(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if abs(value) >= 1000:
            return f"{value:,.0f}"
        return f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def _cell(value: Any) -> str:
    return format_value(value).replace("|", "\\|").replace("\n", " ")


def to_markdown(modules: dict[str, Any]) -> str:
    lines = ["# Benchmark results", "", "Written by `python -m benchmarks.run`; do not edit.", ""]
    for name in sorted(modules):
        entry = modules[name]
        mode = "quick" if entry.get("quick") else "full"
        info = entry.get("machine") or {}
        lines.append(f"## {name}")
        lines.append("")
        lines.append(
            f"{mode} run at {entry.get('ran_at', '?')} in {entry.get('seconds', '?')} s; "
            f"{info.get('cpus', '?')} CPUs, load average {info.get('load_average')}, "
            f"Python {info.get('python', '?')}."
        )
        lines.append("")
        if entry.get("error"):
            lines.append(f"**Failed:** {entry['error']}")
            lines.append("")
        if entry.get("rows"):
            lines.append("| " + " | ".join(ROW_KEYS) + " |")
            lines.append("|" + "---|" * len(ROW_KEYS))
            for row in entry["rows"]:
                lines.append("| " + " | ".join(_cell(row[k]) for k in ROW_KEYS) + " |")
            lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run only benchmarks/bench_NAME.py (repeatable); default: all",
    )
    args = parser.parse_args(argv)
    available = discover()
    names = args.only or available
    unknown = sorted(set(names) - set(available))
    if unknown:
        parser.error(f"no benchmark named {', '.join(unknown)} (known: {', '.join(available)})")
    modules = load_previous()
    failed = False
    for name in names:
        print(f"== {name}{' (quick)' if args.quick else ''}", flush=True)
        entry = run_module(name, args.quick)
        modules[name] = entry
        failed = failed or bool(entry.get("error"))
        for row in entry["rows"]:
            print(
                f"  {row['benchmark']} [{row['size']}] {row['metric']}: "
                f"{format_value(row['value'])} {row['unit']}",
                flush=True,
            )
        if entry.get("error"):
            print(f"  FAILED: {entry['error']}", file=sys.stderr)
    payload = {"written_at": datetime.now(UTC).isoformat(), "modules": modules}
    RESULTS_JSON.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", "utf-8")
    RESULTS_MD.write_text(to_markdown(modules) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS_JSON} and {RESULTS_MD}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
