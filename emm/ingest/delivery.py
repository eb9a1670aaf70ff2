"""Reading a delivery: the manifest and its record files, streamed record by record.

The format is documented in ``docs/delivery-format.md``. The manifest is read here; the record
files by :class:`emm.ingest.reader.RecordFile`, which yields ``(row, line, record or
verdict)`` for every record, so that memory stays bounded whatever the delivery size and
every physical line is accounted for.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Literal

from pydantic import BaseModel, Field, ValidationError, field_validator

from emm.graph.schema import basis_problem
from emm.ingest.reader import (
    MANIFEST_ENCODINGS,
    DeliveryError,
    Item,
    Quarantined,
    RecordFile,
    open_listed,
)

__all__ = [
    "DeliveryError",
    "FileSpec",
    "Item",
    "Manifest",
    "Quarantined",
    "RecordFile",
    "iter_rows",
    "load_manifest",
    "open_record_file",
]

ManifestEncoding = Literal[
    "utf-8", "utf-8-sig", "cp1252", "windows-1252", "iso-8859-1", "latin-1", "iso-8859-15",
    "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
]  # fmt: skip
if set(ManifestEncoding.__args__) != set(MANIFEST_ENCODINGS):  # type: ignore[attr-defined]
    raise RuntimeError("the manifest's encodings and the reader's must be the same list")


class FileSpec(BaseModel):
    path: str
    kind: Literal["entities", "links"]
    encoding: ManifestEncoding | None = None

    @field_validator("path")
    @classmethod
    def _relative(cls, v: str) -> str:
        posix = PurePosixPath(v.replace("\\", "/"))
        if posix.is_absolute() or Path(v).is_absolute() or ".." in posix.parts:
            raise ValueError(f"{v}: file paths must stay inside the delivery folder")
        return v


class Manifest(BaseModel):
    delivery_id: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9._-]+$")
    party: str
    legal_basis: str
    delivered_at: datetime
    files: list[FileSpec] = Field(min_length=1)
    #: How amounts are written: "nl" (1.234,56), "en" (1,234.56) or absent (only values with
    #: one reading are accepted; see emm.values.amount).
    number_style: Literal["nl", "en"] | None = None

    @field_validator("delivered_at")
    @classmethod
    def _zoned(cls, v: datetime) -> datetime:
        if v.tzinfo is None:
            raise ValueError("delivered_at needs a UTC offset, e.g. 2026-11-01T09:30:00+01:00")
        return v

    def model_post_init(self, __context: object) -> None:
        problem = basis_problem(self.party, self.legal_basis)
        if problem:
            raise ValueError(problem)


_MANIFEST_LIMIT = 1 << 20  # a manifest is a few hundred bytes; never read a huge one whole


def load_manifest(folder: Path) -> Manifest:
    """The manifest of the delivery in ``folder`` (opened like a record file: no symlink)."""
    path = folder / "manifest.json"
    try:
        with open_listed(folder, "manifest.json") as fh:
            raw = fh.read(_MANIFEST_LIMIT + 1)
    except DeliveryError as exc:
        if not path.exists() and not path.is_symlink():
            raise DeliveryError(f"{path}: no manifest.json in the delivery folder") from None
        raise DeliveryError(f"{folder}: {exc}") from None
    if len(raw) > _MANIFEST_LIMIT:
        raise DeliveryError(f"{path}: larger than 1 MiB; not a manifest")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
        return Manifest.model_validate(data)
    except UnicodeDecodeError:
        raise DeliveryError(f"{path}: not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise DeliveryError(f"{path}: not valid JSON (line {exc.lineno}): {exc.msg}") from None
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'manifest'}: {err['msg']}"
            for err in exc.errors()
        )
        raise DeliveryError(f"{path}: invalid manifest: {problems}") from None


def open_record_file(folder: Path, spec: FileSpec, *, skip_empty: bool = False) -> RecordFile:
    """The record file ``spec`` of the delivery in ``folder``, opened for reading.

    Raises :class:`DeliveryError` naming the file when it cannot be used at all (missing,
    a symlink or special file, empty, a header without ``record_id`` or ``type``).
    """
    return RecordFile(folder, spec.path, spec.encoding, skip_empty=skip_empty)


def iter_rows(
    path: Path, encoding: str | None = None, *, skip_empty: bool = False
) -> Iterator[tuple[int, dict[str, str] | str]]:
    """``(row_number, record)`` for each record of one file; a record the reader refused is
    the reason as a string. For readers that only want the rows (evaluation, benchmarks);
    ingest uses :class:`RecordFile` and its line numbers."""
    with RecordFile(path.parent, path.name, encoding, skip_empty=skip_empty) as records:
        for row, _line, record in records:
            if isinstance(record, Quarantined):
                yield row, f"{record.field}: {record.reason}"
            else:
                yield row, record
