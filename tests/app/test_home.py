"""Home: counts per party, legal basis and type; the top networks and why; recent activity."""

from __future__ import annotations

import socket

import pytest
from apptools import open_app, texts

pytestmark = pytest.mark.db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_analyst_sees_counts_ranked_networks_and_own_activity(app_env):
    at = open_app("analyst").run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Facts you may read"].replace(",", "")) > 100
    assert [s.value for s in at.subheader][:3] == [
        "Facts per party",
        "Facts per legal basis",
        "Entities per type",
    ]
    top = app_env.run.networks[0]
    assert any(f"#1 · {top['id']}" in m for m in texts(at, "markdown"))
    assert any(top["explanation"][0] in m for m in texts(at, "markdown"))
    assert sum(b.label == "Explore" for b in at.button) == min(5, len(app_env.run.networks))
    # the visit itself is in the audit trail of this user's recent activity
    assert "Your recent activity" in [h.value for h in at.header]


def test_explore_button_opens_the_explorer_on_the_network(app_env):
    at = open_app("analyst").run()
    next(b for b in at.button if b.label == "Explore").click()
    at.run()
    assert not at.exception
    assert at.title[0].value == "Network explorer"
    assert at.session_state["ex_seeds"] == app_env.run.networks[0]["members"]


def test_administrator_reads_no_case_data(app_env):
    at = open_app("admin").run()
    assert not at.exception
    assert any("reads no case data" in m for m in texts(at, "info"))
    assert "Networks that rank highest" not in [h.value for h in at.header]


def test_when_the_database_is_down_then_a_clear_message(app_env, monkeypatch):
    monkeypatch.setenv("EMM_NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    at = open_app("analyst").run()
    assert not at.exception
    assert any("cannot be reached" in e for e in texts(at, "error"))
