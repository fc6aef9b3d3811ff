"""Fixtures: the office, a small hand-built plan, and report data with known counts."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from cchc_desktop.domain.model import (
    AgencyRole,
    Appendix,
    Decision,
    Milestone,
    MilestoneKind,
    NodeKind,
    ParsedPlan,
    PlanNode,
    StatusCategory,
    Task,
    TaskAgency,
)
from cchc_desktop.domain.office import OfficeSettings
from cchc_desktop.domain.periods import ReportingPeriod
from cchc_desktop.reports.data import (
    AgencySheetData,
    AgencyTaskRow,
    AreaResult,
    DeadlineReportData,
    DeadlineRow,
    IndicatorRow,
    NarrativeSection,
    PeriodReportData,
    PlanReference,
    TaskResultRow,
    UnitResults,
    UnitTaskRow,
)
from tests.office_sample import sample_office

NFD_TITLE = unicodedata.normalize("NFD", "Rà soát, hệ thống hoá văn bản quy phạm pháp luật")
MARKUP_TITLE = "Kiểm tra <b>công vụ</b> & kỷ cương"


def para(text: str) -> PlanNode:
    return PlanNode(NodeKind.PARAGRAPH, "", text)


def _task(appendix: int, no: int, title: str, due: dt.date | None = None) -> Task:
    milestones = (
        (
            Milestone(
                MilestoneKind.MONTH,
                due,
                f"{due:%Y-%m}",
                f"tháng {due.month}/{due.year}",
                "Báo cáo kết quả",
            ),
        )
        if due
        else (Milestone(MilestoneKind.CONTINUOUS, None, "2020", "Thường xuyên"),)
    )
    return Task(
        appendix=appendix,
        no=str(no),
        title=title,
        products=("Kế hoạch của UBND huyện", "Báo cáo kết quả thực hiện"),
        agencies=(
            TaskAgency("Phòng Tư pháp", AgencyRole.LEAD),
            TaskAgency("UBND các xã, thị trấn", AgencyRole.COORDINATING),
        ),
        agencies_text="Phòng Tư pháp chủ trì; UBND các xã, thị trấn phối hợp",
        timeline=f"Tháng {due.month:02d}/{due.year}" if due else "Thường xuyên trong năm",
        note="Ghi chú số " + str(no) if no == 2 else "",
        milestones=milestones,
    )


@pytest.fixture
def office() -> OfficeSettings:
    return sample_office()


@pytest.fixture
def small_plan() -> ParsedPlan:
    decision = Decision(
        number="15/QĐ-UBND",
        date=dt.date(2020, 1, 5),
        signer="Lê Văn Tuấn",
        signer_position="CHỦ TỊCH",
        authority_prefix="",
        issuing_body="Chủ tịch UBND huyện Ngọc Lặc",
        title="Ban hành Kế hoạch cải cách hành chính năm 2020",
        body=(
            para("QUYẾT ĐỊNH"),
            para("Ban hành Kế hoạch cải cách hành chính năm 2020"),
            para("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN NGỌC LẶC"),
            para("Căn cứ Luật Tổ chức Chính quyền địa phương ngày 19/6/2015;"),
            para("Xét đề nghị của Trưởng phòng Nội vụ,"),
            para("QUYẾT ĐỊNH:"),
            para("Điều 1. Ban hành kèm theo Quyết định này kế hoạch cải cách hành chính năm 2020."),
            para("Điều 2. Quyết định có hiệu lực thi hành kể từ ngày ký."),
            para("Nơi nhận:"),
            para("- Như Điều 2;"),
            para("- Sở Nội vụ (b/c);"),
            para("- Lưu: VT."),
        ),
    )
    parts = (
        PlanNode(
            NodeKind.PART,
            "I",
            "MỤC TIÊU, YÊU CẦU",
            (
                PlanNode(
                    NodeKind.ITEM,
                    "1",
                    "Mục tiêu",
                    (
                        para(
                            "- Tiếp tục đẩy mạnh cải cách hành chính, lấy sự hài lòng "
                            "của người dân làm trung tâm."
                        ),
                    ),
                ),
            ),
        ),
        PlanNode(
            NodeKind.PART,
            "II",
            "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
            (
                PlanNode(
                    NodeKind.ITEM,
                    "5",
                    "Cải cách tài chính công",
                    (
                        PlanNode(
                            NodeKind.ITEM,
                            "5.1",
                            "Đối với các cơ quan hành chính",
                            (para("Tiếp tục thực hiện Nghị định số 130/2005/NĐ-CP."),),
                        ),
                    ),
                ),
            ),
        ),
        PlanNode(
            NodeKind.PART,
            "IV",
            "TỔ CHỨC THỰC HIỆN",
            (para("Các cơ quan, đơn vị định kỳ báo cáo kết quả thực hiện về Phòng Nội vụ."),),
        ),
    )
    appendices = (
        Appendix(
            1,
            "Cải cách thể chế",
            "Phòng Tư pháp",
            "Phụ lục số 01: Cải cách thể chế - Phòng Tư pháp chịu trách nhiệm chủ trì",
            (
                _task(
                    1,
                    1,
                    "Ban hành Kế hoạch xây dựng văn bản quy phạm pháp luật năm 2020",
                    dt.date(2020, 11, 30),
                ),
                _task(1, 2, NFD_TITLE, dt.date(2020, 1, 31)),
            ),
        ),
        Appendix(
            2,
            "Cải cách thủ tục hành chính",
            "Văn phòng HĐND-UBND huyện",
            "Phụ lục số 02: Cải cách thủ tục hành chính",
            (
                _task(2, 1, MARKUP_TITLE),
                _task(2, 2, "Niêm yết công khai thủ tục hành chính", dt.date(2020, 6, 30)),
            ),
        ),
    )
    return ParsedPlan(
        year=2020,
        title="KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2020",
        decision=decision,
        parts=parts,
        appendices=appendices,
        appendix_title="NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH NĂM 2020",
        appendix_subtitle=(
            "(Kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 01 năm 2020 "
            "của Chủ tịch UBND huyện Ngọc Lặc)"
        ),
    )


PLAN_REF = PlanReference(
    "Kế hoạch cải cách hành chính năm 2020",
    "15/QĐ-UBND",
    dt.date(2020, 1, 5),
    "Chủ tịch UBND huyện Ngọc Lặc",
)

# Known counts per category for the period report: 3, 2, 1, 4, 0, 1 (11 tasks).
PERIOD_STATUSES = (
    [StatusCategory.DONE_ON_TIME] * 3
    + [StatusCategory.DONE_LATE] * 2
    + [StatusCategory.IN_PROGRESS_ON_TIME] * 1
    + [StatusCategory.IN_PROGRESS_OVERDUE] * 4
    + [StatusCategory.NOT_APPLICABLE] * 1
)


@pytest.fixture
def period_data() -> PeriodReportData:
    rows = [
        TaskResultRow(
            appendix=1 if i < 6 else 2,
            no=str(i + 1),
            title=f"Nhiệm vụ thử nghiệm số {i + 1} về cải cách thể chế",
            status=status,
            lead_agency="Phòng Tư pháp",
            due=dt.date(2020, 3, 1),
            timeline="Quý I/2020",
            percent=40 if status == StatusCategory.IN_PROGRESS_ON_TIME else None,
            result=f"Đã triển khai kết quả số {i + 1}" if i % 2 == 0 else "",
            evidence_count=i,
        )
        for i, status in enumerate(PERIOD_STATUSES)
    ]
    areas = (
        AreaResult(
            1,
            "Cải cách thể chế",
            "Phòng Tư pháp",
            tuple(rows[:6]),
            ("Các văn bản được rà soát kịp thời.",),
        ),
        AreaResult(2, "Cải cách thủ tục hành chính", "Văn phòng HĐND-UBND huyện", tuple(rows[6:])),
    )
    units = (
        UnitResults(
            "Phòng Tư pháp",
            tuple(
                UnitTaskRow(
                    r.appendix, r.no, r.title, r.status, r.percent, r.result, r.evidence_count
                )
                for r in rows[:4]
            ),
        ),
        UnitResults(
            "UBND xã Quang Trung",
            tuple(
                UnitTaskRow(r.appendix, r.no, r.title, StatusCategory.NOT_STARTED)
                for r in rows[4:9]
            ),
        ),
        UnitResults("UBND xã Không Báo Cáo", ()),
    )
    return PeriodReportData(
        year=2020,
        period=ReportingPeriod.Q1,
        plan=PLAN_REF,
        areas=areas,
        indicators=(
            IndicatorRow("Hồ sơ TTHC giải quyết đúng hạn", 100, 98.5),
            IndicatorRow("Xã sử dụng phần mềm quản lý văn bản", 21, 21, unit="xã"),
        ),
        units=units,
        before=(
            NarrativeSection("Công tác chỉ đạo, điều hành", ("UBND huyện đã ban hành kế hoạch.",)),
        ),
        after=(NarrativeSection("Đánh giá chung", ("Kết quả bước đầu tích cực.",)),),
        data_from=dt.date(2019, 12, 15),
        data_to=dt.date(2020, 3, 14),
    )


@pytest.fixture
def deadline_data() -> DeadlineReportData:
    as_of = dt.date(2020, 6, 15)
    overdue = (
        DeadlineRow(
            1,
            "1",
            "Ban hành Kế hoạch rà soát văn bản",
            "Ban hành KH",
            dt.date(2020, 6, 1),
            "Phòng Tư pháp",
            StatusCategory.IN_PROGRESS_OVERDUE,
            ("UBND xã Quang Trung",),
        ),
        DeadlineRow(
            2,
            "3",
            "Rà soát đơn giản hoá thủ tục hành chính",
            "Báo cáo kết quả",
            dt.date(2020, 5, 16),
            "Văn phòng HĐND-UBND huyện",
        ),
    )
    soon = (
        DeadlineRow(
            4, "5", "Kiểm tra công vụ", "Kế hoạch kiểm tra", dt.date(2020, 6, 25), "Phòng Nội vụ"
        ),
    )
    return DeadlineReportData(2020, as_of, PLAN_REF, overdue, soon, horizon_days=30)


@pytest.fixture
def agency_data() -> AgencySheetData:
    rows = (
        AgencyTaskRow(
            1,
            "1",
            "Ban hành Kế hoạch xây dựng văn bản QPPL",
            AgencyRole.LEAD,
            ("Kế hoạch", "Báo cáo"),
            "Phòng Tư pháp chủ trì",
            "Tháng 12/2019",
            dt.date(2020, 11, 30),
            "Cải cách thể chế",
        ),
        AgencyTaskRow(
            1,
            "6",
            "Rà soát, hệ thống hoá văn bản",
            AgencyRole.LEAD,
            ("Báo cáo",),
            "Phòng Tư pháp chủ trì",
            "Tháng 01/2020",
            dt.date(2020, 1, 31),
            "Cải cách thể chế",
        ),
        AgencyTaskRow(
            2,
            "3",
            "Rà soát đơn giản hoá thủ tục hành chính",
            AgencyRole.COORDINATING,
            ("Văn bản kiến nghị",),
            "Tổ đầu mối chủ trì; các phòng phối hợp",
            "Định kỳ hằng quý",
        ),
    )
    return AgencySheetData(2020, "Phòng Tư pháp", PLAN_REF, rows)
