"""Names that no list knows: capitalised words where ordinary words would be lower case.

Deduce finds names from Dutch name lists and title patterns ("dhr.", "mevrouw"). Names of
Nigerian, Eritrean, Vietnamese, Chinese, Romanian or Bulgarian people are mostly not in those
lists. This recogniser uses the shape of the text instead:

* Dutch and English write common nouns in lower case, so a capitalised word in the middle of
  a sentence is a proper noun (unless it is on the list of words that are never names).
* At the start of a sentence a capitalised word counts when it is not an ordinary word, or
  when the same document writes it capitalised mid-sentence elsewhere; an ordinary word
  there ("Blessing", "Wang") counts only when a real candidate follows it.
* Words in ALL CAPITALS count when they are not ordinary words or acronyms; ordinary words in
  capitals count next to another candidate, or as two or more words in a line of prose
  ("De melding betrof WANG FANG"), not in a heading.
* Neighbouring candidates, initials ("J.") and interfixes ("van der", "bin", "al") join into
  one name. Countries, nationalities, months, authorities and platforms never count.
* A title or role word before the name ("mevrouw", "verdachte", "victim") confirms it;
  "in"/"te"/"uit" before it makes it a location; "B.V.", "Ltd", "&" make it an organisation.

Long because: the classification of one capitalised word and the joining of candidates into
names read the same token list and cue tables; split, each half would need the other's rules.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import regex as re
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from emm.anonymise.lexicon import (
    ABBREVIATIONS,
    NAME_PARTICLES,
    Lexicon,
    load_word_list,
    not_names,
)
from emm.anonymise.lexicon import words as _words

__all__ = ["ProperNameRecognizer"]


_TOKEN = re.compile(
    r"(?P<word>\p{L}(?:\p{L}|\p{M}|['’](?=\p{L})|-(?=\p{L}))*)"
    r"|(?P<num>\d+)"
    r"|(?P<nl>\n)"
    r"|(?P<space>[ \t\u00a0]+)"
    r"|(?P<punct>\S)"
)

#: Lower-case particles inside names ("te" is left out: "Okonkwo te Zwolle" is two things).
INTERFIXES = (NAME_PARTICLES - {"te"}) | {"'t", "d'"}

#: Words before a name that say it is a person.
PERSON_CUES = _words(
    """
    dhr dhr. heer mevrouw mevr mevr. mw mw. meneer mr mr. mrs mrs. ms ms. miss mister dr
    dr. drs ing ir juffrouw madam sir verdachte verdachten slachtoffer slachtoffers
    betrokkene getuige genaamd genaamde alias bijnaam zoon dochter broer zus zuster moeder vader
    oom tante neef nicht echtgenoot echtgenote vriend vriendin partner eigenaar
    eigenaresse directeur bestuurder chauffeur werkgever pooier souteneur ronselaar tolk
    aangever aangeefster medewerker medewerkster suspect victim witness named called aka
    son daughter brother sister mother father uncle aunt cousin wife husband girlfriend
    boyfriend owner director driver employer pimp recruiter interpreter manager
    """
)
#: Words before a name that say it is a place.
LOCATION_CUES = _words("in te naar uit vanuit nabij richting from to near via")
#: Words before a name that say it is an organisation.
ORGANISATION_CUES = _words(
    """
    stichting firma bedrijf uitzendbureau bureau restaurant hotel salon nagelstudio
    massagesalon club bar company firm agency
    """
)
#: Legal forms after a name.
LEGAL_FORMS = re.compile(
    r"(?:\s*(?:&\s*(?:Zonen|Zn|Co|Partners)\.?|B\.V\.|N\.V\.|V\.O\.F\.|C\.V\.|B\.?V|N\.?V|"
    r"V\.?O\.?F|Ltd\.?|LLC|GmbH|UG|e\.K\.|S\.?R\.?L\.?|EOOD|OOD|Holding|Groep|Group|Services|"
    r"Uitzendbureau|s\.r\.o\.|Sp\.\s?k\.|Sp\.\s?z\s?o\.o\.|sp\.\s?z\s?o\.o\.|Kft\.?|Zrt\.?|"
    r"d\.o\.o\.|S\.?A\.?S?|SARL|SPRL|BVBA|BV|CommV|VZW|Lda\.?|S\.L\.|A/S|AB|Oy|"
    r"Renovatie|Bouw|Transport|Logistics|Logistiek|Housing|Uitzend|Detachering|Personeel|"
    r"Schoonmaak|Cleaning)(?![\p{L}]))+"
)
#: Capitalised words before a name that belong to an organisation's name.
ORGANISATION_PREFIXES = _words(
    """stichting koninklijke royal uitzendbureau vereniging firma holding bakkerij
    glastuinbouw champignonkwekerij aspergeteelt kwekerij klusbedrijf schoonmaakbedrijf
    kapsalon nagelstudio massagesalon restaurant transport transportbedrijf agentura
    agencja agentia vleeswarenfabriek autobedrijf bouwbedrijf loonbedrijf tuinbouwbedrijf
    uitzendbureau detacheringsbureau carwash shoarma snackbar"""
)
#: Words that start sentences and are never part of a name.
_FUNCTION_STARTERS = _words(
    """
    in op de het een van voor na om als en of met bij uit aan tot door naar te the a an on
    at to for by of and or as from with
    """
)
_SENTENCE_END = frozenset('.!?:;•*–—"“”|')
_VOWELS = frozenset("aeiouy")

NONE, WEAK, STRONG = 0, 1, 2


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    kind: str
    sentence_start: bool = False
    cls: int = NONE

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_title(self) -> bool:
        return self.text[0].isupper() and any(c.islower() for c in self.text)

    @property
    def is_upper(self) -> bool:
        return self.text.isupper() and len(self.text) >= 2


def tokenize(text: str) -> list[_Tok]:
    """Words, numbers, newlines and punctuation (spaces dropped), with sentence starts."""
    toks: list[_Tok] = []
    start_next = True
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        if kind == "space":
            continue
        tok = _Tok(m.group(), m.start(), m.end(), kind)
        if kind == "word":
            tok.sentence_start = start_next
            start_next = False
        elif kind == "nl":
            start_next = True
        elif kind == "punct":
            if tok.text in _SENTENCE_END:
                prev = toks[-1] if toks else None
                is_abbrev = (
                    tok.text == "."
                    and prev is not None
                    and prev.kind == "word"
                    and (
                        prev.lower in ABBREVIATIONS
                        or (
                            len(prev.text) == 1
                            and prev.text.isupper()
                            and not (len(toks) > 1 and toks[-2].end == prev.start)  # "165B."
                        )
                    )
                )
                if not is_abbrev:
                    start_next = True
        else:
            start_next = False
        toks.append(tok)
    return toks


def _is_initial(toks: list[_Tok], i: int) -> bool:
    """``J.`` (a single capital followed by a period, not glued to a number as in "12B.")."""
    t = toks[i]
    return (
        t.kind == "word"
        and not (i > 0 and toks[i - 1].end == t.start)
        and len(t.text) == 1
        and t.text.isupper()
        and i + 1 < len(toks)
        and toks[i + 1].text == "."
        and toks[i + 1].start == t.end
    )


class ProperNameRecognizer(LocalRecognizer):
    """Recognise names no list knows, from capitalisation and context (see module doc)."""

    ENTITIES = ["PERSON", "LOCATION", "ORGANIZATION"]

    def __init__(
        self,
        lexicon: Lexicon,
        supported_language: str = "nl",
        never_names: Iterable[str] | None = None,
        name: str | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.never = (
            frozenset(never_names)
            if never_names is not None
            else not_names() | load_word_list("allowed_terms")
        )
        self._label: str = name or f"ProperNameRecognizer_{supported_language}"
        super().__init__(
            supported_entities=list(self.ENTITIES),
            supported_language=supported_language,
            name=self._label,
        )

    def load(self) -> None:
        pass

    # -- classification ------------------------------------------------------------------

    def _classify(
        self, toks: list[_Tok], lower_in_doc: set[str], proper_in_doc: set[str], text: str = ""
    ) -> None:
        lexicon = self.lexicon
        for i, t in enumerate(toks):
            if t.kind != "word" or not t.text[0].isupper():
                continue
            low = t.lower
            if low in self.never or _possessive_base(low) in self.never or low in PERSON_CUES:
                continue
            if _is_initial(toks, i) or (len(low) > 2 and low[1] == "-"):
                continue  # "J." is handled by the run; "V-nummer", "E-mail" are not names
            if t.start > 0 and text[t.start - 1 : t.start] == ":" and _in_ecli(text, t.start):
                continue  # ECLI:NL:RBROT:2023:4471
            name = lexicon.is_name(low)
            if low in MONTHS and _month_context(toks, i):
                continue  # "in June", "April–June", "mei 2025"
            known = low in lexicon or low in lower_in_doc
            if t.is_upper:
                if len(t.text) <= 3 and not _has_vowel(t.text):
                    continue  # acronym such as SZW, KVK
                if lexicon.lists is not None and len(t.text) <= 6 and not name:
                    # an acronym that is no name (KPCN, RBROT, EMPACT), unless it stands
                    # next to a name: "ABEBE Tigist", "Tigist ABEBE"
                    if not _next_to_title_word(toks, i, text):
                        continue
                    t.cls = WEAK
                    continue
                if not known:
                    t.cls = STRONG
                elif (
                    low not in self.lexicon.stop_words and low not in self.lexicon.domain_words
                ) or (len(low) <= 3 and low not in _FUNCTION_STARTERS):
                    t.cls = WEAK  # "FAVOUR BALOGUN", "WANG FANG", "DO MINH": see _result
                continue
            if not t.is_title:
                continue
            if _adjective_of_place(t, toks, i) and not _cue_before(toks, i):
                continue
            if not name and _PLACE_ENDING.search(low) and len(low) >= 7:
                continue  # a port, square or street without a number: "Beatrixhaven"
            if t.sentence_start:
                if (
                    not name
                    and lexicon.ordinary(low)
                    and (low not in proper_in_doc or lexicon.ordinary(low, 3.5))
                ):
                    continue  # an ordinary word opens the sentence: "Maak", "Organisaties"
                if name and _person_verb_after(toks, i):
                    t.cls = STRONG  # "Visser verklaarde", "Do said"
                    continue
                known = known or lexicon.ordinary(low)
                if not known or (low in proper_in_doc and low not in self.lexicon.stop_words):
                    t.cls = STRONG
                elif (
                    low not in self.lexicon.stop_words and low not in self.lexicon.domain_words
                ) or (len(low) <= 3 and low not in _FUNCTION_STARTERS):
                    # an ordinary word that may start a name: "Wang Fang", "Blessing Okafor",
                    # "Do Van Linh"; it only counts when a real candidate follows
                    t.cls = WEAK
                continue
            # mid-sentence capitals mark a proper noun, in Dutch and in English; a common word
            # that is no name ("Child Protection Board", "Uber Eats") only next to a name
            if lexicon.lists is not None and not name and lexicon.ordinary(low, 3.5):
                t.cls = WEAK
                continue
            t.cls = STRONG

    # -- analysis --------------------------------------------------------------------------

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        toks = tokenize(text)
        lower_in_doc = {t.text for t in toks if t.kind == "word" and t.text.islower()}
        proper_in_doc = {
            t.lower for t in toks if t.kind == "word" and not t.sentence_start and t.is_title
        }
        self._classify(toks, lower_in_doc, proper_in_doc, text)
        results: list[RecognizerResult] = []
        i = 0
        n = len(toks)
        while i < n:
            run_start = i
            j = i
            parts: list[int] = []
            while j < n:
                t = toks[j]
                if j > run_start and not _adjacent(toks[j - 1], t, text):
                    break
                if t.cls != NONE:
                    parts.append(j)
                    j += 1
                elif _is_initial(toks, j):
                    j += 2  # the letter and its period
                elif (
                    t.kind == "word"
                    and t.lower in INTERFIXES
                    and t.text.islower()
                    and j > run_start
                ) or (t.text == "&" and parts and j + 1 < n and toks[j + 1].cls != NONE):
                    j += 1  # "Anna de Wit", "Jansen & Zonen"
                else:
                    break
            if not parts:
                i = max(j, i + 1)
                continue
            # the name ends at its last real part (no trailing interfix or initial)
            end_idx = parts[-1]
            result = self._result(text, toks, run_start, end_idx, parts)
            if result is not None:
                results.append(result)
            i = end_idx + 1
        return results

    def _result(
        self, text: str, toks: list[_Tok], first: int, last: int, parts: list[int]
    ) -> RecognizerResult | None:
        # a leading ordinary word at the start of a sentence needs a real name after it
        while (
            parts
            and toks[parts[0]].cls == WEAK
            and toks[parts[0]].sentence_start
            and not (len(parts) > 1 and toks[parts[1]].cls == STRONG)
        ):
            parts = parts[1:]
            first = parts[0] if parts else first
        if not parts:
            return None
        if toks[first].cls == NONE and not _is_initial(toks, first):
            first = parts[0]
        strong = [p for p in parts if toks[p].cls == STRONG]
        before = _words_before(toks, first, 3)
        person_cue = any(w in PERSON_CUES for w in before)
        caps_in_prose = (
            len(parts) >= 2
            and all(toks[p].is_upper for p in parts)
            and _line_has_lower(text, toks[first].start)
        )
        if not strong and not person_cue and not caps_in_prose:
            return None
        start, end = toks[first].start, toks[last].end
        has_initial = any(_is_initial(toks, k) for k in range(first, last))
        span = text[start:end]
        entity = "PERSON"
        if "&" in span or (before and before[-1] in ORGANISATION_CUES):
            entity = "ORGANIZATION"
        legal = LEGAL_FORMS.match(text, end)
        if legal:
            entity = "ORGANIZATION"
            end = legal.end()
        if (
            first > 0
            and toks[first - 1].lower in ORGANISATION_PREFIXES
            and (toks[first - 1].text[0].isupper())
        ):
            entity = "ORGANIZATION"
            start = toks[first - 1].start
        elif not person_cue and before and before[-1] in LOCATION_CUES:
            entity = "LOCATION"
        if entity == "PERSON" and (person_cue or len(parts) >= 2 or has_initial):
            score = 0.65
        elif entity == "ORGANIZATION" and (legal or "&" in span):
            score = 0.9
        elif entity != "PERSON":
            score = 0.5
        elif toks[parts[0]].sentence_start and len(parts) == 1:
            score = 0.4
        else:
            score = 0.5
        return RecognizerResult(
            entity_type=entity,
            start=start,
            end=end,
            score=score,
            analysis_explanation=AnalysisExplanation(
                recognizer=self._label,
                original_score=score,
                textual_explanation="capitalised words not known as ordinary words",
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self._label,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


#: month names (a name too: "June", "May", "April", "Mei")
MONTHS = _words("""januari februari maart april mei juni juli augustus september oktober november
    december january february march may june july august october""")
_MONTH_CUES = _words("""in sinds tot vanaf eind begin medio half per t/m since until from by early
    late mid end during between before after of""")
#: verbs after a name at the start of a sentence ("Visser verklaarde", "Do said")
PERSON_VERBS = _words("""verklaarde verklaart zei zegt belde belt vertelde vertelt werkte werkt
    woonde woont kwam gaf stuurde betaalde bleek wilde moest kon liet nam reed vluchtte
    bevestigde ontkende erkende weigerde toonde verbleef huurde ronselde regelde bracht
    haalde said says told tells called worked works lived lives came gave sent paid stated
    confirmed denied admitted refused showed drove stayed rented recruited arranged brought""")


_PLACE_ENDING = re.compile(
    r"(?:haven|plein|straat|laan|gracht|kade|singel|dreef|steeg|markt|plantsoen|boulevard|"
    r"park|brug|sluis|tunnel)$"
)


def _next_to_title_word(toks: list[_Tok], i: int, text: str) -> bool:
    for k in (i - 1, i + 1):
        if 0 <= k < len(toks):
            other = toks[k]
            a, b = (other, toks[i]) if k < i else (toks[i], other)
            if other.kind == "word" and other.is_title and text[a.end : b.start] == " ":
                return True
    return False


def _month_context(toks: list[_Tok], i: int) -> bool:
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if (prev is not None and prev.kind == "num") or (nxt is not None and nxt.kind == "num"):
        return True
    if prev is not None and prev.lower in _MONTH_CUES:
        return True
    near = [toks[k] for k in (i - 2, i - 1, i + 1, i + 2) if 0 <= k < len(toks)]
    return any(t.kind == "word" and t.lower in MONTHS for t in near)


def _person_verb_after(toks: list[_Tok], i: int) -> bool:
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and nxt.kind == "word" and nxt.lower in PERSON_VERBS


def _in_ecli(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    head = text[max(line_start, pos - 30) : pos]
    return "ECLI:" in head


def _has_vowel(word: str) -> bool:
    """Whether ``word`` has a vowel, accents ignored ("THỊ" has one, "SZW" has none)."""
    base = unicodedata.normalize("NFKD", word.lower())
    return any(c in _VOWELS for c in base)


def _possessive_base(word: str) -> str:
    """``"okonkwo's"`` -> ``"okonkwo"``; other words unchanged ("arts" stays "arts")."""
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _cue_before(toks: list[_Tok], i: int) -> bool:
    k = i - 1
    while k >= 0 and toks[k].kind == "punct" and toks[k].text in ".,:":
        k -= 1
    return k >= 0 and toks[k].lower in PERSON_CUES


def _line_has_lower(text: str, pos: int) -> bool:
    """True when the line around ``pos`` has lower-case words (prose, not a heading)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    return any(w.islower() for w in line.split())


def _adjacent(a: _Tok, b: _Tok, text: str) -> bool:
    """Tokens belong to one name when only spaces (no line break) separate them."""
    gap = text[a.end : b.start]
    if a.text == ".":
        return gap in (" ", "")
    return gap == " " or (gap == "" and b.text == ".")


def _words_before(toks: list[_Tok], i: int, n: int) -> list[str]:
    """Up to ``n`` lower-case words before token ``i`` (skipping commas, colons, articles)."""
    out: list[str] = []
    k = i - 1
    while k >= 0 and len(out) < n:
        t = toks[k]
        if t.kind == "nl":
            break
        if t.kind == "word":
            out.append(t.lower)
        elif t.text in ".!?;" and not (
            t.text == "." and k > 0 and toks[k - 1].lower in ABBREVIATIONS
        ):
            break
        k -= 1
    out.reverse()
    return [w for w in out if w not in ("de", "het", "the", "a", "een")] or out


def _adjective_of_place(t: _Tok, toks: list[_Tok], i: int) -> bool:
    """ "Rotterdamse haven", "Nigeriaanse vrouwen": adjectives from places, not names."""
    low = t.lower
    if len(low) < 7 or not (low.endswith("se") or low.endswith("sche")):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and nxt.kind == "word" and nxt.text.islower()
