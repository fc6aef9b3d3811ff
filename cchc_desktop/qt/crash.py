"""Unhandled exceptions: log the traceback, then ask the GUI thread to show a crash dialog.

Electrum's pattern: `sys.excepthook` may run on any thread, so it only logs and emits a
signal; the dialog opens on the GUI thread, once per distinct traceback.
"""

from __future__ import annotations

import hashlib
import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Signal

from cchc_desktop import __version__

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def crash_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The text a clerk copies into a support request: versions, then the traceback."""
    from PySide6 import __version__ as pyside_version

    header = (
        f"CCHC Desktop {__version__}\n"
        f"Python {platform.python_version()}, PySide6 {pyside_version}, "
        f"{platform.system()} {platform.release()}\n\n"
    )
    return header + "".join(traceback.format_exception(exc_type, exc, tb))


class CrashHandler(QObject):
    """Installs itself as `sys.excepthook` and `threading.excepthook`.

    Signals:
        crashed(str, str): the user-facing summary and the copyable details of a new crash.
    """

    crashed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seen: set[str] = set()
        self._previous: ExceptHook | None = None
        self._previous_thread: Callable[[threading.ExceptHookArgs], object] | None = None

    def install(self) -> None:
        self._previous = sys.excepthook
        self._previous_thread = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
        if self._previous_thread is not None:
            threading.excepthook = self._previous_thread

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            if self._previous is not None:
                self._previous(exc_type, exc, tb)
            return
        details = crash_details(exc_type, exc, tb)
        log.critical("Unhandled exception\n%s", details)
        key = hashlib.sha256("".join(traceback.format_tb(tb)).encode()).hexdigest()
        if key in self._seen:
            return
        self._seen.add(key)
        summary = f"{exc_type.__name__}: {exc}"
        self.crashed.emit(summary, details)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)
