"""Who is acting: password logins with throttling, CLI session tokens, service-account keys.

One library for the command line and the app; every outcome is written to the audit trail
(``login``, ``login_failed``, ``login_refused``, ``logout``, ``session_expired``):

* :func:`login` checks a password through the per-user :class:`~emm.access.lockout.Lockout`
  (throttling, then a lock); the app's login page calls it with ``channel="app"``.
* :func:`open_session` gives the CLI a short-lived token (``emm login``): 32 random bytes,
  kept by the server side only as a SHA-256 hash with its expiry (idle and absolute) in
  ``$EMM_DATA_DIR/sessions/sessions.json``; the token itself is a 0600 file in the user's
  runtime folder (:func:`token_path`). ``--as NAME`` alone is never proof of anything.
* :func:`login_with_key` is for schedulers: a key file (0600, owned by the service user)
  holding a service account's name and secret, made by ``emm user add-service``.

Failed attempts are audited without the typed name unless it is a known user (people type
passwords into the name field): an unknown name is recorded as its SHA-256 prefix.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import secrets
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from emm.access.lockout import LockedOut, Lockout
from emm.access.session import audit_log, users
from emm.access.users import AuthenticationFailed, User
from emm.errors import EmmError
from emm.files import secure_mkdir, write_private
from emm.settings import Settings

IDLE_MINUTES = 30
ABSOLUTE_HOURS = 8
KEY_FORMAT = "emm-service-key-1"


class SessionExpired(AuthenticationFailed):
    """The CLI session token is unknown, expired or revoked: log in again."""


class KeyFileRefused(EmmError, PermissionError):
    """A service key file that is not private to its owner, or not a key file."""


def sessions_dir(settings: Settings) -> Path:
    return settings.data_dir / "sessions"


def lockout(settings: Settings) -> Lockout:
    return Lockout(sessions_dir(settings) / "lockout.json")


def _name_for_audit(settings: Settings, name: str) -> str:
    if users(settings).find(name) is not None:
        return name
    return "unknown:" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def _audit(settings: Settings, user: str, role: str, action: str, **detail: Any) -> None:
    audit_log(settings).append(
        user=user, role=role, action=action, purpose=str(detail.pop("purpose", "")), detail=detail
    )


def login(
    settings: Settings,
    name: str,
    password: str,
    *,
    channel: str = "cli",
    purpose: str = "",
    lock: Lockout | None = None,
) -> User:
    """Check ``password`` for ``name``, through throttling and lockout; audited either way.

    Raises :class:`~emm.access.lockout.LockedOut` (no password checked) or
    :class:`~emm.access.users.AuthenticationFailed`.
    """
    lock = lock or lockout(settings)
    try:
        lock.check(name)
    except LockedOut as exc:
        _audit(
            settings,
            _name_for_audit(settings, name),
            "",
            "login_refused",
            channel=channel,
            locked=exc.locked,
            retry_after=exc.retry_after,
            purpose=purpose,
        )
        raise
    try:
        user = users(settings).authenticate(name, password)
    except AuthenticationFailed:
        st = lock.failure(name)
        _audit(
            settings,
            _name_for_audit(settings, name),
            "",
            "login_failed",
            channel=channel,
            failures=st.failures,
            locked=st.locked,
            purpose=purpose,
        )
        raise
    lock.success(name)
    _audit(settings, user.name, user.role, "login", channel=channel, purpose=purpose)
    return user


# ----------------------------------------------------------------------------- sessions


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


@contextlib.contextmanager
def _sessions(settings: Settings) -> Iterator[dict[str, dict[str, Any]]]:
    folder = secure_mkdir(sessions_dir(settings))
    path = folder / "sessions.json"
    fd = os.open(folder / "sessions.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            data = {}
        now = _now().isoformat()
        data = {k: v for k, v in data.items() if v["expires"] > now and v["idle_until"] > now}
        yield data
        write_private(path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Session:
    token: str
    user: str
    expires: str


def open_session(settings: Settings, user: User, *, idle_minutes: int | None = None) -> Session:
    """A new CLI session for an authenticated ``user``; only the token's hash is kept."""
    token = secrets.token_urlsafe(32)
    now = _now()
    idle = idle_minutes or settings.session_minutes or IDLE_MINUTES
    expires = (now + timedelta(hours=ABSOLUTE_HOURS)).isoformat()
    record: dict[str, Any] = {
        "user": user.name,
        "created": now.isoformat(),
        "idle_minutes": idle,
        "idle_until": (now + timedelta(minutes=idle)).isoformat(),
        "expires": expires,
    }
    with _sessions(settings) as data:
        data[_hash(token)] = record
    return Session(token, user.name, expires)


def resume(settings: Settings, token: str) -> User:
    """The user of a live session token (its idle time starts again); else SessionExpired."""
    with _sessions(settings) as data:
        record = data.get(_hash(token))
        if record is None:
            raise SessionExpired("your session has ended: log in again with `emm login`")
        record["idle_until"] = (_now() + timedelta(minutes=int(record["idle_minutes"]))).isoformat()
    user = users(settings).get(str(record["user"]))
    if user is None:
        raise SessionExpired("your session has ended: log in again with `emm login`")
    return user


def close_session(settings: Settings, token: str) -> str | None:
    """End a session; returns its user name, or None when it had ended already."""
    with _sessions(settings) as data:
        record = data.pop(_hash(token), None)
    return None if record is None else str(record["user"])


def revoke_user(settings: Settings, name: str) -> int:
    """End every session of ``name`` (after a role change, a disable, a new password)."""
    with _sessions(settings) as data:
        ended = [k for k, v in data.items() if v["user"] == name]
        for k in ended:
            del data[k]
    return len(ended)


# ----------------------------------------------------------------------------- token files


def token_path(settings: Settings) -> Path:
    """Where this user's CLI token for this data directory is kept.

    ``EMM_SESSION_FILE`` when set; else ``$XDG_RUNTIME_DIR/emm/`` (a per-user 0700 tmpfs that
    goes at logout) when it is private to us; else ``$EMM_DATA_DIR/sessions/``.
    """
    if settings.session_file is not None:
        return settings.session_file
    tag = hashlib.sha256(str(settings.data_dir.resolve()).encode()).hexdigest()[:16]
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        folder = Path(runtime)
        with contextlib.suppress(OSError):
            st = folder.stat()
            if st.st_uid == os.geteuid() and stat.S_IMODE(st.st_mode) & 0o077 == 0:
                return folder / "emm" / f"session-{tag}.token"
    return sessions_dir(settings) / f"cli-{os.geteuid()}-{tag}.token"


def _read_private(path: Path, what: str) -> str:
    """Read a small secret file, refusing a symlink, another owner or group/other access."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise KeyFileRefused(f"{path}: cannot open the {what} ({exc.strerror})") from None
    with os.fdopen(fd, "r", encoding="utf-8") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise KeyFileRefused(f"{path}: the {what} is not a regular file")
        if st.st_uid != os.geteuid():
            raise KeyFileRefused(f"{path}: the {what} belongs to another user")
        if stat.S_IMODE(st.st_mode) & 0o077:
            raise KeyFileRefused(
                f"{path}: the {what} is readable by others; fix with: chmod 600 {path}"
            )
        return fh.read(4096)


def save_token(settings: Settings, session: Session) -> Path:
    path = token_path(settings)
    write_private(path, session.token.encode("ascii"))
    return path


def read_token(settings: Settings) -> str | None:
    try:
        return _read_private(token_path(settings), "session token").strip() or None
    except FileNotFoundError:
        return None


def forget_token(settings: Settings) -> None:
    token_path(settings).unlink(missing_ok=True)


# ----------------------------------------------------------------------------- service keys


def new_service_secret() -> str:
    return secrets.token_urlsafe(32)


def write_key_file(path: Path, name: str, secret: str) -> Path:
    """The key file of a service account (0600; refuses to overwrite an existing file)."""
    secure_mkdir(path.parent)
    body = json.dumps({"format": KEY_FORMAT, "user": name, "secret": secret})
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(body + "\n")
    return path


def login_with_key(settings: Settings, path: Path, *, purpose: str = "") -> User:
    """Authenticate a service account by its key file (through the same lockout)."""
    try:
        text = _read_private(path, "service key file")
    except FileNotFoundError:
        raise KeyFileRefused(f"{path}: no such service key file") from None
    try:
        data = json.loads(text)
        if data.get("format") != KEY_FORMAT:
            raise ValueError
        name, secret = str(data["user"]), str(data["secret"])
    except (ValueError, KeyError, TypeError):
        raise KeyFileRefused(f"{path}: not an EMM service key file") from None
    lock = lockout(settings)
    lock.check(name)
    try:
        user = users(settings).authenticate(name, secret, kind="service")
    except AuthenticationFailed:
        st = lock.failure(name)
        _audit(
            settings,
            _name_for_audit(settings, name),
            "",
            "login_failed",
            channel="service",
            failures=st.failures,
            purpose=purpose,
        )
        raise
    lock.success(name)
    _audit(settings, user.name, user.role, "login", channel="service", purpose=purpose)
    return user
