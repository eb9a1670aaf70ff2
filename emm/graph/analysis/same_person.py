"""Candidate pairs of Person nodes that may be the same person, and merging confirmed pairs.

Each party registers people its own way: "J. de Vries" at one, "Jan de Vries" at another, a
typo ("de Vires"), a date of birth with day and month swapped. The identity rules of ingest
(BSN, or normalised name + date of birth) do not merge those, so the analyst gets *candidates*
with a score and the reasons behind it, and confirms or rejects them (the judgement store is
not part of this module). Confirmed pairs are contracted in an analysis copy with
:func:`merge_confirmed`; the stored graph is never changed.

Scoring is a table of features (:data:`FEATURES`) and penalties (:data:`PENALTIES`):
``score = sum(weight * feature) * product(penalties)``, each feature between 0 and 1.

Blocking keeps this near-linear: only persons sharing a block key are compared. A name key is
the core surname with at most one letter deleted (surnames of three letters or more; catches
every one-edit typo) or the sorted name parts (catches reordered names). Block keys are a name key together with the birth year, a name
key together with the birth month-day (a typo or a day/month swap keeps one of the two), each
shared phone, e-mail, account, document, address or vehicle, and the BSN. A pair that shares no
such key has no birth-date and no identifier feature, so it scores at most the name weight
(0.5); below that ``min_score`` we also block on the name key alone. Blocks larger than
``max_block`` (a hotel address, a placeholder birth date such as 1 January with a common
surname) are skipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

from emm.graph.analysis.exceptions import InvalidMerge, NodeNotFound

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "FEATURES",
    "PENALTIES",
    "Candidate",
    "ParsedName",
    "damerau",
    "fold",
    "merge_confirmed",
    "parse_name",
    "same_person_candidates",
]

#: Feature weights (sum 1) and what each measures; shown to analysts next to a candidate.
FEATURES: dict[str, tuple[float, str]] = {
    "name": (
        0.5,
        "names equal, equal up to accents, initials matching given names, "
        "name parts reordered (0.85), a one-edit typo (0.8) or a one-edit typo in a surname "
        "of two or three letters with the same given names (0.65)",
    ),
    "birth_date": (
        0.3,
        "dates of birth equal (1), day and month transposed (0.8) or one typo (0.5)",
    ),
    "identifiers": (
        0.2,
        "shared phone, e-mail, bank account or identity document (1 each), "
        "shared address or vehicle (0.5 each), at most 1 in total",
    ),
}
#: Multipliers applied when both persons have a value and the values conflict.
PENALTIES: dict[str, tuple[float, str]] = {
    "bsn": (0.1, "different BSN"),
    "birth_date": (0.4, "different dates of birth"),
    "gender": (0.7, "different gender"),
}
_STRONG = {"USES_PHONE": 1.0, "USES_EMAIL": 1.0, "HOLDS_ACCOUNT": 1.0, "HAS_DOCUMENT": 1.0}
_WEAK = {"LIVES_AT": 0.5, "REGISTERED_AT": 0.5, "OWNS_VEHICLE": 0.5}
# fmt: off
_PARTICLES = frozenset({
    "van", "de", "der", "den", "het", "ten", "ter", "te", "t", "in", "op", "von", "zu",
    "di", "da", "del", "della", "le", "la", "du", "des", "al", "el", "bin", "ben", "ibn", "abu",
})
# fmt: on
_EXTRA_FOLD = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
)


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse whitespace.

    Examples
    --------
    >>> fold("  Zoë   Ørsted-Müller ")
    'zoe orsted-muller'
    """
    text = unicodedata.normalize("NFKD", text.casefold()).translate(_EXTRA_FOLD)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


def damerau(a: str, b: str, *, limit: int = 2) -> int:
    """Optimal-string-alignment distance (edits incl. adjacent transpositions), capped at ``limit``.

    Returns ``limit`` as soon as the distance is known to reach it, so comparing long unrelated
    strings is cheap.

    Examples
    --------
    >>> damerau("vries", "vires"), damerau("jansen", "janssen"), damerau("bakker", "visser")
    (1, 1, 2)
    """
    if a == b:
        return 0
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


@dataclass(frozen=True)
class ParsedName:
    """A name split into given names and surname, folded."""

    given: tuple[str, ...]
    surname: str  # core surname without particles, e.g. "vries"
    particles: tuple[str, ...]

    @property
    def initials(self) -> tuple[str, ...]:
        return tuple(g[0] for g in self.given)

    @property
    def uses_initials(self) -> bool:
        return any(len(g) == 1 for g in self.given)

    @property
    def full(self) -> str:
        return " ".join((*self.given, *self.particles, self.surname))


def parse_name(raw: str) -> ParsedName:
    """Split a registered name into given names, particles and core surname.

    Handles "Surname, Given" order, initials written as "J.P." or "J P", and Dutch (and some
    other) surname particles.

    Examples
    --------
    >>> parse_name("J.P. de Vries")
    ParsedName(given=('j', 'p'), surname='vries', particles=('de',))
    >>> parse_name("Vries, Jan de")
    ParsedName(given=('jan',), surname='vries', particles=('de',))
    >>> parse_name("T.T. Mai")  # initials, not the particle 't
    ParsedName(given=('t', 't'), surname='mai', particles=())
    """
    text = fold(raw)
    if "," in text:
        head, _, tail = text.partition(",")
        tail_tokens = tail.split()
        particles_at_end: list[str] = []
        while tail_tokens and tail_tokens[-1] in _PARTICLES:
            particles_at_end.insert(0, tail_tokens.pop())
        text = " ".join([*tail_tokens, *particles_at_end, head])
    raw_tokens = re.findall(r"[^\s.]+\.?", text.replace("'t", "t"))
    tokens = [t.rstrip(".") for t in raw_tokens]
    initial = [t.endswith(".") and len(t) == 2 for t in raw_tokens]  # "T." is never "'t"
    if not tokens:
        return ParsedName((), "", ())
    surname = tokens[-1]
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1] in _PARTICLES and not initial[i - 1]:
        i -= 1
    particles = tuple(tokens[i : len(tokens) - 1])
    return ParsedName(tuple(tokens[:i]), surname, particles)


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


def _name_feature(ra: str, rb: str, a: ParsedName, b: ParsedName) -> tuple[float, str | None]:
    if not a.surname or not b.surname:
        return 0.0, None
    if a.full == b.full:
        if " ".join(ra.casefold().split()) != " ".join(rb.casefold().split()) and fold(ra) == fold(
            rb
        ):
            return 1.0, f"same name up to accents ({ra} / {rb})"
        return 1.0, f"same name ({ra})"
    same_surname = a.surname == b.surname and a.particles == b.particles
    if same_surname and _given_compatible(a, b) and (a.uses_initials or b.uses_initials):
        return 0.85, f"initials match given names ({ra} / {rb})"
    if sorted(a.full.split()) == sorted(b.full.split()):
        return 0.85, f"same name parts in another order ({ra} / {rb})"
    given_a, given_b = " ".join(a.given), " ".join(b.given)
    if same_surname and given_a and given_b and damerau(given_a, given_b) == 1:
        return 0.8, f"one-edit typo in given name ({ra} / {rb})"
    if (
        (a.given == b.given or _given_compatible(a, b))
        and len(a.surname) >= 4
        and damerau(a.surname, b.surname) == 1
    ):
        return 0.8, f"one-edit typo in surname ({ra} / {rb})"
    if (
        a.given == b.given
        and not a.uses_initials
        and min(len(a.surname), len(b.surname)) >= 2
        and damerau(a.surname, b.surname) == 1
    ):
        # "Ho" / "Hoo", "Ngo" / "Nog": short surnames differ by one edit more often by
        # chance, so only with identical given names written out, and weighted lower
        return 0.65, f"one-edit typo in short surname ({ra} / {rb})"
    if same_surname and (not a.given or not b.given):
        return 0.5, f"same surname, no given name on one side ({ra} / {rb})"
    return 0.0, None


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
    if da == db:
        return 1.0, f"same date of birth ({da})", False
    ya, ma, dda = da[:4], da[5:7], da[8:10]
    yb, mb, ddb = db[:4], db[5:7], db[8:10]
    if ya == yb and ma == ddb and dda == mb:
        return 0.8, f"day and month of birth transposed ({da} / {db})", False
    if _one_typo(da.replace("-", ""), db.replace("-", "")):
        return 0.5, f"date of birth differs by one typo ({da} / {db})", False
    return 0.0, f"different dates of birth ({da} / {db})", True


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
        Plain-language reasons, positive and negative.
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
    parties: frozenset[str]
    ids: dict[str, tuple[float, str]] = field(default_factory=dict)  # neighbour -> (weight, text)


def _persons(G: nx.MultiDiGraph) -> dict[str, _Person]:
    persons: dict[str, _Person] = {}
    for uid, d in G.nodes(data=True):
        if d.get("label") != "Person":
            continue
        raw = str(d.get("name") or "")
        persons[uid] = _Person(
            uid=uid,
            raw=raw,
            name=parse_name(raw),
            birth=_str(d.get("birth_date")),
            bsn=_str(d.get("bsn")),
            gender=_str(d.get("gender")),
            parties=frozenset(d.get("parties") or ()),
        )
    edge_parties: dict[str, set[str]] = defaultdict(set)
    for u, v, d in G.edges(data=True):
        for node in (u, v):
            if node in persons and d.get("party"):
                edge_parties[node].add(d["party"])
        t = d.get("type")
        weight = _STRONG.get(str(t)) or _WEAK.get(str(t))
        if weight and u in persons:
            nd = G.nodes[v]
            persons[u].ids[v] = (weight, f"{nd.get('label', 'entity')} {nd.get('caption', v)}")
    for uid, p in persons.items():
        if not p.parties:
            p.parties = frozenset(edge_parties.get(uid, ()))
    return persons


def _str(x: Any) -> str | None:
    return None if x is None or x == "" else str(x)


def _deletions(word: str) -> set[str]:
    if len(word) < 3:
        return {word}
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _name_keys(p: _Person) -> set[str]:
    """Surname with at most one letter deleted, plus the sorted name parts (reordered names)."""
    if not p.name.surname:
        return set()
    keys = _deletions(p.name.surname)
    keys.add("~" + " ".join(sorted(p.name.full.split())))
    return keys


def _block_keys(p: _Person, *, name_only: bool) -> set[tuple[str, ...]]:
    """Conjunctive keys: a name key AND (birth year OR birth month-day), or a shared identifier.

    A one-character typo in an ISO date keeps either the year or the month-day, and a day/month
    transposition keeps the year, so every pair with a positive birth-date feature shares a key.
    """
    keys: set[tuple[str, ...]] = set()
    names = _name_keys(p)
    if p.birth and len(p.birth) >= 10:
        year, month_day = p.birth[:4], p.birth[5:10]
        for k in names:
            keys.add(("y", k, year))
            keys.add(("md", k, month_day))
    if name_only:
        keys.update(("n", k) for k in names)
    keys.update(("i", str(n)) for n in p.ids)
    if p.bsn:
        keys.add(("b", p.bsn))
    return keys


def _score(a: _Person, b: _Person, min_score: float = 0.0) -> Candidate | None:
    """Score a pair; ``None`` when it cannot reach ``min_score`` (checked after the name)."""
    reasons: list[str] = []
    name, why = _name_feature(a.raw, b.raw, a.name, b.name)
    best = FEATURES["name"][0] * name + FEATURES["birth_date"][0] + FEATURES["identifiers"][0]
    if best < min_score and not (a.bsn and a.bsn == b.bsn):
        return None
    if why:
        reasons.append(why)
    birth, why, date_conflict = _date_feature(a.birth, b.birth)
    shared = sorted(set(a.ids) & set(b.ids), key=str)
    ident = min(1.0, sum(a.ids[n][0] for n in shared))
    reasons.extend(f"shared {a.ids[n][1]}" for n in shared)
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
    if a.gender and b.gender and a.gender.casefold() != b.gender.casefold():
        features["penalty_gender"] = PENALTIES["gender"][0]
        reasons.append(PENALTIES["gender"][1])
    for key, value in features.items():
        if key.startswith("penalty_"):
            score *= value
    x, y = sorted((a.uid, b.uid), key=str)
    return Candidate(x, y, round(score, 6), reasons, features)


def same_person_candidates(
    G: nx.MultiDiGraph,
    *,
    min_score: float = 0.6,
    across_parties: bool = True,
    max_block: int = 500,
) -> list[Candidate]:
    """Pairs of Person nodes that may be the same person, best first.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The (filtered) projection; Person nodes need ``name`` and may have ``birth_date``,
        ``bsn``, ``gender``, ``parties``.
    min_score : float, default 0.6
        Smallest score returned.
    across_parties : bool, default True
        Only pairs whose asserting parties together number two or more (a party resolves its
        own duplicates). A node's parties are its ``parties`` attribute, else the parties of
        its facts.
    max_block : int, default 500
        Blocks with more persons are skipped (see the module notes).

    Returns
    -------
    list of Candidate
        Sorted by descending score, then by uids.

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
    initials match given names (J. de Vries / Jan de Vries)
    day and month of birth transposed (1990-03-04 / 1990-04-03)
    """
    persons = _persons(G)
    # Without a birth-date or identifier feature a pair scores at most the name weight; only
    # when that can reach min_score do we need blocks on the name alone (much larger).
    name_only = min_score <= FEATURES["name"][0]
    people = list(persons.values())
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, p in enumerate(people):
        for key in _block_keys(p, name_only=name_only):
            blocks[key].append(i)
    n = len(people)
    pairs: set[int] = set()
    for members in blocks.values():
        if 1 < len(members) <= max_block:
            pairs.update(x * n + y for x, y in combinations(members, 2))  # members ascending
    out = []
    for code in pairs:
        a, b = people[code // n], people[code % n]
        if across_parties and len(a.parties | b.parties) < 2:
            continue
        cand = _score(a, b, min_score)
        if cand is not None and cand.score >= min_score:
            out.append(cand)
    out.sort(key=lambda c: (-c.score, str(c.a), str(c.b)))
    return out


def merge_confirmed(
    G: nx.MultiDiGraph,
    pairs: Iterable[Candidate | tuple[Hashable, Hashable]],
) -> nx.MultiDiGraph:
    """Contract confirmed same-person pairs in a copy of ``G``.

    Pairs are chained (a=b and b=c merge all three). Each group becomes the node with the
    smallest uid (as text); it gets ``merged_from`` (all original uids, sorted), ``parties``
    (union), ``aliases`` (the other names) and any property it lacked from the others. Every fact
    is kept and re-pointed (a fact between two merged nodes becomes a self-loop). ``G`` is not
    modified.

    Raises
    ------
    NodeNotFound
        If a uid is not in ``G``.
    InvalidMerge
        If a pair is not two distinct Person nodes.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("u1", label="Person", name="J. de Vries", parties=["POL"])
    >>> G.add_node("u2", label="Person", name="Jan de Vries", parties=["IND"], bsn="111222333")
    >>> G.add_node("a1", label="Address")
    >>> _ = G.add_edge("u2", "a1", key="IND-7", type="LIVES_AT", party="IND")
    >>> H = merge_confirmed(G, [("u1", "u2")])
    >>> sorted(H), H.nodes["u1"]["merged_from"], H.nodes["u1"]["parties"]
    (['a1', 'u1'], ['u1', 'u2'], ['IND', 'POL'])
    >>> H.nodes["u1"]["bsn"], list(H.edges(keys=True)), sorted(G)
    ('111222333', [('u1', 'a1', 'IND-7')], ['a1', 'u1', 'u2'])
    """
    parent: dict[Hashable, Hashable] = {}

    def find(x: Hashable) -> Hashable:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        x, y = pair.pair if isinstance(pair, Candidate) else pair
        for node in (x, y):
            if node not in G:
                raise NodeNotFound(f"not in the graph: {node}")
            if G.nodes[node].get("label") != "Person":
                raise InvalidMerge(f"{node} is not a Person node")
        if x == y:
            raise InvalidMerge(f"cannot merge {x} with itself")
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[rx] = ry
    groups: dict[Hashable, list[Hashable]] = defaultdict(list)
    for node in list(parent):
        groups[find(node)].append(node)

    H = G.copy()
    for members in groups.values():
        members.sort(key=str)
        rep, others = members[0], members[1:]
        attrs = dict(H.nodes[rep])
        names = [G.nodes[m].get("name") for m in members]
        parties: set[str] = set()
        for m in members:
            parties.update(G.nodes[m].get("parties") or ())
            for key, value in G.nodes[m].items():
                if attrs.get(key) in (None, "") and value not in (None, ""):
                    attrs[key] = value
        attrs["parties"] = sorted(parties)
        attrs["merged_from"] = [str(m) for m in members]
        attrs["aliases"] = sorted({str(n) for n in names if n} - {str(attrs.get("name"))})
        H.nodes[rep].update(attrs)
        group = set(members)
        touching: dict[tuple[Hashable, Hashable, Hashable], dict[str, Any]] = {}
        for o in others:
            for u, v, k, d in H.out_edges(o, keys=True, data=True):
                touching[(u, v, k)] = d
            for u, v, k, d in H.in_edges(o, keys=True, data=True):
                touching[(u, v, k)] = d
        H.remove_nodes_from(others)
        for (u, v, k), d in touching.items():
            nu = rep if u in group else u
            nv = rep if v in group else v
            if H.has_edge(nu, nv, k):
                H.add_edge(nu, nv, **d)
            else:
                H.add_edge(nu, nv, key=k, **d)
    return H
