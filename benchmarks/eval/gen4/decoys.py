"""Decoys: benign look-alikes of the planted networks. Nobody in them is exploited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .kit import Kit, wage_fair
from .world import Net, World


def logistics_border(w: World, net: Net) -> None:
    """A haulier whose drivers cross the border every day with company lorries."""
    k = Kit(w, net, "unknown", (24, 40))
    rng = w.rng
    boss = net.add(w.person("NL", gender="M", age=(45, 65)), "director")
    co = w.company(w.company_name("Transport B.V."), "wegtransport")
    w.fact("ISZW", "DIRECTOR_OF", boss, co, k.d())
    ac_co = k.acct("ISZW", co)
    for _ in range(rng.randint(10, 22)):
        d_ = net.add(
            w.person(
                rng.choice(["PL", "RO", "NL", "LT", "HU"]), gender="M", age=(25, 60), bsn=True
            ),
            "driver",
        )
        k.employ("ISZW", d_, co, wage_fair(w), extract="insp:" + net.id)
        truck = w.vehicle()
        w.fact("ISZW", "OWNS_VEHICLE", co, truck, k.d())
        w.fact("KMAR", "DRIVES", d_, truck, k.d(), date=k.d())
        for _ in range(rng.randint(3, 8)):
            k.cross("KMAR", truck, rng.choice(["Hazeldonk A16", "Venlo A67", "Oldenzaal A1", "Europoort", "Hoek van Holland"]),
                    k.d(), rng.choice(["in", "out"]))  # fmt: skip
        ac = k.acct("ISZW", d_)
        w.pay("ISZW", ac_co, ac, rng.uniform(2600, 3400), k.d(), "salaris")
        k.lives("ISZW", d_, w.address())
    k.signal(
        "KMAR",
        "Vrachtwagen met Poolse chauffeur gecontroleerd; geen bijzonderheden.",
        [(boss, "involved")],
    )


def certified_agency(w: World, net: Net) -> None:
    """A certified employment agency: many workers per house, all properly paid and registered."""
    k = Kit(w, net, "labour", (24, 40))
    rng = w.rng
    boss = net.add(w.person("NL", age=(40, 60)), "director")
    co = w.company(w.company_name("Uitzendgroep B.V."), "uitzendbureau")
    w.fact("ISZW", "DIRECTOR_OF", boss, co, k.d())
    houses = [
        w.address(rng.choice(["Venlo", "Waalwijk", "Tilburg"])) for _ in range(rng.randint(3, 6))
    ]
    for h in houses:
        w.fact("ISZW", "LANDLORD_OF", co, h, k.d())
    van = w.vehicle()
    w.fact("ISZW", "OWNS_VEHICLE", co, van, k.d())
    ac_co = k.acct("ISZW", co)
    for _ in range(rng.randint(20, 45)):
        p = net.add(
            w.person(rng.choice(["PL", "RO", "UA", "BG"]), age=(20, 55), bsn=True), "worker"
        )
        k.employ("ISZW", p, co, wage_fair(w), extract="insp:" + net.id)
        k.lives("ISZW", p, rng.choice(houses), extract="insp:" + net.id)
        if rng.random() < 0.3:
            w.fact("ISZW", "PASSENGER_IN", p, van, k.d(), date=k.d())
        if rng.random() < 0.4:
            w.pay("ISZW", ac_co, k.acct("ISZW", p), rng.uniform(2100, 2700), k.d(), "loon")
    k.signal("ISZW", "Melding over veel arbeidsmigranten in één woning; na controle in orde (gecertificeerde huisvesting).",
             [(houses[0], "involved"), (co, "werkgever")], sector="logistiek")  # fmt: skip


def student_house(w: World, net: Net) -> None:
    """Students sharing a house; each pays rent to the same landlord."""
    k = Kit(w, net, "unknown")
    rng = w.rng
    landlord = net.add(w.person("NL", age=(45, 70)), "landlord")
    house = w.address(rng.choice(["Groningen", "Utrecht", "Leiden", "Nijmegen", "Enschede"]))
    w.fact("POL", "LANDLORD_OF", landlord, house, k.d())
    k.acct("POL", landlord)
    ph_l = k.phone("POL", landlord)
    for _ in range(rng.randint(6, 11)):
        s = net.add(
            w.person(rng.choice(["NL", "NL", "NL", "CN", "IN", "BR"]), age=(18, 25)), "student"
        )
        k.lives("POL", s, house, registered=True)
        ac = k.acct("POL", s)
        for t in w.months(k.t0, k.t1, 90):
            w.fact(
                "POL",
                "PAID_FOR",
                ac,
                house,
                t,
                amount=rng.uniform(380, 620),
                date=t,
                purpose="huur",
            )
        k.calls(k.phone("POL", s), ph_l, 1, extract=False)
        if s.origin != "NL":
            w.fact("IND", "HAS_DOCUMENT", s, w.document(s, "residence_permit", "NL"), k.d())
            w.fact("IND", "LIVES_AT", s, house, k.d())
    k.signal(
        "POL",
        "Buurtbewoner meldt steeds wisselende jonge bewoners; studentenhuis.",
        [(house, "involved")],
    )


def big_family(w: World, net: Net) -> None:
    """A large family at one address that travels together each summer."""
    k = Kit(w, net, "unknown", (30, 44))
    rng = w.rng
    origin = rng.choice(["SY", "MA", "TR", "AF", "ER"])
    father = net.add(w.person(origin, gender="M", age=(42, 58), bsn=True), "parent")
    mother = net.add(
        w.person(origin, gender="F", age=(38, 52), bsn=True, surname=father.surname), "parent"
    )
    home = w.address()
    for p in (father, mother):
        w.fact("IND", "LIVES_AT", p, home, k.d())
    w.kin("IND", father, mother, "echtgenote", k.d())
    kids = [
        net.add(w.person(origin, age=(4, 24), bsn=True, surname=father.surname), "child")
        for _ in range(rng.randint(5, 9))
    ]
    gran = net.add(w.person(origin, gender="F", age=(70, 85), bsn=True), "grandparent")
    w.kin("IND", gran, mother, "moeder", k.d())
    w.fact("IND", "LIVES_AT", gran, home, k.d())
    for c in kids:
        w.fact("IND", "LIVES_AT", c, home, k.d())
        w.kin("IND", father, c, "kind", k.d())
    for year in (2023, 2024, 2025, 2026):
        t = w.date_between(dt.date(year, 7, 1), dt.date(year, 8, 15))
        for p in [father, mother, *kids[:4]]:
            k.cross("KMAR", p, "Schiphol", t, "out")
            if p is not father:
                w.fact("KMAR", "TRAVELLED_WITH", p, father, t, date=t)


def hotel_guests(w: World, net: Net) -> None:
    """A conference hotel: many guests, one firm pays the rooms for its staff."""
    k = Kit(w, net, "unknown")
    rng = w.rng
    hotel = rng.choice(w.hotels)
    firm = w.company(w.company_name(), "ICT")
    ac = k.acct("POL", firm)
    for _ in range(rng.randint(15, 30)):
        g = net.add(
            w.person(rng.choice(["NL", "NL", "PL", "IN", "CN", "BR"]), age=(22, 62)), "guest"
        )
        t = k.d()
        k.stay("POL", g, hotel, t, nights=rng.randint(1, 4))
        w.fact("POL", "PAID_FOR", ac, g, t, amount=rng.uniform(120, 480), date=t, purpose="kamer")
        if rng.random() < 0.2:
            k.employ("ISZW", g, firm, wage_fair(w) + 10)
    k.signal(
        "POL", "Hotelregister: veel gasten op rekening van één bedrijf.", [(hotel, "involved")]
    )


def church_shelter(w: World, net: Net) -> None:
    """A church that shelters undocumented migrants, pays their travel to appointments and
    whose pastor's phone everyone calls."""
    k = Kit(w, net, "unknown", (24, 44))
    rng = w.rng
    pastor = net.add(
        w.person(rng.choice(["NG", "NG", "ER"]), gender="M", age=(40, 65), bsn=True), "pastor"
    )
    church = w.company(
        "Stichting " + w.names._faker["NL"].last_name() + " Gemeente", "kerkgenootschap"
    )
    w.fact("POL", "DIRECTOR_OF", pastor, church, k.d())
    hall = w.address(rng.choice(["Amsterdam", "Den Haag", "Rotterdam"]), kind="kerk")
    w.fact("POL", "REGISTERED_AT", church, hall, k.d())
    ph = k.phone("POL", pastor)
    ac = k.acct("POL", church)
    for _ in range(rng.randint(10, 24)):
        m = net.add(
            w.person(rng.choice(["NG", "ER", "ET", "ER"]), age=(18, 55), bsn=False, migrant=True),
            "sheltered",
        )
        if rng.random() < 0.5:
            k.lives("POL", m, hall)
        k.calls(k.phone("POL", m), ph, 2, extract=False)
        w.fact(
            "POL", "PAID_FOR", ac, m, k.d(), amount=rng.uniform(20, 90), date=k.d(), purpose="reis"
        )
        if rng.random() < 0.5:
            k.ind_arrival(m, when=k.d())
    k.signal("POL", "Signaal: meerdere personen zonder verblijfsstatus overnachten in kerkgebouw; opvang door vrijwilligers.",
             [(hall, "involved"), (pastor, "involved")])  # fmt: skip


def money_transfer_shop(w: World, net: Net) -> None:
    """A licensed money-transfer shop: many small payments in, transfers abroad."""
    k = Kit(w, net, "unknown", (30, 44))
    rng = w.rng
    owner = net.add(
        w.person(rng.choice(["SY", "MA", "ER", "AF"]), gender="M", age=(35, 60), bsn=True),
        "shop_owner",
    )
    shop = w.company(w.company_name("Money Transfer"), "geldtransactiekantoor")
    w.fact("POL", "DIRECTOR_OF", owner, shop, k.d())
    ac = k.acct("POL", shop)
    abroad = [w.account(c) for c in ("DE", "GB", "BE")]
    for _ in range(rng.randint(15, 30)):
        c = net.add(w.person(owner.origin, age=(20, 60), bsn=True), "customer")
        ac_c = k.acct("POL", c)
        for _ in range(rng.randint(1, 3)):
            w.pay("POL", ac_c, ac, rng.uniform(50, 400), k.d(), "overmaking familie")
    for _ in range(rng.randint(8, 15)):
        w.pay("POL", ac, rng.choice(abroad), rng.uniform(3000, 12000), k.d(), "clearing")
    k.signal(
        "POL",
        "Ongebruikelijke transactie gemeld door bank; betreft vergund geldtransactiekantoor.",
        [(shop, "involved")],
    )


def au_pair_legit(w: World, net: Net) -> None:
    """A recognised au pair agency whose families keep to the rules."""
    k = Kit(w, net, "labour", (24, 40))
    rng = w.rng
    boss = net.add(w.person("NL", gender="F", age=(40, 60)), "agency_owner")
    ag = w.company(w.company_name("Au Pair International"), "au-pairbemiddeling")
    w.fact("IND", "DIRECTOR_OF", boss, ag, k.d())
    ac_ag = k.acct("IND", ag)
    for _ in range(rng.randint(5, 10)):
        host = net.add(w.person("NL", age=(33, 50)), "host_parent")
        home = w.address()
        w.fact("IND", "LIVES_AT", host, home, k.d())
        a = net.add(
            w.person(rng.choice(["PH", "CO", "BR", "UA"]), gender="F", age=(18, 28), bsn=True),
            "au_pair",
        )
        w.fact("IND", "LIVES_AT", a, home, k.d())
        w.fact("IND", "HAS_DOCUMENT", a, w.document(a, "residence_permit", "NL"), k.d())
        w.pay("IND", k.acct("IND", host), ac_ag, rng.uniform(1200, 2000), k.d(), "bemiddelingsfee")
        k.cross("KMAR", a, "Schiphol", k.d())


def seasonal_greenhouse(w: World, net: Net) -> None:
    """A Westland grower with seasonal workers in a certified accommodation park."""
    k = Kit(w, net, "labour", (24, 40))
    rng = w.rng
    boss = net.add(w.person("NL", gender="M", age=(40, 65)), "grower")
    co = w.company(w.company_name("Kwekerij"), "glastuinbouw")
    w.fact("ISZW", "DIRECTOR_OF", boss, co, k.d())
    park = w.address("Westland", kind="logiesgebouw")
    w.fact("ISZW", "LANDLORD_OF", co, park, k.d())
    for _ in range(rng.randint(20, 50)):
        p = net.add(
            w.person(rng.choice(["PL", "RO", "BG", "LT"]), age=(19, 60), bsn=True),
            "seasonal_worker",
        )
        k.employ("ISZW", p, co, wage_fair(w), extract="insp:" + net.id)
        k.lives("ISZW", p, park, extract="insp:" + net.id)
        if rng.random() < 0.2:
            k.cross("KMAR", p, "Eindhoven Airport", k.d())
    k.signal(
        "ISZW",
        "Signaal over huisvesting seizoenarbeiders; inspectie: voldoet aan norm.",
        [(park, "involved")],
        sector="glastuinbouw",
    )


def nail_bar_family(w: World, net: Net) -> None:
    """A Vietnamese family's nail bar: relatives work there on normal wages and live above it."""
    k = Kit(w, net, "labour", (24, 44))
    rng = w.rng
    boss = net.add(w.person("VN", gender="F", age=(38, 55), bsn=True), "owner")
    co = w.company(w.company_name("Nails"), "nagelstudio")
    w.fact("ISZW", "DIRECTOR_OF", boss, co, k.d())
    shop = w.address(kind="winkel")
    w.fact("ISZW", "REGISTERED_AT", co, shop, k.d())
    for _ in range(rng.randint(4, 8)):
        r = net.add(
            w.person(
                "VN", age=(19, 50), bsn=True, surname=boss.surname if rng.random() < 0.6 else None
            ),
            "relative",
        )
        w.kin("IND", boss, r, rng.choice(["zus", "nicht", "dochter", "neef"]), k.d())
        k.employ("ISZW", r, co, wage_fair(w))
        k.lives("ISZW", r, shop)
    k.signal(
        "ISZW",
        "Nagelstudio gecontroleerd na anonieme tip; arbeidsvoorwaarden in orde.",
        [(co, "werkgever")],
        sector="nagelstudio",
    )


def model_agency(w: World, net: Net) -> None:
    """A photo-model agency: many young women, job ads with one agency phone."""
    k = Kit(w, net, "sexual")
    rng = w.rng
    boss = net.add(w.person("NL", gender="F", age=(35, 55)), "agency_owner")
    co = w.company(w.company_name("Models"), "modellenbureau")
    w.fact("POL", "DIRECTOR_OF", boss, co, k.d())
    ph = k.phone("POL", co)
    for _ in range(rng.randint(6, 14)):
        m = net.add(
            w.person(rng.choice(["NL", "NL", "BR", "UA", "PL"]), gender="F", age=(18, 27)), "model"
        )
        ad = w.ad("werk.nl", "Fotomodel gezocht voor campagne", k.d(), kind="job")
        w.fact("POL", "ADVERTISES", ad, m, k.d())
        w.fact("POL", "ADVERTISED_WITH", ad, ph, k.d())
        k.stay("POL", m, rng.choice(w.hotels), nights=2)
    k.signal(
        "POL",
        "Melding over advertenties voor jonge modellen; na onderzoek geen aanwijzingen.",
        [(co, "involved")],
    )


def language_school(w: World, net: Net) -> None:
    """A language school that sponsors student visas; students live in its dormitory."""
    k = Kit(w, net, "smuggling", (24, 44))
    rng = w.rng
    boss = net.add(w.person("NL", age=(45, 65)), "director")
    school = w.company(w.company_name("Language Institute"), "onderwijs")
    w.fact("IND", "DIRECTOR_OF", boss, school, k.d())
    dorm = w.address(kind="studentenhuisvesting")
    w.fact("IND", "REGISTERED_AT", school, dorm, k.d())
    ac = k.acct("IND", school)
    for _ in range(rng.randint(12, 30)):
        s = net.add(
            w.person(rng.choice(["CN", "VN", "IN", "TR", "BR", "CO"]), age=(18, 30), bsn=True),
            "student",
        )
        t = k.d()
        w.fact("IND", "HAS_DOCUMENT", s, w.document(s, "residence_permit", "NL"), t)
        w.fact("IND", "LIVES_AT", s, dorm, t)
        w.pay("IND", k.acct("IND", s), ac, rng.uniform(3000, 9000), t, "collegegeld")
        k.cross("KMAR", s, "Schiphol", t)


DECOYS: dict[str, tuple[Callable[[World, Net], None], str]] = {
    "logistics_border": (logistics_border, "smuggling"),
    "certified_agency": (certified_agency, "labour"),
    "student_house": (student_house, "sexual"),
    "big_family": (big_family, "smuggling"),
    "hotel_guests": (hotel_guests, "sexual"),
    "church_shelter": (church_shelter, "smuggling"),
    "money_transfer_shop": (money_transfer_shop, "smuggling"),
    "au_pair_legit": (au_pair_legit, "labour"),
    "seasonal_greenhouse": (seasonal_greenhouse, "labour"),
    "nail_bar_family": (nail_bar_family, "labour"),
    "model_agency": (model_agency, "sexual"),
    "language_school": (language_school, "smuggling"),
}
