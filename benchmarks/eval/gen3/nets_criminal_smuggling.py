"""Planted networks of criminal exploitation and smuggling (shapes after Dutch public case
descriptions: cuckooing of vulnerable tenants by dealers, forced begging with daily van
drops, identity harvesting of vulnerable young people, pickpocket tours of minors; lorry
hook points towards the UK, look-alike passports on flights, taxi shuttles from Germany,
fee-paid sponsored permits)."""

from __future__ import annotations

import datetime as dt

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


def cuckooing(w: World, life: Life, net: Net, size: int) -> None:
    """Dealers take over the homes of vulnerable tenants and make them run drugs; one deal
    line is shared by the dealers and called by many customers."""
    r = w.rng
    t0 = start_day(w, 400)
    city = r.choice(["Rotterdam", "Amsterdam", "Arnhem", "Leeuwarden", "Maastricht"])
    n_dealers = max(2, size // 4)
    dealers = [net.add(settle(w, w.person(r.choice(["NL", "NL", "MA"]), "M", (19, 35)), w.address(city)),
                       "dealer", organiser=(k == 0)) for k in range(n_dealers)]  # fmt: skip
    line = w.phone(None)
    victims = [net.add(settle(w, w.person("NL", r.choice("MMF"), (25, 60)), w.address(city, "sociale huur")),
                       "vulnerable_tenant") for _ in range(size - n_dealers)]  # fmt: skip
    for v in victims:
        t = w.later(t0, 0, 300)
        sig = w.signal("POL", "criminal", t, "Wijkagent: veel aanloop bij woning van kwetsbare bewoner, "
                       "onbekende jongens verblijven er; mogelijk woningovername.", city=city)  # fmt: skip
        s = Ctx(w, "POL", t)
        s.involve(sig, life.someone(), "melder")
        s.involve(sig, v, "victim" if r.random() < 0.5 else "involved")
        s.basics(v)
        d = r.choice(dealers)
        s.add("LIVES_AT", d, v.home)
        if r.random() < 0.6:
            s.involve(sig, d, "suspect")
        s.add("MET", d, v, date=t, kind="observatie", weight=r.randint(2, 6))
        if r.random() < 0.35:  # the tenant is caught carrying and registered as suspect
            sig2 = w.signal("POL", "criminal", w.later(t, 10, 90), "Aanhouding met bolletjes; verdachte "
                            "verklaart onder druk te handelen.", city=city)  # fmt: skip
            Ctx(w, "POL", sig2.fields["reported_at"]).involve(sig2, v, "suspect")
    inv = w.investigation("POL", f"Onderzoek {r.choice(['Nest', 'Koekoek', 'Portiek', 'Galerij'])}", "criminal",
                          w.later(t0, 200, 350))  # fmt: skip
    c = Ctx(w, "POL", inv.fields["started_at"], inv)
    for d in dealers:
        c.add("USES_PHONE", d, line)
        c.add("USES_PHONE", d, d.phones[0])
        c.involve(inv, d, "suspect")
        calls(w, c, dealers[0], d, t0, heavy=True)
        outside_calls(w, life, c, d, 3, t0)
    for _ in range(size * 4):
        calls(w, c, life.someone(), line, w.later(t0, 0, 300))
    for v in r.sample(victims, max(1, len(victims) // 2)):
        c.involve(inv, v, "victim")
        calls(w, c, line, v, t0)
    net.feature(
        "home_takeover", "shared_deal_line", "victims_as_suspects", "customer_calls", "investigated"
    )


def forced_begging(w: World, life: Life, net: Net, size: int) -> None:
    """A family clan drops beggars at supermarkets every morning by van, collects them in the
    evening; they arrive by minibus from Romania or Bulgaria."""
    r = w.rng
    t0 = start_day(w, 300)
    nat = r.choice(["RO", "BG"])
    city = r.choice(["Utrecht", "Groningen", "Zwolle", "Nijmegen", "Haarlem"])
    house = w.address(city)
    head = net.add(
        settle(w, w.person(nat, "M", (40, 60), resident=False), house, phone_cc=nat),
        "clan_head",
        organiser=True,
    )
    sons = [net.add(settle(w, w.person(nat, "M", (20, 35), resident=False, surname=head.surname), house, phone_cc=nat),
                    "driver") for _ in range(2)]  # fmt: skip
    van = w.vehicle(nat, "van")
    k = Ctx(w, "KMAR", t0)
    cross(w, k, van, "A12 Zevenaar", t0, "in")
    k.add("DRIVES", sons[0], van, date=t0)
    for s_ in sons:
        k.add("FAMILY_OF", head, s_, relation="zoon")
    beggars = []
    for _ in range(size - 3):
        b = net.add(settle(w, w.person(nat, r.choice("MF"), (14, 75), resident=False), house, phone_cc=None, account=None),
                    "beggar")  # fmt: skip
        beggars.append(b)
        k.add("PASSENGER_IN", b, van, date=t0)
        cross(w, k, b, "A12 Zevenaar", t0, "in")
        k.add("HAS_DOCUMENT", b, w.document(b, "id_card"))
    for _ in range(r.randint(3, 6)):
        t = w.later(t0, 10, 250)
        shop_city = city
        sig = w.signal("POL", "criminal", t, "Bedelaars bij supermarkt, 's ochtends afgezet en 's avonds "
                       "opgehaald door busje.", city=shop_city)  # fmt: skip
        s = Ctx(w, "POL", t)
        s.involve(sig, life.someone(), "melder")
        for b in r.sample(beggars, min(len(beggars), r.randint(1, 4))):
            s.involve(sig, b, r.choice(["involved", "victim"]))
            s.add("PASSENGER_IN", b, van, date=t)
        s.add("DRIVES", r.choice(sons), van, date=t)
        s.add("LIVES_AT", r.choice(beggars), house)
    relatives(w, life, head, 2, "POL", t0)
    net.feature("daily_van_drops", "clan_family_links", "cross_border_minibus", "many_persons_one_address",
                "signals_only")  # fmt: skip


def identity_harvest(w: World, life: Life, net: Net, size: int) -> None:
    """Recruiters get vulnerable young people to open accounts, take phone subscriptions and
    register one-man companies; the organiser controls the accounts that receive fraud money."""
    r = w.rng
    t0 = start_day(w, 400)
    city = r.choice(["Rotterdam", "Den Haag", "Almere", "Eindhoven"])
    boss = net.add(
        settle(w, w.person(r.choice(["NL", "MA", "TR"]), "M", (24, 40)), w.address(city)),
        "organiser",
        organiser=True,
    )
    recruiters = [net.add(settle(w, w.person("NL", "M", (18, 28)), w.address(city)), "recruiter")
                  for _ in range(max(1, size // 8))]  # fmt: skip
    sink = w.account(None, r.choice(["LT", "DE", "BE"]))
    inv = w.investigation("POL", f"Onderzoek {r.choice(['Pinpas', 'Katvanger', 'Stroman', 'Rekening'])}", "criminal",
                          w.later(t0, 150, 300))  # fmt: skip
    c = Ctx(w, "POL", inv.fields["started_at"], inv)
    c.add("HOLDS_ACCOUNT", boss, sink)
    for _ in range(size - 1 - len(recruiters)):
        v = net.add(
            settle(w, w.person("NL", r.choice("MMF"), (17, 24)), w.address(city)),
            "exploited_account_holder",
        )
        extra = w.account(v)
        c.add("HOLDS_ACCOUNT", v, extra)
        c.add("HOLDS_ACCOUNT", boss, extra)  # the organiser holds the cards and codes
        sub = w.phone(v)
        c.add("USES_PHONE", v, sub)
        c.add("USES_PHONE", boss, sub)
        if r.random() < 0.4:
            co = w.company(f"{v.surname[0]} Handelsonderneming", "handel")
            c.add("DIRECTOR_OF", v, co)
            c.add("REGISTERED_AT", co, v.home)
        for _ in range(r.randint(2, 6)):
            fraud_victim = life.someone()
            if fraud_victim.accounts:
                pay(
                    w,
                    c,
                    fraud_victim.accounts[0],
                    extra,
                    r.randint(200, 3500),
                    w.later(t0, 0, 250),
                    "bestelling",
                )
        pay(w, c, extra, sink, r.randint(1000, 9000), w.later(t0, 0, 250), "")
        c.involve(inv, v, r.choice(["suspect", "suspect", "victim"]))
        c.add("MET", r.choice(recruiters), v, date=w.later(t0, -60, 0), kind="ontmoeting", weight=1)
    for rc in recruiters:
        c.involve(inv, rc, "suspect")
        calls(w, c, boss, rc, t0, heavy=True)
    c.involve(inv, boss, "suspect")
    c.basics(boss)
    outside_calls(w, life, c, boss, 4, t0)
    om = Ctx(w, "OM", w.later(inv.fields["started_at"], 90, 300))
    om.involve(inv, boss, "verdachte")
    net.feature("controlled_accounts", "shared_phone_subscriptions", "companies_in_victims_names",
                "fraud_inflows", "victims_as_suspects", "investigated")  # fmt: skip


def pickpocket_tour(w: World, life: Life, net: Net, size: int) -> None:
    """Handlers fly minors in for pickpocket tours of the big cities; the minors give new
    names and birth dates at each arrest; hotels are paid by the handlers."""
    r = w.rng
    t0 = start_day(w, 300)
    nat = r.choice(["RO", "MA", "BG"])
    handlers = [net.add(settle(w, w.person(nat, "M" if k else r.choice("MF"), (25, 50), resident=False),
                               life.hotel(), phone_cc=nat), "handler", organiser=(k == 0)) for k in range(2)]  # fmt: skip
    k = Ctx(w, "KMAR", t0)
    for h in handlers:
        cross(w, k, h, r.choice(["Schiphol", "Eindhoven Airport"]), t0, "in")
    for _ in range(size - 2):
        m = net.add(settle(w, w.person(nat, r.choice("MMF"), (12, 17), resident=False), life.hotel(), phone_cc=None,
                           account=None), "minor_victim")  # fmt: skip
        # the names and dates given at arrests
        alts = []
        for _ in range(r.randint(1, 3)):
            other = w.ids.name_parts(nat, m.gender)
            alts.append((other[0][0][0], m.surname[0] if r.random() < 0.5 else other[1][0],
                         m.birth + dt.timedelta(days=r.randint(-900, 400))))  # fmt: skip
        m.alt_ids = alts
        t = w.later(t0, 0, 60)
        cross(w, k, m, "Schiphol", t, "in")
        k.add("TRAVELLED_WITH", m, r.choice(handlers), date=t)
        for _ in range(r.randint(1, 3)):
            ta = w.later(t0, 5, 200)
            sig = w.signal("POL", "criminal", ta, "Aanhouding zakkenroller (minderjarig) in tram; "
                           "opgegeven personalia wisselen.", city=r.choice(["Amsterdam", "Utrecht", "Rotterdam"]))  # fmt: skip
            s = Ctx(w, "POL", ta)
            s.involve(sig, m, "suspect")
            s.involve(sig, life.someone(), "aangever")
            s.add("STAYED_AT", m, m.home, date=ta, nights=r.randint(2, 9))
            if r.random() < 0.3:
                s.involve(sig, r.choice(handlers), "involved")
    inv = w.investigation(
        "POL",
        f"Onderzoek {r.choice(['Vinger', 'Tram', 'Beurs', 'Zak'])}",
        "criminal",
        w.later(t0, 60, 200),
    )
    c = Ctx(w, "POL", inv.fields["started_at"], inv)
    for h in handlers:
        c.involve(inv, h, "suspect")
        for _ in range(3):
            c.add(
                "PAID_FOR",
                h.accounts[0],
                life.hotel(),
                amount=r.randint(300, 1200),
                date=w.later(t0, 0, 200),
                purpose="hotel",
            )
        c.add("STAYED_AT", h, h.home, date=w.later(t0, 0, 100), nights=r.randint(7, 30))
    calls(w, c, handlers[0], handlers[1], t0, heavy=True)
    net.feature(
        "minors_as_suspects", "changing_identities", "hotel_base", "flights", "investigated"
    )


# ------------------------------------------------------------------------------ smuggling


def lorry_hook_point(w: World, life: Life, net: Net, size: int) -> None:
    """A cell run from abroad keeps migrants in safe houses and loads them into lorries at
    truck parkings; KMAR finds them in lorries at the ferry ports (the drivers are unwitting)."""
    r = w.rng
    t0 = start_day(w, 500)
    boss = net.add(settle(w, w.person("IQ", "M", (30, 50), resident=False), w.address("Rotterdam"), phone_cc="GB"),
                   "organiser_abroad", organiser=True)  # fmt: skip
    boss.home = None  # lives in the UK: no Dutch address
    hooks = [net.add(settle(w, w.person(r.choice(["IQ", "SY"]), "M", (20, 40)), w.address(r.choice(["Rotterdam", "Breda", "Tilburg"]))),
                     "hook_point_operator") for _ in range(max(2, size // 12))]  # fmt: skip
    safe_houses = [
        w.address(r.choice(["Rotterdam", "Schiedam", "Breda"]), "woning")
        for _ in range(max(1, size // 15))
    ]
    keeper = net.add(settle(w, w.person("IQ", "M", (30, 55)), safe_houses[0]), "safe_house_keeper")
    parkings = [w.address(cty, "truckparking") for cty in ("Breda", "Tilburg", "Venlo")]
    taxi = w.vehicle("NL")
    inv = w.investigation("KMAR", f"Onderzoek {r.choice(['Oplegger', 'Haven', 'Veer', 'Kanaal'])}", "smuggling",
                          w.later(t0, 200, 400))  # fmt: skip
    c = Ctx(w, "KMAR", inv.fields["started_at"], inv)
    for h in hooks:
        calls(w, c, boss.phones[0], h, t0, heavy=True)
        c.involve(inv, h, "suspect")
        c.add("DRIVES", h, taxi, date=w.later(t0, 0, 300))
        c.basics(h)
    c.involve(inv, boss, "suspect")
    c.involve(inv, keeper, "facilitator")
    calls(w, c, boss.phones[0], keeper, t0, heavy=True)
    for sh in safe_houses:
        c.add("LANDLORD_OF", keeper, sh)
    migrants = []
    for _ in range(size - 1 - len(hooks) - 1):
        m = net.add(settle(w, w.person(r.choice(["IQ", "SY", "ER", "VN", "AF"]), r.choice("MMMF"), (16, 40), resident=False),
                           r.choice(safe_houses), phone_cc=None, account=None), "migrant")  # fmt: skip
        migrants.append(m)
        t = w.later(t0, 0, 400)
        c.add("STAYED_AT", m, m.home, date=w.later(t, -20, -1), nights=r.randint(2, 14))
        lorry = w.vehicle(r.choice(["PL", "LT", "RO", "BG", "GB"]), "lorry")
        driver = life.someone()
        k = Ctx(w, "KMAR", t)
        sig = w.signal("KMAR", "smuggling", t, "Personen aangetroffen in oplegger bij controle veerhaven.",
                       city="Rotterdam")  # fmt: skip
        cross(w, k, lorry, r.choice(["Hoek van Holland", "Europoort", "IJmuiden"]), t, "out")
        k.add("PASSENGER_IN", m, lorry, date=t)
        k.add("DRIVES", driver, lorry, date=t)
        k.involve(sig, m, "involved")
        k.involve(sig, driver, "witness")
        if r.random() < 0.3:
            k.add("STAYED_AT", m, r.choice(parkings), date=t, nights=1)
        if r.random() < 0.3:
            rel = relatives(w, life, m, 1, "IND", t)[0]
            if rel.accounts:
                c.add("PAID_FOR", rel.accounts[0], m, amount=r.choice([2500, 3500, 5000]), date=w.later(t, -30, 0),
                      purpose="reis")  # fmt: skip
    for p in parkings:
        c.add("STAYED_AT", r.choice(hooks), p, date=w.later(t0, 0, 300), nights=1)
    net.feature("organiser_abroad", "safe_houses", "lorry_interceptions", "hook_point_operators",
                "unwitting_drivers", "investigated")  # fmt: skip


def lookalike_flights(w: World, life: Life, net: Net, size: int) -> None:
    """A document supplier lends look-alike passports; escorts fly with migrants into Schiphol
    where they apply for asylum; the same passports come back for the next trip."""
    r = w.rng
    t0 = start_day(w, 400)
    supplier = net.add(settle(w, w.person(r.choice(["NG", "TR", "SY"]), "M", (30, 55)), w.address("Amsterdam")),
                       "document_supplier", organiser=True)  # fmt: skip
    escorts = [net.add(settle(w, w.person(r.choice(["NL", "BE", "GB"]), r.choice("MF"), (25, 45)), w.address()),
                       "escort") for _ in range(max(2, size // 6))]  # fmt: skip
    for e in escorts:
        w.document(e)
    pool_docs = []
    for _ in range(max(2, size // 5)):
        holder = w.person("NL", r.choice("MF"), (20, 40))
        holder.label = "background"
        life.people.append(settle(w, holder, w.address(), account=None))
        pool_docs.append(w.document(holder))
    azc = w.address("Ter Apel", "azc")
    for _ in range(size - 1 - len(escorts)):
        m = net.add(settle(w, w.person(r.choice(["ER", "SY", "AF", "IQ", "TR"]), r.choice("MF"), (18, 40), resident=False),
                           azc, phone_cc=None, account=None), "migrant")  # fmt: skip
        t = w.later(t0, 0, 350)
        e = r.choice(escorts)
        k = Ctx(w, "KMAR", t)
        cross(w, k, m, "Schiphol", t, "in")
        cross(w, k, e, "Schiphol", t, "in")
        k.add("TRAVELLED_WITH", m, e, date=t)
        doc = r.choice(pool_docs)
        k.add("HAS_DOCUMENT", m, doc)
        ind = Ctx(w, "IND", w.later(t, 1, 20))
        ind.add("LIVES_AT", m, azc)
        ind.add("HAS_DOCUMENT", m, w.document(m, "passport"))
        if r.random() < 0.4:
            sig = w.signal("KMAR", "smuggling", t, "Vals/look-alike document bij aankomst; reisgenoot "
                           "weigert verklaring.", city="Amsterdam")  # fmt: skip
            k.involve(sig, m, "involved")
            k.involve(sig, e, "suspect")
        if r.random() < 0.5:
            pay(
                w,
                k,
                supplier.accounts[0],
                e.accounts[0],
                r.randint(800, 2500),
                w.later(t, -10, 10),
                "ticket",
            )
    inv = w.investigation("KMAR", f"Onderzoek {r.choice(['Paspoort', 'Gate', 'Transit', 'Vlucht'])}", "smuggling",
                          w.later(t0, 200, 380))  # fmt: skip
    c = Ctx(w, "KMAR", inv.fields["started_at"], inv)
    c.involve(inv, supplier, "suspect")
    c.basics(supplier, account=True)
    for e in escorts:
        c.involve(inv, e, "suspect")
        calls(w, c, supplier, e, t0, heavy=True)
        c.add("HAS_DOCUMENT", e, e.docs[0])
    for d in pool_docs:
        c.add("HAS_DOCUMENT", supplier, d)
    outside_calls(w, life, c, supplier, 5, t0)
    net.feature(
        "shared_documents",
        "escorts",
        "asylum_after_arrival",
        "many_persons_one_address",
        "investigated",
    )


def taxi_shuttle(w: World, life: Life, net: Net, size: int) -> None:
    """Drivers recruited in a chat group bring migrants from Germany to Ter Apel for a fee per
    trip; a spotter car drives ahead."""
    r = w.rng
    t0 = start_day(w, 400)
    boss = net.add(settle(w, w.person(r.choice(["SY", "TR"]), "M", (28, 50)), w.address(r.choice(["Enschede", "Groningen"]))),
                   "coordinator", organiser=True)  # fmt: skip
    grp = w.group(f"Ritten {r.randint(100, 999)}", "chatgroep")
    drivers = [net.add(settle(w, w.person(r.choice(["NL", "SY", "DE"]), "M", (20, 45)), w.address()), "driver")
               for _ in range(max(2, size // 7))]  # fmt: skip
    cars = {d.key: w.vehicle(r.choice(["NL", "DE"])) for d in drivers}
    spotter_car = w.vehicle("NL")
    spotter = net.add(settle(w, w.person("SY", "M", (20, 35)), w.address()), "spotter")
    pol = Ctx(w, "POL", t0)
    for d in drivers + [spotter]:
        pol.add("MEMBER_OF", d, grp, since=w.later(t0, -90, 0), position="chauffeur")
        pol.add("OWNS_VEHICLE", d, cars[d.key] if d in drivers else spotter_car)
    pol.add("MEMBER_OF", boss, grp, position="beheerder")
    azc = w.address("Ter Apel", "azc")
    posts = ["A1 De Lutte", "A7 Nieuweschans", "A12 Zevenaar", "A67 Venlo"]
    for _ in range(size - 2 - len(drivers)):
        m = net.add(settle(w, w.person(r.choice(["SY", "AF", "TR", "IQ"]), r.choice("MMF"), (17, 45), resident=False), azc,
                           phone_cc=None, account=None), "migrant")  # fmt: skip
        t = w.later(t0, 0, 350)
        d = r.choice(drivers)
        post = r.choice(posts)
        k = Ctx(w, "KMAR", t)
        cross(w, k, cars[d.key], post, t, "in")
        k.add("PASSENGER_IN", m, cars[d.key], date=t)
        k.add("DRIVES", d, cars[d.key], date=t)
        if r.random() < 0.5:
            cross(w, k, spotter_car, post, t, "in")
        ind = Ctx(w, "IND", w.later(t, 0, 5))
        ind.add("LIVES_AT", m, azc)
        if r.random() < 0.4:
            relatives(w, life, m, 1, "IND", t)
        pay(
            w,
            Ctx(w, "POL", w.later(t0, 100, 200)),
            boss.accounts[0],
            d.accounts[0],
            r.choice([250, 300, 400, 500]),
            t,
            "rit",
        )
    inv = w.investigation(
        "KMAR",
        f"Onderzoek {r.choice(['Grens', 'Taxi', 'Rit', 'Snelweg'])}",
        "smuggling",
        w.later(t0, 150, 360),
    )
    c = Ctx(w, "KMAR", inv.fields["started_at"], inv)
    for d in drivers + [spotter, boss]:
        c.involve(inv, d, "suspect")
        if d is not boss:
            calls(w, c, boss, d, t0, heavy=True)
    outside_calls(w, life, c, boss, 4, t0)
    om = Ctx(w, "OM", w.later(inv.fields["started_at"], 120, 300))
    om.involve(inv, boss, "verdachte")
    net.feature("per_trip_driver_payments", "spotter_vehicle", "road_crossings", "group_membership",
                "asylum_registration", "investigated")  # fmt: skip


def sponsor_fee(w: World, life: Life, net: Net, size: int) -> None:
    """A recognised sponsor company brings 'knowledge migrants' who pay it large fees; their
    salaries are paid and paid back; they really work elsewhere."""
    r = w.rng
    t0 = start_day(w, 500)
    director = net.add(settle(w, w.person(r.choice(["IN", "TR", "NL"]), "M", (35, 60)), w.address(r.choice(["Amsterdam", "Utrecht"]))),
                       "sponsor_director", organiser=True)  # fmt: skip
    agent = net.add(settle(w, w.person(director.nat, "M", (28, 50), resident=False), w.address(), phone_cc=director.nat),
                    "recruitment_agent")  # fmt: skip
    agent.home = None
    sponsor = w.company(
        f"{r.choice(['Nova', 'Apex', 'Bright', 'Zenith'])} {r.choice(['IT Solutions', 'Consultancy', 'Tech'])} B.V.",
        "ict",
    )
    acc = w.account(None)
    ind0 = Ctx(w, "IND", t0)
    ind0.add("DIRECTOR_OF", director, sponsor)
    ind0.add("REGISTERED_AT", sponsor, director.home)
    for _ in range(size - 2):
        m = net.add(settle(w, w.person(r.choice(["IN", "TR", "PH", "EG"]), r.choice("MMF"), (24, 40), resident=True), w.address()),
                    "sponsored_migrant")  # fmt: skip
        t = w.later(t0, 0, 450)
        ind = Ctx(w, "IND", t)
        ind.add("EMPLOYED_BY", m, sponsor, since=t, wage=round(r.uniform(28, 34), 2))
        ind.add("HAS_DOCUMENT", m, w.document(m, "residence_permit", "NL"))
        ind.add("LIVES_AT", m, m.home)
        fin = Ctx(w, "POL", w.later(t0, 300, 500))
        pay(
            w,
            fin,
            m.accounts[0],
            acc,
            r.choice([8000, 10000, 12500, 15000]),
            w.later(t, -60, 0),
            "bemiddeling",
        )
        for _ in range(r.randint(1, 3)):
            salary = round(r.uniform(3800, 4600), 2)
            d = w.later(t, 30, 300)
            pay(w, fin, acc, m.accounts[0], salary, d, "salaris")
            pay(
                w,
                fin,
                m.accounts[0],
                acc,
                salary - r.randint(300, 900),
                w.later(d, 1, 4),
                "terugbetaling",
            )
        if r.random() < 0.6:
            co, _, _ = r.choice(life.employers)
            Ctx(w, "ISZW", w.later(t, 60, 300)).add("EMPLOYED_BY", m, co, since=w.later(t, 30, 90),
                                                    wage=round(r.uniform(9, 12), 2))  # fmt: skip
        if r.random() < 0.3:
            relatives(w, life, m, 1, "IND", t)
    sig = w.signal("IND", "smuggling", w.later(t0, 300, 500), "Referent: veel kennismigranten, salarissen "
                   "worden teruggestort; mogelijk misbruik regeling.", sector="ict")  # fmt: skip
    fin = Ctx(w, "POL", sig.fields["reported_at"])
    fin.add("HOLDS_ACCOUNT", sponsor, acc)
    fin.add("HOLDS_ACCOUNT", director, acc)
    fin.basics(director, account=True)
    Ctx(w, "IND", sig.fields["reported_at"]).involve(sig, director, "involved")
    calls(w, fin, director, agent, t0, heavy=True)
    outside_calls(w, life, fin, director, 5, t0)
    net.feature("fee_payments", "round_trip_salary", "sponsor_company", "migrants_work_elsewhere",
                "organiser_abroad", "signals_only")  # fmt: skip
