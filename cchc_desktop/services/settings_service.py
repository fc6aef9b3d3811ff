"""The office's business settings, kept in the database so they travel with the data."""

from __future__ import annotations

import json

from sqlite_utils import Database

from cchc_desktop.domain.office import LevelWords, OfficeSettings, derived_office
from cchc_desktop.domain.periods import ReportingRules
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.ownership import (
    OFFICE_SETTINGS_PREFIX,
    SETUP_CHOICE_KEY,
    own_settings_prefix,
)
from cchc_desktop.store.site import local_site
from cchc_desktop.store.wording import level_words_of

OFFICE_PREFIX = OFFICE_SETTINGS_PREFIX


def _values(db: Database, prefix: str) -> dict[str, str]:
    rows = db.execute(
        "SELECT id, value FROM setting WHERE deleted = 0 AND id LIKE ? || '%'", [prefix]
    ).fetchall()
    return {row_id[len(prefix) :]: json.loads(value) for row_id, value in rows if value}


def setup_choice(db: Database) -> str | None:
    """ "sample", "own", or None while the first-run set-up has not been made (checked at every
    start of the window, so it lives here rather than with the set-up itself)."""
    row = db.execute(
        "SELECT value FROM setting WHERE id = ? AND deleted = 0", [SETUP_CHOICE_KEY]
    ).fetchone()
    if row is None or not row[0]:
        return None
    value = json.loads(row[0])
    return str(value) if value in ("sample", "own") else None


def settings_prefix(db: Database) -> str:
    """Where this PC's own office settings live: `office.` for an office on its own or the hub
    of a network; a commune in a network keeps its own under its unit (the hub's `office.`
    rows reach it too, and word the network)."""
    site = local_site(db)
    if site.network_id is not None and site.role == "commune" and site.unit_id:
        return own_settings_prefix(site.unit_id)
    return OFFICE_PREFIX


def load_office_settings(db: Database, *, check: bool = True) -> OfficeSettings:
    """The stored settings over the defaults.

    An office never set up is the one that issued its first plan (read from the plan's decision:
    a fresh install prints the sample's office until the clerk sets up their own); a database
    with no plan gets the neutral defaults; a commune in a network that has not set up its own
    yet gets the settings derived from its unit's name. `check=False` returns stored values that
    fail validation (for the settings dialog to show them for fixing) instead of raising.
    """
    prefix = settings_prefix(db)
    stored = _values(db, prefix)
    if not stored and prefix != OFFICE_PREFIX:
        return _commune_defaults(db)
    if not stored:
        from cchc_desktop.services.office_setup import office_from_plans

        return office_from_plans(db) or OfficeSettings()
    return OfficeSettings.from_dict({**OfficeSettings().to_dict(), **stored}, check=check)


def _commune_defaults(db: Database) -> OfficeSettings:
    """A networked commune's starting point: its unit's name under the hub's province."""
    site = local_site(db)
    row = db.execute("SELECT name FROM agency WHERE id = ?", [site.unit_id]).fetchone()
    hub = _values(db, OFFICE_PREFIX)
    return derived_office("commune", str(hub.get("province", "")), str(row[0]) if row else "")


def office_edits(db: Database, settings: OfficeSettings) -> list[Edit]:
    """The edits storing `settings` (validated first) where this PC keeps its own; unchanged
    keys log nothing."""
    settings.validate()
    prefix = settings_prefix(db)
    return [
        Edit("setting", f"{prefix}{key}", {"value": json.dumps(value, ensure_ascii=False)})
        for key, value in settings.to_dict().items()
    ]


def save_office_settings(db: Database, settings: OfficeSettings, *, author: str = "") -> Changes:
    """Validate and store; only keys whose value changed are logged."""
    return apply_local_edits(db, office_edits(db, settings), author=author)


def keep_own_settings_on_joining(db: Database, unit_id: str) -> list[Edit]:
    """A commune joining a network: its office settings so far become its own.

    Until now they were `office.…`; the hub's will arrive under those ids and word the network.
    Called inside the joining import, before the hub's changes are merged.
    """
    own = own_settings_prefix(unit_id)
    if _values(db, own):
        return []
    return [
        Edit("setting", f"{own}{key}", {"value": json.dumps(value, ensure_ascii=False)})
        for key, value in _values(db, OFFICE_PREFIX).items()
    ]


def level_words(db: Database) -> LevelWords:
    """The office's level-dependent words ("huyện"/"tỉnh", "các xã, thị trấn" …)."""
    return level_words_of(db)


def reporting_rules(db: Database) -> ReportingRules:
    """The reporting due day of the office (default the 20th of the period's last month)."""
    stored = _values(db, OFFICE_PREFIX)
    if not stored:  # not set up: the default day (no need to read the plan's decision)
        return ReportingRules(due_day=OfficeSettings().report_due_day)
    return ReportingRules(due_day=load_office_settings(db).report_due_day)
