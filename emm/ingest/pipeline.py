"""Ingest one delivery: read, validate, quarantine bad rows, write good rows in batches.

Guarantees (each covered by a test):

* every row read is either loaded or quarantined, and the report's counts add up;
* each batch is one transaction, every write is an idempotent ``MERGE``: a delivery that fails
  mid-way leaves no half batch, and running it again completes it without duplicates;
* memory stays bounded: rows are streamed, and ``record_id -> node`` lives in an on-disk index.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from emm.graph.model import EdgeRow, NodeRow
from emm.graph.store import GraphStore
from emm.ingest.delivery import DeliveryError, Manifest, iter_rows, load_manifest
from emm.ingest.mapping import DeliveryContext, RowError, link_type, map_entity, map_link

Progress = Callable[[str, int], None]


@dataclass
class TypeCounts:
    read: int = 0
    loaded: int = 0
    merged: int = 0
    quarantined: int = 0


@dataclass
class DeliveryReport:
    delivery_id: str
    party: str
    legal_basis: str
    status: str = "loading"
    started_at: str = ""
    finished_at: str = ""
    seconds: float = 0.0
    files: list[dict[str, Any]] = field(default_factory=list)
    per_type: dict[str, TypeCounts] = field(default_factory=dict)
    quarantine_file: str | None = None

    def counts(self, type_: str) -> TypeCounts:
        return self.per_type.setdefault(type_, TypeCounts())

    @property
    def read(self) -> int:
        return sum(c.read for c in self.per_type.values())

    @property
    def loaded(self) -> int:
        return sum(c.loaded for c in self.per_type.values())

    @property
    def quarantined(self) -> int:
        return sum(c.quarantined for c in self.per_type.values())

    @property
    def merged(self) -> int:
        return sum(c.merged for c in self.per_type.values())

    def balanced(self) -> bool:
        return all(c.read == c.loaded + c.quarantined for c in self.per_type.values())

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["totals"] = {
            "read": self.read,
            "loaded": self.loaded,
            "merged": self.merged,
            "quarantined": self.quarantined,
        }
        return data


class _RecordIndex:
    """``record_id -> (label, key)`` for one delivery, on disk so memory stays bounded."""

    def __init__(self, folder: str) -> None:
        self.db = sqlite3.connect(os.path.join(folder, "records.sqlite"))
        self.db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-16000;"
            "CREATE TABLE rec (id TEXT PRIMARY KEY, label TEXT, key TEXT) WITHOUT ROWID;"
        )

    def add(self, record_id: str, label: str, key: str) -> bool:
        try:
            self.db.execute("INSERT INTO rec VALUES (?, ?, ?)", (record_id, label, key))
        except sqlite3.IntegrityError:
            return False
        return True

    def claim(self, record_id: str) -> bool:
        """Reserve a record id (for link rows); False when it was used already."""
        return self.add(record_id, "", "")

    def get(self, record_id: str) -> tuple[str, str] | None:
        row = self.db.execute("SELECT label, key FROM rec WHERE id = ?", (record_id,)).fetchone()
        if row is None or not row[0]:
            return None
        return row[0], row[1]

    def close(self) -> None:
        self.db.close()


class _Quarantine:
    def __init__(self, path: Path, delivery_id: str) -> None:
        self.path = path
        self.delivery_id = delivery_id
        self._fh: IO[str] | None = None

    def add(
        self,
        file: str,
        row_number: int,
        field_name: str,
        reason: str,
        record: dict[str, str] | None,
    ) -> None:
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # The quarantined record may hold personal data: owner-only, never logged.
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            self._fh = os.fdopen(fd, "w", encoding="utf-8")
        entry = {
            "delivery_id": self.delivery_id,
            "file": file,
            "row": row_number,
            "field": field_name,
            "reason": reason,
            "record": record,
        }
        self._fh.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


@contextmanager
def _workspace() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="emm-ingest-") as folder:
        yield folder


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def ingest_delivery(
    folder: Path,
    store: GraphStore | None,
    *,
    out_dir: Path,
    batch_size: int = 5000,
    force: bool = False,
    progress: Progress | None = None,
) -> DeliveryReport:
    """Ingest the delivery in ``folder``; with ``store=None`` only validate (a dry run).

    Returns the delivery report, also written to ``out_dir/reports/<delivery_id>.json``.
    Raises :class:`~emm.ingest.delivery.DeliveryError` when the delivery as a whole is unusable
    and lets database errors through: in both cases no partial batch remains.
    """
    manifest = load_manifest(folder)
    report = DeliveryReport(
        manifest.delivery_id, manifest.party, manifest.legal_basis, started_at=_now()
    )
    if store is not None and store.party_status(manifest.party) != "active":
        raise DeliveryError(
            f"{folder}: {manifest.party} no longer supplies data to the EMM "
            f"(status {store.party_status(manifest.party)}); the delivery is not processed"
        )
    if (
        store is not None
        and not force
        and store.delivery_status(manifest.delivery_id) == "complete"
    ):
        report.status = "already loaded"
        return report
    for spec in manifest.files:
        if not (folder / spec.path).is_file():
            raise DeliveryError(f"{folder / spec.path}: listed in the manifest but missing")
    ctx = DeliveryContext(manifest.delivery_id, manifest.party, manifest.legal_basis)
    quarantine = _Quarantine(
        out_dir / "quarantine" / f"{manifest.delivery_id}.jsonl", manifest.delivery_id
    )
    started = time.perf_counter()
    if store is not None:
        store.record_delivery(manifest.delivery_id, _delivery_props(manifest, "loading"))
    with _workspace() as work:
        index = _RecordIndex(work)
        try:
            # Entities first, so every link can find its endpoints.
            ordered = sorted(manifest.files, key=lambda s: s.kind != "entities")
            for spec in ordered:
                _ingest_file(
                    folder,
                    spec.path,
                    spec.kind,
                    spec.encoding,
                    ctx,
                    store,
                    index,
                    quarantine,
                    report,
                    batch_size,
                    progress,
                )
        finally:
            index.close()
            quarantine.close()
    report.seconds = round(time.perf_counter() - started, 3)
    report.finished_at = _now()
    report.status = "complete" if store is not None else "validated"
    if quarantine.path.exists():
        report.quarantine_file = str(quarantine.path)
    if not report.balanced():  # pragma: no cover - a bug, not bad input
        raise AssertionError("delivery report does not balance: read != loaded + quarantined")
    if store is not None:
        store.record_delivery(
            manifest.delivery_id,
            {
                **_delivery_props(manifest, "complete"),
                "rows_read": report.read,
                "rows_loaded": report.loaded,
                "rows_quarantined": report.quarantined,
                "finished_at": report.finished_at,
            },
        )
    _write_report(out_dir, report)
    return report


def _delivery_props(manifest: Manifest, status: str) -> dict[str, Any]:
    return {
        "party": manifest.party,
        "legal_basis": manifest.legal_basis,
        "delivered_at": manifest.delivered_at.isoformat(),
        "status": status,
    }


def _write_report(out_dir: Path, report: DeliveryReport) -> None:
    path = out_dir / "reports" / f"{report.delivery_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")


def _ingest_file(
    folder: Path,
    name: str,
    kind: str,
    encoding: str | None,
    ctx: DeliveryContext,
    store: GraphStore | None,
    index: _RecordIndex,
    quarantine: _Quarantine,
    report: DeliveryReport,
    batch_size: int,
    progress: Progress | None,
) -> None:
    path = folder / name
    file_counts: Counter[str] = Counter()
    nodes: list[NodeRow] = []
    edges: list[EdgeRow] = []
    types: list[str] = []  # row type per pending row, to count after the batch commits

    def flush() -> None:
        if store is not None and (nodes or edges):
            result = store.write_batch(nodes, edges)
            created = dict(result.per_label_created)
            for n in nodes:  # rows that created no node were merged into an existing one
                if created.get(n.label, 0) > 0:
                    created[n.label] -= 1
                else:
                    report.counts(n.label).merged += 1
        for t in types:
            report.counts(t).loaded += 1
        file_counts["loaded"] += len(types)
        nodes.clear()
        edges.clear()
        types.clear()
        if progress:
            progress(name, file_counts["read"])

    def reject(number: int, type_: str, fld: str, reason: str, row: dict[str, str] | None) -> None:
        report.counts(type_).quarantined += 1
        file_counts["quarantined"] += 1
        quarantine.add(name, number, fld, reason, row)

    for number, row in iter_rows(path, encoding):
        file_counts["read"] += 1
        if isinstance(row, str):
            report.counts("(unparsed)").read += 1
            reject(number, "(unparsed)", "row", row, None)
            continue
        type_ = row.get("type", "").strip() or "(no type)"
        report.counts(type_).read += 1
        record_id = row.get("record_id", "").strip()
        try:
            if not record_id:
                raise RowError("record_id", "is required and empty")
            if kind == "entities":
                node = map_entity(row, ctx)
                if not index.add(record_id, node.label, node.key):
                    raise RowError("record_id", "is used by an earlier row of this delivery")
                nodes.append(node)
            else:
                link_type(row)
                ends = []
                for end in ("from", "to"):
                    ref = row.get(end, "").strip()
                    found = index.get(ref) if ref else None
                    if found is None:
                        raise RowError(
                            end,
                            "refers to no loaded entity row of this delivery"
                            if ref
                            else "is required and empty",
                        )
                    ends.append(found)
                edge = map_link(row, ctx, ends[0], ends[1])
                if not index.claim(record_id):
                    raise RowError("record_id", "is used by an earlier row of this delivery")
                edges.append(edge)
        except RowError as exc:
            reject(number, type_, exc.field, exc.reason, row)
            continue
        types.append(type_)
        if len(types) >= batch_size:
            flush()
    flush()
    report.files.append({"path": name, "kind": kind, **file_counts})


def ingest_folder(
    root: Path,
    store: GraphStore | None,
    *,
    out_dir: Path,
    batch_size: int = 5000,
    force: bool = False,
    progress: Progress | None = None,
) -> list[DeliveryReport]:
    """Ingest every delivery folder under ``root`` (sorted by name, so runs are repeatable)."""
    folders = sorted(p.parent for p in root.glob("**/manifest.json"))
    if not folders:
        raise DeliveryError(f"{root}: no delivery folders (no manifest.json found)")
    return [
        ingest_delivery(
            f, store, out_dir=out_dir, batch_size=batch_size, force=force, progress=progress
        )
        for f in folders
    ]
