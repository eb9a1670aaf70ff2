"""The password policy: length, variety, no runs, not the user name, not a common password.

Rules and their messages are data (``passwords.yaml``); the block list of common passwords is
``data/common-passwords.txt``. :func:`problems` lists every rule a password breaks, so the
user sees all of them at once; :func:`require_acceptable` raises :class:`WeakPassword`.

>>> problems("aaaaaaaaaa", "jan")[0]
'a password needs at least 12 characters (a short sentence is easiest to remember)'
>>> problems("zomer in de polder", "jan")
[]
>>> problems("Password12345!", "jan")
['this password is on the list of commonly used passwords; choose another']
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from pydantic import BaseModel

from emm.errors import EmmError
from emm.tables import load_table


class WeakPassword(EmmError, ValueError):
    """A password that the policy refuses; the message lists every rule it breaks."""


class Rule(BaseModel):
    message: str
    source: str
    value: int | None = None


class Policy(BaseModel):
    min_length: Rule
    max_length: Rule
    min_distinct: Rule
    no_sequence: Rule
    not_user_name: Rule
    not_common: Rule


@cache
def policy() -> Policy:
    return load_table("emm.access", "passwords.yaml", Policy)


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("emm.access").joinpath("data/common-passwords.txt").read_text("utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#"))


def _is_run(text: str) -> bool:
    """Every step between neighbours the same +1 or -1 (``abcdef``, ``987654``)."""
    steps = {ord(b) - ord(a) for a, b in zip(text, text[1:], strict=False)}
    return len(steps) == 1 and steps <= {1, -1}


def _base(text: str) -> str:
    """The password without its trailing digits and punctuation (``Dragon2024!`` -> ``dragon``)."""
    return text.lower().rstrip("0123456789!@#$%^&*()-_=+.,;:?/ ")


def problems(password: str, user_name: str = "") -> list[str]:
    p = policy()
    found = []
    if len(password) < (p.min_length.value or 0):
        found.append(p.min_length.message)
    if len(password) > (p.max_length.value or 256):
        found.append(p.max_length.message)
    if len(set(password)) < (p.min_distinct.value or 0):
        found.append(p.min_distinct.message)
    if len(password) > 2 and _is_run(password.lower()):
        found.append(p.no_sequence.message)
    name = user_name.strip().lower()
    if len(name) >= 3 and name in password.lower():
        found.append(p.not_user_name.message)
    lowered, base = password.lower(), _base(password)
    if lowered in common_passwords() or (len(base) >= 4 and base in common_passwords()):
        found.append(p.not_common.message)
    return found


def require_acceptable(password: str, user_name: str = "") -> None:
    found = problems(password, user_name)
    if found:
        raise WeakPassword("; ".join(found))
