"""The OIB's timeline, completeness statement, evidence appendix and recurring patterns."""

from __future__ import annotations

import networkx as nx
import pytest
from analysis_builder import Builder

from emm.products.oib import build_oib
from emm.products.render import EVIDENCE_PER_ROW, _evidence_rows, oib_html, oib_pdf


@pytest.fixture
def cell() -> nx.MultiDiGraph:
    """Two persons with call records, a meeting, a group and a case; six persons at one home
    so that an indicator fires."""
    b = Builder()
    b.node("boss", "Person", name="Boss")
    b.node("kid", "Person", name="Kid", birth_date="2010-01-05")
    b.node("P1", "Phone", number="+31611111111")
    b.node("P2", "Phone", number="+31622222222")
    b.node("G", "Group", name="Crew")
    b.node("S", "Signal", signal_id="S1", phenomenon="criminal", reported_at="2026-02-01")
    b.fact("boss", "USES_PHONE", "P1")
    b.fact("kid", "USES_PHONE", "P2")
    b.fact("P1", "CALLED", "P2", date="2026-01-10", count=14, duration=1800)
    b.fact("boss", "MET", "kid", date="2026-01-12", kind="observatie", weight=3)
    b.fact("boss", "MEMBER_OF", "G", since="2025-06-01", position="leider")
    b.fact("kid", "INVOLVED_IN", "S", role="suspect", registered_at="2026-02-01")
    b.node("H", "Address", postcode="1000AA", house_number=1, city="Utrecht")
    for p in b.persons("w", 6):
        b.fact(p, "LIVES_AT", "H")
    return b.G


def _doc(G: nx.MultiDiGraph, **kw):
    return build_oib(G, product_id="OIB-T", title="t", subject="s", created_by="analyst",
                     picture=False, **kw)  # fmt: skip


def test_timeline_shows_calls_meetings_membership_and_roles(cell) -> None:
    events = {e["what"]: e for e in _doc(cell).timeline}
    assert "14 call(s), 30 min" in events["telephone contact"]["detail"]
    assert "observatie, weight 3" in events["meeting or observation"]["detail"]
    assert events["member of"]["date"] == "2025-06-01"
    assert "(leider)" in events["member of"]["detail"]
    assert "(suspect)" in events["involved in"]["detail"]
    assert events["telephone contact"]["source_ref"]  # every event points to its fact


def test_a_complete_picture_says_so_and_is_signed(cell) -> None:
    doc = _doc(cell)
    st = doc.statement
    assert st["counts"] == {"entities": cell.number_of_nodes(), "facts": cell.number_of_edges()}
    assert st["signed_by"] == "analyst" and st["digest"].startswith("sha256:")
    assert "every fact is listed" in st["text"][0]
    assert "Completeness (signed)" in oib_html(doc)


def test_a_capped_picture_says_what_was_left_out_with_counts(cell) -> None:
    cell.graph["truncated"] = True
    doc = _doc(cell, left_out={"cap": 10, "entities": 40, "facts": 117, "counted_up_to": None})
    text = " ".join(doc.statement["text"])
    assert "40 entities and 117 facts of it were left out" in text
    assert doc.statement["counts"]["left_out_facts"] == 117
    unknown = _doc(cell, left_out={"cap": 10})
    assert "were not counted" in " ".join(unknown.statement["text"])


def test_the_digest_changes_with_the_facts(cell) -> None:
    before = _doc(cell).statement["digest"]
    Builder.fact(Builder(), "boss", "ASSOCIATE_OF", "kid")  # a fact in another graph: no effect
    assert _doc(cell).statement["digest"] == before
    b = Builder()
    b.G = cell
    b.fact("boss", "ASSOCIATE_OF", "kid", ref="POL-extra")
    assert _doc(cell).statement["digest"] != before


def test_recurring_pattern_names_the_earlier_oib_and_who_is_new(cell) -> None:
    earlier = [{"product_id": "OIB-20250101-0001", "version": 2, "type": "OIB",
                "entity_uids": ["boss", "kid", "Person-gone1", "Address-x"], "created_at": "2025-01-01",
                "handed_over_at": "2025-01-02"},
               {"product_id": "BI-20250101-0001", "version": 1, "type": "BI",
                "entity_uids": ["boss", "kid"]}]  # fmt: skip
    [r] = _doc(cell, earlier=earlier).recurring
    assert r["product_id"] == "OIB-20250101-0001" and r["version"] == 2
    assert r["shared"] == ["Boss", "Kid"] and r["gone"] == ["Person-gone1"]
    assert len(r["new"]) == 6  # the six residents
    assert "Recurring pattern" in oib_html(_doc(cell, earlier=earlier))


def test_no_recurrence_below_the_overlap() -> None:
    b = Builder()
    people = b.persons("p", 10)
    for x, y in zip(people, people[1:], strict=False):
        b.fact(x, "ASSOCIATE_OF", y)
    earlier = [{"product_id": "OIB-1", "version": 1, "type": "OIB", "entity_uids": ["p1"]}]
    assert _doc(b.G, earlier=earlier).recurring == []


def test_every_evidence_ref_is_in_appendix_b_in_rows_a_page_can_hold() -> None:
    b = Builder()
    b.node("AZC", "Address", postcode="9561AA", house_number=3, city="Ter Apel")
    for p in b.persons("r", 95):
        b.fact(p, "LIVES_AT", "AZC")
    doc = _doc(b.G)
    (hit,) = [h for h in doc.indicators if h["indicator"] == "address_many_unrelated"]
    rows = _evidence_rows(doc)
    shown = [r for row in rows for r in str(row[2]).split(" (")[0].split(", ") if r]
    assert set(hit["evidence"]) <= set(shown)
    assert all(len(str(row[2]).split(", ")) <= EVIDENCE_PER_ROW + 1 for row in rows)
    assert any(o["part"] == "evidence of address_many_unrelated" for o in doc.omissions)
    assert oib_pdf(doc)[:4] == b"%PDF"  # 95 refs no longer overflow a page
