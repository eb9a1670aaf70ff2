"""Known values: identifiers the graph holds, found again in outgoing text.

Presidio catches identifiers it has never seen; this catches the ones we know. The graph
supplies ``(kind, value)`` pairs (names, phones, IBANs, plates, addresses, document
numbers...). Every value is normalised once and put into an Aho-Corasick automaton
(``pyahocorasick``), so one pass over the text finds all of them however many there are.

Normalisation makes the match robust to how a value is written:

* numbers and codes (IBAN, plate, BSN, postcode, document, KvK, V-number, e-mail) are
  compared on their letters and digits only, case-folded: ``NL91 ABNA 0417 1643 00`` =
  ``nl91abna0417164300``, ``12-ABC-3`` = ``12abc3``; the match must start and end at a word
  boundary in the text;
* phone numbers are compared on their national significant number, and the digits written
  before it must be a valid prefix (``0``, ``+31``, ``0031``, ``+31 (0)``): ``06-12345678`` =
  ``+31 6 1234 5678`` = ``0031612345678``;
* names, companies and streets are compared word by word, case- and accent-folded
  (``JAN  de   VRIES`` = ``Jan de Vries``, ``Müller`` = ``MULLER``), also as "surname, first
  name"; each part of a person's name (three letters or more) is found on its own when it is
  written with a capital ("Okonkwo" after "Chukwuemeka Okonkwo").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick
import phonenumbers
import regex as re

from emm.anonymise.findings import Finding, resolve_overlaps
from emm.anonymise.folding import alnum_stream, word_stream
from emm.anonymise.lexicon import NAME_PARTICLES, TITLES
from emm.anonymise.lexicon import words as _words
from emm.errors import EmmError

__all__ = ["KIND_ALIASES", "KnownValues", "UnknownKindError"]


class UnknownKindError(EmmError, ValueError):
    """A ``(kind, value)`` pair has a kind this module does not know."""


#: accepted kind names (lower case) -> entity type. Graph labels are accepted too.
KIND_ALIASES: dict[str, str] = {
    "person": "PERSON",
    "persoon": "PERSON",
    "name": "PERSON",
    "naam": "PERSON",
    "phone": "PHONE_NUMBER",
    "telefoon": "PHONE_NUMBER",
    "telephone": "PHONE_NUMBER",
    "email": "EMAIL_ADDRESS",
    "e-mail": "EMAIL_ADDRESS",
    "iban": "IBAN_CODE",
    "bankaccount": "IBAN_CODE",
    "bank_account": "IBAN_CODE",
    "plate": "NL_LICENCE_PLATE",
    "kenteken": "NL_LICENCE_PLATE",
    "licence_plate": "NL_LICENCE_PLATE",
    "license_plate": "NL_LICENCE_PLATE",
    "vehicle": "NL_LICENCE_PLATE",
    "address": "NL_ADDRESS",
    "adres": "NL_ADDRESS",
    "street": "NL_ADDRESS",
    "postcode": "NL_POSTCODE",
    "bsn": "NL_BSN",
    "document": "NL_DOCUMENT_NUMBER",
    "identitydocument": "NL_DOCUMENT_NUMBER",
    "identity_document": "NL_DOCUMENT_NUMBER",
    "passport": "NL_DOCUMENT_NUMBER",
    "id_card": "NL_DOCUMENT_NUMBER",
    "v_number": "NL_V_NUMBER",
    "vnummer": "NL_V_NUMBER",
    "v-nummer": "NL_V_NUMBER",
    "kvk": "NL_KVK",
    "company": "ORGANIZATION",
    "organisation": "ORGANIZATION",
    "organization": "ORGANIZATION",
    "location": "LOCATION",
    "ip": "IP_ADDRESS",
    "ip_address": "IP_ADDRESS",
    "handle": "SOCIAL_HANDLE",
    "account": "SOCIAL_HANDLE",
    "url": "URL",
    "vin": "VIN",
    "imei": "IMEI",
    "driving_licence": "DRIVING_LICENCE",
    "rijbewijs": "DRIVING_LICENCE",
    "foreign_plate": "FOREIGN_PLATE",
    "employee_number": "EMPLOYEE_NUMBER",
    "personeelsnummer": "EMPLOYEE_NUMBER",
    "case_number": "PERSON_REFERENCE",
    "reference": "PERSON_REFERENCE",
    "birth_date": "DATE_TIME",
    "date_of_birth": "DATE_TIME",
}

_WORD_KINDS = frozenset({"PERSON", "ORGANIZATION", "NL_ADDRESS", "LOCATION"})
# "do" is also a Vietnamese family name; titles are not part of a name
_NAME_PARTICLES = (NAME_PARTICLES - {"do"}) | TITLES
_POSTCODE_IN_ADDRESS = re.compile(r"(?<!\d)[1-9]\d{3}\s?[A-Za-z]{2}(?![A-Za-z])")
_PHONE_SEPARATORS = frozenset(" -.()/\u00a0")
_MIN_KEY = 3
_MIN_PART = 2  # two-letter family names: Wu, Li, Do, Ly


def _alnum_key(value: str) -> str:
    return alnum_stream(value)[0]


def _word_key(value: str) -> str:
    return word_stream(value)[0]


@dataclass(frozen=True)
class _Entry:
    entity_type: str
    mode: str  # "alnum", "word", "part" (capitalised name part), "single", "phone"
    prefixes: tuple[str, ...] = ()  # phone: allowed digit prefixes before the NSN


class KnownValues:
    """Identifiers known from the graph, matched in outgoing text.

    >>> known = KnownValues([("phone", "+31612345678"), ("person", "Chukwuemeka Okonkwo")])
    >>> [f.entity_type for f in known.find("Bel OKONKWO op 06-12 34 56 78.")]
    ['PERSON', 'PHONE_NUMBER']

    The repr shows only counts per kind; values are never printed.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._entries: dict[str, dict[str, set[_Entry]]] = {
            "alnum": defaultdict(set),
            "word": defaultdict(set),
        }
        self._counts: Counter[str] = Counter()
        self._automata: dict[str, ahocorasick.Automaton] | None = None
        for kind, value in pairs:
            self.add(kind, value)

    # -- building --------------------------------------------------------------------------

    def add(self, kind: str, value: str) -> None:
        """Add one known value. Raises :class:`UnknownKindError` for an unknown kind."""
        entity = KIND_ALIASES.get(kind.strip().lower().replace(" ", "_"))
        if entity is None:
            raise UnknownKindError(
                f"unknown kind {kind!r}; expected one of {sorted(set(KIND_ALIASES))}"
            )
        value = str(value).strip()
        if not value:
            return
        self._automata = None
        self._counts[entity] += 1
        if entity == "PHONE_NUMBER":
            self._add_phone(value)
        elif entity == "PERSON":
            self._add_person(value)
        elif entity == "NL_ADDRESS":
            self._add_address(value)
        elif entity in _WORD_KINDS:
            self._put("word", _word_key(value), _Entry(entity, "word"))
        else:
            self._put("alnum", _alnum_key(value), _Entry(entity, "alnum"))
            if entity == "NL_BSN" and _alnum_key(value).isdigit() and len(_alnum_key(value)) == 8:
                self._put("alnum", "0" + _alnum_key(value), _Entry(entity, "alnum"))

    def _put(self, stream: str, key: str, entry: _Entry, min_len: int = _MIN_KEY) -> None:
        if len(key.strip()) >= min_len:
            self._entries[stream][key].add(entry)

    def _add_phone(self, value: str) -> None:
        try:
            number = phonenumbers.parse(value, "NL")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not number.national_number:
            self._put("alnum", _alnum_key(value), _Entry("PHONE_NUMBER", "alnum"))
            return
        nsn = phonenumbers.national_significant_number(number)
        cc = str(number.country_code)
        prefixes = ("", "0", cc, cc + "0", "00" + cc, "00" + cc + "0")
        self._put("alnum", nsn, _Entry("PHONE_NUMBER", "phone", prefixes))

    def _add_person(self, value: str) -> None:
        # "Okonkwo, Chukwuemeka" is "Chukwuemeka Okonkwo"
        if value.count(",") == 1:
            surname, given = (p.strip() for p in value.split(","))
            if surname and given:
                self._add_person_words(f"{given} {surname}")
        self._add_person_words(value.replace(",", " "))

    def _add_person_words(self, value: str) -> None:
        words = _word_key(value).split()
        if not words:
            return
        if len(words) == 1:
            # a one-word name ("Pol", "Mei"): like a part, it needs a capital, and a cue when
            # it is also a party code, month, place or ordinary word
            self._put("word", f" {words[0]} ", _Entry("PERSON", "single"), _MIN_PART)
            return
        variants = {tuple(words)}
        # every rotation ("de Vries Jan", "Vries Jan de") and the name without particles
        variants.update(tuple(words[i:] + words[:i]) for i in range(1, len(words)))
        core = [w for w in words if w not in _NAME_PARTICLES]
        if len(core) >= 2:
            variants.add(tuple(core))
        for variant in variants:
            self._put("word", " " + " ".join(variant) + " ", _Entry("PERSON", "word"))
        # each part on its own when capitalised: "Okonkwo", "Al-Hassan", "Hassan", "Wu"
        for token in value.split():
            key = _word_key(token)
            if key.strip() not in _NAME_PARTICLES and len(key.strip()) >= _MIN_PART:
                self._put("word", key, _Entry("PERSON", "part"), _MIN_PART)
        for word in words:
            if len(word) >= _MIN_PART and word not in _NAME_PARTICLES and not word.isdigit():
                self._put("word", f" {word} ", _Entry("PERSON", "part"), _MIN_PART)

    def _add_address(self, value: str) -> None:
        for m in _POSTCODE_IN_ADDRESS.finditer(value):
            self._put("alnum", _alnum_key(m.group()), _Entry("NL_POSTCODE", "alnum"))
        street = _POSTCODE_IN_ADDRESS.sub(",", value).split(",")[0]
        self._put("word", _word_key(street), _Entry("NL_ADDRESS", "word"))
        self._put("word", _word_key(value), _Entry("NL_ADDRESS", "word"))

    def _build(self) -> dict[str, ahocorasick.Automaton]:
        automata: dict[str, ahocorasick.Automaton] = {}
        for stream, entries in self._entries.items():
            automaton = ahocorasick.Automaton()
            for key, found in entries.items():
                automaton.add_word(key, (len(key), tuple(found)))
            if len(automaton):
                automaton.make_automaton()
                automata[stream] = automaton
        return automata

    # -- inspection ------------------------------------------------------------------------

    def __len__(self) -> int:
        return sum(self._counts.values())

    def __bool__(self) -> bool:
        return len(self) > 0

    def counts(self) -> dict[str, int]:
        """Number of values added per entity type."""
        return dict(self._counts)

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v}" for k, v in sorted(self._counts.items()))
        return f"KnownValues({inner})"

    # -- matching --------------------------------------------------------------------------

    def find(self, text: str) -> list[Finding]:
        """All occurrences of known values in ``text``, overlapping matches merged.

        (A full name and its parts match at the same place; the merged finding covers both.)
        """
        if self._automata is None:
            self._automata = self._build()
        return resolve_overlaps(self._iter_findings(text))

    def _iter_findings(self, text: str) -> Iterator[Finding]:
        automata = self._automata or {}
        if "alnum" in automata:
            stream, index = alnum_stream(text)
            for end, (length, entries) in automata["alnum"].iter(stream):
                s, e = index[end - length + 1], index[end] + 1
                for entry in entries:
                    if entry.mode == "phone":
                        start = _phone_start(text, s, e, entry.prefixes)
                        if start is not None:
                            yield Finding(entry.entity_type, start, e, "known", 1.0)
                    elif _boundary_ok(text, s, e):
                        yield Finding(entry.entity_type, s, e, "known", 1.0)
        if "word" in automata:
            stream, index = word_stream(text)
            for end, (length, entries) in automata["word"].iter(stream):
                inner = [i for i in index[end - length + 1 : end + 1] if i >= 0]
                if not inner:
                    continue
                s, e = inner[0], inner[-1] + 1
                for entry in entries:
                    if entry.mode in ("part", "single") and not _capitalised(text[s:e]):
                        continue
                    if (
                        entry.mode in ("part", "single")
                        and _collides(text[s:e])
                        and not _person_cue_before(text, s)
                    ):
                        continue
                    score = 0.9 if entry.mode in ("part", "single") else 1.0
                    yield Finding(entry.entity_type, s, e, "known", score)


_PERSON_CUES = _words("""dhr dhr. heer mevrouw mevr mevr. mw mw. meneer mr mr. mrs ms miss mister verdachte
    slachtoffer betrokkene getuige genaamd alias aangever aangeefster suspect victim witness
    named called zoon dochter broer zus vader moeder""")
_SHORT_PART = 4


def _collides(word: str) -> bool:
    """A name part that is also something else: short, a party code, month, place, word."""
    from emm.anonymise.gazetteer import load_gazetteer
    from emm.anonymise.lexicon import load_word_list

    letters = "".join(c for c in word if c.isalpha())
    if len(letters) < _SHORT_PART:
        return True
    low = letters.lower()
    return word in load_gazetteer() or low in load_word_list("allowed_terms")


def _person_cue_before(text: str, start: int) -> bool:
    words = text[max(0, start - 24) : start].lower().split()
    return bool(words) and words[-1].rstrip(",:") in _PERSON_CUES


def _capitalised(word: str) -> bool:
    """ "Okonkwo", "OKONKWO", "O'Connor" (a name part starts with a capital), not "okonkwo"."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper()


def _boundary_ok(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _digits_before(text: str, start: int, limit: int = 8) -> list[tuple[str, int]]:
    """Digits (with their index) written just before ``start``, across phone separators."""
    out: list[tuple[str, int]] = []
    i = start - 1
    while i >= 0 and len(out) < limit:
        ch = text[i]
        if ch.isdigit():
            out.append((ch, i))
        elif ch in _PHONE_SEPARATORS:
            pass
        else:
            break
        i -= 1
    out.reverse()
    return out


def _phone_start(text: str, start: int, end: int, prefixes: tuple[str, ...]) -> int | None:
    """Where a known phone number whose NSN is at [start, end) begins, or None.

    The digits written just before the NSN must be one of ``prefixes`` ("0", "31", "0031",
    "310"...). Anything else (another number, a longer digit run) means no match.
    """
    if end < len(text) and text[end].isdigit():
        return None
    before = _digits_before(text, start)
    digits = "".join(d for d, _ in before)
    for prefix in sorted(prefixes, key=len, reverse=True):
        if not digits.endswith(prefix):
            continue
        first = before[len(digits) - len(prefix)][1] if prefix else start
        prev = text[first - 1] if first > 0 else " "
        # the prefix opens the number, or other digits precede it, clearly separated
        ok = not prev.isalnum() if len(prefix) == len(digits) else prev.isspace() or prev in "/("
        if not ok:
            continue
        if prev in "+(":
            first -= 1
        return first
    return None
