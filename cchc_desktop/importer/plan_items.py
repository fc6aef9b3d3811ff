"""Tasks of a plan without appendix tables: the numbered items of its tasks part.

Many plans list their tasks in the text ("II. NHIỆM VỤ TRỌNG TÂM", then "1. Cải cách thể chế",
then "a) …" or "- …" items) instead of appendix tables. Here the tasks part is the part whose
title speaks of tasks (nhiệm vụ; else nội dung or giải pháp); each of its numbered items that has
items of its own is an area (one appendix), and those items are its tasks; when no item has
items below it, the part is one area and its items are the tasks. A task's lead agency, partners,
deadline and products are taken from its text where it states them ("… Cơ quan chủ trì: Sở Tư
pháp. Thời gian: Quý II/2025."), and the title is what remains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_desktop.domain.model import Appendix, ImportWarning, NodeKind, PlanNode, Task
from cchc_desktop.domain.text import clean, fold
from cchc_desktop.importer.agency_names import split_agencies
from cchc_desktop.importer.plan_patterns import split_products

__all__ = ["ItemTasks", "tasks_from_items"]

_LEAD = re.compile(
    r"(?:cơ quan|đơn vị)\s+(?:chủ trì|chịu trách nhiệm|thực hiện)(?:\s+thực hiện)?\s*:\s*"
    r"(?P<v>[^.;]+)[.;]?",
    re.IGNORECASE,
)
_PARTNERS = re.compile(r"(?:cơ quan|đơn vị)\s+phối hợp\s*:\s*(?P<v>[^.;]+)[.;]?", re.IGNORECASE)
_TIME = re.compile(
    r"(?:thời gian(?:\s+(?:thực hiện|hoàn thành))?|thời hạn(?:\s+hoàn thành)?|tiến độ)\s*:\s*"
    r"(?P<v>.+?)(?:\.(?=\s|$)|;|$)",
    re.IGNORECASE,
)
_PRODUCTS = re.compile(
    r"(?:sản phẩm|kết quả đầu ra)\s*:\s*(?P<v>.+?)(?:\.(?=\s|$)|;|$)", re.IGNORECASE
)
_LIST = re.compile(r"^[-–•+*]\s*")
_TASK_LIST_WORDS = ("nhiem vu", "giai phap", "cac nhiem vu")


@dataclass(frozen=True)
class ItemTasks:
    appendices: tuple[Appendix, ...]
    warnings: tuple[ImportWarning, ...]


def tasks_from_items(parts: tuple[PlanNode, ...]) -> ItemTasks:
    """The appendices a table-less plan's tasks part gives (see the module docstring)."""
    part = _tasks_part(parts)
    if part is None:
        return ItemTasks((), ())
    areas = [c for c in part.children if c.kind is NodeKind.ITEM and _entries(c)]
    if not areas:
        areas = [part]
    appendices: list[Appendix] = []
    no_agency = no_deadline = 0
    for number, area in enumerate(areas, start=1):
        tasks: list[Task] = []
        for k, entry in enumerate(_entries(area), start=1):
            task = _task(number, k, entry)
            no_agency += not task.agencies_text
            no_deadline += not task.timeline
            tasks.append(task)
        appendices.append(
            Appendix(
                number=number,
                title=area.text.rstrip(" .:;"),
                lead_agency="",
                heading="",
                tasks=tuple(tasks),
            )
        )
    count = sum(len(a.tasks) for a in appendices)
    if not count:
        return ItemTasks((), ())
    heading = f"{part.number}. {part.text}" if part.number else part.text
    warnings = [
        ImportWarning(
            f"Kế hoạch không có bảng phụ lục nhiệm vụ: {count} nhiệm vụ được lấy từ các mục của "
            f"phần «{heading}», cơ quan và thời hạn lấy từ lời văn nếu có. Cần kiểm tra lại.",
            None,
        )
    ]
    if no_agency:
        warnings.append(
            ImportWarning(f"{no_agency} nhiệm vụ chưa rõ cơ quan thực hiện (lời văn không nêu).")
        )
    if no_deadline:
        warnings.append(
            ImportWarning(
                f"{no_deadline} nhiệm vụ chưa rõ thời gian thực hiện (lời văn không nêu)."
            )
        )
    return ItemTasks(tuple(appendices), tuple(warnings))


def _tasks_part(parts: tuple[PlanNode, ...]) -> PlanNode | None:
    for words in (("nhiem vu",), ("noi dung", "giai phap")):
        found = [
            p
            for p in parts
            if any(w in fold(p.text) for w in words) and "to chuc thuc hien" not in fold(p.text)
        ]
        if found:
            return max(found, key=_size)
    return None


def _size(node: PlanNode) -> int:
    return 1 + sum(_size(c) for c in node.children)


def _entries(area: PlanNode) -> list[PlanNode]:
    """The children of `area` that are tasks: its items and list items; its paragraphs only when
    it has neither. An area split into "1.1. Mục tiêu" and "1.2. Nhiệm vụ" has the tasks of its
    "Nhiệm vụ" item only: its objectives are no tasks."""
    marked = [
        c for c in area.children if c.kind is NodeKind.ITEM or _LIST.match(c.text) is not None
    ]
    task_lists = [c for c in marked if c.kind is NodeKind.ITEM and _is_task_list(c)]
    if task_lists:
        return [e for c in task_lists for e in _entries(c)]
    if marked:
        return marked
    return [c for c in area.children if c.kind is NodeKind.PARAGRAPH]


def _is_task_list(item: PlanNode) -> bool:
    """A short sub-heading over the area's tasks: "1.2. Nhiệm vụ", "b) Nhiệm vụ, giải pháp:"."""
    key = fold(item.text).rstrip(" .:")
    return bool(item.children) and len(key) <= 40 and key.startswith(_TASK_LIST_WORDS)


def _task(appendix: int, no: int, entry: PlanNode) -> Task:
    pieces = [_LIST.sub("", entry.text)]
    pieces.extend(_LIST.sub("", c.text) for c in _flatten(entry.children))
    text = clean(" ".join(p.strip() for p in pieces if p.strip()))
    lead = _take(_LEAD, text)
    partners = _take(_PARTNERS, text)
    timeline = _take(_TIME, text)
    products = _take(_PRODUCTS, text)
    title = text
    for pattern in (_LEAD, _PARTNERS, _TIME, _PRODUCTS):
        title = pattern.sub(" ", title)
    title = clean(title).strip(" .;:,-–")
    agencies_text = "; ".join(
        part
        for part in (
            (f"Chủ trì: {lead}" if partners else lead) if lead else "",
            f"Phối hợp: {partners}" if partners else "",
        )
        if part
    )
    return Task(
        appendix=appendix,
        no=str(no),
        title=title or text,
        products=split_products(products),
        agencies=split_agencies(agencies_text),
        agencies_text=agencies_text,
        timeline=timeline,
    )


def _flatten(nodes: tuple[PlanNode, ...]) -> list[PlanNode]:
    out: list[PlanNode] = []
    for node in nodes:
        out.append(node)
        out.extend(_flatten(node.children))
    return out


def _take(pattern: re.Pattern[str], text: str) -> str:
    found = pattern.search(text)
    return clean(found["v"]).strip(" .;:,") if found else ""
