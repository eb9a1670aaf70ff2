"""Indicators: the hits of the latest whole-graph analysis per network, with their evidence.

An indicator is a reason to look closer, never proof: each hit shows the rule's explanation,
the measured value against its threshold, and the facts (source references) it rests on.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from emm.app import services
from emm.app.helpers import hit_rows, network_hit_summary
from emm.graph.analysis import indicator_table

g = services.require("expand_network")
st.title("Indicators")
st.caption(
    "Signs of trafficking or smuggling found by the rules in the indicator table. "
    "A hit is a reason to look closer, never proof."
)

run = services.latest_run(g)
if run is None:
    services.run_missing_message()
    st.stop()
if not run.hits:
    st.info(f"The latest analysis ({run.run_id}) found no indicator hits.")
    st.stop()

table = indicator_table()
titles = {k: v.title("en") for k, v in table.items()}
rows = pd.DataFrame(hit_rows(run.hits, run.networks, titles))

st.subheader("Per network")
summary = pd.DataFrame(network_hit_summary(run.hits, run.networks))
if summary.empty:
    st.caption("No hit falls inside a ranked network.")
else:
    st.dataframe(summary, hide_index=True)

st.subheader("All hits")
c1, c2 = st.columns(2)
networks = ["all", *summary["network"].tolist()] if not summary.empty else ["all"]
network = c1.selectbox("Network", networks, key="ind_network")
chosen = c2.multiselect(
    "Indicators",
    sorted(titles),
    format_func=titles.__getitem__,
    placeholder="all indicators",
    key="ind_ids",
)
shown = rows
if network != "all":
    shown = shown[shown["network"] == network]
if chosen:
    shown = shown[shown["indicator id"].isin(chosen)]
if shown.empty:
    st.warning("No hits match this selection.")
    st.stop()

st.caption("Click a column header to sort; select a row to see its evidence.")
event = st.dataframe(
    shown.drop(columns=["indicator id"]),
    hide_index=True,
    on_select="rerun",
    selection_mode="single-row",
    key="ind_table",
    column_config={
        "hit": None,
        "ratio": st.column_config.NumberColumn(help="value / threshold"),
        "evidence": st.column_config.NumberColumn(help="facts the hit rests on"),
    },
)
picked = event.selection.rows if event is not None else []
if not picked:
    st.stop()
hit = run.hits[int(shown.iloc[picked[0]]["hit"])]
ind = table[hit["indicator_id"]]

st.divider()
subject = services.entity(g, hit["subject"])
name = f"{subject.label}: {subject.caption}" if subject else "an entity you may not see"
st.subheader(f"{ind.title('en')} — {name}")
st.markdown(ind.explanation("en"))
c1, c2, c3 = st.columns(3)
c1.metric("Value", f"{hit['value']:g}")
c2.metric("Threshold", f"{hit['threshold']:g}")
c3.metric("Parties", ", ".join(hit["parties"]))
if hit.get("details"):
    st.caption("Details: " + ", ".join(f"{k} {v}" for k, v in hit["details"].items()))
left, right = st.columns(2)
left.markdown(f"**Evidence: {len(hit['evidence'])} fact(s)**")
left.dataframe(pd.DataFrame({"source reference": hit["evidence"]}), hide_index=True)
right.markdown(f"**Related entities: {len(hit['related'])}**")
right.caption("Open them in the explorer to see names and provenance of every fact.")
if right.button("Explore subject and related", icon=":material/hub:", key="ind_explore"):
    services.explore([hit["subject"], *hit["related"]], source=f"indicator {ind.id}", hops=1)
