"""“Giới thiệu”: the version, the database in use and where the logs are."""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QDialog, QWidget

from cchc_desktop import __version__
from cchc_desktop.ui.forms.ui_about_dialog import Ui_AboutDialog


class AboutDialog(QDialog):
    """Version and file locations, selectable for a support call."""

    def __init__(self, db_path: Path, log_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        self.ui.version_label.setText(
            f"Phiên bản {__version__} (PySide6 {pyside_version})\n"
            f"Cơ sở dữ liệu: {db_path}\nNhật ký: {log_dir}"
        )
        self.ui.button_box.rejected.connect(self.reject)
