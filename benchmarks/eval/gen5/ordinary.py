"""The ordinary world: background episodes, look-alike pairs and benign decoys."""

from __future__ import annotations

import datetime as dt

from benchmarks.eval.gen5.common import Cast, account_of, home, ind_file, phone_of
from benchmarks.eval.gen5.world import Ent, Person, World

BG_NATS = ("NL",) * 14 + ("MA", "TR", "SR", "PL", "RO", "DE", "BG", "SY", "ER", "UA", "IN",
                          "CN", "GB", "NG", "AF", "BR", "PH", "VN")  # fmt: skip
ASYLUM_NATS = ("SY", "ER", "AF", "IQ", "TR", "NG", "MA", "UA")
POSTS_AIR = (
    "Schiphol",
    "Eindhoven Airport",
    "Rotterdam The Hague Airport",
    "Maastricht Aachen Airport",
)
POSTS_ROAD = ("A12 Zevenaar", "A67 Venlo", "A1 Oldenzaal", "A16 Hazeldonk", "A37 Hardenberg")
SIGNAL_TEXTS = {
    "sexual": ("Melding over mogelijke prostitutie in woning; geen aanwijzingen gevonden.",
               "Buurtbewoner meldt veel bezoekers bij appartement; controle zonder bevindingen."),
    "labour": ("Melding van lange werkdagen bij bedrijf; inspectie zonder overtredingen.",
               "Anonieme tip over huisvesting arbeidsmigranten; vergunning in orde."),
    "criminal": ("Jongeren rondhangend bij station; geen strafbare feiten vastgesteld.",
                 "Melding over verdachte transacties; verklaard als familiehulp."),
    "smuggling": ("Busje met veel passagiers bij grens; reisgezelschap met geldige papieren.",
                  "Melding over onbekende personen in woning; bleken familie op bezoek."),
}  # fmt: skip


def _nat(w: World) -> str:
    return w.rng.choice(BG_NATS)


def _ordinary(w: World, nat: str | None = None, age: tuple[int, int] = (18, 80)) -> Person:
    return w.person(nat or _nat(w), None, age)


def infrastructure(w: World, scale: float) -> None:
    """Hotels, reception centres and ordinary employers that networks and background share."""
    w.hotels.extend(w.address(kind="hotel") for _ in range(max(6, round(25 * scale))))
    w.reception.extend(w.address(c, kind="azc") for c in ("Ter Apel", "Zwolle", "Arnhem", "Venlo"))
    sectors = ("distributiecentrum", "vleesverwerking", "schoonmaak", "horeca", "bouw",
               "land- en tuinbouw", "logistiek", "retail")  # fmt: skip
    for i in range(max(8, round(40 * scale))):
        sector = sectors[i % len(sectors)]
        c = w.company(f"{w.rng.choice(('Van', 'De', 'Noord', 'Zuid', 'Euro', 'Holland'))} "
                      f"{sector.split()[0].capitalize()} {w.rng.randint(1, 999)} B.V.", sector)  # fmt: skip
        w.employers.append(c)
        w.fact("ISZW", "REGISTERED_AT", c, w.address(kind="bedrijfspand"), when=w.day())


def background(w: World, scale: float) -> None:
    rng = w.rng
    n = lambda k: max(1, round(k * scale))  # noqa: E731
    # signals that went nowhere, with reporters, the people concerned and their contacts
    for _ in range(n(780)):
        party = rng.choices(("POL", "KMAR", "ISZW"), weights=(6, 2, 2))[0]
        phen = rng.choice(tuple(SIGNAL_TEXTS))
        sig = w.signal(party, phen, w.day(), rng.choice(SIGNAL_TEXTS[phen]),
                       region=rng.choice(("Amsterdam", "Rotterdam", "Den Haag", "Oost-Brabant", "Limburg", "Noord-Nederland")))  # fmt: skip
        people = [_ordinary(w) for _ in range(rng.randint(1, 4))]
        addr = w.address()
        for i, p in enumerate(people):
            w.involve(sig, p, ("reporter", "involved", "involved", "witness")[i])
            home(w, party, p, addr if i and rng.random() < 0.5 else w.address(), ctx=sig)
            if rng.random() < 0.7:
                ph = phone_of(w, party, p, w.phone("NL"), ctx=sig)
                w.contacts.append((p, ph))
            if rng.random() < 0.2:
                account_of(w, party, p, w.account(), ctx=sig)
            if rng.random() < 0.15:
                car = w.vehicle("NL")
                w.fact(party, "OWNS_VEHICLE", p, car, ctx=sig)
        w.involve(sig, addr, "involved")
        if len(people) > 1 and rng.random() < 0.4:
            w.fact(party, "FAMILY_OF", people[0], people[1], ctx=sig,
                   relation=rng.choice(("partner", "broer", "zus", "moeder", "zoon")))  # fmt: skip
        if party == "POL" and phen == "sexual" and rng.random() < 0.5:
            sw = people[-1]
            ad = w.ad(rng.choice(("kinky.nl", "sexjobs.nl", "redlights.nl")), "sex",
                      sig.props["reported_at"], "Zelfstandige dame ontvangt")  # fmt: skip
            w.fact("POL", "ADVERTISES", ad, sw, ctx=sig)
            if w.phones.get(sw.key):
                w.fact("POL", "ADVERTISED_WITH", ad, w.phones[sw.key], ctx=sig)
    # hotel register stays
    for _ in range(n(1300)):
        p = _ordinary(w)
        d = w.day()
        w.fact("POL", "STAYED_AT", p, w.hotels[rng.randrange(len(w.hotels))], when=d, date=d,
               nights=rng.randint(1, 7))  # fmt: skip
        if rng.random() < 0.25:
            ph = phone_of(w, "POL", p, w.phone("NL" if p.nat == "NL" else "DE"), when=d)
            w.contacts.append((p, ph))
    # family trips through airports and road posts (KMAR)
    for _ in range(n(600)):
        nat = _nat(w)
        fam = [_ordinary(w, nat, (30, 60))]
        for _ in range(rng.randint(0, 3)):
            fam.append(w.relative(fam[0], "kind"))
        d = w.day()
        post = rng.choice(POSTS_AIR + POSTS_ROAD[:2])
        for p in fam:
            w.cross("KMAR", p, post, d, rng.choice(("in", "out")))
        for p in fam[1:]:
            w.fact("KMAR", "TRAVELLED_WITH", fam[0], p, when=d, date=d)
        if post in POSTS_ROAD:
            car = w.vehicle("NL")
            w.cross("KMAR", car, post, d, "in")
            for p in fam:
                w.fact("KMAR", "PASSENGER_IN", p, car, when=d, date=d)
    # IND files of foreign residents: document, address, permit, sponsor employer, family
    for _ in range(n(640)):
        p = _ordinary(w, rng.choice(BG_NATS[14:]), (20, 60))
        addr = w.address()
        sponsor = w.employers[rng.randrange(len(w.employers))] if rng.random() < 0.35 else None
        ind_file(w, p, addr=addr, permit=rng.random() < 0.7, sponsor=sponsor)
        if rng.random() < 0.4:
            q = w.relative(p, "partner")
            w.fact(
                "IND",
                "FAMILY_OF",
                p,
                q,
                when=w.day(),
                relation=rng.choice(("echtgenoot", "kind", "partner")),
            )
            home(w, "IND", q, addr, registered=True, when=w.day())
        if sponsor is not None:
            w.fact("IND", "HAS_DOCUMENT", p, w.document(p, "visa", "NL"), when=w.day())
    # asylum seekers in reception centres
    for _ in range(n(380)):
        p = w.person(rng.choice(ASYLUM_NATS), None, (16, 50), undocumented=rng.random() < 0.4)
        ind_file(w, p, doc=rng.choice(("passport", "id_card")), reception=True)
        if rng.random() < 0.3:
            w.cross("KMAR", p, "Schiphol", w.day(), "in")
    # labour inspections of ordinary employers with fair wages
    for _ in range(n(55)):
        emp = w.employers[rng.randrange(len(w.employers))]
        insp = w.signal("ISZW", "labour", w.day(), "Reguliere inspectie; geen overtredingen.",
                        sector=emp.props["sector"])  # fmt: skip
        w.involve(insp, emp, "employer")
        for _ in range(rng.randint(4, 14)):
            p = _ordinary(w, rng.choice(("NL", "NL", "PL", "RO", "TR", "MA", "BG")), (18, 64))
            w.fact(
                "ISZW",
                "EMPLOYED_BY",
                p,
                emp,
                ctx=insp,
                since=w.day(),
                wage=round(rng.uniform(14.2, 24), 2),
            )
            if rng.random() < 0.3:
                home(w, "ISZW", p, w.address(), ctx=insp)
    # dropped investigations: suspects, their calls, a meeting, payments
    for _ in range(n(60)):
        inv = w.investigation("POL", rng.choice(("criminal", "sexual", "labour", "smuggling")),
                              w.day(dt.date(2024, 1, 8), dt.date(2026, 6, 1)),
                              f"Sepot{rng.randint(100, 999)}", status="geseponeerd")  # fmt: skip
        people = [_ordinary(w) for _ in range(rng.randint(3, 8))]
        phones = []
        for p in people:
            w.involve(inv, p, rng.choice(("suspect", "involved", "witness")))
            phones.append(phone_of(w, "POL", p, w.phone("NL"), ctx=inv))
            home(w, "POL", p, w.address(), ctx=inv)
            if rng.random() < 0.4:
                w.contacts.append((p, phones[-1]))
        for _ in range(rng.randint(6, 20)):
            a, b = rng.sample(phones, 2)
            w.call("POL", a, b, ctx=inv)
        for _ in range(rng.randint(2, 8)):
            _, other = w.contacts[rng.randrange(len(w.contacts))]
            w.call("POL", rng.choice(phones), other, ctx=inv)
        pa, pb = rng.sample(people, 2)
        w.fact("POL", "MET", pa, pb, ctx=inv, date=w.later(inv.props["started_at"], 1, 90),
               kind=rng.choice(("observatie", "ontmoeting")), weight=rng.randint(1, 4))  # fmt: skip
        accs = [account_of(w, "POL", p, w.account(), ctx=inv) for p in people[:3]]
        for _ in range(rng.randint(1, 5)):
            x, y = rng.sample(accs, 2)
            w.pay(
                "POL",
                x,
                y,
                rng.randint(20, 900),
                w.later(inv.props["started_at"], 1, 200),
                "terugbetaling",
                ctx=inv,
            )
        if rng.random() < 0.6:
            w.om_involve(inv, people[0], "suspect")
    # ordinary calls between contacts (call records of dropped cases)
    for _ in range(n(300)):
        (_, a), (_, b) = rng.sample(w.contacts, 2)
        w.call("POL", a, b)


def lookalikes(w: World) -> None:
    """Different persons who look alike: homonyms, father and son, twins, two migrants."""
    rng = w.rng

    def seen(p: Person) -> None:
        sig = w.signal("POL", "unknown", w.day(), "Persoon gehoord als getuige; geen vervolg.")
        w.involve(sig, p, "witness")
        home(w, "POL", p, w.address(), ctx=sig)

    for _ in range(10):
        a = _ordinary(w, "NL", (25, 70))
        b = w.person("NL", a.gender, (25, 70), surname=a.surname)
        b.given = a.given
        seen(a)
        seen(b)
        w.truth.not_same.append((a, b, "homonym: same name, other birth date"))
    for _ in range(4):
        father = _ordinary(w, rng.choice(("NL", "MA", "TR")), (50, 70))
        father.gender = "M"
        son = w.person(father.nat, "M", (20, 30), surname=father.surname)
        son.given = father.given
        addr = w.address()
        sig = w.signal("POL", "unknown", w.day(), "Burenruzie; beide bewoners gehoord.")
        for p in (father, son):
            w.involve(sig, p, "involved")
            home(w, "POL", p, addr, ctx=sig)
        w.fact("POL", "FAMILY_OF", father, son, ctx=sig, relation="zoon")
        w.truth.not_same.append((father, son, "father and son: one name, one address"))
    for _ in range(5):
        a = _ordinary(w, "NL", (18, 40))
        b = w.person("NL", None, (18, 40), surname=a.surname)
        b.birth = a.birth
        if b.given == a.given:
            b.given = ("Jesse",) if a.given != ("Jesse",) else ("Robin",)
        addr = w.address()
        sig = w.signal("POL", "unknown", w.day(), "Verkeersongeval; twee inzittenden gehoord.")
        for p in (a, b):
            w.involve(sig, p, "witness")
            home(w, "POL", p, addr, ctx=sig)
        w.truth.not_same.append((a, b, "twins: same surname, birth date and address"))
    for _ in range(4):
        a = w.person("ER", "M", (18, 30), undocumented=True)
        b = w.person("ER", "M", (18, 30), surname=a.surname, undocumented=True)
        b.given = a.given
        b.birth = a.birth.replace(month=1 + (a.birth.month + 4) % 12, day=min(a.birth.day, 28))
        for p in (a, b):
            ind_file(w, p, reception=True, doc="id_card")
        w.truth.not_same.append(
            (a, b, "two Eritrean migrants, one name and birth year, registered on 1 January")
        )


# ---------------------------------------------------------------------------------------------
# decoys
# ---------------------------------------------------------------------------------------------


def _went_nowhere(w: World, party: str, phen: str, when: dt.date, text: str) -> Ent:
    return w.signal(party, phen, when, text + " Geen aanwijzingen voor uitbuiting.")


def decoys(w: World, scale: float) -> list[Cast]:
    rng = w.rng
    out: list[Cast] = []

    def cast(kind: str, looks: str, notes: str) -> Cast:
        c = Cast(w, f"D5-{len(out) + 1:02d}", looks, kind)
        c.notes = notes
        out.append(c)
        return c

    # 1. a large employment agency, fairly paid, certified housing, vans
    c = cast("large_employment_agency", "labour", "big agency, fair wages, certified houses")
    boss = c.new("director", "NL", "M", (40, 60))
    ag = w.company("Randstaed Flexwerk B.V.", "uitzendbureau")
    w.fact("ISZW", "DIRECTOR_OF", boss, ag, when=c.start)
    sig = _went_nowhere(w, "ISZW", "labour", c.start, "Veel arbeidsmigranten op weinig adressen.")
    w.involve(sig, ag, "employer")
    houses = [w.address(kind="woning") for _ in range(10)]
    vans = [w.vehicle("NL", "van") for _ in range(3)]
    for v in vans:
        w.fact("ISZW", "OWNS_VEHICLE", ag, v, ctx=sig)
    ag_acc = account_of(w, "ISZW", ag, w.account(), ctx=sig)
    for _ in range(40):
        p = c.new("worker", rng.choice(("PL", "RO", "BG", "LT", "PL")), None, (19, 55))
        w.fact(
            "ISZW",
            "EMPLOYED_BY",
            p,
            ag,
            ctx=sig,
            since=c.when(),
            wage=round(rng.uniform(14.5, 17), 2),
        )
        w.fact("ISZW", "LIVES_AT", p, rng.choice(houses), ctx=sig)
        if rng.random() < 0.3:
            w.fact("ISZW", "PASSENGER_IN", p, rng.choice(vans), ctx=sig, date=c.when())
        if rng.random() < 0.3:
            acc = account_of(w, "ISZW", p, w.account(), ctx=sig)
            w.pay("ISZW", ag_acc, acc, rng.randint(1900, 2600), c.when(), "salaris", ctx=sig)
    # 2. a conference hotel: one firm pays the rooms of many young women (a dance company)
    c = cast("conference_hotel", "sexual", "a touring dance company; the producer pays the rooms")
    prod = c.new("producer", "NL", "F", (35, 55))
    hotel = w.hotels[0]
    firm = w.company("Danscompagnie Noord", "cultuur")
    acc = account_of(w, "POL", firm, w.account(), when=c.start)
    w.fact("POL", "DIRECTOR_OF", prod, firm, when=c.start)
    sig = _went_nowhere(
        w,
        "POL",
        "sexual",
        c.when(),
        "Hotel meldt veel jonge vrouwen, kamers door één bedrijf betaald.",
    )
    w.involve(sig, prod, "involved")
    for _ in range(18):
        d = c.new("dancer", rng.choice(("UA", "PL", "BR", "NL", "HU")), "F", (19, 30))
        day = c.when()
        w.fact("POL", "STAYED_AT", d, hotel, ctx=sig, date=day, nights=rng.randint(2, 6))
        w.fact(
            "POL",
            "PAID_FOR",
            acc,
            d,
            ctx=sig,
            amount=rng.randint(180, 600),
            date=day,
            purpose="kamer",
        )
        w.involve(sig, d, "involved")
    # 3. a church shelter for undocumented migrants
    c = cast(
        "church_shelter",
        "smuggling",
        "a church shelters undocumented migrants and pays their travel",
    )
    pastor = c.new("pastor", "NG", "M", (45, 65), resident=True)
    church = w.address(kind="kerk")
    p_ph = phone_of(w, "POL", pastor, w.phone("NL"), when=c.start)
    sig = _went_nowhere(
        w, "POL", "smuggling", c.when(), "Veel onbekende personen verblijven in kerkgebouw."
    )
    w.involve(sig, pastor, "involved")
    ch_acc = account_of(w, "POL", pastor, w.account(), ctx=sig)
    for _ in range(16):
        m = c.new("guest", rng.choice(("NG", "ER", "SY", "AF")), None, (18, 50), undocumented=True)
        w.fact("POL", "LIVES_AT", m, church, ctx=sig)
        w.involve(sig, m, "involved")
        ph = phone_of(w, "POL", m, w.phone("NL"), ctx=sig)
        w.call("POL", ph, p_ph, ctx=sig)
        if rng.random() < 0.5:
            w.fact(
                "POL",
                "PAID_FOR",
                ch_acc,
                m,
                ctx=sig,
                amount=rng.randint(20, 90),
                date=c.when(),
                purpose="reis",
            )
        if rng.random() < 0.5:
            ind_file(w, m, reception=rng.random() < 0.5, doc="id_card")
    # 4. a taxi firm driving travellers across the border to German airports
    c = cast("taxi_firm", "smuggling", "airport taxis cross into Germany with passengers")
    owner = c.new("owner", "TR", "M", (40, 60), resident=True)
    taxi = w.company("Taxi Centrale Oost", "personenvervoer")
    w.fact("KMAR", "DIRECTOR_OF", owner, taxi, when=c.start)
    cars = [w.vehicle("NL") for _ in range(6)]
    for car in cars:
        w.fact("KMAR", "OWNS_VEHICLE", taxi, car, when=c.start)
    for _ in range(10):
        drv = c.new("driver", rng.choice(("NL", "TR", "MA", "SY")), "M", (25, 60), resident=True)
        car = rng.choice(cars)
        w.fact("KMAR", "DRIVES", drv, car, when=c.when(), date=c.when())
        for _ in range(rng.randint(2, 5)):
            day = c.when()
            w.cross("KMAR", car, rng.choice(("A12 Zevenaar", "A67 Venlo")), day, "out")
            pax = _ordinary(w)
            w.fact("KMAR", "PASSENGER_IN", pax, car, when=day, date=day)
    # 5. a student-housing landlord
    c = cast(
        "student_housing_landlord", "sexual", "international students rent rooms from one landlord"
    )
    ll = c.new("landlord", "NL", "M", (45, 70))
    ll_acc = w.account()
    sig = _went_nowhere(
        w, "POL", "sexual", c.when(), "Veel jonge vrouwen op één adres; huur naar één persoon."
    )
    account_of(w, "POL", ll, ll_acc, ctx=sig)
    w.involve(sig, ll, "involved")
    rooms = [w.address("Groningen", kind="studentenhuis") for _ in range(3)]
    for r in rooms:
        w.fact("POL", "LANDLORD_OF", ll, r, ctx=sig)
    for _ in range(15):
        s = c.new("student", rng.choice(("DE", "CN", "IN", "RO", "NL")), "F", (18, 25))
        r = rng.choice(rooms)
        w.fact("POL", "LIVES_AT", s, r, ctx=sig)
        sacc = account_of(w, "POL", s, w.account(), ctx=sig)
        w.fact(
            "POL",
            "PAID_FOR",
            sacc,
            r,
            ctx=sig,
            amount=rng.randint(420, 650),
            date=c.when(),
            purpose="huur",
        )
    # 6. a family bakery: relatives work and live above it
    c = cast("family_bakery", "labour", "a Turkish family bakery; relatives on normal wages")
    head = c.new("owner", "TR", "M", (45, 65), resident=True)
    bak = w.company(f"Bakkerij {head.surname}", "horeca")
    shop = w.address(kind="bedrijfspand")
    above = w.ent("Address", **{**shop.props, "addition": "A", "kind": "woning"})
    w.fact("ISZW", "DIRECTOR_OF", head, bak, when=c.start)
    sig = _went_nowhere(
        w, "ISZW", "labour", c.when(), "Familieleden werken lange dagen in bakkerij."
    )
    w.involve(sig, bak, "employer")
    for _ in range(8):
        rel = w.relative(head, "familie")
        c.add(rel, "relative_worker")
        w.fact(
            "ISZW",
            "FAMILY_OF",
            head,
            rel,
            ctx=sig,
            relation=rng.choice(("zoon", "dochter", "neef", "broer")),
        )
        w.fact(
            "ISZW",
            "EMPLOYED_BY",
            rel,
            bak,
            ctx=sig,
            since=c.start,
            wage=round(rng.uniform(14.3, 18), 2),
        )
        if rng.random() < 0.5:
            w.fact("ISZW", "LIVES_AT", rel, above, ctx=sig)
    # 7. a ferry haulier: company lorries cross at the Hook of Holland every week
    c = cast(
        "ferry_haulier", "smuggling", "a haulier's lorries cross at the Hook of Holland weekly"
    )
    hb = c.new("owner", "NL", "M", (40, 60))
    hauler = w.company("Transport Maasmond B.V.", "logistiek")
    w.fact("KMAR", "DIRECTOR_OF", hb, hauler, when=c.start)
    for _ in range(10):
        drv = c.new("driver", rng.choice(("NL", "PL", "LT", "NL")), "M", (28, 60))
        lorry = w.vehicle("NL", "lorry")
        w.fact("KMAR", "OWNS_VEHICLE", hauler, lorry, when=c.start)
        w.fact("KMAR", "DRIVES", drv, lorry, when=c.when(), date=c.when())
        for _ in range(rng.randint(3, 7)):
            day = c.when()
            w.cross("KMAR", lorry, "Hoek van Holland", day, rng.choice(("in", "out")))
            w.cross("KMAR", drv, "Hoek van Holland", day, "out")
    # 8. a youth football club: minors in a group chat, the coach pays and drives
    c = cast("youth_football_club", "criminal", "a coach, minors in a team chat, tournament trips")
    coach = c.new("coach", "NL", "M", (30, 55))
    grp = w.group("JO17-1 teamapp", "chatgroep")
    van = w.vehicle("NL", "van")
    sig = _went_nowhere(
        w, "POL", "criminal", c.when(), "Volwassen man rijdt vaak met groep minderjarigen."
    )
    w.involve(sig, coach, "involved")
    w.fact("POL", "DRIVES", coach, van, ctx=sig, date=c.when())
    c_ph = phone_of(w, "POL", coach, w.phone("NL"), ctx=sig)
    c_acc = account_of(w, "POL", coach, w.account(), ctx=sig)
    w.fact("POL", "MEMBER_OF", coach, grp, ctx=sig, since=c.start, position="trainer")
    for _ in range(15):
        k = c.new("player", rng.choice(("NL", "NL", "MA", "SR", "TR")), "M", (15, 17))
        w.fact("POL", "MEMBER_OF", k, grp, ctx=sig, since=c.start, position="speler")
        if rng.random() < 0.5:
            ph = phone_of(w, "POL", k, w.phone("NL"), ctx=sig)
            w.call("POL", ph, c_ph, ctx=sig)
        if rng.random() < 0.4:
            w.fact("POL", "PASSENGER_IN", k, van, ctx=sig, date=c.when())
        if rng.random() < 0.3:
            kacc = account_of(w, "POL", k, w.account(), ctx=sig)
            w.pay("POL", kacc, c_acc, rng.choice((15, 25, 40)), c.when(), "toernooi", ctx=sig)
    # 9. a licensed escort agency: one booking line, own ads, money flows to the escorts
    c = cast("licensed_escort_agency", "sexual", "licensed agency; escorts are paid their share")
    own = c.new("owner", "NL", "F", (35, 55))
    agency = w.company("Velvet Escort (vergund)", "escort")
    w.fact("POL", "DIRECTOR_OF", own, agency, when=c.start)
    line = phone_of(w, "POL", agency, w.phone("NL"), when=c.start)
    a_acc = account_of(w, "POL", agency, w.account(), when=c.start)
    sig = _went_nowhere(
        w, "POL", "sexual", c.when(), "Controle vergunde escort; administratie op orde."
    )
    w.involve(sig, agency, "involved")
    for _ in range(9):
        e = c.new("escort", rng.choice(("NL", "NL", "DE", "CO")), "F", (22, 40), working_name=True)
        ad = w.ad("kinky.nl", "sex", c.when(), f"{e.working_name} via Velvet")
        w.fact("POL", "ADVERTISES", ad, e, ctx=sig)
        w.fact("POL", "ADVERTISED_WITH", ad, line, ctx=sig)
        w.fact(
            "POL",
            "PAID_FOR",
            a_acc,
            ad,
            ctx=sig,
            amount=60,
            date=ad.props["posted_at"],
            purpose="advertentie",
        )
        eacc = account_of(w, "POL", e, w.account(), ctx=sig)
        for day in sorted(c.when() for _ in range(3)):
            w.pay("POL", a_acc, eacc, rng.randint(900, 2400), day, "uitbetaling", ctx=sig)
        w.involve(sig, e, "involved")
    # 10. a campsite with legal seasonal workers
    c = cast("seasonal_campsite_legit", "labour", "certified campsite housing for seasonal pickers")
    farmer = c.new("grower", "NL", "M", (40, 65))
    farm = w.company(f"Fruitteelt {farmer.surname}", "land- en tuinbouw")
    camp = w.address("Ophemert", kind="camping")
    w.fact("ISZW", "DIRECTOR_OF", farmer, farm, when=c.start)
    w.fact("ISZW", "LANDLORD_OF", farmer, camp, when=c.start)
    sig = _went_nowhere(
        w, "ISZW", "labour", c.when(), "Seizoenwerkers in caravans op bedrijfsterrein."
    )
    w.involve(sig, farm, "employer")
    for _ in range(22):
        p = c.new("seasonal_worker", rng.choice(("PL", "RO", "BG")), None, (19, 60))
        w.fact(
            "ISZW",
            "EMPLOYED_BY",
            p,
            farm,
            ctx=sig,
            since=c.when(),
            wage=round(rng.uniform(14.2, 16), 2),
        )
        w.fact("ISZW", "LIVES_AT", p, camp, ctx=sig)
    # 11. an accredited international school with student permits
    c = cast("international_school", "smuggling", "accredited school; students attend and pay fees")
    dean = c.new("director", "GB", "M", (45, 65), resident=True)
    school = w.company("Hague International Academy", "onderwijs")
    s_addr = w.address("Den Haag", kind="bedrijfspand")
    w.fact("IND", "DIRECTOR_OF", dean, school, when=c.start)
    s_acc = w.account()
    for _ in range(20):
        s = c.new("student", rng.choice(("IN", "CN", "NG", "PK", "BR")), None, (18, 25))
        ind_file(w, s, addr=s_addr if rng.random() < 0.3 else w.address(), permit=True,
                 sponsor=school, when=c.when())  # fmt: skip
        if rng.random() < 0.5:
            w.cross("KMAR", s, "Schiphol", c.when(), "in")
        if rng.random() < 0.4:
            sacc = account_of(w, "KMAR", s, w.account(), when=c.when())
            w.pay("KMAR", sacc, s_acc, rng.choice((8000, 12000)), c.when(), "tuition")
    # 12. a phone shop that registered many prepaid numbers
    c = cast("phone_shop", "sexual", "a phone shop registered as user of the prepaid SIMs it sold")
    shopkeeper = c.new("shopkeeper", rng.choice(("MA", "TR", "SY")), "M", (28, 55), resident=True)
    shop_c = w.company("GSM Point", "telecom")
    w.fact("POL", "DIRECTOR_OF", shopkeeper, shop_c, when=c.start)
    sig = _went_nowhere(
        w, "POL", "sexual", c.when(), "Veel prepaid nummers op naam van één winkel."
    )
    w.involve(sig, shop_c, "involved")
    for _ in range(14):
        ph = phone_of(w, "POL", shop_c, w.phone("NL"), ctx=sig)
        cust = c.new("customer", _nat(w), None, (18, 70))
        phone_of(w, "POL", cust, ph, ctx=sig)
    keep = max(3, round(12 * min(scale * 2, 1.0)))
    if keep < len(out):
        # below scale 0.5 fewer decoys; their persons become ordinary background
        for c in out[keep:]:
            for p in c.members:
                p.label = "background"
        out = out[:keep]
    return out
