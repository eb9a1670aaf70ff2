"""The audit trail: append-only, hash-chained, and verifiable (covenant art. 8.1, 8.3, 10).

Every search, view, network expansion, product creation, handover, export, retention run and
subject request is one JSON line: who, when, what, purpose, result size, the internal ids
touched and the parties whose data was returned. No personal data beyond internal ids.

Each line carries the SHA-256 of the previous line and its own; a separate head file holds the
last sequence number and hash. :func:`verify` detects an edited, removed, inserted or reordered
line, and a cut-off tail.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

GENESIS = "0" * 64


def _digest(entry: dict[str, Any]) -> str:
    body = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256(
        json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")
    ).hexdigest()


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    entries: int
    problems: list[str] = field(default_factory=list)


class AuditLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.head = path.with_suffix(".head")

    def append(
        self,
        *,
        user: str,
        role: str,
        action: str,
        purpose: str = "",
        targets: Iterable[str] = (),
        result_size: int = 0,
        parties: Iterable[str] = (),
        detail: dict[str, Any] | None = None,
        at: datetime | None = None,
    ) -> dict[str, Any]:
        """Append one entry (process-safe: the file is locked while the chain is extended)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "r+", encoding="utf-8") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                seq, prev = self._read_head()
                entry: dict[str, Any] = {
                    "seq": seq + 1,
                    "at": (at or datetime.now(UTC)).isoformat(timespec="milliseconds"),
                    "user": user,
                    "role": role,
                    "action": action,
                    "purpose": purpose,
                    "targets": sorted(set(targets))[:200],
                    "result_size": int(result_size),
                    "parties": sorted(set(parties)),
                    "detail": detail or {},
                    "prev": prev,
                }
                entry["hash"] = _digest(entry)
                fh.write(json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
                tmp = self.head.with_suffix(".head.tmp")
                tmp.write_text(json.dumps({"seq": entry["seq"], "hash": entry["hash"]}))
                os.replace(tmp, self.head)
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
        return entry

    def _read_head(self) -> tuple[int, str]:
        if not self.head.exists():
            return 0, GENESIS
        data = json.loads(self.head.read_text())
        return int(data["seq"]), str(data["hash"])

    def entries(self) -> Iterator[dict[str, Any]]:
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)

    def verify(self) -> VerifyResult:
        problems: list[str] = []
        prev, expected_seq, n = GENESIS, 1, 0
        try:
            for n, entry in enumerate(self.entries(), start=1):
                if entry.get("hash") != _digest(entry):
                    problems.append(f"line {n}: content does not match its hash (edited)")
                if entry.get("prev") != prev:
                    problems.append(
                        f"line {n}: does not follow the previous line "
                        "(a line was removed, inserted or reordered)"
                    )
                if entry.get("seq") != expected_seq:
                    problems.append(
                        f"line {n}: sequence {entry.get('seq')} where {expected_seq} was expected"
                    )
                prev = str(entry.get("hash"))
                expected_seq = int(entry.get("seq", expected_seq)) + 1
        except json.JSONDecodeError:
            problems.append(f"line {n + 1}: not valid JSON (edited)")
        head_seq, head_hash = self._read_head()
        if (head_seq, head_hash) != (expected_seq - 1, prev):
            problems.append(
                f"the log ends at entry {expected_seq - 1} but the head records "
                f"entry {head_seq} (lines removed from the end, or head edited)"
            )
        return VerifyResult(not problems, n, problems)

    def touched_parties(
        self, *, start: str, end: str, user: str | None = None, product_id: str | None = None
    ) -> dict[str, Any]:
        """Breach support (art. 8.3): which parties' data was returned in a time window,
        to a user or through an export, so the police can inform all parties at once."""
        parties: set[str] = set()
        actions: dict[str, int] = {}
        matched = 0
        for e in self.entries():
            if not (start <= e["at"][: len(start)] and e["at"][: len(end)] <= end):
                continue
            if user and e["user"] != user:
                continue
            if product_id and e.get("detail", {}).get("product_id") != product_id:
                continue
            matched += 1
            parties.update(e.get("parties", []))
            actions[e["action"]] = actions.get(e["action"], 0) + 1
        return {
            "window": [start, end],
            "user": user,
            "product_id": product_id,
            "entries": matched,
            "actions": actions,
            "parties": sorted(parties),
        }
