"""Information requests (BI): register a party's question, see similar earlier questions and
their answers first, and answer (registered as a BI product disclosed to the requester)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from emm.app import services
from emm.graph.schema import PARTIES
from emm.products import bi

g = services.session()
p = g.principal
if not (p.can("create_bi") or p.can("answer_bi")):
    services.require("create_bi")
st.title("Information requests")
st.caption(
    "Questions of the parties about entities, investigations or phenomena (BI). Requests and "
    "answers are kept ten years (art. 7.5) so earlier answers can be reused."
)
services.show_flash()
action = "create_bi" if p.can("create_bi") else "answer_bi"
with services.shown_errors("requests"):
    requests = g.work.requests()


def similar_table(question: str, exclude: str | None = None) -> None:
    with services.shown_errors("similar questions"):
        found = g.work.similar_requests(question, exclude=exclude)
    if not found:
        st.caption("No similar earlier question.")
        return
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "similarity": round(score, 2),
                    "request": r.request_id,
                    "from": r.requester,
                    "question": r.question,
                    "answer": r.answer or "(not answered yet)",
                }
                for score, r in found
            ]
        ),
        hide_index=True,
    )


open_requests = [r for r in requests if r.answer is None]
tabs = st.tabs(["New request", f"Open ({len(open_requests)})", f"All ({len(requests)})"])

with tabs[0]:
    if not p.can("create_bi"):
        st.caption("Your role may not register requests.")
    else:
        c1, c2 = st.columns([1, 2])
        requester = c1.selectbox(
            "Requesting party",
            list(PARTIES),
            key="bi_requester",
            format_func=lambda c: f"{c} ({PARTIES[c].name})",
        )
        case_ref = c2.text_input("Case reference", value=p.purpose, key="bi_case")
        question = st.text_area("Question", key="bi_question", height=100)
        if question.strip():
            st.markdown("**Similar earlier questions**")
            similar_table(question)
        if st.button("Register request", type="primary", key="bi_register"):
            if not question.strip():
                st.error("The question is empty.")
            else:
                with services.shown_errors("registering"):
                    req = g.work.register_request(
                        requester=requester, question=question, case_ref=case_ref.strip()
                    )
                services.flash(f"Registered {req.request_id}.")
                st.session_state.pop("bi_question", None)
                st.rerun()

with tabs[1]:
    if not open_requests:
        st.caption("No open requests.")
    else:
        by_id = {r.request_id: r for r in open_requests}
        rid = st.selectbox(
            "Request",
            list(by_id),
            key="bi_open",
            format_func=lambda i: f"{i} · {by_id[i].requester} · {by_id[i].question[:70]}",
        )
        req = by_id[rid]
        st.markdown(
            f"**{req.requester}** asked on {req.registered_at[:10]} (case {req.case_ref or '—'}):"
        )
        st.info(req.question)
        st.markdown("**Similar earlier questions and their answers**")
        similar_table(req.question, exclude=req.request_id)
        if not p.can("answer_bi"):
            st.caption("Your role may not answer requests.")
        else:
            with st.form("bi_answer"):
                text = st.text_area("Answer", height=150)
                st.caption(
                    "The parties and legal bases of the answer are those of the entities it "
                    "names (recorded in the disclosure log)."
                )
                with services.shown_errors("working sets"):
                    sets = g.work.sets()
                ws_name = st.selectbox(
                    "Entities named (from one of your working sets)",
                    ["(none)", *[w.name for w in sets]],
                )
                send = st.form_submit_button(
                    "Answer and disclose to " + req.requester, type="primary"
                )
            if send:
                if not text.strip():
                    st.error("The answer is empty.")
                else:
                    uids = next((w.uids for w in sets if w.name == ws_name), [])
                    with services.shown_errors("answering"):
                        done = g.work.answer_request(req.request_id, text=text, entity_uids=uids)
                    services.flash(
                        f"Answered {req.request_id} as {done.product_id}; "
                        f"disclosure to {req.requester} registered."
                    )
                    st.rerun()

with tabs[2]:
    if requests:
        st.dataframe(pd.DataFrame([bi.as_row(r) for r in requests]), hide_index=True)
    else:
        st.caption("No requests yet.")
