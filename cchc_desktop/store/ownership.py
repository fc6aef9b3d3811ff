"""Who may write which field (sync.md §5.4). The same predicate runs at edit and import time.

The district owns the plan: its structure, tasks, agencies, milestones, indicators and office
settings. A commune owns its own progress rows, evidence, indicator values and register of
documents it issued, and its PAR index self scores and evidence links. Review, approval and
appraisal fields on those rows belong to the district. Progress of units that are not communes
(departments, offices) is recorded by the district. A PC that has not joined a network yet works
alone and may write everything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from cchc_desktop.domain.office import LevelWords
from cchc_desktop.store.site import LocalSite
from cchc_desktop.store.wording import DISTRICT_WORDS, level_words_of

# Rows that belong to the unit named in their `unit_id`; the document register holds the
# documents each office issued itself.
UNIT_OWNED_TABLES = frozenset(
    {"progress", "evidence", "indicator_value", "document_register", "par_score", "par_evidence"}
)
DISTRICT_FIELDS = {
    "progress": frozenset({"district_review"}),
    "indicator_value": frozenset({"approved"}),
    "par_score": frozenset({"appraised_score", "appraisal_note"}),
}
# Fields that only name a row (its id is made from them). The district writes them when its
# appraisal creates the row of a criterion the unit left blank, or of a survey criterion.
NAMING_FIELDS = {"par_score": frozenset({"criterion_id", "unit_id"})}


def unit_kind(db: Database, unit_id: str | None) -> str | None:
    if unit_id is None:
        return None
    row = db.execute("SELECT kind FROM agency WHERE id = ?", [unit_id]).fetchone()
    return row[0] if row else None


def writer_allowed(
    role: str,
    writer_unit: str | None,
    table: str,
    row: Mapping[str, Any],
    fields: Iterable[str],
    row_unit_kind: str | None,
    words: LevelWords = DISTRICT_WORDS,
) -> str | None:
    """Return None when a site of `role`/`writer_unit` may write `fields`, else the reason
    (worded for the office's level: `words`, store.wording.level_words_of)."""
    fields = set(fields)
    if table in UNIT_OWNED_TABLES:
        district_fields = DISTRICT_FIELDS.get(table, frozenset())
        if fields & district_fields:
            if role != "district":
                return words.say("Chỉ {hub} được ghi ý kiến xem xét, phê duyệt.")
            fields -= district_fields
            if not fields:
                return None
        if role == "district":
            fields -= NAMING_FIELDS.get(table, frozenset())
            if not fields:
                return None
        row_unit = row.get("unit_id")
        if row_unit_kind == "commune":
            if role == "commune" and row_unit == writer_unit:
                return None
            return words.say("Số liệu của {unit} do chính đơn vị đó nhập; máy này không được sửa.")
        if role == "district":
            return None
        return words.say("Máy của {unit} chỉ được nhập số liệu của đơn vị mình.")
    if role == "district":
        return None
    if (
        table == "setting"
        and writer_unit
        and str(row.get("id", "")).startswith(own_settings_prefix(writer_unit))
    ):
        return None  # a unit's own office settings: its name, signer, place, report day
    return words.say(
        "Kế hoạch, nhiệm vụ và thời hạn do {hub} quản lý; máy của {unit} không được sửa."
    )


OFFICE_SETTINGS_PREFIX = "office."
SETUP_CHOICE_KEY = "setup.choice"  # the first-run choice: "sample" or "own"


def is_office_identity(row_id: str) -> bool:
    """A `setting` row saying who an office is (its first-run set-up writes them)."""
    return row_id.startswith(OFFICE_SETTINGS_PREFIX) or row_id == SETUP_CHOICE_KEY


def own_settings_prefix(unit_id: str) -> str:
    """Where a unit in a network keeps its own office settings (`setting` row ids).

    The hub's settings (`office.…`) travel to every PC and word the network ("huyện",
    "tỉnh"); a commune's reports carry its own header, place and signer, kept under this
    prefix, which it alone writes.
    """
    return f"office@{unit_id}."


def refusal(
    db: Database,
    site: LocalSite,
    table: str,
    row: Mapping[str, Any],
    fields: Iterable[str],
    *,
    old_row: Mapping[str, Any] | None = None,
    row_id: str = "",
) -> str | None:
    """The Vietnamese reason this site may not write `fields` of `row`, or None when it may.

    `row` is the row as it would be after the edit; `old_row` the row before it. Moving a row
    to another unit needs the right to write both the old and the new unit's row.
    """
    if site.network_id is None:
        return None
    fields = list(fields)
    rows = [row]
    if old_row is not None and old_row.get("unit_id") != row.get("unit_id"):
        rows.append(old_row)
    for candidate in rows:
        kind = unit_kind(db, candidate.get("unit_id")) if table in UNIT_OWNED_TABLES else None
        reason = writer_allowed(
            site.role, site.unit_id, table, {"id": row_id, **candidate}, fields, kind,
            level_words_of(db),
        )  # fmt: skip
        if reason:
            return reason
    return None
