"""Benign look-alikes: dense, busy or cross-border structures that are not networks.

Several of them are also *shared* with networks, as in real cases: trafficked women stay in
the same hotels as ordinary guests, smuggled migrants live in the same reception centre as
hundreds of other asylum seekers, a letterbox company sits in the same business centre as
sixty honest ones, a pimp pays window rent to a licensed operator. :func:`decoys` returns
those shared places for the scenario builders.

This module is longer than ~500 lines on purpose: the variants of one scenario stay together
so they can be read next to ``README.md``, and the formatter writes the arguments of the
many fact calls one per line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from . import acts
from .ids import CITIES
from .texts import summary
from .world import Human, Thing, World

__all__ = ["Shared", "decoys", "noise_investigations"]


@dataclass
class Shared:
    hotels: list[Thing] = field(default_factory=list)
    centres: list[Thing] = field(default_factory=list)
    business_centre: list[Thing] = field(default_factory=list)
    window_addresses: list[Thing] = field(default_factory=list)
    window_account: Thing | None = None
    transfer_shop_account: Thing | None = None
    taxi_vehicles: list[Thing] = field(default_factory=list)


def _n(w: World, base: int, lo: int = 1) -> int:
    return max(lo, round(base * w.scale))


def decoys(w: World, pools: dict[str, list[Human]]) -> Shared:
    sh = Shared()
    _taxi(w, sh)
    _legit_agency(w)
    _hotels(w, sh, pools)
    _reception_centres(w, sh)
    _business_centre(w, sh)
    _families_sharing_phones(w)
    _window_operator(w, sh)
    _charity(w, pools)
    _transfer_shop(w, sh, pools)
    _student_housing(w)
    return sh


def _taxi(w: World, sh: Shared) -> None:
    """A taxi and coach firm in Venlo driving to Germany and Belgium every day (KMAR data)."""
    rng = w.rng
    owner = w.person("NL", "M", age=(40, 60))
    co = w.company(f"Taxi- en Touringcarbedrijf {owner.name.family} B.V.", "personenvervoer")
    base = w.address("Venlo", "bedrijfspand")
    since = date(2022, 2, 1)
    w.fact("POL", "DIRECTOR_OF", owner, co, since)
    w.fact("KMAR", "DIRECTOR_OF", owner, co, since)
    acts.home(w, "POL", co, base, since, registered=True)
    drivers = [
        w.person(rng.choice(("NL", "NL", "DE", "PL", "TR")), "M", age=(25, 62))
        for _ in range(_n(w, 9, 3))
    ]
    vans = [
        w.vehicle("NL", "Mercedes-Benz", rng.choice(("Vito", "Sprinter", "Tourismo")))
        for _ in range(_n(w, 10, 3))
    ]
    sh.taxi_vehicles = vans
    for v in vans:
        w.fact("KMAR", "OWNS_VEHICLE", co, v, since)
    for d in drivers:
        w.fact(
            "ISZW",
            "EMPLOYED_BY",
            d,
            co,
            since,
            since=w.day(date(2018, 1, 1), since),
            wage=round(rng.uniform(15.2, 18.5), 2),
        )
        acts.home(
            w, "POL", d, w.address(rng.choice(("Venlo", "Venlo", "Heerlen", "Maastricht"))), since
        )
    passengers = [
        w.person(rng.choice(("NL", "DE", "BE", "PL")), age=(18, 85), bsn=None)
        for _ in range(_n(w, 40, 5))
    ]
    posts = ("Venlo-Zuid (A67)", "Venlo (A74)", "Hazeldonk (A16)", "Bad Bentheim (A1)")
    for _ in range(_n(w, 260, 20)):
        d = rng.choice(drivers)
        v = rng.choice(vans)
        when = w.day(since)
        post = rng.choice(posts)
        acts.crossing(w, d, post, when, direction=rng.choice(("in", "out")), vehicle=v)
        if rng.random() < 0.25:
            p = rng.choice(passengers)
            acts.crossing(w, p, post, when, direction="in", vehicle=v, passenger=True)
    acts.signal(
        w,
        "KMAR",
        "smuggling",
        w.day(date(2023, 1, 1)),
        [(vans[0], "involved"), (drivers[0], "involved")],
        summary="Bestelbus passeert dagelijks meerdere keren de grens; bij controle alleen reguliere taxiritten.",
    )
    w.decoy(
        "cross_border_taxi_firm",
        [owner, *drivers, *passengers],
        "licensed passenger transport, daily crossings",
    )


def _legit_agency(w: World) -> None:
    """An SNF-certified agency: many foreign workers, vans, housing, but 2-4 per house and
    wages above the minimum paid into the workers' own accounts."""
    rng = w.rng
    director = w.person("NL", "M", age=(38, 60))
    hr = w.person("PL", "F", age=(28, 45), bsn=True)
    co = w.company("Flexwerk Oost Uitzendgroep B.V.", "uitzendbranche")
    office = w.address("Zwolle", "bedrijfspand")
    since = date(2022, 3, 1)
    co_acc = w.account()
    for party in ("ISZW", "POL"):
        w.fact(party, "DIRECTOR_OF", director, co, since)
    w.fact("ISZW", "EMPLOYED_BY", hr, co, since, since=date(2019, 5, 1), wage=22.5)
    acts.home(w, "ISZW", co, office, since, registered=True)
    acts.account_of(w, "POL", co, co_acc, since)
    houses = [
        w.address(rng.choice(("Zwolle", "Apeldoorn", "Enschede")), "woning")
        for _ in range(_n(w, 20, 3))
    ]
    for hs in houses:
        w.fact("ISZW", "LANDLORD_OF", co, hs, since)
    vans = [w.vehicle("NL", "Volkswagen", "Crafter") for _ in range(_n(w, 4, 1))]
    for v in vans:
        w.fact("ISZW", "OWNS_VEHICLE", co, v, since)
    workers = []
    for i in range(_n(w, 60, 6)):
        h = w.person(rng.choice(("PL", "PL", "RO", "LT", "BG", "UA")), age=(19, 58), bsn=True)
        workers.append(h)
        start = w.day(date(2021, 1, 1), date(2024, 6, 1))
        w.fact(
            "ISZW",
            "EMPLOYED_BY",
            h,
            co,
            max(start, since),
            since=start,
            wage=round(rng.uniform(14.5, 17.2), 2),
        )
        hs = houses[i % len(houses)]
        acts.home(w, "ISZW", h, hs, max(start, since))
        acc = w.account(
            rng.choice(("NL", "NL", "PL", "RO")) if h.nationality in ("PL", "RO") else "NL"
        )
        acts.account_of(w, "POL", h, acc, max(start, since))
        acts.pay_series(
            w,
            "POL",
            co_acc,
            acc,
            start=max(start, date(2024, 1, 1)),
            n=rng.randint(2, 5),
            every=30,
            amount=2300,
            description="salaris",
        )
        if rng.random() < 0.3:
            w.fact(
                "ISZW",
                "PASSENGER_IN",
                h,
                rng.choice(vans),
                w.day(date(2023, 1, 1)),
                date=w.day(date(2023, 1, 1)),
            )
    for v in vans:
        drv = rng.choice(workers)
        w.fact("ISZW", "DRIVES", drv, v, w.day(date(2023, 1, 1)), date=w.day(date(2023, 1, 1)))
    acts.signal(
        w,
        "ISZW",
        "labour",
        date(2023, 9, 12),
        [(co, "employer"), (director, "employer"), (houses[0], "involved")]
        + [(h, "involved") for h in workers[:4]],
        sector="uitzendbranche",
        summary="Reguliere inspectie uitzendbranche: arbeidsvoorwaarden in orde, huisvesting SNF-gecertificeerd.",
    )
    w.decoy(
        "legit_agency_housing",
        [director, hr, *workers],
        "SNF-certified agency, wages above minimum, 2-4 per house",
    )


def _hotels(w: World, sh: Shared, pools: dict[str, list[Human]]) -> None:
    """Three ordinary hotels with hundreds of short stays from the night register."""
    rng = w.rng
    for city in ("Utrecht", "Eindhoven", "Rotterdam"):
        hotel = w.address(city, "hotel")
        sh.hotels.append(hotel)
        guests = []
        for _ in range(_n(w, 110, 8)):
            h = w.person(
                rng.choice(("NL", "NL", "DE", "BE", "GB", "PL", "PT", "CN", "IN")),
                age=(20, 75),
                bsn=None,
            )
            guests.append(h)
            when = w.day()
            acts.stay(w, "POL", h, hotel, when, rng.choice((1, 1, 2, 2, 3, 5)))
            if rng.random() < 0.4:
                acc = w.account(
                    h.nationality if h.nationality in ("DE", "BE", "GB", "PL") else "NL"
                )
                acts.account_of(w, "POL", h, acc, when)
                acts.paid_for(w, "POL", acc, hotel, rng.uniform(90, 420), when, "room")
            if rng.random() < 0.1:
                acts.stay(w, "POL", h, hotel, w.day(when), rng.choice((1, 2)))
        w.decoy("hotel_guests", guests, f"ordinary guests of a hotel in {city}")


def _reception_centres(w: World, sh: Shared) -> None:
    """Two COA reception centres (Ter Apel, Budel) with hundreds of residents each."""
    rng = w.rng
    for city, size in (("Ter Apel", 340), ("Budel", 160)):
        centre = w.address(
            city, "asielzoekerscentrum", street="Pagedal" if city == "Ter Apel" else "Maarheezerweg"
        )
        sh.centres.append(centre)
        residents = []
        for _ in range(_n(w, size, 10)):
            nat = rng.choice(
                ("SY", "SY", "ER", "ER", "AF", "TR", "IQ", "SO", "ET", "MA", "NG", "VN")
            )
            h = w.person(nat, age=(0, 60), bsn=False, v_number=True)
            residents.append(h)
            when = w.day()
            acts.ind_file(
                w,
                h,
                when,
                addr=centre,
                doc_type="passport" if rng.random() < 0.5 else "",
                permit=False,
            )
            if rng.random() < 0.45:
                post = rng.choice(("Schiphol", "Schiphol", "Bad Bentheim (A1)", "Hazeldonk (A16)"))
                acts.crossing(w, h, post, when - timedelta(days=rng.randint(1, 20)), direction="in")
        # families among residents
        for _ in range(len(residents) // 8):
            a, b = rng.sample(residents, 2)
            acts.family(w, "IND", a, b, rng.choice(("echtgenoot", "kind", "broer", "zus")), w.day())
        w.decoy("reception_centre", residents, f"asylum reception centre {city}")


def _business_centre(w: World, sh: Shared) -> None:
    """A business centre where sixty ordinary companies have their registered office."""
    rng = w.rng
    base = w.address("Rotterdam", "bedrijfsverzamelgebouw", street="Weena", number=505, addition="")
    sh.business_centre = [base] + [w.unit(base, f"{i}") for i in range(1, 12)]
    directors = []
    for _ in range(_n(w, 60, 6)):
        d = w.person(
            "NL" if rng.random() < 0.7 else rng.choice(("TR", "MA", "PL", "BE")), age=(25, 70)
        )
        directors.append(d)
        label, sector = rng.choice(
            (
                ("Consultancy", "advies"),
                ("Holding", "holding"),
                ("IT Solutions", "ict"),
                ("Trading", "groothandel"),
                ("Media", "media"),
            )
        )
        co = w.company(f"{d.name.family} {label} B.V.", sector)
        since = w.day()
        addr = rng.choice(sh.business_centre)
        party = rng.choice(("POL", "ISZW"))
        acts.home(w, party, co, addr, since, registered=True)
        w.fact(party, "DIRECTOR_OF", d, co, since)
    w.decoy("business_centre", directors, "registered offices in one business centre")


def _families_sharing_phones(w: World) -> None:
    """Families where several members use the same phone, all at one address."""
    rng = w.rng
    for _ in range(_n(w, 6, 2)):
        nat = rng.choice(("NL", "MA", "TR", "SY", "ER", "PL"))
        addr = w.address()
        parent = w.person(nat, "F", age=(35, 55), bsn=True)
        members = [parent] + [
            w.person(nat, age=(8, 30), bsn=True, name=None) for _ in range(rng.randint(3, 6))
        ]
        shared = w.phone()
        when = w.day()
        for i, h in enumerate(members):
            acts.home(w, "POL", h, addr, when)
            acts.phone_of(w, "POL", h, shared, when)
            if i:
                acts.family(
                    w, "POL", parent, h, rng.choice(("kind", "kind", "partner", "neef")), when
                )
        acts.signal(
            w,
            "POL",
            "unknown",
            when,
            [(members[1], "victim"), (parent, "reporter")],
            summary=summary(rng, "unknown", city=addr.fields["city"]),
        )
        w.decoy("family_shared_phone", members, "family using one phone")


def _window_operator(w: World, sh: Shared) -> None:
    """A licensed window-prostitution operator: many independent sex workers renting windows,
    each with her own phone, her own advertisements paid from her own account."""
    rng = w.rng
    owner = w.person("NL", "M", age=(45, 65))
    co = w.company("Raamverhuur Oudezijds B.V.", "seksbedrijf (vergund)")
    base = w.address(
        "Amsterdam",
        "raambordeel",
        street="Oudezijds Achterburgwal",
        number=rng.randint(60, 200),
        addition="",
    )
    sh.window_addresses = [base] + [w.unit(base, f"{i}") for i in range(1, 9)]
    acc = w.account()
    sh.window_account = acc
    since = date(2022, 1, 10)
    w.fact("POL", "DIRECTOR_OF", owner, co, since)
    acts.account_of(w, "POL", co, acc, since)
    for a in sh.window_addresses:
        w.fact("POL", "LANDLORD_OF", co, a, since)
    workers = []
    for _ in range(_n(w, 40, 4)):
        h = w.person(
            rng.choice(("NL", "RO", "HU", "BG", "CO", "DO", "PL", "TH")),
            "F",
            age=(21, 45),
            bsn=rng.random() < 0.7,
        )
        workers.append(h)
        ph = w.phone()
        my_acc = w.account()
        when = w.day()
        acts.phone_of(w, "POL", h, ph, when)
        acts.account_of(w, "POL", h, my_acc, when)
        acts.pay_series(
            w,
            "POL",
            my_acc,
            acc,
            start=when,
            n=rng.randint(1, 4),
            every=28,
            amount=rng.choice((700, 850, 1000)),
            description="raamhuur",
        )
        for _ in range(rng.randint(1, 2)):
            ad = w.ad("kinky-ads.nl", f"{w.names.working_name()} nieuw in Amsterdam", w.day(when))
            w.fact("POL", "ADVERTISED_WITH", ad, ph, when)
            w.fact(
                "POL",
                "ADVERTISES",
                ad,
                w.view(h, ("working_name",), name=w.names.working_name().split(" ")[0]),
                when,
            )
            acts.paid_for(w, "POL", my_acc, ad, rng.uniform(30, 90), when, "advertisement")
    intake = date(2023, 4, 18)
    acts.signal(
        w,
        "POL",
        "sexual",
        intake,
        [(co, "involved"), (owner, "involved")] + [(h, "involved") for h in workers[:6]],
        region="Amsterdam",
        summary="Controle vergunde seksbedrijven Amsterdam: geen bijzonderheden, wel vragen over huurbetaling.",
    )
    w.decoy(
        "licensed_window_operator", [owner, *workers], "licensed operator, independent sex workers"
    )


def _charity(w: World, pools: dict[str, list[Human]]) -> None:
    """A foundation collecting many small donations and passing them to a foreign charity:
    many inbound payers and quick outflow, like a money-mule account, but benign."""
    rng = w.rng
    board = [w.person(rng.choice(("NL", "MA", "TR", "SY")), age=(35, 70)) for _ in range(3)]
    co = w.company("Stichting Hulp voor Wezen", "goede doelen")
    acc = w.account()
    abroad = w.account("TR")
    since = date(2022, 5, 1)
    for b in board:
        w.fact(
            "POL",
            "MEMBER_OF",
            b,
            co,
            since,
            since=since,
            position=rng.choice(("voorzitter", "penningmeester", "secretaris")),
        )
    acts.account_of(w, "POL", co, acc, since)
    donors = rng.sample(pools["residents"], min(len(pools["residents"]), _n(w, 80, 8)))
    for d in donors:
        da = w.account()
        acts.account_of(w, "POL", d, da, since)
        acts.pay(w, "POL", da, acc, rng.choice((10, 25, 50, 100)), w.day(since), description="gift")
    for i in range(_n(w, 10, 2)):
        acts.pay(
            w,
            "POL",
            acc,
            abroad,
            rng.uniform(2000, 6000),
            since + timedelta(days=35 * i + rng.randint(0, 3)),
            description="project weeshuis",
        )
    w.decoy(
        "charity_collection",
        [*board, *donors],
        "foundation with many small donors and outflow abroad",
    )


def _transfer_shop(w: World, sh: Shared, pools: dict[str, list[Human]]) -> None:
    """A licensed money-transfer agent: many customers pay in, batches go to a payment
    institution. The smuggling hawaladar (see smuggling.py) uses the same shape for crime."""
    rng = w.rng
    owner = w.person("MA", "M", age=(35, 60), bsn=True)
    co = w.company("Snel Geld Transfer V.O.F.", "betaaldienstverlening")
    shop = w.address("Den Haag", "winkel")
    acc = w.account()
    sh.transfer_shop_account = acc
    inst = w.account("BE")
    since = date(2022, 3, 1)
    w.fact("POL", "DIRECTOR_OF", owner, co, since)
    acts.home(w, "POL", co, shop, since, registered=True)
    acts.account_of(w, "POL", co, acc, since)
    customers = rng.sample(pools["residents"] + pools["ind"], _n(w, 60, 6))
    for c in customers:
        ca = w.account()
        acts.account_of(w, "POL", c, ca, since)
        for _ in range(rng.randint(1, 3)):
            acts.pay(
                w,
                "POL",
                ca,
                acc,
                rng.uniform(50, 600),
                w.day(since),
                description="overboeking familie",
            )
    for i in range(_n(w, 14, 2)):
        acts.pay(
            w,
            "POL",
            acc,
            inst,
            rng.uniform(4000, 15000),
            since + timedelta(days=30 * i),
            description="afdracht",
        )
    w.decoy("licensed_money_transfer", [owner, *customers], "legal money-transfer office")


def _student_housing(w: World) -> None:
    """International students, 12 to 20 per building, with study permits (IND)."""
    rng = w.rng
    for city in ("Groningen", "Maastricht"):
        building = w.address(city, "studentenhuisvesting")
        landlord = w.company(f"Studentenhuisvesting {city} B.V.", "vastgoed")
        students = []
        for i in range(_n(w, 16, 4)):
            h = w.person(
                rng.choice(("CN", "IN", "TR", "UA", "VN", "NG", "CO", "PH")),
                age=(18, 26),
                bsn=rng.random() < 0.5,
                v_number=True,
            )
            students.append(h)
            room = w.unit(building, f"{i + 1}")
            when = w.day(date(2022, 8, 1))
            acts.ind_file(w, h, when, addr=room, permit=True)
        w.fact("POL", "LANDLORD_OF", landlord, building, date(2023, 2, 1))
        w.decoy("student_housing", students, f"international students in {city}")


def noise_investigations(w: World, pools: dict[str, list[Human]]) -> None:
    """Ordinary crime investigations (burglary, drugs, fraud, violence): suspects with call
    records, meetings, vehicles and money, and a prosecutor's status; not THB."""
    rng = w.rng
    w.age_ref = date(2024, 1, 1)
    kinds = (
        ("Woninginbraken", "unknown", "burglary"),
        ("Drugshandel", "unknown", "drugs"),
        ("Oplichting", "unknown", "fraud"),
        ("Geweld", "unknown", "violence"),
        ("Witwassen", "unknown", "laundering"),
    )
    residents = pools["residents"]
    for _ in range(_n(w, 26, 3)):
        title, phen, kind = rng.choice(kinds)
        city = rng.choice(list(CITIES))
        started = w.day(date(2022, 3, 1), date(2025, 3, 1))
        n = rng.randint(3, 12)
        suspects = [
            w.person(
                rng.choice(("NL", "NL", "NL", "MA", "TR", "SR", "PL", "AL")),
                rng.choice("MMMF"),
                age=(17, 55),
            )
            for _ in range(n)
        ]
        victims = rng.sample(residents, min(len(residents), rng.randint(1, 5)))
        phones = [w.phone() for _ in suspects]
        inv_involved = [(s, "suspect") for s in suspects] + [(v, "victim") for v in victims]
        sig = acts.signal(
            w,
            "POL",
            phen,
            started - timedelta(days=rng.randint(5, 60)),
            [(suspects[0], "suspect"), (victims[0], "reporter")],
            region=CITIES[city][2],
            summary=summary(rng, phen, city=city),
        )
        inv = acts.case(
            w,
            "POL",
            f"{title} {city} {started.year}",
            phen,
            started,
            inv_involved,
            signals=[sig],
            om_status=rng.choice(("gedagvaard", "geseponeerd", "veroordeeld", "in onderzoek")),
            om_suspects=suspects[: max(1, n // 2)],
        )
        ch = acts.channel_of(inv)
        for s, ph in zip(suspects, phones, strict=True):
            acts.phone_of(w, "POL", s, ph, started, channel=ch)
            acts.home(w, "POL", s, w.address(city), started, channel=ch)
        # call records among suspects and with ordinary contacts
        for ia in range(n):
            for ib in range(ia + 1, n):
                if rng.random() < 0.35:
                    acts.call(
                        w,
                        "POL",
                        phones[ia],
                        phones[ib],
                        started - timedelta(days=60),
                        count=rng.randint(3, 40),
                        registered=started,
                        months=rng.randint(1, 3),
                        channel=ch,
                    )
            for _ in range(rng.randint(2, 6)):
                other = rng.choice(residents)
                ph = w.phone()
                acts.phone_of(w, "POL", other, ph, started, channel=ch)
                acts.call(
                    w,
                    "POL",
                    phones[ia],
                    ph,
                    started - timedelta(days=30),
                    count=rng.randint(1, 12),
                    registered=started,
                    channel=ch,
                )
        if kind in ("burglary", "drugs"):
            grp = w.group(f"{title} groep {city}", "dadergroep")
            for s in suspects:
                w.fact(
                    "POL",
                    "MEMBER_OF",
                    s,
                    grp,
                    started,
                    since=started,
                    position="leider" if s is suspects[0] else "lid",
                    channel=ch,
                )
            car = w.vehicle()
            w.fact("POL", "OWNS_VEHICLE", suspects[0], car, started, channel=ch)
            for s in suspects[1:3]:
                w.fact(
                    "POL",
                    "DRIVES",
                    s,
                    car,
                    started,
                    date=w.day(started - timedelta(days=90), started),
                    channel=ch,
                )
        for _ in range(rng.randint(1, 4)):
            a, b = rng.sample(suspects, 2)
            acts.met(
                w,
                "POL",
                a,
                b,
                w.day(started - timedelta(days=60), started),
                rng.choice(("observatie", "ontmoeting")),
                rng.randint(1, 5),
                registered=started,
                channel=ch,
            )
        if kind in ("fraud", "laundering", "drugs"):
            accs = [w.account() for _ in suspects]
            for s, acc in zip(suspects, accs, strict=True):
                acts.account_of(w, "POL", s, acc, started, channel=ch)
            for _ in range(rng.randint(4, 14)):
                acc_a, acc_b = rng.sample(accs, 2)
                acts.pay(
                    w,
                    "POL",
                    acc_a,
                    acc_b,
                    rng.uniform(100, 5000),
                    w.day(started - timedelta(days=120), started),
                    registered=started,
                    channel=ch,
                )
            if kind == "fraud":  # fraud victims pay into a suspect's account
                for v in victims:
                    va = w.account()
                    acts.account_of(w, "POL", v, va, started, channel=ch)
                    acts.pay(
                        w,
                        "POL",
                        va,
                        accs[0],
                        rng.uniform(200, 3000),
                        w.day(started - timedelta(days=90), started),
                        registered=started,
                        channel=ch,
                    )
        w.decoy("ordinary_crime_investigation", suspects, f"{kind} investigation, not THB")
