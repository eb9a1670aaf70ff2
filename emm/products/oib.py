"""The operational intelligence picture (OIB, covenant art. 3): content, built from a subgraph.

:func:`build_oib` is pure: it takes the (already filtered) projection of the network and returns
an :class:`OibDocument` whose every fact points to its party, legal basis, source_ref and date.
:func:`make_oib` is the service the CLI and app call: read the network through the store,
build, render HTML/PDF/JSON, and register the product.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from emm.graph.analysis import brokers, communities, key_players, run_indicators
from emm.graph.analysis.indicators import indicator_table
from emm.graph.model import NO_FILTER, EdgeFilter
from emm.graph.projection import to_networkx
from emm.graph.schema import LEGAL_BASES, PARTIES
from emm.products.errors import ProductInputError
from emm.products.oib_parts import omissions, recurrences, statement

if TYPE_CHECKING:  # the guard imports the products; products only annotate it
    from emm.access.guarded import GuardedStore

HANDLING_NOTICE = (
    "Handling notice (covenant EMM art. 6.3): this picture contains personal data supplied by "
    "the parties to the EMM. The recipient may use it only for its own statutory task and may "
    "not provide it, or information from it, to third parties."
)
RETENTION_NOTICE = (
    "Retention (covenant art. 7.6): this OIB is kept for ten years from its handover to a party; "
    "personal data processed only to make it is removed at handover (art. 7.2)."
)
# Facts supplied under a regime other than the Wpg are marked in the document.
MARKED_BASES = {
    "AVG-6-VW-107-4": "IND — AVG art. 6(1)(e) / Vw art. 107(4)",
    "WJSG-39F-1A": "OM — Wjsg art. 39f(1)(a)",
    "WJSG-15-39G": "OM — Wjsg art. 15 jo. 39g",
}
_DATED_EDGES = {
    "CROSSED_BORDER": "border crossing",
    "PASSENGER_IN": "travelled as passenger",
    "PAYMENT": "payment",
    "PAID_FOR": "paid for",
    "STAYED_AT": "short stay",
    "DRIVES": "seen driving",
    "TRAVELLED_WITH": "travelled together",
    "CALLED": "telephone contact",
    "MET": "meeting or observation",
    "MEMBER_OF": "member of",
    "EMPLOYED_BY": "employed by",
    "INVOLVED_IN": "involved in",
}
# Facts whose date is their `since` (start of employment or membership), not `date`.
_SINCE_EDGES = ("MEMBER_OF", "EMPLOYED_BY")
_SHOWN_PROPS = (
    "birth_date",
    "nationality",
    "gender",
    "bsn",
    "number",
    "iban",
    "plate",
    "postcode",
    "city",
    "kvk",
    "phenomenon",
    "status",
    "doc_type",
    "country",
)


@dataclass
class OibDocument:
    product_id: str
    version: int
    title: str
    subject: str
    created_by: str
    created_at: str
    filter: dict[str, Any]
    summary: dict[str, Any]
    key_players: list[dict[str, Any]]
    communities: list[dict[str, Any]]
    brokers: list[dict[str, Any]]
    indicators: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    provenance: list[dict[str, Any]]
    handling_notice: str = HANDLING_NOTICE
    retention_notice: str = RETENTION_NOTICE
    truncated: bool = False
    picture_png: bytes | None = field(default=None, repr=False)
    # what a section shows of more (key players, members, evidence), and where all of it is
    omissions: list[dict[str, Any]] = field(default_factory=list)
    # the signed statement of completeness: what the document holds, what was left out, why
    statement: dict[str, Any] = field(default_factory=dict)
    # earlier OIBs whose subjects overlap this one's (covenant art. 7.6)
    recurring: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> str:
        data = asdict(self)
        data.pop("picture_png")
        return json.dumps(data, indent=2, ensure_ascii=False, default=str)

    @property
    def parties(self) -> list[str]:
        return sorted({p["party"] for p in self.provenance})

    @property
    def legal_bases(self) -> list[str]:
        return sorted({p["legal_basis"] for p in self.provenance})


EVIDENCE_SHOWN = 25  # per indicator row in HTML/PDF; the JSON keeps every source_ref


def _shorten(refs: list[str], n: int) -> str:
    shown = ", ".join(refs[:n])
    return shown + (f" … and {len(refs) - n} more (all in the JSON)" if len(refs) > n else "")


def _caption(G: nx.MultiDiGraph, uid: str) -> str:
    return str(G.nodes[uid].get("caption") or uid)


def _ref(data: dict[str, Any]) -> dict[str, Any]:
    basis = data.get("legal_basis", "")
    return {
        "source_ref": data.get("source_ref"),
        "party": data.get("party"),
        "legal_basis": basis,
        "registered_at": data.get("registered_at"),
        "marked": MARKED_BASES.get(basis, ""),
    }


def _number(x: Any) -> bool:
    try:
        return x is not None and float(x) == float(x)
    except (TypeError, ValueError):
        return False


def _counted(x: Any, what: str) -> str:
    return f", {int(float(x))} {what}" if _number(x) else ""


def _seconds(x: Any) -> str:
    return f", {int(float(x)) // 60} min" if _number(x) else ""


def timeline(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Dated events of a network: signals, investigations, roles in cases, crossings, travel,
    payments, stays, call records (``CALLED``: count and duration), meetings (``MET``: kind
    and weight), group membership and employment (from their ``since``)."""
    events: list[dict[str, Any]] = []
    for uid, data in G.nodes(data=True):
        if data.get("label") == "Signal" and data.get("reported_at"):
            parties = ", ".join(data.get("parties") or [])
            events.append(
                {
                    "date": data["reported_at"],
                    "what": "signal registered",
                    "detail": f"{data.get('caption')} [{parties}]",
                    "uid": uid,
                    "source_ref": None,
                }
            )
        if data.get("label") == "Investigation" and data.get("started_at"):
            events.append(
                {
                    "date": data["started_at"],
                    "what": "investigation started",
                    "detail": f"{data.get('caption')} {data.get('status', '')}".strip(),
                    "uid": uid,
                    "source_ref": None,
                }
            )
    for u, v, data in G.edges(data=True):
        type_ = data.get("type", "")
        kind = _DATED_EDGES.get(type_)
        when = data.get("since") if type_ in _SINCE_EDGES else data.get("date")
        if type_ == "INVOLVED_IN":  # the role in a case, dated by its registration
            when = data.get("registered_at")
        if not kind or not when:
            continue
        detail = f"{_caption(G, u)} → {_caption(G, v)}"
        if data.get("amount") is not None:
            detail += f" (€ {float(data['amount']):,.2f})"
        if type_ == "CALLED":
            detail += _counted(data.get("count"), "call(s)") + _seconds(data.get("duration"))
        if type_ == "MET":
            extra = [str(data[k]) for k in ("kind",) if data.get(k)]
            extra += [f"weight {data['weight']:g}"] if _number(data.get("weight")) else []
            detail += f" ({', '.join(extra)})" if extra else ""
        if type_ == "MEMBER_OF" and data.get("position"):
            detail += f" ({data['position']})"
        if type_ == "EMPLOYED_BY" and _number(data.get("wage")):
            detail += f" (wage {float(data['wage']):,.2f})"
        if type_ == "INVOLVED_IN" and data.get("role"):
            detail += f" ({data['role']})"
        events.append(
            {"date": str(when)[:10], "what": kind, "detail": detail, "uid": u, **_ref(data)}
        )
    return sorted(events, key=lambda e: (str(e["date"]), e["what"]))


def build_oib(
    G: nx.MultiDiGraph,
    *,
    product_id: str,
    title: str,
    subject: str,
    created_by: str,
    version: int = 1,
    flt: EdgeFilter = NO_FILTER,
    now: datetime | None = None,
    seed: int = 0,
    picture: bool = True,
    left_out: dict[str, Any] | None = None,
    earlier: Any = None,
) -> OibDocument:
    """Build the content of an OIB from the projection of one network.

    Nothing is dropped silently: every fact of ``G`` is in the provenance appendix and every
    indicator's evidence in the evidence appendix; where a section shows a part (the top key
    players, the first members of a community), ``omissions`` says how much and where the rest
    is; when ``G`` is a capped neighbourhood (``G.graph["truncated"]``), ``statement`` says so,
    with the counts in ``left_out`` (from :func:`make_oib`), signed by the creator with a digest
    of the facts the document holds. ``earlier`` (register entries) gives the recurring
    patterns of covenant art. 7.6.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The filtered network (see :func:`emm.graph.projection.to_networkx`).
    product_id, title, subject, created_by, version
        Register fields.
    flt : EdgeFilter
        The filter the network was read with, recorded in the document.
    seed : int
        Seed for community detection and the picture layout: same input, same document.
    left_out : dict, optional
        What a cap left out: ``{"entities", "facts", "cap", "counted_up_to"}``.
    earlier : iterable of Product or dict, optional
        Earlier register entries to compare the subjects with (recurring patterns).
    """
    created = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    players = key_players(G, top=15, seed=seed) if G.number_of_nodes() else []
    comms = communities(G, seed=seed) if G.number_of_edges() else []
    comm_rows = [
        {
            "id": i + 1,
            "size": len(c),
            "members": sorted((_caption(G, str(u)) for u in c), key=str.lower)[:25],
        }
        for i, c in enumerate(sorted(comms, key=len, reverse=True))
    ]
    broker_rows = brokers(G, comms, seed=seed)[:10] if len(comms) > 1 else []
    table = indicator_table()
    hits = run_indicators(G) if G.number_of_edges() else []
    indicator_rows = [
        {
            "indicator": h.indicator_id,
            "title": table[h.indicator_id].title("en"),
            "title_nl": table[h.indicator_id].title("nl"),
            "explanation": table[h.indicator_id].explanation("en"),
            "subject": _caption(G, h.subject) if h.subject in G else h.subject,
            "value": h.value,
            "threshold": h.threshold,
            "parties": list(h.parties),
            "evidence": list(h.evidence),
            "evidence_shown": _shorten(list(h.evidence), EVIDENCE_SHOWN),
            "related": [_caption(G, r) for r in h.related if r in G][:20],
        }
        for h in hits
    ]
    entities = [
        {
            "uid": uid,
            "label": d.get("label"),
            "caption": d.get("caption"),
            "parties": list(d.get("parties") or []),
            "details": {k: d[k] for k in _SHOWN_PROPS if d.get(k) not in (None, "")},
            # Where parties disagree, every value with who supplied it (never one "winner").
            "disputed": {
                prop: [f"{v} ({', '.join(ps)})" for v, ps in vals]
                for prop, vals in (d.get("sources") or {}).items()
                if len(vals) > 1
            },
        }
        for uid, d in sorted(
            G.nodes(data=True), key=lambda x: (x[1].get("label", ""), str(x[1].get("caption", "")))
        )
    ]
    provenance = sorted(
        (
            {
                "fact": f"{_caption(G, u)} —{d.get('type')}→ {_caption(G, v)}",
                "type": d.get("type"),
                "role": d.get("role", ""),
                **_ref(d),
            }
            for u, v, d in G.edges(data=True)
        ),
        key=lambda p: str(p["source_ref"]),
    )
    labels = Counter(d.get("label") for _, d in G.nodes(data=True))
    parties = Counter(p["party"] for p in provenance)
    summary = {
        "entities": G.number_of_nodes(),
        "facts": G.number_of_edges(),
        "persons": labels.get("Person", 0),
        "entities_per_type": dict(sorted(labels.items(), key=lambda kv: str(kv[0]))),
        "facts_per_party": {
            p: {"n": n, "name": PARTIES[p].name} for p, n in sorted(parties.items())
        },
        "legal_bases": {
            b: LEGAL_BASES[b].title for b in sorted({p["legal_basis"] for p in provenance})
        },
        "indicators_fired": sorted({str(h["indicator"]) for h in indicator_rows}),
        "communities": len(comm_rows),
        "period": [
            min((p["registered_at"] for p in provenance), default=None),
            max((p["registered_at"] for p in provenance), default=None),
        ],
    }
    doc = OibDocument(
        product_id=product_id,
        version=version,
        title=title,
        subject=subject,
        created_by=created_by,
        created_at=created,
        filter=flt.params(),
        summary=summary,
        key_players=players,
        communities=comm_rows,
        brokers=broker_rows,
        indicators=indicator_rows,
        timeline=timeline(G),
        entities=entities,
        provenance=provenance,
        truncated=bool(G.graph.get("truncated")),
    )
    doc.omissions = omissions(G, players, comms, hits)
    doc.statement = statement(doc, G, left_out or {})
    if earlier is not None:
        doc.recurring = recurrences(G, earlier, product_id)
    if picture:
        from emm.products.picture import network_png

        doc.picture_png = network_png(G, highlight=[p["uid"] for p in players[:5]], seed=seed)
    return doc


def make_oib(
    store: GuardedStore,
    seeds: list[str],
    *,
    out_dir: Path,
    created_by: str,
    title: str | None = None,
    hops: int = 2,
    flt: EdgeFilter = NO_FILTER,
    max_nodes: int = 400,
    revise: str | None = None,
    seed: int = 0,
    subject: str | None = None,
) -> tuple[OibDocument, list[Path]]:
    """Read the network around ``seeds``, build the OIB, write HTML/PDF/JSON, register it."""
    from emm.products.register import Product
    from emm.products.render import write_oib

    if not seeds:
        raise ProductInputError("an OIB needs at least one seed entity")
    store.require("create_oib")
    product_id, version = store.products.new_version("OIB", revise)
    sub = store.ego(seeds, flt, hops=hops, max_nodes=max_nodes)
    G = to_networkx(sub)
    left_out: dict[str, Any] = {"cap": max_nodes}
    if sub.truncated:  # count what the cap left out (bounded), so the OIB can say it
        bound = max_nodes * 25
        full = store.ego(seeds, flt, hops=hops, max_nodes=bound)
        left_out.update(
            entities=max(0, len(full.entities) - len(sub.entities)),
            facts=max(0, len(full.links) - len(sub.links)),
            counted_up_to=bound if full.truncated else None,
        )
    earlier = store.products.latest(limit=5000, type_="OIB")
    if subject is None:
        captions = [str(G.nodes[s].get("caption", s)) for s in seeds if s in G]
        shown = ", ".join(captions[:5]) + (
            f" and {len(captions) - 5} more" if len(captions) > 5 else ""
        )
        subject = f"network around {shown} ({hops} hops)"
    doc = build_oib(
        G,
        product_id=product_id,
        version=version,
        title=title or f"Operational intelligence picture {product_id}",
        subject=subject,
        created_by=created_by,
        flt=flt,
        seed=seed,
        left_out=left_out,
        earlier=earlier,
    )
    files = write_oib(doc, out_dir)
    store.products.register(
        Product(
            product_id=product_id,
            type="OIB",
            version=version,
            title=doc.title,
            created_by=created_by,
            created_at=doc.created_at,
            subject=subject,
            parties=doc.parties,
            legal_bases=doc.legal_bases,
            personal_data=True,
            entity_uids=sorted({m for e in sub.entities.values() for m in e.members}),
            files=[str(f) for f in files],
        )
    )
    return doc, files
