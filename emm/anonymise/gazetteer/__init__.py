"""What non-personal products must keep: places, regions, countries, legal acts, public bodies.

Trend pictures are written in regions and municipalities ("in Zeeland en West-Brabant"), cite
the law ("art. 273f Sr", "Wav") and name the parties ("POL", "Inspectie SZW"). None of that
points at a person, so de-identification keeps it and the gate's shape check allows it,
unless disclosure control says a table cell is too small (that is the tables' business).

The terms are data, one YAML table per kind in ``data/`` (each with its ``source`` and
``date``): municipalities (CBS 2025), provinces, COROP and police regions, landscape regions,
larger towns, foreign towns (GeoNames), countries and world regions (ISO 3166-1), nationalities and languages, Dutch and
international legal acts, public bodies. Matching is word by word, case- and accent-folded
(``ZEELAND`` = ``Zeeland``, ``Fryslan`` = ``Fryslân``), except for short terms and acronyms
(``OM``, ``Sr``, ``Ede``), which must be written as listed. Derived forms are found too: place
adjectives (``Rotterdamse``, ``Brabantse``), compass prefixes (``Oost-Europa``,
``Noord-Nigeria``) and possessives (``Nederland's``).

>>> g = load_gazetteer()
>>> [(text[s:e], c) for text in ["In Zeeland en de Rotterdamse haven (art. 273f Sr)."]
...  for s, e, c in g.find(text)]
[('Zeeland', 'province'), ('Rotterdamse', 'municipality'), ('art', 'legal'), ('Sr', 'legal')]
>>> "zuid-holland" in g, "Okonkwo" in g
(True, False)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick
from pydantic import BaseModel

from emm.anonymise.folding import word_key, word_stream
from emm.tables import load_table

__all__ = ["TABLES", "Gazetteer", "GazetteerTable", "load_gazetteer"]

#: The shipped tables, in ``emm/anonymise/gazetteer/data/<name>.yaml``.
TABLES: tuple[str, ...] = (
    "municipalities",
    "provinces",
    "corop",
    "police_regions",
    "landscape_regions",
    "places",
    "belgium",
    "caribbean",
    "countries",
    "nationalities",
    "legal",
    "bodies",
    "residences",
    "foreign_places",
)

#: Categories whose terms take place-adjective endings ("Rotterdamse", "Brabantse").
_PLACE_CATEGORIES = frozenset(
    {"municipality", "province", "region", "place", "country", "residence"}
)
_ADJECTIVE_ENDINGS = ("se", "s", "er", "ers", "sche", "'s", "’s")
_COMPASS = ("noord", "zuid", "oost", "west", "midden", "noordoost", "noordwest", "zuidoost",
            "zuidwest", "centraal", "north", "south", "east", "west", "central")  # fmt: skip
#: Short or capitalised-only terms must match as written: "OM" is not "om", "Ede" not "ede".
_EXACT_MAX = 3


class GazetteerTable(BaseModel):
    """One table: its category, what it holds, where the terms come from and as of when."""

    category: str
    description: str
    source: str
    date: str
    terms: list[str] = []
    #: alternative layout: comma-separated terms per line (nationalities)
    lines: list[str] = []

    def all_terms(self) -> list[str]:
        out = list(self.terms)
        for line in self.lines:
            out.extend(t.strip() for t in line.split(",") if t.strip())
        return out


@dataclass(frozen=True)
class _Entry:
    category: str
    exact: str | None  # the term as written, when it must match case-sensitively


def _is_exact(term: str) -> bool:
    letters = [c for c in term if c.isalpha()]
    return len(letters) <= _EXACT_MAX or (len(letters) <= 6 and term.isupper())


class Gazetteer:
    """Terms to keep, matched in text. Build with :func:`load_gazetteer` (cached)."""

    def __init__(self, tables: Iterable[GazetteerTable]) -> None:
        self.tables = tuple(tables)
        self._entries: dict[str, list[_Entry]] = {}
        for table in self.tables:
            for term in table.all_terms():
                self._add(term, table.category)
        self._automaton = ahocorasick.Automaton()
        for key, entries in self._entries.items():
            self._automaton.add_word(key, (len(key), tuple(entries)))
        self._automaton.make_automaton()

    def _add(self, term: str, category: str) -> None:
        key = word_key(term)
        if not key.strip():
            return
        exact = _letters(term) if _is_exact(term) else None
        self._put(key, _Entry(category, exact))
        if category in _PLACE_CATEGORIES and exact is None:
            stem = key.rstrip()
            for ending in _ADJECTIVE_ENDINGS:
                variant = word_key(stem + ending)
                self._put(variant, _Entry(category, None))

    def _put(self, key: str, entry: _Entry) -> None:
        # the first table listed in TABLES names the category ("Utrecht": municipality)
        entries = self._entries.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)

    # -- inspection ------------------------------------------------------------------------

    def __contains__(self, term: object) -> bool:
        """Whether ``term`` as a whole is a gazetteer term (or a derived form of one)."""
        if not isinstance(term, str):
            return False
        return any(e == (0, len(term)) for e in ((s, e) for s, e, _ in self.find(term)))

    def sources(self) -> list[dict[str, str]]:
        """Category, description, source and date of every table (for method sections)."""
        return [
            {"category": t.category, "description": t.description, "source": t.source,
             "date": t.date}
            for t in self.tables
        ]  # fmt: skip

    def __len__(self) -> int:
        return len(self._entries)

    # -- matching --------------------------------------------------------------------------

    def find(
        self, text: str, accept: Callable[[int, int, str], bool] | None = None
    ) -> list[tuple[int, int, str]]:
        """``(start, end, category)`` of the terms in ``text``: longest first, not overlapping.

        :param accept: a test each candidate must pass before the longest is chosen (the
            shape check takes a residence only after a place word).
        """
        stream, index = word_stream(text)
        raw: list[tuple[int, int, str]] = []
        for end, (length, entries) in self._automaton.iter(stream):
            inner = [i for i in index[end - length + 1 : end + 1] if i >= 0]
            if not inner:
                continue
            s, e = inner[0], inner[-1] + 1
            if not _whole_words(text, s, e):
                continue
            for entry in entries:
                if entry.exact is not None and not _exact_ok(text[s:e], entry.exact):
                    continue
                if accept is not None and not accept(s, e, entry.category):
                    continue
                raw.append((s, e, entry.category))
                break
        chosen: list[tuple[int, int, str]] = []
        taken_until = -1
        for s, e, c in sorted(raw, key=lambda r: (r[0], -(r[1] - r[0]))):
            if s < taken_until:
                continue
            s = _compass_prefix(text, s)
            e = _compass_suffix(text, e)
            chosen.append((s, e, c))
            taken_until = e
        return chosen


def _exact_ok(written: str, term: str) -> bool:
    """A short term as listed ("OM", "Sr"), or an acronym in mixed case ("KMar", "KvK")."""
    letters = _letters(written)
    if letters == term:
        return True
    return sum(c.isupper() for c in letters) >= 2 and letters.lower() == term.lower()


def _letters(term: str) -> str:
    return "".join(c for c in term if c.isalnum())


def _whole_words(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _compass_prefix(text: str, start: int) -> int:
    """Start of "Oost-" in "Oost-Europa" (a compass word and a hyphen before the term)."""
    if start < 2 or text[start - 1] != "-":
        return start
    i = start - 1
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return i if text[i : start - 1].lower() in _COMPASS else start


def _compass_suffix(text: str, end: int) -> int:
    """End of "-Oost" in "Venlo-Oost", "Amsterdam-Noord" (a hyphen and a compass word)."""
    if end >= len(text) or text[end] != "-":
        return end
    i = end + 1
    while i < len(text) and text[i].isalpha():
        i += 1
    return i if text[end + 1 : i].lower() in _COMPASS else end


@cache
def load_gazetteer(tables: tuple[str, ...] = TABLES) -> Gazetteer:
    """The shipped gazetteer (built once per process, ~0.1 s)."""
    return Gazetteer(
        load_table("emm.anonymise.gazetteer", f"data/{name}.yaml", GazetteerTable)
        for name in tables
    )
