"""Criminal exploitation networks (scenario ``criminal``).

Variants (sizes at scale 1):

``shoplifting_minors`` (18)
    Foreign minors registered again and again as suspects of shoplifting, each time under a
    slightly different (or false) name and birth date; the adults who send them are linked
    only by phone, money and housing. Supervisors claim to be the mothers. Basis: Europol /
    Rapporteur on mobile itinerant groups and forced criminality.
``drug_running_minors`` (14)
    Dutch minors as drug runners on one "deal line" phone; the lieutenant recruits, pays and is
    registered as suspect often; the organiser only pays him and owns the stash flat through
    his mother. Basis: Rapporteur 2021 on criminal exploitation, county-lines typology.
``cannabis_gardeners`` (9)
    Vietnamese youths (former unaccompanied minors who left the reception centre) found in
    cannabis farms and prosecuted as suspects; the organiser pays the rent of the farm houses
    registered to a straw tenant. Basis: ECPAT / Rapporteur on Vietnamese minors.
``money_mule_accounts`` (26 and 9)
    Young people lend their bank accounts: many inbound payments from fraud victims, outflow to
    collector accounts within a day, a small fee back. Recruiters are suspects; the collector
    is not. Basis: Europol EMMA actions, Dutch "geldezels".

This module is longer than ~500 lines on purpose: the variants of one scenario stay together
so they can be read next to ``README.md``, and the formatter writes the arguments of the
many fact calls one per line.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from . import acts
from .decoys import Shared
from .ids import CITIES
from .kit import case_name, copies, size
from .names import PersonName, typo
from .texts import summary
from .world import Human, PersonView, Thing, World

__all__ = ["build"]


def build(w: World, pools: dict[str, list[Human]], sh: Shared) -> None:
    for _ in range(copies(w)):
        shoplifting_minors(w, sh, size(w, 18))
        drug_running_minors(w, size(w, 14))
        cannabis_gardeners(w, sh, size(w, 9))
        money_mule_accounts(w, pools, size(w, 26))
        money_mule_accounts(w, pools, size(w, 9))


def _alias(w: World, h: Human, rng_tag: str) -> PersonView:
    """A record under which a minor was registered: a made-up or garbled name and birth date."""
    rng = w.rng
    given = h.name.given[0]
    family = h.name.family
    kind = rng.random()
    tags: tuple[str, ...]
    dob: date | None
    if kind < 0.35:  # the true name, wrong birth date
        name, dob, tags = f"{given} {family}", _shift(h, rng), ("false_identity",)
    elif kind < 0.6:  # a typo and no birth date
        name, dob, tags = typo(f"{given} {family}", rng), None, ("typo", "missing_dob")
    elif kind < 0.8:  # family name only known by the nickname
        name, dob, tags = (
            f"{given} {w.names.name(h.nationality, h.gender).family}",
            _shift(h, rng),
            ("false_identity",),
        )
    else:  # the true identity
        name, dob, tags = f"{given} {family}", h.dob, ()
    fields: dict[str, Any] = {"name": name, "gender": h.gender, "nationality": h.nationality}
    if dob is not None:
        fields["birth_date"] = dob
    return PersonView(h, fields, tags)


def _shift(h: Human, rng: random.Random) -> date | None:
    if h.dob is None:
        return None
    return h.dob + timedelta(days=rng.choice((-400, -365, -30, 31, 365, 730)))


def shoplifting_minors(w: World, sh: Shared, n: int) -> None:
    rng = w.rng
    net = w.network(
        "criminal",
        "shoplifting_minors",
        "minors as suspects under changing identities; adults linked by phone, money, housing",
    )
    nat = rng.choice(("RO", "BG"))
    lo, hi = w.period(16)
    boss = net.add(
        w.person(nat, "M", age=(35, 52), bsn=False, v_number=False), "organiser", organiser=True
    )
    sups = [
        net.add(w.person(nat, "F", age=(24, 45), bsn=False, v_number=False), "supervisor")
        for _ in range(2)
    ]
    landlord = net.add(w.person(nat, "M", age=(35, 60), bsn=True), "landlord")
    driver = net.add(w.person(nat, "M", age=(22, 40), bsn=False), "driver")
    boss_phone, boss_acc = w.phone(nat), w.account(nat)
    acts.phone_of(w, "POL", boss, boss_phone, lo)
    acts.account_of(w, "POL", boss, boss_acc, lo)
    land_acc = w.account()
    acts.account_of(w, "POL", landlord, land_acc, lo)
    flats = [w.address(rng.choice(("Rotterdam", "Den Haag")), "woning") for _ in range(2)]
    for f in flats:
        w.fact("POL", "LANDLORD_OF", landlord, f, lo)
        acts.pay_series(
            w,
            "POL",
            boss_acc,
            land_acc,
            start=lo,
            n=max(3, (hi - lo).days // 30),
            every=30,
            amount=1450,
            spread=0.01,
            description="huur",
        )
    car = w.vehicle(rng.choice((nat, "FR")), "Volkswagen", "Touran")
    w.fact("POL", "DRIVES", driver, car, lo, date=lo)
    sup_phones = [w.phone(nat) for _ in sups]
    for s, ph in zip(sups, sup_phones, strict=True):
        acts.phone_of(w, "POL", s, ph, lo)
        acts.home(w, "POL", s, rng.choice(flats), lo)
    minors = []
    cities = [
        "Amsterdam",
        "Utrecht",
        "Eindhoven",
        "Groningen",
        "Maastricht",
        "Zwolle",
        "Haarlem",
        "Breda",
    ]
    for _ in range(max(3, n - 5)):
        m = net.add(
            w.person(nat, rng.choice("MF"), age=(11, 16), bsn=False, v_number=False), "minor_victim"
        )
        minors.append(m)
        sup = rng.choice(sups)
        acts.family(w, "POL", sup, _alias(w, m, "fam"), "moeder (opgegeven)", w.day(lo, hi))
        for _ in range(rng.randint(2, 4)):
            city = rng.choice(cities)
            when = w.day(lo, hi)
            alias = _alias(w, m, "inc")
            involved: list = [(alias, "suspect")]
            if rng.random() < 0.4:
                involved.append((sup, "suspect"))
            inv = acts.case(
                w,
                "POL",
                f"Winkeldiefstal {city} {when:%d-%m-%Y}",
                "unknown",
                when,
                involved,
                om_status=rng.choice(("geseponeerd", "HALT-afdoening", "strafbeschikking")),
                om_suspects=[alias],
            )
            if rng.random() < 0.5:
                w.fact("POL", "PASSENGER_IN", alias, car, when, date=when)
            _ = inv
        stay_place = rng.choice(sh.hotels + flats)
        when = w.day(lo, hi)
        acts.stay(w, "POL", m, stay_place, when, rng.randint(1, 4))
        if stay_place in sh.hotels:
            acts.paid_for(w, "POL", boss_acc, stay_place, rng.uniform(120, 300), when, "room")
        if rng.random() < 0.5:
            when = w.day(lo, hi)
            acts.crossing(
                w, m, "Hazeldonk (A16)", when, direction="in", vehicle=car, passenger=True
            )
    for _ in range(rng.randint(3, 6)):
        acts.crossing(
            w,
            driver,
            "Hazeldonk (A16)",
            w.day(lo, hi),
            direction=rng.choice(("in", "out")),
            vehicle=car,
        )
    for s in sups:
        sa = w.account()
        acts.account_of(w, "POL", s, sa, lo)
        acts.pay_series(
            w,
            "POL",
            sa,
            boss_acc,
            start=lo + timedelta(days=14),
            n=rng.randint(4, 9),
            every=21,
            amount=rng.uniform(400, 1200),
            description="storting",
        )
    reported = w.day(lo + timedelta(days=120), hi)
    sig = acts.signal(
        w,
        "POL",
        "criminal",
        reported,
        [(m, "victim") for m in minors[:4]] + [(sups[0], "suspect"), (boss_phone, "involved")],
        summary=summary(rng, "criminal", city=rng.choice(cities)),
    )
    started = reported + timedelta(days=30)
    inv = acts.case(
        w,
        "POL",
        case_name(w),
        "criminal",
        started,
        [(sups[0], "suspect"), (sups[1], "suspect"), (driver, "suspect")]
        + [(m, "victim") for m in minors],
        signals=[sig],
        om_status="in onderzoek",
        om_suspects=sups,
    )
    ch = acts.channel_of(inv)
    dp = w.phone(nat)
    acts.phone_of(w, "POL", driver, dp, started, channel=ch)
    for ph in [*sup_phones, dp]:
        acts.call(
            w,
            "POL",
            ph,
            boss_phone,
            started - timedelta(days=90),
            count=rng.randint(30, 90),
            registered=started,
            months=3,
            channel=ch,
        )
    lp = w.phone()
    acts.phone_of(w, "POL", landlord, lp, started, channel=ch)
    acts.call(
        w,
        "POL",
        lp,
        boss_phone,
        started - timedelta(days=90),
        count=rng.randint(3, 10),
        registered=started,
        channel=ch,
    )


def drug_running_minors(w: World, n: int) -> None:
    rng = w.rng
    net = w.network(
        "criminal",
        "drug_running_minors",
        "one deal line, rotating minors; the lieutenant is the suspect, the organiser pays",
    )
    lo, hi = w.period(14)
    city = rng.choice(("Rotterdam", "Amsterdam", "Den Haag", "Utrecht", "Arnhem"))
    boss = net.add(
        w.person(rng.choice(("NL", "SR", "MA")), "M", age=(27, 40), bsn=True),
        "organiser",
        organiser=True,
    )
    lieutenant = net.add(
        w.person(rng.choice(("NL", "SR", "MA")), "M", age=(19, 25), bsn=True), "recruiter"
    )
    mother = net.add(w.person(boss.nationality, "F", age=(50, 66), bsn=True), "facilitator")
    mother.name = PersonName(mother.name.style, mother.name.given, boss.name.family)
    acts.family(w, "POL", mother, boss, "zoon", lo)
    stash = w.address(city, "woning")
    acts.home(w, "POL", mother, stash, lo, registered=True)
    acts.home(w, "POL", boss, w.address(city), lo)
    deal_line, lp, bp = w.phone(), w.phone(), w.phone()
    b_acc, l_acc = w.account(), w.account()
    acts.account_of(w, "POL", boss, b_acc, lo)
    acts.account_of(w, "POL", lieutenant, l_acc, lo)
    acts.phone_of(w, "POL", lieutenant, lp, lo)
    acts.pay_series(
        w,
        "POL",
        b_acc,
        l_acc,
        start=lo,
        n=rng.randint(6, 12),
        every=14,
        amount=rng.uniform(800, 2000),
    )
    runners = []
    for i in range(max(3, n - 3)):
        r = net.add(
            w.person(
                "NL" if rng.random() < 0.7 else "MA",
                "M" if rng.random() < 0.85 else "F",
                age=(14, 16),
                bsn=True,
            ),
            "minor_victim",
        )
        runners.append(r)
        start = lo + timedelta(days=int((hi - lo).days * i / max(1, n - 3)))
        acts.phone_of(w, "POL", r, deal_line, start)
        home = w.address(city)
        acts.home(w, "POL", r, home, start)
        if rng.random() < 0.6:  # a worried parent (not a member) reports to youth care
            parent = w.person(r.nationality, rng.choice("MF"), age=(38, 55), bsn=True)
            parent.name = PersonName(parent.name.style, parent.name.given, r.name.family)
            acts.home(w, "POL", parent, home, start)
            acts.family(w, "POL", parent, r, "zoon" if r.gender == "M" else "dochter", start)
            when = w.day(start, hi)
            acts.signal(
                w,
                "POL",
                "criminal",
                when,
                [(r, "victim"), (parent, "reporter")],
                region=CITIES[city][2],
                summary="Melding jeugdzorg: jongere onder druk gezet om pakketjes te vervoeren.",
            )
        ra = w.account()
        acts.account_of(w, "POL", r, ra, start)
        acts.pay_series(
            w,
            "POL",
            l_acc,
            ra,
            start=start,
            n=rng.randint(2, 6),
            every=7,
            amount=rng.uniform(50, 150),
        )
        acts.stay(w, "POL", r, stash, start + timedelta(days=rng.randint(0, 20)), rng.randint(1, 3))
        for _ in range(rng.randint(1, 3)):
            when = w.day(start, hi)
            acts.case(
                w,
                "POL",
                f"Drugshandel {city} {when:%d-%m-%Y}",
                "unknown",
                when,
                [(r, "suspect"), (deal_line, "involved")]
                + ([(lieutenant, "suspect")] if rng.random() < 0.5 else []),
                om_status=rng.choice(("strafbeschikking", "geseponeerd", "gedagvaard")),
                om_suspects=[r],
            )
        if rng.random() < 0.5:
            acts.met(w, "POL", lieutenant, r, w.day(start, hi), "observatie", rng.randint(1, 4))
    for _ in range(2):
        acts.signal(
            w,
            "POL",
            "criminal",
            w.day(lo, hi),
            [(rng.choice(runners), "victim"), (lieutenant, "suspect")],
            region=CITIES[city][2],
            summary=summary(rng, "criminal", city=city),
        )
    started = w.day(lo + timedelta(days=90), hi)
    inv = acts.case(
        w,
        "POL",
        case_name(w),
        "criminal",
        started,
        [(lieutenant, "suspect"), (boss, "involved"), (stash, "involved")]
        + [(r, "suspect") for r in runners[:6]],
        om_status="gedagvaard",
        om_suspects=[lieutenant, *runners[:2]],
    )
    ch = acts.channel_of(inv)
    acts.phone_of(w, "POL", boss, bp, started, channel=ch)
    acts.call(
        w,
        "POL",
        deal_line,
        lp,
        started - timedelta(days=90),
        count=rng.randint(100, 300),
        registered=started,
        months=3,
        channel=ch,
    )
    acts.call(
        w,
        "POL",
        lp,
        bp,
        started - timedelta(days=90),
        count=rng.randint(5, 15),
        registered=started,
        months=3,
        channel=ch,
    )
    acts.met(
        w,
        "POL",
        boss,
        lieutenant,
        w.day(started - timedelta(days=60), started),
        "ontmoeting",
        1,
        registered=started,
        channel=ch,
    )


def cannabis_gardeners(w: World, sh: Shared, n: int) -> None:
    rng = w.rng
    net = w.network(
        "criminal",
        "cannabis_gardeners",
        "gardeners prosecuted as suspects; organiser pays the farm rent",
    )
    lo, hi = w.period(18)
    boss = net.add(
        w.person("VN", "M", age=(35, 52), bsn=True, v_number=True), "organiser", organiser=True
    )
    caretaker = net.add(
        w.person("VN", "M", age=(24, 40), bsn=rng.random() < 0.5, v_number=True), "caretaker"
    )
    tenant = net.add(w.person("NL", "M", age=(40, 62), bsn=True), "straw_man")
    farms = [
        w.address(rng.choice(("Heerlen", "Venlo", "Eindhoven", "Tilburg")), "woning")
        for _ in range(2)
    ]
    boss_acc, boss_phone, care_phone = w.account(), w.phone(), w.phone()
    acts.account_of(w, "POL", boss, boss_acc, lo)
    acts.home(w, "POL", boss, w.address("Amsterdam"), lo)
    acts.ind_file(w, boss, lo - timedelta(days=3000), addr=w.address("Amsterdam"), permit=True)
    car = w.vehicle("FR", "Peugeot", "Partner")
    w.fact("POL", "DRIVES", caretaker, car, lo, date=lo)
    for f in farms:
        acts.home(w, "POL", tenant, f, lo, registered=True)
        acts.pay_series(
            w,
            "POL",
            boss_acc,
            w.once(("landlord", id(f)), w.account),
            start=lo,
            n=max(4, (hi - lo).days // 30),
            every=30,
            amount=1300,
            spread=0.0,
            description="huur",
        )
        acts.paid_for(w, "POL", boss_acc, f, 1300, lo, "rent")
    gardeners = []
    for _ in range(max(2, n - 3)):
        g = net.add(w.person("VN", "M", age=(15, 21), bsn=False, v_number=True), "minor_victim")
        gardeners.append(g)
        came = w.day(lo - timedelta(days=300), lo)
        acts.ind_file(w, g, came, addr=rng.choice(sh.centres), doc_type="")
        if rng.random() < 0.5:
            acts.crossing(
                w,
                g,
                "Hazeldonk (A16)",
                came - timedelta(days=rng.randint(30, 200)),
                direction="in",
                vehicle=car,
                passenger=True,
            )
        farm = rng.choice(farms)
        found = w.day(lo, hi)
        acts.stay(w, "POL", g, farm, found - timedelta(days=60), 60)
        acts.case(
            w,
            "POL",
            f"Hennepkwekerij {farm.fields['city']} {found:%d-%m-%Y}",
            "unknown",
            found,
            [(g, "suspect"), (farm, "involved"), (tenant, "suspect")],
            om_status=rng.choice(("gedagvaard", "veroordeeld")),
            om_suspects=[g, tenant],
        )
        gp = w.phone()
        acts.phone_of(w, "POL", g, gp, found)
        acts.call(
            w,
            "POL",
            gp,
            care_phone,
            found - timedelta(days=60),
            count=rng.randint(10, 40),
            registered=found,
            months=2,
        )
    acts.signal(
        w,
        "POL",
        "criminal",
        w.day(lo, hi),
        [(gardeners[0], "victim"), (caretaker, "involved")],
        summary=summary(rng, "criminal", city=farms[0].fields["city"]),
    )
    acts.phone_of(w, "POL", caretaker, care_phone, lo)
    acts.call(
        w, "POL", care_phone, boss_phone, lo, count=rng.randint(20, 60), registered=hi, months=3
    )
    acts.phone_of(w, "POL", boss, boss_phone, hi)
    acts.pay_series(
        w,
        "POL",
        boss_acc,
        w.once(("acc", caretaker.key), w.account),
        start=lo,
        n=5,
        every=30,
        amount=900,
    )
    acts.account_of(w, "POL", caretaker, w.memo[("acc", caretaker.key)], lo)


def money_mule_accounts(w: World, pools: dict[str, list[Human]], n: int) -> None:
    rng = w.rng
    net = w.network(
        "criminal",
        "money_mule_accounts",
        "many inbound payers, outflow within a day to collector accounts",
    )
    lo, hi = w.period(10)
    boss = net.add(
        w.person(rng.choice(("NL", "SR")), "M", age=(24, 36), bsn=True), "collector", organiser=True
    )
    girlfriend = net.add(w.person("NL", "F", age=(20, 30), bsn=True), "money_collector")
    recruiters = [
        net.add(w.person(rng.choice(("NL", "MA", "SR")), "M", age=(18, 24), bsn=True), "recruiter")
        for _ in range(1 if n < 12 else 2)
    ]
    collectors = [w.account("LT"), w.account()]
    acts.account_of(w, "POL", girlfriend, collectors[1], lo)
    boss_acc, bp = w.account(), w.phone()
    acts.account_of(w, "POL", boss, boss_acc, lo)
    acts.home(w, "POL", boss, w.address(), lo)
    acts.home(w, "POL", girlfriend, w.address(), lo)
    acts.pay_series(
        w,
        "POL",
        collectors[1],
        boss_acc,
        start=lo + timedelta(days=10),
        n=rng.randint(4, 8),
        every=14,
        amount=rng.uniform(3000, 9000),
    )
    rps = [w.phone() for _ in recruiters]
    for r, rp in zip(recruiters, rps, strict=True):
        acts.phone_of(w, "POL", r, rp, lo)
    mules = []
    victims_pool = pools["residents"]
    for _ in range(max(2, n - 2 - len(recruiters))):
        m = net.add(
            w.person(
                "NL" if rng.random() < 0.7 else rng.choice(("MA", "SR", "TR")),
                rng.choice("MMF"),
                age=(16, 21),
                bsn=True,
            ),
            "money_mule",
        )
        mules.append(m)
        ma = w.account()
        start = w.day(lo, hi - timedelta(days=30))
        acts.account_of(w, "POL", m, ma, start)
        rec = rng.choice(recruiters)
        if rng.random() < 0.5:
            acts.account_of(w, "POL", rec, ma, start + timedelta(days=3))
        for v in rng.sample(victims_pool, rng.randint(4, 14)):
            va = w.account()
            acts.account_of(w, "POL", v, va, start)
            when = w.day(start, start + timedelta(days=20))
            amount = rng.uniform(200, 2500)
            acts.pay(
                w,
                "POL",
                va,
                ma,
                amount,
                when,
                description=rng.choice(("marktplaats", "aankoop", "veilig stellen saldo", "")),
            )
            acts.pay(
                w,
                "POL",
                ma,
                rng.choice(collectors),
                amount * rng.uniform(0.9, 0.98),
                when + timedelta(days=rng.choice((0, 0, 1))),
            )
        acts.pay(
            w,
            "POL",
            collectors[1],
            ma,
            rng.choice((50, 75, 100)),
            start + timedelta(days=25),
            description="",
        )
        if rng.random() < 0.6:
            acts.met(w, "POL", rec, m, w.day(start, hi), "observatie", 1)
    started = w.day(lo + timedelta(days=60), hi)
    reporters = rng.sample(victims_pool, 3)
    inv = acts.case(
        w,
        "POL",
        f"Helpdeskfraude {started.year}",
        "criminal",
        started,
        [(m, "suspect") for m in mules]
        + [(recruiters[0], "suspect")]
        + [(v, "reporter") for v in reporters],
        om_status="in onderzoek",
        om_suspects=mules[: max(1, len(mules) // 2)],
    )
    ch = acts.channel_of(inv)
    acts.phone_of(w, "POL", boss, bp, started, channel=ch)
    for rp in rps:
        acts.call(
            w,
            "POL",
            rp,
            bp,
            started - timedelta(days=60),
            count=rng.randint(20, 70),
            registered=started,
            months=2,
            channel=ch,
        )
    _ = Thing
