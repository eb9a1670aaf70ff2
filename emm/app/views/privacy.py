"""Privacy & audit: retention (art. 7), data-subject requests (art. 10), a party's exit
(art. 14.3), verification of the audit trail and breach reports (art. 8.3).

Every action is logged in the audit trail; reports hold counts, not personal data.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pandas as pd
import streamlit as st

from emm.access.session import users
from emm.app import i18n, services
from emm.graph.schema import ENTITY_TYPES, PARTIES
from emm.retention import engine, subjects

ss = st.session_state
tr = i18n.current()
g = services.session()
p = g.principal
if not services.can_any(p, services.PRIVACY_ACTIONS):
    services.require("audit_verify")
st.title(tr("pr.title"))
settings = services.get_settings()
reports_dir = settings.data_dir / "retention"

tabs: dict[str, str] = {}
if p.can("retention_plan"):
    tabs[tr("pr.tab_retention")] = "retention"
if p.can("subject_request"):
    tabs[tr("pr.tab_subject")] = "subject"
if p.can("party_exit"):
    tabs[tr("pr.tab_party")] = "party"
if p.can("audit_verify"):
    tabs[tr("home.audit")] = "audit"
if p.can("breach_report"):
    tabs[tr("pr.tab_breach")] = "breach"
containers = dict(zip(tabs.values(), st.tabs(list(tabs)), strict=True))

# ----------------------------------------------------------------------------- retention

if "retention" in containers:
    with containers["retention"]:
        st.caption(tr("pr.ret_intro"))
        with st.expander(tr("pr.ret_rules")):
            st.dataframe(
                tr.columns(pd.DataFrame([r.model_dump() for r in engine.rules().values()])),
                hide_index=True,
            )
        as_of = st.date_input(
            tr("pr.as_of"), value=date.today(), key="ret_as_of", format="YYYY-MM-DD"
        )
        if st.button(tr("pr.show_plan"), key="ret_plan"):
            with st.spinner(tr("pr.planning")), services.shown_errors(tr("pr.err_plan")):
                planned = g.privacy.retention_plan(as_of)
            ss["ret_plan_result"] = planned
        plan = ss.get("ret_plan_result")
        if plan:
            facts = plan["party-facts"]
            st.markdown(
                tr(
                    "pr.facts_before",
                    cutoff=facts["cutoff"],
                    n=facts["facts_total"],
                    as_of=plan["as_of"],
                )
            )
            if facts["facts"]:
                st.dataframe(pd.DataFrame(facts["facts"]).fillna(0).astype(int))
            c1, c2, c3 = st.columns(3)
            c1.metric(tr("pr.oibs_due"), len(plan["oib"]["products"]))
            c2.metric(tr("pr.bi_due"), len(plan["bi"]["requests"]))
            c3.metric(tr("pr.sets_due"), len(plan["product-work-data"]["working_sets"]))
            if p.can("retention_apply"):
                sure = st.checkbox(
                    tr("pr.sure_plan", as_of=plan["as_of"]),
                    key="ret_sure",
                )
                if st.button(tr("pr.apply"), type="primary", disabled=not sure, key="ret_apply"):
                    with (
                        st.status(tr("pr.removing"), expanded=True) as status,
                        services.shown_errors(tr("pr.tab_retention")),
                    ):
                        report = g.privacy.retention_apply(date.fromisoformat(plan["as_of"]))
                        removed = report["rules_applied"]["party-facts"]
                        status.update(label=tr("pr.applied"), state="complete")
                    ss.pop("ret_plan_result", None)
                    st.success(
                        tr(
                            "pr.removed",
                            facts=removed["facts_total"],
                            nodes=removed["nodes_total"],
                            dir=reports_dir,
                        )
                    )
                    st.json(report, expanded=False)

# ----------------------------------------------------------------------------- subjects

if "subject" in containers:
    with containers["subject"]:
        st.caption(tr("pr.subj_intro"))
        with st.form("subject_find"):
            c1, c2, c3 = st.columns(3)
            bsn = c1.text_input("BSN")
            name = c2.text_input(tr("pr.name_dob"))
            dob = c3.text_input(tr("pr.dob"), placeholder=tr("pr.dob_placeholder"))
            look = st.form_submit_button(tr("pr.find"), icon=":material/person_search:")
        if look:
            with services.shown_errors(tr("pr.err_identifying")):
                try:
                    ss["subj_found"] = g.privacy.find_subject(
                        bsn=bsn.strip() or None,
                        name=name.strip() or None,
                        birth_date=dob.strip() or None,
                    )
                except subjects.SubjectError as exc:
                    ss["subj_found"] = []
                    st.error(str(exc))
            if not ss["subj_found"]:
                st.warning(tr("pr.nobody"))
        persons: list[str] = ss.get("subj_found") or []
        if persons:
            with services.shown_errors(tr("pr.err_identifying")):
                shown = g.privacy.describe(persons)
            st.dataframe(
                tr.columns(
                    pd.DataFrame(
                        [
                            {
                                "record": row["uid"],
                                "name": " / ".join(row["names"]),
                                "born": " / ".join(row["born"]),
                                "BSN": " / ".join(row["bsn"]),
                                "known to": ", ".join(row["known_to"]),
                                "restricted": row["restricted"],
                            }
                            for row in shown
                        ]
                    )
                ),
                hide_index=True,
            )
            kind = st.radio(
                tr("bi.request"),
                ["access", "rectify", "restrict", "lift restriction", "erase", "refuse"],
                format_func=lambda k: tr("pr.kind_" + k.replace(" ", "_")),
                horizontal=True,
                key="subj_kind",
            )
            if kind == "access":
                with st.form("subj_access"):
                    st.caption(tr("pr.withhold"))
                    refuse = {}
                    cols = st.columns(len(PARTIES))
                    for col, party in zip(cols, PARTIES, strict=True):
                        grounds = col.multiselect(
                            party, list(subjects.REFUSAL_GROUNDS), key=f"subj_refuse_{party}"
                        )
                        if grounds:
                            refuse[party] = grounds
                    coordinated = st.multiselect(tr("pr.coordinated"), list(PARTIES))
                    go = st.form_submit_button(tr("pr.answer_access"), type="primary")
                if go:
                    with services.shown_errors(tr("pr.kind_access")):
                        outcome, answer = g.privacy.access(
                            persons, refuse=refuse, coordinated_with=coordinated
                        )
                    st.success(f"{outcome.request_id}: {outcome.status.replace('_', ' ')}")
                    for person in answer["persons"]:
                        st.markdown(f"**{person['uid']}**")
                        st.dataframe(tr.columns(pd.DataFrame(person["values"])), hide_index=True)
                        st.dataframe(tr.columns(pd.DataFrame(person["facts"])), hide_index=True)
                        st.caption(tr("pr.received"))
                        st.dataframe(
                            tr.columns(pd.DataFrame(person["recipients"])), hide_index=True
                        )
                    st.download_button(
                        tr("pr.download_answer"),
                        json.dumps(answer, indent=2, ensure_ascii=False),
                        file_name=f"{outcome.request_id}.json",
                        mime="application/json",
                    )
            elif kind == "rectify":
                with st.form("subj_rectify"):
                    fields = [f.name for f in ENTITY_TYPES["Person"].fields]
                    c1, c2 = st.columns(2)
                    field_name = c1.selectbox(tr("pr.field"), fields, format_func=tr.prop)
                    value = c2.text_input(tr("pr.correct_value"))
                    go = st.form_submit_button(tr("pr.rectify_button"), type="primary")
                if go:
                    if not value.strip():
                        st.error(tr("pr.need_value"))
                    else:
                        with services.shown_errors(tr("pr.err_rectification")):
                            g.privacy.rectify(persons, field_name, value)
                        ss.pop("subj_found", None)
                        st.success(tr("pr.rectified", field=tr.prop(field_name), n=len(persons)))
            elif kind in ("restrict", "lift restriction"):
                lift = kind == "lift restriction"
                if st.button(
                    tr("pr.lift") if lift else tr("pr.restrict"),
                    type="primary",
                    key="subj_restrict",
                ):
                    with services.shown_errors(tr("pr.err_restriction")):
                        g.privacy.restrict(persons, lift=lift)
                    ss.pop("subj_found", None)
                    st.success(tr("pr.lifted") if lift else tr("pr.restricted"))
            elif kind == "erase":
                sure = st.checkbox(
                    tr("pr.sure_erase", n=len(persons)),
                    key="subj_erase_sure",
                )
                if st.button(
                    tr("pr.erase_button"), type="primary", disabled=not sure, key="subj_erase"
                ):
                    with st.spinner(tr("pr.erasing")), services.shown_errors(tr("pr.err_erasure")):
                        o = g.privacy.erase(persons)
                        removed = int(o.detail["facts_removed"])
                    ss.pop("subj_found", None)
                    st.success(tr("pr.erased", n=removed, dir=reports_dir))
            else:
                with st.form("subj_refuse"):
                    c1, c2 = st.columns(2)
                    refused_kind = c1.selectbox(tr("pr.refused_kind"), list(subjects.REQUEST_KINDS))
                    grounds = c2.multiselect(
                        tr("pr.grounds"),
                        list(subjects.REFUSAL_GROUNDS),
                        format_func=lambda k: subjects.REFUSAL_GROUNDS[k],
                    )
                    go = st.form_submit_button(tr("pr.refuse_button"), type="primary")
                if go:
                    with services.shown_errors(tr("pr.err_refusal")):
                        o = g.privacy.refuse(persons, refused_kind, grounds)
                    st.success(
                        tr(
                            "pr.refused",
                            id=o.request_id,
                            kind=refused_kind,
                            grounds=", ".join(grounds),
                        )
                    )

# ----------------------------------------------------------------------------- party exit

if "party" in containers:
    with containers["party"]:
        st.caption(tr("pr.party_intro"))
        with st.form("party_exit"):
            c1, c2 = st.columns(2)
            party = c1.selectbox(tr("pr.party"), list(PARTIES), format_func=tr.party)
            mode = c2.radio(
                tr("pr.action"),
                ["isolate", "remove", "reinstate"],
                format_func=lambda m: tr("pr.mode_" + m),
                horizontal=True,
            )
            reason = st.text_input(tr("pr.reason"), placeholder=tr("pr.reason_placeholder"))
            sure = st.checkbox(tr("pr.sure"))
            go = st.form_submit_button(tr("pr.carry_out"), type="primary")
        if go:
            if not sure:
                st.error(tr("pr.tick_sure"))
            else:
                with (
                    st.spinner(f"{tr('pr.mode_' + mode)} {party}..."),
                    services.shown_errors(tr("pr.tab_party")),
                ):
                    report = g.privacy.party_exit(party, mode=mode, reason=reason.strip())
                st.success(tr("pr.party_done", party=party, mode=tr("pr.mode_" + mode)))
                st.json(report, expanded=False)

# ----------------------------------------------------------------------------- audit

if "audit" in containers:
    with containers["audit"]:
        st.caption(tr("pr.audit_intro"))
        if st.button(tr("pr.verify"), key="audit_verify", icon=":material/verified:"):
            with st.spinner(tr("pr.checking_chain")):
                verified = g.privacy.audit_verify()
            if verified.ok:
                st.success(tr("pr.intact", n=verified.entries))
            else:
                st.error(tr("pr.tampered", problems=len(verified.problems), n=verified.entries))
                st.dataframe(pd.DataFrame({tr("pr.problem"): verified.problems}), hide_index=True)

# ----------------------------------------------------------------------------- breach

if "breach" in containers:
    with containers["breach"]:
        st.caption(tr("pr.breach_intro"))
        with st.form("breach"):
            c1, c2 = st.columns(2)
            window = c1.date_input(
                tr("tr.period"),
                value=(date.today() - timedelta(days=30), date.today()),
                format="YYYY-MM-DD",
            )
            names = ["", *sorted(u.name for u in users(settings).list())]
            who = c2.selectbox(tr("pr.user"), names, format_func=lambda n: n or tr("pr.any_user"))
            product = st.text_input(tr("pr.only_product"))
            go = st.form_submit_button(tr("pr.report"), type="primary")
        if go:
            if not isinstance(window, tuple) or len(window) != 2:
                st.error(tr("tr.need_period"))
            else:
                start, end = (d.isoformat() for d in window)
                with services.shown_errors(tr("pr.tab_breach")):
                    touched = g.privacy.breach(
                        start=start,
                        end=end,
                        user=who or None,
                        product=product.strip() or None,
                    )
                if touched["entries"] == 0 and not touched["parties"]:
                    st.info(tr("pr.no_activity"))
                else:
                    st.error(
                        tr("pr.inform", parties=", ".join(touched["parties"]) or tr("home.none")),
                        icon=":material/campaign:",
                    )
                    c1, c2 = st.columns(2)
                    c1.metric(tr("pr.audit_entries"), touched["entries"])
                    c2.dataframe(
                        tr.columns(
                            pd.DataFrame(
                                [{"action": k, "entries": v} for k, v in touched["actions"].items()]
                            )
                        ),
                        hide_index=True,
                    )
