"""Home: what the graph holds for you, the networks that rank highest and why, your activity."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from emm.app import i18n, services
from emm.app.helpers import count_tables, explanation, recent_entries
from emm.app.safe import md
from emm.graph.schema import LEGAL_BASES, PARTIES

tr = i18n.current()
g = services.session()
p = g.principal
st.title("EMM Workbench")
st.caption(
    tr(
        "home.who",
        user=md(p.user),
        role=tr.role(p.role),
        affiliation=p.affiliation,
        purpose=md(p.purpose),
        bases=", ".join(sorted(g.scope().legal_bases or [])) or tr("home.none"),
    )
)

if not p.can("search"):
    st.info(tr("home.no_case_data"))
    st.stop()
with services.shown_errors(tr("home.err_counting")):
    tables = count_tables(services.kept_counts(g, "edges", g.count_edges))
    nodes = services.kept_counts(g, "nodes", g.count_nodes)

facts = sum(r["facts"] for r in tables["party"])
c1, c2, c3 = st.columns(3)
c1.metric(tr("home.facts"), f"{facts:,}")
c2.metric(tr("home.entities"), f"{sum(nodes.values()):,}")
c3.metric(tr("home.parties"), len(tables["party"]))

if not facts:
    if not p.legal_bases:
        st.info(tr("home.no_case_data"))
    else:
        st.info(tr("home.no_facts_yet"))
else:
    left, mid, right = st.columns(3)
    with left:
        st.subheader(tr("home.per_party"))
        frame = pd.DataFrame(tables["party"])
        frame["name"] = frame["party"].map(lambda c: PARTIES[c].name)
        st.dataframe(tr.columns(frame), hide_index=True)
    with mid:
        st.subheader(tr("home.per_basis"))
        frame = pd.DataFrame(tables["legal_basis"])
        frame["meaning"] = frame["legal basis"].map(lambda b: LEGAL_BASES[b].title)
        st.dataframe(tr.columns(frame), hide_index=True)
    with right:
        st.subheader(tr("home.per_type"))
        st.dataframe(
            tr.columns(
                pd.DataFrame(
                    {"type": [tr.type(t) for t in nodes], "entities": list(nodes.values())}
                )
            ),
            hide_index=True,
        )
    with st.expander(tr("home.per_rel")):
        rels = pd.DataFrame(tables["type"])
        if not rels.empty:
            rels["relationship"] = rels["relationship"].map(tr.rel)
        st.dataframe(tr.columns(rels), hide_index=True)

if p.can("expand_network"):
    st.header(tr("home.top_networks"))
    run = services.latest_run(g)
    if run is None:
        services.run_missing_message()
    elif not run.networks:
        st.info(tr("home.no_networks"))
    else:
        st.caption(
            tr(
                "home.run",
                run=run.run_id,
                date=run.created_at[:10],
                networks=run.stats.get("networks", len(run.networks)),
                hits=run.stats.get("indicator_hits", len(run.hits)),
            )
        )
        for n in run.networks[:5]:
            with st.container(border=True):
                head, button = st.columns([5, 1])
                head.markdown(
                    tr(
                        "home.network",
                        rank=n["rank"],
                        id=n["id"],
                        score=f"{n['score']:.2f}",
                        size=n["size"],
                        parties=", ".join(n["parties"]),
                    )
                )
                head.markdown("\n".join(f"- {md(line)}" for line in explanation(n, tr)))
                if button.button(
                    tr("home.explore"), key=f"explore-{n['id']}", icon=":material/hub:"
                ):
                    services.explore(n["members"], source=tr("ex.source_network", id=n["id"]))

st.header(tr("home.activity"))
left, right = st.columns(2)
with left:
    st.subheader(tr("home.audit"))
    rows = recent_entries(g.privacy.own_activity(n=50), user=p.user, n=10)
    if rows:
        st.dataframe(tr.columns(pd.DataFrame(rows)), hide_index=True)
    else:
        st.caption(tr("home.nothing_yet"))
with right:
    st.subheader(tr("home.products"))
    if p.can("create_oib"):
        with services.shown_errors(tr("home.err_register")):
            products = g.products.latest(limit=10)
        if products:
            st.dataframe(
                tr.columns(
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
                    )
                ),
                hide_index=True,
            )
        else:
            st.caption(tr("home.no_products"))
    else:
        st.caption(tr("home.no_products_role"))
