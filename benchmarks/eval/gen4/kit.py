"""Small helpers shared by the network, decoy and background builders."""

from __future__ import annotations

import datetime as dt

from .world import Ent, Net, Person, World


class Kit:
    """One network (or decoy) under construction: its time span and its investigation."""

    def __init__(self, w: World, net: Net, phen: str, months: tuple[int, int] = (10, 30)) -> None:
        self.w = w
        self.net = net
        self.phen = phen
        self.t0, self.t1 = w.span(months)
        self.rng = w.rng
        self.x: str | None = None  # extract key of the police investigation, once there is one
        self.case_ent: Ent | None = None

    # ---- dates ---------------------------------------------------------------------------

    def d(self, a: float = 0.0, b: float = 1.0) -> dt.date:
        """A date at a fraction between ``a`` and ``b`` of the network's span."""
        days = (self.t1 - self.t0).days
        lo = self.t0 + dt.timedelta(days=int(days * a))
        hi = self.t0 + dt.timedelta(days=int(days * b))
        return self.w.date_between(lo, hi)

    # ---- facts ---------------------------------------------------------------------------

    def lives(self, party: str, p: Person, adr: Ent, when: dt.date | None = None, *,
              extract: str | None = None, registered: bool = False) -> None:  # fmt: skip
        rel = "REGISTERED_AT" if registered else "LIVES_AT"
        self.w.fact(party, rel, p, adr, when or self.d(), extract=extract)

    def phone(self, party: str, owner: Person | Ent, ph: Ent | None = None, country: str = "NL", *,
              extract: str | None = None, when: dt.date | None = None) -> Ent:  # fmt: skip
        ph = ph or self.w.phone(country)
        self.w.fact(party, "USES_PHONE", owner, ph, when or self.d(), extract=extract)
        return ph

    def acct(self, party: str, owner: Person | Ent, country: str = "NL", *, ac: Ent | None = None,
             extract: str | None = None) -> Ent:  # fmt: skip
        ac = ac or self.w.account(country)
        self.w.fact(party, "HOLDS_ACCOUNT", owner, ac, self.d(), extract=extract)
        return ac

    def case(self, name: str, party: str = "POL", at: float = 0.45) -> Ent:
        """A police (or KMAR, ISZW) investigation; its facts travel as a separate extract."""
        inv = self.w.investigation(party, self.phen, self.d(at, at + 0.1), name)
        self.case_ent = inv
        self.x = inv.key
        return inv

    def inv(self, ent: Person | Ent, role: str, case: Ent | None = None, *, party: str | None = None,
            when: dt.date | None = None) -> None:  # fmt: skip
        case = case or self.case_ent
        assert case is not None
        p = party or case.party or "POL"
        extract = case.key if case is self.case_ent and p == case.party else None
        self.w.involve(p, ent, case, role, when or self.d(0.5, 1.0), extract=extract)

    def om(self, suspects: list[Person], victims: list[Person] | None = None) -> Ent:
        """The prosecution status of the investigation (OM)."""
        started = self.d(0.7, 1.0)
        status = self.rng.choice(
            ["ter zitting", "dagvaarding uitgebracht", "in onderzoek", "vonnis gewezen"]
        )
        case = self.w.investigation(
            "OM", self.phen, started, self.net.variant.replace("_", " ") + " zaak", status
        )
        for p in suspects:
            self.w.involve("OM", p, case, "verdachte", self.w.later(started, 5, 60))
        for p in victims or []:
            self.w.involve("OM", p, case, "benadeelde", self.w.later(started, 5, 60))
        return case

    def signal(self, party: str, summary: str, involved: list[tuple[Person | Ent, str]], *,
               when: dt.date | None = None, sector: str | None = None, part_of: bool = False) -> Ent:  # fmt: skip
        when = when or self.d(0.0, 0.9)
        sig = self.w.signal(party, self.phen, when, summary, sector=sector)
        for ent, role in involved:
            self.w.involve(party, ent, sig, role, when)
        if part_of and self.case_ent is not None and party == self.case_ent.party:
            self.w.fact(party, "PART_OF", sig, self.case_ent, self.w.later(when, 10, 90))
        return sig

    def calls(
        self, a: Ent, b: Ent, n: int = 3, party: str = "POL", *, extract: str | None | bool = True
    ) -> None:
        x = self.x if extract is True else (extract or None)
        for _ in range(n):
            self.w.call(party, a, b, self.d(0.3, 1.0), extract=x)

    def met(
        self,
        a: Person,
        b: Person,
        kind: str = "observatie",
        party: str = "POL",
        weight: int | None = None,
    ) -> None:
        self.w.fact(party, "MET", a, b, self.d(0.3, 1.0), extract=self.x if party == "POL" else None,
                    date=self.d(0.3, 1.0), kind=kind, weight=weight or self.rng.randint(1, 6))  # fmt: skip

    def group(self, party: str, name: str, kind: str, members: list[tuple[Person, str]]) -> Ent:
        g = self.w.group(party, name, kind)
        for p, pos in members:
            self.w.fact(party, "MEMBER_OF", p, g, self.d(0.3, 1.0), extract=self.x if party == "POL" else None,
                        since=self.d(0.0, 0.4), position=pos)  # fmt: skip
        return g

    def stay(self, party: str, p: Person, adr: Ent, when: dt.date | None = None, nights: int | None = None,
             extract: str | None = None) -> None:  # fmt: skip
        w = when or self.d()
        self.w.fact(
            party,
            "STAYED_AT",
            p,
            adr,
            w,
            extract=extract,
            date=w,
            nights=nights or self.rng.randint(1, 14),
        )

    def cross(
        self, party: str, who: Person | Ent, post: str, when: dt.date, direction: str = "in"
    ) -> None:
        self.w.fact(
            party,
            "CROSSED_BORDER",
            who,
            self.w.posts[post],
            when,
            lag=5,
            date=when,
            direction=direction,
        )

    def employ(self, party: str, p: Person, co: Ent, wage: float, since: dt.date | None = None, *,
               extract: str | None = None) -> None:  # fmt: skip
        s = since or self.d(0.0, 0.5)
        self.w.fact(
            party,
            "EMPLOYED_BY",
            p,
            co,
            self.w.later(s, 0, 120),
            extract=extract,
            since=s,
            wage=round(wage, 2),
        )

    def ind_arrival(self, p: Person, *, asylum: bool = True, azc: Ent | None = None, when: dt.date | None = None,
                    doc: str | None = None) -> None:  # fmt: skip
        """What the IND knows of a migrant: registration, documents, reception, absconding."""
        w = self.w
        when = when or self.d(0.0, 0.5)
        if asylum:
            w.fact("IND", "LIVES_AT", p, azc or self.rng.choice(w.coa_centres), when)
        if doc:
            w.fact("IND", "HAS_DOCUMENT", p, w.document(p, doc), when)


def wage_low(w: World) -> float:
    return round(w.rng.uniform(3.2, 9.4), 2)


def wage_fair(w: World) -> float:
    return round(w.rng.uniform(14.1, 24.0), 2)
