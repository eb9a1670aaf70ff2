"""Licence plates: Dutch plates in RDW side-code form, foreign ones as ``CC:PLATE``; the
identity key of a Vehicle."""

from __future__ import annotations

import re
from collections.abc import Mapping

from emm.values import country as _country
from emm.values.base import InvalidValue, is_valid_with, strip_chars

__all__ = ["SIDE_CODES", "foreign", "is_valid", "node_key", "normalise"]

#: The RDW side codes (sidecodes) 1-14: letters are X, digits 9.
SIDE_CODES: Mapping[int, str] = {
    1: "XX-99-99", 2: "99-99-XX", 3: "99-XX-99", 4: "XX-99-XX", 5: "XX-XX-99", 6: "99-XX-XX",
    7: "99-XXX-9", 8: "9-XXX-99", 9: "XX-999-X", 10: "X-999-XX", 11: "XXX-99-X",
    12: "X-99-XXX", 13: "9-XX-999", 14: "999-XX-9",
}  # fmt: skip


def _shapes() -> dict[str, tuple[int, int]]:
    """Compact shape ("XX9999") -> the two dash positions. Every side code has a distinct
    compact shape, so a plate typed without dashes is never ambiguous."""
    shapes = {}
    for form in SIDE_CODES.values():
        first, second, _ = form.split("-")
        shapes[form.replace("-", "")] = (len(first), len(first) + len(second))
    if len(shapes) != len(SIDE_CODES):
        raise RuntimeError("two side codes have the same compact shape")
    return shapes


_SHAPES = _shapes()
_SEPARATORS = strip_chars(" -.")
_SHAPE_OF = str.maketrans(
    {**{chr(c): "X" for c in range(ord("A"), ord("Z") + 1)}, **{str(d): "9" for d in range(10)}}
)
_FOREIGN = re.compile(r"[A-Z0-9]{1,12}")


def _compact(raw: str) -> str:
    if not raw.isascii():
        raise InvalidValue("a licence plate may only contain letters A-Z, digits and dashes")
    return raw.translate(_SEPARATORS).upper()


def normalise(raw: str) -> str:
    """A Dutch licence plate in canonical RDW side-code form (side codes 1-14).

    >>> normalise("12abc3"), normalise("xx 99 99"), normalise("g-123-bb")
    ('12-ABC-3', 'XX-99-99', 'G-123-BB')
    """
    compact = _compact(raw)
    cuts = _SHAPES.get(compact.translate(_SHAPE_OF))
    if cuts is None:
        raise InvalidValue("not a Dutch licence plate (no RDW side code 1-14 matches)")
    a, b = cuts
    return f"{compact[:a]}-{compact[a:b]}-{compact[b:]}"


def foreign(raw: str, country_code: str) -> str:
    """A foreign plate as ``"CC:PLATE"`` (country alpha-2, compact upper case).

    A Dutch country (``"NL"``, ``"Nederland"``...) gives the canonical Dutch form instead.

    >>> foreign("b-ab 1234", "Duitsland")
    'DE:BAB1234'
    """
    cc = _country.normalise(country_code)
    if cc == "NL":
        return normalise(raw)
    compact = _compact(raw)
    if not _FOREIGN.fullmatch(compact):
        raise InvalidValue("a licence plate must have 1 to 12 letters or digits")
    return f"{cc}:{compact}"


def is_valid(raw: str) -> bool:
    """Whether ``raw`` is a Dutch plate of one of the RDW side codes.

    >>> is_valid("12-ABC-3"), is_valid("1234567")
    (True, False)
    """
    return is_valid_with(normalise, raw)


def node_key(value: str) -> str:
    """The node key of the Vehicle with this (normalised) plate: the plate itself."""
    return value
