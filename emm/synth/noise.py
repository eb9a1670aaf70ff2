"""Background: the ordinary records that make up most of what the parties supply.

Most signals go nowhere, most people crossing a border are travellers, most employers are
legitimate, most sex workers in advertisements work independently. Analytics that flag every
shared address or hotel would drown in this, so the noise deliberately contains look-alikes of
the planted patterns (hotels shared by strangers, colleagues carpooling across the border,
employers housing staff, independent advertisers) without their combination. A small share of
people reappear in a second party's delivery, written slightly differently, as in reality.

Long because: one small function per kind of background record, per party; splitting them
by party would scatter the look-alikes that are meant to be read next to each other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from emm.synth import identifiers as ids
from emm.synth.people import Person
from emm.synth.places import BORDER_POSTS, ROAD_POSTS
from emm.synth.schedule import END
from emm.synth.world import World
from emm.synth.writer import Delivery

__all__ = ["NOISE", "NoiseUnit"]

NoiseUnit = Callable[[World, date], None]

_ORIGINS = ("NL", "MA", "TR", "SR", "PL", "RO", "BG", "UA", "NG", "CN", "VN", "ER")
_ORIGIN_WEIGHTS = (62, 8, 7, 6, 5, 3, 2, 2, 1, 1, 1, 2)
_ROLES = ("involved", "witness", "reporter", "suspect", "victim")
_ROLE_WEIGHTS = (35, 20, 15, 20, 10)
_PHENOMENA = ("unknown", "sexual", "criminal", "labour", "smuggling")
_PHENOMENON_WEIGHTS = (45, 20, 15, 12, 8)
_POL_SUMMARIES = (
    "Burenmelding: veel wisselende bezoekers bij woning.",
    "Melding verdachte situatie, ter plaatse geen bijzonderheden.",
    "Aangifte oplichting via online marktplaats.",
    "Zorgmelding na huiselijke ruzie, één kind aanwezig.",
    "Verkeerscontrole, geen bijzonderheden.",
    "Melding Meld Misdaad Anoniem: mogelijk illegale bewoning.",
    "Controle café, personeel aanwezig, papieren in orde.",
    "Jongere aangetroffen na vermissing, verblijft bij vriend.",
)
_SECTORS = (
    ("bakkerij", "Bakkerij"),
    ("bouw", "Bouwbedrijf"),
    ("schoonmaak", "Schoonmaakbedrijf"),
    ("horeca", "Restaurant"),
    ("transport", "Transportbedrijf"),
    ("land- en tuinbouw", "Kwekerij"),
    ("detailhandel", "Supermarkt"),
    ("logistiek", "Logistiek"),
    ("nagelstudio", "Nagelstudio"),
    ("autobedrijf", "Autobedrijf"),
)
_CARS = (
    ("Volkswagen", "Golf"),
    ("Toyota", "Yaris"),
    ("Kia", "Picanto"),
    ("Opel", "Corsa"),
    ("Peugeot", "208"),
    ("Renault", "Clio"),
    ("Skoda", "Fabia"),
    ("Ford", "Focus"),
    ("Volkswagen", "Transporter"),
    ("Tesla", "Model 3"),
)
_AIRPORTS = tuple(name for name, _ in BORDER_POSTS if "Airport" in name or name == "Schiphol")


def _origin(w: World) -> str:
    return w.rng.choices(_ORIGINS, _ORIGIN_WEIGHTS)[0]


def _company(w: World, d: Delivery, day: date, city: str) -> tuple[str, str]:
    """An ordinary company registered at an address; returns (record id, sector)."""
    rng = w.rng
    sector, word = rng.choice(_SECTORS)
    name = f"{word} {w.names.surname('NL').split(' ')[-1]}"
    if rng.random() < 0.6:
        name += " B.V."
    rid = d.entity("Company", {"name": name, "kvk": ids.kvk(rng), "sector": sector})
    if d.party != "OM":
        d.link("REGISTERED_AT", rid, w.address(d, w.places.address("bedrijfspand", city)), day)
    return rid, sector


def _reappear(w: World, p: Person, day: date, seen_by: str) -> None:
    """Now and then the same person also turns up in another party's delivery."""
    rng = w.rng
    if rng.random() >= 0.04:
        return
    options = [x for x in ("POL", "KMAR", "ISZW", "OM", "IND") if x != seen_by]
    if p.nationality == "NL" and "IND" in options:
        options.remove("IND")
    party = rng.choice(options)
    later = date.fromordinal(day.toordinal() + rng.randint(10, 400))
    if party == "OM":
        w.om_case([p], "unknown", later)
        return
    d = w.delivery(party, later)
    later = w.within(d, later)
    if party == "KMAR":
        r = w.write_person(d, p)
        post = w.border_post(d, rng.choice(_AIRPORTS))
        d.link(
            "CROSSED_BORDER",
            r,
            post,
            later,
            {"date": later, "direction": rng.choice(("in", "out"))},
        )
    elif party == "IND":
        r = w.write_person(d, p, with_v_number=True)
        d.link("HAS_DOCUMENT", r, w.document(d, "residence_permit", "NL"), later)
    elif party == "ISZW":
        r = w.write_person(d, p)
        company, _ = _company(w, d, later, w.places.city().name)
        d.link("EMPLOYED_BY", r, company, later, {"since": later})
    else:
        r = w.write_person(d, p)
        s = w.signal(d, "unknown", later, w.places.city().region, rng.choice(_POL_SUMMARIES))
        d.link("INVOLVED_IN", r, s, later, {"role": "witness"})


# --------------------------------------------------------------------------------------------
# Police
# --------------------------------------------------------------------------------------------


def pol_signal(w: World, day: date) -> None:
    rng = w.rng
    d = w.delivery("POL", day)
    day = w.within(d, day)
    city = w.places.city()
    phenomenon = rng.choices(_PHENOMENA, _PHENOMENON_WEIGHTS)[0]
    s = w.signal(
        d, phenomenon, day, city.region, rng.choice(_POL_SUMMARIES) if rng.random() < 0.7 else None
    )
    # A delivery made under Wpg art. 15 still marks its signal rows as Wpg art. 10 data.
    signal_basis = "WPG-10" if d.legal_basis == "WPG-15" and rng.random() < 0.5 else None
    phones: list[str] = []
    people: list[str] = []
    for _ in range(rng.choices((1, 2, 3), (50, 35, 15))[0]):
        p = w.person(_origin(w), None, (16, 75), day)
        r = w.write_person(d, p)
        people.append(r)
        d.link(
            "INVOLVED_IN",
            r,
            s,
            day,
            {"role": rng.choices(_ROLES, _ROLE_WEIGHTS)[0]},
            legal_basis=signal_basis,
        )
        if rng.random() < 0.7:
            d.link("LIVES_AT", r, w.address(d, w.places.address("woning", city.name)), day)
        if rng.random() < 0.6:
            ph = w.phone(d, ids.nl_mobile(rng))
            d.link("USES_PHONE", r, ph, day)
            phones.append(ph)
        if rng.random() < 0.15:
            make, model = rng.choice(_CARS)
            v = w.vehicle(d, ids.nl_plate(rng), "NL", make, model)
            d.link("OWNS_VEHICLE", r, v, day)
            d.link("INVOLVED_IN", v, s, day, {"role": "involved"})
        if rng.random() < 0.15:
            company, _ = _company(w, d, day, city.name)
            d.link("EMPLOYED_BY", r, company, day, {"wage": round(rng.uniform(14.8, 30.0), 2)})
        if rng.random() < 0.1:
            iban, bank = ids.nl_iban(rng)
            d.link("HOLDS_ACCOUNT", r, w.account(d, iban, bank), day)
        _reappear(w, p, day, "POL")
    if len(phones) >= 2 and rng.random() < 0.3:  # historic call data of the two involved
        w.calls(d, phones[0], phones[1], w.within(d, day, 90, 0), count=rng.randint(1, 15))
    if len(people) >= 2 and rng.random() < 0.1:  # seen together
        w.meeting(d, people[0], people[1], day, kind="ontmoeting")


def pol_household(w: World, day: date) -> None:
    rng = w.rng
    d = w.delivery("POL", day)
    day = w.within(d, day)
    city = w.places.city()
    origin = _origin(w)
    surname = w.names.surname(origin)
    home = w.address(d, w.places.address("woning", city.name))
    s = w.signal(d, "unknown", day, city.region, "Zorgmelding gezin, hulpverlening ingeschakeld.")
    landline = w.phone(d, ids.landline(rng)) if rng.random() < 0.4 else None
    prev = None
    for i in range(rng.randint(2, 4)):
        p = w.person(origin, None, (30, 55) if i < 2 else (1, 17), day)
        p.last = surname
        r = w.write_person(d, p)
        d.link("LIVES_AT", r, home, day)
        d.link("INVOLVED_IN", r, s, day, {"role": "involved"})
        if landline is not None:
            d.link("USES_PHONE", r, landline, day)
        if prev is not None:
            d.link("FAMILY_OF", prev, r, day, {"relation": "partner" if i == 1 else "ouder-kind"})
        prev = r if i < 2 else prev
    if rng.random() < 0.2:  # a private landlord renting out the home: ordinary, not a network
        landlord = w.write_person(d, w.person("NL", None, (40, 75), day))
        d.link("LANDLORD_OF", landlord, home, day)


def pol_sex_work(w: World, day: date) -> None:
    """An independent sex worker's advertisements: the planted pattern without the network.

    A third advertise under a working name only: the police record the persona with nothing
    but that name, and record it anew when the advertisements turn up in a later delivery
    (same phone, same account paying the advertisements)."""
    rng = w.rng
    d = w.delivery("POL", day)
    day = w.within(d, day)
    city = w.places.city()
    working = rng.random() < 0.35
    p = w.person(rng.choice(("NL", "NL", "RO", "BG", "PL", "UA")), "F", (21, 45), day)
    persona = rng.choice(_WORKING_NAMES) if working else p.first
    number = ids.nl_mobile(rng)
    r = w.working_name_record(d, persona, number)[0] if working else w.write_person(d, p)
    phone = w.phone(d, number)
    d.link("USES_PHONE", r, phone, day)
    iban, bank = ids.nl_iban(rng)
    acct = w.account(d, iban, bank)
    d.link("HOLDS_ACCOUNT", r, acct, day)
    _ads(w, d, r, phone, acct, day, f"{persona} in {city.name}")
    if rng.random() < 0.3:
        d.link(
            "STAYED_AT",
            r,
            w.address(d, w.places.hotel(), shared=True),
            day,
            {"date": w.within(d, day, 30, 30), "nights": rng.randint(1, 2)},
        )
    s = w.signal(
        d,
        "sexual",
        day,
        city.region,
        "Controle vergunde prostitutie: geen signalen van uitbuiting.",
    )
    d.link("INVOLVED_IN", r, s, day, {"role": "involved"})
    if not working:
        return
    first = w.ref(d, r, "Person", name=persona, birth_date=None)
    for k in range(rng.randint(1, 2)):
        later = date.fromordinal(min(day.toordinal() + rng.randint(60, 300) * (k + 1),
                                     END.toordinal()))  # fmt: skip
        dl = w.delivery("POL", later)
        later = w.within(dl, later)
        r2, new = w.working_name_record(dl, persona, number)
        if not new:
            continue
        w.truth.pair(first, w.ref(dl, r2, "Person", name=persona, birth_date=None))
        _ads(w, dl, r2, w.phone(dl, number), w.account(dl, iban, bank), later,
             f"{persona} terug in {city.name}")  # fmt: skip


_WORKING_NAMES = ("Bella", "Candy", "Angel", "Lola", "Destiny", "Jasmine", "Nikki", "Roxy",
                  "Chanel", "Kimmy", "Mia", "Diamond", "Sasha", "Venus", "Crystal", "Bambi")  # fmt: skip


def _ads(w: World, d: Delivery, person: str, phone: str, acct: str, day: date, title: str) -> None:
    rng = w.rng
    for _ in range(rng.randint(1, 3)):
        posted = w.within(d, day, 60, 0)
        ad = d.entity(
            "Advertisement",
            {
                "platform": rng.choice(("rodelampjes.nl", "escortgids.nl", "sexadvertenties.nl")),
                "ad_id": str(rng.randint(10**6, 10**8)),
                "title": title,
                "posted_at": posted,
                "kind": "sex",
            },
        )
        d.link("ADVERTISES", ad, person, day)
        d.link("ADVERTISED_WITH", ad, phone, day)
        d.link(
            "PAID_FOR",
            acct,
            ad,
            day,
            {"amount": float(rng.randint(20, 90)), "date": posted, "purpose": "advertisement"},
        )


def pol_hotel(w: World, day: date) -> None:
    """Strangers staying at the same hotel: a hub, not a network."""
    rng = w.rng
    d = w.delivery("POL", day)
    day = w.within(d, day)
    hotel = w.places.hotel()
    rid_hotel = w.address(d, hotel, shared=True)
    s = w.signal(
        d, "unknown", day, w.places.city(hotel.city).region, "Controle nachtregister hotel."
    )
    d.link("INVOLVED_IN", rid_hotel, s, day, {"role": "involved"})
    for _ in range(rng.randint(2, 5)):
        r = w.write_person(d, w.person(_origin(w), None, (20, 70), day))
        d.link(
            "STAYED_AT",
            r,
            rid_hotel,
            day,
            {"date": w.within(d, day, 3, 0), "nights": rng.randint(1, 4)},
        )


def pol_payments(w: World, day: date) -> None:
    """Unusual-transaction report (FIU): a few people paying each other."""
    rng = w.rng
    d = w.delivery("POL", day)
    day = w.within(d, day)
    city = w.places.city()
    s = w.signal(d, "unknown", day, city.region, "Melding ongebruikelijke transactie (FIU).")
    accounts = []
    for _ in range(rng.randint(2, 3)):
        r = w.write_person(d, w.person(_origin(w), None, (20, 70), day))
        iban, bank = w.new_account(0.15)
        a = w.account(d, iban, bank)
        d.link("HOLDS_ACCOUNT", r, a, day)
        d.link("INVOLVED_IN", r, s, day, {"role": "involved"})
        accounts.append(a)
    for _ in range(rng.randint(1, 4)):
        src, dst = rng.sample(accounts, 2)
        d.link(
            "PAYMENT",
            src,
            dst,
            day,
            {
                "amount": round(rng.uniform(50, 9000), 2),
                "date": w.within(d, day, 90, 0),
                "description": rng.choice(("huur", "lening", "auto", "", "terugbetaling")),
            },
        )


# --------------------------------------------------------------------------------------------
# KMAR
# --------------------------------------------------------------------------------------------


def kmar_traveller(w: World, day: date) -> None:
    rng = w.rng
    d = w.delivery("KMAR", day)
    day = w.within(d, day)
    p = w.person(_origin(w), None, (18, 75), day)
    r = w.write_person(d, p)
    country = p.nationality
    d.link("HAS_DOCUMENT", r, w.document(d, "passport", country), day)
    for _ in range(rng.randint(1, 3)):
        when = w.within(d, day, 0, 60)
        d.link(
            "CROSSED_BORDER",
            r,
            w.border_post(d, rng.choice(_AIRPORTS)),
            day,
            {"date": when, "direction": rng.choice(("in", "out"))},
        )
    if rng.random() < 0.3:
        d.link(
            "USES_PHONE",
            r,
            w.phone(d, ids.nl_mobile(rng) if country == "NL" else ids.foreign_mobile(rng)),
            day,
        )
    if rng.random() < 0.3:
        s = w.signal(
            d,
            rng.choice(("unknown", "smuggling")),
            day,
            "Noord-Holland",
            "Documentcontrole, nadere bevraging.",
        )
        d.link("INVOLVED_IN", r, s, day, {"role": "involved"})
    _reappear(w, p, day, "KMAR")


def kmar_vehicle(w: World, day: date) -> None:
    """Mobile border check (MTV): a car, its driver and passengers, usually nothing wrong."""
    rng = w.rng
    d = w.delivery("KMAR", day)
    day = w.within(d, day)
    make, model = rng.choice(_CARS)
    if rng.random() < 0.6:
        v = w.vehicle(d, ids.nl_plate(rng), "NL", make, model)
    else:
        plate, country = ids.foreign_plate(rng)
        v = w.vehicle(d, plate, country, make, model)
    driver = w.write_person(d, w.person(_origin(w), None, (20, 70), day))
    d.link("OWNS_VEHICLE", driver, v, day)
    for _ in range(rng.randint(1, 2)):
        when = w.within(d, day, 0, 30)
        d.link(
            "CROSSED_BORDER",
            v,
            w.border_post(d, rng.choice(ROAD_POSTS)),
            day,
            {"date": when, "direction": rng.choice(("in", "out"))},
        )
        d.link("DRIVES", driver, v, day, {"date": when})
    origin = _origin(w)  # colleagues commuting together
    for _ in range(rng.choices((0, 1, 2, 3), (40, 30, 20, 10))[0]):
        r = w.write_person(d, w.person(origin, None, (20, 60), day))
        d.link("PASSENGER_IN", r, v, day, {"date": day})
    if rng.random() < 0.2:
        s = w.signal(
            d,
            "unknown",
            day,
            rng.choice(("Limburg", "Zeeland-West-Brabant")),
            "MTV-controle, geen bijzonderheden.",
        )
        d.link("INVOLVED_IN", v, s, day, {"role": "involved"})


# --------------------------------------------------------------------------------------------
# Labour Inspectorate, IND, OM
# --------------------------------------------------------------------------------------------


def iszw_inspection(w: World, day: date) -> None:
    rng = w.rng
    d = w.delivery("ISZW", day)
    day = w.within(d, day)
    city = w.places.city()
    company, sector = _company(w, d, day, city.name)
    director = w.write_person(d, w.person(_origin(w), None, (30, 65), day))
    d.link("DIRECTOR_OF", director, company, day)
    iban, bank = ids.nl_iban(rng)
    c_acct = w.account(d, iban, bank)
    d.link("HOLDS_ACCOUNT", company, c_acct, day)
    s = w.signal(
        d,
        rng.choice(("labour", "unknown")),
        day,
        city.region,
        sector=sector,
        summary="Reguliere inspectie arbeidsomstandigheden.",
    )
    d.link("INVOLVED_IN", company, s, day, {"role": "employer"})
    housing = w.address(d, w.places.address("woning", city.name)) if rng.random() < 0.1 else None
    if housing is not None:  # employer-provided housing, legitimately
        d.link("LANDLORD_OF", company, housing, day)
    for _ in range(rng.randint(2, 8)):
        p = w.person(_origin(w), None, (18, 64), day)
        r = w.write_person(d, p)
        since = date.fromordinal(day.toordinal() - rng.randint(30, 3000))
        d.link(
            "EMPLOYED_BY",
            r,
            company,
            day,
            {"since": since, "wage": round(rng.uniform(14.8, 26.0), 2)},
        )
        if housing is not None and rng.random() < 0.5:
            d.link("LIVES_AT", r, housing, day)
        elif rng.random() < 0.8:
            d.link("LIVES_AT", r, w.address(d, w.places.address("woning", city.name)), day)
        if rng.random() < 0.3:
            w_iban, w_bank = ids.nl_iban(rng)
            acct = w.account(d, w_iban, w_bank)
            d.link("HOLDS_ACCOUNT", r, acct, day)
            d.link(
                "PAYMENT",
                c_acct,
                acct,
                day,
                {
                    "amount": float(rng.randint(1900, 3600)),
                    "date": w.within(d, day, 30, 0),
                    "description": "salaris",
                },
            )
        _reappear(w, p, day, "ISZW")


def ind_applicant(w: World, day: date) -> None:
    rng = w.rng
    d = w.delivery("IND", day)
    day = w.within(d, day)
    origin = rng.choice(("ER", "UA", "NG", "VN", "CN", "MA", "TR", "ER", "UA"))
    home = (
        w.address(d, rng.choice(w.places.reception_centres), shared=True)
        if rng.random() < 0.6
        else w.address(d, w.places.address("woning"))
    )
    applicant = w.person(origin, None, (18, 60), day, nationality=origin, bsn_share=0.2)
    prev = w.write_person(d, applicant, with_v_number=True)
    d.link("LIVES_AT", prev, home, day)
    for _ in range(rng.randint(1, 2)):
        doc_type = rng.choice(("passport", "id_card", "residence_permit", "visa"))
        d.link("HAS_DOCUMENT", prev, w.document(d, doc_type, origin), day)
    if rng.random() < 0.3:
        d.link("USES_PHONE", prev, w.phone(d, ids.nl_mobile(rng)), day)
    for _ in range(rng.choices((0, 1, 2, 3), (50, 20, 20, 10))[0]):
        member = w.person(origin, None, (0, 50), day, nationality=origin, bsn_share=0.1)
        member.last = applicant.last
        r = w.write_person(d, member, with_v_number=True)
        d.link("LIVES_AT", r, home, day)
        d.link("FAMILY_OF", prev, r, day, {"relation": "gezinslid"})
    if rng.random() < 0.05:
        s = w.signal(d, "unknown", day, "Noord-Nederland", "Signaal uit aanmeldgehoor.")
        d.link("INVOLVED_IN", prev, s, day, {"role": "involved"})
    _reappear(w, applicant, day, "IND")


def om_case(w: World, day: date) -> None:
    rng = w.rng
    d = w.delivery("OM", day)
    day = w.within(d, day)
    region = w.places.city().region
    inv = d.entity(
        "Investigation",
        {
            "case_id": w.case_id(region, day),
            "phenomenon": rng.choice(("unknown", "unknown", "criminal")),
            "started_at": day,
            "status": w.om_status(),
        },
    )
    for _ in range(rng.randint(1, 3)):
        p = w.person(_origin(w), None, (18, 70), day)
        r = w.write_person(d, p)
        d.link("INVOLVED_IN", r, inv, day, {"role": "suspect"})
    if rng.random() < 0.15:
        company, _ = _company(w, d, day, w.places.city().name)
        d.link("INVOLVED_IN", company, inv, day, {"role": "suspect"})


#: Noise units per party with their share of the background.
NOISE: dict[str, tuple[tuple[NoiseUnit, float], ...]] = {
    "POL": (
        (pol_signal, 0.25),
        (pol_household, 0.06),
        (pol_sex_work, 0.04),
        (pol_hotel, 0.03),
        (pol_payments, 0.03),
    ),
    "KMAR": ((kmar_traveller, 0.12), (kmar_vehicle, 0.08)),
    "ISZW": ((iszw_inspection, 0.12),),
    "IND": ((ind_applicant, 0.12),),
    "OM": ((om_case, 0.07),),
}
