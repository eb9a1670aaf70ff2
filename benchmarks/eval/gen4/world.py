"""The true world of gen4: persons, other entities and the facts parties know about them.

Scenario, decoy and background builders add to a :class:`World`; :mod:`.writer` then turns
the facts into deliveries, each party writing them its own way.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from emm.values import bsn as _bsn
from emm.values import iban as _iban
from emm.values import phone as _phone
from emm.values import plate as _plate
from emm.values import postcode as _postcode

from .names import ORIGINS, WORKING_NAMES, NamePool

START = dt.date(2023, 1, 1)
END = dt.date(2026, 10, 31)

# city -> (first two postcode digits, region)
CITIES: dict[str, tuple[int, str]] = {
    "Amsterdam": (10, "Amsterdam"), "Zaandam": (15, "Noord-Holland"), "Haarlem": (20, "Noord-Holland"),
    "Den Haag": (25, "Den Haag"), "Rotterdam": (30, "Rotterdam"), "Schiedam": (31, "Rotterdam"),
    "Dordrecht": (33, "Zuid-West Nederland"), "Utrecht": (35, "Midden-Nederland"),
    "Amersfoort": (38, "Midden-Nederland"), "Almere": (13, "Midden-Nederland"),
    "Leiden": (23, "Den Haag"), "Westland": (26, "Den Haag"), "Zwolle": (80, "Oost-Nederland"),
    "Enschede": (75, "Oost-Nederland"), "Arnhem": (68, "Oost-Nederland"),
    "Nijmegen": (65, "Oost-Nederland"), "Venlo": (59, "Limburg"), "Roermond": (60, "Limburg"),
    "Maastricht": (62, "Limburg"), "Eindhoven": (56, "Oost-Brabant"), "Tilburg": (50, "Zeeland-West-Brabant"),
    "Breda": (48, "Zeeland-West-Brabant"), "Roosendaal": (47, "Zeeland-West-Brabant"),
    "Groningen": (97, "Noord-Nederland"), "Emmen": (78, "Noord-Nederland"),
    "Ter Apel": (95, "Noord-Nederland"), "Leeuwarden": (89, "Noord-Nederland"),
    "Den Bosch": (52, "Oost-Brabant"), "Waalwijk": (51, "Zeeland-West-Brabant"),
    "Horst": (59, "Limburg"), "Vlissingen": (43, "Zeeland-West-Brabant"),
}  # fmt: skip

BORDER_POSTS: dict[str, str] = {
    "Schiphol": "NL", "Eindhoven Airport": "NL", "Rotterdam The Hague Airport": "NL",
    "Hoek van Holland": "NL", "IJmuiden": "NL", "Europoort": "NL", "Weert A2": "NL",
    "Hazeldonk A16": "NL", "Oldenzaal A1": "NL", "Bad Nieuweschans A7": "NL",
    "Venlo A67": "NL", "Zevenaar A12": "NL", "Maastricht Airport": "NL",
}  # fmt: skip

_NL_BANKS = ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "KNAB", "BUNQ", "ASNB", "RBRB")
_BANK_NAMES = {"ABNA": "ABN AMRO", "INGB": "ING", "RABO": "Rabobank", "SNSB": "SNS",
               "TRIO": "Triodos", "KNAB": "Knab", "BUNQ": "bunq", "ASNB": "ASN", "RBRB": "RegioBank"}  # fmt: skip

# country -> (calling code, number-of-digits after it, leading digits)
_PHONES: dict[str, tuple[str, int, str]] = {
    "PL": ("48", 9, "5"), "RO": ("40", 9, "7"), "BG": ("359", 9, "8"), "UA": ("380", 9, "6"),
    "VN": ("84", 9, "9"), "NG": ("234", 10, "80"), "ER": ("291", 7, "7"), "GB": ("44", 10, "7"),
    "AE": ("971", 9, "5"), "TR": ("90", 10, "5"), "MA": ("212", 9, "6"), "CN": ("86", 11, "13"),
    "TH": ("66", 9, "8"), "BR": ("55", 11, "119"), "CO": ("57", 10, "3"), "DE": ("49", 11, "15"),
    "BE": ("32", 9, "4"), "SY": ("963", 9, "9"), "AF": ("93", 9, "7"), "PH": ("63", 10, "9"),
    "AL": ("355", 9, "6"), "IN": ("91", 10, "9"), "HU": ("36", 9, "3"), "LT": ("370", 8, "6"),
    "ET": ("251", 9, "9"), "IQ": ("964", 10, "7"), "FR": ("33", 9, "6"), "IT": ("39", 10, "3"),
}  # fmt: skip


@dataclass(eq=False)
class Person:
    key: str
    given: str
    middle: str
    surname: str
    origin: str
    gender: str
    dob: dt.date
    bsn: str | None = None
    v_number: str | None = None
    dob_known: bool = True  # False: registered by IND/KMAR with a placeholder
    alias: str | None = None  # working name in advertisements
    minor: bool = False
    label: str = "background"
    kind: str = "Person"

    @property
    def nationality(self) -> str:
        return ORIGINS[self.origin][1]

    @property
    def full(self) -> str:
        return " ".join(x for x in (self.given, self.middle, self.surname) if x)


@dataclass(eq=False)
class Ent:
    kind: str
    key: str
    fields: dict[str, str]
    party: str | None = None  # for Signal, Investigation, Group: the party that owns it


@dataclass(eq=False)
class Fact:
    party: str
    rel: str
    a: Person | Ent
    b: Person | Ent
    registered: dt.date
    fields: dict[str, Any] = field(default_factory=dict)
    basis: str | None = None
    extract: str | None = None  # a separate delivery (investigation extract, inspection)


@dataclass
class Net:
    id: str
    scenario: str
    variant: str
    members: dict[str, str] = field(default_factory=dict)  # person key -> role
    organisers: list[str] = field(default_factory=list)
    planted: list[str] = field(default_factory=list)
    notes: str = ""
    kind: str = "network"  # or "decoy"
    looks_like: str = ""

    def add(self, p: Person, role: str) -> Person:
        self.members.setdefault(p.key, role)
        p.label = self.id
        return p

    def org(self, p: Person, role: str) -> Person:
        self.add(p, role)
        if p.key not in self.organisers:
            self.organisers.append(p.key)
        return p

    def feature(self, *names: str) -> None:
        for n in names:
            if n not in self.planted:
                self.planted.append(n)


class World:
    """Everything that is true, plus what each party knows (the facts)."""

    def __init__(self, seed: int, scale: float) -> None:
        self.seed = seed
        self.scale = scale
        self.rng = random.Random(f"gen4/{seed}/{scale}")
        self.names = NamePool(seed)
        self.persons: list[Person] = []
        self.facts: list[Fact] = []
        self.nets: list[Net] = []
        self.not_same: list[tuple[Person, Person, str]] = []
        self._used: set[str] = set()
        self._n = 0
        self.posts = {
            n: Ent("BorderPost", "bp:" + n, {"name": n, "country": c})
            for n, c in BORDER_POSTS.items()
        }
        self.hotels: list[Ent] = []
        self.employers: list[Ent] = []
        self.reception = self.address("Ter Apel", kind="aanmeldcentrum")
        self.coa_centres = [
            self.address(c, kind="azc") for c in ("Budel", "Zwolle", "Emmen", "Den Bosch")
        ]

    # ---- values --------------------------------------------------------------------------

    def unique(self, make: Any) -> str:
        for _ in range(1000):
            v = make()
            if v not in self._used:
                self._used.add(v)
                return str(v)
        raise RuntimeError("no unique value")

    def digits(self, n: int) -> str:
        return "".join(str(self.rng.randrange(10)) for _ in range(n))

    def new_bsn(self) -> str:
        def make() -> str:
            while True:
                head = str(self.rng.randrange(1, 10)) + self.digits(7)
                c = _bsn.check_digit(head)
                if c is not None:
                    return head + str(c)

        return self.unique(make)

    def date_between(self, a: dt.date, b: dt.date) -> dt.date:
        if b <= a:
            return a
        return a + dt.timedelta(days=self.rng.randrange((b - a).days + 1))

    def later(self, d: dt.date, lo: int = 0, hi: int = 30) -> dt.date:
        return min(END, d + dt.timedelta(days=self.rng.randint(lo, hi)))

    def span(self, months: tuple[int, int] = (8, 30)) -> tuple[dt.date, dt.date]:
        length = self.rng.randint(*months) * 30
        start = self.date_between(START, END - dt.timedelta(days=length))
        return start, start + dt.timedelta(days=length)

    # ---- entities ------------------------------------------------------------------------

    def person(
        self,
        origin: str = "NL",
        *,
        gender: str | None = None,
        age: tuple[int, int] = (19, 65),
        bsn: bool | None = None,
        migrant: bool = False,
        born: dt.date | None = None,
        surname: str | None = None,
    ) -> Person:
        rng = self.rng
        g = gender or rng.choice("MF")
        given, middle, sur = self.names.draw(origin, g, rng)
        if surname is not None:
            sur = surname
        if born is None:
            years = rng.uniform(age[0], age[1] + 0.99)
            born = dt.date(2026, 6, 30) - dt.timedelta(days=int(years * 365.25))
        if born.month == 1 and born.day == 1:
            born = born + dt.timedelta(days=3)
        self._n += 1
        has_bsn = bsn if bsn is not None else (origin == "NL" or rng.random() < 0.55)
        p = Person(
            key=f"G4P{self._n:05d}",
            given=given,
            middle=middle,
            surname=sur,
            origin=origin,
            gender=g,
            dob=born,
            bsn=self.new_bsn() if has_bsn else None,
        )
        p.minor = born > dt.date(2008, 6, 30)
        if migrant or origin not in ("NL",):
            p.v_number = self.unique(lambda: str(self.rng.randrange(1, 10)) + self.digits(9))
        if migrant:
            p.dob_known = rng.random() < 0.45
            if not has_bsn:
                p.bsn = None
        self.persons.append(p)
        return p

    def alias(self, p: Person) -> Person:
        p.alias = self.rng.choice(WORKING_NAMES)
        return p

    def address(self, city: str | None = None, *, kind: str = "woning") -> Ent:
        rng = self.rng
        city = city or rng.choice(list(CITIES))
        prefix = CITIES.get(city, (rng.randrange(10, 99), ""))[0]

        def make() -> str:
            while True:
                letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXZ") for _ in range(2))
                pc = f"{prefix}{rng.randrange(10, 100)}{letters}"
                if _postcode.is_valid(pc):
                    return f"{pc}|{rng.randrange(1, 240)}"

        key = self.unique(make)
        pc, num = key.split("|")
        fields = {
            "postcode": pc,
            "house_number": num,
            "street": self._street(),
            "city": city,
            "kind": kind,
        }
        if kind == "woning" and rng.random() < 0.12:
            fields["addition"] = rng.choice(["A", "B", "I", "II", "III", "HS", "BIS"])
        return Ent("Address", "adr:" + key, fields)

    def _street(self) -> str:
        f = self.names._faker["NL"]
        return str(f.street_name())

    def phone(self, country: str = "NL") -> Ent:
        rng = self.rng

        def make() -> str:
            if country == "NL":
                if rng.random() < 0.9:
                    return "+316" + self.digits(8)
                return (
                    "+31"
                    + rng.choice(["10", "20", "30", "40", "50", "70", "76", "77"])
                    + self.digits(7)
                )
            cc, n, lead = _PHONES[country]
            return "+" + cc + lead + self.digits(n - len(lead))

        for _ in range(50):
            num = self.unique(make)
            if _phone.is_valid(num) and _phone.normalise(num) == num:
                return Ent("Phone", "tel:" + num, {"number": num})
        raise RuntimeError(f"cannot make a phone number for {country}")

    def email(self, p: Person | None = None, domain: str | None = None) -> Ent:
        rng = self.rng
        base = "info"
        if p is not None:
            from .names import strip_accents

            base = strip_accents(f"{p.given}.{p.surname}").lower().replace(" ", "").replace("-", "")
            base = "".join(c for c in base if c.isalnum() or c == ".")
        dom = domain or rng.choice(
            [
                "gmail.com",
                "hotmail.com",
                "outlook.com",
                "live.nl",
                "ziggo.nl",
                "kpnmail.nl",
                "yahoo.com",
            ]
        )
        addr = self.unique(
            lambda: f"{base}{rng.randrange(100) if rng.random() < 0.6 else ''}@{dom}"
        )
        return Ent("Email", "mail:" + addr, {"address": addr})

    def account(self, country: str = "NL") -> Ent:
        rng = self.rng
        bank = ""

        def make() -> str:
            nonlocal bank
            if country == "NL":
                while True:
                    head = str(rng.randrange(1, 10)) + self.digits(8)
                    c = _iban.nl_account_check_digit(head)
                    if c is not None:
                        bank = rng.choice(_NL_BANKS)
                        return _iban.check_digits("NL", bank + head + str(c))
            length = _iban.LENGTHS.get(country, 24) - 4
            if country in ("GB", "RO", "BG"):
                bank = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") for _ in range(4))
                return _iban.check_digits(country, bank + self.digits(length - 4))
            bank = ""
            return _iban.check_digits(country, self.digits(length))

        iban = self.unique(make)
        if not _iban.is_valid(iban):
            raise RuntimeError("invalid IBAN made")
        fields = {"iban": iban}
        if country == "NL":
            fields["bank"] = _BANK_NAMES[bank]
        return Ent("BankAccount", "iban:" + iban, fields)

    def company(self, name: str, sector: str, *, kvk: bool = True) -> Ent:
        fields = {"name": name, "sector": sector}
        key = "co:" + name + ":" + str(self._n) + self.digits(4)
        if kvk:
            fields["kvk"] = self.unique(lambda: str(self.rng.randrange(1, 10)) + self.digits(7))
            key = "kvk:" + fields["kvk"]
        return Ent("Company", key, fields)

    def company_name(self, suffix: str = "B.V.") -> str:
        f = self.names._faker["NL"]
        stem = self.rng.choice([f.last_name(), f.city(), f.last_name() + " & " + f.last_name()])
        return f"{stem} {suffix}".strip()

    def vehicle(self, country: str = "NL") -> Ent:
        rng = self.rng
        make_, model = rng.choice([("Volkswagen", "Transporter"), ("Ford", "Transit"), ("Renault", "Trafic"),
                                   ("Mercedes-Benz", "Sprinter"), ("Opel", "Vivaro"), ("Toyota", "Corolla"),
                                   ("Volkswagen", "Golf"), ("BMW", "3-serie"), ("Audi", "A4"), ("Peugeot", "308"),
                                   ("Skoda", "Octavia"), ("Kia", "Ceed"), ("Mercedes-Benz", "E-klasse")])  # fmt: skip
        if country == "NL":

            def mk() -> str:
                pattern = rng.choice(
                    ["99-XXX-9", "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "XX-99-XX"]
                )
                return "".join(
                    rng.choice("BDFGHJKLNPRSTVXZ")
                    if c == "X"
                    else str(rng.randrange(10))
                    if c == "9"
                    else c
                    for c in pattern
                )

            plate = self.unique(mk)
            if not _plate.is_valid(plate):
                raise RuntimeError("invalid plate made")
        else:
            plate = self.unique(
                lambda: (
                    "".join(rng.choice("ABCDEFGHKLMNPRSTUVWXYZ") for _ in range(2)) + self.digits(4)
                )
            )
        return Ent(
            "Vehicle",
            f"veh:{country}:{plate}",
            {"plate": plate, "country": country, "make": make_, "model": model},
        )

    def document(self, p: Person, doc_type: str = "passport", country: str | None = None) -> Ent:
        cc = country or p.nationality
        num = self.unique(
            lambda: (
                "".join(self.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
                + self.digits(7)
            )
        )
        return Ent(
            "IdentityDocument",
            f"doc:{doc_type}:{cc}:{num}",
            {"doc_type": doc_type, "number": num, "country": cc},
        )

    def ad(self, platform: str, title: str, posted: dt.date, kind: str = "sex") -> Ent:
        ad_id = self.unique(lambda: str(self.rng.randrange(100000, 9999999)))
        return Ent("Advertisement", f"ad:{platform}:{ad_id}",
                   {"platform": platform, "ad_id": ad_id, "title": title, "posted_at": posted.isoformat(), "kind": kind})  # fmt: skip

    def signal(self, party: str, phenomenon: str, reported: dt.date, summary: str, *,
               region: str | None = None, sector: str | None = None) -> Ent:  # fmt: skip
        sid = self.unique(lambda: f"{party[:2]}S{reported.year}-{self.rng.randrange(10000, 99999)}")
        fields = {"signal_id": sid, "phenomenon": phenomenon, "reported_at": reported.isoformat(),
                  "region": region or self.rng.choice(sorted({r for _, r in CITIES.values()})), "summary": summary}  # fmt: skip
        if sector:
            fields["sector"] = sector
        return Ent("Signal", f"sig:{party}:{sid}", fields, party=party)

    def investigation(
        self, party: str, phenomenon: str, started: dt.date, name: str, status: str = "lopend"
    ) -> Ent:
        code = {"POL": "ON", "KMAR": "KM", "ISZW": "AI", "OM": "PN"}[party]
        cid = self.unique(lambda: f"{code}-{started.year}-{self.rng.randrange(100, 999)}")
        fields = {
            "case_id": cid,
            "name": name,
            "phenomenon": phenomenon,
            "started_at": started.isoformat(),
            "status": status,
        }
        return Ent("Investigation", "inv:" + cid, fields, party=party)

    def group(self, party: str, name: str, kind: str) -> Ent:
        return Ent(
            "Group", f"grp:{party}:{name.upper()}", {"name": name, "kind": kind}, party=party
        )

    # ---- facts ---------------------------------------------------------------------------

    def fact(self, party: str, rel: str, a: Person | Ent, b: Person | Ent, when: dt.date, *,
             basis: str | None = None, extract: str | None = None, lag: int = 20, **fields: Any) -> Fact:  # fmt: skip
        """``party`` knows ``a -rel-> b``; ``when`` is the event date, registration follows it."""
        reg = self.later(when, 0, lag)
        f = Fact(
            party,
            rel,
            a,
            b,
            reg,
            {k: v for k, v in fields.items() if v is not None},
            basis,
            extract,
        )
        self.facts.append(f)
        return f

    def call(self, party: str, a: Ent, b: Ent, when: dt.date, *, extract: str | None = None,
             count: int | None = None) -> None:  # fmt: skip
        n = count or self.rng.randint(1, 60)
        self.fact(party, "CALLED", a, b, when, extract=extract, date=when, count=n,
                  duration=n * self.rng.randint(20, 240))  # fmt: skip

    def involve(self, party: str, ent: Person | Ent, case: Ent, role: str, when: dt.date, *,
                extract: str | None = None) -> None:  # fmt: skip
        self.fact(party, "INVOLVED_IN", ent, case, when, extract=extract, role=role)

    def pay(self, party: str, a: Ent, b: Ent, amount: float, when: dt.date, description: str | None = None, *,
            extract: str | None = None) -> None:  # fmt: skip
        self.fact(
            party,
            "PAYMENT",
            a,
            b,
            when,
            extract=extract,
            amount=round(amount, 2),
            date=when,
            description=description,
        )

    def kin(
        self,
        party: str,
        a: Person,
        b: Person,
        relation: str,
        when: dt.date,
        extract: str | None = None,
    ) -> None:
        self.fact(party, "FAMILY_OF", a, b, when, extract=extract, relation=relation)

    def months(self, a: dt.date, b: dt.date, step: int = 30) -> list[dt.date]:
        out = []
        d = a
        while d <= b:
            out.append(d)
            d += dt.timedelta(days=step)
        return out
