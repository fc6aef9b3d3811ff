"""The Decree 30/2020 page engine: page set-up, header block, signature, appendices, tables, output.

Layout rules and the ReportLab recipes are in the design note official-format.md (parts A and B).
All text passes through `markup()` (NFC, then XML-escaped) before it reaches a Paragraph; table
cells that need no styling are wrapped to plain strings, which is several times faster than a
Paragraph per cell.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import hashlib
import io
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from cchc_desktop import formatting
from cchc_desktop.domain.office import OfficeSettings
from cchc_desktop.domain.text import nfc
from cchc_desktop.errors import ReportError, os_reason
from cchc_desktop.reports import fonts
from cchc_desktop.reports.data import PageMargins
from cchc_desktop.reports.files import write_bytes_atomically
from cchc_desktop.reports.row_table import (
    WORD_CACHE_LIMIT,
    WORD_WIDTHS,
    RowTable,
    TextStyle,
)
from cchc_desktop.reports.styles import (
    CELL_LEADING,
    CELL_SIZE,
    PAGE_NUMBER_SIZE,
    Styles,
    get_styles,
)

Progress = Callable[[int], None]
Cancelled = Callable[[], bool]

CANCELLED_MESSAGE = "Đã huỷ tạo báo cáo."
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
CLOSING = "./."
RULE_THICKNESS = 0.6
SIGNATURE_SPACE = 28 * mm  # room for the hand signature and seal (A4: 25–30 mm is usual)
PORTRAIT = "P"
LANDSCAPE = "L"


def markup(text: str) -> str:
    """NFC-normalise and XML-escape `text` for Paragraph markup."""
    return escape(nfc(text))


def lines_markup(text: str) -> str:
    """Like `markup`, keeping the text's own line breaks."""
    return "<br/>".join(markup(line) for line in nfc(text).splitlines())


# ---------------------------------------------------------------------------- page set-up


@dataclass(frozen=True, slots=True)
class ReportResult:
    """What a report build produced."""

    path: Path
    pages: int
    sha256: str
    size: int  # bytes
    font: str  # "Times New Roman" or "Liberation Serif"


class _BuildState:
    """Progress of one build; reached from flowables through a context variable."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None, total: int):
        self.progress = progress
        self.cancelled = cancelled
        self.total = max(total, 1)
        self.flowables_done = 0
        self.rows_drawn = 0
        self.pages = 0
        self.percent = -1

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ReportError(CANCELLED_MESSAGE)

    def report(self) -> None:
        if self.progress is None:
            return
        # 99 at most until the file is written; 100 is reported by the writer at the very end.
        percent = min(99, (self.flowables_done + self.rows_drawn) * 100 // self.total)
        if percent > self.percent:
            self.percent = percent
            self.progress(percent)


# Binary (zlib only) content streams: ASCII85 on top makes files 25 % larger and costs a fifth of
# the build time; nothing here needs 7-bit clean PDFs.
rl_config.useA85 = 0

_state: contextvars.ContextVar[_BuildState | None] = contextvars.ContextVar(
    "cchc_report_build", default=None
)

_SECTION_ATTR = "_cchc_section_start"


class SectionStart(Flowable):
    """Zero-size marker: page numbering restarts on the page where this is drawn."""

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        setattr(self.canv, _SECTION_ATTR, self.canv.getPageNumber())


class Rule(Flowable):
    """A solid horizontal rule of fixed length, centred in the available width."""

    def __init__(self, length: float, *, before: float = 0.0, after: float = 0.0) -> None:
        super().__init__()
        self.length = length
        self.before = before
        self.after = after
        self._avail = length

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._avail = aw
        return aw, self.before + self.after + RULE_THICKNESS

    def draw(self) -> None:
        x0 = (self._avail - self.length) / 2
        y = self.after + RULE_THICKNESS / 2
        self.canv.setLineWidth(RULE_THICKNESS)
        self.canv.line(x0, y, x0 + self.length, y)


def rule_under(size: float, leading: float, length: float) -> Rule:
    """A rule under a paragraph, 0.45 em below the last baseline, clear of the dấu nặng dot.

    ReportLab sets a paragraph's last baseline `leading - size` above the bottom of its box
    (rl_config.paraFontSizeHeightOffset), so the gap below the box makes up the rest.
    """
    gap = max(1.0, 0.45 * size - (leading - size))
    return Rule(length, before=gap, after=2.0)


def data_rows(table: Flowable) -> int:
    """Body rows of a data table (below its repeated header rows)."""
    return table.row_count if isinstance(table, RowTable) else 0


def _rows_drawn(count: int) -> None:
    state = _state.get()
    if state is not None:
        state.rows_drawn += count
        state.report()


def _page_end(canv: Canvas, doc: BaseDocTemplate) -> None:
    """Page number at the top centre, from the second page of each section (ND30 PL-I §I)."""
    start = getattr(canv, _SECTION_ATTR, 1)
    n = canv.getPageNumber() - start + 1
    if n > 1:
        width, height = doc.pageTemplate.pagesize
        centre = doc.leftMargin + (width - doc.leftMargin - doc.rightMargin) / 2
        canv.setFont(fonts.REGULAR, PAGE_NUMBER_SIZE)
        canv.drawCentredString(centre, height - 12 * mm, str(n))
    state = _state.get()
    if state is not None:
        state.pages = canv.getPageNumber()
        state.check()
        state.report()


# ---------------------------------------------------------------------------- building blocks


def number_line(number: int | str | None, symbol: str, *, blank: bool = False) -> str:
    """ "Số: 05/BC-UBND"; a full "6320/QĐ-UBND" string is printed as given; blank leaves room."""
    if blank or number is None or number == "":
        return f"Số:{formatting.BLANK}/{symbol}"
    if isinstance(number, int):
        return f"Số: {formatting.document_number(number)}/{symbol}"
    text = nfc(number).strip()
    if "/" in text:
        return f"Số: {text}"
    if text.isdigit():
        return f"Số: {formatting.document_number(int(text))}/{symbol}"
    return f"Số: {text}/{symbol}"


def date_line(
    place: str, date: dt.date | None, *, blank: bool = False, year: int | None = None
) -> str:
    """The place and date line (ô 4); blank or missing dates leave day and month empty."""
    if blank or date is None:
        return formatting.place_date_line(place, None, year=year)
    return formatting.place_date_line(place, date)


def layout_style(
    font_size: float, *, bottom: float = 0, extra: Sequence[tuple[Any, ...]] = ()
) -> TableStyle:
    """The style of a borderless table that only places text (letterhead, addressees,
    signature): regular font, top-aligned, no padding but `bottom` under each row."""
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, font_size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
            *extra,
        ]
    )


def letterhead(
    office: OfficeSettings,
    width: float,
    *,
    number_text: str | None,
    date_text: str | None,
    styles: Styles | None = None,
) -> Table:
    """The header block: agencies (ô 2) and national title/motto (ô 1), then ô 3 and ô 4.

    A borderless 2-column table, 40 % / 60 % of the text width (official-format.md A6).
    """
    st = styles or get_styles()
    left_w, right_w = width * 0.4, width * 0.6
    left: list[Flowable] = []
    if office.superior_agency:
        left.append(Paragraph(markup(office.superior_agency.upper()), st.superior))
    issuing_lines = [line.upper() for line in office.issuing_agency.splitlines()]
    left.append(Paragraph("<br/>".join(markup(x) for x in issuing_lines), st.issuing))
    longest = max(
        (
            pdfmetrics.stringWidth(x, st.issuing.fontName, st.issuing.fontSize)
            for x in issuing_lines
        ),
        default=0.0,
    )
    # ND30: a rule 1/3–1/2 as long as the agency name line.
    left.append(rule_under(st.issuing.fontSize, st.issuing.leading, 0.4 * min(longest, left_w)))
    motto_w = pdfmetrics.stringWidth(MOTTO, st.motto.fontName, st.motto.fontSize)
    right: list[Flowable] = [
        Paragraph(markup(NATIONAL_TITLE), st.national_title),
        Paragraph(markup(MOTTO), st.motto),
        rule_under(st.motto.fontSize, st.motto.leading, motto_w),
    ]
    rows: list[list[Any]] = [[left, right]]
    if number_text is not None or date_text is not None:
        rows.append(
            [
                Paragraph(markup(number_text or ""), st.number),
                Paragraph(markup(date_text or ""), st.place_date),
            ]
        )
    table = Table(rows, colWidths=[left_w, right_w], hAlign="CENTER")
    table.setStyle(layout_style(12, extra=[("TOPPADDING", (0, 1), (-1, 1), 4)]))
    return table


def title_block(
    type_title: str,
    summary: str,
    *,
    subtitle: str | None = None,
    width: float,
    styles: Styles | None = None,
) -> list[Flowable]:
    """Document type (ô 5a) and summary in bold, centred, with a short rule under them."""
    st = styles or get_styles()
    out: list[Flowable] = [Paragraph(markup(type_title), st.doc_type)]
    summary = nfc(summary).strip()
    rule_font, rule_size, rule_leading = (
        st.doc_type.fontName,
        st.doc_type.fontSize,
        st.doc_type.leading,
    )
    line_w = pdfmetrics.stringWidth(type_title, rule_font, rule_size)
    if summary:
        out.append(Paragraph(lines_markup(summary), st.summary))
        rule_font, rule_size, rule_leading = (
            st.summary.fontName,
            st.summary.fontSize,
            st.summary.leading,
        )
        line_w = min(
            width,
            max(pdfmetrics.stringWidth(x, rule_font, rule_size) for x in summary.splitlines()),
        )
    if subtitle:
        out.append(Paragraph(markup(subtitle), st.subtitle))
        rule_font, rule_size, rule_leading = (
            st.subtitle.fontName,
            st.subtitle.fontSize,
            st.subtitle.leading,
        )
    rule = rule_under(rule_size, rule_leading, max(0.4 * line_w, 25 * mm))
    rule.after = 10.0
    out.append(rule)
    return out


def addressees_block(
    addressees: Sequence[str], width: float, styles: Styles | None = None
) -> Table:
    """ "Kính gửi: …" (ô 9a); several addressees go one per line with "-", ending ";" then "."."""
    st = styles or get_styles()
    items = [nfc(a).strip().rstrip(";.") for a in addressees if a.strip()]
    cells: list[list[Any]]
    if len(items) == 1:
        cells = [
            [Paragraph("Kính gửi:", st.addressee), Paragraph(markup(items[0] + "."), st.addressee)]
        ]
    else:
        texts = [f"- {a};" for a in items[:-1]] + [f"- {items[-1]}."]
        cells = [
            [
                Paragraph("Kính gửi:", st.addressee),
                [Paragraph(markup(t), st.addressee) for t in texts],
            ]
        ]
    label_w = pdfmetrics.stringWidth("Kính gửi: ", st.addressee.fontName, st.addressee.fontSize)
    table = Table(cells, colWidths=[label_w + 2, width * 0.6], hAlign="CENTER")
    table.setStyle(layout_style(14, bottom=8))
    return table


def signature_block(
    authority: Sequence[str],
    signer_name: str,
    recipients: Sequence[str],
    width: float,
    *,
    styles: Styles | None = None,
) -> Table:
    """Return "Nơi nhận" (ô 9b) left; authority lines, signing space and name (ô 7) right."""
    st = styles or get_styles()
    left: list[Flowable] = []
    lines = [nfc(r).strip() for r in recipients if r.strip()]
    if lines:
        left.append(Paragraph("Nơi nhận:", st.recipients_label))
        for line in lines:
            text = line if line.startswith("-") else f"- {line}"
            left.append(Paragraph(markup(text), st.recipient))
    right: list[Flowable] = [Paragraph(markup(a.upper()), st.authority) for a in authority]
    right.append(Spacer(1, SIGNATURE_SPACE))
    right.append(Paragraph(markup(signer_name), st.signer))
    table = Table([[left or "", right]], colWidths=[width * 0.4, width * 0.6])
    table.setStyle(layout_style(12))
    return table


def appendix_heading(
    label: str,
    titles: Sequence[str],
    reference: str | None,
    *,
    styles: Styles | None = None,
) -> list[Flowable]:
    """ "Phụ lục …", its title lines (bold, centred), the italic reference line and a short rule."""
    st = styles or get_styles()
    out: list[Flowable] = [Paragraph(markup(label), st.appendix_label)]
    out.extend(Paragraph(markup(t), st.appendix_title) for t in titles if t.strip())
    last = st.appendix_title
    if reference:
        out.append(Paragraph(markup(reference), st.appendix_ref))
        last = st.appendix_ref
    rule = rule_under(last.fontSize, last.leading, 50 * mm)
    rule.after = 8.0
    out.append(rule)
    return out


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a data table; `width` in millimetres; `align` LEFT, CENTER or RIGHT."""

    header: str
    width: float
    align: str = "LEFT"


NUMBER_COLUMN = Column("STT", 12, "CENTER")  # the running number every table starts with
TASK_REF_COLUMN = Column("Phụ lục/ Nhiệm vụ", 25, "CENTER")  # "2.5": appendix 2, task 5

_CELL_PAD = 3.0


def wrap_cell(text: str, width: float, font: str = fonts.REGULAR, size: float = CELL_SIZE) -> str:
    """Wrap `text` to lines at most `width` points wide (plain-string cell; keeps line breaks).

    A word wider than the column (a long link or code) is cut between characters, so it never
    spills into the next cell.
    """
    text = nfc(text).strip()
    if not text:
        return ""
    widths = WORD_WIDTHS.setdefault((font, size), {})  # shared with the row table
    if len(widths) > WORD_CACHE_LIMIT:
        widths.clear()
    space = widths.get(" ")
    if space is None:
        space = widths[" "] = pdfmetrics.stringWidth(" ", font, size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = -space
        for word in paragraph.split():
            w = widths.get(word)
            if w is None:
                w = widths[word] = pdfmetrics.stringWidth(word, font, size)
            if w > width:
                if line:
                    lines.append(" ".join(line))
                pieces = _cut_word(word, width, font, size)
                lines.extend(pieces[:-1])
                line = [pieces[-1]]
                used = pdfmetrics.stringWidth(pieces[-1], font, size)
            elif line and used + space + w > width:
                lines.append(" ".join(line))
                line = [word]
                used = w
            else:
                line.append(word)
                used += space + w
        if line:
            lines.append(" ".join(line))
    return "\n".join(lines)


def _cut_word(word: str, width: float, font: str, size: float) -> list[str]:
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and pdfmetrics.stringWidth(current + ch, font, size) > width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    pieces.append(current)
    return pieces


def data_table(
    columns: Sequence[Column],
    rows: Iterable[Sequence[str]],
    *,
    number_row: bool = True,
    styles: Styles | None = None,
    check: Callable[[], None] | None = None,
    bold_last: bool = False,
) -> RowTable:
    """A gridded table with bold headers repeated on every page.

    Header cells are Paragraphs; body cells are wrapped once to lines of plain text (fast). A
    second row numbers the columns "(1)", "(2)", … as in government tables. Rows stay whole
    unless taller than a page. `check` is called every few hundred rows (it raises to cancel).
    `bold_last` sets the last row (a total) in bold.
    """
    st = styles or get_styles()
    widths = [c.width * mm for c in columns]
    inner = [w - 2 * _CELL_PAD for w in widths]
    headers = [Paragraph(markup(c.header), st.cell_header) for c in columns]
    numbers = [f"({i})" for i in range(1, len(columns) + 1)] if number_row else None
    body: list[list[list[str]]] = []
    last: Sequence[str] = ()
    for n, row in enumerate(rows, 1):
        last = row
        body.append([_lines(wrap_cell(cell, inner[i])) for i, cell in enumerate(row)])
        if check is not None and n % 500 == 0:
            check()
    bold = [False] * len(body)
    if bold_last and body:
        bold[-1] = True
        body[-1] = [_lines(wrap_cell(c, inner[i], fonts.BOLD)) for i, c in enumerate(last)]
    return RowTable.build(
        widths,
        [c.align for c in columns],
        headers,
        numbers,
        body,
        TextStyle(fonts.REGULAR, CELL_SIZE, CELL_LEADING, fonts.BOLD),
        TextStyle(fonts.ITALIC, CELL_SIZE - 1, CELL_LEADING - 1),
        on_draw=_rows_drawn,
        bold=bold,
    )


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


def with_closing(text: str) -> str:
    """Append the closing "./." unless the text already ends with it."""
    text = nfc(text).rstrip()
    if text.endswith("/."):
        return text
    return text + ("/." if text.endswith(".") else CLOSING)


# ---------------------------------------------------------------------------- the writer


class ReportWriter:
    """Collects a report's sections and renders them to a PDF in the Decree 30 page set-up.

    Each section starts on a new page, portrait or landscape, and restarts page numbering.
    """

    def __init__(
        self,
        *,
        title: str,
        author: str = "",
        subject: str = "",
        margins: PageMargins | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> None:
        self.margins = margins or PageMargins()
        self.margins.validate()
        self.styles = get_styles()
        self.title = nfc(title)
        self.author = nfc(author)
        self.subject = nfc(subject)
        self._progress = progress
        self._cancelled = cancelled
        self.story: list[Flowable] = []
        self._first: str | None = None
        self._orientation = PORTRAIT
        self._row_count = 0
        self._state = _BuildState(progress, cancelled, 1)

    # -- geometry
    def text_width(self, orientation: str | None = None) -> float:
        """Width of the text area in points for `orientation` (default: the current section)."""
        o = orientation or self._orientation
        page_w = (landscape(A4) if o == LANDSCAPE else A4)[0]
        return float(page_w - (self.margins.left + self.margins.right) * mm)

    def frame_height(self, orientation: str | None = None) -> float:
        """Height of the text area in points for `orientation` (default: the current section)."""
        o = orientation or self._orientation
        page_h = (landscape(A4) if o == LANDSCAPE else A4)[1]
        return float(page_h - (self.margins.top + self.margins.bottom) * mm)

    def text_width_mm(self, orientation: str | None = None) -> float:
        """Width of the text area in millimetres (for table column widths)."""
        return self.text_width(orientation) / mm

    def landscape_width_mm(self) -> float:
        """Text width of a landscape page in millimetres."""
        return self.text_width_mm(LANDSCAPE)

    # -- story
    def check_cancelled(self) -> None:
        """Raise ReportError if the user cancelled."""
        self._state.check()

    def begin_section(self, *, landscape_pages: bool = False) -> None:
        """Start a section on a new page; its page numbering starts again at 1."""
        self.check_cancelled()
        orientation = LANDSCAPE if landscape_pages else PORTRAIT
        if self._first is None:
            self._first = orientation
        else:
            self.story.append(NextPageTemplate(orientation))
            self.story.append(PageBreak())
        self._orientation = orientation
        self.story.append(SectionStart())

    def add(self, *flowables: Flowable) -> None:
        """Append flowables to the current section."""
        if self._first is None:
            self.begin_section()
        for f in flowables:
            if isinstance(f, RowTable):
                self._row_count += data_rows(f)
                f.frame_height = self.frame_height()
            self.story.append(f)

    def add_signature(self, last: Sequence[Flowable], signature: Flowable) -> None:
        """Keep the last paragraph(s) and the signature block on one page."""
        self.add(KeepTogether([*last, Spacer(1, 6), signature]))

    # -- output
    def render(self, path: str | os.PathLike[str]) -> ReportResult:
        """Lay out the story and write the PDF atomically to `path`.

        Raises:
            ReportError: cancelled, or the file cannot be written.
        """
        target = Path(path)
        files = fonts.register_fonts()
        m = self.margins
        templates = {
            o: PageTemplate(
                id=o,
                frames=[
                    Frame(
                        m.left * mm,
                        m.bottom * mm,
                        size[0] - (m.left + m.right) * mm,
                        size[1] - (m.top + m.bottom) * mm,
                        leftPadding=0,
                        rightPadding=0,
                        topPadding=0,
                        bottomPadding=0,
                        id=f"{o}-frame",
                    )
                ],
                onPageEnd=_page_end,
                pagesize=size,
            )
            for o, size in ((PORTRAIT, A4), (LANDSCAPE, landscape(A4)))
        }
        first = self._first or PORTRAIT
        order = [templates[first], templates[LANDSCAPE if first == PORTRAIT else PORTRAIT]]
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=order[0].pagesize,
            pageTemplates=order,
            leftMargin=m.left * mm,
            rightMargin=m.right * mm,
            topMargin=m.top * mm,
            bottomMargin=m.bottom * mm,
            title=self.title,
            author=self.author,
            subject=self.subject,
            creator="CCHC Desktop",
            lang="vi-VN",
            invariant=1,
            initialFontName=fonts.REGULAR,
            initialFontSize=14,
        )
        state = self._state
        state.total = len(self.story) + self._row_count

        def on_progress(kind: str, value: int) -> None:
            if kind == "PROGRESS":
                state.flowables_done = max(state.flowables_done, value)
                state.report()

        doc.setProgressCallBack(on_progress)
        token = _state.set(state)
        # ReportLab consumes the list as it lays it out; holding no other reference lets each
        # page's flowables be freed once drawn (peak memory for long reports).
        story, self.story = self.story, []
        try:
            state.check()
            doc.build(story)
        except ReportError:
            raise
        except Exception as exc:
            raise ReportError(f"Không tạo được báo cáo: {os_reason(exc)}") from exc
        finally:
            _state.reset(token)
        data = buffer.getvalue()
        state.check()
        write_bytes_atomically(target, data, suffix=".pdf")
        if self._progress is not None:
            self._progress(100)
        return ReportResult(
            path=target,
            pages=state.pages,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            font=files.source,
        )


_ITEM_NUMBER = re.compile(r"^[a-zđ]$")


def item_label(number: str) -> str:
    """ "1" → "1.", "5.1" → "5.1.", "a" → "a)"; a label that already ends in "." or ")" is kept."""
    n = nfc(number).strip()
    if not n or n.endswith((".", ")")):
        return n
    if _ITEM_NUMBER.match(n):
        return f"{n})"
    return f"{n}."
