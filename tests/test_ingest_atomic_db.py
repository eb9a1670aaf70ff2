"""A delivery lands whole or not at all, whatever happens: a crash (the process killed
mid-way), a full disk when the report is written, two ingests at once. Against the real
database, with the graph's digest as the proof that nothing was left behind."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from emm.graph import cypher
from emm.graph.store import GraphStore
from emm.ingest.delivery import DeliveryError
from emm.ingest.pipeline import ingest_delivery, ingest_folder
from emm.settings import Settings
from emm.synth import generate

pytestmark = pytest.mark.db
DELIVERIES = Path(__file__).parent / "fixtures" / "deliveries"


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """One POL delivery large enough to be killed in the middle (many batches)."""
    out = tmp_path_factory.mktemp("big")
    generate(out, seed=5, size="small")
    return max(
        (p.parent for p in (out / "deliveries").glob("*/manifest.json")),
        key=lambda f: sum(x.stat().st_size for x in f.iterdir()),
    )


def _stopped(pid: int) -> bool:
    """The process is stopped (state T in /proc/<pid>/stat)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat.rsplit(")", 1)[1].split()[0] == "T"


# After two committed batches the child stops itself, so the kill is never too late.
_STOP_AFTER_TWO_BATCHES = (
    "import os, signal; done = []; write = store.write_batch;\n"
    "def batch(*a, **k):\n"
    "    out = write(*a, **k); done.append(1)\n"
    "    if len(done) == 2: os.kill(os.getpid(), signal.SIGSTOP)\n"
    "    return out\n"
    "store.write_batch = batch;"
)


def _ingest_in_child(
    settings: Settings, folder: Path, out_dir: Path, batch: int, *, stop: bool = False
) -> subprocess.Popen:
    code = (
        "import sys; from pathlib import Path;"
        "from emm.graph.connect import open_store; from emm.settings import load;"
        "from emm.ingest.pipeline import ingest_folder;"
        "s = load(); store = open_store(s, start_local=False);"
        + (_STOP_AFTER_TWO_BATCHES if stop else "")
        + f"r = ingest_folder(Path(sys.argv[1]), store, out_dir=Path(sys.argv[2]), batch_size={batch});"
        "sys.exit(0 if r.ok else 1)"
    )
    env = {
        **os.environ,
        "EMM_DATA_DIR": str(settings.data_dir),
        "EMM_BOLT_PORT": str(settings.bolt_port),
        "EMM_NEO4J_DATABASE": settings.neo4j_database,
    }
    if settings.neo4j_uri:
        env.update(EMM_NEO4J_URI=settings.neo4j_uri, EMM_NEO4J_PASSWORD=settings.password())
    return subprocess.Popen([sys.executable, "-c", code, str(folder), str(out_dir)], env=env)


def test_when_ingest_is_killed_midway_then_the_next_run_undoes_and_completes_it(
    store: GraphStore, db_settings: Settings, big: Path, tmp_path: Path
):
    reference = ingest_delivery(big, store, out_dir=tmp_path / "ref")
    expected = (store.count_nodes(), sum(r["n"] for r in store.count_edges()))
    store.clear()
    empty = store.digest()
    child = _ingest_in_child(db_settings, big, tmp_path / "crash", batch=200, stop=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until the child stopped itself mid-delivery
        if child.poll() is not None:
            pytest.fail("the child finished before two batches were written")
        if _stopped(child.pid):
            break
        time.sleep(0.05)
    assert sum(store.count_nodes().values()) > 0  # some batches are committed
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert store.delivery_status(reference.delivery_id) == "loading"  # half-done, as crashes are
    # The next run first undoes what the crashed one left, then loads the delivery whole.
    result = ingest_folder(big, store, out_dir=tmp_path / "crash")
    assert result.ok and result.reports[0].status == "complete"
    assert (store.count_nodes(), sum(r["n"] for r in store.count_edges())) == expected
    # ... and undoing leaves exactly the graph from before the delivery.
    store.discard_delivery(reference.delivery_id)
    store.write(cypher.DELETE_DELIVERY, delivery_id=reference.delivery_id)
    assert store.digest() == empty


def test_when_the_disk_is_full_the_delivery_is_undone_with_a_clear_error(
    store: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    before = store.digest()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DeliveryError, match="No space left on device"):
        ingest_delivery(DELIVERIES / "POL-T1", store, out_dir=tmp_path)
    assert store.digest() == before
    assert not (tmp_path / "reports" / "POL-T1.json").exists()
    assert not (tmp_path / "quarantine" / "POL-T1.jsonl").exists()
    monkeypatch.undo()
    assert ingest_delivery(DELIVERIES / "POL-T1", store, out_dir=tmp_path).status == "complete"


def test_two_ingests_at_once_both_succeed_and_load_everything_once(
    store: GraphStore, db_settings: Settings, tmp_path: Path
):
    ingest_folder(DELIVERIES, store, out_dir=tmp_path / "ref")
    expected = (store.count_nodes(), store.count_edges(), store.count_records())
    store.clear()
    out = tmp_path / "shared"  # one installation: one data dir, one lock
    a = _ingest_in_child(db_settings, DELIVERIES, out, batch=2)
    b = _ingest_in_child(db_settings, DELIVERIES, out, batch=2)
    assert a.wait(timeout=300) == 0 and b.wait(timeout=300) == 0
    got = (store.count_nodes(), store.count_edges(), store.count_records())
    assert got[0] == expected[0]
    assert sorted(map(str, got[1])) == sorted(map(str, expected[1]))
    assert sorted(map(str, got[2])) == sorted(map(str, expected[2]))
