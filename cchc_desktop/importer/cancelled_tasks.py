"""Cancelled tasks in a plan read back from a document.

A task an amending decision cancelled is written out (Word, PDF, Excel) with
"Đã bãi bỏ theo QĐ <number>" at the end of its note. Reading such a plan back, the task is
marked cancelled by that decision and its note loses those words, so the note is the one stored.
"""

from __future__ import annotations

import re
from dataclasses import replace

from cchc_desktop.domain.model import CANCELLED_MARK, ParsedPlan, Task

_CANCELLED = re.compile(rf"^(?P<note>.*?)\s*{CANCELLED_MARK} (?P<number>\S+)$", re.S)


def with_cancellations(plan: ParsedPlan) -> ParsedPlan:
    """Tasks whose note ends "Đã bãi bỏ theo QĐ <number>" marked cancelled by that decision."""

    def read(task: Task) -> Task:
        found = _CANCELLED.match(task.note)
        if found is None:
            return task
        number = found.group("number")
        return replace(task, note=found.group("note"), cancelled_by=number, amendment=number)

    appendices = tuple(replace(a, tasks=tuple(read(t) for t in a.tasks)) for a in plan.appendices)
    return replace(plan, appendices=appendices)
