"""The decision that issues a plan (the decision node's editor): issuing body, number and
symbol, date, signer, title and the decision's text, one paragraph per line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import plan_header
from cchc_desktop.services.plan_header import PlanHeader
from cchc_desktop.ui.forms.ui_plan_header_dialog import Ui_PlanHeaderDialog
from cchc_desktop.ui.job_progress import show_status
from cchc_desktop.ui.office_settings_dialog import PREFIX_LABELS
from cchc_desktop.ui.plan_dialog import PlanDialog


class PlanHeaderDialog(PlanDialog):
    """Edit one plan's decision header; "Lưu" is one undoable write through the services."""

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        undo_stack: QUndoStack,
        plan_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, ops, undo_stack, plan_id, parent)
        self.ui = Ui_PlanHeaderDialog()
        self.ui.setupUi(self)
        for prefix, text in PREFIX_LABELS.items():
            self.ui.prefix_combo.addItem(text, prefix)
        self.ui.undated_check.toggled.connect(lambda on: self.ui.date_edit.setEnabled(not on))
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.header = plan_header.load_header(ctx.db, plan_id)
        self.set_header(self.header)
        self.setWindowTitle(f"Quyết định ban hành kế hoạch năm {self.header.year}")
        self._show_missing()
        if ctx.read_only:
            self.ui.button_box.button(self.ui.button_box.StandardButton.Save).setEnabled(False)

    def set_header(self, header: PlanHeader) -> None:
        ui = self.ui
        ui.issuing_edit.setText(header.issuing_body)
        ui.number_edit.setText(header.number)
        day = header.date or dt.date(header.year - 1, 12, 31)
        ui.date_edit.setDate(QDate(day.year, day.month, day.day))
        ui.undated_check.setChecked(header.date is None)
        ui.date_edit.setEnabled(header.date is not None)
        ui.decision_title_edit.setText(header.decision_title)
        ui.plan_title_edit.setText(header.title)
        index = ui.prefix_combo.findData(header.signer_prefix)
        ui.prefix_combo.setCurrentIndex(max(index, 0))
        ui.position_edit.setText(header.signer_position)
        ui.signer_edit.setText(header.signer_name)
        ui.body_edit.setPlainText("\n".join(header.body))

    def edited(self) -> PlanHeader:
        ui = self.ui
        date = None
        if not ui.undated_check.isChecked():
            q = ui.date_edit.date()
            date = dt.date(q.year(), q.month(), q.day())
        return PlanHeader(
            year=self.header.year,
            title=ui.plan_title_edit.text(),
            issuing_body=ui.issuing_edit.text(),
            number=ui.number_edit.text(),
            date=date,
            signer_name=ui.signer_edit.text(),
            signer_position=ui.position_edit.text(),
            signer_prefix=str(ui.prefix_combo.currentData() or ""),
            decision_title=ui.decision_title_edit.text(),
            body=tuple(ui.body_edit.toPlainText().splitlines()),
        )

    def _show_missing(self) -> None:
        missing = plan_header.missing_for_issue(self.header)
        if missing:
            show_status(self.ui.error_label, f"Dự thảo còn thiếu: {', '.join(missing)}.")

    def accept(self) -> None:
        header = self.edited()
        db, author, plan = self._ctx.db, self._ctx.author, self._plan_id
        if self.write(
            "sửa quyết định ban hành kế hoạch",
            lambda: plan_header.save_header(db, plan, header, author=author),
            self.ui.error_label,
        ):
            super().accept()

    @classmethod
    def ask(
        cls,
        ctx: AppContext,
        ops: Operations,
        undo_stack: QUndoStack,
        plan_id: str,
        parent: QWidget | None = None,
    ) -> bool:
        """Whether the header was saved."""
        return (
            cls.run_modal(ctx, ops, undo_stack, plan_id, parent).result()
            == QDialog.DialogCode.Accepted
        )
