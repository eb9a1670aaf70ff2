"""Fixtures of the app tests: one tiny synthetic data set, users and an analysis run, loaded once
for this package into the session's test database; the app is pointed at it through ``EMM_*``.

The app's own data directory (users, audit trail, analysis runs, products) is a fresh folder;
the database connection is given explicitly (URI, user, password, database).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from apptools import PASSWORD, USERS

from emm.access.analysis import AnalysisRun
from emm.access.policy import Principal
from emm.access.session import guarded, users
from emm.graph.store import GraphStore
from emm.ingest.pipeline import ingest_folder
from emm.settings import Settings, load
from emm.synth import generate


def share_anonymiser_cache(data_dir: Path) -> None:
    """Point the test data dir's cache at the developer's, so the de-identification engine's
    lookup tables (minutes to build) are built once, not in every test session."""
    data_dir.mkdir(parents=True, exist_ok=True)
    shared = (load().data_dir / "cache").resolve()  # before the environment points elsewhere
    shared.mkdir(parents=True, exist_ok=True)
    (data_dir / "cache").symlink_to(shared, target_is_directory=True)


@dataclass
class AppData:
    settings: Settings
    env: dict[str, str]
    store: GraphStore
    run: AnalysisRun  # the analysts' run
    senior_run: AnalysisRun


@pytest.fixture(scope="package")
def app_data(
    _session_store: GraphStore, db_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppData]:
    root = tmp_path_factory.mktemp("app")
    data_dir = root / "data"
    share_anonymiser_cache(data_dir)
    store = _session_store
    store.clear()
    generate(root / "synth", seed=1, size="tiny")
    ingest_folder(root / "synth" / "deliveries", store, out_dir=data_dir)
    env = {
        "EMM_DATA_DIR": str(data_dir),
        "EMM_NEO4J_URI": db_settings.uri,
        "EMM_NEO4J_USER": db_settings.user,
        "EMM_NEO4J_PASSWORD": db_settings.password(),
        "EMM_NEO4J_DATABASE": db_settings.neo4j_database,
    }
    settings = load(env)
    for name, (role, affiliation) in USERS.items():
        users(settings).add(name, role=role, affiliation=affiliation, password=PASSWORD)
    system = guarded(store, settings, Principal("system", "senior_analyst", "POL", "test setup"))
    runs = {role: system.analysis.run(for_role=role) for role in ("senior_analyst", "analyst")}
    yield AppData(settings, env, store, runs["analyst"], runs["senior_analyst"])


@pytest.fixture
def app_env(app_data: AppData, monkeypatch: pytest.MonkeyPatch) -> AppData:
    for key in ("EMM_BOLT_PORT", "EMM_HTTP_PORT", "EMM_USER"):
        monkeypatch.delenv(key, raising=False)
    for key, value in app_data.env.items():
        monkeypatch.setenv(key, value)
    return app_data
