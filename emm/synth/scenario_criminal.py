"""Criminal exploitation of minors and young adults (POL, sometimes OM).

Minors and young adults are forced into crime (shoplifting, drug running, lending their bank
accounts): the police register them as *suspects* in one signal per arrest, and only some as
victims. The handler, often with a partner (an organising couple), keeps them in line through
phones, a stash house and debts; the money mules' accounts receive money from strangers
(fraud victims, buyers) and pass it on within days to the couple's account. The police also
deliver call records (CALLED) and observations (MET), and sometimes know the group by a name
(MEMBER_OF a Group, the handler as its leader). In a third of the cases the handler is not
named as a suspect at all.
"""

from __future__ import annotations

from datetime import date, timedelta

from emm.synth import identifiers as ids
from emm.synth.people import Person
from emm.synth.scenario_kit import CRIMES, record, rr
from emm.synth.truth import Ref
from emm.synth.world import World
from emm.synth.writer import Delivery

_GROUP_WORDS = ("Boys", "Crew", "Gang", "Squad", "Family", "Bende", "Groep")


def criminal(w: World, number: int) -> None:
    rng = w.rng
    day0 = w.day()
    d = w.delivery("POL", day0)
    day0 = w.within(d, day0)
    investigated = (w.compact and number == 1) or rng.random() < 0.4
    fin = "WPG-9" if investigated else None  # money trail: investigation information
    tap = "WPG-9" if investigated else None
    city = w.places.city().name
    region = w.places.city(city).region
    handler = w.person(rng.choice(("NL", "MA", "SR", "TR", "RO", "BG")), "M", (20, 38), day0)
    couple = rng.random() < 0.5
    partner = w.person(handler.origin, "F", (19, 36), day0) if couple else None
    helpers = [w.person(handler.origin, "M", (18, 30), day0) for _ in range(rr(w, 0, 1))]
    youths: list[Person] = []
    for _ in range(rr(w, 3, 7, 3)):
        origin = rng.choices(("NL", "MA", "SR", "RO", "BG", "PL"), (40, 20, 15, 12, 8, 5))[0]
        youths.append(w.person(origin, "M" if rng.random() < 0.75 else "F", (14, 21), day0))
    named = not couple or rng.random() < 0.5  # the handler is named as a suspect

    rid_h = w.write_person(d, handler)
    rid_p = w.write_person(d, partner) if partner else None
    rid_help = [w.write_person(d, p) for p in helpers]
    rid_y = [w.write_person(d, p) for p in youths]
    assets: list[Ref] = []

    home = w.address(d, w.places.address("woning", city))
    d.link("LIVES_AT", rid_h, home, day0)
    if rid_p:
        d.link("LIVES_AT", rid_p, home, day0)
        d.link("FAMILY_OF", rid_h, rid_p, day0, {"relation": "partner"})
    stash = w.address(d, w.places.address("woning", city))
    assets += [w.ref(d, home, "Address"), w.ref(d, stash, "Address")]
    handler_phones = [w.phone(d, ids.nl_mobile(rng)) for _ in range(rr(w, 2, 3, 2))]
    for r in handler_phones:
        d.link("USES_PHONE", rid_h, r, day0)
        assets.append(w.ref(d, r, "Phone"))
    if rid_p:
        d.link("USES_PHONE", rid_p, handler_phones[-1], day0)
    for r in rid_help:
        d.link("USES_PHONE", r, rng.choice(handler_phones), day0)
        d.link("LIVES_AT", r, stash, day0)
    h_iban, h_bank = ids.nl_iban(rng)
    h_acct = w.account(d, h_iban, h_bank)
    d.link("HOLDS_ACCOUNT", rid_p or rid_h, h_acct, day0)  # the partner collects the money
    assets.append(w.ref(d, h_acct, "BankAccount"))

    for r in rid_y:
        d.link("USES_PHONE", r, rng.choice(handler_phones), day0)
        own_phone = w.phone(d, ids.nl_mobile(rng)) if rng.random() < 0.7 else None
        if own_phone:
            d.link("USES_PHONE", r, own_phone, day0)
            w.calls(d, handler_phones[0], own_phone, w.within(d, day0, 60, 0), legal_basis=tap)
        if rng.random() < 0.5:
            w.meeting(d, rid_h, r, w.within(d, day0, 60, 30), weight=rng.randint(1, 6),
                      legal_basis=tap)  # fmt: skip
        if rng.random() < 0.25:
            d.link("LIVES_AT", r, stash, day0)
        else:
            d.link("LIVES_AT", r, w.address(d, w.places.address("woning", city)), day0)
            if rng.random() < 0.6:
                d.link(
                    "STAYED_AT",
                    r,
                    stash,
                    day0,
                    {"date": w.within(d, day0, 60, 0), "nights": rng.randint(1, 14)},
                )
        if rng.random() < 0.5:
            _money_mule(w, d, r, h_acct, day0, fin)

    if rng.random() < 0.4:
        gname = f"{w.places.city(city).name} {rng.choice(_GROUP_WORDS)}"
        g = w.group(d, gname, "jeugdgroep")
        d.link("MEMBER_OF", rid_h, g, day0, {"position": "leider"})
        for r in rid_y:
            if rng.random() < 0.7:
                d.link("MEMBER_OF", r, g, day0, {"position": "lid"})

    s = w.signal(
        d,
        "criminal",
        day0,
        region,
        summary=(
            f"Jongeren in {city} worden ingezet voor strafbare feiten; "
            "schulden worden als drukmiddel gebruikt."
        ),
    )
    signals = [s]
    if named:
        d.link("INVOLVED_IN", rid_h, s, day0, {"role": "suspect"})
    for r in rid_help:
        d.link("INVOLVED_IN", r, s, day0, {"role": "suspect"})
    for r in rid_y:
        if rng.random() < 0.6:
            d.link("INVOLVED_IN", r, s, day0, {"role": "victim"})
    d.link("INVOLVED_IN", stash, s, day0, {"role": "involved"})
    crime_groups = [rid_y] if w.compact else [[r] for r in rid_y]
    for group in crime_groups:
        for _ in range(1 if w.compact else rng.randint(1, 3)):
            cday = w.within(d, day0, 120, 30)
            crime = rng.choice(CRIMES)
            cs = w.signal(
                d,
                "criminal",
                cday,
                region,
                summary=f"Aanhouding ter zake {crime}; verdachte verklaart in opdracht te handelen.",
            )
            signals.append(cs)
            for r in group:
                d.link("INVOLVED_IN", r, cs, cday, {"role": "suspect"})

    suspects = [handler] if named else []
    if investigated:
        case = w.police_case(
            d, signals[:1], [rid_h] if named else rid_help[:1], "criminal",
            w.within(d, day0, 0, 90), region,
        )  # fmt: skip
        w.om_case([*suspects, *helpers] or youths[:1], "criminal", day0 + timedelta(days=60), case)

    organisers = [handler, *([partner] if partner else [])]
    members = [*(p.first_ref for p in organisers), *(p.first_ref for p in helpers),
               *(p.first_ref for p in youths)]  # fmt: skip
    record(
        w,
        "criminal",
        number,
        [m for m in members if m],
        [p.first_ref for p in organisers if p.first_ref],
        [p.first_ref for p in youths if p.first_ref],
        assets,
    )


def _money_mule(
    w: World, d: Delivery, youth: str, collector: str, day0: date, fin: str | None
) -> None:
    """The youth's account receives money from strangers' accounts and passes most of it on to
    the collector's account within a few days."""
    rng = w.rng
    m_iban, m_bank = ids.nl_iban(rng)
    acct = w.account(d, m_iban, m_bank)
    d.link("HOLDS_ACCOUNT", youth, acct, day0)
    for _ in range(rng.randint(1, 2)):
        start = w.within(d, day0, 60, 0)
        total = 0.0
        for _ in range(rng.randint(3, 6)):
            p_iban, p_bank = w.new_account(0.2)
            payer = w.account(d, p_iban, p_bank)
            amount = float(rng.randint(150, 2500))
            total += amount
            d.link(
                "PAYMENT",
                payer,
                acct,
                day0,
                {"amount": amount, "date": w.within(d, start, 0, 2), "description": ""},
                legal_basis=fin,
            )
        out_day = date.fromordinal(
            min(start.toordinal() + rng.randint(2, 5), d.period[1].toordinal())
        )
        d.link(
            "PAYMENT",
            acct,
            collector,
            day0,
            {"amount": round(total * rng.uniform(0.8, 0.95), 2), "date": out_day,
             "description": rng.choice(("terugbetaling", "lening", "", "tikkie"))},
            legal_basis=fin,
        )  # fmt: skip
