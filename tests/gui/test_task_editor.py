"""The detail editor inside the main window: edit → save → database and change log; undo;
the unsaved-changes prompt; progress with evidence; live milestones; history."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QMimeData, Qt, QUrl
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.domain.model import WorkState
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.services import evidence_service, progress_service
from cchc_desktop.services.tree_service import TASK, NodeRef
from cchc_desktop.store.evidence_files import blob_path
from cchc_desktop.ui.main_window import MainWindow
from cchc_desktop.ui.task_editor import TAB_HISTORY, TAB_PROGRESS
from cchc_desktop.ui.unsaved_dialog import UnsavedChoice, UnsavedDialog


@pytest.fixture(autouse=True)
def _never_block_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows left with unsaved text are closed at teardown; answer "Không lưu" there."""
    monkeypatch.setattr(
        UnsavedDialog, "ask", classmethod(lambda _c, _p, _w="": UnsavedChoice.DISCARD)
    )


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx, Operations(), Settings())
    qtbot.addWidget(window)
    window.show()
    return window


def _task_id(ctx: AppContext, appendix: int, no: str) -> str:
    row = ctx.db.execute(
        "SELECT t.id FROM task t JOIN appendix a ON a.id = t.appendix_id"
        " WHERE a.number = ? AND t.no = ?",
        [appendix, no],
    ).fetchone()
    return str(row[0])


def _select(window: MainWindow, task_id: str) -> None:
    assert window.select_ref(NodeRef(TASK, task_id))
    assert window.editor.task is not None


def _log(ctx: AppContext, table: str, row_id: str, field: str) -> list[object]:
    return [
        json.loads(v)
        for (v,) in ctx.db.execute(
            "SELECT value FROM change_log WHERE tbl = ? AND row_id = ? AND field = ? ORDER BY seq",
            [table, row_id, field],
        ).fetchall()
    ]


def test_edit_save_reaches_database_change_log_and_tree_then_undo_restores(
    qtbot: QtBot, seed_ctx: AppContext
) -> None:
    window = _window(qtbot, seed_ctx)
    task_id = _task_id(seed_ctx, 1, "2")
    _select(window, task_id)
    editor = window.editor
    old_title = editor.ui.task_title_edit.toPlainText()
    editor.ui.task_title_edit.setPlainText("Ban hành Kế hoạch theo dõi thi hành pháp luật năm 2020")
    assert editor.is_dirty()
    assert window.ui.action_save.isEnabled()
    window.ui.action_save.trigger()
    assert not editor.is_dirty()
    stored = seed_ctx.db.execute("SELECT title FROM task WHERE id = ?", [task_id]).fetchone()[0]
    assert stored == "Ban hành Kế hoạch theo dõi thi hành pháp luật năm 2020"
    assert _log(seed_ctx, "task", task_id, "title")[-1] == stored
    author = seed_ctx.db.execute(
        "SELECT author FROM change_log WHERE tbl = 'task' AND row_id = ? ORDER BY seq DESC",
        [task_id],
    ).fetchone()[0]
    assert author == "Cán bộ kiểm thử"
    index = window.model.index_of_ref(NodeRef(TASK, task_id))
    assert index.siblingAtColumn(1).data() == stored

    window.action_undo.trigger()
    restored = seed_ctx.db.execute("SELECT title FROM task WHERE id = ?", [task_id]).fetchone()[0]
    assert restored == old_title
    assert editor.ui.task_title_edit.toPlainText() == old_title  # the clean editor reloaded
    assert window.model.index_of_ref(NodeRef(TASK, task_id)).siblingAtColumn(1).data() == old_title
    assert _log(seed_ctx, "task", task_id, "title")[-1] == old_title  # undo is logged too
    window.action_redo.trigger()
    assert editor.ui.task_title_edit.toPlainText() == stored


def test_validation_keeps_the_text_and_says_why(qtbot: QtBot, seed_ctx: AppContext) -> None:
    window = _window(qtbot, seed_ctx)
    _select(window, _task_id(seed_ctx, 1, "1"))
    editor = window.editor
    editor.ui.task_title_edit.setPlainText("   ")
    assert not editor.save()
    assert editor.ui.validation_label.text() == "Tên nhiệm vụ không được để trống."
    assert editor.is_dirty()


@pytest.mark.parametrize(
    ("choice", "moves", "saved"),
    [
        (UnsavedChoice.CANCEL, False, False),
        (UnsavedChoice.DISCARD, True, False),
        (UnsavedChoice.SAVE, True, True),
    ],
)
def test_leaving_an_edited_task_asks_save_discard_cancel(
    qtbot: QtBot,
    seed_ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    choice: UnsavedChoice,
    moves: bool,
    saved: bool,
) -> None:
    asked: list[str] = []

    def fake_ask(_cls: type, _parent: object, what: str = "") -> UnsavedChoice:
        asked.append(what)
        return choice

    monkeypatch.setattr(UnsavedDialog, "ask", classmethod(fake_ask))
    window = _window(qtbot, seed_ctx)
    first, second = _task_id(seed_ctx, 1, "1"), _task_id(seed_ctx, 1, "3")
    _select(window, first)
    window.editor.ui.note_edit.setPlainText("Ghi chú đang gõ dở")
    window.select_ref(NodeRef(TASK, second))
    assert asked == ["Đang sửa: Nhiệm vụ 1.1 – Phụ lục 01"]
    assert window.editor.ref == NodeRef(TASK, second if moves else first)
    if not moves:
        assert window.editor.ui.note_edit.toPlainText() == "Ghi chú đang gõ dở"
        assert window.ui.tree_view.currentIndex().data(0x0100 + 2) == NodeRef(TASK, first)
    note = seed_ctx.db.execute("SELECT note FROM task WHERE id = ?", [first]).fetchone()[0]
    assert (note == "Ghi chú đang gõ dở") is saved


def test_closing_the_window_with_unsaved_text_can_be_cancelled(
    qtbot: QtBot, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        UnsavedDialog, "ask", classmethod(lambda _c, _p, _w="": UnsavedChoice.CANCEL)
    )
    window = _window(qtbot, seed_ctx)
    _select(window, _task_id(seed_ctx, 2, "1"))
    window.editor.ui.timeline_edit.setPlainText("Quý II/2020")
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(
        UnsavedDialog, "ask", classmethod(lambda _c, _p, _w="": UnsavedChoice.DISCARD)
    )
    assert window.close()


def test_timeline_milestones_are_parsed_live_and_can_be_overridden(
    qtbot: QtBot, seed_ctx: AppContext
) -> None:
    window = _window(qtbot, seed_ctx)
    task_id = _task_id(seed_ctx, 3, "1")
    _select(window, task_id)
    editor = window.editor
    editor.ui.timeline_edit.setPlainText("Quý II/2020")
    editor.preview_milestones()
    model = editor.milestone_model
    assert model.rowCount() == 1
    assert model.index(0, model.COL_DUE).data() == "30/06/2020"
    from PySide6.QtCore import QDate

    assert model.setData(model.index(0, model.COL_DUE), QDate(2020, 5, 15))
    assert model.index(0, model.COL_DUE).data() == "15/05/2020 (sửa tay)"
    assert editor.save()
    due, confirmed, overridden = seed_ctx.db.execute(
        "SELECT due, confirmed, overridden FROM milestone WHERE task_id = ? AND deleted = 0",
        [task_id],
    ).fetchone()
    assert (due, confirmed, overridden) == ("2020-05-15", 1, 1)


def test_record_q1_progress_for_a_commune_with_evidence_then_undo(
    qtbot: QtBot, seed_ctx: AppContext, tmp_path: Path
) -> None:
    from cchc_desktop.domain.model import AgencyKind
    from cchc_desktop.services import organisation

    organisation.add_agencies(seed_ctx.db, ["Xã Minh Sơn"], AgencyKind.COMMUNE)
    commune = seed_ctx.db.execute("SELECT id FROM agency WHERE name = 'Xã Minh Sơn'").fetchone()[0]
    window = _window(qtbot, seed_ctx)
    task_id = _task_id(seed_ctx, 2, "5")
    _select(window, task_id)
    editor = window.editor
    editor.select_report(commune, ReportingPeriod.Q1)
    assert editor.ui.tabs.currentIndex() == TAB_PROGRESS
    ui = editor.ui
    ui.state_combo.setCurrentIndex(ui.state_combo.findData(str(WorkState.IN_PROGRESS)))
    ui.percent_spin.setValue(60)
    ui.result_edit.setPlainText("Đã tiếp nhận 120 hồ sơ, trả đúng hạn 118 hồ sơ.")
    assert editor.save()
    progress_id = progress_service.progress_row_id(task_id, commune, 2020, "Q1")
    row = seed_ctx.db.execute(
        "SELECT state, percent, result FROM progress WHERE id = ?", [progress_id]
    ).fetchone()
    assert row == ("in_progress", 60, "Đã tiếp nhận 120 hồ sơ, trả đúng hạn 118 hồ sơ.")

    scan = tmp_path / "bien-ban-kiem-tra.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban")
    assert editor.add_evidence_files([scan])
    qtbot.waitUntil(lambda: editor.evidence_model.rowCount() == 1, timeout=5000)
    record = evidence_service.list_evidence(seed_ctx.db, progress_id)[0]
    assert record.file_name == "bien-ban-kiem-tra.pdf"
    assert blob_path(seed_ctx.db_path, record.sha256).read_bytes() == scan.read_bytes()
    assert editor.progress_model.index(0, editor.progress_model.COL_FILES).data() == "1 tệp"

    ui.tabs.setCurrentIndex(TAB_HISTORY)
    what = [
        editor.history.model.index(r, editor.history.model.COL_WHAT).data()
        for r in range(editor.history.model.rowCount())
    ]
    assert what[0] == "Thêm minh chứng “bien-ban-kiem-tra.pdf”"
    assert any(w.startswith("Thêm tiến độ quý I năm 2020 – Xã Minh Sơn:") for w in what)
    view = ui.history_view
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff

    window.action_undo.trigger()  # the attachment
    assert evidence_service.list_evidence(seed_ctx.db, progress_id) == []
    window.action_undo.trigger()  # the report
    assert seed_ctx.db.execute(
        "SELECT deleted FROM progress WHERE id = ?", [progress_id]
    ).fetchone() == (1,)
    window.action_redo.trigger()
    assert seed_ctx.db.execute(
        "SELECT deleted, percent FROM progress WHERE id = ?", [progress_id]
    ).fetchone() == (0, 60)


def test_files_dropped_on_the_evidence_list_are_offered(
    qtbot: QtBot, seed_ctx: AppContext, tmp_path: Path
) -> None:
    window = _window(qtbot, seed_ctx)
    _select(window, _task_id(seed_ctx, 1, "1"))
    received: list[list[str]] = []
    window.editor.evidence_model.files_dropped.connect(received.append)
    scan = tmp_path / "anh.png"
    scan.write_bytes(b"png")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(scan))])
    model = window.editor.evidence_model
    assert model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(-1, -1))
    assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(-1, -1))
    assert received == [[str(scan)]]


def test_done_needs_100_percent_and_not_applicable_needs_a_reason(
    qtbot: QtBot, seed_ctx: AppContext
) -> None:
    window = _window(qtbot, seed_ctx)
    _select(window, _task_id(seed_ctx, 1, "1"))
    editor = window.editor
    ui = editor.ui
    ui.state_combo.setCurrentIndex(ui.state_combo.findData(str(WorkState.NOT_APPLICABLE)))
    ui.result_edit.setPlainText("")
    ui.percent_spin.setValue(10)
    assert not editor.save()
    assert "lý do" in ui.validation_label.text()
    ui.state_combo.setCurrentIndex(ui.state_combo.findData(str(WorkState.DONE)))
    assert ui.percent_spin.value() == 100
    assert ui.completed_date_edit.isEnabled()
    assert editor.save()


def test_marking_done_leaves_the_completion_day_blank_until_chosen(
    qtbot: QtBot, seed_ctx: AppContext
) -> None:
    window = _window(qtbot, seed_ctx)
    task_id = _task_id(seed_ctx, 1, "1")
    _select(window, task_id)
    editor = window.editor
    ui = editor.ui
    ui.state_combo.setCurrentIndex(ui.state_combo.findData(str(WorkState.DONE)))
    assert ui.completed_date_edit.text() == "chưa ghi – chọn ngày"
    assert editor.save()
    [record] = progress_service.list_task_progress(seed_ctx.db, task_id)
    assert record.completed_on is None, "recording a 2020 result today must not invent a date"
    assert ui.completed_date_edit.text() == "chưa ghi – chọn ngày"
    ui.completed_date_edit.setDate(QDate(2020, 3, 2))
    assert editor.save(), ui.validation_label.text()
    [record] = progress_service.list_task_progress(seed_ctx.db, task_id)
    assert record.completed_on == dt.date(2020, 3, 2)
    assert ui.completed_date_edit.text() == "02/03/2020"


def _plan_of(ctx: AppContext, ref: NodeRef | None) -> str | None:
    if ref is None:
        return None
    table = "task" if ref.table == TASK else ref.table
    row = ctx.db.execute(f"SELECT plan_id FROM {table} WHERE id = ?", [ref.id]).fetchone()  # noqa: S608
    return str(row[0]) if row else None


def test_the_editor_follows_the_plan_chosen(qtbot: QtBot, seed_ctx: AppContext) -> None:
    from cchc_desktop.services.plan_service import (
        import_plan,
        load_plan,
        next_year_draft,
        plan_for_year,
    )

    old = plan_for_year(seed_ctx.db, 2020).id
    import_plan(seed_ctx.db, next_year_draft(load_plan(seed_ctx.db, old), 2021), source_name="x")
    new = plan_for_year(seed_ctx.db, 2021).id
    window = _window(qtbot, seed_ctx)
    combo = window.ui.plan_combo
    combo.setCurrentIndex(combo.findData(old))
    first = window.proxy.index(0, 0)
    window.ui.tree_view.setCurrentIndex(first)
    assert _plan_of(seed_ctx, window.editor.ref) == old
    combo.setCurrentIndex(combo.findData(new))
    assert window.editor.ref is not None
    assert _plan_of(seed_ctx, window.editor.ref) == new
    _select(window, _new_task(seed_ctx, new))
    combo.setCurrentIndex(combo.findData(old))
    assert _plan_of(seed_ctx, window.editor.ref) == old
    assert window.editor.task is None or window.editor.task.plan_year == 2020


def _new_task(ctx: AppContext, plan_id: str) -> str:
    row = ctx.db.execute(
        "SELECT id FROM task WHERE plan_id = ? AND deleted = 0 ORDER BY id LIMIT 1", [plan_id]
    ).fetchone()
    return str(row[0])
