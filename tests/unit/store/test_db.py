"""Opening, pragmas and migrations of the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cchc_desktop import paths
from cchc_desktop.errors import StoreError
from cchc_desktop.store import migrations
from cchc_desktop.store.db import connect, migrate, open_database
from cchc_desktop.store.schema import schema_text


def test_connection_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.db")
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_migrated_schema_equals_the_committed_snapshot(tmp_path: Path) -> None:
    db = connect(tmp_path / "a.db")
    migrate(db)
    snapshot = (paths.bundle_root() / "db" / "schema.sql").read_text(encoding="utf-8")
    assert schema_text(db) == snapshot, "run scripts/dump_schema.py after changing a migration"


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    db = connect(tmp_path / "a.db")
    assert migrate(db)  # everything applied once
    before = schema_text(db)
    assert migrate(db) == []
    assert schema_text(db) == before


def test_every_migration_file_is_registered() -> None:
    files = [p.stem for p in migrations.migration_files()]
    registered = [m.name for m in migrations.build_migrations()._migrations]
    assert files == registered
    assert files[0] == "0001_initial"
    numbers = [int(name[:4]) for name in files]
    # Numbers ascend without repeats (branches are given numbers ahead, so gaps may occur).
    assert numbers == sorted(set(numbers))
    assert numbers[0] == 1


def test_existing_database_is_backed_up_before_a_pending_migration(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_first.sql").write_text("CREATE TABLE t (id TEXT PRIMARY KEY);\n")
    path = tmp_path / "a.db"
    db = connect(path)
    migrate(db, path, folder)
    db.execute("INSERT INTO t VALUES ('kept')")
    db.conn.commit()
    assert not list(tmp_path.glob("backups/*.db")), "a new database needs no backup"
    (folder / "0002_second.sql").write_text("ALTER TABLE t ADD COLUMN note TEXT;\n")
    assert migrate(db, path, folder) == ["0002_second"]
    backups = list((tmp_path / "backups").glob("a-truoc-nang-cap-0002_second-*.db"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT id FROM t").fetchall() == [("kept",)]
    assert "note" not in [r[1] for r in copy.execute("PRAGMA table_info(t)")]


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    db = open_database(path)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [migrations.MIGRATION_SET, "9999_from_the_future", "2030-01-01"],
    )
    db.conn.commit()
    db.conn.close()
    with pytest.raises(StoreError, match="phiên bản CCHC Desktop mới hơn"):
        open_database(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_bytes(b"this is a scanned letter, not a database" * 100)
    with pytest.raises(StoreError, match="không phải cơ sở dữ liệu"):
        open_database(path)


def test_local_site_is_created_once(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    first = open_database(path).execute("SELECT site_id FROM local_site").fetchall()
    second = open_database(path).execute("SELECT site_id FROM local_site").fetchall()
    assert len(first) == 1
    assert first == second


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    script = """
    -- a comment
    CREATE TABLE t (a INTEGER);
    CREATE TRIGGER t_ro BEFORE DELETE ON t
    BEGIN
      SELECT RAISE(ABORT, 'no; never');
    END;
    """
    statements = migrations.split_statements(script)
    assert len(statements) == 2
    assert statements[1].endswith("END;")
