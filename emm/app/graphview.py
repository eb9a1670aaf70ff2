"""A static, self-contained network picture (pyvis), fully offline HTML, in Dutch by default.

The explorer draws with the graph component (:mod:`emm.app.components.graph`); this module
stays for a picture that must work as one HTML file on its own (e.g. next to an OIB): pyvis
builds the node and edge lists and the vis-network options; :func:`to_html` renders them with
the vis-network JavaScript and CSS that ship inside the pyvis package, inlined, so the file works
without internet (pyvis' own template always links Bootstrap from a CDN). Colours per entity type
and line styles per party are the component's (:mod:`emm.app.components.graph.styles`), so the
explorer and the documents share one legend; labels come from :mod:`emm.app.i18n`.

Nothing here touches Streamlit or the database: it takes a networkx projection and returns text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Hashable, Iterable, Mapping
from functools import cache
from html import escape
from importlib import resources
from typing import Any

import networkx as nx

from emm.app.components.graph.styles import (
    COMMUNITY_COLOURS,
    OTHER_COLOUR,
    PARTY_COLOURS,
    PARTY_DASHES,
    PATH_COLOUR,
    dash_name,
)
from emm.app.i18n import Translator
from emm.products.picture import LABEL_COLOURS

__all__ = [
    "COMMUNITY_COLOURS",
    "LABEL_COLOURS",
    "app_icon",
    "PARTY_COLOURS",
    "PARTY_DASHES",
    "build_network",
    "external_refs",
    "legend_html",
    "to_html",
]

VIS_OPTIONS: dict[str, Any] = {
    "interaction": {
        "hover": True,
        "navigationButtons": True,
        "keyboard": True,
        "multiselect": True,
    },
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90},
        "stabilization": {"iterations": 250, "fit": True},
    },
    "edges": {
        "smooth": {"type": "continuous"},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
    },
    "nodes": {"shape": "dot", "font": {"size": 12}},
}


def _short(text: str, n: int = 30) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def build_network(
    G: nx.MultiDiGraph,
    *,
    colour_by: str = "type",
    communities: Iterable[Collection[Hashable]] = (),
    key_players: Iterable[Hashable] = (),
    path: Iterable[Hashable] = (),
    selected: Hashable | None = None,
    seeds: Iterable[Hashable] = (),
    height: int = 620,
    tr: Translator | None = None,
) -> Any:
    """A pyvis ``Network`` of ``G``: colour by entity type (or community), line style by party.

    ``key_players`` are drawn larger with a thick border, ``seeds`` as squares, the
    ``selected`` node larger, and the facts of ``path`` (a sequence of node ids) in red.
    """
    from pyvis.network import Network

    tr = tr or Translator()
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line")
    member = {n: i for i, c in enumerate(communities) for n in c}
    big = set(key_players)
    starts = set(seeds)
    on_path = list(path)
    path_pairs = {frozenset(p) for p in zip(on_path, on_path[1:], strict=False)}
    for node, data in G.nodes(data=True):
        label = str(data.get("label", ""))
        if colour_by == "community" and member:
            i = member.get(node)
            colour = (
                COMMUNITY_COLOURS[i % len(COMMUNITY_COLOURS)] if i is not None else OTHER_COLOUR
            )
        else:
            colour = LABEL_COLOURS.get(label, "#333333")
        caption = str(data.get("caption") or node)
        parties = ", ".join(data.get("parties") or [])
        title = f"{tr.type(label)}: {caption}\n{tr('ex.known_to')}: {parties or '-'}"
        if node in member:
            title += f"\n{tr('ex.community_n', n=member[node] + 1)}"
        size = 12 + (10 if node in big else 0) + (6 if node == selected else 0)
        net.add_node(
            str(node),
            label=_short(caption),
            title=title,
            color={"background": colour, "border": "#000000" if node in big else colour},
            borderWidth=4 if node in big or node == selected else 1,
            size=size,
            shape="square" if node in starts else "dot",
        )
    for u, v, key, data in G.edges(keys=True, data=True):
        party = str(data.get("party", ""))
        on = frozenset((u, v)) in path_pairs
        net.add_edge(
            str(u),
            str(v),
            id=str(key),
            title=(
                f"{tr.rel(str(data.get('type')))} ({party}, {data.get('legal_basis')}, "
                f"{data.get('registered_at') or '—'})\n{key}"
            ),
            color=PATH_COLOUR if on else PARTY_COLOURS.get(party, "#999999"),
            dashes=PARTY_DASHES.get(party, False),
            width=4 if on else 1.5,
        )
    net.options = json.loads(json.dumps(VIS_OPTIONS))  # a dict: rendered as JSON as is
    return net


@cache
def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis").joinpath("lib", "vis-9.1.2")
    js = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = lib.joinpath("vis-network.css").read_text(encoding="utf-8")
    return js, css


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element (no ``</script>`` or ``<!--`` can be formed)."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8">
<style>{css}</style>
<style>
 html, body {{ margin: 0; padding: 0; font-family: sans-serif; }}
 #net {{ width: 100%; height: {height}px; border: 1px solid #ddd; background: #fff; }}
 div.vis-tooltip {{ white-space: pre-line; font-size: 12px; }}
 #status {{ position: absolute; top: 6px; left: 10px; font-size: 12px; color: #666; }}
</style>
<script>{js}</script>
</head><body>
<div id="status">{n} …</div>
<div id="net"></div>
<script>
 var nodes = new vis.DataSet({nodes});
 var edges = new vis.DataSet({edges});
 var network = new vis.Network(document.getElementById("net"),
     {{nodes: nodes, edges: edges}}, {options});
 network.once("stabilizationIterationsDone", function () {{
   document.getElementById("status").textContent = "";
   network.setOptions({{physics: {{enabled: false}}}});
 }});
</script>
</body></html>
"""


def to_html(net: Any) -> str:
    """Self-contained HTML for a pyvis ``Network``: no CDN, no external file, no request."""
    nodes, edges, _heading, height, _width, options = net.get_network_data()
    js, css = _vis_assets()
    return _TEMPLATE.format(
        css=css,
        js=js,
        height=int(str(height).removesuffix("px")),
        n=len(nodes),
        nodes=_script_json(nodes),
        edges=_script_json(edges),
        options=options if isinstance(options, str) else _script_json(options),
    )


_REF = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?\s*(https?:)?//""", re.I
)


def external_refs(html: str) -> list[str]:
    """Elements in ``html`` that would load something from another host (should be none)."""
    return [m.group(0) for m in _REF.finditer(html)]


def legend_html(
    labels: Iterable[str],
    parties: Iterable[str],
    *,
    communities: Mapping[int, int] | None = None,
    tr: Translator | None = None,
) -> str:
    """A small legend (entity types present, parties present) as HTML for a standalone file."""
    tr = tr or Translator()
    parts = []
    if communities:
        for i, size in communities.items():
            colour = COMMUNITY_COLOURS[i % len(COMMUNITY_COLOURS)]
            text = escape(tr("ex.community_size", n=i + 1, size=size))
            parts.append(f"<span style='color:{colour}'>●</span> {text}")
    else:
        for label in sorted(set(labels)):
            colour = LABEL_COLOURS.get(label, "#333333")
            parts.append(f"<span style='color:{colour}'>●</span> {escape(tr.type(label))}")
    for party in sorted(set(parties)):
        parts.append(
            f"<span style='color:{PARTY_COLOURS.get(party, '#999')}'>━</span> "
            f"{escape(party)} ({escape(tr('graph.line_' + dash_name(party)))})"
        )
    parts.append(f"■ {escape(tr('ex.start_entity'))} · {escape(tr('ex.key_player'))}")
    return " &nbsp; ".join(parts)


@cache
def app_icon() -> Any:
    """The browser-tab icon, drawn here (a material icon name would be fetched from Google)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    centre, points = (32, 32), [(10, 12), (54, 14), (12, 52), (52, 50)]
    for x, y in points:
        draw.line([centre, (x, y)], fill="#1f3a93", width=5)
    for (x, y), colour in zip(points, ("#d62728", "#1f77b4", "#2ca02c", "#ff7f0e"), strict=True):
        draw.ellipse([x - 8, y - 8, x + 8, y + 8], fill=colour)
    draw.ellipse([20, 20, 44, 44], fill="#1f3a93")
    return img
