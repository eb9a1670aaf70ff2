"""gen4: a fourth, independent generator of deliveries with planted networks.

Evaluation material for the network analysis, written from the documentation alone (see
README.md for what was and was not read). ``generate(out_dir, seed, scale)`` writes
``out_dir/deliveries/<delivery_id>/`` and ``out_dir/truth.json`` and returns statistics.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Any

from . import background
from .decoys import DECOYS
from .nets_a import LABOUR, SEXUAL
from .nets_b import CRIMINAL, SMUGGLING
from .world import Net, World
from .writer import Renderer, Written, plan, write_delivery

__all__ = ["NETWORKS_PER_SCENARIO", "SCENARIOS", "generate"]

SCENARIOS = {"sexual": SEXUAL, "labour": LABOUR, "criminal": CRIMINAL, "smuggling": SMUGGLING}
_CODE = {"sexual": "SEX", "labour": "LAB", "criminal": "CRI", "smuggling": "SMU"}
#: Networks per scenario at scale 1 (scaled and rounded below it, at least 1).
NETWORKS_PER_SCENARIO = {"sexual": 7, "labour": 7, "criminal": 6, "smuggling": 7}

CONVENTIONS = {
    "wage": "EMPLOYED_BY.wage is the gross hourly wage in euros (statutory minimum about 14 euros)",
    "person_keys": "G4P00001...: one key per true person; records[key] lists its Person record refs",
    "record_refs": "<delivery_id>/<record_id>",
    "network_ids": "N4-SEX-01, N4-LAB-01, N4-CRI-01, N4-SMU-01...",
    "decoy_ids": "D4-01...",
    "members": "person keys of the network (or decoy) that occur in at least one delivery",
    "roles": "person key -> role string (see README)",
    "birth_dates": "01-01-jjjj is a placeholder for an unknown day and month (IND, KMAR); a 00-00 "
    "registration is delivered without a birth date",
}


def build(seed: int, scale: float) -> World:
    """The true world: background setup, networks, decoys, background population."""
    w = World(seed, scale)
    background.setup(w)
    rng = w.rng
    for scenario, variants in SCENARIOS.items():
        n = max(1, round(NETWORKS_PER_SCENARIO[scenario] * scale))
        names = sorted(variants)
        rng.shuffle(names)
        for i in range(n):
            variant = names[i % len(names)]
            builder, (lo, hi) = variants[variant]
            net = Net(f"N4-{_CODE[scenario]}-{i + 1:02d}", scenario, variant)
            net.notes = (builder.__doc__ or "").split("\n\n")[0].replace("\n    ", " ").strip()
            builder(w, net, rng.randint(lo, hi))
            w.nets.append(net)
    n_dec = len(DECOYS) if scale >= 0.5 else max(3, round(len(DECOYS) * scale * 2))
    kinds = sorted(DECOYS)
    rng.shuffle(kinds)
    for i, kind in enumerate(kinds[:n_dec]):
        fn, looks = DECOYS[kind]
        net = Net(f"D4-{i + 1:02d}", looks, kind, kind="decoy", looks_like=looks)
        net.notes = (fn.__doc__ or "").strip()
        fn(w, net)
        w.nets.append(net)
    background.fill(w)
    return w


def generate(out_dir: Path | str, seed: int, scale: float = 1.0) -> dict[str, Any]:
    """Write the deliveries and truth.json for ``seed`` and ``scale``; return statistics."""
    t0 = time.process_time()
    out = Path(out_dir)
    deliveries_dir = out / "deliveries"
    if deliveries_dir.exists():
        shutil.rmtree(deliveries_dir)
    deliveries_dir.mkdir(parents=True)
    w = build(seed, scale)
    rng = random.Random(f"gen4-write/{seed}/{scale}")
    deliveries = plan(w, rng)
    renderer = Renderer(rng)
    written = Written()
    for d in deliveries:
        write_delivery(d, deliveries_dir, rng, renderer, written)
    truth = _truth(w, written)
    (out / "truth.json").write_text(
        json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    per_scenario = Counter(n["scenario"] for n in truth["networks"])
    return {
        "seed": seed,
        "scale": scale,
        "deliveries": len(deliveries),
        "deliveries_per_party": {
            p: written.per_party[p] for p in ("POL", "KMAR", "ISZW", "IND", "OM")
        },
        "relationships": written.links,
        "entity_rows": written.entity_rows,
        "person_rows": written.person_rows,
        "persons": len(truth["records"]),
        "same_person_groups": len(truth["same_person"]),
        "not_same_person_pairs": len(truth["not_same_person"]),
        "networks": len(truth["networks"]),
        "networks_per_scenario": {s: per_scenario[s] for s in SCENARIOS},
        "decoys": len(truth["decoys"]),
        "network_sizes": {
            n["id"]: [n["variant"], len(n["members"]), len(n["organisers"])]
            for n in truth["networks"]
        },
        "network_persons": sum(len(n["members"]) for n in truth["networks"]),
        "decoy_persons": sum(len(d["members"]) for d in truth["decoys"]),
        "cpu_seconds": round(time.process_time() - t0, 1),
    }


def _truth(w: World, written: Written) -> dict[str, Any]:
    records = {k: sorted(v) for k, v in sorted(written.records.items())}
    labels = {p.key: p.label for p in w.persons if p.key in records}
    networks, decoys = [], []
    for net in w.nets:
        members = sorted(k for k in net.members if k in records)
        dropped = len(net.members) - len(members)
        notes = net.notes
        if dropped:
            notes += f" ({dropped} member(s) never reach a party and are left out.)"
        if net.kind == "network":
            networks.append({
                "id": net.id, "scenario": net.scenario, "variant": net.variant, "members": members,
                "organisers": [k for k in net.organisers if k in records],
                "roles": {k: net.members[k] for k in members}, "planted": list(net.planted), "notes": notes,
            })  # fmt: skip
        else:
            decoys.append(
                {
                    "id": net.id,
                    "kind": net.variant,
                    "members": members,
                    "looks_like": net.looks_like,
                    "notes": notes,
                }
            )
    not_same = [
        {"a": a.key, "b": b.key, "why": why, "refs_a": records[a.key], "refs_b": records[b.key]}
        for a, b, why in w.not_same
        if a.key in records and b.key in records
    ]
    return {
        "networks": networks,
        "decoys": decoys,
        "same_person": [refs for refs in records.values() if len(refs) > 1],
        "not_same_person": not_same,
        "records": records,
        "labels": labels,
        "conventions": CONVENTIONS,
    }
