"""Login: user, password and purpose; wrong input; the 30-minute idle limit; logout."""

from __future__ import annotations

import time

import pytest
from apptools import PASSWORD, button, open_app, texts

from emm.access.session import audit_log

pytestmark = pytest.mark.db


def fill_login(at, name: str, password: str, purpose: str):
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    at.text_input[2].input(purpose)
    at.button[0].click()
    return at.run()


def test_when_not_logged_in_then_only_the_login_form_shows(app_env):
    at = open_app(None).run()
    assert not at.exception
    assert [t.label for t in at.text_input] == [
        "User name",
        "Password",
        "Purpose or case reference",
    ]
    assert "principal" not in at.session_state


def test_when_credentials_are_right_then_home_opens_and_purpose_is_audited(app_env):
    at = fill_login(open_app(None).run(), "analyst", PASSWORD, "case 2026/77")
    assert not at.exception
    assert at.session_state["principal"].purpose == "case 2026/77"
    assert at.title[0].value == "EMM Workbench"
    last = list(audit_log(app_env.settings).entries())[-1]
    assert (last["user"], last["purpose"]) == ("analyst", "case 2026/77")


def test_when_password_is_wrong_then_a_clear_error_and_no_session(app_env):
    at = fill_login(open_app(None).run(), "analyst", "not the password", "case 1")
    assert "Unknown user or wrong password." in texts(at, "error")
    assert "principal" not in at.session_state


def test_when_purpose_is_missing_then_login_is_refused(app_env):
    at = fill_login(open_app(None).run(), "analyst", PASSWORD, "  ")
    assert any("purpose" in e for e in texts(at, "error"))
    assert "principal" not in at.session_state


def test_when_idle_for_more_than_30_minutes_then_logged_out_with_a_message(app_env):
    at = open_app("analyst")
    at.session_state["last_active"] = time.time() - 31 * 60
    at.run()
    assert "principal" not in at.session_state
    assert any("30 minutes" in m for m in texts(at, "info"))


def test_when_logging_out_then_the_session_state_is_cleared(app_env):
    at = open_app("analyst").run()
    at.session_state["search_results"] = ["something personal"]
    button(at, "Log out").click()
    at.run()
    assert "principal" not in at.session_state
    assert "search_results" not in at.session_state
