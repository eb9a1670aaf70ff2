"""Search: find an entity by name or identifier, see who knows it, open it or explore from it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from emm.app import i18n, services
from emm.app.helpers import HIDDEN_PROPS, subgraph_fact_rows
from emm.app.safe import md

tr = i18n.current()
g = services.require("search")
st.title(tr("search.title"))

with st.form("search", enter_to_submit=True, border=False):
    col, btn = st.columns([6, 1], vertical_alignment="bottom")
    query = col.text_input(
        tr("search.query"),
        value=st.session_state.get("search_query", ""),
        placeholder=tr("search.placeholder"),
    )
    btn.form_submit_button(tr("search.submit"), type="primary", icon=":material/search:")

query = query.strip()
if not query:
    st.caption(tr("search.hint"))
    st.stop()
if len(query) < 2:
    st.warning(tr("ex.query_short"))
    st.stop()

if st.session_state.get("search_query") != query:
    st.session_state["search_query"] = query
    st.session_state.pop("search_open", None)
# searched on every run, never kept: an erasure or restriction shows on the next click
with st.spinner(tr("search.searching")), services.shown_errors(tr("ex.err_search")):
    results = g.find(query)

if not results:
    st.warning(tr("search.nothing"))
    st.stop()

st.subheader(tr("search.results", n=len(results)))
header = st.columns([2, 5, 2, 1.2, 1.5])
for col, text in zip(
    header, [tr("col.type"), tr("search.entity"), tr("search.known_to"), "", ""], strict=True
):
    col.caption(text)
for e in results:
    c1, c2, c3, c4, c5 = st.columns([2, 5, 2, 1.2, 1.5], vertical_alignment="center")
    c1.write(tr.type(e.label))
    c2.write(md(e.caption))
    c3.write(", ".join(e.parties) or "—")
    if c4.button(tr("search.open"), key=f"open-{e.uid}", help=tr("search.open_help")):
        st.session_state["search_open"] = e.uid
    if g.principal.can("expand_network") and c5.button(
        tr("home.explore"), key=f"explore-{e.uid}", help=tr("search.explore_help")
    ):
        services.explore([e.uid], source=tr("search.source", query=query), hops=2)

uid = st.session_state.get("search_open")
entity = next((e for e in results if e.uid == uid), None)
if entity is not None:
    st.divider()
    st.subheader(f"{tr.type(entity.label)}: {md(entity.caption)}")
    st.caption(tr("search.known_by", parties=", ".join(entity.parties)))
    card = tr.card(entity.props, hidden=HIDDEN_PROPS)
    if card:
        st.dataframe(
            pd.DataFrame(card, columns=[tr("search.field"), tr("search.value")]),
            hide_index=True,
        )
    # read on every run, never kept: governance changes (erasure, restriction) show at once
    with st.spinner(tr("search.reading")), services.shown_errors(tr("search.err_facts")):
        sub = g.neighbourhood([entity.uid], limit=500)
    rows = subgraph_fact_rows(sub, entity.uid)
    st.subheader(tr("search.facts", n=len(rows)))
    if sub.truncated:
        st.warning(tr("search.truncated"))
    if rows:
        frame = pd.DataFrame(rows)
        frame["relationship"] = frame["relationship"].map(
            lambda r: f"← {tr.rel(r[2:])}" if str(r).startswith("← ") else tr.rel(str(r))
        )
        st.dataframe(tr.columns(frame), hide_index=True)
    else:
        st.caption(tr("search.no_facts"))
