"""The plan's indicators with one unit's values for one period, and their attainment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor

from cchc_desktop.domain.indicators import number_text
from cchc_desktop.qtmodels.roles import ITEM_ROLE, SORT_ROLE, Index
from cchc_desktop.qtmodels.table_model import HeaderedTableModel
from cchc_desktop.services.indicator_service import IndicatorValue


class IndicatorTableModel(HeaderedTableModel):
    """Rows of `indicator_service.values_for`; value, note and target cells are editable.

    The model does not write: an edited cell is announced and the panel saves it through the
    services (undoable), then reloads the rows.

    Signals:
        cell_edited(str, int, str): indicator id, column, the text typed.
    """

    cell_edited = Signal(str, int, str)
    COL_TITLE, COL_TARGET, COL_VALUE, COL_RESULT, COL_NOTE = range(5)
    HEADERS = ("Chỉ tiêu", "Mục tiêu", "Giá trị đạt được", "Đánh giá", "Ghi chú")
    EDITABLE = frozenset({COL_TARGET, COL_VALUE, COL_NOTE})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[IndicatorValue] = []
        self.targets_editable = True
        self.read_only = False  # the database cannot be written: nothing is editable

    def set_rows(self, rows: Sequence[IndicatorValue]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[IndicatorValue]:
        return list(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        if self.read_only:
            return base
        if column in self.EDITABLE and (column != self.COL_TARGET or self.targets_editable):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        ind = row.indicator
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_TITLE:
                return ind.title
            if column == self.COL_TARGET:
                return ind.target_text
            if column == self.COL_VALUE:
                if row.value is None:
                    return ""
                unit = ind.unit if ind.unit == "%" else f" {ind.unit}"
                return f"{number_text(row.value)}{unit}"
            if column == self.COL_RESULT:
                return row.attainment.text
            if column == self.COL_NOTE:
                return row.note
        if role == Qt.ItemDataRole.EditRole:
            if column == self.COL_TARGET:
                return number_text(ind.target)
            if column == self.COL_VALUE:
                return number_text(row.value) if row.value is not None else ""
            if column == self.COL_NOTE:
                return row.note
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_RESULT:
            met = row.attainment.met
            if met is None:
                return QColor("#757575")
            return QColor("#2e7d32") if met else QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_TITLE:
                return f"Trong kế hoạch: “{ind.source}”" if ind.source else ind.title
            if column == self.COL_VALUE:
                return f"Nhập số ({ind.unit}), ví dụ 75 hoặc 75,5; xoá trắng để bỏ số liệu."
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_TARGET,
            self.COL_VALUE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ITEM_ROLE:
            return row
        if role == SORT_ROLE:
            return ind.ord
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        text = "" if value is None else str(value)
        if text == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        self.cell_edited.emit(self._rows[index.row()].indicator.id, index.column(), text)
        return True

    def met_count(self) -> tuple[int, int]:
        """(targets met, targets with a value)."""
        judged = [r.attainment.met for r in self._rows if r.attainment.met is not None]
        return sum(1 for m in judged if m), len(judged)
