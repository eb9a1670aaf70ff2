"""The explorer's chart as GraphML, GEXF, FollowTheMoney JSON and i2 ANX: what is shown, each
fact with its provenance, the handling notice in the file, markup from data kept as text."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from emm.products import chart_formats as cf

NOTICE = "Verstrekkingsvoorwaarde: alleen voor de eigen wettelijke taak."
HEADER = {"exported_by": "analist1", "purpose": "zaak 2026-17", "exported_at": "2026-12-02"}


def example() -> cf.ChartExport:
    ents = [
        cf.ExportEntity("Person-a", "Person", "<img src=x> Eva", {"name": "Eva"}, ("POL",), (1, 2)),
        cf.ExportEntity("Phone-b", "Phone", "+31612345678", {}, ("POL", "ISZW"), (50, 0)),
        cf.ExportEntity("Address-c", "Address", "Markt 3, Ede", {}, ("ISZW",), None),
        cf.ExportEntity("IdentityDocument-d", "IdentityDocument", "NX12345", {}, ("KMAR",), None),
        cf.ExportEntity("Person-e", "Person", "Jan", {}, ("OM",), None),
    ]
    links = [
        cf.ExportLink("POL-1/L1", "USES_PHONE", "Person-a", "Phone-b", "POL", "WPG-10",
                      "2024-01-02", None),
        cf.ExportLink("ISZW-7/L3", "LIVES_AT", "Person-a", "Address-c", "ISZW", "AVG-6-VW-107-4",
                      "2024-02-01", "2023-12-31"),
        cf.ExportLink("KMAR-2/L9", "HAS_DOCUMENT", "Person-a", "IdentityDocument-d", "KMAR",
                      "WPG-13-2", "2024-03-05", None),
        cf.ExportLink("OM-5/L2", "FAMILY_OF", "Person-e", "Person-a", "OM", "WPG-15",
                      "2024-04-01", None),
    ]  # fmt: skip
    return cf.ChartExport(ents, links, {**HEADER, "notice": NOTICE})


@pytest.mark.parametrize("fmt", list(cf.FORMATS))
def test_every_format_carries_the_notice_and_every_facts_provenance(fmt):
    data = cf.FORMATS[fmt][0](example())
    text = data.decode("utf-16") if fmt == "anx" else data.decode("utf-8")
    assert NOTICE in text and "zaak 2026-17" in text and "analist1" in text
    for ref, party, basis in (
        ("POL-1/L1", "POL", "WPG-10"),
        ("ISZW-7/L3", "ISZW", "AVG-6-VW-107-4"),
        ("KMAR-2/L9", "KMAR", "WPG-13-2"),
        ("OM-5/L2", "OM", "WPG-15"),
    ):
        assert ref in text and party in text and basis in text, (fmt, ref)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_read_back_with_every_entity_fact_and_attribute(fmt):
    data = cf.FORMATS[fmt][0](example())
    read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    G = read(io.BytesIO(data))
    assert set(G.nodes) == {"Person-a", "Phone-b", "Address-c", "IdentityDocument-d", "Person-e"}
    assert G.number_of_edges() == 4
    label = G.nodes["Person-a"].get("label")
    assert label == "<img src=x> Eva"  # markup from data is text in the file, read back as such
    edge = next(d for *_, d in G.edges(data=True) if d.get("source_ref") == "OM-5/L2")
    assert (edge["party"], edge["legal_basis"], edge["registered_at"]) == (
        "OM",
        "WPG-15",
        "2024-04-01",
    )


def test_ftm_lines_use_ftm_schemata_and_say_facts_the_ftm_way_too():
    rows = [json.loads(line) for line in cf.to_ftm(example()).decode("utf-8").splitlines()]
    by_id = {r["id"]: r for r in rows}
    assert {r["schema"] for r in rows} <= {s for s, _, _ in cf.FTM_SCHEMATA.values()} | {
        "UnknownLink"
    }
    eva = by_id["Person-a"]["properties"]
    assert eva["phone"] == ["+31612345678"] and eva["addressEntity"] == ["Address-c"]
    assert by_id["IdentityDocument-d"]["properties"]["holder"] == ["Person-a"]
    assert "publisher" not in by_id["IdentityDocument-d"]["properties"]  # an Interval in FtM
    links = [r for r in rows if r["schema"] == "UnknownLink"]
    assert len(links) == 4  # every fact also as a link: nothing lost
    fam = by_id["OM-5/L2"]["properties"]
    assert fam["subject"] == ["Person-e"] and fam["object"] == ["Person-a"]
    assert fam["recordId"] == ["OM-5/L2"] and "WPG-15" in fam["summary"][0]
    assert all(isinstance(v, list) for r in rows for v in r["properties"].values())


def test_anx_is_utf16_xml_with_the_entities_and_links():
    data = cf.to_anx(example())
    assert data[:2] == b"\xff\xfe"
    root = ET.fromstring(data.decode("utf-16").split("?>", 1)[1])
    text = ET.tostring(root, encoding="unicode")
    for uid in ("Person-a", "Phone-b", "Address-c"):
        assert uid in text
    assert "&lt;img src=x&gt; Eva" in text  # escaped, never markup


def test_only_what_is_shown_is_exported():
    class E:
        def __init__(self, uid):
            self.uid = uid

    class L:
        def __init__(self, a, b):
            self.source, self.target = a, b

    shown, links = cf.visible(
        {"a": E("a"), "b": E("b"), "c": E("c")}, [L("a", "b"), L("b", "c")], {"c"}
    )
    assert [e.uid for e in shown] == ["a", "b"]
    assert [(x.source, x.target) for x in links] == [("a", "b")]
