"""The shape check's word rules: capitalised words, and names written in lower case.

Part of :mod:`emm.anonymise.shapes` (the export gate's check that does not use the
recognisers). A word is judged by what it is and where it stands:

* **CAPITALS**: a capitalised word (or run of them) is refused unless it is in the allowed
  vocabulary: the gazetteer, the allowed terms (months, platforms, report words), an acronym
  that is no name, or an ordinary Dutch or English word (:mod:`emm.anonymise.vocabulary`)
  that is on no list of first names or surnames. A word that is both an ordinary word and a
  name ("Visser", "Rose", "Mei", "Born") is decided by context: refused after a title or
  role ("mevrouw Mei"), next to another refused word, alone in the middle of a sentence, or
  opening a sentence whose verb says a person acts ("Do verklaarde"); allowed when it opens
  an ordinary sentence, stands in a heading, or sits in a run of ordinary words ("Erasmus
  MC"). A place that is also a surname is a person after a particle that opens a phrase
  ("Aanhouding in Putten: van Putten"); a month that is a name is a month next to a number
  or after "in", "sinds", "since".
* **NAME_CUE**: an unknown lower-case word after a person cue ("verdachte pieter").
* **LOWER_NAME**: a first name written in lower case, when it is rare as a word
  ("vasko", "nelu"), or in a person's place: after "bel", "call", "ask for", "bij",
  "welke", as a chat speaker ("kev: ..."), or before a particle and surname ("jan de
  vries"), and particle compounds such as "al-hassan".
* **NICKNAME**: a quoted phrase after "bijnaam", "alias", "noemt", "called", "known as".

Long because: the four word rules share the cue tables and the sentence-position helpers, and
what one rule lets through is what the next one is there to catch.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from typing import Any

import regex as re

from emm.anonymise.lexicon import words as _words
from emm.anonymise.vocabulary import COMMON, FUNCTION_WORD, RARE, WordLists

__all__ = ["Kept", "WordRules", "compound_word", "spoken"]

Kept = list[tuple[int, int, str]]

_WORD = re.compile(r"\p{L}[\p{L}\p{M}'’.-]*\p{L}|\p{L}")
# (a dash separates fields in lists and tables: "Badge 12 – Ola – 59 h"; not a sentence end)
_SENTENCE_END = frozenset(".!?:;•·*\n>|")
_OPENERS = frozenset(" \t\u00a0\"'“‘„«(-[")

#: Titles and roles before a person's name.
TITLES = _words("""mevrouw meneer heer dhr dhr. mevr mevr. mw mw. mr mr. mrs mrs. ms ms. miss mister
    madam madame sir juffrouw dr dr. fam fam. familie pana domnul doamna pan pani gospodin""")
ROLES = _words("""verdachte verdachten slachtoffer slachtoffers betrokkene getuige aangever
    aangeefster genaamd genaamde alias bijnaam roepnaam werknaam familienaam achternaam voornaam
    victim suspect witness named called surname nickname aka
    zus zuster broer zoon dochter moeder vader neef nicht oom tante vriendin schoonzus zwager
    sister brother son daughter mother father cousin nephew niece uncle aunt girlfriend
    boyfriend buurman buurvrouw collega neighbour neighbor colleague""")
#: Verbs that say a person acts: an ambiguous word before them opens a sentence as a name.
PERSON_VERBS = _words("""verklaarde verklaart zei zegt belde belt vertelde vertelt werkte werkt woonde
    woont kwam komt gaf geeft stuurde stuurt betaalde betaalt bleek wilde wil moest kon zou
    liet nam reed vluchtte werd bevestigde ontkende erkende weigerde toonde verbleef
    verblijft huurde huurt ronselde regelde bracht haalde opende beheert beheerde is was
    heeft had said says told tells called calls worked works lived lives came comes gave
    gives sent sends paid pays stated confirmed denied admitted refused showed drove
    stayed rented recruited arranged brought collected runs ran manages managed has
    arrived arrives left fled escaped moved travelled traveled vertrok vluchtte arriveerde""")
_MONTH_CUES = _words("""in sinds tot vanaf eind begin medio half halverwege per van of t/m en
    since until from by early late mid end during between and before after""")
#: Words before a lower-case name that give it a person's place.
LOWER_CUES = _words("""bel belt belde bellen call calls called ask vraag vragen bij met voor aan
    naar welke tegen to with for from tell told text app whatsapp stuur send meet met
    heet noemt named name naam""")
GREETINGS = _words("hi hey hoi hallo hello dear beste lieve hee yo thanks bedankt dank groet")
#: words after which a name is the person spoken to or about ("tell Saba", "hoi Noor"); a
#: place or word that is also a name is a person there
ADDRESSED = GREETINGS | _words("""tell tells told ask asks asked bel belt belde vraag vraagt
    vroeg zeg text texted app appt appte greet meet""")
#: kinship words that open a name in chats ("tell Mummy Gift", "bel Auntie Jo")
KIN_FORMS = _words("mummy mommy mama mam aunty auntie uncle papa sister brother bro sis")
#: below this Zipf frequency (in the text's language) a name that is also a word opens a
#: sentence as a name ("Tunde" 2.1, "Sabri" 2.1); ordinary openers are far more common
RARE_AT_START = 2.5
#: how common a lower-case surname must be to open a sentence as a word ("mulder" is 4.0)
_SURNAME_AS_WORD = 4.5
#: verbs after which "als"/"as" names a person ("herkende als", "known as")
IDENTIFYING = _words("""herkende herkend herken bekend legitimeerde identificeerde identified known
    recognised recognized registered ingeschreven staat stond""")
_DOMAIN = re.compile(r"\.(?:nl|com|be|de|eu|org|net|info|co\.uk|uk)$", re.IGNORECASE)
_TITLE_JOINERS = frozenset(
    {"of", "the", "for", "and", "van", "voor", "en", "de", "der", "het", "&"}
)
_PLACE_ENDING = re.compile(
    r"(?:haven|plein|straat|laan|gracht|kade|singel|dreef|steeg|markt|plantsoen|boulevard|"
    r"park|brug|sluis|tunnel)$"
)
NAMING = _words("""bijnaam alias genaamd noemt noemde noemen genoemd heet heette roepnaam
    werknaam called named nickname aka known""")
PARTICLES = _words("van de der den ter ten te 't von vom da di du le la del della dos das")
#: Lower-case particles that join parts of one name ("Anna de Wit", "Omar bin Laden").
JOINERS = PARTICLES | _words("bin ben bint ibn al el abu ould")
#: Words that may start a sentence and are never a name or part of one.
FUNCTION = _words("""de het een in op van voor na om als en of met bij uit aan tot door naar te
    dit dat deze die er ook maar nog wel niet geen zo toen wanneer waar wat wie hoe
    the a an in on at to for by of and or as from with this that these those it there
    also but not no so when where what who how if our we they their its all some many""")
_LOWER_RUN = re.compile(r"\p{Ll}[\p{Ll}\p{M}'’-]*")
#: what may stand before a chat speaker's name on its line: a time, a bullet, a quote mark
_SPEAKER_PREFIX = re.compile(r"[ \t>•*\-]*(?:\[?\d{1,2}[:.]\d{2}(?::\d{2})?\]?)?[ \t\-]*")
_NUMBER_NEAR = re.compile(r"^\s*(?:\d{1,4}\b|')|\d{1,2}\s*$")
_DEVICE_OWNER = re.compile(r"(?<![\p{L}\d])[\p{L}\d]+-(?:van|of|de|di)-(\p{L}{3,})(?![\p{L}])")
_TAIL_NAME = re.compile(r"(?<![\p{L}\d])\p{Ll}[\p{L}\d]*-(\p{Lu}\p{Ll}{2,})(?![\p{L}-])")
#: a word (or two) before "(werknaam)", "(bijnaam)", "(alias)": a working name
_NAME_LABEL = (
    r"\((?:werknaam|werknamen|bijnaam|bijnamen|alias|roepnaam|working names?|nicknames?|"
    r"alias names?)\)"
)
_WORKING_NAME = re.compile(
    r"(\p{L}[\p{L}'’-]*(?:[ ]\p{Lu}[\p{L}'’-]*)?)[ ]?" + _NAME_LABEL, re.IGNORECASE
)
#: the label alone: the name pattern is tried only just before one (tried at every letter
#: of a report it cost more than the rest of the rule)
_NAME_LABEL_ONLY = re.compile(_NAME_LABEL, re.IGNORECASE)
_QUOTED = re.compile(r"[\"“„«']([^\"”“«»'\n]{1,60})[\"”»']")
_LETTERS = re.compile(r"\p{L}+")
_SINGLE_WORD = re.compile(r"\p{L}[\p{L}'’-]+")


@dataclass(frozen=True)
class WordRules:
    """The word rules over one vocabulary (see the module doc)."""

    lists: WordLists
    proper: frozenset[str]  # folded allowed terms (months, platforms, report words)
    months: frozenset[str]  # folded month names (a subset of ``proper``)
    gazetteer: Any = None  # emm.anonymise.gazetteer.Gazetteer: parts of compounds
    language: str = "nl"

    # -- classification -----------------------------------------------------------------

    def _allowed_word(self, word: str) -> bool | None:
        """True: allowed anywhere; False: refused; None: ambiguous (a name and a word)."""
        w = word.rstrip(".")
        low = _fold(w)
        name = self.lists.is_name(w)
        if low in self.proper or _possessive(low) in self.proper:
            return None if name else True
        letters = [c for c in w if c.isalpha()]
        if w.isupper() and 2 <= len(letters) <= 6:
            if len(letters) >= 4 and spoken(letters) and not self.lists.ordinary(w):
                return False  # a surname in capitals (TUDOSE, HOXHA); acronyms are terms
            return None if name else True  # an acronym: SZW, KPCN, EMPACT
        if len(letters) == 1:
            return True  # "A", an initial: judged next to a placeholder or a name
        if "-" in w.strip("-"):
            parts = [p for p in w.split("-") if p]
            verdicts = [self._allowed_part(p) for p in parts]
            return all(verdicts)
        if self.lists.ordinary(w) or self.lists.ordinary(_possessive(low)):
            return None if name else True
        if name:
            return False
        # a place built as a street ("Beatrixhaven", "Prins Clausplein" without a number)
        if _PLACE_ENDING.search(low) and len(low) >= 7:
            return True
        return _compound(self.lists, low)

    def for_language(self, language: str) -> WordRules:
        return self if language == self.language else replace(self, language=language)

    def _allowed_part(self, part: str) -> bool:
        low = _fold(part)
        if self.gazetteer is not None and part in self.gazetteer:
            return True
        if self.lists.is_name(part) and not (part.isupper() and len(part) <= 6):
            return self.lists.ordinary(part, COMMON)
        return (
            low in self.proper
            or self.lists.ordinary(part)
            or (part.isupper() and len(part) <= 6)
            or low in _COMPASS
            or _compound(self.lists, low)
        )

    # -- CAPITALS ---------------------------------------------------------------------------

    def capitals(self, text: str, kept: Kept) -> Iterator[tuple[int, int]]:
        """Refused capitalised words and runs (see the module doc)."""
        tokens = list(_WORD.finditer(text))
        verdict: list[bool | None] = []  # per token: True allowed, False refused, None n/a
        for i, m in enumerate(tokens):
            word = m.group()
            if not word[0].isupper():
                verdict.append(None)
                continue
            verdict.append(self._judge(text, tokens, i, kept))
        self._surname_first(text, tokens, verdict, kept)
        # a device named after its owner in lower case: "galaxy-van-gijs"
        for m in _DEVICE_OWNER.finditer(text):
            if self.lists.is_name(m.group(1)) and not _inside(kept, m.start(1), m.end(1)):
                yield m.start(1), m.end(1)
        # a name after a lower-case head: "iPhone-Dragos", "team-Okafor"
        for m in _TAIL_NAME.finditer(text):
            name = m.group(1)
            if (
                self.lists.is_name(name)
                and not self.lists.ordinary(name, COMMON)
                and not _inside(kept, m.start(1), m.end(1))
            ):
                yield m.start(1), m.end(1)
        # a refused word takes its capitalised neighbours with it ("Baltic" + "Okafor")
        i = 0
        while i < len(tokens):
            if verdict[i] is not False:
                i += 1
                continue
            start = i
            while start > 0 and self._joins(text, tokens, start - 1, start, verdict):
                start -= 1
            end = i
            while end + 1 < len(tokens) and self._joins(text, tokens, end, end + 1, verdict):
                end += 1
            while start < i and not tokens[start].group()[0].isupper():
                start += 1  # no particle before the name
            while end > i and not tokens[end].group()[0].isupper():
                end -= 1
            yield tokens[start].start(), tokens[end].end()
            i = end + 1

    def _surname_first(
        self, text: str, tokens: list[re.Match[str]], verdict: list[bool | None], kept: Kept
    ) -> None:
        """ "SURNAME, Given" (registers, lists of witnesses): before a comma and a refused
        given name, a surname in capitals or on a surname list is refused too, with the
        particles and capitals before it ("DE VRIES, Anna", "Visser, Karin")."""
        for i in range(1, len(tokens)):
            given = tokens[i].group()
            if text[tokens[i - 1].end() : tokens[i].start()] != ", " or given.isupper():
                continue
            if not given[0].isupper() or not (
                verdict[i] is False or self.lists.is_first_name(given)
            ):
                continue
            k = i - 1
            word = tokens[k].group()
            if not word[0].isupper():
                continue
            caps = word.isupper() and sum(c.isalpha() for c in word) >= 2
            if not (caps or self.lists.is_name(word)):
                continue
            if _inside(kept, tokens[i].start(), tokens[i].end()) or (
                not caps and _inside(kept, tokens[k].start(), tokens[k].end())
            ):
                continue  # "Oss, Best, Ede": a list of places
            verdict[i] = verdict[k] = False
            while k > 0 and text[tokens[k - 1].end() : tokens[k].start()] == " ":
                before = tokens[k - 1].group()
                if not (before.lower() in JOINERS or (caps and before.isupper())):
                    break
                k -= 1
                verdict[k] = False

    def _joins(
        self, text: str, tokens: list[re.Match[str]], a: int, b: int, verdict: list[bool | None]
    ) -> bool:
        """Whether token ``a`` and ``b`` belong to one name (only a space between)."""
        if text[tokens[a].end() : tokens[b].start()] != " ":
            return False
        for k in (a, b):
            word = tokens[k].group()
            if verdict[k] is None and word.lower() not in JOINERS:
                return False
            if (
                word.lower() in FUNCTION
                and word[0].isupper()
                and _sentence_start(text, tokens[k].start())
            ):
                return False
        return True

    def _judge(self, text: str, tokens: list[re.Match[str]], i: int, kept: Kept) -> bool:
        m = tokens[i]
        word = m.group()
        if _DOMAIN.search(word):
            return True  # "Kinky.nl": a web address, judged by the URL rule
        start, end = m.start(), m.end()
        prev = tokens[i - 1].group().lower() if i > 0 else ""
        prev2 = tokens[i - 2].group().lower() if i > 1 else ""
        gap_before = text[tokens[i - 1].end() : start] if i > 0 else ""
        cue = prev.rstrip(".") in TITLES or prev in TITLES or prev in ROLES
        cue = cue and gap_before.strip(" :,") == ""
        # "herkende als Den Haag", "known as Rose": an identification names a person
        cue = cue or (prev in ("als", "as") and prev2 in IDENTIFYING and gap_before == " ")
        # "tell Saba", "bel Noor", "hoi Mark": one speaks to a person, not a place
        cue = cue or (
            prev in ADDRESSED
            and gap_before == " "
            and (self.lists.is_name(word) or word.lower() in KIN_FORMS)
        )
        quoted = text[start - 1 : start] in "\"“'‘" and text[end : end + 1] in "\"”'’" and start > 0
        term = next(((s, e, c) for s, e, c in kept if s <= start and end <= e), None)
        if term is None and word.endswith(("'s", "’s")):
            # "RIEC's", "COROP's": the plural or genitive of a gazetteer term
            term = next(((s, e, c) for s, e, c in kept if s == start and end - 2 == e), None)
        if term is not None:
            return self._judge_term(text, tokens, i, term, cue)
        allowed = self._allowed_word(word)
        if allowed is False:
            return False
        low = _fold(word.rstrip("."))
        if allowed is True and low in KIN_FORMS and prev in ADDRESSED and gap_before == " ":
            return False  # "tell Mummy Gift": a kinship word opens the name of the one spoken to
        if allowed is True and low in PARTICLES and _sentence_start(text, start):
            nxt_tok = tokens[i + 1] if i + 1 < len(tokens) else None
            if (
                nxt_tok is not None
                and text[end : nxt_tok.start()] == " "
                and nxt_tok.group().lower() in PERSON_VERBS
            ):
                return False  # "Van werkte bij...": no particle opens a sentence before a verb
        if allowed is True:
            # an ordinary word after a title is a name ("mevrouw Bos" is "Bos" the name)
            return not (cue and prev.rstrip(".") in TITLES and len(word) > 1)
        # ambiguous: a name that is also a word, a month or an acronym
        if cue or quoted:
            return False
        if prev == "het" and gap_before == " ":
            return True  # "het Westland": a neuter article takes a region, never a person
        if low in self.months and self._month_context(text, start, end, prev):
            return True
        at_start = _sentence_start(text, start)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        nxt_word = nxt.group() if nxt is not None else ""
        joined_next = nxt is not None and text[end : nxt.start()] == " "
        heading = _heading(text, start, self.lists)
        if at_start and not heading and self.lists.frequency(word, self.language) < RARE_AT_START:
            return False  # "Tunde will bring you": a name that is only a rare word
        if at_start or heading:
            return not (joined_next and nxt_word.lower() in PERSON_VERBS)
        # mid-sentence: allowed inside a run of capitalised ordinary words ("Erasmus MC",
        # "Council of the Baltic Sea States")
        for step in (-1, 1):
            k = i + step
            while 0 <= k < len(tokens) and tokens[k].group() in _TITLE_JOINERS:
                if not _adjacent(text, tokens, min(k, k - step), max(k, k - step)):
                    break
                k += step
            if 0 <= k < len(tokens) and _adjacent(text, tokens, min(k, k - step), max(k, k - step)):
                other = tokens[k].group()
                # a capitalised particle marks a surname, not a run of words: "De Vries",
                # "Van der Meer" (a place after one is judged as a term)
                if (
                    other[0].isupper()
                    and other.lower() not in PARTICLES
                    and self._allowed_word(other) is True
                ):
                    return True
        return False

    def _judge_term(
        self,
        text: str,
        tokens: list[re.Match[str]],
        i: int,
        term: tuple[int, int, str],
        cue: bool,
    ) -> bool:
        """A gazetteer term: kept, unless it stands where a name stands."""
        s, e, category = term
        if category in ("legal", "body", "nationality", "reference"):
            return True
        value = text[s:e]
        if cue:
            return False  # "Mevrouw Vaals", "buurman Urk": after a title or role, a name
        if not self.lists.is_name(value) and _fold(value) not in self.lists.interfix_surnames:
            return True
        if _COUNT_AFTER.match(text, e):
            return True  # "Sluis 9, Beek 6": a place with its count, as trend tables write
        if i > 0 and tokens[i - 1].group() == "het" and text[tokens[i - 1].end() : s] == " ":
            return True  # "het Westland": a neuter article takes a region, never a person
        # a place that is also a common word and a name ("Best", "Born", "Boom"): a place
        # only where a place stands
        if (
            category in _PLACE_CATEGORIES
            and self.lists.is_name(value)
            and self.lists.ordinary(value, COMMON)
            and not place_context(text, s)
        ):
            if not (_sentence_start(text, s) or _heading(text, s)):
                return False
            nxt = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
            if nxt in PERSON_VERBS - _COPULAS:
                return False
        quoted = text[s - 1 : s] in "\"“'‘" and text[e : e + 1] in "\"”'’" and s > 0
        if quoted and category != "country":
            return False
        # "van Putten" after a boundary or a name: a surname, not the place
        k = i - 1
        while k >= 0 and tokens[k].group() in PARTICLES:
            k -= 1
        if k < i - 1:
            first_particle = tokens[k + 1]
            before = text[: first_particle.start()].rstrip(" ")
            boundary = not before or before[-1] in ":;,(\"“'\n"
            after_name = (
                k >= 0
                and tokens[k].group()[0].isupper()
                and not _sentence_start(text, tokens[k].start())
            )
            if boundary or after_name or (k >= 0 and tokens[k].group().lower() in ROLES):
                return False
        return True

    def _month_context(self, text: str, start: int, end: int, prev: str) -> bool:
        if _NUMBER_NEAR.match(text[end : end + 6]) or _NUMBER_NEAR.search(
            text[max(0, start - 4) : start]
        ):
            return True
        # "April–June", "mei tot juli": next to another month
        before = re.findall(r"\p{L}+", text[max(0, start - 12) : start])[-1:]
        after = re.findall(r"\p{L}+", text[end : end + 12])[:1]
        if any(_fold(w) in self.months for w in before + after):
            return True
        return prev in _MONTH_CUES

    # -- NAME_CUE, LOWER_NAME, NICKNAME -----------------------------------------------------

    def name_cues(self, text: str, kept: Kept) -> Iterator[tuple[int, int]]:
        """Unknown lower-case words after a person cue ("verdachte pieter de vries")."""
        for m in _WORD.finditer(text):
            cue = m.group().lower().rstrip(".")
            if cue not in TITLES and cue not in ROLES:
                continue
            pos = m.end()
            if pos < len(text) and text[pos] == ".":
                pos += 1
            gap = re.match(r"[ :]+", text[pos:])
            if gap is None:
                continue
            nxt = _LOWER_RUN.match(text, pos + gap.end())
            if nxt is None or _inside(kept, *nxt.span()):
                continue
            word = nxt.group()
            titled = cue in TITLES  # "dhr. koning", "de heer petrovic": after a title, a name
            if word in PARTICLES or word in FUNCTION:
                continue
            if not titled and not self._lower_name(word, cued=True):
                continue
            yield nxt.start(), self._name_tail(text, nxt.end())

    def lower_names(self, text: str, kept: Kept) -> Iterator[tuple[int, int]]:
        """First names written in lower case where a person stands (see the module doc)."""
        tokens = list(_WORD.finditer(text))
        inside = _containment(kept)
        for i, m in enumerate(tokens):
            word = m.group()
            if inside(m.start(), m.end()):
                continue
            head, _, tail = word.partition("-")
            if head in JOINERS and tail[:1].isupper() and "-" not in tail:
                if self.lists.is_name(tail) or not self.lists.ordinary(tail, COMMON):
                    yield m.span()  # "al-Masri", "el-Amrani": a particle glued to a name
                continue
            if not word.islower():
                continue
            nxt_tok = tokens[i + 1] if i + 1 < len(tokens) else None
            if (
                word == "van"
                and nxt_tok is not None
                and nxt_tok.group() in ("der", "den")
                and text[m.end() : nxt_tok.start()] == " "
                and i + 2 < len(tokens)
                and tokens[i + 2].group().islower()
                and text[nxt_tok.end() : tokens[i + 2].start()] == " "
            ):
                yield m.start(), tokens[i + 2].end()  # "van der schaaf": prose says "van de"
                continue
            if (
                self.lists.is_first_name(word)
                and word not in FUNCTION
                and self.lists.frequency(word, self.language) < FUNCTION_WORD
                and _sentence_start(text, m.start())
                and not _after_speaker(text, m.start())
            ):
                yield m.start(), self._name_tail(text, m.end())  # "faith wants", "sunny belde"
                continue
            if (
                word not in FUNCTION
                and word not in JOINERS
                and _prose_sentence_start(text, m.start())
                and self.lists.is_name(word)
                and self.lists.frequency(word, self.language) < _SURNAME_AS_WORD
            ):
                yield (
                    m.start(),
                    self._name_tail(text, m.end()),
                )  # ". pauwels verhuurt", '"mulder hier'
                continue
            if "-" in word:
                head, _, tail = word.partition("-")
                if head in JOINERS and tail and self.lists.is_name(tail):
                    yield m.span()
                continue
            # (cheap tests first: this runs for every lower-case word of the text)
            if text[m.end() : m.end() + 1] == ":":
                line_start = text.rfind("\n", 0, m.start()) + 1
                speaker = _SPEAKER_PREFIX.fullmatch(text, line_start, m.start()) is not None
                if speaker and self.lists.frequency(word, self.language) < 4.0:
                    yield m.span()  # a chat speaker: "kev: welke salon"
                    continue
            if not self.lists.is_name(word):
                # an unknown word where a person stands: "tell jonel", "bel dragos"
                prev = tokens[i - 1].group().lower() if i > 0 else ""
                # after a naming word ("heet osagie", "named precious") a word rarer than
                # a common one is the name
                floor = 3.0 if prev in NAMING else RARE
                if (
                    prev in LOWER_CUES | NAMING
                    and len(word) >= 3
                    and text[tokens[i - 1].end() : m.start()] == " "
                    and not self.lists.ordinary(word, floor)
                    and not _compound(self.lists, word)
                ):
                    yield m.span()
                continue
            freq = self.lists.frequency(word, self.language)
            first = self.lists.is_first_name(word)
            prev = tokens[i - 1].group().lower() if i > 0 else ""
            nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
            nxt2 = tokens[i + 2].group() if i + 2 < len(tokens) else ""
            surname_after = (
                first
                and freq < FUNCTION_WORD  # "en de land- en tuinbouw": "en" is a name too
                and nxt in PARTICLES
                and nxt2.islower()
                and (_fold(nxt2) in self.lists.interfix_surnames or not self.lists.ordinary(nxt2))
            )
            rare = freq < (2.5 if first else 2.0)
            greeted = first and prev in GREETINGS and _sentence_start(text, tokens[i - 1].start())
            cued = first and prev in LOWER_CUES and freq < 4.8  # "tegen kim" (4.6)
            if rare or surname_after or greeted or cued:
                yield m.start(), self._name_tail(text, m.end())

    def _lower_name(self, word: str, *, cued: bool) -> bool:
        """An unknown word, or a name that is not a common word, in the text's language."""
        if self.lists.is_name(word):
            return not self.lists.ordinary(word, 4.5, self.language)
        return not self.lists.ordinary(word, RARE)

    def _name_tail(self, text: str, end: int) -> int:
        """Extend a lower-case name over particles and a surname ("pieter de vries")."""
        pos = end
        pending = pos
        particle = False
        for follow in _LOWER_RUN.finditer(text, pos):
            if follow.start() != pending + 1 or text[pending] != " ":
                break
            word = follow.group()
            if word in PARTICLES:
                pending = follow.end()
                particle = True
                continue
            if self.lists.is_name(word) and (particle or not self.lists.ordinary(word, COMMON)):
                pos = pending = follow.end()
                particle = False
                continue
            break
        return pos

    def nicknames(self, text: str, kept: Kept) -> Iterator[tuple[int, int]]:
        """A quoted phrase shortly after (or before) a naming word ("bijnaam "de Kale"",
        '"Sr", zo noemen ze hem'), a quoted word on a name list ('dat "bakker" haar'), a word
        before "(werknaam)"."""
        for m in _working_names(text):
            if not _inside(kept, m.start(1), m.end(1)):
                yield m.start(1), m.end(1)
        for m in _QUOTED.finditer(text):
            before = text[max(0, m.start() - 60) : m.start()].lower()
            words = _LETTERS.findall(before)[-5:]
            after = _LETTERS.findall(text[m.end() : m.end() + 30].lower())[:3]
            inner = m.group(1)
            as_name = (
                bool(words) and words[-1] in ("als", "as", "ook", "aka") and inner[:1].isupper()
            )
            single = _SINGLE_WORD.fullmatch(inner) is not None
            listed = (
                single
                and self.lists.is_name(inner)
                and _fold(inner) not in self.proper
                and not _inside(kept, m.start(1), m.end(1))
            )
            if (
                not as_name
                and not listed
                and not any(w in NAMING for w in words + after)
                and "known as" not in before[-20:]
            ):
                continue
            if not inner.strip() or not any(c.isalpha() for c in inner):
                continue
            yield m.start(1), m.end(1)


_COMPASS = _words("""noord zuid oost west midden noordoost noordwest zuidoost zuidwest centraal north
    south east west central""")


_SUFFIXES = ("ingen", "ing", "heden", "heid", "lijke", "lijk", "ische", "isch", "tjes", "tje",
             "jes", "je", "ers", "er", "en", "'s", "s", "e", "n")  # fmt: skip


@lru_cache(maxsize=65536)
def _compound_cached(lists_id: int, word: str) -> bool:
    lists = _LISTS[lists_id]
    bases = [word] + [
        word[: -len(x)] for x in _SUFFIXES if word.endswith(x) and len(word) - len(x) >= 4
    ]
    for base in bases:
        if base != word and lists.ordinary(base, 2.5):
            return True
        for i in range(4, len(base) - 3):
            head, tail = base[:i], base[i:]
            if not lists.ordinary(tail, 3.0):
                continue
            if lists.ordinary(head, 3.0) or (
                head[-1] in "se" and len(head) > 4 and lists.ordinary(head[:-1], 3.0)
            ):
                return True
    return False


_LISTS: dict[int, WordLists] = {}


def compound_word(lists: WordLists, word: str) -> bool:
    """Whether lower-case ``word`` is a Dutch compound or inflection of ordinary words."""
    return _compound(lists, word)


def _compound(lists: WordLists, word: str) -> bool:
    """A Dutch compound or inflection of ordinary words ("inhoudingen", "arbeidsuitbuitingszaken")."""
    key = id(lists)
    _LISTS.setdefault(key, lists)
    return _compound_cached(key, word)


_COUNT_AFTER = re.compile(r"[ ]\d{1,5}(?=[,.;)]|[ ]\p{Ll}|$)")
_PLACE_CATEGORIES = frozenset({"municipality", "residence", "place", "province", "region"})
_COPULAS = _words("is was heeft had has")
_PLACE_WORDS = _words("""in te uit bij naar nabij richting rond omgeving gemeente gemeenten dorp
    dorpen stad steden regio regio's plaats plaatsen provincie provincies kern kernen haven
    zoals landen provinces countries from to near
    via at around village villages town towns city cities region regions municipality
    municipalities of""")


def place_context(text: str, start: int) -> bool:
    """ "in Best", "te Elst", "Haaren, Mill en Heeze", "Dorpsstraat 1, Elst": a place."""
    before = text[max(0, start - 40) : start].rstrip()
    words = re.findall(r"[\p{L}\d\]'’-]+[,]?", before)
    if not words:
        return False
    last = words[-1]
    if last.rstrip(",").lower() in _PLACE_WORDS and not last.endswith(","):
        return True
    if last.lower() in ("as", "als") and len(words) > 1 and words[-2].lower() in ("such", "zo"):
        return True  # "such as Best, Sluis": examples of places
    if last.endswith(",") or last.lower() in ("en", "and", "of", "or", "tot", "t/m"):
        ref = words[-1] if last.endswith(",") else (words[-2] if len(words) > 1 else "")
        ref = ref.rstrip(",")
        # a list of places, or an address line: the word before is a place or a number
        return bool(ref) and (
            ref[:1].isupper() or any(c.isdigit() for c in ref) or ref.endswith("]")
        )
    return False


#: place words that also go with a person ("bij Thijs": at Thijs's)
_WITH_PEOPLE = frozenset({"bij", "naar", "met", "van", "voor", "aan", "at", "with", "to", "from"})
_WORD_BEFORE = re.compile(r"(\p{L}+)[ ]+\Z")


def word_before(text: str, start: int) -> str:
    """The word (lower case) right before ``start``, with only spaces between, or ""."""
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return m.group(1).lower() if m else ""


def residence_ok(lists: WordLists, text: str, start: int, end: int) -> bool:
    """Whether the town or village at ``text[start:end]`` is the place: no name at all, or
    after a place word or in a list of places; a village that is a first name after a word
    that also goes with people ("bij Thijs", "naar Thijs") is the person.

    >>> from emm.anonymise.vocabulary import word_lists
    >>> t = "In Thijs en bij Thijs"
    >>> residence_ok(word_lists(), t, 3, 8), residence_ok(word_lists(), t, 16, 21)
    (True, False)
    """
    value = text[start:end]
    if not lists.is_name(value):
        return True
    if not place_context(text, start):
        return False
    return not (lists.is_first_name(value) and word_before(text, start) in _WITH_PEOPLE)


def spoken(letters: list[str]) -> bool:
    """Whether capitals read as a word (a name) rather than letters (an acronym): a third
    or more vowels and no three consonants in a row ("HOXHA", not "KPCN" or "NCTV")."""
    vowels = sum(c in "AEIOUYÄËÏÖÜÁÉÍÓÚÀÈÂÊÎÔÛ" for c in letters)
    run = longest = 0
    for c in letters:
        run = 0 if c in "AEIOUYÄËÏÖÜÁÉÍÓÚÀÈÂÊÎÔÛ" else run + 1
        longest = max(longest, run)
    return vowels * 3 >= len(letters) and longest < 3


def _fold(word: str) -> str:
    from emm.anonymise.folding import fold_word

    return fold_word(word)


def _possessive(word: str) -> str:
    for suffix in ("'s", "’s", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return word


def _inside(kept: Kept, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e, _ in kept)


def _working_names(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_WORKING_NAME.finditer(text)``, found from their labels: a match holds
    at most two words, the space between and one before the label, so it starts after the
    third space before the label at the latest."""
    done = 0
    for label in _NAME_LABEL_ONLY.finditer(text):
        start = label.start()
        for _ in range(3):
            start = max(text.rfind(" ", done, start), done)
        m = _WORKING_NAME.search(text, start, label.end())
        if m is not None:
            done = m.end()
            yield m


def _containment(kept: Kept) -> Callable[[int, int], bool]:
    """:func:`_inside` for many tests on one ``kept``: a span lies inside a kept one when the
    furthest end among the kept spans that start at or before it reaches its end."""
    spans = sorted((s, e) for s, e, _ in kept)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))

    def inside(start: int, end: int) -> bool:
        i = bisect_right(starts, start)
        return i > 0 and reach[i - 1] >= end

    return inside


def _adjacent(text: str, tokens: list[re.Match[str]], a: int, b: int) -> bool:
    return text[tokens[a].end() : tokens[b].start()] == " "


def _after_speaker(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a chat message ("[PERSOON]: hope u r ok"): chats are written in
    lower case, so a lower-case word there opens no sentence."""
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    return re.fullmatch(r"[^:\n]{1,40}:[ \t]*", line) is not None


def _prose_sentence_start(text: str, pos: int) -> bool:
    """After a full stop, question or exclamation mark, or an opening quote: where prose
    writes a capital (not after a colon or a line break, where lists start in lower case)."""
    i = pos - 1
    if i >= 0 and text[i] in "\"“„'‘":
        return True
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i > 0 and text[i] in ".!?" and text[i - 1] != "."


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0 or text[i] in _SENTENCE_END:
        return True
    # "1. Maak gebruik...", "(2) share...": a numbered point
    return text[i] in ")." and i > 0 and text[i - 1].isdigit()


def _heading(text: str, pos: int, lists: WordLists | None = None) -> bool:
    """A title line: capitals only, no field separators, and (with ``lists``) at least one
    word that is no name: a signature line "Mei Zhang" is no heading."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    if _FIELD_SEPARATOR.search(line):
        return False  # a table row or a list of fields ("Badge 12 – Ola – 59 h"), no heading
    words = re.findall(r"\p{L}+", line)
    if not words or any(w.islower() and len(w) > 3 for w in words):
        return False
    return lists is None or any(not lists.is_name(w) for w in words)


_FIELD_SEPARATOR = re.compile(r"\t|[|;]| [–—-] |\S {3,}\S")
