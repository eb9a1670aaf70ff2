"""From store results to networkx: the adapter the analysis functions consume.

Node id = the opaque ``uid``; node attributes = ``label`` plus the entity's display values and
``sources`` (per property, each value with the parties that supplied it); edge key =
``source_ref`` and edge attributes = ``type`` plus every stored property (party, legal_basis,
source_ref, registered_at, ...). Nothing is dropped, so provenance survives into products.
"""

from __future__ import annotations

import networkx as nx

from emm.graph.model import Subgraph


def to_networkx(sub: Subgraph) -> nx.MultiDiGraph:
    """Project a :class:`~emm.graph.model.Subgraph` into a ``MultiDiGraph``.

    Examples
    --------
    >>> from emm.graph.model import Entity, Link, Subgraph
    >>> sub = Subgraph()
    >>> sub.add(Entity("Person-1", "Person", {"uid": "Person-1", "caption": "A"}))
    >>> sub.add(Entity("Phone-1", "Phone", {"uid": "Phone-1", "caption": "+31612345678"}))
    >>> sub.add_link(Link("USES_PHONE", "Person-1", "Phone-1",
    ...                   {"source_ref": "D/1", "party": "POL", "legal_basis": "WPG-10",
    ...                    "registered_at": "2024-01-02"}))
    >>> G = to_networkx(sub)
    >>> G.edges["Person-1", "Phone-1", "D/1"]["party"]
    'POL'
    """
    G = nx.MultiDiGraph(truncated=sub.truncated)
    for uid, entity in sub.entities.items():
        sources = {
            prop: [
                (value, sorted({s.party for s in stmts})) for value, stmts in entity.sources(prop)
            ]
            for prop in dict.fromkeys(s.prop for s in entity.statements)
        }
        G.add_node(uid, **{**entity.props, "label": entity.label, "uid": uid, "sources": sources})
    for ref, link in sub.links.items():
        if link.source in G and link.target in G:
            G.add_edge(link.source, link.target, key=ref, **{**link.props, "type": link.type})
    return G
