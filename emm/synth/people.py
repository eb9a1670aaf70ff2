"""A synthetic person, and how the same person is written differently by different parties.

Entity resolution across parties is the reason the EMM pools data; the errors it has to undo are
the everyday ones: initials instead of a first name ("J. de Vries" for "Jan de Vries"), a
one-letter typo, day and month of birth swapped, a BSN that one party has and another has not.
:func:`variation_of` applies one such difference; the generator records every pair of records
that are the same person in the ground truth.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Literal

__all__ = ["VARIATIONS", "Person", "Variation", "initials", "typo", "variation_of"]

Variation = Literal["exact", "initials", "typo", "swap_day_month", "no_bsn"]

#: How often each difference shows up when a person reappears in another party's delivery.
VARIATIONS: tuple[tuple[Variation, float], ...] = (
    ("exact", 0.30),
    ("initials", 0.20),
    ("typo", 0.20),
    ("swap_day_month", 0.15),
    ("no_bsn", 0.15),
)
_VAR_NAMES = tuple(v for v, _ in VARIATIONS)
_VAR_WEIGHTS = tuple(w for _, w in VARIATIONS)


@dataclass(slots=True)
class Person:
    """One real (synthetic) person; ``first_ref`` is the record of their first appearance."""

    first: str
    last: str
    birth: date | None
    gender: str  # "M" or "F"
    origin: str  # name origin: "NL" or a key of names.ORIGINS
    nationality: str  # ISO 3166 alpha-2
    bsn: str | None
    v_number: str | None = None
    first_ref: dict[str, object] | None = None

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def initials(first: str) -> str:
    """``Jan`` -> ``J.``, ``Jan-Willem`` -> ``J.W.``, ``Van Minh`` -> ``V.M.``"""
    parts = first.replace("-", " ").split()
    return "".join(p[0].upper() + "." for p in parts)


_NEIGHBOURS = {
    "a": "sqe",
    "b": "vn",
    "c": "xv",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "g": "fh",
    "h": "gj",
    "i": "uo",
    "j": "hk",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "bm",
    "o": "ip",
    "p": "o",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "u": "yi",
    "v": "cb",
    "w": "qe",
    "y": "tu",
    "z": "x",
}


def typo(rng: random.Random, word: str) -> str:
    """``word`` with one typing error: a neighbouring key, a dropped, doubled or swapped letter."""
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    if len(letters) < 3:
        return word + word[-1]
    for _ in range(8):
        i = rng.choice(letters[1:])
        kind = rng.random()
        ch = word[i]
        if kind < 0.35 and ch.lower() in _NEIGHBOURS:
            new = rng.choice(_NEIGHBOURS[ch.lower()])
            out = word[:i] + (new.upper() if ch.isupper() else new) + word[i + 1 :]
        elif kind < 0.6:
            out = word[:i] + word[i + 1 :]
        elif kind < 0.8:
            out = word[:i] + ch + word[i:]
        elif i + 1 < len(word) and word[i + 1].isalpha():
            out = word[:i] + word[i + 1] + ch + word[i + 2 :]
        else:
            continue
        if out != word:
            return out
    return word + word[-1]


def variation_of(
    rng: random.Random, person: Person, has_bsn: bool
) -> tuple[Variation, str, date | None, bool]:
    """Pick a difference and return ``(variation, name, birth date, keep BSN)``.

    A variation that cannot apply (no BSN to drop, a birth day above 12) falls back to a typo.
    When the name or date differs, the BSN is usually missing too (otherwise the ingest merges
    the two records on the BSN, which is also worth having, but less often).
    """
    variation: Variation = rng.choices(_VAR_NAMES, _VAR_WEIGHTS)[0]
    birth = person.birth
    if variation == "no_bsn" and not has_bsn:
        variation = "typo"
    if variation == "swap_day_month" and (
        birth is None or birth.day > 12 or birth.day == birth.month
    ):
        variation = "typo"
    name = person.name
    keep_bsn = has_bsn
    if variation == "initials":
        name = f"{initials(person.first)} {person.last}"
    elif variation == "typo":
        if rng.random() < 0.6:
            name = f"{person.first} {typo(rng, person.last)}"
        else:
            name = f"{typo(rng, person.first)} {person.last}"
    elif variation == "swap_day_month" and birth is not None:
        birth = date(birth.year, birth.day, birth.month)
    elif variation == "no_bsn":
        keep_bsn = False
    if variation in ("initials", "typo", "swap_day_month"):
        keep_bsn = has_bsn and rng.random() < 0.3
    return variation, name, birth, keep_bsn
