"""A gridded table that lays out and draws its own rows (the long appendix tables).

ReportLab's Table measures every cell again at each page break and draws each line as its own
text object; for 10,000 task rows that is most of the report's time. Here every body cell is
wrapped once to lines, each row's height is known once, a page break is a cut in a list, and a
page slice is drawn with one text object and one `lines()` call for the grid. The header rows
(Paragraphs, then the optional "(1) (2) …" row) are repeated on every page. A row taller than a
page is cut between its lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

PAD_LEFT = PAD_RIGHT = 3.0
PAD_TOP = 2.0
PAD_BOTTOM = 4.0
GRID_WIDTH = 0.5

# Word widths per (font, size): Vietnamese text is made of a few thousand short syllables, so
# nearly every width is a dictionary hit instead of a glyph-by-glyph sum.
WORD_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
WORD_CACHE_LIMIT = 200_000


def text_width(text: str, font: str, size: float) -> float:
    """The width of `text` in points, cached per (font, size)."""
    widths = WORD_WIDTHS.setdefault((font, size), {})
    w = widths.get(text)
    if w is None:
        if len(widths) > WORD_CACHE_LIMIT:
            widths.clear()
        w = widths[text] = pdfmetrics.stringWidth(text, font, size)
    return w


@dataclass(frozen=True)
class TextStyle:
    """Font of the plain-text rows: body rows and the column-number row."""

    font: str
    size: float
    leading: float
    bold_font: str = ""


@dataclass
class _Head:
    """The repeated header: Paragraph cells, then an optional row of plain labels."""

    cells: list[Paragraph]
    height: float  # of the Paragraph row
    numbers: list[str] | None
    number_style: TextStyle
    number_height: float
    forms: set[object] = field(default_factory=set)  # canvases holding the drawn header

    @property
    def total(self) -> float:
        return self.height + (self.number_height if self.numbers is not None else 0.0)


def _row_height(row: Sequence[Sequence[str]], leading: float) -> float:
    return max(max(len(cell), 1) for cell in row) * leading + PAD_TOP + PAD_BOTTOM


class RowTable(Flowable):
    """Rows of pre-wrapped lines under a repeated header; see the module note."""

    frame_height: float = 0.0  # set by ReportWriter.add; 0 = split only what cannot fit at all

    def __init__(
        self,
        widths: Sequence[float],
        aligns: Sequence[str],
        head: _Head,
        rows: list[list[list[str]]],
        heights: list[float],
        style: TextStyle,
        on_draw: Callable[[int], None] | None = None,
        bold: list[bool] | None = None,
    ) -> None:
        super().__init__()
        self.bold = bold if bold is not None else [False] * len(rows)
        self.widths = list(widths)
        self.aligns = list(aligns)
        self.head = head
        self.rows = rows
        self.heights = heights
        self.style = style
        self.on_draw = on_draw
        self.hAlign = "CENTER"
        self.width = sum(self.widths)
        self.height = head.total + sum(heights)

    @classmethod
    def build(
        cls,
        widths: Sequence[float],
        aligns: Sequence[str],
        headers: Sequence[Paragraph],
        numbers: Sequence[str] | None,
        rows: list[list[list[str]]],
        style: TextStyle,
        number_style: TextStyle,
        on_draw: Callable[[int], None] | None = None,
        bold: list[bool] | None = None,
    ) -> RowTable:
        """Measure the header once and every row once."""
        tallest = 0.0
        for cell, w in zip(headers, widths, strict=True):
            _, h = cell.wrap(w - PAD_LEFT - PAD_RIGHT, 1e9)
            tallest = max(tallest, h)
        head = _Head(
            cells=list(headers),
            height=tallest + PAD_TOP + PAD_BOTTOM,
            numbers=list(numbers) if numbers is not None else None,
            number_style=number_style,
            number_height=number_style.leading + PAD_TOP + PAD_BOTTOM,
        )
        leading = style.leading
        heights = [_row_height(row, leading) for row in rows]
        return cls(widths, aligns, head, rows, heights, style, on_draw, bold)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def _piece(
        self, rows: list[list[list[str]]], heights: list[float], bold: list[bool]
    ) -> RowTable:
        piece = RowTable(
            self.widths, self.aligns, self.head, rows, heights, self.style, self.on_draw, bold
        )
        piece.frame_height = self.frame_height
        return piece

    # -- layout
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        room = availHeight - self.head.total
        used = 0.0
        count = 0
        for h in self.heights:
            if used + h > room + 1e-6:
                break
            used += h
            count += 1
        if count == len(self.rows):
            return [self]
        if count:
            return [
                self._piece(self.rows[:count], self.heights[:count], self.bold[:count]),
                self._piece(self.rows[count:], self.heights[count:], self.bold[count:]),
            ]
        # Not even one row fits: wait for the next page unless the row could never fit.
        frame = self.frame_height or availHeight
        if not self.rows or self.head.total + self.heights[0] <= frame:
            return []
        if self.frame_height and availHeight < 0.9 * self.frame_height:
            return []
        lines = int((room - PAD_TOP - PAD_BOTTOM) // self.style.leading)
        if lines < 1:
            return []
        first = self.rows[0]
        top = [cell[:lines] for cell in first]
        rest = [cell[lines:] for cell in first]
        leading = self.style.leading
        return [
            self._piece([top], [_row_height(top, leading)], self.bold[:1]),
            self._piece(
                [rest, *self.rows[1:]],
                [_row_height(rest, leading), *self.heights[1:]],
                self.bold,
            ),
        ]

    # -- drawing
    def draw(self) -> None:
        canv = self.canv
        head = self.head
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        top = self.height
        # Header paragraphs, centred vertically in their row.
        inner_h = head.height - PAD_TOP - PAD_BOTTOM
        # Drawn once per document into a form, then placed on every page.
        name = f"rowtable-head-{id(head)}"
        if canv not in head.forms:
            canv.beginForm(name, 0, -head.height, self.width, 0)  # type: ignore[arg-type]
            for para, x in zip(head.cells, xs, strict=False):
                h = para.height
                para.drawOn(canv, x + PAD_LEFT, -PAD_TOP - (inner_h - h) / 2 - h)
            canv.endForm()
            head.forms.add(canv)
        canv.saveState()
        canv.translate(0, top)
        canv.doForm(name)
        canv.restoreState()
        y_rows = top - head.height
        text = canv.beginText()
        if head.numbers is not None:
            ns = head.number_style
            text.setFont(ns.font, ns.size, ns.leading)
            base = y_rows - PAD_TOP - ns.size
            for label, x, w in zip(head.numbers, xs, self.widths, strict=False):
                lw = text_width(label, ns.font, ns.size)
                text.setTextOrigin(x + (w + PAD_LEFT - PAD_RIGHT - lw) / 2, base)
                text.textOut(label)
            y_rows -= head.number_height
        st = self.style
        font, size, leading = st.font, st.size, st.leading
        text.setFont(font, size, leading)
        y = y_rows
        bounds = [y]
        in_bold = False
        for row, h, bold in zip(self.rows, self.heights, self.bold, strict=True):
            if bold != in_bold and st.bold_font:
                in_bold = bold
                font = st.bold_font if bold else st.font
                text.setFont(font, size, leading)
            base = y - PAD_TOP - size
            for cell, x, w, align in zip(row, xs, self.widths, self.aligns, strict=False):
                if not cell:
                    continue
                if align == "LEFT":
                    text.setTextOrigin(x + PAD_LEFT, base)
                    for line in cell:
                        text.textLine(line)
                    continue
                line_y = base
                for line in cell:
                    lw = text_width(line, font, size)
                    if align == "RIGHT":
                        lx = x + w - PAD_RIGHT - lw
                    else:
                        lx = x + (w + PAD_LEFT - PAD_RIGHT - lw) / 2
                    text.setTextOrigin(lx, line_y)
                    text.textOut(line)
                    line_y -= leading
            y -= h
            bounds.append(y)
        canv.setFillColor("black")
        canv.drawText(text)
        # The grid: one horizontal line per row boundary, one vertical line per column edge.
        right = xs[-1]
        segs = [(0.0, top, right, top), (0.0, top - head.height, right, top - head.height)]
        segs.extend((0.0, b, right, b) for b in bounds)
        segs.extend((x, top, x, bounds[-1]) for x in xs)
        canv.setStrokeColor("black")
        canv.setLineWidth(GRID_WIDTH)
        canv.setLineCap(1)  # round, as ReportLab's Table draws its GRID
        canv.lines(segs)
        if self.on_draw is not None:
            self.on_draw(len(self.rows))
