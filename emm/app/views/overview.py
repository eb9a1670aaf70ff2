"""Overview: what the graph holds, per party, legal basis and entity type."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from emm.app.services import store_or_stop
from emm.graph.schema import LEGAL_BASES, PARTIES

st.title("EMM Workbench")
st.caption(
    "Pooled signals and investigation information of POL, KMAR, ISZW, IND and OM "
    "(covenant EMM). Every fact carries the party that supplied it and its legal basis."
)

store = store_or_stop()
edges = pd.DataFrame(store.count_edges())
nodes = store.count_nodes()

if edges.empty and not any(nodes.values()):
    st.info(
        "The graph is empty. Load the demo data with `emm demo`, "
        "or ingest deliveries with `emm ingest PATH`."
    )
    st.stop()

c1, c2, c3 = st.columns(3)
c1.metric("Entities", f"{sum(nodes.values()):,}")
c2.metric("Facts (relationships)", f"{int(edges['n'].sum()):,}")
c3.metric("Parties supplying", edges["party"].nunique())

left, right = st.columns(2)
with left:
    st.subheader("Facts per party")
    per_party = edges.groupby("party", as_index=False)["n"].sum()
    per_party["party name"] = per_party["party"].map(lambda p: PARTIES[p].name)
    st.dataframe(per_party[["party", "party name", "n"]], hide_index=True, use_container_width=True)
    st.subheader("Facts per legal basis")
    per_basis = edges.groupby("legal_basis", as_index=False)["n"].sum()
    per_basis["meaning"] = per_basis["legal_basis"].map(lambda b: LEGAL_BASES[b].title)
    st.dataframe(
        per_basis[["legal_basis", "meaning", "n"]], hide_index=True, use_container_width=True
    )
with right:
    st.subheader("Entities per type")
    st.dataframe(
        pd.DataFrame({"type": list(nodes), "n": list(nodes.values())}),
        hide_index=True,
        use_container_width=True,
    )
    st.subheader("Facts per relationship type")
    st.dataframe(
        edges.pivot_table(index="type", columns="party", values="n", aggfunc="sum", fill_value=0),
        use_container_width=True,
    )
