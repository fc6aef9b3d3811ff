"""The “Lưu / Không lưu / Huỷ” question asked before typed text could be lost."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from cchc_desktop.ui.forms.ui_unsaved_dialog import Ui_UnsavedDialog


class UnsavedChoice(StrEnum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnsavedDialog(QDialog):
    """Asks what to do with unsaved edits; `ask()` is the one entry point (tests patch it)."""

    def __init__(self, parent: QWidget | None = None, *, what: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_UnsavedDialog()
        self.ui.setupUi(self)
        self.choice = UnsavedChoice.CANCEL
        self.ui.detail_label.setText(what)
        self.ui.detail_label.setVisible(bool(what))
        box = self.ui.button_box
        box.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        box.clicked.connect(self._on_clicked)

    def _on_clicked(self, button: object) -> None:
        role = self.ui.button_box.standardButton(button)  # type: ignore[arg-type]
        if role == QDialogButtonBox.StandardButton.Save:
            self.choice = UnsavedChoice.SAVE
            self.accept()
        elif role == QDialogButtonBox.StandardButton.Discard:
            self.choice = UnsavedChoice.DISCARD
            self.accept()
        else:
            self.choice = UnsavedChoice.CANCEL
            self.reject()

    @classmethod
    def ask(cls, parent: QWidget | None, what: str = "") -> UnsavedChoice:
        """Show the dialog modally and return the clerk's choice (closing it means Huỷ)."""
        dialog = cls(parent, what=what)
        dialog.exec()
        return dialog.choice
