"""All configuration in one place: one constant per ``EMM_*`` environment variable.

Functions elsewhere take explicit arguments and fall back to :func:`load`; tests build a
:class:`Settings` themselves (or monkeypatch the environment) instead of touching globals.

| variable | default | meaning |
|---|---|---|
| ``EMM_DATA_DIR`` | ``./var`` | where the local database, credentials, deliveries, quarantine and reports live |
| ``EMM_NEO4J_URI`` | *(unset: managed local ArcadeDB on 127.0.0.1)* | a Neo4j 5 ``bolt://`` or ``neo4j://`` URI; when set, nothing local is started |
| ``EMM_NEO4J_USER`` | ``root`` (local) / ``neo4j`` (remote) | user name |
| ``EMM_NEO4J_PASSWORD_FILE`` | *(unset)* | a 0600 file holding the password of an external Neo4j (preferred over the variable below) |
| ``EMM_NEO4J_PASSWORD`` | generated on first local start | password (discouraged: a file keeps it out of every process environment); for the local database it is read from ``$EMM_DATA_DIR/db/credentials.json`` |
| ``EMM_NEO4J_DATABASE`` | ``graph`` | database name |
| ``EMM_BOLT_PORT`` | ``7687`` | port of the managed local database (Bolt) |
| ``EMM_HTTP_PORT`` | ``2480`` | port of the managed local database (HTTP, loopback only) |
| ``EMM_DB_HEAP`` | ``1g`` | Java heap of the managed local database |
| ``EMM_BATCH_SIZE`` | ``5000`` | rows per write transaction during ingest |
| ``EMM_USER`` | *(unset)* | the user name the CLI asks a password for (``--as`` overrides); never proof on its own |
| ``EMM_SESSION_FILE`` | ``$XDG_RUNTIME_DIR/emm/...`` | where ``emm login`` keeps this user's session token (0600) |
| ``EMM_SESSION_MINUTES`` | ``30`` | a CLI session ends after this many idle minutes (and after 8 hours in any case) |
| ``EMM_KEY_FILE`` | *(unset)* | a service account's key file (0600), for schedulers (``--key-file`` overrides) |
| ``EMM_AUDIT_CHECKPOINTS`` | ``$EMM_DATA_DIR/audit/audit.checkpoints.jsonl`` | an append-only file, best outside the data directory, for the audit trail's checkpoints |
| ``EMM_CACHE_DIR`` | ``$EMM_DATA_DIR/cache`` | caches without personal data (deduce lookup tables, suffix list) |
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PREFIX = "EMM_"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("var")
    neo4j_uri: str | None = None
    neo4j_user: str | None = None
    neo4j_password: str | None = field(default=None, repr=False)
    neo4j_database: str = "graph"
    bolt_port: int = 7687
    http_port: int = 2480
    db_heap: str = "1g"
    batch_size: int = 5000
    user_name: str | None = None
    cache_dir_override: Path | None = None
    neo4j_password_file: Path | None = None
    session_file: Path | None = None
    session_minutes: int | None = None
    key_file: Path | None = None
    audit_checkpoints: Path | None = None

    @property
    def cache_dir(self) -> Path:
        return self.cache_dir_override or self.data_dir / "cache"

    @property
    def managed_db(self) -> bool:
        """True when we run the graph database ourselves (no ``EMM_NEO4J_URI`` given)."""
        return self.neo4j_uri is None

    @property
    def db_dir(self) -> Path:
        return self.data_dir / "db"

    @property
    def credentials_file(self) -> Path:
        return self.db_dir / "credentials.json"

    @property
    def uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def user(self) -> str:
        if self.neo4j_user:
            return self.neo4j_user
        return "root" if self.managed_db else "neo4j"

    def password(self) -> str:
        """The password: given explicitly, or the one generated for the managed database."""
        if self.neo4j_password is not None:
            return self.neo4j_password
        if self.neo4j_password_file is not None:
            return self.neo4j_password_file.read_text(encoding="utf-8").strip()
        if self.managed_db and self.credentials_file.exists():
            data = json.loads(self.credentials_file.read_text(encoding="utf-8"))
            return str(data["password"])
        raise RuntimeError(
            "No database password: set EMM_NEO4J_PASSWORD_FILE, or run `emm db start` "
            "to create the local database and its credentials."
        )

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def load(environ: dict[str, str] | None = None) -> Settings:
    """Read settings from ``EMM_*`` environment variables."""
    env = os.environ if environ is None else environ

    def get(name: str) -> str | None:
        value = env.get(PREFIX + name)
        return value if value not in (None, "") else None

    defaults = Settings()
    return Settings(
        data_dir=Path(get("DATA_DIR") or defaults.data_dir),
        neo4j_uri=get("NEO4J_URI"),
        neo4j_user=get("NEO4J_USER"),
        neo4j_password=get("NEO4J_PASSWORD"),
        neo4j_database=get("NEO4J_DATABASE") or defaults.neo4j_database,
        bolt_port=int(get("BOLT_PORT") or defaults.bolt_port),
        http_port=int(get("HTTP_PORT") or defaults.http_port),
        db_heap=get("DB_HEAP") or defaults.db_heap,
        batch_size=int(get("BATCH_SIZE") or defaults.batch_size),
        user_name=get("USER"),
        cache_dir_override=Path(c) if (c := get("CACHE_DIR")) else None,
        neo4j_password_file=Path(f) if (f := get("NEO4J_PASSWORD_FILE")) else None,
        session_file=Path(f) if (f := get("SESSION_FILE")) else None,
        session_minutes=int(m) if (m := get("SESSION_MINUTES")) else None,
        key_file=Path(f) if (f := get("KEY_FILE")) else None,
        audit_checkpoints=Path(f) if (f := get("AUDIT_CHECKPOINTS")) else None,
    )
