"""Working days of a Vietnamese public office: weekends, public holidays (lunar ones on the
Vietnamese UTC+7 calendar), the government's yearly extra days off and make-up Saturdays.

Public holidays come from the `holidays` package (Vietnam, 1901–2100): it uses the Vietnamese
lunar calendar (Tết 1985 on 21/01, not the Chinese 20/02), the Labour Code's days (Tết
Dương lịch, five days of Tết, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh with its adjacent day
since 2021), observed days and the swaps the government announced. Outside those years the
same days are computed here, with Hồ Ngọc Đức's lunar conversion at UTC+7.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

import holidays

from cchc_desktop.errors import ValidationError

__all__ = [
    "EXTRA_DAY_OFF",
    "WorkCalendar",
    "lunar_new_year",
    "lunar_to_solar",
    "public_holidays",
]

VN_TIMEZONE = 7.0
EXTRA_DAY_OFF = "Ngày nghỉ theo thông báo"
_PACKAGE_YEARS = range(1901, 2101)
_MAX_SEARCH_DAYS = 400

TET = "Tết Nguyên đán"
HUNG_KINGS = "Giỗ Tổ Hùng Vương"
LIBERATION = "Ngày Giải phóng miền Nam"
LABOUR = "Quốc tế Lao động"
NATIONAL = "Quốc khánh"
NEW_YEAR = "Tết Dương lịch"
CULTURE = "Ngày Văn hóa Việt Nam"

# English names of the `holidays` package (stable keys) → the names a Vietnamese clerk reads.
_NAMES: tuple[tuple[str, str], ...] = (
    ("Lunar New Year", TET),
    ("Hung Kings", HUNG_KINGS),
    ("Liberation Day", LIBERATION),
    ("Labor Day", LABOUR),
    ("National Day", NATIONAL),
    ("New Year's Day", NEW_YEAR),
    ("Cultural Day", CULTURE),
)
_SUBSTITUTED = re.compile(r"substituted from (\d{2})/(\d{2})/(\d{4})")


# ------------------------------------------------------------------ lunar calendar
# Hồ Ngọc Đức, "Thuật toán tính âm lịch" (astronomical new moons and solar terms).


def _jd(day: dt.date) -> int:
    """Julian day number of a (proleptic Gregorian) date."""
    return day.toordinal() + 1_721_425


def _from_jd(jd: int) -> dt.date:
    return dt.date.fromordinal(jd - 1_721_425)


def _new_moon(k: int) -> float:
    """Julian date of the k-th new moon after 1/1/1900 13:52 UCT."""
    t = k / 1236.85
    t2 = t * t
    t3 = t2 * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 = c1 - 0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 = c1 - 0.0004 * math.sin(dr * 3 * mpr)
    c1 = c1 + 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 = c1 - 0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 = c1 - 0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 = c1 + 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


def _sun_longitude(jdn: float) -> float:
    """Sun's longitude in radians (0 … 2π) at Julian date `jdn`."""
    t = (jdn - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = (l0 + dl) * dr
    return longitude - math.pi * 2 * math.floor(longitude / (math.pi * 2))


def _new_moon_day(k: int, tz: float) -> int:
    return math.floor(_new_moon(k) + 0.5 + tz / 24)


def _sun_sector(day_number: int, tz: float) -> int:
    """Which of the 12 solar-term sectors the sun is in at the start of the local day."""
    return math.floor(_sun_longitude(day_number - 0.5 - tz / 24) / math.pi * 6)


def _lunar_month_11(year: int, tz: float) -> int:
    """Julian day the 11th lunar month (the one holding the winter solstice) starts."""
    off = _jd(dt.date(year, 12, 31)) - 2415021
    k = math.floor(off / 29.530588853)
    new_moon = _new_moon_day(k, tz)
    if _sun_sector(new_moon, tz) >= 9:
        new_moon = _new_moon_day(k - 1, tz)
    return new_moon


def _leap_month_offset(a11: int, tz: float) -> int:
    k = math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i, tz), tz)
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i, tz), tz)
        if arc == last or i >= 14:
            break
    return i - 1


def lunar_to_solar(
    day: int, month: int, year: int, leap: bool = False, tz: float = VN_TIMEZONE
) -> dt.date:
    """Solar date of a lunar date on the calendar of time zone `tz` (Vietnam: UTC+7).

    Raises:
        ValidationError: the lunar date does not exist (a leap month that year has not).
    """
    if not (1 <= day <= 30 and 1 <= month <= 12 and 2 <= year <= 9997):
        raise ValidationError(f"Ngày âm lịch {day}/{month}/{year} không hợp lệ.")
    if month < 11:
        a11 = _lunar_month_11(year - 1, tz)
        b11 = _lunar_month_11(year, tz)
    else:
        a11 = _lunar_month_11(year, tz)
        b11 = _lunar_month_11(year + 1, tz)
    k = math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853)
    off = (month - 11) % 12
    if b11 - a11 > 365:
        leap_off = _leap_month_offset(a11, tz)
        leap_month = (leap_off - 2) % 12
        if leap and month != leap_month:
            raise ValidationError(f"Năm âm lịch {year} không có tháng {month} nhuận.")
        if leap or off >= leap_off:
            off += 1
    elif leap:
        raise ValidationError(f"Năm âm lịch {year} không có tháng nhuận.")
    return _from_jd(_new_moon_day(k + off, tz) + day - 1)


def lunar_new_year(year: int, tz: float = VN_TIMEZONE) -> dt.date:
    """Mùng 1 Tết of lunar year `year` (2020 → 25/01/2020)."""
    return lunar_to_solar(1, 1, year, tz=tz)


# ------------------------------------------------------------------ public holidays


def _clerk_name(english: str, vietnamese: str) -> tuple[str, dt.date | None]:
    """Vietnamese name for a `holidays` entry, and the make-up working day of a swap."""
    swap = _SUBSTITUTED.search(english)
    if swap:
        month, day, year = (int(x) for x in swap.groups())
        made_up = dt.date(year, month, day)
        return f"Nghỉ bù (làm bù ngày {made_up:%d/%m/%Y})", made_up
    for key, name in _NAMES:
        if key in english:
            if "observed" in english and key != "Lunar New Year":
                return f"{name} (nghỉ bù)", None
            return name, None
    return vietnamese, None


@lru_cache(maxsize=256)
def _package_year(year: int) -> tuple[tuple[tuple[dt.date, str], ...], frozenset[dt.date]]:
    english = holidays.country_holidays("VN", years=year, language="en_US")
    vietnamese = holidays.country_holidays("VN", years=year, language="vi")
    days: dict[dt.date, str] = {}
    made_up: set[dt.date] = set()
    for day, eng in sorted(english.items()):
        name, swap = _clerk_name(str(eng), str(vietnamese.get(day, eng)))
        days.setdefault(day, name)
        if swap is not None:
            made_up.add(swap)
    return tuple(sorted(days.items())), frozenset(made_up)


def _computed_year(year: int) -> tuple[tuple[dt.date, str], ...]:
    """The Labour Code 2019 holidays of a year the `holidays` package does not cover."""
    days: dict[dt.date, str] = {dt.date(year, 1, 1): NEW_YEAR}
    tet = lunar_new_year(year)
    for offset in range(-1, 4):
        days[tet + dt.timedelta(days=offset)] = TET
    days[lunar_to_solar(10, 3, year)] = HUNG_KINGS
    days[dt.date(year, 4, 30)] = LIBERATION
    days[dt.date(year, 5, 1)] = LABOUR
    national = dt.date(year, 9, 2)
    days[national] = NATIONAL
    adjacent = (+1, -1, -1, +1, -1, -1, +1)[national.weekday()]
    days[national + dt.timedelta(days=adjacent)] = NATIONAL
    return tuple(sorted(days.items()))


def public_holidays(year: int) -> list[tuple[dt.date, str]]:
    """Vietnam's public holidays (days off) of `year`, in date order, named in Vietnamese."""
    if year in _PACKAGE_YEARS:
        return list(_package_year(year)[0])
    if not 2 <= year <= 9996:
        return []
    return list(_computed_year(year))


def _government_make_up_days(year: int) -> frozenset[dt.date]:
    if year in _PACKAGE_YEARS:
        return _package_year(year)[1]
    return frozenset()


class WorkCalendar:
    """Which days a Vietnamese public office works.

    Args:
        extra_days_off: days off the government or the office announced beyond the public
            holidays (a mapping gives each its name).
        extra_working_days: make-up working days (usually Saturdays) that override a weekend
            or a day off.
        weekend: weekday numbers off every week (Monday = 0); Saturday and Sunday by default.
        government_swaps: also apply the swaps the `holidays` package knows (e.g. 2025: work
            Saturday 26/04, off Friday 02/05).
    """

    def __init__(
        self,
        extra_days_off: Iterable[dt.date] | Mapping[dt.date, str] = (),
        extra_working_days: Iterable[dt.date] = (),
        *,
        weekend: Iterable[int] = (5, 6),
        government_swaps: bool = True,
    ) -> None:
        if isinstance(extra_days_off, Mapping):
            self._extra_off = {d: str(n) or EXTRA_DAY_OFF for d, n in extra_days_off.items()}
        else:
            self._extra_off = dict.fromkeys(extra_days_off, EXTRA_DAY_OFF)
        self._extra_work = frozenset(extra_working_days)
        self._weekend = frozenset(weekend)
        if not self._weekend <= set(range(7)) or len(self._weekend) > 6:
            raise ValidationError("Ngày nghỉ trong tuần phải là các thứ từ 0 (thứ Hai) đến 6.")
        self._swaps = government_swaps
        self._by_year: dict[int, dict[dt.date, str]] = {}

    def _holiday_map(self, year: int) -> dict[dt.date, str]:
        cached = self._by_year.get(year)
        if cached is None:
            cached = dict(public_holidays(year))
            if not self._swaps:
                cached = {d: n for d, n in cached.items() if not n.startswith("Nghỉ bù (làm bù")}
            for day, name in self._extra_off.items():
                if day.year == year:
                    cached.setdefault(day, name)
            self._by_year[year] = cached
        return cached

    def holidays_in(self, year: int) -> list[tuple[dt.date, str]]:
        """Days off of `year` other than weekends, with names, in date order.

        Public holidays, observed days, the government's swaps and the office's extra days
        off; a day the office made a working day is left out.
        """
        return sorted(
            (d, n) for d, n in self._holiday_map(year).items() if d not in self._extra_work
        )

    def holiday_name(self, day: dt.date) -> str | None:
        """Name of the holiday on `day`, or None."""
        if day in self._extra_work:
            return None
        return self._holiday_map(day.year).get(day)

    def is_working_day(self, day: dt.date) -> bool:
        """True on an ordinary working day or a make-up working day."""
        if day in self._extra_work:
            return True
        if self._swaps and day in _government_make_up_days(day.year):
            return True
        if day.weekday() in self._weekend:
            return False
        return day not in self._holiday_map(day.year)

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        return self._search(day + dt.timedelta(days=1))

    def shift_to_working_day(self, day: dt.date) -> dt.date:
        """`day` itself when it is a working day, else the next working day (for due dates)."""
        return self._search(day)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days from `start` to `end`, both included (0 when `end` is before)."""
        count = 0
        day = start
        while day <= end:
            count += self.is_working_day(day)
            day += dt.timedelta(days=1)
        return count

    def _search(self, day: dt.date) -> dt.date:
        for _ in range(_MAX_SEARCH_DAYS):
            if self.is_working_day(day):
                return day
            day += dt.timedelta(days=1)
        raise ValidationError(
            f"Không có ngày làm việc nào trong {_MAX_SEARCH_DAYS} ngày kể từ {day:%d/%m/%Y}."
        )
