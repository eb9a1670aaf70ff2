"""The import rules between packages (:mod:`emm.tools.layers`) hold, apart from a known list.

``KNOWN`` lists the imports that break a rule today, each with who is removing it. The test
fails on any new violation, and on an entry of ``KNOWN`` that no longer occurs (delete it: the
list only shrinks).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from emm.tools import layers

# (importing module or package, imported package): why it is still there. An entry covers the
# modules inside a package it names.
KNOWN = {
    # evaluation against the synthetic answer key moves out of the graph core (i3)
    ("emm.graph.evaluate", "emm.ingest"): "re-reads delivery rows to resolve ground-truth refs",
    ("emm.graph.evaluate", "emm.graph.analysis"): "scores organisers with the analysis",
}


def _known(v: layers.Violation) -> tuple[str, str] | None:
    """The entry of KNOWN that covers a violation, if any."""
    dest = layers.unit_of(v.target)
    for module, package in KNOWN:
        if dest == package and (v.module == module or v.module.startswith(module + ".")):
            return (module, package)
    return None


def test_the_package_imports_follow_the_layer_rules() -> None:
    found = layers.check(layers.scan())
    new = [str(v) for v in found if _known(v) is None]
    assert not new, "imports that break a layer rule:\n" + "\n".join(new)
    gone = sorted(set(KNOWN) - {_known(v) for v in found})
    assert not gone, f"fixed now, remove these entries of KNOWN: {gone}"


def test_every_module_belongs_to_a_package_with_a_rule() -> None:
    root = Path(layers.__file__).resolve().parents[1]
    modules = {imp.module for imp in layers.scan(root)}
    assert modules, "no modules found"
    assert not [m for m in modules if layers.unit_of(m) is None]


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "emm"
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        for parent in path.relative_to(root).parents:
            (root / parent / "__init__.py").touch()
        path.write_text(text, encoding="utf-8")
    return root


CASES = [
    # (name, file, source, breaks a rule)
    ("graph importing ingest", "graph/search.py", "from emm.ingest import normalise\n", True),
    ("graph importing values", "graph/search.py", "from emm.values import bsn\n", False),
    ("graph core importing analysis", "graph/x.py", "import emm.graph.analysis.frames\n", True),
    (
        "analysis importing the graph core",
        "graph/analysis/a.py",
        "from emm.graph import model\n",
        False,
    ),
    ("a lazy import inside a function", "graph/x.py", "def f():\n    import emm.access\n", True),
    (
        "products annotating the guard",
        "products/oib.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from emm.access import guarded\n",
        False,
    ),
    ("products importing the guard", "products/oib.py", "from emm.access import guarded\n", True),
    (
        "ingest using retention.keys",
        "ingest/p.py",
        "from emm.retention.keys import SubjectKeys\n",
        False,
    ),
    (
        "ingest using the retention engine",
        "ingest/p.py",
        "from emm.retention import engine\n",
        True,
    ),
    ("anything importing the app", "access/x.py", "import emm.app.main\n", True),
    ("the app importing the CLI", "app/x.py", "from emm.cli import base\n", True),
    ("streamlit outside the app", "products/x.py", "import streamlit as st\n", True),
    ("streamlit in the app", "app/views/x.py", "import streamlit as st\n", False),
    ("click outside the CLI", "demo.py", "import click\n", True),
    ("a relative import", "graph/a.py", "from ..ingest import pipeline\n", True),
    ("a package without a rule", "newthing/x.py", "import json\n", True),
]


@pytest.mark.parametrize(("name", "rel", "source", "breaks"), CASES, ids=[c[0] for c in CASES])
def test_when_a_module_imports_then_the_rule_decides(
    tmp_path: Path, name: str, rel: str, source: str, breaks: bool
) -> None:
    root = _tree(tmp_path, {rel: source, "ingest/pipeline.py": "", "retention/keys.py": ""})
    problems = [v for v in layers.check(layers.scan(root)) if not v.module.endswith("__init__")]
    assert bool(problems) is breaks, problems


def test_the_command_lists_the_violations(capsys: pytest.CaptureFixture[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "emm.tools.layers"], capture_output=True, text=True, check=False
    )
    assert done.returncode == (1 if KNOWN else 0), done.stderr
    assert done.stdout.count(" imports ") >= len(KNOWN)
    for flag in ("--rules", "--graph"):
        assert layers.main([flag]) == 0
        assert "emm.graph" in capsys.readouterr().out


def test_the_architecture_page_shows_these_rules() -> None:
    page = (Path(__file__).parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    shown = page.split("<!-- layers:begin -->\n", 1)[1].split("\n<!-- layers:end -->", 1)[0]
    assert shown == layers.markdown_table(), (
        "docs/architecture.md is out of date: paste `python -m emm.tools.layers --markdown` "
        "between its layers markers"
    )
