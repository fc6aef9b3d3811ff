"""Logging set-up for the window: a rotating file in the user log folder, Qt messages routed in."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from cchc_desktop import paths

LOG_FILE = "cchc-desktop.log"
FAULT_FILE = "crash-faulthandler.log"
CONSOLE_ENV = "CCHC_LOG_TO_STDERR"  # Mu's switch: also log to the console when set
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

qt_log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

_fault_file: TextIO | None = None


def log_dir() -> Path:
    """The first log folder that can be written: the usual one, else one in the temporary
    folder (the data folder on a CD or a read-only share must not stop the window)."""
    for candidate in (
        paths.user_log_dir(),
        Path(tempfile.gettempdir()) / "CCHC Desktop" / "logs",
    ):
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            with (candidate / LOG_FILE).open("a", encoding="utf-8"):
                pass
        except OSError:
            continue
        return candidate
    return Path(tempfile.gettempdir())


def log_file() -> Path:
    return log_dir() / LOG_FILE


def setup_logging(*, debug: bool = False) -> Path:
    """Attach a rotating file handler (and, on request, a console handler) to the root logger.

    Returns the log file's path. Safe to call twice: handlers are added once.
    """
    directory = log_dir()
    target = directory / LOG_FILE
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    ours = [h for h in root.handlers if getattr(h, "_cchc", False)]
    if not ours:
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter(FORMAT))
        handler._cchc = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        if debug or os.environ.get(CONSOLE_ENV):
            console = logging.StreamHandler(sys.stderr)
            console.setFormatter(logging.Formatter(FORMAT))
            console._cchc = True  # type: ignore[attr-defined]
            root.addHandler(console)
    _enable_faulthandler(directory / FAULT_FILE)
    return target


def _enable_faulthandler(path: Path) -> None:
    """Hard crashes (segfaults in Qt) leave a Python stack in the log folder (qutebrowser)."""
    global _fault_file
    # A test runner (pytest) may have its own; leave it in charge.
    if _fault_file is not None or faulthandler.is_enabled():
        return
    try:
        _fault_file = path.open("a", encoding="utf-8")
    except OSError:
        return
    faulthandler.enable(_fault_file)


def qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Send a Qt message to the "qt" logger with the matching level."""
    where = f" ({context.category})" if context.category and context.category != "default" else ""
    qt_log.log(_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)


def install_qt_message_handler() -> None:
    qInstallMessageHandler(qt_message_handler)


def shutdown_logging() -> None:
    """Detach and close the handlers `setup_logging` added (the window closed)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_cchc", False)]:
        root.removeHandler(handler)
        handler.close()
