"""The main window: plan selector, search and filters, start-up summary, the lazy task tree.

Wiring only: reads go through services and item models, writes through `Operations` and the
undo stack, and every view refreshes from the `Changes` a write returns.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QUndoStack,
)
from PySide6.QtWidgets import QHeaderView, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.errors import CchcError
from cchc_desktop.qt import settings as setting_keys
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.qtmodels.roles import REF_ROLE
from cchc_desktop.qtmodels.status_style import StatusLegend, legend_styles
from cchc_desktop.qtmodels.task_filter_proxy import Deadline, TaskFilter, TaskFilterProxy
from cchc_desktop.qtmodels.task_tree_model import (
    COL_DUE,
    COL_LEAD,
    COL_NUMBER,
    COL_PERCENT,
    COL_STATUS,
    COL_TITLE,
    TaskTreeModel,
)
from cchc_desktop.services import organisation, plan_service, tree_service
from cchc_desktop.services.tree_service import APPENDIX, TASK, NodeRef
from cchc_desktop.store.changes import Changes
from cchc_desktop.ui import filter_bar, integrity_check, main_menu, window_state
from cchc_desktop.ui.forms.ui_main_window import Ui_MainWindow
from cchc_desktop.ui.main_menu import TAB_CALENDAR, TAB_INDICATORS, TAB_TREE
from cchc_desktop.ui.task_editor import TaskEditor

log = logging.getLogger(__name__)


if TYPE_CHECKING:
    from cchc_desktop.ui.calendar_panel import CalendarPanel
    from cchc_desktop.ui.indicators_panel import IndicatorsPanel

SEARCH_DELAY_MS = 150  # typing pause before the filter runs
PREFETCH_DELAY_MS = 300  # after the first paint: the whole plan is read for the first search


class MainWindow(QMainWindow):
    """The clerk's window over one open database.

    Signals:
        plan_changed(str): the tree now shows this plan (its id).
        node_selected(object): the current tree node changed; a NodeRef, or None.
    """

    plan_changed = Signal(str)
    node_selected = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ops = ops
        self.settings = settings
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setAcceptDrops(True)  # a plan file dropped onto the window is imported
        self.undo_stack = QUndoStack(self)
        self._current_ref: NodeRef | None = None
        self._restoring_selection = False

        self.model = TaskTreeModel(ctx.db, ctx.today, self)
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._setup_tree()
        self._setup_filters()
        self._setup_actions()
        # Two rows, so the legend fits under a tree of any usual width.
        styles = legend_styles()
        rows = QVBoxLayout()
        rows.setSpacing(2)
        self.legends = [
            StatusLegend(self.ui.legend_container, styles=part) for part in (styles[:4], styles[4:])
        ]
        for legend in self.legends:
            rows.addWidget(legend)
        self.ui.legend_layout.addLayout(rows, 1)
        self.editor = TaskEditor(ctx, ops, self.undo_stack, settings, self.ui.editor_container)
        self.ui.editor_layout.addWidget(self.editor)
        self.node_selected.connect(self.editor.load)
        self.editor.dirty_changed.connect(self._on_dirty_changed)
        # The calendar and indicator tabs are built when first shown: start-up stays fast.
        self._calendar: CalendarPanel | None = None
        self._indicators: IndicatorsPanel | None = None
        self.ui.left_tabs.currentChanged.connect(self._on_tab_changed)
        self.plan_changed.connect(self._on_plan_changed_for_tabs)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)

        from cchc_desktop.ui.structure_actions import StructureActions

        self.structure = StructureActions(self)
        ops.changed.connect(self._on_changed)
        ops.reset.connect(self._on_reset)
        self.ui.status_bar.showMessage(f"Cơ sở dữ liệu: {ctx.db_path}")
        if ctx.read_only:
            self.ui.status_bar.showMessage(
                f"Chỉ xem (không ghi được vào {ctx.db_path}): mọi nút lưu đã tắt."
            )
        self._restore_window_state()
        self.reload_plans()

    # ------------------------------------------------------------------ set-up

    def _setup_tree(self) -> None:
        view = self.ui.tree_view
        view.setModel(self.proxy)
        header = view.header()
        # The plan opens in document order (no sort column); a header click sorts.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        header.setStretchLastSection(False)
        # The task name takes whatever the other columns leave; they start at the width of
        # their usual text in the screen's font, the full texts are in tooltips, and the
        # clerk's widths are remembered (window_state).
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        text = view.fontMetrics().horizontalAdvance
        pad = 14
        for column, width in (
            (COL_NUMBER, text("88") + view.indentation() + pad),
            (COL_LEAD, text("Phòng Nội vụ")),  # longer names: tooltip
            (COL_DUE, text("Hạn gần nhất") + pad),
            (COL_STATUS, text("Đến hạn trong 30 ngày") + 2 * pad),
            (COL_PERCENT, text("Tiến độ") + pad),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        view.activated.connect(self._on_activated)
        self.proxy.filter_applied.connect(self._on_filter_applied)
        self.model.modelReset.connect(self._update_match_label)

    def _setup_filters(self) -> None:
        ui = self.ui
        filter_bar.fill_choices(ui)
        self.reload_agencies()

        ui.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        ui.search_edit.returnPressed.connect(self.apply_filter)
        for combo in (ui.agency_combo, ui.status_combo, ui.period_combo, ui.deadline_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        ui.clear_filters_button.clicked.connect(self.clear_filters)
        ui.overdue_button.clicked.connect(lambda: self.show_deadline(Deadline.OVERDUE))
        ui.due_soon_button.clicked.connect(lambda: self.show_deadline(Deadline.DUE_SOON))
        ui.plan_combo.currentIndexChanged.connect(self._on_plan_chosen)

    def _setup_actions(self) -> None:
        self.action_undo, self.action_redo = main_menu.add_undo_actions(self)
        main_menu.connect_actions(self)
        # Kept as the window's own names: callers and tests reach them here.
        self.action_sync_network = self.ui.action_sync_network
        self.action_days_off = self.ui.action_days_off
        self.action_next_year = self.ui.action_next_year

    # ------------------------------------------------------------------ lazy tabs

    @property
    def calendar(self) -> CalendarPanel:
        """The deadline calendar tab (built on first use)."""
        if self._calendar is None:
            from cchc_desktop.ui.calendar_panel import CalendarPanel

            panel = CalendarPanel(
                self.ctx, self.ops, self.ui.calendar_tab, plan_id=self.model.plan_id
            )
            self.ui.calendar_layout.addWidget(panel)
            panel.task_activated.connect(self.select_task)
            self._calendar = panel
        return self._calendar

    @property
    def indicators(self) -> IndicatorsPanel:
        """The indicators tab (built on first use)."""
        if self._indicators is None:
            from cchc_desktop.ui.indicators_panel import IndicatorsPanel

            panel = IndicatorsPanel(self.ctx, self.ops, self.undo_stack, self.ui.indicators_tab)
            self.ui.indicators_layout.addWidget(panel)
            panel.set_plan(self.model.plan_id)
            self._indicators = panel
        return self._indicators

    def _on_tab_changed(self, index: int) -> None:
        if not self.isVisible():
            # Restoring the last tab at start-up: build it once the window is on screen.
            QTimer.singleShot(0, self, self._build_current_tab)
            return
        if index == TAB_CALENDAR:
            _ = self.calendar
        elif index == TAB_INDICATORS:
            _ = self.indicators

    def _build_current_tab(self) -> None:
        if self.isVisible():
            self._on_tab_changed(self.ui.left_tabs.currentIndex())

    def _on_plan_changed_for_tabs(self, plan_id: str) -> None:
        if self._indicators is not None:
            self._indicators.set_plan(plan_id)
        if self._calendar is not None:
            self._calendar.set_plan(plan_id)

    # ------------------------------------------------------------------ plans

    def reload_plans(self) -> None:
        """Fill the plan selector and show the remembered plan (or the newest)."""
        combo = self.ui.plan_combo
        wanted = self.model.plan_id or self.settings.get(setting_keys.LAST_PLAN_ID)
        plans = plan_service.list_plans(self.ctx.db)
        combo.blockSignals(True)
        combo.clear()
        for plan in plans:
            label = f"Năm {plan.year} – {plan.decision_number or plan.title}"
            combo.addItem(label, plan.id)
            combo.setItemData(
                combo.count() - 1,
                f"{plan.title}\n{plan.task_count} nhiệm vụ",
                Qt.ItemDataRole.ToolTipRole,
            )
        index = combo.findData(wanted) if wanted else -1
        combo.setCurrentIndex(index if index >= 0 else (0 if plans else -1))
        combo.blockSignals(False)
        self._show_plan(combo.currentData())

    def _on_plan_chosen(self, _index: int) -> None:
        combo = self.ui.plan_combo
        plan_id = combo.currentData()
        if plan_id == self.model.plan_id:
            return
        if not self.confirm_leave():  # unsaved edits of the other plan: stay on it
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(self.model.plan_id))
            combo.blockSignals(False)
            return
        self._show_plan(plan_id)

    def _show_plan(self, plan_id: str | None) -> None:
        self.model.set_plan(plan_id)
        self.editor.set_no_plan(self.ui.plan_combo.count() == 0)
        # Once the window is painted, read the rest of the plan for the first search.
        QTimer.singleShot(PREFETCH_DELAY_MS, self, self._prefetch_plan)
        if plan_id:
            self.settings.set(setting_keys.LAST_PLAN_ID, str(plan_id))
            self.plan_changed.emit(str(plan_id))
        if self.proxy.current_filter.active:
            self.proxy.set_filter(self.proxy.current_filter)
        self._follow_plan()
        self.refresh_summary()
        self._update_match_label()

    def _prefetch_plan(self) -> None:
        self.model.prefetch_all(self.ctx.db_path)

    def _follow_plan(self) -> None:
        """The editor shows a record of the plan on screen, never one of the plan left behind.

        The record shown stays when the new tree holds it; otherwise the new plan's first row
        (its decision) is selected, or nothing when the plan is empty.
        """
        ref = self._current_ref
        if ref is None:
            return
        found = self.model.locate_task(ref.id) if ref.table == TASK else None
        if found is None:
            found = self.model.index_of_ref(ref)
        self._current_ref = None
        if found.isValid() and self.select_ref(ref):
            return
        first = self.proxy.index(0, 0)
        if first.isValid():
            self.ui.tree_view.selectionModel().setCurrentIndex(
                first,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        if self._current_ref is None:
            self.node_selected.emit(None)

    @property
    def plan_id(self) -> str | None:
        return self.model.plan_id

    def plan_year(self) -> int | None:
        if self.model.plan_id is None:
            return None
        return tree_service.plan_year(self.ctx.db, self.model.plan_id)

    # ------------------------------------------------------------------ filters

    def reload_agencies(self) -> None:
        combo = self.ui.agency_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Mọi cơ quan, đơn vị", None)
        for agency in organisation.list_agencies(self.ctx.db):
            combo.addItem(agency.name, agency.id)
        index = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def current_filter(self) -> TaskFilter:
        return filter_bar.read_filter(self.ui)

    def apply_filter(self) -> None:
        """Apply what the filter bar says to the tree (runs after a short typing pause)."""
        self._search_timer.stop()
        task_filter = self.current_filter()
        if task_filter == self.proxy.current_filter:
            return
        first = task_filter.active and not self.model.all_loaded
        if first:  # the first search reads the whole plan: a second on a very large plan
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.proxy.set_filter(task_filter)
            if task_filter.active:
                self.ui.tree_view.expandAll()
        finally:
            if first:
                QGuiApplication.restoreOverrideCursor()

    def clear_filters(self) -> None:
        filter_bar.reset(self.ui)
        self.ui.tree_view.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.apply_filter()

    def show_deadline(self, deadline: Deadline) -> None:
        """The summary bar's click: show the tree with only overdue (or due-soon) tasks."""
        self.ui.left_tabs.setCurrentIndex(TAB_TREE)
        combo = self.ui.deadline_combo
        combo.setCurrentIndex(combo.findData(deadline))
        self.apply_filter()

    def focus_search(self) -> None:
        self.ui.left_tabs.setCurrentIndex(TAB_TREE)
        self.ui.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.search_edit.selectAll()

    def _on_filter_applied(self, _count: int) -> None:
        self._update_match_label()

    def _update_match_label(self) -> None:
        total = self._plan_task_count()
        if self.proxy.current_filter.active:
            text = f"Đang lọc: {self.proxy.match_count}/{total} nhiệm vụ"
        else:
            text = f"{total} nhiệm vụ"
        self.ui.match_label.setText(text)

    def _plan_task_count(self) -> int:
        if self.model.plan_id is None:
            return 0
        return tree_service.task_count(self.ctx.db, self.model.plan_id)

    # ------------------------------------------------------------------ summary

    def refresh_summary(self) -> None:
        """The start-up line: "3 nhiệm vụ quá hạn, 5 nhiệm vụ đến hạn trong 7 ngày"."""
        plan_id = self.model.plan_id
        ui = self.ui
        if plan_id is None:
            ui.summary_frame.setVisible(False)
            return
        counts = tree_service.summary_counts(self.ctx.db, plan_id, self.ctx.today())
        ui.summary_frame.setVisible(True)
        ui.overdue_button.setText(f"{counts.overdue} nhiệm vụ quá hạn")
        ui.due_soon_button.setText(
            f"{counts.due_soon} nhiệm vụ đến hạn trong {counts.soon_days} ngày"
        )
        ui.overdue_button.setStyleSheet(
            "QPushButton { color: #c62828; font-weight: bold; }" if counts.overdue else ""
        )
        ui.due_soon_button.setStyleSheet(
            "QPushButton { color: #e65100; font-weight: bold; }" if counts.due_soon else ""
        )
        self.summary_text = counts.text()

    # ------------------------------------------------------------------ selection

    def current_ref(self) -> NodeRef | None:
        return self._current_ref

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._restoring_selection:
            return
        ref = current.data(REF_ROLE) if current.isValid() else None
        if ref == self._current_ref:
            return
        if not self.confirm_leave():
            self._restoring_selection = True
            self.ui.tree_view.selectionModel().setCurrentIndex(
                previous,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._restoring_selection = False
            return
        self._current_ref = ref
        self.node_selected.emit(ref)

    def confirm_leave(self) -> bool:
        """May the current record be left? The editor asks about unsaved text."""
        return self.editor.confirm_leave()

    def _on_dirty_changed(self, dirty: bool) -> None:
        self.ui.action_save.setEnabled(dirty and not self.ctx.read_only)
        self.ui.action_discard.setEnabled(dirty)
        self.setWindowModified(dirty)

    def _on_activated(self, index: QModelIndex) -> None:
        view = self.ui.tree_view
        if self.proxy.hasChildren(index):
            view.setExpanded(index, not view.isExpanded(index))

    def select_ref(self, ref: NodeRef) -> bool:
        """Select a node in the tree (loading, clearing filters and expanding as needed)."""
        self.ui.left_tabs.setCurrentIndex(TAB_TREE)
        if ref.table == TASK:
            source = self.model.locate_task(ref.id)
        else:
            source = self.model.index_of_ref(ref)
        if not source.isValid():
            return False
        proxy_index = self.proxy.mapFromSource(source)
        if not proxy_index.isValid():
            self.clear_filters()
            proxy_index = self.proxy.mapFromSource(source)
            if not proxy_index.isValid():
                return False
        view = self.ui.tree_view
        parent = proxy_index.parent()
        while parent.isValid():
            view.expand(parent)
            parent = parent.parent()
        view.selectionModel().setCurrentIndex(
            proxy_index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.scrollTo(proxy_index)
        return self._current_ref == ref

    def select_task(self, task_id: str) -> bool:
        """Select a task by id, switching to its plan first if needed (the calendar's jump)."""
        place = tree_service.task_place(self.ctx.db, task_id)
        if place is None:
            return False
        if place[0] != self.model.plan_id:
            combo = self.ui.plan_combo
            combo.setCurrentIndex(combo.findData(place[0]))
        return self.select_ref(NodeRef(TASK, task_id))

    def prepare_screenshot(self) -> None:
        """For `gui --screenshot`: open the appendices and select the first task."""
        self.expand_appendices()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            ref = index.data(REF_ROLE)
            if isinstance(ref, NodeRef) and ref.table == APPENDIX and self.proxy.rowCount(index):
                task = self.proxy.index(0, 0, index).data(REF_ROLE)
                if isinstance(task, NodeRef):
                    self.select_ref(task)
                return

    def expand_all(self) -> None:
        self.model.load_all()
        self.ui.tree_view.expandAll()

    def expand_appendices(self) -> None:
        """Open every appendix (reads their tasks): the view a clerk usually wants first."""
        view = self.ui.tree_view
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            ref = index.data(REF_ROLE)
            if isinstance(ref, NodeRef) and ref.table == APPENDIX:
                view.expand(index)

    # ------------------------------------------------------------------ refresh

    def _on_changed(self, changes: Changes) -> None:
        self.model.apply_changes(changes)
        if self.proxy.current_filter.active:
            self.proxy.refresh()
        if changes.touches("plan"):
            self.reload_plans()
        if changes.touches("agency"):
            self.reload_agencies()
        self.refresh_summary()
        self._update_match_label()

    def _on_reset(self) -> None:
        """The database changed under the views (sync import, restore): start afresh.

        A restore reopens the database into `ctx.db`, so the tree is given the new connection.
        """
        self.undo_stack.clear()
        self.model.set_database(self.ctx.db)
        self.reload_agencies()
        self.reload_plans()
        self.editor.load(self._current_ref if self.editor.ref is not None else None)

    def refresh(self) -> None:
        """F5: read everything again and judge statuses against today's date."""
        expanded = self._expanded_refs()
        current = self._current_ref
        self.reload_agencies()
        self.model.reload()
        if self.proxy.current_filter.active:
            self.proxy.set_filter(self.proxy.current_filter)
        self._restore_expanded(expanded)
        if current is not None:
            self.select_ref(current)
        self.refresh_summary()
        self._update_match_label()
        self.ui.status_bar.showMessage(
            f"Đã làm mới lúc {dt.datetime.now().astimezone():%H:%M}", 5000
        )

    def _expanded_refs(self) -> list[NodeRef]:
        view = self.ui.tree_view
        refs: list[NodeRef] = []
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if view.isExpanded(index):
                    ref = index.data(REF_ROLE)
                    if isinstance(ref, NodeRef):
                        refs.append(ref)
                    stack.append(index)
        return refs

    def _restore_expanded(self, refs: list[NodeRef]) -> None:
        view = self.ui.tree_view
        for ref in refs:
            source = self.model.index_of_ref(ref)
            if source.isValid():
                view.expand(self.proxy.mapFromSource(source))

    # ------------------------------------------------------------------ integrity

    def start_integrity_check(self) -> None:
        """Run `PRAGMA quick_check` on a worker once the window is up, when one is due (it reads
        the whole file, about a second per 250 MB); on damage, offer the latest good backup."""
        self._integrity_worker = integrity_check.start(self)

    def stop_integrity_check(self) -> None:
        """Cancel a check still running (the window is closing)."""
        worker = getattr(self, "_integrity_worker", None)
        if worker is not None:
            worker.cancel()

    def _on_integrity_result(self, problems: list[str]) -> None:
        integrity_check.handle_result(self, problems)

    # ------------------------------------------------------------------ dialogs

    def editor_save(self) -> bool:
        return self.editor.save()

    def delete_selected(self) -> None:
        """Delete: the focused list item in the editor, or the selected task in the tree."""
        if self.editor.isAncestorOf(self.focusWidget()) and self.editor.delete_selected():
            return
        if self.ui.tree_view.hasFocus() and self._current_ref is not None:
            self.delete_task(self._current_ref)

    def delete_task(self, ref: NodeRef) -> None:
        """Delete a task, appendix, part, item or paragraph (asks, naming what goes with it)."""
        self.structure.remove(ref)

    # ------------------------------------------------------------------ other windows

    def leave_for_dialog(self) -> bool:
        """Dialogs that may change or replace data need the editor's text saved or dropped."""
        return self.editor.confirm_leave()

    def show_record(self, table: str, row_id: str) -> None:
        """A record named elsewhere (a sync conflict card): show its task in the tree."""
        task_id = tree_service.task_of_record(self.ctx.db, table, row_id)
        if task_id is not None:
            self.select_task(task_id)

    # ------------------------------------------------------------------ import

    def import_plan(self, file: Path | None = None) -> None:
        """Read a plan document on a worker (own connection), review it, then show it."""
        from cchc_desktop.ui.plan_import import PlanImporter

        if not self.leave_for_dialog():
            return
        importer = PlanImporter(self.ctx, self.ops, self.settings, self)
        importer.imported.connect(self._on_plan_imported)
        if file is None:
            importer.choose_and_run()
        else:
            importer.run(file)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from cchc_desktop.ui.plan_import import dropped_plan_file

        if dropped_plan_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from cchc_desktop.ui.plan_import import dropped_plan_file

        file = dropped_plan_file(event.mimeData())
        if file is not None:
            event.acceptProposedAction()
            self.import_plan(file)

    def _on_plan_imported(self, plan_id: str) -> None:
        self.reload_plans()
        combo = self.ui.plan_combo
        combo.setCurrentIndex(max(combo.findData(plan_id), 0))

    def export(self, kind: str) -> None:
        """Export the selected plan (tasks, a period's results, or its deadlines) to a file.

        `kind` is an `ExportKind` value ("tasks_xlsx", "period_xlsx", "calendar_ics").
        """
        from cchc_desktop.ui.exports import ExportKind, start_export

        year = self.plan_year()
        if self.model.plan_id is None or year is None:
            return
        worker = start_export(
            self,
            self.ctx,
            self.model.plan_id,
            year,
            ExportKind(kind),
            lambda message: self.ui.status_bar.showMessage(message, 10000),
        )
        if worker is not None:
            self._export_worker = worker  # kept until it finishes (workers do not self-delete)

    def draft_next_year(self) -> None:
        """A draft of the selected plan for a later year, then shown in the tree."""
        from cchc_desktop.ui.plan_draft import draft_next_year

        if self.model.plan_id is None or not self.leave_for_dialog():
            return
        result = draft_next_year(self.ctx, self.ops, self, self.model.plan_id)
        if result is not None:
            self._on_plan_imported(result.plan_id)
            self.ui.status_bar.showMessage(
                f"Đã lập dự thảo kế hoạch năm {self.plan_year()}: {result.tasks} nhiệm vụ, "
                "thời hạn đã dời theo năm; số và ngày quyết định còn để trống.",
                10000,
            )
            self.structure.edit_header()  # the draft is finished by filling its decision

    def show_error(self, title: str, error: BaseException) -> None:
        """A clerk-caused error: its Vietnamese message, nothing else."""
        message = str(error) if isinstance(error, CchcError) else f"Lỗi: {error}"
        QMessageBox.warning(self, title, message)

    # ------------------------------------------------------------------ window state

    def _restore_window_state(self) -> None:
        window_state.restore(self, self.ui, self.settings)

    def save_window_state(self) -> None:
        window_state.save(self, self.ui, self.settings, self.model.plan_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_leave():
            event.ignore()
            return
        self.save_window_state()
        event.accept()
