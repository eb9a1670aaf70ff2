"""Scalar normalisers: one function per field kind in :data:`emm.graph.schema.FieldKind`.

Why this module exists: the same person, phone, account or car arrives from five parties in
five spellings (``06-12345678``, ``+31 6 1234 5678``, ``0031612345678``). Node identity in the
graph is built from the *normalised* value, so two records only merge when their values are
normalised the same way, here and nowhere else.

Contract for every normaliser: it takes a ``str`` that the reader has already stripped of
surrounding whitespace and that is not empty, and returns the canonical value or raises
:class:`InvalidValue`. The reason in an :class:`InvalidValue` is plain English and never
contains the value itself (the value is personal data and reasons end up in quarantine files
and logs). For the same reason no normaliser raises while handling another exception, so no
exception chain can carry the value either.

The functions run once per field of every ingested row, so they are written for speed:
module-level compiled regexes, ``str.translate`` instead of character loops, and the
``phonenumbers`` library only for foreign telephone numbers.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from operator import mul

import phonenumbers

from emm.errors import EmmError
from emm.graph.schema import DIRECTIONS, DOC_TYPES, PHENOMENA, ROLES

__all__ = [
    "GENDERS",
    "IBAN_LENGTHS",
    "NAME_PARTICLES",
    "NORMALISERS",
    "PLATE_SIDE_CODES",
    "InvalidValue",
    "amount",
    "bsn",
    "country",
    "date",
    "direction",
    "doc_type",
    "email",
    "foreign_plate",
    "gender",
    "house_addition",
    "house_number",
    "iban",
    "int_",
    "is_valid_bsn",
    "is_valid_iban",
    "kvk",
    "name",
    "name_key",
    "phenomenon",
    "phone",
    "plate",
    "postcode",
    "role",
    "text",
]


class InvalidValue(EmmError, ValueError):
    """A value that cannot be normalised; ``reason`` never contains the value itself."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _strip_chars(chars: str) -> dict[int, int | None]:
    return str.maketrans("", "", chars)


# Officially assigned ISO 3166-1 alpha-2 codes: phonenumbers knows every region with a number
# plan (about 245, including XK for Kosovo).
_ALPHA2 = frozenset(phonenumbers.SUPPORTED_REGIONS)


# --------------------------------------------------------------------------------------------
# BSN
# --------------------------------------------------------------------------------------------

_BSN_SEPARATORS = _strip_chars(" .-")
_BSN_RE = re.compile(r"[0-9]{8,9}")
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
# The 11-proof is computed on the ASCII bytes: sum((48 + d) * w) = sum(d * w) + 48 * sum(w).
_BSN_BYTE_OFFSET = 48 * sum(_BSN_WEIGHTS)


def bsn(s: str) -> str:
    """A burgerservicenummer as 9 digits, 11-proof checked.

    >>> bsn("1112.22.333")
    '111222333'
    >>> bsn("123456789")
    Traceback (most recent call last):
    ...
    emm.ingest.normalise.InvalidValue: BSN fails the 11-proof
    """
    digits = s.translate(_BSN_SEPARATORS)
    if not _BSN_RE.fullmatch(digits):
        raise InvalidValue("BSN must be 9 digits (8 digits get a leading zero)")
    if len(digits) == 8:
        digits = "0" + digits
    total = sum(map(mul, digits.encode(), _BSN_WEIGHTS)) - _BSN_BYTE_OFFSET
    if total % 11 or digits == "000000000":
        raise InvalidValue("BSN fails the 11-proof")
    return digits


def is_valid_bsn(s: str) -> bool:
    """Whether ``s`` is a BSN that passes the 11-proof (separators allowed).

    >>> is_valid_bsn("123456782"), is_valid_bsn("123456789")
    (True, False)
    """
    try:
        bsn(s)
    except InvalidValue:
        return False
    return True


# --------------------------------------------------------------------------------------------
# Telephone numbers
# --------------------------------------------------------------------------------------------

_PHONE_SEPARATORS = _strip_chars(" \t-.()/")
# Dutch subscriber part after +31: 9 digits (mobile 6..., landlines, 85, 88, 97...), or the
# free/paid service numbers 800/900/906/909 with 4 to 7 digits. A trunk 0 after the country
# code ("+31 (0)6...", "0031 06...") is tolerated.
_NL_SUBSCRIBER = r"([1-9][0-9]{8}|800[0-9]{4,7}|90[069][0-9]{4,7})"
_PHONE_NL = re.compile(r"(?:0|(?:\+|00)310?)" + _NL_SUBSCRIBER)
_PHONE_INTL = re.compile(r"(?:\+|00)([1-9][0-9]{6,14})")


def phone(s: str) -> str:
    """A telephone number in E.164 form.

    Dutch numbers are handled by a regular expression (fast path); other international numbers
    (with ``+`` or ``00``) go through ``phonenumbers`` and must be possible numbers there.

    >>> phone("06-12345678"), phone("+31 (0)20 123 4567"), phone("0032 2 123 45 67")
    ('+31612345678', '+31201234567', '+3221234567')
    """
    compact = s.translate(_PHONE_SEPARATORS)
    m = _PHONE_NL.fullmatch(compact)
    if m:
        return "+31" + m.group(1)
    m = _PHONE_INTL.fullmatch(compact)
    if m is None:
        raise InvalidValue(
            "not a telephone number: expected a Dutch number (06..., 0xx...) "
            "or an international number starting with + or 00"
        )
    digits = m.group(1)
    if digits.startswith("31"):
        raise InvalidValue("not a valid Dutch telephone number (+31 needs 9 more digits)")
    parsed: phonenumbers.PhoneNumber | None
    try:
        parsed = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_possible_number(parsed):
        raise InvalidValue("not a possible international telephone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# --------------------------------------------------------------------------------------------
# IBAN
# --------------------------------------------------------------------------------------------

_IBAN_SEPARATORS = _strip_chars(" -.")
_IBAN_RE = re.compile(r"([A-Z]{2})([0-9]{2})([A-Z0-9]{11,30})")
_IBAN_NL_RE = re.compile(r"NL[0-9]{2}[A-Z]{4}[0-9]{10}")
#: Lengths of the IBAN for countries that commonly occur in deliveries (others: 15 to 34).
IBAN_LENGTHS: Mapping[str, int] = {
    "NL": 18, "BE": 16, "DE": 22, "FR": 27, "GB": 22, "PL": 28, "RO": 24, "BG": 22, "ES": 24,
    "IT": 27, "LU": 20, "AT": 20,
}  # fmt: skip
# Letters become two-digit numbers for the mod-97 check: A=10 ... Z=35.
_IBAN_LETTERS = str.maketrans({chr(ord("A") + i): str(10 + i) for i in range(26)})


def iban(s: str) -> str:
    """An IBAN in upper case without spaces, length and mod-97 checked.

    >>> iban("nl91 abna 0417 1643 00")
    'NL91ABNA0417164300'
    """
    if not s.isascii():
        raise InvalidValue("IBAN may only contain letters A-Z, digits and spaces")
    compact = s.translate(_IBAN_SEPARATORS).upper()
    m = _IBAN_RE.fullmatch(compact)
    if m is None:
        raise InvalidValue(
            "not an IBAN: expected a country code, 2 check digits and 11 to 30 letters or digits"
        )
    cc, check, bban = m.groups()
    if cc not in _ALPHA2:
        raise InvalidValue("IBAN does not start with a known country code")
    expected = IBAN_LENGTHS.get(cc)
    if expected is not None and len(compact) != expected:
        raise InvalidValue(f"an IBAN from {cc} must be {expected} characters long")
    if cc == "NL" and not _IBAN_NL_RE.fullmatch(compact):
        raise InvalidValue("a Dutch IBAN is NL, 2 check digits, 4 bank letters and 10 digits")
    if check in ("00", "01", "99"):
        raise InvalidValue("IBAN check digits 00, 01 and 99 are never issued")
    if int((bban + cc + check).translate(_IBAN_LETTERS)) % 97 != 1:
        raise InvalidValue("IBAN checksum (mod 97) fails")
    return compact


def is_valid_iban(s: str) -> bool:
    """Whether ``s`` is an IBAN with a valid length and mod-97 checksum (any case and spacing).

    >>> is_valid_iban("NL91ABNA0417164300"), is_valid_iban("NL91ABNA0417164301")
    (True, False)
    """
    try:
        iban(s)
    except InvalidValue:
        return False
    return True


# --------------------------------------------------------------------------------------------
# Licence plates
# --------------------------------------------------------------------------------------------

#: The RDW side codes (sidecodes) 1-14: letters are X, digits 9.
PLATE_SIDE_CODES: Mapping[int, str] = {
    1: "XX-99-99", 2: "99-99-XX", 3: "99-XX-99", 4: "XX-99-XX", 5: "XX-XX-99", 6: "99-XX-XX",
    7: "99-XXX-9", 8: "9-XXX-99", 9: "XX-999-X", 10: "X-999-XX", 11: "XXX-99-X",
    12: "X-99-XXX", 13: "9-XX-999", 14: "999-XX-9",
}  # fmt: skip
# Compact shape ("XX9999") -> the two dash positions. Every side code has a distinct compact
# shape, so a plate typed without dashes is never ambiguous.


def _plate_shapes() -> dict[str, tuple[int, int]]:
    shapes = {}
    for form in PLATE_SIDE_CODES.values():
        first, second, _ = form.split("-")
        shapes[form.replace("-", "")] = (len(first), len(first) + len(second))
    if len(shapes) != len(PLATE_SIDE_CODES):
        raise RuntimeError("two side codes have the same compact shape")
    return shapes


_PLATE_SHAPES = _plate_shapes()
_PLATE_SEPARATORS = _strip_chars(" -.")
_PLATE_SHAPE_OF = str.maketrans(
    {**{chr(c): "X" for c in range(ord("A"), ord("Z") + 1)}, **{str(d): "9" for d in range(10)}}
)
_FOREIGN_PLATE_RE = re.compile(r"[A-Z0-9]{1,12}")


def _compact_plate(s: str) -> str:
    if not s.isascii():
        raise InvalidValue("a licence plate may only contain letters A-Z, digits and dashes")
    return s.translate(_PLATE_SEPARATORS).upper()


def plate(s: str) -> str:
    """A Dutch licence plate in canonical RDW side-code form (side codes 1-14).

    >>> plate("12abc3"), plate("xx 99 99"), plate("g-123-bb")
    ('12-ABC-3', 'XX-99-99', 'G-123-BB')
    """
    compact = _compact_plate(s)
    cuts = _PLATE_SHAPES.get(compact.translate(_PLATE_SHAPE_OF))
    if cuts is None:
        raise InvalidValue("not a Dutch licence plate (no RDW side code 1-14 matches)")
    a, b = cuts
    return f"{compact[:a]}-{compact[a:b]}-{compact[b:]}"


def foreign_plate(s: str, country_code: str) -> str:
    """A foreign plate as ``"CC:PLATE"`` (country alpha-2, compact upper case).

    A Dutch country (``"NL"``, ``"Nederland"``...) gives the canonical Dutch form instead.

    >>> foreign_plate("b-ab 1234", "Duitsland")
    'DE:BAB1234'
    """
    cc = country(country_code)
    if cc == "NL":
        return plate(s)
    compact = _compact_plate(s)
    if not _FOREIGN_PLATE_RE.fullmatch(compact):
        raise InvalidValue("a licence plate must have 1 to 12 letters or digits")
    return f"{cc}:{compact}"


# --------------------------------------------------------------------------------------------
# Address parts, KvK, e-mail
# --------------------------------------------------------------------------------------------

_POSTCODE_RE = re.compile(r"([1-9][0-9]{3}) *([A-Za-z]{2})")
_POSTCODE_UNUSED = frozenset({"SA", "SD", "SS"})


def postcode(s: str) -> str:
    """A Dutch postcode as ``1234AB``.

    >>> postcode("1234 ab")
    '1234AB'
    """
    m = _POSTCODE_RE.fullmatch(s)
    if m is None:
        raise InvalidValue("not a Dutch postcode (4 digits, not starting with 0, and 2 letters)")
    letters = m.group(2).upper()
    if letters in _POSTCODE_UNUSED:
        raise InvalidValue("postcode letters SA, SD and SS are not used in the Netherlands")
    return m.group(1) + letters


_HOUSE_NUMBER_RE = re.compile(r"[0-9]{1,5}")


def house_number(s: str) -> str:
    """A house number 1-99999 without leading zeros (additions go in their own field).

    >>> house_number("007")
    '7'
    """
    if not _HOUSE_NUMBER_RE.fullmatch(s):
        raise InvalidValue("a house number must be 1 to 5 digits (put additions in 'addition')")
    number = int(s)
    if number == 0:
        raise InvalidValue("a house number must be at least 1")
    return str(number)


_ADDITION_SEPARATORS = _strip_chars(" -/._")
_ADDITION_RE = re.compile(r"[0-9A-Za-z]{1,6}")


def house_addition(s: str) -> str:
    """A house-number addition in upper case, separators removed, at most 6 characters.

    >>> house_addition("-2"), house_addition("hs"), house_addition("bis")
    ('2', 'HS', 'BIS')
    """
    compact = s.translate(_ADDITION_SEPARATORS)
    if not _ADDITION_RE.fullmatch(compact):
        raise InvalidValue("a house-number addition must be 1 to 6 letters A-Z or digits")
    return compact.upper()


_KVK_SEPARATORS = _strip_chars(" .")
_KVK_RE = re.compile(r"[0-9]{8}")


def kvk(s: str) -> str:
    """A Chamber of Commerce (KvK) number: exactly 8 digits.

    >>> kvk("1234 5678")
    '12345678'
    """
    digits = s.translate(_KVK_SEPARATORS)
    if not _KVK_RE.fullmatch(digits):
        raise InvalidValue("a KvK number must be exactly 8 digits")
    return digits


_EMAIL_RE = re.compile(
    r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})"
)


def email(s: str) -> str:
    """An e-mail address in lower case (ASCII, one ``@``, a domain with a dot).

    >>> email("Jan.de.Vries@Example.NL")
    'jan.de.vries@example.nl'
    """
    lowered = s.lower()
    if len(s) > 254 or not s.isascii() or not _EMAIL_RE.fullmatch(lowered):
        raise InvalidValue("not an e-mail address of the form name@domain.tld")
    return lowered


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_DATE_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ][0-9]{2}:[0-9]{2}.*)?", re.DOTALL)
_DATE_DMY = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})")
_DATE_FORM = "not a date in dd-mm-jjjj, dd/mm/jjjj or jjjj-mm-dd form"


def _is_calendar_date(year: int, month: int, day: int) -> bool:
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True


def date(s: str) -> str:
    """A calendar date (years 1900-2100) as ISO ``jjjj-mm-dd``.

    Accepts ``dd-mm-jjjj``, ``d-m-jjjj``, ``dd/mm/jjjj``, ``dd.mm.jjjj`` and ``jjjj-mm-dd``
    (a time after ``T`` or a space is dropped).

    >>> date("1-2-1990"), date("29/02/2024"), date("2024-03-01T10:00:00+01:00")
    ('1990-02-01', '2024-02-29', '2024-03-01')
    """
    m = _DATE_ISO.fullmatch(s)
    if m is not None:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        iso = s[:10]
    else:
        m = _DATE_DMY.fullmatch(s)
        if m is None:
            raise InvalidValue(_DATE_FORM)
        year, month, day = int(m.group(4)), int(m.group(3)), int(m.group(1))
        iso = f"{year:04d}-{month:02d}-{day:02d}"
    if not 1900 <= year <= 2100:
        raise InvalidValue("year must be between 1900 and 2100")
    if not _is_calendar_date(year, month, day):
        raise InvalidValue("not a real calendar date (check day and month)")
    return iso


# --------------------------------------------------------------------------------------------
# Names and free text
# --------------------------------------------------------------------------------------------

NAME_PARTICLES = frozenset(
    {"van", "de", "der", "den", "het", "ten", "ter", "te", "el", "al", "ben", "bin", "da", "dos",
     "le", "la"}
)  # fmt: skip
_HAS_LETTER = re.compile(r"[^\W\d_]")
_NAME_MAX = 200


def name(s: str) -> str:
    """A person's name: single-spaced; title case only when given in all caps or all lower.

    >>> name("JAN  VAN DER BERG"), name("ahmed el amrani"), name("McKinsey de Boer")
    ('Jan van der Berg', 'Ahmed el Amrani', 'McKinsey de Boer')
    """
    collapsed = " ".join(s.split())
    if not _HAS_LETTER.search(collapsed):
        raise InvalidValue("a name must contain at least one letter")
    if collapsed.isupper() or collapsed.islower():
        collapsed = " ".join(
            w if w in NAME_PARTICLES else w.title() for w in collapsed.lower().split(" ")
        )
    if len(collapsed) > _NAME_MAX:
        raise InvalidValue(f"a name may be at most {_NAME_MAX} characters long")
    return collapsed


# Letters that NFKD does not decompose but that people write without the mark.
_FOLD_EXTRA = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe",
     "þ": "th", "ß": "ss"}
)  # fmt: skip
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_APOSTROPHES = _strip_chars("'`\u2018\u2019\u02bc\u00b4")
_NON_WORD = re.compile(r"[\W_]+")


def _fold(s: str) -> str:
    """Lower case, accents removed, punctuation turned into single spaces."""
    if s.isascii():
        s = s.casefold()
    else:
        s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", s).casefold())
        s = _COMBINING.sub("", s).translate(_FOLD_EXTRA)
    return _NON_WORD.sub(" ", s.translate(_APOSTROPHES)).strip()


def name_key(s: str) -> str:
    """A matching key for a name: accent-folded, lower case, no punctuation, single-spaced.

    >>> name_key("Ján  de Vries") == name_key("JAN DE VRIES") == "jan de vries"
    True
    >>> name_key("O'Brien-Łukasz")
    'obrien lukasz'
    """
    key = _fold(s)
    if not key:
        raise InvalidValue("a name must contain at least one letter or digit")
    return key


_TEXT_MAX = 100_000


def text(s: str) -> str:
    """Free text, stripped and at most 100,000 characters; everything else is kept as data.

    >>> text('  "quoted" \\\\ and a newline\\n ')
    '"quoted" \\\\ and a newline'
    """
    stripped = s.strip()
    if not stripped:
        raise InvalidValue("text is empty")
    if len(stripped) > _TEXT_MAX:
        raise InvalidValue(f"text may be at most {_TEXT_MAX:,} characters long")
    return stripped


# --------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------

# alpha-2: (alpha-3, Dutch and English names, Dutch and English nationality adjectives)
_COUNTRIES: dict[str, tuple[str, str]] = {
    "NL": ("NLD", "Nederland, Netherlands, The Netherlands, Holland, Nederlands, Nederlandse, "
                  "Dutch"),
    "BE": ("BEL", "België, Belgium, Belgisch, Belgische, Belgian"),
    "DE": ("DEU", "Duitsland, Germany, Deutschland, Duits, Duitse, German"),
    "FR": ("FRA", "Frankrijk, France, Frans, Franse, French"),
    "GB": ("GBR", "Verenigd Koninkrijk, United Kingdom, UK, Groot-Brittannië, Great Britain, "
                  "Engeland, England, Brits, Britse, British"),
    "PL": ("POL", "Polen, Poland, Polska, Pools, Poolse, Polish"),
    "RO": ("ROU", "Roemenië, Romania, Roemeens, Roemeense, Romanian"),
    "BG": ("BGR", "Bulgarije, Bulgaria, Bulgaars, Bulgaarse, Bulgarian"),
    "HU": ("HUN", "Hongarije, Hungary, Hongaars, Hongaarse, Hungarian"),
    "SK": ("SVK", "Slowakije, Slovakia, Slowaaks, Slowaakse, Slovak, Slovakian"),
    "CZ": ("CZE", "Tsjechië, Czech Republic, Czechia, Tsjechisch, Tsjechische, Czech"),
    "LT": ("LTU", "Litouwen, Lithuania, Litouws, Litouwse, Lithuanian"),
    "LV": ("LVA", "Letland, Latvia, Lets, Letse, Latvian"),
    "UA": ("UKR", "Oekraïne, Ukraine, Oekraïens, Oekraïense, Ukrainian"),
    "MA": ("MAR", "Marokko, Morocco, Marokkaans, Marokkaanse, Moroccan"),
    "TR": ("TUR", "Turkije, Turkey, Türkiye, Turks, Turkse, Turkish"),
    "SR": ("SUR", "Suriname, Surinaams, Surinaamse, Surinamese"),
    "NG": ("NGA", "Nigeria, Nigeriaans, Nigeriaanse, Nigerian"),
    "GH": ("GHA", "Ghana, Ghanees, Ghanese, Ghanaian"),
    "ER": ("ERI", "Eritrea, Eritrees, Eritrese, Eritrean"),
    "SY": ("SYR", "Syrië, Syria, Syrisch, Syrische, Syrian"),
    "AF": ("AFG", "Afghanistan, Afghaans, Afghaanse, Afghan"),
    "IQ": ("IRQ", "Irak, Iraq, Iraaks, Iraakse, Iraqi"),
    "IR": ("IRN", "Iran, Iraans, Iraanse, Iranian"),
    "VN": ("VNM", "Vietnam, Viet Nam, Vietnamees, Vietnamese"),
    "CN": ("CHN", "China, Chinees, Chinese"),
    "TH": ("THA", "Thailand, Thais, Thaise, Thai"),
    "PH": ("PHL", "Filipijnen, Philippines, Filipijns, Filipijnse, Filipino, Philippine"),
    "IN": ("IND", "India, Indiaas, Indiase, Indian"),
    "PK": ("PAK", "Pakistan, Pakistaans, Pakistaanse, Pakistani"),
    "AL": ("ALB", "Albanië, Albania, Albanees, Albanese, Albanian"),
    "RS": ("SRB", "Servië, Serbia, Servisch, Servische, Serbian"),
    "BR": ("BRA", "Brazilië, Brazil, Braziliaans, Braziliaanse, Brazilian"),
    "CO": ("COL", "Colombia, Colombiaans, Colombiaanse, Colombian"),
    "DO": ("DOM", "Dominicaanse Republiek, Dominican Republic"),
    "ES": ("ESP", "Spanje, Spain, España, Spaans, Spaanse, Spanish"),
    "PT": ("PRT", "Portugal, Portugees, Portugese, Portuguese"),
    "IT": ("ITA", "Italië, Italy, Italia, Italiaans, Italiaanse, Italian"),
    "UG": ("UGA", "Oeganda, Uganda, Oegandees, Oegandese, Ugandan"),
    "ET": ("ETH", "Ethiopië, Ethiopia, Ethiopisch, Ethiopische, Ethiopian"),
    "SO": ("SOM", "Somalië, Somalia, Somalisch, Somalische, Somali, Somalian"),
}  # fmt: skip


def _lookup_table(entries: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Folded synonym -> code; refuses a synonym that would point at two codes."""
    table: dict[str, str] = {}
    for code, synonyms in entries:
        for synonym in (code, *synonyms):
            key = _fold(synonym)
            if table.setdefault(key, code) != code:
                raise RuntimeError(f"synonym {synonym!r} maps to both {table[key]} and {code}")
    return table


_COUNTRY_LOOKUP = _lookup_table(
    (a2, (a3, *names.split(", "))) for a2, (a3, names) in _COUNTRIES.items()
)


def country(s: str) -> str:
    """An ISO 3166-1 alpha-2 country code.

    Accepts any alpha-2 code, and the alpha-3 code, Dutch or English name or nationality of
    about forty countries that occur in EMM cases.

    >>> country("Nederland"), country("NLD"), country("marokko"), country("Roemeense")
    ('NL', 'NL', 'MA', 'RO')
    """
    code = _COUNTRY_LOOKUP.get(s) or _COUNTRY_LOOKUP.get(_fold(s))
    if code is not None:
        return code
    if len(s) == 2 and s.upper() in _ALPHA2:
        return s.upper()
    raise InvalidValue(
        "not a known country: use an ISO alpha-2 code (NL), alpha-3 code (NLD) or country name"
    )


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------

_AMOUNT_RE = re.compile(
    r"([+-]?) *(?:€|eur)? *([+-]?) *([0-9][0-9.,]{0,24}?)(,-{1,2})? *(?:€|eur)?",
    re.IGNORECASE,
)
_AMOUNT_PLAIN = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_AMOUNT_NL = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_AMOUNT_WHOLE = re.compile(r"[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+")
_AMOUNT_EN = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_DROP_DOTS = _strip_chars(".")
_DROP_COMMAS = _strip_chars(",")
_COMMA_TO_DOT = str.maketrans(",", ".")
_AMOUNT_FORM = "not an amount such as 1234.56, 1.234,56 or € 12,50"


def amount(s: str) -> float:
    """An amount of money in euros as a float.

    A single ``.`` or ``,`` is the decimal separator; with both, the last one is. ``12,-``
    means twelve euros.

    >>> amount("€ 1.234,56"), amount("1234.56"), amount("-12,50"), amount("12,-")
    (1234.56, 1234.56, -12.5, 12.0)
    """
    m = _AMOUNT_RE.fullmatch(s)
    if m is None or (m.group(1) and m.group(2)):
        raise InvalidValue(_AMOUNT_FORM)
    body = m.group(3)
    if m.group(4):  # "12,-" or "1.250,-": whole euros
        if not _AMOUNT_WHOLE.fullmatch(body):
            raise InvalidValue(_AMOUNT_FORM)
        number = body.translate(_DROP_DOTS)
    elif _AMOUNT_PLAIN.fullmatch(body):
        number = body.translate(_COMMA_TO_DOT)
    elif _AMOUNT_NL.fullmatch(body):
        number = body.translate(_DROP_DOTS).translate(_COMMA_TO_DOT)
    elif _AMOUNT_EN.fullmatch(body):
        number = body.translate(_DROP_COMMAS)
    else:
        raise InvalidValue(_AMOUNT_FORM)
    value = float(number)
    return -value if "-" in (m.group(1) or m.group(2)) else value


_INT_RE = re.compile(r"[0-9]{1,18}")


def int_(s: str) -> int:
    """A non-negative whole number (field kind ``int``).

    >>> int_("007")
    7
    """
    if not _INT_RE.fullmatch(s):
        raise InvalidValue("not a whole number of at most 18 digits without sign")
    return int(s)


# --------------------------------------------------------------------------------------------
# Coded values: English codes from the schema, Dutch synonyms accepted
# --------------------------------------------------------------------------------------------

GENDERS = ("M", "F", "X")

_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "phenomenon": {
        "sexual": ("seksuele uitbuiting", "seksueel", "seks", "sexual exploitation"),
        "labour": ("arbeidsuitbuiting", "arbeid", "labour exploitation", "labor",
                   "labor exploitation"),
        "criminal": ("criminele uitbuiting", "crimineel", "criminal exploitation"),
        "smuggling": ("mensensmokkel", "smokkel", "human smuggling"),
        "organ": ("orgaanverwijdering", "orgaanhandel", "organ removal"),
        "unknown": ("onbekend",),
    },
    "role": {
        "suspect": ("verdachte", "verdacht"),
        "victim": ("slachtoffer",),
        "witness": ("getuige",),
        "facilitator": ("faciliteerder",),
        "employer": ("werkgever",),
        "reporter": ("melder",),
        "involved": ("betrokkene", "betrokken"),
    },
    "direction": {
        "in": ("inkomend", "binnenkomst", "aankomst", "inreis", "inbound", "entry", "arrival"),
        "out": ("uit", "uitgaand", "vertrek", "uitreis", "outbound", "exit", "departure"),
    },
    "doc_type": {
        "passport": ("paspoort",),
        "id_card": ("identiteitskaart", "id-kaart", "idkaart", "id card", "identity card"),
        "residence_permit": ("verblijfsvergunning", "verblijfsdocument", "residence permit"),
        "visa": ("visum",),
        "driving_licence": ("rijbewijs", "driving licence", "driving license",
                            "driver's license", "drivers license"),
    },
    "gender": {
        "M": ("m", "man", "male", "mannelijk"),
        "F": ("f", "v", "vrouw", "female", "vrouwelijk"),
        "X": ("x", "onbekend", "unknown"),
    },
}  # fmt: skip
_CODES: dict[str, tuple[str, ...]] = {
    "phenomenon": PHENOMENA, "role": ROLES, "direction": DIRECTIONS, "doc_type": DOC_TYPES,
    "gender": GENDERS,
}  # fmt: skip
assert all(set(_SYNONYMS[k]) == set(v) for k, v in _CODES.items()), "synonyms must cover codes"
_CODE_LOOKUP = {kind: _lookup_table(table.items()) for kind, table in _SYNONYMS.items()}
_CODE_REASON = {
    kind: f"not a known {kind.replace('_', ' ')} (expected one of: {', '.join(codes)})"
    for kind, codes in _CODES.items()
}


def _code(kind: str, s: str) -> str:
    lookup = _CODE_LOOKUP[kind]
    code = lookup.get(s) or lookup.get(_fold(s))
    if code is None:
        raise InvalidValue(_CODE_REASON[kind])
    return code


def phenomenon(s: str) -> str:
    """A phenomenon code from ``schema.PHENOMENA``.

    >>> phenomenon("Seksuele uitbuiting"), phenomenon("mensensmokkel")
    ('sexual', 'smuggling')
    """
    return _code("phenomenon", s)


def role(s: str) -> str:
    """A role code from ``schema.ROLES``.

    >>> role("Verdachte"), role("victim")
    ('suspect', 'victim')
    """
    return _code("role", s)


def direction(s: str) -> str:
    """A border-crossing direction from ``schema.DIRECTIONS``.

    >>> direction("Inkomend"), direction("vertrek")
    ('in', 'out')
    """
    return _code("direction", s)


def doc_type(s: str) -> str:
    """An identity-document type from ``schema.DOC_TYPES``.

    >>> doc_type("ID-kaart"), doc_type("Paspoort")
    ('id_card', 'passport')
    """
    return _code("doc_type", s)


def gender(s: str) -> str:
    """A gender code: ``M``, ``F`` or ``X``.

    >>> gender("vrouw"), gender("m"), gender("onbekend")
    ('F', 'M', 'X')
    """
    return _code("gender", s)


# --------------------------------------------------------------------------------------------
# Field kind -> normaliser
# --------------------------------------------------------------------------------------------

NORMALISERS: dict[str, Callable[[str], object]] = {
    "text": text,
    "name": name,
    "date": date,
    "bsn": bsn,
    "phone": phone,
    "iban": iban,
    "plate": plate,
    "postcode": postcode,
    "house_number": house_number,
    "house_addition": house_addition,
    "kvk": kvk,
    "email": email,
    "country": country,
    "amount": amount,
    "int": int_,
    "phenomenon": phenomenon,
    "role": role,
    "direction": direction,
    "doc_type": doc_type,
    "gender": gender,
}
