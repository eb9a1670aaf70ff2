"""``python -m benchmarks.eval.gen3 --seed N --out DIR [--scale S]``: write deliveries and
truth.json, print the statistics as JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from benchmarks.eval.gen3 import generate


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.eval.gen3", description=__doc__)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args(argv)
    stats = generate(args.out, seed=args.seed, scale=args.scale)
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
