"""An iCalendar (.ics) file of the plan's dated milestones, one all-day event each."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from cchc_desktop.domain.model import Appendix, Milestone, Task
from cchc_desktop.domain.text import clean
from cchc_desktop.reports.files import write_bytes_atomically

PRODID = "-//CCHC Desktop//Lịch thời hạn CCHC//VI"
# Fixed namespace: the same milestone gets the same UID in every export, so calendar programs
# update an event on re-import instead of duplicating it.
UID_NAMESPACE = uuid.UUID("6f1c3a52-8d0e-5b7a-9c41-2e5d7b9a0c13")
_TITLE_MAX = 40  # phones show about 40 characters of a title; the full text is in DESCRIPTION
REMINDERS = (dt.timedelta(days=7), dt.timedelta(days=1))  # before the due day, at 08:00


@dataclass(frozen=True, slots=True)
class CalendarExport:
    """What the .ics holds, and the tasks it could not hold (no due date), named for the clerk."""

    events: int
    undated: tuple[str, ...] = field(default=())  # "1.5", "3.1": tasks with no dated milestone

    def summary(self) -> str:
        text = f"{self.events} mốc thời hạn"
        if self.undated:
            text += (
                f"; {len(self.undated)} nhiệm vụ không có hạn cụ thể nên không có trong lịch "
                f"(nhiệm vụ {', '.join(self.undated)})"
            )
        return text


def milestone_uid(year: int, task: Task, milestone: Milestone) -> str:
    """A stable UID for one milestone of one task of the plan of `year`."""
    key = "|".join(
        (
            str(year),
            f"{task.appendix:02d}",
            clean(task.no),
            milestone.kind.value,
            milestone.due.isoformat() if milestone.due else "",
            clean(milestone.label),
            clean(milestone.source),
        )
    )
    return f"{uuid.uuid5(UID_NAMESPACE, key)}@cchc-desktop"


def milestone_summary(task: Task, milestone: Milestone) -> str:
    """A title a phone shows whole: "Hạn NV 2.5: Thực hiện tiếp nhận và trả kết…"."""
    title = clean(task.title).rstrip(".")
    if len(title) > _TITLE_MAX:
        title = title[: _TITLE_MAX - 1].rstrip() + "…"
    return f"Hạn NV {task.appendix}.{clean(task.no)}: {title}"


def build_calendar(
    appendices: Sequence[Appendix],
    *,
    year: int,
    name: str = "",
    stamp: dt.datetime | None = None,
) -> Calendar:
    """The calendar of every milestone with a due date; undated milestones are left out.

    Args:
        appendices: the plan's appendices with their tasks and milestones.
        year: the plan's year (part of each UID).
        name: the calendar's display name; default "Thời hạn CCHC năm <year>".
        stamp: DTSTAMP of the events (default: now, UTC).
    """
    when = stamp or dt.datetime.now(dt.UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", clean(name) or f"Thời hạn CCHC năm {year}")
    seen: set[str] = set()
    for appendix in appendices:
        for task in appendix.tasks:
            if task.cancelled:
                continue  # an amending decision cancelled it: nothing is due any more
            for milestone in task.milestones:
                if milestone.due is None:
                    continue
                uid = milestone_uid(year, task, milestone)
                if uid in seen:  # the same obligation written twice in one cell
                    continue
                seen.add(uid)
                cal.add_component(_event(appendix, task, milestone, milestone.due, uid, when))
    return cal


def _event(
    appendix: Appendix,
    task: Task,
    milestone: Milestone,
    due: dt.date,
    uid: str,
    stamp: dt.datetime,
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", due)
    event.add("dtend", due + dt.timedelta(days=1))
    event.add("summary", milestone_summary(task, milestone))
    event.add("status", "CONFIRMED")
    lines = [
        f"Phụ lục {appendix.number:02d}: {clean(appendix.title)}",
        f"Nhiệm vụ {clean(task.no)}: {clean(task.title)}",
    ]
    if milestone.label:
        lines.append(f"Mốc: {clean(milestone.label)}")
    if milestone.source:
        lines.append(f"Thời gian thực hiện: {clean(milestone.source)}")
    if task.agencies_text:
        lines.append(f"Cơ quan thực hiện: {clean(task.agencies_text)}")
    event.add("description", "\n".join(lines))
    event.add("categories", ["CCHC"])
    event.add("transp", "TRANSPARENT")
    for before in REMINDERS:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        days = before.days
        alarm.add("description", f"Còn {days} ngày: {milestone_summary(task, milestone)}")
        # 08:00 of the day `days` before the all-day event.
        alarm.add("trigger", -(before - dt.timedelta(hours=8)))
        event.add_component(alarm)
    return event


def undated_tasks(appendices: Sequence[Appendix]) -> tuple[str, ...]:
    """The tasks in force with no dated milestone ("thường xuyên", "khi có yêu cầu" …)."""
    return tuple(
        f"{task.appendix}.{clean(task.no)}"
        for appendix in appendices
        for task in appendix.tasks
        if not task.cancelled and not any(m.due is not None for m in task.milestones)
    )


def export_milestones_ics(
    appendices: Sequence[Appendix],
    path: str | os.PathLike[str],
    *,
    year: int,
    name: str = "",
    stamp: dt.datetime | None = None,
) -> CalendarExport:
    """Write the milestones calendar to `path` atomically; say what it holds and what not.

    Raises:
        ReportError: the file cannot be written.
    """
    cal = build_calendar(appendices, year=year, name=name, stamp=stamp)
    write_bytes_atomically(Path(path), cal.to_ical(), suffix=".ics")
    return CalendarExport(len(cal.walk("VEVENT")), undated_tasks(appendices))
