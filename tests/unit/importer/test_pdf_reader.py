"""The PDF reader on PDFs drawn for each case: merged cells, a table over two pages, page
numbers, too many pages (a password, a form and a turned page: test_documents)."""

from __future__ import annotations

import io

import pytest

from cchc_desktop.errors import DocumentError
from cchc_desktop.importer.documents import MAX_PDF_PAGES, Paragraph, Table
from cchc_desktop.importer.pdf_reader import read_pdf

HEADER = ("STT", "Nhiệm vụ", "Chủ trì", "Thời gian")


def _font() -> str:
    from cchc_desktop.reports.fonts import REGULAR, register_fonts

    register_fonts()
    return REGULAR


def spanned_table_pdf() -> bytes:
    """Paragraphs, then a ruled table with a group row merged across, a cell merged down, and
    enough rows to go on over the next page (its header repeated); page numbers at the foot of
    each page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph as Para
    from reportlab.platypus import SimpleDocTemplate, TableStyle
    from reportlab.platypus import Table as Grid

    font = _font()
    body = ParagraphStyle("b", fontName=font, fontSize=11, leading=13)
    cell = ParagraphStyle("c", fontName=font, fontSize=9, leading=11)
    rows: list[list[object]] = [[Para(h, cell) for h in HEADER]]
    rows.append([Para("I. CẢI CÁCH THỂ CHẾ", cell), "", "", ""])
    rows.append(
        [
            Para("1", cell),
            Para("Rà soát văn bản", cell),
            Para("Phòng Tư pháp", cell),
            Para("Quý I", cell),
        ]
    )
    rows.append([Para("2", cell), Para("Kiểm tra văn bản", cell), "", Para("Quý II", cell)])
    for k in range(3, 60):
        rows.append(
            [
                Para(str(k), cell),
                Para(f"Việc số {k}", cell),
                Para("VP HĐND-UBND", cell),
                Para("Quý III", cell),
            ]
        )
    table = Grid(rows, colWidths=[1.2 * cm, 7 * cm, 3.2 * cm, 3 * cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("SPAN", (0, 1), (-1, 1)),
                ("SPAN", (2, 2), (2, 3)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )

    def page_number(canvas: object, doc: object) -> None:
        canvas.setFont(font, 10)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 1 * cm, str(doc.page))  # type: ignore[attr-defined]

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(
        [Para("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH", body), Para("Phụ lục 01", body), table],
        onFirstPage=page_number,
        onLaterPages=page_number,
    )
    return out.getvalue()


def test_merged_cells_a_continued_table_and_page_numbers() -> None:
    blocks = read_pdf(spanned_table_pdf(), "kh.pdf")
    assert blocks[:2] == (
        Paragraph("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH"),
        Paragraph("Phụ lục 01"),
    )
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1, "the part on the second page joins the first"
    rows = tables[0].rows
    assert rows[0] == HEADER
    assert HEADER not in rows[1:], "the repeated header row is dropped"
    assert rows[1] == ("I. CẢI CÁCH THỂ CHẾ", "", "", "")
    assert rows[2] == ("1", "Rà soát văn bản", "Phòng Tư pháp", "Quý I")
    assert rows[3] == ("2", "Kiểm tra văn bản", "Phòng Tư pháp", "Quý II")
    assert rows[4][2] == "VP HĐND-UBND"
    assert [r[0] for r in rows[2:]] == [str(k) for k in range(1, 60)]
    assert not any(isinstance(b, Paragraph) and b.text.isdigit() for b in blocks)


def test_too_many_pages_are_refused() -> None:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for _ in range(MAX_PDF_PAGES + 1):
        pdf.drawString(72, 700, "x")
        pdf.showPage()
    pdf.save()
    with pytest.raises(DocumentError, match=f"{MAX_PDF_PAGES + 1} trang.*đến {MAX_PDF_PAGES}"):
        read_pdf(out.getvalue(), "dai.pdf")
