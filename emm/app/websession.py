"""The page side of web sessions: start one at login, find it again after a reload, end it.

See :mod:`emm.app.web` for the cookie and the routes. A browser tab (a Streamlit session)
holds the id of its web session in ``st.session_state`` and is bound to it, so the ``/media``
guard knows whose files a tab shows. Every run touches the session (the idle clock); a session
that is gone (logout in another tab, 30 minutes idle, account disabled) logs the tab out.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import streamlit as st

from emm.access.policy import Principal
from emm.access.session import audit_log, users
from emm.app import web
from emm.settings import Settings

SID = "web_sid"
_TICKET = "_cookie_ticket"
_CLEAR = "_cookie_clear"

_COOKIE_JS = """
export default function ({ data, parentElement }) {
  if (!data || !data.url) return;
  const done = (window.__emmCookieOps = window.__emmCookieOps || {});
  if (done[data.nonce]) return;
  done[data.nonce] = true;
  fetch(data.url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ticket: data.ticket || "" }),
  }).then((r) => {
    document.documentElement.dataset.emmSession = data.op + ":" + r.status;
  });
}
"""


#: The explorer's widgets: kept when the analyst changes page and when the session reloads.
EXPLORER_WIDGETS = (
    "ex_hops",
    "ex_max",
    "ex_colour",
    "ex_size",
    "ex_label",
    "ex_kp",
    "ex_parties",
    "ex_bases",
    "ex_types",
    "ex_use_dates",
    "ex_dates",
    "ex_selected",
)


def _tab() -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else None


def client() -> str:
    """The client a login comes from, for throttling: its IP address, or "local"."""
    try:
        ip = st.context.ip_address
    except Exception:  # noqa: BLE001 - no browser (tests)
        return "local"
    return ip if isinstance(ip, str) and ip else "local"


def start(principal: Principal, settings: Settings) -> str:
    """A new web session for a user who just logged in (the cookie follows on the next page)."""
    token, s = web.sessions(settings).create(
        principal.user, purpose=principal.purpose, client=client()
    )
    st.session_state[SID] = s.sid
    st.session_state[_TICKET] = (web.issue_ticket(token), time.monotonic())
    tab = _tab()
    if tab:
        web.BINDINGS.bind(tab, s.sid)
    return s.sid


def restore(settings: Settings) -> Principal | None:
    """The principal of the cookie's live session (after a reload or in a second tab)."""
    try:
        token = st.context.cookies.get(web.COOKIE)
    except Exception:  # noqa: BLE001 - no browser (tests)
        token = None
    s = web.sessions(settings).lookup(token)
    if s is None:
        return None
    user = users(settings).get(s.user)
    if user is None:  # disabled or removed since
        web.sessions(settings).invalidate(s.sid)
        return None
    principal = user.principal(s.purpose)
    st.session_state[SID] = s.sid
    tab = _tab()
    if tab:
        web.BINDINGS.bind(tab, s.sid)
    audit_log(settings).append(
        user=principal.user, role=principal.role, action="session_resume", purpose=s.purpose
    )
    return principal


def alive(settings: Settings) -> bool:
    """Touch this tab's web session; False when it no longer lives."""
    sid = st.session_state.get(SID)
    if not isinstance(sid, str):
        return False
    store = web.sessions(settings)
    web.SCRATCH.sweep(store.idle_limit)
    if store.touch(sid) is None:
        return False
    tab = _tab()
    if tab:
        web.BINDINGS.bind(tab, sid)
    return True


def end(settings: Settings) -> None:
    """Logout or expiry: end the web session, unbind the tab, drop its files, clear the cookie."""
    sid = st.session_state.get(SID)
    if isinstance(sid, str):
        web.sessions(settings).invalidate(sid)
        web.BINDINGS.drop_sid(sid)
        web.SCRATCH.drop(sid)
        web.FILES.drop_sid(sid)
    tab = _tab()
    if tab:
        web.BINDINGS.unbind(tab)
        web.forget_media(tab)


def own_files() -> None:
    """Remember that the files this tab shows now are its web session's (see ``web.Files``)."""
    sid = st.session_state.get(SID)
    tab = _tab()
    if isinstance(sid, str) and tab:
        web.FILES.own(web.tab_files(tab), sid)


def owned_download(make: Callable[[], bytes], mimetype: str, filename: str) -> Callable[[], bytes]:
    """A download made when clicked (``st.download_button`` with a callable), whose file the
    guard on ``/media`` then serves to this web session only (see ``web.own_generated``)."""
    sid = st.session_state.get(SID)

    def run() -> bytes:
        data = make()
        if isinstance(sid, str):
            web.own_generated(data, mimetype, filename, sid)
        return data

    return run


def scratch() -> dict[str, Any]:
    """This web session's scratch space (survives a reload; a plain dict without a session)."""
    sid = st.session_state.get(SID)
    if not isinstance(sid, str):
        return {}
    return web.SCRATCH.get(sid)


def after_clear_mark_cookie() -> None:
    """Called after the session state was cleared at logout: delete the cookie on next page."""
    st.session_state[_CLEAR] = time.monotonic()


def sync_cookie() -> None:
    """Render the invisible helper that sets or deletes the cookie, while one is pending."""
    now = time.monotonic()
    pending = st.session_state.get(_TICKET)
    data: dict[str, Any] | None = None
    if pending and now - pending[1] < web.TICKET_SECONDS:
        data = {"url": web.SESSION_ROUTE, "ticket": pending[0], "op": "set", "nonce": pending[0]}
    cleared = st.session_state.get(_CLEAR)
    if cleared and now - cleared < web.TICKET_SECONDS:
        data = {"url": web.LOGOUT_ROUTE, "op": "clear", "nonce": f"clear-{cleared}"}
    if data is None:
        st.session_state.pop(_TICKET, None)
        st.session_state.pop(_CLEAR, None)
        return
    _cookie_component()(key="emm_cookie", data=data, height=0)


_CACHED: list[Any] = []


def _cookie_component() -> Any:
    if not _CACHED:
        _CACHED.append(st.components.v2.component("emm.session_cookie", js=_COOKIE_JS))
    return _CACHED[0]
