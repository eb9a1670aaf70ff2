"""A party's exit (covenant art. 5.7, 14.3): isolate its data, remove it, or reinstate it.

Internal: called by :class:`emm.access.privacy.GuardedPrivacy`, which checks the role and
writes the audit entry; nothing here checks who asks. Removal uses the same routine as
retention and erasure (:mod:`emm.retention.engine`); isolation only sets the party's status,
which every guarded read honours (:meth:`emm.access.guarded.GuardedStore.scope`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from emm.graph.schema import PARTIES
from emm.graph.store import GraphStore
from emm.retention import cypher
from emm.retention.engine import forget_derived, remove_all, withdraw_products, write_report
from emm.retention.subjects import SubjectError


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def party_exit(
    store: GraphStore, party: str, *, mode: str, by: str, data_dir: Path, reason: str = ""
) -> dict[str, Any]:
    """A party leaves or ends supply: ``isolate`` its data (hidden from every read), or
    ``remove`` it (every fact and value it supplied, and what was derived from them);
    ``reinstate`` undoes an isolation exactly (nothing was changed but the status)."""
    if party not in PARTIES:
        raise SubjectError(f"unknown party {party!r}")
    report: dict[str, Any] = {
        "kind": "party_exit",
        "party": party,
        "mode": mode,
        "run_by": by,
        "at": _now(),
        "reason": reason,
    }
    deliveries = [r["delivery_id"] for r in store.read(cypher.PARTY_DELIVERIES, party=party)]
    if mode == "isolate":
        report["facts_isolated"] = {
            r["type"]: r["n"] for r in store.read(cypher.PARTY_FACTS_SUMMARY, party=party)
        }
        report["records_isolated"] = {
            r["type"]: r["n"] for r in store.read(cypher.PARTY_RECORDS_SUMMARY, party=party)
        }
        report.update(forget_derived(data_dir))
        status = "isolated"
    elif mode == "remove":
        touched = {r["a"] for r in store.read(cypher.PARTY_ENTITIES, party=party)}
        removed = remove_all(
            store,
            [
                (cypher.DELETE_PARTY_FACTS, {"party": party}, False),
                (cypher.DELETE_PARTY_RECORDS, {"party": party}, True),
            ],
        )
        report.update(removed.as_dict())
        report.update(forget_derived(data_dir, deliveries=deliveries))
        report["products"] = withdraw_products(store, sorted(touched))
        left = store.read(cypher.PARTY_LEFT, party=party)[0]
        report["left"] = {"facts": int(left["facts"]), "records": int(left["records"])}
        status = "removed"
    elif mode == "reinstate":
        status = "active"
    else:
        raise SubjectError("mode must be isolate, remove or reinstate")
    store.write(
        cypher.SET_PARTY_STATUS, party=party, status=status, since=report["at"], reason=reason
    )
    report["report_file"] = str(write_report(data_dir / "retention", "party-exit", report))
    return report


__all__ = ["party_exit"]
