"""Coded values: English codes from the schema, Dutch (and English) synonyms accepted.

Kinds: ``phenomenon``, ``role``, ``direction``, ``doc_type``, ``gender``. A synonym is looked up
as written and else folded (:func:`emm.values.name.fold`), so case, accents and punctuation do
not matter: ``Aangever``, ``aangever`` and ``AANGEVER`` are all ``reporter``.
"""

from __future__ import annotations

from collections.abc import Iterable

from emm.values.base import InvalidValue
from emm.values.name import fold

# The English codes the graph stores (emm.graph.schema re-exports them).
ROLES = ("suspect", "victim", "witness", "facilitator", "employer", "reporter", "involved")
PHENOMENA = ("sexual", "labour", "criminal", "smuggling", "organ", "unknown")
DOC_TYPES = ("passport", "id_card", "residence_permit", "visa", "driving_licence")
DIRECTIONS = ("in", "out")

__all__ = [
    "CODES",
    "DIRECTIONS",
    "DOC_TYPES",
    "PHENOMENA",
    "ROLES",
    "GENDERS",
    "SYNONYMS",
    "direction",
    "doc_type",
    "gender",
    "lookup_table",
    "normalise",
    "phenomenon",
    "role",
]


def lookup_table(entries: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Folded synonym -> code; refuses a synonym that would point at two codes."""
    table: dict[str, str] = {}
    for code, synonyms in entries:
        for synonym in (code, *synonyms):
            key = fold(synonym)
            if table.setdefault(key, code) != code:
                raise RuntimeError(f"synonym {synonym!r} maps to both {table[key]} and {code}")
    return table


GENDERS = ("M", "F", "X")

SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
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
        "suspect": ("verdachte", "verdacht"),  # not "dader": a suspect is no perpetrator
        "victim": ("slachtoffer", "benadeelde"),
        "witness": ("getuige",),
        "facilitator": ("faciliteerder", "facilitator", "tussenpersoon"),
        "employer": ("werkgever", "opdrachtgever"),
        "reporter": ("melder", "aangever", "aangeefster", "meldster", "tipgever"),
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
CODES: dict[str, tuple[str, ...]] = {
    "phenomenon": PHENOMENA, "role": ROLES, "direction": DIRECTIONS, "doc_type": DOC_TYPES,
    "gender": GENDERS,
}  # fmt: skip
if any(set(SYNONYMS[k]) != set(v) for k, v in CODES.items()):
    raise RuntimeError("the synonym tables must cover exactly the schema's codes")
_LOOKUP = {kind: lookup_table(table.items()) for kind, table in SYNONYMS.items()}
_REASON = {
    kind: f"not a known {kind.replace('_', ' ')} (expected one of: {', '.join(codes)})"
    for kind, codes in CODES.items()
}


def normalise(kind: str, raw: str) -> str:
    """The code of ``kind`` that ``raw`` names.

    >>> normalise("role", "Aangever"), normalise("role", "victim")
    ('reporter', 'victim')
    """
    lookup = _LOOKUP[kind]
    code = lookup.get(raw) or lookup.get(fold(raw))
    if code is None:
        raise InvalidValue(_REASON[kind])
    return code


def phenomenon(raw: str) -> str:
    """A phenomenon code from ``schema.PHENOMENA``.

    >>> phenomenon("Seksuele uitbuiting"), phenomenon("mensensmokkel")
    ('sexual', 'smuggling')
    """
    return normalise("phenomenon", raw)


def role(raw: str) -> str:
    """A role code from ``schema.ROLES``.

    >>> role("Verdachte"), role("aangever")
    ('suspect', 'reporter')
    """
    return normalise("role", raw)


def direction(raw: str) -> str:
    """A border-crossing direction from ``schema.DIRECTIONS``.

    >>> direction("Inkomend"), direction("vertrek")
    ('in', 'out')
    """
    return normalise("direction", raw)


def doc_type(raw: str) -> str:
    """An identity-document type from ``schema.DOC_TYPES``.

    >>> doc_type("ID-kaart"), doc_type("Paspoort")
    ('id_card', 'passport')
    """
    return normalise("doc_type", raw)


def gender(raw: str) -> str:
    """A gender code: ``M``, ``F`` or ``X``.

    >>> gender("vrouw"), gender("m"), gender("onbekend")
    ('F', 'M', 'X')
    """
    return normalise("gender", raw)
