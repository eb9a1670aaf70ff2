"""All configuration in one place: one constant per ``EMM_*`` environment variable.

Functions elsewhere take explicit arguments and fall back to :func:`load`; tests build a
:class:`Settings` themselves (or monkeypatch the environment) instead of touching globals.

| variable | default | meaning |
|---|---|---|
| ``EMM_DATA_DIR`` | ``./var`` | where the local database, credentials, deliveries, quarantine and reports live |
| ``EMM_NEO4J_URI`` | *(unset: managed local ArcadeDB on 127.0.0.1)* | a Neo4j 5 ``bolt://`` or ``neo4j://`` URI; when set, nothing local is started |
| ``EMM_NEO4J_USER`` | ``root`` (local) / ``neo4j`` (remote) | user name |
| ``EMM_NEO4J_PASSWORD`` | generated on first local start | password; for the local database it is read from ``$EMM_DATA_DIR/db/credentials.json`` |
| ``EMM_NEO4J_DATABASE`` | ``graph`` | database name |
| ``EMM_BOLT_PORT`` | ``7687`` | port of the managed local database (Bolt) |
| ``EMM_HTTP_PORT`` | ``2480`` | port of the managed local database (HTTP, loopback only) |
| ``EMM_DB_HEAP`` | ``1g`` | Java heap of the managed local database |
| ``EMM_BATCH_SIZE`` | ``5000`` | rows per write transaction during ingest |
| ``EMM_USER`` | *(unset)* | the named user the CLI acts as (``--as`` overrides) |
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
        if self.managed_db and self.credentials_file.exists():
            data = json.loads(self.credentials_file.read_text(encoding="utf-8"))
            return str(data["password"])
        raise RuntimeError(
            "No database password: set EMM_NEO4J_PASSWORD, or run `emm db start` "
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
    )
