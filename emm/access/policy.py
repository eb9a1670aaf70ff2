"""The access table as data, and the principal that carries it through a session."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from emm.errors import EmmError
from emm.graph.model import EdgeFilter
from emm.graph.schema import LEGAL_BASES, PARTIES


class AccessDenied(EmmError, PermissionError):
    """The user's role does not allow this action."""


@dataclass(frozen=True)
class Role:
    name: str
    description: str
    legal_bases: frozenset[str]
    actions: frozenset[str]


@dataclass(frozen=True)
class Policy:
    roles: dict[str, Role]
    excluded_by_affiliation: dict[str, frozenset[str]]
    actions: dict[str, str]


@cache
def load_policy() -> Policy:
    text = resources.files("emm.access").joinpath("policy.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    actions = dict(data["actions"])
    roles = {}
    for name, r in data["roles"].items():
        bases = frozenset(LEGAL_BASES) if r["legal_bases"] == "all" else frozenset(r["legal_bases"])
        unknown = (bases - set(LEGAL_BASES)) | (set(r["actions"]) - set(actions))
        if unknown:
            raise ValueError(f"policy.yaml role {name}: unknown {sorted(unknown)}")
        roles[name] = Role(name, r["description"], bases, frozenset(r["actions"]))
    excluded = {
        party: frozenset(v.get("exclude_legal_bases") or [])
        for party, v in data["affiliations"].items()
    }
    if set(excluded) != set(PARTIES):
        raise ValueError("policy.yaml: affiliations must list every party")
    return Policy(roles, excluded, actions)


@dataclass(frozen=True)
class Principal:
    """Who is acting, in which role, for which purpose (a case or request reference)."""

    user: str
    role: str
    affiliation: str
    purpose: str = ""

    def __post_init__(self) -> None:
        policy = load_policy()
        if self.role not in policy.roles:
            raise ValueError(f"unknown role {self.role!r} (known: {', '.join(policy.roles)})")
        if self.affiliation not in PARTIES:
            raise ValueError(f"unknown affiliation {self.affiliation!r}")

    @property
    def _role(self) -> Role:
        return load_policy().roles[self.role]

    def can(self, action: str) -> bool:
        return action in self._role.actions

    def require(self, action: str) -> None:
        if action not in load_policy().actions:
            raise ValueError(f"unknown action {action!r}")
        if not self.can(action):
            raise AccessDenied(f"role {self.role} may not {action.replace('_', ' ')}")

    @property
    def legal_bases(self) -> frozenset[str]:
        return self._role.legal_bases - load_policy().excluded_by_affiliation[self.affiliation]

    def edge_filter(self, suspended_parties: frozenset[str] = frozenset()) -> EdgeFilter:
        """The facts this principal may read: allowed legal bases, minus isolated parties."""
        parties = frozenset(PARTIES) - suspended_parties
        return EdgeFilter(
            legal_bases=self.legal_bases, parties=parties if suspended_parties else None
        )
