"""Rows a write creates skip the merge and are inserted in bulk; the result must be exactly what
the merge would have written: the same rows, the same field heads, no conflict."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop.services.startup import open_or_create
from cchc_desktop.store import changes as changes_module
from cchc_desktop.store.changes import Edit, apply_local_edits

TABLES = ("agency", "plan", "plan_node", "appendix", "task", "task_agency", "milestone", "setting")


def state(db: Database) -> dict[str, list[tuple[object, ...]]]:
    dump = {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}  # noqa: S608
    # Origins differ between two databases; what matters is which change is each field's head.
    dump["field_head"] = sorted(db.execute("SELECT tbl, row_id, field, seq FROM field_head"))
    dump["conflict"] = db.execute("SELECT * FROM conflict").fetchall()
    return dump


def writes(db: Database) -> None:
    """The seed plan imported, then a write that creates, edits and re-edits rows at once."""
    apply_local_edits(
        db,
        [
            Edit("agency", "ag-new", {"name": "Phòng Mới", "kind": "department"}),
            Edit("agency", "ag-new", {"name": "Phòng Mới đổi tên"}),  # the same row twice
            Edit("setting", "x.one", {"value": '"1"'}),
            Edit("setting", "x.gone", {"value": '"2"', "deleted": 1}),  # born deleted: merged
        ],
    )
    tasks = db.execute("SELECT id FROM task ORDER BY id LIMIT 2").fetchall()
    apply_local_edits(db, [Edit("task", tasks[0][0], {"title": "Tên mới"})])


@pytest.fixture
def both(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    bulk = open_or_create(tmp_path / "bulk.db")
    writes(bulk)
    with pytest.MonkeyPatch.context() as mp:  # the same writes, every row through the merge
        write = changes_module._write
        mp.setattr(
            changes_module,
            "_write",
            lambda db, origin, planned, born, author, seen: write(
                db, origin, planned, set(), author, seen
            ),
        )
        merged = open_or_create(tmp_path / "merged.db")
        writes(merged)
    yield bulk, merged
    bulk.conn.close()
    merged.conn.close()


def test_bulk_insert_writes_what_the_merge_writes(both: tuple[Database, Database]) -> None:
    bulk, merged = both
    assert state(bulk) == state(merged)
    assert bulk.execute("SELECT name FROM agency WHERE id = 'ag-new'").fetchone() == (
        "Phòng Mới đổi tên",
    )
    heads = bulk.execute(
        "SELECT count(*) FROM field_head WHERE tbl = 'agency' AND row_id = 'ag-new'"
        " AND field = 'name'"
    ).fetchone()[0]
    assert heads == 1


def test_a_plan_import_inserts_rows_in_bulk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    real = changes_module._insert_born

    def counting(
        db: Database, origin: str, planned: object, born: set[object], heads: object
    ) -> None:
        seen.append(len(born))
        real(db, origin, planned, born, heads)  # type: ignore[arg-type]

    monkeypatch.setattr(changes_module, "_insert_born", counting)
    db = open_or_create(tmp_path / "cchc.db")
    tasks = db.execute("SELECT count(*) FROM task").fetchone()[0]
    assert tasks == 37
    assert seen
    assert max(seen) > 37, "the seed import's new rows skipped the merge"
    db.conn.close()
