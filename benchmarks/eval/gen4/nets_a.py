"""Planted networks, sexual and labour exploitation."""

from __future__ import annotations

from .kit import Kit, wage_fair, wage_low
from .world import Net, Person, World

# ---------------------------------------------------------------------------------------------
# sexual
# ---------------------------------------------------------------------------------------------


def thai_massage_visa(w: World, net: Net, size: int) -> None:
    """A Thai owner runs massage parlours through her Dutch husband's B.V.; women come on
    Schengen visas she sponsors, sleep in the parlours, and their earnings go to Thailand."""
    k = Kit(w, net, "sexual")
    rng = w.rng
    owner = net.org(w.person("TH", gender="F", age=(38, 58), bsn=True), "parlour_owner")
    husband = net.org(w.person("NL", gender="M", age=(50, 72)), "front_director")
    k.w.kin("IND", owner, husband, "echtgenoot", k.d(0, 0.1))
    co = w.company(w.company_name("Wellness B.V."), "massagesalon")
    w.fact("ISZW", "DIRECTOR_OF", husband, co, k.d(0, 0.2))
    home = w.address()
    k.lives("POL", owner, home)
    k.lives("IND", husband, home, registered=True)
    parlours = [w.address(kind="massagesalon") for _ in range(rng.randint(2, 4))]
    for adr in parlours:
        w.fact("ISZW", "REGISTERED_AT", co, adr, k.d(0, 0.3))
    p_owner = k.phone("POL", owner)
    k.phone("ISZW", co, p_owner)
    ac_owner = k.acct("POL", owner)
    ac_co = k.acct("ISZW", co)
    ac_th = w.account("DE")  # a remittance account abroad (the family's)
    k.case("Lotus")
    for adr in parlours:
        ad = w.ad("massagegids.nl", "Thaise massage, ook 's avonds", k.d(0.1, 0.6))
        w.fact("POL", "ADVERTISED_WITH", ad, p_owner, k.d(0.2, 0.7), extract=k.x)
        k.inv(adr, "involved")
    victims: list[Person] = []
    for _ in range(max(3, size - 2)):
        v = net.add(w.person("TH", gender="F", age=(22, 45), bsn=False), "victim")
        victims.append(v)
        arrive = k.d(0.0, 0.7)
        w.fact("IND", "HAS_DOCUMENT", v, w.document(v, "visa", "NL"), arrive)
        if rng.random() < 0.2:
            w.kin("IND", v, owner, "nicht", arrive)
        else:
            w.fact("IND", "ASSOCIATE_OF", v, owner, arrive)
        k.cross("KMAR", v, "Schiphol", arrive)
        if rng.random() < 0.3:
            w.fact("KMAR", "TRAVELLED_WITH", v, owner, arrive, date=arrive)
        adr = rng.choice(parlours)
        k.lives("ISZW", v, adr, extract="insp:" + net.id)
        k.employ("ISZW", v, co, wage_low(w), extract="insp:" + net.id)
        if rng.random() < 0.6:
            k.inv(v, "victim")
        if rng.random() < 0.5:
            ac = k.acct("POL", v, extract=k.x)
            w.pay(
                "POL", ac, ac_owner, rng.uniform(300, 1800), k.d(0.3, 0.9), "afdracht", extract=k.x
            )
    for _ in range(rng.randint(4, 10)):
        w.pay("POL", ac_owner, ac_th, rng.uniform(800, 4000), k.d(0.2, 1.0), "familie", extract=k.x)
        w.pay("POL", ac_co, ac_owner, rng.uniform(1000, 5000), k.d(0.2, 1.0), "opname", extract=k.x)
    k.inv(owner, "suspect")
    k.inv(husband, "suspect")
    k.signal("ISZW", "Bij controle massagesalon slapen medewerksters op de behandeltafels.",
             [(parlours[0], "involved"), (victims[0], "victim")], sector="massage")  # fmt: skip
    k.om([owner, husband], victims[:3])
    net.feature("visa_invitations_by_owner", "living_at_workplace", "shared_ad_phone", "transfers_abroad",
                "front_director_spouse", "investigated")  # fmt: skip


def loverboy_chain(w: World, net: Net, size: int) -> None:
    """One loverboy; girls he groomed recruit younger girls for him (victim-recruiters)."""
    k = Kit(w, net, "sexual", (6, 20))
    rng = w.rng
    boy = net.org(
        w.person(rng.choice(["NL", "MA", "NL", "TR"]), gender="M", age=(20, 27)), "loverboy"
    )
    friend = net.add(w.person("NL", gender="M", age=(19, 26)), "driver")
    p_boy = k.phone("POL", boy)
    p_fr = k.phone("POL", friend)
    ac_boy = k.acct("POL", boy)
    car = w.vehicle()
    w.fact("POL", "OWNS_VEHICLE", friend, car, k.d())
    home = w.address()
    k.lives("POL", boy, home)
    hotels = [rng.choice(w.hotels) for _ in range(3)]
    recruiters = [net.add(w.person("NL", gender="F", age=(18, 21)), "victim_recruiter")
                  for _ in range(1 if size < 9 else 2)]  # fmt: skip
    n_vict = max(2, size - 2 - len(recruiters))
    girls: list[Person] = []
    for _ in range(n_vict):
        g = net.add(w.alias(w.person("NL", gender="F", age=(14, 19))), "victim")
        if g.minor:
            net.members[g.key] = "minor_victim"
        girls.append(g)
    for r in recruiters:
        w.alias(r)
        k.calls(k.phone("POL", r), p_boy, 4, extract=False)
    k.case("Kompas", at=0.6)
    k.group("POL", "snapgroep " + rng.choice(["money", "team", "squad"]), "chatgroep",
                  [(boy, "beheerder"), (friend, "lid")] + [(r, "lid") for r in recruiters])  # fmt: skip
    for g in girls:
        rec = rng.choice(recruiters)
        k.met(rec, g, "ontmoeting")
        k.met(boy, g, "ontmoeting")
        ph = k.phone("POL", g, extract=k.x)
        k.calls(p_boy, ph, 2)
        ad = w.ad("kinky.nl", f"{g.alias} nieuw in de stad", k.d(0.3, 0.9))
        w.fact("POL", "ADVERTISES", ad, g, k.d(0.3, 0.9), extract=k.x)
        w.fact("POL", "ADVERTISED_WITH", ad, rng.choice([p_boy, p_fr]), k.d(0.3, 0.9), extract=k.x)
        w.fact("POL", "PAID_FOR", ac_boy, ad, k.d(0.3, 0.9), extract=k.x, amount=rng.choice([35, 49.95, 75]),
               date=k.d(0.3, 0.9), purpose="advertentie")  # fmt: skip
        hotel = rng.choice(hotels)
        k.stay("POL", g, hotel, nights=rng.randint(1, 3))
        w.fact("POL", "PAID_FOR", ac_boy, hotel, k.d(0.3, 0.9), amount=rng.uniform(80, 260), date=k.d(0.3, 0.9),
               purpose="kamer")  # fmt: skip
        w.fact("POL", "PASSENGER_IN", g, car, k.d(0.3, 0.9), extract=k.x, date=k.d(0.3, 0.9))
        k.inv(g, "victim")
        if g.minor and rng.random() < 0.6:
            parent = w.person("NL", age=(38, 55), surname=g.surname)
            k.signal("POL", "Ouders melden dat hun dochter weggelopen is en met oudere jongens omgaat.",
                     [(parent, "melder"), (g, "slachtoffer"), (p_boy, "involved")], part_of=True)  # fmt: skip
            w.kin("POL", parent, g, "ouder", k.d())
    k.inv(boy, "suspect")
    k.inv(friend, "facilitator")
    for r in recruiters:
        k.inv(r, "suspect" if rng.random() < 0.5 else "victim")
    k.om([boy, friend] + recruiters[:1], girls[:2])
    net.feature("victim_recruiter", "minor_victim", "hotel_rooms_paid_by_suspect", "ads_with_suspect_phone",
                "group_membership", "parents_report", "investigated")  # fmt: skip


def escort_driver_service(w: World, net: Net, size: int) -> None:
    """An escort agency B.V. with a straw director; the real owner only receives money.
    Drivers take women (overstayed Latin-American tourists) to clients."""
    k = Kit(w, net, "sexual")
    rng = w.rng
    owner = net.org(w.person("NL", gender="M", age=(40, 62)), "hidden_owner")
    straw = net.add(w.person("NL", gender="M", age=(55, 75)), "straw_man")
    booker = net.add(
        w.person(rng.choice(["CO", "BR"]), gender="F", age=(30, 45), bsn=True), "booker"
    )
    co = w.company(w.company_name("Escort B.V."), "escortbedrijf")
    w.fact("ISZW", "DIRECTOR_OF", straw, co, k.d(0, 0.2))
    adr_co = w.address(kind="bedrijfspand")
    w.fact("ISZW", "REGISTERED_AT", co, adr_co, k.d(0, 0.2))
    ac_co = k.acct("POL", co)
    ac_owner = k.acct("POL", owner)
    k.lives("POL", owner, w.address())
    book = k.phone("POL", booker)
    k.phone("ISZW", co, book)
    k.case("Vlinder")
    for _ in range(rng.randint(5, 12)):
        w.pay(
            "POL",
            ac_co,
            ac_owner,
            rng.uniform(2000, 9000),
            k.d(0.1, 1.0),
            "managementvergoeding",
            extract=k.x,
        )
    n_drivers = max(1, size // 8)
    drivers = [
        net.add(w.person(rng.choice(["NL", "MA", "TR"]), gender="M", age=(24, 50)), "driver")
        for _ in range(n_drivers)
    ]
    cars = [w.vehicle() for _ in drivers]
    for d_, car in zip(drivers, cars, strict=True):
        w.fact("POL", "OWNS_VEHICLE", co, car, k.d(), extract=k.x)
        w.fact("POL", "DRIVES", d_, car, k.d(0.3, 1.0), extract=k.x, date=k.d(0.3, 1.0))
        k.calls(k.phone("POL", d_, extract=k.x), book, 5)
        k.inv(d_, "facilitator")
    flats = [w.address() for _ in range(max(1, size // 10))]
    women = []
    for _ in range(max(3, size - 3 - n_drivers)):
        v = net.add(
            w.alias(
                w.person(rng.choice(["CO", "BR", "CO", "TH"]), gender="F", age=(21, 38), bsn=False)
            ),
            "victim",
        )
        women.append(v)
        arrive = k.d(0.0, 0.6)
        k.cross("KMAR", v, "Schiphol", arrive)
        w.fact("KMAR", "HAS_DOCUMENT", v, w.document(v), arrive)
        if rng.random() < 0.5:
            w.fact("IND", "HAS_DOCUMENT", v, w.document(v, "visa", "NL"), arrive)
        k.lives("POL", v, rng.choice(flats), extract=k.x)
        w.fact(
            "POL",
            "PASSENGER_IN",
            v,
            rng.choice(cars),
            k.d(0.4, 1.0),
            extract=k.x,
            date=k.d(0.4, 1.0),
        )
        ad = w.ad("sexjobs.nl", f"{v.alias} latina escort", k.d(0.2, 0.9))
        w.fact("POL", "ADVERTISES", ad, v, k.d(0.2, 0.9), extract=k.x)
        w.fact("POL", "ADVERTISED_WITH", ad, book, k.d(0.2, 0.9), extract=k.x)
        k.inv(v, "victim")
    for flat in flats:
        w.fact(
            "POL",
            "PAID_FOR",
            ac_co,
            flat,
            k.d(),
            extract=k.x,
            amount=rng.uniform(1200, 2200),
            date=k.d(),
            purpose="huur",
        )
    k.calls(k.phone("POL", owner), book, 6)
    k.met(owner, straw, "ontmoeting")
    k.inv(owner, "suspect")
    k.inv(straw, "suspect")
    k.inv(booker, "suspect")
    k.signal("KMAR", "Meerdere Zuid-Amerikaanse vrouwen reizen in met retourticket en reizen niet terug.",
             [(women[0], "involved"), (women[-1], "involved")])  # fmt: skip
    k.om([owner, straw, booker] + drivers[:1], women[:2])
    net.feature("front_company", "straw_man_director", "hidden_owner_receives_money", "drivers_to_clients",
                "overstayed_visas", "shared_booking_phone", "investigated")  # fmt: skip


def madam_debt_bondage(w: World, net: Net, size: int) -> None:
    """A Nigerian madam: women travel via Italy with an escort, ask asylum, leave the
    reception centre, work off a travel debt; money goes to her brother in Nigeria."""
    k = Kit(w, net, "sexual", (14, 34))
    rng = w.rng
    madam = net.org(w.person("NG", gender="F", age=(35, 55), bsn=True), "madam")
    brother = net.org(w.person("NG", gender="M", age=(38, 60), bsn=False), "organiser_abroad")
    escort = net.add(w.person("NG", gender="M", age=(28, 45), bsn=False), "escort")
    w.kin("IND", madam, brother, "broer", k.d(0, 0.1))
    p_madam = k.phone("POL", madam)
    p_bro = w.phone("NG")
    w.fact("POL", "USES_PHONE", brother, p_bro, k.d(0.5, 1.0))
    p_esc = w.phone("IT")
    w.fact("KMAR", "USES_PHONE", escort, p_esc, k.d())
    ac_madam = k.acct("POL", madam)
    ac_ng = w.account("GB")  # a transfer company's collection account abroad
    flats = [
        w.address(rng.choice(["Amsterdam", "Den Haag", "Rotterdam", "Almere"]))
        for _ in range(max(1, size // 8))
    ]
    k.lives("POL", madam, flats[0])
    k.case("Oath", at=0.55)
    victims = []
    for i in range(max(3, size - 3)):
        v = net.add(
            w.alias(w.person("NG", gender="F", age=(16, 28), bsn=False, migrant=True)), "victim"
        )
        if v.minor:
            net.members[v.key] = "minor_victim"
        victims.append(v)
        arrive = k.d(0.0, 0.5)
        k.cross("KMAR", v, "Schiphol", arrive)
        if i % 3 == 0:
            w.fact("KMAR", "TRAVELLED_WITH", v, escort, arrive, date=arrive)
            k.cross("KMAR", escort, "Schiphol", arrive)
        k.ind_arrival(v, when=w.later(arrive, 1, 5))
        k.lives("POL", v, rng.choice(flats), extract=k.x)
        ph = k.phone("POL", v, extract=k.x)
        k.calls(ph, p_madam, 3)
        ad = w.ad("kinky.nl", f"{v.alias} ebony", k.d(0.3, 0.9))
        w.fact("POL", "ADVERTISES", ad, v, k.d(0.3, 1.0), extract=k.x)
        w.fact("POL", "ADVERTISED_WITH", ad, ph, k.d(0.3, 1.0), extract=k.x)
        ac = k.acct("POL", v, extract=k.x)
        for _ in range(rng.randint(1, 4)):
            w.pay("POL", ac, ac_madam, rng.uniform(200, 1500), k.d(0.4, 1.0), "schuld", extract=k.x)
        k.inv(v, "victim")
    for _ in range(rng.randint(5, 12)):
        w.pay(
            "POL",
            ac_madam,
            ac_ng,
            rng.uniform(500, 3000),
            k.d(0.3, 1.0),
            "family support",
            extract=k.x,
        )
    k.calls(p_madam, p_bro, 8)
    k.calls(p_madam, p_esc, 4)
    k.inv(madam, "suspect")
    k.inv(escort, "suspect")
    k.inv(brother, "suspect")
    k.signal("POL", "COA meldt meerdere Nigeriaanse jonge vrouwen met onbekende bestemming vertrokken.",
             [(victims[0], "slachtoffer"), (victims[1], "slachtoffer")], part_of=True)  # fmt: skip
    k.om([madam, escort], victims[:3])
    net.feature("asylum_then_absconded", "debt_payments_to_madam", "escort_traveller", "organiser_abroad",
                "transfers_abroad", "investigated")  # fmt: skip


def airbnb_rotation(w: World, net: Net, size: int) -> None:
    """A Romanian organiser abroad directs two controllers who rent short-stay flats through
    straw tenants; one landlord is a controller's uncle; women rotate every week."""
    k = Kit(w, net, "sexual")
    rng = w.rng
    boss = net.org(w.person("RO", gender="M", age=(35, 55), bsn=False), "organiser_abroad")
    p_boss = w.phone("RO")
    w.fact("POL", "USES_PHONE", boss, p_boss, k.d(0.4, 1.0))
    ctrls = [
        net.add(w.person("RO", gender="M", age=(24, 40), bsn=rng.random() < 0.5), "controller")
        for _ in range(2)
    ]
    uncle = net.org(
        w.person("RO", gender="M", age=(55, 70), bsn=True, surname=ctrls[0].surname),
        "landlord_relative",
    )
    w.kin("POL", ctrls[0], uncle, "oom", k.d())
    n_flats = max(2, size // 6)
    flats = [w.address(rng.choice(["Amsterdam", "Utrecht", "Rotterdam", "Eindhoven", "Den Haag", "Groningen", "Arnhem"]))
             for _ in range(n_flats)]  # fmt: skip
    straw = [
        net.add(w.person("NL", age=(22, 40)), "straw_tenant") for _ in range(max(1, n_flats // 2))
    ]
    for i, flat in enumerate(flats):
        if i % 2 == 0:
            w.fact("POL", "LANDLORD_OF", uncle, flat, k.d(0, 0.3))
        tenant = straw[i % len(straw)]
        k.lives("POL", tenant, flat, registered=True)
    k.case("Karavaan")
    pc = [k.phone("POL", c, extract=k.x) for c in ctrls]
    acs = [k.acct("POL", c, extract=k.x) for c in ctrls]
    for ph in pc:
        k.calls(ph, p_boss, 10)
    k.calls(pc[0], pc[1], 6)
    k.met(ctrls[0], ctrls[1], "observatie")
    women = []
    for _ in range(max(3, size - 3 - len(straw))):
        v = net.add(
            w.alias(
                w.person(rng.choice(["RO", "RO", "BG", "HU"]), gender="F", age=(19, 32), bsn=False)
            ),
            "victim",
        )
        women.append(v)
        for _ in range(rng.randint(2, 5)):
            k.stay("POL", v, rng.choice(flats), nights=rng.randint(3, 8), extract=k.x)
        ad = w.ad("sexjobs.nl", f"{v.alias} nieuw, privé ontvangst", k.d(0.3, 0.9))
        ph = rng.choice(pc)
        w.fact("POL", "ADVERTISES", ad, v, k.d(0.3, 1.0), extract=k.x)
        w.fact("POL", "ADVERTISED_WITH", ad, ph, k.d(0.3, 1.0), extract=k.x)
        w.fact("POL", "PAID_FOR", rng.choice(acs), ad, k.d(0.3, 1.0), extract=k.x, amount=rng.choice([25, 40, 59]),
               date=k.d(0.3, 1.0), purpose="advertentie")  # fmt: skip
        if rng.random() < 0.4:
            k.cross("KMAR", v, rng.choice(["Eindhoven Airport", "Schiphol"]), k.d(0, 0.8))
        k.inv(v, "victim")
    for c in ctrls:
        k.inv(c, "suspect")
    k.inv(boss, "suspect")
    for t in straw:
        k.inv(t, "involved")
    k.signal("POL", "Buren melden wisselende jonge vrouwen en veel mannelijk bezoek in appartement.",
             [(flats[0], "involved"), (straw[0], "involved")], part_of=True)  # fmt: skip
    k.om(ctrls + [boss], women[:2])
    net.feature("organiser_abroad_calls", "straw_tenants", "rotating_short_stays", "landlord_relative",
                "ads_paid_by_controllers", "investigated")  # fmt: skip


# ---------------------------------------------------------------------------------------------
# labour
# ---------------------------------------------------------------------------------------------


def posted_workers(w: World, net: Net, size: int) -> None:
    """A Polish agency posts workers to Dutch distribution centres; its director never comes
    to NL; the Dutch manager's brother lets the houses; rent is kept from the wage."""
    k = Kit(w, net, "labour", (14, 36))
    rng = w.rng
    director = net.org(w.person("PL", gender="M", age=(40, 60), bsn=False), "organiser_abroad")
    manager = net.add(w.person("PL", gender="M", age=(30, 50), bsn=True), "agency_manager")
    brother = net.org(
        w.person("PL", gender="M", age=(35, 55), bsn=True, surname=manager.surname),
        "landlord_relative",
    )
    w.kin("ISZW", manager, brother, "broer", k.d())
    pl_co = w.company(w.company_name("Sp. z o.o.").replace(" B.V.", ""), "uitzendbureau", kvk=False)
    nl_co = w.company(w.company_name("Staffing B.V."), "uitzendbureau")
    w.fact("ISZW", "DIRECTOR_OF", director, pl_co, k.d(0, 0.2))
    w.fact("ISZW", "DIRECTOR_OF", manager, nl_co, k.d(0, 0.2))
    ac_pl = k.acct("ISZW", pl_co, "PL")
    ac_bro = k.acct("ISZW", brother)
    p_dir = w.phone("PL")
    w.fact("ISZW", "USES_PHONE", director, p_dir, k.d())
    p_man = k.phone("ISZW", manager)
    k.calls(p_man, p_dir, 6, party="ISZW", extract=False)
    client = rng.choice(w.employers)
    ac_client_ent = w.account()
    w.fact("ISZW", "HOLDS_ACCOUNT", client, ac_client_ent, k.d())
    for t in w.months(k.d(0, 0.1), k.t1, 45):
        w.pay("ISZW", ac_client_ent, ac_pl, rng.uniform(20000, 90000), t, "facturen personeel")
    city = rng.choice(["Venlo", "Tilburg", "Waalwijk", "Roosendaal", "Zwolle", "Horst"])
    houses = [w.address(city) for _ in range(max(2, size // 9))]
    for h in houses:
        w.fact("ISZW", "LANDLORD_OF", brother, h, k.d(0, 0.3))
    vans = [w.vehicle() for _ in range(max(1, size // 15))]
    for v in vans:
        w.fact("ISZW", "OWNS_VEHICLE", nl_co, v, k.d())
    x = "insp:" + net.id
    workers = []
    for _ in range(max(4, size - 3)):
        p = net.add(
            w.person(
                rng.choice(["PL", "PL", "RO", "UA", "LT"]), age=(19, 55), bsn=rng.random() < 0.3
            ),
            "worker",
        )
        workers.append(p)
        h = rng.choice(houses)
        k.lives("ISZW", p, h, extract=x)
        k.employ("ISZW", p, pl_co, wage_low(w), extract=x)
        if rng.random() < 0.3:
            w.fact(
                "ISZW",
                "PASSENGER_IN",
                p,
                rng.choice(vans),
                k.d(0.4, 1.0),
                extract=x,
                date=k.d(0.4, 1.0),
            )
        if rng.random() < 0.35:
            ac = k.acct("ISZW", p, extract=x)
            w.pay("ISZW", ac_pl, ac, rng.uniform(600, 1300), k.d(0.3, 1.0), "loon", extract=x)
        if rng.random() < 0.15:
            k.lives("POL", p, h, registered=True)
        if rng.random() < 0.1:
            k.cross(
                "KMAR", p, rng.choice(["Venlo A67", "Oldenzaal A1", "Zevenaar A12"]), k.d(0, 0.7)
            )
    for _ in range(rng.randint(3, 8)):
        w.pay(
            "ISZW",
            ac_pl,
            ac_bro,
            rng.uniform(4000, 15000),
            k.d(0.2, 1.0),
            "huur woningen",
            extract=x,
        )
    k.signal("ISZW", "Werknemers melden dat huur en vervoer worden ingehouden en zij onder het minimumloon verdienen.",
                   [(workers[0], "melder"), (pl_co, "employer"), (houses[0], "involved")], sector="logistiek")  # fmt: skip
    case = w.investigation("ISZW", "labour", k.d(0.6, 0.8), "Wolf")
    k.case_ent, k.x = case, case.key
    for p in workers[: max(3, len(workers) // 3)]:
        k.inv(p, "victim")
    k.inv(manager, "suspect")
    k.inv(director, "suspect")
    k.inv(brother, "facilitator")
    net.feature("posted_workers_foreign_payroll", "organiser_abroad", "landlord_relative", "many_persons_one_address",
                "wage_below_minimum", "client_pays_foreign_account", "shared_transport_van", "investigated")  # fmt: skip


def mushroom_farm(w: World, net: Net, size: int) -> None:
    """A mushroom farm; pickers live in containers on the yard, are paid per kilo, and the
    foreman keeps their passports and collects the rent in cash."""
    k = Kit(w, net, "labour")
    rng = w.rng
    owner = net.org(w.person("NL", gender="M", age=(45, 65)), "farm_owner")
    foreman = net.add(
        w.person(rng.choice(["PL", "RO", "HU"]), gender="M", age=(30, 50), bsn=True), "foreman"
    )
    co = w.company(w.company_name("Champignons B.V."), "champignonteelt")
    w.fact("ISZW", "DIRECTOR_OF", owner, co, k.d(0, 0.1))
    yard = w.address(
        rng.choice(["Horst", "Venlo", "Roermond", "Den Bosch"]), kind="bedrijfsterrein"
    )
    w.fact("ISZW", "REGISTERED_AT", co, yard, k.d(0, 0.1))
    k.lives("ISZW", foreman, yard)
    k.employ("ISZW", foreman, co, wage_fair(w))
    ac_f = k.acct("ISZW", foreman)
    x = "insp:" + net.id
    pickers = []
    for _ in range(max(3, size - 2)):
        p = net.add(
            w.person(
                rng.choice(["RO", "BG", "PL", "HU", "UA"]), age=(19, 58), bsn=rng.random() < 0.4
            ),
            "worker",
        )
        pickers.append(p)
        k.lives("ISZW", p, yard, extract=x)
        k.employ("ISZW", p, co, wage_low(w), extract=x)
        if rng.random() < 0.4:
            doc = w.document(p)
            w.fact("ISZW", "HAS_DOCUMENT", foreman, doc, k.d(0.6, 0.8), extract=x)
            w.fact("ISZW", "HAS_DOCUMENT", p, doc, k.d(0.6, 0.8), extract=x)
        if rng.random() < 0.3:
            ac = k.acct("ISZW", p, extract=x)
            w.pay(
                "ISZW", ac, ac_f, rng.uniform(200, 350), k.d(0.3, 1.0), "huur container", extract=x
            )
        if rng.random() < 0.15:
            k.cross("KMAR", p, rng.choice(["Eindhoven Airport", "Venlo A67"]), k.d(0, 0.6))
    k.signal("ISZW", "Tijdens inspectie aangetroffen: paspoorten van medewerkers in kantoor voorman, bewoonde containers op terrein.",
             [(yard, "involved"), (foreman, "involved"), (co, "werkgever")], sector="agrarisch", when=k.d(0.6, 0.7))  # fmt: skip
    k.signal(
        "POL",
        "Melding van een uitzendkracht over afgenomen paspoort.",
        [(pickers[0], "aangever"), (foreman, "involved")],
    )
    case = w.investigation("ISZW", "labour", k.d(0.7, 0.8), "Zwam")
    k.case_ent, k.x = case, case.key
    k.inv(owner, "suspect")
    k.inv(foreman, "suspect")
    for p in pickers[:4]:
        k.inv(p, "victim")
    k.om([owner, foreman], pickers[:2])
    net.feature("living_at_workplace", "passports_held_by_other", "wage_below_minimum", "foreman_collects_rent",
                "investigated")  # fmt: skip


def car_wash_chain(w: World, net: Net, size: int) -> None:
    """Car washes, each a B.V. with a straw director; the owner only takes money out. Workers
    (asylum seekers or undocumented) sleep above the wash bays."""
    k = Kit(w, net, "labour")
    rng = w.rng
    owner = net.org(
        w.person(rng.choice(["AF", "IQ", "TR"]), gender="M", age=(35, 58), bsn=True),
        "owner_in_background",
    )
    ac_owner = k.acct("POL", owner)
    n_sites = max(1, size // 7)
    workers = []
    x = "insp:" + net.id
    straw_men = []
    for _ in range(n_sites):
        straw = net.add(w.person(owner.origin, gender="M", age=(22, 35), bsn=True), "straw_man")
        straw_men.append(straw)
        co = w.company(w.company_name("Carwash B.V."), "autowasstraat")
        w.fact("ISZW", "DIRECTOR_OF", straw, co, k.d(0, 0.2))
        site = w.address(kind="bedrijfspand")
        w.fact("ISZW", "REGISTERED_AT", co, site, k.d(0, 0.2))
        ac_co = k.acct("ISZW", co)
        for _ in range(rng.randint(3, 8)):
            w.pay(
                "POL", ac_co, ac_owner, rng.uniform(1500, 6000), k.d(0.1, 1.0), "lening aflossing"
            )
        for _ in range(max(2, (size - 1 - n_sites) // n_sites)):
            p = net.add(
                w.person(
                    rng.choice(["AF", "ER", "SY", "IQ", "MA"]),
                    gender="M",
                    age=(17, 40),
                    bsn=False,
                    migrant=True,
                ),
                "worker",
            )
            if p.minor:
                net.members[p.key] = "minor_victim"
            workers.append(p)
            k.lives("ISZW", p, site, extract=x)
            k.employ("ISZW", p, co, wage_low(w), extract=x)
            if rng.random() < 0.6:
                k.ind_arrival(p, when=k.d(0.0, 0.3))
    k.signal("ISZW", "Controle wasstraat: werknemers zonder tewerkstellingsvergunning, slaapplaatsen boven de wasstraat.",
             [(workers[0], "involved"), (straw_men[0], "involved")], sector="autowasstraat", when=k.d(0.5, 0.7))  # fmt: skip
    k.signal("ISZW", "Tweede controle: dezelfde werknemers aangetroffen, nu bij andere vestiging.",
             [(workers[-1], "involved")], sector="autowasstraat", when=k.d(0.7, 0.9))  # fmt: skip
    p_owner = k.phone("POL", owner)
    for s in straw_men:
        k.calls(k.phone("POL", s), p_owner, 5, extract=False)
    net.feature("straw_man_director", "owner_only_receives_money", "asylum_seekers_working", "living_at_workplace",
                "wage_below_minimum", "minor_victim", "signals_only")  # fmt: skip


def au_pair_agency(w: World, net: Net, size: int) -> None:
    """An au pair agency (recognised sponsor) places Filipina au pairs with host families who
    make them work full time in the family business; families and au pairs pay the agency."""
    k = Kit(w, net, "labour", (14, 36))
    rng = w.rng
    boss = net.org(w.person("NL", gender="F", age=(38, 60)), "agency_owner")
    agent = net.add(w.person("PH", gender="F", age=(30, 50), bsn=False), "recruitment_agent")
    agency = w.company(w.company_name("Au Pair Bureau"), "au-pairbemiddeling")
    w.fact("IND", "DIRECTOR_OF", boss, agency, k.d(0, 0.1))
    ac_ag = k.acct("IND", agency)
    ac_agent = w.account("GB")
    w.fact("POL", "HOLDS_ACCOUNT", agent, ac_agent, k.d())
    k.calls(k.phone("POL", boss), w.phone("PH"), 4, extract=False)
    n_fam = max(2, (size - 2) // 3)
    pairs = []
    for _ in range(n_fam):
        host = net.add(w.person(rng.choice(["NL", "NL", "TR", "IN"]), age=(35, 55)), "host_parent")
        home = w.address()
        k.lives("IND", host, home, registered=True)
        biz = w.company(w.company_name(), rng.choice(["schoonmaak", "restaurant", "kinderopvang"]))
        w.fact("ISZW", "DIRECTOR_OF", host, biz, k.d())
        ac_h = k.acct("IND", host)
        for _ in range(max(1, (size - 2) // n_fam - 1)):
            a = net.add(w.person("PH", gender="F", age=(18, 28), bsn=rng.random() < 0.5), "au_pair")
            pairs.append(a)
            arrive = k.d(0.0, 0.6)
            k.cross("KMAR", a, "Schiphol", arrive)
            w.fact("IND", "HAS_DOCUMENT", a, w.document(a, "residence_permit", "NL"), arrive)
            k.lives("IND", a, home, when=arrive)
            w.pay("IND", ac_h, ac_ag, rng.uniform(1200, 2500), arrive, "bemiddelingsfee")
            k.employ("ISZW", a, biz, rng.uniform(1.5, 4.5), extract="insp:" + net.id)
            if rng.random() < 0.5:
                ac_a = k.acct("POL", a)
                w.pay("POL", ac_a, ac_agent, rng.uniform(300, 900), k.d(0.3, 1.0), "loan")
    k.signal("ISZW", "Au pair werkt voltijds in het bedrijf van het gastgezin, ontvangt alleen zakgeld.",
             [(pairs[0], "slachtoffer"), (agency, "involved")], sector="au pair", when=k.d(0.5, 0.7))  # fmt: skip
    k.signal("POL", "Au pair meldt dat haar paspoort door de gastmoeder wordt bewaard.",
             [(pairs[-1], "melder"), (boss, "involved")])  # fmt: skip
    net.feature("au_pair_overwork", "agency_fee_payments", "sponsor_agency", "work_in_family_business",
                "recruitment_loans_abroad", "signals_only")  # fmt: skip


def chef_kickback(w: World, net: Net, size: int) -> None:
    """Restaurants bring cooks on chef permits; every month part of the wage goes back to the
    owner's wife; the cooks live in rooms the owner lets; an agent abroad takes a fee."""
    k = Kit(w, net, "labour")
    rng = w.rng
    origin = rng.choice(["IN", "CN"])
    owner = net.org(w.person(origin, gender="M", age=(40, 62), bsn=True), "restaurant_owner")
    wife = net.org(
        w.person(origin, gender="F", age=(35, 58), bsn=True, surname=owner.surname),
        "relative_receiving_money",
    )
    w.kin("IND", owner, wife, "echtgenote", k.d(0, 0.1))
    ac_wife = k.acct("POL", wife)
    agent = net.add(w.person(origin, gender="M", age=(30, 55), bsn=False), "recruitment_agent")
    ac_agent = w.account("GB")
    w.fact("POL", "HOLDS_ACCOUNT", agent, ac_agent, k.d())
    rooms = w.address()
    w.fact("ISZW", "LANDLORD_OF", owner, rooms, k.d())
    cooks = []
    n_rest = max(1, size // 8)
    for _ in range(n_rest):
        co = w.company(w.company_name("Restaurant B.V."), "horeca")
        w.fact("IND", "DIRECTOR_OF", owner, co, k.d(0, 0.1))
        ac_co = k.acct("ISZW", co)
        for _ in range(max(2, (size - 3) // n_rest)):
            c = net.add(w.person(origin, gender="M", age=(22, 50), bsn=True), "cook")
            cooks.append(c)
            arrive = k.d(0.0, 0.4)
            w.fact("IND", "HAS_DOCUMENT", c, w.document(c, "residence_permit", "NL"), arrive)
            k.employ("IND", c, co, wage_fair(w), since=arrive)
            k.lives("ISZW", c, rooms, extract="insp:" + net.id)
            ac = k.acct("POL", c)
            for t in w.months(k.d(0.2, 0.4), k.t1, 60):
                w.pay("POL", ac_co, ac, rng.uniform(2300, 2800), t, "salaris")
                w.pay("POL", ac, ac_wife, rng.uniform(900, 1400), w.later(t, 1, 4), "terugbetaling")
            w.pay("POL", ac, ac_agent, rng.uniform(3000, 8000), arrive, "fee")
    k.signal("POL", "Bank meldt ongebruikelijke terugboekingen van salarissen naar één particuliere rekening.",
             [(ac_wife, "involved"), (cooks[0], "involved")])  # fmt: skip
    k.signal("ISZW", "Koks werken 70 uur per week en wonen met velen in één woning.",
             [(rooms, "involved"), (owner, "werkgever")], sector="horeca")  # fmt: skip
    net.feature("wage_kickbacks", "kickback_to_relative", "sponsored_permits", "housing_tied_to_employer",
                "recruitment_fees_abroad", "signals_only")  # fmt: skip


SEXUAL = {
    "thai_massage_visa": (thai_massage_visa, (8, 30)),
    "loverboy_chain": (loverboy_chain, (5, 16)),
    "escort_driver_service": (escort_driver_service, (10, 40)),
    "madam_debt_bondage": (madam_debt_bondage, (8, 30)),
    "airbnb_rotation": (airbnb_rotation, (10, 45)),
}
LABOUR = {
    "posted_workers": (posted_workers, (30, 120)),
    "mushroom_farm": (mushroom_farm, (10, 60)),
    "car_wash_chain": (car_wash_chain, (6, 30)),
    "au_pair_agency": (au_pair_agency, (7, 25)),
    "chef_kickback": (chef_kickback, (6, 25)),
}
