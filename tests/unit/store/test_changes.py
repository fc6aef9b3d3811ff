"""The single write path and the per-field merge rule (sync.md §5.6) it shares with imports."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop.errors import OwnershipError
from cchc_desktop.store import site as site_mod
from cchc_desktop.store.changes import (
    Edit,
    LoggedChange,
    apply_local_edits,
    canonical_json,
    insert_log,
)
from cchc_desktop.store.db import open_database
from cchc_desktop.store.merger import Merger
from cchc_desktop.store.site import (
    MAX_DRIFT_MS,
    EditBlockedError,
    block_edits,
    hlc_receive,
    local_site,
    set_clock,
)
from cchc_desktop.store.value_checker import ValueChecker

DAY = 86_400_000
NOW = 1_790_000_000_000  # 2026-09


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "a.db")
    set_clock(database, lambda: NOW)
    yield database
    database.conn.close()


def _agency(db: Database, name: str = "Xã A", row: str = "ag-a", kind: str = "commune") -> None:
    apply_local_edits(db, [Edit("agency", row, {"name": name, "kind": kind})])


def _remote(
    db: Database,
    origin: str,
    seq: int,
    field: str,
    value: object,
    *,
    vv: Mapping[str, int],
    wall: int = NOW,
    ctr: int = 0,
    table: str = "agency",
    row: str = "ag-a",
    tx_seq: int | None = None,
) -> LoggedChange:
    """Append a change from another PC and merge it, as an import does."""
    change = LoggedChange(
        origin, seq, tx_seq or seq, wall, ctr, table, row, field, canonical_json(value)
    )
    with db.atomic():
        insert_log(db, [change])
        db.execute(
            "INSERT OR IGNORE INTO change_tx (origin, tx_seq, vv) VALUES (?, ?, ?)",
            [origin, change.tx_seq, canonical_json({**vv, origin: seq})],
        )
        merger = Merger(db)
        merger.add(change, {**vv, origin: seq})
        merger.flush()
        db.execute(
            "INSERT INTO origin_progress (origin, contiguous_max) VALUES (?, ?) ON CONFLICT"
            " (origin) DO UPDATE SET contiguous_max = excluded.contiguous_max"
            " WHERE contiguous_max + 1 = excluded.contiguous_max",
            [origin, seq],
        )
    return change


def _value(db: Database, field: str = "name", row: str = "ag-a") -> object:
    return db.execute(f"SELECT {field} FROM agency WHERE id = ?", [row]).fetchone()[0]  # noqa: S608


def _open_conflicts(db: Database) -> list[tuple[str, str, list[list[object]]]]:
    rows = db.execute(
        "SELECT kind, field, heads FROM conflict WHERE closed_by_seq IS NULL ORDER BY kind, field"
    ).fetchall()
    return [(k, f, json.loads(h)) for k, f, h in rows]


def test_local_edit_is_logged_materialised_and_the_single_head(db: Database) -> None:
    changes = apply_local_edits(db, [Edit("agency", "ag-a", {"name": "Xã A", "kind": "commune"})])
    assert {c.field for c in changes.fields} == {"name", "kind"}
    assert all(c.created for c in changes.fields)
    assert _value(db) == "Xã A"
    heads = db.execute("SELECT field, seq FROM field_head ORDER BY field").fetchall()
    assert heads == [("kind", 2), ("name", 1)]
    changes = apply_local_edits(db, [Edit("agency", "ag-a", {"name": "Xã A mới"})])
    assert [(c.old, c.new, c.created) for c in changes.fields] == [("Xã A", "Xã A mới", False)]
    assert db.execute("SELECT seq FROM field_head WHERE field = 'name'").fetchall() == [(3,)]


def test_unchanged_values_are_not_logged_unless_forced(db: Database) -> None:
    _agency(db)
    assert not apply_local_edits(db, [Edit("agency", "ag-a", {"name": "Xã A"})])
    forced = apply_local_edits(db, [Edit("agency", "ag-a", {"name": "Xã A"})], force=True)
    assert [(c.field, c.new) for c in forced.fields] == [("name", "Xã A")]


def test_concurrent_edits_keep_both_values_and_the_later_stamp_wins(db: Database) -> None:
    _agency(db)
    me = local_site(db).site_id
    # Another PC edited the name having seen our creation (seq 1, 2) but not our next edit.
    apply_local_edits(db, [Edit("agency", "ag-a", {"name": "Tên của tôi"})])
    _remote(db, "ZREMOTE", 1, "name", "Tên máy khác", vv={me: 2}, wall=NOW + 5)
    assert _value(db) == "Tên máy khác"  # later HLC stamp shows first
    assert _open_conflicts(db) == [("same_field", "name", [[me, 3], ["ZREMOTE", 1]])]
    # A resolution is an ordinary edit that saw both heads; it closes the conflict.
    apply_local_edits(db, [Edit("agency", "ag-a", {"name": "Tên thống nhất"})])
    assert _value(db) == "Tên thống nhất"
    assert _open_conflicts(db) == []
    closed = db.execute("SELECT closed_by_origin, closed_by_seq FROM conflict").fetchall()
    assert closed == [(me, 4)]


def test_a_change_that_saw_another_wins_whatever_the_clocks_say(db: Database) -> None:
    _agency(db)
    me = local_site(db).site_id
    # The remote PC's clock is three years slow, but it saw our edit: it wins.
    _remote(db, "ZSLOW", 1, "name", "Sửa sau", vv={me: 2}, wall=NOW - 3 * 365 * DAY)
    assert _value(db) == "Sửa sau"
    assert _open_conflicts(db) == []


def test_equal_concurrent_values_are_no_conflict(db: Database) -> None:
    _agency(db)
    me = local_site(db).site_id
    apply_local_edits(db, [Edit("agency", "ag-a", {"name": "Giống nhau"})])
    _remote(db, "ZREMOTE", 1, "name", "Giống nhau", vv={me: 2})
    assert db.execute("SELECT count(*) FROM field_head WHERE field = 'name'").fetchone() == (2,)
    assert _open_conflicts(db) == []


def test_ties_are_broken_by_origin(db: Database) -> None:
    _remote(db, "A-SITE", 1, "name", "từ A", vv={}, row="ag-t")
    _remote(db, "B-SITE", 1, "name", "từ B", vv={}, row="ag-t")
    _remote(db, "A-SITE", 2, "kind", "commune", vv={}, row="ag-t")
    assert _value(db, row="ag-t") == "từ B"


def test_merge_result_does_not_depend_on_arrival_order(tmp_path: Path) -> None:
    history = [
        ("S1", 1, "name", "một", {}, NOW + 30),
        ("S1", 2, "kind", "commune", {}, NOW + 30),
        ("S2", 1, "name", "hai", {"S1": 2}, NOW - 400 * DAY),
        ("S3", 1, "name", "ba", {"S1": 1}, NOW + 400 * DAY),
        ("S1", 3, "name", "bốn", {"S1": 2, "S2": 1}, NOW),
        ("S3", 2, "short_name", "B", {"S1": 1}, NOW),
    ]
    results = set()
    for n, order in enumerate(itertools.permutations(history)):
        if n % 7:  # a spread of the 720 orders keeps the test fast
            continue
        db = open_database(tmp_path / f"p{n}.db")
        set_clock(db, lambda: NOW)
        for origin, seq, field, value, vv, wall in order:
            _remote(db, origin, seq, field, value, vv=vv, wall=wall)
        state = (
            db.execute("SELECT name, kind, short_name FROM agency").fetchall()[0],
            tuple(map(tuple, db.execute("SELECT * FROM field_head ORDER BY 3, 4, 5").fetchall())),
            tuple(
                (k, f, h)
                for k, f, h in db.execute(
                    "SELECT kind, field, heads FROM conflict WHERE closed_by_seq IS NULL"
                ).fetchall()
            ),
        )
        results.add(state)
        db.conn.close()
    assert len(results) == 1
    (row, _heads, conflicts) = results.pop()
    # S3:1 ("ba") is concurrent with S1:3 ("bốn"); S3's clock is far ahead so it shows first.
    assert row == ("ba", "commune", "B")
    assert conflicts == (("same_field", "name", '[["S1",3],["S3",1]]'),)


def test_a_row_waits_for_its_required_fields(db: Database) -> None:
    _remote(db, "ZR", 1, "short_name", "A", vv={}, row="ag-w")
    assert db.execute("SELECT count(*) FROM agency WHERE id = 'ag-w'").fetchone() == (0,)
    _remote(db, "ZR", 2, "name", "Xã W", vv={}, row="ag-w")
    _remote(db, "ZR", 3, "kind", "commune", vv={}, row="ag-w")
    assert db.execute("SELECT name, kind, short_name FROM agency WHERE id = 'ag-w'").fetchone() == (
        "Xã W",
        "commune",
        "A",
    )


def test_delete_concurrent_with_an_edit_is_flagged(db: Database) -> None:
    _agency(db)
    me = local_site(db).site_id
    apply_local_edits(db, [Edit("agency", "ag-a", {"deleted": 1})])
    _remote(db, "ZREMOTE", 1, "short_name", "A", vv={me: 2})
    assert _open_conflicts(db) == [("edit_vs_delete", "deleted", [[me, 3], ["ZREMOTE", 1]])]
    assert _value(db, "deleted") == 1
    apply_local_edits(db, [Edit("agency", "ag-a", {"deleted": 0})])
    assert _open_conflicts(db) == []
    assert _value(db, "deleted") == 0


def test_value_checker_reads_the_schema_rules(db: Database) -> None:
    checker = ValueChecker(db)
    assert checker.problem("progress", "percent", "50") is None
    assert checker.problem("progress", "percent", "null") is None
    assert checker.problem("progress", "percent", "150") is not None
    assert checker.problem("progress", "period", '"Q1"') is None
    assert checker.problem("progress", "period", '"Q9"') is not None
    assert checker.problem("progress", "task_id", "null") is not None
    assert checker.problem("progress", "result", "1.5") is not None
    assert checker.problem("progress", "nope", '"x"') is not None
    assert checker.problem("local_site", "role", '"x"') is not None
    assert checker.problem("indicator", "comparator", '">="') is None


def test_ownership_is_enforced_when_editing(db: Database) -> None:
    _agency(db, "Xã A", "ag-a")
    _agency(db, "Xã B", "ag-b")
    db.execute("UPDATE local_site SET network_id = 'n', role = 'commune', unit_id = 'ag-a'")
    db.conn.commit()
    with pytest.raises(OwnershipError, match="tỉnh quản lý"):
        apply_local_edits(db, [Edit("agency", "ag-a", {"name": "đổi"})])
    apply_local_edits(db, [Edit("setting", "x", {"value": "1"})], check_ownership=False)
    # Moving a progress row from commune B to commune A needs the right to write B's row too.
    db.execute("UPDATE local_site SET role = 'district'")
    db.conn.commit()
    apply_local_edits(db, [Edit("plan", "p", {"year": 2020, "title": "KH"})])
    apply_local_edits(db, [Edit("appendix", "ap", {"plan_id": "p", "number": 1, "title": "PL"})])
    apply_local_edits(
        db,
        [
            Edit(
                "task",
                "t",
                {"plan_id": "p", "appendix_id": "ap", "no": "1", "ord": 1, "title": "T"},
            )
        ],
    )
    db.execute("UPDATE local_site SET role = 'commune', unit_id = 'ag-b'")
    db.conn.commit()
    row = {"task_id": "t", "unit_id": "ag-b", "year": 2020, "period": "Q1", "percent": 10}
    apply_local_edits(db, [Edit("progress", "pr", row)])
    db.execute("UPDATE local_site SET unit_id = 'ag-a'")
    db.conn.commit()
    with pytest.raises(OwnershipError, match="chính đơn vị đó"):
        apply_local_edits(db, [Edit("progress", "pr", {"unit_id": "ag-a", "percent": 90})])
    assert db.execute("SELECT unit_id, percent FROM progress").fetchone() == ("ag-b", 10)


def test_edits_are_blocked_by_a_wrong_clock_or_a_restored_copy(db: Database) -> None:
    _agency(db)
    set_clock(db, lambda: site_mod.BUILD_WALL_MS - DAY)
    with pytest.raises(EditBlockedError, match="Ngày giờ máy tính không đúng"):
        _agency(db, "Xã mới")
    set_clock(db, lambda: NOW)
    db.execute("UPDATE local_site SET max_trusted_wall = ?", [NOW + 3 * DAY])
    db.conn.commit()
    with pytest.raises(EditBlockedError, match="gói dữ liệu tỉnh gần nhất"):
        _agency(db, "Xã mới")
    # A wall clock up to a day behind the district is tolerated (time zones, small drift).
    db.execute("UPDATE local_site SET max_trusted_wall = ?", [NOW + DAY // 2])
    db.conn.commit()
    _agency(db, "Xã mới")
    with db.atomic():
        block_edits(db, "Máy bị sao chép.")
    with pytest.raises(EditBlockedError, match="sao chép"):
        _agency(db, "Xã khác")
    apply_local_edits(db, [Edit("agency", "ag-y", {"name": "Y", "kind": "commune"})], guard=False)


def test_a_networked_database_opened_on_another_machine_is_blocked(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.execute("UPDATE local_site SET network_id = 'n'")
    db.conn.commit()
    _agency(db)
    monkeypatch.setattr(site_mod, "machine_fingerprint", lambda: "another-machine")
    with pytest.raises(EditBlockedError, match="chép sang từ máy khác"):
        _agency(db, "Xã B", "ag-b")
    new_id = site_mod.new_site_identity(db)
    assert local_site(db).site_id == new_id
    _agency(db, "Xã B", "ag-b")
    assert db.execute("SELECT seq FROM change_log WHERE origin = ?", [new_id]).fetchall() == [
        (1,),
        (2,),
    ]


def test_received_stamps_move_the_clock_at_most_a_day_ahead(db: Database) -> None:
    with db.atomic():
        assert hlc_receive(db, (NOW + 400 * DAY, 7)) == (NOW + MAX_DRIFT_MS, 0)
        assert hlc_receive(db, (NOW - DAY, 0)) == (NOW + MAX_DRIFT_MS, 0)
    _agency(db)
    stamps = db.execute("SELECT hlc_wall, hlc_ctr FROM change_log ORDER BY seq").fetchall()
    assert stamps == [(NOW + MAX_DRIFT_MS, 1), (NOW + MAX_DRIFT_MS, 2)]


def test_the_change_hash_is_the_sha256_of_the_canonical_change() -> None:
    import hashlib

    from cchc_desktop.store.changes import change_hash

    for value in (None, '"Nhiệm vụ \\"số\\" 1\\n"', "42", '"đ\\u0000x"'):
        payload = canonical_json(["S-1", 7, 3, [1790000000000, 2], "task", "r-1", "title", value])
        expected = hashlib.sha256(payload.encode("utf-8")).digest()
        assert (
            change_hash("S-1", 7, 3, (1790000000000, 2), "task", "r-1", "title", value) == expected
        )
