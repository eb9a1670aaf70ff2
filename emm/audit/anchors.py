"""Checkpoints outside the audit folder: the graph database, and the privacy officer's anchor.

A checkpoint says "entry N of installation I had hash H at time T", signed with the trail's
current key (:meth:`emm.audit.log.AuditLog.checkpoint`). The command line writes one to the
graph database after every command that used it; ``emm audit checkpoint`` does so from a
scheduler. ``AuditCheckpoint`` nodes are not bookkeeping of case data: ``emm db reset`` and
the test fixtures' ``clear()`` leave them, so a reset does not wipe the evidence with the data.

The anchor (``emm audit anchor --out FILE``) is the installation id, the first signed entry
and its public key, plus the latest checkpoint: the privacy officer keeps it off this machine
and gives it to ``emm audit verify --anchor FILE``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, LiteralString

from emm.audit.log import AuditLog
from emm.errors import EmmError
from emm.files import write_private
from emm.graph.store import GraphStore

SAVE_CHECKPOINT: LiteralString = (
    "MERGE (c:AuditCheckpoint {installation: $installation, seq: $seq}) SET c += $props"
)
CHECKPOINTS_OF: LiteralString = (
    "MATCH (c:AuditCheckpoint {installation: $installation}) "
    "RETURN properties(c) AS c ORDER BY c.seq DESC LIMIT $limit"
)
INSTALLATIONS: LiteralString = (
    "MATCH (c:AuditCheckpoint) RETURN DISTINCT c.installation AS installation"
)


class AnchorError(EmmError, ValueError):
    """An anchor file that cannot be read or is not an anchor."""


def save_to_graph(store: GraphStore, cp: dict[str, Any]) -> None:
    store.write(
        SAVE_CHECKPOINT,
        installation=cp["installation"],
        seq=cp["seq"],
        props={k: cp[k] for k in ("hash", "at", "sig")},
    )


def from_graph(store: GraphStore, installation: str, *, limit: int = 20) -> list[dict[str, Any]]:
    rows = store.read(CHECKPOINTS_OF, installation=installation, limit=limit)
    return [{**r["c"], "source": "the graph database"} for r in rows]


def installations_in_graph(store: GraphStore) -> list[str]:
    return [str(r["installation"]) for r in store.read(INSTALLATIONS)]


def checkpoint(log: AuditLog, store: GraphStore | None = None) -> dict[str, Any] | None:
    """Write a checkpoint of the trail now to its checkpoint file and, given, the database."""
    cp = log.checkpoint()
    if cp is not None and store is not None:
        save_to_graph(store, cp)
    return cp


def export_anchor(log: AuditLog, out: Path) -> dict[str, Any]:
    """Write the anchor with a fresh checkpoint to ``out`` (0600) for the privacy officer."""
    anchor = log.anchor()
    if anchor is None:
        raise AnchorError("the audit trail has no anchor yet (nothing was logged)")
    cp = log.checkpoint()
    data = {**anchor, "checkpoint": cp}
    write_private(out, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
    return data


def load_anchor(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise AnchorError(f"{path}: not a readable anchor file ({type(exc).__name__})") from None
    if not isinstance(data, dict) or not {"installation", "genesis_key", "from_seq"} <= set(data):
        raise AnchorError(f"{path}: not an audit anchor (installation, genesis_key, from_seq)")
    return data
