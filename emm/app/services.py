"""What the pages share: settings, the store, the logged-in session and clear error messages.

Nothing holding personal data is cached across users: ``st.cache_resource`` holds only the
driver. Query results live in the user's own ``st.session_state`` and go when they log out or
their session expires. Every read of case data goes through a
:class:`~emm.access.guarded.GuardedStore` for the logged-in principal.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import streamlit as st

from emm import settings as settings_mod
from emm.access import aggregates
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


def _tr() -> Any:
    from emm.app.i18n import current

    return current()


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
    """The store, or a clear message and a stopped page when the database is down.

    Connectivity is checked when the driver is made (:func:`emm.graph.connect.open_store`), not
    on every run (a round trip per click); a database that goes away later fails the read,
    which :func:`shown_errors` turns into a clear message, and the driver reconnects itself.
    """
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    try:
        return get_store()
    except (DriverError, Neo4jError, AuthError, OSError, RuntimeError) as exc:
        _open_store.clear()
        st.error(_tr()("svc.db_down", error=type(exc).__name__))
        st.stop()
        raise  # unreachable: st.stop() raises


def warm_deidentification() -> threading.Thread:
    """Load the de-identification engine in the background, once per process, then freeze it
    out of the garbage collector's reach (see :mod:`emm.app.warmup`)."""
    from emm.app.warmup import start_warmup

    return start_warmup(get_settings())


# ------------------------------------------------------------------------------ session


def current_principal() -> Principal | None:
    p = st.session_state.get("principal")
    return p if isinstance(p, Principal) else None


def _keep_across_login() -> dict[str, Any]:
    from emm.app.i18n import SESSION_KEY

    return {k: st.session_state[k] for k in (SESSION_KEY,) if k in st.session_state}


def login(principal: Principal) -> None:
    """A user passed the login form: a fresh session state and a new web session."""
    from emm.app import websession

    keep = _keep_across_login()
    st.session_state.clear()
    st.session_state.update(keep)
    st.session_state["principal"] = principal
    st.session_state["last_active"] = time.time()
    websession.start(principal, get_settings())  # the login itself: emm.access.auth.login


def resume(principal: Principal) -> None:
    """A tab found its live web session through the cookie (reload, second tab)."""
    st.session_state["principal"] = principal
    st.session_state["last_active"] = time.time()


def logout(message: str = "") -> None:
    """End the session: web session, files shown, every query result of this user, cookie."""
    from emm.app import websession

    p = current_principal()
    if p is not None:
        audit_log(get_settings()).append(
            user=p.user,
            role=p.role,
            action="logout",
            purpose=p.purpose,
            detail={"reason": "idle" if message else "user"},
        )
    websession.end(get_settings())
    keep = _keep_across_login()
    st.session_state.clear()  # every query result of this user goes with it
    st.session_state.update(keep)
    websession.after_clear_mark_cookie()
    if message:
        st.session_state[FLASH] = message


def can_any(principal: Principal, actions: Iterable[str]) -> bool:
    return any(principal.can(a) for a in actions)


def action_text(action: str) -> str:
    return load_policy().actions.get(action, action.replace("_", " "))


def session() -> GuardedStore:
    """The guarded store of the logged-in user (pages only run when someone is logged in).

    Kept in the user's own session state (never shared between sessions) for as long as the
    principal, the store and the settings are the same: what it keeps between reads (the
    same-person resolution, the isolated parties) is keyed by the governance marker.
    """
    p = current_principal()
    if p is None:
        st.warning(_tr()("svc.login_first"))
        st.stop()
        raise AssertionError  # unreachable
    store, settings = store_or_stop(), get_settings()
    key = (p, id(store), str(settings.data_dir))
    kept = st.session_state.get("_guarded")
    if kept is not None and kept[0] == key:
        g: GuardedStore = kept[1]
        return g
    g = guarded(store, settings, p, aggregates=aggregates.SHARED)  # counts: one read per scope
    st.session_state["_guarded"] = (key, g)
    return g


def require(action: str) -> GuardedStore:
    """The session, or a clear message when the user's role may not take ``action``."""
    p = current_principal()
    if p is not None and not p.can(action):
        tr = _tr()
        st.error(tr("svc.role_may_not", role=tr.role(p.role), action=action_text(action).lower()))
        st.stop()
    return session()


@contextmanager
def shown_errors(what: str = "") -> Iterator[None]:
    """Turn the packages' expected errors into one clear message and stop the page."""
    from neo4j.exceptions import DriverError, Neo4jError

    from emm.app.safe import md
    from emm.products.register import RegisterError
    from emm.retention.subjects import SubjectError

    tr = _tr()
    prefix = f"{what}: " if what else ""
    try:
        yield
    except AccessDenied as exc:
        st.error(tr("svc.not_allowed", prefix=prefix, reason=md(exc)))
        st.stop()
    except DriverError as exc:
        st.error(tr("svc.db_unreachable", prefix=prefix, error=type(exc).__name__))
        st.stop()
    except Neo4jError as exc:
        st.error(tr("svc.db_error", prefix=prefix, code=md(exc.code)))
        st.stop()
    except (RegisterError, SubjectError, ValueError, KeyError) as exc:
        st.error(f"{md(prefix)}{md(exc)}")
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


def kept_counts(g: GuardedStore, name: str, read: Callable[[], Any], *, ttl: float = 60.0) -> Any:
    """Aggregate counts (no personal data) read through the guarded store, kept in the user's
    own session for ``ttl`` seconds while their scope and the governance marker are the same.

    A whole-graph count costs seconds on a large graph; the home page is the page analysts go
    back to most. The read is audited when it is made; a count shown again from the session is
    not a new read. An erasure, restriction or party exit (a new marker) reads again at once, a
    new delivery shows within ``ttl``.
    """
    key = (g.principal, g.scope(), g.generation())
    kept = st.session_state.setdefault("_counts", {}).get(name)
    now = time.monotonic()
    if kept is not None and kept[0] == key and now - kept[1] < ttl:
        return kept[2]
    value = read()
    st.session_state["_counts"][name] = (key, now, value)
    return value


def entity(g: GuardedStore, uid: str) -> Entity | None:
    """An entity the user may see, read through the guarded store on every run.

    Not cached in the session: an erasure, a restriction or a party's withdrawal must show on
    the next click, and the guarded read (one query) is cheap next to a page run.
    """
    return g.get(uid)


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
    st.info(_tr()("svc.no_run"))


def flash(message: Any) -> None:
    """A message shown once on the next run (after ``st.rerun``)."""
    st.session_state.setdefault("_flash", []).append(message)


def show_flash() -> None:
    for message in st.session_state.pop("_flash", []):
        st.success(message)
