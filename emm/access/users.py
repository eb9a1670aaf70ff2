"""Users: name, role, affiliation and an argon2 password hash, in one owner-only file."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from emm.access.policy import Principal
from emm.errors import EmmError

_hasher = PasswordHasher()
MIN_PASSWORD = 10


class AuthenticationFailed(EmmError, PermissionError):
    """Unknown user, disabled user or wrong password (deliberately not saying which)."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    affiliation: str
    password_hash: str
    created_at: str
    disabled: bool = False

    def principal(self, purpose: str = "") -> Principal:
        return Principal(self.name, self.role, self.affiliation, purpose)


class UserStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict[str, User]:
        if not self.path.exists():
            return {}
        data = json.loads(self.path.read_text(encoding="utf-8"))
        return {name: User(**u) for name, u in data.items()}

    def _save(self, users: dict[str, User]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({n: asdict(u) for n, u in sorted(users.items())}, fh, indent=1)
        os.replace(tmp, self.path)

    def add(self, name: str, *, role: str, affiliation: str, password: str) -> User:
        if len(password) < MIN_PASSWORD:
            raise ValueError(f"a password needs at least {MIN_PASSWORD} characters")
        Principal(name, role, affiliation)  # validates role and affiliation
        users = self._load()
        user = User(
            name,
            role,
            affiliation,
            _hasher.hash(password),
            datetime.now(UTC).isoformat(timespec="seconds"),
        )
        users[name] = user
        self._save(users)
        return user

    def disable(self, name: str) -> None:
        users = self._load()
        if name not in users:
            raise KeyError(name)
        u = users[name]
        users[name] = User(u.name, u.role, u.affiliation, u.password_hash, u.created_at, True)
        self._save(users)

    def get(self, name: str) -> User | None:
        user = self._load().get(name)
        return None if user is None or user.disabled else user

    def list(self) -> list[User]:
        return list(self._load().values())

    def authenticate(self, name: str, password: str) -> User:
        user = self.get(name)
        if user is None:
            _hasher.hash(password)  # same cost whether or not the user exists
            raise AuthenticationFailed("unknown user or wrong password")
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise AuthenticationFailed("unknown user or wrong password") from None
        return user
