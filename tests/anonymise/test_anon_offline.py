"""The stage runs offline: no network, no spacy-lookups-data, no logging side effects.

Each check runs in a fresh interpreter so that nothing imported by other tests helps it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    # The cache goes under this data dir (the default), whatever cache `make test` points to.
    inherited = {k: v for k, v in os.environ.items() if k != "EMM_CACHE_DIR"}
    env = {**inherited, "EMM_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )


def test_when_the_network_is_blocked_then_nothing_tries_to_connect(tmp_path: Path) -> None:
    result = run(
        """
        import socket
        attempts = []
        def refuse(self, address, *args, **kwargs):
            attempts.append(address)
            raise OSError("network blocked in test")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = lambda address, *a, **k: refuse(None, address)
        socket.getaddrinfo = lambda host, *a, **k: refuse(None, host)

        from emm.anonymise.engine import get_engine
        from emm.anonymise.deid import scan
        engine = get_engine(use_deduce=False)
        findings = scan("Mail j.jansen@gmail.com of info@politie.nl", engine=engine)
        assert [f.entity_type for f in findings] == ["EMAIL_ADDRESS", "EMAIL_ADDRESS"], findings
        assert attempts == [], attempts
        print("ok")
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")
    assert (tmp_path / "cache").exists()


def test_when_spacy_lookups_data_is_missing_then_the_pipelines_still_load(tmp_path: Path) -> None:
    result = run(
        """
        import sys, importlib.abc
        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path, target=None):
                if name.startswith("spacy_lookups_data"):
                    raise ModuleNotFoundError(name)
        sys.meta_path.insert(0, Block())
        import spacy
        from emm.anonymise.build_nlp import pipeline_path
        nl = spacy.load(pipeline_path("nl"))
        en = spacy.load(pipeline_path("en"))
        assert [t.lemma_ for t in nl("woonden telefoonnummers")] == ["wonen", "telefoonnummer"]
        assert [t.lemma_ for t in en("victims were")] == ["victim", "be"]
        assert "spacy_lookups_data" not in sys.modules
        print("ok")
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_when_deduce_is_imported_then_logging_is_unchanged(tmp_path: Path) -> None:
    result = run(
        """
        import logging
        root = logging.getLogger()
        before = (list(root.handlers), root.level)
        from emm.anonymise.engine import _import_deduce
        _import_deduce()
        assert (list(root.handlers), root.level) == before, (root.handlers, root.level)
        for name in ("presidio-analyzer", "deduce", "docdeid"):
            assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING, name
        print("ok")
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
