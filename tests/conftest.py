"""Shared fixtures. Tests that touch the graph run against a real server: a dedicated local
ArcadeDB started for the session on free ports (or the server named by EMM_TEST_NEO4J_URI,
e.g. a Neo4j 5, with EMM_TEST_NEO4J_USER/PASSWORD/DATABASE)."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from emm.graph import local_db
from emm.graph.connect import driver_from_settings
from emm.graph.store import GraphStore
from emm.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"

# Records the text of every Cypher statement sent, for the Neo4j lint (`make test`, docs/it.md).
pytest_plugins = ["cypher_recorder"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def db_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    uri = os.environ.get("EMM_TEST_NEO4J_URI")
    if uri:
        yield Settings(
            data_dir=tmp_path_factory.mktemp("emm-data"),
            neo4j_uri=uri,
            neo4j_user=os.environ.get("EMM_TEST_NEO4J_USER", "neo4j"),
            neo4j_password=os.environ.get("EMM_TEST_NEO4J_PASSWORD", ""),
            neo4j_database=os.environ.get("EMM_TEST_NEO4J_DATABASE", "neo4j"),
        )
        return
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
def _session_store(db_settings: Settings) -> Iterator[GraphStore]:
    driver = driver_from_settings(db_settings)
    store = GraphStore(driver, db_settings.neo4j_database)
    store.ensure_schema()
    yield store
    driver.close()


@pytest.fixture
def store(_session_store: GraphStore) -> GraphStore:
    """An empty graph (with its schema) for one test."""
    _session_store.clear()
    return _session_store


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "out"
