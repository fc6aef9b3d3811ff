"""The kinds of printed report, their labels and document types.

Kept apart from the report engine so that the command line's parser and the window's menus can
name the reports without loading ReportLab.
"""

from __future__ import annotations

from enum import StrEnum


class ReportKind(StrEnum):
    PLAN = "plan"  # the plan itself: decision, parts I–IV, appendices
    PERIOD = "period"  # the periodic result report
    OVERDUE = "overdue"  # overdue and due-soon tasks
    AGENCY = "agency"  # the assignment sheet of one agency


REPORT_LABELS: dict[ReportKind, str] = {
    ReportKind.PLAN: "Kế hoạch (quyết định, nội dung, phụ lục)",
    ReportKind.PERIOD: "Báo cáo kết quả định kỳ",
    ReportKind.OVERDUE: "Nhiệm vụ quá hạn và sắp đến hạn",
    ReportKind.AGENCY: "Phiếu giao nhiệm vụ của một cơ quan",
}

DOC_TYPES: dict[ReportKind, str] = {
    ReportKind.PLAN: "KH",
    ReportKind.PERIOD: "BC",
    ReportKind.OVERDUE: "BC",
    ReportKind.AGENCY: "TB",
}
