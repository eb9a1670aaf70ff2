"""Whole-graph analysis runs: compute once (``emm analyse``), read many times (app, products).

A run is computed for one access scope (the legal bases and parties its readers may read) and
saved as JSON under ``$EMM_DATA_DIR/analysis/<scope>/``. It holds internal ids, measures,
indicator hits, ranked networks and same-person candidates: explanations and scores, no names.
A reader is shown the newest run of exactly their own scope, so a run never shows what its
reader may not see, and a run for one scope never replaces another scope's run. Part of the
guarded API (:attr:`emm.access.guarded.GuardedStore.analysis`).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from emm.access.policy import load_policy
from emm.errors import EmmError
from emm.graph.analysis import (
    detect_networks,
    organisers_of,
    rank_networks,
    run_indicators,
    same_person_candidates,
    whole_graph_pass,
)
from emm.graph.model import NO_FILTER, EdgeFilter

if TYPE_CHECKING:
    from emm.access.guarded import GuardedStore

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


class AnalysisError(EmmError, ValueError):
    """An analysis that cannot be run as asked (a scope that reads nothing...)."""


def scope_tag(scope: EdgeFilter) -> str:
    """A short stable name of an access scope (legal bases and parties)."""
    text = ",".join(sorted(scope.legal_bases or [])) + "|" + ",".join(sorted(scope.parties or []))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


class GuardedAnalysis:
    def __init__(self, g: GuardedStore) -> None:
        self._g = g

    def run(
        self,
        *,
        seed: int = 0,
        flt: EdgeFilter = NO_FILTER,
        for_role: str | None = None,
        now: date | None = None,
        save_run: bool = True,
    ) -> AnalysisRun:
        """Compute (and save) a run for this principal's scope, or for a narrower role's
        scope (``for_role``: its legal bases within the principal's)."""
        self._g.require("analyse")
        if for_role:
            roles = load_policy().roles
            if for_role not in roles:
                raise AnalysisError(f"unknown role {for_role!r}")
            flt = flt.narrow(EdgeFilter(legal_bases=roles[for_role].legal_bases))
        if not self._g.scope(flt).legal_bases:
            raise AnalysisError(
                "this scope reads no facts (no legal basis): nothing to analyse; a senior "
                "analyst or the scheduler's service account runs the analysis"
            )
        result = _compute(self._g, seed=seed, now=now, flt=flt)
        if save_run:
            save(result, self._g.data_dir)
        self._g._audit("analyse", size=result.stats["facts"], run_id=result.run_id)
        return result

    def latest(self) -> AnalysisRun | None:
        """The newest run of exactly this principal's scope."""
        run = latest_in(self._g.data_dir, scope_tag(self._g.scope()))
        self._g._audit("view_analysis", targets=[run.run_id] if run else [], size=int(bool(run)))
        return run


def _compute(
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
    scores = {
        s.network_id: s for s in rank_networks(networks, hits, now=today, data=(edges, nodes))
    }
    # the same ranking, explained in Dutch for the app (the order does not depend on language)
    dutch = {
        s.network_id: s.explanation
        for s in rank_networks(networks, hits, now=today, data=(edges, nodes), lang="nl")
    }
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
        run_id=f"RUN-{created:%Y%m%dT%H%M%S%f}-{scope_tag(scope)}",
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
                "explanation_nl": dutch[n.id],
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
    """The OIBs in the register this principal may see (ids and dates only), for recurring
    patterns; none for a principal without a product role (the scheduler's account)."""
    from emm.access.products import PRODUCT_ACTIONS

    if not any(guarded.can(a) for a in PRODUCT_ACTIONS):
        return []
    return guarded.products.latest(limit=5000, type_="OIB")


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
    folder = data_dir / "analysis" / run.run_id.rsplit("-", 1)[1]
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"{run.run_id}.json"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(run), fh, default=str)
    return path


def latest_in(data_dir: Path, tag: str) -> AnalysisRun | None:
    """The newest saved run of one scope."""
    folder = data_dir / "analysis" / tag
    if not folder.exists():
        return None
    paths = sorted(folder.glob("RUN-*.json"), key=lambda p: p.name, reverse=True)
    for path in paths:
        return AnalysisRun(**json.loads(path.read_text(encoding="utf-8")))
    return None


def stamp(data_dir: Path, tag: str) -> str:
    """A cheap marker that changes when a new run of the scope is saved (for caches)."""
    folder = data_dir / "analysis" / tag
    names = sorted(p.name for p in folder.glob("RUN-*.json")) if folder.exists() else []
    return names[-1] if names else ""
