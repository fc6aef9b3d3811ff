"""PDF files with a text layer: lines of text and ruled tables, page by page (pdfplumber).

Each page's tables are found from their ruling lines; the text outside them becomes one
paragraph per printed line (the plan parser joins a paragraph's wrapped lines). A table that goes
on over the next page is joined to its first part, without the repeated header row. Page numbers
alone on a line at the top or bottom of a page are left out. A PDF without any text (a scan) is
refused with a message saying so: reading text from images is not done here.
"""

from __future__ import annotations

import io
import re
from typing import Any

from cchc_desktop.domain.text import clean
from cchc_desktop.errors import DocumentError
from cchc_desktop.importer.documents import (
    MAX_PDF_PAGES,
    Block,
    Paragraph,
    Table,
    drop_repeated_headers,
    merge_continued_tables,
)

__all__ = ["read_pdf"]

# a word broken after its hyphen at the end of a cell's line ("HĐND-" / "UBND") is one word
_BROKEN_AT_HYPHEN = re.compile(r"(?<=\w)-\n(?=\w)")
_MARGIN = 56.0  # points (2 cm): where a lone page number may stand


def read_pdf(data: bytes, name: str) -> tuple[Block, ...]:
    """The blocks of a PDF file (see the module docstring).

    Raises:
        DocumentError: damaged or encrypted, more than :data:`MAX_PDF_PAGES` pages, or no text.
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise DocumentError(
            f"Tệp «{name}» là PDF có mật khẩu, không đọc được. Hãy mở bằng trình đọc PDF, bỏ mật "
            "khẩu (hoặc xin bản không khoá) rồi nhập lại."
        ) from exc
    except (PdfminerException, PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise DocumentError(
                f"Tệp «{name}» là PDF có mật khẩu, không đọc được. Hãy xin bản không khoá rồi "
                "nhập lại."
            ) from exc
        raise DocumentError(
            f"Tệp «{name}» không mở được như tệp PDF: tệp bị hỏng hoặc không phải PDF."
        ) from exc
    with pdf:
        try:
            pages = pdf.pages
        except (PdfminerException, PDFSyntaxError, PSException, ValueError, KeyError) as exc:
            raise DocumentError(f"Tệp «{name}» là PDF bị hỏng: không đọc được các trang.") from exc
        if len(pages) > MAX_PDF_PAGES:
            raise DocumentError(
                f"Tệp «{name}» có {len(pages)} trang; chương trình chỉ nhận PDF đến "
                f"{MAX_PDF_PAGES} trang."
            )
        blocks: list[Block] = []
        any_text = False
        for page in pages:
            try:
                page_blocks, has_text = _page_blocks(page)
            except (PdfminerException, PSException, ValueError, KeyError, TypeError) as exc:
                raise DocumentError(
                    f"Tệp «{name}» là PDF bị hỏng: không đọc được trang {page.page_number}."
                ) from exc
            any_text = any_text or has_text
            blocks.extend(page_blocks)
            page.close()
    if not any_text:
        raise DocumentError(
            f"Tệp «{name}» là PDF chụp (bản quét thành ảnh), không có lớp chữ nên không đọc được "
            "nội dung. Hãy xin tệp Word (.docx) hoặc PDF xuất từ Word của văn bản này, hoặc dùng "
            "phần mềm nhận dạng chữ (OCR) để chuyển thành văn bản rồi nhập lại."
        )
    return merge_continued_tables(blocks)


def _page_blocks(page: Any) -> tuple[list[Block], bool]:
    if not page.chars:
        return [], False
    found = page.find_tables()
    boxes = [t.bbox for t in found]

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        mid_x = (obj["x0"] + obj["x1"]) / 2
        mid_y = (obj["top"] + obj["bottom"]) / 2
        return not any(
            x0 <= mid_x <= x1 and top <= mid_y <= bottom for x0, top, x1, bottom in boxes
        )

    placed: list[tuple[float, Block]] = []
    text_page = page.filter(outside) if boxes else page
    for line in text_page.extract_text_lines(return_chars=False):
        text = clean(line["text"])
        if not text:
            continue
        lone_number = text.isdigit() and len(text) <= 3
        if lone_number and (line["top"] < _MARGIN or line["bottom"] > page.height - _MARGIN):
            continue
        placed.append((line["top"], Paragraph(text)))
    for table in found:
        rows = _table_rows(table)
        if rows:
            placed.append((table.bbox[1], Table(drop_repeated_headers(rows))))
    placed.sort(key=lambda item: item[0])
    return [block for _top, block in placed], True


def _table_rows(table: Any) -> list[tuple[str, ...]]:
    """Rows of a found table; a cell merged down from the row above repeats its text, a cell
    merged across columns leaves the columns it covers empty."""
    extracted = table.extract()
    geometry = table.rows
    grid: list[list[str]] = []
    for r, row in enumerate(extracted):
        cells: list[str] = []
        for c, value in enumerate(row):
            if value is not None:
                cells.append(clean(_BROKEN_AT_HYPHEN.sub("-", value).replace("\n", " ")))
                continue
            above = grid[-1][c] if grid and c < len(grid[-1]) else ""
            cells.append(above if _merged_down(geometry, r, c) else "")
        grid.append(cells)
    return [tuple(r) for r in grid if any(r)]


def _merged_down(geometry: Any, r: int, c: int) -> bool:
    """True when the empty grid slot (r, c) lies under a cell of an earlier row."""
    if r == 0:
        return False
    row_cells = geometry[r].cells
    top = next((cell[1] for cell in row_cells if cell is not None), None)
    for k in range(r - 1, -1, -1):
        cell = geometry[k].cells[c] if c < len(geometry[k].cells) else None
        if cell is not None:
            return top is not None and cell[3] > top + 1
    return False
