"""Indicator rules about travel: repeated border crossings with changing passengers.

Registered under their ids in ``indicators.yaml`` (see :mod:`emm.graph.analysis.indicator_base`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from emm.graph.analysis.indicator_base import (
    Indicator,
    IndicatorHit,
    Tables,
    evidence_frame,
    make_hits,
    part,
    rule,
    suppress,
)

if TYPE_CHECKING:
    import pandas as pd


@rule("repeated_border_crossing")
def _repeated_border_crossing(
    t: Tables, th: Mapping[str, float], ind: Indicator
) -> list[IndicatorHit]:
    import pandas as pd

    cross = t.facts("CROSSED_BORDER", ("Vehicle", "Person"), "BorderPost")
    # one crossing = one (post, date); the same crossing reported twice counts once
    when = cross["date"].where(cross["date"].notna(), cross["source_ref"]).astype(str)
    cross = cross.assign(crossing=cross["dst"].astype(str) + "|" + when)
    n_cross = cross.groupby("src")["crossing"].nunique()
    n_cross = n_cross[n_cross >= th["min_crossings"]]
    if n_cross.empty:
        return []
    cols = ["subject", "related", "ref", "party"]
    passengers = t.facts("PASSENGER_IN", "Person", "Vehicle")
    in_vehicle = part(passengers, "dst", "src", "source_ref", "party")
    tw = t.facts("TRAVELLED_WITH", "Person", "Person")
    with_person = pd.concat(
        [
            part(tw, "src", "dst", "source_ref", "party"),
            part(tw, "dst", "src", "source_ref", "party"),
        ],
        ignore_index=True,
    )
    drives = t.facts("DRIVES", "Person", "Vehicle")[["src", "dst", "source_ref", "party"]]
    carried = drives.merge(passengers, left_on="dst", right_on="dst", suffixes=("", "_p"))
    carried = pd.concat(
        [
            carried[["src", "src_p", "source_ref", "party"]].set_axis(cols, axis=1),
            carried[["src", "src_p", "source_ref_p", "party_p"]].set_axis(cols, axis=1),
        ],
        ignore_index=True,
    )
    companions = pd.concat([in_vehicle, with_person, carried], ignore_index=True)
    companions = companions[companions["subject"].isin(n_cross.index)]
    companions = companions[companions["subject"] != companions["related"]]
    n_pass = companions.groupby("subject")["related"].nunique()
    subjects = n_pass[n_pass >= th["min_passengers"]].index
    n_pass_of = n_pass.to_dict()
    values = n_cross[n_cross.index.isin(subjects)]
    crossing_part = cross.assign(related=None)
    long = evidence_frame(part(crossing_part, "src", "related", "source_ref", "party"), companions)
    hits = make_hits(
        ind,
        long,
        values,
        "min_crossings",
        th,
        details=lambda s: {"passengers": int(n_pass_of[s]), "min_passengers": th["min_passengers"]},
    )
    pattern = ind.benign.get("commercial_border_traffic")
    if not pattern or not hits:
        return hits
    ctx = _Fleet(t)
    chosen = cross[cross["src"].isin({h.subject for h in hits})]
    by_subject = {s: g for s, g in chosen.groupby("src")}
    return [_commercial(ctx, h, by_subject[h.subject], pattern) for h in hits]


class _Fleet:
    """Vehicles owned by companies, who drives them, which companies are registered (KvK)."""

    def __init__(self, t: Tables) -> None:
        owners = t.facts("OWNS_VEHICLE", "Company", "Vehicle")
        self.owner_of: dict[str, set[str]] = {}
        for c, v in zip(owners["src"], owners["dst"], strict=True):
            self.owner_of.setdefault(v, set()).add(c)
        drives = t.facts(("DRIVES", "OWNS_VEHICLE"), "Person", "Vehicle")
        self.driven: dict[str, set[str]] = {}
        for p, v in zip(drives["src"], drives["dst"], strict=True):
            self.driven.setdefault(p, set()).add(v)
        kvk = t.nodes["kvk"] if "kvk" in t.nodes.columns else None
        self.registered = (
            {str(u) for u, k in kvk.items() if isinstance(k, str) and k}
            if kvk is not None
            else set()
        )
        self.labels = t.labels


def _commercial(
    ctx: _Fleet, hit: IndicatorHit, cross: pd.DataFrame, pattern: Mapping[str, Any]
) -> IndicatorHit:
    """Known-benign: daily commercial border traffic. The vehicle belongs to a registered
    company (or the person drives for the company that owns the vehicles), it crosses on many
    different days, and in both directions: a taxi or coach firm, not a smuggling run."""
    import pandas as pd

    subject = hit.subject
    if ctx.labels.get(subject) == "Vehicle":
        companies = set(ctx.owner_of.get(subject, set()))
    else:
        vehicles = ctx.driven.get(subject, set())
        companies = (
            set().union(*(ctx.owner_of.get(v, set()) for v in vehicles)) if vehicles else set()
        )
    if not companies:
        return hit
    if pattern.get("require_kvk") and not companies & ctx.registered:
        return hit
    own = cross  # the subject's own crossings
    days = pd.to_datetime(own["date"].astype(str).str[:10], errors="coerce").dropna().dt.date
    n_days = days.nunique()
    direction = own["direction"].astype(str).str.lower()
    n_in, n_out = int((direction == "in").sum()), int((direction == "out").sum())
    both = n_in + n_out == 0 or min(n_in, n_out) >= float(pattern["min_share_each_way"]) * (
        n_in + n_out
    )
    if n_days < int(pattern["min_days"]) or not both:
        return hit
    why = [
        f"vehicle(s) of a registered company ({len(companies)})",
        f"crossings on {n_days} different days",
        f"{n_in} crossings in, {n_out} out",
    ]
    return suppress(hit, "commercial_border_traffic", why)
