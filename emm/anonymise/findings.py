"""A finding: where an identifier is, of which type, found by whom. Never the value itself."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from emm.anonymise.entities import placeholder

__all__ = ["Finding", "Source", "resolve_overlaps"]

Source = Literal["presidio", "known", "shape"]


@dataclass(frozen=True, slots=True)
class Finding:
    """An identifier at ``text[start:end]``.

    Holds only the type and the offsets, so printing or logging a finding (or a list of
    them) never shows the identifier.
    """

    entity_type: str
    start: int
    end: int
    source: Source
    score: float

    @property
    def placeholder(self) -> str:
        return placeholder(self.entity_type)

    def __len__(self) -> int:
        return self.end - self.start


def _rank(f: Finding) -> tuple[float, int, int]:
    # highest score wins; then the longest; then a known value over a detected one
    return (round(f.score, 6), len(f), 1 if f.source == "known" else 0)


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Non-overlapping findings: each group of overlapping findings becomes one.

    The merged finding covers the union of the group (so no character that any finding
    flagged is left in the clear) and takes the type, score and source of the group's best
    finding: highest score, then longest, then a known value.
    """
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    out: list[Finding] = []
    group: list[Finding] = []
    group_end = -1

    def flush() -> None:
        if not group:
            return
        best = max(group, key=_rank)
        start = min(f.start for f in group)
        end = max(f.end for f in group)
        out.append(Finding(best.entity_type, start, end, best.source, best.score))

    for f in ordered:
        if f.end <= f.start:
            continue
        if group and f.start < group_end:
            group.append(f)
            group_end = max(group_end, f.end)
        else:
            flush()
            group = [f]
            group_end = f.end
    flush()
    return out
