"""The office's level-dependent words, read from the stored settings for every door.

The rule itself is domain.office.level_words; this reads what it needs (level, province, unit,
superior agency) from the `setting` table, so that the write path's refusals, sync and the
services all word things the same way. An office never set up takes the level its first plan
names ("UBND huyện …" → district), or a district its register holds.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from cchc_desktop.domain.office import LevelWords, OfficeSettings, guess_level, level_words

# The words of a district office (plans before 2025), for callers that have no database.
DISTRICT_WORDS = LevelWords("huyện", "huyện", "xã", "các xã, thị trấn")

_KEYS = ("level", "province", "unit", "superior_agency", "issuing_agency")


def level_words_of(db: Database) -> LevelWords:
    """ "huyện"/"tỉnh", "xã"/"xã, phường", "các xã, thị trấn"/"các xã, phường" for this office."""
    rows = db.execute(
        "SELECT id, value FROM setting WHERE deleted = 0 AND id LIKE 'office.%'"
    ).fetchall()
    stored = {
        key: json.loads(value)
        for row_id, value in rows
        if value and (key := row_id.removeprefix("office.")) in _KEYS
    }
    if "level" not in stored:
        plan = db.execute(
            "SELECT issuing_body FROM plan WHERE deleted = 0 ORDER BY year, id LIMIT 1"
        ).fetchone()
        issuer = stored.get("issuing_agency") or (plan[0] if plan else "")
        if issuer:
            stored["level"] = guess_level(issuer, stored.get("unit", ""))
        else:  # a register from before 2025 names its district
            district = db.execute(
                "SELECT 1 FROM agency WHERE kind = 'district' AND deleted = 0 LIMIT 1"
            ).fetchone()
            stored["level"] = "district" if district else "commune"
    return level_words(
        OfficeSettings(
            level=str(stored["level"]),
            province=str(stored.get("province", "")),
            unit=str(stored.get("unit", "")),
            superior_agency=str(stored.get("superior_agency", "")),
        )
    )
