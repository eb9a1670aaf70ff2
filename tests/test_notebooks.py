"""The worked analyses in ``notebooks/`` run top to bottom against the session test database.

Each notebook is executed with nbclient in a kernel of the interpreter that runs the tests (a
kernel spec written to a temporary ``JUPYTER_PATH``, so no install step is needed). The
notebooks read their database from the ``EMM_*`` environment; ``EMM_NOTEBOOK_FRESH_DB=1`` tells
them it is disposable. A failing cell fails the test with that cell's source and traceback.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from emm import settings as emm_settings
from emm.settings import Settings

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
CELL_TIMEOUT = 300  # seconds
KERNEL = "emm-notebook-test"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _env(settings: Settings) -> dict[str, str]:
    env = {
        "EMM_NOTEBOOK_FRESH_DB": "1",
        "EMM_DATA_DIR": str(settings.data_dir),
        "EMM_NEO4J_DATABASE": settings.neo4j_database,
        "EMM_BOLT_PORT": str(settings.bolt_port),
        "EMM_HTTP_PORT": str(settings.http_port),
    }
    if settings.neo4j_uri:
        env["EMM_NEO4J_URI"] = settings.neo4j_uri
        env["EMM_NEO4J_USER"] = settings.user
        env["EMM_NEO4J_PASSWORD"] = settings.password()
    return env


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


def _share_anonymiser_cache(data_dir: Path) -> None:
    """Point the test data dir's cache at the developer's, so the de-identification engine's
    lookup tables (minutes to build) are built once, not in every test session."""
    cache = data_dir / "cache"
    if cache.exists() or cache.is_symlink():
        return
    shared = (emm_settings.load().data_dir / "cache").resolve()
    shared.mkdir(parents=True, exist_ok=True)
    cache.symlink_to(shared, target_is_directory=True)


def test_notebooks_are_built_from_the_generator() -> None:
    """The committed .ipynb files are exactly what ``build_notebooks.py`` writes."""
    pytest.importorskip("nbformat")
    sys.path.insert(0, str(NOTEBOOKS))
    try:
        import build_notebooks
    finally:
        sys.path.remove(str(NOTEBOOKS))
    assert sorted(build_notebooks.NOTEBOOKS) == NAMES
    for name in NAMES:
        assert (NOTEBOOKS / name).read_text(encoding="utf-8") == build_notebooks.render(name), (
            f"{name} is out of date: run .venv/bin/python notebooks/build_notebooks.py"
        )


@pytest.mark.db
@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs(
    name: str,
    db_settings: Settings,
    jupyter_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from jupyter_client.manager import KernelManager

    _share_anonymiser_cache(db_settings.data_dir)  # before the environment points elsewhere
    for var in ("EMM_NEO4J_URI", "EMM_NEO4J_USER", "EMM_NEO4J_PASSWORD", "EMM_USER"):
        monkeypatch.delenv(var, raising=False)
    for var, value in _env(db_settings).items():
        monkeypatch.setenv(var, value)
    monkeypatch.setenv("JUPYTER_PATH", str(jupyter_path))

    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
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
