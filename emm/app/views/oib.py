"""OIB: an operational intelligence picture of a network or working set: preview, generate
HTML/PDF, and register its handover to a party (which starts its ten-year retention)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from emm.app import services
from emm.app.helpers import describe_filter, filter_from_params, network_label, timeline_frame_rows
from emm.graph.model import NO_FILTER, EdgeFilter
from emm.graph.projection import to_networkx
from emm.graph.schema import PARTIES
from emm.products.oib import build_oib, make_oib

MIMES = {".html": "text/html", ".pdf": "application/pdf", ".json": "application/json"}
ss = st.session_state

g = services.require("create_oib")
p = g.principal
st.title("Operational intelligence picture (OIB)")
st.caption(
    "A cross-organisation picture of a network, with every fact's party and legal basis, "
    "for criminal or administrative intervention. Contains personal data: hand it to a party only."
)

# ----------------------------------------------------------------------------- what

sources = ["Ranked network", "Working set"]
if ss.get("ex_seeds"):
    sources.append("Explorer view")
source = st.radio("Picture of", sources, horizontal=True, key="oib_source")
seeds: list[str] = []
hops = 1
flt: EdgeFilter = NO_FILTER
subject = ""
if source == "Ranked network":
    run = services.latest_run(g)
    if run is None or not run.networks:
        services.run_missing_message()
        st.stop()
    nets = {n["id"]: n for n in run.networks[:100]}
    nid = st.selectbox(
        "Network", list(nets), format_func=lambda i: network_label(nets[i]), key="oib_network"
    )
    st.caption("; ".join(nets[nid]["explanation"]))
    seeds, hops, subject = nets[nid]["members"], 1, f"network {nid}"
elif source == "Working set":
    with services.shown_errors("working sets"):
        sets = g.work.sets()
    if not sets:
        st.info("You have no working sets; pin entities in the network explorer and save them.")
        st.stop()
    by_name = {w.name: w for w in sets}
    name = st.selectbox(
        "Working set",
        list(by_name),
        key="oib_set",
        format_func=lambda n: f"{n} · {by_name[n].case_ref} · {len(by_name[n].uids)} entities",
    )
    ws = by_name[name]
    seeds, hops, subject = ws.uids, ws.hops, f"working set {ws.name}"
    flt = filter_from_params(ws.filter)
else:
    seeds = list(dict.fromkeys([*ss["ex_seeds"], *ss.get("ex_expanded", [])]))
    hops = int(ss.get("ex_hops", 1))
    subject = ss.get("ex_source", "explorer view")
    flt = filter_from_params(ss.get("ex_filter"))

c1, c2, c3 = st.columns([3, 1, 1])
# Keys name the subject, so choosing another network or set resets title and hops.
title = c1.text_input("Title", value=f"OIB {subject}", key=f"oib_title:{subject}")
hops = c2.number_input("Hops", 1, 3, value=max(1, min(3, hops)), key=f"oib_hops:{subject}")
max_nodes = c3.number_input("At most entities", 20, 1000, value=400, step=20, key="oib_max")
st.caption(
    f"{len(seeds)} start entit{'y' if len(seeds) == 1 else 'ies'} · filter: {describe_filter(flt)}"
)
if not title.strip():
    st.error("Give the picture a title.")
    st.stop()

# ----------------------------------------------------------------------------- preview

b1, b2, _ = st.columns([1, 1, 3])
if b1.button("Preview", icon=":material/visibility:", key="oib_preview"):
    with (
        st.spinner("Reading the network and building the picture..."),
        services.shown_errors("preview"),
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
    "Generate HTML and PDF", type="primary", icon=":material/picture_as_pdf:", key="oib_generate"
):
    with st.status("Generating the OIB...", expanded=True) as status, services.shown_errors("OIB"):
        st.write("Reading the network, computing key players, communities and indicators...")
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
        st.write(f"Written and registered as {made.product_id} version {made.version}.")
        status.update(label=f"{made.product_id} is ready", state="complete")
    ss["oib_doc"] = made
    ss["oib_files"] = [str(f) for f in files]

doc = ss.get("oib_doc")
if doc is not None:
    s = doc.summary
    st.subheader(f"{doc.title} ({doc.product_id})")
    if doc.truncated:
        st.warning(
            "The network was cut off at the entity cap: the picture is incomplete. "
            "Raise the cap or narrow the filter."
        )
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("Entities", s["entities"])
    m2.metric("Facts", s["facts"])
    m3.metric("Persons", s["persons"])
    m4.metric("Indicators fired", len(s["indicators_fired"]))
    if not s["facts"]:
        st.warning("No facts you may read in this network under the filter.")
    st.caption(
        f"Parties: {', '.join(doc.parties) or '—'} · legal bases: "
        f"{', '.join(doc.legal_bases) or '—'} · period {s['period'][0]} to {s['period'][1]}"
    )
    t1, t2, t3, t4 = st.tabs(["Key players", "Indicators", "Timeline", "Facts and provenance"])
    with t1:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "rank": r["rank"],
                        "type": r["label"],
                        "entity": r["caption"],
                        "neighbours": r["degree"],
                        "betweenness": round(r["betweenness"], 3),
                    }
                    for r in doc.key_players
                ]
            ),
            hide_index=True,
        )
    with t2:
        if doc.indicators:
            st.dataframe(
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
                ),
                hide_index=True,
            )
        else:
            st.caption("No indicator fired in this network.")
    with t3:
        st.dataframe(pd.DataFrame(timeline_frame_rows(doc.timeline)), hide_index=True)
    with t4:
        st.dataframe(pd.DataFrame(doc.provenance), hide_index=True)
    files = [Path(f) for f in ss.get("oib_files", [])] if doc.product_id != "(preview)" else []
    if files:
        cols = st.columns(len(files))
        for col, f in zip(cols, files, strict=True):
            if f.exists():
                col.download_button(
                    f"Download {f.suffix[1:].upper()}",
                    f.read_bytes(),
                    file_name=f.name,
                    mime=MIMES.get(f.suffix),
                    key=f"oib-dl-{f.suffix}",
                    icon=":material/download:",
                )

# ----------------------------------------------------------------------------- handover

st.divider()
st.subheader("Handover to a party")
with services.shown_errors("product register"):
    oibs = g.products.latest(limit=100, type_="OIB")
if not oibs:
    st.caption("No OIB has been generated yet.")
    st.stop()
st.dataframe(
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
    ),
    hide_index=True,
)
if not p.can("handover_oib"):
    st.caption("Registering a handover is for senior analysts (your role may not hand over).")
    st.stop()
with st.form("oib_handover"):
    ids = [x.product_id for x in oibs]
    current = doc.product_id if doc is not None and doc.product_id in ids else ids[0]
    c1, c2, c3 = st.columns(3)
    product_id = c1.selectbox("Product", ids, index=ids.index(current))
    recipient = c2.selectbox(
        "To party", list(PARTIES), format_func=lambda c: f"{c} ({PARTIES[c].name})"
    )
    purpose = c3.text_input("Purpose", value=p.purpose)
    go = st.form_submit_button("Register handover", icon=":material/send:")
if go:
    with services.shown_errors("handover"):
        d = g.products.handover(product_id, recipient=recipient, purpose=purpose.strip())
    st.success(
        f"{d.product_id} v{d.version} handed over to {d.recipient} at {d.at}. "
        "Its ten-year retention has started (art. 7.6)."
    )
