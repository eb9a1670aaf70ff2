"""Builder for projection-shaped test graphs (imported by conftest and the test modules)."""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx

BASIS = {
    "POL": "WPG-10",
    "KMAR": "WPG-15",
    "ISZW": "WPG-9",
    "IND": "AVG-6-VW-107-4",
    "OM": "WJSG-39F-1A",
}


class Builder:
    """Build a projection-shaped MultiDiGraph with readable uids."""

    def __init__(self) -> None:
        self.G = nx.MultiDiGraph()
        self._refs = itertools.count(1)

    def node(self, uid: str, label: str, *, parties: list[str] | None = None, **fields: Any) -> str:
        caption = fields.get("name") or fields.get("city") or fields.get("number") or uid
        if uid in self.G:
            self.G.nodes[uid].update(fields)
            return uid
        self.G.add_node(
            uid,
            label=label,
            key=f"{label}:{uid}",
            caption=caption,
            parties=list(parties or ["POL"]),
            **fields,
        )
        return uid

    def fact(
        self,
        src: str,
        type_: str,
        dst: str,
        *,
        party: str = "POL",
        registered_at: str = "2026-01-15",
        legal_basis: str | None = None,
        ref: str | None = None,
        **fields: Any,
    ) -> str:
        ref = ref or f"{party}-{next(self._refs):04d}"
        self.G.add_edge(
            src,
            dst,
            key=ref,
            type=type_,
            party=party,
            legal_basis=legal_basis or BASIS[party],
            source_ref=ref,
            registered_at=registered_at,
            **fields,
        )
        return ref

    def persons(self, prefix: str, n: int, **fields: Any) -> list[str]:
        return [self.node(f"{prefix}{i}", "Person", name=f"Person {prefix}{i}", **fields)
                for i in range(1, n + 1)]  # fmt: skip
