"""Keyboard: Ctrl+F, Ctrl+Z/Ctrl+Y, Ctrl+S, Delete, F5 do what the clerk expects."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.services.tree_service import TASK, NodeRef
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
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    return w


def test_shortcuts_are_bound(window: MainWindow) -> None:
    ui = window.ui
    assert ui.action_find.shortcut() == QKeySequence("Ctrl+F")
    assert ui.action_save.shortcut() == QKeySequence("Ctrl+S")
    assert ui.action_refresh.shortcut() == QKeySequence("F5")
    assert ui.action_import_plan.shortcut() == QKeySequence("Ctrl+O")
    assert ui.action_delete.shortcut() == QKeySequence("Del")
    assert window.action_undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Y") in window.action_redo.shortcuts()


def test_ctrl_f_then_typing_filters(qtbot: QtBot, window: MainWindow) -> None:
    window.ui.action_find.trigger()
    assert window.ui.search_edit.hasFocus() or window.focusWidget() is window.ui.search_edit
    qtbot.keyClicks(window.ui.search_edit, "bao cao")
    window.apply_filter()
    assert 0 < window.proxy.match_count < 37


def test_ctrl_s_saves_and_ctrl_z_undoes(
    qtbot: QtBot, window: MainWindow, seed_ctx: AppContext
) -> None:
    task_id = seed_ctx.db.execute("SELECT id FROM task ORDER BY ord LIMIT 1").fetchone()[0]
    window.select_ref(NodeRef(TASK, task_id))
    editor = window.editor
    editor.ui.note_edit.setFocus()
    qtbot.keyClicks(editor.ui.note_edit, " Da nhac lan 2")
    qtbot.keyClick(editor.ui.note_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    note = seed_ctx.db.execute("SELECT note FROM task WHERE id = ?", [task_id]).fetchone()[0]
    assert note.endswith("Da nhac lan 2")
    window.ui.tree_view.setFocus()
    qtbot.keyClick(window.ui.tree_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    note = seed_ctx.db.execute("SELECT note FROM task WHERE id = ?", [task_id]).fetchone()[0]
    assert not note.endswith("Da nhac lan 2")
    qtbot.keyClick(window.ui.tree_view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    note = seed_ctx.db.execute("SELECT note FROM task WHERE id = ?", [task_id]).fetchone()[0]
    assert note.endswith("Da nhac lan 2")


def test_delete_in_the_tree_removes_the_task_after_asking(
    window: MainWindow, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    task_id = seed_ctx.db.execute("SELECT id FROM task ORDER BY ord LIMIT 1").fetchone()[0]
    window.select_ref(NodeRef(TASK, task_id))
    window.ui.tree_view.setFocus()
    window.ui.action_delete.trigger()
    assert seed_ctx.db.execute("SELECT deleted FROM task WHERE id = ?", [task_id]).fetchone() == (
        1,
    )
    assert window.ui.match_label.text() == "36 nhiệm vụ"
    window.action_undo.trigger()
    assert seed_ctx.db.execute("SELECT deleted FROM task WHERE id = ?", [task_id]).fetchone() == (
        0,
    )
    assert window.ui.match_label.text() == "37 nhiệm vụ"


def test_f5_refreshes_and_keeps_the_selection(window: MainWindow, seed_ctx: AppContext) -> None:
    task_id = seed_ctx.db.execute("SELECT id FROM task ORDER BY ord LIMIT 1").fetchone()[0]
    window.select_ref(NodeRef(TASK, task_id))
    window.ui.action_refresh.trigger()
    assert window.current_ref() == NodeRef(TASK, task_id)
    assert window.ui.status_bar.currentMessage().startswith("Đã làm mới lúc")


def test_a_database_without_a_plan_says_how_to_bring_one_in(qtbot: QtBot, make_db) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.conftest_dialogs import make_ctx

    ctx = make_ctx(make_db, seed=False)
    w = MainWindow(ctx, Operations(), Settings())
    qtbot.addWidget(w)
    w.show()
    hint = w.editor.ui.empty_label.text()
    assert hint.startswith("Chưa có kế hoạch nào.")
    assert "Tệp → Nhập kế hoạch… (Ctrl+O)" in hint
