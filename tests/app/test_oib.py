"""OIB: pick a network or working set, preview, generate HTML/PDF, register the handover."""

from __future__ import annotations

from pathlib import Path

import pytest
from apptools import button, goto, open_app, texts

from emm.access.session import audit_log
from emm.products.register import ProductRegister

pytestmark = pytest.mark.db


def run_click(at, label):
    button(at, label).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_preview_of_a_ranked_network_shows_the_content_without_registering(app_env):
    before = len(ProductRegister(app_env.store).latest())
    at = run_click(goto(open_app("analyst"), "oib"), "Preview")
    assert any("(preview)" in s.value for s in at.subheader)
    metrics = {m.label: int(m.value) for m in at.metric}
    assert metrics["Entities"] > 0 and metrics["Facts"] > 0
    assert len(ProductRegister(app_env.store).latest()) == before


def test_generate_writes_html_pdf_json_and_offers_downloads(app_env):
    at = run_click(goto(open_app("analyst"), "oib"), "Generate HTML and PDF")
    files = [Path(f) for f in at.session_state["oib_files"]]
    assert sorted(f.suffix for f in files) == [".html", ".json", ".pdf"]
    assert all(f.exists() and f.stat().st_size > 0 for f in files)
    labels = [d.label for d in at.get("download_button")]
    assert {"Download HTML", "Download PDF", "Download JSON"} <= set(labels)
    doc = at.session_state["oib_doc"]
    assert ProductRegister(app_env.store).get(doc.product_id) is not None
    # the analyst may make it but not hand it over
    assert any("senior analysts" in c for c in texts(at, "caption"))


def test_senior_registers_the_handover_to_a_party(app_env):
    at = run_click(goto(open_app("senior"), "oib"), "Generate HTML and PDF")
    product_id = at.session_state["oib_doc"].product_id
    at = run_click(at, "Register handover")
    assert any("handed over to" in s for s in texts(at, "success"))
    product = ProductRegister(app_env.store).get(product_id)
    assert product is not None and product.recipients and product.retention_until
    entry = list(audit_log(app_env.settings).entries())[-1]
    assert entry["action"] == "handover_oib" and entry["detail"]["product_id"] == product_id


def test_without_working_sets_the_page_says_how_to_make_one(app_env):
    at = goto(open_app("senior"), "oib")
    at.radio(key="oib_source").set_value("set")
    at.run()
    assert any("no working sets" in m for m in texts(at, "info"))


def test_an_empty_title_is_refused(app_env):
    at = goto(open_app("analyst"), "oib")
    next(t for t in at.text_input if t.label == "Title").input("  ")
    at.run()
    assert any("title" in e for e in texts(at, "error"))
