"""The non-personal products and the export gate, on generated data in the real database.

The gate must refuse: a planted name (a value the graph knows) in the text, a visible cell
below the minimum count, and a recipient that does not fit the product; and let through what
:func:`prepare` made of the same draft.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pandas as pd
import pytest

from emm.access import AccessDenied, Principal
from emm.access.guarded import GuardedStore
from emm.audit import AuditLog
from emm.ingest.pipeline import ingest_folder
from emm.products.register import ProductRegister
from emm.products.trends import ExportBlocked, TrendTable, build_trend, export, prepare
from emm.synth import generate

pytestmark = pytest.mark.db


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("gen")
    generate(out, seed=3, size="small")
    return out


@pytest.fixture
def senior(store, generated, out_dir, tmp_path):
    ingest_folder(generated / "deliveries", store, out_dir=out_dir)
    return GuardedStore(
        store,
        Principal("sen", "senior_analyst", "POL", "tib test"),
        AuditLog(tmp_path / "audit.jsonl"),
        out_dir,
    )


def a_known_name(g: GuardedStore) -> str:
    # The test reads the store directly; the guarded API never hands known values out.
    return next(v for k, v in g._store.known_values() if k == "person" and len(v.split()) >= 2)


def test_prepared_tib_passes_the_gate_and_is_registered_without_personal_data(senior, out_dir):
    name = a_known_name(senior)
    draft = build_trend(
        senior,
        "TIB",
        title="Arbeidsuitbuiting",
        phenomenon="labour",
        narrative=f"In 2024 viel op dat {name} vaak werd genoemd. Bel 06-12345678 voor vragen.",
    )
    assert draft.tables and all(not t.protected for t in draft.tables)
    ready = prepare(senior, draft)
    assert name not in ready.narrative and "[PERSOON]" in ready.narrative
    assert {r["field"] for r in ready.replacements} == {"narrative"}
    product_id, paths = export(senior, ready, recipient="ISZW", out_dir=out_dir / "exports")
    assert {p.name for p in paths} >= {"product.html", "product.pdf", "product.json"}
    everything = b"".join(p.read_bytes() for p in paths if p.suffix != ".pdf").decode("utf-8-sig")
    assert name not in everything and "06-12345678" not in everything
    product = ProductRegister(senior._store).get(product_id)
    assert product.type == "TIB" and product.personal_data is False
    assert [d.recipient for d in ProductRegister(senior._store).disclosures(product_id)] == ["ISZW"]
    data = json.loads((out_dir / "exports" / product_id / "product.json").read_text())
    for table in data["tables"]:
        for row in table["rows"][1:]:
            for cell in row[1:]:
                assert cell == "x" or int(cell) == 0 or int(cell) >= 10


def test_planted_name_is_refused_with_where(senior, out_dir):
    name = a_known_name(senior)
    draft = prepare(senior, build_trend(senior, "TIB", title="T", narrative="Niets bijzonders."))
    bad = replace(draft, narrative=f"Zie het dossier van {name}.")
    with pytest.raises(ExportBlocked) as caught:
        export(senior, bad, recipient="POL", out_dir=out_dir)
    assert any(p["where"] == "narrative" and p["type"] == "PERSON" for p in caught.value.problems)
    assert name not in str(caught.value)
    assert not (out_dir / "TIB").exists() and not list(out_dir.glob("TIB-*"))


def test_cell_of_three_is_refused(senior, out_dir):
    draft = prepare(senior, build_trend(senior, "QS", title="QS", narrative="Kort beeld."))
    table = TrendTable(
        "Eigen telling",
        pd.DataFrame({"2024": [3, 40], "2025": [25, 31]}, index=["Noord", "Zuid"]),
        protected=True,
    )
    with pytest.raises(ExportBlocked, match="below 10"):
        export(
            senior, replace(draft, tables=[*draft.tables, table]), recipient="POL", out_dir=out_dir
        )


def test_unprotected_table_and_wrong_recipient_are_refused(senior, out_dir):
    draft = build_trend(senior, "TIB", title="T", narrative="Tekst.")
    with pytest.raises(ExportBlocked, match="disclosure control was not applied"):
        export(senior, draft, recipient="POL", out_dir=out_dir)
    with pytest.raises(ExportBlocked, match="NCP"):
        export(senior, prepare(senior, draft), recipient="Europol", out_dir=out_dir)


def test_ncp_answer_needs_the_foreign_export_right(store, senior, out_dir, tmp_path):
    analyst = GuardedStore(
        store,
        Principal("ana", "analyst", "POL", "x"),
        AuditLog(tmp_path / "a2.jsonl"),
        tmp_path,
    )
    draft = prepare(
        senior, build_trend(senior, "NCP", title="Answer", narrative="Trends.", language="en")
    )
    with pytest.raises(AccessDenied):
        export(analyst, draft, recipient="BKA (DE)", out_dir=out_dir)
    product_id, _ = export(senior, draft, recipient="BKA (DE)", out_dir=out_dir)
    assert product_id.startswith("NCP-")


def test_cli_export_refuses_as_is_text_with_a_name(senior, cli_as, tmp_path):
    cli_as.user("sen", "senior_analyst")
    text = tmp_path / "t.txt"
    text.write_text(f"Opvallend: {a_known_name(senior)} kwam vaak voor.", encoding="utf-8")
    base = [
        "export",
        "tib",
        "--to",
        "POL",
        "--title",
        "T",
        "--narrative-file",
        str(text),
    ]
    refused = cli_as("sen", *base, "--as-is")
    assert refused.exit_code == 1 and "REFUSED" in refused.output and "narrative" in refused.output
    ok = cli_as("sen", *base)
    assert ok.exit_code == 0, ok.output
    assert "replaced in narrative: PERSON" in ok.output


def test_when_a_term_is_approved_then_it_passes_and_the_disclosure_records_who_and_why(
    senior, out_dir
):
    from emm.products.trends import Approval

    draft = prepare(senior, build_trend(senior, "TIB", title="T", narrative="Kort."))
    text = replace(draft, narrative="Het programma Zonnekwartel liep in Zeeland en Twente.")
    with pytest.raises(ExportBlocked) as caught:
        export(senior, text, recipient="POL", out_dir=out_dir)
    problem = next(p for p in caught.value.problems if p.get("term") == "Zonnekwartel")
    assert "»Zonnekwartel«" in problem["context"] and problem["approvable"]
    assert "Zonnekwartel" not in str(caught.value)  # the message names place and rule only
    approval = Approval("Zonnekwartel", "name of a public programme")
    product_id, _ = export(senior, text, recipient="POL", out_dir=out_dir, approvals=[approval])
    (disclosure,) = ProductRegister(senior._store).disclosures(product_id)
    assert (
        "approved by sen" in disclosure.basis and "name of a public programme" in disclosure.basis
    )


def test_when_a_label_starts_like_a_formula_then_the_csv_cell_is_neutralised(senior, out_dir):
    draft = prepare(senior, build_trend(senior, "QS", title="QS", narrative="Kort beeld."))
    table = TrendTable(
        "Eigen telling",
        pd.DataFrame({"2024": [30, 40], "2025": [25, 31]}, index=["=1+1", "-Zuid"]),
        protected=True,
    )
    product_id, paths = export(
        senior, replace(draft, tables=[table]), recipient="POL", out_dir=out_dir
    )
    csv_text = next(p for p in paths if p.suffix == ".csv").read_text(encoding="utf-8-sig")
    assert "'=1+1;" in csv_text and "'-Zuid;" in csv_text
    html = next(p for p in paths if p.name == "product.html").read_text()
    assert "<h1>QS</h1>" in html and product_id in html
