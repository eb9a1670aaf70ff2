"""Log in: user, password and the purpose (case or request reference) of this session.

The purpose goes into every audit entry of the session (covenant art. 8.1: access for a task).
Failed logins are throttled per user name and per client (:mod:`emm.access.throttle`): a locked
attempt is refused without checking the password. Every failure, lockout and refusal is audited.
"""

from __future__ import annotations

import streamlit as st

from emm.access import AuthenticationFailed
from emm.access.session import audit_log, users
from emm.app import i18n, services, web, websession

tr = i18n.current()
settings = services.get_settings()

st.title("EMM Workbench")
st.caption(tr("login.intro"))
message = st.session_state.pop(services.FLASH, None)
if message:
    st.info(message)

with st.form("login", enter_to_submit=True):
    name = st.text_input(tr("login.user"), autocomplete="username", key="login_user")
    password = st.text_input(
        tr("login.password"), type="password", autocomplete="current-password", key="login_pw"
    )
    purpose = st.text_input(
        tr("login.purpose"),
        placeholder=tr("login.purpose_placeholder"),
        help=tr("login.purpose_help"),
        key="login_purpose",
    )
    submitted = st.form_submit_button(tr("login.submit"), type="primary")


def audit(action: str, user: str, **detail: object) -> None:
    audit_log(settings).append(user=user, role="-", action=action, detail=detail)


if submitted:
    name = name.strip()
    client = websession.client()
    known = bool(name) and users(settings).get(name) is not None
    who = name if known else "(unknown)"  # a mistyped password never lands in the audit trail
    if not name or not password:
        st.error(tr("login.missing"))
    elif not purpose.strip():
        st.error(tr("login.no_purpose"))
    elif (lock := web.throttle(settings).check(name, client)) is not None:
        audit("login_refused_locked", who, client=client, rule=lock.rule)
        st.error(tr("login.locked", minutes=lock.minutes_left(web.throttle(settings).clock())))
    else:
        try:
            user = users(settings).authenticate(name, password)
        except AuthenticationFailed:
            started = web.throttle(settings).failed(name, client)
            audit("login_failed", who, client=client)
            if started is not None:
                audit("login_locked", who, client=client, rule=started.rule)
                st.error(
                    tr("login.locked", minutes=started.minutes_left(web.throttle(settings).clock()))
                )
            else:
                st.error(tr("login.wrong"))
        else:
            web.throttle(settings).succeeded(name, client)
            services.login(user.principal(purpose.strip()))
            st.rerun()
