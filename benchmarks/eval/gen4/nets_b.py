"""Planted networks, criminal exploitation and smuggling."""

from __future__ import annotations

from .kit import Kit, wage_fair
from .world import Ent, Net, Person, World

# ---------------------------------------------------------------------------------------------
# criminal
# ---------------------------------------------------------------------------------------------


def cannabis_minors(w: World, net: Net, size: int) -> None:
    """Vietnamese boys, brought via France, ask asylum, vanish from the reception centre and
    tend grow houses rented through Dutch straw tenants; the boss's cousin lets two houses."""
    k = Kit(w, net, "criminal", (14, 34))
    rng = w.rng
    boss = net.org(w.person("VN", gender="M", age=(35, 55), bsn=True), "grow_boss")
    cousin = net.org(
        w.person("VN", gender="M", age=(40, 60), bsn=True, surname=boss.surname),
        "landlord_relative",
    )
    w.kin("IND", boss, cousin, "neef", k.d(0, 0.1))
    fixer = net.add(w.person("VN", gender="M", age=(25, 40), bsn=rng.random() < 0.5), "transporter")
    p_boss = k.phone("POL", boss)
    p_fix = k.phone("POL", fixer)
    ac_boss = k.acct("POL", boss)
    car = w.vehicle()
    w.fact("POL", "OWNS_VEHICLE", fixer, car, k.d())
    n_houses = max(2, size // 5)
    houses = [w.address(rng.choice(["Tilburg", "Breda", "Eindhoven", "Den Bosch", "Roosendaal", "Venlo", "Emmen"]))
              for _ in range(n_houses)]  # fmt: skip
    tenants = [
        net.add(w.person("NL", age=(30, 60)), "straw_tenant") for _ in range(max(1, n_houses - 2))
    ]
    for i, h in enumerate(houses):
        if i < 2:
            w.fact("POL", "LANDLORD_OF", cousin, h, k.d(0, 0.2))
        else:
            t = tenants[(i - 2) % len(tenants)]
            k.lives("POL", t, h, registered=True)
        w.fact(
            "POL",
            "PAID_FOR",
            ac_boss,
            h,
            k.d(0.1, 0.9),
            amount=rng.uniform(900, 1600),
            date=k.d(0.1, 0.9),
            purpose="huur",
        )
    k.case("Hennep")
    k.calls(p_boss, p_fix, 12)
    boys = []
    for _ in range(max(2, size - 3 - len(tenants))):
        b = net.add(
            w.person("VN", gender="M", age=(14, 22), bsn=False, migrant=True), "gardener_victim"
        )
        if b.minor:
            net.members[b.key] = "minor_victim"
        boys.append(b)
        arrive = k.d(0.0, 0.5)
        if rng.random() < 0.5:
            k.cross("KMAR", b, rng.choice(["Hazeldonk A16", "Schiphol"]), arrive)
        k.ind_arrival(b, when=arrive)
        h = rng.choice(houses)
        raid = k.d(0.5, 1.0)
        k.signal("POL", "Hennepkwekerij ontmanteld; jonge Vietnamese jongen aangetroffen die in de woning verbleef.",
                       [(b, "verdachte"), (h, "involved")], when=raid, part_of=True)  # fmt: skip
        k.lives("POL", b, h, when=raid, extract=k.x)
        if rng.random() < 0.5:
            w.fact("POL", "PASSENGER_IN", b, car, k.d(0.3, 0.9), extract=k.x, date=k.d(0.3, 0.9))
        k.inv(b, "suspect" if rng.random() < 0.6 else "victim")
    k.inv(boss, "suspect")
    k.inv(fixer, "suspect")
    k.inv(cousin, "facilitator")
    for t in tenants:
        k.inv(t, "suspect")
    k.om([boss, fixer] + tenants[:1], boys[:2])
    net.feature("grow_houses", "minor_victim", "asylum_then_absconded", "victims_as_suspects", "straw_tenants",
                "landlord_relative", "rent_paid_by_organiser", "investigated")  # fmt: skip


def shoplifting_crew(w: World, net: Net, size: int) -> None:
    """A handler family drives crews of shoplifters to shopping centres in many cities; the
    goods go to a fence; the crews live packed in one rented house."""
    k = Kit(w, net, "criminal")
    rng = w.rng
    origin = rng.choice(["RO", "LT", "BG"])
    head = net.org(w.person(origin, gender="M", age=(40, 60), bsn=False), "handler_head")
    son = net.add(
        w.person(origin, gender="M", age=(20, 32), bsn=False, surname=head.surname), "handler"
    )
    w.kin("POL", head, son, "vader", k.d())
    fence = net.org(w.person(rng.choice(["NL", "TR"]), gender="M", age=(35, 60)), "fence")
    shop = w.company(w.company_name("Handel"), "detailhandel")
    w.fact("POL", "DIRECTOR_OF", fence, shop, k.d())
    ac_fence = k.acct("POL", fence)
    ac_head = w.account(origin if origin in ("RO", "BG") else "DE")
    w.fact("POL", "HOLDS_ACCOUNT", head, ac_head, k.d(0.4, 1.0))
    house = w.address(rng.choice(["Rotterdam", "Schiedam", "Den Haag", "Dordrecht"]))
    k.lives("POL", head, house)
    cars = [w.vehicle(origin if origin != "LT" else "LT") for _ in range(max(1, size // 8))]
    for c in cars:
        w.fact("POL", "DRIVES", son, c, k.d(), date=k.d())
        k.cross("KMAR", c, rng.choice(["Hazeldonk A16", "Venlo A67"]), k.d(0, 0.6))
    k.case("Winkelwagen", at=0.5)
    k.calls(k.phone("POL", son, extract=k.x), k.phone("POL", fence, extract=k.x), 8)
    k.met(son, fence, "observatie", weight=4)
    crew = []
    for _ in range(max(3, size - 3)):
        p = net.add(w.person(origin, age=(15, 40), bsn=False), "forced_shoplifter")
        if p.minor:
            net.members[p.key] = "minor_victim"
        crew.append(p)
        k.lives("POL", p, house, extract=k.x)
        for _ in range(rng.randint(1, 4)):
            sig = k.signal("POL", "Winkeldiefstal door groep; verdachten spreken geen Nederlands en worden opgehaald door een auto.",
                           [(p, "verdachte")], when=k.d(0.1, 1.0))  # fmt: skip
            if rng.random() < 0.4:
                w.involve("POL", rng.choice(cars), sig, "involved", k.d())
        w.fact(
            "POL",
            "PASSENGER_IN",
            p,
            rng.choice(cars),
            k.d(0.2, 1.0),
            extract=k.x,
            date=k.d(0.2, 1.0),
        )
        k.inv(p, "victim" if rng.random() < 0.5 else "suspect")
    for _ in range(rng.randint(4, 10)):
        w.pay(
            "POL",
            ac_fence,
            ac_head,
            rng.uniform(500, 3000),
            k.d(0.3, 1.0),
            "auto onderdelen",
            extract=k.x,
        )
    k.inv(head, "suspect")
    k.inv(son, "suspect")
    k.inv(fence, "suspect")
    k.om([head, son, fence], crew[:2])
    net.feature("victims_as_suspects", "crew_transport", "many_persons_one_address", "fence", "arrests_many_cities",
                "minor_victim", "investigated")  # fmt: skip


def port_extractors(w: World, net: Net, size: int) -> None:
    """Cocaine 'extractors' in the port: young men recruited through a Telegram group by two
    recruiters who take orders from an organiser in Dubai; paid per job."""
    k = Kit(w, net, "criminal")
    rng = w.rng
    boss = net.org(
        w.person(rng.choice(["NL", "MA"]), gender="M", age=(30, 45), bsn=True), "organiser_abroad"
    )
    p_boss = w.phone("AE")
    w.fact("POL", "USES_PHONE", boss, p_boss, k.d(0.5, 1.0))
    k.cross("KMAR", boss, "Schiphol", k.d(0, 0.2), "out")
    recruiters = [net.add(w.person(rng.choice(["NL", "MA", "NL"]), gender="M", age=(22, 35)), "recruiter")
                  for _ in range(2)]  # fmt: skip
    rp = [k.phone("POL", r) for r in recruiters]
    racs = [k.acct("POL", r) for r in recruiters]
    k.case("Kraan")
    for ph in rp:
        k.calls(ph, p_boss, 15)
    members = [(boss, "admin")] + [(r, "admin") for r in recruiters]
    kids = []
    for _ in range(max(3, size - 3)):
        p = net.add(
            w.person(rng.choice(["NL", "NL", "MA", "TR"]), gender="M", age=(16, 24)), "extractor"
        )
        if p.minor:
            net.members[p.key] = "minor_victim"
        kids.append(p)
        members.append((p, "lid"))
        ph = k.phone("POL", p, extract=k.x)
        k.calls(rng.choice(rp), ph, 3)
        k.lives(
            "POL", p, w.address(rng.choice(["Rotterdam", "Schiedam", "Dordrecht", "Vlissingen"]))
        )
        if rng.random() < 0.5:
            when = k.d(0.2, 1.0)
            k.signal(rng.choice(["POL", "KMAR"]), "Jongeman aangehouden op haventerrein bij container, zonder toegangspas.",
                     [(p, "verdachte")], when=when)  # fmt: skip
        if rng.random() < 0.5:
            ac = k.acct("POL", p, extract=k.x)
            w.pay(
                "POL",
                rng.choice(racs),
                ac,
                rng.choice([1000, 2500, 5000, 10000]),
                k.d(0.3, 1.0),
                "klus",
                extract=k.x,
            )
        k.inv(p, "suspect")
    k.group("POL", "Telegram havenwerk " + str(rng.randint(10, 99)), "chatgroep", members)
    k.met(recruiters[0], recruiters[1], "observatie", weight=5)
    for r in recruiters:
        k.inv(r, "suspect")
    k.inv(boss, "suspect")
    k.om(recruiters + [boss], kids[:2])
    net.feature("organiser_abroad", "group_membership", "recruits_as_suspects", "minor_victim", "per_job_payments",
                "port_arrests", "investigated")  # fmt: skip


def benefit_capture(w: World, net: Net, size: int) -> None:
    """An organiser and her helper 'look after' people with a mild intellectual disability:
    they hold their bank cards and phones, register them at addresses they do not live at,
    and move their benefits and loans to themselves."""
    k = Kit(w, net, "criminal")
    rng = w.rng
    boss = net.org(w.person("NL", gender="F", age=(35, 60)), "organiser")
    helper = net.add(w.person("NL", gender="M", age=(25, 50)), "helper")
    ac_boss = k.acct("POL", boss)
    p_boss = k.phone("POL", boss)
    uwv = w.company("UWV", "overheid")
    ac_uwv = w.account()
    w.fact("POL", "HOLDS_ACCOUNT", uwv, ac_uwv, k.d())
    addrs = [w.address() for _ in range(max(2, size // 4))]
    k.case("Mantelzorg", at=0.6)
    victims = []
    for _ in range(max(3, size - 2)):
        v = net.add(w.person("NL", age=(19, 60)), "vulnerable_victim")
        victims.append(v)
        ac = k.acct("POL", v)
        w.fact(
            "POL",
            "HOLDS_ACCOUNT",
            boss if rng.random() < 0.6 else helper,
            ac,
            k.d(0.4, 1.0),
            extract=k.x,
        )
        k.lives("POL", v, rng.choice(addrs), registered=True)
        if rng.random() < 0.5:
            k.phone("POL", v, p_boss, extract=k.x)
        for t in w.months(k.d(0.0, 0.2), k.t1, 60):
            w.pay("POL", ac_uwv, ac, rng.uniform(900, 1300), t, "uitkering", extract=k.x)
            w.pay(
                "POL",
                ac,
                ac_boss,
                rng.uniform(600, 1100),
                w.later(t, 0, 3),
                "kostgeld",
                extract=k.x,
            )
        k.inv(v, "victim")
    k.signal("POL", "Wijkagent: bewoners met licht verstandelijke beperking hebben geen toegang tot eigen bankpas.",
             [(victims[0], "slachtoffer"), (boss, "involved")], part_of=True)  # fmt: skip
    k.met(boss, helper, "observatie")
    k.inv(boss, "suspect")
    k.inv(helper, "suspect")
    k.om([boss, helper], victims[:3])
    net.feature("controlled_accounts", "benefit_inflows", "address_registration_fraud", "victims_vulnerable",
                "organiser_holds_victim_phones", "investigated")  # fmt: skip


# ---------------------------------------------------------------------------------------------
# smuggling
# ---------------------------------------------------------------------------------------------


def forged_docs_air(w: World, net: Net, size: int) -> None:
    """Migrants fly in from Istanbul with forged Italian and French ID cards, stay in a safe
    house in Amsterdam and then ask asylum; families pay through a hawala banker; the organiser
    stays in Turkey."""
    k = Kit(w, net, "smuggling")
    rng = w.rng
    boss = net.org(
        w.person(rng.choice(["SY", "IQ", "AF"]), gender="M", age=(35, 55), bsn=False),
        "organiser_abroad",
    )
    p_boss = w.phone("TR")
    w.fact("KMAR", "USES_PHONE", boss, p_boss, k.d(0.4, 1.0))
    forger = net.add(w.person(boss.origin, gender="M", age=(30, 50), bsn=True), "document_forger")
    keeper = net.add(w.person(boss.origin, gender="M", age=(30, 55), bsn=True), "safe_house_keeper")
    hawala = net.org(w.person(boss.origin, gender="M", age=(40, 65), bsn=True), "hawala_banker")
    shop = w.company(w.company_name("Telecom & Transfer"), "belwinkel")
    w.fact("KMAR", "DIRECTOR_OF", hawala, shop, k.d())
    ac_shop = k.acct("KMAR", shop)
    safe = w.address("Amsterdam")
    k.lives("KMAR", keeper, safe)
    k.case("Spiegel", party="KMAR")
    p_forg = k.phone("KMAR", forger, extract=k.x)
    p_keep = k.phone("KMAR", keeper, extract=k.x)
    k.calls(p_forg, p_boss, 10, party="KMAR")
    k.calls(p_keep, p_boss, 8, party="KMAR")
    k.met(forger, keeper, "observatie", party="KMAR")
    migrants = []
    for i in range(max(3, size - 4)):
        m = net.add(
            w.person(rng.choice(["SY", "IQ", "AF", "ER"]), age=(16, 45), bsn=False, migrant=True),
            "migrant",
        )
        migrants.append(m)
        arrive = k.d(0.0, 0.9)
        k.cross("KMAR", m, "Schiphol", arrive)
        fake = w.document(m, rng.choice(["id_card", "passport"]), rng.choice(["IT", "FR", "BE"]))
        w.fact("KMAR", "HAS_DOCUMENT", m, fake, arrive, extract=k.x)
        if i % 4 == 0:
            k.inv(fake, "involved")
        k.stay("KMAR", m, safe, w.later(arrive, 0, 1), nights=rng.randint(2, 10), extract=k.x)
        k.ind_arrival(m, when=w.later(arrive, 3, 15), azc=w.reception)
        if rng.random() < 0.4:
            relative = w.person(m.origin, age=(30, 60), bsn=True, surname=m.surname)
            w.kin("IND", m, relative, rng.choice(["broer", "oom", "neef"]), k.d())
            ac_r = w.account()
            w.fact("KMAR", "HOLDS_ACCOUNT", relative, ac_r, k.d(), extract=k.x)
            w.pay("KMAR", ac_r, ac_shop, rng.uniform(2000, 7000), k.d(), "overboeking", extract=k.x)
        k.inv(m, "involved")
    k.inv(boss, "suspect")
    k.inv(forger, "suspect")
    k.inv(keeper, "suspect")
    k.inv(hawala, "facilitator")
    k.signal("KMAR", "Bij paspoortcontrole vervalst Italiaans identiteitsbewijs onderschept; vlucht uit Istanbul.",
             [(migrants[0], "involved")], part_of=True)  # fmt: skip
    k.om([forger, keeper, hawala], [])
    net.feature("forged_documents", "air_arrivals", "safe_houses", "hawala_payments", "organiser_abroad",
                "asylum_after_arrival", "investigated")  # fmt: skip


def sham_marriage(w: World, net: Net, size: int) -> None:
    """An organiser and a recruiter pay women with EU nationality to marry non-EU men, who
    then get a residence card; couples register at a few addresses."""
    k = Kit(w, net, "smuggling", (16, 36))
    rng = w.rng
    boss = net.org(
        w.person(rng.choice(["MA", "NG", "IN"]), gender="M", age=(35, 55), bsn=True), "organiser"
    )
    recruiter = net.add(w.person(rng.choice(["NL", "PL"]), gender="F", age=(25, 45)),
                        "recruiter")  # fmt: skip
    ac_boss = k.acct("POL", boss)
    ac_rec = k.acct("POL", recruiter)
    p_boss = k.phone("POL", boss)
    p_rec = k.phone("POL", recruiter)
    k.calls(p_boss, p_rec, 8, extract=False)
    addrs = [
        w.address(rng.choice(["Den Haag", "Rotterdam", "Amsterdam", "Utrecht"]))
        for _ in range(max(1, size // 8))
    ]
    k.case("Ringen", at=0.7)
    couples: list[tuple[Person, Person]] = []
    for _ in range(max(2, (size - 2) // 2)):
        bride = net.add(w.person(rng.choice(["NL", "PL", "RO", "HU", "BG"]), gender="F", age=(19, 35),
                                 bsn=True), "paid_spouse")  # fmt: skip
        groom = net.add(w.person(rng.choice(["MA", "NG", "IN", "AL", "TR"]), gender="M", age=(22, 40), bsn=False,
                                 migrant=True), "spouse_migrant")  # fmt: skip
        couples.append((bride, groom))
        when = k.d(0.0, 0.7)
        adr = rng.choice(addrs)
        w.kin("IND", groom, bride, "echtgenote", when)
        k.lives("IND", groom, adr, when=when, registered=True)
        k.lives("IND", bride, adr, when=when, registered=True)
        w.fact(
            "IND",
            "HAS_DOCUMENT",
            groom,
            w.document(groom, "residence_permit", "NL"),
            w.later(when, 60, 180),
        )
        ac_g = k.acct("POL", groom)
        ac_b = k.acct("POL", bride)
        w.pay("POL", ac_g, ac_boss, rng.uniform(8000, 15000), when, "lening", extract=k.x)
        w.pay(
            "POL",
            ac_boss,
            ac_b,
            rng.uniform(1500, 4000),
            w.later(when, 1, 20),
            "cadeau",
            extract=k.x,
        )
        if rng.random() < 0.5:
            w.pay(
                "POL",
                ac_boss,
                ac_rec,
                rng.uniform(500, 1500),
                w.later(when, 1, 20),
                "bemiddeling",
                extract=k.x,
            )
        k.met(recruiter, bride, "ontmoeting")
        k.inv(groom, "suspect")
        k.inv(bride, "suspect" if rng.random() < 0.7 else "victim")
    k.signal("POL", "Gemeente meldt meerdere huwelijken met telkens dezelfde getuigen en hetzelfde inschrijfadres.",
             [(addrs[0], "involved"), (couples[0][0], "involved"), (couples[0][1], "involved")], part_of=True)  # fmt: skip
    k.inv(boss, "suspect")
    k.inv(recruiter, "suspect")
    k.om([boss, recruiter], [])
    net.feature("sham_marriages", "payments_to_spouses", "shared_registration_address", "residence_via_marriage",
                "investigated")  # fmt: skip


def fake_employer_visa(w: World, net: Net, size: int) -> None:
    """An accountant sets up shell B.V.s at one virtual office, with straw directors; they
    'employ' migrants on paper for their permits; migrants pay fees and move on."""
    k = Kit(w, net, "smuggling")
    rng = w.rng
    acc = net.org(
        w.person(rng.choice(["NL", "TR", "IN"]), gender="M", age=(40, 62)), "accountant_organiser"
    )
    office = w.address(
        rng.choice(["Amsterdam", "Rotterdam", "Almere", "Den Haag"]), kind="kantoorpand"
    )
    p_acc = k.phone("IND", acc)
    mail = w.email(None, "boekhoud-service.nl")
    w.fact("IND", "USES_EMAIL", acc, mail, k.d())
    ac_acc = k.acct("POL", acc)
    n_shells = max(2, size // 12)
    shells: list[Ent] = []
    straws = []
    for _ in range(n_shells):
        s = net.add(w.person(rng.choice(["NL", "IN", "TR"]), gender="M", age=(25, 60)), "straw_man")
        straws.append(s)
        co = w.company(
            w.company_name("Consultancy B.V."),
            rng.choice(["IT-dienstverlening", "consultancy", "handel"]),
        )
        shells.append(co)
        w.fact("IND", "DIRECTOR_OF", s, co, k.d(0, 0.2))
        w.fact("IND", "REGISTERED_AT", co, office, k.d(0, 0.2))
        w.fact("IND", "USES_PHONE", co, p_acc, k.d(0, 0.3))
        w.fact("IND", "USES_EMAIL", co, mail, k.d(0, 0.3))
    migrants = []
    for _ in range(max(3, size - 1 - n_shells)):
        m = net.add(w.person(rng.choice(["IN", "PH", "MA", "TR", "NG", "CN"]), age=(24, 45), bsn=True, migrant=False),
                    "paper_employee")  # fmt: skip
        migrants.append(m)
        co = rng.choice(shells)
        arrive = k.d(0.0, 0.7)
        k.employ("IND", m, co, wage_fair(w) + 8, since=arrive)
        w.fact("IND", "HAS_DOCUMENT", m, w.document(m, "residence_permit", "NL"), arrive)
        k.cross("KMAR", m, "Schiphol", arrive)
        ac = k.acct("POL", m)
        w.pay("POL", ac, ac_acc, rng.uniform(5000, 15000), w.later(arrive, 5, 40), "advieskosten")
        if rng.random() < 0.5:
            k.cross(
                "KMAR",
                m,
                rng.choice(["Hazeldonk A16", "Oldenzaal A1", "Eindhoven Airport"]),
                k.d(0.5, 1.0),
                "out",
            )
    k.signal("POL", "Bank meldt dat nieuwe werknemers van verschillende bv's hoge bedragen betalen aan één adviseur.",
             [(ac_acc, "involved"), (acc, "involved")])  # fmt: skip
    k.signal("KMAR", "Kennismigranten van dezelfde werkgevers verlaten kort na aankomst Nederland over de weg.",
             [(migrants[0], "involved"), (shells[0], "involved")])  # fmt: skip
    net.feature("shell_employers", "shared_virtual_office", "fee_payments", "migrants_leave_onward",
                "straw_man_director", "shared_contact_details", "signals_only")  # fmt: skip


def safe_house_relay(w: World, net: Net, size: int) -> None:
    """Migrants on the way to the UK: coordinators in Belgium and Germany, relay drivers
    crossing on the motorways, a safe house in NL, attempts at Hoek van Holland."""
    k = Kit(w, net, "smuggling")
    rng = w.rng
    coord = [net.org(w.person(rng.choice(["AL", "IQ", "ER"]), gender="M", age=(28, 50), bsn=False), "coordinator_abroad")
             for _ in range(2)]  # fmt: skip
    cphones = [w.phone(c) for c in ("BE", "DE")]
    for c, ph in zip(coord, cphones, strict=True):
        w.fact("KMAR", "USES_PHONE", c, ph, k.d(0.3, 1.0))
    keeper = net.add(
        w.person(coord[0].origin, gender=None, age=(30, 55), bsn=True), "safe_house_keeper"
    )
    safe = w.address(rng.choice(["Rotterdam", "Dordrecht", "Den Haag", "Breda"]))
    k.lives("POL", keeper, safe)
    k.case("Estafette", party="KMAR")
    p_keep = k.phone("KMAR", keeper, extract=k.x)
    for ph in cphones:
        k.calls(p_keep, ph, 10, party="KMAR")
    n_drv = max(2, size // 8)
    drivers = []
    vehicles: dict[str, Ent] = {}
    for _ in range(n_drv):
        d_ = net.add(
            w.person(
                rng.choice(["NL", "AL", "RO", "PL"]),
                gender="M",
                age=(22, 50),
                bsn=rng.random() < 0.6,
            ),
            "relay_driver",
        )
        drivers.append(d_)
        v = w.vehicle(rng.choice(["NL", "BE", "DE"]))
        w.fact("KMAR", "DRIVES", d_, v, k.d(), extract=k.x, date=k.d())
        for _ in range(rng.randint(2, 5)):
            k.cross(
                "KMAR",
                v,
                rng.choice(["Hazeldonk A16", "Venlo A67", "Zevenaar A12", "Oldenzaal A1"]),
                k.d(),
            )
        k.calls(k.phone("KMAR", d_, extract=k.x), rng.choice(cphones), 5, party="KMAR")
        vehicles[d_.key] = v
    migrants = []
    for _ in range(max(3, size - 3 - n_drv)):
        m = net.add(
            w.person(
                rng.choice(["ER", "SY", "AF", "IQ", "ET"]), age=(16, 40), bsn=False, migrant=True
            ),
            "migrant",
        )
        migrants.append(m)
        drv = rng.choice(drivers)
        t = k.d(0.0, 0.9)
        w.fact("KMAR", "PASSENGER_IN", m, vehicles[drv.key], t, extract=k.x, date=t)
        k.stay("KMAR", m, safe, w.later(t, 0, 1), extract=k.x)
        if rng.random() < 0.5:
            post = rng.choice(["Hoek van Holland", "Europoort", "IJmuiden"])
            k.signal("KMAR", "Migranten aangetroffen in vrachtwagen richting Verenigd Koninkrijk bij de ferryterminal.",
                     [(m, "involved")], when=w.later(t, 1, 6))  # fmt: skip
            k.cross("KMAR", m, post, w.later(t, 1, 6), "out")
        if rng.random() < 0.3:
            k.ind_arrival(m, when=w.later(t, 5, 30), azc=w.reception)
        k.inv(m, "involved")
    for c in coord:
        k.inv(c, "suspect")
    k.inv(keeper, "suspect")
    for d_ in drivers:
        k.inv(d_, "suspect")
    k.om([keeper] + drivers[:2], [])
    net.feature("organiser_abroad", "safe_houses", "road_crossings", "relay_drivers", "transit_to_uk",
                "calls_to_foreign_coordinator", "investigated")  # fmt: skip


CRIMINAL = {
    "cannabis_minors": (cannabis_minors, (6, 40)),
    "shoplifting_crew": (shoplifting_crew, (6, 30)),
    "port_extractors": (port_extractors, (8, 50)),
    "benefit_capture": (benefit_capture, (5, 25)),
}
SMUGGLING = {
    "forged_docs_air": (forged_docs_air, (10, 60)),
    "sham_marriage": (sham_marriage, (8, 40)),
    "fake_employer_visa": (fake_employer_visa, (10, 70)),
    "safe_house_relay": (safe_house_relay, (12, 80)),
}
