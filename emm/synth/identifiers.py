"""Synthetic identifiers that pass the same checks real ones do.

The ingest validates BSNs (11-proof), IBANs (mod-97) and Dutch plates (RDW side codes) with
:mod:`emm.values` (whose check-digit functions build the numbers here) and normalises phone
numbers; test data that merely *looks* right would be quarantined or, worse,
would hide bugs in those checks. So every number here is built to be valid, and every
``*_variant`` function writes it the way some party's system happens to write it (spaces, dashes,
case, prefixes), because the ingest must normalise those differences before records can merge.

All functions take the caller's :class:`random.Random`; none touches global random state.
"""

from __future__ import annotations

import random
import string

from emm.values import bsn as _bsn
from emm.values import iban as _iban

__all__ = [
    "BANKS_NL",
    "bsn",
    "bsn_is_valid",
    "bsn_variant",
    "document_number",
    "foreign_iban",
    "foreign_mobile",
    "foreign_plate",
    "iban_is_valid",
    "iban_variant",
    "kvk",
    "landline",
    "nl_iban",
    "nl_mobile",
    "nl_plate",
    "phone_variant",
    "plate_variant",
    "v_number",
]

# --------------------------------------------------------------------------------------------
# BSN (burgerservicenummer): the 11-proof is emm.values.bsn's
# --------------------------------------------------------------------------------------------


def bsn(rng: random.Random) -> str:
    """A random 9-digit BSN that passes the 11-proof (first digit 1-6, as issued today)."""
    while True:
        head = str(rng.randrange(10_000_000, 70_000_000))
        last = _bsn.check_digit(head)
        if last is not None:
            return head + str(last)


#: True when a value (dots and spaces allowed, 8 digits get a leading zero) is 11-proof.
bsn_is_valid = _bsn.is_valid


def bsn_variant(rng: random.Random, value: str) -> str:
    """The BSN as a system prints it: ``123456782``, ``1234.56.782`` or ``123 456 782``."""
    r = rng.random()
    if r < 0.85:
        return value
    if r < 0.95:
        return f"{value[:4]}.{value[4:6]}.{value[6:]}"
    return f"{value[:3]} {value[3:6]} {value[6:]}"


# --------------------------------------------------------------------------------------------
# IBAN: ISO 13616; the check digits are emm.values.iban's
# --------------------------------------------------------------------------------------------

#: Dutch bank codes (BIC prefix as used in the IBAN) and the name a statement shows.
BANKS_NL: tuple[tuple[str, str, float], ...] = (
    ("INGB", "ING", 0.34),
    ("RABO", "Rabobank", 0.27),
    ("ABNA", "ABN AMRO", 0.22),
    ("SNSB", "SNS", 0.06),
    ("ASNB", "ASN Bank", 0.03),
    ("TRIO", "Triodos Bank", 0.02),
    ("BUNQ", "bunq", 0.04),
    ("KNAB", "Knab", 0.02),
)
_BANK_CODES = tuple(b[0] for b in BANKS_NL)
_BANK_NAMES = {b[0]: b[1] for b in BANKS_NL}
_BANK_WEIGHTS = tuple(b[2] for b in BANKS_NL)

#: Foreign banks seen in exploitation cases: (country, bank code, name, BBAN layout).
#: Layout letters: ``B`` bank code, ``9`` digit, ``A`` digit or upper-case letter.
_FOREIGN_BANKS: dict[str, tuple[tuple[str, str], ...]] = {
    "RO": (
        ("BTRL", "Banca Transilvania"),
        ("RNCB", "BCR"),
        ("BRDE", "BRD"),
        ("INGB", "ING Bank Romania"),
        ("RZBR", "Raiffeisen Bank Romania"),
    ),
    "BG": (
        ("UNCR", "UniCredit Bulbank"),
        ("STSA", "DSK Bank"),
        ("FINV", "First Investment Bank"),
        ("UBBS", "UBB"),
        ("RZBB", "Raiffeisenbank Bulgaria"),
    ),
    "PL": (
        ("1020", "PKO BP"),
        ("1140", "mBank"),
        ("1050", "ING Bank Slaski"),
        ("1090", "Santander Bank Polska"),
        ("1240", "Bank Pekao"),
    ),
}
_LAYOUT = {
    "RO": "BBBBAAAAAAAAAAAAAAAA",
    "BG": "BBBB999999AAAAAAAA",
    "PL": "BBBB99999999999999999999",
}

_with_check_digits = _iban.check_digits
#: True when a value (any case and spacing) is an IBAN with a correct mod-97 checksum.
iban_is_valid = _iban.is_valid


def _nl_account(rng: random.Random, bank: str) -> str:
    """A 10-digit account number; pre-IBAN Dutch accounts passed their own 11-proof,
    except the former Postbank numbers (now ING), which are up to 7 digits."""
    if bank == "INGB" and rng.random() < 0.4:
        return f"{rng.randrange(10_000, 9_999_999):010d}"
    while True:
        head = f"{rng.randrange(10_000_000, 999_999_999):09d}"
        last = _iban.nl_account_check_digit(head)
        if last is not None:
            return head + str(last)


def nl_iban(rng: random.Random) -> tuple[str, str]:
    """A valid Dutch IBAN (canonical form) and the bank's name."""
    bank = rng.choices(_BANK_CODES, _BANK_WEIGHTS)[0]
    return _with_check_digits("NL", bank + _nl_account(rng, bank)), _BANK_NAMES[bank]


def foreign_iban(rng: random.Random, country: str | None = None) -> tuple[str, str]:
    """A valid Romanian, Bulgarian or Polish IBAN (canonical form) and the bank's name."""
    country = country if country in _FOREIGN_BANKS else rng.choice(("RO", "BG", "PL"))
    code, name = rng.choice(_FOREIGN_BANKS[country])
    chars: list[str] = []
    for slot in _LAYOUT[country][len(code) :]:
        if slot == "A" and rng.random() < 0.15:
            chars.append(rng.choice(string.ascii_uppercase))
        else:
            chars.append(str(rng.randrange(10)))
    return _with_check_digits(country, code + "".join(chars)), name


def iban_variant(rng: random.Random, iban: str) -> str:
    """The IBAN as typed: canonical, in groups of four, lower case, or both."""
    r = rng.random()
    if r < 0.55:
        return iban
    grouped = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    if r < 0.85:
        return grouped
    if r < 0.95:
        return iban.lower()
    return grouped.lower()


# --------------------------------------------------------------------------------------------
# Phones
# --------------------------------------------------------------------------------------------


def nl_mobile(rng: random.Random) -> str:
    """A Dutch mobile number in E.164 (``+316`` and 8 digits, 06-1x..06-5x)."""
    return f"+316{rng.randrange(10_000_000, 60_000_000)}"


_AREA_CODES = (
    "10",
    "20",
    "30",
    "40",
    "43",
    "50",
    "70",
    "71",
    "73",
    "76",
    "77",
    "13",
    "24",
    "26",
    "53",
    "55",
    "58",
    "172",
    "174",
    "412",
)


_TWO_DIGIT_AREAS = frozenset(code for code in _AREA_CODES if len(code) == 2)


def landline(rng: random.Random) -> str:
    """A Dutch fixed-line number in E.164 (area code + subscriber number, 9 digits in all)."""
    area = rng.choice(_AREA_CODES)
    rest = 9 - len(area)
    return f"+31{area}{rng.randrange(2 * 10 ** (rest - 1), 10**rest)}"


#: Mobile number plans: country calling code -> (national significant number prefixes, length).
_FOREIGN_MOBILE: dict[str, tuple[str, tuple[str, ...], int]] = {
    "RO": ("40", ("72", "73", "74", "75", "76", "78"), 9),
    "BG": ("359", ("87", "88", "89"), 9),
    "PL": ("48", ("50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"), 9),
    "NG": ("234", ("803", "806", "813", "703", "706", "810", "902", "905"), 10),
    "UA": ("380", ("50", "63", "66", "67", "68", "73", "93", "97"), 9),
}


def foreign_mobile(rng: random.Random, country: str | None = None) -> str:
    """A Romanian, Bulgarian, Polish, Nigerian or Ukrainian mobile number in E.164."""
    country = country if country in _FOREIGN_MOBILE else rng.choice(("RO", "BG", "PL", "NG"))
    cc, prefixes, length = _FOREIGN_MOBILE[country]
    prefix = rng.choice(prefixes)
    rest = length - len(prefix)
    return f"+{cc}{prefix}{rng.randrange(10 ** (rest - 1), 10**rest)}"


def phone_variant(rng: random.Random, e164: str) -> str:
    """The number as written in a statement or a system: national, spaced, ``00`` prefix."""
    r = rng.random()
    if e164.startswith("+316"):
        sub = e164[4:]
        if r < 0.30:
            return f"06-{sub}"
        if r < 0.50:
            return f"06{sub}"
        if r < 0.68:
            return f"+31 6 {sub[:4]} {sub[4:]}"
        if r < 0.80:
            return e164
        if r < 0.92:
            return f"0031{e164[3:]}"
        return f"06 {sub[:2]} {sub[2:4]} {sub[4:6]} {sub[6:]}"
    if e164.startswith("+31"):
        national = e164[3:]
        area = 2 if national[:2] in _TWO_DIGIT_AREAS else 3
        if r < 0.6:
            return f"0{national[:area]}-{national[area:]}"
        if r < 0.8:
            return f"0{national}"
        return e164
    if r < 0.5:
        return e164
    if r < 0.75:
        return "00" + e164[1:]
    digits = e164[1:]
    cc = next(c for c in ("359", "380", "234", "40", "48") if digits.startswith(c))
    rest = digits[len(cc) :]
    return f"+{cc} {rest[:3]} {rest[3:6]} {rest[6:]}"


# --------------------------------------------------------------------------------------------
# Licence plates
# --------------------------------------------------------------------------------------------

#: Letters the RDW uses on plates (no vowels, no C, M, Q, W, Y).
_PLATE_LETTERS = "BDFGHJKLNPRSTVXZ"

#: RDW side codes: pattern (``X`` letter, ``9`` digit, ``-`` dash) and relative frequency on
#: the road today (older codes are rarer).
_SIDE_CODES: tuple[tuple[str, float], ...] = (
    ("XX-99-99", 0.5),
    ("99-99-XX", 0.5),
    ("99-XX-99", 0.7),
    ("XX-99-XX", 3.0),
    ("XX-XX-99", 4.0),
    ("99-XX-XX", 6.0),
    ("99-XXX-9", 14.0),
    ("9-XXX-99", 14.0),
    ("XX-999-X", 15.0),
    ("X-999-XX", 14.0),
    ("XXX-99-X", 12.0),
    ("X-99-XXX", 6.0),
    ("9-XX-999", 5.0),
    ("999-XX-9", 4.0),
)
_SIDE_PATTERNS = tuple(p for p, _ in _SIDE_CODES)
_SIDE_WEIGHTS = tuple(w for _, w in _SIDE_CODES)


def _fill(rng: random.Random, pattern: str, letters: str = _PLATE_LETTERS) -> str:
    out = []
    for ch in pattern:
        if ch == "X":
            out.append(rng.choice(letters))
        elif ch == "9":
            out.append(str(rng.randrange(10)))
        elif ch == "A":
            out.append(rng.choice(letters + "0123456789"))
        else:
            out.append(ch)
    return "".join(out)


def nl_plate(rng: random.Random) -> str:
    """A Dutch plate in canonical side-code form, e.g. ``12-BDF-3`` or ``GB-123-X``."""
    return _fill(rng, rng.choices(_SIDE_PATTERNS, _SIDE_WEIGHTS)[0])


#: Plate formats of countries whose vehicles KMAR checks at the border.
_FOREIGN_PLATES: dict[str, tuple[str, ...]] = {
    "PL": ("XX 99999", "XXX 9999X", "XX 9X999"),
    "RO": ("X 999 XXX", "XX 99 XXX"),
    "BG": ("XX 9999 XX", "X 9999 XX"),
    "DE": ("X-XX 9999", "XX-X 999"),
    "BE": ("9-XXX-999",),
    "FR": ("XX-999-XX",),
    "UA": ("XX 9999 XX",),
    "GB": ("XX99 XXX",),
}


def foreign_plate(rng: random.Random, country: str | None = None) -> tuple[str, str]:
    """A foreign plate as printed and its country code."""
    country = country if country in _FOREIGN_PLATES else rng.choice(tuple(_FOREIGN_PLATES))
    return _fill(rng, rng.choice(_FOREIGN_PLATES[country]), string.ascii_uppercase), country


def plate_variant(rng: random.Random, plate: str) -> str:
    """A Dutch plate as noted down: with dashes, without, or in lower case."""
    r = rng.random()
    if r < 0.6:
        return plate
    if r < 0.9:
        return plate.replace("-", "")
    return plate.lower()


# --------------------------------------------------------------------------------------------
# Other registers
# --------------------------------------------------------------------------------------------


def kvk(rng: random.Random) -> str:
    """A Chamber of Commerce (KvK) number: 8 digits."""
    return str(rng.randrange(10_000_000, 100_000_000))


def v_number(rng: random.Random) -> str:
    """An IND vreemdelingennummer (V-nummer): 10 digits."""
    return str(rng.randrange(1_000_000_000, 10_000_000_000))


#: Passport / ID-card number layouts per issuing country (``X`` letter, ``9`` digit,
#: ``A`` letter or digit).
_DOC_LAYOUTS: dict[str, tuple[str, ...]] = {
    "NL": ("XXAAAAAA9",),
    "RO": ("999999999", "XX999999"),
    "BG": ("999999999",),
    "PL": ("XXX999999",),
    "UA": ("XX999999", "999999999"),
    "NG": ("X99999999",),
    "VN": ("X9999999",),
    "CN": ("X99999999",),
    "ER": ("X9999999",),
    "MA": ("XX9999999",),
    "TR": ("X99999999",),
    "SR": ("XX999999",),
}


def document_number(rng: random.Random, country: str) -> str:
    """A document number in the layout the issuing country uses (letters without ``O``)."""
    layout = rng.choice(_DOC_LAYOUTS.get(country, ("XX9999999",)))
    return _fill(rng, layout, "ABCDEFGHIJKLMNPRSTUVWXYZ")
