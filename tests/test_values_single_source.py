"""Each value rule is defined once, in emm/values: the source tree holds no second copy.

The scan looks for the tell-tale arithmetic of an 11-proof (``% 11``) or of mod-97 (``% 97``),
for node-key prefixes written as literals (``"bsn:"``, ``"kvk:"``, ``"nd:"``), for particle
lists (``"van"`` next to ``"der"``) and for accent folding (``normalize("NFKD"``). Files that
may not be changed here are listed with the reason; a new copy anywhere else fails the test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    p
    for top in ("emm", "benchmarks")
    for p in (ROOT / top).rglob("*.py")
    # benchmarks/eval holds the independent evaluation material, written by people who did not
    # read this code: their own checksums are the point (they check ours, not reuse them).
    if "values" not in p.parts and "eval" not in p.relative_to(ROOT).parts[:2]
)

PATTERNS = {
    "11-proof": re.compile(r"%\s*11\b"),
    "mod-97": re.compile(r"%\s*97\b"),
    # a key prefix runs straight into the value ("bsn:123"); "bsn: ..." is prose or a form line
    "node-key prefix": re.compile(r"""f?["'](?:bsn|kvk|nd):(?!\s)"""),
    "name particles": re.compile(
        r"""(["'])(?:van\1,\s*\1de|de\1,\s*\1van)\1,\s*\1der\1|\bvan\s+de\s+der\b"""
    ),
    "accent folding": re.compile(r"""normalize\(\s*["']NFKD["']"""),
}

# Copies in code this change may not touch (owned elsewhere); each should call emm.values.
ALLOWED = {
    # the analysis' names toolkit (moved out of same_person.py): its fold also maps letters
    # NFKD keeps (ø, ł, ß) for transliteration skeletons and its particles include Arabic and
    # Romance ones; it should call values.name.fold / PARTICLES with those additions
    ("emm/graph/analysis/names.py", "name particles"),
    ("emm/graph/analysis/names.py", "accent folding"),
    # a doctest's example node keys ("nd:jansen"), data in an example, not a rule
    ("emm/graph/analysis/frames.py", "node-key prefix"),
    # emm/anonymise is being edited by another helper (only imports may change there):
    # per-character folding that keeps offsets (for aligning findings with the original text,
    # unlike the value layer's name_key) and the recogniser's particle lexicon
    ("emm/anonymise/folding.py", "accent folding"),
    ("emm/anonymise/recognizers/proper_name.py", "accent folding"),
    ("emm/anonymise/lexicon.py", "name particles"),
    # the de-identifier's and the gate's own word lists: lower-case words that may join the
    # parts of a found name, title or place ("Zeeland en Brabant", "Ministerie van ..."), and
    # which particles are never a name on their own; context rules, not the value layer's keys
    ("emm/anonymise/deid.py", "name particles"),
    ("emm/anonymise/shape_words.py", "name particles"),
    ("emm/anonymise/vocabulary.py", "name particles"),
    ("emm/anonymise/recognizers/deduce_recognizer.py", "name particles"),
    # the de-identification benchmark builds decoy BSNs that fail the 11-proof on purpose,
    # and its text generator has its own particle list (the anonymiser helper's file)
    ("benchmarks/deid_synthetic.py", "11-proof"),
    ("benchmarks/deid_synthetic.py", "name particles"),
    # the generator folds text to what cp1252 can encode (a transliteration, not a match key)
    ("emm/synth/writer.py", "accent folding"),
}


def _hits() -> set[tuple[str, str]]:
    found = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        for what, pattern in PATTERNS.items():
            if pattern.search(text):
                found.add((path.relative_to(ROOT).as_posix(), what))
    return found


def test_no_second_copy_of_a_value_rule_outside_emm_values():
    unexpected = _hits() - ALLOWED
    assert not unexpected, f"defined again outside emm/values: {sorted(unexpected)}"


def test_the_allow_list_has_no_stale_entries():
    stale = ALLOWED - _hits()
    assert not stale, f"no longer needed (remove from ALLOWED): {sorted(stale)}"


@pytest.mark.parametrize(
    "what, snippet",
    [
        ("11-proof", "total % 11 == 0"),
        ("mod-97", "int(x) % 97 == 1"),
        ("node-key prefix", 'key = f"bsn:{value}"'),
        ("name particles", 'PARTICLES = {"van", "de", "der"}'),
        ("accent folding", 'unicodedata.normalize("NFKD", s)'),
    ],
)
def test_the_scan_recognises_each_kind_of_copy(what, snippet):
    assert PATTERNS[what].search(snippet)


def test_each_rule_is_in_emm_values():
    values = ROOT / "emm" / "values"
    text = {p.name: p.read_text(encoding="utf-8") for p in values.glob("*.py")}
    assert PATTERNS["11-proof"].search(text["bsn.py"])
    assert PATTERNS["mod-97"].search(text["iban.py"])
    assert PATTERNS["accent folding"].search(text["name.py"])
    assert '"bsn:"' in text["bsn.py"] and '"kvk:"' in text["kvk.py"]
