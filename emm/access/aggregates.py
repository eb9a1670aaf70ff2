"""Whole-graph counts shared by the sessions of one process, read once per scope.

A count of every fact a scope may see costs seconds on a large graph (8 s at 1M relationships
on the local ArcadeDB, measured), and every analyst lands on the home page that shows it: ten
logins at once were ten such reads. The counts are aggregates (facts per type, party and legal
basis; entities per type) and hold no personal data, so one read can serve every session with
the same access scope. What may not be shared is *who looked*: each principal's guarded store
still writes its own audit entry for the counts it is shown (:mod:`emm.access.guarded`).

A kept count is used while

- the access filter is the same (the key is the filter's query parameters: parties, legal
  bases, suspended parties, date window; two roles with equal filters see equal counts),
- the governance marker is the same (an erasure, restriction or party exit reads again at
  once), and
- it is younger than ``ttl`` seconds (a new delivery shows within a minute).

Concurrent callers with the same key wait for the one read in flight instead of starting
their own.

>>> cache = AggregateCache(ttl=60.0)
>>> reads = []
>>> cache.get(("edges", "k", "g1"), lambda: reads.append(1) or 42)
42
>>> cache.get(("edges", "k", "g1"), lambda: reads.append(1) or 43), len(reads)
(42, 1)
>>> cache.get(("edges", "k", "g2"), lambda: reads.append(1) or 44), len(reads)
(44, 2)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

# Keys older than this many TTLs are dropped when a new one is stored (scopes and markers
# change; the dictionary must not grow for the life of the process).
_KEEP_TTLS = 5


def filter_key(params: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """A hashable key of an access filter's query parameters (lists as sorted tuples).

    >>> filter_key({"parties": ["POL", "KMAR"], "since": None})
    (('parties', ('KMAR', 'POL')), ('since', None))
    """

    def frozen(v: Any) -> Any:
        if isinstance(v, list | tuple | set | frozenset):
            return tuple(sorted((frozen(x) for x in v), key=repr))
        if isinstance(v, dict):
            return tuple(sorted((k, frozen(x)) for k, x in v.items()))
        return v

    return tuple(sorted((k, frozen(v)) for k, v in params.items()))


class AggregateCache:
    """Counts kept per key for ``ttl`` seconds; one read in flight per key."""

    def __init__(self, ttl: float = 60.0, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self._clock = clock
        self._lock = threading.Lock()
        self._items: dict[Hashable, tuple[float, Any]] = {}
        self._reading: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, read: Callable[[], T]) -> T:
        """The kept value of ``key``, or ``read()`` (once, whoever else asks meanwhile)."""
        with self._lock:
            lock = self._reading.setdefault(key, threading.Lock())
        with lock:
            now = self._clock()
            kept = self._items.get(key)
            if kept is not None and now - kept[0] < self.ttl:
                value: T = kept[1]
                return value
            value = read()  # an error propagates and nothing is kept
            with self._lock:
                self._items[key] = (self._clock(), value)
                old = [k for k, (t, _) in self._items.items() if now - t > _KEEP_TTLS * self.ttl]
                for k in old:
                    self._items.pop(k, None)
                    self._reading.pop(k, None)
            return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


# The app process's cache: every GuardedStore built without one of its own uses it.
SHARED = AggregateCache()
