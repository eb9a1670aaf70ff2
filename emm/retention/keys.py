"""Recognising an erased or restricted data subject again, without keeping who they were.

Erasure must last (a re-delivery of an erased person's records is quarantined) and a
restriction must follow the person to new records (covenant art. 10.1b). Both need to recognise
the person; neither may keep the erased values. So the centre keeps only keyed hashes
(HMAC-SHA256) of the person's identity keys (BSN; folded name + date of birth; V-number: see
:func:`emm.ingest.mapping.identity_keys`), with a secret key that lives outside the database,
in ``$EMM_DATA_DIR/secrets/subject.key`` (mode 0600). Without the key, the hashes in the
database cannot be tested against all possible BSNs; with a plain hash they could (there are
fewer than 10^9 BSNs).

>>> import tempfile, pathlib
>>> keys = SubjectKeys(pathlib.Path(tempfile.mkdtemp()) / "subject.key")
>>> h = keys.hash("an identity key")
>>> len(h), h == keys.hash("an identity key"), h == keys.hash("another identity key")
(64, True, False)
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable
from pathlib import Path


class SubjectKeys:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._key: bytes | None = None

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> SubjectKeys:
        return cls(data_dir / "secrets" / "subject.key")

    def _secret(self) -> bytes:
        if self._key is None:
            if not self.path.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                try:
                    fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                except FileExistsError:  # another process made it first: use theirs
                    pass
                else:
                    with os.fdopen(fd, "wb") as fh:
                        fh.write(secrets.token_bytes(32))
            self._key = self.path.read_bytes()
        return self._key

    def hash(self, identity_key: str) -> str:
        return hmac.new(self._secret(), identity_key.encode("utf-8"), hashlib.sha256).hexdigest()

    def hashes(self, identity_keys: Iterable[str]) -> set[str]:
        return {self.hash(k) for k in identity_keys}
