"""Search: find an entity by name or identifier, see who knows it, open it or explore from it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from emm.app import services
from emm.app.helpers import entity_properties, subgraph_fact_rows

g = services.require("search")
st.title("Search")

with st.form("search", enter_to_submit=True, border=False):
    col, btn = st.columns([6, 1], vertical_alignment="bottom")
    query = col.text_input(
        "Name, BSN, phone, IBAN, plate, e-mail, KvK or 'postcode number'",
        value=st.session_state.get("search_query", ""),
        placeholder="e.g. 06-12345678, NL91 ABNA 0417 1643 00, 1234AB 12, de Vries",
    )
    btn.form_submit_button("Search", type="primary", icon=":material/search:")

query = query.strip()
if not query:
    st.caption(
        "Identifiers are matched in any common spelling; text matches names, addresses and "
        "titles regardless of case and accents."
    )
    st.stop()
if len(query) < 2:
    st.warning("Type at least two characters.")
    st.stop()

if st.session_state.get("search_query") != query:
    with st.spinner("Searching..."), services.shown_errors("search"):
        st.session_state["search_results"] = g.find(query)
    st.session_state["search_query"] = query
    st.session_state.pop("search_open", None)
results = st.session_state["search_results"]

if not results:
    st.warning(f"Nothing you may see matches “{query}”. Check the spelling or try an identifier.")
    st.stop()

st.subheader(f"{len(results)} result(s)")
header = st.columns([2, 5, 2, 1.2, 1.5])
for col, text in zip(header, ["type", "entity", "known to", "", ""], strict=True):
    col.caption(text)
for e in results:
    c1, c2, c3, c4, c5 = st.columns([2, 5, 2, 1.2, 1.5], vertical_alignment="center")
    c1.write(e.label)
    c2.write(e.caption)
    c3.write(", ".join(e.parties) or "—")
    if c4.button("Open", key=f"open-{e.uid}", help="Show its facts with provenance"):
        st.session_state["search_open"] = e.uid
    if g.principal.can("expand_network") and c5.button(
        "Explore", key=f"explore-{e.uid}", help="Open the network explorer from here"
    ):
        services.explore([e.uid], source=f"search “{query}”", hops=2)

uid = st.session_state.get("search_open")
entity = next((e for e in results if e.uid == uid), None)
if entity is not None:
    st.divider()
    st.subheader(f"{entity.label}: {entity.caption}")
    st.caption(f"Known to {', '.join(entity.parties)}")
    st.json(entity_properties(entity.props), expanded=True)
    cache = st.session_state.setdefault("_neighbourhoods", {})
    if entity.uid not in cache:
        with st.spinner("Reading its facts..."), services.shown_errors("facts"):
            cache[entity.uid] = g.neighbourhood([entity.uid], limit=500)
    sub = cache[entity.uid]
    rows = subgraph_fact_rows(sub, entity.uid)
    st.subheader(f"Facts ({len(rows)})")
    if sub.truncated:
        st.warning("Only the first 500 facts are shown; explore the network with filters.")
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True)
    else:
        st.caption("No facts you may read.")
