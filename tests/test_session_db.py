"""Logging in as a user (what notebooks and scripts do), and the guarded look-up by identity key,
against the real database on the hand-made fixture deliveries plus one OM delivery."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_governance_db import DELIVERIES, guard, om_delivery

from emm.access.session import demo_password, login, users
from emm.access.users import AuthenticationFailed
from emm.audit import AuditLog
from emm.ingest.pipeline import ingest_delivery, ingest_folder
from emm.settings import Settings, load

pytestmark = pytest.mark.db


@pytest.fixture
def loaded(store, out_dir, tmp_path):
    ingest_folder(DELIVERIES, store, out_dir=out_dir)
    ingest_delivery(om_delivery(tmp_path), store, out_dir=out_dir)
    return store


def _key_of(store, uid: str) -> str:
    keys = [r["key"] for r in store.read("MATCH (n:Person) RETURN n.key AS key")]
    return next(k for k, u in store.uid_by_key("Person", keys).items() if u == uid)


def test_by_keys_finds_by_identity_key_within_what_the_role_may_read(loaded, out_dir):
    senior = guard(loaded, out_dir)
    analyst = guard(loaded, out_dir, role="analyst")
    [jan] = senior.by_keys("Person", ["bsn:111222333"])
    assert jan.props["key"] == "bsn:111222333"
    assert "OM" in jan.parties
    [jan_for_analyst] = analyst.by_keys("Person", ["bsn:111222333", "bsn:000000000"])
    assert "OM" not in jan_for_analyst.parties  # OM's records of Jan stay out
    [karel] = senior.find("Karel Geheim")  # known only through OM
    key = _key_of(loaded, karel.uid)
    assert [e.uid for e in senior.by_keys("Person", [key])] == [karel.uid]
    assert analyst.by_keys("Person", [key]) == []  # what the role may not read is no hit


def test_by_keys_is_audited_as_a_search(loaded, out_dir):
    g = guard(loaded, out_dir, role="analyst", user="kim")
    g.by_keys("Person", ["bsn:111222333"])
    [entry] = [
        e for e in AuditLog(out_dir / "audit" / "audit.jsonl").entries() if e["user"] == "kim"
    ]
    assert (entry["action"], entry["result_size"], entry["detail"]["by"]) == ("search", 1, "key")


def _settings(db_settings: Settings, data_dir: Path) -> Settings:
    return load(
        {
            "EMM_DATA_DIR": str(data_dir),
            "EMM_NEO4J_URI": db_settings.uri,
            "EMM_NEO4J_USER": db_settings.user,
            "EMM_NEO4J_PASSWORD": db_settings.password(),
            "EMM_NEO4J_DATABASE": db_settings.neo4j_database,
        }
    )


def test_login_opens_a_session_that_closes_its_own_connection(loaded, db_settings, tmp_path):
    settings = _settings(db_settings, tmp_path / "data")
    users(settings).add("ana", role="analyst", affiliation="POL", password="a long passphrase")
    with login(settings, "ana", "a long passphrase", purpose="case 1") as g:
        assert g.principal.role == "analyst"
        assert g.count_nodes()
    with pytest.raises(Exception):  # noqa: B017 - the driver's own error type for a closed driver
        g.count_nodes()
    assert loaded.count_nodes()  # a session over a shared store leaves it open
    shared = guard(loaded, tmp_path)
    shared.close()
    assert loaded.count_nodes()


def test_a_failed_login_is_audited_and_opens_nothing(db_settings, tmp_path):
    settings = _settings(db_settings, tmp_path / "data")
    users(settings).add("ana", role="analyst", affiliation="POL", password="a long passphrase")
    with pytest.raises(AuthenticationFailed):
        login(settings, "ana", "wrong", purpose="case 1")
    log = AuditLog(settings.data_dir / "audit" / "audit.jsonl")
    assert [e["action"] for e in log.entries()] == ["login_failed"]


@pytest.mark.parametrize(
    ("lines", "name", "outcome"),
    [
        (["# user role password", "senior senior_analyst s3cret"], "senior", "s3cret"),
        (["analyst analyst a1", "senior senior_analyst s2"], "senior", "s2"),
        (["# senior senior_analyst commented"], "senior", AuthenticationFailed),
        (["analyst analyst a1"], "senior", AuthenticationFailed),
        (None, "senior", AuthenticationFailed),  # no file: the demo was not set up
    ],
)
def test_demo_password_reads_the_demo_credentials_file(tmp_path, lines, name, outcome):
    settings = Settings(data_dir=tmp_path)
    if lines is not None:
        (tmp_path / "demo-credentials.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if isinstance(outcome, str):
        assert demo_password(settings, name) == outcome
    else:
        with pytest.raises(outcome) as caught:
            demo_password(settings, name)
        assert "s3cret" not in str(caught.value)
