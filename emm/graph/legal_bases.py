"""Parties and legal bases (covenant art. 5.2): the table ``legal_bases.yaml`` as data.

Every relationship and every record in the graph carries one party and one legal basis of this
table; :func:`basis_problem` says why a party may not supply on a basis (a delivery or row that
does is refused at ingest). :mod:`emm.graph.schema` re-exports these names.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, model_validator

from emm.tables import load_table


@dataclass(frozen=True)
class Party:
    code: str
    name: str
    regime: str
    description: str


@dataclass(frozen=True)
class LegalBasis:
    code: str
    title: str
    explanation: str
    parties: frozenset[str]


class _PartyRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    regime: str
    description: str


class _BasisRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    explanation: str
    parties: list[str]


class _LegalBasesTable(BaseModel):
    """The shape of ``legal_bases.yaml``: every basis names parties of the table."""

    model_config = ConfigDict(extra="forbid")
    parties: dict[str, _PartyRow]
    legal_bases: dict[str, _BasisRow]

    @model_validator(mode="after")
    def _known_parties(self) -> _LegalBasesTable:
        for code, basis in self.legal_bases.items():
            unknown = sorted(set(basis.parties) - set(self.parties))
            if unknown:
                raise ValueError(f"legal basis {code} names unknown parties {unknown}")
        return self


def _load_table() -> tuple[dict[str, Party], dict[str, LegalBasis]]:
    table = load_table("emm.graph", "legal_bases.yaml", _LegalBasesTable)
    parties = {
        code: Party(code, p.name, p.regime, p.description) for code, p in table.parties.items()
    }
    bases = {
        code: LegalBasis(code, b.title, b.explanation, frozenset(b.parties))
        for code, b in table.legal_bases.items()
    }
    return parties, bases


PARTIES, LEGAL_BASES = _load_table()


def basis_problem(party: str, legal_basis: str) -> str | None:
    """Why ``legal_basis`` cannot be used by ``party``, or ``None`` when it can.

    >>> basis_problem("POL", "WPG-10") is None
    True
    >>> basis_problem("IND", "WPG-10")
    'legal basis WPG-10 is not one on which IND supplies data (allowed: AVG-6-VW-107-4)'
    """
    if party not in PARTIES:
        return f"unknown party {party!r} (known: {', '.join(PARTIES)})"
    basis = LEGAL_BASES.get(legal_basis)
    if basis is None:
        return f"unknown legal basis {legal_basis!r} (known: {', '.join(LEGAL_BASES)})"
    if party not in basis.parties:
        allowed = ", ".join(c for c, b in LEGAL_BASES.items() if party in b.parties)
        return f"legal basis {legal_basis} is not one on which {party} supplies data (allowed: {allowed})"
    return None


__all__ = ["LEGAL_BASES", "PARTIES", "LegalBasis", "Party", "basis_problem"]
