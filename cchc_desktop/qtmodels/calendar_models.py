"""Item models of the deadline calendar: the milestones of a day or period, and the agenda.

Both are adapters over lists of deadline occurrences (deadline_service.Occurrence); they never
query the database themselves, so the calendar panel decides what range to load and when.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from cchc_desktop import formatting
from cchc_desktop.domain.model import STATUS_LABELS, StatusCategory
from cchc_desktop.domain.text import sort_key
from cchc_desktop.qtmodels.roles import ITEM_ROLE, SORT_ROLE, Index, collation_text, number_key
from cchc_desktop.qtmodels.status_style import StatusLike, color_of, icon_of, status_text

__all__ = ["ITEM_ROLE", "SORT_ROLE", "AgendaModel", "OccurrenceListModel", "agenda_groups"]

_CLOSED = frozenset(
    {StatusCategory.DONE_ON_TIME, StatusCategory.DONE_LATE, StatusCategory.NOT_APPLICABLE}
)


class OccurrenceLike(Protocol):
    """What the calendar needs of one milestone occurrence (deadline_service.Occurrence)."""

    @property
    def task_id(self) -> str: ...

    @property
    def task_ref(self) -> str: ...

    @property
    def task_title(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def due(self) -> dt.date: ...

    @property
    def unit_name(self) -> str: ...

    @property
    def status(self) -> StatusLike: ...


def is_open(occurrence: OccurrenceLike) -> bool:
    """Still work to do: not finished and not marked as not applicable."""
    return occurrence.status.category not in _CLOSED


# Columns shared by both models.
COL_DUE, COL_REF, COL_TITLE, COL_LABEL, COL_UNIT, COL_STATUS = range(6)
HEADERS = ("Hạn", "STT", "Nhiệm vụ", "Mốc", "Đơn vị", "Trạng thái")


def short_status(status: StatusLike) -> str:
    """What a narrow column shows: the deadline for open work ("Quá hạn 5 ngày"), else the category.

    The colour and the icon carry the category; the tooltip has the full label.
    """
    if status.category not in _CLOSED and status.due_text and (status.overdue or status.due_soon):
        return status.due_text
    return STATUS_LABELS[status.category]


def _occurrence_data(occ: OccurrenceLike, column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        if column == COL_DUE:
            return formatting.date_short(occ.due)
        if column == COL_REF:
            return occ.task_ref
        if column == COL_TITLE:
            return occ.task_title
        if column == COL_LABEL:
            return occ.label
        if column == COL_UNIT:
            return occ.unit_name
        if column == COL_STATUS:
            return short_status(occ.status)
        return None
    if role == Qt.ItemDataRole.DecorationRole and column == COL_DUE:
        return icon_of(occ.status)
    if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
        return color_of(occ.status)
    if role == Qt.ItemDataRole.ToolTipRole:
        lines = [f"Nhiệm vụ {occ.task_ref}: {occ.task_title}"]
        if occ.label:
            lines.append(f"Mốc: {occ.label}")
        lines.append(f"Hạn: {formatting.date_short(occ.due)} ({formatting.weekday_name(occ.due)})")
        if occ.unit_name:
            lines.append(f"Đơn vị: {occ.unit_name}")
        lines.append(f"Trạng thái: {status_text(occ.status)}")
        return "\n".join(lines)
    if role == ITEM_ROLE:
        return occ
    if role == SORT_ROLE:
        if column == COL_DUE:
            return occ.due.toordinal()
        if column == COL_REF:
            return number_key(occ.task_ref)
        text = _occurrence_data(occ, column, Qt.ItemDataRole.DisplayRole)
        return collation_text(text or "")
    return None


def _header(section: int, orientation: Qt.Orientation, role: int) -> Any:
    if (
        orientation == Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and 0 <= section < len(HEADERS)
    ):
        return HEADERS[section]
    return None


def _ordered(occurrences: Sequence[OccurrenceLike]) -> list[OccurrenceLike]:
    return sorted(occurrences, key=lambda o: (o.due, number_key(o.task_ref), sort_key(o.unit_name)))


class OccurrenceListModel(QAbstractTableModel):
    """The milestones of a chosen day, month or reporting period, ordered by due date."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OccurrenceLike] = []

    def set_occurrences(self, occurrences: Sequence[OccurrenceLike]) -> None:
        self.beginResetModel()
        self._rows = _ordered(occurrences)
        self.endResetModel()

    def occurrence(self, row: int) -> OccurrenceLike:
        return self._rows[row]

    def occurrences(self) -> list[OccurrenceLike]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return _occurrence_data(self._rows[index.row()], index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return _header(section, orientation, role)


@dataclass(frozen=True, slots=True)
class AgendaGroup:
    """A heading of the agenda ("Quá hạn", "Hôm nay", …) with its occurrences."""

    key: str  # "overdue", "today", "week", "later"
    title: str
    color: str  # hex colour of the heading
    items: tuple[OccurrenceLike, ...]

    def heading(self) -> str:
        return f"{self.title} ({len(self.items)})"


def agenda_groups(
    occurrences: Sequence[OccurrenceLike], today: dt.date, horizon_days: int
) -> list[AgendaGroup]:
    """Open milestones sorted into overdue, today, the next 7 days and the rest of the horizon.

    Finished and not-applicable milestones are left out: the agenda is what still needs doing.
    Empty groups are left out.
    """
    overdue: list[OccurrenceLike] = []
    today_items: list[OccurrenceLike] = []
    week: list[OccurrenceLike] = []
    later: list[OccurrenceLike] = []
    end = today + dt.timedelta(days=horizon_days)
    week_end = today + dt.timedelta(days=min(7, horizon_days))
    for occ in occurrences:
        if not is_open(occ):
            continue
        if occ.status.overdue:  # the one rule (domain.status), not a date comparison here
            overdue.append(occ)
        elif occ.due < today:
            continue
        elif occ.due == today:
            today_items.append(occ)
        elif occ.due <= week_end:
            week.append(occ)
        elif occ.due <= end:
            later.append(occ)
    groups = [
        AgendaGroup("overdue", "Quá hạn", "#c62828", tuple(_ordered(overdue))),
        AgendaGroup("today", "Đến hạn hôm nay", "#e65100", tuple(_ordered(today_items))),
        AgendaGroup("week", "Trong 7 ngày tới", "#e65100", tuple(_ordered(week))),
    ]
    if horizon_days > 7:
        groups.append(
            AgendaGroup(
                "later", f"Từ 8 đến {horizon_days} ngày tới", "#1565c0", tuple(_ordered(later))
            )
        )
    return [g for g in groups if g.items]


# Internal ids: 0 for a group row, group number + 1 for an occurrence row under that group.
_GROUP_ID = 0


class AgendaModel(QAbstractItemModel):
    """A two-level tree: agenda groups, each with its open milestones (columns as HEADERS)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[AgendaGroup] = []

    def set_groups(self, groups: Sequence[AgendaGroup]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def groups(self) -> list[AgendaGroup]:
        return list(self._groups)

    def group_index(self, key: str) -> QModelIndex:
        for row, group in enumerate(self._groups):
            if group.key == key:
                return self.index(row, 0)
        return QModelIndex()

    def occurrence(self, index: Index) -> OccurrenceLike | None:
        if not index.isValid() or index.internalId() == _GROUP_ID:
            return None
        return self._groups[index.internalId() - 1].items[index.row()]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's default
        if not 0 <= column < len(HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, column, _GROUP_ID)
        if parent.internalId() != _GROUP_ID or parent.column() != 0:
            return QModelIndex()
        group = parent.row()
        if not 0 <= group < len(self._groups) or row >= len(self._groups[group].items):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - Qt's default
        if not index.isValid() or index.internalId() == _GROUP_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP_ID)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP_ID and parent.column() == 0:
            return len(self._groups[parent.row()].items)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return len(HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP_ID:
            return self._group_data(self._groups[index.row()], index.column(), role)
        occ = self._groups[index.internalId() - 1].items[index.row()]
        return _occurrence_data(occ, index.column(), role)

    def _group_data(self, group: AgendaGroup, column: int, role: int) -> Any:
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return group.heading()
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(group.color)
        if role == SORT_ROLE:
            return group.key
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return _header(section, orientation, role)
