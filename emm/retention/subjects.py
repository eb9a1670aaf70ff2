"""Rights of the data subject (covenant art. 9, 10) and a party's exit (art. 5.7, 14.3).

Every request is recorded as a ``SubjectRequest`` (id, kind, internal ids, who handled it, when,
outcome, refusal grounds, parties coordinated with per art. 10.4) without the subject's name.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from emm import values
from emm.errors import EmmError
from emm.graph.model import Entity
from emm.graph.schema import ENTITY_TYPES, PARTIES
from emm.graph.store import GraphStore
from emm.products.register import ProductRegister
from emm.retention import cypher
from emm.retention.engine import remove_facts, write_report
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
    *,
    bsn: str | None = None,
    name: str | None = None,
    birth_date: str | None = None,
) -> list[Entity]:
    """Every Person node that is this data subject: by BSN, else by name and date of birth.

    Also finds the source-scoped records a party delivered without a BSN but with the same
    name and birth date, so access and erasure reach all of them.
    """
    found: dict[str, Entity] = {}
    try:
        if bsn:
            for e in store.by_keys("Person", [values.bsn.node_key(values.bsn.normalise(bsn))]):
                found[e.uid] = e
        if name and birth_date:
            dob = values.date.normalise(birth_date)
            for row in store._read(cypher.PERSONS_BORN, birth_date=dob):
                if same_name(name, str(row["n"].get("name", ""))):
                    e = Entity.from_props("Person", row["n"])
                    found[e.uid] = e
    except InvalidValue as exc:
        raise SubjectError(str(exc)) from None
    if not bsn and not (name and birth_date):
        raise SubjectError("identify the data subject by BSN, or by name and date of birth")
    return list(found.values())


def _record(
    store: GraphStore,
    kind: str,
    uids: list[str],
    by: str,
    status: str,
    detail: dict[str, Any],
    request_id: str | None = None,
) -> Outcome:
    rid = request_id or f"SR-{datetime.now(UTC):%Y%m%d}-{uuid.uuid4().hex[:8]}"
    store._write(
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


def access(
    store: GraphStore,
    persons: list[Entity],
    *,
    by: str,
    refuse: dict[str, list[str]] | None = None,
    coordinated_with: list[str] | None = None,
) -> tuple[Outcome, dict[str, Any]]:
    """Everything held on the subject, who supplied each fact, and who received data (10.2).

    ``refuse`` maps a party to refusal grounds: that party's facts are withheld from the
    answer (a partial refusal), and the grounds are recorded.
    """
    refuse = refuse or {}
    for party, grounds in refuse.items():
        unknown = set(grounds) - set(REFUSAL_GROUNDS)
        if party not in PARTIES or unknown:
            raise SubjectError(f"unknown party or refusal ground: {party} {sorted(unknown)}")
    register = ProductRegister(store)
    answer: dict[str, Any] = {"persons": [], "generated_at": _now()}
    withheld = 0
    for person in persons:
        facts = []
        for row in store._read(cypher.PERSON_FACTS, uid=person.uid):
            e = row["e"]
            if e.get("party") in refuse:
                withheld += 1
                continue
            facts.append(
                {
                    "relationship": row["type"],
                    "direction": "out" if row["outgoing"] else "in",
                    "other": f"{row['m_labels'][0]}: {row['m_caption']}",
                    "party": e.get("party"),
                    "legal_basis": e.get("legal_basis"),
                    "registered_at": e.get("registered_at"),
                    "source_ref": e.get("source_ref"),
                    "role": e.get("role"),
                }
            )
        recipients = []
        for product in register.products_naming(person.uid):
            for d in register.disclosures(product.product_id):
                recipients.append(
                    {
                        "product": product.product_id,
                        "type": product.type,
                        "recipient": d.recipient,
                        "at": d.at,
                        "basis": d.basis,
                    }
                )
        answer["persons"].append(
            {
                "data": {
                    k: v for k, v in person.props.items() if k not in ("search", "key", "uid")
                },
                "facts": sorted(facts, key=lambda f: str(f["registered_at"])),
                "recipients": recipients,
            }
        )
    status = "partly_refused" if refuse else "done"
    outcome = _record(
        store,
        "access",
        [p.uid for p in persons],
        by,
        status,
        {
            "grounds": sorted({g for gs in refuse.values() for g in gs}),
            "withheld_facts": withheld,
            "coordinated_with": coordinated_with or [],
        },
    )
    answer["request_id"] = outcome.request_id
    answer["refusal"] = {p: [REFUSAL_GROUNDS[g] for g in gs] for p, gs in refuse.items()}
    return outcome, answer


def refuse(
    store: GraphStore, persons: list[Entity], kind: str, *, by: str, grounds: list[str]
) -> Outcome:
    """Refuse a request in whole, recording the statutory grounds."""
    if kind not in REQUEST_KINDS:
        raise SubjectError(f"unknown request kind {kind!r}")
    unknown = set(grounds) - set(REFUSAL_GROUNDS)
    if not grounds or unknown:
        raise SubjectError(f"give refusal grounds from {', '.join(REFUSAL_GROUNDS)}")
    return _record(store, kind, [p.uid for p in persons], by, "refused", {"grounds": grounds})


def rectify(store: GraphStore, person: Entity, field_name: str, value: str, *, by: str) -> Outcome:
    spec = next((f for f in ENTITY_TYPES["Person"].fields if f.name == field_name), None)
    if spec is None:
        raise SubjectError(f"{field_name!r} is not a field of a person")
    try:
        normalised = NORMALISERS[spec.kind](value.strip())
    except InvalidValue as exc:
        raise SubjectError(f"{field_name}: {exc}") from None
    store._write(cypher.set_person_field(field_name), uid=person.uid, value=normalised, at=_now())
    return _record(store, "rectify", [person.uid], by, "done", {"field": field_name})


def restrict(store: GraphStore, person: Entity, *, by: str, lift: bool = False) -> Outcome:
    store._write(cypher.SET_RESTRICTED, uid=person.uid, restricted=not lift, at=_now())
    return _record(store, "lift_restriction" if lift else "restrict", [person.uid], by, "done", {})


def erase(store: GraphStore, person: Entity, *, by: str, out_dir: Path) -> Outcome:
    """Remove the person and every fact about them; entities only they supported go too."""
    removed = remove_facts(store, cypher.delete_node_facts("Person"), {"uid": person.uid})
    store._write(cypher.delete_orphans("Person"), uids=[person.uid])
    counts = removed.as_dict()
    counts["nodes"]["Person"] = counts["nodes"].get("Person", 0) + (
        0 if store.get(person.uid) else 1
    )
    outcome = _record(
        store, "erase", [person.uid], by, "done", {"facts_removed": counts["facts_total"]}
    )
    write_report(
        out_dir,
        "erasure",
        {"kind": "erasure", "request_id": outcome.request_id, "run_by": by, "at": _now(), **counts},
    )
    return outcome


def party_exit(
    store: GraphStore, party: str, *, mode: str, by: str, out_dir: Path, reason: str = ""
) -> dict[str, Any]:
    """A party leaves or ends supply: ``isolate`` its data (hidden from every read) or
    ``remove`` it; ``reinstate`` undoes an isolation."""
    if party not in PARTIES:
        raise SubjectError(f"unknown party {party!r}")
    report: dict[str, Any] = {
        "kind": "party_exit",
        "party": party,
        "mode": mode,
        "run_by": by,
        "at": _now(),
        "reason": reason,
    }
    if mode == "isolate":
        rows = store._read(cypher.PARTY_FACTS_SUMMARY, party=party)
        report["facts_isolated"] = {r["type"]: r["n"] for r in rows}
        status = "isolated"
    elif mode == "remove":
        report.update(remove_facts(store, cypher.DELETE_PARTY_FACTS, {"party": party}).as_dict())
        status = "removed"
    elif mode == "reinstate":
        status = "active"
    else:
        raise SubjectError("mode must be isolate, remove or reinstate")
    store._write(
        cypher.SET_PARTY_STATUS, party=party, status=status, since=report["at"], reason=reason
    )
    report["report_file"] = str(write_report(out_dir, "party-exit", report))
    return report
