"""Recording what a reporting unit did on a task in a reporting period, and reading it back."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlite_utils import Database

from cchc_desktop.domain.model import WORK_STATE_LABELS, WorkState
from cchc_desktop.domain.periods import ReportingPeriod, parse_period
from cchc_desktop.domain.text import fold
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
class ProgressRecord:
    id: str
    task_id: str
    task_ref: str  # "2.5": appendix 2, task 5
    task_title: str
    unit_id: str
    unit_name: str
    year: int
    period: ReportingPeriod
    state: WorkState
    percent: int | None
    result: str
    completed_on: dt.date | None
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
    """Create or update the progress row of (task, unit, year, period); only given fields change.

    Marking a task done records no completion date unless one is given (today's date would be
    a made-up fact for a result recorded late); 100 % means done.
    """
    period = parse_period(str(period))
    validate_percent(percent)
    values: dict[str, object] = {
        "task_id": task_id,
        "unit_id": unit_id,
        "year": year,
        "period": str(period),
        "deleted": 0,  # writing again revives a row an undo had removed
    }
    if state is None and percent == 100:
        state = WorkState.DONE
    if state is not None:
        values["state"] = str(state)
        if state is WorkState.DONE:
            today = today or dt.datetime.now().astimezone().date()
            if completed_on is not None and completed_on > today:
                raise ValidationError("Ngày hoàn thành không được sau ngày hôm nay.")
            if percent is None:
                values["percent"] = 100
        elif completed_on is None:
            values["completed_on"] = None
    if completed_on is not None:
        values["completed_on"] = completed_on
    if percent is not None:
        values["percent"] = percent
    if result is not None:
        values["result"] = result
    row = ids.progress_id(task_id, unit_id, year, str(period))
    return apply_local_edits(db, [Edit("progress", row, values)], author=author)


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


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    id: str
    progress_id: str
    sha256: str
    file_name: str
    size: int
    caption: str


def add_evidence(
    db: Database,
    *,
    progress_id: str,
    sha256: str,
    file_name: str,
    size: int,
    caption: str = "",
    author: str = "",
) -> Changes:
    """Attach a stored file (already saved by its SHA-256 in the data folder) to a progress row.

    The same file attached twice to one row is one evidence row (its id derives from both).
    """
    row = db.execute("SELECT unit_id FROM progress WHERE id = ?", [progress_id]).fetchone()
    if row is None:
        raise NotFoundError("Hãy lưu tiến độ của kỳ này trước khi đính kèm minh chứng.")
    if not file_name.strip():
        raise ValidationError("Tệp minh chứng phải có tên.")
    evidence_id = ids.natural_id("evidence", progress_id, sha256)
    values = {
        "progress_id": progress_id,
        "unit_id": row[0],
        "sha256": sha256,
        "file_name": file_name,
        "size": size,
        "caption": caption,
        "deleted": 0,
    }
    return apply_local_edits(db, [Edit("evidence", evidence_id, values)], author=author)


def remove_evidence(db: Database, evidence_id: str, *, author: str = "") -> Changes:
    """Mark the evidence row deleted (a tombstone; the file stays for history and other rows)."""
    return apply_local_edits(db, [Edit("evidence", evidence_id, {"deleted": 1})], author=author)


def list_evidence(db: Database, progress_id: str) -> list[EvidenceRecord]:
    return [
        EvidenceRecord(*row)
        for row in db.execute(
            "SELECT id, progress_id, sha256, file_name, size, caption FROM evidence"
            " WHERE progress_id = ? AND deleted = 0 ORDER BY file_name",
            [progress_id],
        ).fetchall()
    ]
