"""The plan printed from the data: decision, plan text, appendices with every cell."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest

from cchc_desktop.domain.model import ParsedPlan
from cchc_desktop.domain.office import OfficeSettings
from cchc_desktop.errors import ReportError
from cchc_desktop.paths import resource_path
from cchc_desktop.reports.data import DocumentOptions
from cchc_desktop.reports.plan import build_plan_report, task_cells

from .conftest import MARKUP_TITLE, NFD_TITLE
from .pdfutil import (
    A4_LANDSCAPE,
    A4_PORTRAIT,
    BASE14,
    all_text,
    flat,
    fonts_of,
    page_sizes,
    page_texts,
    top_texts,
)


@pytest.fixture
def plan_pdf(tmp_path: Path, small_plan: ParsedPlan, office: OfficeSettings) -> Path:
    result = build_plan_report(small_plan, office, tmp_path / "plan.pdf")
    assert result.pages == len(page_sizes(result.path))
    assert len(result.sha256) == 64
    return result.path


def test_first_page_has_the_exact_header_and_date_line(plan_pdf: Path) -> None:
    first = flat(page_texts(plan_pdf)[0])
    for text in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND TỈNH THANH HÓA",
        "UBND HUYỆN NGỌC LẶC",
        "Số: 15/QĐ-UBND",
        "Ngọc Lặc, ngày 05 tháng 01 năm 2020",
        "QUYẾT ĐỊNH",
        "Ban hành Kế hoạch cải cách hành chính năm 2020",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN NGỌC LẶC",
        "Căn cứ Luật Tổ chức Chính quyền địa phương ngày 19/6/2015;",
        "Điều 1. Ban hành kèm theo Quyết định này",
    ):
        assert text in first, text
    # The type and title from the body are not printed twice.
    assert first.count("Ban hành Kế hoạch cải cách hành chính năm 2020") == 1


def test_decision_ends_with_closing_signature_and_recipients(plan_pdf: Path) -> None:
    text = all_text(plan_pdf)
    assert "kể từ ngày ký./." in text
    assert "Nơi nhận:" in text
    assert "- Như Điều 2;" in text
    assert "- Lưu: VT." in text
    assert "Lê Văn Tuấn" in text
    # The decision's own signature ("CHỦ TỊCH", no TM.) is used, not the office default.
    assert "TM. ỦY BAN NHÂN DÂN" not in text


def test_plan_text_parts_and_items(plan_pdf: Path) -> None:
    text = all_text(plan_pdf)
    for expected in (
        "KẾ HOẠCH",
        "CẢI CÁCH HÀNH CHÍNH NĂM 2020",
        "(Ban hành kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 01 năm 2020 "
        "của Chủ tịch UBND huyện Ngọc Lặc)",
        "I. MỤC TIÊU, YÊU CẦU",
        "1. Mục tiêu",
        "5.1. Đối với các cơ quan hành chính",
        "IV. TỔ CHỨC THỰC HIỆN",
        "báo cáo kết quả thực hiện về Phòng Nội vụ./.",
    ):
        assert expected in text, expected


def test_appendix_tables_reproduce_every_cell(plan_pdf: Path, small_plan: ParsedPlan) -> None:
    text = all_text(plan_pdf)
    for header in (
        "STT",
        "Nhiệm vụ cụ thể",
        "Sản phẩm",
        "Cơ quan thực hiện",
        "Thời gian thực hiện",
        "Ghi chú",
    ):
        assert header in text
    assert "Phụ lục số 01" in text
    assert "Phụ lục số 02" in text
    assert "Cải cách thể chế - Phòng Tư pháp chịu trách nhiệm chủ trì" in text
    for appendix in small_plan.appendices:
        for task in appendix.tasks:
            for cell in task_cells(task):
                assert flat(unicodedata.normalize("NFC", cell)) in text, cell


def test_nfd_and_markup_characters_print_as_text(plan_pdf: Path) -> None:
    text = all_text(plan_pdf)
    assert unicodedata.normalize("NFC", NFD_TITLE) in text
    assert MARKUP_TITLE in text


def test_page_sizes_and_numbering(plan_pdf: Path) -> None:
    sizes = page_sizes(plan_pdf)
    landscape = [i for i, s in enumerate(sizes) if s == A4_LANDSCAPE]
    assert sizes[0] == A4_PORTRAIT
    assert len(landscape) == 2  # one page per (small) appendix
    assert all(s == A4_PORTRAIT for s in sizes[: landscape[0]])
    tops = top_texts(plan_pdf)
    assert tops[0] == ""
    for i in landscape:  # each appendix restarts at 1, whose number is hidden
        assert tops[i] == ""


def test_every_font_is_embedded(plan_pdf: Path) -> None:
    found = fonts_of(plan_pdf)
    assert found
    assert all(embedded for _, embedded in found)
    assert not {re.sub(r"^[A-Z]{6}\+", "", name) for name, _ in found} & BASE14


def test_blank_number_and_date(
    tmp_path: Path, small_plan: ParsedPlan, office: OfficeSettings
) -> None:
    result = build_plan_report(
        small_plan,
        office,
        tmp_path / "blank.pdf",
        options=DocumentOptions(blank_number_and_date=True),
    )
    first = page_texts(result.path)[0]
    assert re.search(r"Số:\s+/QĐ-UBND", first)
    assert re.search(r"Ngọc Lặc, ngày\s+tháng\s+năm 2020", first)
    assert "15/QĐ-UBND" not in first
    assert "ngày 05 tháng 01" not in all_text(result.path)


def test_cancelled_plan_raises(
    tmp_path: Path, small_plan: ParsedPlan, office: OfficeSettings
) -> None:
    with pytest.raises(ReportError, match="Đã huỷ tạo báo cáo"):
        build_plan_report(small_plan, office, tmp_path / "x.pdf", cancelled=lambda: True)
    assert not (tmp_path / "x.pdf").exists()


def test_seed_plan_prints_all_37_tasks(tmp_path: Path, office: OfficeSettings) -> None:
    from cchc_desktop.importer.plan_text import parse_plan_text

    plan = parse_plan_text(
        resource_path("ke-hoach-cchc-2020-ngoc-lac.txt").read_text(encoding="utf-8")
    )
    assert plan.task_count == 37
    progress: list[int] = []
    result = build_plan_report(plan, office, tmp_path / "seed.pdf", progress=progress.append)
    assert progress[-1] == 100
    text = all_text(result.path)
    sizes = page_sizes(result.path)
    for appendix in plan.appendices:
        assert f"Phụ lục số {appendix.number:02d}" in text
        for task in appendix.tasks:
            assert flat(task.title) in text, task.title
            for cell in task_cells(task):
                assert flat(cell) in text, cell
    assert "Số: 6320/QĐ-UBND" in text
    assert "Ngọc Lặc, ngày 26 tháng 12 năm 2019" in text
    assert "Lê Văn Tuấn" in text
    # 7 appendices, each starting a landscape section whose first page carries no number.
    texts = page_texts(result.path)
    starts = [
        i for i in range(1, len(sizes)) if sizes[i] == A4_LANDSCAPE and "Phụ lục số" in texts[i]
    ]
    assert len(starts) == 7
    tops = top_texts(result.path)
    assert all(tops[i] == "" for i in starts)
    assert any(tops[i] == "2" for i in range(starts[0], len(sizes)))


def test_the_seed_reprint_does_what_the_import_warnings_say(
    tmp_path: Path, office: OfficeSettings
) -> None:
    from cchc_desktop.importer.plan_text import parse_plan_text

    plan = parse_plan_text(
        resource_path("ke-hoach-cchc-2020-ngoc-lac.txt").read_text(encoding="utf-8")
    )
    said = " ".join(w.message for w in plan.warnings)
    text = all_text(build_plan_report(plan, office, tmp_path / "seed.pdf").path)
    # "dòng 7 vẫn in «NGỌC LẠC»" and "dòng 223 vẫn in ngày 28/12/2019": so the reprint does.
    assert "dòng 7 vẫn in «NGỌC LẠC»" in said
    assert "ỦY BAN NHÂN DÂN HUYỆN NGỌC LẠC" in text
    assert "dòng 223 vẫn in ngày 28/12/2019" in said
    assert "6320/QĐ-UBND ngày 28 tháng 12 năm 2019" in text
    assert plan.decision.date == dt.date(2019, 12, 26)
    assert "Ngọc Lặc, ngày 26 tháng 12 năm 2019" in text


def test_a_plan_issued_as_its_own_document_prints_no_decision(
    tmp_path: Path, office: OfficeSettings
) -> None:
    """A commune's plan numbered "02/KH-UBND" is the document itself: its first page is the
    plan with that number and date, its sentences are body text, and its tables say "Kèm theo
    Kế hoạch số …"; no "QUYẾT ĐỊNH" page is made up from its web copy's header lines."""
    from cchc_desktop.importer.plan_text import read_plan_file

    fixtures = Path(__file__).resolve().parents[2] / "fixtures" / "plans"
    plan = read_plan_file(fixtures / "xa-2025-web-khong-bang.txt")
    pdf = build_plan_report(plan, office, tmp_path / "kh.pdf").path
    pages = [flat(p) for p in page_texts(pdf)]
    assert "Số: 02/KH-UBND" in pages[0]
    assert "ngày 06 tháng 01 năm 2025" in pages[0]
    assert "KẾ HOẠCH" in pages[0]
    assert not any("QUYẾT ĐỊNH" in p or "Quyết định" in p for p in pages)
    assert "Trần Văn Nam" in pages[-1 - len(plan.appendices)]
    tables = pages[-len(plan.appendices) :]
    assert all("(Kèm theo Kế hoạch số 02/KH-UBND ngày 06 tháng 01 năm 2025" in p for p in tables)


def test_a_decision_read_from_a_web_copy_prints_its_letterhead_once(
    tmp_path: Path, office: OfficeSettings
) -> None:
    """A portal page or a Word file read back gives the header table as the decision's first
    lines; the printed letterhead replaces them, as the Word export does."""
    from dataclasses import replace

    from cchc_desktop.domain.model import NodeKind, PlanNode
    from cchc_desktop.importer.plan_text import parse_plan_text

    plan = parse_plan_text(
        resource_path("ke-hoach-cchc-2020-ngoc-lac.txt").read_text(encoding="utf-8")
    )
    header = (
        "ỦY BAN NHÂN DÂN HUYỆN NGỌC LẶC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 6320/QĐ-UBND Ngọc Lặc, ngày 26 tháng 12 năm 2019",
    )
    lines = tuple(PlanNode(NodeKind.PARAGRAPH, "", text) for text in header)
    copied = replace(plan, decision=replace(plan.decision, body=lines + plan.decision.body))
    first = flat(page_texts(build_plan_report(copied, office, tmp_path / "d.pdf").path)[0])
    assert first.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 1
    assert first.count("6320/QĐ-UBND") == 1
    assert "ỦY BAN NHÂN DÂN HUYỆN NGỌC LẶC CỘNG" not in first
