"""gen4 (benchmarks/eval/gen4): deterministic, truth consistent, loads without quarantine."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.eval.gen4 import generate
from benchmarks.eval.gen4.check import check
from emm.ingest.pipeline import ingest_folder

SCALE = 0.08
TRUTH_KEYS = {
    "networks",
    "decoys",
    "same_person",
    "not_same_person",
    "records",
    "labels",
    "conventions",
}


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("gen4")
    generate(d, seed=3, scale=SCALE)
    return d


def test_when_generated_twice_then_identical(out: Path, tmp_path: Path) -> None:
    generate(tmp_path / "again", seed=3, scale=SCALE)
    assert _digest(tmp_path / "again") == _digest(out)


def test_when_another_hash_seed_then_identical(out: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.eval.gen4",
        "--seed",
        "3",
        "--scale",
        str(SCALE),
        "--out",
        str(tmp_path / "h"),
    ]
    subprocess.run(
        cmd, check=True, env=env, capture_output=True, cwd=Path(__file__).resolve().parents[2]
    )
    assert _digest(tmp_path / "h") == _digest(out)


def test_when_another_seed_then_other_material(out: Path, tmp_path: Path) -> None:
    generate(tmp_path / "other", seed=4, scale=SCALE)
    assert _digest(tmp_path / "other") != _digest(out)


def test_truth_has_the_gen3_keys_and_consistent_refs(out: Path) -> None:
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    assert set(truth) == TRUTH_KEYS
    problems = check(out)
    assert problems["truth_refs_missing"] == 0
    assert problems["person_rows_without_truth"] == 0
    assert problems["members_without_records"] == 0
    assert problems["identity_keys_joining_two_persons"] == 0
    assert problems["dates_after_delivery"] == 0
    scenarios = {n["scenario"] for n in truth["networks"]}
    assert scenarios == {"labour", "sexual", "criminal", "smuggling"}
    for n in truth["networks"]:
        assert set(n) == {
            "id",
            "scenario",
            "variant",
            "members",
            "organisers",
            "roles",
            "planted",
            "notes",
        }
        assert n["id"].startswith("N4-") and n["members"] and n["planted"]
        assert set(n["organisers"]) <= set(n["members"]) and set(n["roles"]) == set(n["members"])
        assert all(truth["labels"][m] == n["id"] for m in n["members"])
    for d in truth["decoys"]:
        assert set(d) == {"id", "kind", "members", "looks_like", "notes"} and d["id"].startswith(
            "D4-"
        )
    refs = {r for rs in truth["records"].values() for r in rs}
    assert all(len(g) > 1 and set(g) <= refs for g in truth["same_person"])
    for pair in truth["not_same_person"]:
        assert (
            pair["refs_a"] == truth["records"][pair["a"]]
            and pair["refs_b"] == truth["records"][pair["b"]]
        )


def test_all_five_parties_deliver_several_times(out: Path) -> None:
    parties = [
        json.loads(m.read_text(encoding="utf-8"))["party"]
        for m in (out / "deliveries").glob("*/manifest.json")
    ]
    assert {
        p: parties.count(p) >= 2 for p in ("POL", "KMAR", "ISZW", "IND", "OM")
    } == dict.fromkeys(("POL", "KMAR", "ISZW", "IND", "OM"), True)


def test_dry_run_ingest_loads_everything(out: Path, tmp_path: Path) -> None:
    result = ingest_folder(out / "deliveries", None, out_dir=tmp_path)
    assert result.refused == []
    assert sum(r.quarantined for r in result.reports) == 0
    assert sum(r.read for r in result.reports) > 1000
