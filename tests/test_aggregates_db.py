"""Whole-graph counts shared by the app's sessions (emm.access.aggregates): one read per access
scope, never across scopes or governance changes, and every principal's view still audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from emm.access import AccessDenied, Principal
from emm.access.aggregates import AggregateCache
from emm.access.generation import bump
from emm.access.guarded import GuardedStore
from emm.audit import AuditLog
from emm.ingest.pipeline import ingest_folder

pytestmark = pytest.mark.db
DELIVERIES = Path(__file__).parent / "fixtures" / "deliveries"


def session(store, out_dir, cache, user, role="analyst", affiliation="POL"):
    return GuardedStore(
        store,
        Principal(user, role, affiliation, "test case"),
        AuditLog(out_dir / "audit" / "audit.jsonl"),
        out_dir,
        aggregates=cache,
    )


@pytest.fixture
def counted(store, out_dir, monkeypatch):
    """The loaded store, with its count reads counted (the public method wrapped)."""
    ingest_folder(DELIVERIES, store, out_dir=out_dir)
    reads: list[str] = []
    for name in ("count_edges", "count_nodes"):
        real = getattr(store, name)

        def spy(*a, _real=real, _name=name, **k):
            reads.append(_name)
            return _real(*a, **k)

        monkeypatch.setattr(store, name, spy)
    return store, reads


def test_two_sessions_with_one_scope_read_once_and_are_both_audited(counted, out_dir):
    store, reads = counted
    cache = AggregateCache()
    a, b = (session(store, out_dir, cache, u) for u in ("ann", "bob"))
    assert a.count_edges() == b.count_edges()
    assert a.count_nodes() == b.count_nodes()
    assert reads == ["count_edges", "count_nodes"]
    seen = [
        e["user"]
        for e in AuditLog(out_dir / "audit" / "audit.jsonl").entries()
        if e["action"] == "counts"
    ]
    assert seen.count("ann") == 2 and seen.count("bob") == 2


def test_another_scope_reads_its_own_counts(counted, out_dir):
    store, reads = counted
    cache = AggregateCache()
    pol = session(store, out_dir, cache, "ann")
    iszw = session(store, out_dir, cache, "cas", affiliation="ISZW")
    senior = session(store, out_dir, cache, "dirk", role="senior_analyst")
    counts = [g.count_edges() for g in (pol, iszw, senior)]
    assert len(reads) == len({repr(g.scope()) for g in (pol, iszw, senior)})
    assert counts[0] == pol.count_edges()  # kept, not read again
    assert reads.count("count_edges") == len(reads)


def test_a_governance_change_reads_again(counted, out_dir):
    store, reads = counted
    cache = AggregateCache()
    g = session(store, out_dir, cache, "ann")
    g.count_edges()
    bump(out_dir)  # an erasure, restriction or party exit
    g.count_edges()
    assert reads == ["count_edges", "count_edges"]


def test_expired_counts_are_read_again(counted, out_dir):
    store, reads = counted
    now = [0.0]
    cache = AggregateCache(ttl=60.0, clock=lambda: now[0])
    g = session(store, out_dir, cache, "ann")
    g.count_edges()
    now[0] = 59.0
    g.count_edges()
    now[0] = 61.0
    g.count_edges()
    assert reads == ["count_edges", "count_edges"]


def test_a_refused_principal_gets_nothing_from_the_cache(counted, out_dir):
    store, reads = counted
    cache = AggregateCache()
    session(store, out_dir, cache, "ann").count_edges()
    admin = session(store, out_dir, cache, "root", role="administrator")
    with pytest.raises(AccessDenied):
        admin.count_edges()
    assert reads == ["count_edges"]


def test_a_failed_read_is_not_kept():
    cache = AggregateCache()

    def fail() -> int:
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        cache.get("k", fail)
    assert cache.get("k", lambda: 7) == 7
