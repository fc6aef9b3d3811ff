"""Word and PDF files made from a plan's text for the tests: real Word tables and list numbering,
and a PDF with ruled tables, so the readers meet what Word and a PDF printer produce."""

from __future__ import annotations

import io
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "resources" / "ke-hoach-cchc-2020-ngoc-lac.txt"


def text_blocks(text: str) -> list[str | list[list[str]]]:
    """Lines as paragraphs and runs of tab lines as tables; a row with an empty first cell (a row
    the text export broke across a page) is joined to the row above, as it is one row in Word."""
    blocks: list[str | list[list[str]]] = []
    for line in text.split("\n"):
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            table = blocks[-1] if blocks and isinstance(blocks[-1], list) else None
            if table is None:
                table = []
                blocks.append(table)
            if not cells[0] and table and cells[0].upper() != "STT":
                previous = table[-1]
                for k, cell in enumerate(cells):
                    if k < len(previous) and cell:
                        previous[k] = f"{previous[k]} {cell}".strip()
                    elif cell:
                        previous.append(cell)
            else:
                table.append(cells)
        elif line.strip():
            blocks.append(line.strip())
    return blocks


def make_docx(text: str, *, bullets: bool = True) -> bytes:
    """A .docx of `text`: paragraphs ("- " items as Word bullets when `bullets`), tables as Word
    tables with a header row marked to repeat on each page."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = docx.Document()
    section = document.sections[0]  # appendix tables are printed on landscape A4
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.5)
    for block in text_blocks(text):
        if isinstance(block, str):
            if bullets and block.startswith("- "):
                document.add_paragraph(block[2:], style="List Bullet")
            else:
                document.add_paragraph(block)
            continue
        width = max(len(r) for r in block)
        table = document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        table.autofit = False
        widths = [Cm(1.2)] + [Cm((26.7 - 1.2) / (width - 1))] * (width - 1)
        for r, cells in enumerate(block):
            row = table.add_row()
            if r == 0:
                tr_pr = row._tr.get_or_add_trPr()
                header = OxmlElement("w:tblHeader")
                header.set(qn("w:val"), "true")
                tr_pr.append(header)
            for k, cell in enumerate(cells):
                row.cells[k].text = cell
                row.cells[k].width = widths[k]
    document.add_paragraph("")  # Word always ends a document with a paragraph, even after a table
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(text: str) -> bytes:
    """A PDF of `text` with ReportLab: paragraphs, and tables with grid lines that repeat their
    header row on each page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from cchc_desktop.reports.fonts import REGULAR, register_fonts

    register_fonts()
    font = REGULAR
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=12)
    cell = ParagraphStyle("cell", fontName=font, fontSize=8, leading=9.5)
    story: list[object] = []
    page = landscape(A4)
    usable = page[0] - 3 * cm
    for block in text_blocks(text):
        if isinstance(block, str):
            story.append(Paragraph(_escape(block), body))
            continue
        width = max(len(r) for r in block)
        widths = [1.2 * cm] + [(usable - 1.2 * cm) / (width - 1)] * (width - 1)
        rows = [[Paragraph(_escape(c), cell) for c in r + [""] * (width - len(r))] for r in block]
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    out = io.BytesIO()
    SimpleDocTemplate(
        out, pagesize=page, leftMargin=1.5 * cm, rightMargin=1.5 * cm, topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
    ).build(story)  # fmt: skip
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
