"""Products without personal data: Quick Scan, TIB, SIB and NCP answers, and the export gate.

Covenant art. 3: these must never be traceable to persons. That holds by construction, in
four steps that each live in their own module:

1. :mod:`.build`: :func:`build_trend` counts categories (phenomenon, year, region, sector,
   nationality, party) from signal rows that carry no identifiers, with the analyst's text;
2. :mod:`.checks`: :func:`prepare` de-identifies every free-text field (every replacement
   visible) and applies disclosure control (:func:`protect`) to every table;
3. :mod:`.gate`: :func:`export` is the export gate and the ONLY function that writes these
   products (see there);
4. :mod:`.rendering`: :func:`render` makes the HTML (Jinja), PDF, JSON and CSV files.
"""

from __future__ import annotations

from emm.anonymise.gate import Approval
from emm.products.trends.build import build_trend
from emm.products.trends.checks import prepare, protect, protect_all, table_problems
from emm.products.trends.gate import export, gate_for
from emm.products.trends.model import (
    DEFAULT_MIN_COUNT,
    KINDS,
    PHENOMENON_NAMES,
    ExportBlocked,
    TrendDraft,
    TrendTable,
)
from emm.products.trends.rendering import SUPPRESSED_MARKER, neutralise_cell, render

__all__ = [
    "DEFAULT_MIN_COUNT",
    "KINDS",
    "PHENOMENON_NAMES",
    "SUPPRESSED_MARKER",
    "Approval",
    "ExportBlocked",
    "TrendDraft",
    "TrendTable",
    "build_trend",
    "export",
    "gate_for",
    "neutralise_cell",
    "prepare",
    "protect",
    "protect_all",
    "render",
    "table_problems",
]
