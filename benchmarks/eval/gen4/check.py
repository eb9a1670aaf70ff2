"""Checks of gen4 output without the graph: every truth ref exists, no identity key joins
two true persons, no delivery holds a date after its delivery date."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from emm.values import bsn as _bsn
from emm.values import date as _date
from emm.values import name as _name

__all__ = ["check", "iter_rows"]


def iter_rows(deliveries: Path) -> Iterator[tuple[str, str, dict[str, str], dict[str, Any]]]:
    """(delivery_id, kind, row, manifest) for every row of every delivery."""
    for folder in sorted(p for p in deliveries.iterdir() if (p / "manifest.json").exists()):
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        for f in manifest["files"]:
            raw = (folder / f["path"]).read_bytes()
            text = raw.decode(f.get("encoding", "utf-8"))
            if text.startswith("\ufeff"):
                text = text[1:]
            if f["path"].endswith(".jsonl"):
                for line in text.splitlines():
                    if line.strip():
                        obj = json.loads(line)
                        yield (
                            manifest["delivery_id"],
                            f["kind"],
                            {k: str(v) for k, v in obj.items()},
                            manifest,
                        )
            else:
                header = text.split("\n", 1)[0]
                sep = "," if header.count(",") > header.count(";") else ";"
                for row in csv.DictReader(io.StringIO(text, newline=""), delimiter=sep):
                    yield (
                        manifest["delivery_id"],
                        f["kind"],
                        {k: v for k, v in row.items() if v},
                        manifest,
                    )


def check(out_dir: Path) -> dict[str, int]:
    """Problems found (all zero for good output) and a few counts."""
    truth = json.loads((out_dir / "truth.json").read_text(encoding="utf-8"))
    person_refs: set[str] = set()
    owner = {ref: key for key, refs in truth["records"].items() for ref in refs}
    keys: dict[str, set[str]] = defaultdict(set)
    late_dates = 0
    dates = 0
    for did, kind, row, manifest in iter_rows(out_dir / "deliveries"):
        delivered = manifest["delivered_at"][:10]
        for k, v in row.items():
            if k in (
                "registered_at",
                "date",
                "since",
                "birth_date",
                "posted_at",
                "reported_at",
                "started_at",
            ):
                dates += 1
                if _date.normalise(v) > delivered:
                    late_dates += 1
        if kind == "entities" and row["type"] == "Person":
            ref = f"{did}/{row['record_id']}"
            person_refs.add(ref)
            who = owner.get(ref, "?")
            if "bsn" in row:
                keys["bsn:" + _bsn.normalise(row["bsn"])].add(who)
            elif "birth_date" in row:
                iso = _date.normalise(row["birth_date"])
                if iso[5:] != "01-01":
                    keys[_name.node_key(_name.normalise(row["name"]), iso)].add(who)
    refs_in_truth = set(owner)
    members = {m for n in truth["networks"] + truth["decoys"] for m in n["members"]}
    return {
        "person_rows": len(person_refs),
        "truth_refs_missing": len(refs_in_truth - person_refs),
        "person_rows_without_truth": len(person_refs - refs_in_truth),
        "members_without_records": len(members - set(truth["records"])),
        "identity_keys_joining_two_persons": sum(1 for v in keys.values() if len(v) > 1),
        "dates": dates,
        "dates_after_delivery": late_dates,
    }
