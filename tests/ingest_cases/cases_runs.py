"""Re-deliveries (idempotence, content identity) and folder runs (contract items 7 and 9)."""

from __future__ import annotations

from pathlib import Path

from .model import Case, Outcome, Prior, Sub
from .writing import LCOLS, REG, F, Vals, delivery_id, fc, qe, rec, text, writer

GOOD = Outcome(files=(fc("entities.csv", 2, 2, 0), fc("links.csv", 1, 1, 0)))


def _files(v: Vals, phone: int = 1, links: bytes | str | None = None) -> list[F]:
    ents = text(
        "record_id;type;name;number",
        f"P1;Person;{v.name(1)};",
        f"T1;Phone;;{v.mobile(phone)}",
    )
    if links is None:
        links = text(
            ";".join(LCOLS),
            rec(LCOLS, record_id="L1", type="USES_PHONE", from_="P1", to="T1", registered_at=REG),
        )
    return [F("entities.csv", "entities", ents), F("links.csv", "links", links)]


def redelivery_changed_content() -> Case:
    v = Vals(130)
    name = "redelivery_changed_content"
    did = delivery_id("POL", name)
    return Case(
        name=name,
        why="The same delivery_id again with one phone number corrected: different content, "
        "so refused naming the delivery; the graph keeps the first version exactly.",
        build=writer(did, "POL", _files(v, phone=2)),
        delivery_id=did,
        before=(Prior(folder="first-version", build=writer(did, "POL", _files(v)), outcome=GOOD),),
        refused=True,
        error=(did,),
        personal=tuple(v.personal),
    )


def redelivery_identical_same_folder() -> Case:
    v = Vals(131)
    name = "redelivery_identical_same_folder"
    did = delivery_id("POL", name)
    build = writer(did, "POL", _files(v))
    return Case(
        name=name,
        why="The same folder ingested twice (a cron job retried): the second run is a no-op "
        "reported as 'already loaded', exit 0, graph and quarantine unchanged.",
        build=build,
        delivery_id=did,
        before=(Prior(folder=name, build=build, outcome=GOOD),),
        already_loaded=True,
        personal=tuple(v.personal),
    )


def redelivery_identical_copy() -> Case:
    v = Vals(132)
    name = "redelivery_identical_copy"
    did = delivery_id("POL", name)
    build = writer(did, "POL", _files(v))
    return Case(
        name=name,
        why="A byte-identical copy of a loaded delivery in another folder (sent twice by "
        "mail): content is manifest + listed files' bytes, not the folder, so 'already loaded'.",
        build=build,
        delivery_id=did,
        before=(Prior(folder="sent-yesterday", build=build, outcome=GOOD),),
        already_loaded=True,
        personal=tuple(v.personal),
    )


def redelivery_unlisted_file_added() -> Case:
    v = Vals(133)
    name = "redelivery_unlisted_file_added"
    did = delivery_id("POL", name)
    return Case(
        name=name,
        why="The same delivery again with an extra, unlisted LEESMIJ.txt: unlisted files are "
        "not content, so 'already loaded'.",
        build=writer(did, "POL", _files(v), extra_files={"LEESMIJ.txt": "Zie bijlage.\n"}),
        delivery_id=did,
        before=(Prior(folder="without-readme", build=writer(did, "POL", _files(v)), outcome=GOOD),),
        already_loaded=True,
        personal=tuple(v.personal),
    )


def redelivery_after_refusal() -> Case:
    v = Vals(134)
    name = "redelivery_after_refusal"
    did = delivery_id("POL", name)
    refused = Outcome(refused=True, error=("links.csv",))
    return Case(
        name=name,
        why="A delivery refused for an empty links.csv, then resent complete under the same "
        "delivery_id: a refusal loads nothing, so the id was never loaded and the fixed "
        "delivery loads.",
        build=writer(did, "POL", _files(v)),
        delivery_id=did,
        before=(
            Prior(folder="broken", build=writer(did, "POL", _files(v, links=b"")), outcome=refused),
        ),
        files=GOOD.files,
        personal=tuple(v.personal),
    )


def redelivery_with_quarantine_identical() -> Case:
    v = Vals(135)
    name = "redelivery_with_quarantine_identical"
    did = delivery_id("POL", name)
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="USES_PHONE", from_="P1", to="T1", registered_at=REG),
        rec(
            LCOLS,
            record_id="L2",
            type="USES_PHONE",
            from_="P1",
            to="T1",
            registered_at="31-02-2024",
        ),
    )
    build = writer(did, "POL", _files(v, links=links))
    first = Outcome(
        files=(fc("entities.csv", 2, 2, 0), fc("links.csv", 2, 1, 1)),
        quarantine=(qe("links.csv", 2, 3, "registered_at"),),
    )
    return Case(
        name=name,
        why="A delivery with a quarantined row, delivered again unchanged: 'already loaded', and "
        "the quarantine file gains no second copy of the entry.",
        build=build,
        delivery_id=did,
        before=(Prior(folder="first-time", build=build, outcome=first),),
        already_loaded=True,
        personal=tuple(v.personal),
    )


def unlisted_files_ignored() -> Case:
    v = Vals(136)
    name = "unlisted_files_ignored"
    did = delivery_id("POL", name)
    junk: dict[str, bytes | str] = {
        ".~lock.entities.csv#": "E3,helper,host,01.12.2026 10:00,file:///C:/Users/x;\n",
        "entities.csv.bak": b"\x00\x01garbage\xff",
        "LEESMIJ.txt": "Levering van de politie.\n",
        "Thumbs.db": b"\xd0\xcf\x11\xe0",
    }
    return Case(
        name=name,
        why="Files in the folder that the manifest does not list (a LibreOffice lock file, a "
        ".bak with binary junk, a readme, Thumbs.db) are not read at all.",
        build=writer(did, "POL", _files(v), extra_files=junk),
        delivery_id=did,
        files=GOOD.files,
        personal=tuple(v.personal),
    )


def folder_run_mixed() -> Case:
    v1, v2, v3 = Vals(140), Vals(141), Vals(142)
    name = "folder_run_mixed"
    ids = [delivery_id("POL", f"{name}-{s}") for s in "abc"]

    def build(folder: Path) -> None:
        writer(ids[0], "POL", _files(v1))(folder / ids[0])
        half = folder / ids[1]  # a copy still in progress: data files, no manifest yet
        half.mkdir(parents=True)
        for f in _files(v2):
            (half / f.path).write_text(str(f.content), encoding="utf-8")
        writer(ids[2], "POL", _files(v3))(folder / ids[2])

    return Case(
        name=name,
        why="A folder run over three deliveries, the middle one still being copied (no "
        "manifest): the first and last load, the middle is refused, every one gets a summary "
        "line and the run exits non-zero.",
        build=build,
        delivery_id=None,
        folder_run=(
            Sub(folder=ids[0], delivery_id=ids[0], outcome=GOOD),
            Sub(
                folder=ids[1],
                delivery_id=None,
                outcome=Outcome(refused=True, error=("manifest.json",)),
            ),
            Sub(folder=ids[2], delivery_id=ids[2], outcome=GOOD),
        ),
        refused=True,
        personal=tuple(v1.personal + v2.personal + v3.personal),
    )


def folder_run_name_order() -> Case:
    v = Vals(143)
    name = "folder_run_name_order"
    did = delivery_id("POL", name)
    first, second = "run-10", "run-9"

    def build(folder: Path) -> None:
        writer(did, "POL", _files(v, phone=1))(folder / first)
        writer(did, "POL", _files(v, phone=2))(folder / second)

    return Case(
        name=name,
        why="Two folders with the same delivery_id and different content: name order is plain "
        "string order, so 'run-10' comes before 'run-9', loads, and 'run-9' is refused as "
        "changed content (exit non-zero).",
        build=build,
        delivery_id=did,
        folder_run=(
            Sub(folder=first, delivery_id=did, outcome=GOOD),
            Sub(folder=second, delivery_id=did, outcome=Outcome(refused=True, error=(did,))),
        ),
        refused=True,
        personal=tuple(v.personal),
    )


def folder_run_identical_copies() -> Case:
    v = Vals(144)
    name = "folder_run_identical_copies"
    did = delivery_id("POL", name)

    def build(folder: Path) -> None:
        writer(did, "POL", _files(v))(folder / "a-inbox")
        writer(did, "POL", _files(v))(folder / "b-archive")

    return Case(
        name=name,
        why="The inbox and an archive copy of the same delivery in one folder run: the first "
        "loads, the second is 'already loaded'; nothing refused, so the run exits 0.",
        build=build,
        delivery_id=did,
        folder_run=(
            Sub(folder="a-inbox", delivery_id=did, outcome=GOOD),
            Sub(folder="b-archive", delivery_id=did, outcome=Outcome(already_loaded=True)),
        ),
        personal=tuple(v.personal),
    )


CASES_RUNS = [
    redelivery_changed_content(),
    redelivery_identical_same_folder(),
    redelivery_identical_copy(),
    redelivery_unlisted_file_added(),
    redelivery_after_refusal(),
    redelivery_with_quarantine_identical(),
    unlisted_files_ignored(),
    folder_run_mixed(),
    folder_run_name_order(),
    folder_run_identical_copies(),
]
