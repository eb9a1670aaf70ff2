"""From the explorer's workspace to the graph component's plain data, in the user's language.

Pure functions (no Streamlit, no store): the workspace and its networkx projection go in, the
component's nodes, edges, styles, legend, menu and texts come out. Labels, tooltips and legend
rows are text; the component never renders them as HTML.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from emm.app.components.graph.styles import (
    COMMUNITY_COLOURS,
    OTHER_COLOUR,
    PARTY_COLOURS,
    PARTY_DASHES,
    PATH_COLOUR,
    dash_name,
    style_for,
)
from emm.app.i18n import Translator
from emm.app.workspace import Workspace
from emm.products import chart_formats

COLOUR_BY = ("type", "community", "party")
SIZE_BY = ("equal", "degree", "facts")
LABEL_BY = ("caption", "none", "name", "birth_date", "nationality", "city", "phenomenon")

# The component's words: JS key -> strings.yaml key.
COMPONENT_TEXTS = {
    k: f"graph.{k}"
    for k in (
        "lasso",
        "lasso_help",
        "lasso_hint",
        "fit",
        "fit_help",
        "relayout",
        "relayout_help",
        "laying_out",
        "cluster_hubs",
        "cluster_hubs_help",
        "cluster_title",
        "open_cluster",
        "undo",
        "undo_help",
        "redo",
        "redo_help",
        "legend",
        "legend_help",
        "export_png",
        "export_svg",
        "export_help",
        "expand",
        "expand_by",
        "by_type",
        "by_party",
        "by_basis",
        "open_facts",
        "path_from_here",
        "path_hint",
        "select_neighbours",
        "select_all",
        "pin",
        "unpin",
        "hide",
        "unhide_all",
        "remove",
        "group",
        "ungroup",
        "start_here",
        "timeline",
        "timeline_field",
        "registered_at",
        "fact_date",
        "brush_hint",
        "clear_period",
        "period",
        "no_dates",
    )
}


def component_texts(tr: Translator) -> dict[str, str]:
    return {k: tr(v) for k, v in COMPONENT_TEXTS.items()}


def _short(text: str, n: int = 32) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def fact_date(d: Mapping[str, Any]) -> str | None:
    """The date a fact is about (payment, crossing, stay...), when it has one."""
    for name in ("date", "since", "started_at", "reported_at"):
        if d.get(name):
            return str(d[name])[:10]
    return None


def type_styles(tr: Translator, labels: Iterable[str]) -> dict[str, dict[str, Any]]:
    out = {}
    for label in sorted(set(labels) | {"Group"}):
        st = style_for(label)
        out[label] = {
            "label": tr.type(label),
            "color": st.colour,
            "shape": st.shape,
            "icon": st.icon,
        }
    return out


def party_styles(tr: Translator, parties: Iterable[str]) -> dict[str, dict[str, Any]]:
    return {
        p: {
            "label": tr.party(p),
            "color": PARTY_COLOURS.get(p, "#999999"),
            "dashes": PARTY_DASHES.get(p, False),
        }
        for p in sorted(set(parties))
    }


def main_party(G: nx.MultiDiGraph, node: Hashable) -> str | None:
    c: Counter[str] = Counter()
    for *_, d in G.in_edges(node, data=True):
        c[str(d.get("party"))] += 1
    for *_, d in G.out_edges(node, data=True):
        c[str(d.get("party"))] += 1
    return c.most_common(1)[0][0] if c else None


def chart_data(
    ws: Workspace,
    G: nx.MultiDiGraph,
    tr: Translator,
    *,
    colour_by: str = "type",
    size_by: str = "equal",
    label_by: str = "caption",
    communities: Iterable[Collection[Hashable]] = (),
    key_players: Iterable[Hashable] = (),
    positions: Mapping[str, tuple[float, float]] | None = None,
) -> dict[str, Any]:
    """Nodes, edges, styles and legend for :func:`~emm.app.components.graph.graph_chart`."""
    positions = positions or {}
    member = {n: i for i, c in enumerate(communities) for n in c}
    big = set(key_players)
    seeds = set(ws.seeds)
    pinned = set(ws.pinned)
    on_path = list(ws.path)
    path_pairs = {frozenset(p) for p in zip(on_path, on_path[1:], strict=False)}
    nodes = []
    type_counts: Counter[str] = Counter()
    for uid, d in G.nodes(data=True):
        label = str(d.get("label", ""))
        type_counts[label] += 1
        caption = str(d.get("caption") or uid)
        parties = [str(p) for p in d.get("parties") or []]
        if label_by == "none":
            text = ""
        elif label_by == "caption" or not d.get(label_by):
            text = _short(caption)
        else:
            text = _short(tr.value(label_by, d.get(label_by)))
        colour = None
        if colour_by == "community" and member:
            i = member.get(uid)
            colour = (
                COMMUNITY_COLOURS[i % len(COMMUNITY_COLOURS)] if i is not None else OTHER_COLOUR
            )
        elif colour_by == "party":
            mp = main_party(G, uid)
            colour = PARTY_COLOURS.get(mp or "", OTHER_COLOUR)
        degree = G.degree(uid)
        neighbours = len(set(G.predecessors(uid)) | set(G.successors(uid)))
        size = {
            "equal": 14.0,
            "degree": 10 + 4 * math.sqrt(neighbours),
            "facts": 10 + 3 * math.sqrt(degree),
        }.get(size_by, 14.0)
        if uid in big:
            size += 8
        lines = [
            f"{tr.type(label)}: {caption}",
            f"{tr('ex.known_to')}: {', '.join(parties) or '—'}",
        ]
        if uid in member:
            lines.append(tr("ex.community_n", n=member[uid] + 1))
        if uid in big:
            lines.append(tr("ex.key_player"))
        if uid in seeds:
            lines.append(tr("ex.start_entity"))
        node: dict[str, Any] = {
            "id": str(uid),
            "label": text,
            "type": label,
            "title": "\n".join(lines),
            "size": round(size, 1),
            "seed": uid in seeds,
            "pinned": uid in pinned,
            "hidden": uid in ws.hidden,
        }
        if colour:
            node["color"] = colour
        if uid in big:
            node["border"] = "#000000"
            node["border_width"] = 4
        if uid in positions:
            node["x"], node["y"] = positions[uid]
        nodes.append(node)
    edges = []
    parties_seen: set[str] = set()
    for u, v, key, d in G.edges(keys=True, data=True):
        party = str(d.get("party", ""))
        parties_seen.add(party)
        on = frozenset((u, v)) in path_pairs
        rel = tr.rel(str(d.get("type")))
        registered = str(d.get("registered_at") or "")[:10] or None
        edge: dict[str, Any] = {
            "id": str(key),
            "from": str(u),
            "to": str(v),
            "label": rel,
            "type": str(d.get("type")),
            "party": party,
            "basis": str(d.get("legal_basis", "")),
            "registered": registered,
            "date": fact_date(d),
            "title": (
                f"{rel}\n{tr('ex.col_party')}: {party} · {tr('ex.col_basis')}: "
                f"{d.get('legal_basis')} · {tr('ex.col_registered')}: {registered or '—'}\n"
                f"{tr('ex.col_source')}: {key}"
            ),
        }
        if on:
            edge["color"] = PATH_COLOUR
            edge["width"] = 4
        edges.append(edge)
    legend: list[dict[str, Any]] = []
    if colour_by == "community" and member:
        sizes = Counter(member.values())
        for i, n in sorted(sizes.items())[:12]:
            if n > 1:
                legend.append(
                    {
                        "kind": "node",
                        "label": tr("ex.community_size", n=i + 1, size=n),
                        "color": COMMUNITY_COLOURS[i % len(COMMUNITY_COLOURS)],
                    }
                )
    elif colour_by == "party":
        for p in sorted(parties_seen):
            legend.append(
                {"kind": "node", "label": tr.party(p), "color": PARTY_COLOURS.get(p, OTHER_COLOUR)}
            )
    else:
        for label, n in sorted(type_counts.items(), key=lambda kv: tr.type(kv[0])):
            st = style_for(label)
            legend.append(
                {
                    "kind": "node",
                    "label": f"{tr.type(label)} ({n})",
                    "color": st.colour,
                    "icon": st.icon,
                }
            )
    for p in sorted(parties_seen):
        legend.append(
            {
                "kind": "edge",
                "label": f"{p} ({tr('graph.line_' + dash_name(p))})",
                "color": PARTY_COLOURS.get(p, "#999999"),
                "dashes": PARTY_DASHES.get(p, False),
            }
        )
    if on_path:
        legend.append(
            {"kind": "edge", "label": tr("ex.path_legend"), "color": PATH_COLOUR, "dashes": False}
        )
    return {
        "nodes": nodes,
        "edges": edges,
        "types": type_styles(tr, type_counts),
        "parties": party_styles(tr, parties_seen),
        "legend": legend,
        "groups": [
            {"id": g.id, "label": g.label, "members": list(g.members), "collapsed": g.collapsed}
            for g in ws.groups
        ],
    }


def expand_menu(
    tr: Translator, rel_types: Iterable[str], parties: Iterable[str], bases: Iterable[str]
) -> dict[str, list[tuple[str, str]]]:
    """The choices of "expand by" (relationship type, party, legal basis)."""
    return {
        "type": sorted(((t, tr.rel(t)) for t in rel_types), key=lambda o: o[1]),
        "party": [(p, tr.party(p)) for p in parties],
        "basis": [(b, b) for b in sorted(bases)],
    }


def chart_export(
    ws: Workspace, tr: Translator, header: Mapping[str, str]
) -> chart_formats.ChartExport:
    """What the canvas shows (hidden entities and their facts left out) as an export."""
    shown, links = chart_formats.visible(ws.entities, ws.sub.links.values(), ws.hidden)
    return chart_formats.ChartExport(
        entities=[
            chart_formats.ExportEntity(
                e.uid,
                e.label,
                str(e.props.get("caption") or e.uid),
                {k: v for k, v in e.props.items() if k not in ("search", "key", "uid", "caption")},
                tuple(e.props.get("parties") or ()),
                ws.positions.get(e.uid),
            )
            for e in shown
        ],
        links=[
            chart_formats.ExportLink(
                link.source_ref,
                link.type,
                link.source,
                link.target,
                str(link.props.get("party") or ""),
                str(link.props.get("legal_basis") or ""),
                str(link.props.get("registered_at") or "")[:10] or None,
                fact_date(link.props),
            )
            for link in links
        ],
        header=header,
        type_label=tr.type,
        rel_label=tr.rel,
    )
