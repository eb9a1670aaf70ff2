"""A second, independent generator of party deliveries with planted THB and smuggling networks.

Written without reading the project's own generator or analysis code, from the delivery
format and public case typologies, to measure network detection, organiser identification,
indicators and same-person resolution on material the code under test was not tuned on.
See ``README.md`` next to this file for every variant, decoy and same-person variation.

>>> from pathlib import Path
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     summary = generate(Path(d), seed=3, scale=0.05)
>>> summary["networks"] > 10 and summary["relationships"] > 500
True
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from . import background, criminal, decoys, kit, labour, sexual, smuggling
from .features import DECOY_FEATURES, FEATURES, VARIANT_FEATURES
from .world import World
from .writer import write_deliveries

__all__ = ["generate"]


def generate(out_dir: Path, *, seed: int, scale: float = 1.0) -> dict[str, Any]:
    """Write deliveries to ``out_dir/deliveries/`` and the ground truth to ``out_dir/truth.json``.

    Deterministic given ``seed`` and ``scale``. At ``scale=1`` about 30,000 to 35,000 link rows
    (relationships). Returns a summary with counts.
    """
    out_dir = Path(out_dir)
    w = World(seed, scale)
    pools = background.background(w)
    shared = decoys.decoys(w, pools)
    sexual.build(w, pools, shared)
    labour.build(w, pools, shared)
    criminal.build(w, pools, shared)
    smuggling.build(w, pools, shared)
    decoys.noise_investigations(w, pools)
    for n in w.networks:
        kit.embed(w, list(n.roles), pools, share=0.3)
    for d in w.decoys:
        kit.embed(w, d["members"], pools, share=0.1)
    written = write_deliveries(w, out_dir / "deliveries")
    truth = _truth(w, written["records"])
    (out_dir / "truth.json").write_text(
        json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    rels = Counter(f.rel for f in w.facts)
    return {
        "seed": seed,
        "scale": scale,
        "deliveries": len(written["deliveries"]),
        "entity_rows": sum(d["entities"] for d in written["deliveries"].values()),
        "relationships": sum(d["links"] for d in written["deliveries"].values()),
        "relationships_by_type": dict(sorted(rels.items())),
        "persons": len(truth["records"]),
        "person_records": sum(len(v) for v in truth["records"].values()),
        "networks": len(truth["networks"]),
        "network_persons": sum(len(n["members"]) for n in truth["networks"]),
        "decoys": len(truth["decoys"]),
        "same_person_groups": len(truth["same_person"]),
    }


_NAME_TAGS = frozenset(
    {
        "name_order",
        "transliteration",
        "diacritics",
        "typo",
        "patronymic_dropped",
        "working_name",
        "alias",
        "false_identity",
    }
)
_DOB_TAGS = frozenset(
    {"placeholder_dob", "unknown_0101", "missing_dob", "day_month_swapped", "false_identity"}
)


def _variations(recs: list[tuple[str, list[str], dict[str, Any]]]) -> dict[str, Any]:
    """Which differences really occur between the records of one person.

    A tag counts only when the field it concerns differs between records: two records that
    both use the same unusual transliteration are not a transliteration variation.
    """

    def fold(s: str) -> str:
        return " ".join(
            "".join(
                c.lower() if c.isalnum() else " "
                for c in unicodedata.normalize("NFKD", s)
                if not unicodedata.combining(c)
            ).split()
        )

    names = {fold(str(f.get("name", ""))) for _, _, f in recs}
    dobs = {str(f.get("birth_date", "")) for _, _, f in recs}
    bsns = {bool(f.get("bsn")) for _, _, f in recs}
    tags: set[str] = set()
    for _, ts, _ in recs:
        for t in ts:
            if (
                (t in _NAME_TAGS and len(names) > 1)
                or (t in _DOB_TAGS and len(dobs) > 1)
                or (t == "bsn_partial" and len(bsns) > 1)
            ):
                tags.add(t)
    return {
        "variations": sorted(tags),
        "same_name": len(names) == 1,
        "same_birth_date": len(dobs) == 1,
        "bsn_in_all": bsns == {True},
        "bsn_in_some": True in bsns,
    }


def _truth(
    w: World, records: dict[str, list[tuple[str, list[str], dict[str, Any]]]]
) -> dict[str, Any]:
    networks = []
    for n in w.networks:
        members = [k for k in n.roles if k in records]
        if len(members) != len(n.roles):
            missing = [f"{k}:{n.roles[k]}" for k in n.roles if k not in records]
            raise AssertionError(f"{n.id} {n.variant}: members without any record: {missing}")
        networks.append(
            {
                "id": n.id,
                "scenario": n.scenario,
                "variant": n.variant,
                "members": members,
                "organisers": [k for k in n.organisers if k in records],
                "roles": {k: n.roles[k] for k in members},
                "planted": list(VARIANT_FEATURES[n.variant]),
                "notes": n.notes,
            }
        )
    decoy_list = [
        {
            **d,
            "members": [k for k in d["members"] if k in records],
            "looks_like": list(DECOY_FEATURES[d["kind"]]),
        }
        for d in w.decoys
    ]
    same_person = []
    details = []
    for key, recs in records.items():
        if len(recs) < 2:
            continue
        refs = [r for r, _, _ in recs]
        same_person.append(refs)
        details.append({"person": key, "refs": refs, **_variations(recs)})
    lookalikes = []
    for a, b, why in w.lookalikes:
        if a.key in records and b.key in records:
            lookalikes.append(
                {
                    "a": a.key,
                    "b": b.key,
                    "why": why,
                    "refs_a": [r for r, _, _ in records[a.key]],
                    "refs_b": [r for r, _, _ in records[b.key]],
                }
            )
    return {
        "generator": "benchmarks.eval.gen2",
        "seed": w.seed,
        "scale": w.scale,
        "conventions": {
            "wage": "EMPLOYED_BY.wage is the gross hourly wage in euros",
            "minimum_wage_hourly_eur": {
                "2024-01-01": 13.27,
                "2024-07-01": 13.68,
                "2025-01-01": 14.06,
            },
            "minimum_wage_note": (
                "before 2024 the hourly minimum depended on the working week; wages in networks "
                "are at most 12.00 (workers at most 10.50), ordinary and decoy wages at least 14.40, "
                "except a benign administrative error for 3 % of ordinary workers (13.60 to 14.00)"
            ),
            "record_ref": "<delivery_id>/<record_id> of a Person entity row",
            "features": FEATURES,
        },
        "networks": networks,
        "decoys": decoy_list,
        "same_person": same_person,
        "same_person_details": details,
        "not_same_person": lookalikes,
        "records": {k: [r for r, _, _ in v] for k, v in records.items()},
        "labels": {h.key: h.label for h in w.humans if h.key in records},
    }
