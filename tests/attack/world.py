"""The attack fixture: deliveries from all five parties with a unique marker in every value.

Written from ``docs/delivery-format.md`` alone. Every record carries values that occur nowhere
else (a per-world random tag in every name, street, city, document number; random valid BSNs,
phone numbers, IBANs, plates), so a leak is found by a plain, case-insensitive string search in
whatever an entry point returns or writes.

The module also holds the *model* of the fixture: which record states which marker, which entity
each record describes, which facts link which entities with which party and legal basis. From
the model and a principal's scope (legal bases, isolated parties, restricted and erased
subjects) :class:`Model` computes what that principal may see, following the rules of
``docs/provenance.md`` ("The two filters"): a record is visible when its party and legal basis
pass; an entity when one of its records is visible (and it is not restricted or erased); a fact
when it passes and both its ends are visible.

All personal data here is fictional.
"""

from __future__ import annotations

import csv
import json
import random
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ALL_BASES = frozenset(
    {"WPG-9", "WPG-10", "WPG-13-2", "WPG-15", "AVG-6-VW-107-4", "WJSG-39F-1A", "WJSG-15-39G"}
)
OM_BASES = frozenset({"WJSG-39F-1A", "WJSG-15-39G"})


# -- valid identifiers (docs/delivery-format.md, "Values") -------------------------------------


def bsn(rng: random.Random) -> str:
    """A random 9-digit number that passes the 11-proof."""
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        d[0] = rng.randint(1, 9)
        total = sum(x * w for x, w in zip(d, range(9, 1, -1), strict=True))
        last = total % 11
        if last <= 9:
            return "".join(map(str, d)) + str(last)


def mobile(rng: random.Random) -> str:
    """A Dutch mobile number, written as a party would (``06-12345678``)."""
    return "06-" + "".join(str(rng.randint(0, 9)) for _ in range(8))


def iban(rng: random.Random) -> str:
    """A Dutch IBAN with a valid mod-97 checksum."""
    bank = "ABNA"
    account = "".join(str(rng.randint(0, 9)) for _ in range(10))
    digits = "".join(str(int(c, 36)) for c in bank + account + "NL00")
    check = 98 - int(digits) % 97
    return f"NL{check:02d}{bank}{account}"


def plate(rng: random.Random) -> str:
    """A side-code-1 Dutch plate (XX-99-99)."""
    letters = "".join(rng.choice("BDFGHJKLNPRSTVXZ") for _ in range(2))
    return f"{letters}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"


def postcode(rng: random.Random) -> str:
    return (
        f"{rng.randint(1000, 9999)} {rng.choice('BDFGHJKLNPRTVXZ')}{rng.choice('BDFGHJKLNPRTVXZ')}"
    )


# -- the model ---------------------------------------------------------------------------------


@dataclass
class Rec:
    """One entity row of one delivery."""

    rid: str  # record_id within the delivery
    entity: str  # the model's name for the entity node it becomes part of
    label: str
    values: dict[str, Any]
    markers: list[str]  # strings only this record (or records of the same entity value) states
    party: str = ""
    basis: str = ""
    delivery: str = ""
    quarantined: bool = False  # a bad row: never loaded, only in the quarantine file

    @property
    def source_ref(self) -> str:
        return f"{self.delivery}/{self.rid}"


@dataclass
class Fact:
    rid: str
    type: str
    src: str  # record_id in the same delivery
    dst: str
    registered_at: str
    props: dict[str, Any] = field(default_factory=dict)
    basis: str | None = None  # overrides the manifest
    markers: list[str] = field(default_factory=list)
    party: str = ""
    delivery: str = ""
    src_entity: str = ""
    dst_entity: str = ""

    @property
    def effective_basis(self) -> str:
        return self.basis or ""

    @property
    def source_ref(self) -> str:
        return f"{self.delivery}/{self.rid}"


@dataclass
class Delivery:
    delivery_id: str
    party: str
    basis: str
    delivered_at: str
    fmt: str  # "csv" or "jsonl"
    records: list[Rec]
    facts: list[Fact]

    def write(self, root: Path) -> Path:
        folder = root / self.delivery_id
        folder.mkdir(parents=True, exist_ok=True)
        ents = [{"record_id": r.rid, "type": r.label, **r.values} for r in self.records]
        links = []
        for f in self.facts:
            row: dict[str, Any] = {
                "record_id": f.rid,
                "type": f.type,
                "from": f.src,
                "to": f.dst,
                "registered_at": f.registered_at,
                **f.props,
            }
            if f.basis:
                row["legal_basis"] = f.basis
            links.append(row)
        files = []
        for kind, rows in (("entities", ents), ("links", links)):
            if not rows:  # the format refuses a 0-byte file: a delivery lists only what it has
                continue
            name = f"{kind}.{self.fmt}"
            files.append({"path": name, "kind": kind})
            path = folder / name
            if self.fmt == "jsonl":
                path.write_text(
                    "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
                )
            else:
                cols: list[str] = []
                for r in rows:
                    cols += [c for c in r if c not in cols]
                with path.open("w", newline="", encoding="utf-8") as fh:
                    w = csv.DictWriter(fh, fieldnames=cols)
                    w.writeheader()
                    w.writerows(rows)
        manifest = {
            "delivery_id": self.delivery_id,
            "party": self.party,
            "legal_basis": self.basis,
            "delivered_at": self.delivered_at,
            "files": files,
        }
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), "utf-8")
        return folder


def _finish(d: Delivery) -> Delivery:
    by_rid = {r.rid: r for r in d.records}
    for r in d.records:
        r.party, r.basis, r.delivery = d.party, d.basis, d.delivery_id
    for f in d.facts:
        f.party, f.delivery = d.party, d.delivery_id
        f.basis = f.basis or d.basis
        f.src_entity, f.dst_entity = by_rid[f.src].entity, by_rid[f.dst].entity
    return d


@dataclass(frozen=True)
class Scope:
    """What one principal may read (docs/provenance.md, policy.yaml)."""

    bases: frozenset[str]
    isolated: frozenset[str] = frozenset()
    hidden_entities: frozenset[str] = frozenset()  # restricted or erased subjects (model names)
    removed_parties: frozenset[str] = frozenset()


@dataclass
class World:
    """The deliveries, the model, and the identifiers every test searches for."""

    tag: str
    deliveries: list[Delivery]
    ids: dict[str, str]  # named raw values (BSNs, names, numbers) the tests use as inputs

    @property
    def records(self) -> list[Rec]:
        return [r for d in self.deliveries for r in d.records]

    @property
    def facts(self) -> list[Fact]:
        return [f for d in self.deliveries for f in d.facts]

    def write(self, root: Path) -> Path:
        for d in self.deliveries:
            d.write(root)
        return root

    def delivery(self, party: str) -> Delivery:
        return next(d for d in self.deliveries if d.party == party)

    # -- visibility ------------------------------------------------------------------------

    def record_visible(self, r: Rec, s: Scope) -> bool:
        return (
            not r.quarantined
            and r.party not in s.isolated
            and r.party not in s.removed_parties
            and r.basis in s.bases
            and r.entity not in s.hidden_entities
        )

    def visible_entities(self, s: Scope) -> set[str]:
        return {r.entity for r in self.records if self.record_visible(r, s)}

    def visible_facts(self, s: Scope) -> list[Fact]:
        ents = self.visible_entities(s)
        return [
            f
            for f in self.facts
            if f.party not in s.isolated
            and f.party not in s.removed_parties
            and f.effective_basis in s.bases
            and f.src_entity in ents
            and f.dst_entity in ents
        ]

    def entity_label(self, entity: str) -> str:
        return next(r.label for r in self.records if r.entity == entity)

    def node_counts(self, s: Scope) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.visible_entities(s):
            lab = self.entity_label(e)
            out[lab] = out.get(lab, 0) + 1
        return out

    def edge_counts(self, s: Scope) -> dict[tuple[str, str, str], int]:
        out: dict[tuple[str, str, str], int] = {}
        for f in self.visible_facts(s):
            k = (f.type, f.party, f.effective_basis)
            out[k] = out.get(k, 0) + 1
        return out

    def forbidden_markers(self, s: Scope) -> set[str]:
        """Every marker no record or fact visible in ``s`` states."""
        seen: set[str] = set()
        for r in self.records:
            if self.record_visible(r, s):
                seen.update(m.lower() for m in r.markers)
        for f in self.visible_facts(s):
            seen.update(m.lower() for m in f.markers)
        every: set[str] = set()
        for r in self.records:
            every.update(m.lower() for m in r.markers)
        for f in self.facts:
            every.update(m.lower() for m in f.markers)
        return every - seen

    def forbidden_refs(self, s: Scope) -> set[str]:
        """source_refs of records and facts the scope may not see (delivery ids included when
        nothing of a delivery is visible)."""
        vis_recs = {r.source_ref for r in self.records if self.record_visible(r, s)}
        vis_facts = {f.source_ref for f in self.visible_facts(s)}
        out = {r.source_ref for r in self.records if r.source_ref not in vis_recs}
        out |= {f.source_ref for f in self.facts if f.source_ref not in vis_facts}
        for d in self.deliveries:
            refs = {r.source_ref for r in d.records} | {f.source_ref for f in d.facts}
            if not refs & (vis_recs | vis_facts):
                out.add(d.delivery_id)
        return {x.lower() for x in out}

    def markers_of(self, *entities: str) -> set[str]:
        return {m.lower() for r in self.records if r.entity in entities for m in r.markers}

    def markers_of_party(self, party: str) -> set[str]:
        out = {m.lower() for r in self.records if r.party == party for m in r.markers}
        out |= {m.lower() for f in self.facts if f.party == party for m in f.markers}
        return out


def _tag(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(6))


def _date_markers(iso: str) -> list[str]:
    y, m, d = iso.split("-")
    return [iso, f"{d}-{m}-{y}"]


def build(seed: int) -> World:
    """The fixture for one world; ``seed`` makes every value (tests pass a fixed one)."""
    rng = random.Random(seed)
    t = _tag(rng)
    T = t.capitalize()

    def name(first: str, word: str) -> tuple[str, str]:
        token = f"{word}{t}"
        return f"{first} {token.capitalize()}", token

    ids: dict[str, str] = {"tag": t}

    # -- POL: name + BSN of the shared person; restricted person; pair member; phone, address --
    shared_name, shared_tok = name("Ansel", "polsh")
    shared_bsn = bsn(rng)
    restr_name, restr_tok = name("Rita", "restr")
    restr_bsn, restr_birth = (
        bsn(rng),
        f"19{rng.randint(50, 89)}-0{rng.randint(2, 9)}-1{rng.randint(1, 9)}",
    )
    pair_a_name, pair_a_tok = name("Sanne", "paira")
    mix_name, mix_tok = name("Mila", "mixpol")
    ph_pol, ph_restr = mobile(rng), mobile(rng)
    pc = postcode(rng)
    hn = str(rng.randint(2, 400))
    street_tok, city_tok = f"Polstraat{t}", f"Polstad{t}"
    sig_pol_id, sig_pol_sum = f"SIGPOL{T}", f"Polsamenvatting{t}"
    pol = Delivery(
        f"POL-2025-06-01-{t}",
        "POL",
        "WPG-10",
        "2025-06-01T10:00:00+02:00",
        "csv",
        [
            Rec(
                "P1",
                "p_shared",
                "Person",
                {"name": shared_name, "bsn": shared_bsn},
                [shared_tok, shared_bsn],
            ),
            Rec(
                "P2",
                "p_restr",
                "Person",
                {"name": restr_name, "bsn": restr_bsn, "birth_date": restr_birth},
                [restr_tok, restr_bsn, *_date_markers(restr_birth)],
            ),
            Rec(
                "P3",
                "p_pair_a",
                "Person",
                {"name": pair_a_name, "birth_date": "01-01-1980"},
                [pair_a_tok],
            ),
            Rec("P4", "p_mix", "Person", {"name": mix_name, "birth_date": "01-01-1991"}, [mix_tok]),
            Rec("T1", "ph_pol", "Phone", {"number": ph_pol}, [ph_pol[-8:]]),
            Rec("T2", "ph_restr", "Phone", {"number": ph_restr}, [ph_restr[-8:]]),
            Rec(
                "A1",
                "addr_shared",
                "Address",
                {"postcode": pc, "house_number": hn, "street": street_tok, "city": city_tok},
                [street_tok, city_tok],
            ),
            Rec(
                "S1",
                "sig_pol",
                "Signal",
                {
                    "signal_id": sig_pol_id,
                    "phenomenon": "labour",
                    "reported_at": "2025-03-01",
                    "region": "Utrecht",
                    "sector": "agrarisch",
                    "summary": sig_pol_sum,
                },
                [sig_pol_id, sig_pol_sum],
            ),
        ],
        [
            Fact("L1", "USES_PHONE", "P1", "T1", "2025-01-05"),
            Fact("L2", "LIVES_AT", "P1", "A1", "2025-01-06", basis="WPG-9"),
            Fact(
                "L3", "INVOLVED_IN", "P1", "S1", "2025-01-07", {"role": "suspect"}, basis="WPG-15"
            ),
            Fact(
                "L4", "INVOLVED_IN", "P3", "S1", "2025-01-08", {"role": "victim"}, basis="WPG-13-2"
            ),
            Fact("L5", "USES_PHONE", "P2", "T2", "2025-01-09"),
            Fact("L6", "INVOLVED_IN", "P2", "S1", "2025-01-10", {"role": "witness"}),
            Fact("L7", "ASSOCIATE_OF", "P4", "P1", "2025-01-11"),
            Fact(
                "L8", "MET", "P3", "P1", "2025-01-12", {"date": "2025-01-02", "kind": "ontmoeting"}
            ),
        ],
    )
    ids |= {
        "shared_name": shared_name,
        "shared_bsn": shared_bsn,
        "restr_name": restr_name,
        "restr_bsn": restr_bsn,
        "restr_birth": restr_birth,
        "pair_a_name": pair_a_name,
        "mix_name": mix_name,
        "ph_pol": ph_pol,
        "ph_restr": ph_restr,
        "street": street_tok,
        "postcode": pc,
        "house_number": hn,
    }

    # -- OM: the shared person's OM-only attributes; an OM-only person; an investigation -------
    om_alias_tok = f"omnaam{t}"
    om_shared_name = f"Ansel {shared_tok.capitalize()} {om_alias_tok.capitalize()}"
    om_birth = f"19{rng.randint(40, 49)}-1{rng.randint(0, 2)}-2{rng.randint(1, 8)}"
    om_name, om_tok = name("Otto", "omonly")
    om_bsn = bsn(rng)
    om_birth2 = f"19{rng.randint(30, 39)}-0{rng.randint(1, 9)}-0{rng.randint(2, 9)}"
    ph_om = mobile(rng)
    case_id, case_name = f"OMCASE{T}", f"Operatie Omzaak{t}"
    om = Delivery(
        f"OM-2025-06-03-{t}",
        "OM",
        "WJSG-15-39G",
        "2025-06-03T10:00:00+02:00",
        "jsonl",
        [
            Rec(
                "P",
                "p_shared",
                "Person",
                {
                    "name": om_shared_name,
                    "bsn": shared_bsn,
                    "birth_date": om_birth,
                    "nationality": "TV",
                    "gender": "F",
                },
                [om_alias_tok, *_date_markers(om_birth)],
            ),
            Rec(
                "Q",
                "p_om",
                "Person",
                {"name": om_name, "bsn": om_bsn, "birth_date": om_birth2},
                [om_tok, om_bsn, *_date_markers(om_birth2)],
            ),
            Rec("T", "ph_om", "Phone", {"number": ph_om}, [ph_om[-8:]]),
            Rec("U", "ph_pol", "Phone", {"number": ph_pol}, []),  # OM also knows POL's phone
            Rec(
                "I",
                "inv_om",
                "Investigation",
                {
                    "case_id": case_id,
                    "name": case_name,
                    "phenomenon": "labour",
                    "started_at": "2025-02-01",
                    "status": "lopend",
                },
                [case_id, case_name.split()[-1]],
            ),
        ],
        [
            Fact("F1", "INVOLVED_IN", "Q", "I", "2025-02-02", {"role": "suspect"}),
            Fact(
                "F2",
                "INVOLVED_IN",
                "P",
                "I",
                "2025-02-03",
                {"role": "involved"},
                basis="WJSG-39F-1A",
            ),
            Fact("F3", "USES_PHONE", "Q", "T", "2025-02-04", basis="WJSG-39F-1A"),
            Fact("F4", "USES_PHONE", "Q", "U", "2025-02-05"),
            Fact("F5", "ASSOCIATE_OF", "Q", "P", "2025-02-06"),
        ],
    )
    ids |= {
        "om_name": om_name,
        "om_bsn": om_bsn,
        "om_birth": om_birth,
        "om_alias": om_alias_tok,
        "ph_om": ph_om,
        "case_id": case_id,
    }

    # -- IND: an IND-only person with a passport and address; IND's record of the shared person -
    ind_name, ind_tok = name("Ida", "indonly")
    ind_v = "".join(str(rng.randint(0, 9)) for _ in range(10))
    shared_v = "".join(str(rng.randint(0, 9)) for _ in range(10))
    ind_doc = f"INDDOC{T}".upper()
    ind_street, ind_city = f"Indweg{t}", f"Indstad{t}"
    ind_pc = postcode(rng)
    sig_ind_id, sig_ind_sum = f"SIGIND{T}", f"Indsamenvatting{t}"
    ind_birth = f"19{rng.randint(90, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    ind = Delivery(
        f"IND-2025-06-04-{t}",
        "IND",
        "AVG-6-VW-107-4",
        "2025-06-04T10:00:00+02:00",
        "csv",
        [
            Rec(
                "R1",
                "p_ind",
                "Person",
                {"name": ind_name, "v_number": ind_v, "birth_date": ind_birth, "nationality": "NR"},
                [ind_tok, ind_v, *_date_markers(ind_birth)],
            ),
            Rec(
                "R2",
                "p_shared",
                "Person",
                {"name": shared_name, "bsn": shared_bsn, "v_number": shared_v},
                [shared_v],
            ),
            Rec(
                "R3",
                "doc_ind",
                "IdentityDocument",
                {"doc_type": "passport", "number": ind_doc, "country": "NR"},
                [ind_doc],
            ),
            Rec(
                "R4",
                "addr_ind",
                "Address",
                {"postcode": ind_pc, "house_number": "7", "street": ind_street, "city": ind_city},
                [ind_street, ind_city],
            ),
            Rec(  # an invalid BSN (fails the 11-proof): quarantined with the raw row
                "R9",
                "p_indq",
                "Person",
                {"name": f"Ida Indquarantaine{t}", "bsn": "123456789"},
                [f"indquarantaine{t}"],
                quarantined=True,
            ),
            Rec(
                "R5",
                "sig_ind",
                "Signal",
                {
                    "signal_id": sig_ind_id,
                    "phenomenon": "smuggling",
                    "reported_at": "2025-04-01",
                    "summary": sig_ind_sum,
                },
                [sig_ind_id, sig_ind_sum],
            ),
        ],
        [
            Fact("K1", "HAS_DOCUMENT", "R1", "R3", "2025-04-02"),
            Fact("K2", "LIVES_AT", "R1", "R4", "2025-04-03"),
            Fact("K3", "INVOLVED_IN", "R1", "R5", "2025-04-04", {"role": "victim"}),
            Fact("K4", "INVOLVED_IN", "R2", "R5", "2025-04-05", {"role": "involved"}),
        ],
    )
    ids |= {"ind_name": ind_name, "ind_v": ind_v, "shared_v": shared_v, "ind_doc": ind_doc}

    # -- KMAR: a person with a vehicle at a border post; KMAR's own name of the shared person ---
    kmar_name, kmar_tok = name("Karel", "kmariso")
    kmar_bsn = bsn(rng)
    kmar_plate = plate(rng)
    kmar_post = f"Kmarpost{t}"
    kmar_variant = f"kmarvariant{t}"
    sig_k_id, sig_k_sum = f"SIGKMAR{T}", f"Kmarsamenvatting{t}"
    kmar = Delivery(
        f"KMAR-2025-06-05-{t}",
        "KMAR",
        "WPG-10",
        "2025-06-05T10:00:00+02:00",
        "jsonl",
        [
            Rec(
                "M1", "p_kmar", "Person", {"name": kmar_name, "bsn": kmar_bsn}, [kmar_tok, kmar_bsn]
            ),
            Rec(
                "M2",
                "p_shared",
                "Person",
                {"name": f"A. {kmar_variant.capitalize()}", "bsn": shared_bsn},
                [kmar_variant],
            ),
            Rec(
                "M3",
                "veh_kmar",
                "Vehicle",
                {"plate": kmar_plate, "make": f"Kmarmerk{t}"},
                [kmar_plate, f"Kmarmerk{t}"],
            ),
            Rec("M4", "bp_kmar", "BorderPost", {"name": kmar_post, "country": "NL"}, [kmar_post]),
            Rec(
                "M5",
                "sig_kmar",
                "Signal",
                {
                    "signal_id": sig_k_id,
                    "phenomenon": "smuggling",
                    "reported_at": "2025-05-01",
                    "summary": sig_k_sum,
                },
                [sig_k_id, sig_k_sum],
            ),
        ],
        [
            Fact("N1", "OWNS_VEHICLE", "M1", "M3", "2025-05-02", basis="WPG-9"),
            Fact(
                "N2",
                "CROSSED_BORDER",
                "M1",
                "M4",
                "2025-05-03",
                {"date": "2025-05-03", "direction": "in"},
            ),
            Fact(
                "N3",
                "CROSSED_BORDER",
                "M3",
                "M4",
                "2025-05-03",
                {"date": "2025-05-03", "direction": "in"},
            ),
            Fact("N4", "INVOLVED_IN", "M1", "M5", "2025-05-04", {"role": "suspect"}),
            Fact(
                "N5",
                "TRAVELLED_WITH",
                "M1",
                "M2",
                "2025-05-05",
                {"date": "2025-05-03"},
                basis="WPG-15",
            ),
        ],
    )
    ids |= {"kmar_name": kmar_name, "kmar_bsn": kmar_bsn, "kmar_plate": kmar_plate}

    # -- ISZW: the subject to erase (phone, account only theirs), employer, pair member ---------
    er_name, er_tok = name("Erik", "erased")
    er_bsn = bsn(rng)
    er_birth = f"19{rng.randint(60, 69)}-1{rng.randint(0, 2)}-1{rng.randint(0, 9)}"
    ph_er, iban_er = mobile(rng), iban(rng)
    pair_b_name, pair_b_tok = name("Sanne", "pairb")
    co_name = f"Iszwbedrijf{t} B.V."
    co_kvk = "".join(str(rng.randint(0, 9)) for _ in range(8))
    sig_i_id, sig_i_sum = f"SIGISZW{T}", f"Iszwsamenvatting{t}"
    iszw = Delivery(
        f"ISZW-2025-06-06-{t}",
        "ISZW",
        "WPG-9",
        "2025-06-06T10:00:00+02:00",
        "csv",
        [
            Rec(
                "E1",
                "p_erase",
                "Person",
                {"name": er_name, "bsn": er_bsn, "birth_date": er_birth},
                [er_tok, er_bsn, *_date_markers(er_birth)],
            ),
            Rec("E2", "ph_erase", "Phone", {"number": ph_er}, [ph_er[-8:]]),
            Rec(
                "E3",
                "ba_erase",
                "BankAccount",
                {"iban": iban_er, "bank": f"Erasebank{t}"},
                [iban_er[-10:], f"Erasebank{t}"],
            ),
            Rec(
                "E4",
                "co_iszw",
                "Company",
                {"name": co_name, "kvk": co_kvk, "sector": "agrarisch"},
                [f"Iszwbedrijf{t}", co_kvk],
            ),
            Rec(
                "E5",
                "p_pair_b",
                "Person",
                {"name": pair_b_name, "birth_date": "01-01-1980"},
                [pair_b_tok],
            ),
            Rec(
                "E6",
                "addr_shared",
                "Address",
                {"postcode": pc, "house_number": hn, "street": street_tok, "city": city_tok},
                [],
            ),
            Rec(
                "E7",
                "sig_iszw",
                "Signal",
                {
                    "signal_id": sig_i_id,
                    "phenomenon": "labour",
                    "reported_at": "2025-05-10",
                    "sector": "agrarisch",
                    "summary": sig_i_sum,
                },
                [sig_i_id, sig_i_sum],
            ),
        ],
        [
            Fact("J1", "USES_PHONE", "E1", "E2", "2025-05-11"),
            Fact("J2", "HOLDS_ACCOUNT", "E1", "E3", "2025-05-12"),
            Fact("J3", "EMPLOYED_BY", "E1", "E4", "2025-05-13", {"since": "2024-01-01"}),
            Fact(
                "J4",
                "EMPLOYED_BY",
                "E5",
                "E4",
                "2025-05-14",
                {"since": "2024-02-01"},
                basis="WPG-10",
            ),
            Fact("J5", "INVOLVED_IN", "E1", "E7", "2025-05-15", {"role": "victim"}),
            Fact("J6", "INVOLVED_IN", "E5", "E7", "2025-05-16", {"role": "victim"}),
            Fact("J7", "LIVES_AT", "E1", "E6", "2025-05-17"),
        ],
    )
    ids |= {
        "er_name": er_name,
        "er_bsn": er_bsn,
        "er_birth": er_birth,
        "ph_er": ph_er,
        "iban_er": iban_er,
        "pair_b_name": pair_b_name,
    }

    return World(t, [_finish(d) for d in (pol, om, ind, kmar, iszw)], ids)


def redelivery_of_erased(w: World, delivery_id: str, *, with_bsn: bool) -> Delivery:
    """A later ISZW delivery of the erased subject's records (with or without their BSN)."""
    vals: dict[str, Any] = {"name": w.ids["er_name"], "birth_date": w.ids["er_birth"]}
    if with_bsn:
        vals["bsn"] = w.ids["er_bsn"]
    return _finish(
        Delivery(
            delivery_id,
            "ISZW",
            "WPG-9",
            "2025-07-01T10:00:00+02:00",
            "csv",
            [
                Rec("X1", "p_erase", "Person", vals, []),
                Rec("X2", "ph_erase", "Phone", {"number": w.ids["ph_er"]}, []),
            ],
            [Fact("Y1", "USES_PHONE", "X1", "X2", "2025-06-30")],
        )
    )


def redelivery_of_restricted(w: World, delivery_id: str) -> Delivery:
    """A later POL record of the restricted subject without BSN (name + date of birth)."""
    return _finish(
        Delivery(
            delivery_id,
            "POL",
            "WPG-10",
            "2025-07-02T10:00:00+02:00",
            "jsonl",
            [
                Rec(
                    "Z1",
                    "p_restr",
                    "Person",
                    {"name": w.ids["restr_name"], "birth_date": w.ids["restr_birth"]},
                    [],
                )
            ],
            [],
        )
    )


def scan(text: str, forbidden: Iterable[str]) -> list[str]:
    """The forbidden markers that occur in ``text`` (case-insensitive)."""
    low = text.lower()
    return sorted(m for m in forbidden if m and m in low)
