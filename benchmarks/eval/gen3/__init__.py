"""gen3: a third, independent generator of deliveries with planted trafficking and smuggling
networks, benign look-alikes and ground truth, for measuring the network analysis on
material nobody tuned on (issue #14). See README.md in this folder.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     stats = generate(pathlib.Path(d), seed=1, scale=0.05)
>>> sorted(stats["networks_per_scenario"])
['criminal', 'labour', 'sexual', 'smuggling']
"""

from __future__ import annotations

import json
import random
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.eval.gen3 import nets_criminal_smuggling as ncs
from benchmarks.eval.gen3 import nets_labour as nlb
from benchmarks.eval.gen3 import nets_sexual as nsx
from benchmarks.eval.gen3.background import everyday, look_alikes, make_life
from benchmarks.eval.gen3.decoys import DECOYS
from benchmarks.eval.gen3.plots import Decoy, Net
from benchmarks.eval.gen3.render import write
from benchmarks.eval.gen3.schedule import plan
from benchmarks.eval.gen3.world import World

__all__ = ["VARIANTS", "generate"]

#: scenario -> (variant name, builder, size range), the shapes planted per scenario type
VARIANTS = {
    "sexual": [("booking_desk", nsx.booking_desk, (10, 30)), ("loverboy_crew", nsx.loverboy_crew, (6, 16)),
               ("window_broker", nsx.window_broker, (12, 40)), ("webcam_studio", nsx.webcam_studio, (6, 18))],
    "labour": [("holiday_park_agency", nlb.holiday_park_agency, (25, 80)),
               ("greenhouse_gangmaster", nlb.greenhouse_gangmaster, (10, 35)),
               ("nail_salons", nlb.nail_salons, (6, 18)), ("cleaning_chain", nlb.cleaning_chain, (12, 40)),
               ("live_in_domestic", nlb.live_in_domestic, (5, 7))],
    "criminal": [("cuckooing", ncs.cuckooing, (8, 25)), ("forced_begging", ncs.forced_begging, (6, 20)),
                 ("identity_harvest", ncs.identity_harvest, (8, 30)), ("pickpocket_tour", ncs.pickpocket_tour, (8, 20))],
    "smuggling": [("lorry_hook_point", ncs.lorry_hook_point, (20, 60)),
                  ("lookalike_flights", ncs.lookalike_flights, (10, 30)),
                  ("taxi_shuttle", ncs.taxi_shuttle, (12, 40)), ("sponsor_fee", ncs.sponsor_fee, (10, 40))],
}  # fmt: skip
_PER_SCENARIO = {"sexual": 6, "labour": 7, "criminal": 5, "smuggling": 6}


def generate(out_dir: Path, seed: int, scale: float = 1.0) -> dict[str, Any]:
    """Write ``out_dir/deliveries/<id>/`` and ``out_dir/truth.json``; return statistics.

    Deterministic given ``seed`` and ``scale`` (no hash-order dependence).
    """
    out_dir = Path(out_dir)
    deliveries_dir = out_dir / "deliveries"
    if deliveries_dir.exists():
        shutil.rmtree(deliveries_dir)
    deliveries_dir.mkdir(parents=True)
    w = World(seed, scale)
    life = make_life(w)
    nets: list[Net] = []
    for scenario, variants in VARIANTS.items():
        order = list(variants)
        w.rng.shuffle(order)
        count = max(1, round(_PER_SCENARIO[scenario] * min(scale, 1.0))) if scale < 1 else \
            round(_PER_SCENARIO[scenario] * scale)  # fmt: skip
        for i in range(count):
            name, build, (lo, hi) = order[i % len(order)]
            net = Net(f"N3-{scenario[:3].upper()}-{i + 1:02d}", scenario, name)
            build(w, life, net, w.rng.randint(lo, hi))
            nets.append(net)
    decoys: list[Decoy] = []
    n_decoys = len(DECOYS) if scale >= 0.5 else max(4, round(len(DECOYS) * scale * 2))
    for i in range(n_decoys):
        kind, looks, build_decoy = DECOYS[i % len(DECOYS)]
        d = Decoy(f"D3-{i + 1:02d}", kind, looks)
        build_decoy(w, life, d)
        decoys.append(d)
    everyday(w, life)
    pairs = look_alikes(w, life)
    plan_rng = random.Random(seed * 31 + 17)
    deliveries = plan(w, plan_rng)
    records: dict[str, list[str]] = {}
    rels = 0
    ent_rows = 0
    for dl in deliveries:
        counts = write(dl, deliveries_dir, plan_rng)
        rels += counts["links"]
        ent_rows += counts["entities"]
        for key, refs in dl.person_refs.items():
            records.setdefault(key, []).extend(refs)
    truth = _truth(w, nets, decoys, pairs, records)
    (out_dir / "truth.json").write_text(
        json.dumps(truth, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    return _stats(seed, scale, deliveries, nets, decoys, truth, rels, ent_rows)


def _truth(w: World, nets: list[Net], decoys: list[Decoy], pairs: list[dict[str, Any]],
           records: dict[str, list[str]]) -> dict[str, Any]:  # fmt: skip
    ordered = {k: records[k] for k in sorted(records)}
    networks = []
    for n in nets:
        t = n.truth()
        unseen = [k for k in t["members"] if k not in ordered]
        t["members"] = [k for k in t["members"] if k in ordered]
        t["organisers"] = [k for k in t["organisers"] if k in ordered]
        t["roles"] = {k: v for k, v in t["roles"].items() if k in ordered}
        if unseen:
            t["notes"] = (
                t["notes"] + f" {len(unseen)} member(s) never registered, left out."
            ).strip()
        networks.append(t)
    dec = []
    for d in decoys:
        t = d.truth()
        t["members"] = [k for k in t["members"] if k in ordered]
        dec.append(t)
    nsp = []
    for p in pairs:
        if p["a"] in ordered and p["b"] in ordered:
            nsp.append({**p, "refs_a": ordered[p["a"]], "refs_b": ordered[p["b"]]})
    return {
        "generator": "benchmarks.eval.gen3",
        "networks": networks,
        "decoys": dec,
        "same_person": [refs for refs in ordered.values() if len(refs) > 1],
        "not_same_person": nsp,
        "records": ordered,
        "labels": {k: w.persons[k].label for k in ordered},
        "conventions": {
            "wage": "gross hourly wage in euros; statutory minimum about 13.27-14.06 (2024-2025)",
            "person_keys": "G3P + 5 digits",
            "network_ids": "N3-<SCN>-<nn>",
            "decoy_ids": "D3-<nn>",
        },  # fmt: skip
    }


def _stats(seed: int, scale: float, deliveries: list[Any], nets: list[Net], decoys: list[Decoy],
           truth: dict[str, Any], rels: int, ent_rows: int) -> dict[str, Any]:  # fmt: skip
    per = Counter(n["scenario"] for n in truth["networks"])
    return {
        "seed": seed,
        "scale": scale,
        "deliveries": len(deliveries),
        "deliveries_per_party": dict(sorted(Counter(d.party for d in deliveries).items())),
        "relationships": rels,
        "entity_rows": ent_rows,
        "persons": len(truth["records"]),
        "person_records": sum(len(v) for v in truth["records"].values()),
        "same_person_groups": len(truth["same_person"]),
        "not_same_person": len(truth["not_same_person"]),
        "networks_per_scenario": dict(sorted(per.items())),
        "network_sizes": {
            n["id"]: [n["variant"], len(n["members"]), len(n["organisers"])]
            for n in truth["networks"]
        },
        "decoys": {d["id"]: [d["kind"], len(d["members"])] for d in truth["decoys"]},
        "labelled_background": sum(1 for v in truth["labels"].values() if v == "background"),
    }
