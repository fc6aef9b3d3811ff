"""Domain records of an administrative-reform plan: Qt-free, I/O-free, immutable.

Glossary (Vietnamese term → identifier):
kế hoạch → plan, quyết định → decision, phần → part, mục → item, phụ lục → appendix,
nhiệm vụ → task, sản phẩm → product, cơ quan chủ trì → lead agency,
cơ quan phối hợp → coordinating agency, cơ quan tổng hợp → summarising agency,
thời gian thực hiện → timeline, mốc thời hạn → milestone, kỳ báo cáo → reporting period,
đơn vị báo cáo → reporting unit, tiến độ → progress, minh chứng → evidence, chỉ tiêu → indicator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class AgencyKind(StrEnum):
    """Where an agency sits in the organisation tree."""

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    DEPARTMENT = "department"
    OFFICE = "office"
    EXTERNAL = "external"


class AgencyRole(StrEnum):
    """The part an agency plays in a task, as the plan's "Cơ quan thực hiện" cell states it."""

    LEAD = "lead"  # chủ trì
    COORDINATING = "coordinating"  # phối hợp
    SUMMARISING = "summarising"  # tổng hợp (and "tổng hợp, kiểm tra")
    IMPLEMENTING = "implementing"  # thực hiện, when the cell names no lead


ROLE_LABELS: dict[AgencyRole, str] = {
    AgencyRole.LEAD: "Chủ trì",
    AgencyRole.COORDINATING: "Phối hợp",
    AgencyRole.SUMMARISING: "Tổng hợp",
    AgencyRole.IMPLEMENTING: "Thực hiện",
}


class NodeKind(StrEnum):
    """Kinds of node in the plan tree; every text of the source document lives in one."""

    DECISION = "decision"  # the issuing decision (preamble, articles, recipients)
    PART = "part"  # I., II., III., IV.
    ITEM = "item"  # 1., 5.1., a)
    PARAGRAPH = "paragraph"  # body text under a part or item
    APPENDIX = "appendix"  # Phụ lục số NN
    TASK = "task"  # one row of an appendix table


class MilestoneKind(StrEnum):
    """What a timeline phrase denotes; see DESIGN.md §3."""

    DATE = "date"
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    NINE_MONTHS = "nine_months"
    YEAR = "year"
    SPAN = "span"
    CONTINUOUS = "continuous"
    RECURRING = "recurring"
    ON_REQUEST = "on_request"
    EXTERNAL = "external"
    UNSCHEDULED = "unscheduled"


class WorkState(StrEnum):
    """What a reporting unit says about a task in a period (the clerk's input)."""

    NOT_STARTED = "not_started"  # chưa triển khai
    IN_PROGRESS = "in_progress"  # đang thực hiện
    DONE = "done"  # đã hoàn thành
    NOT_APPLICABLE = "not_applicable"  # không thực hiện (có lý do)


WORK_STATE_LABELS: dict[WorkState, str] = {
    WorkState.NOT_STARTED: "Chưa triển khai",
    WorkState.IN_PROGRESS: "Đang thực hiện",
    WorkState.DONE: "Đã hoàn thành",
    WorkState.NOT_APPLICABLE: "Không thực hiện (có lý do)",
}


class StatusCategory(StrEnum):
    """The government's reporting categories, derived from progress, due date and today."""

    DONE_ON_TIME = "done_on_time"  # hoàn thành đúng hạn
    DONE_LATE = "done_late"  # hoàn thành quá hạn
    IN_PROGRESS_ON_TIME = "in_progress_on_time"  # chưa hoàn thành – trong hạn
    IN_PROGRESS_OVERDUE = "in_progress_overdue"  # chưa hoàn thành – quá hạn
    NOT_STARTED = "not_started"  # chưa triển khai
    NOT_APPLICABLE = "not_applicable"  # không thực hiện (có lý do)


STATUS_LABELS: dict[StatusCategory, str] = {
    StatusCategory.DONE_ON_TIME: "Hoàn thành đúng hạn",
    StatusCategory.DONE_LATE: "Hoàn thành quá hạn",
    StatusCategory.IN_PROGRESS_ON_TIME: "Chưa hoàn thành – trong hạn",
    StatusCategory.IN_PROGRESS_OVERDUE: "Chưa hoàn thành – quá hạn",
    StatusCategory.NOT_STARTED: "Chưa triển khai",
    StatusCategory.NOT_APPLICABLE: "Không thực hiện (có lý do)",
}


@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    name: str
    kind: AgencyKind
    short_name: str = ""
    parent_id: str | None = None
    needs_review: bool = False  # found on import and not yet confirmed by a clerk
    is_group: bool = False  # a generic phrase for several agencies ("các xã, thị trấn")


CANCELLED_MARK = "Đã bãi bỏ theo QĐ"


def cancelled_mark(number: str, day: dt.date | None = None) -> str:
    """ "Đã bãi bỏ theo QĐ 45/QĐ-UBND ngày 02/04/2020": how a cancelled task is marked."""
    return f"{CANCELLED_MARK} {number}" + (f" ngày {day:%d/%m/%Y}" if day else "")


@dataclass(frozen=True, slots=True)
class TaskAgency:
    """One agency named in a task's "Cơ quan thực hiện" cell, with its role."""

    name: str
    role: AgencyRole


@dataclass(frozen=True, slots=True)
class Milestone:
    """A dated (or undated) obligation derived from a timeline phrase.

    `due` is the last permissible day. `period` is a short code of what the phrase covers:
    "2020-12-15" (date), "2019-12" (month), "2019-Q4" (quarter), "2023-H1"/"2023-H2"
    (half year), "2022-9M" (nine months), "2020" (year, continuous), "2021-2025" (span);
    recurring report milestones use the reporting-period codes "2020-Q1", "2020-H1",
    "2020-Q3", "2020-Y" (or "2020-Q2"/"2020-Q4" for quarterly, "2020-01".."2020-12" monthly).
    """

    kind: MilestoneKind
    due: dt.date | None
    period: str | None
    source: str  # the phrase as written
    label: str = ""  # e.g. "Ban hành KH", "Báo cáo kết quả"
    warning: str = ""  # Vietnamese text for the clerk, e.g. a date before the decision
    confirmed: bool = False  # a clerk confirmed or overrode it; survives re-parsing
    overridden: bool = False


@dataclass(frozen=True, slots=True)
class Task:
    """One row of an appendix table, every cell kept."""

    appendix: int
    no: str  # STT as printed ("1", "2", ...)
    title: str
    products: tuple[str, ...]
    agencies: tuple[TaskAgency, ...]
    agencies_text: str  # the cell as written (clean of markup), for printing it again
    timeline: str
    note: str = ""
    milestones: tuple[Milestone, ...] = ()
    # Amending decisions (their numbers) behind the task: the one that added it (None: in the
    # plan as issued), the one behind its latest change, the one that cancelled it.
    added_by: str | None = None
    amendment: str | None = None
    cancelled_by: str | None = None

    id: str = ""  # the stored row's id; "" for a task just read from a document

    @property
    def cancelled(self) -> bool:
        return self.cancelled_by is not None

    def noted(self, sep: str = "\n") -> str:
        """The note as printed: with "Đã bãi bỏ theo QĐ …" after it for a cancelled task."""
        if self.cancelled_by is None:
            return self.note
        mark = cancelled_mark(self.cancelled_by)
        return f"{self.note}{sep}{mark}" if self.note else mark


@dataclass(frozen=True, slots=True)
class Appendix:
    number: int
    title: str  # "Cải cách thể chế"
    lead_agency: str  # "Phòng Tư pháp"; "" when the heading names none
    heading: str  # the heading line(s) as written, clean of markup
    tasks: tuple[Task, ...] = ()
    id: str = ""  # the stored row's id; "" for an appendix just read from a document


@dataclass(frozen=True, slots=True)
class PlanNode:
    """A node of the plan text: part, item or paragraph (appendices and tasks are separate)."""

    kind: NodeKind
    number: str  # "I", "1", "5.1", "" for paragraphs
    text: str
    children: tuple[PlanNode, ...] = ()


@dataclass(frozen=True, slots=True)
class Decision:
    """The decision that issues the plan."""

    number: str  # "6320/QĐ-UBND"
    date: dt.date | None
    signer: str  # "Lê Văn Tuấn"
    signer_position: str  # "CHỦ TỊCH"
    authority_prefix: str  # "", "TM.", "KT.", "Q.", "TL.", "TUQ."
    issuing_body: str  # "Chủ tịch UBND huyện Ngọc Lặc"
    title: str  # "Ban hành Kế hoạch cải cách hành chính năm 2020"
    body: tuple[PlanNode, ...] = ()  # preamble, articles, recipients: paragraphs in order


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """Something odd in the source that the clerk should look at; nothing is dropped for it."""

    message: str  # Vietnamese
    line: int | None = None


@dataclass(frozen=True, slots=True)
class AmendmentRef:
    """A decision that amended the plan ("điều chỉnh, bổ sung Kế hoạch …")."""

    number: str  # "125/QĐ-UBND"
    date: dt.date
    summary: str = ""


@dataclass(frozen=True, slots=True)
class ParsedPlan:
    """The whole plan as read from a document, before it is stored."""

    year: int
    title: str  # "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2020"
    decision: Decision
    parts: tuple[PlanNode, ...]
    appendices: tuple[Appendix, ...]
    appendix_title: str = ""  # "NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH NĂM 2020"
    appendix_subtitle: str = ""  # "(Kèm theo Quyết định số ...)"
    warnings: tuple[ImportWarning, ...] = field(default=())
    amendments: tuple[AmendmentRef, ...] = field(default=())

    @property
    def task_count(self) -> int:
        return sum(len(a.tasks) for a in self.appendices)


def plan_as_amended(plan: ParsedPlan, day: dt.date) -> ParsedPlan:
    """The plan as it stood on `day`: amendments issued later are undone.

    A task added by a later amendment is left out; a task cancelled by a later one is in force.
    Tasks cancelled by then stay (the printed plan strikes them through).
    """
    from dataclasses import replace

    dates = {a.number: a.date for a in plan.amendments}

    def later(number: str | None) -> bool:
        return number is not None and number in dates and dates[number] > day

    appendices = tuple(
        replace(
            appendix,
            tasks=tuple(
                replace(
                    t,
                    cancelled_by=None if later(t.cancelled_by) else t.cancelled_by,
                    amendment=None if later(t.amendment) else t.amendment,
                )
                for t in appendix.tasks
                if not later(t.added_by)
            ),
        )
        for appendix in plan.appendices
    )
    amendments = tuple(a for a in plan.amendments if a.date <= day)
    return replace(plan, appendices=appendices, amendments=amendments)
