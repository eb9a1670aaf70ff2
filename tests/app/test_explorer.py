"""Network explorer: start, draw (offline), cap and say so, filter, expand, inspect provenance,
shortest path, communities and key players, timeline, save and load a working set."""

from __future__ import annotations

import pytest
from apptools import button, goto, open_app, texts

from emm.app.graphview import external_refs
from emm.products import working_sets

pytestmark = pytest.mark.db


def explorer(app_env, seeds=None, hops=1, user="analyst"):
    at = open_app(user)
    if seeds is None:
        seeds = app_env.run.networks[0]["members"]
    at.session_state["explore_request"] = {"seeds": seeds, "source": "test", "hops": hops}
    return goto(at, "explorer")


def picture(at) -> str:
    frames = [e for e in at.main if getattr(e, "type", "") == "iframe"]
    assert len(frames) == 1
    return str(frames[0].proto.srcdoc)


def view(at):
    return at.session_state["ex_view"]["sub"]


def click(at, label):
    button(at, label).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_without_start_entities_the_page_says_how_to_start(app_env):
    at = goto(open_app("analyst"), "explorer")
    assert any("Start from entities" in m for m in texts(at, "info"))


def test_a_network_is_drawn_offline_with_its_entities(app_env):
    at = explorer(app_env)
    html = picture(at)
    assert external_refs(html) == []
    assert "vis.Network" in html and "cdn" not in html.lower().split("</style>")[-1]
    sub = view(at)
    assert sub.entities and not sub.truncated
    some = next(iter(sub.entities))
    assert some in html
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Entities"]) == len(sub.entities)


def test_a_large_neighbourhood_is_capped_and_the_page_says_so(app_env):
    at = explorer(app_env, hops=3)
    at.slider(key="ex_max").set_value(10)
    at.run()
    assert view(at).truncated
    assert len(view(at).entities) <= 10
    assert any("larger than the cap" in w for w in texts(at, "warning"))


def test_party_filter_keeps_only_that_partys_facts(app_env):
    at = explorer(app_env)
    parties = {link.props["party"] for link in view(at).links.values()}
    keep = sorted(parties)[0]
    at.multiselect(key="ex_parties").set_value([keep])
    at.run()
    assert {link.props["party"] for link in view(at).links.values()} == {keep}


def test_when_no_party_is_chosen_then_a_warning_instead_of_a_picture(app_env):
    at = explorer(app_env)
    at.multiselect(key="ex_parties").set_value([])
    at.run()
    assert any("at least one party" in w for w in texts(at, "warning"))
    assert not [e for e in at.main if getattr(e, "type", "") == "iframe"]


def test_a_date_window_in_the_future_leaves_nothing(app_env):
    import datetime as dt

    at = explorer(app_env)
    at.toggle(key="ex_use_dates").set_value(True)
    at.run()
    at.date_input(key="ex_dates").set_value((dt.date(2030, 1, 1), dt.date(2030, 12, 31)))
    at.run()
    assert any("None of the start entities" in w for w in texts(at, "warning"))


def test_selecting_an_entity_shows_each_facts_provenance_and_expand_adds_to_the_view(app_env):
    seed = app_env.run.networks[0]["members"][0]
    at = explorer(app_env, seeds=[seed], hops=1)
    before = set(view(at).entities)
    other = next(u for u in before if u != seed)
    at.selectbox(key="ex_selected").set_value(other)
    at.run()
    facts = next(d.value for d in at.dataframe if "legal basis" in d.value.columns)
    assert {"party", "legal basis", "registered", "source"} <= set(facts.columns)
    assert facts["party"].notna().all() and facts["legal basis"].notna().all()
    click(at, "Expand")
    assert at.session_state["ex_expanded"] == [other]
    assert set(view(at).entities) >= before


def test_shortest_path_between_two_entities_is_listed_step_by_step(app_env):
    members = app_env.run.networks[0]["members"]
    at = explorer(app_env, seeds=members, hops=1)
    a, b = members[0], members[-1]
    at.selectbox(key="ex_pa").set_value(a)
    at.selectbox(key="ex_pb").set_value(b)
    click(at, "Find shortest path")
    assert at.session_state["ex_path"]["a"] == a
    steps = next(d.value for d in at.dataframe if "from" in d.value.columns)
    assert len(steps) >= 1 and steps["party"].notna().all()


def test_shortest_path_needs_two_different_entities(app_env):
    at = explorer(app_env)
    uid = at.selectbox(key="ex_pa").value
    at.selectbox(key="ex_pb").set_value(uid)
    click(at, "Find shortest path")
    assert any("two different" in w for w in texts(at, "warning"))


def test_communities_and_key_players_are_listed(app_env):
    at = explorer(app_env)
    subheaders = [s.value for s in at.subheader]
    assert "Key players" in subheaders and "Communities" in subheaders
    at.radio(key="ex_colour").set_value("community")
    at.run()
    assert "community 1" in picture(at)


def test_pin_and_save_a_working_set_then_load_it(app_env):
    members = app_env.run.networks[0]["members"]
    at = explorer(app_env, seeds=members[:2], hops=1)
    at.multiselect(key="ex_save_uids").set_value(members[:2])
    at.text_input(key="ex_save_name").input("case T-1 core")
    click(at, "Save working set")
    assert any("Saved working set" in s for s in texts(at, "success"))
    saved = working_sets.get(app_env.store, "case T-1 core", "analyst")
    assert saved is not None and saved.owner == "analyst" and saved.uids == members[:2]

    at = goto(open_app("analyst"), "explorer")
    at.selectbox(key="ex_set_pick").set_value("case T-1 core")
    click(at, "Load working set")
    assert at.session_state["ex_seeds"] == members[:2]


def test_saving_without_a_name_is_refused(app_env):
    at = explorer(app_env)
    click(at, "Save working set")
    assert any("needs" in e or "name" in e for e in texts(at, "error"))


def test_start_from_a_search(app_env):
    at = goto(open_app("analyst"), "explorer")
    at.text_input(key="ex_query").input("Amrani")
    click(at, "Find")
    click(at, "Start from these")
    assert len(at.session_state["ex_seeds"]) == 1
    assert view(at).entities


def test_a_role_without_expand_network_does_not_get_the_explorer(app_env):
    at = open_app("privacy")
    at.switch_page("views/explorer.py")
    at.run()
    assert at.title[0].value != "Network explorer"  # not in the navigation: home instead
