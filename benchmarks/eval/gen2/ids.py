"""Identifiers that pass the delivery format's checks: BSN, IBAN, phones, plates, postcodes.

Every generator here takes a :class:`random.Random` and a set of values already issued, so a
value is never issued twice by accident (an accidental collision would merge two unrelated
nodes in the graph, which the ground truth would not know about).

>>> import random
>>> rng = random.Random(1)
>>> b = bsn(rng, set())
>>> len(b), _bsn_ok(b)
(9, True)
>>> _iban_ok(iban(rng, set(), "NL"))
True
"""

from __future__ import annotations

import random
import string

__all__ = [
    "CITIES",
    "bsn",
    "doc_number",
    "foreign_plate",
    "iban",
    "kvk",
    "nl_plate",
    "phone",
    "postcode",
    "v_number",
]

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def _bsn_ok(s: str) -> bool:
    total = sum(int(d) * w for d, w in zip(s[:8], _WEIGHTS, strict=True)) - int(s[8])
    return total % 11 == 0 and s != "000000000"


def bsn(rng: random.Random, used: set[str]) -> str:
    """A new 9-digit burgerservicenummer that passes the 11-proof."""
    while True:
        head = [rng.randint(1 if i == 0 else 0, 9) for i in range(8)]
        last = sum(d * w for d, w in zip(head, _WEIGHTS, strict=True)) % 11
        if last == 10:
            continue
        value = "".join(map(str, head)) + str(last)
        if value not in used:
            used.add(value)
            return value


# ------------------------------------------------------------------------------------ IBAN

_LETTERS = {chr(ord("A") + i): str(10 + i) for i in range(26)}
# country: (total length, BBAN layout: "A" a letter, "9" a digit)
_IBAN_LAYOUT = {
    "NL": (18, "AAAA9999999999"),
    "BE": (16, "999999999999"),
    "DE": (22, "999999999999999999"),
    "RO": (24, "AAAA9999999999999999"),
    "BG": (22, "AAAA99999999999999"),
    "PL": (28, "999999999999999999999999"),
    "LT": (20, "9999999999999999"),
    "GB": (22, "AAAA99999999999999"),
    "TR": (26, "9999909999999999999999"),
    "AE": (23, "9999999999999999999"),
    "FR": (27, "99999999999999999999999"),
    "HU": (28, "999999999999999999999999"),
    "PT": (25, "999999999999999999999"),
}
NL_BANKS = {
    "ABNA": "ABN AMRO", "INGB": "ING", "RABO": "Rabobank", "SNSB": "SNS", "TRIO": "Triodos",
    "KNAB": "Knab", "BUNQ": "bunq", "ASNB": "ASN Bank", "RBRB": "RegioBank",
}  # fmt: skip


def _iban_ok(s: str) -> bool:
    moved = s[4:] + s[:4]
    return int("".join(_LETTERS.get(c, c) for c in moved)) % 97 == 1


def iban(rng: random.Random, used: set[str], country: str = "NL", bank: str | None = None) -> str:
    """A new IBAN of ``country`` with a valid mod-97 checksum (compact, upper case)."""
    length, layout = _IBAN_LAYOUT[country]
    while True:
        chars = [
            rng.choice(string.ascii_uppercase) if c == "A" else str(rng.randint(0, 9))
            for c in layout
        ]
        if country == "NL":
            chars[:4] = list(bank or rng.choice(list(NL_BANKS)))
        bban = "".join(chars)
        rearranged = "".join(_LETTERS.get(c, c) for c in bban + country + "00")
        check = 98 - int(rearranged) % 97
        value = f"{country}{check:02d}{bban}"
        assert len(value) == length
        if value not in used:
            used.add(value)
            return value


def format_iban(value: str, style: int) -> str:
    """The same IBAN as a party writes it: compact, grouped by four, or lower case."""
    if style == 0:
        return value
    grouped = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return grouped if style == 1 else grouped.lower()


# ---------------------------------------------------------------------------------- phones

# country: (calling code, list of (prefix, number of further digits))
_PHONE_PLAN: dict[str, tuple[str, tuple[tuple[str, int], ...]]] = {
    "NL": ("31", (("6", 8),)),
    "BE": ("32", (("47", 7), ("48", 7), ("49", 7))),
    "DE": ("49", (("151", 8), ("160", 8), ("170", 8), ("176", 8))),
    "FR": ("33", (("6", 8), ("7", 8))),
    "GB": ("44", (("7", 9),)),
    "PL": ("48", (("5", 8), ("6", 8), ("7", 8))),
    "RO": ("40", (("72", 7), ("74", 7), ("75", 7), ("76", 7))),
    "BG": ("359", (("87", 7), ("88", 7), ("89", 7))),
    "HU": ("36", (("20", 7), ("30", 7), ("70", 7))),
    "TR": ("90", (("53", 8), ("54", 8), ("55", 8))),
    "UA": ("380", (("50", 7), ("67", 7), ("93", 7))),
    "NG": ("234", (("803", 7), ("806", 7), ("813", 7))),
    "LY": ("218", (("91", 7), ("92", 7))),
    "ER": ("291", (("7", 6),)),
    "ET": ("251", (("91", 7), ("92", 7))),
    "SD": ("249", (("91", 7), ("92", 7))),
    "VN": ("84", (("90", 7), ("91", 7), ("98", 7))),
    "CN": ("86", (("138", 8), ("139", 8))),
    "AF": ("93", (("70", 7), ("79", 7))),
    "SY": ("963", (("93", 7), ("94", 7))),
    "IQ": ("964", (("750", 7), ("770", 7))),
    "AE": ("971", (("50", 7), ("55", 7))),
    "IT": ("39", (("32", 8), ("34", 8))),
    "MA": ("212", (("6", 8),)),
    "AL": ("355", (("67", 7), ("69", 7))),
    "TH": ("66", (("8", 8),)),
    "PH": ("63", (("9", 9),)),
    "CO": ("57", (("31", 8), ("32", 8))),
    "PT": ("351", (("91", 7), ("93", 7))),
    "LT": ("370", (("6", 7),)),
    "IN": ("91", (("98", 8),)),
    "PK": ("92", (("30", 8),)),
    "SO": ("252", (("61", 7),)),
}


def phone(rng: random.Random, used: set[str], country: str = "NL") -> str:
    """A new mobile number of ``country`` in E.164 form (``+316...``)."""
    code, plans = _PHONE_PLAN[country]
    while True:
        prefix, n = rng.choice(plans)
        value = f"+{code}{prefix}{rng.randint(0, 10**n - 1):0{n}d}"
        if value not in used:
            used.add(value)
            return value


def format_phone(e164: str, style: int) -> str:
    """The same number as a party writes it (all forms normalise to ``e164``)."""
    if e164.startswith("+316"):
        sub = e164[3:]  # 6xxxxxxxx
        forms = (
            f"0{sub[0]}-{sub[1:]}",
            f"+31 {sub[0]} {sub[1:5]} {sub[5:]}",
            f"0031{sub}",
            f"0{sub[0]} {sub[1:3]} {sub[3:5]} {sub[5:7]} {sub[7:]}",
            e164,
        )
        return forms[style % len(forms)]
    digits = e164[1:]
    code = next(c for c, _ in _PHONE_PLAN.values() if digits.startswith(c))
    rest = digits[len(code) :]
    intl = (e164, f"00{digits}", f"+{code} {rest[:3]} {rest[3:]}", f"+{code} {rest}")
    return intl[style % len(intl)]


# ---------------------------------------------------------------------------------- plates

# Letters that occur on Dutch plates (no vowels, no C, Q, W, M since side code 6).
_NL_PLATE_LETTERS = "BDFGHJKLNPRSTVXZ"
_NL_SIDE_CODES = ("XX-999-X", "X-999-XX", "XXX-99-X", "99-XXX-9", "9-XXX-99", "XX-99-XX")


def nl_plate(rng: random.Random, used: set[str]) -> str:
    """A new Dutch plate in canonical side-code form (``GB-123-K``)."""
    while True:
        form = rng.choice(_NL_SIDE_CODES)
        value = "".join(
            rng.choice(_NL_PLATE_LETTERS) if c == "X" else str(rng.randint(0, 9)) if c == "9" else c
            for c in form
        )
        if value not in used:
            used.add(value)
            return value


def format_nl_plate(value: str, style: int) -> str:
    forms = (value, value.replace("-", ""), value.lower(), value.replace("-", " "))
    return forms[style % len(forms)]


_FOREIGN_FORMS = {
    "DE": ("XX-XX 999", "X-XX 9999", "XXX-X 999"),
    "BE": ("9-XXX-999",),
    "RO": ("X-999-XXX", "XX 99 XXX"),
    "PL": ("XX 99999", "XXX 9999X"),
    "BG": ("XX 9999 XX",),
    "FR": ("XX-999-XX",),
    "GB": ("XX99 XXX",),
    "LT": ("XXX 999",),
    "TR": ("99 XXX 999",),
    "HU": ("XXX-999",),
}


def foreign_plate(rng: random.Random, used: set[str], country: str) -> str:
    """A new plate as written in ``country``; the loader stores ``CC:COMPACT``."""
    while True:
        form = rng.choice(_FOREIGN_FORMS[country])
        value = "".join(
            rng.choice(string.ascii_uppercase)
            if c == "X"
            else str(rng.randint(0, 9))
            if c == "9"
            else c
            for c in form
        )
        key = country + ":" + value.replace(" ", "").replace("-", "")
        if key not in used:
            used.add(key)
            return value


# ------------------------------------------------------------------------- addresses, KvK

# city: (first postcode digits range, province-ish region used in signals)
CITIES: dict[str, tuple[int, int, str]] = {
    "Amsterdam": (1011, 1109, "Amsterdam"),
    "Rotterdam": (3011, 3089, "Rotterdam"),
    "Den Haag": (2511, 2599, "Den Haag"),
    "Utrecht": (3511, 3585, "Midden-Nederland"),
    "Eindhoven": (5611, 5658, "Oost-Brabant"),
    "Tilburg": (5011, 5049, "Zeeland-West-Brabant"),
    "Breda": (4811, 4839, "Zeeland-West-Brabant"),
    "Groningen": (9711, 9747, "Noord-Nederland"),
    "Alkmaar": (1811, 1834, "Noord-Holland"),
    "Venlo": (5911, 5928, "Limburg"),
    "Naaldwijk": (2671, 2672, "Den Haag"),
    "Westland": (2675, 2694, "Den Haag"),
    "Zwolle": (8011, 8043, "Oost-Nederland"),
    "Almere": (1311, 1363, "Midden-Nederland"),
    "Arnhem": (6811, 6846, "Oost-Nederland"),
    "Nijmegen": (6511, 6546, "Oost-Nederland"),
    "Enschede": (7511, 7547, "Oost-Nederland"),
    "'s-Hertogenbosch": (5211, 5236, "Oost-Brabant"),
    "Roosendaal": (4701, 4709, "Zeeland-West-Brabant"),
    "Ter Apel": (9561, 9561, "Noord-Nederland"),
    "Budel": (6021, 6023, "Oost-Brabant"),
    "Schiedam": (3111, 3125, "Rotterdam"),
    "Zaandam": (1501, 1509, "Noord-Holland"),
    "Haarlem": (2011, 2037, "Noord-Holland"),
    "Leiden": (2311, 2334, "Den Haag"),
    "Maastricht": (6211, 6229, "Limburg"),
    "Heerlen": (6411, 6422, "Limburg"),
    "Dordrecht": (3311, 3329, "Rotterdam"),
    "Apeldoorn": (7311, 7339, "Oost-Nederland"),
    "Hoek van Holland": (3151, 3151, "Rotterdam"),
}
_PC_LETTERS = [a + b for a in "ABCDEGHJKLMNPRSTVWXZ" for b in "ABCDEGHJKLMNPRSTVWXZ"]
_PC_LETTERS = [p for p in _PC_LETTERS if p not in ("SA", "SD", "SS")]


def postcode(rng: random.Random, city: str) -> str:
    lo, hi, _ = CITIES[city]
    return f"{rng.randint(lo, hi)}{rng.choice(_PC_LETTERS)}"


def kvk(rng: random.Random, used: set[str]) -> str:
    while True:
        value = f"{rng.randint(10_000_000, 99_999_999)}"
        if value not in used:
            used.add(value)
            return value


def doc_number(rng: random.Random, used: set[str], country: str, doc_type: str) -> str:
    """A document number in a plausible national shape (upper case, unique)."""
    while True:
        if country == "NL":
            letters = "ABCDEFGHIJKLMNPRSTUVWXYZ"
            value = "".join(rng.choice(letters) for _ in range(2)) + "".join(
                rng.choice(letters + "0123456789") for _ in range(6)
            )
            value += str(rng.randint(0, 9))
        elif doc_type == "residence_permit":
            value = "V" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        elif country in ("ER", "ET", "SD", "SO"):
            value = "P" + "".join(str(rng.randint(0, 9)) for _ in range(7))
        else:
            value = "".join(rng.choice(string.ascii_uppercase) for _ in range(2)) + "".join(
                str(rng.randint(0, 9)) for _ in range(7)
            )
        key = f"{doc_type}|{country}|{value}"
        if key not in used:
            used.add(key)
            return value


def v_number(rng: random.Random, used: set[str]) -> str:
    """An IND vreemdelingennummer (10 digits)."""
    while True:
        value = f"{rng.randint(1_000_000_000, 9_999_999_999)}"
        if value not in used:
            used.add(value)
            return value
