"""When and how the world's facts are delivered: each party's batch periods, investigation
extracts, delivery dates (a fact travels after every date it carries) and delivery ids."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from benchmarks.eval.gen3.world import Ent, Fact, World

PERIOD_MONTHS = {"POL": 3, "KMAR": 4, "ISZW": 6, "IND": 4, "OM": 6}
BATCH_BASIS = {"POL": ["WPG-15", "WPG-10"], "KMAR": ["WPG-15", "WPG-13-2"], "ISZW": ["WPG-15"],
               "IND": ["AVG-6-VW-107-4"], "OM": ["WJSG-15-39G"]}  # fmt: skip
EXTRACT_MIN = 25
LAST_DELIVERY = dt.date(2026, 11, 25)


@dataclass
class Delivery:
    delivery_id: str
    party: str
    basis: str
    delivered: dt.date
    facts: list[Fact]
    case: str | None = None
    person_refs: dict[str, list[str]] = field(default_factory=dict)


def _period_end(d: dt.date, months: int) -> dt.date:
    m0 = (d.month - 1) // months * months + months  # months since Jan of the period's end
    y, m = d.year + m0 // 12, m0 % 12 + 1
    return dt.date(y, m, 1) - dt.timedelta(days=1)


def _known(f: Fact) -> dt.date:
    """When the party knows the fact: its registration, or a later date it carries (a stay,
    a payment found in bank data). A fact is delivered after this date, never before."""
    dates = [v for v in f.props.values() if isinstance(v, dt.date)]
    for n in (f.src, f.dst):
        if isinstance(n, Ent):
            dates += [v for v in n.fields.values() if isinstance(v, dt.date)]
    return max([f.registered, *dates])


def plan(w: World, r: random.Random) -> list[Delivery]:
    per_case: dict[str, int] = defaultdict(int)
    for f in w.facts:
        if f.case is not None and f.party == w.case_owner.get(f.case):
            per_case[f.case] += 1
    buckets: dict[tuple[str, Any], list[Fact]] = defaultdict(list)
    for f in w.facts:
        if f.case is not None and f.party == w.case_owner.get(f.case) and per_case[f.case] >= EXTRACT_MIN \
                and f.party != "OM":  # fmt: skip
            buckets[(f.party, "case:" + f.case)].append(f)
        else:
            buckets[(f.party, _period_end(_known(f), PERIOD_MONTHS[f.party]))].append(f)
    out: list[Delivery] = []
    counters: dict[str, int] = defaultdict(int)
    for (party, b), facts in sorted(buckets.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        if isinstance(b, str):
            case = b[5:]
            latest = max(_known(f) for f in facts)
            parts = 2 if len(facts) > 500 else 1
            r.shuffle(facts)
            for i in range(parts):
                chunk = facts[i::parts]
                d = min(latest + dt.timedelta(days=r.randint(40, 160) + 90 * i), LAST_DELIVERY)
                out.append(Delivery("", party, "WPG-9", d, chunk, case=case))
        else:
            d = min(b + dt.timedelta(days=r.randint(6, 35)), LAST_DELIVERY)
            out.append(Delivery("", party, r.choice(BATCH_BASIS[party]), d, facts))
    out.sort(key=lambda dl: (dl.delivered, dl.party, dl.case or ""))
    for dl in out:
        counters[dl.party] += 1
        dl.delivery_id = f"{dl.party}-{dl.delivered:%Y-%m-%d}-{counters[dl.party]:04d}"
    return out
