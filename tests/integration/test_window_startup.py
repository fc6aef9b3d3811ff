"""The composed window: start-up on a seeded database, summary, plan memory, screenshot."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from cchc_desktop.app import run_gui
from cchc_desktop.context import AppContext
from cchc_desktop.qt import settings as opts
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
    assert settings.get(opts.LAST_PLAN_ID) == plan_service.list_plans(seed_ctx.db)[0].id
    assert settings.get(opts.LAST_TAB) == 2
    assert not settings.get(opts.WINDOW_GEOMETRY).isEmpty()
    assert set(settings.stored_keys()) <= set(opts.OPTIONS)
    again = _window(qtbot, seed_ctx)
    assert again.ui.left_tabs.currentIndex() == 2


def test_undeclared_settings_are_refused() -> None:
    with pytest.raises(KeyError):
        Settings().get(opts.Option("khong/khai/bao", str, "", ""))


def test_gui_screenshot_renders_at_least_1280_by_800(tmp_path: Path, qapp: object) -> None:
    os.environ["CCHC_DATA_DIR"] = str(tmp_path / "data")
    try:
        target = tmp_path / "shot.png"
        assert run_gui(db_path=tmp_path / "data" / "cchc.db", screenshot=target, extra_args=[]) == 0
        image = QImage(str(target))
        assert image.width() >= 1280
        assert image.height() >= 800
        log = (tmp_path / "data" / "logs" / "cchc-desktop.log").read_text(encoding="utf-8")
        assert "Init finished" in log
    finally:
        del os.environ["CCHC_DATA_DIR"]


def qtbot_button() -> object:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
