"""Network explorer: start, draw (offline, in Dutch), cap and say so, filter, act on the canvas
(expand, expand by, hide, pin, remove, group, path, undo/redo, export), inspect provenance,
keep positions, save and load a working set, deep links."""

from __future__ import annotations

import json

import pytest
from apptools import button, goto, open_app, texts

from emm.access.session import audit_log
from emm.app.components.graph import Action
from emm.products import working_sets

pytestmark = pytest.mark.db


def explorer(app_env, seeds=None, hops=1, user="analyst", lang="en"):
    at = open_app(user, lang=lang)
    if seeds is None:
        seeds = app_env.run.networks[0]["members"]
    at.session_state["explore_request"] = {"seeds": seeds, "source": "test", "hops": hops}
    return goto(at, "explorer")


def chart(at) -> dict:
    """The data the graph component got (what the browser draws)."""
    found = [e for e in at.main if getattr(e, "type", "") == "bidi_component"]
    found = [e for e in found if e.proto.component_name == "emm.graph"]
    assert len(found) == 1
    proto = found[0].proto
    raw = proto.mixed.json if proto.WhichOneof("data") == "mixed" else proto.json
    return json.loads(raw)


def ws(at):
    return at.session_state["ex_ws"]


def run(at):
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at, label):
    button(at, label).click()
    return run(at)


def open_tab(at, key, label):
    """A click on a tab: only the open tab of ``key`` runs (the others wait for their click)."""
    at.session_state[key] = label
    return run(at)


def act(at, kind, ids, arg=None):
    """What a click on the canvas does: the chart's callback queues the action."""
    at.session_state["ex_pending"] = [Action(kind, tuple(ids), arg)]
    return run(at)


def test_without_start_entities_the_page_says_how_to_start(app_env):
    at = goto(open_app("analyst"), "explorer")
    assert any("Start from entities" in m for m in texts(at, "info"))


def test_a_network_is_drawn_with_local_assets_only(app_env):
    at = explorer(app_env)
    data = chart(at)
    assert data["vis_url"].startswith("/_emm/")
    assert all(t["icon"].startswith("data:image/svg+xml,") for t in data["types"].values())
    assert {n["id"] for n in data["nodes"]} == set(ws(at).entities)
    assert all(e["party"] and e["basis"] for e in data["edges"])
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Entities"]) == len(ws(at).entities)


def test_in_dutch_no_code_names_are_shown(app_env):
    at = explorer(app_env, lang="nl")
    assert at.title[0].value == "Netwerkverkenner"
    data = chart(at)
    codes = {e["type"] for e in data["edges"]}
    assert not {e["label"] for e in data["edges"]} & codes  # "woont op", not LIVES_AT
    legend = " ".join(r["label"] for r in data["legend"])
    assert "Person" not in legend and "BankAccount" not in legend
    facts = next(d.value for d in at.dataframe if "grondslag" in d.value.columns)
    assert {"relatie", "partij", "grondslag", "geregistreerd", "bron"} <= set(facts.columns)
    assert not set(facts["relatie"].str.removeprefix("← ")) & codes
    assert data["texts"]["expand"] == "Uitbreiden"


def test_a_large_neighbourhood_is_capped_and_the_page_says_so(app_env):
    at = explorer(app_env, hops=3)
    at.slider(key="ex_max").set_value(10)
    run(at)
    assert ws(at).sub.truncated
    assert len(ws(at).entities) <= 10
    assert any("larger than the cap" in w for w in texts(at, "warning"))


def test_party_filter_keeps_only_that_partys_facts(app_env):
    at = explorer(app_env)
    parties = {link.props["party"] for link in ws(at).sub.links.values()}
    keep = sorted(parties)[0]
    at.multiselect(key="ex_parties").set_value([keep])
    run(at)
    assert {link.props["party"] for link in ws(at).sub.links.values()} == {keep}
    assert {e["party"] for e in chart(at)["edges"]} == {keep}


def test_when_no_party_is_chosen_then_a_warning_instead_of_a_picture(app_env):
    at = explorer(app_env)
    at.multiselect(key="ex_parties").set_value([])
    run(at)
    assert any("at least one party" in w for w in texts(at, "warning"))
    assert not [e for e in at.main if getattr(e, "type", "") == "bidi_component"]


def test_a_date_window_in_the_future_leaves_nothing(app_env):
    import datetime as dt

    at = explorer(app_env)
    at.toggle(key="ex_use_dates").set_value(True)
    run(at)
    at.date_input(key="ex_dates").set_value((dt.date(2030, 1, 1), dt.date(2030, 12, 31)))
    run(at)
    assert any("None of the start entities" in w for w in texts(at, "warning"))


def test_selecting_shows_provenance_and_expand_adds_without_moving_anything(app_env):
    seed = app_env.run.networks[0]["members"][0]
    at = explorer(app_env, seeds=[seed], hops=1)
    before = set(ws(at).entities)
    where = {n["id"]: (n["x"], n["y"]) for n in chart(at)["nodes"]}
    other = next(u for u in before if u != seed)
    at.selectbox(key="ex_selected").set_value(other)
    run(at)
    facts = next(d.value for d in at.dataframe if "legal basis" in d.value.columns)
    assert {"party", "legal basis", "registered", "source"} <= set(facts.columns)
    assert facts["party"].notna().all() and facts["legal basis"].notna().all()
    click(at, "Expand")
    assert [x.uid for x in ws(at).expanded] == [other]
    assert set(ws(at).entities) >= before
    after = {n["id"]: (n["x"], n["y"]) for n in chart(at)["nodes"]}
    assert all(after[u] == where[u] for u in where)  # stable positions


def test_a_start_entity_can_be_expanded_too(app_env):
    seed = app_env.run.networks[0]["members"][0]
    at = explorer(app_env, seeds=[seed], hops=1)
    act(at, "expand", [seed])
    assert [x.uid for x in ws(at).expanded] == [seed]


def test_expand_by_party_reads_only_that_partys_facts(app_env):
    seed = app_env.run.networks[0]["members"][0]
    at = explorer(app_env, seeds=[seed], hops=1)
    known = set(ws(at).sub.links)
    party = sorted({lk.props["party"] for lk in ws(at).sub.links.values()})[0]
    act(at, "expand_by", [seed], {"kind": "party", "value": party})
    new = [lk for ref, lk in ws(at).sub.links.items() if ref not in known]
    assert all(lk.props["party"] == party for lk in new)
    assert ws(at).expanded[-1].kind == "party"


def test_hide_pin_remove_and_undo_redo(app_env):
    members = app_env.run.networks[0]["members"]
    # two hops: one member's direct ties may be too few once earlier tests erased a person
    at = explorer(app_env, seeds=members[:1], hops=2)
    a, b = sorted(u for u in ws(at).entities if u != members[0])[:2]
    act(at, "hide", [a])
    assert next(n for n in chart(at)["nodes"] if n["id"] == a)["hidden"]
    act(at, "pin", [b])
    assert next(n for n in chart(at)["nodes"] if n["id"] == b)["pinned"]
    act(at, "remove", [b])
    assert b not in ws(at).entities
    click(at, "Undo")
    assert b in ws(at).entities and b in ws(at).pinned
    click(at, "Undo")
    assert b not in ws(at).pinned
    click(at, "Redo")
    assert b in ws(at).pinned
    act(at, "remove", [members[0]])  # a start entity stays
    assert members[0] in ws(at).entities


def test_grouping_a_selection(app_env):
    members = app_env.run.networks[0]["members"]
    at = explorer(app_env, seeds=members, hops=1)
    act(at, "group", members[:3])
    groups = chart(at)["groups"]
    assert len(groups) == 1 and groups[0]["members"] == members[:3]
    act(at, "ungroup", [members[0]], groups[0]["id"])
    assert chart(at)["groups"] == []


def test_input_from_the_browser_is_checked(app_env):
    at = explorer(app_env)
    n = len(ws(at).entities)
    act(at, "hide", ["Person-not-in-view", "<script>"])
    act(at, "expand_by", [next(iter(ws(at).entities))], {"kind": "cypher", "value": "x"})
    assert len(ws(at).entities) == n and not ws(at).hidden


def test_shortest_path_between_two_entities_is_listed_and_drawn(app_env):
    members = app_env.run.networks[0]["members"]
    at = explorer(app_env, seeds=members, hops=1)
    a, b = members[0], members[-1]
    open_tab(at, "ex_tabs", "Shortest path")
    at.selectbox(key="ex_pa").set_value(a)
    at.selectbox(key="ex_pb").set_value(b)
    click(at, "Find shortest path")
    assert ws(at).path[0] == a and ws(at).path[-1] == b
    steps = next(d.value for d in at.dataframe if "from" in d.value.columns)
    assert len(steps) >= 1 and steps["party"].notna().all()
    assert any(e.get("color") == "#ff0000" for e in chart(at)["edges"])


def test_path_from_the_canvas_menu(app_env):
    members = app_env.run.networks[0]["members"]
    at = explorer(app_env, seeds=members, hops=1)
    act(at, "path", [members[0], members[-1]])
    assert ws(at).path[0] == members[0]


def test_shortest_path_needs_two_different_entities(app_env):
    at = open_tab(explorer(app_env), "ex_tabs", "Shortest path")
    uid = at.selectbox(key="ex_pa").value
    at.selectbox(key="ex_pb").set_value(uid)
    click(at, "Find shortest path")
    assert any("two different" in w for w in texts(at, "warning"))


def test_colour_by_community_gives_a_community_legend(app_env):
    at = explorer(app_env)
    at.selectbox(key="ex_colour").set_value("community")
    run(at)
    assert any(r["label"].startswith("community 1") for r in chart(at)["legend"])
    assert all("color" in n for n in chart(at)["nodes"])


def test_exporting_the_chart_is_audited(app_env):
    at = explorer(app_env)
    act(at, "export", [], "svg")
    last = list(audit_log(app_env.settings).entries())[-1]
    assert last["action"] == "export_chart" and last["detail"] == {"format": "svg"}
    assert last["result_size"] == len(ws(at).entities)


def test_the_facts_download_neutralises_formulas(app_env):
    at = explorer(app_env)
    dl = next(b for b in at.get("download_button") if "CSV" in b.proto.label)
    assert dl.proto.label == "Download facts (CSV)"


def test_pin_and_save_a_working_set_then_load_it_and_link_to_it(app_env):
    members = app_env.run.networks[0]["members"]
    at = open_tab(explorer(app_env, seeds=members[:2], hops=1), "ex_tabs", "Save working set")
    at.multiselect(key="ex_save_uids").set_value(members[:2])
    at.text_input(key="ex_save_name").input("case T-1 core")
    click(at, "Save working set")
    assert any("Saved working set" in s for s in texts(at, "success"))
    saved = working_sets.get(app_env.store, "case T-1 core", "analyst")
    assert saved is not None and saved.owner == "analyst" and saved.uids == members[:2]

    at = open_tab(goto(open_app("analyst"), "explorer"), "ex_start_tabs", "Working set")
    at.selectbox(key="ex_set_pick").set_value("case T-1 core")
    click(at, "Load working set")
    assert at.session_state["ex_seeds"] == members[:2]
    assert ws(at).pinned == members[:2]

    at = open_app("analyst")
    at.query_params["set"] = "case T-1 core"
    run(at.switch_page("views/home.py"))
    assert at.title[0].value == "Network explorer"
    assert at.session_state["ex_seeds"] == members[:2]


def test_a_deep_link_to_an_entity_opens_the_explorer_there(app_env):
    uid = app_env.run.networks[0]["members"][0]
    at = open_app("analyst")
    at.query_params["entity"] = uid
    run(at)
    assert at.title[0].value == "Network explorer"
    assert at.session_state["ex_seeds"] == [uid]


def test_a_deep_link_to_an_unknown_entity_says_so(app_env):
    at = open_app("analyst")
    at.query_params["entity"] = "Person-does-not-exist"
    run(at)
    assert any("does not exist or you may not see it" in w for w in texts(at, "warning"))


def test_saving_without_a_name_is_refused(app_env):
    at = open_tab(explorer(app_env), "ex_tabs", "Save working set")
    click(at, "Save working set")
    assert any("needs a name" in e for e in texts(at, "error"))


def test_start_from_a_search(app_env):
    at = goto(open_app("analyst"), "explorer")
    at.text_input(key="ex_query").input("Amrani")
    click(at, "Find")
    click(at, "Start from these")
    assert len(at.session_state["ex_seeds"]) == 1
    assert ws(at).entities


def test_a_role_without_expand_network_does_not_get_the_explorer(app_env):
    at = open_app("privacy")
    at.switch_page("views/explorer.py")
    at.run()
    assert at.title[0].value != "Network explorer"  # not in the navigation: home instead
