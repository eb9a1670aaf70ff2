"""Rights of the data subject (covenant art. 9, 10); a party's exit is :mod:`emm.retention.parties`.

Internal: called by :class:`emm.access.privacy.GuardedPrivacy`, which checks the role and
writes the audit entry; nothing here checks who asks.

A data subject is every Person entity that is them: found by BSN or by name and date of birth
in any record, plus every entity a confirmed same-person judgement joins to those. Every
request is recorded as a ``SubjectRequest`` (id, kind, internal ids, who handled it, when,
outcome, refusal grounds, parties coordinated with per art. 10.4) without the subject's name.

* **Erasure lasts**: the keyed hashes of the subject's identity keys (:mod:`emm.retention.keys`)
  stay as tombstones, so a re-delivery of their records is quarantined with the request id;
  the erased values themselves are gone from the graph, the quarantine files and the derived
  analysis runs.
* **Restriction follows the person**: the same hashes mark new records of them restricted.
* **Rectification** updates the value in every record of the subject, with its caption and
  search text, so the subject is found by the new value only.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from emm import values
from emm.errors import EmmError
from emm.graph.model import RECORD_META
from emm.graph.resolver import Resolver
from emm.graph.schema import ENTITY_TYPES, PARTIES, uid_label
from emm.graph.store import GraphStore
from emm.ingest.mapping import describe, identity_keys
from emm.products.register import ProductRegister
from emm.retention import cypher
from emm.retention.engine import (
    RemovalCounts,
    forget_derived,
    remove,
    remove_all,
    withdraw_products,
    write_report,
)
from emm.retention.keys import SubjectKeys
from emm.values import NORMALISERS, InvalidValue

# Statutory grounds on which a request may be refused in whole or in part (art. 10.1).
REFUSAL_GROUNDS = {
    "WPG-27": "Wpg art. 27: in the interest of the investigation, of state security, of the "
    "protection of the data subject or the rights of others",
    "UAVG-41": "UAVG art. 41: restriction of the rights for important public interests "
    "(prevention and detection of criminal offences)",
    "WJSG-39L": "Wjsg art. 39l: refusal for criminal-procedure data in the interest of "
    "the investigation or prosecution",
}
REQUEST_KINDS = ("access", "rectify", "erase", "restrict", "lift_restriction")


class SubjectError(EmmError, ValueError):
    """A request that cannot be carried out as asked (nobody found, unknown field, ...)."""


@dataclass(frozen=True)
class Outcome:
    request_id: str
    kind: str
    status: str  # done, refused, partly_refused
    detail: dict[str, Any]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def same_name(asked: str, stored: str) -> bool:
    """Names that denote the same person for a request: equal when folded, or the same last
    name with the same first initial ("Jan de Vries" and "J. de Vries").

    >>> same_name("Jan de Vries", "J. de Vries"), same_name("Jan de Vries", "Piet de Vries")
    (True, False)
    """
    a, b = values.name.name_key(asked).split(), values.name.name_key(stored).split()
    if a == b:
        return True
    return bool(a and b) and a[-1] == b[-1] and a[0][0] == b[0][0]


def locate(
    store: GraphStore,
    resolver: Resolver,
    *,
    bsn: str | None = None,
    name: str | None = None,
    birth_date: str | None = None,
) -> list[str]:
    """The uids of every Person entity that is this data subject: a record with the BSN, or
    with the name and date of birth, and everything confirmed judgements join to those."""
    if not bsn and not (name and birth_date):
        raise SubjectError("identify the data subject by BSN, or by name and date of birth")
    found: list[str] = []
    try:
        if bsn:
            value = values.bsn.normalise(bsn)
            found += [r["uid"] for r in store.read(cypher.PERSONS_WITH_BSN, bsn=value)]
        if name and birth_date:
            dob = values.date.normalise(birth_date)
            for row in store.read(cypher.PERSONS_BORN, birth_date=dob):
                if row["name"] and same_name(name, str(row["name"])):
                    found.append(row["uid"])
    except InvalidValue as exc:
        raise SubjectError(str(exc)) from None
    return resolver.expand(dict.fromkeys(found))


def person_records(store: GraphStore, uid: str) -> list[dict[str, Any]]:
    """Every record of one person entity with its provenance (nothing filtered)."""
    return store.read(cypher.PERSON_RECORDS, uid=uid)


def _keys_of(store: GraphStore, uids: list[str]) -> set[str]:
    keys: set[str] = set()
    for uid in uids:
        for row in person_records(store, uid):
            keys.update(identity_keys("Person", row["r"]))
    return keys


def _record(
    store: GraphStore,
    kind: str,
    uids: list[str],
    by: str,
    status: str,
    detail: dict[str, Any],
) -> Outcome:
    rid = f"SR-{datetime.now(UTC):%Y%m%d}-{uuid.uuid4().hex[:8]}"
    store.write(
        cypher.RECORD_REQUEST,
        request_id=rid,
        props={
            "kind": kind,
            "subject_uids": uids,
            "handled_by": by,
            "received_at": _now(),
            "status": status,
            **{k: v for k, v in detail.items() if isinstance(v, str | int | list)},
        },
    )
    return Outcome(rid, kind, status, detail)


def _check_refusals(refuse: dict[str, list[str]]) -> None:
    for party, grounds in refuse.items():
        unknown = set(grounds) - set(REFUSAL_GROUNDS)
        if party not in PARTIES or unknown or not grounds:
            raise SubjectError(f"unknown party or refusal ground: {party} {sorted(unknown)}")


def access(
    store: GraphStore,
    uids: list[str],
    *,
    by: str,
    refuse: dict[str, list[str]] | None = None,
    coordinated_with: list[str] | None = None,
) -> tuple[Outcome, dict[str, Any]]:
    """Everything held on the subject (every value with its source, every fact), and who
    received data about them (10.2). ``refuse`` maps a party to refusal grounds: that party's
    values and facts are withheld (a partial refusal), and the grounds are recorded."""
    refuse = refuse or {}
    _check_refusals(refuse)
    register = ProductRegister(store)
    answer: dict[str, Any] = {"persons": [], "generated_at": _now()}
    withheld = 0
    for uid in uids:
        values = []
        for row in person_records(store, uid):
            if row["party"] in refuse:
                withheld += 1
                continue
            for prop, value in sorted(row["r"].items()):
                if prop in RECORD_META or prop == "caption" or value in (None, ""):
                    continue
                values.append(
                    {
                        "field": prop,
                        "value": value,
                        "party": row["party"],
                        "legal_basis": row["legal_basis"],
                        "registered_at": row["registered_at"],
                        "source_ref": row["r"].get("source_ref"),
                    }
                )
        facts = []
        for row in store.read(cypher.PERSON_FACTS, uid=uid):
            e = row["e"]
            if e.get("party") in refuse:
                withheld += 1
                continue
            facts.append(
                {
                    "relationship": row["type"],
                    "direction": "out" if row["outgoing"] else "in",
                    "other": row["m_labels"][0],
                    "other_uid": row["m_uid"],
                    "party": e.get("party"),
                    "legal_basis": e.get("legal_basis"),
                    "registered_at": e.get("registered_at"),
                    "source_ref": e.get("source_ref"),
                    "role": e.get("role"),
                }
            )
        recipients = [
            {
                "product": product.product_id,
                "type": product.type,
                "recipient": d.recipient,
                "at": d.at,
                "basis": d.basis,
            }
            for product in register.products_naming(uid)
            for d in register.disclosures(product.product_id)
        ]
        answer["persons"].append(
            {
                "uid": uid,
                "values": values,
                "facts": sorted(facts, key=lambda f: str(f["registered_at"])),
                "recipients": recipients,
            }
        )
    outcome = _record(
        store,
        "access",
        uids,
        by,
        "partly_refused" if refuse else "done",
        {
            "grounds": sorted({g for gs in refuse.values() for g in gs}),
            "withheld": withheld,
            "coordinated_with": coordinated_with or [],
        },
    )
    answer["request_id"] = outcome.request_id
    answer["refusal"] = {p: [REFUSAL_GROUNDS[g] for g in gs] for p, gs in refuse.items()}
    return outcome, answer


def refuse(
    store: GraphStore, uids: list[str], kind: str, *, by: str, grounds: list[str]
) -> Outcome:
    """Refuse a request in whole, recording the statutory grounds."""
    if kind not in REQUEST_KINDS:
        raise SubjectError(f"unknown request kind {kind!r}")
    unknown = set(grounds) - set(REFUSAL_GROUNDS)
    if not grounds or unknown:
        raise SubjectError(f"give refusal grounds from {', '.join(REFUSAL_GROUNDS)}")
    return _record(store, kind, uids, by, "refused", {"grounds": grounds})


def rectify(store: GraphStore, uids: list[str], field_name: str, value: str, *, by: str) -> Outcome:
    """Correct a field in every record of the subject, with caption and search text."""
    spec = next((f for f in ENTITY_TYPES["Person"].fields if f.name == field_name), None)
    if spec is None:
        raise SubjectError(f"{field_name!r} is not a field of a person")
    try:
        normalised = NORMALISERS[spec.kind](value.strip())
    except InvalidValue as exc:
        raise SubjectError(f"{field_name}: {exc}") from None
    at = _now()
    changed = 0
    for uid in uids:
        rows = []
        for row in person_records(store, uid):
            record = {k: v for k, v in row["r"].items() if k not in RECORD_META and v is not None}
            record[field_name] = normalised
            caption, search = describe("Person", record)
            rows.append(
                {
                    "ref": row["r"]["source_ref"],
                    "value": normalised,
                    "caption": caption,
                    "search": search,
                }
            )
            # The identity key was made from the old value: make it from the new one (of
            # the same kind: a BSN key stays a BSN key; a record-scoped key never changes).
            kind = str(row["key"]).split(":", 1)[0]
            new_key = next(
                (k for k in identity_keys("Person", record) if k.split(":", 1)[0] == kind), None
            )
            if new_key and new_key != row["key"]:
                store.write(cypher.REKEY_PERSON, uid=uid, key=new_key)
        if rows:
            changed += int(
                store.write(cypher.set_record_field(field_name), rows=rows, at=at)[0]["n"]
            )
    return _record(store, "rectify", uids, by, "done", {"field": field_name, "records": changed})


def restrict(
    store: GraphStore, uids: list[str], keys: SubjectKeys, *, by: str, lift: bool = False
) -> Outcome:
    """Restrict (or lift) processing of the subject: left out of every read and analysis, and
    so are new records of them (their identity keys' hashes are kept)."""
    at = _now()
    hashes = keys.hashes(_keys_of(store, uids))
    store.write(cypher.SET_RESTRICTED, uids=uids, restricted=not lift, at=at)
    kind = "lift_restriction" if lift else "restrict"
    outcome = _record(store, kind, uids, by, "done", {})
    if lift:
        store.drop_restriction_keys(hashes)
    else:
        store.add_restriction_keys(hashes, request_id=outcome.request_id, at=at)
    return outcome


def erase(
    store: GraphStore, uids: list[str], keys: SubjectKeys, *, by: str, data_dir: Path
) -> Outcome:
    """Remove the subject and every fact and value about them, everywhere; keep only the
    keyed hashes that recognise a re-delivery (with a report of what was kept and why)."""
    identity = _keys_of(store, uids)
    needles = _needles(store, uids)
    keys_of_others: dict[str, str] = {}
    # What the subject's facts link them to, per delivery: a passport or phone that only a
    # delivery about them mentioned goes with them (but not what other deliveries say of it).
    linked: dict[str, set[str]] = {}
    for uid in uids:
        for row in store.read(cypher.PERSON_FACTS, uid=uid):
            ref = str(row["e"].get("source_ref", ""))
            linked.setdefault(row["m_uid"], set()).add(ref.rsplit("/", 1)[0])
    for other in linked:
        if other not in uids:
            keys_of_others[other] = _key_of(store, other)
    counts = RemovalCounts()
    for uid in uids:
        counts.add(
            remove_all(
                store,
                [
                    (cypher.delete_entity_facts("Person"), {"uid": uid}, False),
                    (cypher.delete_entity_records("Person"), {"uid": uid}, True),
                ],
            )
        )
    for other, deliveries in linked.items():
        if other in uids:
            continue
        counts.add(
            remove(
                store,
                cypher.delete_dependent_records(uid_label(other)),
                {"uid": other, "deliveries": sorted(deliveries)},
                records=True,
            )
        )
    counts.nodes.update(store.delete_orphans(uids))
    outcome = _record(
        store, "erase", uids, by, "done", {"facts_removed": sum(counts.facts.values())}
    )
    # What identified them and went with them (their phone, account, document): recognised too.
    gone = [u for u in keys_of_others if not _key_of(store, u)]
    identity |= {k for u in gone for k in identity_keys(uid_label(u), {}, keys_of_others[u])}
    hashes = keys.hashes(identity)
    store.add_tombstones(hashes, request_id=outcome.request_id, at=_now())
    store.drop_restriction_keys(hashes)
    products = withdraw_products(store, uids)
    report = {
        "kind": "erasure",
        "request_id": outcome.request_id,
        "run_by": by,
        "at": _now(),
        **counts.as_dict(),
        "quarantine_rows_removed": scrub_quarantine(data_dir, needles),
        **forget_derived(data_dir),
        "products": products,
        "kept": {
            "tombstones": len(hashes),
            "why": "keyed hashes of the identity keys, so that a re-delivery of the subject's "
            "records is quarantined (erasure lasts); they cannot be turned back into values",
        },
    }
    write_report(data_dir / "retention", "erasure", report)
    return Outcome(outcome.request_id, "erase", "done", {**outcome.detail, "report": report})


def _key_of(store: GraphStore, uid: str) -> str:
    rows = store.read(cypher.entity_key(uid_label(uid)), uid=uid)
    return str(rows[0]["key"]) if rows else ""


def _needles(store: GraphStore, uids: list[str]) -> dict[str, set[str]]:
    """The subject's identifying values in the forms quarantined raw rows may hold them."""
    out: dict[str, set[str]] = {"name": set(), "digits": set()}
    for uid in uids:
        for row in person_records(store, uid):
            r = row["r"]
            if r.get("name"):
                out["name"].add(values.name.name_key(str(r["name"])))
            for prop in ("bsn", "v_number"):
                if r.get(prop):
                    out["digits"].add("".join(c for c in str(r[prop]) if c.isdigit()).lstrip("0"))
    return out


def scrub_quarantine(data_dir: Path, needles: dict[str, set[str]]) -> int:
    """Drop quarantined raw rows that mention the subject (by folded name or identifier)."""
    folder = data_dir / "quarantine"
    removed = 0
    if not folder.exists() or not any(needles.values()):
        return 0
    for path in folder.glob("*.jsonl"):
        kept: list[str] = []
        changed = False
        for line in path.read_text(encoding="utf-8").splitlines():
            if _mentions(line, needles):
                removed += 1
                changed = True
            else:
                kept.append(line)
        if changed:
            tmp = path.with_suffix(".jsonl.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write("".join(k + "\n" for k in kept))
            os.replace(tmp, path)
    return removed


def _mentions(line: str, needles: dict[str, set[str]]) -> bool:
    try:
        record = json.loads(line).get("record") or {}
    except (ValueError, AttributeError):
        return False
    for value in record.values() if isinstance(record, dict) else ():
        text = str(value)
        digits = "".join(c for c in text if c.isdigit()).lstrip("0")
        if digits and digits in needles["digits"]:
            return True
        try:
            if values.name.name_key(text) in needles["name"]:
                return True
        except InvalidValue:
            continue
    return False


__all__ = [
    "REFUSAL_GROUNDS",
    "REQUEST_KINDS",
    "Outcome",
    "SubjectError",
    "access",
    "erase",
    "locate",
    "rectify",
    "refuse",
    "restrict",
    "same_name",
    "scrub_quarantine",
]
