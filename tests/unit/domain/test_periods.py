"""Reporting periods: codes and aliases, data windows, due days, which report counts a day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.domain.periods import (
    PERIOD_LABELS,
    ReportingPeriod,
    ReportingRules,
    month_due,
    month_window,
    monthly_dues,
    official_report_dues,
    parse_period,
    period_code,
    period_due,
    period_for_date,
    period_window,
    quarter_due,
    quarter_window,
    quarterly_dues,
)
from cchc_desktop.errors import ValidationError

D = dt.date


def test_values_and_labels() -> None:
    assert [p.value for p in ReportingPeriod] == ["Q1", "H1", "Q3", "Y"]
    assert [p.label for p in ReportingPeriod] == ["Quý I", "6 tháng", "9 tháng", "Năm"]
    assert PERIOD_LABELS[ReportingPeriod.H1] == "6 tháng"
    assert [p.last_month for p in ReportingPeriod] == [3, 6, 9, 12]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("Q1", ReportingPeriod.Q1),
        ("q1", ReportingPeriod.Q1),
        ("Quý I", ReportingPeriod.Q1),
        ("H1", ReportingPeriod.H1),
        ("6T", ReportingPeriod.H1),
        ("6m", ReportingPeriod.H1),
        ("6 tháng", ReportingPeriod.H1),
        ("Q3", ReportingPeriod.Q3),
        ("9M", ReportingPeriod.Q3),
        ("9t", ReportingPeriod.Q3),
        ("Y", ReportingPeriod.Y),
        ("NAM", ReportingPeriod.Y),
        ("năm", ReportingPeriod.Y),
        ("YEAR", ReportingPeriod.Y),
        ("cn", ReportingPeriod.Y),
        (" y ", ReportingPeriod.Y),
    ],
)
def test_parse_period_accepts_codes_and_aliases(code: str, expected: ReportingPeriod) -> None:
    assert parse_period(code) is expected


@pytest.mark.parametrize("code", ["", "Q5", "H2", "tháng 13", "abc"])
def test_parse_period_rejects_with_a_vietnamese_message(code: str) -> None:
    with pytest.raises(ValidationError, match=r"Kỳ báo cáo .* không hợp lệ"):
        parse_period(code)


def test_windows_follow_design_section_3() -> None:
    assert period_window(ReportingPeriod.Q1, 2020) == (D(2019, 12, 15), D(2020, 3, 14))
    assert period_window(ReportingPeriod.H1, 2020) == (D(2019, 12, 15), D(2020, 6, 14))
    assert period_window(ReportingPeriod.Q3, 2020) == (D(2020, 6, 15), D(2020, 9, 14))
    assert period_window(ReportingPeriod.Y, 2020) == (D(2019, 12, 15), D(2020, 12, 14))


def test_due_dates_default_to_the_20th_of_the_last_month() -> None:
    assert [period_due(p, 2020) for p in ReportingPeriod] == [
        D(2020, 3, 20),
        D(2020, 6, 20),
        D(2020, 9, 20),
        D(2020, 12, 20),
    ]
    assert period_due(ReportingPeriod.H1, 2021, ReportingRules(due_day=10)) == D(2021, 6, 10)


def test_rules_move_the_cut_off() -> None:
    rules = ReportingRules(due_day=18, cutoff_day=10)
    assert period_window(ReportingPeriod.Q3, 2021, rules) == (D(2021, 6, 11), D(2021, 9, 10))


@pytest.mark.parametrize("day", [0, 29, 31, -1])
def test_due_day_is_validated(day: int) -> None:
    with pytest.raises(ValidationError, match="Ngày hạn nộp báo cáo phải từ 1 đến 28"):
        ReportingRules(due_day=day)


def test_cutoff_day_is_validated() -> None:
    with pytest.raises(ValidationError, match="Ngày chốt số liệu"):
        ReportingRules(cutoff_day=28)


def test_quarter_and_month_windows_and_dues() -> None:
    assert quarter_window(1, 2020) == (D(2019, 12, 15), D(2020, 3, 14))
    assert quarter_window(2, 2020) == (D(2020, 3, 15), D(2020, 6, 14))
    assert quarter_window(4, 2020) == (D(2020, 9, 15), D(2020, 12, 14))
    assert quarter_due(2, 2020) == D(2020, 6, 20)
    assert month_window(1, 2020) == (D(2019, 12, 15), D(2020, 1, 14))
    assert month_window(7, 2020) == (D(2020, 6, 15), D(2020, 7, 14))
    assert month_due(2, 2020) == D(2020, 2, 20)
    with pytest.raises(ValidationError):
        quarter_due(5, 2020)
    with pytest.raises(ValidationError):
        month_due(13, 2020)


def test_code_lists() -> None:
    assert official_report_dues(2020) == [
        ("2020-Q1", D(2020, 3, 20)),
        ("2020-H1", D(2020, 6, 20)),
        ("2020-Q3", D(2020, 9, 20)),
        ("2020-Y", D(2020, 12, 20)),
    ]
    assert [c for c, _ in quarterly_dues(2020)] == ["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4"]
    assert monthly_dues(2020)[0] == ("2020-01", D(2020, 1, 20))
    assert len(monthly_dues(2020)) == 12
    assert period_code(ReportingPeriod.Q3, 2022) == "2022-Q3"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2019, 12, 14), (ReportingPeriod.Y, 2019)),
        (D(2019, 12, 15), (ReportingPeriod.Q1, 2020)),
        (D(2020, 3, 14), (ReportingPeriod.Q1, 2020)),
        (D(2020, 3, 15), (ReportingPeriod.H1, 2020)),
        (D(2020, 6, 14), (ReportingPeriod.H1, 2020)),
        (D(2020, 6, 15), (ReportingPeriod.Q3, 2020)),
        (D(2020, 9, 14), (ReportingPeriod.Q3, 2020)),
        (D(2020, 9, 15), (ReportingPeriod.Y, 2020)),
        (D(2020, 12, 31), (ReportingPeriod.Q1, 2021)),
    ],
)
def test_period_for_date(day: dt.date, expected: tuple[ReportingPeriod, int]) -> None:
    assert period_for_date(day) == expected


@settings(max_examples=200, deadline=None)
@given(st.dates(D(1901, 1, 1), D(2199, 12, 31)), st.integers(1, 27))
def test_the_period_of_a_day_has_the_day_in_its_window(day: dt.date, cutoff: int) -> None:
    rules = ReportingRules(cutoff_day=cutoff)
    period, year = period_for_date(day, rules)
    start, end = period_window(period, year, rules)
    assert start <= day <= end
