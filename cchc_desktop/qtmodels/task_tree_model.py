"""The plan tree (parts, items, paragraphs, appendices, tasks) as a lazy QAbstractItemModel.

Only the top level is read when a plan opens; a node's children are read when the view asks
(`canFetchMore`/`fetchMore`), an appendix's tasks in batches. The filter proxy needs every
node, so it calls `load_all()` (a few whole-plan queries) the first time a filter is set.
Write results (`Changes`) refresh the affected rows in place; structural changes reload.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon

from cchc_desktop import formatting
from cchc_desktop.domain.model import STATUS_LABELS, NodeKind
from cchc_desktop.qt.icons import icon
from cchc_desktop.qt.workers import Worker
from cchc_desktop.qtmodels.roles import (
    ITEM_ROLE,
    REF_ROLE,
    SORT_ROLE,
    STATUS_ROLE,
    Index,
    collation_text,
    number_key,
)
from cchc_desktop.qtmodels.status_style import color_of, icon_of, status_text
from cchc_desktop.services import tree_service
from cchc_desktop.services.startup import worker_connection
from cchc_desktop.services.tree_service import APPENDIX, PLAN_NODE, TASK, NodeRef, TreeRow
from cchc_desktop.store.changes import Changes

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

COL_NUMBER, COL_TITLE, COL_LEAD, COL_DUE, COL_STATUS, COL_PERCENT = range(6)
HEADERS = ("STT", "Nhiệm vụ", "Chủ trì", "Hạn gần nhất", "Trạng thái", "Tiến độ")

# Tables whose changes alter what a task row shows.
_TASK_TABLES = frozenset({"task", "task_agency", "milestone", "progress", "evidence"})
_STRUCTURE_TABLES = frozenset({"plan_node", "appendix", "task"})
_NODE_ICONS = {
    NodeKind.DECISION: "node-decision.svg",
    NodeKind.PART: "node-part.svg",
    NodeKind.ITEM: "node-item.svg",
    NodeKind.PARAGRAPH: "node-paragraph.svg",
    NodeKind.APPENDIX: "node-appendix.svg",
}
_STATUS_RANK_NONE = 99
NODE_MIME = "application/x-cchc-plan-node"
END = 1_000_000  # a drop index past any last child: the services put the node last
# Kinds dropped onto a node of the same kind take its place rather than go inside it.
_SIBLING_DROPS = frozenset({NodeKind.TASK, NodeKind.APPENDIX, NodeKind.PARAGRAPH})


class _Node:
    """A tree node: its row data, its parent, and the children read so far."""

    __slots__ = ("children", "parent", "position", "row", "total")

    def __init__(self, row: TreeRow | None, parent: _Node | None, position: int) -> None:
        self.row = row
        self.parent = parent
        self.position = position  # index among the parent's children
        self.children: list[_Node] = []
        self.total = row.child_count if row is not None else 0

    @property
    def ref(self) -> NodeRef | None:
        return self.row.ref if self.row is not None else None

    def can_fetch(self) -> bool:
        return len(self.children) < self.total


def _read_whole_plan(
    db_path: Path,
    plan_id: str,
    generation: int,
    today: dt.date,
    *,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> tuple[str, int, tree_service.WholePlan]:
    """Worker job: the whole plan through a read-only connection of the worker's own."""
    with worker_connection(db_path, read_only=True) as db:
        return plan_id, generation, tree_service.whole_plan(db, plan_id, today)


class TaskTreeModel(QAbstractItemModel):
    """One plan's tree over `tree_service`, read lazily.

    Signals:
        plan_loaded(str): the model now shows the plan with this id (after `set_plan`).
        fully_loaded(): every node of the plan has been read (after `load_all`).
        move_requested(object, object, int): a node was dropped: the node's NodeRef, its new
            parent's (None: the top level) and its index among that parent's children of its
            kind (tasks, appendices, or parts/items/paragraphs).
    """

    plan_loaded = Signal(str)
    fully_loaded = Signal()
    move_requested = Signal(object, object, int)  # node, new parent (None: top), index

    def __init__(
        self, db: Database, today: Callable[[], dt.date], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self._root = _Node(None, None, 0)
        self._by_ref: dict[NodeRef, _Node] = {}
        self._plan_id: str | None = None
        self._all_loaded = False
        self._generation = 0
        self._prefetch_worker: Worker | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._struck = QFont()
        self._struck.setStrikeOut(True)

    # ------------------------------------------------------------------ loading

    @property
    def plan_id(self) -> str | None:
        return self._plan_id

    @property
    def all_loaded(self) -> bool:
        return self._all_loaded

    def set_plan(self, plan_id: str | None) -> None:
        """Show `plan_id` (None: nothing); reads only the top level."""
        self.beginResetModel()
        self._plan_id = plan_id
        self._generation += 1  # a whole-plan read still in flight is for the old tree
        self._root = _Node(None, None, 0)
        self._by_ref = {}
        self._all_loaded = False
        if plan_id is not None:
            rows = tree_service.top_level(self._db, plan_id)
            self._root.total = len(rows)
            self._append(self._root, rows)
        self.endResetModel()
        if plan_id is not None:
            self.plan_loaded.emit(plan_id)

    def set_database(self, db: Database) -> None:
        """Use another connection (the database was restored and reopened)."""
        self._db = db

    def reload(self) -> None:
        """Read the plan again (after a structural change); the view restores what it can."""
        self.set_plan(self._plan_id)

    def _append(self, parent: _Node, rows: Iterable[TreeRow]) -> list[_Node]:
        added = []
        for row in rows:
            node = _Node(row, parent, len(parent.children))
            parent.children.append(node)
            self._by_ref[row.ref] = node
            added.append(node)
        return added

    def canFetchMore(self, parent: Index) -> bool:
        node = self._node(parent)
        return node is not self._root and node.can_fetch()

    def fetchMore(self, parent: Index) -> None:
        node = self._node(parent)
        if node is self._root or not node.can_fetch() or node.ref is None:
            return
        rows = tree_service.children(self._db, node.ref, self._today(), offset=len(node.children))
        if not rows:
            node.total = len(node.children)  # the database changed under us
            return
        first = len(node.children)
        self.beginInsertRows(self._index_of(node), first, first + len(rows) - 1)
        self._append(node, rows)
        self.endInsertRows()

    def prefetch_all(self, db_path: Path) -> None:
        """Read the whole plan on a worker and insert it when it arrives.

        Searching needs every row; read here, after the window is shown, the first keystroke
        only filters rows already loaded instead of waiting for the whole plan.
        """
        if self._all_loaded or self._plan_id is None:
            return
        worker = Worker(_read_whole_plan, db_path, self._plan_id, self._generation, self._today())
        # A bound slot: Qt drops the connection if the model is gone when the read arrives.
        worker.signals.result.connect(self._prefetched)
        self._prefetch_worker = worker
        worker.start()

    def _prefetched(self, read: tuple[str, int, tree_service.WholePlan]) -> None:
        plan_id, generation, whole = read
        if generation == self._generation and plan_id == self._plan_id:
            self.load_all(whole)

    def load_all(self, whole: tree_service.WholePlan | None = None) -> None:
        """Read every node of the plan (a few whole-plan queries), inserting what is missing;
        `whole` is that read made already (on a worker)."""
        if self._all_loaded or self._plan_id is None:
            return
        if whole is None:
            whole = tree_service.whole_plan(self._db, self._plan_id, self._today())
        pending: list[_Node] = list(self._root.children)
        while pending:
            node = pending.pop()
            rows = whole.children.get(node.ref, []) if node.ref is not None else []
            missing = rows[len(node.children) :]
            if missing:
                first = len(node.children)
                self.beginInsertRows(self._index_of(node), first, first + len(missing) - 1)
                self._append(node, missing)
                self.endInsertRows()
            node.total = len(node.children)
            pending.extend(node.children)
        self._all_loaded = True
        self.fully_loaded.emit()

    # ------------------------------------------------------------------ lookup

    def _node(self, index: Index) -> _Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    def _index_of(self, node: _Node, column: int = 0) -> QModelIndex:
        if node is self._root:
            return QModelIndex()
        return self.createIndex(node.position, column, node)

    def row_at(self, index: Index) -> TreeRow | None:
        return self._node(index).row

    def child_row(self, parent: Index, row: int) -> TreeRow | None:
        """The row data of `parent`'s child number `row`, without building an index (the
        filter proxy asks this for every row on every keystroke)."""
        node = parent.internalPointer() if parent.isValid() else self._root
        children = node.children
        return children[row].row if 0 <= row < len(children) else None

    def index_of_ref(self, ref: NodeRef) -> QModelIndex:
        """The index of a loaded node, or an invalid index."""
        node = self._by_ref.get(ref)
        return self._index_of(node) if node is not None else QModelIndex()

    def locate_task(self, task_id: str) -> QModelIndex:
        """The index of a task, reading its appendix's tasks first if needed."""
        ref = NodeRef(TASK, task_id)
        if ref not in self._by_ref and self._plan_id is not None:
            place = tree_service.task_place(self._db, task_id)
            if place is not None and place[0] == self._plan_id:
                appendix = self._by_ref.get(NodeRef(APPENDIX, place[1]))
                while appendix is not None and ref not in self._by_ref and appendix.can_fetch():
                    self.fetchMore(self._index_of(appendix))
        return self.index_of_ref(ref)

    def loaded_rows(self) -> Iterator[TreeRow]:
        stack = list(reversed(self._root.children))
        while stack:
            node = stack.pop()
            if node.row is not None:
                yield node.row
            stack.extend(reversed(node.children))

    # ------------------------------------------------------------------ refresh

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what `changes` touched: rows in place, or the whole tree for new/removed rows."""
        if self._plan_id is None or not changes:
            return
        structural = any(
            c.table in _STRUCTURE_TABLES
            and (c.created or c.field in {"deleted", "ord", "number", "appendix_id", "parent_id"})
            for c in changes.fields
        )
        if structural or changes.touches("plan"):
            self.reload()
            return
        if changes.touches("agency"):
            self._refresh_tasks([r.ref.id for r in self.loaded_rows() if r.ref.table == TASK])
        else:
            self._refresh_tasks(sorted(self._affected_tasks(changes)))
        for table in (PLAN_NODE, APPENDIX):
            for row_id in changes.rows(table):
                self._refresh_node(NodeRef(table, row_id))

    def _affected_tasks(self, changes: Changes) -> set[str]:
        return {t for t in changes.task_ids if NodeRef(TASK, t) in self._by_ref}

    def _refresh_tasks(self, task_ids: list[str]) -> None:
        if not task_ids:
            return
        for row in tree_service.task_rows(self._db, task_ids, self._today()):
            self._replace(row)

    def _refresh_node(self, ref: NodeRef) -> None:
        if ref in self._by_ref:
            row = tree_service.node_row(self._db, ref)
            if row is not None:
                self._replace(row)

    def _replace(self, row: TreeRow) -> None:
        node = self._by_ref.get(row.ref)
        if node is None:
            return
        node.row = row
        self.dataChanged.emit(self._index_of(node, 0), self._index_of(node, len(HEADERS) - 1))

    def refresh_statuses(self) -> None:
        """Judge every loaded task again (the day changed, or F5)."""
        self._refresh_tasks([r.ref.id for r in self.loaded_rows() if r.ref.table == TASK])

    # ------------------------------------------------------------------ Qt model API

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(HEADERS) or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    @overload
    def parent(self) -> QObject | None: ...

    @overload
    def parent(self, child: Index) -> QModelIndex: ...

    def parent(self, child: Index | None = None) -> QObject | QModelIndex | None:
        """The parent index of `child`; without an argument, QObject's parent (both are Qt's)."""
        if child is None:
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        node = self._node(child)
        parent = node.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.position, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        return bool(node.children) or node.total > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # appendices and parts are dropped at the top
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self._node(index).row
        if row is not None and row.kind is not NodeKind.DECISION:
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # ------------------------------------------------------------------ drag and drop

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [NODE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        refs = {r for i in indexes if (r := self._node(i).ref) is not None}
        if len(refs) == 1:
            ref = refs.pop()
            data.setData(NODE_MIME, QByteArray(f"{ref.table}\n{ref.id}".encode()))
        return data

    def drop_target(
        self, data: QMimeData, row: int, parent: Index
    ) -> tuple[NodeRef, NodeRef | None, int] | None:
        """Where a drop puts the dragged node: (node, new parent or None, index among that
        parent's children of its kind), or None when it cannot go there."""
        if not data.hasFormat(NODE_MIME):
            return None
        table, _, row_id = bytes(data.data(NODE_MIME).data()).decode().partition("\n")
        moving = self._by_ref.get(NodeRef(table, row_id))
        if moving is None or moving.row is None:
            return None
        target = self._node(parent)
        kind = moving.row.kind
        if target.row is not None and target.row.kind is kind and kind in _SIBLING_DROPS:
            # Dropped onto a node of its own kind: it takes that node's place.
            row, target = target.position, target.parent or self._root
        children = target.children
        at_end = row < 0 or row >= len(children)  # the children may not all be read yet
        row = len(children) if at_end else row
        before = [c for c in children[:row] if c is not moving]
        parent_kind = target.row.kind if target.row is not None else None
        if kind is NodeKind.TASK and parent_kind is NodeKind.APPENDIX:
            index = sum(1 for c in before if c.row is not None and c.row.kind is NodeKind.TASK)
        elif kind is NodeKind.APPENDIX and parent_kind is None:
            index = sum(1 for c in before if c.row is not None and c.row.kind is kind)
        elif kind in (NodeKind.PART, NodeKind.ITEM, NodeKind.PARAGRAPH) and parent_kind in (
            None,
            NodeKind.PART,
            NodeKind.ITEM,
        ):
            index = sum(
                1
                for c in before
                if c.row is not None
                and c.row.ref.table == PLAN_NODE
                and c.row.kind is not NodeKind.DECISION
            )
        else:
            return None
        return moving.row.ref, target.ref, END if at_end else index

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.drop_target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask for the move (the window writes it, and the tree reloads from the Changes).

        Returns False so the view removes nothing itself; the request is queued, because
        the write reloads this model and the view is still inside its drop handling.
        """
        found = self.drop_target(data, row, parent)
        if found is not None:
            QTimer.singleShot(0, lambda: self.move_requested.emit(*found))
        return False

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_DUE:
            return "Hạn chưa hoàn thành sớm nhất (hoặc hạn cuối khi đã xong)"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._node(index).row
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_STATUS and row.status is not None:
                return color_of(row.status)
            if column == COL_DUE and row.overdue:
                return QColor("#c62828")
            if row.cancelled:
                return QColor("#757575")
            return None
        if role == Qt.ItemDataRole.FontRole:
            if row.kind in (NodeKind.PART, NodeKind.APPENDIX, NodeKind.DECISION):
                return self._bold
            if row.cancelled:
                return self._struck
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_NUMBER, COL_PERCENT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == ITEM_ROLE:
            return row
        if role == REF_ROLE:
            return row.ref
        if role == STATUS_ROLE:
            return row.status
        return None

    # ------------------------------------------------------------------ cell contents

    @staticmethod
    def _display(row: TreeRow, column: int) -> str | None:
        if column == COL_NUMBER:
            return row.number
        if column == COL_TITLE:
            return row.title
        if column == COL_LEAD:
            return row.lead
        if column == COL_DUE:
            if row.next_due is not None:
                return formatting.date_short(row.next_due)
            return "" if row.kind is not NodeKind.TASK else "—"
        if column == COL_STATUS:
            if row.cancelled:
                return "Đã bãi bỏ"
            if row.status is not None:
                return short_status(row)
            return "" if row.kind is not NodeKind.TASK else "Không có hạn cụ thể"
        if column == COL_PERCENT:
            return f"{row.percent} %" if row.percent is not None else ""
        return None

    def _decoration(self, row: TreeRow, column: int) -> QIcon | None:
        if column == COL_STATUS and row.status is not None:
            return icon_of(row.status)
        if column == COL_TITLE:
            if row.needs_review:
                return icon("warning.svg")
            name = _NODE_ICONS.get(row.kind)
            return icon(name) if name else None
        return None

    @staticmethod
    def _tooltip(row: TreeRow, column: int) -> str | None:
        if row.cancelled and column in (COL_TITLE, COL_STATUS):
            return f"{row.title}\n{row.cancelled}" if column == COL_TITLE else row.cancelled
        if column == COL_TITLE:
            text = row.title
            if row.needs_review:
                text += "\n⚠ Cần kiểm tra: thời hạn chưa rõ hoặc cơ quan chưa được xác nhận."
            return text
        if column == COL_STATUS and row.status is not None:
            return status_text(row.status)
        if column == COL_DUE and row.next_due is not None:
            return f"{formatting.weekday_name(row.next_due)}, {formatting.date_short(row.next_due)}"
        if column == COL_LEAD and row.lead:
            return row.lead
        return None

    @staticmethod
    def _sort_value(row: TreeRow, column: int) -> Any:
        if column == COL_NUMBER:
            return number_key(row.number)
        if column == COL_TITLE:
            return collation_text(row.title)
        if column == COL_LEAD:
            return collation_text(row.lead)
        if column == COL_DUE:
            return row.next_due.toordinal() if row.next_due is not None else dt.date.max.toordinal()
        if column == COL_STATUS:
            return _status_rank(row)
        if column == COL_PERCENT:
            return row.percent if row.percent is not None else -1
        return None


def short_status(row: TreeRow) -> str:
    """The status cell: the deadline first when it presses ("Quá hạn 5 ngày"), else the category.

    The full wording (category and deadline) is the cell's tooltip.
    """
    status = row.status
    if status is None:
        return ""
    if (status.overdue or status.due_soon) and status.due_text:
        return status.due_text
    return STATUS_LABELS[status.category]


def _status_rank(row: TreeRow) -> int:
    """Most urgent first: overdue, due soon, open, done late, done on time, not applicable."""
    status = row.status
    if status is None:
        return _STATUS_RANK_NONE
    if status.overdue:
        return 0
    if status.due_soon:
        return 1
    order = ("in_progress_on_time", "not_started", "done_late", "done_on_time", "not_applicable")
    category = str(status.category)
    return 2 + order.index(category) if category in order else 10
