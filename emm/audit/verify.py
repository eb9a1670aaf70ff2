"""Verifying the audit trail: what each kind of tampering leaves visible.

| attack | what shows it |
|---|---|
| a line edited | its hash no longer matches; its signature no longer verifies |
| a line removed, inserted or reordered | ``prev`` of the next line; sequence numbers; signatures |
| lines cut from the end | the signing key belongs to a later entry than the last line; the
  head; every checkpoint past the end |
| the whole chain and head rewritten (new hashes) | signatures: the rewriter has only the key
  of the *next* entry, never one of an earlier entry |
| the whole audit folder replaced (new chain, new key, new local anchor) | the privacy
  officer's anchor (``--anchor``) or the checkpoints in the graph database: another
  installation id or genesis key, or checkpoints that do not match |
| the trail and its head deleted | the key and the local anchor are still there; or the
  checkpoints in the database; or the installation has users but no trail |
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from emm.audit import signing
from emm.audit.log import GENESIS, VerifyResult, _digest, verify_checkpoint

if TYPE_CHECKING:
    from emm.audit.log import AuditLog


class Verifier:
    def __init__(
        self,
        log: AuditLog,
        anchor: dict[str, Any] | None,
        checkpoints: list[dict[str, Any]],
        must_exist: bool,
    ) -> None:
        self.log = log
        self.external = anchor
        self.checkpoints = checkpoints
        self.must_exist = must_exist
        self.problems: list[str] = []
        self.notes: list[str] = []
        self.anchored_by: list[str] = []
        self.hashes: dict[int, str] = {}
        self.next_keys: dict[int, str] = {}

    def run(self) -> VerifyResult:
        local = self.log.anchor()
        trusted = self._trusted_anchor(local)
        n, last_seq, last_hash, signed = self._walk(trusted)
        self._check_head(last_seq, last_hash)
        self._check_key(last_seq, signed, trusted)
        self._check_checkpoints(trusted, last_seq)
        if n == 0 and (trusted is not None or self.keys_exist() or self.must_exist):
            why = (
                "its anchor shows it was started"
                if trusted is not None
                else "its signing key is still there"
                if self.keys_exist()
                else "this installation has users, and adding a user is audited"
            )
            self.problems.append(f"the audit trail is missing or empty, but {why} (deleted)")
        if not self.anchored_by:
            self.notes.append(
                "anchored only by the local anchor file: a rewrite of the whole audit folder "
                "would not show; keep an anchor outside this machine (`emm audit anchor --out`)"
            )
        return VerifyResult(not self.problems, n, self.problems, self.notes, self.anchored_by)

    def keys_exist(self) -> bool:
        return self.log.keys.path.exists()

    # ------------------------------------------------------------------ anchor

    def _trusted_anchor(self, local: dict[str, Any] | None) -> dict[str, Any] | None:
        ext = self.external
        if ext is None:
            return local
        self.anchored_by.append(f"the privacy officer's anchor ({ext.get('created_at', '?')})")
        if local is None:
            self.problems.append(
                "the local anchor is missing although the privacy officer holds one "
                f"(installation {ext.get('installation')}): the trail was started again"
            )
        elif (local.get("installation"), local.get("genesis_key")) != (
            ext.get("installation"),
            ext.get("genesis_key"),
        ):
            self.problems.append(
                "the local anchor is not the one the privacy officer holds: the audit trail "
                "was replaced by another one (new installation id or first key)"
            )
        cp = ext.get("checkpoint")
        if isinstance(cp, dict):
            self.checkpoints = [*self.checkpoints, {**cp, "source": "the privacy officer's anchor"}]
        return ext

    # ------------------------------------------------------------------ lines

    def _walk(self, anchor: dict[str, Any] | None) -> tuple[int, int, str, int]:
        prev, expected_seq, n, signed = GENESIS, 1, 0, 0
        from_seq = int(anchor["from_seq"]) if anchor else None
        key = str(anchor["genesis_key"]) if anchor else None
        try:
            for n, entry in enumerate(self.log.entries(), start=1):
                seq = entry.get("seq")
                if entry.get("hash") != _digest(entry):
                    self.problems.append(f"line {n}: content does not match its hash (edited)")
                if entry.get("prev") != prev:
                    self.problems.append(
                        f"line {n}: does not follow the previous line "
                        "(a line was removed, inserted or reordered)"
                    )
                if seq != expected_seq:
                    self.problems.append(
                        f"line {n}: sequence {seq} where {expected_seq} was expected"
                    )
                if from_seq is not None and isinstance(seq, int) and seq >= from_seq:
                    if seq == from_seq and anchor and entry.get("prev") != anchor["legacy_head"]:
                        self.problems.append(
                            f"line {n}: the first signed entry does not follow the entries "
                            "the anchor recorded before it"
                        )
                    if key is None or not signing.verify(
                        key, str(entry.get("hash")).encode("ascii"), str(entry.get("sig"))
                    ):
                        self.problems.append(
                            f"line {n}: signature does not verify with the key the previous "
                            "entry named (rewritten or inserted)"
                        )
                    key = entry.get("next_key") if isinstance(entry.get("next_key"), str) else None
                    signed += 1
                if isinstance(seq, int):
                    self.hashes[seq] = str(entry.get("hash"))
                    if isinstance(entry.get("next_key"), str):
                        self.next_keys[seq] = entry["next_key"]
                prev = str(entry.get("hash"))
                expected_seq = int(seq if isinstance(seq, int) else expected_seq) + 1
        except json.JSONDecodeError:
            self.problems.append(f"line {n + 1}: not valid JSON (edited)")
        if from_seq is not None and n and expected_seq - 1 >= from_seq and signed == 0:
            self.problems.append("no entry carries a signature although the anchor says so")
        if from_seq is not None and from_seq > 1 and n:
            self.notes.append(
                f"entries 1-{from_seq - 1} were written before signing began: "
                "hash chain only for those"
            )
        return n, expected_seq - 1, prev, signed

    def _check_head(self, last_seq: int, last_hash: str) -> None:
        if not self.log.head.exists() and last_seq == 0:
            return
        head_seq, head_hash = self.log._read_head()
        if (head_seq, head_hash) != (last_seq, last_hash):
            self.problems.append(
                f"the log ends at entry {last_seq} but the head records "
                f"entry {head_seq} (lines removed from the end, or head edited)"
            )

    def _check_key(self, last_seq: int, signed: int, anchor: dict[str, Any] | None) -> None:
        if anchor is None or last_seq < int(anchor["from_seq"]):
            return
        state = self.log.keys.load()
        if state is None:
            self.problems.append(
                "the signing key is missing: nobody can tell where the trail really ended"
            )
            return
        expected = self.next_keys.get(last_seq)
        if state.seq == last_seq + 1 and state.public == expected:
            return
        if state.seq == last_seq and signing.public_key(signing.evolve(state.seed)) == expected:
            self.notes.append("the last append stopped before saving its next key (recovered)")
            return
        self.problems.append(
            f"the signing key is for entry {state.seq} but the trail ends at entry {last_seq}: "
            "entries were removed from the end, or the key was replaced"
        )

    # ------------------------------------------------------------------ checkpoints

    def _check_checkpoints(self, anchor: dict[str, Any] | None, last_seq: int) -> None:
        local = [{**cp, "source": "the checkpoint file"} for cp in self.log.file_checkpoints()]
        every = [*local, *self.checkpoints]
        installation = anchor.get("installation") if anchor else None
        sources: dict[str, int] = {}
        for cp in every:
            source = str(cp.get("source", "a checkpoint"))
            if "damaged" in cp:
                self.problems.append(f"{source}: a damaged line")
                continue
            if installation is not None and cp.get("installation") != installation:
                self.problems.append(
                    f"{source}: a checkpoint of installation {cp.get('installation')}, "
                    f"but the trail is of {installation} (the trail was replaced)"
                )
                continue
            seq = int(cp.get("seq", 0))
            sources[source] = sources.get(source, 0) + 1
            if seq > last_seq:
                self.problems.append(
                    f"{source}: entry {seq} existed at {cp.get('at')}, "
                    f"but the trail now ends at entry {last_seq} (entries removed)"
                )
            elif self.hashes.get(seq) != cp.get("hash"):
                self.problems.append(
                    f"{source}: entry {seq} had another hash at {cp.get('at')} (rewritten)"
                )
            elif not verify_checkpoint(cp, self.next_keys.get(seq, "")):
                self.problems.append(f"{source}: the checkpoint of entry {seq} is not signed")
        outside = self.log.checkpoints_path.parent.resolve() != self.log.path.parent.resolve()
        for source, count in sources.items():
            if "anchor" in source or (source == "the checkpoint file" and not outside):
                continue  # the anchor is listed already; a file beside the trail proves little
            self.anchored_by.append(f"{source} ({count})")
