"""The app in a real browser: login → search → explore → generate an OIB → export a TIB.

Starts ``streamlit run emm/app/main.py`` against the test database with tiny synthetic data and
drives Debian's chromium through Playwright (no browser download). Screenshots go to
``test-artifacts/e2e/`` and are copied to ``docs/screenshots/``. Every request the page makes
must stay on the app's own host: the app works offline (no CDN).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from emm.access.policy import Principal
from emm.access.session import guarded, users
from emm.graph.connect import RECORD_CYPHER
from emm.graph.store import GraphStore
from emm.ingest.pipeline import ingest_folder
from emm.settings import Settings, load
from emm.synth import generate

pytestmark = [pytest.mark.db, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
SCREENSHOTS = ROOT / "docs" / "screenshots"
PASSWORD = "correct horse battery staple"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_SCHEMES = ("data:", "blob:", "about:")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def app_url(
    _session_store: GraphStore, db_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="the playwright Python package is missing")
    root = tmp_path_factory.mktemp("e2e")
    data_dir = root / "data"
    data_dir.mkdir()
    shared = (load().data_dir / "cache").resolve()  # the de-identification engine's tables
    shared.mkdir(parents=True, exist_ok=True)
    (data_dir / "cache").symlink_to(shared, target_is_directory=True)

    store = _session_store
    store.clear()
    generate(root / "synth", seed=1, size="tiny")
    ingest_folder(root / "synth" / "deliveries", store, out_dir=data_dir)
    env_vars = {
        "EMM_DATA_DIR": str(data_dir),
        "EMM_NEO4J_URI": db_settings.uri,
        "EMM_NEO4J_USER": db_settings.user,
        "EMM_NEO4J_PASSWORD": db_settings.password(),
        "EMM_NEO4J_DATABASE": db_settings.neo4j_database,
    }
    settings = load(env_vars)
    users(settings).add("senior", role="senior_analyst", affiliation="POL", password=PASSWORD)
    system = guarded(store, settings, Principal("system", "senior_analyst", "POL", "e2e setup"))
    system.analysis.run(for_role="senior_analyst")

    port = _free_port()
    # The developer's EMM_* settings stay out; the Cypher recording (tests/cypher_recorder.py) not.
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMM_") or k == RECORD_CYPHER}
    env.update(env_vars)
    log = (root / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "emm" / "app" / "main.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--client.toolbarMode",
            "viewer",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError(
                    f"streamlit did not start: {(root / 'streamlit.log').read_text()}"
                )
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_login_search_explore_oib_and_tib(app_url: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    expect.set_options(timeout=60_000)  # the first page loads while the server warms up
    outside: list[str] = []
    shots: list[Path] = []

    def shot(page, name: str) -> None:
        page.wait_for_timeout(500)
        path = ARTIFACTS / f"{len(shots) + 1:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        shots.append(path)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1800})
        page.set_default_timeout(60_000)

        def check(request) -> None:
            if not request.url.startswith((app_url, *LOCAL_SCHEMES)):
                outside.append(request.url)

        page.on("request", check)
        try:
            # login
            page.goto(app_url)
            page.get_by_role("textbox", name="User name").fill("senior")
            page.get_by_role("textbox", name="Password").fill(PASSWORD)
            page.get_by_role("textbox", name="Purpose or case reference").fill("e2e case 2026/1")
            shot(page, "login")
            page.get_by_role("button", name="Log in").click()
            expect(page.get_by_text("Networks that rank highest")).to_be_visible()
            shot(page, "home")

            # search
            nav = page.get_by_test_id("stSidebarNav")
            nav.get_by_text("Search", exact=True).click()
            page.get_by_role("textbox", name="Name, BSN, phone").fill("Amrani")
            page.get_by_role("button", name="Search").click()
            expect(page.get_by_text("result(s)")).to_be_visible()
            shot(page, "search")

            # explore from the first result
            page.get_by_role("button", name="Explore").first.click()
            expect(page.get_by_role("heading", name="Network explorer")).to_be_visible()
            frame = page.frame_locator("iframe").first
            expect(frame.locator("canvas")).to_be_visible()
            page.get_by_role("tab", name="Key players & communities").click()
            page.wait_for_timeout(3000)  # let the layout settle
            shot(page, "explorer")

            # OIB of the explorer view
            nav.get_by_text("OIB", exact=True).click()
            page.get_by_text("Explorer view").click()
            page.get_by_role("button", name="Generate HTML and PDF").click()
            expect(page.get_by_role("button", name="Download PDF")).to_be_visible()
            shot(page, "oib")

            # TIB through the export gate
            nav.get_by_text("Trend pictures", exact=True).click()
            page.get_by_test_id("stSelectbox").first.click()
            page.get_by_role("option", name="TIB: Tactical intelligence picture").click()
            page.get_by_role("textbox", name="Title").fill("Arbeidsuitbuiting 2019-2023")
            page.get_by_role("textbox", name="Narrative").fill(
                "Het aantal signalen van arbeidsuitbuiting nam toe. Jan de Vries belde "
                "het meldpunt op 06-12345678."
            )
            page.get_by_role("button", name="Build and preview").click()
            expect(page.get_by_text("Preview:")).to_be_visible(timeout=300_000)
            expect(page.get_by_text("replacement(s)")).to_be_visible()
            shot(page, "tib-preview")
            page.get_by_role("button", name="Export").click()
            verdict = page.get_by_text("passed the gate").or_(page.get_by_text("Export refused"))
            expect(verdict.first).to_be_visible(timeout=120_000)
            shot(page, "tib-export")
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "failure.png"), full_page=True)
            raise
        finally:
            browser.close()

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path in shots:
        shutil.copy(path, SCREENSHOTS / path.name)
    assert not outside, f"the page loaded from other hosts: {outside[:5]}"
