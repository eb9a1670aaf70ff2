"""What a non-personal product is made of: its kinds, tables, draft, and the gate's refusal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

# One suppression threshold, owned by disclosure control (the rule and its source live there).
from emm.anonymise.disclosure import DEFAULT_MIN_COUNT
from emm.errors import EmmError

__all__ = [
    "DEFAULT_MIN_COUNT",
    "KINDS",
    "PHENOMENON_NAMES",
    "ExportBlocked",
    "TrendDraft",
    "TrendTable",
]

KINDS = {
    "QS": "Quick Scan: brief picture of a phenomenon's nature and size",
    "TIB": "Tactical intelligence picture: trends and phenomena with recommendations",
    "SIB": "Strategic intelligence picture: trends and phenomena, also for a wider public",
    "NCP": "Answer as national contact point to a foreign or international partner",
}
PHENOMENON_NAMES = {
    "sexual": "sexual exploitation",
    "labour": "labour exploitation",
    "criminal": "criminal exploitation",
    "smuggling": "migrant smuggling",
    "organ": "organ removal",
    "unknown": "not yet classified",
}


class ExportBlocked(EmmError):
    """The gate refused: :attr:`problems` says what and where.

    The message names only the place and the rule; a problem row may also carry ``term`` and
    ``context`` (the matched text in its surroundings) for the analyst's screen, never for logs.
    """

    def __init__(self, problems: list[dict[str, Any]]) -> None:
        self.problems = problems
        lines = [f"{p['where']}: {p['what']}" for p in problems[:20]]
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        super().__init__("export refused: " + "; ".join(lines) + more)


@dataclass
class TrendTable:
    title: str
    table: pd.DataFrame  # counts; index = row categories, columns = column categories
    note: str = ""
    suppressed: list[tuple[str, str]] = field(default_factory=list)  # (row, column) cells
    protected: bool = False


@dataclass
class TrendDraft:
    kind: str
    title: str
    phenomenon: str | None
    period: tuple[str | None, str | None]
    narrative: str
    recommendations: str = ""
    tables: list[TrendTable] = field(default_factory=list)
    language: str = "nl"
    min_count: int = DEFAULT_MIN_COUNT
    rounding: int | None = None
    replacements: list[dict[str, Any]] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)  # whose facts the counts rest on
    legal_bases: list[str] = field(default_factory=list)

    def texts(self) -> dict[str, str]:
        """Every free-text field, by name (what de-identification runs on)."""
        out = {
            "title": self.title,
            "narrative": self.narrative,
            "recommendations": self.recommendations,
        }
        for i, t in enumerate(self.tables, start=1):
            out[f"table {i} title"] = t.title
            out[f"table {i} note"] = t.note
        return out
