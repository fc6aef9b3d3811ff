"""Editing the plan from the window: a node's text, a task's cells, agencies, milestones.

Progress reports are written by `progress_service`, the one place their rule lives.

Every save is one call of the single write path, so one clerk action is one transaction and
one `Changes`; `revert_edits`/`reapply_edits` turn a `Changes` back into the edits that undo or
redo it (the window's undo stack uses them, so undo is logged like any other change).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlite_utils import Database

from cchc_desktop.domain.model import (
    ROLE_LABELS,
    AgencyRole,
    Milestone,
    MilestoneKind,
    NodeKind,
)
from cchc_desktop.domain.periods import ReportingRules
from cchc_desktop.domain.text import clean, nfc
from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.services import settings_service
from cchc_desktop.services.amendment_service import cancelled_note
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits

MAX_TITLE = 4000
MAX_TEXT = 100_000


# ---------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class NodeDetail:
    """A part, item, paragraph or the decision's text; or an appendix's heading fields."""

    table: str  # "plan_node" | "appendix"
    id: str
    kind: NodeKind
    number: str
    text: str  # plan_node text, or the appendix title
    lead_agency: str = ""  # appendix only
    heading: str = ""  # appendix only


@dataclass(frozen=True, slots=True)
class TaskAgencyRow:
    agency_id: str
    name: str  # the agency's current name
    written_name: str  # the spelling in the plan's cell
    role: AgencyRole
    needs_review: bool = False


@dataclass(frozen=True, slots=True)
class MilestoneRow:
    id: str
    ord: int
    milestone: Milestone


@dataclass(frozen=True, slots=True)
class TaskDetail:
    id: str
    plan_id: str
    plan_year: int
    decision_date: dt.date | None
    appendix_number: int
    no: str
    title: str
    products: tuple[str, ...]
    agencies: tuple[TaskAgencyRow, ...]
    timeline: str
    note: str
    milestones: tuple[MilestoneRow, ...]
    needs_review: bool
    cancelled: str = ""  # "Đã bãi bỏ theo QĐ …" when an amending decision cancelled it

    @property
    def ref(self) -> str:
        return f"{self.appendix_number}.{self.no}"


def load_node(db: Database, table: str, node_id: str) -> NodeDetail:
    if table == "appendix":
        row = db.execute(
            "SELECT number, title, lead_agency, heading FROM appendix WHERE id = ? AND deleted = 0",
            [node_id],
        ).fetchone()
        if row is None:
            raise NotFoundError("Không tìm thấy phụ lục này (có thể đã bị xoá).")
        return NodeDetail(
            "appendix", node_id, NodeKind.APPENDIX, f"{row[0]:02d}", row[1], row[2], row[3]
        )
    row = db.execute(
        "SELECT kind, number, text FROM plan_node WHERE id = ? AND deleted = 0", [node_id]
    ).fetchone()
    if row is None:
        raise NotFoundError("Không tìm thấy đoạn văn bản này (có thể đã bị xoá).")
    return NodeDetail("plan_node", node_id, NodeKind(row[0]), row[1], row[2])


def load_task(db: Database, task_id: str) -> TaskDetail:
    row = db.execute(
        "SELECT t.plan_id, p.year, p.decision_date, a.number, t.no, t.title, t.products,"
        " t.timeline, t.note, t.needs_review FROM task t JOIN plan p ON p.id = t.plan_id"
        " JOIN appendix a ON a.id = t.appendix_id WHERE t.id = ? AND t.deleted = 0",
        [task_id],
    ).fetchone()
    if row is None:
        raise NotFoundError("Không tìm thấy nhiệm vụ này (có thể đã bị xoá).")
    plan_id, year, decision, appendix, no, title, products, timeline, note, review = row
    agencies = tuple(
        TaskAgencyRow(agency_id, name, written or name, AgencyRole(role), bool(flag))
        for agency_id, name, written, role, flag in db.execute(
            "SELECT ta.agency_id, g.name, ta.written_name, ta.role, g.needs_review"
            " FROM task_agency ta JOIN agency g ON g.id = ta.agency_id"
            " WHERE ta.task_id = ? AND ta.deleted = 0 ORDER BY ta.ord",
            [task_id],
        ).fetchall()
    )
    return TaskDetail(
        id=task_id,
        plan_id=plan_id,
        plan_year=int(year),
        decision_date=dt.date.fromisoformat(decision) if decision else None,
        appendix_number=int(appendix),
        no=str(no),
        title=title,
        products=tuple(json.loads(products or "[]")),
        agencies=agencies,
        timeline=timeline,
        note=note,
        milestones=tuple(load_milestone_rows(db, task_id)),
        needs_review=bool(review),
        cancelled=cancelled_note(db, task_id),
    )


def load_milestone_rows(db: Database, task_id: str) -> list[MilestoneRow]:
    return [
        MilestoneRow(
            id=r[0],
            ord=r[1],
            milestone=Milestone(
                kind=MilestoneKind(r[3]),
                due=dt.date.fromisoformat(r[4]) if r[4] else None,
                period=r[5],
                source=r[6],
                label=r[2],
                warning=r[7],
                confirmed=bool(r[8]),
                overridden=bool(r[9]),
            ),
        )
        for r in db.execute(
            "SELECT id, ord, label, kind, due, period, source, warning, confirmed, overridden"
            " FROM milestone WHERE task_id = ? AND deleted = 0 ORDER BY ord",
            [task_id],
        ).fetchall()
    ]


def preview_milestones(
    timeline: str, plan_year: int, decision_date: dt.date | None, rules: ReportingRules
) -> list[Milestone]:
    """The milestones a timeline text gives, as saving would store them (never raises).

    `rules` are the office's reporting rules (`settings_service.reporting_rules`).
    """
    from cchc_desktop.domain.deadlines import parse_timeline  # the parser loads on first use

    return parse_timeline(timeline, plan_year, decision_date, rules)


# ---------------------------------------------------------------- writing: nodes


def save_node(
    db: Database,
    detail: NodeDetail,
    *,
    text: str,
    lead_agency: str = "",
    author: str = "",
) -> Changes:
    """Save a part/item/paragraph text, or an appendix's title and lead agency."""
    text = nfc(text).strip()
    if detail.table == "appendix":
        title = clean(text)
        if not title:
            raise ValidationError("Tên phụ lục không được để trống.")
        values: dict[str, object] = {"title": title, "lead_agency": clean(lead_agency)}
        return apply_local_edits(db, [Edit("appendix", detail.id, values)], author=author)
    if not text and detail.kind in (NodeKind.PART, NodeKind.ITEM):
        raise ValidationError("Tiêu đề của phần, mục không được để trống.")
    if len(text) > MAX_TEXT:
        raise ValidationError(f"Đoạn văn quá dài (tối đa {MAX_TEXT:,} ký tự).".replace(",", "."))
    return apply_local_edits(db, [Edit("plan_node", detail.id, {"text": text})], author=author)


# ---------------------------------------------------------------- writing: tasks


@dataclass(frozen=True, slots=True)
class AgencyChoice:
    """One agency of a task as the editor holds it."""

    agency_id: str
    role: AgencyRole
    written_name: str = ""


@dataclass(frozen=True, slots=True)
class MilestoneOverride:
    """A clerk's decision about one derived milestone (by its position in the timeline)."""

    ord: int
    due: dt.date | None
    confirmed: bool = True
    overridden: bool = False


@dataclass(frozen=True, slots=True)
class TaskEdit:
    """Everything the task editor can change."""

    title: str
    products: tuple[str, ...]
    agencies: tuple[AgencyChoice, ...]
    timeline: str
    note: str
    overrides: tuple[MilestoneOverride, ...] = field(default=())


def validate_task_edit(edit: TaskEdit) -> TaskEdit:
    """The edit cleaned (NFC, trimmed, empty products dropped), or ValidationError."""
    title = clean(edit.title)
    if not title:
        raise ValidationError("Tên nhiệm vụ không được để trống.")
    if len(title) > MAX_TITLE:
        raise ValidationError(f"Tên nhiệm vụ quá dài (tối đa {MAX_TITLE} ký tự).")
    products = tuple(p for p in (clean(x) for x in edit.products) if p)
    seen: set[tuple[str, AgencyRole]] = set()
    for choice in edit.agencies:
        key = (choice.agency_id, choice.role)
        if key in seen:
            raise ValidationError("Một cơ quan được chọn hai lần với cùng vai trò.")
        seen.add(key)
    leads = [a for a in edit.agencies if a.role is AgencyRole.LEAD]
    if len(leads) > 1:
        raise ValidationError("Mỗi nhiệm vụ chỉ có một cơ quan chủ trì.")
    for override in edit.overrides:
        if override.overridden and override.due is None:
            raise ValidationError("Mốc được sửa tay phải có ngày hạn.")
    return TaskEdit(
        title=title,
        products=products,
        agencies=edit.agencies,
        timeline=nfc(edit.timeline).strip(),
        note=nfc(edit.note).strip(),
        overrides=edit.overrides,
    )


def agencies_text(db: Database, agencies: Sequence[AgencyChoice]) -> str:
    """The "Cơ quan thực hiện" cell written again from roles, for printing an edited task."""
    names = _agency_names(db, [a.agency_id for a in agencies])
    parts: list[str] = []
    for role in AgencyRole:
        chosen = [a.written_name or names.get(a.agency_id, "") for a in agencies if a.role is role]
        if chosen:
            parts.append(f"- {ROLE_LABELS[role]}: {', '.join(chosen)}.")
    return " ".join(parts)


def _agency_names(db: Database, agency_ids: Sequence[str]) -> dict[str, str]:
    if not agency_ids:
        return {}
    marks = ",".join("?" for _ in agency_ids)
    return dict(
        db.execute(
            f"SELECT id, name FROM agency WHERE id IN ({marks})",  # noqa: S608 - placeholders only
            list(agency_ids),
        ).fetchall()
    )


def task_edits(db: Database, task_id: str, edit: TaskEdit) -> list[Edit]:
    """The edits that store `edit` on the task (agencies, milestones and flags included)."""
    # The timeline parser is imported when first needed, keeping it out of window start-up.
    from cchc_desktop.domain.deadlines import parse_timeline, timeline_needs_review
    from cchc_desktop.services.plan_service import milestone_edits

    edit = validate_task_edit(edit)
    current = load_task(db, task_id)
    edits: list[Edit] = []
    values: dict[str, object] = {
        "title": edit.title,
        "products": list(edit.products),
        "timeline": edit.timeline,
        "note": edit.note,
    }
    old_choices = tuple((a.agency_id, a.role) for a in current.agencies)
    new_choices = tuple((a.agency_id, a.role) for a in edit.agencies)
    if old_choices != new_choices:
        edits.extend(agency_edits(db, task_id, edit.agencies))
        values["agencies_text"] = agencies_text(db, edit.agencies)

    rules = settings_service.reporting_rules(db)
    milestones = parse_timeline(edit.timeline, current.plan_year, current.decision_date, rules)
    if edit.timeline != current.timeline:
        edits.extend(milestone_edits(db, task_id, milestones))
        keep = {ids.milestone_id(task_id, i) for i in range(len(milestones))}
        for row in current.milestones:
            if row.id not in keep and not row.milestone.confirmed:
                edits.append(Edit("milestone", row.id, {"deleted": 1}))
    for override in edit.overrides:
        row_id = ids.milestone_id(task_id, override.ord)
        override_values: dict[str, object] = {
            "confirmed": override.confirmed or override.overridden,
            "overridden": override.overridden,
        }
        if override.overridden:
            override_values["due"] = override.due
        edits.append(Edit("milestone", row_id, override_values))

    confirmed = {row.ord for row in current.milestones if row.milestone.confirmed}
    confirmed |= {o.ord for o in edit.overrides if o.confirmed or o.overridden}
    confirmed -= {o.ord for o in edit.overrides if not (o.confirmed or o.overridden)}
    doubtful = any(
        timeline_needs_review([m]) and i not in confirmed for i, m in enumerate(milestones)
    )
    # As on import: a task is flagged for its deadlines only; an unconfirmed agency is
    # flagged on the agency itself.
    values["needs_review"] = doubtful
    # While the plan is being amended, a changed task names the amending decision.
    from cchc_desktop.services.amendment_service import change_values

    changed = (edit.title, edit.products, edit.timeline, edit.note) != (
        current.title,
        current.products,
        current.timeline,
        current.note,
    )
    if changed or old_choices != new_choices:
        values.update(change_values(db, current.plan_id))
    edits.insert(0, Edit("task", task_id, values))
    return edits


def agency_edits(db: Database, task_id: str, choices: Sequence[AgencyChoice]) -> list[Edit]:
    edits: list[Edit] = []
    live: set[str] = set()
    names = _agency_names(db, [c.agency_id for c in choices])
    for i, choice in enumerate(choices):
        row = ids.task_agency_id(task_id, choice.agency_id, str(choice.role))
        live.add(row)
        edits.append(
            Edit(
                "task_agency",
                row,
                {
                    "task_id": task_id,
                    "agency_id": choice.agency_id,
                    "written_name": choice.written_name or names.get(choice.agency_id, ""),
                    "role": str(choice.role),
                    "ord": i,
                    "deleted": 0,
                },
            )
        )
    for (row_id,) in db.execute(
        "SELECT id FROM task_agency WHERE task_id = ? AND deleted = 0", [task_id]
    ).fetchall():
        if row_id not in live:
            edits.append(Edit("task_agency", row_id, {"deleted": 1}))
    return edits


def save_task(db: Database, task_id: str, edit: TaskEdit, *, author: str = "") -> Changes:
    """Store the editor's task in one transaction."""
    with db.atomic():
        return apply_local_edits(db, task_edits(db, task_id, edit), author=author)


def delete_task(db: Database, task_id: str, *, author: str = "") -> Changes:
    """Mark a task deleted (its progress and history stay; undo brings it back)."""
    if db.execute("SELECT 1 FROM task WHERE id = ? AND deleted = 0", [task_id]).fetchone() is None:
        raise NotFoundError("Không tìm thấy nhiệm vụ này (có thể đã bị xoá).")
    return apply_local_edits(db, [Edit("task", task_id, {"deleted": 1})], author=author)


# ---------------------------------------------------------------- undo support


def revert_edits(changes: Changes) -> list[Edit]:
    """Edits that put every changed field back as it was; rows `changes` created are deleted."""
    before: dict[tuple[str, str], dict[str, object]] = {}
    created: set[tuple[str, str]] = set()
    for c in changes.fields:
        key = (c.table, c.row_id)
        if c.created:
            created.add(key)
        fields = before.setdefault(key, {})
        fields.setdefault(c.field, c.old)  # the oldest value wins when commands were merged
    edits: list[Edit] = []
    for key, fields in before.items():
        table, row_id = key
        if key in created:
            edits.append(Edit(table, row_id, {"deleted": 1}))
        else:
            edits.append(Edit(table, row_id, fields))
    return edits


def reapply_edits(changes: Changes) -> list[Edit]:
    """Edits that write every changed field's new value again (a deleted created row revives)."""
    after: dict[tuple[str, str], dict[str, object]] = {}
    for c in changes.fields:
        fields = after.setdefault((c.table, c.row_id), {})
        fields[c.field] = c.new  # the newest value wins
        if c.created:
            fields.setdefault("deleted", 0)
    return [Edit(table, row_id, fields) for (table, row_id), fields in after.items()]


def apply_edits(db: Database, edits: Sequence[Edit], *, author: str = "") -> Changes:
    """Write edits computed by `revert_edits`/`reapply_edits` (one transaction)."""
    return apply_local_edits(db, edits, author=author)
