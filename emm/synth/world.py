"""The state of one generation run and the small verbs scenarios and noise are written in.

:class:`World` owns the only random generator of a run (so a seed fixes every byte), the name
and place pools, the planned deliveries and the ground-truth writer. Its methods write one entity
of a kind into a delivery with realistic formatting ("a phone", "an account", "this person"),
and :meth:`World.write_person` is where a person seen before gets written with a party's typical
differences and the pair is recorded as ground truth.
"""

from __future__ import annotations

import bisect
import random
from datetime import date
from pathlib import Path

from faker import Faker

from emm.synth import identifiers as ids
from emm.synth.names import NamePool
from emm.synth.people import Person, variation_of
from emm.synth.places import BORDER_POSTS, Address, Places
from emm.synth.schedule import END, PARTIES, START, plan_deliveries
from emm.synth.truth import GroundTruthWriter, Ref
from emm.synth.writer import Delivery, Tally

__all__ = ["World"]

#: Police units (eenheden) and the arrondissement code of their parketnummers.
_ARRONDISSEMENT = {
    "Amsterdam": 13,
    "Rotterdam": 10,
    "Den Haag": 9,
    "Midden-Nederland": 16,
    "Noord-Holland": 15,
    "Oost-Nederland": 5,
    "Oost-Brabant": 1,
    "Zeeland-West-Brabant": 2,
    "Limburg": 3,
    "Noord-Nederland": 18,
}
#: Police unit numbers as they appear in registration numbers (``PL1300-...``).
_UNIT_CODE = {
    "Amsterdam": "1300",
    "Rotterdam": "1700",
    "Den Haag": "1500",
    "Midden-Nederland": "0900",
    "Noord-Holland": "1200",
    "Oost-Nederland": "0600",
    "Oost-Brabant": "2100",
    "Zeeland-West-Brabant": "2000",
    "Limburg": "2300",
    "Noord-Nederland": "0100",
}
_CODE_NAMES = (
    "Eik",
    "Beuk",
    "Wilg",
    "Linde",
    "Hazelaar",
    "Tulp",
    "Lotus",
    "Orchidee",
    "Iris",
    "Jasmijn",
    "Lelie",
    "Reiger",
    "Valk",
    "Zwaluw",
    "Kievit",
    "Merel",
    "Ekster",
    "Meeuw",
    "Kraanvogel",
    "Maas",
    "Waal",
    "IJssel",
    "Rijn",
    "Amstel",
    "Dommel",
    "Saffier",
    "Robijn",
    "Jade",
    "Topaas",
    "Opaal",
    "Onyx",
    "Zilverspar",
    "Vlinder",
    "Komeet",
    "Poolster",
    "Noorderlicht",
)
_OM_STATUS = (
    ("lopend", 0.35),
    ("ingeschreven", 0.1),
    ("dagvaarding uitgebracht", 0.12),
    ("ter zitting", 0.08),
    ("veroordeeld", 0.18),
    ("vrijgesproken", 0.05),
    ("geseponeerd", 0.08),
    ("hoger beroep", 0.04),
)
_EMAIL_DOMAINS = (
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "live.nl",
    "ziggo.nl",
    "kpnmail.nl",
    "yahoo.com",
    "protonmail.com",
    "icloud.com",
)
#: Share of people of each origin who hold Dutch nationality (second generation, naturalised).
_DUTCH_NATIONALS = {"NL": 1.0, "MA": 0.7, "TR": 0.65, "SR": 0.85}


class World:
    """One run: random source, pools, deliveries by party, ground truth, counters."""

    def __init__(
        self, out_dir: Path, seed: int, size: str | int, target: int, fmt_mix: bool
    ) -> None:
        self.rng = random.Random(seed)
        fake = Faker("nl_NL")
        fake.seed_instance(seed)
        self.names = NamePool(fake, self.rng)
        self.places = Places(fake, self.rng)
        self.target = target
        self.compact = target < 1500
        self.tally = Tally()
        self.deliveries = plan_deliveries(
            out_dir / "deliveries", self.rng, target, fmt_mix, self.tally
        )
        self._starts = {
            party: [d.period[0].toordinal() for d in ds] for party, ds in self.deliveries.items()
        }
        self.truth = GroundTruthWriter(out_dir / "ground_truth.json", seed, size)
        self._seq: dict[str, int] = dict.fromkeys((*PARTIES, "case"), 0)
        self._start = START.toordinal()
        self._end = END.toordinal()

    # -- lifecycle -----------------------------------------------------------------------------

    def open(self) -> None:
        for ds in self.deliveries.values():
            for d in ds:
                d.open()

    def close(self) -> None:
        for ds in self.deliveries.values():
            for d in ds:
                d.close()
        self.truth.close()

    def all_deliveries(self) -> list[Delivery]:
        return [d for ds in self.deliveries.values() for d in ds]

    # -- time ------------------------------------------------------------------------------------

    def day(self) -> date:
        """A random registration date in the whole generated range."""
        return date.fromordinal(self.rng.randint(self._start, self._end))

    def delivery(self, party: str, day: date) -> Delivery:
        """The delivery of ``party`` whose period holds ``day`` (clamped to the range)."""
        i = bisect.bisect_right(self._starts[party], day.toordinal()) - 1
        return self.deliveries[party][max(0, i)]

    def within(self, d: Delivery, day: date, before: int = 0, after: int = 0) -> date:
        """``day`` shifted by up to ``before``/``after`` days, kept inside ``d``'s period."""
        o = day.toordinal() + self.rng.randint(-before, after)
        lo, hi = d.period
        return date.fromordinal(min(max(o, lo.toordinal()), hi.toordinal()))

    def in_period(self, d: Delivery) -> date:
        lo, hi = d.period
        return date.fromordinal(self.rng.randint(lo.toordinal(), hi.toordinal()))

    # -- people ------------------------------------------------------------------------------------

    def person(
        self,
        origin: str,
        gender: str | None = None,
        age: tuple[int, int] = (18, 55),
        at: date | None = None,
        *,
        nationality: str | None = None,
        bsn_share: float | None = None,
    ) -> Person:
        """A new person of ``origin`` aged ``age`` at date ``at``."""
        rng = self.rng
        gender = gender or ("M" if rng.random() < 0.5 else "F")
        first, last = self.names.name(origin, gender)
        ref_day = (at or self.day()).toordinal()
        birth = date.fromordinal(ref_day - rng.randint(age[0] * 365 + 1, age[1] * 365 + 300))
        if nationality is None:
            nationality = "NL" if rng.random() < _DUTCH_NATIONALS.get(origin, 0.0) else origin
        if bsn_share is None:
            bsn_share = 0.95 if nationality == "NL" else 0.3
        bsn = ids.bsn(rng) if rng.random() < bsn_share else None
        return Person(first, last, birth, gender, origin, nationality, bsn)

    def write_person(
        self, d: Delivery, p: Person, *, with_bsn: bool = True, with_v_number: bool = False
    ) -> str:
        """Write ``p`` into ``d``; a later appearance gets a party's typical differences and the
        pair (first appearance, this one) goes into the ground truth."""
        rng = self.rng
        has_bsn = with_bsn and p.bsn is not None
        foreign = d.party in ("KMAR", "IND") and p.nationality != "NL"
        if p.first_ref is None:
            name, birth, keep_bsn = p.name, p.birth, has_bsn
            if foreign and d.party == "KMAR" and birth is not None and rng.random() < 0.25:
                birth = date(birth.year, 1, 1)  # only the year known at the border: "01-01"
        else:
            _, name, birth, keep_bsn = variation_of(rng, p, has_bsn, foreign=foreign)
        if with_v_number and p.v_number is None:
            p.v_number = ids.v_number(rng)
        fields: dict[str, object] = {"name": name, "birth_date": birth}
        if keep_bsn and p.bsn is not None:
            fields["bsn"] = ids.bsn_variant(rng, p.bsn)
        if rng.random() < 0.9:
            fields["nationality"] = p.nationality
        if rng.random() < 0.8:
            fields["gender"] = p.gender
        if with_v_number:
            fields["v_number"] = p.v_number
        rid = d.entity("Person", fields)
        ref: Ref = {
            "delivery_id": d.delivery_id,
            "record_id": rid,
            "type": "Person",
            "name": d.text(name),
            "birth_date": d.date_text(birth),
        }
        if p.first_ref is None:
            p.first_ref = ref
        else:
            self.truth.pair(p.first_ref, ref)
        return rid

    @staticmethod
    def ref(d: Delivery, rid: str, label: str, **extra: object) -> Ref:
        return {"delivery_id": d.delivery_id, "record_id": rid, "type": label, **extra}

    # -- things ------------------------------------------------------------------------------------

    def address(self, d: Delivery, a: Address, *, shared: bool = False) -> str:
        """Write an Address; ``shared`` pool addresses (hotels, AZCs) are written once per
        delivery."""
        if shared:
            key = ("A", a.postcode, str(a.house_number))
            rid = d.cache.get(key)
            if rid is None:
                rid = d.cache[key] = d.entity("Address", a.fields(self.rng))
            return rid
        return d.entity("Address", a.fields(self.rng))

    def phone(self, d: Delivery, e164: str) -> str:
        return d.entity("Phone", {"number": ids.phone_variant(self.rng, e164)})

    def email_address(self, first: str, last: str) -> str:
        rng = self.rng
        local = f"{first}.{last}".lower().replace(" ", "")
        local = local.encode("ascii", "ignore").decode() or "info"
        if rng.random() < 0.5:
            local += str(rng.randint(1, 99))
        address = f"{local}@{rng.choice(_EMAIL_DOMAINS)}"
        return address if rng.random() < 0.85 else address.capitalize()

    def email(self, d: Delivery, address: str) -> str:
        return d.entity("Email", {"address": address})

    def new_account(
        self, foreign_share: float = 0.0, country: str | None = None
    ) -> tuple[str, str]:
        if self.rng.random() < foreign_share:
            return ids.foreign_iban(self.rng, country)
        return ids.nl_iban(self.rng)

    def account(self, d: Delivery, iban: str, bank: str) -> str:
        fields: dict[str, object] = {"iban": ids.iban_variant(self.rng, iban)}
        if self.rng.random() < 0.7:
            fields["bank"] = bank
        return d.entity("BankAccount", fields)

    def vehicle(self, d: Delivery, plate: str, country: str, make: str, model: str) -> str:
        fields: dict[str, object] = {"make": make, "model": model}
        if country == "NL":
            fields["plate"] = ids.plate_variant(self.rng, plate)
            if self.rng.random() < 0.5:
                fields["country"] = "NL"
        else:
            fields["plate"] = plate
            fields["country"] = country
        return d.entity("Vehicle", fields)

    def document(self, d: Delivery, doc_type: str, country: str) -> str:
        return d.entity(
            "IdentityDocument",
            {
                "doc_type": doc_type,
                "number": ids.document_number(self.rng, country),
                "country": country,
            },
        )

    def border_post(self, d: Delivery, name: str) -> str:
        key = ("GP", name)
        rid = d.cache.get(key)
        if rid is None:
            country = dict(BORDER_POSTS).get(name, "NL")
            rid = d.cache[key] = d.entity("BorderPost", {"name": name, "country": country})
        return rid

    def signal(
        self,
        d: Delivery,
        phenomenon: str,
        day: date,
        region: str,
        summary: str | None = None,
        sector: str | None = None,
    ) -> str:
        """A Signal with the party's own style of registration number."""
        self._seq[d.party] += 1
        n = self._seq[d.party]
        if d.party == "POL":
            signal_id = f"PL{_UNIT_CODE.get(region, '0000')}-{day.year}{n:06d}"
        elif d.party == "KMAR":
            signal_id = f"KMAR-{day.year}-{n:06d}"
        elif d.party == "ISZW":
            signal_id = f"AI-MH-{day.year}-{n:05d}"
        else:
            signal_id = f"{d.party}-SIG-{day.year}-{n:05d}"
        fields: dict[str, object] = {
            "signal_id": signal_id,
            "phenomenon": phenomenon,
            "reported_at": day,
            "region": region,
        }
        if summary:
            fields["summary"] = summary
        if sector:
            fields["sector"] = sector
        return d.entity("Signal", fields)

    def case_id(self, region: str, day: date) -> str:
        """A parketnummer: arrondissement / sequence - year."""
        self._seq["case"] += 1
        arr = _ARRONDISSEMENT.get(region, 96)
        return f"{arr:02d}/{self._seq['case'] % 1_000_000:06d}-{day.year % 100:02d}"

    def code_name(self) -> str:
        name = self.rng.choice(_CODE_NAMES)
        return (
            f"Onderzoek {name}" if self.rng.random() < 0.7 else f"{name}-{self.rng.randint(2, 9)}"
        )

    def om_status(self) -> str:
        return self.rng.choices([s for s, _ in _OM_STATUS], [w for _, w in _OM_STATUS])[0]

    # -- telecom, meetings, groups ---------------------------------------------------------------

    def calls(
        self,
        d: Delivery,
        a: str,
        b: str,
        day: date,
        *,
        count: int | None = None,
        legal_basis: str | None = None,
    ) -> None:
        """Call records between two phones of ``d`` over a period starting ``day``."""
        rng = self.rng
        n = count if count is not None else rng.randint(2, 60)
        fields = {"date": day, "count": n, "duration": n * rng.randint(20, 240)}
        d.link("CALLED", a, b, day, fields, legal_basis=legal_basis)

    def meeting(
        self,
        d: Delivery,
        a: str,
        b: str,
        day: date,
        *,
        kind: str = "observatie",
        weight: int = 1,
        legal_basis: str | None = None,
    ) -> None:
        """An observed meeting or association between two persons of ``d``."""
        d.link(
            "MET", a, b, day, {"date": day, "kind": kind, "weight": weight}, legal_basis=legal_basis
        )

    def group(self, d: Delivery, name: str, kind: str) -> str:
        """A criminal group as the party knows it (one record per delivery and name)."""
        key = ("G", name)
        rid = d.cache.get(key)
        if rid is None:
            rid = d.cache[key] = d.entity("Group", {"name": name, "kind": kind})
        return rid

    def working_name_record(self, d: Delivery, name: str, phone: str) -> tuple[str, bool]:
        """A person known only by a working name in advertisements: no date of birth, no
        identity; every delivery that sees the persona makes a new record (one per delivery:
        within a delivery the party knows it is the same advertiser). Returns
        ``(record id, new)``."""
        key = ("WN", name, phone)
        rid = d.cache.get(key)
        if rid is not None:
            return rid, False
        rid = d.cache[key] = d.entity("Person", {"name": name, "gender": "F"})
        return rid, True

    # -- investigations ------------------------------------------------------------------------

    def police_case(
        self,
        d: Delivery,
        signals: list[str],
        suspects: list[str],
        phenomenon: str,
        start: date,
        region: str,
    ) -> str:
        """An investigation in the party's own delivery that its signals became part of
        (Wpg art. 9 information, so those links carry ``WPG-9``). Returns the case id."""
        case = self.case_id(region, start)
        inv = d.entity(
            "Investigation",
            {
                "case_id": case,
                "name": self.code_name(),
                "phenomenon": phenomenon,
                "started_at": start,
                "status": "lopend",
            },
        )
        for s in signals:
            d.link("PART_OF", s, inv, start, legal_basis="WPG-9")
        for p in suspects:
            d.link("INVOLVED_IN", p, inv, start, {"role": "suspect"}, legal_basis="WPG-9")
        return case

    def om_case(
        self,
        suspects: list[Person],
        phenomenon: str,
        start: date,
        case: str | None = None,
        region: str = "Amsterdam",
    ) -> None:
        """The Public Prosecution Service's status record of an investigation and its suspects."""
        rng = self.rng
        start = min(start, END)
        day = date.fromordinal(min(start.toordinal() + rng.randint(14, 300), self._end))
        d = self.delivery("OM", day)
        fields: dict[str, object] = {
            "case_id": case or self.case_id(region, start),
            "phenomenon": phenomenon,
            "started_at": start,
            "status": self.om_status(),
        }
        inv = d.entity("Investigation", fields)
        basis = "WJSG-39F-1A" if d.legal_basis != "WJSG-39F-1A" and rng.random() < 0.4 else None
        for p in suspects:
            rid = self.write_person(d, p)
            d.link("INVOLVED_IN", rid, inv, start, {"role": "suspect"}, legal_basis=basis)
