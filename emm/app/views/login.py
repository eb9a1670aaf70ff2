"""Log in: user, password and the purpose (case or request reference) of this session.

The purpose goes into every audit entry of the session (covenant art. 8.1: access for a task).
"""

from __future__ import annotations

import streamlit as st

from emm.access import AuthenticationFailed
from emm.access.session import users
from emm.app import services

st.title("EMM Workbench")
st.caption(
    "Expertisecentrum Mensenhandel en Mensensmokkel: pooled information of POL, KMAR, ISZW, "
    "IND and OM. Access only for your statutory task; everything you do is recorded."
)
message = st.session_state.pop(services.FLASH, None)
if message:
    st.info(message)

with st.form("login", enter_to_submit=True):
    name = st.text_input("User name", autocomplete="username")
    password = st.text_input("Password", type="password", autocomplete="current-password")
    purpose = st.text_input(
        "Purpose or case reference",
        placeholder="e.g. case 2026/123, BI request 45, trend picture Q3",
        help="Recorded with everything you do in this session.",
    )
    submitted = st.form_submit_button("Log in", type="primary")

if submitted:
    if not name.strip() or not password:
        st.error("Enter your user name and password.")
    elif not purpose.strip():
        st.error(
            "Give the purpose or case reference of this session; it goes into the audit trail."
        )
    else:
        try:
            user = users(services.get_settings()).authenticate(name.strip(), password)
        except AuthenticationFailed:
            st.error("Unknown user or wrong password.")
        else:
            services.login(user.principal(purpose.strip()))
            st.rerun()
