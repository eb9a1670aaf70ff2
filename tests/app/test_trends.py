"""Trend pictures: build, preview after disclosure control and de-identification (every
replacement listed), export through the gate; a refused export says what and where."""

from __future__ import annotations

import pytest
from apptools import button, goto, open_app, texts

pytestmark = [pytest.mark.db, pytest.mark.slow]  # loads the de-identification engine once

NARRATIVE = "In 2023 nam het aantal signalen toe. Jan de Vries belde vaak met 06-12345678."


def build(user: str = "senior", kind: str = "TIB", title: str = "Arbeidsuitbuiting 2023"):
    at = goto(open_app(user), "trends")
    at.selectbox[0].set_value(kind)
    at.text_input[0].input(title)
    at.text_area[0].input(NARRATIVE)
    button(at, "Build and preview").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def table_with(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_preview_lists_every_replacement_and_protected_tables(app_env):
    at = build()
    replaced = table_with(at, "replaced")
    assert {"Jan de Vries", "06-12345678"} <= set(replaced["replaced"])
    assert set(replaced["field"]) == {"narrative"}
    prepared = at.session_state["trend_prepared"]
    assert "Jan de Vries" not in prepared.narrative and "06-12345678" not in prepared.narrative
    assert at.session_state["trend_text"] == prepared.narrative
    assert prepared.tables and all(t.protected for t in prepared.tables)
    assert any("suppressed" in c for c in texts(at, "caption"))


def test_export_shows_the_gates_verdict(app_env):
    at = build()
    button(at, "Export").click()
    at.run()
    assert not at.exception
    result, blocked = at.session_state.get("trend_result"), at.session_state.get("trend_blocked")
    assert bool(result) != bool(blocked)
    if result:
        assert any("passed the gate" in s for s in texts(at, "success"))
        assert at.get("download_button")
    else:
        assert any("Export refused" in e for e in texts(at, "error"))
        assert {"where", "what"} <= set(table_with(at, "where").columns)


def test_a_name_put_back_into_the_text_is_refused_with_its_place(app_env):
    at = build()
    at.text_area(key="trend_text").input("Zie dossier: 06-12345678 belt Jan de Vries.")
    button(at, "Export").click()
    at.run()
    assert any("Export refused" in e for e in texts(at, "error"))
    problems = table_with(at, "where")
    assert "narrative" in set(problems["where"])
    assert not at.session_state.get("trend_result")


def test_an_analyst_previews_but_cannot_export(app_env):
    at = build(user="analyst", kind="QS")
    assert not [b for b in at.button if b.label == "Export"]
    assert any("senior analysts" in c for c in texts(at, "caption"))


def test_a_picture_without_a_title_is_refused(app_env):
    at = build(title="")
    assert any("title" in e for e in texts(at, "error"))
    assert "trend_prepared" not in at.session_state


def test_the_preview_survives_a_visit_to_another_page(app_env):
    at = build()
    goto(at, "home")
    goto(at, "trends")
    assert at.text_area(key="trend_text").value == at.session_state["trend_prepared"].narrative
    button(at, "Export").click()
    at.run()
    assert not at.exception
