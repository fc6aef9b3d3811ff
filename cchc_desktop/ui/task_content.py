"""The editor's content tab: a node's text, or a task's title, products, agencies, timeline
and milestones, with the live milestone preview and saving them as one undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from cchc_desktop.domain.model import ROLE_LABELS, AgencyRole, Milestone, NodeKind
from cchc_desktop.domain.periods import ReportingRules
from cchc_desktop.qt.undo import run_undoable
from cchc_desktop.qtmodels.task_parts_models import AgencyItem, MilestoneModel, TaskAgencyModel
from cchc_desktop.services import settings_service, task_service
from cchc_desktop.services.task_service import MilestoneRow, NodeDetail, TaskDetail, TaskEdit
from cchc_desktop.ui.task_history import fit_columns

if TYPE_CHECKING:
    from cchc_desktop.ui.task_editor import TaskEditor

PAGE_EMPTY, PAGE_NODE, PAGE_TASK = range(3)
PREVIEW_DELAY_MS = 250

_NODE_TITLES = {
    NodeKind.DECISION: "Quyết định ban hành kế hoạch",
    NodeKind.PART: "Phần",
    NodeKind.ITEM: "Mục",
    NodeKind.PARAGRAPH: "Đoạn văn",
    NodeKind.APPENDIX: "Phụ lục",
}


class RoleDelegate(QStyledItemDelegate):
    """A combo box of the four roles for the agencies table's role column."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for role in AgencyRole:
            combo.addItem(ROLE_LABELS[role], str(role))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ContentPane(QObject):
    """Shows and saves the content of the editor's node or task."""

    def __init__(self, editor: TaskEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.products_model = QStringListModel(self)
        self.agency_model = TaskAgencyModel(self)
        self.milestone_model = MilestoneModel(self)
        self._reporting_rules = ReportingRules()  # the office's, read when a task is shown
        self._stored_milestones: list[MilestoneRow] = []
        self.snapshot: object = None
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.preview_milestones)
        self._setup_views()
        self._connect()

    def _setup_views(self) -> None:
        ui = self.editor.ui
        ui.products_view.setModel(self.products_model)
        ui.products_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        ui.agencies_view.setModel(self.agency_model)
        ui.agencies_view.setItemDelegateForColumn(
            TaskAgencyModel.COL_ROLE, RoleDelegate(ui.agencies_view)
        )
        ui.milestones_view.setModel(self.milestone_model)
        fit_columns(ui.agencies_view, TaskAgencyModel.COL_NAME)
        fit_columns(ui.milestones_view, MilestoneModel.COL_SOURCE)

    def _connect(self) -> None:
        ui = self.editor.ui
        on_edited = self.editor.on_edited
        for edit in (ui.node_text_edit, ui.task_title_edit, ui.note_edit):
            edit.textChanged.connect(on_edited)
        ui.appendix_lead_edit.textChanged.connect(lambda _t: on_edited())
        ui.timeline_edit.textChanged.connect(self._on_timeline_edited)
        for model in (self.products_model, self.milestone_model):
            model.dataChanged.connect(lambda *_a: on_edited())
            model.rowsInserted.connect(lambda *_a: on_edited())
            model.rowsRemoved.connect(lambda *_a: on_edited())
        self.agency_model.edited.connect(on_edited)
        ui.add_product_button.clicked.connect(self.add_product)
        ui.remove_product_button.clicked.connect(self.remove_product)
        ui.add_agency_button.clicked.connect(self.add_agencies)
        ui.remove_agency_button.clicked.connect(self.remove_agency)

    def set_read_only(self, locked: bool) -> None:
        ui = self.editor.ui
        for text in (ui.node_text_edit, ui.task_title_edit, ui.timeline_edit, ui.note_edit):
            text.setReadOnly(locked)
        ui.appendix_lead_edit.setReadOnly(locked)
        for widget in (
            ui.add_product_button,
            ui.remove_product_button,
            ui.add_agency_button,
            ui.remove_agency_button,
        ):
            widget.setEnabled(not locked)
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if locked
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        for view in (ui.products_view, ui.agencies_view, ui.milestones_view):
            view.setEditTriggers(triggers)

    # ------------------------------------------------------------------ loading

    def load_node(self, node: NodeDetail) -> None:
        ui = self.editor.ui
        ui.stack.setCurrentIndex(PAGE_NODE)
        kind = _NODE_TITLES.get(node.kind, "Mục")
        ui.title_label.setText(f"{kind} {node.number}".strip())
        ui.node_number_value.setText(node.number or "(không đánh số)")
        ui.node_text_edit.setPlainText(node.text)
        is_appendix = node.table == "appendix"
        ui.node_text_caption.setText("Tên &phụ lục:" if is_appendix else "&Nội dung:")
        ui.appendix_lead_caption.setVisible(is_appendix)
        ui.appendix_lead_edit.setVisible(is_appendix)
        ui.appendix_lead_edit.setText(node.lead_agency)
        # The decision's number, date, signer and text have their own editor.
        ui.review_label.setVisible(node.kind is NodeKind.DECISION)
        ui.review_label.setText(
            "Số, ngày ban hành, người ký và các căn cứ, điều khoản của quyết định: "
            "bấm đúp vào quyết định trong cây hoặc chọn Kế hoạch → Quyết định ban hành kế hoạch…"
        )

    def load_task(self, task: TaskDetail) -> None:
        # Read once per task, so the live preview never touches the database.
        self._reporting_rules = settings_service.reporting_rules(self.editor.ctx.db)
        ui = self.editor.ui
        ui.stack.setCurrentIndex(PAGE_TASK)
        ui.title_label.setText(f"Nhiệm vụ {task.ref} – Phụ lục {task.appendix_number:02d}")
        ui.task_title_edit.setPlainText(task.title)
        self.products_model.setStringList(list(task.products))
        self.agency_model.set_items(
            [
                AgencyItem(a.agency_id, a.name, a.role, a.written_name, a.needs_review)
                for a in task.agencies
            ]
        )
        ui.timeline_edit.setPlainText(task.timeline)
        ui.note_edit.setPlainText(task.note)
        self.milestone_model.set_milestones([m.milestone for m in task.milestones], {})
        self._stored_milestones = list(task.milestones)
        self._show_review(task)

    def _show_review(self, task: TaskDetail) -> None:
        reasons = []
        if any(a.needs_review for a in task.agencies):
            reasons.append("có cơ quan chưa được xác nhận trong danh mục")
        if any(
            (m.milestone.warning or m.milestone.kind == "unscheduled") and not m.milestone.confirmed
            for m in task.milestones
        ):
            reasons.append("có mốc thời hạn chưa đọc được hoặc đáng ngờ")
        ui = self.editor.ui
        if task.cancelled:
            ui.review_label.setVisible(True)
            ui.review_label.setText(
                f"{task.cancelled}: nhiệm vụ không còn tính hạn và không vào báo cáo các kỳ sau; "
                "tiến độ đã báo cáo và lịch sử vẫn được giữ."
            )
            return
        ui.review_label.setVisible(bool(reasons))
        ui.review_label.setText("⚠ Cần kiểm tra: " + "; ".join(reasons) + ".")

    # ------------------------------------------------------------------ dirty state

    def state(self) -> object:
        """What the content tab shows, to compare with what was loaded."""
        ui = self.editor.ui
        if self.editor.node is not None:
            return (ui.node_text_edit.toPlainText(), ui.appendix_lead_edit.text())
        if self.editor.task is not None:
            return (
                ui.task_title_edit.toPlainText(),
                tuple(self.products_model.stringList()),
                self.agency_model.choices(),
                ui.timeline_edit.toPlainText(),
                ui.note_edit.toPlainText(),
                self.milestone_model.overrides(),
            )
        return None

    def take_snapshot(self) -> None:
        self.snapshot = self.state()

    def dirty(self) -> bool:
        return self.state() != self.snapshot

    def _on_timeline_edited(self) -> None:
        if not self.editor.loading:
            self._preview_timer.start()
            self.editor.on_edited()

    def stop_preview(self) -> None:
        self._preview_timer.stop()

    def preview_milestones(self) -> None:
        """Parse the timeline on screen and show its milestones (confirmed ones stay)."""
        self._preview_timer.stop()
        task = self.editor.task
        if task is None:
            return
        parsed: list[Milestone] = task_service.preview_milestones(
            self.editor.ui.timeline_edit.toPlainText(),
            task.plan_year,
            task.decision_date,
            self._reporting_rules,
        )
        for stored in self._stored_milestones:
            if stored.milestone.confirmed and stored.ord < len(parsed):
                parsed[stored.ord] = stored.milestone
        self.milestone_model.set_milestones(parsed)
        self.editor.on_edited()

    # ------------------------------------------------------------------ saving

    def task_edit(self) -> TaskEdit:
        ui = self.editor.ui
        return TaskEdit(
            title=ui.task_title_edit.toPlainText(),
            products=tuple(self.products_model.stringList()),
            agencies=self.agency_model.choices(),
            timeline=ui.timeline_edit.toPlainText(),
            note=ui.note_edit.toPlainText(),
            overrides=self.milestone_model.overrides(),
        )

    def save(self) -> None:
        editor = self.editor
        ctx, ui = editor.ctx, editor.ui
        db, author = ctx.db, ctx.author
        if editor.node is not None:
            node = editor.node
            text = ui.node_text_edit.toPlainText()
            lead = ui.appendix_lead_edit.text()
            run_undoable(
                editor.undo_stack,
                ctx,
                editor.ops,
                f"sửa {ui.title_label.text()}",
                lambda: task_service.save_node(
                    db, node, text=text, lead_agency=lead, author=author
                ),
            )
            editor.node = task_service.load_node(db, node.table, node.id)
        elif editor.task is not None:
            task = editor.task
            edit = self.task_edit()
            run_undoable(
                editor.undo_stack,
                ctx,
                editor.ops,
                f"sửa nhiệm vụ {task.ref}",
                lambda: task_service.save_task(db, task.id, edit, author=author),
            )
            editor.task = task_service.load_task(db, task.id)
            self._stored_milestones = list(editor.task.milestones)
            self._show_review(editor.task)
        self.snapshot = self.state()

    # ------------------------------------------------------------------ lists

    def add_product(self) -> None:
        row = self.products_model.rowCount()
        self.products_model.insertRows(row, 1)
        index = self.products_model.index(row)
        self.editor.ui.products_view.setCurrentIndex(index)
        self.editor.ui.products_view.edit(index)

    def remove_product(self) -> None:
        index = self.editor.ui.products_view.currentIndex()
        if index.isValid():
            self.products_model.removeRows(index.row(), 1)

    def add_agencies(self) -> None:
        editor = self.editor
        if editor.task is None:
            return
        from cchc_desktop.ui.agency_dialogs import AgencyPickerDialog

        has_lead = any(i.role is AgencyRole.LEAD for i in self.agency_model.items())
        role = AgencyRole.COORDINATING if has_lead else AgencyRole.LEAD
        for picked in AgencyPickerDialog.ask(editor.ctx, editor.ops, editor, role=role):
            self.agency_model.add(
                AgencyItem(picked.agency_id, picked.name, picked.role, "", picked.needs_review)
            )

    def remove_agency(self) -> None:
        index = self.editor.ui.agencies_view.currentIndex()
        if index.isValid():
            self.agency_model.remove(index.row())
