"""Malformed and awkward party deliveries with their exact expected outcomes (see README.md)."""

from .cases import BY_NAME, CASES, Case, Entry, FileCount, Outcome, Prior, Stored, Sub

__all__ = ["BY_NAME", "CASES", "Case", "Entry", "FileCount", "Outcome", "Prior", "Stored", "Sub"]
