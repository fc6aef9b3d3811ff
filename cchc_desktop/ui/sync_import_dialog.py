"""The "Nhập dữ liệu từ USB" dialog: pick a bundle, preview it (dry run), confirm, import."""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from cchc_desktop import formatting
from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.workers import Worker
from cchc_desktop.services.startup import worker_connection
from cchc_desktop.sync.importer import ImportResult, import_bundle
from cchc_desktop.sync.network import ROLE_NAMES
from cchc_desktop.sync.review import TABLE_LABELS
from cchc_desktop.ui.forms.ui_sync_import_dialog import Ui_SyncImportDialog
from cchc_desktop.ui.job_progress import attach_progress_dialog, failure_text
from cchc_desktop.ui.sync_export_dialog import percent_progress

log = logging.getLogger(__name__)

BUNDLE_FILTER = "Gói dữ liệu CCHC (*.hcb);;Tất cả các tệp (*)"


def import_job(
    db_path: Path,
    file: Path,
    dry_run: bool,
    *,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> ImportResult:
    """Worker body: preview or import on the worker's own connection."""
    with worker_connection(db_path) as db:
        return import_bundle(
            db, file, dry_run=dry_run, progress=percent_progress(progress), cancelled=cancelled
        )


def result_html(result: ImportResult) -> str:
    """The preview or result for the clerk: what, from whom, how many, and every warning."""
    lines = result.message.splitlines()
    parts = [f"<p><b>{html.escape(lines[0] if lines else '')}</b></p>"]
    if result.status != "already":
        role = ROLE_NAMES.get(result.sender_role, result.sender_role)
        sender = html.escape(result.sender_name or result.sender_site)
        made = ""
        if result.created_wall:
            moment = dt.datetime.fromtimestamp(result.created_wall / 1000, tz=dt.UTC).astimezone()
            made = (
                f", tạo lúc {moment:%H:%M} ngày {formatting.date_short(moment.date())}"
                " (theo đồng hồ máy gửi)"
            )
        parts.append(
            f"<p>Gói <i>{html.escape(result.file_name)}</i> của máy {role} {sender}{made}; "
            f"mang {result.n_changes} thay đổi.</p>"
        )
        if result.new_by_table:
            rows = "".join(
                f"<tr><td>{html.escape(TABLE_LABELS.get(table, table))}</td>"
                f"<td align='right'>{count}</td></tr>"
                for table, count in sorted(
                    result.new_by_table.items(), key=lambda item: TABLE_LABELS.get(item[0], "")
                )
            )
            parts.append(
                "<table cellspacing='0' cellpadding='3' border='1'>"
                "<tr><th align='left'>Loại dữ liệu</th><th>Thay đổi mới</th></tr>"
                f"{rows}</table>"
            )
    notes = [line for line in lines[1:] if line]
    if notes:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in notes)
        parts.append(f"<p style='color:#b35c00'><b>Lưu ý:</b></p><ul>{items}</ul>")
    if result.status == "dry_run":
        parts.append("<p>Chưa có gì được ghi. Bấm <b>Nhập dữ liệu</b> để nhập gói này.</p>")
    return "".join(parts)


class SyncImportDialog(QDialog):
    """Import a sync bundle: checks and a dry-run preview first, then the import on confirmation.

    Both steps run on a Worker with its own database connection. Refusals (another network, a
    tampered or damaged file, a revoked PC …) show the sync core's specific Vietnamese message and
    change nothing. After an import `ops.reset` is emitted: the whole database may have changed.

    Signals:
        imported(object): the ImportResult of a completed import.
    """

    imported = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        file: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self.ui = Ui_SyncImportDialog()
        self.ui.setupUi(self)
        self._worker: Worker | None = None
        self._dry_run = True
        self.preview: ImportResult | None = None
        self.imported_result: ImportResult | None = None
        close = self.ui.button_box.button(QDialogButtonBox.StandardButton.Close)
        close.setText("Đó&ng")
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.browse_button.clicked.connect(self._browse)
        self.ui.file_edit.textChanged.connect(self._on_file_changed)
        self.ui.preview_button.clicked.connect(self.check)
        self.ui.import_button.clicked.connect(self.confirm_import)
        if ctx.read_only:
            self._show_error("Cơ sở dữ liệu đang mở chỉ để đọc; không nhập được gói dữ liệu.")
        if file is not None:
            self.set_file(file)
        self._update_controls()

    # ------------------------------------------------------------------ public API

    @classmethod
    def ask(
        cls,
        ctx: AppContext,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        file: Path | None = None,
    ) -> ImportResult | None:
        """Show the dialog modally; the import's result, or None when nothing was imported."""
        dialog = cls(ctx, ops, parent, file=file)
        try:
            dialog.exec()
            return dialog.imported_result
        finally:
            dialog.deleteLater()

    def set_file(self, file: Path) -> None:
        self.ui.file_edit.setText(str(file))

    def file(self) -> Path | None:
        text = self.ui.file_edit.text().strip()
        return Path(text) if text else None

    def is_busy(self) -> bool:
        return self._worker is not None

    def check(self) -> None:
        """Check the bundle and preview what importing it would change (nothing is written)."""
        file = self.file()
        if file is None:
            return
        if not file.is_file():
            self._show_error(f"Không tìm thấy tệp {file}. Hãy kiểm tra USB đã cắm chưa.")
            return
        self.preview = None
        self._start(file, dry_run=True)

    def confirm_import(self) -> None:
        """Import the previewed bundle."""
        file = self.file()
        if file is None or self.preview is None or self.preview.status != "dry_run":
            return
        self._start(file, dry_run=False)

    # ------------------------------------------------------------------ worker

    def _start(self, file: Path, *, dry_run: bool) -> None:
        if self._worker is not None:
            return
        self._dry_run = dry_run
        worker = Worker(import_job, self._ctx.db_path, file, dry_run)
        text = "Đang kiểm tra gói dữ liệu…" if dry_run else "Đang nhập dữ liệu…"
        attach_progress_dialog(worker, self, title="Nhập dữ liệu", text=text)
        worker.signals.result.connect(self._on_result)
        worker.signals.error.connect(self._on_error)
        worker.signals.finished.connect(self._on_finished)
        self._worker = worker
        self.ui.result_view.setHtml(f"<p>{text}</p>")
        self._update_controls()
        worker.start()

    def _on_result(self, result: ImportResult) -> None:
        self.ui.result_view.setHtml(result_html(result))
        if self._dry_run:
            self.preview = result
        else:
            self.imported_result = result
            self.preview = None
            self._ops.reset.emit()
            self.imported.emit(result)

    def _on_error(self, exc: object) -> None:
        if self._worker is not None and self._worker.is_cancelled():
            self._show_error("Đã huỷ; cơ sở dữ liệu không thay đổi.")
            return
        self._show_error(failure_text(exc, "Không nhập được gói"))

    def _on_finished(self) -> None:
        self._worker = None
        self._update_controls()

    # ------------------------------------------------------------------ helpers

    def _browse(self) -> None:
        current = self.file()
        start = str(current.parent) if current is not None else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(self, "Chọn gói dữ liệu", start, BUNDLE_FILTER)
        if name:
            self.set_file(Path(name))
            self.check()

    def _on_file_changed(self, _text: str) -> None:
        self.preview = None
        self._update_controls()

    def _show_error(self, message: str) -> None:
        self.ui.result_view.setHtml(
            f"<p style='color:#c62828'><b>{html.escape(message)}</b></p>"
            "<p>Không có gì được ghi vào cơ sở dữ liệu.</p>"
        )

    def _update_controls(self) -> None:
        busy = self._worker is not None
        writable = not self._ctx.read_only
        has_file = self.file() is not None
        self.ui.preview_button.setEnabled(has_file and not busy and writable)
        ready = self.preview is not None and self.preview.status == "dry_run"
        self.ui.import_button.setEnabled(ready and not busy and writable)
        self.ui.file_edit.setEnabled(not busy)
        self.ui.browse_button.setEnabled(not busy)

    def done(self, result: int) -> None:
        if self._worker is not None:
            self._worker.cancel()
        super().done(result)
