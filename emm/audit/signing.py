"""Forward-secure signing keys: every audit entry is signed with a key destroyed after use.

The key for entry *n* is an Ed25519 key made from a 32-byte seed; the seed for entry *n+1* is
``SHA-256(label || seed_n)``. Entry *n* carries the public key of entry *n+1*
(``next_key``), so a verifier who trusts the first public key (the *anchor*) can check every
signature in turn with public keys only. Once entry *n* is written the application keeps only
``seed_{n+1}``: SHA-256 cannot be run backwards, so nobody who later reads the key file (an
intruder with the service account, a stolen backup) can sign an earlier entry again. This is
the key-evolution construction of Bellare and Yee (1997) and Schneier and Kelsey (1999)
with public-key signatures, so verifying needs no secret.

>>> seed = bytes(32)
>>> sig = sign(seed, b"entry 1")
>>> verify(public_key(seed), b"entry 1", sig), verify(public_key(evolve(seed)), b"entry 1", sig)
(True, False)
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from emm.files import write_private

_LABEL = b"emm-audit-key-evolution-v1"


def new_seed() -> bytes:
    return secrets.token_bytes(32)


def evolve(seed: bytes) -> bytes:
    """The next seed; one-way, so the previous one cannot be recovered from it."""
    return hashlib.sha256(_LABEL + seed).digest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def public_key(seed: bytes) -> str:
    """The public key of ``seed`` (base64 of the 32 raw bytes)."""
    return _b64(Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw())


def sign(seed: bytes, message: bytes) -> str:
    return _b64(Ed25519PrivateKey.from_private_bytes(seed).sign(message))


def verify(public: str, message: bytes, signature: str) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public, validate=True))
        key.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def fingerprint(public: str) -> str:
    """A short form of a public key to read aloud or write down (16 hex digits)."""
    return hashlib.sha256(public.encode("ascii")).hexdigest()[:16]


@dataclass(frozen=True)
class KeyState:
    """The seed that will sign entry ``seq`` (and nothing before it)."""

    seq: int
    seed: bytes

    @property
    def public(self) -> str:
        return public_key(self.seed)


class KeyFile:
    """The one current seed, in a 0600 file replaced (not edited) on every entry."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> KeyState | None:
        try:
            data = json.loads(self.path.read_text(encoding="ascii"))
        except FileNotFoundError:
            return None
        return KeyState(int(data["seq"]), base64.b64decode(data["seed"]))

    def save(self, state: KeyState) -> None:
        body = json.dumps({"seq": state.seq, "seed": _b64(state.seed)})
        write_private(self.path, body.encode("ascii"))
