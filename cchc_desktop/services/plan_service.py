"""Plans as stored data: import a parsed plan, read it back whole, list plans, show as JSON."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlite_utils import Database

from cchc_desktop.domain.model import (
    AmendmentRef,
    Appendix,
    Decision,
    ImportWarning,
    Milestone,
    MilestoneKind,
    NodeKind,
    ParsedPlan,
    PlanNode,
    Task,
    TaskAgency,
)
from cchc_desktop.domain.office import numbered_document
from cchc_desktop.errors import ConflictError, NotFoundError, ValidationError
from cchc_desktop.importer.agency_names import agency_key
from cchc_desktop.services import organisation, settings_service
from cchc_desktop.services.plan_matching import PlanMatch, RetiredTask, match_plan
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits


@dataclass(frozen=True, slots=True)
class PlanSummary:
    id: str
    year: int
    title: str
    decision_number: str
    decision_date: dt.date | None
    task_count: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    plan_id: str
    replaced: bool
    appendices: int
    tasks: int
    new_agencies: tuple[str, ...]
    warnings: tuple[ImportWarning, ...]
    changes: Changes
    retired: tuple[RetiredTask, ...] = ()  # stored tasks the new document no longer has


def find_existing(db: Database, parsed: ParsedPlan) -> PlanSummary | None:
    """The stored plan that `parsed` would replace (same year and decision), if any."""
    plan = ids.plan_id(parsed.year, parsed.decision.number)
    for summary in list_plans(db):
        if summary.id == plan:
            return summary
    return None


def import_plan(
    db: Database,
    parsed: ParsedPlan,
    *,
    replace_existing: bool = False,
    source_name: str = "",
    source_sha256: str = "",
    author: str = "",
) -> ImportResult:
    """Store `parsed` as one transaction; milestones are derived from each timeline.

    Importing a plan that exists already raises ConflictError unless `replace_existing`:
    replacing keeps task ids (so recorded progress stays attached), updates changed cells,
    marks rows absent from the new document as deleted, and keeps milestones a clerk confirmed.
    """
    plan = ids.plan_id(parsed.year, parsed.decision.number)
    existing = find_existing(db, parsed)
    if existing is not None and not replace_existing:
        # Said the same way to the window and the command line; each adds its own way out.
        which = (
            f"theo {numbered_document(existing.decision_number)}"
            if existing.decision_number
            else "(dự thảo, chưa có số quyết định)"
        )
        raise ConflictError(f"Kế hoạch năm {existing.year} {which} đã có trong cơ sở dữ liệu.")
    with db.atomic():
        matched = match_plan(db, plan, parsed)
        builder = _PlanEdits(db, plan, parsed, matched)
        edits = builder.build()
        edits.append(
            Edit("plan", plan, {"source_name": source_name, "source_sha256": source_sha256})
        )
        changes = apply_local_edits(db, edits, author=author)
    return ImportResult(
        plan_id=plan,
        replaced=existing is not None,
        appendices=len(parsed.appendices),
        tasks=parsed.task_count,
        new_agencies=tuple(builder.new_agencies),
        warnings=parsed.warnings,
        changes=changes,
        retired=matched.retired,
    )


class _PlanEdits:
    """Turns a ParsedPlan into the edits that store it (or bring a stored copy up to date)."""

    def __init__(self, db: Database, plan: str, parsed: ParsedPlan, matched: PlanMatch) -> None:
        self.db = db
        self.plan = plan
        self.parsed = parsed
        self.matched = matched
        self.edits: list[Edit] = []
        self.new_agencies: list[str] = []
        self._agency_ids: dict[str, str] = {}
        self._rules = settings_service.reporting_rules(db)  # the office's report due day
        self._live: dict[str, set[str]] = {}
        self._timelines: dict[str, tuple[Milestone, ...]] = {}

    def build(self) -> list[Edit]:
        p = self.parsed
        d = p.decision
        self.edits.append(
            Edit(
                "plan",
                self.plan,
                {
                    "year": p.year,
                    "title": p.title,
                    "decision_number": d.number,
                    "decision_date": d.date,
                    "decision_title": d.title,
                    "issuing_body": d.issuing_body,
                    "signer_name": d.signer,
                    "signer_position": d.signer_position,
                    "signer_prefix": d.authority_prefix,
                    "appendix_title": p.appendix_title,
                    "appendix_subtitle": p.appendix_subtitle,
                    "warnings": [w.message for w in p.warnings],
                    "deleted": 0,
                },
            )
        )
        decision_root = ids.node_id(self.plan, "decision")
        self._node(decision_root, None, 0, NodeKind.DECISION, "", d.title)
        for i, node in enumerate(d.body):
            self._tree(node, decision_root, f"decision/{i}", i)
        for i, part in enumerate(p.parts):
            self._tree(part, None, f"part/{i}", i + 1)
        for k, appendix in enumerate(p.appendices):
            self._appendix(appendix, self.matched.appendix_ids[k], self.matched.task_ids[k])
        self._retire_absent()
        return self.edits

    def _node(
        self, node: str, parent: str | None, ord_: int, kind: NodeKind, number: str, text: str
    ) -> None:
        self._live.setdefault("plan_node", set()).add(node)
        self.edits.append(
            Edit(
                "plan_node",
                node,
                {
                    "plan_id": self.plan,
                    "parent_id": parent,
                    "ord": ord_,
                    "kind": str(kind),
                    "number": number,
                    "text": text,
                    "deleted": 0,
                },
            )
        )

    def _tree(self, node: PlanNode, parent: str | None, path: str, ord_: int) -> None:
        node_id = ids.node_id(self.plan, path)
        self._node(node_id, parent, ord_, node.kind, node.number, node.text)
        for i, child in enumerate(node.children):
            self._tree(child, node_id, f"{path}/{i}", i)

    def _appendix(self, appendix: Appendix, appendix_id: str, task_ids: Sequence[str]) -> None:
        self._live.setdefault("appendix", set()).add(appendix_id)
        self.edits.append(
            Edit(
                "appendix",
                appendix_id,
                {
                    "plan_id": self.plan,
                    "number": appendix.number,
                    "title": appendix.title,
                    "lead_agency": appendix.lead_agency,
                    "heading": appendix.heading,
                    "deleted": 0,
                },
            )
        )
        for ord_, (task, task_id) in enumerate(zip(appendix.tasks, task_ids, strict=True)):
            self._task(appendix_id, task_id, ord_, task)

    def _timeline_milestones(self, timeline: str) -> tuple[Milestone, ...]:
        """The milestones of a timeline cell, read once per wording: a plan says "Thường
        xuyên" or "Quý IV/2025" for many tasks."""
        milestones = self._timelines.get(timeline)
        if milestones is None:
            from cchc_desktop.domain import deadlines

            milestones = self._timelines[timeline] = tuple(
                deadlines.parse_timeline(
                    timeline, self.parsed.year, self.parsed.decision.date, self._rules
                )
            )
        return milestones

    def _task(self, appendix_id: str, task_id: str, ord_: int, task: Task) -> None:
        self._live.setdefault("task", set()).add(task_id)
        # The parser loads on first use: compiling its patterns would slow the window's start.
        from cchc_desktop.domain import deadlines

        milestones = task.milestones or self._timeline_milestones(task.timeline)
        agency_ids = [self._agency(a.name) for a in task.agencies]
        # A task is flagged for its deadlines only; unconfirmed agencies are flagged on the
        # agency itself, so one unknown name does not mark every task it appears in.
        needs_review = deadlines.timeline_needs_review(milestones)
        self.edits.append(
            Edit(
                "task",
                task_id,
                {
                    "plan_id": self.plan,
                    "appendix_id": appendix_id,
                    "no": task.no,
                    "ord": ord_,
                    "title": task.title,
                    "products": list(task.products),
                    "agencies_text": task.agencies_text,
                    "timeline": task.timeline,
                    "note": task.note,
                    "needs_review": needs_review,
                    "deleted": 0,
                },
            )
        )
        for i, (agency, agency_id) in enumerate(zip(task.agencies, agency_ids, strict=True)):
            row = ids.task_agency_id(task_id, agency_id, str(agency.role))
            self._live.setdefault("task_agency", set()).add(row)
            self.edits.append(
                Edit(
                    "task_agency",
                    row,
                    {
                        "task_id": task_id,
                        "agency_id": agency_id,
                        "written_name": agency.name,
                        "role": str(agency.role),
                        "ord": i,
                        "deleted": 0,
                    },
                )
            )
        self.edits.extend(milestone_edits(self.db, task_id, milestones))
        self._live.setdefault("milestone", set()).update(
            ids.milestone_id(task_id, i) for i in range(len(milestones))
        )

    def _agency(self, name: str) -> str:
        key = agency_key(name)
        known = self._agency_ids.get(key)
        if known is not None:
            return known
        found = organisation.find_agency(self.db, name)
        if found is not None:
            agency_id = found.id
        else:
            edits = organisation.agency_edits(name, needs_review=True)
            self.edits.extend(edits)
            agency_id = edits[0].row_id
            self.new_agencies.append(name)
        self._agency_ids[key] = agency_id
        return agency_id

    def _retire_absent(self) -> None:
        """Mark rows of a replaced plan that the new document no longer has as deleted."""
        queries = {
            "plan_node": "SELECT id FROM plan_node WHERE plan_id = ? AND deleted = 0",
            "appendix": "SELECT id FROM appendix WHERE plan_id = ? AND deleted = 0",
            "task": "SELECT id FROM task WHERE plan_id = ? AND deleted = 0",
            "task_agency": "SELECT ta.id FROM task_agency ta JOIN task t ON t.id = ta.task_id"
            " WHERE t.plan_id = ? AND ta.deleted = 0",
            "milestone": "SELECT m.id FROM milestone m JOIN task t ON t.id = m.task_id"
            " WHERE t.plan_id = ? AND m.deleted = 0 AND m.confirmed = 0",
        }
        for table, sql in queries.items():
            live = self._live.get(table, set())
            for (row_id,) in self.db.execute(sql, [self.plan]).fetchall():
                if row_id not in live:
                    self.edits.append(Edit(table, row_id, {"deleted": 1}))


def milestone_edits(db: Database, task_id: str, milestones: Sequence[Milestone]) -> list[Edit]:
    """Edits storing a task's derived milestones; a clerk's confirmed milestones are kept."""
    confirmed = {
        row[0]
        for row in db.execute(
            "SELECT id FROM milestone WHERE task_id = ? AND confirmed = 1 AND deleted = 0",
            [task_id],
        ).fetchall()
    }
    edits: list[Edit] = []
    for i, m in enumerate(milestones):
        row = ids.milestone_id(task_id, i)
        if row in confirmed:
            continue
        edits.append(Edit("milestone", row, _milestone_values(task_id, i, m)))
    return edits


def _milestone_values(task_id: str, ord_: int, m: Milestone) -> dict[str, Any]:
    return {
        "task_id": task_id,
        "ord": ord_,
        "label": m.label,
        "kind": str(m.kind),
        "due": m.due,
        "period": m.period,
        "source": m.source,
        "warning": m.warning,
        "confirmed": m.confirmed,
        "overridden": m.overridden,
        "deleted": 0,
    }


# ---------------------------------------------------------------- reading


def list_plans(db: Database) -> list[PlanSummary]:
    rows = db.execute(
        "SELECT p.id, p.year, p.title, p.decision_number, p.decision_date,"
        " (SELECT count(*) FROM task t WHERE t.plan_id = p.id AND t.deleted = 0)"
        " FROM plan p WHERE p.deleted = 0 ORDER BY p.year DESC, p.title"
    ).fetchall()
    return [
        PlanSummary(
            id=r[0],
            year=r[1],
            title=r[2],
            decision_number=r[3],
            decision_date=dt.date.fromisoformat(r[4]) if r[4] else None,
            task_count=r[5],
        )
        for r in rows
    ]


def plan_for_year(db: Database, year: int) -> PlanSummary:
    plans = [p for p in list_plans(db) if p.year == year]
    if not plans:
        years = ", ".join(str(p.year) for p in list_plans(db)) or "chưa có kế hoạch nào"
        raise NotFoundError(f"Không có kế hoạch năm {year} (đang có: {years}).")
    return plans[0]


def load_plan(db: Database, plan_id: str) -> ParsedPlan:
    """The stored plan, whole, as the domain record the reports and JSON are built from."""
    row = db.execute(
        "SELECT year, title, decision_number, decision_date, decision_title, issuing_body,"
        " signer_name, signer_position, signer_prefix, appendix_title, appendix_subtitle, warnings"
        " FROM plan WHERE id = ? AND deleted = 0",
        [plan_id],
    ).fetchone()
    if row is None:
        raise NotFoundError("Không tìm thấy kế hoạch.")
    nodes = _load_nodes(db, plan_id)
    decision_root = ids.node_id(plan_id, "decision")
    decision = Decision(
        number=row[2],
        date=dt.date.fromisoformat(row[3]) if row[3] else None,
        signer=row[6],
        signer_position=row[7],
        authority_prefix=row[8],
        issuing_body=row[5],
        title=row[4],
        body=nodes.get(decision_root, ()),
    )
    from cchc_desktop.services.amendment_service import list_amendments

    amendments = list_amendments(db, plan_id)
    numbers = {a.id: a.number for a in amendments}
    return ParsedPlan(
        year=row[0],
        title=row[1],
        decision=decision,
        parts=nodes.get(None, ()),
        appendices=tuple(_load_appendices(db, plan_id, numbers)),
        appendix_title=row[9],
        appendix_subtitle=row[10],
        warnings=tuple(ImportWarning(m) for m in json.loads(row[11])),
        amendments=tuple(AmendmentRef(a.number, a.date, a.summary) for a in amendments),
    )


def _load_nodes(db: Database, plan_id: str) -> dict[str | None, tuple[PlanNode, ...]]:
    rows = db.execute(
        "SELECT id, parent_id, kind, number, text FROM plan_node"
        " WHERE plan_id = ? AND deleted = 0 ORDER BY ord",
        [plan_id],
    ).fetchall()
    by_parent: dict[str | None, list[tuple[str, str, str, str]]] = {}
    for node_id, parent, kind, number, text in rows:
        by_parent.setdefault(parent, []).append((node_id, kind, number, text))

    def build(parent: str | None) -> tuple[PlanNode, ...]:
        return tuple(
            PlanNode(NodeKind(kind), number, text, build(node_id))
            for node_id, kind, number, text in by_parent.get(parent, [])
            if kind != NodeKind.DECISION
        )

    result: dict[str | None, tuple[PlanNode, ...]] = {None: build(None)}
    decision_root = ids.node_id(plan_id, "decision")
    result[decision_root] = build(decision_root)
    return result


def _load_appendices(db: Database, plan_id: str, amendments: dict[str, str]) -> Iterable[Appendix]:
    tasks_by_appendix: dict[str, list[Task]] = {}
    agencies = _load_task_agencies(db, plan_id)
    milestones = load_milestones(db, plan_id)
    for (
        task_id,
        appendix_id,
        no,
        title,
        products,
        agencies_text,
        timeline,
        note,
        added_by,
        amendment,
        cancelled_by,
    ) in db.execute(
        "SELECT id, appendix_id, no, title, products, agencies_text, timeline, note, added_by,"
        " amendment_id, cancelled_by FROM task WHERE plan_id = ? AND deleted = 0 ORDER BY ord",
        [plan_id],
    ).fetchall():
        tasks_by_appendix.setdefault(appendix_id, []).append(
            Task(
                appendix=0,
                no=no,
                title=title,
                products=tuple(json.loads(products)),
                agencies=tuple(agencies.get(task_id, [])),
                agencies_text=agencies_text,
                timeline=timeline,
                note=note,
                milestones=tuple(milestones.get(task_id, [])),
                added_by=amendments.get(added_by or ""),
                amendment=amendments.get(amendment or ""),
                cancelled_by=amendments.get(cancelled_by or ""),
                id=task_id,
            )
        )
    for appendix_id, number, title, lead, heading in db.execute(
        "SELECT id, number, title, lead_agency, heading FROM appendix"
        " WHERE plan_id = ? AND deleted = 0 ORDER BY number, rowid",
        [plan_id],
    ).fetchall():
        tasks = tuple(replace(t, appendix=number) for t in tasks_by_appendix.get(appendix_id, []))
        yield Appendix(
            number=number, title=title, lead_agency=lead, heading=heading, tasks=tasks,
            id=appendix_id,
        )  # fmt: skip


def _load_task_agencies(db: Database, plan_id: str) -> dict[str, list[TaskAgency]]:
    from cchc_desktop.domain.model import AgencyRole

    result: dict[str, list[TaskAgency]] = {}
    for task_id, written, name, role in db.execute(
        "SELECT ta.task_id, ta.written_name, a.name, ta.role FROM task_agency ta"
        " JOIN task t ON t.id = ta.task_id JOIN agency a ON a.id = ta.agency_id"
        " WHERE t.plan_id = ? AND ta.deleted = 0 ORDER BY ta.task_id, ta.ord",
        [plan_id],
    ).fetchall():
        result.setdefault(task_id, []).append(TaskAgency(written or name, AgencyRole(role)))
    return result


def load_milestones(db: Database, plan_id: str) -> dict[str, list[Milestone]]:
    result: dict[str, list[Milestone]] = {}
    for task_id, label, kind, due, period, source, warning, confirmed, overridden in db.execute(
        "SELECT m.task_id, m.label, m.kind, m.due, m.period, m.source, m.warning, m.confirmed,"
        " m.overridden FROM milestone m JOIN task t ON t.id = m.task_id"
        " WHERE t.plan_id = ? AND m.deleted = 0 ORDER BY m.task_id, m.ord",
        [plan_id],
    ).fetchall():
        result.setdefault(task_id, []).append(
            Milestone(
                kind=MilestoneKind(kind),
                due=dt.date.fromisoformat(due) if due else None,
                period=period,
                source=source,
                label=label,
                warning=warning,
                confirmed=bool(confirmed),
                overridden=bool(overridden),
            )
        )
    return result


def plan_to_json(plan: ParsedPlan) -> dict[str, Any]:
    """The `plan show --json` document of DESIGN.md §5."""
    from cchc_desktop.domain import deadlines

    d = plan.decision

    def node(n: PlanNode) -> dict[str, Any]:
        return {
            "kind": str(n.kind),
            "number": n.number,
            "text": n.text,
            "children": [node(c) for c in n.children],
        }

    return {
        "year": plan.year,
        "title": plan.title,
        "decision": {
            "number": d.number,
            "date": d.date.isoformat() if d.date else None,
            "signer": d.signer,
            "signer_position": d.signer_position,
            "issuing_body": d.issuing_body,
            "title": d.title,
        },
        "parts": [node(p) for p in plan.parts],
        "appendices": [
            {
                "number": a.number,
                "title": a.title,
                "lead_agency": a.lead_agency,
                "tasks": [
                    {
                        "no": t.no,
                        "title": t.title,
                        "products": list(t.products),
                        "agencies": [{"name": x.name, "role": str(x.role)} for x in t.agencies],
                        "timeline": t.timeline,
                        "note": t.note,
                        "milestones": deadlines.milestones_to_json(t.milestones),
                        "status": "cancelled" if t.cancelled else "active",
                        "amendment": t.amendment,
                    }
                    for t in a.tasks
                ],
            }
            for a in plan.appendices
        ],
        "warnings": [w.message for w in plan.warnings],
        "amendments": [
            {"number": a.number, "date": a.date.isoformat(), "summary": a.summary}
            for a in plan.amendments
        ],
    }


def next_year_draft(plan: ParsedPlan, to_year: int) -> ParsedPlan:
    """A draft of the plan for `to_year`, to edit before it is issued.

    Deadlines move by the difference in years ("tháng 12/2019" → "tháng 12/2020", "Quý IV/2019"
    → "Quý IV/2020"), and so does "năm <plan year>" in titles. Legal citations in the decision
    and the plan text keep their dates. The draft has no decision number or date yet.
    """
    from cchc_desktop.domain.year_shift import shift_text

    years = to_year - plan.year
    if years <= 0:
        raise ValidationError(f"Năm của kế hoạch mới phải sau năm {plan.year}.")
    this_year = re.compile(rf"\b(năm|NĂM)\s+{plan.year}\b")

    def retitle(text: str) -> str:
        return this_year.sub(lambda m: f"{m.group(1)} {to_year}", text)

    appendices = tuple(
        replace(
            appendix,
            tasks=tuple(
                replace(
                    task,
                    title=retitle(task.title),
                    products=tuple(retitle(p) for p in task.products),
                    timeline=shift_text(task.timeline, years),
                    milestones=(),
                    added_by=None,
                    amendment=None,
                    no=str(i + 1),
                )
                # A cancelled task does not carry into next year; the rest keep their order.
                for i, task in enumerate(t for t in appendix.tasks if not t.cancelled)
            ),
        )
        for appendix in plan.appendices
    )
    decision = replace(plan.decision, number="", date=None, title=retitle(plan.decision.title))
    return replace(
        plan,
        year=to_year,
        title=retitle(plan.title),
        decision=decision,
        appendices=appendices,
        appendix_title=retitle(plan.appendix_title),
        appendix_subtitle="",
        warnings=(),
        amendments=(),
    )
