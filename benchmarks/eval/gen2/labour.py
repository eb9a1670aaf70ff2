"""Labour exploitation networks (scenario ``labour``). ``wage`` is a gross hourly wage in euros.

Variants (sizes at scale 1):

``agency_sibling_housing`` (55 and 20)
    An employment agency whose director's sibling lets the houses where 10 to 16 workers each
    live; wages far below the minimum, part of them paid into the foreman's account; the
    foreman drives the agency's van. Basis: Inspectie SZW / Arbeidsinspectie agency cases,
    Aanjaagteam Roemer (2020).
``relative_company_housing`` (38)
    A payroll company in horticulture; the chalets on a holiday park are let by a company of
    the organiser's brother-in-law, which also owns the vans; all wages go to one account of
    the organiser's cousin, who pays cash. Not (yet) investigated: signals only.
``restaurant_passports`` (10)
    A restaurant owner who brought chefs on work permits, holds their passports, lets them
    live above the restaurant and takes most of the wage back from accounts he controls.
``letterbox_subcontracting`` (75)
    Posted workers in construction, employed by a foreign sending company; two Dutch
    letterbox companies in a business centre with straw-man directors; the organiser holds
    the companies' accounts without being a director. Basis: ELA / ISZW posting-fraud cases.
``domestic_servitude`` (5)
    A domestic worker from the Philippines in a family home; the couple holds her passport;
    the recruiter abroad is known only by phone. Basis: Rapporteur, huishoudelijk werk.

This module is longer than ~500 lines on purpose: the variants of one scenario stay together
so they can be read next to ``README.md``, and the formatter writes the arguments of the
many fact calls one per line.
"""

from __future__ import annotations

from datetime import timedelta

from . import acts
from .decoys import Shared
from .ids import CITIES
from .kit import case_name, copies, size
from .names import PersonName
from .texts import summary
from .world import Human, World

__all__ = ["build"]


def build(w: World, pools: dict[str, list[Human]], sh: Shared) -> None:
    for _ in range(copies(w)):
        agency_sibling_housing(
            w,
            size(w, 55),
            nationalities=("PL", "PL", "RO", "UA", "BG"),
            city="Venlo",
            investigated=True,
        )
        agency_sibling_housing(
            w, size(w, 20), nationalities=("RO", "BG", "HU"), city="Tilburg", investigated=False
        )
        relative_company_housing(w, size(w, 38))
        restaurant_passports(w, size(w, 10))
        letterbox_subcontracting(w, sh, size(w, 75))
        domestic_servitude(w, pools)


def _sibling_name(h: Human, like: Human) -> None:
    h.name = PersonName(h.name.style, h.name.given, like.name.family, family2=like.name.family2)


def agency_sibling_housing(
    w: World, n: int, *, nationalities: tuple[str, ...], city: str, investigated: bool
) -> None:
    rng = w.rng
    net = w.network(
        "labour",
        "agency_sibling_housing",
        "director's sibling lets the houses; wages into the foreman's account",
    )
    lo, hi = w.period(20)
    nat = rng.choice(("NL", "NL", "PL"))
    director = net.add(w.person(nat, "M", age=(35, 58), bsn=True), "director", organiser=True)
    sibling = net.add(w.person(nat, rng.choice("MF"), age=(30, 60), bsn=True), "landlord")
    _sibling_name(sibling, director)
    foreman = net.add(w.person(nationalities[0], "M", age=(28, 50), bsn=True), "foreman")
    driver = net.add(w.person(nationalities[0], "M", age=(25, 50), bsn=True), "driver")
    agency = w.company(f"{director.name.family} Personeelsdiensten B.V.", "uitzendbranche")
    office = w.address(city, "bedrijfspand")
    ag_acc, sib_acc, fm_acc = w.account(), w.account(), w.account()
    for party in ("ISZW", "POL"):
        w.fact(party, "DIRECTOR_OF", director, agency, lo)
    acts.home(w, "ISZW", agency, office, lo, registered=True)
    acts.account_of(w, "POL", agency, ag_acc, lo)
    acts.account_of(w, "POL", sibling, sib_acc, lo)
    acts.account_of(w, "POL", foreman, fm_acc, lo)
    acts.family(w, "POL", director, sibling, "broer" if sibling.gender == "M" else "zus", lo)
    acts.home(w, "POL", director, w.address(city), lo)
    acts.home(w, "POL", sibling, w.address(city), lo)
    w.fact("ISZW", "EMPLOYED_BY", foreman, agency, lo, since=lo - timedelta(days=400), wage=15.5)
    n_workers = max(3, n - 4)
    houses = [
        w.address(rng.choice((city, city, "Venlo" if city != "Venlo" else "Roosendaal")), "woning")
        for _ in range(max(1, n_workers // 13))
    ]
    for hs in houses:
        w.fact("ISZW", "LANDLORD_OF", sibling, hs, lo)
    van = w.vehicle("NL", "Ford", "Transit")
    w.fact("ISZW", "OWNS_VEHICLE", agency, van, lo)
    for d in (foreman, driver):
        for _ in range(rng.randint(2, 4)):
            when = w.day(lo, hi)
            w.fact("ISZW", "DRIVES", d, van, when, date=when)
    workers = []
    for i in range(n_workers):
        wn = rng.choice(nationalities)
        h = net.add(
            w.person(
                wn, rng.choice("MMF"), age=(19, 55), bsn=rng.random() < 0.6, v_number=wn == "UA"
            ),
            "worker",
        )
        workers.append(h)
        start = w.day(lo, hi - timedelta(days=60))
        w.fact(
            "ISZW",
            "EMPLOYED_BY",
            h,
            agency,
            start,
            since=start,
            wage=round(rng.uniform(6.2, 9.8), 2),
        )
        hs = houses[i % len(houses)]
        acts.home(w, "ISZW", h, hs, start)
        if wn == "UA":
            acts.ind_file(
                w, h, start - timedelta(days=30), addr=hs, doc_type="passport", permit=True
            )
        if rng.random() < 0.5:
            acc = w.account(wn if wn in ("PL", "RO", "BG") else "NL")
            acts.account_of(w, "POL", h, acc, start)
            acts.pay_series(
                w,
                "POL",
                ag_acc,
                acc,
                start=start + timedelta(days=30),
                n=rng.randint(2, 6),
                every=30,
                amount=rng.uniform(600, 1100),
                description="loon",
            )
            acts.pay_series(
                w,
                "POL",
                acc,
                sib_acc,
                start=start + timedelta(days=31),
                n=rng.randint(2, 5),
                every=30,
                amount=rng.uniform(350, 450),
                spread=0.02,
                description="huur",
            )
        else:  # the wage goes to the foreman
            acts.pay_series(
                w,
                "POL",
                ag_acc,
                fm_acc,
                start=start + timedelta(days=30),
                n=rng.randint(2, 6),
                every=30,
                amount=rng.uniform(500, 900),
                description=f"loon {h.name.given[0][:1]}.",
            )
        if rng.random() < 0.6:
            when = w.day(start, hi)
            w.fact("ISZW", "PASSENGER_IN", h, van, when, date=when)
    region = CITIES[city][2]
    signals = [
        acts.signal(
            w,
            "ISZW",
            "labour",
            w.day(lo + timedelta(days=60), hi),
            [(houses[0], "involved"), (sibling, "involved")] + [(h, "victim") for h in workers[:5]],
            region=region,
            sector="uitzendbranche",
            summary=summary(rng, "labour", city=city),
        ),
        acts.signal(
            w,
            "ISZW",
            "labour",
            w.day(lo, hi),
            [(agency, "employer"), (director, "employer"), (rng.choice(workers), "reporter")],
            region=region,
            sector="uitzendbranche",
            summary="Werknemer meldt inhouding op loon voor huur en vervoer; loonstroken ontbreken.",
        ),
        acts.signal(
            w,
            "POL",
            "labour",
            w.day(lo, hi),
            [(van, "involved"), (foreman, "suspect"), (rng.choice(workers), "victim")],
            region=region,
            summary="Melding gemeente: busje haalt 's ochtends vroeg groep werknemers op bij woning.",
        ),
    ]
    if investigated:
        started = w.day(lo + timedelta(days=150), hi)
        inv = acts.case(
            w,
            "ISZW",
            case_name(w),
            "labour",
            started,
            [
                (director, "suspect"),
                (foreman, "suspect"),
                (sibling, "involved"),
                (agency, "employer"),
            ]
            + [(h, "victim") for h in workers[: len(workers) // 2]],
            signals=signals[:2],
            om_status="in onderzoek",
            om_suspects=[director, foreman],
        )
        ch = acts.channel_of(inv)
        dp, fp, sp = w.phone(), w.phone(), w.phone()
        for h, ph in ((director, dp), (foreman, fp), (sibling, sp)):
            acts.phone_of(w, "ISZW", h, ph, started, channel=ch)
        acts.call(
            w,
            "ISZW",
            dp,
            fp,
            started - timedelta(days=90),
            count=rng.randint(40, 120),
            registered=started,
            months=3,
            channel=ch,
        )
        acts.call(
            w,
            "ISZW",
            dp,
            sp,
            started - timedelta(days=90),
            count=rng.randint(10, 40),
            registered=started,
            months=2,
            channel=ch,
        )
        for h in rng.sample(workers, min(10, len(workers))):
            hp = w.phone(h.nationality if h.nationality in ("PL", "RO", "BG", "UA") else "NL")
            acts.phone_of(w, "ISZW", h, hp, started, channel=ch)
            acts.call(
                w,
                "ISZW",
                fp,
                hp,
                started - timedelta(days=60),
                count=rng.randint(5, 30),
                registered=started,
                months=2,
                channel=ch,
            )
        acts.met(
            w,
            "ISZW",
            director,
            sibling,
            w.day(started - timedelta(days=60), started),
            "ontmoeting",
            2,
            registered=started,
            channel=ch,
        )


def relative_company_housing(w: World, n: int) -> None:
    rng = w.rng
    net = w.network(
        "labour",
        "relative_company_housing",
        "relative's company lets the chalets and owns the vans; wages to the cousin's account",
    )
    lo, hi = w.period(24)
    boss = net.add(w.person("NL", "M", age=(40, 60), bsn=True), "organiser", organiser=True)
    in_law = net.add(w.person("NL", "M", age=(40, 62), bsn=True), "landlord")
    cousin = net.add(w.person("NL", "M", age=(30, 50), bsn=True), "money_collector")
    _sibling_name(cousin, boss)
    leaders = [
        net.add(w.person(rng.choice(("RO", "BG")), "M", age=(28, 45), bsn=True), "team_leader")
        for _ in range(2)
    ]
    payroll = w.company(f"{boss.name.family} Tuinbouw Personeel B.V.", "land- en tuinbouw")
    park_co = w.company("Recreatiepark De Zeekant Beheer B.V.", "recreatie")
    for party in ("ISZW", "POL"):
        w.fact(party, "DIRECTOR_OF", boss, payroll, lo)
    w.fact("POL", "DIRECTOR_OF", in_law, park_co, lo)
    acts.family(w, "POL", boss, in_law, "zwager", lo)
    acts.family(w, "POL", boss, cousin, "neef", lo)
    acts.home(w, "ISZW", payroll, w.address("Naaldwijk", "bedrijfspand"), lo, registered=True)
    park = w.address(
        "Westland", "recreatiepark", street="Zeekantlaan", number=rng.randint(1, 40), addition=""
    )
    chalets = [park] + [w.unit(park, str(i)) for i in range(1, max(3, (n - 5) // 4) + 1)]
    for c in chalets:
        w.fact("ISZW", "LANDLORD_OF", park_co, c, lo)
    pay_acc, cousin_acc, park_acc = w.account(), w.account(), w.account()
    acts.account_of(w, "POL", payroll, pay_acc, lo)
    acts.account_of(w, "POL", cousin, cousin_acc, lo)
    acts.account_of(w, "POL", park_co, park_acc, lo)
    vans = [w.vehicle("NL", "Renault", "Master") for _ in range(2)]
    for v, tl in zip(vans, leaders, strict=True):
        w.fact("ISZW", "OWNS_VEHICLE", park_co, v, lo)
        for _ in range(3):
            when = w.day(lo, hi)
            w.fact("ISZW", "DRIVES", tl, v, when, date=when)
    workers = []
    for i in range(max(3, n - 5)):
        h = net.add(
            w.person(
                rng.choice(("RO", "RO", "BG", "PL")),
                rng.choice("MMF"),
                age=(19, 58),
                bsn=rng.random() < 0.5,
            ),
            "worker",
        )
        workers.append(h)
        start = w.day(lo, hi - timedelta(days=60))
        w.fact(
            "ISZW",
            "EMPLOYED_BY",
            h,
            payroll,
            start,
            since=start,
            wage=round(rng.uniform(7.5, 10.5), 2),
        )
        chalet = chalets[0] if i < 9 else rng.choice(chalets[1:])
        acts.home(w, "ISZW", h, chalet, start)
        if rng.random() < 0.5:
            w.fact(
                "ISZW", "PASSENGER_IN", h, rng.choice(vans), w.day(start, hi), date=w.day(start, hi)
            )
        if h.nationality == "BG" and rng.random() < 0.6:
            tl = rng.choice(leaders)
            bus = w.once(("bgvan", tl.key), lambda: w.vehicle("BG", "Ford", "Transit"))
            when = start - timedelta(days=rng.randint(1, 5))
            acts.crossing(w, tl, "Hazeldonk (A16)", when, vehicle=bus)
            acts.crossing(w, h, "Hazeldonk (A16)", when, vehicle=bus, passenger=True)
    # all wages to one account of the cousin, who pays cash; rent goes to the park company
    months = max(4, (hi - lo).days // 30)
    acts.pay_series(
        w,
        "POL",
        pay_acc,
        cousin_acc,
        start=lo + timedelta(days=30),
        n=months,
        every=30,
        amount=len(workers) * 1100,
        description="lonen",
    )
    acts.pay_series(
        w,
        "POL",
        cousin_acc,
        park_acc,
        start=lo + timedelta(days=35),
        n=months,
        every=30,
        amount=len(workers) * 420,
        description="huur chalets",
    )
    acts.pay_series(
        w,
        "POL",
        park_acc,
        w.once(("acc", boss.key), w.account),
        start=lo + timedelta(days=40),
        n=months // 2,
        every=60,
        amount=6000,
        description="",
    )
    acts.account_of(w, "POL", boss, w.memo[("acc", boss.key)], lo)
    acts.signal(
        w,
        "ISZW",
        "labour",
        w.day(lo, hi),
        [(payroll, "employer"), (boss, "employer"), (rng.choice(workers), "reporter")],
        region="Den Haag",
        sector="land- en tuinbouw",
        summary="Klacht over achterstallig loon; werknemers ontvangen loon contant.",
    )
    acts.signal(
        w,
        "POL",
        "labour",
        w.day(lo, hi),
        [(chalets[0], "involved"), (park_co, "involved"), (in_law, "involved")]
        + [(h, "involved") for h in workers[:4]],
        region="Den Haag",
        summary=summary(rng, "labour", city="Westland"),
    )
    acts.signal(
        w,
        "ISZW",
        "labour",
        w.day(lo, hi),
        [(vans[0], "involved"), (leaders[0], "involved")],
        region="Den Haag",
        sector="land- en tuinbouw",
        summary="Melding gemeente Westland: busje haalt 's ochtends vroeg groep werknemers op bij recreatiepark.",
    )


def restaurant_passports(w: World, n: int) -> None:
    rng = w.rng
    net = w.network(
        "labour", "restaurant_passports", "owner holds the chefs' passports and takes back the wage"
    )
    nat = rng.choice(("CN", "IN"))
    lo, hi = w.period(20)
    owner = net.add(
        w.person(nat, "M", age=(45, 62), bsn=True, v_number=True), "owner", organiser=True
    )
    brother = net.add(w.person(nat, "M", age=(40, 60), bsn=True, v_number=True), "visa_broker")
    _sibling_name(brother, owner)
    nephew = net.add(w.person(nat, "M", age=(22, 35), bsn=True, v_number=True), "facilitator")
    acts.family(w, "IND", owner, brother, "broer", lo - timedelta(days=3000))
    acts.family(w, "POL", owner, nephew, "neef", lo)
    city = rng.choice(("Zwolle", "Apeldoorn", "Dordrecht", "Leiden"))
    rest = w.company(
        f"Restaurant {rng.choice(('Golden Dragon', 'Taj Palace', 'Bamboo Garden', 'Spice Route'))} {city}",
        "horeca",
    )
    shop = w.address(city, "restaurant")
    upstairs = w.unit(shop, "A")
    r_acc, o_acc = w.account(), w.account()
    for party in ("ISZW", "POL"):
        w.fact(party, "DIRECTOR_OF", owner, rest, lo)
    acts.home(w, "ISZW", rest, shop, lo, registered=True)
    acts.account_of(w, "POL", rest, r_acc, lo)
    acts.account_of(w, "POL", owner, o_acc, lo)
    acts.home(w, "POL", owner, w.address(city), lo)
    w.fact("ISZW", "EMPLOYED_BY", nephew, rest, lo, since=lo, wage=16.0)
    chefs = []
    for _ in range(max(2, n - 3)):
        h = net.add(
            w.person(nat, "M", age=(24, 50), bsn=rng.random() < 0.5, v_number=True), "worker"
        )
        chefs.append(h)
        arrive = w.day(lo - timedelta(days=300), lo + timedelta(days=100))
        passport = w.document(h, "passport")
        acts.crossing(w, h, "Schiphol", arrive, direction="in", doc=passport)
        acts.ind_file(w, h, arrive - timedelta(days=60), addr=upstairs, doc=passport, permit=True)
        w.fact(
            "ISZW",
            "EMPLOYED_BY",
            h,
            rest,
            arrive + timedelta(days=30),
            since=arrive + timedelta(days=7),
            wage=round(rng.uniform(3.0, 5.0), 2),
        )
        acts.home(w, "ISZW", h, upstairs, arrive + timedelta(days=30))
        acc = w.account()
        acts.account_of(w, "POL", h, acc, arrive + timedelta(days=40))
        acts.account_of(w, "POL", owner, acc, arrive + timedelta(days=40))
        for month in range(rng.randint(3, 8)):
            when = arrive + timedelta(days=40 + 30 * month)
            acts.pay(w, "POL", r_acc, acc, 1850 + rng.uniform(-20, 20), when, description="salaris")
            acts.pay(
                w,
                "POL",
                acc,
                o_acc,
                1400 + rng.uniform(-50, 50),
                when + timedelta(days=rng.randint(0, 1)),
            )
        w.fact("POL", "HAS_DOCUMENT", owner, passport, w.day(lo, hi))
    s1 = acts.signal(
        w,
        "ISZW",
        "labour",
        w.day(lo, hi),
        [(rest, "employer"), (owner, "employer")] + [(h, "involved") for h in chefs],
        sector="horeca",
        summary="Arbeidsinspectie: werknemers hebben paspoort ingeleverd bij werkgever.",
    )
    fled = chefs[0]
    s2 = acts.signal(
        w,
        "POL",
        "labour",
        w.day(lo, hi),
        [(fled, "victim"), (owner, "suspect"), (upstairs, "involved")],
        region=CITIES[city][2],
        summary=summary(rng, "labour", city=city),
    )
    started = w.day(lo + timedelta(days=100), hi)
    inv = acts.case(
        w,
        "ISZW",
        case_name(w),
        "labour",
        started,
        [(owner, "suspect"), (brother, "involved"), (nephew, "witness")]
        + [(h, "victim") for h in chefs],
        signals=[s1, s2],
        om_status="gedagvaard",
        om_suspects=[owner],
    )
    ch = acts.channel_of(inv)
    op, bp = w.phone(), w.phone()
    acts.phone_of(w, "ISZW", owner, op, started, channel=ch)
    acts.phone_of(w, "ISZW", brother, bp, started, channel=ch)
    acts.call(
        w,
        "ISZW",
        op,
        bp,
        started - timedelta(days=90),
        count=rng.randint(20, 60),
        registered=started,
        months=3,
        channel=ch,
    )


def letterbox_subcontracting(w: World, sh: Shared, n: int) -> None:
    rng = w.rng
    net = w.network(
        "labour",
        "letterbox_subcontracting",
        "posted workers; letterbox BVs with straw men; organiser holds the accounts",
    )
    lo, hi = w.period(24)
    boss = net.add(
        w.person("TR", "M", age=(40, 56), bsn=True, v_number=False), "organiser", organiser=True
    )
    straws = [net.add(w.person("PT", "M", age=(50, 66), bsn=True), "straw_man") for _ in range(2)]
    recruiter = net.add(w.person("PL", "M", age=(35, 55), bsn=False), "recruiter")
    foremen = [
        net.add(
            w.person(rng.choice(("PL", "PT", "RO")), "M", age=(30, 50), bsn=rng.random() < 0.5),
            "foreman",
        )
        for _ in range(3)
    ]
    bvs = [
        w.company(f"{name} Bouw B.V.", "bouw")
        for name in rng.sample(("Atlas", "Delta", "Noordzee", "Horizon", "Maasstad"), 2)
    ]
    sender = w.company(
        f"{rng.choice(('Budmax', 'Konstrukt', 'Polbud'))} Sp. z o.o.",
        "bouw (buitenlands)",
        kvk=False,
    )
    client = w.company("Bouwcombinatie Rijnmond V.O.F.", "bouw")
    accs = [w.account() for _ in bvs]
    sender_acc, boss_acc, client_acc = w.account("PL"), w.account(), w.account()
    for bv, st, acc in zip(bvs, straws, accs, strict=True):
        for party in ("ISZW", "POL"):
            w.fact(party, "DIRECTOR_OF", st, bv, lo)
        acts.home(w, "ISZW", bv, rng.choice(sh.business_centre), lo, registered=True)
        acts.account_of(w, "POL", bv, acc, lo)
        acts.account_of(w, "POL", boss, acc, lo + timedelta(days=rng.randint(0, 60)))
    w.fact("ISZW", "DIRECTOR_OF", recruiter, sender, lo)
    acts.account_of(w, "POL", sender, sender_acc, lo)
    acts.account_of(w, "POL", boss, boss_acc, lo)
    acts.account_of(w, "POL", client, client_acc, lo)
    acts.home(w, "POL", boss, w.address("Rotterdam"), lo)
    months = max(6, (hi - lo).days // 30)
    acts.pay_series(
        w,
        "POL",
        client_acc,
        accs[0],
        start=lo + timedelta(days=20),
        n=months,
        every=30,
        amount=rng.uniform(40000, 90000),
        description="termijnfactuur",
    )
    acts.pay_series(
        w,
        "POL",
        accs[0],
        accs[1],
        start=lo + timedelta(days=22),
        n=months,
        every=30,
        amount=30000,
        description="onderaanneming",
    )
    acts.pay_series(
        w,
        "POL",
        accs[1],
        sender_acc,
        start=lo + timedelta(days=24),
        n=months,
        every=30,
        amount=12000,
        description="detachering",
    )
    acts.pay_series(
        w,
        "POL",
        accs[1],
        boss_acc,
        start=lo + timedelta(days=25),
        n=months,
        every=30,
        amount=9000,
        description="advies",
    )
    houses = [
        w.address(rng.choice(("Rotterdam", "Schiedam", "Dordrecht")), "woning") for _ in range(5)
    ]
    for hs in houses:
        w.fact("ISZW", "LANDLORD_OF", bvs[0], hs, lo)
    vans = [w.vehicle("PL", "Volkswagen", "Crafter") for _ in foremen]
    workers = []
    for i in range(max(3, n - len(net.roles))):
        h = net.add(
            w.person(
                rng.choice(("PT", "PL", "PL", "RO", "UA")),
                "M",
                age=(20, 60),
                bsn=rng.random() < 0.3,
                v_number=False,
            ),
            "worker",
        )
        workers.append(h)
        start = w.day(lo, hi - timedelta(days=60))
        employer = sender if rng.random() < 0.8 else bvs[0]
        w.fact(
            "ISZW",
            "EMPLOYED_BY",
            h,
            employer,
            start,
            since=start,
            wage=round(rng.uniform(5.0, 8.0), 2),
        )
        acts.home(w, "ISZW", h, houses[i % len(houses)], start)
        if rng.random() < 0.4:
            acc = w.account(h.nationality if h.nationality in ("PL", "RO", "PT") else "PL")
            acts.account_of(w, "POL", h, acc, start)
            acts.pay_series(
                w,
                "POL",
                sender_acc,
                acc,
                start=start + timedelta(days=30),
                n=rng.randint(2, 5),
                every=30,
                amount=rng.uniform(700, 1000),
                description="wynagrodzenie",
            )
            acts.pay_series(
                w,
                "POL",
                acc,
                w.once(("fmacc", foremen[i % 3].key), w.account),
                start=start + timedelta(days=32),
                n=rng.randint(1, 4),
                every=30,
                amount=rng.uniform(100, 250),
                description="huur",
            )
    for fm, v in zip(foremen, vans, strict=True):
        acts.account_of(w, "POL", fm, w.once(("fmacc", fm.key), w.account), lo)
        for _ in range(rng.randint(4, 9)):
            when = w.day(lo, hi)
            post = rng.choice(("De Lutte (A1)", "Venlo-Zuid (A67)", "Zevenaar (A12)"))
            acts.crossing(w, fm, post, when, direction=rng.choice(("in", "out")), vehicle=v)
            for h in rng.sample(workers, min(len(workers), rng.randint(0, 4))):
                acts.crossing(w, h, post, when, direction="in", vehicle=v, passenger=True)
    s1 = acts.signal(
        w,
        "ISZW",
        "labour",
        w.day(lo, hi),
        [(sender, "employer"), (bvs[0], "employer"), (straws[0], "employer")]
        + [(h, "involved") for h in workers[:6]],
        region="Rotterdam",
        sector="bouw",
        summary="Klacht over achterstallig loon bij bouwproject; onderaannemer onbekend bij KvK-adres.",
    )
    s2 = acts.signal(
        w,
        "ISZW",
        "labour",
        w.day(lo, hi),
        [(houses[0], "involved"), (rng.choice(foremen), "involved")]
        + [(h, "victim") for h in workers[6:10]],
        region="Rotterdam",
        sector="bouw",
        summary=summary(rng, "labour", city="Rotterdam"),
    )
    started = w.day(lo + timedelta(days=200), hi)
    inv = acts.case(
        w,
        "ISZW",
        case_name(w),
        "labour",
        started,
        [(st, "suspect") for st in straws]
        + [(fm, "suspect") for fm in foremen]
        + [(recruiter, "suspect"), (boss, "involved"), (sender, "employer")]
        + [(h, "victim") for h in workers[:20]],
        signals=[s1, s2],
        om_status="in onderzoek",
        om_suspects=[*straws, foremen[0]],
    )
    ch = acts.channel_of(inv)
    bp = w.phone()
    acts.phone_of(w, "ISZW", boss, bp, started, channel=ch)
    for h in [*straws, recruiter, *foremen]:
        ph = w.phone(h.nationality if h.nationality in ("PL", "PT", "RO") else "NL")
        acts.phone_of(w, "ISZW", h, ph, started, channel=ch)
        acts.call(
            w,
            "ISZW",
            ph,
            bp,
            started - timedelta(days=100),
            count=rng.randint(8, 60),
            registered=started,
            months=3,
            channel=ch,
        )
    acts.met(
        w,
        "ISZW",
        boss,
        recruiter,
        w.day(started - timedelta(days=100), started),
        "ontmoeting",
        2,
        registered=started,
        channel=ch,
    )


def domestic_servitude(w: World, pools: dict[str, list[Human]]) -> None:
    rng = w.rng
    net = w.network(
        "labour", "domestic_servitude", "couple holds the passport; recruiter abroad by phone only"
    )
    lo, hi = w.period(18)
    nat = rng.choice(("MA", "IN", "TR"))
    husband = net.add(
        w.person(nat, "M", age=(45, 62), bsn=True, v_number=True), "employer", organiser=True
    )
    wife = net.add(
        w.person(nat, "F", age=(40, 58), bsn=True, v_number=True), "employer", organiser=True
    )
    son = net.add(w.person(nat, "M", age=(20, 30), bsn=True), "facilitator")
    son.name = PersonName(
        son.name.style,
        son.name.given,
        husband.name.family,
        father=husband.name.given[0] if son.name.father else "",
    )
    worker = net.add(w.person("PH", "F", age=(24, 42), bsn=False, v_number=True), "victim")
    recruiter = net.add(w.person("PH", "F", age=(35, 55), bsn=False, v_number=False), "recruiter")
    home = w.address(rng.choice(("Den Haag", "Amsterdam", "Almere")), "woning")
    for h in (husband, wife, son):
        acts.home(w, "POL", h, home, lo)
    acts.family(w, "POL", husband, wife, "echtgenote", lo)
    acts.family(w, "POL", husband, son, "zoon", lo)
    passport = w.document(worker, "passport")
    arrive = lo + timedelta(days=rng.randint(0, 60))
    acts.crossing(w, worker, "Schiphol", arrive, direction="in", doc=passport)
    acts.crossing(w, wife, "Schiphol", arrive, direction="in")
    w.fact("KMAR", "TRAVELLED_WITH", wife, worker, arrive, date=arrive)
    acts.ind_file(w, worker, arrive - timedelta(days=40), addr=home, doc=passport)
    w.fact(
        "IND", "HAS_DOCUMENT", worker, w.document(worker, "visa", "NL"), arrive - timedelta(days=40)
    )
    neighbour = rng.choice(pools["residents"])
    reported = w.day(lo + timedelta(days=120), hi)
    s = acts.signal(
        w,
        "POL",
        "labour",
        reported,
        [(worker, "victim"), (neighbour, "reporter"), (home, "involved")],
        summary="Buurtbewoner meldt dat huishoudster nooit alleen buiten komt en 's nachts werkt.",
    )
    started = reported + timedelta(days=20)
    inv = acts.case(
        w,
        "POL",
        case_name(w),
        "labour",
        started,
        [(husband, "suspect"), (wife, "suspect"), (son, "involved"), (worker, "victim")],
        signals=[s],
        om_status="gedagvaard",
        om_suspects=[husband, wife],
    )
    ch = acts.channel_of(inv)
    w.fact("POL", "HAS_DOCUMENT", wife, passport, started, channel=ch)
    wp, rp = w.phone(), w.phone("PH")
    acts.phone_of(w, "POL", wife, wp, started, channel=ch)
    acts.phone_of(w, "POL", recruiter, rp, started, channel=ch)
    acts.call(
        w,
        "POL",
        wp,
        rp,
        lo - timedelta(days=60),
        count=rng.randint(6, 20),
        registered=started,
        months=3,
        channel=ch,
    )
    wa = w.account()
    acts.account_of(w, "POL", wife, wa, started, channel=ch)
    acts.pay(
        w,
        "POL",
        wa,
        w.account("GB"),
        3500,
        lo - timedelta(days=20),
        registered=started,
        description="agency fee",
        channel=ch,
    )
    acts.met(
        w, "POL", son, worker, w.day(lo, started), "observatie", 2, registered=started, channel=ch
    )
