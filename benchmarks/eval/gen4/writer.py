"""Turn the facts of a :class:`World` into deliveries, each party writing its own way, and
collect the truth (which records are which person)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from emm.values import codes
from emm.values.name import name_key

from .names import ALTERNATIVES, strip_accents, typo
from .world import Ent, Fact, Person, World

LAST_DELIVERY = dt.date(2026, 11, 25)

# party -> (months per batch, default legal basis, legal basis of extracts)
SCHEDULE: dict[str, tuple[int, str, str]] = {
    "POL": (2, "WPG-15", "WPG-9"),
    "KMAR": (1, "WPG-15", "WPG-9"),
    "ISZW": (3, "WPG-13-2", "WPG-10"),
    "IND": (3, "AVG-6-VW-107-4", "AVG-6-VW-107-4"),
    "OM": (6, "WJSG-15-39G", "WJSG-15-39G"),
}
_ROLE_NL = {"suspect": "verdachte", "victim": "slachtoffer", "witness": "getuige", "facilitator": "faciliteerder",
            "employer": "werkgever", "reporter": "melder", "involved": "betrokkene"}  # fmt: skip
_PHEN_NL = {"sexual": "seksuele uitbuiting", "labour": "arbeidsuitbuiting", "criminal": "criminele uitbuiting",
            "smuggling": "mensensmokkel", "organ": "orgaanverwijdering", "unknown": "onbekend"}  # fmt: skip
_DOC_NL = {"passport": "paspoort", "id_card": "identiteitskaart", "residence_permit": "verblijfsvergunning",
           "visa": "visum", "driving_licence": "rijbewijs"}  # fmt: skip
_A3 = {"NL": "NLD", "PL": "POL", "RO": "ROU", "HU": "HUN", "LT": "LTU", "TR": "TUR", "BR": "BRA", "CO": "COL",
       "BG": "BGR", "UA": "UKR", "VN": "VNM", "CN": "CHN", "TH": "THA", "PH": "PHL", "ER": "ERI", "ET": "ETH",
       "NG": "NGA", "SY": "SYR", "AF": "AFG", "MA": "MAR", "IQ": "IRQ", "AL": "ALB", "IN": "IND", "DE": "DEU",
       "BE": "BEL", "FR": "FRA", "IT": "ITA", "GB": "GBR"}  # fmt: skip
_NL_NAME = {"NL": "Nederland", "PL": "Polen", "RO": "Roemenië", "HU": "Hongarije", "LT": "Litouwen", "TR": "Turkije",
            "BR": "Brazilië", "CO": "Colombia", "BG": "Bulgarije", "UA": "Oekraïne", "VN": "Vietnam", "CN": "China",
            "TH": "Thailand", "PH": "Filipijnen", "ER": "Eritrea", "ET": "Ethiopië", "NG": "Nigeria", "SY": "Syrië",
            "AF": "Afghanistan", "MA": "Marokko", "IQ": "Irak", "AL": "Albanië", "IN": "India", "DE": "Duitsland",
            "BE": "België", "FR": "Frankrijk", "IT": "Italië", "GB": "Verenigd Koninkrijk"}  # fmt: skip
_DATE_FIELDS = {"date", "since", "posted_at", "reported_at", "started_at"}
_ENTITY_ORDER = ["name", "birth_date", "bsn", "nationality", "gender", "v_number", "postcode", "house_number", "addition",
                 "street", "city", "kind", "number", "address", "plate", "country", "make", "model", "kvk", "sector",
                 "iban", "bank", "doc_type", "platform", "ad_id", "title", "posted_at", "signal_id", "phenomenon",
                 "reported_at", "region", "summary", "case_id", "started_at", "status"]  # fmt: skip
_LINK_ORDER = ["from", "to", "registered_at", "legal_basis", "role", "amount", "date", "description", "purpose",
               "nights", "direction", "since", "wage", "relation", "duration", "count", "kind", "weight", "position"]  # fmt: skip


@dataclass
class Delivery:
    id: str
    party: str
    basis: str
    delivered: dt.date
    extract: bool
    facts: list[Fact] = field(default_factory=list)


def _known(f: Fact) -> dt.date:
    d = f.registered
    for k in ("date", "since"):
        v = f.fields.get(k)
        if isinstance(v, dt.date) and v > d:
            d = v
    for e in (f.a, f.b):
        if isinstance(e, Ent):
            for k in ("started_at", "reported_at", "posted_at"):
                iso = e.fields.get(k)
                if iso and iso > d.isoformat():
                    d = dt.date.fromisoformat(iso)
    return d


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def plan(w: World, rng: random.Random) -> list[Delivery]:
    """Deliveries with their facts: periodic batches per party, plus extracts for
    investigations and inspections (in two parts when they span more than ten months)."""
    batches: dict[tuple[str, dt.date], Delivery] = {}
    extracts: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in w.facts:
        if f.extract and f.party in ("POL", "KMAR", "ISZW"):
            extracts[(f.party, f.extract)].append(f)
            continue
        months, basis, _ = SCHEDULE[f.party]
        k = _known(f)
        start = dt.date(2023, 1, 1)
        while _add_months(start, months) <= k:
            start = _add_months(start, months)
        key = (f.party, start)
        if key not in batches:
            end = _add_months(start, months) - dt.timedelta(days=1)
            lag = rng.randint(4, 25) if f.party != "OM" else rng.randint(20, 45)
            delivered = min(LAST_DELIVERY, end + dt.timedelta(days=lag))
            batches[key] = Delivery("", f.party, basis, delivered, False)
        batches[key].facts.append(f)
    out = [batches[k] for k in sorted(batches)]
    for (party, _x), facts in sorted(
        extracts.items(), key=lambda kv: (kv[0][0], min(map(_known, kv[1])), kv[0][1])
    ):
        facts.sort(key=_known)
        first, last = _known(facts[0]), _known(facts[-1])
        parts = [facts]
        if (last - first).days > 300 and len(facts) > 40:
            mid = first + (last - first) / 2
            parts = [[f for f in facts if _known(f) <= mid], [f for f in facts if _known(f) > mid]]
        for part in parts:
            if not part:
                continue
            delivered = min(LAST_DELIVERY, _known(part[-1]) + dt.timedelta(days=rng.randint(7, 45)))
            out.append(Delivery("", party, SCHEDULE[party][2], delivered, True, part))
    out.sort(key=lambda d: (d.delivered, d.party, len(d.facts)))
    counters: dict[str, int] = defaultdict(int)
    for d in out:
        counters[d.party] += 1
        d.id = f"{d.party}-{d.delivered:%Y-%m-%d}-{counters[d.party]:04d}"
    return out


# ---- rendering of values ------------------------------------------------------------------


class Style:
    """How one delivery writes values."""

    def __init__(self, party: str, extract: bool, rng: random.Random) -> None:
        self.party = party
        self.extract = extract
        self.rng = rng
        self.json = (party == "ISZW") or (party == "POL" and extract)
        self.number_style: str | None = {
            "POL": None if extract else "nl",
            "KMAR": "en",
            "IND": "nl",
        }.get(party)

    def date(self, d: dt.date) -> str:
        p, r = self.party, self.rng.random()
        if p == "POL":
            return (
                d.isoformat()
                if self.extract
                else (f"{d:%d-%m-%Y}" if r < 0.85 else f"{d.day}-{d.month}-{d.year}")
            )
        if p == "KMAR":
            return d.isoformat() if r < 0.8 else f"{d:%d/%m/%Y}"
        if p == "ISZW":
            return f"{d:%d.%m.%Y}"
        if p == "IND":
            return d.isoformat()
        return f"{d.day}-{d.month}-{d.year}"

    def amount(self, x: float) -> str | float:
        if self.json and self.party == "POL":
            return round(x, 2)
        whole, cents = divmod(round(x * 100), 100)
        if self.number_style == "en":
            return f"{whole:,}.{cents:02d}"
        grouped = f"{whole:,}".replace(",", ".")
        if self.party == "ISZW":
            return f"€ {grouped},{cents:02d}" if self.rng.random() < 0.5 else f"{whole},{cents:02d}"
        if cents == 0 and self.rng.random() < 0.3:
            return f"{grouped},-"
        return f"{grouped},{cents:02d}" if self.rng.random() < 0.6 else f"{whole},{cents:02d}"

    def phone(self, e164: str) -> str:
        r = self.rng.random()
        if not e164.startswith("+31"):
            return e164 if r < 0.6 else "00" + e164[1:]
        rest = e164[3:]
        mobile = rest.startswith("6")
        if self.party == "ISZW" and r < 0.3:
            return rest  # the spreadsheet dropped the leading zero
        if self.party == "KMAR":
            return e164
        if self.party == "IND":
            return "0031" + rest if r < 0.5 else "0" + rest
        if self.party == "OM":
            return f"+31 {rest[0]} {rest[1:]}" if mobile else "0" + rest
        if mobile:
            return f"06-{rest[1:]}" if r < 0.6 else f"06 {rest[1:5]} {rest[5:]}"
        return f"0{rest[:2]}-{rest[2:]}"

    def role(self, raw: str) -> str:
        code = codes.role(raw)
        if self.party in ("KMAR",) or (self.party == "POL" and self.extract):
            return code
        return _ROLE_NL[code] if self.rng.random() < 0.8 else code

    def country(self, cc: str) -> str:
        if self.party == "KMAR":
            return _A3.get(cc, cc)
        if self.party in ("IND", "OM"):
            return _NL_NAME.get(cc, cc)
        return cc

    def gender(self, g: str) -> str:
        if self.party in ("IND", "OM"):
            return {"M": "man", "F": "vrouw", "X": "onbekend"}[g]
        if self.party in ("POL", "ISZW"):
            return {"M": "M", "F": "V", "X": "X"}[g]
        return g

    def text(self, s: str) -> str:
        if self.party != "OM":
            return s
        try:
            s.encode("cp1252")
            return s
        except UnicodeEncodeError:
            plain = strip_accents(s)
            return plain.encode("cp1252", "ignore").decode("cp1252")


class Renderer:
    """Person rows as each party writes them, and the guard that no written identity key
    (BSN, or name with a birth date other than 1 January) joins two different persons."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.keys: dict[tuple[str, str], str] = {}

    def person(self, p: Person, st: Style) -> dict[str, str]:
        rng, party = self.rng, st.party
        row: dict[str, str] = {}
        name = self._name(p, party)
        dob: dt.date | None = p.dob
        placeholder = False
        if not p.dob_known:
            if party in ("IND", "KMAR"):
                if party == "IND" and rng.random() < 0.2:
                    dob = None  # registered as 00-00-jjjj: the export leaves such a date out
                else:
                    dob, placeholder = dt.date(p.dob.year, 1, 1), True
            elif party == "ISZW" or (party == "POL" and rng.random() < 0.5):
                dob = None
        if dob is not None and not placeholder:
            r = rng.random()
            if (party == "ISZW" and r < 0.3) or (party == "POL" and r < 0.08):
                dob = None
            elif r > 0.98 and dob.day <= 12 and dob.day != dob.month:
                dob = dt.date(dob.year, dob.day, dob.month)
        alias = False
        if p.alias and party == "POL" and rng.random() < 0.35:
            name, dob, alias = p.alias, None, True
        name = st.text(name)
        if dob is not None and not placeholder:
            key = (name_key(name), dob.isoformat())
            owner = self.keys.setdefault(key, p.key)
            if owner != p.key:
                dob = None
        row["name"] = name
        if dob is not None:
            row["birth_date"] = st.date(dob)
        share = {"POL": 0.6, "KMAR": 0.15, "ISZW": 0.75, "IND": 0.5, "OM": 0.95}[party]
        if p.bsn and not alias and rng.random() < share:
            row["bsn"] = f"{p.bsn[:4]}.{p.bsn[4:6]}.{p.bsn[6:]}" if party == "OM" else p.bsn
        if not alias and rng.random() < (0.9 if party in ("IND", "KMAR", "OM") else 0.5):
            row["nationality"] = st.country(p.nationality)
        if rng.random() < 0.8:
            row["gender"] = st.gender(p.gender)
        if p.v_number and (party == "IND" or (party in ("KMAR", "POL") and rng.random() < 0.25)):
            row["v_number"] = p.v_number
        return row

    def _name(self, p: Person, party: str) -> str:
        rng = self.rng
        given, middle, sur = p.given, p.middle, p.surname
        if party in ("POL", "IND", "ISZW") and rng.random() < (0.3 if party == "POL" else 0.15):
            given, middle, sur = (self._alt(x) for x in (given, middle, sur))
        native_first = p.origin in ("VN", "CN")
        r = rng.random()
        if party == "POL":
            mid = middle if (r < 0.25 or p.origin in ("VN", "ER", "ET")) else ""
            if native_first and rng.random() < 0.5:
                name = " ".join(x for x in (sur, mid, given) if x)
            elif r > 0.9:
                name = f"{sur}, " + " ".join(x for x in (given, mid) if x)
            else:
                name = " ".join(x for x in (given, mid, sur) if x)
        elif party in ("KMAR", "IND") and p.origin != "NL":
            rest = " ".join(x for x in (given, middle) if x)
            name = f"{sur.upper()} {rest}" if r < 0.55 else f"{sur} {rest}".upper()
        elif party == "ISZW":
            name = " ".join(x for x in (given, sur) if x)
            if rng.random() < 0.5:
                name = strip_accents(name)
        else:
            name = " ".join(x for x in (given, middle, sur) if x)
        if rng.random() < (0.06 if party == "ISZW" else 0.03):
            name = typo(name, rng)
        return name

    def _alt(self, token: str) -> str:
        if token in ALTERNATIVES and self.rng.random() < 0.7:
            return self.rng.choice(ALTERNATIVES[token])
        return token


def _entity_row(e: Ent, st: Style) -> dict[str, str]:
    rng = st.rng
    f = dict(e.fields)
    if e.kind == "Address":
        pc = f["postcode"]
        if rng.random() < 0.5:
            f["postcode"] = pc[:4] + " " + pc[4:]
        add = f.get("addition")
        if add and st.party in ("POL", "ISZW") and rng.random() < 0.6:
            sep = "" if len(add) == 1 else ("-" if add.startswith("I") else " ")
            f["house_number"] = (
                f["house_number"] + sep + (add.lower() if len(add) == 1 or add == "BIS" else add)
            )
            del f["addition"]
        f["street"] = st.text(f["street"])
    elif e.kind == "Phone":
        f["number"] = st.phone(f["number"])
    elif e.kind == "BankAccount":
        iban = f["iban"]
        r = rng.random()
        if r < 0.3:
            f["iban"] = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        elif r < 0.4:
            f["iban"] = iban.lower()
    elif e.kind == "Vehicle":
        if f["country"] == "NL":
            r = rng.random()
            if r < 0.3:
                f["plate"] = f["plate"].replace("-", "")
            elif r < 0.4:
                f["plate"] = f["plate"].lower()
        f["country"] = st.country(f["country"])
    elif e.kind == "IdentityDocument":
        if st.party in ("IND", "OM") or (st.party == "ISZW" and rng.random() < 0.5):
            f["doc_type"] = _DOC_NL[f["doc_type"]]
        f["country"] = st.country(f["country"])
    elif e.kind == "Signal":
        if st.party != "KMAR" and rng.random() < 0.6:
            f["phenomenon"] = _PHEN_NL[f["phenomenon"]]
    elif e.kind == "Investigation" and "phenomenon" in f:
        if st.party in ("OM", "ISZW") and rng.random() < 0.7:
            f["phenomenon"] = _PHEN_NL[f["phenomenon"]]
    elif e.kind == "Company":
        f["name"] = st.text(f["name"])
    elif e.kind == "BorderPost":
        f["country"] = st.country(f["country"])
    for k in list(f):
        if k in _DATE_FIELDS and f[k]:
            f[k] = st.date(dt.date.fromisoformat(f[k]))
    return f


# ---- writing ------------------------------------------------------------------------------


class Written:
    """What was written: per true person, its record refs; counts."""

    def __init__(self) -> None:
        self.records: dict[str, list[str]] = defaultdict(list)
        self.links = 0
        self.entity_rows = 0
        self.person_rows = 0
        self.per_party: dict[str, int] = defaultdict(int)


def _record_ids(party: str, n: int, rng: random.Random) -> list[str]:
    if party == "POL":
        nums = rng.sample(range(100000, 999999), n)
        return [f"P{x}" for x in nums]
    if party == "KMAR":
        return [f"{rng.getrandbits(48):012x}" for _ in range(n)]
    if party == "ISZW":
        start = rng.randrange(1000, 90000)
        ids = [f"ISZW-{start + i}" for i in range(n)]
        rng.shuffle(ids)
        return ids
    if party == "IND":
        return [f"{x:08d}" for x in rng.sample(range(10_000_000, 99_999_999), n)]
    return [f"OM{x:06d}" for x in rng.sample(range(1, 999_999), n)]


def write_delivery(
    d: Delivery, root: Path, rng: random.Random, renderer: Renderer, out: Written
) -> None:
    st = Style(d.party, d.extract, rng)
    ents: dict[int, Person | Ent] = {}
    for f in d.facts:
        ents.setdefault(id(f.a), f.a)
        ents.setdefault(id(f.b), f.b)
    rows: list[dict[str, Any]] = []
    ref_of: dict[int, list[str]] = {}
    ids = iter(_record_ids(d.party, len(ents) * 2 + len(d.facts) + 10, rng))
    dup_share = 0.05 if len(d.facts) >= 150 else 0.0
    for key, e in ents.items():
        copies = 2 if (isinstance(e, Person) and rng.random() < dup_share) else 1
        refs = []
        for _ in range(copies):
            rid = next(ids)
            if isinstance(e, Person):
                row: dict[str, Any] = renderer.person(e, st)
                out.records[e.key].append(f"{d.id}/{rid}")
                out.person_rows += 1
            else:
                row = _entity_row(e, st)
            rows.append({"record_id": rid, "type": e.kind, **row})
            refs.append(rid)
        ref_of[key] = refs
    links: list[dict[str, Any]] = []
    for f in d.facts:
        row = {
            "record_id": next(ids),
            "type": f.rel,
            "from": rng.choice(ref_of[id(f.a)]),
            "to": rng.choice(ref_of[id(f.b)]),
            "registered_at": st.date(f.registered),
        }
        basis = _row_basis(f, d, rng)
        if basis:
            row["legal_basis"] = basis
        for k, v in f.fields.items():
            if isinstance(v, dt.date):
                row[k] = st.date(v)
            elif k in ("amount", "wage"):
                row[k] = st.amount(float(v))
            elif k == "role":
                row[k] = st.role(str(v))
            elif k == "direction":
                row[k] = (
                    v
                    if st.party == "KMAR" or rng.random() < 0.5
                    else {"in": "inkomend", "out": "vertrek"}[v]
                )
            elif isinstance(v, int | float):
                row[k] = v if st.json else str(v)
            else:
                row[k] = st.text(str(v))
        links.append(row)
    rng.shuffle(rows)
    rng.shuffle(links)
    out.links += len(links)
    out.entity_rows += len(rows)
    out.per_party[d.party] += 1
    folder = root / d.id
    folder.mkdir(parents=True)
    files = _write_files(folder, d, st, rows, links)
    manifest: dict[str, Any] = {
        "delivery_id": d.id,
        "party": d.party,
        "legal_basis": d.basis,
        "delivered_at": f"{d.delivered.isoformat()}T{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}:00+01:00",
        "files": files,
    }
    if st.number_style:
        manifest["number_style"] = st.number_style
    (folder / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def _row_basis(f: Fact, d: Delivery, rng: random.Random) -> str | None:
    if d.party == "POL" and not d.extract:
        if f.rel == "INVOLVED_IN" and f.b.kind == "Investigation":
            return "WPG-9"
        if f.rel == "INVOLVED_IN" and rng.random() < 0.5:
            return "WPG-10"
        return "WPG-15" if rng.random() < 0.1 else None
    if (
        d.party == "KMAR"
        and not d.extract
        and f.rel == "INVOLVED_IN"
        and f.b.kind == "Investigation"
    ):
        return "WPG-9"
    if d.party == "ISZW" and f.rel == "INVOLVED_IN" and f.b.kind == "Investigation":
        return "WPG-9"
    if d.party == "OM" and rng.random() < 0.2:
        return "WJSG-39F-1A"
    return None


def _write_files(
    folder: Path, d: Delivery, st: Style, rows: list[dict[str, Any]], links: list[dict[str, Any]]
) -> list[dict[str, str]]:
    p = d.party
    if p == "POL" and d.extract:
        (folder / "dossier").mkdir()
        _jsonl(folder / "dossier" / "entiteiten.jsonl", rows)
        _jsonl(folder / "dossier" / "relaties.jsonl", links)
        return [
            {"path": "dossier/entiteiten.jsonl", "kind": "entities"},
            {"path": "dossier/relaties.jsonl", "kind": "links"},
        ]
    if p == "ISZW":
        _jsonl(folder / "entities.jsonl", rows)
        _jsonl(folder / "links.jsonl", links)
        return [
            {"path": "entities.jsonl", "kind": "entities", "encoding": "utf-8"},
            {"path": "links.jsonl", "kind": "links"},
        ]
    if p == "POL":
        _csv(folder / "entities.csv", rows, ";", "utf-8", _ENTITY_ORDER)
        _csv(folder / "links.csv", links, ";", "utf-8", _LINK_ORDER)
        return [
            {"path": "entities.csv", "kind": "entities"},
            {"path": "links.csv", "kind": "links"},
        ]
    if p == "KMAR":
        _csv(folder / "objecten.csv", rows, ",", "utf-8", _ENTITY_ORDER)
        _csv(folder / "koppelingen.csv", links, ",", "utf-8", _LINK_ORDER)
        return [
            {"path": "objecten.csv", "kind": "entities"},
            {"path": "koppelingen.csv", "kind": "links"},
        ]
    if p == "IND":
        persons = [r for r in rows if r["type"] == "Person"]
        others = [r for r in rows if r["type"] != "Person"]
        files = []
        if persons:
            _csv(folder / "personen.csv", persons, ";", "utf-8-sig", _ENTITY_ORDER)
            files.append({"path": "personen.csv", "kind": "entities", "encoding": "utf-8-sig"})
        if others:
            _csv(folder / "objecten.csv", others, ";", "utf-8-sig", _ENTITY_ORDER)
            files.append({"path": "objecten.csv", "kind": "entities", "encoding": "utf-8-sig"})
        _csv(folder / "relaties.csv", links, ";", "utf-8-sig", _LINK_ORDER)
        files.append({"path": "relaties.csv", "kind": "links", "encoding": "utf-8-sig"})
        return files
    _csv(folder / "zaken.csv", rows, ";", "cp1252", _ENTITY_ORDER)
    _csv(folder / "relaties.csv", links, ";", "cp1252", _LINK_ORDER)
    return [
        {"path": "zaken.csv", "kind": "entities", "encoding": "cp1252"},
        {"path": "relaties.csv", "kind": "links", "encoding": "cp1252"},
    ]


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def _csv(path: Path, rows: list[dict[str, Any]], sep: str, encoding: str, order: list[str]) -> None:
    present = {k for r in rows for k in r}
    cols = ["record_id", "type"] + [c for c in order if c in present]
    extra = sorted(present - set(cols))
    if extra:
        raise RuntimeError(f"unordered columns: {extra}")
    buf = io.StringIO()
    wr = csv.writer(buf, delimiter=sep, lineterminator="\r\n" if encoding == "cp1252" else "\n")
    wr.writerow(cols)
    for r in rows:
        wr.writerow(["" if r.get(c) is None else str(r.get(c, "")) for c in cols])
    path.write_bytes(buf.getvalue().encode(encoding))
