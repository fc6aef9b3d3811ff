"""Working days: Vietnamese public holidays (lunar ones at UTC+7), extra days off, make-up days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.domain.workdays import (
    EXTRA_DAY_OFF,
    WorkCalendar,
    lunar_new_year,
    lunar_to_solar,
    public_holidays,
)
from cchc_desktop.errors import ValidationError

D = dt.date


@pytest.mark.parametrize(
    ("year", "tet"),
    [
        (2020, D(2020, 1, 25)),
        (2021, D(2021, 2, 12)),
        (2023, D(2023, 1, 22)),
        (2024, D(2024, 2, 10)),
    ],
)
def test_tet_on_known_dates(year: int, tet: dt.date) -> None:
    assert lunar_new_year(year) == tet
    assert (tet, "Tết Nguyên đán") in public_holidays(year)


def test_hung_kings_day_2020() -> None:
    assert lunar_to_solar(10, 3, 2020) == D(2020, 4, 2)
    assert (D(2020, 4, 2), "Giỗ Tổ Hùng Vương") in public_holidays(2020)


def test_1985_tet_follows_the_vietnamese_not_the_chinese_calendar() -> None:
    # Vietnam has used UTC+7 since 1968; in 1985 the new moon fell either side of midnight.
    assert lunar_new_year(1985) == D(1985, 1, 21)
    assert lunar_new_year(1985, tz=8.0) == D(1985, 2, 20)
    assert (D(1985, 1, 21), "Tết Nguyên đán") in public_holidays(1985)


def test_leap_month_dates() -> None:
    # 2020 had a leap 4th lunar month: 1/4 nhuận = 23/05/2020.
    assert lunar_to_solar(1, 4, 2020, leap=True) == D(2020, 5, 23)
    assert lunar_to_solar(1, 5, 2020) == D(2020, 6, 21)
    with pytest.raises(ValidationError):
        lunar_to_solar(1, 5, 2020, leap=True)
    with pytest.raises(ValidationError):
        lunar_to_solar(1, 1, 2021, leap=True)


@settings(max_examples=60, deadline=None)
@given(st.integers(1901, 2100))
def test_own_lunar_conversion_agrees_with_the_holidays_package(year: int) -> None:
    days = dict(public_holidays(year))
    assert days[lunar_new_year(year)] == "Tết Nguyên đán"
    if year >= 2007:
        assert days[lunar_to_solar(10, 3, year)] == "Giỗ Tổ Hùng Vương"


def test_2020_holidays_with_vietnamese_names() -> None:
    assert public_holidays(2020) == [
        (D(2020, 1, 1), "Tết Dương lịch"),
        (D(2020, 1, 23), "Tết Nguyên đán"),
        (D(2020, 1, 24), "Tết Nguyên đán"),
        (D(2020, 1, 25), "Tết Nguyên đán"),
        (D(2020, 1, 26), "Tết Nguyên đán"),
        (D(2020, 1, 27), "Tết Nguyên đán"),
        (D(2020, 1, 28), "Tết Nguyên đán"),
        (D(2020, 1, 29), "Tết Nguyên đán"),
        (D(2020, 4, 2), "Giỗ Tổ Hùng Vương"),
        (D(2020, 4, 30), "Ngày Giải phóng miền Nam"),
        (D(2020, 5, 1), "Quốc tế Lao động"),
        (D(2020, 9, 2), "Quốc khánh"),
    ]


def test_national_day_has_its_adjacent_day_since_2021() -> None:
    assert [d for d, n in public_holidays(2021) if n == "Quốc khánh"] == [
        D(2021, 9, 2),
        D(2021, 9, 3),
    ]


def test_years_beyond_the_package_are_computed() -> None:
    days = dict(public_holidays(2150))
    assert days[D(2150, 1, 1)] == "Tết Dương lịch"
    assert days[lunar_new_year(2150)] == "Tết Nguyên đán"
    assert days[D(2150, 9, 2)] == "Quốc khánh"
    assert len([d for d, n in days.items() if n == "Tết Nguyên đán"]) == 5


def test_weekends_and_holidays_are_not_working_days() -> None:
    cal = WorkCalendar()
    assert cal.is_working_day(D(2020, 1, 2))  # Thursday
    assert not cal.is_working_day(D(2020, 1, 4))  # Saturday
    assert not cal.is_working_day(D(2020, 1, 5))  # Sunday
    assert not cal.is_working_day(D(2020, 1, 1))
    assert not cal.is_working_day(D(2020, 4, 2))
    assert cal.holiday_name(D(2020, 9, 2)) == "Quốc khánh"
    assert cal.holiday_name(D(2020, 9, 3)) is None


def test_due_dates_move_to_the_next_working_day() -> None:
    cal = WorkCalendar()
    assert cal.shift_to_working_day(D(2020, 1, 25)) == D(2020, 1, 30)  # Tết 2020
    assert cal.shift_to_working_day(D(2020, 3, 20)) == D(2020, 3, 20)  # a Friday stays
    assert cal.shift_to_working_day(D(2020, 6, 20)) == D(2020, 6, 22)  # Saturday → Monday
    assert cal.next_working_day(D(2020, 3, 20)) == D(2020, 3, 23)
    assert cal.shift_to_working_day(D(2020, 4, 30)) == D(2020, 5, 4)


def test_government_swaps_2025() -> None:
    cal = WorkCalendar()
    assert not cal.is_working_day(D(2025, 5, 2))  # Friday off …
    assert cal.is_working_day(D(2025, 4, 26))  # … made up on Saturday 26/04
    assert (D(2025, 5, 2), "Nghỉ bù (làm bù ngày 26/04/2025)") in cal.holidays_in(2025)
    plain = WorkCalendar(government_swaps=False)
    assert plain.is_working_day(D(2025, 5, 2))
    assert not plain.is_working_day(D(2025, 4, 26))


def test_office_adds_days_off_and_make_up_days() -> None:
    cal = WorkCalendar(
        extra_days_off={D(2020, 12, 31): "Nghỉ theo Thông báo 123/TB-VPCP"},
        extra_working_days=[D(2020, 12, 26)],
    )
    assert not cal.is_working_day(D(2020, 12, 31))
    assert cal.holiday_name(D(2020, 12, 31)) == "Nghỉ theo Thông báo 123/TB-VPCP"
    assert cal.is_working_day(D(2020, 12, 26))  # a Saturday
    assert cal.shift_to_working_day(D(2020, 12, 31)) == D(2021, 1, 4)
    assert (D(2020, 12, 31), "Nghỉ theo Thông báo 123/TB-VPCP") in cal.holidays_in(2020)
    unnamed = WorkCalendar(extra_days_off=[D(2020, 12, 30)])
    assert unnamed.holiday_name(D(2020, 12, 30)) == EXTRA_DAY_OFF


def test_a_make_up_day_overrides_a_holiday() -> None:
    cal = WorkCalendar(extra_working_days=[D(2020, 1, 29)])
    assert cal.is_working_day(D(2020, 1, 29))
    assert D(2020, 1, 29) not in dict(cal.holidays_in(2020))


def test_working_days_between() -> None:
    cal = WorkCalendar()
    assert cal.working_days_between(D(2020, 1, 20), D(2020, 1, 31)) == 5  # Tết week off
    assert cal.working_days_between(D(2020, 2, 1), D(2020, 1, 1)) == 0


def test_a_week_without_working_days_is_refused() -> None:
    with pytest.raises(ValidationError):
        WorkCalendar(weekend=range(7))


@settings(max_examples=200, deadline=None)
@given(st.dates(D(1990, 1, 1), D(2099, 12, 31)))
def test_shifted_day_is_a_working_day_not_before(day: dt.date) -> None:
    cal = WorkCalendar()
    shifted = cal.shift_to_working_day(day)
    assert shifted >= day
    assert cal.is_working_day(shifted)
    assert (shifted - day).days <= 12
    assert all(
        not cal.is_working_day(day + dt.timedelta(days=i)) for i in range((shifted - day).days)
    )
