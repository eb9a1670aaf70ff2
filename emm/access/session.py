"""Opening a guarded session: the only way pages, commands and notebooks read case data."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from emm.access.aggregates import AggregateCache
from emm.access.guarded import GuardedStore
from emm.access.policy import AccessDenied, Principal
from emm.access.users import AuthenticationFailed, User, UserStore
from emm.audit import AuditLog
from emm.graph.store import GraphStore
from emm.settings import Settings

DEMO_USERS = (
    ("analyst", "analyst", "POL"),
    ("senior", "senior_analyst", "POL"),
    ("privacy", "privacy_officer", "POL"),
    ("admin", "administrator", "POL"),
)


def users(settings: Settings) -> UserStore:
    return UserStore(settings.data_dir / "users.json")


def audit_log(settings: Settings) -> AuditLog:
    return AuditLog(
        settings.data_dir / "audit" / "audit.jsonl", checkpoints=settings.audit_checkpoints
    )


def guarded(
    store: GraphStore,
    settings: Settings,
    principal: Principal,
    *,
    aggregates: AggregateCache | None = None,
) -> GuardedStore:
    """The guarded store of ``principal`` on an open store (the app and CLI hold the store);
    ``aggregates``: a cache of whole-graph counts shared with other sessions (the app's)."""
    return GuardedStore(
        store, principal, audit_log(settings), settings.data_dir, aggregates=aggregates
    )


def login(settings: Settings, name: str, password: str, purpose: str) -> GuardedStore:
    """Authenticate a user (through throttling and lockout; audited) and open their guarded
    session. Notebooks and scripts use this: they never build a principal or a store."""
    from emm.access import auth
    from emm.graph.connect import open_store

    if not purpose.strip():
        raise AccessDenied("give the purpose of this session (a case or request reference)")
    user = auth.login(settings, name, password, channel="api", purpose=purpose)
    return GuardedStore(
        open_store(settings),
        user.principal(purpose),
        audit_log(settings),
        settings.data_dir,
        owns_store=True,
    )


def demo_credentials(settings: Settings) -> Path:
    """The owner-only file in which a demo install keeps its users' passwords."""
    return settings.data_dir / "demo-credentials.txt"


def demo_password(settings: Settings, name: str, path: Path | None = None) -> str:
    """The password of demo user ``name``, from :func:`demo_credentials` (or ``path``, a file of
    the same ``user role password`` lines). Notebooks log in with it on a demo install.
    """
    path = path or demo_credentials(settings)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AuthenticationFailed(
            f"no credentials file {path}: set up the demo first (`make run` or `emm demo`)"
        ) from None
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 3 and not line.startswith("#") and fields[0] == name:
            return fields[2]
    raise AuthenticationFailed(f"user {name!r} is not in {path}")


def demo_login(
    settings: Settings, name: str, *, purpose: str, credentials: str = ""
) -> GuardedStore:
    """:func:`login` as demo user ``name``, with the password from the demo's credentials file
    (or from ``credentials``, a file of the same lines): the notebooks' way in, so that no
    password is typed into a cell, a command line or the environment."""
    path = Path(credentials) if credentials else None
    return login(settings, name, demo_password(settings, name, path), purpose=purpose)


def ensure_demo_users(settings: Settings) -> Path | None:
    """On a fresh demo install, create one user per role with random passwords, written to an
    owner-only file. Returns that file when it created users."""
    store = users(settings)
    if store.list():
        return None
    path = demo_credentials(settings)
    lines = ["# Demo users of this installation (synthetic data only). user role password"]
    created: list[User] = []
    for name, role, affiliation in DEMO_USERS:
        password = secrets.token_urlsafe(12)
        created.append(store.add(name, role=role, affiliation=affiliation, password=password))
        lines.append(f"{name} {role} {password}")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    return path
