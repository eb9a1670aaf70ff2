"""Entry point of the web app: ``streamlit run emm/app/main.py`` (or ``emm app``)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

HERE = Path(__file__).parent

st.set_page_config(page_title="EMM Workbench", page_icon=":material/hub:", layout="wide")

pages = [
    st.Page(
        str(HERE / "views" / "overview.py"),
        title="Overview",
        icon=":material/dashboard:",
        default=True,
    ),
    st.Page(str(HERE / "views" / "search.py"), title="Search", icon=":material/search:"),
]
st.navigation(pages).run()
