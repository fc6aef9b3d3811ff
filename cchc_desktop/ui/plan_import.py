"""Tệp → Nhập kế hoạch… (and a file dropped onto the window): read, review, then write.

1. The file is read and parsed on a worker, with what writing it would do (a read-only look at
   the database): nothing is written.
2. The review dialog shows what was found; "Huỷ" ends here.
3. Replacing a stored plan asks again, naming the tasks it retires, with the buttons "Thay thế"
   and "Giữ kế hoạch cũ" (the default).
4. The plan is written on a worker in one transaction; the window shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.domain.office import numbered_document
from cchc_desktop.errors import CchcError
from cchc_desktop.importer.documents import FORMATS
from cchc_desktop.qt import settings as setting_keys
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.qt.workers import Worker
from cchc_desktop.services.plan_import_service import (
    DecisionFields,
    ImportPreview,
    ImportSource,
)
from cchc_desktop.services.plan_service import ImportResult
from cchc_desktop.ui.job_progress import attach_progress_dialog

REPLACE = "Thay thế"
KEEP = "Giữ kế hoạch cũ"


def file_filter() -> str:
    """The file dialog's filter: every format read, then each kind, then all files."""
    patterns = " ".join(f"*{ext}" for ext in FORMATS)
    return ";;".join(
        [
            f"Kế hoạch ({patterns})",
            "Word (*.docx *.doc)",
            "PDF (*.pdf)",
            "Trang web đã lưu (*.html *.htm)",
            "Văn bản (*.txt *.rtf)",
            "Tất cả các tệp (*)",
        ]
    )


def dropped_plan_file(mime: QMimeData) -> Path | None:
    """The one local file of a readable kind in a drag, or None."""
    if not mime.hasUrls():
        return None
    files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    if len(files) != 1 or files[0].suffix.lower() not in FORMATS:
        return None
    return files[0]


def read_plan(
    db_path: Path,
    file: Path,
    *,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> tuple[ImportSource, ImportPreview] | None:
    """Read and parse the file, and look at what writing it would do (worker; writes nothing)."""
    from cchc_desktop.services import plan_import_service as imports
    from cchc_desktop.services.startup import worker_connection

    progress(5)
    source = imports.read_source(file)
    progress(70)
    if cancelled():
        return None
    with worker_connection(db_path, read_only=True) as db:
        found = imports.preview(db, source.parsed)
    progress(100)
    return source, found


def write_plan(
    db_path: Path,
    source: ImportSource,
    author: str,
    replace: bool,
    fields: DecisionFields,
    *,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> ImportResult | None:
    """Store the reviewed plan with its own connection (worker; one transaction)."""
    from cchc_desktop.services import plan_import_service as imports
    from cchc_desktop.services.startup import worker_connection

    progress(5)
    if cancelled():
        return None
    with worker_connection(db_path) as db:
        result = imports.write(db, source, replace=replace, author=author, fields=fields)
    progress(100)
    return result


def replace_question(parent: QWidget, source: ImportSource, found: ImportPreview) -> bool:
    """Ask before replacing a stored plan; True only for "Thay thế" ("Giữ kế hoạch cũ" is the
    default, and closing the question keeps the old plan too)."""
    existing = found.existing
    assert existing is not None
    lines = [
        f"Kế hoạch năm {existing.year} "
        + (
            f"theo {numbered_document(existing.decision_number)}"
            if existing.decision_number
            else "(chưa có số)"
        )
        + f" đã có ({existing.task_count} nhiệm vụ).",
        f"«{REPLACE}» cập nhật nó theo tệp «{source.name}»: {found.kept} nhiệm vụ khớp nội dung "
        "giữ nguyên tiến độ và minh chứng đã ghi.",
    ]
    if found.retired:
        lines.append(f"{len(found.retired)} nhiệm vụ không còn trong tệp sẽ bị loại bỏ:")
        for task in found.retired[:12]:
            carried = (
                f" (có {task.progress_records} bản ghi tiến độ)" if task.progress_records else ""
            )
            lines.append(
                f"  • Phụ lục {task.appendix:02d}, nhiệm vụ {task.no}: {task.title[:90]}{carried}"
            )
        if len(found.retired) > 12:
            lines.append(f"  … và {len(found.retired) - 12} nhiệm vụ khác.")
    lines.append(f"«{KEEP}» không ghi gì.")
    box = QMessageBox(QMessageBox.Icon.Question, "Kế hoạch đã có", "\n".join(lines), parent=parent)
    replace_button = box.addButton(REPLACE, QMessageBox.ButtonRole.DestructiveRole)
    keep_button = box.addButton(KEEP, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep_button)
    box.setEscapeButton(keep_button)
    box.exec()
    return box.clickedButton() is replace_button


class PlanImporter(QObject):
    """Runs one import: file dialog, reading worker, review, replace question, writing worker.

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
            self._parent, "Chọn tệp kế hoạch", start, file_filter()
        )
        if name:
            self._settings.set(setting_keys.LAST_IMPORT_DIR, str(Path(name).parent))
            self.run(Path(name))

    def run(self, file: Path) -> None:
        """Step 1: read the file on a worker, then review it."""
        worker = Worker(read_plan, self._ctx.db_path, file)
        attach_progress_dialog(
            worker,
            self._parent,
            title="Nhập kế hoạch",
            text=f"Đang đọc kế hoạch từ “{file.name}”…",
            minimum_duration=300,
        )
        worker.signals.result.connect(self._on_read)
        worker.signals.error.connect(lambda exc: self._on_error(file, exc))
        self._worker = worker
        worker.start()

    def _on_read(self, read: tuple[ImportSource, ImportPreview] | None) -> None:
        if read is None:
            return
        source, found = read
        from cchc_desktop.ui.plan_review_dialog import PlanReviewDialog

        dialog = PlanReviewDialog(source, found, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        replace = found.existing is not None
        if replace and not replace_question(self._parent, source, found):
            return
        self.write(source, replace=replace, fields=dialog.fields())

    def write(self, source: ImportSource, *, replace: bool, fields: DecisionFields) -> None:
        """Step 4: write the reviewed plan on a worker."""
        worker = Worker(write_plan, self._ctx.db_path, source, self._ctx.author, replace, fields)
        attach_progress_dialog(
            worker,
            self._parent,
            title="Nhập kế hoạch",
            text=f"Đang ghi kế hoạch từ “{source.name}”…",
            minimum_duration=300,
        )
        worker.signals.result.connect(lambda result: self._on_result(source, result))
        worker.signals.error.connect(lambda exc: self._on_error(source.path, exc))
        self._worker = worker
        worker.start()

    def _on_result(self, source: ImportSource, result: ImportResult | None) -> None:
        if result is None:
            return
        # The worker wrote through its own connection; the views refresh from its Changes.
        self._ops.changed.emit(result.changes)
        verb = "Đã thay thế" if result.replaced else "Đã nhập"
        draft = " Kế hoạch chưa có nhiệm vụ (bản nháp)." if result.tasks == 0 else ""
        lines = [
            f"{verb} kế hoạch từ “{source.name}”: {result.appendices} phụ lục, "
            f"{result.tasks} nhiệm vụ.{draft}"
        ]
        if result.retired:
            lines.append(f"Đã loại bỏ {len(result.retired)} nhiệm vụ không còn trong tệp.")
        if result.new_agencies:
            lines.append(
                f"{len(result.new_agencies)} cơ quan mới cần xác nhận "
                "(Danh mục → Cơ quan, đơn vị): "
                + "; ".join(result.new_agencies[:8])
                + ("…" if len(result.new_agencies) > 8 else "")
            )
        QMessageBox.information(self._parent, "Nhập kế hoạch", "\n".join(lines))
        self.imported.emit(result.plan_id)

    def _on_error(self, file: Path, exc: object) -> None:
        message = str(exc) if isinstance(exc, CchcError) else f"Lỗi không mong đợi: {exc}"
        QMessageBox.warning(
            self._parent, "Không nhập được kế hoạch", f"{message}\n\nChưa có gì được ghi."
        )
