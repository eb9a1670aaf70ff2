"""A static picture of a network for documents (PNG via matplotlib, no display needed)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import networkx as nx

# Colour per entity type and line style per party: the same legend in every document.
LABEL_COLOURS = {
    "Person": "#d62728",
    "Address": "#1f77b4",
    "Phone": "#2ca02c",
    "Email": "#98df8a",
    "Vehicle": "#9467bd",
    "Company": "#ff7f0e",
    "BankAccount": "#8c564b",
    "IdentityDocument": "#e377c2",
    "Advertisement": "#bcbd22",
    "Signal": "#17becf",
    "Investigation": "#7f7f7f",
    "BorderPost": "#c5b0d5",
}
PARTY_STYLES: dict[str, Any] = {
    "POL": "solid",
    "KMAR": "dashed",
    "ISZW": "dashdot",
    "IND": "dotted",
    "OM": (0, (1, 3)),
}


def network_png(
    G: nx.MultiDiGraph,
    *,
    highlight: Iterable[str] = (),
    seed: int = 0,
    width: float = 10,
    height: float = 7,
) -> bytes:
    """Render ``G`` with a seeded spring layout; ``highlight`` nodes are labelled and enlarged."""
    # A bare Figure with the Agg canvas: no pyplot state, no global backend switch.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    fig = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.axis("off")
    if G.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "empty network", ha="center", va="center")
    else:
        H = nx.Graph(G.to_undirected())
        pos = nx.spring_layout(H, seed=seed, k=1.5 / max(1, len(H)) ** 0.5, iterations=60)
        marked = set(highlight)
        for party, style in PARTY_STYLES.items():
            edges = [(u, v) for u, v, d in G.edges(data=True) if d.get("party") == party]
            if edges:
                nx.draw_networkx_edges(
                    G.to_undirected(as_view=True),
                    pos,
                    edgelist=edges,
                    style=style,
                    alpha=0.5,
                    width=0.8,
                    ax=ax,
                )
        colours = [LABEL_COLOURS.get(G.nodes[n].get("label", ""), "#333333") for n in H]
        sizes = [220 if n in marked else 60 for n in H]
        nx.draw_networkx_nodes(
            H, pos, node_color=colours, node_size=sizes, linewidths=0.5, edgecolors="black", ax=ax
        )
        labels = {n: str(G.nodes[n].get("caption", ""))[:28] for n in marked if n in H}
        nx.draw_networkx_labels(H, pos, labels=labels, font_size=8, ax=ax)
        present = {G.nodes[n].get("label") for n in H}
        handles = [
            Line2D([], [], marker="o", linestyle="", color=c, label=lb)
            for lb, c in LABEL_COLOURS.items()
            if lb in present
        ]
        handles += [
            Line2D([], [], color="black", linestyle=s, label=p)
            for p, s in PARTY_STYLES.items()
            if any(d.get("party") == p for *_, d in G.edges(data=True))
        ]
        ax.legend(handles=handles, loc="lower left", fontsize=7, ncol=2, frameon=False)
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png")
    return buf.getvalue()
