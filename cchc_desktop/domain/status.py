"""Task status in the government's categories (DESIGN.md §2), from due date, progress and today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from cchc_desktop.domain.model import (
    STATUS_LABELS,
    Milestone,
    MilestoneKind,
    StatusCategory,
    WorkState,
)
from cchc_desktop.domain.periods import (
    DEFAULT_RULES,
    ReportingPeriod,
    ReportingRules,
    period_code,
    period_window,
)
from cchc_desktop.errors import ValidationError

__all__ = [
    "TaskStatus",
    "milestone_for_period",
    "nearest_due",
    "period_status",
    "task_status",
]

_OPEN = frozenset({StatusCategory.NOT_STARTED, StatusCategory.IN_PROGRESS_ON_TIME})


@dataclass(frozen=True, slots=True)
class TaskStatus:
    """Where a task stands for one unit and period on a given day.

    Attributes:
        category: the government category.
        overdue: the task is open (not started or in progress) and its due date has passed.
            A task finished late is `DONE_LATE`, not overdue: nothing is left to chase.
        due_in_days: days from today to the due date (negative once passed); None without one.
        due_soon: the task is open and due within the next `soon_days` days (today included).
        label: Vietnamese text for the clerk, e.g. "Chưa hoàn thành – trong hạn – đến hạn trong
            3 ngày", "Chưa triển khai – quá hạn".
    """

    category: StatusCategory
    overdue: bool
    due_in_days: int | None
    due_soon: bool
    label: str

    @property
    def due_text(self) -> str:
        """The deadline part alone: "Đến hạn trong 3 ngày", "Đến hạn hôm nay", "Quá hạn 5 ngày"."""
        if self.due_in_days is None or self.category not in _OPEN | {
            StatusCategory.IN_PROGRESS_OVERDUE
        }:
            return ""
        if self.due_in_days < 0:
            return f"Quá hạn {-self.due_in_days} ngày"
        if self.due_in_days == 0:
            return "Đến hạn hôm nay"
        return f"Đến hạn trong {self.due_in_days} ngày"


def task_status(
    due: dt.date | None,
    state: WorkState | str | None,
    completed_on: dt.date | None,
    today: dt.date,
    soon_days: int = 7,
) -> TaskStatus:
    """The status of a task for one unit and period.

    Rules: no progress row or "chưa triển khai" → NOT_STARTED (overdue once today is after the
    due date); "đã hoàn thành" → DONE_ON_TIME when finished on or before the due date (or
    without a due date or a completion date), else DONE_LATE; "đang thực hiện" →
    IN_PROGRESS_ON_TIME up to the due date, IN_PROGRESS_OVERDUE after it; "không thực hiện" →
    NOT_APPLICABLE.

    Raises:
        ValidationError: `state` is not a work state, or `soon_days` is negative.
    """
    if soon_days < 0:
        raise ValidationError("Số ngày báo trước hạn không được âm.")
    work = _work_state(state)
    due_in = (due - today).days if due is not None else None
    late = due_in is not None and due_in < 0
    if work is None or work is WorkState.NOT_STARTED:
        category = StatusCategory.NOT_STARTED
        overdue = late
    elif work is WorkState.DONE:
        done_late = due is not None and completed_on is not None and completed_on > due
        category = StatusCategory.DONE_LATE if done_late else StatusCategory.DONE_ON_TIME
        overdue = False
    elif work is WorkState.IN_PROGRESS:
        category = (
            StatusCategory.IN_PROGRESS_OVERDUE if late else StatusCategory.IN_PROGRESS_ON_TIME
        )
        overdue = late
    else:
        category = StatusCategory.NOT_APPLICABLE
        overdue = False
    due_soon = category in _OPEN and due_in is not None and 0 <= due_in <= soon_days
    return TaskStatus(
        category, overdue, due_in, due_soon, _label(category, overdue, due_in, due_soon)
    )


def _work_state(state: WorkState | str | None) -> WorkState | None:
    if state is None or isinstance(state, WorkState):
        return state
    try:
        return WorkState(state)
    except ValueError:
        raise ValidationError(f"Trạng thái thực hiện «{state}» không hợp lệ.") from None


def _label(category: StatusCategory, overdue: bool, due_in: int | None, due_soon: bool) -> str:
    base = STATUS_LABELS[category]
    if overdue and category is StatusCategory.NOT_STARTED:
        return f"{base} – quá hạn"
    if due_soon and due_in is not None:
        return (
            f"{base} – đến hạn hôm nay" if due_in == 0 else f"{base} – đến hạn trong {due_in} ngày"
        )
    return base


def milestone_for_period(
    milestones: Iterable[Milestone],
    period: ReportingPeriod,
    year: int,
    rules: ReportingRules = DEFAULT_RULES,
) -> Milestone | None:
    """The milestone a report judges a task against.

    1. A recurring report milestone for this report: the same code ("2020-H1"), or else the
       one due in the report's last month of that year (quarterly "2020-Q2" for the 6-month
       report, monthly "2020-06").
    2. Otherwise the dated milestone due last on or before the end of the report's data window
       (what should be finished by the time the report counts), or, when all are later, the
       first one due after it (the task is judged against its next deadline).
    3. None when no milestone has a due date (continuous, on request, external, unscheduled).
    """
    dated = [m for m in milestones if m.due is not None]
    if not dated:
        return None
    code = period_code(period, year)
    recurring = [m for m in dated if m.kind is MilestoneKind.RECURRING]
    for m in recurring:
        if m.period == code:
            return m
    for m in recurring:
        assert m.due is not None
        if m.due.year == year and m.due.month == period.last_month:
            return m
    _, end = period_window(period, year, rules)
    settled = [m for m in dated if _due(m) <= end]
    if settled:
        return max(settled, key=_due)
    return min(dated, key=_due)


def period_status(
    milestones: Iterable[Milestone],
    period: ReportingPeriod,
    year: int,
    state: WorkState | str | None,
    completed_on: dt.date | None,
    today: dt.date,
    *,
    rules: ReportingRules = DEFAULT_RULES,
    soon_days: int = 7,
) -> TaskStatus:
    """`task_status` against the milestone `milestone_for_period` picks for the report."""
    chosen = milestone_for_period(milestones, period, year, rules)
    return task_status(chosen.due if chosen else None, state, completed_on, today, soon_days)


def nearest_due(milestones: Iterable[Milestone], today: dt.date) -> Milestone | None:
    """The next deadline: the earliest milestone due on or after `today`; when all have passed,
    the one that passed last; None when no milestone has a due date."""
    dated = [m for m in milestones if m.due is not None]
    upcoming = [m for m in dated if _due(m) >= today]
    if upcoming:
        return min(upcoming, key=_due)
    return max(dated, key=_due) if dated else None


def _due(m: Milestone) -> dt.date:
    assert m.due is not None
    return m.due
