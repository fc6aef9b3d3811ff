"""A plan read from any document the readers know (.docx, .pdf, .doc, .rtf, .html, .txt).

The document's blocks become the text the plan parser reads (a paragraph per line, a table row
per line). The letterhead table at the top of a decision (issuing body and number on the left,
the national motto, place and date on the right) is left out: the parser would take its row for
a paragraph of the decision, and the number and date it carries are read from the plan's
"(Ban hành kèm theo Quyết định số … ngày …)" line. A task whose note ends "Đã bãi bỏ theo QĐ …"
(how a cancelled task is written out) is read as cancelled by that decision, its note without
those words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from cchc_desktop.domain.model import CANCELLED_MARK, ParsedPlan, Task
from cchc_desktop.domain.text import clean, fold
from cchc_desktop.importer.documents import Document, Paragraph, Table, read_document
from cchc_desktop.importer.plan_text import parse_plan_text, read_plan_file

_MOTTO = fold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def read_plan_document(path: Path) -> ParsedPlan:
    """Read and parse a plan; a .txt file goes through the text reader as before."""
    path = Path(path)
    if path.suffix.lower() == ".txt":
        return read_plan_file(path)
    document = read_document(path)
    plan = parse_plan_text("\n".join(plan_lines(document)), source_name=document.name)
    return with_cancellations(plan)


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


def _is_letterhead(table: Table) -> bool:
    return len(table.rows) <= 2 and any(_MOTTO in fold(cell) for row in table.rows for cell in row)


def plan_lines(document: Document) -> Iterator[str]:
    """The document's lines for the plan parser, without the letterhead."""
    for i, block in enumerate(document.blocks):
        if isinstance(block, Paragraph):
            yield block.text
        elif i < 3 and _is_letterhead(block):
            continue
        else:
            for row in block.rows:
                yield "\t".join(clean(c.replace("\n", " ")) for c in row)
