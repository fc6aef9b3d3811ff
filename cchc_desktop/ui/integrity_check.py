"""The start-up integrity check: `PRAGMA quick_check` on a worker, and what to do on damage."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QMessageBox

from cchc_desktop.errors import CchcError
from cchc_desktop.qt.workers import Worker
from cchc_desktop.services import health_service
from cchc_desktop.services.startup import open_or_create, open_read_only

if TYPE_CHECKING:
    from cchc_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def _inspect(
    db_path: Path, *, progress: Callable[[int], None], cancelled: Callable[[], bool]
) -> list[str]:
    """Worker job: the quick_check problems of the database file (empty when sound).

    At the lowest priority, so the clerk's work goes first; a closing window cancels it.
    """
    QThread.currentThread().setPriority(QThread.Priority.LowestPriority)
    try:
        problems = health_service.run_check(db_path, cancelled=cancelled)
    finally:
        QThread.currentThread().setPriority(QThread.Priority.NormalPriority)
    return problems or []  # None: cancelled at exit, still due next time


def start(window: MainWindow) -> Worker | None:
    """Check the open database on a worker when a check is due (health_service says when);
    the caller keeps the worker until it finishes."""
    if window.ctx.read_only:
        return None
    reason = health_service.window_opened(window.ctx.db_path)
    if reason is None:
        return None
    log.info("Checking %s in the background: %s", window.ctx.db_path, reason)
    worker = Worker(_inspect, window.ctx.db_path)
    worker.signals.result.connect(window._on_integrity_result)
    worker.signals.error.connect(lambda exc: log.warning("Integrity check failed: %s", exc))
    worker.start()
    return worker


def handle_result(window: MainWindow, problems: list[str]) -> None:
    """On damage, ask: restore the latest good backup, open read-only, or quit."""
    if not problems:
        return
    from cchc_desktop.ui.backup_dialog import IntegrityAction, IntegrityDialog

    ctx = window.ctx
    log.error("Integrity check of %s: %s", ctx.db_path, problems[:5])
    decision = IntegrityDialog.ask(window, ctx.db_path, problems)
    if decision.action is IntegrityAction.QUIT:
        window.close()
        return
    try:
        ctx.db.conn.close()
        if decision.action is IntegrityAction.RESTORED:
            ctx.db = open_or_create(ctx.db_path)
        else:
            ctx.db = open_read_only(ctx.db_path)
            ctx.read_only = True
            window.ui.status_bar.showMessage("Chỉ xem: cơ sở dữ liệu bị lỗi nên không ghi.")
    except CchcError as exc:
        QMessageBox.critical(window, "Không mở được dữ liệu", str(exc))
        window.close()
        return
    window.ops.reset.emit()
