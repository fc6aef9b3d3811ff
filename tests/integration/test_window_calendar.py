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


def test_years_later_the_calendar_agrees_with_the_banner_and_opens_where_it_matters(
    qtbot: QtBot, seed_ctx: AppContext
) -> None:
    from cchc_desktop.services import tree_service

    seed_ctx.today = lambda: dt.date(2026, 12, 4)  # type: ignore[method-assign]
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    window.show()
    window.ui.action_show_calendar.trigger()
    calendar = window.calendar
    plan_id = window.plan_id
    assert plan_id is not None
    banner = tree_service.summary_counts(seed_ctx.db, plan_id, dt.date(2026, 12, 4))
    assert banner.overdue > 0
    overdue = [g for g in calendar.agenda_model.groups() if g.key == "overdue"]
    assert overdue, "the agenda shows the overdue work the banner counts"
    assert len({o.task_id for o in overdue[0].items}) == banner.overdue
    # The 2020 plan opens on its earliest overdue month, and the heading says which month.
    shown = (calendar.calendar.yearShown(), calendar.calendar.monthShown())
    assert shown == (2019, 12)
    assert calendar.ui.month_label.text() == "<b>Tháng 12 năm 2019</b>"
    assert calendar.ui.year_spin.value() == 2019
    calendar.go_today()
    assert calendar.ui.month_label.text() == "<b>Tháng 12 năm 2026</b>"
    assert calendar.ui.year_spin.value() == 2026


def test_the_calendar_heading_matches_the_grid_this_year(
    qtbot: QtBot, seed_ctx: AppContext
) -> None:
    window = MainWindow(seed_ctx, Operations(), Settings())
    qtbot.addWidget(window)
    window.resize(1350, 688)  # a 1366×768 screen less taskbar and frame
    window.show()
    window.ui.action_show_calendar.trigger()
    calendar = window.calendar
    assert (calendar.calendar.yearShown(), calendar.calendar.monthShown()) == (2020, 3)
    assert calendar.ui.month_label.text() == "<b>Tháng 3 năm 2020</b>"
    # The whole grid is on screen, Sunday's column ("CN") included.
    grid = calendar.calendar
    qtbot.waitUntil(lambda: calendar.ui.left_pane.width() > 100)
    widget = grid
    while widget is not window:  # no parent clips it
        parent = widget.parentWidget()
        assert parent.rect().contains(widget.geometry()), widget.objectName()
        widget = parent
    assert grid.width() >= 7 * grid.fontMetrics().horizontalAdvance("Thứ 7")
