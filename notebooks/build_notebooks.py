"""Write the worked-analysis notebooks from this script, so they are reviewed as code.

    .venv/bin/python notebooks/build_notebooks.py          # (re)write the .ipynb files
    .venv/bin/python notebooks/build_notebooks.py --check  # fail when they are out of date

Every notebook is self-contained: it starts the local graph database, generates a seeded
synthetic data set, ingests it and reads it through a :class:`~emm.access.guarded.GuardedStore`
(access-controlled and audited), using only the public API of ``emm``. The files are written
with their outputs cleared; ``tests/test_notebooks.py`` executes them top to bottom.

Which database a notebook uses (see :func:`setup`):

* ``EMM_NOTEBOOK_FRESH_DB=1``: the database named by the ``EMM_*`` environment variables is
  disposable (the test's temporary server);
* otherwise a database of the notebooks' own under ``var/notebooks`` on ports 7697/2490
  (``EMM_NOTEBOOK_BOLT_PORT`` / ``EMM_NOTEBOOK_HTTP_PORT`` to change them), so a user's graph
  is never touched.

Either way the graph is cleared and loaded only when it does not hold exactly the deliveries
of the synthetic data set (so the second notebook reuses what the first one loaded).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from textwrap import dedent

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
#: The synthetic data set every notebook uses (``emm.synth.generate``): fixed, so runs repeat.
SEED, SIZE = 3, "demo"

Cell = nbformat.NotebookNode


def md(text: str) -> Cell:
    return new_markdown_cell(dedent(text).strip())


def code(text: str) -> Cell:
    return new_code_cell(dedent(text).strip())


def setup(purpose: str, display_names: str = "") -> str:
    """The first code cell of every notebook: database, synthetic data, guarded session."""
    shown = f"\n        from IPython.display import {display_names}" if display_names else ""
    return dedent(
        f'''
        import json
        import os
        from datetime import UTC, datetime
        from pathlib import Path

        import matplotlib.pyplot as plt
        import pandas as pd{shown}

        from emm import settings as emm_settings
        from emm.access.policy import Principal
        from emm.access.session import guarded
        from emm.graph import local_db
        from emm.graph.connect import open_store
        from emm.ingest.pipeline import ingest_folder
        from emm.synth import generate

        pd.set_option("display.max_colwidth", 110)
        STARTED = datetime.now(UTC).isoformat(timespec="milliseconds")  # for the audit trail
        SEED, SIZE = {SEED}, "{SIZE}"

        FRESH = os.environ.get("EMM_NOTEBOOK_FRESH_DB") == "1"
        if not FRESH:
            # The notebooks' own database, never the user's graph.
            root = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
            os.environ["EMM_DATA_DIR"] = str(root / "var" / "notebooks")
            os.environ["EMM_BOLT_PORT"] = os.environ.get("EMM_NOTEBOOK_BOLT_PORT", "7697")
            os.environ["EMM_HTTP_PORT"] = os.environ.get("EMM_NOTEBOOK_HTTP_PORT", "2490")
            for name in ("EMM_NEO4J_URI", "EMM_NEO4J_USER", "EMM_NEO4J_PASSWORD",
                         "EMM_NEO4J_DATABASE"):
                os.environ.pop(name, None)
        settings = emm_settings.load()

        local_db.start(settings)  # does nothing when it runs already or the server is remote
        store = open_store(settings, start_local=False)
        store.ensure_schema()

        data = settings.data_dir / "generated" / f"{{SIZE}}-{{SEED}}"
        if not (data / "ground_truth.json").exists():
            generate(data, seed=SEED, size=SIZE)
        wanted = {{p.parent.name for p in (data / "deliveries").glob("*/manifest.json")}}
        loaded = {{d["delivery_id"]: d.get("status") for d in store.deliveries()}}
        if set(loaded) != wanted or set(loaded.values()) != {{"complete"}}:
            # Only ever the notebooks' own database or a disposable one (see above).
            store.clear()
            ingest_folder(data / "deliveries", store, out_dir=settings.data_dir)
        print(f"database {{settings.neo4j_database}} at {{settings.uri}} holds the synthetic "
              f"data set {{SIZE}}-{{SEED}} ({{len(wanted)}} deliveries)")

        principal = Principal("notebook", "senior_analyst", "POL", purpose={purpose!r})
        g = guarded(store, settings, principal)  # every read below is checked and audited
        print(pd.Series(store.count_nodes()).to_frame("entities").T.to_string())
        '''
    ).strip()


SETUP_MD = """
    ## Setup

    The cell below starts the local graph database (ArcadeDB), generates a synthetic data set
    of the five parties (seed {seed}, size *{size}*: about 20,000 facts, with planted networks and
    an answer key), ingests it, and opens a **guarded session**: we act as a senior analyst of
    the police. Every read goes through `GuardedStore`, which narrows it to the legal bases the
    role may read and writes an audit entry. All data is synthetic: no name, number or address
    belongs to a real person.

    The notebook uses a database of its own under `var/notebooks` (ports 7697/2490), so it never
    touches your own graph; the first run loads the data, later runs reuse it. With
    `EMM_NOTEBOOK_FRESH_DB=1` it instead uses the database named by the `EMM_*` variables and may
    clear it (the test suite does this with a throw-away server).
"""


def audit_cell() -> Cell:
    return code(
        """
        trail = pd.DataFrame(e for e in g.audit.entries()
                             if e["purpose"] == principal.purpose and e["at"] >= STARTED)
        trail[["at", "user", "role", "action", "result_size", "parties"]].tail(12)
        """
    )


# ------------------------------------------------------------------------------ notebook 01


def signal_to_oib() -> list[Cell]:
    return [
        md(
            """
            # From a signal to an operational intelligence picture (OIB)

            An analyst of the Expertise Centre receives a signal of possible **sexual
            exploitation** and wants to know whether it is part of a network, who the key
            players are, what the indicators say and how it developed over time; and then to
            hand the police an **OIB** (covenant art. 3), in which every fact names the party
            that supplied it and the legal basis.

            This notebook walks that path step by step with the workbench's public API. The same
            steps run behind `emm oib make` and the OIB page of the app.
            """
        ),
        md(SETUP_MD.format(seed=SEED, size=SIZE)),
        code(setup("notebook 01: signal to OIB", "Image, display")),
        md(
            """
            ## 1. Find the signal

            In practice the signal comes in by search or from a colleague. Here we use the
            generator's **answer key** to find the signals of the planted sexual-exploitation
            networks: `RefResolver` maps the answer key's delivery records to nodes in the
            graph (the answer key is not case data; looking it up needs the store's key
            index). Everything about the signals themselves is read through the guarded
            session. For each signal we count which parties' facts lie within two steps.
            """
        ),
        code(
            """
            from emm.synth.resolve import RefResolver

            truth = json.loads((data / "ground_truth.json").read_text(encoding="utf-8"))
            resolver = RefResolver(data / "deliveries", store)

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
                    rows.append({
                        "scenario": scenario["id"],
                        "signal": entity.props["signal_id"],
                        "reported_at": entity.props["reported_at"],
                        "region": entity.props.get("region"),
                        "parties within 2 hops": ", ".join(parties),
                        "n_parties": len(parties),
                        "entities within 2 hops": len(around.entities),
                        "uid": entity.uid,
                    })
            signals = pd.DataFrame(rows).sort_values(
                ["n_parties", "entities within 2 hops"], ascending=False, ignore_index=True
            )
            signals.drop(columns=["uid", "n_parties"]).head(10)
            """
        ),
        md(
            """
            We take the signal at the top: its surroundings involve the most parties (that is
            where pooling the parties' information adds most) and the most entities. Its summary is the officer's free text
            (synthetic, like everything here).
            """
        ),
        code(
            """
            signal = g.get(signals.loc[0, "uid"])
            pd.Series({k: signal.props.get(k) for k in
                       ("signal_id", "phenomenon", "reported_at", "region", "summary", "parties")})
            """
        ),
        md(
            """
            ## 2. Expand two steps, with a party filter

            **Filter first, always.** The picture is meant for a police intervention; the
            Public Prosecution Service's (OM) case status is judicial data under the Wjsg that
            this picture does not need, so we keep the facts of POL, KMAR, ISZW and IND only.
            The filter is applied in the query: facts outside it are never read. The table
            compares the facts per party and legal basis with and without the filter.
            """
        ),
        code(
            """
            from collections import Counter

            from emm.graph.model import EdgeFilter
            from emm.graph.projection import to_networkx

            flt = EdgeFilter(parties=frozenset({"POL", "KMAR", "ISZW", "IND"}))
            unfiltered = g.ego([signal.uid], hops=2)
            network = g.ego([signal.uid], flt, hops=2)


            def facts_per_party(sub):
                return Counter((link.props["party"], link.props["legal_basis"])
                               for link in sub.links.values())


            compare = pd.DataFrame({"all parties": facts_per_party(unfiltered),
                                    "with the filter": facts_per_party(network)})
            compare.index.names = ["party", "legal basis"]
            display(compare.fillna(0).astype(int))

            G = to_networkx(network)  # networkx MultiDiGraph: node = uid, edge key = source_ref
            print(f"{G.number_of_nodes()} entities, {G.number_of_edges()} facts, "
                  f"truncated: {network.truncated}")
            pd.Series(Counter(d["label"] for _, d in G.nodes(data=True))).to_frame("entities").T
            """
        ),
        md(
            """
            ## 3. The network picture

            Colour = entity type, line style = the party that supplied the fact. The five key
            players (below) are enlarged and named. This is the same picture that goes into the
            OIB document.
            """
        ),
        code(
            """
            from emm.graph.analysis import brokers, communities, key_players, run_indicators
            from emm.products.picture import network_png

            players = key_players(G, top=10, seed=0)
            # network_png draws off-screen (it switches matplotlib to a file backend); the magic
            # after it switches back, so the plots below show in the notebook.
            display(Image(network_png(G, highlight=[p["uid"] for p in players[:5]], seed=0)))
            %matplotlib inline
            """
        ),
        md(
            """
            ## 4. Key players

            Ranked by **betweenness**: how often an entity lies on the shortest paths between
            others. A high value marks a broker that holds the network together; a person with
            many facts but low betweenness is more often a victim at the edge of the network.
            `facts` counts the facts of an entity, `degree` its distinct neighbours. The signal
            itself ranks high because it links everyone it names; read the persons below it.
            """
        ),
        code(
            """
            kp = pd.DataFrame(players)[["rank", "caption", "label", "degree", "facts",
                                        "betweenness", "pagerank"]].round(3)
            ax = kp.iloc[::-1].plot.barh(x="caption", y="betweenness", legend=False,
                                         figsize=(7, 3.5), color="#d62728")
            ax.set_xlabel("betweenness (normalised)")
            ax.set_ylabel("")
            plt.show()
            kp
            """
        ),
        md(
            """
            ## 5. Communities

            Groups of entities more densely connected to each other than to the rest (Louvain,
            seeded, weights = number of facts). In a sexual-exploitation network they often
            correspond to the addresses and phones a group of victims shares. **Brokers** link
            several communities.
            """
        ),
        code(
            """
            comms = communities(G, seed=0)
            pd.DataFrame(
                {
                    "size": len(c),
                    "types": ", ".join(f"{n} {label}" for label, n in
                                       Counter(G.nodes[u]["label"] for u in c).most_common()),
                    "members": ", ".join(sorted(str(G.nodes[u].get("caption")) for u in c)[:6]),
                }
                for c in comms
            ).rename_axis("community")
            """
        ),
        code(
            """
            pd.DataFrame(brokers(G, comms, seed=0),
                         columns=["caption", "label", "community", "communities", "betweenness"]
                         ).round(3)
            """
        ),
        md(
            """
            ## 6. Indicators, with their evidence

            Indicators are rules from the literature on human trafficking (`indicators.yaml`),
            each with its explanation and threshold. A hit is not a conclusion: it points the
            analyst at facts worth checking. Each hit lists the facts it rests on (their
            `source_ref`: delivery and record), so every claim in the picture can be traced back
            to the party that supplied it. The second table shows the evidence of the strongest
            hit of each indicator.
            """
        ),
        code(
            """
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
            """
        ),
        code(
            """
            facts = {key: (u, v, d) for u, v, key, d in G.edges(keys=True, data=True)}
            first_hits = {h.indicator_id: h for h in reversed(hits)}.values()  # one per indicator
            evidence = []
            for h in first_hits:
                for ref in h.evidence:
                    if ref in facts:
                        u, v, d = facts[ref]
                        evidence.append({
                            "indicator": h.indicator_id,
                            "fact": f"{G.nodes[u]['caption']} —{d['type']}→ {G.nodes[v]['caption']}",
                            "party": d["party"],
                            "legal basis": d["legal_basis"],
                            "registered": d["registered_at"],
                            "source_ref": ref,
                        })
            pd.DataFrame(evidence)
            """
        ),
        md(
            """
            ## 7. Timeline

            The dated events of the network: the signal, the investigation, short stays at
            hotels, payments. Each dot is a fact; its colour is the party that supplied it.
            """
        ),
        code(
            """
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
            """
        ),
        md(
            """
            ## 8. The OIB and its register entry

            `make_oib` reads the network again through the guarded session with the same
            filter, builds the document (summary, key players, communities, indicators,
            timeline, every fact with its provenance, the handling notice of art. 6.3), writes
            HTML, PDF and JSON, and **registers** the product. The register is what retention
            (art. 7.6: ten years from handover) and data-subject access (art. 10.2: which
            products name a person) are answered from.
            """
        ),
        code(
            """
            from emm.products.oib import make_oib
            from emm.products.register import ProductRegister

            doc, files = make_oib(
                g,
                [signal.uid],
                out_dir=settings.data_dir / "products",
                created_by=principal.user,
                title=f"Network around signal {signal.props['signal_id']}",
                hops=2,
                flt=flt,
            )
            for f in files:
                print(f)
            pd.Series(doc.summary).to_frame("OIB summary")
            """
        ),
        code(
            """
            entry = ProductRegister(g.raw_for("create_oib")).get(doc.product_id)
            record = {**vars(entry), "entity_uids": f"{len(entry.entity_uids)} entities named"}
            pd.Series(record).to_frame("product register")
            """
        ),
        md(
            """
            The OIB is registered but not yet handed over: its ten-year retention starts at the
            handover to a party (`emm oib handover <id> --to POL`), which is logged as a
            disclosure.

            ## 9. What the audit trail recorded

            Every read above was logged with who, in which role, for which purpose, how many
            results and whose data (parties). No names are logged, only internal ids.
            """
        ),
        audit_cell(),
        code("store.driver.close()"),
    ]


# ------------------------------------------------------------------------------ notebook 02


def labour_trend() -> list[Cell]:
    return [
        md(
            """
            # A labour-exploitation trend picture, with disclosure control

            A **tactical intelligence picture (TIB)** describes trends and phenomena and may
            **never be traceable to persons** (covenant art. 3). The workbench therefore makes
            it in three steps:

            1. `build_trend` counts categories (year, region, sector, nationality, party) from
               signal rows that carry no identifiers, and takes the analyst's narrative;
            2. `prepare` de-identifies every free text (each replacement listed) and applies
               **statistical disclosure control** to every table: small counts are suppressed,
               and so are the cells from which a suppressed count could be recomputed;
            3. `export` is the **export gate**, the only way out: it checks everything again,
               scans the rendered files, and refuses if anything could identify a person.

            This notebook walks those steps for labour exploitation, and then tries two bad
            exports to show the gate refusing them.
            """
        ),
        md(SETUP_MD.format(seed=SEED, size=SIZE)),
        code(setup("notebook 02: labour trend picture", "HTML, display")),
        md(
            """
            ## 1. The draft

            The analyst's narrative below deliberately contains what must not leave the centre:
            the name of a (synthetic) person from the graph, a phone number and a bank account.
            The text is Dutch, like the products the parties receive.
            """
        ),
        code(
            """
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
            """
        ),
        md(
            """
            ## 2. Raw versus protected tables

            The raw counts are the analyst's internal view and never leave the centre. The rules
            of `protect_table`, each with the guideline it comes from:
            """
        ),
        code(
            """
            from emm.anonymise.disclosure import RULES, protect_table

            pd.DataFrame(vars(r) for r in RULES).set_index("code")
            """
        ),
        md(
            """
            Below, for each table: the raw counts, the published version (`x` = suppressed), and
            why each cell was suppressed. **Primary** suppression hides a count from 1 to 9
            (a "3" can point at three identifiable workers in one region). **Secondary**
            suppression hides further cells, so that a primary cell cannot be recomputed by
            subtracting the other published cells from the row or column total.

            Tables broken down by region or sector are mostly suppressed: per year, those
            groups are too small to publish. For a publishable picture choose coarser
            categories or a longer period; the gate will not let the detail through.
            """
        ),
        code(
            """
            def show(t):
                protected = protect_table(t.table, min_count=draft.min_count)
                hidden = {(c.row, c.column): c.reason for c in protected.suppressed}
                colours = {"primary": "background-color: #f4a6a6",
                           "secondary": "background-color: #f7d79c"}
                styled = protected.formatted().style.apply(
                    lambda col: [colours.get(hidden.get((r, col.name)), "") for r in col.index]
                )
                display(HTML(f"<h4>{t.title}</h4><b>raw (internal)</b>"), t.table,
                        HTML("<b>published</b> (red: primary, orange: secondary suppression)"),
                        styled)
                print(protected.summary())
                report = protected.report()
                secondary = report[report["reason"] == "secondary"]
                if len(secondary):
                    display(HTML("<b>suppressed to protect other cells</b>"),
                            secondary[["row", "column", "rule"]])
                return protected


            protected = {t.title: show(t) for t in draft.tables}
            """
        ),
        md(
            """
            ## 3. Signals per year

            The internal counts per year and supplying party; hatched bars are the cells the
            published table hides. The dotted line is the minimum count.
            """
        ),
        code(
            """
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
            """
        ),
        md(
            """
            ## 4. The narrative, de-identified

            `prepare` runs the de-identification on every free-text field: Presidio configured
            for Dutch, deduce, Dutch pattern recognisers (BSN, IBAN, phone, postcode, plate,
            V-number...) and **every value the graph knows** (names, numbers, addresses). Each
            replacement is listed with its type, placeholder and the recogniser that found it.
            The first run builds the name lists' cache and takes a while.
            """
        ),
        code(
            """
            from emm.products.trends import prepare

            ready = prepare(g, draft)
            replaced = pd.DataFrame(ready.replacements)
            texts = draft.texts()
            replaced["original"] = [texts[r.field][r.start:r.end] for r in replaced.itertuples()]
            display(replaced[["field", "original", "type", "placeholder", "source"]])
            print(ready.narrative)
            """
        ),
        md(
            """
            ## 5. Export through the gate

            The gate checks the draft again, renders HTML, PDF, JSON and CSV, scans the
            rendered text once more, and only then writes the files, registers the product and
            logs the disclosure to the recipient (here the Labour Authority, ISZW).
            """
        ),
        code(
            """
            from emm.products.register import ProductRegister
            from emm.products.trends import ExportBlocked, export

            product_id, paths = export(g, ready, recipient="ISZW",
                                       out_dir=settings.data_dir / "exports")
            for p in paths:
                print(p)
            register = ProductRegister(g.raw_for("export_trend"))
            display(pd.DataFrame(vars(d) for d in register.disclosures(product_id)))
            html = next(p for p in paths if p.suffix == ".html")
            display(HTML(html.read_text(encoding="utf-8")))
            """
        ),
        md(
            """
            ## 6. Two exports the gate refuses

            **a. The narrative as the analyst wrote it.** Skipping de-identification by putting
            the original text back: the gate finds the name, phone and account (and says where,
            never what).
            """
        ),
        code(
            """
            from dataclasses import replace


            def try_export(candidate):
                try:
                    export(g, candidate, recipient="ISZW", out_dir=settings.data_dir / "exports")
                except ExportBlocked as refused:
                    print(f"refused: {len(refused.problems)} problem(s)")
                    return pd.DataFrame(refused.problems)[["where", "what"]]
                raise AssertionError("the gate let this export through")


            try_export(replace(ready, narrative=draft.narrative))
            """
        ),
        md(
            """
            **b. A table of the analyst's own, unprotected, with a cell of 3.** Three signals in
            one sector in one year may point at identifiable workers; the gate refuses a table
            that did not pass disclosure control and names the cell.
            """
        ),
        code(
            """
            from emm.products.trends import TrendTable

            own = TrendTable(
                "Signalen per sector, 2024",
                pd.DataFrame({"2024": [3, 14]}, index=["vleesverwerking", "logistiek"]),
            )
            try_export(replace(ready, tables=[*ready.tables, own]))
            """
        ),
        md(
            """
            Both refusals are in the audit trail (`refused: true`), next to the export that
            passed. Nothing was written for them.
            """
        ),
        code(
            """
            trail = pd.DataFrame(e for e in g.audit.entries()
                             if e["purpose"] == principal.purpose and e["at"] >= STARTED)
            trail["refused"] = trail["detail"].map(lambda d: bool(d.get("refused")))
            trail[trail["action"].str.startswith("export")][
                ["at", "action", "result_size", "refused", "targets"]
            ]
            """
        ),
        code("store.driver.close()"),
    ]


# ------------------------------------------------------------------------------ notebook 03


def evaluate_ground_truth() -> list[Cell]:
    return [
        md(
            """
            # Evaluating detection against the planted ground truth

            The synthetic data set has an **answer key**: which records form each planted
            network (sexual, labour and criminal exploitation, migrant smuggling), who organised
            it, and which records of different parties describe the same person. That lets us
            measure how well the workbench's analysis finds what an analyst should find:

            * **network detection** (`detect_networks`): for each planted network, the detected
              network holding most of its members; *recall* = share of its members found there,
              *precision* = share of that network's persons and companies that are members,
              *organiser identification* = share of organisers among that network's top persons
              by the organiser score (`organisers`: suspect roles, money flows, paying for
              others, directorships, shared phones, betweenness; weights in `organisers.yaml`);
            * **same-person candidates** (`same_person_candidates`, as the whole-graph run makes
              them): pairs of person records that may be one person, across parties.

            Definitions in `emm/graph/analysis/evaluate.py`. The numbers depend on the seed and size;
            larger data sets (`demo`, `100k`) give steadier averages.
            """
        ),
        md(SETUP_MD.format(seed=SEED, size=SIZE)),
        code(setup("notebook 03: evaluation against ground truth", "display")),
        md(
            """
            ## 1. The whole-graph analysis

            The whole filtered graph as tables (read through the guarded session, role
            `analyse`), the indicator rules, and network detection: Leiden communities, with hubs
            such as border posts left out, that contain a flagged person.
            """
        ),
        code(
            """
            from emm.graph.analysis import detect_networks, run_indicators

            edges, nodes = g.frames()
            hits = run_indicators((edges, nodes))
            networks = detect_networks((edges, nodes), hits=hits, seed=0)
            print(f"{len(edges)} facts, {len(nodes)} entities, {len(hits)} indicator hits, "
                  f"{len(networks)} candidate networks")
            """
        ),
        md("## 2. Network detection per scenario type"),
        code(
            """
            from emm.synth.resolve import evaluate

            result = evaluate(data / "ground_truth.json", data / "deliveries", store,
                              networks, edges)
            per_type = pd.DataFrame(result["per_type"]).T.astype({"scenarios": int})
            per_type
            """
        ),
        code(
            """
            ax = per_type[["recall", "precision", "organiser_identification"]].plot.bar(
                figsize=(8, 3.5), rot=0, color=["#1f77b4", "#ff7f0e", "#2ca02c"]
            )
            ax.set_ylim(0, 1.05)
            ax.set_ylabel("share")
            ax.set_title("Detection of the planted networks, per scenario type")
            ax.legend(loc="upper left", bbox_to_anchor=(1, 1), fontsize=8)
            plt.show()
            """
        ),
        md(
            """
            Per planted network. Low precision means the detected network also holds persons
            outside the plant (often background noise linked through a shared address or a
            phone); that is where the analyst's filter and judgement come in. Smuggling
            networks are hard by design: the passengers change from trip to trip, and the
            organiser need not be the best connected person in the data, which is why
            organisers are scored on roles and money flows, not on connections alone.
            """
        ),
        code(
            """
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
            """
        ),
        md(
            """
            ## 3. Same-person candidates

            The parties register the same person differently: initials instead of given names,
            a typo, day and month of birth swapped, a different date format. Records with the
            same BSN, or the same normalised name and date of birth, are merged at ingest; the
            rest become **candidates** for an analyst to confirm, each with its reasons. We take
            the candidates of the whole-graph run (`emm analyse`) and compare them with the
            answer key's pairs.
            """
        ),
        code(
            """
            import networkx as nx

            from emm.synth.resolve import RefResolver
            from emm.graph.runs import analyse

            run = analyse(g, seed=0)
            truth = json.loads((data / "ground_truth.json").read_text(encoding="utf-8"))
            resolver = RefResolver(data / "deliveries", store)


            def node_of(ref):  # one reference per call, so two records of one node both resolve
                return resolver.resolve([ref]).get((ref["delivery_id"], ref["record_id"]))


            pairs = [(node_of(a), node_of(b), a, b) for a, b in truth["same_person_pairs"]]
            merged = [p for p in pairs if p[0] is not None and p[0] == p[1]]
            to_find = {tuple(sorted(p[:2])): p for p in pairs if None not in p[:2] and p[0] != p[1]}

            # a candidate is right when both records belong to one person of the answer key
            person = {u: i for i, c in enumerate(nx.connected_components(nx.Graph(
                [p[:2] for p in pairs if None not in p[:2]]))) for u in c}
            candidates = pd.DataFrame(run.candidates, columns=["a", "b", "score", "reasons"])
            proposed = list(zip(candidates["a"], candidates["b"], strict=True))
            candidates["right"] = [person.get(a, -1) == person.get(b, -2) for a, b in proposed]
            found = [pair for pair in to_find if pair in set(proposed)]
            precision = candidates["right"].mean() if len(candidates) else float("nan")
            recall = len(found) / len(to_find) if to_find else float("nan")
            pd.Series(dtype=object, data={
                "pairs in the answer key": len(pairs),
                "merged at ingest (same BSN or name + date of birth)": len(merged),
                "left for the analysis to find": len(to_find),
                "candidates (score ≥ 0.6)": len(candidates),
                "right candidates": int(candidates["right"].sum()),
                "precision": round(precision, 3),
                "recall": round(recall, 3),
            }).to_frame("same person")
            """
        ),
        code(
            """
            fig, ax = plt.subplots(figsize=(7, 3))
            bins = [0.6 + i * 0.025 for i in range(17)]
            ax.hist([candidates.loc[candidates["right"], "score"],
                     candidates.loc[~candidates["right"], "score"]],
                    bins=bins, stacked=True, color=["#2ca02c", "#d62728"],
                    label=["same person", "different persons"])
            ax.set_xlabel("candidate score")
            ax.set_ylabel("candidates")
            ax.legend(fontsize=8)
            ax.set_title("Same-person candidates by score")
            plt.show()
            """
        ),
        md(
            """
            The strongest and the weakest candidates with their reasons, as the analyst sees
            them for review:
            """
        ),
        code(
            """
            shown = candidates.assign(reasons=candidates["reasons"].map("; ".join))
            pd.concat([shown.head(8), shown.tail(8)])[["score", "right", "reasons"]]
            """
        ),
        md(
            """
            Pairs of the answer key that are not among the candidates. A pair within one party
            is not proposed by design (a party resolves its own duplicates); every other missed
            pair shows a way of writing a name or date that the matching rules do not (yet)
            recognise.
            """
        ),
        code(
            """
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
            """
        ),
        code("store.driver.close()"),
    ]


NOTEBOOKS = {
    "01_signal_to_oib.ipynb": signal_to_oib,
    "02_labour_trend_picture.ipynb": labour_trend,
    "03_evaluate_against_ground_truth.ipynb": evaluate_ground_truth,
}


def build(name: str) -> nbformat.NotebookNode:
    nb = new_notebook(
        cells=NOTEBOOKS[name](),
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    stem = name.split("_", 1)[0]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"nb{stem}-{i:02d}"  # stable ids: rebuilding gives identical files
    nbformat.validate(nb)
    return nb


def render(name: str) -> str:
    return nbformat.writes(build(name)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a file is out of date")
    args = parser.parse_args(argv)
    stale = []
    for name in NOTEBOOKS:
        path = HERE / name
        text = render(name)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print("out of date (run notebooks/build_notebooks.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
