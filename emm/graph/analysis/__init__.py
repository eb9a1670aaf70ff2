"""Graph analysis for the EMM workbench: filter, measure, detect, flag, rank, resolve.

Everything works on what the store produces: the edge and node tables of
``GraphStore.frames()`` (columns ``src, dst, type, party, legal_basis, source_ref,
registered_at`` plus the relationship fields; ``uid, label, key, caption, parties`` plus the
entity fields), or the projection ``networkx.MultiDiGraph`` with the same attributes. Signals
and investigations are context, not entities (:mod:`~emm.graph.analysis.context`); ties are
broken by identity keys, never by random uids. Rules are tables with their reasons:
``detection.yaml``, ``indicators.yaml``, ``organisers.yaml``, ``ranking.yaml``,
``minimum_wage.yaml``.

Typical OIB flow::

    H = expand(G, seeds, hops=2, parties=["POL", "KMAR"])   # filter first, always
    players = key_players(H, top=10)
    comms = communities(H, seed=0)
    hits = run_indicators(H)
    nets = detect_networks(H, hits=hits)
    ranking = rank_networks(nets, hits, now="2026-11-28")
    leads = organisers(nets[0], H, top=3)    # likely organisers, from roles, with reasons
    calls = call_ties(H)                      # who is in telephone contact with whom
    again = recurring(nets[0].persons, register_entries)   # earlier OIBs (art. 7.6)

Whole graph: ``whole_graph_pass(*to_frames(G_filtered))`` (igraph).
"""

from emm.graph.analysis.config import detection_table
from emm.graph.analysis.context import CONTEXT_LABELS, co_involvement
from emm.graph.analysis.exceptions import (
    AnalysisError,
    IndicatorTableError,
    InvalidFilter,
    InvalidFrames,
    InvalidMerge,
    InvalidThreshold,
    NodeNotFound,
    UnknownIndicator,
    UnknownMethod,
)
from emm.graph.analysis.frames import as_frames, canonical, encode, to_frames
from emm.graph.analysis.hubs import find_hubs, hub_evidence
from emm.graph.analysis.indicators import (
    Indicator,
    IndicatorHit,
    indicator_table,
    run_indicators,
)
from emm.graph.analysis.measures import (
    brokers,
    communities,
    components,
    eigenvector,
    key_players,
    pagerank,
    weighted_simple_graph,
)
from emm.graph.analysis.networks import Network, detect_networks, detection_explanation
from emm.graph.analysis.organiser_scores import (
    OrganiserScore,
    organiser_table,
    organisers,
    organisers_of,
)
from emm.graph.analysis.ranking import NetworkScore, rank_networks, ranking_table
from emm.graph.analysis.recurring import Recurrence, recurring
from emm.graph.analysis.same_person import Candidate, merge_confirmed, same_person_candidates
from emm.graph.analysis.subgraph import GraphFilter, edge_passes, expand, filter_graph
from emm.graph.analysis.telecom import call_ties
from emm.graph.analysis.wholegraph import WholeGraphResult, whole_graph_pass

__all__ = [
    "CONTEXT_LABELS",
    "AnalysisError",
    "Candidate",
    "GraphFilter",
    "Indicator",
    "IndicatorHit",
    "IndicatorTableError",
    "InvalidFilter",
    "InvalidFrames",
    "InvalidMerge",
    "InvalidThreshold",
    "Network",
    "NetworkScore",
    "NodeNotFound",
    "OrganiserScore",
    "UnknownIndicator",
    "UnknownMethod",
    "WholeGraphResult",
    "as_frames",
    "Recurrence",
    "brokers",
    "call_ties",
    "canonical",
    "co_involvement",
    "communities",
    "components",
    "detect_networks",
    "detection_explanation",
    "detection_table",
    "edge_passes",
    "eigenvector",
    "encode",
    "expand",
    "filter_graph",
    "find_hubs",
    "hub_evidence",
    "indicator_table",
    "key_players",
    "merge_confirmed",
    "organiser_table",
    "organisers",
    "organisers_of",
    "pagerank",
    "rank_networks",
    "recurring",
    "ranking_table",
    "run_indicators",
    "same_person_candidates",
    "to_frames",
    "weighted_simple_graph",
    "whole_graph_pass",
]
