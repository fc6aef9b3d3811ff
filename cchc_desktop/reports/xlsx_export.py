"""Spreadsheets clerks expect: the plan's tasks and a period's results (openpyxl, .xlsx)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlite_utils import Database

from cchc_desktop.domain.model import STATUS_LABELS, AgencyRole, Appendix, Task
from cchc_desktop.domain.periods import period_phrase
from cchc_desktop.domain.text import clean, nfc
from cchc_desktop.reports.data import PeriodReportData, summary_counts
from cchc_desktop.reports.files import write_bytes_atomically
from cchc_desktop.services import tree_service

Cell = str | int | float | dt.date | None

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XLSX cannot hold
_HEADER_FONT = Font(name="Times New Roman", bold=True, size=12)
_BODY_FONT = Font(name="Times New Roman", size=12)
_TITLE_FONT = Font(name="Times New Roman", bold=True, size=14)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE = Alignment(wrap_text=True, vertical="top", horizontal="center")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
_LINE_HEIGHT = 15.75  # points per line of 12-point Times New Roman


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a task stands as of a day: the status the window shows and its progress."""

    status: str
    percent: int | None = None


Standings = dict[tuple[int, str], Standing]  # (appendix number, STT) → standing


def task_standings(db: Database, plan_id: str, today: dt.date) -> Standings:
    """Each task's status and progress as the tree shows them (tree_service's one rule)."""
    keys = {
        str(tid): (int(number), clean(str(no)))
        for tid, number, no in db.execute(
            "SELECT t.id, a.number, t.no FROM task t JOIN appendix a ON a.id = t.appendix_id"
            " WHERE t.plan_id = ? AND t.deleted = 0",
            [plan_id],
        ).fetchall()
    }
    standings: Standings = {}
    for row in tree_service.task_rows(db, list(keys), today):
        label = row.cancelled or (row.status.label if row.status else "Chưa ghi tiến độ")
        standings[keys[row.ref.id]] = Standing(label, row.percent)
    return standings


def _stt(no: str) -> int | str:
    """STT as a number when it is one, so 10 sorts after 2."""
    text = clean(no)
    return int(text) if text.isdigit() else text


def _lines(value: Cell, width: float) -> int:
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(1, int(width * 1.1))
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))


@dataclass(frozen=True, slots=True)
class XlsxColumn:
    """A column: Vietnamese header, width in characters, centred or not."""

    header: str
    width: float
    centre: bool = False


TASK_COLUMNS: tuple[XlsxColumn, ...] = (
    XlsxColumn("Phụ lục", 8, True),
    XlsxColumn("Lĩnh vực", 24),
    XlsxColumn("STT", 6, True),
    XlsxColumn("Nhiệm vụ cụ thể", 60),
    XlsxColumn("Sản phẩm", 40),
    XlsxColumn("Cơ quan thực hiện", 36),
    XlsxColumn("Cơ quan chủ trì", 28),
    XlsxColumn("Cơ quan phối hợp", 28),
    XlsxColumn("Thời gian thực hiện", 32),
    XlsxColumn("Hạn gần nhất", 13, True),
    XlsxColumn("Tình trạng", 26),
    XlsxColumn("Tiến độ (%)", 10, True),
    XlsxColumn("Ghi chú", 20),
)

RESULT_COLUMNS: tuple[XlsxColumn, ...] = (
    XlsxColumn("Phụ lục", 8, True),
    XlsxColumn("Lĩnh vực", 24),
    XlsxColumn("STT", 6, True),
    XlsxColumn("Nhiệm vụ", 60),
    XlsxColumn("Cơ quan chủ trì", 28),
    XlsxColumn("Thời gian thực hiện", 30),
    XlsxColumn("Hạn", 13, True),
    XlsxColumn("Tình trạng", 26),
    XlsxColumn("Tiến độ (%)", 10, True),
    XlsxColumn("Kết quả thực hiện", 50),
    XlsxColumn("Số minh chứng", 10, True),
)

UNIT_COLUMNS: tuple[XlsxColumn, ...] = (
    XlsxColumn("Đơn vị báo cáo", 30),
    XlsxColumn("Phụ lục", 8, True),
    XlsxColumn("STT", 6, True),
    XlsxColumn("Nhiệm vụ", 60),
    XlsxColumn("Tình trạng", 26),
    XlsxColumn("Tiến độ (%)", 10, True),
    XlsxColumn("Kết quả thực hiện", 50),
    XlsxColumn("Số minh chứng", 10, True),
)


def _text(value: str) -> str:
    return _ILLEGAL.sub("", nfc(value)).strip()


def _write_sheet(
    ws: Worksheet,
    columns: Sequence[XlsxColumn],
    rows: Iterable[Sequence[Cell]],
    *,
    title: Sequence[str] = (),
    bold_rows: Callable[[Sequence[Cell]], bool] | None = None,
) -> int:
    """Header, rows, widths, wrapping, frozen header row and a filter; returns the row count.

    `title` lines go above the table, each across its width (the forms provinces hand out);
    rows for which `bold_rows` says so are bold (areas, totals).
    """
    last = get_column_letter(len(columns))
    for n, line in enumerate(title, 1):
        ws.cell(row=n, column=1, value=line).font = _TITLE_FONT if n == 1 else _HEADER_FONT
        ws.cell(row=n, column=1).alignment = _CENTRE
        ws.merge_cells(f"A{n}:{last}{n}")
        ws.row_dimensions[n].height = 20
    header = len(title) + 1
    ws.append([c.header for c in columns])
    for cell in ws[header]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _HEADER_ALIGN
        cell.border = _BORDER
    count = 0
    for row in rows:
        count += 1
        values = [_text(v) if isinstance(v, str) else v for v in row]
        ws.append(values)
        r = ws.max_row
        for i, column in enumerate(columns, 1):
            cell = ws.cell(row=r, column=i)
            if isinstance(values[i - 1], str) and str(values[i - 1]).startswith("="):
                cell.data_type = "s"  # text, never a formula
            elif isinstance(values[i - 1], dt.date):
                cell.number_format = "DD/MM/YYYY"
            cell.font = _HEADER_FONT if bold_rows is not None and bold_rows(row) else _BODY_FONT
            cell.alignment = _CENTRE if column.centre else _WRAP
            cell.border = _BORDER
        # Row heights from the wrapped text: LibreOffice does not grow rows by itself, and
        # overlapping rows print unreadable.
        lines = max(_lines(v, c.width) for v, c in zip(values, columns, strict=True))
        ws.row_dimensions[r].height = round(lines * _LINE_HEIGHT + 3, 2)
    header_lines = max(_lines(c.header, c.width) for c in columns)
    ws.row_dimensions[header].height = round(header_lines * _LINE_HEIGHT + 6, 2)
    for i, column in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = column.width
    ws.freeze_panes = f"A{header + 1}"
    ws.auto_filter.ref = f"A{header}:{last}{max(header, ws.max_row)}"
    # Printed on landscape A4, every column on one page width, the header on every page.
    ws.print_title_rows = f"{header}:{header}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Trang &P / &N"
    return count


def _save(wb: Workbook, path: str | os.PathLike[str]) -> Path:
    buffer = io.BytesIO()
    wb.save(buffer)
    target = Path(path)
    write_bytes_atomically(target, buffer.getvalue(), suffix=".xlsx")
    return target


def _agencies(task: Task, *roles: AgencyRole) -> str:
    return "; ".join(clean(a.name) for a in task.agencies if a.role in roles)


def _next_due(task: Task) -> dt.date | None:
    dues = [m.due for m in task.milestones if m.due is not None]
    return min(dues) if dues else None


def task_rows(
    appendices: Sequence[Appendix], standings: Standings | None = None
) -> list[list[Cell]]:
    """The rows of the tasks sheet, in plan order (also what the sheet re-opens with)."""
    rows: list[list[Cell]] = []
    for appendix in appendices:
        for task in appendix.tasks:
            standing = (standings or {}).get((appendix.number, clean(task.no)))
            rows.append(
                [
                    appendix.number,
                    clean(appendix.title),
                    _stt(task.no),
                    clean(task.title),
                    "\n".join(clean(p) for p in task.products if clean(p)),
                    clean(task.agencies_text),
                    _agencies(task, AgencyRole.LEAD, AgencyRole.IMPLEMENTING),
                    _agencies(task, AgencyRole.COORDINATING),
                    clean(task.timeline),
                    _next_due(task),
                    standing.status if standing else "",
                    standing.percent if standing else None,
                    clean(task.noted()),
                ]
            )
    return rows


def export_tasks_xlsx(
    appendices: Sequence[Appendix],
    path: str | os.PathLike[str],
    *,
    title: str = "",
    standings: Standings | None = None,
) -> Path:
    """Write the plan's tasks (one row each, every cell of the plan) to an .xlsx file.

    Raises:
        ReportError: the file cannot be written.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    _write_sheet(ws, TASK_COLUMNS, task_rows(appendices, standings))
    wb.properties.title = _text(title) or "Nhiệm vụ cải cách hành chính"
    wb.properties.creator = "CCHC Desktop"
    return _save(wb, path)


def result_rows(data: PeriodReportData) -> list[list[Cell]]:
    """The rows of the results sheet: one per task of every area."""
    return [
        [
            area.appendix,
            clean(area.title),
            _stt(t.no),
            clean(t.title),
            clean(t.lead_agency),
            clean(t.timeline),
            t.due,
            STATUS_LABELS[t.status],
            t.percent,
            clean(t.result),
            t.evidence_count,
        ]
        for area in data.areas
        for t in area.tasks
    ]


def export_period_xlsx(data: PeriodReportData, path: str | os.PathLike[str]) -> Path:
    """Write a period's results: sheets "Kết quả", "Tổng hợp", "Chỉ tiêu" and "Đơn vị".

    Raises:
        ReportError: the file cannot be written.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "Kết quả"
    _write_sheet(ws, RESULT_COLUMNS, result_rows(data))

    counts = summary_counts(data.tasks)
    total = sum(counts.values())
    summary = wb.create_sheet("Tổng hợp")
    _write_sheet(
        summary,
        (
            XlsxColumn("Tình trạng", 32),
            XlsxColumn("Số nhiệm vụ", 14, True),
            XlsxColumn("Tỷ lệ (%)", 12, True),
        ),
        [
            *(
                [STATUS_LABELS[c], n, round(100 * n / total, 1) if total else 0]
                for c, n in counts.items()
            ),
            ["Tổng cộng", total, 100 if total else 0],
        ],
    )

    indicators = wb.create_sheet("Chỉ tiêu")
    _write_sheet(
        indicators,
        (
            XlsxColumn("Chỉ tiêu", 50),
            XlsxColumn("Đơn vị tính", 12, True),
            XlsxColumn("Mục tiêu", 12, True),
            XlsxColumn("Kết quả", 12, True),
            XlsxColumn("Đánh giá", 16, True),
            XlsxColumn("Ghi chú", 30),
        ),
        [
            [
                clean(r.name),
                r.unit,
                r.target,
                r.actual,
                {True: "Đạt", False: "Chưa đạt", None: "Chưa có số liệu"}[r.attained],
                clean(r.note),
            ]
            for r in data.indicators
        ],
    )

    units = wb.create_sheet("Đơn vị")
    _write_sheet(
        units,
        UNIT_COLUMNS,
        [
            [
                clean(u.unit),
                r.appendix,
                _stt(r.no),
                clean(r.title),
                STATUS_LABELS[r.status],
                r.percent,
                clean(r.result),
                r.evidence_count,
            ]
            for u in data.units
            for r in u.rows
        ],
    )
    wb.properties.title = f"Kết quả CCHC {period_phrase(data.period, data.year)}"
    wb.properties.creator = "CCHC Desktop"
    return _save(wb, path)


__all__ = [
    "RESULT_COLUMNS",
    "TASK_COLUMNS",
    "UNIT_COLUMNS",
    "Standing",
    "XlsxColumn",
    "export_period_xlsx",
    "export_tasks_xlsx",
    "result_rows",
    "task_rows",
    "task_standings",
]
