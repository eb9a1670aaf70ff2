"""The Cypher recording for the Neo4j lint: texts only, from this process and from subprocesses;
and the static list of every statement the code can build."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cypher_recorder import merge

from emm.graph import judgements
from emm.graph.connect import RECORD_CYPHER, record_cypher
from emm.graph.store import GraphStore
from emm.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SECRET = "Jansen-19750101"  # a value that must never reach a statement file


@pytest.fixture(scope="module")
def static() -> tuple[dict[str, list[str]], list[str]]:
    return _static_tool().statements()


def _static_tool():  # tools/ is not a package
    spec = importlib.util.spec_from_file_location(
        "cypher_statements", ROOT / "tools" / "cypher_statements.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.db
def test_when_the_store_sends_a_statement_then_its_text_is_recorded_and_no_value(
    store: GraphStore,
) -> None:
    recorder = record_cypher(
        Path(os.environ[RECORD_CYPHER])
    )  # the session's, installed by the plugin
    judgements.record(store, "Person-a", "Person-b", "confirmed", by="ana", reason=SECRET)

    entry = recorder.seen[judgements.RECORD]
    assert entry["count"] >= 1
    assert os.environ["PYTEST_CURRENT_TEST"].rsplit(" ", 1)[0] in entry["tests"]
    assert entry["sites"][0].startswith("emm/graph/judgements.py:")
    written = recorder.flush().read_text(encoding="utf-8")
    assert judgements.RECORD in written and SECRET not in written


@pytest.mark.db
@pytest.mark.parametrize(
    ("ending", "counted"),
    [
        ("", True),  # exit handlers write the final file with counts
        ("import os; os._exit(0)", False),  # none run (a killed kernel): the journal remains
    ],
    ids=["exits", "ends-without-exit-handlers"],
)
def test_when_a_subprocess_makes_a_driver_then_it_records_to_the_folder_it_is_given(
    db_settings: Settings, tmp_path: Path, ending: str, counted: bool
) -> None:
    code = textwrap.dedent(
        f"""
        from emm.graph.connect import driver_from_settings
        from emm.settings import load
        settings = load()
        driver = driver_from_settings(settings)
        for _ in range(2):
            driver.execute_query("RETURN $x AS x", {{"x": {SECRET!r}}}, database_=settings.neo4j_database)
        with driver.session(database=settings.neo4j_database) as session:
            session.run("RETURN 1 AS one").consume()
        driver.close()
        {ending}
        """
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("EMM_")},
        RECORD_CYPHER: str(tmp_path),
        "EMM_NEO4J_URI": db_settings.uri,
        "EMM_NEO4J_USER": db_settings.user,
        "EMM_NEO4J_PASSWORD": db_settings.password(),
        "EMM_NEO4J_DATABASE": db_settings.neo4j_database,
    }
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]

    assert len(list(tmp_path.glob("*.json"))) == (1 if counted else 0)
    merged = merge(tmp_path, tmp_path / "statements.out")
    rows = {r["query"]: r for r in merged["statements"]}
    assert set(rows) == {"RETURN $x AS x", "RETURN 1 AS one"}
    assert rows["RETURN $x AS x"]["count"] == (2 if counted else 1)  # else: "at least once"
    here = os.environ["PYTEST_CURRENT_TEST"].rsplit(" ", 1)[0]
    assert all(r["tests"] == [here] for r in rows.values())
    assert merged["unfinished_processes"] == (0 if counted else 1)
    assert all(SECRET not in p.read_text(encoding="utf-8") for p in tmp_path.iterdir())


def test_when_processes_recorded_the_same_statement_then_the_merge_adds_them_up(
    tmp_path: Path,
) -> None:
    def write(name: str, rows: list[tuple[str, int, list[str], list[str]]]) -> None:
        statements = [{"query": q, "count": c, "tests": t, "sites": s} for q, c, t, s in rows]
        (tmp_path / name).write_text(json.dumps({"source": "recorded", "statements": statements}))

    write("1-a.json", [("RETURN 1", 2, ["t::a"], ["x.py:1 f"]), ("RETURN 2", 1, [], ["x.py:2 g"])])
    write("2-b.json", [("RETURN 1", 3, ["t::b"], ["x.py:1 f", "y.py:5 h"])])
    merged = merge(tmp_path, tmp_path / "statements.out")

    rows = {r["query"]: r for r in merged["statements"]}
    assert rows["RETURN 1"] == {
        "query": "RETURN 1",
        "count": 5,
        "tests": ["t::a", "t::b"],
        "sites": ["x.py:1 f", "y.py:5 h"],
    }
    assert rows["RETURN 2"]["count"] == 1
    assert (merged["processes"], merged["tests"]) == (2, 2)
    assert json.loads((tmp_path / "statements.out").read_text()) == merged


@pytest.mark.parametrize(
    ("site", "present"),
    [
        ("emm.graph.cypher.merge_records('Person')", True),
        ("emm.graph.cypher.shortest_path('Group', 'Signal', 8)", True),
        ("emm.graph.cypher.delete_label('Judgement')", True),
        ("emm.retention.cypher.set_record_field('name')", True),
        ("emm.products.register.UPSERT_PRODUCT", True),
        ("emm.graph.judgements.RECORD", True),
        ("emm.graph.cypher.EDGE_FILTER", False),  # a fragment, linted inside the statements
    ],
)
def test_the_static_list_holds_every_builder_call_and_constant_and_no_fragment(
    static: tuple[dict[str, list[str]], list[str]], site: str, present: bool
) -> None:
    found, fragments = static
    sites = {s for ss in found.values() for s in ss}
    assert (site in sites) is present
    assert ("emm.graph.cypher.EDGE_FILTER" in fragments) is True


def test_a_statement_literal_handed_straight_to_the_driver_is_in_the_static_list_too(
    static: tuple[dict[str, list[str]], list[str]],
) -> None:
    found, _ = static
    assert found["RETURN 1 AS ok"][0].startswith("emm.graph.local_db:")  # the readiness ping


def test_when_a_builder_has_no_argument_table_then_the_static_list_refuses(tmp_path: Path) -> None:
    package = tmp_path / "emm"
    package.mkdir()
    (package / "extra.py").write_text(
        "from typing import LiteralString\n\ndef by_label(name: str) -> LiteralString:\n    return 'RETURN 1'\n"
    )
    with pytest.raises(SystemExit, match=r"emm\.extra\.by_label"):
        _static_tool().statements(package)
