"""The shape check's residue rule: what touches a placeholder is refused unless it is prose.

Part of :mod:`emm.anonymise.shapes`. A de-identifier that replaced only part of a value leaves
the rest beside its placeholder: an initial (``[PERSOON], R.``), the letters of a postcode
(``[POSTCODE] BW``), an addition (``[ADRES] lok. 7``, ``[ADRES] rd``), the head of a phone
(``06 -`` and ``[KENMERK]`` on the next line), a form of address (``bai [ADRES]``), a
discriminator (``[PERSOON]#4417``), the rest of a name (``[PERSOON] [PERSOON] pol``).

The ADJACENT rule (:mod:`emm.anonymise.shape_context`) lists such fragments one kind at a
time, and every new kind slipped past it. This rule turns the question round and says what
*may* touch a placeholder; everything else is refused:

* another placeholder, punctuation;
* a lower-case word of ordinary Dutch or English (Zipf >= 3: "verklaarde", "en", "werd"),
  or a compound of such words, that is not a name rarer than a common word, not a number
  word beside a number (``plus [TELEFOON]``) and not a particle or form of address before
  a person (``van [PERSOON]``, ``pan [PERSOON]``);
* a label that says what was replaced (``BSN [BSN]``, ``pasnummer [KENMERK]``, ``geb.``);
* a capitalised word that is a gazetteer term (``[POSTCODE] Rotterdam``), an allowed term
  (months, platforms, report words), a title or role, or an ordinary word that is no name;
* beside a person, organisation or place: a number of one to three digits (an age, a count).

"Touching" means with nothing between, or only spaces and tabs with at most one comma,
semicolon, hyphen, dash, slash or pipe, and at most one line break. A full stop after the
placeholder, a colon or a bracket ends the neighbourhood: ``[PERSOON]. Hij`` and
``Tel: [TELEFOON]`` are a sentence and a label, not residue.

Also here, JOINED: a capitalised name joined to a person by "en"/"and"/"&" is a person
too, even when it is also a place (``[PERSOON] and Sofia``).

Trend text holds no placeholders, so neither rule fires on it; their cost is analyst work on
de-identified text, where each finding is shown in its context.

>>> from emm.anonymise.shapes import ShapeCheck
>>> t = "betaald door [PERSOON], A. via [KENMERK]; [PERSOON] verklaarde het."
>>> [(f.rule, t[f.start : f.end]) for f in ShapeCheck.default().find(t, rules=["RESIDUE"])]
[('RESIDUE', 'A')]
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from emm.anonymise.entities import PLACEHOLDERS
from emm.anonymise.folding import fold_word
from emm.anonymise.lexicon import words as _words
from emm.anonymise.shape_context import STREET_ENDINGS
from emm.anonymise.shape_spelled import NUMBER_WORDS
from emm.anonymise.shape_words import FUNCTION, JOINERS, ROLES, TITLES, Kept, compound_word
from emm.anonymise.vocabulary import COMMON, WordLists

__all__ = ["ResidueRules"]

#: beside these a short number is an age or a count ("[PERSOON], 34, werkte")
_NAME_HOLES = frozenset({PLACEHOLDERS[k] for k in ("PERSON", "ORGANIZATION", "LOCATION")})
_PERSON_HOLE = PLACEHOLDERS["PERSON"]
#: what a fragment of a number, code or address sits beside
_NUMBER_HOLES = frozenset(
    PLACEHOLDERS[k]
    for k in (
        "PHONE_NUMBER",
        "NL_BSN",
        "IBAN_CODE",
        "NL_DOCUMENT_NUMBER",
        "NL_V_NUMBER",
        "NL_KVK",
        "IMEI",
        "EMPLOYEE_NUMBER",
        "PERSON_REFERENCE",
        "DRIVING_LICENCE",
        "NL_LICENCE_PLATE",
        "NL_POSTCODE",
        "DATE_TIME",
        "NL_ADDRESS",
    )
)
#: Zipf frequency from which a first name reads as a word beside a placeholder ("van",
#: "will", "reed" 4.6; "pol" is 3.8, "sofia" 3.7, "roos" 4.2)
_NAME_AS_WORD = 4.5
#: Zipf frequency from which a word of one or two letters is prose ("is", "al", "ex"; "rd" is 4.1)
_SHORT_WORD = 4.5
#: what sets two persons of one name apart ("[PERSOON] jr.")
_NAME_SUFFIXES = frozenset({"jr", "sr", "jun", "sen", "junior", "senior"})
#: after these a capitalised word is part of the name ("[ORGANISATIE] Baltic")
_FIRM_OR_PERSON = frozenset({PLACEHOLDERS["PERSON"], PLACEHOLDERS["ORGANIZATION"]})
#: the parties' codes, which may stand beside a number ("[KENMERK] POL")
_PARTIES = frozenset({"POL", "KMAR", "KMar", "ISZW", "IND", "OM"})
#: letters of Dutch and English words (with the accents Dutch writes)
_DUTCH_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèëêïíìîóòöôúùüûáàäâçñÉÈËÖÜÏ"
)
#: a token: letters and digits with inner dots, apostrophes, hyphens, slashes and hashes
_TOKEN = r"#?[\p{L}\p{M}\d](?:[\p{L}\p{M}\d'’.#/]|-(?=[\p{L}\d]))*"
# at most one comma/semicolon/hyphen/dash/slash/pipe and one line break between
_GAP = r"[ \t]*(?:[,;|/\-–&+][ \t]*)?(?:\n[ \t]*)?"
_AFTER = re.compile(rf"({_GAP})({_TOKEN})")
_BEFORE = re.compile(rf"({_TOKEN})({_GAP})\Z")
#: besides the number words of :mod:`emm.anonymise.shape_spelled`, what reads a number out
_SPOKEN = _words("plus oh double dubbel triple")
#: number words that are an article or an ordinary word before a number too
_NOT_SPOKEN = _words("een one ten")
#: lower-case labels and abbreviations that say what was replaced, not who
LABELS = _words("""geb geb. nr nr. no no. tel tel. ca ca. o.a. t.a.v. tav mob mob. gsm via te
    nummer nummers adres kenteken kentekens iban bsn kvk imei vin e-mail email mail mailadres
    rekening rekeningnummer telefoon telefoonnummer mobiel account accounts profiel ip
    postcode geboren born dob id pv bvh v-nummer t.n.v t.n.v. t.a.v. i.o.v. o.v.v. resp. t.c.
    cédula cedula""")
#: forms of address and kinship words of other languages written before a name
_ADDRESS_FORMS = _words("""pan pani panie bai baba bácsi néni chú chị anh em cô ông bà
    señor señora don doña dona signor signora domnul doamna gospodin gospozha kak teta
    abi abla amca teyze hoca hanım bey efendi mama papa mummy mommy aunty auntie uncle
    ma pa""")
#: one-letter words of Dutch and English prose (other single letters beside a name are initials)
_ONE_LETTER_WORDS = frozenset("aiu")
#: after a person's placeholder and a full stop: the stop was an initial's, and a particle
#: and a capital go on with the surname ("[PERSOON]. van Urk")
_PARTICLE_AFTER_STOP = re.compile(
    r"\.[ ]((?:van|de|der|den|ter|ten|von|da|di|du|le|la)(?:[ ](?:de|der|den))?[ ]\p{Lu}[\p{L}\p{M}'’-]+)"
)
#: after an address: an addition in brackets with a number ("[ADRES] (bouwkeet 3)")
_BRACKETED_ADDITION = re.compile(r"[ ]?\(([\p{L} .]{0,20}\d{1,4}[\p{L}]?)\)")
_TIME = re.compile(r"(?:\d|\])[:.]\d{2}:\Z|(?:\d|\]):\Z")
_STREET = re.compile(rf"(?:{STREET_ENDINGS}|street|road|lane|avenue)$")
_INITIALS = re.compile(r"(?:\p{Lu}\.){1,4}")
_COORDINATED = re.compile(
    r"(?:\[PERSOON\][ ]+(?:en|and|und|et|&)[ ]+(?P<a>\p{Lu}[\p{L}\p{M}'’-]+)(?![\p{L}\[ ]*\[)"
    r"|(?P<b>\p{Lu}[\p{L}\p{M}'’-]+)[ ]+(?:en|and|und|et|&)[ ]+\[PERSOON\])"
)


class ResidueRules:
    """RESIDUE and JOINED over one vocabulary (see the module doc)."""

    def __init__(self, lists: WordLists, proper: frozenset[str], label: re.Pattern[str]) -> None:
        self.lists = lists
        self.proper = proper  # folded allowed terms (months, platforms, report words)
        self.label = label  # words before a number that say what it is ("pasnummer")

    def residue(
        self, text: str, holes: list[tuple[int, int, str]], kept: Kept
    ) -> Iterator[tuple[int, int]]:
        """Tokens touching a placeholder that are not plainly prose (``text`` is the
        original, placeholders intact; ``kept`` the gazetteer terms)."""
        ends = {e for _, e, _ in holes}
        for s, e, kind in holes:
            yield from _after_stop(text, e, kind)
            m = _AFTER.match(text, e)
            if (
                m is not None
                and not self._stops(text, e)
                and (_wraps(m.group(1), m.group(2)) or _name_across(kind, m.group(1), m.group(2)))
            ):
                gap, token = m.group(1), m.group(2)
                if not self._allowed(text, m.start(2), token, kind, gap, after=True, kept=kept):
                    yield m.start(2), m.start(2) + len(token.rstrip("."))
            # "s.vermaat[[EMAIL]": a bracket glued to the placeholder glues the word too
            cut = s - 1 if text[s - 1 : s] == "[" and text[s - 2 : s - 1].isalnum() else s
            b = _BEFORE.search(text, max(0, cut - 60), cut)
            if (
                b is not None
                and b.start(1) not in ends
                and (
                    _wraps(b.group(2), b.group(1))
                    or (text[e : e + 1] != ":" and _name_across(kind, b.group(2), b.group(1)))
                )
            ):
                token = b.group(1)
                if text[b.end(1) : s] == "" and token.endswith("."):
                    continue  # "dhr.[PERSOON]": an abbreviation glued to its name is judged below
                gap = b.group(2) if cut == s else ""
                if not self._allowed(text, b.start(1), token, kind, gap, after=False, kept=kept):
                    yield b.start(1), b.start(1) + len(token.rstrip("."))

    def coordinated(self, text: str) -> Iterator[tuple[int, int]]:
        """A capitalised name joined to a person by "en"/"and" ("[PERSOON] and Sofia")."""
        for m in _COORDINATED.finditer(text):
            group = "a" if m.group("a") is not None else "b"
            word = m.group(group)
            if self.lists.is_name(word) and word.lower() not in FUNCTION:
                yield m.start(group), m.end(group)

    # -- judging one neighbour ---------------------------------------------------------------

    @staticmethod
    def _stops(text: str, e: int) -> bool:
        """A full stop, colon or bracket right after the placeholder ends its neighbourhood."""
        return text[e : e + 1] in (".", ":", "(", ")", "!", "?", '"', "”", "'", "’")

    def _allowed(
        self,
        text: str,
        start: int,
        token: str,
        kind: str,
        gap: str,
        *,
        after: bool,
        kept: Kept,
    ) -> bool:
        glued = gap == ""
        bare = token.rstrip(".")
        if not bare:
            return True
        if glued and after and bare in ("s", "e", "n", "en"):
            return True  # "[PERSOON]s", "[LOCATIE]se": an inflection of the placeholder
        low = bare.lower()
        last = low.rsplit("-", 1)[-1]
        if not glued and (
            low in LABELS
            or token.lower() in LABELS
            or self.label.fullmatch(bare)
            or ("-" in low and (last in LABELS or self.label.fullmatch(last)))
        ):
            return True  # what the value was ("BSN [BSN]", "geb. [DATUM]", "V-nr", "F-kaart")
        letters = sum(c.isalpha() for c in bare)
        if letters == 1 and token.endswith(".") and len(bare) == 1:
            return False  # an initial in any case ("[PERSOON], a.", "[PERSOON],m.")
        if low in _NAME_SUFFIXES and kind == _PERSON_HOLE:
            return False  # "[PERSOON] jr.": the suffix tells which of two persons
        plain = low in FUNCTION or low in TITLES or low in ROLES or bare in _PARTIES
        if "&" in gap and kind in _FIRM_OR_PERSON and bare[0].isupper() and not plain:
            return False  # "Clean & [PERSOON]", "[PERSOON] & Zonen": one firm's name
        if after and gap == " " and kind in _FIRM_OR_PERSON and bare[0].isupper() and not plain:
            return False  # a name's or firm's next word ("[PERSOON] Baltic", "... Mechelen")
        if bare.isupper() and letters >= 2 and kind == _PERSON_HOLE and self.lists.is_name(bare):
            return False  # a name in capitals in the next cell ("| HART | [PERSOON] |")
        upper_code = bare.isupper() and letters <= 4
        # the letters of a postcode or plate go on right after it ("[POSTCODE] BW")
        tail = after and not any(c in gap for c in ",;|")
        if upper_code and tail and kind in _NUMBER_HOLES and bare not in _PARTIES:
            return False
        if any(s <= start and start + len(bare) <= e for s, e, _ in kept):
            return True  # a place, region, body, act or party
        if any(c.isalpha() and c not in _DUTCH_LETTERS for c in bare):
            return False  # a letter Dutch and English do not write: a foreign name ("Bảy")
        if any(c.isdigit() for c in bare):
            if (
                bare.isdigit()
                and text[start - 1 : start] == ":"
                and _TIME.search(text, max(0, start - 8), start)
            ):
                return True  # the minutes of a time in a log line ("[KENMERK]:12:44")
            if not bare.isdigit() or len(bare) > 3 or glued:
                return False  # a code, a year, a house or part of a number
            # a count, an age, a list number ("9 inzittenden", "[PERSOON], 34", "2. [URL]"),
            # unless it continues a number or address ("06 - [KENMERK]", "[ADRES] 12")
            separate = any(c in gap for c in ",;|") or token.endswith(".")
            return kind not in _NUMBER_HOLES or (separate and "\n" not in gap)
        if low in _ADDRESS_FORMS and (kind == _PERSON_HOLE or not after):
            return False
        if kind == _PERSON_HOLE and low in JOINERS and (not after or glued):
            return False
        if glued:
            return False  # letters glued to a placeholder are part of its value
        if kind in _NUMBER_HOLES and _spoken_number(low):
            return False
        if bare.islower():
            if self._fold(bare) in self.proper:
                return True  # a report word ("verbalisant", "zaakvoerder")
            if kind == _PERSON_HOLE and letters == 1 and low not in _ONE_LETTER_WORDS:
                return False  # an initial without its stop ("[PERSOON], r (broer)")
            if (
                kind == _PERSON_HOLE
                and not after
                and "," in gap
                and self.lists.is_name(bare)
                and not self.lists.ordinary(bare, _NAME_AS_WORD)
            ):
                return False  # a surname before its given name ("ahmadi, [PERSOON]")
            if letters <= 2:
                return low in FUNCTION or self.lists.ordinary(bare, _SHORT_WORD)
            return self._prose_word(bare)
        if bare in ("I", "U") and token == bare:
            return True  # the pronouns, not initials
        if letters <= 1 or _INITIALS.fullmatch(token):
            return False  # an initial ("A.", "P.J.")
        if low in TITLES or low in ROLES or low in FUNCTION:
            return True
        if self._fold(bare) in self.proper:
            return not self.lists.is_name(bare) or kind != _PERSON_HOLE
        if upper_code and tail:
            return False  # a code in capitals right after a value is part of it
        if upper_code and letters <= 3:
            return True  # a country code, a unit, an acronym ("PL", "UTC", "BE eID")
        if _STREET.search(low) and not self.lists.ordinary(bare, COMMON):
            return False  # a street without its number ("Kerkstraat [KENMERK]")
        return self._prose_word(bare)

    def _prose_word(self, word: str) -> bool:
        parts = [p for p in re.split(r"[-/]", word) if p]
        return bool(parts) and all(self._prose_part(p) for p in parts)

    def _prose_part(self, part: str) -> bool:
        # a first name is prose only when it is a very common word too ("van", "will"; "pol"
        # and "kim" are not); a surname when it is a common word ("reed", "cousin", "merk")
        if self.lists.is_first_name(part) and not self.lists.ordinary(part, _NAME_AS_WORD):
            return False
        if part[0].isupper() and self.lists.is_name(part) and not self.lists.ordinary(part, COMMON):
            return False  # a capitalised surname; in lower case "kok", "visser" are words
        if self.lists.ordinary(part, 3.0):
            return True
        return part.islower() and compound_word(self.lists, part)

    @staticmethod
    def _fold(word: str) -> str:
        return fold_word(word)


def _after_stop(text: str, end: int, kind: str) -> Iterator[tuple[int, int]]:
    """What goes on with a value past the stop that ends its neighbourhood: a surname after
    an initial's full stop, an address's bracketed addition."""
    if kind == _PERSON_HOLE:
        m = _PARTICLE_AFTER_STOP.match(text, end)
        if m is not None:
            yield m.span(1)
    elif kind == PLACEHOLDERS["NL_ADDRESS"]:
        m = _BRACKETED_ADDITION.match(text, end)
        if m is not None:
            yield m.span(1)


def _name_across(kind: str, gap: str, token: str) -> bool:
    """A name broken over two lines: a capitalised word on the other side of a bare line
    break from a person's placeholder is judged as its neighbour ("Naam: Kristóf\n[PERSOON]");
    not across punctuation ("Hoogachtend,\n[PERSOON]"), a label ("Geb.datum") or before a
    chat speaker ("... from Harwich\n[PERSOON]: ...", checked by the caller)."""
    return (
        kind == _PERSON_HOLE
        and token[:1].isupper()
        and token.isalpha()
        and gap.strip(" \t") == "\n"
    )


def _wraps(gap: str, token: str) -> bool:
    """Across a line break only a wrapped value goes on (a hyphen or slash before the break,
    or digits after it); otherwise the next line is a new field or sentence."""
    if "\n" not in gap:
        return True
    wrapped_code = token.isupper() and len(token.rstrip(".")) <= 3  # "3951\nDB" (postcode)
    return any(c in gap for c in "-/–") or any(c.isdigit() for c in token) or wrapped_code


def _spoken_number(word: str) -> bool:
    """A number word that, beside a number placeholder, reads out its digits ("plus",
    "nul zes")."""
    return word in _SPOKEN or (NUMBER_WORDS.fullmatch(word) is not None and word not in _NOT_SPOKEN)
