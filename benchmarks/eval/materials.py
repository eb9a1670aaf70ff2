"""Evaluation materials and the measurements made on each, without a database.

A *material* is an edge table, a node table and a resolved ground truth
(:class:`emm.graph.analysis.evaluate.ResolvedTruth`). Materials:

* ``synth``: the project's own generator (:mod:`emm.synth`), turned into tables with the
  ingest's mapping (:func:`emm.synth.resolve.frames_from_deliveries`). The analysis was tuned
  on this one; its figures are not evidence of anything but the tuning.
* ``gen2``: the independent generator in ``benchmarks/eval/gen2`` (see :mod:`benchmarks.eval.gen2_material`),
  written without reading the analysis code. Reported on, never tuned on.
* ``realnets``: published criminal networks (:mod:`benchmarks.eval.realnets`).

:func:`measure` runs what the workbench runs (indicators, network detection, ranking,
organisers, same-person candidates) and scores it per scenario type.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Material", "measure", "synth_material"]


@dataclass
class Material:
    name: str
    edges: Any
    nodes: Any
    truth: Any
    info: dict[str, Any] = field(default_factory=dict)


def synth_material(workdir: Path, *, seed: int = 1, size: str | int = "small") -> Material:
    """Generate with the project's own generator into ``workdir`` and map to tables."""
    from emm.synth import generate
    from emm.synth.resolve import frames_from_deliveries, resolve_truth

    out = Path(workdir) / f"synth-{seed}-{size}"
    if not (out / "ground_truth.json").exists():
        generate(out, seed=seed, size=size)
    edges, nodes = frames_from_deliveries(out / "deliveries")
    truth = resolve_truth(out / "ground_truth.json", out / "deliveries", nodes)
    return Material(f"synth seed {seed} {size}", edges, nodes, truth, {"dir": str(out)})


def measure(
    material: Material,
    *,
    now: str = "2026-11-28",
    top: int = 20,
    same_person: bool = True,
    seed: int = 0,
) -> dict[str, Any]:
    """Detection per scenario type, decoys in the top networks, same-person candidates."""
    from emm.graph.analysis import (
        detect_networks,
        rank_networks,
        run_indicators,
        same_person_candidates,
    )
    from emm.graph.analysis.evaluate import score_decoys, score_networks, score_same_person

    edges, nodes, truth = material.edges, material.nodes, material.truth
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    hits = run_indicators((edges, nodes))
    seconds["indicators"] = time.perf_counter() - t
    t = time.perf_counter()
    networks = detect_networks((edges, nodes), hits=hits, seed=seed)
    seconds["detect_networks"] = time.perf_counter() - t
    ranked = rank_networks(networks, hits, now=now, data=(edges, nodes))
    ranked_ids = [s.network_id for s in ranked]
    t = time.perf_counter()
    nets = score_networks(truth, networks, (edges, nodes))
    seconds["score_networks"] = time.perf_counter() - t
    decoys = score_decoys(truth, networks, ranked_ids, top=top)
    result: dict[str, Any] = {
        "material": material.name,
        "facts": len(edges),
        "entities": len(nodes),
        "hits": len(hits),
        "networks": len(networks),
        "per_type": nets["per_type"],
        "scenarios": nets["scenarios"],
        "decoys": decoys,
        "seconds": seconds,
    }
    if same_person and truth.pairs:
        t = time.perf_counter()
        cands = same_person_candidates((edges, nodes))
        seconds["same_person"] = time.perf_counter() - t
        sp = score_same_person(truth, cands)
        result["same_person"] = {k: v for k, v in sp.items() if not k.endswith("_pairs")}
        result["same_person_missed"] = sp["missed_pairs"][:50]
        result["same_person_wrong"] = sp["wrong_pairs"][:50]
    return result


def table(result: dict[str, Any]) -> str:
    """The per-type figures as a small text table."""
    lines = [f"{result['material']}: {result['facts']} facts, {result['networks']} networks"]
    lines.append(f"{'type':<10} {'n':>3} {'recall':>7} {'precision':>9} {'org top3':>9}")
    for t, row in result["per_type"].items():
        lines.append(
            f"{t:<10} {row['scenarios']:>3} {row['recall']:>7.3f} {row['precision']:>9.3f} "
            f"{row['organiser_identification']:>9.3f}"
        )
    d = result["decoys"]
    lines.append(f"decoys in top {d['top']}: {d['in_top']} of {d['decoys']} {d['by_type']}")
    if "same_person" in result:
        sp = result["same_person"]
        lines.append(
            f"same person: recall {sp['recall']:.3f} precision {sp['precision']:.3f} "
            f"({sp['candidates']} candidates, {sp['pairs']} pairs)"
        )
    return "\n".join(lines)
