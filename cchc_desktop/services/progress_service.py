"""Recording what a reporting unit did on a task in a reporting period, and reading it back."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from sqlite_utils import Database

from cchc_desktop.domain.model import WORK_STATE_LABELS, WorkState
from cchc_desktop.domain.periods import ReportingPeriod, parse_period
from cchc_desktop.domain.text import clean, fold, nfc, sort_key
from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits

_STATE_ALIASES: dict[str, WorkState] = {
    "not_started": WorkState.NOT_STARTED,
    "chua_trien_khai": WorkState.NOT_STARTED,
    "chua trien khai": WorkState.NOT_STARTED,
    "in_progress": WorkState.IN_PROGRESS,
    "dang_thuc_hien": WorkState.IN_PROGRESS,
    "dang thuc hien": WorkState.IN_PROGRESS,
    "done": WorkState.DONE,
    "hoan_thanh": WorkState.DONE,
    "hoan thanh": WorkState.DONE,
    "da hoan thanh": WorkState.DONE,
    "not_applicable": WorkState.NOT_APPLICABLE,
    "khong_thuc_hien": WorkState.NOT_APPLICABLE,
    "khong thuc hien": WorkState.NOT_APPLICABLE,
}


def parse_state(text: str) -> WorkState:
    """A work state from its code or its Vietnamese name, with or without accents."""
    key = fold(text.strip()).replace("-", "_")
    state = _STATE_ALIASES.get(key) or _STATE_ALIASES.get(key.replace("_", " "))
    if state is None:
        choices = ", ".join(f"{s.value} ({WORK_STATE_LABELS[s]})" for s in WorkState)
        raise ValidationError(f"Trạng thái “{text}” không hợp lệ. Chọn một trong: {choices}.")
    return state


@dataclass(frozen=True, slots=True)
class ProgressEdit:
    """One reporting unit's whole report on a task for one period."""

    task_id: str
    unit_id: str
    year: int
    period: ReportingPeriod
    state: WorkState
    percent: int | None
    result: str
    completed_on: dt.date | None


@dataclass(frozen=True, slots=True)
class ProgressRecord(ProgressEdit):
    """A stored report, with the names the lists show."""

    id: str
    task_ref: str  # "2.5": appendix 2, task 5
    task_title: str
    unit_name: str
    evidence_count: int


_TASK_REF = re.compile(r"^\s*(\d+)\s*[.,/-]\s*(\d+)\s*$")


def find_task(db: Database, plan_id: str, ref: str) -> str:
    """The id of task `ref` ("APPENDIX.NO", e.g. "2.5") in the plan."""
    match = _TASK_REF.match(ref)
    if match is None:
        raise ValidationError(
            f"Mã nhiệm vụ “{ref}” không đúng dạng PHỤ_LỤC.STT "
            "(ví dụ 2.5 là nhiệm vụ 5 của Phụ lục 02)."
        )
    appendix, no = int(match.group(1)), str(int(match.group(2)))
    rows = db.execute(
        "SELECT t.id, t.title FROM task t JOIN appendix a ON a.id = t.appendix_id"
        " WHERE t.plan_id = ? AND a.number = ? AND t.no = ? AND t.deleted = 0"
        " ORDER BY a.rowid, t.ord",
        [plan_id, appendix, no],
    ).fetchall()
    if not rows:
        raise NotFoundError(f"Không có nhiệm vụ {no} trong Phụ lục {appendix:02d} của kế hoạch.")
    if len(rows) > 1:  # the plan repeats the STT: never guess which task is meant
        titles = "; ".join(f"«{title[:60]}»" for _id, title in rows)
        raise ValidationError(
            f"Phụ lục {appendix:02d} có {len(rows)} nhiệm vụ cùng STT {no} ({titles}); "
            "không biết ghi cho nhiệm vụ nào. Hãy chọn nhiệm vụ trong cửa sổ chương trình."
        )
    return str(rows[0][0])


def validate_percent(percent: int | None) -> int | None:
    if percent is not None and not 0 <= percent <= 100:
        raise ValidationError("Tỷ lệ hoàn thành phải là số từ 0 đến 100.")
    return percent


def progress_row_id(task_id: str, unit_id: str, year: int, period: ReportingPeriod | str) -> str:
    return ids.progress_id(task_id, unit_id, year, str(parse_period(str(period))))


def validate_progress(edit: ProgressEdit, today: dt.date) -> ProgressEdit:
    """The one rule for a progress report, whoever writes it (window, command line, sync review).

    Done means 100 % (a smaller percent is refused) and a completion date, when one is given,
    not after today; no date is invented for a result recorded late. 100 % while "in progress"
    is refused; a state other than done keeps no completion date; "not applicable" needs the
    reason in the result text.
    """
    if not edit.unit_id:
        raise ValidationError("Hãy chọn đơn vị báo cáo.")
    validate_percent(edit.percent)
    percent = edit.percent
    completed = edit.completed_on
    if edit.state is WorkState.DONE:
        if percent is not None and percent < 100:
            raise ValidationError(
                "Nhiệm vụ đã hoàn thành thì tỷ lệ phải là 100 %; "
                "nếu chưa xong, hãy chọn “Đang thực hiện”."
            )
        percent = 100
        if completed is not None and completed > today:
            raise ValidationError("Ngày hoàn thành không được sau ngày hôm nay.")
    else:
        if percent == 100 and edit.state is WorkState.IN_PROGRESS:
            raise ValidationError(
                "Tỷ lệ 100 % nghĩa là đã hoàn thành: hãy chọn trạng thái “Đã hoàn thành”."
            )
        completed = None
    if edit.state is WorkState.NOT_APPLICABLE and not clean(edit.result):
        raise ValidationError("Nhiệm vụ không thực hiện thì phải ghi rõ lý do ở ô Kết quả.")
    return ProgressEdit(
        task_id=edit.task_id,
        unit_id=edit.unit_id,
        year=edit.year,
        period=parse_period(str(edit.period)),
        state=edit.state,
        percent=percent,
        result=nfc(edit.result).strip(),
        completed_on=completed,
    )


def _progress_values(edit: ProgressEdit) -> dict[str, object]:
    return {
        "task_id": edit.task_id,
        "unit_id": edit.unit_id,
        "year": edit.year,
        "period": str(edit.period),
        "state": str(edit.state),
        "percent": edit.percent,
        "result": edit.result,
        "completed_on": edit.completed_on,
        "deleted": 0,  # writing again revives a row an undo had removed
    }


def save_progress(
    db: Database, edit: ProgressEdit, *, today: dt.date | None = None, author: str = ""
) -> Changes:
    """Validate and write the (task, unit, year, period) progress row; a removed row comes back.

    Every path that writes a progress report ends here.
    """
    edit = validate_progress(edit, today or _today())
    row = progress_row_id(edit.task_id, edit.unit_id, edit.year, edit.period)
    return apply_local_edits(db, [Edit("progress", row, _progress_values(edit))], author=author)


def _today() -> dt.date:
    return dt.datetime.now().astimezone().date()


def _stored_edit(db: Database, row_id: str) -> ProgressEdit | None:
    """The live progress row as a ProgressEdit, or None."""
    row = db.execute(
        "SELECT task_id, unit_id, year, period, state, percent, result, completed_on"
        " FROM progress WHERE id = ? AND deleted = 0",
        [row_id],
    ).fetchone()
    if row is None:
        return None
    return ProgressEdit(
        task_id=row[0],
        unit_id=row[1],
        year=row[2],
        period=ReportingPeriod(row[3]),
        state=WorkState(row[4]),
        percent=row[5],
        result=row[6] or "",
        completed_on=dt.date.fromisoformat(row[7]) if row[7] else None,
    )


def set_progress(
    db: Database,
    *,
    task_id: str,
    unit_id: str,
    year: int,
    period: ReportingPeriod | str,
    state: WorkState | None = None,
    percent: int | None = None,
    result: str | None = None,
    completed_on: dt.date | None = None,
    today: dt.date | None = None,
    author: str = "",
) -> Changes:
    """Update the progress row of (task, unit, year, period) with the fields given, keeping the
    others, and write the whole report through `save_progress`'s rule.

    100 % with no state means done; done with no percent means 100 %; a done report keeps a
    completion date already recorded and invents none.
    """
    period = parse_period(str(period))
    validate_percent(percent)
    if state is None and percent == 100:
        state = WorkState.DONE
    if percent is None and state is WorkState.DONE:
        percent = 100
    stored = _stored_edit(db, progress_row_id(task_id, unit_id, year, period))
    base = stored or ProgressEdit(
        task_id, unit_id, year, period, WorkState.NOT_STARTED, None, "", None
    )
    edit = replace(
        base,
        state=base.state if state is None else state,
        percent=base.percent if percent is None else percent,
        result=base.result if result is None else result,
        completed_on=base.completed_on if completed_on is None else completed_on,
    )
    return save_progress(db, edit, today=today, author=author)


def check_progress_field(
    db: Database, row_id: str, field: str, value: object, *, today: dt.date | None = None
) -> None:
    """Refuse a single-field write (a sync review's choice) that would leave the report against
    `validate_progress`'s rule; a row that is not live is not checked."""
    stored = _stored_edit(db, row_id)
    if stored is None or field not in _CHECKED_FIELDS:
        return
    if field == "state":
        edit = replace(stored, state=WorkState(str(value)))
    elif field == "percent":
        edit = replace(stored, percent=None if value is None else int(str(value)))
    elif field == "result":
        edit = replace(stored, result="" if value is None else str(value))
    else:
        day = dt.date.fromisoformat(str(value)[:10]) if value else None
        edit = replace(stored, completed_on=day)
    validate_progress(edit, today or _today())


_CHECKED_FIELDS = frozenset({"state", "percent", "result", "completed_on"})


def list_progress(
    db: Database,
    *,
    year: int | None = None,
    period: ReportingPeriod | None = None,
    unit_id: str | None = None,
    task_id: str | None = None,
) -> list[ProgressRecord]:
    """Live progress rows, optionally of one year, period, unit or task."""
    sql = (
        "SELECT p.id, p.task_id, a.number, t.no, t.title, p.unit_id, g.name, p.year, p.period,"
        " p.state, p.percent, p.result, p.completed_on,"
        " (SELECT count(*) FROM evidence e WHERE e.progress_id = p.id AND e.deleted = 0)"
        " FROM progress p JOIN task t ON t.id = p.task_id JOIN appendix a ON a.id = t.appendix_id"
        " JOIN agency g ON g.id = p.unit_id WHERE p.deleted = 0"
    )
    params: list[object] = []
    if year is not None:
        sql += " AND p.year = ?"
        params.append(year)
    if task_id is not None:
        sql += " AND p.task_id = ?"
        params.append(task_id)
    if period is not None:
        sql += " AND p.period = ?"
        params.append(str(period))
    if unit_id is not None:
        sql += " AND p.unit_id = ?"
        params.append(unit_id)
    sql += " ORDER BY a.number, t.ord, g.name, p.period"
    return [
        ProgressRecord(
            id=r[0],
            task_id=r[1],
            task_ref=f"{r[2]}.{r[3]}",
            task_title=r[4],
            unit_id=r[5],
            unit_name=r[6],
            year=r[7],
            period=ReportingPeriod(r[8]),
            state=WorkState(r[9]),
            percent=r[10],
            result=r[11],
            completed_on=dt.date.fromisoformat(r[12]) if r[12] else None,
            evidence_count=r[13],
        )
        for r in db.execute(sql, params).fetchall()
    ]


def progress_to_json(record: ProgressRecord) -> dict[str, object]:
    return {
        "task": record.task_ref,
        "title": record.task_title,
        "unit": record.unit_name,
        "year": record.year,
        "period": str(record.period),
        "status": str(record.state),
        "percent": record.percent,
        "note": record.result,
        "completed_on": record.completed_on.isoformat() if record.completed_on else None,
        "evidence": record.evidence_count,
    }


_PERIOD_ORDER = {p.value: i for i, p in enumerate(ReportingPeriod)}


def list_task_progress(db: Database, task_id: str) -> list[ProgressRecord]:
    """Every live progress row of the task, by year, period, then unit name."""
    rows = list_progress(db, task_id=task_id)
    rows.sort(key=lambda r: (r.year, _PERIOD_ORDER[r.period.value], sort_key(r.unit_name)))
    return rows


def get_progress(db: Database, progress_id: str) -> ProgressRecord | None:
    row = db.execute("SELECT task_id FROM progress WHERE id = ?", [progress_id]).fetchone()
    if row is None:
        return None
    return next((p for p in list_task_progress(db, row[0]) if p.id == progress_id), None)


def reporting_units(db: Database, task_id: str) -> list[tuple[str, str]]:
    """(id, name) of the units that may report on a task: its own agencies first (lead,
    implementing, coordinating), then communes, then every other agency, each by name."""
    own = [
        (agency_id, name)
        for agency_id, name in db.execute(
            "SELECT ta.agency_id, g.name FROM task_agency ta JOIN agency g ON g.id = ta.agency_id"
            " WHERE ta.task_id = ? AND ta.deleted = 0 AND g.deleted = 0 ORDER BY ta.ord",
            [task_id],
        ).fetchall()
    ]
    seen = {a for a, _n in own}
    units = list(dict.fromkeys(own))
    others = db.execute("SELECT id, name, kind FROM agency WHERE deleted = 0").fetchall()
    others.sort(key=lambda r: (r[2] != "commune", sort_key(r[1])))
    units.extend((a, n) for a, n, _k in others if a not in seen)
    return units
