"""Documentation that is generated must match its source."""

from __future__ import annotations

import json
from pathlib import Path

from emm.ingest.jsonschema import delivery_schema

ROOT = Path(__file__).parent.parent


def test_committed_json_schema_matches_the_schema_tables():
    committed = json.loads((ROOT / "docs" / "delivery.schema.json").read_text(encoding="utf-8"))
    assert committed == delivery_schema(), (
        "regenerate: python -c 'import json; from emm.ingest.jsonschema import delivery_schema; "
        "print(json.dumps(delivery_schema(), indent=2, ensure_ascii=False))' "
        "> docs/delivery.schema.json"
    )


def test_fixture_rows_validate_against_the_schema():
    import jsonschema

    schema = delivery_schema()
    folder = ROOT / "tests" / "fixtures" / "deliveries" / "IND-T1"
    jsonschema.validate(
        json.loads((folder / "manifest.json").read_text()), {**schema, "$ref": "#/$defs/manifest"}
    )
    row = json.loads((folder / "entities.jsonl").read_text().splitlines()[0])
    jsonschema.validate(row, {**schema, "$ref": "#/$defs/entity"})
