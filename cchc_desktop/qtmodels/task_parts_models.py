"""Item models of the task editor: the task's agencies with roles, and its milestones.

Both hold the editor's working copy (not yet saved); the editor reads them back when saving.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor

from cchc_desktop import formatting
from cchc_desktop.domain.labels import MILESTONE_KIND_LABELS
from cchc_desktop.domain.model import ROLE_LABELS, AgencyRole, Milestone, MilestoneKind
from cchc_desktop.qt.icons import icon
from cchc_desktop.qtmodels.roles import ITEM_ROLE, SORT_ROLE, Index, collation_text
from cchc_desktop.qtmodels.table_model import HeaderedTableModel
from cchc_desktop.services.task_service import AgencyChoice, MilestoneOverride


@dataclass(frozen=True, slots=True)
class AgencyItem:
    agency_id: str
    name: str
    role: AgencyRole
    written_name: str = ""
    needs_review: bool = False


class TaskAgencyModel(HeaderedTableModel):
    """The agencies of the task being edited; the role cell is editable (a role code).

    Signals:
        edited(): a row was added, removed or changed its role.
    """

    edited = Signal()
    COL_NAME, COL_ROLE = range(2)
    HEADERS = ("Cơ quan, đơn vị", "Vai trò")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AgencyItem] = []

    def set_items(self, items: list[AgencyItem]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def items(self) -> list[AgencyItem]:
        return list(self._rows)

    def choices(self) -> tuple[AgencyChoice, ...]:
        return tuple(AgencyChoice(i.agency_id, i.role, i.written_name) for i in self._rows)

    def add(self, item: AgencyItem) -> bool:
        """Append an agency; False when it is already there with that role."""
        if any(r.agency_id == item.agency_id and r.role is item.role for r in self._rows):
            return False
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(item)
        self.endInsertRows()
        self.edited.emit()
        return True

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.edited.emit()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.COL_ROLE else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_NAME:
                if item.written_name and item.written_name != item.name:
                    return f"{item.name} (trong kế hoạch: {item.written_name})"
                return item.name
            return ROLE_LABELS[item.role]
        if role == Qt.ItemDataRole.EditRole and column == self.COL_ROLE:
            return str(item.role)
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_NAME and item.needs_review:
            return icon("warning.svg")
        if role == Qt.ItemDataRole.ToolTipRole and item.needs_review:
            return "Cơ quan này mới được đọc từ văn bản, chưa được xác nhận (Danh mục → Cơ quan)."
        if role == ITEM_ROLE:
            return item
        if role == SORT_ROLE:
            return collation_text(item.name) if column == self.COL_NAME else str(item.role)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.COL_ROLE:
            return False
        try:
            new_role = AgencyRole(str(value))
        except ValueError:
            return False
        row = index.row()
        item = self._rows[row]
        if new_role is item.role:
            return False
        if any(
            i != row and r.agency_id == item.agency_id and r.role is new_role
            for i, r in enumerate(self._rows)
        ):
            return False
        self._rows[row] = replace(item, role=new_role)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


class MilestoneModel(HeaderedTableModel):
    """The milestones the timeline text gives (live), with the clerk's confirmations/overrides.

    The due cell takes a date (an override); the last column is a "confirmed" check box.

    Signals:
        edited(): the clerk confirmed or overrode a milestone.
    """

    edited = Signal()
    COL_LABEL, COL_KIND, COL_DUE, COL_PERIOD, COL_SOURCE, COL_CONFIRMED = range(6)
    HEADERS = ("Mốc", "Loại", "Hạn", "Kỳ", "Cụm từ gốc", "Xác nhận")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Milestone] = []
        self._overrides: dict[int, MilestoneOverride] = {}

    def set_milestones(
        self, milestones: list[Milestone], overrides: dict[int, MilestoneOverride] | None = None
    ) -> None:
        """Show parsed milestones; `overrides` are the clerk's decisions by position."""
        self.beginResetModel()
        self._rows = list(milestones)
        if overrides is not None:
            self._overrides = dict(overrides)
        self._overrides = {k: v for k, v in self._overrides.items() if k < len(self._rows)}
        self.endResetModel()

    def milestones(self) -> list[Milestone]:
        """The milestones as they will be stored (overrides applied)."""
        result = []
        for i, m in enumerate(self._rows):
            o = self._overrides.get(i)
            if o is None:
                result.append(m)
            elif o.overridden:
                result.append(replace(m, due=o.due, confirmed=True, overridden=True))
            else:
                result.append(replace(m, confirmed=o.confirmed))
        return result

    def overrides(self) -> tuple[MilestoneOverride, ...]:
        return tuple(self._overrides[k] for k in sorted(self._overrides))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.COL_DUE:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == self.COL_CONFIRMED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self.milestones()[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_LABEL:
                return m.label or "—"
            if column == self.COL_KIND:
                return MILESTONE_KIND_LABELS.get(m.kind, str(m.kind))
            if column == self.COL_DUE:
                text = formatting.date_short(m.due) if m.due else "không có"
                return f"{text} (sửa tay)" if m.overridden else text
            if column == self.COL_PERIOD:
                return m.period or ""
            if column == self.COL_SOURCE:
                return m.source
            return None
        if role == Qt.ItemDataRole.EditRole and column == self.COL_DUE:
            return QDate(m.due.year, m.due.month, m.due.day) if m.due else QDate.currentDate()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.COL_CONFIRMED:
            return Qt.CheckState.Checked if m.confirmed else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return m.warning or m.source or None
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_LABEL:
            if m.warning or m.kind is MilestoneKind.UNSCHEDULED:
                return icon("warning.svg")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_DUE and m.overridden:
            return QColor("#1565c0")
        if role == ITEM_ROLE:
            return m
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = index.row()
        current = self._overrides.get(row)
        if index.column() == self.COL_CONFIRMED and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if current is not None and current.overridden:
                self._overrides[row] = replace(current, confirmed=checked, overridden=checked)
            else:
                self._overrides[row] = MilestoneOverride(row, self._rows[row].due, checked, False)
        elif index.column() == self.COL_DUE and role == Qt.ItemDataRole.EditRole:
            due = _as_date(value)
            if due is None:
                return False
            self._overrides[row] = MilestoneOverride(row, due, True, True)
        else:
            return False
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
        self.edited.emit()
        return True


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, QDate):
        return dt.date(value.year(), value.month(), value.day()) if value.isValid() else None
    if isinstance(value, dt.date):
        return value
    return None
