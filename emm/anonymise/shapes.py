"""The export gate's second, independent check: refuse by shape, not by recognition.

The recognisers (Presidio, deduce, the Dutch patterns) find identifiers they know how to
read; what they cannot read they let through. This check does not use them. It refuses every
piece of text *shaped* like something that could identify a person, unless the shape is one
that trend pictures are made of:

========== ==================================================================================
rule       refused
========== ==================================================================================
DIGITS     a run of 5 or more digits, separators (space, ``.``, ``-``, ``/``) ignored
MIXED      a token of 6 or more letters and digits mixed (``NXC3P7KD1``, ``12-abc-3``)
EMAIL      ``@``, ``[at]``, ``(at)``, ``name at domain dot com``
URL        ``http(s)://``, ``www.``, ``domain.tld/...``, ``wa.me/...``
HANDLE     ``@name``, a word with ``_``, the word after a platform ("instagram: lisa.x")
IP         IPv4 and IPv6 addresses
CAPITALS   a capitalised word (or run of them) that is not in the allowed vocabulary
NAME_CUE   an unknown lower-case word after a person cue ("verdachte pieter de vries")
========== ==================================================================================

Allowed shapes: years and year ranges (``2019-2024``), counts and amounts written as numbers
(``12.500``, ``€ 1.250.000``), percentages, article references (``art. 273f Sr``), months
with a year and no day (``maart 2024``, ``2024-03``), directive and case-law numbers
(``2011/36/EU``, ``ECLI:NL:HR:2019:1234``), quarters (``2024-Q3``), ordinals and number
compounds (``21ste``, ``16-jarige``), the product's own id (``TIB-20261128-0001``) and its
placeholders (``[PERSOON]``). The allowed vocabulary is a Dutch and English word list (the
lemma tables of the saved spaCy pipelines, used for sentence-initial words only), the
gazetteer (places, regions, countries, nationalities, legal acts, public bodies, parties)
and ``data/allowed_terms.txt`` (months, days, platforms, report words, acronyms).

(One module of about 500 lines: the rules share the allowed-shape helpers and must be read
together to see what passes.)

>>> check = ShapeCheck.default()
>>> [(f.rule, "BSN 111.222.333 en 12-abc-3"[f.start:f.end])
...  for f in check.find("BSN 111.222.333 en 12-abc-3")]
[('DIGITS', '111.222.333'), ('MIXED', '12-abc-3')]
>>> check.find("In 2024 kwamen 12.500 signalen uit Zeeland (art. 273f Sr, 2019-2024).")
[]

Long because: every shape rule sits next to its explanation and its allow-listed
exceptions; split, a rule would be read without the words that keep it from firing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex as re

from emm.anonymise.entities import ALL_PLACEHOLDERS
from emm.anonymise.folding import fold_word
from emm.anonymise.gazetteer import Gazetteer, load_gazetteer
from emm.anonymise.lexicon import NAME_PARTICLES, load_word_list
from emm.anonymise.lexicon import words as _words

__all__ = ["RULES", "ShapeCheck", "ShapeFinding", "Vocabulary", "placeholder_spans"]

#: rule code -> the explanation shown to the analyst with a finding
RULES: dict[str, str] = {
    "DIGITS": "a run of five or more digits could be a BSN, phone, V-number or account; "
    "write counts as 12.500, amounts with a currency, years as 2019-2024",
    "MIXED": "a code of letters and digits could be a plate, document or account number",
    "EMAIL": "looks like an e-mail address, also when written with [at] or 'dot'",
    "URL": "a web address or chat link could lead to a person",
    "HANDLE": "looks like a social-media account or handle",
    "IP": "an IP address points at a connection and so at a person",
    "CAPITALS": "a capitalised word that is not a place, region, country, nationality, "
    "legal act, public body or ordinary word could be a name",
    "NAME_CUE": "an unknown word after 'verdachte', 'slachtoffer', 'mevrouw'... could be a "
    "name written in lower case",
}

# inflections the lemma tables miss: English plurals and verb forms, Dutch plurals
_SUFFIXES = ("'s", "’s", "s", "es", "ed", "d", "ing", "en", "n", "e", "er", "ers", "ly", "t")

_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z-]*\]")

_SEP = r"[ .\-/\u00a0]"
_DIGIT_RUN = re.compile(rf"(?<![\p{{L}}\d])\+?\d(?:{_SEP}?\d)+(?![\p{{L}}\d])")
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s?[-–/]\s?(?:(?:19|20)\d\d|\d\d)")
_FORMATTED = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d{1,3}(?: \d{3})+")
_YEAR_MONTH = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])")
_DIRECTIVE = re.compile(r"(?:19|20)\d\d/\d{1,4}(?:/[A-Z]{2,3})?")
_PRODUCT_ID = re.compile(r"(?:QS|TIB|SIB|NCP|OIB|BI)-\d{8}-\d{4}")
_CURRENCY_BEFORE = re.compile(r"(?:€|EUR|eur|\$|£|USD|GBP)\s?$")
_CURRENCY_AFTER = re.compile(
    r"^\s?(?:%|procent|percent|euro|eur|dollar|pond|mln|miljoen|miljard|million|billion|k\b)",
    re.IGNORECASE,
)
_ECLI = re.compile(r"ECLI:[A-Z]{2}:[A-Z]{2,6}:\d{4}:[A-Z0-9.]{1,25}")
_KAMERSTUK = re.compile(
    r"(?:Kamerstukken|Stb\.|Stcrt\.|Staatsblad|Staatscourant)\s+(?:I{1,2}\s+)?$"
)

_TOKEN = re.compile(r"[^\s,;:()\[\]{}\"“”‘’'!?<>|*]+")
_MIXED_OK = (
    re.compile(r"(?:19|20)\d\d/\d{1,4}/(?:EU|EG|EC|EEG|EEC|JBZ|JHA|GBVB)", re.IGNORECASE),
    re.compile(r"(?:19|20)\d\d-?Q[1-4]|Q[1-4]-?(?:19|20)\d\d", re.IGNORECASE),
    re.compile(r"\d{1,4}(?:e|de|ste|th|st|nd|rd)", re.IGNORECASE),
    re.compile(r"\d{1,4}-\p{Ll}{3,}(?:-\p{Ll}+)*"),  # 16-jarige, 24-uurs, 3-kamerwoning
    re.compile(r"\p{Ll}{3,}-\d{1,4}"),  # covid-19, fase-2
    re.compile(r"(?:art|artikel|lid)\.?\d{1,4}\p{Ll}{0,3}", re.IGNORECASE),
    re.compile(r"(?:19|20)\d\d(?:s|'s)"),
)
_EMAIL = re.compile(
    r"@|[\[({]\s*(?:at|apenstaartje|a)\s*[\])}]"
    r"|(?<![\p{L}])(?:at|apenstaartje)\s+[\p{L}\d-]+\s*(?:\.|[\[(]?\s*(?:dot|punt)\s*[\])]?)\s*"
    r"(?:nl|com|net|org|be|de|eu|ro|bg|pl|info|co|uk|fr)(?![\p{L}])",
    re.IGNORECASE,
)
_TLDS = (
    "nl|com|net|org|be|de|eu|info|io|me|ru|ro|bg|pl|uk|fr|es|it|ua|tr|ng|gh|vn|cn|biz|xyz|"
    "app|online|site|shop|club|live|tv|ly|gl|to|co|us|ch|at|dk|se|no|fi|cz|sk|hu|gr|pt|lt|lv"
)
_URL = re.compile(
    rf"(?:https?://|www\.)\S+|(?<![\p{{L}}\d@.])[\p{{L}}\d-]+(?:\.[\p{{L}}\d-]+)*\.(?:{_TLDS})"
    rf"(?![\p{{L}}\d])(?:/\S*)?",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\p{L}\d])@[\p{L}\d_.]{2,}|(?<![\p{L}\d])[\p{L}\d]+_[\p{L}\d_]+")
_PLATFORM = re.compile(
    r"(?<![\p{L}])(?:instagram|insta|snapchat|snap|tiktok|telegram|facebook|fb|twitter|"
    r"whatsapp|signal|wechat|vk|onlyfans|tinder|grindr|kik|discord|skype|viber|account|"
    r"profiel|profile|gebruikersnaam|username|handle|alias)\s*(?:account|profiel|naam)?"
    r"\s*[:=]\s*(?P<h>[^\s,;()]+)",
    re.IGNORECASE,
)
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]\d)")
_IPV6 = re.compile(r"(?<![\p{L}\d:])(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{0,4}(?![\p{L}\d:])")
_WORD = re.compile(r"\p{L}[\p{L}\p{M}'’.-]*\p{L}|\p{L}")
_SENTENCE_END = frozenset(".!?:;•·–—*\n")
_OPENERS = frozenset(" \t\u00a0\"'“‘(-[")
_PERSON_CUES = _words("""verdachte verdachten slachtoffer slachtoffers betrokkene getuige aangever aangeefster
    mevrouw meneer heer dhr mevr mw genaamd alias bijnaam victim suspect witness named called
    mr mrs ms miss mister madam""")
_LOWER_RUN = re.compile(r"\p{Ll}[\p{Ll}\p{M}'’-]*")


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Where the stage's own placeholders (``[PERSOON]``, ``[BSN]``...) are in ``text``."""
    return [m.span() for m in _PLACEHOLDER.finditer(text) if m.group() in ALL_PLACEHOLDERS]


@dataclass(frozen=True, slots=True)
class ShapeFinding:
    """A refused shape at ``text[start:end]``; ``rule`` is a key of :data:`RULES`."""

    rule: str
    start: int
    end: int


@dataclass(frozen=True)
class Vocabulary:
    """What the shape check allows: ordinary words (sentence-initial only), proper terms."""

    words: frozenset[str]  # folded ordinary words (Dutch, English)
    proper: frozenset[str]  # folded words allowed with a capital anywhere
    gazetteer: Gazetteer

    def ordinary(self, word: str) -> bool:
        """Whether ``word`` is an ordinary word, inflections included ("trends", "zie")."""
        low = _fast_fold(word).rstrip(".")
        if low in self.words:
            return True
        for suffix in _SUFFIXES:
            if (
                low.endswith(suffix)
                and len(low) - len(suffix) >= 3
                and low[: -len(suffix)] in self.words
            ):
                return True
        return any(low + ending in self.words for ending in ("n", "en", "e"))

    def allowed_capital(self, word: str) -> bool:
        low = _fast_fold(word)
        return low in self.proper or _possessive(low) in self.proper


@cache
def default_vocabulary() -> Vocabulary:
    """The word lists of the saved spaCy pipelines, ``allowed_terms.txt`` and the gazetteer."""
    import spacy

    from emm.anonymise.build_nlp import pipeline_path

    words: set[str] = set()
    for language in ("nl", "en"):
        nlp = spacy.load(pipeline_path(language))
        pipe: Any = nlp.get_pipe("lemmatizer")
        table = pipe.lookups.get_table("lemma_lookup")
        words.update(map(_fast_fold, table.keys()))
        words.update(map(_fast_fold, table.values()))
        words.update(map(_fast_fold, nlp.Defaults.stop_words))
    words.update(load_word_list("common_words"))
    return Vocabulary(
        words=frozenset(words),
        proper=frozenset(fold_word(w) for w in load_word_list("allowed_terms")),
        gazetteer=load_gazetteer(),
    )


def _fast_fold(word: object) -> str:
    text = str(word)
    return text.lower() if text.isascii() else fold_word(text)


class ShapeCheck:
    """Refuse by shape (see the module doc). :meth:`find` returns the refused spans."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    @classmethod
    def default(cls) -> ShapeCheck:
        return cls(default_vocabulary())

    def find(self, text: str, *, rules: Iterable[str] | None = None) -> list[ShapeFinding]:
        """Refused spans in ``text``, sorted, overlaps merged (the first rule names them)."""
        if not text:
            return []
        wanted = set(rules) if rules is not None else set(RULES)
        masked = _mask(text, placeholder_spans(text))
        kept = self.vocabulary.gazetteer.find(
            masked, lambda s, e, c: c != "residence" or _after_place_word(masked, s)
        )
        found: list[ShapeFinding] = []
        for rule, finder in (
            ("EMAIL", self._emails),
            ("URL", self._urls),
            ("IP", self._ips),
            ("HANDLE", self._handles),
            ("DIGITS", self._digits),
            ("MIXED", self._mixed),
            ("CAPITALS", self._capitals),
            ("NAME_CUE", self._name_cues),
        ):
            if rule not in wanted:
                continue
            for start, end in finder(masked, kept):
                found.append(ShapeFinding(rule, start, end))
        return _merge(found)

    # -- rules -------------------------------------------------------------------------------

    def _emails(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        for m in _EMAIL.finditer(text):
            start = m.start()
            if text[start].isalpha():  # "lisa at gmail dot com": take the name before "at"
                while start > 0 and text[start - 1] == " ":
                    start -= 1
            yield _token_around(text, start, m.end())

    def _urls(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        for m in _URL.finditer(text):
            value = m.group().rstrip(".,;:)")
            if "." not in value.strip("."):
                continue
            host = value.split("//")[-1].split("/")[0].lower().removeprefix("www.")
            if _only_abbreviation(value):
                continue
            if host in _PUBLIC_DOMAINS or any(host.endswith("." + d) for d in _PUBLIC_DOMAINS):
                continue
            yield m.start(), m.start() + len(value)

    def _ips(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        for m in _IPV4.finditer(text):
            if all(int(p) <= 255 for p in m.group().split(".")):
                yield m.span()
        for m in _IPV6.finditer(text):
            if m.group().count(":") >= 3 or "::" in m.group():
                yield m.span()

    def _handles(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        for m in _HANDLE.finditer(text):
            yield m.span()
        for m in _PLATFORM.finditer(text):
            handle = m.group("h").rstrip(".")
            if handle and not self.vocabulary.ordinary(handle) and not handle.isdigit():
                yield m.start("h"), m.start("h") + len(handle)

    def _digits(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        for m in _DIGIT_RUN.finditer(text):
            for start, end in _split_run(text, m.start(), m.end()):
                value = text[start:end]
                if sum(c.isdigit() for c in value) < 5 or _allowed_number(text, start, end):
                    continue
                yield start, end

    def _mixed(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        for m in _TOKEN.finditer(text):
            token = m.group().rstrip(".-/")
            start = m.start()
            while token and not token[0].isalnum():
                token, start = token[1:], start + 1
            core = [c for c in token if c.isalnum()]
            if len(core) < 6 or not any(c.isdigit() for c in core):
                continue
            if not any(c.isalpha() for c in core):
                continue
            end = start + len(token)
            if _inside(kept, start, end) or _PRODUCT_ID.fullmatch(token):
                continue
            if any(p.fullmatch(token) for p in _MIXED_OK):
                continue
            if fold_word(token) in self.vocabulary.proper or _URL.fullmatch(token):
                continue
            yield start, end

    def _capitals(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        vocab = self.vocabulary
        run: list[tuple[int, int]] = []

        def refused(start: int, end: int) -> bool:
            word = text[start:end].rstrip(".")
            if _inside(kept, start, start + len(word)):
                return False
            if vocab.allowed_capital(word):
                return False
            if "-" in word and _compound_ok(word, vocab, sentence_start(start)):
                return False
            if sentence_start(start) and vocab.ordinary(word) and not word.isupper():
                return False
            if word.isupper() and len(word) <= 2:
                return False  # "A", "II", initials are left to the other rules
            return not (word.isupper() and vocab.ordinary(word) and _line_is_heading(text, start))

        def sentence_start(pos: int) -> bool:
            i = pos - 1
            while i >= 0 and text[i] in _OPENERS:
                i -= 1
            return i < 0 or text[i] in _SENTENCE_END

        for m in _WORD.finditer(text):
            word = m.group()
            if not word[0].isupper():
                if run and word.lower() in NAME_PARTICLES and m.start() - run[-1][1] == 1:
                    continue
                yield from _flush(run)
                run = []
                continue
            if run and m.start() - run[-1][1] > 1:
                yield from _flush(run)
                run = []
            if refused(m.start(), m.end()):
                run.append((m.start(), m.end()))
            else:
                yield from _flush(run)
                run = []
        yield from _flush(run)

    def _name_cues(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        vocab = self.vocabulary
        for m in _WORD.finditer(text):
            if m.group().lower().rstrip(".") not in _PERSON_CUES:
                continue
            pos = m.end()
            if pos < len(text) and text[pos] == ".":
                pos += 1
            nxt = _LOWER_RUN.match(text, pos + 1) if text[pos : pos + 1] == " " else None
            if nxt is None:
                continue
            word = nxt.group()
            if word in NAME_PARTICLES or word in vocab.words or _inside(kept, *nxt.span()):
                continue
            end = nxt.end()
            for follow in _LOWER_RUN.finditer(text, end + 1):
                stop = follow.start() != end + 1 or follow.group() in vocab.words
                if stop and follow.group() not in NAME_PARTICLES:
                    break
                end = follow.end()
            yield nxt.start(), end


# -- helpers ---------------------------------------------------------------------------------

_PUBLIC_DOMAINS = _words("""booking.com marktplaats.nl airbnb.com airbnb.nl politie.nl om.nl ind.nl rijksoverheid.nl overheid.nl wetten.overheid.nl
    nlarbeidsinspectie.nl inspectieszw.nl defensie.nl marechaussee.nl comensha.nl
    nationaalrapporteur.nl cbs.nl wodc.nl europa.eu europol.europa.eu eurojust.europa.eu
    frontex.europa.eu interpol.int un.org unodc.org ilo.org iom.int coe.int rechtspraak.nl
    kvk.nl rdw.nl belastingdienst.nl uwv.nl fairwork.nu meldmisdaadanoniem.nl
    slachtofferhulp.nl 113.nl""")


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars)


_PLACE_WORDS = _words("""in te uit bij naar nabij richting rond omgeving gemeente dorp regio plaats from to
    near via at around village town""")


_PLACE_NOUNS = _words("village town city municipality dorp stad gemeente kern haven port region")


def _after_place_word(text: str, start: int) -> bool:
    """ "in Linschoten", "te Elst", "Dorpsstraat 1, Elst": a village, not a surname."""
    before = text[max(0, start - 30) : start].rstrip()
    if before.endswith(","):
        return True
    words = [w.lower() for w in before.split()]
    if words and words[-1] in _PLACE_WORDS:
        return True
    return len(words) >= 2 and words[-1] in ("of", "van") and words[-2] in _PLACE_NOUNS


def _possessive(word: str) -> str:
    for suffix in ("'s", "’s", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return word


def _compound_ok(word: str, vocab: Vocabulary, at_start: bool) -> bool:
    """ "EU-burgers", "Wav-overtreding", "POL-signalen", "Oost-Europese": every part allowed."""
    parts = [p for p in word.split("-") if p]
    if len(parts) < 2:
        return False
    for i, part in enumerate(parts):
        if part in vocab.gazetteer or vocab.allowed_capital(part):
            continue
        if vocab.ordinary(part) and (i > 0 or at_start or part.islower()):
            continue
        return False
    return True


def _only_abbreviation(value: str) -> bool:
    """ "o.a.", "i.v.m.", "e.d." and "art.3" are not web addresses."""
    host = value.split("/")[0]
    return all(len(p) <= 3 for p in host.split(".")) and "/" not in value and "www" not in host


def _split_run(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A digit run split where a single space joins two groups that are two numbers.

    "2024 34 signalen" is a year and a count; "06 1234 5678", "111 222 333" and "1234 5678"
    are one number each: three or more groups, or two that make 8+ digits or start with 0/+.
    """
    value = text[start:end]
    groups = value.split(" ")
    if len(groups) != 2:
        return [(start, end)]
    digits = sum(c.isdigit() for c in value)
    two_numbers = any(_YEAR_ONLY.fullmatch(g) for g in groups) or any(
        _FORMATTED.fullmatch(g) and not g.isdigit() for g in groups
    )
    if (digits >= 8 or value[0] in "0+") and not two_numbers:
        return [(start, end)]
    first_end = start + len(groups[0])
    return [(start, first_end), (first_end + 1, end)]


def _allowed_number(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    before = text[max(0, start - 24) : start]
    after = text[end : end + 12]
    if _YEAR_RANGE.fullmatch(value) or _YEAR_MONTH.fullmatch(value):
        return True
    if _DIRECTIVE.fullmatch(value) and re.search(
        r"(?:richtlijn|directive|verordening|regulation|kaderbesluit|besluit|nr\.?)\s*(?:\(EU\)\s*)?$",
        before,
        re.IGNORECASE,
    ):
        return True
    if _FORMATTED.fullmatch(value):
        digits = sum(c.isdigit() for c in value)
        if digits <= 7 or _CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.match(after):
            return True
    if (_CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.match(after)) and re.fullmatch(
        r"\d+(?:[.,]\d{1,2})?", value
    ):
        return True
    if _KAMERSTUK.search(before):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    for m in _ECLI.finditer(text, line_start, min(len(text), end + 30)):
        if m.start() <= start and end <= m.end():
            return True
    for m in _PRODUCT_ID.finditer(text, max(0, start - 8), min(len(text), end + 8)):
        if m.start() <= start and end <= m.end():
            return True
    return False


def _inside(kept: list[tuple[int, int, str]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e, _ in kept)


def _line_is_heading(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    return not any(w.islower() for w in line.split())


def _flush(run: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    if run:
        yield run[0][0], run[-1][1]


def _token_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen an e-mail marker to the e-mail-like phrase around it (word chars and dots)."""
    s = start
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "._-+"):
        s -= 1
    e = end
    while e < len(text) and (text[e].isalnum() or text[e] in "._-+[]()"):
        e += 1
    while e > end and text[e - 1] in ".([":
        e -= 1
    return s, e


def _merge(found: list[ShapeFinding]) -> list[ShapeFinding]:
    out: list[ShapeFinding] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if out and f.start < out[-1].end:
            last = out[-1]
            if f.end > last.end:
                out[-1] = ShapeFinding(last.rule, last.start, f.end)
            continue
        out.append(f)
    return out
