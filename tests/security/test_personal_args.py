"""Attack: read another user's command line (``ps -eo args``, ``/proc/<pid>/cmdline``).

Before: ``emm subject access --bsn 111222333``, ``subject rectify ... --value ...`` and ``oib
create --seed "de Vries"`` put the BSN, the name and the corrected value into the process's
arguments, which every local account can read while the command runs (and shell histories keep).
Now no command takes personal data as an argument: the data subject comes from a file or
standard input (``--subject FILE|-``) or is asked for, a seed is an entity id or read from
``@FILE``/``-``, and a literal value is refused before anything is looked up.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import CliAs

from emm.cli.personal import personal_values, read_subject

NOWHERE = {"EMM_NEO4J_URI": "bolt://127.0.0.1:9", "EMM_NEO4J_PASSWORD": "x"}


@pytest.fixture
def cli(tmp_path) -> CliAs:
    c = CliAs({"EMM_DATA_DIR": str(tmp_path / "data"), **NOWHERE})
    c.user("privacy", "privacy_officer")
    c.user("sen", "senior_analyst")
    return c


@pytest.mark.parametrize(
    "args",
    [
        ["subject", "access", "--bsn", "111222333"],
        ["subject", "restrict", "--name", "Jan de Vries", "--birth-date", "12-03-1985"],
        ["subject", "erase", "--bsn", "111222333", "--yes"],
        ["subject", "rectify", "--bsn", "111222333", "--field", "name", "--value", "Jan Jansen"],
    ],
    ids=lambda a: " ".join(a[:3]),
)
def test_when_a_subject_is_given_on_the_command_line_then_the_option_does_not_exist(cli, args):
    r = cli("privacy", *args)
    assert r.exit_code == 2 and "No such option" in r.output


@pytest.mark.parametrize(
    "seed", ["111222333", "Jan de Vries", "06-12345678", "NL91ABNA0417164300", "Person"]
)
def test_when_a_seed_is_a_literal_value_then_it_is_refused_without_echoing_it(cli, seed):
    r = cli("sen", "oib", "create", "--seed", seed)
    assert r.exit_code == 2 and "command line" in r.output
    assert seed not in r.output


@pytest.mark.parametrize(
    ("given", "stdin", "expected"),
    [
        (("Person-0123456789abcdef",), "", ["Person-0123456789abcdef"]),  # an opaque uid
        (("-",), "111222333\n\n  de Vries \n", ["111222333", "de Vries"]),
        ((), "", []),
    ],
)
def test_when_seeds_come_from_stdin_or_are_uids_then_they_are_read(given, stdin, expected):
    import io

    assert personal_values(given, "--seed", stdin=io.StringIO(stdin)) == expected


def test_when_seeds_come_from_a_file_then_each_line_is_one(tmp_path: Path):
    f = tmp_path / "seeds.txt"
    f.write_text("111222333\n06-12345678\n", encoding="utf-8")
    assert personal_values((f"@{f}",), "--seed") == ["111222333", "06-12345678"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bsn: 111222333\n", {"bsn": "111222333"}),
        ("name: Jan de Vries\nbirth-date: 12-03-1985\n", {"name": "Jan de Vries", "birth_date": "12-03-1985"}),
        ("# verzoek 12\nBSN: 111222333\nvalue: NL\n", {"bsn": "111222333", "value": "NL"}),
    ],
)  # fmt: skip
def test_when_a_subject_file_is_read_then_its_keys_are_normalised(text, expected):
    import io

    assert read_subject(io.StringIO(text), name="-") == expected


@pytest.mark.parametrize("text", ["bsn 111222333\n", "phone: 0612345678\n", "bsn: 1\nbsn: 2\n"])
def test_when_a_subject_file_is_malformed_then_the_error_names_the_line_not_the_value(text):
    import io

    import click

    with pytest.raises(click.UsageError) as err:
        read_subject(io.StringIO(text), name="request.txt")
    assert "request.txt line" in str(err.value)
    assert "111222333" not in str(err.value) and "0612345678" not in str(err.value)


def test_when_no_subject_is_given_then_the_command_asks(cli):
    # asked on the terminal: the value goes through standard input, never into the arguments
    r = cli("privacy", "subject", "access", input="111222333\n")
    assert "BSN" in r.output
    assert "No such option" not in r.output
