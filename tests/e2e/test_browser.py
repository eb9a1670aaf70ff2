"""The app in a real browser (Debian chromium through Playwright, no browser download).

Starts the app server (:func:`emm.app.launch.start`: production settings, the session and
media routes) against the test database with tiny synthetic data plus a delivery whose names
try to be Markdown, HTML and a spreadsheet formula. Covers login (and its lockout), the session
cookie (reload, second tab, deep links, logout), the graph component (click, double-click to
expand, context menu, undo, lasso, timeline brush, PNG/SVG export), downloads that stop working
after logout or 30 minutes idle, the products flow (OIB, TIB through the export gate), and
every other page in Dutch (indicators, same-person review, information requests, privacy).

Every test waits on conditions (an element, an attribute the component sets, a cookie), never
on time; every test fails when the page made a request that left 127.0.0.1. Screenshots go to
``test-artifacts/e2e/`` and, for the flow test, to ``docs/screenshots/``.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from emm.access.policy import Principal
from emm.access.session import audit_log, guarded, users
from emm.app import launch
from emm.graph.connect import RECORD_CYPHER
from emm.graph.store import GraphStore
from emm.ingest.pipeline import ingest_folder
from emm.settings import Settings, load
from emm.synth import generate

pytestmark = [pytest.mark.db, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "app" / "fixtures" / "hostile"
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
# Streamlit shows its status widget ("Stop") while a script runs; no widget: the page is idle.
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
WAIT = 90_000  # ms: an upper bound for a condition on a loaded machine, not a sleep


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class App:
    url: str
    settings: Settings
    members: list[str]  # the top network of the senior analysts' run


@pytest.fixture(scope="module")
def app(
    _session_store: GraphStore, db_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[App]:
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
    ingest_folder(HOSTILE, store, out_dir=data_dir)
    env_vars = {
        "EMM_DATA_DIR": str(data_dir),
        "EMM_NEO4J_URI": db_settings.uri,
        "EMM_NEO4J_USER": db_settings.user,
        "EMM_NEO4J_PASSWORD": db_settings.password(),
        "EMM_NEO4J_DATABASE": db_settings.neo4j_database,
    }
    settings = load(env_vars)
    for name, role in (
        ("senior", "senior_analyst"),
        ("analyst", "analyst"),
        ("eva", "analyst"),
        ("privacy", "privacy_officer"),
    ):
        users(settings).add(name, role=role, affiliation="POL", password=PASSWORD)
    system = guarded(store, settings, Principal("system", "senior_analyst", "POL", "e2e setup"))
    run = system.analysis.run(for_role="senior_analyst")

    port = _free_port()
    # The developer's EMM_* settings stay out; the Cypher recording (tests/cypher_recorder.py) not.
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMM_") or k == RECORD_CYPHER}
    env.update(env_vars)
    proc = launch.start(port, env, log=root / "streamlit.log", cwd=ROOT)
    try:
        yield App(f"http://127.0.0.1:{port}", settings, list(run.networks[0]["members"]))
    finally:
        launch.stop(proc)


@pytest.fixture(scope="module")
def browser(app: App) -> Iterator[Any]:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=WAIT)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Tab:
    """A page plus what it requested outside the app's host."""

    def __init__(self, context: Any, app: App, name: str) -> None:
        self.context = context
        self.app = app
        self.name = name
        self.outside: list[str] = []
        self.page = self.open()

    def open(self) -> Any:
        page = self.context.new_page()
        page.set_default_timeout(WAIT)

        def check(request: Any) -> None:
            if not request.url.startswith((self.app.url, *LOCAL_SCHEMES)):
                self.outside.append(request.url)

        page.on("request", check)
        return page

    def shot(self, name: str) -> Path:
        path = ARTIFACTS / f"{self.name}-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def tab(browser: Any, app: App, request: pytest.FixtureRequest) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1400, "height": 1700}, accept_downloads=True)
    t = Tab(context, app, request.node.name.removeprefix("test_"))
    try:
        yield t
    except Exception:
        t.shot("failure")
        raise
    finally:
        outside = list(t.outside)
        context.close()
    assert not outside, f"the page loaded from other hosts: {outside[:5]}"


# ------------------------------------------------------------------------------ helpers


def wait_until(condition: Callable[[], Any], what: str, timeout: float = WAIT / 1000) -> Any:
    """Poll a condition outside the page (a cookie, an audit entry) until it holds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def session_cookie(tab: Tab) -> dict[str, Any] | None:
    return next((c for c in tab.context.cookies() if c["name"] == "emm_session"), None)


def login(
    tab: Tab,
    user: str = "senior",
    password: str = PASSWORD,
    purpose: str = "e2e 2026/1",
    *,
    ok: bool = True,
) -> None:
    from playwright.sync_api import expect

    page = tab.page
    page.goto(tab.app.url)
    page.get_by_role("textbox", name="Gebruikersnaam").fill(user)
    page.get_by_role("textbox", name="Wachtwoord").fill(password)
    page.get_by_role("textbox", name="Doel of zaaknummer").fill(purpose)
    page.get_by_role("button", name="Inloggen").click()
    if ok:
        expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
        wait_until(lambda: session_cookie(tab), "the session cookie")
        idle(tab)


def idle(tab: Tab) -> None:
    """Wait until no script runs, so that a click goes to the page as it now is."""
    tab.page.wait_for_function(IDLE, timeout=WAIT)


def nav(tab: Tab, title: str) -> None:
    idle(tab)
    tab.page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()


class Graph:
    """The graph component as the tests see it: its element and its test hooks."""

    def __init__(self, tab: Tab) -> None:
        from playwright.sync_api import expect

        self.page = tab.page
        self.el = tab.page.get_by_test_id("emm-graph")
        expect(self.el).to_have_attribute("data-ready", "true")

    def js(self, expr: str, *args: Any) -> Any:
        return self.page.evaluate(f"(a) => window.__emmGraphs['ex_graph'].{expr}", list(args))

    def rev(self) -> str:
        return str(self.el.get_attribute("data-rev"))

    def wait_new(self, rev: str) -> None:
        self.page.wait_for_function(
            "([el, r]) => el.dataset.rev !== r", arg=[self.el.element_handle(), rev], timeout=WAIT
        )

    def where(self, uid: str) -> tuple[float, float]:
        """Where to click an entity: on screen and on the canvas (not under the legend)."""
        p = self.page.evaluate("(id) => window.__emmGraphs['ex_graph'].clickable(id)", uid)
        assert p is not None, uid
        return p["x"], p["y"]

    def clickable_id(self) -> str:
        for uid in self.ids():
            if self.page.evaluate("(id) => window.__emmGraphs['ex_graph'].clickable(id)", uid):
                return uid
        raise AssertionError("no entity can be clicked")

    def position(self, uid: str) -> tuple[float, float]:
        """Where a node is on the canvas (not on the page, which may scroll or shift)."""
        p = self.page.evaluate("(id) => window.__emmGraphs['ex_graph'].position(id)", uid)
        assert p is not None, uid
        return round(p["x"]), round(p["y"])

    def ids(self) -> list[str]:
        return list(self.page.evaluate("() => window.__emmGraphs['ex_graph'].nodeIds()"))

    def hidden(self) -> list[str]:
        return list(self.page.evaluate("() => window.__emmGraphs['ex_graph'].hiddenIds()"))

    def selected(self) -> str:
        return str(self.el.get_attribute("data-selected") or "")


def open_network(tab: Tab) -> Graph:
    from playwright.sync_api import expect

    nav(tab, "Netwerkverkenner")
    expect(tab.page.get_by_role("heading", name="Netwerkverkenner")).to_be_visible()
    idle(tab)
    tab.page.get_by_role("tab", name="Gerangschikt netwerk").click()
    tab.page.get_by_role("button", name="Netwerk openen").click()
    return Graph(tab)


def audit_actions(app: App) -> list[str]:
    return [str(e["action"]) for e in audit_log(app.settings).entries()]


# ------------------------------------------------------------------------------ tests


def test_login_search_explore_oib_and_tib(tab: Tab) -> None:
    from playwright.sync_api import expect

    page = tab.page
    shots = []
    page.goto(tab.app.url)
    expect(page.get_by_role("textbox", name="Gebruikersnaam")).to_be_visible()
    shots.append(tab.shot("01-login"))
    login(tab)
    expect(page.get_by_text("Hoogst gerangschikte netwerken")).to_be_visible()
    shots.append(tab.shot("02-home"))

    nav(tab, "Zoeken")
    page.get_by_role("textbox", name="Naam, BSN, telefoon").fill("Amrani")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page.get_by_text("resultaat/resultaten")).to_be_visible()
    idle(tab)
    page.get_by_role("button", name="Openen", exact=True).first.click()
    expect(page.get_by_role("heading", name=re.compile(r"^Feiten \(\d+\)"))).to_be_visible()
    shots.append(tab.shot("03-search"))

    idle(tab)
    page.get_by_role("button", name="Verkennen", exact=True).first.click()
    expect(page.get_by_role("heading", name="Netwerkverkenner")).to_be_visible()
    Graph(tab)
    shots.append(tab.shot("04-explorer"))

    nav(tab, "OIB")
    page.get_by_text("Beeld in de verkenner").click()
    generate = page.get_by_role("button", name="HTML en PDF maken")
    expect(generate).to_have_count(1, timeout=WAIT)  # a rerun briefly shows the stale one too
    idle(tab)
    generate.click()
    expect(page.get_by_role("button", name="PDF downloaden")).to_be_visible()
    shots.append(tab.shot("05-oib"))

    nav(tab, "Trendbeelden")
    expect(page.get_by_role("heading", name="Trendbeelden")).to_be_visible()
    idle(tab)
    page.get_by_test_id("stSelectbox").filter(has_text="Product").click()
    page.get_by_role("option", name="TIB: Tactisch intelligencebeeld").click()
    page.get_by_role("textbox", name="Titel").fill("Arbeidsuitbuiting 2019-2023")
    page.get_by_role("textbox", name="Verhaal", exact=True).fill(
        "Het aantal signalen van arbeidsuitbuiting nam toe. Jan de Vries belde "
        "het meldpunt op 06-12345678."
    )
    page.get_by_role("button", name="Opbouwen en voorbeeld tonen").click()
    expect(page.get_by_text("Voorbeeld:")).to_be_visible(timeout=900_000)  # engine on a busy host
    expect(page.get_by_text("vervanging(en)")).to_be_visible()
    shots.append(tab.shot("06-tib-preview"))
    page.get_by_role("button", name="Exporteren", exact=True).click()
    verdict = page.get_by_text("door de poort gekomen").or_(page.get_by_text("Export geweigerd"))
    expect(verdict.first).to_be_visible(timeout=600_000)
    shots.append(tab.shot("07-tib-export"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path in shots:
        shutil.copy(path, SCREENSHOTS / path.name.removeprefix(f"{tab.name}-"))


def test_canvas_click_expand_menu_undo_and_export(tab: Tab) -> None:
    from playwright.sync_api import expect

    page = tab.page
    login(tab)
    g = open_network(tab)
    target = g.clickable_id()

    # click selects, and the panel below follows
    page.mouse.click(*g.where(target))
    expect(g.el).to_have_attribute("data-selected", target)
    expect(page.get_by_test_id("stSelectbox").filter(has_text="Entiteit")).to_be_visible()

    # double-click expands: a new picture arrives, nothing already drawn moves
    before = {u: g.position(u) for u in g.ids()}
    rev = g.rev()
    page.mouse.dblclick(*g.where(target))
    g.wait_new(rev)
    expect(page.get_by_text("1 keer uitgebreid")).to_be_visible()
    assert {u: g.position(u) for u in before} == before
    tab.shot("expanded")

    # context menu: hide, then undo
    page.mouse.click(*g.where(target), button="right")
    expect(page.get_by_test_id("menu-expand-by")).to_be_visible()
    page.get_by_test_id("menu-expand-by").hover()
    page.get_by_test_id("menu-expand-by-party").hover()
    expect(page.get_by_test_id("menu-expand-by-party-POL")).to_be_visible()
    tab.shot("menu")
    rev = g.rev()
    page.get_by_test_id("menu-hide").click()
    g.wait_new(rev)
    assert target in g.hidden()
    rev = g.rev()
    page.get_by_test_id("graph-undo").click()
    g.wait_new(rev)
    assert target not in g.hidden()

    # lasso around everything selects several entities
    page.get_by_test_id("graph-lasso").click()
    box = page.get_by_test_id("graph-canvas").bounding_box()
    x0, y0, x1, y1 = (
        box["x"] + 5,
        box["y"] + 5,
        box["x"] + box["width"] - 5,
        box["y"] + box["height"] - 5,
    )
    page.mouse.move(x0, y0)
    page.mouse.down()
    for x, y in ((x1, y0), (x1, y1), (x0, y1), (x0, y0 + 2)):
        page.mouse.move(x, y, steps=4)
    page.mouse.up()
    page.wait_for_function(
        "(el) => (el.dataset.selected || '').split(' ').length > 2", arg=g.el.element_handle()
    )
    expect(page.get_by_text("entiteiten geselecteerd")).to_be_visible()
    page.get_by_test_id("graph-lasso").click()

    # the timeline brush filters the picture
    edges = int(str(g.el.get_attribute("data-edges")))
    svg = page.get_by_test_id("timeline-svg").bounding_box()
    page.mouse.move(svg["x"] + 2, svg["y"] + 20)
    page.mouse.down()
    page.mouse.move(svg["x"] + svg["width"] * 0.3, svg["y"] + 20, steps=5)
    page.mouse.up()
    expect(page.get_by_test_id("timeline-period")).to_contain_text("periode")
    page.wait_for_function(
        "([el, n]) => Number(el.dataset.edges) < n", arg=[g.el.element_handle(), edges]
    )
    page.get_by_test_id("timeline-clear").click()
    page.wait_for_function(
        "([el, n]) => Number(el.dataset.edges) === n", arg=[g.el.element_handle(), edges]
    )

    # exports, made in the browser, carry the handling notice, and are audited
    with page.expect_download() as png:
        page.get_by_test_id("graph-export-png").click()
    assert png.value.suggested_filename.endswith(".png")
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as svg_dl:
        page.get_by_test_id("graph-export-svg").click()
    text = Path(svg_dl.value.path()).read_text(encoding="utf-8")
    assert text.startswith("<svg") and "Verstrekkingsvoorwaarde" in text
    # the files for other tools are made by the server when clicked (and audited then)
    with page.expect_download() as graphml:
        page.get_by_role("button", name="GraphML").click()
    text = Path(graphml.value.path()).read_text(encoding="utf-8")
    assert graphml.value.suggested_filename == "emm-netwerk.graphml"
    assert "<graphml" in text and "Verstrekkingsvoorwaarde" in text and "legal_basis" in text
    with page.expect_download() as anx:
        page.get_by_role("button", name="i2 (ANX)").click()
    assert Path(anx.value.path()).read_bytes()[:2] == b"\xff\xfe"
    wait_until(lambda: audit_actions(tab.app).count("export_chart") >= 4, "export audit entries")


def test_reload_keeps_the_session_and_a_second_tab_follows_a_deep_link(tab: Tab) -> None:
    from playwright.sync_api import expect

    page = tab.page
    login(tab)
    g = open_network(tab)
    shown = sorted(g.ids())
    page.reload()
    expect(page.get_by_role("heading", name="Netwerkverkenner")).to_be_visible()
    g = Graph(tab)
    assert sorted(g.ids()) == shown  # the same workspace, not a login form
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()

    uid = tab.app.members[0]
    second = tab.open()
    second.goto(f"{tab.app.url}/?entity={uid}")
    expect(second.get_by_role("heading", name="Netwerkverkenner")).to_be_visible()
    second_graph = second.get_by_test_id("emm-graph")
    expect(second_graph).to_have_attribute("data-selected", uid)

    # a fresh browser without the cookie gets the login form on any page address
    other = tab.context.browser.new_context()
    try:
        p3 = other.new_page()
        p3.goto(f"{tab.app.url}/explorer?entity={uid}")
        expect(p3.get_by_role("textbox", name="Gebruikersnaam")).to_be_visible()
        expect(p3.get_by_text("Page not found")).to_have_count(0)
    finally:
        other.close()


def test_downloads_work_only_inside_a_live_session(tab: Tab) -> None:
    from playwright.sync_api import expect

    page = tab.page
    login(tab)
    open_network(tab)
    with page.expect_download() as dl:
        page.get_by_role("button", name="Feiten downloaden (CSV)").click()
    url = dl.value.url
    assert "/media/" in url
    assert tab.context.request.get(url).status == 200

    # without the cookie: refused
    anonymous = tab.context.browser.new_context()
    try:
        assert anonymous.request.get(url).status == 403
    finally:
        anonymous.close()

    # idle for more than 30 minutes (the session's clock set back): refused
    db = tab.app.settings.data_dir / "web" / "sessions.sqlite"
    with sqlite3.connect(db) as c:
        c.execute("UPDATE web_session SET last_active = last_active - 31 * 60")
    assert tab.context.request.get(url).status == 403

    # a new login, a new file; after logout its URL is refused at once
    login(tab)
    open_network(tab)
    with page.expect_download() as dl:
        page.get_by_role("button", name="Feiten downloaden (CSV)").click()
    url = dl.value.url
    assert tab.context.request.get(url).status == 200
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("textbox", name="Gebruikersnaam")).to_be_visible()
    assert tab.context.request.get(url).status == 403
    assert "download_refused" in audit_actions(tab.app)


def test_wrong_passwords_lock_the_user_out_and_are_audited(tab: Tab) -> None:
    from playwright.sync_api import expect

    from emm.access import auth

    page = tab.page
    for _ in range(3):  # the free failures of emm/access/lockout.yaml: no wait yet
        login(tab, user="eva", password="not the password", ok=False)
        expect(page.get_by_text("Onbekende gebruiker of onjuist wachtwoord.")).to_be_visible()
    # The lock (10 failures) without sitting out the growing waits between them: the same
    # lockout file the app reads, counted on as the CLI would.
    lock = auth.lockout(tab.app.settings)
    for _ in range(7):
        lock.failure("eva")
    login(tab, user="eva", password=PASSWORD, ok=False)  # even the right password is refused
    expect(page.get_by_text("Te veel mislukte pogingen")).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)
    actions = audit_actions(tab.app)
    assert actions.count("login_failed") >= 3 and "login_refused" in actions


def test_names_from_data_are_shown_as_text(tab: Tab) -> None:
    from playwright.sync_api import expect

    page = tab.page
    login(tab)
    nav(tab, "Netwerkverkenner")
    page.get_by_role("textbox", name="Naam of kenmerk").fill("beacon")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("button", name="Hier beginnen").click()
    Graph(tab)
    # ingest title-cases names: "![X](Http://Beacon.Invalid/B.Png)", shown so (with an invisible
    # word joiner after "Http", which keeps Streamlit from turning it into a link)
    shown = page.get_by_test_id("stMarkdownContainer").filter(
        has_text=re.compile(r"!\[x\]\(http\u2060?://beacon\.invalid/b\.png\)", re.I)
    )
    expect(shown.first).to_be_visible()
    expect(page.locator("img[src*='beacon' i]")).to_have_count(0)
    expect(page.locator("a[href*='beacon' i]")).to_have_count(0)  # not even a bare autolink
    # the tab fixture fails the test if anything was requested from beacon.invalid


def test_every_other_page_in_dutch(tab: Tab) -> None:
    """Indicators, same-person review, information requests (register one) and privacy."""
    from playwright.sync_api import expect

    page = tab.page
    login(tab)
    nav(tab, "Indicatoren")
    expect(page.get_by_role("heading", name="Indicatoren", exact=True)).to_be_visible()
    expect(
        page.get_by_text("Per netwerk").or_(page.get_by_text("geen indicatortreffers"))
    ).to_be_visible()
    tab.shot("indicators")

    nav(tab, "Zelfde persoon?")
    expect(page.get_by_role("heading", name="Zelfde persoon?")).to_be_visible()
    expect(page.get_by_text("Wachten op een besluit")).to_be_visible()
    tab.shot("same-person")

    nav(tab, "Informatieverzoeken")
    expect(page.get_by_role("heading", name="Informatieverzoeken")).to_be_visible()
    page.get_by_role("textbox", name="Vraag").fill("Welke signalen zijn er over uitzendbureau X?")
    idle(tab)
    page.get_by_role("button", name="Verzoek registreren").click()
    expect(
        page.get_by_text(re.compile(r"BI-REQ-\S+ geregistreerd|geregistreerd\."))
    ).to_be_visible()
    tab.shot("requests")

    idle(tab)
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("textbox", name="Gebruikersnaam")).to_be_visible()
    wait_until(lambda: session_cookie(tab) is None, "the session cookie to go")
    login(tab, user="privacy", purpose="e2e privacy 2026/2")
    nav(tab, "Privacy en audit")
    expect(page.get_by_role("heading", name="Privacy en audit")).to_be_visible()
    page.get_by_role("tab", name="Auditspoor").click()
    page.get_by_role("button", name="Auditspoor controleren").click()
    expect(page.get_by_text("de keten is ongebroken")).to_be_visible()
    tab.shot("privacy")
