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
# # Evaluating detection against the planted ground truth
#
# The synthetic data set has an **answer key**: which records form each planted
# network (sexual, labour and criminal exploitation, migrant smuggling), who organised
# it, and which records of different parties describe the same person. That lets us
# measure how well the workbench's analysis finds what an analyst should find:
#
# * **network detection** (`detect_networks`): for each planted network, the detected
#   network holding most of its members; *recall* = share of its members found there,
#   *precision* = share of that network's persons and companies that are members,
#   *organiser identification* = share of organisers among that network's top persons
#   by the organiser score (`organisers`: suspect roles, money flows, paying for
#   others, directorships, shared phones, betweenness; weights in `organisers.yaml`);
# * **same-person candidates** (`same_person_candidates`, as the whole-graph run makes
#   them): pairs of person records that may be one person, across parties.
#
# Definitions in `emm/graph/analysis/evaluate.py`. The numbers depend on the seed and size;
# larger data sets (`demo`, `100k`) give steadier averages.
#
# ## Setup
#
# As in the other notebooks: the demo installation of `make run` (or `.venv/bin/emm demo`),
# and a login as the demo's senior analyst, whose role may run the whole-graph analysis.
# Every read goes through the session (`GuardedStore`), checked and audited; the answer
# key's records are looked up through it too (`g.by_keys`).

# %% tags=["parameters"]
USER = "senior"  # the demo's senior analyst (role senior_analyst, police)
CREDENTIALS = ""  # a file of "user role password" lines; "" = the demo's own file
DATA_SET = "demo-1"  # under $EMM_DATA_DIR/generated/: the deliveries and their answer key
PURPOSE = "notebook 03: evaluation against ground truth"  # in every audit entry

# %%
import json
import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from emm import settings as emm_settings
from emm.access.session import demo_login

if Path.cwd().name == "notebooks" and "EMM_DATA_DIR" not in os.environ:
    os.chdir("..")  # the project root, where `make run` keeps var/
pd.set_option("display.max_colwidth", 110)

settings = emm_settings.load()
g = demo_login(settings, USER, purpose=PURPOSE, credentials=CREDENTIALS)
data = settings.data_dir / "generated" / DATA_SET
print(f"logged in as {g.principal.user} ({g.principal.role}); data set {data}")

# %% [markdown]
# ## 1. The whole-graph analysis
#
# The whole filtered graph as tables (read through the guarded session, role
# `analyse`), the indicator rules, and network detection: Leiden communities, with hubs
# such as border posts left out, that contain a flagged person.

# %%
from emm.graph.analysis import detect_networks, run_indicators

edges, nodes = g.frames()
hits = run_indicators((edges, nodes))
networks = detect_networks((edges, nodes), hits=hits, seed=0)
print(
    f"{len(edges)} facts, {len(nodes)} entities, {len(hits)} indicator hits, "
    f"{len(networks)} candidate networks"
)

# %% [markdown]
# ## 2. Network detection per scenario type

# %%
from emm.synth.resolve import evaluate

result = evaluate(data / "ground_truth.json", data / "deliveries", g, networks, edges, nodes)
per_type = pd.DataFrame(result["per_type"]).T.astype({"scenarios": int})
per_type

# %%
ax = per_type[["recall", "precision", "organiser_identification"]].plot.bar(
    figsize=(8, 3.5), rot=0, color=["#1f77b4", "#ff7f0e", "#2ca02c"]
)
ax.set_ylim(0, 1.05)
ax.set_ylabel("share")
ax.set_title("Detection of the planted networks, per scenario type")
ax.legend(loc="upper left", bbox_to_anchor=(1, 1), fontsize=8)
plt.show()

# %% [markdown]
# Per planted network. Low precision means the detected network also holds persons
# outside the plant (often background noise linked through a shared address or a
# phone); that is where the analyst's filter and judgement come in. Smuggling
# networks are hard by design: the passengers change from trip to trip, and the
# organiser need not be the best connected person in the data, which is why
# organisers are scored on roles and money flows, not on connections alone.

# %%
scenarios = pd.DataFrame(result["scenarios"]).sort_values(["type", "precision"])
fig, ax = plt.subplots(figsize=(8, 3))
kinds = sorted(scenarios["type"].unique())
ax.scatter(scenarios["type"].map(kinds.index), scenarios["precision"], alpha=0.5, s=25)
ax.set_xticks(range(len(kinds)), kinds)
ax.set_ylim(0, 1.05)
ax.set_ylabel("precision")
ax.set_title("Precision per planted network (one dot each)")
plt.show()
with pd.option_context("display.max_rows", 200):
    display(scenarios.round(3).reset_index(drop=True))

# %% [markdown]
# ## 3. Same-person candidates
#
# The parties register the same person differently: initials instead of given names,
# a typo, day and month of birth swapped, a different date format. Records with the
# same BSN, or the same normalised name and date of birth, are merged at ingest; the
# rest become **candidates** for an analyst to confirm, each with its reasons. We take
# the candidates of the newest whole-graph run of our scope (what `emm analyse` saved and
# the app's home page shows; computed here when there is none) and compare them with the
# answer key's pairs.

# %%
import networkx as nx

from emm.synth.resolve import RefResolver

run = g.analysis.latest() or g.analysis.run(seed=0)
truth = json.loads((data / "ground_truth.json").read_text(encoding="utf-8"))
resolver = RefResolver(data / "deliveries", g)


def node_of(ref):  # one reference per call, so two records of one node both resolve
    return resolver.resolve([ref]).get((ref["delivery_id"], ref["record_id"]))


pairs = [(node_of(a), node_of(b), a, b) for a, b in truth["same_person_pairs"]]
merged = [p for p in pairs if p[0] is not None and p[0] == p[1]]
to_find = {tuple(sorted(p[:2])): p for p in pairs if None not in p[:2] and p[0] != p[1]}

# a candidate is right when both records belong to one person of the answer key
same = nx.Graph([p[:2] for p in pairs if None not in p[:2]])
person = {u: i for i, c in enumerate(nx.connected_components(same)) for u in c}
candidates = pd.DataFrame(run.candidates, columns=["a", "b", "score", "reasons"])
proposed = list(zip(candidates["a"], candidates["b"], strict=True))
candidates["right"] = [person.get(a, -1) == person.get(b, -2) for a, b in proposed]
found = [pair for pair in to_find if pair in set(proposed)]
precision = candidates["right"].mean() if len(candidates) else float("nan")
recall = len(found) / len(to_find) if to_find else float("nan")
pd.Series(
    dtype=object,
    data={
        "pairs in the answer key": len(pairs),
        "merged at ingest (same BSN or name + date of birth)": len(merged),
        "left for the analysis to find": len(to_find),
        "candidates (score ≥ 0.6)": len(candidates),
        "right candidates": int(candidates["right"].sum()),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
    },
).to_frame("same person")

# %%
fig, ax = plt.subplots(figsize=(7, 3))
bins = [0.6 + i * 0.025 for i in range(17)]
ax.hist(
    [candidates.loc[candidates["right"], "score"], candidates.loc[~candidates["right"], "score"]],
    bins=bins,
    stacked=True,
    color=["#2ca02c", "#d62728"],
    label=["same person", "different persons"],
)
ax.set_xlabel("candidate score")
ax.set_ylabel("candidates")
ax.legend(fontsize=8)
ax.set_title("Same-person candidates by score")
plt.show()

# %% [markdown]
# The strongest and the weakest candidates with their reasons, as the analyst sees
# them for review:

# %%
shown = candidates.assign(reasons=candidates["reasons"].map("; ".join))
pd.concat([shown.head(8), shown.tail(8)])[["score", "right", "reasons"]]

# %% [markdown]
# Pairs of the answer key that are not among the candidates. A pair within one party
# is not proposed by design (a party resolves its own duplicates); every other missed
# pair shows a way of writing a name or date that the matching rules do not (yet)
# recognise.

# %%
missed = [p for pair, p in to_find.items() if pair not in found]
pd.DataFrame(
    {
        "record a": f"{a['name']} ({a.get('birth_date')})",
        "party a": a["delivery_id"].split("-")[0],
        "record b": f"{b['name']} ({b.get('birth_date')})",
        "party b": b["delivery_id"].split("-")[0],
    }
    for _, _, a, b in missed
)

# %%
g.close()
