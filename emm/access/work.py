"""An analyst's work as the guarded API offers it: working sets, same-person judgements and
information requests (:attr:`emm.access.guarded.GuardedStore.work`).

Each method checks the role, works only on entities the principal may see, and audits itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from emm.access.policy import AccessDenied
from emm.graph import judgements as judgements_mod
from emm.products import bi
from emm.products import working_sets as sets_mod

if TYPE_CHECKING:
    from emm.access.guarded import GuardedStore


class GuardedWork:
    def __init__(self, g: GuardedStore) -> None:
        self._g = g
        self._store = g._store

    # ------------------------------------------------------------------ working sets

    def _require_sets(self) -> None:
        if not (self._g.can("expand_network") or self._g.can("create_oib")):
            self._g.require("expand_network")

    def save_set(self, ws: sets_mod.WorkingSet) -> sets_mod.WorkingSet:
        """Save a working set of the principal's own (entities they may see only)."""
        self._require_sets()
        visible = self._g.get_many(ws.uids)
        ws.owner = self._g.principal.user
        ws.uids = [u for u in ws.uids if u in visible]
        saved = sets_mod.save(self._store, ws)
        self._g._audit("save_working_set", targets=saved.uids, size=len(saved.uids), name=ws.name)
        return saved

    def _visible_uids(self, uids: list[str]) -> list[str]:
        """The uids among ``uids`` the principal may still see (after an isolation, a
        restriction or an erasure a saved set shows less)."""
        if not uids:
            return []
        seen = {m for e in self._g._visible(uids, self._g.scope()).values() for m in e.members}
        return [u for u in uids if u in seen]

    def get_set(self, name: str) -> sets_mod.WorkingSet | None:
        """One of the principal's own working sets, with only the entities still visible."""
        self._require_sets()
        ws = sets_mod.get(self._store, name, self._g.principal.user)
        if ws is not None:
            ws.uids = self._visible_uids(ws.uids)
        self._g._audit("view_working_set", targets=ws.uids if ws else [], size=int(bool(ws)))
        return ws

    def sets(self) -> list[sets_mod.WorkingSet]:
        """The principal's own working sets, newest first, with only visible entities."""
        self._require_sets()
        found = sets_mod.list_sets(self._store, owner=self._g.principal.user)
        for ws in found:
            ws.uids = self._visible_uids(ws.uids)
        self._g._audit("list_working_sets", size=len(found))
        return found

    # ------------------------------------------------------------------ same person

    def judge(
        self, a: str, b: str, decision: str, *, reason: str, score: float | None = None
    ) -> judgements_mod.Judgement:
        """Confirm or reject that two entities are the same person (both must be visible)."""
        self._g.require("review_same_person")
        if not reason.strip():
            raise ValueError("give the reason for the decision (it is kept with it)")
        visible = set(self._visible_uids([a, b]))  # restricted persons are not visible
        if a not in visible or b not in visible:
            self._g._audit("review_same_person", targets=[a, b], denied=True)
            raise AccessDenied("both entities must be ones you may see")
        j = judgements_mod.record(
            self._store, a, b, decision, by=self._g.principal.user, reason=reason, score=score
        )
        self._g._forget_resolution()
        self._g._audit(
            "review_same_person", targets=[a, b], size=1, decision=decision, reason=reason
        )
        return j

    def withdraw(self, a: str, b: str) -> bool:
        """Undo a judgement (the pair is undecided again; the history stays in the audit)."""
        self._g.require("review_same_person")
        done = judgements_mod.withdraw(self._store, a, b)
        self._g._forget_resolution()
        self._g._audit("withdraw_judgement", targets=[a, b], size=int(done))
        return done

    def judgements(self) -> list[judgements_mod.Judgement]:
        """Judgements on pairs the principal may see both of."""
        self._g.require("review_same_person")
        found = judgements_mod.all_judgements(self._store)
        visible = set(self._visible_uids(sorted({u for j in found for u in (j.a, j.b)})))
        shown = [j for j in found if j.a in visible and j.b in visible]
        self._g._audit("list_judgements", size=len(shown))
        return shown

    # ------------------------------------------------------------------ information requests

    def register_request(self, *, requester: str, question: str, case_ref: str = "") -> Any:
        self._g.require("create_bi")
        req = bi.register(
            self._store,
            requester=requester,
            question=question,
            by=self._g.principal.user,
            case_ref=case_ref,
        )
        self._g._audit("create_bi", targets=[req.request_id], size=1, parties=[requester])
        return req

    def requests(self, *, limit: int = 200) -> list[Any]:
        if not (self._g.can("create_bi") or self._g.can("answer_bi")):
            self._g.require("create_bi")
        found = [r for r in bi.all_requests(self._store, limit=limit) if self._readable(r)]
        self._g._audit("list_bi", size=len(found))
        return found

    def _readable(self, request: Any) -> bool:
        """A request answered from facts the principal may not read is not shown (its
        answer, and the question about those subjects, rest on them)."""
        if not request.product_id:
            return True
        from emm.products.register import ProductRegister

        product = ProductRegister(self._store).get(request.product_id)
        return product is not None and self._g.products.readable(product)

    def similar_requests(self, question: str, *, exclude: str | None = None) -> list[Any]:
        if not (self._g.can("create_bi") or self._g.can("answer_bi")):
            self._g.require("create_bi")
        found = [
            (score, r)
            for score, r in bi.similar(self._store, question, exclude=exclude)
            if self._readable(r)
        ]
        self._g._audit("similar_bi", size=len(found))
        return found

    def answer_request(
        self, request_id: str, *, text: str, entity_uids: list[str] | None = None
    ) -> Any:
        """Answer an information request; the answer is a BI product disclosed to the
        requesting party, with the parties and legal bases of the facts it rests on."""
        self._g.require("answer_bi")
        uids = entity_uids or []
        seen = self._g.get_many(uids)
        missing = set(uids) - set(seen)
        if missing:
            raise AccessDenied(f"{len(missing)} of the entities are not ones you may see")
        parties = sorted({s.party for e in seen.values() for s in e.statements})
        bases = sorted({s.legal_basis for e in seen.values() for s in e.statements})
        done = bi.answer(
            self._store,
            request_id,
            text=text,
            by=self._g.principal.user,
            entity_uids=list(seen),
            parties=parties,
            legal_bases=bases,
        )
        self._g._audit(
            "answer_bi",
            targets=[request_id, *seen],
            size=len(seen),
            parties=parties,
            product_id=done.product_id,
        )
        return done
