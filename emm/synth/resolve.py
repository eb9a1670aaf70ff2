"""The generator's answer key as node uids, and deliveries as analysis tables without a database.

Ground-truth entities are referred to by ``(delivery_id, record_id)``; :class:`RefResolver`
re-reads those delivery rows and applies the ingest's own identity rules
(:func:`emm.ingest.mapping.map_entity`) to find each record's ``(label, key)``, then the node:
from the store (:meth:`GraphStore.by_keys`) or from a node table (its ``label`` and ``key``
columns). So evaluation needs no knowledge of internal ids, and the same code works on a
database and on :func:`frames_from_deliveries`.

The scoring itself is :mod:`emm.graph.analysis.evaluate`.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from emm.graph.analysis.evaluate import (
    MEMBER_LABELS,
    ResolvedScenario,
    ResolvedTruth,
    same_groups,
    score_networks,
)
from emm.ingest.delivery import iter_rows, load_manifest
from emm.ingest.mapping import DeliveryContext, RowError, map_entity, map_link

if TYPE_CHECKING:
    import pandas as pd

    from emm.graph.store import GraphStore

__all__ = ["RefResolver", "evaluate", "frames_from_deliveries", "resolve_truth", "uid_for"]


def uid_for(label: str, key: str) -> str:
    """A deterministic uid for a node without a database (``<Label>-<16 hex>``)."""
    return f"{label}-{hashlib.blake2b(f'{label}|{key}'.encode(), digest_size=8).hexdigest()}"


def _text(value: Any) -> Any:
    """Dates as ISO text, as the store returns them."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def frames_from_deliveries(deliveries: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The edge and node tables of a delivery folder, by the ingest's mapping (no database).

    Rows the ingest would quarantine are skipped; records with the same identity key become one
    node (first values win, ``parties`` collects every supplying party); a link is identified
    by its ``source_ref`` as in the store; uids come from :func:`uid_for`.
    """
    import pandas as pd

    from emm.graph import cypher

    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[str, dict[str, Any]] = {}
    for manifest_path in sorted(Path(deliveries).glob("*/manifest.json")):
        folder = manifest_path.parent
        manifest = load_manifest(folder)
        ctx = DeliveryContext(manifest.delivery_id, manifest.party, manifest.legal_basis)
        index: dict[str, tuple[str, str]] = {}
        for spec in sorted(manifest.files, key=lambda s: s.kind != "entities"):
            for _, row in iter_rows(folder / spec.path, spec.encoding):
                if not isinstance(row, dict):
                    continue
                record_id = str(row.get("record_id", "")).strip()
                try:
                    if spec.kind == "entities":
                        node = map_entity(row, ctx)
                        index.setdefault(record_id, (node.label, node.key))
                        uid = uid_for(node.label, node.key)
                        entry = nodes.get(uid)
                        if entry is None:
                            props = {k: _text(v) for k, v in node.props.items() if k != "search"}
                            nodes[uid] = {
                                "uid": uid,
                                "label": node.label,
                                "key": node.key,
                                **props,
                                "parties": [ctx.party],
                            }
                        else:
                            for k, v in node.props.items():
                                if k != "search" and entry.get(k) in (None, ""):
                                    entry[k] = _text(v)
                            if ctx.party not in entry["parties"]:
                                entry["parties"].append(ctx.party)
                    else:
                        edge = map_link(row, ctx, record_id, index.get)
                        edges[edge.source_ref] = {
                            "src": uid_for(edge.source_label, edge.source_key),
                            "dst": uid_for(edge.target_label, edge.target_key),
                            "type": edge.type,
                            **{k: _text(v) for k, v in edge.props.items()},
                        }
                except RowError:
                    continue
    columns = ["src", "dst", "type", "party", "legal_basis", "source_ref", "registered_at"]
    columns += list(cypher.EDGE_EXTRA)
    edge_frame = pd.DataFrame(list(edges.values()))
    edge_frame = edge_frame.reindex(columns=columns).astype(object)
    node_frame = pd.DataFrame(list(nodes.values())).astype(object)
    used = set(edge_frame["src"]).union(edge_frame["dst"])
    node_frame = node_frame[node_frame["uid"].isin(used)].reset_index(drop=True)
    return edge_frame, node_frame


class RefResolver:
    """Maps ground-truth refs ``{"delivery_id", "record_id"}`` to node uids.

    ``target`` is a :class:`~emm.graph.store.GraphStore` or a node table with ``uid``,
    ``label`` and ``key`` columns.
    """

    def __init__(self, deliveries: Path, target: GraphStore | pd.DataFrame) -> None:
        self.folders = {p.parent.name: p.parent for p in Path(deliveries).glob("*/manifest.json")}
        self.target = target
        self._keys: dict[tuple[str, str], tuple[str, str]] = {}
        self._loaded: set[str] = set()
        self._uids: dict[tuple[str, str], str] = {}
        self._by_key: dict[tuple[str, str], str] | None = None

    def _load(self, delivery_id: str) -> None:
        self._loaded.add(delivery_id)
        folder = self.folders.get(delivery_id)
        if folder is None:
            return
        manifest = load_manifest(folder)
        ctx = DeliveryContext(manifest.delivery_id, manifest.party, manifest.legal_basis)
        for spec in manifest.files:
            if spec.kind != "entities":
                continue
            for _, row in iter_rows(folder / spec.path, spec.encoding):
                if isinstance(row, dict):
                    try:
                        node = map_entity(row, ctx)
                    except RowError:
                        continue
                    self._keys[(delivery_id, row["record_id"])] = (node.label, node.key)

    def _lookup(self, label: str, keys: list[str]) -> dict[str, str]:
        import pandas as pd

        if isinstance(self.target, pd.DataFrame):
            if self._by_key is None:
                t = self.target
                self._by_key = {
                    (str(lab), str(k)): str(u)
                    for u, lab, k in zip(t["uid"], t["label"], t["key"], strict=True)
                }
            return {k: self._by_key[(label, k)] for k in keys if (label, k) in self._by_key}
        return {e.props["key"]: e.uid for e in self.target.by_keys(label, keys)}

    def resolve(self, refs: Iterable[dict[str, Any]]) -> dict[tuple[str, str], str]:
        """``(delivery_id, record_id) -> uid`` for every ref whose node is loaded.

        Several refs may resolve to one node (records merged by the ingest's identity rules).
        """
        wanted = [(r["delivery_id"], r["record_id"]) for r in refs]
        for d in {d for d, _ in wanted} - self._loaded:
            self._load(d)
        by_label: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for ref in wanted:
            if ref in self._keys and ref not in self._uids:
                label, key = self._keys[ref]
                by_label[label][key].append(ref)
        for label, keys in by_label.items():
            for key, uid in self._lookup(label, list(keys)).items():
                for ref in keys[key]:
                    self._uids[ref] = uid
        return {ref: self._uids[ref] for ref in wanted if ref in self._uids}


def resolve_truth(
    truth_file: Path, deliveries: Path, target: GraphStore | pd.DataFrame
) -> ResolvedTruth:
    """Read ``ground_truth.json`` and resolve all its refs to uids in ``target`` (a store or
    a node table)."""
    truth = json.loads(Path(truth_file).read_text(encoding="utf-8"))
    resolver = RefResolver(Path(deliveries), target)
    refs: list[dict[str, Any]] = []
    for sc in [*truth["scenarios"], *truth.get("decoys", [])]:
        refs += [m for m in sc["members"] if m.get("type", "Person") in MEMBER_LABELS]
        refs += sc.get("organisers", [])
    for a, b in truth["same_person_pairs"]:
        refs += [a, b]
    uid = resolver.resolve(refs)

    def of(ref: dict[str, Any]) -> str | None:
        return uid.get((ref["delivery_id"], ref["record_id"]))

    def resolved(sc: dict[str, Any]) -> ResolvedScenario:
        member_refs = [m for m in sc["members"] if m.get("type", "Person") in MEMBER_LABELS]
        return ResolvedScenario(
            id=sc["id"],
            type=sc["type"],
            members=frozenset(u for u in map(of, member_refs) if u),
            organisers=frozenset(u for u in map(of, sc.get("organisers", [])) if u),
            refs=len(member_refs),
        )

    pairs = [(of(a), of(b)) for a, b in truth["same_person_pairs"]]
    return ResolvedTruth(
        scenarios=[resolved(sc) for sc in truth["scenarios"]],
        pairs=pairs,
        same=same_groups(pairs),
        decoys=[resolved(d) for d in truth.get("decoys", [])],
    )


def evaluate(
    truth_file: Path,
    deliveries: Path,
    store: GraphStore,
    networks: list[Any],
    edges: Any,
    nodes: Any = None,
) -> dict[str, Any]:
    """Scores per scenario and per scenario type for ``networks`` (from detect_networks) found
    in ``edges`` (and ``nodes``), against the answer key resolved in ``store``."""
    truth = resolve_truth(truth_file, deliveries, store)
    return score_networks(truth, networks, (edges, nodes))
