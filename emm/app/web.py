"""The app's web-server side: session cookie routes, the guard on ``/media``, local assets.

Streamlit scripts cannot set cookies, and an ``HttpOnly`` cookie cannot be set from JavaScript;
so logging in takes one extra request. The login page creates a server-side session
(:mod:`emm.access.web_sessions`) and a one-time *ticket* (random, valid 60 seconds, kept in this
process only, together with the session token). A small script on the next page posts the
ticket to ``/_emm/session``; this route redeems it and answers with the cookie
(``HttpOnly; Secure; SameSite=Strict; Path=/``). The token never appears in a URL, a log or a
file. ``/_emm/logout`` ends the cookie's session and deletes the cookie.

``/media/...`` serves the files Streamlit made for a page (downloads such as PDFs, images).
:class:`MediaGuard` lets a request through only when its cookie belongs to a live session that
one of the Streamlit sessions showing the file is bound to; images of a page nobody logged in
on (the login page's icon) are public. After logout or 30 minutes idle the URL answers 403.
Downloads, and refused downloads, are audited.

``/_emm/assets/vis-network.min.js`` serves the vis-network copy that ships inside pyvis: the
graph component loads it from here, never from a CDN.

No Streamlit script code here: the routes run in the web server, the pages call
:func:`bind`, :func:`issue_ticket` and :func:`sessions`.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from functools import cache
from http.cookies import SimpleCookie
from importlib import resources
from pathlib import Path
from typing import Any

from emm.access.throttle import LoginThrottle
from emm.access.web_sessions import WebSessionStore, session_id
from emm.settings import Settings
from emm.settings import load as load_settings

MAIN = str(Path(__file__).resolve().parent / "main.py")
COOKIE = "emm_session"
TICKET_SECONDS = 60.0
SESSION_ROUTE = "/_emm/session"
LOGOUT_ROUTE = "/_emm/logout"
ASSET_ROUTE = "/_emm/assets/{name}"
READY_ROUTE = "/_emm/ready"
ASSETS = {"vis-network.min.js": ("pyvis", "lib/vis-9.1.2/vis-network.min.js")}

Scope = dict[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Any]


# ------------------------------------------------------------------------------ stores


@cache
def _sessions(path: str) -> WebSessionStore:
    return WebSessionStore(Path(path))


@cache
def _throttle(path: str) -> LoginThrottle:
    return LoginThrottle(Path(path))


def web_dir(settings: Settings | None = None) -> Path:
    return (settings or load_settings()).data_dir.resolve() / "web"


def sessions(settings: Settings | None = None) -> WebSessionStore:
    return _sessions(str(web_dir(settings) / "sessions.sqlite"))


def throttle(settings: Settings | None = None) -> LoginThrottle:
    return _throttle(str(web_dir(settings) / "logins.sqlite"))


# ------------------------------------------------------------------------------ tickets


@dataclass(frozen=True)
class _Ticket:
    token: str
    expires: float


class Tickets:
    """One-time tickets that carry a new session's token from the page to the cookie route."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.Lock()
        self._tickets: dict[str, _Ticket] = {}
        self.clock = clock

    def issue(self, token: str) -> str:
        ticket = secrets.token_urlsafe(24)
        with self._lock:
            now = self.clock()
            self._tickets = {k: t for k, t in self._tickets.items() if t.expires > now}
            self._tickets[session_id(ticket)] = _Ticket(token, now + TICKET_SECONDS)
        return ticket

    def redeem(self, ticket: str) -> str | None:
        with self._lock:
            t = self._tickets.pop(session_id(ticket), None)
        return t.token if t is not None and t.expires > self.clock() else None


TICKETS = Tickets()


class Bindings:
    """Which Streamlit session (a browser tab) runs under which web session."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_tab: dict[str, str] = {}

    def bind(self, tab: str, sid: str) -> None:
        with self._lock:
            self._by_tab[tab] = sid

    def unbind(self, tab: str) -> None:
        with self._lock:
            self._by_tab.pop(tab, None)

    def sid(self, tab: str) -> str | None:
        with self._lock:
            return self._by_tab.get(tab)

    def drop_sid(self, sid: str) -> None:
        with self._lock:
            self._by_tab = {k: v for k, v in self._by_tab.items() if v != sid}


BINDINGS = Bindings()


class Files:
    """Which web session a ``/media`` file was made for (kept until logout).

    Streamlit forgets a tab's files at the start of every full rerun and re-adds those the new
    run shows; a download that the browser fetches in that moment must still be served to its
    owner, so the owner is remembered here when the file is made.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._owner: dict[str, str] = {}

    def own(self, file_ids: Iterable[str], sid: str) -> None:
        with self._lock:
            for f in file_ids:
                self._owner[f] = sid

    def owner(self, file_id: str) -> str | None:
        with self._lock:
            return self._owner.get(file_id)

    def drop_sid(self, sid: str) -> None:
        with self._lock:
            self._owner = {f: s for f, s in self._owner.items() if s != sid}


FILES = Files()


class Scratch:
    """Per web session, in this process only: what a reloaded tab continues with (the
    explorer's workspace). Dropped at logout, and swept once its session is idle too long."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._lock = threading.Lock()
        self._data: dict[str, tuple[float, dict[str, Any]]] = {}
        self.clock = clock

    def get(self, sid: str) -> dict[str, Any]:
        with self._lock:
            now = self.clock()
            entry = self._data.get(sid)
            data = entry[1] if entry else {}
            self._data[sid] = (now, data)
            return data

    def drop(self, sid: str) -> None:
        with self._lock:
            self._data.pop(sid, None)

    def sweep(self, idle_limit: float) -> None:
        with self._lock:
            now = self.clock()
            self._data = {k: v for k, v in self._data.items() if now - v[0] <= idle_limit}

    def __len__(self) -> int:
        return len(self._data)


SCRATCH = Scratch()


def issue_ticket(token: str) -> str:
    return TICKETS.issue(token)


# ------------------------------------------------------------------------------ media


@dataclass(frozen=True)
class MediaFile:
    downloadable: bool
    tabs: frozenset[str]  # Streamlit sessions that show the file


def media_file(file_id: str) -> MediaFile | None:
    """What Streamlit knows about a ``/media`` file (None: unknown file or runtime)."""
    try:
        from streamlit.runtime import Runtime
        from streamlit.runtime.media_file_manager import MediaFileKind

        mgr = Runtime.instance().media_file_mgr
        meta = mgr._file_metadata.get(file_id)  # Streamlit 1.67 internals, read only
        if meta is None:
            return None
        tabs = frozenset(
            tab
            for tab, coords in list(mgr._files_by_session_and_coord.items())
            if file_id in coords.values()
        )
        return MediaFile(meta.kind == MediaFileKind.DOWNLOADABLE, tabs)
    except Exception:  # noqa: BLE001 - an unknown runtime: fail closed below
        return None


def forget_media(tab: str) -> None:
    """Drop the files a tab showed (at logout), so their URLs stop working at once."""
    try:
        from streamlit.runtime import Runtime

        mgr = Runtime.instance().media_file_mgr
        mgr.clear_session_refs(tab)
        mgr.remove_orphaned_files()
    except Exception:  # noqa: BLE001 - no runtime (tests): nothing to drop
        return


def own_generated(data: bytes, mimetype: str, filename: str, sid: str) -> None:
    """A file that a deferred download makes (outside any script run, so no tab shows it) is
    the web session's that clicked: Streamlit 1.67 names it by the hash computed here."""
    try:
        from streamlit.runtime.memory_media_file_storage import _calculate_file_id

        FILES.own([_calculate_file_id(data, mimetype, filename)], sid)
    except Exception:  # noqa: BLE001 - another runtime: the guard refuses it (fails closed)
        return


def tab_files(tab: str) -> list[str]:
    """The ids of the files a tab shows now (Streamlit 1.67 internals, read only)."""
    try:
        from streamlit.runtime import Runtime

        mgr = Runtime.instance().media_file_mgr
        return list(mgr._files_by_session_and_coord.get(tab, {}).values())
    except Exception:  # noqa: BLE001 - no runtime (tests)
        return []


def media_allowed(
    file: MediaFile | None,
    live_sid: str | None,
    bindings: Bindings,
    owner: str | None = None,
) -> bool:
    """The rule of :class:`MediaGuard`, separately testable.

    >>> b = Bindings(); b.bind("tab1", "sid1")
    >>> media_allowed(MediaFile(True, frozenset({"tab1"})), "sid1", b)
    True
    >>> media_allowed(MediaFile(True, frozenset({"tab1"})), None, b)
    False
    >>> media_allowed(MediaFile(True, frozenset({"tab1"})), "sid2", b)
    False
    >>> media_allowed(MediaFile(False, frozenset({"anonymous-tab"})), None, b)
    True
    >>> media_allowed(MediaFile(True, frozenset()), "sid1", b, owner="sid1")  # during a rerun
    True
    """
    if file is None:
        return False
    if live_sid is not None and owner == live_sid:
        return True
    if live_sid is not None and any(bindings.sid(t) == live_sid for t in file.tabs):
        return True
    # an image on a page nobody is logged in on (the login page) is public
    return not file.downloadable and any(bindings.sid(t) is None for t in file.tabs)


def _cookie(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers") or ():
        if key == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # noqa: BLE001 - a malformed header holds no session
                return None
            if name in jar:
                return jar[name].value
    return None


async def _respond(send: Callable[[Any], Awaitable[None]], status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain"), (b"cache-control", b"no-store")],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _audit(action: str, user: str, detail: dict[str, Any]) -> None:
    from emm.access.session import audit_log

    audit_log(load_settings()).append(user=user, role="-", action=action, detail=detail)


class MediaGuard:
    """ASGI middleware: ``/media/*`` only for the live session that shows the file."""

    def __init__(self, app: ASGIApp, *, prefix: str = "/media/") -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        path = str(scope.get("path", ""))
        if scope.get("type") != "http" or not path.startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        file_id = path[len(self.prefix) :].split("/")[-1].split(".")[0]
        file = media_file(file_id)
        live = sessions().lookup(_cookie(scope, COOKIE))
        if not media_allowed(file, live.sid if live else None, BINDINGS, FILES.owner(file_id)):
            if file is not None and file.downloadable:
                _audit("download_refused", live.user if live else "-", {"file": file_id})
            await _respond(send, 403, b"Log in to download this file.")
            return
        if file is not None and file.downloadable and live is not None:
            _audit("download", live.user, {"file": file_id})

        async def no_store(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0] != b"cache-control"]
                message = {**message, "headers": [*headers, (b"cache-control", b"no-store")]}
            await send(message)

        await self.app(scope, receive, no_store)


# ------------------------------------------------------------------------------ routes


def _same_origin(request: Any) -> bool:
    origin = request.headers.get("origin")
    host = request.headers.get("host")
    return bool(origin and host) and origin.split("://", 1)[-1] == host


def _set_cookie(response: Any, token: str) -> None:
    response.set_cookie(
        COOKIE, token, httponly=True, secure=True, samesite="strict", path="/", max_age=None
    )


async def session_route(request: Any) -> Any:
    from starlette.responses import Response

    if not _same_origin(request):
        return Response(status_code=403)
    try:
        body = await request.json()
        ticket = str(body.get("ticket", ""))[:100]
    except Exception:  # noqa: BLE001 - a bad body is a refused ticket
        return Response(status_code=400)
    token = TICKETS.redeem(ticket) if ticket else None
    if token is None or sessions().lookup(token) is None:
        return Response(status_code=403)
    response = Response(status_code=204, headers={"cache-control": "no-store"})
    _set_cookie(response, token)
    return response


async def logout_route(request: Any) -> Any:
    from starlette.responses import Response

    if not _same_origin(request):
        return Response(status_code=403)
    live = sessions().lookup(request.cookies.get(COOKIE))
    if live is not None:
        sessions().invalidate(live.sid)
        BINDINGS.drop_sid(live.sid)
        FILES.drop_sid(live.sid)
    response = Response(status_code=204, headers={"cache-control": "no-store"})
    response.delete_cookie(COOKIE, path="/", secure=True, httponly=True, samesite="strict")
    return response


@cache
def asset_bytes(name: str) -> bytes | None:
    where = ASSETS.get(name)
    if where is None:
        return None
    package, path = where
    return resources.files(package).joinpath(path).read_bytes()


async def asset_route(request: Any) -> Any:
    from starlette.responses import Response

    data = asset_bytes(str(request.path_params.get("name", "")))
    if data is None:
        return Response(status_code=404)
    return Response(
        data,
        media_type="application/javascript",
        headers={"cache-control": "public, max-age=86400", "x-content-type-options": "nosniff"},
    )


async def ready_route(_request: Any) -> Any:
    """200 once the start-up warm-up (libraries, de-identification engine) has finished."""
    from starlette.responses import JSONResponse

    from emm.app.warmup import warm

    done = warm()
    return JSONResponse({"warm": done}, status_code=200 if done else 503)


def routes() -> list[Any]:
    from starlette.routing import Route

    return [
        Route(READY_ROUTE, ready_route, methods=["GET"]),
        Route(SESSION_ROUTE, session_route, methods=["POST"]),
        Route(LOGOUT_ROUTE, logout_route, methods=["POST"]),
        Route(ASSET_ROUTE, asset_route, methods=["GET"]),
    ]


def middleware() -> list[Any]:
    from starlette.middleware import Middleware

    return [Middleware(MediaGuard)]
