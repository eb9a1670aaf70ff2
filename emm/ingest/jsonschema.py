"""The delivery format as JSON Schema, generated from the schema tables (one source of truth).

``docs/delivery.schema.json`` is this output; a test fails when the two drift apart.
"""

from __future__ import annotations

from typing import Any

from emm.graph.schema import ENTITY_TYPES, LEGAL_BASES, PARTIES, REL_TYPES, FieldSpec
from emm.ingest.encodings import MANIFEST_ENCODINGS
from emm.values.amount import STYLES

_PATTERNS = {
    "date": r"^(\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2}.*)$",
    "postcode": r"^[1-9][0-9]{3} ?[A-Za-z]{2}$",
    "kvk": r"^[0-9 .]{8,12}$",
    "bsn": r"^[0-9 .-]{8,12}$",
}


def _field(f: FieldSpec) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": ["string", "number", "integer"]
        if f.kind in ("amount", "int", "house_number")
        else "string",
        "x-kind": f.kind,
    }
    if f.description:
        out["description"] = f.description
    if f.kind in _PATTERNS:
        out["pattern"] = _PATTERNS[f.kind]
    return out


def delivery_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) for the manifest, entity rows and link rows."""
    entity_variants = []
    for e in ENTITY_TYPES.values():
        entity_variants.append(
            {
                "title": e.label,
                "description": f"{e.description} Identity: {e.identity}.",
                "type": "object",
                "properties": {
                    "record_id": {"type": "string", "minLength": 1},
                    "type": {"const": e.label},
                    **{f.name: _field(f) for f in e.fields},
                },
                "required": ["record_id", "type", *[f.name for f in e.fields if f.required]],
                "additionalProperties": False,
            }
        )
    link_variants = []
    for r in REL_TYPES.values():
        link_variants.append(
            {
                "title": r.type,
                "description": f"{r.description}: {'|'.join(r.sources)} -> {'|'.join(r.targets)}",
                "type": "object",
                "properties": {
                    "record_id": {"type": "string", "minLength": 1},
                    "type": {"const": r.type},
                    "from": {"type": "string", "description": "record_id of an entity row"},
                    "to": {"type": "string", "description": "record_id of an entity row"},
                    "registered_at": {
                        **_field(FieldSpec("registered_at", "date")),
                        "description": "retention clock (covenant art. 7.3)",
                    },
                    "legal_basis": {"enum": list(LEGAL_BASES)},
                    **{f.name: _field(f) for f in r.fields},
                },
                "required": [
                    "record_id",
                    "type",
                    "from",
                    "to",
                    "registered_at",
                    *[f.name for f in r.fields if f.required],
                ],
                "additionalProperties": False,
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:emm-workbench:delivery",
        "title": "EMM delivery",
        "description": "A party's delivery: manifest.json plus entity and link rows (JSON Lines "
        "or CSV with these columns). See docs/delivery-format.md.",
        "$defs": {
            "manifest": {
                "type": "object",
                "properties": {
                    "delivery_id": {"type": "string", "pattern": "^[A-Za-z0-9._-]+$"},
                    "party": {"enum": list(PARTIES)},
                    "legal_basis": {"enum": list(LEGAL_BASES)},
                    "delivered_at": {"type": "string", "format": "date-time"},
                    "number_style": {"enum": list(STYLES)},
                    "files": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "properties": {
                                "path": {"type": "string"},
                                "kind": {"enum": ["entities", "links"]},
                                "encoding": {"enum": list(MANIFEST_ENCODINGS)},
                            },
                            "required": ["path", "kind"],
                            "additionalProperties": False,
                        },
                    },
                },
                "required": ["delivery_id", "party", "legal_basis", "delivered_at", "files"],
                "additionalProperties": False,
            },
            "entity": {"oneOf": entity_variants},
            "link": {"oneOf": link_variants},
        },
    }
