"""The shape check's rules for people written without a name a list knows.

Part of :mod:`emm.anonymise.shapes`. Three ways case notes point at one person that the
CAPITALS rule lets through, because every word in them is a term or an ordinary word:

* **PERSON_NOUN**: a nationality noun for one person, with a determiner ("de Rus", "die
  Bulgaar", "the Pole"), or a nationality noun that is also a name where no nationality
  stands ("telefoon Noor", "Noor" without "een", "is", "als" before it). The nouns are in
  ``data/person_nouns.txt``; plurals and adjectives ("de Russen", "Roemeense werknemers")
  are not, so trend text keeps them.
* **QUOTED**: a contact or device name that was partly replaced: the words in a short quote
  with a person placeholder ('"oom [PERSOON]"', '"Galaxy [PERSOON]"'), and a quoted alias
  right after a person ('[PERSOON] ("Big K")').
* **NAME_FIELD**: the value of a form field whose label says it is a name ("Naam
  werknemer: Kristóf", "Name: Tunde").

Also here, for the BUSINESS rule: a name after the old article "'t" ("Frituur 't Hoekske")
and after a capitalised article inside a sentence ("my school, Het Amsterdams Lyceum").

>>> from emm.anonymise.vocabulary import word_lists
>>> rules = PeopleRules(word_lists())
>>> t = 'Volgens de buurman belde de Rus twee Roemeense vrouwen: "oom [PERSOON]".'
>>> [t[s:e] for s, e in rules.person_nouns(t)] + [t[s:e] for s, e in rules.quoted(t)]
['de Rus', 'oom']
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from emm.anonymise.entities import ALL_PLACEHOLDERS, PLACEHOLDERS
from emm.anonymise.folding import fold_word
from emm.anonymise.lexicon import load_word_list
from emm.anonymise.lexicon import words as _words
from emm.anonymise.shape_words import JOINERS, PERSON_VERBS, ROLES, TITLES
from emm.anonymise.vocabulary import WordLists

__all__ = ["PERSON_NOUNS", "PeopleRules", "article_names", "house_names"]

#: singular nationality nouns (folded): one person, never an adjective
PERSON_NOUNS = frozenset(fold_word(w) for w in load_word_list("person_nouns"))
#: before a noun for one person these make it a reference to someone known to the writer
DETERMINERS = _words("de die deze dezelfde diezelfde the that this")
#: before a nationality these make it a nationality, not a name ("een Noor", "is Noor")
NATIONALITY_CUES = _words("""een geen elke iedere ieder is was werd wordt zijn ben bent waren
    als a an one no every each is was as being become became""")
_PERSON = PLACEHOLDERS["PERSON"]
_CAPITALISED = re.compile(r"(?<![\p{L}\p{M}\d'’-])\p{Lu}[\p{L}\p{M}]*(?:-\p{Lu}[\p{L}\p{M}]*)?")
_WORD = re.compile(r"[\p{L}\p{M}\d][\p{L}\p{M}\d'’.-]*")
_SENTENCE_END = '.!?:;\n•*>|("“'
_QUOTE = re.compile(r"[\"“„«]([^\"”“«»\n]{1,60})[\"”»]")
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z-]*\]")
#: a quoted alias right after a person: '[PERSOON] ("Big K")', '[PERSOON] "Big K"'
_ALIAS_AFTER = re.compile(r"\[PERSOON\][ ]?\(?[ ]?[\"“„«']([^\"”“«»'\n]{1,40})[\"”»']")
#: words that may open a contact name before its placeholder ("oom", "mama", "Tante")
_CONTACT_WORDS = ROLES | TITLES | JOINERS | _words("mama mam papa pap ma pa mummy mommy aunty")
_FIELD = re.compile(
    r"(?im)^[ \t>•*\-]*(?P<label>[\p{L} ]{0,30}?\b(?:naam|namen|name|names|voornaam|achternaam|"
    r"roepnaam|bijnaam|surname|forename)\b[\p{L} ]{0,20}?)[ \t]*:[ \t]*"
    r"(?P<value>[^\n\t|;]*?)(?=[ ]{3,}|\t|\||;|\n|$)"
)


class PeopleRules:
    """PERSON_NOUN, QUOTED and NAME_FIELD over one vocabulary (see the module doc)."""

    def __init__(self, lists: WordLists) -> None:
        self.lists = lists

    # -- PERSON_NOUN --------------------------------------------------------------------------

    def person_nouns(self, text: str) -> Iterator[tuple[int, int]]:
        """Nationality nouns that stand for one person (see the module doc)."""
        for m in _CAPITALISED.finditer(text):
            word = m.group()
            key = fold_word(word)
            if key not in PERSON_NOUNS:
                continue
            start, end = m.span()
            prev = _word_before(text, start)
            if prev is not None and prev[0].lower() in DETERMINERS:
                yield prev[1], end  # "de Rus", "De Bulgaar", "the Pole"
                continue
            if _opens_sentence(text, start):
                nxt = re.match(r"[ ]+(\p{L}+)", text[end:])
                if nxt is not None and nxt.group(1).lower() in PERSON_VERBS:
                    yield start, end  # "Rus verklaarde": a nickname acts
                continue
            if not self.lists.is_name(word):
                continue
            if prev is not None and (
                prev[0].lower() in NATIONALITY_CUES or prev[0].isdigit() or _adjective(prev[0])
            ):
                continue  # "een Noor", "is Noor", "twee jonge Noren"
            yield start, end  # "telefoon Noor": the name, not the nationality

    # -- QUOTED ---------------------------------------------------------------------------

    def quoted(self, text: str) -> Iterator[tuple[int, int]]:
        """The rest of a partly replaced contact name, and a quoted alias after a person."""
        for m in _QUOTE.finditer(text):
            inner = m.group(1)
            if _PERSON not in inner:
                continue
            rest = [
                w
                for w in _WORD.finditer(_PLACEHOLDER.sub(lambda p: " " * len(p.group()), inner))
                if w.group()
            ]
            if not rest or len(rest) > 3:
                continue  # only a placeholder, or a quoted sentence
            if all(w.group()[0].isupper() or w.group().lower() in _CONTACT_WORDS for w in rest):
                base = m.start(1)
                for w in rest:
                    yield base + w.start(), base + w.end()
        for m in _ALIAS_AFTER.finditer(text):
            alias = m.group(1).strip()
            if alias in ALL_PLACEHOLDERS or not any(c.isupper() for c in alias):
                continue
            if len(alias.split()) <= 4:
                yield m.start(1), m.end(1)

    # -- NAME_FIELD -------------------------------------------------------------------------

    def name_fields(self, text: str) -> Iterator[tuple[int, int]]:
        """What follows a name field's label, up to the next field or the line's end."""
        for m in _FIELD.finditer(text):
            value = m.group("value")
            for w in _WORD.finditer(value):
                token = w.group()
                if token.lower() in _CONTACT_WORDS or not any(c.isalpha() for c in token):
                    continue
                if (
                    token.islower()
                    and not self.lists.is_name(token)
                    and self.lists.ordinary(token, 3.0)
                ):
                    continue  # "Naam: onbekend"
                start = m.start("value") + w.start()
                if text[start - 1 : start] == "[":
                    continue  # inside a placeholder
                yield start, start + len(token.rstrip("."))


def house_names(text: str, kept: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
    """A name after the old article "'t" ("Frituur 't Hoekske", "café 't Pleintje"): the way
    pubs, shops and farms are named; places so written ("'t Zandt") are gazetteer terms."""
    for m in _HOUSE_NAME.finditer(text):
        if not any(s <= m.start() and m.end() <= e for s, e, _ in kept):
            yield m.start(1), m.end(1)


def article_names(
    text: str, kept: list[tuple[int, int, str]], allowed: frozenset[str] = frozenset()
) -> Iterator[tuple[int, int]]:
    """A capitalised article inside a sentence opens a proper name ("my school, Het
    Amsterdams Lyceum", "(De [ORGANISATIE])"): a firm, school or house not in the gazetteer
    ("Den Haag", "De Bilt", "Eenheid Den Haag", "Kompaan en De Bocht" are terms and stay) nor among the ``allowed`` terms (folded:
    newspapers, "De Telegraaf")."""
    for m in _ARTICLE_NAME.finditer(text):
        if any(s <= m.start() and m.end(1) <= e for s, e, _ in kept):
            continue
        words = m.group().split(" ")
        if any(fold_word(" ".join(words[:n])) in allowed for n in range(2, len(words) + 1)):
            continue
        if m.group(1) in ALL_PLACEHOLDERS:
            yield m.start(), m.start() + len(m.group().split(" ", 1)[0])
        else:
            yield m.start(), m.end(1)


_ARTICLE_NAME = re.compile(
    r"(?<=[\p{L}\p{M}\d,;(] |\()(?:De|Het|Den)[ ]"
    r"(\p{Lu}[\p{L}\p{M}'’-]+(?:[ ]\p{Lu}[\p{L}\p{M}'’-]+)*|\[(?:ORGANISATIE|PERSOON)\])"
)
_HOUSE_NAME = re.compile(
    r"(?<![\p{L}\p{M}])['’]t[ ](\p{Lu}[\p{L}\p{M}]+(?:[ ]\p{Lu}[\p{L}\p{M}]+)?)"
)


def _word_before(text: str, start: int) -> tuple[str, int] | None:
    """The word right before ``start`` (one space between), with its start."""
    m = re.search(r"([\p{L}\d]+)[ ]\Z", text[max(0, start - 30) : start])
    if m is None:
        return None
    return m.group(1), start - len(m.group(0))


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END


def _adjective(word: str) -> bool:
    """A Dutch inflected adjective or a count word before a noun ("jonge", "twee")."""
    low = word.lower()
    return (low.endswith("e") and len(low) > 3 and low not in DETERMINERS) or low in _COUNTS


_COUNTS = _words("twee drie vier vijf zes zeven acht negen tien enkele sommige veel vele two")
