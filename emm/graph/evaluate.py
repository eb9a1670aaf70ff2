"""Measuring the analysis against the planted ground truth of the synthetic generator.

Ground-truth entities are referred to by ``(delivery_id, record_id)``; :class:`RefResolver`
re-reads those delivery rows and applies the ingest's own identity rules to find the node, so
evaluation needs no knowledge of internal ids.

Definitions (per planted scenario, then averaged per scenario type):

* the *matched network* is the detected network holding most of the scenario's members;
* membership recall = members found in it / members; precision = members in it / persons
  and companies in it;
* organiser identification = share of planted organisers among the matched network's top
  persons by betweenness in the network's own subgraph (top k, k = max(3, organisers)).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from emm.graph.store import GraphStore
from emm.ingest.delivery import iter_rows, load_manifest
from emm.ingest.mapping import DeliveryContext, map_entity

MEMBER_LABELS = ("Person", "Company")


class RefResolver:
    """Maps ground-truth refs ``{"delivery_id", "record_id"}`` to node uids."""

    def __init__(self, deliveries: Path, store: GraphStore) -> None:
        self.folders = {p.parent.name: p.parent for p in deliveries.glob("*/manifest.json")}
        self.store = store
        self._keys: dict[tuple[str, str], tuple[str, str]] = {}
        self._uids: dict[tuple[str, str], str] = {}

    def _load(self, delivery_id: str) -> None:
        folder = self.folders[delivery_id]
        manifest = load_manifest(folder)
        ctx = DeliveryContext(manifest.delivery_id, manifest.party, manifest.legal_basis)
        for spec in manifest.files:
            if spec.kind != "entities":
                continue
            for _, row in iter_rows(folder / spec.path, spec.encoding):
                if isinstance(row, dict):
                    node = map_entity(row, ctx)
                    self._keys[(delivery_id, row["record_id"])] = (node.label, node.key)

    def resolve(self, refs: Iterable[dict[str, Any]]) -> dict[tuple[str, str], str]:
        wanted = [(r["delivery_id"], r["record_id"]) for r in refs]
        for d in {d for d, _ in wanted}:
            if not any(k[0] == d for k in self._keys):
                self._load(d)
        by_label: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
        for ref in wanted:
            if ref in self._keys and ref not in self._uids:
                label, key = self._keys[ref]
                by_label[label][key] = ref
        for label, keys in by_label.items():
            for entity in self.store.by_keys(label, list(keys)):
                self._uids[keys[entity.props["key"]]] = entity.uid
        return {ref: self._uids[ref] for ref in wanted if ref in self._uids}


@dataclass
class ScenarioScore:
    scenario: str
    type: str
    members: int
    recall: float
    precision: float
    organiser_hit: float


def _betweenness_rank(edges: Any, members: set[str], persons: set[str], k: int) -> list[str]:
    sub = edges[edges["src"].isin(members) & edges["dst"].isin(members)]
    G = nx.Graph()
    G.add_edges_from(zip(sub["src"], sub["dst"], strict=True))
    if G.number_of_nodes() == 0:
        return []
    bc = nx.betweenness_centrality(G, k=min(200, len(G)), seed=0)
    ranked = sorted((u for u in G if u in persons), key=lambda u: (-bc[u], u))
    return ranked[:k]


def evaluate(
    truth_file: Path, deliveries: Path, store: GraphStore, networks: list[Any], edges: Any
) -> dict[str, Any]:
    """Scores per scenario and per scenario type for ``networks`` (from detect_networks)."""
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    resolver = RefResolver(deliveries, store)
    member_of: dict[str, int] = {}
    for i, n in enumerate(networks):
        for uid in n.members:
            member_of.setdefault(uid, i)
    scores: list[ScenarioScore] = []
    for sc in truth["scenarios"]:
        refs = [m for m in sc["members"] if m.get("type", "Person") in MEMBER_LABELS]
        uids = resolver.resolve(refs)
        members = set(uids.values())
        organisers = set(resolver.resolve(sc["organisers"]).values())
        counts: dict[int, int] = defaultdict(int)
        for uid in members:
            if uid in member_of:
                counts[member_of[uid]] += 1
        if not counts or not members:
            scores.append(ScenarioScore(sc["id"], sc["type"], len(members), 0.0, 0.0, 0.0))
            continue
        best = max(counts, key=lambda i: (counts[i], -i))
        net = networks[best]
        found = members & set(net.members)
        people = {u for u in net.members if u.split("-", 1)[0] in MEMBER_LABELS}
        k = max(3, len(organisers))
        top = _betweenness_rank(edges, set(net.members), set(net.persons), k)
        hit = len(organisers & set(top)) / len(organisers) if organisers else 1.0
        scores.append(
            ScenarioScore(
                sc["id"],
                sc["type"],
                len(members),
                len(found) / len(members),
                len(found) / len(people) if people else 0.0,
                hit,
            )
        )
    per_type: dict[str, dict[str, float]] = {}
    for t in sorted({s.type for s in scores}):
        group = [s for s in scores if s.type == t]
        per_type[t] = {
            "scenarios": len(group),
            "recall": round(sum(s.recall for s in group) / len(group), 3),
            "precision": round(sum(s.precision for s in group) / len(group), 3),
            "organiser_identification": round(sum(s.organiser_hit for s in group) / len(group), 3),
        }
    return {"per_type": per_type, "scenarios": [vars(s) for s in scores]}
