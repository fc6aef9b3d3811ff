"""Reading a criteria table into areas → criteria → sub-criteria, and the maxima check.

The fixture is a commune-level table in the published structure (eight areas on a 100-point
scale, the last 30 points from the survey; Roman, Arabic and letter STT; scoring options as
bullet rows; continuation rows; a "Tổng cộng" row). Its individual maxima are the tester's, not
a particular province's.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cchc_desktop.domain import par
from cchc_desktop.errors import PlanImportError
from cchc_desktop.importer import par_criteria

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "par" / "bo_chi_so_xa.txt"


@pytest.fixture(scope="module")
def parsed() -> par_criteria.CriteriaImport:
    return par_criteria.read_file(FIXTURE)


def test_counts_and_total(parsed: par_criteria.CriteriaImport) -> None:
    assert parsed.counts() == (8, 32, 47)
    assert parsed.total == Decimal(100)
    assert parsed.problems == []
    assert parsed.warnings == []
    assert parsed.title.startswith("BẢNG TIÊU CHÍ KIỂM THỬ")


def test_area_maxima_and_survey_part(parsed: par_criteria.CriteriaImport) -> None:
    maxima = [a.max_score for a in parsed.areas]
    assert maxima == [Decimal(x) for x in (10, 6, 14, 6, 10, 8, 16, 30)]
    assert [a.stt for a in parsed.areas] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    survey = parsed.areas[-1]
    assert not survey.self_assessed
    assert all(not n.self_assessed for n in survey.walk())
    assert all(n.self_assessed for a in parsed.areas[:-1] for n in a.walk())
    self_part = sum((a.max_score or 0 for a in parsed.areas if a.self_assessed), Decimal(0))
    assert self_part == Decimal(70)


def test_codes_rules_and_steps(parsed: par_criteria.CriteriaImport) -> None:
    nodes = {n.code: n for n in par.walk(parsed.areas)}
    node = nodes["1.1.2"]
    assert node.title == "Mức độ hoàn thành kế hoạch cải cách hành chính"
    assert node.max_score == Decimal(1)
    # The bullet rows under it are its scoring options, not sub-criteria.
    assert node.rule.splitlines() == [
        "- Hoàn thành 100% kế hoạch: 1",
        "- Hoàn thành từ 80% đến dưới 100% kế hoạch: 0,5",
        "- Hoàn thành dưới 80% kế hoạch: 0",
    ]
    assert node.step == Decimal("0.5")
    assert node.evidence_required == "Báo cáo CCHC năm"
    # Letter rows below the third level join the rule too.
    assert nodes["1.4.2"].rule.splitlines()[0] == "a) Hoàn thành 100% kế hoạch: 1"
    assert "1.4.2.1" not in nodes
    # A row without STT continues the row above.
    assert nodes["1.3.3"].rule.startswith("Xử lý xong 100% vấn đề phát hiện")
    assert nodes["3.3.1"].step == Decimal(1)  # the rule uses whole points only
    assert nodes["5.2.1"].max_score == Decimal("1.5")
    assert nodes["5.2.1"].step == Decimal("0.5")
    assert nodes["7.4"].children == []
    assert nodes["7.4"].max_score == Decimal(2)


def test_maxima_that_do_not_add_up_are_flagged() -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "1.1\tBan hành kế hoạch cải cách hành chính năm kịp thời\t1\t",
        "1.1\tBan hành kế hoạch cải cách hành chính năm kịp thời\t1,5\t",
    )
    parsed = par_criteria.parse_text(text)
    assert parsed.problems == [
        "Tiêu chí 1.1 có điểm tối đa 2 nhưng các mục con cộng lại 2,5.",
    ]
    # A stated total other than the sum of the areas.
    stated = par_criteria.parse_text(FIXTURE.read_text(encoding="utf-8"), total=Decimal(90))
    assert stated.problems == [
        "Tổng điểm tối đa các lĩnh vực là 100, khác tổng điểm của bộ chỉ số (90)."
    ]


def test_pipe_table_and_arabic_levels() -> None:
    text = "\n".join(
        [
            "| STT | Tiêu chí | Điểm tối đa | Tài liệu kiểm chứng |",
            "|---|---|---|---|",
            "| 1 | Chỉ đạo điều hành | 3 | |",
            "| 1.1 | Kế hoạch | 2 | KH |",
            "| 1.1.1 | Ban hành đúng hạn | 1 | |",
            "| 1.1.2 | Hoàn thành | 1 | |",
            "| 1.2 | Kiểm tra | 1 | |",
            "| 2 | Khảo sát sự hài lòng | 2 | |",
            "| | Tổng cộng | 5 | |",
        ]
    )
    parsed = par_criteria.parse_text(text)
    assert parsed.counts() == (2, 2, 2)
    assert parsed.total == Decimal(5)
    assert parsed.problems == []
    assert [n.code for n in par.walk(parsed.areas)] == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2"]
    assert not parsed.areas[1].self_assessed


def test_no_header_is_refused() -> None:
    with pytest.raises(PlanImportError, match="dòng tiêu đề"):
        par_criteria.parse_text("1\tMột\t2\n2\tHai\t3\n")


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,5", Decimal("1.5")), ("12 điểm", Decimal(12)), ("0.25", Decimal("0.25")), ("x", None)],
)
def test_parse_points(text: str, value: Decimal | None) -> None:
    assert par.parse_points(text) == value


def test_word_table_reads_like_the_text_table(tmp_path: Path) -> None:
    import docx

    rows = [line.split("\t") for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line]
    document = docx.Document()
    document.add_paragraph(rows[0][0])
    table_rows = rows[2:]
    table = document.add_table(rows=len(table_rows), cols=5)
    for r, row in enumerate(table_rows):
        for c in range(5):
            table.cell(r, c).text = row[c] if c < len(row) else ""
    path = tmp_path / "bo chi so.docx"
    document.save(str(path))
    parsed = par_criteria.read_file(path)
    from_text = par_criteria.read_file(FIXTURE)
    assert parsed.counts() == (8, 32, 47)
    assert parsed.problems == []
    assert [(n.code, n.max_score, n.title) for n in par.walk(parsed.areas)] == [
        (n.code, n.max_score, n.title) for n in par.walk(from_text.areas)
    ]
    assert parsed.title == from_text.title
