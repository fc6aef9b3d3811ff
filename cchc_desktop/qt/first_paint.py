"""For start-up benchmarks: say on stdout when the plan tree has first been painted, then quit.

Switched on by the environment variable CCHC_QUIT_AFTER_FIRST_PAINT, so that a benchmark can
start the real program as a clerk does (single-instance lock, integrity check, daily backup)
and stop its clock at the moment the filled tree is on the screen.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView

ENV_VAR = "CCHC_QUIT_AFTER_FIRST_PAINT"
LINE = "cchc-first-paint"


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
        QCoreApplication.quit()
