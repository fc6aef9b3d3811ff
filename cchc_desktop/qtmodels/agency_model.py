"""The agency register as a table (for the agencies dialog and the agency picker)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from cchc_desktop.domain.model import Agency
from cchc_desktop.domain.text import fold
from cchc_desktop.qt.icons import icon
from cchc_desktop.qtmodels.roles import ITEM_ROLE, SORT_ROLE, Index, collation_text
from cchc_desktop.qtmodels.table_model import HeaderedTableModel
from cchc_desktop.services.organisation import KIND_LABELS


class AgencyTableModel(HeaderedTableModel):
    """Agencies: name, kind, short name, and whether the clerk still has to confirm it."""

    COL_NAME, COL_KIND, COL_SHORT, COL_REVIEW = range(4)
    HEADERS = ("Tên cơ quan, đơn vị", "Loại", "Tên viết tắt", "Xác nhận")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Agency] = []
        self._keys: list[str] = []

    def set_agencies(self, agencies: Sequence[Agency]) -> None:
        self.beginResetModel()
        self._rows = list(agencies)
        self._keys = [fold(f"{a.name} {a.short_name}") for a in self._rows]
        self.endResetModel()

    def agency(self, row: int) -> Agency:
        return self._rows[row]

    def search_key(self, row: int) -> str:
        return self._keys[row]

    def row_of(self, agency_id: str) -> int:
        return next((i for i, a in enumerate(self._rows) if a.id == agency_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_NAME:
                return a.name
            if column == self.COL_KIND:
                return "Nhóm cơ quan" if a.is_group else KIND_LABELS[a.kind]
            if column == self.COL_SHORT:
                return a.short_name
            if column == self.COL_REVIEW:
                if a.is_group:
                    return "Không cần"
                return "Cần xác nhận" if a.needs_review else "Đã xác nhận"
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_NAME and a.needs_review:
            return icon("warning.svg")
        if role == Qt.ItemDataRole.ToolTipRole and a.is_group:
            return (
                "Cụm từ chung chỉ nhiều cơ quan (ví dụ “các cơ quan có liên quan”), "
                "không phải một đơn vị."
            )
        if role == Qt.ItemDataRole.ToolTipRole and a.needs_review:
            return "Tên này được đọc từ văn bản kế hoạch; hãy kiểm tra tên, loại rồi bấm Xác nhận."
        if role == SORT_ROLE:
            if column == self.COL_REVIEW:
                return 0 if a.needs_review else 1
            return collation_text(str(self.data(index, Qt.ItemDataRole.DisplayRole) or ""))
        if role == ITEM_ROLE:
            return a
        return None


class AgencyFilterProxy(QSortFilterProxyModel):
    """Accent-free search over agency names, optionally only those awaiting confirmation."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._review_only = False
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str, *, review_only: bool = False) -> None:
        self.beginFilterChange()
        self._words = tuple(fold(text).split())
        self._review_only = review_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self.sourceModel()
        assert isinstance(source, AgencyTableModel)
        if self._review_only and not source.agency(source_row).needs_review:
            return False
        key = source.search_key(source_row)
        return all(w in key for w in self._words)
