"""Entry point of the web app (served by ``emm app`` through :mod:`emm.app.serve`).

The router: without a logged-in user every page address shows the login form (so a reload or a
deep link never ends on "Page not found"); after login the navigation holds the pages the user's
role allows (``principal.can``). A tab finds its session again through the session cookie
(:mod:`emm.app.websession`); a session idle for 30 minutes, or ended in another tab, logs the tab
out on its next interaction. Deep links: ``?entity=<uid>`` (optionally ``&hops=2&max=500``) and
``?set=<working set>`` open the network explorer there.
"""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from emm.app import i18n, services, websession
from emm.app.graphview import app_icon
from emm.app.helpers import idle_expired
from emm.app.safe import md

HERE = Path(__file__).resolve().parent
VIEWS = HERE / "views"
PAGES = (
    "home",
    "search",
    "explorer",
    "indicators",
    "same_person",
    "oib",
    "requests",
    "trends",
    "privacy",
)
DEEP_LINKS = ("entity", "set")
PERSISTENT_WIDGETS = (*websession.EXPLORER_WIDGETS, "ex_pa", "ex_pb")

# Viewer toolbar only; an unexpected error shows its type, never a message or values from data.
st.set_option("client.toolbarMode", "viewer")
st.set_option("client.showErrorDetails", "type")
st.set_page_config(page_title="EMM Workbench", page_icon=app_icon(), layout="wide")

tr = i18n.current()
settings = services.get_settings()


def page(name: str, icon: str, *, default: bool = False) -> st.Page:
    return st.Page(str(VIEWS / f"{name}.py"), title=tr(f"nav.{name}"), icon=icon, default=default)


def language_switch() -> None:
    st.radio(
        tr("main.language"),
        i18n.LANGUAGES,
        format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
        horizontal=True,
        key=i18n.SESSION_KEY,
    )


now = time.time()
principal = services.current_principal()
if principal is not None:
    if idle_expired(st.session_state.get("last_active"), now):
        services.logout(tr("main.idle_logout"))
        principal = None
    elif not websession.alive(settings):
        services.logout(tr("main.session_gone"))
        principal = None
if principal is None:
    principal = websession.restore(settings)
    if principal is not None:
        services.resume(principal)

if principal is None:
    # The login form under every page's address: a reload or a deep link never ends on "Page
    # not found", and after login the same address (the same page hash) opens the real page.
    # At the root it is "home", so that the rerun after login lands on home without a fallback
    # (a fallback run raced with the first click on the navigation: measured in the browser).
    login = [
        st.Page(
            str(VIEWS / "login.py"),
            title=tr("nav.login"),
            icon=":material/login:",
            url_path=name,
            default=name == "home",
        )
        for name in PAGES
    ]
    nav = st.navigation(login, position="hidden")
    with st.sidebar:
        language_switch()
        websession.sync_cookie()
else:
    st.session_state["last_active"] = now
    can = principal.can
    work = [page("home", ":material/dashboard:", default=True)]
    if can("search"):
        work.append(page("search", ":material/search:"))
    if can("expand_network"):
        work.append(page("explorer", ":material/hub:"))
        work.append(page("indicators", ":material/flag:"))
    if can("review_same_person"):
        work.append(page("same_person", ":material/group:"))
    products = []
    if can("create_oib"):
        products.append(page("oib", ":material/description:"))
    if can("create_bi") or can("answer_bi"):
        products.append(page("requests", ":material/contact_support:"))
    if can("create_trend"):
        products.append(page("trends", ":material/trending_up:"))
    oversight = []
    if services.can_any(principal, services.PRIVACY_ACTIONS):
        oversight.append(page("privacy", ":material/shield:"))
    sections = {
        tr("nav.section_work"): work,
        tr("nav.section_products"): products,
        tr("nav.section_oversight"): oversight,
    }
    nav = st.navigation({k: v for k, v in sections.items() if v})
    with st.sidebar:
        st.markdown(
            f"**{md(principal.user)}** · {md(tr.role(principal.role))} ({md(principal.affiliation)})"
        )
        st.caption(tr("main.purpose", purpose=md(principal.purpose)))
        if st.button(tr("main.logout"), icon=":material/logout:", key="logout"):
            services.logout()
            st.rerun()
        language_switch()
        websession.sync_cookie()
    # Streamlit forgets a widget's value when its page is not shown; keep the explorer's view.
    for key in PERSISTENT_WIDGETS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
    # A deep link to an entity or a working set opens the explorer, whichever page it names.
    wanted = {k: st.query_params.get(k) for k in DEEP_LINKS if st.query_params.get(k)}
    if wanted:
        wanted.update(
            {k: st.query_params.get(k) for k in ("hops", "max") if st.query_params.get(k)}
        )
    if wanted and can("expand_network") and nav.url_path != "explorer":
        st.session_state["explore_deeplink"] = wanted
        st.switch_page(str(VIEWS / "explorer.py"))
try:
    nav.run()
finally:
    websession.own_files()  # downloads made by this run belong to this web session
