"""The composed window: start-up on a seeded database, summary, plan memory, screenshot."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from cchc_desktop.app import run_gui
from cchc_desktop.context import AppContext
from cchc_desktop.qt import settings as setting_keys
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.qtmodels.task_filter_proxy import Deadline
from cchc_desktop.services import plan_service
from cchc_desktop.ui.main_window import MainWindow


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx, Operations(), Settings())
    qtbot.addWidget(window)
    return window


def test_window_opens_on_the_seed_plan_with_its_summary(qtbot: QtBot, seed_ctx: AppContext) -> None:
    window = _window(qtbot, seed_ctx)
    window.show()
    assert window.ui.plan_combo.count() == 1
    assert window.ui.plan_combo.currentText() == "Năm 2020 – 6320/QĐ-UBND"
    assert window.ui.overdue_button.text().endswith("nhiệm vụ quá hạn")
    assert window.ui.due_soon_button.text().endswith("nhiệm vụ đến hạn trong 7 ngày")
    assert window.ui.match_label.text() == "37 nhiệm vụ"
    assert window.proxy.rowCount() == 12  # decision, parts I–IV, appendices 01–07


def test_summary_click_filters_the_tree(qtbot: QtBot, seed_ctx: AppContext) -> None:
    window = _window(qtbot, seed_ctx)
    overdue = int(window.ui.overdue_button.text().split()[0])
    qtbot.mouseClick(window.ui.overdue_button, qtbot_button())
    assert window.current_filter().deadline is Deadline.OVERDUE
    assert window.proxy.match_count == overdue
    assert window.ui.match_label.text() == f"Đang lọc: {overdue}/37 nhiệm vụ"
    window.clear_filters()
    assert window.ui.match_label.text() == "37 nhiệm vụ"


def test_typing_without_accents_filters_after_a_pause(qtbot: QtBot, seed_ctx: AppContext) -> None:
    window = _window(qtbot, seed_ctx)
    window.show()
    window.focus_search()
    qtbot.keyClicks(window.ui.search_edit, "cai cach thu tuc")
    qtbot.waitUntil(lambda: window.proxy.current_filter.text == "cai cach thu tuc", timeout=2000)
    assert 0 < window.proxy.match_count < 37


def test_last_plan_and_window_state_are_remembered(qtbot: QtBot, seed_ctx: AppContext) -> None:
    window = _window(qtbot, seed_ctx)
    window.ui.left_tabs.setCurrentIndex(2)
    window.close()
    settings = Settings()
    assert settings.get(setting_keys.LAST_PLAN_ID) == plan_service.list_plans(seed_ctx.db)[0].id
    assert settings.get(setting_keys.LAST_TAB) == 2
    assert not settings.get(setting_keys.WINDOW_GEOMETRY).isEmpty()
    assert set(settings.stored_keys()) <= set(setting_keys.OPTIONS)
    again = _window(qtbot, seed_ctx)
    assert again.ui.left_tabs.currentIndex() == 2


def test_undeclared_settings_are_refused() -> None:
    with pytest.raises(KeyError):
        Settings().get(setting_keys.Option("khong/khai/bao", str, "", ""))


def test_gui_screenshot_renders_a_1366_by_768_screen(tmp_path: Path, qapp: object) -> None:
    os.environ["CCHC_DATA_DIR"] = str(tmp_path / "data")
    try:
        target = tmp_path / "shot.png"
        assert run_gui(db_path=tmp_path / "data" / "cchc.db", screenshot=target, extra_args=[]) == 0
        image = QImage(str(target))
        # A 1366×768 screen less its taskbar: what the most common office laptop shows.
        assert (image.width(), image.height()) == (1366, 728)
        log = (tmp_path / "data" / "logs" / "cchc-desktop.log").read_text(encoding="utf-8")
        assert "Init finished" in log
    finally:
        del os.environ["CCHC_DATA_DIR"]


def qtbot_button() -> object:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_database_that_cannot_be_written_opens_read_only(
    qtbot: QtBot, make_db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_desktop import app

    data = Path(os.environ["CCHC_DATA_DIR"])
    make_db()  # type: ignore[operator]
    monkeypatch.setattr(app, "is_writable", lambda _p: False)
    window, ctx = app.build_window(data / "cchc.db")
    qtbot.addWidget(window)
    assert ctx.read_only
    assert not window.ui.action_import_plan.isEnabled()
    window.select_task(ctx.db.execute("SELECT id FROM task LIMIT 1").fetchone()[0])
    editor = window.editor
    assert editor.ui.task_title_edit.isReadOnly()
    assert not editor.ui.save_button.isEnabled()
    ctx.db.conn.close()


def test_damage_found_after_start_offers_the_backup_dialog(
    qtbot: QtBot, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_desktop.ui.backup_dialog import IntegrityAction, IntegrityDecision, IntegrityDialog

    asked: list[list[str]] = []

    def fake_ask(
        _cls: type, _parent: object, _path: Path, problems: list[str]
    ) -> IntegrityDecision:
        asked.append(list(problems))
        return IntegrityDecision(IntegrityAction.READ_ONLY)

    monkeypatch.setattr(IntegrityDialog, "ask", classmethod(fake_ask))
    window = _window(qtbot, seed_ctx)
    window._on_integrity_result(["*** in database main *** Page 7: btreeInitPage() error"])
    assert asked == [["*** in database main *** Page 7: btreeInitPage() error"]]
    assert seed_ctx.read_only
    assert window.proxy.rowCount() == 12  # the tree reads through the reopened connection


def test_the_integrity_check_runs_on_a_worker(qtbot: QtBot, seed_ctx: AppContext) -> None:
    window = _window(qtbot, seed_ctx)
    results: list[list[str]] = []
    original = window._on_integrity_result
    window._on_integrity_result = lambda problems: (results.append(problems), original(problems))  # type: ignore[method-assign]
    window.start_integrity_check()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == [[]]


def test_the_daily_backup_runs_off_the_gui_thread(
    qtbot: QtBot, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window paints first: the day's backup copy is made on a worker thread."""
    import threading

    from cchc_desktop.app import start_daily_backups
    from cchc_desktop.services import backup_service

    threads: list[str] = []
    real_job = backup_service.daily_backup_job

    def recording_job(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return real_job(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(backup_service, "daily_backup_job", recording_job)
    window = _window(qtbot, seed_ctx)
    start_daily_backups(window, seed_ctx)
    assert backup_service.list_backups(seed_ctx.db_path) == []  # nothing made on this thread
    qtbot.waitUntil(lambda: bool(backup_service.list_backups(seed_ctx.db_path)), timeout=10000)
    made = backup_service.list_backups(seed_ctx.db_path)
    assert [b.reason for b in made] == [backup_service.REASON_DAILY]
    assert threads
    assert threads[0] != threading.main_thread().name


def test_the_whole_plan_is_read_on_a_worker_so_the_first_search_only_filters(
    qtbot: QtBot, seed_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from cchc_desktop.qtmodels.task_filter_proxy import TaskFilter
    from cchc_desktop.services import tree_service

    threads: list[str] = []
    real = tree_service.whole_plan

    def recording(*args: object, **kwargs: object) -> tree_service.WholePlan:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tree_service, "whole_plan", recording)
    window = _window(qtbot, seed_ctx)
    window.show()
    assert not window.model.all_loaded  # the first paint shows the top level only
    qtbot.waitUntil(lambda: window.model.all_loaded, timeout=10_000)
    assert len(threads) == 1
    assert threads[0] != threading.main_thread().name

    window.proxy.set_filter(TaskFilter(text="cai cach thu tuc"))
    assert len(threads) == 1, "the first search read nothing more"
    assert 0 < window.proxy.match_count < 37


def test_a_plan_read_for_a_tree_since_replaced_is_dropped(
    qtbot: QtBot, seed_ctx: AppContext
) -> None:
    from cchc_desktop.services import tree_service

    window = _window(qtbot, seed_ctx)
    model = window.model
    plan_id = model.plan_id
    assert plan_id is not None
    stale = tree_service.whole_plan(seed_ctx.db, plan_id, seed_ctx.today())
    old_generation = model._generation
    model.reload()  # e.g. a structure change while the read was in flight
    model._prefetched((plan_id, old_generation, stale))
    assert not model.all_loaded
    model._prefetched((plan_id, model._generation, stale))
    assert model.all_loaded
