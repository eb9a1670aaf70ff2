"""Rules on the shape of the code: small modules, and one error root.

* A module of more than :data:`MAX_LINES` lines says why in its docstring, on a line starting
  ``Long because:``; ``LONG`` lists the modules that do not yet, each with who is splitting it.
* Every exception class the library defines subclasses :class:`emm.errors.EmmError` (callers
  catch one root; see :mod:`emm.errors`); ``OWN_ROOT`` lists the deliberate exceptions.

Both lists only shrink: an entry that no longer applies fails the test too.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import emm
from emm.errors import EmmError

EMM = Path(emm.__file__).resolve().parent
MAX_LINES = 500

# Over MAX_LINES without a reason today (path under emm/: who is changing it).
LONG = {
    "graph/analysis/same_person.py": "i3, analysis (string toolkit apart from scoring)",
    "ingest/pipeline.py": "i2, ingest rewrite",
}

# Exception classes that are deliberately not an EmmError (module.qualname: why).
OWN_ROOT = {
    "emm.ingest.pipeline._DiskError": "private signal inside ingest_folder, which turns it into "
    "a DeliveryError before it leaves the module",
}

# Modules not imported here: Streamlit pages and __main__ modules run when imported (the pages
# are tested with AppTest in tests/app), build_nlp needs the optional build-nlp extra. Their
# classes are checked from the source.
NOT_IMPORTED = ("emm.app.views.", "emm.app.main", "emm.anonymise.build_nlp")


def _not_imported(name: str) -> bool:
    return name.startswith(NOT_IMPORTED) or name.endswith(".__main__")


def _modules() -> list[Path]:
    return sorted(EMM.rglob("*.py"))


def _long_reason(path: Path) -> bool:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return any(line.strip().startswith("Long because:") for line in doc.splitlines())


def test_long_modules_say_why() -> None:
    over = {
        p.relative_to(EMM).as_posix(): n
        for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
        and not _long_reason(p)
    }
    new = {k: n for k, n in over.items() if k not in LONG}
    assert not new, (
        f"modules over {MAX_LINES} lines: split them, or say why in the docstring on a line "
        f"starting 'Long because:': {new}"
    )
    done = sorted(k for k in LONG if k not in over)
    assert not done, f"no longer too long or now explained; remove from LONG: {done}"


@pytest.mark.parametrize(
    ("doc", "lines", "passes"),
    [
        ("Short.", 10, True),
        ("Short.", MAX_LINES + 1, False),
        ("Store.\n\nLong because: one class is the contract.", MAX_LINES + 1, True),
        ("Store.\n\nIt is long because of reasons.", MAX_LINES + 1, False),
    ],
)
def test_when_a_module_is_long_then_its_docstring_must_say_why(
    tmp_path: Path, doc: str, lines: int, passes: bool
) -> None:
    path = tmp_path / "m.py"
    body = f'"""{doc}\n"""\n' + "x = 1\n" * lines
    path.write_text(body, encoding="utf-8")
    too_long = len(body.splitlines()) > MAX_LINES
    assert (not too_long or _long_reason(path)) is passes


def _library_classes() -> list[type]:
    classes = []
    for info in pkgutil.walk_packages(emm.__path__, "emm."):
        if _not_imported(info.name):
            continue
        module = importlib.import_module(info.name)
        classes += [
            c for _, c in inspect.getmembers(module, inspect.isclass) if c.__module__ == info.name
        ]
    return classes


def test_every_library_error_has_the_one_root() -> None:
    errors = [c for c in _library_classes() if issubclass(c, BaseException)]
    assert len(errors) > 10, "the walk found too few exceptions: is emm importable?"
    strays = {f"{c.__module__}.{c.__qualname__}" for c in errors if not issubclass(c, EmmError)}
    new = sorted(strays - set(OWN_ROOT))
    assert not new, f"exceptions that do not subclass emm.errors.EmmError: {new}"
    gone = sorted(set(OWN_ROOT) - strays)
    assert not gone, f"remove from OWN_ROOT: {gone}"


def test_modules_not_imported_define_no_stray_exceptions() -> None:
    """The pages and build_nlp are read, not imported: a class there with a builtin exception
    among its bases must also have a library error among them."""
    ours = {c.__name__ for c in _library_classes() if issubclass(c, EmmError)}
    builtin = {
        n for n, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException)
    }
    strays = []
    for path in _modules():
        name = ".".join(path.relative_to(EMM.parent).with_suffix("").parts)
        if not _not_imported(name):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {ast.unparse(b).split(".")[-1] for b in node.bases}
                if bases & builtin and not bases & ours:
                    strays.append(f"{name}.{node.name}")
    assert not strays, f"exceptions that do not subclass emm.errors.EmmError: {strays}"
