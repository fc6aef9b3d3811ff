"""The main window's size, splitter, tree columns and last tab, kept between sessions."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QMainWindow

from cchc_desktop.qt import settings as setting_keys
from cchc_desktop.qt.geometry import available_area, first_geometry
from cchc_desktop.qt.settings import Settings
from cchc_desktop.ui.forms.ui_main_window import Ui_MainWindow

FIRST_START_SIZE = QSize(1600, 1000)  # shrunk to the work area of a smaller screen


def restore(window: QMainWindow, ui: Ui_MainWindow, s: Settings) -> None:
    geometry = s.get(setting_keys.WINDOW_GEOMETRY)
    if geometry.isEmpty() or not window.restoreGeometry(geometry):
        # First start: as large as the screen's work area allows (taskbar excluded).
        first_geometry(window, FIRST_START_SIZE, available_area(window))
    state = s.get(setting_keys.WINDOW_STATE)
    if not state.isEmpty():
        window.restoreState(state)
    splitter = s.get(setting_keys.MAIN_SPLITTER)
    if splitter.isEmpty() or not ui.main_splitter.restoreState(splitter):
        ui.main_splitter.setSizes([800, 560])
    header = s.get(setting_keys.TREE_HEADER)
    if not header.isEmpty():
        ui.tree_view.header().restoreState(header)
    # Widths and order are remembered; the plan still opens in document order.
    ui.tree_view.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    ui.left_tabs.setCurrentIndex(s.get(setting_keys.LAST_TAB))


def save(window: QMainWindow, ui: Ui_MainWindow, s: Settings, plan_id: str | None) -> None:
    s.set(setting_keys.WINDOW_GEOMETRY, window.saveGeometry())
    s.set(setting_keys.WINDOW_STATE, window.saveState())
    s.set(setting_keys.MAIN_SPLITTER, ui.main_splitter.saveState())
    s.set(setting_keys.TREE_HEADER, ui.tree_view.header().saveState())
    s.set(setting_keys.LAST_TAB, ui.left_tabs.currentIndex())
    if plan_id:
        s.set(setting_keys.LAST_PLAN_ID, plan_id)
    s.sync()
