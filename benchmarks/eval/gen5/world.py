"""gen5's world: true persons, other entities and the facts each party knows about them.

Nothing here writes files: :mod:`benchmarks.eval.gen5.writer` renders the facts per party.
Values are made with :mod:`emm.values` checks so that every identifier is valid.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from benchmarks.eval.gen5.names import POOLS, SURNAME_FIRST, WORKING_NAMES, female_surname
from emm.values import bsn as bsn_mod
from emm.values import iban as iban_mod
from emm.values import phone as phone_mod
from emm.values import plate as plate_mod

START = dt.date(2024, 1, 8)
END = dt.date(2026, 10, 31)

# (postcode prefix range, city, weight)
CITIES: tuple[tuple[int, int, str, int], ...] = (
    (1011, 1109, "Amsterdam", 14), (3011, 3089, "Rotterdam", 12), (2511, 2597, "Den Haag", 9),
    (3511, 3585, "Utrecht", 7), (5611, 5658, "Eindhoven", 5), (5011, 5049, "Tilburg", 4),
    (9711, 9747, "Groningen", 4), (1311, 1363, "Almere", 4), (4811, 4839, "Breda", 3),
    (6511, 6546, "Nijmegen", 3), (5911, 5928, "Venlo", 3), (2671, 2675, "Naaldwijk", 3),
    (3151, 3151, "Hoek van Holland", 1), (8011, 8043, "Zwolle", 3), (7511, 7548, "Enschede", 3),
    (6811, 6846, "Arnhem", 3), (4701, 4709, "Roosendaal", 2), (5141, 5146, "Waalwijk", 2),
    (5801, 5809, "Venray", 2), (5211, 5237, "Den Bosch", 3), (8911, 8939, "Leeuwarden", 2),
    (6211, 6229, "Maastricht", 2), (2011, 2037, "Haarlem", 3), (1501, 1509, "Zaandam", 2),
    (3311, 3319, "Dordrecht", 2), (9561, 9561, "Ter Apel", 1), (4061, 4064, "Ophemert", 1),
    (5961, 5964, "Horst", 1), (4381, 4389, "Vlissingen", 1), (7811, 7815, "Emmen", 2),
)  # fmt: skip
STREETS = (
    "Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsweg", "Schoolstraat", "Julianastraat",
    "Beatrixlaan", "Wilhelminastraat", "Nieuwstraat", "Markt", "Industrieweg", "Parallelweg",
    "Havenstraat", "Eikenlaan", "Lindelaan", "Burgemeester de Vlugtlaan", "Vondelstraat",
    "Rembrandtlaan", "Oranjestraat", "Prins Hendrikkade", "Zuiderdiep", "Spoorstraat",
    "Kanaalweg", "Nobelstraat", "Hoofdweg", "Van Goghstraat", "Populierenlaan", "Esdoornstraat",
    "Energieweg", "Transportweg", "Distributieweg", "Handelskade", "Laan van Meerdervoort",
    "Bloemstraat", "Tulpstraat", "Meidoornstraat", "Klaverweg", "Zeeweg", "Dijkweg",
)  # fmt: skip
NL_BANKS = ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "BUNQ", "KNAB", "ASNB", "RBRB")
PLATE_FORMS = ("XX-999-X", "99-XXX-9", "X-999-XX", "XXX-99-X", "9-XXX-99", "XX-99-XX")
PLATE_LETTERS = "BDFGHJKLNPRSTVXZ"
CAR_MAKES = (
    ("Volkswagen", "Transporter"), ("Mercedes-Benz", "Sprinter"), ("Ford", "Transit"),
    ("Renault", "Trafic"), ("Volkswagen", "Golf"), ("Opel", "Astra"), ("BMW", "3-serie"),
    ("Audi", "A4"), ("Toyota", "Corolla"), ("Peugeot", "308"), ("Skoda", "Octavia"),
    ("Kia", "Picanto"), ("Dacia", "Logan"), ("Mercedes-Benz", "E-klasse"), ("Fiat", "Ducato"),
    ("Toyota", "Prius"), ("Volvo", "FH"), ("DAF", "XF"), ("Scania", "R450"),
)  # fmt: skip


@dataclass(eq=False)
class Person:
    key: str
    nat: str
    gender: str
    given: tuple[str, ...]
    surname: str
    birth: dt.date
    label: str = "background"
    bsn: str | None = None
    v_number: str | None = None
    undocumented: bool = False  # registered with a placeholder 1 January birth date
    working_name: str | None = None
    abroad: bool = False

    @property
    def name(self) -> str:
        if self.nat in SURNAME_FIRST and self.nat != "HU":
            return " ".join((self.surname, *self.given))
        return " ".join((*self.given, self.surname))


@dataclass(eq=False)
class Ent:
    """A non-person entity; ``props`` hold its canonical values."""

    kind: str
    props: dict[str, Any]
    uid: int = 0


@dataclass(eq=False)
class Fact:
    party: str
    rel: str
    a: Person | Ent
    b: Person | Ent
    props: dict[str, Any]
    reg: dt.date  # registered_at
    known: dt.date  # the party knows it from this day on
    basis: str | None = None
    ctx: Ent | None = None


@dataclass
class Truth:
    networks: list[dict[str, Any]] = field(default_factory=list)
    decoys: list[dict[str, Any]] = field(default_factory=list)
    not_same: list[tuple[Person, Person, str]] = field(default_factory=list)


class World:
    """Everything that happened, as facts per party."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed * 7919 + 5)
        self.persons: list[Person] = []
        self.facts: list[Fact] = []
        self.truth = Truth()
        self._uid = 0
        self._used: set[str] = set()
        self._addr_used: set[tuple[str, int]] = set()
        self._case = 0
        self._om: dict[int, Ent | None] = {}
        self.posts: dict[str, Ent] = {}
        self.phones: dict[str, Ent] = {}  # person key -> a phone the person is known to use
        self.contacts: list[tuple[Person, Ent]] = []  # ordinary people with a phone
        self.reception: list[Ent] = []  # asylum reception centres
        self.hotels: list[Ent] = []
        self.employers: list[Ent] = []  # ordinary employers (companies)

    # ---- small helpers ------------------------------------------------------------------
    def _fresh(self, make: Any) -> str:
        for _ in range(1000):
            value = make()
            if value not in self._used:
                self._used.add(value)
                return str(value)
        raise RuntimeError("no fresh value")

    def ent(self, entity_type: str, /, **props: Any) -> Ent:
        self._uid += 1
        return Ent(entity_type, props, self._uid)

    def day(self, lo: dt.date = START, hi: dt.date = END) -> dt.date:
        span = (hi - lo).days
        return lo + dt.timedelta(days=self.rng.randint(0, max(span, 0)))

    def later(self, d: dt.date, lo: int, hi: int) -> dt.date:
        return min(d + dt.timedelta(days=self.rng.randint(lo, hi)), END)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # ---- persons ------------------------------------------------------------------------
    def person(
        self,
        nat: str = "NL",
        gender: str | None = None,
        age: tuple[int, int] = (20, 60),
        *,
        label: str = "background",
        resident: bool | None = None,
        undocumented: bool = False,
        surname: str | None = None,
        abroad: bool = False,
        working_name: bool = False,
    ) -> Person:
        rng = self.rng
        g = gender or rng.choice("MF")
        males, females, surnames = POOLS[nat]
        given: tuple[str, ...] = (rng.choice(males if g == "M" else females),)
        if nat == "VN":
            given = ("Văn" if g == "M" else "Thị", given[0])
        elif nat in ("NL", "PL", "RO", "ER", "NG", "PH", "CO", "BR") and rng.random() < 0.25:
            second = rng.choice(males if g == "M" else females)
            if second != given[0]:
                given = (given[0], second)
        sn = surname or rng.choice(surnames)
        if g == "F" and surname is None:
            sn = female_surname(nat, sn)
        year = END.year - rng.randint(*age)
        birth = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        if birth.month == 1 and birth.day == 1:
            birth += dt.timedelta(days=3)
        p = Person(f"G5P{len(self.persons) + 1:05d}", nat, g, given, sn, birth, label)
        if resident is None:
            resident = nat == "NL" or rng.random() < 0.55
        if resident and not abroad and not undocumented:
            p.bsn = self._fresh(self._bsn)
        if nat != "NL" and not abroad and (undocumented or not resident or rng.random() < 0.6):
            p.v_number = self._fresh(lambda: str(rng.randint(1_000_000_000, 9_999_999_999)))
        p.undocumented = undocumented
        p.abroad = abroad
        if working_name:
            p.working_name = rng.choice(WORKING_NAMES)
        self.persons.append(p)
        return p

    def _bsn(self) -> str:
        while True:
            lo = 1_000_000 if self.rng.random() < 0.08 else 10_000_000  # some start with 0
            head = f"{self.rng.randint(lo, 69_999_999 if lo > 1_000_000 else 9_999_999):08d}"
            last = bsn_mod.check_digit(head)
            if last is not None and bsn_mod.is_valid(head + str(last)):
                return head + str(last)

    def relative(self, p: Person, relation: str, *, gender: str | None = None) -> Person:
        """A relative with the same surname (and nationality)."""
        age = (18, 70) if relation not in ("moeder", "vader") else (45, 80)
        sn = p.surname if p.nat not in ("PL", "BG", "LT") else None
        q = self.person(p.nat, gender, age, label=p.label, surname=sn)
        return q

    # ---- entities -----------------------------------------------------------------------
    def address(self, city: str | None = None, kind: str = "woning") -> Ent:
        rng = self.rng
        if city is None:
            row = rng.choices(CITIES, weights=[c[3] for c in CITIES])[0]
        else:
            row = next(c for c in CITIES if c[2] == city)
        while True:
            pc = f"{rng.randint(row[0], row[1])} {rng.choice('ABCDEGHJKLMNPRTVWXZ')}{rng.choice('ABCDEGHJKLMNPRTVWXZ')}"
            number = rng.randint(1, 220)
            if (pc, number) not in self._addr_used:
                self._addr_used.add((pc, number))
                break
        addition = rng.choice(("A", "B", "II", "III", "1", "2")) if rng.random() < 0.12 else ""
        return self.ent(
            "Address",
            postcode=pc,
            house_number=number,
            addition=addition,
            street=rng.choice(STREETS),
            city=row[2],
            kind=kind,
        )

    def phone(self, country: str = "NL") -> Ent:
        rng = self.rng

        def make() -> str:
            d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
            patterns = {
                "NL": lambda: "+316" + str(rng.randint(1, 8)) + d(7),
                "GB": lambda: "+447" + rng.choice("45789") + d(8),
                "RO": lambda: "+407" + rng.choice("2345") + d(7),
                "PL": lambda: "+48" + rng.choice("5678") + d(8),
                "BG": lambda: "+3598" + rng.choice("789") + d(7),
                "DE": lambda: "+4915" + rng.choice("12") + d(8),
                "BE": lambda: "+324" + rng.choice("789") + d(7),
                "NG": lambda: "+2348" + rng.choice("01") + d(8),
                "VN": lambda: "+849" + d(8),
                "CN": lambda: "+8613" + d(9),
                "TR": lambda: "+905" + rng.choice("345") + d(8),
                "AE": lambda: "+9715" + rng.choice("0256") + d(7),
                "PH": lambda: "+639" + d(9),
                "MA": lambda: "+2126" + d(8),
                "UA": lambda: "+380" + rng.choice(("67", "50", "63")) + d(7),
                "AL": lambda: "+3556" + rng.choice("789") + d(7),
                "IN": lambda: "+919" + d(9),
                "ER": lambda: "+2917" + d(6),
                "HU": lambda: "+3620" + d(7),
                "TH": lambda: "+668" + d(8),
                "CO": lambda: "+573" + d(9),
            }
            while True:
                number = patterns[country]()
                try:
                    if phone_mod.normalise(number) == number:
                        return number
                except Exception:  # noqa: S112
                    continue

        return self.ent("Phone", number=self._fresh(make), country=country)

    def account(self, country: str = "NL", bank: str | None = None) -> Ent:
        rng = self.rng

        def make() -> str:
            d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
            L = lambda n: "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") for _ in range(n))  # noqa: E731
            while True:
                if country == "NL":
                    head = d(9)
                    last = iban_mod.nl_account_check_digit(head)
                    if last is None:
                        continue
                    bban = rng.choice(NL_BANKS) + head + str(last)
                else:
                    bban = {
                        "PL": lambda: d(24),
                        "RO": lambda: L(4) + d(16),
                        "BG": lambda: L(4) + d(6) + d(8),
                        "DE": lambda: d(18),
                        "GB": lambda: L(4) + d(14),
                        "BE": lambda: d(12),
                        "LT": lambda: d(16),
                        "HU": lambda: d(24),
                        "ES": lambda: d(20),
                        "TR": lambda: d(5) + "0" + d(16),
                        "AE": lambda: d(19),
                    }[country]()
                value = iban_mod.check_digits(country, bban)
                if iban_mod.is_valid(value):
                    return value

        return self.ent("BankAccount", iban=self._fresh(make), bank=bank or "")

    def vehicle(self, country: str = "NL", kind: str = "car") -> Ent:
        rng = self.rng

        def make() -> str:
            if country == "NL":
                form = rng.choice(PLATE_FORMS)
                raw = "".join(
                    rng.choice(PLATE_LETTERS)
                    if c == "X"
                    else rng.choice("0123456789")
                    if c == "9"
                    else c
                    for c in form
                )
                return plate_mod.normalise(raw)
            L = lambda n: "".join(rng.choice("ABCDEFGHKLMNPRSTVXYZ") for _ in range(n))  # noqa: E731
            d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
            return {
                "RO": lambda: rng.choice(("B", "CJ", "TM", "IS")) + d(2) + L(3),
                "PL": lambda: rng.choice(("WX", "KR", "PO", "GD")) + d(5),
                "BG": lambda: rng.choice(("CA", "PB", "B")) + d(4) + L(2),
                "DE": lambda: rng.choice(("KLE", "BOR", "D", "DU")) + L(2) + d(3),
                "GB": lambda: L(2) + d(2) + L(3),
                "LT": lambda: L(3) + d(3),
                "BE": lambda: "1" + L(3) + d(3),
            }[country]()

        if kind == "lorry":
            make_model = rng.choice((("Volvo", "FH"), ("DAF", "XF"), ("Scania", "R450")))
        elif kind == "van":
            make_model = rng.choice(CAR_MAKES[:4] + (CAR_MAKES[14],))
        else:
            make_model = rng.choice(CAR_MAKES[4:14] + (CAR_MAKES[15],))
        return self.ent(
            "Vehicle", plate=self._fresh(make), country=country, make=make_model[0],
            model=make_model[1],
        )  # fmt: skip

    def company(self, name: str, sector: str, *, kvk: bool = True) -> Ent:
        number = self._fresh(lambda: f"{self.rng.randint(10_000_000, 99_999_999)}") if kvk else ""
        return self.ent("Company", name=name, kvk=number, sector=sector)

    def document(self, p: Person, doc_type: str = "passport", country: str | None = None) -> Ent:
        rng = self.rng
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        number = self._fresh(
            lambda: (
                "".join(rng.choice(letters) for _ in range(2))
                + "".join(rng.choice("0123456789") for _ in range(7))
            )
        )
        return self.ent(
            "IdentityDocument", doc_type=doc_type, number=number, country=country or p.nat
        )

    def ad(self, platform: str, kind: str, posted: dt.date, title: str) -> Ent:
        ad_id = self._fresh(lambda: f"{self.rng.randint(100_000, 9_999_999)}")
        return self.ent(
            "Advertisement", platform=platform, ad_id=ad_id, title=title, posted_at=posted,
            kind=kind,
        )  # fmt: skip

    def email(self, local: str, domain: str = "gmail.com") -> Ent:
        clean = "".join(c for c in local.lower() if c.isascii() and (c.isalnum() or c in "._"))
        address = self._fresh(lambda: f"{clean or 'info'}{self.rng.randint(1, 999)}@{domain}")
        return self.ent("Email", address=address)

    def post(self, name: str) -> Ent:
        if name not in self.posts:
            self.posts[name] = self.ent("BorderPost", name=name, country="NL")
        return self.posts[name]

    def group(self, name: str, kind: str) -> Ent:
        return self.ent("Group", name=name, kind=kind)

    def signal(
        self, party: str, phenomenon: str, when: dt.date, summary: str, *, region: str = "",
        sector: str = "",
    ) -> Ent:  # fmt: skip
        prefix = {"POL": "SIG", "KMAR": "KM-SIG", "ISZW": "MLD"}[party]
        sid = self._fresh(lambda: f"{prefix}-{when.year}-{self.rng.randint(10000, 99999)}")
        return self.ent(
            "Signal", signal_id=sid, phenomenon=phenomenon, reported_at=when, region=region,
            sector=sector, summary=summary, party=party,
        )  # fmt: skip

    def investigation(
        self, party: str, phenomenon: str, started: dt.date, name: str, status: str = "lopend"
    ) -> Ent:
        self._case += 1
        if party == "ISZW":
            cid = f"AI-{started.year}-{self._case:04d}"
        elif party == "KMAR":
            cid = f"KMAR-{name.upper()}-{started.year % 100:02d}"
        else:
            cid = f"{name.upper()}-{started.year}"
        return self.ent(
            "Investigation", case_id=cid, name=name, phenomenon=phenomenon, started_at=started,
            status=status, party=party,
        )  # fmt: skip

    def om_case(self, inv: Ent) -> Ent | None:
        """The prosecution case the OM keeps for an investigation (None if not yet there)."""
        if inv.uid in self._om:
            return self._om[inv.uid]
        opened = self.later(inv.props["started_at"], 60, 330)
        case: Ent | None = None
        if opened < END:
            if self.rng.random() < 0.5:
                cid = inv.props["case_id"]
            else:
                cid = f"{self.rng.choice((10, 13, 16, 18, 20))}/{self.rng.randint(100000, 999999)}-{opened.year % 100:02d}"
            status = self.rng.choice(
                ("in onderzoek", "dagvaarding uitgebracht", "ter zitting", "vonnis",
                 "voorwaardelijk sepot", "transactie")
            )  # fmt: skip
            case = self.ent(
                "Investigation", case_id=cid, name=inv.props["name"],
                phenomenon=inv.props["phenomenon"], started_at=opened, status=status, party="OM",
            )  # fmt: skip
        self._om[inv.uid] = case
        return case

    def om_involve(self, inv: Ent, p: Person | Ent, role: str) -> None:
        case = self.om_case(inv)
        if case is not None:
            self.involve(case, p, role)

    # ---- facts --------------------------------------------------------------------------
    def fact(
        self,
        party: str,
        rel: str,
        a: Person | Ent,
        b: Person | Ent,
        *,
        ctx: Ent | None = None,
        when: dt.date | None = None,
        basis: str | None = None,
        **props: Any,
    ) -> Fact:
        reg: dt.date
        if ctx is not None:
            reg = ctx.props.get("reported_at") or ctx.props["started_at"]
        else:
            reg = when or self.day()
        dates = [reg] + [v for v in props.values() if isinstance(v, dt.date)]
        for end in (a, b):
            if isinstance(end, Ent):
                for k in ("reported_at", "started_at", "posted_at"):
                    if isinstance(end.props.get(k), dt.date):
                        dates.append(end.props[k])
        if when is not None:
            dates.append(when)
        f = Fact(party, rel, a, b, props, reg, max(dates), basis, ctx)
        self.facts.append(f)
        return f

    def involve(self, ctx: Ent, ent: Person | Ent, role: str) -> Fact:
        party = ctx.props["party"]
        return self.fact(party, "INVOLVED_IN", ent, ctx, ctx=ctx, role=role)

    def call(
        self, party: str, a: Ent, b: Ent, *, ctx: Ent | None = None, when: dt.date | None = None,
        count: int | None = None,
    ) -> Fact:  # fmt: skip
        if when is None and ctx is not None:
            when = self.later(ctx.props.get("started_at") or ctx.props["reported_at"], 0, 120)
        d = when or self.day()
        n = count or self.rng.randint(1, 40)
        return self.fact(
            party, "CALLED", a, b, ctx=ctx, when=d, date=d, count=n,
            duration=n * self.rng.randint(20, 240),
        )  # fmt: skip

    def pay(
        self, party: str, a: Ent, b: Ent, amount: float, when: dt.date, desc: str = "", *,
        ctx: Ent | None = None,
    ) -> Fact:  # fmt: skip
        return self.fact(
            party, "PAYMENT", a, b, ctx=ctx, when=when, amount=round(amount, 2), date=when,
            description=desc,
        )  # fmt: skip

    def cross(
        self, party: str, who: Person | Ent, post: str, when: dt.date, direction: str, *,
        ctx: Ent | None = None,
    ) -> Fact:  # fmt: skip
        return self.fact(
            party, "CROSSED_BORDER", who, self.post(post), ctx=ctx, when=when, date=when,
            direction=direction,
        )  # fmt: skip
