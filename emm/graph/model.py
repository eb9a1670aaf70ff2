"""Plain data that crosses the store boundary: rows to write, filters, and what reads return."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from emm.graph.schema import ENTITY_TYPES, LEGAL_BASES, PARTIES, REL_TYPES


def new_uid(label: str) -> str:
    """An opaque internal node id: the label plus random hex, never derived from identifiers
    (a hash of a BSN could be reversed by trying all BSNs)."""
    if label not in ENTITY_TYPES:
        raise ValueError(f"not an entity label: {label!r}")
    return f"{label}-{uuid.uuid4().hex[:16]}"


@dataclass(slots=True)
class NodeRow:
    """One entity record of a delivery: the identity it merges on and the values it states.

    The entity node (``label``, ``key``) is shared by every record with the same identity; the
    record itself (``source_ref``) keeps the values this party supplied, with the party, legal
    basis and registration date on the relationship that links it to the entity (see
    ``docs/provenance.md``). Nothing one party supplies is ever attributed to another.
    """

    label: str
    key: str
    party: str
    props: dict[str, Any]  # the values, plus ``caption`` and ``search``
    source_ref: str = ""  # "<delivery_id>/<record_id>"
    legal_basis: str = ""
    registered_at: str = ""  # retention clock (art. 7.3); see pipeline: latest fact, else delivery
    restricted: bool = False  # the subject's processing is restricted (art. 10.1b)

    @property
    def delivery_id(self) -> str:
        return self.source_ref.rsplit("/", 1)[0]


@dataclass(slots=True)
class EdgeRow:
    """A relationship to merge, identified by its ``source_ref`` (delivery/record)."""

    type: str
    source_label: str
    source_key: str
    target_label: str
    target_key: str
    source_ref: str
    props: dict[str, Any]  # includes party, legal_basis, registered_at

    def as_param(self) -> dict[str, Any]:
        return {
            "from_key": self.source_key,
            "to_key": self.target_key,
            "source_ref": self.source_ref,
            "props": self.props,
        }


@dataclass(frozen=True)
class EdgeFilter:
    """Which facts a read may use. ``None`` means no restriction on that dimension.

    Dates are ISO strings compared with ``registered_at``. Access control narrows a filter with
    :meth:`narrow`, so whatever a user may not see is never returned by any read.
    """

    parties: frozenset[str] | None = None
    legal_bases: frozenset[str] | None = None
    rel_types: frozenset[str] | None = None
    date_from: str | None = None
    date_to: str | None = None

    def __post_init__(self) -> None:
        for values, known, what in (
            (self.parties, PARTIES, "party"),
            (self.legal_bases, LEGAL_BASES, "legal basis"),
            (self.rel_types, REL_TYPES, "relationship type"),
        ):
            unknown = set(values or ()) - set(known)
            if unknown:
                raise ValueError(f"unknown {what}: {', '.join(sorted(unknown))}")

    def params(self) -> dict[str, Any]:
        def listed(values: frozenset[str] | None) -> list[str] | None:
            return None if values is None else sorted(values)

        return {
            "parties": listed(self.parties),
            "legal_bases": listed(self.legal_bases),
            "rel_types": listed(self.rel_types),
            "date_from": self.date_from,
            "date_to": self.date_to,
        }

    def narrow(self, other: EdgeFilter) -> EdgeFilter:
        """The intersection of two filters: a fact passes only if it passes both."""

        def meet(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
            if a is None:
                return b
            if b is None:
                return a
            return a & b

        def later(a: str | None, b: str | None) -> str | None:
            return max(x for x in (a, b) if x is not None) if (a or b) else None

        def earlier(a: str | None, b: str | None) -> str | None:
            return min(x for x in (a, b) if x is not None) if (a or b) else None

        return EdgeFilter(
            parties=meet(self.parties, other.parties),
            legal_bases=meet(self.legal_bases, other.legal_bases),
            rel_types=meet(self.rel_types, other.rel_types),
            date_from=later(self.date_from, other.date_from),
            date_to=earlier(self.date_to, other.date_to),
        )

    def allows(self, edge: dict[str, Any], type_: str) -> bool:
        """The same test as the Cypher filter, for data already in memory."""
        reg = edge.get("registered_at")
        return (
            (self.parties is None or edge.get("party") in self.parties)
            and (self.legal_bases is None or edge.get("legal_basis") in self.legal_bases)
            and (self.rel_types is None or type_ in self.rel_types)
            and (self.date_from is None or (reg is not None and reg >= self.date_from))
            and (self.date_to is None or (reg is not None and reg <= self.date_to))
        )


NO_FILTER = EdgeFilter()


@dataclass(frozen=True)
class Statement:
    """One value of one entity, with the provenance of the record that supplied it.

    The statement model of followthemoney/nomenklatura: an entity is the set of statements
    about it that the reader may see; where parties disagree, each value stands with its source.
    """

    prop: str
    value: Any = field(repr=False)  # personal data stays out of reprs and logs
    party: str
    legal_basis: str
    source_ref: str
    registered_at: str | None = None
    entity_uid: str = ""  # the entity node that holds it (differs from Entity.uid when merged)


# Record properties that are derived or bookkeeping, not statements of a party.
RECORD_META = frozenset({"source_ref", "delivery_id", "label", "search", "rectified_at"})


def _rank(values: dict[Any, list[Statement]]) -> list[Any]:
    """Values ordered for display: most records first, then the most recently registered, then
    by source reference, so the same statements always give the same first value."""
    items = sorted(values.items(), key=lambda kv: min(s.source_ref for s in kv[1]))
    items.sort(key=lambda kv: max(s.registered_at or "" for s in kv[1]), reverse=True)
    items.sort(key=lambda kv: len(kv[1]), reverse=True)  # stable: earlier orders break ties
    return [value for value, _ in items]


@dataclass(frozen=True)
class Entity:
    """An entity as one reader may see it.

    ``props`` is the display view: per property the first value (see :func:`Entity.values`),
    plus ``uid``, ``caption`` and ``parties`` (the parties whose records the reader may see:
    "known to"). ``statements`` hold every visible value with its source; ``members`` are the
    entity nodes joined into this one by confirmed same-person judgements (``(uid,)`` if none).
    """

    uid: str
    label: str
    props: dict[str, Any] = field(repr=False)  # personal data stays out of reprs and logs
    statements: tuple[Statement, ...] = field(default=(), repr=False)
    members: tuple[str, ...] = ()
    restricted: bool = False

    @property
    def caption(self) -> str:
        return str(self.props.get("caption") or self.label)

    @property
    def parties(self) -> list[str]:
        return list(self.props.get("parties") or [])

    def values(self, prop: str) -> list[Any]:
        """Every distinct value of ``prop`` the reader may see, in display order."""
        grouped: dict[Any, list[Statement]] = {}
        for s in self.statements:
            if s.prop == prop:
                grouped.setdefault(s.value, []).append(s)
        return _rank(grouped)

    def sources(self, prop: str) -> list[tuple[Any, list[Statement]]]:
        """``(value, statements)`` per distinct value of ``prop``: who said what."""
        grouped: dict[Any, list[Statement]] = {}
        for s in self.statements:
            if s.prop == prop:
                grouped.setdefault(s.value, []).append(s)
        return [(v, grouped[v]) for v in _rank(grouped)]

    def conflicts(self) -> dict[str, list[Any]]:
        """Properties on which the visible records disagree (two birth dates...)."""
        out: dict[str, list[Any]] = {}
        for prop in dict.fromkeys(s.prop for s in self.statements):
            if prop == "caption":
                continue
            vals = self.values(prop)
            if len(vals) > 1:
                out[prop] = vals
        return out

    @classmethod
    def from_statements(
        cls,
        uid: str,
        label: str,
        statements: Iterable[Statement],
        *,
        members: Iterable[str] = (),
        restricted: bool = False,
    ) -> Entity:
        stmts = tuple(sorted(statements, key=lambda s: (s.prop, s.source_ref)))
        grouped: dict[str, dict[Any, list[Statement]]] = {}
        for s in stmts:
            grouped.setdefault(s.prop, {}).setdefault(s.value, []).append(s)
        props: dict[str, Any] = {prop: _rank(vals)[0] for prop, vals in grouped.items()}
        props["uid"] = uid
        props["parties"] = sorted({s.party for s in stmts})
        return cls(
            uid=uid,
            label=label,
            props=props,
            statements=stmts,
            members=tuple(members) or (uid,),
            restricted=restricted,
        )

    @classmethod
    def from_props(cls, label: str, props: dict[str, Any]) -> Entity:
        """An entity from a plain property map (tests and in-memory analysis copies)."""
        return cls(uid=str(props["uid"]), label=label, props=dict(props))


@dataclass(frozen=True)
class Link:
    """One fact: a relationship with its provenance, oriented as stored."""

    type: str
    source: str  # uid
    target: str  # uid
    props: dict[str, Any]

    @property
    def source_ref(self) -> str:
        return str(self.props["source_ref"])


@dataclass
class Subgraph:
    """Entities and facts returned by a read; turned into networkx by :mod:`projection`."""

    entities: dict[str, Entity] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)  # by source_ref
    truncated: bool = False  # a cap was hit: the caller must say so, never draw a hairball

    def add(self, entity: Entity) -> None:
        self.entities.setdefault(entity.uid, entity)

    def add_link(self, link: Link) -> None:
        self.links.setdefault(link.source_ref, link)
