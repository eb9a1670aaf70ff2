"""Recurring footprints that scenarios, decoys and background share.

Each helper registers the facts one party would hold about an everyday act: living somewhere,
using a phone, an IND file, a border crossing, call records, payments, a signal with its
persons, an investigation with the prosecutor's view of it. Scenarios differ in *how they
combine* these acts, not in the kind of rows they produce, so that no row type gives a
network away.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from .world import End, Human, PersonEnd, Thing, World, clamp

__all__ = [
    "call",
    "case",
    "crossing",
    "home",
    "ind_file",
    "pay",
    "pay_series",
    "signal",
]

ASYLUM_CENTRES: dict[str, tuple[str, str]] = {}


def home(
    w: World,
    party: str,
    h: End,
    addr: Thing,
    when: date,
    *,
    registered: bool = False,
    basis: str | None = None,
    channel: str = "batch",
) -> None:
    w.fact(
        party,
        "REGISTERED_AT" if registered else "LIVES_AT",
        h,
        addr,
        when,
        basis=basis,
        channel=channel,
    )


def phone_of(w: World, party: str, h: End, ph: Thing, when: date, channel: str = "batch") -> None:
    w.fact(party, "USES_PHONE", h, ph, when, channel=channel)


def account_of(
    w: World, party: str, h: End, acc: Thing, when: date, channel: str = "batch"
) -> None:
    w.fact(party, "HOLDS_ACCOUNT", h, acc, when, channel=channel)


def ind_file(
    w: World,
    h: Human,
    when: date,
    *,
    addr: Thing | None = None,
    doc_type: str = "passport",
    doc: Thing | None = None,
    permit: bool = False,
) -> Thing | None:
    """What the IND holds on ``h``: address(es) and identity document(s)."""
    if addr is not None:
        home(w, "IND", h, addr, when)
    if doc is None and doc_type:
        doc = w.document(h, doc_type)
    if doc is not None:
        w.fact("IND", "HAS_DOCUMENT", h, doc, when)
    if permit:
        w.fact(
            "IND",
            "HAS_DOCUMENT",
            h,
            w.document(h, "residence_permit", "NL"),
            when + timedelta(days=w.rng.randint(60, 400)),
        )
    return doc


def crossing(
    w: World,
    h: PersonEnd | None,
    post: str,
    when: date,
    *,
    direction: str = "in",
    vehicle: Thing | None = None,
    passenger: bool = False,
    doc: Thing | None = None,
    channel: str = "batch",
) -> None:
    """A KMAR border registration: the person and/or vehicle at ``post``."""
    bp = w.border_post(post)
    if h is not None:
        w.fact(
            "KMAR", "CROSSED_BORDER", h, bp, when, date=when, direction=direction, channel=channel
        )
        if doc is not None:
            w.fact("KMAR", "HAS_DOCUMENT", h, doc, when, channel=channel)
        if vehicle is not None:
            if passenger:
                w.fact("KMAR", "PASSENGER_IN", h, vehicle, when, date=when, channel=channel)
            else:
                w.fact("KMAR", "DRIVES", h, vehicle, when, date=when, channel=channel)
    if vehicle is not None and not passenger:
        w.fact(
            "KMAR",
            "CROSSED_BORDER",
            vehicle,
            bp,
            when,
            date=when,
            direction=direction,
            channel=channel,
        )


def call(
    w: World,
    party: str,
    a: Thing,
    b: Thing,
    start: date,
    *,
    count: int,
    registered: date,
    months: int = 1,
    channel: str = "batch",
) -> None:
    """Call records between two phones: one row per month with calls in the period."""
    rng = w.rng
    for m in range(months):
        n = max(1, int(rng.gauss(count, count * 0.3)))
        d = clamp(start + timedelta(days=30 * m))
        w.fact(
            party,
            "CALLED",
            a,
            b,
            registered,
            date=d,
            count=n,
            duration=n * rng.randint(20, 240),
            channel=channel,
        )


def pay(
    w: World,
    party: str,
    a: Thing,
    b: Thing,
    amount: float,
    when: date,
    *,
    registered: date | None = None,
    description: str = "",
    channel: str = "batch",
) -> None:
    w.fact(
        party,
        "PAYMENT",
        a,
        b,
        registered or when,
        amount=round(amount, 2),
        date=clamp(when),
        description=description,
        channel=channel,
    )


def pay_series(
    w: World,
    party: str,
    a: Thing,
    b: Thing,
    *,
    start: date,
    n: int,
    every: int,
    amount: float,
    spread: float = 0.15,
    registered: date | None = None,
    description: str = "",
    channel: str = "batch",
) -> None:
    rng = w.rng
    for i in range(n):
        when = start + timedelta(days=every * i + rng.randint(0, max(1, every // 4)))
        pay(
            w,
            party,
            a,
            b,
            max(5.0, rng.gauss(amount, amount * spread)),
            when,
            registered=registered or when,
            description=description,
            channel=channel,
        )


def paid_for(
    w: World,
    party: str,
    acc: Thing,
    target: End,
    amount: float,
    when: date,
    purpose: str,
    *,
    registered: date | None = None,
    channel: str = "batch",
) -> None:
    w.fact(
        party,
        "PAID_FOR",
        acc,
        target,
        registered or when,
        amount=round(amount, 2),
        date=clamp(when),
        purpose=purpose,
        channel=channel,
    )


def stay(
    w: World,
    party: str,
    h: PersonEnd,
    addr: Thing,
    when: date,
    nights: int,
    *,
    registered: date | None = None,
    channel: str = "batch",
) -> None:
    w.fact(
        party,
        "STAYED_AT",
        h,
        addr,
        registered or when,
        date=clamp(when),
        nights=nights,
        channel=channel,
    )


def met(
    w: World,
    party: str,
    a: PersonEnd,
    b: PersonEnd,
    when: date,
    kind: str,
    weight: int,
    *,
    registered: date | None = None,
    channel: str = "batch",
) -> None:
    w.fact(
        party,
        "MET",
        a,
        b,
        registered or when,
        date=clamp(when),
        kind=kind,
        weight=weight,
        channel=channel,
    )


def family(
    w: World,
    party: str,
    a: PersonEnd,
    b: PersonEnd,
    relation: str,
    when: date,
    channel: str = "batch",
) -> None:
    w.fact(party, "FAMILY_OF", a, b, when, relation=relation, channel=channel)


def signal(
    w: World,
    party: str,
    phenomenon: str,
    when: date,
    involved: Sequence[tuple[Any, str]],
    *,
    region: str = "",
    sector: str = "",
    summary: str = "",
) -> Thing:
    """A signal and the INVOLVED_IN links of its persons and objects."""
    s = w.signal(party, phenomenon, when, region=region, sector=sector, summary=summary)
    for end, role in involved:
        w.fact(party, "INVOLVED_IN", end, s, when, role=role)
    return s


def case(
    w: World,
    party: str,
    name: str,
    phenomenon: str,
    started: date,
    involved: Sequence[tuple[Any, str]],
    *,
    signals: Iterable[Thing] = (),
    status: str = "lopend",
    om_status: str | None = None,
    om_suspects: Sequence[PersonEnd] = (),
) -> Thing:
    """An investigation by ``party`` with its involved entities, the signals that became part
    of it, and (when ``om_status``) the prosecutor's status with its suspects."""
    inv = w.investigation(party, name, phenomenon, started, status)
    channel = f"case:{inv.fields['case_id']}"
    for end, role in involved:
        w.fact(party, "INVOLVED_IN", end, inv, started, role=role, channel=channel)
    for s in signals:
        same = s.fields["_party"] == party
        w.fact(s.fields["_party"], "PART_OF", s, inv, started, channel=channel if same else "batch")
    if om_status:
        om_inv = Thing("Investigation", {**inv.fields, "status": om_status})
        om_inv.fields.pop("_party", None)
        when = started + timedelta(days=w.rng.randint(60, 300))
        for h in om_suspects:
            w.fact(
                "OM",
                "INVOLVED_IN",
                h,
                om_inv,
                when,
                role="suspect",
                basis="WJSG-39F-1A" if w.rng.random() < 0.3 else None,
            )
    return inv


def channel_of(inv: Thing) -> str:
    return f"case:{inv.fields['case_id']}"


def extend(w: World, inv: Thing, party: str, rel: str, a: End, b: End, **props: Any) -> None:
    """A fact found in investigation ``inv`` (delivered in its extract)."""
    w.fact(party, rel, a, b, inv.fields["started_at"], channel=channel_of(inv), **props)
