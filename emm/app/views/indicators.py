"""Indicators: the hits of the latest whole-graph analysis per network, with their evidence.

An indicator is a reason to look closer, never proof: each hit shows the rule's explanation,
the measured value against its threshold, and the facts (source references) it rests on.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from emm.app import i18n, services
from emm.app.helpers import hit_rows, network_hit_summary
from emm.app.safe import md
from emm.graph.analysis import indicator_table

tr = i18n.current()

g = services.require("expand_network")
st.title(tr("ind.title"))
st.caption(tr("ind.intro"))

run = services.latest_run(g)
if run is None:
    services.run_missing_message()
    st.stop()
if not run.hits:
    st.info(tr("ind.no_hits", run=run.run_id))
    st.stop()

table = indicator_table()
titles = {k: v.title(tr.lang) for k, v in table.items()}
rows = pd.DataFrame(hit_rows(run.hits, run.networks, titles))

st.subheader(tr("ind.per_network"))
summary = pd.DataFrame(network_hit_summary(run.hits, run.networks))
if summary.empty:
    st.caption(tr("ind.none_in_network"))
else:
    st.dataframe(tr.columns(summary), hide_index=True)

st.subheader(tr("ind.all_hits"))
c1, c2 = st.columns(2)
networks = ["all", *summary["network"].tolist()] if not summary.empty else ["all"]
network = c1.selectbox(
    tr("ex.network"),
    networks,
    format_func=lambda n: tr("ind.all") if n == "all" else n,
    key="ind_network",
)
chosen = c2.multiselect(
    tr("ind.indicators"),
    sorted(titles),
    format_func=titles.__getitem__,
    placeholder=tr("ind.all_indicators"),
    key="ind_ids",
)
shown = rows
if network != "all":
    shown = shown[shown["network"] == network]
if chosen:
    shown = shown[shown["indicator id"].isin(chosen)]
if shown.empty:
    st.warning(tr("ind.no_match"))
    st.stop()

st.caption(tr("ind.table_hint"))
event = st.dataframe(
    tr.columns(shown.drop(columns=["indicator id"])),
    hide_index=True,
    on_select="rerun",
    selection_mode="single-row",
    key="ind_table",
    column_config={
        tr("col.hit"): None,
        tr("col.ratio"): st.column_config.NumberColumn(help=tr("ind.ratio_help")),
        tr("col.evidence"): st.column_config.NumberColumn(help=tr("ind.evidence_help")),
    },
)
picked = event.selection.rows if event is not None else []
if not picked:
    st.stop()
hit = run.hits[int(shown.iloc[picked[0]]["hit"])]
ind = table[hit["indicator_id"]]

st.divider()
subject = services.entity(g, hit["subject"])
name = f"{tr.type(subject.label)}: {md(subject.caption)}" if subject else tr("ind.not_visible")
st.subheader(f"{ind.title(tr.lang)} — {name}")
st.markdown(ind.explanation(tr.lang))
c1, c2, c3 = st.columns(3)
c1.metric(tr("ind.value"), f"{hit['value']:g}")
c2.metric(tr("ind.threshold"), f"{hit['threshold']:g}")
c3.metric(tr("home.parties"), ", ".join(hit["parties"]))
if hit.get("details"):
    st.caption(tr("ind.details") + ", ".join(f"{k} {v}" for k, v in hit["details"].items()))
left, right = st.columns(2)
left.markdown(tr("ind.evidence", n=len(hit["evidence"])))
left.dataframe(pd.DataFrame({tr("ind.source_ref"): hit["evidence"]}), hide_index=True)
right.markdown(tr("ind.related", n=len(hit["related"])))
right.caption(tr("ind.related_hint"))
if right.button(tr("ind.explore"), icon=":material/hub:", key="ind_explore"):
    services.explore([hit["subject"], *hit["related"]], source=tr("ind.source", id=ind.id), hops=1)
