"""The editor's progress tab: the reports of a task by unit and period, and the form of one.

The form belongs to one (unit, period) key; choosing another key with unsaved text asks first,
and "save" stores the text under the key it was typed for.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, QObject
from PySide6.QtWidgets import QAbstractItemView, QComboBox

from cchc_desktop.domain.model import WORK_STATE_LABELS, WorkState
from cchc_desktop.domain.periods import (
    PERIOD_LABELS,
    ReportingPeriod,
    period_for_date,
    period_phrase,
)
from cchc_desktop.errors import CchcError
from cchc_desktop.qt import settings as setting_keys
from cchc_desktop.qt.undo import run_undoable
from cchc_desktop.qtmodels.progress_models import ProgressTableModel
from cchc_desktop.services import evidence_service, progress_service
from cchc_desktop.services.progress_service import ProgressEdit
from cchc_desktop.services.task_service import TaskDetail
from cchc_desktop.ui.task_history import TAB_PROGRESS, fit_columns
from cchc_desktop.ui.unsaved_dialog import UnsavedChoice, UnsavedDialog

if TYPE_CHECKING:
    from cchc_desktop.ui.task_editor import TaskEditor

NO_PERCENT = -1  # the spin box's "chưa ghi"
NO_DATE = QDate(2000, 1, 1)  # the completion date's "chưa ghi"


class ProgressPane(QObject):
    """Shows, chooses and saves the progress reports of the editor's task."""

    def __init__(self, editor: TaskEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.model = ProgressTableModel(self)
        self.snapshot: object = None
        self._current_key: tuple[str, str] | None = None
        ui = editor.ui
        ui.progress_view.setModel(self.model)
        ui.progress_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(ui.progress_view, ProgressTableModel.COL_RESULT)
        for period in ReportingPeriod:
            ui.period_combo.addItem(PERIOD_LABELS[period], str(period))
        for state in WorkState:
            ui.state_combo.addItem(WORK_STATE_LABELS[state], str(state))
        # "chưa ghi" until the clerk picks the day: recording a 2020 result today must not
        # claim it was finished today.
        ui.completed_date_edit.setMinimumDate(NO_DATE)
        ui.completed_date_edit.setSpecialValueText("chưa ghi – chọn ngày")
        ui.completed_date_edit.setDate(NO_DATE)
        self._connect()

    def _connect(self) -> None:
        ui = self.editor.ui
        on_edited = self.editor.on_edited
        ui.result_edit.textChanged.connect(on_edited)
        ui.state_combo.currentIndexChanged.connect(lambda _i: self._on_state_changed())
        ui.percent_spin.valueChanged.connect(lambda _v: on_edited())
        ui.completed_date_edit.dateChanged.connect(lambda _d: on_edited())
        ui.period_combo.activated.connect(lambda _i: self._on_report_key_chosen())
        ui.unit_combo.activated.connect(lambda _i: self._on_report_key_chosen())
        ui.progress_view.clicked.connect(self._on_progress_row_clicked)

    def set_read_only(self, locked: bool) -> None:
        ui = self.editor.ui
        ui.result_edit.setReadOnly(locked)
        ui.state_combo.setEnabled(not locked)
        ui.percent_spin.setEnabled(not locked)
        if locked:
            ui.completed_date_edit.setEnabled(False)
        else:
            self._update_completed_enabled()

    # ------------------------------------------------------------------ loading

    def load_task(self, task: TaskDetail) -> None:
        self.editor.ui.year_value.setText(str(task.plan_year))
        self._fill_units(task.id)
        self._choose_default_report(task)
        self.reload_list()
        self.load_report()

    def _fill_units(self, task_id: str) -> None:
        combo = self.editor.ui.unit_combo
        combo.blockSignals(True)
        combo.clear()
        for agency_id, name in progress_service.reporting_units(self.editor.ctx.db, task_id):
            combo.addItem(name, agency_id)
        combo.blockSignals(False)

    def _choose_default_report(self, task: TaskDetail) -> None:
        ui = self.editor.ui
        period, year = period_for_date(self.editor.ctx.today())
        if year != task.plan_year:
            period = ReportingPeriod.Y
        set_combo(ui.period_combo, str(period))
        remembered = self.editor.settings.get(setting_keys.LAST_UNIT_ID)
        if not remembered or ui.unit_combo.findData(remembered) < 0:
            remembered = ui.unit_combo.itemData(0) if ui.unit_combo.count() else ""
        set_combo(ui.unit_combo, remembered)

    def report_key(self) -> tuple[str, str] | None:
        """(unit id, period code) the progress form shows."""
        unit = self.editor.ui.unit_combo.currentData()
        period = self.editor.ui.period_combo.currentData()
        if not unit or not period:
            return None
        return str(unit), str(period)

    def show_key(self, key: tuple[str, str]) -> None:
        """Point the unit and period combos at `key` without asking anything."""
        set_combo(self.editor.ui.unit_combo, key[0])
        set_combo(self.editor.ui.period_combo, key[1])

    def current_progress_id(self) -> str | None:
        key = self.report_key()
        task = self.editor.task
        if task is None or key is None:
            return None
        return progress_service.progress_row_id(task.id, key[0], task.plan_year, key[1])

    def load_report(self) -> None:
        """Fill the progress form from the stored report of the chosen unit and period."""
        editor = self.editor
        was_loading = editor.loading
        editor.loading = True
        try:
            ui = editor.ui
            self._current_key = self.report_key()
            progress_id = self.current_progress_id()
            record = (
                progress_service.get_progress(editor.ctx.db, progress_id) if progress_id else None
            )
            state = record.state if record else WorkState.NOT_STARTED
            set_combo(ui.state_combo, str(state))
            ui.percent_spin.setValue(
                record.percent if record and record.percent is not None else NO_PERCENT
            )
            completed = record.completed_on if record else None
            ui.completed_date_edit.setDate(_qdate(completed) if completed else NO_DATE)
            task = editor.task
            if completed is None and task is not None:
                # The calendar opens on the period's last month, not in the year 2000.
                key = self.report_key()
                last = ReportingPeriod(key[1]).last_month if key else 12
                ui.completed_date_edit.calendarWidget().setCurrentPage(task.plan_year, last)
            ui.result_edit.setPlainText(record.result if record else "")
            editor.evidence.model.set_rows(
                evidence_service.list_evidence(editor.ctx.db, record.id) if record else []
            )
            row = self.model.row_of(progress_id or "")
            if row >= 0:
                ui.progress_view.selectRow(row)
            else:
                ui.progress_view.clearSelection()
            self._update_completed_enabled()
        finally:
            editor.loading = was_loading
        self.snapshot = self.state()
        editor.update_state()

    def reload_list(self) -> None:
        task = self.editor.task
        if task is None:
            self.model.set_rows([])
            return
        self.model.set_rows(progress_service.list_task_progress(self.editor.ctx.db, task.id))

    # ------------------------------------------------------------------ dirty state

    def state(self) -> object:
        """What the progress form shows, to compare with what was loaded."""
        if self.editor.task is None:
            return None
        ui = self.editor.ui
        return (
            ui.state_combo.currentData(),
            ui.percent_spin.value(),
            ui.completed_date_edit.date().toString("yyyy-MM-dd")
            if ui.state_combo.currentData() == str(WorkState.DONE)
            else "",
            ui.result_edit.toPlainText(),
        )

    def take_snapshot(self) -> None:
        self.snapshot = self.state()

    def dirty(self) -> bool:
        return self.state() != self.snapshot

    def _on_state_changed(self) -> None:
        self._update_completed_enabled()
        ui = self.editor.ui
        state = WorkState(ui.state_combo.currentData())
        if not self.editor.loading and state is WorkState.DONE:
            ui.percent_spin.setValue(100)
        self.editor.on_edited()

    def _update_completed_enabled(self) -> None:
        ui = self.editor.ui
        done = ui.state_combo.currentData() == str(WorkState.DONE)
        ui.completed_date_edit.setEnabled(done)
        ui.completed_caption.setEnabled(done)

    # ------------------------------------------------------------------ saving

    def progress_edit(self) -> ProgressEdit:
        task = self.editor.task
        assert task is not None
        ui = self.editor.ui
        key = self.report_key()
        percent = ui.percent_spin.value()
        state = WorkState(ui.state_combo.currentData())
        chosen = ui.completed_date_edit.date()
        completed = chosen if state is WorkState.DONE and chosen != NO_DATE else None
        return ProgressEdit(
            task_id=task.id,
            unit_id=key[0] if key else "",
            year=task.plan_year,
            period=ReportingPeriod(key[1]) if key else ReportingPeriod.Y,
            state=state,
            percent=None if percent == NO_PERCENT else percent,
            result=ui.result_edit.toPlainText(),
            completed_on=_pydate(completed) if completed is not None else None,
        )

    def save(self) -> None:
        editor = self.editor
        assert editor.task is not None
        edit = self.progress_edit()
        db, author, today = editor.ctx.db, editor.ctx.author, editor.ctx.today()
        unit = editor.ui.unit_combo.currentText()
        run_undoable(
            editor.undo_stack,
            editor.ctx,
            editor.ops,
            f"ghi tiến độ {period_phrase(edit.period, edit.year)} – {unit}",
            lambda: progress_service.save_progress(db, edit, today=today, author=author),
        )
        editor.settings.set(setting_keys.LAST_UNIT_ID, edit.unit_id)
        self.reload_list()
        self.load_report()

    # ------------------------------------------------------------------ choosing a report

    def _on_report_key_chosen(self) -> None:
        key = self.report_key()
        if key == self._current_key:
            return
        if self.dirty():
            choice = UnsavedDialog.ask(
                self.editor, "Báo cáo tiến độ của kỳ, đơn vị trước chưa được lưu."
            )
            if choice is UnsavedChoice.CANCEL or (
                choice is UnsavedChoice.SAVE and not self._save_previous_report()
            ):
                if self._current_key is not None:
                    self.show_key(self._current_key)
                return
        self.load_report()

    def _save_previous_report(self) -> bool:
        """Save the form under the unit and period it was filled for (the combos moved on)."""
        previous = self._current_key
        if previous is None:
            return True
        wanted = self.report_key()
        self.show_key(previous)
        try:
            self.save()
        except CchcError as exc:
            self.editor.ui.validation_label.setText(str(exc))
            return False
        if wanted is not None:
            self.show_key(wanted)
        return True

    def _on_progress_row_clicked(self, index: QModelIndex) -> None:
        record = self.model.record(index.row())
        if (record.unit_id, str(record.period)) == self.report_key():
            return
        task = self.editor.task
        if record.year != (task.plan_year if task else record.year):
            return
        self.show_key((record.unit_id, str(record.period)))
        self._on_report_key_chosen()

    def select_report(self, unit_id: str, period: ReportingPeriod) -> None:
        """Show the report of `unit_id` for `period` (asks about unsaved text first)."""
        self.editor.ui.tabs.setCurrentIndex(TAB_PROGRESS)
        self.show_key((unit_id, str(period)))
        self._on_report_key_chosen()


def set_combo(combo: QComboBox, data: object) -> None:
    """Select the item holding `data` (the first if none) without emitting signals."""
    combo.blockSignals(True)
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())
