"""XLSX and iCalendar exports read back with the same rows and events."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from cchc_desktop.domain.model import (
    Milestone,
    MilestoneKind,
    ParsedPlan,
    StatusCategory,
    WorkState,
)
from cchc_desktop.errors import ReportError
from cchc_desktop.reports.data import PeriodReportData, summary_counts
from cchc_desktop.reports.ical_export import build_calendar, export_milestones_ics, milestone_uid
from cchc_desktop.reports.xlsx_export import (
    RESULT_COLUMNS,
    TASK_COLUMNS,
    export_period_xlsx,
    export_tasks_xlsx,
    result_rows,
    task_rows,
)

STAMP = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def _rows(ws: object) -> list[list[object]]:
    out = []
    for row in ws.iter_rows(min_row=2, values_only=True):  # type: ignore[attr-defined]
        out.append([v.date() if isinstance(v, dt.datetime) else v for v in row])
    return out


def test_tasks_xlsx_reopens_with_the_same_rows(tmp_path: Path, small_plan: ParsedPlan) -> None:
    path = export_tasks_xlsx(small_plan.appendices, tmp_path / "tasks.xlsx", title="Kế hoạch 2020")
    wb = load_workbook(path)
    ws = wb["Nhiệm vụ"]
    assert [c.value for c in ws[1]] == [c.header for c in TASK_COLUMNS]
    expected = [[None if v == "" else v for v in row] for row in task_rows(small_plan.appendices)]
    assert _rows(ws) == expected
    assert len(expected) == small_plan.task_count
    assert ws.freeze_panes == "A2"
    assert all(c.font.b for c in ws[1])
    assert ws.column_dimensions["D"].width == 60
    assert ws["D2"].alignment.wrap_text
    assert ws["J2"].number_format == "DD/MM/YYYY"
    # Cells as printed: the NFD title comes back NFC; lead and coordinating agencies split out.
    assert ws["D3"].value == "Rà soát, hệ thống hoá văn bản quy phạm pháp luật"
    assert ws["G2"].value == "Phòng Tư pháp"
    assert ws["H2"].value == "UBND các xã, thị trấn"
    assert ws["J2"].value.date() == dt.date(2020, 11, 30)
    # STT is a number (10 sorts after 2); rows are tall enough for their wrapped text; the
    # sheet prints one page wide, landscape, with the header on every page.
    assert ws["C2"].value == 1
    assert ws["C2"].data_type == "n"
    assert all(ws.row_dimensions[r].height >= 18 for r in range(2, ws.max_row + 1))
    tallest = max(range(2, ws.max_row + 1), key=lambda r: ws.row_dimensions[r].height)
    assert ws.row_dimensions[tallest].height > 18
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$1:$1"


def test_tasks_xlsx_has_status_and_progress(tmp_path: Path, make_db) -> None:  # type: ignore[no-untyped-def]
    from cchc_desktop.reports.xlsx_export import task_standings
    from cchc_desktop.services import plan_service, progress_service

    db = make_db()
    summary = plan_service.plan_for_year(db, 2020)
    plan = plan_service.load_plan(db, summary.id)
    task = progress_service.find_task(db, summary.id, "2.5")
    unit = db.execute("SELECT agency_id FROM task_agency WHERE task_id = ?", [task]).fetchone()[0]
    progress_service.set_progress(
        db,
        task_id=task,
        unit_id=unit,
        year=2020,
        period="Q1",
        percent=60,
        state=WorkState.IN_PROGRESS,
        today=dt.date(2020, 3, 15),
    )
    standings = task_standings(db, summary.id, dt.date(2020, 3, 15))
    path = export_tasks_xlsx(plan.appendices, tmp_path / "t.xlsx", standings=standings)
    ws = load_workbook(path)["Nhiệm vụ"]
    headers = [c.value for c in ws[1]]
    status_col = headers.index("Tình trạng")
    percent_col = headers.index("Tiến độ (%)")
    rows = {(r[0], r[2]): r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows[(2, 5)][percent_col] == 60
    assert rows[(2, 5)][status_col].startswith("Chưa hoàn thành")
    assert rows[(1, 1)][status_col].startswith("Chưa triển khai")
    stts = [r[2] for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == 2]
    assert stts == sorted(stts) == list(range(1, 9))


def test_text_starting_with_equals_stays_text(tmp_path: Path, small_plan: ParsedPlan) -> None:
    first = small_plan.appendices[0]
    task = replace(first.tasks[0], title='=HYPERLINK("http://x")')
    plan_apps = (replace(first, tasks=(task,)),)
    wb = load_workbook(export_tasks_xlsx(plan_apps, tmp_path / "f.xlsx"))
    cell = wb["Nhiệm vụ"]["D2"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x")'


def test_period_xlsx_has_results_summary_indicators_and_units(
    tmp_path: Path, period_data: PeriodReportData
) -> None:
    path = export_period_xlsx(period_data, tmp_path / "period.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Kết quả", "Tổng hợp", "Chỉ tiêu", "Đơn vị"]
    results = wb["Kết quả"]
    assert [c.value for c in results[1]] == [c.header for c in RESULT_COLUMNS]
    expected = [[None if v == "" else v for v in row] for row in result_rows(period_data)]
    assert _rows(results) == expected
    summary = {row[0]: row[1] for row in _rows(wb["Tổng hợp"])}
    counts = summary_counts(period_data.tasks)
    assert summary["Hoàn thành đúng hạn"] == counts[StatusCategory.DONE_ON_TIME] == 3
    assert summary["Chưa hoàn thành – quá hạn"] == 4
    assert summary["Tổng cộng"] == len(period_data.tasks)
    assert len(_rows(wb["Chỉ tiêu"])) == len(period_data.indicators)
    assert len(_rows(wb["Đơn vị"])) == sum(len(u.rows) for u in period_data.units)
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"


def test_xlsx_write_error_is_a_report_error(tmp_path: Path, small_plan: ParsedPlan) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReportError, match="Không ghi được tệp"):
        export_tasks_xlsx(small_plan.appendices, blocker / "x.xlsx")


def test_ics_parses_back_with_the_same_events(tmp_path: Path, small_plan: ParsedPlan) -> None:
    written = export_milestones_ics(
        small_plan.appendices, tmp_path / "m.ics", year=2020, stamp=STAMP
    )
    dated = [
        (t, m)
        for a in small_plan.appendices
        for t in a.tasks
        for m in t.milestones
        if m.due is not None
    ]
    assert written.events == len(dated) == 3
    # The task with only a continuous (undated) milestone is not in the calendar, and says so.
    assert written.undated == ("2.1",)
    assert "1 nhiệm vụ không có hạn cụ thể nên không có trong lịch (nhiệm vụ 2.1)" in (
        written.summary()
    )
    cal = Calendar.from_ical((tmp_path / "m.ics").read_bytes())
    assert str(cal["X-WR-CALNAME"]) == "Thời hạn CCHC năm 2020"
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    for task, milestone in dated:
        event = events[milestone_uid(2020, task, milestone)]
        start = event["DTSTART"].dt
        assert start == milestone.due
        assert not isinstance(start, dt.datetime)
        assert event["DTEND"].dt == milestone.due + dt.timedelta(days=1)
        summary = str(event["SUMMARY"])
        # Short enough for a phone: the full text is in the description.
        assert summary.startswith(f"Hạn NV {task.appendix}.{task.no}: ")
        assert len(summary) <= 60
        full = unicodedata.normalize("NFC", task.title)
        assert f"Nhiệm vụ {task.no}: {full}" in str(event["DESCRIPTION"])
        assert str(event["STATUS"]) == "CONFIRMED"
        alarms = event.walk("VALARM")
        triggers = sorted(a["TRIGGER"].dt for a in alarms)
        assert triggers == [-dt.timedelta(days=6, hours=16), -dt.timedelta(hours=16)]
        assert all(str(a["ACTION"]) == "DISPLAY" for a in alarms)
        assert str(alarms[0]["DESCRIPTION"]).startswith("Còn 7 ngày: Hạn NV")
    nfd_event = events[milestone_uid(2020, *dated[1])]
    assert "Rà soát, hệ thống hoá văn bản quy phạm…" in str(nfd_event["SUMMARY"])


def test_ics_uids_are_stable_and_distinct(small_plan: ParsedPlan) -> None:
    first = [str(e["UID"]) for e in build_calendar(small_plan.appendices, year=2020).walk("VEVENT")]
    again = [str(e["UID"]) for e in build_calendar(small_plan.appendices, year=2020).walk("VEVENT")]
    assert first == again
    assert len(set(first)) == len(first)
    other_year = [
        str(e["UID"]) for e in build_calendar(small_plan.appendices, year=2021).walk("VEVENT")
    ]
    assert not set(first) & set(other_year)


def test_ics_skips_duplicate_milestones(small_plan: ParsedPlan) -> None:
    first = small_plan.appendices[0]
    task = first.tasks[0]
    twice = replace(task, milestones=(*task.milestones, task.milestones[0]))
    one = Milestone(MilestoneKind.DATE, dt.date(2020, 2, 3), "2020-02-03", "03/02/2020")
    extra = replace(first.tasks[1], milestones=(one,))
    cal = build_calendar((replace(first, tasks=(twice, extra)),), year=2020, stamp=STAMP)
    events = cal.walk("VEVENT")
    assert len(events) == 2
    assert str(events[1]["SUMMARY"]).startswith("Hạn NV 1.2: Rà soát")


def test_ics_leaves_out_a_cancelled_task(small_plan: ParsedPlan) -> None:
    first = small_plan.appendices[0]
    before = len(build_calendar(small_plan.appendices, year=2020, stamp=STAMP).walk("VEVENT"))
    cancelled = replace(first.tasks[0], cancelled_by="45/QĐ-UBND")
    plan = (replace(first, tasks=(cancelled, *first.tasks[1:])), *small_plan.appendices[1:])
    after = build_calendar(plan, year=2020, stamp=STAMP).walk("VEVENT")
    dated = sum(1 for m in first.tasks[0].milestones if m.due is not None)
    assert dated > 0
    assert len(after) == before - dated
    assert all(first.tasks[0].title[:20] not in str(e["SUMMARY"]) for e in after)
