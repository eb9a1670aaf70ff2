"""Creating the driver from settings: the one place a ``neo4j.Driver`` is made.

Everything else receives the driver (or a :class:`~emm.graph.store.GraphStore`) as an argument.
``bolt://`` talks to one server; ``neo4j://`` uses cluster routing (reads to secondaries).
"""

from __future__ import annotations

from neo4j import Driver, GraphDatabase

from emm.graph.store import GraphStore
from emm.settings import Settings


def driver_from_settings(settings: Settings) -> Driver:
    return GraphDatabase.driver(
        settings.uri,
        auth=(settings.user, settings.password()),
        max_connection_pool_size=16,
        connection_timeout=10,
    )


def open_store(settings: Settings, *, start_local: bool = True) -> GraphStore:
    """A store on a fresh driver; starts the managed local database first when needed."""
    if start_local and settings.managed_db:
        from emm.graph import local_db

        local_db.start(settings)
    driver = driver_from_settings(settings)
    try:
        # Fail fast with a clear error instead of letting the first query retry for a minute.
        driver.verify_connectivity()
    except Exception:
        driver.close()
        raise
    return GraphStore(driver, settings.neo4j_database)
