"""The main window's filter bar: its choices, what it says as a `TaskFilter`, and its reset."""

from __future__ import annotations

from cchc_desktop.domain.model import STATUS_LABELS, StatusCategory
from cchc_desktop.domain.periods import PERIOD_LABELS, ReportingPeriod
from cchc_desktop.qtmodels.task_filter_proxy import Deadline, TaskFilter
from cchc_desktop.ui.forms.ui_main_window import Ui_MainWindow


def fill_choices(ui: Ui_MainWindow) -> None:
    """The status, period and deadline choices (agencies come from the database)."""
    ui.status_combo.addItem("Mọi trạng thái", None)
    for category in StatusCategory:
        ui.status_combo.addItem(STATUS_LABELS[category], category)
    ui.period_combo.addItem("Mọi kỳ báo cáo", None)
    for period in ReportingPeriod:
        ui.period_combo.addItem(f"Kỳ báo cáo {PERIOD_LABELS[period]}", period)
    ui.deadline_combo.addItem("Mọi thời hạn", Deadline.ANY)
    ui.deadline_combo.addItem("Quá hạn", Deadline.OVERDUE)
    ui.deadline_combo.addItem("Đến hạn trong 7 ngày", Deadline.DUE_SOON)


def read_filter(ui: Ui_MainWindow) -> TaskFilter:
    """What the filter bar says."""
    # Combo data comes back as plain str (QVariant drops the enum type).
    status = ui.status_combo.currentData()
    period = ui.period_combo.currentData()
    return TaskFilter(
        text=ui.search_edit.text(),
        agency_id=ui.agency_combo.currentData(),
        status=StatusCategory(status) if status else None,
        period=ReportingPeriod(period) if period else None,
        deadline=Deadline(ui.deadline_combo.currentData() or Deadline.ANY),
    )


def reset(ui: Ui_MainWindow) -> None:
    """Every choice back to "all" and the search cleared, without emitting signals."""
    for combo in (ui.agency_combo, ui.status_combo, ui.period_combo, ui.deadline_combo):
        combo.blockSignals(True)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)
    ui.search_edit.blockSignals(True)
    ui.search_edit.clear()
    ui.search_edit.blockSignals(False)
