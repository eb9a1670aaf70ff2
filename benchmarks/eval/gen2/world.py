"""The true world behind the deliveries: people, things, and the facts parties registered.

Scenario builders create :class:`Human` objects (a real person), :class:`Thing` objects (an
address, phone, account, company...), and :class:`Fact` objects (one relationship that one
party registered on one date). The writer (:mod:`.writer`) later turns facts into delivery
rows, writing each person as that party writes them (:mod:`.render`). Ground truth (networks,
decoys) is kept here too.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from . import ids
from .names import NameFactory, PersonName

__all__ = ["Fact", "Human", "Network", "PersonView", "Thing", "World"]

START = date(2022, 1, 1)
END = date(2025, 6, 30)


@dataclass(eq=False)
class Human:
    """A real person. ``dob_precision`` is ``full``, ``month`` (day unknown) or ``year``."""

    key: str
    name: PersonName
    gender: str
    nationality: str
    dob: date | None
    dob_precision: str = "full"
    bsn: str | None = None
    v_number: str | None = None
    # the KMAR placeholder year may differ from the true year (age as stated at the border)
    stated_year: int | None = None
    label: str = "background"  # network id, decoy id or "background": for the README counts


@dataclass(eq=False)
class PersonView:
    """A fixed way one record shows a person (working name, alias, false identity...).

    ``fields`` are the delivery values (name, birth_date, ...); ``tags`` say how the record
    differs from the person's usual records.
    """

    human: Human
    fields: dict[str, Any]
    tags: tuple[str, ...]


@dataclass(eq=False)
class Thing:
    """A non-person entity; ``fields`` hold canonical values, formatted per party on output."""

    label: str
    fields: dict[str, Any]


PersonEnd = Human | PersonView
End = Human | PersonView | Thing


@dataclass(eq=False)
class Fact:
    party: str
    rel: str
    a: End
    b: End
    registered: date
    props: dict[str, Any] = field(default_factory=dict)
    basis: str | None = None  # override of the delivery's legal basis
    channel: str = "batch"  # "batch" or "case:<case_id>" for an investigation extract


@dataclass
class Network:
    id: str
    scenario: str
    variant: str
    roles: dict[str, str] = field(default_factory=dict)  # person key -> role
    organisers: list[str] = field(default_factory=list)
    notes: str = ""

    def add(self, h: Human, role: str, *, organiser: bool = False) -> Human:
        self.roles[h.key] = role
        h.label = self.id
        if organiser:
            self.organisers.append(h.key)
        return h


def clamp(d: date) -> date:
    return min(max(d, START), END)


class World:
    """Factories for people and things, the list of facts, and the ground truth."""

    def __init__(self, seed: int, scale: float) -> None:
        self.seed = seed
        self.scale = scale
        self.rng = random.Random(f"{seed}:world")
        self.names = NameFactory(seed)
        self.humans: list[Human] = []
        self.facts: list[Fact] = []
        self.networks: list[Network] = []
        self.decoys: list[dict[str, Any]] = []
        self.lookalikes: list[tuple[Human, Human, str]] = []
        self.used: dict[str, set[str]] = {
            k: set()
            for k in (
                "bsn",
                "iban",
                "phone",
                "plate",
                "kvk",
                "doc",
                "v",
                "addr",
                "ad",
                "signal",
                "case",
            )
        }
        self._n = 0
        self.border_posts: dict[str, Thing] = {}
        self.memo: dict[Any, Any] = {}
        self.age_ref = date(
            2024, 1, 1
        )  # the date at which ``age`` ranges of person() hold  # per-world caches of scenario helpers

    def once(self, key: Any, make: Callable[[], Any]) -> Any:
        """The object remembered under ``key``, made by ``make()`` the first time."""
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    # ---------------------------------------------------------------------------- dates

    def day(self, lo: date = START, hi: date = END) -> date:
        span = (hi - lo).days
        return lo + timedelta(days=self.rng.randint(0, max(span, 0)))

    def period(self, months: int) -> tuple[date, date]:
        """A random activity period of about ``months`` months inside the material's range."""
        length = timedelta(days=30 * months)
        lo = self.day(START, END - length) if END - length > START else START
        self.age_ref = lo  # ages of the people a scenario creates next hold at its start
        return lo, clamp(lo + length)

    # ---------------------------------------------------------------------------- people

    def person(
        self,
        nationality: str = "NL",
        gender: str | None = None,
        *,
        age: tuple[int, int] = (20, 60),
        bsn: bool | None = None,
        v_number: bool | None = None,
        precision: str | None = None,
        name: PersonName | None = None,
    ) -> Human:
        rng = self.rng
        g = gender or rng.choice("MF")
        self._n += 1
        years = rng.randint(*age)
        ref = self.age_ref
        dob = date(ref.year - years, ref.month, min(ref.day, 28)) - timedelta(
            days=rng.randint(0, 360)
        )
        if precision is None:
            precision = "full"
            if nationality in ("ER", "ET", "SO", "AF", "SY", "IQ", "SD") and rng.random() < 0.3:
                precision = rng.choice(("year", "year", "month"))
        if bsn is None:
            bsn = nationality in ("NL", "SR", "BE") or rng.random() < 0.35
        if v_number is None:
            v_number = nationality not in (
                "NL",
                "BE",
                "DE",
                "PL",
                "RO",
                "BG",
                "HU",
                "LT",
                "CZ",
                "PT",
                "SR",
            )
        stated = dob.year
        if precision == "year" and rng.random() < 0.3:
            stated += rng.choice((-1, 1))
        h = Human(
            key=f"H{self._n:05d}",
            name=name or self.names.name(nationality, g),
            gender=g,
            nationality=nationality,
            dob=dob,
            dob_precision=precision,
            bsn=ids.bsn(rng, self.used["bsn"]) if bsn else None,
            v_number=ids.v_number(rng, self.used["v"]) if v_number else None,
            stated_year=stated,
        )
        self.humans.append(h)
        return h

    def view(self, h: Human, tags: tuple[str, ...], **fields: Any) -> PersonView:
        return PersonView(h, {k: v for k, v in fields.items() if v}, tags)

    # ---------------------------------------------------------------------------- things

    def address(
        self,
        city: str | None = None,
        kind: str = "woning",
        *,
        street: str | None = None,
        number: int | None = None,
        addition: str | None = None,
    ) -> Thing:
        rng = self.rng
        city = city or rng.choice(list(ids.CITIES))
        while True:
            pc = ids.postcode(rng, city)
            nr = number or rng.randint(1, 240)
            add = (
                addition
                if addition is not None
                else (rng.choice(("A", "B", "1", "2", "HS", "")) if rng.random() < 0.15 else "")
            )
            key = f"{pc}|{nr}|{add}"
            if key not in self.used["addr"]:
                self.used["addr"].add(key)
                break
            number = None
        fk = self.names._faker("nl_NL")
        return Thing(
            "Address",
            {
                "postcode": pc,
                "house_number": nr,
                "addition": add,
                "street": street or fk.street_name(),
                "city": city,
                "kind": kind,
            },
        )

    def unit(self, base: Thing, addition: str) -> Thing:
        """Another unit (addition) in the same building as ``base``."""
        f = dict(base.fields)
        f["addition"] = addition
        key = f"{f['postcode']}|{f['house_number']}|{addition}"
        self.used["addr"].add(key)
        return Thing("Address", f)

    def phone(self, country: str = "NL") -> Thing:
        return Thing("Phone", {"number": ids.phone(self.rng, self.used["phone"], country)})

    def email(self, local: str, domain: str = "gmail.com") -> Thing:
        local = "".join(c for c in local.lower() if c.isalnum() or c == ".")
        return Thing("Email", {"address": f"{local}{self.rng.randint(1, 999)}@{domain}"})

    def account(self, country: str = "NL") -> Thing:
        value = ids.iban(self.rng, self.used["iban"], country)
        bank = ids.NL_BANKS.get(value[4:8], "") if country == "NL" else ""
        return Thing("BankAccount", {"iban": value, "bank": bank})

    def vehicle(
        self, country: str = "NL", make: str | None = None, model: str | None = None
    ) -> Thing:
        rng = self.rng
        if country == "NL":
            plate = ids.nl_plate(rng, self.used["plate"])
        else:
            plate = ids.foreign_plate(rng, self.used["plate"], country)
        if make is None:
            make, model = rng.choice(
                (
                    ("Volkswagen", "Transporter"),
                    ("Mercedes-Benz", "Sprinter"),
                    ("Renault", "Trafic"),
                    ("Ford", "Transit"),
                    ("Opel", "Vivaro"),
                    ("Volkswagen", "Golf"),
                    ("BMW", "320d"),
                    ("Audi", "A4"),
                    ("Toyota", "Corolla"),
                    ("Skoda", "Octavia"),
                    ("Peugeot", "308"),
                )
            )
        return Thing("Vehicle", {"plate": plate, "country": country, "make": make, "model": model})

    def company(self, name: str, sector: str, *, kvk: bool = True) -> Thing:
        return Thing(
            "Company",
            {
                "name": name,
                "sector": sector,
                "kvk": ids.kvk(self.rng, self.used["kvk"]) if kvk else "",
            },
        )

    def document(self, h: Human, doc_type: str = "passport", country: str | None = None) -> Thing:
        c = country or h.nationality
        number = ids.doc_number(self.rng, self.used["doc"], c, doc_type)
        return Thing("IdentityDocument", {"doc_type": doc_type, "number": number, "country": c})

    def ad(self, platform: str, title: str, posted: date, kind: str = "sex") -> Thing:
        while True:
            ad_id = f"{self.rng.randint(100000, 9999999)}"
            if f"{platform}|{ad_id}" not in self.used["ad"]:
                self.used["ad"].add(f"{platform}|{ad_id}")
                break
        return Thing(
            "Advertisement",
            {
                "platform": platform,
                "ad_id": ad_id,
                "title": title,
                "posted_at": posted,
                "kind": kind,
            },
        )

    def border_post(self, name: str) -> Thing:
        if name not in self.border_posts:
            self.border_posts[name] = Thing("BorderPost", {"name": name, "country": "NL"})
        return self.border_posts[name]

    def group(self, name: str, kind: str) -> Thing:
        return Thing("Group", {"name": name, "kind": kind})

    def signal(
        self,
        party: str,
        phenomenon: str,
        reported: date,
        *,
        region: str = "",
        sector: str = "",
        summary: str = "",
    ) -> Thing:
        prefix = {"POL": "SIG", "KMAR": "KM", "ISZW": "NLA"}[party]
        while True:  # random, not sequential: creation order must not show in the ids
            sid = f"{prefix}-{reported.year}-{self.rng.randint(1, 99999):05d}"
            if sid not in self.used["signal"]:
                self.used["signal"].add(sid)
                break
        return Thing(
            "Signal",
            {
                "signal_id": sid,
                "phenomenon": phenomenon,
                "reported_at": reported,
                "region": region,
                "sector": sector,
                "summary": summary,
                "_party": party,
            },
        )

    def investigation(
        self, party: str, name: str, phenomenon: str, started: date, status: str = "lopend"
    ) -> Thing:
        code = {"POL": "ON", "KMAR": "KM-OPS", "ISZW": "NLA-OPS"}[party]
        while True:
            case_id = f"{code}-{started.year}-{self.rng.randint(1, 9999):04d}"
            if case_id not in self.used["case"]:
                self.used["case"].add(case_id)
                break
        return Thing(
            "Investigation",
            {
                "case_id": case_id,
                "name": name,
                "phenomenon": phenomenon,
                "started_at": started,
                "status": status,
                "_party": party,
            },
        )

    # ---------------------------------------------------------------------------- facts

    def fact(
        self,
        party: str,
        rel: str,
        a: End,
        b: End,
        when: date,
        *,
        basis: str | None = None,
        channel: str = "batch",
        **props: Any,
    ) -> Fact:
        f = Fact(
            party,
            rel,
            a,
            b,
            clamp(when),
            {k: v for k, v in props.items() if v is not None and v != ""},
            basis,
            channel,
        )
        self.facts.append(f)
        return f

    def network(self, scenario: str, variant: str, notes: str = "") -> Network:
        n = Network(f"N{len(self.networks) + 1:02d}", scenario, variant, notes=notes)
        self.networks.append(n)
        return n

    def decoy(self, kind: str, members: list[Human], notes: str = "") -> None:
        did = f"D{len(self.decoys) + 1:02d}"
        for h in members:
            if h.label == "background":
                h.label = did
        self.decoys.append(
            {"id": did, "kind": kind, "members": [h.key for h in members], "notes": notes}
        )
