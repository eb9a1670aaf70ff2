"""Trend pictures (QS, TIB, SIB, NCP answer): products that must never be traceable to persons.

Build counts and a narrative, preview them as they would leave (tables after disclosure
control, text after de-identification with every replacement listed), and export through the
gate, which checks everything again and refuses with the exact place of every problem.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from emm.app import services
from emm.app.helpers import replacement_rows, table_for_display
from emm.graph.schema import PARTIES, PHENOMENA
from emm.products import trends

MIMES = {
    ".html": "text/html",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".csv": "text/csv",
}
ss = st.session_state

g = services.require("create_trend")
p = g.principal
st.title("Trend pictures")
st.caption(
    "Quick Scan, tactical and strategic pictures and answers to foreign partners contain no "
    "personal data (art. 3): tables pass disclosure control, text passes de-identification, "
    "and the export gate checks both again before anything is written."
)

# ----------------------------------------------------------------------------- build

with st.form("trend_build"):
    c1, c2, c3 = st.columns([2, 2, 1])
    kind = c1.selectbox(
        "Product", list(trends.KINDS), format_func=lambda k: f"{k}: {trends.KINDS[k]}"
    )
    phenomenon = c2.selectbox(
        "Phenomenon", ["(all)", *PHENOMENA], format_func=lambda x: trends.PHENOMENON_NAMES.get(x, x)
    )
    language = c3.selectbox("Language of the text", ["nl", "en"])
    title = st.text_input("Title")
    c1, c2, c3 = st.columns(3)
    use_period = c1.checkbox("Only signals in a period")
    period = c1.date_input(
        "Period", value=(date(date.today().year - 3, 1, 1), date.today()), format="YYYY-MM-DD"
    )
    min_count = c2.number_input("Suppress counts below", 3, 50, value=trends.DEFAULT_MIN_COUNT)
    rounding = c3.selectbox(
        "Round counts to",
        [None, 5, 10],
        format_func=lambda r: "no rounding" if r is None else f"multiples of {r}",
    )
    narrative = st.text_area(
        "Narrative", height=160, help="Written by the analyst; de-identified before it may leave."
    )
    recommendations = st.text_area("Recommendations", height=80)
    build = st.form_submit_button("Build and preview", type="primary", icon=":material/build:")

if build:
    if not title.strip() or not narrative.strip():
        st.error("Give the picture a title and a narrative.")
        st.stop()
    if use_period and (not isinstance(period, tuple) or len(period) != 2):
        st.error("Choose the first and the last day of the period.")
        st.stop()
    date_from, date_to = (d.isoformat() for d in period) if use_period else (None, None)
    with (
        st.status("Building the picture...", expanded=True) as status,
        services.shown_errors("trend picture"),
    ):
        st.write("Counting signals per phenomenon, year, region, party, nationality, sector...")
        draft = trends.build_trend(
            g,
            kind,
            title=title.strip(),
            narrative=narrative,
            phenomenon=None if phenomenon == "(all)" else phenomenon,
            date_from=date_from,
            date_to=date_to,
            recommendations=recommendations,
            language=language,
            min_count=int(min_count),
            rounding=rounding,
        )
        st.write("Disclosure control of the tables and de-identification of the text...")
        ready = trends.prepare(g, draft, progress=st.write)
        status.update(label="Preview ready", state="complete", expanded=False)
    ss["trend_original"] = draft
    ss["trend_prepared"] = ready
    ss.pop("trend_result", None)
    ss.pop("trend_blocked", None)
    ss["trend_text"] = ready.narrative
    ss["trend_recs"] = ready.recommendations

original: trends.TrendDraft | None = ss.get("trend_original")
prepared: trends.TrendDraft | None = ss.get("trend_prepared")
if prepared is None or original is None:
    st.info("Fill in the form and build a preview.")
    st.stop()

# ----------------------------------------------------------------------------- preview

st.header(f"Preview: {prepared.title}")
st.caption(
    f"{prepared.kind} · {prepared.phenomenon or 'all phenomena'} · period "
    f"{prepared.period[0] or '…'} to {prepared.period[1] or '…'} · counts rest on facts of "
    f"{', '.join(prepared.parties) or '—'}"
)
t_text, t_tables = st.tabs(["Text after de-identification", "Tables after disclosure control"])
with t_text:
    rows = replacement_rows(original.texts(), prepared.replacements)
    if rows:
        st.markdown(f"**{len(rows)} replacement(s)** — every one is listed with where it was:")
        st.dataframe(pd.DataFrame(rows), hide_index=True)
    else:
        st.caption("De-identification replaced nothing.")
    st.caption("You may edit the de-identified text; the export gate checks it again.")
    # (Streamlit forgets widget values on other pages: start again from the prepared text.)
    ss.setdefault("trend_text", prepared.narrative)
    ss.setdefault("trend_recs", prepared.recommendations)
    st.text_area("Narrative as it will leave", key="trend_text", height=180)
    st.text_area("Recommendations as they will leave", key="trend_recs", height=80)
with t_tables:
    if not prepared.tables:
        st.warning("No signals match: the picture has no tables.")
    for t in prepared.tables:
        st.markdown(f"**{t.title}**")
        st.dataframe(table_for_display(t.table, t.suppressed, prepared.min_count))
        note = f"{len(t.suppressed)} cell(s) suppressed" if t.suppressed else "nothing suppressed"
        st.caption(f"{t.note} {note}; shown as “<{prepared.min_count}”.".strip())

# ----------------------------------------------------------------------------- export

st.header("Export through the gate")
action = "export_foreign" if prepared.kind == "NCP" else "export_trend"
if not p.can(action):
    st.caption(
        f"Exporting is for senior analysts (your role may not: "
        f"{services.action_text(action).lower()})."
    )
    st.stop()
with st.form("trend_export"):
    c1, c2 = st.columns(2)
    if prepared.kind == "NCP":
        recipient = c1.text_input(
            "Foreign or international partner", placeholder="e.g. Europol, Bundeskriminalamt"
        )
    else:
        recipient = c1.selectbox(
            "To party", list(PARTIES), format_func=lambda c: f"{c} ({PARTIES[c].name})"
        )
    purpose = c2.text_input("Purpose", value=p.purpose)
    go = st.form_submit_button("Export", type="primary", icon=":material/verified_user:")
if go:
    if not str(recipient).strip():
        st.error("Name the recipient.")
        st.stop()
    final = replace(prepared, narrative=ss["trend_text"], recommendations=ss["trend_recs"])
    ss.pop("trend_result", None)
    ss.pop("trend_blocked", None)
    with st.status("Checking text, tables and rendered files...", expanded=False) as status:
        try:
            with services.shown_errors("export"):
                product_id, paths = trends.export(
                    g,
                    final,
                    recipient=str(recipient).strip(),
                    out_dir=services.products_dir(),
                    purpose=purpose.strip(),
                )
        except trends.ExportBlocked as exc:
            status.update(label="Export refused", state="error")
            ss["trend_blocked"] = exc.problems
        else:
            status.update(label=f"{product_id} exported", state="complete")
            ss["trend_result"] = (product_id, [str(x) for x in paths])

blocked = ss.get("trend_blocked")
if blocked:
    st.error(
        f"Export refused: {len(blocked)} problem(s). Nothing was written or sent. "
        "Fix the text (or the tables) and export again.",
        icon=":material/block:",
    )
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "where": b.get("where"),
                    "what": b.get("what"),
                    "characters": f"{b['start']}–{b['end']}" if "start" in b else "",
                    "found by": b.get("source", ""),
                }
                for b in blocked
            ]
        ),
        hide_index=True,
    )
result = ss.get("trend_result")
if result:
    product_id, files = result
    st.success(f"{product_id} passed the gate, was registered and its disclosure logged.")
    cols = st.columns(min(len(files), 6) or 1)
    for i, f in enumerate(Path(x) for x in files):
        if f.exists():
            cols[i % len(cols)].download_button(
                f.name,
                f.read_bytes(),
                file_name=f"{product_id}-{f.name}",
                mime=MIMES.get(f.suffix),
                key=f"trend-dl-{f.name}",
                icon=":material/download:",
            )
