"""Same-person candidates: pairs of person records that may be one person; confirm or reject.

Confirmed pairs are merged in analysis copies only; the parties' records stay as delivered.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from emm.app import services
from emm.app.helpers import entity_properties, pending_candidates

PAGE = 5

g = services.require("review_same_person")
p = g.principal
st.title("Same-person candidates")
st.caption(
    "Records the parties delivered separately that may describe one person. A confirmed pair "
    "is treated as one person in analyses; the parties' records are never changed."
)
services.show_flash()

run = services.latest_run(g)
if run is None:
    services.run_missing_message()
    st.stop()

with services.shown_errors("judgements"):
    done = g.work.judgements()
pending = pending_candidates(run.candidates, [(j.a, j.b) for j in done])

c1, c2, c3 = st.columns(3)
c1.metric("Candidates", len(run.candidates))
c2.metric("Waiting for a decision", len(pending))
c3.metric("Decided", len(done))

if not pending:
    st.success("No candidates are waiting for a decision.")
else:
    start = st.number_input(
        "First candidate shown",
        min_value=1,
        max_value=len(pending),
        value=1,
        step=PAGE,
        key="sp_start",
    )
    for c in pending[start - 1 : start - 1 + PAGE]:
        a, b = services.entity(g, c["a"]), services.entity(g, c["b"])
        with st.container(border=True):
            st.markdown(f"**Score {c['score']:.2f}** · " + " · ".join(c["reasons"]))
            if a is None or b is None:
                st.caption(
                    "One of the records is no longer visible to you (removed or restricted)."
                )
                continue
            left, right = st.columns(2)
            for col, e in ((left, a), (right, b)):
                col.markdown(f"**{e.caption}** · known to {', '.join(e.parties)}")
                col.json(entity_properties(e.props), expanded=True)
            reason = st.text_input(
                "Reason (kept with the decision)", key=f"sp-why-{c['a']}-{c['b']}"
            )
            k1, k2, _ = st.columns([1, 1, 4])
            decision = None
            if k1.button(
                "Same person",
                key=f"sp-yes-{c['a']}-{c['b']}",
                type="primary",
                icon=":material/check:",
            ):
                decision = "confirmed"
            if k2.button("Different", key=f"sp-no-{c['a']}-{c['b']}", icon=":material/close:"):
                decision = "rejected"
            if decision:
                with services.shown_errors("recording"):
                    g.work.judge(c["a"], c["b"], decision, reason=reason, score=c["score"])
                services.flash(f"Recorded: {decision}.")
                st.rerun()

if done:
    st.subheader("Decisions")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "decision": j.decision,
                    "by": j.by,
                    "at": j.at,
                    "score": j.score,
                    "record a": j.a,
                    "record b": j.b,
                }
                for j in done
            ]
        ),
        hide_index=True,
    )
