"""The plan's indicators: stored from its text on demand, values per unit and period, attainment."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlite_utils import Database

from cchc_desktop.domain.indicators import (
    COMPARATORS,
    RULES,
    Attainment,
    attainment,
    extract_targets,
    number_text,
    parse_number,
    validate_value,
)
from cchc_desktop.domain.periods import ReportingPeriod, parse_period
from cchc_desktop.domain.text import clean
from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits

_RULE_ORDER = {rule.key: i for i, rule in enumerate(RULES)}


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    ord: int
    title: str
    unit: str
    target: Decimal
    comparator: str
    source: str

    @property
    def target_text(self) -> str:
        sign = {">=": "≥ ", "=": "", "<=": "≤ "}[self.comparator]
        unit = self.unit if self.unit == "%" else f" {self.unit}"
        return f"{sign}{number_text(self.target)}{unit}"


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    indicator: Indicator
    value: Decimal | None
    note: str
    value_id: str

    @property
    def attainment(self) -> Attainment:
        return attainment(self.indicator.target, self.indicator.comparator, self.value)


def plan_texts(db: Database, plan_id: str) -> list[str]:
    """The plan's paragraphs (parts I–IV, in document order) followed by its task titles."""
    nodes = [
        r[0]
        for r in db.execute(
            "WITH RECURSIVE tree(id, path) AS ("
            " SELECT id, printf('%06d', ord) FROM plan_node"
            "  WHERE plan_id = ? AND parent_id IS NULL AND kind != 'decision' AND deleted = 0"
            " UNION ALL SELECT n.id, tree.path || '/' || printf('%06d', n.ord)"
            "  FROM plan_node n JOIN tree ON n.parent_id = tree.id WHERE n.deleted = 0)"
            " SELECT n.text FROM tree JOIN plan_node n ON n.id = tree.id ORDER BY tree.path",
            [plan_id],
        ).fetchall()
    ]
    tasks = [
        r[0]
        for r in db.execute(
            "SELECT t.title FROM task t JOIN appendix a ON a.id = t.appendix_id"
            " WHERE t.plan_id = ? AND t.deleted = 0 ORDER BY a.number, t.ord",
            [plan_id],
        ).fetchall()
    ]
    return nodes + tasks


def list_indicators(db: Database, plan_id: str) -> list[Indicator]:
    return [
        Indicator(r[0], r[1], r[2], r[3], Decimal(r[4]), r[5], r[6])
        for r in db.execute(
            "SELECT id, ord, title, unit, target, comparator, source_text FROM indicator"
            " WHERE plan_id = ? AND deleted = 0 ORDER BY ord",
            [plan_id],
        ).fetchall()
    ]


def extract_indicators(db: Database, plan_id: str, *, author: str = "") -> Changes:
    """Store the targets the plan's text states; targets already stored are left as they are
    (a clerk may have corrected them), so running it again adds only what is missing."""
    if db.execute("SELECT 1 FROM plan WHERE id = ?", [plan_id]).fetchone() is None:
        raise NotFoundError("Không tìm thấy kế hoạch.")
    existing = {
        r[0] for r in db.execute("SELECT id FROM indicator WHERE plan_id = ?", [plan_id]).fetchall()
    }
    edits = []
    for target in extract_targets(plan_texts(db, plan_id)):
        ord_ = _RULE_ORDER[target.key]
        row = ids.indicator_id(plan_id, ord_)
        if row in existing:
            continue
        edits.append(
            Edit(
                "indicator",
                row,
                {
                    "plan_id": plan_id,
                    "ord": ord_,
                    "title": target.title,
                    "unit": target.unit,
                    "target": number_text(target.target).replace(",", "."),
                    "comparator": target.comparator,
                    "source_text": target.source,
                    "deleted": 0,
                },
            )
        )
    return apply_local_edits(db, edits, author=author)


def update_target(
    db: Database, indicator_id: str, *, target: str, comparator: str | None = None, author: str = ""
) -> Changes:
    """Correct a stored target ("75", "75,5"); the comparator may change too."""
    row = db.execute("SELECT unit FROM indicator WHERE id = ? AND deleted = 0", [indicator_id])
    found = row.fetchone()
    if found is None:
        raise NotFoundError("Không tìm thấy chỉ tiêu.")
    value = validate_value(parse_number(target), found[0])
    values: dict[str, object] = {"target": _stored(value)}
    if comparator is not None:
        if comparator not in COMPARATORS:
            raise ValidationError(f"Phép so sánh “{comparator}” không hợp lệ.")
        values["comparator"] = comparator
    return apply_local_edits(db, [Edit("indicator", indicator_id, values)], author=author)


def value_id(indicator_id: str, unit_id: str, year: int, period: ReportingPeriod | str) -> str:
    return ids.indicator_value_id(indicator_id, unit_id, year, str(parse_period(str(period))))


def set_value(
    db: Database,
    *,
    indicator_id: str,
    unit_id: str,
    year: int,
    period: ReportingPeriod | str,
    value: str | None,
    note: str | None = None,
    author: str = "",
) -> Changes:
    """Record a unit's value for an indicator in a period ("" or None clears it)."""
    found = db.execute(
        "SELECT unit FROM indicator WHERE id = ? AND deleted = 0", [indicator_id]
    ).fetchone()
    if found is None:
        raise NotFoundError("Không tìm thấy chỉ tiêu.")
    if db.execute("SELECT 1 FROM agency WHERE id = ?", [unit_id]).fetchone() is None:
        raise ValidationError("Hãy chọn đơn vị báo cáo.")
    code = str(parse_period(str(period)))
    stored = None
    if value is not None and clean(value):
        stored = _stored(validate_value(parse_number(value), found[0]))
    values: dict[str, object] = {
        "indicator_id": indicator_id,
        "unit_id": unit_id,
        "year": year,
        "period": code,
        "value": stored,
        "deleted": 0,
    }
    if note is not None:
        values["note"] = clean(note)
    row = value_id(indicator_id, unit_id, year, code)
    return apply_local_edits(db, [Edit("indicator_value", row, values)], author=author)


def values_for(
    db: Database, plan_id: str, *, unit_id: str, year: int, period: ReportingPeriod | str
) -> list[IndicatorValue]:
    """Every indicator of the plan with the unit's value for the period (None when missing)."""
    code = str(parse_period(str(period)))
    stored = {
        r[0]: (r[1], r[2])
        for r in db.execute(
            "SELECT v.indicator_id, v.value, v.note FROM indicator_value v"
            " JOIN indicator i ON i.id = v.indicator_id"
            " WHERE i.plan_id = ? AND v.unit_id = ? AND v.year = ? AND v.period = ?"
            " AND v.deleted = 0",
            [plan_id, unit_id, year, code],
        ).fetchall()
    }
    result = []
    for indicator in list_indicators(db, plan_id):
        raw, note = stored.get(indicator.id, (None, ""))
        result.append(
            IndicatorValue(
                indicator=indicator,
                value=Decimal(raw) if raw not in (None, "") else None,
                note=note or "",
                value_id=value_id(indicator.id, unit_id, year, code),
            )
        )
    return result


def _stored(value: Decimal) -> str:
    """Decimal as text with a point (the schema stores numbers as text, never floats)."""
    return number_text(value).replace(",", ".")
