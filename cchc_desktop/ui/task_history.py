"""The editor's history tab: the change log of the shown record, read only when the tab shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from cchc_desktop.qtmodels.history_model import HistoryModel
from cchc_desktop.services import history_service

if TYPE_CHECKING:
    from cchc_desktop.ui.task_editor import TaskEditor

TAB_CONTENT, TAB_PROGRESS, TAB_HISTORY = range(3)


def fit_columns(view: QTableView, stretch: int) -> None:
    """Columns as wide as their contents, `stretch` takes the rest; no row numbers."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setVisible(False)


class HistoryPane(QObject):
    """Fills the history table of the editor's form for the record the editor shows."""

    def __init__(self, editor: TaskEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.model = HistoryModel(self)
        # The log can be long: read it when the tab is opened, not on every selection.
        self._stale = True
        view = editor.ui.history_view
        view.setModel(self.model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(view, HistoryModel.COL_WHAT)
        # One edit per row, wrapped to the pane's width: no sideways scrolling.
        view.setWordWrap(True)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        editor.ui.tabs.currentChanged.connect(self._on_tab_changed)

    def refresh(self) -> None:
        ref = self.editor.ref
        if ref is None:
            self.model.set_rows([])
            return
        if self.editor.ui.tabs.currentIndex() != TAB_HISTORY:
            self._stale = True
            return
        self._stale = False
        self.model.set_rows(history_service.node_history(self.editor.ctx.db, ref.table, ref.id))

    def _on_tab_changed(self, index: int) -> None:
        if index == TAB_HISTORY and self._stale:
            self.refresh()
