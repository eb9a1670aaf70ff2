"""Search: by name or identifier; results show type and parties; open and explore."""

from __future__ import annotations

import collections
import functools
import re
import tempfile
from pathlib import Path

import pytest
from apptools import button, goto, open_app, texts

from emm.access.session import audit_log
from emm.ingest.delivery import iter_rows, load_manifest
from emm.synth import generate
from emm.values import phone

pytestmark = pytest.mark.db


@functools.cache
def material() -> tuple[str, str, str]:
    """From the app fixture's own material (tiny, seed 1), so a change of the generator's names
    does not break these tests: the most common surname, a full name with it, a Dutch mobile."""
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), seed=1, size="tiny")
        names: collections.Counter[str] = collections.Counter()
        full: dict[str, str] = {}
        mobiles: list[str] = []
        for m in sorted((Path(tmp) / "deliveries").glob("*/manifest.json")):
            manifest = load_manifest(m.parent)
            for spec in manifest.files:
                if spec.kind != "entities":
                    continue
                for _, row in iter_rows(m.parent / spec.path, spec.encoding):
                    if isinstance(row, str):
                        continue
                    if row.get("type") == "Person" and row.get("name"):
                        surname = row["name"].split()[-1]
                        names[surname] += 1
                        full.setdefault(surname, row["name"])
                    if row.get("type") == "Phone" and re.fullmatch(
                        r"06-\d{8}", row.get("number") or ""
                    ):
                        mobiles.append(row["number"])
    surname = names.most_common(1)[0][0]
    return surname, full[surname], mobiles[0]


def search(query: str, user: str = "analyst"):
    at = goto(open_app(user), "search")
    at.text_input[0].input(query)
    button(at, "Search").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_name_finds_persons_with_type_and_parties(app_env):
    surname, name, _ = material()
    at = search(surname)
    assert any("result(s)" in s.value for s in at.subheader)
    shown = texts(at, "markdown")
    assert name in shown and "person" in shown  # the type's label, not the code
    parties = {"POL", "KMAR", "ISZW", "IND", "OM"}
    assert any(t and set(t.split(", ")) <= parties for t in shown)  # "POL" or "IND, KMAR"
    entry = list(audit_log(app_env.settings).entries())[-1]
    assert entry["action"] == "search" and entry["result_size"] >= 1  # judgements may merge some
    assert surname not in str(entry)  # the audit trail holds ids, not the query or names


def test_a_phone_in_another_spelling_finds_the_phone(app_env):
    mobile = material()[2]  # written 06-12345678 in the delivery; searched as +31 6 ...
    at = search("+31 6 " + mobile[3:])
    assert phone.normalise(mobile) in texts(at, "markdown")


def test_open_shows_the_facts_with_their_provenance(app_env):
    at = search(material()[0])
    next(b for b in at.button if b.label == "Open").click()
    at.run()
    assert not at.exception
    facts = at.dataframe[-1].value
    assert {"relationship", "party", "legal basis", "registered", "source"} <= set(facts.columns)
    assert len(facts) >= 1


def test_explore_opens_the_explorer_from_the_entity(app_env):
    at = search(material()[0])
    next(b for b in at.button if b.label == "Explore").click()
    at.run()
    assert not at.exception
    assert at.title[0].value == "Network explorer"
    assert len(at.session_state["ex_seeds"]) == 1


def test_when_nothing_matches_then_a_warning(app_env):
    at = search("Zzyzx Qwertyuiop")
    assert any("Nothing you may see matches" in w for w in texts(at, "warning"))


def test_when_the_query_is_too_short_then_a_warning(app_env):
    at = search("x")
    assert any("at least two characters" in w for w in texts(at, "warning"))


def test_privacy_officer_may_search_but_not_explore(app_env):
    at = search(material()[0], user="privacy")
    assert not [b for b in at.button if b.label == "Explore"]
    assert [b for b in at.button if b.label == "Open"]
