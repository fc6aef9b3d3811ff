"""The fast subset mapping gives exactly ReportLab's bytes, call after call."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cchc_desktop.reports import fast_text, fonts


class _Doc:
    """Stands for a PDF document (ReportLab keys a font's subsets by document)."""


def test_fast_split_string_matches_reportlab_for_every_call() -> None:
    fonts.register_fonts()
    font = pdfmetrics.getFont(fonts.REGULAR)
    assert isinstance(font, TTFont)
    fast_text.speed_up(font)  # already done by register_fonts; must be harmless twice
    slow_doc, fast_doc = _Doc(), _Doc()
    samples = [
        "Cải cách hành chính",
        "Cải cách hành chính",  # all characters known: the fast path
        "cải\u00a0cách",  # no-break space is printed as a space
        "",
        "Quyết định số 6320/QĐ-UBND ngày 26/12/2019",
        "ỹ ỷ ỵ Ỹ Ỷ Ỵ ữ ử ự ừ ứ Ữ Ử Ự Ừ Ứ",
        "\u4e2d\u6587",  # characters the font lacks
        *(chr(c) * 3 + " tiếng Việt" for c in range(0x1EA0, 0x1EFA)),  # past subset 0
        "Tổng cộng ỹ Ự",
        "".join(chr(c) for c in range(0x0100, 0x0180)),  # Latin Extended-A
        "".join(chr(c) for c in range(0x0410, 0x0450)),  # Cyrillic: codes beyond 256
        "абв я",  # known characters of the second subset only
        "Ā а ỹ",
    ]
    for text in samples:
        expected = TTFont.splitString(font, text, slow_doc)
        assert font.splitString(text, fast_doc) == expected, text
    assert any(subset > 0 for subset, _ in TTFont.splitString(font, "я", slow_doc))
    assert font.state[fast_doc].assignments == font.state[slow_doc].assignments
