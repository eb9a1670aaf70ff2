"""The export gate's hold on known values: every name and identifier the centre holds.

Built only by :meth:`emm.access.guarded.GuardedStore.export_gate`, which passes a loader that
reads the values (audited) when the gate first needs them. The gate never hands the values
out: it answers "is there a known value in this text, and where".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


class ExportGate:
    def __init__(self, *, load_known: Callable[[], Iterable[tuple[str, str]]]) -> None:
        self._load_known = load_known
        self._matcher: Any = None

    def matcher(self) -> Any:
        """The known-value matcher (a :class:`emm.anonymise.KnownValues`) for the checks."""
        if self._matcher is None:
            from emm.anonymise import KnownValues

            self._matcher = KnownValues(list(self._load_known()))
        return self._matcher
