"""Whole-graph analysis runs: compute once (``emm analyse``), read many times (app, products).

A run is computed for one access scope (the legal bases a role may read) and saved as JSON under
``$EMM_DATA_DIR/analysis/``. It holds internal ids, measures, indicator hits, ranked networks
and same-person candidates: explanations and scores, no names. A user is shown the newest run
whose scope lies within what they may read, so a run never shows what its reader may not see.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from emm.access.guarded import GuardedStore
from emm.graph.analysis import (
    detect_networks,
    organisers_of,
    rank_networks,
    run_indicators,
    same_person_candidates,
    whole_graph_pass,
)
from emm.graph.model import NO_FILTER, EdgeFilter

# networkx same-person blocking is fine up to this many facts; larger graphs skip it here.
SAME_PERSON_MAX_EDGES = 300_000


@dataclass
class AnalysisRun:
    run_id: str
    created_at: str
    created_by: str
    legal_bases: list[str]
    parties: list[str] | None
    seed: int
    stats: dict[str, Any]
    networks: list[dict[str, Any]]
    hits: list[dict[str, Any]]
    candidates: list[dict[str, Any]] = field(default_factory=list)
    key_players: list[dict[str, Any]] = field(default_factory=list)

    def network(self, network_id: str) -> dict[str, Any] | None:
        return next((n for n in self.networks if n["id"] == network_id), None)


def _scope_tag(scope: EdgeFilter) -> str:
    import hashlib

    text = ",".join(sorted(scope.legal_bases or [])) + "|" + ",".join(sorted(scope.parties or []))
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def analyse(
    guarded: GuardedStore,
    *,
    seed: int = 0,
    now: date | None = None,
    flt: EdgeFilter = NO_FILTER,
    top_networks: int = 300,
) -> AnalysisRun:
    """Run the whole-graph pass, indicators, network detection and ranking for this scope."""
    edges, nodes = guarded.frames(flt)
    scope = guarded.scope(flt)
    today = now or datetime.now(UTC).date()
    result = whole_graph_pass(edges, nodes, seed=seed)
    hits = run_indicators((edges, nodes))
    networks = detect_networks((edges, nodes), hits=hits, seed=seed)
    scores = {s.network_id: s for s in rank_networks(networks, hits, now=today)}
    ranked = sorted(networks, key=lambda n: scores[n.id].rank)[:top_networks]
    candidates: list[dict[str, Any]] = []
    if len(edges) <= SAME_PERSON_MAX_EDGES:
        candidates = [
            {"a": c.a, "b": c.b, "score": round(float(c.score), 3), "reasons": list(c.reasons)}
            for c in same_person_candidates((edges, nodes))
        ]
    # recurring patterns (art. 7.6): earlier OIBs whose subjects a network overlaps
    earlier = _earlier_oibs(guarded)
    again = {n.id: _recurrences(sorted(n.persons), earlier) for n in ranked} if earlier else {}
    # likely organisers of each ranked network, with the reasons (roles, not registrations)
    leads = {
        nid: [
            {"uid": o.uid, "score": round(o.score, 3), "explanation": o.explanation} for o in found
        ]
        for nid, found in organisers_of(ranked, (edges, nodes), top=3).items()
    }
    created = datetime.now(UTC)
    run = AnalysisRun(
        run_id=f"RUN-{created:%Y%m%dT%H%M%S}-{_scope_tag(scope)}",
        created_at=created.isoformat(timespec="seconds"),
        created_by=guarded.principal.user,
        legal_bases=sorted(scope.legal_bases or []),
        parties=sorted(scope.parties) if scope.parties else None,
        seed=seed,
        stats={
            "facts": len(edges),
            "entities": len(nodes),
            "components": result.n_components,
            "communities": result.n_communities,
            "modularity": round(result.modularity, 4),
            "networks": len(networks),
            "indicator_hits": len(hits),
            "seconds": result.seconds,
        },
        networks=[
            {
                "id": n.id,
                "rank": scores[n.id].rank,
                "score": round(scores[n.id].score, 4),
                "explanation": scores[n.id].explanation,
                "components": dict(scores[n.id].components),
                "indicators": dict(scores[n.id].indicators),
                "size": n.size,
                "members": sorted(n.members),
                "persons": sorted(n.persons),
                "parties": sorted(n.parties),
                "latest": n.latest,
                "cases": sorted(n.cases),
                "organisers": leads.get(n.id, []),
                "recurring": again.get(n.id, []),
            }
            for n in ranked
        ],
        hits=[{**asdict(h), "details": dict(h.details)} for h in hits],
        candidates=candidates,
        key_players=[
            {str(k): v for k, v in row.items()}
            for row in result.top("pagerank", 25)[
                ["uid", "label", "pagerank", "betweenness", "degree"]
            ].to_dict("records")
        ],
    )
    return run


def _earlier_oibs(guarded: GuardedStore) -> list[Any]:
    """The OIBs in the register (ids and dates only), for recurring patterns."""
    from emm.products.register import ProductRegister

    register = ProductRegister(guarded.raw_for("analyse"))
    return [p for p in register.latest(limit=5000) if p.type == "OIB"]


def _recurrences(persons: list[str], earlier: list[Any]) -> list[dict[str, Any]]:
    from emm.graph.analysis.recurring import recurring

    return [
        {
            "product_id": r.product_id,
            "version": r.version,
            "handed_over_at": r.handed_over_at,
            "shared": list(r.shared),
            "new": list(r.new),
            "gone": list(r.gone),
            "share": r.share,
            "explanation": r.explanation,
        }
        for r in recurring(persons, earlier)
    ]


def save(run: AnalysisRun, data_dir: Path) -> Path:
    folder = data_dir / "analysis"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{run.run_id}.json"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(run), fh, default=str)
    return path


def latest_for(guarded: GuardedStore, data_dir: Path) -> AnalysisRun | None:
    """The newest run whose scope this principal may read entirely."""
    allowed = guarded.scope().legal_bases or frozenset()
    suspended = guarded.suspended_parties()
    folder = data_dir / "analysis"
    if not folder.exists():
        return None
    for path in sorted(folder.glob("RUN-*.json"), key=lambda p: p.stat().st_mtime, reverse=True):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not set(data["legal_bases"]) <= allowed:
            continue
        if suspended and (data["parties"] is None or set(data["parties"]) & suspended):
            continue
        return AnalysisRun(**data)
    return None
