"""Building blocks shared by the planted networks and decoys: the truth record of a network,
and the things that tie its people into ordinary life (relatives, shared hotels, calls to
people outside the network), so a network is never an island."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from benchmarks.eval.gen3.world import END, START, Ctx, Ent, Person, World


@dataclass
class Net:
    id: str
    scenario: str
    variant: str
    members: list[Person] = field(default_factory=list)
    organisers: list[Person] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    planted: list[str] = field(default_factory=list)
    notes: str = ""

    def add(self, p: Person, role: str, *, organiser: bool = False) -> Person:
        p.label = self.id
        self.members.append(p)
        self.roles[p.key] = role
        if organiser:
            self.organisers.append(p)
        return p

    def feature(self, *names: str) -> None:
        for n in names:
            if n not in self.planted:
                self.planted.append(n)

    def truth(self) -> dict[str, Any]:
        return {"id": self.id, "scenario": self.scenario, "variant": self.variant,
                "members": [p.key for p in self.members],
                "organisers": [p.key for p in self.organisers],
                "roles": dict(self.roles), "planted": list(self.planted), "notes": self.notes}  # fmt: skip


@dataclass
class Decoy:
    id: str
    kind: str
    looks_like: str
    members: list[Person] = field(default_factory=list)
    notes: str = ""

    def add(self, p: Person) -> Person:
        p.label = self.id
        self.members.append(p)
        return p

    def truth(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "members": [p.key for p in self.members],
                "looks_like": self.looks_like, "notes": self.notes}  # fmt: skip


class Life:
    """Shared ordinary world: a pool of background people, hotels, big employers."""

    def __init__(self, w: World) -> None:
        self.w = w
        self.people: list[Person] = []
        self.hotels: list[Ent] = []
        self.employers: list[tuple[Ent, Ent, Person]] = []  # company, address, director

    def someone(self) -> Person:
        return self.w.rng.choice(self.people)

    def hotel(self) -> Ent:
        return self.w.rng.choice(self.hotels)


def settle(
    w: World,
    p: Person,
    addr: Ent | None,
    *,
    phone_cc: str | None = "NL",
    account: str | None = "NL",
) -> Person:
    p.home = addr
    if phone_cc:
        w.phone(p, phone_cc)
    if account:
        w.account(p, account)
    return p


def relatives(w: World, life: Life, p: Person, n: int, party: str, when: dt.date) -> list[Person]:
    """Background relatives of ``p`` (known to IND or POL): they are not in the network."""
    out = []
    for _ in range(n):
        rel = w.person(p.nat, age=(16, 70), surname=p.surname)
        settle(w, rel, p.home if (p.home and w.rng.random() < 0.3) else w.address(), account=None)
        life.people.append(rel)
        c = Ctx(w, party, w.later(when, -300, 300))
        c.add(
            "FAMILY_OF",
            p,
            rel,
            relation=w.rng.choice(["broer", "zus", "moeder", "vader", "neef", "nicht"]),
        )
        c.basics(rel)
        out.append(rel)
    return out


def outside_calls(w: World, life: Life, ctx: Ctx, p: Person, n: int, when: dt.date) -> None:
    """Calls from a network member's phone to ordinary people (family, friends, shops)."""
    if not p.phones:
        return
    for _ in range(n):
        other = life.someone()
        if not other.phones:
            continue
        a, b = (
            (p.phones[0], other.phones[0])
            if w.rng.random() < 0.6
            else (other.phones[0], p.phones[0])
        )
        ctx.add("CALLED", a, b, date=w.later(when, -60, 60), count=w.rng.randint(1, 12),
                duration=w.rng.randint(20, 2400))  # fmt: skip


def calls(
    w: World, ctx: Ctx, a: Person | Ent, b: Person | Ent, when: dt.date, heavy: bool = False
) -> None:
    pa = a.phones[0] if isinstance(a, Person) else a
    pb = b.phones[0] if isinstance(b, Person) else b
    if pa is pb:
        return
    lo, hi = (8, 80) if heavy else (1, 10)
    ctx.add("CALLED", pa, pb, date=w.later(when, -30, 30), count=w.rng.randint(lo, hi),
            duration=w.rng.randint(60, 9000))  # fmt: skip


def pay(w: World, ctx: Ctx, a: Ent, b: Ent, amount: float, when: dt.date, text: str = "") -> None:
    props: dict[str, Any] = {"amount": round(amount, 2), "date": when}
    if text:
        props["description"] = text
    ctx.add("PAYMENT", a, b, **props)


def cross(w: World, ctx: Ctx, who: Person | Ent, post: str, when: dt.date, direction: str) -> None:
    ctx.add("CROSSED_BORDER", who, w.border(post), date=when, direction=direction)


def start_day(w: World, pad: int) -> dt.date:
    """A start date that leaves ``pad`` days of activity before the end of the period."""
    return w.day(START, END - dt.timedelta(days=pad))
