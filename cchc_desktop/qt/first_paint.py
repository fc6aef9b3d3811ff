"""For start-up benchmarks: say on stdout when the plan tree has first been painted, then quit.

Switched on by the environment variable CCHC_QUIT_AFTER_FIRST_PAINT, so that a benchmark can
start the real program as a clerk does (single-instance lock, integrity check, daily backup)
and stop its clock at the moment the filled tree is on the screen.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView

ENV_VAR = "CCHC_QUIT_AFTER_FIRST_PAINT"
LINE = "cchc-first-paint"
# With this also set, the probe waits after the first paint until the window answers at once
# (the event loop on time for IDLE_TICKS ticks in a row), says so, and only then quits.
IDLE_ENV_VAR = "CCHC_MEASURE_IDLE"
IDLE_LINE = "cchc-idle"
TICK_MS = 20
LATE_MS = 30
IDLE_TICKS = 10


def wanted() -> bool:
    return bool(os.environ.get(ENV_VAR))


class FirstPaintProbe(QObject):
    """Watches a view's viewport; after its first paint with rows, reports and quits."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._done = False
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._done:
            return False
        if event.type() == QEvent.Type.Paint and self._view.model().rowCount() > 0:
            self._done = True
            QTimer.singleShot(0, self._report)  # after this paint has reached the screen
        return False

    def _report(self) -> None:
        # Stop watching before the window is torn down: a filter called during destruction
        # would reach a half-destroyed object.
        self._view.viewport().removeEventFilter(self)
        sys.stdout.write(LINE + "\n")
        sys.stdout.flush()
        if not os.environ.get(IDLE_ENV_VAR):
            QCoreApplication.quit()
            return
        self._on_time = 0
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(TICK_MS)

    def _tick(self) -> None:
        late = self._clock.restart() - TICK_MS
        self._on_time = self._on_time + 1 if late < LATE_MS else 0
        if self._on_time >= IDLE_TICKS:
            self._timer.stop()
            sys.stdout.write(IDLE_LINE + "\n")
            sys.stdout.flush()
            QCoreApplication.quit()
