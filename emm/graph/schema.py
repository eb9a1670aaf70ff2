"""The model as data: entity types, relationship types (and the parties and legal bases of
:mod:`emm.graph.legal_bases`).

This module is the single allow-list for labels and relationship types. Cypher text is only
ever formatted with names that pass :func:`label` or :func:`rel_type`; values always travel as
``$parameters``.

Every relationship carries :data:`PROVENANCE_FIELDS`; every node carries ``key`` (its
normalised identity, unique per label), ``parties`` (which parties asserted it) and
``caption`` (a short display text).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from emm.errors import EmmError

# Parties and legal bases (covenant art. 5.2) live in emm.graph.legal_bases; re-exported here.
from emm.graph.legal_bases import LEGAL_BASES as LEGAL_BASES
from emm.graph.legal_bases import PARTIES as PARTIES
from emm.graph.legal_bases import LegalBasis as LegalBasis
from emm.graph.legal_bases import Party as Party
from emm.graph.legal_bases import basis_problem as basis_problem
from emm.values.codes import DIRECTIONS as DIRECTIONS  # the coded values (with synonyms there)
from emm.values.codes import DOC_TYPES as DOC_TYPES
from emm.values.codes import PHENOMENA as PHENOMENA
from emm.values.codes import ROLES as ROLES

# --------------------------------------------------------------------------------------------
# Field kinds: how a value in a delivery is validated and normalised (see emm.ingest.normalise)
# --------------------------------------------------------------------------------------------

FieldKind = Literal[
    "text",
    "name",
    "date",
    "bsn",
    "phone",
    "iban",
    "plate",
    "postcode",
    "house_number",
    "house_addition",
    "kvk",
    "email",
    "country",
    "amount",
    "int",
    "phenomenon",
    "role",
    "direction",
    "doc_type",
    "gender",
]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: FieldKind
    required: bool = False
    description: str = ""


# --------------------------------------------------------------------------------------------
# Entity types (node labels)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntityType:
    label: str
    description: str
    fields: tuple[FieldSpec, ...]
    identity: str  # how the node key is made, shown in the delivery-format documentation
    personal: bool  # does a node of this type identify or relate to a natural person?

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


F = FieldSpec

ENTITY_TYPES: dict[str, EntityType] = {
    e.label: e
    for e in [
        EntityType(
            "Person",
            "A natural person (suspect, victim, witness, worker...).",
            (
                F("name", "name", True, "full name as registered"),
                F("birth_date", "date"),
                F("bsn", "bsn", description="burgerservicenummer, 11-proof checked"),
                F("nationality", "country"),
                F("gender", "gender"),
                F("v_number", "text", description="IND vreemdelingennummer"),
            ),
            "BSN when present; else normalised name + date of birth; else the source record",
            personal=True,
        ),
        EntityType(
            "Address",
            "A Dutch address (home, workplace, hotel, house of prostitution...).",
            (
                F("postcode", "postcode", True),
                F("house_number", "house_number", True),
                F("addition", "house_addition"),
                F("street", "text"),
                F("city", "text"),
                F("kind", "text", description="e.g. woning, hotel, bedrijfspand"),
            ),
            "postcode + house number + addition",
            personal=True,
        ),
        EntityType(
            "Phone",
            "A telephone number.",
            (F("number", "phone", True),),
            "number in E.164",
            personal=True,
        ),
        EntityType(
            "Email",
            "An e-mail address.",
            (F("address", "email", True),),
            "lower-cased address",
            personal=True,
        ),
        EntityType(
            "Vehicle",
            "A motor vehicle identified by its licence plate.",
            (
                F("plate", "plate", True),
                F("country", "country"),
                F("make", "text"),
                F("model", "text"),
            ),
            "plate in canonical side-code form (NL) or country:plate",
            personal=True,
        ),
        EntityType(
            "Company",
            "A legal entity (employment agency, hotel, massage parlour...).",
            (F("name", "text", True), F("kvk", "kvk"), F("sector", "text")),
            "KvK number; else the source record",
            personal=False,
        ),
        EntityType(
            "BankAccount",
            "A bank account.",
            (F("iban", "iban", True), F("bank", "text")),
            "IBAN upper case without spaces, checksum validated",
            personal=True,
        ),
        EntityType(
            "IdentityDocument",
            "A passport, ID card or residence document.",
            (
                F("doc_type", "doc_type", True),
                F("number", "text", True),
                F("country", "country", True),
            ),
            "type + issuing country + upper-cased number",
            personal=True,
        ),
        EntityType(
            "Advertisement",
            "An online sex or job advertisement.",
            (
                F("platform", "text", True),
                F("ad_id", "text", True),
                F("title", "text"),
                F("posted_at", "date"),
                F("kind", "text", description="sex or job"),
            ),
            "platform + advertisement id",
            personal=False,
        ),
        EntityType(
            "Signal",
            "A signal reported by an officer or inspector (Wpg art. 10).",
            (
                F("signal_id", "text", True),
                F("phenomenon", "phenomenon", True),
                F("reported_at", "date", True),
                F("region", "text"),
                F("sector", "text"),
                F("summary", "text", description="free text; may contain personal data"),
            ),
            "party + signal id",
            personal=False,
        ),
        EntityType(
            "Investigation",
            "A criminal investigation (Wpg art. 9) or its prosecution status.",
            (
                F("case_id", "text", True),
                F("name", "text"),
                F("phenomenon", "phenomenon"),
                F("started_at", "date"),
                F("status", "text"),
            ),
            "case id (parketnummer or team code)",
            personal=False,
        ),
        EntityType(
            "BorderPost",
            "A border-crossing point (airport, port, road).",
            (F("name", "text", True), F("country", "country")),
            "upper-cased name",
            personal=False,
        ),
        EntityType(
            "Group",
            "A criminal group, gang, clan or informal organisation (not a registered company).",
            (
                F("name", "text", True, "the name or working title the party uses"),
                F("kind", "text", description="e.g. gang, clan, network, chat group"),
            ),
            "party + upper-cased name (each party's picture of a group stays its own)",
            personal=False,
        ),
    ]
}

# --------------------------------------------------------------------------------------------
# Relationship types
# --------------------------------------------------------------------------------------------

PROVENANCE_FIELDS = ("party", "legal_basis", "source_ref", "registered_at")


@dataclass(frozen=True)
class RelType:
    type: str
    description: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    fields: tuple[FieldSpec, ...] = ()


_ANY_ENTITY = (
    "Person",
    "Address",
    "Phone",
    "Email",
    "Vehicle",
    "Company",
    "BankAccount",
    "IdentityDocument",
    "Advertisement",
    "Group",
)

REL_TYPES: dict[str, RelType] = {
    r.type: r
    for r in [
        RelType("LIVES_AT", "lives or stays at (home address)", ("Person",), ("Address",)),
        RelType(
            "REGISTERED_AT",
            "registered at (BRP or trade register)",
            ("Person", "Company"),
            ("Address",),
        ),
        RelType(
            "STAYED_AT",
            "a short stay (hotel, room) at an address",
            ("Person",),
            ("Address",),
            (F("date", "date"), F("nights", "int")),
        ),
        RelType("USES_PHONE", "uses this phone number", ("Person", "Company"), ("Phone",)),
        RelType("USES_EMAIL", "uses this e-mail address", ("Person", "Company"), ("Email",)),
        RelType("OWNS_VEHICLE", "owns or leases the vehicle", ("Person", "Company"), ("Vehicle",)),
        RelType(
            "DRIVES", "seen driving the vehicle", ("Person",), ("Vehicle",), (F("date", "date"),)
        ),
        RelType(
            "HOLDS_ACCOUNT",
            "holds or controls the account",
            ("Person", "Company"),
            ("BankAccount",),
        ),
        RelType(
            "EMPLOYED_BY",
            "works for",
            ("Person",),
            ("Company",),
            (F("since", "date"), F("wage", "amount")),
        ),
        RelType("DIRECTOR_OF", "director or owner of", ("Person",), ("Company",)),
        RelType("LANDLORD_OF", "rents out the address", ("Person", "Company"), ("Address",)),
        RelType(
            "PAYMENT",
            "a payment between accounts",
            ("BankAccount",),
            ("BankAccount",),
            (F("amount", "amount", True), F("date", "date", True), F("description", "text")),
        ),
        RelType(
            "PAID_FOR",
            "paid for an advertisement, room, travel or rent",
            ("BankAccount",),
            ("Advertisement", "Address", "Person"),
            (
                F("amount", "amount", True),
                F("date", "date", True),
                F("purpose", "text", description="advertisement, room, travel, rent"),
            ),
        ),
        RelType(
            "ADVERTISED_WITH",
            "a phone or e-mail address given in the advertisement",
            ("Advertisement",),
            ("Phone", "Email"),
        ),
        RelType(
            "ADVERTISES", "the person offered in the advertisement", ("Advertisement",), ("Person",)
        ),
        RelType("HAS_DOCUMENT", "holds the identity document", ("Person",), ("IdentityDocument",)),
        RelType(
            "CROSSED_BORDER",
            "crossed the border at this post",
            ("Person", "Vehicle"),
            ("BorderPost",),
            (F("date", "date", True), F("direction", "direction")),
        ),
        RelType(
            "PASSENGER_IN",
            "travelled as passenger in the vehicle",
            ("Person",),
            ("Vehicle",),
            (F("date", "date", True),),
        ),
        RelType(
            "TRAVELLED_WITH", "travelled together", ("Person",), ("Person",), (F("date", "date"),)
        ),
        RelType("FAMILY_OF", "family relation", ("Person",), ("Person",), (F("relation", "text"),)),
        RelType("ASSOCIATE_OF", "known associate", ("Person",), ("Person",)),
        RelType(
            "CALLED",
            "telephone traffic from one number to another (call records, tap or historic data)",
            ("Phone",),
            ("Phone",),
            (
                F("date", "date", description="day of the call, or first day of the period"),
                F("duration", "int", description="seconds (total over the period)"),
                F("count", "int", description="number of calls or messages in the period"),
            ),
        ),
        RelType(
            "MET",
            "a dated meeting or association observed between two persons",
            ("Person",),
            ("Person",),
            (
                F("date", "date"),
                F("kind", "text", description="e.g. meeting, observation, wiretap, visit"),
                F("weight", "int", description="how often or how strongly (count)"),
            ),
        ),
        RelType(
            "MEMBER_OF",
            "member of a group or organisation",
            ("Person",),
            ("Group", "Company"),
            (F("since", "date"), F("position", "text", description="e.g. leader, member")),
        ),
        RelType(
            "INVOLVED_IN",
            "role of an entity in a signal or investigation",
            _ANY_ENTITY,
            ("Signal", "Investigation"),
            (F("role", "role", True),),
        ),
        RelType(
            "PART_OF",
            "a signal that became part of an investigation",
            ("Signal",),
            ("Investigation",),
        ),
    ]
}

# --------------------------------------------------------------------------------------------
# Allow-list helpers: the only way a name reaches Cypher text
# --------------------------------------------------------------------------------------------


class UnknownName(EmmError, ValueError):
    """A label or relationship type that is not in the schema's allow-list."""


def label(name: str) -> str:
    """Return ``name`` quoted for Cypher if it is an entity label in the allow-list."""
    if name not in ENTITY_TYPES:
        raise UnknownName(f"not an entity label: {name!r}")
    return f"`{name}`"


def rel_type(name: str) -> str:
    """Return ``name`` quoted for Cypher if it is a relationship type in the allow-list."""
    if name not in REL_TYPES:
        raise UnknownName(f"not a relationship type: {name!r}")
    return f"`{name}`"


@cache
def endpoint_pairs() -> tuple[tuple[str, str, str], ...]:
    """All allowed (source label, relationship type, target label) triples."""
    return tuple((s, r.type, t) for r in REL_TYPES.values() for s in r.sources for t in r.targets)


# Labels of bookkeeping nodes that are not entities (never part of an analysis graph).
META_LABELS = (
    "Delivery",
    "Product",
    "Disclosure",
    "PartyStatus",
    "SubjectRequest",
    "Judgement",
    "WorkingSet",
    "InfoRequest",
    "Tombstone",
    "RestrictionKey",
)


def uid_label(uid: str) -> str:
    """The entity label encoded in a node ``uid`` (``"Person-9f2c..."`` -> ``"Person"``)."""
    name = uid.split("-", 1)[0]
    if name not in ENTITY_TYPES:
        raise UnknownName(f"not a node uid: {uid[:40]!r}")
    return name
