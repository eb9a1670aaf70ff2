"""Deliveries refused as a whole (contract item 7): manifest, file system, headers, supply.

A refused delivery loads nothing, leaves the graph exactly as before, exits non-zero and its
error names the file (the manifest, or the file as listed).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .model import Case, Outcome, Prior
from .writing import (
    LCOLS,
    REG,
    F,
    Vals,
    delivery_id,
    fc,
    make,
    manifest,
    put,
    rec,
    text,
    writer,
)

PCOLS = ("record_id", "type", "name", "birth_date")


def _good_files(v: Vals) -> tuple[str, str]:
    ents = text(
        "record_id;type;name;number",
        f"P1;Person;{v.name(1)};",
        f"T1;Phone;;{v.mobile(1)}",
    )
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="USES_PHONE", from_="P1", to="T1", registered_at=REG),
    )
    return ents, links


def _good_listed(v: Vals) -> list[F]:
    ents, links = _good_files(v)
    return [F("entities.csv", "entities", ents), F("links.csv", "links", links)]


def _manifest_case(
    name: str, k: int, why: str, body: bytes | None, valid_id: bool = True, party: str = "POL"
) -> Case:
    """A folder with good data files and ``body`` as manifest.json (None: no manifest)."""
    v = Vals(k)
    ents, links = _good_files(v)
    did = delivery_id(party, name)

    def build(folder: Path) -> None:
        files: dict[str, bytes | str] = {"entities.csv": ents, "links.csv": links}
        if body is not None:
            files["manifest.json"] = body
        put(folder, files)

    return Case(
        name=name,
        why=why,
        build=build,
        delivery_id=did if valid_id else None,
        refused=True,
        error=("manifest.json",),
        personal=tuple(v.personal),
    )


def _manifest_dict(name: str, party: str = "POL") -> dict[str, object]:
    listed: list[tuple[str, str] | tuple[str, str, str]] = [
        ("entities.csv", "entities"),
        ("links.csv", "links"),
    ]
    loaded = json.loads(manifest(delivery_id(party, name), party, listed))
    assert isinstance(loaded, dict)
    return loaded


def _dumps(d: object) -> bytes:
    return json.dumps(d, indent=2).encode("utf-8")


def manifest_missing() -> Case:
    return _manifest_case(
        "manifest_missing",
        100,
        "Data files without manifest.json (copied before the manifest was written).",
        None,
        valid_id=False,
    )


def manifest_not_json() -> Case:
    good = _dumps(_manifest_dict("manifest_not_json"))
    return _manifest_case(
        "manifest_not_json",
        101,
        "manifest.json cut off halfway: not JSON.",
        good[: len(good) // 2],
        valid_id=False,
    )


def manifest_is_array() -> Case:
    return _manifest_case(
        "manifest_is_array",
        102,
        "manifest.json is valid JSON but an array holding the manifest object, not an object.",
        _dumps([_manifest_dict("manifest_is_array")]),
        valid_id=False,
    )


def _without(name: str, key: str) -> bytes:
    d = _manifest_dict(name)
    del d[key]
    return _dumps(d)


def _with(name: str, **changes: object) -> bytes:
    d = _manifest_dict(name)
    d.update(changes)
    return _dumps(d)


def manifest_missing_party() -> Case:
    return _manifest_case(
        "manifest_missing_party",
        103,
        "No 'party': nobody to attribute the facts to.",
        _without("manifest_missing_party", "party"),
    )


def manifest_missing_delivery_id() -> Case:
    return _manifest_case(
        "manifest_missing_delivery_id",
        104,
        "No 'delivery_id': no source_ref, no idempotence.",
        _without("manifest_missing_delivery_id", "delivery_id"),
        valid_id=False,
    )


def manifest_unknown_party() -> Case:
    return _manifest_case(
        "manifest_unknown_party",
        105,
        "party 'POLITIE' instead of the code 'POL'.",
        _with("manifest_unknown_party", party="POLITIE"),
    )


def manifest_basis_not_allowed() -> Case:
    name = "manifest_basis_not_allowed"
    d = _manifest_dict(name, "IND")
    d["legal_basis"] = "WPG-10"
    return _manifest_case(
        name,
        106,
        "The manifest's default legal basis WPG-10 is not allowed for IND: refused (a row-level "
        "basis would only quarantine the row).",
        _dumps(d),
        party="IND",
    )


def manifest_no_files() -> Case:
    return _manifest_case(
        "manifest_no_files",
        107,
        "An empty 'files' list: nothing to deliver (schema: minItems 1).",
        _with("manifest_no_files", files=[]),
    )


def manifest_delivered_at_without_offset() -> Case:
    return _manifest_case(
        "manifest_delivered_at_without_offset",
        108,
        "delivered_at '2026-11-02T10:00:00' has no UTC offset; the format requires one "
        "(strictest reading: invalid required field).",
        _with("manifest_delivered_at_without_offset", delivered_at="2026-11-02T10:00:00"),
    )


def manifest_delivery_id_traversal() -> Case:
    return _manifest_case(
        "manifest_delivery_id_traversal",
        109,
        "delivery_id '../../quarantine/x' would name files outside var/quarantine and "
        "var/reports; it does not match ^[A-Za-z0-9._-]+$. Nothing may be written for it.",
        _with("manifest_delivery_id_traversal", delivery_id="../../quarantine/x"),
        valid_id=False,
    )


def manifest_bad_kind() -> Case:
    d = _manifest_dict("manifest_bad_kind")
    files = d["files"]
    assert isinstance(files, list)
    files[0]["kind"] = "persons"
    return _manifest_case(
        "manifest_bad_kind", 110, "A file of kind 'persons' (not entities/links).", _dumps(d)
    )


def _file_case(
    name: str,
    v: Vals,
    why: str,
    listed: list[tuple[str, str]],
    files: dict[str, bytes | str],
    error: str,
    special: object = None,
    party: str = "POL",
    before: tuple[Prior, ...] = (),
) -> Case:
    """A valid manifest listing ``listed``; ``files`` written as given; ``special(folder)``
    then makes links, FIFOs or folders."""
    did = delivery_id(party, name)
    body = manifest(did, party, list(listed))

    def build(folder: Path) -> None:
        put(folder, {"manifest.json": body, **files})
        if callable(special):
            special(folder)

    return Case(
        name=name,
        why=why,
        build=build,
        delivery_id=did,
        refused=True,
        error=(error,),
        before=before,
        personal=tuple(v.personal),
    )


BOTH = [("entities.csv", "entities"), ("links.csv", "links")]


def file_missing() -> Case:
    v = Vals(111)
    ents, _ = _good_files(v)
    return _file_case(
        "file_missing",
        v,
        "links.csv is listed but not in the folder.",
        BOTH,
        {"entities.csv": ents},
        "links.csv",
    )


def _other_delivery(k: int, folder: str) -> Prior:
    """A good delivery next to the case's folder, loaded first."""
    v = Vals(k)
    return Prior(
        folder=folder,
        build=writer(delivery_id("POL", folder), "POL", _good_listed(v)),
        outcome=Outcome(files=(fc("entities.csv", 2, 2, 0), fc("links.csv", 1, 1, 0))),
    )


def file_symlink_into_other_delivery() -> Case:
    other = "other-delivery-112"
    v = Vals(113)
    _, links = _good_files(v)

    def link(folder: Path) -> None:
        (folder / "entities.csv").symlink_to(Path("..") / other / "entities.csv")

    return _file_case(
        "file_symlink_into_other_delivery",
        v,
        "entities.csv is a symlink into another (already loaded) delivery: refused, even "
        "though the target is a good, regular file.",
        BOTH,
        {"links.csv": links},
        "entities.csv",
        special=link,
        before=(_other_delivery(112, other),),
    )


def file_symlink_to_etc_passwd() -> Case:
    v = Vals(114)
    _, links = _good_files(v)
    return _file_case(
        "file_symlink_to_etc_passwd",
        v,
        "entities.csv -> /etc/passwd: refused without reading (or quarantining) its lines.",
        BOTH,
        {"links.csv": links},
        "entities.csv",
        special=lambda folder: (folder / "entities.csv").symlink_to("/etc/passwd"),
    )


def file_fifo() -> Case:
    v = Vals(115)
    _, links = _good_files(v)
    return _file_case(
        "file_fifo",
        v,
        "entities.csv is a named pipe: not a regular file, refused without opening it (opening "
        "would block forever; run with a timeout).",
        BOTH,
        {"links.csv": links},
        "entities.csv",
        special=lambda folder: os.mkfifo(folder / "entities.csv"),
    )


def file_is_directory() -> Case:
    v = Vals(116)
    _, links = _good_files(v)
    return _file_case(
        "file_is_directory",
        v,
        "entities.csv is a directory.",
        BOTH,
        {"links.csv": links},
        "entities.csv",
        special=lambda folder: (folder / "entities.csv").mkdir(),
    )


def file_dotdot_path() -> Case:
    other = "other-delivery-117"
    v = Vals(118)
    _, links = _good_files(v)
    return _file_case(
        "file_dotdot_path",
        v,
        "The manifest lists '../other-delivery-117/entities.csv' (exists, regular): outside the "
        "delivery folder, refused.",
        [(f"../{other}/entities.csv", "entities"), ("links.csv", "links")],
        {"links.csv": links},
        "entities.csv",
        before=(_other_delivery(117, other),),
    )


def file_absolute_path() -> Case:
    return _file_case(
        "file_absolute_path",
        Vals(119),
        "The manifest lists '/etc/passwd': an absolute path, refused.",
        [("/etc/passwd", "entities")],
        {},
        "/etc/passwd",
    )


def file_in_symlinked_folder() -> Case:
    other = "other-delivery-120"

    def link(folder: Path) -> None:
        (folder / "data").symlink_to(Path("..") / other)

    return _file_case(
        "file_in_symlinked_folder",
        Vals(121),
        "The manifest lists 'data/entities.csv' where 'data' is a symlink to another delivery: "
        "the file itself is regular, but it lies outside the delivery folder once resolved "
        "(strictest reading).",
        [("data/entities.csv", "entities")],
        {},
        "entities.csv",
        special=link,
        before=(_other_delivery(120, other),),
    )


def file_empty_second() -> Case:
    v = Vals(122)
    ents, _ = _good_files(v)
    return _file_case(
        "file_empty_second",
        v,
        "A good entities.csv and a 0-byte links.csv (export failed): the whole delivery is "
        "refused, the good entities are not loaded, the graph is unchanged.",
        BOTH,
        {"entities.csv": ents, "links.csv": b""},
        "links.csv",
    )


def file_bom_only() -> Case:
    return _file_case(
        "file_bom_only",
        Vals(123),
        "entities.csv is 3 bytes, a UTF-8 BOM and nothing else: not 0 bytes, but it has no "
        "header with record_id/type, so refused.",
        [("entities.csv", "entities")],
        {"entities.csv": b"\xef\xbb\xbf"},
        "entities.csv",
    )


def file_header_without_record_id() -> Case:
    v = Vals(124)
    ents, _ = _good_files(v)
    links = text(
        "id;type;from;to;registered_at",
        f"L1;USES_PHONE;P1;T1;{REG}",
    )
    return _file_case(
        "file_header_without_record_id",
        v,
        "The second file calls its id column 'id': no record_id column, refused; the good "
        "first file is not loaded either.",
        BOTH,
        {"entities.csv": ents, "links.csv": links},
        "links.csv",
    )


def file_header_without_type() -> Case:
    v = Vals(125)
    ents = text("record_id;soort;name", f"P1;Person;{v.name(1)}")
    return _file_case(
        "file_header_without_type",
        v,
        "The type column is called 'soort' (Dutch): no type column, refused.",
        [("entities.csv", "entities")],
        {"entities.csv": ents},
        "entities.csv",
    )


def jsonl_empty_file() -> Case:
    return _file_case(
        "jsonl_empty_file",
        Vals(126),
        "A 0-byte entities.jsonl: empty file, refused.",
        [("entities.jsonl", "entities")],
        {"entities.jsonl": b""},
        "entities.jsonl",
        party="IND",
    )


def supply_ended() -> Case:
    v = Vals(127)
    cols = ("record_id", "type", "name", "case_id", "phenomenon", "started_at", "status")
    ents = text(
        ";".join(cols),
        rec(cols, record_id="P1", type="Person", name=v.name(1)),
        rec(cols, record_id="I1", type="Investigation", case_id="E3-127", phenomenon="labour",
            started_at="01-06-2025", status="vervolging"),
    )  # fmt: skip
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="INVOLVED_IN", from_="P1", to="I1", registered_at=REG,
            role="suspect"),
    )  # fmt: skip
    return make(
        "supply_ended",
        "OM's supply has ended (party exit, isolate): a new OM delivery is refused as a whole; "
        "the error names the delivery.",
        v,
        "OM",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        refused=True,
        error=(delivery_id("OM", "supply_ended"),),
        supply_ended="OM",
    )


CASES_REFUSALS = [
    manifest_missing(),
    manifest_not_json(),
    manifest_is_array(),
    manifest_missing_party(),
    manifest_missing_delivery_id(),
    manifest_unknown_party(),
    manifest_basis_not_allowed(),
    manifest_no_files(),
    manifest_delivered_at_without_offset(),
    manifest_delivery_id_traversal(),
    manifest_bad_kind(),
    file_missing(),
    file_symlink_into_other_delivery(),
    file_symlink_to_etc_passwd(),
    file_fifo(),
    file_is_directory(),
    file_dotdot_path(),
    file_absolute_path(),
    file_in_symlinked_folder(),
    file_empty_second(),
    file_bom_only(),
    file_header_without_record_id(),
    file_header_without_type(),
    jsonl_empty_file(),
    supply_ended(),
]
