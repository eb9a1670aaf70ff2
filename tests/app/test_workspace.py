"""The explorer's workspace (undo/redo, marks, merge with a cap), its layout (stable positions)
and the chart data it becomes; plain Python, hand-made small graphs."""

from __future__ import annotations

import math

import pytest

from emm.app import chartdata
from emm.app.components.graph import parse_event
from emm.app.i18n import Translator
from emm.app.layout import place
from emm.app.workspace import HISTORY, Expansion, Workspace
from emm.graph.model import Entity, Link, Subgraph
from emm.graph.projection import to_networkx


def sub_of(nodes: list[str], edges: list[tuple[str, str, str]]) -> Subgraph:
    s = Subgraph()
    for n in nodes:
        s.add(Entity(n, "Person", {"uid": n, "caption": f"name {n}", "parties": ["POL"]}))
    for ref, a, b in edges:
        s.add_link(
            Link(
                "MET",
                a,
                b,
                {
                    "source_ref": ref,
                    "party": "POL",
                    "legal_basis": "WPG-10",
                    "registered_at": "2024-01-0" + ref[-1],
                    "date": "2023-05-01",
                },
            )
        )
    return s


@pytest.fixture
def ws() -> Workspace:
    return Workspace(["a"], sub_of(["a", "b", "c"], [("r1", "a", "b"), ("r2", "b", "c")]))


def test_every_change_can_be_undone_and_redone_in_order(ws):
    ws.hide(["b"])
    ws.pin(["c"])
    ws.remove(["c"])
    assert "c" not in ws.entities
    assert ws.undo() and "c" in ws.entities and ws.pinned == ["c"]
    assert ws.undo() and ws.pinned == []
    assert ws.undo() and not ws.hidden
    assert not ws.undo()
    assert ws.redo() and ws.hidden == {"b"}
    ws.unhide_all()  # a new change drops what could be redone
    assert not ws.redo()


def test_the_history_is_capped(ws):
    for _ in range(HISTORY + 10):
        ws.hide(["b"])
    steps = 0
    while ws.undo():
        steps += 1
    assert steps == HISTORY


def test_a_start_entity_is_never_removed(ws):
    ws.remove(["a", "b"])
    assert "a" in ws.entities and "b" not in ws.entities


def test_removed_entities_stay_out_of_later_expands(ws):
    ws.remove(["c"])
    ws.merge(sub_of(["b", "c", "d"], [("r2", "b", "c"), ("r3", "b", "d")]), max_new=10)
    assert "c" not in ws.entities and "d" in ws.entities


def test_merge_respects_the_cap_and_says_so(ws):
    extra = sub_of([f"n{i}" for i in range(5)], [(f"x{i}", "a", f"n{i}") for i in range(5)])
    added = ws.merge(extra, max_new=2, expansion=Expansion("a"))
    assert added == 2 and ws.sub.truncated
    assert ws.expanded == [Expansion("a")]
    assert all(
        lk.source in ws.entities and lk.target in ws.entities for lk in ws.sub.links.values()
    )


def test_moving_is_not_a_step_to_undo(ws):
    ws.hide(["b"])
    ws.move({"a": (1.0, 2.0), "zz": (0.0, 0.0)})
    assert ws.positions == {"a": (1.0, 2.0)}
    ws.undo()
    assert ws.positions == {"a": (1.0, 2.0)} and not ws.hidden


def test_an_entity_belongs_to_one_group(ws):
    g1 = ws.group(["a", "b"], "G1")
    g2 = ws.group(["b", "c"], "G2")
    assert g1 is not None and g2 is not None
    assert [g.label for g in ws.groups] == ["G2"]  # G1 kept one member: no longer a group
    assert ws.group(["a"], "alone") is None


def test_input_from_the_browser_is_filtered(ws):
    assert ws.present(["a", "nope", 3, "a"]) == ["a"]  # type: ignore[list-item]


def test_a_path_is_highlighted_in_order_and_cleared(ws):
    ws.set_path(["a", "b", "c"], sub_of(["a", "b", "c"], [("r1", "a", "b"), ("r2", "b", "c")]))
    assert ws.path == ["a", "b", "c"]
    ws.undo()
    assert ws.path == []


# ------------------------------------------------------------------------------ layout


def test_known_positions_never_move_and_new_ones_go_near_their_anchor():
    known = {"a": (0.0, 0.0), "b": (100.0, 0.0)}
    pos = place(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("b", "d")], known)
    assert pos["a"] == known["a"] and pos["b"] == known["b"]
    for n in ("c", "d"):
        assert math.dist(pos[n], pos["b"]) < 200
    assert pos["c"] != pos["d"]


def test_a_whole_layout_spreads_the_entities_out():
    nodes = [str(i) for i in range(30)]
    edges = [(str(i), str((i * 7) % 30)) for i in range(30)]
    pos = place(nodes, edges, {})
    assert len(set(pos.values())) == 30
    assert min(math.dist(pos[a], pos[b]) for a, b in edges if a != b) > 1


def test_unconnected_newcomers_go_to_the_right():
    pos = place(["a", "x", "y"], [("x", "y")], {"a": (0.0, 0.0)})
    assert pos["x"][0] > 0 and pos["y"][0] > 0


# ------------------------------------------------------------------------------ chart data


def test_chart_data_marks_seeds_hidden_pinned_and_the_path(ws):
    ws.hide(["c"])
    ws.pin(["b"])
    ws.set_path(["a", "b"], sub_of(["a", "b"], [("r1", "a", "b")]))
    data = chartdata.chart_data(ws, to_networkx(ws.sub), Translator("nl"))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["a"]["seed"] and nodes["c"]["hidden"] and nodes["b"]["pinned"]
    edges = {e["id"]: e for e in data["edges"]}
    assert edges["r1"]["color"] == "#ff0000" and "color" not in edges["r2"]
    assert edges["r1"]["label"] == "ontmoette" and edges["r1"]["date"] == "2023-05-01"
    assert {r["label"] for r in data["legend"] if r["kind"] == "node"} == {"persoon (3)"}


@pytest.mark.parametrize("colour_by", chartdata.COLOUR_BY)
def test_every_colouring_has_a_legend(ws, colour_by):
    data = chartdata.chart_data(
        ws,
        to_networkx(ws.sub),
        Translator("en"),
        colour_by=colour_by,
        communities=[{"a", "b"}, {"c"}],
    )
    assert [r for r in data["legend"] if r["kind"] == "node"]


@pytest.mark.parametrize(
    ("raw", "selected", "action"),
    [
        ({"selected": ["a", 1, None]}, ("a",), None),
        ({"action": {"type": "hide", "ids": "a"}}, (), ("hide", ())),
        (
            {
                "action": {
                    "type": "expand_by",
                    "ids": ["a"],
                    "arg": {"kind": "party", "value": "POL"},
                }
            },
            (),
            ("expand_by", ("a",)),
        ),
        ({"action": {"type": "__proto__"}}, (), None),
        (None, (), None),
    ],
)
def test_events_from_the_browser_are_validated(raw, selected, action):
    ev = parse_event(raw)
    assert ev.selected == selected
    assert (None if ev.action is None else (ev.action.type, ev.action.ids)) == action


def test_moved_positions_are_numbers_only():
    ev = parse_event({"moved": {"n": 3, "positions": {"a": [1, 2], "b": ["x", 1], "c": [1]}}})
    assert ev.moved == {"a": (1.0, 2.0)} and ev.moved_n == 3
