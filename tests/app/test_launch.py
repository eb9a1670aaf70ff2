"""How the app is started: production settings in one place, found by `streamlit run`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import emm.app
from emm.app import launch

APP = Path(emm.app.__file__).parent


def test_the_config_file_and_the_flags_say_the_same():
    config = tomllib.loads((APP / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    for option, value in launch.PRODUCTION.items():
        section, name = option.split(".")
        assert str(config[section][name]).lower() == value, option


def test_production_means_no_post_script_gc_no_watcher_no_dev_mode():
    cmd = launch.command(8599)
    flags = dict(zip(cmd[5::2], cmd[6::2], strict=False))
    assert flags["--runner.postScriptGC"] == "false"
    assert flags["--server.fileWatcherType"] == "none"
    assert flags["--global.developmentMode"] == "false"
    assert flags["--server.address"] == "127.0.0.1"


def test_streamlit_finds_the_web_server_with_its_routes():
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(launch.SERVE)
    assert found.is_asgi_app and found.app_name == "app"


def test_the_cli_uses_the_launcher():
    source = (APP.parent / "cli" / "data.py").read_text(encoding="utf-8")
    assert '"-m", "emm.app.launch"' in source  # run as a module: the CLI imports no app code


def test_the_launcher_as_a_module_becomes_the_server(monkeypatch):
    seen: list[list[str]] = []
    monkeypatch.setattr(launch.os, "execv", lambda path, args: seen.append(args))
    launch.main(["8601", "--headless"])
    assert seen == [launch.command(8601, headless=True)]
