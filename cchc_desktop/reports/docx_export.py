"""The plan as an editable Word file (.docx) in the layout of Decree 30/2020/NĐ-CP.

What is written: the decision (header table with the issuing body, number, national motto,
place and date; "QUYẾT ĐỊNH", its title, its paragraphs, the signature), the plan text (title,
"(Ban hành kèm theo …)", parts, items and paragraphs, the signature) on A4 portrait pages,
then the appendices on A4 landscape pages: the appendices' title and "(Kèm theo …)" line, and
per appendix its heading and a six-column table whose header row repeats on every page. Times
New Roman 14 for text, 13 in tables; page numbers at the top centre from the second page.

The file reads back as the same plan (importer.documents + importer.plan_text): every line is
one paragraph, a task's products one "- …;" paragraph each, its other cells as stored.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from cchc_desktop import formatting
from cchc_desktop.domain.model import Appendix, NodeKind, ParsedPlan, PlanNode, Task
from cchc_desktop.domain.office import OfficeSettings, authority_lines
from cchc_desktop.domain.text import clean
from cchc_desktop.errors import ReportError, os_reason
from cchc_desktop.reports.official import scaled
from cchc_desktop.reports.plan import (
    MOTTO,
    PLAN_COLUMNS,
    issued_as_plan,
    item_is_heading,
    letterhead_lines,
)

FONT = "Times New Roman"
TEXT_PT = 14
TABLE_PT = 13
# The printed plan's appendix columns, on landscape A4 (297 − 20 − 15 mm of text width).
COLUMNS = scaled(PLAN_COLUMNS, 262)


def export_plan_docx(plan: ParsedPlan, office: OfficeSettings, out_path: Path) -> Path:
    """Write `plan` to `out_path` (.docx); ReportError when the file cannot be written."""
    doc = docx.Document()
    _base_style(doc)
    section = doc.sections[0]
    _page(section, landscape=False)
    section.different_first_page_header_footer = True
    _page_number(section)
    own = issued_as_plan(plan)  # "02/KH-UBND": the plan is the document, with no decision
    _letterhead(doc, plan, office)
    if not own:
        _decision(doc, plan, office)
    _plan_text(doc, plan, office, own=own)
    if plan.appendices:
        _appendices(doc, plan)
    out_path = Path(out_path)
    tmp = out_path.with_name(out_path.name + ".tmp")
    try:
        doc.save(str(tmp))
        tmp.replace(out_path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"Không ghi được tệp {out_path}: {os_reason(exc)}.") from exc
    return out_path


# ---------------------------------------------------------------- page set-up


def _base_style(doc: Document) -> None:
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(TEXT_PT)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)


def _page(section: object, *, landscape: bool) -> None:
    from docx.section import Section

    assert isinstance(section, Section)
    short, long_ = Mm(210), Mm(297)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long_, short) if landscape else (short, long_)
    # ND30 Appendix I §II.1: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
    section.top_margin = Mm(20)
    section.bottom_margin = Mm(20)
    section.left_margin = Mm(30 if not landscape else 20)
    section.right_margin = Mm(15)


def _page_number(section: object) -> None:
    """A PAGE field centred in the header (the first page has none, ND30 §II.9)."""
    from docx.section import Section

    assert isinstance(section, Section)
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


# ---------------------------------------------------------------- paragraphs


def _para(
    doc: Document,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    centre: bool = False,
    size: int = TEXT_PT,
    justify: bool = False,
    strike: bool = False,
) -> Paragraph:
    paragraph = doc.add_paragraph()
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif justify:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None
    run.font.strike = strike or None
    return paragraph


def _cell_paragraphs(
    cell: object, lines: Sequence[str], *, bold: bool = False, strike: bool = False
) -> None:
    from docx.table import _Cell

    assert isinstance(cell, _Cell)
    first = True
    for line in lines or [""]:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.font.size = Pt(TABLE_PT)
        run.bold = bold or None
        run.font.strike = strike or None


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _signature(doc: Document, plan: ParsedPlan, office: OfficeSettings) -> None:
    d = plan.decision
    lines = authority_lines(
        d.authority_prefix,
        d.signer_position or office.signer_position,
        authority_body=office.authority_body,
        superior_position=office.superior_signer_position,
    )
    for line in lines:
        para = _para(doc, line, bold=True)
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for _ in range(3):
        _para(doc, "")
    name = _para(doc, d.signer or office.signer_name, bold=True)
    name.alignment = WD_ALIGN_PARAGRAPH.RIGHT


# ---------------------------------------------------------------- the decision


def letterhead_rows(plan: ParsedPlan, office: OfficeSettings) -> list[tuple[str, str]]:
    """The letterhead as (left, right) rows: the issuing agency and the number; the national
    motto, the place and the date (ND30 ô 1–4). Read back, each row is one line of text."""
    d = plan.decision
    symbol = d.number.split("/", 1)[1] if "/" in d.number else office.symbol_for("QĐ")
    number = d.number.split("/", 1)[0] if "/" in d.number else "     "
    issuer = office.issuing_agency.splitlines() or [""]
    agency = [issuer[0], " ".join(issuer[1:])]
    when = formatting.place_date_line(
        office.place, d.date, year=d.date.year if d.date else plan.year
    )
    return [(agency[0], MOTTO[0]), (agency[1], MOTTO[1]), (f"Số: {number}/{symbol}", when)]


def _letterhead(doc: Document, plan: ParsedPlan, office: OfficeSettings) -> None:
    rows = letterhead_rows(plan, office)
    table = doc.add_table(rows=len(rows), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    for i, (row, (left, right)) in enumerate(zip(table.rows, rows, strict=True)):
        _cell_paragraphs(row.cells[0], [left] if left else [], bold=i < 2)
        _cell_paragraphs(row.cells[1], [right], bold=i < 2)
        for cell in row.cells:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        if i == 2:
            for run in row.cells[1].paragraphs[0].runs:
                run.italic = True
    _para(doc, "")


def _decision(doc: Document, plan: ParsedPlan, office: OfficeSettings) -> None:
    d = plan.decision
    _para(doc, "QUYẾT ĐỊNH", bold=True, centre=True)
    _para(doc, d.title, bold=True, centre=True)
    body = [clean(node.text) for node in _flatten(d.body)]
    # A decision read from a document keeps its letterhead as its first paragraphs: the table
    # above prints it.
    for text in body[letterhead_lines(body) :]:
        if text:
            upper = text.isupper()
            _para(doc, text, bold=upper, centre=upper, justify=not upper)
    _signature(doc, plan, office)


def _flatten(nodes: Sequence[PlanNode]) -> Iterator[PlanNode]:
    for node in nodes:
        yield node
        yield from _flatten(node.children)


# ---------------------------------------------------------------- the plan text


def _plan_text(doc: Document, plan: ParsedPlan, office: OfficeSettings, *, own: bool) -> None:
    if not own:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _para(doc, plan.title, bold=True, centre=True)
    d = plan.decision
    if not own and (d.number or d.date):
        when = f" {formatting.date_long(d.date)}" if d.date else ""
        by = f" của {d.issuing_body}" if d.issuing_body else ""
        _para(
            doc, f"(Ban hành kèm theo Quyết định số {d.number}{when}{by})", italic=True, centre=True
        )
    for node in plan.parts:
        _node(doc, node)
    _signature(doc, plan, office)


def _node(doc: Document, node: PlanNode) -> None:
    text = clean(node.text)
    if node.kind is NodeKind.PART:
        _para(doc, f"{node.number}. {text}", bold=True)
    elif node.kind is NodeKind.ITEM:
        label = f"{node.number}. {text}" if node.number else text
        _para(doc, label, bold=item_is_heading(text), justify=True)
    elif text:
        _para(doc, text, justify=True)
    for child in node.children:
        _node(doc, child)


# ---------------------------------------------------------------- appendices


def _appendices(doc: Document, plan: ParsedPlan) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(section, landscape=True)
    if plan.appendix_title:
        _para(doc, plan.appendix_title, bold=True, centre=True)
    if plan.appendix_subtitle:
        _para(doc, clean(plan.appendix_subtitle.replace("**", "")), italic=True, centre=True)
    for appendix in plan.appendices:
        _appendix(doc, appendix)


def appendix_heading(appendix: Appendix) -> str:
    """ "Phụ lục số 01: Cải cách thể chế - Phòng Tư pháp chịu trách nhiệm chủ trì"."""
    lead = f" - {appendix.lead_agency} chịu trách nhiệm chủ trì" if appendix.lead_agency else ""
    return f"Phụ lục số {appendix.number:02d}: {clean(appendix.title)}{lead}"


def _appendix(doc: Document, appendix: Appendix) -> None:
    _para(doc, appendix_heading(appendix), bold=True)
    table = doc.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    _repeat_header(header)
    for cell, column in zip(header.cells, COLUMNS, strict=True):
        cell.width = Mm(column.width)
        _cell_paragraphs(cell, [column.header], bold=True)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for task in appendix.tasks:
        row = table.add_row()
        for cell, lines, column in zip(row.cells, task_lines(task), COLUMNS, strict=True):
            cell.width = Mm(column.width)
            _cell_paragraphs(cell, lines, strike=task.cancelled)
    _para(doc, "")


def _repeat_header(row: object) -> None:
    from docx.table import _Row

    assert isinstance(row, _Row)
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def task_lines(task: Task) -> list[list[str]]:
    """The six cells of a task row, each as its paragraphs.

    Products are one "- …;" paragraph each (the last ends with "."), so the importer cuts
    them where they were; the agency and timeline cells are written as stored.
    """
    products = [clean(p) for p in task.products if clean(p)]
    if len(products) == 1:
        product_lines = products
    else:
        product_lines = [
            f"- {p}{'.' if i == len(products) - 1 else ';'}" for i, p in enumerate(products)
        ]
    note = clean(task.noted(" "))
    return [
        [clean(task.no)],
        [clean(task.title)],
        product_lines,
        [clean(task.agencies_text)] if clean(task.agencies_text) else [],
        [clean(task.timeline)] if clean(task.timeline) else [],
        [note] if note else [],
    ]
