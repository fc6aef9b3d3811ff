"""The PAR index hand-in: the self-assessment report (Decree 30 layout, score table appended),
the score table as XLSX, and the ranking of units at the office above."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from reportlab.platypus import Paragraph

from cchc_desktop.domain.office import OfficeSettings
from cchc_desktop.domain.par import format_points
from cchc_desktop.reports.data import DocumentOptions
from cchc_desktop.reports.document import (
    Cancelled,
    Column,
    Progress,
    ReportResult,
    ReportWriter,
    appendix_heading,
    data_table,
    markup,
)
from cchc_desktop.reports.official import closing_and_signature, opening, reference_line, scaled
from cchc_desktop.reports.xlsx_export import XlsxColumn, _save, _write_sheet


@dataclass(frozen=True)
class ScoreRow:
    code: str
    depth: int
    title: str
    max_score: Decimal | None
    self_score: Decimal | None
    appraised: Decimal | None
    self_assessed: bool
    note: str
    evidence: tuple[str, ...]  # what proves it, as the clerk sees it
    appraisal_note: str = ""


@dataclass(frozen=True)
class ParReportData:
    year: int
    unit: str  # "UBND xã Minh Sơn"
    level_label: str  # "cấp xã"
    total: Decimal
    self_max: Decimal  # the self-assessed part of the total
    self_total: Decimal | None
    appraised_total: Decimal | None
    rows: tuple[ScoreRow, ...]
    survey_total: Decimal | None = None  # the published survey points the unit recorded

    @property
    def recorded_total(self) -> Decimal | None:
        """The unit's own points and the survey points it recorded: the column's total."""
        parts = [p for p in (self.self_total, self.survey_total) if p is not None]
        return sum(parts, Decimal(0)) if parts else None

    @property
    def areas(self) -> list[ScoreRow]:
        return [r for r in self.rows if r.depth == 0]

    @property
    def missing_evidence(self) -> list[ScoreRow]:
        leaves = {r.code for r in self.rows} - {
            r.code.rsplit(".", 1)[0] for r in self.rows if "." in r.code
        }
        return [
            r
            for r in self.rows
            if r.code in leaves and r.self_assessed and r.self_score and not r.evidence
        ]


SCORE_COLUMNS: tuple[Column, ...] = (
    Column("STT", 16, "CENTER"),
    Column("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", 90),
    Column("Điểm tối đa", 18, "CENTER"),
    Column("Điểm tự đánh giá", 20, "CENTER"),
    Column("Giải trình", 55),
    Column("Tài liệu kiểm chứng", 60),
)

XLSX_COLUMNS: tuple[XlsxColumn, ...] = (
    XlsxColumn("STT", 9, True),
    XlsxColumn("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", 60),
    XlsxColumn("Điểm tối đa", 10, True),
    XlsxColumn("Điểm tự đánh giá", 12, True),
    XlsxColumn("Giải trình", 40),
    XlsxColumn("Tài liệu kiểm chứng", 50),
    XlsxColumn("Điểm thẩm định", 12, True),
    XlsxColumn("Ý kiến thẩm định", 40),
)


def _sentence(text: str) -> str:
    """An area written in capitals, as running text: "CẢI CÁCH THỂ CHẾ" → "Cải cách thể chế"."""
    return text[:1] + text[1:].lower() if text.isupper() else text


def _points(value: Decimal | None) -> str:
    return format_points(value)


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


def score_table_rows(data: ParReportData) -> list[list[str]]:
    return [
        [
            r.code,
            r.title.upper() if r.depth == 0 else r.title,
            _points(r.max_score),
            _points(r.self_score)
            if r.self_assessed or r.self_score is not None
            else "(điều tra XHH)",
            r.note,
            "\n".join(f"- {e}" for e in r.evidence),
        ]
        for r in data.rows
    ]


def build_par_report(
    data: ParReportData,
    office: OfficeSettings,
    path: str | os.PathLike[str],
    *,
    options: DocumentOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReportResult:
    """The BÁO CÁO of the self-assessment with the score table as its appendix."""
    opts = options or DocumentOptions()
    summary = (
        f"Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {data.year} của {data.unit}"
    )
    writer = ReportWriter(
        title=summary,
        author=office.issuer_short,
        subject=f"Chỉ số CCHC năm {data.year}",
        margins=opts.margins,
        progress=progress,
        cancelled=cancelled,
    )
    writer.begin_section()
    opening(writer, office, opts, doc_type="BC", summary=summary, year=data.year)
    st = writer.styles
    body = [
        Paragraph(
            markup(
                f"Thực hiện Bộ Chỉ số cải cách hành chính {data.level_label} năm {data.year}, "
                f"{data.unit} đã tự đánh giá, chấm điểm các tiêu chí, tiêu chí thành phần kèm "
                "theo tài liệu kiểm chứng; kết quả như sau:"
            ),
            st.body,
        ),
        Paragraph(
            markup(
                f"1. Tổng điểm tự đánh giá: {_points(data.self_total) or '0'}/"
                f"{_points(data.self_max)} điểm (phần điểm đơn vị tự đánh giá; thang điểm "
                f"{_points(data.total)} của Bộ Chỉ số)."
                + (
                    f" Điểm điều tra xã hội học theo kết quả đã công bố: "
                    f"{_points(data.survey_total)}/{_points(data.total - data.self_max)} điểm; "
                    f"tổng cộng {_points(data.recorded_total)}/"
                    f"{_points(data.total)} điểm."
                    if data.survey_total is not None
                    else ""
                )
            ),
            st.body,
        ),
        Paragraph(markup("2. Điểm tự đánh giá theo từng lĩnh vực:"), st.body),
    ]
    areas = data.areas
    for k, area in enumerate(areas, 1):
        own = (
            f"{_points(area.self_score) or '0'}/{_points(area.max_score)} điểm"
            if area.self_assessed
            else (
                f"{_points(area.self_score)}/{_points(area.max_score)} điểm theo kết quả điều tra "
                "xã hội học"
                if area.self_score is not None
                else f"{_points(area.max_score)} điểm, do điều tra xã hội học đánh giá"
            )
        )
        end = "." if k == len(areas) else ";"
        body.append(
            Paragraph(markup(f"- {area.code}. {_sentence(area.title)}: {own}{end}"), st.body)
        )
    missing = data.missing_evidence
    if missing:
        codes = ", ".join(r.code for r in missing)
        body.append(
            Paragraph(
                markup(f"3. Tiêu chí đã chấm điểm nhưng chưa có tài liệu kiểm chứng: {codes}."),
                st.body,
            )
        )
    else:
        body.append(
            Paragraph(
                markup("3. Mọi tiêu chí đã chấm điểm đều có tài liệu kiểm chứng kèm theo."),
                st.body,
            )
        )
    body.append(Paragraph(markup("Chi tiết điểm từng tiêu chí tại Phụ lục kèm theo."), st.body))
    writer.add(*body)
    closing_and_signature(
        writer,
        office,
        opts,
        f"Trên đây là kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {data.year} "
        f"của {data.unit}, kính đề nghị cơ quan có thẩm quyền xem xét, thẩm định.",
    )
    writer.begin_section(landscape_pages=True)
    writer.add(
        *appendix_heading(
            "Phụ lục",
            [f"BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {data.year}"],
            reference_line(office, opts, doc_type="BC", year=data.year),
        )
    )
    rows = [
        *score_table_rows(data),
        ["", "TỔNG CỘNG", _points(data.total), _points(data.recorded_total), "", ""],
    ]
    writer.add(
        data_table(
            scaled(SCORE_COLUMNS, writer.landscape_width_mm()), rows, check=writer.check_cancelled
        )
    )
    writer.add(Paragraph("./.", st.body_plain))
    return writer.render(path)


def export_score_xlsx(data: ParReportData, path: str | os.PathLike[str]) -> Path:
    """The score table as the provinces ask for it: one row per node, the total last."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"Chỉ số CCHC {data.year}"
    rows: list[list[str | int | float | None]] = [
        [
            r.code,
            r.title,
            _number(r.max_score),
            _number(r.self_score),
            r.note,
            "\n".join(r.evidence),
            _number(r.appraised),
            r.appraisal_note,
        ]
        for r in data.rows
    ]
    rows.append(
        [
            "",
            "Tổng cộng",
            _number(data.total),
            _number(data.recorded_total),
            "",
            "",
            _number(data.appraised_total),
            "",
        ]
    )
    # As the provinces' forms: the title and the unit above the table, areas and the total bold.
    title = (
        f"BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {data.year}",
        f"Đơn vị: {data.unit} ({data.level_label})",
    )
    _write_sheet(ws, XLSX_COLUMNS, rows, title=title, bold_rows=lambda row: "." not in str(row[0]))
    return _save(wb, path)


@dataclass(frozen=True)
class RankingData:
    year: int
    level_label: str
    areas: tuple[str, ...]  # "1. Công tác chỉ đạo…"
    rows: tuple[tuple[int, str, Decimal, tuple[Decimal | None, ...], bool], ...]


def export_ranking_xlsx(data: RankingData, path: str | os.PathLike[str]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"Xếp hạng {data.year}"
    columns = [
        XlsxColumn("Xếp hạng", 9, True),
        XlsxColumn("Đơn vị", 32),
        XlsxColumn("Tổng điểm", 11, True),
        *(XlsxColumn(a, 14, True) for a in data.areas),
        XlsxColumn("Đã thẩm định", 12, True),
    ]
    rows = [
        [rank, unit, _number(total), *(_number(v) for v in areas), "Có" if done else "Chưa"]
        for rank, unit, total, areas, done in data.rows
    ]
    _write_sheet(ws, columns, rows)
    return _save(wb, path)


def build_ranking_report(
    data: RankingData,
    office: OfficeSettings,
    path: str | os.PathLike[str],
    *,
    options: DocumentOptions | None = None,
) -> ReportResult:
    """The ranking table of units by total and by area, on landscape pages."""
    opts = options or DocumentOptions()
    summary = (
        f"Kết quả thẩm định, xếp hạng Chỉ số cải cách hành chính {data.level_label} năm {data.year}"
    )
    writer = ReportWriter(title=summary, author=office.issuer_short, margins=opts.margins)
    writer.begin_section(landscape_pages=True)
    writer.add(
        *appendix_heading(
            "Bảng xếp hạng",
            [f"XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH {data.level_label.upper()} NĂM {data.year}"],
            None,
        )
    )
    columns: Sequence[Column] = (
        Column("Xếp hạng", 16, "CENTER"),
        Column("Đơn vị", 60),
        Column("Tổng điểm", 20, "CENTER"),
        *(Column(a.split(".", 1)[0], 14, "CENTER") for a in data.areas),
    )
    rows = [
        [str(rank), unit, _points(total), *(_points(v) for v in areas)]
        for rank, unit, total, areas, _done in data.rows
    ]
    writer.add(data_table(scaled(columns, writer.landscape_width_mm()), rows))
    legend = "; ".join(data.areas)
    writer.add(Paragraph(markup(f"Lĩnh vực: {legend}."), writer.styles.body_plain))
    return writer.render(path)
