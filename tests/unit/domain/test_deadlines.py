"""Timeline text → milestones: the 37 seed cells by hand, a corpus of real phrasings, properties."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.domain.deadlines import (
    milestones_to_json,
    parse_timeline,
    timeline_needs_review,
)
from cchc_desktop.domain.model import Milestone, MilestoneKind
from cchc_desktop.domain.periods import ReportingRules

SEED = Path(__file__).resolve().parents[3] / "resources" / "ke-hoach-cchc-2020-ngoc-lac.txt"
DECISION = dt.date(2019, 12, 26)

Row = tuple[str, str | None, str | None, str]  # kind, due, period, label


def rows(text: str, year: int = 2020, decision: dt.date | None = DECISION) -> list[Row]:
    return [
        (m.kind.value, m.due.isoformat() if m.due else None, m.period, m.label)
        for m in parse_timeline(text, year, decision)
    ]


# ----------------------------------------------------------------------------- the seed plan
# (appendix, STT) → (timeline cell as printed, expected milestones for plan year 2020,
# decision 26/12/2019). Every row written out by hand.
SEED_EXPECTED: dict[tuple[int, int], tuple[str, list[Row]]] = {
    (1, 1): (
        "- Ban hành KH: tháng 12/2019. - Báo cáo kết quả: tháng 11/2020.",
        [
            ("month", "2019-12-31", "2019-12", "Ban hành KH"),
            ("month", "2020-11-30", "2020-11", "Báo cáo kết quả"),
        ],
    ),
    (1, 2): (
        "- Ban hành KH: tháng 12/2019. - Báo cáo kết quả: tháng 11/2020.",
        [
            ("month", "2019-12-31", "2019-12", "Ban hành KH"),
            ("month", "2020-11-30", "2020-11", "Báo cáo kết quả"),
        ],
    ),
    (1, 3): ("Tháng 01/2020", [("month", "2020-01-31", "2020-01", "")]),
    (1, 4): ("Trong năm 2020", [("year", "2020-12-31", "2020", "")]),
    (1, 5): ("Thường xuyên trong năm", [("continuous", None, "2020", "")]),
    (1, 6): (
        "- Kế hoạch rà soát: tháng 01/2020; - Báo cáo kết quả rà soát: tháng 11/2020",
        [
            ("month", "2020-01-31", "2020-01", "Kế hoạch rà soát"),
            ("month", "2020-11-30", "2020-11", "Báo cáo kết quả rà soát"),
        ],
    ),
    (2, 1): (
        "Ban hành Kế hoạch: Quý IV/2019. Rà soát theo Kế hoạch. Báo cáo thực hiện: Định kỳ "
        "hàng quý, 6 tháng, năm.",
        [
            ("quarter", "2019-12-31", "2019-Q4", "Ban hành Kế hoạch"),
            ("recurring", "2020-03-20", "2020-Q1", "Báo cáo thực hiện"),
            ("recurring", "2020-06-20", "2020-H1", "Báo cáo thực hiện"),
            ("recurring", "2020-09-20", "2020-Q3", "Báo cáo thực hiện"),
            ("recurring", "2020-12-20", "2020-Y", "Báo cáo thực hiện"),
        ],
    ),
    (2, 2): ("Thường xuyên trong năm 2020", [("continuous", None, "2020", "")]),
    (2, 3): (
        "Định kỳ hàng quý hoặc đột xuất theo quy định của UBND tỉnh.",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-Q2", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Q4", ""),
            ("on_request", None, None, ""),
        ],
    ),
    (2, 4): (
        "Định kỳ hàng quý hoặc đột xuất theo quy định của UBND tỉnh.",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-Q2", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Q4", ""),
            ("on_request", None, None, ""),
        ],
    ),
    (2, 5): (
        "Định kỳ hàng quý hoặc đột xuất theo yêu cầu",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-Q2", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Q4", ""),
            ("on_request", None, None, ""),
        ],
    ),
    (2, 6): (
        "Định kỳ hằng quý hoặc đột xuất theo yêu cầu",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-Q2", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Q4", ""),
            ("on_request", None, None, ""),
        ],
    ),
    (2, 7): (
        "Định kỳ hằng quý hoặc đột xuất theo yêu cầu",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-Q2", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Q4", ""),
            ("on_request", None, None, ""),
        ],
    ),
    (2, 8): (
        "Định kỳ hằng quý hoặc đột xuất theo yêu cầu",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-Q2", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Q4", ""),
            ("on_request", None, None, ""),
        ],
    ),
    (3, 1): ("Thường xuyên trong năm 2020", [("continuous", None, "2020", "")]),
    (3, 2): ("Trong năm 2020", [("year", "2020-12-31", "2020", "")]),
    (3, 3): ("Theo Kế hoạch của Sở Nội vụ", [("external", None, None, "")]),
    (4, 1): (
        "Trong năm 2020 Báo cáo theo yêu cầu",
        [("year", "2020-12-31", "2020", ""), ("on_request", None, None, "Báo cáo")],
    ),
    (4, 2): (
        "Thực hiện theo Kế hoạch của UBND tỉnh. Báo cáo theo yêu cầu",
        [("external", None, None, "Thực hiện"), ("on_request", None, None, "Báo cáo")],
    ),
    (4, 3): (
        "Thực hiện theo Kế hoạch của cấp có thẩm quyền. Báo cáo theo yêu cầu",
        [("external", None, None, "Thực hiện"), ("on_request", None, None, "Báo cáo")],
    ),
    (4, 4): (
        "Thực hiện theo quy định của cấp có thẩm quyền.",
        [("external", None, None, "")],
    ),
    (4, 5): (
        "- Kế hoạch kiểm tra: Quý 1/2020 - Báo cáo kết quả thực hiện tháng 11/2020.",
        [
            ("quarter", "2020-03-31", "2020-Q1", "Kế hoạch kiểm tra"),
            ("month", "2020-11-30", "2020-11", "Báo cáo kết quả thực hiện"),
        ],
    ),
    (4, 6): (
        "- Kế hoạch: tháng 12/2019 - Báo cáo theo quy định.",
        [
            ("month", "2019-12-31", "2019-12", "Kế hoạch"),
            ("on_request", None, None, "Báo cáo"),
        ],
    ),
    (5, 1): ("Trong năm 2020", [("year", "2020-12-31", "2020", "")]),
    (5, 2): ("Trong năm 2019", [("year", "2019-12-31", "2019", "")]),
    (5, 3): ("Trong năm 2020", [("year", "2020-12-31", "2020", "")]),
    (5, 4): ("Trong năm 2020", [("year", "2020-12-31", "2020", "")]),
    (6, 1): (
        '<ul style="list-style-type: none"> - Báo cáo định kỳ hằng quý, báo cáo đột xuất '
        "theo quy định ",
        [
            ("recurring", "2020-03-20", "2020-Q1", "Báo cáo"),
            ("recurring", "2020-06-20", "2020-Q2", "Báo cáo"),
            ("recurring", "2020-09-20", "2020-Q3", "Báo cáo"),
            ("recurring", "2020-12-20", "2020-Q4", "Báo cáo"),
            ("on_request", None, None, "Báo cáo"),
        ],
    ),
    (6, 2): (
        '<ul style="list-style-type: none"> - Báo cáo định kỳ hằng quý, báo cáo đột xuất '
        "theo quy định ",
        [
            ("recurring", "2020-03-20", "2020-Q1", "Báo cáo"),
            ("recurring", "2020-06-20", "2020-Q2", "Báo cáo"),
            ("recurring", "2020-09-20", "2020-Q3", "Báo cáo"),
            ("recurring", "2020-12-20", "2020-Q4", "Báo cáo"),
            ("on_request", None, None, "Báo cáo"),
        ],
    ),
    (6, 3): (
        '<ul style="list-style-type: none"> - Theo Kế hoạch của Sở TT-TT - Báo cáo kết quả '
        "theo quy định ",
        [("external", None, None, ""), ("on_request", None, None, "Báo cáo kết quả")],
    ),
    (6, 4): (
        '<ul style="list-style-type: none"> Theo Kế hoạch của cấp có thẩm quyền Báo cáo theo '
        "quy định ",
        [("external", None, None, ""), ("on_request", None, None, "Báo cáo")],
    ),
    (6, 5): (
        "<p>Định kỳ hằng quý hoặc đột xuất theo yêu cầu</p>",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-Q2", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Q4", ""),
            ("on_request", None, None, ""),
        ],
    ),
    (6, 6): (
        "<p>Trong năm 2019 Báo cáo kết quả hằng quý</p>",
        [
            ("year", "2019-12-31", "2019", ""),
            ("recurring", "2020-03-20", "2020-Q1", "Báo cáo kết quả"),
            ("recurring", "2020-06-20", "2020-Q2", "Báo cáo kết quả"),
            ("recurring", "2020-09-20", "2020-Q3", "Báo cáo kết quả"),
            ("recurring", "2020-12-20", "2020-Q4", "Báo cáo kết quả"),
        ],
    ),
    (7, 1): (
        "- Kế hoạch CCHC của các đơn vị: Trước ngày 31/12/2019. - Báo cáo kết quả thực hiện: "
        "Định kỳ hoặc đột xuất.",
        [
            ("date", "2019-12-30", "2019-12-30", "Kế hoạch CCHC của các đơn vị"),
            ("recurring", "2020-03-20", "2020-Q1", "Báo cáo kết quả thực hiện"),
            ("recurring", "2020-06-20", "2020-H1", "Báo cáo kết quả thực hiện"),
            ("recurring", "2020-09-20", "2020-Q3", "Báo cáo kết quả thực hiện"),
            ("recurring", "2020-12-20", "2020-Y", "Báo cáo kết quả thực hiện"),
            ("on_request", None, None, "Báo cáo kết quả thực hiện"),
        ],
    ),
    (7, 2): ("Thường xuyên trong năm", [("continuous", None, "2020", "")]),
    (7, 3): (
        "- Báo cáo tự chấm điểm chỉ số CCHC và tài liệu kiểm chứng của các cơ quan, đơn vị: "
        "Trước 10/12/2020.",
        [
            (
                "date",
                "2020-12-09",
                "2020-12-09",
                "Báo cáo tự chấm điểm chỉ số CCHC và tài liệu kiểm chứng của các cơ quan, đơn vị",
            )
        ],
    ),
    (7, 4): ("Thường xuyên trong năm", [("continuous", None, "2020", "")]),
}

# Cells whose milestones carry a warning for the clerk (plan 2020, decision 26/12/2019).
SEED_WARNED = {(5, 2), (6, 6)}


def _seed_cells() -> dict[tuple[int, int], str]:
    """The fifth column of every appendix row of the seed plan, keyed by (appendix, STT)."""
    cells: dict[tuple[int, int], str] = {}
    appendix = 0
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if line.startswith("Phụ lục"):
            appendix += 1
            continue
        columns = line.split("\t")
        if appendix and len(columns) >= 5 and columns[0].strip().isdigit():
            cells[(appendix, int(columns[0]))] = columns[4]
    return cells


def test_the_seed_has_37_timeline_cells_as_written_here() -> None:
    cells = _seed_cells()
    assert len(cells) == 37
    assert {key: text for key, (text, _) in SEED_EXPECTED.items()} == cells


@pytest.mark.parametrize("key", sorted(SEED_EXPECTED), ids=lambda k: f"PL{k[0]}-{k[1]}")
def test_seed_cell_parses_to_the_hand_written_milestones(key: tuple[int, int]) -> None:
    text, expected = SEED_EXPECTED[key]
    assert rows(text) == expected


@pytest.mark.parametrize("key", sorted(SEED_EXPECTED), ids=lambda k: f"PL{k[0]}-{k[1]}")
def test_seed_cells_flag_only_the_suspicious_ones(key: tuple[int, int]) -> None:
    text, _ = SEED_EXPECTED[key]
    assert timeline_needs_review(parse_timeline(text, 2020, DECISION)) == (key in SEED_WARNED)


def test_seed_year_2019_warning_is_vietnamese_and_keeps_the_date() -> None:
    (m,) = parse_timeline("Trong năm 2019", 2020, DECISION)
    assert m.due == dt.date(2019, 12, 31)
    assert m.warning == "Năm 2019 khác năm của kế hoạch (2020)."


# ----------------------------------------------------------------------------- corpus
CORPUS: list[tuple[str, list[Row]]] = [
    ("chậm nhất ngày 15/12/2020", [("date", "2020-12-15", "2020-12-15", "")]),
    ("Chậm nhất là ngày 15/12/2020", [("date", "2020-12-15", "2020-12-15", "")]),
    ("đến ngày 15/12/2020", [("date", "2020-12-15", "2020-12-15", "")]),
    ("Đến ngày 30/6/2020", [("date", "2020-06-30", "2020-06-30", "")]),
    ("ngày 20/12/2020", [("date", "2020-12-20", "2020-12-20", "")]),
    ("15/4/2023", [("date", "2023-04-15", "2023-04-15", "")]),
    ("ngày 15 tháng 4 năm 2023", [("date", "2023-04-15", "2023-04-15", "")]),
    ("trước ngày 15 tháng 4 năm 2023", [("date", "2023-04-14", "2023-04-14", "")]),
    ("Trước 10/12/2020", [("date", "2020-12-09", "2020-12-09", "")]),
    ("Trước 31/12", [("date", "2020-12-30", "2020-12-30", "")]),
    ("Trước 01/3/2021", [("date", "2021-02-28", "2021-02-28", "")]),
    ("Chậm nhất ngày 10 tháng 12", [("date", "2020-12-10", "2020-12-10", "")]),
    ("31.12.2020", [("date", "2020-12-31", "2020-12-31", "")]),
    ("31-12-2020", [("date", "2020-12-31", "2020-12-31", "")]),
    ("20/12/20", [("date", "2020-12-20", "2020-12-20", "")]),
    ("Hoàn thành trước 30/6/2020", [("date", "2020-06-29", "2020-06-29", "")]),
    ("Từ ngày 01/3/2020 đến ngày 30/6/2020", [("date", "2020-06-30", "2020-06-30", "")]),
    (
        "Trước ngày 31/01/2020 và trước ngày 31/7/2020",
        [("date", "2020-01-30", "2020-01-30", ""), ("date", "2020-07-30", "2020-07-30", "")],
    ),
    ("tháng 12/2019", [("month", "2019-12-31", "2019-12", "")]),
    ("Tháng 01/2020", [("month", "2020-01-31", "2020-01", "")]),
    ("tháng 6 năm 2021", [("month", "2021-06-30", "2021-06", "")]),
    ("Tháng 2/2020", [("month", "2020-02-29", "2020-02", "")]),
    ("Trong tháng 6/2020", [("month", "2020-06-30", "2020-06", "")]),
    ("Hết tháng 6/2020", [("month", "2020-06-30", "2020-06", "")]),
    ("Tháng 6", [("month", "2020-06-30", "2020-06", "")]),
    ("12/2020", [("month", "2020-12-31", "2020-12", "")]),
    (
        "Tháng 3 và tháng 9/2021",
        [("month", "2021-03-31", "2021-03", ""), ("month", "2021-09-30", "2021-09", "")],
    ),
    (
        "Tháng 6, tháng 12",
        [("month", "2020-06-30", "2020-06", ""), ("month", "2020-12-31", "2020-12", "")],
    ),
    (
        "Tháng 3, 6, 9, 12/2020",
        [
            ("month", "2020-03-31", "2020-03", ""),
            ("month", "2020-06-30", "2020-06", ""),
            ("month", "2020-09-30", "2020-09", ""),
            ("month", "2020-12-31", "2020-12", ""),
        ],
    ),
    ("Từ tháng 3 đến tháng 6/2020", [("month", "2020-06-30", "2020-06", "")]),
    ("tháng 3-6/2020", [("month", "2020-06-30", "2020-06", "")]),
    ("Tháng 12 hằng năm", [("month", "2020-12-31", "2020-12", "")]),
    ("Trước tháng 6/2020", [("date", "2020-05-31", "2020-05-31", "")]),
    ("Quý IV/2019", [("quarter", "2019-12-31", "2019-Q4", "")]),
    ("Quý 1/2020", [("quarter", "2020-03-31", "2020-Q1", "")]),
    ("quý II năm 2021", [("quarter", "2021-06-30", "2021-Q2", "")]),
    ("QUÝ III/2020", [("quarter", "2020-09-30", "2020-Q3", "")]),
    ("Quý 4/2019", [("quarter", "2019-12-31", "2019-Q4", "")]),
    ("Q2/2020", [("quarter", "2020-06-30", "2020-Q2", "")]),
    ("trong quý IV năm 2020", [("quarter", "2020-12-31", "2020-Q4", "")]),
    ("Quý IV", [("quarter", "2020-12-31", "2020-Q4", "")]),
    (
        "Quý I, II/2020",
        [("quarter", "2020-03-31", "2020-Q1", ""), ("quarter", "2020-06-30", "2020-Q2", "")],
    ),
    (
        "Quý II và Quý IV năm 2020",
        [("quarter", "2020-06-30", "2020-Q2", ""), ("quarter", "2020-12-31", "2020-Q4", "")],
    ),
    ("Quý II – III/2020", [("quarter", "2020-09-30", "2020-Q3", "")]),
    ("Đầu năm 2021", [("quarter", "2021-03-31", "2021-Q1", "")]),
    ("6 tháng đầu năm 2023", [("half_year", "2023-06-30", "2023-H1", "")]),
    ("6 tháng cuối năm 2023", [("half_year", "2023-12-31", "2023-H2", "")]),
    ("6 tháng đầu năm", [("half_year", "2020-06-30", "2020-H1", "")]),
    ("9 tháng đầu năm 2022", [("nine_months", "2022-09-30", "2022-9M", "")]),
    ("Trong năm 2020", [("year", "2020-12-31", "2020", "")]),
    ("Năm 2021", [("year", "2021-12-31", "2021", "")]),
    ("Cuối năm 2020", [("year", "2020-12-31", "2020", "")]),
    ("Cả năm 2020", [("year", "2020-12-31", "2020", "")]),
    ("Trong năm", [("year", "2020-12-31", "2020", "")]),
    ("Từ nay đến hết năm 2020", [("year", "2020-12-31", "2020", "")]),
    ("Năm 2020 và những năm tiếp theo", [("year", "2020-12-31", "2020", "")]),
    ("2020", [("year", "2020-12-31", "2020", "")]),
    ("giai đoạn 2021-2025", [("span", "2025-12-31", "2021-2025", "")]),
    ("Giai đoạn 2016 – 2020", [("span", "2020-12-31", "2016-2020", "")]),
    ("2021-2025", [("span", "2025-12-31", "2021-2025", "")]),
    ("Thường xuyên", [("continuous", None, "2020", "")]),
    ("Thường xuyên, liên tục", [("continuous", None, "2020", "")]),
    ("Thường xuyên trong năm 2020", [("continuous", None, "2020", "")]),
    ("Hằng tuần", [("continuous", None, "2020", "")]),
    (
        "Định kỳ hằng quý",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-Q2", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Q4", ""),
        ],
    ),
    (
        "hàng quý",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-Q2", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Q4", ""),
        ],
    ),
    (
        "Định kỳ hằng quý, 6 tháng, năm",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-H1", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Y", ""),
        ],
    ),
    (
        "Định kỳ 6 tháng, năm",
        [("recurring", "2020-06-20", "2020-H1", ""), ("recurring", "2020-12-20", "2020-Y", "")],
    ),
    (
        "Hằng tháng",
        [("recurring", f"2020-{m:02d}-20", f"2020-{m:02d}", "") for m in range(1, 13)],
    ),
    ("Hàng năm", [("recurring", "2020-12-20", "2020-Y", "")]),
    ("hằng năm", [("recurring", "2020-12-20", "2020-Y", "")]),
    (
        "Định kỳ hằng quý (trước ngày 15 của tháng cuối quý)",
        [
            ("recurring", "2020-03-14", "2020-Q1", ""),
            ("recurring", "2020-06-14", "2020-Q2", ""),
            ("recurring", "2020-09-14", "2020-Q3", ""),
            ("recurring", "2020-12-14", "2020-Q4", ""),
        ],
    ),
    (
        "Ngày 25 hằng tháng",
        [("recurring", f"2020-{m:02d}-25", f"2020-{m:02d}", "") for m in range(1, 13)],
    ),
    (
        "Báo cáo định kỳ theo quy định",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-H1", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Y", ""),
        ],
    ),
    (
        "Định kỳ hàng quý, 6 tháng, năm và đột xuất",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-H1", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Y", ""),
            ("on_request", None, None, ""),
        ],
    ),
    ("Theo yêu cầu", [("on_request", None, None, "")]),
    ("Khi có yêu cầu", [("on_request", None, None, "")]),
    ("đột xuất", [("on_request", None, None, "")]),
    ("Báo cáo theo quy định", [("on_request", None, None, "")]),
    ("Theo Kế hoạch của Sở Nội vụ", [("external", None, None, "")]),
    ("theo quy định của cấp có thẩm quyền", [("external", None, None, "")]),
    ("Theo lộ trình của Chính phủ", [("external", None, None, "")]),
    ("Theo chỉ đạo của UBND tỉnh", [("external", None, None, "")]),
    ("Sau khi có hướng dẫn của Sở Nội vụ", [("external", None, None, "")]),
    ("Theo kế hoạch", [("external", None, None, "")]),
    ("Thực hiện theo quy định", [("external", None, None, "")]),
    (
        "Thực hiện trong năm 2020, báo cáo kết quả trước ngày 30/11/2020",
        [
            ("year", "2020-12-31", "2020", "Thực hiện"),
            ("date", "2020-11-29", "2020-11-29", "Báo cáo kết quả"),
        ],
    ),
    (
        "Hoàn thành trong tháng 10/2020; báo cáo kết quả trước 15/12/2020",
        [
            ("month", "2020-10-31", "2020-10", "Hoàn thành"),
            ("date", "2020-12-14", "2020-12-14", "Báo cáo kết quả"),
        ],
    ),
    (
        "Tháng 12/2019 và thường xuyên trong năm 2020",
        [("month", "2019-12-31", "2019-12", ""), ("continuous", None, "2020", "")],
    ),
    ("Trước 15/12/2020 (báo cáo năm)", [("date", "2020-12-14", "2020-12-14", "")]),
    ("- Báo cáo năm: trước 15/12/2020", [("date", "2020-12-14", "2020-12-14", "Báo cáo năm")]),
    ("**Trước 15/11/2020**", [("date", "2020-11-14", "2020-11-14", "")]),
    ("<p>Quý I/2020</p>", [("quarter", "2020-03-31", "2020-Q1", "")]),
    (
        "Báo cáo 6 tháng trước ngày 15/6; báo cáo năm trước ngày 15/12",
        [
            ("date", "2020-06-14", "2020-06-14", "Báo cáo 6 tháng"),
            ("date", "2020-12-14", "2020-12-14", "Báo cáo năm"),
        ],
    ),
    (
        "Quý I/2021: Xây dựng kế hoạch; Quý IV/2021: Báo cáo",
        [
            ("quarter", "2021-03-31", "2021-Q1", "Xây dựng kế hoạch"),
            ("quarter", "2021-12-31", "2021-Q4", "Báo cáo"),
        ],
    ),
    (
        "- Xây dựng Kế hoạch: Quý I/2021; - Tổ chức thực hiện: Quý II - Quý IV/2021",
        [
            ("quarter", "2021-03-31", "2021-Q1", "Xây dựng Kế hoạch"),
            ("quarter", "2021-12-31", "2021-Q4", "Tổ chức thực hiện"),
        ],
    ),
    (
        "<ul><li>Ban hành KH: tháng 12/2019</li><li>Báo cáo: tháng 11/2020</li></ul>",
        [
            ("month", "2019-12-31", "2019-12", "Ban hành KH"),
            ("month", "2020-11-30", "2020-11", "Báo cáo"),
        ],
    ),
    ("Quí III/2021", [("quarter", "2021-09-30", "2021-Q3", "")]),
    (
        "Định kì hằng quí",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-Q2", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Q4", ""),
        ],
    ),
    (
        "Định kỳ 03 tháng",
        [
            ("recurring", "2020-03-20", "2020-Q1", ""),
            ("recurring", "2020-06-20", "2020-Q2", ""),
            ("recurring", "2020-09-20", "2020-Q3", ""),
            ("recurring", "2020-12-20", "2020-Q4", ""),
        ],
    ),
    (
        "Hằng quý, năm (trước ngày 15 tháng cuối quý)",
        [
            ("recurring", "2020-03-14", "2020-Q1", ""),
            ("recurring", "2020-06-14", "2020-Q2", ""),
            ("recurring", "2020-09-14", "2020-Q3", ""),
            ("recurring", "2020-12-14", "2020-Y", ""),
        ],
    ),
    ("Tuần đầu tháng 1/2021", [("month", "2021-01-31", "2021-01", "")]),
    ("Trước Quý III/2021", [("date", "2021-06-30", "2021-06-30", "")]),
    ("12-2020", [("month", "2020-12-31", "2020-12", "")]),
    ("Theo đề nghị của các cơ quan, đơn vị", [("on_request", None, None, "")]),
    ("Ngay khi có văn bản", [("external", None, None, "")]),
    ("Trong 30 ngày kể từ ngày ký", [("unscheduled", None, None, "")]),
    ("Thực hiện ngay", [("unscheduled", None, None, "")]),
    ("chưa xác định", [("unscheduled", None, None, "")]),
    ("", [("unscheduled", None, None, "")]),
]


@pytest.mark.parametrize(("text", "expected"), CORPUS, ids=[c[0][:40] or "empty" for c in CORPUS])
def test_corpus_phrase(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


def test_unscheduled_keeps_the_text() -> None:
    (m,) = parse_timeline("  Khi nào xong thì <b>báo</b>  ", 2020)
    assert m.kind == MilestoneKind.UNSCHEDULED
    assert m.source == "Khi nào xong thì báo"
    assert timeline_needs_review([m])


def test_invalid_calendar_date_is_unscheduled_with_a_warning() -> None:
    (m,) = parse_timeline("ngày 30/02/2020", 2020)
    assert m.kind == MilestoneKind.UNSCHEDULED
    assert m.due is None
    assert "30/2/2020" in m.warning


# ----------------------------------------------------------------------------- spelling


@pytest.mark.parametrize(
    "text",
    [
        "Định kỳ hằng quý, 6 tháng, năm",
        "ĐỊNH KỲ HÀNG QUÝ, 6 THÁNG, NĂM",
        "định   kỳ  hàng quý ,6 tháng , năm",
        unicodedata.normalize("NFD", "Định kỳ hằng quý, 6 tháng, năm"),
        "<p><strong>Định kỳ hằng quý, 6 tháng, năm</strong></p>",
        "**Định kỳ hằng&nbsp;quý, 6 tháng, năm**",
    ],
)
def test_spelling_variants_read_the_same(text: str) -> None:
    assert [(k, d, p) for k, d, p, _ in rows(text)] == [
        ("recurring", "2020-03-20", "2020-Q1"),
        ("recurring", "2020-06-20", "2020-H1"),
        ("recurring", "2020-09-20", "2020-Q3"),
        ("recurring", "2020-12-20", "2020-Y"),
    ]


def test_nfd_labels_come_back_nfc() -> None:
    text = unicodedata.normalize("NFD", "- Ban hành KH: tháng 12/2019")
    (m,) = parse_timeline(text, 2020)
    assert m.label == "Ban hành KH"
    assert unicodedata.is_normalized("NFC", m.source)


def test_reporting_rules_set_recurring_due_days() -> None:
    ms = parse_timeline("Định kỳ hằng quý, 6 tháng, năm", 2021, periods=ReportingRules(due_day=15))
    assert [m.due for m in ms] == [
        dt.date(2021, 3, 15),
        dt.date(2021, 6, 15),
        dt.date(2021, 9, 15),
        dt.date(2021, 12, 15),
    ]


# ----------------------------------------------------------------------------- warnings


def test_due_before_the_decision_is_warned_not_fixed() -> None:
    (m,) = parse_timeline("tháng 11/2019", 2020, DECISION)
    assert m.due == dt.date(2019, 11, 30)
    assert "trước ngày ban hành quyết định 26/12/2019" in m.warning


def test_span_without_the_plan_year_is_warned() -> None:
    (m,) = parse_timeline("giai đoạn 2021-2025", 2020)
    assert m.warning == "Giai đoạn 2021-2025 không gồm năm của kế hoạch (2020)."


def test_a_month_far_from_the_plan_year_is_warned() -> None:
    (m,) = parse_timeline("tháng 6 năm 2022", 2020)
    assert "không thuộc năm của kế hoạch" in m.warning


def test_preparations_in_the_last_quarter_before_are_not_warned() -> None:
    ms = parse_timeline("Quý IV/2019", 2020, DECISION)
    assert not timeline_needs_review(ms)


# ----------------------------------------------------------------------------- json


def test_milestones_to_json_has_exactly_the_cli_keys() -> None:
    data = milestones_to_json(parse_timeline("Trong năm 2020 Báo cáo theo yêu cầu", 2020))
    assert data == [
        {"label": "", "kind": "year", "due": "2020-12-31", "period": "2020"},
        {"label": "Báo cáo", "kind": "on_request", "due": None, "period": None},
    ]
    json.dumps(data, ensure_ascii=False)


def test_needs_review_is_false_for_clean_milestones() -> None:
    clean = Milestone(MilestoneKind.MONTH, dt.date(2020, 1, 31), "2020-01", "Tháng 01/2020")
    assert not timeline_needs_review([clean])
    assert timeline_needs_review([clean, Milestone(MilestoneKind.UNSCHEDULED, None, None, "?")])


# ----------------------------------------------------------------------------- properties

FRAGMENTS = [
    "tháng",
    "Quý",
    "quý",
    "năm",
    "ngày",
    "hằng",
    "hàng",
    "định kỳ",
    "đột xuất",
    "theo",
    "của",
    "Trước",
    "trước",
    "giai đoạn",
    "6 tháng",
    "9 tháng",
    "đầu",
    "cuối",
    "Thường xuyên",
    "Báo cáo",
    "Kế hoạch",
    ":",
    ".",
    ";",
    " - ",
    "-",
    "/",
    ",",
    "IV",
    "II",
    "<p>",
    "</p>",
    "**",
    "\n",
    "31",
    "29",
    "02",
    "12",
    "0",
    "2019",
    "2020",
    "99",
    "9999",
    "19999",
    " ",
]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    _check_result(parse_timeline(text, 2020, DECISION))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join), st.integers(1, 9998))
def test_never_raises_on_timeline_like_text(text: str, year: int) -> None:
    _check_result(parse_timeline(text, year))


def _check_result(ms: list[Milestone]) -> None:
    assert ms
    for m in ms:
        assert isinstance(m.kind, MilestoneKind)
        assert m.due is None or isinstance(m.due, dt.date)
        if m.kind in {
            MilestoneKind.UNSCHEDULED,
            MilestoneKind.ON_REQUEST,
            MilestoneKind.EXTERNAL,
            MilestoneKind.CONTINUOUS,
        }:
            assert m.due is None
        else:
            assert m.due is not None


def _variant(draw: st.DrawFn, text: str) -> str:
    if draw(st.booleans()):
        text = text.upper()
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    wrap = draw(st.sampled_from(["{}", "<p>{}</p>", "**{}**", "  {}  ", "- {}."]))
    return wrap.format(text)


@st.composite
def stated_periods(draw: st.DrawFn) -> tuple[str, dt.date, dt.date, str]:
    """A phrase, the first and last day of what it states, and its period code."""
    year = draw(st.integers(1990, 2100))
    form = draw(st.sampled_from(["month", "quarter", "date", "half", "nine", "year", "span"]))
    if form == "month":
        m = draw(st.integers(1, 12))
        fmt = draw(st.sampled_from(["tháng {m}/{y}", "Tháng {m:02d}/{y}", "tháng {m} năm {y}"]))
        start = dt.date(year, m, 1)
        end = (dt.date(year + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)
        return _variant(draw, fmt.format(m=m, y=year)), start, end, f"{year}-{m:02d}"
    if form == "quarter":
        q = draw(st.integers(1, 4))
        roman = ["I", "II", "III", "IV"][q - 1]
        fmt = draw(st.sampled_from(["Quý {r}/{y}", "quý {q}/{y}", "Quý {r} năm {y}"]))
        start = dt.date(year, 3 * q - 2, 1)
        end = dt.date(year + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1)
        return _variant(draw, fmt.format(r=roman, q=q, y=year)), start, end, f"{year}-Q{q}"
    if form == "date":
        day = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        fmt = draw(
            st.sampled_from(
                ["ngày {d}/{m}/{y}", "{d:02d}/{m:02d}/{y}", "ngày {d} tháng {m} năm {y}"]
            )
        )
        text = fmt.format(d=day.day, m=day.month, y=year)
        return _variant(draw, text), day, day, day.isoformat()
    if form == "half":
        first = draw(st.booleans())
        text = f"6 tháng {'đầu' if first else 'cuối'} năm {year}"
        start = dt.date(year, 1 if first else 7, 1)
        end = dt.date(year, 6, 30) if first else dt.date(year, 12, 31)
        return _variant(draw, text), start, end, f"{year}-H{1 if first else 2}"
    if form == "nine":
        text = f"9 tháng đầu năm {year}"
        return _variant(draw, text), dt.date(year, 1, 1), dt.date(year, 9, 30), f"{year}-9M"
    if form == "year":
        text = draw(st.sampled_from(["Trong năm {y}", "Năm {y}", "năm {y}"])).format(y=year)
        return _variant(draw, text), dt.date(year, 1, 1), dt.date(year, 12, 31), str(year)
    last = year + draw(st.integers(1, 10))
    text = f"giai đoạn {year}-{last}"
    return _variant(draw, text), dt.date(year, 1, 1), dt.date(last, 12, 31), f"{year}-{last}"


@settings(max_examples=200, deadline=None)
@given(stated_periods(), st.integers(1990, 2100))
def test_due_is_the_last_day_of_the_stated_period(
    case: tuple[str, dt.date, dt.date, str], plan_year: int
) -> None:
    text, start, end, code = case
    (m,) = parse_timeline(text, plan_year)
    assert m.due == end
    assert start <= m.due <= end
    assert m.period == code


@settings(max_examples=100, deadline=None)
@given(st.dates(dt.date(1990, 1, 2), dt.date(2100, 12, 31)))
def test_before_a_date_is_the_day_before(day: dt.date) -> None:
    (m,) = parse_timeline(f"Trước ngày {day.day}/{day.month}/{day.year}", 2020)
    assert m.kind == MilestoneKind.DATE
    assert m.due == day - dt.timedelta(days=1)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["hằng", "hàng", "HẰNG", "Hàng"]),
    st.sampled_from(["quý", "Quý"]),
    st.integers(1990, 2100),
)
def test_quarterly_reports_fall_in_their_quarter(hang: str, quy: str, year: int) -> None:
    ms = parse_timeline(f"Định kỳ {hang} {quy}", year)
    assert [m.period for m in ms] == [f"{year}-Q{q}" for q in range(1, 5)]
    for q, m in enumerate(ms, start=1):
        assert m.due is not None
        assert (m.due.year, (m.due.month - 1) // 3 + 1) == (year, q)


def test_an_impossible_plan_year_gives_one_unscheduled_milestone() -> None:
    (m,) = parse_timeline("Định kỳ hằng quý", 0)
    assert m.kind == MilestoneKind.UNSCHEDULED
    assert m.warning == "Năm kế hoạch 0 không hợp lệ."


def test_label_before_a_colon_may_hold_a_year_and_labels_after_a_date_work_too() -> None:
    assert rows("Kế hoạch CCHC năm 2021: Trước 31/12/2020", 2021) == [
        ("date", "2020-12-30", "2020-12-30", "Kế hoạch CCHC năm 2021")
    ]
    assert rows("Ban hành: Quý I") == [("quarter", "2020-03-31", "2020-Q1", "Ban hành")]
    assert [r[2] for r in rows("01 lần/quý")] == ["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4"]
