"""Attack (of sorts): the OIB PDF turned Vietnamese, Cyrillic and Arabic names into boxes.

Helvetica, ReportLab's default, has Latin-1 glyphs only. Now DejaVu Sans is embedded in every
PDF; the test checks the font in the file and that text extraction gives every name back.
"""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from emm.products.oib import OibDocument
from emm.products.render import oib_pdf

NAMES = {
    "Vietnamese": "Nguyễn Thị Hương",
    "Polish": "Łukasz Wróbel-Żółć",
    "Romanian": "Ștefan Țărănescu",
    "Turkish": "Işıl Güneş Öztürk",
    "Cyrillic": "Дмитрий Иванович",
    "Arabic": "محمد عبد الله",
}


def document() -> OibDocument:
    players = [
        {"rank": i + 1, "caption": name, "label": "Person", "degree": 1, "facts": 1,
         "betweenness": 0.0, "pagerank": 0.1}
        for i, name in enumerate(NAMES.values())
    ]  # fmt: skip
    return OibDocument(
        product_id="OIB-20261128-0001",
        version=1,
        title="Network around Nguyễn Thị Hương",
        subject="network (2 hops)",
        created_by="sen",
        created_at="2026-11-28T10:00:00+00:00",
        filter={},
        summary={
            "entities": len(NAMES),
            "persons": len(NAMES),
            "facts": 6,
            "period": ["2024-01-01", "2026-01-01"],
            "facts_per_party": {},
            "indicators_fired": [],
        },  # fmt: skip
        key_players=players,
        communities=[],
        brokers=[],
        indicators=[],
        timeline=[],
        entities=[
            {"label": "Person", "caption": n, "parties": ["POL"], "details": {}}
            for n in NAMES.values()
        ],
        provenance=[],
    )


@pytest.fixture(scope="module")
def pdf() -> PdfReader:
    return PdfReader(io.BytesIO(oib_pdf(document())))


def _fonts(reader: PdfReader) -> set[str]:
    found = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            found.add(str(font["/BaseFont"]))
            descendants = font.get("/DescendantFonts")
            for d in descendants or []:
                desc = d.get_object().get("/FontDescriptor")
                if desc is not None:
                    assert "/FontFile2" in desc.get_object(), "the font is embedded"
    return found


def test_dejavu_is_embedded_and_helvetica_is_not_used(pdf):
    fonts = _fonts(pdf)
    assert any("DejaVuSans" in f for f in fonts), fonts
    assert not any("Helvetica" in f for f in fonts), fonts


def _flat(text: str) -> str:
    # NFKC: Arabic is drawn in its joined (presentation) forms; these fold back to the letters
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("script", list(NAMES))
def test_text_extraction_gives_the_name_back(pdf, script):
    text = _flat("".join(page.extract_text() for page in pdf.pages))
    name = NAMES[script]
    assert _flat(name) in text
