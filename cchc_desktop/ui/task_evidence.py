"""The evidence files of the editor's progress report: attach (copied on a worker), open, remove."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox

from cchc_desktop.errors import CchcError
from cchc_desktop.qt import settings as setting_keys
from cchc_desktop.qt.undo import run_undoable
from cchc_desktop.qt.workers import Worker
from cchc_desktop.qtmodels.progress_models import EvidenceListModel
from cchc_desktop.services import evidence_service, progress_service
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui.job_progress import attach_progress_dialog, failure_text

if TYPE_CHECKING:
    from cchc_desktop.ui.task_editor import TaskEditor


class EvidencePane(QObject):
    """The evidence list under the progress form of the editor."""

    def __init__(self, editor: TaskEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.model = EvidenceListModel(self)
        self._worker: Worker | None = None
        ui = editor.ui
        ui.evidence_view.setModel(self.model)
        ui.evidence_view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        ui.evidence_view.setDropIndicatorShown(True)
        ui.add_evidence_button.clicked.connect(self.choose_files)
        ui.open_evidence_button.clicked.connect(self.open_selected)
        ui.remove_evidence_button.clicked.connect(self.remove_selected)
        ui.evidence_view.doubleClicked.connect(lambda _i: self.open_selected())
        self.model.files_dropped.connect(lambda names: self.add_files([Path(n) for n in names]))

    def choose_files(self) -> None:
        settings = self.editor.settings
        start = settings.get(setting_keys.LAST_EVIDENCE_DIR) or str(Path.home())
        names, _filter = QFileDialog.getOpenFileNames(
            self.editor,
            "Chọn tệp minh chứng",
            start,
            "Tài liệu (*.pdf *.doc *.docx *.xls *.xlsx *.jpg *.jpeg *.png *.tif *.tiff);;"
            "Tất cả các tệp (*)",
        )
        if names:
            settings.set(setting_keys.LAST_EVIDENCE_DIR, str(Path(names[0]).parent))
            self.add_files([Path(n) for n in names])

    def add_files(self, files: list[Path]) -> bool:
        """Attach files to the shown report: save the report if needed, copy the files on a
        worker (with progress and cancel), then record them as one undoable step."""
        editor = self.editor
        progress = editor.progress
        files = [f for f in files if f.is_file()]
        if editor.task is None or not files or editor.ctx.read_only:
            return False
        progress_id = progress.current_progress_id()
        exists = progress_id is not None and (
            progress_service.get_progress(editor.ctx.db, progress_id) is not None
        )
        if progress.dirty() or not exists:
            try:
                progress.save()
            except CchcError as exc:
                editor.ui.validation_label.setText(
                    f"Chưa đính kèm được vì báo cáo chưa lưu được: {exc}"
                )
                return False
        progress_id = progress.current_progress_id()
        assert progress_id is not None
        self._run_copy(files, progress_id)
        return True

    def _run_copy(self, files: list[Path], progress_id: str) -> None:
        worker = Worker(evidence_service.store_files, self.editor.ctx.db_path, files)
        self._worker = worker
        attach_progress_dialog(
            worker,
            self.editor,
            title="Đính kèm minh chứng",
            text="Đang chép tệp minh chứng vào thư mục dữ liệu…",
        )
        worker.signals.result.connect(
            lambda stored: self._attach_stored(progress_id, stored, cancelled=worker.is_cancelled())
        )
        worker.signals.error.connect(
            lambda exc: self.editor.ui.validation_label.setText(
                failure_text(exc, "Không chép được tệp minh chứng")
            )
        )
        worker.signals.finished.connect(lambda: setattr(self, "_worker", None))
        worker.start()

    @staticmethod
    def wait_for_worker(timeout_ms: int = 10_000) -> None:
        """Block until a running evidence copy finishes (tests, closing the window)."""
        QThreadPool.globalInstance().waitForDone(timeout_ms)

    def _attach_stored(
        self, progress_id: str, stored: list[evidence_service.StoredFile], *, cancelled: bool
    ) -> None:
        editor = self.editor
        if cancelled or not stored:
            editor.ui.validation_label.setText("Đã huỷ đính kèm minh chứng.")
            return
        db, author = editor.ctx.db, editor.ctx.author

        def attach() -> Changes:
            return evidence_service.attach_stored(db, progress_id, stored, author=author)

        names = ", ".join(s.name for s in stored)
        try:
            run_undoable(editor.undo_stack, editor.ctx, editor.ops, f"đính kèm {names}", attach)
        except CchcError as exc:
            editor.ui.validation_label.setText(str(exc))
            return
        self.refresh()

    def refresh(self) -> None:
        editor = self.editor
        progress_id = editor.progress.current_progress_id()
        self.model.set_rows(
            evidence_service.list_evidence(editor.ctx.db, progress_id) if progress_id else []
        )
        editor.progress.reload_list()
        editor.update_state()

    def selected(self) -> evidence_service.EvidenceRecord | None:
        index = self.editor.ui.evidence_view.currentIndex()
        if not index.isValid():
            if self.model.rowCount() == 1:
                return self.model.record(0)
            return None
        return self.model.record(index.row())

    def open_selected(self) -> None:
        """Open the file with the PC's program for it (a copy under its own name in temp)."""
        record = self.selected()
        if record is None:
            return
        source = evidence_service.evidence_file(self.editor.ctx.db_path, record)
        if source is None:
            QMessageBox.warning(
                self.editor,
                "Không mở được tệp",
                f"Tệp “{record.file_name}” chưa có trên máy này (có thể chưa được đồng bộ).",
            )
            return
        target = Path(tempfile.gettempdir()) / "cchc-minh-chung" / record.sha256[:12]
        target.mkdir(parents=True, exist_ok=True)
        copy = target / record.file_name
        if not copy.exists():
            shutil.copyfile(source, copy)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

    def remove_selected(self) -> None:
        record = self.selected()
        editor = self.editor
        if record is None or editor.ctx.read_only:
            return
        db, author = editor.ctx.db, editor.ctx.author
        try:
            run_undoable(
                editor.undo_stack,
                editor.ctx,
                editor.ops,
                f"gỡ minh chứng {record.file_name}",
                lambda: evidence_service.remove_evidence(db, record.id, author=author),
            )
        except CchcError as exc:
            editor.ui.validation_label.setText(str(exc))
            return
        self.refresh()
