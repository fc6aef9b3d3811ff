"""Backups: naming, rotation, daily backups, evidence manifests and restore round-trips."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop import cli
from cchc_desktop.errors import NotFoundError, StoreError, ValidationError
from cchc_desktop.services import backup_service as bs
from cchc_desktop.store import integrity
from cchc_desktop.store.db import connect, open_database
from cchc_desktop.store.evidence_files import file_in_folder

TZ = dt.datetime.now().astimezone().tzinfo


def at(day: int, hour: int = 9, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, second, tzinfo=TZ)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "cchc.db"
    open_database(path).conn.close()
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = connect(db_path)
    yield database
    database.conn.close()


def put_setting(db: Database, key: str, value: object) -> None:
    db.execute("INSERT OR REPLACE INTO setting (id, value) VALUES (?, ?)", [key, json.dumps(value)])
    db.conn.commit()


def get_setting(path: Path, key: str) -> object:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT value FROM setting WHERE id = ?", [key]).fetchone()
    finally:
        conn.close()
    return None if row is None else json.loads(row[0])


def add_evidence(db: Database, data_dir: Path, content: bytes) -> str:
    sha = hashlib.sha256(content).hexdigest()
    path = file_in_folder(data_dir, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    db.execute(
        "INSERT INTO blob (sha256, size, mime, first_seen) VALUES (?, ?, 'application/pdf', 0)",
        [sha, len(content)],
    )
    db.conn.commit()
    return sha


def header_journal_mode(path: Path) -> int:
    """Bytes 18–19 of the header: 1 for rollback journal, 2 for WAL."""
    with path.open("rb") as f:
        return f.read(20)[18]


# ---------------------------------------------------------------- making and listing


def test_create_backup_names_checks_and_describes_the_copy(db: Database, db_path: Path) -> None:
    put_setting(db, "office.name", "UBND huyện Ngọc Lặc")
    sha = add_evidence(db, db_path.parent, b"%PDF-1.4 bien ban")
    info = bs.create_backup(db, db_path, now=at(5, 14, 30, 7))

    assert info.path == db_path.parent / "backups" / "cchc-20260305-143007-thu-cong.db"
    assert info.reason == "thu-cong"
    assert info.label == "Sao lưu thủ công"
    assert info.size == info.path.stat().st_size > 0
    assert header_journal_mode(info.path) == 1, "a backup is one self-contained file"
    assert get_setting(info.path, "office.name") == "UBND huyện Ngọc Lặc"
    manifest = json.loads(bs.manifest_path(info.path).read_text(encoding="utf-8"))
    assert manifest["evidence"] == [{"sha256": sha, "size": 17}]
    assert manifest["database"] == "cchc.db"
    assert sorted(p.name for p in info.path.parent.iterdir()) == [
        info.path.name,
        info.path.name + ".evidence.json",
    ], "no temporary file is left behind"


def test_backups_in_the_same_second_get_distinct_names(db: Database, db_path: Path) -> None:
    first = bs.create_backup(db, db_path, now=at(5))
    second = bs.create_backup(db, db_path, now=at(5))
    assert first.path.name == "cchc-20260305-090000-thu-cong.db"
    assert second.path.name == "cchc-20260305-090000-thu-cong-2.db"
    assert [b.path for b in bs.list_backups(db_path)] == [second.path, first.path]


def test_bad_reason_is_refused(db: Database, db_path: Path) -> None:
    with pytest.raises(ValidationError, match="không hợp lệ"):
        bs.create_backup(db, db_path, "Trước ../ nhập")


def test_list_backups_newest_first_with_pre_migration_copies(db: Database, db_path: Path) -> None:
    bs.create_backup(db, db_path, bs.REASON_DAILY, now=at(1))
    bs.create_backup(db, db_path, bs.REASON_SYNC_IMPORT, now=at(3))
    folder = bs.backup_dir(db_path)
    (folder / "cchc-truoc-nang-cap-0002_next-20260302-020000.db").write_bytes(b"x")
    (folder / "notes.txt").write_text("not a backup", encoding="utf-8")
    (folder / "other.db").write_bytes(b"not ours")

    found = bs.list_backups(db_path)
    assert [(b.created.date().day, b.reason) for b in found] == [
        (3, "truoc-nhap-goi"),
        (2, "truoc-nang-cap"),
        (1, "hang-ngay"),
    ]
    assert found[1].created == dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
    assert found[1].label == "Trước khi nâng cấp dữ liệu"


def test_list_backups_without_a_folder(tmp_path: Path) -> None:
    assert bs.list_backups(tmp_path / "cchc.db") == []


def test_rotation_keeps_the_configured_number(db: Database, db_path: Path) -> None:
    put_setting(db, bs.KEEP_SETTING, 3)
    migration_copy = bs.backup_dir(db_path) / "cchc-truoc-nang-cap-0002_x-20200101-000000.db"
    migration_copy.parent.mkdir(parents=True)
    migration_copy.write_bytes(b"kept")
    made = [bs.create_backup(db, db_path, bs.REASON_DAILY, now=at(d)) for d in range(1, 6)]

    left = bs.list_backups(db_path)
    assert [b.path for b in left if b.rotated] == [m.path for m in reversed(made[2:])]
    assert migration_copy.exists(), "pre-migration copies are never rotated"
    assert not bs.manifest_path(made[0].path).exists(), "a rotated backup's manifest goes too"


def test_each_kind_of_backup_is_rotated_on_its_own(db: Database, db_path: Path) -> None:
    put_setting(db, bs.KEEP_SETTING, 2)
    daily = [bs.create_backup(db, db_path, bs.REASON_DAILY, now=at(d)) for d in range(1, 3)]
    imports = [bs.create_backup(db, db_path, bs.REASON_SYNC_IMPORT, now=at(d)) for d in range(3, 9)]
    left = {b.path for b in bs.list_backups(db_path)}
    assert {d.path for d in daily} <= left, "many imports do not push the daily backups out"
    assert {i.path for i in imports[-2:]} <= left
    assert not {i.path for i in imports[:-2]} & left


@pytest.mark.parametrize(
    ("stored", "expected"),
    [(None, 14), (5, 5), (0, 14), (-3, 14), ("7", 14), (True, 14), (2000, 14), (1000, 1000)],
)
def test_keep_count_setting(db: Database, stored: object, expected: int) -> None:
    if stored is not None:
        put_setting(db, bs.KEEP_SETTING, stored)
    assert bs.keep_count(db) == expected


def test_keep_count_ignores_invalid_json(db: Database) -> None:
    db.execute("INSERT INTO setting (id, value) VALUES (?, '{oops')", [bs.KEEP_SETTING])
    db.conn.commit()
    assert bs.keep_count(db) == bs.DEFAULT_KEEP


def test_set_keep_count_goes_through_the_write_path(db: Database) -> None:
    changes = bs.set_keep_count(db, 30, author="Văn thư")
    assert changes.touches("setting")
    assert bs.keep_count(db) == 30
    logged = db.execute(
        "SELECT count(*) FROM change_log WHERE tbl = 'setting' AND row_id = ?", [bs.KEEP_SETTING]
    ).fetchone()[0]
    assert logged == 1
    with pytest.raises(ValidationError):
        bs.set_keep_count(db, 0)


def test_daily_backup_once_a_day(db: Database, db_path: Path) -> None:
    first = bs.ensure_daily_backup(db, db_path, now=at(10, 8))
    assert first is not None
    assert first.reason == "hang-ngay"
    assert bs.ensure_daily_backup(db, db_path, now=at(10, 17)) is None
    bs.create_backup(db, db_path, now=at(11, 7))  # a manual backup is not the daily one
    second = bs.ensure_daily_backup(db, db_path, now=at(11, 8))
    assert second is not None
    assert second.created.date() == dt.date(2026, 3, 11)


def test_a_damaged_database_is_not_backed_up(db_path: Path) -> None:
    database = connect(db_path)
    for i in range(300):
        database.execute(
            "INSERT INTO setting (id, value) VALUES (?, ?)", [f"k{i}", '"' + "x" * 300 + '"']
        )
    database.conn.commit()
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.conn.close()
    with db_path.open("r+b") as f:
        f.seek(4096 * 4)
        f.write(b"\x00\xff" * 4096)
    database = connect(db_path)
    try:
        with pytest.raises(StoreError, match="đang có lỗi"):
            bs.create_backup(database, db_path)
    finally:
        database.conn.close()
    assert [p.name for p in bs.backup_dir(db_path).iterdir()] == []


def test_disk_full_while_backing_up(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_db: Database, target: Path) -> Path:
        target.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bs, "backup_copy", full)
    with pytest.raises(StoreError, match=r"^Ổ đĩa đầy"):
        bs.create_backup(db, db_path)
    assert list(bs.backup_dir(db_path).iterdir()) == [], "no half backup is left"


# ---------------------------------------------------------------- restore


def test_restore_round_trip_with_evidence(db: Database, db_path: Path) -> None:
    data_dir = db_path.parent
    put_setting(db, "office.name", "trước")
    sha = add_evidence(db, data_dir, b"bien ban hop")
    backup = bs.create_backup(db, db_path, now=at(1))
    put_setting(db, "office.name", "sau")
    add_evidence(db, data_dir, b"anh chup")
    db.conn.close()

    result = bs.restore_backup(db_path, backup.path, now=at(2))

    assert get_setting(db_path, "office.name") == "trước"
    assert result.restored_from == backup.path
    assert result.safety_backup is not None
    assert result.safety_backup.reason == "truoc-phuc-hoi"
    assert get_setting(result.safety_backup.path, "office.name") == "sau"
    assert result.evidence == bs.EvidenceCheck(checked=1, missing=(), corrupt=())
    assert result.evidence.ok
    assert file_in_folder(data_dir, sha).exists()
    restored = connect(db_path)
    assert integrity.integrity_check(restored) == []
    assert restored.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    restored.conn.close()
    assert not list(data_dir.glob(".cchc-restore-*")), "no temporary file is left"
    lines = bs.restore_summary(result)
    assert lines[0] == f"Đã phục hồi cơ sở dữ liệu từ {backup.path.name}."
    assert "Đã kiểm tra 1 tệp minh chứng." in lines


def test_restore_reports_missing_and_corrupt_evidence(db: Database, db_path: Path) -> None:
    data_dir = db_path.parent
    lost = add_evidence(db, data_dir, b"lost file")
    damaged = add_evidence(db, data_dir, b"damaged file")
    kept = add_evidence(db, data_dir, b"kept file")
    backup = bs.create_backup(db, db_path)
    db.conn.close()
    file_in_folder(data_dir, lost).unlink()
    file_in_folder(data_dir, damaged).write_bytes(b"damaged FILE")

    result = bs.restore_backup(db_path, backup.path)

    assert result.evidence.checked == 3
    assert result.evidence.missing == (lost,)
    assert result.evidence.corrupt == (damaged,)
    assert not result.evidence.ok
    text = "\n".join(bs.restore_summary(result))
    assert f"Thiếu 1 tệp minh chứng:\n  {lost}" in text
    assert f"1 tệp minh chứng bị hỏng (nội dung không khớp mã băm):\n  {damaged}" in text
    assert kept not in text


def test_restore_checks_evidence_listed_only_in_the_manifest(db: Database, db_path: Path) -> None:
    backup = bs.create_backup(db, db_path)
    db.conn.close()
    manifest = bs.manifest_path(backup.path)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["evidence"].append({"sha256": "ab" * 32, "size": 3})
    manifest.write_text(json.dumps(data), encoding="utf-8")
    result = bs.restore_backup(db_path, backup.path)
    assert result.evidence.missing == ("ab" * 32,)


def test_restore_replaces_a_file_with_an_uncheckpointed_wal(db_path: Path) -> None:
    """A stale WAL beside the old file must not be replayed onto the restored one."""
    writer = connect(db_path)
    put_setting(writer, "office.name", "backed up")
    backup = bs.create_backup(writer, db_path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    for i in range(50):
        put_setting(writer, f"later.{i}", i)
    wal = db_path.with_name("cchc.db-wal")
    assert wal.stat().st_size > 0
    result = bs.restore_backup(db_path, backup.path)
    writer.conn.close()
    assert get_setting(db_path, "office.name") == "backed up"
    assert get_setting(db_path, "later.0") is None
    assert result.safety_backup is not None
    assert get_setting(result.safety_backup.path, "later.49") == 49
    check = connect(db_path)
    assert integrity.integrity_check(check) == []
    check.conn.close()


def test_restore_by_bare_file_name(db: Database, db_path: Path) -> None:
    backup = bs.create_backup(db, db_path)
    db.conn.close()
    result = bs.restore_backup(db_path, Path(backup.path.name))
    assert result.restored_from == backup.path


def test_restore_of_a_missing_backup(db_path: Path) -> None:
    with pytest.raises(NotFoundError, match="Không tìm thấy bản sao lưu"):
        bs.restore_backup(db_path, Path("cchc-20200101-000000-thu-cong.db"))


def test_restore_onto_a_new_pc(db: Database, db_path: Path, tmp_path: Path) -> None:
    put_setting(db, "office.name", "từ máy cũ")
    backup = bs.create_backup(db, db_path)
    new_db = tmp_path / "new-pc" / "cchc.db"
    result = bs.restore_backup(new_db, backup.path)
    assert result.safety_backup is None
    assert get_setting(new_db, "office.name") == "từ máy cũ"


def _assert_unchanged_after_refusal(db_path: Path, bad: Path, message: str) -> None:
    before = get_setting(db_path, "office.name")
    with pytest.raises(StoreError, match=message):
        bs.restore_backup(db_path, bad)
    assert get_setting(db_path, "office.name") == before
    assert [b for b in bs.list_backups(db_path) if b.reason == "truoc-phuc-hoi"] == []
    assert not list(db_path.parent.glob(".cchc-restore-*"))


def test_restore_refuses_a_damaged_backup(db: Database, db_path: Path) -> None:
    for i in range(300):
        put_setting(db, f"k{i}", "x" * 300)
    backup = bs.create_backup(db, db_path)
    db.conn.close()
    with backup.path.open("r+b") as f:
        f.seek(4096 * 5)
        f.write(b"\x13" * 8192)
    _assert_unchanged_after_refusal(db_path, backup.path, "bị hỏng|Không đọc được")


def test_restore_refuses_a_file_that_is_not_a_database(db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "report.db"
    bad.write_bytes(b"PK\x03\x04 a zip file" * 100)
    _assert_unchanged_after_refusal(db_path, bad, "Không đọc được bản sao lưu")


def test_restore_refuses_another_programs_database(db_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    _assert_unchanged_after_refusal(db_path, other, "không phải cơ sở dữ liệu CCHC Desktop")


def test_restore_refuses_a_backup_from_a_newer_version(db: Database, db_path: Path) -> None:
    backup = bs.create_backup(db, db_path)
    db.conn.close()
    conn = sqlite3.connect(backup.path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('cchc', '9999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    _assert_unchanged_after_refusal(db_path, backup.path, "phiên bản CCHC Desktop mới hơn")


def test_restore_refuses_while_another_program_has_it_open(db: Database, db_path: Path) -> None:
    backup = bs.create_backup(db, db_path)
    integrity.lock_path(db_path).write_text(
        json.dumps({"host": integrity.this_host(), "pid": os.getppid(), "user": "u"}),
        encoding="utf-8",
    )
    with pytest.raises(StoreError, match="Hãy đóng chương trình trước khi phục hồi"):
        bs.restore_backup(db_path, backup.path)


def test_restoring_a_damaged_live_database_keeps_a_raw_copy(db: Database, db_path: Path) -> None:
    for i in range(300):
        put_setting(db, f"k{i}", "x" * 300)
    backup = bs.create_backup(db, db_path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    with db_path.open("r+b") as f:
        f.seek(4096 * 4)
        f.write(b"\x00\xff" * 4096)
    damaged = db_path.read_bytes()

    result = bs.restore_backup(db_path, backup.path)

    assert result.safety_backup is not None
    assert result.safety_backup.path.read_bytes() == damaged
    assert get_setting(db_path, "k299") == "x" * 300


def test_latest_good_backup_skips_damaged_ones(db: Database, db_path: Path) -> None:
    for i in range(300):
        put_setting(db, f"k{i}", "x" * 300)
    good = bs.create_backup(db, db_path, now=at(1))
    bad = bs.create_backup(db, db_path, now=at(2))
    with bad.path.open("r+b") as f:
        f.seek(4096 * 4)
        f.write(b"\x00\xff" * 4096)
    assert bs.latest_good_backup(db_path) == good
    good.path.unlink()
    assert bs.latest_good_backup(db_path) is None


def test_check_backup(db: Database, db_path: Path) -> None:
    backup = bs.create_backup(db, db_path)
    assert bs.check_backup(backup.path) == []


@pytest.mark.parametrize(
    ("size", "text"), [(10, "1 KB"), (812 * 1024, "812 KB"), (3_565_158, "3,4 MB")]
)
def test_format_size(size: int, text: str) -> None:
    assert bs.format_size(size) == text


# ---------------------------------------------------------------- the command line


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the real command line in-process; return its exit status, stdout and stderr."""
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_create_list_restore(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = connect(db_path)
    put_setting(database, "office.name", "trước")
    database.conn.close()

    code, out, _ = run_cli(["backup", "create", "--db", str(db_path)], capsys)
    assert code == 0
    assert out.startswith("Đã tạo bản sao lưu ")
    made = bs.list_backups(db_path)[0]

    code, out, _ = run_cli(["--db", str(db_path), "backup", "list"], capsys)
    assert code == 0
    assert out.splitlines() == [
        f"{made.created:%d/%m/%Y %H:%M:%S}\t{bs.format_size(made.size)}\t"
        f"Sao lưu thủ công\t{made.path.name}"
    ]
    code, out, _ = run_cli(["--db", str(db_path), "backup", "list", "--json"], capsys)
    listed = json.loads(out)
    assert [(e["reason"], Path(e["file"]).name) for e in listed] == [("thu-cong", made.path.name)]

    database = connect(db_path)
    put_setting(database, "office.name", "sau")
    database.conn.close()
    code, out, err = run_cli(
        ["--db", str(db_path), "backup", "restore", made.path.name, "--yes"], capsys
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"Đã phục hồi cơ sở dữ liệu từ {made.path.name}."
    assert get_setting(db_path, "office.name") == "trước"


def test_cli_restore_needs_confirmation(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = bs.create_backup(db, db_path)
    code, _, err = run_cli(["--db", str(db_path), "backup", "restore", str(made.path)], capsys)
    assert code == 1
    assert "thêm --yes để xác nhận" in err
    assert [b.reason for b in bs.list_backups(db_path)] == ["thu-cong"]


def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none" / "cchc.db"
    code, _, err = run_cli(["--db", str(missing), "backup", "create"], capsys)
    assert code == 1
    assert "Không có cơ sở dữ liệu" in err
    assert not missing.exists(), "backup create never creates a database"
    code, out, _ = run_cli(["--db", str(missing), "backup", "list"], capsys)
    assert code == 0
    assert out.startswith("Chưa có bản sao lưu nào")
    code, _, err = run_cli(["--db", str(missing), "backup", "restore", "x.db", "--yes"], capsys)
    assert code == 1
    assert "Không tìm thấy bản sao lưu x.db" in err
    with pytest.raises(SystemExit) as usage:
        run_cli(["--db", str(missing), "backup"], capsys)
    assert usage.value.code == 2
    assert "thiếu tham số bắt buộc: LỆNH" in capsys.readouterr().err
