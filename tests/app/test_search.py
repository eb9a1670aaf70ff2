"""Search: by name or identifier; results show type and parties; open and explore."""

from __future__ import annotations

import pytest
from apptools import button, goto, open_app, texts

from emm.access.session import audit_log

pytestmark = pytest.mark.db


def search(query: str, user: str = "analyst"):
    at = goto(open_app(user), "search")
    at.text_input[0].input(query)
    button(at, "Search").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_name_finds_persons_with_type_and_parties(app_env):
    at = search("Amrani")
    assert any("result(s)" in s.value for s in at.subheader)
    shown = texts(at, "markdown")
    assert "Samira Amrani" in shown and "person" in shown  # the type's label, not the code
    assert any(p in shown for p in ("POL", "KMAR", "ISZW", "IND", "OM", "IND, POL"))
    entry = list(audit_log(app_env.settings).entries())[-1]
    assert entry["action"] == "search" and entry["result_size"] >= 4
    assert "Amrani" not in str(entry)  # the audit trail holds ids, not the query or names


def test_a_phone_in_another_spelling_finds_the_phone(app_env):
    at = search("06-16111806")
    assert "+31616111806" in texts(at, "markdown")


def test_open_shows_the_facts_with_their_provenance(app_env):
    at = search("Amrani")
    next(b for b in at.button if b.label == "Open").click()
    at.run()
    assert not at.exception
    facts = at.dataframe[-1].value
    assert {"relationship", "party", "legal basis", "registered", "source"} <= set(facts.columns)
    assert len(facts) >= 1


def test_explore_opens_the_explorer_from_the_entity(app_env):
    at = search("Amrani")
    next(b for b in at.button if b.label == "Explore").click()
    at.run()
    assert not at.exception
    assert at.title[0].value == "Network explorer"
    assert len(at.session_state["ex_seeds"]) == 1


def test_when_nothing_matches_then_a_warning(app_env):
    at = search("Zzyzx Qwertyuiop")
    assert any("Nothing you may see matches" in w for w in texts(at, "warning"))


def test_when_the_query_is_too_short_then_a_warning(app_env):
    at = search("x")
    assert any("at least two characters" in w for w in texts(at, "warning"))


def test_privacy_officer_may_search_but_not_explore(app_env):
    at = search("Amrani", user="privacy")
    assert not [b for b in at.button if b.label == "Explore"]
    assert [b for b in at.button if b.label == "Open"]
