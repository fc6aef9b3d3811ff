"""Editing one node of the criteria tree (its name, maximum, scoring rule, evidence asked for,
survey part), or adding a node; the rule of each is the service's."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.domain import par
from cchc_desktop.domain.par import Criterion, format_points
from cchc_desktop.errors import CchcError
from cchc_desktop.qt.operations import Operations
from cchc_desktop.services import par_editor
from cchc_desktop.services.par_service import ParSet
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui.forms.ui_par_criterion_dialog import Ui_ParCriterionDialog


class ParCriterionDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        parent: QWidget | None,
        set_: ParSet,
        node: Criterion | None,
        parent_code: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._ops, self._set, self._node = ctx, ops, set_, node
        self._parent_code = parent_code
        self.added_code = ""
        self.ui = Ui_ParCriterionDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.error_label.setVisible(False)
        save = ui.button_box.button(QDialogButtonBox.StandardButton.Save)
        save.setText("&Lưu")
        ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("&Huỷ")
        if node is not None:
            ui.code_label.setText(f"{node.code} ({par.node_label(node)})")
            ui.title_edit.setPlainText(node.title)
            ui.max_edit.setText(format_points(node.max_score))
            ui.rule_edit.setPlainText(node.rule)
            ui.evidence_edit.setPlainText(node.evidence_required)
            ui.survey_check.setChecked(not node.self_assessed)
        else:
            where = f"mục con của {parent_code}" if parent_code else "lĩnh vực mới"
            self.setWindowTitle("Thêm mục vào bộ chỉ số")
            ui.code_label.setText(where)
            for widget in (ui.rule_edit, ui.evidence_edit, ui.survey_check):
                widget.setEnabled(False)
        ui.button_box.accepted.connect(self.save)
        ui.button_box.rejected.connect(self.reject)

    def save(self) -> None:
        ui = self.ui
        db, author, set_ = self._ctx.db, self._ctx.author, self._set
        title, max_text = ui.title_edit.toPlainText(), ui.max_edit.text()
        try:
            if self._node is None:
                parent_code = self._parent_code

                def add() -> Changes:
                    code, changes = par_editor.add_criterion(
                        db, set_, parent_code, title=title, max_score=max_text, author=author
                    )
                    self.added_code = code
                    return changes

                self._ops.run(add)
            else:
                code = self._node.code
                rule, evidence = ui.rule_edit.toPlainText(), ui.evidence_edit.toPlainText()
                survey = ui.survey_check.isChecked()

                def update() -> Changes:
                    return par_editor.update_criterion(
                        db,
                        set_,
                        code,
                        title=title,
                        max_score=max_text,
                        rule=rule,
                        evidence_required=evidence,
                        self_assessed=not survey,
                        author=author,
                    )

                self._ops.run(update)
        except CchcError as exc:
            ui.error_label.setText(str(exc))
            ui.error_label.setVisible(True)
            return
        self.accept()

    @classmethod
    def edit(
        cls, ctx: AppContext, ops: Operations, parent: QWidget | None, set_: ParSet, node: Criterion
    ) -> bool:
        dialog = cls(ctx, ops, parent, set_, node)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    @classmethod
    def add(
        cls,
        ctx: AppContext,
        ops: Operations,
        parent: QWidget | None,
        set_: ParSet,
        parent_code: str | None,
    ) -> str:
        dialog = cls(ctx, ops, parent, set_, None, parent_code)
        try:
            dialog.exec()
            return dialog.added_code
        finally:
            dialog.deleteLater()
