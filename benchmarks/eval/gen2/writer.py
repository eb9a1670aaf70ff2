"""From facts to delivery folders: which delivery holds a fact, and the files themselves.

Each party delivers periodic batches (POL and KMAR per half year, ISZW and IND per year, OM
twice) and, for larger investigations, an extract per investigation (``channel`` ``case:...``,
legal basis Wpg art. 9). A delivery repeats every entity its links need, so the same person
appears in many deliveries, each time written as that party writes them
(:func:`.render.person_fields`). Rows are shuffled before record ids are given, so neither row
order nor record ids reveal which rows belong together.
"""

from __future__ import annotations

import csv
import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from .render import ValueStyle, country_text, encodable, person_fields
from .world import Fact, Human, PersonView, Thing, World

__all__ = ["write_deliveries"]

DEFAULT_BASIS = {
    "POL": "WPG-10",
    "KMAR": "WPG-15",
    "ISZW": "WPG-10",
    "IND": "AVG-6-VW-107-4",
    "OM": "WJSG-15-39G",
}
_EXTRA_BASES = {
    "POL": ("WPG-13-2", "WPG-15"),
    "KMAR": ("WPG-10", "WPG-13-2"),
    "ISZW": ("WPG-15", "WPG-13-2"),
    "IND": (),
    "OM": ("WJSG-39F-1A",),
}
_DATE_FIELDS = {"date", "since", "reported_at", "started_at", "posted_at", "birth_date"}
_AMOUNT_FIELDS = {"amount", "wage"}
_INT_FIELDS = {"nights", "duration", "count", "weight"}
_CODE_FIELDS = {
    "role": "role",
    "direction": "direction",
    "phenomenon": "phenomenon",
    "doc_type": "doc_type",
}
_ID_PREFIX = {"POL": "", "KMAR": "KM-", "ISZW": "R", "IND": "IND", "OM": "OM-"}
_MIN_EXTRACT = 25  # smaller investigation extracts go into the party's batch instead


@dataclass
class Delivery:
    delivery_id: str
    party: str
    basis: str
    delivered: date
    layout: str  # csv, jsonl, split, mixed
    encoding: str  # utf-8, utf-8-sig, cp1252
    declare_encoding: bool
    variant: int
    facts: list[Fact] = field(default_factory=list)


def _batch_key(party: str, d: date) -> tuple[date, date]:
    if party in ("POL", "KMAR"):
        lo = date(d.year, 1 if d.month <= 6 else 7, 1)
        hi = date(d.year, 6, 30) if d.month <= 6 else date(d.year, 12, 31)
    elif party == "OM":
        lo, hi = (
            (date(2022, 1, 1), date(2023, 12, 31))
            if d.year <= 2023
            else (date(2024, 1, 1), date(2025, 6, 30))
        )
    else:
        lo, hi = date(d.year, 1, 1), date(d.year, 12, 31)
    return lo, hi


def _plan(world: World, rng: random.Random) -> list[Delivery]:
    by_case: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    batches: dict[tuple[str, date], list[Fact]] = defaultdict(list)
    for f in world.facts:
        if f.channel.startswith("case:"):
            by_case[(f.party, f.channel)].append(f)
        else:
            batches[(f.party, _batch_key(f.party, f.registered)[1])].append(f)
    extracts: list[tuple[str, date, list[Fact]]] = []
    for (party, _channel), facts in by_case.items():
        if len(facts) < _MIN_EXTRACT or party in ("IND", "OM"):
            for f in facts:
                f.basis = f.basis or ("WPG-9" if party in ("POL", "KMAR", "ISZW") else None)
                batches[(party, _batch_key(party, f.registered)[1])].append(f)
        else:
            started = min(f.registered for f in facts)
            delivered = min(started + timedelta(days=rng.randint(90, 240)), date(2025, 9, 30))
            for f in facts:
                f.registered = min(f.registered, delivered)
            extracts.append((party, delivered, facts))
    plans: list[tuple[str, date, str, list[Fact]]] = []
    for (party, hi), facts in batches.items():
        plans.append(
            (
                party,
                min(hi + timedelta(days=rng.randint(10, 40)), date(2025, 9, 30)),
                "batch",
                facts,
            )
        )
    for party, delivered, facts in extracts:
        plans.append((party, delivered, "extract", facts))
    plans.sort(key=lambda p: (p[0], p[1], p[2]))
    deliveries = []
    seq: dict[str, int] = defaultdict(int)
    for party, delivered, kind, facts in plans:
        seq[party] += 1
        n = seq[party]
        layout, encoding = {
            "POL": ("split" if n % 3 == 0 else "csv", "utf-8")
            if kind == "batch"
            else ("jsonl", "utf-8"),
            "KMAR": ("csv" if n % 4 == 2 else "jsonl", "utf-8"),
            "ISZW": ("csv", "cp1252") if kind == "batch" else ("mixed", "utf-8"),
            "IND": ("mixed", "utf-8-sig"),
            "OM": ("csv", "utf-8-sig"),
        }[party]
        basis = "WPG-9" if kind == "extract" else DEFAULT_BASIS[party]
        d = Delivery(
            delivery_id=f"{party}-{delivered:%Y-%m-%d}-{n:04d}",
            party=party,
            basis=basis,
            delivered=delivered,
            layout=layout,
            encoding=encoding,
            declare_encoding=n % 2 == 0,
            variant=n % 4,
            facts=facts,
        )
        deliveries.append(d)
    return deliveries


class _Rows:
    """The rows of one delivery and the person records it holds."""

    def __init__(self, world: World, d: Delivery, rng: random.Random) -> None:
        self.world = world
        self.d = d
        self.rng = rng
        self.entities: dict[int, dict[str, Any]] = {}
        self.order: list[int] = []
        self.persons: dict[int, tuple[Human, list[str]]] = {}

    def entity(self, end: Human | PersonView | Thing) -> int:
        k = id(end)
        if k not in self.entities:
            self.entities[k] = self._row(end)
            self.order.append(k)
        return k

    def _row(self, end: Human | PersonView | Thing) -> dict[str, Any]:
        party = self.d.party
        if isinstance(end, Human):
            values, tags = person_fields(self.world.seed, end, party)
            self.persons[id(end)] = (end, tags)
            return {"type": "Person", **values}
        if isinstance(end, PersonView):
            self.persons[id(end)] = (end.human, list(end.tags))
            return {"type": "Person", **end.fields}
        f = dict(end.fields)
        f.pop("_party", None)
        if end.label == "Company" and f.get("kvk") and party == "KMAR" and self.rng.random() < 0.5:
            f["kvk"] = ""
        return {"type": end.label, **f}


def _fmt_entity(
    row: dict[str, Any], style: ValueStyle, rng: random.Random, encoding: str
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    t = row["type"]
    for k, v in row.items():
        if v is None or v == "":
            continue
        if k in _DATE_FIELDS and isinstance(v, date):
            v = style.date(v)
        elif k in _CODE_FIELDS:
            v = style.code(_CODE_FIELDS[k], v, rng)
        elif k == "gender":
            v = style.gender(v)
        elif k == "bsn":
            v = style.bsn(v)
        elif k == "number" and t == "Phone":
            v = style.phone(v, rng)
        elif k == "iban":
            v = style.iban(v, rng)
        elif k == "postcode":
            v = style.postcode(v, rng)
        elif k == "plate":
            v = style.plate(v, row.get("country", "NL"), rng)
        elif k in ("nationality", "country") and t != "BorderPost":
            if t == "Vehicle" and v == "NL" and rng.random() < 0.5:
                continue
            v = country_text(v, rng.randrange(4)) if t != "Person" else v
        elif k == "house_number":
            v = v if not style.csv and rng.random() < 0.5 else str(v)
        elif k == "addition" and style.csv and rng.random() < 0.3:
            v = f"-{v.lower()}"
        elif k == "kvk" and rng.random() < 0.1:
            v = f"{v[:4]} {v[4:]}"
        if isinstance(v, str):
            v = encodable(v, encoding)
        out[k] = v
    return out


def _fmt_link(
    props: dict[str, Any], style: ValueStyle, rng: random.Random, encoding: str
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in props.items():
        if k in _DATE_FIELDS:
            v = style.date(v)
        elif k in _AMOUNT_FIELDS:
            v = style.amount(float(v))
        elif k in _INT_FIELDS:
            v = str(int(v)) if style.csv else int(v)
        elif k in _CODE_FIELDS:
            v = style.code(_CODE_FIELDS[k], v, rng)
        if isinstance(v, str):
            v = encodable(v, encoding)
        out[k] = v
    return out


def _write_csv(path: Path, rows: list[dict[str, Any]], encoding: str, lead: list[str]) -> None:
    columns = list(lead)
    for r in rows:
        for k in r:
            if k not in columns:
                columns.append(k)
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        w.writerow(columns)
        for r in rows:
            w.writerow(["" if r.get(c) is None else str(r.get(c, "")) for c in columns])


def _write_jsonl(path: Path, rows: list[dict[str, Any]], encoding: str) -> None:
    with path.open("w", encoding=encoding, newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def _write_delivery(
    world: World,
    d: Delivery,
    out: Path,
    truth: dict[str, list[tuple[str, list[str], dict[str, Any]]]],
) -> tuple[int, int]:
    rng = random.Random(f"{world.seed}:{d.delivery_id}")
    rows = _Rows(world, d, rng)
    links: list[tuple[Fact, int, int]] = []
    for f in d.facts:
        links.append((f, rows.entity(f.a), rows.entity(f.b)))
    order = list(rows.order)
    rng.shuffle(order)
    prefix = _ID_PREFIX[d.party]
    width = max(5, len(str(len(order))))
    rid = {
        k: f"{prefix}{'P' if rows.entities[k]['type'] == 'Person' and d.party == 'ISZW' else 'E'}{i:0{width}d}"
        for i, k in enumerate(order, 1)
    }
    rng.shuffle(links)
    folder = out / d.delivery_id
    folder.mkdir(parents=True, exist_ok=True)
    csv_entities = d.layout in ("csv", "split")
    csv_links = d.layout in ("csv", "split", "mixed")
    ent_style = ValueStyle(csv=csv_entities, variant=d.variant)
    link_style = ValueStyle(csv=csv_links, variant=d.variant)
    entity_rows = []
    for k in order:
        formatted = _fmt_entity(rows.entities[k], ent_style, rng, d.encoding)
        row = {"record_id": rid[k], **formatted}
        entity_rows.append(row)
        if k in rows.persons:
            human, tags = rows.persons[k]
            if d.encoding == "cp1252" and formatted.get("name") != rows.entities[k].get("name"):
                tags = [*tags, "diacritics"]
            raw = rows.entities[k]
            seen = {
                "name": formatted.get("name", ""),
                "birth_date": str(raw.get("birth_date") or ""),
                "bsn": raw.get("bsn") or "",
            }
            truth[human.key].append((f"{d.delivery_id}/{rid[k]}", tags, seen))
    link_rows = []
    extra = _EXTRA_BASES[d.party]
    for i, (f, a, b) in enumerate(links, 1):
        basis = f.basis or ""
        if basis == d.basis:
            basis = basis if rng.random() < 0.5 else ""
        elif not basis and extra and rng.random() < 0.05:
            basis = rng.choice(extra)
        elif not basis and rng.random() < 0.05:
            basis = d.basis
        row = {
            "record_id": f"{prefix}L{i:0{width + 1}d}",
            "type": f.rel,
            "from": rid[a],
            "to": rid[b],
            "registered_at": link_style.date(f.registered),
            "legal_basis": basis,
            **_fmt_link(f.props, link_style, rng, d.encoding),
        }
        if not row["legal_basis"] and not csv_links:
            del row["legal_basis"]
        link_rows.append(row)
    files = []
    enc_entry = {"encoding": d.encoding} if d.declare_encoding or d.encoding == "utf-8-sig" else {}
    if d.layout == "split":
        persons = [r for r in entity_rows if r["type"] == "Person"]
        others = [r for r in entity_rows if r["type"] != "Person"]
        _write_csv(folder / "personen.csv", persons, d.encoding, ["record_id", "type"])
        _write_jsonl(folder / "objecten.jsonl", others, d.encoding)
        files += [
            {"path": "personen.csv", "kind": "entities", **enc_entry},
            {"path": "objecten.jsonl", "kind": "entities", **enc_entry},
        ]
    elif csv_entities:
        _write_csv(folder / "entities.csv", entity_rows, d.encoding, ["record_id", "type"])
        files.append({"path": "entities.csv", "kind": "entities", **enc_entry})
    else:
        _write_jsonl(folder / "entities.jsonl", entity_rows, d.encoding)
        files.append({"path": "entities.jsonl", "kind": "entities", **enc_entry})
    if csv_links:
        lead = ["record_id", "type", "from", "to", "registered_at", "legal_basis"]
        _write_csv(folder / "links.csv", link_rows, d.encoding, lead)
        files.append({"path": "links.csv", "kind": "links", **enc_entry})
    else:
        _write_jsonl(folder / "links.jsonl", link_rows, d.encoding)
        files.append({"path": "links.jsonl", "kind": "links", **enc_entry})
    tz = timezone(timedelta(hours=2 if 4 <= d.delivered.month <= 10 else 1))
    delivered_at = datetime(
        d.delivered.year,
        d.delivered.month,
        d.delivered.day,
        9 + rng.randrange(8),
        rng.randrange(60),
        tzinfo=tz,
    )
    manifest = {
        "delivery_id": d.delivery_id,
        "party": d.party,
        "legal_basis": d.basis,
        "delivered_at": delivered_at.isoformat(),
        "files": files,
    }
    (folder / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return len(entity_rows), len(link_rows)


def write_deliveries(world: World, out: Path) -> dict[str, Any]:
    """Write every delivery under ``out``; return person records and counts per delivery."""
    rng = random.Random(f"{world.seed}:plan")
    deliveries = _plan(world, rng)
    truth: dict[str, list[tuple[str, list[str], dict[str, Any]]]] = defaultdict(list)
    counts = {}
    for d in deliveries:
        ents, links = _write_delivery(world, d, out, truth)
        counts[d.delivery_id] = {"party": d.party, "entities": ents, "links": links}
    return {"records": truth, "deliveries": counts}
