"""The read model behind the task tree: one plan's nodes level by level, with each task's status.

Reads are shaped for a lazy tree on a large database: the top level and each node's children
come from one query per level (tasks in batches), and a task's lead, nearest due date, status,
progress and search key come from three batched queries over the same task ids. A whole plan
can also be read at once in a handful of queries, for searching and the start-up summary.

A task's status is judged like the calendar's (deadline_service): every dated milestone, for
every responsible unit, gets `domain.status.task_status`; the task shows the most urgent one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlite_utils import Database

from cchc_desktop.domain.model import (
    MilestoneKind,
    NodeKind,
    StatusCategory,
    WorkState,
    cancelled_mark,
)
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.domain.status import TaskStatus, task_status
from cchc_desktop.domain.text import fold
from cchc_desktop.services.deadline_service import (
    RESPONSIBLE_ROLES,
    communes,
    due_shifter,
    judging_period,
    responsible_units,
    unit_standing,
)

SOON_DAYS = 7
BATCH = 1000  # tasks read per query when an appendix is expanded
_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit

PLAN_NODE = "plan_node"
APPENDIX = "appendix"
TASK = "task"

_CLOSED = frozenset(
    {StatusCategory.DONE_ON_TIME, StatusCategory.DONE_LATE, StatusCategory.NOT_APPLICABLE}
)
_PERIOD_ORDER = {p: i for i, p in enumerate(ReportingPeriod)}


@dataclass(frozen=True, slots=True)
class NodeRef:
    """Which stored row a tree node shows."""

    table: str  # "plan_node" | "appendix" | "task"
    id: str


@dataclass(frozen=True, slots=True)
class TreeRow:
    """One node of the plan tree, with what its columns show and what filters test."""

    ref: NodeRef
    kind: NodeKind
    number: str  # STT: "I", "1", "5.1", "01" (appendix), "3" (task)
    title: str
    child_count: int = 0
    lead: str = ""  # the lead agency (or the implementing ones), as written in the plan
    agency_ids: frozenset[str] = frozenset()
    next_due: dt.date | None = None
    status: TaskStatus | None = None
    percent: int | None = None
    periods: frozenset[ReportingPeriod] = frozenset()
    needs_review: bool = False
    search_key: str = ""  # accent- and case-free text searched by the filter
    overdue: bool = False  # some milestone, for some responsible unit, is overdue
    due_soon: bool = False  # some milestone is due within the week (counted as the summary does)
    cancelled: str = ""  # "Đã bãi bỏ theo QĐ …" for a task an amendment cancelled


@dataclass(frozen=True, slots=True)
class PlanSummaryCounts:
    """The start-up line's numbers for one plan."""

    overdue: int
    due_soon: int
    tasks: int
    soon_days: int = SOON_DAYS

    def text(self) -> str:
        return (
            f"{self.overdue} nhiệm vụ quá hạn, "
            f"{self.due_soon} nhiệm vụ đến hạn trong {self.soon_days} ngày"
        )


@dataclass
class WholePlan:
    """Every node of a plan, grouped by parent (None: the top level)."""

    children: dict[NodeRef | None, list[TreeRow]] = field(default_factory=dict)

    def tasks(self) -> Iterable[TreeRow]:
        for rows in self.children.values():
            yield from (r for r in rows if r.ref.table == TASK)


# ---------------------------------------------------------------- levels


def top_level(db: Database, plan_id: str) -> list[TreeRow]:
    """The decision and parts I–IV (in document order), then the appendices by number."""
    rows = [
        _node_row(r)
        for r in db.execute(
            "SELECT n.id, n.kind, n.number, n.text,"
            " (SELECT count(*) FROM plan_node c WHERE c.plan_id = n.plan_id"
            "  AND c.parent_id = n.id AND c.deleted = 0)"
            " FROM plan_node n WHERE n.plan_id = ? AND n.parent_id IS NULL AND n.deleted = 0"
            " ORDER BY n.ord",
            [plan_id],
        ).fetchall()
    ]
    rows.extend(
        _appendix_row(r)
        for r in db.execute(
            "SELECT a.id, a.number, a.title, a.lead_agency,"
            " (SELECT count(*) FROM task t WHERE t.appendix_id = a.id AND t.deleted = 0)"
            " FROM appendix a WHERE a.plan_id = ? AND a.deleted = 0 ORDER BY a.number",
            [plan_id],
        ).fetchall()
    )
    return rows


def children(
    db: Database,
    parent: NodeRef,
    today: dt.date,
    *,
    offset: int = 0,
    limit: int = BATCH,
) -> list[TreeRow]:
    """The children of `parent`: a part's items and paragraphs, or a batch of appendix tasks."""
    if parent.table == PLAN_NODE:
        return [
            _node_row(r)
            for r in db.execute(
                "SELECT n.id, n.kind, n.number, n.text,"
                " (SELECT count(*) FROM plan_node c WHERE c.plan_id = n.plan_id"
                "  AND c.parent_id = n.id AND c.deleted = 0)"
                " FROM plan_node n WHERE n.plan_id = (SELECT plan_id FROM plan_node WHERE id = ?)"
                " AND n.parent_id = ? AND n.deleted = 0 ORDER BY n.ord LIMIT ? OFFSET ?",
                [parent.id, parent.id, limit, offset],
            ).fetchall()
        ]
    if parent.table == APPENDIX:
        base = db.execute(
            "SELECT t.id, t.no, t.title, t.products, t.needs_review, p.year"
            " FROM task t JOIN plan p ON p.id = t.plan_id"
            " WHERE t.appendix_id = ? AND t.deleted = 0 ORDER BY t.ord LIMIT ? OFFSET ?",
            [parent.id, limit, offset],
        ).fetchall()
        return _task_rows(db, base, today)
    return []


def task_rows(db: Database, task_ids: Sequence[str], today: dt.date) -> list[TreeRow]:
    """Fresh rows for some tasks (after an edit), in the order given; deleted tasks are left out."""
    base: list[tuple[object, ...]] = []
    for chunk in _chunks(list(task_ids)):
        marks = ",".join("?" for _ in chunk)
        base.extend(
            db.execute(
                "SELECT t.id, t.no, t.title, t.products, t.needs_review, p.year"  # noqa: S608
                f" FROM task t JOIN plan p ON p.id = t.plan_id WHERE t.id IN ({marks})"
                " AND t.deleted = 0",
                chunk,
            ).fetchall()
        )
    order = {task_id: i for i, task_id in enumerate(task_ids)}
    base.sort(key=lambda r: order[str(r[0])])
    return _task_rows(db, base, today)


def node_row(db: Database, ref: NodeRef) -> TreeRow | None:
    """A fresh row for one part/item/paragraph or appendix (after an edit)."""
    if ref.table == PLAN_NODE:
        row = db.execute(
            "SELECT n.id, n.kind, n.number, n.text,"
            " (SELECT count(*) FROM plan_node c WHERE c.plan_id = n.plan_id"
            "  AND c.parent_id = n.id AND c.deleted = 0)"
            " FROM plan_node n WHERE n.id = ? AND n.deleted = 0",
            [ref.id],
        ).fetchone()
        return _node_row(row) if row else None
    if ref.table == APPENDIX:
        row = db.execute(
            "SELECT a.id, a.number, a.title, a.lead_agency,"
            " (SELECT count(*) FROM task t WHERE t.appendix_id = a.id AND t.deleted = 0)"
            " FROM appendix a WHERE a.id = ? AND a.deleted = 0",
            [ref.id],
        ).fetchone()
        return _appendix_row(row) if row else None
    return None


def whole_plan(db: Database, plan_id: str, today: dt.date) -> WholePlan:
    """Every node of the plan in a few whole-plan queries (search needs them all)."""
    result = WholePlan()
    result.children[None] = top_level(db, plan_id)
    for r in db.execute(
        "SELECT n.id, n.kind, n.number, n.text,"
        " (SELECT count(*) FROM plan_node c WHERE c.plan_id = n.plan_id"
        "  AND c.parent_id = n.id AND c.deleted = 0), n.parent_id"
        " FROM plan_node n WHERE n.plan_id = ? AND n.parent_id IS NOT NULL AND n.deleted = 0"
        " ORDER BY n.ord",
        [plan_id],
    ).fetchall():
        result.children.setdefault(NodeRef(PLAN_NODE, r[5]), []).append(_node_row(r[:5]))
    base = db.execute(
        "SELECT t.id, t.no, t.title, t.products, t.needs_review, p.year, t.appendix_id"
        " FROM task t JOIN plan p ON p.id = t.plan_id"
        " WHERE t.plan_id = ? AND t.deleted = 0 ORDER BY t.ord",
        [plan_id],
    ).fetchall()
    appendix_of = {str(r[0]): str(r[6]) for r in base}
    for row in _task_rows(db, [r[:6] for r in base], today, whole_plan_id=plan_id):
        result.children.setdefault(NodeRef(APPENDIX, appendix_of[row.ref.id]), []).append(row)
    return result


def summary_counts(
    db: Database, plan_id: str, today: dt.date, soon_days: int = SOON_DAYS
) -> PlanSummaryCounts:
    """How many of the plan's tasks are overdue, and how many (others) are due within a week."""
    base = db.execute(
        "SELECT t.id, t.no, t.title, t.products, t.needs_review, p.year"
        " FROM task t JOIN plan p ON p.id = t.plan_id WHERE t.plan_id = ? AND t.deleted = 0",
        [plan_id],
    ).fetchall()
    rows = _task_rows(db, base, today, whole_plan_id=plan_id, soon_days=soon_days, keys=False)
    return PlanSummaryCounts(
        overdue=sum(1 for r in rows if r.overdue),
        due_soon=sum(1 for r in rows if r.due_soon),
        tasks=len(rows),
        soon_days=soon_days,
    )


# ---------------------------------------------------------------- row building


def plan_year(db: Database, plan_id: str) -> int | None:
    """The year of a plan, or None when there is no such plan."""
    row = db.execute("SELECT year FROM plan WHERE id = ?", [plan_id]).fetchone()
    return int(row[0]) if row else None


def task_count(db: Database, plan_id: str) -> int:
    """How many live tasks the plan holds."""
    row = db.execute(
        "SELECT count(*) FROM task WHERE plan_id = ? AND deleted = 0", [plan_id]
    ).fetchone()
    return int(row[0])


def task_place(db: Database, task_id: str) -> tuple[str, str] | None:
    """(plan id, appendix id) of a live task, or None."""
    row = db.execute(
        "SELECT plan_id, appendix_id FROM task WHERE id = ? AND deleted = 0", [task_id]
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else None


_TASK_OF = {
    "task": "SELECT id FROM task WHERE id = ?",
    "task_agency": "SELECT task_id FROM task_agency WHERE id = ?",
    "milestone": "SELECT task_id FROM milestone WHERE id = ?",
    "progress": "SELECT task_id FROM progress WHERE id = ?",
    "evidence": "SELECT p.task_id FROM evidence e JOIN progress p ON p.id = e.progress_id"
    " WHERE e.id = ?",
}


def task_of_record(db: Database, table: str, row_id: str) -> str | None:
    """The task a record belongs to (a sync card names a progress row, a milestone …)."""
    sql = _TASK_OF.get(table)
    row = db.execute(sql, [row_id]).fetchone() if sql else None
    return str(row[0]) if row else None


def _fold_table() -> list[str]:
    """`domain.text.fold` of every character up to U+1EFF (all Vietnamese letters), indexed by
    code point: str.translate looks a list up faster than a dict, and leaves characters past its
    end unchanged (the IndexError counts as "no mapping")."""
    return [fold(chr(code)) for code in range(0x1F00)]


_FOLD_TABLE = _fold_table()
_COMBINING = re.compile("[\u0300-\u036f]")


def search_text(text: str) -> str:
    """`domain.text.fold(text)`, about three times faster on stored (NFC) text, which matters
    for the search keys of a plan with thousands of tasks."""
    if _COMBINING.search(text):  # decomposed marks (not NFC): take the general path
        return fold(text)
    return text.casefold().translate(_FOLD_TABLE)


def _node_row(r: Sequence[object]) -> TreeRow:
    node_id, kind, number, text, count = r
    title = _first_line(str(text))
    if kind == NodeKind.DECISION:
        # A plan issued without a decision of its own (a commune's "Số: 02/KH-UBND") has a
        # decision node without a title: name it for what it holds, not "Quyết định:" alone.
        title = f"Quyết định: {title}" if title else "Văn bản ban hành kế hoạch"
    return TreeRow(
        ref=NodeRef(PLAN_NODE, str(node_id)),
        kind=NodeKind(str(kind)),
        number=str(number or ""),
        title=title,
        child_count=int(str(count)),
        search_key=search_text(f"{number} {text}"),
    )


def _appendix_row(r: Sequence[object]) -> TreeRow:
    appendix_id, number, title, lead, count = r
    no = int(str(number))
    return TreeRow(
        ref=NodeRef(APPENDIX, str(appendix_id)),
        kind=NodeKind.APPENDIX,
        number=f"{no:02d}",
        title=f"Phụ lục {no:02d}: {title}",
        child_count=int(str(count)),
        lead=str(lead or ""),
        search_key=search_text(f"phu luc {no} {no:02d} {title} {lead}"),
    )


def _first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0]
    return line


@dataclass
class _Facts:
    """What three queries tell about one task."""

    year: int
    agencies: list[tuple[str, str, str]] = field(default_factory=list)  # (id, shown name, role)
    # (due as shown, period code, is a recurring report)
    milestones: list[tuple[dt.date, str | None, bool]] = field(default_factory=list)
    # (unit, year, period) -> (state, percent, completed_on)
    progress: dict[tuple[str, int, str], tuple[WorkState, int | None, dt.date | None]] = field(
        default_factory=dict
    )


def _task_rows(
    db: Database,
    base: Sequence[Sequence[object]],
    today: dt.date,
    *,
    whole_plan_id: str | None = None,
    soon_days: int = SOON_DAYS,
    keys: bool = True,
) -> list[TreeRow]:
    facts: dict[str, _Facts] = {str(r[0]): _Facts(year=int(str(r[5]))) for r in base}
    if facts:
        _load_facts(db, facts, whole_plan_id)
    all_communes = communes(db)
    cancelled = _cancelled_notes(db, list(facts), whole_plan_id) if facts else {}
    rows: list[TreeRow] = []
    for task_id, no, title, products, needs_review, _year in base:
        f = facts[str(task_id)]
        note = cancelled.get(str(task_id), "")
        if note:
            # A cancelled task is no longer due: no status, deadline or overdue count.
            f = _Facts(year=f.year, agencies=f.agencies, progress=f.progress)
        judged = _judge(
            facts=f, units=_responsible_units(f, all_communes), today=today, soon=soon_days
        )
        responsible = [(a, n) for a, n, role in f.agencies if role in RESPONSIBLE_ROLES]
        lead_names = _unique(n for _a, n in responsible) or _unique(
            n for _a, n, _r in f.agencies[:1]
        )
        product_list = json.loads(str(products)) if products else []
        every_name = " ".join(n for _a, n, _r in f.agencies)
        rows.append(
            TreeRow(
                ref=NodeRef(TASK, str(task_id)),
                kind=NodeKind.TASK,
                number=str(no),
                title=str(title),
                lead="; ".join(lead_names),
                agency_ids=frozenset(a for a, _n, _r in f.agencies),
                next_due=judged.next_due,
                status=judged.status,
                percent=_percent(f),
                periods=judged.periods,
                needs_review=bool(needs_review),
                search_key=(
                    search_text(f"{no} {title} {' '.join(product_list)} {every_name}")
                    if keys
                    else ""
                ),
                overdue=judged.overdue,
                due_soon=judged.due_soon,
                cancelled=note,
            )
        )
    return rows


def _cancelled_notes(db: Database, task_ids: list[str], plan_id: str | None) -> dict[str, str]:
    """ "Đã bãi bỏ theo QĐ … ngày …" for the cancelled ones among the tasks."""
    sql = (
        "SELECT t.id, a.number, a.decision_date FROM task t JOIN amendment a"
        " ON a.id = t.cancelled_by WHERE t.cancelled_by IS NOT NULL AND "
    )
    if plan_id is not None:
        queries = [(sql + "t.plan_id = ?", [plan_id])]
    else:
        queries = [
            (sql + f"t.id IN ({','.join('?' for _ in chunk)})", chunk)
            for chunk in _chunks(task_ids)
        ]
    notes: dict[str, str] = {}
    for query, params in queries:
        for task_id, number, day in db.execute(query, params).fetchall():
            notes[task_id] = cancelled_mark(number, dt.date.fromisoformat(day))
    return notes


def _unique(names: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _load_facts(db: Database, facts: dict[str, _Facts], plan_id: str | None) -> None:
    """Agencies, milestones and progress of the tasks in `facts` (by plan when it is whole)."""
    if plan_id is not None:
        queries = [("t.plan_id = ?", [plan_id])]
    else:
        queries = []
        for chunk in _chunks(list(facts)):
            queries.append((f"t.id IN ({','.join('?' for _ in chunk)})", list(chunk)))
    for where, params in queries:
        for task_id, agency_id, written, name, role in db.execute(
            "SELECT ta.task_id, ta.agency_id, ta.written_name, g.name, ta.role"  # noqa: S608
            " FROM task_agency ta JOIN task t ON t.id = ta.task_id"
            " JOIN agency g ON g.id = ta.agency_id"
            f" WHERE {where} AND ta.deleted = 0 ORDER BY ta.task_id, ta.ord",
            params,
        ).fetchall():
            f = facts.get(task_id)
            if f is not None:
                f.agencies.append((agency_id, written or name, role))
        shown = due_shifter(db)
        for task_id, due, period, kind in db.execute(
            "SELECT m.task_id, m.due, m.period, m.kind FROM milestone m"  # noqa: S608
            " JOIN task t ON t.id = m.task_id"
            f" WHERE {where} AND m.deleted = 0 AND m.due IS NOT NULL ORDER BY m.task_id, m.ord",
            params,
        ).fetchall():
            f = facts.get(task_id)
            if f is not None:
                recurring = kind == MilestoneKind.RECURRING
                f.milestones.append((shown(dt.date.fromisoformat(due)), period, recurring))
        for task_id, unit_id, year, period, state, percent, completed in db.execute(
            "SELECT p.task_id, p.unit_id, p.year, p.period, p.state, p.percent,"  # noqa: S608
            " p.completed_on FROM progress p JOIN task t ON t.id = p.task_id"
            f" WHERE {where} AND p.deleted = 0",
            params,
        ).fetchall():
            f = facts.get(task_id)
            if f is not None:
                f.progress[(unit_id, int(year), period)] = (
                    WorkState(state),
                    percent,
                    dt.date.fromisoformat(completed) if completed else None,
                )


def _responsible_units(f: _Facts, all_communes: list[tuple[str | None, str]]) -> list[str | None]:
    """deadline_service's rule: the lead/implementing agencies (a group of communes standing
    for every commune), else the first one named."""
    return [unit for unit, _name in responsible_units(f.agencies, all_communes)]


def _unit_progress(
    f: _Facts, unit: str | None, year: int, period: ReportingPeriod, *, recurring: bool
) -> tuple[WorkState | None, dt.date | None]:
    if unit is None:
        return None, None
    mine = {
        (y, p): (state, done) for (u, y, p), (state, _pct, done) in f.progress.items() if u == unit
    }
    return unit_standing(mine, year, period, recurring=recurring)


def _rank(status: TaskStatus) -> int:
    if status.overdue:
        return 0
    if status.due_soon:
        return 1
    if status.category not in _CLOSED:
        return 2
    if status.category is StatusCategory.DONE_LATE:
        return 3
    if status.category is StatusCategory.DONE_ON_TIME:
        return 4
    return 5


@dataclass(frozen=True, slots=True)
class _Judgement:
    status: TaskStatus | None
    next_due: dt.date | None
    periods: frozenset[ReportingPeriod]
    overdue: bool
    due_soon: bool


def _judge(*, facts: _Facts, units: list[str | None], today: dt.date, soon: int) -> _Judgement:
    """The task's most urgent status, its nearest open due date, and the reports judging it."""
    judged: list[tuple[int, dt.date, TaskStatus]] = []
    periods: set[ReportingPeriod] = set()
    for due, period_code, recurring in facts.milestones:
        report, report_year = judging_period(period_code, due)
        if report_year == facts.year:
            periods.add(report)
        for unit in units:
            state, completed = _unit_progress(facts, unit, report_year, report, recurring=recurring)
            status = task_status(due, state, completed, today, soon)
            judged.append((_rank(status), due, status))
    if not judged:
        undated = _undated_status(facts, units, today, soon)
        return _Judgement(undated, None, frozenset(periods), False, False)
    judged.sort(key=lambda j: (j[0], j[1]))
    open_dues = [due for rank, due, _s in judged if rank <= 2]
    return _Judgement(
        status=judged[0][2],
        next_due=min(open_dues) if open_dues else max(due for _r, due, _s in judged),
        periods=frozenset(periods),
        overdue=any(s.overdue for _r, _d, s in judged),
        # deadline_service.summary counts a task under "due soon" when one of its milestones
        # is, even if another one is overdue; the filter must show the same tasks.
        due_soon=any(s.due_soon and not s.overdue for _r, _d, s in judged),
    )


def _undated_status(
    facts: _Facts, units: list[str | None], today: dt.date, soon: int
) -> TaskStatus | None:
    """A task with no dated milestone (continuous, on request): its latest recorded progress."""
    if not facts.progress:
        return None
    latest: tuple[WorkState, int | None, dt.date | None] | None = None
    latest_key = (-1, -1)
    for (unit, year, period), value in facts.progress.items():
        if unit not in units and units != [None]:
            continue
        key = (year, _PERIOD_ORDER.get(ReportingPeriod(period), 0))
        if key > latest_key:
            latest_key, latest = key, value
    if latest is None:
        return None
    return task_status(None, latest[0], latest[2], today, soon)


def _percent(f: _Facts) -> int | None:
    """Mean of each unit's latest reported percentage (None when nothing was reported)."""
    latest: dict[str, tuple[tuple[int, int], int | None, WorkState]] = {}
    for (unit, year, period), (state, percent, _c) in f.progress.items():
        key = (year, _PERIOD_ORDER.get(ReportingPeriod(period), 0))
        if unit not in latest or key > latest[unit][0]:
            latest[unit] = (key, percent, state)
    values = [
        p if p is not None else (100 if s is WorkState.DONE else 0)
        for _k, p, s in latest.values()
        if s is not WorkState.NOT_APPLICABLE
    ]
    if not values:
        return None
    return round(sum(values) / len(values))
