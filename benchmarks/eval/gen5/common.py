"""Building blocks shared by networks, decoys and background: a group under construction
(:class:`Cast`) and the everyday facts (home, phone, account, IND file, calls to contacts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from benchmarks.eval.gen5.world import END, Ent, Person, World

PARTIES = ("POL", "KMAR", "ISZW", "IND", "OM")


class Cast:
    """The persons of one network or decoy, with their roles."""

    def __init__(self, w: World, gid: str, scenario: str, variant: str) -> None:
        self.w = w
        self.gid = gid
        self.scenario = scenario
        self.variant = variant
        self.members: list[Person] = []
        self.roles: dict[str, str] = {}
        self.organisers: list[Person] = []
        self.planted: list[str] = []
        self.notes = ""
        self.facts = (0, 0)  # index range of the facts built for this cast in World.facts
        self.start = w.day(dt.date(2024, 1, 15), dt.date(2025, 12, 1))
        self.end = min(self.start + dt.timedelta(days=w.rng.randint(240, 520)), END)

    def new(self, role: str, nat: str = "NL", gender: str | None = None,
            age: tuple[int, int] = (20, 50), *, organiser: bool = False,
            **kw: Any) -> Person:  # fmt: skip
        p = self.w.person(nat, gender, age, label=self.gid, **kw)
        self.add(p, role, organiser=organiser)
        return p

    def add(self, p: Person, role: str, *, organiser: bool = False) -> Person:
        p.label = self.gid
        self.members.append(p)
        self.roles[p.key] = role
        if organiser:
            self.organisers.append(p)
        return p

    def when(self) -> dt.date:
        return self.w.day(self.start, self.end)

    def plant(self, *features: str) -> None:
        self.planted.extend(f for f in features if f not in self.planted)


def home(w: World, party: str, p: Person, addr: Ent, *, ctx: Ent | None = None,
         registered: bool = False, when: dt.date | None = None) -> None:  # fmt: skip
    w.fact(party, "REGISTERED_AT" if registered else "LIVES_AT", p, addr, ctx=ctx, when=when)


def phone_of(w: World, party: str, p: Person | Ent, ph: Ent, *, ctx: Ent | None = None,
             when: dt.date | None = None) -> Ent:  # fmt: skip
    w.fact(party, "USES_PHONE", p, ph, ctx=ctx, when=when)
    if isinstance(p, Person):
        w.phones.setdefault(p.key, ph)
    return ph


def account_of(w: World, party: str, p: Person | Ent, acc: Ent, *, ctx: Ent | None = None,
               when: dt.date | None = None) -> Ent:  # fmt: skip
    w.fact(party, "HOLDS_ACCOUNT", p, acc, ctx=ctx, when=when)
    return acc


def ind_file(w: World, p: Person, *, addr: Ent | None = None, doc: str = "passport",
             permit: bool = False, sponsor: Ent | None = None, when: dt.date | None = None,
             reception: bool = False) -> Ent:  # fmt: skip
    """What the IND knows of a foreign national: a document, an address, a permit, a sponsor."""
    when = when or w.day()
    d = w.document(p, doc, p.nat)
    w.fact("IND", "HAS_DOCUMENT", p, d, when=when)
    if reception:
        w.fact("IND", "LIVES_AT", p, w.reception[w.rng.randrange(len(w.reception))], when=when)
    if addr is not None:
        w.fact("IND", "REGISTERED_AT", p, addr, when=w.later(when, 5, 90))
    if permit:
        perm = w.document(p, "residence_permit", "NL")
        w.fact("IND", "HAS_DOCUMENT", p, perm, when=w.later(when, 10, 120))
    if sponsor is not None:
        w.fact("IND", "EMPLOYED_BY", p, sponsor, when=when, since=when)
    return d


def contacts(w: World, cast: Cast, party: str, ctx: Ent | None, share: float = 0.7) -> None:
    """Members with a known phone call one to three ordinary people (historic call data)."""
    for p in cast.members:
        ph = w.phones.get(p.key)
        if ph is None or not w.chance(share) or not w.contacts:
            continue
        for _ in range(w.rng.randint(1, 3)):
            _, other = w.contacts[w.rng.randrange(len(w.contacts))]
            a, b = (ph, other) if w.chance(0.6) else (other, ph)
            w.call(party, a, b, ctx=ctx, when=w.day(cast.start, cast.end),
                   count=w.rng.randint(1, 12))  # fmt: skip


def relatives(w: World, cast: Cast, share: float = 0.15) -> None:
    """Some members have a relative outside the network, known to IND or POL."""
    for p in list(cast.members):
        if p.abroad or not w.chance(share):
            continue
        q = w.relative(p, "familie")
        q.label = "background"
        party = "IND" if p.nat != "NL" and w.chance(0.6) else "POL"
        w.fact(party, "FAMILY_OF", p, q, when=w.day(cast.start, cast.end),
               relation=w.rng.choice(("broer", "zus", "neef", "nicht", "oom", "moeder")))  # fmt: skip
        if w.chance(0.4):
            addr = w.address()
            w.fact(party, "LIVES_AT", q, addr, when=w.day(cast.start, cast.end))
            if not w.chance(0.5):
                w.fact(party, "LIVES_AT", p, addr, when=w.day(cast.start, cast.end))


def truth_entry(cast: Cast) -> dict[str, Any]:
    return {
        "id": cast.gid,
        "scenario": cast.scenario,
        "variant": cast.variant,
        "members": [p.key for p in cast.members],
        "organisers": [p.key for p in cast.organisers],
        "roles": dict(cast.roles),
        "planted": list(cast.planted),
        "notes": cast.notes,
    }
