"""The “Ngày nghỉ, ngày làm bù” dialog and the “Lập kế hoạch năm sau…” action, from the window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.services import calendar_service, plan_service
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui import plan_draft
from cchc_desktop.ui.days_off_dialog import (
    COL_KIND,
    COL_NAME,
    MAKE_UP_DAY,
    OFFICE_DAY_OFF,
    PUBLIC_HOLIDAY,
    DaysOffDialog,
)
from cchc_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")


def _open(qtbot: QtBot, ctx: AppContext, ops: Operations | None = None) -> DaysOffDialog:
    dialog = DaysOffDialog(ctx, ops or Operations(), None, year=2020)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _cell(dialog: DaysOffDialog, row: int, column: int) -> str:
    item = dialog.ui.days_table.item(row, column)
    assert item is not None
    return item.text()


def _row_of(dialog: DaysOffDialog, text: str) -> int:
    for row in range(dialog.ui.days_table.rowCount()):
        if _cell(dialog, row, 0) == text:
            return row
    return -1


def _add(dialog: DaysOffDialog, day: dt.date, name: str = "", *, working: bool = False) -> None:
    dialog.ui.date_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.ui.name_edit.setText(name)
    dialog.ui.working_check.setChecked(working)
    dialog.ui.add_button.click()


def _log_count(ctx: AppContext) -> int:
    return int(
        ctx.db.execute("SELECT count(*) FROM change_log WHERE tbl = 'day_off'").fetchone()[0]
    )


def test_lists_the_lunar_new_year_as_a_public_holiday(qtbot: QtBot, seed_ctx: AppContext) -> None:
    dialog = _open(qtbot, seed_ctx)
    row = _row_of(dialog, "25/01/2020")
    assert row >= 0
    table = dialog.ui.days_table
    assert _cell(dialog, row, COL_NAME) == "Tết Nguyên đán"
    assert _cell(dialog, row, COL_KIND) == PUBLIC_HOLIDAY
    assert _cell(dialog, row, 1).lower() == "thứ bảy"
    table.selectRow(row)
    assert not dialog.ui.remove_button.isEnabled()  # the law's holidays cannot be removed
    assert dialog.ui.date_edit.displayFormat() == "dd/MM/yyyy"


def test_adding_a_day_off_reaches_the_database_the_log_and_the_table(
    qtbot: QtBot, seed_ctx: AppContext
) -> None:
    ops = Operations()
    seen: list[Changes] = []
    ops.changed.connect(seen.append)
    dialog = _open(qtbot, seed_ctx, ops)
    before = _log_count(seed_ctx)
    _add(dialog, dt.date(2020, 4, 29), "Nghỉ bù theo thông báo")
    assert not dialog.ui.error_label.isVisible()
    assert [(d.day, d.name, d.working) for d in calendar_service.office_days(seed_ctx.db)] == [
        (dt.date(2020, 4, 29), "Nghỉ bù theo thông báo", False)
    ]
    assert _log_count(seed_ctx) > before
    assert seen
    assert seen[-1].touches("day_off")
    row = _row_of(dialog, "29/04/2020")
    assert _cell(dialog, row, COL_KIND) == OFFICE_DAY_OFF
    assert dialog.selected_row() is not None
    assert dialog.ui.remove_button.isEnabled()
    # A Saturday worked in exchange is listed as a make-up day.
    _add(dialog, dt.date(2020, 5, 9), working=True)
    row = _row_of(dialog, "09/05/2020")
    assert _cell(dialog, row, COL_KIND) == MAKE_UP_DAY
    assert calendar_service.work_calendar(seed_ctx.db).is_working_day(dt.date(2020, 5, 9))
    assert dialog.changed


def test_a_weekday_make_up_day_is_refused_in_vietnamese(qtbot: QtBot, seed_ctx: AppContext) -> None:
    dialog = _open(qtbot, seed_ctx)
    rows = dialog.ui.days_table.rowCount()
    before = _log_count(seed_ctx)
    _add(dialog, dt.date(2020, 5, 6), "Làm bù", working=True)  # a Wednesday
    assert dialog.ui.error_label.isVisible()
    assert "06/05/2020" in dialog.ui.error_label.text()
    assert "thứ Bảy hoặc Chủ nhật" in dialog.ui.error_label.text()
    assert calendar_service.office_days(seed_ctx.db) == []
    assert _log_count(seed_ctx) == before
    assert dialog.ui.days_table.rowCount() == rows
    assert not dialog.changed


def test_removing_an_office_day(qtbot: QtBot, seed_ctx: AppContext) -> None:
    calendar_service.set_office_day(seed_ctx.db, dt.date(2020, 9, 3), "Nghỉ bù Quốc khánh")
    dialog = _open(qtbot, seed_ctx)
    row = _row_of(dialog, "03/09/2020")
    dialog.ui.days_table.selectRow(row)
    assert dialog.ui.remove_button.isEnabled()
    dialog.ui.remove_button.click()
    assert calendar_service.office_days(seed_ctx.db) == []
    assert _row_of(dialog, "03/09/2020") == -1
    assert not dialog.ui.error_label.isVisible()


def test_the_shift_checkbox_toggles_the_setting(qtbot: QtBot, seed_ctx: AppContext) -> None:
    dialog = _open(qtbot, seed_ctx)
    assert not dialog.ui.shift_check.isChecked()
    dialog.ui.shift_check.setChecked(True)
    assert calendar_service.shifts_due_dates(seed_ctx.db) is True
    dialog.ui.shift_check.setChecked(False)
    assert calendar_service.shifts_due_dates(seed_ctx.db) is False


def test_another_year_and_read_only(qtbot: QtBot, seed_ctx: AppContext) -> None:
    seed_ctx.read_only = True
    dialog = _open(qtbot, seed_ctx)
    dialog.ui.year_spin.setValue(2021)
    assert _row_of(dialog, "12/02/2021") >= 0  # Tết Tân Sửu
    assert dialog.ui.date_edit.date().year() == 2021
    assert not dialog.ui.add_group.isEnabled()
    assert not dialog.ui.shift_check.isEnabled()
    dialog.ui.days_table.selectRow(0)
    assert not dialog.ui.remove_button.isEnabled()


def test_the_menu_opens_the_dialog_at_the_plan_year(
    qtbot: QtBot, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    years: list[int] = []

    def fake_exec(self: QDialog) -> int:
        if isinstance(self, DaysOffDialog):
            years.append(self.year)
        return 0

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    assert window.action_days_off in window.ui.menu_catalog.actions()
    window.action_days_off.trigger()
    assert years == [2020]


def test_next_year_action_creates_the_2021_plan_and_selects_it(
    qtbot: QtBot, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []

    def ask_year(_parent: object, source_year: int) -> int:
        asked.append(source_year)
        return source_year + 1

    monkeypatch.setattr(plan_draft, "ask_year", ask_year)
    opened = _header_dialogs(monkeypatch)
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    actions = window.ui.menu_file.actions()
    assert actions.index(window.action_next_year) == actions.index(window.ui.action_import_plan) + 1
    window.action_next_year.trigger()
    assert asked == [2020]
    plans = {p.year: p for p in plan_service.list_plans(seed_ctx.db)}
    assert plans[2021].task_count == 37
    assert window.plan_id == plans[2021].id
    assert window.ui.plan_combo.currentData() == plans[2021].id
    assert window.plan_year() == 2021
    source = seed_ctx.db.execute("SELECT source_name FROM plan WHERE id = ?", [plans[2021].id])
    assert source.fetchone()[0] == "Dự thảo từ kế hoạch năm 2020"
    # The draft is finished in its decision's header editor, opened on it straight away.
    assert opened == [plans[2021].id]


def _header_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record (instead of showing) the plan-header dialogs the window opens."""
    from cchc_desktop.ui.plan_header_dialog import PlanHeaderDialog

    opened: list[str] = []
    monkeypatch.setattr(
        PlanHeaderDialog,
        "ask",
        classmethod(lambda _cls, _ctx, _ops, _undo, plan, _parent: opened.append(plan) or True),
    )
    return opened


def test_next_year_again_is_refused_in_vietnamese(
    qtbot: QtBot, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    warnings: list[str] = []
    monkeypatch.setattr(plan_draft, "ask_year", lambda _p, _year: 2021)

    def warn(_parent: object, _title: str, text: str, *_args: object) -> int:
        warnings.append(text)
        return 0

    monkeypatch.setattr(QMessageBox, "warning", warn)
    _header_dialogs(monkeypatch)
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    source_id = window.plan_id
    window.action_next_year.trigger()
    window.ui.plan_combo.setCurrentIndex(window.ui.plan_combo.findData(source_id))
    window.action_next_year.trigger()
    assert len(warnings) == 1
    assert "Đã có dự thảo kế hoạch năm 2021" in warnings[0]
    assert len(plan_service.list_plans(seed_ctx.db)) == 2
