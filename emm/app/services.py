"""What the pages share: settings and the store (a cached resource, one driver per process).

Nothing holding personal data is cached across users here: ``st.cache_resource`` holds only the
driver; query results are fetched per session.
"""

from __future__ import annotations

import streamlit as st

from emm import settings as settings_mod
from emm.graph.connect import open_store
from emm.graph.store import GraphStore
from emm.settings import Settings


@st.cache_resource
def get_settings() -> Settings:
    return settings_mod.load()


@st.cache_resource(show_spinner="Connecting to the graph database...")
def get_store() -> GraphStore:
    return open_store(get_settings(), start_local=False)


def store_or_stop() -> GraphStore:
    """The store, or a clear message and a stopped page when the database is down."""
    from neo4j.exceptions import ServiceUnavailable

    try:
        store = get_store()
        store.driver.verify_connectivity()
        return store
    except (ServiceUnavailable, OSError, RuntimeError) as exc:
        get_store.clear()
        st.error(
            "The graph database cannot be reached "
            f"({type(exc).__name__}). Start it with `emm db start`, or check EMM_NEO4J_URI."
        )
        st.stop()
        raise  # unreachable: st.stop() raises
