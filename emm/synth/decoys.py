"""Decoys: benign look-alikes of the planted patterns, recorded in the ground truth.

Analytics that flag by shape alone would rank these high; the evidence says they are ordinary:

* a **taxi firm** whose cars cross the border daily, in both directions, with different
  passengers (the smuggling van's shape, without its evidence);
* an **agency that houses its workers legally**: it lets the houses, but pays at least the
  minimum wage into the workers' own accounts and does not overcrowd the houses;
* an **ordinary hotel guest**: short stays in several cities, paid from the guest's own account.

Each is written with a signal that mentions it, so it is flagged and reaches the ranking: the
evaluation checks that no decoy is ranked among the top networks (``score_decoys``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from emm.synth import identifiers as ids
from emm.synth.places import ROAD_POSTS
from emm.synth.truth import Ref
from emm.synth.world import World
from emm.synth.writer import Delivery

__all__ = ["DECOYS", "legal_agency", "ordinary_hotel_guest", "taxi_firm"]

_TAXI_CARS = (("Mercedes-Benz", "E-Klasse"), ("Toyota", "Prius"), ("Skoda", "Superb"),
              ("Volkswagen", "Touran"), ("Mercedes-Benz", "Vito"))  # fmt: skip
#: Rough gross hourly statutory minimum per year (the generator's own, rounded up; a wage in a
#: delivery is the gross hourly wage in euros).
_MINIMUM = {2015: 8.7, 2016: 8.9, 2017: 9.1, 2018: 9.2, 2019: 9.5, 2020: 9.7, 2021: 9.9,
            2022: 10.2, 2023: 11.6, 2024: 13.7, 2025: 14.1, 2026: 14.8}  # fmt: skip


def _decoy(w: World, kind: str, members: list[Ref | None]) -> None:
    w.truth.decoy(
        {
            "id": f"decoy-{kind}-{w.truth.decoys + 1:04d}",
            "type": kind,
            "members": [m for m in members if m],
        }
    )


def _office(w: World, d: Delivery, city: str, name: str, sector: str, day: date) -> str:
    rid = d.entity("Company", {"name": name, "kvk": ids.kvk(w.rng), "sector": sector})
    d.link("REGISTERED_AT", rid, w.address(d, w.places.address("bedrijfspand", city)), day)
    return rid


def taxi_firm(w: World, day: date) -> None:
    """A taxi firm near the border: its cars cross daily with different passengers."""
    rng = w.rng
    d = w.delivery("KMAR", day)
    day = w.within(d, day)
    city = rng.choice(("Venlo", "Maastricht", "Heerlen", "Enschede", "Roosendaal", "Breda"))
    name = f"Taxi {w.names.surname('NL').split(' ')[-1]} B.V."
    company = _office(w, d, city, name, "taxivervoer", day)
    members: list[Ref | None] = [w.ref(d, company, "Company", name=d.text(name))]
    drivers = []
    for _ in range(rng.randint(2, 3)):
        p = w.person(
            "NL" if rng.random() < 0.7 else rng.choice(("MA", "TR", "PL")), "M", (24, 62), day
        )
        r = w.write_person(d, p)
        d.link("EMPLOYED_BY", r, company, day, {"since": w.within(d, day, 400, 0),
                                                 "wage": round(rng.uniform(15.0, 21.0), 2)})  # fmt: skip
        drivers.append(r)
        members.append(p.first_ref)
    cars = []
    for _ in range(rng.randint(2, 3)):
        make, model = rng.choice(_TAXI_CARS)
        v = w.vehicle(d, ids.nl_plate(rng), "NL", make, model)
        d.link("OWNS_VEHICLE", company, v, day)
        cars.append(v)
    lo, hi = d.period
    days = sorted({date.fromordinal(rng.randint(lo.toordinal(), hi.toordinal()))
                   for _ in range(rng.randint(15, 40))})  # fmt: skip
    for i, when in enumerate(days):
        car = rng.choice(cars)
        driver = rng.choice(drivers)
        post = w.border_post(d, rng.choice(ROAD_POSTS))
        d.link("DRIVES", driver, car, when, {"date": when})
        d.link(
            "CROSSED_BORDER", car, post, when, {"date": when, "direction": "in" if i % 2 else "out"}
        )
        for _ in range(rng.randint(1, 3)):
            origin = rng.choice(("NL", "NL", "PL", "RO", "TR", "MA", "UA"))
            p = w.person(origin, None, (18, 80), when)
            r = w.write_person(d, p)
            d.link("PASSENGER_IN", r, car, when, {"date": when})
            members.append(p.first_ref)
    s = w.signal(
        d, "unknown", days[0], "Limburg", "MTV-controle taxi met passagiers, papieren in orde."
    )
    d.link("INVOLVED_IN", cars[0], s, days[0], {"role": "involved"})
    d.link("INVOLVED_IN", drivers[0], s, days[0], {"role": "involved"})
    _decoy(w, "taxi_firm", members)


def legal_agency(w: World, day: date) -> None:
    """An employment agency that lets houses to its workers legally."""
    rng = w.rng
    d = w.delivery("ISZW", day)
    day = w.within(d, day)
    city = rng.choice(("Naaldwijk", "Venlo", "Oss", "Zeewolde", "Roosendaal", "Tilburg"))
    name = f"{rng.choice(('Flex', 'Agri', 'Work', 'Select', 'Prima'))} Uitzend B.V."
    company = _office(w, d, city, name, "uitzendbureau", day)
    c_iban, c_bank = ids.nl_iban(rng)
    c_acct = w.account(d, c_iban, c_bank)
    d.link("HOLDS_ACCOUNT", company, c_acct, day)
    director = w.person("NL", None, (32, 64), day)
    rid_dir = w.write_person(d, director)
    d.link("DIRECTOR_OF", rid_dir, company, day)
    members: list[Ref | None] = [
        w.ref(d, company, "Company", name=d.text(name)),
        director.first_ref,
    ]
    houses = [w.address(d, w.places.address("woning", city)) for _ in range(rng.randint(2, 4))]
    for h in houses:
        d.link("LANDLORD_OF", company, h, day)
    minimum = _MINIMUM.get(day.year, 14.8)
    group = rng.choice(("PL", "RO", "BG"))
    n = rng.randint(8, 5 * len(houses))
    for i in range(n):
        p = w.person(group, "M" if rng.random() < 0.7 else "F", (21, 55), day, bsn_share=0.8)
        r = w.write_person(d, p)
        members.append(p.first_ref)
        wage = round(minimum * rng.uniform(1.03, 1.3), 2)
        d.link("EMPLOYED_BY", r, company, day, {"since": w.within(d, day, 300, 0), "wage": wage})
        d.link("LIVES_AT", r, houses[i % len(houses)], day)
        w_iban, w_bank = ids.nl_iban(rng)
        acct = w.account(d, w_iban, w_bank)
        d.link("HOLDS_ACCOUNT", r, acct, day)
        for _ in range(rng.randint(1, 2)):
            d.link("PAYMENT", c_acct, acct, day,
                   {"amount": round(wage * 160 * 0.85, 2), "date": w.within(d, day, 60, 0),
                    "description": "salaris"})  # fmt: skip
    s = w.signal(d, "labour", day, w.places.city(city).region, sector="uitzendbranche",
                 summary="Inspectie huisvesting arbeidsmigranten: gecertificeerde huisvesting, "
                         "geen bijzonderheden.")  # fmt: skip
    d.link("INVOLVED_IN", company, s, day, {"role": "employer"})
    for h in houses[:1]:
        d.link("INVOLVED_IN", h, s, day, {"role": "involved"})
    _decoy(w, "legal_agency", members)


def ordinary_hotel_guest(w: World, day: date) -> None:
    """A business traveller: short hotel stays in several cities, paid from own account."""
    rng = w.rng
    d = w.delivery("POL", day)
    day = w.within(d, day)
    p = w.person(rng.choice(("NL", "NL", "NL", "PL", "TR")), None, (25, 65), day)
    r = w.write_person(d, p)
    d.link("LIVES_AT", r, w.address(d, w.places.address("woning")), day)
    d.link("USES_PHONE", r, w.phone(d, ids.nl_mobile(rng)), day)
    iban, bank = ids.nl_iban(rng)
    acct = w.account(d, iban, bank)
    d.link("HOLDS_ACCOUNT", r, acct, day)
    cities = rng.sample(["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen",
                         "Maastricht", "Zwolle", "Arnhem"], rng.randint(3, 5))  # fmt: skip
    first_hotel = None
    for city in cities:
        hotel = w.address(d, w.places.hotel(city), shared=True)
        first_hotel = first_hotel or hotel
        stay = w.within(d, day, 0, 60)
        nights = rng.randint(1, 3)
        d.link("STAYED_AT", r, hotel, day, {"date": stay, "nights": nights})
        if rng.random() < 0.8:
            d.link("PAID_FOR", acct, hotel, day,
                   {"amount": float(nights * rng.randint(79, 189)), "date": stay,
                    "purpose": "room"})  # fmt: skip
    s = w.signal(
        d, "unknown", day, w.places.city(cities[0]).region, "Controle nachtregister hotel."
    )
    d.link("INVOLVED_IN", r, s, day, {"role": "involved"})
    _decoy(w, "ordinary_hotel_guest", [p.first_ref])


#: Decoy units per party with their share of the background.
DECOYS: dict[str, tuple[tuple[Callable[[World, date], None], float], ...]] = {
    "KMAR": ((taxi_firm, 0.004),),
    "ISZW": ((legal_agency, 0.004),),
    "POL": ((ordinary_hotel_guest, 0.01),),
}
