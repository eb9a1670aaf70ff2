"""The parts of an OIB that make it complete and comparable over time (issue 14).

* :func:`omissions`: sections that show a part (the top key players, the first members of a
  community, the first evidence refs of an indicator), with how much and where the rest is;
* :func:`statement`: the signed statement of completeness: what the document holds, what a
  cap left out (with counts) and why, signed by the creator with a digest of its facts;
* :func:`recurrences`: earlier OIBs whose subjects overlap this one (covenant art. 7.6).

Kept apart from :mod:`emm.products.oib` so that the OIB's other sections, which others edit,
and these parts do not get in each other's way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from emm.products.oib import OibDocument

__all__ = ["omissions", "recurrences", "statement"]


def _caption(G: nx.MultiDiGraph, uid: Any) -> str:
    return str(G.nodes[uid].get("caption") or uid)


def omissions(
    G: nx.MultiDiGraph, players: list[dict[str, Any]], comms: list[Any], hits: list[Any]
) -> list[dict[str, Any]]:
    """Sections that show a part, with how much and where the rest is."""
    from emm.products.oib import EVIDENCE_SHOWN  # per indicator row in HTML/PDF

    out: list[dict[str, Any]] = []
    ranked = sum(
        1 for _, d in G.nodes(data=True) if d.get("label") not in ("Signal", "Investigation")
    )
    if len(players) < ranked:
        out.append({"part": "key players", "shown": len(players), "total": ranked,
                    "where": "a ranking; every entity is in the entities section"})  # fmt: skip
    for i, c in enumerate(sorted(comms, key=len, reverse=True), start=1):
        if len(c) > 25:
            out.append({"part": f"community {i}", "shown": 25, "total": len(c),
                        "where": "every member is in the entities section"})  # fmt: skip
    for h in hits:
        if len(h.evidence) > EVIDENCE_SHOWN:
            out.append({"part": f"evidence of {h.indicator_id}", "shown": EVIDENCE_SHOWN,
                        "total": len(h.evidence), "where": "appendix B and the JSON"})  # fmt: skip
        if len(h.related) > 20:
            out.append({"part": f"entities related to {h.indicator_id}", "shown": 20,
                        "total": len(h.related), "where": "appendix B and the JSON"})  # fmt: skip
    return out


def statement(doc: OibDocument, G: nx.MultiDiGraph, left_out: dict[str, Any]) -> dict[str, Any]:
    """The signed statement of completeness (see :func:`build_oib`)."""
    import hashlib

    refs = sorted(str(p["source_ref"]) for p in doc.provenance)
    digest = hashlib.sha256("\n".join(refs).encode()).hexdigest()
    held = (
        f"This picture holds {G.number_of_nodes()} entities and {G.number_of_edges()} facts; "
        "every fact is listed with its party, legal basis and source in appendix A, and the "
        "evidence of every indicator in appendix B."
    )
    text = [held]
    counts: dict[str, Any] = {"entities": G.number_of_nodes(), "facts": G.number_of_edges()}
    if G.graph.get("truncated"):
        cap = left_out.get("cap")
        more_e, more_f = left_out.get("entities"), left_out.get("facts")
        if more_e is not None and more_f is not None:
            bound = left_out.get("counted_up_to")
            at_least = "at least " if bound else ""
            text.append(
                f"The neighbourhood is larger than the cap of {cap} entities: {at_least}"
                f"{more_e} entities and {at_least}{more_f} facts of it were left out"
                + (f" (counted up to {bound} entities)" if bound else "")
                + ". Key players, communities and indicators are computed on the part shown; "
                "make the picture with a higher cap or fewer hops to see the rest."
            )
            counts.update({"left_out_entities": more_e, "left_out_facts": more_f})
        else:
            text.append(
                f"The neighbourhood is larger than the cap{f' of {cap} entities' if cap else ''}; "
                "the entities and facts beyond it were not counted. Key players, communities "
                "and indicators are computed on the part shown."
            )
        counts["truncated"] = True
    for o in doc.omissions:
        text.append(f"{o['part']}: {o['shown']} of {o['total']} shown; {o['where']}.")
    return {
        "text": text,
        "counts": counts,
        "signed_by": doc.created_by,
        "signed_at": doc.created_at,
        "digest": f"sha256:{digest}",
        "digest_of": "the sorted source_refs of every fact in appendix A",
    }


def recurrences(G: nx.MultiDiGraph, earlier: Any, product_id: str) -> list[dict[str, Any]]:
    from emm.graph.analysis.recurring import recurring

    persons = [str(u) for u, d in G.nodes(data=True) if d.get("label") == "Person"]
    caption = {str(u): _caption(G, u) for u in G}
    out = []
    for r in recurring(persons, earlier, exclude=[product_id]):
        out.append(
            {
                "product_id": r.product_id,
                "version": r.version,
                "created_at": r.created_at,
                "handed_over_at": r.handed_over_at,
                "shared": [caption.get(u, u) for u in r.shared],
                "new": [caption.get(u, u) for u in r.new],
                "gone": list(r.gone),  # not in this picture: their names are not repeated
                "share": r.share,
                "explanation": r.explanation["en"],
                "explanation_nl": r.explanation["nl"],
            }
        )
    return out
