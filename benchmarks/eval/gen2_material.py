"""The independent generator (``benchmarks/eval/gen2``) as an evaluation material.

gen2 was written by someone who had not read the analysis code; the analysis is never tuned on
it. This adapter knows only its documented interface (``gen2/README.md``): ``generate(out_dir,
seed=, scale=)`` writes ``out_dir/deliveries`` and ``out_dir/truth.json`` with

* ``networks``: ``{id, scenario, variant, members, organisers, ...}``, members and organisers as
  person keys;
* ``decoys``: ``{id, kind, members, ...}``;
* ``same_person``: groups of record refs ``"<delivery_id>/<record_id>"`` that are one person;
* ``records``: person key -> all record refs of that person.

Person keys become the uids of all their records (a person is found when any of their records
is), same-person groups become pairs (first record with each other one).
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

from benchmarks.eval.materials import Material

__all__ = [
    "available",
    "gen2_material",
    "gen3_material",
    "generator_material",
    "resolve_gen2_truth",
]

GEN2 = Path(__file__).resolve().parent / "gen2"


def available() -> bool:
    return (GEN2 / "__init__.py").exists()


def _split(ref: str) -> dict[str, str]:
    delivery, _, record = ref.partition("/")
    return {"delivery_id": delivery, "record_id": record}


def resolve_gen2_truth(out: Path, nodes: Any) -> Any:
    """gen2's ``truth.json`` as a :class:`ResolvedTruth` over the node table's uids."""
    from emm.graph.analysis.evaluate import ResolvedScenario, ResolvedTruth, same_groups
    from emm.synth.resolve import RefResolver

    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    resolver = RefResolver(out / "deliveries", nodes)
    records: dict[str, list[str]] = truth["records"]
    wanted = [_split(r) for refs in records.values() for r in refs]
    for group in truth["same_person"]:
        wanted += [_split(r) for r in group]
    uid = resolver.resolve(wanted)

    def uids_of(person: str) -> set[str]:
        out_ = set()
        for r in records.get(person, []):
            ref = _split(r)
            u = uid.get((ref["delivery_id"], ref["record_id"]))
            if u:
                out_.add(u)
        return out_

    def scenario(row: dict[str, Any], kind_key: str) -> ResolvedScenario:
        members = set().union(*(uids_of(p) for p in row["members"])) if row["members"] else set()
        organisers = set()
        for p in row.get("organisers", []):
            organisers |= uids_of(p)
        return ResolvedScenario(
            id=row["id"],
            type=row[kind_key],
            members=frozenset(members),
            organisers=frozenset(organisers),
            refs=len(row["members"]),
            groups=tuple(frozenset(uids_of(p)) for p in row["members"]),
            organiser_groups=tuple(frozenset(uids_of(p)) for p in row.get("organisers", [])),
        )

    pairs: list[tuple[str | None, str | None]] = []
    for group in truth["same_person"]:
        refs = [_split(r) for r in group]
        ids = [uid.get((r["delivery_id"], r["record_id"])) for r in refs]
        pairs += [(ids[0], other) for other in ids[1:]]
    same = same_groups(pairs)
    return ResolvedTruth(
        scenarios=[scenario(n, "scenario") for n in truth["networks"]],
        pairs=pairs,
        same=same,
        decoys=[scenario(d, "kind") for d in truth.get("decoys", [])],
    )


def generator_material(name: str, workdir: Path, *, seed: int = 1, scale: float = 1.0) -> Material:
    """Generate material of the independent generator ``benchmarks.eval.<name>`` (``gen2`` or
    ``gen3`` or ``gen4``: all write the documented ``deliveries/`` + ``truth.json``) into ``workdir`` and
    map it to tables (no database)."""
    from emm.synth.resolve import frames_from_deliveries

    out = Path(workdir) / f"{name}-{seed}-{scale:g}"
    if not (out / "truth.json").exists():
        generator = importlib.import_module(f"benchmarks.eval.{name}")
        generator.generate(out, seed=seed, scale=scale)
    edges, nodes = frames_from_deliveries(out / "deliveries")
    truth = resolve_gen2_truth(out, nodes)
    return Material(f"{name} seed {seed} scale {scale:g}", edges, nodes, truth, {"dir": str(out)})


def gen2_material(workdir: Path, *, seed: int = 1, scale: float = 1.0) -> Material:
    """gen2 material (see :func:`generator_material`)."""
    return generator_material("gen2", workdir, seed=seed, scale=scale)


def gen3_material(workdir: Path, *, seed: int = 1, scale: float = 1.0) -> Material:
    """gen3 material: the third generator, held out (nobody tuned the analysis on it)."""
    return generator_material("gen3", workdir, seed=seed, scale=scale)
