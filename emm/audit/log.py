"""The audit log file: hash chain, forward-secure signatures, checkpoints and verification.

Files next to ``audit.jsonl`` (all 0600 in a 0700 folder):

``audit.jsonl``
    one JSON line per action; each holds the SHA-256 of the previous line (``prev``), its own
    (``hash``), the public key of the next line (``next_key``) and an Ed25519 signature of its
    hash (``sig``) made with a key destroyed right after (:mod:`emm.audit.signing`).
``audit.head``
    the last sequence number and hash (a quick check; the signatures are the real one).
``audit.key``
    the one seed that will sign the *next* entry.
``audit.anchor.json``
    where the signatures start: installation id, first signed sequence number, its public key.
    The privacy officer keeps a copy outside the machine (``emm audit anchor --out``).
``audit.checkpoints.jsonl``
    signed checkpoints (sequence number and hash at a moment), appended after commands; the
    same checkpoints go to the graph database (:mod:`emm.audit.anchors`).

Appends are strict: the entry is on disk (fsync) before :meth:`AuditLog.append` returns, and an
append that cannot be made raises, so the action that asked for it fails too.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from emm.audit import signing
from emm.audit.signing import KeyFile, KeyState
from emm.errors import EmmError
from emm.files import secure_mkdir, write_private

GENESIS = "0" * 64
_UNSIGNED = ("hash", "sig")


class AuditError(EmmError, RuntimeError):
    """The audit trail cannot be extended (its key is missing or does not fit the trail)."""


def _digest(entry: dict[str, Any]) -> str:
    body = {k: v for k, v in entry.items() if k not in _UNSIGNED}
    return hashlib.sha256(
        json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")
    ).hexdigest()


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    entries: int
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    anchored_by: list[str] = field(default_factory=list)


def _checkpoint_body(cp: dict[str, Any]) -> dict[str, Any]:
    return {k: cp[k] for k in ("installation", "seq", "hash", "at")}


class AuditLog:
    def __init__(self, path: Path, *, checkpoints: Path | None = None) -> None:
        self.path = path
        self.head = path.with_suffix(".head")
        self.keys = KeyFile(path.with_suffix(".key"))
        self.anchor_path = path.with_suffix(".anchor.json")
        self.checkpoints_path = checkpoints or path.with_suffix(".checkpoints.jsonl")

    # ------------------------------------------------------------------ writing

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
        secure_mkdir(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "r+", encoding="utf-8") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                last = self._last_entry()
                seq = int(last["seq"]) if last else 0
                prev = str(last["hash"]) if last else GENESIS
                key = self._signing_key(seq, prev, last)
                following = signing.evolve(key.seed)
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
                    "next_key": signing.public_key(following),
                }
                entry["hash"] = _digest(entry)
                entry["sig"] = signing.sign(key.seed, entry["hash"].encode("ascii"))
                fh.write(json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
                # From here on the seed that signed this entry exists nowhere.
                self.keys.save(KeyState(seq + 2, following))
                head = {"seq": entry["seq"], "hash": entry["hash"]}
                write_private(self.head, json.dumps(head).encode(), sync=False)
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
        return entry

    def _signing_key(self, seq: int, prev: str, last: dict[str, Any] | None) -> KeyState:
        """The key for entry ``seq + 1``; starts the signatures on a new (or older) trail."""
        state = self.keys.load()
        unsigned_so_far = last is None or "sig" not in last
        if state is None:
            if self.anchor_path.exists():
                raise AuditError(
                    f"the audit trail's signing key {self.keys.path} is missing: the trail "
                    "cannot be continued; ask the privacy officer to run `emm audit verify`"
                )
            if not unsigned_so_far:
                raise AuditError(
                    "the audit trail is signed but has no anchor and no key; run `emm audit verify`"
                )
            state = KeyState(seq + 1, signing.new_seed())
            self.keys.save(state)  # the key first: a stop before the anchor is recoverable
        if not self.anchor_path.exists() and unsigned_so_far and state.seq == seq + 1:
            anchor = {
                "installation": str(uuid.uuid4()),
                "created_at": _now(),
                "from_seq": seq + 1,
                "genesis_key": state.public,
                "legacy_head": prev,
            }
            fd = os.open(self.anchor_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(anchor, fh, indent=1)
        if state.seq == seq:
            # The previous append wrote its entry but stopped before saving the next key.
            return KeyState(seq + 1, signing.evolve(state.seed))
        if state.seq != seq + 1:
            raise AuditError(
                f"the audit trail ends at entry {seq} but its signing key is for entry "
                f"{state.seq}: the trail was cut or the key replaced; run `emm audit verify`"
            )
        return state

    def _last_entry(self) -> dict[str, Any] | None:
        """The last line, read from the end (the trail can be long)."""
        with self.path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            end = fh.tell()
            block, data = 4096, b""
            while end > 0:
                start = max(0, end - block)
                fh.seek(start)
                data = fh.read(end - start) + data
                end = start
                if data.rstrip(b"\n").count(b"\n") >= 1:
                    break
        lines = [line for line in data.split(b"\n") if line.strip()]
        if not lines:
            return None
        try:
            last: dict[str, Any] = json.loads(lines[-1])
        except json.JSONDecodeError:
            raise AuditError(
                "the last line of the audit trail is damaged; run `emm audit verify`"
            ) from None
        return last

    # ------------------------------------------------------------------ anchors

    def anchor(self) -> dict[str, Any] | None:
        """Where the signatures start (installation, first signed entry, its public key)."""
        try:
            data: dict[str, Any] = json.loads(self.anchor_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        return data

    def checkpoint(self) -> dict[str, Any] | None:
        """A signed statement "the trail had entry N with hash H at time T", appended to the
        checkpoint file and returned (for the graph database). None for an empty trail."""
        anchor = self.anchor()
        state = self.keys.load()
        if anchor is None or state is None or not self.path.exists():
            return None
        with self.path.open(encoding="utf-8") as fh:
            fcntl.flock(fh, fcntl.LOCK_SH)
            try:
                last = self._last_entry()
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
        if last is None or state.seq != int(last["seq"]) + 1:
            return None
        cp: dict[str, Any] = {
            "installation": anchor["installation"],
            "seq": int(last["seq"]),
            "hash": str(last["hash"]),
            "at": _now(),
        }
        # Signed with the key of the next entry, whose public half the entry itself carries.
        cp["sig"] = signing.sign(state.seed, _canonical(cp))
        fd = os.open(
            self.checkpoints_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600
        )
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(cp, sort_keys=True) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        return cp

    def file_checkpoints(self) -> list[dict[str, Any]]:
        if not self.checkpoints_path.exists():
            return []
        out = []
        for line in self.checkpoints_path.read_text(encoding="utf-8").splitlines():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                out.append({"damaged": line[:40]})
        return out

    # ------------------------------------------------------------------ reading

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

    def verify(
        self,
        *,
        anchor: dict[str, Any] | None = None,
        checkpoints: Sequence[dict[str, Any]] = (),
        must_exist: bool = False,
    ) -> VerifyResult:
        """Check the chain, every signature from a trusted anchor, the key, head and checkpoints.

        ``anchor`` is the privacy officer's copy (trusted over the local one); ``checkpoints``
        come from places other than the audit folder (the graph database); ``must_exist`` says
        the installation is in use, so a missing trail is itself a finding.
        """
        from emm.audit.verify import Verifier

        return Verifier(self, anchor, list(checkpoints), must_exist).run()

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


def verify_checkpoint(cp: dict[str, Any], next_key: str) -> bool:
    """Whether ``cp`` was signed by the key whose public half entry ``cp['seq']`` names."""
    sig = cp.get("sig")
    if not isinstance(sig, str):
        return False
    try:
        body = _checkpoint_body(cp)
    except KeyError:
        return False
    return signing.verify(next_key, _canonical(body), sig)
