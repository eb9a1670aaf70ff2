"""Dutch first, checked on the rendered pages: every page, opened in Dutch by each kind of user,
shows no text key that the table lacks and no English UI word (leftovers of the English UI).

The scan reads the texts a reader sees (titles, markdown, captions, messages, labels, options,
help and placeholders of widgets, tab and expander labels, metrics); the graph component's data
and code blocks (deep links) are not UI text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from apptools import goto, open_app

pytestmark = pytest.mark.db
PAGES = ("home", "search", "explorer", "indicators", "same_person", "oib", "requests", "trends")
PAGES += ("privacy",)  # every page of emm/app/main.py

# UI words of the English interface that are no Dutch words (a Dutch text has none of them).
ENGLISH = {
    "the", "and", "with", "your", "you", "not", "search", "save", "load", "download", "find",
    "show", "shows", "entities", "entity", "network", "networks", "facts", "fact", "from", "this",
    "these", "select", "choose", "none", "click", "please", "here", "which", "what", "when",
    "who", "users", "add", "remove", "delete", "create", "created", "request", "requests",
    "people", "person", "party", "parties", "legal", "bases", "relationship", "relationships",
    "working", "sets", "shortest", "path", "key", "players", "communities", "timeline", "expand",
    "hide", "undo", "redo", "reason", "purpose", "logout", "password", "yet", "nothing", "no",
    "yes", "only", "all", "each", "every", "may", "must", "should", "will", "would", "can",
    "cannot", "has", "have", "were", "are", "to", "for", "on", "by", "or", "an", "it", "its",
    "at", "as", "be",
}  # fmt: skip
# Known leftovers, each owned elsewhere: the same-person scorer's reasons are English sentences
# of emm/graph/analysis/same_person.py (a Dutch table for them belongs there).
KNOWN = {"same_person": re.compile(r"^\*\*Score ")}
TEXT_FIELDS = {"label", "body", "help", "placeholder", "options", "text", "title", "caption"}
KEY = re.compile(r"^[a-z_]+\.[a-z_]+$")  # a text key shown as itself: missing from the table
WORD = re.compile(r"[A-Za-z]+")


def _strings(message: Any) -> Iterator[str]:
    for field, value in message.ListFields():
        many = "Repeated" in type(value).__name__ or isinstance(value, list)
        for item in value if many else [value]:
            if hasattr(item, "ListFields"):
                yield from _strings(item)
            elif isinstance(item, str) and field.name in TEXT_FIELDS:
                yield item


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def shown_texts(at: Any) -> list[str]:
    out = []
    for node in _nodes(at._tree):
        kind = getattr(node, "type", "")
        if kind in ("code", "bidi_component", "dataframe", "arrow_data_frame"):
            continue
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            out.extend(_strings(proto))
    return out


def english_words(text: str) -> set[str]:
    # markdown links and code spans carry addresses and codes, not words
    # ... and opaque ids (Person-3dfe...) are no words either
    text = re.sub(
        r"`[^`]*`|\(https?://[^)]*\)|&#\d+;|:material/[a-z_]+:|\b[A-Za-z]+-[0-9a-f]{8,}\b",
        " ",
        text,
    )
    return {w for w in WORD.findall(text) if w.lower() in ENGLISH and not w.isupper()}


@pytest.mark.parametrize("user", ["senior", "privacy", "admin"])
def test_every_page_in_dutch_shows_no_missing_key_and_no_english_word(app_env, user):
    found: dict[str, set[str]] = {}
    for page in PAGES:
        at = open_app(user, lang="nl")
        if page == "explorer":  # with a network on the canvas and its panel
            seeds = app_env.run.networks[0]["members"]
            at.session_state["explore_request"] = {"seeds": seeds, "source": "test", "hops": 1}
        try:
            at = goto(at, page)
        except ValueError:  # not in this role's navigation
            continue
        for text in shown_texts(at):
            if page in KNOWN and KNOWN[page].match(text):
                continue
            bad = english_words(text) | ({text} if KEY.match(text) else set())
            if bad:
                found.setdefault(f"{page}: {text[:90]}", set()).update(bad)
    assert not found, "\n".join(f"{k} -> {sorted(v)}" for k, v in sorted(found.items()))
