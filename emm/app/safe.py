"""Data is shown as text, never rendered: escaping for Markdown and for spreadsheet cells.

Streamlit renders Markdown in ``st.markdown``, ``st.caption``, ``st.info`` and friends, widget
labels, help texts and tab names: a name ``![x](http://host/beacon.png)`` in the data would make
the analyst's browser fetch that image, ``[here](http://...)`` would be a live link, and
``:red[...]`` or ``$...$`` would change the text. :func:`md` escapes every ASCII punctuation
character (CommonMark lets each be escaped with a backslash), so the text reads exactly as
stored. Raw HTML is never enabled (``unsafe_allow_html`` is not used anywhere in the app).

:func:`cell` neutralises spreadsheet formulas (``=HYPERLINK(...)``) in cells of CSV downloads.

>>> md("![x](http://host/beacon.png)")
'\\\\!\\\\[x\\\\]\\\\(http\\\\:\\\\/\\\\/host\\\\/beacon\\\\.png\\\\)'
>>> md("Jan de Vries")
'Jan de Vries'
>>> cell('=HYPERLINK("http://x","y")'), cell("-12"), cell("Eva")
('\\'=HYPERLINK("http://x","y")', "'-12", 'Eva')
"""

from __future__ import annotations

import re
import string
from typing import Any

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def md(value: Any) -> str:
    """``value`` as Markdown that displays it literally (line breaks become spaces)."""
    text = "" if value is None else str(value)
    text = " ".join(text.split())  # no headings, lists or code blocks from line structure
    return _PUNCTUATION.sub(r"\\\1", text)


def cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: formulas get a leading apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
