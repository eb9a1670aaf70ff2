"""Checks of gen5 output without a graph: the ingest dry run and the truth's consistency."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from emm.values import bsn as bsn_mod
from emm.values import name as name_mod
from emm.values.date import normalise as date_normalise


def dry_run(out: Path) -> dict[str, int]:
    """Validate every delivery with ``ingest_folder(..., None)``: read, loaded, quarantined."""
    from emm.ingest.pipeline import ingest_folder

    with tempfile.TemporaryDirectory() as tmp:
        result = ingest_folder(Path(out) / "deliveries", None, out_dir=Path(tmp))
        totals = {"deliveries": len(result), "refused": len(result.refused), "read": 0,
                  "loaded": 0, "quarantined": 0}  # fmt: skip
        for rep in result.reports:
            totals["read"] += rep.read
            totals["loaded"] += rep.loaded
            totals["quarantined"] += rep.quarantined
        if result.refused:
            totals["first_refusal"] = result.refused[0][1][:300]  # type: ignore[assignment]
        for rep in result.reports:
            if rep.quarantined and rep.quarantine_file:
                q = Path(rep.quarantine_file)
                if q.exists():
                    line = q.read_text().splitlines()[0]
                    totals["first_quarantine"] = line[:400]  # type: ignore[assignment]
                    break
    return totals


def _rows(folder: Path) -> dict[str, dict[str, Any]]:
    """Person rows of one delivery by record id (CSV or JSON Lines, as the manifest says)."""
    import csv
    import io

    manifest = json.loads((folder / "manifest.json").read_text())
    out: dict[str, dict[str, Any]] = {}
    for spec in manifest["files"]:
        if spec["kind"] != "entities":
            continue
        raw = (folder / spec["path"]).read_bytes()
        enc = spec.get("encoding") or "utf-8"
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        text = text.lstrip("\ufeff")
        if spec["path"].endswith(".jsonl"):
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            first = text.split("\n", 1)[0]
            sep = "," if first.count(",") > first.count(";") else ";"
            rows = list(csv.DictReader(io.StringIO(text), delimiter=sep))
        for row in rows:
            if row.get("type") == "Person":
                out[row["record_id"]] = row
    return out


def check(out: Path) -> dict[str, int]:
    """Every truth ref exists; no identity key (BSN, name + birth date other than 1 January)
    joins two true persons."""
    out = Path(out)
    truth = json.loads((out / "truth.json").read_text())
    cache: dict[str, dict[str, dict[str, Any]]] = {}
    owner: dict[str, str] = {}
    missing = clashes = 0
    for person, refs in truth["records"].items():
        for ref in refs:
            did, rid = ref.split("/", 1)
            if did not in cache:
                cache[did] = _rows(out / "deliveries" / did)
            row = cache[did].get(rid)
            if row is None:
                missing += 1
                continue
            keys = []
            if row.get("bsn"):
                keys.append("bsn:" + bsn_mod.normalise(str(row["bsn"])))
            elif row.get("birth_date"):
                iso = date_normalise(str(row["birth_date"]))
                if not iso.endswith("-01-01"):
                    keys.append(name_mod.node_key(name_mod.normalise(row["name"]), iso))
            for k in keys:
                if owner.setdefault(k, person) != person:
                    clashes += 1
    return {"missing_refs": missing, "identity_clashes": clashes}
