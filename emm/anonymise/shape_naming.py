"""The shape check's rules for names that a sentence, not a word list, gives away.

Part of :mod:`emm.anonymise.shapes`. The CAPITALS rule judges a word by what it is: a place,
a month, an ordinary word passes. But the sentence around it can say it is a name whatever
the word is ("De zus heet Saba", "door iedereen Kruimel genoemd", "Groetjes, Juli"). These
frames make a word a name even when it is a place, a month or a word (**NAMED**):

* after a naming word: "heet", "genaamd", "bijnaam", "noemt zichzelf", "called", "known as";
* before "genoemd"/"noemt" after who names ("door iedereen Kruimel genoemd");
* after a title or a rank, also a single initial ("Mister K", "wmr1 Van Oirschot");
* on its own line after a closing ("Groetjes,\\nJuli", "Regards, Gold");
* right before a replaced person in brackets ('"Smokey" ([PERSOON])', "Lisse ([PERSOON])");
* in apposition with a person noun ("zou Lochem, de beheerder,", "by Gold, a Ghanaian
  national"), unless a place preposition stands before it ("in Lochem, de ...");
* the owner of an identifier ("BSN van JP", "the passport of Gold"), the short name a
  document gives ("(hierna: GWFO)"), a display name before an e-mail address ("From: Olu
  Adebayo <[EMAIL]>"), a name with one initial ("Sofia R.") and a name written surname first
  ("Vries, de", "Bergen, J. van");
* a first name in lower case with an initial at the end of a line ("ania k.").

Every other capitalised occurrence of a name found so is refused too (the shape check's
repeats).

And where a de-identifier replaced only part of a value, what is left of it (**RESIDUE**,
the same rule as :mod:`emm.anonymise.shape_residue`, for fragments that one lets pass):

* a name particle after a replaced person, at the end of a cell or line or before a
  capitalised word ("[PERSOON] der" / "Heijden", "[PERSOON] van\\nRijswijk");
* a house-number word before a replaced value ("nr. [KENMERK]"), a floor after an
  address ("[ADRES] derde verdieping") and an addition before a comma ("[ADRES] achter,");
* the digits of a year or day joined to a placeholder ("[DATUM] '06", "[KENMERK]-'79"),
  letters or digits glued to one ("[ACCOUNT]..ams"), and a year of birth in brackets after a
  person ("[PERSOON] (2011)", rule DATE);
* the words of an obfuscated e-mail address beside its placeholder ("r punt de [EMAIL]").

Shapes that no other rule reads: a passport's machine-readable lines (**MRZ**), an
IPv4-mapped IPv6 prefix ("::ffff:", **IP**), a code typed in short groups ("yv1e vp2e u1mf
3khm e", **MIXED**) and a Dutch plate in lower case ("vd 912 s",
**PLATE**; only the letters a Dutch plate can hold).

>>> rules = NamingRules(lambda w: w.lower() in {"ania"})
>>> t = "De zus heet Saba.\\nGroetjes,\\nJuli"
>>> [t[s:e] for s, e in rules.named(t)]
['Saba', 'Juli']
>>> t = "P<UKR[PERSOON]<<[PERSOON]<<<<<<<<<<<<<<<<\\nnr. [KENMERK]"
>>> [(r, t[s:e]) for r, s, e in rules.fragments(t)]
[('MRZ', 'P<UKR[PERSOON]<<[PERSOON]<<<<<<<<<<<<<<<<'), ('RESIDUE', 'nr.')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex as re

from emm.anonymise.lexicon import words as _words
from emm.anonymise.shape_words import ROLES, TITLES, word_before

__all__ = ["APPOSITION_NOUNS", "RANKS", "NamingRules"]

#: police, Marechaussee and foreign ranks written before an officer's name
RANKS = _words("""wmr wmr1 wmr-1 owmr aoo kpl korporaal sgt sergeant brig brigadier agent
    hoofdagent hoofdinspecteur inspecteur insp rechercheur adjudant majoor kapitein luitenant
    aspirant surveillant pc dc ds di det detective constable officer""")
#: nouns that, in apposition after a capitalised word, make it a person
APPOSITION_NOUNS = ROLES | _words("""beheerder beheerster eigenaar eigenaresse chauffeur driver
    owner manager landlord landlady boss baas pooier pimp recruiter ronselaar tussenpersoon
    voorman foreman werkgever employer familie family national man vrouw woman jongen meisje
    girl boy vriend friend partner echtgenoot echtgenote husband wife contactpersoon
    bemiddelaar broker smokkelaar smuggler schoonmaker cleaner kapster hairdresser uitbater
    exploitant operator director directeur bestuurder koerier courier""")

_CAP = r"\p{Lu}[\p{L}\p{M}'’-]*"
_PART = r"(?:van|de|der|den|ter|ten|te|von|da|di|du|le|la|del|bin|ben|ibn|al|el|abu)"
#: a capitalised name of up to four words, particles between
_NAME = rf"{_CAP}(?:[ ](?:{_PART}[ ])*{_CAP}){{0,3}}"
_QUOTE_OPEN = "\"“„'‘«"
_QUOTE_CLOSE = "\"”'’»"

#: The cue frames are found by one pass over the words: each cue word (lower case) has the
#: pattern that must match right after it. One alternation of ~120 words per frame, tried at
#: every position, cost ~2 ms a 1,000-word report; a dict lookup per word costs a fifth.
_NAMED_AFTER = re.compile(rf"(?:[ ]*:[ ]*|[ ]+)[{_QUOTE_OPEN}]?(?P<n>{_NAME})")
_NAMING_CUES = {
    w: _NAMED_AFTER
    for w in _words("""heet heette heten genaamd genaamde roepnaam werknaam bijnaam named
        nicknamed called aka""")
}
#: "(hierna: GWFO)", "(hereinafter: Mr X)": the short name a document gives someone
_DEFINED_AS = re.compile(
    rf"(?:[ ]+te[ ]+noemen)?[ ]*:?[ ]*[{_QUOTE_OPEN}]?(?P<n>{_NAME}|\p{{Lu}}{{2,6}})(?![\p{{L}}])"
)
_NAMING_CUES |= {"hierna": _DEFINED_AS, "hereinafter": _DEFINED_AS}
_NAMING_CUES |= {
    w: re.compile(rf"[ ]{phrase}(?:[ ]*:[ ]*|[ ]+)[{_QUOTE_OPEN}]?(?P<n>{_NAME})")
    for w, phrase in [
        ("known", "as"),
        ("goes", "by"),
        ("noemt", "(?:zich|zichzelf|hem|haar|me)"),
        ("noemde", "(?:zich|zichzelf|hem|haar|me)"),
        ("noemen", "(?:zich|zichzelf|hem|haar|me)"),
        ("calls", "(?:himself|herself|him|her|me)"),
        ("call", "(?:himself|herself|him|her|me)"),
    ]
}
#: who names, before the name and "genoemd": "door iedereen Kruimel genoemd"
_BEFORE_NAMING = re.compile(
    rf"[ ]+[{_QUOTE_OPEN}]?(?P<n>{_NAME})[{_QUOTE_CLOSE}]?[ ]+(?i:genoemd|noemt|noemde|noemen|call)"
    r"(?![\p{L}])"
)
_NAMERS = _words("iedereen zichzelf zich hem haar ze men they everyone people")
#: after a title or rank: a name, or one initial ("Mister K")
_AFTER_TITLE = re.compile(rf"\.?\d?[ ]+(?P<n>{_NAME}|\p{{Lu}}\.?(?![\p{{L}}\d]))")
_TITLE_CUES = frozenset(w.rstrip(".") for w in TITLES | RANKS)
#: titles that are also verbs or words in running text: only capitalised ("Miss K", not "miss")
_AMBIGUOUS_TITLES = _words("miss sir madam officer pc dc ds di det")
#: whose identifier it is: "BSN van JP", "the passport of Gold"
_POSSESSOR = re.compile(rf"[ ]+(?i:van|of)[ ]+(?P<n>{_NAME}|\p{{Lu}}{{2,3}})(?![\p{{L}}])")
_POSSESSIONS = _words("""bsn iban rekening rekeningnummer telefoon telefoonnummer mobiel paspoort
    id-kaart adres kenteken auto phone passport account address car""")
#: one pass: a word and what may stand before it ("so-called" is one word, so no cue)
_CUE_WORD = re.compile(r"(?<![\p{L}\d-])[\p{L}][\p{L}\d-]*")
_CLOSING = re.compile(
    r"(?m)^[ \t>]*(?i:groetjes|groeten|groet|gr|mvg|m\.v\.g\.|met vriendelijke groet(?:en)?|"
    r"vriendelijke groet(?:en)?|hartelijke groet(?:en)?|liefs|doei|kusjes|kus|x+|"
    r"(?:kind |best |warm |many )?regards|best|cheers|thanks|thank you|many thanks|"
    r"best wishes|sincerely|yours sincerely|love)(?![\p{L}])[ \t]*[,!.]?[ \t]*(?:\n[ \t>]*)?"
    rf"(?P<n>{_NAME})[ \t]*[.!]?[ \t]*$"
)
#: a replaced person in brackets, and the name right before it: '"Smokey" ([PERSOON])'
_PERSON_IN_BRACKETS = re.compile(r"\([ ]*(?:\[PERSOON\]|\[ACCOUNT\]|@)")
_NAME_BEFORE = re.compile(rf"(?<![\p{{L}}\[])[{_QUOTE_OPEN}]?(?P<n>{_NAME})[{_QUOTE_CLOSE}]?[ ]*\Z")
_PLACE_PREPOSITIONS = _words("""in bij uit naar te nabij richting rond via tussen near from to
    at of van around between across within""")
#: a person noun in apposition, and the name before it: "Lochem, de beheerder"
_APPOSITION = re.compile(
    r"(?:,[ ]*|[ ]+\([ ]*)(?i:de|het|een|a|an|the|zijn|haar|his|her|onze|our)[ ]+"
    r"(?:(?P<adj>\p{L}+)[ ]+)?(?P<noun>\p{L}+)"
)
_NAME_AT_END = re.compile(rf"(?<![\p{{L}}])(?P<n>{_NAME})\Z")
#: a display name before an e-mail address: "Olu Adebayo <[EMAIL]>", "Bergen, J. van <...>"
_DISPLAY_NAME = re.compile(
    r"(?m)^[ \t>]*(?i:from|to|cc|van|aan|afzender|sender|reply-to)[ \t]*:[ \t]*"
    r"(?P<n>[^<\n]{2,60}?)[ \t]*<"
)
#: a name and one initial: "Sofia R.", '"Maria K."' (also when the word is a place)
_NAME_AND_INITIAL = re.compile(rf"(?<![\p{{L}}])(?P<n>{_CAP}[ ]\p{{Lu}}\.)(?![\p{{L}}])")
#: a name written surname first with its particle after it: "Vries, de", "Bergen, J. van"
_INVERTED = re.compile(
    rf"(?<![\p{{L}}])(?P<n>{_CAP},[ ](?:\p{{Lu}}\.){{0,4}}[ ]?"
    r"(?:van der|van den|van de|van|de|der|den|ter|ten|te|op den|in 't))"
    r"(?=[\"';|,)\t]|[ ]*$)",
    re.MULTILINE,
)
#: a year in brackets right after a person: "[PERSOON] (2011)", "[PERSOON] (geb. 1951, ...)"
_BIRTH_YEAR = re.compile(
    r"\[PERSOON\][ ]?\([ ]?(?:(?i:geb\.?|geboren|born|b\.|°|\*)[ ]?)?(?P<y>(?:19|20)\d\d)(?![\d])"
)
_LOWER_WITH_INITIAL = re.compile(r"(?m)^[ \t>]*(?P<n>\p{Ll}{3,})[ ]\p{Ll}\.[ \t]*$")

_PERSON_HOLE = r"\[(?:PERSOON|ACCOUNT)\]"
#: particles that are a name's and never prose after a person ("[PERSOON] der")
_NAME_ONLY_PARTICLES = r"der|den|ter|ten|vd|v\.d\.|v/d|van der|van den|van de|von|bin|ibn"
_PARTICLE_TAIL = re.compile(
    rf"{_PERSON_HOLE}\.?[ \t]*(?P<p>(?:{_NAME_ONLY_PARTICLES}|van|de|el|al|te))(?![\p{{L}}.])"
    r"(?P<rest>(?:[ \t|]*\n)?[ \t|]*(?P<w>\p{L}[\p{L}\p{M}'’-]*))?"
)
#: a house-number word right before a replaced value (looked for before each placeholder)
_HOUSE_HOLE = re.compile(r"\[(?:KENMERK|ADRES|PERSOON|ORGANISATIE)\]")
_HOUSE_CUE = re.compile(
    r"(?<![\p{L}])(?i:nr|nr\.|nummer|huisnummer|huisnr\.?|no\.|ligplaats|unit|flat|"
    r"appartement|apt\.?|kamer)[ ]?\Z"
)
_FLOOR = re.compile(
    r"\[ADRES\][ ,]*(?P<f>(?i:(?:\d{1,2}(?:e|de|ste)|eerste|tweede|derde|vierde|vijfde|zesde)"
    r"[ ](?:verdieping|etage|woonlaag)|begane grond|bovenwoning|benedenwoning|souterrain|"
    r"zolder|achterhuis|(?:first|second|third|ground)[ ]floor))"
)
#: an addition after a replaced address or street, before a comma or the end ("[PERSOON] achter,")
_ADDITION = re.compile(
    r"\[(?:ADRES|PERSOON|KENMERK)\][ ]+(?P<a>(?i:achter|voor|boven|beneden|bis|hs|huis|rood|"
    r"zwart|bg|bov|ben))(?=[ ]*(?:[,;|)]|$))",
    re.MULTILINE,
)
_JOINED_DIGITS = re.compile(
    r"\[[A-Z][A-Z-]*\](?P<d>[ ]?[-'’/]{1,2}\d{2,4})(?![\d])|(?P<e>(?<![\d])\d{1,4}[-'’/])\[[A-Z][A-Z-]*\]"
)
#: letters or digits glued to a placeholder: "[ACCOUNT]..ams", "[KENMERK]254418"
_GLUED = re.compile(r"\[[A-Z][A-Z-]*\](?P<g>[._]{0,2}[\p{L}\d][\p{L}\d._]*)")
_OBFUSCATION = r"(?:[ ]+(?:punt|dot)[ ]+|[ ]*[\[(](?:punt|dot|at)[\])][ ]*)"
_EMAIL_BEFORE = re.compile(
    rf"(?P<o>[\p{{L}}\d._-]+(?:{_OBFUSCATION}[\p{{L}}\d._-]+)*{_OBFUSCATION}[\p{{L}}\d._-]*)"
    r"[ ]*\[(?:EMAIL|URL)\]",
    re.IGNORECASE,
)
_EMAIL_AFTER = re.compile(
    rf"\[(?:EMAIL|URL)\][ ]*(?P<o>(?:[\p{{L}}\d._-]+)?(?:{_OBFUSCATION}[\p{{L}}\d._-]+)+)",
    re.IGNORECASE,
)
#: a code typed in short groups: "yv1e vp2e u1mf 3khm e" (a VIN), "ab12 cd34 ef56 7"
_GROUPS = re.compile(r"(?<![\p{L}\d])(?:[A-Za-z0-9]{1,5}[ ]){3,}[A-Za-z0-9]{1,5}(?![\p{L}\d])")
#: a machine-readable zone line: capitals, digits and "<" fillers (with placeholders in it)
_MRZ = re.compile(r"(?m)^[ \t]*(?=[^\n]*<<)(?:[A-Z0-9<]|\[[A-Z][A-Z-]*\]){15,}[ \t]*$")
_IPV4_MAPPED = re.compile(r"(?<![\p{L}\d:])::ffff:(?:\d{1,3}(?:\.\d{1,3}){3})?", re.IGNORECASE)
#: Dutch plates hold no vowels (and no C, Q, W, M): groups of 1-3 such letters and digits
_PL = "bdfghjklnprstvxz"
_LOWER_PLATE = re.compile(
    rf"\b(?:[{_PL}]{{1,3}}[ -]\d{{1,3}}[ -][{_PL}]{{1,3}}"
    rf"|\d{{1,3}}[ -][{_PL}]{{2,3}}[ -]\d{{1,3}})(?![\p{{L}}\d])",
    re.IGNORECASE,
)


class NamingRules:
    """The NAMED frames and the fragments (see the module doc).

    ``may_be_name`` says whether a lower-case word may be a name: on a name list, or no
    ordinary word ("ania"); ``is_name`` whether a word is on a name list (default: the same).
    """

    def __init__(
        self, may_be_name: Callable[[str], bool], is_name: Callable[[str], bool] | None = None
    ) -> None:
        self._may_be_name = may_be_name
        self._is_name = is_name or may_be_name

    def named(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of names that a naming frame gives away."""
        for w in _CUE_WORD.finditer(text):
            word = w.group()
            low = word.lower()
            after: re.Pattern[str] | None = _NAMING_CUES.get(low)
            if low in _TITLE_CUES and (low not in _AMBIGUOUS_TITLES or word[0].isupper()):
                after = _AFTER_TITLE
            elif low in _POSSESSIONS:
                after = _POSSESSOR
            elif low in _NAMERS:
                after = _BEFORE_NAMING
            if after is not None and (m := after.match(text, w.end())):
                yield m.span("n")
        for m in _CLOSING.finditer(text):
            yield m.span("n")
        for a in _PERSON_IN_BRACKETS.finditer(text):
            b = _NAME_BEFORE.search(text, max(0, a.start() - 80), a.start())
            if (
                b
                and b.group("n").lower() not in ROLES | TITLES
                and not self._after_place_word(text, b.start("n"))
            ):
                yield b.span("n")
        for a in _APPOSITION.finditer(text):
            nouns = {a.group("noun").lower(), (a.group("adj") or "").lower()}
            if not nouns & APPOSITION_NOUNS:
                continue
            b = _NAME_AT_END.search(text, max(0, a.start() - 60), a.start())
            if b is None or b.group("n").lower() in ROLES | TITLES:
                continue
            if self._after_place_word(text, b.start()):
                continue  # "in Lochem, de gemeente ..."
            yield b.span("n")
        for m in _DISPLAY_NAME.finditer(text):
            if re.search(r"\p{Lu}", m.group("n")) and not m.group("n").startswith("["):
                yield m.span("n")
        for m in _NAME_AND_INITIAL.finditer(text):
            if self._is_name(m.group("n")[:-3]):
                yield m.span("n")
        for m in _INVERTED.finditer(text):
            yield m.span("n")
        for m in _LOWER_WITH_INITIAL.finditer(text):
            if self._may_be_name(m.group("n")):
                yield m.start("n"), m.end()

    @staticmethod
    def _after_place_word(text: str, start: int) -> bool:
        """ "uit Ghana ([PERSOON])", "in Lochem, de gemeente": a place, not a name."""
        return word_before(text, start) in _PLACE_PREPOSITIONS

    def fragments(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(rule, start, end) of what is left of a value, and shapes no other rule reads."""
        for m in _MRZ.finditer(text):
            yield "MRZ", m.start() + len(m.group()) - len(m.group().lstrip()), m.end()
        for m in _PARTICLE_TAIL.finditer(text):
            particle, word = m.group("p"), m.group("w")
            end_of_cell = (
                m.group("rest") is None or "\n" in m.group("rest") or "|" in m.group("rest")
            )
            if word and (word[0].isupper() or end_of_cell):
                yield "RESIDUE", m.start("p"), m.end("w")
            elif end_of_cell or re.fullmatch(_NAME_ONLY_PARTICLES, particle):
                yield "RESIDUE", m.start("p"), m.end("p")
        for hole in _HOUSE_HOLE.finditer(text):
            cue = _HOUSE_CUE.search(text, max(0, hole.start() - 14), hole.start())
            if cue:
                yield "RESIDUE", cue.start(), cue.start() + len(cue.group().rstrip())
        for m in _FLOOR.finditer(text):
            yield "RESIDUE", *m.span("f")
        for m in _ADDITION.finditer(text):
            yield "RESIDUE", *m.span("a")
        for m in _GLUED.finditer(text):
            if m.group("g").lower().strip("._") not in ("s", "en", "e"):
                yield "RESIDUE", *m.span("g")
        for m in _BIRTH_YEAR.finditer(text):
            yield "DATE", *m.span("y")
        for m in _JOINED_DIGITS.finditer(text):
            group = "d" if m.group("d") else "e"
            yield "RESIDUE", *m.span(group)
        for pattern in (_EMAIL_BEFORE, _EMAIL_AFTER):
            for m in pattern.finditer(text):
                yield "EMAIL", *m.span("o")
        for m in _GROUPS.finditer(text):
            groups = m.group().split(" ")
            with_digits = sum(any(c.isdigit() for c in g) for g in groups)
            letters = sum(c.isalpha() for c in m.group())
            if (
                with_digits >= 3
                and with_digits >= len(groups) - 1
                and letters
                and (sum(c.isalnum() for c in m.group()) >= 13)
            ):
                yield "MIXED", *m.span()
        for m in _IPV4_MAPPED.finditer(text):
            yield "IP", *m.span()
        for m in _LOWER_PLATE.finditer(text):
            if not m.group().isupper():  # capitals are the PLATE rule's own
                yield "PLATE", *m.span()
