"""Dutch first: every text the converted pages ask for exists in Dutch and English, and every
code of the model (entity and relationship types, properties, values, roles) has a label."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import emm.app
from emm.access.policy import load_policy
from emm.app import chartdata
from emm.app.i18n import LANGUAGES, Translator, labels, strings
from emm.graph.schema import (
    DIRECTIONS,
    DOC_TYPES,
    ENTITY_TYPES,
    PARTIES,
    PHENOMENA,
    PROVENANCE_FIELDS,
    REL_TYPES,
    ROLES,
)
from emm.ingest.normalise import GENDERS

APP = Path(emm.app.__file__).parent
CONVERTED = [
    APP / "main.py",
    *sorted((APP / "views").glob("[a-z]*.py")),  # every page
    APP / "chartdata.py",
    APP / "helpers.py",
    APP / "services.py",
]


def used_keys(path: Path) -> set[str]:
    """Constant keys passed to tr(...) in a module."""
    keys = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "tr"
            or isinstance(node, ast.Call)
            and isinstance(node.func, ast.Call)
            and isinstance(node.func.func, ast.Name)
            and node.func.func.id == "_tr"
        ) and (
            node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            keys.add(node.args[0].value)
    return keys


@pytest.mark.parametrize("path", CONVERTED, ids=lambda p: p.name)
def test_every_text_a_converted_page_uses_exists(path: Path):
    missing = sorted(k for k in used_keys(path) if k not in strings().strings)
    assert not missing


def test_the_keys_built_at_run_time_exist():
    pages = ["login", "home", "search", "explorer", "indicators", "same_person", "oib"]
    pages += ["requests", "trends", "privacy"]
    built = {f"nav.{p}" for p in pages}
    built |= {f"ex.label_{k}" for k in chartdata.LABEL_BY}
    built |= {f"ex.colour_{k}" for k in chartdata.COLOUR_BY}
    built |= {f"ex.size_{k}" for k in chartdata.SIZE_BY}
    built |= set(chartdata.COMPONENT_TEXTS.values())
    built |= {f"graph.line_{k}" for k in ("solid", "dashed", "dash-dot", "dotted", "sparse")}
    built |= {f"filter.{k}" for k in ("parties", "legal_bases", "rel_types")}
    built |= {f"tr.kind_{k}" for k in ("QS", "TIB", "SIB", "NCP")}
    built |= {f"pr.kind_{k}" for k in ("access", "rectify", "restrict", "lift_restriction")}
    built |= {f"pr.kind_{k}" for k in ("erase", "refuse")}
    built |= {f"pr.mode_{k}" for k in ("isolate", "remove", "reinstate")}
    built |= {f"oib.src_{k}" for k in ("network", "set", "explorer")}
    built |= {f"sp.{k}" for k in ("confirmed", "rejected")}
    assert sorted(built - set(strings().strings)) == []


def test_every_text_has_both_languages_and_the_same_placeholders():
    import string

    fmt = string.Formatter()
    for key, text in strings().strings.items():
        names = [{f for _, f, _, _ in fmt.parse(text.get(lang)) if f} for lang in LANGUAGES]
        assert all(text.get(lang).strip() for lang in LANGUAGES), key
        assert names[0] == names[1], key


def test_every_code_of_the_model_has_a_label():
    lab = labels()
    assert set(ENTITY_TYPES) | {"Group"} <= set(lab.types) == set(lab.types_plural)
    assert set(REL_TYPES) <= set(lab.relations)
    fields = {f.name for e in ENTITY_TYPES.values() for f in e.fields}
    fields |= {f.name for r in REL_TYPES.values() for f in r.fields}
    assert fields | set(PROVENANCE_FIELDS) <= set(lab.properties)
    assert set(lab.values["phenomenon"]) == set(PHENOMENA)
    assert set(lab.values["role"]) == set(ROLES)
    assert set(lab.values["direction"]) == set(DIRECTIONS)
    assert set(lab.values["doc_type"]) == set(DOC_TYPES)
    assert set(lab.values["gender"]) == set(GENDERS)
    assert set(load_policy().roles) <= set(lab.roles)
    assert set(PARTIES) == set(lab.parties)


@pytest.mark.parametrize(
    ("call", "nl", "en"),
    [
        (lambda t: t.rel("LIVES_AT"), "woont op", "lives at"),
        (lambda t: t.type("BankAccount"), "bankrekening", "bank account"),
        (lambda t: t.type("Person", plural=True), "personen", "persons"),
        (
            lambda t: t.indicator("multi_agency"),
            "Bekend bij meerdere partijen",
            "Known to several parties",
        ),
        (lambda t: t.role("senior_analyst"), "senior analist", "senior analyst"),
        (lambda t: t.value("phenomenon", "labour"), "arbeidsuitbuiting", "labour exploitation"),
        (lambda t: t.value("gender", "F"), "vrouw", "female"),
        (lambda t: t.value("parties", ["POL", "IND"]), "POL, IND", "POL, IND"),
        (lambda t: t.value("restricted", True), "ja", "yes"),
        (
            lambda t: t.party("KMAR"),
            "Koninklijke Marechaussee (KMAR)",
            "Royal Netherlands Marechaussee (KMAR)",
        ),
        (lambda t: t.prop("birth_date"), "geboortedatum", "date of birth"),
    ],
)
def test_labels_in_both_languages(call, nl, en):
    assert (call(Translator("nl")), call(Translator("en"))) == (nl, en)


@pytest.mark.parametrize("code", ["NoSuchType", "NOT_A_REL", ""])
def test_an_unknown_code_shows_as_itself_never_an_error(code):
    t = Translator("nl")
    assert t.type(code) == code and t.rel(code) == code and t.prop(code) == code


def test_an_unknown_language_falls_back_to_dutch():
    assert Translator("fr").lang == "nl"


def test_a_property_card_is_readable_and_ordered():
    card = Translator("nl").card(
        {
            "uid": "Person-1",
            "search": "x",
            "nationality": "NL",
            "name": "Eva",
            "gender": "F",
            "parties": ["POL"],
        },
        hidden=("uid", "search"),
    )
    assert card == [
        ("naam", "Eva"),
        ("geslacht", "vrouw"),
        ("nationaliteit", "NL"),
        ("bekend bij", "POL"),
    ]


def reason_texts() -> set[str]:
    """Every constant reason the same-person analysis can give (string constants returned
    with a score, assigned to ``why``, added to ``reasons`` or in ``PENALTIES``)."""
    import emm.graph.analysis.same_person as sp

    tree = ast.parse(Path(sp.__file__).read_text(encoding="utf-8"))
    out: set[str] = {why for _, why in sp.PENALTIES.values()} | {sp.TWO_EDITS[1]}
    for node in ast.walk(tree):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
            out |= {
                e.value
                for e in node.value.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            }
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "why" for t in node.targets
        ):
            if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                out.add(node.value.value)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("append", "insert")
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "reasons"
        ):
            out |= {
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            }
    return out


def test_every_same_person_reason_is_worded_in_dutch():
    texts = reason_texts()
    assert len(texts) >= 20, texts  # the walk still finds them
    missing = sorted(t for t in texts if t not in labels().reasons)
    assert not missing, missing
    nl = Translator("nl")
    assert all(nl.reason(t) != t for t in texts)
    assert nl.reason("shared Phone (Phone-1)") == "gedeeld: telefoonnummer"
    assert nl.reason("an unknown reason") == "an unknown reason"  # shown, never an error
