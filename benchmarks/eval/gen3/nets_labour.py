"""Planted networks of labour exploitation (shapes after Dutch public case descriptions:
agency housing in holiday parks, greenhouse gangmasters, nail salons, cleaning chains with
phoenix companies, live-in domestic workers)."""

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


def holiday_park_agency(w: World, life: Life, net: Net, size: int) -> None:
    """An employment agency houses its workers in chalets of a holiday park owned by the
    director's partner; rent flows to the housing company; wages are under the minimum."""
    r = w.rng
    t0 = start_day(w, 500)
    city = r.choice(["Horst", "Venlo", "Oss", "Helmond", "Tilburg"])
    director = net.add(
        settle(w, w.person("NL", "M", (35, 60)), w.address(city)), "agency_director", organiser=True
    )
    partner = net.add(settle(w, w.person("NL", "F", (30, 58)), director.home), "housing_owner")
    agency = w.company(
        f"{r.choice(['Flex', 'Euro', 'Prima', 'Star'])}{r.choice(['Work', 'Staff', 'Jobs'])} Uitzendbureau B.V.",
        "uitzendbureau",
    )
    housing = w.company(f"Recreatiepark {w.ids.street()} B.V.", "huisvesting")
    chalets = w.street_houses(max(3, size // 5), city, "vakantiepark")
    foremen = [net.add(settle(w, w.person(r.choice(["PL", "RO"]), "M", (28, 50)), r.choice(chalets)), "foreman")
               for _ in range(max(1, size // 20))]  # fmt: skip
    vans = [w.vehicle("NL", "van") for _ in foremen]
    client, client_addr, _ = r.choice(life.employers)
    acc_agency, acc_housing = w.account(None), w.account(None)
    i = Ctx(w, "ISZW", w.later(t0, 30, 200))
    sig = w.signal("ISZW", "labour", i.registered, "Inspectie vakantiepark: 4-8 arbeidsmigranten per chalet, "
                   "huur ingehouden op loon, lange werkdagen.", sector="logistiek", city=city)  # fmt: skip
    for who, co in [(director, agency), (partner, housing)]:
        i.add("DIRECTOR_OF", who, co)
        i.involve(sig, who, "employer" if co is agency else "facilitator")
    i.add("HOLDS_ACCOUNT", agency, acc_agency)
    i.add("HOLDS_ACCOUNT", housing, acc_housing)
    i.add("REGISTERED_AT", housing, chalets[0])
    i.add("FAMILY_OF", director, partner, relation="echtgenote")
    for ch in chalets:
        i.add("LANDLORD_OF", housing, ch)
    for f, v in zip(foremen, vans, strict=True):
        i.add("OWNS_VEHICLE", agency, v)
        i.add("DRIVES", f, v, date=i.registered)
        i.add(
            "EMPLOYED_BY",
            f,
            agency,
            since=w.later(t0, -500, -100),
            wage=round(r.uniform(14.1, 16), 2),
        )
    inspected = r.random() < 0.7
    inv = w.investigation("ISZW", f"Onderzoek {r.choice(['Chalet', 'Bungalow', 'Duin', 'Heide'])}", "labour",
                          w.later(t0, 200, 360)) if inspected else None  # fmt: skip
    c = Ctx(w, "ISZW", inv.fields["started_at"], inv) if inv else i
    for _ in range(size - 2 - len(foremen)):
        wk = net.add(settle(w, w.person(r.choice(["PL", "RO", "BG", "LT"]), r.choice("MMF"), (19, 55)),
                            r.choice(chalets), phone_cc=r.choice(["PL", "RO", "NL"])), "worker")  # fmt: skip
        i.add(
            "EMPLOYED_BY",
            wk,
            agency,
            since=w.later(t0, -300, 0),
            wage=round(r.uniform(8.5, 12.9), 2),
        )
        i.add("LIVES_AT", wk, wk.home)
        if r.random() < 0.5:
            i.involve(sig, wk, "victim")
        c.add("HOLDS_ACCOUNT", wk, wk.accounts[0])
        for _ in range(r.randint(1, 4)):
            pay(
                w,
                c,
                wk.accounts[0],
                acc_housing,
                r.choice([95.0, 110.0, 125.0]),
                w.later(t0, 0, 300),
                "huur chalet",
            )
        pay(
            w,
            c,
            acc_agency,
            wk.accounts[0],
            round(r.uniform(250, 480), 2),
            w.later(t0, 0, 300),
            "loon week",
        )
        if r.random() < 0.6:
            c.add("PASSENGER_IN", wk, r.choice(vans), date=w.later(t0, 0, 300))
        if r.random() < 0.25:
            relatives(w, life, wk, 1, "IND", t0)
    client_acc = w.account(None)
    c.add("HOLDS_ACCOUNT", client, client_acc)
    for _ in range(3):
        pay(w, c, client_acc, acc_agency, r.randint(20000, 60000), w.later(t0, 0, 300), "facturen")
    if inv:
        c.involve(inv, director, "suspect")
        c.involve(inv, partner, "suspect")
        for f in foremen:
            c.involve(inv, f, "facilitator")
        calls(w, c, director, partner, t0)
        for f in foremen:
            calls(w, c, director, f, t0, heavy=True)
        om = Ctx(w, "OM", w.later(inv.fields["started_at"], 100, 300))
        om.involve(inv, director, "verdachte")
        net.feature("investigated")
    else:
        net.feature("signals_only")
    outside_calls(w, life, i, director, 5, t0)
    net.feature("many_persons_one_address", "housing_tied_to_employer", "rent_payments_to_relative_company",
                "wage_below_minimum", "shared_transport_van")  # fmt: skip


def greenhouse_gangmaster(w: World, life: Life, net: Net, size: int) -> None:
    """A gangmaster without registered staff supplies a greenhouse; its money goes to his
    account and trickles to workers; he sublets rooms and drives them in his van."""
    r = w.rng
    t0 = start_day(w, 400)
    nat = r.choice(["BG", "RO", "PL"])
    city = r.choice(["Naaldwijk", "Westland"])
    gm = net.add(
        settle(w, w.person(nat, "M", (30, 55)), w.address(city)), "gangmaster", organiser=True
    )
    helper = net.add(settle(w, w.person(nat, "M", (22, 40)), w.address(city)), "driver")
    shop = w.company(f"{gm.surname[0]} Diensten", "agrarische dienstverlening")
    grower = w.company(f"Kwekerij {w.ids.faker('nl_NL').last_name()} B.V.", "glastuinbouw")
    houses = [w.address(city, "kamerverhuur") for _ in range(max(2, size // 8))]
    van = w.vehicle(nat, "van")
    sig = w.signal("POL", "labour", w.later(t0, 0, 120), "Buurtbewoners zien dagelijks een busje met veel "
                   "arbeiders bij een woning; mogelijk overbewoning.", city=city)  # fmt: skip
    s = Ctx(w, "POL", sig.fields["reported_at"])
    neighbour = life.someone()
    s.involve(sig, neighbour, "reporter")
    s.add("DRIVES", helper, van, date=sig.fields["reported_at"])
    i = Ctx(w, "ISZW", w.later(t0, 100, 300))
    sig2 = w.signal("ISZW", "labour", i.registered, "Controle kas: arbeiders zonder registratie, contant "
                    "betaald via voorman.", sector="glastuinbouw", city=city)  # fmt: skip
    i.add("DIRECTOR_OF", gm, shop)
    i.add("HOLDS_ACCOUNT", shop, gm.accounts[0])
    i.involve(sig2, gm, "tussenpersoon")
    for h in houses:
        i.add("LANDLORD_OF", gm, h)
    grower_acc = w.account(None)
    i.add("HOLDS_ACCOUNT", grower, grower_acc)
    for _ in range(6):
        pay(
            w,
            i,
            grower_acc,
            gm.accounts[0],
            r.randint(8000, 22000),
            w.later(t0, 0, 300),
            "uren ploeg",
        )
    for _ in range(size - 2):
        wk = net.add(settle(w, w.person(nat, r.choice("MF"), (18, 60), resident=r.random() < 0.3), r.choice(houses),
                            phone_cc=nat), "worker")  # fmt: skip
        if r.random() < 0.4:
            s.add("LIVES_AT", wk, wk.home)
        i.involve(sig2, wk, r.choice(["victim", "involved", "witness"]))
        i.add("LIVES_AT", wk, wk.home)
        if r.random() < 0.7:
            pay(
                w,
                i,
                gm.accounts[0],
                wk.accounts[0],
                r.randint(150, 400),
                w.later(t0, 0, 300),
                "voorschot",
            )
        i.add("PASSENGER_IN", wk, van, date=i.registered)
        if r.random() < 0.3:
            i.add("USES_PHONE", wk, wk.phones[0])
    i.basics(gm)
    calls(w, s, gm, helper, t0, heavy=True)
    outside_calls(w, life, s, gm, 4, t0)
    net.feature("cash_wage_via_gangmaster", "sublet_rooms", "shared_transport_van", "unregistered_workers",
                "signals_only")  # fmt: skip


def nail_salons(w: World, life: Life, net: Net, size: int) -> None:
    """A Vietnamese family runs nail salons; young workers who applied for asylum left the
    reception centre and live above the salons; their passports are with the family."""
    r = w.rng
    t0 = start_day(w, 500)
    fam = w.person("VN", "M", (38, 55))
    head = net.add(settle(w, fam, w.address("Rotterdam")), "salon_owner", organiser=True)
    wife = net.add(
        settle(w, w.person("VN", "F", (35, 50), surname=head.surname), head.home), "salon_manager"
    )
    n_salons = max(1, size // 5)
    salons = []
    for _ in range(n_salons):
        co = w.company(
            f"{r.choice(['Lovely', 'Star', 'Happy', 'Pretty'])} Nails", "schoonheidssalon"
        )
        units = w.building(2, r.choice(["Rotterdam", "Schiedam", "Den Haag", "Breda"]), "winkel")
        salons.append((co, units))
    azc = w.address("Ter Apel", "azc")
    i = Ctx(w, "ISZW", w.later(t0, 100, 300))
    sig = w.signal("ISZW", "labour", i.registered, "Nagelstudio: medewerkers slapen boven de zaak, "
                   "geen arbeidscontract, eigenaar bewaart paspoorten.", sector="schoonheidsverzorging",
                   city="Rotterdam")  # fmt: skip
    for co, units in salons:
        i.add("DIRECTOR_OF", r.choice([head, wife]), co)
        i.add("REGISTERED_AT", co, units[0])
    i.involve(sig, head, "werkgever")
    for _ in range(size - 2):
        co, units = r.choice(salons)
        wk = net.add(settle(w, w.person("VN", r.choice("MFF"), (16, 24), resident=False), units[1], account=None),
                     "worker" if r.random() < 0.7 else "minor_victim")  # fmt: skip
        ind = Ctx(w, "IND", w.later(t0, -300, -30))
        ind.add("LIVES_AT", wk, azc)
        doc = w.document(wk)
        ind.add("HAS_DOCUMENT", wk, doc)
        i.add("HAS_DOCUMENT", head, doc)
        i.add("LIVES_AT", wk, wk.home)
        i.involve(sig, wk, "victim")
        i.add("EMPLOYED_BY", wk, co, since=w.later(t0, -100, 0), wage=round(r.uniform(2.5, 5.0), 2))
    i.basics(head, account=True)
    i.add("FAMILY_OF", head, wife, relation="echtgenote")
    relatives(w, life, head, 2, "IND", t0)
    outside_calls(w, life, Ctx(w, "POL", t0), head, 3, t0)
    net.feature("asylum_then_absconded", "living_at_workplace", "passports_held_by_other", "minor_victim",
                "wage_below_minimum", "signals_only")  # fmt: skip


def cleaning_chain(w: World, life: Life, net: Net, size: int) -> None:
    """Hotels contract a cleaning firm that subcontracts to phoenix firms run by straw men;
    workers (status holders, Poles) are paid per room, far below the minimum."""
    r = w.rng
    t0 = start_day(w, 700)
    city = r.choice(["Amsterdam", "Den Haag", "Utrecht"])
    boss = net.add(
        settle(w, w.person(r.choice(["TR", "NL", "MA"]), "M", (35, 60)), w.address(city)),
        "controller",
        organiser=True,
    )
    main = w.company(
        f"{r.choice(['Clean', 'Shine', 'Fresh'])}{r.choice(['Pro', 'Team', 'Force'])} Facility B.V.",
        "schoonmaak",
    )
    office = w.address(city, "bedrijfspand")
    i = Ctx(w, "ISZW", w.later(t0, 0, 100))
    i.add("DIRECTOR_OF", boss, main)
    i.add("REGISTERED_AT", main, office)
    straw = []
    phoenix = []
    for y in range(3):
        sm = net.add(
            settle(w, w.person(r.choice(["ER", "SY", "PL"]), "M", (22, 45)), w.address(city)),
            "straw_man",
        )
        straw.append(sm)
        co = w.company(
            f"{r.choice(['Hotel', 'Room', 'Kamer'])}service {r.choice(['Noord', 'West', 'Centrum'])} {y + 1}",
            "schoonmaak",
        )
        phoenix.append(co)
        ci = Ctx(w, "ISZW", w.later(t0, 200 * y, 200 * y + 150))
        ci.add("DIRECTOR_OF", sm, co)
        ci.add("REGISTERED_AT", co, office)
        acc = w.account(None)
        ci.add("HOLDS_ACCOUNT", co, acc)
        ci.add("HOLDS_ACCOUNT", boss, acc)
        pay(
            w, ci, w.account(None), acc, r.randint(20000, 60000), ci.registered, "schoonmaak kamers"
        )
        pay(
            w,
            ci,
            acc,
            boss.accounts[0],
            r.randint(10000, 30000),
            w.later(ci.registered, 10, 90),
            "managementfee",
        )
    sig = w.signal("ISZW", "labour", w.later(t0, 300, 500), "Schoonmakers betaald per kamer, geen "
                   "urenregistratie; bv's wisselen jaarlijks met zelfde adres.", sector="schoonmaak", city=city)  # fmt: skip
    s = Ctx(w, "ISZW", sig.fields["reported_at"])
    for _ in range(size - 4):
        wk = net.add(settle(w, w.person(r.choice(["ER", "SY", "PL", "AF"]), r.choice("MF"), (19, 50)), w.address(city)),
                     "worker")  # fmt: skip
        co = r.choice(phoenix)
        s.add("EMPLOYED_BY", wk, co, since=w.later(t0, 0, 400), wage=round(r.uniform(5.0, 9.5), 2))
        s.involve(sig, wk, "victim" if r.random() < 0.5 else "witness")
        s.basics(wk, account=r.random() < 0.5)
    for sm in straw:
        s.involve(sig, sm, "suspect")
        calls(w, s, boss, sm, sig.fields["reported_at"])
    s.involve(sig, boss, "suspect")
    outside_calls(w, life, s, boss, 5, t0)
    net.feature("phoenix_companies", "straw_man_director", "subcontract_chain", "wage_below_minimum",
                "shared_company_address", "signals_only")  # fmt: skip


def live_in_domestic(w: World, life: Life, net: Net, size: int) -> None:
    """A wealthy household keeps live-in domestic workers on sponsored permits; passports
    with the employer, travel together, no wage."""
    r = w.rng
    t0 = start_day(w, 300)
    nat = r.choice(["EG", "IN", "TR", "NG"])
    home = w.address(r.choice(["Den Haag", "Amsterdam"]), "villa")
    host = net.add(settle(w, w.person(nat, "M", (40, 65)), home), "household_head", organiser=True)
    wife = net.add(
        settle(w, w.person(nat, "F", (35, 60), surname=host.surname), home),
        "household_head",
        organiser=True,
    )
    ind = Ctx(w, "IND", w.later(t0, -400, -100))
    ind.add("FAMILY_OF", host, wife, relation="echtgenote")
    kmar = Ctx(w, "KMAR", w.later(t0, 0, 200))
    t = kmar.registered
    cross(w, kmar, host, "Schiphol", t, "in")
    for _ in range(size - 2):
        dw = net.add(settle(w, w.person(r.choice(["PH", "IN", "ER"]), "F", (22, 45), resident=False), home, account=None),
                     "domestic_worker")  # fmt: skip
        ind.add("LIVES_AT", dw, home)
        doc = w.document(dw)
        ind.add("HAS_DOCUMENT", dw, doc)
        ind.add("HAS_DOCUMENT", dw, w.document(dw, "residence_permit", "NL"))
        kmar.add("TRAVELLED_WITH", dw, host, date=t)
        cross(w, kmar, dw, "Schiphol", t, "in")
        kmar.add("HAS_DOCUMENT", dw, doc)
    sig = w.signal("POL", "labour", w.later(t0, 200, 400), "Huishoudelijk medewerkster gevlucht uit woning, "
                   "verklaart zeven dagen per week te werken zonder loon.", city="Den Haag")  # fmt: skip
    s = Ctx(w, "POL", sig.fields["reported_at"])
    victim = net.members[2]
    s.involve(sig, victim, "aangever")
    s.involve(sig, host, "verdachte")
    s.add("LIVES_AT", victim, home)
    relatives(w, life, host, 2, "IND", t0)
    net.feature("live_in_workers", "sponsored_permits", "travel_with_employer", "passports_held_by_other",
                "signals_only")  # fmt: skip
