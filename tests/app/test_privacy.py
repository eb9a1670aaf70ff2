"""Privacy & audit: retention plan and apply, data-subject requests, party exit, audit
verification and breach report; each tab only for the roles that may use it."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from apptools import button, goto, open_app, texts

from emm.access.session import audit_log
from emm.audit import AuditLog
from emm.graph.model import Entity
from emm.retention import subjects

pytestmark = pytest.mark.db


def run_click(at, label):
    button(at, label).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def a_person(app_env) -> Entity:
    """A person with a birth date, not named in other tests and not a same-person candidate."""
    used = {u for c in app_env.run.candidates for u in (c["a"], c["b"])}
    rows = app_env.store.read(
        "MATCH (r:Record {label: 'Person'})-[:DESCRIBES]->(n:Person) "
        "WHERE r.birth_date IS NOT NULL RETURN DISTINCT n.uid AS uid ORDER BY uid"
    )
    people = [e for e in (app_env.store.get(r["uid"]) for r in rows) if e is not None]
    # other tests search for shared surnames and for the hostile names: never erase those
    surnames = Counter(str(e.values("name")[0]).split()[-1] for e in people if e.values("name"))
    for e in people:
        name = str(e.values("name")[0]) if e.values("name") else ""
        if (
            e.uid not in used
            and name
            and surnames[name.split()[-1]] == 1
            and "beacon" not in name.lower()
            and not e.restricted
            and len(e.values("name")) == 1
            and len(e.values("birth_date")) == 1
        ):
            return e
    raise AssertionError("no suitable person")


def table_with(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def find_person(at, person: Entity):
    at.text_input[1].input(person.caption)
    at.text_input[2].input(str(person.props["birth_date"]))
    return run_click(at, "Find the person")


def test_privacy_officer_gets_every_tab_and_the_admin_only_the_audit_trail(app_env):
    at = goto(open_app("privacy"), "privacy")
    assert [t.label for t in at.tabs] == [
        "Retention",
        "Data-subject requests",
        "Party exit",
        "Audit trail",
        "Breach report",
    ]
    at = goto(open_app("admin"), "privacy")
    assert [t.label for t in at.tabs] == ["Audit trail"]


def test_retention_plan_then_apply_with_a_report(app_env):
    at = run_click(goto(open_app("privacy"), "privacy"), "Show what expires")
    assert any("Facts registered before" in m for m in texts(at, "markdown"))
    at.checkbox(key="ret_sure").check()
    at.run()
    at = run_click(at, "Apply retention")
    assert any(s.startswith("Removed") for s in texts(at, "success"))
    reports = list((app_env.settings.data_dir / "retention").glob("retention-*.json"))
    assert reports
    assert [e["action"] for e in audit_log(app_env.settings).entries()][-1] == "retention_apply"


def test_subject_access_restrict_and_lift(app_env):
    person = a_person(app_env)
    at = find_person(goto(open_app("privacy"), "privacy"), person)
    found = table_with(at, "record")
    assert person.uid in set(found["record"])
    at = run_click(at, "Answer the access request")
    assert any(s.startswith("SR-") for s in texts(at, "success"))
    facts = table_with(at, "source_ref")
    assert {"party", "legal_basis", "source_ref"} <= set(facts.columns)

    at.radio(key="subj_kind").set_value("restrict")
    at.run()
    at = run_click(at, "Restrict processing")
    assert app_env.store.get(person.uid).restricted is True
    at = find_person(at, person)
    at.radio(key="subj_kind").set_value("lift restriction")
    at.run()
    at = run_click(at, "Lift the restriction")
    assert not app_env.store.get(person.uid).restricted


def test_subject_erasure_after_confirmation(app_env):
    person = a_person(app_env)
    at = find_person(goto(open_app("privacy"), "privacy"), person)
    at.radio(key="subj_kind").set_value("erase")
    at.run()
    assert button(at, "Erase").disabled
    at.checkbox(key="subj_erase_sure").check()
    at.run()
    at = run_click(at, "Erase")
    assert any(s.startswith("Erased") for s in texts(at, "success"))
    assert app_env.store.get(person.uid) is None


def test_a_request_without_identifiers_is_refused_clearly(app_env):
    at = run_click(goto(open_app("privacy"), "privacy"), "Find the person")
    assert any("BSN" in e for e in texts(at, "error"))


def test_refusal_records_the_statutory_grounds(app_env):
    person = a_person(app_env)
    at = find_person(goto(open_app("privacy"), "privacy"), person)
    at.radio(key="subj_kind").set_value("refuse")
    at.run()
    at.multiselect[-1].set_value(["WPG-27"])
    at = run_click(at, "Refuse")
    assert any("refused on WPG-27" in s for s in texts(at, "success"))
    assert subjects.REFUSAL_GROUNDS  # the grounds offered are the module's table


def test_party_isolation_needs_confirmation_and_can_be_reinstated(app_env):
    at = goto(open_app("privacy"), "privacy")
    at.selectbox[0].set_value("OM")
    at = run_click(at, "Carry out")
    assert any("I am sure" in e for e in texts(at, "error"))
    at.checkbox[-1].check()
    at = run_click(at, "Carry out")
    assert app_env.store.party_status("OM") == "isolated"
    at.main.radio[-1].set_value("reinstate")
    at = run_click(at, "Carry out")
    assert app_env.store.party_status("OM") == "active"


def test_audit_verification_reports_intact_and_tampered(app_env, tmp_path, monkeypatch):
    at = run_click(goto(open_app("privacy"), "privacy"), "Verify the audit trail")
    assert any(s.startswith("Intact") for s in texts(at, "success"))

    log = AuditLog(tmp_path / "audit" / "audit.jsonl")
    for i in range(3):
        log.append(user="u", role="analyst", action="search", result_size=i)
    lines = log.path.read_text().splitlines()
    entry = json.loads(lines[1])
    entry["result_size"] = 99
    lines[1] = json.dumps(entry, sort_keys=True)
    log.path.write_text("\n".join(lines) + "\n")
    monkeypatch.setenv("EMM_DATA_DIR", str(tmp_path))
    at = run_click(goto(open_app("privacy"), "privacy"), "Verify the audit trail")
    assert any("TAMPERED" in e for e in texts(at, "error"))


def test_breach_report_names_the_parties_to_inform(app_env):
    goto(open_app("analyst"), "search")  # some activity
    at = goto(open_app("privacy"), "privacy")
    at = run_click(at, "Report")
    assert any("Parties to inform" in e for e in texts(at, "error"))
