"""Search and filters over the task tree: accent- and case-free text, agency, status, period.

"cai cach" finds "cải cách" and "d" finds "đ" (both sides go through `domain.text.fold`); every
word typed must occur. The other criteria apply to tasks; a part or appendix stays visible while
one of its descendants matches (recursive filtering). Sorting uses the source's SORT_ROLE, whose
strings already compare in Vietnamese dictionary order.

Decisions are taken once per criteria change over the loaded rows (plain Python, no Qt calls)
so `filterAcceptsRow` is a set lookup for each row.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Signal

from cchc_desktop.domain.model import NodeKind, StatusCategory
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.domain.text import fold
from cchc_desktop.qtmodels.roles import SORT_ROLE, Index
from cchc_desktop.qtmodels.task_tree_model import TaskTreeModel
from cchc_desktop.services.tree_service import TreeRow


class Deadline(StrEnum):
    """The deadline filter: every task, overdue ones, or those due within the week."""

    ANY = "any"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"


@dataclass(frozen=True, slots=True)
class TaskFilter:
    """What the clerk asked to see; the empty filter shows everything."""

    text: str = ""
    agency_id: str | None = None
    status: StatusCategory | None = None
    period: ReportingPeriod | None = None
    deadline: Deadline = Deadline.ANY
    words: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(fold(self.text).split()))

    @property
    def active(self) -> bool:
        return bool(self.words) or self.task_only

    @property
    def task_only(self) -> bool:
        """Criteria that only tasks can meet (parts and paragraphs have no agency or status)."""
        return (
            self.agency_id is not None
            or self.status is not None
            or self.period is not None
            or self.deadline is not Deadline.ANY
        )

    def with_text(self, text: str) -> TaskFilter:
        return replace(self, text=text)

    def accepts(self, row: TreeRow) -> bool:
        if self.words and not all(w in row.search_key for w in self.words):
            return False
        if not self.task_only:
            return True
        if row.kind is not NodeKind.TASK:
            return False
        if self.agency_id is not None and self.agency_id not in row.agency_ids:
            return False
        if self.status is not None and (row.status is None or row.status.category != self.status):
            return False
        if self.period is not None and self.period not in row.periods:
            return False
        if self.deadline is Deadline.OVERDUE and not row.overdue:
            return False
        return not (self.deadline is Deadline.DUE_SOON and not row.due_soon)


class TaskFilterProxy(QSortFilterProxyModel):
    """The tree view's proxy: `set_filter(TaskFilter(...))`, then read `match_count`.

    Signals:
        filter_applied(int): the filter changed; the argument is how many tasks match.
    """

    filter_applied = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = TaskFilter()
        self._decision: dict[int, bool] = {}  # id(TreeRow) -> accepted
        self._match_count = 0
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(False)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def tree(self) -> TaskTreeModel:
        source = self.sourceModel()
        assert isinstance(source, TaskTreeModel)
        return source

    @property
    def current_filter(self) -> TaskFilter:
        return self._filter

    @property
    def match_count(self) -> int:
        """Tasks that meet the filter (all loaded tasks when no filter is set)."""
        return self._match_count

    def set_filter(self, task_filter: TaskFilter) -> None:
        """Apply `task_filter`; the first real filter reads the whole plan so nothing is missed."""
        if task_filter.active:
            # Rows are inserted under the old filter: judging each insert against the new one
            # would cost the first search seconds on a large plan.
            self.tree().load_all()
        self._filter = task_filter
        self._decide()
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.filter_applied.emit(self._match_count)

    def refresh(self) -> None:
        """Decide again after the source's rows changed (an edit, a reload)."""
        self._decide()
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _decide(self) -> None:
        rows = list(self.tree().loaded_rows())
        f = self._filter
        self._decision = {id(r): f.accepts(r) for r in rows} if f.active else {}
        self._match_count = sum(
            1 for r in rows if r.kind is NodeKind.TASK and (not f.active or self._decision[id(r)])
        )

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._filter.active:
            return True
        row = self.tree().child_row(source_parent, source_row)
        if row is None:
            return False
        decided = self._decision.get(id(row))
        if decided is not None:
            return decided
        # An edited row is a new object; judge it directly rather than wait for `refresh`.
        return self._filter.accepts(row)

    def source_index(self, proxy_index: QModelIndex) -> QModelIndex:
        return self.mapToSource(proxy_index)
