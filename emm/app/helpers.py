"""Small pure helpers of the app: turning package results into rows for tables, and back.

No Streamlit, no database: every function here takes plain values and is tested directly.

Long because: one flat module of small independent functions that every page shares (rows,
filters, labels); splitting it by page would make pages import each other's helpers.
"""

from __future__ import annotations

import json
from collections import Counter, deque
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import networkx as nx

from emm.app.safe import cell as safe_cell
from emm.graph.model import EdgeFilter, Subgraph

if TYPE_CHECKING:
    from emm.app.i18n import Translator

IDLE_LIMIT_SECONDS = 30 * 60
# ``sources`` is the projection's per-value provenance (value -> parties), shown in the facts
# table beside each fact, never as a field of its own.
HIDDEN_PROPS = ("search", "key", "uid", "caption", "parties", "sources")


# ------------------------------------------------------------------------------ session


def idle_expired(last_active: float | None, now: float, limit: float = IDLE_LIMIT_SECONDS) -> bool:
    """True when a session was idle longer than ``limit`` seconds.

    >>> idle_expired(0.0, 1800.0), idle_expired(0.0, 1800.5), idle_expired(None, 5.0)
    (False, True, False)
    """
    return last_active is not None and now - last_active > limit


# ------------------------------------------------------------------------------ filters


def edge_filter(
    *,
    parties: Iterable[str] | None = None,
    legal_bases: Iterable[str] | None = None,
    rel_types: Iterable[str] | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
) -> EdgeFilter:
    """An :class:`EdgeFilter` from form values; an empty or missing selection means "all".

    >>> edge_filter(parties=["POL"], rel_types=[], date_from=date(2024, 1, 31)).params()["date_from"]
    '2024-01-31'
    """

    def chosen(values: Iterable[str] | None) -> frozenset[str] | None:
        values = frozenset(values or ())
        return values or None

    def iso(value: date | str | None) -> str | None:
        if value is None or value == "":
            return None
        return value.isoformat() if isinstance(value, date) else str(value)

    return EdgeFilter(
        parties=chosen(parties),
        legal_bases=chosen(legal_bases),
        rel_types=chosen(rel_types),
        date_from=iso(date_from),
        date_to=iso(date_to),
    )


def filter_from_params(params: Mapping[str, Any] | None) -> EdgeFilter:
    """The :class:`EdgeFilter` a working set stored with :meth:`EdgeFilter.params`.

    >>> flt = EdgeFilter(parties=frozenset({"POL"}), date_to="2025-01-01")
    >>> filter_from_params(flt.params()) == flt
    True
    """
    p = dict(params or {})
    return edge_filter(
        parties=p.get("parties"),
        legal_bases=p.get("legal_bases"),
        rel_types=p.get("rel_types"),
        date_from=p.get("date_from"),
        date_to=p.get("date_to"),
    )


def filter_key(flt: EdgeFilter) -> str:
    return json.dumps(flt.params(), sort_keys=True)


def describe_filter(flt: EdgeFilter, tr: Translator | None = None) -> str:
    """One line for captions: what a filter lets through (in English without a translator).

    >>> describe_filter(EdgeFilter())
    'all facts you may read'
    >>> from emm.app.i18n import Translator
    >>> describe_filter(EdgeFilter(parties=frozenset({"POL"})), Translator("nl"))
    'partijen POL'
    """
    p = flt.params()
    parts = []
    names = {"parties": "parties", "legal_bases": "legal bases", "rel_types": "types"}
    for key, name in names.items():
        if p[key] is not None:
            values = [tr.rel(v) for v in p[key]] if tr and key == "rel_types" else p[key]
            parts.append(f"{tr(f'filter.{key}') if tr else name} {', '.join(values)}")
    if p["date_from"] or p["date_to"]:
        if tr:
            parts.append(
                tr("filter.registered", start=p["date_from"] or "…", end=p["date_to"] or "…")
            )
        else:
            parts.append(f"registered {p['date_from'] or '…'} to {p['date_to'] or '…'}")
    if not parts:
        return tr("filter.all") if tr else "all facts you may read"
    return "; ".join(parts)


# ------------------------------------------------------------------------------ subgraphs


def node_options(G: nx.MultiDiGraph, tr: Translator | None = None) -> dict[str, str]:
    """uid -> "Type: caption" for pickers, sorted by type and caption."""
    items = sorted(
        G.nodes(data=True),
        key=lambda x: (str(x[1].get("label", "")), str(x[1].get("caption", "")).lower()),
    )

    def kind(label: Any) -> str:
        return tr.type(str(label)) if tr else str(label)

    return {str(uid): f"{kind(d.get('label'))}: {d.get('caption') or uid}" for uid, d in items}


def entity_properties(props: Mapping[str, Any]) -> dict[str, Any]:
    """What to show of an entity: its fields, without internal keys and search text."""
    return {k: v for k, v in props.items() if k not in HIDDEN_PROPS and v not in (None, "", [])}


def fact_rows(G: nx.MultiDiGraph, uid: str) -> list[dict[str, Any]]:
    """Every fact touching ``uid`` with its provenance (party, legal basis, source, date)."""
    rows = []
    for u, v, key, d in list(G.out_edges(uid, keys=True, data=True)) + list(
        G.in_edges(uid, keys=True, data=True)
    ):
        out = u == uid
        other = v if out else u
        rows.append(
            {
                "relationship": d.get("type") if out else f"← {d.get('type')}",
                "other": f"{G.nodes[other].get('label')}: {G.nodes[other].get('caption')}",
                "role": d.get("role", ""),
                "party": d.get("party"),
                "legal basis": d.get("legal_basis"),
                "registered": d.get("registered_at"),
                "date": d.get("date", ""),
                "source": key,
            }
        )
    return sorted(rows, key=lambda r: (str(r["registered"]), str(r["source"])))


def subgraph_fact_rows(sub: Subgraph, uid: str) -> list[dict[str, Any]]:
    """Facts of one entity in a :class:`Subgraph` (the search page's direct links)."""
    rows = []
    for link in sub.links.values():
        if uid not in (link.source, link.target):
            continue
        out = link.source == uid
        other = sub.entities.get(link.target if out else link.source)
        rows.append(
            {
                "relationship": link.type if out else f"← {link.type}",
                "other": f"{other.label}: {other.caption}" if other else "?",
                "role": link.props.get("role", ""),
                "party": link.props.get("party"),
                "legal basis": link.props.get("legal_basis"),
                "registered": link.props.get("registered_at"),
                "source": link.props.get("source_ref"),
            }
        )
    return sorted(rows, key=lambda r: (str(r["registered"]), str(r["source"])))


def path_rows(path: Subgraph, a: str, b: str) -> list[dict[str, Any]]:
    """The steps of a shortest path from ``a`` to ``b`` in order, with provenance."""
    G = nx.MultiGraph()
    for link in path.links.values():
        G.add_edge(link.source, link.target, key=link.source_ref, link=link)
    if a not in G or b not in G:
        return []
    order = nx.shortest_path(G, a, b)
    rows = []
    for x, y in zip(order, order[1:], strict=False):
        link = next(iter(G.get_edge_data(x, y).values()))["link"]
        ex, ey = path.entities.get(x), path.entities.get(y)
        rows.append(
            {
                "from": f"{ex.label}: {ex.caption}" if ex else x,
                "relationship": link.type if link.source == x else f"← {link.type}",
                "to": f"{ey.label}: {ey.caption}" if ey else y,
                "party": link.props.get("party"),
                "legal basis": link.props.get("legal_basis"),
                "registered": link.props.get("registered_at"),
                "source": link.source_ref,
            }
        )
    return rows


def path_order(path: Subgraph, a: str, b: str) -> list[str]:
    G = nx.Graph()
    G.add_edges_from((lk.source, lk.target) for lk in path.links.values())
    if a not in G or b not in G:
        return []
    return [str(n) for n in nx.shortest_path(G, a, b)]


def facts_table(G: nx.MultiDiGraph, uid: str, tr: Translator) -> list[dict[str, Any]]:
    """Every fact touching ``uid`` with its provenance, with readable labels and headers."""
    rows = []
    for u, v, key, d in list(G.out_edges(uid, keys=True, data=True)) + list(
        G.in_edges(uid, keys=True, data=True)
    ):
        out = u == uid
        other = v if out else u
        o = G.nodes[other]
        rows.append(
            {
                tr("ex.col_relation"): tr.rel(str(d.get("type")))
                if out
                else f"← {tr.rel(str(d.get('type')))}",
                tr("ex.col_other"): f"{tr.type(str(o.get('label')))}: {o.get('caption')}",
                tr("ex.col_role"): tr.value("role", d.get("role")) if d.get("role") else "",
                tr("ex.col_party"): d.get("party"),
                tr("ex.col_basis"): d.get("legal_basis"),
                tr("ex.col_registered"): str(d.get("registered_at") or "")[:10],
                tr("ex.col_date"): str(d.get("date") or "")[:10],
                tr("ex.col_source"): key,
            }
        )
    reg, src = tr("ex.col_registered"), tr("ex.col_source")
    return sorted(rows, key=lambda r: (str(r[reg]), str(r[src])))


def path_table(path: Subgraph, a: str, b: str, tr: Translator) -> list[dict[str, Any]]:
    """The steps of a shortest path, in order, with readable labels and headers."""
    out = []
    for r in path_rows(path, a, b):
        rel = str(r["relationship"])
        back = rel.startswith("← ")
        name = tr.rel(rel.removeprefix("← "))

        def ent(text: str) -> str:
            label, _, caption = text.partition(": ")
            return f"{tr.type(label)}: {caption}" if caption else text

        out.append(
            {
                tr("ex.col_from"): ent(str(r["from"])),
                tr("ex.col_relation"): f"← {name}" if back else name,
                tr("ex.col_to"): ent(str(r["to"])),
                tr("ex.col_party"): r["party"],
                tr("ex.col_basis"): r["legal basis"],
                tr("ex.col_registered"): str(r["registered"] or "")[:10],
                tr("ex.col_source"): r["source"],
            }
        )
    return out


def csv_bytes(rows: Iterable[Mapping[str, Any]]) -> bytes:
    """Rows as CSV (UTF-8 with BOM for spreadsheets), every cell safe from formula injection.

    >>> csv_bytes([{"name": "=HYPERLINK(1)"}]).decode("utf-8-sig").splitlines()
    ['name', "'=HYPERLINK(1)"]
    """
    import csv
    import io

    rows = list(rows)
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: safe_cell(v) for k, v in r.items()})
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


# ------------------------------------------------------------------------------ counts


def count_tables(edge_counts: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Fact counts per party, legal basis and relationship type from ``count_edges`` rows."""
    party: Counter[str] = Counter()
    basis: Counter[str] = Counter()
    rtype: Counter[str] = Counter()
    for r in edge_counts:
        party[r["party"]] += int(r["n"])
        basis[r["legal_basis"]] += int(r["n"])
        rtype[r["type"]] += int(r["n"])
    return {
        "party": [{"party": k, "facts": v} for k, v in sorted(party.items())],
        "legal_basis": [{"legal basis": k, "facts": v} for k, v in sorted(basis.items())],
        "type": [{"relationship": k, "facts": v} for k, v in rtype.most_common()],
    }


# ------------------------------------------------------------------------------ analysis runs


def member_index(networks: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """uid -> id of the (best ranked) network it belongs to."""
    out: dict[str, str] = {}
    for n in sorted(networks, key=lambda n: n["rank"]):
        for uid in n["members"]:
            out.setdefault(uid, n["id"])
    return out


def explanation(n: Mapping[str, Any], tr: Translator) -> list[str]:
    """Why a ranked network ranks where it does, in the reader's language (runs made before
    the Dutch explanation was kept have the English one only).

    >>> from emm.app.i18n import Translator
    >>> net = {"explanation": ["3 members"], "explanation_nl": ["3 leden"]}
    >>> explanation(net, Translator("nl")), explanation(net, Translator("en"))
    (['3 leden'], ['3 members'])
    """
    return list(n.get(f"explanation_{tr.lang}") or n.get("explanation") or [])


def network_label(n: Mapping[str, Any], tr: Translator | None = None) -> str:
    """A ranked network in one line (in English without a translator).

    >>> from emm.app.i18n import Translator
    >>> network_label({"rank": 1, "id": "N1", "size": 4, "persons": ["a"], "parties": ["POL"]},
    ...               Translator("nl"))
    '#1 N1: 4 leden, 1 personen, POL'
    """
    values = {
        "rank": n["rank"],
        "id": n["id"],
        "size": n["size"],
        "persons": len(n.get("persons") or []),
        "parties": ", ".join(n.get("parties") or []),
    }
    if tr is not None:
        return tr("common.network_label", **values)
    return "#{rank} {id}: {size} members, {persons} persons, {parties}".format(**values)


def hit_rows(
    hits: Iterable[Mapping[str, Any]],
    networks: Iterable[Mapping[str, Any]],
    titles: Mapping[str, str],
) -> list[dict[str, Any]]:
    """One row per indicator hit, with the network it falls in (sortable table)."""
    where = member_index(networks)
    rows = []
    for i, h in enumerate(hits):
        rows.append(
            {
                "hit": i,
                "network": where.get(h["subject"], "—"),
                "indicator": titles.get(h["indicator_id"], h["indicator_id"]),
                "indicator id": h["indicator_id"],
                "subject type": str(h["subject"]).split("-", 1)[0],
                "value": h["value"],
                "threshold": h["threshold"],
                "ratio": round(float(h["value"]) / float(h["threshold"]), 2)
                if h["threshold"]
                else None,
                "parties": ", ".join(h.get("parties") or []),
                "evidence": len(h.get("evidence") or []),
                "related": len(h.get("related") or []),
            }
        )
    return rows


def network_hit_summary(
    hits: Iterable[Mapping[str, Any]], networks: Iterable[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Per network: its rank, how many hits, which indicators, how much evidence."""
    nets = list(networks)
    where = member_index(nets)
    per: dict[str, Counter[str]] = {}
    evidence: Counter[str] = Counter()
    for h in hits:
        nid = where.get(h["subject"])
        if nid is None:
            continue
        per.setdefault(nid, Counter())[h["indicator_id"]] += 1
        evidence[nid] += len(h.get("evidence") or [])
    rank = {n["id"]: n["rank"] for n in nets}
    rows = [
        {
            "network": nid,
            "rank": rank.get(nid),
            "hits": sum(c.values()),
            "indicators": ", ".join(f"{k} ×{v}" for k, v in sorted(c.items())),
            "evidence facts": evidence[nid],
        }
        for nid, c in per.items()
    ]
    return sorted(rows, key=lambda r: r["rank"] or 10**9)


def pending_candidates(
    candidates: Iterable[Mapping[str, Any]], judged: Iterable[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Same-person candidates nobody judged yet, best score first."""
    done = {tuple(sorted(p)) for p in judged}
    rest = [dict(c) for c in candidates if tuple(sorted((c["a"], c["b"]))) not in done]
    return sorted(rest, key=lambda c: -float(c["score"]))


# ------------------------------------------------------------------------------ audit


def recent_entries(
    entries: Iterable[Mapping[str, Any]], *, user: str, n: int = 10
) -> list[dict[str, Any]]:
    """The user's ``n`` most recent audit entries, newest first, as table rows."""
    last: deque[Mapping[str, Any]] = deque(maxlen=n)
    for e in entries:
        if e.get("user") == user:
            last.append(e)
    return [
        {
            "when": str(e.get("at", ""))[:19].replace("T", " "),
            "action": e.get("action"),
            "purpose": e.get("purpose"),
            "results": e.get("result_size"),
            "parties": ", ".join(e.get("parties") or []),
        }
        for e in reversed(last)
    ]


def timeline_frame_rows(events: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "date": str(e.get("date")),
            "event": e.get("what"),
            "detail": e.get("detail"),
            "party": e.get("party", ""),
            "legal basis": e.get("legal_basis", ""),
            "source": e.get("source_ref") or "",
        }
        for e in events
    ]


def iso_now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


# ------------------------------------------------------------------------------ trend pictures


def replacement_rows(
    texts: Mapping[str, str], replacements: Iterable[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Each de-identification replacement: in which field, where, what it replaced, by what.

    ``texts`` are the analyst's own texts before de-identification (offsets point into them).

    >>> replacement_rows({"narrative": "Bel Jan"}, [{"field": "narrative", "type": "PERSON",
    ...     "start": 4, "end": 7, "placeholder": "[PERSOON]", "source": "presidio"}])[0]["replaced"]
    'Jan'
    """
    rows = []
    for r in replacements:
        text = texts.get(str(r.get("field")), "")
        start, end = int(r.get("start", 0)), int(r.get("end", 0))
        rows.append(
            {
                "field": r.get("field"),
                "characters": f"{start}–{end}",
                "type": r.get("type"),
                "replaced": text[start:end],
                "by": r.get("placeholder"),
                "found by": r.get("source"),
            }
        )
    return rows


def table_for_display(table: Any, suppressed: Iterable[Any], min_count: int) -> Any:
    """A protected count table as text: suppressed (or missing) cells shown as ``<min``."""
    import pandas as pd

    hidden = set()
    for cell in suppressed:  # (row, column) pairs or SuppressedCell-like objects
        r, c = (cell.row, cell.column) if hasattr(cell, "row") else cell
        hidden.add((str(r), str(c)))
    out = pd.DataFrame(index=[str(i) for i in table.index], columns=[str(c) for c in table.columns])
    for r in table.index:
        for c in table.columns:
            v = table.loc[r, c]
            missing = v is None or (not isinstance(v, str) and bool(pd.isna(v)))
            out.loc[str(r), str(c)] = (
                f"<{min_count}"
                if (str(r), str(c)) in hidden or missing
                else str(int(v))
                if isinstance(v, int | float)
                else str(v)
            )
    return out
