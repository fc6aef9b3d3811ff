"""Long jobs on the thread pool: a QRunnable owning a QObject for its signals (superqt pattern)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    """Signals:
    progress(int): percent done, 0–100.
    result(object): the job's return value.
    error(object): the exception the job raised.
    finished(): after result or error.
    """

    progress = Signal(int)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class Worker(QRunnable):
    """Runs `fn(*args, progress=..., cancelled=..., **kwargs)` on QThreadPool.globalInstance().

    `fn` is Qt-free core code; it must open its own database connection (a sqlite3 connection is
    bound to its thread) and must not touch widgets.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the caller keeps it until finished, to read its signals

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            value = self.fn(
                *self.args,
                progress=self.signals.progress.emit,
                cancelled=self._cancel.is_set,
                **self.kwargs,
            )
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            log.info("Worker job failed: %r", exc)
            self.signals.error.emit(exc)
        else:
            self.signals.result.emit(value)
        finally:
            self.signals.finished.emit()

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)
