"""The plan's structure as the clerk changes it: new plans, appendices and tasks added, moved
and removed (parts, items and paragraphs: `node_structure`), and any node by its table.

Each operation is one call of the single write path (one transaction, one `Changes`, one undo
step). Numbers follow the order by themselves: a task's STT is its place in its appendix, an
appendix's number its place in the plan. Removing marks rows deleted, so progress and history
stay and undo brings them back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from cchc_desktop.domain.model import AgencyRole, NodeKind
from cchc_desktop.domain.office import numbered_document
from cchc_desktop.domain.text import clean
from cchc_desktop.errors import ConflictError, NotFoundError, ValidationError
from cchc_desktop.services import amendment_service, organisation, settings_service
from cchc_desktop.services.node_structure import (
    Created,
    descendants,
    remove_node,
    shift_node,
)
from cchc_desktop.services.task_service import (
    AgencyChoice,
    TaskEdit,
    agencies_text,
    agency_edits,
    validate_task_edit,
)
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.site import new_id

MAX_APPENDICES = 99


# ---------------------------------------------------------------- plans


def may_edit_plans(db: Database) -> bool:
    """Whether this PC may change plans (a commune's PC receives them from the district)."""
    from cchc_desktop.store import ownership
    from cchc_desktop.store.site import local_site

    return ownership.refusal(db, local_site(db), "plan", {}, ["title"]) is None


def new_plan(db: Database, year: int, *, title: str = "", author: str = "") -> Created:
    """An empty plan for `year`, its decision header taken from the office's settings."""
    if not 2000 <= year <= 2100:
        raise ValidationError(f"Năm {year} không hợp lệ (từ 2000 đến 2100).")
    existing = db.execute(
        "SELECT decision_number FROM plan WHERE year = ? AND deleted = 0", [year]
    ).fetchone()
    if existing is not None:
        number = f" ({numbered_document(existing[0])})" if existing[0] else " (dự thảo)"
        raise ConflictError(f"Đã có kế hoạch năm {year}{number}; hãy sửa kế hoạch đó.")
    office = settings_service.load_office_settings(db)
    title = clean(title) or f"KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM {year}"
    plan = ids.plan_id(year, "")
    edits = [
        Edit(
            "plan",
            plan,
            {
                "year": year,
                "title": title,
                "decision_number": "",
                "decision_date": None,
                "decision_title": f"Ban hành Kế hoạch cải cách hành chính năm {year}",
                # An office not set up yet leaves it for the clerk to fill in the header.
                "issuing_body": f"Chủ tịch {office.issuer_short}" if office.issuer_short else "",
                "signer_name": office.signer_name,
                "signer_position": office.signer_position,
                "signer_prefix": office.authority_prefix,
                "appendix_title": f"NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH NĂM {year}",
                "appendix_subtitle": "",
                "warnings": [],
                "current_amendment": None,
                "deleted": 0,
            },
        ),
        Edit(
            "plan_node",
            ids.node_id(plan, "decision"),
            {
                "plan_id": plan,
                "parent_id": None,
                "ord": 0,
                "kind": str(NodeKind.DECISION),
                "number": "",
                "text": f"Ban hành Kế hoạch cải cách hành chính năm {year}",
                "deleted": 0,
            },
        ),
    ]
    return Created(plan, apply_local_edits(db, edits, author=author))


# ---------------------------------------------------------------- appendices


def _appendix_order(db: Database, plan_id: str) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM appendix WHERE plan_id = ? AND deleted = 0 ORDER BY number, id",
            [plan_id],
        ).fetchall()
    ]


def _renumber_appendices(order: Sequence[str]) -> list[Edit]:
    return [Edit("appendix", row, {"number": i + 1}) for i, row in enumerate(order)]


def find_appendix(db: Database, plan_id: str, number: int) -> str:
    row = db.execute(
        "SELECT id FROM appendix WHERE plan_id = ? AND number = ? AND deleted = 0",
        [plan_id, number],
    ).fetchone()
    if row is None:
        raise NotFoundError(f"Kế hoạch không có Phụ lục {number:02d}.")
    return str(row[0])


def appendix_plan(db: Database, appendix_id: str) -> str:
    row = db.execute(
        "SELECT plan_id FROM appendix WHERE id = ? AND deleted = 0", [appendix_id]
    ).fetchone()
    if row is None:
        raise NotFoundError("Không tìm thấy phụ lục này (có thể đã bị xoá).")
    return str(row[0])


def add_appendix(
    db: Database,
    plan_id: str,
    title: str,
    *,
    lead_agency: str = "",
    index: int | None = None,
    author: str = "",
) -> Created:
    """A new appendix at `index` (0 = first; None = last); the ones after it move up a number."""
    title = clean(title)
    if not title:
        raise ValidationError("Tên phụ lục không được để trống.")
    order = _appendix_order(db, plan_id)
    if len(order) >= MAX_APPENDICES:
        raise ValidationError(f"Một kế hoạch có tối đa {MAX_APPENDICES} phụ lục.")
    row = new_id()
    order.insert(len(order) if index is None else max(0, min(index, len(order))), row)
    lead = clean(lead_agency)
    edits = [
        Edit(
            "appendix",
            row,
            {
                "plan_id": plan_id,
                "number": order.index(row) + 1,
                "title": title,
                "lead_agency": lead,
                "heading": title if not lead else f"{title} (cơ quan chủ trì: {lead})",
                "deleted": 0,
            },
        ),
        *_renumber_appendices(order),
    ]
    return Created(row, apply_local_edits(db, edits, author=author))


def move_appendix(db: Database, appendix_id: str, index: int, *, author: str = "") -> Changes:
    """Put the appendix at `index` among the plan's appendices; numbers follow."""
    order = _appendix_order(db, appendix_plan(db, appendix_id))
    order.remove(appendix_id)
    order.insert(max(0, min(index, len(order))), appendix_id)
    return apply_local_edits(db, _renumber_appendices(order), author=author)


def shift_appendix(db: Database, appendix_id: str, step: int, *, author: str = "") -> Changes:
    """Move the appendix one place up (-1) or down (+1)."""
    order = _appendix_order(db, appendix_plan(db, appendix_id))
    index = order.index(appendix_id) + step
    if not 0 <= index < len(order):
        raise ValidationError(
            "Phụ lục đã ở đầu danh sách." if step < 0 else "Phụ lục đã ở cuối danh sách."
        )
    return move_appendix(db, appendix_id, index, author=author)


def remove_appendix(db: Database, appendix_id: str, *, author: str = "") -> Changes:
    """Mark the appendix and its tasks deleted; the appendices after it move down a number."""
    order = _appendix_order(db, appendix_plan(db, appendix_id))
    order.remove(appendix_id)
    edits = [Edit("appendix", appendix_id, {"deleted": 1})]
    edits += [
        Edit("task", r[0], {"deleted": 1})
        for r in db.execute(
            "SELECT id FROM task WHERE appendix_id = ? AND deleted = 0", [appendix_id]
        ).fetchall()
    ]
    edits += _renumber_appendices(order)
    return apply_local_edits(db, edits, author=author)


# ---------------------------------------------------------------- tasks


@dataclass(frozen=True, slots=True)
class NewTask:
    """A task as the command line and the window's "Thêm nhiệm vụ" give it."""

    title: str
    lead: str = ""
    support: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    timeline: str = ""
    note: str = ""


def _task_order(db: Database, appendix_id: str) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM task WHERE appendix_id = ? AND deleted = 0 ORDER BY ord, id",
            [appendix_id],
        ).fetchall()
    ]


def _renumber_tasks(appendix_id: str, order: Sequence[str]) -> list[Edit]:
    return [
        Edit("task", row, {"appendix_id": appendix_id, "ord": i, "no": str(i + 1)})
        for i, row in enumerate(order)
    ]


def task_position(db: Database, appendix_id: str, after_no: str | None) -> int | None:
    """The index after task `after_no` of the appendix ("0": first); None when not given."""
    if after_no is None:
        return None
    text = after_no.strip()
    if not text.isdigit():
        raise ValidationError(f"Số thứ tự “{after_no}” không phải là một số.")
    if int(text) == 0:
        return 0
    order = _task_order(db, appendix_id)
    if int(text) > len(order):
        number = db.execute("SELECT number FROM appendix WHERE id = ?", [appendix_id]).fetchone()
        raise NotFoundError(
            f"Phụ lục {number[0]:02d} không có nhiệm vụ số {int(text)} (có {len(order)} nhiệm vụ)."
        )
    return int(text)


def _agency_choices(db: Database, task: NewTask) -> tuple[list[Edit], list[AgencyChoice]]:
    """Agencies by name (unknown names become agencies flagged for the clerk to confirm)."""
    edits: list[Edit] = []
    choices: list[AgencyChoice] = []
    named = [(task.lead, AgencyRole.LEAD)] if clean(task.lead) else []
    named += [(name, AgencyRole.COORDINATING) for name in task.support if clean(name)]
    for name, role in named:
        found = organisation.find_agency(db, name)
        if found is not None:
            agency = found.id
        else:
            new = organisation.agency_edits(name, needs_review=True)
            if new[0].row_id not in {e.row_id for e in edits}:
                edits.extend(new)
            agency = new[0].row_id
        choices.append(AgencyChoice(agency, role, clean(name)))
    return edits, choices


def add_task(
    db: Database,
    appendix_id: str,
    task: NewTask,
    *,
    index: int | None = None,
    author: str = "",
) -> Created:
    """A new task at `index` of the appendix (None: last); the STT of the tasks after it follow.

    Its milestones are read from the timeline; while the plan has a current amendment the task
    is recorded as added by it.
    """
    from cchc_desktop.domain.deadlines import parse_timeline, timeline_needs_review
    from cchc_desktop.services.plan_service import milestone_edits

    plan_id = appendix_plan(db, appendix_id)
    year, decision_date = db.execute(
        "SELECT year, decision_date FROM plan WHERE id = ?", [plan_id]
    ).fetchone()
    agency_rows, choices = _agency_choices(db, task)
    edit = validate_task_edit(
        TaskEdit(
            title=task.title,
            products=task.products,
            agencies=tuple(choices),
            timeline=task.timeline,
            note=task.note,
        )
    )
    decided = dt.date.fromisoformat(decision_date) if decision_date else None
    milestones = parse_timeline(edit.timeline, year, decided, settings_service.reporting_rules(db))
    order = _task_order(db, appendix_id)
    row = new_id()
    order.insert(len(order) if index is None else max(0, min(index, len(order))), row)
    current = amendment_service.current_id(db, plan_id)
    values: dict[str, object] = {
        "plan_id": plan_id,
        "appendix_id": appendix_id,
        "no": str(order.index(row) + 1),
        "ord": order.index(row),
        "title": edit.title,
        "products": list(edit.products),
        "agencies_text": agencies_text(db, edit.agencies),
        "timeline": edit.timeline,
        "note": edit.note,
        "needs_review": timeline_needs_review(milestones),
        "added_by": current,
        "amendment_id": current,
        "cancelled_by": None,
        "deleted": 0,
    }
    # New agencies come first: the task's agency rows name them (one transaction, one step).
    edits = [*agency_rows, Edit("task", row, values)]
    edits += agency_edits(db, row, edit.agencies)
    edits += milestone_edits(db, row, milestones)
    edits += _renumber_tasks(appendix_id, order)
    return Created(row, apply_local_edits(db, edits, author=author))


def task_appendix(db: Database, task_id: str) -> str:
    row = db.execute(
        "SELECT appendix_id FROM task WHERE id = ? AND deleted = 0", [task_id]
    ).fetchone()
    if row is None:
        raise NotFoundError("Không tìm thấy nhiệm vụ này (có thể đã bị xoá).")
    return str(row[0])


def task_index(db: Database, task_id: str) -> int:
    """The task's place in its appendix (0: first)."""
    return _task_order(db, task_appendix(db, task_id)).index(task_id)


def move_task(
    db: Database, task_id: str, appendix_id: str, index: int | None = None, *, author: str = ""
) -> Changes:
    """Put the task at `index` (None: last) of `appendix_id`; both appendices renumber."""
    source = task_appendix(db, task_id)
    plan_id = appendix_plan(db, appendix_id)
    if plan_id != appendix_plan(db, source):
        raise ValidationError("Chỉ chuyển được nhiệm vụ sang phụ lục của cùng kế hoạch.")
    old = _task_order(db, source)
    old.remove(task_id)
    target = old if source == appendix_id else _task_order(db, appendix_id)
    target.insert(len(target) if index is None else max(0, min(index, len(target))), task_id)
    edits = _renumber_tasks(appendix_id, target)
    if source != appendix_id:
        edits += _renumber_tasks(source, old)
        edits.append(Edit("task", task_id, amendment_service.change_values(db, plan_id)))
    return apply_local_edits(db, edits, author=author)


def shift_task(db: Database, task_id: str, step: int, *, author: str = "") -> Changes:
    """Move the task one place up (-1) or down (+1) in its appendix."""
    appendix = task_appendix(db, task_id)
    order = _task_order(db, appendix)
    index = order.index(task_id) + step
    if not 0 <= index < len(order):
        raise ValidationError(
            "Nhiệm vụ đã ở đầu phụ lục." if step < 0 else "Nhiệm vụ đã ở cuối phụ lục."
        )
    return move_task(db, task_id, appendix, index, author=author)


def remove_task(db: Database, task_id: str, *, author: str = "") -> Changes:
    """Mark the task deleted (progress and history stay); the tasks after it move up an STT."""
    appendix = task_appendix(db, task_id)
    order = _task_order(db, appendix)
    order.remove(task_id)
    edits = [Edit("task", task_id, {"deleted": 1}), *_renumber_tasks(appendix, order)]
    return apply_local_edits(db, edits, author=author)


# ---------------------------------------------------------------- any node by its table


def remove(db: Database, table: str, row_id: str, *, author: str = "") -> Changes:
    """Remove a task, an appendix, or a part/item/paragraph (`table` names which)."""
    if table == "task":
        return remove_task(db, row_id, author=author)
    if table == "appendix":
        return remove_appendix(db, row_id, author=author)
    return remove_node(db, row_id, author=author)


def shift(db: Database, table: str, row_id: str, step: int, *, author: str = "") -> Changes:
    """Move a task, an appendix, or a part/item/paragraph one place up (-1) or down (+1)."""
    if table == "task":
        return shift_task(db, row_id, step, author=author)
    if table == "appendix":
        return shift_appendix(db, row_id, step, author=author)
    return shift_node(db, row_id, step, author=author)


# ---------------------------------------------------------------- what a removal takes with it


def removal_summary(db: Database, table: str, row_id: str) -> str:
    """What removing the row takes with it, in words for the confirmation question."""
    if table == "task":
        reports = db.execute(
            "SELECT count(*) FROM progress WHERE task_id = ? AND deleted = 0", [row_id]
        ).fetchone()[0]
        evidence = db.execute(
            "SELECT count(*) FROM evidence e JOIN progress p ON p.id = e.progress_id"
            " WHERE p.task_id = ? AND e.deleted = 0",
            [row_id],
        ).fetchone()[0]
        if not reports:
            return "Nhiệm vụ chưa có báo cáo tiến độ nào."
        return (
            f"Đi kèm nhiệm vụ: {reports} báo cáo tiến độ và {evidence} tệp minh chứng"
            " (vẫn được giữ trong lịch sử)."
        )
    if table == "appendix":
        tasks = db.execute(
            "SELECT count(*) FROM task WHERE appendix_id = ? AND deleted = 0", [row_id]
        ).fetchone()[0]
        reports = db.execute(
            "SELECT count(*) FROM progress p JOIN task t ON t.id = p.task_id"
            " WHERE t.appendix_id = ? AND t.deleted = 0 AND p.deleted = 0",
            [row_id],
        ).fetchone()[0]
        return f"Đi kèm phụ lục: {tasks} nhiệm vụ và {reports} báo cáo tiến độ của chúng."
    below = len(descendants(db, row_id))
    if not below:
        return "Không có nội dung nào nằm dưới."
    return f"Đi kèm: {below} mục, đoạn nằm dưới."
