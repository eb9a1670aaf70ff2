"""How each party writes a person and a value: the source of same-person variation.

A party's *profile* of a person is fixed per (person, party): KMAR writes passport order and
the placeholder birth date ``01-01-YYYY`` for undocumented arrivals, IND writes unknown parts
of a birth date as ``01``, POL may leave the birth date out, ISZW's payroll data has typos and
no diacritics, OM copies the police's spelling and always has the BSN. Values (dates, amounts,
phones, IBANs, plates) are formatted per file: CSV files use Dutch forms, JSON Lines ISO forms.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import ids
from .names import fold_ascii, render, typo, variants_of
from .world import Human

__all__ = ["Profile", "country_text", "profile", "person_fields"]

# Countries the loader knows by Dutch name / adjective / alpha-3 (others: alpha-2 only).
_COUNTRY_NAMES: dict[str, tuple[str, str, str]] = {
    "NL": ("Nederland", "Nederlandse", "NLD"), "BE": ("België", "Belgische", "BEL"),
    "DE": ("Duitsland", "Duitse", "DEU"), "PL": ("Polen", "Poolse", "POL"),
    "RO": ("Roemenië", "Roemeense", "ROU"), "BG": ("Bulgarije", "Bulgaarse", "BGR"),
    "HU": ("Hongarije", "Hongaarse", "HUN"), "LT": ("Litouwen", "Litouwse", "LTU"),
    "UA": ("Oekraïne", "Oekraïense", "UKR"), "MA": ("Marokko", "Marokkaanse", "MAR"),
    "TR": ("Turkije", "Turkse", "TUR"), "SR": ("Suriname", "Surinaamse", "SUR"),
    "NG": ("Nigeria", "Nigeriaanse", "NGA"), "ER": ("Eritrea", "Eritrese", "ERI"),
    "SY": ("Syrië", "Syrische", "SYR"), "AF": ("Afghanistan", "Afghaanse", "AFG"),
    "IQ": ("Irak", "Iraakse", "IRQ"), "VN": ("Vietnam", "Vietnamese", "VNM"),
    "CN": ("China", "Chinese", "CHN"), "TH": ("Thailand", "Thaise", "THA"),
    "PH": ("Filipijnen", "Filipijnse", "PHL"), "IN": ("India", "Indiase", "IND"),
    "AL": ("Albanië", "Albanese", "ALB"), "CO": ("Colombia", "Colombiaanse", "COL"),
    "PT": ("Portugal", "Portugese", "PRT"), "ET": ("Ethiopië", "Ethiopische", "ETH"),
    "SO": ("Somalië", "Somalische", "SOM"), "CZ": ("Tsjechië", "Tsjechische", "CZE"),
}  # fmt: skip

ASYLUM_COUNTRIES = frozenset({"ER", "ET", "SO", "AF", "SY", "IQ", "SD", "VN", "NG", "MA", "AL"})


def country_text(code: str, style: int) -> str:
    """``code`` as a party writes it: alpha-2, Dutch name, adjective or alpha-3."""
    names = _COUNTRY_NAMES.get(code)
    if names is None or style == 0:
        return code
    return names[(style - 1) % 3]


@dataclass(frozen=True)
class Profile:
    """How one party writes one person (fixed for the pair)."""

    order: str
    translit: dict[str, str]
    fold: bool
    with_bsn: bool
    dob_mode: str  # real, placeholder, unknown_0101, missing, swapped
    typo: bool
    country_style: int


_ORDERS = {
    "POL": (("standard", 0.75), ("short", 0.15), ("western", 0.10)),
    "KMAR": (("passport", 0.65), ("standard", 0.35)),
    "IND": (("standard", 0.70), ("passport", 0.15), ("western", 0.15)),
    "ISZW": (("standard", 0.80), ("short", 0.20)),
}
_BSN_P = {"POL": 0.9, "OM": 1.0, "ISZW": 0.6, "IND": 0.75, "KMAR": 0.3}
_COUNTRY_STYLE = {"POL": 2, "KMAR": 3, "IND": 3, "ISZW": 1, "OM": 0}


def _pick(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    r = rng.random()
    for value, p in options:
        r -= p
        if r < 0:
            return value
    return options[-1][0]


def profile(seed: int, h: Human, party: str) -> Profile:
    source = "POL" if party == "OM" else party  # OM's data comes from the police's files
    rng = random.Random(f"{seed}:{h.key}:{source}")
    order = _pick(rng, _ORDERS[source]) if h.nationality != "NL" else "standard"
    if order == "western" and h.name.style not in ("vietnamese", "chinese"):
        order = "standard"
    translit = {}
    for tok in h.name.tokens:
        options = variants_of(tok)
        if len(options) > 1 and rng.random() < 0.45:
            translit[tok] = rng.choice(options[1:])
    fold = source == "KMAR" or (source == "POL" and rng.random() < 0.3)
    with_bsn = bool(h.bsn) and random.Random(f"{seed}:{h.key}:{party}:bsn").random() < _BSN_P[party]
    asylum = h.nationality in ASYLUM_COUNTRIES and h.v_number is not None
    dob_mode = "real"
    r = rng.random()
    if source == "KMAR":
        if asylum and (h.dob_precision != "full" or r < 0.6):
            dob_mode = "placeholder"
    elif h.dob_precision != "full":
        dob_mode = "unknown_0101" if source == "IND" or r < 0.6 else "missing"
    elif source == "POL" and h.nationality != "NL" and r < 0.08:
        dob_mode = "missing"
    elif source == "ISZW" and r < 0.03:
        dob_mode = "swapped"
    if party == "OM" and dob_mode == "missing":
        dob_mode = "real" if h.dob_precision == "full" else "unknown_0101"
    return Profile(
        order=order,
        translit=translit,
        fold=fold,
        with_bsn=with_bsn,
        dob_mode=dob_mode,
        typo=source in ("POL", "ISZW", "IND") and rng.random() < 0.05,
        country_style=_COUNTRY_STYLE[party],
    )


def _dob(h: Human, mode: str) -> tuple[date | None, list[str]]:
    d = h.dob
    if d is None or mode == "missing":
        return None, ["missing_dob"]
    if mode == "placeholder":
        return date(h.stated_year or d.year, 1, 1), ["placeholder_dob"]
    if h.dob_precision == "year":
        return date(d.year, 1, 1), ["unknown_0101"]
    if h.dob_precision == "month":
        return date(d.year, d.month, 1), ["unknown_0101"]
    if mode == "swapped" and d.day <= 12 and d.day != d.month:
        return date(d.year, d.day, d.month), ["day_month_swapped"]
    return d, []


def person_fields(seed: int, h: Human, party: str) -> tuple[dict[str, Any], list[str]]:
    """The Person row of ``h`` as ``party`` writes it, and the variation tags."""
    p = profile(seed, h, party)
    name, tags = render(h.name, order=p.order, translit=p.translit, fold=p.fold)
    if p.typo:
        name = typo(name, random.Random(f"{seed}:{h.key}:{party}:typo"))
        tags.append("typo")
    dob, dob_tags = _dob(h, p.dob_mode)
    tags += dob_tags
    fields: dict[str, Any] = {"name": name, "gender": h.gender}
    if dob is not None:
        fields["birth_date"] = dob
    if p.with_bsn and h.bsn:
        fields["bsn"] = h.bsn
    elif h.bsn:
        tags.append("bsn_partial")
    if h.nationality != "NL" or party in ("IND", "KMAR"):
        fields["nationality"] = country_text(h.nationality, p.country_style)
    if party == "IND" and h.v_number:
        fields["v_number"] = h.v_number
    return fields, tags


# ---------------------------------------------------------------------------- values

_ROLE_NL = {"suspect": "verdachte", "victim": "slachtoffer", "witness": "getuige",
            "facilitator": "faciliteerder", "employer": "werkgever", "reporter": "melder",
            "involved": "betrokkene"}  # fmt: skip
_PHEN_NL = {"sexual": "seksuele uitbuiting", "labour": "arbeidsuitbuiting",
            "criminal": "criminele uitbuiting", "smuggling": "mensensmokkel",
            "unknown": "onbekend"}  # fmt: skip
_DOC_NL = {"passport": "paspoort", "id_card": "identiteitskaart",
           "residence_permit": "verblijfsvergunning", "visa": "visum",
           "driving_licence": "rijbewijs"}  # fmt: skip
_DIR_NL = {"in": "inreis", "out": "uitreis"}


@dataclass
class ValueStyle:
    """Formats of one file: CSV files write Dutch forms, JSON Lines ISO forms."""

    csv: bool
    variant: int  # 0..3: which of the accepted spellings this delivery uses

    def date(self, d: date) -> str:
        if not self.csv:
            return d.isoformat()
        if self.variant == 1:
            return f"{d.day}-{d.month}-{d.year}"
        if self.variant == 2:
            return f"{d.day:02d}/{d.month:02d}/{d.year}"
        return f"{d.day:02d}-{d.month:02d}-{d.year}"

    def amount(self, x: float) -> str | float:
        if not self.csv:
            return round(x, 2) if self.variant % 2 else f"{x:.2f}"
        whole, cents = f"{x:.2f}".split(".")
        grouped = f"{int(whole):,}".replace(",", ".")
        if self.variant == 1:
            return f"{whole},{cents}"
        if self.variant == 2:
            return f"€ {grouped},{cents}"
        return f"{grouped},{cents}"

    def code(self, kind: str, value: str, rng: random.Random) -> str:
        dutch = rng.random() < (0.7 if self.csv else 0.2)
        if not dutch:
            return value
        table = {
            "role": _ROLE_NL,
            "phenomenon": _PHEN_NL,
            "doc_type": _DOC_NL,
            "direction": _DIR_NL,
        }
        return table[kind].get(value, value)

    def gender(self, g: str) -> str:
        if self.csv:
            return (
                {"M": "man", "F": "vrouw"}.get(g, g)
                if self.variant % 2
                else {"M": "M", "F": "V"}[g]
            )
        return g

    def bsn(self, b: str) -> str:
        return f"{b[:4]}.{b[4:6]}.{b[6:]}" if self.variant == 3 else b

    def phone(self, e164: str, rng: random.Random) -> str:
        return ids.format_phone(e164, rng.randrange(5))

    def iban(self, value: str, rng: random.Random) -> str:
        return ids.format_iban(value, rng.randrange(3) if self.csv else 0)

    def plate(self, value: str, country: str, rng: random.Random) -> str:
        if country == "NL":
            return ids.format_nl_plate(value, rng.randrange(4))
        return value if rng.random() < 0.5 else value.replace(" ", "").replace("-", "")

    def postcode(self, pc: str, rng: random.Random) -> str:
        return (
            pc
            if rng.random() < 0.6
            else f"{pc[:4]} {pc[4:].lower() if rng.random() < 0.5 else pc[4:]}"
        )


def encodable(text: str, encoding: str) -> str:
    """``text`` as a legacy system with ``encoding`` writes it (diacritics dropped if needed)."""
    if encoding != "cp1252":
        return text
    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        folded = fold_ascii(text)
        return folded.encode("cp1252", errors="replace").decode("cp1252")
