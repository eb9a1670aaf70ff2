"""Login: user, password and purpose; wrong input; throttling and lockout (audited); the web
session behind a tab (idle limit, logout, ended elsewhere, reload through the cookie)."""

from __future__ import annotations

import time

import pytest
from apptools import PASSWORD, button, open_app, texts

from emm.access import auth
from emm.access.session import audit_log
from emm.app import web

pytestmark = pytest.mark.db


def fill_login(at, name: str, password: str, purpose: str):
    at.text_input(key="login_user").input(name)
    at.text_input(key="login_pw").input(password)
    at.text_input(key="login_purpose").input(purpose)
    at.button[0].click()
    return at.run()


def last_audit(app_env, n: int = 1) -> list[dict]:
    return list(audit_log(app_env.settings).entries())[-n:]


@pytest.fixture(autouse=True)
def fresh_throttle(app_env):
    """Each test starts without earlier failures (the client throttle and the per-user lockout
    are one file each per data dir)."""
    (auth.sessions_dir(app_env.settings) / "lockout.json").unlink(missing_ok=True)
    path = web.web_dir(app_env.settings) / "logins.sqlite"
    web._throttle.cache_clear()
    path.unlink(missing_ok=True)
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    yield


def test_when_not_logged_in_then_only_the_login_form_shows_in_dutch(app_env):
    at = open_app(None, lang="nl").run()
    assert not at.exception
    assert [t.label for t in at.text_input] == [
        "Gebruikersnaam",
        "Wachtwoord",
        "Doel of zaaknummer",
    ]
    assert "principal" not in at.session_state


def test_when_credentials_are_right_then_home_opens_with_a_web_session(app_env):
    at = fill_login(open_app(None).run(), "analyst", PASSWORD, "case 2026/77")
    assert not at.exception
    assert at.session_state["principal"].purpose == "case 2026/77"
    assert at.title[0].value == "EMM Workbench"
    sid = at.session_state["web_sid"]
    live = web.sessions(app_env.settings).get(sid)
    assert live is not None and (live.user, live.purpose) == ("analyst", "case 2026/77")
    last = next(e for e in reversed(last_audit(app_env, 20)) if e["action"] == "login")
    assert (last["user"], last["purpose"]) == ("analyst", "case 2026/77")
    assert last["detail"]["channel"] == "app"  # emm.access.auth.login, as the CLI's


def test_the_language_chosen_before_login_is_kept(app_env):
    at = open_app(None, lang="en").run()
    at = fill_login(at, "analyst", PASSWORD, "case 1")
    assert at.session_state["lang"] == "en"
    assert button(at, "Log out")


def test_when_password_is_wrong_then_a_clear_error_no_session_and_an_audit_entry(app_env):
    at = fill_login(open_app(None).run(), "analyst", "not the password", "case 1")
    assert "Unknown user or wrong password." in texts(at, "error")
    assert "principal" not in at.session_state
    entry = last_audit(app_env)[0]
    assert (entry["action"], entry["user"]) == ("login_failed", "analyst")


def test_an_unknown_user_name_is_audited_without_the_name(app_env):
    fill_login(open_app(None).run(), "correct horse battery staple", "x", "case 1")
    entry = last_audit(app_env)[0]
    assert entry["action"] == "login_failed" and entry["user"].startswith("unknown:")
    assert "horse" not in str(entry)


def test_a_locked_user_is_refused_even_with_the_right_password(app_env):
    """Throttling per user is the CLI's and the app's one lockout (emm.access.lockout): a
    locked name is refused without checking the password, and audited."""
    at = open_app(None).run()
    for _ in range(3):
        at = fill_login(at, "senior", "wrong password!", "case 1")
        assert "Unknown user or wrong password." in texts(at, "error")
    lock = auth.lockout(app_env.settings)
    for _ in range(7):  # on to the lock (10 failures), without sitting out the waits
        lock.failure("senior")
    at = fill_login(at, "senior", PASSWORD, "case 1")
    assert any("Too many failed attempts" in e for e in texts(at, "error"))
    assert "principal" not in at.session_state
    entry = last_audit(app_env)[0]
    assert (entry["action"], entry["detail"]["channel"]) == ("login_refused", "app")
    # another user from the same client is not locked by one user's lockout
    at = fill_login(open_app(None).run(), "analyst", PASSWORD, "case 1")
    assert at.session_state["principal"].user == "analyst"


def test_many_failures_from_one_client_lock_that_client(app_env):
    at = open_app(None).run()
    for i in range(20):
        at = fill_login(at, f"nobody{i}", "wrong", "case 1")
    at = fill_login(at, "analyst", PASSWORD, "case 1")
    assert any("Too many failed attempts" in e for e in texts(at, "error"))


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


def test_when_the_web_session_is_gone_then_the_tab_is_logged_out(app_env):
    at = open_app("analyst").run()
    web.sessions(app_env.settings).invalidate(at.session_state["web_sid"])  # other tab, expiry
    at.run()
    assert "principal" not in at.session_state
    assert any("Log in again" in m for m in texts(at, "info"))


def test_a_principal_without_a_web_session_is_not_logged_in(app_env):
    at = open_app("analyst")
    del at.session_state["web_sid"]
    at.run()
    assert "principal" not in at.session_state


def test_when_logging_out_then_the_state_and_the_web_session_are_gone(app_env):
    at = open_app("analyst").run()
    sid = at.session_state["web_sid"]
    at.session_state["search_results"] = ["something personal"]
    button(at, "Log out").click()
    at.run()
    assert "principal" not in at.session_state
    assert "search_results" not in at.session_state
    assert web.sessions(app_env.settings).get(sid) is None
    assert last_audit(app_env)[0]["action"] == "logout"
