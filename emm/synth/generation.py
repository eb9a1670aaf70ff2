"""Entry point: generate a seeded synthetic data set of deliveries plus its ground truth.

The run interleaves planted scenarios with background noise until the requested number of
relationships (link rows) is reached; about 30% of a large run is planted networks, the rest is
noise. Rows are written as they are made, so memory does not grow with the size. The same seed
gives byte-identical output.

Example::

    from pathlib import Path
    from emm.synth import generate
    summary = generate(Path("var/synth"), seed=7, size="small")
    print(summary.to_dict())

or ``python -m emm.synth var/synth --seed 7 --size small``.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from emm.synth.decoys import DECOYS
from emm.synth.noise import NOISE, NoiseUnit
from emm.synth.scenarios import SCENARIOS
from emm.synth.schedule import PARTIES
from emm.synth.world import World

__all__ = ["SIZES", "GenerationSummary", "generate", "main", "target_relationships"]

#: Named sizes and the number of relationships (link rows) each aims for.
SIZES: dict[str, int] = {
    "tiny": 300,
    "small": 3_000,
    "demo": 20_000,
    "100k": 100_000,
    "1m": 1_000_000,
}

#: Share of relationships that belong to planted scenarios at larger sizes.
SCENARIO_SHARE = 0.3
#: Rough relationships per scenario instance, used to decide how many to plant.
_LINKS_PER_SCENARIO = 90.0
_LINKS_PER_NOISE_UNIT = 6.0


@dataclass
class GenerationSummary:
    """What a run wrote: counts of deliveries and rows, per party and in total."""

    out_dir: Path
    seed: int
    size: str | int
    target_relationships: int
    deliveries: int
    rows: dict[str, int]  # {"entities": n, "links": n}
    parties: dict[str, dict[str, int]]  # party -> {"deliveries", "entities", "links"}
    scenarios: dict[str, int] = field(default_factory=dict)  # type -> instances
    same_person_pairs: int = 0
    decoys: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["out_dir"] = str(self.out_dir)
        return data


def target_relationships(size: str | int) -> int:
    """The number of relationships a ``size`` asks for (a name of :data:`SIZES` or an int)."""
    if isinstance(size, bool):
        raise TypeError("size must be a size name or an int")
    if isinstance(size, int):
        if size < 50:
            raise ValueError("size must be at least 50 relationships")
        return size
    try:
        return SIZES[size]
    except KeyError:
        raise ValueError(f"unknown size {size!r} (known: {', '.join(SIZES)}, or an int)") from None


def _scenario_count(target: int) -> int:
    """Instances per scenario type: one each for tiny runs, ~30% of the links otherwise."""
    return max(1, round(target * SCENARIO_SHARE / (len(SCENARIOS) * _LINKS_PER_SCENARIO)))


def generate(
    out_dir: Path, *, seed: int = 0, size: str | int = "small", fmt_mix: bool = True
) -> GenerationSummary:
    """Write ``out_dir/deliveries/<delivery_id>/`` folders and ``out_dir/ground_truth.json``.

    ``size`` is ``"tiny"`` (~300 relationships), ``"small"`` (~3k), ``"demo"`` (~20k),
    ``"100k"``, ``"1m"`` or an int number of relationships. With ``fmt_mix`` deliveries mix CSV
    (UTF-8, UTF-8 with BOM, cp1252) and JSON Lines; without it every delivery is UTF-8 CSV.
    Raises :class:`FileExistsError` when ``out_dir/deliveries`` already holds something, so that
    folders of an earlier run never mix with this one.
    """
    started = time.perf_counter()
    target = target_relationships(size)
    out_dir = Path(out_dir)
    existing = out_dir / "deliveries"
    if existing.is_dir() and any(existing.iterdir()):
        raise FileExistsError(f"{existing} is not empty; generate into a new directory")
    out_dir.mkdir(parents=True, exist_ok=True)
    world = World(out_dir, seed, size, target, fmt_mix)
    world.open()
    try:
        counts = _run(world, target)
    finally:
        world.close()

    parties: dict[str, dict[str, int]] = {}
    for party in PARTIES:
        ds = world.deliveries[party]
        parties[party] = {
            "deliveries": len(ds),
            "entities": sum(d.entities for d in ds),
            "links": sum(d.links for d in ds),
        }
    return GenerationSummary(
        out_dir=out_dir,
        seed=seed,
        size=size,
        target_relationships=target,
        deliveries=len(world.all_deliveries()),
        rows={"entities": world.tally.entities, "links": world.tally.links},
        parties=parties,
        scenarios=counts,
        same_person_pairs=world.truth.pairs,
        decoys=world.truth.decoys,
        seconds=round(time.perf_counter() - started, 3),
    )


def _run(world: World, target: int) -> dict[str, int]:
    """Fill the deliveries: one noise unit per delivery first (no delivery is empty), then
    scenarios interleaved with noise until ``target`` links are written."""
    rng = world.rng
    background = {p: (*NOISE[p], *DECOYS.get(p, ())) for p in PARTIES}
    units: list[NoiseUnit] = [u for party in PARTIES for u, _ in background[party]]
    weights = [wt for party in PARTIES for _, wt in background[party]]
    for d in world.all_deliveries():
        unit = NOISE[d.party][0][0]
        unit(world, world.in_period(d))
    if not world.compact:  # at least one decoy of each kind in every run but the tiny ones
        for party in PARTIES:
            for unit, _ in DECOYS.get(party, ()):
                unit(world, world.day())

    n = _scenario_count(target)
    queue = [(kind, i + 1) for kind in SCENARIOS for i in range(n)]
    rng.shuffle(queue)
    queue.reverse()  # pop() from the end keeps the shuffled order
    counts = dict.fromkeys(SCENARIOS, 0)
    per_scenario = _LINKS_PER_SCENARIO * (0.55 if world.compact else 1.0)
    scenario_links = 0
    done = 0
    tally = world.tally
    while True:
        remaining = len(queue)
        room = target - tally.links - remaining * per_scenario
        if remaining == 0 and tally.links >= target:
            break
        if remaining and (
            room <= 0 or rng.random() * (remaining + room / _LINKS_PER_NOISE_UNIT) < remaining
        ):
            kind, number = queue.pop()
            before = tally.links
            SCENARIOS[kind](world, number)
            counts[kind] += 1
            done += 1
            scenario_links += tally.links - before
            per_scenario = scenario_links / done
        else:
            unit = rng.choices(units, weights)[0]
            unit(world, world.day())
    return counts


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m emm.synth OUT_DIR [--seed N] [--size NAME|N] [--no-fmt-mix]``."""
    parser = argparse.ArgumentParser(
        prog="python -m emm.synth",
        description="Generate synthetic EMM deliveries and their ground truth.",
        epilog="Example: python -m emm.synth var/synth --seed 7 --size demo",
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--size", default="small", help=f"{', '.join(SIZES)} or a number of relationships"
    )
    parser.add_argument(
        "--no-fmt-mix", action="store_true", help="write every delivery as UTF-8 CSV"
    )
    args = parser.parse_args(argv)
    size: str | int = int(args.size) if str(args.size).isdigit() else args.size
    summary = generate(args.out_dir, seed=args.seed, size=size, fmt_mix=not args.no_fmt_mix)
    print(json.dumps(summary.to_dict(), indent=2))
    return 0
