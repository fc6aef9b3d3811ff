"""Shifting timeline text and milestones to another year, for cloning a plan.

Every year 1900–2199 in the text moves ("tháng 12/2019" → "tháng 12/2020", "Quý IV/2019" →
"Quý IV/2020", "giai đoạn 2021-2025" → "2022-2026"); a 29/02 that lands in a common year
becomes 28/02. Document symbols keep their year ("Nghị định số 30/2020/NĐ-CP"), and so do
standards ("ISO 9001:2008"). Shifting by +n then −n gives the text back unless it held a
29/02 moved to a common year or a year pushed out of 1900–2199.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from cchc_desktop.domain.model import Milestone, MilestoneKind

__all__ = ["shift_date", "shift_milestone", "shift_text"]

_MIN_YEAR = 1900
_MAX_YEAR = 2199

# d/m/yyyy, d-m-yyyy, d.m.yyyy, and d/m/yy: the year moves, the day may need clamping.
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})(?P<s1>\s*(?P<sep>[/.-])\s*)(?P<m>\d{1,2})"
    r"(?P<s2>\s*(?P=sep)\s*)(?P<y>\d{4}|\d{2})(?![\d/])"
)
# "ngày 29 tháng 2 năm 2020"
_WORDED_DATE = re.compile(
    r"(?P<pre>ngày\s*)(?P<d>\d{1,2})(?P<mid>\s*tháng\s*)(?P<m>\d{1,2})"
    r"(?P<s2>\s*(?:năm|,|/)?\s*)(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d:])(?P<y>(?:19|20|21)\d{2})(?!\d)(?!\s*/\s*[^\W\d_])")


def shift_date(day: dt.date, years: int) -> dt.date:
    """`day` moved by `years` years; 29/02 becomes 28/02 in a common year."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def _in_range(year: int) -> bool:
    return _MIN_YEAR <= year <= _MAX_YEAR


def _shift_day_text(d_text: str, month: int, year: int) -> str:
    """The day number of a shifted date, clamped to the month, keeping its zero padding."""
    day = int(d_text)
    if 1 <= month <= 12 and day > calendar.monthrange(year, month)[1] and day <= 31:
        clamped = calendar.monthrange(year, month)[1]
        return f"{clamped:0{len(d_text)}d}"
    return d_text


def _numeric(m: re.Match[str], years: int) -> str:
    y_text = m["y"]
    if len(y_text) == 2:
        full = 2000 + int(y_text) + years
        if not (2000 <= full <= 2099 and 2000 <= 2000 + int(y_text) - years <= 2099):
            return m.group()  # keep +n/−n symmetric at the edges of the century
        new_y = f"{full % 100:02d}"
    else:
        full = int(y_text) + years
        if not (_in_range(int(y_text)) and _in_range(full)):
            return m.group()
        new_y = str(full)
    day = _shift_day_text(m["d"], int(m["m"]), full)
    return f"{day}{m['s1']}{m['m']}{m['s2']}{new_y}"


def _worded(m: re.Match[str], years: int) -> str:
    full = int(m["y"]) + years
    if not (_in_range(int(m["y"])) and _in_range(full)):
        return m.group()
    day = _shift_day_text(m["d"], int(m["m"]), full)
    return f"{m['pre']}{day}{m['mid']}{m['m']}{m['s2']}{full}"


def _plain_year(m: re.Match[str], years: int) -> str:
    full = int(m["y"]) + years
    return str(full) if _in_range(full) else m.group()


def shift_text(text: str, years: int = 1) -> str:
    """`text` (NFC) with every date and year moved by `years` years."""
    if years == 0:
        return text
    s = unicodedata.normalize("NFC", text)
    out: list[str] = []
    pos = 0
    spans: list[tuple[int, int, str]] = []
    for pattern, shift in ((_WORDED_DATE, _worded), (_NUMERIC_DATE, _numeric)):
        for m in pattern.finditer(s):
            if any(m.start() < e and b < m.end() for b, e, _ in spans):
                continue
            spans.append((m.start(), m.end(), shift(m, years)))
    spans.sort()
    for start, end, replacement in spans:
        out.append(_YEAR.sub(lambda m: _plain_year(m, years), s[pos:start]))
        out.append(replacement)
        pos = end
    out.append(_YEAR.sub(lambda m: _plain_year(m, years), s[pos:]))
    return "".join(out)


def _shift_period(period: str | None, years: int) -> str | None:
    if period is None:
        return None
    return re.sub(
        r"(?<!\d)(\d{4})(?!\d)",
        lambda m: str(int(m.group(1)) + years) if _in_range(int(m.group(1)) + years) else m.group(),
        period,
    )


def shift_milestone(m: Milestone, years: int = 1) -> Milestone:
    """`m` moved by `years` years: due date, period code, source, label and warning.

    A month milestone keeps the last day of its month (February 2019 → 29/02/2020); a dated
    one on 29/02 moves to 28/02 in a common year. The clerk's confirmed/overridden marks stay.
    """
    due = m.due
    period = _shift_period(m.period, years)
    if due is not None:
        due = shift_date(due, years)
        if m.kind is MilestoneKind.MONTH:
            due = due.replace(day=calendar.monthrange(due.year, due.month)[1])
        if m.kind is MilestoneKind.DATE and m.period == (m.due.isoformat() if m.due else None):
            period = due.isoformat()
    return Milestone(
        kind=m.kind,
        due=due,
        period=period,
        source=shift_text(m.source, years),
        label=shift_text(m.label, years),
        warning=shift_text(m.warning, years),
        confirmed=m.confirmed,
        overridden=m.overridden,
    )
