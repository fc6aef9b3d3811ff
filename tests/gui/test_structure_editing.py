"""Building a plan in the window with real events: drag a task to another appendix, undo, redo;
add a task, fill it, save; Lên/Xuống by keyboard; delete asks; amend and cancel a task; the
decision header finishes a draft."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.qtmodels.roles import REF_ROLE
from cchc_desktop.services import plan_service
from cchc_desktop.services.progress_service import find_task
from cchc_desktop.services.tree_service import APPENDIX, TASK, NodeRef
from cchc_desktop.ui.main_window import MainWindow
from cchc_desktop.ui.unsaved_dialog import UnsavedChoice, UnsavedDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")


@pytest.fixture
def window(qtbot: QtBot, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(
        UnsavedDialog, "ask", classmethod(lambda _c, _p, _w="": UnsavedChoice.DISCARD)
    )
    w = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    return w


def plan_id(ctx: AppContext) -> str:
    return plan_service.plan_for_year(ctx.db, 2020).id


def titles(ctx: AppContext, appendix: int) -> list[str]:
    plan = plan_service.load_plan(ctx.db, plan_id(ctx))
    return [t.title for t in plan.appendices[appendix - 1].tasks]


def proxy_index_of(window: MainWindow, ref: NodeRef):  # type: ignore[no-untyped-def]
    source = window.model.locate_task(ref.id) if ref.table == TASK else None
    if source is None:
        source = window.model.index_of_ref(ref)
    return window.proxy.mapFromSource(source)


def type_text(widget: QWidget, text: str) -> None:
    """Key events carrying `text` (QTest.keyClicks only knows ASCII; Vietnamese needs more)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def answer_next_dialog(qtbot: QtBot, text: str | None = None, *, yes: bool = True) -> None:
    """When the next modal dialog opens, type `text` into it and press Enter (or answer a
    question box), with key events."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        if isinstance(dialog, QMessageBox):
            button = dialog.button(
                QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
            )
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return
        if text is not None:
            edit = dialog.findChild(QLineEdit)
            assert edit is not None
            type_text(edit, text)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    QTimer.singleShot(0, act)


def drop(window: MainWindow, dragged: NodeRef, onto: NodeRef) -> None:
    """Drop `dragged` onto the row of `onto` through the view's own drop handling."""
    view = window.ui.tree_view
    source = proxy_index_of(window, dragged)
    target = proxy_index_of(window, onto)
    view.scrollTo(target)
    data: QMimeData = window.proxy.mimeData([source])
    rect = view.visualRect(target)
    point = QPoint(rect.center())
    args = (
        point.toPointF(),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    for event in (QDragEnterEvent(*args), QDragMoveEvent(*args)):
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted(), "the tree accepts the dragged task over this row"
    event = QDropEvent(*args)
    QApplication.sendEvent(view.viewport(), event)


def test_drag_a_task_to_another_appendix_then_undo_and_redo(
    qtbot: QtBot, window: MainWindow, seed_ctx: AppContext
) -> None:
    pid = plan_id(seed_ctx)
    task = find_task(seed_ctx.db, pid, "1.2")
    moved_title = titles(seed_ctx, 1)[1]
    before_1, before_3 = titles(seed_ctx, 1), titles(seed_ctx, 3)
    window.expand_appendices()
    target = NodeRef(TASK, find_task(seed_ctx.db, pid, "3.2"))
    drop(window, NodeRef(TASK, task), target)
    qtbot.waitUntil(lambda: len(titles(seed_ctx, 3)) == 4)
    after_3 = titles(seed_ctx, 3)
    assert moved_title in after_3
    assert titles(seed_ctx, 1) == [t for t in before_1 if t != moved_title]
    assert find_task(seed_ctx.db, pid, f"3.{after_3.index(moved_title) + 1}") == task
    # The tree shows the new numbers.
    index = proxy_index_of(window, NodeRef(TASK, task))
    assert index.parent().data(REF_ROLE).table == APPENDIX
    assert index.parent().data().startswith("03")
    assert window.undo_stack.undoText() == "chuyển nhiệm vụ"

    qtbot.keyClick(window.ui.tree_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(seed_ctx, 1) == before_1
    assert titles(seed_ctx, 3) == before_3
    assert find_task(seed_ctx.db, pid, "1.2") == task
    qtbot.keyClick(window.ui.tree_view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert titles(seed_ctx, 3) == after_3


def test_add_a_task_fill_it_and_save(
    qtbot: QtBot, window: MainWindow, seed_ctx: AppContext
) -> None:
    pid = plan_id(seed_ctx)
    window.expand_appendices()
    assert window.select_ref(NodeRef(TASK, find_task(seed_ctx.db, pid, "2.3")))
    answer_next_dialog(qtbot, "Số hoá hồ sơ một cửa")
    qtbot.keyClick(
        window.ui.tree_view,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    added = find_task(seed_ctx.db, pid, "2.4")
    assert titles(seed_ctx, 2)[3] == "Số hoá hồ sơ một cửa"
    assert len(titles(seed_ctx, 2)) == 9
    editor = window.editor
    assert editor.ref == NodeRef(TASK, added)
    qtbot.waitUntil(lambda: window.focusWidget() is editor.ui.task_title_edit)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    editor.ui.timeline_edit.setFocus()
    type_text(editor.ui.timeline_edit, "Quý III/2020")
    assert editor.is_dirty()
    qtbot.keyClick(editor.ui.timeline_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert seed_ctx.db.execute(
        "SELECT t.timeline, m.due FROM task t JOIN milestone m ON m.task_id = t.id"
        " WHERE t.id = ? AND m.deleted = 0",
        [added],
    ).fetchall() == [("Quý III/2020", "2020-09-30")]
    # Undo twice: the timeline, then the addition itself.
    window.action_undo.trigger()
    window.action_undo.trigger()
    assert len(titles(seed_ctx, 2)) == 8
    assert "Số hoá hồ sơ một cửa" not in titles(seed_ctx, 2)


def test_alt_up_moves_a_task_and_delete_asks_naming_what_goes(
    qtbot: QtBot, window: MainWindow, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = plan_id(seed_ctx)
    window.expand_appendices()
    task = find_task(seed_ctx.db, pid, "4.3")
    third = titles(seed_ctx, 4)[2]
    assert window.select_ref(NodeRef(TASK, task))
    window.ui.tree_view.setFocus()
    qtbot.keyClick(window.ui.tree_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(seed_ctx, 4)[1] == third
    assert find_task(seed_ctx.db, pid, "4.2") == task
    assert window.current_ref() == NodeRef(TASK, task)

    asked: list[str] = []

    def question(_parent: object, title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    appendix = window.model.index_of_ref(NodeRef(APPENDIX, plan_service_appendix(seed_ctx, pid, 4)))
    window.select_ref(window.model.row_at(appendix).ref)  # type: ignore[union-attr]
    window.ui.tree_view.setFocus()
    qtbot.keyClick(window.ui.tree_view, Qt.Key.Key_Delete)
    assert "Đi kèm phụ lục: 6 nhiệm vụ" in asked[0]
    assert [a.number for a in plan_service.load_plan(seed_ctx.db, pid).appendices] == list(
        range(1, 7)
    )
    window.action_undo.trigger()
    assert len(plan_service.load_plan(seed_ctx.db, pid).appendices) == 7


def plan_service_appendix(ctx: AppContext, pid: str, number: int) -> str:
    from cchc_desktop.services.structure_service import find_appendix

    return find_appendix(ctx.db, pid, number)


def test_amend_then_cancel_a_task_shows_it_struck_through(
    qtbot: QtBot, window: MainWindow, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_desktop.ui.amendment_dialog import AmendmentDialog

    pid = plan_id(seed_ctx)
    dialog = AmendmentDialog(seed_ctx, window.ops, window.undo_stack, pid, window)
    qtbot.addWidget(dialog)
    type_text(dialog.ui.number_edit, "45/QĐ-UBND")
    dialog.ui.date_edit.setDate(dt.date(2020, 4, 2))
    type_text(dialog.ui.summary_edit, "Bãi bỏ nhiệm vụ 5.1")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.recorded is not None

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    window.expand_appendices()
    task = find_task(seed_ctx.db, pid, "5.1")
    assert window.select_ref(NodeRef(TASK, task))
    window.structure.action_cancel_task.trigger()
    index = proxy_index_of(window, NodeRef(TASK, task))
    assert index.siblingAtColumn(4).data() == "Đã bãi bỏ"
    assert index.siblingAtColumn(1).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert "Đã bãi bỏ theo QĐ 45/QĐ-UBND ngày 02/04/2020" in index.siblingAtColumn(1).data(
        Qt.ItemDataRole.ToolTipRole
    )
    # The editor says so too (the task stays selected and is read again).
    assert window.current_ref() == NodeRef(TASK, task)
    label = window.editor.ui.review_label
    assert not label.isHidden()
    assert label.text().startswith("Đã bãi bỏ theo QĐ 45/QĐ-UBND ngày 02/04/2020: nhiệm vụ")


def test_new_plan_and_its_header(
    qtbot: QtBot, window: MainWindow, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_desktop.ui.plan_header_dialog import PlanHeaderDialog

    monkeypatch.setattr(QInputDialog, "getInt", lambda *_a, **_k: (2022, True))
    opened: list[str] = []
    monkeypatch.setattr(
        PlanHeaderDialog, "ask", classmethod(lambda _c, _x, _o, _u, plan, _p: opened.append(plan))
    )
    window.structure.action_new_plan.trigger()
    new = plan_service.plan_for_year(seed_ctx.db, 2022).id
    assert window.model.plan_id == new
    assert opened == [new]

    dialog = PlanHeaderDialog(seed_ctx, window.ops, window.undo_stack, new, window)
    qtbot.addWidget(dialog)
    assert "còn thiếu" in dialog.ui.error_label.text()
    type_text(dialog.ui.number_edit, "3/QĐ-UBND")
    dialog.ui.undated_check.setChecked(False)
    dialog.ui.date_edit.setDate(dt.date(2022, 1, 4))
    dialog.ui.body_edit.setFocus()
    type_text(dialog.ui.body_edit, "Căn cứ Luật Tổ chức chính quyền địa phương;")
    dialog.accept()
    plan = plan_service.load_plan(seed_ctx.db, new)
    assert (plan.decision.number, plan.decision.date) == ("3/QĐ-UBND", dt.date(2022, 1, 4))
    assert [n.text for n in plan.decision.body] == ["Căn cứ Luật Tổ chức chính quyền địa phương;"]
    assert window.undo_stack.undoText() == "sửa quyết định ban hành kế hoạch"


def test_export_word_from_the_file_menu_reads_back(
    window: MainWindow, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from cchc_desktop.services.plan_import_service import read_source

    target = tmp_path / "ke-hoach"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    actions = window.ui.menu_file.actions()
    assert actions.index(window.structure.action_export_word) == (
        actions.index(window.ui.action_next_year) + 1
    )
    window.structure.action_export_word.trigger()
    written = tmp_path / "ke-hoach.docx"
    assert written.exists()
    back = read_source(written).parsed
    assert back.decision.number == "6320/QĐ-UBND"
    assert [len(a.tasks) for a in back.appendices] == [6, 8, 3, 6, 4, 6, 4]
    assert str(written) in window.ui.status_bar.currentMessage()


def test_drag_an_item_into_another_part_renumbers_both(
    qtbot: QtBot, window: MainWindow, seed_ctx: AppContext
) -> None:
    from cchc_desktop.services.tree_service import PLAN_NODE

    pid = plan_id(seed_ctx)

    def node(number: str, kind: str, parent_number: str | None) -> str:
        return str(
            seed_ctx.db.execute(
                "SELECT n.id FROM plan_node n LEFT JOIN plan_node p ON p.id = n.parent_id"
                " WHERE n.plan_id = ? AND n.deleted = 0 AND n.kind = ? AND n.number = ?"
                " AND (p.number IS ? OR p.number = ?)",
                [pid, kind, number, parent_number, parent_number],
            ).fetchone()[0]
        )

    goal = node("1", "item", "I")  # "1. Mục tiêu" of part I
    part_four = node("IV", "part", None)
    window.ui.tree_view.expand(proxy_index_of(window, NodeRef(PLAN_NODE, node("I", "part", None))))
    drop(window, NodeRef(PLAN_NODE, goal), NodeRef(PLAN_NODE, part_four))
    qtbot.waitUntil(lambda: window.undo_stack.undoText() == "chuyển phần, mục")
    parts = plan_service.load_plan(seed_ctx.db, pid).parts
    assert [(c.number, c.text) for c in parts[0].children if c.kind.value == "item"] == [
        ("1", "Yêu cầu")
    ]
    assert (parts[3].children[-1].number, parts[3].children[-1].text) == ("4", "Mục tiêu")
    window.action_undo.trigger()
    parts = plan_service.load_plan(seed_ctx.db, pid).parts
    assert [c.text for c in parts[0].children if c.kind.value == "item"] == ["Mục tiêu", "Yêu cầu"]


def test_add_an_appendix_after_the_selected_one_and_a_part(
    qtbot: QtBot, window: MainWindow, seed_ctx: AppContext
) -> None:
    from cchc_desktop.services.structure_service import find_appendix
    from cchc_desktop.services.tree_service import PLAN_NODE

    pid = plan_id(seed_ctx)
    assert window.select_ref(NodeRef(APPENDIX, find_appendix(seed_ctx.db, pid, 2)))
    answer_next_dialog(qtbot, "Chuyển đổi số")
    window.structure.action_add_appendix.trigger()
    plan = plan_service.load_plan(seed_ctx.db, pid)
    assert [a.title for a in plan.appendices][1:4] == [
        "Cải cách Thủ tục hành chính",
        "Chuyển đổi số",
        "Cải cách tổ chức bộ máy hành chính nhà nước",
    ]
    new = window.current_ref()
    assert new == NodeRef(APPENDIX, find_appendix(seed_ctx.db, pid, 3))
    assert proxy_index_of(window, new).data().startswith("03")

    answer_next_dialog(qtbot, "KẾT QUẢ NĂM TRƯỚC")
    window.structure.action_add_part.trigger()  # nothing of a part selected: the last part
    parts = plan_service.load_plan(seed_ctx.db, pid).parts
    assert [(p.number, p.text) for p in parts][-1] == ("V", "KẾT QUẢ NĂM TRƯỚC")
    assert window.current_ref().table == PLAN_NODE  # type: ignore[union-attr]
    window.action_undo.trigger()
    window.action_undo.trigger()
    plan = plan_service.load_plan(seed_ctx.db, pid)
    assert len(plan.parts) == 4
    assert len(plan.appendices) == 7
