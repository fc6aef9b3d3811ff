"""The office's business settings, kept in the database so they travel with the data."""

from __future__ import annotations

import json

from sqlite_utils import Database

from cchc_desktop.domain.office import LevelWords, OfficeSettings
from cchc_desktop.domain.periods import ReportingRules
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.wording import level_words_of

OFFICE_PREFIX = "office."


def _values(db: Database, prefix: str) -> dict[str, str]:
    rows = db.execute(
        "SELECT id, value FROM setting WHERE deleted = 0 AND id LIKE ? || '%'", [prefix]
    ).fetchall()
    return {row_id[len(prefix) :]: json.loads(value) for row_id, value in rows if value}


def load_office_settings(db: Database, *, check: bool = True) -> OfficeSettings:
    """The stored settings over the defaults.

    An office never set up is the one that issued its first plan (read from the plan's decision:
    a fresh install prints the sample's office until the clerk sets up their own); a database
    with no plan gets the neutral defaults. `check=False` returns stored values that fail
    validation (for the settings dialog to show them for fixing) instead of raising.
    """
    stored = _values(db, OFFICE_PREFIX)
    if not stored:
        from cchc_desktop.services.office_setup import office_from_plans

        return office_from_plans(db) or OfficeSettings()
    return OfficeSettings.from_dict({**OfficeSettings().to_dict(), **stored}, check=check)


def office_edits(settings: OfficeSettings) -> list[Edit]:
    """The edits storing `settings` (validated first); unchanged keys log nothing."""
    settings.validate()
    return [
        Edit("setting", f"{OFFICE_PREFIX}{key}", {"value": json.dumps(value, ensure_ascii=False)})
        for key, value in settings.to_dict().items()
    ]


def save_office_settings(db: Database, settings: OfficeSettings, *, author: str = "") -> Changes:
    """Validate and store; only keys whose value changed are logged."""
    return apply_local_edits(db, office_edits(settings), author=author)


def level_words(db: Database) -> LevelWords:
    """The office's level-dependent words ("huyện"/"tỉnh", "các xã, thị trấn" …)."""
    return level_words_of(db)


def reporting_rules(db: Database) -> ReportingRules:
    """The reporting due day of the office (default the 20th of the period's last month)."""
    stored = _values(db, OFFICE_PREFIX)
    if not stored:  # not set up: the default day (no need to read the plan's decision)
        return ReportingRules(due_day=OfficeSettings().report_due_day)
    return ReportingRules(due_day=load_office_settings(db).report_due_day)
