"""The second, independent generator (benchmarks/eval/gen2): valid deliveries, sound truth.

The material is generated with the public command ``python -m benchmarks.eval.gen2`` and
checked with the public command ``emm ingest --check`` (a dry run without database) as a
logged-in administrator, the way an evaluator uses them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from cli_helpers import CliAs

from emm.ingest.delivery import iter_rows, load_manifest

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = {"sexual", "labour", "criminal", "smuggling"}
pytestmark = pytest.mark.slow  # generates material four times and runs the CLI (~40 s)

_LINE = re.compile(
    r"^(\S+)\s+(\S+)\s+(\S+)\s+read=(\d+) loaded=(\d+) merged=(\d+) quarantined=(\d+)"
)


def _generate(out: Path, seed: int, scale: float) -> None:
    cmd = [sys.executable, "-m", "benchmarks.eval.gen2", "--seed", str(seed), "--out", str(out)]
    subprocess.run([*cmd, "--scale", str(scale)], cwd=ROOT, check=True, capture_output=True)


def _check(deliveries: Path, data_dir: Path) -> list[tuple[str, str, int, int, int]]:
    # EMM_NEO4J_URI: nothing listens there, so the check must not need a database
    cli = CliAs({"EMM_DATA_DIR": str(data_dir), "EMM_NEO4J_URI": "bolt://127.0.0.1:9"})
    cli.user("adm", "administrator")
    result = cli("adm", "ingest", "--check", str(deliveries))
    assert result.exit_code == 0, result.output[-2000:]
    out = []
    for line in result.output.splitlines():
        if re.fullmatch(r"\d+ validated; \d+ refused", line):
            continue  # the summary line
        m = _LINE.match(line)
        assert m, f"unexpected output line: {line[:80]}"
        out.append((m[1], m[3], int(m[4]), int(m[5]), int(m[7])))
    return out


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen2")
    _generate(out, seed=7, scale=0.1)
    return out


@pytest.fixture(scope="module")
def truth(material: Path) -> dict:
    return json.loads((material / "truth.json").read_text(encoding="utf-8"))


def _person_refs(deliveries: Path) -> dict[str, str]:
    """Every entity row's ref -> its type, read with the loader's own reader."""
    refs = {}
    for manifest in sorted(deliveries.glob("*/manifest.json")):
        m = load_manifest(manifest.parent)
        for spec in m.files:
            if spec.kind == "entities":
                for _, row in iter_rows(manifest.parent / spec.path, spec.encoding):
                    assert not isinstance(row, str), row
                    refs[f"{m.delivery_id}/{row['record_id']}"] = row["type"]
    return refs


def test_when_checked_with_emm_ingest_then_every_row_validates(
    material: Path, tmp_path: Path
) -> None:
    results = _check(material / "deliveries", tmp_path)
    manifests = list((material / "deliveries").glob("*/manifest.json"))
    assert len(results) == len(manifests) > 20
    assert {d.split("-", 1)[0] for d, *_ in results} == {"POL", "KMAR", "ISZW", "IND", "OM"}
    for delivery, status, read, loaded, quarantined in results:
        assert status == "validated", delivery
        assert quarantined == 0 and read == loaded > 0, delivery
    assert not list(tmp_path.glob("quarantine/*.jsonl"))


@pytest.mark.parametrize(
    ("what", "corrupt"),
    [
        ("a BSN failing the 11-proof", lambda t: re.sub(r'"bsn": "(\d{8})(\d)"', lambda m: f'"bsn": "{m[1]}{(int(m[2]) + 1) % 10}"', t, count=1)),
        ("a link without registered_at", lambda t: re.sub(r'"registered_at": "[^"]+"', '"registered_at": ""', t, count=1)),
    ],
)  # fmt: skip
def test_when_a_row_is_broken_then_the_check_quarantines_it(
    material: Path, tmp_path: Path, what: str, corrupt
) -> None:
    """Negative control: the check above would notice bad rows."""
    source = next(
        p.parent
        for p in sorted((material / "deliveries").glob("KMAR-*/manifest.json"))
        if (p.parent / "links.jsonl").exists() and (p.parent / "entities.jsonl").exists()
    )
    copy = tmp_path / "deliveries" / source.name
    shutil.copytree(source, copy)
    name = "entities.jsonl" if "BSN" in what else "links.jsonl"
    text = (copy / name).read_text(encoding="utf-8")
    broken = corrupt(text)
    assert broken != text, what
    (copy / name).write_text(broken, encoding="utf-8")
    [(_, _, read, loaded, quarantined)] = _check(tmp_path / "deliveries", tmp_path / "data")
    assert quarantined >= 1 and read == loaded + quarantined


def test_when_truth_names_records_then_they_exist_as_person_rows(
    material: Path, truth: dict
) -> None:
    refs = _person_refs(material / "deliveries")
    owner: dict[str, str] = {}
    for person, recs in truth["records"].items():
        assert recs, person
        for r in recs:
            assert refs.get(r) == "Person", r
            assert r not in owner, f"{r} belongs to two persons"
            owner[r] = person
    assert set(owner) == {r for r, t in refs.items() if t == "Person"}
    for group in truth["same_person"]:
        assert len(group) >= 2
        assert len({owner[r] for r in group}) == 1
    for pair in truth["not_same_person"]:
        assert pair["a"] != pair["b"]
        assert all(owner[r] == pair["a"] for r in pair["refs_a"])
        assert all(owner[r] == pair["b"] for r in pair["refs_b"])


def test_when_networks_are_planted_then_the_truth_is_consistent(truth: dict) -> None:
    records = truth["records"]
    in_networks: set[str] = set()
    per_scenario: Counter[str] = Counter()
    variants: dict[str, set[str]] = {s: set() for s in SCENARIOS}
    for n in truth["networks"]:
        assert n["scenario"] in SCENARIOS
        per_scenario[n["scenario"]] += 1
        variants[n["scenario"]].add(n["variant"])
        members = n["members"]
        assert len(members) == len(set(members)) >= 5
        assert n["organisers"] and set(n["organisers"]) <= set(members)
        assert set(n["roles"]) == set(members)
        assert all(m in records for m in members)
        assert not in_networks & set(members), "a person in two networks"
        in_networks |= set(members)
    assert all(per_scenario[s] >= 3 and len(variants[s]) >= 3 for s in SCENARIOS)
    kinds = {d["kind"] for d in truth["decoys"]}
    assert {
        "reception_centre",
        "hotel_guests",
        "business_centre",
        "cross_border_taxi_firm",
    } <= kinds
    for d in truth["decoys"]:
        assert d["members"] and not in_networks & set(d["members"]), d["id"]


def test_when_generated_twice_with_one_seed_then_the_output_is_identical(tmp_path: Path) -> None:
    for name in ("a", "b"):
        _generate(tmp_path / name, seed=3, scale=0.05)
    _generate(tmp_path / "c", seed=4, scale=0.05)
    truth = {n: (tmp_path / n / "truth.json").read_bytes() for n in "abc"}
    assert truth["a"] == truth["b"] != truth["c"]
    files = sorted(
        p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file()
    )
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
