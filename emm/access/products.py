"""The product register as a principal may use it: listing, registering, handing over.

Part of the guarded API (:attr:`emm.access.guarded.GuardedStore.products`). A principal sees
only products that rest entirely on what they may read: a product's title and subject can hold
names from its sources, so an OIB made from OM facts is not listed to an analyst.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from emm.access.policy import AccessDenied
from emm.graph.schema import PARTIES
from emm.products.register import Disclosure, Product, ProductRegister, RegisterError

if TYPE_CHECKING:
    from emm.access.guarded import GuardedStore

# Any of these lets a principal see the register (each list is still narrowed by scope).
PRODUCT_ACTIONS = (
    "create_oib",
    "handover_oib",
    "create_bi",
    "answer_bi",
    "create_trend",
    "export_trend",
    "export_foreign",
    "subject_request",
    "breach_report",
)
# Which action registers / discloses a product of a type.
CREATE_ACTION = {
    "OIB": "create_oib",
    "BI": "answer_bi",
    "QS": "export_trend",
    "TIB": "export_trend",
    "SIB": "export_trend",
    "NCP": "export_foreign",
}


class GuardedProducts:
    def __init__(self, g: GuardedStore) -> None:
        self._g = g
        self._register = ProductRegister(g._store)

    def _require_any(self) -> None:
        if not any(self._g.can(a) for a in PRODUCT_ACTIONS):
            self._g.require(PRODUCT_ACTIONS[0])  # raises and audits the refusal

    def readable(self, product: Product) -> bool:
        """Does the product rest only on legal bases and parties this principal may read?"""
        scope = self._g.scope()
        bases_ok = scope.legal_bases is None or set(product.legal_bases) <= scope.legal_bases
        parties_ok = scope.parties is None or set(product.parties) <= scope.parties
        return bases_ok and parties_ok

    def latest(self, *, limit: int = 50, type_: str | None = None) -> list[Product]:
        """The newest products this principal may see (titles included)."""
        self._require_any()
        found = [
            p
            for p in self._register.latest(limit=limit * 4)
            if self.readable(p) and (type_ is None or p.type == type_)
        ][:limit]
        self._g._audit("list_products", targets=[p.product_id for p in found], size=len(found))
        return found

    def get(self, product_id: str) -> Product | None:
        """One product, or ``None`` (also when it rests on what the principal may not read)."""
        self._require_any()
        product = self._register.get(product_id)
        shown = product if product is not None and self.readable(product) else None
        self._g._audit("view_product", targets=[product_id], size=int(shown is not None))
        return shown

    def disclosures(self, product_id: str) -> list[Disclosure]:
        if self.get(product_id) is None:
            return []
        return self._register.disclosures(product_id)

    def new_version(self, type_: str, revise: str | None = None) -> tuple[str, int]:
        """A new product id (or the next version of ``revise``, a product this principal may
        see) for a product of ``type_``."""
        self._g.require(CREATE_ACTION[type_])
        if revise is None:
            return self._register.new_id(type_), 1
        version = self._register.revision_of(revise, type_)  # a valid id of an existing one
        current = self._register.get(revise)
        if current is None or not self.readable(current):
            raise RegisterError(f"no {type_} {revise} in the register to revise")
        return revise, version

    def register(self, product: Product) -> Product:
        """Register a product the library built (audited with its id)."""
        action = CREATE_ACTION[product.type]
        self._g.require(action)
        self._register.register(product)
        self._g._audit(
            action,
            targets=[product.product_id, *product.entity_uids][:200],
            size=len(product.entity_uids),
            parties=product.parties,
            product_id=product.product_id,
            version=product.version,
            kind=product.type,
        )
        return product

    def disclose(
        self,
        product_id: str,
        *,
        recipient: str,
        basis: str,
        purpose: str,
        action: str,
        **detail: Any,
    ) -> Disclosure:
        """Record that a product leaves the centre (validated, audited)."""
        self._g.require(action)
        if not purpose.strip():
            raise RegisterError("a handover or export needs a purpose (case or request reference)")
        product = self._register.get(product_id)
        if product is None or not self.readable(product):
            raise RegisterError(f"no product {product_id!r} in the register")
        if product.withdrawn_at:
            raise RegisterError(f"{product_id} was withdrawn ({product.withdrawn_reason})")
        if any(
            d.recipient == recipient and d.version == product.version
            for d in self._register.disclosures(product_id)
        ):
            raise RegisterError(
                f"{product_id} v{product.version} was already handed to {recipient}"
            )
        d = self._register.record_disclosure(
            product_id,
            recipient=recipient,
            by=self._g.principal.user,
            basis=basis,
            purpose=purpose,
        )
        self._g._audit(
            action,
            targets=[product_id],
            size=1,
            parties=[recipient, *product.parties] if recipient in PARTIES else product.parties,
            product_id=product_id,
            recipient=recipient,
            version=d.version,
            **detail,
        )
        return d

    def refused(self, product_id: str, *, action: str, problems: int, kind: str) -> None:
        """Record that the export gate refused a product (nothing was written)."""
        self._g.require(action)
        self._g._audit(
            action, targets=[product_id], size=0, refused=True, problems=problems, kind=kind
        )

    def handover(self, product_id: str, *, recipient: str, purpose: str) -> Disclosure:
        """Hand an OIB over to a party: starts its ten-year retention (art. 7.6)."""
        if recipient not in PARTIES:
            raise RegisterError(
                f"an OIB is handed over to a party ({', '.join(PARTIES)}), not {recipient!r}"
            )
        product = self.get(product_id)
        if product is None or product.type != "OIB":
            raise RegisterError(f"no OIB {product_id!r} in the register")
        return self.disclose(
            product_id,
            recipient=recipient,
            basis="covenant art. 3 (OIB)",
            purpose=purpose,
            action="handover_oib",
        )


__all__ = ["AccessDenied", "GuardedProducts"]
