"""Helpers that write deliveries byte for byte, and fictional values unique per case.

Every value of a case is derived from the case's number, so two cases never share a phone,
postcode or account by accident (the expected counts would hold even if they did: a record
that merges into an existing node still counts as loaded).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, NamedTuple

from .model import Builder, Case, Entry, FileCount, Stored

# Columns used by most entity and link files. A case that needs an odd header writes it raw.
ECOLS = (
    "record_id",
    "type",
    "name",
    "birth_date",
    "number",
    "postcode",
    "house_number",
    "addition",
    "street",
    "city",
    "iban",
    "signal_id",
    "phenomenon",
    "reported_at",
    "summary",
)
LCOLS = ("record_id", "type", "from", "to", "registered_at", "legal_basis", "role")
PAYCOLS = ("record_id", "type", "from", "to", "registered_at", "amount", "date", "description")
CALLCOLS = ("record_id", "type", "from", "to", "registered_at", "date", "duration", "count")

REG = "05-01-2025"  # a registration date safely in the past and well inside retention
DELIVERED = "2026-11-02T10:00:00+01:00"

BASIS = {
    "POL": "WPG-10",
    "KMAR": "WPG-15",
    "ISZW": "WPG-13-2",
    "IND": "AVG-6-VW-107-4",
    "OM": "WJSG-15-39G",
}

_FIRST = ("Anouk", "Bram", "Cato", "Daan", "Elif", "Floor", "Gijs", "Hana", "Ivo", "Jelka")
_LAST = (
    "Proefmans",
    "Testerink",
    "Voorbeeldt",
    "Fictiefsma",
    "Nepescu",
    "Demovic",
    "Oefenaar",
    "Schijnhout",
    "Verzinsel",
    "Zogenaamd",
)


def rec(cols: tuple[str, ...], **values: str) -> str:
    """One CSV line with exactly ``len(cols)`` fields; ``from_`` stands for ``from``.

    >>> rec(("record_id", "type", "name"), record_id="P1", type="Person")
    'P1;Person;'
    """
    values = {k.rstrip("_"): v for k, v in values.items()}
    unknown = set(values) - set(cols)
    if unknown:
        raise ValueError(f"not a column: {sorted(unknown)}")
    return ";".join(values.get(c, "") for c in cols)


def q(value: str) -> str:
    """RFC 4180 quoting: wrap in quotes, double the inner quotes.

    >>> q('Melding "avond"; hotel')
    '"Melding ""avond""; hotel"'
    """
    return '"' + value.replace('"', '""') + '"'


def text(*rows: str, eol: str = "\n", final: bool = True) -> str:
    """Join rows with ``eol``; ``final`` adds a terminator after the last row."""
    return eol.join(rows) + (eol if final and rows else "")


def manifest(
    delivery_id: str,
    party: str,
    files: list[tuple[str, str] | tuple[str, str, str]],
    *,
    basis: str | None = None,
    **extra: object,
) -> bytes:
    """The manifest as UTF-8 JSON; ``files`` as (path, kind) or (path, kind, encoding)."""
    listed = []
    for f in files:
        item = {"path": f[0], "kind": f[1]}
        if len(f) == 3:
            item["encoding"] = f[2]
        listed.append(item)
    body: dict[str, object] = {
        "delivery_id": delivery_id,
        "party": party,
        "legal_basis": basis or BASIS[party],
        "delivered_at": DELIVERED,
        "files": listed,
    }
    body.update(extra)
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def put(folder: Path, files: dict[str, bytes | str]) -> None:
    """Write files into ``folder`` (created); ``str`` content is written as UTF-8."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def iso_today_span() -> tuple[dt.date, dt.date]:
    """The earliest and latest "today" over local time and UTC, so that date-boundary cases
    hold whichever clock the pipeline reads."""
    local = dt.date.today()
    utc = dt.datetime.now(dt.UTC).date()
    return min(local, utc), max(local, utc)


def _iban_nl(bank: str, account: str) -> str:
    digits = "".join(str(int(c, 36)) for c in bank + account + "NL00")
    check = 98 - int(digits) % 97
    return f"NL{check:02d}{bank}{account}"


def _eleven_proof_account(seed: int) -> str:
    """A 10-digit account number passing the old Dutch 11-test (weights 10..1)."""
    n = seed * 10
    while True:
        s = f"{n:010d}"
        if sum(int(d) * (10 - i) for i, d in enumerate(s)) % 11 == 0:
            return s
        n += 1


def bsn(seed: int) -> str:
    """A 9-digit number passing the BSN 11-proof, starting with 0 (so the 8-digit spelling a
    spreadsheet leaves is meaningful).

    >>> b = bsn(5); len(b), b[0]
    (9, '0')
    """
    n = seed * 1000 + 10_000_000
    while True:
        s = f"{n:09d}"
        total = sum(int(d) * w for d, w in zip(s[:8], range(9, 1, -1), strict=True))
        if s[0] == "0" and (total - int(s[8])) % 11 == 0:
            return s
        n += 1


class Vals:
    """Fictional values for case number ``k``; every value handed out is recorded in
    ``personal`` so the harness can check that no reason or error repeats it."""

    def __init__(self, k: int) -> None:
        if not 0 < k < 900:
            raise ValueError("case number out of range")
        self.k = k
        self.personal: list[str] = []

    def _keep(self, *values: str) -> None:
        for v in values:
            if v not in self.personal:
                self.personal.append(v)

    def name(self, i: int) -> str:
        n = f"{_FIRST[(self.k + i) % 10]} {_LAST[(self.k * 3 + i) % 10]}"
        self._keep(n)
        return n

    def mobile(self, i: int) -> str:
        """Written ``06-1kkkiiii``; see :meth:`e164`."""
        local = f"06-1{self.k:03d}{i:04d}"
        self._keep(local, self.e164(i))
        return local

    def e164(self, i: int) -> str:
        return f"+3161{self.k:03d}{i:04d}"

    def postcode(self, i: int) -> tuple[str, str]:
        """(as written, as stored): ``1kkk ab`` style, letters never SA/SD/SS."""
        letters = ("AB", "CD", "EF", "GH", "JK", "LM", "NP", "RT")[i % 8]
        digits = f"{1000 + self.k}"
        return f"{digits} {letters}", f"{digits}{letters}"

    def iban(self, i: int) -> str:
        iban = _iban_nl("ABNA", _eleven_proof_account(self.k * 100 + i))
        self._keep(iban)
        return iban

    def keep(self, *values: str) -> None:
        """Record further personal values the case writes."""
        self._keep(*values)


class F(NamedTuple):
    """A listed file: path as in the manifest, kind, exact content, declared encoding."""

    path: str
    kind: str
    content: bytes | str
    encoding: str | None = None


def delivery_id(party: str, name: str) -> str:
    """``POL-E3-csv-crlf`` for case ``csv_crlf``: unique per case, valid per the schema."""
    return f"{party}-E3-{name.replace('_', '-')}"


def writer(
    did: str,
    party: str,
    files: list[F],
    *,
    basis: str | None = None,
    extra_files: dict[str, bytes | str] | None = None,
    **manifest_extra: object,
) -> Builder:
    """A build function writing manifest + listed files (+ unlisted extras)."""
    listed: list[tuple[str, str] | tuple[str, str, str]] = [
        (f.path, f.kind) if f.encoding is None else (f.path, f.kind, f.encoding) for f in files
    ]
    body = manifest(did, party, listed, basis=basis, **manifest_extra)

    def build(folder: Path) -> None:
        put(folder, {"manifest.json": body, **{f.path: f.content for f in files}})
        if extra_files:
            put(folder, extra_files)

    return build


def make(
    name: str,
    why: str,
    v: Vals,
    party: str,
    listed: list[F],
    *,
    basis: str | None = None,
    extra_files: dict[str, bytes | str] | None = None,
    manifest_extra: dict[str, object] | None = None,
    **outcome: Any,
) -> Case:
    """A single-delivery case whose folder holds a manifest and the ``listed`` files."""
    did = delivery_id(party, name)
    build = writer(
        did, party, listed, basis=basis, extra_files=extra_files, **(manifest_extra or {})
    )
    return Case(
        name=name, why=why, build=build, delivery_id=did, personal=tuple(v.personal), **outcome
    )


def fc(file: str, records: int, loaded: int, quarantined: int) -> FileCount:
    return FileCount(file, records, loaded, quarantined)


def qe(file: str, row: int, line: int, field: str, *reason: str) -> Entry:
    return Entry(file, row, line, field, tuple(reason))


def st(record_id: str, field: str, value: str | int | float) -> Stored:
    return Stored(record_id, field, value)
