"""Pieces shared by the office's own reports: opening block, reference line, signature, columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from reportlab.platypus import Flowable, Paragraph

from cchc_desktop import formatting
from cchc_desktop.domain.office import DOCUMENT_TYPE_TITLES, OfficeSettings
from cchc_desktop.domain.text import nfc, roman
from cchc_desktop.reports.data import DocumentOptions, PlanReference
from cchc_desktop.reports.document import (
    Cancelled,
    Column,
    Progress,
    ReportWriter,
    addressees_block,
    date_line,
    letterhead,
    markup,
    number_line,
    signature_block,
    title_block,
    with_closing,
)


def appendix_label(index: int, count: int) -> str:
    """Return "Phụ lục" for one appendix, else "Phụ lục I", "Phụ lục II" … (ND30 PL-I §III.1)."""
    return "Phụ lục" if count == 1 else f"Phụ lục {roman(index)}"


def type_name(doc_type: str) -> str:
    """ "BC" → "Báo cáo" (for running text such as the appendix reference line)."""
    title = DOCUMENT_TYPE_TITLES.get(doc_type, doc_type)
    return title[:1] + title[1:].lower()


def opening(
    writer: ReportWriter,
    office: OfficeSettings,
    options: DocumentOptions,
    *,
    doc_type: str,
    summary: str,
    year: int | None = None,
) -> None:
    """Header block, number and date, document type and summary, and "Kính gửi" if any."""
    width = writer.text_width()
    blank = options.blank_number_and_date
    issue_year = options.issue_date.year if options.issue_date else options.blank_year or year
    writer.add(
        letterhead(
            office,
            width,
            number_text=number_line(options.number, office.symbol_for(doc_type), blank=blank),
            date_text=date_line(office.place, options.issue_date, blank=blank, year=issue_year),
        )
    )
    writer.add(*title_block(DOCUMENT_TYPE_TITLES[doc_type], summary, width=width))
    if options.addressees:
        writer.add(addressees_block(options.addressees, width))


class ReportSubject(Protocol):
    """What a report is about: the plan (its title is the PDF's subject) and the year."""

    @property
    def plan(self) -> PlanReference: ...

    @property
    def year(self) -> int: ...


def start_document(
    office: OfficeSettings,
    options: DocumentOptions,
    about: ReportSubject,
    doc_type: str,
    *,
    summary: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
    year: int | None = None,
) -> ReportWriter:
    """The writer of a report or notice, its first page begun with the `opening` block.

    `year` is the year of a blank date line (default: the year the document is about)."""
    writer = ReportWriter(
        title=summary,
        author=office.issuer_short,
        subject=about.plan.title,
        margins=options.margins,
        progress=progress,
        cancelled=cancelled,
    )
    writer.begin_section()
    when = about.year if year is None else year
    opening(writer, office, options, doc_type=doc_type, summary=summary, year=when)
    return writer


def reference_line(
    office: OfficeSettings, options: DocumentOptions, *, doc_type: str, year: int | None = None
) -> str:
    """ "(Kèm theo Báo cáo số 05/BC-UBND ngày 15 tháng 6 năm 2020 của UBND huyện Ngọc Lặc)"."""
    blank = options.blank_number_and_date or options.number is None
    symbol = office.symbol_for(doc_type)
    number = (
        f"{formatting.BLANK}/{symbol}"
        if blank
        else f"{formatting.document_number(options.number or 0)}/{symbol}"
    )
    if options.blank_number_and_date or options.issue_date is None:
        when = formatting.blank_date_long(
            options.issue_date.year if options.issue_date else options.blank_year or year
        )
    else:
        when = formatting.date_long(options.issue_date)
    issuer = f" của {office.issuer_short}" if office.issuer_short else ""
    return f"(Kèm theo {type_name(doc_type)} số {number} {when}{issuer})"


def closing_and_signature(
    writer: ReportWriter,
    office: OfficeSettings,
    options: DocumentOptions,
    last_paragraph: str,
    *,
    style_name: str = "body",
) -> None:
    """The last paragraph with "./.", kept together with the signature block and "Nơi nhận"."""
    style = getattr(writer.styles, style_name)
    recipients = options.recipients if options.recipients is not None else office.recipients
    writer.add_signature(
        [Paragraph(markup(with_closing(last_paragraph)), style)],
        signature_block(
            office.signature_lines(), office.signer_name, recipients, writer.text_width()
        ),
    )


def scaled(columns: Sequence[Column], total_mm: float) -> list[Column]:
    """Columns with widths scaled so they fill `total_mm` exactly."""
    current = sum(c.width for c in columns)
    return [Column(c.header, c.width * total_mm / current, c.align) for c in columns]


def paragraph(writer: ReportWriter, text: str, style_name: str = "body") -> Flowable:
    """A body paragraph in the named style (text NFC'd and escaped)."""
    return Paragraph(markup(nfc(text)), getattr(writer.styles, style_name))
