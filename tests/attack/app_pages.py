"""Driving every app page as a logged-in user, the way a person does (``streamlit.testing``).

Login goes through the login page (user name, password, purpose), never by planting a
principal in the session state. Everything a page shows is collected: every element's
protobuf (titles, captions, markdown, metrics, widget labels and options, JSON, tables as
Arrow bytes) and the value of every table element.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
from cli_helpers import PASSWORD  # noqa: I001
from streamlit.testing.v1 import AppTest

import emm.app

MAIN = Path(emm.app.__file__).parent / "main.py"


def _elements(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _elements(child)


def page_text(at: AppTest) -> str:
    parts: list[str] = []
    for root in (at.main, at.sidebar):
        for el in _elements(root):
            proto = getattr(el, "proto", None)
            if proto is not None:
                parts.append(str(proto))
            try:
                value = el.value
            except Exception:
                value = None
            if isinstance(value, pd.DataFrame):
                parts.append(value.to_csv())
            elif value is not None:
                parts.append(str(value))
            for attr in ("options", "label"):
                parts.append(str(getattr(el, attr, "")))
    parts += [str(e.value) for e in at.exception]
    return "\n".join(parts)


def log_in(user: str, purpose: str = "atk app") -> AppTest:
    at = AppTest.from_file(str(MAIN), default_timeout=180)
    at.run()
    fields = {t.label: t for t in at.text_input}
    fields["User name"].input(user)
    fields["Password"].input(PASSWORD)
    fields["Purpose or case reference"].input(purpose)
    next(b for b in at.button if b.label == "Log in").click()
    at.run()
    return at


PAGES = [
    "home",
    "search",
    "explorer",
    "indicators",
    "same_person",
    "oib",
    "requests",
    "trends",
    "privacy",
]


def goto(at: AppTest, page: str) -> bool:
    """Open ``views/<page>.py`` if the navigation offers it to this user."""
    try:
        at.switch_page(f"views/{page}.py")
    except ValueError:  # not a page of this user's navigation
        return False
    at.run()
    return True


def button(at: AppTest, label: str) -> Any:
    return next((b for b in at.button if b.label == label), None)


def search_and_collect(at: AppTest, queries: list[str], *, field: str, press: str) -> list[str]:
    """Type each query into ``field``, press ``press``, collect the page."""
    out = []
    for q in queries:
        box = next((t for t in at.text_input if t.label.startswith(field)), None)
        if box is None:
            break
        box.input(q)
        b = button(at, press)
        if b is not None:
            b.click()
        at.run()
        out.append(page_text(at).replace(q, "<input>"))
        for explore in [x for x in at.button if x.label == "Explore"][:3]:
            explore.click()
            at.run()
            out.append(page_text(at).replace(q, "<input>"))
            break
    return out
