"""Disclosure control on small, hand-checked count tables."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from emm.anonymise.disclosure import (
    RULES,
    DisclosureError,
    ProtectedTable,
    protect_table,
    recomputable_cells,
)


def hidden(p: ProtectedTable) -> set[tuple[str, str]]:
    return {(str(c.row), str(c.column)) for c in p.suppressed}


def test_when_no_cell_is_small_then_nothing_is_suppressed() -> None:
    counts = pd.DataFrame({"seksueel": [12, 30], "arbeid": [25, 14]}, index=["NL", "RO"])
    p = protect_table(counts)
    assert p.suppressed == []
    assert p.table.loc["Totaal", "Totaal"] == 81
    assert p.table.loc["NL", "Totaal"] == 37


def test_when_one_cell_is_small_then_a_rectangle_of_four_is_suppressed() -> None:
    # hand-checked: RO/seksueel = 3 is primary; its row's smallest other cell (14), its
    # column's (12) and then the cell closing the rectangle (25) are secondary
    counts = pd.DataFrame({"seksueel": [12, 3], "arbeid": [25, 14]}, index=["NL", "RO"])
    p = protect_table(counts)
    assert hidden(p) == {("RO", "seksueel"), ("RO", "arbeid"), ("NL", "seksueel"), ("NL", "arbeid")}
    assert [c.reason for c in p.suppressed if (c.row, c.column) == ("RO", "seksueel")] == [
        "primary"
    ]
    # the totals stay published
    assert list(p.table.loc["Totaal"]) == [15, 39, 54]
    assert list(p.table["Totaal"]) == [37, 17, 54]


def test_when_suppressed_then_the_cell_cannot_be_recomputed_from_the_margins() -> None:
    counts = pd.DataFrame(
        {"seksueel": [12, 3, 40], "arbeid": [25, 14, 0], "crimineel": [11, 30, 2]},
        index=["NL", "RO", "BG"],
    )
    p = protect_table(counts)
    table = p.table
    # an attacker's view: published cells known, suppressed unknown; try to recompute each
    # suppressed cell from its row total minus the published cells of that row
    for c in p.suppressed:
        row = table.loc[c.row]
        unknown_in_row = row.drop("Totaal").isna().sum()
        col = table[c.column]
        unknown_in_col = col.drop("Totaal").isna().sum()
        assert unknown_in_row >= 2 and unknown_in_col >= 2
    # and the full linear-algebra audit finds no determined cell
    full = counts.to_numpy()
    full = np.vstack([np.c_[full, full.sum(1)], np.r_[full.sum(0), full.sum()]])
    mask = table.isna().to_numpy()
    assert recomputable_cells(full, mask) == set()


def test_when_two_small_cells_share_a_row_then_they_protect_each_other() -> None:
    counts = pd.DataFrame({"a": [5, 20], "b": [6, 30], "c": [40, 50]}, index=["x", "y"])
    p = protect_table(counts)
    # row x has two small cells: no secondary needed in that row; columns a and b need one
    # more each: the smallest other cells are y/a (20) and y/b (30)
    assert hidden(p) == {("x", "a"), ("x", "b"), ("y", "a"), ("y", "b")}


def test_when_a_total_is_small_then_it_is_suppressed_too() -> None:
    counts = pd.DataFrame({"a": [2, 20], "b": [3, 30]}, index=["x", "y"])
    p = protect_table(counts)
    assert ("x", "Totaal") in hidden(p)
    full = np.array([[2, 3, 5], [20, 30, 50], [22, 33, 55]])
    assert recomputable_cells(full, p.table.isna().to_numpy()) == set()


def test_when_min_count_is_configured_then_it_is_used() -> None:
    counts = pd.DataFrame({"a": [12, 30], "b": [25, 40]}, index=["x", "y"])
    assert protect_table(counts, min_count=15).suppressed != []
    assert protect_table(counts, min_count=10).suppressed == []


def test_when_zero_then_published() -> None:
    counts = pd.DataFrame({"a": [0, 30], "b": [25, 40]}, index=["x", "y"])
    assert protect_table(counts).suppressed == []


def test_when_rounding_to_5_then_every_published_count_is_a_multiple_of_5() -> None:
    counts = pd.DataFrame({"a": [12, 33], "b": [27, 41]}, index=["x", "y"])
    p = protect_table(counts, rounding=5)
    assert p.table.to_numpy().tolist() == [[10, 25, 40], [35, 40, 75], [45, 70, 115]]
    assert "multiples of 5" in p.summary()


def test_formatted_uses_one_marker_and_the_report_names_the_rule() -> None:
    counts = pd.DataFrame({"a": [12, 3], "b": [25, 14]}, index=["x", "y"])
    p = protect_table(counts)
    text = p.formatted()
    assert text.loc["y", "a"] == "x" and text.loc["x", "b"] == "x"
    assert text.loc["Totaal", "Totaal"] == "54"
    report = p.report()
    assert set(report["rule"]) == {"THRESHOLD", "SECONDARY"}
    assert report["reference"].str.contains("Eurostat").all()


@pytest.mark.parametrize(
    "bad",
    [
        pd.DataFrame({"a": [1.5]}),
        pd.DataFrame({"a": [-1]}),
        pd.DataFrame({"a": ["veel"]}),
        pd.DataFrame({"a": [1]}, index=["Totaal"]),
        pd.DataFrame(),
    ],
)
def test_when_the_input_is_not_a_count_table_then_an_error(bad: pd.DataFrame) -> None:
    with pytest.raises(DisclosureError):
        protect_table(bad)


def test_rules_have_a_reference() -> None:
    assert all(rule.reference for rule in RULES)
    assert {r.code for r in RULES} >= {"THRESHOLD", "SECONDARY", "ROUNDING"}


def test_no_suppressed_cell_is_recomputable_in_random_tables() -> None:
    rng = np.random.default_rng(7)
    for n, m in itertools.product([2, 3, 4], [2, 3, 5]):
        for _ in range(10):
            values = rng.choice([0, 1, 2, 5, 9, 10, 12, 30, 80], size=(n, m))
            counts = pd.DataFrame(values)
            p = protect_table(counts)
            full = np.vstack([np.c_[values, values.sum(1)], np.r_[values.sum(0), values.sum()]])
            mask = p.table.isna().to_numpy()
            assert recomputable_cells(full, mask) == set()
            small = (full > 0) & (full < 10)
            assert (mask | ~small).all()  # every small cell is hidden
