"""The field normalisers under their ingest names: a thin re-export of :mod:`emm.values`.

New code imports :mod:`emm.values` (one module per kind); this module keeps the names older
callers and notebooks use. Nothing is defined here.
"""

from __future__ import annotations

from emm.values import NORMALISERS, InvalidValue, codes
from emm.values import bsn as _bsn
from emm.values import country as _country
from emm.values import date as _date
from emm.values import email as _email
from emm.values import house_number as _house
from emm.values import iban as _iban
from emm.values import integer as _integer
from emm.values import kvk as _kvk
from emm.values import name as _name
from emm.values import phone as _phone
from emm.values import plate as _plate
from emm.values import postcode as _postcode
from emm.values import text as _text
from emm.values.amount import normalise as _amount

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

GENDERS = codes.GENDERS
IBAN_LENGTHS = _iban.LENGTHS
NAME_PARTICLES = _name.PARTICLES
PLATE_SIDE_CODES = _plate.SIDE_CODES

bsn = _bsn.normalise
is_valid_bsn = _bsn.is_valid
phone = _phone.normalise
iban = _iban.normalise
is_valid_iban = _iban.is_valid
plate = _plate.normalise
foreign_plate = _plate.foreign
postcode = _postcode.normalise
house_number = _house.normalise
house_addition = _house.normalise_addition
kvk = _kvk.normalise
email = _email.normalise
date = _date.normalise
name = _name.normalise
name_key = _name.name_key
text = _text.normalise
country = _country.normalise
int_ = _integer.normalise
phenomenon = codes.phenomenon
role = codes.role
direction = codes.direction
doc_type = codes.doc_type
gender = codes.gender


def amount(s: str) -> float:
    """An amount in euros as a float (exact parsing: :func:`emm.values.amount.normalise`)."""
    return float(_amount(s))
