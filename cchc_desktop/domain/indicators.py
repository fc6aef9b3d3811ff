"""The plan's numeric targets (chỉ tiêu): read from its text, and judged against reported values.

The national CCHC plans state the same kinds of target every year with different numbers
(DESIGN.md §2): files resolved on time, online public services at level 3/4 with files, files
handled at level 3 and at level 4, files through the public postal service, communes using the
e-office software, the reform news bulletin. Each rule below recognises one kind in the
accent-free text of a paragraph or task and reads its number, so a later plan's "80%" gives 80.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from cchc_desktop.domain.text import clean, fold
from cchc_desktop.errors import ValidationError

COMPARATORS = (">=", "=", "<=")
COMPARATOR_LABELS = {">=": "từ … trở lên", "=": "đúng bằng", "<=": "không quá"}


@dataclass(frozen=True, slots=True)
class IndicatorTarget:
    """One target as the plan states it."""

    key: str  # stable name of the rule that found it
    title: str
    unit: str  # "%", "xã", "kỳ/tháng"
    target: Decimal
    comparator: str  # ">=", "=", "<="
    source: str  # the sentence it was read from


@dataclass(frozen=True, slots=True)
class _Rule:
    key: str
    title: str
    unit: str
    pattern: re.Pattern[str]  # on folded text; group "n" is the number (and "of" a total)
    comparator: str = ">="


_NUM = r"(?P<n>\d{1,3}(?:[.,]\d+)?)"
RULES: tuple[_Rule, ...] = (
    _Rule(
        "on_time",
        "Hồ sơ thủ tục hành chính được giải quyết đúng hạn và trước hạn",
        "%",
        re.compile(_NUM + r" ?% ho so (thu tuc hanh chinh|tthc)[^.;]{0,40}?(dung han|dung hen)"),
    ),
    _Rule(
        "online_with_files",
        "Thủ tục cung cấp dịch vụ công mức độ 3, 4 có phát sinh hồ sơ",
        "%",
        re.compile(r"muc do 3,? (va |muc do )?4 co phat sinh ho so dat (tu )?" + _NUM + " ?%"),
    ),
    _Rule(
        "level_3",
        "Hồ sơ được xử lý ở mức độ 3",
        "%",
        re.compile(r"ho so duoc xu ly (o )?muc do 3 dat (tu )?" + _NUM + " ?%"),
    ),
    _Rule(
        "level_4",
        "Hồ sơ được xử lý ở mức độ 4",
        "%",
        re.compile(r"ho so duoc xu ly (o )?muc do 4 dat (tu )?" + _NUM + " ?%"),
    ),
    _Rule(
        "postal",
        "Thủ tục có hồ sơ tiếp nhận hoặc trả kết quả qua dịch vụ bưu chính công ích",
        "%",
        re.compile(_NUM + r" ?% (tthc|thu tuc hanh chinh)[^.;]{0,120}?buu chinh cong ich"),
    ),
    _Rule(
        "e_office_communes",
        "Xã, thị trấn sử dụng phần mềm quản lý văn bản và một cửa điện tử",
        "xã",
        re.compile(r"(?P<n>\d{1,3}) ?/ ?(?P<of>\d{1,3}) (xa|don vi)"),
    ),
    _Rule(
        "bulletin",
        "Bản tin cải cách hành chính phát sóng, đăng tải",
        "kỳ/tháng",
        re.compile(r"ban tin[^.;]{0,160}?(toi thieu|it nhat) (?P<n>\d{1,2}) ky ?/ ?thang"),
    ),
)


def extract_targets(texts: Iterable[str]) -> list[IndicatorTarget]:
    """The targets found in `texts` (paragraphs first, then task titles), one per rule, in
    rule order; the first text that states a kind of target wins."""
    found: dict[str, IndicatorTarget] = {}
    for text in texts:
        folded = fold(text)
        if len(folded) != len(text):
            # Folding keeps one character per character for Vietnamese; if something else
            # changed the length, positions would not map back: fall back to the whole text.
            folded = fold(clean(text))
        for rule in RULES:
            if rule.key in found:
                continue
            match = rule.pattern.search(folded)
            if match is None:
                continue
            found[rule.key] = IndicatorTarget(
                key=rule.key,
                title=rule.title,
                unit=rule.unit,
                target=parse_number(match.group("n")),
                comparator=rule.comparator,
                source=_sentence(text, folded, match.start(), match.end()),
            )
    return [found[r.key] for r in RULES if r.key in found]


def _sentence(text: str, folded: str, start: int, end: int) -> str:
    """The clause of `text` around a match: from the previous ";" or "." to the next."""
    if len(folded) != len(text):
        return clean(text)[:300]
    left = max(text.rfind(";", 0, start), text.rfind(". ", 0, start))
    right_candidates = [i for i in (text.find(";", end), text.find(". ", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return clean(text[left + 1 : right].strip(" -;."))


def parse_number(text: str) -> Decimal:
    """A number as clerks write it: "75", "75,5", "75.5", "1.234,5"; ValidationError if not."""
    cleaned = clean(text).replace(" ", "").replace("%", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") == 1 and len(cleaned.split(".")[1]) == 3 and len(cleaned) > 4:
        cleaned = cleaned.replace(".", "")  # "1.234" is a thousand separator in Vietnamese
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(f"“{text}” không phải là một số (ví dụ: 75 hoặc 75,5).") from None
    if not value.is_finite():
        raise ValidationError(f"“{text}” không phải là một số (ví dụ: 75 hoặc 75,5).")
    return value


def validate_value(value: Decimal, unit: str) -> Decimal:
    """A reported value must not be negative, and a percentage not above 100."""
    if value < 0:
        raise ValidationError("Giá trị chỉ tiêu không được âm.")
    if unit == "%" and value > 100:
        raise ValidationError("Tỷ lệ phần trăm không được lớn hơn 100.")
    return value


@dataclass(frozen=True, slots=True)
class Attainment:
    """How a reported value stands against the target."""

    met: bool | None  # None: nothing reported yet
    ratio: Decimal | None  # value / target (None without a value or with a zero target)

    @property
    def text(self) -> str:
        if self.met is None:
            return "Chưa có số liệu"
        if self.met:
            return "Đạt"
        if self.ratio is None:
            return "Chưa đạt"
        return f"Chưa đạt ({_percent(self.ratio)} mục tiêu)"


def attainment(target: Decimal, comparator: str, value: Decimal | None) -> Attainment:
    """Judge `value` against `target` with the plan's comparator (">=", "=", "<=")."""
    if comparator not in COMPARATORS:
        raise ValidationError(f"Phép so sánh “{comparator}” không hợp lệ.")
    if value is None:
        return Attainment(None, None)
    ratio = (value / target) if target != 0 else None
    if comparator == ">=":
        met = value >= target
    elif comparator == "=":
        met = value == target
    else:
        met = value <= target
    return Attainment(met, ratio)


def _percent(ratio: Decimal) -> str:
    value = (ratio * 100).quantize(Decimal("0.1"))
    text = f"{value:f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " %"


def number_text(value: Decimal) -> str:
    """ "75", "75,5": Vietnamese decimal comma, no trailing zeros."""
    text = f"{value.normalize():f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")
