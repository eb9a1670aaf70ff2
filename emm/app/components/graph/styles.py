"""How each entity type and party looks in the graph: colour, shape, icon, line pattern.

Icons are small SVG pictograms drawn here (white on the type's colour) and sent as ``data:``
URIs, so the browser fetches nothing. Shapes are the fallback for very large views, where
drawing thousands of images would slow the canvas down. Colours per type and line patterns
per party are the ones the documents use (:mod:`emm.products.picture`), so the explorer and
the OIB share one legend.

>>> style_for("Person").shape, style_for("Nonsense").shape
('dot', 'dot')
>>> icon_uri("Person").startswith("data:image/svg+xml,")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import quote

from emm.products.picture import LABEL_COLOURS

# Pictograms on a 24×24 grid, white, drawn over a coloured disc.
_GLYPHS: dict[str, str] = {
    "Person": '<circle cx="12" cy="8" r="3.6"/><path d="M5 19.5c0-4 3.1-6.5 7-6.5s7 2.5 7 6.5z"/>',
    "Address": '<path d="M12 4 4 11h2.5v8h4v-5h3v5h4v-8H20z"/>',
    "Phone": '<rect x="8" y="3.5" width="8" height="17" rx="1.6"/>'
    '<rect x="9.3" y="5.5" width="5.4" height="10" fill="#0003"/>',
    "Email": '<rect x="4" y="6.5" width="16" height="11" rx="1.2"/>'
    '<path d="m4.5 7.5 7.5 6 7.5-6" fill="none" stroke="#0005" stroke-width="1.4"/>',
    "Vehicle": '<path d="M5 15.5v-3l2-4.5h10l2 4.5v3z"/><circle cx="8" cy="16.5" r="1.8"/>'
    '<circle cx="16" cy="16.5" r="1.8"/>',
    "Company": '<path d="M6 20V5h8v4h4v11z"/><path d="M8 8h2v2H8zm0 4h2v2H8zm4-4h0" fill="#0004"/>',
    "BankAccount": '<path d="M12 3.5 4 8v1.5h16V8z"/>'
    '<path d="M6 11h2v6H6zm5 0h2v6h-2zm5 0h2v6h-2zM4 18h16v2H4z"/>',
    "IdentityDocument": '<rect x="3.5" y="6" width="17" height="12" rx="1.5"/>'
    '<circle cx="8.5" cy="11" r="2" fill="#0004"/>'
    '<path d="M12.5 10h5M12.5 13h5" stroke="#0004" stroke-width="1.3"/>',
    "Advertisement": '<path d="M4 10h3l8-4.5v13L7 14H4z"/><path d="M7.5 14.5 9 19h2l-1-4.5z"/>',
    "Signal": '<path d="M6 20V4h1.5v1H18l-2.5 4 2.5 4H7.5v7z"/>',
    "Investigation": '<circle cx="10.5" cy="10.5" r="5" fill="none" stroke="#fff" '
    'stroke-width="2.4"/><path d="m14 14 5 5" stroke="#fff" stroke-width="2.6"/>',
    "BorderPost": '<path d="M5 20V7h2v13zM7 9h13v3H7z"/>',
    "Group": '<circle cx="8" cy="9" r="2.6"/><circle cx="16" cy="9" r="2.6"/>'
    '<path d="M3 17c0-3 2.2-4.7 5-4.7s5 1.7 5 4.7zm8 0c0-3 2.2-4.7 5-4.7s5 1.7 5 4.7z"/>',
}
_SHAPES: dict[str, str] = {
    "Person": "dot",
    "Address": "square",
    "Phone": "triangle",
    "Email": "triangleDown",
    "Vehicle": "diamond",
    "Company": "hexagon",
    "BankAccount": "star",
    "IdentityDocument": "square",
    "Advertisement": "triangleDown",
    "Signal": "diamond",
    "Investigation": "star",
    "BorderPost": "hexagon",
    "Group": "dot",
}
COLOURS: dict[str, str] = {**LABEL_COLOURS, "Group": "#4b4b8f"}
DEFAULT_COLOUR = "#555555"

# Line pattern and colour per party (vis-network ``dashes``: False = solid, or [dash, gap...]).
PARTY_DASHES: dict[str, bool | list[int]] = {
    "POL": False,
    "KMAR": [10, 6],
    "ISZW": [10, 4, 2, 4],
    "IND": [2, 4],
    "OM": [1, 6],
}
PARTY_COLOURS: dict[str, str] = {
    "POL": "#1f3a93",
    "KMAR": "#b8860b",
    "ISZW": "#2e8b57",
    "IND": "#8b008b",
    "OM": "#5a5a5a",
}
COMMUNITY_COLOURS = (
    "#e6194b",
    "#3cb44b",
    "#4363d8",
    "#f58231",
    "#911eb4",
    "#42d4f4",
    "#f032e6",
    "#9a6324",
    "#469990",
    "#808000",
    "#000075",
    "#bfef45",
)
OTHER_COLOUR = "#bbbbbb"
PATH_COLOUR = "#ff0000"


@dataclass(frozen=True)
class TypeStyle:
    colour: str
    shape: str  # vis-network shape for views too large for icons
    icon: str  # data: URI of the pictogram


@cache
def icon_uri(label: str, colour: str | None = None) -> str:
    """The pictogram of an entity type as an SVG ``data:`` URI (no request leaves the page)."""
    fill = colour or COLOURS.get(label, DEFAULT_COLOUR)
    glyph = _GLYPHS.get(label, '<circle cx="12" cy="12" r="4"/>')
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24">'
        f'<circle cx="12" cy="12" r="11.5" fill="{fill}"/><g fill="#fff">{glyph}</g></svg>'
    )
    return "data:image/svg+xml," + quote(svg, safe=" =:/\"'")


def style_for(label: str) -> TypeStyle:
    colour = COLOURS.get(label, DEFAULT_COLOUR)
    return TypeStyle(colour, _SHAPES.get(label, "dot"), icon_uri(label))


def dash_name(party: str) -> str:
    """The pattern of a party's lines, for the legend.

    >>> dash_name("KMAR"), dash_name("POL"), dash_name("?")
    ('dashed', 'solid', 'solid')
    """
    names = {
        False: "solid",
        (10, 6): "dashed",
        (10, 4, 2, 4): "dash-dot",
        (2, 4): "dotted",
        (1, 6): "sparse",
    }
    d = PARTY_DASHES.get(party, False)
    return names.get(tuple(d) if isinstance(d, list) else d, "solid")
