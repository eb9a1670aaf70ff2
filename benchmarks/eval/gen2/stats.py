"""Tables about generated material: ``python -m benchmarks.eval.gen2.stats DIR [DIR ...]``.

Prints Markdown: networks per variant (instances, sizes, organisers), decoys per kind, rows
and relationships, and how many same-person groups the loader's own identity rule (same BSN,
or same name and birth date) already merges completely, using the loader's public mapping
(:func:`emm.ingest.mapping.map_entity`) on the files as written.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any


def loader_keys(deliveries: Path) -> dict[str, str]:
    """Record ref -> the Person node key the loader gives it."""
    from emm.ingest.delivery import iter_rows, load_manifest
    from emm.ingest.mapping import DeliveryContext, map_entity

    keys: dict[str, str] = {}
    for manifest_path in sorted(deliveries.glob("*/manifest.json")):
        folder = manifest_path.parent
        m = load_manifest(folder)
        ctx = DeliveryContext(m.delivery_id, m.party, m.legal_basis)
        for spec in m.files:
            if spec.kind != "entities":
                continue
            for _, row in iter_rows(folder / spec.path, spec.encoding):
                if isinstance(row, str) or row.get("type") != "Person":
                    continue
                keys[f"{m.delivery_id}/{row['record_id']}"] = map_entity(row, ctx).key
    return keys


def summarise(root: Path) -> dict[str, Any]:
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    rows = links = 0
    per_party: dict[str, Counter[str]] = defaultdict(Counter)
    for manifest_path in (root / "deliveries").glob("*/manifest.json"):
        m = json.loads(manifest_path.read_text(encoding="utf-8"))
        per_party[m["party"]]["deliveries"] += 1
        for f in m["files"]:
            path = manifest_path.parent / f["path"]
            n = sum(1 for line in path.read_bytes().splitlines() if line.strip())
            n -= 1 if path.suffix == ".csv" else 0
            rows += n
            links += n if f["kind"] == "links" else 0
            per_party[m["party"]][f["kind"]] += n
    keys = loader_keys(root / "deliveries")
    merged = sum(1 for g in truth["same_person"] if len({keys[r] for r in g}) == 1)
    collisions = sum(
        1
        for p in truth["not_same_person"]
        if {keys[r] for r in p["refs_a"]} & {keys[r] for r in p["refs_b"]}
    )
    variations = Counter(v for d in truth["same_person_details"] for v in d["variations"])
    return {
        "seed": truth["seed"],
        "rows": rows,
        "relationships": links,
        "entity_rows": rows - links,
        "deliveries": len(list((root / "deliveries").glob("*/manifest.json"))),
        "per_party": per_party,
        "persons": len(truth["records"]),
        "person_records": sum(len(v) for v in truth["records"].values()),
        "networks": truth["networks"],
        "decoys": truth["decoys"],
        "same_person_groups": len(truth["same_person"]),
        "same_person_merged_by_loader": merged,
        "variations": variations,
        "not_same_person": len(truth["not_same_person"]),
        "not_same_person_merged_by_loader": collisions,
    }


def markdown(summaries: list[dict[str, Any]]) -> str:
    seeds = [s["seed"] for s in summaries]
    out = []
    head = (
        "| scenario | variant | "
        + " | ".join(f"seed {s}: sizes (organisers)" for s in seeds)
        + " |"
    )
    out += [head, "|" + "---|" * (2 + len(seeds))]
    variants: dict[tuple[str, str], list[list[str]]] = defaultdict(lambda: [[] for _ in seeds])
    for i, s in enumerate(summaries):
        for n in s["networks"]:
            variants[(n["scenario"], n["variant"])][i].append(
                f"{len(n['members'])} ({len(n['organisers'])})"
            )
    for (scen, var), cells in variants.items():
        out.append(f"| {scen} | `{var}` | " + " | ".join(", ".join(c) for c in cells) + " |")
    out += [
        "",
        "| decoy kind | " + " | ".join(f"seed {s}: count, members" for s in seeds) + " |",
        "|---|" + "---|" * len(seeds),
    ]
    kinds: dict[str, list[str]] = defaultdict(lambda: ["" for _ in seeds])
    for i, s in enumerate(summaries):
        c: dict[str, list[int]] = defaultdict(list)
        for d in s["decoys"]:
            c[d["kind"]].append(len(d["members"]))
        for k, sizes in c.items():
            kinds[k][i] = f"{len(sizes)}, {sum(sizes)}"
    for k, texts in kinds.items():
        out.append(f"| `{k}` | " + " | ".join(texts) + " |")
    out += [
        "",
        "| total | " + " | ".join(f"seed {s}" for s in seeds) + " |",
        "|---|" + "---|" * len(seeds),
    ]
    for label, key in (
        ("deliveries", "deliveries"), ("rows (entities + links)", "rows"), ("entity rows", "entity_rows"),
        ("relationships (link rows)", "relationships"), ("persons (true)", "persons"), ("person records", "person_records"),
        ("same-person groups", "same_person_groups"), ("... fully merged by the loader's identity rule", "same_person_merged_by_loader"),
        ("not-same-person pairs", "not_same_person"), ("... wrongly merged by the loader's identity rule", "not_same_person_merged_by_loader"),
    ):  # fmt: skip
        out.append(f"| {label} | " + " | ".join(f"{s[key]:,}" for s in summaries) + " |")
    for party in ("POL", "KMAR", "ISZW", "IND", "OM"):
        counts = [s["per_party"][party] for s in summaries]
        row = [f"{c['deliveries']} / {c['entities']:,} / {c['links']:,}" for c in counts]
        out.append(f"| {party}: deliveries / entity rows / link rows | " + " | ".join(row) + " |")
    net_persons = [sum(len(n["members"]) for n in s["networks"]) for s in summaries]
    out.append("| persons in networks | " + " | ".join(f"{n:,}" for n in net_persons) + " |")
    out += [
        "",
        "| same-person variation (groups where it occurs) | "
        + " | ".join(f"seed {s}" for s in seeds)
        + " |",
        "|---|" + "---|" * len(seeds),
    ]
    tags = sorted(
        {t for s in summaries for t in s["variations"]},
        key=lambda t: -summaries[0]["variations"].get(t, 0),
    )
    for t in tags:
        out.append(
            f"| `{t}` | " + " | ".join(str(s["variations"].get(t, 0)) for s in summaries) + " |"
        )
    return "\n".join(out)


def main(argv: list[str]) -> int:
    print(markdown([summarise(Path(a)) for a in argv]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
