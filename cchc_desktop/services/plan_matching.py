"""Which stored row each appendix and task of an imported plan is: ids by content, never by place.

A task's id is derived from (plan, appendix number, STT) the first time, with the occurrence
added when a document holds the same (appendix, STT) more than once — so two source rows never
share an id and are never stored as one. When a plan is replaced, each new task is matched to the
stored task it *is*, by content, before any id is derived:

1. the same title (accent- and case-free) in the same appendix, then anywhere in the plan;
2. the same appendix and STT, when the title is close (a corrected wording) or the deadline and
   agencies cell are unchanged;

a matched task keeps its stored id (and with it the recorded progress and evidence). A new task
whose derived id belongs to a stored task it was not matched with gets a fresh id, so progress
never moves onto another task. Stored tasks left unmatched are retired; :func:`match_plan`
lists them (with the progress records they carry) so the clerk sees them before anything is
written.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from sqlite_utils import Database

from cchc_desktop.domain.model import ParsedPlan, Task
from cchc_desktop.domain.text import fold
from cchc_desktop.store import ids

__all__ = ["PlanMatch", "RetiredTask", "match_plan"]

_CLOSE_TITLE = 0.6


@dataclass(frozen=True, slots=True)
class RetiredTask:
    """A stored task the new document no longer has."""

    id: str
    appendix: int
    no: str
    title: str
    progress_records: int


@dataclass(frozen=True, slots=True)
class PlanMatch:
    """The ids the parsed plan's appendices and tasks take, and the stored tasks retired."""

    appendix_ids: tuple[str, ...]  # one per parsed appendix, in order
    task_ids: tuple[tuple[str, ...], ...]  # per parsed appendix, one per task
    retired: tuple[RetiredTask, ...]
    kept: int  # new tasks matched to a stored one


@dataclass(slots=True)
class _Stored:
    id: str
    appendix: int
    no: str
    title: str
    timeline: str
    agencies_text: str
    progress: int


def match_plan(db: Database, plan: str, parsed: ParsedPlan) -> PlanMatch:
    """Ids for `parsed` stored as plan `plan` (see the module docstring)."""
    stored = _stored_tasks(db, plan)
    taken_ids = {row[0] for row in db.execute("SELECT id FROM task WHERE plan_id = ?", [plan])}
    appendix_ids = _appendix_ids(plan, parsed)
    tasks = [
        (a, t, task) for a, app in enumerate(parsed.appendices) for t, task in enumerate(app.tasks)
    ]
    chosen: dict[tuple[int, int], str] = {}
    free = {s.id: s for s in stored}

    def claim(key: tuple[int, int], row: _Stored) -> None:
        chosen[key] = row.id
        del free[row.id]

    # 1. the same title in the same appendix, then anywhere (nothing to match in a new plan)
    for same_appendix in (True, False) if free else ():
        by_title: dict[tuple[int, str], list[_Stored]] = {}
        for row in free.values():
            by_title.setdefault((row.appendix if same_appendix else 0, fold(row.title)), []).append(
                row
            )
        for a, t, task in tasks:
            if (a, t) in chosen or not task.title:
                continue
            found = by_title.get((task.appendix if same_appendix else 0, fold(task.title)))
            while found and found[0].id not in free:
                found.pop(0)
            if found:
                claim((a, t), found.pop(0))
    # 2. the same place, with a close title or the same deadline and agencies
    by_place: dict[tuple[int, str], list[_Stored]] = {}
    for row in free.values():
        by_place.setdefault((row.appendix, row.no), []).append(row)
    for a, t, task in tasks:
        if (a, t) in chosen:
            continue
        for row in by_place.get((task.appendix, task.no), []):
            if row.id in free and _same_task(row, task):
                claim((a, t), row)
                break
    # new tasks: the derived id, with the occurrence when (appendix, STT) repeats; never an id
    # a stored task holds
    used = set(chosen.values())
    seen: dict[tuple[int, str], int] = {}
    task_ids: list[list[str]] = [[] for _ in parsed.appendices]
    for a, t, task in tasks:
        key = (task.appendix, fold(task.no))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        task_id = chosen.get((a, t))
        if task_id is None:
            task_id = ids.task_id(plan, task.appendix, task.no, occurrence)
            bump = 0
            while task_id in used or task_id in taken_ids:
                bump += 1
                task_id = ids.task_id(plan, task.appendix, task.no, occurrence, variant=bump)
        used.add(task_id)
        task_ids[a].append(task_id)
    retired = tuple(
        RetiredTask(r.id, r.appendix, r.no, r.title, r.progress)
        for r in sorted(free.values(), key=lambda r: (r.appendix, _no_key(r.no)))
    )
    return PlanMatch(
        appendix_ids=appendix_ids,
        task_ids=tuple(tuple(t) for t in task_ids),
        retired=retired,
        kept=len(chosen),
    )


def _appendix_ids(plan: str, parsed: ParsedPlan) -> tuple[str, ...]:
    seen: dict[int, int] = {}
    out: list[str] = []
    for appendix in parsed.appendices:
        occurrence = seen.get(appendix.number, 0)
        seen[appendix.number] = occurrence + 1
        out.append(ids.appendix_id(plan, appendix.number, occurrence))
    return tuple(out)


def _same_task(row: _Stored, task: Task) -> bool:
    ratio = SequenceMatcher(None, fold(row.title), fold(task.title), autojunk=False).ratio()
    unchanged = fold(row.timeline) == fold(task.timeline) and fold(row.agencies_text) == fold(
        task.agencies_text
    )
    return ratio >= _CLOSE_TITLE or unchanged


def _no_key(no: str) -> tuple[int, str]:
    digits = "".join(ch for ch in no if ch.isdigit())
    return (int(digits) if digits else 1 << 30, no)


def _stored_tasks(db: Database, plan: str) -> list[_Stored]:
    rows = db.execute(
        "SELECT t.id, a.number, t.no, t.title, t.timeline, t.agencies_text,"
        " (SELECT count(*) FROM progress p WHERE p.task_id = t.id AND p.deleted = 0)"
        " FROM task t JOIN appendix a ON a.id = t.appendix_id"
        " WHERE t.plan_id = ? AND t.deleted = 0 ORDER BY a.number, t.ord",
        [plan],
    ).fetchall()
    return [_Stored(*row) for row in rows]
