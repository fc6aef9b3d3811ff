"""Opening the database: connection pragmas, pre-migration backup, migrations, local identity."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from cchc_desktop.errors import StoreError, os_reason
from cchc_desktop.store import maintenance
from cchc_desktop.store import migrations as migration_files
from cchc_desktop.store.leftovers import partial_path
from cchc_desktop.store.site import ensure_local_site

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def sqlite_uri(path: Path, **params: str) -> str:
    """A `file:` URI SQLite accepts for `path`, with drive letters, UNC shares and odd names.

    `Path.as_uri()` is not enough: SQLite rejects a URI authority (``file://server/share``), so
    a UNC path becomes ``file:////server/share/...``, and `?`, `#` and `%` in folder names are
    percent-encoded.
    """
    posix = path.absolute().as_posix()
    if not posix.startswith("/"):
        posix = "/" + posix  # C:/x -> /C:/x, which the Windows VFS reads back as C:/x
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return "file://" + quote(posix, safe="/:") + (f"?{query}" if query else "")


def connect(path: Path | str, *, read_only: bool = False) -> Database:
    """A connection with the product's pragmas: foreign keys, WAL, synchronous=FULL, busy timeout.

    sqlite-utils never turns foreign keys on by itself, so the connection is built here and
    wrapped. `read_only` opens the file with `mode=ro` (reports and exports on a worker thread).
    """
    try:
        if read_only:
            conn = read_only_connection(Path(path))
        else:
            # Implicit transactions too take the write lock at their start (see WriteDatabase).
            conn = sqlite3.connect(str(path), isolation_level="IMMEDIATE")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise StoreError(
                f"Tệp {path} không phải cơ sở dữ liệu CCHC Desktop hoặc đã bị hỏng "
                f"({os_reason(exc)})."
            ) from exc
        reason = os_reason(exc, Path(path).parent)
        raise StoreError(f"Không mở được cơ sở dữ liệu {path}: {reason}") from exc
    return as_database(conn)


def read_only_connection(db_path: Path) -> sqlite3.Connection:
    """A `mode=ro` connection, falling back to `immutable=1` on media SQLite cannot write at all
    (a CD, a read-only mount: a WAL database needs its -shm file even to be read).

    Raises:
        sqlite3.DatabaseError: neither way opens the file as a database.
    """
    last_error: sqlite3.DatabaseError | None = None
    for params in ({"mode": "ro"}, {"mode": "ro", "immutable": "1"}):
        conn = None
        try:
            conn = sqlite3.connect(sqlite_uri(db_path, **params), uri=True)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            last_error = exc
            continue
        return conn
    assert last_error is not None
    raise last_error


class WriteDatabase(Database):
    """A sqlite-utils database whose transactions take the write lock when they begin.

    sqlite-utils opens a deferred `BEGIN`: the lock is then wanted only at the first write,
    and a transaction that has already read cannot wait for it (SQLite answers "database is
    locked" at once, whatever the busy timeout). `BEGIN IMMEDIATE` waits up to the busy
    timeout for another writer to finish, so two programs writing at once both succeed.
    """

    file_path: Path | None = None
    identity: tuple[int, int] | None = None
    # Run once before the first write transaction (the command line's damage check).
    before_first_write: Callable[[], None] | None = None

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:  # nested: sqlite-utils' savepoint
            with super().atomic():
                yield self
            return
        self.begin_write()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise

    def begin_write(self) -> None:
        """`BEGIN IMMEDIATE`, then the checks every write transaction owes: no restore or
        migration running, the file not replaced, and (once) the damage check."""
        if self.before_first_write is not None:
            check, self.before_first_write = self.before_first_write, None
            check()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self._check_still_ours()
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def _check_still_ours(self) -> None:
        """Inside the write lock: no restore or migration runs, and the file is the one opened.

        A restore replaces the file; a connection opened before it would otherwise commit into
        the replaced file, and the clerk would be told a change was saved that is in no file.
        """
        path = self.file_path
        if path is None:
            return
        maintenance.wait_until_free(self.conn, path)
        now = file_identity(path)
        if self.identity is not None and now is not None and now != self.identity:
            self.conn.execute("ROLLBACK")
            raise StoreError(
                f"Tệp cơ sở dữ liệu {path} vừa được thay (phục hồi từ bản sao lưu) sau khi "
                "chương trình mở nó. Thay đổi chưa được lưu; hãy đóng và mở lại chương trình "
                "rồi làm lại."
            )


def file_identity(path: Path) -> tuple[int, int] | None:
    """Which file on disk `path` names now (device and inode/file index); None where the file
    system does not tell (some network shares and FAT drives report 0), so no replacement is
    ever imagined there."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino) if stat.st_ino else None


def main_file(conn: sqlite3.Connection) -> Path | None:
    """The file behind a connection's main database; None for an in-memory one."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file) if file else None
    return None


def as_database(conn: sqlite3.Connection) -> Database:
    """Wrap a connection for sqlite-utils without loading sqlite-utils plugins.

    Plugins installed beside the program could change the connection; looking them up also
    scans every installed package, which costs the window's start-up about 25 ms.
    """
    db = WriteDatabase(conn, execute_plugins=False)
    db.file_path = main_file(conn)
    db.identity = file_identity(db.file_path) if db.file_path else None
    return db


def is_new_database(path: Path) -> bool:
    return not path.exists() or path.stat().st_size == 0


def backup_copy(db: Database, target: Path) -> Path:
    """Copy the live database to `target` with SQLite's online backup API (consistent under WAL).

    The copy is made under a temporary name, switched to a self-contained rollback journal,
    synced and only then renamed, so a crash mid-copy never leaves a truncated file under a
    backup's name.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(target)
    partial.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(str(partial))
        try:
            db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            dest.commit()
        finally:
            dest.close()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)  # a disk full or a kill leaves no half copy behind
        raise
    return target


def pre_migration_backup_path(db_path: Path, version: str) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    return db_path.parent / "backups" / f"{db_path.stem}-truoc-nang-cap-{version}-{stamp}.db"


def migrate(db: Database, db_path: Path | None = None, folder: Path | None = None) -> list[str]:
    """Apply pending migrations, first backing up an existing database file.

    `folder` overrides the migrations folder (tests). Returns the names of the migrations applied.
    """
    migrations = migration_files.build_migrations(folder)
    applied_names = {m.name for m in migrations.applied(db)}
    known = {p.stem for p in migration_files.migration_files(folder)}
    unknown = applied_names - known
    if unknown:
        raise StoreError(
            "Cơ sở dữ liệu này do phiên bản CCHC Desktop mới hơn tạo ra "
            f"(lược đồ {max(unknown)}). Hãy cài phiên bản mới nhất để mở."
        )
    if not list(migrations.pending(db)):
        return []
    alone = (
        maintenance.exclusive_job(db_path, maintenance.MIGRATION)
        if db_path is not None
        else contextlib.nullcontext()
    )
    with alone:
        # Asked again while alone: another program may have upgraded the file meanwhile.
        pending = [m.name for m in migrations.pending(db)]
        if not pending:
            return []
        if db_path is not None and applied_names:
            backup = backup_copy(db, pre_migration_backup_path(db_path, pending[-1]))
            log.info("Backed up %s to %s before migrating", db_path, backup)
        try:
            migrations.apply(db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Không nâng cấp được cơ sở dữ liệu: {os_reason(exc)}") from exc
    return pending


def refuse_folder(db_path: Path) -> None:
    """A clear message when `--db` (or a setting) names a folder instead of a database file."""
    if db_path.is_dir():
        raise StoreError(
            f"{db_path} là một thư mục, không phải tệp cơ sở dữ liệu. Hãy ghi đường dẫn tới tệp, "
            f"ví dụ {db_path / 'cchc.db'}."
        )


def open_database(path: Path | str, *, role: str = "district") -> Database:
    """Open (creating if needed) and migrate the database at `path`; ensure the local site.

    `role` applies only when the local site identity is created (first run).
    """
    db_path = Path(path)
    refuse_folder(db_path)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = os_reason(exc)
        raise StoreError(f"Không tạo được thư mục dữ liệu {db_path.parent}: {reason}") from exc
    db = connect(db_path)
    try:
        db.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        db.conn.close()
        raise StoreError(
            f"Tệp {db_path} không phải cơ sở dữ liệu CCHC Desktop hoặc đã bị hỏng ({exc})."
        ) from exc
    migrate(db, db_path)
    ensure_local_site(db, role=role)
    return db
