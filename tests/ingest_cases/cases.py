"""The corpus: ``CASES``, every malformed or awkward delivery with its exact expected outcome.

Grouped by theme in the ``cases_*`` modules; see README.md for the contract they encode and
how a harness runs them. Stdlib only, no ``emm`` imports: the corpus is independent of the code
it tests.
"""

from __future__ import annotations

from .cases_controls import CASES_CONTROLS
from .cases_csv import CASES_CSV
from .cases_encoding import CASES_ENCODING
from .cases_jsonl import CASES_JSONL
from .cases_refusals import CASES_REFUSALS
from .cases_runs import CASES_RUNS
from .cases_values import CASES_VALUES
from .model import Case, Entry, FileCount, Outcome, Prior, Stored, Sub

CASES: list[Case] = [
    *CASES_CSV,
    *CASES_ENCODING,
    *CASES_CONTROLS,
    *CASES_JSONL,
    *CASES_VALUES,
    *CASES_REFUSALS,
    *CASES_RUNS,
]

BY_NAME: dict[str, Case] = {c.name: c for c in CASES}

__all__ = ["BY_NAME", "CASES", "Case", "Entry", "FileCount", "Outcome", "Prior", "Stored", "Sub"]


def case_table() -> str:
    """The Markdown table of cases for README.md (name, outcome, why)."""
    lines = ["| case | outcome | why |", "|---|---|---|"]
    for c in CASES:
        if c.folder_run:
            outcome = "folder run, exit " + ("non-zero" if c.refused else "0")
        elif c.refused:
            outcome = "refused"
        elif c.already_loaded:
            outcome = "already loaded"
        else:
            read = sum(f.records for f in c.files)
            quarantined = sum(f.quarantined for f in c.files)
            outcome = f"loads, {read} read / {quarantined} quarantined"
        lines.append(f"| `{c.name}` | {outcome} | {c.why.replace('|', '/')} |")
    return "\n".join(lines) + "\n"
