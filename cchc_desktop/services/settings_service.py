"""The office's business settings, kept in the database so they travel with the data."""

from __future__ import annotations

import json

from sqlite_utils import Database

from cchc_desktop.domain.office import OfficeSettings
from cchc_desktop.domain.periods import ReportingRules
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits

OFFICE_PREFIX = "office."


def _values(db: Database, prefix: str) -> dict[str, str]:
    rows = db.execute(
        "SELECT id, value FROM setting WHERE deleted = 0 AND id LIKE ? || '%'", [prefix]
    ).fetchall()
    return {row_id[len(prefix) :]: json.loads(value) for row_id, value in rows if value}


def load_office_settings(db: Database) -> OfficeSettings:
    """The stored settings over the defaults (a new office starts from the embedded plan's)."""
    stored = _values(db, OFFICE_PREFIX)
    if not stored:
        return OfficeSettings()
    return OfficeSettings.from_dict({**OfficeSettings().to_dict(), **stored})


def save_office_settings(db: Database, settings: OfficeSettings, *, author: str = "") -> Changes:
    """Validate and store; only keys whose value changed are logged."""
    settings.validate()
    edits = [
        Edit("setting", f"{OFFICE_PREFIX}{key}", {"value": json.dumps(value, ensure_ascii=False)})
        for key, value in settings.to_dict().items()
    ]
    return apply_local_edits(db, edits, author=author)


def reporting_rules(db: Database) -> ReportingRules:
    """The reporting due day of the office (default the 20th of the period's last month)."""
    return ReportingRules(due_day=load_office_settings(db).report_due_day)
