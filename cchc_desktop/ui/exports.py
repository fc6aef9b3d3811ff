"""Exports from the window: tasks or a period's results as Excel, deadlines as iCalendar.

Imported on first use: openpyxl and icalendar would slow the window's start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.domain.periods import PERIOD_LABELS, ReportingPeriod
from cchc_desktop.qt.workers import Worker
from cchc_desktop.reports import report_service
from cchc_desktop.reports.ical_export import export_milestones_ics
from cchc_desktop.reports.xlsx_export import (
    export_period_xlsx,
    export_tasks_xlsx,
    task_standings,
)
from cchc_desktop.services import settings_service
from cchc_desktop.services.plan_service import load_plan
from cchc_desktop.services.startup import worker_connection
from cchc_desktop.ui.choice_dialog import period_dialog
from cchc_desktop.ui.job_progress import attach_progress_dialog, failure_text


class ExportKind(StrEnum):
    TASKS_XLSX = "tasks_xlsx"
    PERIOD_XLSX = "period_xlsx"
    CALENDAR_ICS = "calendar_ics"


_FILE_FILTERS = {
    ExportKind.TASKS_XLSX: "Bảng tính Excel (*.xlsx)",
    ExportKind.PERIOD_XLSX: "Bảng tính Excel (*.xlsx)",
    ExportKind.CALENDAR_ICS: "Lịch iCalendar (*.ics)",
}
_SUFFIXES = {
    ExportKind.TASKS_XLSX: ".xlsx",
    ExportKind.PERIOD_XLSX: ".xlsx",
    ExportKind.CALENDAR_ICS: ".ics",
}


def export_job(
    db_path: Path,
    plan_id: str,
    kind: ExportKind,
    period: ReportingPeriod | None,
    target: Path,
    today: dt.date,
    *,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> str:
    """Write the export on a worker thread (its own read connection); return the summary."""
    with worker_connection(db_path, read_only=True) as db:
        progress(10)
        plan = load_plan(db, plan_id)
        if kind is ExportKind.TASKS_XLSX:
            standings = task_standings(db, plan_id, today)
            export_tasks_xlsx(plan.appendices, target, title=plan.title, standings=standings)
            summary = f"{plan.task_count} nhiệm vụ"
        elif kind is ExportKind.PERIOD_XLSX:
            assert period is not None
            data = report_service.period_report_data(
                db, plan_id, period, today, settings_service.reporting_rules(db)
            )
            export_period_xlsx(data, target)
            summary = f"kết quả {PERIOD_LABELS[period].lower()} năm {plan.year}"
        else:
            written = export_milestones_ics(
                plan.appendices, target, year=plan.year, name=plan.title
            )
            summary = written.summary()
        progress(100)
        return summary


def ask_target(parent: QWidget | None, kind: ExportKind, suggested: Path) -> Path | None:
    """The file to write, chosen by the clerk (None when cancelled)."""
    name, _ = QFileDialog.getSaveFileName(
        parent, "Xuất ra tệp", str(suggested), _FILE_FILTERS[kind]
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == _SUFFIXES[kind] else path.with_suffix(_SUFFIXES[kind])


def ask_period(parent: QWidget | None, year: int) -> ReportingPeriod | None:
    dialog = period_dialog(parent, year)
    try:
        return dialog.period() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def start_export(
    parent: QWidget,
    ctx: AppContext,
    plan_id: str,
    year: int,
    kind: ExportKind,
    done: Callable[[str], None],
) -> Worker | None:
    """Ask what is needed, then export on a worker; `done` receives the clerk's message."""
    period = None
    if kind is ExportKind.PERIOD_XLSX:
        period = ask_period(parent, year)
        if period is None:
            return None
    stem = {
        ExportKind.TASKS_XLSX: f"nhiem-vu-cchc-{year}",
        ExportKind.PERIOD_XLSX: f"ket-qua-cchc-{year}-{period}",
        ExportKind.CALENDAR_ICS: f"thoi-han-cchc-{year}",
    }[kind]
    target = ask_target(parent, kind, Path.home() / f"{stem}{_SUFFIXES[kind]}")
    if target is None:
        return None
    worker = Worker(export_job, ctx.db_path, plan_id, kind, period, target, ctx.today())
    attach_progress_dialog(worker, parent, title="Xuất dữ liệu", text=f"Đang ghi {target.name}…")
    worker.signals.result.connect(lambda summary: done(f"Đã xuất {summary} ra {target}."))
    worker.signals.error.connect(
        lambda exc: QMessageBox.warning(
            parent, "Không xuất được", failure_text(exc, "Không xuất được tệp")
        )
    )
    worker.start()
    return worker
