"""Integrity checks, read-only opening, write errors and the PC lock beside the database."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc_desktop import paths
from cchc_desktop.errors import StoreError
from cchc_desktop.store import integrity
from cchc_desktop.store.db import connect, open_database, sqlite_uri

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and mounts")


@contextlib.contextmanager
def read_only(*targets: Path) -> Iterator[None]:
    """Make files and folders unwritable: chmod, or for root (whom chmod does not stop) a
    read-only bind mount of the folder, as a CD or a locked share would be."""
    if os.geteuid() != 0:
        modes = {t: t.stat().st_mode for t in targets}
        for t in targets:
            t.chmod(stat.S_IRUSR | (stat.S_IXUSR if t.is_dir() else 0))
        try:
            yield
        finally:
            for t, mode in reversed(modes.items()):
                t.chmod(mode)
        return
    folder = next(t for t in targets if t.is_dir()) if any(t.is_dir() for t in targets) else None
    folder = folder or targets[0].parent
    mount = subprocess.run(
        ["mount", "--bind", str(folder), str(folder)], check=False, capture_output=True
    )
    if mount.returncode != 0:
        pytest.skip("running as root without permission to mount a read-only folder")
    try:
        subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(folder)], check=True, capture_output=True
        )
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True, capture_output=True)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "cchc.db"
    db = open_database(path)
    db.execute("INSERT INTO setting (id, value) VALUES ('office.name', '\"UBND\"')")
    db.conn.commit()
    db.conn.close()
    return path


def _corrupt(path: Path) -> None:
    """Overwrite the middle of the file: pages of tables and indexes, not the header."""
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(4096 * 3)
        f.write(b"\xa5" * min(size - 4096 * 3, 4096 * 4))


def _checkpointed(path: Path) -> None:
    db = connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()


# ---------------------------------------------------------------- checks


def test_quick_check_of_a_sound_database_is_empty(db_path: Path) -> None:
    db = connect(db_path)
    assert integrity.quick_check(db) == []
    assert integrity.integrity_check(db) == []
    db.conn.close()


def test_quick_check_reports_a_damaged_file(db_path: Path) -> None:
    _checkpointed(db_path)
    assert db_path.stat().st_size > 4096 * 5
    _corrupt(db_path)
    state = integrity.inspect_database(db_path)
    assert state.exists
    assert not state.sound
    assert state.problems


def test_inspect_a_sound_file(db_path: Path) -> None:
    state = integrity.inspect_database(db_path)
    assert state == integrity.FileState(exists=True, writable=True, problems=())
    assert state.sound


def test_inspect_a_missing_file_in_a_missing_folder(tmp_path: Path) -> None:
    state = integrity.inspect_database(tmp_path / "not" / "yet" / "cchc.db")
    assert state == integrity.FileState(exists=False, writable=True, problems=())
    assert not (tmp_path / "not").exists(), "inspecting must not create folders"


def test_inspect_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "cchc.db"
    path.write_bytes(b"this is a Word document, not SQLite" * 200)
    state = integrity.inspect_database(path)
    assert state.problems
    assert not state.sound


def test_inspect_a_foreign_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    state = integrity.inspect_database(path)
    assert state.problems == ()
    assert state.schema_problem == "Tệp này không phải cơ sở dữ liệu CCHC Desktop."


def test_schema_problem_for_a_newer_program_version(db_path: Path) -> None:
    db = connect(db_path)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('cchc', '9999_from_the_future', '2030-01-01')"
    )
    db.conn.commit()
    problem = integrity.schema_problem(db)
    assert problem is not None
    assert "phiên bản CCHC Desktop mới hơn" in problem
    assert "9999_from_the_future" in problem
    db.conn.close()
    state = integrity.inspect_database(db_path)
    assert state.sound, "a newer database is not damaged"
    assert state.schema_problem == problem


# ---------------------------------------------------------------- uri, writable, read-only


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (Path("/tmp/a b/c.db"), "file:///tmp/a%20b/c.db?mode=ro"),
        (Path("/tmp/x?y#z%/c.db"), "file:///tmp/x%3Fy%23z%25/c.db?mode=ro"),
        (Path("/tmp/Đơn vị/c.db"), "file:///tmp/%C4%90%C6%A1n%20v%E1%BB%8B/c.db?mode=ro"),
    ],
)
def test_sqlite_uri_escapes_what_sqlite_would_misread(path: Path, expected: str) -> None:
    assert sqlite_uri(path, mode="ro") == expected


def test_sqlite_uri_opens_a_folder_with_odd_characters(tmp_path: Path) -> None:
    folder = tmp_path / "Phòng 1?#%"
    folder.mkdir()
    open_database(folder / "cchc.db").conn.close()
    db = integrity.open_read_only(folder / "cchc.db")
    assert db.execute("SELECT count(*) FROM local_site").fetchone()[0] == 1
    db.conn.close()


def test_is_writable_for_a_normal_folder(db_path: Path, tmp_path: Path) -> None:
    assert integrity.is_writable(db_path)
    assert integrity.is_writable(tmp_path / "new" / "cchc.db")


@needs_posix
def test_is_writable_false_for_a_read_only_folder(db_path: Path) -> None:
    _checkpointed(db_path)
    with read_only(db_path.parent):
        assert not integrity.is_writable(db_path)
        assert not integrity.inspect_database(db_path).writable
    assert integrity.is_writable(db_path)


@needs_posix
@pytest.mark.skipif(sys.platform != "win32" and os.geteuid() == 0, reason="root ignores chmod")
def test_is_writable_false_for_a_read_only_file(db_path: Path) -> None:
    with read_only(db_path):
        assert not integrity.is_writable(db_path)


@needs_posix
@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_read_only_open_on_read_only_media(db_path: Path, journal: str) -> None:
    """A CD: neither the file nor the folder can be written, and no -wal/-shm exist.

    A database copied after a clean close still says "WAL" in its header; SQLite cannot build
    the WAL index on such media, so the immutable fallback is what opens it.
    """
    db = connect(db_path)
    db.execute(f"PRAGMA journal_mode = {journal}")
    db.conn.close()
    assert not db_path.with_name(db_path.name + "-wal").exists()
    with read_only(db_path, db_path.parent):
        before = sorted(p.name for p in db_path.parent.iterdir())
        assert integrity.inspect_database(db_path) == integrity.FileState(
            exists=True, writable=False, problems=()
        )
        ro = integrity.open_read_only(db_path)
        assert ro.execute("SELECT value FROM setting WHERE id = 'office.name'").fetchone() == (
            '"UBND"',
        )
        with pytest.raises(sqlite3.OperationalError):
            ro.execute("INSERT INTO setting (id, value) VALUES ('x', '1')")
        ro.conn.close()
        assert sorted(p.name for p in db_path.parent.iterdir()) == before


def test_read_only_open_refuses_writes(db_path: Path) -> None:
    ro = integrity.open_read_only(db_path)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        ro.execute("INSERT INTO setting (id, value) VALUES ('x', '1')")
    ro.conn.close()


def test_read_only_open_of_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Không tìm thấy"):
        integrity.open_read_only(tmp_path / "cchc.db")


def test_read_only_open_refuses_a_database_needing_migration(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = tmp_path / "migrations"
    newer.mkdir()
    for sql in paths.migrations_dir().glob("*.sql"):
        shutil.copy(sql, newer / sql.name)
    (newer / "9000_next_release.sql").write_text("CREATE TABLE later (x);\n", encoding="utf-8")
    monkeypatch.setattr(paths, "migrations_dir", lambda: newer)
    with pytest.raises(StoreError, match="cần nâng cấp"):
        integrity.open_read_only(db_path)


def test_read_only_open_refuses_a_newer_database(db_path: Path) -> None:
    db = connect(db_path)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('cchc', '9999_later', '2030-01-01')"
    )
    db.conn.commit()
    db.conn.close()
    with pytest.raises(StoreError, match="mới hơn"):
        integrity.open_read_only(db_path)


# ---------------------------------------------------------------- write errors


def test_disk_full_becomes_a_clear_message_and_nothing_is_half_written(db_path: Path) -> None:
    db = connect(db_path)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is "full" at the current size

    def save_many() -> None:
        with integrity.write_guard(db_path), db.atomic():
            for i in range(2000):
                db.execute("INSERT INTO setting (id, value) VALUES (?, ?)", [f"k{i}", "x" * 400])

    with pytest.raises(StoreError, match=r"^Ổ đĩa đầy") as caught:
        save_many()
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    assert db.execute("SELECT count(*) FROM setting").fetchone()[0] == 1
    db.conn.close()
    db = connect(db_path)
    assert integrity.integrity_check(db) == []
    db.conn.close()


def test_enospc_from_the_os_is_disk_full(tmp_path: Path) -> None:
    error = integrity.store_error(OSError(28, "No space left on device"), tmp_path / "cchc.db")
    assert str(error).startswith("Ổ đĩa đầy")


def test_database_deleted_while_running_is_detected_on_next_write(db_path: Path) -> None:
    db = connect(db_path)
    db_path.unlink()
    with pytest.raises(StoreError, match="đã bị xoá hoặc di chuyển"):
        integrity.ensure_still_present(db_path)
    exc = sqlite3.OperationalError("attempt to write a readonly database")
    exc.sqlite_errorcode = integrity.SQLITE_READONLY_DBMOVED
    assert "đã bị xoá hoặc di chuyển" in str(integrity.store_error(exc, db_path))
    db.conn.close()


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        (integrity.SQLITE_READONLY, "chỉ cho đọc"),
        (integrity.SQLITE_BUSY, "đang bận"),
        (integrity.SQLITE_LOCKED, "đang bận"),
        (integrity.SQLITE_CORRUPT, "bị hỏng"),
        (integrity.SQLITE_NOTADB, "bị hỏng"),
        (integrity.SQLITE_IOERR | (3 << 8), "Lỗi đọc/ghi ổ đĩa"),
        (integrity.SQLITE_FULL, "Ổ đĩa đầy"),
        (1, "Không ghi được cơ sở dữ liệu"),
    ],
)
def test_store_error_messages(db_path: Path, code: int, fragment: str) -> None:
    exc = sqlite3.OperationalError("boom")
    exc.sqlite_errorcode = code
    message = str(integrity.store_error(exc, db_path))
    assert fragment in message
    assert "chưa được lưu" in message or "Ổ đĩa đầy" in message


def test_store_error_passes_a_store_error_through(db_path: Path) -> None:
    original = StoreError("x")
    assert integrity.store_error(original, db_path) is original


def test_write_guard_lets_other_errors_through(db_path: Path) -> None:
    with pytest.raises(KeyError), integrity.write_guard(db_path):
        raise KeyError("not a storage error")


# ---------------------------------------------------------------- the PC lock


def _write_lock(db_path: Path, host: str, pid: int, age: float = 0) -> None:
    path = integrity.lock_path(db_path)
    path.write_text(
        json.dumps({"host": host, "pid": pid, "user": "chuyenvien", "started": time.time()}),
        encoding="utf-8",
    )
    if age:
        now = time.time()
        os.utime(path, (now - age, now - age))


def test_lock_is_taken_and_released(db_path: Path) -> None:
    lock = integrity.DatabaseLock(db_path)
    assert lock.acquire() is None
    assert lock.owned
    owner = lock.owner()
    assert owner is not None
    assert owner.pid == os.getpid()
    assert owner.host == integrity.this_host()
    lock.refresh()
    lock.release()
    assert not integrity.lock_path(db_path).exists()


def test_lock_held_by_another_pc(db_path: Path) -> None:
    _write_lock(db_path, "MAY-TIEP-NHAN", 4242)
    lock = integrity.DatabaseLock(db_path)
    owner = lock.acquire()
    assert owner is not None
    assert owner.host == "MAY-TIEP-NHAN"
    assert not lock.owned
    message = integrity.lock_message(owner)
    assert message.startswith("Cơ sở dữ liệu đang được mở trên máy MAY-TIEP-NHAN")
    lock.release()
    assert integrity.lock_path(db_path).exists(), "another PC's lock is never removed"


def test_stale_lock_from_another_pc_is_taken_over(db_path: Path) -> None:
    _write_lock(db_path, "MAY-DA-TAT", 4242, age=integrity.LOCK_STALE_SECONDS + 60)
    lock = integrity.DatabaseLock(db_path)
    assert lock.acquire() is None
    assert lock.owned
    owner = lock.owner()
    assert owner is not None
    assert owner.host == integrity.this_host()
    lock.release()


def test_lock_of_a_dead_process_on_this_pc_is_stale(db_path: Path) -> None:
    _write_lock(db_path, integrity.this_host(), 2**22 + 12345)
    lock = integrity.DatabaseLock(db_path)
    assert lock.held_by_live_process() is None
    assert lock.acquire() is None
    assert lock.owned
    lock.release()


def test_lock_of_a_live_process_on_this_pc_is_left_alone(db_path: Path) -> None:
    _write_lock(db_path, integrity.this_host(), os.getppid())
    lock = integrity.DatabaseLock(db_path)
    assert lock.acquire() is None
    assert not lock.owned
    holder = lock.held_by_live_process()
    assert holder is not None
    assert holder.pid == os.getppid()


def test_unreadable_lock_file_is_ignored(db_path: Path) -> None:
    integrity.lock_path(db_path).write_text("{not json", encoding="utf-8")
    lock = integrity.DatabaseLock(db_path)
    assert lock.owner() is None
    assert lock.acquire() is None
    assert lock.owned
    lock.release()
