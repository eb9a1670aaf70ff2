"""deidentify / scan with the full engine (deduce included): one engine per session."""

from __future__ import annotations

import logging

import pytest

from emm.anonymise import DeidResult, Finding, KnownValues, deidentify, resolve_overlaps, scan
from emm.anonymise.deid import UnsupportedLanguageError, later_mentions, replace_findings
from emm.anonymise.engine import Engine

pytestmark = pytest.mark.slow  # the first build of deduce's tables takes minutes

REPORT = (
    "Op 3 maart 2024 werd verdachte Chukwuemeka Okonkwo (34) aangehouden in de woning aan de "
    "Kerkstraat 12a, 8011 AB Zwolle. Het slachtoffer, Blessing Osagie, verklaarde dat "
    "OKONKWO haar paspoort NXC3P7KD1 had afgenomen. Zij werd benaderd via 06-12345678 en "
    "j.jansen@gmail.com. De auto met kenteken 12-ABC-3 stond op naam van Anna de Wit. "
    "BSN 111222333, rekening NL91 ABNA 0417 1643 00, V-nummer 1234567890. "
    "Later zag Okonkwo de politie. Het dossiernummer 123456789 is geen BSN."
)

SECRETS = [
    "Chukwuemeka",
    "Okonkwo",
    "OKONKWO",
    "Kerkstraat 12a",
    "8011 AB",
    "Blessing",
    "Osagie",
    "NXC3P7KD1",
    "06-12345678",
    "j.jansen@gmail.com",
    "12-ABC-3",
    "Anna",
    "Wit",
    "111222333",
    "NL91 ABNA",
    "1234567890",
]


def test_when_a_report_is_deidentified_then_no_identifier_remains(engine: Engine) -> None:
    result = deidentify(REPORT, engine=engine)
    for secret in SECRETS:
        assert secret not in result.text, secret
    for placeholder in (
        "[PERSOON]",
        "[ADRES]",
        "[POSTCODE]",
        "[DOCUMENTNUMMER]",
        "[TELEFOON]",
        "[EMAIL]",
        "[KENTEKEN]",
        "[BSN]",
        "[IBAN]",
        "[V-NUMMER]",
    ):
        assert placeholder in result.text, placeholder
    # a dossier number fails the 11-proof: replaced as a case reference, never as a BSN
    assert "[KENMERK]" in result.text and result.text.count("[BSN]") == 1
    assert "3 maart 2024" in result.text  # an event date, not a date of birth


def test_when_a_number_fails_the_11_proof_then_it_is_never_a_bsn(engine: Engine) -> None:
    findings = scan("Het dossiernummer 123456789 en zaak 111222334.", engine=engine)
    assert not [f for f in findings if f.entity_type == "NL_BSN"]


def test_when_scanning_then_findings_give_types_and_offsets(engine: Engine) -> None:
    text = "Bel 06-12345678 of mail a.b@example.nl"
    findings = scan(text, engine=engine)
    assert [(f.entity_type, text[f.start : f.end]) for f in findings] == [
        ("PHONE_NUMBER", "06-12345678"),
        ("EMAIL_ADDRESS", "a.b@example.nl"),
    ]
    assert all(f.source == "presidio" for f in findings)


def test_when_a_name_is_in_capitals_then_it_is_masked(engine: Engine) -> None:
    text = "VERDACHTE: JAN DE VRIES, geboren in Utrecht. Ook IONELA POPESCU werd gehoord."
    result = deidentify(text, engine=engine)
    for part in ("JAN", "VRIES", "IONELA", "POPESCU"):
        assert part not in result.text, part


def test_when_a_name_is_mentioned_again_then_every_mention_is_masked(engine: Engine) -> None:
    text = (
        "Verdachte Tesfaye Ghebremedhin werd aangehouden. Later verklaarde Ghebremedhin dat hij "
        "niets wist. GHEBREMEDHIN tekende niet. Ook Tesfaye zweeg."
    )
    result = deidentify(text, engine=engine)
    assert "Ghebremedhin" not in result.text
    assert "GHEBREMEDHIN" not in result.text
    assert "Tesfaye" not in result.text
    assert result.text.count("[PERSOON]") == 4


def test_when_a_surname_is_also_a_word_then_it_is_masked_as_a_name(engine: Engine) -> None:
    text = "De heer Bakker en Anna de Wit zijn getuigen. Visser verklaarde dat Koning reed."
    result = deidentify(text, engine=engine)
    for name in ("Bakker", "Anna", "Wit", "Visser", "Koning"):
        assert name not in result.text, name


def test_when_findings_overlap_then_one_placeholder_covers_them(engine: Engine) -> None:
    # the IBAN contains digit groups a phone recogniser would like; one [IBAN] must remain
    text = "Betaald vanaf NL91 ABNA 0417 1643 00 op die dag."
    result = deidentify(text, engine=engine)
    assert result.text == "Betaald vanaf [IBAN] op die dag."


def test_when_known_values_are_given_then_they_are_found_as_known(engine: Engine) -> None:
    known = KnownValues([("phone", "+31612345678"), ("person", "Okonkwo, Chukwuemeka")])
    text = "Contact: CHUKWUEMEKA OKONKWO, tel. 06 1234 5678."
    findings = scan(text, engine=engine, known=known)
    assert {(f.entity_type, f.source) for f in findings} == {
        ("PERSON", "known"),
        ("PHONE_NUMBER", "known"),
    }


def test_when_english_then_english_text_is_deidentified(engine: Engine) -> None:
    text = "On 3 March 2024 the victim Ngozi Eze (born 5 May 1999) called +234 803 123 4567."
    result = deidentify(text, language="en", engine=engine)
    assert result.text.startswith("On 3 March 2024 the victim [PERSOON] (born [")
    assert "Ngozi" not in result.text and "1999" not in result.text
    assert result.text.endswith(") called [TELEFOON].")


def test_when_the_language_is_not_supported_then_an_error(engine: Engine) -> None:
    with pytest.raises(UnsupportedLanguageError):
        scan("Bonjour", language="fr", engine=engine)


def test_when_text_is_empty_then_nothing(engine: Engine) -> None:
    assert deidentify("", engine=engine) == DeidResult("", [])


def test_when_run_then_no_identifier_reaches_the_logs(
    engine: Engine, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    with caplog.at_level(logging.DEBUG):
        deidentify(REPORT, engine=engine)
    logged = " ".join(f"{r.getMessage()} {r.args}" for r in caplog.records)
    printed = capsys.readouterr()
    for secret in SECRETS:
        assert secret not in logged, secret
        assert secret not in printed.out + printed.err, secret
    assert logging.getLogger("presidio-analyzer").getEffectiveLevel() >= logging.WARNING


# -- pure functions (no engine) ----------------------------------------------------------------


def test_when_a_finding_is_printed_then_the_value_is_not() -> None:
    text = "BSN 111222333"
    finding = Finding("NL_BSN", 4, 13, "presidio", 1.0)
    assert "111222333" not in repr(finding)
    assert "111222333" not in repr([finding])
    assert replace_findings(text, [finding]) == "BSN [BSN]"


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        # highest score wins; the span is the union
        (
            [
                Finding("PERSON", 0, 10, "presidio", 0.5),
                Finding("LOCATION", 5, 12, "presidio", 0.85),
            ],
            [Finding("LOCATION", 0, 12, "presidio", 0.85)],
        ),
        # equal scores: the longest wins
        (
            [
                Finding("PERSON", 0, 4, "presidio", 0.6),
                Finding("ORGANIZATION", 0, 9, "presidio", 0.6),
            ],
            [Finding("ORGANIZATION", 0, 9, "presidio", 0.6)],
        ),
        # equal score and length: a known value wins
        (
            [Finding("PERSON", 0, 4, "presidio", 1.0), Finding("PERSON", 0, 4, "known", 1.0)],
            [Finding("PERSON", 0, 4, "known", 1.0)],
        ),
        # touching findings stay apart
        (
            [
                Finding("NL_ADDRESS", 0, 5, "presidio", 0.6),
                Finding("NL_POSTCODE", 5, 9, "presidio", 0.5),
            ],
            [
                Finding("NL_ADDRESS", 0, 5, "presidio", 0.6),
                Finding("NL_POSTCODE", 5, 9, "presidio", 0.5),
            ],
        ),
        # a chain of overlaps becomes one
        (
            [
                Finding("A", 0, 3, "presidio", 0.4),
                Finding("B", 2, 6, "presidio", 0.9),
                Finding("C", 5, 8, "presidio", 0.5),
            ],
            [Finding("B", 0, 8, "presidio", 0.9)],
        ),
    ],
)
def test_resolve_overlaps(findings: list[Finding], expected: list[Finding]) -> None:
    assert resolve_overlaps(findings) == expected


def test_later_mentions_skip_particles_and_lower_case() -> None:
    text = "Anna de Wit kwam. De Wit en de wit geschilderde deur. WIT."
    findings = [Finding("PERSON", 0, 11, "presidio", 0.85)]
    later = later_mentions(text, findings)
    assert sorted(text[f.start : f.end] for f in later) == ["Anna", "WIT", "Wit", "Wit"]
