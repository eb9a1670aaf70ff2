"""Personal data into a command without putting it on the command line.

Every local account can read every process's arguments (``ps -eo args``,
``/proc/<pid>/cmdline``), and shells keep them in their history. So no command takes a BSN, a
name, a phone number or a corrected value as an argument: they come from a file, from standard
input, or from a prompt. What may stay on the command line is what identifies nobody: an
entity's opaque uid (``Person-0123456789abcdef``), a field name, a party, a date range.

>>> import io
>>> personal_values(("Person-0123456789abcdef", "-"), "--seed", stdin=io.StringIO("06-1\\n"))
['Person-0123456789abcdef', '06-1']
>>> read_subject(io.StringIO("BSN: 111222333\\n"), name="-")
{'bsn': '111222333'}
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import click

from emm.graph.schema import ENTITY_TYPES

__all__ = ["SUBJECT_FILE_HELP", "personal_values", "read_subject", "subject_from"]

_UID = re.compile("^(?:" + "|".join(map(re.escape, ENTITY_TYPES)) + ")-[0-9a-f]{16}$")
_SUBJECT_KEYS = {"bsn": "bsn", "name": "name", "birth_date": "birth_date", "value": "value"}
SUBJECT_FILE_HELP = (
    "A file, or - for standard input, with 'bsn: ...' or 'name: ...' and 'birth_date: ...' "
    "lines (rectify: also 'value: ...'). Without it you are asked. Never on the command line: "
    "other users can read a command's arguments."
)


def _refused(what: str) -> click.UsageError:
    # the value itself is not repeated: the message may end up in a terminal log or a ticket
    return click.UsageError(
        f"{what}: personal data on the command line is readable by every user of this machine "
        "(ps) and stays in shell histories; give an entity id, '-' to read values from standard "
        "input, or @FILE (one value per line)"
    )


def personal_values(given: Iterable[str], what: str, *, stdin: IO[str] | None = None) -> list[str]:
    """The values of a repeatable option that may name a person: uids as given, ``-`` read from
    standard input and ``@FILE`` read from a file (one value per line, blank lines skipped).
    A literal value is refused without repeating it."""
    out: list[str] = []
    for value in given:
        if _UID.match(value):
            out.append(value)
            continue
        if value == "-":
            text = (stdin if stdin is not None else sys.stdin).read()
        elif value.startswith("@") and len(value) > 1:
            try:
                text = Path(value[1:]).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise click.UsageError(
                    f"{what}: cannot read {value[1:]}: {exc.__class__.__name__}"
                ) from None
        else:
            raise _refused(what)
        out.extend(line.strip() for line in text.splitlines() if line.strip())
    return out


def read_subject(fh: IO[str], *, name: str) -> dict[str, str]:
    """``key: value`` lines (``#`` comments, blank lines skipped) into the subject's fields.

    Errors name the file and the line, never the value."""
    found: dict[str, str] = {}
    for n, line in enumerate(fh.read().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        field = _SUBJECT_KEYS.get(key.strip().lower().replace("-", "_").replace(" ", "_"))
        if not sep or field is None:
            raise click.UsageError(
                f"{name} line {n}: expected 'bsn', 'name', 'birth_date' or 'value', then a colon and the value"
            )
        if field in found:
            raise click.UsageError(f"{name} line {n}: {field} given twice")
        found[field] = value.strip()
    return found


def subject_from(fh: IO[str] | None, *, value_too: bool = False) -> dict[str, str]:
    """The data subject from ``--subject`` or, without it, asked for (input is not echoed into
    any argument list; a BSN is not shown while typed)."""
    if fh is not None:
        subject = read_subject(fh, name=getattr(fh, "name", "-"))
    else:
        subject = {}
        bsn = click.prompt(
            "BSN (leeg: zoek op naam en geboortedatum)",
            default="",
            show_default=False,
            hide_input=True,
        ).strip()
        if bsn:
            subject["bsn"] = bsn
        else:
            subject["name"] = click.prompt("Naam").strip()
            subject["birth_date"] = click.prompt("Geboortedatum (dd-mm-jjjj)").strip()
    if value_too and not subject.get("value"):
        subject["value"] = click.prompt("Gecorrigeerde waarde").strip()
    if not subject.get("bsn") and not (subject.get("name") and subject.get("birth_date")):
        raise click.UsageError("the subject needs a BSN, or a name and a date of birth")
    return subject
