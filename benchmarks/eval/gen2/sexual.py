"""Sexual exploitation networks (scenario ``sexual``).

Variants (sizes at scale 1):

``hotel_circuit_ads`` (9 and 22)
    Women rotated between hotels in several cities; their escort ads share a few phone numbers
    and are paid from the controller's account, which also pays the rooms. The controller
    never appears as a suspect; his drivers do. Basis: Nationaal Rapporteur, hotel/escort
    prostitution; ECLI:NL:RBAMS cases on "hotelprostitutie".
``loverboy_minor`` (6 and 5)
    A "loverboy" (pooier) with a minor girl and one or two older girls; the friend pays the
    rooms; clients pay the minor's account, which is emptied to the loverboy. Basis: Dutch
    loverboy cases (Rapporteur: most Dutch victims are Dutch minors).
``massage_parlour_strawman`` (30)
    Three massage parlours with a straw-man director (katvanger); the real organiser's phone
    is in all parlours' ads, his wife's account receives "management fees", his relative's
    company is the landlord. Women live at the parlour. Basis: Chinese/Thai massage cases.
``west_african_madam`` (16)
    A "madam" with girls who arrived at Schiphol with an escort, claimed asylum, left the
    reception centre and pay off a debt to the madam's sister; the madam's husband abroad is
    reachable only by phone and account. Basis: Nigerian THB cases (UNODC, Europol EMPACT).
``family_clan_windows`` (110)
    A family clan running women in window prostitution in several cities: the head lives
    abroad and only receives money and calls; sons and cousins run cells, spotters and drivers
    are the ones registered as suspects. Window rent is paid to a licensed operator (a decoy).
    Basis: Romanian/Bulgarian clan cases (e.g. "Sneep", Europol).

This module is longer than ~500 lines on purpose: the variants of one scenario stay together
so they can be read next to ``README.md``, and the formatter writes the arguments of the
many fact calls one per line.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import acts
from .decoys import Shared
from .ids import CITIES
from .kit import advertise, case_name, copies, size
from .names import PersonName
from .texts import summary
from .world import Human, Thing, World

__all__ = ["build"]


def build(w: World, pools: dict[str, list[Human]], sh: Shared) -> None:
    for _ in range(copies(w)):
        hotel_circuit_ads(w, sh, size(w, 9), investigated=False)
        hotel_circuit_ads(w, sh, size(w, 22), investigated=True)
        loverboy_minor(w, pools, 6)
        loverboy_minor(w, pools, 5)
        massage_parlour_strawman(w, pools, sh, size(w, 30))
        west_african_madam(w, sh, size(w, 16))
        family_clan_windows(w, sh, size(w, 110))


def hotel_circuit_ads(w: World, sh: Shared, n: int, *, investigated: bool) -> None:
    rng = w.rng
    net = w.network(
        "sexual", "hotel_circuit_ads", "controller pays ads and rooms; shared ad phones"
    )
    nat = rng.choice(("RO", "NL", "HU", "AL"))
    lo, hi = w.period(14)
    boss = net.add(w.person(nat, "M", age=(30, 48), bsn=True), "controller", organiser=True)
    partner = net.add(w.person(nat, "F", age=(24, 40), bsn=True), "money_collector")
    drivers = [
        net.add(w.person(nat, "M", age=(22, 40), bsn=nat == "NL" or rng.random() < 0.5), "driver")
        for _ in range(1 if n < 12 else 2)
    ]
    boss_home = w.address(rng.choice(("Utrecht", "Almere", "Breda")))
    boss_acc, partner_acc, boss_phone = w.account(), w.account(), w.phone()
    acts.home(w, "POL", boss, boss_home, lo)
    acts.home(w, "POL", partner, boss_home, lo)
    acts.family(w, "POL", boss, partner, "partner", lo)
    acts.account_of(w, "POL", boss, boss_acc, lo)
    acts.account_of(w, "POL", partner, partner_acc, lo)
    acts.phone_of(w, "POL", boss, boss_phone, lo)
    car = w.vehicle("NL", "Audi", "A6")
    w.fact("POL", "OWNS_VEHICLE", partner, car, lo)
    ad_phones = [w.phone() for _ in range(max(1, (n - 3) // 4))]
    for d, ph in zip(drivers, ad_phones, strict=False):
        acts.phone_of(w, "POL", d, ph, lo + timedelta(days=40))
        w.fact("POL", "DRIVES", d, car, lo + timedelta(days=20), date=w.day(lo, hi))
    apartments = [
        w.address(rng.choice(("Den Haag", "Eindhoven", "Groningen")), "short-stay appartement")
        for _ in range(2)
    ]
    places = sh.hotels + apartments
    women = []
    for _ in range(max(3, n - 2 - len(drivers))):
        h = net.add(
            w.person(
                rng.choice(("RO", "RO", "HU", "BG", "CO", "DO")),
                "F",
                age=(18, 29),
                bsn=rng.random() < 0.2,
            ),
            "victim",
        )
        women.append(h)
        city = rng.choice(list(CITIES)[:9])
        advertise(
            w,
            h,
            phone=rng.choice(ad_phones),
            payer=boss_acc,
            city=city,
            start=w.day(lo, hi - timedelta(days=90)),
            n=rng.randint(2, 4),
        )
        for _ in range(rng.randint(3, 7)):
            place = rng.choice(places)
            when = w.day(lo, hi)
            acts.stay(w, "POL", h, place, when, rng.randint(2, 5))
            acts.paid_for(w, "POL", boss_acc, place, rng.uniform(180, 650), when, "room")
        if rng.random() < 0.6:
            acc = w.account(h.nationality if h.nationality in ("RO", "HU", "BG") else "NL")
            acts.account_of(w, "POL", h, acc, lo)
            acts.pay_series(
                w,
                "POL",
                acc,
                partner_acc,
                start=w.day(lo, lo + timedelta(days=60)),
                n=rng.randint(3, 8),
                every=14,
                amount=rng.uniform(250, 600),
            )
        if rng.random() < 0.6:
            when = w.day(lo - timedelta(days=30), lo + timedelta(days=60))
            post = rng.choice(("Eindhoven Airport", "Hazeldonk (A16)", "Schiphol"))
            acts.crossing(w, h, post, when, direction="in")
            d = rng.choice(drivers)
            acts.crossing(w, d, post, when, direction="in")
            w.fact("KMAR", "TRAVELLED_WITH", d, h, when, date=when)
    # signals: drivers are registered as suspects, the controller only appears through money
    for _ in range(rng.randint(2, 3)):
        when = w.day(lo, hi)
        place = rng.choice(places)
        involved = [
            (place, "involved"),
            (rng.choice(women), "victim"),
            (rng.choice(drivers), "suspect"),
            (rng.choice(ad_phones), "involved"),
        ]
        acts.signal(
            w,
            "POL",
            "sexual",
            when,
            involved,
            region=CITIES[place.fields["city"]][2],
            summary=summary(rng, "sexual", city=place.fields["city"]),
        )
    if investigated:
        started = w.day(lo + timedelta(days=120), hi)
        inv = acts.case(
            w,
            "POL",
            case_name(w),
            "sexual",
            started,
            [(d, "suspect") for d in drivers]
            + [(partner, "involved")]
            + [(h, "victim") for h in women[: len(women) // 2]],
            om_status="in onderzoek",
            om_suspects=drivers,
        )
        ch = acts.channel_of(inv)
        for d, ph in zip(drivers, ad_phones, strict=False):
            acts.call(
                w,
                "POL",
                ph,
                boss_phone,
                started - timedelta(days=90),
                count=rng.randint(40, 120),
                registered=started,
                months=3,
                channel=ch,
            )
            acts.met(
                w,
                "POL",
                boss,
                d,
                w.day(started - timedelta(days=60), started),
                "observatie",
                rng.randint(2, 6),
                registered=started,
                channel=ch,
            )
        for ph in ad_phones:
            for h in rng.sample(women, min(3, len(women))):
                hp = w.phone(h.nationality if h.nationality in ("RO", "HU", "BG") else "NL")
                acts.phone_of(w, "POL", h, hp, started, channel=ch)
                acts.call(
                    w,
                    "POL",
                    ph,
                    hp,
                    started - timedelta(days=60),
                    count=rng.randint(15, 60),
                    registered=started,
                    months=2,
                    channel=ch,
                )


def loverboy_minor(w: World, pools: dict[str, list[Human]], n: int) -> None:
    rng = w.rng
    net = w.network(
        "sexual",
        "loverboy_minor",
        "minor victim; friend pays rooms; clients pay the minor's account",
    )
    lo, hi = w.period(10)
    lover = net.add(w.person("NL", "M", age=(19, 26), bsn=True), "loverboy", organiser=True)
    friend = net.add(w.person("NL", "M", age=(19, 27), bsn=True), "facilitator")
    minor = net.add(w.person("NL", "F", age=(15, 16), bsn=True), "minor_victim")
    girls = [
        net.add(w.person("NL", "F", age=(18, 21), bsn=True), "victim")
        for _ in range(n - 3 - (1 if n > 5 else 0))
    ]
    driver = net.add(w.person("NL", "M", age=(18, 24), bsn=True), "driver") if n > 5 else None
    city = rng.choice(("Rotterdam", "Den Haag", "Zwolle", "Arnhem", "Tilburg"))
    # the minor's home and mother (the reporter, not a member)
    family_home = w.address(city)
    mother = w.person("NL", "F", age=(38, 50), bsn=True)
    for h in (minor, mother):
        acts.home(w, "POL", h, family_home, lo)
    acts.family(w, "POL", mother, minor, "dochter", lo)
    lp, mp, fa, la, ma = w.phone(), w.phone(), w.account(), w.account(), w.account()
    acts.phone_of(w, "POL", lover, lp, lo)
    acts.phone_of(w, "POL", minor, mp, lo)
    acts.account_of(w, "POL", friend, fa, lo)
    acts.account_of(w, "POL", lover, la, lo)
    acts.account_of(w, "POL", minor, ma, lo)
    acts.home(w, "POL", lover, w.address(city), lo)
    advertise(
        w,
        minor,
        phone=lp,
        payer=fa,
        city=city,
        start=lo + timedelta(days=30),
        n=3,
        working=w.names.working_name().split(" ")[0] + " 19",
    )
    for g in girls:
        advertise(w, g, phone=lp, payer=fa, city=city, start=lo + timedelta(days=20), n=2)
    flat = w.address(city, "short-stay appartement")
    for h in [minor, *girls]:
        for _ in range(rng.randint(2, 5)):
            when = w.day(lo, hi)
            place = (
                flat if rng.random() < 0.6 else w.address(rng.choice(("Utrecht", "Breda")), "hotel")
            )
            acts.stay(w, "POL", h, place, when, rng.randint(1, 3))
            acts.paid_for(w, "POL", fa, place, rng.uniform(80, 220), when, "room")
    # clients pay the minor; her account is emptied to the loverboy within days
    clients = rng.sample(pools["residents"], min(len(pools["residents"]), rng.randint(5, 12)))
    for c in clients:
        ca = w.account()
        acts.account_of(w, "POL", c, ca, lo)
        when = w.day(lo, hi)
        acts.pay(
            w,
            "POL",
            ca,
            ma,
            rng.choice((100, 150, 200)),
            when,
            description=rng.choice(("tikkie", "", "voor jou")),
        )
        acts.pay(w, "POL", ma, la, rng.uniform(80, 190), when + timedelta(days=rng.randint(0, 2)))
    reported = w.day(lo + timedelta(days=60), hi)
    s1 = acts.signal(
        w,
        "POL",
        "sexual",
        reported,
        [(minor, "victim"), (mother, "reporter"), (lover, "involved")],
        region=CITIES[city][2],
        summary="Zorgmelding school: leerling vaak afwezig, nieuwe dure kleding, oudere vriend haalt haar op.",
    )
    started = reported + timedelta(days=rng.randint(14, 60))
    inv = acts.case(
        w,
        "POL",
        case_name(w),
        "sexual",
        started,
        [(lover, "suspect"), (friend, "suspect"), (minor, "victim")]
        + [(g, "victim") for g in girls],
        signals=[s1],
        om_status="gedagvaard",
        om_suspects=[lover, friend],
    )
    ch = acts.channel_of(inv)
    acts.call(
        w, "POL", lp, mp, lo, count=rng.randint(150, 400), registered=started, months=4, channel=ch
    )
    for g in girls:
        gp = w.phone()
        acts.phone_of(w, "POL", g, gp, started, channel=ch)
        acts.call(
            w,
            "POL",
            lp,
            gp,
            lo,
            count=rng.randint(40, 120),
            registered=started,
            months=2,
            channel=ch,
        )
    for _ in range(3):
        acts.met(
            w,
            "POL",
            lover,
            minor,
            w.day(lo, started),
            "observatie",
            rng.randint(1, 4),
            registered=started,
            channel=ch,
        )
    acts.met(
        w, "POL", lover, friend, w.day(lo, started), "ontmoeting", 3, registered=started, channel=ch
    )
    if driver is not None:
        car = w.vehicle("NL", "Volkswagen", "Polo")
        w.fact("POL", "OWNS_VEHICLE", friend, car, lo)
        for _ in range(rng.randint(2, 4)):
            w.fact("POL", "DRIVES", driver, car, w.day(lo, hi), date=w.day(lo, hi))
        w.fact("POL", "PASSENGER_IN", minor, car, w.day(lo, hi), date=w.day(lo, hi))
        acts.met(
            w,
            "POL",
            driver,
            minor,
            w.day(lo, started),
            "observatie",
            2,
            registered=started,
            channel=ch,
        )


def massage_parlour_strawman(w: World, pools: dict[str, list[Human]], sh: Shared, n: int) -> None:
    rng = w.rng
    net = w.network(
        "sexual",
        "massage_parlour_strawman",
        "straw-man director; organiser's phone in all ads; wife collects fees",
    )
    nat = rng.choice(("CN", "TH"))
    lo, hi = w.period(20)
    boss = net.add(
        w.person(nat, "M", age=(42, 58), bsn=True, v_number=True), "organiser", organiser=True
    )
    wife = net.add(w.person(nat, "F", age=(38, 55), bsn=True, v_number=True), "money_collector")
    straw = net.add(w.person("NL", "M", age=(55, 72), bsn=True), "straw_man")
    accountant = net.add(w.person("NL", "M", age=(45, 65), bsn=True), "facilitator")
    driver = net.add(
        w.person(nat, "M", age=(25, 45), bsn=rng.random() < 0.5, v_number=True), "driver"
    )
    home = w.address("Amsterdam")
    for h in (boss, wife):
        acts.home(w, "POL", h, home, lo)
        acts.ind_file(w, h, lo - timedelta(days=900), addr=home, permit=True)
    acts.family(w, "POL", boss, wife, "echtgenote", lo)
    boss_phone, boss_acc, wife_acc = w.phone(), w.account(), w.account()
    acts.phone_of(w, "POL", boss, boss_phone, lo)
    acts.account_of(w, "POL", boss, boss_acc, lo)
    acts.account_of(w, "POL", wife, wife_acc, lo)
    estate = w.company(f"{wife.name.family} Vastgoed B.V.", "vastgoed")
    w.fact("POL", "DIRECTOR_OF", wife, estate, lo)
    estate_acc = w.account()
    acts.account_of(w, "POL", estate, estate_acc, lo)
    office = w.company(f"Administratiekantoor {accountant.name.family}", "administratie")
    w.fact("POL", "DIRECTOR_OF", accountant, office, lo)
    acts.home(w, "POL", office, rng.choice(sh.business_centre), lo, registered=True)
    acc_phone = w.phone()
    acts.phone_of(w, "POL", accountant, acc_phone, lo)
    # the accountant also keeps the books of ordinary firms (a hub that is not the organiser)
    for _ in range(5):
        owner = rng.choice(pools["residents"])
        c = w.company(f"{owner.name.family} Handel", "detailhandel")
        w.fact("POL", "DIRECTOR_OF", owner, c, lo)
        acts.phone_of(w, "POL", c, acc_phone, lo)
    receptionists = []
    women = []
    n_women = max(3, n - 5 - 3)
    parlours = []
    for i, city in enumerate(
        rng.sample(("Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen"), 3)
    ):
        name = rng.choice(("Lotus", "Jade", "Orchid", "Bamboo", "Golden", "Sakura"))
        co = w.company(f"{name} Wellness {city} V.O.F.", "massagesalon")
        addr = w.address(city, "massagesalon")
        acc = w.account()
        parlours.append((co, addr, acc, city))
        for party in ("POL", "ISZW"):
            w.fact(party, "DIRECTOR_OF", straw, co, lo)
        acts.home(w, "ISZW", co, addr, lo, registered=True)
        w.fact("POL", "LANDLORD_OF", estate, addr, lo)
        acts.account_of(w, "POL", co, acc, lo)
        acts.phone_of(w, "POL", co, acc_phone, lo)
        acts.pay_series(
            w,
            "POL",
            acc,
            wife_acc,
            start=lo,
            n=rng.randint(6, 12),
            every=30,
            amount=rng.uniform(3000, 8000),
            description="management fee",
        )
        acts.pay_series(
            w,
            "POL",
            acc,
            estate_acc,
            start=lo,
            n=rng.randint(6, 12),
            every=30,
            amount=2500,
            spread=0.02,
            description="huur",
        )
        r = net.add(
            w.person(nat, "F", age=(30, 50), bsn=rng.random() < 0.5, v_number=True), "receptionist"
        )
        receptionists.append(r)
        w.fact("ISZW", "EMPLOYED_BY", r, co, lo, since=lo, wage=round(rng.uniform(9, 12), 2))
        acts.home(w, "ISZW", r, addr, lo)
        for _ in range(n_women // 3 + (1 if i < n_women % 3 else 0)):
            h = net.add(
                w.person(
                    nat if rng.random() < 0.8 else "VN", "F", age=(20, 34), bsn=False, v_number=True
                ),
                "victim",
            )
            women.append(h)
            arrive = w.day(lo - timedelta(days=200), lo + timedelta(days=200))
            doc = w.document(h, "passport")
            acts.crossing(w, h, "Schiphol", arrive, direction="in", doc=doc)
            acts.ind_file(w, h, arrive + timedelta(days=20), addr=addr, doc=doc)
            acts.home(w, "ISZW", h, addr, arrive + timedelta(days=40))
            if rng.random() < 0.6:
                w.fact(
                    "ISZW",
                    "EMPLOYED_BY",
                    h,
                    co,
                    arrive + timedelta(days=60),
                    since=arrive + timedelta(days=30),
                    wage=round(rng.uniform(2.5, 4.5), 2),
                )
            advertise(
                w,
                h,
                phone=boss_phone,
                payer=acc,
                city=city,
                start=arrive + timedelta(days=30),
                n=rng.randint(1, 2),
                title=f"{name} Wellness {city} - nieuwe masseuse",
            )
            if rng.random() < 0.5:
                w.fact(
                    "POL",
                    "PASSENGER_IN",
                    h,
                    driver_car(w, driver, lo),
                    w.day(lo, hi),
                    date=w.day(lo, hi),
                )
    inspect = w.day(lo + timedelta(days=100), hi)
    co, addr, _, city = parlours[0]
    s = acts.signal(
        w,
        "ISZW",
        "sexual",
        inspect,
        [(co, "employer"), (straw, "employer"), (addr, "involved")]
        + [(h, "victim") for h in women[:3]]
        + [(receptionists[0], "involved")],
        sector="massagesalons",
        summary=summary(rng, "labour", sector="massagesalons"),
    )
    s2 = acts.signal(
        w,
        "POL",
        "sexual",
        w.day(lo, hi),
        [(parlours[1][1], "involved"), (straw, "suspect"), (boss_phone, "involved")],
        region=CITIES[parlours[1][3]][2],
        summary=summary(rng, "sexual", city=parlours[1][3]),
    )
    started = inspect + timedelta(days=30)
    inv = acts.case(
        w,
        "ISZW",
        case_name(w),
        "sexual",
        started,
        [(straw, "suspect"), (boss, "involved"), (accountant, "witness")]
        + [(r, "suspect") for r in receptionists]
        + [(h, "victim") for h in women],
        signals=[s, s2],
        om_status="in onderzoek",
        om_suspects=[straw, *receptionists],
    )
    ch = acts.channel_of(inv)
    for r in receptionists:
        rp = w.phone()
        acts.phone_of(w, "ISZW", r, rp, started, channel=ch)
        acts.call(
            w,
            "ISZW",
            rp,
            boss_phone,
            started - timedelta(days=60),
            count=rng.randint(20, 70),
            registered=started,
            months=2,
            channel=ch,
        )
    dp = w.phone()
    acts.phone_of(w, "ISZW", driver, dp, started, channel=ch)
    acts.call(
        w,
        "ISZW",
        dp,
        boss_phone,
        started - timedelta(days=60),
        count=rng.randint(30, 80),
        registered=started,
        months=2,
        channel=ch,
    )


def driver_car(w: World, driver: Human, when: date) -> Thing:
    """The van a driver uses to bring women around (one per driver)."""
    key = ("car", driver.key)
    if key not in w.memo:
        w.memo[key] = w.vehicle("NL", "Toyota", "Hiace")
        w.fact("POL", "DRIVES", driver, w.memo[key], when, date=when)
    car: Thing = w.memo[key]
    return car


def west_african_madam(w: World, sh: Shared, n: int) -> None:
    rng = w.rng
    net = w.network(
        "sexual",
        "west_african_madam",
        "girls via Schiphol and asylum; debt paid to the madam's sister",
    )
    lo, hi = w.period(18)
    madam = net.add(
        w.person("NG", "F", age=(38, 52), bsn=True, v_number=True), "madam", organiser=True
    )
    husband = net.add(
        w.person("NG", "M", age=(40, 55), bsn=False, v_number=False),
        "co_organiser_abroad",
        organiser=True,
    )
    sister = net.add(w.person("NG", "F", age=(30, 45), bsn=True, v_number=True), "money_collector")
    escort = net.add(w.person("NG", "M", age=(28, 45), bsn=False, v_number=False), "escort")
    home = w.address("Amsterdam")
    acts.home(w, "POL", madam, home, lo)
    acts.ind_file(w, madam, lo - timedelta(days=2000), addr=home, permit=True)
    acts.ind_file(w, sister, lo - timedelta(days=1500), addr=w.address("Amsterdam"), permit=True)
    acts.family(w, "POL", madam, sister, "zus", lo)
    acts.family(w, "IND", madam, husband, "echtgenoot", lo - timedelta(days=2000))
    mp, hp, ep = w.phone(), w.phone(rng.choice(("IT", "NG"))), w.phone("IT")
    work_phone = w.phone()
    acts.phone_of(w, "POL", madam, mp, lo)
    sister_acc, husband_acc = w.account(), w.account("FR")
    acts.account_of(w, "POL", sister, sister_acc, lo)
    safe = w.address("Amsterdam", "woning")
    girls = []
    for _ in range(max(3, n - 4)):
        g = net.add(
            w.person(
                "NG",
                "F",
                age=(16, 22),
                bsn=False,
                v_number=True,
                precision="year" if rng.random() < 0.5 else "full",
            ),
            "victim",
        )
        girls.append(g)
        arrive = w.day(lo, hi - timedelta(days=120))
        acts.crossing(w, g, "Schiphol", arrive, direction="in")
        acts.crossing(w, escort, "Schiphol", arrive, direction="in")
        w.fact("KMAR", "TRAVELLED_WITH", escort, g, arrive, date=arrive)
        centre = rng.choice(sh.centres)
        acts.ind_file(w, g, arrive + timedelta(days=3), addr=centre, doc_type="")
        later = arrive + timedelta(days=rng.randint(20, 80))
        acts.home(w, "IND", g, rng.choice((home, safe, safe)), later)
        advertise(
            w, g, phone=work_phone, payer=None, city="Amsterdam", start=later, n=rng.randint(1, 3)
        )
        ga = w.account()
        acts.account_of(w, "POL", g, ga, later)
        acts.pay_series(
            w,
            "POL",
            ga,
            sister_acc,
            start=later + timedelta(days=10),
            n=rng.randint(4, 10),
            every=10,
            amount=rng.uniform(80, 300),
            description=rng.choice(("", "schuld", "mama")),
        )
    acts.pay_series(
        w,
        "POL",
        sister_acc,
        husband_acc,
        start=lo + timedelta(days=60),
        n=rng.randint(5, 9),
        every=40,
        amount=rng.uniform(2000, 5000),
    )
    s1 = acts.signal(
        w,
        "KMAR",
        "sexual",
        w.day(lo, hi),
        [(escort, "suspect"), (girls[0], "victim"), (ep, "involved")],
        summary=summary(rng, "smuggling", post="Schiphol"),
    )
    s2 = acts.signal(
        w,
        "POL",
        "sexual",
        w.day(lo + timedelta(days=90), hi),
        [(girls[-1], "victim"), (madam, "suspect"), (work_phone, "involved")],
        region="Amsterdam",
        summary="Klant meldt via chat dat de vrouw aangaf niet weg te mogen.",
    )
    started = w.day(lo + timedelta(days=120), hi)
    inv = acts.case(
        w,
        "POL",
        case_name(w),
        "sexual",
        started,
        [(madam, "suspect"), (sister, "suspect"), (escort, "suspect")]
        + [(g, "victim") for g in girls],
        signals=[s1, s2],
        om_status="gedagvaard",
        om_suspects=[madam, sister],
    )
    ch = acts.channel_of(inv)
    acts.phone_of(w, "POL", husband, hp, started, channel=ch)
    acts.phone_of(w, "POL", escort, ep, started, channel=ch)
    acts.account_of(w, "POL", husband, husband_acc, started, channel=ch)
    acts.call(
        w, "POL", mp, hp, lo, count=rng.randint(60, 150), registered=started, months=5, channel=ch
    )
    acts.call(
        w, "POL", ep, hp, lo, count=rng.randint(20, 60), registered=started, months=3, channel=ch
    )
    acts.call(
        w,
        "POL",
        mp,
        work_phone,
        lo,
        count=rng.randint(30, 90),
        registered=started,
        months=3,
        channel=ch,
    )
    for g in girls[: len(girls) // 2]:
        gp = w.phone()
        acts.phone_of(w, "POL", g, gp, started, channel=ch)
        acts.call(
            w,
            "POL",
            mp,
            gp,
            lo,
            count=rng.randint(10, 40),
            registered=started,
            months=2,
            channel=ch,
        )


def family_clan_windows(w: World, sh: Shared, n: int) -> None:
    rng = w.rng
    net = w.network(
        "sexual",
        "family_clan_windows",
        "head abroad; sons and cousins run cells; spotters are the suspects",
    )
    nat = rng.choice(("RO", "BG"))
    lo, hi = w.period(30)
    head = net.add(
        w.person(nat, "M", age=(55, 66), bsn=False, v_number=False), "clan_head", organiser=True
    )
    family_name = head.name

    def kin(role: str, organiser: bool = False) -> Human:
        h = w.person(nat, "M", age=(22, 40), bsn=rng.random() < 0.6, v_number=False)
        h.name = PersonName(h.name.style, h.name.given, family_name.family)
        return net.add(h, role, organiser=organiser)

    sons = [kin("lieutenant", organiser=(i == 0)) for i in range(2)]
    k = max(1, n // 22)
    cousins = [kin("pimp") for _ in range(k + 1)]
    wives = [
        net.add(w.person(nat, "F", age=(25, 40), bsn=True), "landlord")
        for _ in range(max(1, k // 2 + 1))
    ]
    spotters = [
        net.add(w.person(nat, "M", age=(18, 30), bsn=rng.random() < 0.3), "spotter")
        for _ in range(k + 1)
    ]
    drivers = [
        net.add(w.person(nat, "M", age=(25, 50), bsn=rng.random() < 0.3), "driver")
        for _ in range(max(1, k // 2 + 1))
    ]
    lovers = [
        net.add(w.person(nat, "M", age=(20, 28), bsn=rng.random() < 0.3), "loverboy")
        for _ in range(k)
    ]
    head_phone, head_acc = w.phone(nat), w.account(nat)
    grp = w.group(f"Familie {family_name.family}", "clan")
    for h in [*sons, *cousins]:
        w.fact(
            "POL", "MEMBER_OF", h, grp, lo, since=lo, position="leider" if h is sons[0] else "lid"
        )
        acts.family(w, "POL", head, h, "zoon" if h in sons else "neef", lo)
    for wf, husband in zip(wives, [*sons, *cousins], strict=False):
        acts.family(w, "POL", husband, wf, "echtgenote", lo)
    cells = []
    cities = ["Amsterdam", "Den Haag", "Alkmaar", "Groningen", "Utrecht", "Eindhoven"]
    windows = {"Amsterdam": sh.window_addresses}
    for city in cities[1:]:
        base = w.address(city, "raambordeel")
        windows[city] = [base] + [w.unit(base, str(i)) for i in range(1, 6)]
    phones: dict[str, Thing] = {}
    accounts: dict[str, Thing] = {}
    for h in [*sons, *cousins, *spotters, *drivers, *lovers, *wives]:
        phones[h.key], accounts[h.key] = w.phone(), w.account()
        acts.phone_of(w, "POL", h, phones[h.key], lo)
        if h not in spotters:
            acts.account_of(w, "POL", h, accounts[h.key], lo)
    for i, c in enumerate(cousins):
        city = cities[i % len(cities)]
        home = w.address(city)
        acts.home(w, "POL", c, home, lo)
        flats = [w.address(city, "woning") for _ in range(2)]
        wf = wives[i % len(wives)]
        for f in flats:
            w.fact("POL", "LANDLORD_OF", wf, f, lo)
        cells.append((c, city, flats))
    n_women = max(3, n - len(net.roles))
    women = []
    for j in range(n_women):
        cousin, city, flats = cells[j % len(cells)]
        h = net.add(
            w.person(rng.choice((nat, nat, "HU", "RO")), "F", age=(18, 30), bsn=rng.random() < 0.4),
            "victim",
        )
        women.append(h)
        start = w.day(lo, hi - timedelta(days=60))
        acts.home(w, "POL", h, rng.choice(flats), start)
        window = rng.choice(windows[city])
        for week in range(rng.randint(2, 6)):
            when = start + timedelta(days=7 * week * rng.randint(1, 3))
            if city == "Amsterdam" and sh.window_account is not None:
                acts.pay(
                    w,
                    "POL",
                    accounts[cousin.key],
                    sh.window_account,
                    rng.choice((700, 850)),
                    when,
                    description="raamhuur",
                )
            acts.paid_for(
                w, "POL", accounts[cousin.key], window, rng.choice((100, 120, 150)), when, "rent"
            )
        if rng.random() < 0.35:
            ha = w.account()
            acts.account_of(w, "POL", h, ha, start)
            acts.pay_series(
                w,
                "POL",
                ha,
                accounts[cousin.key],
                start=start,
                n=rng.randint(3, 8),
                every=7,
                amount=rng.uniform(300, 900),
            )
        if rng.random() < 0.5:
            d = rng.choice(drivers)
            when = w.day(lo, hi)
            bus = driver_van(w, d, nat, lo)
            acts.crossing(w, d, "Bad Bentheim (A1)", when, direction="in", vehicle=bus)
            acts.crossing(
                w, h, "Bad Bentheim (A1)", when, direction="in", vehicle=bus, passenger=True
            )
        if rng.random() < 0.3 and lovers:
            lv = rng.choice(lovers)
            acts.met(w, "POL", lv, h, w.day(start), "observatie", rng.randint(1, 3))
    # money up the chain: cousins -> sons -> head abroad, in many small amounts
    for i, c in enumerate(cousins):
        acts.pay_series(
            w,
            "POL",
            accounts[c.key],
            accounts[sons[min(i, 1)].key],
            start=lo,
            n=rng.randint(6, 14),
            every=21,
            amount=rng.uniform(900, 2500),
        )
    for s in sons:
        acts.pay_series(
            w,
            "POL",
            accounts[s.key],
            head_acc,
            start=lo + timedelta(days=10),
            n=rng.randint(8, 16),
            every=18,
            amount=rng.uniform(1200, 4000),
            description="familie",
        )
    for lv in lovers:
        acts.pay_series(
            w,
            "POL",
            accounts[lv.key],
            head_acc,
            start=lo + timedelta(days=30),
            n=rng.randint(2, 5),
            every=30,
            amount=rng.uniform(500, 1500),
        )
    # the head visits now and then, in a car with foreign plates
    car = w.vehicle(nat, "BMW", "X5")
    for _ in range(rng.randint(2, 4)):
        acts.crossing(
            w,
            head,
            "Bad Bentheim (A1)",
            w.day(lo, hi),
            direction=rng.choice(("in", "out")),
            vehicle=car,
        )
    # signals: intake interviews at windows and spotters seen watching
    for _ in range(max(3, n // 12)):
        cousin, city, _ = rng.choice(cells)
        when = w.day(lo, hi)
        involved = [
            (rng.choice(windows[city]), "involved"),
            (rng.choice(women), rng.choice(("victim", "involved"))),
            (rng.choice(spotters), "suspect"),
        ]
        if rng.random() < 0.3:
            involved.append((rng.choice(drivers), "suspect"))
        acts.signal(
            w,
            "POL",
            "sexual",
            when,
            involved,
            region=CITIES[city][2],
            summary=summary(rng, "sexual", city=city),
        )
    for name_city in ("Amsterdam", "Den Haag"):
        started = w.day(lo + timedelta(days=200), hi)
        cell = [c for c in cells if c[1] == name_city] or cells[:1]
        cell_women = [h for j, h in enumerate(women) if cells[j % len(cells)][1] == name_city][:20]
        inv = acts.case(
            w,
            "POL",
            case_name(w),
            "sexual",
            started,
            [(sons[0], "suspect"), (cell[0][0], "suspect")]
            + [(s, "suspect") for s in spotters]
            + [(d, "suspect") for d in drivers]
            + [(h, "victim") for h in cell_women]
            + [(head_phone, "involved")],
            om_status=rng.choice(("gedagvaard", "in onderzoek")),
            om_suspects=[sons[0], cell[0][0], *spotters[:2]],
        )
        ch = acts.channel_of(inv)
        for s in sons:
            acts.call(
                w,
                "POL",
                phones[s.key],
                head_phone,
                started - timedelta(days=120),
                count=rng.randint(60, 160),
                registered=started,
                months=4,
                channel=ch,
            )
        for c in cousins:
            acts.call(
                w,
                "POL",
                phones[c.key],
                phones[sons[0].key],
                started - timedelta(days=120),
                count=rng.randint(20, 80),
                registered=started,
                months=3,
                channel=ch,
            )
        for s in spotters:
            acts.call(
                w,
                "POL",
                phones[s.key],
                phones[rng.choice(cousins).key],
                started - timedelta(days=90),
                count=rng.randint(30, 100),
                registered=started,
                months=3,
                channel=ch,
            )
            acts.met(
                w,
                "POL",
                s,
                cell[0][0],
                w.day(started - timedelta(days=90), started),
                "observatie",
                rng.randint(2, 8),
                registered=started,
                channel=ch,
            )
        for h in cell_women[:8]:
            hp = w.phone()
            acts.phone_of(w, "POL", h, hp, started, channel=ch)
            acts.call(
                w,
                "POL",
                phones[cell[0][0].key],
                hp,
                started - timedelta(days=60),
                count=rng.randint(10, 50),
                registered=started,
                months=2,
                channel=ch,
            )
        acts.met(
            w,
            "POL",
            sons[0],
            cell[0][0],
            w.day(started - timedelta(days=60), started),
            "ontmoeting",
            rng.randint(2, 5),
            registered=started,
            channel=ch,
        )


def driver_van(w: World, driver: Human, nat: str, when: date) -> Thing:
    key = ("van", driver.key)
    if key not in w.memo:
        w.memo[key] = w.vehicle(nat, "Mercedes-Benz", "Sprinter")
        w.fact("KMAR", "OWNS_VEHICLE", driver, w.memo[key], when)
    van: Thing = w.memo[key]
    return van
