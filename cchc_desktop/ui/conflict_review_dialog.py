"""The "Cần xem lại" screen (sync.md §5.9): every competing value, who, when, which PC, and why."""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtCore import QPersistentModelIndex as QPIndex
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QWidget

from cchc_desktop import formatting
from cchc_desktop.context import AppContext
from cchc_desktop.domain.model import WORK_STATE_LABELS, StatusCategory, WorkState
from cchc_desktop.errors import CchcError, ValidationError
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qtmodels.roles import ITEM_ROLE
from cchc_desktop.qtmodels.status_style import style_for, style_icon
from cchc_desktop.sync.review import (
    ConflictView,
    HeadView,
    dismiss_conflict,
    list_conflicts,
    resolve_conflict,
)
from cchc_desktop.ui.forms.ui_conflict_review_dialog import Ui_ConflictReviewDialog
from cchc_desktop.ui.job_progress import show_status

log = logging.getLogger(__name__)

Index = QModelIndex | QPIndex

RULES_HTML = (
    "<b>Ba nguyên tắc khi dữ liệu từ nhiều máy gặp nhau</b><ol style='margin-top:2px'>"
    "<li><i>Mỗi thông tin có một cơ quan chịu trách nhiệm:</i> huyện quản lý kế hoạch và nhiệm"
    " vụ; mỗi xã quản lý tiến độ, minh chứng và chỉ tiêu của mình. Thay đổi từ nơi không có"
    " quyền được giữ lại để xem xét, không được áp dụng.</li>"
    "<li><i>Ai sửa sau khi đã nhận thay đổi của người kia thì bản của người đó là mới nhất</i>,"
    " dù đồng hồ các máy có sai.</li>"
    "<li><i>Nếu hai máy sửa cùng một ô mà chưa thấy thay đổi của nhau</i>, phần mềm tạm dùng bản"
    " sửa sau (theo giờ của máy sửa), <b>giữ cả hai</b> và đưa ô đó vào danh sách này. Không có"
    " gì bị bỏ đi.</li></ol>"
)
KIND_TITLES = {
    "same_field": "Hai máy sửa cùng một ô",
    "edit_vs_delete": "Sửa bản ghi đã bị xoá",
    "fork": "Trùng mã máy",
    "clock_suspect": "Lệch đồng hồ",
}
_CHOOSES_VALUE = frozenset({"same_field", "edit_vs_delete"})
NO_RIGHT = (
    "Máy này không có quyền sửa ô này. Cơ quan chịu trách nhiệm sẽ chọn giá trị; kết quả đến"
    " máy này qua lần trao đổi dữ liệu tiếp theo."
)


def when_text(moment: dt.datetime | None) -> str:
    if moment is None:
        return "không rõ"
    return f"{moment:%H:%M} ngày {formatting.date_short(moment.date())}"


class ConflictListModel(QAbstractListModel):
    """The review cards as a list: record and field, with an icon for open or handled."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._views: list[ConflictView] = []
        self._closed: set[str] = set()

    def set_conflicts(self, views: Sequence[ConflictView], closed: set[str] | None = None) -> None:
        self.beginResetModel()
        self._views = list(views)
        self._closed = set(closed or ())
        self.endResetModel()

    def conflict(self, row: int) -> ConflictView:
        return self._views[row]

    def is_closed(self, conflict_id: str) -> bool:
        return conflict_id in self._closed

    def row_of(self, conflict_id: str) -> int:
        return next((r for r, v in enumerate(self._views) if v.id == conflict_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._views)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._views):
            return None
        view = self._views[index.row()]
        closed = view.id in self._closed
        if role == Qt.ItemDataRole.DisplayRole:
            state = " (đã xử lý)" if closed else ""
            kind = KIND_TITLES.get(view.kind, view.kind)
            return f"{view.record}\n{view.field_label} – {kind}{state}"
        if role == Qt.ItemDataRole.DecorationRole:
            if closed:
                return style_icon(style_for(StatusCategory.DONE_ON_TIME))
            if view.kind in _CHOOSES_VALUE:
                return style_icon(style_for(StatusCategory.NOT_STARTED, overdue=True))
            return style_icon(style_for(StatusCategory.NOT_STARTED, due_soon=True))
        if role == Qt.ItemDataRole.ToolTipRole:
            return view.why
        if role == ITEM_ROLE:
            return view
        return None


def card_html(view: ConflictView, *, closed: bool = False) -> str:
    """One review card: the record, why it is here, and every value with its who/when/where."""
    parts = [
        f"<h3 style='margin-bottom:2px'>{html.escape(view.record)}</h3>",
        f"<p style='margin-top:0'><b>{html.escape(view.field_label)}</b> – "
        f"{html.escape(KIND_TITLES.get(view.kind, view.kind))}"
        + (" – <span style='color:#2e7d32'>đã xử lý</span>" if closed else "")
        + "</p>",
        f"<p>{html.escape(view.why)}</p>",
    ]
    for head in sorted(view.heads, key=lambda h: not h.in_use):
        parts.append(_head_html(head))
    if view.opened_at is not None:
        parts.append(
            f"<p style='color:#666'>Đưa vào danh sách lúc {when_text(view.opened_at)}.</p>"
        )
    return "".join(parts)


def _head_html(head: HeadView) -> str:
    title, color = ("Đang dùng", "#2e7d32") if head.in_use else ("Giá trị khác", "#e65100")
    bundle = f"gói {html.escape(head.bundle)}" if head.bundle else "sửa trên máy này"
    rows = [
        ("Giá trị", f"<b>{html.escape(head.display)}</b>"),
        ("Người sửa", html.escape(head.author or "không rõ")),
        ("Máy, cơ quan", html.escape(head.site_name)),
        ("Lúc sửa", f"{when_text(head.when)} (theo đồng hồ máy sửa)"),
        ("Nhận qua", bundle),
    ]
    body = "".join(
        f"<tr><td style='color:#555;padding-right:12px'>{label}</td><td>{value}</td></tr>"
        for label, value in rows
    )
    return (
        f"<p style='margin-bottom:0;color:{color}'><b>{title}</b></p>"
        f"<table cellspacing='0' cellpadding='2' style='margin-left:12px'>{body}</table>"
    )


class ConflictReviewDialog(QDialog):
    """The "Cần xem lại" list: one card per conflict, with the resolve actions (§5.9).

    Each action writes an ordinary change through `ops.run(resolve_conflict(...))`, which closes
    the card on every PC after the next exchange. Actions are offered only where this PC may
    write the field; fork and clock cards can only be marked as seen. Reloads on `ops.reset`.

    Signals:
        conflict_resolved(str): the id of a card just resolved or marked as seen.
        record_activated(str, str): (table, row id) of a card double-clicked, for the main
            window to show the record.
    """

    conflict_resolved = Signal(str)
    record_activated = Signal(str, str)

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ops = ops
        self.ui = Ui_ConflictReviewDialog()
        self.ui.setupUi(self)
        self.ui.rules_label.setText(RULES_HTML)
        self.model = ConflictListModel(self)
        self.ui.list_view.setModel(self.model)
        self.ui.list_view.setUniformItemSizes(False)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([380, 640])
        self.resolved: list[str] = []
        close = self.ui.button_box.button(QDialogButtonBox.StandardButton.Close)
        close.setText("Đó&ng")
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.closed_check.toggled.connect(lambda _on: self.reload())
        self.ui.keep_button.clicked.connect(self.keep_in_use)
        self.ui.use_other_button.clicked.connect(self.use_other)
        self.ui.new_value_button.clicked.connect(self.enter_new_value)
        self.ui.dismiss_button.clicked.connect(self.dismiss)
        self.ui.list_view.activated.connect(self._on_activated)
        self.ui.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        ops.reset.connect(self.reload)
        self.reload()

    # ------------------------------------------------------------------ public API

    @classmethod
    def ask(cls, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> int:
        """Show the list modally; return how many cards were handled."""
        dialog = cls(ctx, ops, parent)
        try:
            dialog.exec()
            return len(dialog.resolved)
        finally:
            dialog.deleteLater()

    def reload(self) -> None:
        """Read the cards again, keeping the current one selected when it is still listed."""
        current = self.current()
        keep = current.id if current is not None else None
        include_closed = self.ui.closed_check.isChecked()
        views = list_conflicts(self._ctx.db, include_closed=include_closed)
        closed: set[str] = set()
        if include_closed:
            open_ids = {v.id for v in list_conflicts(self._ctx.db)}
            closed = {v.id for v in views if v.id not in open_ids}
        self.model.set_conflicts(views, closed)
        open_count = len(views) - len(closed)
        self.ui.count_label.setText(
            f"<b>{open_count} mục cần xem lại</b>"
            if open_count
            else "<b>Không có mục nào cần xem lại.</b>"
        )
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.ui.list_view.setCurrentIndex(self.model.index(row))
        self._show_card()

    def current(self) -> ConflictView | None:
        index = self.ui.list_view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.conflict(index.row())

    def keep_in_use(self) -> None:
        """Keep the value in use ("Giữ giá trị đang dùng"); restore for an edit-vs-delete card."""
        view = self.current()
        if view is None:
            return
        if view.kind == "edit_vs_delete":
            self._resolve(view, 0, "Đã khôi phục bản ghi.")
            return
        head = next((h for h in view.heads if h.in_use), None)
        if head is not None:
            self._resolve(view, head.value, f"Đã giữ giá trị “{head.display}”.")

    def use_other(self) -> None:
        """Use the chosen other value ("Dùng giá trị khác"); for edit-vs-delete, confirm it."""
        view = self.current()
        if view is None:
            return
        if view.kind == "edit_vs_delete":
            self._resolve(view, 1, "Đã xác nhận xoá bản ghi.")
            return
        others = [h for h in view.heads if not h.in_use]
        index = self.ui.other_combo.currentIndex()
        if not others or not 0 <= index < len(others):
            return
        head = others[index]
        self._resolve(view, head.value, f"Đã dùng giá trị “{head.display}”.")

    def enter_new_value(self) -> None:
        """Ask for a new value ("Nhập giá trị mới") and write it."""
        view = self.current()
        if view is None:
            return
        try:
            value = self._ask_new_value(view)
        except ValidationError as exc:
            self._fail(str(exc))
            return
        if value is None:
            return
        self._resolve(view, value, "Đã ghi giá trị mới.")

    def dismiss(self) -> None:
        """Mark a fork or clock card as seen on this PC."""
        view = self.current()
        if view is None:
            return
        try:
            dismiss_conflict(self._ctx.db, view.id)
        except CchcError as exc:
            self._fail(str(exc))
            return
        self._done(view, "Đã đánh dấu là đã xem.")

    # ------------------------------------------------------------------ seams for tests

    def _ask_new_value(self, view: ConflictView) -> Any:
        """Ask the clerk for a value of the card's field; None when cancelled.

        Raises:
            ValidationError: the text typed is not a value of that field.
        """
        current = next((h for h in view.heads if h.in_use), None)
        if view.field == "state":
            labels = [WORK_STATE_LABELS[s] for s in WorkState]
            start = labels.index(current.display) if current and current.display in labels else 0
            label, ok = QInputDialog.getItem(
                self, "Nhập giá trị mới", f"{view.field_label}:", labels, start, False
            )
            return next(s.value for s in WorkState if WORK_STATE_LABELS[s] == label) if ok else None
        text, ok = QInputDialog.getText(
            self,
            "Nhập giá trị mới",
            f"{view.field_label}:",
            text="" if current is None or current.value is None else str(current.value),
        )
        if not ok:
            return None
        return parse_value(view, text)

    # ------------------------------------------------------------------ helpers

    def _resolve(self, view: ConflictView, value: Any, done_text: str) -> None:
        try:
            self._ops.run(
                lambda: resolve_conflict(self._ctx.db, view.id, value, author=self._ctx.author)
            )
        except CchcError as exc:
            log.info("Conflict %s not resolved: %s", view.id, exc)
            self._fail(str(exc))
            return
        self._done(
            view,
            f"{done_text} Mục sẽ đóng trên các máy khác sau lần trao đổi dữ liệu tiếp theo.",
        )

    def _done(self, view: ConflictView, text: str) -> None:
        self.resolved.append(view.id)
        self.conflict_resolved.emit(view.id)
        self.reload()
        self.ui.status_label.setStyleSheet("color: #2e7d32;")
        self.ui.status_label.setText(text)

    def _fail(self, message: str) -> None:
        show_status(self.ui.status_label, message, error=True)

    def _on_current_changed(self, *_args: object) -> None:
        self._show_card()
        self.ui.status_label.setText("")

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            view = self.model.conflict(index.row())
            self.record_activated.emit(view.table, view.row_id)

    def _show_card(self) -> None:
        view = self.current()
        ui = self.ui
        buttons = (ui.keep_button, ui.use_other_button, ui.new_value_button, ui.dismiss_button)
        if view is None:
            ui.card_view.setHtml(
                "<p>Không có mục nào cần xem lại. Dữ liệu các máy đã khớp nhau.</p>"
            )
            for button in buttons:
                button.setVisible(False)
            ui.other_combo.setVisible(False)
            ui.permission_label.setText("")
            return
        closed = self.model.is_closed(view.id)
        ui.card_view.setHtml(card_html(view, closed=closed))
        chooses = view.kind in _CHOOSES_VALUE
        others = [h for h in view.heads if not h.in_use]
        ui.other_combo.clear()
        for head in others:
            ui.other_combo.addItem(f"{head.display} – {head.site_name}")
        if view.kind == "edit_vs_delete":
            ui.keep_button.setText("&Khôi phục bản ghi")
            ui.use_other_button.setText("&Xác nhận xoá")
        else:
            ui.keep_button.setText("&Giữ giá trị đang dùng")
            ui.use_other_button.setText("&Dùng giá trị khác")
        ui.keep_button.setVisible(chooses)
        ui.use_other_button.setVisible(chooses)
        ui.new_value_button.setVisible(view.kind == "same_field")
        ui.other_combo.setVisible(view.kind == "same_field" and len(others) > 1)
        ui.dismiss_button.setVisible(not chooses)
        allowed = not closed and (view.may_resolve or not chooses) and not self._ctx.read_only
        for button in buttons:
            button.setEnabled(allowed)
        ui.use_other_button.setEnabled(allowed and (bool(others) or view.kind == "edit_vs_delete"))
        if closed:
            ui.permission_label.setText("Mục này đã được xử lý.")
        elif chooses and not view.may_resolve:
            ui.permission_label.setText(NO_RIGHT)
        else:
            ui.permission_label.setText("")


def parse_value(view: ConflictView, text: str) -> Any:
    """The typed text as a value of the card's field (an int where the values are ints).

    Raises:
        ValidationError: not a number where one is needed, or a percent outside 0–100.
    """
    text = text.strip()
    numeric = any(isinstance(h.value, int) and not isinstance(h.value, bool) for h in view.heads)
    if view.field == "percent" or numeric:
        if text == "" and view.field != "percent":
            return None
        try:
            value = int(text.rstrip("%").strip())
        except ValueError:
            raise ValidationError(f"“{text}” không phải là số nguyên.") from None
        if view.field == "percent" and not 0 <= value <= 100:
            raise ValidationError("Tỷ lệ hoàn thành phải là số từ 0 đến 100.")
        return value
    return text
