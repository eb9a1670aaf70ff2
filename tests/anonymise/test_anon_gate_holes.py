"""The gate's shape check on what a de-identifier misses: the holes seen on the hard sets.

Each case is the text an export would write after a de-identifier missed a value; the gate
must have a finding that covers part of the value. Negatives: trend text with the same
surface (number words, capitals, commas) that must pass unchanged.
"""

from __future__ import annotations

import pytest

from emm.anonymise.shapes import ShapeCheck

#: (case, text, the missed value that a finding must touch)
REFUSED = [
    ("when a surname in capitals after its label", "Achternaam: OSS", "OSS"),
    ("when SURNAME, Given", "Gehoord werd JANSEN, Pieter over de reis.", "JANSEN"),
    ("when a particle surname in capitals, Given", "Verhoord: DE VRIES, Anna (1990)", "VRIES"),
    ("when a capitals surname that is a word, Given", "Verhoord: BAKKER, Johan", "BAKKER"),
    ("when Surname, Given in a list", "Getuigen: Visser, Karin en Smit, Ruud.", "Visser"),
    ("when a house number with a letter addition", "woont aan de Kerkweg 12 hs", "12 hs"),
    ("when a house number with bis", "op de Dorpsstraat 14-bis in Tilburg", "14-bis"),
    (
        "when a house number spelled out",
        "Hij woont op nummer veertien in de Lindelaan.",
        "veertien",
    ),
    (
        "when a phone number spelled out in Dutch",
        "bel nul zes twaalf vierendertig zesenvijftig achtenzeventig",
        "twaalf",
    ),
    ("when a BSN spelled out", "BSN een twee drie vier vijf zes zeven acht negen", "vier"),
    ("when a phone spelled out in English", "call zero six one two three four five", "three"),
    ("when e-mail with (at) and (dot)", "mail naam (at) hotmail (dot) com", "hotmail"),
    ("when e-mail with AT and DOT", "mail: p.jansen AT gmail DOT com", "jansen"),
    ("when e-mail with a hash for at", "stuur naar jansen#gmail.com", "gmail"),
    ("when e-mail with 'apenstaartje'", "mail naam apenstaartje gmail punt com", "gmail"),
    ("when a phone with a letter o for zero", "Bel o6-12345678", "12345678"),
]

#: trend text that must pass the shape check without a finding
PASSED = [
    ("when number words count things", "Twee of drie signalen kwamen uit een van de vier regio's."),
    (
        "when a list of counts in words",
        "In een, twee of drie gevallen was er sprake van uitbuiting.",
    ),
    ("when a capitalised region list", "Signalen uit Zeeland, Limburg en Noord-Brabant namen toe."),
    ("when a place, a province", "In Tilburg, Noord-Brabant, zagen de KMar en POL 34 signalen."),
    ("when an article number", "Zie artikel 273f Sr, lid 1, onder 4."),
]


@pytest.fixture(scope="module")
def shapes() -> ShapeCheck:
    return ShapeCheck.default()


@pytest.mark.parametrize(("case", "text", "value"), REFUSED, ids=[c[0] for c in REFUSED])
def test_when_a_miss_is_written_then_the_shape_check_refuses_it(
    shapes: ShapeCheck, case: str, text: str, value: str
) -> None:
    start = text.index(value)
    end = start + len(value)
    found = shapes.find(text)
    assert any(f.start < end and start < f.end for f in found), [
        (f.rule, text[f.start : f.end]) for f in found
    ]


@pytest.mark.parametrize(("case", "text"), PASSED, ids=[c[0] for c in PASSED])
def test_when_trend_text_is_written_then_the_shape_check_passes_it(
    shapes: ShapeCheck, case: str, text: str
) -> None:
    assert [(f.rule, text[f.start : f.end]) for f in shapes.find(text)] == []
