"""A folder of many tiny deliveries, for folder runs at scale, with the totals they must give.

Each delivery holds one person, the phone it uses and the one link between them (a link needs
two entity rows of its own delivery, so "one entity, one link" is one person + one phone + one
USES_PHONE). Phones repeat every 200 deliveries, so 2,000 deliveries make 200 Phone nodes
(merged by number) and 2,000 Person nodes (no BSN or birth date: scoped to their record).
Faults, so that the totals test the accounting and not only the happy path:

- every 100th delivery has an impossible birth date: the person and its link are quarantined;
- deliveries 250, 750, 1250, 1750 have a 0-byte links.csv: refused as a whole.

A second folder run over the same folder reports every loaded delivery as "already loaded",
refuses the same four again, and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .writing import LCOLS, REG, F, rec, text, writer

PHONES = 200


@dataclass(frozen=True)
class Totals:
    deliveries: int
    loaded_deliveries: int
    refused: tuple[str, ...]  # folder names, in name order
    entity_records: int
    link_records: int
    records: int
    loaded: int
    quarantined: int
    person_nodes: int
    phone_nodes: int
    uses_phone_edges: int


def folder_name(i: int) -> str:
    return f"THOU-{i:04d}"


def build_thousands(root: Path, count: int = 2000) -> Totals:
    """Write ``count`` deliveries under ``root`` (folders THOU-0001...) and return the totals a
    folder run over ``root`` must report on an empty graph."""
    refused: list[str] = []
    entity_records = link_records = quarantined = persons = edges = 0
    phones: set[int] = set()
    for i in range(1, count + 1):
        name = folder_name(i)
        did = f"POL-E3-thousand-{i:04d}"
        j = (i - 1) % PHONES
        faulty = i % 100 == 0
        birth = "31-02-1990" if faulty else ""
        ents = text(
            "record_id;type;name;birth_date;number",
            f"P1;Person;Duizendpoot {i:04d};{birth};",
            f"T1;Phone;;;06-199{j:05d}",
        )
        links: str | bytes = text(
            ";".join(LCOLS),
            rec(LCOLS, record_id="L1", type="USES_PHONE", from_="P1", to="T1", registered_at=REG),
        )
        if i % 500 == 250:
            links = b""
            refused.append(name)
        files = [F("entities.csv", "entities", ents), F("links.csv", "links", links)]
        writer(did, "POL", files)(root / name)
        if links == b"":
            continue
        entity_records += 2
        link_records += 1
        phones.add(j)
        if faulty:
            quarantined += 2
        else:
            persons += 1
            edges += 1
    records = entity_records + link_records
    return Totals(
        deliveries=count,
        loaded_deliveries=count - len(refused),
        refused=tuple(refused),
        entity_records=entity_records,
        link_records=link_records,
        records=records,
        loaded=records - quarantined,
        quarantined=quarantined,
        person_nodes=persons,
        phone_nodes=len(phones),
        uses_phone_edges=edges,
    )


if __name__ == "__main__":  # python -m ingest_cases.thousands FOLDER
    import sys

    print(build_thousands(Path(sys.argv[1])))
