"""Retention (covenant art. 7): plan what expires as of a date, apply it, prove it in a report.

Internal: called by :class:`emm.access.privacy.GuardedPrivacy`, which checks the role and
writes the audit entry; nothing here checks who asks.

The same removal routine serves retention, erasure of a data subject and a party's exit:
remove facts and records in bounded transactions, then the entity nodes they left without any
support. What was derived from the removed data goes too (:func:`forget_derived`): saved
analysis runs and quarantined raw rows. Reports count per party, type and rule and hold no
personal data.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, LiteralString

from neo4j import ManagedTransaction
from pydantic import BaseModel

from emm.graph.store import GraphStore
from emm.products.register import ProductRegister
from emm.retention import cypher
from emm.tables import load_table


class Rule(BaseModel):
    id: str
    article: str
    applies_to: str
    clock: str
    years: int | None
    explanation: str


class _Rules(BaseModel):
    rules: list[Rule]


def rules() -> dict[str, Rule]:
    return {r.id: r for r in load_table("emm.retention", "rules.yaml", _Rules).rules}


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def cutoff(as_of: date, rule_id: str) -> str:
    """Facts registered before this ISO date have expired as of ``as_of``.

    A fact registered on 2016-11-28 may be kept through 2026-11-28 and goes on 2026-11-29.

    >>> cutoff(date(2026, 11, 29), "party-facts")
    '2016-11-29'
    """
    years = rules()[rule_id].years
    if years is None:
        raise ValueError(f"rule {rule_id} has no retention limit")
    return years_before(as_of, years).isoformat()


@dataclass
class RemovalCounts:
    facts: Counter[tuple[str, str]] = field(default_factory=Counter)  # (party, type) -> n
    records: Counter[tuple[str, str]] = field(default_factory=Counter)  # (party, label) -> n
    nodes: Counter[str] = field(default_factory=Counter)  # label -> n

    def as_dict(self) -> dict[str, Any]:
        def per_party(counts: Counter[tuple[str, str]]) -> dict[str, dict[str, int]]:
            out: dict[str, dict[str, int]] = defaultdict(dict)
            for (party, type_), n in sorted(counts.items()):
                out[party][type_] = n
            return dict(out)

        return {
            "facts": per_party(self.facts),
            "facts_total": sum(self.facts.values()),
            "records": per_party(self.records),
            "records_total": sum(self.records.values()),
            "nodes": dict(sorted((k, v) for k, v in self.nodes.items() if v)),
            "nodes_total": sum(self.nodes.values()),
        }

    def add(self, other: RemovalCounts) -> None:
        self.facts.update(other.facts)
        self.records.update(other.records)
        self.nodes.update(other.nodes)


def remove(
    store: GraphStore,
    query: LiteralString,
    params: dict[str, Any],
    *,
    records: bool = False,
    batch: int = 5000,
    progress: Callable[[int], None] | None = None,
) -> RemovalCounts:
    """Delete what ``query`` selects (facts, or records when ``records``), batch by batch,
    then the entity nodes left with no record and no fact."""
    counts = RemovalCounts()
    tally = counts.records if records else counts.facts

    def one_batch(tx: ManagedTransaction) -> tuple[int, set[str]]:
        rows = tx.run(query, {**params, "limit": batch}).data()
        touched: set[str] = set()
        for r in rows:
            tally[(r["party"], r["type"])] += 1
            touched.update((r["a"], r["b"]))
        return len(rows), touched

    while True:
        n, touched = store.write_transaction(one_batch)
        counts.nodes.update(store.delete_orphans(touched))
        if progress:
            progress(sum(tally.values()))
        if n < batch:
            break
    return counts


def remove_all(
    store: GraphStore, steps: Iterable[tuple[LiteralString, dict[str, Any], bool]]
) -> RemovalCounts:
    """Several removals in order (facts first, then records), summed."""
    total = RemovalCounts()
    for query, params, records in steps:
        total.add(remove(store, query, params, records=records))
    return total


def forget_derived(data_dir: Path, *, deliveries: Iterable[str] = ()) -> dict[str, int]:
    """Remove what was derived from removed data: every saved analysis run (they are
    recomputed per access scope) and the quarantine files of the given deliveries."""
    runs = 0
    folder = data_dir / "analysis"
    if folder.exists():
        for path in folder.rglob("RUN-*.json"):
            path.unlink(missing_ok=True)
            runs += 1
    quarantined = 0
    for delivery_id in deliveries:
        path = data_dir / "quarantine" / f"{delivery_id}.jsonl"
        if path.exists():
            path.unlink()
            quarantined += 1
    return {"analysis_runs_removed": runs, "quarantine_files_removed": quarantined}


def withdraw_products(store: GraphStore, uids: list[str]) -> list[dict[str, Any]]:
    """Products naming removed entities: files of products not handed over are deleted (they
    were working data, art. 7.2); handed-over OIBs/BIs are kept for their term (art. 7.6)."""
    register = ProductRegister(store)
    out: list[dict[str, Any]] = []
    for product in register.products_naming_any(uids):
        if product.handed_over_at:
            out.append(
                {
                    "product": product.product_id,
                    "kept": True,
                    "why": "handed over: kept for its retention term (covenant art. 7.6)",
                }
            )
            continue
        for f in product.files:
            Path(f).unlink(missing_ok=True)
        register.withdraw(product.product_id, reason="data removed (erasure or party exit)")
        out.append({"product": product.product_id, "kept": False, "why": "files removed"})
    return out


def plan(store: GraphStore, as_of: date) -> dict[str, Any]:
    """What :func:`apply` would remove as of ``as_of``, per rule, party and type."""
    limit = cutoff(as_of, "party-facts")
    facts: dict[str, dict[str, int]] = defaultdict(dict)
    for r in store.read(cypher.EXPIRED_FACTS_SUMMARY, cutoff=limit):
        facts[r["party"]][r["type"]] = r["n"]
    recs: dict[str, dict[str, int]] = defaultdict(dict)
    for r in store.read(cypher.EXPIRED_RECORDS_SUMMARY, cutoff=limit):
        recs[r["party"]][r["type"]] = r["n"]
    products = store.read(cypher.PRODUCTS_DUE, as_of=as_of.isoformat())
    requests = store.read(cypher.INFO_REQUESTS_DUE, cutoff=cutoff(as_of, "bi"))
    working = store.read(cypher.WORKING_SETS_DUE)
    return {
        "as_of": as_of.isoformat(),
        "rules": [r.model_dump() for r in rules().values()],
        "party-facts": {
            "cutoff": limit,
            "facts": dict(facts),
            "facts_total": sum(sum(v.values()) for v in facts.values()),
            "records": dict(recs),
            "records_total": sum(sum(v.values()) for v in recs.values()),
        },
        "oib": {
            "products": [
                {k: p[k] for k in ("product_id", "version", "type", "until")} for p in products
            ]
        },
        "bi": {"requests": [r["request_id"] for r in requests]},
        "product-work-data": {"working_sets": [w["name"] for w in working]},
    }


def apply(
    store: GraphStore, as_of: date, *, data_dir: Path, run_by: str, batch: int = 5000
) -> dict[str, Any]:
    """Remove what has expired as of ``as_of``; idempotent; writes and returns the report."""
    started = datetime.now(UTC).isoformat(timespec="seconds")
    limit = cutoff(as_of, "party-facts")
    removed = remove_all(
        store,
        [
            (cypher.DELETE_EXPIRED_FACTS, {"cutoff": limit}, False),
            (cypher.DELETE_EXPIRED_RECORDS, {"cutoff": limit}, True),
        ],
    )
    products = store.read(cypher.PRODUCTS_DUE, as_of=as_of.isoformat())
    for p in products:
        for f in p.get("files") or []:
            Path(f).unlink(missing_ok=True)
        store.write(cypher.DELETE_PRODUCT, product_id=p["product_id"], version=p["version"])
    requests = store.read(cypher.INFO_REQUESTS_DUE, cutoff=cutoff(as_of, "bi"))
    for r in requests:
        store.write(cypher.DELETE_INFO_REQUEST, request_id=r["request_id"])
    working = store.read(cypher.WORKING_SETS_DUE)
    for w in working:
        store.write(cypher.DELETE_WORKING_SET, owner=w["owner"], name=w["name"])
        shutil.rmtree(data_dir / "work" / str(w["product_id"]), ignore_errors=True)
    old = [r["delivery_id"] for r in store.read(cypher.EXPIRED_DELIVERIES, cutoff=limit)]
    derived = (
        forget_derived(data_dir, deliveries=old)
        if removed.as_dict()["facts_total"] or removed.as_dict()["records_total"] or old
        else {"analysis_runs_removed": 0, "quarantine_files_removed": 0}
    )
    report = {
        "kind": "retention",
        "as_of": as_of.isoformat(),
        "run_by": run_by,
        "started_at": started,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "rules_applied": {
            "party-facts": {"article": "7.3", "cutoff": limit, **removed.as_dict()},
            "oib": {
                "article": "7.6",
                "products_removed": dict(Counter(p["type"] for p in products)),
            },
            "bi": {"article": "7.5", "requests_removed": len(requests)},
            "product-work-data": {"article": "7.2", "working_sets_removed": len(working)},
        },
        "derived": derived,
    }
    write_report(data_dir / "retention", "retention", report)
    return report


def write_report(out_dir: Path, kind: str, report: dict[str, Any]) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    path = out_dir / f"{kind}-{stamp}.json"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(report, fh, indent=2, ensure_ascii=False)
    return path
