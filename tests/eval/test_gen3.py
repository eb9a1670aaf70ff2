"""gen3, the independent evaluation generator: deterministic, consistent truth, and deliveries
that pass the ingest dry run without a quarantined row (small scale, no graph needed)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.eval.gen3 import generate
from emm.ingest.pipeline import ingest_folder

SCALE = 0.08
SCENARIOS = {"labour", "sexual", "criminal", "smuggling"}


def _tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("gen3")
    stats = generate(out, seed=5, scale=SCALE)
    return out, stats


@pytest.fixture(scope="module")
def truth(material: tuple[Path, dict]) -> dict:
    return json.loads((material[0] / "truth.json").read_text(encoding="utf-8"))


def test_when_checked_with_the_ingest_dry_run_then_nothing_is_quarantined_or_refused(
    material: tuple[Path, dict], tmp_path: Path
) -> None:
    out, _ = material
    result = ingest_folder(out / "deliveries", None, out_dir=tmp_path)
    assert result.refused == []
    reports = [rep for _, rep, _ in result.results if rep is not None]
    assert reports and sum(r.quarantined for r in reports) == 0
    assert sum(r.read for r in reports) > 0


def test_when_truth_is_read_then_every_person_row_belongs_to_exactly_one_person(
    truth: dict,
) -> None:
    refs = [ref for refs in truth["records"].values() for ref in refs]
    assert len(refs) == len(set(refs))
    assert set(truth["labels"]) == set(truth["records"])
    grouped = [ref for g in truth["same_person"] for ref in g]
    assert set(grouped) == {
        ref for refs in truth["records"].values() if len(refs) > 1 for ref in refs
    }


def test_when_networks_are_planted_then_members_have_records_and_decoys_stay_out(
    truth: dict,
) -> None:
    assert {n["scenario"] for n in truth["networks"]} == SCENARIOS
    in_networks: set[str] = set()
    for n in truth["networks"]:
        assert n["members"], n["id"]
        assert set(n["organisers"]) <= set(n["members"])
        assert set(n["roles"]) == set(n["members"])
        for key in n["members"]:
            assert truth["records"][key], key
            assert truth["labels"][key] == n["id"]
        assert not in_networks & set(n["members"]), "a person in two networks"
        in_networks |= set(n["members"])
    assert len(truth["decoys"]) >= 4
    for d in truth["decoys"]:
        assert not in_networks & set(d["members"]), d["id"]
        assert all(truth["labels"][k] == d["id"] for k in d["members"])


def test_when_look_alikes_are_listed_then_they_are_two_people_with_records(truth: dict) -> None:
    assert truth["not_same_person"]
    for pair in truth["not_same_person"]:
        assert pair["a"] != pair["b"]
        assert pair["refs_a"] == truth["records"][pair["a"]]
        assert pair["refs_b"] == truth["records"][pair["b"]]


def test_when_generated_again_under_another_hash_seed_then_the_output_is_identical(
    material: tuple[Path, dict], tmp_path: Path
) -> None:
    out, _ = material
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    cmd = [sys.executable, "-m", "benchmarks.eval.gen3", "--seed", "5", "--out", str(tmp_path),
           "--scale", str(SCALE)]  # fmt: skip
    subprocess.run(cmd, check=True, env=env, capture_output=True, cwd=Path(__file__).parents[2])
    assert _tree_hash(tmp_path) == _tree_hash(out)


def test_when_the_seed_differs_then_the_output_differs(
    material: tuple[Path, dict], tmp_path: Path
) -> None:
    generate(tmp_path, seed=6, scale=SCALE)
    assert _tree_hash(tmp_path) != _tree_hash(material[0])
