"""Reading published criteria sets: their tree, codes and maxima exactly as issued.

The fixtures keep a real set's structure and numbers (STT codes, the tree, every maximum the
source shows, the column set) with the wording rewritten; tests/fixtures/par/SOURCES.md says
where each comes from and what in it is the source's.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cchc_desktop.domain import par
from cchc_desktop.importer import par_criteria

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "par"
CA_MAU_TEXT = FIXTURES / "ca_mau_1880_2013_trich.txt"
CA_MAU_WORD = FIXTURES / "ca_mau_1880_2013_trich.docx"
PROVINCE_2948 = FIXTURES / "par_index_tinh_2948.docx"


def _nodes(parsed: par_criteria.CriteriaImport) -> dict[str, par.Criterion]:
    return {n.code: n for n in par.walk(parsed.areas)}


# Cà Mau, QĐ 1880/QĐ-UBND (2013): the opening of the table, as far as the source shows it.
# Two header rows ("Điểm đánh giá" over "Điều tra XHH | Tự đánh giá | SNV đánh giá"), levels
# 1 / 1.1 / 1.1.1, and the scoring options as rows without STT under each sub-criterion.


@pytest.fixture(scope="module", params=[CA_MAU_TEXT, CA_MAU_WORD], ids=["text", "docx"])
def ca_mau(request: pytest.FixtureRequest) -> par_criteria.CriteriaImport:
    path: Path = request.param
    return par_criteria.read_file(path, total=Decimal(20))


def test_ca_mau_tree_and_maxima(ca_mau: par_criteria.CriteriaImport) -> None:
    assert ca_mau.counts() == (1, 3, 6)
    assert ca_mau.warnings == []
    nodes = _nodes(ca_mau)
    assert [(code, n.stt, n.max_score) for code, n in nodes.items()] == [
        ("1", "1", Decimal(20)),
        ("1.1", "1.1", Decimal(5)),
        ("1.1.1", "1.1.1", Decimal(1)),
        ("1.1.2", "1.1.2", Decimal(1)),
        ("1.1.3", "1.1.3", Decimal(1)),
        ("1.1.4", "1.1.4", Decimal(2)),
        ("1.2", "1.2", Decimal(2)),
        ("1.2.1", "1.2.1", Decimal(1)),
        ("1.2.2", "1.2.2", Decimal(1)),
        ("1.3", "1.3", Decimal(3)),
    ]
    assert nodes["1"].title == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    assert all(n.self_assessed for n in nodes.values())
    # The excerpt ends at criterion 1.3, so area 1 is short of its 20 points: said, not hidden.
    assert ca_mau.problems == ["Lĩnh vực 1 có điểm tối đa 20 nhưng các mục con cộng lại 10."]


def test_ca_mau_options_are_the_rule(ca_mau: par_criteria.CriteriaImport) -> None:
    nodes = _nodes(ca_mau)
    first = nodes["1.1.1"]
    assert first.title == "Kế hoạch CCHC của năm được ban hành"
    assert first.rule.splitlines() == [
        "Ban hành đúng hạn: 1",
        "Ban hành muộn: 0,5",
        "Không ban hành: 0",
    ]
    assert first.step == Decimal("0.5")  # a late plan earns half a point
    assert nodes["1.1.4"].rule.splitlines()[0] == "Trên 90% kế hoạch: 2"
    assert nodes["1.1.4"].step == Decimal(1)
    assert nodes["1.2.2"].rule == "Đạt: 1\nKhông đạt: 0"


def test_two_row_header_copied_as_text_keeps_the_columns_apart() -> None:
    # With "Điểm đánh giá" spread over its three sub-columns, "Ghi chú" is the ninth cell of
    # a row, not the seventh ("Điểm đạt được").
    lines = CA_MAU_TEXT.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("1.3\t"))
    cells = lines[at].split("\t")
    cells[6], cells[8] = "0,5", "Chấm theo biên bản kiểm tra"
    lines[at] = "\t".join(cells)
    parsed = par_criteria.parse_text("\n".join(lines), total=Decimal(20))
    assert _nodes(parsed)["1.3"].rule == "Chấm theo biên bản kiểm tra"


def test_column_numbers_under_the_header_are_not_sub_labels() -> None:
    text = "\n".join(
        [
            "STT\tTiêu chí\tĐiểm tối đa\tĐiểm đánh giá\tGhi chú",
            "(1)\t(2)\t(3)",
            "1\tKế hoạch\t2\t\tghi chú",
        ]
    )
    parsed = par_criteria.parse_text(text, total=Decimal(2))
    assert parsed.areas[0].rule == "ghi chú"


# The Ministry of Home Affairs' provincial PAR INDEX, QĐ 2948/QĐ-BNV (2017): eight areas, the
# criteria and sub-criteria of each and each area's maximum as published; the split of an area's
# points over its criteria is the tester's (see SOURCES.md).


@pytest.fixture(scope="module")
def province() -> par_criteria.CriteriaImport:
    return par_criteria.read_file(PROVINCE_2948)


def test_province_counts_per_area(province: par_criteria.CriteriaImport) -> None:
    assert province.counts() == (8, 39, 81)
    per_area = [(len(a.children), sum(len(c.children) for c in a.children)) for a in province.areas]
    assert per_area == [(6, 6), (4, 6), (5, 16), (4, 10), (9, 16), (3, 6), (5, 18), (3, 3)]
    assert province.problems == []
    assert province.warnings == []


def test_province_area_maxima_and_total(province: par_criteria.CriteriaImport) -> None:
    maxima = [a.max_score for a in province.areas]
    assert maxima == [Decimal(x) for x in ("10", "10", "14.5", "11", "16", "7", "16", "15.5")]
    assert province.total == Decimal(100)
    assert sum((m or Decimal(0) for m in maxima), Decimal(0)) == Decimal(100)
    assert [a.stt for a in province.areas] == [str(i) for i in range(1, 9)]
    # No row of this set is worded as a survey, so every point is self-assessed here.
    assert all(n.self_assessed for n in par.walk(province.areas))


def test_province_chosen_nodes(province: par_criteria.CriteriaImport) -> None:
    nodes = _nodes(province)
    assert nodes["3"].title == "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"
    assert nodes["3.2.3"].max_score == Decimal("0.5")
    assert nodes["3.2.3"].step == Decimal("0.5")
    assert nodes["8"].max_score == Decimal("15.5")
    assert nodes["8.1"].max_score == Decimal("6.5")
    assert nodes["5.9"].children == []
    assert nodes["5.9"].max_score == Decimal(1)


@pytest.mark.parametrize(
    ("title", "survey"),
    [
        ("Điểm điều tra xã hội học", True),
        ("Đánh giá qua Điều tra XHH", True),  # the short form of the Cà Mau table's header
        ("Điểm ĐT XHH", True),
        ("Kết quả ĐTXHH", True),
        ("Chỉ số hài lòng của người dân, tổ chức (SIPAS)", True),
        ("Kế hoạch cải cách hành chính hằng năm", False),
        ("Tác động của cải cách hành chính đến người dân, tổ chức", False),
    ],
)
def test_survey_titles(title: str, survey: bool) -> None:
    assert par.is_survey(title) is survey


def test_an_area_named_by_the_short_survey_form_is_not_self_assessed() -> None:
    text = "\n".join(
        [
            "STT\tLĩnh vực/Tiêu chí\tĐiểm tối đa",
            "1\tCông tác chỉ đạo, điều hành\t70",
            "2\tĐiểm Điều tra XHH\t30",
            "2.1\tNgười dân đánh giá việc tiếp nhận hồ sơ\t15",
            "2.2\tNgười dân đánh giá kết quả giải quyết\t15",
        ]
    )
    parsed = par_criteria.parse_text(text)
    assert parsed.problems == []
    assert [n.self_assessed for n in par.walk(parsed.areas)] == [True, False, False, False]


# The two Word fixtures printed to PDF by LibreOffice: a PDF table gives a cell that wraps as
# further rows without STT, which go back into the cells above.


def _tree(parsed: par_criteria.CriteriaImport) -> list[tuple[str, Decimal | None, str]]:
    return [(n.code, n.max_score, n.title) for n in par.walk(parsed.areas)]


def test_province_pdf_reads_like_the_word_table() -> None:
    from_pdf = par_criteria.read_file(PROVINCE_2948.with_suffix(".pdf"))
    from_word = par_criteria.read_file(PROVINCE_2948)
    assert from_pdf.counts() == (8, 39, 81)
    assert from_pdf.problems == []
    assert [(code, n.rule, n.evidence_required) for code, n in _nodes(from_pdf).items()] == [
        (code, n.rule, n.evidence_required) for code, n in _nodes(from_word).items()
    ]
    assert _tree(from_pdf) == _tree(from_word)


def test_ca_mau_pdf_keeps_the_tree_and_titles() -> None:
    from_pdf = par_criteria.read_file(CA_MAU_WORD.with_suffix(".pdf"), total=Decimal(20))
    from_word = par_criteria.read_file(CA_MAU_WORD, total=Decimal(20))
    assert _tree(from_pdf) == _tree(from_word)
    # A wrapped title (1.1.2 takes two lines in the PDF) is one title again.
    assert _nodes(from_pdf)["1.1.2"].title == _nodes(from_word)["1.1.2"].title


def test_wrapped_lines_go_back_into_their_cells() -> None:
    text = "\n".join(
        [
            "STT\tLĩnh vực/Tiêu chí\tĐiểm tối đa\tCách chấm điểm\tTài liệu kiểm chứng",
            "I\tCẢI CÁCH THỦ TỤC\t2\t\t",
            "\tHÀNH CHÍNH\t\t\t",
            "1\tKế hoạch kiểm soát thủ tục\t2\tĐạt: 2;\tKế hoạch",
            "\thành chính năm\t\tkhông đạt: 0\tnăm",
            "\tBan hành đúng hạn: 2",
            "\tBan hành muộn: 1",
            "II\tCẢI CÁCH THỂ CHẾ\t1\t\t",
            "1\tVăn bản\t1\t\t",
            "1.1\tRà soát văn bản\t1\t\t",
            "a)\tRà soát đủ các\t1\t\t",
            "\tvăn bản: 1",
        ]
    )
    parsed = par_criteria.parse_text(text, total=Decimal(3))
    area, criterion = parsed.areas[0], parsed.areas[0].children[0]
    assert area.title == "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"
    assert criterion.title == "Kế hoạch kiểm soát thủ tục hành chính năm"
    assert criterion.evidence_required == "Kế hoạch năm"
    assert criterion.rule.splitlines() == [
        "Đạt: 2; không đạt: 0",
        "Ban hành đúng hạn: 2",
        "Ban hành muộn: 1",
    ]
    # Under an option of the fourth level the wrapped line goes on the option, not the title.
    sub = parsed.areas[1].children[0].children[0]
    assert sub.title == "Rà soát văn bản"
    assert sub.rule.startswith("a) Rà soát đủ các")
    assert sub.rule.endswith(" văn bản: 1")


def test_total_row_merged_over_stt_and_title_in_word(tmp_path: Path) -> None:
    # Not every set is on 100 points (Hà Tĩnh's 2019 set for central agencies has 60), so the
    # stated total must be read where Word puts it: "Tổng cộng" spread over STT and title.
    import docx

    document = docx.Document()
    table = document.add_table(rows=5, cols=3)
    rows = [
        ("STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa"),
        ("I", "Công tác chỉ đạo, điều hành", "40"),
        ("1", "Kế hoạch năm", "40"),
        ("II", "Điểm điều tra xã hội học", "20"),
    ]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    total = table.cell(4, 0).merge(table.cell(4, 1))
    total.text = "Tổng cộng"
    table.cell(4, 2).text = "60"
    path = tmp_path / "sixty.docx"
    document.save(str(path))
    parsed = par_criteria.read_file(path)
    assert parsed.total == Decimal(60)
    assert parsed.problems == []
    assert [a.self_assessed for a in parsed.areas] == [True, False]
