"""Entry point of the web app: ``streamlit run emm/app/main.py`` (or ``emm app``).

The router: without a logged-in user only the login page exists; after login the navigation
holds the pages the user's role allows (``principal.can``). A session idle for 30 minutes is
logged out on its next interaction.
"""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from emm.app import services
from emm.app.graphview import app_icon
from emm.app.helpers import idle_expired

HERE = Path(__file__).resolve().parent
VIEWS = HERE / "views"
PERSISTENT_WIDGETS = (
    "ex_hops",
    "ex_max",
    "ex_colour",
    "ex_kp",
    "ex_parties",
    "ex_bases",
    "ex_types",
    "ex_use_dates",
    "ex_dates",
    "ex_selected",
    "ex_pa",
    "ex_pb",
)

# Viewer toolbar only; an unexpected error shows its type, never a message or values from data.
st.set_option("client.toolbarMode", "viewer")
st.set_option("client.showErrorDetails", "type")
st.set_page_config(page_title="EMM Workbench", page_icon=app_icon(), layout="wide")


def page(name: str, title: str, icon: str, *, default: bool = False) -> st.Page:
    return st.Page(str(VIEWS / f"{name}.py"), title=title, icon=icon, default=default)


now = time.time()
principal = services.current_principal()
if principal is not None and idle_expired(st.session_state.get("last_active"), now):
    services.logout("Your session ended after 30 minutes without activity. Log in again.")
    principal = None

if principal is None:
    nav = st.navigation(
        [page("login", "Log in", ":material/login:", default=True)], position="hidden"
    )
else:
    st.session_state["last_active"] = now
    if principal.can("create_trend"):
        services.warm_deidentification()
    can = principal.can
    work = [page("home", "Home", ":material/dashboard:", default=True)]
    if can("search"):
        work.append(page("search", "Search", ":material/search:"))
    if can("expand_network"):
        work.append(page("explorer", "Network explorer", ":material/hub:"))
        work.append(page("indicators", "Indicators", ":material/flag:"))
    if can("review_same_person"):
        work.append(page("same_person", "Same-person candidates", ":material/group:"))
    products = []
    if can("create_oib"):
        products.append(page("oib", "OIB", ":material/description:"))
    if can("create_bi") or can("answer_bi"):
        products.append(page("requests", "Information requests", ":material/contact_support:"))
    if can("create_trend"):
        products.append(page("trends", "Trend pictures", ":material/trending_up:"))
    oversight = []
    if services.can_any(principal, services.PRIVACY_ACTIONS):
        oversight.append(page("privacy", "Privacy & audit", ":material/shield:"))
    sections = {"Workbench": work, "Products": products, "Oversight": oversight}
    nav = st.navigation({k: v for k, v in sections.items() if v})
    with st.sidebar:
        st.markdown(
            f"**{principal.user}** · {principal.role.replace('_', ' ')} ({principal.affiliation})"
        )
        st.caption(f"Purpose: {principal.purpose}")
        if st.button("Log out", icon=":material/logout:", key="logout"):
            services.logout()
            st.rerun()
    # Streamlit forgets a widget's value when its page is not shown; keep the explorer's view.
    for key in PERSISTENT_WIDGETS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
nav.run()
