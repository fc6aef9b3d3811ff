"""Item models of a task's progress: the reports recorded per period and unit, and their files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from cchc_desktop import formatting
from cchc_desktop.domain.model import WORK_STATE_LABELS, WorkState
from cchc_desktop.domain.periods import PERIOD_LABELS
from cchc_desktop.qt.icons import icon
from cchc_desktop.qtmodels.roles import ITEM_ROLE, SORT_ROLE, Index, collation_text
from cchc_desktop.qtmodels.table_model import HeaderedTableModel
from cchc_desktop.services.evidence_service import EvidenceRecord
from cchc_desktop.services.progress_service import ProgressRecord

_STATE_COLORS = {
    WorkState.DONE: "#2e7d32",
    WorkState.IN_PROGRESS: "#1565c0",
    WorkState.NOT_STARTED: "#616161",
    WorkState.NOT_APPLICABLE: "#9e9e9e",
}


def file_size(size: int) -> str:
    """ "12,5 KB", "3,2 MB" with Vietnamese separators."""
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return f"{formatting.number(size / 1024, decimals=1)} KB"
    return f"{formatting.number(size / 1024 / 1024, decimals=1)} MB"


class ProgressTableModel(HeaderedTableModel):
    """Every progress report of one task: period, unit, state, percent, date, result, files."""

    COL_PERIOD, COL_UNIT, COL_STATE, COL_PERCENT, COL_COMPLETED, COL_RESULT, COL_FILES = range(7)
    HEADERS = ("Kỳ", "Đơn vị", "Trạng thái", "Tỷ lệ", "Hoàn thành", "Kết quả", "Minh chứng")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProgressRecord] = []

    def set_rows(self, rows: Sequence[ProgressRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, progress_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == progress_id), -1)

    def record(self, row: int) -> ProgressRecord:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATE:
            return QColor(_STATE_COLORS[r.state])
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_RESULT:
            return r.result or None
        if role == ITEM_ROLE:
            return r
        if role == SORT_ROLE:
            if column == self.COL_UNIT:
                return collation_text(r.unit_name)
            if column == self.COL_PERCENT:
                return r.percent if r.percent is not None else -1
            return str(self._display(r, column) or "")
        return None

    @classmethod
    def _display(cls, r: ProgressRecord, column: int) -> str | None:
        if column == cls.COL_PERIOD:
            return f"{PERIOD_LABELS[r.period]} {r.year}"
        if column == cls.COL_UNIT:
            return r.unit_name
        if column == cls.COL_STATE:
            return WORK_STATE_LABELS[r.state]
        if column == cls.COL_PERCENT:
            return f"{r.percent} %" if r.percent is not None else ""
        if column == cls.COL_COMPLETED:
            return formatting.date_short(r.completed_on) if r.completed_on else ""
        if column == cls.COL_RESULT:
            return r.result.replace("\n", " ")
        if column == cls.COL_FILES:
            return f"{r.evidence_count} tệp" if r.evidence_count else ""
        return None


class EvidenceListModel(QAbstractListModel):
    """The evidence files of one progress report; files dropped on it are offered to the editor.

    Signals:
        files_dropped(list): local file paths (str) dropped onto the view.
    """

    files_dropped = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EvidenceRecord] = []
        self.accept_drops = True

    def set_rows(self, rows: Sequence[EvidenceRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> EvidenceRecord:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{r.file_name} ({file_size(r.size)})"
        if role == Qt.ItemDataRole.ToolTipRole:
            caption = f"{r.caption}\n" if r.caption else ""
            return f"{caption}{r.file_name}\nMã SHA-256: {r.sha256}"
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("action-attach.svg")
        if role == ITEM_ROLE:
            return r
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDropEnabled if self.accept_drops else base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.accept_drops and bool(_local_files(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        files = _local_files(data)
        if not files or not self.accept_drops:
            return False
        self.files_dropped.emit([str(f) for f in files])
        return True


def _local_files(data: QMimeData) -> list[Path]:
    if not data.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile() and u.toLocalFile()]
