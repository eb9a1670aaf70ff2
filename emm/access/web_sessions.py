"""Server-side web sessions: a random token in the browser, only its hash on the server.

The app's login creates a session: 32 random bytes, sent to the browser once as an ``HttpOnly``,
``Secure``, ``SameSite=Strict`` cookie. The server keeps the SHA-256 of the token (the session
id), who logged in, the purpose they gave, and when the session was made and last used. A reload
or a second tab sends the cookie, and the app finds the session again; a session idle longer than
the limit (30 minutes) is gone, and logout deletes it. Knowing a stored id does not give the
token: a stolen database file opens no session.

The store is one SQLite file (owner-only, mode 0600, in an owner-only folder). No Streamlit here:
the app and the web server's routes both use this module.

>>> import tempfile, pathlib
>>> now = [1000.0]
>>> store = WebSessionStore(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite", clock=lambda: now[0])
>>> token, session = store.create("analyst", purpose="case 1", client="local")
>>> store.lookup(token).user
'analyst'
>>> now[0] += IDLE_LIMIT_SECONDS + 1
>>> store.lookup(token) is None
True
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from emm.errors import EmmError

IDLE_LIMIT_SECONDS = 30 * 60
TOKEN_BYTES = 32

_SCHEMA = """
CREATE TABLE IF NOT EXISTS web_session (
    sid TEXT PRIMARY KEY,
    user TEXT NOT NULL,
    purpose TEXT NOT NULL,
    client TEXT NOT NULL,
    created_at REAL NOT NULL,
    last_active REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS web_session_user ON web_session(user);
"""


class WebSessionError(EmmError, ValueError):
    """A session could not be created (e.g. an empty user name)."""


def session_id(token: str) -> str:
    """The stored id of a token: its SHA-256 (hex).

    >>> len(session_id("abc")), session_id("abc") == session_id("abc")
    (64, True)
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class WebSession:
    sid: str  # SHA-256 of the token; the token itself is never stored
    user: str
    purpose: str
    client: str
    created_at: float
    last_active: float


def private_file(path: Path) -> Path:
    """Create ``path`` (and its folder) owner-only if it does not exist yet."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path.parent, 0o700)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)
    return path


class SqliteFile:
    """A small SQLite database in an owner-only file; one connection per call (thread-safe)."""

    schema = ""

    def __init__(self, path: Path) -> None:
        self.path = private_file(path)
        with self._db() as db:
            db.executescript(self.schema)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            yield db
        finally:
            db.close()


class WebSessionStore(SqliteFile):
    """Live web sessions by the hash of their token."""

    schema = _SCHEMA

    def __init__(
        self,
        path: Path,
        *,
        idle_limit: float = IDLE_LIMIT_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.idle_limit = idle_limit
        self.clock = clock
        super().__init__(path)

    def _live(self, row: tuple[object, ...] | None) -> WebSession | None:
        if row is None:
            return None
        s = WebSession(*row)  # type: ignore[arg-type]
        if self.clock() - s.last_active > self.idle_limit:
            self.invalidate(s.sid)
            return None
        return s

    def create(self, user: str, *, purpose: str, client: str = "") -> tuple[str, WebSession]:
        """A new session; returns the token (for the cookie, never stored) and the session."""
        if not user:
            raise WebSessionError("a web session needs a user")
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = self.clock()
        s = WebSession(session_id(token), user, purpose, client, now, now)
        with self._db() as db:
            db.execute(
                "INSERT INTO web_session VALUES (?, ?, ?, ?, ?, ?)",
                (s.sid, s.user, s.purpose, s.client, s.created_at, s.last_active),
            )
        return token, s

    def get(self, sid: str) -> WebSession | None:
        """The live session with this id (expired ones are deleted on the way)."""
        with self._db() as db:
            row = db.execute(
                "SELECT sid, user, purpose, client, created_at, last_active "
                "FROM web_session WHERE sid = ?",
                (sid,),
            ).fetchone()
        return self._live(row)

    def lookup(self, token: str | None) -> WebSession | None:
        """The live session of a cookie token, or ``None`` (unknown, expired, logged out)."""
        if not isinstance(token, str) or not token:
            return None
        return self.get(session_id(token))

    def touch(self, sid: str) -> WebSession | None:
        """Record activity; ``None`` when the session is no longer live."""
        s = self.get(sid)
        if s is None:
            return None
        now = self.clock()
        with self._db() as db:
            db.execute("UPDATE web_session SET last_active = ? WHERE sid = ?", (now, sid))
        return WebSession(s.sid, s.user, s.purpose, s.client, s.created_at, now)

    def invalidate(self, sid: str) -> bool:
        """End a session (logout, idle); True when there was one."""
        with self._db() as db:
            return db.execute("DELETE FROM web_session WHERE sid = ?", (sid,)).rowcount > 0

    def invalidate_user(self, user: str) -> int:
        """End every session of a user (e.g. when the account is disabled)."""
        with self._db() as db:
            return db.execute("DELETE FROM web_session WHERE user = ?", (user,)).rowcount

    def purge_expired(self) -> int:
        with self._db() as db:
            return db.execute(
                "DELETE FROM web_session WHERE last_active < ?", (self.clock() - self.idle_limit,)
            ).rowcount
