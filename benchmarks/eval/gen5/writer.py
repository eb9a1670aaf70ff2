"""Deliveries: the schedule, each party's way of writing a record, the files and the truth."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchmarks.eval.gen5.names import SPELLINGS, SURNAME_FIRST
from benchmarks.eval.gen5.world import END, Ent, Fact, Person, World
from emm.graph.schema import ENTITY_TYPES, REL_TYPES
from emm.values import name as name_mod
from emm.values.country import _COUNTRIES

LAST_DELIVERY = dt.date(2026, 11, 27)
#: party -> (period in days, first period end, delay range in days)
SCHEDULE: dict[str, tuple[int, dt.date, tuple[int, int]]] = {
    "POL": (42, dt.date(2024, 2, 18), (3, 16)),
    "KMAR": (61, dt.date(2024, 3, 10), (5, 20)),
    "ISZW": (122, dt.date(2024, 4, 30), (7, 24)),
    "IND": (91, dt.date(2024, 3, 31), (4, 18)),
    "OM": (182, dt.date(2024, 6, 30), (14, 30)),
}
DEFAULT_BASIS = {
    "POL": "WPG-15", "KMAR": "WPG-13-2", "ISZW": "WPG-15", "IND": "AVG-6-VW-107-4",
    "OM": "WJSG-15-39G",
}  # fmt: skip
PHEN_NL = {
    "sexual": "seksuele uitbuiting", "labour": "arbeidsuitbuiting",
    "criminal": "criminele uitbuiting", "smuggling": "mensensmokkel", "unknown": "onbekend",
}  # fmt: skip
ROLE_NL = {
    "suspect": "verdachte", "victim": "slachtoffer", "witness": "getuige",
    "facilitator": "faciliteerder", "employer": "werkgever", "reporter": "melder",
    "involved": "betrokkene",
}  # fmt: skip
DOC_NL = {
    "passport": "paspoort", "id_card": "identiteitskaart", "residence_permit": "verblijfsvergunning",
    "visa": "visum", "driving_licence": "rijbewijs",
}  # fmt: skip
ALPHA3 = {a2: a3 for a2, (a3, _) in _COUNTRIES.items()}
DUTCH_NAME = {a2: names.split(", ")[0] for a2, (_, names) in _COUNTRIES.items()}
CP1252 = {"ISZW", "OM"}


def _ascii_fold(text: str) -> str:
    out = []
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", ch)
            base = "".join(c for c in base if not unicodedata.combining(c))
            out.append({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i"}.get(ch, base))
    return "".join(out)


def _strip_accents(text: str) -> str:
    base = unicodedata.normalize("NFKD", text)
    return _ascii_fold("".join(c for c in base if not unicodedata.combining(c)))


class Renderer:
    """How one party writes values; one per delivery (its own random stream)."""

    def __init__(self, party: str, rng: random.Random, keys: dict[str, str]) -> None:
        self.party = party
        self.rng = rng
        self.keys = keys  # identity key (name + birth date) -> person key, shared

    # ---- plain values -------------------------------------------------------------------
    def date(self, d: dt.date) -> str:
        p = self.party
        if p == "POL":
            return d.strftime("%d-%m-%Y")
        if p == "ISZW":
            return f"{d.day}-{d.month}-{d.year}"
        if p == "OM":
            return d.strftime("%d/%m/%Y")
        if p == "KMAR" and self.rng.random() < 0.1:
            return d.isoformat() + "T00:00:00"
        return d.isoformat()

    def amount(self, x: float) -> str:
        p = self.party
        whole = float(x).is_integer()
        if p == "KMAR":
            return f"{x:,.2f}"
        s = f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
        if p == "POL":
            if whole and self.rng.random() < 0.5:
                return f"{int(x)},-"
            return s.replace(".", "") if self.rng.random() < 0.5 else s
        if p == "ISZW":
            return "€ " + s if self.rng.random() < 0.6 else s.replace(".", "")
        return s

    def phone(self, e164: str) -> str:
        p, r = self.party, self.rng
        if not e164.startswith("+31"):
            return "00" + e164[1:] if p in ("POL", "IND", "OM") and r.random() < 0.6 else e164
        sub = e164[3:]
        if p == "POL":
            if sub.startswith("6"):
                return r.choice((f"06-{sub[1:]}", f"06 {sub[1:3]} {sub[3:5]} {sub[5:7]} {sub[7:]}"))
            return f"0{sub[:2]}-{sub[2:]}"
        if p == "ISZW":
            return sub if r.random() < 0.4 else "0" + sub
        if p == "IND":
            return f"+31 {sub[0]} {sub[1:]}" if r.random() < 0.5 else "0" + sub
        if p == "OM":
            return "0031" + sub
        return e164

    def iban(self, iban: str) -> str:
        r = self.rng.random()
        if self.party == "POL" and r < 0.5:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        if self.party == "ISZW" and r < 0.3:
            return iban.lower()
        return iban

    def country(self, a2: str) -> str:
        if self.party == "KMAR":
            return ALPHA3.get(a2, a2)
        if self.party in ("IND", "OM"):
            return DUTCH_NAME.get(a2, a2)
        return a2

    def plate(self, plate: str, country: str) -> str:
        if country == "NL":
            if self.party == "KMAR":
                return plate.replace("-", "")
            if self.party == "ISZW" and self.rng.random() < 0.3:
                return plate.lower()
            return plate
        return plate

    def text(self, s: str) -> str:
        return _ascii_fold(s) if self.party in CP1252 else s

    # ---- persons ------------------------------------------------------------------------
    def person_name(self, p: Person, *, working: bool) -> str:
        r, party = self.rng, self.party
        if working and p.working_name:
            return p.working_name
        given = list(p.given)
        surname = p.surname
        spell = {"POL": 0.25, "IND": 0.1, "ISZW": 0.15, "KMAR": 0.05}.get(party, 0.0)
        if r.random() < spell:
            if surname in SPELLINGS and r.random() < 0.6:
                surname = r.choice(SPELLINGS[surname])
            elif given[-1] in SPELLINGS:
                given[-1] = r.choice(SPELLINGS[given[-1]])
            elif given[0] in SPELLINGS:
                given[0] = r.choice(SPELLINGS[given[0]])
        if party == "POL" and len(given) > 1 and p.nat != "VN" and r.random() < 0.5:
            given = given[:1]
        if r.random() < (0.06 if party == "ISZW" else 0.025) and len(surname) > 4:
            i = r.randrange(1, len(surname) - 2)
            surname = surname[:i] + surname[i + 1] + surname[i] + surname[i + 2 :]
        native = p.nat in SURNAME_FIRST and p.nat != "HU"
        foreign = p.nat != "NL"
        if party in ("KMAR", "IND") and foreign and r.random() < (0.8 if party == "KMAR" else 0.5):
            full = f"{surname.upper()} {' '.join(given)}"
            if r.random() < 0.35:
                full = full.upper()
        elif native and not (party == "POL" and r.random() < 0.5):
            full = " ".join((surname, *given))
        elif party == "POL" and r.random() < 0.12:
            full = f"{surname}, {' '.join(given)}"
        else:
            full = " ".join((*given, surname))
        if party == "ISZW" and r.random() < 0.5:
            full = _strip_accents(full)
        return self.text(full)

    def person(self, p: Person, *, working: bool) -> dict[str, Any]:
        r, party = self.rng, self.party
        use_working = (
            working and p.working_name is not None and party == "POL" and r.random() < 0.35
        )
        row: dict[str, Any] = {"name": self.person_name(p, working=use_working)}
        if use_working:
            row["gender"] = "V"
            return row
        birth: str | None = None
        iso: str | None = None
        if p.undocumented and party in ("KMAR", "IND"):
            if party == "IND" and r.random() < 0.2:
                birth = None
            else:
                birth = self.date(dt.date(p.birth.year, 1, 1))
        else:
            missing = {"ISZW": 0.35, "POL": 0.12, "KMAR": 0.04, "IND": 0.02, "OM": 0.0}[party]
            if r.random() >= missing:
                d = p.birth
                if r.random() < 0.02 and d.day <= 12 and d.day != d.month:
                    d = dt.date(d.year, d.day, d.month)
                birth = self.date(d)
                iso = d.isoformat()
        if iso is not None and not iso.endswith("-01-01"):
            key = name_mod.node_key(name_mod.normalise(row["name"]), iso)
            owner = self.keys.setdefault(key, p.key)
            if owner != p.key:
                birth = None
        if birth is not None:
            row["birth_date"] = birth
        share = {"OM": 0.95, "ISZW": 0.7, "POL": 0.55, "IND": 0.5, "KMAR": 0.1}[party]
        if p.bsn and r.random() < share:
            b = p.bsn
            if party == "OM":
                b = f"{b[:4]}.{b[4:6]}.{b[6:]}"
            elif party == "POL" and r.random() < 0.3:
                b = f"{b[:3]} {b[3:6]} {b[6:]}"
            elif party == "ISZW" and b.startswith("0"):
                b = b[1:]  # a spreadsheet dropped the leading zero (8 digits are allowed)
            row["bsn"] = b
        if r.random() < 0.85:
            row["nationality"] = self.country(p.nat)
        if r.random() < 0.9:
            g = p.gender
            row["gender"] = {
                "POL": {"M": "M", "F": "V"}, "KMAR": {"M": "M", "F": "F"},
                "ISZW": {"M": "man", "F": "vrouw"}, "IND": {"M": "M", "F": "V"},
                "OM": {"M": "man", "F": "vrouw"},
            }[party][g]  # fmt: skip
        vshare = {"IND": 1.0, "KMAR": 0.4, "POL": 0.15}.get(party, 0.0)
        if p.v_number and r.random() < vshare:
            row["v_number"] = p.v_number
        return row

    # ---- other entities -----------------------------------------------------------------
    def entity(self, e: Ent) -> dict[str, Any]:
        r, party = self.rng, self.party
        allowed = {f.name for f in ENTITY_TYPES[e.kind].fields}
        row: dict[str, Any] = {}
        for k, v in e.props.items():
            if k not in allowed or v is None or v == "":
                continue
            if isinstance(v, dt.date):
                row[k] = self.date(v)
            elif k == "number" and e.kind == "Phone":
                row[k] = self.phone(v)
            elif k == "iban":
                row[k] = self.iban(v)
            elif k == "phenomenon":
                row[k] = PHEN_NL[v] if party in ("POL", "ISZW", "OM") else v
            elif k == "doc_type":
                row[k] = DOC_NL[v] if party in ("IND", "OM") else v
            elif k == "country":
                row[k] = self.country(v)
            elif k == "plate":
                row[k] = self.plate(v, e.props.get("country", "NL"))
            elif k == "postcode":
                row[k] = v.replace(" ", "") if r.random() < 0.4 else v
            elif k == "house_number":
                row[k] = str(v)
            else:
                row[k] = self.text(str(v))
        if e.kind == "Vehicle" and e.props.get("country") == "NL" and r.random() < 0.5:
            row.pop("country", None)
        if e.kind == "Address" and party in ("POL", "ISZW") and row.get("addition"):
            add = row.pop("addition")
            sep = "-" if len(add) > 1 or add.isdigit() else ""
            row["house_number"] = f"{row['house_number']}{sep}{add.lower() if sep == '' else add}"
        if e.kind == "Investigation" and party == "OM":
            row.pop("phenomenon", None) if r.random() < 0.3 else None
        return row

    def link_props(self, f: Fact) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for k, v in f.props.items():
            if v is None or v == "":
                continue
            if isinstance(v, dt.date):
                row[k] = self.date(v)
            elif k in ("amount", "wage"):
                row[k] = self.amount(float(v))
            elif k == "role":
                row[k] = ROLE_NL[v] if self.party in ("POL", "ISZW", "OM") else v
            elif k == "direction":
                row[k] = {"in": "inreis", "out": "uitreis"}[v] if self.rng.random() < 0.4 else v
            elif isinstance(v, int):
                row[k] = str(v)
            else:
                row[k] = self.text(str(v))
        return row


# ---------------------------------------------------------------------------------------------
# schedule
# ---------------------------------------------------------------------------------------------


class Delivery:
    def __init__(self, did: str, party: str, delivered: dt.datetime, basis: str,
                 kind: str) -> None:  # fmt: skip
        self.did = did
        self.party = party
        self.delivered = delivered
        self.basis = basis
        self.kind = kind  # batch or extract
        self.facts: list[Fact] = []


def _periods(party: str, rng: random.Random) -> list[tuple[dt.date, dt.datetime]]:
    length, first, (lo, hi) = SCHEDULE[party]
    out = []
    end = first
    while True:
        delivered = end + dt.timedelta(days=rng.randint(lo, hi))
        if delivered > LAST_DELIVERY:
            break
        at = dt.datetime(delivered.year, delivered.month, delivered.day, rng.randint(7, 17),
                         rng.randint(0, 59), tzinfo=dt.timezone(dt.timedelta(hours=1)))  # fmt: skip
        out.append((end, at))
        end += dt.timedelta(days=length)
    if not out or out[-1][0] < END:
        # a last, shorter period closes at the end of the story
        delivered = min(END + dt.timedelta(days=rng.randint(lo, hi)), LAST_DELIVERY)
        at = dt.datetime(delivered.year, delivered.month, delivered.day, rng.randint(7, 17),
                         rng.randint(0, 59), tzinfo=dt.timezone(dt.timedelta(hours=1)))  # fmt: skip
        out.append((END, at))
    return out


def schedule(w: World) -> list[Delivery]:
    rng = random.Random(w.rng.random())
    deliveries: list[Delivery] = []
    by_ctx: dict[int, list[Fact]] = defaultdict(list)
    for f in w.facts:
        if f.ctx is not None and f.ctx.kind == "Investigation" and f.party in ("POL", "KMAR"):
            by_ctx[f.ctx.uid].append(f)
    extracted: set[int] = set()
    for uid, facts in sorted(by_ctx.items()):
        if len(facts) < 40:
            continue
        last = max(f.known for f in facts)
        when = last + dt.timedelta(days=rng.randint(20, 45))
        if when > LAST_DELIVERY:
            continue
        party = facts[0].party
        name = str(facts[0].ctx.props["name"]) if facts[0].ctx else "ONDERZOEK"
        at = dt.datetime(when.year, when.month, when.day, rng.randint(8, 16), rng.randint(0, 59),
                         tzinfo=dt.timezone(dt.timedelta(hours=1)))  # fmt: skip
        d = Delivery(f"{party}-OND-{name.upper()}-{when:%Y%m%d}", party, at, "WPG-9", "extract")
        d.facts = facts
        deliveries.append(d)
        extracted.add(uid)
    for party in SCHEDULE:
        periods = _periods(party, rng)
        batches = [
            Delivery(
                f"{party}-{end:%Y-%m-%d}-{i + 1:03d}", party, at, DEFAULT_BASIS[party], "batch"
            )
            for i, (end, at) in enumerate(periods)
        ]
        ends = [end for end, _ in periods]
        for f in w.facts:
            if f.party != party or (f.ctx is not None and f.ctx.uid in extracted):
                continue
            i = next((k for k, e in enumerate(ends) if f.known <= e), None)
            if i is None:
                raise RuntimeError(f"fact known {f.known} after the last {party} period")
            batches[i].facts.append(f)
        deliveries.extend(b for b in batches if b.facts)
    return deliveries


# ---------------------------------------------------------------------------------------------
# files
# ---------------------------------------------------------------------------------------------

FORMATS = {
    # party -> (entity files, link file, csv separator or None for JSON Lines, encoding)
    "POL": (("entities.jsonl",), "links.jsonl", None, "utf-8"),
    "POL-extract": (("extract_entiteiten.csv",), "extract_relaties.csv", ";", "utf-8"),
    "KMAR": (("kmar_objecten.csv",), "kmar_relaties.csv", ";", "utf-8"),
    "ISZW": (("entiteiten.csv",), "koppelingen.csv", ",", "cp1252"),
    "IND": (("personen.jsonl", "overig.jsonl"), "relaties.jsonl", None, "utf-8"),
    "OM": (("zaken.csv",), "betrokkenen.csv", ";", "utf-8-sig"),
}
ID_SCHEMES = {
    "POL": "R + 7 digits",
    "KMAR": "KM- + 10 hex digits",
    "ISZW": "iszw_ + 6 digits",
    "IND": "9 digits",
    "OM": "OM- + 6 digits",
}


def _write_rows(path: Path, rows: list[dict[str, Any]], sep: str | None, encoding: str,
                lead: tuple[str, ...]) -> None:  # fmt: skip
    if sep is None:
        with path.open("w", encoding=encoding, newline="\n") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    cols = list(lead)
    seen = set(cols)
    for row in rows:
        for k in row:
            if k not in seen:
                seen.add(k)
                cols.append(k)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=cols, delimiter=sep, restval="",
                            lineterminator="\r\n" if encoding == "utf-8-sig" else "\n")  # fmt: skip
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


class Output:
    """Writes the deliveries and collects every person's record refs."""

    def __init__(self, out: Path, w: World) -> None:
        self.out = out
        self.w = w
        self.records: dict[str, list[str]] = defaultdict(list)
        self.keys: dict[str, str] = {}
        self.stats: dict[str, int] = defaultdict(int)
        self.working: set[str] = set()  # persons advertised under a working name
        for f in w.facts:
            if f.rel == "ADVERTISES" and isinstance(f.b, Person):
                self.working.add(f.b.key)

    def write(self, d: Delivery, rng: random.Random) -> None:
        party = d.party
        fmt_key = "POL-extract" if party == "POL" and d.kind == "extract" else party
        ent_files, link_file, sep, encoding = FORMATS[fmt_key]
        rend = Renderer(party, rng, self.keys)
        ids: set[str] = set()

        def new_id() -> str:
            while True:
                if party == "POL":
                    rid = f"R{rng.randint(1_000_000, 9_999_999)}"
                elif party == "KMAR":
                    rid = f"KM-{rng.getrandbits(40):010x}"
                elif party == "ISZW":
                    rid = f"iszw_{rng.randint(0, 999_999):06d}"
                elif party == "IND":
                    rid = f"{rng.randint(100_000_000, 999_999_999)}"
                else:
                    rid = f"OM-{rng.randint(0, 999_999):06d}"
                if rid not in ids:
                    ids.add(rid)
                    return rid

        recs: dict[int, list[str]] = {}
        persons: list[dict[str, Any]] = []
        others: list[dict[str, Any]] = []
        big = len(d.facts) >= 200

        def ref(x: Person | Ent) -> str:
            oid = id(x)
            if oid not in recs:
                n = 2 if isinstance(x, Person) and big and rng.random() < 0.04 else 1
                recs[oid] = []
                for _ in range(n):
                    rid = new_id()
                    recs[oid].append(rid)
                    if isinstance(x, Person):
                        row = {"record_id": rid, "type": "Person"}
                        row.update(rend.person(x, working=x.key in self.working))
                        persons.append(row)
                        self.records[x.key].append(f"{d.did}/{rid}")
                    else:
                        row = {"record_id": rid, "type": x.kind}
                        row.update(rend.entity(x))
                        others.append(row)
            return rng.choice(recs[oid])

        links: list[dict[str, Any]] = []
        for f in d.facts:
            row: dict[str, Any] = {"record_id": "", "type": f.rel, "from": ref(f.a), "to": ref(f.b)}
            row["registered_at"] = rend.date(f.reg)
            basis = f.basis
            if basis is None and f.ctx is not None and d.kind == "batch":
                kind = f.ctx.kind
                if party in ("POL", "KMAR", "ISZW"):
                    basis = "WPG-10" if kind == "Signal" else "WPG-9"
            if basis is None and party == "OM" and rng.random() < 0.3:
                basis = "WJSG-39F-1A"
            if basis is not None and basis != d.basis:
                row["legal_basis"] = basis
            row.update(rend.link_props(f))
            links.append(row)
        for row in links:
            row["record_id"] = new_id()
        rng.shuffle(persons)
        rng.shuffle(others)
        rng.shuffle(links)
        folder = self.out / "deliveries" / d.did
        folder.mkdir(parents=True, exist_ok=True)
        files = []
        if len(ent_files) == 2:
            groups = [(ent_files[0], persons), (ent_files[1], others)]
        else:
            groups = [(ent_files[0], persons + others)]
        for name, rows in groups:
            if not rows:
                continue
            _write_rows(folder / name, rows, sep, encoding, ("record_id", "type"))
            files.append({"path": name, "kind": "entities", "encoding": encoding})
        _write_rows(folder / link_file, links, sep, encoding,
                    ("record_id", "type", "from", "to", "registered_at"))  # fmt: skip
        files.append({"path": link_file, "kind": "links", "encoding": encoding})
        if party == "ISZW" and rng.random() < 0.5:
            for spec in files:
                del spec["encoding"]  # detected as cp1252 (or UTF-8 when pure ASCII)
        manifest: dict[str, Any] = {
            "delivery_id": d.did,
            "party": party,
            "legal_basis": d.basis,
            "delivered_at": d.delivered.isoformat(),
            "files": files,
        }
        if party in ("KMAR", "IND", "OM"):
            manifest["number_style"] = "en" if party == "KMAR" else "nl"
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
        self.stats["deliveries"] += 1
        self.stats[f"deliveries_{party}"] += 1
        self.stats["relationships"] += len(links)
        self.stats["entity_rows"] += len(persons) + len(others)
        self.stats["person_rows"] += len(persons)
        self.stats["dates"] += sum(
            1 for row in links for k in ("date", "registered_at", "since") if k in row
        )


def check_rel_endpoints(w: World) -> None:
    """Every fact joins labels the schema allows (a programming error otherwise)."""
    for f in w.facts:
        rt = REL_TYPES[f.rel]
        a = "Person" if isinstance(f.a, Person) else f.a.kind
        b = "Person" if isinstance(f.b, Person) else f.b.kind
        if a not in rt.sources or b not in rt.targets:
            raise RuntimeError(f"{f.rel}: {a} -> {b} is not allowed")
