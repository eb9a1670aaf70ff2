"""``cd tests && python -m ingest_cases`` prints the case table for README.md."""

from .cases import case_table

print(case_table(), end="")
