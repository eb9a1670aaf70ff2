"""Log in: user, password and the purpose (case or request reference) of this session.

The purpose goes into every audit entry of the session (covenant art. 8.1: access for a task).
The password is checked by :func:`emm.access.auth.login`, the one login of the CLI and the app:
per-user throttling and lockout (:mod:`emm.access.lockout`) and the audit entries (``login``,
``login_failed``, ``login_refused``). On top of it the app counts failures per client
(:mod:`emm.access.throttle`, rule ``per-client``): one computer trying many user names.
"""

from __future__ import annotations

import math

import streamlit as st

from emm.access import AuthenticationFailed, auth
from emm.access.lockout import LockedOut
from emm.access.session import audit_log
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


def audit(action: str, **detail: object) -> None:
    # no user name: this is about the client, and a typed name may be a password
    audit_log(settings).append(user="(client)", role="-", action=action, detail=detail)


if submitted:
    name = name.strip()
    client = websession.client()
    throttle = web.throttle(settings)
    if not name or not password:
        st.error(tr("login.missing"))
    elif not purpose.strip():
        st.error(tr("login.no_purpose"))
    elif (lock := throttle.check(name, client)) is not None:
        audit("login_refused_client", client=client, rule=lock.rule)
        st.error(tr("login.locked", minutes=lock.minutes_left(throttle.clock())))
    else:
        try:
            user = auth.login(settings, name, password, channel="app", purpose=purpose.strip())
        except LockedOut as exc:
            st.error(tr("login.locked", minutes=max(1, math.ceil(exc.retry_after / 60))))
            if not exc.locked:
                st.caption(tr("login.retry_after", seconds=exc.retry_after))
        except AuthenticationFailed:
            started = throttle.failed(name, client)
            if started is not None:
                audit("login_locked_client", client=client, rule=started.rule)
                st.error(tr("login.locked", minutes=started.minutes_left(throttle.clock())))
            else:
                st.error(tr("login.wrong"))
        else:
            throttle.succeeded(name, client)
            services.login(user.principal(purpose.strip()))
            st.rerun()
