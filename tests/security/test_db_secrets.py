"""Attack: the database password on the java command line, and its HTTP API on 127.0.0.1.

Before: ``ps -eo args`` showed ``-Darcadedb.server.rootPassword=...`` to every local user, and
with it ArcadeDB's HTTP API answered any Cypher. Now the password is handed over once in a
0600 file, kept hashed by the server, and nothing without it gets an answer on either port.
These tests run against the session's own local server (``db_settings`` in conftest).
"""

from __future__ import annotations

import base64
import json
import subprocess
import urllib.error
import urllib.request

import pytest

from emm.files import walk_problems
from emm.graph import local_db

pytestmark = pytest.mark.db


@pytest.fixture
def managed(db_settings):
    if not db_settings.managed_db:
        pytest.skip("an external server (EMM_TEST_NEO4J_URI) is someone else's to harden")
    return db_settings


def test_no_secret_on_any_command_line(managed):
    # -ww: full lines, as an attacker would ask for them
    ps = ["ps", "-ww", "-eo", "args"]
    args = subprocess.run(ps, capture_output=True, text=True, check=True).stdout
    assert managed.password() not in args
    # Other servers on a shared machine are not ours to judge: look at this session's own.
    ours = [a for a in args.splitlines() if f"rootPath={managed.db_dir.resolve()}" in a]
    assert len(ours) == 1 and "arcadedb.server.ArcadeDBServer" in ours[0]
    assert "rootPassword=" not in ours[0]


def test_the_server_keeps_only_a_hash_and_the_first_start_file_is_gone(managed):
    users = (managed.db_dir / "config" / "server-users.jsonl").read_text()
    assert managed.password() not in users
    assert json.loads(users.splitlines()[0])["password"].startswith("PBKDF2WithHmacSHA256$")
    assert not (managed.db_dir / "root-password.once").exists()
    assert "rootPasswordPath" not in " ".join(local_db.java_command(managed))


def test_database_files_are_owner_only(managed):
    assert walk_problems(managed.db_dir) == []


def _http(settings, path: str, password: str | None) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{settings.http_port}{path}")
    if password is not None:
        token = base64.b64encode(f"root:{password}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/query/{db}/cypher/MATCH%20(n)%20RETURN%20n%20LIMIT%201",
        "/api/v1/server",
        "/api/v1/databases",
    ],
)
@pytest.mark.parametrize("password", [None, "root", "wrong-password-guess"])
def test_http_api_answers_nothing_without_the_password(managed, path, password):
    assert _http(managed, path.format(db=managed.neo4j_database), password) in (401, 403)


def test_http_api_is_bound_to_loopback_only(managed):
    listening = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout
    ours = [line for line in listening.splitlines() if f":{managed.http_port} " in line]
    assert ours and all("127.0.0.1" in line for line in ours)
