"""Setting an office up: the sample's office read from its decision, one's own office from the
2025 administrative-unit list, the first-run choice, and the units pre-filled under the office.

The window's wizard, Danh mục → Thông tin cơ quan and `cchc-desktop office …` all call these.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlite_utils import Database

from cchc_desktop.domain import admin_units
from cchc_desktop.domain.model import AgencyKind, Decision
from cchc_desktop.domain.office import (
    LEVELS,
    OfficeSettings,
    derived_office,
    guess_level,
    split_unit_name,
)
from cchc_desktop.domain.text import clean, fold
from cchc_desktop.errors import ValidationError
from cchc_desktop.services import organisation, settings_service
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.ownership import SETUP_CHOICE_KEY

SETUP_KEY = SETUP_CHOICE_KEY  # "sample" or "own": the first-run choice was made
SAMPLE_SOURCE = "ke-hoach-cchc-2020-ngoc-lac.txt"

# "Chủ tịch UBND huyện Ngọc Lặc", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "UBND xã Long Phụng".
_ISSUER = re.compile(
    r"(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+"
    r"(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+(.+)$",
    re.IGNORECASE,
)
_PROVINCE_IN_TEXT = re.compile(
    r"(?i:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(?i:(tỉnh|thành phố))\s+"
    r"((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]\w*)(?:\s[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]\w*){0,2})"
)
_LEVEL_OF_TYPE = {
    "tỉnh": "province",
    "thành phố": "province",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
    "đặc khu": "commune",
}


# ---------------------------------------------------------------- the sample's office


def office_from_decision(
    decision: Decision, *, base: OfficeSettings | None = None
) -> OfficeSettings:
    """The office that issued a plan, read from its decision: issuer, province, signer.

    "Chủ tịch UBND huyện Ngọc Lặc" with "… UBND tỉnh Thanh Hoá …" in its legal bases and signed
    "CHỦ TỊCH / Lê Văn Tuấn" gives a district office of Tỉnh Thanh Hóa, Huyện Ngọc Lặc, signed
    by Lê Văn Tuấn. A name the 2025 list does not hold is kept as written.
    """
    issuer = clean(decision.issuing_body)
    match = _ISSUER.search(issuer)
    if match is None:
        level, unit = guess_level(issuer), ""
    else:
        kind = match.group(1).casefold()
        level = _LEVEL_OF_TYPE[kind]
        unit = f"{kind.capitalize()} {_title(match.group(2))}"
    province = ""
    texts = [issuer] + [n.text for n in decision.body]
    for text in texts:
        found = _PROVINCE_IN_TEXT.search(text)
        if found:
            province = _province_full_name(found.group(1), found.group(2))
            break
    if level == "province":
        province, unit = unit, ""
    office = derived_office(level, province, unit, base=base)
    signer = clean(decision.signer)
    position = clean(decision.signer_position).upper() or office.signer_position
    prefix = clean(decision.authority_prefix).upper()
    changes: dict[str, Any] = {"signer_position": position}
    if signer:
        changes["signer_name"] = signer
    if prefix or position.startswith("PHÓ "):
        changes["authority_prefix"] = prefix or "KT."
    return replace(office, **changes)


def _title(name: str) -> str:
    """ "NGỌC LẶC" → "Ngọc Lặc"; "Ngọc Lặc" unchanged."""
    name = clean(name).strip(" .,;")
    return " ".join(w.capitalize() for w in name.split()) if name.isupper() else name


def _province_full_name(kind: str, name: str) -> str:
    typed = f"{kind} {name.strip()}"
    try:
        return admin_units.find_province(typed).full_name
    except ValidationError:
        return f"{kind.capitalize()} {_title(name)}"


def sample_office(db: Database) -> OfficeSettings | None:
    """The office of the embedded sample plan, from its stored decision (None without it)."""
    return _office_of_plan(db, SAMPLE_SOURCE, [])


def office_from_plans(db: Database) -> OfficeSettings | None:
    """An office never set up is the one that issued its first plan (None without a plan)."""
    return _office_of_plan(db, "", [])


def _office_of_plan(db: Database, source: str, params: list[Any]) -> OfficeSettings | None:
    row = db.execute(
        "SELECT id, issuing_body, signer_name, signer_position, signer_prefix FROM plan"
        " WHERE deleted = 0 AND (? = '' OR source_name = ?) ORDER BY year, id LIMIT 1",
        [source, source],
    ).fetchone()
    if row is None:
        return None
    plan_id, issuing_body, signer, position, prefix = row
    from cchc_desktop.domain.model import PlanNode

    body = tuple(
        PlanNode(kind=_paragraph(), number="", text=text)
        for (text,) in db.execute(
            "SELECT text FROM plan_node WHERE plan_id = ? AND parent_id = ? AND deleted = 0"
            " ORDER BY ord",
            [plan_id, ids.node_id(plan_id, "decision")],
        ).fetchall()
    )
    decision = Decision(
        number="",
        date=None,
        signer=signer,
        signer_position=position,
        authority_prefix=prefix,
        issuing_body=issuing_body,
        title="",
        body=body,
    )
    return office_from_decision(decision)


def _paragraph() -> Any:
    from cchc_desktop.domain.model import NodeKind

    return NodeKind.PARAGRAPH


# ---------------------------------------------------------------- one's own office


@dataclass(frozen=True, slots=True)
class OfficeChoice:
    """What a clerk gives to set the office up; None keeps the current value."""

    level: str | None = None
    province: str | None = None
    unit: str | None = None
    explicit: Mapping[str, Any] | None = None  # values typed over the derived ones


def resolve_names(level: str, province: str, unit: str) -> tuple[str, str]:
    """Full official names of `province` and `unit` as a clerk typed them, for `level`.

    A commune's unit must be in the 2025 list of the province; a district (before 2025) and a
    department are named as typed ("Ngọc Lặc" → "Huyện Ngọc Lặc", "Tư pháp" → "Sở Tư pháp").

    Raises:
        ValidationError: unknown or ambiguous names (the message lists the closest ones).
    """
    if level not in LEVELS:
        raise ValidationError(
            f"Cấp cơ quan “{level}” không hợp lệ; chọn một trong: {', '.join(LEVELS)}."
        )
    found = admin_units.find_province(province)
    unit = clean(unit)
    if level == "province":
        return found.full_name, ""
    if not unit:
        raise ValidationError(
            {
                "commune": "Chưa nhập tên xã, phường, đặc khu.",
                "district": "Chưa nhập tên huyện (ví dụ: Ngọc Lặc).",
                "department": "Chưa nhập tên sở, ban, ngành (ví dụ: Sở Tư pháp).",
            }[level]
        )
    if level == "commune":
        return found.full_name, admin_units.find_unit(found, unit).full_name
    kind, bare = split_unit_name(unit)
    if level == "district":
        if kind not in ("huyện", "quận", "thị xã", "thành phố"):
            kind, bare = "huyện", unit
        return found.full_name, f"{kind.capitalize()} {bare}"
    if not fold(unit).startswith(("so ", "ban ", "thanh tra ", "van phong ")):
        unit = f"Sở {unit}"
    return found.full_name, unit[0].upper() + unit[1:]


def office_for(current: OfficeSettings, choice: OfficeChoice) -> OfficeSettings:
    """The settings after `choice`: names resolved, lines derived, explicit values over them.

    Only a changed level, province or unit re-derives the lines; the signer's name and the
    report day are kept. Validated.
    """
    level = choice.level or current.level
    names_given = choice.level or choice.province is not None or choice.unit is not None
    office = current
    if names_given:
        province = choice.province if choice.province is not None else current.province
        unit = choice.unit if choice.unit is not None else current.unit
        if choice.level and choice.level != current.level and choice.unit is None:
            unit = "" if level == "province" else current.unit
        full_province, full_unit = resolve_names(level, province, unit)
        office = derived_office(level, full_province, full_unit, base=current)
    if choice.explicit:
        office = replace(office, **dict(choice.explicit))
    office.validate()
    return office


def set_office(db: Database, choice: OfficeChoice, *, author: str = "") -> OfficeSettings:
    """Resolve, derive, validate and store the office (and mark the first-run set-up made)."""
    office = office_for(settings_service.load_office_settings(db), choice)
    edits = [*settings_service.office_edits(db, office), *_choice_edits(db, "own")]
    apply_local_edits(db, edits, author=author)
    return office


# ---------------------------------------------------------------- the first-run choice


def _choice_edits(db: Database, choice: str) -> list[Edit]:
    """The first-run choice; a commune in a network has made it by joining (the hub's data is
    its plan), and the setting is the hub's."""
    if settings_service.settings_prefix(db) != settings_service.OFFICE_PREFIX:
        return []
    return [Edit("setting", SETUP_KEY, {"value": json.dumps(choice)})]


@dataclass(frozen=True, slots=True)
class SetupResult:
    office: OfficeSettings
    changes: Changes
    sample_removed: bool = False
    note: str = ""  # Vietnamese: what was (not) pre-filled and why


def use_sample(db: Database, *, author: str = "") -> SetupResult:
    """ "Dùng kế hoạch mẫu": the sample's office from its decision, its agencies confirmed."""
    office = sample_office(db)
    if office is None:
        raise ValidationError("Cơ sở dữ liệu này không có kế hoạch mẫu (Ngọc Lặc 2020).")
    office = replace(
        office, report_due_day=settings_service.load_office_settings(db).report_due_day
    )
    edits = [*settings_service.office_edits(db, office), *_choice_edits(db, "sample")]
    edits += [
        Edit("agency", a.id, {"needs_review": 0})
        for a in organisation.list_agencies(db)
        if a.needs_review
    ]
    return SetupResult(office, apply_local_edits(db, edits, author=author))


def use_own_office(db: Database, choice: OfficeChoice, *, author: str = "") -> SetupResult:
    """ "Thiết lập cơ quan của tôi": store the office, set the sample plan aside, and pre-fill
    the units under the office from the 2025 list — in one transaction.

    The sample plan is removed only while nobody recorded progress on it.
    """
    office = office_for(settings_service.load_office_settings(db), choice)
    edits = [*settings_service.office_edits(db, office), *_choice_edits(db, "own")]
    removal = _sample_removal(db)
    edits += removal
    unit_edits, note = _unit_edits(db, office, removing=bool(removal))
    edits += unit_edits
    changes = apply_local_edits(db, edits, author=author)
    return SetupResult(office, changes, sample_removed=bool(removal), note=note)


def _sample_removal(db: Database) -> list[Edit]:
    row = db.execute(
        "SELECT id FROM plan WHERE source_name = ? AND deleted = 0", [SAMPLE_SOURCE]
    ).fetchone()
    if row is None:
        return []
    plan_id = row[0]
    used = db.execute(
        "SELECT 1 FROM progress p JOIN task t ON t.id = p.task_id WHERE t.plan_id = ?"
        " AND p.deleted = 0 LIMIT 1",
        [plan_id],
    ).fetchone()
    if used:
        return []
    edits: list[Edit] = []
    for table in ("milestone", "task_agency"):
        rows = db.execute(
            f"SELECT x.id FROM {table} x JOIN task t ON t.id = x.task_id"  # noqa: S608 - fixed
            " WHERE t.plan_id = ? AND x.deleted = 0",
            [plan_id],
        )
        edits += [Edit(table, r[0], {"deleted": 1}) for r in rows.fetchall()]
    for table in ("task", "appendix", "plan_node"):
        sql = f"SELECT id FROM {table} WHERE plan_id = ? AND deleted = 0"  # noqa: S608 - fixed
        rows = db.execute(sql, [plan_id])
        edits += [Edit(table, r[0], {"deleted": 1}) for r in rows.fetchall()]
    edits.append(Edit("plan", plan_id, {"deleted": 1}))
    # The sample's agencies go with it unless another plan names them.
    for (agency_id,) in db.execute(
        "SELECT a.id FROM agency a WHERE a.deleted = 0 AND NOT EXISTS (SELECT 1 FROM task_agency"
        " x JOIN task t ON t.id = x.task_id WHERE x.agency_id = a.id AND x.deleted = 0"
        " AND t.plan_id <> ?) AND NOT EXISTS (SELECT 1 FROM progress p WHERE p.unit_id = a.id)",
        [plan_id],
    ).fetchall():
        edits.append(Edit("agency", agency_id, {"deleted": 1}))
        edits += [
            Edit("agency_alias", alias_id, {"deleted": 1})
            for alias_id, _ in organisation.aliases(db, agency_id)
        ]
    return edits


def _unit_edits(db: Database, office: OfficeSettings, *, removing: bool) -> tuple[list[Edit], str]:
    """Agencies for the units under the office (a province's communes and wards) and itself."""
    names: list[tuple[str, AgencyKind]] = []
    where = ""
    if office.level == "province":
        province = admin_units.find_province(office.province)
        names = [(u.full_name, AgencyKind.COMMUNE) for u in admin_units.units_of(province.code)]
        where = f" xã, phường, đặc khu của {province.full_name}"
    elif office.level == "commune" and office.unit:
        names = [(office.unit, AgencyKind.COMMUNE)]
    elif office.level == "district":
        return [], (
            "Danh mục đơn vị hành chính năm 2025 không còn cấp huyện: hãy thêm các xã, thị trấn "
            "của huyện bằng nút “Thêm…” ở Danh mục → Cơ quan, đơn vị."
        )
    elif office.level == "department" and office.unit:
        names = [(office.unit, AgencyKind.DEPARTMENT)]
    edits = _new_agency_edits(db, names, keep_existing=not removing)
    added = sum(e.table == "agency" for e in edits)
    if not added:
        return edits, "Các đơn vị trực thuộc đã có đủ trong danh mục."
    if not where:
        return edits, f"Đã thêm {names[0][0]} vào danh mục cơ quan, đơn vị."
    return edits, f"Đã thêm {added}{where} vào danh mục cơ quan, đơn vị."


def _new_agency_edits(
    db: Database, names: Iterable[tuple[str, AgencyKind]], *, keep_existing: bool
) -> list[Edit]:
    edits: list[Edit] = []
    seen: set[str] = set()
    for name, kind in names:
        agency_edits = organisation.agency_edits(name, kind, needs_review=False)
        agency_id = agency_edits[0].row_id
        if agency_id in seen:
            continue
        seen.add(agency_id)
        if organisation.find_agency(db, name) is not None and keep_existing:
            continue
        first = agency_edits[0]
        edits += [
            Edit(first.table, first.row_id, {**first.values, "deleted": 0}),
            *agency_edits[1:],
        ]
    return edits


def prefill_units(db: Database, *, author: str = "") -> tuple[Changes, str]:
    """Add the units under the office from the 2025 list (those not in the register yet)."""
    office = settings_service.load_office_settings(db)
    edits, note = _unit_edits(db, office, removing=False)
    return apply_local_edits(db, edits, author=author), note
