"""``emm``: a thin command line over the library, one module per stage.

Every command has a help text with an example (a test checks this). Command bodies stay a few
lines: parse options, call the library, print the result. Library errors (:class:`emm.errors.EmmError`)
become one clear line and exit code 1, never a traceback with data in it.
"""

from __future__ import annotations

from emm.cli import data, db, governance, products, users  # noqa: F401  (register the commands)
from emm.cli.base import main

__all__ = ["main"]
