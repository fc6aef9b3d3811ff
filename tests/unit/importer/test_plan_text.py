"""The plan importer against the seed plan, mutated copies of it, and non-plan documents."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.domain.model import AgencyRole, NodeKind, ParsedPlan, PlanNode, Task
from cchc_desktop.errors import PlanImportError
from cchc_desktop.importer.plan_text import (
    decode_plan_bytes,
    parse_plan_text,
    read_plan_file,
    split_appendix_heading,
    split_products,
    strip_markup,
)

SEED = Path(__file__).resolve().parents[3] / "resources" / "ke-hoach-cchc-2020-ngoc-lac.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")

TASK_COUNTS = [6, 8, 3, 6, 4, 6, 4]


@pytest.fixture(scope="module")
def plan() -> ParsedPlan:
    return parse_plan_text(SEED_TEXT, source_name=SEED.name)


def task(plan: ParsedPlan, appendix: int, no: int) -> Task:
    found = plan.appendices[[a.number for a in plan.appendices].index(appendix)].tasks[no - 1]
    assert found.no == str(no)
    return found


def without_warnings(plan: ParsedPlan) -> ParsedPlan:
    return dataclasses.replace(plan, warnings=())


def messages(plan: ParsedPlan) -> list[str]:
    return [w.message for w in plan.warnings]


def all_texts(plan: ParsedPlan) -> Iterator[str]:
    def walk(node: PlanNode) -> Iterator[str]:
        yield node.number
        yield node.text
        for child in node.children:
            yield from walk(child)

    d = plan.decision
    yield from (plan.title, plan.appendix_title, plan.appendix_subtitle)
    yield from (d.number, d.signer, d.signer_position, d.issuing_body, d.title)
    for node in (*d.body, *plan.parts):
        yield from walk(node)
    for a in plan.appendices:
        yield from (a.title, a.lead_agency, a.heading)
        for t in a.tasks:
            yield from (t.no, t.title, t.agencies_text, t.timeline, t.note, *t.products)
            yield from (x.name for x in t.agencies)
    yield from (w.message for w in plan.warnings)


# ---------------------------------------------------------------- the seed, exactly


def test_seed_counts(plan: ParsedPlan) -> None:
    assert [a.number for a in plan.appendices] == [1, 2, 3, 4, 5, 6, 7]
    assert [len(a.tasks) for a in plan.appendices] == TASK_COUNTS
    assert plan.task_count == 37
    for appendix in plan.appendices:
        assert [t.no for t in appendix.tasks] == [str(n) for n in range(1, len(appendix.tasks) + 1)]
        assert all(t.appendix == appendix.number for t in appendix.tasks)


def test_seed_plan_header(plan: ParsedPlan) -> None:
    assert plan.year == 2020
    assert plan.title == "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2020"
    assert plan.appendix_title == "NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH NĂM 2020"
    assert plan.appendix_subtitle == (
        "(Kèm theo Quyết định số 6320/QĐ-UBND ngày 28 tháng 12 năm 2019 "
        "của Chủ tịch UBND huyện Ngọc Lặc)"
    )


def test_seed_decision(plan: ParsedPlan) -> None:
    d = plan.decision
    assert d.number == "6320/QĐ-UBND"
    assert d.date == dt.date(2019, 12, 26)
    assert d.signer == "Lê Văn Tuấn"
    assert d.signer_position == "CHỦ TỊCH"
    assert d.authority_prefix == ""
    assert d.issuing_body == "Chủ tịch UBND huyện Ngọc Lặc"
    assert d.title == "Ban hành Kế hoạch cải cách hành chính năm 2020"
    texts = [n.text for n in d.body]
    assert all(n.kind is NodeKind.PARAGRAPH and n.number == "" for n in d.body)
    assert texts[0] == "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN NGỌC LẠC"
    assert texts[1] == "Căn cứ Luật Tổ chức Chính quyền địa phương ngày 19/6/2015;"
    assert sum(t.startswith("Căn cứ") for t in texts) == 6
    assert "Xét đề nghị của Trưởng phòng Nội vụ," in texts
    assert "QUYẾT ĐỊNH:" in texts
    articles = [t for t in texts if t.startswith("Điều")]
    assert articles[0] == (
        "Điều 1. Ban hành kèm theo Quyết định này kế hoạch cải cách hành chính năm 2020."
    )
    assert len(articles) == 3
    recipients = texts[texts.index("Nơi nhận:") + 1 :]
    assert recipients[0] == "- Như điều 3 QĐ (t/h);"
    assert recipients[-1] == "- In bản."
    assert len(recipients) == 8
    assert len(texts) == 21


def test_seed_parts_and_items(plan: ParsedPlan) -> None:
    assert [(p.kind, p.number) for p in plan.parts] == [
        (NodeKind.PART, n) for n in ["I", "II", "III", "IV"]
    ]
    assert [p.text for p in plan.parts] == [
        "MỤC TIÊU, YÊU CẦU",
        "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "KẾ HOẠCH TRIỂN KHAI CÁC NHIỆM VỤ TRỌNG TÂM CCHC",
        "TỔ CHỨC THỰC HIỆN:",
    ]
    items = [[c.number for c in p.children if c.kind is NodeKind.ITEM] for p in plan.parts]
    assert items == [["1", "2"], ["1", "2", "3", "4", "5", "6", "7"], ["1", "2"], ["1", "2", "3"]]
    finance = plan.parts[1].children[4]
    assert finance.text == "Cải cách tài chính công"
    assert [(c.number, c.text) for c in finance.children] == [
        ("5.1", "Đối với các cơ quan hành chính"),
        ("5.2", "Đối với đơn vị sự nghiệp công lập"),
    ]
    assert [len(c.children) for c in finance.children] == [1, 3]
    paragraphs = [[len(i.children) for i in p.children] for p in plan.parts]
    assert paragraphs == [[4, 3], [4, 6, 4, 6, 2, 6, 6], [7, 0], [3, 2, 3]]
    objectives = plan.parts[0].children[0]
    assert objectives.children[0].kind is NodeKind.PARAGRAPH
    assert objectives.children[0].text.startswith("- Tiếp tục đẩy mạnh cải cách hành chính")


def test_paragraphs_broken_across_a_page_are_joined(plan: ParsedPlan) -> None:
    organisation = plan.parts[1].children[2].children
    assert "ngày 24/01/2018 của Chính phủ và Kế hoạch số 102-KH/TU" in organisation[1].text
    assert organisation[1].text.endswith("của các đơn vị sự nghiệp công lập.")
    public_units = plan.parts[1].children[4].children[1].children
    assert "không để xảy ra hiện tượng các đơn vị vi phạm" in public_units[1].text
    culture = plan.parts[3].children[2].children
    assert "trang thông điện tử huyện và chương truyền thanh - truyền hình;" in culture[0].text
    # a heading is not joined with the capitalised paragraph after it
    modern = plan.parts[1].children[5]
    assert modern.text == "Hiện đại hóa hành chính"
    assert modern.children[0].text.startswith("Đẩy mạnh việc ứng dụng công nghệ thông tin")


def test_seed_appendix_headings(plan: ParsedPlan) -> None:
    assert [(a.title, a.lead_agency) for a in plan.appendices] == [
        ("Cải cách thể chế", "Phòng Tư pháp"),
        ("Cải cách Thủ tục hành chính", "Văn phòng HĐND&UBND huyện"),
        ("Cải cách tổ chức bộ máy hành chính nhà nước", "Phòng Nội vụ"),
        ("Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Phòng Nội vụ"),
        ("Cải cách tài chính công", "Phòng Tài chính - Kế hoạch"),
        ("Hiện đại hoá hành chính", "Phòng Văn hoá - thông tin"),
        ("Công tác chỉ đạo, điều hành, tuyên truyền CCHC", ""),
    ]
    assert plan.appendices[4].heading == (
        "Phụ lục số 05: Cải cách tài chính công\n"
        "Phòng Tài chính - Kế hoạch chịu trách nhiệm chủ trì"
    )
    assert plan.appendices[5].heading == (
        "Phụ lục 6: Hiện đại hoá hành chính - Phòng Văn hoá - thông tin chủ trì"
    )


def test_seed_chosen_cells(plan: ParsedPlan) -> None:
    t = task(plan, 1, 6)
    assert t.timeline == (
        "- Kế hoạch rà soát: tháng 01/2020; - Báo cáo kết quả rà soát: tháng 11/2020"
    )
    assert t.products == (
        "Kế hoạch rà soát, hệ thống hoá VB QPPL; KH rà soát VB QPPL theo chuyên đề",
        "Báo cáo kết quả rà soát; báo cáo đề xuất, kiến nghị cơ quan có thẩm quyền xử lý",
    )
    assert t.note == ""
    t = task(plan, 1, 1)
    assert t.products == ("Kế hoạch của UBND huyện", "Báo cáo kết quả thực hiện Kế hoạch")
    assert [(a.name, a.role) for a in t.agencies] == [
        ("Phòng Tư pháp", AgencyRole.LEAD),
        ("Các phòng chuyên môn UBND huyện", AgencyRole.COORDINATING),
        ("UBND các xã, thị trấn", AgencyRole.COORDINATING),
    ]
    assert t.agencies_text == (
        "- Phòng Tư pháp - Cơ quan phối hợp: Các phòng chuyên môn UBND huyện; UBND các xã, thị trấn"
    )
    t = task(plan, 2, 5)  # the row split across a page
    assert t.title == (
        "Thực hiện tiếp nhận và trả kết quả 100% TTHC tại bộ phận một cửa cấp huyện, cấp xã. "
        "100% hồ sơ được tiếp nhận đúng quy định, trả kết quả đúng hẹn và trước hẹn "
        "tại bộ phận một cửa cấp huyện, cấp xã."
    )
    assert t.agencies_text == (
        "- Cơ quan thực hiện : Bộ phận tiếp nhận hồ sơ và trả kết quả huyện, UBND cấp xã. "
        "- Cơ quan tổng hợp: Văn phòng HĐND-UBND huyện."
    )
    assert [(a.name, a.role) for a in t.agencies] == [
        ("Bộ phận tiếp nhận hồ sơ và trả kết quả huyện", AgencyRole.IMPLEMENTING),
        ("UBND cấp xã", AgencyRole.IMPLEMENTING),
        ("Văn phòng HĐND-UBND huyện", AgencyRole.SUMMARISING),
    ]
    assert t.products == ("Báo cáo kết quả giải quyết TTHC của Bộ phận một cửa huyện, UBND cấp xã",)
    assert t.timeline == "Định kỳ hàng quý hoặc đột xuất theo yêu cầu"
    t = task(plan, 2, 6)  # <ul style=…> in the products cell
    assert t.products == (
        "Hướng dẫn, thông báo kết quả giải quyết TTHC qua tin nhắn tự động",
        "Báo cáo kết quả triển khai, thực hiện",
    )
    t = task(plan, 3, 2)
    assert t.products == (
        "Kế hoạch kiểm tra",
        "thông báo kết quả kiểm tra",
        "báo cáo khắc phục tồn tại sau kiểm tra",
    )
    t = task(plan, 6, 5)  # every cell wrapped in <p>…</p>
    assert t.title == (
        "Triển khai thực hiện cung cấp dịch vụ công mức độ 3, mức độ 4, đảm bảo đến hết 2019, "
        "số TTHC thực hiện cung cấp dịch vụ công mức độ 3, 4 có phát sinh hồ sơ đạt từ 75% trở "
        "lên; số hồ sơ được xử lý mức độ 3 đạt từ 30% trở lên và số hồ sơ được xử lý ở mức độ 4 "
        "đạt từ 20% trở lên; 70% TTHC đã triển khai có phát sinh hồ sơ và được tiếp nhận hoặc "
        "trả kết quả qua dịch vụ bưu chính công ích."
    )
    assert t.products == ("Báo cáo kết quả thực hiện",)
    assert t.timeline == "Định kỳ hằng quý hoặc đột xuất theo yêu cầu"
    t = task(plan, 6, 1)
    assert t.timeline == "- Báo cáo định kỳ hằng quý, báo cáo đột xuất theo quy định"
    t = task(plan, 7, 4)
    assert t.agencies_text == (
        "Các phòng chuyên môn, các cơ quan, đơn vị trên địa bàn huyện, "
        "Trung tâm VH-TT-TT và DL huyện."
    )


def test_seed_every_task_is_complete_and_milestones_are_left_empty(plan: ParsedPlan) -> None:
    for appendix in plan.appendices:
        for t in appendix.tasks:
            assert t.title, t
            assert t.products, t
            assert t.agencies, t
            assert t.timeline, t
            assert t.milestones == ()
            assert t.note == ""  # the seed's "Ghi chú" column is empty


def test_seed_is_clean_of_markup_and_nfc(plan: ParsedPlan) -> None:
    for text in all_texts(plan):
        assert not re.search(r"</?[a-z]+|\*\*|&[a-z]+;", text), text
        assert unicodedata.is_normalized("NFC", text)
        assert text == text.strip()
        assert "  " not in text
        assert "\t" not in text


def test_seed_warnings(plan: ParsedPlan) -> None:
    found = messages(plan)
    # What the warning says is what the reprint does (test_plan_report checks the print).
    assert found[0] == (
        "Tên địa danh viết khác nhau: «NGỌC LẠC» (dòng 7) và «Ngọc Lặc» (dòng 51). Bản in lại "
        "kế hoạch giữ nguyên từng dòng như văn bản đã ban hành (dòng 7 vẫn in «NGỌC LẠC»)."
    )
    assert found[1] == (
        "Ngày quyết định ghi khác nhau trong văn bản: 26/12/2019 (dòng 51) và 28/12/2019 "
        "(dòng 223); ngày quyết định ghi nhận là 26/12/2019. Bản in lại kế hoạch giữ nguyên "
        "từng dòng như văn bản đã ban hành (dòng 223 vẫn in ngày 28/12/2019)."
    )
    year_warnings = [m for m in found if "khác năm của kế hoạch (2020)" in m]
    assert [m.split(":")[0] for m in year_warnings] == [
        "Phụ lục 01, nhiệm vụ 1",
        "Phụ lục 01, nhiệm vụ 2",
        "Phụ lục 02, nhiệm vụ 1",
        "Phụ lục 04, nhiệm vụ 6",
        "Phụ lục 05, nhiệm vụ 2",
        "Phụ lục 06, nhiệm vụ 6",
        "Phụ lục 07, nhiệm vụ 1",
    ]
    assert all("nêu năm 2019" in m for m in year_warnings)
    assert len(found) == 9  # nothing skipped, nothing else odd
    assert [w.line for w in plan.warnings][:3] == [7, 223, 228]


def test_seed_import_is_fast() -> None:
    best = min(_timed(lambda: read_plan_file(SEED)) for _ in range(3))
    assert best < 0.1


def _timed(action: object) -> float:
    assert callable(action)
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


# ---------------------------------------------------------------- mutated copies of the seed


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda s: s.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda s: s.replace("\n", "\r"), id="cr"),
        pytest.param(lambda s: unicodedata.normalize("NFD", s), id="nfd"),
        pytest.param(lambda s: "\ufeff" + s, id="bom"),
        pytest.param(lambda s: s.replace("\n", "  \n"), id="trailing-spaces"),
        pytest.param(lambda s: s.replace("\t\n", "\t \n"), id="trailing-space-cell"),
    ],
)
def test_mutations_keep_exactly_the_same_plan(plan: ParsedPlan, mutate: object) -> None:
    assert callable(mutate)
    assert parse_plan_text(mutate(SEED_TEXT), source_name=SEED.name) == plan


def test_extra_blank_lines_keep_the_same_data(plan: ParsedPlan) -> None:
    mutated = parse_plan_text(SEED_TEXT.replace("\n", "\n\n\n"))
    assert without_warnings(mutated) == without_warnings(plan)
    assert len(mutated.warnings) == len(plan.warnings)


def _lines() -> list[str]:
    return SEED_TEXT.split("\n")


def _index(prefix: str) -> int:
    return next(i for i, line in enumerate(_lines()) if line.startswith(prefix))


def test_missing_appendix_is_a_warning(plan: ParsedPlan) -> None:
    lines = _lines()
    start, stop = _index("Phụ lục số 3:"), _index("Phụ lục 4:")
    mutated = parse_plan_text("\n".join(lines[:start] + lines[stop:]))
    assert [a.number for a in mutated.appendices] == [1, 2, 4, 5, 6, 7]
    assert mutated.task_count == 37 - 3
    assert "Thiếu Phụ lục số 03" in messages(mutated)
    assert mutated.appendices[2] == plan.appendices[3]


def test_file_truncated_inside_a_table_row_keeps_what_is_there(plan: ParsedPlan) -> None:
    lines = _lines()
    cut = _index("3\tTiếp tục đổi mới cơ chế tài chính")
    truncated = "\n".join(lines[:cut]) + "\n" + lines[cut][:60]
    mutated = parse_plan_text(truncated)
    assert [len(a.tasks) for a in mutated.appendices] == [6, 8, 3, 6, 3]
    assert mutated.appendices[:4] == plan.appendices[:4]
    assert mutated.appendices[4].tasks[:2] == plan.appendices[4].tasks[:2]
    cut_task = mutated.appendices[4].tasks[2]
    assert cut_task.title == lines[cut][2:60]
    assert cut_task.products == ()
    assert cut_task.agencies == ()
    assert cut_task.timeline == ""
    found = messages(mutated)
    assert (
        "Phụ lục 05, nhiệm vụ 3: dòng bảng bị cắt, thiếu cột «Sản phẩm», «Cơ quan thực hiện», "
        "«Thời gian thực hiện» (tệp có thể bị cắt cụt)."
    ) in found
    assert "Thiếu Phụ lục số 06" in found
    assert "Thiếu Phụ lục số 07" in found


def test_file_truncated_after_an_appendix_heading_warns() -> None:
    lines = _lines()
    cut = _index("Phụ lục 6:") + 1
    mutated = parse_plan_text("\n".join(lines[:cut]))
    assert [len(a.tasks) for a in mutated.appendices] == [6, 8, 3, 6, 4, 0]
    assert mutated.appendices[5].title == "Hiện đại hoá hành chính"
    found = messages(mutated)
    assert "Phụ lục 06 không có nhiệm vụ nào (không có bảng, hoặc tệp bị cắt cụt)." in found
    assert "Thiếu Phụ lục số 07" in found


DRAFT_WARNING = (
    "Văn bản chưa có nhiệm vụ nào (không có bảng phụ lục, cũng không có mục nhiệm vụ đánh số): "
    "kế hoạch được nhập như bản nháp, hãy thêm nhiệm vụ sau."
)


def test_file_truncated_before_the_appendices_takes_its_tasks_from_part_ii(
    plan: ParsedPlan,
) -> None:
    lines = _lines()
    cut = _index("III. KẾ HOẠCH TRIỂN KHAI")
    found = parse_plan_text("\n".join(lines[:cut]), source_name="ke-hoach.txt")
    assert found.parts == plan.parts[:2]
    assert found.decision.number == "6320/QĐ-UBND"
    assert [(a.number, a.title, len(a.tasks)) for a in found.appendices] == [
        (1, "Cải cách thể chế", 4),
        (2, "Cải cách thủ tục hành chính", 6),
        (3, "Cải cách tổ chức bộ máy hành chính nhà nước", 4),
        (4, "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", 6),
        (5, "Cải cách tài chính công", 2),
        (6, "Hiện đại hóa hành chính", 6),
        (7, "Công tác chỉ đạo, điều hành, tuyên truyền về cải cách hành chính", 6),
    ]
    assert (
        found.appendices[0]
        .tasks[0]
        .title.startswith("Tập trung rà soát các văn bản quy phạm pháp luật các cấp đã ban hành")
    )
    assert (
        "Kế hoạch không có bảng phụ lục nhiệm vụ: 34 nhiệm vụ được lấy từ các mục của phần "
        "«II. NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH», cơ quan và thời hạn lấy từ lời văn nếu có. "
        "Cần kiểm tra lại." in messages(found)
    )


def test_a_plan_with_only_its_opening_is_a_draft() -> None:
    lines = _lines()
    cut = _index("II. NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH")
    draft = parse_plan_text("\n".join(lines[:cut]), source_name="ke-hoach.txt")
    assert draft.appendices == ()
    assert draft.year == 2020
    assert DRAFT_WARNING in messages(draft)


def test_file_truncated_before_any_table_keeps_the_empty_appendix() -> None:
    lines = _lines()
    cut = _index("Phụ lục số 01") + 1
    draft = parse_plan_text("\n".join(lines[:cut]), source_name="x.txt")
    assert [(a.number, a.title, a.tasks) for a in draft.appendices] == [(1, "Cải cách thể chế", ())]
    assert DRAFT_WARNING in messages(draft)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Phụ lục số 01:", "PHỤ LỤC 01:"),
        ("Phụ lục số 01:", "Phụ lục I:"),
        ("Phụ lục số 01:", "**Phụ lục số 1**."),
        ("Phụ lục số 2:", "PHỤ LỤC SỐ II -"),
        ("Phụ lục 4:", "Phụ lục số 04:"),
        ("Phụ lục số 07:", "Phụ lục VII:"),
    ],
)
def test_appendix_numbers_written_several_ways(plan: ParsedPlan, old: str, new: str) -> None:
    mutated = parse_plan_text(SEED_TEXT.replace(old, new))
    assert [(a.number, a.title, a.lead_agency, a.tasks) for a in mutated.appendices] == [
        (a.number, a.title, a.lead_agency, a.tasks) for a in plan.appendices
    ]
    assert mutated.warnings == plan.warnings


def test_heading_continued_on_the_next_line(plan: ParsedPlan) -> None:
    mutated = parse_plan_text(
        SEED_TEXT.replace(
            "Cải cách thể chế - Phòng Tư pháp chịu", "Cải cách thể chế\nPhòng Tư pháp chịu"
        ).replace(
            "Phụ lục 4: Xây dựng và nâng cao chất lượng đội ngũ cán bộ,",
            "Phụ lục 4: Xây dựng và nâng cao chất lượng đội ngũ\n\ncán bộ,",
        )
    )
    first, fourth = mutated.appendices[0], mutated.appendices[3]
    assert (first.title, first.lead_agency) == ("Cải cách thể chế", "Phòng Tư pháp")
    assert (
        first.heading == "Phụ lục số 01: Cải cách thể chế\nPhòng Tư pháp chịu trách nhiệm chủ trì"
    )
    assert (fourth.title, fourth.lead_agency) == (plan.appendices[3].title, "Phòng Nội vụ")
    assert [a.tasks for a in mutated.appendices] == [a.tasks for a in plan.appendices]


def test_a_row_split_across_a_page_is_joined_cell_by_cell(plan: ParsedPlan) -> None:
    row = next(line for line in _lines() if line.startswith("6\tBan hành Kế hoạch rà soát"))
    cells = row.split("\t")
    first = [cells[0], cells[1][:40], cells[2], "", cells[4][:30], ""]
    second = ["", cells[1][40:].lstrip(), "", cells[3], cells[4][30:].lstrip(), ""]
    split = "\t".join(first) + "\n\n\n" + "\t".join(second)
    mutated = parse_plan_text(SEED_TEXT.replace(row, split))
    joined, original = mutated.appendices[0].tasks[5], plan.appendices[0].tasks[5]
    assert joined.products == original.products
    assert joined.agencies == original.agencies
    assert joined.title.replace(" ", "") == original.title.replace(" ", "")
    assert joined.timeline.replace(" ", "") == original.timeline.replace(" ", "")


def test_table_noise_is_ignored(plan: ParsedPlan) -> None:
    header = "STT\tNhiệm vụ cụ thể\tSản phẩm\tCơ quan thực hiện\tThời gian thực hiện\tGhi chú"
    row = next(line for line in _lines() if line.startswith("4\tThực hiện đồng bộ cơ chế"))
    mutated = parse_plan_text(
        SEED_TEXT.replace(
            row, f"{header}\n\n{row}"
        ).replace(  # a header repeated after a page break
            "\nPhụ lục số 3:", "\n\t\t\t\t\t\n<p></p>\n\nPhụ lục số 3:"
        )  # empty lines
    )
    assert without_warnings(mutated) == without_warnings(plan)
    assert messages(mutated) == messages(plan)


def test_columns_are_mapped_from_the_header(plan: ParsedPlan) -> None:
    def swap(line: str) -> str:
        cells = line.split("\t")
        cells[3], cells[4] = cells[4], cells[3]
        return "\t".join(cells)

    lines = _lines()
    start, stop = _index("Phụ lục số 3:"), _index("Phụ lục 4:")
    for i in range(start, stop):
        if "\t" in lines[i]:
            lines[i] = swap(lines[i])
    assert parse_plan_text("\n".join(lines)) == plan


def test_a_note_column_is_kept() -> None:
    row = next(line for line in _lines() if line.startswith("3\tHướng dẫn chuyên môn"))
    mutated = parse_plan_text(SEED_TEXT.replace(row, row + "**Đã giao** <p>Phòng</p>"))
    assert mutated.appendices[0].tasks[2].note == "Đã giao Phòng"


def test_unrecognised_lines_are_kept_in_warnings(plan: ParsedPlan) -> None:
    mutated = parse_plan_text(SEED_TEXT + "\nGhi chú cuối văn bản: xem thêm tài liệu.\n")
    assert without_warnings(mutated) == without_warnings(plan)
    assert messages(mutated)[-1] == (
        "Dòng 299 không nhận dạng được, giữ nguyên văn: «Ghi chú cuối văn bản: xem thêm tài liệu.»."
    )


def test_extra_cells_go_to_the_note_with_a_warning() -> None:
    row = next(line for line in _lines() if line.startswith("3\tHướng dẫn chuyên môn"))
    mutated = parse_plan_text(SEED_TEXT.replace(row, row + "\tô thừa"))
    assert mutated.appendices[0].tasks[2].note == "ô thừa"
    assert "Phụ lục 01: ô thừa ngoài bảng, đưa vào ghi chú: «ô thừa»." in messages(mutated)


# ---------------------------------------------------------------- small documents

MINIMAL = """KẾ HOẠCH
CẢI CÁCH HÀNH CHÍNH NĂM 2021

(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2021 của UBND xã Minh Sơn)

I. MỤC TIÊU
1. Mục tiêu chung
a) Nâng cao chất lượng phục vụ
- Giải quyết hồ sơ đúng hạn.
b) Công khai thủ tục
2. Yêu cầu

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Thị Hoa

Phụ lục 1: Cải cách thủ tục hành chính (Văn phòng UBND xã chủ trì)
STT\tNội dung\tKết quả\tĐơn vị thực hiện\tThời hạn
1\tNiêm yết TTHC\tBáo cáo\tVăn phòng UBND xã\tQuý I/2021
"""


def test_a_plan_without_decision_text() -> None:
    parsed = parse_plan_text(MINIMAL)
    assert parsed.title == "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2021"
    assert parsed.year == 2021
    d = parsed.decision
    assert (d.number, d.date) == ("12/QĐ-UBND", dt.date(2021, 1, 5))
    assert d.issuing_body == "UBND xã Minh Sơn"
    # "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": a vice-chair signs for the chair
    assert (d.authority_prefix, d.signer_position, d.signer) == (
        "KT.",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Thị Hoa",
    )
    assert d.body == ()
    assert d.title == ""
    part = parsed.parts[0]
    item = part.children[0]
    assert [(c.number, c.text) for c in item.children] == [
        ("a", "Nâng cao chất lượng phục vụ"),
        ("b", "Công khai thủ tục"),
    ]
    assert item.children[0].children[0].text == "- Giải quyết hồ sơ đúng hạn."
    assert [c.number for c in part.children] == ["1", "2"]
    (appendix,) = parsed.appendices
    assert (appendix.title, appendix.lead_agency) == (
        "Cải cách thủ tục hành chính",
        "Văn phòng UBND xã",
    )
    (only,) = appendix.tasks
    assert (only.title, only.products, only.timeline) == (
        "Niêm yết TTHC",
        ("Báo cáo",),
        "Quý I/2021",
    )
    assert messages(parsed) == []


def test_a_table_without_header_uses_the_usual_columns() -> None:
    text = MINIMAL.replace("STT\tNội dung\tKết quả\tĐơn vị thực hiện\tThời hạn\n", "")
    parsed = parse_plan_text(text)
    assert parsed.appendices[0].tasks[0].timeline == "Quý I/2021"
    assert any("không có dòng tiêu đề" in m for m in messages(parsed))


def test_stt_gaps_are_reported() -> None:
    text = MINIMAL + "3\tViệc khác\tBáo cáo\tVăn phòng UBND xã\tQuý II/2021\n"
    parsed = parse_plan_text(text)
    assert [t.no for t in parsed.appendices[0].tasks] == ["1", "3"]
    assert "Phụ lục 01, nhiệm vụ 3: STT không liền mạch (chờ 2)." in messages(parsed)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Văn bản trống: không có nội dung nào để nhập."),
        ("\n  \n\t\n", "Văn bản trống: không có nội dung nào để nhập."),
        (
            "Biên bản họp giao ban tháng 3.\nNội dung: trao đổi công việc.",
            "Văn bản không phải kế hoạch CCHC: không tìm thấy tiêu đề «KẾ HOẠCH …».",
        ),
        (
            "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH\nPhụ lục 1: Việc\nSTT\tNhiệm vụ\n1\tMột việc",
            "Văn bản không phải kế hoạch CCHC: không xác định được năm của kế hoạch "
            "(tiêu đề «KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH»).",
        ),
    ],
)
def test_documents_that_are_not_plans(text: str, message: str) -> None:
    with pytest.raises(PlanImportError) as caught:
        parse_plan_text(text)
    assert str(caught.value) == message


# ---------------------------------------------------------------- reading files


def test_read_plan_file_reads_the_seed(plan: ParsedPlan) -> None:
    assert read_plan_file(SEED) == plan


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda s: s.encode("utf-16"), id="utf-16-bom"),
        pytest.param(lambda s: b"\xfe\xff" + s.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(lambda s: s.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
    ],
)
def test_read_plan_file_encodings(plan: ParsedPlan, tmp_path: Path, encode: object) -> None:
    assert callable(encode)
    path = tmp_path / SEED.name
    path.write_bytes(encode(SEED_TEXT))
    assert read_plan_file(path) == plan


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "khong-co.txt"
    with pytest.raises(PlanImportError) as caught:
        read_plan_file(path)
    assert str(caught.value) == f"Không tìm thấy tệp: {path}"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(PlanImportError, match="là một thư mục"):
        read_plan_file(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "kh.txt"
    path.write_text("KẾ HOẠCH", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(PlanImportError) as caught:
        read_plan_file(path)
    assert str(caught.value) == f"Không đọc được tệp {path}: không có quyền đọc tệp."


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "trong.txt"
    path.write_bytes(b"")
    with pytest.raises(PlanImportError) as caught:
        read_plan_file(path)
    assert str(caught.value) == "Tệp «trong.txt» trống: không có nội dung nào để nhập."


def test_text_in_utf16_without_bom_and_windows_1258_is_read() -> None:
    assert decode_plan_bytes(SEED_TEXT.encode("utf-16-le"), "kh.txt") == SEED_TEXT
    windows = "KÊ\u0301 HOA\u0323CH CA\u0309I CA\u0301CH".encode("cp1258")
    assert decode_plan_bytes(windows, "kh.txt") == "KẾ HOẠCH CẢI CÁCH"


def test_bytes_that_are_no_vietnamese_text_are_refused() -> None:
    with pytest.raises(PlanImportError) as caught:
        decode_plan_bytes(bytes(range(128, 256)) * 4, "kh.txt")
    assert str(caught.value).startswith("Tệp «kh.txt» không đọc được: nội dung không phải chữ Việt")


def test_damaged_word_and_renamed_pdf_files_are_named(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)))
    with pytest.raises(PlanImportError, match=r"không phải tệp Word \(\.docx\) hợp lệ"):
        read_plan_file(path)
    with pytest.raises(PlanImportError, match="đây là tệp PDF"):
        decode_plan_bytes(b"%PDF-1.7\n...")


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (
            "- Kế hoạch của UBND huyện; - Báo cáo kết quả thực hiện Kế hoạch.",
            ("Kế hoạch của UBND huyện", "Báo cáo kết quả thực hiện Kế hoạch"),
        ),
        (
            "- Kế hoạch của UBND huyện - Báo cáo kết quả thực hiện",
            ("Kế hoạch của UBND huyện", "Báo cáo kết quả thực hiện"),
        ),
        (
            "Kế hoạch kiểm tra; thông báo kết quả kiểm tra; báo cáo khắc phục tồn tại sau "
            "kiểm tra.",
            (
                "Kế hoạch kiểm tra",
                "thông báo kết quả kiểm tra",
                "báo cáo khắc phục tồn tại sau kiểm tra",
            ),
        ),
        ("- Báo cáo kết quả; văn bản kiến nghị", ("Báo cáo kết quả", "văn bản kiến nghị")),
        ("Văn bản hướng dẫn", ("Văn bản hướng dẫn",)),
        (
            "- Văn bản hướng dẫn. - Kế hoạch kiểm tra. - Báo cáo kết quả thực hiện.",
            ("Văn bản hướng dẫn", "Kế hoạch kiểm tra", "Báo cáo kết quả thực hiện"),
        ),
        (
            "- Báo cáo của Phòng Tài chính - Kế hoạch - Quyết định giao dự toán",
            ("Báo cáo của Phòng Tài chính - Kế hoạch", "Quyết định giao dự toán"),
        ),
        (
            "<p>- Quyết định phê duyệt.</p> <p>- Báo cáo kết quả thực hiện.</p>",
            ("Quyết định phê duyệt", "Báo cáo kết quả thực hiện"),
        ),
        ("", ()),
    ],
)
def test_split_products(cell: str, expected: tuple[str, ...]) -> None:
    assert split_products(cell) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cải cách thể chế - Phòng Tư pháp chịu trách nhiệm chủ trì",
            ("Cải cách thể chế", "Phòng Tư pháp"),
        ),
        (
            "Hiện đại hoá hành chính - Phòng Văn hoá - thông tin chủ trì",
            ("Hiện đại hoá hành chính", "Phòng Văn hoá - thông tin"),
        ),
        (
            "Cải cách tài chính công - Phòng Tài chính - Kế hoạch chịu trách nhiệm chủ trì",
            ("Cải cách tài chính công", "Phòng Tài chính - Kế hoạch"),
        ),
        ("Cải cách thể chế (Phòng Tư pháp chủ trì)", ("Cải cách thể chế", "Phòng Tư pháp")),
        ("Cải cách thể chế do Phòng Tư pháp chủ trì.", ("Cải cách thể chế", "Phòng Tư pháp")),
        (
            "Công tác chỉ đạo, điều hành, tuyên truyền CCHC",
            ("Công tác chỉ đạo, điều hành, tuyên truyền CCHC", ""),
        ),
        ("Kinh tế - xã hội", ("Kinh tế - xã hội", "")),
    ],
)
def test_split_appendix_heading(text: str, expected: tuple[str, str]) -> None:
    assert split_appendix_heading(text) == expected


def test_strip_markup() -> None:
    assert strip_markup('<ul style="list-style-type: none"> - A;</ul>') == "  - A; "
    assert strip_markup("**6320/QĐ-UBND** ngày **28**") == "6320/QĐ-UBND ngày 28"
    assert strip_markup("HĐND&UBND &amp; <b>x</b>&#7871;") == "HĐND&UBND & xế"
    assert strip_markup("a\t<p>b</p>") == "a\t b "


FULL_HEADER = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN NGỌC LẶC\tĐộc lập - Tự do - Hạnh phúc
Số: 6320/QĐ-UBND\tNgọc Lặc, ngày 26 tháng 12 năm 2019

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch cải cách hành chính năm 2020

CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN NGỌC LẶC

Căn cứ Luật Tổ chức Chính quyền địa phương ngày 19/6/2015;

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này kế hoạch.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Phạm Văn Nam

"""


def test_a_decision_with_number_and_date_lines() -> None:
    plan_start = SEED_TEXT.index("KẾ HOẠCH CẢI CÁCH")
    parsed = parse_plan_text(FULL_HEADER + SEED_TEXT[plan_start:])
    d = parsed.decision
    assert (d.number, d.date) == ("6320/QĐ-UBND", dt.date(2019, 12, 26))
    assert d.title == "Về việc ban hành Kế hoạch cải cách hành chính năm 2020"
    assert (d.authority_prefix, d.signer_position, d.signer) == (
        "KT.",
        "PHÓ CHỦ TỊCH",
        "Phạm Văn Nam",
    )
    texts = [n.text for n in d.body]
    assert texts[:3] == [
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "HUYỆN NGỌC LẶC Độc lập - Tự do - Hạnh phúc",
        "Số: 6320/QĐ-UBND Ngọc Lặc, ngày 26 tháng 12 năm 2019",
    ]
    assert texts[3] == "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN NGỌC LẶC"
    found = messages(parsed)
    assert not any("địa danh" in m for m in found)  # this header spells Ngọc Lặc right
    assert any("28/12/2019" in m for m in found)
    assert any(
        m.startswith("Người ký quyết định và người ký kế hoạch khác nhau: «PHÓ CHỦ TỊCH Phạm")
        for m in found
    )
    assert not any("không nhận dạng được" in m for m in found)


def test_a_body_sentence_starting_with_phu_luc_is_not_an_appendix(plan: ParsedPlan) -> None:
    sentence = "Phụ lục 1 kèm theo Kế hoạch này nêu các nhiệm vụ về thể chế."
    mutated = parse_plan_text(
        SEED_TEXT.replace("2. Kinh phí thực hiện", sentence + "\n\n2. Kinh phí thực hiện")
    )
    assert mutated.appendices == plan.appendices
    third = mutated.parts[2].children[0]
    assert third.children[-1].text == sentence


def test_an_appendix_subtitle_without_closing_parenthesis(plan: ParsedPlan) -> None:
    mutated = parse_plan_text(
        SEED_TEXT.replace("huyện Ngọc Lặc)\n\nPhụ lục số 01", "huyện Ngọc Lặc\n\nPhụ lục số 01")
    )
    assert mutated.appendix_title == plan.appendix_title
    assert mutated.appendix_subtitle == plan.appendix_subtitle[:-1]
    assert mutated.parts == plan.parts


def test_a_plan_issued_without_a_decision_takes_its_own_number_and_date() -> None:
    header = (
        "ỦY BAN NHÂN DÂN XÃ MINH SƠN\n\nSố: 15/KH-UBND\n\nMinh Sơn, ngày 10 tháng 01 năm 2021\n\n"
    )
    parsed = parse_plan_text(header + MINIMAL.replace("(Ban hành kèm theo", "(Xem kèm theo"))
    d = parsed.decision
    assert (d.number, d.date) == ("15/KH-UBND", dt.date(2021, 1, 10))
    assert [n.text for n in d.body] == [
        "ỦY BAN NHÂN DÂN XÃ MINH SƠN",
        "Số: 15/KH-UBND",
        "Minh Sơn, ngày 10 tháng 01 năm 2021",
    ]
    assert any("05/01/2021" in m and "10/01/2021" in m for m in messages(parsed))


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(
    cut=st.integers(min_value=0, max_value=len(SEED_TEXT)),
    drops=st.lists(st.integers(min_value=0, max_value=SEED_TEXT.count("\n")), max_size=6),
)
def test_damaged_seeds_give_a_plan_or_a_clear_error(cut: int, drops: list[int]) -> None:
    lines = SEED_TEXT[:cut].split("\n")
    damaged = "\n".join(line for k, line in enumerate(lines) if k not in set(drops))
    reason = ""
    try:
        parsed: ParsedPlan | None = parse_plan_text(damaged)
    except PlanImportError as error:
        parsed, reason = None, str(error)
    if parsed is None:
        assert reason.startswith("Văn bản ")  # a Vietnamese reason, not a traceback
        return
    assert parsed.task_count >= 1 or any("bản nháp" in w.message for w in parsed.warnings)
    for text in all_texts(parsed):
        assert not re.search(r"</?[a-z]+|\*\*", text), text
    unplaced = [w for w in parsed.warnings if "không nhận dạng được" in w.message]
    assert all(w.line is not None for w in unplaced)
