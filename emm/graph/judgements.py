"""Analysts' judgements on same-person candidates (who decided what, when, and why).

A confirmed judgement joins two entity nodes in every read (:mod:`emm.graph.resolver`); the
parties' records stay as delivered. A judgement can be changed (rejected) or withdrawn, which
splits them again: the history is in the audit trail. Internal: use
:attr:`emm.access.guarded.GuardedStore.work`, which checks and audits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, LiteralString

from emm.graph.store import GraphStore

RECORD: LiteralString = (
    "MERGE (j:Judgement {pair: $pair}) "
    "SET j.a = $a, j.b = $b, j.decision = $decision, j.by = $by, j.at = $at, j.score = $score, "
    "j.reason = $reason"
)
WITHDRAW: LiteralString = "MATCH (j:Judgement {pair: $pair}) DELETE j RETURN count(*) AS n"
ALL: LiteralString = "MATCH (j:Judgement) RETURN properties(j) AS j ORDER BY j.at DESC"
DELETE_FOR: LiteralString = (
    "MATCH (j:Judgement) WHERE j.a IN $uids OR j.b IN $uids DELETE j RETURN count(*) AS n"
)
DECISIONS = ("confirmed", "rejected")


@dataclass(frozen=True)
class Judgement:
    a: str
    b: str
    decision: str
    by: str
    at: str
    score: float | None = None
    reason: str = ""


def pair_key(a: str, b: str) -> str:
    x, y = sorted((a, b))
    return f"{x}|{y}"


def record(
    store: GraphStore,
    a: str,
    b: str,
    decision: str,
    *,
    by: str,
    reason: str,
    score: float | None = None,
) -> Judgement:
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {DECISIONS}")
    if a == b:
        raise ValueError("a judgement is about two different entities")
    x, y = sorted((a, b))
    at = datetime.now(UTC).isoformat(timespec="seconds")
    store.write(
        RECORD,
        pair=pair_key(x, y),
        a=x,
        b=y,
        decision=decision,
        by=by,
        at=at,
        score=score,
        reason=reason,
    )
    return Judgement(x, y, decision, by, at, score, reason)


def withdraw(store: GraphStore, a: str, b: str) -> bool:
    """Undo a judgement (the pair is undecided again)."""
    return bool(store.write(WITHDRAW, pair=pair_key(a, b))[0]["n"])


def _judgement(props: dict[str, Any]) -> Judgement:
    fields = set(Judgement.__dataclass_fields__)
    return Judgement(**{k: v for k, v in props.items() if k in fields and v is not None})


def all_judgements(store: GraphStore) -> list[Judgement]:
    return [_judgement(r["j"]) for r in store.read(ALL)]


def forget(store: GraphStore, uids: list[str]) -> int:
    """Remove judgements about entities that no longer exist (erasure, party removal)."""
    return int(store.write(DELETE_FOR, uids=uids)[0]["n"])
