"""Benign look-alikes: groups whose records resemble a network (many foreigners at one
employer, many people at one address, group travel, shared phones, money flowing to one
account) but that exploit nobody."""

from __future__ import annotations

from benchmarks.eval.gen3.plots import Decoy, Life, calls, cross, pay, settle
from benchmarks.eval.gen3.world import Ctx, World


def cleaning_company(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    t = w.day()
    co = w.company(f"Schoonmaakbedrijf {w.ids.faker('nl_NL').last_name()} B.V.", "schoonmaak")
    boss = d.add(settle(w, w.person("NL", "M", (40, 60)), w.address("Utrecht")))
    i = Ctx(w, "ISZW", t)
    sig = w.signal("ISZW", "labour", t, "Inspectie schoonmaakbedrijf met veel buitenlandse medewerkers; "
                   "lonen en uren op orde.", sector="schoonmaak", city="Utrecht")  # fmt: skip
    i.add("DIRECTOR_OF", boss, co)
    i.involve(sig, boss, "employer")
    acc = w.account(None)
    i.add("HOLDS_ACCOUNT", co, acc)
    for _ in range(r.randint(25, 45)):
        p = d.add(
            settle(
                w,
                w.person(r.choice(["ER", "SY", "PL", "RO", "AF"]), r.choice("MF"), (20, 55)),
                w.address(),
            )
        )
        i.add(
            "EMPLOYED_BY", p, co, since=w.later(t, -900, -30), wage=round(r.uniform(14.2, 16.5), 2)
        )
        i.basics(p)
        if r.random() < 0.5:
            i.involve(sig, p, "involved")
    d.notes = "many foreign workers, fair wages, each their own address"


def big_family(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    nat = r.choice(["MA", "TR", "SY", "ER"])
    home = w.address(r.choice(["Rotterdam", "Den Haag", "Amsterdam"]))
    parents = [d.add(settle(w, w.person(nat, g, (40, 60)), home)) for g in "MF"]
    parents[1].surname = parents[0].surname
    kids = [d.add(settle(w, w.person(nat, age=(1, 30), surname=parents[0].surname), home, account=None))
            for _ in range(r.randint(6, 10))]  # fmt: skip
    ind = Ctx(w, "IND", w.day())
    for k in kids:
        ind.add("FAMILY_OF", parents[0], k, relation="kind")
        ind.add("LIVES_AT", k, home)
        ind.add("HAS_DOCUMENT", k, w.document(k))
    car = w.vehicle()
    km = Ctx(w, "KMAR", w.day())
    t = km.registered
    for p in parents + kids[:4]:
        cross(w, km, p, "Schiphol", t, "out")
        if p is not parents[0]:
            km.add("TRAVELLED_WITH", p, parents[0], date=t)
    Ctx(w, "POL", w.day()).add("OWNS_VEHICLE", parents[0], car)
    d.notes = "parents and many children at one address, travel together"


def travel_agency(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    co = w.company(
        f"Reisbureau {r.choice(['Anatolia', 'Sahara', 'Globe', 'Zonnig'])}", "reisbureau"
    )
    owner = d.add(
        settle(w, w.person(r.choice(["TR", "MA", "NL"]), "M", (35, 60)), w.address("Rotterdam"))
    )
    acc = w.account(None)
    c = Ctx(w, "POL", w.day())
    c.add("DIRECTOR_OF", owner, co)
    c.add("HOLDS_ACCOUNT", co, acc)
    for _ in range(r.randint(15, 30)):
        p = d.add(
            settle(
                w,
                w.person(r.choice(["TR", "MA", "NL", "SY"]), r.choice("MF"), (20, 75)),
                w.address(),
            )
        )
        t = w.day()
        pay(w, c, p.accounts[0], acc, r.randint(300, 1400), t, "vliegtickets")
        k = Ctx(w, "KMAR", w.later(t, 10, 60))
        cross(w, k, p, "Schiphol", k.registered, "out")
        k.add("HAS_DOCUMENT", p, w.document(p))
    d.notes = "many customers pay one account and fly from Schiphol"


def football_club(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    club = w.company(f"Voetbalvereniging {w.ids.faker('nl_NL').city()}", "sport")
    bus = w.vehicle("NL", "van")
    t = w.day()
    k = Ctx(w, "KMAR", t)
    trainer = d.add(settle(w, w.person("NL", "M", (35, 60)), w.address()))
    k.add("DRIVES", trainer, bus, date=t)
    cross(w, k, bus, "A67 Venlo", t, "out")
    pol = Ctx(w, "POL", w.day())
    for _ in range(r.randint(14, 20)):
        p = d.add(
            settle(
                w, w.person(r.choice(["NL", "NL", "MA", "TR", "SY"]), "M", (16, 30)), w.address()
            )
        )
        k.add("PASSENGER_IN", p, bus, date=t)
        cross(w, k, p, "A67 Venlo", t, "out")
        pol.add("MEMBER_OF", p, club, since=w.later(t, -1500, -100), position="speler")
        calls(w, pol, trainer, p, t)
    pol.add("MEMBER_OF", trainer, club, position="trainer")
    d.notes = "young men cross the border together in one van"


def student_house(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    units = w.building(
        r.randint(10, 16), r.choice(["Groningen", "Utrecht", "Nijmegen"]), "studentenhuis"
    )
    landlord = w.company(f"Studentenhuisvesting {w.ids.street()}", "verhuur")
    c = Ctx(w, "POL", w.day())
    acc = w.account(None)
    c.add("HOLDS_ACCOUNT", landlord, acc)
    for u in units:
        c.add("LANDLORD_OF", landlord, u)
        p = d.add(
            settle(
                w,
                w.person(r.choice(["NL", "NL", "DE", "IN", "CN", "RO"]), r.choice("FFM"), (18, 24)),
                u,
            )
        )
        c.basics(p)
        pay(w, c, p.accounts[0], acc, r.choice([450.0, 525.0, 610.0]), w.day(), "huur kamer")
    d.notes = "many young women and men at one building, rent to one landlord"


def seasonal_agency(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    t = w.day()
    city = r.choice(["Venlo", "Horst", "Oss"])
    agency = w.company(f"{r.choice(['Agri', 'Season', 'Green'])}Flex B.V.", "uitzendbureau")
    director = d.add(settle(w, w.person("NL", "M", (35, 60)), w.address(city)))
    houses = w.street_houses(r.randint(3, 6), city, "arbeidsmigrantenhuisvesting")
    van = w.vehicle("NL", "van")
    i = Ctx(w, "ISZW", t)
    sig = w.signal(
        "ISZW",
        "labour",
        t,
        "Inspectie SNF-gecertificeerde huisvesting; in orde.",
        sector="agrarisch",
        city=city,
    )
    i.add("DIRECTOR_OF", director, agency)
    for h in houses:
        i.add("LANDLORD_OF", agency, h)
    for _ in range(r.randint(15, 30)):
        p = d.add(
            settle(
                w,
                w.person(r.choice(["PL", "RO", "BG"]), r.choice("MMF"), (19, 55)),
                r.choice(houses),
            )
        )
        i.add(
            "EMPLOYED_BY",
            p,
            agency,
            since=w.later(t, -300, 0),
            wage=round(r.uniform(14.1, 15.5), 2),
        )
        i.add("LIVES_AT", p, p.home)
        if r.random() < 0.5:
            i.add("PASSENGER_IN", p, van, date=t)
        if r.random() < 0.3:
            i.involve(sig, p, "involved")
    d.notes = "agency workers housed and driven by the agency, legally"


def church(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    pastor = d.add(settle(w, w.person("NG", "M", (40, 65)), w.address("Amsterdam")))
    acc = w.account(None)
    c = Ctx(w, "POL", w.day())
    c.add("HOLDS_ACCOUNT", pastor, acc)
    for _ in range(r.randint(15, 30)):
        p = d.add(
            settle(
                w, w.person(r.choice(["NG", "NG", "ER"]), r.choice("FFM"), (18, 60)), w.address()
            )
        )
        calls(w, c, pastor, p, c.registered)
        if r.random() < 0.7:
            c.basics(p, account=True)
        pay(w, c, p.accounts[0], acc, r.choice([20.0, 50.0, 100.0]), w.day(), "collecte")
        if r.random() < 0.3:
            c.add("MET", pastor, p, date=w.day(), kind="bezoek", weight=r.randint(1, 20))
    d.notes = "Nigerian church: many women call the pastor and pay one account"


def reception_centre(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    azc = w.address(r.choice(["Zwolle", "Arnhem", "Leeuwarden"]), "azc")
    for _ in range(r.randint(20, 40)):
        p = d.add(settle(w, w.person(r.choice(["SY", "ER", "AF", "IQ", "TR"]), r.choice("MMF"), (16, 50), resident=False),
                         azc, phone_cc=None, account=None))  # fmt: skip
        ind = Ctx(w, "IND", w.day())
        ind.add("LIVES_AT", p, azc)
        ind.add("HAS_DOCUMENT", p, w.document(p))
        if r.random() < 0.3:
            k = Ctx(w, "KMAR", w.later(ind.registered, -20, 0))
            cross(w, k, p, "Schiphol", k.registered, "in")
    d.notes = "asylum seekers at one reception centre"


def coach_tour(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    bus = w.vehicle("NL", "bus")
    t = w.day()
    k = Ctx(w, "KMAR", t)
    driver = d.add(settle(w, w.person("NL", "M", (40, 62)), w.address()))
    k.add("DRIVES", driver, bus, date=t)
    cross(w, k, bus, "A16 Hazeldonk", t, "out")
    for _ in range(r.randint(25, 45)):
        p = d.add(
            settle(
                w,
                w.person(r.choice(["NL", "NL", "DE", "BE", "UA"]), r.choice("MF"), (50, 80)),
                w.address(),
            )
        )
        k.add("PASSENGER_IN", p, bus, date=t)
        cross(w, k, p, "A16 Hazeldonk", t, "out")
    d.notes = "pensioners on a coach tour to Spain"


def independent_windows(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    windows = w.building(r.randint(6, 10), "Amsterdam", "raambordeel")
    operator = w.company(f"Raamverhuur {w.ids.street()} B.V.", "prostitutie")
    acc = w.account(None)
    c = Ctx(w, "POL", w.day())
    c.add("HOLDS_ACCOUNT", operator, acc)
    sig = w.signal("POL", "sexual", c.registered, "Vergunningscontrole raamprostitutie; alle werkers "
                   "zelfstandig en geregistreerd.", city="Amsterdam")  # fmt: skip
    for win in windows:
        c.add("LANDLORD_OF", operator, win)
        p = d.add(
            settle(
                w, w.person(r.choice(["NL", "RO", "HU", "BG", "TH"]), "F", (22, 45)), w.address()
            )
        )
        c.add(
            "PAID_FOR",
            p.accounts[0],
            win,
            amount=r.choice([150.0, 175.0]),
            date=w.day(),
            purpose="raamhuur",
        )
        c.involve(sig, p, "involved")
        ad = w.advert("Redlights.nl", "sex", "Zelfstandig", w.day())
        c.add("ADVERTISES", ad, p)
        c.add("ADVERTISED_WITH", ad, p.phones[0])
    d.notes = "self-employed sex workers renting windows, each with own phone and account"


def family_restaurant(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    nat = r.choice(["CN", "VN", "TR"])
    units = w.building(3, r.choice(["Breda", "Tilburg", "Enschede"]), "horeca")
    co = w.company(
        f"Restaurant {r.choice(['Lotus', 'Golden Dragon', 'Istanbul', 'Saigon'])}", "horeca"
    )
    owner = d.add(settle(w, w.person(nat, "M", (40, 65)), units[1]))
    i = Ctx(w, "ISZW", w.day())
    i.add("DIRECTOR_OF", owner, co)
    i.add("REGISTERED_AT", co, units[0])
    for _ in range(r.randint(5, 9)):
        p = d.add(settle(w, w.person(nat, r.choice("MF"), (18, 60), surname=owner.surname if r.random() < 0.5 else None),
                         r.choice(units[1:])))  # fmt: skip
        i.add("EMPLOYED_BY", p, co, since=w.day(), wage=round(r.uniform(14.1, 17), 2))
        i.add("LIVES_AT", p, p.home)
        if p.surname == owner.surname:
            i.add("FAMILY_OF", owner, p, relation="familie")
    d.notes = "relatives work in the family restaurant and live above it, paid properly"


def youth_care(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    home = w.address(r.choice(["Zwolle", "Arnhem", "Haarlem"]), "zorginstelling")
    staff = [
        d.add(settle(w, w.person("NL", r.choice("MF"), (25, 60)), w.address())) for _ in range(4)
    ]
    for _ in range(r.randint(8, 14)):
        kid = d.add(settle(w, w.person("NL", r.choice("MF"), (13, 17)), home, account=None))
        t = w.day()
        sig = w.signal(
            "POL",
            "criminal",
            t,
            "Vermissing minderjarige uit zorginstelling; dezelfde avond terug.",
            city=home.fields["city"],
        )
        c = Ctx(w, "POL", t)
        c.involve(sig, kid, "involved")
        c.involve(sig, r.choice(staff), "melder")
        c.add("LIVES_AT", kid, home)
    d.notes = "minors at one care address, staff report runaways"


def car_exporters(w: World, life: Life, d: Decoy) -> None:
    r = w.rng
    co = w.company(f"Autohandel {w.ids.faker('nl_NL').last_name()}", "autohandel")
    traders = [
        d.add(
            settle(
                w, w.person(r.choice(["NL", "PL", "LT", "MA"]), "M", (25, 55)), w.address("Venlo")
            )
        )
        for _ in range(4)
    ]
    c = Ctx(w, "KMAR", w.day())
    for t_ in traders:
        c.add("MEMBER_OF", t_, co, position="verkoper")
    for _ in range(r.randint(12, 25)):
        v = w.vehicle(r.choice(["NL", "DE", "BE"]))
        c.add("OWNS_VEHICLE", co, v)
        t = w.day()
        driver = r.choice(traders)
        k = Ctx(w, "KMAR", t)
        k.add("DRIVES", driver, v, date=t)
        cross(w, k, v, r.choice(["A67 Venlo", "A12 Zevenaar"]), t, "out")
        cross(w, k, driver, r.choice(["A67 Venlo", "A12 Zevenaar"]), t, "out")
    d.notes = "car traders drive many different cars across the border"


DECOYS = [
    ("cleaning_company", "labour", cleaning_company),
    ("big_family_one_address", "labour", big_family),
    ("travel_agency", "smuggling", travel_agency),
    ("football_club_trip", "smuggling", football_club),
    ("student_house", "sexual", student_house),
    ("legit_seasonal_agency", "labour", seasonal_agency),
    ("church_community", "sexual", church),
    ("reception_centre", "smuggling", reception_centre),
    ("coach_tour", "smuggling", coach_tour),
    ("independent_window_workers", "sexual", independent_windows),
    ("family_restaurant", "labour", family_restaurant),
    ("youth_care_home", "criminal", youth_care),
    ("car_exporters", "criminal", car_exporters),
]
