"""Planted networks of sexual exploitation (shapes after Dutch public case descriptions:
booking desks behind escort ads, loverboy crews, window brokers, webcam studios)."""

from __future__ import annotations

from benchmarks.eval.gen3.plots import (
    Life,
    Net,
    calls,
    cross,
    outside_calls,
    pay,
    relatives,
    settle,
    start_day,
)
from benchmarks.eval.gen3.world import Ctx, World

_ESCORT_TITLES = ["Nieuw in de stad", "Sexy en discreet", "Alleen vandaag", "Exotische schoonheid",
                  "Hete massage", "Jong en speels"]  # fmt: skip
_PLATFORMS = ["Kinky.nl", "Redlights.nl", "Sexjobs.nl", "Seksvergelijk.nl"]


def booking_desk(w: World, life: Life, net: Net, size: int) -> None:
    """An operator answers one or two phones behind many escort ads; women rotate through
    short-stay flats in several cities; ads are paid from few accounts."""
    r = w.rng
    t0 = start_day(w, 500)
    boss = net.add(settle(w, w.person(r.choice(["RO", "HU", "NL"]), "M", (28, 50)), w.address("Rotterdam")),
                   "operator", organiser=True)  # fmt: skip
    desk = net.add(
        settle(w, w.person(boss.nat, r.choice("MF"), (22, 45)), w.address("Schiedam")), "booker"
    )
    booking = [w.phone(desk), w.phone(desk, "RO")]
    victims = [net.add(settle(w, w.person(r.choice(["RO", "HU", "TH", "BG"]), "F", (19, 32), resident=False),
                              w.address(), phone_cc=None), "victim") for _ in range(size - 2)]  # fmt: skip
    flats = [w.address(c, "kortverblijf") for c in r.sample(["Amsterdam", "Utrecht", "Den Haag", "Eindhoven",
                                                             "Groningen", "Zwolle", "Breda"], 5)]  # fmt: skip
    sig = w.signal("POL", "sexual", w.later(t0, 0, 60), "Meerdere advertenties met hetzelfde nummer, "
                   "wisselende steden; mogelijk gestuurde prostitutie.", city="Rotterdam")  # fmt: skip
    inv = w.investigation(
        "POL",
        f"TGO {r.choice(['Ruit', 'Kanaal', 'Lantaarn', 'Meeuw'])}",
        "sexual",
        w.later(t0, 90, 200),
    )
    s, c = Ctx(w, "POL", sig.fields["reported_at"]), Ctx(w, "POL", inv.fields["started_at"], inv)
    s.involve(sig, desk, "suspect")
    payers = [boss.accounts[0], desk.accounts[0], w.account(None)]
    for v in victims:
        for _ in range(r.randint(1, 3)):
            ad = w.advert(
                r.choice(_PLATFORMS), "sex", r.choice(_ESCORT_TITLES), w.later(t0, 0, 400)
            )
            c.add("ADVERTISES", ad, v)
            c.add("ADVERTISED_WITH", ad, r.choice(booking))
            c.add("PAID_FOR", r.choice(payers), ad, amount=r.choice([49.95, 79.0, 120.0]),
                  date=ad.fields["posted_at"], purpose="advertentie")  # fmt: skip
        for flat in r.sample(flats, r.randint(2, 4)):
            c.add("STAYED_AT", v, flat, date=w.later(t0, 0, 400), nights=r.randint(3, 10))
        if r.random() < 0.4:
            s.involve(sig, v, "victim")
    for flat in flats:
        c.add("PAID_FOR", r.choice(payers[:2]), flat, amount=r.randint(400, 1400), date=w.later(t0, 0, 300),
              purpose="kamerhuur")  # fmt: skip
    c.basics(boss, account=True)
    c.basics(desk, account=True)
    calls(w, c, boss, desk, t0, heavy=True)
    c.add("USES_PHONE", desk, booking[0])
    for _ in range(size * 3):
        calls(w, c, booking[0], life.someone(), w.later(t0, 0, 400))
    c.involve(inv, boss, "suspect")
    c.involve(inv, desk, "suspect")
    outside_calls(w, life, c, boss, 6, t0)
    net.feature(
        "shared_booking_phone", "ads_paid_by_few_accounts", "rotating_short_stays", "investigated"
    )


def loverboy_crew(w: World, life: Life, net: Net, size: int) -> None:
    """A crew of young men, each with one to three girlfriends (some minors) they put to work
    in hotels; the crew share a car and a chat group; parents report."""
    r = w.rng
    t0 = start_day(w, 400)
    n_boys = max(2, size // 4)
    city = r.choice(["Zwolle", "Almere", "Arnhem", "Haarlem", "Utrecht"])
    grp = w.group(
        f"{r.choice(['Mocro', 'Westside', 'Money', 'Squad'])} {r.randint(10, 99)}", "chatgroep"
    )
    car = w.vehicle("NL")
    boys = [net.add(settle(w, w.person("NL", "M", (18, 26)), w.address(city)), "loverboy",
                    organiser=(i == 0)) for i in range(n_boys)]  # fmt: skip
    c0 = Ctx(w, "POL", t0)
    for b in boys:
        c0.add(
            "MEMBER_OF",
            b,
            grp,
            since=w.later(t0, -400, -30),
            position="lid" if b is not boys[0] else "leider",
        )
    c0.add("OWNS_VEHICLE", boys[0], car)
    girls = []
    for i in range(size - n_boys):
        g = net.add(settle(w, w.person("NL", "F", (15, 20) if r.random() < 0.5 else (18, 22)), w.address(city),
                           account=None), "victim" if i % 3 else "minor_victim")  # fmt: skip
        girls.append(g)
    for g in girls:
        b = r.choice(boys)
        t = w.later(t0, 0, 300)
        parent = relatives(w, life, g, 1, "POL", t)[0]
        sig = w.signal("POL", "sexual", t, "Ouder meldt dat dochter 's nachts wegblijft, nieuwe kleding en "
                       "telefoon; contact met oudere jongen.", city=city)  # fmt: skip
        s = Ctx(w, "POL", t)
        s.involve(sig, parent, "reporter")
        s.involve(sig, g, "victim")
        if r.random() < 0.6:
            s.involve(sig, b, "suspect")
        s.add("MET", b, g, date=t, kind="observatie", weight=r.randint(1, 5))
        s.basics(g)
        for _ in range(r.randint(1, 3)):
            h = life.hotel()
            s.add("STAYED_AT", g, h, date=w.later(t, 0, 90), nights=1)
            s.add(
                "PAID_FOR",
                b.accounts[0],
                h,
                amount=r.randint(60, 140),
                date=w.later(t, 0, 90),
                purpose="hotel",
            )
        ad = w.advert(r.choice(_PLATFORMS), "sex", r.choice(_ESCORT_TITLES), w.later(t, 0, 60))
        s.add("ADVERTISES", ad, g)
        s.add("ADVERTISED_WITH", ad, b.phones[0])
        if r.random() < 0.5:
            s.add("DRIVES", r.choice(boys), car, date=w.later(t, 0, 60))
    for b in boys:
        c0.basics(b, account=True)
        for b2 in boys:
            if b is not b2 and r.random() < 0.5:
                calls(w, c0, b, b2, t0)
        outside_calls(w, life, c0, b, 3, t0)
    net.feature("minor_victim", "hotel_rooms_paid_by_suspect", "crew_shared_car", "group_membership",
                "parents_report", "signals_only")  # fmt: skip


def window_broker(w: World, life: Life, net: Net, size: int) -> None:
    """A pimp brings women from Hungary or Bulgaria by car, rents windows for them; a cashier
    collects their earnings and sends them abroad; the women live in two group flats."""
    r = w.rng
    t0 = start_day(w, 500)
    nat = r.choice(["HU", "BG"])
    city = r.choice(["Amsterdam", "Den Haag", "Utrecht", "Groningen"])
    pimp = net.add(settle(w, w.person(nat, "M", (30, 52), resident=False), w.address(city), phone_cc=nat),
                   "pimp", organiser=True)  # fmt: skip
    cashier = net.add(settle(w, w.person(nat, "F", (30, 55)), w.address(city)), "cashier")
    watcher = net.add(settle(w, w.person(nat, "M", (20, 40)), w.address(city)), "controller")
    abroad = w.account(None, nat)
    flats = w.building(2, city)
    windows = w.building(8, city, "raambordeel")
    operator = w.company(f"Raamexploitatie {w.ids.street()}", "prostitutie")
    car = w.vehicle(nat)
    k = Ctx(w, "KMAR", t0)
    k.add("OWNS_VEHICLE", pimp, car)
    victims = []
    for _ in range(size - 3):
        v = net.add(settle(w, w.person(nat, "F", (19, 30), resident=r.random() < 0.5), r.choice(flats),
                           phone_cc=nat), "victim")  # fmt: skip
        victims.append(v)
        t = w.later(t0, -60, 200)
        cross(w, k, v, "A1 De Lutte", t, "in")
        k.add("PASSENGER_IN", v, car, date=t)
        k.add("HAS_DOCUMENT", v, w.document(v, "id_card"))
    cross(w, k, car, "A1 De Lutte", t0, "in")
    k.add("DRIVES", pimp, car, date=t0)
    inv = w.investigation(
        "POL",
        f"Onderzoek {r.choice(['Tulp', 'Gracht', 'Rood', 'Lamp'])}",
        "sexual",
        w.later(t0, 120, 300),
    )
    c = Ctx(w, "POL", inv.fields["started_at"], inv)
    for v in victims:
        c.basics(v, account=True)
        c.add("LIVES_AT", v, v.home)
        for _ in range(r.randint(3, 8)):
            pay(
                w,
                c,
                v.accounts[0],
                cashier.accounts[0],
                r.randint(150, 900),
                w.later(t0, 0, 300),
                "terug",
            )
        c.add("STAYED_AT", v, r.choice(windows), date=w.later(t0, 0, 300), nights=r.randint(5, 20))
        if r.random() < 0.5:
            c.involve(inv, v, "victim")
    for win in windows:
        c.add("PAID_FOR", pimp.accounts[0], win, amount=r.choice([150.0, 175.0, 190.0]), date=w.later(t0, 0, 300),
              purpose="raamhuur")  # fmt: skip
        c.add("LANDLORD_OF", operator, win)
    for f in flats:
        c.add("LANDLORD_OF", pimp, f)
    for _ in range(12):
        pay(
            w, c, cashier.accounts[0], abroad, r.randint(1500, 6000), w.later(t0, 0, 400), "familie"
        )
    c.add("HOLDS_ACCOUNT", pimp, abroad)
    for a, b in [(pimp, cashier), (pimp, watcher), (watcher, cashier)]:
        calls(w, c, a, b, t0, heavy=True)
    for who in (pimp, cashier, watcher):
        c.basics(who, account=True)
        c.involve(inv, who, "suspect")
        outside_calls(w, life, c, who, 4, t0)
    for v in r.sample(victims, min(4, len(victims))):
        c.add(
            "MET", watcher, v, date=w.later(t0, 0, 200), kind="observatie", weight=r.randint(2, 9)
        )
    net.feature("cash_collection_to_cashier", "transfers_abroad", "group_housing", "window_rent_paid_by_pimp",
                "border_crossings_with_passengers", "investigated")  # fmt: skip


def webcam_studio(w: World, life: Life, net: Net, size: int) -> None:
    """A studio company 'employs' webcam models without wage, houses them in its building and
    takes their earnings; the models' accounts pass money to the owner."""
    r = w.rng
    t0 = start_day(w, 400)
    city = r.choice(["Eindhoven", "Tilburg", "Almere", "Enschede"])
    owner = net.add(
        settle(w, w.person("NL", "M", (30, 55)), w.address(city)), "studio_owner", organiser=True
    )
    partner = net.add(
        settle(w, w.person(r.choice(["UA", "RO"]), "F", (25, 40)), w.address(city)), "recruiter"
    )
    studio = w.company(
        f"{r.choice(['Starlight', 'Velvet', 'Moonlight', 'Crystal'])} Media B.V.", "media"
    )
    rooms = w.building(max(3, (size - 2) // 2), city, "bedrijfspand")
    i = Ctx(w, "ISZW", w.later(t0, 60, 200))
    sig = w.signal("ISZW", "sexual", i.registered, "Controle studio: modellen wonen in het pand, geen "
                   "loonstroken, paspoorten in kluis.", sector="media", city=city)  # fmt: skip
    i.add("DIRECTOR_OF", owner, studio)
    i.add("REGISTERED_AT", studio, rooms[0])
    i.add("HOLDS_ACCOUNT", studio, w.account(None))
    i.involve(sig, owner, "employer")
    for _ in range(size - 2):
        m = net.add(settle(w, w.person(r.choice(["UA", "RO", "NL", "MD"]), "F", (18, 27)), r.choice(rooms)),
                    "victim")  # fmt: skip
        i.add(
            "EMPLOYED_BY",
            m,
            studio,
            since=w.later(t0, -200, 0),
            wage=0 if r.random() < 0.5 else round(r.uniform(2, 6), 2),
        )
        i.add("LIVES_AT", m, m.home)
        i.involve(sig, m, "victim")
        pay(
            w,
            i,
            m.accounts[0],
            owner.accounts[0],
            r.randint(300, 2500),
            w.later(t0, 0, 200),
            "kosten",
        )
        if m.nat != "NL":
            i.add("HAS_DOCUMENT", partner, w.document(m))
            i.add("HAS_DOCUMENT", m, m.docs[-1])
    i.add("LANDLORD_OF", studio, rooms[0])
    i.basics(owner, account=True)
    i.basics(partner)
    i.add("FAMILY_OF", owner, partner, relation="partner")
    outside_calls(w, life, Ctx(w, "POL", t0), owner, 4, t0)
    net.feature("wage_below_minimum", "living_at_workplace", "passports_held_by_other", "earnings_to_owner",
                "signals_only")  # fmt: skip
