"""Real word lists, read offline: how common a word is, and whether it is a person's name.

Two questions decide whether a capitalised word may leave in a non-personal product:

* **is it an ordinary word?** :attr:`WordLists.zipf` gives each word's frequency on the
  Zipf scale (``wordfreq``'s large Dutch and English lists, built from subtitles, news, web
  text and Wikipedia; 3 = once per million words, 6 = once per thousand), folded to lower case
  without accents;
* **is it a name?** :attr:`WordLists.first_names` and :attr:`WordLists.surnames`: deduce's
  Dutch first names and surnames (Dutch population registers) and the first and last names
  of Faker's person providers for 80-odd locales (Cyrillic and Greek transliterated).

A word can be both ("Mei", "Rose", "Visser", "Born", "Best"): callers decide those by
context, never by the word alone. Building the lists takes a few seconds; they are kept in
``$EMM_CACHE_DIR/vocabulary`` (public word lists only, no personal data) and load from there
in well under a second.

>>> lists = word_lists()
>>> lists.ordinary("organisaties"), lists.ordinary("Chukwuemeka")
(True, False)
>>> lists.is_name("Okafor"), lists.is_name("signalen")
(True, False)
>>> lists.ambiguous("Visser"), lists.ambiguous("Deliveroo")
(True, False)
"""

from __future__ import annotations

import importlib.util
import pickle
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from emm.anonymise.folding import fold_word

__all__ = [
    "COMMON",
    "RARE",
    "WordLists",
    "word_lists",
]

#: Zipf frequency from which a word counts as ordinary (about once in 30 million words).
RARE = 1.5
#: Zipf frequency of a common word (once in 300,000 words): "Board", "Children", "Legal".
COMMON = 3.5
#: From this Zipf frequency on, a word that is also a first name reads as a function word
#: ("en", "om", "door", "al": 6.3-7.4; the name "jan" is 5.2, "kim" 4.6).
FUNCTION_WORD = 6.0
_LANGUAGES = ("nl", "en")
_FORMAT = 3  # bump when the pickled layout changes

# Cyrillic and Greek names are written in Latin letters in Dutch and English reports.
_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
        "є": "ie", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "y", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a",
        "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ј": "j", "љ": "lj", "њ": "nj",
        "ћ": "c", "ђ": "dj", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
        "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
        "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
        "ω": "o",
    }
)  # fmt: skip


@dataclass(frozen=True)
class WordLists:
    """Word frequencies (folded word -> Zipf x 10, per language) and name lists (folded)."""

    zipf_nl: dict[str, int]
    zipf_en: dict[str, int]
    first_names: frozenset[str]
    surnames: frozenset[str]
    #: surnames written after a particle ("van Putten", "de Best", "Van der Goes")
    interfix_surnames: frozenset[str] = frozenset()

    def frequency(self, word: str, language: str | None = None) -> float:
        """The word's Zipf frequency (in ``language``, or the higher of Dutch and English)."""
        key = _key(word)
        if language == "nl":
            return self.zipf_nl.get(key, 0) / 10
        if language == "en":
            return self.zipf_en.get(key, 0) / 10
        return max(self.zipf_nl.get(key, 0), self.zipf_en.get(key, 0)) / 10

    def ordinary(self, word: str, threshold: float = RARE, language: str | None = None) -> bool:
        """Whether ``word`` (any case) is a word of Dutch or English at least this common."""
        return self.frequency(word, language) >= threshold

    def is_name(self, word: str) -> bool:
        """Whether ``word`` is on a first-name or surname list."""
        key = _key(word)
        return key in self.first_names or key in self.surnames

    def is_first_name(self, word: str) -> bool:
        return _key(word) in self.first_names

    def ambiguous(self, word: str, threshold: float = RARE) -> bool:
        """A name that is also an ordinary word ("Visser", "Mei", "Rose"): context decides."""
        return self.is_name(word) and self.ordinary(word, threshold)

    def __repr__(self) -> str:
        return (
            f"WordLists({len(self.zipf_nl)} nl, {len(self.zipf_en)} en words, "
            f"{len(self.first_names)} first names, {len(self.surnames)} surnames)"
        )


def _key(word: str) -> str:
    return fold_word(word.strip(".'’"))


# -- building --------------------------------------------------------------------------------


def _frequencies(language: str) -> dict[str, int]:
    import wordfreq

    out: dict[str, int] = {}
    for word, freq in wordfreq.get_frequency_dict(language, wordlist="large").items():
        zipf = wordfreq.freq_to_zipf(freq) if freq > 0 else 0.0
        if zipf < RARE:
            continue
        key = fold_word(word)
        value = round(zipf * 10)
        if value > out.get(key, 0):
            out[key] = value
    return out


def _latin(name: str) -> str | None:
    text = unicodedata.normalize("NFC", name.lower()).translate(_TRANSLIT)
    folded = fold_word(text)
    if not folded or not all(c.isascii() for c in folded):
        return None  # a script we do not transliterate (Arabic, Chinese, Korean...)
    return folded


def _faker_names() -> tuple[set[str], set[str]]:
    first: set[str] = set()
    last: set[str] = set()
    spec = importlib.util.find_spec("faker")
    if spec is None or spec.origin is None:
        return first, last
    import importlib as _importlib

    base = Path(spec.origin).parent / "providers" / "person"
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith("_")):
        try:
            module = _importlib.import_module(f"faker.providers.person.{folder.name}")
        except ImportError:  # pragma: no cover - a locale that needs an extra package
            continue
        provider = getattr(module, "Provider", None)
        for attr in dir(provider):
            # first_names, first_names_female, male_last_names, unisex_last_names...
            if attr.startswith("_") or "names" not in attr:
                continue
            if "first" in attr:
                target = first
            elif "last" in attr or "surname" in attr:
                target = last
            else:
                continue
            values = getattr(provider, attr)
            if isinstance(values, dict | tuple | list | set | frozenset):
                target.update(_name_words(values))
    return first, last


def _name_words(values: Iterable[object]) -> Iterator[str]:
    for value in values:
        if not isinstance(value, str):
            continue
        latin = _latin(value)
        if latin is None:
            continue
        yield latin
        # "Anna-Maria", "de Vries": the parts are names too (particles are not)
        for part in latin.replace("-", " ").split():
            if len(part) >= 2 and part not in _PARTICLES:
                yield part


#: particles inside names, not names of their own ("Do", "Le", "Ben" and "Al" are names)
_PARTICLES = frozenset(
    (
        "van",
        "de",
        "der",
        "den",
        "het",
        "ter",
        "ten",
        "te",
        "'t",
        "von",
        "vom",
        "zu",
        "und",
        "y",
        "e",
    )
)


def _deduce_names() -> tuple[set[str], set[str]]:
    from emm.anonymise.recognizers.lower_name import name_lists

    first, last = name_lists()
    return set(first), set(last)


def _deduce_interfix_surnames() -> set[str]:
    spec = importlib.util.find_spec("deduce")
    if spec is None or spec.origin is None:
        return set()
    path = Path(spec.origin).parent / "data/lookup/src/names/lst_interfix_surname/items.txt"
    if not path.exists():
        return set()
    out = set()
    for line in path.read_text("utf-8").splitlines():
        words = [w for w in fold_word(line).split() if w not in _PARTICLES]
        if words:
            out.add(" ".join(words))
    return out


def build_word_lists() -> WordLists:
    """Read wordfreq, deduce and Faker (a few seconds)."""
    first, last = _deduce_names()
    f2, l2 = _faker_names()
    first |= f2
    last |= l2
    for names in (first, last):
        names -= _PARTICLES
        names.discard("")
    return WordLists(
        zipf_nl=_frequencies("nl"),
        zipf_en=_frequencies("en"),
        first_names=frozenset(first),
        surnames=frozenset(last),
        interfix_surnames=frozenset(_deduce_interfix_surnames()),
    )


def _version_tag() -> str:
    parts = [str(_FORMAT)]
    for dist in ("wordfreq", "faker", "deduce"):
        try:
            parts.append(f"{dist}-{metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}-none")
    return "_".join(parts)


@cache
def word_lists(cache_dir: Path | None = None) -> WordLists:
    """The word lists, from ``<cache_dir>/vocabulary`` when built before (default
    ``$EMM_CACHE_DIR``)."""
    if cache_dir is None:
        from emm.anonymise.engine import default_cache_dir

        cache_dir = default_cache_dir()
    path = Path(cache_dir) / "vocabulary" / f"words-{_version_tag()}.pickle"
    if path.exists():
        try:
            with path.open("rb") as fh:
                loaded = pickle.load(fh)
            if isinstance(loaded, WordLists):
                return loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a broken cache is rebuilt
    lists = build_word_lists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(lists, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:  # pragma: no cover - a read-only cache folder still works, uncached
        pass
    return lists
