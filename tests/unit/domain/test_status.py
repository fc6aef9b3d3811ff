"""Status engine: government categories, overdue and due-soon flags, the milestone a report
judges, the next deadline."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.domain.deadlines import parse_timeline
from cchc_desktop.domain.model import Milestone, MilestoneKind, StatusCategory, WorkState
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.domain.status import (
    TaskStatus,
    milestone_for_period,
    nearest_due,
    period_status,
    task_status,
)
from cchc_desktop.errors import ValidationError

D = dt.date
DUE = D(2020, 6, 30)


@pytest.mark.parametrize(
    ("state", "completed", "today", "category", "overdue"),
    [
        (None, None, D(2020, 6, 1), StatusCategory.NOT_STARTED, False),
        (None, None, D(2020, 7, 1), StatusCategory.NOT_STARTED, True),
        (WorkState.NOT_STARTED, None, D(2020, 6, 30), StatusCategory.NOT_STARTED, False),
        (WorkState.NOT_STARTED, None, D(2020, 7, 1), StatusCategory.NOT_STARTED, True),
        (WorkState.DONE, D(2020, 6, 30), D(2020, 8, 1), StatusCategory.DONE_ON_TIME, False),
        (WorkState.DONE, D(2020, 7, 1), D(2020, 8, 1), StatusCategory.DONE_LATE, False),
        (WorkState.DONE, None, D(2020, 8, 1), StatusCategory.DONE_ON_TIME, False),
        (WorkState.IN_PROGRESS, None, D(2020, 6, 30), StatusCategory.IN_PROGRESS_ON_TIME, False),
        (WorkState.IN_PROGRESS, None, D(2020, 7, 1), StatusCategory.IN_PROGRESS_OVERDUE, True),
        (WorkState.NOT_APPLICABLE, None, D(2020, 7, 1), StatusCategory.NOT_APPLICABLE, False),
        ("in_progress", None, D(2020, 7, 1), StatusCategory.IN_PROGRESS_OVERDUE, True),
    ],
)
def test_categories(
    state: WorkState | str | None,
    completed: dt.date | None,
    today: dt.date,
    category: StatusCategory,
    overdue: bool,
) -> None:
    status = task_status(DUE, state, completed, today)
    assert status.category is category
    assert status.overdue is overdue


def test_without_a_due_date_nothing_is_late() -> None:
    assert task_status(None, None, None, D(2030, 1, 1)) == TaskStatus(
        StatusCategory.NOT_STARTED, False, None, False, "Chưa triển khai"
    )
    done = task_status(None, WorkState.DONE, D(2030, 1, 1), D(2030, 1, 1))
    assert done.category is StatusCategory.DONE_ON_TIME
    progress = task_status(None, WorkState.IN_PROGRESS, None, D(2030, 1, 1))
    assert progress.category is StatusCategory.IN_PROGRESS_ON_TIME


def test_due_soon_and_labels() -> None:
    s = task_status(DUE, WorkState.IN_PROGRESS, None, D(2020, 6, 27))
    assert (s.due_in_days, s.due_soon) == (3, True)
    assert s.label == "Chưa hoàn thành – trong hạn – đến hạn trong 3 ngày"
    assert s.due_text == "Đến hạn trong 3 ngày"
    today = task_status(DUE, None, None, DUE)
    assert today.due_soon
    assert today.label == "Chưa triển khai – đến hạn hôm nay"
    assert today.due_text == "Đến hạn hôm nay"
    far = task_status(DUE, None, None, D(2020, 6, 22))
    assert (far.due_in_days, far.due_soon, far.label) == (8, False, "Chưa triển khai")
    assert task_status(DUE, None, None, D(2020, 6, 22), soon_days=8).due_soon
    late = task_status(DUE, None, None, D(2020, 7, 5))
    assert (late.due_in_days, late.label, late.due_text) == (
        -5,
        "Chưa triển khai – quá hạn",
        "Quá hạn 5 ngày",
    )
    overdue = task_status(DUE, WorkState.IN_PROGRESS, None, D(2020, 7, 5))
    assert overdue.label == "Chưa hoàn thành – quá hạn"


def test_done_and_not_applicable_are_never_due_soon() -> None:
    for state in (WorkState.DONE, WorkState.NOT_APPLICABLE):
        s = task_status(DUE, state, D(2020, 6, 1), D(2020, 6, 29))
        assert not s.due_soon
        assert s.due_text == ""


def test_bad_input_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="không hợp lệ"):
        task_status(DUE, "finished", None, DUE)
    with pytest.raises(ValidationError):
        task_status(DUE, None, None, DUE, soon_days=-1)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.none(), st.dates(D(2019, 1, 1), D(2021, 12, 31))),
    st.one_of(st.none(), st.sampled_from(list(WorkState))),
    st.one_of(st.none(), st.dates(D(2019, 1, 1), D(2021, 12, 31))),
    st.dates(D(2019, 1, 1), D(2021, 12, 31)),
    st.integers(0, 30),
)
def test_status_invariants(
    due: dt.date | None,
    state: WorkState | None,
    completed: dt.date | None,
    today: dt.date,
    soon: int,
) -> None:
    s = task_status(due, state, completed, today, soon)
    assert not (s.overdue and s.due_soon)
    if s.overdue:
        assert due is not None
        assert today > due
        assert s.category in {StatusCategory.NOT_STARTED, StatusCategory.IN_PROGRESS_OVERDUE}
    if s.due_soon:
        assert s.due_in_days is not None
        assert 0 <= s.due_in_days <= soon
    assert s.label.startswith(
        {
            StatusCategory.DONE_ON_TIME: "Hoàn thành đúng hạn",
            StatusCategory.DONE_LATE: "Hoàn thành quá hạn",
            StatusCategory.IN_PROGRESS_ON_TIME: "Chưa hoàn thành – trong hạn",
            StatusCategory.IN_PROGRESS_OVERDUE: "Chưa hoàn thành – quá hạn",
            StatusCategory.NOT_STARTED: "Chưa triển khai",
            StatusCategory.NOT_APPLICABLE: "Không thực hiện",
        }[s.category]
    )


# ----------------------------------------------------------------------------- periods

SEED_1_1 = parse_timeline("- Ban hành KH: tháng 12/2019. - Báo cáo kết quả: tháng 11/2020.", 2020)
SEED_2_1 = parse_timeline(
    "Ban hành Kế hoạch: Quý IV/2019. Rà soát theo Kế hoạch. Báo cáo thực hiện: Định kỳ hàng quý, "
    "6 tháng, năm.",
    2020,
)
QUARTERLY = parse_timeline("Định kỳ hàng quý hoặc đột xuất theo yêu cầu", 2020)


@pytest.mark.parametrize(
    ("milestones", "period", "expected_period"),
    [
        (SEED_2_1, ReportingPeriod.Q1, "2020-Q1"),
        (SEED_2_1, ReportingPeriod.H1, "2020-H1"),
        (SEED_2_1, ReportingPeriod.Y, "2020-Y"),
        (QUARTERLY, ReportingPeriod.H1, "2020-Q2"),  # the quarterly report due in June
        (QUARTERLY, ReportingPeriod.Y, "2020-Q4"),
        (SEED_1_1, ReportingPeriod.Q1, "2019-12"),  # the plan due 31/12/2019 is settled by 14/3
        (SEED_1_1, ReportingPeriod.Q3, "2019-12"),
        (SEED_1_1, ReportingPeriod.Y, "2020-11"),  # the report due 30/11 by the 14/12 cut-off
    ],
)
def test_milestone_for_period(
    milestones: list[Milestone], period: ReportingPeriod, expected_period: str
) -> None:
    chosen = milestone_for_period(milestones, period, 2020)
    assert chosen is not None
    assert chosen.period == expected_period


def test_milestone_for_period_takes_the_next_deadline_when_none_is_due_yet() -> None:
    ms = parse_timeline("Tháng 12/2020", 2020)
    chosen = milestone_for_period(ms, ReportingPeriod.Q1, 2020)
    assert chosen is not None
    assert chosen.due == D(2020, 12, 31)


def test_milestone_for_period_is_none_without_dates() -> None:
    for text in ("Thường xuyên", "Theo yêu cầu", "Theo Kế hoạch của Sở Nội vụ", "???"):
        assert milestone_for_period(parse_timeline(text, 2020), ReportingPeriod.H1, 2020) is None


def test_period_status_judges_against_the_chosen_milestone() -> None:
    s = period_status(SEED_2_1, ReportingPeriod.H1, 2020, None, None, D(2020, 6, 25))
    assert s.category is StatusCategory.NOT_STARTED
    assert s.overdue
    s = period_status(
        QUARTERLY, ReportingPeriod.Q3, 2020, WorkState.IN_PROGRESS, None, D(2020, 9, 15)
    )
    assert s.category is StatusCategory.IN_PROGRESS_ON_TIME
    assert s.due_soon


def test_nearest_due() -> None:
    m = nearest_due(SEED_2_1, D(2020, 4, 1))
    assert m is not None
    assert m.period == "2020-H1"
    m = nearest_due(SEED_2_1, D(2020, 6, 20))
    assert m is not None
    assert m.period == "2020-H1"
    m = nearest_due(SEED_2_1, D(2021, 1, 1))
    assert m is not None
    assert m.period == "2020-Y"
    assert nearest_due(parse_timeline("Thường xuyên", 2020), D(2020, 1, 1)) is None
    assert nearest_due([], D(2020, 1, 1)) is None


def test_nearest_due_ignores_undated() -> None:
    undated = Milestone(MilestoneKind.ON_REQUEST, None, None, "đột xuất")
    dated = Milestone(MilestoneKind.DATE, D(2020, 5, 5), "2020-05-05", "ngày 5/5/2020")
    assert nearest_due([undated, dated], D(2020, 1, 1)) is dated
