r"""Data is shown as text, never rendered: escaping for Markdown and for spreadsheet cells.

Streamlit renders Markdown in ``st.markdown``, ``st.caption``, ``st.info`` and friends, widget
labels, help texts and tab names: a name ``![x](http://host/beacon.png)`` in the data would make
the analyst's browser fetch that image, ``[here](http://...)`` or a bare ``http://...`` would be
a live link, and ``:red[...]`` or ``$...$`` would change the text. :func:`md` writes every ASCII
punctuation character as a numeric character reference (``&#58;`` for ``:``): the Markdown
parser shows it as that character, but no syntax (links, images, emphasis, HTML, directives)
can form. Streamlit's Markdown also turns bare ``http://...``, ``www.`` and e-mail addresses
into links *after* parsing (GFM autolink literals, on the decoded text: neither backslashes nor
character references stop that, seen in Chromium), so :func:`md` puts an invisible WORD JOINER
(U+2060) where such a link would start: before the ``:`` of a scheme, after ``www`` and before
``@``. The text looks the same; the exact value stays in the tables (``st.dataframe``), which
render no Markdown. Raw HTML is never enabled (``unsafe_allow_html`` is used nowhere).

:func:`cell` neutralises spreadsheet formulas (``=HYPERLINK(...)``) in cells of CSV downloads.

>>> md("![x](http://host/b.png)")
'&#33;&#91;x&#93;&#40;http\u2060&#58;&#47;&#47;host&#47;b&#46;png&#41;'
>>> md("Jan de Vries")
'Jan de Vries'
>>> import html; html.unescape(md("a@b.nl <i>")).replace(WORD_JOINER, "")
'a@b.nl <i>'
>>> cell('=HYPERLINK("http://x","y")'), cell("-12"), cell("Eva")
('\'=HYPERLINK("http://x","y")', "'-12", 'Eva')
"""

from __future__ import annotations

import re
import string
from typing import Any

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(?=:)|(?<=\bwww)(?=\.)|(?=@)")
WORD_JOINER = "\u2060"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def md(value: Any) -> str:
    """``value`` as Markdown that displays it literally (line breaks become spaces)."""
    text = "" if value is None else str(value)
    text = " ".join(text.split())  # no headings, lists or code blocks from line structure
    text = _AUTOLINK.sub(WORD_JOINER, text)
    return _PUNCTUATION.sub(lambda m: f"&#{ord(m.group(1))};", text)


def cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: formulas get a leading apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
