"""A local write's change-log entries: the same hashes as the general rule, and a new row's
defaults left to the schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop.store.change_log import LoggedChange, column_defaults
from cchc_desktop.store.changes import Edit, apply_local_edits
from cchc_desktop.store.db import open_database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "a.db")
    yield database
    database.conn.close()


def _log(db: Database) -> list[tuple[object, ...]]:
    return db.execute(
        "SELECT origin, seq, tx_seq, hlc_wall, hlc_ctr, tbl, row_id, field, value, author,"
        " edited_wall, content_hash FROM change_log ORDER BY seq"
    ).fetchall()


def test_every_entry_carries_the_hash_of_its_content(db: Database) -> None:
    apply_local_edits(
        db,
        [
            Edit("agency", "ag-1", {"name": 'Phòng Nội vụ "A"', "kind": "office"}),
            Edit("agency", "ag-2", {"name": "Xã Minh Sơn", "kind": "commune"}),
        ],
        author="Chị Lan",
    )
    apply_local_edits(db, [Edit("agency", "ag-1", {"name": "Phòng Nội vụ"})])
    rows = _log(db)
    assert len(rows) >= 5
    for row in rows:
        change = LoggedChange(*row[:11])  # type: ignore[arg-type]
        assert change.content_hash() == row[11]
    stamps = [(r[3], r[4]) for r in rows]
    assert stamps == sorted(set(stamps)), "stamps strictly increase"
    assert [r[1] for r in rows] == list(range(rows[0][1], rows[0][1] + len(rows)))


def test_a_new_row_logs_only_what_differs_from_the_schema_default(db: Database) -> None:
    defaults = column_defaults(db, "agency")
    assert defaults["deleted"] == 0
    apply_local_edits(
        db, [Edit("agency", "ag-1", {"name": "Xã A", "kind": "commune", "deleted": 0})]
    )
    logged = {r[7] for r in _log(db)}
    assert "deleted" not in logged
    assert {"name", "kind"} <= logged
    stored = db.execute("SELECT name, deleted FROM agency WHERE id = 'ag-1'").fetchone()
    assert stored == ("Xã A", 0)
    # an existing row's change back to a default is a change like any other
    apply_local_edits(db, [Edit("agency", "ag-1", {"deleted": 1})])
    apply_local_edits(db, [Edit("agency", "ag-1", {"deleted": 0})])
    values = [r[8] for r in _log(db) if r[7] == "deleted"]
    assert values == ["1", "0"]


def test_a_default_set_again_in_the_same_write_is_kept(db: Database) -> None:
    assert column_defaults(db, "agency")["is_group"] == 0
    apply_local_edits(
        db,
        [
            Edit("agency", "ag-1", {"name": "Xã A", "kind": "commune", "is_group": 0}),
            Edit("agency", "ag-1", {"is_group": 1}),
            Edit("agency", "ag-1", {"is_group": 0}),
        ],
    )
    values = [r[8] for r in _log(db) if r[7] == "is_group"]
    assert values == ["1", "0"]
    assert db.execute("SELECT is_group FROM agency WHERE id = 'ag-1'").fetchone() == (0,)
    heads = db.execute(
        "SELECT seq FROM field_head WHERE row_id = 'ag-1' AND field = 'is_group'"
    ).fetchall()
    assert heads == [(max(r[1] for r in _log(db)),)]
