"""The progress dialog of a long job, the message for a job that failed, and status lines."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from cchc_desktop.errors import CchcError
from cchc_desktop.qt.workers import Worker
from cchc_desktop.qtmodels.status_style import OVERDUE_COLOR

log = logging.getLogger(__name__)


def attach_progress_dialog(
    worker: Worker, parent: QWidget | None, *, title: str, text: str, minimum_duration: int = 400
) -> QProgressDialog:
    """A window-modal dialog that follows `worker`, cancels it on "Huỷ" and closes when it ends.

    It only appears when the job lasts longer than `minimum_duration` milliseconds.
    """
    dialog = QProgressDialog(text, "Huỷ", 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(minimum_duration)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(worker.cancel)
    worker.signals.progress.connect(dialog.setValue)
    worker.signals.finished.connect(dialog.close)
    worker.signals.finished.connect(dialog.deleteLater)
    return dialog


def failure_text(exc: object, failed: str) -> str:
    """The clerk's message for a job that raised `exc`; `failed` says what could not be done.

    Our own errors carry their Vietnamese message; anything else is a bug, logged in full.
    """
    if isinstance(exc, CchcError):
        return str(exc)
    log.error("%s", failed, exc_info=exc if isinstance(exc, BaseException) else None)
    return f"{failed} do lỗi không mong đợi: {exc}"


def show_status(label: QLabel, text: str, *, error: bool = False) -> None:
    """Write a dialog's status line; an error is shown in the overdue red."""
    label.setStyleSheet(f"color: {OVERDUE_COLOR};" if error else "")
    label.setText(text)
