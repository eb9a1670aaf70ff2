"""Background noise: the ordinary people, companies and movements that surround the networks.

Residents who appear in unrelated (often unfounded) signals with their addresses, phones and
accounts; IND files of ordinary residence-permit holders; KMAR registrations of travellers;
ISZW inspections of ordinary employers paying the proper wage; ordinary payments. Some of
these people appear at several parties too, so same-person resolution also has to work (and
not over-merge) outside the networks.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import acts
from .ids import CITIES
from .texts import summary
from .world import Human, Thing, World

__all__ = ["background"]

_FOREIGN_RESIDENT = (
    "MA",
    "TR",
    "SR",
    "PL",
    "RO",
    "BG",
    "SY",
    "ER",
    "DE",
    "BE",
    "UA",
    "AF",
    "IQ",
    "CN",
    "IN",
)
_IND_NATIONALITIES = (
    "SY",
    "ER",
    "AF",
    "TR",
    "MA",
    "IN",
    "CN",
    "UA",
    "IQ",
    "NG",
    "ET",
    "VN",
    "PH",
    "TH",
    "CO",
    "SO",
)
_TRAVELLER_NAT = (
    "NL",
    "NL",
    "NL",
    "DE",
    "BE",
    "GB",
    "MA",
    "TR",
    "PL",
    "RO",
    "NG",
    "CN",
    "IN",
    "SR",
    "CO",
    "UA",
)
_AIRPORTS = ("Schiphol", "Schiphol", "Schiphol", "Eindhoven Airport", "Rotterdam The Hague Airport")
_SECTORS = (
    ("Bouwbedrijf", "bouw"),
    ("Schoonmaakdiensten", "schoonmaak"),
    ("Transport", "transport"),
    ("Bakkerij", "horeca"),
    ("Restaurant", "horeca"),
    ("Kwekerij", "land- en tuinbouw"),
    ("Logistiek", "logistiek"),
    ("Installatietechniek", "techniek"),
    ("Kapsalon", "persoonlijke verzorging"),
    ("Vleesverwerking", "vleesverwerking"),
    ("Autobedrijf", "detailhandel"),
)


def _n(w: World, base: int) -> int:
    return max(1, round(base * w.scale))


def resident(w: World, nationality: str | None = None) -> Human:
    nat = nationality or ("NL" if w.rng.random() < 0.72 else w.rng.choice(_FOREIGN_RESIDENT))
    return w.person(nat, age=(18, 80), bsn=True)


def households(w: World, n_people: int) -> list[tuple[Thing, list[Human]]]:
    """Ordinary households: 1 to 5 people at one address, related."""
    out = []
    made = 0
    while made < n_people:
        size = w.rng.choice((1, 1, 2, 2, 2, 3, 4, 5))
        city = w.rng.choice(list(CITIES))
        addr = w.address(city)
        first = resident(w)
        members = [first]
        for _ in range(size - 1):
            members.append(w.person(first.nationality, age=(1, 75), bsn=True))
        out.append((addr, members))
        made += size
    return out


def background(w: World) -> dict[str, list[Human]]:
    rng = w.rng
    pools: dict[str, list[Human]] = {"residents": [], "ind": [], "travellers": [], "workers": []}

    # -- residents in unrelated police signals ------------------------------------------
    homes = households(w, _n(w, 2900))
    for _addr, members in homes:
        pools["residents"].extend(members)
    phenomena = ("sexual", "labour", "criminal", "smuggling", "unknown", "unknown")
    roles = ("reporter", "witness", "involved", "victim", "suspect", "involved")
    for addr, members in homes:
        known = [h for h in members if rng.random() < 0.55] or members[:1]
        when = w.day()
        city = addr.fields["city"]
        ph = w.phone()
        involved: list[tuple[Human | Thing, str]] = [(h, rng.choice(roles)) for h in known]
        phen = rng.choice(phenomena)
        acts.signal(
            w,
            "POL",
            phen,
            when,
            involved,
            region=CITIES[city][2],
            summary=summary(rng, phen, city=city),
        )
        for i, h in enumerate(known):
            acts.home(w, "POL", h, addr, when)
            acts.phone_of(w, "POL", h, ph if i == 0 else w.phone(), when)
            if rng.random() < 0.45:
                acts.account_of(w, "POL", h, w.account(), when)
            if i > 0 and rng.random() < 0.6:
                acts.family(
                    w,
                    "POL",
                    known[0],
                    h,
                    rng.choice(("partner", "zoon", "dochter", "moeder", "broer")),
                    when,
                )
            if rng.random() < 0.1:
                w.fact("POL", "OWNS_VEHICLE", h, w.vehicle(), when)
        if rng.random() < 0.08:  # a second, later registration of the same household
            later = w.day(when, when + timedelta(days=500))
            acts.signal(
                w,
                "POL",
                "unknown",
                later,
                [(known[0], "involved")],
                region=CITIES[city][2],
                summary=summary(rng, "unknown", city=city),
            )
            acts.home(w, "POL", known[0], addr, later)

    # -- ordinary payments between residents' accounts ---------------------------------
    res = pools["residents"]
    accounts = [w.account() for _ in range(_n(w, 300))]
    for acc in accounts:
        owner = rng.choice(res)
        acts.account_of(w, "POL", owner, acc, w.day())
    for _ in range(_n(w, 2000)):
        a, b = rng.sample(accounts, 2)
        d = w.day()
        acts.pay(
            w,
            "POL",
            a,
            b,
            rng.choice((25, 50, 120, 350, 800, 1250)) * rng.uniform(0.8, 1.2),
            d,
            description=rng.choice(("huur", "terugbetaling", "cadeau", "auto", "", "")),
        )

    # -- IND: ordinary residence-permit holders ----------------------------------------
    for _ in range(_n(w, 1000)):
        nat = rng.choice(_IND_NATIONALITIES)
        h = w.person(nat, age=(1, 70), bsn=rng.random() < 0.7, v_number=True)
        pools["ind"].append(h)
        when = w.day()
        acts.ind_file(w, h, when, addr=w.address(), permit=rng.random() < 0.8)
        if rng.random() < 0.15 and pools["ind"][:-1]:
            acts.family(
                w,
                "IND",
                h,
                rng.choice(pools["ind"][:-1]),
                rng.choice(("echtgenoot", "kind", "ouder")),
                when,
            )
        if rng.random() < 0.12:  # also known to the police, e.g. as a witness
            acts.signal(
                w,
                "POL",
                "unknown",
                w.day(when),
                [(h, rng.choice(("witness", "reporter", "victim")))],
                summary=summary(rng, "unknown"),
            )

    # -- KMAR: travellers at airports --------------------------------------------------
    for _ in range(_n(w, 1200)):
        nat = rng.choice(_TRAVELLER_NAT)
        h = w.person(nat, age=(18, 75), bsn=nat == "NL" or rng.random() < 0.2, v_number=False)
        pools["travellers"].append(h)
        post = rng.choice(_AIRPORTS)
        when = w.day()
        doc = w.document(h, "passport") if rng.random() < 0.45 else None
        acts.crossing(w, h, post, when, direction=rng.choice(("in", "out")), doc=doc)
        if rng.random() < 0.35:
            acts.crossing(w, h, post, when + timedelta(days=rng.randint(3, 30)), direction="out")
    # some residents also travel
    for h in rng.sample(res, min(len(res), _n(w, 250))):
        acts.crossing(w, h, rng.choice(_AIRPORTS), w.day(), direction=rng.choice(("in", "out")))

    # -- ISZW: ordinary employers ------------------------------------------------------
    for _ in range(_n(w, 150)):
        label, sector = rng.choice(_SECTORS)
        director = resident(w)
        co = w.company(f"{director.name.family} {label} B.V.", sector)
        office = w.address(kind="bedrijfspand")
        since = w.day()
        w.fact("ISZW", "DIRECTOR_OF", director, co, since)
        acts.home(w, "ISZW", co, office, since, registered=True)
        inspected = rng.random() < 0.4
        staff = []
        for _ in range(rng.randint(2, 12)):
            nat = (
                "NL"
                if rng.random() < 0.6
                else rng.choice(("PL", "RO", "BG", "TR", "MA", "PT", "UA", "LT"))
            )
            h = w.person(nat, age=(18, 64), bsn=True)
            staff.append(h)
            pools["workers"].append(h)
            wage = rng.uniform(14.4, 24.0)
            if rng.random() < 0.03:  # benign: a few cents under the minimum, an admin error
                wage = rng.uniform(13.6, 14.0)
            w.fact(
                "ISZW",
                "EMPLOYED_BY",
                h,
                co,
                since,
                since=since - timedelta(days=rng.randint(30, 2000)),
                wage=round(wage, 2),
            )
            if rng.random() < 0.3:
                acts.home(w, "ISZW", h, w.address(), since)
        if inspected:
            acts.signal(
                w,
                "ISZW",
                "labour",
                since,
                [(co, "employer"), (director, "employer")] + [(h, "involved") for h in staff[:2]],
                sector=sector,
                summary=summary(rng, "labour", sector=sector),
            )
    lookalikes(w, pools)
    return pools


def lookalikes(w: World, pools: dict[str, list[Human]]) -> None:
    """Different people who look like one: homonyms, a father and son with the same name at
    the same address, and migrants whose name and KMAR placeholder birth date coincide (the
    loader's name + birth-date rule merges those: an identity-rule collision)."""
    rng = w.rng
    for _ in range(_n(w, 15)):
        nat = rng.choice(("MA", "TR", "NL", "SY", "PL"))
        a = w.person(nat, "M", age=(20, 60), bsn=rng.random() < 0.5)
        b = w.person(nat, "M", age=(20, 60), bsn=rng.random() < 0.5, name=a.name)
        acts.signal(
            w,
            "POL",
            "unknown",
            w.day(),
            [(a, rng.choice(("witness", "involved")))],
            summary=summary(rng, "unknown"),
        )
        if b.v_number:
            acts.ind_file(w, b, w.day(), addr=w.address(), permit=True)
        else:
            acts.crossing(w, b, "Schiphol", w.day(), direction="out")
        w.lookalikes.append((a, b, "homonym"))
    for _ in range(_n(w, 5)):
        nat = rng.choice(("NL", "MA", "TR"))
        father = w.person(nat, "M", age=(50, 70), bsn=True)
        son = w.person(nat, "M", age=(20, 30), bsn=True, name=father.name)
        home_addr = w.address()
        when = w.day()
        for h in (father, son):
            acts.home(w, "POL", h, home_addr, when)
        acts.family(w, "POL", father, son, "zoon", when)
        acts.signal(
            w, "POL", "unknown", w.day(when), [(son, "suspect")], summary=summary(rng, "unknown")
        )
        w.lookalikes.append((father, son, "father_son_same_name_same_address"))
    for _ in range(_n(w, 3)):
        a = w.person("ER", "M", age=(18, 30), bsn=False, v_number=True, precision="year")
        b = w.person(
            "ER", "M", age=(18, 30), bsn=False, v_number=True, precision="year", name=a.name
        )
        year = a.stated_year or 2000
        for h, post in ((a, "Schiphol"), (b, "Hazeldonk (A16)")):
            as_kmar = w.view(
                h,
                ("placeholder_dob", "name_order"),
                name=f"{h.name.father.upper()} {h.name.given[0]}",
                birth_date=date(year, 1, 1),
                gender="M",
                nationality="ERI",
            )
            acts.crossing(w, as_kmar, post, w.day(), direction="in")
            acts.ind_file(w, h, w.day(), addr=w.address(), doc_type="")
        w.lookalikes.append((a, b, "identity_rule_collision_placeholder_dob"))
