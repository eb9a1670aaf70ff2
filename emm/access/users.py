"""Users: name, role, affiliation and an argon2 password hash, in one owner-only file.

An existing account is never replaced: :meth:`UserStore.add` refuses a name that exists
(even disabled), and a role changes only through :meth:`UserStore.set_role`, which the
command line wraps in an audited, twice-confirmed command. Changes are made under a file lock,
so two administrators cannot overwrite each other's change.

Service accounts (``kind="service"``, for schedulers) have no password: they prove who they
are with a key file (:mod:`emm.access.auth`) whose secret is stored here as an argon2 hash.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from emm.access.passwords import require_acceptable
from emm.access.policy import Principal
from emm.errors import EmmError
from emm.files import secure_mkdir, write_private

# argon2id with the OWASP Password Storage Cheat Sheet's recommended minimum (m = 19 MiB, t = 2,
# p = 1). argon2-cffi's default (RFC 9106 low-memory: 64 MiB, t = 3, p = 4) cost 0.6-0.8 s of
# CPU per login on the 2-core server (measured), so ten analysts logging in at once waited 15 s;
# this costs about a fifth of that. Older hashes still verify and are rehashed at the next login.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
NAME = re.compile(r"[a-z][a-z0-9._-]{1,31}")
KINDS = ("person", "service")


class AuthenticationFailed(EmmError, PermissionError):
    """Unknown user, disabled user or wrong password (deliberately not saying which)."""


class UserError(EmmError, ValueError):
    """A user change the rules do not allow (name taken, unknown user, bad name...)."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    affiliation: str
    password_hash: str
    created_at: str
    disabled: bool = False
    kind: str = "person"
    changed_at: str = ""

    def principal(self, purpose: str = "") -> Principal:
        return Principal(self.name, self.role, self.affiliation, purpose)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def validate_name(name: str) -> str:
    """User names are short identifiers: they appear in the audit trail and in file names."""
    if NAME.fullmatch(name) is None:
        raise UserError(
            "a user name is 2-32 characters: lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter"
        )
    return name


class UserStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict[str, User]:
        if not self.path.exists():
            return {}
        data = json.loads(self.path.read_text(encoding="utf-8"))
        return {name: User(**u) for name, u in data.items()}

    def _save(self, users: dict[str, User]) -> None:
        body = json.dumps({n: asdict(u) for n, u in sorted(users.items())}, indent=1)
        write_private(self.path, body.encode("utf-8"))

    @contextlib.contextmanager
    def _changing(self) -> Iterator[dict[str, User]]:
        """Read, change and write the users under an exclusive lock."""
        secure_mkdir(self.path.parent)
        fd = os.open(self.path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            users = self._load()
            yield users
            self._save(users)
        finally:
            os.close(fd)

    def add(
        self,
        name: str,
        *,
        role: str,
        affiliation: str,
        password: str,
        kind: str = "person",
    ) -> User:
        """Add a new user; a name that exists (also a disabled one) is refused."""
        validate_name(name)
        if kind not in KINDS:
            raise UserError(f"unknown kind of account {kind!r}")
        if kind == "person":
            require_acceptable(password, name)
        Principal(name, role, affiliation)  # validates role and affiliation
        with self._changing() as users:
            if name in users:
                raise UserError(
                    f"user {name} exists already; an account is never replaced "
                    "(change a role with `emm user role`)"
                )
            user = User(name, role, affiliation, _hasher.hash(password), _now(), kind=kind)
            users[name] = user
        return user

    def _change(self, name: str, **changes: object) -> User:
        with self._changing() as users:
            if name not in users:
                raise UserError(f"no user {name}")
            users[name] = replace(users[name], changed_at=_now(), **changes)  # type: ignore[arg-type]
            return users[name]

    def set_role(self, name: str, role: str) -> User:
        current = self.find(name)
        if current is None:
            raise UserError(f"no user {name}")
        Principal(name, role, current.affiliation)  # validates the role
        return self._change(name, role=role)

    def set_password(self, name: str, password: str) -> User:
        require_acceptable(password, name)
        return self._change(name, password_hash=_hasher.hash(password))

    def disable(self, name: str) -> None:
        self._change(name, disabled=True)

    def enable(self, name: str) -> None:
        self._change(name, disabled=False)

    def find(self, name: str) -> User | None:
        """The user, also when disabled (for administration)."""
        return self._load().get(name)

    def get(self, name: str) -> User | None:
        user = self._load().get(name)
        return None if user is None or user.disabled else user

    def list(self) -> list[User]:
        return list(self._load().values())

    def authenticate(self, name: str, password: str, *, kind: str = "person") -> User:
        user = self.get(name)
        if user is None or user.kind != kind:
            _hasher.hash(password)  # same cost whether or not the user exists
            raise AuthenticationFailed("unknown user or wrong password")
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise AuthenticationFailed("unknown user or wrong password") from None
        if _hasher.check_needs_rehash(user.password_hash):
            self._rehash(user, password)
        return user

    def _rehash(self, user: User, password: str) -> None:
        """The same password hashed with the current parameters (not a change by the user;
        nothing happens when the account changed since it was read)."""
        with self._changing() as users:
            now = users.get(user.name)
            if now is not None and now.password_hash == user.password_hash:
                users[user.name] = replace(now, password_hash=_hasher.hash(password))
