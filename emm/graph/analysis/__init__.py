"""Graph analysis for the EMM workbench: filter, measure, detect, flag, rank, resolve.

Everything works on the projection the store produces: a ``networkx.MultiDiGraph`` whose
nodes are uids with ``label``/``key``/``caption``/``parties`` and the entity fields, and whose
edges carry ``type``, ``party``, ``legal_basis``, ``source_ref``, ``registered_at``. Whole-graph
passes also accept the same data as an edge table and a node table (:func:`to_frames`).

Typical OIB flow::

    H = expand(G, seeds, hops=2, parties=["POL", "KMAR"])   # filter first, always
    players = key_players(H, top=10)
    comms = communities(H, seed=0)
    hits = run_indicators(H)
    nets = detect_networks(H, hits=hits)
    ranking = rank_networks(nets, hits, now="2026-11-28")
    leads = organisers(nets[0], H, top=3)    # likely organisers, with reasons

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
from emm.graph.analysis.organiser_scores import OrganiserScore, organiser_table, organisers
from emm.graph.analysis.ranking import NetworkScore, rank_networks, ranking_table
from emm.graph.analysis.same_person import Candidate, merge_confirmed, same_person_candidates
from emm.graph.analysis.subgraph import GraphFilter, edge_passes, expand, filter_graph
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
    "brokers",
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
    "pagerank",
    "rank_networks",
    "ranking_table",
    "run_indicators",
    "same_person_candidates",
    "to_frames",
    "weighted_simple_graph",
    "whole_graph_pass",
]
