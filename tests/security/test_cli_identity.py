"""Attack: a local user drives the CLI as anyone (``--as admin``, ``--as mallory``).

Before: ``emm --as admin user add mallory --role privacy_officer ... && emm --as mallory subject
access --bsn ...`` printed all OM facts, an administrator could silently replace the privacy
officer's account, ``counts``/``ingest``/``db reset --yes`` ran with no user, nothing was
audited. Now every data command needs a proven user (session token, password or service key).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from cli_helpers import PASSWORD, CliAs
from click.testing import CliRunner

from emm.access import auth
from emm.access.session import audit_log, users
from emm.cli import main

FIXTURES = Path(__file__).parents[1] / "fixtures" / "deliveries"
NOWHERE = {"EMM_NEO4J_URI": "bolt://127.0.0.1:9", "EMM_NEO4J_PASSWORD": "x"}


@pytest.fixture
def cli(tmp_path) -> CliAs:
    c = CliAs({"EMM_DATA_DIR": str(tmp_path / "data"), **NOWHERE})
    c.user("admin", "administrator")
    c.user("privacy", "privacy_officer")
    c.user("ana", "analyst")
    return c


def actions(cli: CliAs) -> list[str]:
    return [e["action"] for e in audit_log(cli.settings).entries()]


@pytest.mark.parametrize(
    "args",
    [
        ["counts"],
        ["ingest", "--check", str(FIXTURES)],
        ["db", "reset", "--yes"],
        ["user", "list"],
        ["user", "add", "mallory", "--role", "privacy_officer", "--affiliation", "POL"],
        ["subject", "access", "--bsn", "111222333"],
        ["audit", "verify"],
        ["analyse"],
        ["retention", "plan"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_when_nobody_is_logged_in_then_data_commands_refuse(cli, args):
    r = cli.anonymous(*args)
    assert r.exit_code != 0
    assert "log in first" in r.output


@pytest.mark.parametrize("password", ["", "wrong password here", "admin"])
def test_when_as_names_a_user_then_the_password_is_asked_and_checked(cli, password):
    r = cli.anonymous(
        "--as", "admin", "user", "add", "mallory", "--role", "privacy_officer",
        "--affiliation", "POL", input=f"{password}\n",
    )  # fmt: skip
    assert r.exit_code != 0 and "mallory" not in [u.name for u in users(cli.settings).list()]
    if password:
        assert "not allowed: unknown user or wrong password" in r.output
        assert actions(cli)[-1] == "login_failed"


def test_as_with_the_right_password_works_for_one_command(cli):
    r = cli.anonymous("--as", "admin", "user", "list", input=f"{PASSWORD}\n")
    assert r.exit_code == 0, r.output
    assert "privacy" in r.output and PASSWORD not in r.output
    assert actions(cli)[-2:] == ["login", "user_list"]


def test_no_password_option_exists(cli):
    r = cli("admin", "user", "add", "x1", "--role", "analyst", "--affiliation", "POL",
            "--password", "a very long password 1")  # fmt: skip
    assert r.exit_code == 2 and "No such option" in r.output


def test_an_existing_account_is_never_replaced(cli):
    before = users(cli.settings).find("privacy")
    r = cli("admin", "user", "add", "privacy", "--role", "analyst", "--affiliation", "POL",
            input=f"{PASSWORD}\nnew password for pri 1\nnew password for pri 1\n")  # fmt: skip
    assert r.exit_code == 1 and "exists already" in r.output
    assert users(cli.settings).find("privacy") == before


def test_adding_a_privacy_officer_needs_the_admins_password_again_and_the_name(cli):
    new = "a fresh password 42 for m"
    r = cli("admin", "user", "add", "mallory", "--role", "privacy_officer", "--affiliation",
            "POL", input="wrong one\n")  # fmt: skip
    assert r.exit_code == 1 and users(cli.settings).find("mallory") is None
    r = cli("admin", "user", "add", "mallory", "--role", "privacy_officer", "--affiliation",
            "POL", input=f"{PASSWORD}\nmallory\n{new}\n{new}\n")  # fmt: skip
    assert r.exit_code == 0, r.output
    entry = list(audit_log(cli.settings).entries())[-1]
    assert entry["action"] == "user_add" and entry["user"] == "admin"
    assert entry["detail"]["new_role"] == "privacy_officer" and entry["targets"] == ["mallory"]


def test_a_role_change_is_explicit_confirmed_and_audited(cli):
    r = cli("admin", "user", "role", "privacy", "--role", "analyst", input=f"{PASSWORD}\npriv\n")
    assert r.exit_code == 1 and "not confirmed" in r.output
    assert users(cli.settings).find("privacy").role == "privacy_officer"
    cli("privacy", "audit", "verify")  # privacy has a live session
    r = cli("admin", "user", "role", "privacy", "--role", "analyst", input=f"{PASSWORD}\nprivacy\n")
    assert r.exit_code == 0, r.output
    assert users(cli.settings).find("privacy").role == "analyst"
    entry = [e for e in audit_log(cli.settings).entries() if e["action"] == "user_role"][-1]
    assert (entry["detail"]["old_role"], entry["detail"]["new_role"]) == (
        "privacy_officer",
        "analyst",
    )
    assert entry["detail"]["sessions_ended"] == 1  # the old privileges do not live on
    r = cli.anonymous("audit", "verify", input="")
    assert r.exit_code != 0


@pytest.mark.parametrize(
    "args, why",
    [
        (["user", "role", "admin", "--role", "analyst"], "your own role"),
        (["user", "disable", "admin"], "disable yourself"),
    ],
)
def test_an_admin_cannot_demote_or_disable_themselves(cli, args, why):
    r = cli("admin", *args, input=f"{PASSWORD}\nadmin\n")
    assert r.exit_code == 1 and why in r.output


def test_login_session_token_is_private_hashed_and_ends_with_logout(cli, tmp_path):
    token_file = tmp_path / "run" / "session.token"
    env = {**cli.env, "EMM_SESSION_FILE": str(token_file)}
    r = CliRunner().invoke(main, ["login", "--as", "privacy"], env=env, input=f"{PASSWORD}\n")
    assert r.exit_code == 0, r.output
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    token = token_file.read_text().strip()
    server_side = (cli.settings.data_dir / "sessions" / "sessions.json").read_text()
    assert token not in server_side and len(json.loads(server_side)) == 1
    r = CliRunner().invoke(main, ["audit", "verify"], env=env)
    assert r.exit_code == 0 and "intact" in r.output, r.output
    r = CliRunner().invoke(main, ["logout"], env=env)
    assert r.exit_code == 0 and not token_file.exists()
    token_file.write_text(token)  # a copy kept by an intruder
    token_file.chmod(0o600)
    r = CliRunner().invoke(main, ["audit", "verify"], env=env)
    assert r.exit_code == 1 and "session has ended" in r.output


def test_a_token_file_readable_by_others_is_refused(cli):
    path = cli.login("privacy")
    os.chmod(path, 0o644)
    r = CliRunner().invoke(
        main, ["audit", "verify"], env={**cli.env, "EMM_SESSION_FILE": str(path)}
    )
    assert r.exit_code == 1 and "readable by others" in r.output


def test_an_expired_session_is_refused(cli):
    s = cli.settings.with_(session_file=cli.token_file("privacy"))
    user = auth.login(s, "privacy", PASSWORD)
    session = auth.open_session(s, user, idle_minutes=-1)  # ended a minute ago
    auth.save_token(s, session)
    with pytest.raises(auth.SessionExpired):
        auth.resume(s, session.token)


def test_a_service_account_uses_a_private_key_file(cli, tmp_path):
    key = tmp_path / "keys" / "retention.key"
    r = cli("admin", "user", "add-service", "retention-job", "--role", "privacy_officer",
            "--affiliation", "POL", "--key-file", str(key), input=f"{PASSWORD}\n")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    secret = json.loads(key.read_text())["secret"]
    assert secret not in (cli.settings.data_dir / "users.json").read_text()
    r = cli.anonymous("--key-file", str(key), "audit", "verify")
    assert r.exit_code == 0 and "intact" in r.output, r.output
    key.chmod(0o640)
    r = cli.anonymous("--key-file", str(key), "audit", "verify")
    assert r.exit_code == 1 and "readable by others" in r.output
    key.chmod(0o600)
    # A service account cannot log in with its secret as a password.
    r = cli.anonymous("--as", "retention-job", "audit", "verify", input=f"{secret}\n")
    assert r.exit_code == 1 and "wrong password" in r.output


def test_ten_wrong_passwords_lock_the_user_and_every_attempt_is_audited(cli):
    lock = auth.lockout(cli.settings)
    for i in range(10):
        with pytest.raises(auth.AuthenticationFailed):
            auth.login(cli.settings, "privacy", f"guess number {i}", lock=lock)
        lock_state = json.loads(lock.path.read_text())
        lock_state["privacy"]["last"] -= 3600  # no waiting in a test: move the clock instead
        lock.path.write_text(json.dumps(lock_state))
    r = cli.anonymous("--as", "privacy", "audit", "verify", input=f"{PASSWORD}\n")
    assert r.exit_code == 1 and "locked after 10 failed logins" in r.output
    seen = actions(cli)
    assert seen.count("login_failed") == 10 and seen[-1] == "login_refused"
    failed = [e for e in audit_log(cli.settings).entries() if e["action"] == "login_failed"]
    assert all("guess" not in json.dumps(e) for e in failed)
    r = cli("admin", "user", "unlock", "privacy")
    assert r.exit_code == 0 and "unlocked" in r.output
    r = cli.anonymous("--as", "privacy", "audit", "verify", input=f"{PASSWORD}\n")
    assert r.exit_code == 0, r.output


def test_an_unknown_name_is_audited_without_what_was_typed(cli):
    with pytest.raises(auth.AuthenticationFailed):
        auth.login(cli.settings, "my secret passphrase", "x")
    last = list(audit_log(cli.settings).entries())[-1]
    assert last["action"] == "login_failed" and last["user"].startswith("unknown:")
    assert "passphrase" not in json.dumps(last)


def test_user_management_and_trail_reads_are_audited(cli):
    cli("admin", "user", "list")
    cli("admin", "user", "disable", "ana")
    cli("admin", "user", "enable", "ana")
    cli("privacy", "audit", "verify")
    cli("privacy", "audit", "breach", "--from", "2000-01-01", "--to", "2999-12-31")
    seen = actions(cli)
    for action in ("user_list", "user_disable", "user_enable", "audit_verify", "breach_report"):
        assert action in seen
    r = cli("privacy", "audit", "verify")
    assert r.exit_code == 0 and "intact" in r.output


def test_a_disabled_users_session_ends(cli):
    cli("ana", "user", "list")  # opens ana's session (refused: not an administrator)
    cli("admin", "user", "disable", "ana")
    r = cli.anonymous("--as", "ana", "counts", input=f"{PASSWORD}\n")
    assert r.exit_code == 1 and "wrong password" in r.output
    s = cli.settings.with_(session_file=cli.token_file("ana"))
    with pytest.raises(auth.SessionExpired):
        auth.resume(s, auth.read_token(s))


def test_the_first_user_must_be_an_administrator(tmp_path):
    env = {"EMM_DATA_DIR": str(tmp_path / "new"), **NOWHERE}
    pw = "the first admin password 1"
    r = CliRunner().invoke(
        main, ["user", "add", "boss", "--role", "analyst", "--affiliation", "POL"], env=env,
        input=f"{pw}\n{pw}\n",
    )  # fmt: skip
    assert r.exit_code == 1 and "must be an administrator" in r.output
    r = CliRunner().invoke(
        main, ["user", "add", "boss", "--role", "administrator", "--affiliation", "POL"],
        env=env, input=f"{pw}\n{pw}\n",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(
        main, ["user", "add", "eve", "--role", "administrator", "--affiliation", "POL"],
        env=env, input=f"{pw}\n{pw}\n",
    )  # fmt: skip
    assert r.exit_code == 1 and "log in first" in r.output


def test_weak_passwords_are_refused_when_adding_a_user(cli):
    for weak in ("aaaaaaaaaaaa", "ana2-the-analyst-1", "Password12345"):
        r = cli("admin", "user", "add", "ana2", "--role", "analyst", "--affiliation", "POL",
                input=f"{weak}\n{weak}\n")  # fmt: skip
        assert r.exit_code == 1 and "password refused" in r.output, (weak, r.output)
    assert users(cli.settings).find("ana2") is None


def test_demo_on_an_installation_with_real_users_needs_an_administrator(cli):
    r = cli.anonymous("demo")
    assert r.exit_code == 1 and "log in first" in r.output
    r = cli("ana", "demo")
    assert r.exit_code == 1 and "not allowed" in r.output


def test_a_data_dir_open_to_others_is_refused_with_its_path(cli):
    cli.settings.data_dir.chmod(0o755)
    r = cli("privacy", "audit", "verify")
    assert r.exit_code == 1
    assert f"{cli.settings.data_dir} has mode 0755" in r.output and "chmod 700" in r.output
    cli.settings.data_dir.chmod(0o700)


@pytest.mark.db
def test_db_reset_needs_an_administrator_and_is_audited(cli_as, store):
    cli_as.user("admin", "administrator")
    cli_as.user("sen", "senior_analyst")
    r = cli_as("sen", "db", "reset", "--yes")
    assert r.exit_code == 1 and "not allowed" in r.output
    r = cli_as("admin", "db", "reset", "--yes")
    assert r.exit_code == 0, r.output
    assert [e["action"] for e in audit_log(cli_as.settings).entries()][-1] == "db_reset"
    r = cli_as("sen", "counts")
    assert r.exit_code == 0, r.output
    assert "counts" in [e["action"] for e in audit_log(cli_as.settings).entries()][-1:]
