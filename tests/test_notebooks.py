"""The worked analyses in ``notebooks/`` run top to bottom, logged in as a demo user.

Each notebook's source is a jupytext percent file, ``notebooks/*.py`` (linted and formatted by
ruff like the rest of the code), paired with the ``.ipynb`` that Jupyter opens. The pair must
hold the same cells and the ``.ipynb`` no outputs: after editing a source, run
``.venv/bin/jupytext --sync notebooks/*.py``. The test executes the sources themselves, so what
is reviewed is what runs.

The notebooks run on what ``make run`` sets up: a data directory with the synthetic data set
``demo-1`` ingested (here into the session's test database), the whole-graph analysis runs, and
one demo user per role whose passwords are in the owner-only ``demo-credentials.txt``. A
notebook logs in as a user with the password from that file (no password on a command line or
in the environment). Each runs with nbclient in a kernel of the interpreter that runs the
tests (a kernel spec written to a temporary ``JUPYTER_PATH``); a failing cell fails the test
with that cell's source and traceback.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from emm.access.policy import Principal
from emm.access.session import demo_credentials, ensure_demo_users, guarded
from emm.graph.store import GraphStore
from emm.settings import Settings, load

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
SOURCES = sorted(p.name for p in NOTEBOOKS.glob("*.py"))
CELL_TIMEOUT = 300  # seconds
KERNEL = "emm-notebook-test"
DATA_SET = (1, "demo")  # seed and size of the demo installation (emm.demo.prepare_demo)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")

jupytext = pytest.importorskip("jupytext")


def _cells(nb: Any) -> list[tuple[str, str]]:
    return [(c["cell_type"], c["source"]) for c in nb["cells"]]


def test_there_are_notebooks_and_each_source_has_its_pair() -> None:
    assert SOURCES, "no notebooks/*.py"
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == [
        s.removesuffix(".py") + ".ipynb" for s in SOURCES
    ]


@pytest.mark.parametrize("name", SOURCES)
def test_the_ipynb_holds_the_cells_of_its_source(name: str) -> None:
    source = jupytext.read(NOTEBOOKS / name)
    paired = jupytext.read(NOTEBOOKS / name.replace(".py", ".ipynb"))
    hint = "run .venv/bin/jupytext --sync notebooks/*.py"
    assert _cells(paired) == _cells(source), f"{name} and its .ipynb differ: {hint}"
    outputs = [c for c in paired.cells if c.cell_type == "code" and c.get("outputs")]
    assert not outputs, f"{name}: commit the .ipynb without outputs (clear them, then {hint})"


@dataclass
class DemoInstall:
    settings: Settings
    env: dict[str, str]


@pytest.fixture(scope="module")
def demo_install(
    _session_store: GraphStore, db_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DemoInstall]:
    """What ``make run`` leaves behind (emm.demo.prepare_demo, less warming the
    de-identification engine), on the session's database and a data directory of its own."""
    from emm.synth import generate

    data_dir = tmp_path_factory.mktemp("notebooks") / "data"
    env = {
        "EMM_DATA_DIR": str(data_dir),
        "EMM_NEO4J_URI": db_settings.uri,
        "EMM_NEO4J_USER": db_settings.user,
        "EMM_NEO4J_PASSWORD": db_settings.password(),
        "EMM_NEO4J_DATABASE": db_settings.neo4j_database,
    }
    settings = load(env)
    seed, size = DATA_SET
    target = data_dir / "generated" / f"{size}-{seed}"
    generate(target, seed=seed, size=size)
    store = _session_store
    store.clear()
    system = guarded(store, settings, Principal("system", "senior_analyst", "POL", "demo setup"))
    result = system.ingest(target / "deliveries")
    assert {r.status for r in result.reports} == {"complete"}
    for role in ("senior_analyst", "analyst"):
        system.analysis.run(for_role=role)
    assert ensure_demo_users(settings) == demo_credentials(settings)
    yield DemoInstall(settings, env)


@pytest.fixture(scope="module")
def jupyter_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kernel spec for this interpreter (the project's virtualenv)."""
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / KERNEL
    spec.mkdir(parents=True)
    kernel = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "EMM notebook test",
        "language": "python",
    }
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    return root


@pytest.mark.db
@pytest.mark.slow
@pytest.mark.parametrize("name", SOURCES)
def test_notebook_runs(
    name: str,
    demo_install: DemoInstall,
    jupyter_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    nbclient = pytest.importorskip("nbclient")
    from jupyter_client.manager import KernelManager

    # The de-identification engine's lookup tables take minutes to build: the kernel uses the
    # developer's cache (EMM_CACHE_DIR, or var/cache), read before the environment changes.
    monkeypatch.setenv("EMM_CACHE_DIR", str(load().cache_dir.resolve()))
    for var in ("EMM_BOLT_PORT", "EMM_HTTP_PORT", "EMM_USER"):
        monkeypatch.delenv(var, raising=False)
    for var, value in demo_install.env.items():
        monkeypatch.setenv(var, value)
    monkeypatch.setenv("JUPYTER_PATH", str(jupyter_path))

    nb = jupytext.read(NOTEBOOKS / name)
    client = nbclient.NotebookClient(
        nb,
        # IPC sockets in a private directory: no TCP port, not even on loopback
        km=KernelManager(kernel_name=KERNEL, transport="ipc", ip=str(tmp_path / "kernel")),
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as exc:
        pytest.fail(f"{name}: a cell failed\n{_ANSI.sub('', str(exc))}", pytrace=False)
    errors = [
        out
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]
    assert not errors, f"{name}: {errors[0]['ename']}: {errors[0]['evalue']}"
    audit = (demo_install.settings.data_dir / "audit" / "audit.jsonl").read_text(encoding="utf-8")
    logins = [json.loads(line) for line in audit.splitlines() if '"login"' in line]
    assert any(e["user"] == "senior" and e["action"] == "login" for e in logins)
