"""The evaluation script: its scoring of the hard-case format and the synthetic generator."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the benchmarks package

from benchmarks import bench_deidentify as bench  # noqa: E402
from benchmarks import deid_synthetic  # noqa: E402
from emm.anonymise.engine import Engine  # noqa: E402
from emm.anonymise.gate import Gate  # noqa: E402
from emm.anonymise.recognizers import is_valid_bsn  # noqa: E402


def test_generated_documents_are_annotated_consistently() -> None:
    doc = deid_synthetic.generate_document(1, "nl", words=400)
    assert doc.words >= 400
    assert doc.annotations and doc.known_pairs
    for a in doc.annotations:
        assert doc.text[a.start : a.end].strip() == doc.text[a.start : a.end] != ""
    for s, e in doc.decoys:
        value = doc.text[s:e]
        assert len(value) == 9 and value.isdigit()
        assert not is_valid_bsn(value)


def _item(text: str, remove: list[tuple[str, str]], keep: list[tuple[str, str]]) -> dict:
    def spans(pairs: list[tuple[str, str]]) -> list[dict]:
        out = []
        for kind, value in pairs:
            start = text.index(value)
            out.append({"start": start, "end": start + len(value), "type": kind, "value": value})
        return out

    return {"id": "x", "lang": "nl", "text": text, "remove": spans(remove), "keep": spans(keep)}


def test_when_a_set_is_scored_then_recall_keeps_leaks_and_clean_text_are_counted(
    light_engine: Engine,
) -> None:
    items = [
        _item(
            "Bel 06-12345678 in Zeeland. BSN 111222333.",
            [("PHONE", "06-12345678"), ("BSN", "111222333")],
            [("PLACE", "Zeeland")],
        ),
        # a made-up identifier no recogniser reads: the shape step of the de-identifier
        # removes it (and the gate's shape check would refuse it)
        _item("Met code QQ77ZZ9123 in Utrecht.", [("CASE_PERSON_ID", "QQ77ZZ9123")], []),
    ]
    clean = [_item("In 2024 waren er 12.500 signalen in Noord-Brabant (art. 273f Sr).", [], [])]
    gate = Gate(lambda: [], engine=light_engine)
    report = bench.evaluate_set(items, clean, engine=light_engine, gate=gate)
    assert report.recall()["PHONE"] == 1.0 and report.recall()["BSN"] == 1.0
    assert report.kept()["PLACE"] == 1.0
    assert report.recall()["CASE_PERSON_ID"] == 1.0
    assert report.misses == 0 and report.leaks == 0
    assert [f.rule for f in gate.check("t", "Met code QQ77ZZ9123 in Utrecht.")] == ["MIXED"]
    assert report.clean_exported_unchanged == 1
    assert "gate:" in bench.format_report(report)


def test_when_conll_is_absent_then_it_is_skipped(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("EMM_CONLL_DIR", str(tmp_path))
    assert bench.conll_path() is None


def test_when_conll_is_read_then_documents_and_sentences_are_split(tmp_path) -> None:
    path = tmp_path / "ned.testa"
    path.write_text(
        "-DOCSTART- -DOCSTART- O\nJan N B-PER\nPeeters N I-PER\nwoont V O\nin Prep O\n"
        "Gent N B-LOC\n. Punc O\n\n-DOCSTART- -DOCSTART- O\nHij Pron O\n",
        encoding="latin-1",
    )
    docs = bench.read_conll(path)
    assert len(docs) == 2 and docs[0][0] == ("Jan", "B-PER") and docs[0][-1] == ("", "O")
