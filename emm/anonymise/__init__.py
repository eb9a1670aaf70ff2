"""De-identification and disclosure control for products without personal data.

Quick Scans, tactical and strategic pictures (TIB/SIB) and answers to foreign partners must
never be traceable to persons (covenant art. 3). This package is the stage they pass:

* :func:`scan` / :func:`deidentify`: find identifiers (Presidio configured for Dutch and
  English offline, deduce, Dutch pattern recognisers, a name heuristic, and
  :class:`KnownValues` from the graph) and replace them by typed placeholders;
* :func:`protect_table`: statistical disclosure control for aggregate tables;
* :class:`Gate`: the export gate's text checks (the shape check of :mod:`emm.anonymise.shapes`,
  which never calls the recognisers, and known values through a loader), with analyst
  approvals;
* :func:`load_gazetteer`: places, regions, countries, legal acts and public bodies to keep.

Heavy dependencies (Presidio, spaCy, deduce) load on first use, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from emm.anonymise.entities import ENTITY_TYPES, PLACEHOLDERS, placeholder
from emm.anonymise.findings import Finding, resolve_overlaps

if TYPE_CHECKING:
    from emm.anonymise.deid import (
        DeidResult,
        UnsupportedLanguageError,
        deidentify,
        scan,
    )
    from emm.anonymise.disclosure import ProtectedTable, protect_table
    from emm.anonymise.engine import Engine, get_engine
    from emm.anonymise.gate import Approval, Gate, GateFinding
    from emm.anonymise.gazetteer import Gazetteer, load_gazetteer
    from emm.anonymise.known import KnownValues, UnknownKindError
    from emm.anonymise.shapes import ShapeCheck

__all__ = [
    "ENTITY_TYPES",
    "PLACEHOLDERS",
    "Approval",
    "DeidResult",
    "Engine",
    "Finding",
    "Gate",
    "GateFinding",
    "Gazetteer",
    "KnownValues",
    "ShapeCheck",
    "ProtectedTable",
    "UnknownKindError",
    "UnsupportedLanguageError",
    "deidentify",
    "get_engine",
    "load_gazetteer",
    "placeholder",
    "protect_table",
    "resolve_overlaps",
    "scan",
]

_LAZY = {
    "DeidResult": "emm.anonymise.deid",
    "UnsupportedLanguageError": "emm.anonymise.deid",
    "deidentify": "emm.anonymise.deid",
    "scan": "emm.anonymise.deid",
    "ProtectedTable": "emm.anonymise.disclosure",
    "protect_table": "emm.anonymise.disclosure",
    "Engine": "emm.anonymise.engine",
    "get_engine": "emm.anonymise.engine",
    "KnownValues": "emm.anonymise.known",
    "Approval": "emm.anonymise.gate",
    "Gate": "emm.anonymise.gate",
    "GateFinding": "emm.anonymise.gate",
    "Gazetteer": "emm.anonymise.gazetteer",
    "load_gazetteer": "emm.anonymise.gazetteer",
    "ShapeCheck": "emm.anonymise.shapes",
    "UnknownKindError": "emm.anonymise.known",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'emm.anonymise' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
