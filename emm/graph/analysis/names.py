"""Person names as the parties write them: folding, typo distance, parsing, transliteration.

The string toolkit behind :mod:`emm.graph.analysis.same_person`:

* :func:`fold`: lower case, accents stripped (``"Zoë Ørsted"`` -> ``"zoe orsted"``);
* :func:`damerau`: edit distance with adjacent transpositions, capped;
* :func:`parse_name`: given names, particles and core surname, also for ``"Surname, Given"``
  and for the passport order ``"HAILE Daniel"`` (surname first in capitals, as in the machine
  readable zone and many border and immigration systems);
* :func:`skeleton`: a transliteration key, equal for the spellings one name gets in different
  alphabets and languages (Mohammed / Muhammad / Mehmet, Youssef / Yusuf / Jusuf, Aleksandr /
  Alexander, Yelena / Elena, Ivanov / Iwanow).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["ParsedName", "damerau", "fold", "parse_name", "skeleton", "skeletons"]

# fmt: off
PARTICLES = frozenset({
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


def _surname_first(raw: str) -> str:
    """``"HAILE Daniel"`` -> ``"Daniel HAILE"``: leading all-capital words followed by a word in
    mixed case are the surname (passport order). Names in one case are left as they are."""
    words = raw.split()
    caps = 0
    for w in words:
        letters = [c for c in w if c.isalpha()]
        if "." not in w and len(letters) >= 2 and all(c.isupper() for c in letters):
            caps += 1
        else:
            break
    rest = words[caps:]
    mixed = any(any(c.islower() for c in w) for w in rest)
    if caps and rest and mixed:
        return " ".join([*rest, *words[:caps]])
    return raw


def parse_name(raw: str) -> ParsedName:
    """Split a registered name into given names, particles and core surname.

    Handles "Surname, Given" order, the passport order "SURNAME Given", initials written as
    "J.P." or "J P", and Dutch (and some other) surname particles.

    Examples
    --------
    >>> parse_name("J.P. de Vries")
    ParsedName(given=('j', 'p'), surname='vries', particles=('de',))
    >>> parse_name("Vries, Jan de")
    ParsedName(given=('jan',), surname='vries', particles=('de',))
    >>> parse_name("HAILE Daniel Tesfay")
    ParsedName(given=('daniel', 'tesfay'), surname='haile', particles=())
    >>> parse_name("T.T. Mai")  # initials, not the particle 't
    ParsedName(given=('t', 't'), surname='mai', particles=())
    """
    if "," not in raw:
        raw = _surname_first(raw)
    text = fold(raw)
    if "," in text:
        head, _, tail = text.partition(",")
        tail_tokens = tail.split()
        particles_at_end: list[str] = []
        while tail_tokens and tail_tokens[-1] in PARTICLES:
            particles_at_end.insert(0, tail_tokens.pop())
        text = " ".join([*tail_tokens, *particles_at_end, head])
    raw_tokens = re.findall(r"[^\s.]+\.?", text.replace("'t", "t"))
    tokens = [t.rstrip(".") for t in raw_tokens]
    initial = [t.endswith(".") and len(t) == 2 for t in raw_tokens]  # "T." is never "'t"
    if not tokens:
        return ParsedName((), "", ())
    surname = tokens[-1]
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1] in PARTICLES and not initial[i - 1]:
        i -= 1
    particles = tuple(tokens[i : len(tokens) - 1])
    return ParsedName(tuple(tokens[:i]), surname, particles)


# transliteration: longest patterns first; applied to a folded word
_TRANSLIT = (
    ("tsch", "c"), ("dzh", "j"), ("tch", "c"), ("tsj", "c"), ("sch", "s"), ("zh", "j"),
    ("dj", "j"), ("kh", "h"), ("ch", "h"), ("sh", "s"), ("ph", "v"), ("th", "t"), ("dh", "d"),
    ("gh", "g"), ("ck", "k"), ("qu", "k"), ("q", "k"), ("x", "ks"), ("c", "k"), ("w", "v"),
    ("f", "v"), ("z", "s"), ("j", "y"),
)  # fmt: skip
_VOWELS = frozenset("aeiouy")


def skeleton(word: str) -> str:
    """A transliteration key of one name: the first sound (any vowel or ``y`` as ``a``) and
    the consonants after it, transliteration variants unified, doubles collapsed, a final
    ``d`` as ``t`` (as it is spoken in Dutch and Turkish).

    Examples
    --------
    >>> [skeleton(w) for w in ("Mohammed", "Muhammad", "Mehmet", "Mohamed")]
    ['mhmt', 'mhmt', 'mhmt', 'mhmt']
    >>> [skeleton(w) for w in ("Youssef", "Yusuf", "Jusuf")]
    ['asv', 'asv', 'asv']
    >>> skeleton("Aleksandr") == skeleton("Alexander"), skeleton("Yelena") == skeleton("Elena")
    (True, True)
    >>> skeleton("Ivanov") == skeleton("Iwanow"), skeleton("Jansen") == skeleton("Bakker")
    (True, False)
    """
    w = re.sub(r"[^a-z]", "", fold(word))
    if not w:
        return ""
    for a, b in _TRANSLIT:
        w = w.replace(a, b)
    w = re.sub(r"(.)\1+", r"\1", w)  # doubled letters: Hassan / Hasan
    out = ["a" if w[0] in _VOWELS else w[0]]
    for prev, c in zip(w, w[1:], strict=False):
        if c in _VOWELS or (c == "h" and prev not in _VOWELS):
            continue
        out.append(c)
    key = "".join(out)
    if key.endswith("d") and len(key) > 2:
        key = key[:-1] + "t"
    return key


def skeletons(name: ParsedName) -> tuple[str, ...]:
    """The sorted skeletons of all name parts (given names, particles joined to the surname).

    Examples
    --------
    >>> skeletons(parse_name("Abdel Rahman Youssef")) == skeletons(parse_name("Abdel Rahman Yusuf"))
    True
    """
    parts = [*name.given, "".join((*name.particles, name.surname))]
    if any(not p.replace("-", "").replace("'", "").isalpha() for p in parts):
        return ()  # digits or other marks: not a name to transliterate
    return tuple(sorted(s for s in (skeleton(p) for p in parts if len(p) > 1) if s))
