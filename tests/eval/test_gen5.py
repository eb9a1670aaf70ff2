"""gen5 (benchmarks/eval/gen5): deterministic, valid deliveries, a truth in gen4's shape."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.eval.gen5 import generate
from benchmarks.eval.gen5.check import check, dry_run

SCALE = 0.08
TRUTH_KEYS = {"networks", "decoys", "same_person", "not_same_person", "records", "labels",
              "conventions"}  # fmt: skip


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("gen5") / "s1"
    generate(target, seed=1, scale=SCALE)
    return target


def test_when_generated_twice_with_one_seed_then_the_output_is_byte_identical(
    out: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again"
    generate(again, seed=1, scale=SCALE)
    assert _digest(again) == _digest(out)
    other = tmp_path / "other"
    generate(other, seed=2, scale=SCALE)
    assert _digest(other) != _digest(out)


def test_when_the_hash_seed_changes_then_the_output_does_not(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "hashseed"
    code = (
        "from pathlib import Path; from benchmarks.eval.gen5 import generate; "
        f"generate(Path({str(target)!r}), seed=1, scale={SCALE})"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=Path.cwd())
    assert _digest(target) == _digest(out)


def test_when_dry_run_then_every_delivery_loads_without_quarantine(out: Path) -> None:
    totals = dry_run(out)
    assert totals["refused"] == 0
    assert totals["quarantined"] == 0
    assert totals["read"] == totals["loaded"] > 0
    parties = {json.loads(m.read_text())["party"] for m in out.glob("deliveries/*/manifest.json")}
    assert parties == {"POL", "KMAR", "ISZW", "IND", "OM"}


def test_when_truth_is_read_then_it_has_gen4s_shape_and_is_consistent(out: Path) -> None:
    truth = json.loads((out / "truth.json").read_text())
    assert set(truth) == TRUTH_KEYS
    assert {n["scenario"] for n in truth["networks"]} == {"sexual", "labour", "criminal",
                                                          "smuggling"}  # fmt: skip
    for n in truth["networks"]:
        assert set(n) == {"id", "scenario", "variant", "members", "organisers", "roles",
                          "planted", "notes"}  # fmt: skip
        assert n["organisers"] and set(n["organisers"]) <= set(n["members"])
        assert set(n["roles"]) == set(n["members"])
        assert all(truth["labels"][k] == n["id"] for k in n["members"])
    for d in truth["decoys"]:
        assert set(d) == {"id", "kind", "members", "looks_like", "notes"}
    for group in truth["same_person"]:
        assert len(group) > 1
    for pair in truth["not_same_person"]:
        assert set(pair) == {"a", "b", "why", "refs_a", "refs_b"}
    assert check(out) == {"missing_refs": 0, "identity_clashes": 0}
