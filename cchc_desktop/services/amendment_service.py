"""Decisions that amend a plan ("điều chỉnh, bổ sung Kế hoạch …") and the tasks they touch.

Recording an amending decision makes it the plan's *current* amendment: tasks added, changed or
cancelled from then on name it (`task.added_by`, `task.amendment_id`, `task.cancelled_by`). A
cancelled task is never deleted: it stays in the plan, struck through, with its history and
progress, and leaves overdue counts, calendars and the reports of periods after the decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from cchc_desktop.domain.model import cancelled_mark
from cchc_desktop.domain.text import clean
from cchc_desktop.errors import ConflictError, NotFoundError, ValidationError
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.site import new_id

MAX_SUMMARY = 4000


@dataclass(frozen=True, slots=True)
class Amendment:
    id: str
    plan_id: str
    number: str
    date: dt.date
    signer_name: str = ""
    signer_position: str = ""
    summary: str = ""

    @property
    def label(self) -> str:
        """ "QĐ 125/QĐ-UBND ngày 15/05/2020", as the tree and history name it."""
        return f"QĐ {self.number} ngày {self.date:%d/%m/%Y}"


def _amendment(row: tuple[object, ...]) -> Amendment:
    return Amendment(
        id=str(row[0]),
        plan_id=str(row[1]),
        number=str(row[2]),
        date=dt.date.fromisoformat(str(row[3])),
        signer_name=str(row[4]),
        signer_position=str(row[5]),
        summary=str(row[6]),
    )


_COLUMNS = "id, plan_id, number, decision_date, signer_name, signer_position, summary"


def list_amendments(db: Database, plan_id: str) -> list[Amendment]:
    """The plan's amending decisions, oldest first."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM amendment WHERE plan_id = ? AND deleted = 0"  # noqa: S608
        " ORDER BY decision_date, number",
        [plan_id],
    ).fetchall()
    return [_amendment(r) for r in rows]


def get_amendment(db: Database, amendment_id: str) -> Amendment:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM amendment WHERE id = ? AND deleted = 0",  # noqa: S608
        [amendment_id],
    ).fetchone()
    if row is None:
        raise NotFoundError("Không tìm thấy quyết định điều chỉnh này.")
    return _amendment(row)


def current_id(db: Database, plan_id: str) -> str | None:
    """The amendment changes to the plan's tasks are recorded under now, if any."""
    row = db.execute(
        "SELECT p.current_amendment FROM plan p JOIN amendment a ON a.id = p.current_amendment"
        " WHERE p.id = ? AND a.deleted = 0",
        [plan_id],
    ).fetchone()
    return str(row[0]) if row and row[0] else None


def current(db: Database, plan_id: str) -> Amendment | None:
    row_id = current_id(db, plan_id)
    return get_amendment(db, row_id) if row_id else None


def change_values(db: Database, plan_id: str) -> dict[str, object]:
    """The task fields a change records while an amendment is current ({} when none is)."""
    row_id = current_id(db, plan_id)
    return {"amendment_id": row_id} if row_id else {}


def record_amendment(
    db: Database,
    plan_id: str,
    *,
    number: str,
    date: dt.date,
    signer_name: str = "",
    signer_position: str = "",
    summary: str = "",
    author: str = "",
) -> tuple[Amendment, Changes]:
    """Record an amending decision and make it the plan's current amendment."""
    number = clean(number)
    if not number:
        raise ValidationError("Số, ký hiệu của quyết định điều chỉnh không được để trống.")
    summary = clean(summary)
    if len(summary) > MAX_SUMMARY:
        raise ValidationError(f"Trích yếu quá dài (tối đa {MAX_SUMMARY} ký tự).")
    plan = db.execute(
        "SELECT year, decision_date FROM plan WHERE id = ? AND deleted = 0", [plan_id]
    ).fetchone()
    if plan is None:
        raise NotFoundError("Không tìm thấy kế hoạch.")
    year, issued = plan
    if issued and date < dt.date.fromisoformat(issued):
        raise ValidationError(
            f"Ngày quyết định điều chỉnh ({date:%d/%m/%Y}) không thể trước ngày ban hành "
            f"kế hoạch ({dt.date.fromisoformat(issued):%d/%m/%Y})."
        )
    if not year - 1 <= date.year <= year + 1:
        raise ValidationError(
            f"Ngày quyết định điều chỉnh ({date:%d/%m/%Y}) không thuộc thời gian của kế hoạch "
            f"năm {year}."
        )
    if any(a.number.casefold() == number.casefold() for a in list_amendments(db, plan_id)):
        raise ConflictError(f"Quyết định điều chỉnh số {number} đã được ghi cho kế hoạch này.")
    row = new_id()
    amendment = Amendment(
        row, plan_id, number, date, clean(signer_name), clean(signer_position), summary
    )
    edits = [
        Edit(
            "amendment",
            row,
            {
                "plan_id": plan_id,
                "number": number,
                "decision_date": date,
                "signer_name": amendment.signer_name,
                "signer_position": amendment.signer_position,
                "summary": summary,
                "deleted": 0,
            },
        ),
        Edit("plan", plan_id, {"current_amendment": row}),
    ]
    return amendment, apply_local_edits(db, edits, author=author)


def set_current(
    db: Database, plan_id: str, amendment_id: str | None, *, author: str = ""
) -> Changes:
    """Record later changes under `amendment_id` (None: under no amendment)."""
    if amendment_id is not None and get_amendment(db, amendment_id).plan_id != plan_id:
        raise ValidationError("Quyết định điều chỉnh này thuộc kế hoạch khác.")
    return apply_local_edits(
        db, [Edit("plan", plan_id, {"current_amendment": amendment_id})], author=author
    )


def cancel_task(db: Database, task_id: str, *, author: str = "") -> Changes:
    """Cancel a task under the plan's current amendment (it stays, struck through)."""
    row = db.execute(
        "SELECT plan_id, cancelled_by FROM task WHERE id = ? AND deleted = 0", [task_id]
    ).fetchone()
    if row is None:
        raise NotFoundError("Không tìm thấy nhiệm vụ này (có thể đã bị xoá).")
    plan_id, cancelled_by = row
    if cancelled_by:
        raise ConflictError(f"Nhiệm vụ đã bị bãi bỏ theo {get_amendment(db, cancelled_by).label}.")
    amendment = current_id(db, plan_id)
    if amendment is None:
        raise ValidationError(
            "Chưa có quyết định điều chỉnh nào đang áp dụng: hãy ghi quyết định điều chỉnh, "
            "bổ sung kế hoạch trước khi bãi bỏ nhiệm vụ."
        )
    return apply_local_edits(
        db,
        [Edit("task", task_id, {"cancelled_by": amendment, "amendment_id": amendment})],
        author=author,
    )


def cancelled_note(db: Database, task_id: str) -> str:
    """ "Đã bãi bỏ theo QĐ …" for a cancelled task, "" for a task in force."""
    row = db.execute(
        "SELECT a.number, a.decision_date FROM task t JOIN amendment a ON a.id = t.cancelled_by"
        " WHERE t.id = ?",
        [task_id],
    ).fetchone()
    if row is None:
        return ""
    return cancelled_mark(row[0], dt.date.fromisoformat(row[1]))


def amendments_to_json(amendments: list[Amendment]) -> list[dict[str, object]]:
    return [
        {"number": a.number, "date": a.date.isoformat(), "summary": a.summary} for a in amendments
    ]
