"""The office's days off, make-up days, and due dates shown on the next working day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop.errors import ValidationError
from cchc_desktop.services import calendar_service as cs
from cchc_desktop.services.deadline_service import occurrences
from cchc_desktop.services.startup import open_or_create


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_or_create(tmp_path / "cchc.db")


def test_announced_days_off_and_make_up_days_enter_the_calendar(db: Database) -> None:
    cs.set_office_day(db, dt.date(2020, 4, 29), "Nghỉ bù theo thông báo")
    cs.set_office_day(db, dt.date(2020, 5, 9), working=True)  # a Saturday worked instead
    calendar = cs.work_calendar(db)
    assert not calendar.is_working_day(dt.date(2020, 4, 29))
    assert calendar.is_working_day(dt.date(2020, 5, 9))
    assert not calendar.is_working_day(dt.date(2020, 1, 25))  # Tết, from the public holidays
    assert [d.day for d in cs.office_days(db, 2020)] == [dt.date(2020, 4, 29), dt.date(2020, 5, 9)]
    # Both rows went through the write path (fields at their schema default are not logged).
    logged = db.execute("SELECT row_id, field FROM change_log WHERE tbl = 'day_off'").fetchall()
    assert len({row for row, _field in logged}) == 2
    assert {field for _row, field in logged} <= {"day", "name", "working"}


def test_a_make_up_day_must_be_a_weekend_day(db: Database) -> None:
    with pytest.raises(ValidationError, match="thứ Bảy"):
        cs.set_office_day(db, dt.date(2020, 5, 6), working=True)
    assert cs.office_days(db) == []


def test_removing_a_day_that_is_not_there_is_refused(db: Database) -> None:
    cs.set_office_day(db, dt.date(2020, 9, 3))
    cs.remove_office_day(db, dt.date(2020, 9, 3))
    assert cs.office_days(db) == []
    with pytest.raises(ValidationError, match="không có trong danh sách"):
        cs.remove_office_day(db, dt.date(2020, 9, 3))


def test_due_dates_on_a_day_off_move_only_when_the_office_asks(db: Database) -> None:
    # Appendix 2 reports are due on the 20th; 20/12/2020 is a Sunday.
    def dues() -> set[dt.date]:
        items = occurrences(
            db, dt.date(2020, 12, 15), dt.date(2020, 12, 31), today=dt.date(2020, 12, 1)
        )
        return {o.due for o in items if o.task_ref == "2.5"}

    assert cs.shifts_due_dates(db) is False
    assert dues() == {dt.date(2020, 12, 20)}
    cs.set_shift_due_dates(db, True)
    assert dues() == {dt.date(2020, 12, 21)}  # the Monday after
