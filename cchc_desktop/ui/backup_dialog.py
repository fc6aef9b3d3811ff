"""“Sao lưu và phục hồi”: list, make and restore backups; the start-up integrity question."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.context import AppContext
from cchc_desktop.errors import CchcError
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.workers import Worker
from cchc_desktop.services import backup_service
from cchc_desktop.services.backup_service import BackupInfo, RestoreResult
from cchc_desktop.services.startup import reopen
from cchc_desktop.ui.forms.ui_backup_dialog import Ui_BackupDialog

log = logging.getLogger(__name__)

PATH_ROLE = Qt.ItemDataRole.UserRole
MAX_PROBLEMS_SHOWN = 20


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question, "Không" by default (tests replace this function)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str, *, warning: bool = False) -> None:
    """Tell the clerk something (tests replace this function)."""
    if warning:
        QMessageBox.warning(parent, title, text)
    else:
        QMessageBox.information(parent, title, text)


def _restore_job(db_path: Path, backup_file: Path, **_worker_kwargs: Any) -> RestoreResult:
    return backup_service.restore_backup(db_path, backup_file)


class BackupDialog(QDialog):
    """The backups of the open database, newest first, with “Sao lưu ngay” and “Phục hồi…”.

    Restoring closes `ctx.db`, restores on a worker thread (checking evidence files can take a
    while), reopens the database into `ctx.db` and emits `ops.reset` so every view reloads.

    Signals:
        backup_created(object): the BackupInfo just made.
        database_restored(object): the RestoreResult, after `ctx.db` was reopened.
    """

    backup_created = Signal(object)
    database_restored = Signal(object)

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self._worker: Worker | None = None
        self.ui = Ui_BackupDialog()
        self.ui.setupUi(self)
        self.ui.folder_label.setText(
            f"Thư mục sao lưu: {backup_service.backup_dir(ctx.db_path)} – giữ "
            f"{self._keep_count()} bản gần nhất."
        )
        header = self.ui.backup_table.horizontalHeader()
        header.setSectionResizeMode(header.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.create_button.clicked.connect(self.create_now)
        self.ui.restore_button.clicked.connect(self.restore_selected)
        self.ui.open_folder_button.clicked.connect(self._on_open_folder_clicked)
        self.ui.backup_table.itemSelectionChanged.connect(self._update_buttons)
        self.ui.backup_table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        if ctx.read_only:
            self.ui.status_label.setText(
                "Cơ sở dữ liệu đang mở ở chế độ chỉ đọc nên không sao lưu hay phục hồi được."
            )
        self.refresh()

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, ops: Operations) -> RestoreResult | None:
        """Show the dialog modally; the RestoreResult if the clerk restored a backup."""
        dialog = cls(ctx, ops, parent)
        restored: list[RestoreResult] = []
        dialog.database_restored.connect(restored.append)
        dialog.exec()
        return restored[-1] if restored else None

    # ------------------------------------------------------------ state

    def backups(self) -> list[BackupInfo]:
        return backup_service.list_backups(self._ctx.db_path)

    def refresh(self) -> None:
        """Reload the list from the backups folder."""
        table = self.ui.backup_table
        with QSignalBlocker(table):
            table.setRowCount(0)
            for row, info in enumerate(self.backups()):
                table.insertRow(row)
                cells = [
                    f"{info.created:%d/%m/%Y %H:%M:%S}",
                    info.label,
                    backup_service.format_size(info.size),
                    info.path.name,
                ]
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(PATH_ROLE, str(info.path))
                    if column == 2:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    table.setItem(row, column, item)
            if table.rowCount():
                table.selectRow(0)
        self._update_buttons()

    def selected_backup(self) -> BackupInfo | None:
        items = self.ui.backup_table.selectedItems()
        if not items:
            return None
        path = Path(str(items[0].data(PATH_ROLE)))
        return next((b for b in self.backups() if b.path == path), None)

    def _keep_count(self) -> int:
        try:
            return backup_service.keep_count(self._ctx.db)
        except CchcError:
            return backup_service.DEFAULT_KEEP

    def _busy(self) -> bool:
        return self._worker is not None

    def _update_buttons(self) -> None:
        writable = not self._ctx.read_only and not self._busy()
        self.ui.create_button.setEnabled(writable)
        self.ui.restore_button.setEnabled(writable and self.selected_backup() is not None)
        self.ui.button_box.setEnabled(not self._busy())

    # ------------------------------------------------------------ actions

    def create_now(self) -> BackupInfo | None:
        """Make a manual backup of the open database."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = backup_service.create_backup(
                self._ctx.db, self._ctx.db_path, backup_service.REASON_MANUAL
            )
        except CchcError as exc:
            QGuiApplication.restoreOverrideCursor()
            self.ui.status_label.setText(str(exc))
            inform(self, "Không sao lưu được", str(exc), warning=True)
            return None
        QGuiApplication.restoreOverrideCursor()
        self.ui.status_label.setText(
            f"Đã tạo bản sao lưu {info.path.name} ({backup_service.format_size(info.size)})."
        )
        self.refresh()
        self.backup_created.emit(info)
        return info

    def restore_selected(self) -> None:
        """Ask, then replace the database with the selected backup (on a worker thread)."""
        info = self.selected_backup()
        if info is None or self._ctx.read_only or self._busy():
            return
        question = (
            f"Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu lúc "
            f"{info.created:%H:%M:%S ngày %d/%m/%Y} ({info.label})?\n\n"
            "Những thay đổi sau thời điểm đó sẽ không còn trong chương trình. Dữ liệu hiện tại "
            "được sao lưu trước (loại “Trước khi phục hồi”) để có thể lấy lại."
        )
        if not confirm(self, "Phục hồi dữ liệu", question):
            return
        self.ui.status_label.setText("Đang phục hồi và kiểm tra tệp minh chứng…")
        self._ctx.db.conn.close()
        worker = Worker(_restore_job, self._ctx.db_path, info.path)
        worker.signals.result.connect(self._on_worker_result)
        worker.signals.error.connect(self._on_worker_error)
        self._worker = worker
        self._update_buttons()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        worker.start()

    def _reopen(self) -> bool:
        self._worker = None
        QGuiApplication.restoreOverrideCursor()
        try:
            self._ctx.db = reopen(self._ctx.db_path)
        except CchcError as exc:
            inform(
                self,
                "Không mở lại được cơ sở dữ liệu",
                f"{exc}\n\nHãy đóng rồi mở lại chương trình.",
                warning=True,
            )
            return False
        self._ops.reset.emit()
        self.refresh()
        return True

    def _on_worker_result(self, result: RestoreResult) -> None:
        if not self._reopen():
            return
        lines = backup_service.restore_summary(result)
        self.ui.status_label.setText(lines[0])
        inform(self, "Đã phục hồi", "\n".join(lines), warning=not result.evidence.ok)
        self.database_restored.emit(result)

    def _on_worker_error(self, exc: BaseException) -> None:
        self._reopen()
        message = str(exc) if isinstance(exc, CchcError) else f"Lỗi không mong đợi: {exc!r}"
        if not isinstance(exc, CchcError):
            log.error("Restore failed", exc_info=exc)
        self.ui.status_label.setText(message)
        inform(self, "Không phục hồi được", message, warning=True)

    def _on_open_folder_clicked(self) -> None:
        folder = backup_service.backup_dir(self._ctx.db_path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def reject(self) -> None:
        if self._busy():
            return  # the database is closed until the restore finishes
        super().reject()


# ---------------------------------------------------------------- start-up integrity


class IntegrityAction(StrEnum):
    RESTORED = "restored"  # the latest good backup replaced the damaged file: open it
    READ_ONLY = "read_only"  # open the damaged file read-only to look and export
    QUIT = "quit"


@dataclass(frozen=True, slots=True)
class IntegrityDecision:
    action: IntegrityAction
    result: RestoreResult | None = None


class IntegrityDialog(QDialog):
    """Start-up: `PRAGMA quick_check` found damage; offer the latest good backup.

    Shown before the database is opened for work (store.integrity.inspect_database). Restoring
    happens here, so the caller simply opens the database afterwards.
    """

    def __init__(
        self,
        db_path: Path,
        problems: list[str] | tuple[str, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Cơ sở dữ liệu bị lỗi")
        self.setModal(True)
        self.resize(620, 380)
        self._db_path = db_path
        self.decision = IntegrityDecision(IntegrityAction.QUIT)
        self.backup = backup_service.latest_good_backup(db_path)

        icon = QLabel()
        style = self.style()
        icon.setPixmap(
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message_label = QLabel(
            f"Kiểm tra khi khởi động thấy tệp {db_path} bị hỏng (có thể do mất điện hoặc ổ đĩa "
            "lỗi). Không nên tiếp tục ghi vào tệp này."
        )
        self.message_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message_label, 1)

        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        shown = list(problems)[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        self.details.setPlainText("\n".join(shown) + (f"\n… và {more} lỗi khác" if more else ""))

        if self.backup is not None:
            offer = (
                f"Bản sao lưu tốt gần nhất: {self.backup.created:%H:%M:%S ngày %d/%m/%Y} "
                f"({self.backup.label}). Phục hồi sẽ giữ lại tệp hỏng trong thư mục sao lưu."
            )
        else:
            offer = (
                "Không có bản sao lưu tốt nào. Hãy mở chỉ để xem và xuất dữ liệu, rồi liên hệ "
                "bộ phận hỗ trợ."
            )
        self.offer_label = QLabel(offer)
        self.offer_label.setWordWrap(True)

        self.restore_button = QPushButton("&Phục hồi bản sao lưu này")
        self.restore_button.setVisible(self.backup is not None)
        self.restore_button.setDefault(self.backup is not None)
        self.read_only_button = QPushButton("&Mở chỉ để xem")
        self.quit_button = QPushButton("&Thoát")
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.read_only_button)
        buttons.addWidget(self.quit_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.offer_label)
        layout.addLayout(buttons)

        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.read_only_button.clicked.connect(self._on_read_only_clicked)
        self.quit_button.clicked.connect(self.reject)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db_path: Path,
        problems: list[str] | tuple[str, ...],
    ) -> IntegrityDecision:
        """Show the question modally; closing the dialog means QUIT."""
        dialog = cls(db_path, problems, parent)
        dialog.exec()
        return dialog.decision

    def _on_restore_clicked(self) -> None:
        if self.backup is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = backup_service.restore_backup(self._db_path, self.backup.path)
        except CchcError as exc:
            QGuiApplication.restoreOverrideCursor()
            inform(self, "Không phục hồi được", str(exc), warning=True)
            return
        QGuiApplication.restoreOverrideCursor()
        inform(
            self,
            "Đã phục hồi",
            "\n".join(backup_service.restore_summary(result)),
            warning=not result.evidence.ok,
        )
        self.decision = IntegrityDecision(IntegrityAction.RESTORED, result)
        self.accept()

    def _on_read_only_clicked(self) -> None:
        self.decision = IntegrityDecision(IntegrityAction.READ_ONLY)
        self.accept()

    def reject(self) -> None:
        self.decision = IntegrityDecision(IntegrityAction.QUIT)
        super().reject()
