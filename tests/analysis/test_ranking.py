"""rank_networks: hand-computed scores, explanations, weights from the table."""

from __future__ import annotations

import math

import pytest

from emm.graph.analysis import (
    IndicatorHit,
    InvalidThreshold,
    Network,
    rank_networks,
    ranking_table,
)


def net(id_: str, members: set[str], parties: set[str], latest: str | None,
        persons: set[str] | None = None) -> Network:  # fmt: skip
    persons = (
        persons if persons is not None else {m for m in members if m[0] == "p" and m[1:].isdigit()}
    )
    return Network(id_, frozenset(members), frozenset(persons), frozenset(), frozenset(parties),
                   latest, n_facts=len(members))  # fmt: skip


def hit(indicator: str, subject: str, related: tuple[str, ...] = ()) -> IndicatorHit:
    return IndicatorHit(indicator, subject, 5, 5, ("r1",), ("POL",), related)


@pytest.fixture
def networks() -> list[Network]:
    return [
        net("N0001", {f"p{i}" for i in range(20)} | {"a1"}, {"POL"}, "2024-11-28"),
        net("N0002", {"p100", "p101", "a2", "ph2"}, {"POL", "KMAR", "IND", "ISZW"}, "2026-10-02"),
        net("N0003", {"p200", "p201", "p202"}, set(), None),
    ]


@pytest.fixture
def hits() -> list[IndicatorHit]:
    return [
        hit("address_many_unrelated", "a2"),
        hit("shared_ad_contact", "ph2"),
        hit("multi_agency", "p100"),
        hit("multi_agency", "p101"),
        hit("victim_many_suspects", "elsewhere", related=("p100",)),  # counts via related
        hit("multi_agency", "p999"),  # in no network
    ]


def test_hand_computed_scores(networks, hits) -> None:
    scores = {s.network_id: s for s in rank_networks(networks, hits, now="2026-11-28")}
    # N0002: size log(5)/log(51); 4 distinct indicators, weights 1 + 1 + 1 + 0.25 (being known
    # to several parties) -> 3.25 / 4; 4 parties -> 3/4; 57 days -> 0.5 ** (57/365).
    # No data: the phenomenon of the cases is unknown, 0.5. Component weights 1, 3, 2, 2, 2
    # (sum 10).
    s2 = scores["N0002"]
    ind = 3.25 / 4
    expected = (
        math.log(5) / math.log(51) + 3 * ind + 2 * 0.75 + 2 * 0.5 ** (57 / 365) + 2 * 0.5
    ) / 10
    assert s2.score == pytest.approx(expected)
    assert s2.components == pytest.approx({"size": math.log(5) / math.log(51), "indicators": ind,
                                           "parties": 0.75, "recency": 0.5 ** (57 / 365),
                                           "phenomenon": 0.5})  # fmt: skip
    assert s2.indicators == {"address_many_unrelated": 1, "shared_ad_contact": 1,
                             "multi_agency": 2, "victim_many_suspects": 1}  # fmt: skip
    # N0001: 21 members, no indicators, one party (0), newest fact two years old (0.25)
    s1 = scores["N0001"]
    assert s1.score == pytest.approx(
        (math.log(22) / math.log(51) + 2 * 0.5 ** (730 / 365) + 2 * 0.5) / 10
    )
    assert scores["N0003"].components["recency"] == 0.0


def test_order_and_rank(networks, hits) -> None:
    ranked = rank_networks(networks, hits, now="2026-11-28")
    assert [s.network_id for s in ranked] == ["N0002", "N0001", "N0003"]
    assert [s.rank for s in ranked] == [1, 2, 3]


def test_explanation_lines(networks, hits) -> None:
    top = rank_networks(networks, hits, now="2026-11-28")[0]
    assert top.explanation == [
        "4 members, of whom 2 persons",
        "4 indicators fired: Many unrelated persons at one address, Known to several parties "
        "(2x), One phone or e-mail in advertisements for several persons, Victim linked to "
        "several suspects",
        "4 parties involved: IND, ISZW, KMAR, POL",
        "latest fact 2026-10-02 (57 days before 2026-11-28)",
    ]
    last = rank_networks(networks, hits, now="2026-11-28")[-1]
    assert last.explanation[1:] == ["no indicators fired", "0 parties involved: -",
                                    "no dated facts"]  # fmt: skip


def test_dutch_explanation(networks, hits) -> None:
    top = rank_networks(networks, hits, now="2026-11-28", lang="nl")[0]
    assert top.explanation[0] == "4 leden, waarvan 2 personen"
    assert top.explanation[1].startswith("4 indicatoren afgegaan: ")
    assert top.explanation[2] == "4 partijen betrokken: IND, ISZW, KMAR, POL"


def test_weights_override_and_table(networks, hits) -> None:
    assert set(ranking_table()) == {"size", "indicators", "parties", "recency", "phenomenon"}
    only_size = rank_networks(networks, hits, now="2026-11-28",
                              weights={"indicators": 0, "parties": 0, "recency": 0,
                                       "phenomenon": 0})  # fmt: skip
    assert only_size[0].network_id == "N0001"
    with pytest.raises(InvalidThreshold):
        rank_networks(networks, hits, now="2026-11-28", weights={"charm": 1})
    with pytest.raises(InvalidThreshold):
        rank_networks(networks, hits, now="2026-11-28",
                      weights={"size": 0, "indicators": 0, "parties": 0, "recency": 0,
                               "phenomenon": 0})  # fmt: skip


def test_now_as_date_and_future_facts(networks) -> None:
    import datetime as dt

    [s] = rank_networks(networks[1:2], [], now=dt.date(2026, 10, 1))
    assert s.components["recency"] == 1.0  # a fact dated after `now` counts as fresh


@pytest.mark.parametrize(
    ("phenomena", "expected"),
    [
        (["labour", "labour"], 1.0),  # trafficking cases
        (["unknown", "unknown"], 0.0),  # ordinary crime: no exploitation registered
        (["smuggling", None], 0.25),  # a case without a phenomenon counts as unknown
        (["smuggling"], 0.5),  # one case is not yet a pattern
        ([], 0.5),  # no case at all: neither
    ],
)
def test_when_cases_are_ordinary_crime_then_the_phenomenon_component_is_low(
    phenomena: list[str | None], expected: float
) -> None:
    import pandas as pd

    from emm.graph.analysis.networks import Network

    cases = [f"c{i}" for i in range(len(phenomena))]
    net = Network("N0001", frozenset({"p1", "p2"}), frozenset({"p1", "p2"}), frozenset({"p1"}),
                  frozenset({"POL"}), "2026-10-02", 2, cases=frozenset(cases))  # fmt: skip
    nodes = pd.DataFrame(
        {"uid": ["p1", "p2", *cases], "label": ["Person", "Person"] + ["Signal"] * len(cases),
         "phenomenon": [None, None, *phenomena]}
    )  # fmt: skip
    edges = pd.DataFrame({"src": ["p1"], "dst": ["p2"], "type": ["FAMILY_OF"], "party": ["POL"],
                          "legal_basis": ["WPG-9"], "registered_at": ["2026-10-02"]})  # fmt: skip
    [score] = rank_networks([net], [], now="2026-11-28", data=(edges, nodes))
    assert score.components["phenomenon"] == expected
