"""Shifting a plan's timeline text and milestones to another year."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.domain.deadlines import parse_timeline
from cchc_desktop.domain.model import Milestone, MilestoneKind
from cchc_desktop.domain.year_shift import shift_date, shift_milestone, shift_text

D = dt.date


@pytest.mark.parametrize(
    ("text", "shifted"),
    [
        ("tháng 12/2019", "tháng 12/2020"),
        ("Quý IV/2019", "Quý IV/2020"),
        ("Trước 10/12/2020", "Trước 10/12/2021"),
        ("giai đoạn 2021-2025", "giai đoạn 2022-2026"),
        ("năm 2020", "năm 2021"),
        ("Trong năm 2020 Báo cáo theo yêu cầu", "Trong năm 2021 Báo cáo theo yêu cầu"),
        ("Trước 29/02/2020", "Trước 28/02/2021"),
        ("ngày 29 tháng 2 năm 2020", "ngày 28 tháng 2 năm 2021"),
        ("15/12/20", "15/12/21"),
        ("Thường xuyên", "Thường xuyên"),
        (
            "- Ban hành KH: tháng 12/2019. - Báo cáo kết quả: tháng 11/2020.",
            "- Ban hành KH: tháng 12/2020. - Báo cáo kết quả: tháng 11/2021.",
        ),
        (
            "Theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020",
            "Theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2021",
        ),
        ("ISO 9001:2008 trong năm 2020", "ISO 9001:2008 trong năm 2021"),
    ],
)
def test_shift_text_by_one_year(text: str, shifted: str) -> None:
    assert shift_text(text) == shifted


def test_shift_text_backwards_and_by_several_years() -> None:
    assert shift_text("Quý 1/2020", -1) == "Quý 1/2019"
    assert shift_text("giai đoạn 2021-2025", 5) == "giai đoạn 2026-2030"
    assert shift_text("Trước 29/02/2020", 4) == "Trước 29/02/2024"
    assert shift_text("năm 2020", 0) == "năm 2020"


def test_shift_date_clamps_29_february() -> None:
    assert shift_date(D(2020, 2, 29), 1) == D(2021, 2, 28)
    assert shift_date(D(2020, 2, 29), 4) == D(2024, 2, 29)
    assert shift_date(D(2020, 12, 9), 1) == D(2021, 12, 9)


def test_shift_milestone_moves_every_field() -> None:
    m = Milestone(
        MilestoneKind.MONTH,
        D(2019, 2, 28),
        "2019-02",
        "Ban hành KH: tháng 2/2019",
        "Ban hành KH",
        "Thời hạn 28/02/2019 trước ngày ban hành quyết định 26/12/2019.",
        confirmed=True,
    )
    s = shift_milestone(m, 1)
    assert s.due == D(2020, 2, 29)  # the last day of February 2020
    assert s.period == "2020-02"
    assert s.source == "Ban hành KH: tháng 2/2020"
    assert s.warning == "Thời hạn 28/02/2020 trước ngày ban hành quyết định 26/12/2020."
    assert s.confirmed
    assert s.kind is MilestoneKind.MONTH


@pytest.mark.parametrize(
    "text",
    [
        "- Ban hành KH: tháng 12/2019. - Báo cáo kết quả: tháng 11/2020.",
        "Ban hành Kế hoạch: Quý IV/2019. Báo cáo thực hiện: Định kỳ hàng quý, 6 tháng, năm.",
        "Trước 10/12/2020",
        "giai đoạn 2021-2025",
        "6 tháng đầu năm 2020",
        "Trong năm 2020",
        "Thường xuyên trong năm 2020",
    ],
)
def test_shifted_milestones_equal_the_parse_of_the_shifted_text(text: str) -> None:
    shifted = [shift_milestone(m, 1) for m in parse_timeline(text, 2020)]
    reparsed = parse_timeline(shift_text(text, 1), 2021)
    assert [(m.kind, m.due, m.period, m.label) for m in shifted] == [
        (m.kind, m.due, m.period, m.label) for m in reparsed
    ]


PIECES = st.one_of(
    st.sampled_from(
        ["tháng ", "Quý IV/", "Trước ", "năm ", "giai đoạn ", " - ", ", ", ". ", "ngày ", "/"]
    ),
    st.integers(1950, 2150).map(str),
    st.builds(
        lambda d, y: f"{d.day}/{d.month}/{y}",
        st.dates(D(2001, 1, 1), D(2001, 12, 31)),
        st.integers(1950, 2150),
    ),
    st.builds(
        lambda d, y: f"ngày {d.day} tháng {d.month} năm {y}",
        st.dates(D(2001, 1, 1), D(2001, 12, 31)),
        st.integers(1950, 2150),
    ),
    st.text(alphabet="abcđêơưqá ", max_size=6),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join), st.integers(-20, 20))
def test_shift_round_trips(text: str, years: int) -> None:
    assert shift_text(shift_text(text, years), -years) == text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80), st.integers(-5, 5))
def test_shift_never_raises(text: str, years: int) -> None:
    assert isinstance(shift_text(text, years), str)
