"""The explorer's chart as a file for another tool: GraphML, GEXF, FollowTheMoney JSON, i2 ANX.

What is exported is what the analyst sees (the entities shown and the facts between them),
each fact with its provenance (party, legal basis, source reference, registration date) and
the file with a header: who exported it, for which purpose, when, and the handling notice of
covenant art. 6.3. Each format is a function of one :class:`ChartExport` to bytes; the app
audits every download (:meth:`emm.access.work.Work.record_chart_export`).

- **GraphML** and **GEXF** (networkx's writers): for Gephi, yEd, Cytoscape and networkx itself;
  graph attributes carry the header, node and edge attributes the rest.
- **FollowTheMoney JSON** (one entity per line, as ``ftm`` and Aleph read it): entity types map
  to schemata by :data:`FTM_SCHEMATA` (data, with the reason for each); every fact becomes an
  ``UnknownLink`` with the relationship as its role, and where FollowTheMoney has a property
  for it (an address, phone or e-mail address of a person, a document's holder) that too.
- **i2 ANX** (``anxwritter``): icons per entity type, links with their type, date and a card
  holding the provenance, positions as drawn; the header becomes the chart's summary card.

>>> ex = ChartExport(
...     entities=[ExportEntity("Person-1", "Person", "Eva", {"name": "Eva"}, ("POL",), (0, 0)),
...               ExportEntity("Phone-1", "Phone", "+31612345678", {}, ("POL",), (80, 0))],
...     links=[ExportLink("POL-1/L1", "USES_PHONE", "Person-1", "Phone-1", "POL", "WPG-10",
...                       "2024-01-02", None)],
...     header={"exported_by": "analyst", "purpose": "zaak 12", "exported_at": "2026-12-02",
...             "notice": "Alleen voor de eigen wettelijke taak."})
>>> b"zaak 12" in to_graphml(ex) and b"WPG-10" in to_gexf(ex)
True
>>> [line["schema"] for line in map(json.loads, to_ftm(ex).splitlines())]
['Person', 'UserAccount', 'UnknownLink']
>>> json.loads(to_ftm(ex).splitlines()[0])["properties"]["phone"]
['+31612345678']
>>> to_anx(ex)[:2] == b"\\xff\\xfe"  # UTF-16 with its byte order mark, as ANB reads it
True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from emm.products.errors import ProductInputError

#: Entity type -> (FollowTheMoney schema, the property that holds its caption, why). Schemata
#: of FtM's default model (followthemoney/schema/*.yaml); FtM has no phone or e-mail entity, so
#: those are user accounts named by the number or address (and also a property of the person).
FTM_SCHEMATA: dict[str, tuple[str, str, str]] = {
    "Person": ("Person", "name", "a natural person"),
    "Company": ("Company", "name", "a registered company"),
    "Group": ("Organization", "name", "a group the members of which are known"),
    "Address": ("Address", "full", "FtM's address entity; a person points to it by addressEntity"),
    "BorderPost": ("Address", "full", "a place: the border crossing point"),
    "BankAccount": ("BankAccount", "name", "an asset"),
    "Vehicle": ("Vehicle", "name", "an asset"),
    "IdentityDocument": ("Identification", "number", "a document with its holder"),
    "Phone": ("UserAccount", "name", "no FtM phone entity: an account named by the number"),
    "Email": ("UserAccount", "name", "no FtM e-mail entity: an account named by the address"),
    "Advertisement": ("Event", "name", "an advertisement appears at a date"),
    "Signal": ("Event", "name", "a signal is reported at a date"),
    "Investigation": ("Project", "name", "an investigation is an activity with participants"),
}
#: Relationship types that also become a property of the source (FtM's own way to say them);
#: the fact itself is exported as an UnknownLink in every case, so nothing is lost.
FTM_PROPERTIES: dict[str, str] = {
    "LIVES_AT": "addressEntity",
    "USES_PHONE": "phone",
    "USES_EMAIL": "email",
    "HAS_DOCUMENT": "holder",  # on the document: its holder
}


@dataclass(frozen=True)
class ExportEntity:
    uid: str
    type: str
    caption: str
    props: dict[str, Any] = field(repr=False)
    parties: tuple[str, ...] = ()
    position: tuple[float, float] | None = None


@dataclass(frozen=True)
class ExportLink:
    id: str  # the source reference of the fact
    type: str
    source: str
    target: str
    party: str
    legal_basis: str
    registered_at: str | None
    date: str | None


@dataclass(frozen=True)
class ChartExport:
    entities: Sequence[ExportEntity]
    links: Sequence[ExportLink]
    header: Mapping[str, str]  # exported_by, purpose, exported_at, notice (and any more)
    type_label: Callable[[str], str] = str  # readable names, in the user's language
    rel_label: Callable[[str], str] = str


def _text(value: Any) -> str:
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(_text(v) for v in value)
    return "" if value is None else str(value)


def _graph(ex: ChartExport) -> Any:
    import networkx as nx

    G = nx.MultiDiGraph()
    G.graph.update({k: _text(v) for k, v in ex.header.items()})
    for e in ex.entities:
        attrs: dict[str, str | float] = {
            f"prop_{k}": _text(v) for k, v in e.props.items() if v not in (None, "", [])
        }
        attrs.update(
            label=e.caption,
            type=e.type,
            type_label=ex.type_label(e.type),
            parties=", ".join(e.parties),
        )
        if e.position is not None:
            attrs.update(x=float(e.position[0]), y=float(e.position[1]))
        G.add_node(e.uid, **attrs)
    for link in ex.links:
        G.add_edge(
            link.source,
            link.target,
            key=link.id,
            type=link.type,
            label=ex.rel_label(link.type),
            party=link.party,
            legal_basis=link.legal_basis,
            source_ref=link.id,
            registered_at=link.registered_at or "",
            date=link.date or "",
        )
    return G


def to_graphml(ex: ChartExport) -> bytes:
    import networkx as nx

    return "\n".join(nx.generate_graphml(_graph(ex))).encode("utf-8")


def to_gexf(ex: ChartExport) -> bytes:
    import networkx as nx

    # GEXF has no graph attributes: the header goes into its <meta> description
    about = escape("; ".join(f"{k}: {_text(v)}" for k, v in ex.header.items()))
    text = "\n".join(nx.generate_gexf(_graph(ex)))
    text = text.replace("</meta>", f"<description>{about}</description></meta>", 1)
    return text.encode("utf-8")


def to_ftm(ex: ChartExport) -> bytes:
    """FollowTheMoney entities, one JSON object per line; FtM has no file header, so the
    handling notice, exporter and purpose travel in every entity's ``summary``."""
    summary = " · ".join(_text(ex.header.get(k)) for k in ("notice", "exported_by", "purpose"))
    caption = {e.uid: e.caption for e in ex.entities}
    out: dict[str, dict[str, Any]] = {}
    for e in ex.entities:
        schema, prop, _ = FTM_SCHEMATA.get(e.type, ("Event", "name", ""))
        props: dict[str, list[str]] = {prop: [e.caption], "summary": [summary]}
        if schema != "Identification":  # an Interval, not a Thing: no publisher
            props["publisher"] = list(e.parties)
        out[e.uid] = {"id": e.uid, "schema": schema, "properties": props}
    for link in ex.links:
        also = FTM_PROPERTIES.get(link.type)
        if also == "holder":
            out[link.target]["properties"].setdefault("holder", []).append(link.source)
        elif also == "addressEntity":
            out[link.source]["properties"].setdefault(also, []).append(link.target)
        elif also:
            out[link.source]["properties"].setdefault(also, []).append(caption[link.target])
        props = {
            "subject": [link.source],
            "object": [link.target],
            "role": [ex.rel_label(link.type)],
            "recordId": [link.id],
            "summary": [f"{link.party} · {link.legal_basis} · {summary}"],
        }
        if link.date or link.registered_at:
            props["date"] = [link.date or link.registered_at or ""]
        out[link.id] = {"id": link.id, "schema": "UnknownLink", "properties": props}
    lines = (json.dumps(v, ensure_ascii=False, sort_keys=True) for v in out.values())
    return "".join(line + "\n" for line in lines).encode("utf-8")


def to_anx(ex: ChartExport) -> bytes:
    """An i2 Analyst's Notebook exchange file (UTF-16, as ANB reads it)."""
    from anxwritter import ANXChart
    from anxwritter.errors import ANXValidationError
    from loguru import logger

    logger.disable("anxwritter")  # its messages may quote labels: nothing personal in logs
    chart = ANXChart()
    header = "; ".join(f"{k}: {_text(v)}" for k, v in ex.header.items())
    for e in ex.entities:
        x, y = e.position if e.position is not None else (None, None)
        chart.add_icon(
            id=e.uid,
            type=ex.type_label(e.type),
            label=e.caption,
            description=f"{ex.type_label(e.type)} · {', '.join(e.parties)}",
            x=None if x is None else int(x),
            y=None if y is None else int(y),
            source_ref=", ".join(e.parties),
        )
    for link in ex.links:
        chart.add_link(
            from_id=link.source,
            to_id=link.target,
            type=ex.rel_label(link.type),
            arrow="->",
            label=ex.rel_label(link.type),
            date=link.date or link.registered_at or None,
            description=f"{link.party} · {link.legal_basis} · {link.id}",
            source_ref=link.id,
            source_type=link.party,
        )
    chart.add_text_block(id="emm-header", type="EMM", label=header, description=header, x=0, y=-120)
    try:
        return b"".join(chart.iter_anx_bytes())
    except ANXValidationError as exc:  # its message quotes the chart's data: not passed on
        raise ProductInputError(
            f"the chart cannot be written as i2 ANX ({len(exc.errors)} problem(s))"
        ) from None


#: Format name -> (writer, file suffix, MIME type).
FORMATS: dict[str, tuple[Callable[[ChartExport], bytes], str, str]] = {
    "graphml": (to_graphml, "graphml", "application/graphml+xml"),
    "gexf": (to_gexf, "gexf", "application/gexf+xml"),
    "ftm": (to_ftm, "ftm.json", "application/json"),
    "anx": (to_anx, "anx", "application/octet-stream"),
}


def visible(
    entities: Mapping[str, Any], links: Iterable[Any], hidden: Iterable[str]
) -> tuple[list[Any], list[Any]]:
    """The entities shown and the facts between them (hidden ones and their facts left out)."""
    gone = set(hidden)
    shown = [e for uid, e in entities.items() if uid not in gone]
    keep = {e.uid for e in shown}
    return shown, [x for x in links if x.source in keep and x.target in keep]
