"""What the pages share: settings, the store, the logged-in session and clear error messages.

Nothing holding personal data is cached across users: ``st.cache_resource`` holds only the
driver. Query results live in the user's own ``st.session_state`` and go when they log out or
their session expires. Every read of case data goes through a
:class:`~emm.access.guarded.GuardedStore` for the logged-in principal.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import streamlit as st

from emm import settings as settings_mod
from emm.access.analysis import AnalysisRun, scope_tag, stamp
from emm.access.guarded import GuardedStore
from emm.access.policy import AccessDenied, Principal, load_policy
from emm.access.session import audit_log, guarded
from emm.graph.connect import open_store
from emm.graph.model import Entity
from emm.graph.store import GraphStore
from emm.settings import Settings

EXPLORER_PAGE = "views/explorer.py"
PRIVACY_ACTIONS = (
    "retention_plan",
    "retention_apply",
    "subject_request",
    "party_exit",
    "audit_verify",
    "breach_report",
)
# Session keys that survive a logout (messages for the login page); everything else is cleared.
FLASH = "flash"


def get_settings() -> Settings:
    """The settings from ``EMM_*`` (cheap; read per run so tests can point the app elsewhere)."""
    return settings_mod.load()


@st.cache_resource(show_spinner="Connecting to the graph database...")
def _open_store(uri: str, user: str, database: str, data_dir: str) -> GraphStore:
    # The arguments only key the cache: one driver per database the process talks to.
    return open_store(get_settings(), start_local=False)


def get_store() -> GraphStore:
    s = get_settings()
    return _open_store(s.uri, s.user, s.neo4j_database, str(s.data_dir.resolve()))


def store_or_stop() -> GraphStore:
    """The store, or a clear message and a stopped page when the database is down."""
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    try:
        store = get_store()
        store.driver.verify_connectivity()
        return store
    except (DriverError, Neo4jError, AuthError, OSError, RuntimeError) as exc:
        _open_store.clear()
        st.error(
            "The graph database cannot be reached "
            f"({type(exc).__name__}). Start it with `emm db start`, or check EMM_NEO4J_URI "
            "and EMM_BOLT_PORT. Nothing was read or changed."
        )
        st.stop()
        raise  # unreachable: st.stop() raises


@st.cache_resource(show_spinner=False)
def warm_deidentification() -> threading.Thread:
    """Load the de-identification engine (half a minute) in the background, once per process,
    so the first trend preview does not wait for it."""

    cache = get_settings().data_dir / "cache"

    def load() -> None:
        try:
            from emm.anonymise import get_engine

            get_engine(cache)
        except Exception:  # noqa: BLE001 - the trend page shows the same error when used
            return

    thread = threading.Thread(target=load, name="warm-deidentification", daemon=True)
    if (cache / "deduce").exists():  # only when its lookup tables are built (minutes otherwise)
        thread.start()
    return thread


# ------------------------------------------------------------------------------ session


def current_principal() -> Principal | None:
    p = st.session_state.get("principal")
    return p if isinstance(p, Principal) else None


def login(principal: Principal) -> None:
    st.session_state.clear()
    st.session_state["principal"] = principal
    st.session_state["last_active"] = time.time()
    audit_log(get_settings()).append(
        user=principal.user, role=principal.role, action="login", purpose=principal.purpose
    )


def logout(message: str = "") -> None:
    p = current_principal()
    if p is not None:
        audit_log(get_settings()).append(
            user=p.user,
            role=p.role,
            action="logout",
            purpose=p.purpose,
            detail={"reason": "idle" if message else "user"},
        )
    st.session_state.clear()  # every query result of this user goes with it
    if message:
        st.session_state[FLASH] = message


def can_any(principal: Principal, actions: Iterable[str]) -> bool:
    return any(principal.can(a) for a in actions)


def action_text(action: str) -> str:
    return load_policy().actions.get(action, action.replace("_", " "))


def session() -> GuardedStore:
    """The guarded store of the logged-in user (pages only run when someone is logged in)."""
    p = current_principal()
    if p is None:
        st.warning("Log in first.")
        st.stop()
        raise AssertionError  # unreachable
    return guarded(store_or_stop(), get_settings(), p)


def require(action: str) -> GuardedStore:
    """The session, or a clear message when the user's role may not take ``action``."""
    p = current_principal()
    if p is not None and not p.can(action):
        st.error(f"Your role ({p.role}) may not: {action_text(action).lower()}")
        st.stop()
    return session()


@contextmanager
def shown_errors(what: str = "") -> Iterator[None]:
    """Turn the packages' expected errors into one clear message and stop the page."""
    from neo4j.exceptions import DriverError, Neo4jError

    from emm.products.register import RegisterError
    from emm.retention.subjects import SubjectError

    prefix = f"{what}: " if what else ""
    try:
        yield
    except AccessDenied as exc:
        st.error(f"{prefix}not allowed ({exc}).")
        st.stop()
    except DriverError as exc:
        st.error(f"{prefix}the graph database cannot be reached ({type(exc).__name__}).")
        st.stop()
    except Neo4jError as exc:
        st.error(f"{prefix}database error {exc.code}.")
        st.stop()
    except (RegisterError, SubjectError, ValueError, KeyError) as exc:
        st.error(f"{prefix}{exc}")
        st.stop()


# ------------------------------------------------------------------------------ shared reads


def latest_run(g: GuardedStore) -> AnalysisRun | None:
    """The newest whole-graph analysis of this user's access scope (re-read when a new run of
    that scope appears)."""
    marker = stamp(get_settings().data_dir, scope_tag(g.scope()))
    cached = st.session_state.get("_run")
    if cached is None or cached[0] != marker:
        cached = (marker, g.analysis.latest())
        st.session_state["_run"] = cached
    run: AnalysisRun | None = cached[1]
    return run


def entity(g: GuardedStore, uid: str) -> Entity | None:
    """An entity the user may see (read once per session through the guarded store)."""
    cache: dict[str, Entity | None] = st.session_state.setdefault("_entities", {})
    if uid not in cache:
        cache[uid] = g.get(uid)
    return cache[uid]


def explore(uids: Iterable[str], *, source: str, hops: int = 1) -> None:
    """Open the network explorer on these entities."""
    st.session_state["explore_request"] = {
        "seeds": list(dict.fromkeys(uids)),
        "source": source,
        "hops": hops,
    }
    st.switch_page(EXPLORER_PAGE)


def products_dir() -> Path:
    return get_settings().data_dir / "products"


def run_missing_message() -> None:
    st.info(
        "No whole-graph analysis is available for your access scope yet. "
        "A senior analyst or administrator runs it with `emm analyse` "
        "(and `emm analyse --for-role analyst` for analysts)."
    )


def flash(message: Any) -> None:
    """A message shown once on the next run (after ``st.rerun``)."""
    st.session_state.setdefault("_flash", []).append(message)


def show_flash() -> None:
    for message in st.session_state.pop("_flash", []):
        st.success(message)
