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
from emm.retention import subjects

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
                # OM knows more of Jan than POL does: none of it may reach an analyst.
                {
                    "record_id": "P",
                    "type": "Person",
                    "name": "Jan de Vries",
                    "bsn": "111222333",
                    "birth_date": "13-03-1985",
                    "nationality": "Marokko",
                    "gender": "man",
                },
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


def guard(store, out_dir, role="senior_analyst", affiliation="POL", user="u1"):
    """A guarded session; its data dir is the test's ``out_dir`` (where ingest wrote)."""
    return GuardedStore(
        store,
        Principal(user, role, affiliation, "test case"),
        AuditLog(out_dir / "audit" / "audit.jsonl"),
        out_dir,
    )


def privacy(store, out_dir):
    return guard(store, out_dir, role="privacy_officer", user="privacy").privacy


# ------------------------------------------------------------------------------- retention


def test_fact_is_kept_through_its_last_day_and_removed_the_day_after(loaded, out_dir):
    officer = privacy(loaded, out_dir)
    assert officer.retention_plan(date(2026, 4, 1))["party-facts"]["facts_total"] == 0
    plan = officer.retention_plan(date(2026, 4, 2))
    assert plan["party-facts"]["facts"] == {"POL": {"USES_PHONE": 1}}
    kept = officer.retention_apply(date(2026, 4, 1))
    assert kept["rules_applied"]["party-facts"]["facts_total"] == 0
    report = officer.retention_apply(date(2026, 4, 2))
    removed = report["rules_applied"]["party-facts"]
    assert removed["facts"] == {"POL": {"USES_PHONE": 1}}
    # P3's record lived as long as its latest fact (2016-04-01): it goes, and so does P3.
    assert removed["records"] == {"POL": {"Person": 1}}
    assert removed["nodes"] == {"Person": 1}
    assert find(loaded, "zoe muller") == []
    [phone] = find(loaded, "0612345678")
    assert sorted(phone.parties) == ["IND", "POL"]


def test_retention_apply_is_idempotent_and_its_report_holds_no_personal_data(loaded, out_dir):
    officer = privacy(loaded, out_dir)
    officer.retention_apply(date(2026, 4, 2))
    again = officer.retention_apply(date(2026, 4, 2))
    assert again["rules_applied"]["party-facts"]["facts_total"] == 0
    text = "".join(p.read_text() for p in (out_dir / "retention").glob("retention-*.json"))
    for personal in ("Zo", "Vries", "+316", "1234AB", "111222333", "NL91"):
        assert personal not in text


def test_when_everything_expired_then_no_value_of_any_party_is_left(loaded, out_dir):
    far = privacy(loaded, out_dir).retention_apply(date(2040, 1, 1))
    assert far["rules_applied"]["party-facts"]["facts_total"] == 12
    assert sum(loaded.count_nodes().values()) == 0
    assert loaded.count_records() == [] and loaded.known_values() == []


def test_oib_retention_runs_from_handover(loaded, out_dir):
    g = guard(loaded, out_dir)
    [jan] = g.find("111222333")
    doc, _ = make_oib(g, [jan.uid], out_dir=out_dir / "products", created_by="u1")
    officer = privacy(loaded, out_dir)
    assert officer.retention_plan(date(2040, 1, 1))["oib"]["products"] == []  # not handed over
    ProductRegister(loaded).record_disclosure(
        doc.product_id,
        recipient="POL",
        by="u1",
        basis="art. 3",
        at=__import__("datetime").datetime(2026, 1, 15),
    )
    assert ProductRegister(loaded).get(doc.product_id).retention_until == "2036-01-15"
    assert officer.retention_plan(date(2036, 1, 15))["oib"]["products"] == []
    due = officer.retention_plan(date(2036, 1, 16))["oib"]["products"]
    assert [p["product_id"] for p in due] == [doc.product_id]


# ------------------------------------------------------------------------------- subjects


def test_subject_access_lists_values_facts_suppliers_and_recipients(loaded, out_dir):
    g = guard(loaded, out_dir)
    [jan] = g.find("111222333")
    doc, _ = make_oib(g, [jan.uid], out_dir=out_dir / "products", created_by="u1")
    g.products.disclose(
        doc.product_id, recipient="KMAR", basis="art. 3", purpose="case 1", action="handover_oib"
    )
    officer = privacy(loaded, out_dir)
    outcome, answer = officer.access(officer.find_subject(bsn="111 222 333"))
    [person] = answer["persons"]
    assert {f["party"] for f in person["facts"]} == {"POL", "IND", "OM"}
    assert len(person["facts"]) == 7  # POL 4, IND 2, OM 1
    births = {(v["value"], v["party"]) for v in person["values"] if v["field"] == "birth_date"}
    assert births == {("1985-03-12", "POL"), ("1985-03-12", "IND"), ("1985-03-13", "OM")}
    assert [(r["product"], r["recipient"]) for r in person["recipients"]] == [
        (doc.product_id, "KMAR")
    ]
    assert outcome.status == "done"


def test_partial_refusal_withholds_a_partys_values_and_facts(loaded, out_dir):
    officer = privacy(loaded, out_dir)
    persons = officer.find_subject(name="Jan de Vries", birth_date="12-03-1985")
    assert len(persons) == 1
    outcome, answer = officer.access(persons, refuse={"OM": ["WJSG-39L"]})
    assert {f["party"] for f in answer["persons"][0]["facts"]} == {"POL", "IND"}
    assert "OM" not in {v["party"] for v in answer["persons"][0]["values"]}
    assert outcome.status == "partly_refused" and outcome.detail["withheld"] == 2
    with pytest.raises(subjects.SubjectError):
        officer.refuse(persons, "erase", ["NO-SUCH-LAW"])
    assert officer.refuse(persons, "erase", ["WPG-27"]).status == "refused"


def test_subject_access_by_bsn_includes_a_confirmed_same_person(loaded, out_dir):
    senior = guard(loaded, out_dir)
    [jan] = senior.find("111222333")
    [robert] = senior.find("robert")
    senior.work.judge(jan.uid, robert.uid, "confirmed", reason="same phone, same address")
    officer = privacy(loaded, out_dir)
    uids = officer.find_subject(bsn="111222333")
    assert set(uids) == {jan.uid, robert.uid}
    _, answer = officer.access(uids)
    assert {p["uid"] for p in answer["persons"]} == {jan.uid, robert.uid}
    # ... and every read shows them as one entity, reversibly
    [merged] = [e for e in senior.find("111222333") if e.label == "Person"]
    assert set(merged.members) == {jan.uid, robert.uid}
    senior.work.withdraw(jan.uid, robert.uid)
    assert [e.members for e in senior.find("111222333") if e.label == "Person"] == [(jan.uid,)]


def test_rectify_validates_and_changes_every_record_and_its_search_text(loaded, out_dir):
    officer = privacy(loaded, out_dir)
    jan = officer.find_subject(bsn="111222333")
    with pytest.raises(subjects.SubjectError):
        officer.rectify(jan, "birth_date", "31-02-1985")
    officer.rectify(jan, "nationality", "Belgie")
    assert loaded.get(jan[0]).values("nationality") == ["BE"]
    officer.rectify(jan, "name", "Johan de Vries-Bakker")
    assert [e.uid for e in find(loaded, "johan de vries")] == jan
    assert find(loaded, "jan de vries") == []  # the old name is found nowhere
    assert loaded.get(jan[0]).caption == "Johan de Vries-Bakker"


def test_restricted_person_is_left_out_of_every_read_and_so_is_their_new_record(
    loaded, out_dir, tmp_path
):
    g = guard(loaded, out_dir)
    [ioana] = g.find("popescu")
    officer = privacy(loaded, out_dir)
    officer.restrict(officer.find_subject(name="Ioana Popescu", birth_date="1999-07-01"))
    assert g.find("popescu") == []
    assert g.get(ioana.uid) is None
    [jan] = g.find("111222333")
    assert ioana.uid not in g.ego([jan.uid], hops=3).entities
    # A new delivery of her without BSN (name + date of birth only) is restricted too.
    again = _one_person(tmp_path, "POL-T9", "Ioana Popescu", "01-07-1999")
    ingest_delivery(again, loaded, out_dir=out_dir)
    assert g.find("popescu") == []
    officer.restrict(officer.find_subject(name="Ioana Popescu", birth_date="1999-07-01"), lift=True)
    assert ioana.uid in [e.uid for e in g.find("popescu")]


def _one_person(tmp_path: Path, delivery_id: str, name: str, born: str) -> Path:
    folder = tmp_path / delivery_id
    folder.mkdir()
    (folder / "manifest.json").write_text(
        json.dumps(
            {
                "delivery_id": delivery_id,
                "party": "POL",
                "legal_basis": "WPG-10",
                "delivered_at": "2026-11-04T10:00:00+01:00",
                "files": [{"path": "e.csv", "kind": "entities"}],
            }
        )
    )
    (folder / "e.csv").write_text(
        f"record_id;type;name;birth_date\nX1;Person;{name};{born}\n", encoding="utf-8"
    )
    return folder


def test_erasure_removes_the_person_everywhere_and_lasts(loaded, out_dir, tmp_path):
    officer = privacy(loaded, out_dir)
    ioana = officer.find_subject(name="Ioana Popescu", birth_date="1999-07-01")
    outcome = officer.erase(ioana)
    assert outcome.detail["facts_removed"] == 3  # lives at, signal role, passport
    assert loaded.get(ioana[0]) is None
    assert loaded.by_keys("IdentityDocument", ["passport|RO|AB123456"]) == []
    assert find(loaded, "1234AB 12a")  # the address is still Jan's
    assert all("popescu" not in v.lower() for _, v in loaded.known_values())
    # Her raw rows are gone from the quarantine files too (POL-T1 quarantined none of hers).
    quarantined = "".join(p.read_text() for p in (out_dir / "quarantine").glob("*.jsonl"))
    assert "Popescu" not in quarantined and "POPESCU" not in quarantined
    # Re-delivering her records, plain or forced, quarantines them with the request id.
    for force in (False, True):
        ingest_delivery(DELIVERIES / "POL-T1", loaded, out_dir=out_dir, force=True)
        ingest_delivery(DELIVERIES / "IND-T1", loaded, out_dir=out_dir, force=force)
        assert find(loaded, "popescu") == []
        lines = (out_dir / "quarantine" / "POL-T1.jsonl").read_text(encoding="utf-8")
        assert outcome.request_id in lines and "erased" in lines
    again = _one_person(tmp_path, "POL-T8", "Ioana Popescu", "01-07-1999")
    report = ingest_delivery(again, loaded, out_dir=out_dir)
    assert report.quarantined == 1 and find(loaded, "popescu") == []


# ------------------------------------------------------------------------------- parties


def test_isolated_party_is_invisible_and_reinstate_restores_exactly(loaded, out_dir):
    g = guard(loaded, out_dir)
    [jan] = g.find("111222333")
    before = g.ego([jan.uid], hops=3)
    officer = privacy(loaded, out_dir)
    report = officer.party_exit("IND", mode="isolate")
    assert report["facts_isolated"] == {"HAS_DOCUMENT": 1, "USES_PHONE": 1, "ASSOCIATE_OF": 1}
    sub = g.ego([jan.uid], hops=3)
    assert "IND" not in {link.props["party"] for link in sub.links.values()}
    assert all(s.party != "IND" for e in sub.entities.values() for s in e.statements) and all(
        "IND" not in e.parties for e in sub.entities.values()
    )
    assert g.find("robert") == []  # known only through IND
    officer.party_exit("IND", mode="reinstate")
    after = g.ego([jan.uid], hops=3)
    assert set(after.links) == set(before.links)
    assert {u: e.statements for u, e in after.entities.items()} == {
        u: e.statements for u, e in before.entities.items()
    }


def test_isolated_party_delivers_nothing_more(loaded, out_dir):
    from emm.ingest.delivery import DeliveryError

    privacy(loaded, out_dir).party_exit("POL", mode="isolate")
    with pytest.raises(DeliveryError, match="no longer supplies"):
        ingest_delivery(DELIVERIES / "POL-T1", loaded, out_dir=out_dir, force=True)


def test_removed_party_leaves_no_value_or_fact_behind(loaded, out_dir):
    ind_values = {v for k, v in loaded.known_values() if k in ("v_number", "document")} | {
        "J. de Vries",
        "IOANA POPESCU",
    }
    report = privacy(loaded, out_dir).party_exit("IND", mode="remove")
    assert report["facts_total"] == 3 and report["records_total"] == 5
    assert report["left"] == {"facts": 0, "records": 0}
    assert "IND" not in {r["party"] for r in loaded.count_edges()}
    assert "IND" not in {r["party"] for r in loaded.count_records()}
    assert loaded.by_keys("IdentityDocument", ["passport|RO|AB123456"]) == []
    assert not ind_values & {v for _, v in loaded.known_values()}
    [jan] = find(loaded, "111222333")
    assert "IND" not in jan.parties and jan.values("name") == ["Jan de Vries"]
    assert not (out_dir / "quarantine" / "IND-T1.jsonl").exists()


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
    loaded, out_dir, role, affiliation, sees_om
):
    g = guard(loaded, out_dir, role=role, affiliation=affiliation)
    [jan] = g.find("111222333")
    seen = {link.props["legal_basis"] for link in g.neighbourhood([jan.uid]).links.values()}
    assert ("WJSG-15-39G" in seen) is sees_om
    assert bool(g.find("Karel Geheim")) is sees_om  # known only through OM
    # OM's values of Jan (a second birth date, nationality, gender) and "known to OM"
    assert ("OM" in jan.parties) is sees_om
    assert ("MA" in jan.values("nationality")) is sees_om
    assert (len(jan.values("birth_date")) == 2) is sees_om
    if role != "privacy_officer":
        ego = g.ego([jan.uid], hops=3)
        assert ("WJSG-15-39G" in {x.props["legal_basis"] for x in ego.links.values()}) is sees_om
    counts = {r["legal_basis"] for r in g.count_edges()}
    assert ("WJSG-15-39G" in counts) is sees_om


def test_narrowing_cannot_widen(loaded, out_dir):
    g = guard(loaded, out_dir, role="analyst")
    [jan] = g.find("111222333")
    asked = EdgeFilter(legal_bases=frozenset({"WJSG-15-39G"}))
    assert g.neighbourhood([jan.uid], asked).links == {}


def test_seeds_by_uid_are_checked(loaded, out_dir):
    senior = guard(loaded, out_dir)
    [karel] = senior.find("Karel Geheim")  # OM only
    analyst = guard(loaded, out_dir, role="analyst")
    assert analyst.get(karel.uid) is None
    assert analyst.neighbourhood([karel.uid]).entities == {}
    assert analyst.ego([karel.uid], hops=2).entities == {}
    [jan] = analyst.find("111222333")
    assert analyst.shortest_path(jan.uid, karel.uid) is None
    assert analyst.get_many([karel.uid, jan.uid]).keys() == {jan.uid}


def test_actions_outside_the_role_are_refused_and_audited(loaded, out_dir):
    admin = guard(loaded, out_dir, role="administrator", user="adm")
    with pytest.raises(AccessDenied):
        admin.find("de vries")
    officer = guard(loaded, out_dir, role="privacy_officer")
    with pytest.raises(AccessDenied):
        officer.ego([], hops=1)
    denied = [
        e
        for e in AuditLog(out_dir / "audit" / "audit.jsonl").entries()
        if e["detail"].get("denied")
    ]
    assert [(e["user"], e["action"]) for e in denied] == [
        ("adm", "search"),
        ("u1", "expand_network"),
    ]


def test_the_guarded_store_hands_out_no_raw_store_driver_or_known_values(loaded, out_dir):
    g = guard(loaded, out_dir, role="analyst")
    public = {name for name in dir(g) if not name.startswith("_")}
    assert not {"raw_for", "known_values", "store", "driver"} & public
    for name in public:
        value = getattr(type(g), name, None)
        assert not isinstance(value, property | type(loaded))


def test_personal_product_cannot_go_to_a_foreign_partner(loaded, out_dir):
    g = guard(loaded, out_dir)
    [jan] = g.find("111222333")
    doc, _ = make_oib(g, [jan.uid], out_dir=out_dir / "p", created_by="u1")
    with pytest.raises(RegisterError, match="art. 6.3"):
        g.products.disclose(
            doc.product_id, recipient="Europol", basis="x", purpose="p", action="handover_oib"
        )
    with pytest.raises(RegisterError, match="purpose"):
        g.products.handover(doc.product_id, recipient="POL", purpose=" ")
    g.products.handover(doc.product_id, recipient="POL", purpose="case 1")
    with pytest.raises(RegisterError, match="already"):
        g.products.handover(doc.product_id, recipient="POL", purpose="case 1")


def test_products_resting_on_om_facts_are_not_listed_to_analysts(loaded, out_dir):
    senior = guard(loaded, out_dir)
    [karel] = senior.find("Karel Geheim")
    doc, _ = make_oib(senior, [karel.uid], out_dir=out_dir / "p", created_by="u1")
    analyst = guard(loaded, out_dir, role="analyst")
    assert doc.product_id not in [p.product_id for p in analyst.products.latest()]
    assert analyst.products.get(doc.product_id) is None
    assert doc.product_id in [p.product_id for p in senior.products.latest()]


def test_analysis_runs_are_kept_per_scope(loaded, out_dir):
    senior, analyst = guard(loaded, out_dir), guard(loaded, out_dir, role="analyst")
    mine = senior.analysis.run()
    theirs = senior.analysis.run(for_role="analyst")
    assert senior.analysis.latest().run_id == mine.run_id
    assert analyst.analysis.latest().run_id == theirs.run_id
    admin = guard(loaded, out_dir, role="administrator")
    with pytest.raises(Exception, match="no legal basis"):
        admin.analysis.run()
    assert analyst.analysis.latest().run_id == theirs.run_id  # nothing replaced it


# ------------------------------------------------------------------------------- audit


def test_every_read_is_audited_without_personal_data(loaded, out_dir):
    g = guard(loaded, out_dir)
    [jan] = g.find("111222333")
    g.ego([jan.uid], hops=2)
    log = AuditLog(out_dir / "audit" / "audit.jsonl")
    entries = list(log.entries())
    assert [e["action"] for e in entries] == ["search", "expand_network"]
    assert all(e["purpose"] == "test case" and e["user"] == "u1" for e in entries)
    text = log.path.read_text()
    for personal in ("Vries", "111222333", "+316", "1234AB"):
        assert personal not in text
    assert log.verify().ok


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


def test_breach_report_lists_parties_a_user_saw(loaded, out_dir):
    g = guard(loaded, out_dir, user="leaky")
    [jan] = g.find("111222333")
    g.ego([jan.uid], hops=1)
    officer = privacy(loaded, out_dir)
    report = officer.breach(start="2000-01-01", end="2999-12-31", user="leaky")
    assert report["parties"] == ["IND", "OM", "POL"]
    assert officer.breach(start="2000", end="2999", user="other")["parties"] == []


# ------------------------------------------------------------------------------- CLI


def cli(cli_as, *args: str, user: str) -> object:
    return cli_as(user, *args)


IOANA = ("--name", "Ioana Popescu", "--birth-date", "01-07-1999")


def test_cli_governance_round_trip(store, cli_as, tmp_path):
    db_settings = cli_as  # the helper stands in for the settings in the calls below
    for name, role in (
        ("ana", "analyst"),
        ("sen", "senior_analyst"),
        ("pri", "privacy_officer"),
        ("adm", "administrator"),
    ):
        cli_as.user(name, role)
    assert cli(db_settings, "ingest", str(DELIVERIES), user="adm").exit_code == 0
    om = om_delivery(tmp_path)
    assert cli(db_settings, "ingest", str(om), user="adm").exit_code == 0
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
    oib = json.loads(Path(oib_json).read_text())
    bases = {p["legal_basis"] for p in oib["provenance"]}
    assert "WJSG-15-39G" not in bases and "WPG-10" in bases  # analysts do not read OM data
    assert "1985-03-13" not in oib_json and "Marokko" not in Path(oib_json).read_text()
    assert "MA" not in json.dumps([e["details"] for e in oib["entities"]])
    r = cli(db_settings, "oib", "handover", product_id, "--to", "POL", user="ana")
    assert r.exit_code == 1 and "not allowed" in r.output  # analysts do not hand over
    r = cli(db_settings, "oib", "handover", product_id, "--to", "POL", "--purpose", "c", user="sen")
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


def test_working_data_of_a_product_goes_at_handover(loaded, out_dir):
    from emm.products import working_sets
    from emm.products.working_sets import WorkingSet

    g = guard(loaded, out_dir)
    [jan] = g.find("111222333")
    doc, _ = make_oib(g, [jan.uid], out_dir=out_dir / "p", created_by="u1")
    g.work.save_set(WorkingSet("zaak 1", "u1", "c", [jan.uid], product_id=doc.product_id))
    guard(loaded, out_dir, user="u2").work.save_set(WorkingSet("zaak 1", "u2", "c", [jan.uid]))
    officer = privacy(loaded, out_dir)
    assert officer.retention_plan(date(2026, 1, 1))["product-work-data"]["working_sets"] == []
    g.products.handover(doc.product_id, recipient="POL", purpose="case 1")
    plan = officer.retention_plan(date(2026, 1, 1))
    assert plan["product-work-data"]["working_sets"] == ["zaak 1"]
    officer.retention_apply(date(2026, 1, 1))
    assert working_sets.get(loaded, "zaak 1", "u1") is None
    assert working_sets.get(loaded, "zaak 1", "u2") is not None  # another analyst's set stays
