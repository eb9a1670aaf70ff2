"""Server-side web sessions, one-time cookie tickets, login throttling, the /media rule.
No database, no browser: the library parts of the session design, table-driven."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from emm.access.throttle import LoginThrottle, ThrottleRule, ThrottleRules, throttle_rules
from emm.access.web_sessions import WebSessionError, WebSessionStore, session_id
from emm.app.web import Bindings, MediaFile, Scratch, Tickets, _cookie, media_allowed


class Clock:
    def __init__(self, t: float = 1_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> WebSessionStore:
    return WebSessionStore(tmp_path / "web" / "s.sqlite", clock=clock)


def test_the_token_is_never_stored_only_its_hash(store: WebSessionStore, tmp_path: Path):
    token, s = store.create("analyst", purpose="case 1", client="local")
    assert s.sid == session_id(token) != token
    raw = (tmp_path / "web" / "s.sqlite").read_bytes()
    wal = tmp_path / "web" / "s.sqlite-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    assert token.encode() not in raw


def test_the_session_file_and_folder_are_owner_only(store: WebSessionStore, tmp_path: Path):
    assert stat.S_IMODE(os.stat(tmp_path / "web").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(tmp_path / "web" / "s.sqlite").st_mode) == 0o600


@pytest.mark.parametrize(
    ("idle", "live"),
    [(0, True), (29 * 60, True), (30 * 60, True), (30 * 60 + 1, False), (3600, False)],
)
def test_a_session_lives_until_30_minutes_idle(store, clock, idle, live):
    token, _ = store.create("analyst", purpose="p")
    clock.t += idle
    assert (store.lookup(token) is not None) is live


def test_activity_keeps_a_session_alive(store, clock):
    token, s = store.create("analyst", purpose="p")
    for _ in range(5):
        clock.t += 20 * 60
        assert store.touch(s.sid) is not None
    assert store.lookup(token) is not None


@pytest.mark.parametrize("token", [None, "", "guess", "x" * 43])
def test_unknown_tokens_open_nothing(store, token):
    store.create("analyst", purpose="p")
    assert store.lookup(token) is None


def test_logout_and_disable_end_sessions(store):
    t1, s1 = store.create("analyst", purpose="p")
    t2, _ = store.create("analyst", purpose="q")
    t3, _ = store.create("senior", purpose="r")
    assert store.invalidate(s1.sid) and store.lookup(t1) is None
    assert store.invalidate_user("analyst") == 1
    assert store.lookup(t2) is None and store.lookup(t3) is not None


def test_a_session_needs_a_user(store):
    with pytest.raises(WebSessionError):
        store.create("", purpose="p")


def test_a_ticket_works_once_and_only_for_a_minute():
    clock = Clock(0.0)
    tickets = Tickets(clock=clock)
    t = tickets.issue("token-1")
    assert tickets.redeem(t) == "token-1"
    assert tickets.redeem(t) is None
    late = tickets.issue("token-2")
    clock.t += 61
    assert tickets.redeem(late) is None
    assert tickets.redeem("made-up") is None


@pytest.mark.parametrize(
    ("file", "cookie_sid", "allowed"),
    [
        (MediaFile(True, frozenset({"tab-a"})), "sid-a", True),  # own download
        (MediaFile(True, frozenset({"tab-a"})), None, False),  # no cookie
        (MediaFile(True, frozenset({"tab-a"})), "sid-b", False),  # someone else's file
        (MediaFile(True, frozenset({"tab-anon"})), None, False),  # downloads are never public
        (MediaFile(False, frozenset({"tab-anon"})), None, True),  # login page icon
        (MediaFile(False, frozenset({"tab-a"})), None, False),  # an image of a logged-in page
        (None, "sid-a", False),  # unknown file
    ],
)
def test_the_media_rule(file, cookie_sid, allowed):
    b = Bindings()
    b.bind("tab-a", "sid-a")
    assert media_allowed(file, cookie_sid, b) is allowed


def test_logout_unbinds_every_tab_of_a_session():
    b = Bindings()
    b.bind("tab-a", "sid-a")
    b.bind("tab-b", "sid-a")
    b.drop_sid("sid-a")
    assert b.sid("tab-a") is None and b.sid("tab-b") is None


@pytest.mark.parametrize(
    ("header", "value"),
    [
        (b"emm_session=abc; other=1", "abc"),
        (b"other=1", None),
        (b"emm_session=abc; emm_session2=x", "abc"),
        (b"\xff\xfe;;==", None),
    ],
)
def test_the_cookie_is_read_from_the_request(header, value):
    assert _cookie({"headers": [(b"cookie", header)]}, "emm_session") == value


def test_scratch_is_swept_when_idle():
    clock = Clock(0.0)
    s = Scratch(clock=clock)
    s.get("sid")["x"] = 1
    clock.t += 60
    s.sweep(30 * 60)
    assert s.get("sid") == {"x": 1}
    clock.t += 31 * 60
    s.sweep(30 * 60)
    assert len(s) == 0


# ------------------------------------------------------------------------------ throttle


def test_the_throttle_rules_are_a_table_with_explanations():
    rules = throttle_rules()
    assert {r.scope for r in rules.rules} == {"client"}  # per user: emm.access.lockout
    assert all(r.explanation and r.failures > 0 for r in rules.rules)
    assert "OWASP" in rules.source


PER_USER = ThrottleRule(
    id="per-user",
    scope="user",
    failures=5,
    window_minutes=15,
    lockout_minutes=15,
    explanation="five wrong passwords for one name",
)


@pytest.fixture
def throttle(tmp_path, clock) -> LoginThrottle:
    """The app's table (per client) plus a per-user rule, to test both scopes."""
    rules = ThrottleRules(source="test", rules=[PER_USER, *throttle_rules().rules])
    return LoginThrottle(tmp_path / "t.sqlite", clock=clock, rules=rules)


def test_five_failures_lock_a_user_name_for_15_minutes(throttle, clock):
    for _ in range(4):
        assert throttle.failed("Eva", "pc-1") is None
    lock = throttle.failed("eva", "pc-2")  # case and client do not matter for the user rule
    assert lock is not None and lock.rule == "per-user"
    assert throttle.check("EVA", "pc-3") is not None
    clock.t += 15 * 60 - 1
    assert throttle.check("eva", "pc-1") is not None
    clock.t += 2
    assert throttle.check("eva", "pc-1") is None


def test_failures_outside_the_window_do_not_count(throttle, clock):
    for _ in range(4):
        throttle.failed("eva", "pc")
    clock.t += 16 * 60
    assert throttle.failed("eva", "pc") is None


def test_a_success_forgets_the_users_failures(throttle):
    for _ in range(4):
        throttle.failed("eva", "pc")
    throttle.succeeded("eva", "pc")
    assert throttle.failed("eva", "pc") is None


def test_twenty_failures_lock_a_client_whatever_the_names(throttle):
    locks = [throttle.failed(f"user{i}", "10.0.0.9") for i in range(20)]
    assert locks[-1] is not None and locks[-1].rule == "per-client"
    assert throttle.check("someone-else", "10.0.0.9") is not None
    assert throttle.check("someone-else", "10.0.0.10") is None


def test_names_are_stored_as_digests(throttle, tmp_path):
    throttle.failed("correct horse battery staple", "local")
    assert b"correct horse" not in (tmp_path / "t.sqlite").read_bytes()


def test_custom_rules(tmp_path, clock):
    rules = ThrottleRules(
        source="test",
        rules=[
            ThrottleRule(
                id="strict",
                scope="user",
                failures=1,
                window_minutes=1,
                lockout_minutes=1,
                explanation="one strike",
            )
        ],
    )
    t = LoginThrottle(tmp_path / "c.sqlite", rules, clock=clock)
    assert t.failed("eva", "pc").rule == "strict"


def test_a_file_made_when_clicked_is_served_only_to_the_session_that_clicked():
    """A deferred download is made outside any script run: the file id Streamlit gives it
    (``load_and_get_id``) is the one the guard remembers for the clicking session."""
    from streamlit.runtime.media_file_storage import MediaFileKind
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    from emm.app import web

    data, mime, name = b"<graphml/>", "application/graphml+xml", "emm-netwerk.graphml"
    web.own_generated(data, mime, name, "sid-clicked")
    file_id = MemoryMediaFileStorage("/media").load_and_get_id(
        data, mime, MediaFileKind.DOWNLOADABLE, name
    )
    owner = web.FILES.owner(file_id)
    assert owner == "sid-clicked"
    served = MediaFile(True, frozenset())  # no tab shows it
    assert media_allowed(served, "sid-clicked", Bindings(), owner=owner)
    assert not media_allowed(served, "sid-other", Bindings(), owner=owner)
    assert not media_allowed(served, None, Bindings(), owner=owner)
