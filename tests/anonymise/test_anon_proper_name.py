"""Table tests for the capitalisation-based name recogniser (no name lists involved)."""

from __future__ import annotations

import pytest
from anon_helpers import found

from emm.anonymise.engine import Engine

NAME_CASES = [
    (
        "when a Nigerian name mid-sentence then person",
        "nl",
        "Tijdens de controle werd Chukwuemeka Okonkwo aangetroffen.",
        ["Chukwuemeka Okonkwo"],
    ),
    (
        "when a name opens the sentence then person",
        "nl",
        "Tesfaye Ghebremedhin reisde via Libië.",
        ["Tesfaye Ghebremedhin"],
    ),
    (
        "when a word-name opens before a surname then both",
        "nl",
        "Blessing Okafor verklaarde dat zij werd bedreigd.",
        ["Blessing Okafor"],
    ),
    (
        "when a Vietnamese three-part name then person",
        "nl",
        "Het ging om Nguyen Van Thanh en twee anderen.",
        ["Nguyen Van Thanh"],
    ),
    (
        "when a Chinese name of known words then person",
        "nl",
        "Daarna werd Wang Fang verhoord.",
        ["Wang Fang"],
    ),
    (
        "when the name is in capitals then person",
        "nl",
        "VERDACHTE: OKONKWO, geboren in Lagos.",
        ["OKONKWO"],
    ),
    (
        "when capitals of ordinary words inside prose then person",
        "nl",
        "De melding betrof WANG FANG en een onbekende man.",
        ["WANG FANG"],
    ),
    ("when a title precedes then person", "nl", "Volgens mevrouw Adeyemi was dat zo.", ["Adeyemi"]),
    (
        "when an initial precedes then person",
        "nl",
        "Het contract was getekend door J. Popescu.",
        ["J. Popescu"],
    ),
    (
        "when an interfix joins then one person",
        "nl",
        "De huur werd betaald door Anna de Wit.",
        ["Anna de Wit"],
    ),
    (
        "when English prose then person",
        "en",
        "During the inspection Oluwaseun Adebayo was found in the house.",
        ["Oluwaseun Adebayo"],
    ),
    (
        "when a country, nationality, month and authority then nothing",
        "nl",
        "In maart trof de Koninklijke Marechaussee Roemeense vrouwen uit Nigeria aan.",
        [],
    ),
    (
        "when an ordinary word opens the sentence then nothing",
        "nl",
        "Verdachten werden in de woning aangetroffen.",
        [],
    ),
    (
        "when a heading in capitals then nothing",
        "nl",
        "SAMENVATTING EN CONCLUSIE\nDe signalen nemen toe.",
        [],
    ),
    ("when an acronym then nothing", "nl", "De IND en de KMAR deelden signalen met SZW.", []),
    ("when 'V-nummer' then nothing", "nl", "Het V-nummer is bekend.", []),
]


@pytest.mark.parametrize(
    ("case", "language", "text", "expected"), NAME_CASES, ids=[c[0] for c in NAME_CASES]
)
def test_proper_names(
    light_engine: Engine, case: str, language: str, text: str, expected: list[str]
) -> None:
    assert found(light_engine, text, "PERSON", language) == expected


def test_when_a_legal_form_follows_then_organisation(light_engine: Engine) -> None:
    text = "Het uitzendbureau Westerbeek Holding B.V. leverde personeel."
    assert found(light_engine, text, "ORGANIZATION") == ["Westerbeek Holding B.V."]


def test_when_a_place_follows_in_then_location(light_engine: Engine) -> None:
    assert found(light_engine, "Zij woonde in Zwijndrechtveld.", "LOCATION") == ["Zwijndrechtveld"]
