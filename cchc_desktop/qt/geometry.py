"""Windows that fit the screen they open on (1366×768 with a taskbar, 1920×1080 at 150 %).

Every top-level window and dialog passes through `ScreenFit` when it is shown: a window larger
than the screen's available area (the taskbar excluded) is shrunk and moved inside it, so its
buttons never fall below the screen. The first start sizes the main window from that area.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The frame a window manager adds around a window (title bar and borders), when Qt does not know
# it yet (before the first show).
FRAME_ALLOWANCE = QSize(16, 40)


def available_area(widget: QWidget | None = None) -> QRect:
    """The work area (screen minus taskbar) of the screen `widget` is on, or the primary one."""
    screen = widget.screen() if widget is not None else QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_extra(window: QWidget) -> QSize:
    extra = window.frameGeometry().size() - window.geometry().size()
    if extra.width() <= 0 and extra.height() <= 0:
        return FRAME_ALLOWANCE
    return extra


def fit_into(window: QWidget, area: QRect) -> None:
    """Shrink `window` (never below its layout's minimum) and move it so it lies in `area`."""
    extra = frame_extra(window)
    limit = QSize(area.width() - extra.width(), area.height() - extra.height())
    size = window.size().boundedTo(limit).expandedTo(window.minimumSizeHint())
    if size != window.size():
        window.resize(size)
    frame = QRect(window.pos(), window.size() + extra)
    x = min(max(frame.x(), area.left()), max(area.left(), area.right() + 1 - frame.width()))
    y = min(max(frame.y(), area.top()), max(area.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def first_geometry(window: QWidget, preferred: QSize, area: QRect) -> None:
    """First start: `preferred` size, or the available area when it is smaller; centred."""
    extra = frame_extra(window)
    size = preferred.boundedTo(QSize(area.width() - extra.width(), area.height() - extra.height()))
    window.resize(size.expandedTo(window.minimumSizeHint()))
    x = area.left() + max(0, (area.width() - window.width() - extra.width()) // 2)
    y = area.top() + max(0, (area.height() - window.height() - extra.height()) // 2)
    window.move(x, y)


class ScreenFit(QObject):
    """Application-wide event filter: each top-level window is fitted to its screen on show."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
            and not watched.isMaximized()
            and not watched.isFullScreen()
        ):
            fit_into(watched, available_area(watched))
        return False
