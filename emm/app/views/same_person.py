"""Same-person candidates: pairs of person records that may be one person; confirm or reject.

Confirmed pairs are merged in analysis copies only; the parties' records stay as delivered.
The two records are shown side by side, field by field, with the fields that differ marked;
every decision needs a reason and can be undone (the history stays in the audit trail).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from emm.app import i18n, services
from emm.app.helpers import HIDDEN_PROPS, pending_candidates
from emm.app.safe import md

PAGE = 5

tr = i18n.current()
g = services.require("review_same_person")
p = g.principal
st.title(tr("sp.title"))
st.caption(tr("sp.intro"))
services.show_flash()

run = services.latest_run(g)
if run is None:
    services.run_missing_message()
    st.stop()

with services.shown_errors(tr("sp.err_judgements")):
    done = g.work.judgements()
pending = pending_candidates(run.candidates, [(j.a, j.b) for j in done])

c1, c2, c3 = st.columns(3)
c1.metric(tr("sp.candidates"), len(run.candidates))
c2.metric(tr("sp.waiting"), len(pending))
c3.metric(tr("sp.decided"), len(done))


def side_by_side(a_props: dict, b_props: dict) -> pd.DataFrame:
    """Field | record A | record B | differs: the fields of both, in the card's order."""
    a = dict(tr.card(a_props, hidden=HIDDEN_PROPS))
    b = dict(tr.card(b_props, hidden=HIDDEN_PROPS))
    fields = list(dict.fromkeys([*a, *b]))
    return pd.DataFrame(
        {
            tr("search.field"): fields,
            "A": [a.get(f, "—") for f in fields],
            "B": [b.get(f, "—") for f in fields],
            tr("sp.differs"): [tr("common.yes") if a.get(f) != b.get(f) else "" for f in fields],
        }
    )


def highlight(row: pd.Series) -> list[str]:
    on = bool(row[tr("sp.differs")])
    return ["background-color: #fff3cd" if on else "" for _ in row]


if not pending:
    st.success(tr("sp.none_waiting"))
else:
    start = st.number_input(
        tr("sp.first_shown"),
        min_value=1,
        max_value=len(pending),
        value=1,
        step=PAGE,
        key="sp_start",
    )
    shown = pending[start - 1 : start - 1 + PAGE]
    # one guarded read per run for the page's records (never kept: governance changes show)
    with services.shown_errors(tr("sp.err_judgements")):
        seen = g.get_many([u for c in shown for u in (c["a"], c["b"])])
    for c in shown:
        a, b = seen.get(c["a"]), seen.get(c["b"])
        with st.container(border=True):
            st.markdown(
                tr("sp.score", score=f"{c['score']:.2f}")
                + " · "
                + " · ".join(md(tr.reason(r)) for r in c["reasons"])
            )
            if a is None or b is None:
                st.caption(tr("sp.gone"))
                continue
            st.caption(
                tr(
                    "sp.records",
                    a=md(a.caption),
                    pa=", ".join(a.parties),
                    b=md(b.caption),
                    pb=", ".join(b.parties),
                )
            )
            table = side_by_side(a.props, b.props)
            st.dataframe(table.style.apply(highlight, axis=1), hide_index=True)
            reason = st.text_input(tr("sp.reason"), key=f"sp-why-{c['a']}-{c['b']}")
            k1, k2, _ = st.columns([1, 1, 4])
            decision = None
            if k1.button(
                tr("sp.same"),
                key=f"sp-yes-{c['a']}-{c['b']}",
                type="primary",
                icon=":material/check:",
            ):
                decision = "confirmed"
            if k2.button(
                tr("sp.different"), key=f"sp-no-{c['a']}-{c['b']}", icon=":material/close:"
            ):
                decision = "rejected"
            if decision:
                if not reason.strip():
                    st.error(tr("sp.reason_needed"))
                else:
                    with services.shown_errors(tr("sp.err_recording")):
                        g.work.judge(c["a"], c["b"], decision, reason=reason, score=c["score"])
                    services.flash(tr("sp.recorded", decision=tr("sp." + decision)))
                    st.rerun()

if done:
    st.subheader(tr("sp.decisions"))
    st.dataframe(
        tr.columns(
            pd.DataFrame(
                [
                    {
                        "decision": tr("sp." + j.decision),
                        "by": j.by,
                        "at": j.at,
                        "reason": getattr(j, "reason", ""),
                        "score": j.score,
                        "record a": j.a,
                        "record b": j.b,
                    }
                    for j in done
                ]
            )
        ),
        hide_index=True,
    )
    labels = {
        f"{j.a}|{j.b}": f"{tr('sp.' + j.decision)}: {j.a} – {j.b} ({j.at[:10]})" for j in done
    }
    u1, u2 = st.columns([4, 1], vertical_alignment="bottom")
    pick = u1.selectbox(
        tr("sp.undo_which"), list(labels), format_func=labels.__getitem__, key="sp_undo_pick"
    )
    if u2.button(tr("sp.undo"), icon=":material/undo:", key="sp_undo"):
        x, y = pick.split("|", 1)
        with services.shown_errors(tr("sp.err_recording")):
            g.work.withdraw(x, y)
        services.flash(tr("sp.undone"))
        st.rerun()
