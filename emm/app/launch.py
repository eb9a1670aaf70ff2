"""How the app is started, in one place: ``emm app``, the browser tests and the benchmark.

``emm app`` runs ``python -m emm.app.launch PORT [--headless]`` (the CLI shell imports nothing
of the app shell), which replaces itself with the Streamlit server.

>>> cmd = command(8599)
>>> cmd[cmd.index("--runner.postScriptGC") + 1], cmd[cmd.index("--server.fileWatcherType") + 1]
('false', 'none')
>>> cmd[4].endswith("serve.py")
True
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

SERVE = Path(__file__).resolve().parent / "serve.py"

# Production settings (also in .streamlit/config.toml next to the app, for `streamlit run`).
PRODUCTION: dict[str, str] = {
    "global.developmentMode": "false",
    "runner.postScriptGC": "false",
    "runner.magicEnabled": "false",
    "server.fileWatcherType": "none",
    "server.runOnSave": "false",
    "server.enableXsrfProtection": "true",
    "browser.gatherUsageStats": "false",
    "client.toolbarMode": "viewer",
    "client.showErrorDetails": "type",
}


def command(port: int, *, address: str = "127.0.0.1", headless: bool = True) -> list[str]:
    """The command line that serves the app on ``address:port`` with production settings."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(SERVE)]
    cmd += ["--server.address", address, "--server.port", str(port)]
    cmd += ["--server.headless", "true" if headless else "false"]
    for option, value in PRODUCTION.items():
        cmd += [f"--{option}", value]
    return cmd


def start(
    port: int, env: dict[str, str], *, log: Path, cwd: Path | None = None, timeout: float = 90.0
) -> subprocess.Popen[bytes]:
    """Start the app server in the background and wait until it answers its health check.

    For the browser tests and the benchmark; the caller stops it (``stop``).
    """
    out = log.open("wb")
    proc = subprocess.Popen(command(port), env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    out.close()
    url = f"http://127.0.0.1:{port}/_stcore/health"
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            stop(proc)
            raise RuntimeError(f"the app did not start; see {log}")
        time.sleep(0.2)


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main(argv: list[str]) -> None:
    """``python -m emm.app.launch PORT [--headless]``: become the app server."""
    cmd = command(int(argv[0]), headless="--headless" in argv[1:])
    os.execv(cmd[0], cmd)


if __name__ == "__main__":
    main(sys.argv[1:])
