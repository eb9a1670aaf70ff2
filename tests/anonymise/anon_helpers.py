"""Helpers for the de-identification tests (imported by the test modules)."""

from __future__ import annotations

from emm.anonymise.deid import DEFAULT_SCORE_THRESHOLD
from emm.anonymise.engine import Engine


def found(engine: Engine, text: str, entity: str, language: str = "nl") -> list[str]:
    """The substrings of ``text`` reported as ``entity`` (at or above the threshold)."""
    results = engine.analyzer.analyze(text, language=language, entities=[entity])
    return sorted(
        text[r.start : r.end]
        for r in results
        if r.entity_type == entity and r.score >= DEFAULT_SCORE_THRESHOLD
    )
