"""Labour exploitation (ISZW, sometimes OM).

An employment agency employs many workers at wages far below the minimum and houses them at a
few addresses; wages go to accounts held by the organiser, who may or may not be the registered
director. In a third of the cases the houses are let not by the agency but by the director's
brother or sister. The organiser recruits with job advertisements that give his own phone,
keeps some workers' passports, and is in telephone contact with the director.
"""

from __future__ import annotations

from datetime import date, timedelta

from emm.synth import identifiers as ids
from emm.synth.people import Person
from emm.synth.places import LABOUR_CITIES
from emm.synth.scenario_kit import (
    AGENCY_SUFFIX,
    AGENCY_WORDS,
    JOB_PLATFORMS,
    LABOUR_SECTORS,
    record,
    rr,
)
from emm.synth.truth import Ref
from emm.synth.world import World


def labour(w: World, number: int) -> None:
    rng = w.rng
    day0 = w.day()
    d = w.delivery("ISZW", day0)
    day0 = w.within(d, day0)
    investigated = (w.compact and number == 1) or rng.random() < 0.4
    fin = "WPG-9" if investigated else None  # money trail: investigation information
    city = rng.choice(LABOUR_CITIES)
    group = rng.choices(("PL", "RO", "BG", "UA"), (35, 30, 20, 15))[0]
    boss_origin = rng.choice(("NL", "NL", "TR", group))

    name = f"{rng.choice(AGENCY_WORDS)}{rng.choice(('', ' '))}{rng.choice(AGENCY_SUFFIX)}"
    company = d.entity("Company", {"name": name, "kvk": ids.kvk(rng), "sector": "uitzendbureau"})
    company_ref = w.ref(d, company, "Company", name=d.text(name))
    office = w.places.address("bedrijfspand", city)
    d.link("REGISTERED_AT", company, w.address(d, office), day0)
    rid_landline = w.phone(d, ids.landline(rng))
    d.link("USES_PHONE", company, rid_landline, day0)
    if rng.random() < 0.6:
        slug = name.split(" ")[0].lower()
        d.link("USES_EMAIL", company, w.email(d, f"info@{slug}-personeel.nl"), day0)
    c_iban, c_bank = ids.nl_iban(rng)
    rid_c_acct = w.account(d, c_iban, c_bank)
    d.link("HOLDS_ACCOUNT", company, rid_c_acct, day0)
    assets: list[Ref] = [w.ref(d, rid_c_acct, "BankAccount")]

    director = w.person(boss_origin, "M" if rng.random() < 0.85 else "F", (28, 62), day0)
    rid_dir = w.write_person(d, director)
    d.link("DIRECTOR_OF", rid_dir, company, day0)
    if rng.random() < 0.5:
        organiser, rid_org = director, rid_dir
    else:
        organiser = w.person(rng.choice((group, boss_origin)), "M", (30, 58), day0)
        rid_org = w.write_person(d, organiser)
        d.link("ASSOCIATE_OF", rid_org, rid_dir, day0)
    org_phone = w.phone(d, ids.nl_mobile(rng))
    d.link("USES_PHONE", rid_org, org_phone, day0)
    d.link("LIVES_AT", rid_org, w.address(d, w.places.address("woning")), day0)
    extra_members: list[Ref] = []
    if rid_org != rid_dir:
        dir_phone = w.phone(d, ids.nl_mobile(rng))
        d.link("USES_PHONE", rid_dir, dir_phone, day0)
        w.calls(d, org_phone, dir_phone, w.within(d, day0, 60, 30),
                legal_basis="WPG-9" if investigated else None)  # fmt: skip
    landlord = company
    if rng.random() < 0.35:  # the director's brother or sister lets the houses
        sibling = w.person(boss_origin, "M" if rng.random() < 0.5 else "F", (28, 65), day0)
        landlord = w.write_person(d, sibling)
        d.link("FAMILY_OF", landlord, rid_dir, day0, {"relation": "broer/zus"})
        extra_members.append(sibling.first_ref or {})

    org_accounts = []
    for _ in range(rr(w, 1, 3)):
        iban, bank = w.new_account(0.5, group)
        r = w.account(d, iban, bank)
        d.link("HOLDS_ACCOUNT", rid_org, r, day0)
        org_accounts.append(r)
        assets.append(w.ref(d, r, "BankAccount"))

    first_house = w.places.address("woning", city)
    houses = [first_house]
    for _ in range(rr(w, 1, 4, 2) - 1):
        houses.append(
            w.places.near(first_house)
            if rng.random() < 0.5
            else w.places.address(rng.choice(("woning", "vakantiepark")), city)
        )
    rid_houses = [w.address(d, h) for h in houses]
    for r in rid_houses:
        d.link("LANDLORD_OF", landlord, r, day0)
        assets.append(w.ref(d, r, "Address"))

    workers: list[Person] = []
    rid_workers: list[str] = []
    for _ in range(rr(w, 6, 25, 5)):
        origin = group if rng.random() < 0.75 else rng.choice(("PL", "RO", "BG", "UA"))
        p = w.person(origin, "M" if rng.random() < 0.7 else "F", (19, 50), day0, bsn_share=0.6)
        r = w.write_person(d, p)
        workers.append(p)
        rid_workers.append(r)
        wage = round(rng.uniform(3.8, 8.0), 2)  # gross per hour, far below the minimum
        since = date.fromordinal(day0.toordinal() - rng.randint(10, 400))
        d.link("EMPLOYED_BY", r, company, day0, {"since": since, "wage": wage})
        d.link("LIVES_AT", r, rng.choice(rid_houses), day0)
        if rng.random() < 0.4:
            d.link("USES_PHONE", r, w.phone(d, ids.foreign_mobile(rng, origin)), day0)
        for k in range(rr(w, 1, 3)):
            pay_day = w.within(d, day0, 90, 0)
            d.link(
                "PAYMENT",
                rid_c_acct,
                rng.choice(org_accounts),
                day0,
                {
                    "amount": round(wage * 160 * rng.uniform(0.2, 0.5), 2),
                    "date": pay_day,
                    "description": f"loon {p.first} {p.last} wk {pay_day.isocalendar()[1]}"
                    if k == 0
                    else f"salaris periode {rng.randint(1, 13)}",
                },
                legal_basis=fin,
            )

    if rng.random() < 0.4:
        ad = d.entity(
            "Advertisement",
            {
                "platform": rng.choice(JOB_PLATFORMS),
                "ad_id": f"J{rng.randint(10**5, 10**7)}",
                "title": "Praca w Holandii / werk in Nederland, huisvesting geregeld",
                "posted_at": w.within(d, day0, 120, 0),
                "kind": "job",
            },
        )
        d.link("ADVERTISED_WITH", ad, rid_landline, day0)
        assets.append(w.ref(d, ad, "Advertisement"))
    for _ in range(rng.randint(0, 2)):  # recruitment abroad, with the organiser's own phone
        ad = d.entity(
            "Advertisement",
            {
                "platform": rng.choice(JOB_PLATFORMS),
                "ad_id": f"J{rng.randint(10**5, 10**7)}",
                "title": "Praca w Holandii, dobre zarobki, mieszkanie",
                "posted_at": w.within(d, day0, 180, 0),
                "kind": "job",
            },
        )
        d.link("ADVERTISED_WITH", ad, org_phone, day0)
        assets.append(w.ref(d, ad, "Advertisement"))
    if rng.random() < 0.3:  # the organiser keeps passports
        for r in rng.sample(rid_workers, min(len(rid_workers), rng.randint(2, 4))):
            doc = w.document(d, "passport", group)
            d.link("HAS_DOCUMENT", r, doc, day0)
            d.link("HAS_DOCUMENT", rid_org, doc, day0)

    region = w.places.city(city).region
    sector = rng.choice(LABOUR_SECTORS)
    s = w.signal(
        d,
        "labour",
        day0,
        region,
        sector=sector,
        summary=(
            f"Inspectie bij {name}: {len(workers)} arbeidsmigranten wonen op {len(houses)} "
            "adres(sen) van de werkgever, huur en boetes ingehouden op het loon."
        ),
    )
    signals = [s]
    d.link("INVOLVED_IN", company, s, day0, {"role": "employer"})
    d.link("INVOLVED_IN", rid_dir, s, day0, {"role": "suspect"})
    if rid_org != rid_dir:
        d.link("INVOLVED_IN", rid_org, s, day0, {"role": "suspect"})
    for r in rid_workers if w.compact else rng.sample(rid_workers, max(3, len(rid_workers) // 2)):
        d.link("INVOLVED_IN", r, s, day0, {"role": "victim"})
    if not w.compact and rng.random() < 0.4:
        sday = w.within(d, day0, 0, 90)
        s2 = w.signal(
            d,
            "labour",
            sday,
            region,
            sector=sector,
            summary="Gemeente meldt overbewoning; bewoners werken via hetzelfde bureau.",
        )
        signals.append(s2)
        for r in rid_houses:
            d.link("INVOLVED_IN", r, s2, sday, {"role": "involved"})

    if investigated:
        case = w.police_case(d, signals, [rid_org], "labour", w.within(d, day0, 0, 90), region)
        suspects = [organiser] if organiser is director else [organiser, director]
        w.om_case(suspects, "labour", day0 + timedelta(days=90), case)

    members = [organiser.first_ref]
    if organiser is not director:
        members.append(director.first_ref)
    members.append(company_ref)
    members += extra_members
    members += [p.first_ref for p in workers]
    record(
        w,
        "labour",
        number,
        [m for m in members if m],
        [organiser.first_ref or {}],
        [p.first_ref for p in workers if p.first_ref],
        assets,
    )
