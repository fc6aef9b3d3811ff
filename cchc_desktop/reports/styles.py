"""Paragraph styles of the Decree 30 layout (sizes from ND30 Appendix I §V), built once."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from cchc_desktop.reports import fonts

BODY_SIZE = 14.0
BODY_LEADING = 17.0  # between Word's "single" (16.1 pt) and 1.5 lines (24.2 pt) for 14 pt
PARAGRAPH_INDENT = 10 * mm
PARAGRAPH_GAP = 6.0  # ND30: at least 6 pt between paragraphs
CELL_SIZE = 12.0
CELL_LEADING = 14.0
PAGE_NUMBER_SIZE = 14.0


@dataclass(frozen=True, slots=True)
class Styles:
    """Every ParagraphStyle a report uses; see ND30 Appendix I §V for the sizes."""

    superior: ParagraphStyle
    issuing: ParagraphStyle
    national_title: ParagraphStyle
    motto: ParagraphStyle
    number: ParagraphStyle
    place_date: ParagraphStyle
    doc_type: ParagraphStyle
    summary: ParagraphStyle
    subtitle: ParagraphStyle
    centre_bold: ParagraphStyle
    basis: ParagraphStyle
    body: ParagraphStyle
    body_plain: ParagraphStyle
    part: ParagraphStyle
    item: ParagraphStyle
    subitem: ParagraphStyle
    addressee: ParagraphStyle
    authority: ParagraphStyle
    signer: ParagraphStyle
    recipients_label: ParagraphStyle
    recipient: ParagraphStyle
    appendix_label: ParagraphStyle
    appendix_title: ParagraphStyle
    appendix_ref: ParagraphStyle
    cell: ParagraphStyle
    cell_centre: ParagraphStyle
    cell_header: ParagraphStyle


def _style(
    name: str,
    font: str,
    size: float,
    leading: float | None = None,
    *,
    align: Literal[0, 1, 2, 4] = TA_CENTER,
    indent: float = 0.0,
    before: float = 0.0,
    after: float = 0.0,
    keep_with_next: bool = False,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.15, 1),
        alignment=align,
        firstLineIndent=indent,
        spaceBefore=before,
        spaceAfter=after,
        keepWithNext=int(keep_with_next),
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=1,
    )


def _body_style(name: str, font: str) -> ParagraphStyle:
    return _style(
        name,
        font,
        BODY_SIZE,
        BODY_LEADING,
        align=TA_JUSTIFY,
        indent=PARAGRAPH_INDENT,
        after=PARAGRAPH_GAP,
    )


@functools.cache
def get_styles() -> Styles:
    """The shared styles (fonts registered first); cached for the life of the process."""
    fonts.register_fonts()
    r, b, i, bi = fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC
    return Styles(
        superior=_style("superior", r, 12),
        issuing=_style("issuing", b, 12),
        national_title=_style("national_title", b, 12),
        motto=_style("motto", b, 13),
        number=_style("number", r, 13),
        place_date=_style("place_date", i, 13),
        doc_type=_style("doc_type", b, 14, 17, before=18, keep_with_next=True),
        summary=_style("summary", b, 14, 17, keep_with_next=True),
        subtitle=_style("subtitle", i, 14, 17, before=2, keep_with_next=True),
        centre_bold=_style("centre_bold", b, 14, 17, before=6, after=6, keep_with_next=True),
        basis=_body_style("basis", i),
        body=_body_style("body", r),
        body_plain=_style("body_plain", r, BODY_SIZE, BODY_LEADING, align=TA_LEFT),
        part=_style(
            "part",
            b,
            BODY_SIZE,
            BODY_LEADING,
            align=TA_LEFT,
            indent=PARAGRAPH_INDENT,
            before=6,
            after=PARAGRAPH_GAP,
            keep_with_next=True,
        ),
        item=_style(
            "item",
            b,
            BODY_SIZE,
            BODY_LEADING,
            align=TA_LEFT,
            indent=PARAGRAPH_INDENT,
            after=PARAGRAPH_GAP,
            keep_with_next=True,
        ),
        subitem=_style(
            "subitem",
            bi,
            BODY_SIZE,
            BODY_LEADING,
            align=TA_LEFT,
            indent=PARAGRAPH_INDENT,
            after=PARAGRAPH_GAP,
            keep_with_next=True,
        ),
        addressee=_style("addressee", r, BODY_SIZE, BODY_LEADING, align=TA_LEFT),
        authority=_style("authority", b, 14, 17),
        signer=_style("signer", b, 14, 17),
        recipients_label=_style("recipients_label", bi, 12, 14, align=TA_LEFT),
        recipient=_style("recipient", r, 11, 13, align=TA_LEFT),
        appendix_label=_style("appendix_label", b, 14, 17),
        appendix_title=_style("appendix_title", b, 14, 17),
        appendix_ref=_style("appendix_ref", i, 14, 17),
        cell=_style("cell", r, CELL_SIZE, CELL_LEADING, align=TA_LEFT),
        cell_centre=_style("cell_centre", r, CELL_SIZE, CELL_LEADING),
        cell_header=_style("cell_header", b, CELL_SIZE, CELL_LEADING),
    )
