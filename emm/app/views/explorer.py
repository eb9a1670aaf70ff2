"""Network explorer: start from entities, expand, filter, inspect provenance, find paths, see
communities and key players and a timeline, and pin what matters as a working set for a case.

Every read goes through the guarded store with a node cap; when the cap is hit the page says so
instead of drawing a hairball.
"""

from __future__ import annotations

import json
from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from emm.app import services
from emm.app.graphview import build_network, legend_html, to_html
from emm.app.helpers import (
    describe_filter,
    edge_filter,
    entity_properties,
    fact_rows,
    filter_from_params,
    filter_key,
    merge_capped,
    network_label,
    node_options,
    path_order,
    path_rows,
    timeline_frame_rows,
)
from emm.graph.analysis import communities, key_players
from emm.graph.model import Subgraph
from emm.graph.projection import to_networkx
from emm.graph.schema import PARTIES, REL_TYPES
from emm.products import working_sets
from emm.products.oib import timeline

EXPAND_NEW = 40  # at most this many new entities per expanded entity
ss = st.session_state

g = services.require("expand_network")
p = g.principal
st.title("Network explorer")

# ----------------------------------------------------------------------------- where to start

request = ss.pop("explore_request", None)
if request:
    ss["ex_seeds"] = request["seeds"]
    ss["ex_expanded"] = []
    ss["ex_source"] = request["source"]
    ss["ex_hops"] = int(request.get("hops", 1))
    ss.pop("ex_path", None)
    ss.pop("ex_selected", None)
seeds: list[str] = ss.setdefault("ex_seeds", [])
ss.setdefault("ex_expanded", [])
ss.setdefault("ex_pinned", [])
# Widget defaults live in the session state (pages set them when loading a working set).
for name, value in {
    "ex_hops": 2,
    "ex_colour": "type",
    "ex_kp": True,
    "ex_max": 150,
    "ex_parties": list(PARTIES),
    "ex_bases": sorted(p.legal_bases),
    "ex_types": [],
    "ex_use_dates": False,
    "ex_dates": (date(2015, 1, 1), date.today()),
}.items():
    ss.setdefault(name, value)


def start(uids: list[str], source: str, hops: int | None = None) -> None:
    ss["ex_seeds"] = list(dict.fromkeys(uids))
    ss["ex_expanded"] = []
    ss["ex_source"] = source
    ss.pop("ex_path", None)
    ss.pop("ex_selected", None)
    if hops is not None:
        ss["ex_hops"] = hops


with st.expander("Start from entities", expanded=not seeds, icon=":material/play_arrow:"):
    t_search, t_set, t_net = st.tabs(["Search", "Working set", "Ranked network"])
    with t_search:
        with st.form("ex_find", border=False):
            q = st.text_input("Name or identifier", key="ex_query")
            find = st.form_submit_button("Find", icon=":material/search:")
        if find:
            if len(q.strip()) < 2:
                st.warning("Type at least two characters.")
            else:
                with services.shown_errors("search"):
                    ss["ex_found"] = {
                        e.uid: f"{e.label}: {e.caption} ({', '.join(e.parties)})"
                        for e in g.find(q.strip())
                    }
                if not ss["ex_found"]:
                    st.warning("Nothing you may see matches that.")
        found: dict[str, str] = ss.get("ex_found", {})
        if found:
            chosen = st.multiselect(
                "Start entities",
                list(found),
                format_func=found.__getitem__,
                default=list(found)[:1],
                key="ex_found_pick",
            )
            if st.button("Start from these", disabled=not chosen, key="ex_start_found"):
                start(chosen, "search", hops=2)
                st.rerun()
    with t_set:
        with services.shown_errors("working sets"):
            sets = g.work.sets()
        if not sets:
            st.caption("You have no working sets yet; pin entities below and save them.")
        else:
            by_name = {w.name: w for w in sets}
            name = st.selectbox(
                "Your working sets",
                list(by_name),
                format_func=lambda n: (
                    f"{n} · {by_name[n].case_ref} · {len(by_name[n].uids)} "
                    f"entities · {by_name[n].saved_at[:10]}"
                ),
                key="ex_set_pick",
            )
            if st.button("Load working set", key="ex_load_set"):
                ws = by_name[name]
                start(ws.uids, f"working set {ws.name}", hops=max(1, min(3, ws.hops)))
                ss["ex_pinned"] = list(ws.uids)
                flt0 = filter_from_params(ws.filter)
                ss["ex_parties"] = sorted(flt0.parties or PARTIES)
                ss["ex_bases"] = sorted((flt0.legal_bases or p.legal_bases) & p.legal_bases)
                ss["ex_types"] = sorted(flt0.rel_types or [])
                ss["ex_use_dates"] = bool(flt0.date_from or flt0.date_to)
                if flt0.date_from or flt0.date_to:
                    ss["ex_dates"] = (
                        date.fromisoformat(flt0.date_from or "2000-01-01"),
                        date.fromisoformat(flt0.date_to or date.today().isoformat()),
                    )
                st.rerun()
    with t_net:
        run = services.latest_run(g)
        if run is None or not run.networks:
            services.run_missing_message()
        else:
            nets = {n["id"]: n for n in run.networks[:100]}
            nid = st.selectbox(
                "Network",
                list(nets),
                format_func=lambda i: network_label(nets[i]),
                key="ex_net_pick",
            )
            st.caption("; ".join(nets[nid]["explanation"]))
            if st.button("Load network", key="ex_load_net"):
                start(nets[nid]["members"], f"network {nid}", hops=1)
                st.rerun()

# ----------------------------------------------------------------------------- filters

with st.sidebar:
    st.subheader("View")
    hops = st.slider("Hops from the start entities", 1, 3, key="ex_hops")
    max_nodes = st.slider(
        "At most entities",
        10,
        500,
        step=10,
        key="ex_max",
        help="Larger neighbourhoods are cut off at this number (and you are told).",
    )
    colour_by = st.radio("Colour by", ["type", "community"], horizontal=True, key="ex_colour")
    show_kp = st.toggle("Highlight key players", key="ex_kp")
    st.subheader("Filter facts")
    parties = st.multiselect("Parties", list(PARTIES), key="ex_parties")
    bases = st.multiselect("Legal bases", sorted(p.legal_bases), key="ex_bases")
    types = st.multiselect(
        "Relationship types", list(REL_TYPES), key="ex_types", placeholder="all types"
    )
    use_dates = st.toggle("Only facts registered in a period", key="ex_use_dates")
    window = st.date_input(
        "Registered between", key="ex_dates", disabled=not use_dates, format="YYYY-MM-DD"
    )

if not seeds:
    st.info("Start from entities: search, load one of your working sets, or a ranked network.")
    st.stop()
if not parties or not bases:
    st.warning("Choose at least one party and one legal basis in the filter.")
    st.stop()
date_from = date_to = None
if use_dates:
    if not isinstance(window, tuple) or len(window) != 2:
        st.warning("Choose both the first and the last day of the period.")
        st.stop()
    date_from, date_to = window
flt = edge_filter(
    parties=parties if set(parties) != set(PARTIES) else None,
    legal_bases=bases,
    rel_types=types,
    date_from=date_from,
    date_to=date_to,
)

# ----------------------------------------------------------------------------- read

ss["ex_filter"] = flt.params()  # the OIB page can make a picture of this view

key = json.dumps([seeds, ss["ex_expanded"], hops, max_nodes, filter_key(flt)])
cached = ss.get("ex_view")
if cached is None or cached["key"] != key:
    with st.spinner("Reading the network..."), services.shown_errors("network"):
        fresh = g.ego(seeds, flt, hops=hops, max_nodes=max_nodes)
        for uid in ss["ex_expanded"]:
            if uid in fresh.entities:
                fresh = merge_capped(
                    fresh, g.ego([uid], flt, hops=1, max_nodes=max_nodes), max_new=EXPAND_NEW
                )
    cached = {"key": key, "sub": fresh}
    ss["ex_view"] = cached
    ss.pop("ex_analysis", None)
sub: Subgraph = cached["sub"]
path = ss.get("ex_path")
if path and path["filter"] == filter_key(flt):
    sub = merge_capped(sub, path["sub"], max_new=len(path["sub"].entities))
G = to_networkx(sub)

st.caption(
    f"From {ss.get('ex_source', 'your selection')}: {len(seeds)} start "
    f"entit{'y' if len(seeds) == 1 else 'ies'}, {hops} hop(s), "
    f"{len(ss['ex_expanded'])} expanded · {describe_filter(flt)}"
)
if G.number_of_edges() == 0:
    st.warning(
        "None of the start entities has facts you may read under this filter. "
        "Widen the filter or start elsewhere."
    )
    st.stop()
if sub.truncated:
    st.warning(
        f"The neighbourhood is larger than the cap: only {G.number_of_nodes()} entities are "
        f"shown (cap {max_nodes}, at most {EXPAND_NEW} more per expanded entity). Narrow the "
        "filter, use fewer hops, or expand single entities.",
        icon=":material/content_cut:",
    )

analysis = ss.get("ex_analysis")
if analysis is None or analysis["key"] != (key, G.number_of_nodes()):
    with st.spinner("Finding communities and key players..."):
        comms = communities(G, seed=0) if G.number_of_edges() else []
        players = key_players(G, top=10, seed=0) if G.number_of_edges() else []
    analysis = {"key": (key, G.number_of_nodes()), "communities": comms, "players": players}
    ss["ex_analysis"] = analysis
comms = analysis["communities"]
players = analysis["players"]

m1, m2, m3, m4 = st.columns(4)
m1.metric("Entities", G.number_of_nodes())
m2.metric("Facts", G.number_of_edges())
edge_parties = sorted({str(d.get("party")) for *_, d in G.edges(data=True)})
m3.metric("Parties", len(edge_parties))
m4.metric("Communities", len([c for c in comms if len(c) > 1]))

options = node_options(G)
ids = list(options)
if ss.get("ex_selected") not in options:
    ss["ex_selected"] = next((s for s in seeds if s in options), ids[0])
for name, fallback in (("ex_pa", ids[0]), ("ex_pb", ids[min(1, len(ids) - 1)])):
    if ss.get(name) not in options:
        ss[name] = fallback
selected = ss["ex_selected"]
order = path_order(path["sub"], path["a"], path["b"]) if path and path["sub"] else []
net = build_network(
    G,
    colour_by=colour_by,
    communities=comms,
    key_players=[r["uid"] for r in players[:5]] if show_kp else [],
    path=order,
    selected=selected,
    seeds=seeds if len(seeds) <= 10 else (),
)
st.iframe(to_html(net), height=640)
st.markdown(
    legend_html(
        {str(d.get("label")) for _, d in G.nodes(data=True)},
        edge_parties,
        communities={i: len(c) for i, c in enumerate(comms[:12]) if len(c) > 1}
        if colour_by == "community"
        else None,
    ),
    unsafe_allow_html=True,
)

# ----------------------------------------------------------------------------- details

t_entity, t_path, t_players, t_time, t_save = st.tabs(
    ["Entity", "Shortest path", "Key players & communities", "Timeline", "Save working set"]
)
with t_entity:
    uid = st.selectbox("Entity", ids, format_func=options.__getitem__, key="ex_selected")
    data = G.nodes[uid]
    st.markdown(
        f"**{data.get('label')}: {data.get('caption')}** · known to "
        f"{', '.join(data.get('parties') or []) or '—'}"
    )
    b1, b2, b3, _ = st.columns([1, 1, 1, 3])
    if b1.button(
        "Expand",
        icon=":material/open_in_full:",
        key="ex_expand",
        disabled=uid in ss["ex_expanded"] or uid in seeds,
    ):
        ss["ex_expanded"] = [*ss["ex_expanded"], uid]
        st.rerun()
    if b2.button("Start here", icon=":material/center_focus_strong:", key="ex_restart"):
        start([uid], "an entity in the explorer")
        st.rerun()
    pinned = uid in ss["ex_pinned"]
    if b3.button("Unpin" if pinned else "Pin", icon=":material/push_pin:", key="ex_pin"):
        ss["ex_pinned"] = (
            [u for u in ss["ex_pinned"] if u != uid] if pinned else [*ss["ex_pinned"], uid]
        )
        st.rerun()
    left, right = st.columns([1, 2])
    left.json(entity_properties(data), expanded=True)
    rows = fact_rows(G, uid)
    right.caption(f"{len(rows)} fact(s) in this view, each with who supplied it on which basis")
    right.dataframe(pd.DataFrame(rows), hide_index=True)

with t_path:
    c1, c2 = st.columns(2)
    a = c1.selectbox("From", ids, format_func=options.__getitem__, key="ex_pa")
    b = c2.selectbox("To", ids, format_func=options.__getitem__, key="ex_pb")
    f1, f2, _ = st.columns([1, 1, 4])
    if f1.button("Find shortest path", key="ex_find_path", type="primary"):
        if a == b:
            st.warning("Choose two different entities.")
        else:
            with (
                st.spinner("Searching the graph (up to 8 steps)..."),
                services.shown_errors("path"),
            ):
                found_path = g.shortest_path(a, b, flt)
            if found_path is None:
                ss.pop("ex_path", None)
                st.warning("No path of at most 8 steps under the current filter.")
            else:
                ss["ex_path"] = {"a": a, "b": b, "sub": found_path, "filter": filter_key(flt)}
                st.rerun()
    if path and f2.button("Clear path", key="ex_clear_path"):
        ss.pop("ex_path", None)
        st.rerun()
    if path:
        rows = path_rows(path["sub"], path["a"], path["b"])
        st.caption(f"{len(rows)} step(s), drawn in red in the picture")
        st.dataframe(pd.DataFrame(rows), hide_index=True)

with t_players:
    left, right = st.columns(2)
    left.subheader("Key players")
    left.caption("Ranked by betweenness: who connects the most others.")
    if players:
        left.dataframe(
            pd.DataFrame(
                [
                    {
                        "rank": r["rank"],
                        "type": r["label"],
                        "entity": r["caption"],
                        "neighbours": r["degree"],
                        "betweenness": round(r["betweenness"], 3),
                        "pagerank": round(r["pagerank"], 3),
                    }
                    for r in players
                ]
            ),
            hide_index=True,
        )
    right.subheader("Communities")
    right.caption("Densely connected groups (Louvain); colour the picture by community.")
    right.dataframe(
        pd.DataFrame(
            [
                {
                    "community": i + 1,
                    "size": len(c),
                    "for example": ", ".join(sorted(str(G.nodes[n].get("caption")) for n in c)[:4]),
                }
                for i, c in enumerate(comms)
                if len(c) > 1
            ]
        ),
        hide_index=True,
    )

with t_time:
    events = timeline_frame_rows(timeline(G))
    if not events:
        st.caption("No dated events (signals, investigations, crossings, payments, stays) here.")
    else:
        frame = pd.DataFrame(events)
        points = frame.assign(day=pd.to_datetime(frame["date"], errors="coerce"))
        chart = (
            alt.Chart(points.dropna(subset=["day"]))
            .mark_circle(size=70, opacity=0.7)
            .encode(
                x=alt.X("day:T", title=None, axis=alt.Axis(format="%Y-%m")),
                y=alt.Y("event:N", title=None),
                color=alt.Color("event:N", legend=None),
                tooltip=["date", "event", "detail", "party"],
            )
            .properties(height=50 + 30 * int(frame["event"].nunique()))
        )
        st.altair_chart(chart)
        st.dataframe(frame, hide_index=True)

with t_save:
    st.caption("Pin entities (Entity tab) and save them with the view settings for a case.")
    default = [u for u in ss["ex_pinned"] if u in options] or [s for s in seeds if s in options]
    uids = st.multiselect(
        "Entities in the working set",
        list(options),
        default=default,
        format_func=options.__getitem__,
        key="ex_save_uids",
    )
    c1, c2 = st.columns(2)
    name = c1.text_input("Name", key="ex_save_name")
    case_ref = c2.text_input("Case reference", value=p.purpose, key="ex_save_case")
    if st.button("Save working set", icon=":material/save:", key="ex_save"):
        if not name.strip() or not uids:
            st.error("Give the working set a name and at least one entity.")
        else:
            with services.shown_errors("saving"):
                g.work.save_set(
                    working_sets.WorkingSet(
                        name=name.strip(),
                        owner=p.user,
                        case_ref=case_ref.strip(),
                        uids=uids,
                        hops=hops,
                        filter=flt.params(),
                    ),
                )
            st.success(f"Saved working set “{name.strip()}” with {len(uids)} entities.")
