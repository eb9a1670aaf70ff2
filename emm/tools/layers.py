"""The import rules between the packages of ``emm``, as data, and the check that applies them.

    python -m emm.tools.layers            # list every import that breaks a rule (exit 1 if any)
    python -m emm.tools.layers --graph    # the package graph as it is today
    python -m emm.tools.layers --rules    # the rules, one line each with its reason
    python -m emm.tools.layers --markdown # the rules as the table in docs/architecture.md

The workbench is one import package whose subpackages are layers: value types and tables at the
bottom, the graph model and store above them, ingest, analysis, retention and products above
the graph, the guarded API (:mod:`emm.access`) above those, and the two shells (the app and the
CLI) on top. A package may import the packages its :data:`LAYERS` rule names, and itself; an
import under ``if TYPE_CHECKING:`` may also use the rule's ``for_types`` (an annotation is no
dependency at run time). Every import counts, also one inside a function.

:data:`THIRD_PARTY` names the libraries that belong to one edge of the system (Streamlit only in
the app, click only in the CLI, the database driver in the graph layer, ...).

The check reads the source with :mod:`ast` and imports nothing it checks.
``tests/test_layers.py`` runs it with an explicit list of the violations known today.

>>> unit_of("emm.graph.analysis.frames"), unit_of("emm.graph.store"), unit_of("emm.app.views.home")
('emm.graph.analysis', 'emm.graph', 'emm.app')
>>> allowed("emm.graph.search", "emm.ingest.normalise")
False
>>> allowed("emm.ingest.pipeline", "emm.retention.keys"), allowed("emm.ingest.pipeline", "emm.retention")
(True, False)
>>> allowed("emm.products.oib", "emm.access.guarded", type_only=True)
True
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "LAYERS",
    "THIRD_PARTY",
    "Import",
    "Rule",
    "Violation",
    "allowed",
    "check",
    "markdown_table",
    "package_graph",
    "scan",
    "unit_of",
]

ROOT = Path(__file__).resolve().parents[1]  # the emm/ folder


@dataclass(frozen=True)
class Rule:
    """What one package may import (packages, or single modules of a package), and why."""

    may_import: tuple[str, ...]
    why: str
    for_types: tuple[str, ...] = ()  # also allowed, but only under ``if TYPE_CHECKING:``


_BASE = ("emm.errors", "emm.settings", "emm.tables", "emm.files")
_VALUES = (*_BASE, "emm.values")
_BELOW_ACCESS = (
    *_VALUES,
    "emm.graph",
    "emm.graph.analysis",
    "emm.audit",
    "emm.ingest",
    "emm.retention",
    "emm.products",
    "emm.anonymise",
)
_DEMO = (*_BELOW_ACCESS, "emm.access", "emm.synth")
_BELOW_SHELLS = (*_DEMO, "emm.demo")

#: The import rules, bottom layer first. A package not listed here fails the check.
LAYERS: dict[str, Rule] = {
    "emm": Rule((), "the root package holds nothing; import its subpackages"),
    "emm.errors": Rule((), "the one error root: everything raises its subclasses"),
    "emm.settings": Rule((), "configuration from EMM_* variables: everyone reads it"),
    "emm.tables": Rule(("emm.errors",), "the one loader of the YAML rule tables"),
    "emm.files": Rule(
        ("emm.errors", "emm.tables"),
        "owner-only files and folders, and the start-up check of the data directory's modes",
    ),
    "emm.values": Rule(
        ("emm.errors", "emm.tables"),
        "value types (BSN, phone, IBAN, names, dates): pure functions that ingest, search and "
        "de-identification share, so they sit below the graph",
    ),
    "emm.graph": Rule(
        _VALUES,
        "the model, schema and store: the graph knows values, not deliveries, analyses or users",
    ),
    "emm.graph.analysis": Rule(
        (*_VALUES, "emm.graph"),
        "graph-first functions over tables or networkx graphs; the caller passes the graph in",
    ),
    "emm.audit": Rule(
        (*_BASE, "emm.graph"),
        "the hash-chained audit trail, below the guard so every guarded call can write it",
    ),
    "emm.ingest": Rule(
        (*_VALUES, "emm.graph", "emm.retention.keys"),
        "reads deliveries into the graph; it recognises erased or restricted subjects by their "
        "keyed hashes (retention.keys) and uses nothing else of retention",
    ),
    "emm.anonymise": Rule(
        _VALUES,
        "de-identification and disclosure control: text and tables in, no graph, no store",
    ),
    "emm.products": Rule(
        (*_VALUES, "emm.graph", "emm.graph.analysis", "emm.anonymise"),
        "OIB, BI and trend pictures, their register and the export gate; the services take the "
        "caller's GuardedStore (an annotation only: the guard imports the products)",
        for_types=("emm.access",),
    ),
    "emm.retention": Rule(
        (*_VALUES, "emm.graph", "emm.ingest", "emm.products"),
        "retention and data-subject rights: rectification re-applies ingest's identity rules, "
        "access and erasure read and withdraw registered products",
    ),
    "emm.access": Rule(
        _BELOW_ACCESS,
        "the guarded API: every read and change of a principal is checked, narrowed and audited "
        "here, over the packages below",
    ),
    "emm.synth": Rule(
        (*_VALUES, "emm.graph", "emm.graph.analysis", "emm.ingest"),
        "the synthetic generator and its answer key: it writes deliveries in the delivery "
        "format, and resolves the answer key to nodes with ingest's identity rules to score "
        "the analysis",
    ),
    "emm.demo": Rule(_DEMO, "the demo installation that `emm demo` and `emm app` share"),
    "emm.app": Rule(_BELOW_SHELLS, "the Streamlit shell; nothing imports it"),
    "emm.cli": Rule(_BELOW_SHELLS, "the click shell; nothing imports it"),
    "emm.tools": Rule((), "checks on the source; they read files, they import nothing of emm"),
}

#: Libraries that belong to one edge of the system: library -> (packages that may import it, why).
THIRD_PARTY: dict[str, tuple[tuple[str, ...], str]] = {
    "streamlit": (("emm.app",), "the web UI is one shell; the library below it has no UI"),
    "pyvis": (("emm.app",), "network drawing in the browser belongs to the app"),
    "click": (("emm.cli",), "the command line is one shell over the library"),
    "neo4j": (
        ("emm.graph", "emm.retention", "emm.app", "emm.cli"),
        "the driver is made in emm.graph.connect; retention types its transaction functions, "
        "the shells turn driver errors into messages",
    ),
    "igraph": (
        ("emm.graph.analysis", "emm.app"),
        "the fast whole-graph pass is an analysis detail; the app lays out drawings with it",
    ),
    "presidio_analyzer": (("emm.anonymise",), "de-identification engines stay in one package"),
    "deduce": (("emm.anonymise",), "de-identification engines stay in one package"),
    "spacy": (("emm.anonymise",), "de-identification engines stay in one package"),
    "faker": (("emm.synth",), "fake people belong to the synthetic generator only"),
    "reportlab": (("emm.products",), "PDF rendering of products"),
}


@dataclass(frozen=True)
class Import:
    """One import statement: which module imports what, where, and whether only for types."""

    module: str
    target: str
    line: int
    type_only: bool = False


@dataclass(frozen=True)
class Violation:
    module: str
    target: str
    line: int
    why: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.target}: {self.why}"


def unit_of(module: str) -> str | None:
    """The package (a key of :data:`LAYERS`) a module belongs to: the longest matching one."""
    parts = module.split(".")
    for n in range(len(parts), 1, -1):
        name = ".".join(parts[:n])
        if name in LAYERS:
            return name
    return "emm" if module == "emm" else None  # a new package needs a rule of its own


def allowed(module: str, target: str, *, type_only: bool = False) -> bool:
    """May ``module`` import ``target`` (both dotted names inside ``emm``)?"""
    source, dest = unit_of(module), unit_of(target)
    if source is None:
        return False
    if dest == source:
        return True
    rule = LAYERS[source]
    for entry in (*rule.may_import, *(rule.for_types if type_only else ())):
        if entry in LAYERS:
            if dest == entry:
                return True
        elif target == entry or target.startswith(entry + "."):
            return True  # a single module of another package
    return False


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: str, is_package: bool, root: Path) -> Iterator[Import]:
    def resolve(node: ast.ImportFrom) -> list[str]:
        if node.level:
            base = module.split(".")
            base = base[: len(base) - node.level + (1 if is_package else 0)]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module or ""
        if not prefix.startswith("emm"):
            return [prefix]
        # ``from emm.graph import cypher`` imports the module emm.graph.cypher
        out = []
        for alias in node.names:
            sub = f"{prefix}.{alias.name}"
            rel = Path(*sub.split("."))
            if (root.parent / rel).with_suffix(".py").exists() or (root.parent / rel).is_dir():
                out.append(sub)
            else:
                out.append(prefix)
        return out

    def walk(node: ast.AST, type_only: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for stmt in child.body:
                    yield from walk_stmt(stmt, True)
                for stmt in child.orelse:
                    yield from walk_stmt(stmt, type_only)
            else:
                yield from walk_stmt(child, type_only)

    def walk_stmt(node: ast.AST, type_only: bool) -> Iterator[Import]:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno, type_only)
        elif isinstance(node, ast.ImportFrom):
            for target in dict.fromkeys(resolve(node)):
                yield Import(module, target, node.lineno, type_only)
        else:
            yield from walk(node, type_only)

    yield from walk(tree, False)


def scan(root: Path = ROOT) -> list[Import]:
    """Every import in every module under ``root`` (the ``emm`` folder)."""
    found: list[Import] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        module = _module_name(path, root)
        found.extend(_imports(tree, module, path.name == "__init__.py", root))
    return found


def check(imports: Iterable[Import]) -> list[Violation]:
    """The imports that break :data:`LAYERS` or :data:`THIRD_PARTY`."""
    out: list[Violation] = []
    for imp in imports:
        source = unit_of(imp.module)
        if source is None:
            out.append(Violation(imp.module, "", imp.line, "its package has no rule in LAYERS"))
            continue
        top = imp.target.split(".")[0]
        if top == "emm":
            if not allowed(imp.module, imp.target, type_only=imp.type_only):
                dest = unit_of(imp.target)
                out.append(
                    Violation(
                        imp.module,
                        imp.target,
                        imp.line,
                        f"{source} may not import {dest} ({LAYERS[source].why})",
                    )
                )
        elif top in THIRD_PARTY:
            owners, why = THIRD_PARTY[top]
            if source not in owners:
                out.append(
                    Violation(imp.module, imp.target, imp.line, f"only {', '.join(owners)}: {why}")
                )
    return out


def package_graph(imports: Iterable[Import]) -> dict[str, dict[str, list[str]]]:
    """Package -> imported package -> the importing modules (imports between packages only)."""
    graph: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for imp in imports:
        if imp.target.split(".")[0] != "emm":
            continue
        a, b = unit_of(imp.module), unit_of(imp.target)
        if a and b and a != b:
            graph[a][b].add(imp.module + (" (types)" if imp.type_only else ""))
    return {a: {b: sorted(ms) for b, ms in sorted(bs.items())} for a, bs in sorted(graph.items())}


def _short(name: str) -> str:
    return f"`{name.removeprefix('emm.')}`" if name != "emm" else "`emm`"


def markdown_table() -> str:
    """The rules as a Markdown table (docs/architecture.md holds it; a test compares)."""
    lines = ["| package | what lives there, and why it imports what it does | may import |"]
    lines.append("|---|---|---|")
    for name, rule in LAYERS.items():
        may = ", ".join(_short(m) for m in rule.may_import) or "nothing of emm"
        if rule.for_types:
            may += "; for type hints only: " + ", ".join(_short(m) for m in rule.for_types)
        lines.append(f"| `{name}` | {rule.why} | {may} |")
    lines.append("")
    lines.append("| library | only in | why |")
    lines.append("|---|---|---|")
    for lib, (owners, why) in THIRD_PARTY.items():
        lines.append(f"| `{lib}` | {', '.join(f'`{o}`' for o in owners)} | {why} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m emm.tools.layers", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--graph", action="store_true", help="print the package graph of today")
    parser.add_argument("--rules", action="store_true", help="print the rules with their reasons")
    parser.add_argument(
        "--markdown", action="store_true", help="the rules as the table in docs/architecture.md"
    )
    args = parser.parse_args(argv)
    if args.markdown:
        print(markdown_table())
        return 0
    imports = scan()
    if args.rules:
        for name, rule in LAYERS.items():
            may = ", ".join(rule.may_import) or "nothing"
            types = f" (types also: {', '.join(rule.for_types)})" if rule.for_types else ""
            print(f"{name}: imports {may}{types}. {rule.why}")
        for lib, (owners, why) in THIRD_PARTY.items():
            print(f"{lib}: only in {', '.join(owners)}. {why}")
        return 0
    problems = check(imports)
    if args.graph:
        broken = {(unit_of(p.module), unit_of(p.target)) for p in problems}
        for a, bs in package_graph(imports).items():
            for b, modules in bs.items():
                mark = "  <- breaks a rule" if (a, b) in broken else ""
                print(f"{a} -> {b}: {', '.join(modules)}{mark}")
        return 0
    for p in problems:
        print(p)
    print(f"{len(problems)} import(s) break the layer rules" if problems else "layers: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
