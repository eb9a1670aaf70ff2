"""The export gate's second, independent check: refuse by shape, not by recognition.

The recognisers (Presidio, deduce, the Dutch patterns) find identifiers they know how to
read; what they cannot read they let through. This check does not use them. It refuses every
piece of text *shaped* like something that could identify a person, unless the shape is one
that trend pictures are made of:

=========== ==================================================================================
rule        refused
=========== ==================================================================================
DIGITS      a run of 5 or more digits, separators (space, ``.``, ``-``, ``/``) ignored
MIXED       a token of 6 or more letters and digits mixed (``NXC3P7KD1``, ``12-abc-3``)
EMAIL       ``@``, ``[at]``, ``(at)``, ``name at domain dot com``
URL         ``http(s)://``, ``www.``, ``domain.tld/...``, ``wa.me/...``
HANDLE      ``@name``, a word with ``_``, the word after a platform ("instagram: lisa.x")
IP          IPv4 and IPv6 addresses
CAPITALS    a capitalised word (or run) not in the allowed vocabulary, or a name that is also
            a word where context makes it a name (:mod:`emm.anonymise.shape_words`)
NAME_CUE    an unknown lower-case word after a person cue ("verdachte pieter de vries")
LOWER_NAME  a first name in lower case where a person stands ("call vasko", "kev: ...")
NICKNAME    a quoted phrase after "bijnaam", "alias", "called"
ADJACENT    what is left next to a placeholder (:mod:`emm.anonymise.shape_context`)
RESIDUE     whatever touches a placeholder and is not plainly prose: initials, digits,
            codes, unknown words, names (:mod:`emm.anonymise.shape_residue`)
JOINED      a capitalised name joined to a person by "en"/"and" ("[PERSOON] and Sofia")
HOUSE       a house number with its street or addition word
LABELLED    digits or a code after a label that identifies ("pasnummer 1041")
LEGAL_FORM  a company with its legal form (B.V., Sp. z o.o., SRL, Ltd)
POSTCODE    a postcode in any case before a place
SPELLED     a number written out in words (:mod:`emm.anonymise.shape_spelled`)
BUSINESS    a firm's name with its kind, words in another script, dotted user names and
SCRIPT      values wrapped over two lines, chat speakers (:mod:`emm.anonymise.shape_business`)
WRAPPED
SPEAKER
PLATE       a foreign plate of two or three groups ("MKN 207", "4821 KZB") and the other
DATE        short codes and dates of birth of :mod:`emm.anonymise.shape_codes`
INITIALS    dotted initials: "G.J.P.", "o.j. ighodaro", a quoted "T."
            (:mod:`emm.anonymise.shape_initials`)
PERSON_NOUN a nationality noun for one person ("de Rus"), or one that is also a name
            ("telefoon Noor") (:mod:`emm.anonymise.shape_people`, as the next two)
QUOTED      the rest of a quoted contact name ('"oom [PERSOON]"'), an alias after a person
NAME_FIELD  the value after a name field's label ("Naam werknemer:")
NAMED       a word the sentence makes a name ("heet Saba", "Kruimel genoemd", a rank or a
            closing before it), also a place or a month (:mod:`emm.anonymise.shape_naming`,
            which also adds RESIDUE fragments: "[PERSOON] der", "nr. [KENMERK]")
MRZ         a passport's machine-readable line ("P<UKR[PERSOON]<<...")
=========== ==================================================================================

Allowed shapes: years and year ranges (``2019-2024``), counts and amounts written as numbers
(``12.500``, ``€ 1.250.000``), percentages, article references (``art. 273f Sr``), months
with a year and no day (``maart 2024``, ``2024-03``), directive and case-law numbers
(``2011/36/EU``, ``ECLI:NL:HR:2019:1234``), quarters (``2024-Q3``), ordinals and number
compounds (``21ste``, ``16-jarige``), the product's own id (``TIB-20261128-0001``) and its
placeholders (``[PERSOON]``). The allowed vocabulary is the Dutch and English word lists of
``wordfreq`` less every first name and surname (:mod:`emm.anonymise.vocabulary`), the
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

from emm.anonymise.disguise import plain_view, to_original
from emm.anonymise.entities import ALL_PLACEHOLDERS
from emm.anonymise.folding import fold_word
from emm.anonymise.gazetteer import Gazetteer, load_gazetteer
from emm.anonymise.lexicon import load_word_list
from emm.anonymise.lexicon import words as _words
from emm.anonymise.shape_business import (
    business_names,
    dotted_handles,
    other_scripts,
    quoted_nicknames,
    speakers,
    wrapped,
)
from emm.anonymise.shape_codes import find_codes
from emm.anonymise.shape_context import (
    NUMBER_LABEL,
    SERVICE_NUMBER,
    ContextRules,
    placeholder_kinds,
)
from emm.anonymise.shape_initials import InitialRules
from emm.anonymise.shape_naming import NamingRules
from emm.anonymise.shape_people import PeopleRules, article_names, house_names
from emm.anonymise.shape_residue import ResidueRules
from emm.anonymise.shape_spelled import spelled_numbers
from emm.anonymise.shape_words import ROLES, TITLES, WordRules, place_context, residence_ok
from emm.anonymise.vocabulary import WordLists, word_lists

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
    "legal act, public body or ordinary word, or a name that stands where a name stands "
    "(after a title, next to another name, mid-sentence), could be a person's name",
    "NAME_CUE": "an unknown word after 'verdachte', 'slachtoffer', 'mevrouw'... could be a "
    "name written in lower case",
    "LOWER_NAME": "a first name written in lower case ('bel vasko', 'kev: ...') could be a "
    "person's name",
    "NICKNAME": "a quoted word after 'bijnaam', 'alias', 'called'... is a working name",
    "ADJACENT": "this is left next to a replaced value (an initial, an addition, a legal "
    "form, a wrapped line) and may be part of it",
    "RESIDUE": "this touches a replaced value and is no ordinary word (an initial, digits, "
    "letters of a code, a name, a form of address): it may be what is left of the value",
    "JOINED": "a name joined to a replaced person by 'en'/'and' is a person too, also "
    "when it is the name of a place",
    "HOUSE": "a house number with its street or addition ('huisnr. 5', 'unit 2') points to a home",
    "LABELLED": "a number after a label such as 'pasnummer', 'klantnr.', 'zaak' points to "
    "one person or case",
    "LEGAL_FORM": "a company written with its legal form (B.V., SRL, Sp. z o.o.) is a small "
    "firm that can point to its owner; public bodies are in the gazetteer",
    "POSTCODE": "a postcode (also in lower case) before a place points to a street",
    "PLATE": "capitals and digits in groups ('MKN 207', 'KLB 48D', '4821 KZB') look like "
    "a licence plate",
    "DATE": "a date with its day before 2015, or anything after 'geboren'/'born', can be a "
    "date of birth; write the month and year, or an age group",
    "BUSINESS": "a firm's name with its kind ('Hotel ...', '... Flexpool') points to its "
    "owner; write the sector instead",
    "SCRIPT": "a word in another script (Chinese, Cyrillic, Arabic...) is often a name",
    "SPEAKER": "a name at the start of a chat line ('Mei: ...', 'babe: ...') is the person "
    "who wrote it",
    "WRAPPED": "a number, code or e-mail address broken over two lines",
    "SPELLED": "a number written out in words ('nul zes twaalf ...', 'nummer veertien') "
    "can be a phone, BSN or house number; write counts in digits",
    "INITIALS": "dotted letters ('G.J.P.', 'o.j.', a quoted 'T.') are what is left of a "
    "name; abbreviations such as 'o.a.' and 'N.B.' pass",
    "PERSON_NOUN": "a nationality noun for one person ('de Rus', 'die Bulgaar') or a "
    "nationality that is also a name ('telefoon Noor') points to someone; write the "
    "nationality as an adjective or a plural ('Russische verdachten')",
    "QUOTED": "the rest of a quoted contact or device name ('oom [PERSOON]' in quotes), or "
    "a quoted alias after a person, is part of the name",
    "NAME_FIELD": "the value of a field whose label says it is a name ('Naam werknemer: ...')",
    "NAMED": "the sentence says this is a name ('heet Saba', 'Kruimel genoemd', a title or "
    "rank before it, a closing greeting, a person in brackets after it), also when the word "
    "is a place, a month or an ordinary word",
    "MRZ": "a machine-readable passport or ID line ('P<UKR...<<...') holds a name and a "
    "document number",
}

_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z-]*\]")

_SEP = r"[ .\-/\u00a0]"  # keycaps ("0️⃣6️⃣...") are gone before: plain_view
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
#: "art. 433quinquies Sw.", "77bis": Latin ordinals of article numbers
_ARTICLE_SUFFIX = re.compile(
    r"(?<![\p{L}\d])\d{1,4}(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)"
    r"(?![\p{L}])"
)
_SERVICE_NUMBER = re.compile(rf"(?<![\d-])(?:{SERVICE_NUMBER.pattern})(?![\d-])")
#: Belgian circulars of the College of Procurators-General ("COL 01/2015")
_COL = re.compile(r"(?<![\p{L}])COL[ ]\d{1,2}/(?:19|20)\d\d")
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
#: a whole obfuscated address: "k.maj (at) eurowork-solutions . pl", "naam (at) hotmail (dot)
#: com", "p.jansen AT gmail DOT com": local part, an at-marker, labels joined by dot-markers
_AT_MARK = r"(?:\s*@\s*|\s*[\[({<]\s*(?:at|a|apenstaartje)\s*[\])}>]\s*|\s+(?:at|apenstaartje)\s+)"
_DOT_MARK = r"(?:\s*\.\s*|\s*[\[({<]\s*(?:dot|punt)\s*[\])}>]\s*|\s+(?:dot|punt)\s+)"
_OBFUSCATED = re.compile(
    rf"[\p{{L}}\d][\p{{L}}\d._+-]*{_AT_MARK}[\p{{L}}\d][\p{{L}}\d-]*(?:{_DOT_MARK}[\p{{L}}\d-]+)+",
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
    """What the shape check allows: word lists, proper terms (allowed with a capital
    anywhere), the gazetteer."""

    lists: WordLists
    proper: frozenset[str]  # folded allowed terms
    gazetteer: Gazetteer

    def ordinary(self, word: str) -> bool:
        """Whether ``word`` is an ordinary Dutch or English word ("trends", "zie")."""
        return self.lists.ordinary(word.rstrip("."))

    def allowed_capital(self, word: str) -> bool:
        low = _fast_fold(word)
        return low in self.proper or _possessive(low) in self.proper

    @property
    def words(self) -> WordRules:
        return WordRules(self.lists, self.proper, _MONTHS, self.gazetteer)

    @property
    def context(self) -> ContextRules:
        return ContextRules(self.lists, _public_names(self.gazetteer))

    @property
    def residue(self) -> ResidueRules:
        return ResidueRules(self.lists, self.proper, NUMBER_LABEL)


#: month names that are also names ("Mei", "June", "May", "April")
_MONTHS = _words("""januari februari maart april mei juni juli augustus september oktober november
    december january february march may june july august october""")


@cache
def _public_names(gazetteer: Gazetteer) -> frozenset[str]:
    from emm.anonymise.folding import word_key

    return frozenset(
        word_key(term).strip()
        for table in gazetteer.tables
        if table.category == "body"
        for term in table.all_terms()
    )


@cache
def default_vocabulary() -> Vocabulary:
    """``wordfreq`` less names (:func:`word_lists`), ``allowed_terms.txt``, the gazetteer."""
    return Vocabulary(
        lists=word_lists(),
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
        self._words = vocabulary.words
        self._context = vocabulary.context
        self._residue = vocabulary.residue
        self._initials = InitialRules(vocabulary.lists)
        self._people = PeopleRules(vocabulary.lists)
        lists = vocabulary.lists
        self._naming = NamingRules(
            lambda w: lists.is_name(w) or not lists.ordinary(w, 3.5), lists.is_name
        )

    @classmethod
    def default(cls) -> ShapeCheck:
        return cls(default_vocabulary())

    def find(
        self, text: str, *, rules: Iterable[str] | None = None, language: str = "nl"
    ) -> list[ShapeFinding]:
        """Refused spans in ``text``, sorted, overlaps merged (the first rule names them).

        The rules read the text as a reader sees it (:func:`plain_view`: no invisible
        characters, emoji or look-alike letters); the spans are the original text's."""
        if not text:
            return []
        view, index = plain_view(text)
        if index is None:
            return self._find(text, rules, language)
        return [
            ShapeFinding(f.rule, *to_original(index, f.start, f.end))
            for f in self._find(view, rules, language)
        ]

    def _find(self, text: str, rules: Iterable[str] | None, language: str) -> list[ShapeFinding]:
        wanted = set(rules) if rules is not None else set(RULES)
        holes = placeholder_spans(text)
        masked = _mask(text, holes)
        kept = self._kept(masked)
        words, context = self._words.for_language(language), self._context
        found: list[ShapeFinding] = []
        finders: list[tuple[str, Any]] = [
            ("EMAIL", self._emails),
            ("URL", self._urls),
            ("IP", self._ips),
            ("HANDLE", self._handles),
            ("DIGITS", self._digits),
            ("MIXED", self._mixed),
            ("MIXED", context.spaced_codes),
            ("CAPITALS", words.capitals),
            ("NAME_CUE", words.name_cues),
            ("LOWER_NAME", words.lower_names),
            ("NICKNAME", words.nicknames),
            ("HOUSE", context.houses),
            ("LABELLED", context.labelled),
            ("LEGAL_FORM", context.legal_forms),
            ("POSTCODE", context.postcodes),
            ("SPELLED", _spelled),
            ("SCRIPT", lambda t, k: other_scripts(t)),
            ("SPEAKER", self._speakers),
            ("HANDLE", lambda t, k: dotted_handles(t, lambda v: bool(_URL.fullmatch(v)))),
            ("WRAPPED", self._wrapped),
            ("INITIALS", lambda t, k: self._initials.initials(t)),
            ("PERSON_NOUN", lambda t, k: self._people.person_nouns(t)),
            ("NAME_FIELD", lambda t, k: self._people.name_fields(t)),
            ("BUSINESS", house_names),
        ]
        codes = [c for c in find_codes(masked, self._allowed_code) if c[0] in wanted]
        for rule, finder in finders:
            if rule not in wanted:
                continue
            for start, end in finder(masked, kept):
                if end > start:
                    found.append(ShapeFinding(rule, start, end))
        # on the text with its placeholders: "[PERSOON] Horeca Personeel", '[TELEFOON] "Limburger"'
        if "BUSINESS" in wanted:
            found += [ShapeFinding("BUSINESS", s, e) for s, e in self._business(text, kept)]
        if "NICKNAME" in wanted:
            found += [ShapeFinding("NICKNAME", s, e) for s, e in quoted_nicknames(text)]
        if "BUSINESS" in wanted:
            found += [
                ShapeFinding("BUSINESS", s, e)
                for s, e in article_names(text, kept, self.vocabulary.proper)
            ]
        if "QUOTED" in wanted and holes:
            found += [ShapeFinding("QUOTED", s, e) for s, e in self._people.quoted(text)]
        for rule, start, end in codes:
            if not _inside(kept, start, end):
                found.append(ShapeFinding(rule, start, end))
        if "ADJACENT" in wanted and holes:
            for start, end in context.adjacent(text, placeholder_kinds(text, holes), language):
                if end > start and not any(s <= start and end <= e for s, e in holes):
                    found.append(ShapeFinding("ADJACENT", start, end))
        if "RESIDUE" in wanted and holes:
            for start, end in self._residue.residue(text, placeholder_kinds(text, holes), kept):
                if end > start and not any(s <= start and end <= e for s, e in holes):
                    found.append(ShapeFinding("RESIDUE", start, end))
        if "JOINED" in wanted and holes:
            found += [ShapeFinding("JOINED", s, e) for s, e in self._residue.coordinated(text)]
        if "NAMED" in wanted:
            found += [
                ShapeFinding("NAMED", s, e)
                for s, e in self._naming.named(text)
                if not _inside_term(kept, s, e, _NEVER_NAMED)
            ]
        for rule, start, end in self._naming.fragments(text):
            if rule in wanted and end > start:
                found.append(ShapeFinding(rule, start, end))
        found += _repeats(masked, found)
        return _merge(found)

    def _speakers(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        lists = self.vocabulary.lists

        def plain(word: str) -> bool:
            # a role, a kinship word, or a word too common to be anyone's name ("friend")
            low = word.lower()
            return (
                low in ROLES
                or low in TITLES
                or lists.ordinary(word, 4.5)
                and not lists.is_first_name(word)
            )

        return speakers(
            text, lists.is_first_name, lists.is_name, plain, lambda s, e: _inside(kept, s, e)
        )

    def _business(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        for start, end in business_names(text, ()):
            if not _inside(kept, start, end):
                yield start, end

    def _wrapped(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        def refused(joined: str) -> Iterator[tuple[int, int]]:
            for finder in (self._digits, self._mixed, self._emails):
                yield from finder(joined, kept)

        return wrapped(text, refused)

    def _allowed_code(self, word: str) -> bool:
        """Capitals that are a term (a party, act, region), so no plate or postcode."""
        return self.vocabulary.allowed_capital(word) or word in self.vocabulary.gazetteer

    def _kept(self, masked: str) -> list[tuple[int, int, str]]:
        """Gazetteer terms and reference shapes (ECLI, article numbers) that stay."""
        kept = self.vocabulary.gazetteer.find(
            masked, lambda s, e, c: c != "residence" or self._residence_ok(masked, s, e)
        )
        for pattern in (_ECLI, _ARTICLE_SUFFIX, _SERVICE_NUMBER, _COL):
            kept.extend((m.start(), m.end(), "reference") for m in pattern.finditer(masked))
        return kept

    def _residence_ok(self, text: str, start: int, end: int) -> bool:
        return residence_ok(self.vocabulary.lists, text, start, end)

    # -- rules -------------------------------------------------------------------------------

    def _emails(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        for m in _OBFUSCATED.finditer(text):
            if _EMAIL.search(m.group()) or re.search(r"(?i)\b(?:dot|punt)\b|\(", m.group()):
                yield m.span()
        for m in _EMAIL.finditer(text):
            start = m.start()
            if text[start].isalpha():  # "lisa at gmail dot com": take the name before "at"
                while start > 0 and text[start - 1] == " ":
                    start -= 1
            yield _token_around(text, start, m.end())

    def _urls(self, text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
        for m in _URL.finditer(text):
            value = m.group().rstrip(".,;:)\"'”’\\>]")
            if "." not in value.strip("."):
                continue
            host = value.split("//")[-1].split("/")[0].lower().removeprefix("www.")
            if _only_abbreviation(value):
                continue
            path = value.split("//")[-1].partition("/")[2]
            public = host in _PUBLIC_DOMAINS or any(host.endswith("." + d) for d in _PUBLIC_DOMAINS)
            if public and not any(c.isdigit() for c in path) and path.count("/") < 2:
                continue  # a public site or page, not an advert or profile
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
                if _inside(kept, start, end):
                    continue  # a service number, an ECLI or COL reference
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
        # the head of an account number cut from its digits: "NL63 INGB\n[KENMERK]"
        for m in _IBAN_HEAD.finditer(text):
            yield m.span()


# -- helpers ---------------------------------------------------------------------------------

_PUBLIC_DOMAINS = load_word_list("public_domains")
_IBAN_HEAD = re.compile(
    r"(?<![\p{L}\d])(?:[A-Z]{2}\d{2}[ ]?[A-Z]{4}|[a-z]{2}\d{2}[ ]?[a-z]{4})(?=\s|\Z)"
)


_REPEATED = frozenset({"LABELLED", "MIXED", "DIGITS", "HOUSE", "NICKNAME", "LOWER_NAME", "NAMED"})
#: gazetteer categories a naming frame does not turn into a name ("called Europol", "Wav")
_NEVER_NAMED = frozenset({"body", "legal"})


def _repeats(text: str, found: list[ShapeFinding]) -> list[ShapeFinding]:
    """Every other occurrence of a refused code or name ("M-031" again without its label)."""
    terms = {text[f.start : f.end]: f.rule for f in found if f.rule in _REPEATED}
    out: list[ShapeFinding] = []
    for term, rule in terms.items():
        if len(term.strip()) < (2 if rule == "LOWER_NAME" else 3):
            continue
        pattern = re.compile(rf"(?<![\p{{L}}\d]){re.escape(term)}(?![\p{{L}}\d])")
        out += [
            ShapeFinding(rule, m.start(), m.end())
            for m in pattern.finditer(text)
            # a surname that is its town: "Lochem" the man, "bij Lochem" the place
            if rule != "NAMED" or not place_context(text, m.start())
        ]
    return out


def _spelled(text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
    return spelled_numbers(text)


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars)


def _possessive(word: str) -> str:
    for suffix in ("'s", "’s", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return word


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


def _inside_term(
    kept: list[tuple[int, int, str]], start: int, end: int, categories: frozenset[str]
) -> bool:
    return any(s <= start and end <= e and c in categories for s, e, c in kept)


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
