"""Vietnamese (vi_VN) formatting of dates and numbers, shared by the window and the printed reports.

Babel supplies the locale data (separators, weekday and month names). The one rule Babel cannot
know is Decree 30/2020's zero-padding of dates in documents: days 1–9 and months 1–2 take a
leading zero, months 3–12 do not ("ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019").
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LOCALE = "vi_VN"
NBSP = "\u00a0"
# Blanks left for a clerk to fill in by hand; non-breaking so a PDF keeps their width.
BLANK = NBSP * 6


def date_short(d: dt.date) -> str:
    """Return "05/03/2026" (dd/MM/yyyy), the form used in tables and on screen."""
    return format_date(d, "dd/MM/yyyy", locale=LOCALE)


def decree_day(day: int) -> str:
    """The day of month as Decree 30 writes it: "05", "15"."""
    return f"{day:02d}"


def decree_month(month: int) -> str:
    """The month as Decree 30 writes it: "01", "02", then "3" … "12"."""
    return f"{month:02d}" if month <= 2 else str(month)


def date_long(d: dt.date) -> str:
    """Return "ngày 05 tháng 3 năm 2026", with Decree 30 zero-padding (ND30 Appendix I §II.4.b)."""
    return f"ngày {decree_day(d.day)} tháng {decree_month(d.month)} năm {d.year}"


def blank_date_long(year: int | None = None) -> str:
    """Return "ngày … tháng … năm 2026" with blanks to fill by hand ("năm 20..." if no year)."""
    year_text = str(year) if year is not None else "20..."
    return f"ngày{BLANK}tháng{BLANK}năm {year_text}"


def place_date_line(place: str, d: dt.date | None, *, year: int | None = None) -> str:
    """Return "Ngọc Lặc, ngày 26 tháng 12 năm 2019"; with `d` None the day and month are left blank.

    Args:
        place: the official place name of the issuer.
        d: the date of issue, or None to leave day and month blank for filling by hand.
        year: the year printed when `d` is None (None prints "20...").
    """
    when = date_long(d) if d is not None else blank_date_long(year)
    return f"{place.strip()}, {when}"


def document_number(n: int) -> str:
    """A document number as printed: numbers below 10 take a leading zero ("05", "12", "123")."""
    return f"{n:02d}"


def number(x: float, *, decimals: int | None = None) -> str:
    """Return "1.234.567,5", with Vietnamese separators; `decimals` fixes the fraction digits."""
    if decimals is None:
        return format_decimal(x, locale=LOCALE)
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(x, format=pattern, locale=LOCALE)


def percent(ratio: float, *, decimals: int = 1) -> str:
    """A ratio as a percentage: ``percent(0.755)`` → "75,5%", ``percent(1)`` → "100%"."""
    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "") + "%"
    return format_percent(ratio, format=pattern, locale=LOCALE)


def weekday_name(d: dt.date) -> str:
    """Return the weekday name: "Thứ Hai" … "Thứ Bảy", "Chủ Nhật"."""
    return format_date(d, "EEEE", locale=LOCALE)


def month_year(d: dt.date) -> str:
    """Return "Tháng 3 năm 2026"."""
    return format_date(d, "LLLL 'năm' y", locale=LOCALE)
