"""A synthetic person, and how the same person is written differently by different parties.

Entity resolution across parties is the reason the EMM pools data; the errors it has to undo are
the everyday ones: initials instead of a first name ("J. de Vries" for "Jan de Vries"), a
one-letter typo, day and month of birth swapped, a BSN that one party has and another has not;
and for people who came from abroad: a date of birth of 1 January when only the year is known
(KMAR writes ``01-01``), no date of birth at all, the passport order "HAILE Daniel", and another
transliteration of the same name ("Mohamed" / "Mohammed", "Youssef" / "Yusuf"). :func:`variation_of`
applies one such difference; the generator records every pair of records that are the same
person in the ground truth.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Literal

__all__ = [
    "FOREIGN_VARIATIONS",
    "VARIATIONS",
    "Person",
    "Variation",
    "initials",
    "respell",
    "transliterate",
    "typo",
    "variation_of",
]

Variation = Literal[
    "exact",
    "initials",
    "typo",
    "swap_day_month",
    "no_bsn",
    "placeholder_date",
    "no_birth_date",
    "passport_order",
    "transliteration",
]

#: How often each difference shows up when a person reappears in another party's delivery.
VARIATIONS: tuple[tuple[Variation, float], ...] = (
    ("exact", 0.30),
    ("initials", 0.20),
    ("typo", 0.20),
    ("swap_day_month", 0.15),
    ("no_bsn", 0.15),
)
#: For people of foreign nationality, as border police and immigration service write them.
FOREIGN_VARIATIONS: tuple[tuple[Variation, float], ...] = (
    ("exact", 0.22),
    ("initials", 0.06),
    ("typo", 0.14),
    ("swap_day_month", 0.08),
    ("placeholder_date", 0.16),
    ("no_birth_date", 0.10),
    ("passport_order", 0.12),
    ("transliteration", 0.12),
)
_VAR_NAMES = tuple(v for v, _ in VARIATIONS)
_VAR_WEIGHTS = tuple(w for _, w in VARIATIONS)
_FOREIGN_NAMES = tuple(v for v, _ in FOREIGN_VARIATIONS)
_FOREIGN_WEIGHTS = tuple(w for _, w in FOREIGN_VARIATIONS)

# Spellings one name gets in different transliterations (Arabic, Tigrinya, Cyrillic, Turkish
# into Latin script, by different offices); a name not listed gets a generic respelling.
_SPELLINGS = (
    ("Mohamed", "Mohammed", "Muhammad", "Mohammad", "Mohamad"),
    ("Ahmed", "Ahmad", "Achmed"),
    ("Youssef", "Yusuf", "Yousef", "Youssouf"),
    ("Mustafa", "Mustapha", "Moustafa"),
    ("Hassan", "Hasan"),
    ("Said", "Saeed", "Saïd"),
    ("Omar", "Umar"),
    ("Khalid", "Khaled", "Chalid"),
    ("Rachid", "Rashid", "Rachied"),
    ("Karim", "Kareem"),
    ("Fatima", "Fatma", "Fatimah"),
    ("Aicha", "Aisha", "Aïcha"),
    ("Yasmina", "Jasmina", "Yasmine"),
    ("Hüseyin", "Huseyin", "Hussein"),
    ("Mehmet", "Mehmed"),
    ("Tesfay", "Tesfaye", "Tesfai"),
    ("Haile", "Hayle", "Hailé"),
    ("Yohannes", "Johannes", "Yohanes"),
    ("Tekle", "Teklé"),
    ("Oleksandr", "Aleksandr", "Olexandr", "Oleksander"),
    ("Serhiy", "Sergii", "Serhii", "Sergiy"),
    ("Olha", "Olga"),
    ("Yuliia", "Yulia", "Julia"),
    ("Andriy", "Andrii", "Andrey"),
    ("Dmytro", "Dmitro", "Dmitry"),
    ("Kovalenko", "Kowalenko"),
    ("Shevchenko", "Schewtschenko", "Sjevtsjenko"),
)
_SPELLING_OF = {fold: group for group in _SPELLINGS for fold in (w.casefold() for w in group)}
_GENERIC = (("ou", "u"), ("ph", "f"), ("kh", "ch"), ("sh", "sch"), ("ee", "i"), ("y", "i"),
            ("j", "y"), ("ss", "s"), ("mm", "m"), ("ie", "i"), ("k", "c"))  # fmt: skip


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


def respell(rng: random.Random, word: str) -> str:
    """``word`` in another transliteration: a known alternative spelling, else one generic
    respelling (``ou``/``u``, ``ph``/``f``, ``kh``/``ch``, ``y``/``i``...); unchanged when
    neither applies."""
    group = _SPELLING_OF.get(word.casefold())
    if group:
        others = [w for w in group if w.casefold() != word.casefold()]
        return rng.choice(others)
    options = [(a, b) for a, b in _GENERIC if a in word.lower()]
    options += [(b, a) for a, b in _GENERIC if b in word.lower() and len(b) > 1]
    if not options:
        return word
    a, b = rng.choice(options)
    i = word.lower().index(a)
    new = word[:i] + (b.capitalize() if i == 0 else b) + word[i + len(a) :]
    return new


def transliterate(rng: random.Random, first: str, last: str) -> tuple[str, str]:
    """The name in another transliteration: first name, surname or both respelled."""
    r = rng.random()
    new_first = respell(rng, first) if r < 0.7 else first
    new_last = respell(rng, last) if r >= 0.4 else last
    if (new_first, new_last) == (first, last):
        new_last = respell(rng, last)
    return new_first, new_last


def variation_of(
    rng: random.Random, person: Person, has_bsn: bool, *, foreign: bool = False
) -> tuple[Variation, str, date | None, bool]:
    """Pick a difference and return ``(variation, name, birth date, keep BSN)``.

    ``foreign``: the record is made by the border police or the immigration service of a
    person of foreign nationality, with their typical differences. A variation that cannot
    apply (no BSN to drop, a birth day above 12) falls back to a typo. When the name or date
    differs, the BSN is usually missing too (otherwise the ingest merges the two records on
    the BSN, which is also worth having, but less often).
    """
    if foreign:
        variation: Variation = rng.choices(_FOREIGN_NAMES, _FOREIGN_WEIGHTS)[0]
    else:
        variation = rng.choices(_VAR_NAMES, _VAR_WEIGHTS)[0]
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
    elif variation == "placeholder_date" and birth is not None:
        birth = date(birth.year, 1, 1)
    elif variation == "no_birth_date":
        birth = None
    elif variation == "passport_order":
        name = f"{person.last.upper()} {person.first}"
    elif variation == "transliteration":
        first, last = transliterate(rng, person.first, person.last)
        name = f"{first} {last}"
    if variation != "exact" and variation != "no_bsn":
        keep_bsn = has_bsn and rng.random() < 0.3
    return variation, name, birth, keep_bsn
