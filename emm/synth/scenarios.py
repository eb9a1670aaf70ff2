"""The planted networks: what a case of each phenomenon looks like in the parties' data.

Each function writes one instance into the deliveries of the parties that would see it and
records the network in the ground truth. The shapes follow how these cases present in practice:

* **sexual** exploitation (police): victims, often foreign, living at one to three addresses,
  sharing phones that recur in many online advertisements; one account of the organiser pays for
  the advertisements and for short hotel stays in different cities.
* **labour** exploitation (Labour Inspectorate): an employment agency employs many workers and
  is also the landlord of the few addresses they live at; wages go to accounts held by the
  organiser, who may or may not be the registered director.
* **smuggling** (KMAR and IND): vans crossing the border again and again with different
  passengers, who later appear at the IND as asylum applicants, written slightly differently.
* **criminal** exploitation (police): minors and young adults forced into crime, tied to a
  handler through phones, addresses and money-mule accounts; both suspect and victim.

Some instances became investigations: the signals are PART_OF a police investigation and the
Public Prosecution Service (OM) delivers its status with the organisers as suspects.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from emm.synth import identifiers as ids
from emm.synth.people import Person
from emm.synth.places import LABOUR_CITIES, ROAD_POSTS
from emm.synth.truth import Ref
from emm.synth.world import World

__all__ = ["SCENARIOS", "criminal", "labour", "sexual", "smuggling"]

_SEX_PLATFORMS = (
    "rodelampjes.nl",
    "escortgids.nl",
    "privehuizen.nl",
    "datingprive.nl",
    "sexadvertenties.nl",
    "kinkyads.nl",
)
_SEX_TITLES = (
    "Nieuw in {city}!",
    "Sexy {first}, alleen deze week",
    "{first} ({age}) - privé",
    "Exotische {first} ontvangt",
    "Nieuw: {first}, 24/7",
    "Escort {first} {city}",
)
_JOB_PLATFORMS = ("werkinholland.eu", "pracaholandia.pl", "munca-olanda.ro", "rabota-nl.bg")
_VANS = (
    ("Volkswagen", "Transporter"),
    ("Mercedes-Benz", "Sprinter"),
    ("Renault", "Trafic"),
    ("Ford", "Transit"),
    ("Opel", "Vivaro"),
    ("Fiat", "Ducato"),
    ("Peugeot", "Boxer"),
)
_CARS = (
    ("Volkswagen", "Passat"),
    ("BMW", "5-serie"),
    ("Audi", "A6"),
    ("Skoda", "Octavia"),
    ("Mercedes-Benz", "E-Klasse"),
    ("Toyota", "Corolla"),
    ("Dacia", "Logan"),
)
_AGENCY_WORDS = (
    "Flex",
    "Euro",
    "Work",
    "Staff",
    "Agri",
    "Holland",
    "Oost",
    "Vita",
    "Prima",
    "Delta",
    "Top",
    "Select",
    "Baltic",
    "Poldi",
)
_AGENCY_SUFFIX = (
    "Personeelsdiensten B.V.",
    "Uitzendbureau B.V.",
    "Staffing B.V.",
    "Work Force B.V.",
    "Detachering B.V.",
    "Flexwerk B.V.",
)
_LABOUR_SECTORS = (
    "land- en tuinbouw",
    "logistiek",
    "vleesverwerking",
    "uitzendbranche",
    "schoonmaak",
    "bouw",
    "distributiecentra",
)
_CRIMES = (
    "winkeldiefstal",
    "zakkenrollerij",
    "drugshandel (runner)",
    "geldezel",
    "inbraak",
    "woningoverval (uitvoerder)",
    "drugskoerier",
)


def _rr(w: World, lo: int, hi: int, compact_hi: int | None = None) -> int:
    """A count between ``lo`` and ``hi``; tiny runs stay near the minimum."""
    if w.compact:
        top = compact_hi if compact_hi is not None else lo
        return w.rng.randint(min(lo, top), top)
    return w.rng.randint(lo, hi)


def _record(
    w: World,
    kind: str,
    number: int,
    members: list[Ref],
    organisers: list[Ref],
    victims: list[Ref],
    assets: list[Ref],
) -> None:
    w.truth.scenario(
        {
            "id": f"{kind}-{number:04d}",
            "type": kind,
            "members": members,
            "organisers": organisers,
            "victims": victims,
            "assets": assets,
        }
    )


def _shift(day: date, days: int) -> date:
    return day + timedelta(days=days)


# --------------------------------------------------------------------------------------------
# Sexual exploitation (POL, sometimes IND and OM)
# --------------------------------------------------------------------------------------------


def sexual(w: World, number: int) -> None:
    rng = w.rng
    day0 = w.day()
    d = w.delivery("POL", day0)
    day0 = w.within(d, day0)
    investigated = (w.compact and number == 1) or rng.random() < 0.5
    fin = "WPG-9" if investigated else None  # money trail: investigation information
    group = rng.choices(
        ("RO", "BG", "NG", "NL", "UA", "PL", "CN", "VN"), (25, 15, 15, 15, 8, 7, 8, 7)
    )[0]
    org_origin = group if rng.random() < 0.55 else rng.choice(("NL", "TR", "MA", "SR"))
    city = w.places.city().name

    organiser = w.person(org_origin, "M", (24, 52), day0)
    helpers = [
        w.person(rng.choice((org_origin, group)), "F" if group == "NG" else "M", (22, 50), day0)
        for _ in range(_rr(w, 0, 2, 1))
    ]
    victims: list[Person] = []
    for _ in range(_rr(w, 3, 8, 3)):
        origin = group if rng.random() < 0.75 else rng.choice(("RO", "BG", "HU", "NL", "UA"))
        origin = origin if origin != "HU" else "RO"
        age = (16, 17) if rng.random() < 0.08 else (18, 29)
        victims.append(w.person(origin, "F", age, day0, bsn_share=0.9 if origin == "NL" else 0.25))

    rid_org = w.write_person(d, organiser)
    rid_help = [w.write_person(d, h) for h in helpers]
    rid_vic = [w.write_person(d, v) for v in victims]
    assets: list[Ref] = []

    homes = [w.places.address("woning", city) for _ in range(_rr(w, 1, 3))]
    rid_homes = [w.address(d, a) for a in homes]
    assets += [w.ref(d, r, "Address") for r in rid_homes]
    for r in rid_vic:
        d.link("LIVES_AT", r, rng.choice(rid_homes), day0)
    d.link("LIVES_AT", rid_org, w.address(d, w.places.address("woning")), day0)
    for r in rid_help:
        d.link("LIVES_AT", r, rng.choice(rid_homes), day0)

    numbers = [ids.nl_mobile(rng) for _ in range(_rr(w, 2, 4, 2))]
    if group in ("RO", "BG", "PL", "NG", "UA") and rng.random() < 0.4:
        numbers.append(ids.foreign_mobile(rng, group))
    rid_phones = [w.phone(d, n) for n in numbers]
    assets += [w.ref(d, r, "Phone") for r in rid_phones]
    d.link("USES_PHONE", rid_org, rid_phones[0], day0)
    if len(rid_phones) > 2 and rng.random() < 0.5:
        d.link("USES_PHONE", rid_org, rid_phones[-1], day0)
    for r in rid_help:
        d.link("USES_PHONE", r, rng.choice(rid_phones), day0)
    for r in rid_vic:
        d.link("USES_PHONE", r, rng.choice(rid_phones[1:] or rid_phones), day0)

    rid_mail = None
    if rng.random() < 0.5:
        v = victims[0]
        rid_mail = w.email(d, w.email_address(v.first, str(rng.randint(1990, 2009))))
        assets.append(w.ref(d, rid_mail, "Email"))

    iban, bank = w.new_account(0.4, group)
    rid_acct = w.account(d, iban, bank)
    assets.append(w.ref(d, rid_acct, "BankAccount"))
    d.link(
        "HOLDS_ACCOUNT",
        rid_org if rng.random() < 0.7 or not rid_help else rid_help[0],
        rid_acct,
        day0,
    )

    for v, r in zip(victims, rid_vic, strict=True):
        for _ in range(_rr(w, 1, 3)):
            posted = w.within(d, day0, 60, 60)
            title = rng.choice(_SEX_TITLES).format(
                city=city, first=v.first, age=rng.randint(19, 25)
            )
            ad = d.entity(
                "Advertisement",
                {
                    "platform": rng.choice(_SEX_PLATFORMS),
                    "ad_id": str(rng.randint(10**6, 10**8)),
                    "title": title,
                    "posted_at": posted,
                    "kind": "sex",
                },
            )
            assets.append(w.ref(d, ad, "Advertisement"))
            d.link("ADVERTISES", ad, r, day0)
            d.link("ADVERTISED_WITH", ad, rng.choice(rid_phones), day0)
            if rid_mail is not None and rng.random() < 0.5:
                d.link("ADVERTISED_WITH", ad, rid_mail, day0)
            d.link(
                "PAID_FOR",
                rid_acct,
                ad,
                day0,
                {
                    "amount": float(rng.randint(20, 150)),
                    "date": posted,
                    "purpose": "advertisement",
                },
                legal_basis=fin,
            )
        for _ in range(_rr(w, 0, 3, 1)):
            hotel = w.places.hotel()
            rid_hotel = w.address(d, hotel, shared=True)
            stay = w.within(d, day0, 45, 45)
            nights = rng.randint(1, 3)
            d.link("STAYED_AT", r, rid_hotel, day0, {"date": stay, "nights": nights})
            d.link(
                "PAID_FOR",
                rid_acct,
                rid_hotel,
                day0,
                {
                    "amount": float(nights * rng.randint(59, 149)),
                    "date": stay,
                    "purpose": "room",
                },
                legal_basis=fin,
            )

    region = w.places.city(city).region
    signals = []
    for i in range(_rr(w, 1, 3)):
        sday = day0 if i == 0 else w.within(d, day0, 0, 120)
        summary = rng.choice(
            (
                f"Melding via Meld Misdaad Anoniem: vrouwen werken vanuit woning in {city}, "
                f"worden gebracht en gehaald door {organiser.name}.",
                f"Controle prostitutiebranche {city}: {victims[0].name} spreekt geen Nederlands, "
                "kan geen eigen adres noemen, telefoon wordt door een ander beheerd.",
                "Hotelmedewerker meldt wisselende jonge vrouwen op één kamer, contant betaald.",
                f"Advertenties met hetzelfde nummer voor meerdere vrouwen in {city}.",
            )
        )
        s = w.signal(d, "sexual", sday, region, summary)
        signals.append(s)
        if i == 0:
            d.link("INVOLVED_IN", rid_org, s, sday, {"role": "suspect"})
            for r in rid_help:
                d.link("INVOLVED_IN", r, s, sday, {"role": "suspect"})
            for r in rid_vic:
                d.link("INVOLVED_IN", r, s, sday, {"role": "victim"})
            d.link("INVOLVED_IN", rid_homes[0], s, sday, {"role": "involved"})
        else:
            for r in rng.sample(rid_vic, min(len(rid_vic), 2)):
                d.link("INVOLVED_IN", r, s, sday, {"role": "victim"})
            d.link("INVOLVED_IN", rng.choice(rid_phones), s, sday, {"role": "involved"})

    if investigated:
        case = w.police_case(d, signals, [rid_org], "sexual", w.within(d, day0, 0, 90), region)
        w.om_case([organiser, *helpers[:1]], "sexual", day0 + timedelta(days=60), case)

    if group in ("NG", "UA", "CN", "VN") and rng.random() < 0.6:
        iday = _shift(day0, rng.randint(20, 200))
        di = w.delivery("IND", iday)
        iday = w.within(di, iday)
        for v in victims[: rng.randint(1, 2)]:
            r = w.write_person(di, v, with_v_number=True)
            doc = w.document(di, "passport", v.nationality)
            di.link("HAS_DOCUMENT", r, doc, iday)
            if rng.random() < 0.5:
                s = w.signal(
                    di,
                    "sexual",
                    iday,
                    region,
                    "Tijdens gehoor verklaart aanvraagster gedwongen te werken in de prostitutie.",
                )
                di.link("INVOLVED_IN", r, s, iday, {"role": "victim"})

    members = [
        organiser.first_ref,
        *(h.first_ref for h in helpers),
        *(v.first_ref for v in victims),
    ]
    _record(
        w,
        "sexual",
        number,
        [m for m in members if m],
        [organiser.first_ref or {}],
        [v.first_ref for v in victims if v.first_ref],
        assets,
    )


# --------------------------------------------------------------------------------------------
# Labour exploitation (ISZW, sometimes OM)
# --------------------------------------------------------------------------------------------


def labour(w: World, number: int) -> None:
    rng = w.rng
    day0 = w.day()
    d = w.delivery("ISZW", day0)
    day0 = w.within(d, day0)
    investigated = (w.compact and number == 1) or rng.random() < 0.4
    fin = "WPG-9" if investigated else None  # money trail: investigation information
    city = rng.choice(LABOUR_CITIES)
    group = rng.choices(("PL", "RO", "BG", "UA"), (35, 30, 20, 15))[0]
    boss_origin = rng.choice(("NL", "NL", "TR", group))

    name = f"{rng.choice(_AGENCY_WORDS)}{rng.choice(('', ' '))}{rng.choice(_AGENCY_SUFFIX)}"
    company = d.entity("Company", {"name": name, "kvk": ids.kvk(rng), "sector": "uitzendbureau"})
    company_ref = w.ref(d, company, "Company", name=d.text(name))
    office = w.places.address("bedrijfspand", city)
    d.link("REGISTERED_AT", company, w.address(d, office), day0)
    rid_landline = w.phone(d, ids.landline(rng))
    d.link("USES_PHONE", company, rid_landline, day0)
    if rng.random() < 0.6:
        slug = name.split(" ")[0].lower()
        d.link("USES_EMAIL", company, w.email(d, f"info@{slug}-personeel.nl"), day0)
    c_iban, c_bank = ids.nl_iban(rng)
    rid_c_acct = w.account(d, c_iban, c_bank)
    d.link("HOLDS_ACCOUNT", company, rid_c_acct, day0)
    assets: list[Ref] = [w.ref(d, rid_c_acct, "BankAccount")]

    director = w.person(boss_origin, "M" if rng.random() < 0.85 else "F", (28, 62), day0)
    rid_dir = w.write_person(d, director)
    d.link("DIRECTOR_OF", rid_dir, company, day0)
    if rng.random() < 0.5:
        organiser, rid_org = director, rid_dir
    else:
        organiser = w.person(rng.choice((group, boss_origin)), "M", (30, 58), day0)
        rid_org = w.write_person(d, organiser)
        d.link("ASSOCIATE_OF", rid_org, rid_dir, day0)
    d.link("USES_PHONE", rid_org, w.phone(d, ids.nl_mobile(rng)), day0)
    d.link("LIVES_AT", rid_org, w.address(d, w.places.address("woning")), day0)

    org_accounts = []
    for _ in range(_rr(w, 1, 3)):
        iban, bank = w.new_account(0.5, group)
        r = w.account(d, iban, bank)
        d.link("HOLDS_ACCOUNT", rid_org, r, day0)
        org_accounts.append(r)
        assets.append(w.ref(d, r, "BankAccount"))

    first_house = w.places.address("woning", city)
    houses = [first_house]
    for _ in range(_rr(w, 1, 4, 2) - 1):
        houses.append(
            w.places.near(first_house)
            if rng.random() < 0.5
            else w.places.address(rng.choice(("woning", "vakantiepark")), city)
        )
    rid_houses = [w.address(d, h) for h in houses]
    for r in rid_houses:
        d.link("LANDLORD_OF", company, r, day0)
        assets.append(w.ref(d, r, "Address"))

    workers: list[Person] = []
    rid_workers: list[str] = []
    for _ in range(_rr(w, 6, 25, 5)):
        origin = group if rng.random() < 0.75 else rng.choice(("PL", "RO", "BG", "UA"))
        p = w.person(origin, "M" if rng.random() < 0.7 else "F", (19, 50), day0, bsn_share=0.6)
        r = w.write_person(d, p)
        workers.append(p)
        rid_workers.append(r)
        wage = float(rng.randint(650, 1300))
        since = date.fromordinal(day0.toordinal() - rng.randint(10, 400))
        d.link("EMPLOYED_BY", r, company, day0, {"since": since, "wage": wage})
        d.link("LIVES_AT", r, rng.choice(rid_houses), day0)
        if rng.random() < 0.4:
            d.link("USES_PHONE", r, w.phone(d, ids.foreign_mobile(rng, origin)), day0)
        for k in range(_rr(w, 1, 3)):
            pay_day = w.within(d, day0, 90, 0)
            d.link(
                "PAYMENT",
                rid_c_acct,
                rng.choice(org_accounts),
                day0,
                {
                    "amount": round(wage * rng.uniform(0.2, 0.5), 2),
                    "date": pay_day,
                    "description": f"loon {p.first} {p.last} wk {pay_day.isocalendar()[1]}"
                    if k == 0
                    else f"salaris periode {rng.randint(1, 13)}",
                },
                legal_basis=fin,
            )

    if rng.random() < 0.4:
        ad = d.entity(
            "Advertisement",
            {
                "platform": rng.choice(_JOB_PLATFORMS),
                "ad_id": f"J{rng.randint(10**5, 10**7)}",
                "title": "Praca w Holandii / werk in Nederland, huisvesting geregeld",
                "posted_at": w.within(d, day0, 120, 0),
                "kind": "job",
            },
        )
        d.link("ADVERTISED_WITH", ad, rid_landline, day0)
        assets.append(w.ref(d, ad, "Advertisement"))

    region = w.places.city(city).region
    sector = rng.choice(_LABOUR_SECTORS)
    s = w.signal(
        d,
        "labour",
        day0,
        region,
        sector=sector,
        summary=(
            f"Inspectie bij {name}: {len(workers)} arbeidsmigranten wonen op {len(houses)} "
            "adres(sen) van de werkgever, huur en boetes ingehouden op het loon."
        ),
    )
    signals = [s]
    d.link("INVOLVED_IN", company, s, day0, {"role": "employer"})
    d.link("INVOLVED_IN", rid_dir, s, day0, {"role": "suspect"})
    if rid_org != rid_dir:
        d.link("INVOLVED_IN", rid_org, s, day0, {"role": "suspect"})
    for r in rid_workers if w.compact else rng.sample(rid_workers, max(3, len(rid_workers) // 2)):
        d.link("INVOLVED_IN", r, s, day0, {"role": "victim"})
    if not w.compact and rng.random() < 0.4:
        sday = w.within(d, day0, 0, 90)
        s2 = w.signal(
            d,
            "labour",
            sday,
            region,
            sector=sector,
            summary="Gemeente meldt overbewoning; bewoners werken via hetzelfde bureau.",
        )
        signals.append(s2)
        for r in rid_houses:
            d.link("INVOLVED_IN", r, s2, sday, {"role": "involved"})

    if investigated:
        case = w.police_case(d, signals, [rid_org], "labour", w.within(d, day0, 0, 90), region)
        suspects = [organiser] if organiser is director else [organiser, director]
        w.om_case(suspects, "labour", day0 + timedelta(days=90), case)

    members = [organiser.first_ref]
    if organiser is not director:
        members.append(director.first_ref)
    members.append(company_ref)
    members += [p.first_ref for p in workers]
    _record(
        w,
        "labour",
        number,
        [m for m in members if m],
        [organiser.first_ref or {}],
        [p.first_ref for p in workers if p.first_ref],
        assets,
    )


# --------------------------------------------------------------------------------------------
# Migrant smuggling (KMAR + IND, sometimes OM)
# --------------------------------------------------------------------------------------------

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
        for _ in range(_rr(w, 1, 2))
    ]
    rid_org = w.write_person(d, organiser)
    rid_drv = [w.write_person(d, p) for p in drivers]
    assets: list[Ref] = []

    phone_org = w.phone(d, ids.nl_mobile(rng) if rng.random() < 0.6 else ids.foreign_mobile(rng))
    d.link("USES_PHONE", rid_org, phone_org, day0)
    for r in rid_drv:
        d.link(
            "USES_PHONE",
            r,
            phone_org
            if rng.random() < 0.4
            else w.phone(d, ids.nl_mobile(rng) if rng.random() < 0.5 else ids.foreign_mobile(rng)),
            day0,
        )
    assets.append(w.ref(d, phone_org, "Phone"))

    rid_veh = []
    for _ in range(_rr(w, 1, 2)):
        make, model = rng.choice(_VANS if rng.random() < 0.75 else _CARS)
        if rng.random() < 0.5:
            r = w.vehicle(d, ids.nl_plate(rng), "NL", make, model)
        else:
            plate, country = ids.foreign_plate(rng)
            r = w.vehicle(d, plate, country, make, model)
        d.link("OWNS_VEHICLE", rid_org if rng.random() < 0.6 else rng.choice(rid_drv), r, day0)
        rid_veh.append(r)
        assets.append(w.ref(d, r, "Vehicle"))

    iban, bank = w.new_account(0.3)
    rid_acct = w.account(d, iban, bank)
    d.link("HOLDS_ACCOUNT", rid_org, rid_acct, day0)
    assets.append(w.ref(d, rid_acct, "BankAccount"))
    for _ in range(rng.randint(0, 2)):
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

    migrants: list[Person] = []
    trips: list[tuple[date, list[Person]]] = []
    first_trip_rids: list[str] = []
    for t in range(_rr(w, 3, 12, 3)):
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
        prev = None
        for _ in range(_rr(w, 2, 5, 2)):
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
            if t == 0:
                first_trip_rids.append(r)
        migrants += passengers
        trips.append((tday, passengers))

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
    d.link("INVOLVED_IN", rid_org, s, day0, {"role": "suspect"})
    for r in rid_drv:
        d.link("INVOLVED_IN", r, s, day0, {"role": "facilitator"})
    d.link("INVOLVED_IN", rid_veh[0], s, day0, {"role": "involved"})
    for r in first_trip_rids:
        d.link("INVOLVED_IN", r, s, day0, {"role": "involved"})

    if investigated:
        case = w.police_case(
            d, signals, [rid_org, *rid_drv], "smuggling", w.within(d, day0, 0, 60), region
        )
        w.om_case([organiser, *drivers[:1]], "smuggling", day0 + timedelta(days=45), case)

    # The IND sees most of them again as asylum applicants, a few days to weeks later.
    for i, (tday, passengers) in enumerate(trips):
        if not (w.compact and i == 0) and rng.random() >= 0.6:
            continue
        iday = _shift(tday, rng.randint(2, 40))
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
    _record(
        w,
        "smuggling",
        number,
        [m for m in members if m],
        [organiser.first_ref or {}],
        [p.first_ref for p in migrants if p.first_ref],
        assets,
    )


# --------------------------------------------------------------------------------------------
# Criminal exploitation (POL, sometimes OM)
# --------------------------------------------------------------------------------------------


def criminal(w: World, number: int) -> None:
    rng = w.rng
    day0 = w.day()
    d = w.delivery("POL", day0)
    day0 = w.within(d, day0)
    investigated = (w.compact and number == 1) or rng.random() < 0.4
    fin = "WPG-9" if investigated else None  # money trail: investigation information
    city = w.places.city().name
    region = w.places.city(city).region
    handler = w.person(rng.choice(("NL", "MA", "SR", "TR", "RO", "BG")), "M", (20, 38), day0)
    helpers = [w.person(handler.origin, "M", (18, 30), day0) for _ in range(_rr(w, 0, 1))]
    youths: list[Person] = []
    for _ in range(_rr(w, 3, 7, 3)):
        origin = rng.choices(("NL", "MA", "SR", "RO", "BG", "PL"), (40, 20, 15, 12, 8, 5))[0]
        youths.append(w.person(origin, "M" if rng.random() < 0.75 else "F", (14, 21), day0))

    rid_h = w.write_person(d, handler)
    rid_help = [w.write_person(d, p) for p in helpers]
    rid_y = [w.write_person(d, p) for p in youths]
    assets: list[Ref] = []

    home = w.address(d, w.places.address("woning", city))
    d.link("LIVES_AT", rid_h, home, day0)
    stash = w.address(d, w.places.address("woning", city))
    assets += [w.ref(d, home, "Address"), w.ref(d, stash, "Address")]
    handler_phones = [w.phone(d, ids.nl_mobile(rng)) for _ in range(_rr(w, 2, 3, 2))]
    for r in handler_phones:
        d.link("USES_PHONE", rid_h, r, day0)
        assets.append(w.ref(d, r, "Phone"))
    for r in rid_help:
        d.link("USES_PHONE", r, rng.choice(handler_phones), day0)
        d.link("LIVES_AT", r, stash, day0)
    h_iban, h_bank = ids.nl_iban(rng)
    h_acct = w.account(d, h_iban, h_bank)
    d.link("HOLDS_ACCOUNT", rid_h, h_acct, day0)
    assets.append(w.ref(d, h_acct, "BankAccount"))

    for r in rid_y:
        d.link("USES_PHONE", r, rng.choice(handler_phones), day0)
        if rng.random() < 0.7:
            d.link("USES_PHONE", r, w.phone(d, ids.nl_mobile(rng)), day0)
        if rng.random() < 0.25:
            d.link("LIVES_AT", r, stash, day0)
        else:
            d.link("LIVES_AT", r, w.address(d, w.places.address("woning", city)), day0)
            if rng.random() < 0.6:
                d.link(
                    "STAYED_AT",
                    r,
                    stash,
                    day0,
                    {"date": w.within(d, day0, 60, 0), "nights": rng.randint(1, 14)},
                )
        if rng.random() < 0.4:
            m_iban, m_bank = ids.nl_iban(rng)
            m_acct = w.account(d, m_iban, m_bank)
            d.link("HOLDS_ACCOUNT", r, m_acct, day0)
            for _ in range(rng.randint(1, 3)):
                d.link(
                    "PAYMENT",
                    m_acct,
                    h_acct,
                    day0,
                    {
                        "amount": float(rng.randint(300, 4500)),
                        "date": w.within(d, day0, 60, 0),
                        "description": rng.choice(("terugbetaling", "lening", "", "tikkie")),
                    },
                    legal_basis=fin,
                )

    s = w.signal(
        d,
        "criminal",
        day0,
        region,
        summary=(
            f"Jongeren in {city} worden door {handler.name} ingezet voor strafbare feiten; "
            "schulden worden als drukmiddel gebruikt."
        ),
    )
    signals = [s]
    d.link("INVOLVED_IN", rid_h, s, day0, {"role": "suspect"})
    for r in rid_help:
        d.link("INVOLVED_IN", r, s, day0, {"role": "suspect"})
    for r in rid_y:
        d.link("INVOLVED_IN", r, s, day0, {"role": "victim"})
    d.link("INVOLVED_IN", stash, s, day0, {"role": "involved"})
    crime_groups = [rid_y] if w.compact else [[r] for r in rid_y]
    for group in crime_groups:
        cday = w.within(d, day0, 120, 30)
        crime = rng.choice(_CRIMES)
        cs = w.signal(
            d,
            "criminal",
            cday,
            region,
            summary=(f"Aanhouding ter zake {crime}; verdachte verklaart in opdracht te handelen."),
        )
        signals.append(cs)
        for r in group:
            d.link("INVOLVED_IN", r, cs, cday, {"role": "suspect"})

    if investigated:
        case = w.police_case(d, signals[:1], [rid_h], "criminal", w.within(d, day0, 0, 90), region)
        w.om_case([handler, *helpers], "criminal", day0 + timedelta(days=60), case)

    members = [handler.first_ref, *(p.first_ref for p in helpers), *(p.first_ref for p in youths)]
    _record(
        w,
        "criminal",
        number,
        [m for m in members if m],
        [handler.first_ref or {}],
        [p.first_ref for p in youths if p.first_ref],
        assets,
    )


SCENARIOS: dict[str, Callable[[World, int], None]] = {
    "sexual": sexual,
    "labour": labour,
    "smuggling": smuggling,
    "criminal": criminal,
}
