"""Sexual exploitation (POL, sometimes IND and OM).

Victims, often foreign, live at one to three addresses and share phones that recur in many
online advertisements; one account pays for the advertisements and for short stays in hotels
and safe houses. Three shapes of control:

* ``classic``: the organiser is registered as a suspect and pays from his own account;
* ``payer only``: the organiser is never named; he only pays (dozens of advertisements and
  rooms) and receives the victims' earnings from their accounts; his helpers are the suspects;
* ``abroad``: the organiser lives abroad; a local helper pays and collects, forwards the money
  to the organiser's foreign account, and the organiser is seen only in call records.

Half of the networks advertise some victims under working names: in later deliveries the
police record the persona anew, with nothing but the working name, the phone and the account
that pays the advertisements.
"""

from __future__ import annotations

from datetime import date, timedelta

from emm.synth import identifiers as ids
from emm.synth.people import Person
from emm.synth.scenario_kit import SEX_PLATFORMS, SEX_TITLES, record, rr, shift
from emm.synth.schedule import END
from emm.synth.truth import Ref
from emm.synth.world import World
from emm.synth.writer import Delivery


def sexual(w: World, number: int) -> None:
    rng = w.rng
    day0 = w.day()
    d = w.delivery("POL", day0)
    day0 = w.within(d, day0)
    investigated = (w.compact and number == 1) or rng.random() < 0.5
    fin = "WPG-9" if investigated else None  # money trail: investigation information
    group = rng.choices(
        ("RO", "BG", "NG", "NL", "UA", "PL", "CN", "VN"), (25, 15, 15, 15, 8, 7, 8, 7)
    )[0]
    org_origin = group if rng.random() < 0.55 else rng.choice(("NL", "TR", "MA", "SR"))
    city = w.places.city().name

    variant = rng.choices(("classic", "payer only", "abroad"), (50, 30, 20))[0]
    organiser = w.person(org_origin, "M", (24, 52), day0)
    n_help = rr(w, 0, 2, 1) if variant == "classic" else rr(w, 1, 2, 1)
    helpers = [
        w.person(rng.choice((org_origin, group)), "F" if group == "NG" else "M", (22, 50), day0)
        for _ in range(n_help)
    ]
    victims: list[Person] = []
    for _ in range(rr(w, 3, 8, 3)):
        origin = group if rng.random() < 0.75 else rng.choice(("RO", "BG", "HU", "NL", "UA"))
        origin = origin if origin != "HU" else "RO"
        age = (16, 17) if rng.random() < 0.08 else (18, 29)
        victims.append(w.person(origin, "F", age, day0, bsn_share=0.9 if origin == "NL" else 0.25))

    rid_org = w.write_person(d, organiser)
    rid_help = [w.write_person(d, h) for h in helpers]
    rid_vic = [w.write_person(d, v) for v in victims]
    assets: list[Ref] = []

    homes = [w.places.address("woning", city) for _ in range(rr(w, 1, 3))]
    rid_homes = [w.address(d, a) for a in homes]
    assets += [w.ref(d, r, "Address") for r in rid_homes]
    for r in rid_vic:
        d.link("LIVES_AT", r, rng.choice(rid_homes), day0)
    if variant != "abroad":
        d.link("LIVES_AT", rid_org, w.address(d, w.places.address("woning")), day0)
    for r in rid_help:
        d.link("LIVES_AT", r, rng.choice(rid_homes), day0)

    numbers = [ids.nl_mobile(rng) for _ in range(rr(w, 2, 4, 2))]
    if group in ("RO", "BG", "PL", "NG", "UA") and rng.random() < 0.4:
        numbers.append(ids.foreign_mobile(rng, group))
    rid_phones = [w.phone(d, n) for n in numbers]
    assets += [w.ref(d, r, "Phone") for r in rid_phones]
    tap = "WPG-9" if investigated else None
    if variant == "abroad":
        org_phone = w.phone(d, ids.foreign_mobile(rng, group if group != "NL" else None))
        d.link("USES_PHONE", rid_org, org_phone, day0)
        assets.append(w.ref(d, org_phone, "Phone"))
        for p in rid_phones[:2]:
            w.calls(d, org_phone, p, w.within(d, day0, 60, 30), count=rng.randint(10, 80),
                    legal_basis=tap)  # fmt: skip
    else:
        d.link("USES_PHONE", rid_org, rid_phones[0], day0)
        if len(rid_phones) > 2 and rng.random() < 0.5:
            d.link("USES_PHONE", rid_org, rid_phones[-1], day0)
    for r in rid_help:
        ph = rng.choice(rid_phones)
        d.link("USES_PHONE", r, ph, day0)
        if variant != "abroad" and ph != rid_phones[0] and rng.random() < 0.6:
            w.calls(d, rid_phones[0], ph, w.within(d, day0, 60, 30), legal_basis=tap)
    for r in rid_vic:
        d.link("USES_PHONE", r, rng.choice(rid_phones[1:] or rid_phones), day0)

    rid_mail = None
    if rng.random() < 0.5:
        v = victims[0]
        rid_mail = w.email(d, w.email_address(v.first, str(rng.randint(1990, 2009))))
        assets.append(w.ref(d, rid_mail, "Email"))

    iban, bank = w.new_account(0.4, group)
    rid_acct = w.account(d, iban, bank)
    assets.append(w.ref(d, rid_acct, "BankAccount"))
    if variant == "abroad":
        payer_holder = rid_help[0]
    elif variant == "payer only":
        payer_holder = rid_org
    else:
        payer_holder = rid_org if rng.random() < 0.7 or not rid_help else rid_help[0]
    d.link("HOLDS_ACCOUNT", payer_holder, rid_acct, day0)
    if variant == "abroad":
        f_iban, f_bank = w.new_account(1.0, group if group != "NL" else None)
        org_acct = w.account(d, f_iban, f_bank)
        d.link("HOLDS_ACCOUNT", rid_org, org_acct, day0)
        assets.append(w.ref(d, org_acct, "BankAccount"))
        for _ in range(rng.randint(2, 6)):
            d.link(
                "PAYMENT",
                rid_acct,
                org_acct,
                day0,
                {"amount": float(rng.randint(800, 6000)), "date": w.within(d, day0, 60, 60),
                 "description": ""},
                legal_basis=fin,
            )  # fmt: skip
    # the victims' earnings go to the account that pays for them
    if variant != "classic" or rng.random() < 0.3:
        for r in rid_vic:
            if rng.random() < 0.7:
                v_iban, v_bank = w.new_account(0.3, group)
                v_acct = w.account(d, v_iban, v_bank)
                d.link("HOLDS_ACCOUNT", r, v_acct, day0)
                for _ in range(rng.randint(1, 3)):
                    d.link(
                        "PAYMENT",
                        v_acct,
                        rid_acct,
                        day0,
                        {"amount": float(rng.randint(200, 1500)),
                         "date": w.within(d, day0, 60, 60), "description": ""},
                        legal_basis=fin,
                    )  # fmt: skip

    for v, r in zip(victims, rid_vic, strict=True):
        for _ in range(rr(w, 1, 3)):
            posted = w.within(d, day0, 60, 60)
            title = rng.choice(SEX_TITLES).format(city=city, first=v.first, age=rng.randint(19, 25))
            ad = d.entity(
                "Advertisement",
                {
                    "platform": rng.choice(SEX_PLATFORMS),
                    "ad_id": str(rng.randint(10**6, 10**8)),
                    "title": title,
                    "posted_at": posted,
                    "kind": "sex",
                },
            )
            assets.append(w.ref(d, ad, "Advertisement"))
            d.link("ADVERTISES", ad, r, day0)
            d.link("ADVERTISED_WITH", ad, rng.choice(rid_phones), day0)
            if rid_mail is not None and rng.random() < 0.5:
                d.link("ADVERTISED_WITH", ad, rid_mail, day0)
            d.link(
                "PAID_FOR",
                rid_acct,
                ad,
                day0,
                {
                    "amount": float(rng.randint(20, 150)),
                    "date": posted,
                    "purpose": "advertisement",
                },
                legal_basis=fin,
            )
        for _ in range(rr(w, 0, 3, 1)):
            hotel = w.places.hotel()
            rid_hotel = w.address(d, hotel, shared=True)
            stay = w.within(d, day0, 45, 45)
            nights = rng.randint(1, 3)
            d.link("STAYED_AT", r, rid_hotel, day0, {"date": stay, "nights": nights})
            d.link(
                "PAID_FOR",
                rid_acct,
                rid_hotel,
                day0,
                {
                    "amount": float(nights * rng.randint(59, 149)),
                    "date": stay,
                    "purpose": "room",
                },
                legal_basis=fin,
            )

    if rng.random() < 0.5:  # a safe house: short stays, every one paid by the account
        safe = w.address(d, w.places.address("woning", city))
        assets.append(w.ref(d, safe, "Address"))
        for r in rid_vic:
            if rng.random() < 0.7:
                stay = w.within(d, day0, 60, 60)
                nights = rng.randint(2, 10)
                d.link("STAYED_AT", r, safe, day0, {"date": stay, "nights": nights})
                d.link("PAID_FOR", rid_acct, safe, day0,
                       {"amount": float(nights * rng.randint(40, 90)), "date": stay,
                        "purpose": "room"}, legal_basis=fin)  # fmt: skip

    members_extra: list[Ref] = []
    if rng.random() < 0.5:
        members_extra = _working_names(
            w, d, victims, numbers, (rid_acct, iban, bank), day0, city, fin
        )

    region = w.places.city(city).region
    signals = []
    for i in range(rr(w, 1, 3)):
        sday = day0 if i == 0 else w.within(d, day0, 0, 120)
        summary = rng.choice(
            (
                f"Melding via Meld Misdaad Anoniem: vrouwen werken vanuit woning in {city}, "
                f"worden gebracht en gehaald door {organiser.name}.",
                f"Controle prostitutiebranche {city}: {victims[0].name} spreekt geen Nederlands, "
                "kan geen eigen adres noemen, telefoon wordt door een ander beheerd.",
                "Hotelmedewerker meldt wisselende jonge vrouwen op één kamer, contant betaald.",
                f"Advertenties met hetzelfde nummer voor meerdere vrouwen in {city}.",
            )
        )
        s = w.signal(d, "sexual", sday, region, summary)
        signals.append(s)
        if i == 0:
            if variant == "classic":
                d.link("INVOLVED_IN", rid_org, s, sday, {"role": "suspect"})
            for r in rid_help:
                d.link("INVOLVED_IN", r, s, sday, {"role": "suspect"})
            for r in rid_vic:
                d.link("INVOLVED_IN", r, s, sday, {"role": "victim"})
            d.link("INVOLVED_IN", rid_homes[0], s, sday, {"role": "involved"})
        else:
            for r in rng.sample(rid_vic, min(len(rid_vic), 2)):
                d.link("INVOLVED_IN", r, s, sday, {"role": "victim"})
            d.link("INVOLVED_IN", rng.choice(rid_phones), s, sday, {"role": "involved"})

    if investigated:
        named = [rid_org] if variant == "classic" else rid_help[:1]
        case = w.police_case(d, signals, named, "sexual", w.within(d, day0, 0, 90), region)
        charged = [organiser, *helpers[:1]] if variant == "classic" else helpers[:1]
        w.om_case(charged, "sexual", day0 + timedelta(days=60), case)

    if group in ("NG", "UA", "CN", "VN") and rng.random() < 0.6:
        iday = shift(day0, rng.randint(20, 200))
        di = w.delivery("IND", iday)
        iday = w.within(di, iday)
        for v in victims[: rng.randint(1, 2)]:
            r = w.write_person(di, v, with_v_number=True)
            doc = w.document(di, "passport", v.nationality)
            di.link("HAS_DOCUMENT", r, doc, iday)
            if rng.random() < 0.5:
                s = w.signal(
                    di,
                    "sexual",
                    iday,
                    region,
                    "Tijdens gehoor verklaart aanvraagster gedwongen te werken in de prostitutie.",
                )
                di.link("INVOLVED_IN", r, s, iday, {"role": "victim"})

    members = [
        organiser.first_ref,
        *(h.first_ref for h in helpers),
        *(v.first_ref for v in victims),
        *members_extra,
    ]
    record(
        w,
        "sexual",
        number,
        [m for m in members if m],
        [organiser.first_ref or {}],
        [v.first_ref for v in victims if v.first_ref],
        assets,
    )


_WORKING_NAMES = (
    "Bella", "Candy", "Angel", "Lola", "Destiny", "Jasmine", "Nikki", "Roxy", "Chanel", "Kimmy",
    "Mia", "Diamond", "Sasha", "Venus", "Crystal", "Bambi", "Lexi", "Ruby", "Cleo", "Honey",
)  # fmt: skip


def _working_names(
    w: World,
    d: Delivery,
    victims: list[Person],
    numbers: list[str],
    account: tuple[str, str, str],
    day0: date,
    city: str,
    fin: str | None,
) -> list[Ref]:
    """Some victims are advertised under a working name; later deliveries record the persona
    anew (name only), with the same phone and the same paying account (``account``: record id
    in ``d``, IBAN, bank). Returns the refs of those records (members of the network; the
    records of one persona are one person)."""
    rng = w.rng
    refs: list[Ref] = []
    for _ in rng.sample(victims, rng.randint(1, min(3, len(victims)))):
        persona = rng.choice(_WORKING_NAMES)
        number = rng.choice(numbers)
        first: Ref | None = None
        for k in range(rng.randint(2, 3)):
            later = date.fromordinal(
                min(day0.toordinal() + rng.randint(30, 200) * (k + 1), END.toordinal())
            )
            dl = w.delivery("POL", later)
            later = w.within(dl, later)
            rid, new = w.working_name_record(dl, persona, number)
            ref = w.ref(dl, rid, "Person", name=persona, birth_date=None)
            if new:
                refs.append(ref)
                if first is None:
                    first = ref
                else:
                    w.truth.pair(first, ref)
            ph = w.phone(dl, number)
            acct = account[0] if dl is d else w.account(dl, account[1], account[2])
            for _ in range(rng.randint(1, 3)):
                ad = dl.entity(
                    "Advertisement",
                    {"platform": rng.choice(SEX_PLATFORMS), "ad_id": str(rng.randint(10**6, 10**8)),
                     "title": f"{persona} - nieuw in {city}", "posted_at": later, "kind": "sex"},
                )  # fmt: skip
                dl.link("ADVERTISES", ad, rid, later)
                dl.link("ADVERTISED_WITH", ad, ph, later)
                dl.link("PAID_FOR", acct, ad, later,
                        {"amount": float(rng.randint(20, 150)), "date": later,
                         "purpose": "advertisement"}, legal_basis=fin)  # fmt: skip
    return refs
