"""Writing the planned deliveries: how each party writes a person, a date, an amount, a phone
number, in which file layout and encoding (the schedule is in :mod:`schedule`).

Each party has habits (KMAR writes passport order in capitals, ISZW exports cp1252 from a
spreadsheet that drops leading zeros, IND delivers UTF-16 with a byte-order mark...), and
within a delivery the choices vary a little per row, as in real exports.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchmarks.eval.gen3.idents import COUNTRY_WORDS, FAMILY_FIRST
from benchmarks.eval.gen3.schedule import Delivery
from benchmarks.eval.gen3.world import Ent, Fact, Node, Person
from emm.graph.schema import ENTITY_TYPES, REL_TYPES

OVERRIDE_BASIS = {"POL": ["WPG-13-2", "WPG-10"], "KMAR": ["WPG-10"], "ISZW": ["WPG-13-2", "WPG-10"],
                  "IND": [], "OM": ["WJSG-39F-1A"]}  # fmt: skip
ROLE_WORDS = {
    "victim": ["victim", "slachtoffer", "Slachtoffer", "benadeelde"],
    "suspect": ["suspect", "verdachte", "Verdachte", "VERDACHTE"],
    "witness": ["witness", "getuige"],
    "facilitator": ["facilitator", "faciliteerder", "tussenpersoon"],
    "employer": ["employer", "werkgever", "opdrachtgever"],
    "reporter": ["reporter", "melder", "aangever"],
    "involved": ["involved", "betrokkene", "Betrokkene"],
}
PHEN_WORDS = {
    "labour": ["labour", "arbeidsuitbuiting", "Arbeidsuitbuiting"],
    "sexual": ["sexual", "seksuele uitbuiting", "Seksuele uitbuiting"],
    "criminal": ["criminal", "criminele uitbuiting", "Criminele uitbuiting"],
    "smuggling": ["smuggling", "mensensmokkel", "Mensensmokkel"],
    "unknown": ["unknown", "onbekend"],
}
DOC_WORDS = {"passport": ["passport", "paspoort", "PASPOORT"], "id_card": ["id_card", "identiteitskaart"],
             "residence_permit": ["residence_permit", "verblijfsvergunning"], "visa": ["visa", "visum"],
             "driving_licence": ["driving_licence", "rijbewijs"]}  # fmt: skip
DIR_WORDS = {
    "in": ["in", "inreis", "aankomst", "entry"],
    "out": ["out", "uitreis", "vertrek", "exit"],
}
GENDER_WORDS = {"M": ["M", "man", "M", "male"], "F": ["F", "vrouw", "V", "female"]}


@dataclass
class Style:
    layout: str  # pair_csv, pair_jsonl, split, single_csv, ent_jsonl_links_csv
    encoding: str  # python codec name written
    declared: str | None  # encoding named in the manifest
    bom: bytes
    sep: str
    dates: list[str]  # strftime patterns, first most frequent
    number_style: str
    newline: str


def _style(party: str, r: random.Random) -> Style:
    nl_dates = ["%d-%m-%Y", "%-d-%-m-%Y", "%d/%m/%Y"]
    if party == "POL":
        layout = r.choice(["pair_csv", "pair_csv", "split", "pair_jsonl"])
        return Style(layout, "utf-8", None, b"", ";", nl_dates, "nl", r.choice(["\n", "\r\n"]))
    if party == "KMAR":
        if r.random() < 0.25:
            return Style("single_csv", "utf-8", "utf-8", b"", ",", ["%Y-%m-%d"], "en", "\r\n")
        return Style(
            "pair_jsonl", "utf-8", None, b"", ";", ["%Y-%m-%dT00:00:00", "%Y-%m-%d"], "en", "\n"
        )
    if party == "ISZW":
        enc = r.choice(["cp1252", "iso-8859-15"])
        declared = enc if r.random() < 0.6 or enc != "cp1252" else None
        return Style("pair_csv", enc, declared, b"", ";", ["%d-%m-%Y", "%d.%m.%Y"], "nl", "\r\n")
    if party == "IND":
        if r.random() < 0.5:
            return Style("ent_jsonl_links_csv", "utf-16-le", "utf-16-le", b"\xff\xfe", ";",
                         ["%d-%m-%Y"], "nl", "\r\n")  # fmt: skip
        return Style("ent_jsonl_links_csv", "utf-8", "utf-8-sig", b"\xef\xbb\xbf", ";",
                     ["%d-%m-%Y", "%Y-%m-%d"], "nl", "\n")  # fmt: skip
    return Style(
        "single_csv",
        "utf-8",
        "utf-8-sig",
        b"\xef\xbb\xbf",
        ";",
        ["%d/%m/%Y", "%d-%m-%Y"],
        "nl",
        "\r\n",
    )


# ------------------------------------------------------------------------------ values


def _fold(text: str, encoding: str) -> str:
    """Characters the file's encoding cannot hold, written without their marks."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        try:
            ch.encode(encoding)
            out.append(ch)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", ch)
            base = "".join(c for c in base if not unicodedata.combining(c))
            base = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i"}.get(base, base)
            out.append(base if base.encode(encoding, "ignore") == base.encode("utf-8") else "")
    return "".join(out)


class Writer:
    """Renders values the way one delivery's party writes them."""

    def __init__(self, party: str, style: Style, r: random.Random) -> None:
        self.party, self.style, self.r = party, style, r

    def date(self, d: dt.date) -> str:
        pats = self.style.dates
        pat = pats[0] if self.r.random() < 0.75 else self.r.choice(pats)
        return d.strftime(pat.replace("%-d", str(d.day)).replace("%-m", str(d.month)))

    def amount(self, v: float | Decimal) -> str:
        cents = round(Decimal(str(v)) * 100)
        euros, rest = divmod(int(cents), 100)
        if self.style.number_style == "en":
            return f"{euros:,}.{rest:02d}"
        body = f"{euros:,}".replace(",", ".")
        if rest == 0 and self.r.random() < 0.2:
            return f"{body},-"
        text = f"{body},{rest:02d}"
        return f"€ {text}" if self.r.random() < 0.2 else text

    def coded(self, table: dict[str, list[str]], v: str) -> str:
        words = table.get(v)
        if words is None:  # already written as a synonym by the scenario
            return v
        return words[0] if self.r.random() < 0.4 else self.r.choice(words)

    def country(self, cc: str) -> str:
        words = COUNTRY_WORDS.get(cc, [cc])
        if self.party == "KMAR":
            return words[1] if len(words) > 1 else words[0]
        return words[0] if self.r.random() < 0.5 else self.r.choice(words)

    def phone(self, e164: str) -> str:
        r = self.r.random()
        if e164.startswith("+31"):
            sub = e164[3:]
            if self.party == "ISZW" and r < 0.3:
                return sub  # the spreadsheet dropped the trunk 0
            if r < 0.35:
                return (
                    "0" + sub[:1] + "-" + sub[1:]
                    if sub[0] == "6"
                    else "0" + sub[:2] + "-" + sub[2:]
                )
            if r < 0.5:
                return "0031" + sub
            if r < 0.65:
                return f"+31 {sub[0]} {sub[1:5]} {sub[5:]}"
            return e164
        if r < 0.3:
            return "00" + e164[1:]
        return e164

    def iban(self, iban: str) -> str:
        r = self.r.random()
        if r < 0.3:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        if r < 0.4:
            return iban.lower()
        return iban

    def plate(self, plate: str, cc: str) -> str:
        if cc != "NL":
            return plate
        r = self.r.random()
        if r < 0.3:
            return plate.replace("-", "")
        if r < 0.4:
            return plate.lower()
        return plate

    def postcode(self, pc: str) -> str:
        r = self.r.random()
        return pc[:4] + " " + pc[4:] if r < 0.4 else pc.lower() if r < 0.5 else pc

    def bsn(self, bsn: str) -> str:
        if self.r.random() < 0.15:
            return f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}"
        return bsn

    def text(self, s: str) -> str:
        return _fold(s, self.style.encoding)


# ------------------------------------------------------------------------------ persons

_BSN_P = {"POL": 0.65, "KMAR": 0.15, "ISZW": 0.8, "IND": 0.9, "OM": 0.95}
_DOB_MISSING = {"POL": 0.08, "KMAR": 0.0, "ISZW": 0.05, "IND": 0.0, "OM": 0.02}


def _typo(s: str, r: random.Random) -> str:
    if len(s) < 4:
        return s
    i = r.randrange(1, len(s) - 1)
    k = r.random()
    if k < 0.4 and s[i].isalpha() and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if k < 0.7 and s[i].isalpha():
        return s[:i] + s[i + 1 :]
    return s[:i] + s[i] + s[i:]


def person_row(p: Person, wr: Writer, variant: random.Random) -> dict[str, str]:
    """One party's record of a person, with the variation real registrations show."""
    r, party = variant, wr.party
    spell = 0 if party in ("KMAR", "IND") and r.random() < 0.85 else r.choice([0, 0, 1, 2])
    given = [g[min(spell, len(g) - 1)] for g in p.given]
    if len(given) > 1 and party in ("POL", "ISZW", "OM") and r.random() < 0.45:
        given = given[:1]
    sur = p.surname[min(spell, len(p.surname) - 1)]
    if party in ("POL", "ISZW") and r.random() < 0.04:
        sur = _typo(sur, r)
    name_given = " ".join(given)
    family_first = p.nat in FAMILY_FIRST
    birth: dt.date | None = p.birth
    alt = p.alt_ids
    if alt and party == "POL" and r.random() < 0.8:
        name_given, sur, birth = r.choice(alt)
    if party == "KMAR" and r.random() < 0.6:
        name = f"{sur} {name_given}".upper()
    elif party == "POL" and r.random() < 0.15:
        name = f"{sur}, {name_given}"
    elif family_first and not (party in ("POL", "ISZW") and r.random() < 0.35):
        name = f"{sur} {name_given}"
    else:
        name = f"{name_given} {sur}"
    if party == "OM" and r.random() < 0.3:
        name = name.upper()
    row: dict[str, str] = {"name": wr.text(name)}
    if p.dob_unknown and birth == p.birth and (party in ("KMAR", "IND") or r.random() < 0.5):
        birth = dt.date(p.birth.year, 1, 1)
    if birth is not None and r.random() >= _DOB_MISSING[party]:
        if (
            party in ("POL", "ISZW")
            and birth.day <= 12
            and birth.day != birth.month
            and r.random() < 0.02
        ):
            birth = dt.date(birth.year, birth.day, birth.month)
        row["birth_date"] = wr.date(birth)
    if p.bsn and r.random() < _BSN_P[party]:
        row["bsn"] = wr.bsn(p.bsn)
    if p.v_number and r.random() < {"IND": 1.0, "KMAR": 0.3, "POL": 0.15}.get(party, 0.0):
        row["v_number"] = p.v_number
    if r.random() < 0.85:
        row["nationality"] = wr.country(p.nat)
    if r.random() < 0.8:
        row["gender"] = wr.coded(GENDER_WORDS, p.gender)
    return row


def entity_row(e: Ent, wr: Writer) -> dict[str, str]:
    f = e.fields
    row: dict[str, str] = {}
    spec = ENTITY_TYPES[e.label]
    for fs in spec.fields:
        v = f.get(fs.name)
        if v is None or v == "":
            continue
        if fs.kind == "date":
            row[fs.name] = wr.date(v)
        elif fs.kind == "phone":
            row[fs.name] = wr.phone(v)
        elif fs.kind == "iban":
            row[fs.name] = wr.iban(v)
        elif fs.kind == "postcode":
            row[fs.name] = wr.postcode(v)
        elif fs.kind == "country":
            row[fs.name] = wr.country(v)
        elif fs.kind == "phenomenon":
            row[fs.name] = wr.coded(PHEN_WORDS, v)
        elif fs.kind == "doc_type":
            row[fs.name] = wr.coded(DOC_WORDS, v)
        elif fs.kind == "plate":
            row[fs.name] = wr.plate(v, f.get("country", "NL"))
        else:
            row[fs.name] = wr.text(str(v))
    if (
        e.label == "Address"
        and "addition" in row
        and row["addition"].isalpha()
        and wr.r.random() < 0.5
    ):
        add = row.pop("addition")
        row["house_number"] += add.lower() if len(add) == 1 else "-" + add
    return row


def link_props(fact: Fact, wr: Writer) -> dict[str, str]:
    row: dict[str, str] = {}
    for fs in REL_TYPES[fact.rel].fields:
        v = fact.props.get(fs.name)
        if v is None:
            continue
        if fs.kind == "date":
            row[fs.name] = wr.date(v)
        elif fs.kind == "amount":
            row[fs.name] = wr.amount(v)
        elif fs.kind == "role":
            row[fs.name] = wr.coded(ROLE_WORDS, v)
        elif fs.kind == "direction":
            row[fs.name] = wr.coded(DIR_WORDS, v)
        else:
            row[fs.name] = wr.text(str(v))
    return row


# ------------------------------------------------------------------------------ writing


def _ids(party: str, n: int, r: random.Random) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        if party == "KMAR":
            v = f"{r.getrandbits(48):012x}"
        elif party == "IND":
            v = f"IND{r.randrange(10**8):08d}"
        else:
            v = f"{party[0]}{r.randrange(10**7):07d}"
        if v not in seen:
            seen.add(v)
            out.append(v)
    return out


def write(dl: Delivery, root: Path, r: random.Random) -> dict[str, int]:
    style = _style(dl.party, r)
    wr = Writer(dl.party, style, r)
    nodes: dict[str, Node] = {}
    for f in dl.facts:
        for n in (f.src, f.dst):
            uid = n.key if isinstance(n, Person) else n.uid
            nodes.setdefault(uid, n)
    uids = list(nodes)
    # An investigation extract sometimes holds one person twice (two officers, two records).
    doubles = [u for u in uids if isinstance(nodes[u], Person) and dl.case and r.random() < 0.04]
    ids = _ids(dl.party, len(uids) + len(doubles) + len(dl.facts), r)
    rec: dict[str, list[str]] = {u: [ids[i]] for i, u in enumerate(uids)}
    k = len(uids)
    for u in doubles:
        rec[u].append(ids[k])
        k += 1
    ent_rows: list[dict[str, str]] = []
    for u in uids:
        n = nodes[u]
        for rid in rec[u]:
            if isinstance(n, Person):
                row = {"record_id": rid, "type": "Person", **person_row(n, wr, r)}
                dl.person_refs.setdefault(n.key, []).append(f"{dl.delivery_id}/{rid}")
            else:
                row = {"record_id": rid, "type": n.label, **entity_row(n, wr)}
            ent_rows.append(row)
    link_rows: list[dict[str, str]] = []
    for f in dl.facts:
        su = f.src.key if isinstance(f.src, Person) else f.src.uid
        du = f.dst.key if isinstance(f.dst, Person) else f.dst.uid
        row = {"record_id": ids[k], "type": f.rel, "from": r.choice(rec[su]), "to": r.choice(rec[du]),
               "registered_at": wr.date(f.registered)}  # fmt: skip
        k += 1
        if f.case is not None and dl.case is None:
            row["legal_basis"] = "WPG-9" if dl.party != "OM" else dl.basis
        elif r.random() < 0.25:
            row["legal_basis"] = dl.basis
        elif dl.case is None and OVERRIDE_BASIS[dl.party] and r.random() < 0.08:
            row["legal_basis"] = r.choice(OVERRIDE_BASIS[dl.party])
        row.update(link_props(f, wr))
        link_rows.append(row)
    r.shuffle(ent_rows)
    r.shuffle(link_rows)
    folder = root / dl.delivery_id
    folder.mkdir(parents=True, exist_ok=True)
    files = _write_files(folder, style, ent_rows, link_rows, r)
    tz = "+01:00" if dl.delivered.month in (1, 2, 3, 11, 12) else "+02:00"
    manifest = {"delivery_id": dl.delivery_id, "party": dl.party, "legal_basis": dl.basis,
                "delivered_at": f"{dl.delivered.isoformat()}T{r.randint(7, 18):02d}:{r.randint(0, 59):02d}:00{tz}",
                "files": files, "number_style": style.number_style}  # fmt: skip
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return {"entities": len(ent_rows), "links": len(link_rows)}


def _columns(rows: list[dict[str, str]], first: list[str]) -> list[str]:
    cols = list(first)
    for row in rows:
        for c in row:
            if c not in cols:
                cols.append(c)
    return cols


def _csv_bytes(rows: list[dict[str, str]], first: list[str], style: Style) -> bytes:
    buf = io.StringIO()
    cols = _columns(rows, first)
    w = csv.DictWriter(buf, fieldnames=cols, delimiter=style.sep, lineterminator=style.newline,
                       restval="", quoting=csv.QUOTE_MINIMAL)  # fmt: skip
    w.writeheader()
    w.writerows(rows)
    return style.bom + buf.getvalue().encode(style.encoding)


def _jsonl_bytes(rows: list[dict[str, str]], style: Style, r: random.Random) -> bytes:
    lines = []
    for row in rows:
        obj: dict[str, Any] = {}
        for c, v in row.items():
            obj[c] = (
                int(v)
                if c in ("nights", "count", "duration", "weight")
                and v.isdigit()
                and r.random() < 0.5
                else v
            )
        lines.append(json.dumps(obj, ensure_ascii=False))
    return style.bom + ("\n".join(lines) + "\n").encode(style.encoding)


def _write_files(folder: Path, style: Style, ents: list[dict[str, str]], links: list[dict[str, str]],
                 r: random.Random) -> list[dict[str, str]]:  # fmt: skip
    files: list[dict[str, str]] = []

    def put(name: str, data: bytes, kind: str) -> None:
        (folder / name).write_bytes(data)
        spec = {"path": name, "kind": kind}
        if style.declared:
            spec["encoding"] = style.declared
        files.append(spec)

    ent_first = ["record_id", "type"]
    link_first = ["record_id", "type", "from", "to", "registered_at", "legal_basis"]
    if style.layout == "pair_jsonl":
        put("entities.jsonl", _jsonl_bytes(ents, style, r), "entities")
        put("links.jsonl", _jsonl_bytes(links, style, r), "links")
    elif style.layout == "split":
        persons = [e for e in ents if e["type"] == "Person"]
        others = [e for e in ents if e["type"] != "Person"]
        if persons:
            put("personen.csv", _csv_bytes(persons, ent_first, style), "entities")
        put("objecten.csv", _csv_bytes(others, ent_first, style), "entities")
        put("relaties.jsonl", _jsonl_bytes(links, style, r), "links")
    elif style.layout == "ent_jsonl_links_csv":
        put("entities.jsonl", _jsonl_bytes(ents, style, r), "entities")
        put("links.csv", _csv_bytes(links, link_first, style), "links")
    elif style.layout == "single_csv":
        put("export_entities.csv", _csv_bytes(ents, ent_first, style), "entities")
        put("export_links.csv", _csv_bytes(links, link_first, style), "links")
    else:
        put("entities.csv", _csv_bytes(ents, ent_first, style), "entities")
        put("links.csv", _csv_bytes(links, link_first, style), "links")
    return files
