"""Measuring the analysis against the planted ground truth of the synthetic generator.

Ground-truth entities are referred to by ``(delivery_id, record_id)``; :class:`RefResolver`
re-reads those delivery rows and applies the ingest's own identity rules to find the node, so
evaluation needs no knowledge of internal ids. :func:`resolve_truth` does that once for a whole
ground truth; :func:`score_networks` and :func:`score_same_person` then work on uids only.

Network detection (:func:`evaluate`), per planted scenario, then averaged per scenario type:

* the *matched network* is the detected network holding most of the scenario's members;
* membership recall = members found in it / members;
* precision = persons and companies in it that belong to the scenario / persons and companies
  in it. A node that the ground truth says is the same person as a member (a second party's
  record of a migrant or victim, written differently: ``same_person_pairs``) belongs to the
  scenario: a network is about people, not records;
* organiser identification = share of planted organisers among the matched network's top
  ``k = max(3, organisers)`` persons by :func:`emm.graph.analysis.organisers`.

Same-person candidates (:func:`evaluate_same_person`):

* recall = ground-truth pairs found / pairs whose two records were both loaded. A pair whose
  two records resolve to the same node was merged by the ingest's identity rules (same BSN, or
  same normalised name and date of birth) and counts as found;
* precision = candidates whose two persons are one person by the ground truth (transitively)
  / candidates.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from emm.graph.store import GraphStore
from emm.ingest.delivery import iter_rows, load_manifest
from emm.ingest.mapping import DeliveryContext, map_entity

MEMBER_LABELS = ("Person", "Company")

__all__ = [
    "MEMBER_LABELS",
    "RefResolver",
    "ResolvedScenario",
    "ResolvedTruth",
    "ScenarioScore",
    "evaluate",
    "evaluate_same_person",
    "resolve_truth",
    "score_networks",
    "score_same_person",
]


class RefResolver:
    """Maps ground-truth refs ``{"delivery_id", "record_id"}`` to node uids."""

    def __init__(self, deliveries: Path, store: GraphStore) -> None:
        self.folders = {p.parent.name: p.parent for p in deliveries.glob("*/manifest.json")}
        self.store = store
        self._keys: dict[tuple[str, str], tuple[str, str]] = {}
        self._loaded: set[str] = set()
        self._uids: dict[tuple[str, str], str] = {}

    def _load(self, delivery_id: str) -> None:
        self._loaded.add(delivery_id)
        folder = self.folders.get(delivery_id)
        if folder is None:
            return
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
        """``(delivery_id, record_id) -> uid`` for every ref whose node is in the store.

        Several refs may resolve to one node (records merged by the ingest's identity rules).
        """
        wanted = [(r["delivery_id"], r["record_id"]) for r in refs]
        for d in {d for d, _ in wanted} - self._loaded:
            self._load(d)
        by_label: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for ref in wanted:
            if ref in self._keys and ref not in self._uids:
                label, key = self._keys[ref]
                by_label[label][key].append(ref)
        for label, keys in by_label.items():
            for entity in self.store.by_keys(label, list(keys)):
                for ref in keys[entity.props["key"]]:
                    self._uids[ref] = entity.uid
        return {ref: self._uids[ref] for ref in wanted if ref in self._uids}


# --------------------------------------------------------------------------------------------
# The ground truth as uids
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResolvedScenario:
    id: str
    type: str
    members: frozenset[str]  # persons and companies
    organisers: frozenset[str]
    refs: int  # member refs in the ground truth (some may not resolve)


@dataclass(frozen=True)
class ResolvedTruth:
    """The ground truth with every ref replaced by its node uid.

    ``pairs`` holds ``(uid_a, uid_b)`` per same-person pair, ``None`` where a record did not
    resolve (not loaded); ``same`` maps a uid to every uid that is the same person
    (transitively, itself included).
    """

    scenarios: list[ResolvedScenario]
    pairs: list[tuple[str | None, str | None]]
    same: dict[str, frozenset[str]] = field(default_factory=dict)

    def same_person(self, uids: Iterable[str]) -> set[str]:
        """``uids`` with every node that is the same person as one of them."""
        out: set[str] = set()
        for u in uids:
            out |= self.same.get(u, frozenset({u}))
        return out


def resolve_truth(truth_file: Path, deliveries: Path, store: GraphStore) -> ResolvedTruth:
    """Read ``ground_truth.json`` and resolve all its refs to uids in ``store``."""
    truth = json.loads(Path(truth_file).read_text(encoding="utf-8"))
    resolver = RefResolver(Path(deliveries), store)
    refs: list[dict[str, Any]] = []
    for sc in truth["scenarios"]:
        refs += [m for m in sc["members"] if m.get("type", "Person") in MEMBER_LABELS]
        refs += sc["organisers"]
    for a, b in truth["same_person_pairs"]:
        refs += [a, b]
    uid = resolver.resolve(refs)

    def of(ref: dict[str, Any]) -> str | None:
        return uid.get((ref["delivery_id"], ref["record_id"]))

    scenarios = []
    for sc in truth["scenarios"]:
        member_refs = [m for m in sc["members"] if m.get("type", "Person") in MEMBER_LABELS]
        scenarios.append(
            ResolvedScenario(
                id=sc["id"],
                type=sc["type"],
                members=frozenset(u for u in map(of, member_refs) if u),
                organisers=frozenset(u for u in map(of, sc["organisers"]) if u),
                refs=len(member_refs),
            )
        )
    pairs = [(of(a), of(b)) for a, b in truth["same_person_pairs"]]
    return ResolvedTruth(scenarios, pairs, _same_groups(pairs))


def _same_groups(pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, frozenset[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        if a and b:
            parent[find(a)] = find(b)
    groups: dict[str, set[str]] = defaultdict(set)
    for x in list(parent):
        groups[find(x)].add(x)
    return {x: frozenset(groups[find(x)]) for x in parent}


# --------------------------------------------------------------------------------------------
# Network detection
# --------------------------------------------------------------------------------------------


@dataclass
class ScenarioScore:
    scenario: str
    type: str
    members: int
    recall: float
    precision: float
    organiser_hit: float
    network: str | None = None
    network_persons: int = 0
    top_persons: list[str] = field(default_factory=list)


def score_networks(truth: ResolvedTruth, networks: list[Any], data: Any) -> dict[str, Any]:
    """Scores per scenario and per scenario type (definitions in the module notes).

    ``data`` is what the networks were found in: an ``(edges, nodes)`` pair (``nodes`` may be
    ``None``) or the projection graph; it is read for the organiser ranking.
    """
    from emm.graph.analysis.frames import as_frames
    from emm.graph.analysis.organiser_scores import organisers

    frames = as_frames(data)
    labels = dict(zip(frames[1]["uid"], frames[1]["label"], strict=True))
    member_of: dict[str, int] = {}
    for i, n in enumerate(networks):
        for uid in n.members:
            member_of.setdefault(uid, i)
    scores: list[ScenarioScore] = []
    for sc in truth.scenarios:
        members = set(sc.members)
        counts: dict[int, int] = defaultdict(int)
        for uid in members:
            if uid in member_of:
                counts[member_of[uid]] += 1
        if not counts or not members:
            scores.append(ScenarioScore(sc.id, sc.type, len(members), 0.0, 0.0, 0.0))
            continue
        best = max(counts, key=lambda i: (counts[i], -i))
        net = networks[best]
        found = members & set(net.members)
        people = {u for u in net.members if _label_of(u, net, labels) in MEMBER_LABELS}
        own = truth.same_person(members)
        k = max(3, len(sc.organisers))
        touching = frames[0]["src"].isin(net.members) | frames[0]["dst"].isin(net.members)
        top = [s.uid for s in organisers(net, (frames[0][touching], None), top=k)]
        hit = len(sc.organisers & set(top)) / len(sc.organisers) if sc.organisers else 1.0
        scores.append(
            ScenarioScore(
                sc.id,
                sc.type,
                len(members),
                len(found) / len(members),
                len(people & own) / len(people) if people else 0.0,
                hit,
                network=net.id,
                network_persons=len(people),
                top_persons=top,
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


def _label_of(uid: str, net: Any, labels: dict[str, Any]) -> str:
    """The node's label; without a node table, Person by the network's persons and else the
    uid prefix (the store's uids are ``<Label>-<hex>``)."""
    if uid in net.persons:
        return "Person"
    label = labels.get(uid)
    return str(label) if label else str(uid).split("-", 1)[0]


def evaluate(
    truth_file: Path,
    deliveries: Path,
    store: GraphStore,
    networks: list[Any],
    edges: Any,
    nodes: Any = None,
) -> dict[str, Any]:
    """Scores per scenario and per scenario type for ``networks`` (from detect_networks).

    ``edges`` (and optionally ``nodes``) are the tables the networks were found in.
    Returns ``{"per_type": {type: {"scenarios", "recall", "precision",
    "organiser_identification"}}, "scenarios": [...]}``.
    """
    truth = resolve_truth(truth_file, deliveries, store)
    return score_networks(truth, networks, (edges, nodes))


# --------------------------------------------------------------------------------------------
# Same-person candidates
# --------------------------------------------------------------------------------------------


def score_same_person(truth: ResolvedTruth, candidates: Iterable[Any]) -> dict[str, Any]:
    """Recall and precision of same-person candidates (``.a``/``.b`` or ``(a, b)`` pairs).

    Returns counts (``pairs``, ``unresolved``, ``merged``, ``found``, ``missed``,
    ``candidates``, ``correct``) and ``recall`` / ``precision`` (definitions in the module
    notes), plus ``missed_pairs`` and ``wrong_pairs`` for inspection.
    """
    cands = [(c.a, c.b) if hasattr(c, "a") else tuple(c) for c in candidates]
    found_pairs = {frozenset(p) for p in cands}
    loaded = [(a, b) for a, b in truth.pairs if a and b]
    merged = [p for p in loaded if p[0] == p[1]]
    found = [p for p in loaded if p[0] != p[1] and frozenset(p) in found_pairs]
    missed = [p for p in loaded if p[0] != p[1] and frozenset(p) not in found_pairs]
    correct = [p for p in cands if p[1] in truth.same.get(p[0], frozenset())]
    wrong = [p for p in cands if p[1] not in truth.same.get(p[0], frozenset())]
    return {
        "pairs": len(truth.pairs),
        "unresolved": len(truth.pairs) - len(loaded),
        "merged": len(merged),
        "found": len(found),
        "missed": len(missed),
        "candidates": len(cands),
        "correct": len(correct),
        "recall": round((len(merged) + len(found)) / len(loaded), 3) if loaded else 1.0,
        "precision": round(len(correct) / len(cands), 3) if cands else 1.0,
        "missed_pairs": missed,
        "wrong_pairs": wrong,
    }


def evaluate_same_person(
    truth_file: Path, deliveries: Path, store: GraphStore, candidates: Iterable[Any]
) -> dict[str, Any]:
    """Recall and precision of ``candidates`` (from same_person_candidates) against
    ``same_person_pairs`` of the ground truth (see :func:`score_same_person`)."""
    truth = resolve_truth(truth_file, deliveries, store)
    return score_same_person(truth, candidates)
