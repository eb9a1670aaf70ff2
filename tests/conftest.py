"""Shared fixtures. Tests that touch the graph run against a real server: a dedicated local
ArcadeDB started for the session on free ports (or the server named by EMM_TEST_NEO4J_URI,
e.g. a Neo4j 5, with EMM_TEST_NEO4J_USER/PASSWORD/DATABASE)."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import CliAs  # noqa: I001 - tests/ is on sys.path (conftest rootdir)

from emm.graph import local_db
from emm.graph.connect import driver_from_settings
from emm.graph.store import GraphStore
from emm.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"

# Records the text of every Cypher statement sent, for the Neo4j lint (`make test`, docs/it.md).
pytest_plugins = ["cypher_recorder"]


@pytest.fixture(scope="session", autouse=True)
def _owner_only_files() -> Iterator[None]:
    """Tests create files as production does: under umask 0077 (owner-only)."""
    old = os.umask(0o077)
    yield
    os.umask(old)


@pytest.fixture
def cli_as(db_settings: Settings) -> CliAs:
    """The CLI as an authenticated user on the session database (see ``cli_helpers``)."""
    return CliAs(db_settings)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _neo4j_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings | None:
    uri = os.environ.get("EMM_TEST_NEO4J_URI")
    if not uri:
        return None
    return Settings(
        data_dir=tmp_path_factory.mktemp("emm-data"),
        neo4j_uri=uri,
        neo4j_user=os.environ.get("EMM_TEST_NEO4J_USER", "neo4j"),
        neo4j_password=os.environ.get("EMM_TEST_NEO4J_PASSWORD", ""),
        neo4j_database=os.environ.get("EMM_TEST_NEO4J_DATABASE", "neo4j"),
    )


@pytest.fixture(scope="session")
def arcadedb_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A dedicated local ArcadeDB on free ports for this test session."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("emm-data"),
        bolt_port=_free_port(),
        http_port=_free_port(),
        neo4j_database="emmtest",
    )
    local_db.start(settings)
    try:
        yield settings
    finally:
        local_db.stop(settings)


@pytest.fixture(scope="session")
def db_settings(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    """The server the graph tests use: a Neo4j 5 named by ``EMM_TEST_NEO4J_URI``, else the
    session's local ArcadeDB."""
    neo4j = _neo4j_settings(tmp_path_factory)
    if neo4j is not None:
        return neo4j
    settings: Settings = request.getfixturevalue("arcadedb_settings")
    return settings


def _store_on(settings: Settings) -> Iterator[GraphStore]:
    driver = driver_from_settings(settings)
    store = GraphStore(driver, settings.neo4j_database)
    store.ensure_schema()
    yield store
    driver.close()


@pytest.fixture(scope="session")
def arcadedb_store(arcadedb_settings: Settings) -> Iterator[GraphStore]:
    """The local ArcadeDB, whatever ``EMM_TEST_NEO4J_URI`` says (the store contract)."""
    yield from _store_on(arcadedb_settings)


@pytest.fixture(scope="session")
def neo4j_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """A Neo4j 5 server named by ``EMM_TEST_NEO4J_URI``; skipped without one."""
    settings = _neo4j_settings(tmp_path_factory)
    if settings is None:
        pytest.skip("no Neo4j 5 server: set EMM_TEST_NEO4J_URI (and _USER, _PASSWORD, _DATABASE)")
    yield from _store_on(settings)


@pytest.fixture(scope="session")
def _session_store(db_settings: Settings) -> Iterator[GraphStore]:
    yield from _store_on(db_settings)


@pytest.fixture
def store(_session_store: GraphStore) -> GraphStore:
    """An empty graph (with its schema) for one test."""
    _session_store.clear()
    return _session_store


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "out"
