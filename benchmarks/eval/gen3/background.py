"""The ordinary world around the networks: a population with homes, phones and accounts,
employers and hotels, and the everyday facts parties register about it (unfounded signals,
border crossings, inspections that find nothing, residence applications, small unrelated
investigations, hotel register checks), plus look-alike persons that are not the same."""

from __future__ import annotations

import datetime as dt
from typing import Any

from benchmarks.eval.gen3.idents import BORDER_POSTS, CITY_NAMES
from benchmarks.eval.gen3.plots import Life, calls, cross, pay, settle
from benchmarks.eval.gen3.world import Ctx, World

_NATS = ["NL"] * 70 + ["PL"] * 6 + ["MA"] * 4 + ["TR"] * 4 + ["RO"] * 3 + ["SY"] * 3 + ["ER"] * 2 + \
    ["BG", "UA", "DE", "BE", "IN", "NG", "VN", "CN", "AF", "IQ", "HU", "LT", "GB", "TH"]  # fmt: skip
_SECTORS = [("Distributiecentrum", "logistiek"), ("Vleesverwerking", "vleesverwerking"),
            ("Bouwbedrijf", "bouw"), ("Hotel", "horeca"), ("Restaurant", "horeca"),
            ("Kwekerij", "glastuinbouw"), ("Schoonmaakbedrijf", "schoonmaak"),
            ("Transport", "transport"), ("Zorggroep", "zorg"), ("Supermarkt", "detailhandel")]  # fmt: skip
_NOISE = [
    (
        "labour",
        "Melding van mogelijk te lange werktijden bij een bedrijf; na navraag geen aanwijzingen.",
    ),
    (
        "sexual",
        "Anonieme melding over een woning met veel bezoek; betreft een kinderopvang aan huis.",
    ),
    ("unknown", "Buurtbewoner meldt verdachte situatie; geen verdere informatie."),
    ("criminal", "Jongeren hangen rond bij winkelcentrum; geen signalen van uitbuiting."),
    ("smuggling", "Melding over busje met buitenlandse kentekens; betreft toeristen."),
    ("labour", "Werknemer klaagt over achterstallig loon; doorverwezen naar vakbond."),
    ("sexual", "Melding over advertentie; adverteerder is zelfstandig en heeft vergunning."),
]


def make_life(w: World) -> Life:
    r = w.rng
    life = Life(w)
    n = int(3800 * w.scale) + 150
    buildings = [w.building(r.randint(4, 12)) for _ in range(max(2, n // 60))]
    for _ in range(n):
        p = w.person(r.choice(_NATS), age=(18, 85))
        home = r.choice(r.choice(buildings)) if r.random() < 0.25 else w.address()
        settle(w, p, home, phone_cc="NL" if r.random() < 0.85 else (p.nat if p.nat != "NL" else "BE"),
               account="NL" if r.random() < 0.85 else None)  # fmt: skip
        life.people.append(p)
    for _ in range(25):
        life.hotels.append(w.address(r.choice(CITY_NAMES), "hotel"))
    for _ in range(int(60 * w.scale) + 12):
        label, sector = r.choice(_SECTORS)
        city = r.choice(CITY_NAMES)
        co = w.company(
            f"{label} {w.ids.faker('nl_NL').last_name()} {r.choice(['B.V.', 'B.V.', 'V.O.F.', ''])}".strip(),
            sector,
        )
        addr = w.address(city, "bedrijfspand")
        life.employers.append((co, addr, r.choice(life.people)))
    return life


def everyday(w: World, life: Life) -> None:
    """The facts of ordinary life that reach the parties."""
    r, s = w.rng, w.scale
    people = life.people
    for _ in range(int(520 * s) + 10):  # unfounded or unrelated signals
        t = w.day()
        phen, text = r.choice(_NOISE)
        sig = w.signal("POL", phen, t, text, city=r.choice(CITY_NAMES))
        c = Ctx(w, "POL", t)
        c.involve(sig, r.choice(people), r.choice(["reporter", "melder"]))
        for _ in range(r.randint(0, 3)):
            p = r.choice(people)
            c.involve(sig, p, r.choice(["involved", "witness", "betrokkene"]))
            c.basics(p)
    posts = list(BORDER_POSTS)
    for _ in range(int(1050 * s) + 10):  # border crossings (families, colleagues, tourists)
        t = w.day()
        k = Ctx(w, "KMAR", t)
        lead = r.choice(people)
        group = [lead] + [r.choice(people) for _ in range(r.choice([0, 0, 1, 2, 3]))]
        post = r.choice(posts)
        direction = r.choice(["in", "out"])
        car = (
            w.vehicle(r.choice(["NL", "NL", "DE", "BE", "PL"]))
            if post.startswith("A") and r.random() < 0.7
            else None
        )
        for p in group:
            cross(w, k, p, post, t, direction)
            doc = p.docs[0] if p.docs else w.document(p, r.choice(["passport", "id_card"]))
            k.add("HAS_DOCUMENT", p, doc)
            if car is not None:
                k.add("PASSENGER_IN" if p is not lead else "DRIVES", p, car, date=t)
            elif p is not lead:
                k.add("TRAVELLED_WITH", p, lead, date=t)
        if car is not None:
            cross(w, k, car, post, t, direction)
    for co, addr, director in life.employers:  # inspections that find nothing
        for _ in range(r.choice([1, 1, 2])):
            t = w.day()
            i = Ctx(w, "ISZW", t)
            sig = w.signal("ISZW", "labour", t, "Reguliere inspectie; administratie op orde, geen overtredingen.",
                           sector=co.fields["sector"], city=addr.fields["city"])  # fmt: skip
            i.add("DIRECTOR_OF", director, co)
            i.add("REGISTERED_AT", co, addr)
            i.involve(sig, co, "involved")
            for _ in range(r.randint(4, 20)):
                p = r.choice(people)
                i.add(
                    "EMPLOYED_BY",
                    p,
                    co,
                    since=w.day(dt.date(2015, 1, 1), t),
                    wage=round(r.uniform(14.1, 24), 2),
                )
                if r.random() < 0.3:
                    i.basics(p)
    foreign = [p for p in people if p.nat != "NL"]
    for _ in range(int(480 * s) + 5):  # residence applications
        p = r.choice(foreign)
        t = w.day()
        ind = Ctx(w, "IND", t)
        ind.add("HAS_DOCUMENT", p, p.docs[0] if p.docs else w.document(p))
        if p.home:
            ind.add("LIVES_AT", p, p.home)
        if r.random() < 0.5:
            q = r.choice(people)
            ind.add(
                "FAMILY_OF", p, q, relation=r.choice(["echtgenoot", "echtgenote", "kind", "ouder"])
            )
        if r.random() < 0.3:
            co, _, _ = r.choice(life.employers)
            ind.add("EMPLOYED_BY", p, co, since=t, wage=round(r.uniform(20, 40), 2))
    for _ in range(int(65 * s) + 2):  # small unrelated investigations (burglary, fraud)
        t = w.day()
        inv = w.investigation(
            "POL",
            f"Onderzoek {w.ids.faker('nl_NL').city()}",
            "unknown",
            t,
            r.choice(["lopend", "afgerond"]),
        )
        c = Ctx(w, "POL", t, inv)
        gang = [r.choice(people) for _ in range(r.randint(2, 5))]
        car = w.vehicle()
        for p in gang:
            c.involve(inv, p, "suspect")
            c.basics(p, account=True)
            c.add("DRIVES", p, car, date=w.later(t, 0, 60))
            for q in gang:
                if p is not q and r.random() < 0.5:
                    calls(w, c, p, q, t)
            for _ in range(r.randint(3, 10)):
                calls(w, c, p, r.choice(people), t)
            if p.accounts:
                for _ in range(r.randint(2, 6)):
                    q = r.choice(people)
                    if q.accounts:
                        pay(
                            w,
                            c,
                            p.accounts[0],
                            q.accounts[0],
                            r.randint(10, 900),
                            w.later(t, -200, 0),
                            "",
                        )
        for _ in range(r.randint(0, 4)):
            c.add(
                "MET",
                r.choice(gang),
                r.choice(people),
                date=w.later(t, 0, 90),
                kind="observatie",
                weight=1,
            )
        if r.random() < 0.5:
            Ctx(w, "OM", w.later(t, 60, 300)).involve(inv, gang[0], "verdachte")
    for _ in range(int(110 * s) + 3):  # hotel register checks
        t = w.day()
        h = life.hotel()
        sig = w.signal(
            "POL",
            "unknown",
            t,
            "Controle hotelregister; geen bijzonderheden.",
            city=h.fields["city"],
        )
        c = Ctx(w, "POL", t)
        for _ in range(r.randint(3, 10)):
            p = r.choice(people)
            c.add("STAYED_AT", p, h, date=w.later(t, -10, 0), nights=r.randint(1, 5))
            c.involve(sig, p, "involved")
    for _ in range(int(60 * s) + 2):  # independent sex workers and job adverts
        t = w.day()
        p = r.choice(people)
        kind = r.choice(["sex", "job"])
        ad = w.advert(r.choice(["Kinky.nl", "Sexjobs.nl", "Marktplaats", "Indeed"]), kind,
                      "Zelfstandig, eigen werkplek" if kind == "sex" else "Bijverdienste gezocht", t)  # fmt: skip
        c = Ctx(w, "POL", t)
        c.add("ADVERTISES", ad, p)
        if p.phones:
            c.add("ADVERTISED_WITH", ad, p.phones[0])
        if p.accounts:
            c.add(
                "PAID_FOR",
                p.accounts[0],
                ad,
                amount=r.choice([25.0, 49.95]),
                date=t,
                purpose="advertentie",
            )


def look_alikes(w: World, life: Life) -> list[dict[str, Any]]:
    """Different people who look alike: homonyms, fathers and sons of one name at one
    address, twins, migrants of one name with a 1 January birth date."""
    r = w.rng
    out: list[dict[str, Any]] = []
    for i in range(int(30 * w.scale) + 6):
        kind = ["homonym", "father_son", "twins", "placeholder_dob"][i % 4]
        base = (
            r.choice([p for p in life.people if p.nat == "NL"])
            if kind != "placeholder_dob"
            else None
        )
        if kind == "homonym":
            assert base is not None
            b = w.person("NL", base.gender, (18, 80))
            b.given, b.surname = [list(g) for g in base.given], list(base.surname)
            settle(w, b, w.address())
            why = "same name, different person (other birth date and address)"
            a = base
        elif kind == "father_son":
            assert base is not None
            a = w.person("NL", "M", (50, 70))
            b = w.person("NL", "M", (20, 30))
            b.given, b.surname = [list(g) for g in a.given], list(a.surname)
            settle(w, a, w.address())
            settle(w, b, a.home)
            why = "father and son with one name at one address"
        elif kind == "twins":
            a = w.person("NL", age=(18, 40))
            b = w.person("NL", age=(18, 40), surname=a.surname)
            b.birth = a.birth
            settle(w, a, w.address())
            settle(w, b, a.home)
            why = "twins: same surname, birth date and address, other given names"
        else:
            nat = r.choice(["AF", "ER", "SY"])
            a = w.person(nat, "M", (18, 35), resident=False)
            b = w.person(nat, "M", (18, 35), resident=False)
            b.given, b.surname = [list(g) for g in a.given], list(a.surname)
            b.birth = dt.date(a.birth.year, r.randint(1, 12), r.randint(1, 28))
            a.dob_unknown = b.dob_unknown = True
            settle(
                w,
                a,
                w.address("Ter Apel", "azc") if r.random() < 0.5 else w.address(),
                account=None,
            )
            settle(w, b, w.address(), account=None)
            why = "one name and one year of birth, both registered on 1 January"
        for p in (a, b):
            if p not in life.people:
                life.people.append(p)
            t = w.day()
            party = (
                r.choice(["POL", "KMAR", "IND"])
                if kind == "placeholder_dob"
                else r.choice(["POL", "ISZW"])
            )
            c = Ctx(w, party, t)
            if party == "KMAR":
                cross(w, c, p, "Schiphol", t, r.choice(["in", "out"]))
            elif party == "IND":
                c.add("HAS_DOCUMENT", p, w.document(p))
                if p.home:
                    c.add("LIVES_AT", p, p.home)
            else:
                sig = w.signal(party, "unknown", t, "Betrokkene bij controle; geen bijzonderheden.")
                c.involve(sig, p, "involved")
                c.basics(p)
        out.append({"a": a.key, "b": b.key, "why": why})
    return out
