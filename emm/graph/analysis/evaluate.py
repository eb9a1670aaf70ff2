"""Measuring the analysis against a ground truth of planted networks, decoys and same persons.

Works on uids only: a :class:`ResolvedTruth` says which nodes form which planted network,
which nodes are decoys (benign look-alikes that must not be ranked high) and which nodes are
the same person. Turning a generator's answer key into uids is the generator's business
(:mod:`emm.synth.resolve` for the project's own; ``benchmarks/eval`` for independent ones), so
this module imports nothing from ingest.

Network detection (:func:`score_networks`), per planted scenario, then averaged per type:

Everything is counted per *person*, not per record: a member is found when any of their
records (the uids the ground truth says are one person) is in the network.

* the *matched network* is the detected network holding most of the scenario's members;
* membership recall = members found in it / members;
* precision = persons and companies in it that belong to the scenario / persons and companies
  in it (records of one person counted once). Only the labels the ground truth lists as
  members count: a ground truth that lists persons only (as an independent generator may)
  is not penalised by the companies in a network;
* organiser in top k = share of planted organisers among the matched network's top
  ``k = max(3, organisers)`` persons by :func:`emm.graph.analysis.organisers`.

Decoys (:func:`score_decoys`): a decoy is *in the top n* when one of the ``n`` highest-ranked
networks holds at least half of the decoy's members, or when at least half of that network's
persons and companies are decoy members.

Same-person candidates (:func:`score_same_person`):

* recall = ground-truth pairs found / pairs whose two records were both loaded. A pair whose
  two records resolve to the same node was merged by the ingest's identity rules and counts
  as found;
* precision = candidates whose two persons are one person by the ground truth (transitively)
  / candidates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MEMBER_LABELS",
    "ResolvedScenario",
    "ResolvedTruth",
    "ScenarioScore",
    "same_groups",
    "score_decoys",
    "score_networks",
    "score_same_person",
]

MEMBER_LABELS = ("Person", "Company")


@dataclass(frozen=True)
class ResolvedScenario:
    """A planted network (or a decoy) as uids.

    ``groups`` / ``organiser_groups``: the uids of each member / organiser when a member has
    several records (a generator that lists persons, not records); empty: every member uid is
    its own person, together with the uids the ground truth says are the same person.
    """

    id: str
    type: str
    members: frozenset[str]  # persons and companies
    organisers: frozenset[str]
    refs: int  # member refs in the ground truth (some may not resolve)
    groups: tuple[frozenset[str], ...] = ()
    organiser_groups: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True)
class ResolvedTruth:
    """The ground truth with every ref replaced by its node uid.

    ``pairs`` holds ``(uid_a, uid_b)`` per same-person pair, ``None`` where a record did not
    resolve (not loaded); ``same`` maps a uid to every uid that is the same person
    (transitively, itself included); ``decoys`` are benign look-alikes.
    """

    scenarios: list[ResolvedScenario]
    pairs: list[tuple[str | None, str | None]]
    same: dict[str, frozenset[str]] = field(default_factory=dict)
    decoys: list[ResolvedScenario] = field(default_factory=list)

    def same_person(self, uids: Iterable[str]) -> set[str]:
        """``uids`` with every node that is the same person as one of them."""
        out: set[str] = set()
        for u in uids:
            out |= self.same.get(u, frozenset({u}))
        return out


def same_groups(pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, frozenset[str]]:
    """uid -> all uids that are the same person (union of the pairs, transitively)."""
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

    edges, nodes = as_frames(data)
    labels = dict(zip(nodes["uid"], nodes["label"], strict=True))
    member_of: dict[str, int] = {}
    for i, n in enumerate(networks):
        for uid in n.members:
            member_of.setdefault(uid, i)

    def person(u: str) -> str:
        return min(truth.same.get(u, frozenset({u})))

    scores: list[ScenarioScore] = []
    for sc in truth.scenarios:
        groups = list(sc.groups) or [frozenset(truth.same_person({u})) for u in sc.members]
        groups = [g for g in groups if g]
        counts: dict[int, int] = defaultdict(int)
        for g in groups:
            for i in {member_of[u] for u in g if u in member_of}:
                counts[i] += 1
        if not counts or not groups:
            scores.append(ScenarioScore(sc.id, sc.type, len(groups), 0.0, 0.0, 0.0))
            continue
        best = max(counts, key=lambda i: (counts[i], -i))
        net = networks[best]
        found = [g for g in groups if g & net.members]
        own = set().union(*groups)
        listed = {_label_of(u, net, labels) for u in own} & set(MEMBER_LABELS) or {"Person"}
        people = {u for u in net.members if _label_of(u, net, labels) in listed}
        people_persons = {person(u) for u in people}
        belong = {person(u) for u in people if u in own}
        org_groups = list(sc.organiser_groups) or [
            frozenset(truth.same_person({u})) for u in sc.organisers
        ]
        k = max(3, len(org_groups))
        touching = edges["src"].isin(net.members) | edges["dst"].isin(net.members)
        involved = set(edges.loc[touching, "src"]) | set(edges.loc[touching, "dst"])
        ranked = organisers(net, (edges[touching], nodes[nodes["uid"].isin(involved)]))
        top_persons: list[str] = []
        for s in ranked:
            if person(s.uid) not in top_persons:
                top_persons.append(person(s.uid))
            if len(top_persons) == k:
                break
        top = [s.uid for s in ranked[: k + 3]]
        hits = [g for g in org_groups if {person(u) for u in g} & set(top_persons)]
        hit = len(hits) / len(org_groups) if org_groups else 1.0
        scores.append(
            ScenarioScore(
                sc.id,
                sc.type,
                len(groups),
                len(found) / len(groups),
                len(belong) / len(people_persons) if people_persons else 0.0,
                hit,
                network=net.id,
                network_persons=len(people_persons),
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


def score_decoys(
    truth: ResolvedTruth, networks: Sequence[Any], ranked_ids: Sequence[str], *, top: int = 20
) -> dict[str, Any]:
    """Which decoys appear among the ``top`` highest-ranked networks (module notes).

    ``ranked_ids`` are network ids, best first (e.g. from
    :func:`emm.graph.analysis.rank_networks`). Returns ``{"decoys", "in_top", "by_type",
    "details"}``: ``in_top`` counts decoys found in the top, ``details`` lists per decoy the
    rank of the network it is in (``None``: not in a detected network).
    """
    by_id = {n.id: n for n in networks}
    rank_of = {nid: i for i, nid in enumerate(ranked_ids, start=1)}
    details: list[dict[str, Any]] = []
    for d in truth.decoys:
        members = truth.same_person(d.members)
        best_rank = None
        for nid, net in by_id.items():
            inside = members & net.members
            people = set(net.persons) | inside  # persons, and the decoy's companies
            share_of_decoy = len(inside) / len(d.members) if d.members else 0.0
            decoy_people = len(inside)
            share_of_net = decoy_people / max(1, len(people))
            if share_of_decoy >= 0.5 or (decoy_people and share_of_net >= 0.5):
                r = rank_of.get(nid)
                if r is not None and (best_rank is None or r < best_rank):
                    best_rank = r
        details.append(
            {"decoy": d.id, "type": d.type, "members": len(d.members), "rank": best_rank}
        )
    in_top = [x for x in details if x["rank"] is not None and x["rank"] <= top]
    by_type: dict[str, dict[str, int]] = defaultdict(lambda: {"decoys": 0, "in_top": 0})
    for x in details:
        kind = str(x["type"])
        by_type[kind]["decoys"] += 1
        if x in in_top:
            by_type[kind]["in_top"] += 1
    return {
        "decoys": len(details),
        "in_top": len(in_top),
        "top": top,
        "by_type": dict(by_type),
        "details": details,
    }


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
    # a pair counts as found when its two records are linked by candidates, also through a
    # third record (a = c and c = b)
    linked = same_groups(cands)
    found = [
        p
        for p in loaded
        if p[0] != p[1] and (frozenset(p) in found_pairs or p[1] in linked.get(p[0], ()))
    ]
    found_set = set(found)
    missed = [p for p in loaded if p[0] != p[1] and p not in found_set]
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
