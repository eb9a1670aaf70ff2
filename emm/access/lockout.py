"""Login throttling and lockout per user name: pure Python, shared by the CLI and the app.

State lives in one 0600 JSON file (``$EMM_DATA_DIR/sessions/lockout.json``) changed under an
exclusive lock, so the app's servers and every command see the same counts. The rules are
data (``lockout.yaml``). Nothing sleeps: an attempt inside a wait is refused with
:class:`LockedOut` (``retry_after`` seconds), so a test drives it with its own clock.

>>> import tempfile
>>> from pathlib import Path
>>> now = [1000.0]
>>> lock = Lockout(Path(tempfile.mkdtemp()) / "lockout.json", clock=lambda: now[0])
>>> for _ in range(4):
...     _ = lock.failure("jan")
>>> lock.check("jan")
Traceback (most recent call last):
...
emm.access.lockout.LockedOut: too many failed logins for this user: try again in 2 s
>>> now[0] += 2
>>> lock.check("jan")
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import math
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from emm.errors import EmmError
from emm.files import secure_mkdir, write_private
from emm.tables import load_table


class Messages(BaseModel):
    throttled: str
    locked: str


class LockoutPolicy(BaseModel):
    free_failures: int
    first_delay_seconds: float
    max_delay_seconds: float
    lock_after: int
    lock_minutes: float
    forget_after_hours: float
    messages: Messages


@cache
def default_policy() -> LockoutPolicy:
    return load_table("emm.access", "lockout.yaml", LockoutPolicy)


class LockedOut(EmmError, PermissionError):
    """Login refused without checking the password: wait ``retry_after`` seconds."""

    def __init__(self, message: str, *, retry_after: int, locked: bool) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.locked = locked


@dataclass(frozen=True)
class Status:
    failures: int
    retry_after: int  # seconds; 0 = may try now
    locked: bool


def _key(name: str) -> str:
    return name.strip().casefold()[:64]


class Lockout:
    def __init__(
        self,
        path: Path,
        policy: LockoutPolicy | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = path
        self.policy = policy or default_policy()
        self.clock = clock

    @contextlib.contextmanager
    def _state(self) -> Iterator[dict[str, Any]]:
        secure_mkdir(self.path.parent)
        lock_fd = os.open(self.path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(lock_fd, fcntl.LOCK_EX)
            try:
                state: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
            except (FileNotFoundError, json.JSONDecodeError):
                state = {}
            before = json.dumps(state, sort_keys=True)
            yield state
            self._forget_old(state)
            if json.dumps(state, sort_keys=True) != before:
                write_private(self.path, json.dumps(state, sort_keys=True).encode("utf-8"))
        finally:
            os.close(lock_fd)

    def _forget_old(self, state: dict[str, Any]) -> None:
        horizon = self.clock() - self.policy.forget_after_hours * 3600
        for name in [n for n, r in state.items() if r["last"] < horizon]:
            if r_locked_until(state[name]) <= self.clock():
                del state[name]

    def _status(self, record: dict[str, Any] | None) -> Status:
        if not record:
            return Status(0, 0, False)
        now, p = self.clock(), self.policy
        failures = int(record["failures"])
        until = r_locked_until(record)
        if until > now:
            return Status(failures, math.ceil(until - now), True)
        if failures > p.free_failures:
            delay = min(
                p.first_delay_seconds * 2 ** (failures - p.free_failures - 1), p.max_delay_seconds
            )
            wait = float(record["last"]) + delay - now
            if wait > 0:
                return Status(failures, math.ceil(wait), False)
        return Status(failures, 0, False)

    def status(self, name: str) -> Status:
        with self._state() as state:
            return self._status(state.get(_key(name)))

    def check(self, name: str) -> None:
        """Raise :class:`LockedOut` when ``name`` may not try a password now."""
        st = self.status(name)
        if st.retry_after:
            m = self.policy.messages
            text = (
                m.locked.format(failures=st.failures, minutes=math.ceil(st.retry_after / 60))
                if st.locked
                else m.throttled.format(seconds=st.retry_after)
            )
            raise LockedOut(text, retry_after=st.retry_after, locked=st.locked)

    def failure(self, name: str) -> Status:
        """Count a failed attempt; locks the name at ``lock_after`` failures in a row."""
        with self._state() as state:
            record = state.setdefault(_key(name), {"failures": 0, "last": 0.0})
            record["failures"] = int(record["failures"]) + 1
            record["last"] = self.clock()
            # At the threshold, and again at every failure after a lock has run out.
            if (
                record["failures"] >= self.policy.lock_after
                and r_locked_until(record) <= self.clock()
            ):
                record["locked_until"] = self.clock() + self.policy.lock_minutes * 60
            return self._status(record)

    def success(self, name: str) -> None:
        with self._state() as state:
            state.pop(_key(name), None)

    def unlock(self, name: str) -> bool:
        """Lift a lock (an administrator's command); True when there was something to lift."""
        with self._state() as state:
            return state.pop(_key(name), None) is not None


def r_locked_until(record: dict[str, Any]) -> float:
    return float(record.get("locked_until", 0.0))
