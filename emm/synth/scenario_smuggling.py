"""Migrant smuggling (KMAR and IND, sometimes OM).

Vans cross the border again and again with different passengers, who later appear at the IND
as asylum applicants, written differently (a year-only date of birth at the border, the
passport order, another transliteration). Between the crossing and the asylum application the
migrants stay a few nights in a safe house or a hotel, paid from the organiser's account. In a
quarter of the cases the organiser stays abroad: he is never stopped, owns no vehicle, and is
seen only in the call records with the drivers and in the payments for the trips.
"""

from __future__ import annotations

from datetime import date, timedelta

from emm.synth import identifiers as ids
from emm.synth.people import Person
from emm.synth.places import ROAD_POSTS
from emm.synth.scenario_kit import CARS, VANS, record, rr, shift
from emm.synth.truth import Ref
from emm.synth.world import World

_SAFE_CITIES = ("Rotterdam", "Amsterdam", "Den Haag", "Breda", "Eindhoven", "Venlo", "Utrecht")
_SMUGGLING_ROUTES = {  # migrants' origin -> likely origins of the organiser
    "ER": ("ER", "ER", "NL"),
    "VN": ("VN", "VN", "CN"),
    "CN": ("CN", "CN", "VN"),
    "MA": ("MA", "MA", "NL"),
    "TR": ("TR", "TR", "BG"),
    "NG": ("NG", "NG", "NL"),
}


def smuggling(w: World, number: int) -> None:
    rng = w.rng
    day0 = w.day()
    d = w.delivery("KMAR", day0)
    day0 = w.within(d, day0)
    investigated = (w.compact and number == 1) or rng.random() < 0.4
    fin = "WPG-9" if investigated else None  # money trail: investigation information
    group = rng.choices(tuple(_SMUGGLING_ROUTES), (30, 20, 10, 15, 15, 10))[0]
    organiser = w.person(rng.choice(_SMUGGLING_ROUTES[group]), "M", (26, 55), day0, bsn_share=0.6)
    drivers = [
        w.person(rng.choice(("NL", "PL", "RO", "BG", "UA", "TR")), "M", (21, 55), day0)
        for _ in range(rr(w, 1, 2))
    ]
    abroad = rng.random() < 0.25
    rid_org = w.write_person(d, organiser)
    rid_drv = [w.write_person(d, p) for p in drivers]
    assets: list[Ref] = []
    tap = "WPG-9" if investigated else None

    foreign = abroad or rng.random() < 0.4
    phone_org = w.phone(d, ids.foreign_mobile(rng) if foreign else ids.nl_mobile(rng))
    d.link("USES_PHONE", rid_org, phone_org, day0)
    for r in rid_drv:
        if not abroad and rng.random() < 0.4:
            d.link("USES_PHONE", r, phone_org, day0)
            continue
        own = w.phone(d, ids.nl_mobile(rng) if rng.random() < 0.5 else ids.foreign_mobile(rng))
        d.link("USES_PHONE", r, own, day0)
        if abroad or rng.random() < 0.5:
            w.calls(d, phone_org, own, w.within(d, day0, 30, 60), count=rng.randint(5, 90),
                    legal_basis=tap)  # fmt: skip
    assets.append(w.ref(d, phone_org, "Phone"))

    rid_veh = []
    for _ in range(rr(w, 1, 2)):
        make, model = rng.choice(VANS if rng.random() < 0.75 else CARS)
        if rng.random() < 0.5:
            r = w.vehicle(d, ids.nl_plate(rng), "NL", make, model)
        else:
            plate, country = ids.foreign_plate(rng)
            r = w.vehicle(d, plate, country, make, model)
        owner = rng.choice(rid_drv) if abroad or rng.random() >= 0.6 else rid_org
        d.link("OWNS_VEHICLE", owner, r, day0)
        rid_veh.append(r)
        assets.append(w.ref(d, r, "Vehicle"))

    iban, bank = w.new_account(1.0 if abroad else 0.3)
    rid_acct = w.account(d, iban, bank)
    d.link("HOLDS_ACCOUNT", rid_org, rid_acct, day0)
    assets.append(w.ref(d, rid_acct, "BankAccount"))
    for _ in range(rng.randint(1, 4) if abroad else rng.randint(0, 2)):
        payer_iban, payer_bank = ids.foreign_iban(rng)
        payer = w.account(d, payer_iban, payer_bank)
        d.link(
            "PAID_FOR",
            payer,
            rid_org,
            day0,
            {
                "amount": float(rng.randint(15, 60) * 100),
                "date": w.within(d, day0, 30, 0),
                "purpose": "travel",
            },
            legal_basis=fin,
        )

    safe = None
    if rng.random() < 0.5:
        safe = w.address(d, w.places.address("woning", rng.choice(_SAFE_CITIES)))
        assets.append(w.ref(d, safe, "Address"))
    migrants: list[Person] = []
    trips: list[tuple[date, list[Person]]] = []
    first_trip_rids: list[str] = []
    for t in range(rr(w, 3, 12, 3)):
        tday = day0 if t == 0 else w.within(d, day0, 0, 80)
        vehicle = rng.choice(rid_veh)
        post = w.border_post(d, rng.choice(ROAD_POSTS))
        d.link("CROSSED_BORDER", vehicle, post, tday, {"date": tday, "direction": "in"})
        driver = rng.choice(rid_drv)
        d.link("DRIVES", driver, vehicle, tday, {"date": tday})
        if rng.random() < 0.5:
            d.link("CROSSED_BORDER", driver, post, tday, {"date": tday, "direction": "in"})
        family = rng.random() < 0.3
        surname = w.names.surname(group)
        passengers = []
        trip_rids: list[str] = []
        prev = None
        for _ in range(rr(w, 2, 5, 2)):
            p = w.person(
                group,
                "M" if rng.random() < 0.65 else "F",
                (1, 12) if family and rng.random() < 0.3 else (16, 40),
                tday,
                nationality=group,
                bsn_share=0.0,
            )
            if family:
                p.last = surname
            r = w.write_person(d, p)
            d.link("PASSENGER_IN", r, vehicle, tday, {"date": tday})
            if prev is not None:
                d.link("TRAVELLED_WITH", prev, r, tday, {"date": tday})
            if rng.random() < 0.25:
                doc_country = rng.choice((group, "FR", "IT", "BE", "ES"))
                d.link(
                    "HAS_DOCUMENT",
                    r,
                    w.document(d, rng.choice(("passport", "id_card")), doc_country),
                    tday,
                )
            prev = r
            passengers.append(p)
            trip_rids.append(r)
            if t == 0:
                first_trip_rids.append(r)
        migrants += passengers
        trips.append((tday, passengers))
        if safe is not None or rng.random() < 0.3:  # a safe house or a hotel, paid by him
            place = safe if safe is not None else w.address(d, w.places.hotel(), shared=True)
            for pid in trip_rids:
                stay = w.within(d, tday, 0, 2)
                nights = rng.randint(1, 4)
                d.link("STAYED_AT", pid, place, tday, {"date": stay, "nights": nights})
                d.link("PAID_FOR", rid_acct, place, tday,
                       {"amount": float(nights * rng.randint(30, 90)), "date": stay,
                        "purpose": "room"}, legal_basis=fin)  # fmt: skip

    region = rng.choice(("Zeeland-West-Brabant", "Oost-Nederland", "Limburg", "Rotterdam"))
    s = w.signal(
        d,
        "smuggling",
        day0,
        region,
        summary=(
            f"MTV-controle: {'bestelbus' if rng.random() < 0.7 else 'personenauto'} met "
            f"{len(trips[0][1])} personen zonder geldige reisdocumenten; bestuurder "
            f"{drivers[0].name} verklaart niets te weten."
        ),
    )
    signals = [s]
    if not abroad:
        d.link("INVOLVED_IN", rid_org, s, day0, {"role": "suspect"})
    for r in rid_drv:
        d.link("INVOLVED_IN", r, s, day0, {"role": "facilitator"})
    d.link("INVOLVED_IN", rid_veh[0], s, day0, {"role": "involved"})
    for r in first_trip_rids:
        d.link("INVOLVED_IN", r, s, day0, {"role": "involved"})

    if investigated:
        named = rid_drv if abroad else [rid_org, *rid_drv]
        case = w.police_case(d, signals, named, "smuggling", w.within(d, day0, 0, 60), region)
        charged = drivers[:1] if abroad else [organiser, *drivers[:1]]
        w.om_case(charged, "smuggling", day0 + timedelta(days=45), case)

    # The IND sees most of them again as asylum applicants, a few days to weeks later.
    for i, (tday, passengers) in enumerate(trips):
        if not (w.compact and i == 0) and rng.random() >= 0.6:
            continue
        iday = shift(tday, rng.randint(2, 40))
        di = w.delivery("IND", iday)
        iday = w.within(di, iday)
        coa = w.address(di, rng.choice(w.places.reception_centres), shared=True)
        prev = None
        prev_p: Person | None = None
        for p in passengers:
            r = w.write_person(di, p, with_bsn=False, with_v_number=True)
            di.link("LIVES_AT", r, coa, iday)
            if rng.random() < 0.6:
                doc_type = rng.choice(("passport", "id_card", "residence_permit"))
                di.link("HAS_DOCUMENT", r, w.document(di, doc_type, p.nationality), iday)
            if prev is not None and prev_p is not None:
                if prev_p.last == p.last:
                    di.link("FAMILY_OF", prev, r, iday, {"relation": "familie"})
                di.link("TRAVELLED_WITH", prev, r, iday, {"date": tday})
            prev, prev_p = r, p

    members = [
        organiser.first_ref,
        *(p.first_ref for p in drivers),
        *(p.first_ref for p in migrants),
    ]
    record(
        w,
        "smuggling",
        number,
        [m for m in members if m],
        [organiser.first_ref or {}],
        [p.first_ref for p in migrants if p.first_ref],
        assets,
    )
