"""The periodic CCHC result report (Q1, 6 months, 9 months, year) as a data-driven outline."""

from __future__ import annotations

import os

from reportlab.platypus import Flowable, Paragraph, Spacer

from cchc_desktop import formatting
from cchc_desktop.domain.model import STATUS_LABELS, StatusCategory
from cchc_desktop.domain.office import OfficeSettings
from cchc_desktop.domain.periods import period_phrase
from cchc_desktop.domain.text import clean, roman
from cchc_desktop.reports.data import (
    AreaResult,
    DocumentOptions,
    IndicatorRow,
    NarrativeSection,
    PeriodReportData,
    UnitResults,
    summary_counts,
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

SUMMARY_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("Tình trạng thực hiện", 83),
    Column("Số nhiệm vụ", 35, "CENTER"),
    Column("Tỷ lệ", 35, "CENTER"),
)

INDICATOR_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("Chỉ tiêu", 73),
    Column("Mục tiêu", 27, "CENTER"),
    Column("Kết quả", 27, "CENTER"),
    Column("Đánh giá", 26, "CENTER"),
)

UNIT_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    TASK_REF_COLUMN,
    Column("Nhiệm vụ", 78),
    Column("Tình trạng", 36),
    Column("Tiến độ (%)", 16, "CENTER"),
    Column("Kết quả thực hiện", 70),
    Column("Số minh chứng", 18, "CENTER"),
)


def build_period_report(
    data: PeriodReportData,
    office: OfficeSettings,
    path: str | os.PathLike[str],
    *,
    options: DocumentOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReportResult:
    """Print the result report for `data.period` of `data.year`.

    Outline: `data.before` sections; the results (summary counts per status category, one item
    per reform area with its tasks, indicators against targets); `data.after` sections; then one
    landscape appendix per reporting unit. The counts are computed from `data.areas`.

    Raises:
        ReportError: cancelled, or the file cannot be written.
    """
    options = options or DocumentOptions()
    phrase = period_phrase(data.period, data.year)
    summary = f"Kết quả thực hiện công tác cải cách hành chính {phrase}"
    writer = start_document(
        office, options, data, "BC", summary=summary, progress=progress, cancelled=cancelled
    )
    st = writer.styles
    intro = f"Thực hiện {data.plan.sentence()}"
    intro += f", {office.issuer_short} báo cáo kết quả thực hiện công tác cải cách hành chính "
    intro += f"{phrase} như sau:"
    body: list[Flowable] = [Paragraph(markup(intro), st.body)]
    if data.data_from is not None and data.data_to is not None:
        body.append(
            Paragraph(
                markup(
                    f"Số liệu báo cáo tính từ {formatting.date_long(data.data_from)} "
                    f"đến {formatting.date_long(data.data_to)}."
                ),
                st.body,
            )
        )
    part = 0
    for section in data.before:
        part += 1
        body.extend(_narrative(writer, section, part))
    part += 1
    body.append(
        Paragraph(
            markup(f"{roman(part)}. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"), st.part
        )
    )
    body.extend(_results(writer, data))
    for section in data.after:
        part += 1
        body.extend(_narrative(writer, section, part))
    last_text = (
        f"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {phrase} "
        f"của {office.issuer_short}."
    )
    writer.add(*body)
    del body  # the writer holds the story now; let drawn pages be freed
    closing_and_signature(writer, office, options, last_text)
    units = [u for u in data.units if u.rows]
    for index, unit in enumerate(units, 1):
        writer.check_cancelled()
        _unit_appendix(writer, office, options, data, unit, appendix_label(index, len(units)))
    return writer.render(path)


def _narrative(writer: ReportWriter, section: NarrativeSection, part: int) -> list[Flowable]:
    st = writer.styles
    out: list[Flowable] = [
        Paragraph(markup(f"{roman(part)}. {clean(section.title).upper()}"), st.part)
    ]
    out.extend(Paragraph(markup(p), st.body) for p in section.paragraphs if clean(p))
    return out


def _count_phrase(counts: dict[StatusCategory, int]) -> str:
    shown = [f"{STATUS_LABELS[c].lower()}: {n}" for c, n in counts.items() if n]
    return "; ".join(shown)


def _results(writer: ReportWriter, data: PeriodReportData) -> list[Flowable]:
    st = writer.styles
    tasks = data.tasks
    total = len(tasks)
    counts = summary_counts(tasks)
    out: list[Flowable] = [Paragraph(markup("1. Tổng hợp chung"), st.item)]
    sentence = f"Tổng số nhiệm vụ theo Kế hoạch: {total} nhiệm vụ"
    phrase = _count_phrase(counts)
    out.append(Paragraph(markup(sentence + (f"; trong đó {phrase}." if phrase else ".")), st.body))
    rows = [
        [str(i), STATUS_LABELS[c], str(n), formatting.percent(n / total) if total else "-"]
        for i, (c, n) in enumerate(counts.items(), 1)
    ]
    rows.append(["", "Tổng cộng", str(total), formatting.percent(1) if total else "-"])
    table = data_table(
        scaled(SUMMARY_COLUMNS, writer.text_width_mm()), rows, number_row=False, bold_last=True
    )
    out.append(table)
    out.append(Spacer(1, PARAGRAPH_GAP))
    item = 1
    for area in data.areas:
        writer.check_cancelled()
        item += 1
        out.extend(_area(writer, area, item))
    if data.indicators:
        item += 1
        out.extend(_indicators(writer, data.indicators, item))
    return out


def _area(writer: ReportWriter, area: AreaResult, item: int) -> list[Flowable]:
    st = writer.styles
    heading = f"{item}. {clean(area.title)} (Phụ lục số {area.appendix:02d})"
    out: list[Flowable] = [Paragraph(markup(heading), st.item)]
    counts = summary_counts(area.tasks)
    lead = f" do {clean(area.lead_agency)} chủ trì" if area.lead_agency else ""
    sentence = f"Tổng số {len(area.tasks)} nhiệm vụ{lead}"
    phrase = _count_phrase(counts)
    out.append(Paragraph(markup(sentence + (f"; trong đó {phrase}." if phrase else ".")), st.body))
    out.extend(Paragraph(markup(p), st.body) for p in area.narrative if clean(p))
    for task in area.tasks:
        status = STATUS_LABELS[task.status]
        if task.percent is not None and task.status not in (
            StatusCategory.DONE_ON_TIME,
            StatusCategory.DONE_LATE,
        ):
            status += f" ({task.percent}%)"
        # One plain run of text (no inline italics): ReportLab lays it out several times faster.
        line = (
            f"- Nhiệm vụ {clean(task.no)}: {clean(task.title).rstrip('.')}. Tình trạng: {status}."
        )
        if clean(task.result):
            line += f" Kết quả: {clean(task.result).rstrip('.')}."
        if task.evidence_count:  # "Minh chứng: 0 tệp" on every line says nothing
            line += f" Minh chứng: {task.evidence_count} tệp."
        out.append(Paragraph(markup(line), st.body))
    return out


def _indicator_value(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "%":
        return formatting.percent(value / 100)
    return f"{formatting.number(value)} {unit}".strip()


def _indicators(writer: ReportWriter, rows: tuple[IndicatorRow, ...], item: int) -> list[Flowable]:
    st = writer.styles
    attained = sum(1 for r in rows if r.attained)
    out: list[Flowable] = [
        Paragraph(markup(f"{item}. Kết quả thực hiện các chỉ tiêu"), st.item),
        Paragraph(
            markup(f"Có {attained}/{len(rows)} chỉ tiêu đạt hoặc vượt mục tiêu của Kế hoạch."),
            st.body,
        ),
    ]
    verdict = {True: "Đạt", False: "Chưa đạt", None: "Chưa có số liệu"}
    table_rows = [
        [
            str(i),
            clean(r.name) + (f" ({clean(r.note)})" if clean(r.note) else ""),
            ("≥ " if r.higher_is_better else "≤ ") + _indicator_value(r.target, r.unit)
            if r.target is not None
            else "-",
            _indicator_value(r.actual, r.unit),
            verdict[r.attained],
        ]
        for i, r in enumerate(rows, 1)
    ]
    out.append(
        data_table(scaled(INDICATOR_COLUMNS, writer.text_width_mm()), table_rows, number_row=False)
    )
    out.append(Spacer(1, PARAGRAPH_GAP))
    return out


def _unit_appendix(
    writer: ReportWriter,
    office: OfficeSettings,
    options: DocumentOptions,
    data: PeriodReportData,
    unit: UnitResults,
    label: str,
) -> None:
    writer.begin_section(landscape_pages=True)
    phrase = period_phrase(data.period, data.year).upper()
    writer.add(
        *appendix_heading(
            label,
            [
                f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {phrase}",
                f"Đơn vị: {clean(unit.unit)}",
            ],
            reference_line(office, options, doc_type="BC", year=data.year),
        )
    )
    counts = summary_counts(unit.rows)
    rows = (
        [
            str(i),
            task_ref(r.appendix, r.no),
            r.title,
            STATUS_LABELS[r.status],
            "" if r.percent is None else str(r.percent),
            r.result,
            str(r.evidence_count),
        ]
        for i, r in enumerate(unit.rows, 1)
    )
    writer.add(
        data_table(
            scaled(UNIT_COLUMNS, writer.landscape_width_mm()), rows, check=writer.check_cancelled
        )
    )
    phrase_counts = _count_phrase(counts)
    writer.add(
        Spacer(1, 6),  # the count line never touches the table above it
        Paragraph(
            markup(
                f"Tổng số: {len(unit.rows)} nhiệm vụ"
                + (f" ({phrase_counts})" if phrase_counts else "")
                + "./."
            ),
            writer.styles.body_plain,
        ),
    )
