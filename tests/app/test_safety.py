"""Data is never rendered as Markdown or HTML: names from a delivery such as
``![x](http://beacon.invalid/b.png)``, ``=HYPERLINK(...)`` and ``<img ...>`` show as text in the
pages this phase converted, and no page uses raw HTML. Issue 11."""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

import pytest
from apptools import goto, open_app

import emm.app
from emm.app.helpers import csv_bytes
from emm.app.safe import WORD_JOINER, cell, md

APP = Path(emm.app.__file__).parent
OWNED = {"main.py", "views/login.py", "views/explorer.py"}
HOSTILE_NAMES = [
    "![x](http://beacon.invalid/b.png)",
    '=HYPERLINK("http://beacon.invalid/x","klik")',
    "<img src=http://beacon.invalid/i.png onerror=alert(1)>",
]
RENDERERS = {
    "markdown",
    "caption",
    "info",
    "warning",
    "error",
    "success",
    "toast",
    "title",
    "header",
    "subheader",
    "write",
}
# Markdown that would be live: a link or image, raw HTML, an autolink, a Streamlit directive.
LIVE = re.compile(r"(?<!\\)\]\(|(?<!\\)<[a-zA-Z/]|(?<![\\/])https?(?<!\\):|(?<!\\):[a-z]+\[")


@pytest.mark.parametrize(
    "text",
    [
        *HOSTILE_NAMES,
        "[klik](javascript:alert(1))",
        ":red[alarm]",
        "$x^2$",
        "# kop",
        "www.x.nl",
        "a@b.nl",
        "`code`",
        "**vet**",
        "line\n\n# two",
        "\\![x](y)",
    ],
)
def test_escaped_markdown_has_nothing_live(text):
    out = md(text)
    assert not LIVE.search(out)
    assert "\n" not in out
    # every ASCII punctuation character is a character reference: the text reads as stored
    assert html.unescape(out).replace(WORD_JOINER, "") == " ".join(text.split())
    assert not re.search(r"[\[\]()<>!:*_`$#@.]", re.sub(r"&#\d+;", "", out))


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+31612345678", "'+31612345678"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=x", "'\t=x"),
        ("Eva", "Eva"),
        (5, 5),
        (None, None),
    ],
)
def test_spreadsheet_cells_are_neutralised(value, safe):
    assert cell(value) == safe


def test_a_facts_csv_carries_no_live_formula():
    text = csv_bytes([{"andere entiteit": HOSTILE_NAMES[1]}]).decode("utf-8-sig")
    assert text.splitlines()[1].startswith("\"'=HYPERLINK")


def _sources() -> dict[str, ast.Module]:
    return {
        str(p.relative_to(APP)): ast.parse(p.read_text(encoding="utf-8")) for p in APP.rglob("*.py")
    }


def test_no_page_uses_raw_html():
    for name, tree in _sources().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword):
                assert node.arg != "unsafe_allow_html", name
            if isinstance(node, ast.Attribute):
                assert node.attr not in ("html", "iframe"), f"{name}:{node.lineno}"


def _unescaped_sites(tree: ast.Module) -> list[int]:
    """Lines where an f-string with a value that is not md(...)/tr(...) reaches a renderer."""

    def safe(expr: ast.expr) -> bool:
        if isinstance(expr, ast.Constant):
            return True
        if isinstance(expr, ast.Call):
            f = expr.func
            name = (
                f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            )
            return name in {"md", "tr", "_tr", "len", "int", "round"} or (
                isinstance(f, ast.Attribute)
                and isinstance(f.value, ast.Name)
                and f.value.id == "tr"
            )
        if isinstance(expr, ast.JoinedStr):
            return all(safe(v.value) for v in expr.values if isinstance(v, ast.FormattedValue))
        return False

    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in RENDERERS
        ):
            for arg in node.args[:1]:
                if isinstance(arg, ast.JoinedStr) and not safe(arg):
                    lines.append(node.lineno)
    return lines


def test_the_converted_pages_escape_every_value_they_render():
    sources = _sources()
    for name in OWNED:
        assert _unescaped_sites(sources[name]) == [], name
        writes = [
            n.lineno
            for n in ast.walk(sources[name])
            if isinstance(n, ast.Attribute) and n.attr == "write"
        ]
        assert writes == [], name  # st.write renders strings as Markdown


# The other pages render values through f-strings; they are converted in phase 2 (issue 15).
# This list may only shrink: a new unescaped site fails the test.
PHASE_2 = {
    "views/home.py",
    "views/search.py",
    "views/indicators.py",
    "views/same_person.py",
    "views/oib.py",
    "views/requests.py",
    "views/trends.py",
    "views/privacy.py",
}


def test_no_new_page_renders_unescaped_values():
    for name, tree in _sources().items():
        if name in OWNED or name in PHASE_2:
            continue
        assert _unescaped_sites(tree) == [], name


@pytest.mark.db
def test_hostile_names_show_as_text_in_the_explorer(app_env):
    at = open_app("analyst")
    goto(at, "explorer")
    at.text_input(key="ex_query").input("beacon")
    next(b for b in at.button if b.label == "Find").click()
    at.run()
    found = at.session_state["ex_found"]
    assert len(found) == 3, found  # the three hostile names (title-cased by ingest)
    at.multiselect(key="ex_found_pick").set_value(list(found))
    next(b for b in at.button if b.label == "Start from these").click()
    at.run()
    assert not at.exception
    rendered = [
        str(e.value)
        for kind in (
            "markdown",
            "caption",
            "info",
            "warning",
            "error",
            "success",
            "title",
            "subheader",
        )
        for e in getattr(at, kind)
    ]
    live = [r for r in rendered if "beacon" in r and LIVE.search(r)]
    assert rendered and not live, live
    captions = [e.caption for e in at.session_state["ex_ws"].entities.values()]
    assert any(md(c) in r for c in captions if "Beacon" in c for r in rendered)


@pytest.mark.db
def test_a_purpose_with_markdown_is_shown_as_text(app_env):
    at = open_app("analyst", purpose="![p](http://beacon.invalid/p.png)").run()
    shown = [str(c.value) for c in at.sidebar.caption]
    assert any(md("![p](http://beacon.invalid/p.png)") in s for s in shown)
    assert not [s for s in shown if LIVE.search(s)]
