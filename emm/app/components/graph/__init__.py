"""An interactive network chart for Streamlit: plain data in, analyst actions out.

A Streamlit custom component (components v2: inline HTML/CSS/JS in the page, no iframe) on
vis-network. It takes nodes and edges as plain dicts and returns what the analyst did: the
selection and the brushed period (state that lasts) and one action per click (a trigger):
expand, expand by relationship type/party/legal basis, hide, pin, remove, path, open facts,
group, undo, redo, export. It knows nothing about the store: the page decides what an action
means and sends the next picture.

Data in (see :func:`graph_chart`)::

    nodes = [{"id": "Person-1", "label": "Eva", "type": "Person", "title": "persoon: Eva",
              "x": 0, "y": 0, "size": 14, "seed": True, "pinned": False, "hidden": False}]
    edges = [{"id": "POL-1/L1", "from": "Person-1", "to": "Phone-1", "label": "belt",
              "party": "POL", "basis": "WPG-10", "registered": "2024-01-02", "date": None}]

Everything from data reaches the page as text (the canvas draws labels; tooltips and menus use
``textContent``), so a name like ``<img src=x>`` or ``![x](http://host/x.png)`` stays a name.
vis-network is served by the app's own web server (:mod:`emm.app.web`, from the copy pyvis
ships); icons are ``data:`` URIs; PNG and SVG exports are made in the browser.

>>> ev = parse_event({"action": {"inst": "x1", "batch": [
...     {"type": "hide", "ids": ["a"], "n": 1}, {"type": "expand", "ids": ["a", 3], "n": 2}]},
...     "selected": ["a", "b"]})
>>> ev.action
Action(type='expand', ids=('a',), arg=None, n=2)
>>> [a.type for a in ev.new_actions({"inst": "x1", "n": 1})], len(ev.new_actions(None))
(['expand'], 2)
>>> parse_event({"action": {"batch": [{"type": "rm -rf", "ids": []}]}}).action is None
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

NAME = "emm.graph"
VIS_URL = "/_emm/assets/vis-network.min.js"
MAX_IDS = 5000  # more ids than this in one event are cut off (the browser is not trusted)

ACTIONS = frozenset(
    {
        "expand",
        "expand_by",
        "facts",
        "hide",
        "unhide_all",
        "pin",
        "unpin",
        "remove",
        "group",
        "ungroup",
        "path",
        "start",
        "undo",
        "redo",
        "export",
    }
)


@dataclass(frozen=True)
class Action:
    type: str
    ids: tuple[str, ...] = ()
    arg: Any = None
    n: int = 0


@dataclass(frozen=True)
class Period:
    field: str  # "registered" or "date"
    start: str  # ISO dates, inclusive
    end: str


@dataclass(frozen=True)
class GraphEvent:
    selected: tuple[str, ...] = ()
    period: Period | None = None
    moved: dict[str, tuple[float, float]] = field(default_factory=dict)
    moved_n: int = 0
    actions: tuple[Action, ...] = ()  # not yet acknowledged, oldest first
    instance: str = ""  # which chart in the browser sent them (a reload makes a new one)

    @property
    def action(self) -> Action | None:
        """The newest action."""
        return self.actions[-1] if self.actions else None

    def new_actions(self, acked: Mapping[str, Any] | None) -> list[Action]:
        """The actions after the acknowledged one (all of them for another chart instance)."""
        last = int(acked["n"]) if acked and acked.get("inst") == self.instance else 0
        return [a for a in self.actions if a.n > last]


def _ids(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        return ()
    return tuple(v for v in value[:MAX_IDS] if isinstance(v, str))


def _arg(value: Any) -> Any:
    """Only small plain values travel as an action's argument."""
    if isinstance(value, str | int | float | bool) or value is None:
        return value if not isinstance(value, str) else value[:200]
    if isinstance(value, dict):
        return {
            str(k)[:50]: _arg(v) for k, v in list(value.items())[:10] if not isinstance(v, dict)
        }
    return None


def parse_event(raw: Mapping[str, Any] | None) -> GraphEvent:
    """Validate what the browser sent (unknown actions and non-string ids are dropped)."""
    raw = raw or {}
    actions: list[Action] = []
    instance = ""
    a = raw.get("action")
    if isinstance(a, dict):
        instance = str(a.get("inst", ""))[:40]
        given = a.get("batch")
        batch: list[Any] = given if isinstance(given, list) else [a]
        for item in batch[:20]:
            if isinstance(item, dict) and item.get("type") in ACTIONS:
                n = item.get("n")
                actions.append(
                    Action(
                        str(item["type"]),
                        _ids(item.get("ids")),
                        _arg(item.get("arg")),
                        n if isinstance(n, int) else 0,
                    )
                )
    period = None
    p = raw.get("period")
    if isinstance(p, dict) and p.get("field") in ("registered", "date"):
        start, end = str(p.get("from", ""))[:10], str(p.get("to", ""))[:10]
        if len(start) == 10 and len(end) == 10:
            period = Period(str(p["field"]), start, end)
    moved: dict[str, tuple[float, float]] = {}
    moved_n = 0
    m = raw.get("moved")
    if isinstance(m, dict) and isinstance(m.get("positions"), dict):
        nonce = m.get("n")
        moved_n = nonce if isinstance(nonce, int) else 0
        for k, v in list(m["positions"].items())[:MAX_IDS]:
            if (
                isinstance(k, str)
                and isinstance(v, list | tuple)
                and len(v) == 2
                and all(isinstance(c, int | float) for c in v)
            ):
                moved[k] = (float(v[0]), float(v[1]))
    return GraphEvent(_ids(raw.get("selected")), period, moved, moved_n, tuple(actions), instance)


@cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def _component() -> Any:
    import streamlit as st

    return st.components.v2.component(
        NAME, html=None, css=_asset("graph.css"), js=_asset("graph.js"), isolate_styles=True
    )


def revision(payload: Mapping[str, Any]) -> str:
    """A digest of what is drawn: the browser redraws only when it changes."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


def graph_chart(
    nodes: Sequence[Mapping[str, Any]],
    edges: Sequence[Mapping[str, Any]],
    *,
    key: str,
    types: Mapping[str, Mapping[str, Any]] | None = None,
    parties: Mapping[str, Mapping[str, Any]] | None = None,
    legend: Sequence[Mapping[str, Any]] = (),
    groups: Sequence[Mapping[str, Any]] = (),
    menu: Mapping[str, Sequence[tuple[str, str]]] | None = None,
    texts: Mapping[str, str] | None = None,
    select: Mapping[str, Any] | None = None,
    height: int = 620,
    icons: bool | None = None,
    cluster_hubs: bool | None = None,
    edge_labels: bool | None = None,
    timeline: bool = True,
    notice: str = "",
    provenance: str = "",
    filename: str = "graph",
    status: str = "",
    ack: Mapping[str, Any] | None = None,
    on_event: Callable[[GraphEvent, str], None] | None = None,
) -> GraphEvent:
    """Draw the chart; returns the current selection, period and the last action.

    Parameters
    ----------
    nodes, edges
        Plain dicts (see the module docstring); ids are opaque strings.
    key
        The Streamlit key; the chart keeps its canvas, positions and clusters under it.
    types, parties
        Style per entity type (``label``, ``color``, ``shape``, ``icon``) and per party
        (``color``, ``dashes``).
    legend
        Rows ``{"kind": "node"|"edge", "label", "color", "icon", "dashes"}``.
    groups
        ``{"id", "label", "members", "collapsed"}``: drawn as one node until opened.
    menu
        The choices of "expand by": ``{"type": [(code, label)], "party": [...], "basis": [...]}``.
    texts
        The component's words (toolbar, menu, timeline), in the user's language.
    select
        ``{"ids": [...], "focus": id, "nonce": n}``: a selection made outside the chart.
    icons, cluster_hubs, edge_labels
        Defaults depend on the size of the view: icons up to 800 entities, hubs clustered
        from 1,500, relationship labels up to 60 facts.
    ack
        ``{"inst", "n"}``: the last action the page has carried out (see
        :meth:`GraphEvent.new_actions`); the chart then stops resending it.
    on_event
        Called (before the page reruns) with the event and what changed: ``"action"``,
        ``"selected"``, ``"moved"`` or ``"period"``.
    """
    import streamlit as st

    n = len(nodes)
    payload: dict[str, Any] = {
        "name": key,
        "vis_url": VIS_URL,
        "nodes": list(nodes),
        "edges": list(edges),
        "types": dict(types or {}),
        "parties": dict(parties or {}),
        "legend": list(legend),
        "groups": list(groups),
        "menu": {k: [list(o) for o in v] for k, v in (menu or {}).items()},
        "texts": dict(texts or {}),
        "select": dict(select) if select else None,
        "height": int(height),
        "icons": n <= 800 if icons is None else icons,
        "cluster_hubs": n >= 1500 if cluster_hubs is None else cluster_hubs,
        "edge_labels": len(edges) <= 60 if edge_labels is None else edge_labels,
        "timeline": timeline,
        "notice": notice,
        "provenance": provenance,
        "filename": filename,
        "status": status,
    }
    payload["rev"] = revision(payload)
    payload["ack"] = dict(ack) if ack else None  # not part of what is drawn

    def callback(kind: str) -> Callable[[], None]:
        def run() -> None:
            if on_event is not None:
                on_event(parse_event(st.session_state.get(key)), kind)

        return run

    result = _component()(
        key=key,
        data=payload,
        default={"selected": [], "period": None, "moved": None},
        height="content",
        on_action_change=callback("action"),
        on_selected_change=callback("selected"),
        on_moved_change=callback("moved"),
        on_period_change=callback("period"),
    )
    return parse_event(dict(result) if result is not None else {})
