"""The detail editor of the selected tree node: text, task cells, milestones, progress, history.

Nothing typed is lost: the editor compares what is on screen with what was loaded, and the
main window asks `confirm_leave()` before it selects another node or closes. Saving goes
through the services as undoable steps; when a write (an undo, a sync) changes the record under
a clean editor, it reloads; under a dirty one it keeps the clerk's text.
"""

from __future__ import annotations

import datetime as dt
import logging
import mimetypes
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from cchc_desktop.context import AppContext
from cchc_desktop.domain.model import (
    ROLE_LABELS,
    WORK_STATE_LABELS,
    AgencyRole,
    Milestone,
    NodeKind,
    WorkState,
)
from cchc_desktop.domain.periods import (
    PERIOD_LABELS,
    ReportingPeriod,
    ReportingRules,
    period_for_date,
    period_phrase,
)
from cchc_desktop.errors import CchcError
from cchc_desktop.qt import settings as opts
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.qt.undo import run_undoable
from cchc_desktop.qt.workers import Worker
from cchc_desktop.qtmodels.history_model import HistoryModel
from cchc_desktop.qtmodels.progress_models import EvidenceListModel, ProgressTableModel
from cchc_desktop.qtmodels.task_parts_models import AgencyItem, MilestoneModel, TaskAgencyModel
from cchc_desktop.services import (
    history_service,
    progress_service,
    settings_service,
    task_service,
)
from cchc_desktop.services.task_service import (
    NodeDetail,
    ProgressEdit,
    TaskDetail,
    TaskEdit,
)
from cchc_desktop.services.tree_service import TASK, NodeRef
from cchc_desktop.store.changes import Changes
from cchc_desktop.sync.blobs import blob_path, register_blobs, write_blob
from cchc_desktop.ui.forms.ui_task_editor import Ui_TaskEditor
from cchc_desktop.ui.job_progress import attach_progress_dialog, failure_text
from cchc_desktop.ui.unsaved_dialog import UnsavedChoice, UnsavedDialog

log = logging.getLogger(__name__)

PAGE_EMPTY, PAGE_NODE, PAGE_TASK = range(3)
TAB_CONTENT, TAB_PROGRESS, TAB_HISTORY = range(3)
PREVIEW_DELAY_MS = 250
NO_PERCENT = -1  # the spin box's "chưa ghi"
NO_DATE = QDate(2000, 1, 1)  # the completion date's "chưa ghi"

_NODE_TITLES = {
    NodeKind.DECISION: "Quyết định ban hành kế hoạch",
    NodeKind.PART: "Phần",
    NodeKind.ITEM: "Mục",
    NodeKind.PARAGRAPH: "Đoạn văn",
    NodeKind.APPENDIX: "Phụ lục",
}


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file copied into the data folder by a worker, ready to be attached."""

    name: str
    sha256: str
    size: int
    mime: str | None


def copy_into_store(
    db_path: Path,
    files: list[Path],
    *,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> list[StoredFile]:
    """Copy evidence files into the data folder by SHA-256 (runs on a worker thread)."""
    stored: list[StoredFile] = []
    for i, file in enumerate(files):
        if cancelled():
            break
        try:
            with file.open("rb") as fh:
                sha, size = write_blob(db_path, fh)
        except OSError as exc:
            raise CchcError(f"Không đọc được tệp {file.name}: {exc.strerror or exc}") from exc
        stored.append(StoredFile(file.name, sha, size, mimetypes.guess_type(file.name)[0]))
        progress(round(100 * (i + 1) / len(files)))
    return stored


class RoleDelegate(QStyledItemDelegate):
    """A combo box of the four roles for the agencies table's role column."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for role in AgencyRole:
            combo.addItem(ROLE_LABELS[role], str(role))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


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
        self.ref: NodeRef | None = None
        self.node: NodeDetail | None = None
        self.task: TaskDetail | None = None
        self._reporting_rules = ReportingRules()  # the office's, read when a task is shown
        self._content_snapshot: object = None
        self._progress_snapshot: object = None
        self._was_dirty = False
        self._loading = False
        self._current_progress_key: tuple[str, str] | None = None
        self._worker: Worker | None = None

        self.products_model = QStringListModel(self)
        self.agency_model = TaskAgencyModel(self)
        self.milestone_model = MilestoneModel(self)
        self.progress_model = ProgressTableModel(self)
        self.evidence_model = EvidenceListModel(self)
        self.history_model = HistoryModel(self)
        self._setup_views()
        self._setup_progress_form()

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.preview_milestones)
        self._connect_edits()
        ops.changed.connect(self._on_changed)
        self.load(None)

    # ------------------------------------------------------------------ set-up

    def _setup_views(self) -> None:
        ui = self.ui
        ui.products_view.setModel(self.products_model)
        ui.products_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        ui.agencies_view.setModel(self.agency_model)
        ui.agencies_view.setItemDelegateForColumn(
            TaskAgencyModel.COL_ROLE, RoleDelegate(ui.agencies_view)
        )
        ui.milestones_view.setModel(self.milestone_model)
        ui.progress_view.setModel(self.progress_model)
        ui.progress_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ui.evidence_view.setModel(self.evidence_model)
        ui.evidence_view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        ui.evidence_view.setDropIndicatorShown(True)
        ui.history_view.setModel(self.history_model)
        ui.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for view, stretch in (
            (ui.agencies_view, TaskAgencyModel.COL_NAME),
            (ui.milestones_view, MilestoneModel.COL_SOURCE),
            (ui.progress_view, ProgressTableModel.COL_RESULT),
            (ui.history_view, HistoryModel.COL_WHAT),
        ):
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
            view.verticalHeader().setVisible(False)
        # One edit per row, wrapped to the pane's width: no sideways scrolling.
        ui.history_view.setWordWrap(True)
        ui.history_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ui.history_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )

    def _setup_progress_form(self) -> None:
        ui = self.ui
        for period in ReportingPeriod:
            ui.period_combo.addItem(PERIOD_LABELS[period], str(period))
        for state in WorkState:
            ui.state_combo.addItem(WORK_STATE_LABELS[state], str(state))
        # "chưa ghi" until the clerk picks the day: recording a 2020 result today must not
        # claim it was finished today.
        ui.completed_date_edit.setMinimumDate(NO_DATE)
        ui.completed_date_edit.setSpecialValueText("chưa ghi – chọn ngày")
        ui.completed_date_edit.setDate(NO_DATE)

    def _connect_edits(self) -> None:
        ui = self.ui
        for edit in (ui.node_text_edit, ui.task_title_edit, ui.note_edit, ui.result_edit):
            edit.textChanged.connect(self._on_edited)
        ui.appendix_lead_edit.textChanged.connect(lambda _t: self._on_edited())
        ui.timeline_edit.textChanged.connect(self._on_timeline_edited)
        for model in (self.products_model, self.milestone_model):
            model.dataChanged.connect(lambda *_a: self._on_edited())
            model.rowsInserted.connect(lambda *_a: self._on_edited())
            model.rowsRemoved.connect(lambda *_a: self._on_edited())
        self.agency_model.edited.connect(self._on_edited)
        ui.state_combo.currentIndexChanged.connect(lambda _i: self._on_state_changed())
        ui.percent_spin.valueChanged.connect(lambda _v: self._on_edited())
        ui.completed_date_edit.dateChanged.connect(lambda _d: self._on_edited())
        ui.period_combo.activated.connect(lambda _i: self._on_report_key_chosen())
        ui.unit_combo.activated.connect(lambda _i: self._on_report_key_chosen())
        ui.progress_view.clicked.connect(self._on_progress_row_clicked)

        ui.save_button.clicked.connect(self.save)
        ui.discard_button.clicked.connect(self.discard)
        ui.add_product_button.clicked.connect(self.add_product)
        ui.remove_product_button.clicked.connect(self.remove_product)
        ui.add_agency_button.clicked.connect(self.add_agencies)
        ui.remove_agency_button.clicked.connect(self.remove_agency)
        ui.add_evidence_button.clicked.connect(self.choose_evidence_files)
        ui.open_evidence_button.clicked.connect(self.open_evidence)
        ui.remove_evidence_button.clicked.connect(self.remove_evidence)
        ui.evidence_view.doubleClicked.connect(lambda _i: self.open_evidence())
        self.evidence_model.files_dropped.connect(
            lambda names: self.add_evidence_files([Path(n) for n in names])
        )
        ui.tabs.currentChanged.connect(self._on_tab_changed)

    # ------------------------------------------------------------------ loading

    def load(self, ref: NodeRef | None) -> None:
        """Show `ref` (None: nothing). Callers ask `confirm_leave()` first."""
        self._loading = True
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
            self._loading = False
        self._take_snapshots()
        self._refresh_history()
        self._apply_read_only()
        self._update_state()

    def _apply_read_only(self) -> None:
        """A database that cannot be written: show everything, edit nothing."""
        locked = self.ctx.read_only
        ui = self.ui
        for text in (
            ui.node_text_edit,
            ui.task_title_edit,
            ui.timeline_edit,
            ui.note_edit,
            ui.result_edit,
        ):
            text.setReadOnly(locked)
        ui.appendix_lead_edit.setReadOnly(locked)
        for widget in (
            ui.add_product_button,
            ui.remove_product_button,
            ui.add_agency_button,
            ui.remove_agency_button,
            ui.state_combo,
            ui.percent_spin,
        ):
            widget.setEnabled(not locked)
        if locked:
            ui.completed_date_edit.setEnabled(False)
        else:
            self._update_completed_enabled()
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if locked
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        for view in (ui.products_view, ui.agencies_view, ui.milestones_view):
            view.setEditTriggers(triggers)
        self.evidence_model.accept_drops = not locked

    def _show_empty(self, message: str = "") -> None:
        ui = self.ui
        ui.stack.setCurrentIndex(PAGE_EMPTY)
        ui.title_label.setText(message or "Chưa chọn mục nào")
        ui.review_label.setVisible(False)
        ui.tabs.setTabEnabled(TAB_PROGRESS, False)
        ui.tabs.setTabEnabled(TAB_HISTORY, False)
        ui.tabs.setCurrentIndex(TAB_CONTENT)

    def _load_node(self, ref: NodeRef) -> None:
        node = task_service.load_node(self.ctx.db, ref.table, ref.id)
        self.node = node
        ui = self.ui
        ui.stack.setCurrentIndex(PAGE_NODE)
        kind = _NODE_TITLES.get(node.kind, "Mục")
        ui.title_label.setText(f"{kind} {node.number}".strip())
        ui.node_number_value.setText(node.number or "(không đánh số)")
        ui.node_text_edit.setPlainText(node.text)
        is_appendix = node.table == "appendix"
        ui.node_text_caption.setText("Tên &phụ lục:" if is_appendix else "&Nội dung:")
        ui.appendix_lead_caption.setVisible(is_appendix)
        ui.appendix_lead_edit.setVisible(is_appendix)
        ui.appendix_lead_edit.setText(node.lead_agency)
        ui.review_label.setVisible(False)
        ui.tabs.setTabEnabled(TAB_PROGRESS, False)
        ui.tabs.setTabEnabled(TAB_HISTORY, True)
        if ui.tabs.currentIndex() == TAB_PROGRESS:
            ui.tabs.setCurrentIndex(TAB_CONTENT)

    def _load_task(self, task_id: str) -> None:
        task = task_service.load_task(self.ctx.db, task_id)
        self.task = task
        # Read once per task, so the live preview never touches the database.
        self._reporting_rules = settings_service.reporting_rules(self.ctx.db)
        ui = self.ui
        ui.stack.setCurrentIndex(PAGE_TASK)
        ui.title_label.setText(f"Nhiệm vụ {task.ref} – Phụ lục {task.appendix_number:02d}")
        ui.task_title_edit.setPlainText(task.title)
        self.products_model.setStringList(list(task.products))
        self.agency_model.set_items(
            [
                AgencyItem(a.agency_id, a.name, a.role, a.written_name, a.needs_review)
                for a in task.agencies
            ]
        )
        ui.timeline_edit.setPlainText(task.timeline)
        ui.note_edit.setPlainText(task.note)
        self.milestone_model.set_milestones([m.milestone for m in task.milestones], {})
        self._stored_milestones = list(task.milestones)
        self._show_review(task)
        ui.tabs.setTabEnabled(TAB_PROGRESS, True)
        ui.tabs.setTabEnabled(TAB_HISTORY, True)
        ui.year_value.setText(str(task.plan_year))
        self._fill_units(task.id)
        self._choose_default_report(task)
        self._reload_progress_list()
        self._load_report()

    def _show_review(self, task: TaskDetail) -> None:
        reasons = []
        if any(a.needs_review for a in task.agencies):
            reasons.append("có cơ quan chưa được xác nhận trong danh mục")
        if any(
            (m.milestone.warning or m.milestone.kind == "unscheduled") and not m.milestone.confirmed
            for m in task.milestones
        ):
            reasons.append("có mốc thời hạn chưa đọc được hoặc đáng ngờ")
        self.ui.review_label.setVisible(bool(reasons))
        self.ui.review_label.setText("⚠ Cần kiểm tra: " + "; ".join(reasons) + ".")

    def _fill_units(self, task_id: str) -> None:
        combo = self.ui.unit_combo
        combo.blockSignals(True)
        combo.clear()
        for agency_id, name in task_service.reporting_units(self.ctx.db, task_id):
            combo.addItem(name, agency_id)
        combo.blockSignals(False)

    def _choose_default_report(self, task: TaskDetail) -> None:
        today = self.ctx.today()
        period, year = period_for_date(today)
        if year != task.plan_year:
            period = ReportingPeriod.Y
        self._set_combo(self.ui.period_combo, str(period))
        remembered = self.settings.get(opts.LAST_UNIT_ID)
        if not remembered or self.ui.unit_combo.findData(remembered) < 0:
            remembered = self.ui.unit_combo.itemData(0) if self.ui.unit_combo.count() else ""
        self._set_combo(self.ui.unit_combo, remembered)

    @staticmethod
    def _set_combo(combo: QComboBox, data: object) -> None:
        combo.blockSignals(True)
        index = combo.findData(data)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def report_key(self) -> tuple[str, str] | None:
        """(unit id, period code) the progress form shows."""
        unit = self.ui.unit_combo.currentData()
        period = self.ui.period_combo.currentData()
        if not unit or not period:
            return None
        return str(unit), str(period)

    def current_progress_id(self) -> str | None:
        key = self.report_key()
        if self.task is None or key is None:
            return None
        return task_service.progress_row_id(self.task.id, key[0], self.task.plan_year, key[1])

    def _load_report(self) -> None:
        """Fill the progress form from the stored report of the chosen unit and period."""
        was_loading = self._loading
        self._loading = True
        try:
            ui = self.ui
            self._current_progress_key = self.report_key()
            progress_id = self.current_progress_id()
            record = task_service.get_progress(self.ctx.db, progress_id) if progress_id else None
            state = record.state if record else WorkState.NOT_STARTED
            self._set_combo(ui.state_combo, str(state))
            ui.percent_spin.setValue(
                record.percent if record and record.percent is not None else NO_PERCENT
            )
            completed = record.completed_on if record else None
            ui.completed_date_edit.setDate(_qdate(completed) if completed else NO_DATE)
            if completed is None and self.task is not None:
                # The calendar opens on the period's last month, not in the year 2000.
                key = self.report_key()
                last = ReportingPeriod(key[1]).last_month if key else 12
                ui.completed_date_edit.calendarWidget().setCurrentPage(self.task.plan_year, last)
            ui.result_edit.setPlainText(record.result if record else "")
            self.evidence_model.set_rows(
                progress_service.list_evidence(self.ctx.db, record.id) if record else []
            )
            row = self.progress_model.row_of(progress_id or "")
            if row >= 0:
                ui.progress_view.selectRow(row)
            else:
                ui.progress_view.clearSelection()
            self._update_completed_enabled()
        finally:
            self._loading = was_loading
        self._progress_snapshot = self._progress_state()
        self._update_state()

    def _reload_progress_list(self) -> None:
        if self.task is None:
            self.progress_model.set_rows([])
            return
        self.progress_model.set_rows(task_service.list_task_progress(self.ctx.db, self.task.id))

    def _refresh_history(self) -> None:
        if self.ref is None:
            self.history_model.set_rows([])
            return
        if self.ui.tabs.currentIndex() != TAB_HISTORY:
            self._history_stale = True
            return
        self._history_stale = False
        self.history_model.set_rows(
            history_service.node_history(self.ctx.db, self.ref.table, self.ref.id)
        )

    def _on_tab_changed(self, index: int) -> None:
        if index == TAB_HISTORY and getattr(self, "_history_stale", True):
            self._refresh_history()

    # ------------------------------------------------------------------ dirty state

    def _content_state(self) -> object:
        ui = self.ui
        if self.node is not None:
            return (ui.node_text_edit.toPlainText(), ui.appendix_lead_edit.text())
        if self.task is not None:
            return (
                ui.task_title_edit.toPlainText(),
                tuple(self.products_model.stringList()),
                self.agency_model.choices(),
                ui.timeline_edit.toPlainText(),
                ui.note_edit.toPlainText(),
                self.milestone_model.overrides(),
            )
        return None

    def _progress_state(self) -> object:
        if self.task is None:
            return None
        ui = self.ui
        return (
            ui.state_combo.currentData(),
            ui.percent_spin.value(),
            ui.completed_date_edit.date().toString("yyyy-MM-dd")
            if ui.state_combo.currentData() == str(WorkState.DONE)
            else "",
            ui.result_edit.toPlainText(),
        )

    def _take_snapshots(self) -> None:
        self._content_snapshot = self._content_state()
        self._progress_snapshot = self._progress_state()

    def content_dirty(self) -> bool:
        return self._content_state() != self._content_snapshot

    def progress_dirty(self) -> bool:
        return self._progress_state() != self._progress_snapshot

    def is_dirty(self) -> bool:
        return self.content_dirty() or self.progress_dirty()

    def _on_edited(self) -> None:
        if not self._loading:
            self.ui.validation_label.clear()
            self._update_state()

    def _on_timeline_edited(self) -> None:
        if not self._loading:
            self._preview_timer.start()
            self._on_edited()

    def _on_state_changed(self) -> None:
        self._update_completed_enabled()
        state = WorkState(self.ui.state_combo.currentData())
        if not self._loading and state is WorkState.DONE:
            self.ui.percent_spin.setValue(100)
        self._on_edited()

    def _update_completed_enabled(self) -> None:
        done = self.ui.state_combo.currentData() == str(WorkState.DONE)
        self.ui.completed_date_edit.setEnabled(done)
        self.ui.completed_caption.setEnabled(done)

    def _update_state(self) -> None:
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

    # ------------------------------------------------------------------ milestones

    def preview_milestones(self) -> None:
        """Parse the timeline on screen and show its milestones (confirmed ones stay)."""
        self._preview_timer.stop()
        if self.task is None:
            return
        parsed: list[Milestone] = task_service.preview_milestones(
            self.ui.timeline_edit.toPlainText(),
            self.task.plan_year,
            self.task.decision_date,
            self._reporting_rules,
        )
        for stored in getattr(self, "_stored_milestones", []):
            if stored.milestone.confirmed and stored.ord < len(parsed):
                parsed[stored.ord] = stored.milestone
        self.milestone_model.set_milestones(parsed)
        self._on_edited()

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
        key = self.report_key()
        self.load(self.ref)
        if key is not None and self.task is not None:
            self._set_combo(self.ui.unit_combo, key[0])
            self._set_combo(self.ui.period_combo, key[1])
            self._load_report()

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Save what changed (content, then the progress report); False when refused."""
        if self.ref is None or self.ctx.read_only:
            return not self.is_dirty()
        self._preview_timer.stop()
        try:
            if self.content_dirty():
                self._save_content()
            if self.progress_dirty():
                self._save_progress()
        except CchcError as exc:
            self.ui.validation_label.setText(str(exc))
            return False
        self.ui.validation_label.clear()
        self._update_state()
        self.saved.emit(self.ref)
        return True

    def _save_content(self) -> None:
        db, author = self.ctx.db, self.ctx.author
        if self.node is not None:
            node = self.node
            text = self.ui.node_text_edit.toPlainText()
            lead = self.ui.appendix_lead_edit.text()
            run_undoable(
                self.undo_stack,
                self.ctx,
                self.ops,
                f"sửa {self.ui.title_label.text()}",
                lambda: task_service.save_node(
                    db, node, text=text, lead_agency=lead, author=author
                ),
            )
            self.node = task_service.load_node(db, node.table, node.id)
        elif self.task is not None:
            task = self.task
            edit = self.task_edit()
            run_undoable(
                self.undo_stack,
                self.ctx,
                self.ops,
                f"sửa nhiệm vụ {task.ref}",
                lambda: task_service.save_task(db, task.id, edit, author=author),
            )
            self.task = task_service.load_task(db, task.id)
            self._stored_milestones = list(self.task.milestones)
            self._show_review(self.task)
        self._content_snapshot = self._content_state()

    def task_edit(self) -> TaskEdit:
        ui = self.ui
        return TaskEdit(
            title=ui.task_title_edit.toPlainText(),
            products=tuple(self.products_model.stringList()),
            agencies=self.agency_model.choices(),
            timeline=ui.timeline_edit.toPlainText(),
            note=ui.note_edit.toPlainText(),
            overrides=self.milestone_model.overrides(),
        )

    def progress_edit(self) -> ProgressEdit:
        assert self.task is not None
        ui = self.ui
        key = self.report_key()
        percent = ui.percent_spin.value()
        state = WorkState(ui.state_combo.currentData())
        chosen = ui.completed_date_edit.date()
        completed = chosen if state is WorkState.DONE and chosen != NO_DATE else None
        return ProgressEdit(
            task_id=self.task.id,
            unit_id=key[0] if key else "",
            year=self.task.plan_year,
            period=ReportingPeriod(key[1]) if key else ReportingPeriod.Y,
            state=state,
            percent=None if percent == NO_PERCENT else percent,
            result=ui.result_edit.toPlainText(),
            completed_on=_pydate(completed) if completed is not None else None,
        )

    def _save_progress(self) -> None:
        assert self.task is not None
        edit = self.progress_edit()
        db, author, today = self.ctx.db, self.ctx.author, self.ctx.today()
        unit = self.ui.unit_combo.currentText()
        run_undoable(
            self.undo_stack,
            self.ctx,
            self.ops,
            f"ghi tiến độ {period_phrase(edit.period, edit.year)} – {unit}",
            lambda: task_service.save_progress(db, edit, today=today, author=author),
        )
        self.settings.set(opts.LAST_UNIT_ID, edit.unit_id)
        self._reload_progress_list()
        self._load_report()

    # ------------------------------------------------------------------ progress choice

    def _on_report_key_chosen(self) -> None:
        key = self.report_key()
        if key == self._current_progress_key:
            return
        if self.progress_dirty():
            choice = UnsavedDialog.ask(self, "Báo cáo tiến độ của kỳ, đơn vị trước chưa được lưu.")
            if choice is UnsavedChoice.CANCEL or (
                choice is UnsavedChoice.SAVE and not self._save_previous_report()
            ):
                previous = self._current_progress_key
                if previous is not None:
                    self._set_combo(self.ui.unit_combo, previous[0])
                    self._set_combo(self.ui.period_combo, previous[1])
                return
        self._load_report()

    def _save_previous_report(self) -> bool:
        """Save the form under the unit and period it was filled for (the combos moved on)."""
        previous = self._current_progress_key
        if previous is None:
            return True
        wanted = self.report_key()
        self._set_combo(self.ui.unit_combo, previous[0])
        self._set_combo(self.ui.period_combo, previous[1])
        try:
            self._save_progress()
        except CchcError as exc:
            self.ui.validation_label.setText(str(exc))
            return False
        if wanted is not None:
            self._set_combo(self.ui.unit_combo, wanted[0])
            self._set_combo(self.ui.period_combo, wanted[1])
        return True

    def _on_progress_row_clicked(self, index: QModelIndex) -> None:
        record = self.progress_model.record(index.row())
        if (record.unit_id, str(record.period)) == self.report_key():
            return
        if record.year != (self.task.plan_year if self.task else record.year):
            return
        self._set_combo(self.ui.unit_combo, record.unit_id)
        self._set_combo(self.ui.period_combo, str(record.period))
        self._on_report_key_chosen()

    def select_report(self, unit_id: str, period: ReportingPeriod) -> None:
        """Show the report of `unit_id` for `period` (asks about unsaved text first)."""
        self.ui.tabs.setCurrentIndex(TAB_PROGRESS)
        self._set_combo(self.ui.unit_combo, unit_id)
        self._set_combo(self.ui.period_combo, str(period))
        self._on_report_key_chosen()

    # ------------------------------------------------------------------ lists

    def add_product(self) -> None:
        row = self.products_model.rowCount()
        self.products_model.insertRows(row, 1)
        index = self.products_model.index(row)
        self.ui.products_view.setCurrentIndex(index)
        self.ui.products_view.edit(index)

    def remove_product(self) -> None:
        index = self.ui.products_view.currentIndex()
        if index.isValid():
            self.products_model.removeRows(index.row(), 1)

    def add_agencies(self) -> None:
        if self.task is None:
            return
        from cchc_desktop.ui.agency_dialogs import AgencyPickerDialog

        has_lead = any(i.role is AgencyRole.LEAD for i in self.agency_model.items())
        role = AgencyRole.COORDINATING if has_lead else AgencyRole.LEAD
        for picked in AgencyPickerDialog.ask(self.ctx, self.ops, self, role=role):
            self.agency_model.add(
                AgencyItem(picked.agency_id, picked.name, picked.role, "", picked.needs_review)
            )

    def remove_agency(self) -> None:
        index = self.ui.agencies_view.currentIndex()
        if index.isValid():
            self.agency_model.remove(index.row())

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

    # ------------------------------------------------------------------ evidence

    def choose_evidence_files(self) -> None:
        start = self.settings.get(opts.LAST_EVIDENCE_DIR) or str(Path.home())
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            "Chọn tệp minh chứng",
            start,
            "Tài liệu (*.pdf *.doc *.docx *.xls *.xlsx *.jpg *.jpeg *.png *.tif *.tiff);;"
            "Tất cả các tệp (*)",
        )
        if names:
            self.settings.set(opts.LAST_EVIDENCE_DIR, str(Path(names[0]).parent))
            self.add_evidence_files([Path(n) for n in names])

    def add_evidence_files(self, files: list[Path]) -> bool:
        """Attach files to the shown report: save the report if needed, copy the files on a
        worker (with progress and cancel), then record them as one undoable step."""
        files = [f for f in files if f.is_file()]
        if self.task is None or not files or self.ctx.read_only:
            return False
        progress_id = self.current_progress_id()
        exists = progress_id is not None and (
            task_service.get_progress(self.ctx.db, progress_id) is not None
        )
        if self.progress_dirty() or not exists:
            try:
                self._save_progress()
            except CchcError as exc:
                self.ui.validation_label.setText(
                    f"Chưa đính kèm được vì báo cáo chưa lưu được: {exc}"
                )
                return False
        progress_id = self.current_progress_id()
        assert progress_id is not None
        self._run_copy(files, progress_id)
        return True

    def _run_copy(self, files: list[Path], progress_id: str) -> None:
        worker = Worker(copy_into_store, self.ctx.db_path, files)
        self._worker = worker
        attach_progress_dialog(
            worker,
            self,
            title="Đính kèm minh chứng",
            text="Đang chép tệp minh chứng vào thư mục dữ liệu…",
        )
        worker.signals.result.connect(
            lambda stored: self._attach_stored(progress_id, stored, cancelled=worker.is_cancelled())
        )
        worker.signals.error.connect(
            lambda exc: self.ui.validation_label.setText(
                failure_text(exc, "Không chép được tệp minh chứng")
            )
        )
        worker.signals.finished.connect(lambda: setattr(self, "_worker", None))
        worker.start()

    def wait_for_worker(self, timeout_ms: int = 10_000) -> None:
        """Block until a running evidence copy finishes (tests, closing the window)."""
        QThreadPool.globalInstance().waitForDone(timeout_ms)

    def _attach_stored(
        self, progress_id: str, stored: list[StoredFile], *, cancelled: bool
    ) -> None:
        if cancelled or not stored:
            self.ui.validation_label.setText("Đã huỷ đính kèm minh chứng.")
            return
        db, author = self.ctx.db, self.ctx.author

        def attach() -> Changes:
            with db.atomic():
                register_blobs(db, [(s.sha256, s.size, s.mime) for s in stored])
                total = Changes()
                for s in stored:
                    c = progress_service.add_evidence(
                        db,
                        progress_id=progress_id,
                        sha256=s.sha256,
                        file_name=s.name,
                        size=s.size,
                        author=author,
                    )
                    total = Changes(total.fields + c.fields, total.tables | c.tables)
                return total

        names = ", ".join(s.name for s in stored)
        try:
            run_undoable(self.undo_stack, self.ctx, self.ops, f"đính kèm {names}", attach)
        except CchcError as exc:
            self.ui.validation_label.setText(str(exc))
            return
        self._refresh_evidence()

    def _refresh_evidence(self) -> None:
        progress_id = self.current_progress_id()
        self.evidence_model.set_rows(
            progress_service.list_evidence(self.ctx.db, progress_id) if progress_id else []
        )
        self._reload_progress_list()
        self._update_state()

    def selected_evidence(self) -> progress_service.EvidenceRecord | None:
        index = self.ui.evidence_view.currentIndex()
        if not index.isValid():
            if self.evidence_model.rowCount() == 1:
                return self.evidence_model.record(0)
            return None
        return self.evidence_model.record(index.row())

    def open_evidence(self) -> None:
        """Open the file with the PC's program for it (a copy under its own name in temp)."""
        record = self.selected_evidence()
        if record is None:
            return
        source = blob_path(self.ctx.db_path, record.sha256)
        if not source.is_file():
            QMessageBox.warning(
                self,
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

    def remove_evidence(self) -> None:
        record = self.selected_evidence()
        if record is None or self.ctx.read_only:
            return
        db, author = self.ctx.db, self.ctx.author
        try:
            run_undoable(
                self.undo_stack,
                self.ctx,
                self.ops,
                f"gỡ minh chứng {record.file_name}",
                lambda: progress_service.remove_evidence(db, record.id, author=author),
            )
        except CchcError as exc:
            self.ui.validation_label.setText(str(exc))
            return
        self._refresh_evidence()

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
        key = self.report_key()
        tab = self.ui.tabs.currentIndex()
        self.load(self.ref)
        if key is not None and self.task is not None:
            self._set_combo(self.ui.unit_combo, key[0])
            self._set_combo(self.ui.period_combo, key[1])
            self._load_report()
        self.ui.tabs.setCurrentIndex(tab)

    def _concerns_me(self, changes: Changes) -> bool:
        ref = self.ref
        if ref is None:
            return False
        if ref.table != TASK:
            return ref.id in changes.rows(ref.table)
        if ref.id in changes.rows("task") or changes.touches("agency"):
            return True
        task_id = ref.id
        for table in ("task_agency", "milestone", "progress", "evidence"):
            for c in changes.fields:
                if c.table == table and c.field in {"task_id"} and c.new == task_id:
                    return True
        ids = set()
        for table in ("task_agency", "milestone", "progress", "evidence"):
            ids |= {(table, r) for r in changes.rows(table)}
        return any(self._row_of_task(table, row_id) for table, row_id in ids)

    def _row_of_task(self, table: str, row_id: str) -> bool:
        assert self.ref is not None
        if table == "evidence":
            sql = (
                "SELECT 1 FROM evidence e JOIN progress p ON p.id = e.progress_id"
                " WHERE e.id = ? AND p.task_id = ?"
            )
        else:
            sql = f"SELECT 1 FROM {table} WHERE id = ? AND task_id = ?"  # noqa: S608 - fixed names
        return self.ctx.db.execute(sql, [row_id, self.ref.id]).fetchone() is not None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())
