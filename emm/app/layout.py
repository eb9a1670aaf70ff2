"""Where the explorer draws each entity: a layout once, then stable positions.

The first picture of a view is laid out whole (igraph: Fruchterman-Reingold for small views,
Large Graph Layout for thousands of entities); what is stable is the session's picture, not
the first layout (igraph draws its own random numbers). After that, positions are kept per session; entities that arrive later (an expand, a
path) are placed on a ring around the entities they connect to, so nothing that was already on
screen moves. Physics never runs in the browser unless the analyst asks for a new layout.

>>> pos = place(["a", "b", "c"], [("a", "b"), ("b", "c")], {})
>>> sorted(pos)
['a', 'b', 'c']
>>> more = place(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("c", "d")], pos)
>>> all(more[k] == pos[k] for k in pos) and "d" in more
True
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

Position = tuple[float, float]

EDGE_LENGTH = 110.0  # median edge length on screen, in vis-network canvas units
RING = 90.0  # radius of the first ring of new entities around the one they were expanded from
BIG = 800  # above this many entities the whole-view layout switches to LGL (faster)


def _whole_layout(nodes: list[str], edges: list[tuple[str, str]], seed: int) -> dict[str, Position]:
    import igraph as ig

    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in edges], directed=False)
    g.simplify()
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) <= BIG:
        start = g.layout_circle().coords
        # a fixed rotation of the start circle per seed keeps runs reproducible
        turn = seed * 0.61803398875
        start = [
            (x * math.cos(turn) - y * math.sin(turn), x * math.sin(turn) + y * math.cos(turn))
            for x, y in start
        ]
        coords = g.layout_fruchterman_reingold(niter=300, seed=start).coords
    else:
        coords = g.layout_lgl(root=0).coords  # igraph's own random source
    lengths = sorted(
        math.dist(coords[a], coords[b]) for a, b in g.get_edgelist() if coords[a] != coords[b]
    )
    scale = EDGE_LENGTH / lengths[len(lengths) // 2] if lengths else EDGE_LENGTH
    cx = sum(c[0] for c in coords) / len(coords)
    cy = sum(c[1] for c in coords) / len(coords)
    return {
        n: (round((coords[i][0] - cx) * scale, 1), round((coords[i][1] - cy) * scale, 1))
        for n, i in index.items()
    }


def place(
    nodes: Iterable[str],
    edges: Iterable[tuple[str, str]],
    known: Mapping[str, Position],
    *,
    seed: int = 0,
) -> dict[str, Position]:
    """Positions for every node: ``known`` ones unchanged, the others laid out or placed.

    Parameters
    ----------
    nodes, edges
        The view (edges as node pairs; direction and duplicates do not matter).
    known
        Positions the analyst already sees (kept exactly).
    seed
        Turns the start circle of the whole-view layout.
    """
    nodes = list(dict.fromkeys(nodes))
    wanted = set(nodes)
    pairs = [(a, b) for a, b in edges if a in wanted and b in wanted and a != b]
    pos: dict[str, Position] = {n: tuple(known[n]) for n in nodes if n in known}  # type: ignore[misc]
    if not pos:
        return _whole_layout(nodes, pairs, seed)
    adj: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        adj[a].add(b)
        adj[b].add(a)
    todo = [n for n in nodes if n not in pos]
    while todo:
        # Place, around each placed anchor, the unplaced nodes it connects to; repeat outward.
        frontier: dict[str, list[str]] = defaultdict(list)
        for n in todo:
            anchors = sorted(m for m in adj[n] if m in pos)
            if anchors:
                frontier[anchors[0]].append(n)
        if not frontier:
            break
        for anchor, group in frontier.items():
            ax, ay = pos[anchor]
            # open the ring away from the anchor's placed neighbours, so it does not cover them
            placed = [pos[m] for m in adj[anchor] if m in pos and m != anchor]
            away = (
                math.atan2(
                    ay - sum(p[1] for p in placed) / len(placed),
                    ax - sum(p[0] for p in placed) / len(placed),
                )
                if placed
                else 0.0
            )
            for i, n in enumerate(sorted(group)):
                ring, k = divmod(i, 12)
                per_ring = min(12, len(group) - ring * 12)
                spread = math.pi * (1.2 if placed else 2.0)
                angle = away + (k - (per_ring - 1) / 2) * spread / max(per_ring, 1)
                r = RING * (1 + 0.6 * ring)
                pos[n] = (round(ax + r * math.cos(angle), 1), round(ay + r * math.sin(angle), 1))
        todo = [n for n in todo if n not in pos]
    if todo:
        # Not connected to anything on screen: lay them out apart, to the right of the picture.
        rest = _whole_layout(todo, [(a, b) for a, b in pairs if a in set(todo)], seed)
        right = max(p[0] for p in pos.values()) + 3 * EDGE_LENGTH
        left = min(p[0] for p in rest.values())
        for n, (x, y) in rest.items():
            pos[n] = (round(x - left + right, 1), y)
    return pos
