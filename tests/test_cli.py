"""The CLI documents itself: every command has help with an example; errors are one clear line."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from cli_helpers import CliAs
from click.testing import CliRunner

from emm.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "deliveries"


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from all_commands(cmd, (*prefix, name))


COMMANDS = list(all_commands(main))


@pytest.mark.parametrize("path, cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help_with_an_example(path, cmd):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert cmd.help and len(cmd.help.strip()) > 20
    assert "Example: emm" in cmd.help


def admin_cli(tmp_path, **env):
    cli = CliAs({"EMM_DATA_DIR": str(tmp_path / "data"), **env})
    cli.user("adm", "administrator")
    return cli


def test_ingest_check_validates_without_a_database(tmp_path):
    # EMM_NEO4J_URI: nothing there, must not be used
    cli = admin_cli(tmp_path, EMM_NEO4J_URI="bolt://127.0.0.1:9")
    result = cli("adm", "ingest", "--check", str(FIXTURES))
    assert result.exit_code == 0, result.output
    assert "POL-T1" in result.output and "quarantined=11" in result.output
    assert (tmp_path / "data" / "quarantine" / "POL-T1.jsonl").exists()


def test_bad_manifest_is_one_clear_line(tmp_path):
    cli = admin_cli(tmp_path)
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "manifest.json").write_text(
        '{"delivery_id": "X", "party": "IND", "legal_basis": "WPG-10", '
        '"delivered_at": "2026-01-01T00:00:00+01:00", "files": [{"path": "a.csv", "kind": "entities"}]}'
    )
    result = cli("adm", "ingest", "--check", str(folder))
    assert result.exit_code == 1
    assert "manifest.json" in result.output and "IND" in result.output
    assert "Traceback" not in result.output


def test_unreachable_database_is_a_clear_message(tmp_path):
    cli = admin_cli(tmp_path, EMM_NEO4J_URI="bolt://127.0.0.1:9", EMM_NEO4J_PASSWORD="x")
    result = cli("adm", "ingest", str(FIXTURES))
    assert result.exit_code == 1
    assert "cannot be reached" in result.output
