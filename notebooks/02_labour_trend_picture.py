# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     notebook_metadata_filter: -jupytext.text_representation
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # A labour-exploitation trend picture, with disclosure control
#
# A **tactical intelligence picture (TIB)** describes trends and phenomena and may
# **never be traceable to persons** (covenant art. 3). The workbench therefore makes
# it in three steps:
#
# 1. `build_trend` counts categories (year, region, sector, nationality, party) from
#    signal rows that carry no identifiers, and takes the analyst's narrative;
# 2. `prepare` de-identifies every free text (each replacement listed) and applies
#    **statistical disclosure control** to every table: small counts are suppressed,
#    and so are the cells from which a suppressed count could be recomputed;
# 3. `export` is the **export gate**, the only way out: it checks everything again,
#    scans the rendered files, and refuses if anything could identify a person.
#
# This notebook walks those steps for labour exploitation, and then tries two bad
# exports to show the gate refusing them.
#
# ## Setup
#
# As in the other notebooks: the demo installation of `make run` (or `.venv/bin/emm demo`),
# and a login as the demo's senior analyst, whose role may build trend pictures and export
# them. Every read goes through the session (`GuardedStore`), checked and audited.

# %% tags=["parameters"]
USER = "senior"  # the demo's senior analyst (role senior_analyst, police)
CREDENTIALS = ""  # a file of "user role password" lines; "" = the demo's own file
DATA_SET = "demo-1"  # under $EMM_DATA_DIR/generated/: the deliveries and their answer key
PURPOSE = "notebook 02: labour trend picture"  # goes into every audit entry of this session

# %%
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, display

from emm import settings as emm_settings
from emm.access.session import demo_login

if Path.cwd().name == "notebooks" and "EMM_DATA_DIR" not in os.environ:
    os.chdir("..")  # the project root, where `make run` keeps var/
pd.set_option("display.max_colwidth", 110)
STARTED = datetime.now(UTC).isoformat(timespec="milliseconds")  # for the audit trail below

settings = emm_settings.load()
g = demo_login(settings, USER, purpose=PURPOSE, credentials=CREDENTIALS)
data = settings.data_dir / "generated" / DATA_SET
print(f"logged in as {g.principal.user} ({g.principal.role}); data set {data}")

# %% [markdown]
# ## 1. The draft
#
# The analyst's narrative below deliberately contains what must not leave the centre:
# the name of a (synthetic) person from the graph, a phone number and a bank account.
# The text is Dutch, like the products the parties receive.

# %%
from emm.products.trends import build_trend

truth = json.loads((data / "ground_truth.json").read_text(encoding="utf-8"))
labour = next(s for s in truth["scenarios"] if s["type"] == "labour")
organiser = labour["organisers"][0]["name"]  # synthetic

narrative = (
    "Het aantal signalen van arbeidsuitbuiting bleef de afgelopen jaren hoog, vooral "
    "in de logistiek en de land- en tuinbouw. In een van de zaken regelde "
    f"{organiser} zowel het werk als de huisvesting van arbeidsmigranten; zij waren "
    "bereikbaar via 06-12345678 en hun loon ging naar rekening NL91ABNA0417164300."
)
draft = build_trend(
    g,
    "TIB",
    title="Arbeidsuitbuiting: signalen per jaar, regio en sector",
    narrative=narrative,
    recommendations="Gezamenlijke controles bij uitzendbureaus die ook huisvesten.",
    phenomenon="labour",
    language="nl",
)
print(f"{len(draft.tables)} tables; counts rest on facts of {', '.join(draft.parties)}")
for t in draft.tables:
    print(" -", t.title, t.table.shape)

# %% [markdown]
# ## 2. Raw versus protected tables
#
# The raw counts are the analyst's internal view and never leave the centre. The rules
# of `protect_table`, each with the guideline it comes from:

# %%
from emm.anonymise.disclosure import RULES, protect_table

pd.DataFrame(vars(r) for r in RULES).set_index("code")

# %% [markdown]
# Below, for each table: the raw counts, the published version (`x` = suppressed), and
# why each cell was suppressed. **Primary** suppression hides a count from 1 to 9
# (a "3" can point at three identifiable workers in one region). **Secondary**
# suppression hides further cells, so that a primary cell cannot be recomputed by
# subtracting the other published cells from the row or column total.
#
# Tables broken down by region or sector are mostly suppressed: per year, those
# groups are too small to publish. For a publishable picture choose coarser
# categories or a longer period; the gate will not let the detail through.


# %%
def show(t):
    protected = protect_table(t.table, min_count=draft.min_count)
    hidden = {(c.row, c.column): c.reason for c in protected.suppressed}
    colours = {
        "primary": "background-color: #f4a6a6",
        "secondary": "background-color: #f7d79c",
    }
    styled = protected.formatted().style.apply(
        lambda col: [colours.get(hidden.get((r, col.name)), "") for r in col.index]
    )
    display(
        HTML(f"<h4>{t.title}</h4><b>raw (internal)</b>"),
        t.table,
        HTML("<b>published</b> (red: primary, orange: secondary suppression)"),
        styled,
    )
    print(protected.summary())
    report = protected.report()
    secondary = report[report["reason"] == "secondary"]
    if len(secondary):
        display(
            HTML("<b>suppressed to protect other cells</b>"), secondary[["row", "column", "rule"]]
        )
    return protected


protected = {t.title: show(t) for t in draft.tables}

# %% [markdown]
# ## 3. Signals per year
#
# The internal counts per year and supplying party; hatched bars are the cells the
# published table hides. The dotted line is the minimum count.

# %%
title = "Signals per supplying party and year"
raw = next(t.table for t in draft.tables if t.title == title)
published = protected[title].table.loc[raw.index, raw.columns]
years = [str(y) for y in raw.columns]
width = 0.8 / len(raw.index)
fig, ax = plt.subplots(figsize=(10, 3.5))
for k, party in enumerate(raw.index):
    x = [i + (k - (len(raw.index) - 1) / 2) * width for i in range(len(years))]
    bars = ax.bar(x, raw.loc[party], width, label=party)
    for bar, hidden in zip(bars, published.loc[party].isna(), strict=True):
        if hidden:
            bar.set_hatch("///")
            bar.set_alpha(0.4)
ax.plot(range(len(years)), raw.sum(), color="black", marker="o", label="all parties")
ax.axhline(draft.min_count, color="grey", linestyle=":", linewidth=1)
ax.set_xticks(range(len(years)), years)
ax.set_ylabel("signals")
ax.set_title("Labour-exploitation signals per year (hatched: suppressed when published)")
ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1, 1))
plt.show()

# %% [markdown]
# ## 4. The narrative, de-identified
#
# `prepare` runs the de-identification on every free-text field: Presidio configured
# for Dutch, deduce, Dutch pattern recognisers (BSN, IBAN, phone, postcode, plate,
# V-number...) and **every value the graph knows** (names, numbers, addresses). Each
# replacement is listed with its type, placeholder and the recogniser that found it.
# The first run builds the name lists' cache and takes a while.

# %%
from emm.products.trends import prepare

ready = prepare(g, draft)
replaced = pd.DataFrame(ready.replacements)
texts = draft.texts()
replaced["original"] = [texts[r.field][r.start : r.end] for r in replaced.itertuples()]
display(replaced[["field", "original", "type", "placeholder", "source"]])
print(ready.narrative)

# %% [markdown]
# ## 5. Export through the gate
#
# The gate checks the draft again, renders HTML, PDF, JSON and CSV, scans the
# rendered text once more, and only then writes the files, registers the product and
# logs the disclosure to the recipient (here the Labour Authority, ISZW).

# %%
from emm.products.trends import ExportBlocked, export

product_id, paths = export(g, ready, recipient="ISZW", out_dir=settings.data_dir / "exports")
for p in paths:
    print(p)
display(pd.DataFrame(vars(d) for d in g.products.disclosures(product_id)))
html = next(p for p in paths if p.suffix == ".html")
display(HTML(html.read_text(encoding="utf-8")))

# %% [markdown]
# ## 6. Two exports the gate refuses
#
# **a. The narrative as the analyst wrote it.** Skipping de-identification by putting
# the original text back: the gate finds the name, phone and account (and says where,
# never what).

# %%
from dataclasses import replace


def try_export(candidate):
    try:
        export(g, candidate, recipient="ISZW", out_dir=settings.data_dir / "exports")
    except ExportBlocked as refused:
        print(f"refused: {len(refused.problems)} problem(s)")
        return pd.DataFrame(refused.problems)[["where", "what"]]
    raise AssertionError("the gate let this export through")


try_export(replace(ready, narrative=draft.narrative))

# %% [markdown]
# **b. A table of the analyst's own, unprotected, with a cell of 3.** Three signals in
# one sector in one year may point at identifiable workers; the gate refuses a table
# that did not pass disclosure control and names the cell.

# %%
from emm.products.trends import TrendTable

own = TrendTable(
    "Signalen per sector, 2024",
    pd.DataFrame({"2024": [3, 14]}, index=["vleesverwerking", "logistiek"]),
)
try_export(replace(ready, tables=[*ready.tables, own]))

# %% [markdown]
# Both refusals are in the audit trail (`refused: true`), next to the export that
# passed. Nothing was written for them.

# %%
trail = pd.DataFrame(
    e
    for e in g.privacy.own_activity(n=500)
    if e["purpose"] == g.principal.purpose and e["at"] >= STARTED
)
trail["refused"] = trail["detail"].map(lambda d: bool(d.get("refused")))
trail[trail["action"].str.startswith("export")][
    ["at", "action", "result_size", "refused", "targets"]
]

# %%
g.close()
