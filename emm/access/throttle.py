"""Login throttling and lockout, per user name and per client; the rules are in throttle.yaml.

Each rule counts failed logins in a sliding window for one *scope* (the user name typed, or the
client: an IP address, or ``"local"``) and locks further attempts once the count is reached.
A locked attempt is refused before the password is checked (so a lockout also stops the argon2
work an attacker would make the server do). A successful login clears the user name's failures,
not the client's.

User names and clients are stored as SHA-256 digests: a password typed into the user-name field
by mistake is never written in clear. Pure library code: the app calls :meth:`check` before and
:meth:`failed` / :meth:`succeeded` after :func:`emm.access.auth.login` (which throttles per user
name itself, :mod:`emm.access.lockout`), and writes the audit entries.

>>> import tempfile, pathlib
>>> now = [0.0]
>>> t = LoginThrottle(pathlib.Path(tempfile.mkdtemp()) / "t.sqlite", clock=lambda: now[0])
>>> [t.failed(f"user{i}", "10.0.0.9") for i in range(20)][-1].rule
'per-client'
>>> t.check("bob", "10.0.0.9").rule, t.check("bob", "local") is None
('per-client', True)
>>> now[0] += 15 * 60 + 1
>>> t.check("bob", "10.0.0.9") is None
True
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from emm.access.web_sessions import SqliteFile
from emm.tables import load_table

Scope = Literal["user", "client"]


class ThrottleRule(BaseModel):
    id: str
    scope: Scope
    failures: int = Field(gt=0)
    window_minutes: float = Field(gt=0)
    lockout_minutes: float = Field(gt=0)
    explanation: str


class ThrottleRules(BaseModel):
    source: str
    rules: list[ThrottleRule]


@cache
def throttle_rules() -> ThrottleRules:
    return load_table("emm.access", "throttle.yaml", ThrottleRules)


@dataclass(frozen=True)
class Lockout:
    rule: str
    scope: Scope
    until: float  # epoch seconds

    def minutes_left(self, now: float) -> int:
        """Whole minutes until the lockout ends (at least 1 while it lasts).

        >>> Lockout("per-user", "user", 600.0).minutes_left(0.0)
        10
        """
        return max(1, math.ceil((self.until - now) / 60))


_SCHEMA = """
CREATE TABLE IF NOT EXISTS login_failure (key TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS login_failure_key ON login_failure(key, at);
CREATE TABLE IF NOT EXISTS login_lockout (
    key TEXT PRIMARY KEY, rule TEXT NOT NULL, scope TEXT NOT NULL, until REAL NOT NULL
);
"""


def _key(scope: str, value: str) -> str:
    return hashlib.sha256(f"{scope}\x00{value}".encode()).hexdigest()


class LoginThrottle(SqliteFile):
    schema = _SCHEMA

    def __init__(
        self,
        path: Path,
        rules: ThrottleRules | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.rules = rules or throttle_rules()
        self.clock = clock
        super().__init__(path)

    def _keys(self, user: str, client: str) -> list[tuple[ThrottleRule, str]]:
        values = {"user": user.strip().casefold(), "client": client or "local"}
        return [(r, _key(r.scope, values[r.scope])) for r in self.rules.rules]

    def check(self, user: str, client: str) -> Lockout | None:
        """The lockout that refuses this attempt now, or ``None`` when it may go ahead."""
        now = self.clock()
        with self._db() as db:
            for rule, key in self._keys(user, client):
                row = db.execute(
                    "SELECT until FROM login_lockout WHERE key = ? AND until > ?", (key, now)
                ).fetchone()
                if row:
                    return Lockout(rule.id, rule.scope, float(row[0]))
        return None

    def failed(self, user: str, client: str) -> Lockout | None:
        """Count a failed login; the lockout it starts (or that already runs), if any."""
        now = self.clock()
        started: Lockout | None = None
        with self._db() as db:
            for rule, key in self._keys(user, client):
                db.execute("INSERT INTO login_failure VALUES (?, ?)", (key, now))
                since = now - rule.window_minutes * 60
                db.execute("DELETE FROM login_failure WHERE key = ? AND at <= ?", (key, since))
                (n,) = db.execute(
                    "SELECT COUNT(*) FROM login_failure WHERE key = ?", (key,)
                ).fetchone()
                if n >= rule.failures and started is None:
                    until = now + rule.lockout_minutes * 60
                    db.execute(
                        "INSERT OR REPLACE INTO login_lockout VALUES (?, ?, ?, ?)",
                        (key, rule.id, rule.scope, until),
                    )
                    db.execute("DELETE FROM login_failure WHERE key = ?", (key,))
                    started = Lockout(rule.id, rule.scope, until)
        return started

    def succeeded(self, user: str, client: str) -> None:
        """A correct password: forget this user name's failures (the client's stay)."""
        with self._db() as db:
            for rule, key in self._keys(user, client):
                if rule.scope == "user":
                    db.execute("DELETE FROM login_failure WHERE key = ?", (key,))
