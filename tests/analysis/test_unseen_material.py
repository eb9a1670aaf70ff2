"""The issue's bars, on material the analysis was not tuned on.

* **gen2** (``benchmarks/eval/gen2``): an independent generator written by someone who had not
  read the analysis code; here at a small scale (0.25: every scenario variant once, networks
  at half size, a quarter of the background and decoys). Skipped when it is not in the tree.
* **real networks** (``../shared/data/realnets``, never copied into the project): Caviar and
  the Mexican trafficking network. Skipped when the data is absent.

Bars (issue 14), per scenario type on gen2:

* membership recall >= 0.9 and precision >= 0.9;
* the planted organisers among the network's top 3 persons: >= 0.8;
* no decoy in the 20 highest-ranked networks;
* same-person recall >= 0.9 at precision >= 0.98.

On the real networks: an Investigation node linked to every person changes no person's rank
(key players, organiser score); the published coordinators of Caviar (N1, N12) are in the
organiser top 3; each network is detected without any indicator.

The analysis must not be changed in response to individual misses here: that would be tuning
on the material this test reports on.

Honest bars: where the measured figure is below an issue bar, the test asserts the measured
level (:data:`MEASURED`, less :data:`SLACK`, so that a regression fails) and then reports the
bar as an expected failure (``xfail``) whose reason gives the measured figure. A bar met is a
plain pass. Raise :data:`MEASURED` when the analysis improves; never lower it to make a test
pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks.eval import gen2_material, realnets
from benchmarks.eval.materials import measure, table

BARS = {"recall": 0.9, "precision": 0.9, "organiser_identification": 0.8}
SAME_PERSON = {"recall": 0.9, "precision": 0.98}
SCALE = 0.25
SEED = 3
MATERIAL = f"gen2 seed {SEED} scale {SCALE}"
#: Measured on gen2 seed 3 scale 0.25 (2026-12-02, branch h/i14-precision; the analysis was
#: tuned on gen2 seeds 1 and 4, seed 3 was only measured): per scenario type, decoys in the
#: top 20, same-person candidates. Criminal recall went from 1.0 to 0.975 (one member of one
#: network) while criminal precision rose from 0.615 to 0.748: a measured trade of the
#: periphery rules (detection.yaml), not a slip.
MEASURED: dict[str, Any] = {
    "per_type": {
        "criminal": {"recall": 0.975, "precision": 0.748, "organiser_identification": 1.0},
        "labour": {"recall": 1.0, "precision": 0.985, "organiser_identification": 1.0},
        "sexual": {"recall": 1.0, "precision": 0.880, "organiser_identification": 0.929},
        "smuggling": {"recall": 0.883, "precision": 0.924, "organiser_identification": 0.8},
    },
    "decoys_in_top": 0,
    "same_person": {"recall": 0.865, "precision": 0.993},
}
SLACK = 0.02

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gen2(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not gen2_material.available():
        pytest.skip("benchmarks/eval/gen2 is not in this tree")
    material = gen2_material.gen2_material(tmp_path_factory.mktemp("gen2"), seed=SEED, scale=SCALE)
    result = measure(material, top=20)
    print("\n" + table(result))
    return result


def _bar_or_xfail(missed: list[str]) -> None:
    if missed:
        pytest.xfail(f"issue 14 bar not met on {MATERIAL}: " + "; ".join(missed))


def test_gen2_networks_per_scenario_type(gen2: dict[str, Any]) -> None:
    weakest = sorted(gen2["scenarios"], key=lambda s: s["recall"] + s["precision"])[:5]
    regressed = [
        f"{t} {m} {row[m]:.3f} < measured {MEASURED['per_type'][t][m]:.3f}"
        for t, row in gen2["per_type"].items()
        for m in BARS
        if row[m] < MEASURED["per_type"][t][m] - SLACK
    ]
    assert not regressed, f"{regressed}; weakest: {weakest}"
    _bar_or_xfail(
        [
            f"{t} {m} {row[m]:.3f} < {bar}"
            for t, row in gen2["per_type"].items()
            for m, bar in BARS.items()
            if row[m] < bar
        ]
    )


def test_gen2_no_decoy_in_the_top_20(gen2: dict[str, Any]) -> None:
    d = gen2["decoys"]
    top = [x for x in d["details"] if x["rank"] and x["rank"] <= 20]
    assert d["in_top"] <= MEASURED["decoys_in_top"], top
    _bar_or_xfail([f"{d['in_top']} decoys in the top 20 (bar 0): {top}"] if d["in_top"] else [])


def test_gen2_same_person(gen2: dict[str, Any]) -> None:
    sp = gen2["same_person"]
    for m in SAME_PERSON:
        assert sp[m] >= MEASURED["same_person"][m] - SLACK, sp
    _bar_or_xfail(
        [f"same-person {m} {sp[m]:.3f} < {bar}" for m, bar in SAME_PERSON.items() if sp[m] < bar]
    )


@pytest.fixture(scope="module")
def real() -> dict[str, dict[str, Any]]:
    if not realnets.available():
        pytest.skip("../shared/data/realnets is not on this machine")
    return {name: realnets.rank_report(name) for name in realnets.TARGETS}


def test_an_investigation_node_changes_no_person_rank(real: dict[str, dict[str, Any]]) -> None:
    for name, r in real.items():
        assert r["investigation_changes_ranks"]["key_players"] is False, name
        assert r["investigation_changes_ranks"]["organisers"] is False, name
        assert r["investigation_changes_ranks"]["plain"] is True, name  # what it used to do


def test_caviar_coordinators_lead_the_organiser_ranking(real: dict[str, dict[str, Any]]) -> None:
    caviar = real["caviar"]["targets"]
    assert caviar["N1"]["organisers"] <= 3 and caviar["N12"]["organisers"] <= 3


def test_real_networks_are_detected_without_indicators(real: dict[str, dict[str, Any]]) -> None:
    for name, r in real.items():
        d = r["detected"]["without"]
        assert d["networks"] >= 1 and d["largest"] >= 0.9 * d["persons"], name


def test_data_is_read_from_the_shared_folder_not_the_project() -> None:
    assert not Path(__file__).resolve().parents[2].joinpath("data", "realnets").exists()
