"""Ingest one delivery: read, validate, quarantine bad rows, write good rows in batches.

Guarantees (each covered by a test):

* every row read is either loaded or quarantined, and the report's counts add up;
* each batch is one transaction, every write is an idempotent ``MERGE``: a delivery that fails
  mid-way leaves no half batch, and running it again completes it without duplicates;
* memory stays bounded: rows are streamed in chunks of ``batch_size``, and ``record_id -> node``
  lives in a dict that moves to an on-disk index when it grows past a bound.

Speed (see ``benchmarks/``): per row the work is dict lookups and the normalisers, with counters
kept per chunk; while the database commits one batch, the next one is validated.
"""

from __future__ import annotations

import fcntl
import gc
import hashlib
import json
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import IO, Any

from emm.graph import cypher
from emm.graph.model import EdgeRow, NodeRow
from emm.graph.store import BatchResult, GraphStore, NodeIds
from emm.ingest.delivery import (
    DeliveryError,
    Manifest,
    Quarantined,
    RecordFile,
    load_manifest,
    open_record_file,
)
from emm.ingest.files import open_listed
from emm.ingest.mapping import DeliveryContext, RowError, identity_keys, map_entity, map_link
from emm.retention.keys import SubjectKeys

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
    content_hash: str = ""

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


_LINK_ROW = ("", "")  # what a link row's record_id maps to: taken, but not an entity


class _RecordIndex:
    """``record_id -> (label, key)`` for one delivery, in bounded memory.

    Entries live in a dict (every delivery seen so far fits) until ``memory_limit``; then they
    move to an on-disk SQLite table and the dict starts again. Once anything is on disk the
    caller runs :meth:`prefetch` for each chunk of rows: one query brings that chunk's ids into
    memory, so that the per-row work stays dict lookups either way.
    """

    def __init__(self, memory_limit: int = 100_000) -> None:
        self._limit = memory_limit
        self._memory: dict[str, tuple[str, str]] = {}
        self._prefetched: dict[str, tuple[str, str]] = {}
        self._db: sqlite3.Connection | None = None

    @property
    def spilled(self) -> bool:
        return self._db is not None

    def add(self, record_id: str, label: str, key: str) -> bool:
        """Record an entity row; False when the record id was used already."""
        if record_id in self._memory or record_id in self._prefetched:
            return False
        self._memory[record_id] = (label, key)
        return True

    def claim(self, record_id: str) -> bool:
        """Reserve a record id (for link rows); False when it was used already."""
        return self.add(record_id, *_LINK_ROW)

    def get(self, record_id: str) -> tuple[str, str] | None:
        found = self._memory.get(record_id) or self._prefetched.get(record_id)
        if found is None or not found[0]:
            return None
        return found

    def prefetch(self, record_ids: Iterable[str]) -> None:
        """Bring the on-disk entries among ``record_ids`` into memory for the next chunk."""
        self._prefetched = {}
        if self._db is None:
            return
        self._db.execute("DELETE FROM wanted")
        self._db.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((r,) for r in record_ids))
        rows = self._db.execute("SELECT id, label, key FROM rec JOIN wanted USING (id)")
        self._prefetched = {rid: (label, key) for rid, label, key in rows}

    def end_chunk(self) -> None:
        """Move the in-memory entries to disk when there are too many (between chunks only,
        so that what :meth:`prefetch` brought in stays complete for its chunk)."""
        self._prefetched = {}
        if len(self._memory) < self._limit:
            return
        if self._db is None:
            # "" is a private temporary on-disk database that SQLite deletes on close; only
            # its page cache (cache_size) is held in memory.
            self._db = sqlite3.connect("")
            self._db.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-16000;"
                "CREATE TABLE rec (id TEXT PRIMARY KEY, label TEXT, key TEXT) WITHOUT ROWID;"
                "CREATE TEMP TABLE wanted (id TEXT PRIMARY KEY) WITHOUT ROWID;"
            )
        self._db.executemany(
            "INSERT INTO rec VALUES (?, ?, ?)",
            ((rid, label, key) for rid, (label, key) in self._memory.items()),
        )
        self._memory.clear()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


# Characters JSON leaves as they are but that line readers (str.splitlines, editors) take for a
# line end: escaped, so one quarantine entry is always one physical line.
_LINE_ENDS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _one_line(text: str) -> str:
    r"""
    >>> _one_line('{"name": "a\u2028b"}')
    '{"name": "a\\u2028b"}'
    """
    return text.translate(_LINE_ENDS)


class _Quarantine:
    def __init__(self, path: Path, delivery_id: str) -> None:
        self.path = path
        self.delivery_id = delivery_id
        self._fh: IO[str] | None = None

    def add(
        self,
        file: str,
        row_number: int,
        line_number: int,
        field_name: str,
        reason: str,
        record: dict[str, Any] | None,
    ) -> None:
        if self._fh is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # The quarantined record may hold personal data: owner-only, never logged.
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            except OSError as exc:
                raise _DiskError("the quarantine file", exc) from exc
            self._fh = os.fdopen(fd, "w", encoding="utf-8")
        entry = {
            "delivery_id": self.delivery_id,
            "file": file,
            "row": row_number,
            "line": line_number,
            "field": field_name,
            "reason": reason,
            "record": record,
        }
        try:
            self._fh.write(_one_line(json.dumps(entry, ensure_ascii=False)) + "\n")
        except OSError as exc:
            raise _DiskError("the quarantine file", exc) from exc

    def close(self) -> None:
        if self._fh is not None:
            try:
                self._fh.close()
            except OSError as exc:
                raise _DiskError("the quarantine file", exc) from exc


@contextmanager
def _fewer_gc_passes(threshold: int = 50_000) -> Iterator[None]:
    """Run the cyclic garbage collector less often while rows stream through.

    Ingest allocates a dict per row and holds a chunk of them at a time. With the default
    threshold (700 allocations) the collector runs constantly, and chunks that outlive a pass
    push it into full passes over every object in the process (10% of validation time).
    Rows form no reference cycles: reference counting frees them either way; this only
    spaces out the passes. The previous thresholds are restored afterwards.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(threshold, old[0]), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


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

    A delivery is atomic: it loads completely, or whatever it wrote is undone
    (:meth:`GraphStore.discard_delivery`) and the graph is as it was, whether it failed on a
    bad file, a full disk, a database error or an interrupt; a crash is undone by the next run
    (:func:`recover`). Its report is written (``out_dir/reports/<delivery_id>.json``) before
    it is marked complete. A delivery is known by id and content hash: the same id with other
    content is refused. Raises :class:`~emm.ingest.delivery.DeliveryError` when the delivery
    as a whole is refused.
    """
    manifest = load_manifest(folder)
    report = DeliveryReport(
        manifest.delivery_id, manifest.party, manifest.legal_basis, started_at=_now()
    )
    if store is not None:
        status = store.party_status(manifest.party)
        if status != "active":
            raise DeliveryError(
                f"{folder}: delivery {manifest.delivery_id}: {manifest.party} no longer supplies "
                f"data to the EMM (status {status}); the delivery is not processed"
            )
    # Entities first, so every link can find its endpoints. Every file is opened (safely) and
    # its header checked before anything is written: a bad file refuses the whole delivery.
    ordered = sorted(manifest.files, key=lambda s: s.kind != "entities")
    files: list[tuple[str, RecordFile]] = []
    try:
        for spec in ordered:
            files.append((spec.kind, open_record_file(folder, spec, skip_empty=True)))
        return _load(folder, manifest, files, report, store, out_dir, batch_size, force, progress)
    finally:
        for _, opened in files:
            opened.close()


def _load(
    folder: Path,
    manifest: Manifest,
    files: list[tuple[str, RecordFile]],
    report: DeliveryReport,
    store: GraphStore | None,
    out_dir: Path,
    batch_size: int,
    force: bool,
    progress: Progress | None,
) -> DeliveryReport:
    """The rest of :func:`ingest_delivery`, once every file is open."""
    content = delivery_hash(folder, manifest)
    report.content_hash = content
    prior: dict[str, Any] | None = None
    if store is not None:
        prior = store.delivery(manifest.delivery_id)
        if prior and prior.get("content_hash") not in (None, content):
            raise DeliveryError(
                f"{folder}: delivery {manifest.delivery_id} was loaded before with other "
                "content; a changed delivery needs a new delivery_id (nothing loaded)"
            )
        if prior and prior.get("status") == "complete" and not force:
            report.status = "already loaded"
            return report
        if prior and prior.get("status") != "complete":
            store.discard_delivery(manifest.delivery_id)  # an earlier run that did not finish
    was_complete = bool(prior and prior.get("status") == "complete")
    ctx = DeliveryContext(
        manifest.delivery_id,
        manifest.party,
        manifest.legal_basis,
        registered_at=manifest.delivered_at.date().isoformat(),
        number_style=manifest.number_style,
    )
    quarantine = _Quarantine(
        out_dir / "quarantine" / f"{manifest.delivery_id}.jsonl", manifest.delivery_id
    )
    subjects = _Subjects.load(store, out_dir)
    started = time.perf_counter()
    if store is not None:
        store.record_delivery(manifest.delivery_id, _delivery_props(manifest, "loading", content))
    # A first load (or one after an incomplete run's discard) holds no record of this delivery:
    # its records are created, not merged. A forced re-run of a complete one merges.
    writer = None
    if store is not None:
        writer = _Writer(store, report, new_records=not was_complete, batch_size=batch_size)
    index = _RecordIndex()
    dates: dict[str, str] = {}  # record ref -> latest registered_at of its delivery's facts
    try:
        try:
            with _fewer_gc_passes():
                for kind, records in files:
                    _ingest_file(
                        records,
                        kind,
                        ctx,
                        writer,
                        index,
                        quarantine,
                        report,
                        batch_size,
                        progress,
                        subjects,
                        dates,
                    )
            if writer is not None:
                # The last transaction, with the records' retention dates: committed before
                # the delivery counts as loaded.
                writer.finish(dates)
        finally:
            if writer is not None:
                writer.close()
            index.close()
            quarantine.close()
        report.seconds = round(time.perf_counter() - started, 3)
        report.finished_at = _now()
        report.status = "complete" if store is not None else "validated"
        if quarantine.path.exists():
            report.quarantine_file = str(quarantine.path)
        if not report.balanced():  # pragma: no cover - a bug, not bad input
            raise AssertionError("delivery report does not balance: read != loaded + quarantined")
        _write_report(out_dir, report)  # before "complete": a delivery never lacks its report
        if store is not None:
            store.record_delivery(
                manifest.delivery_id,
                {
                    **_delivery_props(manifest, "complete", content),
                    "rows_read": report.read,
                    "rows_loaded": report.loaded,
                    "rows_quarantined": report.quarantined,
                    "finished_at": report.finished_at,
                },
            )
    except BaseException as exc:
        if store is not None and was_complete:
            # A re-run of a complete delivery only merges what is there already: keep it.
            store.record_delivery(manifest.delivery_id, {"status": "complete"})
        elif store is not None:
            _undo(store, manifest.delivery_id, quarantine.path)
        if isinstance(exc, _DiskError):
            raise DeliveryError(
                f"{folder}: could not write {exc.what} ({exc.reason}); nothing was loaded"
            ) from exc
        raise
    return report


def _undo(store: GraphStore, delivery_id: str, quarantine_file: Path) -> None:
    """Leave the graph as it was before this delivery (compensation), best effort."""
    store.discard_delivery(delivery_id)
    store.write(cypher.DELETE_DELIVERY, delivery_id=delivery_id)
    quarantine_file.unlink(missing_ok=True)  # nothing of a refused delivery is kept


def recover(store: GraphStore) -> list[str]:
    """Undo every delivery left ``loading`` by a run that crashed (call under the ingest
    lock, so that no other run is loading). Returns their ids."""
    stuck = store.deliveries_in_state("loading")
    for delivery_id in stuck:
        store.discard_delivery(delivery_id)
        store.write(cypher.DELETE_DELIVERY, delivery_id=delivery_id)
    return stuck


def delivery_hash(folder: Path, manifest: Manifest) -> str:
    """SHA-256 over the manifest and every listed file (names and bytes), streamed."""
    digest = hashlib.sha256()
    for name in ("manifest.json", *sorted(s.path for s in manifest.files)):
        digest.update(b"\0" + name.encode("utf-8") + b"\0")
        with open_listed(folder, name) as fh:  # the same safe opening as the reader's
            while block := fh.read(1 << 20):
                digest.update(block)
    return digest.hexdigest()


@contextmanager
def ingest_lock(data_dir: Path, *, wait: bool = True) -> Iterator[None]:
    """One ingest at a time per installation (process-safe): a second run waits its turn, so
    overlapping runs never race on the same nodes."""
    path = data_dir / "locks" / "ingest.lock"
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    except BlockingIOError:
        raise DeliveryError("another ingest is running; try again when it has finished") from None
    finally:
        os.close(fd)


class _Subjects:
    """Erased and restricted data subjects, recognised by keyed hashes of identity keys
    (:mod:`emm.retention.keys`): an erased subject's record is quarantined, a restricted
    subject's new record is restricted too (art. 10.1b)."""

    def __init__(
        self, keys: SubjectKeys | None, erased: dict[str, str], restricted: dict[str, str]
    ) -> None:
        self.keys = keys
        self.erased = erased
        self.restricted = restricted

    @classmethod
    def load(cls, store: GraphStore | None, data_dir: Path) -> _Subjects:
        if store is None:
            return cls(None, {}, {})
        erased, restricted = store.tombstones(), store.restriction_keys()
        keys = SubjectKeys.for_data_dir(data_dir) if (erased or restricted) else None
        return cls(keys, erased, restricted)

    def check(self, node: NodeRow) -> NodeRow:
        if self.keys is None:
            return node
        hashes = self.keys.hashes(identity_keys(node.label, node.props, node.key))
        for h in hashes:
            if h in self.erased:
                # Nothing of the row is kept, not even in the quarantine file: only the reason.
                raise RowError(
                    "record",
                    f"the data subject was erased on request {self.erased[h]}; a new record "
                    "of them or of what identified them is not loaded (covenant art. 10)",
                    keep_record=False,
                )
        if hashes & self.restricted.keys():
            return replace(node, restricted=True)
        return node


def _delivery_props(manifest: Manifest, status: str, content_hash: str) -> dict[str, Any]:
    return {
        "party": manifest.party,
        "legal_basis": manifest.legal_basis,
        "delivered_at": manifest.delivered_at.isoformat(),
        "status": status,
        "content_hash": content_hash,
    }


class _DiskError(Exception):
    """A local file of the delivery (report, quarantine) could not be written (disk full...)."""

    def __init__(self, what: str, exc: OSError) -> None:
        super().__init__(what)
        self.what = what
        self.reason = exc.strerror or type(exc).__name__


def _write_report(out_dir: Path, report: DeliveryReport) -> None:
    path = out_dir / "reports" / f"{report.delivery_id}.json"
    tmp = path.with_suffix(".json.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump(report.to_dict(), fh, indent=2, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _DiskError("the delivery report", exc) from exc


@dataclass
class _Batch:
    """Rows validated together and written in one transaction, with what to count after it."""

    file_counts: dict[str, Any]  # the file's entry in the report
    nodes: list[NodeRow] = field(default_factory=list)
    edges: list[EdgeRow] = field(default_factory=list)
    loaded: Counter[str] = field(default_factory=Counter)  # rows per type, counted once committed


class _Writer:
    """Writes batches on one background thread, one transaction at a time and in order.

    Batches are held until they add up to ``batch_size`` rows and then go in one transaction,
    so a small delivery's records and facts are one commit, not one per file. The delivery's
    last transaction (:meth:`finish`) also sets the retention dates of its records: a record
    still held takes its date before it is sent, one written earlier is updated in that
    transaction (no separate pass). While the database commits, the main thread validates the
    next rows (the driver waits on its socket without holding the GIL). At most one
    transaction is in flight, and its rows count as loaded only after its commit, in order.
    """

    def __init__(
        self, store: GraphStore, report: DeliveryReport, *, new_records: bool, batch_size: int
    ) -> None:
        self._store = store
        self._report = report
        self._new_records = new_records
        self._batch_size = batch_size
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="emm-ingest-write")
        self._held: list[_Batch] = []
        self._held_rows = 0
        self._pending: tuple[list[_Batch], Future[BatchResult]] | None = None
        # This delivery's entity nodes by (label, key), as its transactions committed them:
        # its facts find their ends by id (bounded; only the writer thread touches it).
        self._node_ids: NodeIds = {}

    def submit(self, batch: _Batch) -> None:
        self._held.append(batch)
        self._held_rows += len(batch.nodes) + len(batch.edges)
        if self._held_rows >= self._batch_size:
            self._send({})

    def _send(self, dates: dict[str, str]) -> None:
        self.wait()
        held, self._held, self._held_rows = self._held, [], 0
        nodes = [n for b in held for n in b.nodes]
        edges = [e for b in held for e in b.edges]
        future = self._pool.submit(
            self._store.write_batch,
            nodes,
            edges,
            new_records=self._new_records,
            dates=dates,
            node_ids=self._node_ids,
        )
        self._pending = (held, future)

    def finish(self, dates: dict[str, str]) -> None:
        """Send what is held with the records' retention dates (``source_ref`` -> latest fact
        date; consumed) and wait for every transaction; an error is raised here."""
        for batch in self._held:
            batch.nodes = [
                replace(n, registered_at=dates.pop(n.source_ref)) if n.source_ref in dates else n
                for n in batch.nodes
            ]
        if self._held or dates:
            self._send(dates)
        self.wait()

    def wait(self) -> None:
        """Wait for the transaction in flight; its error, if any, is raised here."""
        if self._pending is not None:
            held, future = self._pending
            self._pending = None
            result = future.result()
            created = dict(result.per_label_created)
            for batch in held:
                _count_loaded(batch, created, self._report)

    def close(self) -> None:
        # Also on an error path: a write in flight is one transaction; let it end, not leak.
        self._pool.shutdown(wait=True)


def _count_loaded(batch: _Batch, created: dict[str, int] | None, report: DeliveryReport) -> None:
    """Count a committed batch (``created``: entity nodes its transaction created per label,
    consumed in row order; ``None`` in a dry run)."""
    if created is not None:
        for node in batch.nodes:  # rows that created no node were merged into an existing one
            if created.get(node.label, 0) > 0:
                created[node.label] -= 1
            else:
                report.counts(node.label).merged += 1
    for type_, n in batch.loaded.items():
        report.counts(type_).loaded += n
    batch.file_counts["loaded"] += batch.loaded.total()


def _ingest_file(
    records: RecordFile,
    kind: str,
    ctx: DeliveryContext,
    writer: _Writer | None,
    index: _RecordIndex,
    quarantine: _Quarantine,
    report: DeliveryReport,
    batch_size: int,
    progress: Progress | None,
    subjects: _Subjects,
    dates: dict[str, str],
) -> None:
    # The file's entry in the report; a batch adds its rows to "loaded" once committed, which
    # may be after this function returns (the writer overlaps files too).
    name = records.listed
    file_counts: dict[str, Any] = dict(
        path=name,
        kind=kind,
        encoding=records.encoding.describe(),
        read=0,
        loaded=0,
        quarantined=0,
    )
    report.files.append(file_counts)
    rows = iter(records)  # (row, line, record or the reader's verdict); empty cells left out
    entities = kind == "entities"
    # Rows go in chunks of batch_size: one chunk is one batch (the writer sends batches in
    # transactions of about batch_size rows), and its per-type counters are added to the
    # report once, not row by row.
    while chunk := list(islice(rows, batch_size)):
        if index.spilled:
            index.prefetch(_record_ids(chunk, kind))
        batch = _Batch(file_counts)
        read: Counter[str] = Counter()
        rejected: Counter[str] = Counter()
        for number, line, row in chunk:
            if isinstance(row, Quarantined):
                read["(unparsed)"] += 1
                rejected["(unparsed)"] += 1
                quarantine.add(name, number, line, row.field, row.reason, row.record)
                continue
            type_ = row.get("type", "").strip() or "(no type)"
            read[type_] += 1
            record_id = row.get("record_id", "").strip()
            try:
                if not record_id:
                    raise RowError("record_id", "is required and empty")
                if entities:
                    node = subjects.check(map_entity(row, ctx))
                    if not index.add(record_id, node.label, node.key):
                        raise RowError("record_id", "is used by an earlier row of this delivery")
                    batch.nodes.append(node)
                else:
                    edge = map_link(row, ctx, record_id, index.get)
                    if not index.claim(record_id):
                        raise RowError("record_id", "is used by an earlier row of this delivery")
                    batch.edges.append(edge)
                    if writer is not None:  # (a dry run writes no record, so has no dates)
                        # A record lives as long as the latest fact of its delivery it is in.
                        when = edge.props["registered_at"]
                        for end in (row["from"].strip(), row["to"].strip()):
                            ref = f"{ctx.delivery_id}/{end}"
                            if when > dates.get(ref, ""):
                                dates[ref] = when
            except RowError as exc:
                rejected[type_] += 1
                kept = row if exc.keep_record else None
                quarantine.add(name, number, line, exc.field, exc.reason, kept)
        index.end_chunk()
        batch.loaded = read - rejected  # every other row of the chunk is in the batch
        _add_counts(report, read, rejected)
        file_counts["read"] += len(chunk)
        file_counts["quarantined"] += rejected.total()
        if writer is None:
            _count_loaded(batch, None, report)
        elif batch.nodes or batch.edges:
            writer.submit(batch)
        if progress:
            progress(name, file_counts["read"])


def _record_ids(chunk: list[tuple[int, int, dict[str, str] | Quarantined]], kind: str) -> set[str]:
    """Every record id a chunk may look up: its own ids and, for links, both ends."""
    columns = ("record_id",) if kind == "entities" else ("record_id", "from", "to")
    return {
        row.get(c, "").strip()
        for _, _, row in chunk
        if not isinstance(row, Quarantined)
        for c in columns
    }


def _add_counts(report: DeliveryReport, read: Counter[str], rejected: Counter[str]) -> None:
    for type_, n in read.items():
        report.counts(type_).read += n
    for type_, n in rejected.items():
        report.counts(type_).quarantined += n


@dataclass
class FolderResult:
    """What a folder run did with each delivery folder, in order: its report (loaded or
    already loaded), or the reason it was refused."""

    results: list[tuple[str, DeliveryReport | None, str | None]] = field(default_factory=list)

    @property
    def reports(self) -> list[DeliveryReport]:
        return [r for _, r, _ in self.results if r is not None]

    @property
    def refused(self) -> list[tuple[str, str]]:
        return [(f, why) for f, r, why in self.results if r is None and why is not None]

    @property
    def ok(self) -> bool:
        return not self.refused

    def for_folder(self, name: str) -> tuple[DeliveryReport | None, str | None]:
        """The outcome for the delivery folder called ``name``."""
        for folder, report, why in self.results:
            if Path(folder).name == name:
                return report, why
        raise KeyError(name)

    # A folder result reads as the list of its reports (refusals are in ``refused``).
    def __iter__(self) -> Iterator[DeliveryReport]:
        return iter(self.reports)

    def __len__(self) -> int:
        return len(self.reports)

    def __getitem__(self, i: int) -> DeliveryReport:
        return self.reports[i]


def delivery_folders(root: Path) -> list[Path]:
    """The delivery folders of a run: ``root`` itself when it holds a manifest, else every
    sub-folder in plain name order (a sub-folder without a manifest is a delivery that is
    refused, e.g. one still being copied), descending into folders that only hold folders."""
    if (root / "manifest.json").exists() or any(p.is_file() for p in root.iterdir()):
        return [root]  # one delivery (without a manifest it is refused, with the reason)
    out: list[Path] = []
    for child in sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink()):
        if (child / "manifest.json").exists() or any(f.is_file() for f in child.iterdir()):
            out.append(child)
        else:
            out.extend(delivery_folders(child))
    return out


def ingest_folder(
    root: Path,
    store: GraphStore | None,
    *,
    out_dir: Path,
    batch_size: int = 5000,
    force: bool = False,
    progress: Progress | None = None,
    on_result: Callable[[str, DeliveryReport | None, str | None], None] | None = None,
) -> FolderResult:
    """Ingest every delivery folder under ``root`` (sorted by name, so runs are repeatable).

    Every delivery is tried: a refused one is recorded with its reason and the run goes on.
    Runs hold the installation's ingest lock and first undo deliveries a crashed run left.
    ``on_result(folder, report, reason)`` is called after each delivery (for progress output).
    """
    folders = delivery_folders(root)
    if not folders:
        raise DeliveryError(f"{root}: no delivery folders (no manifest.json found)")
    result = FolderResult()
    with ingest_lock(out_dir) if store is not None else nullcontext():
        if store is not None:
            recover(store)
        for f in folders:
            try:
                report = ingest_delivery(
                    f, store, out_dir=out_dir, batch_size=batch_size, force=force, progress=progress
                )
            except DeliveryError as exc:
                result.results.append((str(f), None, str(exc)))
                if on_result:
                    on_result(str(f), None, str(exc))
                continue
            result.results.append((str(f), report, None))
            if on_result:
                on_result(str(f), report, None)
    return result
