"""Same-person candidates: confirm or reject; the decision is recorded and audited."""

from __future__ import annotations

import pytest
from apptools import goto, open_app, texts

from emm.access.session import audit_log
from emm.graph import judgements

pytestmark = pytest.mark.db


def test_candidates_are_shown_and_a_decision_is_recorded(app_env):
    assert app_env.run.candidates, "the tiny data set has same-person candidates"
    at = goto(open_app("analyst"), "same_person")
    metrics = {m.label: int(m.value) for m in at.metric}
    assert metrics["Candidates"] == len(app_env.run.candidates)
    waiting = metrics["Waiting for a decision"]
    at.text_input[0].input("same BSN and date of birth")
    yes = next(b for b in at.button if b.label == "Same person")
    yes.click()
    at.run()
    assert not at.exception
    assert any("Recorded: confirmed" in s for s in texts(at, "success"))
    assert {m.label: int(m.value) for m in at.metric}["Waiting for a decision"] == waiting - 1
    decided = judgements.all_judgements(app_env.store)
    assert decided[0].decision == "confirmed" and decided[0].by == "analyst"
    assert decided[0].reason == "same BSN and date of birth"
    recent = [e["action"] for e in audit_log(app_env.settings).entries()][-5:]
    assert "review_same_person" in recent  # the page re-reads the list afterwards


def test_reject_is_recorded_too(app_env):
    at = goto(open_app("senior"), "same_person")
    at.text_input[0].input("different dates of birth")
    next(b for b in at.button if b.label == "Different").click()
    at.run()
    assert any("Recorded: rejected" in s for s in texts(at, "success"))


def test_privacy_officer_does_not_review_candidates(app_env):
    at = open_app("privacy")
    at.switch_page("views/same_person.py")
    at.run()
    assert at.title[0].value != "Same-person candidates"
