"""Deadline occurrences for the calendar, the agenda, the start-up summary and `deadlines`.

An occurrence is one dated milestone of a task for one responsible unit (the task's lead, or
its implementing agencies when it names no lead), with the status that unit's progress gives
it on a given day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from cchc_desktop.domain.model import MilestoneKind, WorkState
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.domain.status import TaskStatus, task_status
from cchc_desktop.services.calendar_service import shifts_due_dates, work_calendar
from cchc_desktop.services.organisation import is_commune_group

RESPONSIBLE_ROLES = ("lead", "implementing")


@dataclass(frozen=True, slots=True)
class Occurrence:
    task_id: str
    task_ref: str  # "2.5": appendix 2, task 5
    task_title: str
    plan_year: int
    label: str
    kind: MilestoneKind
    due: dt.date
    period: ReportingPeriod  # the report that judges it
    unit_id: str | None
    unit_name: str
    status: TaskStatus


def judging_period(milestone_period: str | None, due: dt.date) -> tuple[ReportingPeriod, int]:
    """The report (and its year) in which a milestone's outcome is reported.

    Recurring report milestones name their report ("2020-H1"); for any other milestone it is
    the report of the quarter its due date falls in (Q1, 6 months, 9 months, year).
    """
    if milestone_period:
        year_text, _, code = milestone_period.partition("-")
        if year_text.isdigit() and code in ReportingPeriod.__members__:
            return ReportingPeriod(code), int(year_text)
    by_quarter = (ReportingPeriod.Q1, ReportingPeriod.H1, ReportingPeriod.Q3, ReportingPeriod.Y)
    return by_quarter[(due.month - 1) // 3], due.year


def occurrences(
    db: Database,
    date_from: dt.date,
    date_to: dt.date,
    *,
    today: dt.date,
    plan_id: str | None = None,
    soon_days: int = 7,
) -> list[Occurrence]:
    """Every milestone due between `date_from` and `date_to` (inclusive), per responsible unit.

    When the office chose to show due dates that fall on a day off on the next working day,
    `due` is that working day (and the status is judged against it).
    """
    shown = due_shifter(db)
    # A due date can move forward past a long holiday (Tết: up to about ten days).
    query_to = date_to + dt.timedelta(days=12)
    sql = (
        "SELECT m.task_id, a.number, t.no, t.title, p.year, m.label, m.kind, m.due, m.period,"
        " ta.agency_id, coalesce(g.name, ''), ta.role"
        " FROM milestone m JOIN task t ON t.id = m.task_id"
        " JOIN appendix a ON a.id = t.appendix_id JOIN plan p ON p.id = t.plan_id"
        " LEFT JOIN task_agency ta ON ta.task_id = t.id AND ta.deleted = 0"
        " LEFT JOIN agency g ON g.id = ta.agency_id"
        " WHERE m.deleted = 0 AND t.deleted = 0 AND t.cancelled_by IS NULL AND p.deleted = 0"
        " AND m.due BETWEEN ? AND ?"
    )
    params: list[object] = [date_from.isoformat(), query_to.isoformat()]
    if plan_id is not None:
        sql += " AND p.id = ?"
        params.append(plan_id)
    sql += " ORDER BY m.due, a.number, t.ord, ta.ord"
    rows = db.execute(sql, params).fetchall()
    units_by_task: dict[tuple[str, str, str], list[tuple[str | None, str, str | None]]] = {}
    meta: dict[tuple[str, str, str], tuple[object, ...]] = {}
    for task_id, appendix, no, title, year, label, kind, due, period, agency, name, role in rows:
        key = (task_id, due, f"{label}|{kind}|{period}")
        meta.setdefault(key, (appendix, no, title, year, label, kind, due, period))
        units_by_task.setdefault(key, []).append((agency, name, role))
    progress = _progress_lookup(db, {k[0] for k in meta})
    all_communes = communes(db)
    result: list[Occurrence] = []
    for key, (appendix, no, title, year, label, kind, due_text, period) in meta.items():
        due = dt.date.fromisoformat(str(due_text))
        report, report_year = judging_period(str(period) if period else None, due)
        due = shown(due)
        if not date_from <= due <= date_to:
            continue
        for unit_id, unit_name in responsible_units(units_by_task[key], all_communes):
            state, completed = unit_standing(
                progress.get((key[0], unit_id), {}),
                report_year,
                report,
                recurring=MilestoneKind(str(kind)) is MilestoneKind.RECURRING,
            )
            status = task_status(due, state, completed, today, soon_days)
            result.append(
                Occurrence(
                    task_id=key[0],
                    task_ref=f"{appendix}.{no}",
                    task_title=str(title),
                    plan_year=int(str(year)),
                    label=str(label),
                    kind=MilestoneKind(str(kind)),
                    due=due,
                    period=report,
                    unit_id=unit_id,
                    unit_name=unit_name,
                    status=status,
                )
            )
    result.sort(key=lambda o: o.due)  # shifting can reorder; sort is stable within a day
    return result


def responsible_units(
    agencies: Iterable[tuple[str | None, str, str | None]],
    communes: list[tuple[str | None, str]],
) -> list[tuple[str | None, str]]:
    """The units that answer for a task: its lead (or implementing) agencies.

    A group such as "UBND các xã, thị trấn" stands for every commune of the organisation, so
    each commune's own progress decides its own status.
    """
    agencies = list(agencies)
    named = [(a, n) for a, n, role in agencies if a is not None and role in RESPONSIBLE_ROLES]
    if not named:
        named = [(a, n) for a, n, _ in agencies if a is not None][:1]
    units: list[tuple[str | None, str]] = []
    for agency, name in named:
        if is_commune_group(name) and communes:
            units.extend(c for c in communes if c not in units)
        elif (agency, name) not in units:
            units.append((agency, name))
    return units or [(None, "")]


def communes(db: Database) -> list[tuple[str | None, str]]:
    """Every commune of the organisation, for groups such as "UBND các xã, thị trấn"."""
    return [
        (row[0], row[1])
        for row in db.execute(
            "SELECT id, name FROM agency WHERE kind = 'commune' AND deleted = 0 ORDER BY name"
        ).fetchall()
    ]


_PERIOD_ORDER = {str(p): i for i, p in enumerate(ReportingPeriod)}

ProgressValue = tuple[WorkState, dt.date | None]
# One unit's progress on one task, by (year, reporting period code).
UnitProgress = Mapping[tuple[int, str], ProgressValue]


def unit_standing(
    progress: UnitProgress, year: int, report: ReportingPeriod, *, recurring: bool
) -> tuple[WorkState | None, dt.date | None]:
    """The progress that judges one milestone for one unit.

    A recurring report ("báo cáo quý") is answered only by the report of its own period. A
    one-off deadline ("tháng 12/2019") is met whenever the unit reports the task done, in
    whichever period (the earliest completion counts); until then its latest report speaks.
    """
    found = progress.get((year, str(report)))
    if found is not None or recurring or not progress:
        return found or (None, None)
    order = sorted(progress, key=lambda k: (k[0], _PERIOD_ORDER.get(k[1], 0)))
    done = [progress[k] for k in order if progress[k][0] is WorkState.DONE]
    return done[0] if done else progress[order[-1]]


def _progress_lookup(
    db: Database, task_ids: set[str]
) -> dict[tuple[str, str | None], dict[tuple[int, str], ProgressValue]]:
    """Each unit's progress on each task, by (task, unit) and then (year, period)."""
    lookup: dict[tuple[str, str | None], dict[tuple[int, str], ProgressValue]] = {}
    ids = sorted(task_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        for task_id, unit_id, year, period, state, completed in db.execute(
            "SELECT task_id, unit_id, year, period, state, completed_on FROM progress"  # noqa: S608
            f" WHERE deleted = 0 AND task_id IN ({marks})",
            chunk,
        ).fetchall():
            value = (WorkState(state), dt.date.fromisoformat(completed) if completed else None)
            lookup.setdefault((task_id, unit_id), {})[(year, period)] = value
    return lookup


def due_shifter(db: Database) -> Callable[[dt.date], dt.date]:
    """How due dates are shown: as written, or moved off days off when the office asks."""
    if not shifts_due_dates(db):
        return lambda day: day
    return work_calendar(db).shift_to_working_day


@dataclass(frozen=True, slots=True)
class Summary:
    overdue: list[Occurrence]
    due_soon: list[Occurrence]
    soon_days: int = 7

    @property
    def overdue_tasks(self) -> int:
        return len({o.task_id for o in self.overdue})

    @property
    def due_soon_tasks(self) -> int:
        return len({o.task_id for o in self.due_soon})

    def text(self) -> str:
        """The start-up line: "3 nhiệm vụ quá hạn, 5 nhiệm vụ đến hạn trong 7 ngày"."""
        return (
            f"{self.overdue_tasks} nhiệm vụ quá hạn, "
            f"{self.due_soon_tasks} nhiệm vụ đến hạn trong {self.soon_days} ngày"
        )


# Every milestone of a plan counts, however old: a 2020 task still open in 2026 is overdue in
# the banner, the tree, the calendar's agenda and the overdue report alike.
EARLIEST = dt.date(1900, 1, 1)


def open_window(
    db: Database, plan_id: str | None, today: dt.date, horizon_days: int
) -> list[Occurrence]:
    """The milestones that can be overdue or due soon as of `today`: all of the plan's up to
    `horizon_days` ahead (every plan's when `plan_id` is None). Their `status.overdue` and
    `status.due_soon` (domain.status.task_status) are the one rule for what is overdue.
    """
    return occurrences(
        db,
        EARLIEST,
        today + dt.timedelta(days=horizon_days),
        today=today,
        plan_id=plan_id,
        soon_days=horizon_days,
    )


def focus_day(db: Database, plan_id: str | None, today: dt.date) -> dt.date:
    """The day the calendar opens on for a plan: today while the plan's year runs (or when it
    has no milestones); otherwise its earliest overdue milestone, else its first milestone
    ahead, else its last one.
    """
    if plan_id is None:
        return today
    row = db.execute("SELECT year FROM plan WHERE id = ?", [plan_id]).fetchone()
    if row is None or row[0] == today.year:
        return today
    items = occurrences(db, EARLIEST, dt.date(row[0] + 2, 12, 31), today=today, plan_id=plan_id)
    overdue = [o.due for o in items if o.status.overdue]
    ahead = [o.due for o in items if o.due >= today]
    if overdue:
        return min(overdue)
    if ahead:
        return min(ahead)
    return max((o.due for o in items), default=today)


def summary(db: Database, plan_id: str, today: dt.date, soon_days: int = 7) -> Summary:
    """Overdue and due-soon occurrences of a plan, as of `today`."""
    items = open_window(db, plan_id, today, soon_days)
    overdue = [o for o in items if o.status.overdue]
    due_soon = [o for o in items if o.status.due_soon and not o.status.overdue]
    return Summary(overdue, due_soon, soon_days)


def occurrence_to_json(o: Occurrence) -> dict[str, object]:
    return {
        "due": o.due.isoformat(),
        "task": o.task_ref,
        "title": o.task_title,
        "label": o.label,
        "kind": str(o.kind),
        "period": str(o.period),
        "unit": o.unit_name,
        "status": str(o.status.category),
        "status_label": o.status.label,
        "overdue": o.status.overdue,
        "due_soon": o.status.due_soon,
    }
