"""Vietnamese timeline text → dated milestones (DESIGN.md §3); never raises.

How a cell is read:

1. The text is normalised: NFC, HTML tags and entities, Markdown emphasis, dashes and
   spacing.
2. It is cut into segments at line breaks, ";", sentence ends (". ") and list bullets
   (" - " before a word; "2021 - 2025" and "tháng 3 - tháng 6" stay whole).
3. A "Label: phrase" segment gives the label to every milestone of its phrase. Without a
   colon, the words before a phrase ("Báo cáo kết quả thực hiện tháng 11/2020") are its label
   when the cell holds several phrases; a lone phrase's leading words are its verb
   ("Hoàn thành trước 30/6/2020") and give no label.
4. Phrases are found on an accent- and case-free copy of the text (so "hằng"/"hàng", NFD
   input and capitals do not matter), most specific first: spans, dates, half years, nine
   months, quarters, months, recurring reports, continuous work, on-request and external
   deadlines, years.
5. A segment with no phrase but time words or digits in it becomes an `unscheduled` milestone;
   one without (a description such as "Rà soát theo Kế hoạch") is dropped when the cell has
   other milestones. A cell with no milestone at all gives one `unscheduled` milestone.

Rules chosen where DESIGN.md is silent:

* "Trước tháng 6/2020", "trước quý III/2020", "trước năm 2021" → `date`, due the day before
  the period starts.
* Ranges ("từ tháng 3 đến tháng 6/2020", "tháng 3-6/2020", "01/3 - 30/6/2020") → the end only.
* "Đầu năm 2021" → quarter 2021-Q1; "cuối năm 2020", "cả năm 2020" → year.
* A bare "theo quy định" is `on_request` when it is about a report ("Báo cáo (kết quả) theo quy
  định") and `external` otherwise ("Thực hiện theo quy định").
* A bare "theo Kế hoạch" (no "của …") is `external` only when the cell has nothing else.
* "Định kỳ" alone means the four official reports; "hằng quý" gives Q1–Q4, adding "6 tháng"
  turns Q2 into H1, adding "năm" turns Q4 into Y; "6 tháng" alone gives H1 and Y; "hằng tuần"
  and "hằng ngày" are `continuous`.
* Warnings: a due date before the decision date; a year, half year, nine months or continuous
  phrase in another year than the plan's; a span without the plan's year; a date, month or
  quarter outside 1/10 of the year before to 31/3 of the year after (preparations in the last
  quarter before the plan and reports early the next year are normal).
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from cchc_desktop.domain.model import Milestone, MilestoneKind
from cchc_desktop.domain.periods import (
    ReportingPeriod,
    ReportingRules,
    month_due,
    period_code,
    period_due,
    quarter_due,
)
from cchc_desktop.domain.text import fold

__all__ = ["milestones_to_json", "parse_timeline", "timeline_needs_review"]

_log = logging.getLogger(__name__)

_MIN_YEAR = 1900
_MAX_YEAR = 2199
_MAX_INPUT = 20_000  # characters; a timeline cell is a few lines, anything longer is noise

# ------------------------------------------------------------------ normalisation

_TAG = re.compile(r"<[^<>]*>|<[^<>]*$")
_MARKUP = re.compile(r"\*\*|__|`|\*(?=\S)|(?<=\S)\*")
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2e3a\u2e3b]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_HSPACE = re.compile(r"[^\S\n]+")


def _normalise(text: str) -> str:
    """NFC text without markup, with plain dashes and single spaces; line breaks kept."""
    s = unicodedata.normalize("NFC", text)
    s = re.sub(r"<\s*br\s*/?\s*>|</\s*(?:p|li|div|tr)\s*>", "\n", s, flags=re.IGNORECASE)
    s = _TAG.sub(" ", s)
    s = html.unescape(s)
    s = _TAG.sub(" ", s)  # entities may have hidden tags (&lt;p&gt;)
    s = unicodedata.normalize("NFC", s)
    s = _INVISIBLE.sub("", s)
    s = _MARKUP.sub("", s)
    s = _DASHES.sub("-", s)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = _HSPACE.sub(" ", s)
    return "\n".join(line.strip() for line in s.split("\n")).strip()


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    f = fold(ch)
    if len(f) == 1:
        return f
    low = ch.lower()
    return low if len(low) == 1 else ch


_OLD_SPELLING = re.compile(r"\b(?:qui|ki)\b")


def _fold_aligned(s: str) -> str:
    """`fold` keeping one character per character, so positions map back to `s`.

    The old spellings "quí", "kì" ("định kì", "qui định") fold like "quý", "kỳ".
    """
    folded = "".join(_fold_char(ch) for ch in s)
    return _OLD_SPELLING.sub(lambda m: "quy" if m.group() == "qui" else "ky", folded)


# ------------------------------------------------------------------ segments

_BULLET = re.compile(r"(?:^|(?<=\s))[-+•·*]+(?:\s+|$)")
_SENTENCE = re.compile(r"\.+(?:\s+|$)|;|\n")
_RANGE_END = re.compile(r"(?:thang|quy|ngay|nam|tuan|[ivx]+)\b")
_ENDS_WITH_NUMBER = re.compile(r"(?:\d|\b[ivx]+)$")
_STRIP = " \t-+•·*:,;."


def _segments(s: str) -> list[str]:
    """Cut a normalised cell into sentence and bullet segments (original spelling kept)."""
    pieces: list[str] = []
    pos = 0
    for m in _SENTENCE.finditer(s):
        pieces.append(s[pos : m.start()])
        pos = m.end()
    pieces.append(s[pos:])
    out: list[str] = []
    for piece in pieces:
        out.extend(_split_bullets(piece))
    return [seg for seg in (p.strip(_STRIP) for p in out) if seg]


def _split_bullets(piece: str) -> list[str]:
    folded = _fold_aligned(piece)
    parts: list[str] = []
    pos = 0
    for m in _BULLET.finditer(piece):
        after = folded[m.end() :]
        before = folded[pos : m.start()].rstrip()
        if m.start() > 0 and after[:1].isdigit():
            continue  # "2021 - 2025", "01/3 - 30/6"
        if before and _ENDS_WITH_NUMBER.search(before) and _RANGE_END.match(after):
            continue  # "tháng 3 - tháng 6/2020", "Quý I/2020 - Quý II/2020", "Quý II - III"
        parts.append(piece[pos : m.start()])
        pos = m.end()
    parts.append(piece[pos:])
    return parts


# ------------------------------------------------------------------ phrase patterns

_ROMAN_Q = r"(?:iv|iii|ii|i|[1-4])"
_Y4 = r"(?:19|20|21)\d{2}"
_JOIN = r"(?:,|va|&|hoac|-|den|toi)"
_UNITS = (
    r"(?:quy(?!\s*(?:dinh|[ivx]+\b|\d))|(?:0?6|sau)\s*thang|(?:0?9|chin)\s*thang|nua nam"
    r"|(?:0?3|ba|12)\s*thang"
    r"|cuoi nam|nam(?!\s*\d)|thang(?!\s*\d)|tuan|ngay(?!\s*\d))(?![a-z])"
)
_UNIT_LIST = rf"(?:\s*(?:,|va|hoac|/|&|-)\s*(?:(?:bao cao|ky)\s*)?(?:(?:hang|moi)\s*)?{_UNITS})*"
_YEARLY = r"(?:\s*,?\s*(?:hang|moi)\s*nam(?![a-z]))?"
_UNIT_TOKEN = re.compile(
    r"(?:0?6|sau)\s*thang|(?:0?9|chin)\s*thang|(?:0?3|ba|12)\s*thang|nua nam|cuoi nam|quy|nam"
    r"|thang|tuan|ngay"
)

_RE_SPAN = re.compile(
    r"(?:\b(?:trong giai doan|ca giai doan|giai doan|thoi ky|tu nam|tu|nam)\s*)?"
    rf"(?<![\d/.:])(?P<a>{_Y4})\s*(?:-|den|toi)\s*(?:nam\s*)?(?P<b>{_Y4})(?![\d/])"
)
_RE_DATE_VN = re.compile(
    r"\bngay\s*(?P<d>\d{1,2})\s*thang\s*(?P<m>\d{1,2})(?!\d)"
    r"(?:\s*(?:nam|,|/)?\s*(?P<y>\d{4}))?(?!\d)" + _YEARLY
)
_RE_DATE_NUM = re.compile(
    r"(?:\bngay\s*)?(?<![\d/.:,])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?!\d)"
    r"(?:\s*(?P=sep)\s*(?P<y>\d{4}|\d{2})(?!\d))?(?![\d/])" + _YEARLY
)
_RE_HALF = re.compile(
    r"(?:(?<![\d/.,])(?:0?6|sau)\s*thang|\bnua)\s*(?:(?P<w>dau|cuoi)\s*(?:nam)?|nam)"
    r"\s*(?P<y>\d{4})?(?!\d)"
)
_RE_NINE = re.compile(
    r"(?<![\d/.,])(?:0?9|chin)\s*thang\s*(?:(?P<w>dau)\s*(?:nam)?|nam)\s*(?P<y>\d{4})?(?!\d)"
)
_RE_QUARTER = re.compile(
    rf"\bquy\s*(?P<q>{_ROMAN_Q})(?![a-z0-9])"
    rf"(?P<more>(?:\s*{_JOIN}\s*(?:quy\s*)?{_ROMAN_Q}(?![a-z0-9]))*)"
    r"(?:\s*(?:/|-|\.|,)?\s*(?:nam\s*)?(?P<y>\d{4}))?(?!\d)" + _YEARLY
)
_RE_QUARTER_Q = re.compile(r"\bq\.?\s*(?P<q>[1-4])(?![a-z0-9])(?:\s*(?:/|-)\s*(?P<y>\d{4}))?(?!\d)")
_RE_MONTH = re.compile(
    r"\bthang\s*(?P<m>\d{1,2})(?!\d)"
    rf"(?P<more>(?:\s*{_JOIN}\s*(?:thang\s*)?\d{{1,2}}(?!\d))*)"
    r"(?:\s*(?:/|-|\.)\s*(?P<y>\d{4})|\s*,?\s*nam\s*(?P<y2>\d{4}))?(?!\d)" + _YEARLY
)
_RE_MONTH_BARE = re.compile(
    r"(?:\bt\.?\s*)?(?<![\d/.:,-])(?P<m>\d{1,2})(?:\s*/\s*|[.-])(?P<y>\d{4})(?![\d/.-])"
)
_RE_DUE_DAY = re.compile(
    r"(?:\b(?P<pre>truoc|cham nhat(?: la)?|den|vao)\s+)?\bngay\s*(?P<d>\d{1,2})(?![\d/.-])"
    r"\s*,?\s*(?:(?:cua|hang|moi|cac)\s+)?"
    r"(?:(?P<last>thang\s+cuoi\s+(?:cua\s+)?(?:(?:moi|hang|cac)\s+)?(?:quy|ky))|thang(?!\s*\d))"
    r"(?![a-z])"
)
_RE_RECUR_HANG = re.compile(rf"(?:\bdinh ky\s*,?\s*)?\b(?:hang|moi)\s*(?:{_UNITS}){_UNIT_LIST}")
_RE_RECUR_DINH_KY = re.compile(
    rf"\bdinh ky\b(?:\s*[,:]?\s*(?:bao cao\s*)?(?:{_UNITS}){_UNIT_LIST})?"
)
_RE_RECUR_REPORT = re.compile(rf"(?<=bao cao )(?:{_UNITS}){_UNIT_LIST}")
_RE_RECUR_LIST = re.compile(
    rf"(?<![a-z0-9])(?:quy|(?:0?6|sau)\s*thang)(?![a-z])(?:\s*(?:,|va|&)\s*{_UNITS})+"
)
_RE_RECUR_TIMES = re.compile(
    rf"\b(?:0?1|mot)\s*lan\s*/\s*(?:{_UNITS})|(?<![a-z0-9])(?:{_UNITS})\s*/\s*(?:0?1|mot)\s*lan\b"
)
_RE_CONTINUOUS = re.compile(
    r"\b(?:thuong xuyen|lien tuc|quanh nam|suot nam)"
    r"(?:\s*(?:,|va)?\s*(?:thuong xuyen|lien tuc))?"
    r"(?:\s*(?:trong|ca|suot)\s*(?:ca\s*)?nam(?:\s*(?P<y>\d{4}))?(?!\d))?"
)
_RE_ON_REQUEST = (
    re.compile(
        r"\bdot xuat\b(?:\s*(?:theo|khi co|khi)\s*(?:yeu cau|quy dinh|chi dao|de nghi|van ban)"
        r"(?P<of>\s*cua\b)?)?"
    ),
    re.compile(r"\b(?:theo|khi co|khi|neu co)\s*(?:yeu cau|de nghi)(?P<of>\s*cua\b)?"),
    re.compile(r"\bkhi\s+(?:can thiet|co phat sinh|phat sinh)\b"),
)
_RE_EXTERNAL = (
    re.compile(
        r"\btheo\s+(?:ke hoach|quy dinh|huong dan|chi dao|lo trinh|tien do|thoi gian|thoi han"
        r"|van ban|quyet dinh|thong bao|cong van|chuong trinh|de an|nghi quyet|chi thi)"
        r"(?:\s+[a-z0-9&-]+){0,4}?(?P<of>\s+cua\b)"
    ),
    re.compile(r"\b(?:ngay\s+)?sau khi\b(?P<of>)"),
    re.compile(r"\bkhi co\s+(?:van ban|chi dao|huong dan|quyet dinh|ke hoach)\b(?P<of>)"),
)
_RE_BY_RULE = re.compile(r"\btheo\s+(?:dung\s+)?quy dinh(?:\s+hien hanh)?\b(?!\s*cua)")
_RE_EXTERNAL_WEAK = re.compile(
    r"\btheo\s+(?:ke hoach|lo trinh|huong dan|chi dao|tien do|van ban|quyet dinh|thong bao"
    r"|cong van|chuong trinh|de an|thoi gian|thoi han)\b"
)
_RE_YEAR = re.compile(
    r"(?:\b(?P<pre>trong|ca|het|den het|cuoi|suot|dau|giua)\s+)?\bnam\s*(?P<y>\d{4})(?!\d)"
)
_RE_YEAR_NO_DIGITS = re.compile(
    r"\b(?P<pre>trong|ca|cuoi|suot|het|den het|dau)\s+nam\b(?!\s*(?:\d|hoc|nay|sau|truoc|toi))"
)
_RE_YEAR_BARE = re.compile(rf"(?<![\d/.:,-])(?P<y>{_Y4})(?![\d/.:-])")

_PREFIX_WORD = re.compile(
    r"(?:^|(?<=\s))(?:truoc|cham nhat|muon nhat|han chot|den het|den|toi|trong vong|trong"
    r"|vao|cuoi|dau|giua|tuan dau|tuan cuoi|tu nay|ke tu nay|tu|het|la|ngay|khong qua"
    r"|khong muon hon)\s*$"
)
_HINT = re.compile(
    r"\d|\b(?:ngay|thang|quy|nam|tuan|ky|han|truoc|sau|dot xuat|yeu cau|dinh ky|thuong xuyen"
    r"|hang)\b"
)
_LABEL_VERBS = (
    "bao cao",
    "thuc hien",
    "ban hanh",
    "trien khai",
    "hoan thanh",
    "to chuc",
    "ra soat",
    "kiem tra",
    "xay dung",
    "gui ",
    "trinh ",
    "nop ",
    "tong hop",
    "ke hoach",
    "so ket",
    "tong ket",
    "danh gia",
    "phe duyet",
    "cap nhat",
    "cong bo",
)
_LEAD_CONNECTORS = ("hoac la", "hoac", "va", "hay", "con", "sau do", "dong thoi")
_EMPTY_LABELS = frozenset({"ngay", "thoi gian", "thoi han", "tien do", "han", "moc"})
_TRAIL_CONNECTORS = (
    "thoi gian thuc hien",
    "thoi gian",
    "thoi han",
    "han",
    "vao",
    "trong",
    "la",
    "hoac",
    "va",
    "tu",
    "den",
    "truoc",
)


# ------------------------------------------------------------------ hits


@dataclass(slots=True)
class _Hit:
    """One phrase found in a segment, before it becomes milestones."""

    start: int
    end: int
    kind: str
    values: tuple[int, ...] = ()
    year: int | None = None
    year2: int | None = None
    is_range: bool = False
    weak: bool = False
    extends: bool = False  # "… của X": the agency name runs on after the match
    prefix: str = ""
    units: frozenset[str] = field(default_factory=frozenset)
    due_day: int | None = None  # "trước ngày 15 của tháng cuối quý" for recurring reports
    due_before: bool = False

    @property
    def point(self) -> bool:
        return self.kind in {"date", "month", "quarter", "half", "nine", "year", "early"}


_Handler = Callable[["re.Match[str]"], "_Hit | None"]


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _year4(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def _h_span(m: re.Match[str]) -> _Hit | None:
    a, b = int(m["a"]), int(m["b"])
    if not a < b <= a + 30:
        return None
    return _Hit(m.start(), m.end(), "span", (a, b))


def _h_date_vn(m: re.Match[str]) -> _Hit | None:
    d, mo = int(m["d"]), int(m["m"])
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    return _Hit(m.start(), m.end(), "date", (d, mo), _int(m["y"]))


def _h_date_num(m: re.Match[str]) -> _Hit | None:
    d, mo = int(m["d"]), int(m["m"])
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    if m["sep"] != "/" and not m["y"]:
        return None  # "1-3", "2.5": not dates without a year
    return _Hit(m.start(), m.end(), "date", (d, mo), _year4(m["y"]))


def _h_half(m: re.Match[str]) -> _Hit | None:
    if not m["w"] and not m["y"]:
        return None
    return _Hit(m.start(), m.end(), "half", (2 if m["w"] == "cuoi" else 1,), _int(m["y"]))


def _h_nine(m: re.Match[str]) -> _Hit | None:
    if not m["w"] and not m["y"]:
        return None
    return _Hit(m.start(), m.end(), "nine", (), _int(m["y"]))


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _h_quarter(m: re.Match[str]) -> _Hit | None:
    more = m.groupdict().get("more") or ""
    quarters = [_ROMAN[m["q"]]] + [
        _ROMAN[x] for x in re.findall(rf"{_ROMAN_Q}(?![a-z0-9])", re.sub(r"quy", " ", more))
    ]
    is_range = bool(re.search(r"-|\bden\b|\btoi\b", more))
    return _Hit(m.start(), m.end(), "quarter", tuple(quarters), _int(m["y"]), is_range=is_range)


def _h_month(m: re.Match[str]) -> _Hit | None:
    months = [int(m["m"])] + [int(x) for x in re.findall(r"\d{1,2}", m["more"] or "")]
    if not all(1 <= x <= 12 for x in months):
        return None
    is_range = bool(re.search(r"-|\bden\b|\btoi\b", m["more"] or ""))
    year = _int(m["y"]) or _int(m["y2"])
    return _Hit(m.start(), m.end(), "month", tuple(months), year, is_range=is_range)


def _h_month_bare(m: re.Match[str]) -> _Hit | None:
    month = int(m["m"])
    if not 1 <= month <= 12:
        return None
    if re.search(r"\bso\s*$", m.string[: m.start()]):
        return None  # "số 12/2020/NQ-HĐND" is a document number
    return _Hit(m.start(), m.end(), "month", (month,), int(m["y"]))


_UNIT_KEYS = {
    "6thang": "half",
    "06thang": "half",
    "sauthang": "half",
    "nuanam": "half",
    "9thang": "nine",
    "09thang": "nine",
    "chinthang": "nine",
    "3thang": "quarter",
    "03thang": "quarter",
    "bathang": "quarter",
    "quy": "quarter",
    "nam": "year",
    "cuoinam": "year",
    "12thang": "year",
    "thang": "month",
    "tuan": "day",
    "ngay": "day",
}


def _h_recurring(m: re.Match[str]) -> _Hit | None:
    units = frozenset(_UNIT_KEYS[re.sub(r"\s+", "", u)] for u in _UNIT_TOKEN.findall(m.group()))
    return _Hit(m.start(), m.end(), "recurring", units=units)


def _h_due_day(m: re.Match[str]) -> _Hit | None:
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    units = frozenset({"quarter"} if m["last"] else {"month"})
    before = (m["pre"] or "") == "truoc"
    return _Hit(m.start(), m.end(), "due_day", units=units, due_day=day, due_before=before)


def _h_recurring_single(m: re.Match[str]) -> _Hit | None:
    hit = _h_recurring(m)
    if hit is not None and len(hit.units) == 1:
        hit.weak = True  # "(báo cáo năm)" beside a date only names the report
    return hit


def _h_continuous(m: re.Match[str]) -> _Hit | None:
    return _Hit(m.start(), m.end(), "continuous", (), _int(m["y"]))


def _h_on_request(m: re.Match[str]) -> _Hit | None:
    return _Hit(m.start(), m.end(), "on_request", extends=bool(m.groupdict().get("of")))


def _h_external(m: re.Match[str]) -> _Hit | None:
    return _Hit(m.start(), m.end(), "external", extends=True)


def _h_by_rule(m: re.Match[str]) -> _Hit | None:
    return _Hit(m.start(), m.end(), "by_rule")


def _h_external_weak(m: re.Match[str]) -> _Hit | None:
    return _Hit(m.start(), m.end(), "external", weak=True, extends=True)


def _h_year(m: re.Match[str]) -> _Hit | None:
    kind = "early" if m.groupdict().get("pre") == "dau" else "year"
    return _Hit(m.start(), m.end(), kind, (), _int(m.groupdict().get("y")))


_MATCHERS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (_RE_SPAN, _h_span),
    (_RE_DATE_VN, _h_date_vn),
    (_RE_DATE_NUM, _h_date_num),
    (_RE_HALF, _h_half),
    (_RE_NINE, _h_nine),
    (_RE_QUARTER, _h_quarter),
    (_RE_QUARTER_Q, _h_quarter),
    (_RE_MONTH, _h_month),
    (_RE_MONTH_BARE, _h_month_bare),
    (_RE_DUE_DAY, _h_due_day),
    (_RE_RECUR_HANG, _h_recurring),
    (_RE_RECUR_DINH_KY, _h_recurring),
    (_RE_RECUR_REPORT, _h_recurring_single),
    (_RE_RECUR_LIST, _h_recurring),
    (_RE_RECUR_TIMES, _h_recurring),
    (_RE_CONTINUOUS, _h_continuous),
    *((rx, _h_on_request) for rx in _RE_ON_REQUEST),
    *((rx, _h_external) for rx in _RE_EXTERNAL),
    (_RE_BY_RULE, _h_by_rule),
    (_RE_EXTERNAL_WEAK, _h_external_weak),
    (_RE_YEAR, _h_year),
    (_RE_YEAR_NO_DIGITS, _h_year),
    (_RE_YEAR_BARE, _h_year),
)


def _find_hits(folded: str) -> list[_Hit]:
    """Every phrase of `folded`, most specific pattern first, without overlaps, in order."""
    hits: list[_Hit] = []
    for pattern, handler in _MATCHERS:
        for m in pattern.finditer(folded):
            if m.end() <= m.start():
                continue
            if any(m.start() < h.end and h.start < m.end() for h in hits):
                continue
            hit = handler(m)
            if hit is not None:
                hits.append(hit)
    hits.sort(key=lambda h: h.start)
    return hits


# ------------------------------------------------------------------ segment analysis


@dataclass(slots=True)
class _Part:
    """A phrase with its label, ready to become milestones."""

    hit: _Hit
    label: str
    source: str
    lead: str  # folded words before the phrase (for "Báo cáo theo quy định")
    explicit: bool = False  # the label is a "Label:" before a colon, not words before the phrase


def _clean_label(raw: str) -> str:
    text = raw.strip(_STRIP + "()")
    changed = True
    while changed and text:
        changed = False
        folded = _fold_aligned(text)
        for word in _LEAD_CONNECTORS:
            if folded == word or folded.startswith(word + " "):
                text = text[len(word) :].strip(_STRIP)
                changed = True
                break
        folded = _fold_aligned(text)
        for word in _TRAIL_CONNECTORS:
            if folded == word or folded.endswith(" " + word):
                text = text[: len(text) - len(word)].strip(_STRIP)
                changed = True
                break
    text = re.sub(r"\s+", " ", text)
    if _fold_aligned(text) in _EMPTY_LABELS:
        return ""
    return text[:1].upper() + text[1:] if text else ""


def _absorb_prefix(folded: str, hit: _Hit, floor: int) -> None:
    """Move `hit.start` back over "trước", "chậm nhất", "đến hết", "trong", "vào" …"""
    words: list[str] = []
    start = hit.start
    while start > floor:
        m = _PREFIX_WORD.search(folded, floor, start)
        if m is None or m.start() < floor:
            break
        words.insert(0, m.group().strip())
        start = m.start()
    hit.start = start
    hit.prefix = " ".join(words)


def _agency_end(seg: str, folded: str, start: int, limit: int) -> int:
    """Where the agency named after "… của" ends: punctuation, a new clause or `limit`."""
    pos = start
    n = min(limit, len(seg))
    first = True
    while pos < n:
        while pos < n and seg[pos] == " ":
            pos += 1
        if pos >= n:
            break
        if seg[pos] in ",;:.()":
            return pos
        rest = folded[pos:n]
        if rest.startswith("- ") and not first:
            return pos
        if not first:
            if seg[pos].isupper() and any(rest.startswith(v) for v in _LABEL_VERBS):
                return pos
            if re.match(r"(?:va|hoac)\s+(?:" + "|".join(_LABEL_VERBS) + ")", rest):
                return pos
        word_end = seg.find(" ", pos, n)
        pos = n if word_end < 0 else word_end
        first = False
    return n


def _analyse_segment(seg: str) -> tuple[list[_Part], bool]:
    """Phrases of one segment with labels; the flag says the segment has time words."""
    folded = _fold_aligned(seg)
    colon = _label_colon(seg)
    label = ""
    base = 0
    hits: list[_Hit]
    if colon is not None:
        left_hits = _find_hits(folded[:colon])
        right_hits = _find_hits(folded[colon + 1 :])
        if any(not h.weak for h in right_hits) or (right_hits and not left_hits):
            # "Kế hoạch CCHC năm 2021: trước 31/12/2020": the year names the plan
            label, base, hits = _clean_label(seg[:colon]), colon + 1, right_hits
        elif left_hits:
            label, hits = _clean_label(seg[colon + 1 :]), left_hits  # "Quý I/2021: Kế hoạch"
        else:
            hits = []
    else:
        hits = _find_hits(folded)
    if base:
        for h in hits:
            h.start += base
            h.end += base
    has_hint = bool(_HINT.search(folded))
    parts: list[_Part] = []
    floor = base
    previous_label = label
    for i, hit in enumerate(hits):
        if hit.point:
            _absorb_prefix(folded, hit, floor)
        gap = seg[floor : hit.start]
        lead = _clean_label(gap)
        own = label or lead
        if not own and previous_label and _only_connectors(_fold_aligned(gap)):
            own = previous_label
        next_start = hits[i + 1].start if i + 1 < len(hits) else len(seg)
        end = _agency_end(seg, folded, hit.end, next_start) if hit.extends else hit.end
        parts.append(_Part(hit, own, seg, _fold_aligned(gap), explicit=bool(label)))
        previous_label = own
        if hit.weak and hit.kind == "recurring" and i + 1 < len(hits):
            continue  # "Báo cáo 6 tháng trước ngày 15/6": the report's name labels the date
        floor = max(end, hit.end)
    return parts, has_hint


def _only_connectors(folded_gap: str) -> bool:
    words = re.sub(r"[^a-z0-9 ]", " ", folded_gap).split()
    return all(w in {"hoac", "va", "hay", "la"} for w in words)


def _label_colon(seg: str) -> int | None:
    for m in re.finditer(r":(?!\d)", seg):
        if re.search(r"[^\W\d_]", seg[: m.start()]):
            return m.start()
    return None


def _propagate_years(parts: list[_Part], seg_folded: str) -> None:
    """A phrase without a year takes the next one's when only "và", ",", "-", "đến" part them."""
    for i in range(len(parts) - 2, -1, -1):
        hit, nxt = parts[i].hit, parts[i + 1].hit
        if hit.point and hit.year is None and nxt.point and nxt.year is not None:
            gap = seg_folded[hit.end : nxt.start]
            if re.fullmatch(r"[\s,&-]*(?:(?:va|hoac|den|toi|den het)\b[\s,-]*)?", gap):
                hit.year = nxt.year


def _merge_modifiers(parts: list[_Part], seg_folded: str) -> list[_Part]:
    """Fold "ngày N … tháng cuối quý" into the recurring reports and drop a "theo quy định"
    that only qualifies the phrase before it ("định kỳ theo quy định")."""
    recurring = [p.hit for p in parts if p.hit.kind == "recurring"]
    kept: list[_Part] = []
    for i, part in enumerate(parts):
        hit = part.hit
        if hit.kind == "due_day":
            if recurring:
                for r in recurring:
                    r.due_day, r.due_before = hit.due_day, hit.due_before
                continue
            hit.kind = "recurring"
        if hit.kind == "by_rule" and i > 0:
            prev = parts[i - 1].hit
            gap = seg_folded[prev.end : hit.start]
            if prev.kind in {"recurring", "on_request"} and not gap.strip(" ,"):
                continue
        kept.append(part)
    return kept


def _drop_range_starts(parts: list[_Part], seg_folded: str) -> list[_Part]:
    """ "từ A đến B", "A - B": only the end B is a deadline."""
    kept: list[_Part] = []
    for i, part in enumerate(parts):
        nxt = parts[i + 1].hit if i + 1 < len(parts) else None
        hit = part.hit
        if nxt is not None and hit.point and nxt.point:
            gap = seg_folded[hit.end : nxt.start].strip()
            to_word = re.search(r"\b(?:den|toi)\b", nxt.prefix) is not None
            if gap == "-" or gap in {"den", "toi", "den het"} or (not gap and to_word):
                if nxt.year is None:
                    nxt.year = hit.year
                continue
        kept.append(part)
    return kept


# ------------------------------------------------------------------ milestones


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, slots=True)
class _Context:
    plan_year: int
    decision: dt.date | None
    rules: ReportingRules


def _before(kind_start: dt.date, label: str, source: str) -> Milestone:
    due = kind_start - dt.timedelta(days=1)
    return Milestone(MilestoneKind.DATE, due, due.isoformat(), source, label)


def _unscheduled(source: str, label: str = "", warning: str = "") -> Milestone:
    return Milestone(MilestoneKind.UNSCHEDULED, None, None, source, label, warning)


_CALENDAR_KINDS = frozenset({"date", "month", "quarter", "early", "half", "nine", "year"})


def _part_milestones(part: _Part, ctx: _Context) -> list[Milestone]:
    hit, label, source = part.hit, part.label, part.source
    year = hit.year if hit.year is not None else ctx.plan_year
    before = re.search(r"\btruoc\b", hit.prefix) is not None
    if hit.point and not _MIN_YEAR <= year <= _MAX_YEAR:
        return [_unscheduled(source, label, f"Năm {year} không hợp lệ.")]
    kind = hit.kind
    if kind in _CALENDAR_KINDS:
        return _calendar_milestones(hit, year, before, label, source)
    if kind == "span":
        a, b = hit.values
        return [Milestone(MilestoneKind.SPAN, dt.date(b, 12, 31), f"{a}-{b}", source, label)]
    if kind == "continuous":
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            return [_unscheduled(source, label, f"Năm {year} không hợp lệ.")]
        return [Milestone(MilestoneKind.CONTINUOUS, None, str(year), source, label)]
    if kind == "recurring":
        return _recurring(hit, label, source, ctx)
    if kind == "by_rule":
        report = "bao cao" in part.lead or "bao cao" in _fold_aligned(label)
        rule_kind = MilestoneKind.ON_REQUEST if report else MilestoneKind.EXTERNAL
        return [Milestone(rule_kind, None, None, source, label)]
    if kind == "on_request":
        return [Milestone(MilestoneKind.ON_REQUEST, None, None, source, label)]
    if kind == "external":
        return [Milestone(MilestoneKind.EXTERNAL, None, None, source, label)]
    return [_unscheduled(source, label)]


def _calendar_milestones(
    hit: _Hit, year: int, before: bool, label: str, source: str
) -> list[Milestone]:
    """A date, month(s), quarter(s), half, nine months or year; "trước" means the day before."""
    kind = hit.kind
    if kind == "date":
        d, m = hit.values
        try:
            day = dt.date(year, m, d)
        except ValueError:
            return [_unscheduled(source, label, f"Ngày {d}/{m}/{year} không có trong lịch.")]
        if before:
            return [_before(day, label, source)]
        return [Milestone(MilestoneKind.DATE, day, day.isoformat(), source, label)]
    if kind == "month":
        months = hit.values[-1:] if hit.is_range else hit.values
        if before:
            return [_before(dt.date(year, months[0], 1), label, source)]
        return [
            Milestone(MilestoneKind.MONTH, _last_day(year, m), f"{year}-{m:02d}", source, label)
            for m in months
        ]
    if kind in {"quarter", "early"}:
        quarters = hit.values[-1:] if hit.is_range else (hit.values or (1,))
        if before:
            return [_before(dt.date(year, quarters[0] * 3 - 2, 1), label, source)]
        return [
            Milestone(MilestoneKind.QUARTER, _last_day(year, q * 3), f"{year}-Q{q}", source, label)
            for q in quarters
        ]
    if kind == "half":
        half = hit.values[0]
        if before:
            return [_before(dt.date(year, 1 if half == 1 else 7, 1), label, source)]
        due = dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31)
        return [Milestone(MilestoneKind.HALF_YEAR, due, f"{year}-H{half}", source, label)]
    if kind == "nine":
        if before:
            return [_before(dt.date(year, 1, 1), label, source)]
        return [
            Milestone(MilestoneKind.NINE_MONTHS, dt.date(year, 9, 30), f"{year}-9M", source, label)
        ]
    # "year"
    if before:
        return [_before(dt.date(year, 1, 1), label, source)]
    return [Milestone(MilestoneKind.YEAR, dt.date(year, 12, 31), str(year), source, label)]


def _recurring(hit: _Hit, label: str, source: str, ctx: _Context) -> list[Milestone]:
    year, rules, units = ctx.plan_year, ctx.rules, hit.units
    half = "half" in units
    nine = "nine" in units
    yearly = "year" in units
    quarterly = "quarter" in units
    monthly = "month" in units
    every_day = "day" in units
    if not (half or nine or yearly or quarterly or monthly or every_day):
        quarterly = half = yearly = True  # "Định kỳ": the four official reports
    out: list[Milestone] = []
    if every_day and not (half or nine or yearly or quarterly or monthly):
        return [Milestone(MilestoneKind.CONTINUOUS, None, str(year), source, label)]
    slots: list[tuple[str, dt.date]] = []
    if monthly:
        slots.extend((f"{year}-{m:02d}", month_due(m, year, rules)) for m in range(1, 13))
    if quarterly:
        slots.append((period_code(ReportingPeriod.Q1, year), quarter_due(1, year, rules)))
    if half:
        slots.append(
            (period_code(ReportingPeriod.H1, year), period_due(ReportingPeriod.H1, year, rules))
        )
    elif quarterly:
        slots.append((f"{year}-Q2", quarter_due(2, year, rules)))
    if quarterly or nine:
        slots.append(
            (period_code(ReportingPeriod.Q3, year), period_due(ReportingPeriod.Q3, year, rules))
        )
    if yearly or (half and not quarterly):
        slots.append(
            (period_code(ReportingPeriod.Y, year), period_due(ReportingPeriod.Y, year, rules))
        )
    elif quarterly:
        slots.append((f"{year}-Q4", quarter_due(4, year, rules)))
    if hit.due_day is not None:
        slots = [(code, _on_day(due, hit.due_day, hit.due_before)) for code, due in slots]
    seen: set[str] = set()
    for code, due in sorted(slots, key=lambda s: (s[1], not s[0][5:].isdigit())):
        if code not in seen:
            seen.add(code)
            out.append(Milestone(MilestoneKind.RECURRING, due, code, source, label))
    return out


def _on_day(due: dt.date, day: int, before: bool) -> dt.date:
    """`due` moved to `day` of its month (clamped to the month's end), or the day before it."""
    moved = due.replace(day=min(day, calendar.monthrange(due.year, due.month)[1]))
    return moved - dt.timedelta(days=1) if before else moved


def _warning(m: Milestone, ctx: _Context) -> str:
    notes: list[str] = []
    if ctx.decision is not None and m.due is not None and m.due < ctx.decision:
        notes.append(
            f"Thời hạn {m.due:%d/%m/%Y} trước ngày ban hành quyết định {ctx.decision:%d/%m/%Y}."
        )
    year = ctx.plan_year
    if m.kind in {
        MilestoneKind.YEAR,
        MilestoneKind.HALF_YEAR,
        MilestoneKind.NINE_MONTHS,
        MilestoneKind.CONTINUOUS,
    }:
        stated = int((m.period or "0")[:4])
        if stated != year:
            notes.append(f"Năm {stated} khác năm của kế hoạch ({year}).")
    elif m.kind == MilestoneKind.SPAN and m.period:
        a, b = (int(x) for x in m.period.split("-"))
        if not a <= year <= b:
            notes.append(f"Giai đoạn {a}-{b} không gồm năm của kế hoạch ({year}).")
    elif (
        m.kind in {MilestoneKind.DATE, MilestoneKind.MONTH, MilestoneKind.QUARTER}
        and m.due is not None
        and not dt.date(year - 1, 10, 1) <= m.due <= dt.date(year + 1, 3, 31)
    ):
        notes.append(f"Thời hạn {m.due:%d/%m/%Y} không thuộc năm của kế hoạch ({year}).")
    if m.warning:
        notes.insert(0, m.warning)
    return " ".join(notes)


def _parse(
    text: str, plan_year: int, decision: dt.date | None, rules: ReportingRules
) -> list[Milestone]:
    ctx = _Context(plan_year, decision, rules)
    normalised = _normalise(text[:_MAX_INPUT])
    whole = re.sub(r"\s+", " ", normalised).strip()
    if not _MIN_YEAR <= plan_year <= _MAX_YEAR:
        return [_unscheduled(whole, warning=f"Năm kế hoạch {plan_year} không hợp lệ.")]
    strong: list[tuple[_Part | None, list[Milestone]]] = []
    weak: list[tuple[_Part | None, list[Milestone]]] = []
    for seg in _segments(normalised):
        parts, has_hint = _analyse_segment(seg)
        seg_folded = _fold_aligned(seg)
        _propagate_years(parts, seg_folded)
        parts = _merge_modifiers(parts, seg_folded)
        parts = _drop_range_starts(parts, seg_folded)
        for part in parts:
            (weak if part.hit.weak else strong).append((part, _part_milestones(part, ctx)))
        if not parts and has_hint:
            strong.append((None, [_unscheduled(seg)]))
    phrases = strong or weak
    if not phrases:
        return [_unscheduled(whole)]
    milestones: list[Milestone] = []
    for phrase, found in phrases:
        if len(phrases) == 1 and phrase is not None and not phrase.explicit:
            # A lone phrase's leading words are its verb ("Hoàn thành trước …"), not a label
            # telling milestones of the cell apart.
            found = [_relabel(m, "") for m in found]
        milestones.extend(found)
    unique: list[Milestone] = []
    seen: set[tuple[Any, ...]] = set()
    for m in milestones:
        key = (m.kind, m.due, m.period, m.label)
        if key in seen:
            continue
        seen.add(key)
        warning = _warning(m, ctx)
        unique.append(_with_warning(m, warning))
    return unique


def _relabel(m: Milestone, label: str) -> Milestone:
    return Milestone(m.kind, m.due, m.period, m.source, label, m.warning, m.confirmed, m.overridden)


def _with_warning(m: Milestone, warning: str) -> Milestone:
    if warning == m.warning:
        return m
    return Milestone(m.kind, m.due, m.period, m.source, m.label, warning, m.confirmed, m.overridden)


# ------------------------------------------------------------------ public API


def parse_timeline(
    text: str,
    plan_year: int,
    decision_date: dt.date | None = None,
    periods: ReportingRules | None = None,
) -> list[Milestone]:
    """Read a timeline cell into milestones; never raises.

    Args:
        text: the "Thời gian thực hiện" cell as written (HTML remnants and NFD allowed).
        plan_year: the plan's year; phrases without a year take it, recurring reports
            expand within it.
        decision_date: the decision issuing the plan; earlier due dates get a warning.
        periods: the office's reporting rules (due day of the periodic reports).

    Returns:
        The milestones in text order; at least one. Text the parser does not understand gives
        an `unscheduled` milestone keeping the text (the caller flags the task).
    """
    try:
        raw: object = text
        source = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
        return _parse(source, int(plan_year), decision_date, periods or ReportingRules())
    except Exception:  # noqa: BLE001 - the contract is "never raises": a clerk's odd cell must not crash import
        _log.exception("Không đọc được thời gian thực hiện: %r", text)
        try:
            kept = re.sub(r"\s+", " ", str(text)).strip()
        except Exception:  # noqa: BLE001 - str() of an arbitrary object may itself fail
            kept = ""
        return [_unscheduled(kept)]


def timeline_needs_review(milestones: Iterable[Milestone]) -> bool:
    """True when a clerk should look at the task: a milestone is unscheduled or has a warning."""
    return any(m.kind == MilestoneKind.UNSCHEDULED or m.warning for m in milestones)


def milestones_to_json(milestones: Sequence[Milestone]) -> list[dict[str, str | None]]:
    """The `parse-deadline --json` form: {"label", "kind", "due" (YYYY-MM-DD or null), "period"}."""
    return [
        {
            "label": m.label,
            "kind": m.kind.value,
            "due": m.due.isoformat() if m.due is not None else None,
            "period": m.period,
        }
        for m in milestones
    ]
