"""The assignment sheet for one agency: its tasks of the plan, its role in each, the deadlines."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from reportlab.platypus import Flowable, Paragraph

from cchc_desktop import formatting
from cchc_desktop.domain.model import ROLE_LABELS, AgencyRole
from cchc_desktop.domain.office import OfficeSettings
from cchc_desktop.domain.text import clean, fold
from cchc_desktop.reports.data import AgencySheetData, DocumentOptions, task_ref
from cchc_desktop.reports.document import (
    TASK_REF_COLUMN,
    Cancelled,
    Column,
    Progress,
    ReportResult,
    appendix_heading,
    data_table,
    markup,
)
from cchc_desktop.reports.official import (
    closing_and_signature,
    reference_line,
    scaled,
    start_document,
)
from cchc_desktop.reports.styles import Styles

SHEET_COLUMNS: tuple[Column, ...] = (
    Column("STT", 11, "CENTER"),
    TASK_REF_COLUMN,
    Column("Nhiệm vụ cụ thể", 66),
    Column("Sản phẩm", 42),
    Column("Vai trò", 18, "CENTER"),
    Column("Cơ quan thực hiện", 40),
    Column("Thời gian thực hiện", 30),
    Column("Hạn gần nhất", 24, "CENTER"),
)

_ROLE_ORDER = (
    AgencyRole.LEAD,
    AgencyRole.IMPLEMENTING,
    AgencyRole.COORDINATING,
    AgencyRole.SUMMARISING,
)


def build_agency_report(
    data: AgencySheetData,
    office: OfficeSettings,
    path: str | os.PathLike[str],
    *,
    options: DocumentOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReportResult:
    """Print the assignment sheet (a THÔNG BÁO) for `data.agency`, with the task list appended.

    When `options.addressees` is empty the sheet is addressed to the agency itself.

    Raises:
        ReportError: cancelled, or the file cannot be written.
    """
    agency = clean(data.agency)
    options = _addressed(options or DocumentOptions(), agency, office.recipients)
    summary = f"Phân công nhiệm vụ cải cách hành chính năm {data.year} đối với {agency}"
    writer = start_document(
        office, options, data, "TB", summary=summary, progress=progress, cancelled=cancelled
    )
    st = writer.styles
    # The standing CCHC office reports to the issuer, not to itself.
    own = fold(agency) == fold(office.reporting_body)
    to = office.issuer_short if own else office.reporting_body
    last = (
        f"Đề nghị {agency} tổ chức triển khai thực hiện đúng nội dung, thời hạn được giao; "
        f"{'tổng hợp, ' if own else ''}báo cáo kết quả thực hiện về {to} trước ngày "
        f"{office.report_due_day} của tháng cuối mỗi kỳ báo cáo" + ("." if own else " để tổng hợp.")
    )
    # The writer holds the story once added; nothing else keeps the paragraphs alive.
    writer.add(*_body(data, office, agency, st))
    closing_and_signature(writer, office, options, last)

    writer.begin_section(landscape_pages=True)
    writer.add(
        *appendix_heading(
            "Phụ lục",
            [f"DANH SÁCH NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {data.year} GIAO {agency.upper()}"],
            reference_line(office, options, doc_type="TB", year=data.year),
        )
    )
    writer.add(
        data_table(
            scaled(SHEET_COLUMNS, writer.landscape_width_mm()),
            _task_rows(data),
            check=writer.check_cancelled,
        )
    )
    writer.add(Paragraph("./.", st.body_plain))
    return writer.render(path)


def _addressed(
    options: DocumentOptions, agency: str, office_recipients: tuple[str, ...]
) -> DocumentOptions:
    """The options, addressed to the agency itself when no addressee was chosen."""
    if options.addressees:
        return options
    # Addressed by "Kính gửi", the Nơi nhận list starts with "- Như trên;" (PL-I §II.9.b).
    recipients = options.recipients if options.recipients is not None else office_recipients
    if not recipients or fold(recipients[0]).rstrip(";.") != fold("Như trên"):
        recipients = ("Như trên;", *recipients)
    return replace(options, recipients=recipients, addressees=(agency,))


def _body(data: AgencySheetData, office: OfficeSettings, agency: str, st: Styles) -> list[Flowable]:
    """The notice's text: what is assigned, how many tasks by role, the nearest deadline."""
    counts = Counter(r.role for r in data.rows)
    body: list[Flowable] = [
        Paragraph(
            markup(
                f"Thực hiện {data.plan.sentence()}, {office.issuer_short} thông báo các nhiệm vụ "
                f"giao {agency} thực hiện trong năm {data.year} như sau:"
            ),
            st.body,
        ),
        Paragraph(markup(f"Tổng số: {len(data.rows)} nhiệm vụ; trong đó:"), st.body),
    ]
    roles = [role for role in _ROLE_ORDER if counts.get(role)]
    body.extend(
        Paragraph(
            markup(
                f"- {ROLE_LABELS[role]}: {counts[role]} nhiệm vụ{'.' if k == len(roles) else ';'}"
            ),
            st.body,
        )
        for k, role in enumerate(roles, 1)
    )
    dated = [(r.next_due, i) for i, r in enumerate(data.rows) if r.next_due is not None]
    if dated:
        first_due, index = min(dated)
        first = data.rows[index]
        body.append(
            Paragraph(
                markup(
                    f"Hạn gần nhất: {formatting.date_long(first_due)} "
                    f"(nhiệm vụ {first.no} của Phụ lục số {first.appendix:02d})."
                ),
                st.body,
            )
        )
    body.append(Paragraph(markup("Danh sách nhiệm vụ chi tiết tại Phụ lục kèm theo."), st.body))
    return body


def _task_rows(data: AgencySheetData) -> Iterator[list[str]]:
    """The appendix table's rows, one per task, made as the table is drawn."""
    for i, r in enumerate(data.rows, 1):
        yield [
            str(i),
            task_ref(r.appendix, r.no),
            r.title,
            "\n".join(
                p if p.startswith(("-", "–")) or len(r.products) == 1 else f"- {p}"
                for p in (clean(x) for x in r.products)
                if p
            ),
            ROLE_LABELS[r.role],
            r.agencies_text,
            r.timeline,
            formatting.date_short(r.next_due) if r.next_due else "",
        ]
