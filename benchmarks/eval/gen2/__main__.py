"""``python -m benchmarks.eval.gen2 --seed 7 --out DIR [--scale 1.0]``: write deliveries and truth.

Example::

    python -m benchmarks.eval.gen2 --seed 7 --out var/eval/gen2-7
    emm ingest --check var/eval/gen2-7/deliveries
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import generate


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.eval.gen2", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--seed",
        type=int,
        required=True,
        help="seed; the output is deterministic given seed and scale",
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="output folder (deliveries/ and truth.json go here)"
    )
    parser.add_argument(
        "--scale", type=float, default=1.0, help="1.0 gives about 30-35k relationships"
    )
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    if (args.out / "deliveries").exists() and any((args.out / "deliveries").iterdir()):
        parser.error(f"{args.out / 'deliveries'} is not empty; choose a new --out")
    summary = generate(args.out, seed=args.seed, scale=args.scale)
    json.dump(summary, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
