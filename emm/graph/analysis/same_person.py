"""Candidate pairs of Person nodes that may be the same person, and merging confirmed pairs.

Each party registers people its own way: "J. de Vries" at one, "Jan de Vries" at another, a
typo ("de Vires"), a date of birth with day and month swapped, "1 January" when only the year
is known (a placeholder), no date of birth at all, the passport order "HAILE Daniel", another
transliteration ("Mohammed" / "Muhammad"), or only a working name in advertisements. The
identity rules of ingest (BSN, or normalised name + date of birth) do not merge those, so the
analyst gets *candidates* with a score and the reasons behind it, and confirms or rejects them.
Confirmed pairs are contracted in an analysis copy with :func:`merge_confirmed` (a graph) or
:func:`merge_confirmed_frames` (the two tables, :mod:`emm.graph.analysis.merge`); the stored
graph is never changed.

Scoring is a table of features (:data:`FEATURES`) and penalties (:data:`PENALTIES`):
``score = sum(weight * feature) * product(penalties)``, each feature between 0 and 1. Names are
compared with :mod:`emm.graph.analysis.names`.

Blocking keeps this near-linear: only persons sharing a block key are compared. A name key is
the core surname with at most one letter deleted (catches every one-edit typo), the sorted
name parts (reordered names) or the sorted transliteration skeletons; every two transliteration
skeletons with the birth year catch a name part left out, every name part with at most one
letter deleted with the full date of birth a typo where two parses disagree on the surname
("Suwannarat Siriporn" / "SUWANNARAT Siripon"). Block keys are a name key
together with the birth year, a name key together with the birth month-day (a typo or a
day/month swap keeps one of the two), each shared identifier (phone, e-mail, account, document,
address, vehicle, the phone of an advertisement offering the person, ...) and the BSN. A pair
that shares no such key has no birth-date and no identifier feature, so it scores at most the
name weight (0.5); below that ``min_score`` we also block on the name key alone. Blocks larger
than ``max_block`` (a hotel address, a common surname with a placeholder date) are skipped.

Records from one delivery are never paired (the party resolved them); records of one party
in different deliveries are (a working name recorded anew in every delivery).

The module is a little over 500 lines on purpose: the feature functions, the blocking keys and
the two passes are read together whenever a score is questioned (names and dates are in
:mod:`~emm.graph.analysis.names` and :mod:`~emm.graph.analysis.ages`, merging in
:mod:`~emm.graph.analysis.merge`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

from emm.graph.analysis.ages import is_placeholder_date
from emm.graph.analysis.merge import groups_of, merge_confirmed, merge_confirmed_frames
from emm.graph.analysis.names import (
    ParsedName,
    damerau,
    fold,
    parse_name,
    skeletons,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FEATURES",
    "IDENTIFIERS",
    "PENALTIES",
    "Candidate",
    "ParsedName",
    "damerau",
    "fold",
    "merge_confirmed",
    "merge_confirmed_frames",
    "parse_name",
    "same_person_candidates",
]

#: Feature weights (sum 1) and what each measures; shown to analysts next to a candidate.
FEATURES: dict[str, tuple[float, str]] = {
    "name": (
        0.5,
        "names equal, equal up to accents or passport order, initials matching given names, "
        "name parts reordered (0.85), a one-edit typo (0.8), another transliteration (0.75) or "
        "a one-edit typo in a surname of two or three letters with the same given names (0.65), "
        "two or more name parts of the other with a patronymic or third name left out (0.8; "
        "0.7 in another transliteration), a one-edit typo with the name parts in another order "
        "(0.8; 0.7 with parts left out)",
    ),
    "birth_date": (
        0.3,
        "dates of birth equal (1), day and month transposed (0.8), a year-only placeholder "
        "(1 January) matching the year of the other (0.6) or one typo (0.5)",
    ),
    "identifiers": (
        0.2,
        "shared phone, e-mail, bank account, identity document or advertisement contact "
        "(1 each), shared address, vehicle or relative (0.5 each), shared employer, case, "
        "vehicle ridden, travel companion or common associate (a third person linked to both "
        "through one address, case or employer that is not a hub; not for name parts left "
        "out) (0.3 each), at most 1 in total",
    ),
}
#: The birth-date feature when one record has no date of birth and the pair shares an
#: identifier and has a name feature of at least 0.8.
MISSING_DATE = 0.5
#: Multipliers applied when both persons have a value and the values conflict.
PENALTIES: dict[str, tuple[float, str]] = {
    "bsn": (0.1, "different BSN"),
    "birth_date": (0.4, "different dates of birth"),
    "gender": (0.7, "different gender"),
}
#: What a shared neighbour weighs, per relationship type (from the person to it).
IDENTIFIERS: dict[str, float] = {
    "USES_PHONE": 1.0,
    "USES_EMAIL": 1.0,
    "HOLDS_ACCOUNT": 1.0,
    "HAS_DOCUMENT": 1.0,
    "AD_CONTACT": 1.0,  # derived: the phone or e-mail in an advertisement offering the person
    "LIVES_AT": 0.5,
    "REGISTERED_AT": 0.5,
    "OWNS_VEHICLE": 0.5,
    "FAMILY_OF": 0.5,
    "EMPLOYED_BY": 0.3,
    "INVOLVED_IN": 0.3,
    "PASSENGER_IN": 0.3,
    "TRAVELLED_WITH": 0.3,
}
#: What a common associate weighs: a third person linked to both through one address, case,
#: employer, vehicle, ... with at most ASSOCIATE_HUB persons (more is a hotel or a big case).
ASSOCIATE = 0.3
ASSOCIATE_HUB = 20
_PERSON_FIELDS = ("name", "birth_date", "bsn", "gender")


def _given_compatible(a: ParsedName, b: ParsedName) -> bool:
    """Every given name position agrees: equal, or an initial matching the other's first letter."""
    if not a.given or not b.given:
        return False
    for x, y in zip(a.given, b.given, strict=False):
        if x == y:
            continue
        if (len(x) == 1 or len(y) == 1) and x[0] == y[0]:
            continue
        return False
    return True


def _name_feature(
    ra: str,
    rb: str,
    a: ParsedName,
    b: ParsedName,
    sa: tuple[str, ...] | None = None,
    sb: tuple[str, ...] | None = None,
) -> tuple[float, str | None]:
    if not a.surname or not b.surname:
        return 0.0, None
    if a.full == b.full:
        folded_a, folded_b = " ".join(ra.casefold().split()), " ".join(rb.casefold().split())
        if folded_a != folded_b and fold(ra) == fold(rb):
            return 1.0, "same name up to accents"
        if folded_a != folded_b and fold(ra) != fold(rb):
            return 1.0, "same name in another order"
        return 1.0, "same name"
    same_surname = a.surname == b.surname and a.particles == b.particles
    if same_surname and _given_compatible(a, b) and (a.uses_initials or b.uses_initials):
        return 0.85, "initials match given names"
    if sorted(a.full.split()) == sorted(b.full.split()):
        return 0.85, "same name parts in another order"
    given_a, given_b = " ".join(a.given), " ".join(b.given)
    if same_surname and given_a and given_b and damerau(given_a, given_b) == 1:
        return 0.8, "one-edit typo in given name"
    if (
        (a.given == b.given or _given_compatible(a, b))
        and len(a.surname) >= 4
        and damerau(a.surname, b.surname) == 1
    ):
        return 0.8, "one-edit typo in surname"
    if not a.uses_initials and not b.uses_initials:
        sa = skeletons(a) if sa is None else sa
        sb = skeletons(b) if sb is None else sb
        if sa and sa == sb and len(sa) >= 2:
            return 0.75, "same name in another transliteration"
    dropped = _parts_dropped(a, b, sa, sb)
    if dropped:
        return dropped
    if (
        a.given == b.given
        and not a.uses_initials
        and min(len(a.surname), len(b.surname)) >= 2
        and damerau(a.surname, b.surname) == 1
    ):
        # "Ho" / "Hoo", "Ngo" / "Nog": short surnames differ by one edit more often by
        # chance, so only with identical given names written out, and weighted lower
        return 0.65, "one-edit typo in short surname"
    if same_surname and (not a.given or not b.given):
        return 0.5, "same surname, no given name on one side"
    if len(a.full) >= 8 and damerau(a.full, b.full) == 1:
        # a typo in a particle or across a space ("van edr Stael", "Ek Khatib")
        return 0.8, "one-edit typo in the name"
    return _parts_with_typo(a, b)


#: The name feature (and its reason) of one long name part two edits from the other's, the
#: other parts equal; it counts only when the full dates of birth are equal (a placeholder
#: year-only date is not): two edits in a name are common between different people.
TWO_EDITS = (0.7, "two edits in one name part, the others equal")
_TWO_EDIT_PART = 6
#: Name parts shorter than this are not allowed a typo in :func:`_parts_with_typo` ("Ivan" /
#: "Ivo" are two names, "Siriporn" / "Siriphon" one).
_TYPO_PART = 5


def _parts_with_typo(a: ParsedName, b: ParsedName) -> tuple[float, str | None]:
    """The name parts of the shorter name are parts of the longer one in any order, one of them
    with a one-edit typo ("Suwannarat Siriporn" / "SUWANNARAT Siripon": the surname written
    first without capitals, so the two parses disagree on which part is the surname): 0.8,
    or 0.7 when parts of the longer name are left out as well."""
    if a.uses_initials or b.uses_initials:
        return 0.0, None
    short, long_ = sorted((a.full.split(), b.full.split()), key=len)
    if len(short) < 2:
        return 0.0, None
    rest = list(long_)
    unmatched = []
    for part in short:
        if part in rest:
            rest.remove(part)
        else:
            unmatched.append(part)
    if len(unmatched) != 1 or len(unmatched[0]) < _TYPO_PART:
        return 0.0, None
    edits = min(
        (damerau(unmatched[0], r, limit=3) for r in rest if len(r) >= _TYPO_PART), default=3
    )
    if edits == 2 and len(short) == len(long_) and len(unmatched[0]) >= _TWO_EDIT_PART:
        # "Siriphon" / "Siriporn", "Tsvetelina" / "Cvetelina": a transliteration the
        # skeletons do not unify; counted only with the same full date of birth (_score)
        return TWO_EDITS[0], TWO_EDITS[1]
    if edits != 1:
        return 0.0, None
    if len(short) == len(long_):
        return 0.8, "one-edit typo, name parts in another order"
    return 0.7, "one-edit typo, name parts left out"


def _parts_dropped(
    a: ParsedName, b: ParsedName, sa: tuple[str, ...] | None, sb: tuple[str, ...] | None
) -> tuple[float, str] | None:
    """The shorter name is two or more parts of the longer one, in any order ("KIDANE Helen" /
    "Helen Kidane Mebrahtu": a patronymic or third name left out), as written (0.8) or in
    another transliteration (0.7)."""
    if a.uses_initials or b.uses_initials:
        return None
    # as multisets: a part written twice ("Ly Minh Minh") is two parts, not one left out
    short_c, long_c = sorted(
        (Counter(a.full.split()), Counter(b.full.split())), key=lambda c: c.total()
    )
    if 2 <= short_c.total() < long_c.total() and short_c <= long_c:
        return 0.8, "same name parts, one or more left out (a patronymic or third name)"
    sa = skeletons(a) if sa is None else sa
    sb = skeletons(b) if sb is None else sb
    if len(sa) == len(set(sa)) and len(sb) == len(set(sb)):
        ks, kl = sorted((set(sa), set(sb)), key=len)
        if 2 <= len(ks) < len(kl) and ks <= kl:
            return 0.7, "name parts left out, another transliteration"
    return None


def _one_typo(a: str, b: str) -> bool:
    """Equal-length strings that differ by one substitution or one adjacent transposition."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) == 1:
        return True
    i = diff[0] if len(diff) == 2 else -1
    return i >= 0 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]


def _date_feature(da: str | None, db: str | None) -> tuple[float, str | None, bool]:
    """(feature, reason, conflict) for two ISO dates of birth."""
    if not da or not db:
        return 0.0, None, False
    da, db = da[:10], db[:10]
    pa, pb = is_placeholder_date(da), is_placeholder_date(db)
    if da == db:
        if pa:  # both only a year: as much as a year-only date matching a full one
            return 0.6, "same year-only date of birth", False
        return 1.0, "same date of birth", False
    ya, ma, dda = da[:4], da[5:7], da[8:10]
    yb, mb, ddb = db[:4], db[5:7], db[8:10]
    if (pa or pb) and ya == yb:
        return 0.6, "year of birth matches a year-only date", False
    if pa and pb:  # two year-only dates of different years: no typo allowance
        return 0.0, "different years of birth", True
    if ya == yb and ma == ddb and dda == mb:
        return 0.8, "day and month of birth transposed", False
    if _one_typo(da.replace("-", ""), db.replace("-", "")):
        return 0.5, "date of birth differs by one typo", False
    return 0.0, "different dates of birth", True


@dataclass(frozen=True)
class Candidate:
    """A pair of Person nodes that may be the same person.

    Attributes
    ----------
    a, b : str
        The two uids (``a < b``).
    score : float
        Between 0 and 1 (see :data:`FEATURES` and :data:`PENALTIES`).
    reasons : list of str
        Plain-language reasons, positive and negative: which fields agree or differ and the
        kind and internal id of a shared identifier, never a name, date or number.
    features : dict
        The feature values and applied penalty multipliers.
    """

    a: str
    b: str
    score: float
    reasons: list[str] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)

    @property
    def pair(self) -> tuple[str, str]:
        return self.a, self.b


@dataclass
class _Person:
    uid: str
    raw: str
    name: ParsedName
    birth: str | None
    bsn: str | None
    gender: str | None
    sources: frozenset[str]
    order: str
    ids: dict[str, tuple[float, str]] = field(default_factory=dict)  # neighbour -> (weight, text)
    skeleton: tuple[str, ...] = ()


def _str(x: Any) -> str | None:
    if x is None or x == "":
        return None
    if isinstance(x, float) and x != x:
        return None
    return str(x)


def _persons(edges: pd.DataFrame, nodes: pd.DataFrame) -> dict[str, _Person]:
    """Person records with their sources (deliveries, else parties) and identifiers."""
    from emm.graph.analysis.frames import order_keys

    order = order_keys(nodes)
    table = nodes[nodes["label"] == "Person"].drop_duplicates("uid")
    cols = {c: table[c].tolist() if c in table.columns else [None] * len(table)
            for c in (*_PERSON_FIELDS, "parties")}  # fmt: skip
    persons: dict[str, _Person] = {}
    for i, uid in enumerate(table["uid"].tolist()):
        raw = _str(cols["name"][i]) or ""
        persons[uid] = _Person(
            uid=uid,
            raw=raw,
            name=parse_name(raw),
            birth=_str(cols["birth_date"][i]),
            bsn=_str(cols["bsn"][i]),
            gender=_str(cols["gender"][i]),
            sources=frozenset(),
            order=str(order.get(uid, uid)),
        )
        persons[uid].skeleton = skeletons(persons[uid].name)
        parties = cols["parties"][i]
        if isinstance(parties, list | tuple | set | frozenset) and parties:
            persons[uid].sources = frozenset(f"party:{p}" for p in parties)
    if not persons:
        return persons
    touching = edges[edges["src"].isin(persons) | edges["dst"].isin(persons)]
    caption = nodes.drop_duplicates("uid").set_index("uid")
    label_of = caption["label"]
    # sources: the deliveries of the facts (source_ref "<delivery>/<record>"); without
    # those, the node's parties, else the parties of its facts
    sources: dict[str, set[str]] = defaultdict(set)
    party_of: dict[str, set[str]] = defaultdict(set)
    refs = touching["source_ref"].astype(str).tolist()
    parties_col = touching["party"].tolist()
    for u, v, ref, party in zip(touching["src"], touching["dst"], refs, parties_col, strict=True):
        for node in (u, v):
            if node in persons:
                if "/" in ref:
                    sources[node].add(ref.split("/", 1)[0])
                party_of[node].add(f"party:{party}")
    for uid, p in persons.items():
        if sources.get(uid):
            p.sources = frozenset(sources[uid])
        elif not p.sources:
            p.sources = frozenset(party_of.get(uid, ()))

    def text(n: Any) -> str:
        # the kind and internal id of the identifier, never its value (runs hold no values)
        return f"{label_of.get(n, 'entity')} ({n})"

    def add(p: _Person, n: Any, weight: float) -> None:
        # the strongest tie to a neighbour counts, whatever order the facts come in
        old = p.ids.get(str(n))
        if old is None or weight > old[0]:
            p.ids[str(n)] = (weight, text(n))

    for u, v, t in zip(touching["src"], touching["dst"], touching["type"], strict=True):
        weight = IDENTIFIERS.get(str(t))
        if not weight:
            continue
        if u in persons and u != v:
            add(persons[u], v, weight)
        if t in ("FAMILY_OF", "TRAVELLED_WITH") and v in persons and u != v:
            add(persons[v], u, weight)
    # common associates: the persons linked to one address, case, employer, ... that is not a
    # hub (a record without a date of birth and a dated one of the same name, each living or
    # working with the same third person, are that person's one associate, not namesakes)
    members: dict[Any, set[str]] = defaultdict(set)
    for u, v in zip(touching["src"], touching["dst"], strict=True):
        if u in persons and v not in persons:
            members[v].add(u)
        elif v in persons and u not in persons:
            members[u].add(v)
    for group in members.values():
        if len(group) <= ASSOCIATE_HUB:
            for x in group:
                for y in group - {x}:
                    old = persons[x].ids.get(y)
                    if old is None or old[0] < ASSOCIATE:
                        persons[x].ids[y] = (ASSOCIATE, f"associate Person ({y})")
    # the phone or e-mail of an advertisement that offers the person
    offered = edges[edges["type"] == "ADVERTISES"]
    offered = offered[offered["dst"].isin(persons)]
    if len(offered):
        contact = edges[edges["type"] == "ADVERTISED_WITH"]
        j = offered[["src", "dst"]].merge(contact[["src", "dst"]], on="src", suffixes=("", "_c"))
        for p, c in zip(j["dst"], j["dst_c"], strict=True):
            persons[p].ids.setdefault(
                str(c), (IDENTIFIERS["AD_CONTACT"], f"advertisement contact ({c})")
            )
    return persons


def _deletions(word: str) -> set[str]:
    if len(word) < 3:
        return {word}
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _name_keys(p: _Person) -> set[str]:
    """Surname with at most one letter deleted, and the sorted name parts."""
    if not p.name.surname:
        return set()
    keys = _deletions(p.name.surname)
    keys.add("~" + " ".join(sorted(p.name.full.split())))
    return keys


#: Transliteration skeletons are coarse (Maria / Mario): their blocks with a birth year are
#: skipped above this size, and only the full date of birth blocks them otherwise.
_SKELETON_BLOCK = 50


def _block_keys(p: _Person, *, name_only: bool) -> set[tuple[str, ...]]:
    """Conjunctive keys: a name key AND (birth year OR birth month-day), or a shared identifier.

    A one-character typo in an ISO date keeps either the year or the month-day, a day/month
    transposition and a year-only placeholder keep the year, so every pair with a positive
    birth-date feature shares a key.
    """
    keys: set[tuple[str, ...]] = set()
    names = _name_keys(p)
    if p.birth and len(p.birth) >= 10:
        year, month_day = p.birth[:4], p.birth[5:10]
        for k in names:
            keys.add(("y", k, year))
            if not is_placeholder_date(p.birth):
                keys.add(("md", k, month_day))
    sk = p.skeleton
    if len(sk) >= 2 and p.birth and len(p.birth) >= 10:
        keys.add(("sd", " ".join(sk), p.birth[:10]))
        keys.add(("sy", " ".join(sk), p.birth[:4]))
    if len(sk) >= 3 and p.birth and len(p.birth) >= 10:
        # a name part left out ("KIDANE Helen" / "Helen Kidane Mebrahtu"): every two parts
        keys.update(("pp", x, y, p.birth[:4]) for x, y in combinations(sorted(set(sk)), 2))
    elif len(sk) == 2 and p.birth and len(p.birth) >= 10:
        keys.add(("pp", *sorted(sk), p.birth[:4]))
    parts = p.name.full.split()
    if len(parts) >= 2 and p.birth and len(p.birth) >= 10 and not p.name.uses_initials:
        # a typo in a name part when the parses disagree on the surname (see
        # _parts_with_typo): every part with one letter deleted, with the full date of birth
        for part in parts:
            if len(part) >= _TYPO_PART:
                keys.update(("td", k, p.birth[:10]) for k in _deletions(part))
    if name_only:
        keys.update(("n", k) for k in names)
    keys.update(("i", str(n)) for n in p.ids)
    if p.bsn:
        keys.add(("b", p.bsn))
    return keys


def _gender(g: str | None) -> str | None:
    """``"m"``/``"f"`` from M, F, V (vrouw), male, female..."""
    if not g:
        return None
    first = g.strip().casefold()[:1]
    return "f" if first in ("f", "v", "w") else first or None


def _score(a: _Person, b: _Person, min_score: float = 0.0) -> Candidate | None:
    """Score a pair; ``None`` when it cannot reach ``min_score`` (checked after the name)."""
    reasons: list[str] = []
    name, why = _name_feature(a.raw, b.raw, a.name, b.name, a.skeleton, b.skeleton)
    why_name = why
    best = FEATURES["name"][0] * name + FEATURES["birth_date"][0] + FEATURES["identifiers"][0]
    if best < min_score and not (a.bsn and a.bsn == b.bsn):
        return None
    if why:
        reasons.append(why)
    birth, why, date_conflict = _date_feature(a.birth, b.birth)
    if name == TWO_EDITS[0] and reasons and reasons[0] == TWO_EDITS[1] and birth < 1.0:
        name = 0.0
        reasons.pop(0)
    shared = sorted(set(a.ids) & set(b.ids), key=str)
    if why_name and "left out" in why_name:
        # relatives share name parts (a patronymic: "Samuel Kidane" / "Rahel Samuel Kidane")
        # and their associates: a common associate is no evidence for parts left out
        shared = [n for n in shared if not a.ids[n][1].startswith("associate")]
    ident = min(1.0, sum(a.ids[n][0] for n in shared))
    reasons.extend(f"shared {a.ids[n][1]}" for n in shared)
    if (not a.birth) != (not b.birth) and shared and name >= 0.8:
        # one record has no date of birth: not a conflict, and with a shared identifier the
        # date counts half (missing is not different)
        birth = MISSING_DATE
        why = "no date of birth on one side"
    features = {"name": name, "birth_date": birth, "identifiers": ident}
    score = sum(FEATURES[k][0] * v for k, v in features.items())
    if a.bsn and b.bsn:
        if a.bsn == b.bsn:
            score = 1.0
            reasons.insert(0, "same BSN")
        else:
            features["penalty_bsn"] = PENALTIES["bsn"][0]
            reasons.append(PENALTIES["bsn"][1])
    if date_conflict:
        features["penalty_birth_date"] = PENALTIES["birth_date"][0]
        reasons.append(why or PENALTIES["birth_date"][1])
    elif why:
        reasons.insert(1 if name else 0, why)
    ga, gb = _gender(a.gender), _gender(b.gender)
    if ga and gb and ga != gb:
        features["penalty_gender"] = PENALTIES["gender"][0]
        reasons.append(PENALTIES["gender"][1])
    for key, value in features.items():
        if key.startswith("penalty_"):
            score *= value
    x, y = sorted((a.uid, b.uid), key=str)
    return Candidate(x, y, round(score, 6), reasons, features)


def same_person_candidates(
    data: Any,
    *,
    min_score: float = 0.6,
    across_parties: bool = True,
    max_block: int = 500,
) -> list[Candidate]:
    """Pairs of Person nodes that may be the same person, best first.

    Parameters
    ----------
    data : networkx.MultiDiGraph or (edges, nodes) pair of DataFrames
        The (filtered) projection; Person nodes need ``name`` and may have ``birth_date``,
        ``bsn``, ``gender``, ``parties``.
    min_score : float, default 0.6
        Smallest score returned.
    across_parties : bool, default True
        Only pairs whose records come from two or more sources: deliveries (the part of a
        fact's ``source_ref`` before ``/``), or parties for records without such facts. A
        party resolves its own duplicates within a delivery, not across its deliveries.
    max_block : int, default 500
        Blocks with more persons are skipped (see the module notes).

    Returns
    -------
    list of Candidate
        Sorted by descending score, then by the records' identity keys.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("u1", label="Person", name="J. de Vries", birth_date="1990-03-04",
    ...            parties=["POL"])
    >>> G.add_node("u2", label="Person", name="Jan de Vries", birth_date="1990-04-03",
    ...            parties=["IND"])
    >>> G.add_node("u3", label="Person", name="Piet Bakker", birth_date="1990-03-04",
    ...            parties=["KMAR"])
    >>> [(c.pair, round(c.score, 3)) for c in same_person_candidates(G)]
    [(('u1', 'u2'), 0.665)]
    >>> for reason in same_person_candidates(G)[0].reasons:
    ...     print(reason)
    initials match given names
    day and month of birth transposed
    """
    from emm.graph.analysis.frames import as_frames

    edges, nodes = as_frames(data)
    persons = _persons(edges, nodes)
    people = sorted(persons.values(), key=lambda p: p.order)
    first = _candidates(people, min_score, across_parties, max_block)
    # Collective pass: persons found to be one person with high confidence count as one when
    # they are the shared travel companion or relative of another pair (a migrant's border
    # record and asylum record often share nothing but the companions, written differently
    # too). Their ids are mapped to one representative and the pairs are scored again.
    anchors = [c for c in first if c.score >= ANCHOR_SCORE]
    if not anchors:
        return first
    rep = {m: g[0] for g in groups_of(anchors) for m in g}
    changed = False
    for p in people:
        moved: dict[str, tuple[float, str]] = {}
        for n, v in sorted(p.ids.items()):
            r = str(rep.get(n, n))
            if r not in moved or v[0] > moved[r][0]:
                moved[r] = v
        if moved.keys() != p.ids.keys():
            p.ids = moved
            changed = True
    if not changed:
        return first
    return _candidates(people, min_score, across_parties, max_block)


#: Candidates at least this certain anchor the collective pass of :func:`same_person_candidates`.
ANCHOR_SCORE = 0.75


def _candidates(
    people: list[_Person], min_score: float, across_parties: bool, max_block: int
) -> list[Candidate]:
    """One blocking-and-scoring pass over ``people`` (in content order)."""
    # Without a birth-date or identifier feature a pair scores at most the name weight; only
    # when that can reach min_score do we need blocks on the name alone (much larger).
    name_only = min_score <= FEATURES["name"][0]
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, p in enumerate(people):
        for key in _block_keys(p, name_only=name_only):
            blocks[key].append(i)
    n = len(people)
    pairs: set[int] = set()
    for key, members in blocks.items():
        cap = min(max_block, _SKELETON_BLOCK) if key[0] == "sy" else max_block
        if 1 < len(members) <= cap:
            pairs.update(x * n + y for x, y in combinations(members, 2))  # members ascending
    out = []
    for code in pairs:
        a, b = people[code // n], people[code % n]
        if across_parties and len(a.sources | b.sources) < 2:
            continue
        cand = _score(a, b, min_score)
        if cand is not None and cand.score >= min_score:
            out.append((cand, min(a.order, b.order), max(a.order, b.order)))
    out.sort(key=lambda t: (-t[0].score, t[1], t[2]))
    return [c for c, _, _ in out]
