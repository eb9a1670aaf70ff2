"""Named working sets: the entities an analyst pinned for a case (covenant art. 7.2 applies:
once the product they were made for is handed over, retention removes them).

Internal: use :attr:`emm.access.guarded.GuardedStore.work`, which checks and audits.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import LiteralString

from emm.graph.store import GraphStore
from emm.products.errors import ProductInputError

# A working set is its owner's: two analysts may each have a set called "case 17".
SAVE: LiteralString = "MERGE (w:WorkingSet {owner: $owner, name: $name}) SET w += $props"
GET: LiteralString = "MATCH (w:WorkingSet {owner: $owner, name: $name}) RETURN properties(w) AS w"
LIST: LiteralString = (
    "MATCH (w:WorkingSet) WHERE $owner IS NULL OR w.owner = $owner "
    "RETURN properties(w) AS w ORDER BY w.saved_at DESC"
)


@dataclass
class WorkingSet:
    name: str
    owner: str
    case_ref: str
    uids: list[str]
    saved_at: str = ""
    hops: int = 1
    filter: dict[str, list[str] | str | None] = field(default_factory=dict)
    product_id: str | None = None


def save(store: GraphStore, ws: WorkingSet) -> WorkingSet:
    if not ws.name.strip():
        raise ProductInputError("a working set needs a name")
    ws.saved_at = datetime.now(UTC).isoformat(timespec="seconds")
    props = {
        "owner": ws.owner,
        "case_ref": ws.case_ref,
        "uids": ws.uids,
        "saved_at": ws.saved_at,
        "hops": ws.hops,
        "product_id": ws.product_id,
        "filter_json": json.dumps(ws.filter),
    }
    store.write(
        SAVE, owner=ws.owner, name=ws.name, props={k: v for k, v in props.items() if v is not None}
    )
    return ws


def _from(props: dict[str, object]) -> WorkingSet:
    return WorkingSet(
        name=str(props["name"]),
        owner=str(props.get("owner", "")),
        case_ref=str(props.get("case_ref", "")),
        uids=list(props.get("uids") or []),  # type: ignore[call-overload]
        saved_at=str(props.get("saved_at", "")),
        hops=int(props.get("hops", 1)),  # type: ignore[call-overload]
        filter=json.loads(str(props.get("filter_json") or "{}")),
        product_id=str(props["product_id"]) if props.get("product_id") else None,
    )


def get(store: GraphStore, name: str, owner: str) -> WorkingSet | None:
    rows = store.read(GET, name=name, owner=owner)
    return _from(rows[0]["w"]) if rows else None


def list_sets(store: GraphStore, owner: str | None = None) -> list[WorkingSet]:
    return [_from(r["w"]) for r in store.read(LIST, owner=owner)]
