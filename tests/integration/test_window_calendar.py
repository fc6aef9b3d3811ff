"""The calendar tab inside the main window: a day's milestone activated selects its task."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cchc_desktop.context import AppContext
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qt.settings import Settings
from cchc_desktop.services.tree_service import TASK, NodeRef
from cchc_desktop.ui.main_window import TAB_CALENDAR, TAB_TREE, MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_double_clicking_a_day_milestone_selects_its_task_in_the_tree(
    qtbot: QtBot, seed_ctx: AppContext
) -> None:
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    window.show()
    window.ui.action_show_calendar.trigger()
    assert window.ui.left_tabs.currentIndex() == TAB_CALENDAR
    calendar = window.calendar
    calendar.select_date(dt.date(2020, 3, 20))  # the quarterly one-stop-shop reports
    view = calendar.ui.list_view
    assert view.model().rowCount() == 16  # every unit's report on the seed's quarterly tasks
    index = view.model().index(0, 0)
    task_id = calendar.list_model.occurrence(calendar.list_proxy.mapToSource(index).row()).task_id
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter = double-click: "activated"
    assert window.ui.left_tabs.currentIndex() == TAB_TREE
    assert window.current_ref() == NodeRef(TASK, task_id)
    assert window.editor.task is not None
    assert window.editor.task.id == task_id
    current = window.ui.tree_view.currentIndex()
    assert current.isValid()
    assert window.ui.tree_view.isExpanded(current.parent())


def test_saving_progress_updates_the_calendar(qtbot: QtBot, seed_ctx: AppContext) -> None:
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    calendar = window.calendar
    calendar.select_date(dt.date(2020, 3, 20))
    before = calendar.calendar.marks(dt.date(2020, 3, 20))
    task_id = calendar.list_model.occurrences()[0].task_id
    unit = calendar.list_model.occurrences()[0].unit_id
    assert window.select_task(task_id)
    editor = window.editor
    assert unit is not None
    editor.select_report(unit, ReportingPeriod.Q1)
    ui = editor.ui
    ui.state_combo.setCurrentIndex(ui.state_combo.findData("done"))
    assert editor.save()
    after = calendar.calendar.marks(dt.date(2020, 3, 20))
    assert "done_on_time" not in {s.key for s in before}
    assert "done_on_time" in {s.key for s in after}
