"""Plain data that crosses the store boundary: rows to write, filters, and what reads return."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from emm.graph.schema import ENTITY_TYPES, LEGAL_BASES, PARTIES, REL_TYPES


def new_uid(label: str) -> str:
    """An opaque internal node id: the label plus random hex, never derived from identifiers
    (a hash of a BSN could be reversed by trying all BSNs)."""
    if label not in ENTITY_TYPES:
        raise ValueError(f"not an entity label: {label!r}")
    return f"{label}-{uuid.uuid4().hex[:16]}"


@dataclass(frozen=True)
class NodeRow:
    """A node to merge: identity (label, key), the asserting party and its properties."""

    label: str
    key: str
    party: str
    props: dict[str, Any]

    def as_param(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "uid": new_uid(self.label),
            "party": self.party,
            "props": self.props,
        }


@dataclass(frozen=True)
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
class Entity:
    uid: str
    label: str
    props: dict[str, Any] = field(repr=False)  # personal data stays out of reprs and logs

    @property
    def caption(self) -> str:
        return str(self.props.get("caption") or self.label)

    @property
    def parties(self) -> list[str]:
        return list(self.props.get("parties") or [])

    @classmethod
    def from_props(cls, label: str, props: dict[str, Any]) -> Entity:
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
