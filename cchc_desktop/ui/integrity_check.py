"""The start-up integrity check: `PRAGMA quick_check` on a worker, and what to do on damage."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from cchc_desktop.errors import CchcError
from cchc_desktop.qt.workers import Worker
from cchc_desktop.services.startup import integrity_problems, open_or_create, open_read_only

if TYPE_CHECKING:
    from cchc_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def _inspect(
    db_path: Path, *, progress: Callable[[int], None], cancelled: Callable[[], bool]
) -> list[str]:
    """Worker job: the quick_check problems of the database file (empty when sound)."""
    return integrity_problems(db_path)


def start(window: MainWindow) -> Worker | None:
    """Check the open database on a worker; the caller keeps the worker until it finishes."""
    if window.ctx.read_only:
        return None
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
