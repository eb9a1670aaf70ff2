"""Rules as data: one loader for every YAML table the library ships.

Legal bases, the access policy, retention rules, indicators, scores, disclosure thresholds and
gazetteers are tables, each with the explanation shown to users and its source. Each table is
read by :func:`load_table` and validated by a pydantic model at load time, so a wrong table
fails on start-up with the file and the field named, not later in the middle of a request.

>>> from pydantic import BaseModel
>>> class Rules(BaseModel):
...     rules: list[dict]
>>> table = load_table("emm.retention", "rules.yaml", Rules)
>>> any(r["id"] == "party-facts" and r["years"] == 10 for r in table.rules)
True
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from emm.errors import EmmError

M = TypeVar("M", bound=BaseModel)


class TableError(EmmError, ValueError):
    """A shipped table does not match its model (a packaging or editing mistake)."""


@cache
def read_table(package: str, name: str) -> Any:
    """The parsed YAML of ``name`` inside ``package`` (cached: tables do not change at run time)."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def load_table(package: str, name: str, model: type[M]) -> M:
    """Read ``name`` from ``package`` and validate it with ``model``."""
    try:
        return model.model_validate(read_table(package, name))
    except ValidationError as exc:
        problems = "; ".join(
            ": ".join(filter(None, [".".join(str(p) for p in e["loc"]), e["msg"]]))
            for e in exc.errors()[:5]
        )
        raise TableError(f"{package}/{name}: {problems}") from None
