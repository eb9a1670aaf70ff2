"""Retention, data-subject rights, party exit, access control and the audit trail, against the
real database, on the hand-made fixture deliveries (see test_ingest_db.py) plus one OM delivery.

Hand-checked facts used below: POL-T1/L13 (P3 "Zoë Müller" uses the phone, WPG-9) was
registered 2016-04-01 and is P3's only fact; every other fact is registered 2023 or later.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from emm.access import AccessDenied, Principal
from emm.access.guarded import GuardedStore
from emm.audit import AuditLog
from emm.graph.model import EdgeFilter
from emm.graph.search import find
from emm.ingest.pipeline import ingest_delivery, ingest_folder
from emm.products.oib import make_oib
from emm.products.register import ProductRegister, RegisterError
from emm.retention import engine, subjects

pytestmark = pytest.mark.db
DELIVERIES = Path(__file__).parent / "fixtures" / "deliveries"


def om_delivery(tmp_path: Path) -> Path:
    folder = tmp_path / "OM-T1"
    folder.mkdir()
    (folder / "manifest.json").write_text(
        json.dumps(
            {
                "delivery_id": "OM-T1",
                "party": "OM",
                "legal_basis": "WJSG-15-39G",
                "delivered_at": "2026-11-03T10:00:00+01:00",
                "files": [
                    {"path": "e.jsonl", "kind": "entities"},
                    {"path": "l.jsonl", "kind": "links"},
                ],
            }
        )
    )
    (folder / "e.jsonl").write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "record_id": "I1",
                    "type": "Investigation",
                    "case_id": "ZEUS-2024",
                    "status": "vervolging",
                },
                {"record_id": "P", "type": "Person", "name": "Jan de Vries", "bsn": "111222333"},
                {
                    "record_id": "Q",
                    "type": "Person",
                    "name": "Karel Geheim",
                    "birth_date": "1970-01-01",
                },
            ]
        )
        + "\n"
    )
    (folder / "l.jsonl").write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "record_id": "R1",
                    "type": "INVOLVED_IN",
                    "from": "P",
                    "to": "I1",
                    "role": "verdachte",
                    "registered_at": "2024-02-01",
                },
                {
                    "record_id": "R2",
                    "type": "INVOLVED_IN",
                    "from": "Q",
                    "to": "I1",
                    "role": "verdachte",
                    "registered_at": "2024-02-01",
                },
            ]
        )
        + "\n"
    )
    return folder


@pytest.fixture
def loaded(store, out_dir, tmp_path):
    ingest_folder(DELIVERIES, store, out_dir=out_dir)
    ingest_delivery(om_delivery(tmp_path), store, out_dir=out_dir)
    return store


def guard(store, tmp_path, role="senior_analyst", affiliation="POL", user="u1"):
    return GuardedStore(
        store,
        Principal(user, role, affiliation, "test case"),
        AuditLog(tmp_path / "audit" / "audit.jsonl"),
    )


# ------------------------------------------------------------------------------- retention


def test_fact_is_kept_through_its_last_day_and_removed_the_day_after(loaded, out_dir):
    assert engine.plan(loaded, date(2026, 4, 1))["party-facts"]["facts_total"] == 0
    plan = engine.plan(loaded, date(2026, 4, 2))
    assert plan["party-facts"]["facts"] == {"POL": {"USES_PHONE": 1}}
    kept = engine.apply(loaded, date(2026, 4, 1), out_dir=out_dir, run_by="t")
    assert kept["rules_applied"]["party-facts"]["facts_total"] == 0
    report = engine.apply(loaded, date(2026, 4, 2), out_dir=out_dir, run_by="t")
    removed = report["rules_applied"]["party-facts"]
    assert removed["facts"] == {"POL": {"USES_PHONE": 1}}
    assert removed["nodes"] == {"Person": 1}  # P3 had no other fact; the phone has others
    assert find(loaded, "zoe muller") == []
    [phone] = find(loaded, "0612345678")
    assert sorted(phone.parties) == ["IND", "POL"]


def test_retention_apply_is_idempotent_and_its_report_holds_no_personal_data(loaded, out_dir):
    engine.apply(loaded, date(2026, 4, 2), out_dir=out_dir, run_by="t")
    again = engine.apply(loaded, date(2026, 4, 2), out_dir=out_dir, run_by="t")
    assert again["rules_applied"]["party-facts"]["facts_total"] == 0
    text = "".join(p.read_text() for p in out_dir.glob("retention-*.json"))
    for personal in ("Zo", "Vries", "+316", "1234AB", "111222333", "NL91"):
        assert personal not in text


def test_node_supported_by_another_party_stays_when_one_party_expires(loaded, out_dir):
    far = engine.apply(loaded, date(2034, 6, 2), out_dir=out_dir, run_by="t")  # > 2024 + 10
    assert far["rules_applied"]["party-facts"]["facts_total"] == 12
    # only IND (2023) and OM/POL 2024 facts ... everything registered before 2024-06-02 went
    assert loaded.edges_missing_provenance() == 0


def test_oib_retention_runs_from_handover(loaded, out_dir, tmp_path):
    g = guard(loaded, tmp_path)
    [jan] = g.find("111222333")
    doc, _ = make_oib(g, [jan.uid], out_dir=out_dir / "products", created_by="u1")
    register = ProductRegister(loaded)
    assert engine.plan(loaded, date(2040, 1, 1))["oib"]["products"] == []  # not handed over
    register.record_disclosure(
        doc.product_id,
        recipient="POL",
        by="u1",
        basis="art. 3",
        at=__import__("datetime").datetime(2026, 1, 15),
    )
    assert register.get(doc.product_id).retention_until == "2036-01-15"
    assert engine.plan(loaded, date(2036, 1, 15))["oib"]["products"] == []
    due = engine.plan(loaded, date(2036, 1, 16))["oib"]["products"]
    assert [p["product_id"] for p in due] == [doc.product_id]


# ------------------------------------------------------------------------------- subjects


def test_subject_access_lists_facts_suppliers_and_recipients(loaded, out_dir, tmp_path):
    g = guard(loaded, tmp_path)
    [jan] = g.find("111222333")
    doc, _ = make_oib(g, [jan.uid], out_dir=out_dir / "products", created_by="u1")
    ProductRegister(loaded).record_disclosure(
        doc.product_id, recipient="KMAR", by="u1", basis="art. 3"
    )
    persons = subjects.locate(loaded, bsn="111 222 333")
    outcome, answer = subjects.access(loaded, persons, by="privacy")
    [person] = answer["persons"]
    assert {f["party"] for f in person["facts"]} == {"POL", "IND", "OM"}
    assert len(person["facts"]) == 7  # POL 4, IND 2, OM 1
    assert [(r["product"], r["recipient"]) for r in person["recipients"]] == [
        (doc.product_id, "KMAR")
    ]
    assert outcome.status == "done"


def test_partial_refusal_withholds_a_partys_facts_and_records_the_ground(loaded):
    persons = subjects.locate(loaded, name="Jan de Vries", birth_date="12-03-1985")
    assert len(persons) == 1
    outcome, answer = subjects.access(loaded, persons, by="privacy", refuse={"OM": ["WJSG-39L"]})
    assert {f["party"] for f in answer["persons"][0]["facts"]} == {"POL", "IND"}
    assert outcome.status == "partly_refused" and outcome.detail["withheld_facts"] == 1
    with pytest.raises(subjects.SubjectError):
        subjects.refuse(loaded, persons, "erase", by="privacy", grounds=["NO-SUCH-LAW"])
    assert subjects.refuse(loaded, persons, "erase", by="p", grounds=["WPG-27"]).status == "refused"


def test_rectify_validates_and_changes_the_field(loaded):
    [jan] = subjects.locate(loaded, bsn="111222333")
    with pytest.raises(subjects.SubjectError):
        subjects.rectify(loaded, jan, "birth_date", "31-02-1985", by="p")
    subjects.rectify(loaded, jan, "nationality", "Belgie", by="p")
    assert loaded.get(jan.uid).props["nationality"] == "BE"


def test_restricted_person_is_left_out_of_every_read(loaded, tmp_path):
    g = guard(loaded, tmp_path)
    [ioana] = g.find("popescu")
    subjects.restrict(loaded, ioana, by="p")
    assert g.find("popescu") == []
    assert g.get(ioana.uid) is None
    [jan] = g.find("111222333")
    assert ioana.uid not in g.ego([jan.uid], hops=3).entities
    subjects.restrict(loaded, ioana, by="p", lift=True)
    assert [e.uid for e in g.find("popescu")] == [ioana.uid]


def test_erasure_removes_the_person_and_what_only_they_supported(loaded, out_dir):
    [ioana] = subjects.locate(loaded, name="Ioana Popescu", birth_date="1999-07-01")
    outcome = subjects.erase(loaded, ioana, by="p", out_dir=out_dir)
    assert outcome.detail["facts_removed"] == 3  # lives at, signal role, passport
    assert loaded.get(ioana.uid) is None
    assert loaded.by_keys("IdentityDocument", ["passport|RO|AB123456"]) == []
    assert find(loaded, "1234AB 12a")  # the address is still Jan's


# ------------------------------------------------------------------------------- parties


def test_isolated_party_is_invisible_and_can_be_reinstated(loaded, out_dir, tmp_path):
    g = guard(loaded, tmp_path)
    [jan] = g.find("111222333")
    report = subjects.party_exit(loaded, "IND", mode="isolate", by="p", out_dir=out_dir)
    assert report["facts_isolated"] == {"HAS_DOCUMENT": 1, "USES_PHONE": 1, "ASSOCIATE_OF": 1}
    sub = g.ego([jan.uid], hops=3)
    assert "IND" not in {link.props["party"] for link in sub.links.values()}
    subjects.party_exit(loaded, "IND", mode="reinstate", by="p", out_dir=out_dir)
    assert "IND" in {link.props["party"] for link in g.ego([jan.uid], hops=3).links.values()}


def test_isolated_party_delivers_nothing_more(loaded, out_dir):
    from emm.ingest.delivery import DeliveryError

    subjects.party_exit(loaded, "POL", mode="isolate", by="p", out_dir=out_dir)
    with pytest.raises(DeliveryError, match="no longer supplies"):
        ingest_delivery(DELIVERIES / "POL-T1", loaded, out_dir=out_dir, force=True)


def test_removed_party_leaves_no_fact_behind(loaded, out_dir):
    report = subjects.party_exit(loaded, "IND", mode="remove", by="p", out_dir=out_dir)
    assert report["facts_total"] == 3
    assert "IND" not in {r["party"] for r in loaded.count_edges()}
    assert loaded.by_keys("IdentityDocument", ["passport|RO|AB123456"]) == []


# ------------------------------------------------------------------------------- access


@pytest.mark.parametrize(
    "role, affiliation, sees_om",
    [
        ("analyst", "POL", False),
        ("senior_analyst", "POL", True),
        ("senior_analyst", "IND", False),
        ("privacy_officer", "OM", True),
    ],
)
def test_legal_basis_outside_the_role_is_never_returned(
    loaded, tmp_path, role, affiliation, sees_om
):
    g = guard(loaded, tmp_path, role=role, affiliation=affiliation)
    [jan] = g.find("111222333")
    seen = {link.props["legal_basis"] for link in g.neighbourhood([jan.uid]).links.values()}
    assert ("WJSG-15-39G" in seen) is sees_om
    assert bool(g.find("Karel Geheim")) is sees_om  # known only through OM
    if role != "privacy_officer":
        ego = g.ego([jan.uid], hops=3)
        assert ("WJSG-15-39G" in {x.props["legal_basis"] for x in ego.links.values()}) is sees_om
    counts = {r["legal_basis"] for r in g.count_edges()}
    assert ("WJSG-15-39G" in counts) is sees_om


def test_narrowing_cannot_widen(loaded, tmp_path):
    g = guard(loaded, tmp_path, role="analyst")
    [jan] = g.find("111222333")
    asked = EdgeFilter(legal_bases=frozenset({"WJSG-15-39G"}))
    assert g.neighbourhood([jan.uid], asked).links == {}


def test_actions_outside_the_role_are_refused(loaded, tmp_path):
    admin = guard(loaded, tmp_path, role="administrator")
    with pytest.raises(AccessDenied):
        admin.find("de vries")
    officer = guard(loaded, tmp_path, role="privacy_officer")
    with pytest.raises(AccessDenied):
        officer.ego([], hops=1)


def test_personal_product_cannot_go_to_a_foreign_partner(loaded, out_dir, tmp_path):
    g = guard(loaded, tmp_path)
    [jan] = g.find("111222333")
    doc, _ = make_oib(g, [jan.uid], out_dir=out_dir / "p", created_by="u1")
    with pytest.raises(RegisterError, match="art. 6.3"):
        ProductRegister(loaded).record_disclosure(
            doc.product_id, recipient="Europol", by="u1", basis="x"
        )


# ------------------------------------------------------------------------------- audit


def test_every_read_is_audited_without_personal_data(loaded, tmp_path):
    g = guard(loaded, tmp_path)
    [jan] = g.find("111222333")
    g.ego([jan.uid], hops=2)
    entries = list(g.audit.entries())
    assert [e["action"] for e in entries] == ["search", "expand_network"]
    assert all(e["purpose"] == "test case" and e["user"] == "u1" for e in entries)
    text = g.audit.path.read_text()
    for personal in ("Vries", "111222333", "+316", "1234AB"):
        assert personal not in text
    assert g.audit.verify().ok


def _lines(log: AuditLog) -> list[str]:
    return log.path.read_text().splitlines()


@pytest.mark.parametrize("tamper", ["edit", "remove", "reorder", "truncate"])
def test_audit_verify_detects_tampering(tmp_path, tamper):
    log = AuditLog(tmp_path / "a.jsonl")
    for i in range(4):
        log.append(user="u", role="analyst", action="search", result_size=i)
    assert log.verify().ok
    lines = _lines(log)
    if tamper == "edit":
        lines[1] = lines[1].replace('"result_size": 1', '"result_size": 9')
    elif tamper == "remove":
        del lines[1]
    elif tamper == "reorder":
        lines[1], lines[2] = lines[2], lines[1]
    else:
        lines = lines[:-1]
    log.path.write_text("\n".join(lines) + "\n")
    result = log.verify()
    assert not result.ok and result.problems


def test_breach_report_lists_parties_a_user_saw(loaded, tmp_path):
    g = guard(loaded, tmp_path, user="leaky")
    [jan] = g.find("111222333")
    g.ego([jan.uid], hops=1)
    report = g.audit.touched_parties(start="2000-01-01", end="2999-12-31", user="leaky")
    assert report["parties"] == ["IND", "OM", "POL"]
    assert g.audit.touched_parties(start="2000", end="2999", user="other")["parties"] == []


# ------------------------------------------------------------------------------- CLI


def cli(cli_as, *args: str, user: str) -> object:
    return cli_as(user, *args)


IOANA = ("--name", "Ioana Popescu", "--birth-date", "01-07-1999")


def test_cli_governance_round_trip(loaded, cli_as):
    db_settings = cli_as  # the helper stands in for the settings in the calls below
    for name, role in (("ana", "analyst"), ("sen", "senior_analyst"), ("pri", "privacy_officer")):
        cli_as.user(name, role)
    r = cli(db_settings, "retention", "plan", "--as-of", "2026-04-02", user="ana")
    assert r.exit_code == 1 and "not allowed" in r.output
    r = cli(db_settings, "retention", "plan", "--as-of", "2026-04-02", user="pri")
    assert r.exit_code == 0 and '"facts_total": 1' in r.output
    r = cli(db_settings, "subject", "access", "--bsn", "111222333", user="pri")
    assert r.exit_code == 0 and "WJSG-15-39G" in r.output
    r = cli(db_settings, "oib", "create", "--seed", "111222333", user="ana")
    assert r.exit_code == 0, r.output
    product_id = r.output.split()[0]
    oib_json = next(
        line.strip() for line in r.output.splitlines() if line.strip().endswith(".json")
    )
    bases = {p["legal_basis"] for p in json.loads(Path(oib_json).read_text())["provenance"]}
    assert "WJSG-15-39G" not in bases and "WPG-10" in bases  # analysts do not read OM data
    r = cli(db_settings, "oib", "handover", product_id, "--to", "POL", user="ana")
    assert r.exit_code == 1 and "not allowed" in r.output  # analysts do not hand over
    r = cli(db_settings, "oib", "handover", product_id, "--to", "POL", user="sen")
    assert r.exit_code == 0, r.output
    r = cli(db_settings, "audit", "verify", user="pri")
    assert r.exit_code == 0 and "intact" in r.output
    r = cli(db_settings, "subject", "restrict", "--bsn", "111222333", user="pri")
    assert r.exit_code == 0
    r = cli(db_settings, "oib", "create", "--seed", "111222333", user="ana")
    assert r.exit_code == 1 and "no entity found" in r.output
    r = cli(db_settings, "retention", "apply", "--as-of", "2026-04-02", "--yes", user="pri")
    assert r.exit_code == 0 and '"facts_total": 1' in r.output
    r = cli(
        db_settings,
        "subject",
        "rectify",
        *IOANA,
        "--field",
        "nationality",
        "--value",
        "Moldavië",
        user="pri",
    )
    assert r.exit_code == 1 and "nationality" in r.output  # not a country we know: refused
    r = cli(
        db_settings,
        "subject",
        "rectify",
        *IOANA,
        "--field",
        "nationality",
        "--value",
        "Bulgarije",
        user="pri",
    )
    assert r.exit_code == 0, r.output
    r = cli(db_settings, "subject", "erase", *IOANA, "--yes", user="pri")
    assert r.exit_code == 0 and "facts removed" in r.output
    r = cli(db_settings, "party", "exit", "IND", "--mode", "isolate", "--yes", user="pri")
    assert r.exit_code == 0 and '"facts_isolated"' in r.output
    r = cli(
        db_settings,
        "audit",
        "breach",
        "--from",
        "2000-01-01",
        "--to",
        "2999-12-31",
        "--user",
        "ana",
        user="pri",
    )
    assert r.exit_code == 0 and '"POL"' in r.output


def test_working_data_of_a_product_goes_at_handover(loaded, out_dir, tmp_path):
    from emm.products import working_sets
    from emm.products.working_sets import WorkingSet

    g = guard(loaded, tmp_path)
    [jan] = g.find("111222333")
    doc, _ = make_oib(g, [jan.uid], out_dir=out_dir / "p", created_by="u1")
    working_sets.save(loaded, WorkingSet("zaak 1", "u1", "c", [jan.uid], product_id=doc.product_id))
    working_sets.save(loaded, WorkingSet("zaak 1", "u2", "c", [jan.uid]))
    assert engine.plan(loaded, date(2026, 1, 1))["product-work-data"]["working_sets"] == []
    ProductRegister(loaded).record_disclosure(doc.product_id, recipient="POL", by="u1", basis="x")
    assert engine.plan(loaded, date(2026, 1, 1))["product-work-data"]["working_sets"] == ["zaak 1"]
    engine.apply(loaded, date(2026, 1, 1), out_dir=out_dir, run_by="t")
    assert working_sets.get(loaded, "zaak 1", "u1") is None
    assert working_sets.get(loaded, "zaak 1", "u2") is not None  # another analyst's set stays
