"""Helpers for the de-identification tests (imported by the test modules)."""

from __future__ import annotations

from typing import Any

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


def shape_findings_on(shapes: Any, text: str, value: str) -> tuple[bool, list[tuple[str, str]]]:
    """Whether a shape finding in ``text`` touches ``value``, and every finding (for the
    assertion message)."""
    start = text.index(value)
    end = start + len(value)
    found = shapes.find(text)
    touched = any(f.start < end and start < f.end for f in found)
    return touched, [(f.rule, text[f.start : f.end]) for f in found]


def shape_terms(shapes: Any, text: str, rules: Any = None) -> list[tuple[str, str]]:
    """``(rule, matched text)`` of every shape finding in ``text``."""
    return [(f.rule, text[f.start : f.end]) for f in shapes.find(text, rules=rules)]
