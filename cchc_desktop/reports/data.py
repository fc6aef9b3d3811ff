"""Plain input records of the reports; the caller fills them from the database (no I/O here)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from cchc_desktop import formatting
from cchc_desktop.domain.model import AgencyRole, StatusCategory
from cchc_desktop.domain.office import document_kind, numbered_document
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.errors import ValidationError


@dataclass(frozen=True, slots=True)
class PageMargins:
    """Page margins in millimetres; ND30 ranges: top/bottom 20–25, left 30–35, right 15–20."""

    top: float = 20.0
    bottom: float = 20.0
    left: float = 30.0
    right: float = 15.0

    def validate(self) -> None:
        """Raise ValidationError when a margin is outside the Decree 30 range."""
        checks = (
            ("trên", self.top, 20, 25),
            ("dưới", self.bottom, 20, 25),
            ("trái", self.left, 30, 35),
            ("phải", self.right, 15, 20),
        )
        for name, value, low, high in checks:
            if not low <= value <= high:
                raise ValidationError(
                    f"Lề {name} phải từ {low} đến {high} mm theo Nghị định 30/2020 "
                    f"(đang là {formatting.number(value)} mm)."
                )


@dataclass(frozen=True, slots=True)
class DocumentOptions:
    """How one issued document is numbered, dated and addressed.

    Attributes:
        number: the register number (printed "05"); None leaves it blank.
        issue_date: the date of issue; None leaves day and month blank.
        blank_number_and_date: print "Số:      /BC-UBND" and "…, ngày    tháng    năm …" for
            filling in by hand after signing (ND30 Art. 15.2), whatever number and date say.
        blank_year: the year of a date line left blank (no issue date); None prints the year
            the report is about.
        recipients: "Nơi nhận" lines (without "- "); None uses the office's defaults.
        addressees: "Kính gửi" lines for a report sent upward; empty prints none.
        margins: page margins; None uses 20/20/30/15 mm.
    """

    number: int | None = None
    issue_date: dt.date | None = None
    blank_number_and_date: bool = False
    blank_year: int | None = None
    recipients: tuple[str, ...] | None = None
    addressees: tuple[str, ...] = ()
    margins: PageMargins | None = None


@dataclass(frozen=True, slots=True)
class PlanReference:
    """The plan a report refers to, and the decision that issued it."""

    title: str  # "Kế hoạch cải cách hành chính năm 2020"
    decision_number: str = ""  # "6320/QĐ-UBND"
    decision_date: dt.date | None = None
    issuer: str = ""  # "Chủ tịch UBND huyện Ngọc Lặc"

    def sentence(self) -> str:
        """ "Quyết định số 6320/QĐ-UBND ngày 26 tháng 12 năm 2019 của … ban hành Kế hoạch …", or
        for a plan issued as a plan of its own (a commune's "02/KH-UBND"), "Kế hoạch số
        02/KH-UBND ngày … về cải cách hành chính …": the kind follows the number's symbol."""
        if not self.decision_number:
            return self.title
        kind = document_kind(self.decision_number)
        parts = [numbered_document(self.decision_number)]
        if self.decision_date is not None:
            parts.append(formatting.date_long(self.decision_date))
        if self.issuer:
            parts.append(f"của {self.issuer}")
        if kind == "Kế hoạch":
            subject = _PLAN_WORD.sub("", self.title, count=1).strip()
            return " ".join(parts) + (f" về {_lower_first(subject)}" if subject else "")
        # A document's name keeps its capital in running text ("ban hành Kế hoạch …").
        title = self.title if _PLAN_WORD.match(self.title) else _lower_first(self.title)
        return " ".join(parts) + (f" ban hành {title}" if title else "")


_PLAN_WORD = re.compile(r"^\s*kế\s+hoạch\b", re.IGNORECASE)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def task_ref(appendix: int, no: str) -> str:
    """ "PL 01/NV 2": a task's place in the plan, short enough for a table column."""
    return f"PL {appendix:02d}/NV {no}"


# ---------------------------------------------------------------------------- period report


@dataclass(frozen=True, slots=True)
class TaskResultRow:
    """One task's overall state in the period."""

    appendix: int
    no: str
    title: str
    status: StatusCategory
    lead_agency: str = ""
    due: dt.date | None = None
    timeline: str = ""
    percent: int | None = None
    result: str = ""
    evidence_count: int = 0


@dataclass(frozen=True, slots=True)
class AreaResult:
    """One reform area (an appendix of the plan) with its tasks' results."""

    appendix: int
    title: str  # "Cải cách thể chế"
    lead_agency: str = ""
    tasks: tuple[TaskResultRow, ...] = ()
    narrative: tuple[str, ...] = ()  # paragraphs the clerk wrote for this area


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """A numeric target of the plan and the value reached."""

    name: str  # "Hồ sơ TTHC giải quyết đúng hạn"
    target: float | None
    actual: float | None
    unit: str = "%"  # "%", "kỳ/tháng", "xã"
    higher_is_better: bool = True
    note: str = ""

    @property
    def attained(self) -> bool | None:
        """True/False against the target; None when either value is missing."""
        if self.target is None or self.actual is None:
            return None
        if self.higher_is_better:
            return self.actual >= self.target
        return self.actual <= self.target


@dataclass(frozen=True, slots=True)
class UnitTaskRow:
    """What one reporting unit reported for one task in the period."""

    appendix: int
    no: str
    title: str
    status: StatusCategory
    percent: int | None = None
    result: str = ""
    evidence_count: int = 0


@dataclass(frozen=True, slots=True)
class UnitResults:
    """A reporting unit and its rows (one appendix table each)."""

    unit: str
    rows: tuple[UnitTaskRow, ...] = ()


@dataclass(frozen=True, slots=True)
class NarrativeSection:
    """A free-text part of the outline ("Công tác chỉ đạo, điều hành", "Đánh giá chung", …)."""

    title: str
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PeriodReportData:
    """Everything the periodic result report prints.

    The outline: `before` sections; the results (summary counts, one item per area, indicators);
    `after` sections; then one appendix table per reporting unit.
    """

    year: int
    period: ReportingPeriod
    plan: PlanReference
    areas: tuple[AreaResult, ...]
    indicators: tuple[IndicatorRow, ...] = ()
    units: tuple[UnitResults, ...] = ()
    before: tuple[NarrativeSection, ...] = ()
    after: tuple[NarrativeSection, ...] = ()
    data_from: dt.date | None = None  # the data cut-off window, when known
    data_to: dt.date | None = None

    @property
    def tasks(self) -> tuple[TaskResultRow, ...]:
        """All task rows of all areas, in order."""
        return tuple(t for area in self.areas for t in area.tasks)


def summary_counts(rows: Iterable[TaskResultRow | UnitTaskRow]) -> dict[StatusCategory, int]:
    """Number of rows per status category, every category present (zero when none)."""
    counts = Counter(r.status for r in rows)
    return {category: counts.get(category, 0) for category in StatusCategory}


# ---------------------------------------------------------------------------- deadlines


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    """A milestone that is overdue or due soon."""

    appendix: int
    no: str
    title: str
    milestone: str  # "Báo cáo kết quả" or the phrase as written
    due: dt.date
    lead_agency: str = ""
    status: StatusCategory | None = None
    units_pending: tuple[str, ...] = ()  # reporting units that have not finished it


@dataclass(frozen=True, slots=True)
class DeadlineReportData:
    """Overdue and due-soon milestones as of a day."""

    year: int
    as_of: dt.date
    plan: PlanReference
    overdue: tuple[DeadlineRow, ...] = ()
    due_soon: tuple[DeadlineRow, ...] = ()
    horizon_days: int = 30  # "due soon" = due within this many days after `as_of`


# ---------------------------------------------------------------------------- agency sheet


@dataclass(frozen=True, slots=True)
class AgencyTaskRow:
    """One task assigned to the agency, with the role it plays."""

    appendix: int
    no: str
    title: str
    role: AgencyRole
    products: tuple[str, ...] = ()
    agencies_text: str = ""  # the plan's "Cơ quan thực hiện" cell as written
    timeline: str = ""
    next_due: dt.date | None = None
    appendix_title: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class AgencySheetData:
    """The assignment sheet for one agency."""

    year: int
    agency: str  # "Phòng Tư pháp"
    plan: PlanReference
    rows: tuple[AgencyTaskRow, ...] = ()
