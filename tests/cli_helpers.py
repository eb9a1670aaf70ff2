"""Invoking the CLI as an authenticated user, the way a person does it: ``emm login`` once.

>>> cli = CliAs(env)                       # doctest: +SKIP
>>> cli.user("pri", "privacy_officer")     # added once per data directory   # doctest: +SKIP
>>> cli("pri", "audit", "verify").output   # doctest: +SKIP

Each user gets their own session token file (``EMM_SESSION_FILE``) next to the data
directory, made by the real login path (password, lockout, audit), so the commands under test
authenticate exactly as in production. ``anonymous`` runs a command with no session at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from emm import settings as settings_mod
from emm.access import auth
from emm.access.session import users
from emm.cli import main
from emm.settings import Settings

PASSWORD = "a long test passphrase 7"


def env_for(settings: Settings) -> dict[str, str]:
    """The ``EMM_*`` environment of a test database's settings."""
    env = {
        "EMM_DATA_DIR": str(settings.data_dir),
        "EMM_BOLT_PORT": str(settings.bolt_port),
        "EMM_HTTP_PORT": str(settings.http_port),
        "EMM_NEO4J_DATABASE": settings.neo4j_database,
    }
    if settings.neo4j_uri:
        env.update(
            EMM_NEO4J_URI=settings.neo4j_uri,
            EMM_NEO4J_USER=settings.user,
            EMM_NEO4J_PASSWORD=settings.password(),
        )
    return env


class CliAs:
    def __init__(self, env: Mapping[str, str] | Settings) -> None:
        self.env: dict[str, Any] = dict(env_for(env) if isinstance(env, Settings) else env)
        self.env.setdefault("EMM_USER", None)  # never inherited from the developer's shell
        self.env.setdefault("EMM_KEY_FILE", None)
        self.settings = settings_mod.load({k: v for k, v in self.env.items() if v is not None})
        self.tokens = self.settings.data_dir.parent / f"{self.settings.data_dir.name}-tokens"

    def user(self, name: str, role: str, affiliation: str = "POL") -> None:
        """Add ``name`` unless this data directory has it already (same role expected)."""
        store = users(self.settings)
        found = store.find(name)
        if found is None:
            store.add(name, role=role, affiliation=affiliation, password=PASSWORD)
        else:
            assert (found.role, found.affiliation) == (role, affiliation), found

    def token_file(self, name: str) -> Path:
        return self.tokens / f"{name}.token"

    def login(self, name: str) -> Path:
        """A session for ``name`` through the real login (password, lockout, audit)."""
        s = self.settings.with_(session_file=self.token_file(name))
        user = auth.login(s, name, PASSWORD, channel="test")
        return auth.save_token(s, auth.open_session(s, user))

    def __call__(self, name: str, *args: str, input: str | None = None) -> Result:
        token = self.token_file(name)
        if auth.read_token(self.settings.with_(session_file=token)) is None:
            self.login(name)
        else:
            try:
                auth.resume(self.settings, token.read_text().strip())
            except auth.SessionExpired:
                self.login(name)
        env = {**self.env, "EMM_SESSION_FILE": str(token)}
        return CliRunner().invoke(main, list(args), env=env, input=input)

    def anonymous(self, *args: str, input: str | None = None) -> Result:
        env = {**self.env, "EMM_SESSION_FILE": str(self.tokens / "nobody.token")}
        return CliRunner().invoke(main, list(args), env=env, input=input)
