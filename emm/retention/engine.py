"""Retention (covenant art. 7): plan what expires as of a date, apply it, prove it in a report.

The same fact-removal routine serves retention, erasure of a data subject and a party's exit:
remove facts in bounded transactions, then remove the nodes those facts left without any
support, and let remaining nodes list only the parties whose facts still support them.
Reports count per party, type and rule and hold no personal data.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, LiteralString

import yaml
from neo4j import ManagedTransaction

from emm.graph.schema import uid_label
from emm.graph.store import GraphStore
from emm.retention import cypher


@dataclass(frozen=True)
class Rule:
    id: str
    article: str
    applies_to: str
    clock: str
    years: int | None
    explanation: str


@cache
def rules() -> dict[str, Rule]:
    text = resources.files("emm.retention").joinpath("rules.yaml").read_text(encoding="utf-8")
    return {r["id"]: Rule(**r) for r in yaml.safe_load(text)["rules"]}


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def cutoff(as_of: date, rule_id: str) -> str:
    """Facts registered before this ISO date have expired as of ``as_of``.

    A fact registered on 2016-11-28 may be kept through 2026-11-28 and goes on 2026-11-29.
    """
    years = rules()[rule_id].years
    if years is None:
        raise ValueError(f"rule {rule_id} has no retention limit")
    return years_before(as_of, years).isoformat()


@dataclass
class RemovalCounts:
    facts: Counter[tuple[str, str]] = field(default_factory=Counter)  # (party, type) -> n
    nodes: Counter[str] = field(default_factory=Counter)  # label -> n

    def as_dict(self) -> dict[str, Any]:
        per_party: dict[str, dict[str, int]] = defaultdict(dict)
        for (party, type_), n in sorted(self.facts.items()):
            per_party[party][type_] = n
        return {
            "facts": dict(per_party),
            "facts_total": sum(self.facts.values()),
            "nodes": dict(sorted((k, v) for k, v in self.nodes.items() if v)),
            "nodes_total": sum(self.nodes.values()),
        }


def remove_facts(
    store: GraphStore,
    query: LiteralString,
    params: dict[str, Any],
    *,
    batch: int = 5000,
    progress: Callable[[int], None] | None = None,
) -> RemovalCounts:
    """Delete the facts ``query`` selects, batch by batch, cleaning up what they supported."""
    counts = RemovalCounts()

    def one_batch(tx: ManagedTransaction) -> int:
        rows = tx.run(query, {**params, "limit": batch}).data()
        touched: dict[str, set[str]] = defaultdict(set)
        for r in rows:
            counts.facts[(r["party"], r["type"])] += 1
            for uid in (r["a"], r["b"]):
                touched[uid_label(uid)].add(uid)
        for name, uids in touched.items():
            ids = sorted(uids)
            record = tx.run(cypher.delete_orphans(name), uids=ids).single()
            counts.nodes[name] += int(record["n"]) if record else 0
            tx.run(cypher.recompute_parties(name), uids=ids).consume()
        return len(rows)

    with store.driver.session(database=store.database) as session:
        while True:
            n = session.execute_write(one_batch)
            if progress:
                progress(sum(counts.facts.values()))
            if n < batch:
                break
    return counts


def _read(store: GraphStore, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
    return store._read(query, **params)


def _write(store: GraphStore, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
    return store._write(query, **params)


def plan(store: GraphStore, as_of: date) -> dict[str, Any]:
    """What :func:`apply` would remove as of ``as_of``, per rule, party and type."""
    facts: dict[str, dict[str, int]] = defaultdict(dict)
    for r in _read(store, cypher.EXPIRED_FACTS_SUMMARY, cutoff=cutoff(as_of, "party-facts")):
        facts[r["party"]][r["type"]] = r["n"]
    products = _read(store, cypher.PRODUCTS_DUE, as_of=as_of.isoformat())
    requests = _read(store, cypher.INFO_REQUESTS_DUE, cutoff=cutoff(as_of, "bi"))
    working = _read(store, cypher.WORKING_SETS_DUE)
    return {
        "as_of": as_of.isoformat(),
        "rules": [vars(r) for r in rules().values()],
        "party-facts": {
            "cutoff": cutoff(as_of, "party-facts"),
            "facts": dict(facts),
            "facts_total": sum(sum(v.values()) for v in facts.values()),
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
    store: GraphStore, as_of: date, *, out_dir: Path, run_by: str, batch: int = 5000
) -> dict[str, Any]:
    """Remove what has expired as of ``as_of``; idempotent; writes and returns the report."""
    started = datetime.now(UTC).isoformat(timespec="seconds")
    removed = remove_facts(
        store, cypher.DELETE_EXPIRED_FACTS, {"cutoff": cutoff(as_of, "party-facts")}, batch=batch
    )
    products = _read(store, cypher.PRODUCTS_DUE, as_of=as_of.isoformat())
    for p in products:
        for f in p.get("files") or []:
            Path(f).unlink(missing_ok=True)
        _write(store, cypher.DELETE_PRODUCT, product_id=p["product_id"], version=p["version"])
    requests = _read(store, cypher.INFO_REQUESTS_DUE, cutoff=cutoff(as_of, "bi"))
    for r in requests:
        _write(store, cypher.DELETE_INFO_REQUEST, request_id=r["request_id"])
    working = _read(store, cypher.WORKING_SETS_DUE)
    for w in working:
        _write(store, cypher.DELETE_WORKING_SET, owner=w["owner"], name=w["name"])
        shutil.rmtree(out_dir.parent / "work" / str(w["product_id"]), ignore_errors=True)
    report = {
        "kind": "retention",
        "as_of": as_of.isoformat(),
        "run_by": run_by,
        "started_at": started,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "rules_applied": {
            "party-facts": {
                "article": "7.3",
                "cutoff": cutoff(as_of, "party-facts"),
                **removed.as_dict(),
            },
            "oib": {
                "article": "7.6",
                "products_removed": dict(Counter(p["type"] for p in products)),
            },
            "bi": {"article": "7.5", "requests_removed": len(requests)},
            "product-work-data": {"article": "7.2", "working_sets_removed": len(working)},
        },
    }
    write_report(out_dir, "retention", report)
    return report


def write_report(out_dir: Path, kind: str, report: dict[str, Any]) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    path = out_dir / f"{kind}-{stamp}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
