"""The quarantine list: changes received but set aside (no right, revoked PC, invalid, fork)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtCore import QPersistentModelIndex as QPIndex
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QHeaderView, QWidget

from cchc_desktop import formatting
from cchc_desktop.context import AppContext
from cchc_desktop.domain.text import sort_key
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qtmodels.roles import ITEM_ROLE, SORT_ROLE
from cchc_desktop.services.history_service import value_text as display_value
from cchc_desktop.sync.review import QuarantineView, list_quarantine
from cchc_desktop.ui.forms.ui_quarantine_dialog import Ui_QuarantineDialog

Index = QModelIndex | QPIndex

COL_RECEIVED, COL_SITE, COL_RECORD, COL_FIELD, COL_VALUE, COL_AUTHOR, COL_EDITED, COL_REASON = (
    range(8)
)
HEADERS = (
    "Nhận lúc",
    "Máy gửi",
    "Bản ghi",
    "Thông tin",
    "Giá trị",
    "Người sửa",
    "Lúc sửa",
    "Lý do giữ lại",
)


def short_moment(moment: dt.datetime | None) -> str:
    """ "26/11/2026 02:56" for a table cell; "" when unknown."""
    if moment is None:
        return ""
    return f"{formatting.date_short(moment.date())} {moment:%H:%M}"


def value_text(view: QuarantineView) -> str:
    if isinstance(view.value, dict | list):
        return json.dumps(view.value, ensure_ascii=False)
    return display_value(view.field, view.value)


class QuarantineTableModel(QAbstractTableModel):
    """One row per change set aside, with who sent it, what it would have changed, and why."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QuarantineView] = []

    def set_items(self, items: Sequence[QuarantineView]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def item(self, row: int) -> QuarantineView:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        view = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(view, column)
        if role == ITEM_ROLE:
            return view
        if role == SORT_ROLE:
            if column == COL_RECEIVED:
                return view.received_at.timestamp() if view.received_at else 0.0
            if column == COL_EDITED:
                return view.when.timestamp() if view.when else 0.0
            return str(sort_key(self._text(view, column)))
        return None

    @staticmethod
    def _text(view: QuarantineView, column: int) -> str:
        if column == COL_RECEIVED:
            return short_moment(view.received_at)
        if column == COL_SITE:
            return view.site_name
        if column == COL_RECORD:
            return view.record
        if column == COL_FIELD:
            return view.field_label
        if column == COL_VALUE:
            return value_text(view)
        if column == COL_AUTHOR:
            return view.author
        if column == COL_EDITED:
            return short_moment(view.when)
        if column == COL_REASON:
            return view.reason_text
        return ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def row_text(self, row: int) -> str:
        """A row as one line of tab-separated text (for the clipboard)."""
        view = self._rows[row]
        return "\t".join(self._text(view, c) for c in range(len(HEADERS)))


class QuarantineDialog(QDialog):
    """The list of changes received but set aside, kept for reference (sync.md §5.4, §5.9).

    Read-only: nothing here changes data. "Sao chép chi tiết" copies the selected rows (or all)
    for the support desk. Reloads on `ops.reset` (after an import). Emits no signals.
    """

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self.ui = Ui_QuarantineDialog()
        self.ui.setupUi(self)
        self.model = QuarantineTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        view = self.ui.table_view
        view.setModel(self.proxy)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_RECORD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_VALUE, QHeaderView.ResizeMode.Stretch)
        fm = view.fontMetrics()
        for column, sample in (
            (COL_RECEIVED, "00/00/0000 00:00"),
            (COL_SITE, "Xã Minh Sơn – Máy 1"),
            (COL_FIELD, "Thời gian thực hiện"),
            (COL_AUTHOR, "Nguyễn Văn An"),
            (COL_EDITED, "00/00/0000 00:00"),
            (COL_REASON, "Không có quyền sửa"),
        ):
            header.resizeSection(column, fm.horizontalAdvance(sample) + 20)
        view.sortByColumn(COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        close = self.ui.button_box.button(QDialogButtonBox.StandardButton.Close)
        close.setText("Đó&ng")
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.copy_button.clicked.connect(self.copy_details)
        ops.reset.connect(self.reload)
        self.reload()

    @classmethod
    def ask(cls, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> int:
        """Show the list modally; return how many changes are held."""
        dialog = cls(ctx, ops, parent)
        try:
            dialog.exec()
            return dialog.model.rowCount()
        finally:
            dialog.deleteLater()

    def reload(self) -> None:
        items = list_quarantine(self._ctx.db)
        self.model.set_items(items)
        self.ui.count_label.setText(
            f"{len(items)} thay đổi bị giữ lại." if items else "Không có thay đổi nào bị giữ lại."
        )
        self.ui.copy_button.setEnabled(bool(items))

    def copy_details(self) -> str:
        """Copy the selected rows (all when none is selected) as tab-separated text; return it."""
        rows = sorted(
            {self.proxy.mapToSource(i).row() for i in self.ui.table_view.selectedIndexes()}
        )
        if not rows:
            rows = list(range(self.model.rowCount()))
        text = "\n".join(["\t".join(HEADERS), *(self.model.row_text(r) for r in rows)])
        QApplication.clipboard().setText(text)
        return text
