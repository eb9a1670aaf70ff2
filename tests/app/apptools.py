"""Helpers of the app tests: open the app as a user, go to a page, read its messages."""

from __future__ import annotations

import html
import time
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

import emm.app
from emm.access.policy import Principal
from emm.app import web
from emm.settings import load

MAIN = Path(emm.app.__file__).parent / "main.py"
PASSWORD = "correct horse battery staple"
USERS = {
    "analyst": ("analyst", "POL"),
    "senior": ("senior_analyst", "POL"),
    "privacy": ("privacy_officer", "POL"),
    "admin": ("administrator", "POL"),
}


def open_app(
    user: str | None = "analyst", *, purpose: str = "case T-1", lang: str = "en"
) -> AppTest:
    """The app, logged in as ``user`` (or not logged in) without running it yet.

    A logged-in tab holds a live web session (as after the login form). The tests read English
    texts unless they ask for Dutch (``lang="nl"``, the app's default).
    """
    at = AppTest.from_file(str(MAIN), default_timeout=120)
    at.session_state["lang"] = lang
    if user is not None:
        role, affiliation = USERS[user]
        at.session_state["principal"] = Principal(user, role, affiliation, purpose)
        at.session_state["last_active"] = time.time()
        _token, s = web.sessions(load()).create(user, purpose=purpose, client="test")
        at.session_state["web_sid"] = s.sid
    return at


def goto(at: AppTest, page: str) -> AppTest:
    """Run the app on ``views/<page>.py`` and check no exception escaped."""
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest, kind: str) -> list[str]:
    """The messages of one element kind (error, warning, info, success, caption, markdown), as
    the reader sees them: data is escaped into character references (emm.app.safe.md), which
    the browser shows as the characters."""
    return [html.unescape(str(e.value)).replace("\u2060", "") for e in getattr(at, kind)]


def button(at: AppTest, label: str) -> Any:
    """The first button with this label."""
    return next(b for b in at.button if b.label == label)
