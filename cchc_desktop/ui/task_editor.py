"""The detail editor of the selected tree node: text, task cells, milestones, progress, history.

Nothing typed is lost: the editor compares what is on screen with what was loaded, and the
main window asks `confirm_leave()` before it selects another node or closes. Saving goes
through the services as undoable steps; when a write (an undo, a sync) changes the record under
a clean editor, it reloads; under a dirty one it keeps the clerk's text.

The editor owns the form and the dirty state; its tabs are filled by panes: `ContentPane`
(task_content), `ProgressPane` (task_progress) with `EvidencePane` (task_evidence), and
`HistoryPane` (task_history).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.errors import CchcError
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.services import evidence_service, task_service
from cchc_desktop.services.progress_service import ProgressEdit
from cchc_desktop.services.task_service import NodeDetail, TaskDetail, TaskEdit
from cchc_desktop.services.tree_service import TASK, NodeRef
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui.forms.ui_task_editor import Ui_TaskEditor
from cchc_desktop.ui.task_content import PAGE_EMPTY, ContentPane
from cchc_desktop.ui.task_evidence import EvidencePane
from cchc_desktop.ui.task_history import TAB_CONTENT, TAB_HISTORY, TAB_PROGRESS, HistoryPane
from cchc_desktop.ui.task_progress import ProgressPane
from cchc_desktop.ui.unsaved_dialog import UnsavedChoice, UnsavedDialog

__all__ = ["TAB_CONTENT", "TAB_HISTORY", "TAB_PROGRESS", "TaskEditor"]


NO_PLAN_HINT = (
    "Chưa có kế hoạch nào. Nhập kế hoạch CCHC của cơ quan ở Tệp → Nhập kế hoạch… (Ctrl+O), "
    "hoặc kéo tệp Word, PDF, trang web đã lưu thả vào cửa sổ; Tệp → Kế hoạch mới… để tự lập."
)


class TaskEditor(QWidget):
    """Edits the node the tree selected.

    Signals:
        dirty_changed(bool): there are (or no longer are) unsaved edits.
        saved(object): the NodeRef whose edits were saved.
    """

    dirty_changed = Signal(bool)
    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        undo_stack: QUndoStack,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ops = ops
        self.undo_stack = undo_stack
        self.settings = settings
        self.ui = Ui_TaskEditor()
        self.ui.setupUi(self)
        self._pick_hint = self.ui.empty_label.text()  # the form's own words, kept for after a plan
        self.ref: NodeRef | None = None
        self.node: NodeDetail | None = None
        self.task: TaskDetail | None = None
        self._was_dirty = False
        # True while the form is filled from the database: those edits are not the clerk's.
        self.loading = False

        self.content = ContentPane(self)
        self.progress = ProgressPane(self)
        self.evidence = EvidencePane(self)
        self.history = HistoryPane(self)
        self.products_model = self.content.products_model
        self.agency_model = self.content.agency_model
        self.milestone_model = self.content.milestone_model
        self.progress_model = self.progress.model
        self.evidence_model = self.evidence.model
        self.history_model = self.history.model

        self.ui.save_button.clicked.connect(self.save)
        self.ui.discard_button.clicked.connect(self.discard)
        ops.changed.connect(self._on_changed)
        self.load(None)

    # ------------------------------------------------------------------ loading

    def load(self, ref: NodeRef | None) -> None:
        """Show `ref` (None: nothing). Callers ask `confirm_leave()` first."""
        self.loading = True
        try:
            self.ref = ref
            self.node = None
            self.task = None
            self.ui.validation_label.clear()
            if ref is None:
                self._show_empty()
            elif ref.table == TASK:
                self._load_task(ref.id)
            else:
                self._load_node(ref)
        except CchcError as exc:
            self.ref = None
            self._show_empty(str(exc))
        finally:
            self.loading = False
        self._take_snapshots()
        self.history.refresh()
        self._apply_read_only()
        self.update_state()

    def _apply_read_only(self) -> None:
        """A database that cannot be written: show everything, edit nothing."""
        locked = self.ctx.read_only
        self.content.set_read_only(locked)
        self.progress.set_read_only(locked)
        self.evidence_model.accept_drops = not locked

    def set_no_plan(self, no_plan: bool) -> None:
        """With no plan at all (a new office after its set-up), say how to bring one in."""
        self.ui.empty_label.setText(NO_PLAN_HINT if no_plan else self._pick_hint)

    def _show_empty(self, message: str = "") -> None:
        ui = self.ui
        ui.stack.setCurrentIndex(PAGE_EMPTY)
        ui.title_label.setText(message or "Chưa chọn mục nào")
        ui.review_label.setVisible(False)
        ui.tabs.setTabEnabled(TAB_PROGRESS, False)
        ui.tabs.setTabEnabled(TAB_HISTORY, False)
        ui.tabs.setCurrentIndex(TAB_CONTENT)

    def _load_node(self, ref: NodeRef) -> None:
        self.node = task_service.load_node(self.ctx.db, ref.table, ref.id)
        self.content.load_node(self.node)
        ui = self.ui
        ui.tabs.setTabEnabled(TAB_PROGRESS, False)
        ui.tabs.setTabEnabled(TAB_HISTORY, True)
        if ui.tabs.currentIndex() == TAB_PROGRESS:
            ui.tabs.setCurrentIndex(TAB_CONTENT)

    def _load_task(self, task_id: str) -> None:
        task = task_service.load_task(self.ctx.db, task_id)
        self.task = task
        self.content.load_task(task)
        self.ui.tabs.setTabEnabled(TAB_PROGRESS, True)
        self.ui.tabs.setTabEnabled(TAB_HISTORY, True)
        self.progress.load_task(task)

    def _reload_keeping_report(self) -> None:
        """Show the stored record again, on the same unit and period of the progress tab."""
        key = self.report_key()
        self.load(self.ref)
        if key is not None and self.task is not None:
            self.progress.show_key(key)
            self.progress.load_report()

    # ------------------------------------------------------------------ dirty state

    def _take_snapshots(self) -> None:
        self.content.take_snapshot()
        self.progress.take_snapshot()

    def content_dirty(self) -> bool:
        return self.content.dirty()

    def progress_dirty(self) -> bool:
        return self.progress.dirty()

    def is_dirty(self) -> bool:
        return self.content_dirty() or self.progress_dirty()

    def on_edited(self) -> None:
        """Something on screen was edited: the clerk's own edits clear the last message."""
        if not self.loading:
            self.ui.validation_label.clear()
            self.update_state()

    def update_state(self) -> None:
        dirty = self.is_dirty()
        writable = not self.ctx.read_only and self.ref is not None
        ui = self.ui
        ui.save_button.setEnabled(dirty and writable)
        ui.discard_button.setEnabled(dirty)
        ui.dirty_label.setText("● Có thay đổi chưa lưu" if dirty else "")
        has_evidence = self.evidence_model.rowCount() > 0
        ui.open_evidence_button.setEnabled(has_evidence)
        ui.remove_evidence_button.setEnabled(has_evidence and writable)
        ui.add_evidence_button.setEnabled(writable and self.task is not None)
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    # ------------------------------------------------------------------ what the panes do

    def preview_milestones(self) -> None:
        """Parse the timeline on screen and show its milestones (confirmed ones stay)."""
        self.content.preview_milestones()

    def task_edit(self) -> TaskEdit:
        return self.content.task_edit()

    def progress_edit(self) -> ProgressEdit:
        return self.progress.progress_edit()

    def report_key(self) -> tuple[str, str] | None:
        """(unit id, period code) the progress form shows."""
        return self.progress.report_key()

    def current_progress_id(self) -> str | None:
        return self.progress.current_progress_id()

    def select_report(self, unit_id: str, period: ReportingPeriod) -> None:
        """Show the report of `unit_id` for `period` (asks about unsaved text first)."""
        self.progress.select_report(unit_id, period)

    def add_product(self) -> None:
        self.content.add_product()

    def remove_product(self) -> None:
        self.content.remove_product()

    def add_agencies(self) -> None:
        self.content.add_agencies()

    def remove_agency(self) -> None:
        self.content.remove_agency()

    def choose_evidence_files(self) -> None:
        self.evidence.choose_files()

    def add_evidence_files(self, files: list[Path]) -> bool:
        """Attach files to the shown report (saved first if needed) as one undoable step."""
        return self.evidence.add_files(files)

    def selected_evidence(self) -> evidence_service.EvidenceRecord | None:
        return self.evidence.selected()

    def open_evidence(self) -> None:
        self.evidence.open_selected()

    def remove_evidence(self) -> None:
        self.evidence.remove_selected()

    def wait_for_worker(self, timeout_ms: int = 10_000) -> None:
        """Block until a running evidence copy finishes (tests, closing the window)."""
        self.evidence.wait_for_worker(timeout_ms)

    def delete_selected(self) -> bool:
        """The Delete key: remove the focused product, agency or evidence file."""
        focus = self.focusWidget()
        ui = self.ui
        if focus is ui.products_view:
            self.remove_product()
        elif focus is ui.agencies_view:
            self.remove_agency()
        elif focus is ui.evidence_view:
            self.remove_evidence()
        else:
            return False
        return True

    # ------------------------------------------------------------------ leaving

    def confirm_leave(self) -> bool:
        """True when the editor may show something else: nothing unsaved, or the clerk chose."""
        if not self.is_dirty():
            return True
        what = self.ui.title_label.text()
        choice = UnsavedDialog.ask(self, f"Đang sửa: {what}")
        if choice is UnsavedChoice.SAVE:
            return self.save()
        if choice is UnsavedChoice.DISCARD:
            self.discard()
            return True
        return False

    def discard(self) -> None:
        """Forget unsaved edits: show the stored record again."""
        self._reload_keeping_report()

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Save what changed (content, then the progress report); False when refused."""
        if self.ref is None or self.ctx.read_only:
            return not self.is_dirty()
        self.content.stop_preview()
        try:
            if self.content_dirty():
                self.content.save()
            if self.progress_dirty():
                self.progress.save()
        except CchcError as exc:
            self.ui.validation_label.setText(str(exc))
            return False
        self.ui.validation_label.clear()
        self.update_state()
        self.saved.emit(self.ref)
        return True

    # ------------------------------------------------------------------ outside changes

    def _on_changed(self, changes: Changes) -> None:
        """Another write (undo, redo, a dialog) touched what the editor shows: reload if clean."""
        if self.ref is None or not self._concerns_me(changes):
            return
        if self.is_dirty():
            self.ui.validation_label.setText(
                "Dữ liệu của mục này vừa thay đổi ở nơi khác; nội dung bạn đang gõ được giữ lại."
            )
            return
        tab = self.ui.tabs.currentIndex()
        self._reload_keeping_report()
        self.ui.tabs.setCurrentIndex(tab)

    def _concerns_me(self, changes: Changes) -> bool:
        ref = self.ref
        if ref is None:
            return False
        if ref.table != TASK:
            return ref.id in changes.rows(ref.table)
        return ref.id in changes.task_ids or changes.touches("agency")
