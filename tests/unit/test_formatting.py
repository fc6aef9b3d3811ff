"""Vietnamese formatting: Decree 30 dates, babel numbers, weekday and month names."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc_desktop import formatting as f


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
        (dt.date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (dt.date(2026, 2, 15), "ngày 15 tháng 02 năm 2026"),
        (dt.date(2026, 10, 1), "ngày 01 tháng 10 năm 2026"),
        (dt.date(2026, 3, 5), "ngày 05 tháng 3 năm 2026"),
        (dt.date(2019, 12, 26), "ngày 26 tháng 12 năm 2019"),
    ],
)
def test_date_long_follows_decree_30_padding(day: dt.date, expected: str) -> None:
    assert f.date_long(day) == expected


def test_place_date_line() -> None:
    assert (
        f.place_date_line("Ngọc Lặc", dt.date(2019, 12, 26))
        == "Ngọc Lặc, ngày 26 tháng 12 năm 2019"
    )


def test_place_date_line_blank_keeps_wide_non_breaking_blanks() -> None:
    line = f.place_date_line("Ngọc Lặc", None, year=2026)
    assert line == f"Ngọc Lặc, ngày{f.BLANK}tháng{f.BLANK}năm 2026"
    assert "\u00a0" * 4 in line
    assert f.place_date_line("Ngọc Lặc", None).endswith("năm 20...")


def test_date_short() -> None:
    assert f.date_short(dt.date(2026, 3, 5)) == "05/03/2026"
    assert f.date_short(dt.date(2019, 12, 26)) == "26/12/2019"


def test_document_number_pads_below_ten() -> None:
    assert [f.document_number(n) for n in (5, 12, 123)] == ["05", "12", "123"]


def test_numbers_use_vietnamese_separators() -> None:
    assert f.number(1234567) == "1.234.567"
    assert f.number(1234.5) == "1.234,5"
    assert f.number(3, decimals=2) == "3,00"
    assert f.number(1234.4, decimals=0) == "1.234"


def test_percent() -> None:
    assert f.percent(0.755) == "75,5%"
    assert f.percent(1) == "100%"
    assert f.percent(0.3333, decimals=0) == "33%"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 3, 2), "Thứ Hai"),
        (dt.date(2026, 3, 5), "Thứ Năm"),
        (dt.date(2026, 3, 7), "Thứ Bảy"),
        (dt.date(2026, 3, 8), "Chủ Nhật"),
    ],
)
def test_weekday_name(day: dt.date, expected: str) -> None:
    assert f.weekday_name(day) == expected


def test_month_year() -> None:
    assert f.month_year(dt.date(2026, 3, 5)) == "Tháng 3 năm 2026"
    assert f.month_year(dt.date(2026, 12, 31)) == "Tháng 12 năm 2026"
