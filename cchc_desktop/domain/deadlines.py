"""Vietnamese timeline text → dated milestones (DESIGN.md §3); never raises.

The phrases themselves (steps 1, 2 and the patterns of step 4) are found by
`deadline_phrases`; this module labels them and builds the milestones.

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
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cchc_desktop.domain.deadline_phrases import (
    MAX_INPUT,
    MAX_YEAR,
    MIN_YEAR,
    STRIP,
    Hit,
    find_hits,
    fold_aligned,
    normalise,
    segments,
)
from cchc_desktop.domain.model import Milestone, MilestoneKind
from cchc_desktop.domain.periods import (
    ReportingPeriod,
    ReportingRules,
    month_due,
    period_code,
    period_due,
    quarter_due,
)

__all__ = ["milestones_to_json", "parse_timeline", "timeline_needs_review"]

_log = logging.getLogger(__name__)

# ------------------------------------------------------------------ labels

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


# ------------------------------------------------------------------ segment analysis


@dataclass(slots=True)
class _Part:
    """A phrase with its label, ready to become milestones."""

    hit: Hit
    label: str
    source: str
    lead: str  # folded words before the phrase (for "Báo cáo theo quy định")
    explicit: bool = False  # the label is a "Label:" before a colon, not words before the phrase


def _clean_label(raw: str) -> str:
    text = raw.strip(STRIP + "()")
    changed = True
    while changed and text:
        changed = False
        folded = fold_aligned(text)
        for word in _LEAD_CONNECTORS:
            if folded == word or folded.startswith(word + " "):
                text = text[len(word) :].strip(STRIP)
                changed = True
                break
        folded = fold_aligned(text)
        for word in _TRAIL_CONNECTORS:
            if folded == word or folded.endswith(" " + word):
                text = text[: len(text) - len(word)].strip(STRIP)
                changed = True
                break
    text = re.sub(r"\s+", " ", text)
    if fold_aligned(text) in _EMPTY_LABELS:
        return ""
    return text[:1].upper() + text[1:] if text else ""


def _absorb_prefix(folded: str, hit: Hit, floor: int) -> None:
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
    folded = fold_aligned(seg)
    colon = _label_colon(seg)
    label = ""
    base = 0
    hits: list[Hit]
    if colon is not None:
        left_hits = find_hits(folded[:colon])
        right_hits = find_hits(folded[colon + 1 :])
        if any(not h.weak for h in right_hits) or (right_hits and not left_hits):
            # "Kế hoạch CCHC năm 2021: trước 31/12/2020": the year names the plan
            label, base, hits = _clean_label(seg[:colon]), colon + 1, right_hits
        elif left_hits:
            label, hits = _clean_label(seg[colon + 1 :]), left_hits  # "Quý I/2021: Kế hoạch"
        else:
            hits = []
    else:
        hits = find_hits(folded)
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
        if not own and previous_label and _only_connectors(fold_aligned(gap)):
            own = previous_label
        next_start = hits[i + 1].start if i + 1 < len(hits) else len(seg)
        end = _agency_end(seg, folded, hit.end, next_start) if hit.extends else hit.end
        parts.append(_Part(hit, own, seg, fold_aligned(gap), explicit=bool(label)))
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
    if hit.point and not MIN_YEAR <= year <= MAX_YEAR:
        return [_unscheduled(source, label, f"Năm {year} không hợp lệ.")]
    kind = hit.kind
    if kind in _CALENDAR_KINDS:
        return _calendar_milestones(hit, year, before, label, source)
    if kind == "span":
        a, b = hit.values
        return [Milestone(MilestoneKind.SPAN, dt.date(b, 12, 31), f"{a}-{b}", source, label)]
    if kind == "continuous":
        if not MIN_YEAR <= year <= MAX_YEAR:
            return [_unscheduled(source, label, f"Năm {year} không hợp lệ.")]
        return [Milestone(MilestoneKind.CONTINUOUS, None, str(year), source, label)]
    if kind == "recurring":
        return _recurring(hit, label, source, ctx)
    if kind == "by_rule":
        report = "bao cao" in part.lead or "bao cao" in fold_aligned(label)
        rule_kind = MilestoneKind.ON_REQUEST if report else MilestoneKind.EXTERNAL
        return [Milestone(rule_kind, None, None, source, label)]
    if kind == "on_request":
        return [Milestone(MilestoneKind.ON_REQUEST, None, None, source, label)]
    if kind == "external":
        return [Milestone(MilestoneKind.EXTERNAL, None, None, source, label)]
    return [_unscheduled(source, label)]


def _calendar_milestones(
    hit: Hit, year: int, before: bool, label: str, source: str
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


def _recurring(hit: Hit, label: str, source: str, ctx: _Context) -> list[Milestone]:
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
    normalised = normalise(text[:MAX_INPUT])
    whole = re.sub(r"\s+", " ", normalised).strip()
    if not MIN_YEAR <= plan_year <= MAX_YEAR:
        return [_unscheduled(whole, warning=f"Năm kế hoạch {plan_year} không hợp lệ.")]
    strong: list[tuple[_Part | None, list[Milestone]]] = []
    weak: list[tuple[_Part | None, list[Milestone]]] = []
    for seg in segments(normalised):
        parts, has_hint = _analyse_segment(seg)
        seg_folded = fold_aligned(seg)
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
