"""Every Cypher statement the code can build, for the Neo4j compatibility lint (``docs/it.md``).

The recorded list (what the test suite sent) shows what is used; this one shows what *can* be
sent: every module-level ``LiteralString`` constant of ``emm/`` that is a statement (filter
fragments such as ``EDGE_FILTER`` are reported and skipped), every statement literal handed
straight to ``run``/``execute_query``/``read``/``write``, and every builder (a module-level
function returning ``LiteralString`` or ``list[LiteralString]``) called over every label,
relationship type, field and endpoint triple it accepts. Modules are found by reading the
source (``ast``), so nothing is imported that is not a Cypher module; a builder without an
entry in :data:`BUILDERS` is an error, so a new builder cannot slip past the lint.

Usage::

    .venv/bin/python tools/cypher_statements.py [--out test-artifacts/cypher/static.json]

Writes the statement-file format the recorder writes (``{"source", "statements": [{"query",
"count", "tests", "sites"}]}``), with the constant or builder call as the site.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "test-artifacts" / "cypher" / "static.json"

# What a statement starts with; anything else (``type(e) <> ...``, ``($parties IS NULL ...``) is a
# fragment that is only ever part of a statement, and linted there.
CLAUSES = (
    "MATCH",
    "OPTIONAL",
    "MERGE",
    "CREATE",
    "UNWIND",
    "WITH",
    "RETURN",
    "CALL",
    "SHOW",
    "DROP",
    "EXPLAIN",
    "PROFILE",
    "USE",
    "LOAD",
    "FOREACH",
    "DELETE",
    "DETACH",
    "CYPHER",
)


def _entity_labels() -> list[tuple[Any, ...]]:
    from emm.graph.schema import ENTITY_TYPES

    return [(name,) for name in ENTITY_TYPES]


def _record_args() -> list[tuple[Any, ...]]:
    # GraphStore.write_batch: every label, plain and for a restricted subject's rows.
    return [*_entity_labels(), *((name, True) for (name,) in _entity_labels())]


def _merge_edges_args() -> list[tuple[Any, ...]]:
    from emm.graph.schema import REL_TYPES, endpoint_pairs

    # The properties GraphStore.write_batch passes: the type's fields, then the provenance.
    provenance = ("registered_at", "party", "legal_basis")
    full = [
        (s, t, o, (*(f.name for f in REL_TYPES[t].fields), *provenance))
        for s, t, o in endpoint_pairs()
    ]
    s, t, o = endpoint_pairs()[0]
    return [*full, (s, t, o, ())]  # and the shape without SET, once


def _shortest_path_args() -> list[tuple[Any, ...]]:
    from emm.graph.schema import ENTITY_TYPES

    default = 8  # GraphStore.shortest_path(max_hops=8)
    pairs = [(a, b, default) for a in ENTITY_TYPES for b in ENTITY_TYPES]
    return [*pairs, ("Person", "Person", 1), ("Person", "Person", 15)]  # the accepted bounds


def _all_labels() -> list[tuple[Any, ...]]:
    from emm.graph.cypher import ALL_LABELS

    return [(name,) for name in ALL_LABELS]


def _person_fields() -> list[tuple[Any, ...]]:
    from emm.graph.schema import ENTITY_TYPES

    return [(f.name,) for f in ENTITY_TYPES["Person"].fields]


def _no_args() -> list[tuple[Any, ...]]:
    return [()]


# builder ("module.function") -> every argument tuple it accepts.
BUILDERS: dict[str, Callable[[], list[tuple[Any, ...]]]] = {
    "emm.graph.cypher.schema_statements": _no_args,
    "emm.graph.cypher.merge_records": _record_args,
    "emm.graph.cypher.create_records": _record_args,
    "emm.graph.cypher.merge_edges": _merge_edges_args,
    "emm.graph.cypher.create_edges": _merge_edges_args,
    "emm.graph.cypher.create_edges_by_id": _merge_edges_args,
    "emm.graph.cypher.delete_orphans": _entity_labels,
    "emm.graph.cypher.count_nodes": _entity_labels,
    "emm.graph.cypher.uids_by_key": _entity_labels,
    "emm.graph.cypher.entity_records": _entity_labels,
    "emm.graph.cypher.neighbourhood": _entity_labels,
    "emm.graph.cypher.shortest_path": _shortest_path_args,
    "emm.graph.cypher.export_records": _entity_labels,
    "emm.graph.cypher.delete_label": _all_labels,
    "emm.retention.cypher.delete_entity_facts": _entity_labels,
    "emm.retention.cypher.delete_entity_records": _entity_labels,
    "emm.retention.cypher.delete_dependent_records": _entity_labels,
    "emm.retention.cypher.set_record_field": _person_fields,
    "emm.retention.cypher.entity_key": _entity_labels,
}


def _is_literal_string(node: ast.expr | None) -> bool:
    """``LiteralString``, ``typing.LiteralString`` or ``list[LiteralString]``."""
    if node is None:
        return False
    if isinstance(node, ast.Subscript):
        return _is_literal_string(node.slice)
    text = ast.unparse(node)
    return text in ("LiteralString", "typing.LiteralString")


def scan(package: Path = ROOT / "emm") -> Iterator[tuple[str, str, str]]:
    """``(module, name, kind)`` for each module-level ``LiteralString`` constant (``const``) and
    builder (``builder``) in the package's source."""
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        for node in tree.body:
            if (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and node.value is not None
                and _is_literal_string(node.annotation)
            ):
                yield module, node.target.id, "const"
            elif (
                isinstance(node, ast.FunctionDef)
                and _is_literal_string(node.returns)
                and not node.name.startswith("_")  # private helpers (``_q``) only wrap text
            ):
                yield module, node.name, "builder"


SENDERS = frozenset({"run", "execute_query", "read", "write"})


def inline(package: Path = ROOT / "emm") -> Iterator[tuple[str, str]]:
    """``(site, text)`` for each string literal statement passed straight to the driver or the
    store (``session.run("RETURN 1 AS ok")``) rather than through a named constant."""
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SENDERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value.lstrip().upper().startswith(CLAUSES)
            ):
                yield f"{module}:{node.lineno} (inline)", node.args[0].value


def _call(name: str, args: tuple[Any, ...]) -> str:
    return f"{name}({', '.join(repr(a) for a in args)})"


def statements(package: Path = ROOT / "emm") -> tuple[dict[str, list[str]], list[str]]:
    """``{statement: [sites]}`` and the fragments skipped; raises on an unknown builder."""
    found: dict[str, list[str]] = {}
    fragments: list[str] = []

    def add(text: str, site: str) -> None:
        found.setdefault(text, []).append(site)

    found_names = list(scan(package))
    unknown = [f"{m}.{n}" for m, n, kind in found_names if kind == "builder"]
    unknown = [name for name in unknown if name not in BUILDERS]
    if unknown:  # before importing anything
        raise SystemExit(
            f"builders without an argument table in {__file__}: {', '.join(unknown)} "
            "(add them to BUILDERS)"
        )
    for module_name, name, kind in found_names:
        module = importlib.import_module(module_name)
        qualified = f"{module_name}.{name}"
        if kind == "const":
            text = getattr(module, name)
            if text.lstrip().upper().startswith(CLAUSES):
                add(text, qualified)
            else:
                fragments.append(qualified)
            continue
        builder = getattr(module, name)
        for args in BUILDERS[qualified]():
            built = builder(*args)
            for text in [built] if isinstance(built, str) else built:
                add(text, _call(qualified, args))
    for site, text in inline(package):
        add(text, site)
    return found, fragments


def document(found: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "source": "static",
        "statements": [
            {"query": text, "count": len(sites), "tests": [], "sites": sites}
            for text, sites in sorted(found.items())
        ],
    }


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="statement file to write")
    args = parser.parse_args(list(argv) if argv is not None else None)
    sys.path.insert(0, str(ROOT))
    found, fragments = statements()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(document(found), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(
        f"{len(found)} distinct statements written to {args.out}; "
        f"{len(fragments)} fragments skipped ({', '.join(fragments)})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
