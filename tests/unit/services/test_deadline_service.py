"""Deadline occurrences: which unit answers for which milestone, and with what status."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop.domain.model import StatusCategory, WorkState
from cchc_desktop.services import deadline_service, organisation, progress_service
from cchc_desktop.services.plan_service import plan_for_year
from cchc_desktop.services.startup import open_or_create


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_or_create(tmp_path / "cchc.db")


def _occurrences(db: Database, ref: str, day: dt.date) -> list[deadline_service.Occurrence]:
    items = deadline_service.occurrences(db, day, day, today=dt.date(2020, 12, 31))
    return [o for o in items if o.task_ref == ref]


def test_a_one_off_deadline_is_met_by_a_done_report_in_any_period(db: Database) -> None:
    plan = plan_for_year(db, 2020).id
    justice = organisation.find_agency(db, "Phòng Tư pháp")
    assert justice is not None
    [before] = _occurrences(db, "1.1", dt.date(2019, 12, 31))  # "Ban hành KH: tháng 12/2019"
    assert before.status.overdue
    progress_service.set_progress(
        db,
        task_id=progress_service.find_task(db, plan, "1.1"),
        unit_id=justice.id,
        year=2020,
        period="Q1",
        state=WorkState.DONE,
        completed_on=dt.date(2019, 12, 27),
    )
    [after] = _occurrences(db, "1.1", dt.date(2019, 12, 31))
    assert after.status.category is StatusCategory.DONE_ON_TIME
    assert not after.status.overdue


def test_each_recurring_report_needs_its_own_period(db: Database) -> None:
    plan = plan_for_year(db, 2020).id
    commune = organisation.ensure_agency(db, "Xã Minh Sơn").agency_id
    progress_service.set_progress(
        db,
        task_id=progress_service.find_task(db, plan, "2.5"),
        unit_id=commune,
        year=2020,
        period="Q1",
        state=WorkState.DONE,
        completed_on=dt.date(2020, 3, 18),
    )
    q1 = [o for o in _occurrences(db, "2.5", dt.date(2020, 3, 20)) if o.unit_id == commune]
    q2 = [o for o in _occurrences(db, "2.5", dt.date(2020, 6, 20)) if o.unit_id == commune]
    assert q1[0].status.category is StatusCategory.DONE_ON_TIME
    assert q2[0].status.overdue  # the Q1 report does not answer for the 6-month one


def test_a_group_of_communes_means_every_commune(db: Database) -> None:
    for name in ("Xã Minh Sơn", "Xã Lam Sơn"):
        organisation.ensure_agency(db, name)
    units = {o.unit_name for o in _occurrences(db, "2.5", dt.date(2020, 3, 20))}
    assert {"Xã Minh Sơn", "Xã Lam Sơn"} <= units
    assert not any(organisation.is_commune_group(u) for u in units)


def test_summary_counts_overdue_and_due_soon_tasks(db: Database) -> None:
    plan = plan_for_year(db, 2020)
    summary = deadline_service.summary(db, plan.id, dt.date(2020, 3, 15))
    # 12 due soon: the quarterly reports due on 20/3.
    assert (summary.overdue_tasks, summary.due_soon_tasks) == (9, 12)
    assert summary.text() == "9 nhiệm vụ quá hạn, 12 nhiệm vụ đến hạn trong 7 ngày"
