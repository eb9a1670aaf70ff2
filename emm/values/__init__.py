"""The value layer: every identifier and field kind, normalised one way, in one place.

In the style of followthemoney's ``types/``: one module per kind, each with
``normalise(raw) -> value`` (raising :class:`InvalidValue`, whose reason never holds the
value), ``is_valid(raw) -> bool`` and, where the kind is an identity key of a node,
``node_key(value) -> str``. Ingest, search, subject requests, the anonymiser's recognisers and
the synthetic generator all call these modules, so a value is normalised, checked and keyed
the same way everywhere (``tests/test_values_single_source.py`` fails on a second 11-proof,
mod-97 or node-key format in the source tree).

:data:`NORMALISERS` maps each field kind of :data:`emm.graph.schema.FieldKind` to a function
from the raw text to the value as stored in the graph: amounts are parsed exactly
(``decimal.Decimal``) and stored as a float of euros, because the graph databases have no
decimal type; dates are refused when more than a day in the future.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from emm.values import (
    address,
    amount,
    bsn,
    codes,
    country,
    date,
    email,
    house_number,
    iban,
    integer,
    kvk,
    name,
    phone,
    plate,
    postcode,
    text,
)
from emm.values.amount import NumberStyle
from emm.values.base import InvalidValue

__all__ = [
    "NORMALISERS",
    "InvalidValue",
    "NumberStyle",
    "address",
    "amount",
    "bsn",
    "codes",
    "country",
    "date",
    "email",
    "house_number",
    "iban",
    "integer",
    "kvk",
    "name",
    "normalisers",
    "phone",
    "plate",
    "postcode",
    "text",
]

Normaliser = Callable[[str], object]


def _stored_date(raw: str) -> str:
    return date.not_future(date.normalise(raw))


def normalisers(style: NumberStyle | None = None) -> dict[str, Normaliser]:
    """Field kind -> normaliser giving the value as stored in the graph, for a number style.

    >>> normalisers("nl")["amount"]("1.234"), normalisers("en")["amount"]("1.234")
    (1234.0, 1.234)
    """
    return {
        "text": text.normalise,
        "name": name.normalise,
        "date": _stored_date,
        "bsn": bsn.normalise,
        "phone": phone.normalise,
        "iban": iban.normalise,
        "plate": plate.normalise,
        "postcode": postcode.normalise,
        "house_number": house_number.normalise,
        "house_addition": house_number.normalise_addition,
        "kvk": kvk.normalise,
        "email": email.normalise,
        "country": country.normalise,
        "amount": partial(amount.as_float, style=style),
        "int": partial(integer.normalise, style=style),
        "phenomenon": codes.phenomenon,
        "role": codes.role,
        "direction": codes.direction,
        "doc_type": codes.doc_type,
        "gender": codes.gender,
    }


#: Field kind -> normaliser, for values without a declared number style.
NORMALISERS: dict[str, Normaliser] = normalisers()
