"""Home: what the graph holds for you, the networks that rank highest and why, your activity."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from emm.app import services
from emm.app.helpers import count_tables, recent_entries
from emm.graph.schema import LEGAL_BASES, PARTIES

g = services.session()
p = g.principal
st.title("EMM Workbench")
st.caption(
    f"Logged in as {p.user} ({p.role.replace('_', ' ')}, {p.affiliation}) for "
    f"“{p.purpose}”. You see facts on the legal bases your role allows: "
    f"{', '.join(sorted(g.scope().legal_bases or [])) or 'none'}."
)

if not p.can("search"):
    st.info("Your role reads no case data; the counts of facts are left out.")
    st.stop()
with services.shown_errors("counting"):
    tables = count_tables(g.count_edges())
    nodes = g.count_nodes()

facts = sum(r["facts"] for r in tables["party"])
c1, c2, c3 = st.columns(3)
c1.metric("Facts you may read", f"{facts:,}")
c2.metric("Entities in the graph", f"{sum(nodes.values()):,}")
c3.metric("Parties supplying", len(tables["party"]))

if not facts:
    if not p.legal_bases:
        st.info("Your role reads no case data; the counts of facts are left out.")
    else:
        st.info(
            "There are no facts you may read yet. Load the demo data with `emm demo`, "
            "or ingest deliveries with `emm ingest PATH`."
        )
else:
    left, mid, right = st.columns(3)
    with left:
        st.subheader("Facts per party")
        frame = pd.DataFrame(tables["party"])
        frame["name"] = frame["party"].map(lambda c: PARTIES[c].name)
        st.dataframe(frame, hide_index=True)
    with mid:
        st.subheader("Facts per legal basis")
        frame = pd.DataFrame(tables["legal_basis"])
        frame["meaning"] = frame["legal basis"].map(lambda b: LEGAL_BASES[b].title)
        st.dataframe(frame, hide_index=True)
    with right:
        st.subheader("Entities per type")
        st.dataframe(
            pd.DataFrame({"type": list(nodes), "entities": list(nodes.values())}),
            hide_index=True,
        )
    with st.expander("Facts per relationship type"):
        st.dataframe(pd.DataFrame(tables["type"]), hide_index=True)

if p.can("expand_network"):
    st.header("Networks that rank highest")
    run = services.latest_run(g)
    if run is None:
        services.run_missing_message()
    elif not run.networks:
        st.info("The latest analysis found no networks.")
    else:
        st.caption(
            f"Whole-graph analysis {run.run_id} of {run.created_at[:10]}: "
            f"{run.stats.get('networks', len(run.networks))} networks, "
            f"{run.stats.get('indicator_hits', len(run.hits))} indicator hits. "
            "Ranked by size, indicators fired, parties involved and recency."
        )
        for n in run.networks[:5]:
            with st.container(border=True):
                head, button = st.columns([5, 1])
                head.markdown(
                    f"**#{n['rank']} · {n['id']}** · score {n['score']:.2f} · "
                    f"{n['size']} members · parties {', '.join(n['parties'])}"
                )
                head.markdown("\n".join(f"- {line}" for line in n["explanation"]))
                if button.button("Explore", key=f"explore-{n['id']}", icon=":material/hub:"):
                    services.explore(n["members"], source=f"network {n['id']}")

st.header("Your recent activity")
left, right = st.columns(2)
with left:
    st.subheader("Audit trail")
    rows = recent_entries(g.privacy.own_activity(n=50), user=p.user, n=10)
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True)
    else:
        st.caption("Nothing yet.")
with right:
    st.subheader("Latest products")
    if p.can("create_oib"):
        with services.shown_errors("product register"):
            products = g.products.latest(limit=10)
        if products:
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            "product": x.product_id,
                            "type": x.type,
                            "version": x.version,
                            "by": x.created_by,
                            "created": x.created_at[:16].replace("T", " "),
                            "handed to": ", ".join(x.recipients),
                        }
                        for x in products
                    ]
                ),
                hide_index=True,
            )
        else:
            st.caption("No products yet.")
    else:
        st.caption("Your role makes no products.")
