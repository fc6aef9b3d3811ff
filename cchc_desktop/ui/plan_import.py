"""“Nhập kế hoạch từ văn bản…”: choose a file, import it on a worker, report what was found."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.errors import CchcError, ConflictError
from cchc_desktop.qt import settings as setting_keys
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.qt.workers import Worker
from cchc_desktop.services.plan_service import ImportResult
from cchc_desktop.ui.job_progress import attach_progress_dialog


def import_plan_file(
    db_path: Path,
    file: Path,
    author: str,
    replace: bool,
    *,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> ImportResult | None:
    """Parse and store a plan document with its own connection (runs on a worker thread).

    Returns None when cancelled before anything was written.
    """
    from cchc_desktop.importer.plan_text import read_plan_file
    from cchc_desktop.services.plan_service import import_plan
    from cchc_desktop.services.startup import worker_connection

    progress(5)
    parsed = read_plan_file(file)
    progress(40)
    if cancelled():
        return None
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    with worker_connection(db_path) as db:
        result = import_plan(
            db,
            parsed,
            replace_existing=replace,
            source_name=file.name,
            source_sha256=digest,
            author=author,
        )
    progress(100)
    return result


class PlanImporter(QObject):
    """Runs one import: file dialog, worker with progress and cancel, replace question, summary.

    Signals:
        imported(str): the id of the plan stored (after the views were told what changed).
    """

    imported = Signal(str)

    def __init__(
        self, ctx: AppContext, ops: Operations, settings: Settings, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self._settings = settings
        self._parent = parent
        self._worker: Worker | None = None

    def choose_and_run(self) -> None:
        start = self._settings.get(setting_keys.LAST_IMPORT_DIR) or str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self._parent,
            "Chọn văn bản kế hoạch",
            start,
            "Văn bản (*.txt);;Tất cả các tệp (*)",
        )
        if name:
            self._settings.set(setting_keys.LAST_IMPORT_DIR, str(Path(name).parent))
            self.run(Path(name))

    def run(self, file: Path, *, replace: bool = False) -> None:
        worker = Worker(import_plan_file, self._ctx.db_path, file, self._ctx.author, replace)
        attach_progress_dialog(
            worker,
            self._parent,
            title="Nhập kế hoạch",
            text=f"Đang đọc kế hoạch từ “{file.name}”…",
            minimum_duration=300,
        )
        worker.signals.result.connect(lambda result: self._on_result(file, result))
        worker.signals.error.connect(lambda exc: self._on_error(file, exc))
        self._worker = worker
        worker.start()

    def _on_result(self, file: Path, result: ImportResult | None) -> None:
        if result is None:
            return
        # The worker wrote through its own connection; the views refresh from its Changes.
        self._ops.changed.emit(result.changes)
        verb = "Đã thay thế" if result.replaced else "Đã nhập"
        lines = [
            f"{verb} kế hoạch từ “{file.name}”: {result.appendices} phụ lục, "
            f"{result.tasks} nhiệm vụ."
        ]
        if result.new_agencies:
            lines.append(
                f"{len(result.new_agencies)} cơ quan mới cần xác nhận "
                "(Danh mục → Cơ quan, đơn vị): "
                + "; ".join(result.new_agencies[:8])
                + ("…" if len(result.new_agencies) > 8 else "")
            )
        for warning in result.warnings[:10]:
            where = f" (dòng {warning.line})" if warning.line else ""
            lines.append(f"Cảnh báo{where}: {warning.message}")
        QMessageBox.information(self._parent, "Nhập kế hoạch", "\n".join(lines))
        self.imported.emit(result.plan_id)

    def _on_error(self, file: Path, exc: object) -> None:
        if isinstance(exc, ConflictError):
            answer = QMessageBox.question(
                self._parent,
                "Kế hoạch đã có",
                f"{exc}\n\nThay thế kế hoạch đang có bằng nội dung của “{file.name}”?",
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.run(file, replace=True)
            return
        message = str(exc) if isinstance(exc, CchcError) else f"Lỗi không mong đợi: {exc}"
        QMessageBox.warning(self._parent, "Không nhập được kế hoạch", message)
