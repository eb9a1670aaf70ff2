"""A Unicode font for every PDF: DejaVu Sans, which matplotlib already ships.

ReportLab's built-in Helvetica has only Latin-1 glyphs, so names such as "Nguyễn Thị Hương",
"Łukasz Wróbel", "Ștefan Țărănescu", "Işıl Güneş", "Дмитрий Иванов" or "محمد" came out as
boxes. DejaVu Sans covers Latin Extended, Vietnamese, Cyrillic, Greek and Arabic letters and
is embedded (as a subset) in every PDF we write.

ReportLab neither joins Arabic letters nor lays out right-to-left text, so :func:`shape` does
both first (``arabic-reshaper`` for the joining forms, without ligatures DejaVu lacks;
``python-bidi`` for the visual order). Text extraction then gives the name back in Unicode
presentation forms, which NFKC normalisation turns into the letters as typed.

>>> shape("Jan de Vries")
'Jan de Vries'
>>> import unicodedata
>>> unicodedata.normalize("NFKC", shape("محمد"))[::-1]
'محمد'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"


def font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@cache
def register() -> str:
    """Register DejaVu Sans (regular, bold, oblique) with ReportLab; returns the regular name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in (REGULAR, BOLD, ITALIC, "DejaVuSans-BoldOblique"):
        pdfmetrics.registerFont(TTFont(name, str(font_dir() / f"{name}.ttf")))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, "DejaVuSans-BoldOblique")
    return REGULAR


def _has_rtl(text: str) -> bool:
    import unicodedata

    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def shape(text: str) -> str:
    """Text as ReportLab must draw it: Arabic joined and right-to-left runs in visual order."""
    if not _has_rtl(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    reshaper = arabic_reshaper.ArabicReshaper(configuration={"support_ligatures": False})
    return str(get_display(reshaper.reshape(text)))


def stylesheet() -> Any:
    """ReportLab's sample styles, every one in DejaVu Sans (bold for headings)."""
    from reportlab.lib.styles import getSampleStyleSheet

    register()
    styles = getSampleStyleSheet()
    for style in styles.byName.values():
        font = getattr(style, "fontName", "")
        if "Bold" in font:
            style.fontName = BOLD
        elif "Italic" in font or "Oblique" in font:
            style.fontName = ITALIC
        elif hasattr(style, "fontName"):
            style.fontName = REGULAR
    return styles
