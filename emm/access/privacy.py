"""The privacy officer's tools as the guarded API offers them (art. 7-10, 14):
retention, data-subject rights, a party's exit, the audit trail and breach reports
(:attr:`emm.access.guarded.GuardedStore.privacy`).

Each method checks the role and writes its own audit entry; the work is done by
:mod:`emm.retention.engine`, :mod:`emm.retention.subjects` and
:mod:`emm.retention.parties`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from emm.access import generation
from emm.access.policy import AccessDenied
from emm.audit import VerifyResult
from emm.graph import judgements
from emm.graph.schema import LEGAL_BASES
from emm.retention import engine, parties, subjects
from emm.retention.keys import SubjectKeys

if TYPE_CHECKING:
    from emm.access.guarded import GuardedStore


class GuardedPrivacy:
    def __init__(self, g: GuardedStore) -> None:
        self._g = g
        self._store = g._store
        self._keys = SubjectKeys.for_data_dir(g.data_dir)

    def _require_subject_request(self) -> None:
        """A data-subject request reads everything held on the person, so it is handled only
        by someone who may read every legal basis (an IND-affiliated officer may not read
        Wjsg data, whatever the role: policy.yaml)."""
        self._g.require("subject_request")
        missing = set(LEGAL_BASES) - set(self._g.principal.legal_bases)
        if missing:
            self._g._audit("subject_request", denied=True, missing=sorted(missing))
            raise AccessDenied(
                "a data-subject request is handled by a privacy officer who may read every "
                f"legal basis; yours excludes {', '.join(sorted(missing))}"
            )

    # ------------------------------------------------------------------ retention (art. 7)

    def retention_plan(self, as_of: date) -> dict[str, Any]:
        self._g.require("retention_plan")
        result = engine.plan(self._store, as_of)
        self._g._audit(
            "retention_plan", size=result["party-facts"]["facts_total"], as_of=result["as_of"]
        )
        return result

    def retention_apply(self, as_of: date) -> dict[str, Any]:
        self._g.require("retention_apply")
        report = engine.apply(
            self._store, as_of, data_dir=self._g.data_dir, run_by=self._g.principal.user
        )
        generation.bump(self._g.data_dir)
        facts = report["rules_applied"]["party-facts"]
        self._g._audit(
            "retention_apply",
            size=facts["facts_total"] + facts["records_total"],
            parties=list(facts["facts"]) + list(facts["records"]),
            as_of=report["as_of"],
        )
        return report

    # ------------------------------------------------------------------ subjects (art. 10)

    def find_subject(
        self, *, bsn: str | None = None, name: str | None = None, birth_date: str | None = None
    ) -> list[str]:
        """Every Person entity that is this data subject (including records a confirmed
        same-person judgement joins to them); :class:`~emm.retention.subjects.SubjectError`
        (an :class:`~emm.errors.EmmError`) when there is none, so a request is never answered
        with an empty list by mistake."""
        self._require_subject_request()
        uids = subjects.locate(
            self._store, self._g._resolver(), bsn=bsn, name=name, birth_date=birth_date
        )
        self._g._audit("subject_locate", targets=uids, size=len(uids))
        if not uids:
            raise subjects.SubjectError("no person found with these identifiers")
        return uids

    def describe(self, uids: list[str]) -> list[dict[str, Any]]:
        """A short line per Person entity of the subject (names, birth dates, BSNs, known to,
        restricted), so the privacy officer can confirm it is the right person."""
        self._require_subject_request()
        out = []
        for uid in uids:
            rows = subjects.person_records(self._store, uid)
            if not rows:
                continue
            values: dict[str, set[str]] = {"name": set(), "birth_date": set(), "bsn": set()}
            for row in rows:
                for k in values:
                    if row["r"].get(k):
                        values[k].add(str(row["r"][k]))
            out.append(
                {
                    "uid": uid,
                    "names": sorted(values["name"]),
                    "born": sorted(values["birth_date"]),
                    "bsn": sorted(values["bsn"]),
                    "known_to": sorted({r["party"] for r in rows}),
                    "restricted": bool(rows[0]["restricted"]),
                }
            )
        self._g._audit("subject_view", targets=uids, size=len(out))
        return out

    def access(
        self,
        uids: list[str],
        *,
        refuse: dict[str, list[str]] | None = None,
        coordinated_with: list[str] | None = None,
    ) -> tuple[subjects.Outcome, dict[str, Any]]:
        self._require_subject_request()
        outcome, answer = subjects.access(
            self._store,
            uids,
            by=self._g.principal.user,
            refuse=refuse,
            coordinated_with=coordinated_with,
        )
        self._g._audit(
            "subject_access",
            targets=uids,
            size=sum(len(p["facts"]) + len(p["values"]) for p in answer["persons"]),
            parties={f["party"] for p in answer["persons"] for f in p["facts"] + p["values"]},
            request_id=outcome.request_id,
        )
        return outcome, answer

    def rectify(self, uids: list[str], field_name: str, value: str) -> subjects.Outcome:
        self._require_subject_request()
        o = subjects.rectify(self._store, uids, field_name, value, by=self._g.principal.user)
        generation.bump(self._g.data_dir)
        self._g._audit(
            "subject_rectify",
            targets=uids,
            size=int(o.detail.get("records", 0)),
            request_id=o.request_id,
            field=field_name,
        )
        return o

    def erase(self, uids: list[str]) -> subjects.Outcome:
        self._require_subject_request()
        o = subjects.erase(
            self._store, uids, self._keys, by=self._g.principal.user, data_dir=self._g.data_dir
        )
        judgements.forget(self._store, uids)
        self._g._forget_resolution()
        generation.bump(self._g.data_dir)
        self._g._audit(
            "subject_erase",
            targets=uids,
            size=int(o.detail["facts_removed"]),
            request_id=o.request_id,
        )
        return o

    def restrict(self, uids: list[str], *, lift: bool = False) -> subjects.Outcome:
        self._require_subject_request()
        o = subjects.restrict(self._store, uids, self._keys, by=self._g.principal.user, lift=lift)
        generation.bump(self._g.data_dir)
        self._g._audit(o.kind, targets=uids, size=len(uids), request_id=o.request_id)
        return o

    def refuse(self, uids: list[str], kind: str, grounds: list[str]) -> subjects.Outcome:
        self._require_subject_request()
        o = subjects.refuse(self._store, uids, kind, by=self._g.principal.user, grounds=grounds)
        self._g._audit("subject_refuse", targets=uids, request_id=o.request_id, kind=kind)
        return o

    def requests(self, *, limit: int = 50) -> list[dict[str, Any]]:
        self._require_subject_request()
        rows = [r["r"] for r in self._store.read(subjects.cypher.LIST_REQUESTS, limit=limit)]
        self._g._audit("list_subject_requests", size=len(rows))
        return rows

    # ------------------------------------------------------------------ parties (art. 14.3)

    def party_exit(self, party: str, *, mode: str, reason: str = "") -> dict[str, Any]:
        self._g.require("party_exit")
        report = parties.party_exit(
            self._store,
            party,
            mode=mode,
            by=self._g.principal.user,
            data_dir=self._g.data_dir,
            reason=reason,
        )
        self._g._forget_resolution()
        generation.bump(self._g.data_dir)
        self._g._audit("party_exit", parties=[party], mode=mode, reason=reason)
        return report

    def party_statuses(self) -> list[dict[str, Any]]:
        if not (self._g.can("party_exit") or self._g.can("breach_report")):
            self._g.require("party_exit")
        rows = [r["s"] for r in self._store.read(subjects.cypher.PARTY_STATUSES)]
        return rows

    # ------------------------------------------------------------------ audit (art. 8)

    def audit_verify(self, *, anchor: dict[str, Any] | None = None) -> VerifyResult:
        """Check the audit trail: chain, signatures from the anchor (the privacy officer's
        copy when given), the key, and the checkpoints kept in the graph database."""
        from emm.access.users import UserStore
        from emm.audit import anchors

        self._g.require("audit_verify")
        log = self._g._audit_log
        trusted = anchor or log.anchor()
        checkpoints: list[dict[str, Any]] = []
        if trusted is not None:
            checkpoints = anchors.from_graph(self._store, str(trusted["installation"]))
        in_use = bool(UserStore(self._g.data_dir / "users.json").list())
        result = log.verify(anchor=anchor, checkpoints=checkpoints, must_exist=in_use)
        # Reading the trail is itself an action on it (logged after the check).
        self._g._audit(
            "audit_verify",
            size=result.entries,
            ok=result.ok,
            problems=len(result.problems),
            with_anchor=anchor is not None,
        )
        return result

    def breach(
        self, *, start: str, end: str, user: str | None = None, product: str | None = None
    ) -> dict[str, Any]:
        """Which parties' data a breach touched (art. 8.3), from the audit trail and, for a
        product, the register."""
        self._g.require("breach_report")
        result = self._g._audit_log.touched_parties(
            start=start, end=end, user=user, product_id=product
        )
        if product:
            from emm.products.register import ProductRegister

            p = ProductRegister(self._store).get(product)
            if p:
                result["parties"] = sorted(set(result["parties"]) | set(p.parties))
        self._g._audit(
            "breach_report",
            size=int(result["entries"]),
            parties=result["parties"],
            window=[start, end],
            about_user=user or "",
            product_id=product or "",
        )
        return result

    def audit_entries(self, *, user: str | None = None, n: int = 50) -> list[dict[str, Any]]:
        """The newest audit entries (of one user), for oversight pages."""
        self._g.require("audit_verify")
        rows = [e for e in self._g._audit_log.entries() if user is None or e["user"] == user]
        self._g._audit("audit_read", size=min(n, len(rows)), about_user=user or "")
        return rows[-n:][::-1]

    def own_activity(self, *, n: int = 10) -> list[dict[str, Any]]:
        """The principal's own newest audit entries (the home page shows them)."""
        me = self._g.principal.user
        rows = [e for e in self._g._audit_log.entries() if e["user"] == me]
        return rows[-n:][::-1]
