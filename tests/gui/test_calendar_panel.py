"""The deadline calendar: models (qtmodeltester), day markers, agenda, day list, activation."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor

from cchc_desktop.domain.model import StatusCategory
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.qt.operations import Operations
from cchc_desktop.qtmodels.calendar_models import (
    COL_DUE,
    COL_STATUS,
    COL_TITLE,
    ITEM_ROLE,
    SORT_ROLE,
    AgendaModel,
    OccurrenceListModel,
    agenda_groups,
)
from cchc_desktop.qtmodels.status_style import (
    OVERDUE_COLOR,
    StatusLegend,
    legend_styles,
    status_color,
    status_icon,
    style_for,
)
from cchc_desktop.services import plan_service
from cchc_desktop.services.calendar_service import SHIFT_SETTING
from cchc_desktop.store.changes import Changes, FieldChange
from cchc_desktop.ui.calendar_panel import CalendarPanel, Scope, period_range
from tests.gui.conftest_dialogs import FakeOccurrence, FakeStatus, make_ctx

# The offscreen platform says so for every top-level window shown; it is harmless.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TODAY = dt.date(2020, 3, 10)
S = StatusCategory


def occ(task_id, due, category=S.NOT_STARTED, *, overdue=False, soon=False, label="", unit="X"):
    status = FakeStatus(category, overdue=overdue, due_soon=soon)
    ref = task_id.removeprefix("t")
    return FakeOccurrence(task_id, f"1.{ref}", f"Nhiệm vụ {ref}", label, due, unit, status)


SAMPLE = [
    occ("t1", dt.date(2020, 2, 28), overdue=True, label="Ban hành KH"),
    occ("t2", dt.date(2020, 3, 10), soon=True, unit="Phòng Nội vụ"),
    occ("t3", dt.date(2020, 3, 10), S.DONE_ON_TIME),
    occ("t4", dt.date(2020, 3, 15), S.IN_PROGRESS_ON_TIME, soon=True),
    occ("t5", dt.date(2020, 3, 31), S.IN_PROGRESS_ON_TIME, label="Báo cáo quý I"),
    occ("t6", dt.date(2020, 6, 20)),
    occ("t7", dt.date(2020, 3, 12), S.NOT_APPLICABLE),
]


def fake_source(items):
    calls = []

    def source(db, date_from, date_to, today, plan_id):
        calls.append((date_from, date_to, today, plan_id))
        return [o for o in items if date_from <= o.due <= date_to]

    source.calls = calls
    return source


@pytest.fixture
def panel(qtbot, make_db):
    ctx = make_ctx(make_db, today=TODAY)
    ops = Operations()
    source = fake_source(SAMPLE)
    widget = CalendarPanel(ctx, ops, source=source)
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.source = source
    widget.ops = ops
    return widget


# ---------------------------------------------------------------- palette


def test_palette_flags_open_work_and_keeps_closed_categories():
    assert status_color(S.NOT_STARTED, overdue=True) == QColor(OVERDUE_COLOR)
    assert style_for(S.IN_PROGRESS_OVERDUE).key == "overdue"
    assert style_for(S.IN_PROGRESS_ON_TIME, due_soon=True).key == "due_soon"
    # Finished work is never painted as overdue, whatever the flags say.
    assert style_for(S.DONE_LATE, overdue=True).key == "done_late"
    assert style_for(S.NOT_APPLICABLE, due_soon=True).key == "not_applicable"
    keys = [s.key for s in legend_styles()]
    assert len(set(keys)) == len(keys) == 7
    colors = {s.color.name() for s in legend_styles()}
    assert len(colors) == 7


def test_icons_are_drawn_and_cached(qapp):
    icon = status_icon(S.DONE_ON_TIME)
    assert not icon.isNull()
    assert icon is status_icon(S.DONE_ON_TIME)
    image = icon.pixmap(16, 16).toImage()
    assert image.pixelColor(8, 3).alpha() > 0  # the dot is painted, not empty
    assert image.pixelColor(0, 0).alpha() == 0  # on a transparent square


def test_legend_lists_every_style(qtbot):
    legend = StatusLegend()
    qtbot.addWidget(legend)
    texts = [label.text() for label in legend.labels]
    assert texts[:2] == ["Quá hạn", "Sắp đến hạn"]
    assert "Hoàn thành đúng hạn" in texts


# ---------------------------------------------------------------- models


def test_list_model_passes_qtmodeltester(qtmodeltester):
    model = OccurrenceListModel()
    qtmodeltester.check(model)
    model.set_occurrences(SAMPLE)
    qtmodeltester.check(model)
    assert model.rowCount() == len(SAMPLE)
    assert [model.occurrence(r).due for r in range(model.rowCount())] == sorted(
        o.due for o in SAMPLE
    )
    first = model.index(0, COL_DUE)
    assert model.data(first) == "28/02/2020"
    assert model.data(first, ITEM_ROLE).task_id == "t1"
    assert model.data(first, SORT_ROLE) == dt.date(2020, 2, 28).toordinal()
    assert not model.data(first, Qt.ItemDataRole.DecorationRole).isNull()
    assert model.data(model.index(0, COL_STATUS)) == "Chưa triển khai"
    assert "Ban hành KH" in model.data(first, Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(COL_TITLE, Qt.Orientation.Horizontal) == "Nhiệm vụ"


def test_status_column_shows_the_deadline_of_open_work():
    from cchc_desktop.qtmodels.calendar_models import short_status

    late = FakeStatus(S.NOT_STARTED, overdue=True, due_text="Quá hạn 5 ngày")
    assert short_status(late) == "Quá hạn 5 ngày"
    done = FakeStatus(S.DONE_LATE, overdue=True, due_text="Quá hạn 5 ngày")
    assert short_status(done) == "Hoàn thành quá hạn"
    calm = FakeStatus(S.IN_PROGRESS_ON_TIME, due_text="Đến hạn trong 30 ngày")
    assert short_status(calm) == "Chưa hoàn thành – trong hạn"


def test_agenda_groups_open_work_by_urgency():
    groups = agenda_groups(SAMPLE, TODAY, 7)
    assert [g.key for g in groups] == ["overdue", "today", "week"]
    assert [o.task_id for o in groups[0].items] == ["t1"]
    assert [o.task_id for o in groups[1].items] == ["t2"]  # t3 is done: not on the agenda
    assert [o.task_id for o in groups[2].items] == ["t4"]  # t7 is not applicable
    groups30 = agenda_groups(SAMPLE, TODAY, 30)
    assert [g.key for g in groups30] == ["overdue", "today", "week", "later"]
    assert groups30[3].heading() == "Từ 8 đến 30 ngày tới (1)"
    assert agenda_groups([], TODAY, 7) == []


def test_agenda_model_passes_qtmodeltester(qtmodeltester):
    model = AgendaModel()
    qtmodeltester.check(model)
    model.set_groups(agenda_groups(SAMPLE, TODAY, 30))
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    overdue = model.group_index("overdue")
    assert model.data(overdue) == "Quá hạn (1)"
    assert model.data(overdue, Qt.ItemDataRole.FontRole).bold()
    child = model.index(0, COL_TITLE, overdue)
    assert model.data(child) == "Nhiệm vụ 1"
    assert model.parent(child) == overdue
    assert model.occurrence(child).task_id == "t1"
    assert model.occurrence(overdue) is None
    assert not model.group_index("nothing").isValid()


# ---------------------------------------------------------------- panel


def test_opens_on_today_with_marks_and_the_day_list(panel):
    cal = panel.calendar
    assert (cal.yearShown(), cal.monthShown()) == (2020, 3)
    assert cal.selected_day() == TODAY
    assert panel.scope is Scope.DAY
    assert panel.ui.month_label.text() == "<b>Tháng 3 năm 2020</b>"
    # Two milestones today: the due-soon one is painted first, the done one after it.
    assert [s.key for s in cal.marks(TODAY)] == ["due_soon", "done_on_time"]
    assert cal.count(TODAY) == 2
    # Days of the neighbouring months shown in the grid are marked too.
    assert [s.key for s in cal.marks(dt.date(2020, 2, 28))] == ["overdue"]
    assert cal.marks(dt.date(2020, 3, 11)) == []
    assert {panel.list_model.occurrence(r).task_id for r in range(2)} == {"t2", "t3"}
    assert "thứ ba, ngày 10/03/2020" in panel.ui.list_label.text()
    assert "2 mốc" in panel.ui.list_label.text()
    # Agenda: overdue, due today and in the week are expanded under their headings.
    model = panel.agenda_model
    assert [g.key for g in model.groups()] == ["overdue", "today", "week"]
    assert panel.ui.agenda_view.isExpanded(model.group_index("overdue"))


def test_clicking_a_day_lists_its_milestones(panel, qtbot):
    panel.show()
    cal = panel.calendar
    cal.setSelectedDate(cal.selectedDate().addDays(5))  # 15/3, keyboard-like selection
    cal.clicked.emit(cal.selectedDate())
    assert panel.list_range() == (dt.date(2020, 3, 15), dt.date(2020, 3, 15))
    assert [panel.list_model.occurrence(r).task_id for r in range(panel.list_model.rowCount())] == [
        "t4"
    ]


def test_double_click_in_the_list_emits_the_task(panel, qtbot):
    panel.show()
    qtbot.waitExposed(panel)
    panel.select_date(dt.date(2020, 3, 31))
    view = panel.ui.list_view
    index = view.model().index(0, COL_TITLE)
    rect = view.visualRect(index)
    with qtbot.waitSignal(panel.task_activated) as blocker:
        # A real double-click starts with a press: the view activates the pressed index only.
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["t5"]


def test_activating_an_agenda_item_emits_the_task_but_a_heading_does_not(panel, qtbot):
    model = panel.agenda_model
    heading = model.group_index("overdue")
    emitted = []
    panel.task_activated.connect(emitted.append)
    panel.ui.agenda_view.activated.emit(heading)
    assert emitted == []
    panel.ui.agenda_view.activated.emit(model.index(0, 0, heading))
    assert emitted == ["t1"]


def test_period_switcher_lists_the_period(panel):
    panel.select_period(ReportingPeriod.H1)
    assert panel.scope is Scope.PERIOD
    assert panel.list_range() == (dt.date(2020, 1, 1), dt.date(2020, 6, 30))
    ids = {panel.list_model.occurrence(r).task_id for r in range(panel.list_model.rowCount())}
    assert ids == {o.task_id for o in SAMPLE}
    assert "6 tháng đầu năm 2020 (01/01/2020 – 30/06/2020)" in panel.ui.list_label.text()
    panel.ui.period_combo.activated.emit(1)  # Quý I
    assert panel.list_range() == (dt.date(2020, 1, 1), dt.date(2020, 3, 31))
    panel.ui.period_combo.activated.emit(0)  # the month on screen
    assert panel.scope is Scope.MONTH
    assert panel.list_range() == (dt.date(2020, 3, 1), dt.date(2020, 3, 31))
    assert period_range(ReportingPeriod.Q3, 2021) == (dt.date(2021, 1, 1), dt.date(2021, 9, 30))


def test_month_navigation_and_year(panel):
    panel.select_period(None)
    panel.ui.next_button.click()
    assert (panel.calendar.yearShown(), panel.calendar.monthShown()) == (2020, 4)
    assert panel.list_range() == (dt.date(2020, 4, 1), dt.date(2020, 4, 30))
    assert panel.ui.month_label.text() == "<b>Tháng 4 năm 2020</b>"
    panel.ui.year_spin.setValue(2021)
    assert (panel.calendar.yearShown(), panel.calendar.monthShown()) == (2021, 4)
    panel.ui.prev_button.click()
    assert panel.ui.year_spin.value() == 2021
    panel.go_today()
    assert (panel.calendar.yearShown(), panel.calendar.monthShown()) == (2020, 3)
    assert panel.scope is Scope.DAY


def test_horizon_30_days_adds_the_later_group(panel):
    panel.set_horizon(30)
    assert [g.key for g in panel.agenda_model.groups()] == ["overdue", "today", "week", "later"]
    with pytest.raises(ValueError, match="horizon"):
        panel.set_horizon(12)


def test_reloads_on_relevant_changes_only(panel):
    calls = panel.source.calls
    before = len(calls)
    setting = FieldChange("setting", "office.place", "value", "a", "b", created=False)
    panel.ops.changed.emit(Changes((setting,), frozenset({"setting"})))
    assert len(calls) == before
    progress = FieldChange("progress", "p1", "state", "not_started", "done", created=False)
    panel.ops.changed.emit(Changes((progress,), frozenset({"progress"})))
    assert len(calls) > before
    before = len(calls)
    panel.ops.reset.emit()
    assert len(calls) > before
    before = len(calls)
    day_off = FieldChange("day_off", "2020-03-02", "name", None, "Nghỉ", created=True)
    panel.ops.changed.emit(Changes((day_off,), frozenset({"day_off"})))
    assert len(calls) > before
    before = len(calls)
    shift = FieldChange("setting", SHIFT_SETTING, "value", "false", "true", created=False)
    panel.ops.changed.emit(Changes((shift,), frozenset({"setting"})))
    assert len(calls) > before


def test_paints_markers_offscreen(panel, qtbot):
    panel.show()
    qtbot.waitExposed(panel)
    image = panel.calendar.grab().toImage()
    assert not image.isNull()
    # Somewhere in the grid is the overdue red of the 28/02 marker.
    red = QColor(OVERDUE_COLOR)
    found = any(
        image.pixelColor(QPoint(x, y)) == red
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )
    assert found


def test_real_database_seed_plan(qtbot, make_db):
    ctx = make_ctx(make_db, today=dt.date(2020, 7, 1), seed=True)
    [plan] = plan_service.list_plans(ctx.db)
    panel = CalendarPanel(ctx, Operations(), plan_id=plan.id)
    qtbot.addWidget(panel)
    groups = {g.key: g for g in panel.agenda_model.groups()}
    assert "overdue" in groups  # nothing is reported in the seed: first-half deadlines passed
    assert all(o.due < dt.date(2020, 7, 1) for o in groups["overdue"].items)
    panel.select_period(ReportingPeriod.Y)
    assert panel.list_model.rowCount() > 20
    days = {panel.list_model.occurrence(r).due for r in range(panel.list_model.rowCount())}
    december = dt.date(2020, 12, 31)
    if december in days:
        panel.show_month(2020, 12)
        assert panel.calendar.marks(december)
    panel.show_month(2020, 6)
    assert any(panel.calendar.marks(d) for d in days if d.month == 6 and d.year == 2020) or not [
        d for d in days if d.month == 6 and d.year == 2020
    ]
    assert QModelIndex() == panel.agenda_model.parent(QModelIndex())


def test_set_plan_filters_and_reloads(panel, make_db, qtbot):
    calls = panel.source.calls
    assert {c[3] for c in calls} == {None}
    panel.set_plan("plan-2020")
    assert calls[-1][3] == "plan-2020"
    assert panel.plan_id == "plan-2020"
    before = len(calls)
    panel.set_plan("plan-2020")  # unchanged: nothing to read
    assert len(calls) == before
