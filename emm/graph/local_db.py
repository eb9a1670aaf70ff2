"""The managed local graph database: ArcadeDB with its Bolt plugin, from the PyPI package.

Production runs Neo4j 5; locally and in CI we run ArcadeDB, which speaks Bolt to the same
``neo4j`` driver (see ``shared/notes/arcadedb.md``). It is a plain Java process, using the Java
runtime bundled in the ``arcadedb-embedded`` wheel, bound to 127.0.0.1 only, with its data and
a generated password (mode 0600) under ``$EMM_DATA_DIR/db``.

Secrets: the password is never on the java command line (``ps`` shows that to every local
user). On the first start it is handed over in a 0600 file named by
``arcadedb.server.rootPasswordPath``; the server stores only a PBKDF2 hash of it in
``db/config/server-users.jsonl`` and the file is removed once the server is ready. Later
starts pass no password at all. The java process runs under umask 0077, so every database
file is 0600 in 0700 folders.

ArcadeDB 26.10 cannot switch its HTTP listener off (``HttpServer.startService`` is called
unconditionally, and a port it cannot bind stops the server), so it listens on 127.0.0.1 and
answers only with the same password as Bolt; ``tests/security/test_db_secrets.py`` shows
that nothing without the password gets an answer.

When ``EMM_NEO4J_URI`` is set the database is someone else's and nothing here starts it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from emm.errors import EmmError
from emm.files import UMASK, secure_mkdir, write_private
from emm.settings import Settings


class LocalDbError(EmmError, RuntimeError):
    """The local database could not be started, reached or stopped."""


@dataclass(frozen=True)
class DbStatus:
    running: bool
    pid: int | None
    uri: str
    database: str
    ready: bool
    detail: str = ""


def package_dir() -> Path:
    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or spec.origin is None:
        raise LocalDbError("The arcadedb-embedded package is not installed.")
    return Path(spec.origin).parent


def ensure_credentials(settings: Settings) -> str:
    """Return the local password, generating and storing it (mode 0600) on first use."""
    path = settings.credentials_file
    if path.exists():
        return str(json.loads(path.read_text(encoding="utf-8"))["password"])
    secure_mkdir(path.parent)
    password = secrets.token_urlsafe(24)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"user": "root", "password": password}, fh)
    return password


def _server_users(settings: Settings) -> Path:
    return settings.db_dir / "config" / "server-users.jsonl"


def _first_start_password_file(settings: Settings) -> Path:
    return settings.db_dir / "root-password.once"


def java_command(settings: Settings, password_file: Path | None = None) -> list[str]:
    """The server's command line; it holds no secret (``password_file`` is a path, read once
    by the server on its first start)."""
    pkg = package_dir()
    root = settings.db_dir.resolve()
    db = settings.neo4j_database
    cmd = [
        str(pkg / "jre" / "bin" / "java"),
        f"-Xmx{settings.db_heap}",
        "-XX:+UseSerialGC",
        "--add-modules=jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
        "--add-opens=java.base/java.nio.channels.spi=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-exports=java.management/sun.management=ALL-UNNAMED",
        "-Dfile.encoding=UTF8",
        "-Djava.awt.headless=true",
        "-Dpolyglot.engine.WarnInterpreterOnly=false",
        f"-Darcadedb.server.rootPath={root}",
        f"-Darcadedb.server.databaseDirectory={root / 'databases'}",
        "-Darcadedb.server.httpIncomingHost=127.0.0.1",
        f"-Darcadedb.server.httpIncomingPort={settings.http_port}",
        "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
        "-Darcadedb.bolt.host=127.0.0.1",
        f"-Darcadedb.bolt.port={settings.bolt_port}",
        f"-Darcadedb.bolt.defaultDatabase={db}",
        f"-Darcadedb.server.defaultDatabases={db}[root]",
        "-cp",
        str(pkg / "jars" / "*"),
        "com.arcadedb.server.ArcadeDBServer",
    ]
    if password_file is not None:
        cmd.insert(-3, f"-Darcadedb.server.rootPasswordPath={password_file.resolve()}")
    return cmd


def _pid_file(settings: Settings) -> Path:
    return settings.db_dir / "server.pid"


def _read_pid(settings: Settings) -> int | None:
    try:
        pid = int(_pid_file(settings).read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    return pid


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.3)
        return s.connect_ex(("127.0.0.1", port)) == 0


def ping(settings: Settings) -> tuple[bool, str]:
    """Readiness: a successful ``RETURN 1`` on the configured database."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import Neo4jError, ServiceUnavailable

    try:
        with GraphDatabase.driver(
            settings.uri, auth=(settings.user, settings.password()), connection_timeout=2
        ) as driver:
            # A plain session read: execute_query would retry (and log) while the port is closed.
            with driver.session(database=settings.neo4j_database) as session:
                record = session.run("RETURN 1 AS ok").single()
            return record is not None and record["ok"] == 1, "ready"
    except (ServiceUnavailable, Neo4jError, OSError, RuntimeError) as exc:
        return False, type(exc).__name__


def status(settings: Settings) -> DbStatus:
    pid = _read_pid(settings) if settings.managed_db else None
    ready, detail = ping(settings)
    return DbStatus(
        running=pid is not None or ready,
        pid=pid,
        uri=settings.uri,
        database=settings.neo4j_database,
        ready=ready,
        detail=detail,
    )


def start(settings: Settings, *, timeout: float = 90.0) -> DbStatus:
    """Start the managed database if it is not running, and wait until it answers queries."""
    if not settings.managed_db:
        return status(settings)
    pid = _read_pid(settings)
    password = ensure_credentials(settings)
    if pid is None:
        if _port_open(settings.bolt_port):
            raise LocalDbError(
                f"Port {settings.bolt_port} on 127.0.0.1 is taken by another process; "
                "set EMM_BOLT_PORT (and EMM_HTTP_PORT) to free ports."
            )
        secure_mkdir(settings.db_dir)
        password_file = None
        if not _server_users(settings).exists():
            # First start: the server hashes the password from this file into its user store.
            password_file = write_private(
                _first_start_password_file(settings), password.encode("utf-8")
            )
        log_fd = os.open(
            settings.db_dir / "server.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600
        )
        proc = subprocess.Popen(
            java_command(settings, password_file),
            cwd=settings.db_dir,
            stdout=log_fd,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            umask=UMASK,
        )
        os.close(log_fd)
        write_private(_pid_file(settings), str(proc.pid).encode())
        pid = proc.pid
    deadline = time.monotonic() + timeout
    detail = ""
    while time.monotonic() < deadline:
        ready, detail = ping(settings)
        if ready:
            # The server holds the hash now: the plain copy for its first start goes.
            _first_start_password_file(settings).unlink(missing_ok=True)
            return DbStatus(True, pid, settings.uri, settings.neo4j_database, True, "ready")
        if _read_pid(settings) is None:
            raise LocalDbError(
                f"The local database exited during start; see {settings.db_dir / 'server.log'}"
            )
        time.sleep(0.5)
    raise LocalDbError(
        f"The local database did not become ready in {timeout:.0f} s ({detail}); "
        f"see {settings.db_dir / 'server.log'}"
    )


def stop(settings: Settings, *, timeout: float = 30.0) -> bool:
    """Stop the managed database; True when it was running."""
    pid = _read_pid(settings)
    if pid is None:
        _pid_file(settings).unlink(missing_ok=True)
        return False
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _read_pid(settings) is not None:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.2)
    if _read_pid(settings) is not None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
    _pid_file(settings).unlink(missing_ok=True)
    return True
