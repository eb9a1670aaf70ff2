"""From a validated delivery row to a node or relationship: field checks and identity rules.

This is the boundary: after :func:`map_entity` / :func:`map_link` every value is normalised and
every relationship carries party, legal basis, source_ref and registered_at. A bad row raises
:class:`RowError` naming the field and a plain-language reason (never the value: it may be
personal data) so the pipeline can quarantine it and go on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from emm import values
from emm.errors import EmmError
from emm.graph.model import EdgeRow, NodeRow
from emm.graph.schema import ENTITY_TYPES, REL_TYPES, EntityType, FieldSpec, basis_problem
from emm.values import InvalidValue, NumberStyle
from emm.values import date as values_date
from emm.values import house_number as values_house_number

LINK_COLUMNS = frozenset({"record_id", "type", "from", "to", "registered_at", "legal_basis"})
ENTITY_COLUMNS = frozenset({"record_id", "type"})


class RowError(EmmError, ValueError):
    """This row cannot be loaded; quarantine it with :attr:`field` and :attr:`reason`."""

    def __init__(self, field: str, reason: str, *, keep_record: bool = True) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
        # False when the row's values must not be kept even in quarantine (an erased subject)
        self.keep_record = keep_record


@dataclass(frozen=True)
class DeliveryContext:
    """What every row of a delivery is read with.

    ``number_style`` is the manifest's (amounts and whole numbers, see
    :mod:`emm.values.amount`); ``latest_date`` the last date accepted (ISO), fixed when the
    delivery starts from :func:`emm.values.date.latest_allowed` (tests freeze its clock).
    """

    delivery_id: str
    party: str
    legal_basis: str
    # The retention clock of a record that takes part in no fact of its delivery: the day the
    # delivery was made (records in facts take the latest fact's date, see the pipeline).
    registered_at: str = ""
    number_style: NumberStyle | None = None
    latest_date: str = field(default_factory=values_date.latest_allowed)
    plans: _Plans = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "plans", _plans(self.number_style, self.latest_date))


Normaliser = Callable[[str], Any]
_Plan = tuple[tuple[str, Normaliser, bool], ...]

# Kinds whose values repeat across rows (a few thousand dates, a handful of codes): each distinct
# spelling is normalised once and remembered. Normalisers are pure functions returning immutable
# values, so a remembered result is exactly what a new call would return; a value that fails is
# never remembered, so its error is raised again. Each memo is cleared when full: bounded memory.
_MEMO_KINDS = frozenset(
    {"date", "country", "phenomenon", "role", "direction", "doc_type", "gender"}
)
_MEMO_LIMIT = 50_000


class _Memo(dict[str, Any]):
    """Normalised value by raw value; a miss normalises and remembers.

    Its ``__getitem__`` is the normaliser: a hit is one C-level dict lookup, no Python call.
    """

    def __init__(self, fn: Normaliser) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, raw: str) -> Any:
        value = self.fn(raw)  # may raise InvalidValue: nothing is remembered then
        if len(self) >= _MEMO_LIMIT:
            self.clear()
        self[raw] = value
        return value


# The memos are shared by every delivery: they hold only the style-free, clock-free part (a
# date's format, not whether it is in the future), so a result is the same for all of them.
_BASE = values.normalisers()
_BASE["date"] = values_date.normalise  # the future check comes after the memo, per delivery
_MEMOS: dict[str, Normaliser] = {kind: _Memo(_BASE[kind]).__getitem__ for kind in _MEMO_KINDS}


def _normalisers(style: NumberStyle | None, latest: str) -> dict[str, Normaliser]:
    fns = {**values.normalisers(style), **_MEMOS}
    memo_date, not_future = _MEMOS["date"], values_date.not_future
    # Remembered per plan set (one style and date limit): a hit is one dict lookup.
    fns["date"] = _Memo(lambda raw: not_future(memo_date(raw), latest)).__getitem__
    return fns


def _plan(fields: tuple[FieldSpec, ...], fns: dict[str, Normaliser]) -> _Plan:
    return tuple((f.name, fns[f.kind], f.required) for f in fields)


@dataclass(frozen=True)
class _Plans:
    """Per-type validation plans for one number style and date limit: the hot loop only
    looks them up."""

    entities: dict[str, tuple[_Plan, frozenset[str]]]
    links: dict[str, tuple[_Plan, frozenset[str]]]
    date: Normaliser
    vehicle: _Plan  # Vehicle without plate: how a plate is read depends on its country
    address: _Plan  # Address without house number: it may carry the addition


@lru_cache(maxsize=16)
def _plans(style: NumberStyle | None, latest: str) -> _Plans:
    fns = _normalisers(style, latest)
    entities = {
        name: (_plan(et.fields, fns), frozenset(f.name for f in et.fields) | ENTITY_COLUMNS)
        for name, et in ENTITY_TYPES.items()
    }
    links = {
        name: (_plan(rt.fields, fns), frozenset(f.name for f in rt.fields) | LINK_COLUMNS)
        for name, rt in REL_TYPES.items()
    }
    vehicle = tuple(step for step in entities["Vehicle"][0] if step[0] != "plate")
    address = tuple(step for step in entities["Address"][0] if step[0] != "house_number")
    return _Plans(entities, links, fns["date"], vehicle, address)


def _apply(plan: _Plan, allowed: frozenset[str], row: dict[str, str], what: str) -> dict[str, Any]:
    if not allowed.issuperset(row):  # one C call; true for rows holding only their fields
        _refuse_foreign_values(row, allowed, what)
    props: dict[str, Any] = {}
    for name, fn, required in plan:
        raw = row.get(name)  # None when absent (JSON Lines), "" for an empty CSV cell
        if raw:
            raw = raw.strip()
        if not raw:
            if required:
                raise RowError(name, "is required and empty")
            continue
        try:
            props[name] = fn(raw)
        except InvalidValue as exc:
            raise RowError(name, str(exc)) from None
    return props


# (allowed columns, the row's columns) -> the row's other columns, in row order. Rows of one CSV
# file all have the same columns, so this is computed once per file and type. Bounded.
_FOREIGN: dict[tuple[frozenset[str], tuple[str, ...]], tuple[str, ...]] = {}


def _refuse_foreign_values(row: dict[str, str], allowed: frozenset[str], what: str) -> None:
    """Raise for the first column (in row order) outside the type's fields that holds a value.

    In a CSV holding several types every row has the other types' columns, empty: one join
    and strip tells that they all are, without a loop per column.
    """
    key = (allowed, tuple(row))
    foreign = _FOREIGN.get(key)
    if foreign is None:
        if len(_FOREIGN) >= 4096:
            _FOREIGN.clear()
        foreign = _FOREIGN[key] = tuple(c for c in row if c not in allowed)
    if not "".join(map(row.__getitem__, foreign)).strip():
        return
    for column in foreign:
        if row[column].strip():
            raise RowError(column, f"is not a field of {what}")


# The search text of an entity (its parts folded like names, with an ASCII fast path).
_fold = values.name.search_text


# ----------------------------------------------------------------------------- entities


def _vehicle(row: dict[str, str], plans: _Plans) -> dict[str, Any]:
    """A plate is checked after the other fields: how depends on the vehicle's country."""
    props = _apply(plans.vehicle, plans.entities["Vehicle"][1], row, "Vehicle")
    raw = row.get("plate", "").strip()
    if not raw:
        raise RowError("plate", "is required and empty")
    country = props.get("country")
    try:
        props["plate"] = (
            values.plate.normalise(raw)
            if country in (None, "NL")
            else values.plate.foreign(raw, str(country))
        )
    except InvalidValue as exc:
        raise RowError("plate", str(exc)) from None
    return props


def placeholder_date(iso: str) -> bool:
    """A birth date registered as 1 January: the convention (KMAR, IND) for an unknown day and
    month, so two different people of one name and year would share it. It is kept as a
    value, but never used as an identity key; same-person review joins such records.

    >>> placeholder_date("1990-01-01"), placeholder_date("1990-03-12")
    (True, False)
    """
    return iso[4:] == "-01-01"


def _address(row: dict[str, str], plans: _Plans) -> dict[str, Any]:
    """The house number may carry its addition ("12a", "12-II", "12 bis"): split it off,
    unless the addition column says something else."""
    props = _apply(plans.address, plans.entities["Address"][1], row, "Address")
    raw = row.get("house_number", "").strip()
    if not raw:
        raise RowError("house_number", "is required and empty")
    try:
        number, addition = values_house_number.split(raw)
    except InvalidValue as exc:
        raise RowError("house_number", str(exc)) from None
    props["house_number"] = number
    if addition:
        if props.get("addition", addition) != addition:
            raise RowError(
                "house_number", "holds an addition that differs from the 'addition' column"
            )
        props["addition"] = addition
    return props


def _scoped(ctx: DeliveryContext, row: dict[str, str]) -> str:
    """The key of an entity that never merges with another: its own source record."""
    return f"rec:{ctx.delivery_id}/{row['record_id'].strip()}"


def _identity(
    et: EntityType, p: dict[str, Any], ctx: DeliveryContext, row: dict[str, str]
) -> tuple[str, str, str]:
    """(key, caption, search text) for an entity, following docs/delivery-format.md."""
    match et.label:
        case "Person":
            if "bsn" in p:
                key = values.bsn.node_key(p["bsn"])
            elif "birth_date" in p and not placeholder_date(p["birth_date"]):
                key = values.name.node_key(p["name"], p["birth_date"])
            else:  # a 1 January date is how an unknown day is registered: no identity
                key = _scoped(ctx, row)
            return key, p["name"], _fold(p["name"], p.get("bsn"), p.get("v_number"))
        case "Address":
            key = values.address.node_key(p["postcode"], p["house_number"], p.get("addition", ""))
            number = p["house_number"] + (f"-{p['addition']}" if p.get("addition") else "")
            street = f"{p['street']} {number}" if p.get("street") else number
            caption = f"{street}, {p['postcode']} {p.get('city', '')}".strip()
            return key, caption, _fold(caption, p["postcode"])
        case "Phone":
            return values.phone.node_key(p["number"]), p["number"], p["number"]
        case "Email":
            return values.email.node_key(p["address"]), p["address"], p["address"]
        case "Vehicle":
            plate = p["plate"]
            return values.plate.node_key(plate), plate, _fold(plate, plate.replace("-", ""))
        case "Company":
            key = values.kvk.node_key(p["kvk"]) if "kvk" in p else _scoped(ctx, row)
            return key, p["name"], _fold(p["name"], p.get("kvk"))
        case "BankAccount":
            return values.iban.node_key(p["iban"]), p["iban"], p["iban"].lower()
        case "IdentityDocument":
            number = "".join(p["number"].split()).upper()
            key = f"{p['doc_type']}|{p['country']}|{number}"
            return key, f"{p['doc_type']} {p['country']} {number}", _fold(number)
        case "Advertisement":
            key = f"{p['platform'].lower()}|{p['ad_id']}"
            caption = p.get("title") or f"{p['platform']} {p['ad_id']}"
            return key, caption, _fold(caption, p["ad_id"])
        case "Signal":
            caption = f"Signal {p['signal_id']} ({p['phenomenon']})"
            return f"{ctx.party}|{p['signal_id']}", caption, _fold(p["signal_id"])
        case "Investigation":
            case_id = "".join(p["case_id"].split()).upper()
            return case_id, p.get("name") or case_id, _fold(case_id, p.get("name"))
        case "BorderPost":
            name = " ".join(p["name"].split()).upper()
            return name, p["name"], _fold(name)
        case "Group":
            name = " ".join(p["name"].split()).upper()
            return f"{ctx.party}|{name}", p["name"], _fold(name)
    raise RowError("type", f"no identity rule for {et.label}")  # pragma: no cover


def map_entity(row: dict[str, str], ctx: DeliveryContext) -> NodeRow:
    type_ = row.get("type", "").strip()
    et = ENTITY_TYPES.get(type_)
    if et is None:
        raise RowError("type", "is not an entity type (see docs/delivery-format.md)")
    plans = ctx.plans
    if type_ == "Vehicle":
        props = _vehicle(row, plans)
    elif type_ == "Address":
        props = _address(row, plans)
    else:
        plan, allowed = plans.entities[type_]
        props = _apply(plan, allowed, row, type_)
    key, caption, search = _identity(et, props, ctx, row)
    props["caption"] = caption
    props["search"] = search
    return NodeRow(
        label=type_,
        key=key,
        party=ctx.party,
        props=props,
        source_ref=f"{ctx.delivery_id}/{row['record_id'].strip()}",
        legal_basis=ctx.legal_basis,
        registered_at=ctx.registered_at,
    )


def describe(label: str, props: dict[str, Any]) -> tuple[str, str]:
    """(caption, search text) of a record's values, as ingest makes them: used again when a
    value is rectified (art. 10.1b) so that the record is found by its new value only."""
    et = ENTITY_TYPES[label]
    values = {k: v for k, v in props.items() if k not in ("caption", "search")}
    ctx = DeliveryContext("-", "-", "-")
    _, caption, search = _identity(et, values, ctx, {"record_id": "-"})
    return caption, search


def identity_keys(label: str, props: dict[str, Any], key: str = "") -> list[str]:
    """Every identity a record can be recognised by, for erasure and restriction that must
    follow the person to new records: for a person their BSN, name and date of birth, and
    V-number; for anything else (their phone, account, document) its own node key."""
    if label != "Person":
        return [f"{label}|{key}"] if key and not key.startswith("rec:") else []
    keys = []
    if props.get("bsn"):
        keys.append(values.bsn.node_key(str(props["bsn"])))
    if props.get("name") and props.get("birth_date") and not placeholder_date(props["birth_date"]):
        with contextlib.suppress(InvalidValue):
            keys.append(values.name.node_key(str(props["name"]), str(props["birth_date"])))
    if props.get("v_number"):
        keys.append(f"v:{''.join(str(props['v_number']).split()).upper()}")
    return keys


# ----------------------------------------------------------------------------- links

# Checked for every link row, almost always with the same few (party, basis) pairs; bounded
# because the basis comes from the delivery.
_basis_problem = lru_cache(maxsize=256)(basis_problem)


def link_type(row: dict[str, str]) -> str:
    type_ = row.get("type", "").strip()
    if type_ not in REL_TYPES:
        raise RowError("type", "is not a relationship type (see docs/delivery-format.md)")
    return type_


Resolve = Callable[[str], "tuple[str, str] | None"]


def _end(row: dict[str, str], end: str, resolve: Resolve) -> tuple[str, str]:
    ref = row.get(end, "").strip()
    found = resolve(ref) if ref else None
    if found is None:
        raise RowError(
            end,
            "refers to no loaded entity row of this delivery" if ref else "is required and empty",
        )
    return found


def map_link(
    row: dict[str, str], ctx: DeliveryContext, record_id: str, resolve: Resolve
) -> EdgeRow:
    """Map a link row; ``resolve`` turns a ``from``/``to`` record id into ``(label, key)``
    (``None`` when the delivery has no loaded entity row with that id)."""
    type_ = link_type(row)
    source = _end(row, "from", resolve)
    target = _end(row, "to", resolve)
    rt = REL_TYPES[type_]
    if source[0] not in rt.sources:
        raise RowError("from", f"a {type_} cannot start at a {source[0]}")
    if target[0] not in rt.targets:
        raise RowError("to", f"a {type_} cannot end at a {target[0]}")
    plans = ctx.plans
    plan, allowed = plans.links[type_]
    props = _apply(plan, allowed, row, type_)
    registered = row.get("registered_at", "").strip()
    if not registered:
        raise RowError("registered_at", "is required and empty (retention clock, art. 7.3)")
    try:
        props["registered_at"] = plans.date(registered)
    except InvalidValue as exc:
        raise RowError("registered_at", str(exc)) from None
    basis = row.get("legal_basis", "").strip() or ctx.legal_basis
    problem = _basis_problem(ctx.party, basis)
    if problem:
        raise RowError("legal_basis", problem)
    source_ref = f"{ctx.delivery_id}/{record_id}"
    props["party"] = ctx.party
    props["legal_basis"] = basis
    props["source_ref"] = source_ref
    return EdgeRow(type_, source[0], source[1], target[0], target[1], source_ref, props)
