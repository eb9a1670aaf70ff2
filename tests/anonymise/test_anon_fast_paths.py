"""The fast paths of the shape rules and the deduce capitals pass give what the plain ones
gave (each was written for speed, issue 13: throughput >= 8 reports of 1,000 words a second).

Randomised over the characters that matter to each rule, with a fixed seed.
"""

from __future__ import annotations

import random

import pytest

from emm.anonymise import shape_words
from emm.anonymise.recognizers import deduce_recognizer

_PIECES = ["a", "B", "é", " ", "  ", "-", "'", "(werknaam)", "(alias)", "(Alias names)", ".",
           "\n", "Zo", "(", ")", "Big K", "bijnaam"]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez (werknaam) en Anna(bijnaam)",
        "de Maria (werknaam)",
        "x (alias) (alias) y Zz (Alias)",
        "abc Def Ghi (werknaam) x",
        "(werknaam)",
        "Éva-Lu 'o Xy (working name) q",
    ],
)
def test_working_names_from_labels_match_the_plain_scan(text: str) -> None:
    plain = [m.span(1) for m in shape_words._WORKING_NAME.finditer(text)]
    assert [m.span(1) for m in shape_words._working_names(text)] == plain


def test_working_names_random_texts() -> None:
    rnd = random.Random(13)
    for _ in range(5000):
        text = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 14)))
        plain = [m.span(1) for m in shape_words._WORKING_NAME.finditer(text)]
        assert [m.span(1) for m in shape_words._working_names(text)] == plain, text


def test_containment_matches_inside() -> None:
    rnd = random.Random(7)
    for _ in range(2000):
        kept = []
        for _ in range(rnd.randint(0, 6)):
            s = rnd.randint(0, 40)
            kept.append((s, s + rnd.randint(0, 12), "place"))
        inside = shape_words._containment(kept)
        for _ in range(20):
            a = rnd.randint(0, 50)
            b = a + rnd.randint(0, 8)
            assert inside(a, b) == shape_words._inside(kept, a, b), (kept, a, b)


def test_capitals_pass_keeps_the_words_near_each_changed_word() -> None:
    far = "woord " * 40
    text = f"{far}de heer JANSEN verklaarde\nGeen hoofdletters hier\n{far}PIETERS, J.\n"
    titled = deduce_recognizer.title_case_capitals(text)
    assert titled is not None
    only = deduce_recognizer._only_near_capitals(text, titled)
    assert len(only) == len(text)
    assert "de heer Jansen verklaarde" in only
    assert "Pieters, J." in only
    assert "Geen hoofdletters" not in only  # a line without capitals is blank
    assert only.count("woord") < far.count("woord") * 2  # far words are blank
    assert only.count("\n") == text.count("\n")  # lines stay where they were
