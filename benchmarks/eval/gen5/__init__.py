"""gen5: a fifth independent generator of deliveries with planted networks (held-out material).

Written from the documentation only (see README.md, "Independence statement"). The output is
deterministic for a seed and scale::

    from benchmarks.eval.gen5 import generate
    stats = generate(Path("var/gen5-1"), seed=1, scale=1.0)

writes ``deliveries/<delivery_id>/`` (manifest and record files) and ``truth.json``.
"""

from __future__ import annotations

import json
import random
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.eval.gen5.common import truth_entry
from benchmarks.eval.gen5.networks import plant_all
from benchmarks.eval.gen5.ordinary import background, decoys, infrastructure, lookalikes
from benchmarks.eval.gen5.world import World
from benchmarks.eval.gen5.writer import ID_SCHEMES, Output, check_rel_endpoints, schedule

__all__ = ["generate"]


def generate(out_dir: Path, seed: int = 1, scale: float = 1.0) -> dict[str, Any]:
    """Write gen5 deliveries and ``truth.json`` into ``out_dir`` (emptied first); return stats."""
    out = Path(out_dir)
    if (out / "deliveries").exists():
        shutil.rmtree(out / "deliveries")
    out.mkdir(parents=True, exist_ok=True)
    w = World(seed)
    infrastructure(w, scale)
    background(w, scale)
    lookalikes(w)
    casts = plant_all(w, scale)
    dec = decoys(w, scale)
    check_rel_endpoints(w)
    deliveries = schedule(w)
    deliveries.sort(key=lambda d: d.did)
    rng = random.Random(seed * 104729 + 17)
    output = Output(out, w)
    for d in deliveries:
        output.write(d, random.Random(rng.random()))
    records = {k: v for k, v in sorted(output.records.items())}
    by_key = {p.key: p for p in w.persons}
    networks = []
    for c in casts:
        entry = truth_entry(c)
        missing = [k for k in entry["members"] if k not in records]
        entry["members"] = [k for k in entry["members"] if k in records]
        entry["organisers"] = [k for k in entry["organisers"] if k in records]
        entry["roles"] = {k: v for k, v in entry["roles"].items() if k in records}
        if missing:
            entry["notes"] += f"; {len(missing)} member(s) reached no party and are left out"
        networks.append(entry)
    decoy_entries = []
    for c in dec:
        decoy_entries.append(
            {
                "id": c.gid,
                "kind": c.variant,
                "members": [p.key for p in c.members if p.key in records],
                "looks_like": c.scenario,
                "notes": c.notes,
            }
        )
    labels = {k: by_key[k].label for k in records}
    not_same = [
        {"a": a.key, "b": b.key, "why": why, "refs_a": records[a.key], "refs_b": records[b.key]}
        for a, b, why in w.truth.not_same
        if a.key in records and b.key in records
    ]
    same_person = [refs for refs in records.values() if len(refs) > 1]
    truth: dict[str, Any] = {
        "networks": networks,
        "decoys": decoy_entries,
        "same_person": same_person,
        "not_same_person": not_same,
        "records": records,
        "labels": labels,
        "conventions": {
            "wage": "gross hourly wage in euros (EMPLOYED_BY.wage)",
            "person_keys": "G5P + 5 digits",
            "record_ids": ID_SCHEMES,
            "network_ids": "N5-SEX-01, N5-LAB-01, N5-CRI-01, N5-SMU-01 ...",
            "decoy_ids": "D5-01 ...",
            "birth_date_placeholder": "KMAR and IND register undocumented migrants on 01-01 of "
            "the birth year; IND delivers a fifth of them without a birth date",
            "generator": "benchmarks.eval.gen5",
            "seed": seed,
            "scale": scale,
        },
    }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n")
    label_counts = Counter(labels.values())
    in_networks = sum(n for lab, n in label_counts.items() if lab.startswith("N5-"))
    in_decoys = sum(n for lab, n in label_counts.items() if lab.startswith("D5-"))
    net_rel = sum(c.facts[1] - c.facts[0] for c in casts)
    stats: dict[str, Any] = dict(output.stats)
    stats.update(
        persons=len(records),
        same_person_groups=len(same_person),
        not_same_person_pairs=len(not_same),
        networks=len(networks),
        networks_per_scenario=dict(Counter(n["scenario"] for n in networks)),
        decoys=len(decoy_entries),
        persons_in_networks=in_networks,
        persons_in_decoys=in_decoys,
        network_relationships=net_rel,
        network_relationship_share=round(net_rel / max(1, stats.get("relationships", 1)), 3),
        sizes={n["id"]: [n["variant"], len(n["members"]), len(n["organisers"])] for n in networks},
    )
    return stats
