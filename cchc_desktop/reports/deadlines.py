"""The overdue and due-soon report: what each lead agency must finish, as of a day."""

from __future__ import annotations

import os
from collections import Counter

from reportlab.platypus import Flowable, Paragraph, Spacer

from cchc_desktop import formatting
from cchc_desktop.domain.model import STATUS_LABELS
from cchc_desktop.domain.office import OfficeSettings
from cchc_desktop.domain.text import clean, sort_key
from cchc_desktop.reports.data import (
    DeadlineReportData,
    DeadlineRow,
    DocumentOptions,
    task_ref,
)
from cchc_desktop.reports.document import (
    NUMBER_COLUMN,
    TASK_REF_COLUMN,
    Cancelled,
    Column,
    Progress,
    ReportResult,
    ReportWriter,
    appendix_heading,
    data_table,
    markup,
)
from cchc_desktop.reports.official import (
    appendix_label,
    closing_and_signature,
    reference_line,
    scaled,
    start_document,
)
from cchc_desktop.reports.styles import PARAGRAPH_GAP

AGENCY_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("Cơ quan chủ trì", 93),
    Column("Quá hạn", 30, "CENTER"),
    Column("Sắp đến hạn", 30, "CENTER"),
)

DEADLINE_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    TASK_REF_COLUMN,
    Column("Nhiệm vụ", 74),
    Column("Mốc thời hạn", 38),
    Column("Hạn", 24, "CENTER"),
    Column("Số ngày", 16, "CENTER"),
    Column("Cơ quan chủ trì", 34),
    Column("Tình trạng / Đơn vị chưa hoàn thành", 34),
)

NO_AGENCY = "(Chưa xác định cơ quan chủ trì)"


def build_overdue_report(
    data: DeadlineReportData,
    office: OfficeSettings,
    path: str | os.PathLike[str],
    *,
    options: DocumentOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReportResult:
    """Print overdue and due-soon milestones as of `data.as_of`.

    The body gives the counts and a table per lead agency; appendix I lists the overdue
    milestones (days overdue), appendix II those due within `data.horizon_days` (days left).

    Raises:
        ReportError: cancelled, or the file cannot be written.
    """
    options = options or DocumentOptions()
    summary = (
        f"Tình hình thực hiện các nhiệm vụ cải cách hành chính năm {data.year} "
        "quá hạn và sắp đến hạn"
    )
    # A blank date line gets the year of the day the report counts to, as its body says
    # ("tính đến ngày …"), not the plan's year.
    writer = start_document(
        office,
        options,
        data,
        "BC",
        summary=summary,
        progress=progress,
        cancelled=cancelled,
        year=data.as_of.year,
    )
    st = writer.styles
    as_of = formatting.date_long(data.as_of)
    lists = [
        (rows, title)
        for rows, title in (
            (data.overdue, "DANH SÁCH NHIỆM VỤ QUÁ HẠN"),
            (data.due_soon, "DANH SÁCH NHIỆM VỤ SẮP ĐẾN HẠN"),
        )
        if rows
    ]
    body: list[Flowable] = [
        Paragraph(
            markup(
                f"Thực hiện {data.plan.sentence()}, tính đến {as_of}, việc thực hiện các nhiệm vụ "
                f"có mốc thời hạn như sau: {len(data.overdue)} mốc nhiệm vụ đã quá hạn mà chưa "
                f"hoàn thành; {len(data.due_soon)} mốc nhiệm vụ sẽ đến hạn trong "
                f"{data.horizon_days} ngày tới."
            ),
            st.body,
        )
    ]
    if lists:
        body.append(Paragraph(markup("Số mốc nhiệm vụ theo cơ quan chủ trì:"), st.body))
        body.append(_agency_table(writer, data))
        body.append(Spacer(1, PARAGRAPH_GAP))
        refs = " và ".join(appendix_label(i, len(lists)) for i in range(1, len(lists) + 1))
        body.append(Paragraph(markup(f"Chi tiết tại {refs} kèm theo."), st.body))
    last = (
        "Đề nghị Thủ trưởng các cơ quan, đơn vị được giao chủ trì khẩn trương hoàn thành các "
        "nhiệm vụ quá hạn, chủ động triển khai các nhiệm vụ sắp đến hạn và báo cáo kết quả "
        f"về {office.reporting_body} để tổng hợp."
    )
    writer.add(*body)
    del body  # the writer holds the story now; let drawn pages be freed
    closing_and_signature(writer, office, options, last)
    for index, (rows, title) in enumerate(lists, 1):
        writer.check_cancelled()
        _appendix(writer, office, options, data, rows, title, appendix_label(index, len(lists)))
    return writer.render(path)


def _agency_table(writer: ReportWriter, data: DeadlineReportData) -> Flowable:
    overdue = Counter(clean(r.lead_agency) or NO_AGENCY for r in data.overdue)
    soon = Counter(clean(r.lead_agency) or NO_AGENCY for r in data.due_soon)
    agencies = sorted(set(overdue) | set(soon), key=sort_key)
    rows = [
        [str(i), a, str(overdue.get(a, 0)), str(soon.get(a, 0))] for i, a in enumerate(agencies, 1)
    ]
    rows.append(["", "Tổng cộng", str(len(data.overdue)), str(len(data.due_soon))])
    table = data_table(
        scaled(AGENCY_COLUMNS, writer.text_width_mm()), rows, number_row=False, bold_last=True
    )
    return table


def _appendix(
    writer: ReportWriter,
    office: OfficeSettings,
    options: DocumentOptions,
    data: DeadlineReportData,
    rows: tuple[DeadlineRow, ...],
    title: str,
    label: str,
) -> None:
    writer.begin_section(landscape_pages=True)
    writer.add(
        *appendix_heading(
            label,
            [title, f"(Tính đến {formatting.date_long(data.as_of)})"],
            reference_line(office, options, doc_type="BC", year=data.as_of.year),
        )
    )
    cells = (
        [
            str(i),
            task_ref(r.appendix, r.no),
            r.title,
            r.milestone,
            formatting.date_short(r.due),
            str(abs((data.as_of - r.due).days)),
            r.lead_agency,
            _state_text(r),
        ]
        for i, r in enumerate(rows, 1)
    )
    columns = list(scaled(DEADLINE_COLUMNS, writer.landscape_width_mm()))
    overdue_list = rows is data.overdue
    days_header = "Số ngày quá hạn" if overdue_list else "Còn (ngày)"
    columns[5] = Column(days_header, columns[5].width, "CENTER")
    writer.add(data_table(columns, cells, check=writer.check_cancelled))
    writer.add(Paragraph("./.", writer.styles.body_plain))


def _state_text(row: DeadlineRow) -> str:
    parts = []
    if row.status is not None:
        parts.append(STATUS_LABELS[row.status])
    if row.units_pending:
        parts.append("Chưa hoàn thành: " + ", ".join(clean(u) for u in row.units_pending))
    return "\n".join(parts)
