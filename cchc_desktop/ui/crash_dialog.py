"""The crash dialog: what happened, copyable details, and the way to the log folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from cchc_desktop.ui.forms.ui_crash_dialog import Ui_CrashDialog


class CrashDialog(QDialog):
    """Shows one unhandled error; opened by app.py from CrashHandler.crashed."""

    def __init__(
        self, summary: str, details: str, log_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CrashDialog()
        self.ui.setupUi(self)
        self._details = details
        self._log_dir = log_dir
        self.ui.summary_label.setText(summary)
        self.ui.details_edit.setPlainText(details)
        self.ui.log_label.setText(f"Nhật ký chi tiết: {log_dir}")
        self.ui.copy_button.clicked.connect(self.copy_details)
        self.ui.open_log_button.clicked.connect(self._open_log_dir)
        self.ui.button_box.rejected.connect(self.reject)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self._details)
        self.ui.copy_button.setText("Đã sao chép")

    def _open_log_dir(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_dir)))
