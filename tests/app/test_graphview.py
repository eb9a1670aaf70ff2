"""The explorer's picture: offline HTML (no CDN), escaped data, legend; no database needed."""

from __future__ import annotations

import networkx as nx
import pytest

from emm.app.graphview import (
    PARTY_DASHES,
    build_network,
    external_refs,
    legend_html,
    to_html,
)


@pytest.fixture
def small() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node(
        "P1", label="Person", caption="Eva </script><img src=x onerror=alert(1)>", parties=["POL"]
    )
    G.add_node("T1", label="Phone", caption="+31612345678", parties=["POL", "KMAR"])
    G.add_node("A1", label="Address", caption="Dorpsstraat 1", parties=["ISZW"])
    G.add_edge(
        "P1",
        "T1",
        key="POL-1/L1",
        type="USES_PHONE",
        party="POL",
        legal_basis="WPG-10",
        registered_at="2024-01-01",
    )
    G.add_edge(
        "P1",
        "T1",
        key="KMAR-1/L1",
        type="USES_PHONE",
        party="KMAR",
        legal_basis="WPG-10",
        registered_at="2024-02-01",
    )
    G.add_edge("P1", "A1", key="ISZW-1/L1", type="LIVES_AT", party="ISZW", legal_basis="WPG-10")
    return G


def test_when_rendered_then_nothing_is_loaded_from_another_host(small):
    html = to_html(build_network(small))
    assert external_refs(html) == []
    assert "vis.Network" in html  # the library is inlined, not linked
    assert "https://" not in html.split("<script>")[0]


def test_external_refs_catches_cdn_links():
    html = '<script src="https://cdn.example/vis.js"></script><link href="//cdn/x.css">'
    assert len(external_refs(html)) == 2
    assert external_refs("<script>var a = 'http://www.w3.org/2000/svg';</script>") == []


def test_data_cannot_break_out_of_the_script(small):
    html = to_html(build_network(small))
    assert "</script><img" not in html
    assert "\\u003c/script\\u003e\\u003cimg" in html  # escaped inside the JSON


def test_every_fact_is_drawn_with_its_partys_line_style(small):
    net = build_network(small)
    by_id = {e["id"]: e for e in net.edges}
    assert len(by_id) == 3  # two parties' facts on the same pair stay two lines
    assert by_id["POL-1/L1"]["dashes"] == PARTY_DASHES["POL"]
    assert by_id["KMAR-1/L1"]["dashes"] == PARTY_DASHES["KMAR"]


def test_key_players_seeds_and_path_are_marked(small):
    net = build_network(small, key_players=["P1"], seeds=["A1"], path=["P1", "A1"])
    nodes = {n["id"]: n for n in net.nodes}
    assert nodes["P1"]["size"] > nodes["T1"]["size"]
    assert nodes["A1"]["shape"] == "square"
    edges = {e["id"]: e for e in net.edges}
    assert edges["ISZW-1/L1"]["width"] > edges["POL-1/L1"]["width"]


def test_colour_by_community(small):
    net = build_network(small, colour_by="community", communities=[{"P1", "T1"}, {"A1"}])
    nodes = {n["id"]: n for n in net.nodes}
    assert nodes["P1"]["color"]["background"] == nodes["T1"]["color"]["background"]
    assert nodes["P1"]["color"]["background"] != nodes["A1"]["color"]["background"]


def test_legend_names_types_and_parties_in_dutch():
    text = legend_html(["Person", "Phone"], ["POL", "KMAR"])
    assert "persoon" in text and "KMAR" in text and "streepjes" in text
    assert "Person" not in text


def test_titles_use_readable_labels(small):
    net = build_network(small)
    titles = " ".join(str(e["title"]) for e in net.edges)
    assert "gebruikt telefoon" in titles and "USES_PHONE" not in titles


def test_legend_escapes_labels():
    from emm.app.i18n import Translator

    class Hostile(Translator):
        def type(self, label: str, *, plural: bool = False) -> str:
            return "<img src=x onerror=alert(1)>"

    assert "<img" not in legend_html(["Person"], [], tr=Hostile("nl"))
