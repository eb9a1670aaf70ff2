"""python -m benchmarks.eval.gen4 --seed N --out DIR [--scale S]"""

from __future__ import annotations

import argparse
import json

from . import generate


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.eval.gen4", description=__doc__)
    ap.add_argument("--seed", type=int, required=True, help="random seed, e.g. 1")
    ap.add_argument("--out", required=True, help="output folder, e.g. var/gen4-1")
    ap.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="size of the background and number of networks (1.0)",
    )
    args = ap.parse_args()
    stats = generate(args.out, args.seed, args.scale)
    print(json.dumps(stats, indent=1))


if __name__ == "__main__":
    main()
