"""The main window's menus and toolbar: what each action does, and the windows they open.

The actions themselves live in forms/main_window.ui; only undo and redo are made here, because
the undo stack makes them (their text names the step they undo).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QIcon, QKeySequence

from cchc_desktop.qt.logging_qt import log_dir

if TYPE_CHECKING:
    from cchc_desktop.ui.main_window import MainWindow

TAB_TREE, TAB_CALENDAR, TAB_INDICATORS = range(3)


def add_undo_actions(window: MainWindow) -> tuple[QAction, QAction]:
    """Undo and redo from the window's undo stack, placed first in the edit menu and toolbar."""
    ui = window.ui
    undo = window.undo_stack.createUndoAction(window, "&Hoàn tác")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setIcon(QIcon(":/icons/action-undo.svg"))
    redo = window.undo_stack.createRedoAction(window, "&Làm lại")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    redo.setIcon(QIcon(":/icons/action-redo.svg"))
    # The toolbar shows the short name; the menu and tooltip name the step to undo.
    undo.setIconText("Hoàn tác")
    redo.setIconText("Làm lại")
    first = ui.menu_edit.actions()[0]
    ui.menu_edit.insertActions(first, [undo, redo])
    ui.menu_edit.insertSeparator(first)
    ui.main_toolbar.insertActions(ui.action_refresh, [undo, redo])
    ui.main_toolbar.insertSeparator(ui.action_refresh)
    window.addActions([undo, redo])
    return undo, redo


def connect_actions(window: MainWindow) -> None:
    """Wire every action of the form to the window or the dialog it opens."""
    ui = window.ui
    ui.action_quit.triggered.connect(window.close)
    ui.action_find.triggered.connect(window.focus_search)
    ui.action_refresh.triggered.connect(window.refresh)
    ui.action_expand_all.triggered.connect(window.expand_all)
    ui.action_collapse_all.triggered.connect(ui.tree_view.collapseAll)
    ui.action_show_tree.triggered.connect(lambda: ui.left_tabs.setCurrentIndex(TAB_TREE))
    ui.action_show_calendar.triggered.connect(lambda: ui.left_tabs.setCurrentIndex(TAB_CALENDAR))
    ui.action_show_indicators.triggered.connect(
        lambda: ui.left_tabs.setCurrentIndex(TAB_INDICATORS)
    )
    ui.action_open_log_folder.triggered.connect(
        lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))
    )
    ui.action_open_data_folder.triggered.connect(
        lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(window.ctx.data_dir)))
    )
    ui.action_save.triggered.connect(window.editor_save)
    ui.action_discard.triggered.connect(lambda: window.editor.discard())
    ui.action_delete.triggered.connect(window.delete_selected)
    ui.action_import_plan.triggered.connect(lambda: window.import_plan())
    ui.action_next_year.triggered.connect(window.draft_next_year)
    ui.action_export_tasks.triggered.connect(lambda: window.export("tasks_xlsx"))
    ui.action_export_period.triggered.connect(lambda: window.export("period_xlsx"))
    ui.action_export_calendar.triggered.connect(lambda: window.export("calendar_ics"))
    for action, opener in (
        (ui.action_about, show_about),
        (ui.action_agencies, show_agencies),
        (ui.action_report, show_reports),
        (ui.action_office_settings, show_office_settings),
        (ui.action_days_off, show_days_off),
        (ui.action_backup, show_backups),
        (ui.action_sync_network, show_sync_network),
        (ui.action_sync_export, show_sync_export),
        (ui.action_sync_import, show_sync_import),
        (ui.action_conflicts, show_conflicts),
        (ui.action_quarantine, show_quarantine),
    ):
        action.triggered.connect(lambda _checked=False, o=opener: o(window))
    par = QAction("&Chỉ số CCHC (tự đánh giá, chấm điểm)…", window)
    par.setToolTip(
        "Bộ chỉ số cải cách hành chính của tỉnh: tự chấm điểm, tài liệu kiểm chứng, hồ sơ nộp"
    )
    par.triggered.connect(lambda _checked=False: show_par(window))
    ui.menu_reports.insertAction(ui.menu_reports.actions()[0], par)
    ui.menu_reports.insertSeparator(ui.menu_reports.actions()[1])
    for action in (
        ui.action_import_plan,
        ui.action_next_year,
        ui.action_office_settings,
        ui.action_backup,
        ui.action_sync_import,
    ):
        action.setEnabled(not window.ctx.read_only)
    ui.action_save.setEnabled(False)
    ui.action_discard.setEnabled(False)


# ---------------------------------------------------------------------- other windows


def show_agencies(window: MainWindow) -> None:
    from cchc_desktop.ui.agency_dialogs import AgenciesDialog

    AgenciesDialog(window.ctx, window.ops, window, undo_stack=window.undo_stack).exec()


def show_reports(window: MainWindow) -> None:
    from cchc_desktop.ui.report_dialog import ReportDialog

    ReportDialog.ask(window.ctx, window.ops, window, year=window.plan_year())


def show_office_settings(window: MainWindow) -> None:
    from cchc_desktop.ui.office_settings_dialog import OfficeSettingsDialog

    OfficeSettingsDialog.ask(window.ctx, window.ops, window)


def show_par(window: MainWindow) -> None:
    from cchc_desktop.ui.par_view import ParDialog

    ParDialog.show_for(
        window.ctx, window.ops, window, year=window.plan_year() or window.ctx.today().year
    )


def show_days_off(window: MainWindow) -> None:
    from cchc_desktop.ui.days_off_dialog import DaysOffDialog

    DaysOffDialog.ask(window.ctx, window.ops, window, year=window.plan_year())


def show_backups(window: MainWindow) -> None:
    from cchc_desktop.ui.backup_dialog import BackupDialog

    if window.leave_for_dialog():
        BackupDialog.ask(window, window.ctx, window.ops)


def show_sync_network(window: MainWindow) -> None:
    from cchc_desktop.ui.sync_network_dialog import SyncNetworkDialog

    if window.leave_for_dialog():
        SyncNetworkDialog.ask(window.ctx, window.ops, window)


def show_sync_export(window: MainWindow) -> None:
    from cchc_desktop.ui.sync_export_dialog import SyncExportDialog

    SyncExportDialog.ask(window.ctx, window.ops, window)


def show_sync_import(window: MainWindow) -> None:
    from cchc_desktop.ui.sync_import_dialog import SyncImportDialog

    if window.leave_for_dialog():
        SyncImportDialog.ask(window.ctx, window.ops, window)


def show_conflicts(window: MainWindow) -> None:
    from cchc_desktop.ui.conflict_review_dialog import ConflictReviewDialog

    dialog = ConflictReviewDialog(window.ctx, window.ops, window)
    dialog.record_activated.connect(window.show_record)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def show_quarantine(window: MainWindow) -> None:
    from cchc_desktop.ui.quarantine_dialog import QuarantineDialog

    QuarantineDialog.ask(window.ctx, window.ops, window)


def show_about(window: MainWindow) -> None:
    from cchc_desktop.ui.about_dialog import AboutDialog

    AboutDialog(window.ctx.db_path, log_dir(), window).exec()
