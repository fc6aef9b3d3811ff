"""Reporting periods of the Ministry of Home Affairs scheme: windows, due days, codes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from cchc_desktop.domain.text import fold
from cchc_desktop.errors import ValidationError


class ReportingPeriod(StrEnum):
    """The four official periodic reports of a year (DESIGN.md §3)."""

    Q1 = "Q1"  # báo cáo quý I
    H1 = "H1"  # báo cáo 6 tháng
    Q3 = "Q3"  # báo cáo quý III / 9 tháng
    Y = "Y"  # báo cáo năm

    @property
    def label(self) -> str:
        """Vietnamese name of the report: "Quý I", "6 tháng", "9 tháng", "Năm"."""
        return PERIOD_LABELS[self]

    @property
    def last_month(self) -> int:
        """The month the report is due in (3, 6, 9, 12)."""
        return _LAST_MONTH[self]


PERIOD_LABELS: dict[ReportingPeriod, str] = {
    ReportingPeriod.Q1: "Quý I",
    ReportingPeriod.H1: "6 tháng",
    ReportingPeriod.Q3: "9 tháng",
    ReportingPeriod.Y: "Năm",
}


def period_phrase(period: ReportingPeriod, year: int) -> str:
    """The report in running text: "quý I năm 2020", "6 tháng đầu năm 2020", "9 tháng năm 2020",
    "năm 2020"."""
    return {
        ReportingPeriod.Q1: f"quý I năm {year}",
        ReportingPeriod.H1: f"6 tháng đầu năm {year}",
        ReportingPeriod.Q3: f"9 tháng năm {year}",
        ReportingPeriod.Y: f"năm {year}",
    }[period]


_LAST_MONTH: dict[ReportingPeriod, int] = {
    ReportingPeriod.Q1: 3,
    ReportingPeriod.H1: 6,
    ReportingPeriod.Q3: 9,
    ReportingPeriod.Y: 12,
}

# Month (of the period's year; 0 = December of the year before) whose day after the cut-off
# opens the data window. DESIGN.md §3: Q1 15/12–14/3, 6 months 15/12–14/6, Q3 15/6–14/9,
# year 15/12–14/12.
_WINDOW_OPENS_AFTER: dict[ReportingPeriod, int] = {
    ReportingPeriod.Q1: 0,
    ReportingPeriod.H1: 0,
    ReportingPeriod.Q3: 6,
    ReportingPeriod.Y: 0,
}

_ALIASES: dict[str, ReportingPeriod] = {}
for _period, _names in {
    ReportingPeriod.Q1: ("q1", "quy1", "quyi", "i", "3t", "3m", "3thang"),
    ReportingPeriod.H1: ("h1", "6t", "6m", "6thang", "06thang", "sauthang", "nuanam", "q2"),
    ReportingPeriod.Q3: ("q3", "quy3", "quyiii", "9t", "9m", "9thang", "09thang", "chinthang"),
    ReportingPeriod.Y: ("y", "nam", "canam", "year", "cn", "12t", "12m", "12thang", "q4"),
}.items():
    for _name in _names:
        _ALIASES[_name] = _period


def parse_period(code: str) -> ReportingPeriod:
    """Read a reporting-period code or alias, case- and accent-insensitive.

    Accepts "Q1", "H1", "Q3", "Y" and aliases such as "6T", "6M", "9M", "9T", "NĂM", "NAM",
    "YEAR", "CN" (cả năm), "Quý I", "6 tháng".

    Raises:
        ValidationError: the code names no reporting period.
    """
    key = re.sub(r"[\s._\-]+", "", fold(str(code)))
    try:
        return _ALIASES[key]
    except KeyError:
        raise ValidationError(
            f"Kỳ báo cáo «{code}» không hợp lệ: dùng Q1 (quý I), H1 (6 tháng), "
            "Q3 (9 tháng) hoặc Y (năm)."
        ) from None


@dataclass(frozen=True, slots=True)
class ReportingRules:
    """The office's reporting settings.

    Attributes:
        due_day: day of the period's last month a report is due (national rule: the 20th).
        cutoff_day: last day of the period's last month whose data the report counts (14th);
            the window opens the day after it in the month before the period.
    """

    due_day: int = 20
    cutoff_day: int = 14

    def __post_init__(self) -> None:
        if isinstance(self.due_day, bool) or not isinstance(self.due_day, int):
            raise ValidationError("Ngày hạn nộp báo cáo phải là một số nguyên từ 1 đến 28.")
        if not 1 <= self.due_day <= 28:
            raise ValidationError(
                f"Ngày hạn nộp báo cáo phải từ 1 đến 28 (đang là {self.due_day})."
            )
        if isinstance(self.cutoff_day, bool) or not isinstance(self.cutoff_day, int):
            raise ValidationError("Ngày chốt số liệu phải là một số nguyên từ 1 đến 27.")
        if not 1 <= self.cutoff_day <= 27:
            raise ValidationError(
                f"Ngày chốt số liệu phải từ 1 đến 27 (đang là {self.cutoff_day})."
            )


DEFAULT_RULES = ReportingRules()


def _check_year(year: int) -> None:
    if not 2 <= year <= 9998:
        raise ValidationError(f"Năm báo cáo «{year}» không hợp lệ.")


def period_window(
    period: ReportingPeriod, year: int, rules: ReportingRules = DEFAULT_RULES
) -> tuple[dt.date, dt.date]:
    """First and last day whose data the report of `period` in `year` counts (inclusive)."""
    _check_year(year)
    opens_after = _WINDOW_OPENS_AFTER[period]
    if opens_after == 0:
        start = dt.date(year - 1, 12, rules.cutoff_day + 1)
    else:
        start = dt.date(year, opens_after, rules.cutoff_day + 1)
    end = dt.date(year, period.last_month, rules.cutoff_day)
    return start, end


def period_due(
    period: ReportingPeriod, year: int, rules: ReportingRules = DEFAULT_RULES
) -> dt.date:
    """Due date of the report of `period` in `year`: the due day of its last month."""
    _check_year(year)
    return dt.date(year, period.last_month, rules.due_day)


def quarter_window(
    quarter: int, year: int, rules: ReportingRules = DEFAULT_RULES
) -> tuple[dt.date, dt.date]:
    """Data window of a single quarter's report (Q2: 15/3–14/6, Q4: 15/9–14/12)."""
    _check_year(year)
    _check_quarter(quarter)
    last = quarter * 3
    start = (
        dt.date(year - 1, 12, rules.cutoff_day + 1)
        if quarter == 1
        else dt.date(year, last - 3, rules.cutoff_day + 1)
    )
    return start, dt.date(year, last, rules.cutoff_day)


def quarter_due(quarter: int, year: int, rules: ReportingRules = DEFAULT_RULES) -> dt.date:
    """Due date of a quarterly report: the due day of the quarter's last month."""
    _check_year(year)
    _check_quarter(quarter)
    return dt.date(year, quarter * 3, rules.due_day)


def month_window(
    month: int, year: int, rules: ReportingRules = DEFAULT_RULES
) -> tuple[dt.date, dt.date]:
    """Data window of a monthly report: the day after the cut-off last month to the cut-off."""
    _check_year(year)
    _check_month(month)
    start = (
        dt.date(year - 1, 12, rules.cutoff_day + 1)
        if month == 1
        else dt.date(year, month - 1, rules.cutoff_day + 1)
    )
    return start, dt.date(year, month, rules.cutoff_day)


def month_due(month: int, year: int, rules: ReportingRules = DEFAULT_RULES) -> dt.date:
    """Due date of a monthly report: the due day of that month."""
    _check_year(year)
    _check_month(month)
    return dt.date(year, month, rules.due_day)


def _check_quarter(quarter: int) -> None:
    if not 1 <= quarter <= 4:
        raise ValidationError(f"Quý «{quarter}» không hợp lệ (phải từ 1 đến 4).")


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise ValidationError(f"Tháng «{month}» không hợp lệ (phải từ 1 đến 12).")


def period_for_date(
    day: dt.date, rules: ReportingRules = DEFAULT_RULES
) -> tuple[ReportingPeriod, int]:
    """The first report whose window counts `day`, as (period, year).

    The windows of Q1, 6 months and year overlap (they all open on 15/12); a day belongs to the
    earliest report that counts it: 15/12–14/3 → Q1, 15/3–14/6 → 6 months, 15/6–14/9 → Q3,
    15/9–14/12 → year, and from 15/12 → Q1 of the next year.
    """
    cut = rules.cutoff_day
    year = day.year
    if (day.month, day.day) > (12, cut):
        return ReportingPeriod.Q1, year + 1
    for period in ReportingPeriod:
        if (day.month, day.day) <= (period.last_month, cut):
            return period, year
    raise AssertionError("unreachable: every day up to the December cut-off has a period")


def period_code(period: ReportingPeriod, year: int) -> str:
    """The milestone period code of a report: "2020-Q1", "2020-H1", "2020-Q3", "2020-Y"."""
    return f"{year}-{period.value}"


def official_report_dues(
    year: int, rules: ReportingRules = DEFAULT_RULES
) -> list[tuple[str, dt.date]]:
    """The four official reports of `year` as (period code, due date), in order."""
    return [(period_code(p, year), period_due(p, year, rules)) for p in ReportingPeriod]


def quarterly_dues(year: int, rules: ReportingRules = DEFAULT_RULES) -> list[tuple[str, dt.date]]:
    """Quarterly reports of `year`: ("2020-Q1", 20/3) … ("2020-Q4", 20/12)."""
    return [(f"{year}-Q{q}", quarter_due(q, year, rules)) for q in range(1, 5)]


def monthly_dues(year: int, rules: ReportingRules = DEFAULT_RULES) -> list[tuple[str, dt.date]]:
    """Monthly reports of `year`: ("2020-01", 20/1) … ("2020-12", 20/12)."""
    return [(f"{year}-{m:02d}", month_due(m, year, rules)) for m in range(1, 13)]
