"""The window's plan-building actions: Tệp → Kế hoạch mới…, and the Kế hoạch menu (the decision,
adding parts, items, paragraphs, appendices and tasks, Lên/Xuống, amendments, cancelling a
task), drag-and-drop in the tree, and removing any node.

Every write is one undoable step through `run_undoable` and the structure, header and
amendment services; the tree reloads from the Changes it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
)

from cchc_desktop.domain.model import NodeKind
from cchc_desktop.errors import CchcError
from cchc_desktop.qt.undo import run_undoable
from cchc_desktop.services import (
    amendment_service,
    node_structure,
    plan_service,
    structure_service,
)
from cchc_desktop.services.tree_service import APPENDIX, PLAN_NODE, TASK, NodeRef, TreeRow
from cchc_desktop.store.changes import Changes

if TYPE_CHECKING:
    from cchc_desktop.ui.main_window import MainWindow

_KIND_NAMES = {
    NodeKind.PART: "phần",
    NodeKind.ITEM: "mục",
    NodeKind.PARAGRAPH: "đoạn văn",
    NodeKind.APPENDIX: "phụ lục",
    NodeKind.TASK: "nhiệm vụ",
}


class StructureActions(QObject):
    """Builds the actions into `window`'s menus and carries them out."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.ctx = window.ctx
        ui = window.ui

        def action(text: str, slot: Callable[[], object], tip: str, keys: str = "") -> QAction:
            made = QAction(text, window)
            made.setToolTip(tip)
            made.setStatusTip(tip)
            if keys:
                made.setShortcut(QKeySequence(keys))
                made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            made.triggered.connect(lambda _checked=False: slot())
            window.addAction(made)
            return made

        self.action_new_plan = action(
            "Kế hoạch &mới…",
            self.new_plan,
            "Tạo kế hoạch trống cho một năm, phần quyết định lấy theo thông tin cơ quan",
            "Ctrl+Shift+N",
        )
        self.action_export_word = action(
            "Xuất &Word…",
            self.export_word,
            "Ghi kế hoạch ra tệp Word (.docx) theo thể thức Nghị định 30 để lãnh đạo góp ý",
        )
        self.action_header = action(
            "&Quyết định ban hành kế hoạch…",
            self.edit_header,
            "Sửa số, ngày, người ký, trích yếu và nội dung quyết định ban hành kế hoạch",
        )
        self.action_add_part = action(
            "Thêm &phần…", lambda: self.add_node(NodeKind.PART), "Thêm một phần (I, II, …)"
        )
        self.action_add_item = action(
            "Thêm &mục…",
            lambda: self.add_node(NodeKind.ITEM),
            "Thêm mục được đánh số vào phần hoặc mục đang chọn",
        )
        self.action_add_paragraph = action(
            "Thêm đ&oạn văn…",
            lambda: self.add_node(NodeKind.PARAGRAPH),
            "Thêm một đoạn văn vào phần, mục đang chọn (hoặc sau đoạn đang chọn)",
        )
        self.action_add_appendix = action(
            "Thêm p&hụ lục…",
            self.add_appendix,
            "Thêm phụ lục (bảng nhiệm vụ) sau phụ lục đang chọn",
        )
        self.action_add_task = action(
            "Thêm &nhiệm vụ…",
            self.add_task,
            "Thêm nhiệm vụ vào phụ lục đang chọn (sau nhiệm vụ đang chọn) rồi điền chi tiết",
            "Ctrl+Shift+T",
        )
        self.action_up = action("&Lên", lambda: self.shift(-1), "Chuyển lên một vị trí", "Alt+Up")
        self.action_down = action(
            "X&uống", lambda: self.shift(1), "Chuyển xuống một vị trí", "Alt+Down"
        )
        self.action_amend = action(
            "Điều chỉnh, &bổ sung…",
            self.amend,
            "Ghi quyết định điều chỉnh, bổ sung kế hoạch; các thay đổi sau đó ghi theo quyết định",
        )
        self.action_cancel_task = action(
            "Bãi bỏ nhiệm &vụ…",
            self.cancel_task,
            "Bãi bỏ nhiệm vụ đang chọn theo quyết định điều chỉnh đang áp dụng",
        )

        self.menu = QMenu("&Kế hoạch", window)
        self.menu.addAction(self.action_header)
        self.menu.addSeparator()
        for made in (
            self.action_add_part,
            self.action_add_item,
            self.action_add_paragraph,
            self.action_add_appendix,
            self.action_add_task,
        ):
            self.menu.addAction(made)
        self.menu.addSeparator()
        self.menu.addActions([self.action_up, self.action_down, ui.action_delete])
        self.menu.addSeparator()
        self.menu.addActions([self.action_amend, self.action_cancel_task])
        window.menuBar().insertMenu(ui.menu_catalog.menuAction(), self.menu)
        ui.menu_file.insertAction(ui.action_import_plan, self.action_new_plan)
        # Xuất Word… after the plan-making entries (import, next year's draft).
        file_actions = ui.menu_file.actions()
        after = file_actions.index(ui.action_next_year) + 1
        if after < len(file_actions):
            ui.menu_file.insertAction(file_actions[after], self.action_export_word)
        else:
            ui.menu_file.addAction(self.action_export_word)

        view = ui.tree_view
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        window.model.move_requested.connect(self.move)
        view.activated.connect(self._on_activated)
        window.node_selected.connect(lambda _ref: self.update_enabled())
        window.plan_changed.connect(lambda _plan: self.update_enabled())
        # A restore or a network joined: after the window has reopened the database.
        window.ops.reset.connect(lambda: QTimer.singleShot(0, self, self.update_enabled))
        self.update_enabled()

    # ------------------------------------------------------------------ state

    def _row(self) -> TreeRow | None:
        index = self.w.ui.tree_view.currentIndex()
        row = self.w.proxy.mapToSource(index) if index.isValid() else index
        return self.w.model.row_at(row) if row.isValid() else None

    def update_enabled(self) -> None:
        writable = not self.ctx.read_only and structure_service.may_edit_plans(self.ctx.db)
        has_plan = self.w.model.plan_id is not None
        row = self._row()
        kind = row.kind if row is not None and row.ref == self.w.current_ref() else None
        self.action_new_plan.setEnabled(writable)
        self.action_header.setEnabled(has_plan)
        self.action_export_word.setEnabled(has_plan)
        self.action_add_part.setEnabled(writable and has_plan)
        self.action_add_item.setEnabled(writable and kind in (NodeKind.PART, NodeKind.ITEM))
        self.action_add_paragraph.setEnabled(
            writable and kind in (NodeKind.PART, NodeKind.ITEM, NodeKind.PARAGRAPH)
        )
        self.action_add_appendix.setEnabled(writable and has_plan)
        self.action_add_task.setEnabled(writable and kind in (NodeKind.APPENDIX, NodeKind.TASK))
        movable = writable and kind is not None and kind is not NodeKind.DECISION
        self.action_up.setEnabled(movable)
        self.action_down.setEnabled(movable)
        self.action_amend.setEnabled(writable and has_plan)
        self.action_cancel_task.setEnabled(writable and kind is NodeKind.TASK)

    # ------------------------------------------------------------------ writing

    def _run(self, text: str, mutation: Callable[[], Changes], failed: str) -> bool:
        try:
            run_undoable(self.w.undo_stack, self.ctx, self.w.ops, text, mutation)
        except CchcError as exc:
            self.w.show_error(failed, exc)
            return False
        return True

    def _create(self, text: str, create: Callable[[], node_structure.Created]) -> str | None:
        made: list[str] = []

        def mutation() -> Changes:
            created = create()
            made.append(created.id)
            return created.changes

        return made[0] if self._run(text, mutation, "Không thêm được") and made else None

    def _ask_text(self, title: str, label: str, *, multiline: bool = False) -> str | None:
        if multiline:
            text, ok = QInputDialog.getMultiLineText(self.w, title, label)
        else:
            text, ok = QInputDialog.getText(self.w, title, label)
        return text if ok and text.strip() else None

    def new_plan(self) -> None:
        """Tệp → Kế hoạch mới…: an empty plan for a year, then its decision header."""
        if not self.w.confirm_leave():
            return
        years = [p.year for p in plan_service.list_plans(self.ctx.db)]
        default = max(years) + 1 if years else self.ctx.today().year
        year, ok = QInputDialog.getInt(
            self.w, "Kế hoạch mới", "Năm của kế hoạch:", default, 2000, 2100
        )
        if not ok:
            return
        plan = self._create(
            "tạo kế hoạch mới",
            lambda: structure_service.new_plan(self.ctx.db, year, author=self.ctx.author),
        )
        if plan is None:
            return
        self.w.reload_plans()
        combo = self.w.ui.plan_combo
        combo.setCurrentIndex(max(combo.findData(plan), 0))
        self.edit_header()

    def export_word(self) -> None:
        """Tệp → Xuất Word…: the selected plan as a .docx the leaders can comment on."""
        from cchc_desktop.reports.docx_export import export_plan_docx
        from cchc_desktop.services import settings_service

        plan_id, year = self.w.model.plan_id, self.w.plan_year()
        if plan_id is None or year is None:
            return
        start = Path.home()
        name, _ = QFileDialog.getSaveFileName(
            self.w,
            "Xuất kế hoạch ra tệp Word",
            str(start / f"ke-hoach-cchc-{year}.docx"),
            "Tài liệu Word (*.docx)",
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".docx") else Path(name + ".docx")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan = plan_service.load_plan(self.ctx.db, plan_id)
            office = settings_service.load_office_settings(self.ctx.db)
            export_plan_docx(plan, office, path)
        except CchcError as exc:
            self.w.show_error("Không xuất được tệp Word", exc)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.w.ui.status_bar.showMessage(f"Đã ghi kế hoạch năm {year} ra {path}.", 10000)

    def edit_header(self) -> None:
        from cchc_desktop.ui.plan_header_dialog import PlanHeaderDialog

        plan = self.w.model.plan_id
        if plan is not None and self.w.confirm_leave():
            PlanHeaderDialog.ask(self.ctx, self.w.ops, self.w.undo_stack, plan, self.w)

    def _on_activated(self, index: object) -> None:
        row = self._row()
        if row is not None and row.kind is NodeKind.DECISION:
            self.edit_header()

    def add_node(self, kind: NodeKind) -> None:
        plan = self.w.model.plan_id
        if plan is None or not self.w.confirm_leave():
            return
        row = self._row()
        parent: str | None = None
        index: int | None = None
        if kind is not NodeKind.PART and row is not None and row.ref.table == PLAN_NODE:
            if row.kind is NodeKind.PARAGRAPH or (kind is NodeKind.ITEM and row.kind is kind):
                parent, index = self._sibling_place(row.ref.id)
            else:
                parent = row.ref.id
        elif kind is NodeKind.PART and row is not None and row.kind is NodeKind.PART:
            parent, index = self._sibling_place(row.ref.id)
        text = self._ask_text(
            f"Thêm {_KIND_NAMES[kind]}",
            "Nội dung:" if kind is NodeKind.PARAGRAPH else "Tiêu đề:",
            multiline=kind is NodeKind.PARAGRAPH,
        )
        if text is None:
            return
        made = self._create(
            f"thêm {_KIND_NAMES[kind]}",
            lambda: node_structure.add_node(
                self.ctx.db, plan, parent, kind, text, index=index, author=self.ctx.author
            ),
        )
        if made is not None:
            self.w.select_ref(NodeRef(PLAN_NODE, made))

    def _sibling_place(self, node_id: str) -> tuple[str | None, int]:
        return node_structure.sibling_place(self.ctx.db, node_id)

    def add_appendix(self) -> None:
        plan = self.w.model.plan_id
        if plan is None or not self.w.confirm_leave():
            return
        row = self._row()
        index = None
        if row is not None and row.kind is NodeKind.APPENDIX:
            index = int(row.number)  # after the selected one (numbers start at 1)
        title = self._ask_text("Thêm phụ lục", "Tên phụ lục (lĩnh vực):")
        if title is None:
            return
        made = self._create(
            "thêm phụ lục",
            lambda: structure_service.add_appendix(
                self.ctx.db, plan, title, index=index, author=self.ctx.author
            ),
        )
        if made is not None:
            self.w.select_ref(NodeRef(APPENDIX, made))

    def add_task(self) -> None:
        """A new task after the selected one (or last in the selected appendix); the editor
        then shows it with the title field focused, to fill in the rest and save."""
        row = self._row()
        if row is None or row.kind not in (NodeKind.APPENDIX, NodeKind.TASK):
            return
        if not self.w.confirm_leave():
            return
        db = self.ctx.db
        index: int | None = None
        if row.kind is NodeKind.TASK:
            appendix = structure_service.task_appendix(db, row.ref.id)
            index = structure_service.task_index(db, row.ref.id) + 1
        else:
            appendix = row.ref.id
        title = self._ask_text("Thêm nhiệm vụ", "Tên nhiệm vụ:")
        if title is None:
            return
        made = self._create(
            "thêm nhiệm vụ",
            lambda: structure_service.add_task(
                db,
                appendix,
                structure_service.NewTask(title=title),
                index=index,
                author=self.ctx.author,
            ),
        )
        if made is not None and self.w.select_ref(NodeRef(TASK, made)):
            # After the title dialog has handed focus back: the clerk goes on typing here.
            title_edit = self.w.editor.ui.task_title_edit
            QTimer.singleShot(0, title_edit, lambda: title_edit.setFocus())

    def shift(self, step: int) -> None:
        """Lên / Xuống: the selected node one place up or down among its siblings."""
        row = self._row()
        if row is None or row.kind is NodeKind.DECISION or not self.w.confirm_leave():
            return
        db, author, ref = self.ctx.db, self.ctx.author, row.ref

        def mutation() -> Changes:
            return structure_service.shift(db, ref.table, ref.id, step, author=author)

        word = "lên" if step < 0 else "xuống"
        if self._run(f"chuyển {_KIND_NAMES[row.kind]} {word}", mutation, "Không chuyển được"):
            self.w.select_ref(ref)

    def move(self, ref: NodeRef, parent: NodeRef | None, index: int) -> None:
        """A drop in the tree: the node to `index` under `parent` (None: the top level)."""
        if self.ctx.read_only or not self.w.confirm_leave():
            return
        db, author = self.ctx.db, self.ctx.author
        if ref.table == TASK and parent is not None:
            mutation: Callable[[], Changes] = lambda: structure_service.move_task(  # noqa: E731
                db, ref.id, parent.id, index, author=author
            )
            text = "chuyển nhiệm vụ"
        elif ref.table == APPENDIX:
            mutation = lambda: structure_service.move_appendix(db, ref.id, index, author=author)  # noqa: E731
            text = "chuyển phụ lục"
        else:
            target = parent.id if parent is not None else None
            mutation = lambda: node_structure.move_node(  # noqa: E731
                db, ref.id, target, index, author=author
            )
            text = "chuyển phần, mục"
        if self._run(text, mutation, "Không chuyển được"):
            self.w.select_ref(ref)

    def remove(self, ref: NodeRef) -> None:
        """Delete (Del) on a tree node: ask, naming what goes with it; undo brings it back."""
        row = self._row()
        if row is None or row.ref != ref or self.ctx.read_only or row.kind is NodeKind.DECISION:
            return
        db, author = self.ctx.db, self.ctx.author
        what = _KIND_NAMES[row.kind]
        summary = structure_service.removal_summary(db, ref.table, ref.id)
        answer = QMessageBox.question(
            self.w,
            f"Xoá {what}",
            f"Xoá {what} “{row.title[:200]}” khỏi kế hoạch?\n{summary}\nCó thể hoàn tác (Ctrl+Z).",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(
            f"xoá {what}",
            lambda: structure_service.remove(db, ref.table, ref.id, author=author),
            "Không xoá được",
        )

    # ------------------------------------------------------------------ amendments

    def amend(self) -> None:
        from cchc_desktop.ui.amendment_dialog import AmendmentDialog

        plan = self.w.model.plan_id
        if plan is None or not self.w.confirm_leave():
            return
        recorded = AmendmentDialog.ask(self.ctx, self.w.ops, self.w.undo_stack, plan, self.w)
        if recorded is not None:
            self.w.ui.status_bar.showMessage(
                f"Đã ghi {recorded.label}: nhiệm vụ thêm, sửa, bãi bỏ từ nay ghi theo quyết định "
                "này.",
                10000,
            )

    def cancel_task(self) -> None:
        row = self._row()
        plan = self.w.model.plan_id
        if row is None or row.kind is not NodeKind.TASK or plan is None:
            return
        current = amendment_service.current(self.ctx.db, plan)
        if current is None:
            QMessageBox.information(
                self.w,
                "Bãi bỏ nhiệm vụ",
                "Nhiệm vụ chỉ bị bãi bỏ theo một quyết định điều chỉnh, bổ sung kế hoạch. "
                "Hãy ghi quyết định đó trước (Kế hoạch → Điều chỉnh, bổ sung…).",
            )
            return
        answer = QMessageBox.question(
            self.w,
            "Bãi bỏ nhiệm vụ",
            f"Bãi bỏ nhiệm vụ {row.number} “{row.title[:200]}” theo {current.label}?\n"
            "Nhiệm vụ vẫn hiện trong kế hoạch (gạch ngang), giữ lịch sử và tiến độ đã báo cáo, "
            "nhưng không còn tính quá hạn và không vào báo cáo các kỳ sau.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, author, ref = self.ctx.db, self.ctx.author, row.ref
        self._run(
            "bãi bỏ nhiệm vụ",
            lambda: amendment_service.cancel_task(db, ref.id, author=author),
            "Không bãi bỏ được",
        )
