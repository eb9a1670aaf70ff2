"""Migrant smuggling networks (scenario ``smuggling``).

Variants (sizes at scale 1):

``organiser_abroad_van_route`` (60)
    The organiser lives abroad and is reachable only by foreign phones and through relatives'
    accounts; drivers with vans cross the eastern border; migrants are registered by KMAR
    (placeholder birth dates, passport-order names) and IND (reception centre); safe houses
    are paid from the organiser's side; a phone-shop hawaladar batches the money abroad.
    The organiser is known under an alias in KMAR's case and under his real name in an IND
    visa file; one passport links the two. Basis: KMAR smuggling cases, Europol EMSC.
``uk_lorry_route`` (32)
    Migrants hidden in lorries to the UK, caught at Hoek van Holland; a coordinator in NL pays
    the safe house; the organiser in the UK receives the money via the coordinator's wife.
``schiphol_impostor_documents`` (12)
    Look-alike passports used by several migrants at Schiphol, escorts on the same flights,
    tickets paid by the organiser in Istanbul and a travel agency. One passport's true holder
    is an ordinary traveller (not a member).
``family_reunification_fraud`` (20)
    Status holders claim fake spouses and children for family reunification; documents with
    consecutive numbers from one office; the referents pay an "advisor". Basis: IND/KMAR
    cases on fraudulent family reunification.
``eritrean_hawala_ransom`` (120)
    An organiser in Libya calls relatives in NL who pay ransom to two collectors, who pass it
    in batches to an account in Dubai; the migrants arrive later and are registered by KMAR
    and IND with Eritrean patronymic names in many spellings. Basis: Van Reisen et al.,
    "Human trafficking in the Sinai/Libya"; Dutch hawala cases (Rapporteur 2019).

This module is longer than ~500 lines on purpose: the variants of one scenario stay together
so they can be read next to ``README.md``, and the formatter writes the arguments of the
many fact calls one per line.
"""

from __future__ import annotations

from datetime import timedelta

from . import acts
from .decoys import Shared
from .kit import case_name, copies, size
from .texts import summary
from .world import Human, Thing, World

__all__ = ["build"]

_EAST_POSTS = ("Bad Bentheim (A1)", "Venlo-Zuid (A67)", "Zevenaar (A12)", "De Lutte (A1)")


def build(w: World, pools: dict[str, list[Human]], sh: Shared) -> None:
    for _ in range(copies(w)):
        organiser_abroad_van_route(w, pools, sh, size(w, 60))
        uk_lorry_route(w, sh, size(w, 32))
        schiphol_impostor_documents(w, pools, sh, size(w, 12))
        family_reunification_fraud(w, size(w, 20))
        eritrean_hawala_ransom(w, sh, size(w, 120))


def organiser_abroad_van_route(w: World, pools: dict[str, list[Human]], sh: Shared, n: int) -> None:
    rng = w.rng
    net = w.network(
        "smuggling",
        "organiser_abroad_van_route",
        "organiser abroad by phone and relatives' accounts only; alias + real name linked by passport",
    )
    nat = rng.choice(("SY", "IQ"))
    lo, hi = w.period(20)
    boss = net.add(
        w.person(nat, "M", age=(35, 52), bsn=False, v_number=True), "organiser", organiser=True
    )
    rel_tr = net.add(w.person(nat, "M", age=(25, 45), bsn=False, v_number=False), "money_collector")
    rel_de = net.add(w.person(nat, "F", age=(25, 45), bsn=False, v_number=False), "money_collector")
    coord = net.add(w.person(nat, "M", age=(26, 40), bsn=True, v_number=True), "coordinator")
    hawala = net.add(w.person(nat, "M", age=(40, 58), bsn=True, v_number=True), "hawaladar")
    drivers = [
        net.add(
            w.person(rng.choice(("NL", "PL", "DE", nat)), "M", age=(22, 50), bsn=None), "driver"
        )
        for _ in range(4)
    ]
    helpers = [
        net.add(w.person(nat, "M", age=(22, 40), bsn=True, v_number=True), "safe_house_keeper")
        for _ in range(2)
    ]
    # the organiser: an alias in the case, his real name in an IND visa file, one passport
    passport = w.document(boss, "passport")
    alias = w.view(
        boss, ("alias",), name=f"Abu {rng.choice(('Karim', 'Omar', 'Ali', 'Hassan', 'Jamal'))}"
    )
    acts.ind_file(w, boss, lo - timedelta(days=700), doc=passport)
    acts.crossing(w, boss, "Schiphol", lo - timedelta(days=650), direction="in", doc=passport)
    acts.crossing(w, boss, "Schiphol", lo - timedelta(days=640), direction="out")
    boss_phones = [w.phone("DE"), w.phone("TR")]
    tr_acc, de_acc = w.account("TR"), w.account("DE")
    acts.family(w, "KMAR", boss, rel_tr, "broer", lo)
    acts.family(w, "KMAR", boss, rel_de, "zus", lo)
    coord_home, coord_phone = w.address("Enschede"), w.phone()
    acts.ind_file(w, coord, lo - timedelta(days=1200), addr=coord_home, permit=True)
    acts.home(w, "POL", coord, coord_home, lo)
    acts.phone_of(w, "POL", coord, coord_phone, lo)
    shop = w.company(
        f"Belwinkel {rng.choice(('Al Noor', 'Damascus', 'Mobile Point', 'Telecom Centrum'))}",
        "telecom/geldtransfer",
    )
    shop_acc = w.account()
    w.fact("POL", "DIRECTOR_OF", hawala, shop, lo)
    acts.home(w, "POL", shop, w.address("Arnhem", "winkel"), lo, registered=True)
    acts.account_of(w, "POL", shop, shop_acc, lo)
    acts.ind_file(w, hawala, lo - timedelta(days=3000), addr=w.address("Arnhem"), permit=True)
    safe = [w.address(c, "woning") for c in ("Enschede", "Arnhem", "Venlo")]
    for s in safe:
        for month in range(rng.randint(3, 8)):
            acts.paid_for(
                w,
                "POL",
                de_acc,
                s,
                rng.choice((900, 1100, 1250)),
                lo + timedelta(days=30 * month),
                "rent",
            )
    acts.home(w, "POL", helpers[0], safe[0], lo)
    acts.home(w, "POL", helpers[1], safe[1], lo)
    vans = [
        w.vehicle(
            rng.choice(("NL", "DE")),
            rng.choice(("Mercedes-Benz", "Volkswagen")),
            rng.choice(("Sprinter", "Crafter")),
        )
        for _ in drivers
    ]
    hc = w.vehicle("NL", "Opel", "Zafira")
    w.fact("POL", "OWNS_VEHICLE", helpers[1], hc, lo)
    migrants = []
    for _ in range(max(5, n - len(net.roles))):
        m = net.add(
            w.person(
                rng.choice((nat, nat, "AF", "TR", "SY")),
                rng.choice("MMMF"),
                age=(3, 45),
                bsn=False,
                v_number=True,
            ),
            "migrant",
        )
        migrants.append(m)
    groups = [migrants[i : i + 5] for i in range(0, len(migrants), 5)]
    for t, group in enumerate(groups):
        d = drivers[t % len(drivers)]
        van = vans[t % len(vans)]
        when = w.day(lo, hi)
        post = rng.choice(_EAST_POSTS)
        caught = rng.random() < 0.45
        acts.crossing(w, d, post, when, direction="in", vehicle=van)
        if caught:
            for m in group:
                acts.crossing(w, m, post, when, direction="in", vehicle=van, passenger=True)
            acts.signal(
                w,
                "KMAR",
                "smuggling",
                when,
                [(d, "suspect"), (van, "involved")] + [(m, "involved") for m in group],
                summary=summary(rng, "smuggling", post=post),
            )
        house = rng.choice(safe)
        for m in group:
            acts.stay(w, "POL", m, house, when, rng.randint(1, 6))
            centre = sh.centres[0] if rng.random() < 0.8 else sh.centres[-1]
            acts.ind_file(
                w,
                m,
                when + timedelta(days=rng.randint(1, 10)),
                addr=centre,
                doc_type="passport" if rng.random() < 0.3 else "",
            )
            if rng.random() < 0.3:
                w.fact(
                    "POL",
                    "PASSENGER_IN",
                    m,
                    hc,
                    when + timedelta(days=1),
                    date=when + timedelta(days=1),
                )
    # money: relatives of migrants pay at the phone shop, the shop passes it in batches to TR
    payers = rng.sample(pools["ind"] + pools["residents"], min(len(migrants), 30))
    for p in payers:
        pa = w.account()
        acts.account_of(w, "POL", p, pa, lo)
        acts.pay(
            w,
            "POL",
            pa,
            shop_acc,
            rng.choice((2500, 3000, 4000, 5500)),
            w.day(lo, hi),
            description=rng.choice(("", "familie", "schuld")),
        )
    acts.pay_series(
        w,
        "POL",
        shop_acc,
        tr_acc,
        start=lo + timedelta(days=20),
        n=max(3, (hi - lo).days // 45),
        every=45,
        amount=14000,
        description="import goederen",
    )
    acts.pay_series(
        w, "POL", tr_acc, de_acc, start=lo + timedelta(days=30), n=3, every=90, amount=5000
    )
    for d in drivers:
        da = w.account("DE" if d.nationality == "DE" else "PL" if d.nationality == "PL" else "NL")
        acts.account_of(w, "POL", d, da, lo)
        acts.pay_series(
            w,
            "POL",
            de_acc,
            da,
            start=lo + timedelta(days=15),
            n=rng.randint(2, 5),
            every=40,
            amount=rng.uniform(800, 2000),
        )
    started = w.day(lo + timedelta(days=150), hi)
    inv = acts.case(
        w,
        "KMAR",
        case_name(w),
        "smuggling",
        started,
        [(d, "suspect") for d in drivers]
        + [
            (coord, "suspect"),
            (alias, "suspect"),
            (hawala, "involved"),
            (helpers[0], "suspect"),
            (helpers[1], "involved"),
        ]
        + [(m, "involved") for m in migrants[:15]],
        om_status="in onderzoek",
        om_suspects=[*drivers[:3], coord],
    )
    ch = acts.channel_of(inv)
    for ph in boss_phones:
        acts.phone_of(w, "KMAR", alias, ph, started, channel=ch)
    acts.account_of(w, "KMAR", rel_tr, tr_acc, started, channel=ch)
    acts.account_of(w, "KMAR", rel_de, de_acc, started, channel=ch)
    hp = w.phone()
    acts.phone_of(w, "KMAR", hawala, hp, started, channel=ch)
    dps = []
    for d in drivers:
        dp = w.phone()
        dps.append(dp)
        acts.phone_of(w, "KMAR", d, dp, started, channel=ch)
    for ph in [coord_phone, hp, *dps]:
        acts.call(
            w,
            "KMAR",
            ph,
            rng.choice(boss_phones),
            started - timedelta(days=120),
            count=rng.randint(20, 90),
            registered=started,
            months=4,
            channel=ch,
        )
    for dp in dps:
        acts.call(
            w,
            "KMAR",
            dp,
            coord_phone,
            started - timedelta(days=90),
            count=rng.randint(10, 40),
            registered=started,
            months=2,
            channel=ch,
        )
    for m in rng.sample(migrants, min(12, len(migrants))):
        mp = w.phone(rng.choice(("NL", nat if nat in ("SY", "IQ") else "TR", "TR")))
        acts.phone_of(w, "KMAR", m, mp, started, channel=ch)
        acts.call(
            w,
            "KMAR",
            mp,
            coord_phone,
            started - timedelta(days=60),
            count=rng.randint(2, 12),
            registered=started,
            channel=ch,
        )
    acts.met(
        w,
        "KMAR",
        coord,
        helpers[0],
        w.day(started - timedelta(days=60), started),
        "observatie",
        rng.randint(2, 5),
        registered=started,
        channel=ch,
    )


def uk_lorry_route(w: World, sh: Shared, n: int) -> None:
    rng = w.rng
    net = w.network(
        "smuggling",
        "uk_lorry_route",
        "lorries to the UK via Hoek van Holland; coordinator pays the safe house",
    )
    nat = rng.choice(("VN", "AL"))
    lo, hi = w.period(16)
    boss = net.add(
        w.person(nat, "M", age=(32, 50), bsn=False, v_number=False), "organiser", organiser=True
    )
    coord = net.add(w.person(nat, "M", age=(28, 45), bsn=True, v_number=True), "coordinator")
    wife = net.add(w.person(nat, "F", age=(25, 42), bsn=True, v_number=True), "money_collector")
    drivers = [
        net.add(
            w.person(rng.choice(("RO", "BG")), "M", age=(28, 58), bsn=False, v_number=False),
            "driver",
        )
        for _ in range(3)
    ]
    handler = net.add(w.person(nat, "M", age=(22, 35), bsn=False, v_number=True), "spotter")
    boss_phone, boss_acc = w.phone("GB"), w.account("GB")
    coord_phone, wife_acc = w.phone(), w.account()
    home = w.address("Rotterdam")
    for h in (coord, wife):
        acts.home(w, "POL", h, home, lo)
        acts.ind_file(w, h, lo - timedelta(days=2000), addr=home, permit=True)
    acts.family(w, "POL", coord, wife, "echtgenote", lo)
    acts.phone_of(w, "POL", coord, coord_phone, lo)
    acts.account_of(w, "POL", wife, wife_acc, lo)
    safe = w.address("Schiedam", "woning")
    coord_acc = w.account()
    acts.account_of(w, "POL", coord, coord_acc, lo)
    for month in range(max(3, (hi - lo).days // 30)):
        acts.paid_for(w, "POL", coord_acc, safe, 1150, lo + timedelta(days=30 * month), "rent")
    trucks = [
        w.vehicle(
            d.nationality, rng.choice(("DAF", "Scania", "Volvo")), rng.choice(("XF", "R450", "FH"))
        )
        for d in drivers
    ]
    migrants = [
        net.add(
            w.person(
                rng.choice((nat, nat, "ER")),
                rng.choice("MMF"),
                age=(15, 40),
                bsn=False,
                v_number=True,
            ),
            "migrant",
        )
        for _ in range(max(4, n - len(net.roles)))
    ]
    for i, m in enumerate(migrants):
        arrive = w.day(lo, hi - timedelta(days=30))
        acts.stay(w, "KMAR", m, safe, arrive, rng.randint(2, 10))
        t = i % len(drivers)
        when = arrive + timedelta(days=rng.randint(3, 12))
        post = rng.choice(("Hoek van Holland", "Rotterdam Europoort"))
        acts.crossing(w, drivers[t], post, when, direction="out", vehicle=trucks[t])
        acts.crossing(w, m, post, when, direction="out", vehicle=trucks[t], passenger=True)
        acts.ind_file(w, m, when + timedelta(days=2), addr=rng.choice(sh.centres), doc_type="")
        if rng.random() < 0.2:  # caught a second time, registered again
            again = when + timedelta(days=rng.randint(20, 90))
            acts.crossing(w, m, post, again, direction="out")
        payer = w.account(rng.choice(("GB", "FR", "DE")))
        acts.pay(
            w,
            "POL",
            payer,
            wife_acc,
            rng.choice((3000, 4500, 6000)),
            arrive - timedelta(days=rng.randint(5, 30)),
            description="",
        )
    acts.pay_series(
        w,
        "POL",
        wife_acc,
        boss_acc,
        start=lo + timedelta(days=30),
        n=rng.randint(4, 8),
        every=30,
        amount=rng.uniform(8000, 15000),
    )
    acts.account_of(w, "POL", boss, boss_acc, lo)
    for d in drivers:
        acts.met(w, "KMAR", handler, d, w.day(lo, hi), "observatie", rng.randint(1, 3))
    acts.signal(
        w,
        "KMAR",
        "smuggling",
        w.day(lo, hi),
        [(drivers[0], "suspect"), (trucks[0], "involved"), (migrants[0], "involved")],
        summary=summary(rng, "smuggling", post="Hoek van Holland"),
    )
    started = w.day(lo + timedelta(days=90), hi)
    inv = acts.case(
        w,
        "KMAR",
        case_name(w),
        "smuggling",
        started,
        [(d, "suspect") for d in drivers]
        + [(coord, "suspect"), (handler, "suspect"), (wife, "involved")]
        + [(m, "involved") for m in migrants],
        om_status="gedagvaard",
        om_suspects=[*drivers, handler],
    )
    ch = acts.channel_of(inv)
    acts.phone_of(w, "KMAR", boss, boss_phone, started, channel=ch)
    acts.call(
        w,
        "KMAR",
        coord_phone,
        boss_phone,
        started - timedelta(days=120),
        count=rng.randint(60, 150),
        registered=started,
        months=4,
        channel=ch,
    )
    hp = w.phone()
    acts.phone_of(w, "KMAR", handler, hp, started, channel=ch)
    acts.call(
        w,
        "KMAR",
        hp,
        coord_phone,
        started - timedelta(days=90),
        count=rng.randint(30, 80),
        registered=started,
        months=3,
        channel=ch,
    )
    for d in drivers:
        dp = w.phone(d.nationality)
        acts.phone_of(w, "KMAR", d, dp, started, channel=ch)
        acts.call(
            w,
            "KMAR",
            dp,
            hp,
            started - timedelta(days=90),
            count=rng.randint(5, 25),
            registered=started,
            months=2,
            channel=ch,
        )


def schiphol_impostor_documents(
    w: World, pools: dict[str, list[Human]], sh: Shared, n: int
) -> None:
    rng = w.rng
    net = w.network(
        "smuggling",
        "schiphol_impostor_documents",
        "look-alike passports shared by migrants; tickets paid by the organiser",
    )
    lo, hi = w.period(12)
    boss = net.add(
        w.person("TR", "M", age=(40, 56), bsn=False, v_number=False), "organiser", organiser=True
    )
    agent = net.add(w.person("TR", "M", age=(35, 60), bsn=True), "facilitator")
    escorts = [
        net.add(
            w.person(rng.choice(("TR", "IQ")), "M", age=(25, 45), bsn=False, v_number=False),
            "escort",
        )
        for _ in range(2)
    ]
    agency = w.company(
        f"Reisbureau {rng.choice(('Anatolia', 'Bosporus', 'Hilal'))} Travel", "reisbureau"
    )
    ag_acc, boss_acc, boss_phone = w.account(), w.account("TR"), w.phone("TR")
    w.fact("POL", "DIRECTOR_OF", agent, agency, lo)
    acts.home(w, "POL", agency, w.address("Rotterdam", "winkel"), lo, registered=True)
    acts.account_of(w, "POL", agency, ag_acc, lo)
    acts.pay_series(w, "POL", boss_acc, ag_acc, start=lo, n=4, every=60, amount=6000)
    # look-alike passports: genuine documents of ordinary travellers
    holders = rng.sample(pools["travellers"], 2)
    docs = []
    for h in holders:
        doc = w.document(h, "passport")
        docs.append(doc)
        acts.crossing(
            w, h, "Schiphol", w.day(lo - timedelta(days=400), lo), direction="out", doc=doc
        )
    migrants = [
        net.add(
            w.person(
                rng.choice(("SY", "IQ", "AF", "ER")),
                rng.choice("MF"),
                age=(18, 40),
                bsn=False,
                v_number=True,
            ),
            "migrant",
        )
        for _ in range(max(3, n - 4))
    ]
    for i, m in enumerate(migrants):
        when = w.day(lo, hi)
        esc = escorts[i % 2]
        acts.crossing(w, m, "Schiphol", when, direction="in", doc=docs[i % len(docs)])
        acts.crossing(w, esc, "Schiphol", when, direction="in")
        w.fact("KMAR", "TRAVELLED_WITH", esc, m, when, date=when)
        acts.paid_for(
            w,
            "POL",
            rng.choice((boss_acc, ag_acc)),
            m,
            rng.uniform(450, 1200),
            when - timedelta(days=rng.randint(3, 20)),
            "travel",
        )
        acts.ind_file(w, m, when + timedelta(days=1), addr=rng.choice(sh.centres), doc_type="")
        acts.signal(
            w,
            "KMAR",
            "smuggling",
            when,
            [(m, "involved"), (docs[i % len(docs)], "involved"), (esc, "suspect")],
            summary="Reizigers met vervalste of lookalike paspoorten aangetroffen bij Schiphol.",
        )
    started = w.day(lo + timedelta(days=60), hi)
    inv = acts.case(
        w,
        "KMAR",
        case_name(w),
        "smuggling",
        started,
        [(e, "suspect") for e in escorts]
        + [(agent, "involved")]
        + [(m, "involved") for m in migrants],
        om_status="gedagvaard",
        om_suspects=escorts,
    )
    ch = acts.channel_of(inv)
    acts.phone_of(w, "KMAR", boss, boss_phone, started, channel=ch)
    acts.account_of(w, "KMAR", boss, boss_acc, started, channel=ch)
    ap = w.phone()
    acts.phone_of(w, "KMAR", agent, ap, started, channel=ch)
    acts.call(
        w,
        "KMAR",
        ap,
        boss_phone,
        started - timedelta(days=90),
        count=rng.randint(15, 40),
        registered=started,
        months=3,
        channel=ch,
    )
    for e in escorts:
        ep = w.phone("TR")
        acts.phone_of(w, "KMAR", e, ep, started, channel=ch)
        acts.call(
            w,
            "KMAR",
            ep,
            boss_phone,
            started - timedelta(days=90),
            count=rng.randint(20, 60),
            registered=started,
            months=3,
            channel=ch,
        )


def family_reunification_fraud(w: World, n: int) -> None:
    rng = w.rng
    net = w.network(
        "smuggling",
        "family_reunification_fraud",
        "fake spouses and children; documents with consecutive numbers; referents pay an advisor",
    )
    nat = rng.choice(("ER", "SY"))
    lo, hi = w.period(24)
    advisor = net.add(
        w.person(nat, "M", age=(35, 52), bsn=True, v_number=True), "organiser", organiser=True
    )
    office = w.company(f"Migratieadvies {advisor.name.family}", "advies")
    adv_acc = w.account()
    w.fact("POL", "DIRECTOR_OF", advisor, office, lo)
    acts.account_of(w, "POL", advisor, adv_acc, lo)
    acts.home(w, "POL", office, w.address("Amsterdam", "bedrijfspand"), lo, registered=True)
    acts.ind_file(w, advisor, lo - timedelta(days=3000), addr=w.address("Amsterdam"), permit=True)
    referents = [
        net.add(w.person(nat, "M", age=(28, 45), bsn=True, v_number=True), "referent")
        for _ in range(3)
    ]
    base_no = rng.randint(1_000_000, 8_000_000)
    seq = 0
    claimed = []
    for r in referents:
        home = w.address(rng.choice(("Utrecht", "Tilburg", "Almere", "Zwolle")))
        acts.ind_file(w, r, lo - timedelta(days=1000), addr=home, permit=True)
        ra = w.account()
        acts.account_of(w, "POL", r, ra, lo)
        k = max(2, (n - 4) // 3)
        for j in range(k):
            rel = "echtgenote" if j == 0 else "kind"
            c = net.add(
                w.person(
                    nat,
                    "F" if j == 0 else rng.choice("MF"),
                    age=(20, 35) if j == 0 else (10, 19),
                    bsn=False,
                    v_number=True,
                    precision="year",
                ),
                "claimed_relative",
            )
            claimed.append(c)
            when = w.day(lo, hi - timedelta(days=60))
            acts.family(w, "IND", r, c, rel, when)
            seq += 1
            doc = Thing(
                "IdentityDocument",
                {"doc_type": "id_card", "number": f"{nat}{base_no + seq}", "country": nat},
            )
            w.fact("IND", "HAS_DOCUMENT", c, doc, when)
            arrive = when + timedelta(days=rng.randint(90, 200))
            visa = w.document(c, "visa", "NL")
            acts.crossing(w, c, "Schiphol", arrive, direction="in", doc=visa)
            acts.home(w, "IND", c, home, arrive + timedelta(days=14))
            if rng.random() < 0.4:  # soon registered elsewhere: not a real family
                acts.home(w, "IND", c, w.address(), arrive + timedelta(days=rng.randint(60, 200)))
            acts.pay(
                w,
                "POL",
                ra,
                adv_acc,
                rng.choice((2000, 3000, 4500)),
                when - timedelta(days=rng.randint(5, 40)),
                description=rng.choice(("advies", "leges", "")),
            )
    ap = w.phone()
    acts.phone_of(w, "POL", advisor, ap, lo)
    s = acts.signal(
        w,
        "POL",
        "smuggling",
        w.day(lo + timedelta(days=200), hi),
        [(advisor, "suspect"), (ap, "involved")] + [(r, "involved") for r in referents],
        summary="Informatie van partner over gezinshereniging via hetzelfde adviesbureau; documenten met opeenvolgende nummers.",
    )
    s2 = acts.signal(
        w,
        "KMAR",
        "smuggling",
        w.day(lo + timedelta(days=200), hi),
        [(c, "involved") for c in claimed[:3]],
        summary="Reizigers met vervalste of lookalike paspoorten aangetroffen bij Schiphol.",
    )
    started = w.day(lo + timedelta(days=250), hi)
    acts.case(
        w,
        "KMAR",
        case_name(w),
        "smuggling",
        started,
        [(advisor, "suspect")]
        + [(r, "suspect") for r in referents]
        + [(c, "involved") for c in claimed[:6]],
        signals=[s, s2],
        om_status="in onderzoek",
        om_suspects=[advisor],
    )


def eritrean_hawala_ransom(w: World, sh: Shared, n: int) -> None:
    rng = w.rng
    net = w.network(
        "smuggling",
        "eritrean_hawala_ransom",
        "organiser in Libya calls relatives; collectors batch ransom to Dubai",
    )
    lo, hi = w.period(24)
    boss = net.add(
        w.person("ER", "M", age=(32, 48), bsn=False, v_number=False), "organiser", organiser=True
    )
    assoc = net.add(w.person("ER", "M", age=(30, 50), bsn=False, v_number=False), "money_collector")
    collectors = [
        net.add(w.person("ER", "M", age=(30, 55), bsn=True, v_number=True), "hawaladar")
        for _ in range(2)
    ]
    driver = net.add(w.person("ER", "M", age=(25, 40), bsn=True, v_number=True), "driver")
    boss_phones = [w.phone("LY"), w.phone("LY"), w.phone("SD")]
    ae_acc = w.account("AE")
    col_accs = [w.account() for _ in collectors]
    col_phones = [w.phone() for _ in collectors]
    for c, a, p in zip(collectors, col_accs, col_phones, strict=True):
        home = w.address(rng.choice(("Amsterdam", "Rotterdam", "Den Haag")))
        acts.ind_file(w, c, lo - timedelta(days=2500), addr=home, permit=True)
        acts.home(w, "POL", c, home, lo)
        acts.account_of(w, "POL", c, a, lo)
        acts.phone_of(w, "POL", c, p, lo)
        acts.pay_series(
            w,
            "POL",
            a,
            ae_acc,
            start=lo + timedelta(days=40),
            n=max(4, (hi - lo).days // 40),
            every=40,
            amount=rng.uniform(15000, 30000),
            description="trade",
        )
    n_rel = max(3, round(n * 0.35))
    n_mig = max(3, n - 5 - n_rel)
    migrants = [
        net.add(
            w.person(
                rng.choice(("ER", "ER", "ER", "ET")),
                rng.choice("MMF"),
                age=(14, 35),
                bsn=False,
                v_number=True,
            ),
            "migrant",
        )
        for _ in range(n_mig)
    ]
    relatives = []
    for i in range(n_rel):
        r = net.add(
            w.person("ER", rng.choice("MF"), age=(25, 55), bsn=True, v_number=True),
            "payer_relative",
        )
        relatives.append(r)
        home = w.address()
        acts.ind_file(w, r, lo - timedelta(days=rng.randint(800, 3000)), addr=home, permit=True)
        ra = w.account()
        acts.account_of(w, "POL", r, ra, lo)
        col = rng.randrange(len(collectors))
        for _ in range(rng.randint(1, 4)):
            acts.pay(
                w,
                "POL",
                ra,
                col_accs[col],
                rng.choice((1000, 1500, 2500, 3500, 5000)),
                w.day(lo, hi),
                description=rng.choice(("", "familie", "help")),
            )
        kin = migrants[i % len(migrants)]
        acts.family(w, "IND", r, kin, rng.choice(("broer", "zus", "neef", "kind")), w.day(lo, hi))
    posts = ("Schiphol", "Hazeldonk (A16)", "Bad Bentheim (A1)", "Venlo-Zuid (A67)")
    car = w.vehicle("NL", "Toyota", "Avensis")
    w.fact("POL", "OWNS_VEHICLE", driver, car, lo)
    for m in migrants:
        when = w.day(lo + timedelta(days=60), hi)
        post = rng.choice(posts)
        if post != "Schiphol" and rng.random() < 0.3:
            acts.crossing(w, driver, post, when, direction="in", vehicle=car)
            acts.crossing(w, m, post, when, direction="in", vehicle=car, passenger=True)
        else:
            acts.crossing(w, m, post, when, direction="in")
        acts.ind_file(
            w,
            m,
            when + timedelta(days=rng.randint(1, 6)),
            addr=sh.centres[0] if rng.random() < 0.7 else sh.centres[-1],
            doc_type="",
        )
        if rng.random() < 0.4:
            acts.home(w, "IND", m, w.address(), when + timedelta(days=rng.randint(120, 400)))
    reported = w.day(lo + timedelta(days=120), hi)
    sig = acts.signal(
        w,
        "POL",
        "smuggling",
        reported,
        [
            (rng.choice(relatives), "reporter"),
            (boss_phones[0], "involved"),
            (collectors[0], "suspect"),
        ],
        summary=summary(rng, "smuggling"),
    )
    started = reported + timedelta(days=30)
    alias = w.view(
        boss,
        ("alias",),
        name=f"{boss.name.given[0]} {rng.choice(('Walid', 'the General', 'Kidane'))}",
    )
    inv = acts.case(
        w,
        "POL",
        case_name(w),
        "smuggling",
        started,
        [(c, "suspect") for c in collectors]
        + [(alias, "suspect"), (driver, "involved")]
        + [(r, rng.choice(("victim", "witness"))) for r in relatives[:20]],
        signals=[sig],
        om_status="in onderzoek",
        om_suspects=collectors,
    )
    ch = acts.channel_of(inv)
    for ph in boss_phones:
        acts.phone_of(w, "POL", alias, ph, started, channel=ch)
    acts.account_of(w, "POL", assoc, ae_acc, started, channel=ch)
    acts.family(w, "POL", boss, assoc, "neef", started, channel=ch)
    for r in relatives:
        rp = w.phone()
        acts.phone_of(w, "POL", r, rp, started, channel=ch)
        acts.call(
            w,
            "POL",
            rng.choice(boss_phones),
            rp,
            started - timedelta(days=rng.randint(30, 200)),
            count=rng.randint(2, 12),
            registered=started,
            channel=ch,
        )
    for cp in col_phones:
        acts.call(
            w,
            "POL",
            cp,
            boss_phones[0],
            started - timedelta(days=150),
            count=rng.randint(20, 80),
            registered=started,
            months=5,
            channel=ch,
        )
    dp = w.phone()
    acts.phone_of(w, "POL", driver, dp, started, channel=ch)
    acts.call(
        w,
        "POL",
        dp,
        col_phones[0],
        started - timedelta(days=90),
        count=rng.randint(10, 30),
        registered=started,
        months=2,
        channel=ch,
    )
