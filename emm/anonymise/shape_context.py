"""The shape check's context rules: what is left around a replacement, and labelled numbers.

Part of :mod:`emm.anonymise.shapes`. When de-identification replaced only part of a value,
the rest sits right next to its placeholder: the initial after a name ("[PERSOON] K."), the
addition after an address ("[ADRES] 3-hoog", "[ADRES] unit 2"), the legal form of a company
("[ORGANISATIE].j.", "[LOCATIE]. z o.o."), letters glued to a placeholder ("[PERSOON]4"),
the code before a number ("PB [POSTCODE]"), the next line of a wrapped link. These rules
refuse such fragments, and numbers that only their label gives away:

========== ==================================================================================
rule       refused
========== ==================================================================================
ADJACENT   a fragment next to a placeholder: glued letters or digits, a capitalised word or
           initial beside a name, a particle before a person, a word between two names
           that does not join two things ("by", "în"), a code or digits beside a number,
           words and numbers after an address, the continuation of a wrapped link
HOUSE      a house number with its street word or addition ("kerkstraat 7b", "huisnr. 5",
           "unit 2", "t/o 14", "3-hoog")
LABELLED   digits or a code after a label that says it identifies someone ("pasnummer
           1041", "medewerkerscode M-014", "zaak 25-0188", "klantnr. 4471")
LEGAL_FORM a company's legal form (B.V., Sp. z o.o., SRL, Ltd, Comm.V), with the name before
           it: small firms point to their owners
POSTCODE   a postcode in any case before a place ("3232 at Brielle")
========== ==================================================================================

Long because: the fragment rules for each kind of placeholder share the token helpers and
the address and label tables; split, a rule would be read without the words it shares.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from emm.anonymise.entities import PLACEHOLDERS
from emm.anonymise.lexicon import words as _words
from emm.anonymise.shape_words import FUNCTION, JOINERS, PARTICLES, ROLES, TITLES, Kept
from emm.anonymise.vocabulary import COMMON, RARE, WordLists

__all__ = ["NUMBER_LABEL", "STREET_ENDINGS", "ContextRules", "placeholder_kinds"]

_NAME_HOLES = frozenset({PLACEHOLDERS[k] for k in ("PERSON", "ORGANIZATION", "LOCATION")})
_PERSON_HOLE = PLACEHOLDERS["PERSON"]
_ORG_HOLE = PLACEHOLDERS["ORGANIZATION"]
_ADDRESS_HOLE = PLACEHOLDERS["NL_ADDRESS"]
_LINK_HOLES = frozenset({PLACEHOLDERS[k] for k in ("URL", "EMAIL_ADDRESS", "SOCIAL_HANDLE")})
_NAMEISH = _NAME_HOLES | {_ADDRESS_HOLE}
#: words that join two replaced names without being part of either
_CONNECTORS = _words("""en and or & met with van voor for bij at aan to naar from vs versus
    tegen against en/of and/or via door uit in""")
_CONNECTORS_EN = _CONNECTORS - {"in"}
_WORD_OR_CODE = re.compile(r"[\p{L}\d][\p{L}\p{M}\d'’./-]*")
_TOKEN_AFTER = re.compile(r"[ ]?([\p{L}\d][\p{L}\p{M}\d'’.-]*)")
_TOKEN_BEFORE = re.compile(r"([\p{L}\d][\p{L}\p{M}\d'’.-]*)[ ]?\Z")
_UPPER_CODE = re.compile(r"\p{Lu}{1,3}\.?")
_NAME_BEFORE_CONNECTOR = re.compile(
    r"(\p{Lu}[\p{L}'’-]*)[ ](?:by|of|and|&|en|van|de|la|le|del|di)[ ]\Z"
)
_NAME_TAIL = re.compile(
    r"[\"”’']?[ ]+((?:[\"“„'‘]\p{Lu}[^\"”“\n]{0,30}[\"”'’])"
    r"|(?<=[\"”’'][ ]+)(?:(?:van|de|der|den|ter|ten|von|da|di|du|le|la|al|el|bin|ben)[ ]+)+"
    r"\p{Lu}\p{Ll}[\p{L}'’-]*)"
)
_INITIALS_BEFORE = re.compile(r"((?:\p{Lu}\.){1,4})[ ]?[(]?[ ]?\Z")
#: a spaced code of letters and digits: "B 718 ZKT", "dx 742 vk", "PB 4521 MK"
SPACED_CODE = re.compile(
    r"(?<![\p{L}\d])(?P<a>\p{L}{1,3})[ ](?P<d>\d{2,4})[ ](?P<b>\p{L}{1,3})(?![\p{L}\d])"
)
_SLUG = re.compile(r"[\p{L}\d]*[-/_.=?&%][\p{L}\d\-/_.=?&%]*")

#: words before a number that only an address has (the weaker "nr", "bus", "kamer" count
#: after an address placeholder only)
_HOUSE_WORDS = r"huisnr\.?|huisnummer|t/o|unit|bte|boîte|appartement|apt\.?|chalet|ligplaats|berth"
_ADDITION_WORDS = (
    _HOUSE_WORDS + r"|nr\.?|no\.?|nummer|bus|kamer|app\.?|flat|box|room|ap\.|kv\.|et\.|bl\.|sc\."
)
STREET_ENDINGS = (
    r"straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|steeg|markt|hof|pad|dam|"
    r"wal|baan|park|haven|veld|ring|plantsoen|boulevard|allee|erf|hoven|kant|oord|tuin|"
    r"wijk|burgwal|vaart|brug|poort|hoek|akker|berg|bos|straatweg|hals|zijde|kamp|eiland"
)
#: what follows a house number: a floor, a part of the house, a unit ("240 zwart", "12 A2",
#: "188 achter", "1122 3e etage", "71 bovenhuis", "18 loods 2"); "achter"/"voor" only where
#: the address ends, so that "5 voor de deur" stays a word
HOUSE_ADDITIONS = (
    r"bis|hs|zw|zwart|rood|wit|boven|beneden|bg|hoog|souterrain|sous|"
    r"(?:boven|beneden|achter|voor)(?:huis|woning|zijde|kant)|"
    r"(?:achter|voor)(?=[ ]*(?:[,.;:)\n]|$|te\b|in\b))|etage|verdieping|"
    r"\d{1,2}(?:e|ste|de)[ ]?(?:etage|verdieping|verd\.?)|"
    r"(?:loods|hal|unit|kamer|box|bus|app\.?|apt\.?)[ ]?\d{1,4}[a-zA-Z]?|"
    r"[A-Z]\d{1,3}|[IV]{1,3}"
)
_HOUSE_NUMBER = (
    rf"[1-9]\d{{0,3}}(?:[ -]?[a-zA-Z](?![\p{{L}}\d])|[ -](?:{HOUSE_ADDITIONS})(?![\p{{L}}\d]))?"
)
_HOUSE = re.compile(
    rf"(?<![\p{{L}}\d])(?:[\p{{L}}-]{{2,}}(?:{STREET_ENDINGS})[ ](?!(?:19|20)\d\d(?!\d)){_HOUSE_NUMBER}"
    rf"|(?:{_HOUSE_WORDS})[ ]?\d{{1,4}}[a-zA-Z]?(?![\p{{L}}\d])"
    rf"|\d{{1,2}}-?(?:hoog|hg)(?![\p{{L}}]))",
    re.IGNORECASE,
)
#: labels whose number points to one person or their case
NUMBER_LABEL = re.compile(
    r"(?<![\p{L}])(?:"
    r"[\p{L}]*(?:nummer|nummers|nr|nrs|code|codes|kaart)|[\p{L}]+(?:pas|passen)|"
    r"personeels\p{L}*|medewerker\p{L}*|werknemer\p{L}*|stam\p{L}*|dienst\p{L}*|badge|"
    r"klant\p{L}*|dossier\p{L}*|zaak|zaken|kenmerk|referentie|ref|registratie\p{L}*|"
    r"parket\p{L}*|bvh|siena|nrm|eurodac|sis|dna|egn|cnp|pesel|nip|cui|kbo|insz|"
    r"id|no|number|numbers|ref|reference|case|file|customer|account|badge|employee|staff|"
    r"payroll|booking|ticket|passport|permit|card|licence|license|member|membership|"
    r"lidmaatschap|boeking\p{L}*|polis\p{L}*|contract\p{L}*|aanvraag\p{L}*|"
    r"bsn|kvk|imei|vin|iban|tel|telefoon|gsm|mobiel|phone|mobile"
    r")\.?(?![\p{L}])",
    re.IGNORECASE,
)
_LABEL_GAP = re.compile(r"[ \t]*(?:[:#=]|nr\.?|no\.?|is|was)?[ \t]*(?:[:#=][ \t]*)?")
_LABEL_VALUE = re.compile(
    r"(?:\p{Lu}{1,6}[ -]?)?\d[\p{L}\d]*(?:[./-][\p{L}\d]+)*(?![\p{L}\d])"
    r"|[\p{Lu}]{1,4}-\d[\d-]*(?![\p{L}\d])"
)
_LABEL_LIST = re.compile(r"[ ]*(?:\([^()\n]{0,40}\))?[ ]*(?:,|;|/|&|–|-|\ben\b|\band\b)[ ]*")
_YEAR = re.compile(r"(?:19|20)\d\d")
#: endings only a street has ("Hoogstraat" is also a hamlet, "Amsterdam" a city)
_STREET_WORD = re.compile(
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|pad|dijk|wal|baan|markt)(?= )", re.I
)
_STREET_NAME = re.compile(
    r"[\p{L}-]{2,}(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|pad|dijk|markt|"
    r"haven|hals|boulevard|plantsoen|allee)",
    re.I,
)
_ADDRESS_CUE = re.compile(
    r"(?<![\p{L}])(?:op|aan|adres|address|woont|woonde|wonende|woonachtig|verblijft|verbleef|"
    r"lives|lived|living|staying|at|stay|park|camping)(?:[ ]+\p{L}+){0,2}[ ]*$",
    re.IGNORECASE,
)
_CUED_HOUSE = re.compile(
    r"(?<![\p{L}])(?:op|aan|adres:?|address:?|woont|wonende|woonachtig|verblijft|lives at|at|"
    r"park|camping)[ ]+(?:\p{Ll}+[ ]+){0,2}"
    r"(?P<a>(?:\p{Lu}[\p{L}'’.-]*[ ]+){1,4})(?P<n>[1-9]\d{0,3})[a-zA-Z]{0,3}(?![\p{L}\d])"
)
_LEGAL_FORMS = re.compile(
    r"(?<![\p{L}])(?:Şti\.?|Inc\.?|Corp\.?|S\.L\.|S\.p\.A\.|B\.V\.|B\.V|N\.V\.|V\.O\.F\.|C\.V\.|Comm\.\s?V\.?|CommV|BVBA|SPRL|"
    r"Sp\.\s?z\s?o\.\s?o\.|sp\.\s?z\s?o\.\s?o\.|z\s?o\.\s?o\.|Sp\.\s?j\.|Sp\.\s?k\.|s\.r\.o\.|"
    r"S\.R\.L\.|S\.A\.|GmbH|UG|e\.K\.|Ltd\.?|LLP|LLC|EOOD|OOD|Kft\.?|Zrt\.?|d\.o\.o\.|"
    r"SARL|Lda\.?|A/S|UAB|SIA|SRL|BV|NV|VOF|(?:en|&)[ ]Zn\.?|&[ ]Co\.?)(?![\p{L}])"
)
#: forms written before the name (Lithuanian UAB, Latvian SIA)
_FORMS_BEFORE = frozenset({"UAB", "SIA"})
_POSTCODE_ANY = re.compile(
    r"(?<![\p{L}\d])[1-9]\d{3}[ ]?(?:[a-z]{2}|[A-Z]{2}|[A-Z][a-z])(?![\p{L}\d])"
)


def placeholder_kinds(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The placeholders in ``text`` with their text (``[PERSOON]``...)."""
    return [(s, e, text[s:e]) for s, e in spans]


class ContextRules:
    """The context rules over one vocabulary (see the module doc)."""

    def __init__(self, lists: WordLists, public: frozenset[str]) -> None:
        self.lists = lists
        self.public = public  # folded gazetteer body names: legal forms of public companies

    # -- ADJACENT ---------------------------------------------------------------------------

    def adjacent(
        self, text: str, holes: list[tuple[int, int, str]], language: str
    ) -> Iterator[tuple[int, int]]:
        """Fragments next to placeholders (``text`` is the original, placeholders intact)."""
        connectors = _CONNECTORS_EN if language == "en" else _CONNECTORS
        for idx, (s, e, kind) in enumerate(holes):
            # glued: "[PERSOON]s", "4[ORGANISATIE]", "[PERSOON].V", "[ADRES]/o nr. 6"
            after = re.match(r"[.\-/'’]?[\p{L}\d][\p{L}\d.\-/]*", text[e:])
            genitive = after is not None and after.group() in ("'s", "’s", "s")
            if after is not None and not genitive and not _plain_end(text, e):
                yield e, e + after.end()
            before = re.search(r"[\p{L}\d][\p{L}\d.\-]*[.\-/]?\Z", text[max(0, s - 40) : s])
            if before is not None:
                yield s - (len(before.group())), s
            if kind in _NAME_HOLES:
                yield from self._beside_name(text, s, e, kind, holes, idx, connectors)
            elif kind == _ADDRESS_HOLE:
                yield from self._beside_address(text, s, e)
            elif kind in _LINK_HOLES:
                wrapped = re.match(r"[ \t]*\n[ \t]*(\S+)", text[e:])
                if wrapped and _SLUG.fullmatch(wrapped.group(1).rstrip(".,;:)")):
                    value = wrapped.group(1).rstrip(".,;:)")
                    yield e + wrapped.start(1), e + wrapped.start(1) + len(value)
            else:  # a number placeholder: a code or digits beside it ("PB [POSTCODE]")
                m = _TOKEN_BEFORE.search(text[max(0, s - 12) : s])
                if m is not None and text[s - 1 : s] == " ":
                    token = m.group(1)
                    code = (
                        _UPPER_CODE.fullmatch(token)
                        and token.rstrip(".").lower() not in LABEL_WORDS
                    )
                    if code or any(c.isdigit() for c in token):
                        yield s - 1 - len(token), s - 1
                m = _TOKEN_AFTER.match(text, e)
                if m is not None and any(c.isdigit() for c in m.group(1)):
                    yield m.start(1), m.end(1)
                cut = re.search(r"(?<![\p{L}\d])(\d+[-/])\n\Z", text[max(0, s - 12) : s])
                if cut is not None:  # "70-\n[KENMERK]": the head of a wrapped number
                    yield s - len(cut.group(0)), s - 1
                wrapped = re.match(r"[ \t]*\n(\d{2,})(?![\p{L}\d])", text[e:])
                if wrapped is not None:  # "[KENMERK]\n3625": the rest of a wrapped number
                    yield e + wrapped.start(1), e + wrapped.end(1)

    def _beside_name(
        self,
        text: str,
        s: int,
        e: int,
        kind: str,
        holes: list[tuple[int, int, str]],
        idx: int,
        connectors: frozenset[str],
    ) -> Iterator[tuple[int, int]]:
        m = _TOKEN_AFTER.match(text, e)
        if m is not None and text[e : e + 1] == " ":
            token = m.group(1)
            bare = token.rstrip(".")
            nxt_hole = next((h for h in holes[idx + 1 :] if h[0] >= m.end(1)), None)
            between_kind = (
                nxt_hole[2] if nxt_hole is not None and text[m.end(1) : nxt_hole[0]] == " " else ""
            )
            if any(c.isdigit() for c in token):
                yield m.start(1), m.end(1)  # "1041 [PERSOON] – 1042 [PERSOON]"
            elif token[0].isupper() and not self._plain_word(bare, title_ok=False):
                yield m.start(1), m.end(1)
            elif token[0].isupper() and bare.lower() not in FUNCTION and len(bare) <= 2:
                yield m.start(1), m.end(1)  # an initial: "[PERSOON] K."
            elif between_kind in _NAMEISH and bare.lower() not in connectors:
                yield m.start(1), m.end(1)  # "[PERSOON] by [PERSOON]", "în"
            elif token.islower() and kind == _PERSON_HOLE and not self.lists.ordinary(bare):
                yield m.start(1), m.end(1)  # "[PERSOON] bácsi"
        amp = re.match(r"[ ]?&[ ]?\p{Lu}[\p{L}'’-]*", text[e:])
        if amp is not None:
            # "[ORGANISATIE] & Renovatie": the rest of the firm's name
            yield e + (1 if text[e : e + 1] == " " else 0), e + amp.end()
        m = _TOKEN_BEFORE.search(text[max(0, s - 40) : s])
        if m is not None and text[s - 1 : s] == " ":
            token = m.group(1)
            start = s - 1 - len(token)
            bare = token.rstrip(".")
            sentence_end = token.endswith(".") and len(bare) > 2 and bare.lower() not in TITLES
            if any(c.isdigit() for c in token):
                yield start, s - 1
            elif sentence_end:
                pass  # "in Tiel. [PERSOON] zei": the word closes the sentence before the name
            elif token[0].isupper():
                low = bare.lower()
                cue = low in FUNCTION or low in TITLES or low in ROLES
                if (
                    not self._plain_word(bare, title_ok=True)
                    or (len(bare) <= 2 and low not in FUNCTION)
                    # a rare word right before a person is a first name ("Gentian [PERSOON]")
                    or (kind == _PERSON_HOLE and not cue and not self.lists.ordinary(bare, COMMON))
                    # mid-sentence a capital marks a name part ("Baltic [PERSOON]"), and an
                    # organisation's name starts with its kind ("Huisvesting [ORGANISATIE]")
                    or (not cue and (kind == _ORG_HOLE or not _at_start(text, start)))
                ):
                    yield start, s - 1
            elif kind == _PERSON_HOLE and token in PARTICLES | JOINERS - {"te"}:
                yield start, s - 1  # "de [PERSOON]", "van [PERSOON]": part of the name
            elif (
                kind == _PERSON_HOLE
                and token.islower()
                and (not self.lists.ordinary(bare, COMMON) or not token.isascii())
                and token not in connectors
            ):
                yield start, s - 1  # "chị [PERSOON]", "señora [PERSOON]": a form of address
            if kind == _PERSON_HOLE and token.lower() in PARTICLES and token[0].isupper():
                yield start, s - 1  # "(De [PERSOON])": the name's particle
        # "Dries = [PERSOON]": a name explained by its placeholder
        m = re.search(r"(\p{Lu}[\p{L}'’-]+)[ ]?=[ ]?\Z", text[max(0, s - 40) : s])
        if m is not None and kind == _PERSON_HOLE:
            yield s - len(m.group(0)), s - len(m.group(0)) + len(m.group(1))
        # initials before a bracketed name: "R.J. ([PERSOON])"
        m = _INITIALS_BEFORE.search(text[max(0, s - 16) : s])
        if m is not None and kind == _PERSON_HOLE:
            yield s - len(m.group(0)), s - len(m.group(0)) + len(m.group(1))
        # "Nails by [PERSOON]", "Taste of [PERSOON]": a name's first words before a connector
        m = _NAME_BEFORE_CONNECTOR.search(text[max(0, s - 60) : s])
        if m is not None:
            word_start = s - len(m.group(0))
            head = m.group(1)
            if (
                not _at_start(text, word_start) and head.lower() not in FUNCTION | TITLES | ROLES
            ) or self.lists.is_name(head):
                yield word_start, word_start + len(head)
        # capitals before or after a person: "ABEBE [PERSOON]", "[PERSOON] POPESCU"
        if kind == _PERSON_HOLE:
            caps = re.search(r"(\p{Lu}{2,}),?[ ]\Z", text[max(0, s - 30) : s])
            if caps and caps.group(1).lower() not in LABEL_WORDS:
                yield s - len(caps.group(0)), s - len(caps.group(0)) + len(caps.group(1))
            # a nickname or the rest of the name after it: '[PERSOON] "BIZON"',
            # '"[PERSOON]" van Harderwijk'
            tail = _NAME_TAIL.match(text, e)
            if tail is not None:
                yield tail.start(1), tail.end(1)
            caps = re.match(r"[ ](\p{Lu}{2,})(?![\p{L}])", text[e:])
            if caps and caps.group(1).lower() not in LABEL_WORDS:
                yield e + 1, e + 1 + len(caps.group(1))
        # "[PERSOON]- en [PERSOON]": a compound cut in two
        m = re.match(r"-[ ]+(\p{L}+)[ ]+\[", text[e:])
        if m is not None:
            yield e, e + 1 + m.end(1)

    def _plain_word(self, word: str, *, title_ok: bool) -> bool:
        """A capitalised word that may stand beside a name: a function word, a title, an
        ordinary word that is no name."""
        low = word.lower()
        if low in FUNCTION or (title_ok and low in TITLES):
            return True
        if not word.isascii() and _fold_key(word) in FUNCTION | JOINERS:
            return False  # "Vân" is no "van"
        if self.lists.is_name(word):
            return False
        return self.lists.ordinary(word, RARE)

    def _beside_address(self, text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
        tail = re.match(
            rf"[ ]+(?:{HOUSE_ADDITIONS}|\d+-?hoog|\d+hg)(?![\p{{L}}\d])"
            rf"|[ ,]*(?:(?:{_ADDITION_WORDS})[ ]?)?\d[\p{{L}}\d/-]*(?:[ ]?-?(?:hoog|hg))?",
            text[e:],
            re.IGNORECASE,
        )
        if tail is not None:
            value = tail.group()
            lead = len(value) - len(value.lstrip(" ,"))
            yield e + lead, e + len(value)
        m = _TOKEN_BEFORE.search(text[max(0, s - 30) : s])
        if m is not None and text[s - 1 : s] == " ":
            token = m.group(1)
            street_part = token in _STREET_LEADS or self.lists.is_first_name(token)
            unknown = not self.lists.ordinary(token)
            if token.islower() and token not in _ADDRESS_LEADS and (street_part or unknown):
                yield s - 1 - len(token), s - 1  # "oude [ADRES]", "jan [ADRES]"
            elif _STREET_NAME.fullmatch(token):
                yield s - 1 - len(token), s - 1  # "Havenstraat [ADRES]": the street of it

    # -- HOUSE, LABELLED, LEGAL_FORM, POSTCODE ------------------------------------------------

    def houses(self, text: str, kept: Kept) -> Iterator[tuple[int, int]]:
        for m in _HOUSE.finditer(text):
            word_end = m.start() + len(m.group().split(" ")[0])
            cued = _ADDRESS_CUE.search(text[max(0, m.start() - 40) : m.start()]) is not None
            street = _STREET_WORD.search(text[m.start() : word_end + 1]) is not None
            if _inside(kept, m.start(), word_end) and not cued and not street:
                continue  # "Amsterdam 232": a place and a count
            if _legal_article(text, m.start()) or _UNIT_AFTER.match(text, m.end()):
                continue
            yield m.span()
        # "woont op park De Kievitsdel 34", "lives at Hoogstraat 9": a name and a number
        for m in _CUED_HOUSE.finditer(text):
            if _UNIT_AFTER.match(text, m.end()) or _YEAR.fullmatch(m.group("n")):
                continue
            yield m.start("a"), m.end()

    def labelled(self, text: str, kept: Kept) -> Iterator[tuple[int, int]]:
        for m in NUMBER_LABEL.finditer(text):
            pos = m.end()
            gap = _LABEL_GAP.match(text, pos)
            pos = gap.end() if gap else pos
            while True:
                v = _LABEL_VALUE.match(text, pos)
                if v is None:
                    break
                value = v.group().rstrip(".-/")
                digits = sum(c.isdigit() for c in value)
                if (
                    digits < 2
                    or _legal_article(text, m.start())
                    or _not_an_id(text, v.start(), value)
                ):
                    break
                if _inside(kept, v.start(), v.start() + len(value)):
                    break
                yield v.start(), v.start() + len(value)
                sep = _LABEL_LIST.match(text, v.start() + len(value))
                if sep is None:
                    break
                pos = sep.end()

    def legal_forms(self, text: str, kept: Kept) -> Iterator[tuple[int, int]]:
        for m in _LEGAL_FORMS.finditer(text):
            if _inside(kept, m.start(), m.end()):
                continue
            if m.group() in _FORMS_BEFORE:
                end = m.end()
                for w in _WORD_OR_CODE.finditer(text, m.end(), min(len(text), m.end() + 80)):
                    if text[end : w.start()] != " " or not w.group()[0].isupper():
                        break
                    end = w.end()
                if end > m.end():
                    yield m.start(), end
                continue
            start = m.start()
            # the capitalised words before the form belong to the name
            for w in reversed(list(_WORD_OR_CODE.finditer(text, max(0, start - 80), start))):
                if text[w.end() : start].strip(" ,&+-") != "" or not (
                    w.group()[0].isupper() or w.group()[0].isdigit() or w.group() in JOINERS
                ):
                    break
                start = w.start()
            name = text[start : m.start()].strip(" ,")
            if name and _fold_key(name) in self.public:
                continue
            yield start, m.end()

    def spaced_codes(self, text: str, kept: Kept) -> Iterator[tuple[int, int]]:
        """Plates and codes written in spaced groups ("B 718 ZKT", "dx 742 vk")."""
        for m in SPACED_CODE.finditer(text):
            a, d, b = m.group("a"), m.group("d"), m.group("b")
            if _YEAR.fullmatch(d) and (a.islower() or b.islower()):
                continue  # "in 2024 en"
            words = [
                w
                for w in (a, b)
                if not w.isupper() and self.lists.ordinary(w, 4.5 if len(w) <= 2 else 3.0)
            ]
            if words or _inside(kept, m.start(), m.end()):
                continue
            yield m.span()

    def postcodes(self, text: str, kept: Kept) -> Iterator[tuple[int, int]]:
        for m in _POSTCODE_ANY.finditer(text):
            value = m.group()
            letters = value[-2:]
            place = re.match(r"[ ,]*\p{Lu}[\p{L}'-]+", text[m.end() : m.end() + 30])
            # (a placeholder is masked as spaces: "[ADRES], " reads "       , ")
            after_address = re.search(
                r"(?:[\]\d\p{L}]|[ ]{2})[ ]?,[ ]*\Z", text[max(0, m.start() - 6) : m.start()]
            )
            if letters.isupper() and letters.lower() not in _NOT_POSTCODE_LETTERS:
                yield m.span()
            elif place is not None and after_address is not None and not _YEAR.match(value):
                yield m.span()  # "[ADRES], 3232 at Brielle"


#: lower-case words that open street names ("oude kerkstraat", "eerste jan steenstraat")
_STREET_LEADS = _words("""oude nieuwe korte lange hoge lage grote kleine eerste tweede derde
    vierde sint st prins prinses koning koningin burgemeester dokter pastoor graaf
    hertog noorder zuider ooster wester binnen buiten achter voor""")
_NOT_POSTCODE_LETTERS = _words("eu nl be de uk us vs om ez hr sr sv")
_ADDRESS_LEADS = _words("""adres address woont woonde wonende woonachtig verblijft verbleef op aan in
    te bij naar near at on the de het straat street via richting""")


_COUNT = re.compile(
    r"(?:19|20)\d\d(?:\s?[-–/]\s?(?:19|20)?\d\d)?|\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?|"
    r"(?:19|20)\d\d-?Q[1-4]|Q[1-4]-?(?:19|20)\d\d"
)
#: public service numbers that look like phone numbers but reach no one person
SERVICE_NUMBER = re.compile(r"(?:0800|0900|0906|0909)[- ]?\d{3,7}|11[2-4]|144|116\d{3}")
_UNIT_AFTER = re.compile(
    r"\s?(?:%|procent|percent|euro|eur|dollar|keer|maal|times|signalen|signals|zaken|cases|"
    r"meldingen|reports|personen|persons|people|mensen|slachtoffers|victims|verdachten|"
    r"suspects|vrouwen|women|mannen|men|kinderen|children|minderjarigen|minors|werknemers|"
    r"workers|arbeidsmigranten|uitzendkrachten|controles|inspections|inspecties|"
    r"onderzoeken|investigations|aanhoudingen|arrests|procent|jaar|years)\b",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(
    r"(?:Kamerstukk?en|Kamerstuk|Stb\.|Stcrt\.|Staatsblad|Staatscourant|richtlijn|directive|"
    r"regulation|verordening|COL|ECLI)\b[^\n]{0,40}$",
    re.IGNORECASE,
)
#: labels that stand before their own placeholder ("BSN [BSN]")
LABEL_WORDS = _words("bsn iban kvk imei vin id nr no tel gsm pin sim dob")


def _not_an_id(text: str, start: int, value: str) -> bool:
    """A year, a count, an amount, a service number or a reference: not a person's number."""
    if _COUNT.fullmatch(value) or SERVICE_NUMBER.fullmatch(value):
        return True
    if _UNIT_AFTER.match(text, start + len(value)):
        return True
    return bool(_REFERENCE_BEFORE.search(text[max(0, start - 60) : start]))


def _plain_end(text: str, e: int) -> bool:
    """A placeholder followed by its sentence's end ("[PERSOON]." then text): no fragment."""
    nxt = text[e : e + 2]
    return nxt in (".", ",") or (nxt[:1] in ".,;:!?)" and (len(nxt) < 2 or not nxt[1].isalnum()))


def _at_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(-[":
        i -= 1
    return i < 0 or text[i] in ".!?:;•\n>|"


def _legal_article(text: str, start: int) -> bool:
    before = text[max(0, start - 14) : start].lower()
    return bool(re.search(r"(?:art\.?|artikel|article|lid|sub|§)\s*[\d\w]*\s*$", before))


def _inside(kept: Kept, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e, _ in kept)


def _fold_key(value: str) -> str:
    from emm.anonymise.folding import word_key

    return word_key(value).strip()
