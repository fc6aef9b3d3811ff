"""PDF files with a text layer: lines of text and ruled tables, page by page (PDFium).

PDFium (pypdfium2) reads the page: the ruling lines of its tables come from the page's path
objects (forms and rotated pages included), and its characters come with their boxes. Which
ruling lines make which table and cells is pdfplumber's table finder, given those lines; each
character belongs to the cell (or the line outside the tables) where the centre of its box is.
The text outside the tables becomes one paragraph per printed line (the plan parser joins a
paragraph's wrapped lines). A table that goes on over the next page is joined to its first
part, without the repeated header row. Page numbers alone on a line at the top or bottom of a
page are left out. A PDF without any text (a scan) is refused with a message saying so: reading
text from images is not done here.
"""

from __future__ import annotations

import bisect
import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass
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
# PDFium's mark for a hyphen that ends a line, standing for both ("HĐND-" / "UBND")
_HYPHEN_BREAK = "\ufffe"
_SAME_LINE = 3.0  # points: runs whose tops differ by less stand on one printed line
_STRAIGHT = 1.0  # points: a segment this far off the horizontal (vertical) is still a ruling


def read_pdf(data: bytes, name: str) -> tuple[Block, ...]:
    """The blocks of a PDF file (see the module docstring).

    Raises:
        DocumentError: damaged or encrypted, more than :data:`MAX_PDF_PAGES` pages, or no text.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DocumentError(
                f"Tệp «{name}» là PDF có mật khẩu, không đọc được. Hãy mở bằng trình đọc PDF, bỏ "
                "mật khẩu (hoặc xin bản không khoá) rồi nhập lại."
            ) from exc
        raise DocumentError(
            f"Tệp «{name}» không mở được như tệp PDF: tệp bị hỏng hoặc không phải PDF."
        ) from exc
    try:
        count = len(pdf)
        if count > MAX_PDF_PAGES:
            raise DocumentError(
                f"Tệp «{name}» có {count} trang; chương trình chỉ nhận PDF đến "
                f"{MAX_PDF_PAGES} trang."
            )
        blocks: list[Block] = []
        any_text = False
        for number in range(count):
            try:
                page_blocks, has_text = _page_blocks(pdf, number)
            except pdfium.PdfiumError as exc:
                raise DocumentError(
                    f"Tệp «{name}» là PDF bị hỏng: không đọc được trang {number + 1}."
                ) from exc
            any_text = any_text or has_text
            blocks.extend(page_blocks)
    finally:
        pdf.close()
    if not any_text:
        raise DocumentError(
            f"Tệp «{name}» là PDF chụp (bản quét thành ảnh), không có lớp chữ nên không đọc được "
            "nội dung. Hãy xin tệp Word (.docx) hoặc PDF xuất từ Word của văn bản này, hoặc dùng "
            "phần mềm nhận dạng chữ (OCR) để chuyển thành văn bản rồi nhập lại."
        )
    return merge_continued_tables(blocks)


def _page_blocks(pdf: Any, number: int) -> tuple[list[Block], bool]:
    page = pdf[number]
    text = page.get_textpage()
    try:
        if text.count_chars() <= 0:
            return [], False
        height = page.get_height()
        tables = _find_tables(_ruling_edges(page, height), page.get_width(), height)
        cells, lines = _placed_text(_page_chars(text, height), tables)
        placed: list[tuple[float, Block]] = []
        for top, bottom, line in lines:
            lone_number = line.isdigit() and len(line) <= 3
            if lone_number and (top < _MARGIN or bottom > height - _MARGIN):
                continue
            placed.append((top, Paragraph(line)))
        for table in tables:
            rows = _table_rows(table, cells)
            if rows:
                placed.append((table.bbox[1], Table(drop_repeated_headers(rows))))
        placed.sort(key=lambda item: item[0])
        return [block for _top, block in placed], True
    finally:
        text.close()
        page.close()


# ------------------------------------------------------------------------------ ruling lines


@dataclass
class _Geometry:
    """What pdfplumber's table finder reads of a page: its ruling edges and its box."""

    edges: list[dict[str, Any]]
    bbox: tuple[float, float, float, float]


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any] | None:
    """A ruling in pdfplumber's form (top-down coordinates), or None for a slanted segment."""
    x0, x1 = min(x0, x1), max(x0, x1)
    top, bottom = min(top, bottom), max(top, bottom)
    width, height = x1 - x0, bottom - top
    if height <= _STRAIGHT:
        middle = (top + bottom) / 2
        return _edge_dict(x0, middle, x1, middle, "h")
    if width <= _STRAIGHT:
        middle = (x0 + x1) / 2
        return _edge_dict(middle, top, middle, bottom, "v")
    return None


def _edge_dict(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict[str, Any]:
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
    }


def _ruling_edges(page: Any, height: float) -> list[dict[str, Any]]:
    """Every straight horizontal or vertical segment the page draws, in top-down page
    coordinates: lines, and the sides of rectangles (Word draws some borders as thin filled
    bars, whose long sides are two close lines that the table finder snaps into one)."""
    import pypdfium2.raw as raw

    edges: list[dict[str, Any]] = []
    for x0, y0, x1, y1 in _segments(page.raw, raw):
        found = _edge(x0, height - y0, x1, height - y1)
        if found is not None:
            edges.append(found)
    return edges


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _segments(page_handle: Any, raw: Any) -> Iterator[tuple[float, float, float, float]]:
    count = raw.FPDFPage_CountObjects(page_handle)
    for index in range(count):
        yield from _object_segments(raw.FPDFPage_GetObject(page_handle, index), _IDENTITY, raw, 0)


def _object_segments(
    handle: Any, outer: tuple[float, ...], raw: Any, depth: int
) -> Iterator[tuple[float, float, float, float]]:
    kind = raw.FPDFPageObj_GetType(handle)
    if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM) or depth > 8:
        return
    matrix = raw.FS_MATRIX()
    own = (
        (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        if raw.FPDFPageObj_GetMatrix(handle, matrix)
        else _IDENTITY
    )
    placed = _compose(own, outer)
    if kind == raw.FPDF_PAGEOBJ_FORM:
        for index in range(raw.FPDFFormObj_CountObjects(handle)):
            child = raw.FPDFFormObj_GetObject(handle, index)
            yield from _object_segments(child, placed, raw, depth + 1)
        return
    yield from _path_segments(handle, placed, raw)


def _path_segments(
    handle: Any, matrix: tuple[float, ...], raw: Any
) -> Iterator[tuple[float, float, float, float]]:
    x, y = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] | None = None
    last: tuple[float, float] | None = None
    for index in range(raw.FPDFPath_CountSegments(handle)):
        segment = raw.FPDFPath_GetPathSegment(handle, index)
        if not raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            continue
        point = _apply(matrix, x.value, y.value)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO or last is None:
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO:
            yield (*last, *point)
        last = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None and start != point:
            yield (*point, *start)
            last = start


def _compose(first: tuple[float, ...], then: tuple[float, ...]) -> tuple[float, ...]:
    """The PDF matrix that applies `first`, then `then`."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _find_tables(edges: list[dict[str, Any]], width: float, height: float) -> list[Any]:
    from pdfplumber.table import TableFinder

    if not edges:
        return []
    return list(TableFinder(_Geometry(edges, (0.0, 0.0, width, height))).tables)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------- text


@dataclass(frozen=True)
class _Chars:
    """A page's characters in PDFium's reading order, with their boxes (top-down x0, top, x1,
    bottom). PDFium adds the spaces and line breaks it infers between words and lines."""

    text: str
    boxes: list[tuple[float, float, float, float]]


def _page_chars(text: Any, height: float) -> _Chars:
    import pypdfium2.raw as raw

    count = text.count_chars()
    handle = text.raw
    chars = str(text.get_text_range(0, count))
    if len(chars) != count:  # characters outside the Basic Multilingual Plane: one at a time
        chars = "".join(chr(raw.FPDFText_GetUnicode(handle, i) or 32) for i in range(count))
    chars = chars.replace("\x02", _HYPHEN_BREAK)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    boxes = []
    for index in range(count):
        raw.FPDFText_GetCharBox(
            handle, index, ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom),
            ctypes.byref(top),
        )  # fmt: skip
        boxes.append((left.value, height - top.value, right.value, height - bottom.value))
    return _Chars(chars, boxes)


def _joined(chars: _Chars, indices: list[int]) -> str:
    """The text of the characters at `indices` (in order): where characters in between were
    left out (a line break PDFium added, or another cell's text), a line break or a space
    stands instead."""
    out: list[str] = []
    previous = -1
    for index in indices:
        if previous >= 0 and index != previous + 1:
            between = chars.text[previous + 1 : index]
            out.append("\n" if "\n" in between or "\r" in between else " ")
        character = chars.text[index]
        out.append("-\n" if character == _HYPHEN_BREAK else character)
        previous = index
    return "".join(out).replace("\r\n", "\n").replace("\r", "\n")


class _CellIndex:
    """Which cell of a table a point falls in, by the grid of the table's row tops and column
    lefts (a merged cell covers several slots)."""

    def __init__(self, table: Any) -> None:
        cells = [c for row in table.rows for c in row.cells if c is not None]
        self.tops = sorted({c[1] for c in cells})
        self.lefts = sorted({c[0] for c in cells})
        self.bbox = table.bbox
        self.slots: dict[tuple[int, int], tuple[float, ...]] = {}
        for cell in cells:
            for r, top in enumerate(self.tops):
                if cell[1] <= top < cell[3]:
                    for c, left in enumerate(self.lefts):
                        if cell[0] <= left < cell[2]:
                            self.slots[(r, c)] = cell

    def cell_at(self, x: float, y: float) -> tuple[float, ...] | None:
        x0, top, x1, bottom = self.bbox
        if not (x0 <= x <= x1 and top <= y <= bottom):
            return None
        r = bisect.bisect_right(self.tops, y) - 1
        c = bisect.bisect_right(self.lefts, x) - 1
        cell = self.slots.get((r, c))
        if cell is None or not (cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]):
            return None
        return cell


def _placed_text(
    chars: _Chars, tables: list[Any]
) -> tuple[dict[tuple[float, ...], str], list[tuple[float, float, str]]]:
    """The text of each table cell (by its box), and (top, bottom, text) of each printed line
    outside the tables, top to bottom. A character belongs where the centre of its box is."""
    indexes = [_CellIndex(t) for t in tables]
    in_cells: dict[tuple[float, ...], list[int]] = {}
    outside: list[int] = []
    for index, (x0, top, x1, bottom) in enumerate(chars.boxes):
        x, y = (x0 + x1) / 2, (top + bottom) / 2
        cell = next((c for i in indexes if (c := i.cell_at(x, y)) is not None), None)
        if cell is not None:
            in_cells.setdefault(cell, []).append(index)
        elif any(i.bbox[0] <= x <= i.bbox[2] and i.bbox[1] <= y <= i.bbox[3] for i in indexes):
            continue  # on a ruling line or in a gap of the grid
        else:
            outside.append(index)
    cells = {cell: _joined(chars, indices) for cell, indices in in_cells.items()}
    return cells, _lines(chars, outside)


def _lines(chars: _Chars, indices: list[int]) -> list[tuple[float, float, str]]:
    """Printed lines: the runs PDFium separates with line breaks, then the runs that stand on
    one line of the page side by side (a letterhead's two columns, a row of a table without
    rulings) joined left to right, as a reader sees them."""
    runs: list[list[int]] = [[]]
    for index in indices:
        character = chars.text[index]
        if character in "\r\n":
            runs.append([])
        elif character == _HYPHEN_BREAK:  # a line ending in a hyphen: the hyphen ends it
            runs[-1].append(index)
            runs.append([])
        else:
            runs[-1].append(index)
    placed: list[tuple[float, float, float, str]] = []
    for run in runs:
        inked = [chars.boxes[i] for i in run if not chars.text[i].isspace()]
        printed = clean(_joined(chars, run).replace("-\n", "-").replace("\n", " "))
        if printed and inked:
            top, bottom = min(b[1] for b in inked), max(b[3] for b in inked)
            placed.append((top, bottom, min(b[0] for b in inked), printed))
    placed.sort(key=lambda item: item[0])
    lines: list[list[tuple[float, float, float, str]]] = []
    for item in placed:
        if lines and abs(item[0] - lines[-1][0][0]) <= _SAME_LINE:
            lines[-1].append(item)
        else:
            lines.append([item])
    found: list[tuple[float, float, str]] = []
    for line in lines:
        line.sort(key=lambda item: item[2])
        top, bottom = min(i[0] for i in line), max(i[1] for i in line)
        found.append((top, bottom, " ".join(i[3] for i in line)))
    return found


def _table_rows(table: Any, cells: dict[tuple[float, ...], str]) -> list[tuple[str, ...]]:
    """Rows of a found table; a cell merged down from the row above repeats its text, a cell
    merged across columns leaves the columns it covers empty."""
    geometry = table.rows
    grid: list[list[str]] = []
    for r, row in enumerate(geometry):
        values: list[str] = []
        for c, box in enumerate(row.cells):
            if box is not None:
                value = cells.get(tuple(box), "")
                values.append(clean(_BROKEN_AT_HYPHEN.sub("-", value).replace("\n", " ")))
                continue
            above = grid[-1][c] if grid and c < len(grid[-1]) else ""
            values.append(above if _merged_down(geometry, r, c) else "")
        grid.append(values)
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
