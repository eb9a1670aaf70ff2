"""Analysis benchmarks: quality per material and scenario type, the whole-graph pass (igraph vs
pure networkx) and OIB generation.

Quality (:func:`_bench_quality`), per material, with :func:`benchmarks.eval.materials.measure`
(indicators, detect_networks, rank_networks, organisers, same-person candidates), each in a
fresh process:

* ``synth``: the project's own generator (seed 1, demo size). The analysis was tuned on it:
  these rows carry no target and are no evidence of anything but the tuning;
* ``gen2``: the independent generator in ``benchmarks/eval/gen2`` (scale 1), written without
  reading the analysis code. Seeds 1 and 4 are tuning material (:data:`GEN2_TUNING_SEEDS`:
  rows without bars); seeds 2 and 3 were measured after each round and are weaker evidence;
* ``gen3``: a third independent generator (``benchmarks/eval/gen3``, scale 1, seeds 1 and 2),
  written from the docs alone after gen2 became tuning material and **never tuned on**: the
  report material. gen2 report seeds and gen3 rows carry the issue's bars
  (recall and precision >= 0.9 per scenario type, organiser in the top 3 >= 0.8, no decoy in
  the top 20 networks, same-person recall >= 0.9 at precision >= 0.98). Skipped when absent;
* ``gen4``: a fourth independent generator (``benchmarks/eval/gen4``, scale 1, seeds 1 and 2),
  written from the docs alone while gen3 became tuning material; the report material from
  2026-12-02 on, with the same bars;
* real networks (``../shared/data/realnets``: Caviar, the Mexican trafficking network): the
  rank of each published role by plain networkx betweenness, by the key players and by the
  organiser score, without and with an Investigation node linked to every person.

Timing: for each size, deliveries are generated with ``emm.synth.generate(out, seed=1,
size=...)`` and turned into the edge and node tables *without the database*, with the ingest's
own mapping (:func:`emm.synth.resolve.frames_from_deliveries`). Neither generation nor mapping
is timed. Each measurement runs in a fresh Python process that loads the tables from a
pickle, so that its peak memory (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) is its own:

* **igraph pass**: :func:`emm.graph.analysis.whole_graph_pass` (content ordering, encode,
  build, connected components, PageRank, Leiden, betweenness from 256 sampled sources) plus
  all indicator rules (:func:`run_indicators`, pandas); separately, :func:`detect_networks`.
* **networkx pass**: the same pass with ``engine="networkx"`` (networkx graph, components,
  PageRank, Louvain, ``betweenness_centrality(k=256)``). networkx's own PageRank needs SciPy,
  which the workbench does not ship, so that one step runs the same power iteration in numpy
  (it is not the slow part). It is stopped after ``max(600 s, 25 x the igraph pass)`` (at most
  an hour), and then reported as "> X s (stopped)". The speedup compares the graph passes.
* **OIB**: ``build_oib`` + ``oib_html`` + ``oib_pdf`` for a 200-node subgraph around a planted
  organiser of the demo-size tables.

Wall seconds move with the machine's load (up to nine agents share two cores); CPU seconds
are given next to them.

Run ``python -m benchmarks.run --only analysis`` (``--quick``: 20k relationships and small
materials), or a step by hand::

    python -m benchmarks.bench_analysis prepare OUT_DIR SIZE
    python -m benchmarks.bench_analysis igraph|networkx|oib FRAMES_PICKLE
    python -m benchmarks.bench_analysis quality synth|gen2 SEED SIZE|SCALE WORK_DIR
    python -m benchmarks.bench_analysis realnets
    python -m benchmarks.bench_analysis refresh-quality   # quality rows only, into results.*
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

FULL_SIZES: tuple[str | int, ...] = ("100k", "1m")
QUICK_SIZES: tuple[str | int, ...] = (20_000,)
OIB_SIZE: str | int = "demo"
OIB_NODES = 200
SEED = 1
PASS_TARGET_S = 60.0  # the 1M pass, 2 cores (issue acceptance point)
SPEEDUP_TARGET = 20.0
OIB_TARGET_S = 10.0
NX_MIN_TIMEOUT_S = 600.0
NX_MAX_TIMEOUT_S = 3600.0
REPO = Path(__file__).resolve().parent.parent


# ----------------------------------------------------------------------------- data


def frames_from_deliveries(deliveries: Path) -> tuple[Any, Any]:
    """The edge and node tables of a delivery folder (see :mod:`emm.synth.resolve`)."""
    from emm.synth.resolve import frames_from_deliveries as frames

    return frames(deliveries)


# ----------------------------------------------------------------------------- children


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


def child_prepare(out_dir: Path, size: str | int) -> None:
    from emm.synth import generate

    t = time.perf_counter()
    generate(out_dir / "data", seed=SEED, size=size)
    generated = time.perf_counter() - t
    t = time.perf_counter()
    edges, nodes = frames_from_deliveries(out_dir / "data" / "deliveries")
    mapped = time.perf_counter() - t
    with open(out_dir / "frames.pkl", "wb") as fh:
        pickle.dump((edges, nodes), fh, protocol=pickle.HIGHEST_PROTOCOL)
    _emit(
        {
            "step": "prepared",
            "relationships": len(edges),
            "entities": len(nodes),
            "generate_s": round(generated, 1),
            "map_s": round(mapped, 1),
        }
    )


def _load(frames: Path) -> tuple[Any, Any, float]:
    with open(frames, "rb") as fh:
        edges, nodes = pickle.load(fh)
    return edges, nodes, _peak_mb()


def _cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(name: str, fn: Callable[[], Any]) -> Any:
    t, c = time.perf_counter(), _cpu()
    result = fn()
    _emit(
        {
            "step": name,
            "seconds": round(time.perf_counter() - t, 3),
            "cpu_s": round(_cpu() - c, 3),
            "peak_mb": _peak_mb(),
        }
    )
    return result


def child_igraph(frames: Path) -> None:
    from emm.graph.analysis import detect_networks, run_indicators, whole_graph_pass

    edges, nodes, base = _load(frames)
    _emit({"step": "loaded", "peak_mb": base, "relationships": len(edges)})
    result = _timed("graph pass", lambda: whole_graph_pass(edges, nodes, seed=0))
    _emit({"step": "graph pass detail", "seconds_by_stage": result.seconds})
    hits = _timed("indicators", lambda: run_indicators((edges, nodes)))
    nets = _timed("detect_networks", lambda: detect_networks((edges, nodes), hits=hits, seed=0))
    _emit({"step": "done", "hits": len(hits), "networks": len(nets), "peak_mb": _peak_mb()})


class _Progress(dict[str, float]):
    """A ``seconds`` dict that reports each stage of the networkx pass as it finishes."""

    def __setitem__(self, key: str, value: float) -> None:
        super().__setitem__(key, value)
        _emit({"step": f"nx {key}", "seconds": round(value, 3), "peak_mb": _peak_mb()})


def child_networkx(frames: Path) -> None:
    import time as _time

    from emm.graph.analysis.frames import as_frames, encode
    from emm.graph.analysis.wholegraph import _networkx_pass

    edges, nodes, base = _load(frames)
    _emit({"step": "loaded", "peak_mb": base, "relationships": len(edges)})
    seconds = _Progress()
    t = _time.perf_counter()
    edges, nodes = as_frames((edges, nodes))
    enc = encode(edges, nodes)
    seconds["encode"] = _time.perf_counter() - t
    _networkx_pass(enc, 0, 256, 1.0, seconds)
    _emit({"step": "done", "seconds": round(_time.perf_counter() - t, 3), "peak_mb": _peak_mb()})


def _oib_graph(edges: Any, nodes: Any, n_nodes: int) -> Any:
    """A projection-shaped graph of ``n_nodes`` entities around the person with most facts
    among those involved as suspects (breadth-first over the entity graph)."""
    from collections import deque

    import networkx as nx

    suspects = edges.loc[(edges["type"] == "INVOLVED_IN") & (edges["role"] == "suspect"), "src"]
    facts = (
        edges[edges["src"].isin(set(suspects)) | edges["dst"].isin(set(suspects))]
        .melt(value_vars=["src", "dst"])["value"]
        .value_counts()
    )
    start = next(u for u in facts.index if u in set(suspects))
    nbrs: dict[str, set[str]] = {}
    for u, v in zip(edges["src"], edges["dst"], strict=True):
        nbrs.setdefault(u, set()).add(v)
        nbrs.setdefault(v, set()).add(u)
    label = dict(zip(nodes["uid"], nodes["label"], strict=True))
    seen = [start]
    queue = deque([start])
    chosen = {start}
    while queue and len(seen) < n_nodes:
        for w in sorted(nbrs.get(queue.popleft(), ())):
            if w not in chosen and label.get(w) != "BorderPost" and len(seen) < n_nodes:
                chosen.add(w)
                seen.append(w)
                queue.append(w)
    G = nx.MultiDiGraph()
    for row in nodes[nodes["uid"].isin(chosen)].to_dict("records"):
        G.add_node(row["uid"], **{k: v for k, v in row.items() if v == v and v is not None})
    sub = edges[edges["src"].isin(chosen) & edges["dst"].isin(chosen)]
    for row in sub.to_dict("records"):
        attrs = {k: v for k, v in row.items() if v == v and v is not None}
        G.add_edge(row["src"], row["dst"], key=row["source_ref"], **attrs)
    return G


def child_oib(frames: Path) -> None:
    from emm.products.oib import build_oib
    from emm.products.render import oib_html, oib_pdf

    edges, nodes, base = _load(frames)
    G = _oib_graph(edges, nodes, OIB_NODES)
    del edges, nodes
    _emit({"step": "loaded", "peak_mb": base, "nodes": len(G), "facts": G.number_of_edges()})
    t = time.perf_counter()
    doc = _timed(
        "build_oib",
        lambda: build_oib(
            G, product_id="OIB-BENCH", title="Benchmark", subject="bench", created_by="bench"
        ),
    )
    html = _timed("oib_html", lambda: oib_html(doc))
    problem = ""
    try:
        pdf = _timed("oib_pdf", lambda: oib_pdf(doc))
    except Exception as exc:  # noqa: BLE001 - reported, then measured with a workaround
        # reportlab cannot split a table row taller than a page: an indicator whose evidence
        # lists ~90 source_refs (a reception centre's residents) overflows. Reported as a
        # finding; the PDF is then timed with each evidence list cut to 40 refs.
        longest = max((len(h["evidence"]) for h in doc.indicators), default=0)
        problem = f"{type(exc).__name__} (longest evidence list {longest} refs)"
        _emit({"step": "oib_pdf failed", "error": problem})
        for h in doc.indicators:
            if len(h["evidence"]) > 40:
                h["evidence"] = [*h["evidence"][:40], f"... {len(h['evidence']) - 40} more"]
        pdf = _timed("oib_pdf", lambda: oib_pdf(doc))
    _emit(
        {
            "step": "done",
            "seconds": round(time.perf_counter() - t, 3),
            "html_kb": round(len(html) / 1024),
            "pdf_kb": round(len(pdf) / 1024),
            "peak_mb": _peak_mb(),
            "problem": problem,
        }
    )


# ----------------------------------------------------------------------------- parent


def _child(args: list[str], timeout: float | None = None) -> tuple[list[dict[str, Any]], bool]:
    """Run a child step; returns its JSON records and whether it was stopped by ``timeout``."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.bench_analysis", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    records: list[dict[str, Any]] = []
    assert proc.stdout is not None and proc.stderr is not None
    stderr: list[str] = []
    reader = threading.Thread(target=lambda: stderr.extend(proc.stderr or []), daemon=True)
    reader.start()

    def read() -> None:
        for line in proc.stdout or []:
            if line.startswith("{"):
                records.append(json.loads(line))

    out = threading.Thread(target=read, daemon=True)
    out.start()
    stopped = False
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        stopped = True
    out.join(5)
    reader.join(5)
    if proc.returncode and not stopped:
        raise RuntimeError(f"bench_analysis {args[0]} failed:\n{''.join(stderr)[-3000:]}")
    return records, stopped


def _step(records: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next((r for r in records if r.get("step") == name), {})


def _row(
    size: Any, benchmark: str, metric: str, value: Any, unit: str, target: str = "", notes: str = ""
) -> dict[str, Any]:
    return {
        "benchmark": benchmark,
        "size": size,
        "metric": metric,
        "value": value,
        "unit": unit,
        "target": target,
        "notes": notes,
    }


def _bench_size(size: str | int, work: Path, quick: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    prep, _ = _child(["prepare", str(work), str(size)])
    info = _step(prep, "prepared")
    frames = work / "frames.pkl"
    label = f"{size} ({info['relationships']:,} rels, {info['entities']:,} entities)"
    data_note = (
        f"generator seed {SEED}, mapped with the ingest mapping without the database "
        f"(generate {info['generate_s']} s, map {info['map_s']} s, not timed)"
    )

    ig, _ = _child(["igraph", str(frames)])
    base = _step(ig, "loaded")["peak_mb"]
    gp, ind, det = _step(ig, "graph pass"), _step(ig, "indicators"), _step(ig, "detect_networks")
    stages = _step(ig, "graph pass detail").get("seconds_by_stage", {})
    total = gp["seconds"] + ind["seconds"]
    is_1m = str(size) == "1m"
    rows.append(
        _row(
            label,
            "analysis: whole-graph pass, igraph + indicators",
            "seconds",
            round(total, 2),
            "s",
            f"< {PASS_TARGET_S:g} s at 1M" if is_1m else "",
            f"graph pass {gp['seconds']:.1f} s ("
            + ", ".join(f"{k} {v:.1f}" for k, v in stages.items())
            + f"); indicators {ind['seconds']:.1f} s; {data_note}",
        )
    )
    rows.append(
        _row(
            label,
            "analysis: whole-graph pass, igraph + indicators",
            "peak RSS",
            round(ind["peak_mb"], 0),
            "MB",
            "",
            f"ru_maxrss of the child; {base:.0f} MB after loading the tables, so the pass adds "
            f"{ind['peak_mb'] - base:.0f} MB",
        )
    )
    rows.append(
        _row(
            label,
            "analysis: detect_networks (hubs, CPM Leiden, flags)",
            "seconds",
            round(det["seconds"], 2),
            "s",
            "",
            f"peak RSS {det['peak_mb']:.0f} MB after it; "
            f"{_step(ig, 'done').get('networks')} candidate networks",
        )
    )

    timeout = min(NX_MAX_TIMEOUT_S, max(NX_MIN_TIMEOUT_S, 25 * gp["seconds"]))
    t = time.perf_counter()
    nx_rec, stopped = _child(["networkx", str(frames)], timeout=timeout)
    wall = time.perf_counter() - t
    finished = {r["step"][3:]: r["seconds"] for r in nx_rec if r.get("step", "").startswith("nx ")}
    nx_peak = max((r.get("peak_mb", 0.0) for r in nx_rec), default=0.0)
    order = ["encode", "build", "components", "pagerank", "communities", "betweenness"]
    done_note = ", ".join(f"{k} {finished[k]:.1f}" for k in order if k in finished)
    if stopped:
        running = next((k for k in order if k not in finished), "?")
        value: Any = f">{wall:.0f} (stopped)"
        speed: Any = f">={wall / gp['seconds']:.0f}"
        nx_note = f"stopped after {wall:.0f} s during {running}; finished: {done_note}"
    else:
        nx_s = _step(nx_rec, "done")["seconds"]
        value = round(nx_s, 1)
        speed = round(nx_s / gp["seconds"], 1)
        nx_note = f"{done_note} (Louvain, betweenness k=256; PageRank in numpy, no SciPy)"
    rows.append(
        _row(label, "analysis: whole-graph pass, pure networkx", "seconds", value, "s", "", nx_note)
    )
    rows.append(
        _row(
            label,
            "analysis: whole-graph pass, pure networkx",
            "peak RSS",
            round(nx_peak, 0),
            "MB",
            "",
            "ru_maxrss of the child (at stop, if stopped)",
        )
    )
    rows.append(
        _row(
            label,
            "analysis: speedup igraph vs networkx (graph pass)",
            "x",
            speed,
            "x",
            f">= {SPEEDUP_TARGET:g}x at 1M" if is_1m else "",
            f"networkx graph pass / igraph graph pass ({gp['seconds']:.1f} s); "
            "the indicators are the same pandas code in both",
        )
    )
    return rows


def _bench_oib(work: Path) -> list[dict[str, Any]]:
    _child(["prepare", str(work), str(OIB_SIZE)])
    rec, _ = _child(["oib", str(work / "frames.pkl")])
    loaded, done = _step(rec, "loaded"), _step(rec, "done")
    parts = ", ".join(
        f"{s} {_step(rec, s)['seconds']:.2f} s" for s in ("build_oib", "oib_html", "oib_pdf")
    )
    label = f"{loaded['nodes']} nodes, {loaded['facts']} facts"
    if done.get("problem"):
        parts += (
            f"; NOTE: oib_pdf raised {done['problem']} on this subgraph; timed again with "
            "indicator evidence lists cut to 40 refs (first attempt included in the seconds)"
        )
    return [
        _row(
            label,
            "OIB: build + HTML + PDF",
            "seconds",
            round(done["seconds"], 2),
            "s",
            f"< {OIB_TARGET_S:g} s",
            f"{parts}; subgraph around a suspect of the {OIB_SIZE} data "
            f"set; PDF {done['pdf_kb']} KB",
        ),
        _row(
            label,
            "OIB: build + HTML + PDF",
            "peak RSS",
            round(done["peak_mb"], 0),
            "MB",
            "",
            f"ru_maxrss of the child ({loaded['peak_mb']:.0f} MB after loading the tables)",
        ),
    ]


# ----------------------------------------------------------------------------- quality

#: Materials of the quality rows: (kind, seed, size); gen2 and realnets only when present.
QUALITY_FULL: tuple[tuple[str, int, Any], ...] = (
    ("synth", 1, "demo"),
    ("gen2", 1, 1.0),
    ("gen2", 2, 1.0),
    ("gen2", 3, 1.0),
    ("gen3", 1, 1.0),
    ("gen3", 2, 1.0),
    ("gen4", 1, 1.0),
    ("gen4", 2, 1.0),
)
#: gen2 seeds the analysis was tuned on (their rows carry no bars); the others are reported.
GEN2_TUNING_SEEDS = frozenset({1, 4})
QUALITY_QUICK: tuple[tuple[str, int, Any], ...] = (("synth", 1, "small"), ("gen2", 1, 0.25))
#: Issue bars, on material the analysis was not tuned on.
BARS = {"recall": 0.9, "precision": 0.9, "organiser_identification": 0.8}
SAME_PERSON_BARS = {"recall": 0.9, "precision": 0.98}
TOP_NETWORKS = 20


def child_quality(kind: str, seed: int, size: str, work: Path) -> None:
    """Detection, organisers, decoys and same-person on one material; one JSON record."""
    from benchmarks.eval.materials import measure, synth_material

    if kind in ("gen2", "gen3", "gen4", "gen5"):
        from benchmarks.eval.gen2_material import generator_material

        material = generator_material(kind, work, seed=seed, scale=float(size))
    else:
        material = synth_material(work, seed=seed, size=int(size) if size.isdigit() else size)
    result = measure(material, top=TOP_NETWORKS)
    result.pop("scenarios", None)
    _emit({"step": "quality", **result})


def child_realnets() -> None:
    from benchmarks.eval import realnets

    for name in realnets.TARGETS:
        _emit({"step": "realnet", **realnets.rank_report(name)})


def _bench_quality(quick: bool, work: Path) -> list[dict[str, Any]]:
    from benchmarks.eval import gen2_material, realnets

    rows: list[dict[str, Any]] = []
    for kind, seed, size in QUALITY_QUICK if quick else QUALITY_FULL:
        if kind in ("gen2", "gen3", "gen4") and not gen2_material.available():
            continue
        rec, _ = _child(["quality", kind, str(seed), str(size), str(work)])
        q = _step(rec, "quality")
        tuned = kind == "synth" or (kind == "gen2" and seed in GEN2_TUNING_SEEDS)
        label = f"{kind} seed {seed} {'scale ' if kind != 'synth' else ''}{size}"
        note = (
            "the project's own generator: tuned on, not evidence"
            if kind == "synth"
            else "independent generator, the seed tuned on: not evidence"
            if tuned
            else "independent generator, seed not tuned on"
        )
        for t, row in q["per_type"].items():
            for metric, bar in BARS.items():
                rows.append(
                    _row(
                        label,
                        f"analysis quality: {t}",
                        metric,
                        row[metric],
                        "share",
                        "" if tuned else f">= {bar:g}",
                        f"{note}; {row['scenarios']} networks; {q['networks']} detected in "
                        f"{q['facts']:,} facts",
                    )  # fmt: skip
                )
        d = q["decoys"]
        rows.append(
            _row(label, "analysis quality: decoys", f"in top {d['top']} networks", d["in_top"],
                 "decoys", "" if tuned else "0",
                 f"{note}; {d['decoys']} decoys: "
                 + ", ".join(f"{k} {v['in_top']}/{v['decoys']}" for k, v in d["by_type"].items()))
        )  # fmt: skip
        sp = q.get("same_person")
        if sp:
            for metric, bar in SAME_PERSON_BARS.items():
                rows.append(
                    _row(
                        label,
                        "analysis quality: same person",
                        metric,
                        sp[metric],
                        "share",
                        "" if tuned else f">= {bar:g}",
                        f"{note}; {sp['candidates']} candidates, {sp['pairs']} pairs, "
                        f"{sp['merged']} merged by the ingest",
                    )  # fmt: skip
                )
    if realnets.available():
        rec, _ = _child(["realnets"])
        for r in (x for x in rec if x.get("step") == "realnet"):
            for person, t in r["targets"].items():
                rows.append(
                    _row(f"{r['network']} (real)", "analysis: rank of a published role",
                         f"{person} ({t['role']})",
                         f"betweenness {t['plain']}, key players {t['key_players']}, "
                         f"organiser {t['organisers']}", "rank",
                         "", "plain networkx betweenness / key players / organiser score, "
                             "without the Investigation node; with it: "
                             f"{t['plain+inv']} / {t['key_players+inv']} / {t['organisers+inv']}")
                )  # fmt: skip
            changes = r["investigation_changes_ranks"]
            rows.append(
                _row(f"{r['network']} (real)", "analysis: Investigation node changes person ranks",
                     "key players / organisers", f"{changes['key_players']} / {changes['organisers']}",
                     "", "False / False",
                     f"plain networkx betweenness: {changes['plain']}; detected: {r['detected']}")
            )  # fmt: skip
    return rows


def run(quick: bool = False) -> list[dict[str, Any]]:
    """Benchmark rows for ``benchmarks/run.py`` (see the module notes)."""
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="emm-bench-quality-") as tmp:
        rows += _bench_quality(quick, Path(tmp))
    for size in QUICK_SIZES if quick else FULL_SIZES:
        with tempfile.TemporaryDirectory(prefix="emm-bench-analysis-") as tmp:
            rows += _bench_size(size, Path(tmp), quick)
    with tempfile.TemporaryDirectory(prefix="emm-bench-oib-") as tmp:
        rows += _bench_oib(Path(tmp))
    return rows


_QUALITY_PREFIXES = ("analysis quality", "analysis: rank", "analysis: Investigation")


def refresh_quality() -> None:
    """Run only the quality rows and write them into ``results.json``/``results.md``, keeping
    the timing rows of the previous full run, each noted with when it was measured."""
    from datetime import UTC, datetime

    from benchmarks import run as bench_run

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="emm-bench-quality-") as tmp:
        rows = _bench_quality(False, Path(tmp))
    modules = bench_run.load_previous()
    old = modules.get("analysis", {})
    when = old.get("ran_at", "?")
    for row in old.get("rows", []):
        if not str(row["benchmark"]).startswith(_QUALITY_PREFIXES):
            note = row.get("notes") or ""
            if "measured at" not in note:
                note = f"measured at {when} (full run, not repeated){'; ' + note if note else ''}"
            rows.append({**row, "notes": note})
    modules["analysis"] = {
        "quick": False,
        "ran_at": datetime.now(UTC).isoformat(),
        "seconds": round(time.perf_counter() - started, 1),
        "machine": bench_run.machine(),
        "rows": rows,
        "note": f"quality rows refreshed; timing rows from the full run at {when}",
    }
    payload = {"written_at": datetime.now(UTC).isoformat(), "modules": modules}
    bench_run.RESULTS_JSON.write_text(
        json.dumps(payload, indent=2, ensure_ascii=False) + "\n", "utf-8"
    )
    bench_run.RESULTS_MD.write_text(bench_run.to_markdown(modules) + "\n", encoding="utf-8")
    for row in rows:
        print(f"  {row['benchmark']} [{row['size']}] {row['metric']}: {row['value']} {row['unit']}")


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "prepare":
        size: str | int = int(argv[2]) if argv[2].isdigit() else argv[2]
        child_prepare(Path(argv[1]), size)
    elif len(argv) >= 5 and argv[0] == "quality":
        child_quality(argv[1], int(argv[2]), argv[3], Path(argv[4]))
    elif argv and argv[0] == "realnets":
        child_realnets()
    elif argv and argv[0] == "refresh-quality":
        refresh_quality()
    elif len(argv) >= 2 and argv[0] in ("igraph", "networkx", "oib"):
        {"igraph": child_igraph, "networkx": child_networkx, "oib": child_oib}[argv[0]](
            Path(argv[1])
        )
    elif argv and argv[0] == "run":
        for row in run(quick="--quick" in argv):
            print(json.dumps(row, ensure_ascii=False))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
