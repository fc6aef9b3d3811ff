"""The PAR index (Chỉ số CCHC): a criteria tree with maximum scores, and the rules of scoring.

A province's criteria set has areas (lĩnh vực), criteria (tiêu chí) and sub-criteria (tiêu chí
thành phần), each with a maximum score; a node with children is worth the sum of theirs, and the
areas add up to the stated total (usually 100). Part of the total comes from a survey (điều tra
xã hội học) and is not self-assessed. Scores are decimals (never floats): "1,5" and "1.5" are
the same score, and a score is a multiple of the node's step (half-points where the rule uses
them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from cchc_desktop.domain.text import fold

LEVELS = {"commune": "cấp xã", "department": "cấp sở, ban, ngành"}
DEPTH_NAMES = ("lĩnh vực", "tiêu chí", "tiêu chí thành phần")
MAX_DEPTH = len(DEPTH_NAMES)
ZERO = Decimal(0)

_NUMBER = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)(?![\d.,]*\d)")
# Tables also write the survey short ("Điều tra XHH", "ĐT XHH", "ĐTXHH") or by its index's
# name (SIPAS, "Chỉ số hài lòng").
_SURVEY = (
    "dieu tra xa hoi hoc",
    "dieu tra xhh",
    "dt xhh",
    "dtxhh",
    "khao sat",
    "muc do hai long",
    "su hai long",
    "chi so hai long",
    "sipas",
)


def parse_points(text: str | None) -> Decimal | None:
    """A score as written ("1,5", "1.5", "12 điểm", "0,25đ"); None when there is none."""
    if text is None:
        return None
    cleaned = text.strip().lower().replace("điểm", "").replace("đ", "").strip()
    if not cleaned:
        return None
    cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None


def format_points(value: Decimal | None) -> str:
    """A score the Vietnamese way: "1,5", "12", "" for none."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def points_text(value: Decimal | None) -> str | None:
    """A score as stored: "1.5", "12"; None for none."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


SURVEY_STEP = Decimal("0.01")


def step_for(max_score: Decimal | None, rule: str) -> Decimal:
    """The smallest score difference the rule allows: 0.25, 0.5 or 1.

    The numbers of the maximum and of the scoring rule decide: a rule that gives 0,5 point for a
    partly done item allows half-points; quarter points likewise.
    """
    numbers = [max_score] if max_score is not None else []
    for match in _NUMBER.finditer(rule):
        value = parse_points(match.group(1))
        if value is not None and value < 1000:
            numbers.append(value)
    step = Decimal(1)
    for value in numbers:
        fraction = value - int(value)
        if fraction == ZERO:
            continue
        if (fraction * 2) == int(fraction * 2):
            step = min(step, Decimal("0.5"))
        else:
            step = min(step, Decimal("0.25"))
    return step


def is_survey(title: str) -> bool:
    """A node scored by the survey of people and organisations, not by the unit itself."""
    folded = fold(title)
    return any(word in folded for word in _SURVEY)


@dataclass
class Criterion:
    """A node of the criteria tree as imported or stored."""

    code: str
    title: str
    max_score: Decimal | None
    stt: str = ""
    rule: str = ""
    evidence_required: str = ""
    self_assessed: bool = True
    step: Decimal = Decimal("0.5")
    children: list[Criterion] = field(default_factory=list)
    id: str = ""

    @property
    def depth(self) -> int:
        return self.code.count(".")

    def walk(self) -> Iterator[Criterion]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def is_leaf(self) -> bool:
        return not self.children


def walk(areas: Iterable[Criterion]) -> Iterator[Criterion]:
    for area in areas:
        yield from area.walk()


def node_label(node: Criterion) -> str:
    return DEPTH_NAMES[min(node.depth, MAX_DEPTH - 1)]


def maxima_problems(areas: list[Criterion], total: Decimal) -> list[str]:
    """Where the maxima do not add up: each parent against its children, the areas against the
    stated total. Empty when the set is consistent."""
    problems: list[str] = []
    for node in walk(areas):
        if node.max_score is None:
            problems.append(f"{node_label(node).capitalize()} {node.code} chưa có điểm tối đa.")
            continue
        if not node.children:
            continue
        maxima = [c.max_score for c in node.children]
        if any(m is None for m in maxima):
            continue
        subtotal = sum((m for m in maxima if m is not None), ZERO)
        if subtotal != node.max_score:
            problems.append(
                f"{node_label(node).capitalize()} {node.code} có điểm tối đa "
                f"{format_points(node.max_score)} nhưng các mục con cộng lại "
                f"{format_points(subtotal)}."
            )
    area_total = sum((a.max_score for a in areas if a.max_score is not None), ZERO)
    if area_total != total:
        problems.append(
            f"Tổng điểm tối đa các lĩnh vực là {format_points(area_total)}, "
            f"khác tổng điểm của bộ chỉ số ({format_points(total)})."
        )
    return problems


def score_problem(node: Criterion, score: Decimal | None, *, appraisal: bool = False) -> str | None:
    """Why `score` cannot be given to `node`, or None when it can (None clears the score)."""
    if score is None:
        return None
    # A survey criterion's points come from the province's published survey results, which
    # the unit records (and the office above may correct in its appraisal).
    what = (
        "Điểm thẩm định"
        if appraisal
        else ("Điểm tự đánh giá" if node.self_assessed else "Điểm điều tra xã hội học")
    )
    if node.children:
        return (
            f"{node_label(node).capitalize()} {node.code} được tính bằng tổng các mục con; "
            "hãy chấm từng mục con."
        )
    if score < ZERO:
        return f"{what} không được âm."
    if node.max_score is not None and score > node.max_score:
        return (
            f"{what} {format_points(score)} vượt điểm tối đa "
            f"{format_points(node.max_score)} của tiêu chí {node.code}."
        )
    if not node.self_assessed:  # the province publishes survey results to the hundredth
        if score != score.quantize(SURVEY_STEP):
            return (
                f"{what} của tiêu chí {node.code} ghi đến hai chữ số thập phân "
                f"(đã nhập {format_points(score)})."
            )
    elif (score / node.step) != int(score / node.step):
        return (
            f"{what} của tiêu chí {node.code} phải là bội số của {format_points(node.step)} "
            f"(đã nhập {format_points(score)})."
        )
    return None


def subtotal(node: Criterion, scores: dict[str, Decimal]) -> Decimal | None:
    """A node's score: its own for a leaf, the sum of its children's otherwise (None: none yet)."""
    if not node.children:
        return scores.get(node.id)
    parts = [subtotal(child, scores) for child in node.children]
    given = [p for p in parts if p is not None]
    return sum(given, ZERO) if given else None


def part_totals(
    areas: Iterable[Criterion], scores: dict[str, Decimal]
) -> tuple[Decimal | None, Decimal | None]:
    """(the self-assessed part, the survey part) of a unit's points: its scored leaves summed
    by who scores them (None: nothing scored in that part yet)."""
    own: list[Decimal] = []
    survey: list[Decimal] = []
    for node in walk(areas):
        if not node.children and node.id in scores:
            (own if node.self_assessed else survey).append(scores[node.id])
    return (sum(own, ZERO) if own else None, sum(survey, ZERO) if survey else None)


def renumber(areas: list[Criterion]) -> None:
    """Give every node its code from its position (area 2, criterion 1, sub-criterion 3 → 2.1.3)."""

    def visit(nodes: list[Criterion], prefix: str) -> None:
        for index, node in enumerate(nodes, start=1):
            node.code = f"{prefix}{index}"
            visit(node.children, f"{node.code}.")

    visit(areas, "")
