"""The synthetic generator writes valid deliveries, deterministically, with a usable answer key.

The checks read the files back independently of the generator's code (own CSV/JSONL reader with
encoding detection), so they also pin down the delivery format from the outside.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from emm.graph.schema import ENTITY_TYPES, PARTIES, REL_TYPES, basis_problem
from emm.synth import SIZES, GenerationSummary, generate
from emm.synth.identifiers import (
    bsn,
    bsn_is_valid,
    foreign_iban,
    iban_is_valid,
    nl_iban,
    nl_plate,
)
from emm.synth.people import Person, initials, typo, variation_of

Row = dict[str, Any]
BOM = b"\xef\xbb\xbf"


# --------------------------------------------------------------------------------------------
# Reading deliveries back
# --------------------------------------------------------------------------------------------


def detect_encoding(data: bytes) -> str:
    if data.startswith(BOM):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def read_rows(path: Path) -> list[Row]:
    data = path.read_bytes()
    text = data.decode(detect_encoding(data))
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=";")
    return [{k: v for k, v in row.items() if v != ""} for row in reader]


def deliveries(root: Path) -> Iterator[tuple[Path, Row]]:
    for folder in sorted((root / "deliveries").iterdir()):
        yield folder, json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def load(folder: Path, manifest: Row) -> tuple[dict[str, Row], list[Row]]:
    entities: dict[str, Row] = {}
    links: list[Row] = []
    for f in manifest["files"]:
        rows = read_rows(folder / f["path"])
        if f["kind"] == "entities":
            for row in rows:
                assert row["record_id"] not in entities
                entities[row["record_id"]] = row
        else:
            links += rows
    return entities, links


def parse_date(text: str) -> date:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{2})[-/](\d{2})[-/](\d{4})", text)
    assert m, f"not a delivery date: {text!r}"
    return date(int(m[3]), int(m[2]), int(m[1]))


def all_files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


# --------------------------------------------------------------------------------------------
# Fixtures: one tiny and one small run per session
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GenerationSummary]:
    out = tmp_path_factory.mktemp("tiny")
    return out, generate(out, seed=11, size="tiny")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GenerationSummary]:
    out = tmp_path_factory.mktemp("small")
    return out, generate(out, seed=3, size="small")


@pytest.fixture(scope="module")
def small_data(
    small: tuple[Path, GenerationSummary],
) -> dict[str, tuple[Row, dict[str, Row], list[Row]]]:
    root, _ = small
    return {m["delivery_id"]: (m, *load(folder, m)) for folder, m in deliveries(root)}


# --------------------------------------------------------------------------------------------
# Identifiers
# --------------------------------------------------------------------------------------------


def test_when_bsns_are_generated_then_each_passes_the_11_proof() -> None:
    import random

    rng = random.Random(1)
    assert all(bsn_is_valid(bsn(rng)) for _ in range(2000))


def test_when_a_bsn_digit_changes_then_the_11_proof_fails() -> None:
    assert bsn_is_valid("111222333")
    assert bsn_is_valid("1112.22.333")
    assert not bsn_is_valid("111222334")
    assert not bsn_is_valid("000000000")


def test_when_ibans_are_generated_then_mod_97_holds_and_a_typo_breaks_it() -> None:
    import random

    rng = random.Random(2)
    assert iban_is_valid("NL91ABNA0417164300")
    assert iban_is_valid("nl91 abna 0417 1643 00")
    assert not iban_is_valid("NL91ABNA0417164301")
    for _ in range(500):
        iban, _bank = nl_iban(rng)
        assert (
            iban_is_valid(iban)
            and len(iban) == 18
            and iban[4:8] in {"ABNA", "INGB", "RABO", "SNSB", "TRIO", "BUNQ", "KNAB", "ASNB"}
        )
        foreign, _bank = foreign_iban(rng)
        assert iban_is_valid(foreign)
        assert len(foreign) == {"RO": 24, "BG": 22, "PL": 28}[foreign[:2]]


def test_when_dutch_plates_are_generated_then_they_follow_an_rdw_side_code() -> None:
    import random

    from emm.values.plate import SIDE_CODES as PLATE_SIDE_CODES

    side_codes = set(PLATE_SIDE_CODES.values())
    rng = random.Random(3)
    for _ in range(500):
        plate = nl_plate(rng)
        assert re.sub(r"[A-Z]", "X", re.sub(r"\d", "9", plate)) in side_codes


def test_when_a_person_reappears_then_the_difference_is_a_realistic_one() -> None:
    import random

    assert initials("Jan") == "J." and initials("Jan-Willem") == "J.W."
    rng = random.Random(4)
    assert all(typo(rng, "Vries") != "Vries" for _ in range(100))
    p = Person("Jan", "de Vries", date(1990, 3, 7), "M", "NL", "NL", "111222333")
    seen = set()
    for _ in range(300):
        variation, name, birth, _keep = variation_of(rng, p, has_bsn=True)
        seen.add(variation)
        if variation == "swap_day_month":
            assert birth == date(1990, 7, 3)
        if variation == "initials":
            assert name == "J. de Vries"
    assert seen == {"exact", "initials", "typo", "swap_day_month", "no_bsn"}


# --------------------------------------------------------------------------------------------
# Determinism and speed
# --------------------------------------------------------------------------------------------


def test_when_generating_twice_with_one_seed_then_every_byte_is_equal(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", seed=5, size="tiny")
    b = generate(tmp_path / "b", seed=5, size="tiny")
    c = generate(tmp_path / "c", seed=6, size="tiny")
    files_a, files_b = all_files(tmp_path / "a"), all_files(tmp_path / "b")
    assert files_a == files_b
    assert files_a != all_files(tmp_path / "c")
    assert a.rows == b.rows and a.seconds < 1.0 and c.seconds < 1.0


def test_when_size_is_tiny_then_about_300_relationships_are_written(
    tiny: tuple[Path, GenerationSummary],
) -> None:
    _, summary = tiny
    assert 240 <= summary.rows["links"] <= 360
    assert summary.to_dict()["rows"] == summary.rows
    assert set(summary.parties) == set(PARTIES)


def test_when_size_is_unknown_then_a_clear_error_is_raised(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown size"):
        generate(tmp_path, size="huge")


def test_when_the_output_already_has_deliveries_then_nothing_is_mixed_in(tmp_path: Path) -> None:
    generate(tmp_path, seed=1, size="tiny")
    with pytest.raises(FileExistsError):
        generate(tmp_path, seed=2, size="tiny")


def test_when_fmt_mix_is_off_then_every_delivery_is_utf8_csv(tmp_path: Path) -> None:
    generate(tmp_path, seed=1, size="tiny", fmt_mix=False)
    for folder, manifest in deliveries(tmp_path):
        for f in manifest["files"]:
            data = (folder / f["path"]).read_bytes()
            assert f["path"].endswith(".csv") and detect_encoding(data) == "utf-8"


# --------------------------------------------------------------------------------------------
# The deliveries follow docs/delivery-format.md
# --------------------------------------------------------------------------------------------


def test_when_reading_manifests_then_all_parties_deliver_on_allowed_legal_bases(
    small_data: dict[str, tuple[Row, dict[str, Row], list[Row]]],
) -> None:
    parties = set()
    for delivery_id, (manifest, _entities, links) in small_data.items():
        party = manifest["party"]
        parties.add(party)
        assert delivery_id.startswith(party + "-")
        assert basis_problem(party, manifest["legal_basis"]) is None
        assert re.fullmatch(
            r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00", manifest["delivered_at"]
        )
        assert {f["kind"] for f in manifest["files"]} == {"entities", "links"}
        for f in manifest["files"]:
            assert f.get("encoding", "utf-8") in {"utf-8", "utf-8-sig", "cp1252"}
        for link in links:
            if "legal_basis" in link:
                assert basis_problem(party, link["legal_basis"]) is None
    assert parties == set(PARTIES)


def test_when_reading_rows_then_types_fields_and_endpoints_fit_the_schema(
    small_data: dict[str, tuple[Row, dict[str, Row], list[Row]]],
) -> None:
    for manifest, entities, links in small_data.values():
        delivered = date.fromisoformat(manifest["delivered_at"][:10])
        for row in entities.values():
            fields = {f.name for f in ENTITY_TYPES[row["type"]].fields}
            assert set(row) - {"record_id", "type"} <= fields, row
            required = {f.name for f in ENTITY_TYPES[row["type"]].fields if f.required}
            assert required <= set(row), row
        link_ids = set()
        for link in links:
            rel = REL_TYPES[link["type"]]
            assert link["record_id"] not in entities and link["record_id"] not in link_ids
            link_ids.add(link["record_id"])
            assert entities[link["from"]]["type"] in rel.sources, link
            assert entities[link["to"]]["type"] in rel.targets, link
            allowed = {"record_id", "type", "from", "to", "registered_at", "legal_basis"}
            assert set(link) - allowed <= {f.name for f in rel.fields}, link
            assert {f.name for f in rel.fields if f.required} <= set(link), link
            assert parse_date(link["registered_at"]) <= delivered


def test_when_reading_identifiers_then_bsns_and_dutch_ibans_are_valid(
    small_data: dict[str, tuple[Row, dict[str, Row], list[Row]]],
) -> None:
    n_bsn = n_iban = 0
    for _manifest, entities, _links in small_data.values():
        for row in entities.values():
            if "bsn" in row:
                assert bsn_is_valid(row["bsn"]), row
                n_bsn += 1
            if "iban" in row:
                assert iban_is_valid(row["iban"]), row
                n_iban += row["iban"].replace(" ", "").upper().startswith("NL")
    assert n_bsn > 100 and n_iban > 20


def test_when_reading_values_then_formats_vary_as_real_exports_do(
    small_data: dict[str, tuple[Row, dict[str, Row], list[Row]]],
) -> None:
    phones, ibans, plates = set(), set(), set()
    for _manifest, entities, _links in small_data.values():
        for row in entities.values():
            if row["type"] == "Phone":
                phones.add(row["number"])
            elif row["type"] == "BankAccount":
                ibans.add(row["iban"])
            elif row["type"] == "Vehicle":
                plates.add(row["plate"])
    assert any(re.fullmatch(r"06-\d{8}", p) for p in phones)
    assert any(re.fullmatch(r"\+31 6 \d{4} \d{4}", p) for p in phones)
    assert any(re.fullmatch(r"00316\d{8}", p) for p in phones)
    assert any(
        p.startswith(("+40", "+359", "+48", "+234", "0040", "00359", "0048", "00234"))
        for p in phones
    )
    assert any(" " in i for i in ibans) and any(i[:2].islower() for i in ibans)
    assert any(i.replace(" ", "").upper()[:2] in {"RO", "BG", "PL"} for i in ibans)
    assert any("-" not in p and " " not in p for p in plates)


def test_when_size_is_small_then_csv_uses_semicolons_with_bom_and_cp1252_files(
    small: tuple[Path, GenerationSummary],
) -> None:
    root, _ = small
    encodings: set[str] = set()
    formats: set[str] = set()
    for folder, manifest in deliveries(root):
        for f in manifest["files"]:
            path = folder / f["path"]
            formats.add(path.suffix)
            if path.suffix != ".csv":
                continue
            data = path.read_bytes()
            enc = detect_encoding(data)
            encodings.add(enc)
            header = data.decode(enc).splitlines()[0]
            assert header.startswith("record_id;type;") and "," not in header
            if "encoding" in f:
                assert f["encoding"] == enc or (f["encoding"] == "cp1252" and enc == "utf-8")
            if f["kind"] == "links":
                assert re.search(r";\d{2}[-/]\d{2}[-/]\d{4};", data.decode(enc))
    assert {"utf-8", "utf-8-sig", "cp1252"} <= encodings
    assert formats == {".csv", ".jsonl"}


# --------------------------------------------------------------------------------------------
# Ground truth
# --------------------------------------------------------------------------------------------


def test_when_reading_ground_truth_then_every_ref_resolves_to_the_written_record(
    small: tuple[Path, GenerationSummary],
    small_data: dict[str, tuple[Row, dict[str, Row], list[Row]]],
) -> None:
    root, summary = small
    truth = json.loads((root / "ground_truth.json").read_text(encoding="utf-8"))
    assert truth["seed"] == 3 and truth["size"] == "small"

    def check(ref: Row) -> Row:
        row = small_data[ref["delivery_id"]][1][ref["record_id"]]
        if row["type"] == "Person":
            assert ref["name"] == row["name"] and ref["birth_date"] == row.get("birth_date")
        return row

    kinds = {}
    for scenario in truth["scenarios"]:
        kinds[scenario["type"]] = kinds.get(scenario["type"], 0) + 1
        members = [check(r) for r in scenario["members"]]
        assert len(members) >= 3 and scenario["organisers"]
        member_keys = {(r["delivery_id"], r["record_id"]) for r in scenario["members"]}
        for ref in scenario["organisers"] + scenario["victims"]:
            assert check(ref)["type"] == "Person"
            assert (ref["delivery_id"], ref["record_id"]) in member_keys
        for ref in scenario["assets"]:
            check(ref)
    assert set(kinds) == {"sexual", "labour", "smuggling", "criminal"}
    assert kinds == summary.scenarios

    pairs = truth["same_person_pairs"]
    assert len(pairs) == summary.same_person_pairs
    cross_party = 0
    for a, b in pairs:
        check(a), check(b)
        assert (a["delivery_id"], a["record_id"]) != (b["delivery_id"], b["record_id"])
        cross_party += (
            small_data[a["delivery_id"]][0]["party"] != small_data[b["delivery_id"]][0]["party"]
        )
    assert cross_party >= 1


def test_when_size_is_tiny_then_each_scenario_type_is_planted_once(
    tiny: tuple[Path, GenerationSummary],
) -> None:
    root, summary = tiny
    truth = json.loads((root / "ground_truth.json").read_text(encoding="utf-8"))
    assert sorted(s["type"] for s in truth["scenarios"]) == [
        "criminal",
        "labour",
        "sexual",
        "smuggling",
    ]
    for s in truth["scenarios"]:
        assert len(s["organisers"]) >= 1 and len(s["members"]) >= 3
    assert truth["same_person_pairs"] and summary.same_person_pairs >= 1


def test_when_scenarios_are_planted_then_their_signature_relationships_exist(
    small_data: dict[str, tuple[Row, dict[str, Row], list[Row]]],
) -> None:
    types_by_party: dict[str, set[str]] = {}
    for manifest, _entities, links in small_data.values():
        types_by_party.setdefault(manifest["party"], set()).update(lk["type"] for lk in links)
    assert {"ADVERTISES", "ADVERTISED_WITH", "PAID_FOR", "STAYED_AT", "CALLED", "MET"} <= (
        types_by_party["POL"]
    )
    assert {"EMPLOYED_BY", "LANDLORD_OF", "PAYMENT", "DIRECTOR_OF"} <= types_by_party["ISZW"]
    assert {"CROSSED_BORDER", "PASSENGER_IN", "TRAVELLED_WITH", "DRIVES"} <= types_by_party["KMAR"]
    assert {"HAS_DOCUMENT", "LIVES_AT"} <= types_by_party["IND"]
    assert types_by_party["OM"] == {"INVOLVED_IN"}


# --------------------------------------------------------------------------------------------
# Size
# --------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_when_size_is_100k_then_relationships_are_within_20_percent(tmp_path: Path) -> None:
    summary = generate(tmp_path, seed=2, size="100k")
    assert abs(summary.rows["links"] - SIZES["100k"]) <= 0.2 * SIZES["100k"]
    assert summary.deliveries == sum(p["deliveries"] for p in summary.parties.values())
    assert summary.scenarios["sexual"] > 50


# --------------------------------------------------------------------------------------------
# Decoys, working names, the variations of foreign records (issue 14)
# --------------------------------------------------------------------------------------------


def test_when_a_small_run_is_made_then_each_kind_of_decoy_is_in_the_truth(
    small: tuple[Path, GenerationSummary],
) -> None:
    root, summary = small
    truth = json.loads((root / "ground_truth.json").read_text(encoding="utf-8"))
    kinds = {d["type"] for d in truth["decoys"]}
    assert kinds == {"taxi_firm", "legal_agency", "ordinary_hotel_guest"}
    assert summary.decoys == len(truth["decoys"])
    assert all(d["members"] for d in truth["decoys"])


def test_when_a_tiny_run_is_made_then_a_police_investigation_groups_its_signals(
    tiny: tuple[Path, GenerationSummary],
) -> None:
    root, _ = tiny
    links = [
        row["type"] for path in (root / "deliveries").glob("POL-*/links.*") for row in _rows(path)
    ]
    assert "PART_OF" in links


def _rows(path: Path) -> list[Row]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    import csv

    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    return list(csv.DictReader(text.splitlines(), delimiter=";"))


def test_when_foreigners_reappear_then_their_records_differ_as_border_and_immigration_write_them(
    small: tuple[Path, GenerationSummary],
) -> None:
    root, _ = small
    truth = json.loads((root / "ground_truth.json").read_text(encoding="utf-8"))
    births = [b.get("birth_date") for a, b in truth["same_person_pairs"]]
    firsts = [a.get("birth_date") for a, b in truth["same_person_pairs"]]
    placeholders = [
        d for d in births + firsts if d and (d.startswith("01-01") or d.endswith("-01-01"))
    ]
    assert placeholders, "KMAR writes year-only dates of birth as 1 January"
    assert any(b.get("birth_date") is None for _, b in truth["same_person_pairs"])
    passport = [b["name"] for _, b in truth["same_person_pairs"]
                if b.get("name") and b["name"].split()[0].isupper() and len(b["name"].split()[0]) > 1]  # fmt: skip
    assert passport, "passport order: SURNAME Given"


def test_respell_gives_another_transliteration() -> None:
    import random

    from emm.synth.people import respell, transliterate

    rng = random.Random(1)
    assert respell(rng, "Mohamed") in ("Mohammed", "Muhammad", "Mohammad", "Mohamad")
    assert respell(rng, "Youssef") != "Youssef"
    assert transliterate(rng, "Tesfay", "Haile") != ("Tesfay", "Haile")


def test_when_a_persona_has_only_a_working_name_then_each_delivery_records_it_once(
    tmp_path: Path,
) -> None:
    generate(tmp_path, seed=4, size=10_000)  # enough deliveries for personas to recur
    truth = json.loads((tmp_path / "ground_truth.json").read_text(encoding="utf-8"))
    named = [(a, b) for a, b in truth["same_person_pairs"] if a.get("birth_date") is None
             and b.get("birth_date") is None and a.get("name") == b.get("name")]  # fmt: skip
    assert named, "working-name records of one persona are one person"
    assert all(a["delivery_id"] != b["delivery_id"] for a, b in named)
