"""Writing one delivery folder exactly as ``docs/delivery-format.md`` describes it.

A :class:`Delivery` streams rows to disk as they are generated (nothing is held back, so a
million-row run stays small in memory) and writes ``manifest.json`` when it is closed. Each
delivery picks its own file conventions the way real parties differ: CSV with ``;`` in UTF-8,
UTF-8 with BOM or cp1252 (Windows exports; characters cp1252 cannot hold are folded, as such an
export would), Dutch dates and decimal commas in CSV, ISO dates in JSON Lines. The ingest has to
cope with all of them.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Literal

from emm.graph.schema import ENTITY_TYPES, REL_TYPES

__all__ = ["PARTY_LABELS", "Delivery", "DeliveryStyle", "Tally", "fold_cp1252"]

Format = Literal["csv", "jsonl"]
Encoding = Literal["utf-8", "utf-8-sig", "cp1252"]
DateStyle = Literal["dmy-dash", "dmy-slash", "iso"]
AmountStyle = Literal["comma", "comma-grouped", "dot", "json"]

#: Entity labels each party delivers; also fixes the columns of its CSV entity files.
PARTY_LABELS: dict[str, tuple[str, ...]] = {
    "POL": (
        "Person",
        "Address",
        "Phone",
        "Email",
        "Vehicle",
        "Company",
        "BankAccount",
        "IdentityDocument",
        "Advertisement",
        "Signal",
        "Investigation",
        "Group",
    ),
    "KMAR": (
        "Person",
        "Address",
        "Phone",
        "Vehicle",
        "Company",
        "BankAccount",
        "IdentityDocument",
        "Signal",
        "Investigation",
        "BorderPost",
    ),
    "ISZW": (
        "Person",
        "Address",
        "Phone",
        "Email",
        "Company",
        "BankAccount",
        "IdentityDocument",
        "Advertisement",
        "Signal",
        "Investigation",
    ),
    "IND": ("Person", "Address", "Phone", "IdentityDocument", "Signal"),
    "OM": ("Person", "Company", "Investigation"),
}

_ID_PREFIX = {
    "Person": "P",
    "Address": "A",
    "Phone": "T",
    "Email": "E",
    "Vehicle": "V",
    "Company": "C",
    "BankAccount": "B",
    "IdentityDocument": "D",
    "Advertisement": "AD",
    "Signal": "S",
    "Investigation": "O",
    "BorderPost": "GP",
    "Group": "G",
}

_ENTITY_FIELDS = {label: frozenset(f.name for f in e.fields) for label, e in ENTITY_TYPES.items()}
_LINK_FIELDS = {t: frozenset(f.name for f in r.fields) for t, r in REL_TYPES.items()}
_LINK_BASE = ("record_id", "type", "from", "to", "registered_at", "legal_basis")


def _union(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _entity_columns(party: str) -> tuple[str, ...]:
    labels = PARTY_LABELS[party]
    return ("record_id", "type") + _union(
        [f.name for label in labels for f in ENTITY_TYPES[label].fields]
    )


_LINK_COLUMNS = _LINK_BASE + _union([f.name for r in REL_TYPES.values() for f in r.fields])


@lru_cache(maxsize=65536)
def fold_cp1252(text: str) -> str:
    """``text`` with every character cp1252 cannot encode replaced by its base letter.

    >>> fold_cp1252("Ayşe Yılmaz, Łukasz, Ștefan, Zoë")
    'Ayse Yilmaz, Lukasz, Stefan, Zoë'
    """
    out = []
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            special = {"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "İ": "I"}.get(ch)
            if special is None:
                base = unicodedata.normalize("NFKD", ch)
                special = "".join(c for c in base if not unicodedata.combining(c)) or "?"
                try:
                    special.encode("cp1252")
                except UnicodeEncodeError:
                    special = "?"
            out.append(special)
    return "".join(out)


class Tally:
    """Row counts across all deliveries of a run, updated as rows are written."""

    __slots__ = ("entities", "links")

    def __init__(self) -> None:
        self.entities = 0
        self.links = 0


@dataclass(frozen=True)
class DeliveryStyle:
    """How one party's export happens to look."""

    fmt: Format
    encoding: Encoding
    declare_encoding: bool
    date_style: DateStyle
    amount_style: AmountStyle
    crlf: bool = False


@dataclass
class Delivery:
    """One delivery folder being written; use :meth:`open`, add rows, then :meth:`close`."""

    root: Path
    delivery_id: str
    party: str
    legal_basis: str
    delivered_at: str
    period: tuple[date, date]
    style: DeliveryStyle
    tally: Tally = field(default_factory=Tally)
    entities: int = 0
    links: int = 0
    cache: dict[tuple[str, ...], str] = field(default_factory=dict)
    _counters: dict[str, int] = field(default_factory=dict)
    _files: list[IO[str]] = field(default_factory=list)
    _ent_index: dict[str, int] = field(default_factory=dict)
    _link_index: dict[str, int] = field(default_factory=dict)
    _ent_csv: Any = None
    _link_csv: Any = None
    _ent_out: IO[str] | None = None
    _link_out: IO[str] | None = None

    @property
    def folder(self) -> Path:
        return self.root / self.delivery_id

    @property
    def file_names(self) -> tuple[str, str]:
        ext = self.style.fmt
        return f"entities.{ext}", f"links.{ext}"

    # -- lifecycle -----------------------------------------------------------------------------

    def open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        ent_name, link_name = self.file_names
        style = self.style
        encoding = style.encoding if style.fmt == "csv" else "utf-8"
        newline = "\r\n" if style.crlf else "\n"
        ent = open(self.folder / ent_name, "w", encoding=encoding, newline="")  # noqa: SIM115
        links = open(self.folder / link_name, "w", encoding=encoding, newline="")  # noqa: SIM115
        self._files = [ent, links]
        self._ent_out, self._link_out = ent, links
        if style.fmt == "csv":
            ent_cols = _entity_columns(self.party)
            self._ent_index = {c: i for i, c in enumerate(ent_cols)}
            self._link_index = {c: i for i, c in enumerate(_LINK_COLUMNS)}
            self._ent_csv = csv.writer(ent, delimiter=";", lineterminator=newline)
            self._link_csv = csv.writer(links, delimiter=";", lineterminator=newline)
            self._ent_csv.writerow(ent_cols)
            self._link_csv.writerow(_LINK_COLUMNS)

    def close(self) -> None:
        for f in self._files:
            f.close()
        self._files = []
        files: list[dict[str, str]] = []
        for name, kind in zip(self.file_names, ("entities", "links"), strict=True):
            entry = {"path": name, "kind": kind}
            if self.style.declare_encoding:
                entry["encoding"] = self.style.encoding if self.style.fmt == "csv" else "utf-8"
            files.append(entry)
        manifest = {
            "delivery_id": self.delivery_id,
            "party": self.party,
            "legal_basis": self.legal_basis,
            "delivered_at": self.delivered_at,
            "files": files,
        }
        text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
        (self.folder / "manifest.json").write_text(text, encoding="utf-8")

    # -- values as written ---------------------------------------------------------------------

    def text(self, value: str) -> str:
        """``value`` as it ends up in this delivery's files."""
        if self.style.encoding == "cp1252" and self.style.fmt == "csv" and not value.isascii():
            return fold_cp1252(value)
        return value

    def date_text(self, value: date | None) -> str | None:
        if value is None:
            return None
        style = self.style.date_style
        if style == "iso":
            return value.isoformat()
        sep = "-" if style == "dmy-dash" else "/"
        return f"{value.day:02d}{sep}{value.month:02d}{sep}{value.year}"

    def _amount(self, value: float) -> str | float:
        style = self.style.amount_style
        if style == "json":
            return round(value, 2)
        if style == "dot":
            return f"{value:.2f}"
        text = f"{value:.2f}"
        if style == "comma-grouped" and value >= 1000:
            text = f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
            return text
        return text.replace(".", ",")

    def _value(self, value: object) -> object:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, date):
            return self.date_text(value)
        if isinstance(value, float):
            return self._amount(value)
        if isinstance(value, int) and self.style.fmt == "csv":
            return str(value)
        return value

    # -- rows ------------------------------------------------------------------------------------

    def _next_id(self, prefix: str) -> str:
        n = self._counters.get(prefix, 0) + 1
        self._counters[prefix] = n
        return f"{prefix}{n:06d}"

    def entity(self, label: str, fields: dict[str, object]) -> str:
        """Write an entity row and return its ``record_id``. ``None`` values are left out."""
        if label not in PARTY_LABELS[self.party]:
            raise ValueError(f"{self.party} does not deliver {label} records")
        unknown = fields.keys() - _ENTITY_FIELDS[label]
        if unknown:
            raise ValueError(f"{label} has no field(s) {sorted(unknown)}")
        record_id = self._next_id(_ID_PREFIX[label])
        gender = fields.get("gender")
        if gender == "F" and self.style.fmt == "csv":
            fields = {**fields, "gender": "V"}
        self._write(self._ent_csv, self._ent_out, self._ent_index, record_id, label, fields)
        self.entities += 1
        self.tally.entities += 1
        return record_id

    def link(
        self,
        rel: str,
        source: str,
        target: str,
        registered_at: date,
        fields: dict[str, object] | None = None,
        legal_basis: str | None = None,
    ) -> None:
        """Write a link row between two ``record_id``s of this delivery."""
        extra = fields or {}
        if extra.keys() - _LINK_FIELDS[rel]:
            raise ValueError(f"{rel} has no field(s) {sorted(extra.keys() - _LINK_FIELDS[rel])}")
        row: dict[str, object] = {"from": source, "to": target, "registered_at": registered_at}
        if legal_basis is not None:
            row["legal_basis"] = legal_basis
        row.update(extra)
        self._write(self._link_csv, self._link_out, self._link_index, self._next_id("L"), rel, row)
        self.links += 1
        self.tally.links += 1

    def _write(
        self,
        writer: Any,
        out: IO[str] | None,
        index: dict[str, int],
        record_id: str,
        type_: str,
        fields: dict[str, object],
    ) -> None:
        if writer is not None:
            row: list[object] = [""] * len(index)
            row[0] = record_id
            row[1] = type_
            for key, value in fields.items():
                if value is not None and value != "":
                    row[index[key]] = self._value(value)
            writer.writerow(row)
            return
        obj: dict[str, object] = {"record_id": record_id, "type": type_}
        for key, value in fields.items():
            if value is not None and value != "":
                obj[key] = self._value(value)
        assert out is not None
        out.write(json.dumps(obj, ensure_ascii=False))
        out.write("\n")
