"""Information requests: register, see similar earlier questions with answers, answer."""

from __future__ import annotations

import pytest
from apptools import button, goto, open_app, texts

from emm.products import bi
from emm.products.register import ProductRegister

pytestmark = pytest.mark.db

QUESTION = "Welke adressen in Zwolle worden gebruikt voor huisvesting van arbeidsmigranten?"


def run_click(at, label):
    button(at, label).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def register(question: str, requester: str = "ISZW"):
    at = goto(open_app("analyst"), "requests")
    at.selectbox(key="bi_requester").set_value(requester)
    at.text_area(key="bi_question").input(question)
    at.run()
    return at


def test_register_then_answer_a_request_and_reuse_it_for_a_similar_question(app_env):
    at = run_click(register(QUESTION), "Register request")
    assert any("Registered BI-" in s for s in texts(at, "success"))
    req = next(r for r in bi.all_requests(app_env.store) if r.question == QUESTION)
    assert req.requester == "ISZW" and req.registered_by == "analyst"

    at.selectbox(key="bi_open").set_value(req.request_id)
    at.run()
    at.text_area[-1].input("Drie adressen; zie bijgevoegd overzicht.")
    at = run_click(at, "Answer and disclose to ISZW")
    assert any("Answered" in s for s in texts(at, "success"))
    answered = bi.get(app_env.store, req.request_id)
    assert answered is not None and answered.product_id
    assert ProductRegister(app_env.store).disclosures(answered.product_id)[0].recipient == "ISZW"

    # a similar new question shows the earlier one and its answer before registering
    at = register("Welke adressen in Zwolle gebruikt men voor huisvesting van arbeidsmigranten")
    similar = at.dataframe[0].value
    assert req.request_id in set(similar["request"])
    assert "Drie adressen" in " ".join(similar["answer"])


def test_an_empty_question_is_refused(app_env):
    at = goto(open_app("analyst"), "requests")
    at = run_click(at, "Register request")
    assert any("empty" in e for e in texts(at, "error"))


def test_an_empty_answer_is_refused(app_env):
    bi.register(app_env.store, requester="KMAR", question="Bekend bij wie?", by="t")
    at = goto(open_app("analyst"), "requests")
    label = next(b.label for b in at.button if b.label.startswith("Answer and disclose"))
    at = run_click(at, label)
    assert any("empty" in e for e in texts(at, "error"))
