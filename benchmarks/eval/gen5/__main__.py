"""python -m benchmarks.eval.gen5 --seed 1 --out var/gen5-1 [--scale 1.0] [--check]"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from benchmarks.eval.gen5 import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.eval.gen5",
        description="Write gen5 deliveries with planted networks and truth.json. "
        "Example: python -m benchmarks.eval.gen5 --seed 1 --out var/gen5-1",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 is about 24k relationships")
    ap.add_argument("--check", action="store_true", help="also run the ingest dry run")
    args = ap.parse_args(argv)
    stats = generate(args.out, seed=args.seed, scale=args.scale)
    if args.check:
        from benchmarks.eval.gen5.check import dry_run

        stats["dry_run"] = dry_run(args.out)
    print(json.dumps(stats, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
