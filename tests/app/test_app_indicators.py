"""Indicators: hits per network with evidence, sortable; clear message without an analysis."""

from __future__ import annotations

import pytest
from apptools import goto, open_app, texts

pytestmark = pytest.mark.db


def test_hits_are_listed_per_network_and_in_one_sortable_table(app_env):
    at = goto(open_app("analyst"), "indicators")
    per_network, hits = at.dataframe[0].value, at.dataframe[1].value
    assert {"network", "rank", "hits", "indicators", "evidence facts"} <= set(per_network.columns)
    assert len(hits) == len(app_env.run.hits)
    assert {"network", "indicator", "value", "threshold", "parties", "evidence"} <= set(
        hits.columns
    )
    assert (hits["evidence"] > 0).all()


def test_choosing_a_network_narrows_the_hits(app_env):
    at = goto(open_app("analyst"), "indicators")
    first = at.dataframe[0].value["network"].iloc[0]
    at.selectbox(key="ind_network").set_value(first)
    at.run()
    assert set(at.dataframe[1].value["network"]) == {first}


def test_without_an_analysis_run_the_page_says_how_to_get_one(app_env, tmp_path, monkeypatch):
    empty = tmp_path / "data"
    empty.mkdir()
    monkeypatch.setenv("EMM_DATA_DIR", str(empty))
    at = goto(open_app("analyst"), "indicators")
    assert any("emm analyse" in m for m in texts(at, "info"))
