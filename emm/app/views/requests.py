"""Information requests (BI): register a party's question, see similar earlier questions and
their answers first, and answer (registered as a BI product disclosed to the requester)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from emm.app import i18n, services
from emm.app.safe import md
from emm.graph.schema import PARTIES
from emm.products import bi

tr = i18n.current()
g = services.session()
p = g.principal
if not (p.can("create_bi") or p.can("answer_bi")):
    services.require("create_bi")
st.title(tr("bi.title"))
st.caption(tr("bi.intro"))
services.show_flash()
action = "create_bi" if p.can("create_bi") else "answer_bi"
with services.shown_errors(tr("bi.err_requests")):
    requests = g.work.requests()


def similar_table(question: str, exclude: str | None = None) -> None:
    with services.shown_errors(tr("bi.err_similar")):
        found = g.work.similar_requests(question, exclude=exclude)
    if not found:
        st.caption(tr("bi.no_similar"))
        return
    st.dataframe(
        tr.columns(
            pd.DataFrame(
                [
                    {
                        "similarity": round(score, 2),
                        "request": r.request_id,
                        "from": r.requester,
                        "question": r.question,
                        "answer": r.answer or tr("bi.not_answered"),
                    }
                    for score, r in found
                ]
            )
        ),
        hide_index=True,
    )


open_requests = [r for r in requests if r.answer is None]
tabs = st.tabs(
    [
        tr("bi.tab_new"),
        tr("bi.tab_open", n=len(open_requests)),
        tr("bi.tab_all", n=len(requests)),
    ]
)

with tabs[0]:
    if not p.can("create_bi"):
        st.caption(tr("bi.may_not_register"))
    else:
        c1, c2 = st.columns([1, 2])
        requester = c1.selectbox(
            tr("bi.requester"),
            list(PARTIES),
            key="bi_requester",
            format_func=tr.party,
        )
        case_ref = c2.text_input(tr("ex.case_ref"), value=p.purpose, key="bi_case")
        question = st.text_area(tr("bi.question"), key="bi_question", height=100)
        if question.strip():
            st.markdown(tr("bi.similar"))
            similar_table(question)
        if st.button(tr("bi.register"), type="primary", key="bi_register"):
            if not question.strip():
                st.error(tr("bi.question_empty"))
            else:
                with services.shown_errors(tr("bi.err_registering")):
                    req = g.work.register_request(
                        requester=requester, question=question, case_ref=case_ref.strip()
                    )
                services.flash(tr("bi.registered", id=req.request_id))
                st.session_state.pop("bi_question", None)
                st.rerun()

with tabs[1]:
    if not open_requests:
        st.caption(tr("bi.no_open"))
    else:
        by_id = {r.request_id: r for r in open_requests}
        rid = st.selectbox(
            tr("bi.request"),
            list(by_id),
            key="bi_open",
            format_func=lambda i: f"{i} · {by_id[i].requester} · {by_id[i].question[:70]}",
        )
        req = by_id[rid]
        st.markdown(
            tr(
                "bi.asked",
                who=req.requester,
                date=req.registered_at[:10],
                case=md(req.case_ref or "—"),
            )
        )
        st.info(md(req.question))
        st.markdown(tr("bi.similar_answers"))
        similar_table(req.question, exclude=req.request_id)
        if not p.can("answer_bi"):
            st.caption(tr("bi.may_not_answer"))
        else:
            with st.form("bi_answer"):
                text = st.text_area(tr("bi.answer"), height=150)
                st.caption(tr("bi.answer_hint"))
                with services.shown_errors(tr("ex.err_sets")):
                    sets = g.work.sets()
                ws_name = st.selectbox(
                    tr("bi.entities_named"),
                    ["", *[w.name for w in sets]],
                    format_func=lambda n: n or tr("bi.none"),
                )
                send = st.form_submit_button(
                    tr("bi.answer_disclose", who=req.requester), type="primary"
                )
            if send:
                if not text.strip():
                    st.error(tr("bi.answer_empty"))
                else:
                    uids = next((w.uids for w in sets if w.name == ws_name), [])
                    with services.shown_errors(tr("bi.err_answering")):
                        done = g.work.answer_request(req.request_id, text=text, entity_uids=uids)
                    services.flash(
                        tr(
                            "bi.answered",
                            id=req.request_id,
                            product=done.product_id,
                            who=req.requester,
                        )
                    )
                    st.rerun()

with tabs[2]:
    if requests:
        st.dataframe(tr.columns(pd.DataFrame([bi.as_row(r) for r in requests])), hide_index=True)
    else:
        st.caption(tr("bi.no_requests"))
