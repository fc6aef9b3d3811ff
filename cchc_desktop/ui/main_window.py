"""The main window: plan selector, search and filters, start-up summary, the lazy task tree.

Wiring only: reads go through services and item models, writes through `Operations` and the
undo stack, and every view refreshes from the `Changes` a write returns.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import QHeaderView, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from cchc_desktop.context import AppContext
from cchc_desktop.domain.model import STATUS_LABELS, StatusCategory
from cchc_desktop.domain.periods import PERIOD_LABELS, ReportingPeriod
from cchc_desktop.errors import CchcError
from cchc_desktop.qt import settings as opts
from cchc_desktop.qt.logging_qt import log_dir
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.qt.undo import run_undoable
from cchc_desktop.qt.workers import Worker
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
from cchc_desktop.services import organisation, plan_service, task_service, tree_service
from cchc_desktop.services.startup import open_or_create
from cchc_desktop.services.tree_service import APPENDIX, TASK, NodeRef
from cchc_desktop.store.changes import Changes
from cchc_desktop.store.integrity import inspect_database, open_read_only
from cchc_desktop.ui.forms.ui_main_window import Ui_MainWindow
from cchc_desktop.ui.task_editor import TaskEditor

log = logging.getLogger(__name__)


def _inspect(
    db_path: Path, *, progress: Callable[[int], None], cancelled: Callable[[], bool]
) -> list[str]:
    """Worker job: the quick_check problems of the database file (empty when sound)."""
    return list(inspect_database(db_path).problems)


if TYPE_CHECKING:
    from cchc_desktop.ui.calendar_panel import CalendarPanel
    from cchc_desktop.ui.indicators_panel import IndicatorsPanel

SEARCH_DELAY_MS = 150  # typing pause before the filter runs
TAB_TREE, TAB_CALENDAR, TAB_INDICATORS = range(3)


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
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_NUMBER, 66),
            (COL_LEAD, 120),
            (COL_DUE, 84),
            (COL_STATUS, 176),
            (COL_PERCENT, 54),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        view.activated.connect(self._on_activated)
        self.proxy.filter_applied.connect(self._on_filter_applied)
        self.model.modelReset.connect(self._update_match_label)

    def _setup_filters(self) -> None:
        ui = self.ui
        ui.status_combo.addItem("Mọi trạng thái", None)
        for category in StatusCategory:
            ui.status_combo.addItem(STATUS_LABELS[category], category)
        ui.period_combo.addItem("Mọi kỳ báo cáo", None)
        for period in ReportingPeriod:
            ui.period_combo.addItem(f"Kỳ báo cáo {PERIOD_LABELS[period]}", period)
        ui.deadline_combo.addItem("Mọi thời hạn", Deadline.ANY)
        ui.deadline_combo.addItem("Quá hạn", Deadline.OVERDUE)
        ui.deadline_combo.addItem("Đến hạn trong 7 ngày", Deadline.DUE_SOON)
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
        ui = self.ui
        undo = self.undo_stack.createUndoAction(self, "&Hoàn tác")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setIcon(QIcon(":/icons/action-undo.svg"))
        redo = self.undo_stack.createRedoAction(self, "&Làm lại")
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        redo.setIcon(QIcon(":/icons/action-redo.svg"))
        # The toolbar shows the short name; the menu and tooltip name the step to undo.
        undo.setIconText("Hoàn tác")
        redo.setIconText("Làm lại")
        self.action_undo: QAction = undo
        self.action_redo: QAction = redo
        first = ui.menu_edit.actions()[0]
        ui.menu_edit.insertActions(first, [undo, redo])
        ui.menu_edit.insertSeparator(first)
        ui.main_toolbar.insertActions(ui.action_refresh, [undo, redo])
        ui.main_toolbar.insertSeparator(ui.action_refresh)

        ui.action_quit.triggered.connect(self.close)
        ui.action_find.triggered.connect(self.focus_search)
        ui.action_refresh.triggered.connect(self.refresh)
        ui.action_expand_all.triggered.connect(self.expand_all)
        ui.action_collapse_all.triggered.connect(ui.tree_view.collapseAll)
        ui.action_show_tree.triggered.connect(lambda: ui.left_tabs.setCurrentIndex(TAB_TREE))
        ui.action_show_calendar.triggered.connect(
            lambda: ui.left_tabs.setCurrentIndex(TAB_CALENDAR)
        )
        ui.action_show_indicators.triggered.connect(
            lambda: ui.left_tabs.setCurrentIndex(TAB_INDICATORS)
        )
        ui.action_open_log_folder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))
        )
        ui.action_open_data_folder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir)))
        )
        ui.action_about.triggered.connect(self.show_about)
        ui.action_save.triggered.connect(self.editor_save)
        ui.action_discard.triggered.connect(lambda: self.editor.discard())
        ui.action_delete.triggered.connect(self.delete_selected)
        ui.action_agencies.triggered.connect(self.show_agencies)
        ui.action_import_plan.triggered.connect(self.import_plan)
        ui.action_report.triggered.connect(self.show_reports)
        ui.action_office_settings.triggered.connect(self.show_office_settings)
        ui.action_backup.triggered.connect(self.show_backups)
        ui.action_sync_export.triggered.connect(self.show_sync_export)
        ui.action_sync_import.triggered.connect(self.show_sync_import)
        ui.action_conflicts.triggered.connect(self.show_conflicts)
        ui.action_quarantine.triggered.connect(self.show_quarantine)
        # Added after the form was designed: built here, placed in the menus beside their kin.
        self.action_sync_network = QAction("&Mạng đồng bộ và đăng ký máy…", self)
        self.action_sync_network.setToolTip(
            "Vân tay máy này, mạng đồng bộ, đăng ký máy xã, thu hồi máy, sao lưu khoá gốc"
        )
        self.action_sync_network.triggered.connect(self.show_sync_network)
        ui.menu_sync.insertAction(ui.action_sync_export, self.action_sync_network)
        ui.menu_sync.insertSeparator(ui.action_sync_export)
        self.action_days_off = QAction("&Ngày nghỉ, ngày làm bù…", self)
        self.action_days_off.setToolTip("Ngày lễ, Tết, ngày nghỉ theo thông báo và ngày làm bù")
        self.action_days_off.triggered.connect(self.show_days_off)
        ui.menu_catalog.addAction(self.action_days_off)
        self.action_par = QAction("&Chỉ số CCHC (tự đánh giá, chấm điểm)…", self)
        self.action_par.setToolTip(
            "Bộ chỉ số cải cách hành chính của tỉnh: tự chấm điểm, tài liệu kiểm chứng, hồ sơ nộp"
        )
        self.action_par.triggered.connect(self.show_par)
        ui.menu_reports.insertAction(ui.menu_reports.actions()[0], self.action_par)
        ui.menu_reports.insertSeparator(ui.menu_reports.actions()[1])
        self.action_next_year = QAction("&Lập kế hoạch năm sau…", self)
        self.action_next_year.setToolTip(
            "Dự thảo kế hoạch năm sau từ kế hoạch đang chọn, thời hạn dời theo năm"
        )
        self.action_next_year.triggered.connect(self.draft_next_year)
        file_actions = ui.menu_file.actions()
        after_import = file_actions[file_actions.index(ui.action_import_plan) + 1]
        ui.menu_file.insertAction(after_import, self.action_next_year)
        ui.menu_reports.addSeparator()
        for label, tip, kind in (
            (
                "Xuất danh sách nhiệm vụ ra &Excel…",
                "Mọi nhiệm vụ của kế hoạch, đủ các cột, trong một bảng tính",
                "tasks_xlsx",
            ),
            (
                "Xuất &kết quả một kỳ báo cáo ra Excel…",
                "Tình trạng, kết quả và minh chứng từng nhiệm vụ, từng đơn vị trong kỳ",
                "period_xlsx",
            ),
            (
                "Xuất lịch thời hạn (&iCalendar)…",
                "Các mốc thời hạn để mở trong Outlook, Thunderbird hay lịch điện thoại",
                "calendar_ics",
            ),
        ):
            action = QAction(label, self)
            action.setToolTip(tip)
            action.triggered.connect(lambda _checked=False, k=kind: self.export(k))
            ui.menu_reports.addAction(action)
        for action in (
            ui.action_import_plan,
            self.action_next_year,
            ui.action_office_settings,
            ui.action_backup,
            ui.action_sync_import,
        ):
            action.setEnabled(not self.ctx.read_only)
        ui.action_save.setEnabled(False)
        ui.action_discard.setEnabled(False)
        self.addActions([undo, redo])

    # ------------------------------------------------------------------ lazy tabs

    @property
    def calendar(self) -> CalendarPanel:
        """The deadline calendar tab (built on first use)."""
        if self._calendar is None:
            from cchc_desktop.ui.calendar_panel import CalendarPanel

            panel = CalendarPanel(self.ctx, self.ops, self.ui.calendar_tab)
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

    # ------------------------------------------------------------------ plans

    def reload_plans(self) -> None:
        """Fill the plan selector and show the remembered plan (or the newest)."""
        combo = self.ui.plan_combo
        wanted = self.model.plan_id or self.settings.get(opts.LAST_PLAN_ID)
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
        plan_id = self.ui.plan_combo.currentData()
        if plan_id != self.model.plan_id:
            self._show_plan(plan_id)

    def _show_plan(self, plan_id: str | None) -> None:
        self.model.set_plan(plan_id)
        if plan_id:
            self.settings.set(opts.LAST_PLAN_ID, str(plan_id))
            self.plan_changed.emit(str(plan_id))
        if self.proxy.current_filter.active:
            self.proxy.set_filter(self.proxy.current_filter)
        self.refresh_summary()
        self._update_match_label()

    @property
    def plan_id(self) -> str | None:
        return self.model.plan_id

    def plan_year(self) -> int | None:
        if self.model.plan_id is None:
            return None
        row = self.ctx.db.execute(
            "SELECT year FROM plan WHERE id = ?", [self.model.plan_id]
        ).fetchone()
        return int(row[0]) if row else None

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
        ui = self.ui
        # Combo data comes back as plain str (QVariant drops the enum type).
        status = ui.status_combo.currentData()
        period = ui.period_combo.currentData()
        return TaskFilter(
            text=ui.search_edit.text(),
            agency_id=ui.agency_combo.currentData(),
            status=StatusCategory(status) if status else None,
            period=ReportingPeriod(period) if period else None,
            deadline=Deadline(ui.deadline_combo.currentData() or Deadline.ANY),
        )

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
        ui = self.ui
        for combo in (ui.agency_combo, ui.status_combo, ui.period_combo, ui.deadline_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        ui.search_edit.blockSignals(True)
        ui.search_edit.clear()
        ui.search_edit.blockSignals(False)
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
        row = self.ctx.db.execute(
            "SELECT count(*) FROM task WHERE plan_id = ? AND deleted = 0", [self.model.plan_id]
        ).fetchone()
        return int(row[0])

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
        row = self.ctx.db.execute(
            "SELECT plan_id FROM task WHERE id = ? AND deleted = 0", [task_id]
        ).fetchone()
        if row is None:
            return False
        if row[0] != self.model.plan_id:
            combo = self.ui.plan_combo
            combo.setCurrentIndex(combo.findData(row[0]))
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
        """Run `PRAGMA quick_check` on a worker once the window is up (it reads the whole
        file, about a second per 250 MB); on damage, offer the latest good backup."""
        if self.ctx.read_only:
            return
        worker = Worker(_inspect, self.ctx.db_path)
        worker.signals.result.connect(self._on_integrity_result)
        worker.signals.error.connect(lambda exc: log.warning("Integrity check failed: %s", exc))
        self._integrity_worker = worker
        worker.start()

    def _on_integrity_result(self, problems: list[str]) -> None:
        if not problems:
            return
        from cchc_desktop.ui.backup_dialog import IntegrityAction, IntegrityDialog

        log.error("Integrity check of %s: %s", self.ctx.db_path, problems[:5])
        decision = IntegrityDialog.ask(self, self.ctx.db_path, problems)
        if decision.action is IntegrityAction.QUIT:
            self.close()
            return
        try:
            self.ctx.db.conn.close()
            if decision.action is IntegrityAction.RESTORED:
                self.ctx.db = open_or_create(self.ctx.db_path)
            else:
                self.ctx.db = open_read_only(self.ctx.db_path)
                self.ctx.read_only = True
                self.ui.status_bar.showMessage("Chỉ xem: cơ sở dữ liệu bị lỗi nên không ghi.")
        except CchcError as exc:
            QMessageBox.critical(self, "Không mở được dữ liệu", str(exc))
            self.close()
            return
        self.ops.reset.emit()

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
        if ref.table != TASK or self.ctx.read_only:
            return
        title = self.ui.tree_view.currentIndex().siblingAtColumn(1).data() or ""
        answer = QMessageBox.question(
            self,
            "Xoá nhiệm vụ",
            f"Xoá nhiệm vụ “{title}” khỏi kế hoạch?\n"
            "Tiến độ và lịch sử vẫn được giữ; có thể hoàn tác (Ctrl+Z).",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, author = self.ctx.db, self.ctx.author
        try:
            run_undoable(
                self.undo_stack,
                self.ctx,
                self.ops,
                "xoá nhiệm vụ",
                lambda: task_service.delete_task(db, ref.id, author=author),
            )
        except CchcError as exc:
            self.show_error("Không xoá được", exc)

    def show_agencies(self) -> None:
        from cchc_desktop.ui.agency_dialogs import AgenciesDialog

        AgenciesDialog(self.ctx, self.ops, self, undo_stack=self.undo_stack).exec()

    # ------------------------------------------------------------------ other windows

    def _leave_for_dialog(self) -> bool:
        """Dialogs that may change or replace data need the editor's text saved or dropped."""
        return self.editor.confirm_leave()

    def show_reports(self) -> None:
        from cchc_desktop.ui.report_dialog import ReportDialog

        ReportDialog.ask(self.ctx, self.ops, self, year=self.plan_year())

    def show_office_settings(self) -> None:
        from cchc_desktop.ui.office_settings_dialog import OfficeSettingsDialog

        OfficeSettingsDialog.ask(self.ctx, self.ops, self)

    def show_par(self) -> None:
        from cchc_desktop.ui.par_view import ParDialog

        ParDialog.show_for(self.ctx, self.ops, self, year=self.plan_year() or self.ctx.today().year)

    def show_days_off(self) -> None:
        from cchc_desktop.ui.days_off_dialog import DaysOffDialog

        DaysOffDialog.ask(self.ctx, self.ops, self, year=self.plan_year())

    def show_backups(self) -> None:
        from cchc_desktop.ui.backup_dialog import BackupDialog

        if self._leave_for_dialog():
            BackupDialog.ask(self, self.ctx, self.ops)

    def show_sync_network(self) -> None:
        from cchc_desktop.ui.sync_network_dialog import SyncNetworkDialog

        if self._leave_for_dialog():
            SyncNetworkDialog.ask(self.ctx, self.ops, self)

    def show_sync_export(self) -> None:
        from cchc_desktop.ui.sync_export_dialog import SyncExportDialog

        SyncExportDialog.ask(self.ctx, self.ops, self)

    def show_sync_import(self) -> None:
        from cchc_desktop.ui.sync_import_dialog import SyncImportDialog

        if self._leave_for_dialog():
            SyncImportDialog.ask(self.ctx, self.ops, self)

    def show_conflicts(self) -> None:
        from cchc_desktop.ui.conflict_review_dialog import ConflictReviewDialog

        dialog = ConflictReviewDialog(self.ctx, self.ops, self)
        dialog.record_activated.connect(self._on_record_activated)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def show_quarantine(self) -> None:
        from cchc_desktop.ui.quarantine_dialog import QuarantineDialog

        QuarantineDialog.ask(self.ctx, self.ops, self)

    def _on_record_activated(self, table: str, row_id: str) -> None:
        """A record named elsewhere (a sync conflict card): show its task in the tree."""
        task_id: str | None = row_id if table == TASK else None
        if table in ("progress", "milestone", "task_agency"):
            found = self.ctx.db.execute(
                f"SELECT task_id FROM {table} WHERE id = ?",  # noqa: S608 - fixed names
                [row_id],
            ).fetchone()
            task_id = found[0] if found else None
        if task_id is not None:
            self.select_task(task_id)

    # ------------------------------------------------------------------ import

    def import_plan(self) -> None:
        """Read a plan document on a worker (own connection), then show it."""
        from cchc_desktop.ui.plan_import import PlanImporter

        if not self._leave_for_dialog():
            return
        importer = PlanImporter(self.ctx, self.ops, self.settings, self)
        importer.imported.connect(self._on_plan_imported)
        importer.choose_and_run()

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

        if self.model.plan_id is None or not self._leave_for_dialog():
            return
        result = draft_next_year(self.ctx, self.ops, self, self.model.plan_id)
        if result is not None:
            self._on_plan_imported(result.plan_id)
            self.ui.status_bar.showMessage(
                f"Đã lập dự thảo kế hoạch năm {self.plan_year()}: {result.tasks} nhiệm vụ, "
                "thời hạn đã dời theo năm; số và ngày quyết định còn để trống.",
                10000,
            )

    def show_about(self) -> None:
        from cchc_desktop.ui.about_dialog import AboutDialog

        AboutDialog(self.ctx.db_path, log_dir(), self).exec()

    def show_error(self, title: str, error: BaseException) -> None:
        """A clerk-caused error: its Vietnamese message, nothing else."""
        message = str(error) if isinstance(error, CchcError) else f"Lỗi: {error}"
        QMessageBox.warning(self, title, message)

    # ------------------------------------------------------------------ window state

    def _restore_window_state(self) -> None:
        s = self.settings
        geometry = s.get(opts.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = s.get(opts.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = s.get(opts.MAIN_SPLITTER)
        if splitter.isEmpty() or not self.ui.main_splitter.restoreState(splitter):
            self.ui.main_splitter.setSizes([800, 560])
        header = s.get(opts.TREE_HEADER)
        if not header.isEmpty():
            self.ui.tree_view.header().restoreState(header)
        # Widths and order are remembered; the plan still opens in document order.
        self.ui.tree_view.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.ui.left_tabs.setCurrentIndex(s.get(opts.LAST_TAB))

    def save_window_state(self) -> None:
        s = self.settings
        s.set(opts.WINDOW_GEOMETRY, self.saveGeometry())
        s.set(opts.WINDOW_STATE, self.saveState())
        s.set(opts.MAIN_SPLITTER, self.ui.main_splitter.saveState())
        s.set(opts.TREE_HEADER, self.ui.tree_view.header().saveState())
        s.set(opts.LAST_TAB, self.ui.left_tabs.currentIndex())
        if self.model.plan_id:
            s.set(opts.LAST_PLAN_ID, self.model.plan_id)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_leave():
            event.ignore()
            return
        self.save_window_state()
        event.accept()
