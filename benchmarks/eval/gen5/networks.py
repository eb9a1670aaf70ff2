"""The planted networks: four scenario types, fourteen variants (none of gen3's or gen4's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from benchmarks.eval.gen5.common import (
    Cast,
    account_of,
    contacts,
    home,
    ind_file,
    phone_of,
    relatives,
)
from benchmarks.eval.gen5.world import Ent, Person, World

ESCORT_PLATFORMS = ("kinky.nl", "sexjobs.nl", "redlights.nl", "escortnederland.nl")
MIN_WAGE = 14.06  # statutory minimum gross hourly wage 2025


def _low_wage(w: World) -> float:
    return round(w.rng.uniform(5.5, 11.5), 2)


def _fair_wage(w: World) -> float:
    return round(w.rng.uniform(14.4, 19.5), 2)


def _weekly(w: World, cast: Cast, n: int) -> list[dt.date]:
    return sorted(w.day(cast.start, cast.end) for _ in range(n))


# ---------------------------------------------------------------------------------------------
# sexual exploitation
# ---------------------------------------------------------------------------------------------


def rotating_phone_platform(w: World, cast: Cast, size: int) -> None:
    """Escort ads on online platforms; each ad's phone changes every few weeks, all phones are
    answered by one phone runner; the ads are paid from the organiser's partner's account; the
    organiser himself only receives money and is called by the runner."""
    rng = w.rng
    org = cast.new("organiser", rng.choice(("NL", "MA", "RO")), "M", (30, 50), organiser=True)
    runner = cast.new("phone_runner", "NL", rng.choice("MF"), (20, 35))
    partner = cast.new("partner_payer", "NL", "F", (25, 45))
    driver = cast.new("driver", rng.choice(("NL", "RO", "MA")), "M", (20, 40))
    inv = w.investigation("POL", "sexual", cast.start, f"Wisselnummer{rng.randint(1, 99)}")
    for p, role in ((org, "suspect"), (runner, "suspect"), (partner, "involved"),
                    (driver, "suspect")):  # fmt: skip
        w.involve(inv, p, role)
    org_ph = phone_of(w, "POL", org, w.phone("NL"), ctx=inv)
    runner_acc = account_of(w, "POL", runner, w.account(), ctx=inv)
    org_acc = account_of(w, "POL", org, w.account(), ctx=inv)
    partner_acc = account_of(w, "POL", partner, w.account(), ctx=inv)
    home(w, "POL", org, w.address(), ctx=inv)
    home(w, "POL", partner, w.address(), ctx=inv)
    car = w.vehicle("NL")
    w.fact("POL", "OWNS_VEHICLE", partner, car, ctx=inv)
    w.fact("POL", "DRIVES", driver, car, ctx=inv, date=cast.when())
    phone_of(w, "POL", driver, w.phone("NL"), ctx=inv)
    w.call("POL", w.phones[driver.key], org_ph, ctx=inv)
    for _ in range(rng.randint(2, 4)):
        w.fact("POL", "MET", org, runner, ctx=inv, date=cast.when(), kind="observatie",
               weight=rng.randint(1, 3))  # fmt: skip
    for d in _weekly(w, cast, rng.randint(8, 16)):
        w.pay("POL", runner_acc, org_acc, rng.choice((500, 750, 1000, 1500)), d, "huur", ctx=inv)
    phones = [w.phone("NL") for _ in range(max(4, size // 2))]
    for ph in phones:
        phone_of(w, "POL", runner, ph, ctx=inv)
        w.call("POL", ph, org_ph, ctx=inv)
    for _ in range(size):
        nat = rng.choice(("RO", "BG", "HU", "RO", "CO"))
        v = cast.new("victim", nat, "F", (18, 30), working_name=True)
        w.involve(inv, v, "victim")
        for _ in range(rng.randint(2, 4)):
            posted = cast.when()
            ad = w.ad(
                rng.choice(ESCORT_PLATFORMS), "sex", posted, f"{v.working_name} nieuw in de stad"
            )
            w.fact("POL", "ADVERTISES", ad, v, ctx=inv)
            w.fact("POL", "ADVERTISED_WITH", ad, rng.choice(phones), ctx=inv)
            w.fact("POL", "PAID_FOR", partner_acc, ad, ctx=inv, amount=rng.choice((45, 60, 90)),
                   date=posted, purpose="advertentie")  # fmt: skip
        for _ in range(rng.randint(1, 3)):
            hotel = w.hotels[rng.randrange(len(w.hotels))]
            w.fact("POL", "STAYED_AT", v, hotel, when=cast.when(), date=cast.when(),
                   nights=rng.randint(1, 6))  # fmt: skip
        if nat != "CO" and w.chance(0.6):
            w.cross("KMAR", v, "Eindhoven Airport", cast.when(), "in")
        elif nat == "CO":
            ind_file(w, v, doc="passport")
            w.cross("KMAR", v, "Schiphol", cast.when(), "in")
        if w.chance(0.3):
            w.fact("POL", "PASSENGER_IN", v, car, ctx=inv, date=cast.when())
    w.om_involve(inv, org, "suspect")
    w.om_involve(inv, runner, "suspect")
    cast.plant("rotating_ad_phones", "phones_answered_by_one_person", "ads_paid_by_partner",
               "organiser_only_receives_money", "hotel_rotation", "working_names",
               "investigated")  # fmt: skip
    contacts(w, cast, "POL", inv)
    cast.notes = f"{len(phones)} ad phones answered by one runner; organiser paid weekly"


def au_pair_escort(w: World, cast: Cast, size: int) -> None:
    """A couple sponsor au pairs through a bureau run by the husband's brother; the au pairs
    are advertised as escorts with the husband's phone and receive clients in a flat he lets."""
    rng = w.rng
    host = cast.new("host_father", "NL", "M", (38, 58), organiser=True)
    wife = cast.new("host_mother", rng.choice(("NL", "PH", "UA")), "F", (32, 50))
    brother = cast.new("bureau_director", "NL", "M", (35, 60), surname=host.surname)
    house = w.address()
    flat = w.address(kind="appartement")
    bureau = w.company(f"{host.surname.split()[-1]} Au Pair Bemiddeling", "bemiddeling")
    w.fact("IND", "DIRECTOR_OF", brother, bureau, when=cast.start)
    w.fact("IND", "REGISTERED_AT", bureau, house, when=cast.start)
    w.fact("POL", "FAMILY_OF", host, brother, when=cast.when(), relation="broer")
    host_ph = phone_of(w, "POL", host, w.phone("NL"), when=cast.when())
    w.fact("POL", "LANDLORD_OF", host, flat, when=cast.when())
    home(w, "IND", host, house, registered=True, when=cast.start)
    home(w, "IND", wife, house, registered=True, when=cast.start)
    host_acc = w.account()
    signal = None
    for i in range(size):
        nat = rng.choice(("PH", "UA", "CO", "PH", "BR"))
        v = cast.new("au_pair_victim", nat, "F", (18, 26), working_name=True)
        arrive = cast.when()
        ind_file(w, v, addr=house, permit=True, sponsor=bureau, when=arrive)
        w.cross("KMAR", v, "Schiphol", arrive, "in")
        ad = w.ad(rng.choice(ESCORT_PLATFORMS), "sex", w.later(arrive, 20, 90),
                  f"{v.working_name}, exotisch en discreet")  # fmt: skip
        if signal is None and (i == size - 1 or w.chance(0.25)):
            signal = w.signal("POL", "sexual", w.later(arrive, 60, 200),
                              "Au pair meldt dat zij door gastgezin als escort wordt aangeboden.",
                              region="Midden-Nederland")  # fmt: skip
            w.involve(signal, v, "reporter")
            w.involve(signal, host, "suspect")
            w.involve(signal, wife, "involved")
            w.involve(signal, flat, "involved")
        if signal is not None:
            w.fact("POL", "ADVERTISES", ad, v, ctx=signal)
            w.fact("POL", "ADVERTISED_WITH", ad, host_ph, ctx=signal)
            w.fact("POL", "PAID_FOR", host_acc, ad, ctx=signal, amount=rng.choice((50, 75)),
                   date=ad.props["posted_at"], purpose="advertentie")  # fmt: skip
            w.involve(signal, v, "victim")
            if w.chance(0.5):
                w.fact("POL", "STAYED_AT", v, flat, ctx=signal, date=cast.when(),
                       nights=rng.randint(1, 4))  # fmt: skip
    if signal is not None:
        account_of(w, "POL", host, host_acc, ctx=signal)
    cast.plant("sponsor_bureau_of_relative", "au_pair_permits", "ads_with_host_phone",
               "flat_let_by_organiser", "many_au_pairs_one_address", "victim_report",
               "signals_only")  # fmt: skip
    contacts(w, cast, "POL", None, 0.5)
    cast.notes = "au pairs sponsored by the brother's bureau, advertised with the host's phone"


def karaoke_hostess(w: World, cast: Cast, size: int) -> None:
    """A karaoke bar; hostesses live above it and pay a travel debt to the owner's sister, who
    holds their passports and never appears in the bar."""
    rng = w.rng
    nat = rng.choice(("VN", "CN"))
    owner = cast.new("bar_owner", nat, "M", (35, 55))
    sister = cast.new("owner_sister", nat, "F", (35, 60), organiser=True, surname=owner.surname)
    manager = cast.new("manager", nat, rng.choice("MF"), (25, 45))
    bar = w.company(rng.choice(("Golden", "Lucky", "Jade", "Lotus")) + " Karaoke", "horeca")
    bar_addr = w.address(kind="bedrijfspand")
    above = w.ent("Address", **{**bar_addr.props, "addition": "1", "kind": "woning"})
    w.fact("ISZW", "DIRECTOR_OF", owner, bar, when=cast.start)
    w.fact("ISZW", "REGISTERED_AT", bar, bar_addr, when=cast.start)
    insp = w.investigation("ISZW", "sexual", w.later(cast.start, 60, 200), "Karaoke")
    w.involve(insp, bar, "employer")
    w.involve(insp, owner, "suspect")
    w.involve(insp, manager, "suspect")
    sis_acc = account_of(w, "POL", sister, w.account(), when=cast.when())
    sig = w.signal("POL", "sexual", w.later(cast.start, 30, 150),
                   "Vrouwen wonen boven karaokebar en lossen reisschuld af.",
                   region="Oost-Nederland")  # fmt: skip
    w.involve(sig, sister, "suspect")
    w.involve(sig, bar, "involved")
    w.fact("POL", "FAMILY_OF", owner, sister, ctx=sig, relation="zus")
    home(w, "POL", sister, w.address(), ctx=sig)
    phone_of(w, "POL", sister, w.phone(nat if w.chance(0.5) else "NL"), ctx=sig)
    phone_of(w, "POL", manager, w.phone("NL"), ctx=sig)
    w.call("POL", w.phones[manager.key], w.phones[sister.key], ctx=sig, count=rng.randint(20, 80))
    w.fact("POL", "MET", manager, sister, ctx=sig, date=cast.when(), kind="ontmoeting", weight=2)
    for _ in range(size):
        hnat = rng.choice((nat, nat, "TH", "PH"))
        h = cast.new("hostess", hnat, "F", (19, 32))
        w.fact("ISZW", "EMPLOYED_BY", h, bar, ctx=insp, since=cast.start, wage=_low_wage(w))
        w.fact("ISZW", "LIVES_AT", h, above, ctx=insp)
        w.involve(insp, h, "victim")
        doc = ind_file(w, h, doc="passport", when=cast.when())
        if w.chance(0.5):
            ind_file(w, h, doc="visa", when=cast.when())
        if w.chance(0.6):
            w.fact("POL", "HAS_DOCUMENT", sister, doc, ctx=sig)
        acc = account_of(w, "POL", h, w.account(), ctx=sig)
        for d in _weekly(w, cast, rng.randint(2, 5)):
            w.pay("POL", acc, sis_acc, rng.choice((200, 300, 400)), d, "lening", ctx=sig)
        w.involve(sig, h, "victim")
    cast.plant("living_at_workplace", "debt_payments_to_relative", "passports_held_by_organiser",
               "wage_below_minimum", "organiser_relative_in_background", "inspected",
               "signals_only")  # fmt: skip
    contacts(w, cast, "POL", None, 0.4)
    cast.notes = "owner's sister holds passports and receives the debt payments"


def truckstop_caravans(w: World, cast: Cast, size: int) -> None:
    """A Bulgarian pimp drives women in a car between truck parkings; they live in a caravan
    on a rented plot; the money goes to his mother in Bulgaria, who organises the recruitment."""
    rng = w.rng
    mother = cast.new("mother_abroad", "BG", "F", (48, 65), organiser=True, abroad=True)
    pimp = cast.new("pimp", "BG", "M", (25, 40), organiser=True, surname=mother.surname[:-1])
    helper = cast.new("helper", "BG", "M", (20, 40))
    inv = w.investigation("POL", "sexual", cast.start, f"Parkeerplaats{rng.randint(1, 50)}")
    w.involve(inv, pimp, "suspect")
    w.involve(inv, helper, "suspect")
    w.involve(inv, mother, "suspect")
    w.fact("POL", "FAMILY_OF", pimp, mother, ctx=inv, relation="moeder")
    m_ph = phone_of(w, "POL", mother, w.phone("BG"), ctx=inv)
    p_ph = phone_of(w, "POL", pimp, w.phone("BG"), ctx=inv)
    phone_of(w, "POL", helper, w.phone("NL"), ctx=inv)
    w.call("POL", p_ph, m_ph, ctx=inv, count=rng.randint(40, 150))
    w.call("POL", w.phones[helper.key], p_ph, ctx=inv)
    m_acc = account_of(w, "POL", mother, w.account("BG"), ctx=inv)
    p_acc = account_of(w, "POL", pimp, w.account("NL"), ctx=inv)
    for d in _weekly(w, cast, rng.randint(6, 14)):
        w.pay("POL", p_acc, m_acc, rng.randint(300, 1800), d, "familie", ctx=inv)
    car = w.vehicle("BG")
    w.fact("POL", "DRIVES", pimp, car, ctx=inv, date=cast.when())
    w.fact("POL", "DRIVES", helper, car, ctx=inv, date=cast.when())
    plot = w.address(rng.choice(("Venlo", "Horst", "Venray")), kind="caravanstandplaats")
    w.fact("POL", "PAID_FOR", p_acc, plot, ctx=inv, amount=rng.choice((350, 450)),
           date=cast.when(), purpose="huur")  # fmt: skip
    for _ in range(2):
        w.cross("KMAR", car, rng.choice(("A67 Venlo", "A12 Zevenaar")), cast.when(), "in")
    for _ in range(size):
        v = cast.new("victim", "BG", "F", (18, 30))
        w.involve(inv, v, "victim")
        w.fact("POL", "LIVES_AT", v, plot, ctx=inv)
        w.fact("POL", "PASSENGER_IN", v, car, ctx=inv, date=cast.when())
        if w.chance(0.5):
            w.fact("KMAR", "PASSENGER_IN", v, car, when=cast.when(), date=cast.when())
    w.fact("POL", "LIVES_AT", pimp, plot, ctx=inv)
    w.om_involve(inv, pimp, "suspect")
    cast.plant("organiser_abroad", "transfers_abroad", "caravan_housing",
               "border_crossings_by_car", "family_organisers", "investigated")  # fmt: skip
    contacts(w, cast, "POL", inv, 0.5)
    cast.notes = "the pimp's mother in Bulgaria is known from calls, payments and the family link"


# ---------------------------------------------------------------------------------------------
# labour exploitation
# ---------------------------------------------------------------------------------------------


def dc_night_agency(w: World, cast: Cast, size: int) -> None:
    """An agency supplies night-shift order pickers to a distribution centre; the owner takes
    management fees through a holding; his father-in-law lets the houses; rent is deducted."""
    rng = w.rng
    city = rng.choice(("Venlo", "Waalwijk", "Venray", "Tilburg"))
    owner = cast.new("agency_owner", "NL", "M", (35, 55), organiser=True)
    fil = cast.new("father_in_law_landlord", "NL", "M", (58, 75))
    planner = cast.new("planner", rng.choice(("PL", "RO")), rng.choice("MF"), (25, 45))
    agency = w.company(
        f"Flex{rng.choice(('Night', 'Pick', 'Log', 'Star'))} Personeel B.V.", "uitzendbureau"
    )
    holding = w.company(f"{owner.surname.split()[-1]} Holding B.V.", "holding")
    dc = w.employers[rng.randrange(len(w.employers))]
    inv = w.investigation("ISZW", "labour", w.later(cast.start, 30, 120), "Nachtploeg")
    w.fact("ISZW", "DIRECTOR_OF", owner, agency, ctx=inv)
    w.fact("ISZW", "DIRECTOR_OF", owner, holding, ctx=inv)
    w.fact("ISZW", "FAMILY_OF", owner, fil, ctx=inv, relation="schoonvader")
    w.involve(inv, agency, "employer")
    w.involve(inv, owner, "suspect")
    w.involve(inv, fil, "involved")
    w.involve(inv, dc, "involved")
    ag_acc = account_of(w, "ISZW", agency, w.account(), ctx=inv)
    h_acc = account_of(w, "ISZW", holding, w.account(), ctx=inv)
    f_acc = account_of(w, "ISZW", fil, w.account(), ctx=inv)
    dc_acc = w.account()
    account_of(w, "ISZW", dc, dc_acc, ctx=inv)
    for d in _weekly(w, cast, rng.randint(6, 12)):
        w.pay("ISZW", dc_acc, ag_acc, rng.randint(20_000, 90_000), d, "facturen", ctx=inv)
        w.pay("ISZW", ag_acc, h_acc, rng.randint(5_000, 25_000), d, "managementfee", ctx=inv)
    houses = [w.address(city) for _ in range(max(2, size // 7))]
    for hs in houses:
        w.fact("ISZW", "LANDLORD_OF", fil, hs, ctx=inv)
        w.pay("ISZW", ag_acc, f_acc, rng.randint(1800, 4200), cast.when(), "huur", ctx=inv)
    ag_ph = phone_of(w, "ISZW", agency, w.phone("NL"), ctx=inv)
    phone_of(w, "ISZW", planner, ag_ph, ctx=inv)
    w.fact("ISZW", "EMPLOYED_BY", planner, agency, ctx=inv, since=cast.start, wage=_fair_wage(w))
    for _ in range(3):
        ad = w.ad(rng.choice(("olx.pl", "olx.ro", "facebook")), "job", cast.when(),
                  "Praca Holandia nocne zmiany, mieszkanie zapewnione")  # fmt: skip
        w.fact("ISZW", "ADVERTISED_WITH", ad, ag_ph, ctx=inv)
    vans = [w.vehicle("NL", "van") for _ in range(max(1, size // 15))]
    for van in vans:
        w.fact("ISZW", "OWNS_VEHICLE", agency, van, ctx=inv)
        w.fact("ISZW", "DRIVES", planner, van, ctx=inv, date=cast.when())
    for _ in range(size):
        p = cast.new("order_picker", rng.choice(("PL", "RO", "UA", "PL", "LT")), None, (19, 50))
        w.fact("ISZW", "EMPLOYED_BY", p, agency, ctx=inv, since=cast.when(), wage=_low_wage(w))
        w.fact("ISZW", "LIVES_AT", p, rng.choice(houses), ctx=inv)
        w.involve(inv, p, "victim")
        if w.chance(0.3):
            w.fact("ISZW", "PASSENGER_IN", p, rng.choice(vans), ctx=inv, date=cast.when())
        if w.chance(0.35):
            home(w, "POL", p, rng.choice(houses), registered=True, when=cast.when())
        if p.nat == "UA":
            ind_file(w, p, permit=True, when=cast.when())
    cast.plant("agency_night_shifts", "housing_let_by_relative", "many_persons_one_address",
               "wage_below_minimum", "rent_deducted", "management_fees_to_holding",
               "shared_transport_van", "job_ads_abroad", "investigated")  # fmt: skip
    contacts(w, cast, "ISZW", inv, 0.3)
    cast.notes = f"{len(houses)} houses let by the owner's father-in-law"


def meat_bogus_self_employed(w: World, cast: Cast, size: int) -> None:
    """Meat workers are each registered as a one-man company at the coordinator's address;
    he co-holds their accounts; the slaughterhouse pays the companies, money passes to him."""
    rng = w.rng
    nat = rng.choice(("RO", "HU"))
    coord = cast.new("coordinator", nat, "M", (32, 55), organiser=True)
    book = cast.new("bookkeeper", "NL", rng.choice("MF"), (35, 60))
    c_addr = w.address(rng.choice(("Horst", "Venray", "Emmen", "Den Bosch")))
    c_acc = account_of(w, "ISZW", coord, w.account(), when=cast.when())
    plant = w.employers[rng.randrange(len(w.employers))]
    p_acc = w.account()
    sig = w.signal("ISZW", "labour", w.later(cast.start, 40, 200),
                   "Schijnzelfstandigen in vleesverwerking; alle bedrijfjes op één adres.",
                   sector="vleesverwerking")  # fmt: skip
    w.involve(sig, coord, "suspect")
    w.involve(sig, book, "involved")
    w.involve(sig, plant, "employer")
    home(w, "ISZW", coord, c_addr, ctx=sig)
    account_of(w, "ISZW", plant, p_acc, ctx=sig)
    phone_of(w, "ISZW", coord, w.phone(nat), ctx=sig)
    phone_of(w, "ISZW", book, w.phone("NL"), ctx=sig)
    w.call("ISZW", w.phones[book.key], w.phones[coord.key], ctx=sig)
    for _ in range(size):
        p = cast.new("bogus_contractor", nat, "M", (20, 50))
        comp = w.company(f"{p.surname} {p.given[0][0]}. Uitsnijwerk", "vleesverwerking")
        w.fact("ISZW", "DIRECTOR_OF", p, comp, ctx=sig)
        w.fact("ISZW", "REGISTERED_AT", comp, c_addr, ctx=sig)
        acc = w.account()
        account_of(w, "ISZW", comp, acc, ctx=sig)
        if w.chance(0.7):
            account_of(w, "ISZW", coord, acc, ctx=sig)
        for d in _weekly(w, cast, rng.randint(1, 3)):
            gross = rng.randint(1800, 3500)
            w.pay("ISZW", p_acc, acc, gross, d, "factuur uitsnijwerk", ctx=sig)
            w.pay("ISZW", acc, c_acc, gross * rng.uniform(0.4, 0.6), d, "kosten", ctx=sig)
        w.involve(sig, p, "victim")
        if w.chance(0.5):
            home(w, "POL", p, c_addr, registered=True, when=cast.when())
        if w.chance(0.4):
            w.fact("ISZW", "EMPLOYED_BY", p, plant, ctx=sig, since=cast.when(), wage=_low_wage(w))
    cast.plant("bogus_self_employed", "companies_at_coordinator_address", "controlled_accounts",
               "pass_through_payments", "wage_below_minimum", "signals_only")  # fmt: skip
    contacts(w, cast, "ISZW", None, 0.3)
    cast.notes = "one-man companies of the workers registered at the coordinator's address"


def asparagus_campsite(w: World, cast: Cast, size: int) -> None:
    """A Romanian gangmaster brings pickers by minibus to Limburg, houses them in caravans on
    his cousin's campsite and is paid by the grower on a Romanian account; piece-rate cash."""
    rng = w.rng
    gm = cast.new("gangmaster", "RO", "M", (35, 55), organiser=True)
    cousin = cast.new("cousin_landlord", "RO", "M", (40, 65), surname=gm.surname)
    drv = cast.new("minibus_driver", "RO", "M", (25, 50))
    camp = w.address(rng.choice(("Horst", "Venray", "Venlo")), kind="camping")
    grower = w.company(f"Aspergekwekerij {w.person('NL').surname.split()[-1]}", "land- en tuinbouw")
    w.persons.pop()  # the grower's surname only
    g_acc = w.account()
    gm_acc = w.account("RO")
    insp = w.investigation("ISZW", "labour", w.later(cast.start, 20, 100), "Asperge")
    w.involve(insp, grower, "employer")
    w.involve(insp, gm, "suspect")
    w.involve(insp, cousin, "involved")
    w.fact("ISZW", "LANDLORD_OF", cousin, camp, ctx=insp)
    w.fact("ISZW", "FAMILY_OF", gm, cousin, ctx=insp, relation="neef")
    account_of(w, "ISZW", grower, g_acc, ctx=insp)
    account_of(w, "ISZW", gm, gm_acc, ctx=insp)
    for d in _weekly(w, cast, rng.randint(4, 9)):
        w.pay("ISZW", g_acc, gm_acc, rng.randint(8_000, 40_000), d, "oogstwerk", ctx=insp)
    phone_of(w, "ISZW", gm, w.phone("RO"), ctx=insp)
    bus = w.vehicle("RO", "van")
    w.fact("KMAR", "DRIVES", drv, bus, when=cast.when(), date=cast.when())
    for _ in range(rng.randint(2, 4)):
        w.cross("KMAR", bus, "A67 Venlo", cast.when(), "in")
    phone_of(w, "KMAR", drv, w.phone("RO"), when=cast.when())
    w.call("ISZW", w.phones[drv.key], w.phones[gm.key], ctx=insp)
    for _ in range(size):
        p = cast.new("picker", "RO", None, (18, 60))
        w.fact("ISZW", "EMPLOYED_BY", p, grower, ctx=insp, since=cast.when(), wage=_low_wage(w))
        w.fact("ISZW", "LIVES_AT", p, camp, ctx=insp)
        w.involve(insp, p, "victim")
        if w.chance(0.5):
            d = cast.when()
            w.fact("KMAR", "PASSENGER_IN", p, bus, when=d, date=d)
    cast.plant("gangmaster_foreign_account", "campsite_housing_by_relative", "minibus_crossings",
               "piece_rate_wages", "wage_below_minimum", "inspected")  # fmt: skip
    contacts(w, cast, "ISZW", insp, 0.3)
    cast.notes = "grower pays the gangmaster's Romanian account; cousin lets the caravans"


def barge_deckhands(w: World, cast: Cast, size: int) -> None:
    """Filipino deckhands on an inland barge live aboard and work without rest; the skipper
    holds their passports; a manning agent abroad pays crewing fees to the skipper's wife."""
    rng = w.rng
    skipper = cast.new("skipper_owner", "NL", "M", (40, 62), organiser=True)
    wife = cast.new("owner_wife", "NL", "F", (38, 60))
    agent = cast.new("manning_agent_abroad", "PH", "M", (35, 55), abroad=True)
    firm = w.company(f"Scheepvaartbedrijf {skipper.surname}", "binnenvaart")
    berth = w.address(rng.choice(("Dordrecht", "Rotterdam", "Zwolle")), kind="ligplaats")
    w.fact("ISZW", "DIRECTOR_OF", skipper, firm, when=cast.start)
    w.fact("ISZW", "REGISTERED_AT", firm, berth, when=cast.start)
    sig = w.signal("ISZW", "labour", w.later(cast.start, 60, 250),
                   "Matrozen wonen aan boord, geen rusttijden, paspoorten bij schipper.",
                   sector="binnenvaart")  # fmt: skip
    w.involve(sig, skipper, "suspect")
    w.involve(sig, firm, "employer")
    w.fact("ISZW", "FAMILY_OF", skipper, wife, ctx=sig, relation="echtgenote")
    wife_acc = account_of(w, "ISZW", wife, w.account(), ctx=sig)
    ag_acc = w.account("GB")
    ag_ph = phone_of(w, "ISZW", agent, w.phone("PH"), ctx=sig)
    phone_of(w, "ISZW", skipper, w.phone("NL"), ctx=sig)
    w.call("ISZW", w.phones[skipper.key], ag_ph, ctx=sig, count=rng.randint(5, 30))
    w.involve(sig, agent, "facilitator")
    for d in _weekly(w, cast, rng.randint(3, 7)):
        w.pay("ISZW", ag_acc, wife_acc, rng.randint(1_000, 6_000), d, "crewing fee", ctx=sig)
    for _ in range(size):
        p = cast.new("deckhand", "PH", "M", (20, 45))
        doc = ind_file(w, p, permit=True, sponsor=firm, when=cast.when())
        w.fact("ISZW", "HAS_DOCUMENT", skipper, doc, ctx=sig)
        w.fact("ISZW", "EMPLOYED_BY", p, firm, ctx=sig, since=cast.when(), wage=_low_wage(w))
        w.fact("ISZW", "LIVES_AT", p, berth, ctx=sig)
        w.involve(sig, p, "victim")
        if w.chance(0.6):
            w.cross("KMAR", p, "Schiphol", cast.when(), "in")
    cast.plant("passports_held_by_owner", "manning_agent_abroad", "fees_to_owner_wife",
               "live_aboard", "wage_below_minimum", "sponsored_permits", "signals_only")  # fmt: skip
    contacts(w, cast, "ISZW", None, 0.3)
    cast.notes = "skipper holds passports; the manning agent abroad pays the wife"


# ---------------------------------------------------------------------------------------------
# criminal exploitation
# ---------------------------------------------------------------------------------------------


def care_home_couriers(w: World, cast: Cast, size: int) -> None:
    """A recruiter befriends youths from a youth care home in a Snapchat group; they carry
    drugs by train and are arrested as suspects in several cities; the organiser gives the
    recruiter a car and pays per run from his partner's account; the home reports them missing."""
    rng = w.rng
    org = cast.new("organiser", rng.choice(("NL", "MA", "SR")), "M", (28, 45), organiser=True)
    rec = cast.new("recruiter", rng.choice(("NL", "MA", "SR")), "M", (19, 25))
    partner = cast.new("partner_payer", "NL", "F", (22, 40))
    care = w.address(kind="jeugdzorginstelling")
    inv = w.investigation("POL", "criminal", cast.start, f"Treinkoerier{rng.randint(1, 40)}")
    for p, role in ((org, "suspect"), (rec, "suspect"), (partner, "involved")):
        w.involve(inv, p, role)
    grp = w.group(f"Snelgeld{rng.randint(10, 99)}", "chatgroep")
    w.fact("POL", "MEMBER_OF", rec, grp, ctx=inv, since=cast.start, position="beheerder")
    car = w.vehicle("NL")
    w.fact("POL", "OWNS_VEHICLE", org, car, ctx=inv)
    w.fact("POL", "DRIVES", rec, car, ctx=inv, date=cast.when())
    o_ph = phone_of(w, "POL", org, w.phone("NL"), ctx=inv)
    r_ph = phone_of(w, "POL", rec, w.phone("NL"), ctx=inv)
    line = w.phone("NL")
    phone_of(w, "POL", rec, line, ctx=inv)
    w.call("POL", r_ph, o_ph, ctx=inv, count=rng.randint(30, 120))
    pay_acc = account_of(w, "POL", partner, w.account(), ctx=inv)
    w.fact("POL", "ASSOCIATE_OF", org, partner, ctx=inv)
    for _ in range(size):
        minor = w.chance(0.7)
        y = cast.new("courier_minor" if minor else "courier", rng.choice(("NL", "NL", "MA", "SR")),
                     rng.choice("MMF"), (14, 17) if minor else (18, 20))  # fmt: skip
        w.fact("POL", "MEMBER_OF", y, grp, ctx=inv, since=cast.when(), position="lid")
        w.fact("POL", "LIVES_AT", y, care, when=cast.when())
        y_ph = phone_of(w, "POL", y, w.phone("NL"), ctx=inv)
        w.call("POL", y_ph, line, ctx=inv)
        acc = account_of(w, "POL", y, w.account(), ctx=inv)
        for d in _weekly(w, cast, rng.randint(1, 4)):
            w.pay("POL", pay_acc, acc, rng.choice((50, 100, 150)), d, "tikkie", ctx=inv)
        w.involve(inv, y, "suspect")
        if w.chance(0.5):
            arrest = w.signal("POL", "criminal", cast.when(),
                              "Minderjarige aangehouden met drugs in trein.",
                              region=rng.choice(("Noord-Holland", "Limburg", "Zeeland", "Oost-Brabant")))  # fmt: skip
            w.involve(arrest, y, "suspect")
            if w.chance(0.5):
                w.fact("POL", "PART_OF", arrest, inv, ctx=inv)
        if w.chance(0.4):
            missing = w.signal("POL", "criminal", cast.when(),
                               "Jeugdzorginstelling meldt jongere vermist, vermoedelijk ingezet als koerier.")  # fmt: skip
            w.involve(missing, y, "victim")
            reporter = w.contacts[rng.randrange(len(w.contacts))][0]
            w.involve(missing, reporter, "reporter")
            w.involve(missing, care, "involved")
    w.om_involve(inv, org, "suspect")
    w.om_involve(inv, rec, "suspect")
    cast.plant("recruited_from_care_home", "minor_victim", "victims_as_suspects",
               "group_membership", "per_run_payments", "car_provided_by_organiser",
               "missing_reports", "investigated")  # fmt: skip
    contacts(w, cast, "POL", inv, 0.5)
    cast.notes = "organiser pays couriers from his partner's account"


def cannabis_logistics(w: World, cast: Cast, size: int) -> None:
    """Men in gambling debt are made to drive vans of cannabis from grow sites to a storage
    unit and pack it; vans come from a rental firm with a straw director; the organiser's
    brother-in-law lets the sites; the drivers repay their debt to the organiser."""
    rng = w.rng
    org = cast.new("organiser", rng.choice(("NL", "AL", "MA")), "M", (32, 55), organiser=True)
    bil = cast.new("brother_in_law_landlord", "NL", "M", (35, 65))
    straw = cast.new("straw_director", "NL", rng.choice("MF"), (20, 60))
    rental = w.company(
        f"{rng.choice(('Snel', 'Top', 'Budget', 'Euro'))} Verhuur B.V.", "autoverhuur"
    )
    inv = w.investigation("POL", "criminal", cast.start, f"Loods{rng.randint(1, 60)}")
    for p, role in ((org, "suspect"), (bil, "involved"), (straw, "involved")):
        w.involve(inv, p, role)
    w.fact("POL", "DIRECTOR_OF", straw, rental, ctx=inv)
    w.fact("POL", "FAMILY_OF", org, bil, ctx=inv, relation="zwager")
    o_ph = phone_of(w, "POL", org, w.phone("NL"), ctx=inv)
    o_acc = account_of(w, "POL", org, w.account(), ctx=inv)
    phone_of(w, "POL", straw, w.phone("NL"), ctx=inv)
    w.call("POL", w.phones[straw.key], o_ph, ctx=inv)
    sites = [w.address(kind="loods") for _ in range(rng.randint(2, 4))]
    unit = w.address(kind="opslagbox")
    for s in sites:
        w.fact("POL", "LANDLORD_OF", bil, s, ctx=inv)
    w.fact("POL", "PAID_FOR", o_acc, unit, ctx=inv, amount=rng.choice((250, 400)),
           date=cast.when(), purpose="huur")  # fmt: skip
    vans = [w.vehicle("NL", "van") for _ in range(max(2, size // 4))]
    for v in vans:
        w.fact("POL", "OWNS_VEHICLE", rental, v, ctx=inv)
    for i in range(size):
        role = "forced_driver" if i % 3 else "packer"
        p = cast.new(role, rng.choice(("NL", "PL", "NL", "LT")), "M", (20, 45))
        ph = phone_of(w, "POL", p, w.phone("NL"), ctx=inv)
        w.call("POL", o_ph, ph, ctx=inv)
        acc = account_of(w, "POL", p, w.account(), ctx=inv)
        for d in _weekly(w, cast, rng.randint(1, 4)):
            w.pay("POL", acc, o_acc, rng.choice((100, 200, 250, 500)), d, "aflossing", ctx=inv)
        w.involve(inv, p, "suspect")
        if role == "forced_driver":
            van = rng.choice(vans)
            w.fact("POL", "DRIVES", p, van, ctx=inv, date=cast.when())
            if w.chance(0.3):
                w.fact("POL", "MET", org, p, ctx=inv, date=cast.when(), kind="ontmoeting",
                       weight=rng.randint(1, 4))  # fmt: skip
            if w.chance(0.5):
                stop = w.signal("POL", "criminal", cast.when(),
                                "Bestuurder bestelbus aangehouden met hennep; verklaart onder druk te rijden.")  # fmt: skip
                w.involve(stop, p, "suspect")
                w.involve(stop, van, "involved")
                if w.chance(0.5):
                    w.fact("POL", "PART_OF", stop, inv, ctx=inv)
        else:
            w.fact("POL", "STAYED_AT", p, unit, ctx=inv, date=cast.when(), nights=1)
    w.om_involve(inv, org, "suspect")
    cast.plant("debt_bondage", "drivers_as_suspects", "vans_via_straw_company",
               "sites_let_by_relative", "debt_repayments_to_organiser", "investigated")  # fmt: skip
    contacts(w, cast, "POL", inv, 0.5)
    cast.notes = "drivers repay gambling debts to the organiser"


def burglary_crew(w: World, cast: Cast, size: int) -> None:
    """A clan head in Romania sends minors who are made to burgle houses; two handlers keep
    them in a rented house and drive them in foreign cars; the loot money goes abroad."""
    rng = w.rng
    nat = rng.choice(("RO", "BG"))
    head = cast.new("clan_head_abroad", nat, "M", (45, 65), organiser=True, abroad=True)
    handlers = [cast.new("handler", nat, "M", (22, 45), surname=head.surname) for _ in range(2)]
    base = w.address(rng.choice(("Emmen", "Enschede", "Roosendaal", "Breda")))
    inv = w.investigation("POL", "criminal", cast.start, f"Woninginbraak{rng.randint(1, 70)}")
    w.involve(inv, head, "suspect")
    h_ph = phone_of(w, "POL", head, w.phone(nat), ctx=inv)
    h_acc = account_of(w, "POL", head, w.account(nat), ctx=inv)
    cars = [w.vehicle(nat) for _ in range(2)]
    for h, car in zip(handlers, cars, strict=True):
        w.involve(inv, h, "suspect")
        w.fact("POL", "FAMILY_OF", h, head, ctx=inv, relation=rng.choice(("vader", "oom")))
        w.fact("POL", "LIVES_AT", h, base, ctx=inv)
        ph = phone_of(w, "POL", h, w.phone("NL"), ctx=inv)
        w.call("POL", ph, h_ph, ctx=inv, count=rng.randint(20, 90))
        w.fact("POL", "DRIVES", h, car, ctx=inv, date=cast.when())
        acc = account_of(w, "POL", h, w.account(), ctx=inv)
        for d in _weekly(w, cast, rng.randint(3, 8)):
            w.pay("POL", acc, h_acc, rng.randint(400, 2500), d, "familie", ctx=inv)
        w.cross("KMAR", car, rng.choice(("A1 Oldenzaal", "A12 Zevenaar", "A37 Hardenberg")),
                cast.when(), "in")  # fmt: skip
    w.fact("POL", "LANDLORD_OF", w.contacts[rng.randrange(len(w.contacts))][0], base,
           when=cast.when())  # an ordinary landlord  # fmt: skip
    for _ in range(size):
        m = cast.new("minor_burglar", nat, rng.choice("MMF"), (12, 17))
        w.fact("POL", "LIVES_AT", m, base, ctx=inv)
        w.involve(inv, m, "suspect")
        w.fact("POL", "PASSENGER_IN", m, rng.choice(cars), ctx=inv, date=cast.when())
        for _ in range(rng.randint(1, 3)):
            arr = w.signal("POL", "criminal", cast.when(),
                           "Minderjarige aangehouden na woninginbraak; zegt geld af te moeten dragen.",
                           region=rng.choice(("Oost-Nederland", "Noord-Nederland", "Zeeland-West-Brabant")))  # fmt: skip
            w.involve(arr, m, "suspect")
        if w.chance(0.3):
            w.fact("KMAR", "PASSENGER_IN", m, rng.choice(cars), when=cast.when(), date=cast.when())
    w.om_involve(inv, handlers[0], "suspect")
    cast.plant("organiser_abroad", "minor_victim", "victims_as_suspects", "house_base",
               "foreign_cars", "transfers_abroad", "arrests_many_regions", "investigated")  # fmt: skip
    contacts(w, cast, "POL", inv, 0.4)
    cast.notes = "the clan head abroad is known from calls, payments and family links"


# ---------------------------------------------------------------------------------------------
# migrant smuggling
# ---------------------------------------------------------------------------------------------


def hook_lorry_drivers(w: World, cast: Cast, size: int) -> None:
    """A coordinator in the UK and a Dutch fixer pay complicit lorry drivers per migrant;
    migrants are loaded at truck parkings and found at the Hook of Holland ferry terminal."""
    rng = w.rng
    coord = cast.new("coordinator_abroad", rng.choice(("IQ", "AF", "AL")), "M", (30, 50),
                     organiser=True, abroad=True)  # fmt: skip
    fixer = cast.new("fixer", coord.nat, "M", (25, 45))
    inv = w.investigation("KMAR", "smuggling", cast.start, f"Veerboot{rng.randint(1, 60)}")
    w.involve(inv, coord, "suspect")
    w.involve(inv, fixer, "suspect")
    c_ph = phone_of(w, "KMAR", coord, w.phone("GB"), ctx=inv)
    f_ph = phone_of(w, "KMAR", fixer, w.phone("NL"), ctx=inv)
    w.call("KMAR", f_ph, c_ph, ctx=inv, count=rng.randint(40, 200))
    f_acc = account_of(w, "KMAR", fixer, w.account(), ctx=inv)
    c_acc = account_of(w, "KMAR", coord, w.account("GB"), ctx=inv)
    for d in _weekly(w, cast, rng.randint(3, 8)):
        w.pay("KMAR", f_acc, c_acc, rng.randint(2_000, 9_000), d, "transfer", ctx=inv)
    home(w, "KMAR", fixer, w.address(rng.choice(("Rotterdam", "Den Haag", "Hoek van Holland"))),
         ctx=inv)  # fmt: skip
    drivers = []
    for _ in range(max(2, size // 5)):
        drv = cast.new("lorry_driver", rng.choice(("LT", "PL", "RO", "BG")), "M", (28, 58))
        lorry = w.vehicle(rng.choice(("LT", "PL", "RO", "BG")), "lorry")
        w.fact("KMAR", "DRIVES", drv, lorry, ctx=inv, date=cast.when())
        ph = phone_of(w, "KMAR", drv, w.phone(drv.nat if drv.nat != "LT" else "PL"), ctx=inv)
        w.call("KMAR", ph, f_ph, ctx=inv)
        acc = account_of(
            w,
            "KMAR",
            drv,
            w.account(drv.nat if drv.nat in ("PL", "RO", "BG", "LT") else "NL"),
            ctx=inv,
        )
        w.pay("KMAR", f_acc, acc, rng.randint(1_500, 4_000), cast.when(), "vracht", ctx=inv)
        for _ in range(rng.randint(2, 5)):
            w.cross("KMAR", lorry, "Hoek van Holland", cast.when(), "out")
        w.involve(inv, drv, "suspect")
        if w.chance(0.5):
            w.fact("KMAR", "MET", fixer, drv, ctx=inv, date=cast.when(), kind="observatie",
                   weight=1)  # fmt: skip
        drivers.append((drv, lorry))
    for _ in range(size):
        m = cast.new("migrant", rng.choice(("ER", "SY", "AF", "IQ", "ER")), rng.choice("MMMF"),
                     (16, 40), undocumented=True)  # fmt: skip
        _, lorry = rng.choice(drivers)
        day = cast.when()
        w.fact("KMAR", "PASSENGER_IN", m, lorry, ctx=inv, date=day)
        w.cross("KMAR", m, "Hoek van Holland", day, "out")
        w.involve(inv, m, "victim")
        if w.chance(0.6):
            ind_file(w, m, doc="passport" if w.chance(0.3) else "id_card",
                     when=w.later(day, 1, 20), reception=True)  # fmt: skip
        if w.chance(0.35):
            rel = w.contacts[rng.randrange(len(w.contacts))]
            racc = w.account()
            account_of(w, "KMAR", rel[0], racc, ctx=inv)
            w.pay("KMAR", racc, f_acc, rng.randint(1_500, 6_000), day, "reis", ctx=inv)
    w.om_involve(inv, fixer, "suspect")
    cast.plant("organiser_abroad", "complicit_drivers", "per_migrant_payments",
               "ferry_port_interceptions", "repeat_crossings_same_lorry",
               "asylum_after_interception", "investigated")  # fmt: skip
    contacts(w, cast, "KMAR", inv, 0.3)
    cast.notes = f"{len(drivers)} complicit drivers; coordinator in the UK known from calls"


def student_visa_mill(w: World, cast: Cast, size: int) -> None:
    """A private college sponsors student permits; students pay tuition, never attend and
    work elsewhere; a recruitment agent abroad receives a fee per student."""
    rng = w.rng
    dnat = rng.choice(("IN", "NG", "PK"))
    director = cast.new("college_director", dnat, "M", (38, 60), organiser=True, resident=True)
    admin = cast.new("administrator", "NL", "F", (25, 50))
    agent = cast.new("recruitment_agent_abroad", dnat, "M", (30, 50), abroad=True)
    college = w.company(
        f"{rng.choice(('Holland', 'Euro', 'Global', 'Delta'))} Business College B.V.", "onderwijs"
    )
    building = w.address(rng.choice(("Den Haag", "Rotterdam", "Almere", "Utrecht")),
                         kind="bedrijfspand")  # fmt: skip
    w.fact("IND", "DIRECTOR_OF", director, college, when=cast.start)
    w.fact("IND", "REGISTERED_AT", college, building, when=cast.start)
    w.fact("IND", "EMPLOYED_BY", admin, college, when=cast.start, since=cast.start)
    c_acc = w.account()
    a_acc = w.account("AE")
    sig = w.signal("KMAR", "smuggling", w.later(cast.start, 90, 300),
                   "Studenten van privé-college verschijnen niet op lessen; werken elders.")  # fmt: skip
    w.involve(sig, college, "involved")
    w.involve(sig, director, "suspect")
    w.involve(sig, agent, "suspect")
    account_of(w, "KMAR", college, c_acc, ctx=sig)
    phone_of(w, "KMAR", agent, w.phone("AE"), ctx=sig)
    phone_of(w, "KMAR", director, w.phone("NL"), ctx=sig)
    w.call("KMAR", w.phones[director.key], w.phones[agent.key], ctx=sig, count=rng.randint(10, 60))
    w.fact("KMAR", "HOLDS_ACCOUNT", agent, a_acc, ctx=sig)
    for _ in range(size):
        s = cast.new("student_migrant", rng.choice((dnat, dnat, "PK", "NG", "IN")),
                     rng.choice("MMF"), (19, 30))  # fmt: skip
        arrive = cast.when()
        ind_file(w, s, addr=building if w.chance(0.6) else None, permit=True, sponsor=college,
                 when=arrive)  # fmt: skip
        w.cross("KMAR", s, "Schiphol", arrive, "in")
        acc = account_of(w, "KMAR", s, w.account(), ctx=sig)
        w.pay("KMAR", acc, c_acc, rng.choice((6500, 8000, 9500)), w.later(arrive, 5, 40),
              "collegegeld", ctx=sig)  # fmt: skip
        w.involve(sig, s, "involved")
        if w.chance(0.5):
            emp = w.employers[rng.randrange(len(w.employers))]
            w.fact("ISZW", "EMPLOYED_BY", s, emp, when=w.later(arrive, 30, 200),
                   since=w.later(arrive, 30, 200), wage=round(rng.uniform(9, 14), 2))  # fmt: skip
    for _ in range(max(2, size // 6)):
        w.pay("KMAR", c_acc, a_acc, rng.randint(5_000, 25_000), cast.when(), "commissie", ctx=sig)
    cast.plant("sponsor_college", "tuition_payments", "students_work_elsewhere",
               "many_registered_one_address", "recruitment_agent_abroad", "signals_only")  # fmt: skip
    contacts(w, cast, "KMAR", None, 0.3)
    cast.notes = "students sponsored by the college, registered at its building"


def family_reunion_fraud(w: World, cast: Cast, size: int) -> None:
    """A fixer arranges false family reunification: status holders claim unrelated people as
    spouses and children; the claimed relatives' families pay fees; documents from one source."""
    rng = w.rng
    nat = rng.choice(("ER", "SY"))
    fixer = cast.new("fixer", nat, "M", (30, 55), organiser=True, resident=True)
    supplier = cast.new("document_supplier", nat, "M", (30, 60), abroad=True)
    f_acc = w.account()
    sig = w.signal("KMAR", "smuggling", w.later(cast.start, 60, 260),
                   "Nareizigers met documenten uit één bron; gezinsbanden twijfelachtig.")  # fmt: skip
    w.involve(sig, fixer, "suspect")
    w.involve(sig, supplier, "suspect")
    account_of(w, "KMAR", fixer, f_acc, ctx=sig)
    fx_ph = phone_of(w, "KMAR", fixer, w.phone("NL"), ctx=sig)
    s_ph = phone_of(w, "KMAR", supplier, w.phone("ER" if nat == "ER" else "TR"), ctx=sig)
    w.call("KMAR", fx_ph, s_ph, ctx=sig, count=rng.randint(10, 50))
    home(w, "IND", fixer, w.address(), registered=True, when=cast.start)
    n_sponsors = max(2, size // 4)
    for _ in range(n_sponsors):
        sp = cast.new("sponsor_status_holder", nat, "M", (25, 50), resident=True)
        addr = w.address()
        home(w, "IND", sp, addr, registered=True, when=cast.start)
        ind_file(w, sp, permit=True, when=cast.start)
        ph = phone_of(w, "KMAR", sp, w.phone("NL"), ctx=sig)
        w.call("KMAR", ph, fx_ph, ctx=sig)
        w.involve(sig, sp, "involved")
        for _ in range(rng.randint(1, 4)):
            c = cast.new("claimed_relative", nat, rng.choice("MF"), (6, 35), undocumented=True)
            rel = "echtgenote" if c.gender == "F" and w.chance(0.4) else "kind"
            w.fact("IND", "FAMILY_OF", sp, c, when=cast.when(), relation=rel)
            doc = w.document(c, "passport", nat)
            arrive = cast.when()
            w.fact("IND", "HAS_DOCUMENT", c, doc, when=arrive)
            w.fact("IND", "REGISTERED_AT", c, addr, when=w.later(arrive, 10, 60))
            w.cross("KMAR", c, "Schiphol", arrive, "in")
            w.involve(sig, c, "involved")
            if w.chance(0.5):
                payer = w.contacts[rng.randrange(len(w.contacts))][0]
                pacc = w.account()
                account_of(w, "KMAR", payer, pacc, ctx=sig)
                w.pay("KMAR", pacc, f_acc, rng.randint(2_000, 8_000), arrive, "familie", ctx=sig)
    cast.plant("false_family_claims", "fees_to_fixer", "documents_one_source",
               "arrivals_schiphol", "signals_only")  # fmt: skip
    contacts(w, cast, "KMAR", None, 0.3)
    cast.notes = f"{n_sponsors} status holders claim unrelated relatives"


Builder = Callable[[World, Cast, int], None]
#: scenario -> (variant, builder, size range)
VARIANTS: dict[str, tuple[tuple[str, Builder, tuple[int, int]], ...]] = {
    "sexual": (
        ("rotating_phone_platform", rotating_phone_platform, (8, 28)),
        ("au_pair_escort", au_pair_escort, (4, 14)),
        ("karaoke_hostess", karaoke_hostess, (6, 20)),
        ("truckstop_caravans", truckstop_caravans, (4, 12)),
    ),
    "labour": (
        ("dc_night_agency", dc_night_agency, (20, 80)),
        ("meat_bogus_self_employed", meat_bogus_self_employed, (10, 35)),
        ("asparagus_campsite", asparagus_campsite, (12, 45)),
        ("barge_deckhands", barge_deckhands, (4, 12)),
    ),
    "criminal": (
        ("care_home_couriers", care_home_couriers, (6, 22)),
        ("cannabis_logistics", cannabis_logistics, (6, 24)),
        ("burglary_crew", burglary_crew, (5, 16)),
    ),
    "smuggling": (
        ("hook_lorry_drivers", hook_lorry_drivers, (10, 40)),
        ("student_visa_mill", student_visa_mill, (10, 45)),
        ("family_reunion_fraud", family_reunion_fraud, (8, 30)),
    ),
}
CODES = {"sexual": "SEX", "labour": "LAB", "criminal": "CRI", "smuggling": "SMU"}
PER_SCALE = {"sexual": 6, "labour": 6, "criminal": 5, "smuggling": 6}


def plant_all(w: World, scale: float) -> list[Cast]:
    casts: list[Cast] = []
    for scenario, variants in VARIANTS.items():
        n = max(1, round(PER_SCALE[scenario] * scale))
        order = list(variants)
        w.rng.shuffle(order)
        for i in range(n):
            variant, build, (lo, hi) = order[i % len(order)]
            cast = Cast(w, f"N5-{CODES[scenario]}-{i + 1:02d}", scenario, variant)
            first = len(w.facts)
            build(w, cast, w.rng.randint(lo, hi))
            relatives(w, cast)
            cast.facts = (first, len(w.facts))
            casts.append(cast)
    return casts


__all__ = ["VARIANTS", "plant_all", "Person", "Ent"]
