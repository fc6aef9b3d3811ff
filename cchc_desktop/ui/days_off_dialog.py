"""“Ngày nghỉ, ngày làm bù”: the year's days off (public holidays and the office's own days),
adding and removing the office's days, and whether due dates on a day off move to a working day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.errors import CchcError
from cchc_desktop.formatting import date_short, weekday_name
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import calendar_service
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui.forms.ui_days_off_dialog import Ui_DaysOffDialog

PUBLIC_HOLIDAY = "Ngày lễ"
OFFICE_DAY_OFF = "Nghỉ theo thông báo"
MAKE_UP_DAY = "Làm bù"
COL_DATE, COL_WEEKDAY, COL_NAME, COL_KIND = range(4)
_DAY_ROLE = Qt.ItemDataRole.UserRole
_OWN_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class DayRow:
    """One line of the table: a day off (or a make-up working day) of the shown year."""

    day: dt.date
    name: str
    kind: str

    @property
    def removable(self) -> bool:
        """Only the office's own days can be removed; public holidays are the law's."""
        return self.kind != PUBLIC_HOLIDAY


def year_rows(ctx: AppContext, year: int) -> list[DayRow]:
    """Every day off of `year` and every make-up working day, in date order."""
    own = {d.day: d for d in calendar_service.office_days(ctx.db, year)}
    rows = [
        DayRow(day, name, PUBLIC_HOLIDAY)
        for day, name in calendar_service.work_calendar(ctx.db).holidays_in(year)
        if day not in own
    ]
    rows.extend(
        DayRow(d.day, d.name, MAKE_UP_DAY if d.working else OFFICE_DAY_OFF) for d in own.values()
    )
    return sorted(rows, key=lambda r: r.day)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DaysOffDialog(QDialog):
    """The office's working-day calendar for one year at a time.

    Every write goes through `ops.run`, so the calendar tab, the tree and the change log
    follow; a refused value is shown in Vietnamese under the form and changes nothing.

    Attributes:
        changed: something was written while the dialog was open.
    """

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        year: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self.changed = False
        self.rows: list[DayRow] = []
        self.ui = Ui_DaysOffDialog()
        self.ui.setupUi(self)
        ui = self.ui
        table = ui.days_table
        rows_header = table.verticalHeader()
        rows_header.setVisible(False)
        metrics = table.fontMetrics()
        rows_header.setDefaultSectionSize(metrics.height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the longest texts: sizing to contents clipped "Nghỉ theo thông báo"
        # in a row scrolled out of view.
        widest = {
            COL_DATE: ("00/00/0000", "Ngày"),
            COL_WEEKDAY: ("Chủ Nhật", "Thứ Năm", "Thứ"),
            COL_KIND: (PUBLIC_HOLIDAY, OFFICE_DAY_OFF, MAKE_UP_DAY, "Loại"),
        }
        for column, texts in widest.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in texts) + 20)
        shown_year = year if year is not None else ctx.today().year
        ui.year_spin.setValue(shown_year)
        today = ctx.today()
        ui.date_edit.setDate(
            _qdate(today if today.year == shown_year else dt.date(shown_year, 1, 1))
        )
        ui.error_label.setVisible(False)
        ui.shift_check.setChecked(calendar_service.shifts_due_dates(ctx.db))
        if ctx.read_only:
            ui.add_group.setEnabled(False)
            ui.shift_check.setEnabled(False)
            ui.intro_label.setText(
                ui.intro_label.text() + " Dữ liệu đang mở chỉ để xem nên không sửa được."
            )

        ui.year_spin.valueChanged.connect(self._on_year_changed)
        ui.add_button.clicked.connect(self.add_day)
        ui.name_edit.returnPressed.connect(self.add_day)
        ui.remove_button.clicked.connect(self.remove_selected)
        ui.shift_check.toggled.connect(self._on_shift_toggled)
        table.itemSelectionChanged.connect(self._update_buttons)
        ui.button_box.rejected.connect(self.reject)
        self.reload()

    # ------------------------------------------------------------------ data

    @property
    def year(self) -> int:
        return self.ui.year_spin.value()

    def reload(self, select: dt.date | None = None) -> None:
        """Fill the table with the shown year's days; select `select` when it is listed."""
        self.rows = year_rows(self._ctx, self.year)
        table = self.ui.days_table
        table.setRowCount(len(self.rows))
        selected_row = -1
        for row, day_row in enumerate(self.rows):
            cells = (
                date_short(day_row.day),
                weekday_name(day_row.day),
                day_row.name,
                day_row.kind,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_DAY_ROLE, day_row.day.isoformat())
                item.setData(_OWN_ROLE, day_row.removable)
                if not day_row.removable:
                    item.setToolTip("Ngày lễ, Tết theo Bộ luật Lao động: không bỏ được.")
                table.setItem(row, column, item)
            if day_row.day == select:
                selected_row = row
        own = sum(r.removable for r in self.rows)
        self.ui.count_label.setText(
            f"{len(self.rows) - own} ngày lễ, Tết; {own} ngày do cơ quan thêm."
        )
        if selected_row >= 0:
            table.selectRow(selected_row)
        else:
            table.clearSelection()
        self._update_buttons()

    def selected_row(self) -> DayRow | None:
        rows = self.ui.days_table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected_row()
        self.ui.remove_button.setEnabled(
            not self._ctx.read_only and chosen is not None and chosen.removable
        )

    def _on_year_changed(self, year: int) -> None:
        current = self.ui.date_edit.date()
        # Keep the day and month when the clerk moves to another year (29/02 falls back).
        day = min(current.day(), QDate(year, current.month(), 1).daysInMonth())
        self.ui.date_edit.setDate(QDate(year, current.month(), day))
        self.reload()

    # ------------------------------------------------------------------ writes

    def _run(self, mutation: Callable[[], Changes]) -> bool:
        try:
            self._ops.run(mutation)
        except CchcError as exc:
            self.show_error(str(exc))
            return False
        self.changed = True
        self.show_error("")
        return True

    def show_error(self, message: str) -> None:
        """Show a refusal under the form (an empty message hides it)."""
        self.ui.error_label.setText(message)
        self.ui.error_label.setVisible(bool(message))

    def add_day(self) -> None:
        """Store the day of the form as a day off, or as a make-up working day."""
        if self._ctx.read_only:
            return
        q = self.ui.date_edit.date()
        day = dt.date(q.year(), q.month(), q.day())
        name = self.ui.name_edit.text()
        working = self.ui.working_check.isChecked()
        db, author = self._ctx.db, self._ctx.author
        if not self._run(
            lambda: calendar_service.set_office_day(db, day, name, working=working, author=author)
        ):
            return
        self.ui.name_edit.clear()
        self.ui.working_check.setChecked(False)
        if day.year != self.year:
            self.ui.year_spin.blockSignals(True)
            self.ui.year_spin.setValue(day.year)
            self.ui.year_spin.blockSignals(False)
        self.reload(select=day)

    def remove_selected(self) -> None:
        """Remove the selected day if the office added it (public holidays stay)."""
        chosen = self.selected_row()
        if self._ctx.read_only or chosen is None or not chosen.removable:
            return
        db, author, day = self._ctx.db, self._ctx.author, chosen.day
        if self._run(lambda: calendar_service.remove_office_day(db, day, author=author)):
            self.reload()

    def _on_shift_toggled(self, enabled: bool) -> None:
        if self._ctx.read_only:
            return
        db, author = self._ctx.db, self._ctx.author
        if not self._run(lambda: calendar_service.set_shift_due_dates(db, enabled, author=author)):
            self.ui.shift_check.blockSignals(True)
            self.ui.shift_check.setChecked(not enabled)
            self.ui.shift_check.blockSignals(False)

    @classmethod
    def ask(
        cls,
        ctx: AppContext,
        ops: Operations,
        parent: QWidget | None,
        *,
        year: int | None = None,
    ) -> bool:
        """Show the dialog; True when something was written while it was open."""
        dialog = cls(ctx, ops, parent, year=year)
        try:
            dialog.exec()
            return dialog.changed
        finally:
            dialog.deleteLater()
