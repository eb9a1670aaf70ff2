"""The ordinary background: residents, employers, hotels, travellers, applicants, signals
and small investigations that go nowhere, and the ties between networks and ordinary life."""

from __future__ import annotations

import datetime as dt

from .kit import wage_fair
from .world import END, START, Ent, Person, World

_FOREIGN = [
    "PL",
    "RO",
    "TR",
    "MA",
    "SY",
    "ER",
    "UA",
    "BG",
    "IN",
    "CN",
    "BR",
    "VN",
    "AF",
    "NG",
    "HU",
    "PH",
]

_NOISE = {
    "POL": [
        ("unknown", "Melding van verdachte situatie in woning; bij controle niets aangetroffen."),
        ("sexual", "Anonieme tip over prostitutie in woning; geen aanwijzingen gevonden."),
        (
            "labour",
            "Melding over lange werkdagen bij een bedrijf; doorgezet naar inspectie, geen vervolg.",
        ),
        ("criminal", "Jongeren hangen rond bij winkelcentrum; mogelijk ronselen, niet bevestigd."),
        (
            "smuggling",
            "Auto met meerdere buitenlandse inzittenden gecontroleerd; papieren in orde.",
        ),
        ("unknown", "Buren melden veel bezoek op wisselende tijden; geen strafbare feiten."),
    ],
    "KMAR": [
        ("smuggling", "Reiziger met afwijkend reispatroon gecontroleerd; geen bijzonderheden."),
        (
            "sexual",
            "Jonge vrouw reist alleen met onduidelijk verblijfsadres; na gesprek geen signalen.",
        ),
        ("smuggling", "Busreis met groep reizigers gecontroleerd; alle documenten geldig."),
    ],
    "ISZW": [
        ("labour", "Klacht over achterstallig loon; na bemiddeling opgelost."),
        ("labour", "Melding over slechte huisvesting; bij inspectie voldoende."),
        ("labour", "Anonieme melding over zwartwerk; geen overtreding vastgesteld."),
    ],
}


def setup(w: World) -> None:
    """Hotels and big employers that networks and the background share."""
    rng = w.rng
    for _ in range(14):
        adr = w.address(rng.choice(["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Den Haag", "Haarlem",
                                    "Groningen", "Maastricht", "Breda", "Arnhem"]), kind="hotel")  # fmt: skip
        w.hotels.append(adr)
    for _ in range(45):
        co = w.company(
            w.company_name(),
            rng.choice(
                [
                    "logistiek",
                    "bouw",
                    "zorg",
                    "detailhandel",
                    "metaal",
                    "ICT",
                    "horeca",
                    "schoonmaak",
                ]
            ),
        )
        w.employers.append(co)


def _household(w: World, size: int) -> tuple[list[Person], Ent]:
    rng = w.rng
    origin = "NL" if rng.random() < 0.7 else rng.choice(_FOREIGN)
    home = w.address()
    head = w.person(origin, age=(25, 75), bsn=True)
    people = [head]
    for i in range(size - 1):
        if i == 0:
            people.append(
                w.person(
                    origin if rng.random() < 0.8 else "NL",
                    age=(25, 75),
                    bsn=True,
                    surname=head.surname if rng.random() < 0.4 else None,
                )
            )
        else:
            people.append(w.person(origin, age=(4, 24), bsn=True, surname=head.surname))
    return people, home


def fill(w: World) -> None:
    """The ordinary population and what each party happens to know of it."""
    rng = w.rng
    s = w.scale
    residents: list[tuple[Person, Ent]] = []
    phones: dict[str, Ent] = {}

    def phone(p: Person, party: str, when: dt.date) -> Ent:
        ph = phones.get(p.key)
        if ph is None:
            ph = phones[p.key] = w.phone(
                "NL" if p.origin == "NL" or rng.random() < 0.7 else p.origin
            )
        w.fact(party, "USES_PHONE", p, ph, when)
        return ph

    households = []
    for _ in range(max(8, int(1800 * s))):
        people, home = _household(w, rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5]))
        households.append((people, home))
        residents += [(p, home) for p in people]
    adults = [(p, h) for p, h in residents if not p.minor]

    def when() -> dt.date:
        return w.date_between(START, END)

    # signals that go nowhere, with reporters, witnesses and the people they concern
    for _ in range(max(6, int(900 * s))):
        party = rng.choice(["POL", "POL", "POL", "KMAR", "ISZW"])
        phen, text = rng.choice(_NOISE[party])
        t = when()
        sig = w.signal(party, phen, t, text, sector="onbekend" if party == "ISZW" else None)
        for i in range(rng.randint(1, 3)):
            p, home = rng.choice(adults)
            role = (
                ["melder", "betrokkene", "getuige"][min(i, 2)] if rng.random() < 0.8 else "involved"
            )
            w.involve(party, p, sig, role, t)
            if rng.random() < 0.6:
                w.fact(party, "LIVES_AT", p, home, t)
            if rng.random() < 0.4:
                phone(p, party, t)
        if rng.random() < 0.3:
            w.involve(party, rng.choice(adults)[1], sig, "involved", t)

    # hotel registers checked by the police
    for _ in range(max(10, int(1200 * s))):
        p, _home = rng.choice(adults)
        t = when()
        hotel = rng.choice(w.hotels)
        w.fact("POL", "STAYED_AT", p, hotel, t, date=t, nights=rng.randint(1, 6))
        if rng.random() < 0.3:
            ac = w.account()
            w.fact("POL", "HOLDS_ACCOUNT", p, ac, t)
            w.fact(
                "POL",
                "PAID_FOR",
                ac,
                hotel,
                t,
                amount=rng.uniform(80, 900),
                date=t,
                purpose="kamer",
            )

    # travellers at the border (families travel together)
    for _ in range(max(10, int(600 * s))):
        people, _home = rng.choice(households)
        t = when()
        post = rng.choice(
            [
                "Schiphol",
                "Schiphol",
                "Eindhoven Airport",
                "Rotterdam The Hague Airport",
                "Hoek van Holland",
                "IJmuiden",
            ]
        )
        back = min(END, t + dt.timedelta(days=rng.randint(3, 21)))
        for p in people[: rng.randint(1, len(people))]:
            w.fact("KMAR", "CROSSED_BORDER", p, w.posts[post], t, lag=3, date=t, direction="out")
            w.fact(
                "KMAR", "CROSSED_BORDER", p, w.posts[post], back, lag=3, date=back, direction="in"
            )
            if p is not people[0]:
                w.fact("KMAR", "TRAVELLED_WITH", p, people[0], t, date=t)
            if rng.random() < 0.25:
                w.fact("KMAR", "HAS_DOCUMENT", p, w.document(p, "passport"), t)
    # cars on the road
    for _ in range(max(4, int(250 * s))):
        p, home = rng.choice(adults)
        v = w.vehicle()
        t = when()
        w.fact(rng.choice(["POL", "KMAR"]), "OWNS_VEHICLE", p, v, t)
        if rng.random() < 0.5:
            w.fact("KMAR", "CROSSED_BORDER", v, w.posts[rng.choice(["Hazeldonk A16", "Venlo A67", "Zevenaar A12", "Oldenzaal A1"])],
                   t, lag=3, date=t, direction=rng.choice(["in", "out"]))  # fmt: skip

    # labour inspections of ordinary employers
    for co in w.employers:
        boss, bhome = rng.choice(adults)
        t = when()
        x = f"insp:bg:{co.key}"
        w.fact("ISZW", "DIRECTOR_OF", boss, co, t, extract=x)
        site = w.address(kind="bedrijfspand")
        w.fact("ISZW", "REGISTERED_AT", co, site, t, extract=x)
        ac_co = w.account()
        w.fact("ISZW", "HOLDS_ACCOUNT", co, ac_co, t, extract=x)
        for _ in range(max(2, int(rng.randint(10, 40) * s))):
            p, home = rng.choice(adults)
            since = w.date_between(dt.date(2015, 1, 1), t)
            w.fact("ISZW", "EMPLOYED_BY", p, co, t, extract=x, since=since, wage=wage_fair(w))
            if rng.random() < 0.4:
                w.fact("ISZW", "LIVES_AT", p, home, t, extract=x)
            if rng.random() < 0.2:
                ac = w.account()
                w.fact("ISZW", "HOLDS_ACCOUNT", p, ac, t, extract=x)
                w.fact(
                    "ISZW",
                    "PAYMENT",
                    ac_co,
                    ac,
                    t,
                    extract=x,
                    amount=rng.uniform(1900, 4800),
                    date=t,
                    description="salaris",
                )

    # immigration files: permits, family, sponsors
    foreign = [(p, h) for p, h in residents if p.origin != "NL"]
    for p, home in foreign[: int(len(foreign) * 0.8)]:
        t = when()
        w.fact("IND", "HAS_DOCUMENT", p, w.document(p, rng.choice(["residence_permit", "residence_permit", "passport"]),
                                                     "NL" if rng.random() < 0.7 else None), t)  # fmt: skip
        w.fact("IND", "LIVES_AT", p, home, t)
        if rng.random() < 0.25 and not p.minor:
            w.fact(
                "IND", "EMPLOYED_BY", p, rng.choice(w.employers), t, since=t, wage=wage_fair(w) + 6
            )
    for people, _home in households:
        if people[0].origin != "NL" and len(people) > 1:
            t = when()
            for q in people[1:]:
                w.fact(
                    "IND",
                    "FAMILY_OF",
                    people[0],
                    q,
                    t,
                    relation=rng.choice(["echtgenote", "kind", "partner", "kind"]),
                )
    # asylum seekers in reception centres
    for _ in range(max(4, int(380 * s))):
        m = w.person(
            rng.choice(["SY", "ER", "AF", "IQ", "ET", "MA", "NG"]),
            age=(16, 55),
            bsn=False,
            migrant=True,
        )
        t = when()
        w.fact("IND", "LIVES_AT", m, rng.choice([w.reception, *w.coa_centres]), t)
        if rng.random() < 0.5:
            w.fact("IND", "HAS_DOCUMENT", m, w.document(m, "passport"), t)
        if rng.random() < 0.3:
            w.fact(
                "KMAR", "CROSSED_BORDER", m, w.posts["Schiphol"], t, lag=3, date=t, direction="in"
            )
        if rng.random() < 0.15:
            w.fact("POL", "LIVES_AT", m, rng.choice(w.coa_centres), w.later(t, 30, 200))

    # small investigations that went nowhere (seponeerd): a few people, calls and a meeting
    for _ in range(max(2, int(60 * s))):
        t = when()
        party = rng.choice(["POL", "POL", "KMAR"])
        inv = w.investigation(party, rng.choice(["unknown", "labour", "sexual", "criminal"]), t,
                              rng.choice(["Ijsvogel", "Merel", "Reiger", "Specht", "Vink", "Uil", "Buizerd"]), "geseponeerd")  # fmt: skip
        group = [rng.choice(adults) for _ in range(rng.randint(2, 5))]
        phs = []
        for i, (p, home) in enumerate(group):
            w.involve(
                party,
                p,
                inv,
                "verdachte" if i == 0 else rng.choice(["getuige", "betrokkene"]),
                t,
                extract=inv.key,
            )
            phs.append(phone(p, party, t))
            w.fact(party, "LIVES_AT", p, home, t)
        for a, b in zip(phs, phs[1:], strict=False):
            w.call(party, a, b, w.later(t, 0, 60), extract=inv.key)
        if len(group) > 1:
            w.fact(party, "MET", group[0][0], group[1][0], t, date=t, kind="bezoek", weight=1)
    # prosecutions of ordinary offences touching the EMM's themes, closed
    for _ in range(max(2, int(40 * s))):
        t = when()
        case = w.investigation(
            "OM", rng.choice(["labour", "sexual", "unknown"]), t, "overige zaak", "sepot"
        )
        for p, _home in [rng.choice(adults) for _ in range(rng.randint(1, 2))]:
            w.involve("OM", p, case, "verdachte", t)

    # ordinary call records: contacts of people in small investigations and signals
    known = [p for p, _ in adults if p.key in phones]
    for _ in range(max(10, int(1300 * s))):
        caller, callee = rng.sample(known, 2) if len(known) > 2 else (known[0], known[-1])
        w.call("POL", phones[caller.key], phones[callee.key], when())

    _homonyms(w, adults)
    tie_networks(w, adults, phones)


def _homonyms(w: World, adults: list[tuple[Person, Ent]]) -> None:
    """Look-alike persons who are not the same person (the truth's ``not_same_person``)."""
    rng = w.rng
    n = max(1, round(8 * w.scale))
    for _ in range(n):  # same name, other birth date, both in deliveries
        a, home = rng.choice(adults)
        b = w.person(
            a.origin, gender=a.gender, age=(20, 70), bsn=rng.random() < 0.5, surname=a.surname
        )
        b.given, b.middle = a.given, a.middle
        t = w.date_between(START, END)
        w.fact("POL", "LIVES_AT", a, home, t)
        w.fact("IND" if b.origin != "NL" else "ISZW", "LIVES_AT", b, w.address(), t)
        w.fact("ISZW", "EMPLOYED_BY", b, rng.choice(w.employers), t, since=t, wage=wage_fair(w))
        w.not_same.append((a, b, "homonym: same name, another date of birth"))
    for _ in range(n):  # father and son, one name, one address
        father = w.person("NL", gender="M", age=(50, 70), bsn=False)
        son = w.person("NL", gender="M", age=(20, 30), bsn=False, surname=father.surname)
        son.given, son.middle = father.given, father.middle
        home = w.address()
        t = w.date_between(START, END)
        sig = w.signal("POL", "unknown", t, "Melding burenruzie; geen vervolg.")
        for p in (father, son):
            w.fact("POL", "LIVES_AT", p, home, t)
            w.involve("POL", p, sig, "betrokkene", t)
        w.kin("POL", father, son, "vader", t)
        w.not_same.append((father, son, "father and son: one name, one address"))
    for _ in range(n):  # twins
        a = w.person("NL", age=(18, 40), bsn=rng.random() < 0.5)
        b = w.person("NL", born=a.dob, bsn=rng.random() < 0.5, surname=a.surname)
        if b.given == a.given:
            b.given = b.given + "a" if b.gender == "F" else "Jan"
        home = w.address()
        t = w.date_between(START, END)
        for p in (a, b):
            w.fact("POL", "LIVES_AT", p, home, t)
            w.fact(
                "KMAR", "CROSSED_BORDER", p, w.posts["Schiphol"], t, lag=3, date=t, direction="out"
            )
        w.kin("POL", a, b, "tweeling", t)
        w.not_same.append((a, b, "twins: same surname, date of birth and address"))
    for _ in range(n):  # two migrants, one name and birth year, both registered on 1 January
        a = w.person("ER", gender="M", age=(18, 35), bsn=False, migrant=True)
        other = dt.date(a.dob.year, 6 if a.dob.month != 6 else 9, min(a.dob.day, 28))
        b = w.person("ER", gender="M", born=other, bsn=False, migrant=True)
        b.given, b.middle, b.surname = a.given, a.middle, a.surname
        a.dob_known = b.dob_known = False
        for p in (a, b):
            t = w.date_between(START, END)
            w.fact("IND", "LIVES_AT", p, w.rng.choice(w.coa_centres), t)
            w.fact(
                "KMAR", "CROSSED_BORDER", p, w.posts["Schiphol"], t, lag=3, date=t, direction="in"
            )
        w.not_same.append(
            (a, b, "two migrants with one name and birth year, both registered on 1 January")
        )


def tie_networks(w: World, adults: list[tuple[Person, Ent]], phones: dict[str, Ent]) -> None:
    """Network members call ordinary people and have relatives outside the network."""
    rng = w.rng
    phone_of: dict[str, tuple[Ent, str | None]] = {}
    for f in w.facts:
        if (
            f.rel == "USES_PHONE"
            and isinstance(f.a, Person)
            and f.a.label != "background"
            and f.party == "POL"
        ):
            phone_of.setdefault(f.a.key, (f.b, f.extract))  # type: ignore[arg-type]
    ordinary = [p for p, _ in adults if p.key in phones]
    for _key, (ph, x) in sorted(phone_of.items()):
        for _ in range(rng.randint(1, 4)):
            q = rng.choice(ordinary)
            w.call("POL", ph, phones[q.key], w.date_between(START, END), extract=x)
    members = [p for p in w.persons if p.label.startswith("N4-")]
    for p in members:
        if rng.random() < 0.18:
            rel = w.person(
                p.origin,
                age=(18, 75),
                bsn=p.origin == "NL" or rng.random() < 0.6,
                surname=p.surname,
            )
            t = w.date_between(START, END)
            party = "IND" if p.origin != "NL" else "POL"
            w.kin(party, p, rel, rng.choice(["broer", "zus", "moeder", "vader", "neef"]), t)
            home = w.address()
            w.fact(party, "LIVES_AT", rel, home, t)
            if rng.random() < 0.3:
                w.fact(party, "LIVES_AT", p, home, t)
