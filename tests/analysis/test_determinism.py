"""Identical data gives an identical top 10, whatever the uids and the order of the rows.

The store gives every node a random uid at ingest, and a database returns rows in no fixed
order; two loads of the same deliveries differ in both. Here the same generated material is
relabelled with fresh random uids and shuffled, and every ranking must be the same when read
back through the nodes' identity keys.
"""

from __future__ import annotations

import random
from typing import Any

import pandas as pd
import pytest

from emm.graph.analysis import (
    detect_networks,
    key_players,
    organisers,
    rank_networks,
    run_indicators,
    same_person_candidates,
    whole_graph_pass,
)
from emm.synth import generate
from emm.synth.resolve import frames_from_deliveries


@pytest.fixture(scope="module")
def two_loads(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    root = tmp_path_factory.mktemp("det")
    generate(root, seed=5, size=2500)
    edges, nodes = frames_from_deliveries(root / "deliveries")
    rng = random.Random(99)
    fresh = {u: f"{u.split('-', 1)[0]}-{rng.getrandbits(64):016x}" for u in nodes["uid"]}
    e2 = edges.assign(src=edges["src"].map(fresh), dst=edges["dst"].map(fresh))
    n2 = nodes.assign(uid=nodes["uid"].map(fresh))
    e2 = e2.sample(frac=1.0, random_state=3).reset_index(drop=True)
    n2 = n2.sample(frac=1.0, random_state=4).reset_index(drop=True)
    return (edges, nodes), (e2, n2)


def _key(frames: tuple[pd.DataFrame, pd.DataFrame]) -> dict[str, str]:
    return dict(zip(frames[1]["uid"], frames[1]["key"], strict=True))


def _top(frames: tuple[pd.DataFrame, pd.DataFrame]) -> dict[str, Any]:
    key = _key(frames)
    hits = run_indicators(frames)
    nets = detect_networks(frames, hits=hits)
    ranked = rank_networks(nets, hits, now="2026-11-28")
    by_id = {n.id: n for n in nets}
    top10 = [by_id[s.network_id] for s in ranked[:10]]
    result = whole_graph_pass(*frames, seed=0)
    return {
        "networks": [(s.network_id, round(s.score, 9)) for s in ranked[:10]],
        "members": [sorted(key[m] for m in n.members) for n in top10],
        "organisers": [[key[o.uid] for o in organisers(n, frames, top=3)] for n in top10],
        "pagerank": [key[u] for u in result.top("pagerank", 10)["uid"]],
        "hits": sorted((h.indicator_id, key[h.subject]) for h in hits)[:50],
        "same_person": [
            tuple(sorted((key[c.a], key[c.b]))) for c in same_person_candidates(frames)[:10]
        ],
    }


def test_when_uids_and_row_order_change_then_the_top_10_does_not(two_loads) -> None:
    first, second = two_loads
    a, b = _top(first), _top(second)
    for part in a:
        assert a[part] == b[part], part


def test_key_players_ties_are_broken_by_identity_key() -> None:
    from analysis_builder import Builder

    b = Builder()
    for name in ("zz", "aa", "mm"):  # three leaves, identical in every measure
        b.node(name, "Person", name=name)
        b.G.nodes[name]["key"] = {"zz": "k1", "aa": "k3", "mm": "k2"}[name]
        b.fact("hub", "ASSOCIATE_OF", name)
    b.G.nodes["hub"].update(label="Person", key="k0")
    rows = key_players(b.G, top=None)
    assert [r["uid"] for r in rows] == ["hub", "zz", "mm", "aa"]  # by key k1, k2, k3
