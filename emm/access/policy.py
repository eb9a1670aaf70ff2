"""The access table as data, and the principal that carries it through a session."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from emm.errors import EmmError
from emm.graph.model import EdgeFilter
from emm.graph.schema import LEGAL_BASES, PARTIES
from emm.tables import load_table


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


class _RoleRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str
    legal_bases: Literal["all"] | list[str]
    actions: list[str]


class _AffiliationRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    exclude_legal_bases: list[str] = []


class _PolicyTable(BaseModel):
    """The shape of ``policy.yaml``: roles name known legal bases and actions, and every party
    has an affiliation entry."""

    model_config = ConfigDict(extra="forbid")
    roles: dict[str, _RoleRow]
    affiliations: dict[str, _AffiliationRow]
    actions: dict[str, str]

    @model_validator(mode="after")
    def _known_names(self) -> _PolicyTable:
        for name, role in self.roles.items():
            bases = set() if role.legal_bases == "all" else set(role.legal_bases)
            unknown = (bases - set(LEGAL_BASES)) | (set(role.actions) - set(self.actions))
            if unknown:
                raise ValueError(f"role {name}: unknown {sorted(unknown)}")
        for party, row in self.affiliations.items():
            unknown = set(row.exclude_legal_bases) - set(LEGAL_BASES)
            if unknown:
                raise ValueError(f"affiliation {party}: unknown {sorted(unknown)}")
        if set(self.affiliations) != set(PARTIES):
            raise ValueError("affiliations must list every party")
        return self


@cache
def load_policy() -> Policy:
    """The access table (``policy.yaml``), validated when first read."""
    table = load_table("emm.access", "policy.yaml", _PolicyTable)
    roles = {
        name: Role(
            name,
            r.description,
            frozenset(LEGAL_BASES) if r.legal_bases == "all" else frozenset(r.legal_bases),
            frozenset(r.actions),
        )
        for name, r in table.roles.items()
    }
    excluded = {
        party: frozenset(row.exclude_legal_bases) for party, row in table.affiliations.items()
    }
    return Policy(roles, excluded, dict(table.actions))


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
