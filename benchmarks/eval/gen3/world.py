"""The true world gen3 writes deliveries from: persons and things as they are, and facts (one
party's knowledge of one relationship, registered on a date, in a batch or an investigation).

Nothing here knows how a party writes a record; :mod:`render` does that.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from benchmarks.eval.gen3.idents import (
    BORDER_POSTS,
    CITIES,
    CITY_NAMES,
    FAMILY_FIRST,
    UNKNOWN_DOB_LIKELY,
    Idents,
)

START = dt.date(2023, 1, 1)
END = dt.date(2026, 10, 31)
_SPAN = (END - START).days


@dataclass
class Ent:
    """A non-person entity: its label and its true (normalised) field values."""

    label: str
    uid: str
    fields: dict[str, Any]


@dataclass
class Person:
    key: str
    given: list[list[str]]
    surname: list[str]
    gender: str
    nat: str
    birth: dt.date
    bsn: str | None = None
    v_number: str | None = None
    dob_unknown: bool = False  # registered as 1 January by KMAR and IND
    aliases: list[str] = field(default_factory=list)  # street or working names used by POL
    home: Ent | None = None
    phones: list[Ent] = field(default_factory=list)
    accounts: list[Ent] = field(default_factory=list)
    docs: list[Ent] = field(default_factory=list)
    label: str = "background"
    alt_ids: list[tuple[str, str, dt.date]] = field(default_factory=list)  # names given at arrests

    @property
    def label_type(self) -> str:
        return "Person"

    def full_name(self, spelling: int = 0) -> str:
        given = " ".join(g[min(spelling, len(g) - 1)] for g in self.given)
        sur = self.surname[min(spelling, len(self.surname) - 1)]
        return f"{sur} {given}" if self.nat in FAMILY_FIRST else f"{given} {sur}"


Node = Ent | Person


@dataclass
class Fact:
    party: str
    rel: str
    src: Node
    dst: Node
    registered: dt.date
    case: str | None  # investigation case id: goes to that investigation's extract
    props: dict[str, Any]


def clamp(d: dt.date) -> dt.date:
    return min(max(d, START), END)


class World:
    """Persons, entities and facts, with helpers that keep them consistent."""

    def __init__(self, seed: int, scale: float) -> None:
        self.rng = random.Random(seed * 7919 + 3)
        self.ids = Idents(random.Random(seed * 104729 + 11))
        self.scale = scale
        self.persons: dict[str, Person] = {}
        self.facts: list[Fact] = []
        self._addresses: set[tuple[str, str, str]] = set()
        self._borders: dict[str, Ent] = {}
        self._uid = 0
        self.cases: dict[str, Ent] = {}  # case id -> Investigation
        self.case_owner: dict[str, str] = {}
        self._street_pcs: dict[tuple[str, str], str] = {}

    # ----------------------------------------------------------------------------- time

    def day(self, lo: dt.date = START, hi: dt.date = END) -> dt.date:
        lo, hi = clamp(lo), clamp(hi)
        if hi <= lo:
            return lo
        return lo + dt.timedelta(days=self.rng.randrange((hi - lo).days + 1))

    def later(self, d: dt.date, lo: int, hi: int) -> dt.date:
        return clamp(d + dt.timedelta(days=self.rng.randint(lo, hi)))

    # ----------------------------------------------------------------------------- entities

    def _next(self, label: str) -> str:
        self._uid += 1
        return f"{label}{self._uid}"

    def person(
        self,
        nat: str = "NL",
        gender: str | None = None,
        age: tuple[int, int] = (18, 60),
        *,
        resident: bool | None = None,
        surname: list[str] | None = None,
        at: dt.date = dt.date(2024, 6, 1),
    ) -> Person:
        r = self.rng
        g = gender or r.choice("MF")
        given, sur = self.ids.name_parts(nat, g)
        if surname is not None:
            sur = surname
        years = r.randint(*age)
        birth = at - dt.timedelta(days=years * 365 + r.randrange(365))
        key = f"G3P{len(self.persons) + 1:05d}"
        resident = (nat == "NL" or r.random() < 0.55) if resident is None else resident
        p = Person(key, given, sur, g, nat, birth)
        if resident:
            p.bsn = self.ids.bsn()
        if nat not in ("NL", "BE", "DE", "PL", "RO", "BG", "HU", "LT", "CZ", "GB"):
            p.v_number = self.ids.v_number() if r.random() < 0.8 else None
            p.dob_unknown = nat in UNKNOWN_DOB_LIKELY and r.random() < 0.5
        self.persons[key] = p
        return p

    def address(self, city: str | None = None, kind: str = "woning", *, street: str | None = None,
                number: int | None = None, addition: str = "") -> Ent:  # fmt: skip
        r = self.rng
        city = city or r.choice(CITY_NAMES)
        for _ in range(200):
            pc = self.ids.postcode(city) if street is None else self._street_pc(street, city)
            hn = str(number if number is not None else r.randint(1, 240))
            key = (pc, hn, addition)
            if key not in self._addresses:
                self._addresses.add(key)
                fields = {"postcode": pc, "house_number": hn, "street": street or self.ids.street(),
                          "city": city, "kind": kind}  # fmt: skip
                if addition:
                    fields["addition"] = addition
                return Ent("Address", self._next("A"), fields)
            number = None
        raise RuntimeError("no free address")

    def _street_pc(self, street: str, city: str) -> str:
        k = (street, city)
        if k not in self._street_pcs:
            self._street_pcs[k] = self.ids.postcode(city)
        return self._street_pcs[k]

    def building(self, n: int, city: str | None = None, kind: str = "woning") -> list[Ent]:
        """Units of one building: one postcode and number, additions A, B... or 1, 2..."""
        city = city or self.rng.choice(CITY_NAMES)
        street = self.ids.street()
        pc = self.ids.postcode(city)
        self._street_pcs[(street, city)] = pc
        number = self.rng.randint(1, 300)
        roman = self.rng.random() < 0.3
        units = []
        for i in range(n):
            add = ["I", "II", "III", "IV", "V", "VI"][i % 6] + ("" if i < 6 else str(i // 6)) if roman \
                else (chr(ord("A") + i) if i < 26 else f"{i + 1}")  # fmt: skip
            if (pc, str(number), add) in self._addresses:
                continue
            self._addresses.add((pc, str(number), add))
            units.append(Ent("Address", self._next("A"), {
                "postcode": pc, "house_number": str(number), "addition": add, "street": street,
                "city": city, "kind": kind}))  # fmt: skip
        return units

    def street_houses(self, n: int, city: str, kind: str) -> list[Ent]:
        """n houses in one street (a holiday park, a row of chalets)."""
        street = self.ids.street()
        start = self.rng.randint(1, 40)
        return [self.address(city, kind, street=street, number=start + i) for i in range(n)]

    def phone(self, owner: Person | None = None, cc: str = "NL") -> Ent:
        e = Ent("Phone", self._next("T"), {"number": self.ids.phone(cc)})
        if owner is not None:
            owner.phones.append(e)
        return e

    def landline(self, city: str) -> Ent:
        return Ent("Phone", self._next("T"), {"number": self.ids.landline(city)})

    def email(self, local: str, domain: str) -> Ent:
        clean = "".join(c for c in local.lower() if c.isascii() and (c.isalnum() or c in "._"))
        addr = f"{clean or 'info'}{self.rng.randint(1, 999)}@{domain}"
        return Ent("Email", self._next("E"), {"address": addr})

    def account(self, owner: Person | None = None, cc: str = "NL") -> Ent:
        banks = {"NL": ["ING", "Rabobank", "ABN AMRO", "bunq", "SNS"], "RO": ["BCR", "BRD"],
                 "BG": ["DSK Bank"], "PL": ["PKO BP", "mBank"]}  # fmt: skip
        f = {"iban": self.ids.iban(cc)}
        if cc in banks and self.rng.random() < 0.6:
            f["bank"] = self.rng.choice(banks[cc])
        e = Ent("BankAccount", self._next("B"), f)
        if owner is not None:
            owner.accounts.append(e)
        return e

    def vehicle(self, cc: str = "NL", kind: str = "car") -> Ent:
        makes = {"car": [("Volkswagen", "Golf"), ("Opel", "Astra"), ("BMW", "3-serie"),
                         ("Audi", "A4"), ("Toyota", "Yaris"), ("Mercedes-Benz", "C-Klasse"),
                         ("Skoda", "Octavia"), ("Peugeot", "208")],
                 "van": [("Volkswagen", "Transporter"), ("Ford", "Transit"), ("Renault", "Trafic"),
                         ("Mercedes-Benz", "Sprinter"), ("Opel", "Vivaro")],
                 "lorry": [("DAF", "XF"), ("Scania", "R450"), ("Volvo", "FH"), ("MAN", "TGX")],
                 "bus": [("Setra", "S 515"), ("VDL", "Futura")]}  # fmt: skip
        make, model = self.rng.choice(makes[kind])
        f = {"plate": self.ids.plate(cc), "country": cc, "make": make, "model": model}
        return Ent("Vehicle", self._next("V"), f)

    def company(self, name: str, sector: str, *, kvk: bool = True) -> Ent:
        f = {"name": name, "sector": sector}
        if kvk:
            f["kvk"] = self.ids.kvk()
        return Ent("Company", self._next("C"), f)

    def document(self, p: Person, doc_type: str = "passport", cc: str | None = None) -> Ent:
        cc = cc or p.nat
        e = Ent("IdentityDocument", self._next("D"),
                {"doc_type": doc_type, "number": self.ids.doc_number(cc), "country": cc})  # fmt: skip
        p.docs.append(e)
        return e

    def advert(self, platform: str, kind: str, title: str, posted: dt.date) -> Ent:
        f = {"platform": platform, "ad_id": self.ids.token("", 7), "title": title,
             "posted_at": posted, "kind": kind}  # fmt: skip
        return Ent("Advertisement", self._next("AD"), f)

    def signal(self, party: str, phenomenon: str, reported: dt.date, summary: str,
               sector: str = "", city: str | None = None) -> Ent:  # fmt: skip
        f: dict[str, Any] = {"signal_id": self.ids.token(f"{party[:1]}S-{reported.year}-", 5),
                             "phenomenon": phenomenon, "reported_at": reported, "summary": summary}  # fmt: skip
        if city:
            f["region"] = CITIES[city][1]
        if sector:
            f["sector"] = sector
        return Ent("Signal", self._next("S"), f)

    def investigation(self, party: str, name: str, phenomenon: str, started: dt.date,
                      status: str = "lopend") -> Ent:  # fmt: skip
        case_id = self.ids.token(f"{started.year}-{party}-", 4)
        f = {"case_id": case_id, "name": name, "phenomenon": phenomenon, "started_at": started,
             "status": status}  # fmt: skip
        e = Ent("Investigation", self._next("I"), f)
        self.cases[case_id] = e
        self.case_owner[case_id] = party
        return e

    def group(self, name: str, kind: str) -> Ent:
        return Ent("Group", self._next("G"), {"name": name, "kind": kind})

    def border(self, name: str) -> Ent:
        if name not in self._borders:
            self._borders[name] = Ent("BorderPost", self._next("BP"),
                                      {"name": name, "country": BORDER_POSTS[name]})  # fmt: skip
        return self._borders[name]

    # ----------------------------------------------------------------------------- facts

    def fact(self, party: str, rel: str, src: Node, dst: Node, registered: dt.date,
             case: Ent | None = None, **props: Any) -> None:  # fmt: skip
        cid = case.fields["case_id"] if case is not None else None
        self.facts.append(Fact(party, rel, src, dst, clamp(registered), cid, props))

    def home(self, p: Person, addr: Ent) -> None:
        p.home = addr


class Ctx:
    """One source of facts: a party and a registration date, optionally an investigation."""

    def __init__(self, w: World, party: str, registered: dt.date, case: Ent | None = None):
        self.w, self.party, self.registered, self.case = w, party, clamp(registered), case

    def add(self, rel: str, src: Node | None, dst: Node | None, **props: Any) -> None:
        """Register one fact; a fact about something absent (no Dutch address) is skipped."""
        if src is None or dst is None:
            return
        self.w.fact(self.party, rel, src, dst, self.registered, self.case, **props)

    def involve(self, sig: Ent, who: Node, role: str) -> None:
        self.add("INVOLVED_IN", who, sig, role=role)

    def basics(
        self, p: Person, *, phone: bool = True, home: bool = True, account: bool = False
    ) -> None:
        """What a party typically registers with a person: home address, phone, account."""
        if home and p.home is not None:
            self.add("LIVES_AT", p, p.home)
        if phone and p.phones:
            self.add("USES_PHONE", p, p.phones[0])
        if account and p.accounts:
            self.add("HOLDS_ACCOUNT", p, p.accounts[0])
