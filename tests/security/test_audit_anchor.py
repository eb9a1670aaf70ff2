"""Attack: an intruder with the service account rewrites the audit trail.

Before, the trail was a plain SHA-256 chain with a head file: whoever could write the folder
could recompute both (truncate, drop one user's entries, strip "OM" from ``parties``, or delete
both files) and ``audit verify`` said "intact". Each attack below is done the way such an
intruder would do it, with everything the service account can read (the current key too).
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from emm.audit import AuditError, AuditLog
from emm.audit import anchors as anchors_mod
from emm.audit.signing import KeyState

USERS = ["ana", "sen", "ana", "pri", "ana", "sen"]


def make_log(folder: Path) -> AuditLog:
    log = AuditLog(folder / "audit.jsonl")
    for i, user in enumerate(USERS):
        log.append(
            user=user,
            role="analyst",
            action="search",
            result_size=i,
            parties=["OM", "POL"] if i % 2 else ["POL"],
            targets=[f"Person-{i}"],
        )
    return log


def lines(log: AuditLog) -> list[dict]:
    return [json.loads(x) for x in log.path.read_text().splitlines()]


def write_lines(log: AuditLog, entries: list[dict]) -> None:
    log.path.write_text("".join(json.dumps(e, sort_keys=True) + "\n" for e in entries))


def rebuild(entries: list[dict], scratch: Path) -> AuditLog:
    """The intruder's rewrite: the same (changed) entries through a fresh trail of their own,
    so every hash, link, signature and key in it is consistent."""
    new = AuditLog(scratch / "audit.jsonl")
    for e in entries:
        new.append(
            user=e["user"],
            role=e["role"],
            action=e["action"],
            purpose=e["purpose"],
            targets=e["targets"],
            result_size=e["result_size"],
            parties=e["parties"],
            detail=e["detail"],
            at=datetime.fromisoformat(e["at"]),
        )
    return new


def copy_over(src: AuditLog, dst: AuditLog, *suffixes: str) -> None:
    for suffix in suffixes:
        shutil.copy(src.path.with_suffix(suffix), dst.path.with_suffix(suffix))


# Each attack: (name, what it does to the folder). All leave a self-consistent hash chain
# and head where the intruder could make one.
def edit(log, tmp):
    e = lines(log)
    e[1]["parties"] = ["POL"]  # strip OM
    write_lines(log, e)


def edit_and_rehash(log, tmp):
    rewritten = rebuild([{**e, "parties": ["POL"]} for e in lines(log)], tmp / "x")
    copy_over(rewritten, log, ".jsonl", ".head")


def remove(log, tmp):
    e = lines(log)
    del e[2]
    write_lines(log, e)


def reorder(log, tmp):
    e = lines(log)
    e[1], e[2] = e[2], e[1]
    write_lines(log, e)


def truncate(log, tmp):
    e = lines(log)
    write_lines(log, e[:-2])
    log.head.write_text(json.dumps({"seq": e[-3]["seq"], "hash": e[-3]["hash"]}))


def drop_one_user_and_rechain(log, tmp):
    rewritten = rebuild([e for e in lines(log) if e["user"] != "ana"], tmp / "x")
    copy_over(rewritten, log, ".jsonl", ".head")


def full_chain_and_head_rewrite_with_current_key(log, tmp):
    # Re-sign every line with the one key the intruder can read: the next entry's.
    rewritten = rebuild([{**e, "result_size": 0} for e in lines(log)], tmp / "x")
    copy_over(rewritten, log, ".jsonl", ".head", ".key")


def delete_both_files(log, tmp):
    log.path.unlink()
    log.head.unlink()


def replace_whole_folder(log, tmp):
    rewritten = rebuild(lines(log)[:3], tmp / "x")
    for p in log.path.parent.iterdir():
        p.unlink()
    copy_over(rewritten, log, ".jsonl", ".head", ".key", ".anchor.json")


def delete_whole_folder(log, tmp):
    shutil.rmtree(log.path.parent)


ATTACKS = [
    edit,
    edit_and_rehash,
    remove,
    reorder,
    truncate,
    drop_one_user_and_rechain,
    full_chain_and_head_rewrite_with_current_key,
    delete_both_files,
]


@pytest.fixture
def trail(tmp_path):
    return make_log(tmp_path / "audit")


def test_an_untouched_trail_verifies(trail):
    result = trail.verify()
    assert result.ok and result.entries == len(USERS), result.problems


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.__name__ for a in ATTACKS])
def test_when_the_trail_is_tampered_with_then_verify_says_so(trail, tmp_path, attack):
    attack(trail, tmp_path)
    result = trail.verify()
    assert not result.ok and result.problems


@pytest.mark.parametrize(
    "attack", [replace_whole_folder, delete_whole_folder], ids=lambda a: a.__name__
)
def test_when_the_whole_folder_is_replaced_then_the_officers_anchor_shows_it(
    trail, tmp_path, attack
):
    anchor = anchors_mod.export_anchor(trail, tmp_path / "officer" / "anchor.json")
    attack(trail, tmp_path)
    loaded = anchors_mod.load_anchor(tmp_path / "officer" / "anchor.json")
    assert loaded == anchor
    result = trail.verify(anchor=loaded)
    assert not result.ok, result
    # Without anything kept elsewhere a full replacement cannot show: verify says so.
    alone = trail.verify()
    assert "anchored only by the local anchor" in " ".join(alone.notes)


def test_when_the_folder_is_deleted_then_an_installation_with_users_is_a_finding(trail):
    shutil.rmtree(trail.path.parent)
    assert trail.verify().ok  # a fresh installation: nothing to check
    result = trail.verify(must_exist=True)
    assert not result.ok and "missing" in result.problems[0]


def test_when_the_folder_is_replaced_then_database_checkpoints_show_it(trail, tmp_path):
    cp = trail.checkpoint()
    replace_whole_folder(trail, tmp_path)
    result = trail.verify(checkpoints=[{**cp, "source": "the graph database"}])
    assert not result.ok
    assert any("graph database" in p for p in result.problems)


def test_a_checkpoint_cannot_be_forged_for_an_earlier_entry(trail):
    cp = trail.checkpoint()
    forged = {**cp, "seq": 3, "hash": lines(trail)[2]["hash"]}  # signed for entry 6, not 3
    result = trail.verify(checkpoints=[forged])
    assert not result.ok and "not signed" in " ".join(result.problems)


def test_the_key_on_disk_cannot_sign_an_earlier_entry(trail):
    """Forward security: the intruder's copy of the key signs only what comes next."""
    from emm.audit import signing

    state = trail.keys.load()
    e = lines(trail)
    e[1]["result_size"] = 99
    from emm.audit.log import _digest

    e[1]["hash"] = _digest(e[1])
    e[1]["sig"] = signing.sign(state.seed, e[1]["hash"].encode())
    e[2]["prev"] = e[1]["hash"]
    write_lines(trail, e)
    problems = " ".join(trail.verify().problems)
    assert "line 2: signature does not verify" in problems


def test_a_stop_between_entry_and_key_is_recovered(trail):
    state = trail.keys.load()
    # as if the last append had stopped before saving its next key
    from emm.audit import signing

    previous = trail.keys.path.read_text()
    trail.append(user="u", role="analyst", action="search")
    trail.keys.save(KeyState(state.seq, state.seed))
    assert trail.keys.path.read_text() == previous
    result = trail.verify()
    assert result.ok and "recovered" in " ".join(result.notes)
    trail.append(user="u", role="analyst", action="search")
    assert trail.verify().ok
    assert trail.keys.load().public == lines(trail)[-1]["next_key"]
    assert signing.evolve(state.seed) != state.seed


def test_a_missing_key_stops_appends(trail):
    trail.keys.path.unlink()
    with pytest.raises(AuditError, match="signing key"):
        trail.append(user="u", role="analyst", action="search")


def test_an_older_unsigned_trail_is_continued_with_signatures(tmp_path):
    from emm.audit.log import GENESIS, _digest

    log = AuditLog(tmp_path / "a.jsonl")
    prev = GENESIS
    old = []
    for seq in (1, 2):
        e = {"seq": seq, "at": "2026-01-01T00:00:00.000+00:00", "user": "u", "role": "analyst"}
        e |= {"action": "search", "purpose": "", "targets": [], "result_size": 0}
        e |= {"parties": [], "detail": {}, "prev": prev}
        e["hash"] = _digest(e)
        prev = e["hash"]
        old.append(e)
    write_lines(log, old)
    log.head.write_text(json.dumps({"seq": 2, "hash": prev}))
    log.append(user="u", role="analyst", action="search")
    result = log.verify()
    assert result.ok, result.problems
    assert "before signing began" in " ".join(result.notes)
    assert log.anchor()["from_seq"] == 3


def test_files_of_the_trail_are_owner_only(trail):
    trail.checkpoint()
    for path in trail.path.parent.iterdir():
        assert path.stat().st_mode & 0o077 == 0, path
    assert trail.path.parent.stat().st_mode & 0o077 == 0


def test_database_checkpoints_round_trip(store, trail, tmp_path):
    cp = anchors_mod.checkpoint(trail, store)
    got = anchors_mod.from_graph(store, cp["installation"])
    assert [(c["seq"], c["hash"]) for c in got] == [(cp["seq"], cp["hash"])]
    store.clear()  # `emm db reset` and the test fixtures leave the evidence in place
    assert anchors_mod.from_graph(store, cp["installation"])
    truncate(trail, tmp_path)
    result = trail.verify(checkpoints=got)
    assert any("graph database" in p and "removed" in p for p in result.problems)
