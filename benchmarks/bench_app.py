"""The app in real browsers: login, page navigation, search and expand, with N sessions at once.

Setup (not timed): a dedicated ArcadeDB on free ports in a temporary folder under ``tmp/``,
synthetic demo deliveries (``emm.synth.generate(size="demo")``, ~20k relationships; ``--quick``:
``tiny``) ingested, the whole-graph analysis for both analyst roles, one user per session. The
app server is started exactly as ``emm app`` starts it (:func:`emm.app.launch.start`:
production settings, session cookie and media routes), with the developer's de-identification
cache linked in so the engine is loaded in the app process as in production; the benchmark
waits for ``/_emm/ready`` (the warm-up finished and ``gc.freeze()`` ran) before it measures.

Then, for 1 and for 10 concurrent sessions (one headless Debian chromium, one browser context
per session, driven concurrently by async Playwright), each session:

- **login**: from the click on "Inloggen" until the sidebar's logout button is shown;
- **navigation**: a click on a page in the sidebar until that page's heading is shown
  (Overzicht, Netwerkverkenner), repeated;
- **search**: the explorer's search form, a known name, until its first result is offered;
- **expand**: a double-click on an entity of a loaded network that is neither a start entity
  nor expanded before in this session (so that there is something new to read), until the
  component has drawn the next picture (``data-rev`` changed).

Figures are p50/p95 of all measurements of all sessions (seconds, wall clock, including the
browser's own work; the two cores are shared by server, database and browsers). The rows name
the data size, the session count and the load average. Screenshots of the explorer at about
50, 500 and 2,000 entities (Dutch UI, demo data) go to ``docs/screenshots/`` on a full run.

Run by hand: ``python -m benchmarks.bench_app [--quick] [--size 1m] [--sessions 1,10]``
(``--size``: any size of :data:`emm.synth.SIZES`; at ``100k`` and ``1m`` only the analysts'
analysis is run and no screenshots are taken).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import tempfile
import time
import urllib.request
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
PASSWORD = "bench horse battery staple"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# What the explorer's search offers: the chips of its result picker, or its warning.
OFFERED = """() => {
  const m = [...document.querySelectorAll('[data-testid="stMultiSelect"]')].find((x) =>
    x.innerText.startsWith("Startentiteiten"));
  const w = [...document.querySelectorAll('[data-testid="stAlertContentWarning"]')];
  return (m ? m.innerText : "") + w.map((x) => x.innerText).join("|");
}"""
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
TARGETS = {"navigation": 0.5, "search": 0.5, "expand": 1.0, "login": 2.0}
WAIT = 120_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _quantile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


def prepare(work: Path, size: str, users_n: int) -> tuple[dict[str, str], Any, list[str], str]:
    """Database, data, analysis and users; returns the app's environment and the names."""
    from emm.access.policy import Principal
    from emm.access.session import guarded, users
    from emm.graph import local_db
    from emm.graph.connect import open_store
    from emm.ingest.pipeline import ingest_folder
    from emm.settings import load
    from emm.synth import generate

    data = work / "data"
    env = {
        "EMM_DATA_DIR": str(data),
        "EMM_BOLT_PORT": str(_free_port()),
        "EMM_HTTP_PORT": str(_free_port()),
    }
    settings = load(env)
    data.mkdir(parents=True)
    shared = (load({}).data_dir / "cache").resolve()
    if (shared / "deduce").exists():  # the engine's tables: loaded in the app as in production
        (data / "cache").symlink_to(shared, target_is_directory=True)
    local_db.start(settings)
    store = open_store(settings, start_local=False)
    store.ensure_schema()
    generate(work / "synth", seed=7, size=size)
    ingest_folder(work / "synth" / "deliveries", store, out_dir=data)
    system = guarded(store, settings, Principal("system", "senior_analyst", "POL", "bench"))
    run = None
    large = size in ("100k", "1m")
    for role in ("analyst",) if large else ("senior_analyst", "analyst"):
        run = system.analysis.run(for_role=role)
    for i in range(users_n):
        users(settings).add(f"bench{i}", role="analyst", affiliation="POL", password=PASSWORD)
    assert run is not None  # the analysts' run (the last one): names analysts may see
    members = [u for n in run.networks[:60] for u in n["members"] if u.startswith("Person-")]
    found = system.get_many(members[:400])
    names = sorted({e.caption for e in found.values() if len(e.caption) > 5})[:40]
    hub = "" if large else _hub(store, settings, [str(k["uid"]) for k in run.key_players])
    store.driver.close()
    return env, settings, names, hub


def _hub(store: Any, settings: Any, candidates: list[str]) -> str:
    """The deep link (query string) of a view with 2,000 entities or more, as an analyst sees
    it (for the screenshots at 50, 500 and 2,000 entities): an entity whose 3-hop neighbourhood
    is that large, or else a working set of the top key players at 3 hops."""
    from emm.access.policy import Principal
    from emm.access.session import guarded
    from emm.products.working_sets import WorkingSet

    g = guarded(store, settings, Principal("bench0", "analyst", "POL", "screenshots"))
    best, size = "", -1
    for uid in candidates[:25]:  # the analysis's key players, by rank
        n = len(g.ego([uid], hops=3, max_nodes=2000).entities)
        if n > size:
            best, size = uid, n
        if n >= 2000:
            return f"entity={best}"
    for top in (25, 50, 100, 200):
        seeds = candidates[:top]
        if len(g.ego(seeds, hops=3, max_nodes=2000).entities) >= 2000 or top >= len(candidates):
            break
    g.work.save_set(WorkingSet("bench-2000", "bench0", "benchmark", seeds, hops=3))
    return "set=bench-2000"


def _cpu_seconds(pid: int | None) -> float:
    """User + system CPU time of a process (and its waited-for children), from /proc."""
    if not pid:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / ticks


def _browser_cpu_seconds() -> float:
    """User + system CPU time of the browser processes this benchmark started (descendants of
    this process, the finished ones included through their parents' counters)."""
    total = 0.0
    me = os.getpid()
    for pid in Path("/proc").iterdir():
        if not pid.name.isdigit():
            continue
        try:
            fields = (pid / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ppid = int(fields[1])
        chain = ppid
        for _ in range(6):  # bench -> playwright driver -> chromium -> zygote -> renderer
            if chain in (me, 0, 1):
                break
            try:
                chain = int(Path(f"/proc/{chain}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                chain = 0
        if chain == me and ppid != me:  # the driver's own time is not the browser's
            total += _cpu_seconds(int(pid.name))
    return total


async def session(
    browser: Any, url: str, i: int, names: list[str], rounds: int, out: dict[str, list[float]]
) -> None:
    from playwright.async_api import TimeoutError as PlaywrightTimeout
    from playwright.async_api import expect

    context = await browser.new_context(viewport={"width": 1400, "height": 1500})
    page = await context.new_page()
    page.set_default_timeout(WAIT)
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if not r.url.startswith((url, "data:", "blob:", "about:"))
            else None
        ),
    )
    await page.goto(url)
    await page.get_by_role("textbox", name="Gebruikersnaam").fill(f"bench{i}")
    await page.get_by_role("textbox", name="Wachtwoord").fill(PASSWORD)
    await page.get_by_role("textbox", name="Doel of zaaknummer").fill(f"benchmark {i}")
    t = time.perf_counter()
    await page.get_by_role("button", name="Inloggen").click()
    await expect(page.get_by_role("button", name="Uitloggen")).to_be_visible(timeout=WAIT)
    out["login"].append(time.perf_counter() - t)
    nav = page.get_by_test_id("stSidebarNav")

    async def idle() -> None:  # no script running: a click goes to the page as it now is
        await page.wait_for_function(IDLE, timeout=WAIT)

    async def go(title: str, heading: str) -> None:
        await idle()
        t = time.perf_counter()
        await nav.get_by_text(title, exact=True).click()
        await expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=WAIT)
        out["navigation"].append(time.perf_counter() - t)

    await go("Netwerkverkenner", "Netwerkverkenner")
    await idle()
    await page.get_by_role("tab", name="Gerangschikt netwerk").click()
    await page.get_by_role("button", name="Netwerk openen").click()
    graph = page.get_by_test_id("emm-graph")
    await expect(graph).to_have_attribute("data-ready", "true", timeout=WAIT)
    done: set[str] = set()  # entities this session expanded (or started from)
    for r in range(rounds):
        # search (the explorer's search form): a name from the data until it is offered
        name = names[(i * rounds + r) % len(names)]
        box = page.get_by_role("textbox", name="Naam of kenmerk")
        if not await box.is_visible():
            tab = page.get_by_role("tab", name="Zoeken", exact=True)
            if not await tab.is_visible():
                await page.get_by_text("Beginnen bij entiteiten").first.click()
            await tab.click()
        await expect(box).to_be_visible(timeout=WAIT)
        await box.fill(name)
        await idle()
        before = await page.evaluate(OFFERED)
        t = time.perf_counter()
        await page.get_by_role("button", name="Zoeken", exact=True).click()
        # done when the offered start entities changed (a new result) or "nothing found" shows
        await page.wait_for_function(
            f"(b) => {{ const now = ({OFFERED})(); return now !== b && now !== ''; }}",
            arg=before,
            timeout=WAIT,
        )
        out["search"].append(time.perf_counter() - t)
        # expand: double-click an entity, until the next picture is drawn
        await idle()
        api = "window.__emmGraphs['ex_graph']"
        ids = await page.evaluate(f"() => {api}.nodeIds()")
        done.update(await page.evaluate(f"() => {api}.seedIds()"))  # in view with their facts
        pos = None
        for k in range(len(ids)):  # an entity that can be clicked (on screen, not under the legend)
            uid = ids[(r * 7 + i + k) % len(ids)]
            if uid in done:  # expanded before: nothing new to read
                continue
            pos = await page.evaluate(f"(id) => {api}.clickable(id)", uid)
            if pos is not None:
                break
        if pos is None:
            out["expand_skipped"].append(1.0)
            continue
        done.add(uid)
        rev = await graph.get_attribute("data-rev")
        await page.mouse.move(pos["x"], pos["y"])
        t = time.perf_counter()
        await page.mouse.dblclick(pos["x"], pos["y"])
        try:
            await page.wait_for_function(
                "([el, r]) => el.dataset.rev !== r",
                arg=[await graph.element_handle(), rev],
                timeout=WAIT,
            )
            out["expand"].append(time.perf_counter() - t)
        except PlaywrightTimeout:
            out["expand_timeouts"].append(1.0)
            await page.screenshot(path=str(ROOT / "tmp" / f"bench-expand-timeout-{i}-{r}.png"))
        # navigation away and back (the explorer comes back with the same workspace)
        await go("Overzicht", "EMM Workbench")
        await go("Netwerkverkenner", "Netwerkverkenner")
        await expect(graph).to_have_attribute("data-ready", "true", timeout=WAIT)
    out["outside"].extend(outside)
    await context.close()


async def protocol_session(
    url: str, i: int, names: list[str], rounds: int, out: dict[str, list[float]]
) -> None:
    """The steps of :func:`session` over the app's websocket, without a browser (the server's
    part of each click, see :mod:`benchmarks.app_protocol`); figures go to ``server_<step>``."""
    from benchmarks.app_protocol import ProtocolSession, component_event

    async with ProtocolSession(url, timeout=WAIT / 1000) as s:
        t = await s.rerun(
            set_values={
                "login_user": f"bench{i}",
                "login_pw": PASSWORD,
                "login_purpose": f"benchmark {i}",
            },
            trigger=("FormSubmitter:login-Inloggen", "trigger_value", True),
        )
        if "logout" not in s.widgets:
            raise RuntimeError(f"protocol session {i}: login refused")
        out["server_login"].append(t)
        out["server_navigation"].append(await s.rerun(page="Netwerkverkenner"))
        tabs = s.widgets["ex_start_tabs"]
        await s.rerun(fragment=tabs.fragment, set_values={"ex_start_tabs": "Gerangschikt netwerk"})
        await s.rerun(
            fragment=s.widgets["ex_load_net"].fragment,
            trigger=("ex_load_net", "trigger_value", True),
        )
        done: set[str] = set()
        for r in range(rounds):
            name = names[(i * rounds + r) % len(names)]
            query = s.widgets["ex_query"]
            t = await s.rerun(
                fragment=query.fragment,
                set_values={"ex_query": name},
                trigger=("FormSubmitter:ex_find-Zoeken", "trigger_value", True),
            )
            if s.widgets["ex_found_pick"].payload.get("options"):
                out["server_search"].append(t)
            else:
                out["server_search_empty"].append(t)
            graph = s.widgets["ex_graph"]
            nodes = graph.payload.get("nodes", [])
            out["server_view_nodes"].append(float(len(nodes)))  # the view a click redraws
            done.update(n["id"] for n in nodes if n.get("seed"))
            fresh = [n["id"] for n in nodes if n["id"] not in done]
            if fresh:
                uid = fresh[(r * 7 + i) % len(fresh)]
                done.add(uid)
                rev = graph.payload.get("rev")
                batch = [{"type": "expand", "ids": [uid], "arg": None, "n": r + 1}]
                event = [{"event": "action", "value": {"inst": f"proto{i}", "batch": batch}}]
                t = await s.rerun(
                    fragment=graph.fragment,
                    trigger=(component_event(graph), "json_trigger_value", event),
                )
                if s.widgets["ex_graph"].payload.get("rev") == rev:
                    out["server_expand_unchanged"].append(t)
                else:
                    out["server_expand"].append(t)
            out["server_navigation"].append(await s.rerun(page="Overzicht"))
            out["server_navigation"].append(await s.rerun(page="Netwerkverkenner"))


async def measure(
    url: str, n: int, names: list[str], rounds: int, browsers: int | None = None
) -> dict[str, list[float]]:
    """``n`` sessions at once: the first ``browsers`` (all by default) in headless Chromium,
    the others over the websocket protocol (:func:`protocol_session`)."""
    from playwright.async_api import async_playwright

    out: dict[str, list[float]] = defaultdict(list)
    b = n if browsers is None else min(browsers, n)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            done = await asyncio.gather(
                *(session(browser, url, i, names, rounds, out) for i in range(b)),
                *(protocol_session(url, i, names, rounds, out) for i in range(b, n)),
                return_exceptions=True,
            )
            out["browser_cpu"].append(_browser_cpu_seconds())
            for failed in (x for x in done if isinstance(x, BaseException)):
                out["failed_sessions"].append(1.0)  # counted in the rows, not hidden
                print(f"a session failed: {type(failed).__name__}: {failed}"[:300], flush=True)
        finally:
            await browser.close()
    return out


async def screenshots(url: str, big: str, user: str) -> list[str]:
    """The explorer at about 50, 500 and 2,000 entities (Dutch UI) into docs/screenshots/;
    ``big`` is the deep link of a view with 2,000 entities or more (see :func:`_hub`)."""
    from playwright.async_api import async_playwright, expect

    from emm.app.web import COOKIE

    done = []
    target = ROOT / "docs" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = await browser.new_context(viewport={"width": 1500, "height": 1300})
        page = await context.new_page()
        page.set_default_timeout(WAIT * 2)
        await page.goto(url)
        await page.get_by_role("textbox", name="Gebruikersnaam").fill(user)
        await page.get_by_role("textbox", name="Wachtwoord").fill(PASSWORD)
        await page.get_by_role("textbox", name="Doel of zaaknummer").fill("schermafdrukken")
        await page.get_by_role("button", name="Inloggen").click()
        await expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
        # the session cookie is set by the page a moment after login; the deep links below
        # load a new page, which without it is the login form (as the browser suite waits)
        for _ in range(WAIT // 100):
            if any(c["name"] == COOKIE for c in await context.cookies()):
                break
            await page.wait_for_timeout(100)
        for n, hops in ((50, 2), (500, 3), (2000, 3)):
            await page.goto(f"{url}/explorer?{big}&hops={hops}&max={n}")
            graph = page.get_by_test_id("emm-graph")
            try:
                await expect(graph).to_have_attribute("data-ready", "true", timeout=WAIT * 2)
            except AssertionError:
                # what the page showed instead (synthetic data; test-artifacts is not committed)
                failed = ROOT / "test-artifacts" / f"bench_app-explorer-{n}-failed.png"
                failed.parent.mkdir(parents=True, exist_ok=True)
                await page.screenshot(path=str(failed), full_page=True)
                raise
            await page.wait_for_function(
                "(el) => Number(el.dataset.nodes) > 0",
                arg=await graph.element_handle(),
                timeout=WAIT * 2,
            )
            await page.wait_for_function(IDLE, timeout=WAIT * 2)
            shown = await graph.get_attribute("data-nodes")
            path = target / f"explorer-{n}.png"
            await page.screenshot(path=str(path), full_page=False)
            done.append(f"{path.name}: {shown} entities")
        await browser.close()
    return done


def against(
    url: str,
    names: list[str],
    label: str,
    counts: tuple[int, ...],
    browsers: int | None = None,
) -> None:
    """Measure an app that is already running (``--url``; its users ``bench0``... with the
    benchmark's password): the same sessions, printed as rows; no CPU split, no screenshots.
    With ``--browsers 0`` every session speaks the protocol: the server's part of each step."""
    for n in counts:
        load0 = os.getloadavg()[0]
        out = asyncio.run(measure(url, n, names, 5, browsers))
        lost = len(out.get("expand_timeouts") or [])
        steps = ("navigation", "search", "expand", "login")
        for op in (*steps, *(f"server_{x}" for x in steps), "server_view_nodes"):
            values = sorted(out.get(op) or [])
            unit = "" if op == "server_view_nodes" else " s"  # entities in the redrawn view
            if values:
                print(
                    f"{label}, {n} session(s), {op}: p50 {_quantile(values, 0.5):.3f}{unit}, "
                    f"p95 {_quantile(values, 0.95):.3f}{unit} ({len(values)} measurements, "
                    f"load {load0:.1f}→{os.getloadavg()[0]:.1f}"
                    + (f", {lost} timed out" if op == "expand" and lost else "")
                    + ")",
                    flush=True,
                )


def run(
    quick: bool,
    size: str | None = None,
    counts: tuple[int, ...] | None = None,
    browsers: int | None = None,
) -> list[dict[str, Any]]:
    from emm.app import launch
    from emm.graph import local_db

    size = size or ("tiny" if quick else "demo")
    counts = counts or ((1, 2) if quick else (1, 10))
    rounds = 2 if quick else 5
    (ROOT / "tmp").mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench_app-", dir=ROOT / "tmp"))
    rows: list[dict[str, Any]] = []
    env, settings, names, big = prepare(work, size, max(*counts, 1))
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("EMM_")}
    full_env.update(env)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = launch.start(port, full_env, log=work / "app.log", cwd=ROOT)
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:  # the warm-up (engine loaded, gc.freeze) first
            try:
                with urllib.request.urlopen(f"{url}/_emm/ready", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(1)
        db_pid = local_db.status(settings).pid
        for n in (c for c in counts if c > 0):  # --sessions 0: the screenshots only
            shown = len(rows)
            load0 = os.getloadavg()[0]
            cpu0 = (_cpu_seconds(proc.pid), _cpu_seconds(db_pid), time.monotonic())
            out = asyncio.run(measure(url, n, names, rounds, browsers))
            b = n if browsers is None else min(browsers, n)
            label = f"{size}, {n} session{'s' if n > 1 else ''}" + (
                f" ({b} in a browser, {n - b} over the protocol)" if b < n else ""
            )
            cpu = (_cpu_seconds(proc.pid) - cpu0[0], _cpu_seconds(db_pid) - cpu0[1])
            wall = time.monotonic() - cpu0[2]
            load1 = os.getloadavg()[0]
            where = (
                f"; CPU over {wall:.0f} s: app server {cpu[0]:.0f} s, database {cpu[1]:.0f} s,"
                f" browser {sum(out.get('browser_cpu') or [0.0]):.0f} s"
            )
            steps = ("navigation", "search", "expand", "login")
            for op in (*steps, *(f"server_{x}" for x in steps)):
                values = out.get(op) or []
                if not values:
                    continue
                step = op.removeprefix("server_")
                for q in (0.5, 0.95):
                    rows.append(
                        {
                            "benchmark": f"app {op.replace('_', ' ')}",
                            "size": label,
                            "metric": f"p{int(q * 100)}",
                            "value": round(_quantile(sorted(values), q), 3),
                            "unit": "s",
                            "target": f"p95 <= {TARGETS[step]} s" if step != "login" else "<= 2 s",
                            "notes": f"{len(values)} measurements; load {load0:.1f}→{load1:.1f}"
                            + (
                                f"; {len(out['expand_timeouts'])} expand(s) timed out"
                                if op == "expand" and out.get("expand_timeouts")
                                else ""
                            )
                            + (
                                f"; {len(out[op + '_unchanged'])} expand(s) drew nothing new"
                                if op == "server_expand" and out.get(op + "_unchanged")
                                else ""
                            )
                            + where
                            + (
                                f"; {len(out['failed_sessions'])} session(s) failed"
                                if out.get("failed_sessions")
                                else ""
                            )
                            + (
                                f"; {len(out['outside'])} requests left 127.0.0.1"
                                if out.get("outside")
                                else ""
                            ),
                        }
                    )
            for row in rows[shown:]:  # as soon as measured: a later failure keeps them
                print(row, flush=True)
        if not quick and big:
            try:
                lines = asyncio.run(screenshots(url, big, "bench0"))
            except Exception as exc:  # noqa: BLE001 - the timings above are kept either way
                # synthetic data only; the first line of Playwright's message names the step
                first = str(exc).strip().splitlines()[:1]
                lines = [f"screenshots failed: {type(exc).__name__} {' '.join(first)}"[:300]]
            for line in lines:
                rows.append(
                    {
                        "benchmark": "app screenshot",
                        "size": size,
                        "metric": "entities",
                        "value": line,
                        "unit": "",
                        "target": "50 / 500 / 2,000",
                        "notes": "docs/screenshots/",
                    }
                )
    finally:
        launch.stop(proc)
        local_db.stop(settings)
        shutil.rmtree(work, ignore_errors=True)
    return rows


if __name__ == "__main__":
    cli = argparse.ArgumentParser(description="The app in real browsers.")
    cli.add_argument("--quick", action="store_true", help="tiny data, 1 and 2 sessions")
    cli.add_argument("--size", help="data size (tiny, demo, 100k, 1m, ...)")
    cli.add_argument("--sessions", help="session counts, e.g. 1,10 (0: only the screenshots)")
    cli.add_argument(
        "--browsers",
        type=int,
        help="how many of the sessions run in a browser (the others over the protocol)",
    )
    cli.add_argument("--url", help="measure this running app instead (with --names)")
    cli.add_argument("--names", type=Path, help="a file of names to search for, one a line")
    a = cli.parse_args()
    sessions = tuple(int(x) for x in a.sessions.split(",")) if a.sessions else None
    if a.url:
        lines = a.names.read_text(encoding="utf-8").split("\n") if a.names else []
        names = [x for x in lines if x.strip()]
        against(a.url, names, a.size or "running app", sessions or (1,), a.browsers)
        raise SystemExit(0)
    for row in run(quick=a.quick, size=a.size, counts=sessions, browsers=a.browsers):
        if row["benchmark"] == "app screenshot":  # the timings were printed when measured
            print(row)
