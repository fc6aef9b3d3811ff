"""The period result report, the overdue/due-soon report and the agency assignment sheet."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from cchc_desktop.domain.model import STATUS_LABELS, StatusCategory
from cchc_desktop.domain.office import OfficeSettings
from cchc_desktop.domain.periods import ReportingPeriod, period_phrase
from cchc_desktop.errors import ReportError
from cchc_desktop.reports.agency import build_agency_report
from cchc_desktop.reports.data import (
    AgencySheetData,
    DeadlineReportData,
    DocumentOptions,
    PeriodReportData,
    summary_counts,
)
from cchc_desktop.reports.deadlines import build_overdue_report
from cchc_desktop.reports.period import build_period_report

from .conftest import PERIOD_STATUSES
from .pdfutil import (
    A4_LANDSCAPE,
    A4_PORTRAIT,
    all_text,
    fonts_of,
    page_sizes,
    page_texts,
    top_texts,
)

ISSUED = DocumentOptions(
    number=5,
    issue_date=dt.date(2020, 3, 16),
    addressees=("UBND tỉnh Thanh Hóa", "Sở Nội vụ tỉnh Thanh Hóa"),
    recipients=("Như trên;", "TTr Huyện ủy (b/c);", "Lưu: VT, NV."),
)


@pytest.fixture
def period_pdf(tmp_path: Path, period_data: PeriodReportData, office: OfficeSettings) -> Path:
    return build_period_report(period_data, office, tmp_path / "period.pdf", options=ISSUED).path


def test_period_header_title_and_addressees(period_pdf: Path) -> None:
    first = all_text(period_pdf)
    for text in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/BC-UBND",
        "Ngọc Lặc, ngày 16 tháng 3 năm 2020",
        "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách hành chính quý I năm 2020",
        "Kính gửi:",
        "- UBND tỉnh Thanh Hóa;",
        "- Sở Nội vụ tỉnh Thanh Hóa.",
        "Số liệu báo cáo tính từ ngày 15 tháng 12 năm 2019 đến ngày 14 tháng 3 năm 2020.",
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "2. Cải cách thể chế (Phụ lục số 01)",
        "III. ĐÁNH GIÁ CHUNG",
        "của UBND huyện Ngọc Lặc./.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Lê Văn Tuấn",
        "- Như trên;",
    ):
        assert text in first, text


def test_period_summary_counts_equal_the_data(
    period_pdf: Path, period_data: PeriodReportData
) -> None:
    expected = Counter(PERIOD_STATUSES)
    assert summary_counts(period_data.tasks) == {c: expected.get(c, 0) for c in StatusCategory}
    text = all_text(period_pdf)
    total = len(PERIOD_STATUSES)
    for i, category in enumerate(StatusCategory, 1):
        n = expected.get(category, 0)
        share = f"{100 * n / total:.1f}".replace(".", ",").removesuffix(",0") + "%"
        row = f"{i} {STATUS_LABELS[category]} {n} {share}"
        assert row in text, row
    assert f"Tổng cộng {total} 100%" in text
    assert f"Tổng số nhiệm vụ theo Kế hoạch: {total} nhiệm vụ" in text


def test_period_areas_list_each_task_with_status_result_and_evidence(
    period_pdf: Path, period_data: PeriodReportData
) -> None:
    text = all_text(period_pdf)
    for area in period_data.areas:
        for task in area.tasks:
            assert f"- Nhiệm vụ {task.no}: {task.title}." in text
            assert f"Tình trạng: {STATUS_LABELS[task.status]}" in text
            if task.evidence_count:
                assert f"Minh chứng: {task.evidence_count} tệp." in text
    assert "Minh chứng: 0 tệp" not in text  # nothing to say is not said on every line
    assert "Chưa hoàn thành – trong hạn (40%)" in text
    assert "Kết quả: Đã triển khai kết quả số 1." in text


def test_period_indicators_against_targets(period_pdf: Path) -> None:
    text = all_text(period_pdf)
    assert "Có 1/2 chỉ tiêu đạt hoặc vượt mục tiêu của Kế hoạch." in text
    assert "Hồ sơ TTHC giải quyết đúng hạn ≥ 100% 98,5% Chưa đạt" in text
    assert "Xã sử dụng phần mềm quản lý văn bản ≥ 21 xã 21 xã Đạt" in text


def test_period_appendix_per_reporting_unit(
    period_pdf: Path, period_data: PeriodReportData
) -> None:
    sizes = page_sizes(period_pdf)
    texts = page_texts(period_pdf)
    tops = top_texts(period_pdf)
    assert sizes[0] == A4_PORTRAIT
    starts = [i for i, t in enumerate(texts) if re.search(r"^Phụ lục (I|II)$", t, re.M)]
    assert len(starts) == 2  # the unit without rows gets no appendix
    for i in starts:
        assert sizes[i] == A4_LANDSCAPE
        assert tops[i] == ""
    assert "Đơn vị: Phòng Tư pháp" in texts[starts[0]]
    assert "Đơn vị: UBND xã Quang Trung" in texts[starts[1]]
    reference = "(Kèm theo Báo cáo số 05/BC-UBND ngày 16 tháng 3 năm 2020 của UBND huyện Ngọc Lặc)"
    assert reference in all_text(period_pdf)
    assert "Tổng số: 5 nhiệm vụ (chưa triển khai: 5)./." in all_text(period_pdf)
    assert all(embedded for _, embedded in fonts_of(period_pdf))


@pytest.mark.parametrize(
    ("period", "phrase"),
    [
        (ReportingPeriod.Q1, "quý I năm 2020"),
        (ReportingPeriod.H1, "6 tháng đầu năm 2020"),
        (ReportingPeriod.Q3, "9 tháng năm 2020"),
        (ReportingPeriod.Y, "năm 2020"),
    ],
)
def test_period_phrases(period: ReportingPeriod, phrase: str) -> None:
    assert period_phrase(period, 2020) == phrase


def test_period_report_with_blank_number_and_one_unit(
    tmp_path: Path, period_data: PeriodReportData, office: OfficeSettings
) -> None:
    from dataclasses import replace

    data = replace(
        period_data, period=ReportingPeriod.H1, units=period_data.units[:1], before=(), after=()
    )
    result = build_period_report(
        data, office, tmp_path / "h1.pdf", options=DocumentOptions(blank_number_and_date=True)
    )
    text = all_text(result.path)
    assert "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2020" in text
    assert re.search(r"Số: /BC-UBND", text)
    assert "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH" in text
    assert re.search(r"^Phụ lục$", "\n".join(page_texts(result.path)), re.M)  # a single appendix
    assert "(Kèm theo Báo cáo số /BC-UBND ngày tháng năm 2020 của UBND huyện Ngọc Lặc)" in text


# ---------------------------------------------------------------------------- overdue


def test_overdue_report(
    tmp_path: Path, deadline_data: DeadlineReportData, office: OfficeSettings
) -> None:
    result = build_overdue_report(
        deadline_data,
        office,
        tmp_path / "overdue.pdf",
        options=DocumentOptions(number=12, issue_date=dt.date(2020, 6, 15)),
    )
    text = all_text(result.path)
    for expected in (
        "Số: 12/BC-UBND",
        "Ngọc Lặc, ngày 15 tháng 6 năm 2020",
        "quá hạn và sắp đến hạn",
        "tính đến ngày 15 tháng 6 năm 2020",
        "2 mốc nhiệm vụ đã quá hạn",
        "1 mốc nhiệm vụ sẽ đến hạn trong 30 ngày tới",
        "Phòng Nội vụ 0 1",
        "Phòng Tư pháp 1 0",
        "Văn phòng HĐND-UBND huyện 1 0",
        "Tổng cộng 2 1",
        "Chi tiết tại Phụ lục I và Phụ lục II kèm theo.",
        "DANH SÁCH NHIỆM VỤ QUÁ HẠN",
        "DANH SÁCH NHIỆM VỤ SẮP ĐẾN HẠN",
        "PL 01/NV 1",
        "01/06/2020 14",  # due date, then days overdue
        "16/05/2020 30",
        "25/06/2020 10",  # due soon: days left
        "Chưa hoàn thành: UBND xã Quang Trung",
    ):
        assert expected in text, expected
    sizes = page_sizes(result.path)
    assert sizes[0] == A4_PORTRAIT
    assert sizes.count(A4_LANDSCAPE) == 2


def test_overdue_report_with_nothing_due(
    tmp_path: Path, office: OfficeSettings, deadline_data: DeadlineReportData
) -> None:
    from dataclasses import replace

    empty = replace(deadline_data, overdue=(), due_soon=())
    result = build_overdue_report(empty, office, tmp_path / "none.pdf")
    text = all_text(result.path)
    assert "0 mốc nhiệm vụ đã quá hạn" in text
    assert "Phụ lục" not in text
    assert page_sizes(result.path) == [A4_PORTRAIT]


# ---------------------------------------------------------------------------- agency sheet


def test_agency_sheet(tmp_path: Path, agency_data: AgencySheetData, office: OfficeSettings) -> None:
    result = build_agency_report(agency_data, office, tmp_path / "agency.pdf")
    text = all_text(result.path)
    for expected in (
        "THÔNG BÁO",
        "Phân công nhiệm vụ cải cách hành chính năm 2020 đối với Phòng Tư pháp",
        "Kính gửi: Phòng Tư pháp.",
        "Tổng số: 3 nhiệm vụ; trong đó:",
        "- Chủ trì: 2 nhiệm vụ;",
        "- Phối hợp: 1 nhiệm vụ.",
        "Hạn gần nhất: ngày 31 tháng 01 năm 2020 (nhiệm vụ 6 của Phụ lục số 01).",
        "trước ngày 20 của tháng cuối mỗi kỳ báo cáo",
        "DANH SÁCH NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2020 GIAO PHÒNG TƯ PHÁP",
        "Rà soát đơn giản hoá thủ tục hành chính",
        "30/11/2020",
        "Số: /TB-UBND",
    ):
        assert expected in text, expected
    assert page_sizes(result.path)[-1] == A4_LANDSCAPE
    # Addressed by "Kính gửi", the Nơi nhận list starts with "- Như trên;".
    assert text.index("- Như trên;") < text.index("- Sở Nội vụ (b/c);")


def test_the_standing_office_is_not_asked_to_report_to_itself(
    tmp_path: Path, agency_data: AgencySheetData, office: OfficeSettings
) -> None:
    from dataclasses import replace

    own = replace(agency_data, agency="Phòng Nội vụ")
    text = all_text(build_agency_report(own, office, tmp_path / "nv.pdf").path)
    assert "báo cáo kết quả thực hiện về Phòng Nội vụ" not in text
    assert "tổng hợp, báo cáo kết quả thực hiện về UBND huyện Ngọc Lặc" in text


def test_a_blank_date_line_has_the_year_the_report_counts_to(
    tmp_path: Path, deadline_data: DeadlineReportData, office: OfficeSettings
) -> None:
    from dataclasses import replace

    later = replace(deadline_data, as_of=dt.date(2026, 12, 4))
    options = DocumentOptions(blank_number_and_date=True)
    text = all_text(build_overdue_report(later, office, tmp_path / "o.pdf", options=options).path)
    assert "tính đến ngày 04 tháng 12 năm 2026" in text
    assert re.search(r"Ngọc Lặc, ngày\s*\S*\s*tháng\s*\S*\s*năm 2026", text)
    assert "năm 2020\n" not in text.split("BÁO CÁO")[0]


def test_office_reports_can_be_cancelled(
    tmp_path: Path,
    office: OfficeSettings,
    period_data: PeriodReportData,
    deadline_data: DeadlineReportData,
    agency_data: AgencySheetData,
) -> None:
    for build, data in (
        (build_period_report, period_data),
        (build_overdue_report, deadline_data),
        (build_agency_report, agency_data),
    ):
        with pytest.raises(ReportError, match="Đã huỷ tạo báo cáo"):
            build(data, office, tmp_path / "x.pdf", cancelled=lambda: True)  # type: ignore[operator]
    assert not (tmp_path / "x.pdf").exists()


def test_deputy_signature_and_two_line_agency(
    tmp_path: Path, deadline_data: DeadlineReportData
) -> None:
    office = OfficeSettings(
        superior_agency="",
        issuing_agency="VĂN PHÒNG HĐND VÀ UBND\nHUYỆN NGỌC LẶC",
        authority_prefix="KT.",
        signer_position="PHÓ CHỦ TỊCH",
        signer_name="Nguyễn Thị Hà",
        superior_signer_position="CHỦ TỊCH",
    )
    result = build_overdue_report(deadline_data, office, tmp_path / "kt.pdf")
    first = page_texts(result.path)[0]
    assert "VĂN PHÒNG HĐND VÀ UBND\nHUYỆN NGỌC LẶC" in first.replace(" \n", "\n").replace(
        "\n ", "\n"
    )
    assert "UBND TỈNH THANH HÓA" not in first
    lines = [line.strip() for line in first.splitlines()]
    i = lines.index("TM. ỦY BAN NHÂN DÂN")
    assert lines[i + 1 : i + 3] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert "Nguyễn Thị Hà" in first
