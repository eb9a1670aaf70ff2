"""What a case is: a delivery written byte for byte, and the exact outcome the reading contract
promises for it. Plain dataclasses, stdlib only, so any harness can consume them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Builder = Callable[[Path], None]


@dataclass(frozen=True)
class Entry:
    """One expected quarantine entry.

    ``reason`` holds substrings that must all occur in the entry's reason, compared
    case-insensitively. It is empty where the contract does not fix the wording; the harness
    then only checks that the reason is non-empty and holds no personal data.
    """

    file: str
    row: int
    line: int
    field: str
    reason: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileCount:
    """Per listed file: records read (contract item 1), loaded and quarantined."""

    file: str
    records: int
    loaded: int
    quarantined: int


@dataclass(frozen=True)
class Stored:
    """A value the graph must hold after loading: the node (entity record) or relationship
    (link record) made from ``record_id`` has property ``field`` equal to ``value``.

    Floats compare with a tolerance of 1e-9; everything else compares as text
    (``str(actual) == str(value)``), so ``12`` and ``"12"`` are the same house number.
    """

    record_id: str
    field: str
    value: str | int | float


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """The expected result of ingesting one delivery folder.

    ``refused``: nothing loaded, the graph is exactly as before, exit status non-zero, and the
    error message contains every string of ``error`` (case-insensitive).
    ``already_loaded``: exit status 0, the output says "already loaded", the graph is unchanged.
    Otherwise the delivery loads; ``files`` lists every file of the manifest and ``quarantine`` is
    the complete list of quarantine entries (order does not matter).
    """

    refused: bool = False
    error: tuple[str, ...] = ()
    already_loaded: bool = False
    files: tuple[FileCount, ...] = ()
    quarantine: tuple[Entry, ...] = ()
    stored: tuple[Stored, ...] = ()

    @property
    def graph_unchanged(self) -> bool:
        return self.refused or self.already_loaded


@dataclass(frozen=True, kw_only=True)
class Prior:
    """A delivery ingested (and checked) before the case's own, built at ``root / folder``."""

    folder: str
    build: Builder
    outcome: Outcome


@dataclass(frozen=True, kw_only=True)
class Sub:
    """One delivery of a folder run: the sub-folder ``folder`` the case's build writes, and what
    the run must report for it (loaded / already loaded / refused, with the same checks as a
    single delivery)."""

    folder: str
    delivery_id: str | None
    outcome: Outcome


@dataclass(frozen=True, kw_only=True)
class Case(Outcome):
    """A delivery and its expected outcome.

    The harness makes a fresh empty directory ``root`` per case, builds and ingests each of
    ``before`` (in order) at ``root / prior.folder``, then calls ``build(root / name)`` and
    ingests that folder. ``build`` creates the folder itself and is deterministic.

    ``supply_ended``: before ingesting the case's own delivery, end this party's supply (e.g.
    ``emm --as privacy party exit OM --mode isolate --yes``); reinstate it afterwards.

    ``folder_run``: when non-empty, ``build`` writes several deliveries as sub-folders and the
    harness runs one folder ingest over ``root / name``; each :class:`Sub` says what it must
    report, and ``refused`` then means "the run exits non-zero".

    ``personal``: fictional personal data used in the case; none of it may appear in any
    quarantine reason or error message.
    """

    name: str
    why: str
    build: Builder
    delivery_id: str | None
    before: tuple[Prior, ...] = ()
    supply_ended: str | None = None
    folder_run: tuple[Sub, ...] = ()
    personal: tuple[str, ...] = field(default=())
