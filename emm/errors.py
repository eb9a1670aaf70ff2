"""The one root of every error the library raises on purpose.

Callers catch :class:`EmmError` to tell "the library refused or could not do this, with a
message fit to show" from a bug. The command line turns it into one line and exit code 1, the
app into ``st.error``. Subclasses keep a standard base too (``ValueError``, ``PermissionError``,
...) so code that expects those still works.

Messages never hold personal data: they name files, rows, fields, ids and counts, not values.

>>> from emm.access.policy import AccessDenied
>>> issubclass(AccessDenied, EmmError) and issubclass(AccessDenied, PermissionError)
True
"""

from __future__ import annotations


class EmmError(Exception):
    """Something the library refused or could not do; the message is safe to show."""
