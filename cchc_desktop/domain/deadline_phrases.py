"""The phrases of a Vietnamese timeline cell, found on its accent-free copy (the lexer of
`deadlines`): text normalisation, cutting into segments, and the patterns that recognise dates,
months, quarters, half years, recurring reports, continuous work and the like, each turned into
a `Hit` (what it is, where it stands, the numbers it names).

`deadlines` builds the milestones from these hits; DESIGN.md §3 and its docstring give the rules.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from cchc_desktop.domain.text import fold

MIN_YEAR = 1900
MAX_YEAR = 2199
MAX_INPUT = 20_000  # characters; a timeline cell is a few lines, anything longer is noise

# ------------------------------------------------------------------ normalisation

_TAG = re.compile(r"<[^<>]*>|<[^<>]*$")
_MARKUP = re.compile(r"\*\*|__|`|\*(?=\S)|(?<=\S)\*")
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2e3a\u2e3b]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_HSPACE = re.compile(r"[^\S\n]+")


def normalise(text: str) -> str:
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


def fold_aligned(s: str) -> str:
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
STRIP = " \t-+•·*:,;."


def segments(s: str) -> list[str]:
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
    return [seg for seg in (p.strip(STRIP) for p in out) if seg]


def _split_bullets(piece: str) -> list[str]:
    folded = fold_aligned(piece)
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


@dataclass(slots=True)
class Hit:
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


_Handler = Callable[["re.Match[str]"], "Hit | None"]


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _year4(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def _h_span(m: re.Match[str]) -> Hit | None:
    a, b = int(m["a"]), int(m["b"])
    if not a < b <= a + 30:
        return None
    return Hit(m.start(), m.end(), "span", (a, b))


def _h_date_vn(m: re.Match[str]) -> Hit | None:
    d, mo = int(m["d"]), int(m["m"])
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    return Hit(m.start(), m.end(), "date", (d, mo), _int(m["y"]))


def _h_date_num(m: re.Match[str]) -> Hit | None:
    d, mo = int(m["d"]), int(m["m"])
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    if m["sep"] != "/" and not m["y"]:
        return None  # "1-3", "2.5": not dates without a year
    return Hit(m.start(), m.end(), "date", (d, mo), _year4(m["y"]))


def _h_half(m: re.Match[str]) -> Hit | None:
    if not m["w"] and not m["y"]:
        return None
    return Hit(m.start(), m.end(), "half", (2 if m["w"] == "cuoi" else 1,), _int(m["y"]))


def _h_nine(m: re.Match[str]) -> Hit | None:
    if not m["w"] and not m["y"]:
        return None
    return Hit(m.start(), m.end(), "nine", (), _int(m["y"]))


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _h_quarter(m: re.Match[str]) -> Hit | None:
    more = m.groupdict().get("more") or ""
    quarters = [_ROMAN[m["q"]]] + [
        _ROMAN[x] for x in re.findall(rf"{_ROMAN_Q}(?![a-z0-9])", re.sub(r"quy", " ", more))
    ]
    is_range = bool(re.search(r"-|\bden\b|\btoi\b", more))
    return Hit(m.start(), m.end(), "quarter", tuple(quarters), _int(m["y"]), is_range=is_range)


def _h_month(m: re.Match[str]) -> Hit | None:
    months = [int(m["m"])] + [int(x) for x in re.findall(r"\d{1,2}", m["more"] or "")]
    if not all(1 <= x <= 12 for x in months):
        return None
    is_range = bool(re.search(r"-|\bden\b|\btoi\b", m["more"] or ""))
    year = _int(m["y"]) or _int(m["y2"])
    return Hit(m.start(), m.end(), "month", tuple(months), year, is_range=is_range)


def _h_month_bare(m: re.Match[str]) -> Hit | None:
    month = int(m["m"])
    if not 1 <= month <= 12:
        return None
    if re.search(r"\bso\s*$", m.string[: m.start()]):
        return None  # "số 12/2020/NQ-HĐND" is a document number
    return Hit(m.start(), m.end(), "month", (month,), int(m["y"]))


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


def _h_recurring(m: re.Match[str]) -> Hit | None:
    units = frozenset(_UNIT_KEYS[re.sub(r"\s+", "", u)] for u in _UNIT_TOKEN.findall(m.group()))
    return Hit(m.start(), m.end(), "recurring", units=units)


def _h_due_day(m: re.Match[str]) -> Hit | None:
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    units = frozenset({"quarter"} if m["last"] else {"month"})
    before = (m["pre"] or "") == "truoc"
    return Hit(m.start(), m.end(), "due_day", units=units, due_day=day, due_before=before)


def _h_recurring_single(m: re.Match[str]) -> Hit | None:
    hit = _h_recurring(m)
    if hit is not None and len(hit.units) == 1:
        hit.weak = True  # "(báo cáo năm)" beside a date only names the report
    return hit


def _h_continuous(m: re.Match[str]) -> Hit | None:
    return Hit(m.start(), m.end(), "continuous", (), _int(m["y"]))


def _h_on_request(m: re.Match[str]) -> Hit | None:
    return Hit(m.start(), m.end(), "on_request", extends=bool(m.groupdict().get("of")))


def _h_external(m: re.Match[str]) -> Hit | None:
    return Hit(m.start(), m.end(), "external", extends=True)


def _h_by_rule(m: re.Match[str]) -> Hit | None:
    return Hit(m.start(), m.end(), "by_rule")


def _h_external_weak(m: re.Match[str]) -> Hit | None:
    return Hit(m.start(), m.end(), "external", weak=True, extends=True)


def _h_year(m: re.Match[str]) -> Hit | None:
    kind = "early" if m.groupdict().get("pre") == "dau" else "year"
    return Hit(m.start(), m.end(), kind, (), _int(m.groupdict().get("y")))


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


def find_hits(folded: str) -> list[Hit]:
    """Every phrase of `folded`, most specific pattern first, without overlaps, in order."""
    hits: list[Hit] = []
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
