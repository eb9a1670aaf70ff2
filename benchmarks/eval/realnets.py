"""Real criminal networks from published studies, loaded as a police delivery would give them.

Read from ``../shared/data/realnets`` (never copied into the project; :func:`available` says
whether it is there). Each network becomes persons linked by ``MET`` facts (``weight`` = the
published tie strength, ``kind`` = what the study observed), optionally with one
``Investigation`` node that every person is ``INVOLVED_IN`` as a suspect: a police delivery
of a case naturally has one. Published roles:

* Caviar (Morselli 2009; 110 actors, wiretapped communications 1994-96): N1 hashish
  coordinator, N12 cocaine coordinator, N3 lieutenant, N87 financial investor;
* the human-trafficking network on Mexico's southern border (34 actors): exploiters
  (Explotador 1-3) and recruiters (Reclutador 1-3), among caretakers, couriers, drivers,
  guides, corrupt officials, companies, escorts, participants and victim-recruiters.

:func:`rank_report` puts side by side, per published role, the rank by plain networkx
betweenness, by the workbench's key players and by its organiser score, with and without the
Investigation node.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

__all__ = ["DATA", "TARGETS", "available", "load", "rank_report"]

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "realnets"
if not DATA.exists():  # the worktree sits at /work/wt/<name>; the data at /work/shared
    DATA = Path("/work/shared/data/realnets")

#: Published leaders and roles per network (node names as in the files).
TARGETS: dict[str, dict[str, str]] = {
    "caviar": {
        "N1": "hashish coordinator",
        "N12": "cocaine coordinator",
        "N3": "lieutenant",
        "N87": "financial investor",
    },  # fmt: skip
    "mexico": {
        "Explotador 1": "exploiter",
        "Explotador 2": "exploiter",
        "Explotador 3": "exploiter",
        "Reclutador 1": "recruiter",
        "Reclutador 2": "recruiter",
        "Reclutador 3": "recruiter",
    },
}


def available() -> bool:
    return (DATA / "caviar_full_directed.csv").exists() and (DATA / "mexico_ht_data.txt").exists()


def _read_matrix(path: Path) -> tuple[list[str], list[tuple[str, str, float]]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    names = [h.strip() for h in rows[0][1:]]
    ties: list[tuple[str, str, float]] = []
    for row in rows[1:]:
        a = row[0].strip()
        for b, cell in zip(names, row[1:], strict=False):
            w = float(cell or 0)
            if w and a != b:
                ties.append((a, b, w))
    return sorted(set(names) | {r[0].strip() for r in rows[1:]}), ties


def _caviar() -> tuple[list[str], list[tuple[str, str, float]], str]:
    names, ties = _read_matrix(DATA / "caviar_full_directed.csv")
    return [f"N{n}" for n in names], [(f"N{a}", f"N{b}", w) for a, b, w in ties], "wiretap"


def _mexico() -> tuple[list[str], list[tuple[str, str, float]], str]:
    labels: dict[str, str] = {}
    with open(DATA / "mexico_ht_labels.csv", encoding="utf-8-sig", newline="") as fh:
        for row in csv.reader(fh):
            if row:
                labels[row[0].strip()] = " ".join(row[1].split())
    ties = []
    for line in (DATA / "mexico_ht_data.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            a, b = labels[parts[0]], labels[parts[1]]
            if a != b:
                ties.append((a, b, 1.0))
    return sorted(labels.values()), ties, "association"


_LOADERS = {"caviar": _caviar, "mexico": _mexico}


def load(name: str, *, investigation: bool = False) -> tuple[Any, Any]:
    """``(edges, nodes)`` of a real network (see the module notes)."""
    import pandas as pd

    people, ties, kind = _LOADERS[name]()
    nodes = pd.DataFrame(
        {
            "uid": [f"Person-{name}-{p}" for p in people],
            "label": "Person",
            "key": [f"realnet:{name}:{p}" for p in people],
            "caption": people,
            "name": people,
            "parties": [["POL"]] * len(people),
        }
    )
    rows = [
        {
            "src": f"Person-{name}-{a}",
            "dst": f"Person-{name}-{b}",
            "type": "MET",
            "party": "POL",
            "legal_basis": "WPG-9",
            "source_ref": f"{name}/{i}",
            "registered_at": "2024-01-01",
            "kind": kind,
            "weight": w,
        }
        for i, (a, b, w) in enumerate(ties)
    ]
    if investigation:
        case = f"Investigation-{name}"
        nodes = pd.concat(
            [nodes, pd.DataFrame({"uid": [case], "label": ["Investigation"],
                                  "key": [f"case:{name}"], "caption": [f"case {name}"],
                                  "parties": [["POL"]]})],
            ignore_index=True,
        )  # fmt: skip
        rows += [
            {
                "src": f"Person-{name}-{p}",
                "dst": case,
                "type": "INVOLVED_IN",
                "party": "POL",
                "legal_basis": "WPG-9",
                "source_ref": f"{name}/case/{j}",
                "registered_at": "2024-01-01",
                "role": "suspect",
            }
            for j, p in enumerate(people)
        ]
    return pd.DataFrame(rows), nodes


def _ranks(order: list[str]) -> dict[str, int]:
    return {u: i for i, u in enumerate(order, start=1)}


def rank_report(name: str) -> dict[str, Any]:
    """Ranks of the published roles (see the module notes)."""
    import networkx as nx

    from emm.graph.analysis import detect_networks, key_players, organisers, run_indicators
    from emm.graph.analysis.frames import to_frames  # noqa: F401  (documentation link)

    out: dict[str, Any] = {"network": name, "targets": {}, "detected": {}}
    variants = {}
    for inv in (False, True):
        edges, nodes = load(name, investigation=inv)
        persons = nodes[nodes["label"] == "Person"]
        G = nx.MultiDiGraph()
        for row in nodes.to_dict("records"):
            G.add_node(row["uid"], **{k: v for k, v in row.items() if v is not None})
        for row in edges.to_dict("records"):
            G.add_edge(row["src"], row["dst"], key=row["source_ref"],
                       **{k: v for k, v in row.items() if v == v and v is not None})  # fmt: skip
        # plain networkx betweenness, as the old key players and organiser score were
        plain = nx.betweenness_centrality(nx.Graph(G.to_undirected()))
        plain_order = [
            u for u in sorted(plain, key=lambda u: (-plain[u], u)) if u in set(persons["uid"])
        ]
        kp = [r["uid"] for r in key_players(G, top=None) if r["label"] == "Person"]
        net_members = set(persons["uid"])
        org = [s.uid for s in organisers(net_members, (edges, nodes))]
        hits = run_indicators((edges, nodes))
        nets = detect_networks((edges, nodes), hits=hits)
        variants[inv] = {"plain": _ranks(plain_order), "key_players": _ranks(kp),
                         "organisers": _ranks(org)}  # fmt: skip
        out["detected"]["with investigation" if inv else "without"] = {
            "networks": len(nets),
            "largest": max((len(n.persons) for n in nets), default=0),
            "persons": len(persons),
        }
    for person, role in TARGETS[name].items():
        uid = f"Person-{name}-{person}"
        out["targets"][person] = {
            "role": role,
            **{f"{k}": variants[False][k].get(uid) for k in ("plain", "key_players", "organisers")},
            **{
                f"{k}+inv": variants[True][k].get(uid)
                for k in ("plain", "key_players", "organisers")
            },
        }
    out["investigation_changes_ranks"] = {
        k: variants[False][k] != variants[True][k] for k in ("plain", "key_players", "organisers")
    }
    return out
