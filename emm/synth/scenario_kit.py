"""Shared vocabulary of the planted scenarios: platforms, vehicles, agency names, crimes,
and the small helpers every scenario uses (counts that stay small in tiny runs, recording a
scenario in the ground truth)."""

from __future__ import annotations

from datetime import date, timedelta

from emm.synth.truth import Ref
from emm.synth.world import World

__all__ = [
    "AGENCY_SUFFIX",
    "AGENCY_WORDS",
    "CARS",
    "CRIMES",
    "JOB_PLATFORMS",
    "LABOUR_SECTORS",
    "SEX_PLATFORMS",
    "SEX_TITLES",
    "VANS",
    "record",
    "rr",
    "shift",
]

SEX_PLATFORMS = (
    "rodelampjes.nl",
    "escortgids.nl",
    "privehuizen.nl",
    "datingprive.nl",
    "sexadvertenties.nl",
    "kinkyads.nl",
)
SEX_TITLES = (
    "Nieuw in {city}!",
    "Sexy {first}, alleen deze week",
    "{first} ({age}) - privé",
    "Exotische {first} ontvangt",
    "Nieuw: {first}, 24/7",
    "Escort {first} {city}",
)
JOB_PLATFORMS = ("werkinholland.eu", "pracaholandia.pl", "munca-olanda.ro", "rabota-nl.bg")
VANS = (
    ("Volkswagen", "Transporter"),
    ("Mercedes-Benz", "Sprinter"),
    ("Renault", "Trafic"),
    ("Ford", "Transit"),
    ("Opel", "Vivaro"),
    ("Fiat", "Ducato"),
    ("Peugeot", "Boxer"),
)
CARS = (
    ("Volkswagen", "Passat"),
    ("BMW", "5-serie"),
    ("Audi", "A6"),
    ("Skoda", "Octavia"),
    ("Mercedes-Benz", "E-Klasse"),
    ("Toyota", "Corolla"),
    ("Dacia", "Logan"),
)
AGENCY_WORDS = (
    "Flex",
    "Euro",
    "Work",
    "Staff",
    "Agri",
    "Holland",
    "Oost",
    "Vita",
    "Prima",
    "Delta",
    "Top",
    "Select",
    "Baltic",
    "Poldi",
)
AGENCY_SUFFIX = (
    "Personeelsdiensten B.V.",
    "Uitzendbureau B.V.",
    "Staffing B.V.",
    "Work Force B.V.",
    "Detachering B.V.",
    "Flexwerk B.V.",
)
LABOUR_SECTORS = (
    "land- en tuinbouw",
    "logistiek",
    "vleesverwerking",
    "uitzendbranche",
    "schoonmaak",
    "bouw",
    "distributiecentra",
)
CRIMES = (
    "winkeldiefstal",
    "zakkenrollerij",
    "drugshandel (runner)",
    "geldezel",
    "inbraak",
    "woningoverval (uitvoerder)",
    "drugskoerier",
)


def rr(w: World, lo: int, hi: int, compact_hi: int | None = None) -> int:
    """A count between ``lo`` and ``hi``; tiny runs stay near the minimum."""
    if w.compact:
        top = compact_hi if compact_hi is not None else lo
        return w.rng.randint(min(lo, top), top)
    return w.rng.randint(lo, hi)


def record(
    w: World,
    kind: str,
    number: int,
    members: list[Ref],
    organisers: list[Ref],
    victims: list[Ref],
    assets: list[Ref],
) -> None:
    w.truth.scenario(
        {
            "id": f"{kind}-{number:04d}",
            "type": kind,
            "members": members,
            "organisers": organisers,
            "victims": victims,
            "assets": assets,
        }
    )


def shift(day: date, days: int) -> date:
    return day + timedelta(days=days)
