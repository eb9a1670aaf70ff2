"""The audit trail: append-only, hash-chained, signed, anchored and verifiable (art. 8.1, 8.3, 10).

Every search, view, network expansion, product creation, handover, export, retention run,
subject request, login (and failed login), user change, ingest, database reset and read of
the trail itself is one JSON line: who, when, what, purpose, result size, the internal ids
touched and the parties whose data was returned. No personal data beyond internal ids.

Threat model (who can do what, and what stays visible) is in ``docs/privacy-officer.md``;
in short:

* each line holds the SHA-256 of the previous one, so an edit, removal or reordering breaks
  the chain (:mod:`emm.audit.log`);
* each line is signed with an Ed25519 key that is destroyed once the line is written, and
  names the public key of the next line (:mod:`emm.audit.signing`), so whoever later gets
  the service account (or a backup) cannot sign earlier lines again: a full rewrite of chain
  and head no longer verifies;
* the first public key (the *anchor*) and signed checkpoints are kept outside the audit
  folder: by the privacy officer (``emm audit anchor --out``), in the graph database after
  each command, and optionally in an append-only file elsewhere (``EMM_AUDIT_CHECKPOINTS``),
  so that replacing or deleting the whole folder shows too (:mod:`emm.audit.anchors`);
* :func:`AuditLog.verify` reports each finding in words (:mod:`emm.audit.verify`).
"""

from emm.audit.log import GENESIS, AuditError, AuditLog, VerifyResult

__all__ = ["GENESIS", "AuditError", "AuditLog", "VerifyResult"]
