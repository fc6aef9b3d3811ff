"""The change history of a record for the clerk: one row per edit, who and what in words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from cchc_desktop import formatting
from cchc_desktop.qtmodels.roles import ITEM_ROLE, SORT_ROLE, Index
from cchc_desktop.qtmodels.table_model import HeaderedTableModel
from cchc_desktop.services.history_service import HistoryItem


class HistoryModel(HeaderedTableModel):
    """Rows of `history_service.node_history`, newest first."""

    COL_WHEN, COL_WHO, COL_WHAT = range(3)
    HEADERS = ("Thời gian", "Người sửa, máy", "Thay đổi")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryItem] = []

    def set_rows(self, rows: Sequence[HistoryItem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_WHEN:
                return f"{item.when:%H:%M} {formatting.date_short(item.when.date())}"
            if column == self.COL_WHO:
                return f"{item.author or '(không rõ)'}\nmáy {item.site}"
            if column == self.COL_WHAT:
                head = item.what().split(": ", 1)[0] if item.changes else item.what()
                lines = [f"{head}:" if item.changes else head]
                lines += [f"• {change.text()}" for change in item.changes]
                return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.text()
        if role == SORT_ROLE and column == self.COL_WHEN:
            return item.when.timestamp()
        if role == ITEM_ROLE:
            return item
        return None
