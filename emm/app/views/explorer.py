"""Network explorer: start from entities, then work on the canvas: click to select, double-click
to expand, right-click for the menu (expand by type/party/legal basis, hide, pin, remove, path
from here, open facts, group), lasso, undo/redo, a timeline that filters the picture, export.

Every read goes through the guarded store with a node cap; when the cap is hit the page says so.
The canvas and the panel below it are one fragment: a click reruns only that part of the page.
The workspace (entities read, marks, positions, undo history) is kept per session.

Long because: a Streamlit page is one script whose parts share its state (the session, the
guarded store, the filter); the logic is in emm.app.workspace, chartdata, layout and the graph
component, and what is left here is the page's layout and its event handling.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from emm.app import chartdata, i18n, services, websession
from emm.app.components.graph import Action, GraphEvent, graph_chart
from emm.app.helpers import (
    csv_bytes,
    describe_filter,
    edge_filter,
    explanation,
    facts_table,
    filter_from_params,
    filter_key,
    network_label,
    node_options,
    path_order,
    path_table,
)
from emm.app.layout import place
from emm.app.safe import md
from emm.app.workspace import Expansion, Workspace
from emm.graph.analysis import communities, key_players
from emm.graph.model import EdgeFilter, Subgraph
from emm.graph.projection import to_networkx
from emm.graph.schema import PARTIES, REL_TYPES
from emm.products import chart_formats, working_sets
from emm.products.oib import timeline

EXPAND_NEW = 40  # at most this many new entities per expanded entity
SAMPLE = 64  # betweenness of the key players from this many sampled sources in larger views
# What a reload (or a second tab) of this web session continues with.
KEPT = ("ex_ws", "ex_ws_key", "ex_seeds", "ex_source", "ex_expanded", *websession.EXPLORER_WIDGETS)
MAX_CAP = 3000
ss = st.session_state
tr = i18n.current()

g = services.require("expand_network")
p = g.principal
st.title(tr("ex.title"))

# ----------------------------------------------------------------------------- where to start


def start(uids: list[str], source: str, hops: int | None = None) -> None:
    ss["ex_seeds"] = list(dict.fromkeys(uids))
    ss["ex_source"] = source
    ss["ex_expanded"] = []
    ss.pop("ex_ws", None)
    ss.pop("ex_selected", None)
    ss.pop("ex_period", None)
    websession.scratch().pop("ex_ws", None)
    if hops is not None:
        ss["ex_hops"] = hops


def load_set(ws_saved: working_sets.WorkingSet) -> None:
    start(
        ws_saved.uids, tr("ex.source_set", name=ws_saved.name), hops=max(1, min(3, ws_saved.hops))
    )
    ss["ex_pin_on_load"] = list(ws_saved.uids)
    flt0 = filter_from_params(ws_saved.filter)
    ss["ex_parties"] = sorted(flt0.parties or PARTIES)
    ss["ex_bases"] = sorted((flt0.legal_bases or p.legal_bases) & p.legal_bases)
    ss["ex_types"] = sorted(flt0.rel_types or [])
    ss["ex_use_dates"] = bool(flt0.date_from or flt0.date_to)
    if flt0.date_from or flt0.date_to:
        ss["ex_dates"] = (
            date.fromisoformat(flt0.date_from or "2000-01-01"),
            date.fromisoformat(flt0.date_to or date.today().isoformat()),
        )


request = ss.pop("explore_request", None)
if request:
    start(request["seeds"], request["source"], int(request.get("hops", 1)))

# Deep links: ?entity=<uid> or ?set=<working set name>, also from another page or a second tab.
LINK_KEYS = ("entity", "set", "hops", "max")


def link_int(link: dict[str, Any], key: str, lo: int, hi: int, default: int) -> int:
    """A number from a deep link, within the slider's bounds (anything else: the default)."""
    try:
        return min(hi, max(lo, int(str(link.get(key)))))
    except ValueError:
        return default


link = ss.pop("explore_deeplink", None) or {
    k: st.query_params.get(k) for k in LINK_KEYS if st.query_params.get(k)
}
if link and link != ss.get("_ex_link"):
    ss["_ex_link"] = link
    if link.get("entity"):
        with services.shown_errors(tr("ex.err_link")):
            found = g.get(str(link["entity"]))
        if found is None:
            st.warning(tr("ex.link_not_found"))
        else:
            start([found.uid], tr("ex.source_link"), hops=link_int(link, "hops", 1, 3, 1))
            if link.get("max"):
                ss["ex_max"] = link_int(link, "max", 10, MAX_CAP, 150) // 10 * 10
            ss["ex_select"] = {"ids": [found.uid], "focus": found.uid, "nonce": 1}
    elif link.get("set"):
        with services.shown_errors(tr("ex.err_sets")):
            saved = g.work.get_set(str(link["set"]))
        if saved is None:
            st.warning(tr("ex.set_not_found"))
        else:
            load_set(saved)
            if link.get("max"):
                ss["ex_max"] = link_int(link, "max", 10, MAX_CAP, 150) // 10 * 10

# A reload or a second tab continues the workspace of this web session.
if "ex_ws" not in ss and "ex_seeds" not in ss:
    kept = websession.scratch().get("ex_ws")
    if isinstance(kept, dict):
        ss.update(kept)

seeds: list[str] = ss.setdefault("ex_seeds", [])
for name, value in {
    "ex_hops": 2,
    "ex_colour": "type",
    "ex_size": "equal",
    "ex_label": "caption",
    "ex_kp": True,
    "ex_max": 150,
    "ex_parties": list(PARTIES),
    "ex_bases": sorted(p.legal_bases),
    "ex_types": [],
    "ex_use_dates": False,
    "ex_dates": (date(2015, 1, 1), date.today()),
}.items():
    ss.setdefault(name, value)


@st.fragment
def start_panel() -> None:
    """Search, working sets and ranked networks: a search reruns only this part of the page."""
    with st.expander(tr("ex.start_from"), expanded=not seeds, icon=":material/play_arrow:"):
        # Only the open tab runs (a rerun on a switch): the working sets are read, and that
        # read audited, when their tab is opened, not on every click on the page.
        t_search, t_set, t_net = st.tabs(
            [tr("ex.tab_search"), tr("ex.tab_set"), tr("ex.tab_network")],
            key="ex_start_tabs",
            on_change="rerun",
        )
        with t_search:
            with st.form("ex_find", border=False):
                q = st.text_input(tr("ex.query"), key="ex_query")
                find = st.form_submit_button(tr("ex.find"), icon=":material/search:")
            if find:
                if len(q.strip()) < 2:
                    st.warning(tr("ex.query_short"))
                else:
                    with services.shown_errors(tr("ex.err_search")):
                        ss["ex_found"] = {
                            e.uid: f"{tr.type(e.label)}: {e.caption} ({', '.join(e.parties)})"
                            for e in g.find(q.strip())
                        }
                    # the first result is picked; the analyst may add or drop others
                    ss["ex_found_pick"] = list(ss["ex_found"])[:1]
                    if not ss["ex_found"]:
                        st.warning(tr("ex.nothing_found"))
            # The picker is there before the first search too (empty and disabled): results
            # appearing must not push the canvas below down while the analyst aims at it.
            found_map: dict[str, str] = ss.get("ex_found", {})
            chosen = st.multiselect(
                tr("ex.start_entities"),
                list(found_map),
                format_func=found_map.__getitem__,
                key="ex_found_pick",
                disabled=not found_map,
                placeholder=tr("ex.search_first") if not found_map else None,
            )
            if st.button(tr("ex.start_these"), disabled=not chosen, key="ex_start_found"):
                start(chosen, tr("ex.source_search"), hops=2)
                st.rerun()
        if t_set.open is not False:
            with t_set:
                # read again each time: a restriction or erasure shows at once
                with services.shown_errors(tr("ex.err_sets")):
                    sets = g.work.sets()
                if not sets:
                    st.caption(tr("ex.no_sets"))
                else:
                    by_name = {w.name: w for w in sets}
                    name = st.selectbox(
                        tr("ex.your_sets"),
                        list(by_name),
                        format_func=lambda n: tr(
                            "ex.set_option",
                            name=n,
                            case=by_name[n].case_ref,
                            n=len(by_name[n].uids),
                            saved=by_name[n].saved_at[:10],
                        ),
                        key="ex_set_pick",
                    )
                    if st.button(tr("ex.load_set"), key="ex_load_set"):
                        load_set(by_name[name])
                        st.rerun()
        with t_net:
            run = services.latest_run(g)
            if run is None or not run.networks:
                services.run_missing_message()
            else:
                nets = {n["id"]: n for n in run.networks[:100]}
                nid = st.selectbox(
                    tr("ex.network"),
                    list(nets),
                    format_func=lambda i: network_label(nets[i], tr),
                    key="ex_net_pick",
                )
                st.caption(md("; ".join(explanation(nets[nid], tr))))
                if st.button(tr("ex.load_network"), key="ex_load_net"):
                    start(nets[nid]["members"], tr("ex.source_network", id=nid), hops=1)
                    st.rerun()


start_panel()

# ----------------------------------------------------------------------------- view and filter

with st.sidebar:
    st.subheader(tr("ex.view"))
    hops = st.slider(tr("ex.hops"), 1, 3, key="ex_hops")
    max_nodes = st.slider(tr("ex.max"), 10, MAX_CAP, step=10, key="ex_max", help=tr("ex.max_help"))
    label_by = st.selectbox(
        tr("ex.label_by"),
        chartdata.LABEL_BY,
        format_func=lambda k: tr("ex.label_" + k),
        key="ex_label",
    )
    colour_by = st.selectbox(
        tr("ex.colour_by"),
        chartdata.COLOUR_BY,
        format_func=lambda k: tr("ex.colour_" + k),
        key="ex_colour",
    )
    size_by = st.selectbox(
        tr("ex.size_by"),
        chartdata.SIZE_BY,
        format_func=lambda k: tr("ex.size_" + k),
        key="ex_size",
    )
    show_kp = st.toggle(tr("ex.highlight_kp"), key="ex_kp")
    st.subheader(tr("ex.filter"))
    parties = st.multiselect(tr("ex.parties"), list(PARTIES), key="ex_parties")
    bases = st.multiselect(tr("ex.bases"), sorted(p.legal_bases), key="ex_bases")
    types = st.multiselect(
        tr("ex.rel_types"),
        list(REL_TYPES),
        format_func=tr.rel,
        key="ex_types",
        placeholder=tr("ex.all_types"),
    )
    use_dates = st.toggle(tr("ex.use_dates"), key="ex_use_dates")
    window = st.date_input(
        tr("ex.dates"), key="ex_dates", disabled=not use_dates, format="YYYY-MM-DD"
    )

if not seeds:
    st.info(tr("ex.how_to_start"))
    st.stop()
if not parties or not bases:
    st.warning(tr("ex.need_party_basis"))
    st.stop()
date_from = date_to = None
if use_dates:
    if not isinstance(window, tuple) or len(window) != 2:
        st.warning(tr("ex.need_both_days"))
        st.stop()
    date_from, date_to = window
flt = edge_filter(
    parties=parties if set(parties) != set(PARTIES) else None,
    legal_bases=bases,
    rel_types=types,
    date_from=date_from,
    date_to=date_to,
)
ss["ex_filter"] = flt.params()  # the OIB page can make a picture of this view

# ----------------------------------------------------------------------------- reading


def narrowed(base: EdgeFilter, x: Expansion) -> EdgeFilter:
    """The filter of an "expand by" (relationship type, party or legal basis)."""
    if x.kind == "type":
        return base.narrow(EdgeFilter(rel_types=frozenset({x.value})))
    if x.kind == "party":
        return base.narrow(EdgeFilter(parties=frozenset({x.value})))
    if x.kind == "basis":
        return base.narrow(EdgeFilter(legal_bases=frozenset({x.value})))
    return base


def expansion_read(xs: list[Expansion], base: EdgeFilter, cap: int) -> Subgraph:
    out = Subgraph()
    for x in xs:
        sub = g.ego([x.uid], narrowed(base, x), hops=1, max_nodes=cap)
        for e in sub.entities.values():
            out.add(e)
        for link in sub.links.values():
            out.add_link(link)
        out.truncated = out.truncated or sub.truncated
    return out


def workspace() -> Workspace:
    """The session's workspace, read again when the start, hops, cap or filter changed, or
    after a governance change (erasure, restriction, a party's exit: g.generation())."""
    key = json.dumps([seeds, hops, max_nodes, filter_key(flt), g.generation()])
    ws: Workspace | None = ss.get("ex_ws")
    if ws is not None and ss.get("ex_ws_key") == key:
        return ws
    with st.spinner(tr("ex.reading")), services.shown_errors(tr("ex.err_network")):
        fresh = g.ego(seeds, flt, hops=hops, max_nodes=max_nodes)
        if ws is None or ws.seeds != seeds:
            ws = Workspace(seeds, fresh, source=str(ss.get("ex_source", "")))
            for uid in ss.pop("ex_pin_on_load", []):
                if uid in ws.entities:
                    ws.pinned.append(uid)
        else:
            ws.rebuild(fresh)
            if ws.expanded:
                ws.merge(
                    expansion_read(ws.expanded, flt, max_nodes),
                    max_new=EXPAND_NEW * len(ws.expanded),
                )
    ss["ex_ws"] = ws
    ss["ex_ws_key"] = key
    return ws


# ----------------------------------------------------------------------------- actions


def queue(action: str, ids: list[str], arg: Any = None) -> None:
    """Buttons of the panel send the same actions as the canvas."""
    ss.setdefault("ex_pending", []).append(Action(action, tuple(ids), arg))


def on_graph(event: GraphEvent, kind: str) -> None:
    """Called by the chart before the fragment reruns."""
    if kind == "action":
        fresh = event.new_actions(ss.get("ex_ack"))
        if fresh:
            ss.setdefault("ex_pending", []).extend(fresh)
            ss["ex_ack"] = {"inst": event.instance, "n": fresh[-1].n}
    elif kind == "selected":
        ss["ex_multi"] = list(event.selected)
        if event.selected:
            ss["ex_selected"] = event.selected[0]
    elif kind == "moved" and event.moved_n != ss.get("ex_moved_n"):
        ss["ex_moved_n"] = event.moved_n
        ws0: Workspace | None = ss.get("ex_ws")
        if ws0 is not None:
            ws0.move(event.moved)
    elif kind == "period":
        ss["ex_period"] = event.period


def audit_export(ws: Workspace, fmt: str) -> None:
    shown = [u for u in ws.entities if u not in ws.hidden]
    parties = {str(link.props.get("party")) for link in ws.sub.links.values()}
    with services.shown_errors(tr("ex.err_export")):
        g.work.record_chart_export(fmt, shown, parties)


def apply(ws: Workspace, a: Action) -> None:
    """What an action on the canvas or in the panel means for the workspace."""
    ids = ws.present(a.ids)
    if a.type in ("expand", "expand_by") and ids:
        arg = a.arg if isinstance(a.arg, dict) else {}
        kind = str(arg.get("kind", "")) if a.type == "expand_by" else ""
        if kind not in ("", "type", "party", "basis"):
            return
        xs = [Expansion(u, kind, str(arg.get("value", ""))) for u in ids[:25]]
        with st.spinner(tr("ex.expanding")), services.shown_errors(tr("ex.err_network")):
            extra = expansion_read(xs, flt, max_nodes)
        added = ws.merge(extra, max_new=EXPAND_NEW * len(xs), expansion=xs[0])
        for x in xs[1:]:  # one read and one undo step for all of them
            if x not in ws.expanded:
                ws.expanded.append(x)
        ss["ex_msg"] = tr("ex.expanded_n", n=added)
        ss["ex_select"] = {"ids": ids, "focus": ids[0], "nonce": ws.revision}
    elif a.type == "facts" and ids:
        ss["ex_selected"] = ids[0]
        ss["ex_tabs"] = tr("ex.tab_entity")
        ss["ex_select"] = {"ids": ids[:1], "focus": ids[0], "nonce": ws.revision + 1}
    elif a.type == "hide":
        ws.hide(ids)
    elif a.type == "unhide_all":
        ws.unhide_all()
    elif a.type == "pin":
        ws.pin(ids)
    elif a.type == "unpin":
        ws.unpin(ids)
    elif a.type == "remove":
        ws.remove(ids)
    elif a.type == "group":
        ws.group(ids, tr("ex.group_label", n=len(ws.groups) + 1))
    elif a.type == "ungroup" and isinstance(a.arg, str):
        ws.ungroup(a.arg)
    elif a.type == "path" and len(ids) == 2:
        with (
            st.spinner(tr("ex.path_searching")),
            services.shown_errors(tr("ex.err_path")),
        ):
            found = g.shortest_path(ids[0], ids[1], flt)
        if found is None:
            ss["ex_msg"] = tr("ex.no_path")
        else:
            ws.set_path(path_order(found, ids[0], ids[1]), found)
            ss["ex_path_ends"] = (ids[0], ids[1])
            ss["ex_path_sub"] = found
    elif a.type == "clear_path":
        ws.clear_path()
    elif a.type == "start" and ids:
        start(ids[:1], tr("ex.source_entity"))
        st.rerun()
    elif a.type == "undo":
        if not ws.undo():
            ss["ex_msg"] = tr("ex.nothing_to_undo")
    elif a.type == "redo":
        if not ws.redo():
            ss["ex_msg"] = tr("ex.nothing_to_redo")
    elif a.type == "export" and a.arg in ("png", "svg"):
        audit_export(ws, str(a.arg))


def graph_of(ws: Workspace) -> Any:
    """The networkx view of the workspace, made again only when its content changed (a change
    gives the workspace a new subgraph object; marks, moves and selections do not)."""
    kept = ss.get("ex_graph_of")
    if kept is None or kept[0] is not ws.sub:
        kept = (ws.sub, to_networkx(ws.sub))
        ss["ex_graph_of"] = kept
    return kept[1]


def analysis(
    ws: Workspace, G: Any, *, players: bool, comms: bool
) -> tuple[list[Any], list[dict[str, Any]]]:
    """Communities and key players of the view, each once per content of it and only when
    something shows it (sampled when large)."""
    if G.number_of_edges() == 0 or not (players or comms):
        return [], []
    cached = ss.get("ex_analysis")
    if cached is None or cached["sub"] is not ws.sub:
        cached = {"sub": ws.sub}
        ss["ex_analysis"] = cached
    n = G.number_of_nodes()
    if comms and "communities" not in cached:
        with st.spinner(tr("ex.analysing")):
            cached["communities"] = communities(
                G, seed=0, method="leiden" if n > 500 else "louvain"
            )
    if players and "players" not in cached:
        with st.spinner(tr("ex.analysing")):
            cached["players"] = key_players(G, top=10, seed=0, k=SAMPLE if n > 2 * SAMPLE else None)
    return cached.get("communities", []), cached.get("players", [])


# ----------------------------------------------------------------------------- the workspace


@st.fragment
def canvas_and_panel() -> None:
    ws = workspace()
    for pending in ss.pop("ex_pending", []):
        apply(ws, pending)
    ss["ex_seeds"] = ws.seeds
    ss["ex_expanded"] = [x.uid for x in ws.expanded]
    websession.scratch()["ex_ws"] = {k: ss[k] for k in KEPT if k in ss}
    G = graph_of(ws)

    st.caption(
        md(
            tr(
                "ex.from_caption",
                source=ss.get("ex_source") or tr("ex.your_selection"),
                n=len(ws.seeds),
                hops=hops,
                expanded=len(ws.expanded),
                filter=describe_filter(flt, tr),
            )
        )
    )
    message = ss.pop("ex_msg", None)
    if message:
        st.toast(message)
    if G.number_of_edges() == 0:
        st.warning(tr("ex.no_facts"))
        return
    if ws.sub.truncated:
        st.warning(
            tr("ex.truncated", n=G.number_of_nodes(), cap=max_nodes, per=EXPAND_NEW),
            icon=":material/content_cut:",
        )

    comms, players = analysis(ws, G, players=show_kp, comms=colour_by == "community")
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(tr("ex.m_entities"), G.number_of_nodes())
    m2.metric(tr("ex.m_facts"), G.number_of_edges())
    edge_parties = sorted({str(d.get("party")) for *_, d in G.edges(data=True)})
    m3.metric(tr("ex.m_parties"), len(edge_parties))
    m4.metric(tr("ex.m_hidden"), len(ws.hidden))

    ws.positions.update(
        place(
            list(G.nodes),
            [(str(u), str(v)) for u, v in G.edges()],
            ws.positions,
        )
    )
    data = chartdata.chart_data(
        ws,
        G,
        tr,
        colour_by=colour_by,
        size_by=size_by,
        label_by=label_by,
        communities=comms,
        key_players=[r["uid"] for r in players[:5]] if show_kp else [],
        positions=ws.positions,
    )
    graph_chart(
        data["nodes"],
        data["edges"],
        key="ex_graph",
        types=data["types"],
        parties=data["parties"],
        legend=data["legend"],
        groups=data["groups"],
        menu=chartdata.expand_menu(tr, REL_TYPES, parties, bases),
        texts=chartdata.component_texts(tr),
        select=ss.get("ex_select"),
        height=620,
        notice=tr("ex.export_notice"),
        provenance=tr(
            "ex.export_provenance", user=p.user, purpose=p.purpose, when=date.today().isoformat()
        ),
        filename="emm-netwerk",
        status=tr("ex.status", n=G.number_of_nodes(), m=G.number_of_edges()),
        ack=ss.get("ex_ack"),
        on_event=on_graph,
    )
    b1, b2, *exports = st.columns([2, 1, 1.3, 1.1, 1.3, 1.1])
    b1.button(
        tr("graph.undo"), key="ex_undo", disabled=not ws.can_undo, on_click=queue, args=("undo", [])
    )
    b2.button(
        tr("graph.redo"), key="ex_redo", disabled=not ws.can_redo, on_click=queue, args=("redo", [])
    )
    for column, fmt in zip(exports, chart_formats.FORMATS, strict=True):
        _, suffix, mime = chart_formats.FORMATS[fmt]
        column.download_button(
            tr(f"ex.export_{fmt}"),
            # made when clicked (and audited then), served to this session only
            websession.owned_download(export_file(ws, fmt), mime, f"emm-netwerk.{suffix}"),
            file_name=f"emm-netwerk.{suffix}",
            mime=mime,
            key=f"ex_export_{fmt}",
            help=tr("ex.export_help"),
            on_click="ignore",
        )
    panel(ws, G)


def export_file(ws: Workspace, fmt: str) -> Callable[[], bytes]:
    """The chart as a file in ``fmt``, made (and the export audited) only when downloaded."""

    def make() -> bytes:
        header = {
            "exported_by": p.user,
            "purpose": p.purpose,
            "exported_at": date.today().isoformat(),
            "notice": tr("ex.export_notice"),
            "source": tr(
                "ex.export_provenance",
                user=p.user,
                purpose=p.purpose,
                when=date.today().isoformat(),
            ),
        }
        data = chart_formats.FORMATS[fmt][0](chartdata.chart_export(ws, tr, header))
        audit_export(ws, fmt)
        return data

    return make


def on_pick() -> None:
    uid = ss.get("ex_selected")
    if uid:
        ss["ex_select"] = {"ids": [uid], "focus": uid, "nonce": f"pick-{uid}"}


def panel(ws: Workspace, G: Any) -> None:
    options = node_options(G, tr)
    ids = list(options)
    if ss.get("ex_selected") not in options:
        ss["ex_selected"] = next((s for s in ws.seeds if s in options), ids[0])
    for name, fallback in (("ex_pa", ids[0]), ("ex_pb", ids[min(1, len(ids) - 1)])):
        if ss.get(name) not in options:
            ss[name] = fallback
    t_entity, t_path, t_players, t_time, t_save = st.tabs(
        [
            tr("ex.tab_entity"),
            tr("ex.tab_path"),
            tr("ex.tab_players"),
            tr("ex.tab_time"),
            tr("ex.tab_save"),
        ],
        key="ex_tabs",
        on_change="rerun",
    )
    with t_entity:
        entity_tab(ws, G, options)
    # Only the open tab runs (a rerun on a switch): a click on the canvas does not pay for
    # the tabs nobody looks at (their pickers hold every entity of the view).
    if t_path.open is not False:
        with t_path:
            path_tab(ws, options)
    if t_players.open is not False:
        with t_players:
            players_tab(G, *analysis(ws, G, players=True, comms=True))
    if t_time.open is not False:
        with t_time:
            events = timeline(G)
            if not events:
                st.caption(tr("ex.no_events"))
            else:
                st.caption(tr("ex.events_caption"))
                st.dataframe(
                    pd.DataFrame(
                        [
                            {
                                tr("ex.col_date"): str(e.get("date")),
                                tr("ex.col_event"): e.get("what"),
                                tr("ex.col_detail"): e.get("detail"),
                                tr("ex.col_source"): e.get("source_ref") or "",
                            }
                            for e in events
                        ]
                    ),
                    hide_index=True,
                )
    if t_save.open is not False:
        with t_save:
            save_tab(ws, options)


def entity_tab(ws: Workspace, G: Any, options: dict[str, str]) -> None:
    multi = ws.present(ss.get("ex_multi") or [])
    if len(multi) > 1:
        st.caption(tr("ex.n_selected", n=len(multi)))
        c1, c2, c3, _ = st.columns([1, 1, 1, 3])
        c1.button(tr("graph.expand"), key="ex_m_expand", on_click=queue, args=("expand", multi))
        c2.button(tr("graph.group"), key="ex_m_group", on_click=queue, args=("group", multi))
        c3.button(tr("graph.hide"), key="ex_m_hide", on_click=queue, args=("hide", multi))
    uid = st.selectbox(
        tr("ex.entity"),
        list(options),
        format_func=options.__getitem__,
        key="ex_selected",
        on_change=on_pick,
    )
    data = G.nodes[uid]
    st.markdown(
        f"**{md(tr.type(str(data.get('label'))))}: {md(data.get('caption'))}** · "
        f"{md(tr('ex.known_to'))} {md(', '.join(data.get('parties') or []) or '—')}"
    )
    b1, b2, b3, b4, b5 = st.columns(5)
    b1.button(
        tr("graph.expand"),
        icon=":material/open_in_full:",
        key="ex_expand",
        on_click=queue,
        args=("expand", [uid]),
    )
    b2.button(
        tr("graph.start_here"),
        icon=":material/center_focus_strong:",
        key="ex_restart",
        on_click=queue,
        args=("start", [uid]),
    )
    pinned = uid in ws.pinned
    b3.button(
        tr("graph.unpin") if pinned else tr("graph.pin"),
        icon=":material/push_pin:",
        key="ex_pin",
        on_click=queue,
        args=("unpin" if pinned else "pin", [uid]),
    )
    b4.button(
        tr("graph.hide"),
        icon=":material/visibility_off:",
        key="ex_hide",
        on_click=queue,
        args=("hide", [uid]),
        disabled=uid in ws.hidden,
    )
    b5.button(
        tr("graph.remove"),
        icon=":material/delete:",
        key="ex_remove",
        on_click=queue,
        args=("remove", [uid]),
        disabled=uid in ws.seeds,
    )
    left, right = st.columns([1, 2])
    with left:
        with st.container(border=True):
            for label, text in tr.card(data, hidden=("search", "key", "uid", "caption", "label")):
                st.markdown(f"**{md(label)}**: {md(text)}")
        st.caption(tr("ex.link_hint"))
        st.code(f"?entity={uid}", language=None)
    rows = facts_table(G, uid, tr)
    right.caption(tr("ex.facts_caption", n=len(rows)))
    right.dataframe(pd.DataFrame(rows), hide_index=True)
    right.download_button(
        tr("ex.download_facts"),
        csv_bytes(rows),
        file_name="feiten.csv",
        mime="text/csv",
        key="ex_download_facts",
        icon=":material/download:",
    )
    websession.own_files()  # also on a fragment rerun


def find_path() -> None:
    a, b = ss.get("ex_pa"), ss.get("ex_pb")
    if a == b:
        ss["ex_path_same"] = True
    else:
        queue("path", [str(a), str(b)])


def path_tab(ws: Workspace, options: dict[str, str]) -> None:
    c1, c2 = st.columns(2)
    c1.selectbox(tr("ex.path_from"), list(options), format_func=options.__getitem__, key="ex_pa")
    c2.selectbox(tr("ex.path_to"), list(options), format_func=options.__getitem__, key="ex_pb")
    f1, f2, _ = st.columns([1, 1, 4])
    f1.button(tr("ex.find_path"), key="ex_find_path", type="primary", on_click=find_path)
    if ws.path:
        f2.button(tr("ex.clear_path"), key="ex_clear_path", on_click=queue, args=("clear_path", []))
    if ss.pop("ex_path_same", False):
        st.warning(tr("ex.two_different"))
    ends = ss.get("ex_path_ends")
    sub = ss.get("ex_path_sub")
    if ws.path and ends and sub is not None:
        rows = path_table(sub, ends[0], ends[1], tr)
        st.caption(tr("ex.path_steps", n=len(rows)))
        st.dataframe(pd.DataFrame(rows), hide_index=True)


def players_tab(G: Any, comms: list[Any], players: list[dict[str, Any]]) -> None:
    if not players and not comms:
        st.caption(tr("ex.analysis_off"))
        return
    left, right = st.columns(2)
    left.subheader(tr("ex.key_players"))
    left.caption(tr("ex.key_players_caption"))
    if players:
        left.dataframe(
            pd.DataFrame(
                [
                    {
                        tr("ex.col_rank"): r["rank"],
                        tr("ex.col_type"): tr.type(str(r["label"])),
                        tr("ex.col_entity"): r["caption"],
                        tr("ex.col_neighbours"): r["degree"],
                        tr("ex.col_betweenness"): round(r["betweenness"], 3),
                        "pagerank": round(r["pagerank"], 3),
                    }
                    for r in players
                ]
            ),
            hide_index=True,
        )
    right.subheader(tr("ex.communities"))
    right.caption(tr("ex.communities_caption"))
    right.dataframe(
        pd.DataFrame(
            [
                {
                    tr("ex.col_community"): i + 1,
                    tr("ex.col_size"): len(c),
                    tr("ex.col_example"): ", ".join(
                        sorted(str(G.nodes[n].get("caption")) for n in c)[:4]
                    ),
                }
                for i, c in enumerate(comms)
                if len(c) > 1
            ]
        ),
        hide_index=True,
    )


def save_tab(ws: Workspace, options: dict[str, str]) -> None:
    st.caption(tr("ex.save_caption"))
    default = [u for u in ws.pinned if u in options] or [s for s in ws.seeds if s in options]
    uids = st.multiselect(
        tr("ex.set_entities"),
        list(options),
        default=default,
        format_func=options.__getitem__,
        key="ex_save_uids",
    )
    c1, c2 = st.columns(2)
    name = c1.text_input(tr("ex.set_name"), key="ex_save_name")
    case_ref = c2.text_input(tr("ex.case_ref"), value=p.purpose, key="ex_save_case")
    if st.button(tr("ex.save_set"), icon=":material/save:", key="ex_save"):
        if not name.strip() or not uids:
            st.error(tr("ex.save_needs"))
        else:
            with services.shown_errors(tr("ex.err_saving")):
                g.work.save_set(  # audited by the guarded API
                    working_sets.WorkingSet(
                        name=name.strip(),
                        owner=p.user,
                        case_ref=case_ref.strip(),
                        uids=uids,
                        hops=hops,
                        filter=flt.params(),
                    ),
                )
            st.success(tr("ex.saved", name=md(name.strip()), n=len(uids)))
            st.caption(tr("ex.set_link_hint"))
            st.code(f"?set={name.strip()}", language=None)


canvas_and_panel()
