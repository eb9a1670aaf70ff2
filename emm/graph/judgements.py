"""Analysts' judgements on same-person candidates (who decided what, when).

Confirmed pairs are merged in analysis copies only (:func:`emm.graph.analysis.merge_confirmed`):
the parties' original records stay as delivered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import LiteralString

from emm.graph.store import GraphStore

RECORD: LiteralString = (
    "MERGE (j:Judgement {pair: $pair}) "
    "SET j.a = $a, j.b = $b, j.decision = $decision, j.by = $by, j.at = $at, j.score = $score"
)
ALL: LiteralString = "MATCH (j:Judgement) RETURN properties(j) AS j ORDER BY j.at DESC"
DECISIONS = ("confirmed", "rejected")


@dataclass(frozen=True)
class Judgement:
    a: str
    b: str
    decision: str
    by: str
    at: str
    score: float | None = None


def pair_key(a: str, b: str) -> str:
    x, y = sorted((a, b))
    return f"{x}|{y}"


def record(
    store: GraphStore, a: str, b: str, decision: str, *, by: str, score: float | None = None
) -> Judgement:
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {DECISIONS}")
    x, y = sorted((a, b))
    at = datetime.now(UTC).isoformat(timespec="seconds")
    store._write(
        RECORD, pair=pair_key(x, y), a=x, b=y, decision=decision, by=by, at=at, score=score
    )
    return Judgement(x, y, decision, by, at, score)


def all_judgements(store: GraphStore) -> list[Judgement]:
    return [Judgement(**{k: v for k, v in r["j"].items() if k != "pair"}) for r in store._read(ALL)]


def confirmed_pairs(store: GraphStore) -> list[tuple[str, str]]:
    return [(j.a, j.b) for j in all_judgements(store) if j.decision == "confirmed"]
