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
from emm.app import services
from emm.graph.schema import ENTITY_TYPES, PARTIES
from emm.retention import engine, subjects

ss = st.session_state
g = services.session()
p = g.principal
if not services.can_any(p, services.PRIVACY_ACTIONS):
    services.require("audit_verify")
st.title("Privacy & audit")
settings = services.get_settings()
reports_dir = settings.data_dir / "retention"

tabs: dict[str, str] = {}
if p.can("retention_plan"):
    tabs["Retention"] = "retention"
if p.can("subject_request"):
    tabs["Data-subject requests"] = "subject"
if p.can("party_exit"):
    tabs["Party exit"] = "party"
if p.can("audit_verify"):
    tabs["Audit trail"] = "audit"
if p.can("breach_report"):
    tabs["Breach report"] = "breach"
containers = dict(zip(tabs.values(), st.tabs(list(tabs)), strict=True))

# ----------------------------------------------------------------------------- retention

if "retention" in containers:
    with containers["retention"]:
        st.caption(
            "Covenant art. 7: what expires is removed by the system, with a report that "
            "proves what went without keeping the removed personal data."
        )
        with st.expander("Retention rules"):
            st.dataframe(
                pd.DataFrame([r.model_dump() for r in engine.rules().values()]), hide_index=True
            )
        as_of = st.date_input("As of", value=date.today(), key="ret_as_of", format="YYYY-MM-DD")
        if st.button("Show what expires", key="ret_plan"):
            with st.spinner("Planning..."), services.shown_errors("retention plan"):
                planned = g.privacy.retention_plan(as_of)
            ss["ret_plan_result"] = planned
        plan = ss.get("ret_plan_result")
        if plan:
            facts = plan["party-facts"]
            st.markdown(
                f"**Facts registered before {facts['cutoff']}: {facts['facts_total']}** "
                f"(as of {plan['as_of']})"
            )
            if facts["facts"]:
                st.dataframe(pd.DataFrame(facts["facts"]).fillna(0).astype(int))
            c1, c2, c3 = st.columns(3)
            c1.metric("OIBs due", len(plan["oib"]["products"]))
            c2.metric("Information requests due", len(plan["bi"]["requests"]))
            c3.metric(
                "Working sets of delivered products", len(plan["product-work-data"]["working_sets"])
            )
            if p.can("retention_apply"):
                sure = st.checkbox(
                    f"I checked the plan; remove what expired as of {plan['as_of']}.",
                    key="ret_sure",
                )
                if st.button("Apply retention", type="primary", disabled=not sure, key="ret_apply"):
                    with (
                        st.status("Removing expired data...", expanded=True) as status,
                        services.shown_errors("retention"),
                    ):
                        report = g.privacy.retention_apply(date.fromisoformat(plan["as_of"]))
                        removed = report["rules_applied"]["party-facts"]
                        status.update(label="Retention applied", state="complete")
                    ss.pop("ret_plan_result", None)
                    st.success(
                        f"Removed {removed['facts_total']} facts and "
                        f"{removed['nodes_total']} entities; report in {reports_dir}."
                    )
                    st.json(report, expanded=False)

# ----------------------------------------------------------------------------- subjects

if "subject" in containers:
    with containers["subject"]:
        st.caption(
            "Art. 10: access, rectification, erasure and restriction; refusal on "
            "statutory grounds. Requests are recorded without the subject's name."
        )
        with st.form("subject_find"):
            c1, c2, c3 = st.columns(3)
            bsn = c1.text_input("BSN")
            name = c2.text_input("Name (with date of birth)")
            dob = c3.text_input("Date of birth", placeholder="YYYY-MM-DD or DD-MM-YYYY")
            look = st.form_submit_button("Find the person", icon=":material/person_search:")
        if look:
            with services.shown_errors("identifying"):
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
                st.warning("Nobody in the graph matches these identifiers.")
        persons: list[str] = ss.get("subj_found") or []
        if persons:
            with services.shown_errors("identifying"):
                shown = g.privacy.describe(persons)
            st.dataframe(
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
                ),
                hide_index=True,
            )
            kind = st.radio(
                "Request",
                ["access", "rectify", "restrict", "lift restriction", "erase", "refuse"],
                horizontal=True,
                key="subj_kind",
            )
            if kind == "access":
                with st.form("subj_access"):
                    st.caption(
                        "Withhold a party's facts on statutory grounds (partial refusal); "
                        "parties coordinate before answering (art. 10.4)."
                    )
                    refuse = {}
                    cols = st.columns(len(PARTIES))
                    for col, party in zip(cols, PARTIES, strict=True):
                        grounds = col.multiselect(
                            party, list(subjects.REFUSAL_GROUNDS), key=f"subj_refuse_{party}"
                        )
                        if grounds:
                            refuse[party] = grounds
                    coordinated = st.multiselect("Coordinated with", list(PARTIES))
                    go = st.form_submit_button("Answer the access request", type="primary")
                if go:
                    with services.shown_errors("access"):
                        outcome, answer = g.privacy.access(
                            persons, refuse=refuse, coordinated_with=coordinated
                        )
                    st.success(f"{outcome.request_id}: {outcome.status.replace('_', ' ')}")
                    for person in answer["persons"]:
                        st.markdown(f"**{person['uid']}**")
                        st.dataframe(pd.DataFrame(person["values"]), hide_index=True)
                        st.dataframe(pd.DataFrame(person["facts"]), hide_index=True)
                        st.caption("Received data about this person (art. 10.2):")
                        st.dataframe(pd.DataFrame(person["recipients"]), hide_index=True)
                    st.download_button(
                        "Download the answer (JSON)",
                        json.dumps(answer, indent=2, ensure_ascii=False),
                        file_name=f"{outcome.request_id}.json",
                        mime="application/json",
                    )
            elif kind == "rectify":
                with st.form("subj_rectify"):
                    fields = [f.name for f in ENTITY_TYPES["Person"].fields]
                    c1, c2 = st.columns(2)
                    field_name = c1.selectbox("Field", fields)
                    value = c2.text_input("Correct value")
                    go = st.form_submit_button("Rectify", type="primary")
                if go:
                    if not value.strip():
                        st.error("Give the correct value.")
                    else:
                        with services.shown_errors("rectification"):
                            g.privacy.rectify(persons, field_name, value)
                        ss.pop("subj_found", None)
                        st.success(f"{field_name} rectified for {len(persons)} record(s).")
            elif kind in ("restrict", "lift restriction"):
                lift = kind == "lift restriction"
                if st.button(
                    "Lift the restriction" if lift else "Restrict processing",
                    type="primary",
                    key="subj_restrict",
                ):
                    with services.shown_errors("restriction"):
                        g.privacy.restrict(persons, lift=lift)
                    ss.pop("subj_found", None)
                    st.success(
                        "Restriction lifted."
                        if lift
                        else "Processing restricted: the person is left out of every read."
                    )
            elif kind == "erase":
                sure = st.checkbox(
                    f"Erase {len(persons)} record(s) and every fact about them",
                    key="subj_erase_sure",
                )
                if st.button("Erase", type="primary", disabled=not sure, key="subj_erase"):
                    with st.spinner("Erasing..."), services.shown_errors("erasure"):
                        o = g.privacy.erase(persons)
                        removed = int(o.detail["facts_removed"])
                    ss.pop("subj_found", None)
                    st.success(f"Erased; {removed} facts removed. Report in {reports_dir}.")
            else:
                with st.form("subj_refuse"):
                    c1, c2 = st.columns(2)
                    refused_kind = c1.selectbox("Request refused", list(subjects.REQUEST_KINDS))
                    grounds = c2.multiselect(
                        "Statutory grounds",
                        list(subjects.REFUSAL_GROUNDS),
                        format_func=lambda k: subjects.REFUSAL_GROUNDS[k],
                    )
                    go = st.form_submit_button("Refuse", type="primary")
                if go:
                    with services.shown_errors("refusal"):
                        o = g.privacy.refuse(persons, refused_kind, grounds)
                    st.success(f"{o.request_id}: {refused_kind} refused on {', '.join(grounds)}.")

# ----------------------------------------------------------------------------- party exit

if "party" in containers:
    with containers["party"]:
        st.caption(
            "Art. 5.7 and 14.3: when a party ends supply or leaves, isolate its data "
            "(hidden from every read) or remove it; reinstate undoes an isolation."
        )
        with st.form("party_exit"):
            c1, c2 = st.columns(2)
            party = c1.selectbox(
                "Party", list(PARTIES), format_func=lambda c: f"{c} ({PARTIES[c].name})"
            )
            mode = c2.radio("Action", ["isolate", "remove", "reinstate"], horizontal=True)
            reason = st.text_input("Reason", placeholder="e.g. notice of termination 2026-09-01")
            sure = st.checkbox("I am sure")
            go = st.form_submit_button("Carry out", type="primary")
        if go:
            if not sure:
                st.error("Tick “I am sure” first.")
            else:
                with st.spinner(f"{mode} {party}..."), services.shown_errors("party exit"):
                    report = g.privacy.party_exit(party, mode=mode, reason=reason.strip())
                st.success(f"{party}: {mode} done.")
                st.json(report, expanded=False)

# ----------------------------------------------------------------------------- audit

if "audit" in containers:
    with containers["audit"]:
        st.caption(
            "Every line carries the hash of the one before: an edited, removed, "
            "inserted or reordered line, or a cut-off end, is detected."
        )
        if st.button("Verify the audit trail", key="audit_verify", icon=":material/verified:"):
            with st.spinner("Checking the hash chain..."):
                verified = g.privacy.audit_verify()
            if verified.ok:
                st.success(f"Intact: {verified.entries} entries, the chain is unbroken.")
            else:
                st.error(
                    f"TAMPERED: {len(verified.problems)} problem(s) in {verified.entries} entries."
                )
                st.dataframe(pd.DataFrame({"problem": verified.problems}), hide_index=True)

# ----------------------------------------------------------------------------- breach

if "breach" in containers:
    with containers["breach"]:
        st.caption(
            "Art. 8.3: the police inform all parties at once; this shows whose data a "
            "breach touched in a period, by user or by export."
        )
        with st.form("breach"):
            c1, c2 = st.columns(2)
            window = c1.date_input(
                "Period",
                value=(date.today() - timedelta(days=30), date.today()),
                format="YYYY-MM-DD",
            )
            names = ["(any user)", *sorted(u.name for u in users(settings).list())]
            who = c2.selectbox("User", names)
            product = st.text_input("Only this product (export or handover id)")
            go = st.form_submit_button("Report", type="primary")
        if go:
            if not isinstance(window, tuple) or len(window) != 2:
                st.error("Choose the first and the last day of the period.")
            else:
                start, end = (d.isoformat() for d in window)
                with services.shown_errors("breach report"):
                    touched = g.privacy.breach(
                        start=start,
                        end=end,
                        user=None if who == "(any user)" else who,
                        product=product.strip() or None,
                    )
                if touched["entries"] == 0 and not touched["parties"]:
                    st.info("No activity in the audit trail matches.")
                else:
                    st.error(
                        f"Parties to inform: {', '.join(touched['parties']) or 'none'}",
                        icon=":material/campaign:",
                    )
                    c1, c2 = st.columns(2)
                    c1.metric("Audit entries", touched["entries"])
                    c2.dataframe(
                        pd.DataFrame(
                            [{"action": k, "entries": v} for k, v in touched["actions"].items()]
                        ),
                        hide_index=True,
                    )
