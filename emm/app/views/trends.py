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

from emm.app import i18n, services
from emm.app.helpers import replacement_rows, table_for_display
from emm.app.safe import md
from emm.graph.schema import PARTIES, PHENOMENA
from emm.products import trends

MIMES = {
    ".html": "text/html",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".csv": "text/csv",
}
ss = st.session_state

tr = i18n.current()
g = services.require("create_trend")
p = g.principal
st.title(tr("tr.title"))
st.caption(tr("tr.intro"))

# ----------------------------------------------------------------------------- build

with st.form("trend_build"):
    c1, c2, c3 = st.columns([2, 2, 1])
    kind = c1.selectbox(
        tr("oib.product"),
        list(trends.KINDS),
        format_func=lambda k: f"{k}: {tr('tr.kind_' + k)}",
    )
    phenomenon = c2.selectbox(
        tr("tr.phenomenon"),
        ["(all)", *PHENOMENA],
        format_func=lambda x: tr("tr.all") if x == "(all)" else tr.value("phenomenon", x),
    )
    language = c3.selectbox(tr("tr.language"), ["nl", "en"])
    title = st.text_input(tr("oib.title_field"))
    c1, c2, c3 = st.columns(3)
    use_period = c1.checkbox(tr("tr.use_period"))
    period = c1.date_input(
        tr("tr.period"),
        value=(date(date.today().year - 3, 1, 1), date.today()),
        format="YYYY-MM-DD",
    )
    min_count = c2.number_input(tr("tr.min_count"), 3, 50, value=trends.DEFAULT_MIN_COUNT)
    rounding = c3.selectbox(
        tr("tr.rounding"),
        [None, 5, 10],
        format_func=lambda r: tr("tr.no_rounding") if r is None else tr("tr.multiples", r=r),
    )
    narrative = st.text_area(tr("tr.narrative"), height=160, help=tr("tr.narrative_help"))
    recommendations = st.text_area(tr("tr.recommendations"), height=80)
    build = st.form_submit_button(tr("tr.build"), type="primary", icon=":material/build:")

if build:
    if not title.strip() or not narrative.strip():
        st.error(tr("tr.need_title"))
        st.stop()
    if use_period and (not isinstance(period, tuple) or len(period) != 2):
        st.error(tr("tr.need_period"))
        st.stop()
    date_from, date_to = (d.isoformat() for d in period) if use_period else (None, None)
    with (
        st.status(tr("tr.building"), expanded=True) as status,
        services.shown_errors(tr("tr.err_trend")),
    ):
        st.write(tr("tr.counting"))
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
        st.write(tr("tr.controlling"))
        ready = trends.prepare(g, draft, progress=st.write)
        status.update(label=tr("tr.preview_ready"), state="complete", expanded=False)
    ss["trend_original"] = draft
    ss["trend_prepared"] = ready
    ss.pop("trend_result", None)
    ss.pop("trend_blocked", None)
    ss["trend_text"] = ready.narrative
    ss["trend_recs"] = ready.recommendations

original: trends.TrendDraft | None = ss.get("trend_original")
prepared: trends.TrendDraft | None = ss.get("trend_prepared")
if prepared is None or original is None:
    st.info(tr("tr.fill_in"))
    st.stop()

# ----------------------------------------------------------------------------- preview

st.header(tr("tr.preview", title=md(prepared.title)))
st.caption(
    tr(
        "tr.scope",
        kind=prepared.kind,
        phenomenon=(
            tr.value("phenomenon", prepared.phenomenon)
            if prepared.phenomenon
            else tr("tr.all_phenomena")
        ),
        start=prepared.period[0] or "…",
        end=prepared.period[1] or "…",
        parties=", ".join(prepared.parties) or "—",
    )
)
t_text, t_tables = st.tabs([tr("tr.t_text"), tr("tr.t_tables")])
with t_text:
    rows = replacement_rows(original.texts(), prepared.replacements)
    if rows:
        st.markdown(tr("tr.replacements", n=len(rows)))
        st.dataframe(tr.columns(pd.DataFrame(rows)), hide_index=True)
    else:
        st.caption(tr("tr.no_replacements"))
    st.caption(tr("tr.may_edit"))
    # (Streamlit forgets widget values on other pages: start again from the prepared text.)
    ss.setdefault("trend_text", prepared.narrative)
    ss.setdefault("trend_recs", prepared.recommendations)
    st.text_area(tr("tr.narrative_out"), key="trend_text", height=180)
    st.text_area(tr("tr.recs_out"), key="trend_recs", height=80)
with t_tables:
    if not prepared.tables:
        st.warning(tr("tr.no_tables"))
    for t in prepared.tables:
        st.markdown(f"**{t.title}**")
        st.dataframe(table_for_display(t.table, t.suppressed, prepared.min_count))
        note = (
            tr("tr.suppressed", n=len(t.suppressed)) if t.suppressed else tr("tr.none_suppressed")
        )
        st.caption(tr("tr.table_note", note=t.note, what=note, min=prepared.min_count).strip())

# ----------------------------------------------------------------------------- export

st.header(tr("tr.export_header"))
action = "export_foreign" if prepared.kind == "NCP" else "export_trend"
if not p.can(action):
    st.caption(tr("tr.may_not_export", action=services.action_text(action).lower()))
    st.stop()
with st.form("trend_export"):
    c1, c2 = st.columns(2)
    if prepared.kind == "NCP":
        recipient = c1.text_input(tr("tr.foreign"), placeholder=tr("tr.foreign_placeholder"))
    else:
        recipient = c1.selectbox(tr("oib.to_party"), list(PARTIES), format_func=tr.party)
    purpose = c2.text_input(tr("oib.purpose"), value=p.purpose)
    go = st.form_submit_button(tr("tr.export"), type="primary", icon=":material/verified_user:")
if go:
    if not str(recipient).strip():
        st.error(tr("tr.need_recipient"))
        st.stop()
    final = replace(prepared, narrative=ss["trend_text"], recommendations=ss["trend_recs"])
    ss.pop("trend_result", None)
    ss.pop("trend_blocked", None)
    with st.status(tr("tr.checking"), expanded=False) as status:
        try:
            with services.shown_errors(tr("tr.export")):
                product_id, paths = trends.export(
                    g,
                    final,
                    recipient=str(recipient).strip(),
                    out_dir=services.products_dir(),
                    purpose=purpose.strip(),
                )
        except trends.ExportBlocked as exc:
            status.update(label=tr("tr.refused_label"), state="error")
            ss["trend_blocked"] = exc.problems
        else:
            status.update(label=tr("tr.exported", id=product_id), state="complete")
            ss["trend_result"] = (product_id, [str(x) for x in paths])

blocked = ss.get("trend_blocked")
if blocked:
    st.error(
        tr("tr.refused", n=len(blocked)),
        icon=":material/block:",
    )
    st.dataframe(
        tr.columns(
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
            )
        ),
        hide_index=True,
    )
result = ss.get("trend_result")
if result:
    product_id, files = result
    st.success(tr("tr.passed", id=product_id))
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
