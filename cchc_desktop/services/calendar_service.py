"""The office's working-day calendar: public holidays plus the days off (and make-up working
days) the government announces each year, and whether due dates on a day off are shown moved to
the next working day."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlite_utils import Database

from cchc_desktop.domain.text import clean
from cchc_desktop.errors import ValidationError
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits

SHIFT_SETTING = "calendar.shift_to_working_day"

if TYPE_CHECKING:
    from cchc_desktop.domain.workdays import WorkCalendar


@dataclass(frozen=True, slots=True)
class OfficeDay:
    """A day the office set itself: an extra day off, or a Saturday worked in exchange."""

    day: dt.date
    name: str
    working: bool


def office_days(db: Database, year: int | None = None) -> list[OfficeDay]:
    sql = "SELECT id, name, working FROM day_off WHERE deleted = 0"
    params: list[object] = []
    if year is not None:
        sql += " AND id LIKE ? || '-%'"
        params.append(str(year))
    return [
        OfficeDay(dt.date.fromisoformat(day), name, bool(working))
        for day, name, working in db.execute(sql + " ORDER BY id", params).fetchall()
    ]


def work_calendar(db: Database) -> WorkCalendar:
    """Public holidays (lunar ones included) with the office's own days added."""
    # Imported here: the holiday tables take 30 ms to load, which the window's start skips.
    from cchc_desktop.domain.workdays import EXTRA_DAY_OFF, WorkCalendar

    days = office_days(db)
    return WorkCalendar(
        extra_days_off={d.day: d.name or EXTRA_DAY_OFF for d in days if not d.working},
        extra_working_days=[d.day for d in days if d.working],
    )


def set_office_day(
    db: Database, day: dt.date, name: str = "", *, working: bool = False, author: str = ""
) -> Changes:
    """Add (or change) an announced day off, or a make-up working day when `working`."""
    name = clean(name)
    if working and day.weekday() < 5:
        raise ValidationError(
            f"Ngày {day:%d/%m/%Y} là ngày làm việc bình thường; ngày làm bù phải là thứ Bảy "
            "hoặc Chủ nhật."
        )
    from cchc_desktop.domain.workdays import EXTRA_DAY_OFF

    values = {"name": name or ("Làm bù" if working else EXTRA_DAY_OFF), "working": working}
    return apply_local_edits(
        db, [Edit("day_off", day.isoformat(), {**values, "deleted": 0})], author=author
    )


def remove_office_day(db: Database, day: dt.date, *, author: str = "") -> Changes:
    row = db.execute(
        "SELECT 1 FROM day_off WHERE id = ? AND deleted = 0", [day.isoformat()]
    ).fetchone()
    if row is None:
        raise ValidationError(
            f"Ngày {day:%d/%m/%Y} không có trong danh sách ngày nghỉ của cơ quan."
        )
    return apply_local_edits(db, [Edit("day_off", day.isoformat(), {"deleted": 1})], author=author)


def shifts_due_dates(db: Database) -> bool:
    """Whether due dates falling on a day off are shown on the next working day."""
    row = db.execute(
        "SELECT value FROM setting WHERE id = ? AND deleted = 0", [SHIFT_SETTING]
    ).fetchone()
    return bool(row and row[0] and json.loads(row[0]))


def set_shift_due_dates(db: Database, enabled: bool, *, author: str = "") -> Changes:
    return apply_local_edits(
        db, [Edit("setting", SHIFT_SETTING, {"value": json.dumps(enabled)})], author=author
    )
