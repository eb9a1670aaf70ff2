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
# # From a signal to an operational intelligence picture (OIB)
#
# An analyst of the Expertise Centre receives a signal of possible **sexual
# exploitation** and wants to know whether it is part of a network, who the key
# players are, what the indicators say and how it developed over time; and then to
# hand the police an **OIB** (covenant art. 3), in which every fact names the party
# that supplied it and the legal basis.
#
# This notebook walks that path step by step with the workbench's public API. The same
# steps run behind `emm oib create` and the OIB page of the app.
#
# ## Setup
#
# The notebook works on the demo installation that `make run` (or `.venv/bin/emm demo`)
# sets up: a local graph database with a synthetic data set of the five parties (seed 1,
# size *demo*: about 20,000 facts, with planted networks and an answer key) and one demo
# user per role, whose passwords are in `var/demo-credentials.txt`. All data is synthetic:
# no name, number or address belongs to a real person.
#
# We **log in** as the demo's senior analyst of the police, like in the app. The session we
# get back is a `GuardedStore`: every read narrows to the legal bases the role may read,
# leaves out isolated parties and restricted persons, and writes an audit entry. The
# notebook never touches the database or a driver itself.

# %% tags=["parameters"]
USER = "senior"  # the demo's senior analyst (role senior_analyst, police)
CREDENTIALS = ""  # a file of "user role password" lines; "" = the demo's own file
DATA_SET = "demo-1"  # under $EMM_DATA_DIR/generated/: the deliveries and their answer key
PURPOSE = "notebook 01: signal to OIB"  # goes into every audit entry of this session

# %%
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Image, display

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
pd.Series(g.count_nodes()).to_frame("entities you may see").T

# %% [markdown]
# ## 1. Find the signal
#
# In practice the signal comes in by search or from a colleague. Here we use the
# generator's **answer key** to find the signals of the planted sexual-exploitation
# networks: `RefResolver` maps the answer key's delivery records to their entities with
# the ingest's identity rules, and looks them up through the session (`g.by_keys`, an exact
# look-up that is audited like a search). For each signal we count which parties' facts lie
# within two steps.

# %%
from emm.synth.resolve import RefResolver

truth = json.loads((data / "ground_truth.json").read_text(encoding="utf-8"))
resolver = RefResolver(data / "deliveries", g)

rows = []
for scenario in truth["scenarios"]:
    if scenario["type"] != "sexual":
        continue
    members = list(resolver.resolve(scenario["members"]).values())
    for entity in g.neighbourhood(members).entities.values():
        if entity.label != "Signal":
            continue
        around = g.ego([entity.uid], hops=2)
        parties = sorted({link.props["party"] for link in around.links.values()})
        rows.append(
            {
                "scenario": scenario["id"],
                "signal": entity.props["signal_id"],
                "reported_at": entity.props["reported_at"],
                "region": entity.props.get("region"),
                "parties within 2 hops": ", ".join(parties),
                "n_parties": len(parties),
                "entities within 2 hops": len(around.entities),
                "uid": entity.uid,
            }
        )
signals = pd.DataFrame(rows).sort_values(
    ["n_parties", "entities within 2 hops"], ascending=False, ignore_index=True
)
signals.drop(columns=["uid", "n_parties"]).head(10)

# %% [markdown]
# We take the signal at the top: its surroundings involve the most parties (that is
# where pooling the parties' information adds most) and the most entities. Its summary is
# the officer's free text (synthetic, like everything here).

# %%
signal = g.get(signals.loc[0, "uid"])
keys = ("signal_id", "phenomenon", "reported_at", "region", "summary", "parties")
pd.Series({k: signal.props.get(k) for k in keys})

# %% [markdown]
# ## 2. Expand two steps, with a party filter
#
# **Filter first, always.** The picture is meant for a police intervention; the
# Public Prosecution Service's (OM) case status is judicial data under the Wjsg that
# this picture does not need, so we keep the facts of POL, KMAR, ISZW and IND only.
# The filter is applied in the query: facts outside it are never read. The table
# compares the facts per party and legal basis with and without the filter.

# %%
from collections import Counter

from emm.graph.model import EdgeFilter
from emm.graph.projection import to_networkx

flt = EdgeFilter(parties=frozenset({"POL", "KMAR", "ISZW", "IND"}))
unfiltered = g.ego([signal.uid], hops=2)
network = g.ego([signal.uid], flt, hops=2)


def facts_per_party(sub):
    return Counter((link.props["party"], link.props["legal_basis"]) for link in sub.links.values())


compare = pd.DataFrame(
    {"all parties": facts_per_party(unfiltered), "with the filter": facts_per_party(network)}
)
compare.index.names = ["party", "legal basis"]
display(compare.fillna(0).astype(int))

G = to_networkx(network)  # networkx MultiDiGraph: node = uid, edge key = source_ref
print(
    f"{G.number_of_nodes()} entities, {G.number_of_edges()} facts, truncated: {network.truncated}"
)
pd.Series(Counter(d["label"] for _, d in G.nodes(data=True))).to_frame("entities").T

# %% [markdown]
# ## 3. The network picture
#
# Colour = entity type, line style = the party that supplied the fact. The five key
# players (below) are enlarged and named. This is the same picture that goes into the
# OIB document.

# %%
from emm.graph.analysis import brokers, communities, key_players, run_indicators
from emm.products.picture import network_png

players = key_players(G, top=10, seed=0)
# network_png draws off-screen (it switches matplotlib to a file backend); the magic
# after it switches back, so the plots below show in the notebook.
display(Image(network_png(G, highlight=[p["uid"] for p in players[:5]], seed=0)))
# %matplotlib inline

# %% [markdown]
# ## 4. Key players
#
# Ranked by **betweenness**: how often an entity lies on the shortest paths between
# others. A high value marks a broker that holds the network together; a person with
# many facts but low betweenness is more often a victim at the edge of the network.
# `facts` counts the facts of an entity, `degree` its distinct neighbours. The signal
# itself ranks high because it links everyone it names; read the persons below it.

# %%
columns = ["rank", "caption", "label", "degree", "facts", "betweenness", "pagerank"]
kp = pd.DataFrame(players)[columns].round(3)
ax = kp.iloc[::-1].plot.barh(
    x="caption", y="betweenness", legend=False, figsize=(7, 3.5), color="#d62728"
)
ax.set_xlabel("betweenness (normalised)")
ax.set_ylabel("")
plt.show()
kp

# %% [markdown]
# ## 5. Communities
#
# Groups of entities more densely connected to each other than to the rest (Louvain,
# seeded, weights = number of facts). In a sexual-exploitation network they often
# correspond to the addresses and phones a group of victims shares. **Brokers** link
# several communities.

# %%
comms = communities(G, seed=0)
pd.DataFrame(
    {
        "size": len(c),
        "types": ", ".join(
            f"{n} {label}" for label, n in Counter(G.nodes[u]["label"] for u in c).most_common()
        ),
        "members": ", ".join(sorted(str(G.nodes[u].get("caption")) for u in c)[:6]),
    }
    for c in comms
).rename_axis("community")

# %%
pd.DataFrame(
    brokers(G, comms, seed=0),
    columns=["caption", "label", "community", "communities", "betweenness"],
).round(3)

# %% [markdown]
# ## 6. Indicators, with their evidence
#
# Indicators are rules from the literature on human trafficking (`indicators.yaml`),
# each with its explanation and threshold. A hit is not a conclusion: it points the
# analyst at facts worth checking. Each hit lists the facts it rests on (their
# `source_ref`: delivery and record), so every claim in the picture can be traced back
# to the party that supplied it. The second table shows the evidence of the strongest
# hit of each indicator.

# %%
from emm.graph.analysis import indicator_table

table = indicator_table()
hits = run_indicators(G)
pd.DataFrame(
    {
        "indicator": table[h.indicator_id].title("en"),
        "subject": G.nodes[h.subject].get("caption"),
        "value": h.value,
        "threshold": h.threshold,
        "parties": ", ".join(h.parties),
        "facts": len(h.evidence),
        "why": table[h.indicator_id].explanation("en"),
    }
    for h in hits
)

# %%
facts = {key: (u, v, d) for u, v, key, d in G.edges(keys=True, data=True)}
first_hits = {h.indicator_id: h for h in reversed(hits)}.values()  # one per indicator
evidence = []
for h in first_hits:
    for ref in h.evidence:
        if ref in facts:
            u, v, d = facts[ref]
            evidence.append(
                {
                    "indicator": h.indicator_id,
                    "fact": f"{G.nodes[u]['caption']} —{d['type']}→ {G.nodes[v]['caption']}",
                    "party": d["party"],
                    "legal basis": d["legal_basis"],
                    "registered": d["registered_at"],
                    "source_ref": ref,
                }
            )
pd.DataFrame(evidence)

# %% [markdown]
# ## 7. Timeline
#
# The dated events of the network: the signal, the investigation, short stays at
# hotels, payments. Each dot is a fact; its colour is the party that supplied it.

# %%
import matplotlib.dates as mdates

from emm.products.oib import timeline

events = pd.DataFrame(timeline(G)).reindex(
    columns=["date", "what", "detail", "party", "source_ref"]
)
events["when"] = pd.to_datetime(events["date"])
events["party"] = events["party"].fillna("(case record)")
fig, ax = plt.subplots(figsize=(10, 3))
kinds = sorted(events["what"].unique())
for party, group in events.groupby("party"):
    ax.scatter(group["when"], group["what"].map(kinds.index), label=party, s=40)
ax.set_yticks(range(len(kinds)), kinds)
ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
ax.legend(title="supplied by", fontsize=8, loc="upper left", bbox_to_anchor=(1, 1))
ax.set_title(f"Events around {signal.props['signal_id']}")
plt.show()
events[["date", "what", "detail", "party", "source_ref"]]

# %% [markdown]
# ## 8. The OIB and its register entry
#
# `make_oib` reads the network again through the session with the same filter, builds
# the document (summary, key players, communities, indicators, timeline, every fact with
# its provenance, the handling notice of art. 6.3), writes HTML, PDF and JSON, and
# **registers** the product. The register is what retention (art. 7.6: ten years from
# handover) and data-subject access (art. 10.2: which products name a person) are
# answered from.

# %%
from emm.products.oib import make_oib

doc, files = make_oib(
    g,
    [signal.uid],
    out_dir=settings.data_dir / "products",
    created_by=g.principal.user,
    title=f"Network around signal {signal.props['signal_id']}",
    hops=2,
    flt=flt,
)
for f in files:
    print(f)
pd.Series(doc.summary).to_frame("OIB summary")

# %%
entry = g.products.get(doc.product_id)
record = {**vars(entry), "entity_uids": f"{len(entry.entity_uids)} entities named"}
pd.Series(record).to_frame("product register")

# %% [markdown]
# The OIB is registered but not yet handed over: its ten-year retention starts at the
# handover to a party (`emm oib handover <id> --to POL`, or `g.products.handover`), which
# is logged as a disclosure.
#
# ## 9. What the audit trail recorded
#
# Every read above was logged with who, in which role, for which purpose, how many
# results and whose data (parties). No names are logged, only internal ids. Everyone
# may read their own entries; the whole trail is the privacy officer's.

# %%
trail = pd.DataFrame(
    e
    for e in g.privacy.own_activity(n=500)
    if e["purpose"] == g.principal.purpose and e["at"] >= STARTED
)
trail[["at", "user", "role", "action", "result_size", "parties"]].head(12)

# %%
g.close()
