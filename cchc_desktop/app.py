"""Composition root of the window: logging, crash handler, QApplication, Vietnamese, database.

`run_gui` is called by the `gui` command (and by `cchc-desktop` without arguments). It is the
only module that builds the whole object graph: AppContext, Operations, Settings, MainWindow.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from cchc_desktop import __version__
from cchc_desktop.context import AppContext
from cchc_desktop.errors import CchcError, StoreError, os_reason
from cchc_desktop.qt import first_paint
from cchc_desktop.qt.crash import CrashHandler
from cchc_desktop.qt.geometry import ScreenFit
from cchc_desktop.qt.i18n import install_qt_translator, set_default_locale
from cchc_desktop.qt.logging_qt import (
    log_dir,
    qt_message_handler,
    setup_logging,
    shutdown_logging,
)
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.qt.workers import Worker
from cchc_desktop.services import health_service, settings_service
from cchc_desktop.services.startup import open_or_create
from cchc_desktop.store.db import as_database
from cchc_desktop.store.integrity import (
    connect_read_only,
    inspect_database,
    is_writable,
    open_read_only,
    pending_migrations,
)
from cchc_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SCREENSHOT_SIZE = (1366, 728)  # a 1366×768 screen less its taskbar
INIT_FINISHED = "Init finished"
DAILY_BACKUP_CHECK_MS = 60 * 60 * 1000  # once an hour: a backup is made when the day has none


def _application(extra_args: list[str]) -> QApplication:
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication([sys.argv[0] if sys.argv else "cchc-desktop", *extra_args])
    app.setApplicationName("CCHC Desktop")
    app.setOrganizationName("CCHC")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(":/icons/app.svg"))
    # Every window and dialog is fitted to the screen's work area when shown.
    fit = ScreenFit(app)
    app.installEventFilter(fit)
    return app


def _show_crash(summary: str, details: str) -> None:
    from cchc_desktop.ui.crash_dialog import CrashDialog

    CrashDialog(summary, details, log_dir(), QApplication.activeWindow()).exec()


def open_context(db_path: Path) -> AppContext:
    """Open (or create and seed) the database; a file this user cannot write opens read-only.

    Raises:
        CchcError: the database cannot be opened (damaged, newer version, not a database).
    """
    if db_path.exists() and db_path.stat().st_size and not is_writable(db_path):
        log.info("%s is not writable: opening it read-only", db_path)
        return AppContext(db=open_read_only(db_path), db_path=db_path, read_only=True)
    return AppContext(db=open_or_create(db_path), db_path=db_path)


def check_before_upgrade(db_path: Path) -> bool:
    """Before a database upgrade, make sure the file is sound; return False to stop.

    Migrating writes to the file, so a damaged file is checked first (a full quick_check, done
    only when an upgrade is due) and the clerk is offered the latest good backup.
    """
    if not db_path.exists() or db_path.stat().st_size == 0:
        return True
    try:
        conn = connect_read_only(db_path)
        try:
            due = bool(pending_migrations(as_database(conn)))
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        due = True  # unreadable: let the inspection below say why
    if not due:
        return True
    state = inspect_database(db_path)
    if state.schema_problem:
        raise StoreError(state.schema_problem)
    if state.sound:
        return True
    from cchc_desktop.ui.backup_dialog import IntegrityAction, IntegrityDialog

    decision = IntegrityDialog.ask(None, db_path, list(state.problems))
    return decision.action is IntegrityAction.RESTORED


def start_daily_backups(window: MainWindow, ctx: AppContext) -> QTimer:
    """Make today's automatic backup if there is none, on a worker; check again every hour.

    The copy runs on the thread pool with its own connection, so the window paints first and
    stays responsive however large the database is.
    """
    running: list[Worker] = []  # the job in flight, kept alive until it finishes

    def backup() -> None:
        # Imported here: the backup machinery is not needed before the window is up.
        from cchc_desktop.services import backup_service

        if ctx.read_only or running:
            return
        worker = Worker(backup_service.daily_backup_job, ctx.db_path)
        worker.signals.result.connect(done)
        worker.signals.error.connect(failed)
        worker.signals.finished.connect(running.clear)
        running.append(worker)
        worker.start()

    def done(made: object) -> None:
        if made is not None:
            log.info("Daily backup written: %s", made)

    def failed(exc: object) -> None:
        log.warning("Daily backup failed: %s", exc)
        if isinstance(exc, CchcError):
            window.statusBar().showMessage(f"Chưa sao lưu được hôm nay: {os_reason(exc)}")

    timer = QTimer(window)
    timer.setInterval(DAILY_BACKUP_CHECK_MS)
    timer.timeout.connect(backup)
    timer.start()
    QTimer.singleShot(0, backup)
    return timer


def build_window(db_path: Path) -> tuple[MainWindow, AppContext]:
    """Open (or create) the database and build the main window over it."""
    ctx = open_context(db_path)
    ops = Operations(ctx.db_path)
    window = MainWindow(ctx, ops, Settings())
    ops.setParent(window)
    return window, ctx


def run_gui(
    db_path: Path, screenshot: Path | None = None, extra_args: list[str] | None = None
) -> int:
    """Open the window on `db_path`; with `screenshot`, render offscreen, save a PNG and exit.

    Returns the process exit status: 0, or 1 when the database cannot be opened.
    """
    started = time.perf_counter()
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    log_file = setup_logging()
    log.info("CCHC Desktop %s starting on %s (log %s)", __version__, db_path, log_file)
    previous_handler = qInstallMessageHandler(qt_message_handler)
    app = _application(list(extra_args or []))
    set_default_locale()
    translator = install_qt_translator(app)

    crash = CrashHandler(app)
    crash.install()
    crash.crashed.connect(_show_crash)
    instance = None
    try:
        if screenshot is None:
            from cchc_desktop.qt.single_instance import (
                InstanceStatus,
                SingleInstance,
                raise_window,
            )

            instance = SingleInstance(db_path)
            claimed = instance.start()
            if claimed is InstanceStatus.FORWARDED:
                log.info("%s is open in another window: brought it forward", db_path)
                return 0
            if claimed is not InstanceStatus.PRIMARY:
                QMessageBox.warning(None, "CCHC Desktop", instance.message)
                return 1
        try:
            if screenshot is None and not check_before_upgrade(db_path):
                return 1
            window, ctx = build_window(db_path)
        except CchcError as exc:
            log.error("Cannot open %s: %s", db_path, exc)
            if screenshot is None:
                QMessageBox.critical(None, "Không mở được dữ liệu", str(exc))
            else:
                sys.stderr.write(f"{exc}\n")
            return 1
        if screenshot is not None:
            return _screenshot(window, screenshot, started)
        if instance is not None:
            instance.activation_requested.connect(lambda: raise_window(window))
        if first_paint.wanted():
            first_paint.FirstPaintProbe(window.ui.tree_view)
        window.show()
        window.start_integrity_check()
        start_daily_backups(window, ctx)
        QTimer.singleShot(0, lambda: _first_run_setup(window, ctx))
        log.info("%s in %.3f s", INIT_FINISHED, time.perf_counter() - started)
        status = app.exec()
        # A damage check in flight stops at once (it is still due next time); let a backup in
        # flight finish: a copy cut off at exit would be wasted work.
        window.stop_integrity_check()
        QThreadPool.globalInstance().waitForDone()
        ctx.db.conn.close()
        health_service.window_closed(db_path)
        return status
    finally:
        if instance is not None:
            instance.close()
        crash.uninstall()
        if translator is not None:
            app.removeTranslator(translator)
        qInstallMessageHandler(previous_handler)
        shutdown_logging()


def _first_run_setup(window: MainWindow, ctx: AppContext) -> None:
    """The first start of a database asks: the sample plan, or one's own office."""
    if ctx.read_only or settings_service.setup_choice(ctx.db) is not None:
        return  # the usual start: the wizard's module is not even loaded
    from cchc_desktop.ui.setup_wizard import SetupWizard

    SetupWizard.run_if_needed(ctx, window.ops, window)


def _screenshot(window: MainWindow, target: Path, started: float) -> int:
    """Show the window offscreen with data loaded, save it as PNG, close it."""
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    window.expand_appendices()
    prepare = getattr(window, "prepare_screenshot", None)
    if callable(prepare):
        prepare()
    app = QApplication.instance()
    assert app is not None
    # Let layouts, lazy fetches and icon loading settle before grabbing.
    for _ in range(3):
        app.processEvents()
        QTimer.singleShot(0, lambda: None)
    log.info("%s in %.3f s", INIT_FINISHED, time.perf_counter() - started)
    target.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(target), "PNG")
    # Not close(): a screenshot must neither ask questions nor overwrite the clerk's layout.
    window.hide()
    window.deleteLater()
    window.ctx.db.conn.close()
    if not ok:
        sys.stderr.write(f"Không lưu được ảnh chụp vào {target}\n")
        return 1
    return 0
