"""Small building blocks shared by the scenario modules (sizes, advertisements, cases)."""

from __future__ import annotations

import math
from datetime import date, timedelta

from . import acts
from .world import Human, PersonView, Thing, World

__all__ = ["advertise", "copies", "size", "working_view"]

SEX_PLATFORMS = ("kinky-ads.nl", "sexjobs-nl.com", "escortdirect.nl", "redlights.example")
CASE_NAMES = (
    "Kraanvogel",
    "Reiger",
    "Valk",
    "Buizerd",
    "Ooievaar",
    "Zwaluw",
    "Merel",
    "Kievit",
    "Lepelaar",
    "Grutto",
    "Aalscholver",
    "Havik",
    "Sperwer",
    "Wulp",
    "Tureluur",
    "Roerdomp",
    "Kwartel",
    "Patrijs",
    "Specht",
    "Boomklever",
    "Goudvink",
    "Putter",
    "Sijs",
    "Kneu",
    "Karekiet",
)


def size(w: World, base: int) -> int:
    """A network's size at this scale: ``base`` times the square root of the scale (at most 1),
    give or take 15 % per seed, between 5 and 120."""
    return min(120, max(5, round(base * math.sqrt(min(w.scale, 1.0)) * w.rng.uniform(0.85, 1.15))))


def copies(w: World) -> int:
    """How many instances of each variant: one per whole unit of scale."""
    return max(1, int(w.scale))


def case_name(w: World) -> str:
    return f"Onderzoek {w.rng.choice(CASE_NAMES)}"


def working_view(w: World, h: Human, name: str) -> PersonView:
    """The person as an advertisement shows her: a working name, nothing else."""
    return w.view(h, ("working_name",), name=name, gender="F" if w.rng.random() < 0.5 else "")


def advertise(
    w: World,
    h: Human,
    *,
    phone: Thing,
    payer: Thing | None,
    city: str,
    start: date,
    n: int,
    working: str | None = None,
    kind: str = "sex",
    title: str | None = None,
    party: str = "POL",
) -> list[Thing]:
    """``n`` advertisements for ``h`` with ``phone``, paid from ``payer`` (if known)."""
    rng = w.rng
    ads = []
    name = working or w.names.working_name()
    view = working_view(w, h, name.split(" ")[0])
    for i in range(n):
        posted = start + timedelta(days=rng.randint(0, 40) + 30 * i)
        ad = w.ad(rng.choice(SEX_PLATFORMS), title or f"{name} nieuw in {city}", posted, kind)
        ads.append(ad)
        w.fact(party, "ADVERTISED_WITH", ad, phone, posted)
        w.fact(party, "ADVERTISES", ad, view, posted)
        if payer is not None:
            acts.paid_for(w, party, payer, ad, rng.uniform(25, 95), posted, "advertisement")
    return ads


def embed(w: World, members: list[str], pools: dict[str, list[Human]], share: float) -> None:
    """Ordinary ties of some members to people outside: relatives, acquaintances, payments.

    Real networks are not islands: their members have family, friends and landlords who
    have nothing to do with the exploitation. Without these ties a network would be its own
    connected component and trivially found.
    """
    rng = w.rng
    by_key = w.memo.setdefault("by_key", {h.key: h for h in w.humans})
    outsiders = pools["residents"] + pools["ind"]
    for key in members:
        h = by_key[key]
        if rng.random() >= share:
            continue
        other = rng.choice(outsiders)
        when = w.day()
        kind = rng.random()
        if kind < 0.35:
            relation = rng.choice(("neef", "nicht", "oom", "tante", "broer", "zus", "schoonzus"))
            acts.family(
                w,
                "IND" if other in pools["ind"] and h.v_number else "POL",
                h,
                other,
                relation,
                when,
            )
        elif kind < 0.65:
            w.fact("POL", "ASSOCIATE_OF", h, other, when)
        else:
            mine, theirs = w.account(), w.account()
            acts.account_of(w, "POL", h, mine, when)
            acts.account_of(w, "POL", other, theirs, when)
            for _ in range(rng.randint(1, 3)):
                a, b = (mine, theirs) if rng.random() < 0.5 else (theirs, mine)
                acts.pay(
                    w,
                    "POL",
                    a,
                    b,
                    rng.uniform(20, 400),
                    w.day(when, when + timedelta(days=200)),
                    description=rng.choice(("", "lenen", "terug", "verjaardag")),
                )
