"""Exceptions raised by :mod:`emm.graph.analysis`, split by what the caller does about them.

* :class:`InvalidFilter`, :class:`InvalidFrames`, :class:`UnknownMethod`,
  :class:`UnknownIndicator`, :class:`InvalidThreshold`: the request itself is wrong; fix the
  arguments (the app shows the message, the CLI exits with it).
* :class:`NodeNotFound`, :class:`InvalidMerge`: the request names nodes the graph does not hold
  (or not of the right kind); usually stale ids in the UI.
* :class:`IndicatorTableError`: the shipped ``indicators.yaml`` or ``ranking.yaml`` is broken;
  a programming error, not a user error.

All derive from :class:`AnalysisError`, and from the matching built-in (``ValueError`` or
``KeyError``) so generic handlers keep working.
"""

from __future__ import annotations

from emm.errors import EmmError

__all__ = [
    "AnalysisError",
    "IndicatorTableError",
    "InvalidFilter",
    "InvalidFrames",
    "InvalidMerge",
    "InvalidThreshold",
    "NodeNotFound",
    "UnknownIndicator",
    "UnknownMethod",
]


class AnalysisError(EmmError):
    """Base class of every error raised by the analysis package."""


class InvalidFilter(AnalysisError, ValueError):
    """A party, legal basis, relationship type or date in a filter is not valid."""


class InvalidFrames(AnalysisError, ValueError):
    """An edge or node table lacks a required column or cannot be read."""


class UnknownMethod(AnalysisError, ValueError):
    """An algorithm name (e.g. community detection ``method``) is not supported."""


class UnknownIndicator(AnalysisError, KeyError):
    """An indicator id is not in the indicator table."""


class InvalidThreshold(AnalysisError, ValueError):
    """A threshold override names an unknown threshold or has a non-numeric value."""


class NodeNotFound(AnalysisError, KeyError):
    """A node id (uid) given by the caller is not in the graph."""


class InvalidMerge(AnalysisError, ValueError):
    """A pair given to :func:`merge_confirmed` is not a pair of two Person nodes."""


class IndicatorTableError(AnalysisError, RuntimeError):
    """A rule table shipped with the package (``*.yaml``) is malformed."""
