"""Exports from the Báo cáo menu: tasks and period results as Excel, deadlines as iCalendar."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.ui import exports
from cchc_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")


@pytest.fixture
def window(qtbot: QtBot, seed_ctx: AppContext) -> MainWindow:
    main = MainWindow(seed_ctx, Operations(seed_ctx.db_path), Settings())
    qtbot.addWidget(main)
    return main


def _export(
    qtbot: QtBot, window: MainWindow, kind: str, target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "ask_target", lambda parent, kind, suggested: target)
    monkeypatch.setattr(exports, "ask_period", lambda parent, year: ReportingPeriod.Q1)
    window.export(kind)
    qtbot.waitUntil(lambda: "Đã xuất" in window.ui.status_bar.currentMessage(), timeout=20_000)


def test_tasks_to_excel_from_the_menu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "nhiem-vu.xlsx"
    labels = [a.text() for a in window.ui.menu_reports.actions()]
    assert "Xuất danh sách nhiệm vụ ra &Excel…" in labels
    _export(qtbot, window, "tasks_xlsx", target, monkeypatch)
    sheet = load_workbook(target).active
    assert sheet.max_row == 1 + 37  # the header row, then one row per task
    assert "37 nhiệm vụ" in window.ui.status_bar.currentMessage()


def test_period_results_to_excel(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ket-qua.xlsx"
    _export(qtbot, window, "period_xlsx", target, monkeypatch)
    assert "Kết quả" in load_workbook(target).sheetnames


def test_deadlines_to_icalendar(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "thoi-han.ics"
    _export(qtbot, window, "calendar_ics", target, monkeypatch)
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) > 37  # recurring reports give several dated milestones per task
