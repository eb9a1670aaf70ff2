"""The rule tables load through :func:`emm.tables.load_table`; a wrong table fails with the file
and the field named (legal bases, access policy, retention rules)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel

from emm import tables
from emm.access import policy
from emm.graph import legal_bases
from emm.retention import engine
from emm.tables import TableError, load_table, read_table

TABLES: list[tuple[str, str, type[BaseModel]]] = [
    ("emm.graph", "legal_bases.yaml", legal_bases._LegalBasesTable),
    ("emm.access", "policy.yaml", policy._PolicyTable),
    ("emm.retention", "rules.yaml", engine._Rules),
]


@pytest.mark.parametrize(("package", "name", "model"), TABLES, ids=[t[1] for t in TABLES])
def test_the_shipped_tables_are_valid(package: str, name: str, model: type[BaseModel]) -> None:
    assert load_table(package, name, model)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for key in parents:
            data = data[key]
        if value is _DROP:
            del data[last]
        else:
            data[last] = value

    return change


_DROP = object()

BROKEN = [
    # (table, change, words the error names)
    ("legal_bases.yaml", _set("parties.POL.regime", _DROP), ["parties.POL.regime"]),
    ("legal_bases.yaml", _set("legal_bases.WPG-9.parties", ["POL", "XX"]), ["WPG-9", "XX"]),
    ("legal_bases.yaml", _set("legal_bases.WPG-9.titel", "typo"), ["WPG-9.titel"]),
    ("policy.yaml", _set("roles.analyst.actions", ["search", "fly"]), ["analyst", "fly"]),
    ("policy.yaml", _set("roles.analyst.legal_bases", ["WPG-99"]), ["analyst", "WPG-99"]),
    ("policy.yaml", _set("roles.analyst.legal_bases", "some"), ["roles.analyst.legal_bases"]),
    ("policy.yaml", _set("affiliations.OM", _DROP), ["every party"]),
    ("policy.yaml", _set("affiliations.IND.exclude_legal_bases", ["NOPE"]), ["IND", "NOPE"]),
]


@pytest.mark.parametrize(("name", "change", "words"), BROKEN)
def test_when_a_table_is_wrong_then_loading_names_file_and_field(
    monkeypatch: pytest.MonkeyPatch, name: str, change: Callable[[Any], None], words: list[str]
) -> None:
    package, _, model = next(t for t in TABLES if t[1] == name)
    data = copy.deepcopy(read_table(package, name))
    change(data)
    monkeypatch.setattr(tables, "read_table", lambda p, n: data)
    with pytest.raises(TableError) as caught:
        load_table(package, name, model)
    message = str(caught.value)
    assert message.startswith(f"{package}/{name}:")
    for word in words:
        assert word in message
