"""The identity key of an Address: postcode, house number and addition."""

from __future__ import annotations

__all__ = ["node_key"]


def node_key(postcode: str, number: str, addition: str = "") -> str:
    """The node key of the Address with these (normalised) parts.

    >>> node_key("1234AB", "12", "A"), node_key("1234AB", "12")
    ('1234AB|12|A', '1234AB|12|')
    """
    return f"{postcode}|{number}|{addition}"
