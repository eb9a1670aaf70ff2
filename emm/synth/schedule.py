"""When each party delivers, and what its files look like.

Parties deliver periodically (per quarter at the largest sizes, fewer and longer periods at
small sizes), covering 2015 to autumn 2026 so that the 10-year retention of covenant art. 7.3
has expired data to delete. Every record of a delivery is registered inside the delivery's
period, and the delivery is made a few days to weeks after the period ends.

File conventions are assigned per delivery with a fixed seed, guaranteeing that a run with
``fmt_mix`` holds at least one cp1252 CSV, one UTF-8-with-BOM CSV and one JSON Lines delivery.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from emm.synth.writer import (
    AmountStyle,
    DateStyle,
    Delivery,
    DeliveryStyle,
    Encoding,
    Format,
    Tally,
)

__all__ = ["END", "PARTIES", "START", "periods_per_party", "plan_deliveries"]

PARTIES = ("POL", "KMAR", "ISZW", "IND", "OM")

#: First and last registration date of generated records.
START = date(2015, 1, 1)
END = date(2026, 9, 30)

#: Default legal basis of a party's manifests, with weights (see legal_bases.yaml).
_MANIFEST_BASES: dict[str, tuple[tuple[str, float], ...]] = {
    "POL": (("WPG-10", 0.8), ("WPG-15", 0.2)),
    "KMAR": (("WPG-10", 0.8), ("WPG-15", 0.2)),
    "ISZW": (("WPG-10", 0.85), ("WPG-15", 0.15)),
    "IND": (("AVG-6-VW-107-4", 1.0),),
    "OM": (("WJSG-15-39G", 0.8), ("WJSG-39F-1A", 0.2)),
}


def periods_per_party(target: int) -> int:
    """How many deliveries POL, KMAR and ISZW make: 2 for tiny runs up to 47 (quarterly)."""
    return max(2, min(47, round(target**0.5 / 12)))


def _last_sunday(year: int, month: int) -> date:
    d = date(year, month + 1, 1) - timedelta(days=1)
    return d - timedelta(days=(d.weekday() + 1) % 7)


def _amsterdam_offset(day: date) -> str:
    """UTC offset of Europe/Amsterdam during office hours on ``day`` (CET / CEST)."""
    summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    return "+02:00" if summer else "+01:00"


def _style(rng: random.Random, fmt: Format, encoding: Encoding | None = None) -> DeliveryStyle:
    if fmt == "jsonl":
        return DeliveryStyle("jsonl", "utf-8", rng.random() < 0.3, "iso", "json")
    if encoding is None:
        r = rng.random()
        encoding = "utf-8" if r < 0.5 else ("utf-8-sig" if r < 0.75 else "cp1252")
    date_style: DateStyle = "dmy-dash" if rng.random() < 0.85 else "dmy-slash"
    r = rng.random()
    amount: AmountStyle = "comma" if r < 0.5 else ("comma-grouped" if r < 0.85 else "dot")
    return DeliveryStyle(
        "csv", encoding, rng.random() < 0.5, date_style, amount, crlf=encoding == "cp1252"
    )


def plan_deliveries(
    root: Path, rng: random.Random, target: int, fmt_mix: bool, tally: Tally
) -> dict[str, list[Delivery]]:
    """All deliveries of a run, per party, in period order (not yet opened)."""
    n_main = periods_per_party(target)
    plan: dict[str, list[Delivery]] = {}
    span = (END - START).days + 1
    for party in PARTIES:
        n = n_main if party in ("POL", "KMAR", "ISZW") else max(2, (n_main + 1) // 2)
        bases = _MANIFEST_BASES[party]
        deliveries: list[Delivery] = []
        for i in range(n):
            start = START + timedelta(days=span * i // n)
            end = START + timedelta(days=span * (i + 1) // n - 1)
            delivered = end + timedelta(days=rng.randint(3, 25))
            stamp = (
                f"{delivered.isoformat()}T{rng.randint(8, 16):02d}:{rng.randint(0, 59):02d}:"
                f"{rng.randint(0, 59):02d}{_amsterdam_offset(delivered)}"
            )
            basis = rng.choices([b for b, _ in bases], [w for _, w in bases])[0]
            deliveries.append(
                Delivery(
                    root=root,
                    delivery_id=f"{party}-{delivered.isoformat()}-{i + 1:04d}",
                    party=party,
                    legal_basis=basis,
                    delivered_at=stamp,
                    period=(start, end),
                    style=DeliveryStyle("csv", "utf-8", False, "dmy-dash", "comma"),
                    tally=tally,
                )
            )
        plan[party] = deliveries

    everything = [d for ds in plan.values() for d in ds]
    if fmt_mix:
        for d in everything:
            d.style = _style(rng, "csv" if rng.random() < 0.6 else "jsonl")
        forced: list[tuple[Format, Encoding]] = [
            ("csv", "cp1252"),
            ("csv", "utf-8-sig"),
            ("jsonl", "utf-8"),
            ("csv", "utf-8"),
        ]
        for d, (fmt, enc) in zip(rng.sample(everything, len(forced)), forced, strict=True):
            d.style = _style(rng, fmt, enc)
    return plan
