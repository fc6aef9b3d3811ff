"""Reports from the database: gather a report's data, then hand it to the report engine.

Builds run on a worker thread in the window, so every entry point opens its own read
connection from the database path (a sqlite3 connection belongs to one thread).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlite_utils import Database

from cchc_desktop.domain.model import (
    AgencyRole,
    Milestone,
    ParsedPlan,
    StatusCategory,
    Task,
    WorkState,
    plan_as_amended,
)
from cchc_desktop.domain.periods import ReportingPeriod, ReportingRules, period_due, period_window
from cchc_desktop.domain.status import TaskStatus, nearest_due, period_status
from cchc_desktop.domain.text import clean, fold
from cchc_desktop.errors import NotFoundError, ReportError, ValidationError
from cchc_desktop.reports import data as rd
from cchc_desktop.reports.agency import build_agency_report
from cchc_desktop.reports.deadlines import build_overdue_report
from cchc_desktop.reports.document import ReportResult
from cchc_desktop.reports.kinds import DOC_TYPES as DOC_TYPES
from cchc_desktop.reports.kinds import REPORT_LABELS as REPORT_LABELS
from cchc_desktop.reports.kinds import ReportKind as ReportKind
from cchc_desktop.reports.period import build_period_report
from cchc_desktop.reports.plan import build_plan_report
from cchc_desktop.services import organisation, settings_service
from cchc_desktop.services.deadline_service import open_window
from cchc_desktop.services.plan_service import load_plan, plan_for_year
from cchc_desktop.store.db import connect

Progress = Callable[[int], None]
Cancelled = Callable[[], bool]

# Severity order used to combine several units' statuses into one for a task: the report shows
# the least advanced unit, so a lagging commune is never hidden behind a finished department.
_SEVERITY = (
    StatusCategory.IN_PROGRESS_OVERDUE,
    StatusCategory.NOT_STARTED,
    StatusCategory.IN_PROGRESS_ON_TIME,
    StatusCategory.DONE_LATE,
    StatusCategory.DONE_ON_TIME,
    StatusCategory.NOT_APPLICABLE,
)


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """What the clerk asked for; `number`/`issue_date` fill the document's number and date."""

    kind: ReportKind
    year: int
    period: ReportingPeriod | None = None
    agency: str = ""
    as_of: dt.date | None = None  # statuses as of this day (default: today)
    horizon_days: int = 30
    number: int | None = None
    issue_date: dt.date | None = None
    blank_number_and_date: bool = False

    def validate(self) -> None:
        if self.kind is ReportKind.PERIOD and self.period is None:
            raise ValidationError("Hãy chọn kỳ báo cáo (Quý I, 6 tháng, 9 tháng hoặc Năm).")
        if self.kind is ReportKind.AGENCY and not self.agency.strip():
            raise ValidationError("Hãy chọn cơ quan cần lập phiếu giao nhiệm vụ.")


def build_report(
    db_path: Path,
    request: ReportRequest,
    out_path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReportResult:
    """Build the requested report from the database at `db_path` into `out_path`."""
    request.validate()
    db = connect(db_path, read_only=True)
    try:
        office = settings_service.load_office_settings(db)
        plan_summary = plan_for_year(db, request.year)
        options = rd.DocumentOptions(
            number=request.number,
            issue_date=request.issue_date,
            blank_number_and_date=request.blank_number_and_date,
        )
        if request.kind in (ReportKind.PERIOD, ReportKind.OVERDUE):
            options = sent_up(options, office.recipients)
        today = request.as_of or dt.datetime.now().astimezone().date()
        if options.issue_date is None:
            # A date line filled in by hand after signing, which follows printing: it carries
            # the year it is printed in, as the register's next number does.
            options = replace(options, blank_year=today.year)
        if request.kind is ReportKind.PLAN:
            plan = load_plan(db, plan_summary.id)
            if request.as_of is not None:
                plan = plan_as_amended(plan, request.as_of)  # the plan as amended on that day
            return build_plan_report(
                plan, office, out_path, options=options, progress=progress, cancelled=cancelled
            )
        if request.kind is ReportKind.PERIOD:
            assert request.period is not None  # validated above
            period_data = period_report_data(
                db, plan_summary.id, request.period, today, settings_service.reporting_rules(db)
            )
            return build_period_report(
                period_data,
                office,
                out_path,
                options=options,
                progress=progress,
                cancelled=cancelled,
            )
        if request.kind is ReportKind.OVERDUE:
            deadline_data = deadline_report_data(db, plan_summary.id, today, request.horizon_days)
            return build_overdue_report(
                deadline_data,
                office,
                out_path,
                options=options,
                progress=progress,
                cancelled=cancelled,
            )
        sheet = agency_sheet_data(db, plan_summary.id, request.agency, today)
        return build_agency_report(
            sheet, office, out_path, options=options, progress=progress, cancelled=cancelled
        )
    finally:
        db.conn.close()


# Abbreviations stay in capitals in running text ("… cải cách hành chính (CCHC) của UBND …").
_ABBREVIATION = re.compile(r"^\W*(?:UBND|HĐND|CCHC|TTHC|CNTT|QPPL|VBQPPL|MTTQ|PAR|SIPAS)\W*$")


def running_title(title: str) -> str:
    """A plan's title as it reads inside a sentence: "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2020"
    and "KẾ HOẠCH Cải cách hành chính xã Đông Hưng năm 2025" both start "Kế hoạch c…"; words
    after the capitals keep their case (place names)."""
    words = clean(title).split(" ")
    capitals = 0
    while capitals < len(words) and words[capitals] == words[capitals].upper():
        capitals += 1
    if capitals == 0:
        return clean(title)
    lowered = [w if _ABBREVIATION.match(w) else w.lower() for w in words[:capitals]]
    lowered += words[capitals:]
    if capitals < len(words):
        lowered[capitals] = lowered[capitals][:1].lower() + lowered[capitals][1:]
    text = " ".join(lowered)
    return text[:1].upper() + text[1:]


_FOR_REPORT = re.compile(r"\s*\(b/c\)\s*[;.]?\s*$")


def sent_up(options: rd.DocumentOptions, recipients: tuple[str, ...]) -> rd.DocumentOptions:
    """A report sent up is addressed ("Kính gửi:", ô 9a) to the bodies it reports to, the
    office's recipients marked "(b/c)"; its Nơi nhận then starts with "- Như trên;"
    (official-format.md, PL-I §II.9)."""
    upward = [r for r in recipients if _FOR_REPORT.search(r)]
    if not upward:
        return options
    others = tuple(r for r in recipients if r not in upward)
    return replace(
        options,
        addressees=tuple(_FOR_REPORT.sub("", r) for r in upward),
        recipients=("Như trên;", *others),
    )


def plan_reference(plan: ParsedPlan) -> rd.PlanReference:
    return rd.PlanReference(
        title=running_title(plan.title),
        decision_number=plan.decision.number,
        decision_date=plan.decision.date,
        issuer=plan.decision.issuing_body,
    )


# ---------------------------------------------------------------- the periodic result report


@dataclass(frozen=True, slots=True)
class _Progress:
    unit_id: str
    unit_name: str
    state: WorkState
    percent: int | None
    result: str
    completed_on: dt.date | None
    evidence: int


def _period_progress(
    db: Database, plan_id: str, year: int, period: ReportingPeriod
) -> dict[str, list[_Progress]]:
    rows = db.execute(
        "SELECT p.task_id, p.unit_id, g.name, p.state, p.percent, p.result, p.completed_on,"
        " (SELECT count(*) FROM evidence e WHERE e.progress_id = p.id AND e.deleted = 0)"
        " FROM progress p JOIN task t ON t.id = p.task_id JOIN agency g ON g.id = p.unit_id"
        " WHERE t.plan_id = ? AND p.year = ? AND p.period = ? AND p.deleted = 0"
        " ORDER BY g.name",
        [plan_id, year, str(period)],
    ).fetchall()
    result: dict[str, list[_Progress]] = {}
    for task_id, unit_id, name, state, percent, text, completed, evidence in rows:
        result.setdefault(task_id, []).append(
            _Progress(
                unit_id,
                name,
                WorkState(state),
                percent,
                text,
                dt.date.fromisoformat(completed) if completed else None,
                evidence,
            )
        )
    return result


def _lead(task: Task) -> str:
    for role in (AgencyRole.LEAD, AgencyRole.IMPLEMENTING):
        names = [a.name for a in task.agencies if a.role is role]
        if names:
            return "; ".join(names)
    return task.agencies[0].name if task.agencies else ""


def period_report_data(
    db: Database,
    plan_id: str,
    period: ReportingPeriod,
    today: dt.date,
    rules: ReportingRules,
) -> rd.PeriodReportData:
    """The periodic report's figures, straight from the progress rows of the period.

    Statuses are judged as of the report's due day (or today, if that is earlier), so a report
    for a past period reads as it would have on its due date.
    """
    plan = load_plan(db, plan_id)
    year = plan.year
    as_of = min(today, period_due(period, year, rules))
    progress = _period_progress(db, plan_id, year, period)
    window = period_window(period, year, rules)
    # A task cancelled by the end of the period's data window is no longer reported: the
    # periods that closed before the amending decision still report it.
    cancelled_on = {a.number: a.date for a in plan.amendments}
    areas: list[rd.AreaResult] = []
    units: dict[str, list[rd.UnitTaskRow]] = {}
    for appendix in plan.appendices:
        rows: list[rd.TaskResultRow] = []
        for task in appendix.tasks:
            if task.cancelled_by is not None and cancelled_on[task.cancelled_by] <= window[1]:
                continue
            reports = progress.get(task.id, [])
            statuses = [
                (
                    p,
                    period_status(
                        task.milestones, period, year, p.state, p.completed_on, as_of, rules=rules
                    ),
                )
                for p in reports
            ]
            if statuses:
                status = min((s for _, s in statuses), key=lambda s: _SEVERITY.index(s.category))
            else:
                status = period_status(
                    task.milestones, period, year, None, None, as_of, rules=rules
                )
            chosen = _judged_due(task.milestones, period, year, rules)
            percents = [p.percent for p in reports if p.percent is not None]
            rows.append(
                rd.TaskResultRow(
                    appendix=appendix.number,
                    no=task.no,
                    title=task.title,
                    status=status.category,
                    lead_agency=_lead(task),
                    due=chosen,
                    timeline=task.timeline,
                    percent=round(sum(percents) / len(percents)) if percents else None,
                    result=" ".join(
                        f"{p.unit_name}: {p.result}" if len(reports) > 1 else p.result
                        for p in reports
                        if p.result
                    ),
                    evidence_count=sum(p.evidence for p in reports),
                )
            )
            for p, unit_status in statuses:
                units.setdefault(p.unit_name, []).append(
                    rd.UnitTaskRow(
                        appendix=appendix.number,
                        no=task.no,
                        title=task.title,
                        status=unit_status.category,
                        percent=p.percent,
                        result=p.result,
                        evidence_count=p.evidence,
                    )
                )
        areas.append(
            rd.AreaResult(
                appendix=appendix.number,
                title=appendix.title,
                lead_agency=appendix.lead_agency,
                tasks=tuple(rows),
            )
        )
    return rd.PeriodReportData(
        year=year,
        period=period,
        plan=plan_reference(plan),
        areas=tuple(areas),
        indicators=tuple(indicator_rows(db, plan_id, year, period)),
        units=tuple(
            rd.UnitResults(unit=name, rows=tuple(rows))
            for name, rows in sorted(units.items(), key=lambda item: fold(item[0]))
        ),
        data_from=window[0],
        data_to=window[1],
    )


def _judged_due(
    milestones: Iterable[Milestone], period: ReportingPeriod, year: int, rules: ReportingRules
) -> dt.date | None:
    from cchc_desktop.domain.status import milestone_for_period

    chosen = milestone_for_period(list(milestones), period, year, rules)
    return chosen.due if chosen else None


def indicator_rows(
    db: Database, plan_id: str, year: int, period: ReportingPeriod
) -> Iterable[rd.IndicatorRow]:
    """Each indicator of the plan with the average of the units' values for the period."""
    for indicator_id, title, unit, target, comparator in db.execute(
        "SELECT id, title, unit, target, comparator FROM indicator"
        " WHERE plan_id = ? AND deleted = 0 ORDER BY ord",
        [plan_id],
    ).fetchall():
        values = [
            float(v)
            for (v,) in db.execute(
                "SELECT value FROM indicator_value WHERE indicator_id = ? AND year = ?"
                " AND period = ? AND deleted = 0 AND value IS NOT NULL",
                [indicator_id, year, str(period)],
            ).fetchall()
        ]
        yield rd.IndicatorRow(
            name=title,
            target=float(target) if target else None,
            actual=sum(values) / len(values) if values else None,
            unit=unit,
            higher_is_better=comparator != "<=",
            note=f"{len(values)} đơn vị báo cáo" if values else "Chưa có số liệu",
        )


# ---------------------------------------------------------------- overdue and due soon


def deadline_report_data(
    db: Database, plan_id: str, as_of: dt.date, horizon_days: int
) -> rd.DeadlineReportData:
    plan = load_plan(db, plan_id)
    items = open_window(db, plan_id, as_of, horizon_days)
    overdue: dict[tuple[str, dt.date, str], list[str]] = {}
    soon: dict[tuple[str, dt.date, str], list[str]] = {}
    info: dict[str, tuple[int, str, str]] = {}
    status_of: dict[tuple[str, dt.date, str], TaskStatus] = {}
    for o in items:
        appendix_no, _, no = o.task_ref.partition(".")
        info[o.task_id] = (int(appendix_no), no, o.task_title)
        key = (o.task_id, o.due, o.label)
        if o.status.overdue:
            overdue.setdefault(key, []).append(o.unit_name)
        elif o.status.due_soon or (
            as_of <= o.due <= as_of + dt.timedelta(days=horizon_days)
            and o.status.category not in _FINISHED
        ):
            soon.setdefault(key, []).append(o.unit_name)
        known = status_of.get(key)
        if known is None or _SEVERITY.index(o.status.category) < _SEVERITY.index(known.category):
            status_of[key] = o.status
    leads = _register_leads(db, plan_id)

    def rows(group: dict[tuple[str, dt.date, str], list[str]]) -> tuple[rd.DeadlineRow, ...]:
        return tuple(
            rd.DeadlineRow(
                appendix=info[task_id][0],
                no=info[task_id][1],
                title=info[task_id][2],
                milestone=label,
                due=due,
                lead_agency=leads.get(task_id, ""),
                status=status_of[(task_id, due, label)].category,
                units_pending=tuple(u for u in units if u),
            )
            for (task_id, due, label), units in sorted(group.items(), key=lambda kv: kv[0][1])
        )

    return rd.DeadlineReportData(
        year=plan.year,
        as_of=as_of,
        plan=plan_reference(plan),
        overdue=rows(overdue),
        due_soon=rows(soon),
        horizon_days=horizon_days,
    )


def _register_leads(db: Database, plan_id: str) -> dict[str, str]:
    """Each task's lead agencies under their register names, so that the spellings of one
    agency ("Văn phòng HĐND&UBND", "Văn phòng HĐND-UBND huyện") count as one row."""
    by_task: dict[str, dict[str, list[str]]] = {}
    for task_id, name, role in db.execute(
        "SELECT ta.task_id, a.name, ta.role FROM task_agency ta JOIN task t ON t.id = ta.task_id"
        " JOIN agency a ON a.id = ta.agency_id WHERE t.plan_id = ? AND ta.deleted = 0"
        " ORDER BY ta.task_id, ta.ord",
        [plan_id],
    ).fetchall():
        names = by_task.setdefault(task_id, {}).setdefault(role, [])
        if name not in names:
            names.append(name)
    leads: dict[str, str] = {}
    for task_id, roles in by_task.items():
        chosen = roles.get("lead") or roles.get("implementing") or next(iter(roles.values()))
        leads[task_id] = "; ".join(chosen)
    return leads


_FINISHED = (StatusCategory.DONE_ON_TIME, StatusCategory.DONE_LATE, StatusCategory.NOT_APPLICABLE)


# ---------------------------------------------------------------- the assignment sheet


def agency_sheet_data(
    db: Database, plan_id: str, agency_name: str, today: dt.date
) -> rd.AgencySheetData:
    agency = organisation.find_agency(db, agency_name)
    if agency is None:
        raise NotFoundError(f"Không tìm thấy cơ quan “{agency_name}” trong danh sách cơ quan.")
    plan = load_plan(db, plan_id)
    roles = dict(
        db.execute(
            "SELECT ta.task_id, ta.role FROM task_agency ta JOIN task t ON t.id = ta.task_id"
            " WHERE t.plan_id = ? AND ta.agency_id = ? AND ta.deleted = 0 ORDER BY ta.ord DESC",
            [plan_id, agency.id],
        ).fetchall()
    )
    rows = []
    for appendix in plan.appendices:
        for task in appendix.tasks:
            role = roles.get(task.id)
            if role is None or task.cancelled:
                continue
            upcoming = nearest_due(task.milestones, today)
            rows.append(
                rd.AgencyTaskRow(
                    appendix=appendix.number,
                    no=task.no,
                    title=task.title,
                    role=AgencyRole(role),
                    products=task.products,
                    agencies_text=task.agencies_text,
                    timeline=task.timeline,
                    next_due=upcoming.due if upcoming else None,
                    appendix_title=appendix.title,
                    note=task.note,
                )
            )
    if not rows:
        raise ReportError(f"Cơ quan “{agency.name}” không được giao nhiệm vụ nào trong kế hoạch.")
    return rd.AgencySheetData(
        year=plan.year, agency=agency.name, plan=plan_reference(plan), rows=tuple(rows)
    )
