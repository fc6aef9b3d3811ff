"""Kế hoạch → Điều chỉnh, bổ sung…: record an amending decision, or choose which recorded one
later changes are recorded under (or none)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QListWidgetItem, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import amendment_service, tree_service
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui.forms.ui_amendment_dialog import Ui_AmendmentDialog
from cchc_desktop.ui.plan_dialog import PlanDialog


class AmendmentDialog(PlanDialog):
    """The plan's amending decisions; "Lưu" records a new one and makes it current."""

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        undo_stack: QUndoStack,
        plan_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, ops, undo_stack, plan_id, parent)
        self.ui = Ui_AmendmentDialog()
        self.ui.setupUi(self)
        # Today, unless the plan's year is over (or not begun): then a day within it.
        year = tree_service.plan_year(ctx.db, plan_id) or ctx.today().year
        day = min(max(ctx.today(), dt.date(year, 1, 1)), dt.date(year, 12, 31))
        self.ui.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.use_button.clicked.connect(self._use_selected)
        self.ui.stop_button.clicked.connect(lambda: self._set_current(None))
        self.ui.existing_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.recorded: amendment_service.Amendment | None = None
        self._reload()
        if ctx.read_only:
            for widget in (self.ui.use_button, self.ui.stop_button):
                widget.setEnabled(False)
            self.ui.button_box.button(self.ui.button_box.StandardButton.Save).setEnabled(False)

    def _reload(self) -> None:
        db = self._ctx.db
        current = amendment_service.current_id(db, self._plan_id)
        self.ui.existing_list.clear()
        for a in amendment_service.list_amendments(db, self._plan_id):
            text = a.label + (f": {a.summary}" if a.summary else "")
            item = QListWidgetItem(("▶ " if a.id == current else "") + text)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setToolTip(text)
            self.ui.existing_list.addItem(item)
        chosen = amendment_service.current(db, self._plan_id)
        self.ui.current_label.setText(
            f"Đang ghi theo {chosen.label}."
            if chosen
            else "Các thay đổi hiện không ghi theo quyết định điều chỉnh nào."
        )
        self.ui.existing_group.setVisible(self.ui.existing_list.count() > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        current = amendment_service.current_id(self._ctx.db, self._plan_id)
        row = self.ui.existing_list.currentRow()
        item = self.ui.existing_list.item(row) if row >= 0 else None
        selected = item.data(Qt.ItemDataRole.UserRole) if item else None
        writable = not self._ctx.read_only
        self.ui.use_button.setEnabled(writable and selected is not None and selected != current)
        self.ui.stop_button.setEnabled(writable and current is not None)

    def _use_selected(self) -> None:
        row = self.ui.existing_list.currentRow()
        if row >= 0:
            item = self.ui.existing_list.item(row)
            self._set_current(str(item.data(Qt.ItemDataRole.UserRole)))

    def _set_current(self, amendment_id: str | None) -> None:
        db, author, plan = self._ctx.db, self._ctx.author, self._plan_id
        if self.write(
            "chọn quyết định điều chỉnh",
            lambda: amendment_service.set_current(db, plan, amendment_id, author=author),
            self.ui.error_label,
        ):
            self._reload()

    def accept(self) -> None:
        ui = self.ui
        q = ui.date_edit.date()
        date = dt.date(q.year(), q.month(), q.day())
        db, author = self._ctx.db, self._ctx.author
        found: list[amendment_service.Amendment] = []

        def record() -> Changes:
            amendment, changes = amendment_service.record_amendment(
                db,
                self._plan_id,
                number=ui.number_edit.text(),
                date=date,
                signer_name=ui.signer_edit.text(),
                signer_position=ui.position_edit.text(),
                summary=ui.summary_edit.toPlainText(),
                author=author,
            )
            found.append(amendment)
            return changes

        if self.write("ghi quyết định điều chỉnh", record, ui.error_label):
            self.recorded = found[0]
            super().accept()

    @classmethod
    def ask(
        cls,
        ctx: AppContext,
        ops: Operations,
        undo_stack: QUndoStack,
        plan_id: str,
        parent: QWidget | None = None,
    ) -> amendment_service.Amendment | None:
        """The amending decision recorded, or None."""
        return cls.run_modal(ctx, ops, undo_stack, plan_id, parent).recorded
