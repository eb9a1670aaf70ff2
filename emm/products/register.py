"""The product register and the disclosure log (covenant art. 6.3, 7, 10.2).

Every product (OIB, BI, QS, TIB, SIB, NCP answer) is registered: id, type, version, who made it
and when, its subject, the parties and legal bases it rests on, whether it holds personal data,
and which entities it names. Every handover or export is a disclosure: what, to whom, when, by
whom, on which basis. Retention (art. 7.6: OIB ten years from handover) and the data subject's
right to know who received data about them (art. 10.2) are answered from here.

Stored as bookkeeping nodes (``Product``, ``Disclosure``) in the same database, so every app
server and command sees one register. All Cypher of this concern is below.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any, LiteralString

from emm.errors import EmmError
from emm.graph.schema import PARTIES
from emm.graph.store import GraphStore

PRODUCT_TYPES = {
    "OIB": "Operationeel intelligencebeeld (operational intelligence picture)",
    "BI": "Beantwoording informatievraag (answer to an information request)",
    "QS": "Quick Scan",
    "TIB": "Tactisch intelligencebeeld (tactical intelligence picture)",
    "SIB": "Strategisch intelligencebeeld (strategic intelligence picture)",
    "NCP": "Answer as national contact point to a foreign partner",
}
PERSONAL_TYPES = frozenset({"OIB", "BI"})  # the others must never be traceable to persons

# The one pattern of a product id (``OIB-20261128-0001``): ids become file names, so anything
# else (``../x``, ``/etc/passwd``, a newline) is refused before it reaches a path.
PRODUCT_ID = re.compile(r"(?:" + "|".join(PRODUCT_TYPES) + r")-[0-9]{8}-[0-9]{4}")

UPSERT_PRODUCT: LiteralString = (
    "MERGE (p:Product {product_id: $product_id, version: $version}) SET p += $props"
)
GET_PRODUCT: LiteralString = (
    "MATCH (p:Product {product_id: $product_id}) RETURN properties(p) AS p "
    "ORDER BY p.version DESC LIMIT 1"
)
LIST_PRODUCTS: LiteralString = (
    "MATCH (p:Product) RETURN properties(p) AS p ORDER BY p.created_at DESC LIMIT $limit"
)
NEXT_NUMBER: LiteralString = "MATCH (p:Product) WHERE p.product_id STARTS WITH $prefix RETURN count(DISTINCT p.product_id) AS n"
ADD_DISCLOSURE: LiteralString = "CREATE (d:Disclosure) SET d = $props"
SET_HANDOVER: LiteralString = (
    "MATCH (p:Product {product_id: $product_id, version: $version}) "
    "SET p.handed_over_at = coalesce(p.handed_over_at, $at), "
    "p.retention_until = coalesce(p.retention_until, $retention_until), "
    "p.recipients = CASE WHEN $recipient IN coalesce(p.recipients, []) THEN p.recipients "
    "ELSE coalesce(p.recipients, []) + $recipient END"
)
DISCLOSURES_OF: LiteralString = (
    "MATCH (d:Disclosure {product_id: $product_id}) RETURN properties(d) AS d ORDER BY d.at"
)
PRODUCTS_NAMING: LiteralString = (
    "MATCH (p:Product) WHERE $uid IN p.entity_uids RETURN properties(p) AS p ORDER BY p.created_at"
)
PRODUCTS_NAMING_ANY: LiteralString = (
    "MATCH (p:Product) WHERE any(u IN p.entity_uids WHERE u IN $uids) "
    "RETURN properties(p) AS p ORDER BY p.created_at"
)
WITHDRAW: LiteralString = (
    "MATCH (p:Product {product_id: $product_id}) "
    "SET p.withdrawn_at = $at, p.withdrawn_reason = $reason, p.files = [] RETURN count(p) AS n"
)


class RegisterError(EmmError, ValueError):
    """A register action that the rules do not allow (unknown recipient, wrong type...)."""


def validate_product_id(value: str) -> str:
    """Return ``value`` when it is a well-formed product id, else raise :class:`RegisterError`.

    >>> validate_product_id("OIB-20261128-0001")
    'OIB-20261128-0001'
    >>> validate_product_id("../x")
    Traceback (most recent call last):
    ...
    emm.products.register.RegisterError: not a product id (expected e.g. OIB-20261128-0001)
    """
    if not isinstance(value, str) or PRODUCT_ID.fullmatch(value) is None:
        raise RegisterError("not a product id (expected e.g. OIB-20261128-0001)")
    return value


def validate_version(value: object) -> int:
    """A version is a positive integer (it becomes part of a file name)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 100_000:
        raise RegisterError("a product version is a positive whole number")
    return value


@dataclass
class Product:
    product_id: str
    type: str
    version: int
    title: str
    created_by: str
    created_at: str
    subject: str
    parties: list[str]
    legal_bases: list[str]
    personal_data: bool
    entity_uids: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    handed_over_at: str | None = None
    retention_until: str | None = None
    recipients: list[str] = field(default_factory=list)
    withdrawn_at: str | None = None
    withdrawn_reason: str | None = None

    def props(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class Disclosure:
    product_id: str
    version: int
    recipient: str
    at: str
    by: str
    basis: str
    purpose: str = ""


def _product(props: dict[str, Any]) -> Product:
    known = {f for f in Product.__dataclass_fields__}
    return Product(**{k: v for k, v in props.items() if k in known})


def _now() -> datetime:
    return datetime.now(UTC)


def ten_years_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 10)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 10, day=28)


class ProductRegister:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def _run(self, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
        return self.store.write(query, **params)

    def new_id(self, type_: str, *, now: datetime | None = None) -> str:
        if type_ not in PRODUCT_TYPES:
            raise RegisterError(f"unknown product type {type_!r}")
        day = (now or _now()).strftime("%Y%m%d")
        prefix = f"{type_}-{day}-"
        n = self._run(NEXT_NUMBER, prefix=prefix)[0]["n"]
        return f"{prefix}{n + 1:04d}"

    def register(self, product: Product) -> Product:
        validate_product_id(product.product_id)
        validate_version(product.version)
        if product.type not in PRODUCT_TYPES:
            raise RegisterError(f"unknown product type {product.type!r}")
        if product.personal_data and product.type not in PERSONAL_TYPES:
            raise RegisterError(f"a {product.type} may not contain personal data (art. 3)")
        self._run(
            UPSERT_PRODUCT,
            product_id=product.product_id,
            version=product.version,
            props=product.props(),
        )
        return product

    def get(self, product_id: str) -> Product | None:
        rows = self._run(GET_PRODUCT, product_id=product_id)
        return _product(rows[0]["p"]) if rows else None

    def latest(self, *, limit: int = 50) -> list[Product]:
        return [_product(r["p"]) for r in self._run(LIST_PRODUCTS, limit=limit)]

    def next_version(self, product_id: str) -> int:
        current = self.get(validate_product_id(product_id))
        return 1 if current is None else current.version + 1

    def revision_of(self, product_id: str, type_: str) -> int:
        """The next version of an existing product of this type (a revision must exist)."""
        current = self.get(validate_product_id(product_id))
        if current is None or current.type != type_:
            raise RegisterError(f"no {type_} {product_id} in the register to revise")
        return current.version + 1

    def record_disclosure(
        self,
        product_id: str,
        *,
        recipient: str,
        by: str,
        basis: str,
        purpose: str = "",
        at: datetime | None = None,
    ) -> Disclosure:
        """Record a handover (to a party) or export (to a foreign partner) of a product.

        For an OIB the first handover starts its ten-year retention (art. 7.6).
        """
        product = self.get(product_id)
        if product is None:
            raise RegisterError(f"no product {product_id!r} in the register")
        if product.personal_data and recipient not in PARTIES:
            raise RegisterError(
                f"a product with personal data can only be handed to a party "
                f"({', '.join(PARTIES)}), not to {recipient!r} (art. 6.3)"
            )
        when = at or _now()
        disclosure = Disclosure(
            product_id,
            product.version,
            recipient,
            when.isoformat(timespec="seconds"),
            by,
            basis,
            purpose,
        )
        self._run(ADD_DISCLOSURE, props=asdict(disclosure))
        until = ten_years_after(when.date()).isoformat() if product.type in ("OIB", "BI") else None
        self._run(
            SET_HANDOVER,
            product_id=product_id,
            version=product.version,
            at=disclosure.at,
            retention_until=until,
            recipient=recipient,
        )
        return disclosure

    def disclosures(self, product_id: str) -> list[Disclosure]:
        return [Disclosure(**r["d"]) for r in self._run(DISCLOSURES_OF, product_id=product_id)]

    def products_naming(self, uid: str) -> list[Product]:
        """Products that name this entity (for subject access, art. 10.2)."""
        return [_product(r["p"]) for r in self._run(PRODUCTS_NAMING, uid=uid)]

    def products_naming_any(self, uids: list[str]) -> list[Product]:
        """Products that name any of these entities (party exit, erasure)."""
        return [_product(r["p"]) for r in self._run(PRODUCTS_NAMING_ANY, uids=uids)]

    def withdraw(self, product_id: str, *, reason: str) -> None:
        """Mark a product withdrawn (its files were removed with the data they held)."""
        self._run(
            WITHDRAW, product_id=product_id, at=_now().isoformat(timespec="seconds"), reason=reason
        )
