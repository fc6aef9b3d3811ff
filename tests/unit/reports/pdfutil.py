"""Reading back generated PDFs with pypdf: text, page sizes, fonts, top-of-page text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

A4_PORTRAIT = (595.28, 841.89)
A4_LANDSCAPE = (841.89, 595.28)
BASE14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}
TOP_BAND = 20 * 72 / 25.4  # the top margin (20 mm), where page numbers go


def reader(path: Path) -> PdfReader:
    return PdfReader(str(path))


def page_texts(path: Path) -> list[str]:
    return [p.extract_text() or "" for p in reader(path).pages]


def flat(text: str) -> str:
    """Whitespace (including line breaks and no-break spaces) folded to single spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def all_text(path: Path) -> str:
    return flat(" ".join(page_texts(path)))


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in reader(path).pages
    ]


def _top_of(page: Any) -> str:
    height = float(page.mediabox.height)
    found: list[str] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y > height - TOP_BAND:
            found.append(text.strip())

    page.extract_text(visitor_text=visit)
    return " ".join(found)


def top_texts(path: Path) -> list[str]:
    """The text printed inside each page's top margin ("" when none)."""
    return [_top_of(page) for page in reader(path).pages]


def fonts_of(path: Path) -> list[tuple[str, bool]]:
    """(BaseFont, has an embedded TrueType program) for every font of every page."""
    result = []
    for page in reader(path).pages:
        resources = page.get("/Resources")
        assert resources is not None
        fonts = resources.get_object().get("/Font")
        assert fonts is not None, "a page without fonts"
        for ref in fonts.get_object().values():
            font: DictionaryObject = ref.get_object()
            base = str(font.get("/BaseFont", "")).lstrip("/")
            if font.get("/Subtype") == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            result.append((base, embedded))
    return result
