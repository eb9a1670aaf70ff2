"""OIB: an operational intelligence picture of a network or working set: preview, generate
HTML/PDF, and register its handover to a party (which starts its ten-year retention)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from emm.app import i18n, services
from emm.app.helpers import (
    describe_filter,
    explanation,
    filter_from_params,
    network_label,
    timeline_frame_rows,
)
from emm.app.safe import md
from emm.graph.model import NO_FILTER, EdgeFilter
from emm.graph.projection import to_networkx
from emm.graph.schema import PARTIES
from emm.products.oib import build_oib, make_oib

MIMES = {".html": "text/html", ".pdf": "application/pdf", ".json": "application/json"}
ss = st.session_state

tr = i18n.current()
g = services.require("create_oib")
p = g.principal
st.title(tr("oib.title"))
st.caption(tr("oib.intro"))

# ----------------------------------------------------------------------------- what

sources = ["network", "set"]
if ss.get("ex_seeds"):
    sources.append("explorer")
source = st.radio(
    tr("oib.picture_of"),
    sources,
    format_func=lambda k: tr("oib.src_" + k),
    horizontal=True,
    key="oib_source",
)
seeds: list[str] = []
hops = 1
flt: EdgeFilter = NO_FILTER
subject = ""
if source == "network":
    run = services.latest_run(g)
    if run is None or not run.networks:
        services.run_missing_message()
        st.stop()
    nets = {n["id"]: n for n in run.networks[:100]}
    nid = st.selectbox(
        tr("ex.network"),
        list(nets),
        format_func=lambda i: network_label(nets[i], tr),
        key="oib_network",
    )
    st.caption(md("; ".join(explanation(nets[nid], tr))))
    seeds, hops, subject = nets[nid]["members"], 1, tr("ex.source_network", id=nid)
elif source == "set":
    with services.shown_errors(tr("ex.err_sets")):
        sets = g.work.sets()
    if not sets:
        st.info(tr("oib.no_sets"))
        st.stop()
    by_name = {w.name: w for w in sets}
    name = st.selectbox(
        tr("oib.working_set"),
        list(by_name),
        key="oib_set",
        format_func=lambda n: tr(
            "oib.set_option", name=n, case=by_name[n].case_ref, n=len(by_name[n].uids)
        ),
    )
    ws = by_name[name]
    seeds, hops, subject = ws.uids, ws.hops, tr("oib.subject_set", name=ws.name)
    flt = filter_from_params(ws.filter)
else:
    seeds = list(dict.fromkeys([*ss["ex_seeds"], *ss.get("ex_expanded", [])]))
    hops = int(ss.get("ex_hops", 1))
    subject = ss.get("ex_source", tr("oib.src_explorer"))
    flt = filter_from_params(ss.get("ex_filter"))

c1, c2, c3 = st.columns([3, 1, 1])
# Keys name the subject, so choosing another network or set resets title and hops.
title = c1.text_input(tr("oib.title_field"), value=f"OIB {subject}", key=f"oib_title:{subject}")
hops = c2.number_input(tr("oib.hops"), 1, 3, value=max(1, min(3, hops)), key=f"oib_hops:{subject}")
max_nodes = c3.number_input(tr("ex.max"), 20, 1000, value=400, step=20, key="oib_max")
st.caption(tr("oib.seeds", n=len(seeds), filter=describe_filter(flt, tr)))
if not title.strip():
    st.error(tr("oib.no_title"))
    st.stop()

# ----------------------------------------------------------------------------- preview

b1, b2, _ = st.columns([1, 1, 3])
if b1.button(tr("oib.preview"), icon=":material/visibility:", key="oib_preview"):
    with (
        st.spinner(tr("oib.reading")),
        services.shown_errors(tr("oib.preview")),
    ):
        G = to_networkx(g.ego(seeds, flt, hops=int(hops), max_nodes=int(max_nodes)))
        ss["oib_doc"] = build_oib(
            G,
            product_id="(preview)",
            title=title.strip(),
            subject=subject,
            created_by=p.user,
            flt=flt,
            picture=False,
        )
if b2.button(
    tr("oib.generate"), type="primary", icon=":material/picture_as_pdf:", key="oib_generate"
):
    with (
        st.status(tr("oib.generating"), expanded=True) as status,
        services.shown_errors("OIB"),
    ):
        st.write(tr("oib.computing"))
        made, files = make_oib(
            g,
            seeds,
            out_dir=services.products_dir(),
            created_by=p.user,
            title=title.strip(),
            hops=int(hops),
            flt=flt,
            max_nodes=int(max_nodes),
        )
        st.write(tr("oib.written", id=made.product_id, version=made.version))
        status.update(label=tr("oib.ready", id=made.product_id), state="complete")
    ss["oib_doc"] = made
    ss["oib_files"] = [str(f) for f in files]

doc = ss.get("oib_doc")
if doc is not None:
    s = doc.summary
    st.subheader(f"{md(doc.title)} ({doc.product_id})")
    if doc.truncated:
        st.warning(tr("oib.truncated"))
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(tr("oib.m_entities"), s["entities"])
    m2.metric(tr("oib.m_facts"), s["facts"])
    m3.metric(tr("oib.m_persons"), s["persons"])
    m4.metric(tr("oib.m_indicators"), len(s["indicators_fired"]))
    if not s["facts"]:
        st.warning(tr("oib.no_facts"))
    st.caption(
        tr(
            "oib.scope",
            parties=", ".join(doc.parties) or "—",
            bases=", ".join(doc.legal_bases) or "—",
            start=s["period"][0],
            end=s["period"][1],
        )
    )
    t1, t2, t3, t4 = st.tabs(
        [tr("oib.t_players"), tr("oib.t_indicators"), tr("oib.t_timeline"), tr("oib.t_facts")]
    )
    with t1:
        st.dataframe(
            tr.columns(
                pd.DataFrame(
                    [
                        {
                            "rank": r["rank"],
                            "type": tr.type(r["label"]),
                            "entity": r["caption"],
                            "neighbours": r["degree"],
                            "betweenness": round(r["betweenness"], 3),
                        }
                        for r in doc.key_players
                    ]
                )
            ),
            hide_index=True,
        )
    with t2:
        if doc.indicators:
            st.dataframe(
                tr.columns(
                    pd.DataFrame(
                        [
                            {
                                "indicator": h["title"],
                                "subject": h["subject"],
                                "value": h["value"],
                                "threshold": h["threshold"],
                                "parties": ", ".join(h["parties"]),
                                "evidence": len(h["evidence"]),
                            }
                            for h in doc.indicators
                        ]
                    )
                ),
                hide_index=True,
            )
        else:
            st.caption(tr("oib.no_indicators"))
    with t3:
        st.dataframe(tr.columns(pd.DataFrame(timeline_frame_rows(doc.timeline))), hide_index=True)
    with t4:
        st.dataframe(tr.columns(pd.DataFrame(doc.provenance)), hide_index=True)
    files = [Path(f) for f in ss.get("oib_files", [])] if doc.product_id != "(preview)" else []
    if files:
        cols = st.columns(len(files))
        for col, f in zip(cols, files, strict=True):
            if f.exists():
                col.download_button(
                    tr("oib.download", fmt=f.suffix[1:].upper()),
                    f.read_bytes(),
                    file_name=f.name,
                    mime=MIMES.get(f.suffix),
                    key=f"oib-dl-{f.suffix}",
                    icon=":material/download:",
                )

# ----------------------------------------------------------------------------- handover

st.divider()
st.subheader(tr("oib.handover"))
with services.shown_errors(tr("home.err_register")):
    oibs = g.products.latest(limit=100, type_="OIB")
if not oibs:
    st.caption(tr("oib.none_yet"))
    st.stop()
st.dataframe(
    tr.columns(
        pd.DataFrame(
            [
                {
                    "product": x.product_id,
                    "version": x.version,
                    "title": x.title,
                    "by": x.created_by,
                    "created": x.created_at[:16].replace("T", " "),
                    "handed over": (x.handed_over_at or "")[:16].replace("T", " "),
                    "to": ", ".join(x.recipients),
                    "kept until": x.retention_until or "",
                }
                for x in oibs
            ]
        )
    ),
    hide_index=True,
)
if not p.can("handover_oib"):
    st.caption(tr("oib.may_not_hand_over"))
    st.stop()
with st.form("oib_handover"):
    ids = [x.product_id for x in oibs]
    current = doc.product_id if doc is not None and doc.product_id in ids else ids[0]
    c1, c2, c3 = st.columns(3)
    product_id = c1.selectbox(tr("oib.product"), ids, index=ids.index(current))
    recipient = c2.selectbox(tr("oib.to_party"), list(PARTIES), format_func=tr.party)
    purpose = c3.text_input(tr("oib.purpose"), value=p.purpose)
    go = st.form_submit_button(tr("oib.register_handover"), icon=":material/send:")
if go:
    with services.shown_errors(tr("oib.handover")):
        d = g.products.handover(product_id, recipient=recipient, purpose=purpose.strip())
    st.success(tr("oib.handed_over", id=d.product_id, version=d.version, to=d.recipient, at=d.at))
