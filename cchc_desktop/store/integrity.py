"""Data safety around the database file: checks, read-only opening, write errors, the PC lock."""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from cchc_desktop.errors import StoreError, os_reason
from cchc_desktop.store import migrations as migration_files
from cchc_desktop.store.db import (
    BUSY_TIMEOUT_MS,
    as_database,
    read_only_connection,
    refuse_folder,
)
from cchc_desktop.store.leftovers import partial_path
from cchc_desktop.store.processes import pid_alive, this_host

log = logging.getLogger(__name__)

# Result codes from sqlite3.h; Python exposes them as `exc.sqlite_errorcode` (3.11+).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
SQLITE_READONLY_DBMOVED = SQLITE_READONLY | (4 << 8)

MIGRATIONS_TABLE = "_sqlite_migrations"


# ---------------------------------------------------------------- checks


def quick_check(db: Database) -> list[str]:
    """The problems `PRAGMA quick_check` finds; an empty list when the file is sound.

    A file too damaged to run the check at all yields the SQLite error as its one problem.
    """
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def integrity_check(db: Database) -> list[str]:
    """Like `quick_check` but with the full `PRAGMA integrity_check` (indexes against tables)."""
    try:
        rows = db.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def schema_problem(db: Database) -> str | None:
    """Why `db` cannot be used as a CCHC Desktop database by this program version, or None.

    Refuses files that are not CCHC databases and files written by a newer version (a schema
    migration this program does not know). An older schema is fine: opening migrates it.
    """
    try:
        tables = {
            str(r[0]) for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if MIGRATIONS_TABLE not in tables or "local_site" not in tables:
            return "Tệp này không phải cơ sở dữ liệu CCHC Desktop."
        applied = {
            str(r[0])
            for r in db.execute(
                f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?",  # noqa: S608 - constant
                [migration_files.MIGRATION_SET],
            )
        }
    except sqlite3.DatabaseError as exc:
        return f"Tệp này không đọc được như một cơ sở dữ liệu ({exc})."
    if not applied:
        return "Tệp này không phải cơ sở dữ liệu CCHC Desktop."
    unknown = applied - {p.stem for p in migration_files.migration_files()}
    if unknown:
        return (
            "Tệp này do phiên bản CCHC Desktop mới hơn tạo ra "
            f"(lược đồ {max(unknown)}). Hãy cài phiên bản mới nhất để mở."
        )
    return None


def pending_migrations(db: Database) -> list[str]:
    """Migrations this program would still apply to `db` (read-only)."""
    return [m.name for m in migration_files.build_migrations().pending(db)]


# ---------------------------------------------------------------- opening


def is_writable(db_path: Path) -> bool:
    """Whether the program can write the database at `db_path` (file, journal and backups).

    SQLite writes `-wal`, `-shm` and journal files beside the database, so the folder must be
    writable as well as the file. `os.access` is not trusted: on Windows it ignores ACLs and
    network shares, so both are probed by actually opening for writing.
    """
    folder = db_path.parent
    if db_path.exists():
        try:
            with db_path.open("r+b"):
                pass
        except OSError:
            return False
    while not folder.exists():  # a new database: its folder is created on opening
        if folder.parent == folder:
            return False
        folder = folder.parent
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".cchc-probe-"):
            pass
    except OSError:
        return False
    return True


def connect_read_only(db_path: Path) -> sqlite3.Connection:
    """A read-only connection with foreign keys on (see `db.read_only_connection`)."""
    conn = read_only_connection(db_path)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_read_only(db_path: Path) -> Database:
    """Open an existing database without writing anything to its file or folder.

    For a database on a CD or in a folder this user may not write. The schema must be current,
    because migrating would write. If SQLite cannot create its WAL index beside a read-only
    file, the file is opened as immutable (nobody can be changing it on such media).

    Raises:
        StoreError: the file is missing, damaged, not a CCHC database, from a newer version, or
            needs migrating.
    """
    if not db_path.exists():
        raise StoreError(f"Không tìm thấy tệp cơ sở dữ liệu {db_path}.")
    refuse_folder(db_path)
    try:
        db = as_database(connect_read_only(db_path))
    except sqlite3.DatabaseError as exc:
        reason = os_reason(exc)
        raise StoreError(
            f"Không mở được cơ sở dữ liệu {db_path} ở chế độ chỉ đọc: {reason}"
        ) from exc
    problem = schema_problem(db)
    if problem is None and pending_migrations(db):
        problem = (
            "Cơ sở dữ liệu này cần nâng cấp nhưng nằm ở nơi không ghi được. "
            "Hãy chép tệp vào máy (ví dụ thư mục Tài liệu) rồi mở bản chép."
        )
    if problem is not None:
        db.conn.close()
        raise StoreError(f"{problem} ({db_path})")
    return db


@dataclass(frozen=True, slots=True)
class FileState:
    """What start-up learns about the database file before opening it for work."""

    exists: bool
    writable: bool
    problems: tuple[str, ...]  # from quick_check; empty when sound or when the file is new
    # Not damaged but unusable by this version: not a CCHC database, or from a newer version.
    schema_problem: str | None = None

    @property
    def sound(self) -> bool:
        return not self.problems


def inspect_database(db_path: Path) -> FileState:
    """Check the file before it is migrated or written: exists, writable, `quick_check`.

    Run at start-up so a damaged file is noticed before anything is written to it. The check
    opens the file read-only and never migrates it. Damage goes to `problems` (offer a backup:
    ui.backup_dialog.IntegrityDialog); a sound file this version cannot use goes to
    `schema_problem` (say so and stop).
    """
    if not db_path.exists() or db_path.stat().st_size == 0:
        return FileState(exists=False, writable=is_writable(db_path), problems=())
    writable = is_writable(db_path)
    try:
        conn = connect_read_only(db_path)
    except sqlite3.DatabaseError as exc:
        return FileState(exists=True, writable=writable, problems=(str(exc),))
    try:
        problems = quick_check(as_database(conn))
        schema = None if problems else schema_problem(as_database(conn))
    finally:
        conn.close()
    return FileState(
        exists=True, writable=writable, problems=tuple(problems), schema_problem=schema
    )


# ---------------------------------------------------------------- write errors


def store_error(exc: BaseException, db_path: Path) -> StoreError:
    """The clerk's message for a failed write; the transaction was rolled back by SQLite.

    Every write is one transaction, so whatever the cause nothing half-written is left behind:
    the message says the change was not saved and what to do.
    """
    if isinstance(exc, StoreError):
        return exc
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    detail = os_reason(exc, db_path.parent)
    io_failure = primary in (SQLITE_IOERR, SQLITE_CANTOPEN) or isinstance(exc, OSError)
    if detail.startswith("ổ đĩa đầy") or primary == SQLITE_FULL:
        left = detail.removeprefix("ổ đĩa đầy")
        return StoreError(
            f"Ổ đĩa đầy{left}: không ghi được vào {db_path}. Thay đổi vừa rồi chưa được lưu; dữ "
            "liệu cũ vẫn nguyên vẹn. Hãy xoá bớt tệp trên ổ đĩa rồi thử lại."
        )
    if not db_path.exists() or code == SQLITE_READONLY_DBMOVED:
        return StoreError(
            f"Tệp cơ sở dữ liệu {db_path} đã bị xoá hoặc di chuyển trong khi chương trình đang "
            "chạy. Thay đổi vừa rồi chưa được lưu. Hãy đóng chương trình rồi phục hồi từ bản sao "
            "lưu (Tệp → Phục hồi) hoặc chép tệp về chỗ cũ."
        )
    if primary == SQLITE_READONLY or detail == "ổ đĩa chỉ cho đọc":
        return StoreError(
            f"Không ghi được vào {db_path}: tệp hoặc thư mục chỉ cho đọc. Thay đổi chưa được lưu."
        )
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreError(
            "Cơ sở dữ liệu đang bận: một chương trình khác đang ghi và chưa xong sau "
            f"{BUSY_TIMEOUT_MS // 1000} giây chờ. Thay đổi chưa được lưu; hãy thử lại sau ít phút."
        )
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return StoreError(
            f"Cơ sở dữ liệu {db_path} bị hỏng ({detail}). Thay đổi chưa được lưu; hãy phục hồi từ "
            "bản sao lưu gần nhất."
        )
    if io_failure:
        return StoreError(
            f"Lỗi đọc/ghi ổ đĩa với {db_path} ({detail}). Thay đổi chưa được lưu; hãy kiểm tra ổ "
            "đĩa hoặc kết nối mạng rồi thử lại."
        )
    return StoreError(f"Không ghi được cơ sở dữ liệu {db_path}: {detail}. Thay đổi chưa được lưu.")


@contextlib.contextmanager
def write_guard(db_path: Path) -> Iterator[None]:
    """Turn SQLite and disk errors raised inside the block into a Vietnamese `StoreError`.

    Wrap a service call that writes (it runs its own transaction)::

        with write_guard(ctx.db_path):
            plan_service.import_plan(ctx.db, ...)
    """
    try:
        yield
    except (sqlite3.DatabaseError, OSError) as exc:
        raise store_error(exc, db_path) from exc


def ensure_still_present(db_path: Path) -> None:
    """Raise the "deleted while running" `StoreError` if the database file has gone.

    On Windows an open file usually cannot be deleted, but a network share can disappear and
    a USB stick can be pulled; call this before a write (or on window activation).
    """
    if not db_path.exists():
        raise store_error(FileNotFoundError(str(db_path)), db_path)


# ---------------------------------------------------------------- the PC lock beside the file

LOCK_SUFFIX = ".lock"
LOCK_REFRESH_SECONDS = 60
LOCK_STALE_SECONDS = 10 * 60


@dataclass(frozen=True, slots=True)
class LockOwner:
    """Who holds the lock file beside a database."""

    host: str
    pid: int
    user: str
    started: float  # seconds since the epoch, on the owner's clock


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def _user() -> str:
    try:
        return getpass.getuser()
    except OSError:
        return ""


class DatabaseLock:
    """A lock file beside the database saying which PC has it open (host name and pid).

    SQLite's WAL mode needs shared memory on one machine, so two PCs opening the same file in a
    network folder would damage it; this file stops the second PC with a clear message. The
    owner refreshes the file every `LOCK_REFRESH_SECONDS`; a lock from another PC that has not
    been refreshed for `LOCK_STALE_SECONDS` (compared with the file server's own clock, so PC
    clocks do not matter) or from a dead process on this PC is stale and taken over.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self.owned = False

    def owner(self) -> LockOwner | None:
        """The current holder, or None when there is no readable lock file."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return LockOwner(
                host=str(data["host"]),
                pid=int(data["pid"]),
                user=str(data.get("user", "")),
                started=float(data.get("started", 0)),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _age_seconds(self) -> float:
        """How long ago the lock was last refreshed, measured on the file server's clock."""
        try:
            lock_mtime = self.path.stat().st_mtime
            with tempfile.NamedTemporaryFile(dir=self.path.parent, prefix=".cchc-clock-") as probe:
                now = Path(probe.name).stat().st_mtime
        except OSError:
            return 0.0
        return max(0.0, now - lock_mtime)

    def is_stale(self, owner: LockOwner) -> bool:
        if owner.host == this_host():
            return not pid_alive(owner.pid)
        return self._age_seconds() > LOCK_STALE_SECONDS

    def held_elsewhere(self) -> LockOwner | None:
        """The holder on *another* PC, if a live lock exists; None when this PC may open it."""
        owner = self.owner()
        if owner is None or owner.host == this_host() or self.is_stale(owner):
            return None
        return owner

    def held_by_live_process(self) -> LockOwner | None:
        """The holder (this PC or another) if it is still running; for restore and similar."""
        owner = self.owner()
        if owner is None or self.is_stale(owner) or owner.pid == os.getpid():
            return None
        return owner

    def acquire(self) -> LockOwner | None:
        """Take the lock; return the other PC's holder instead when it is held elsewhere.

        A live lock held by another process on this PC is left alone (the local single-instance
        check deals with it) and not owned by us.
        """
        elsewhere = self.held_elsewhere()
        if elsewhere is not None:
            return elsewhere
        owner = self.owner()
        if (
            owner is not None
            and owner.host == this_host()
            and owner.pid != os.getpid()
            and pid_alive(owner.pid)
        ):
            return None
        # On read-only media no lock can be written, and none is needed: nobody can write there.
        self.owned = self._write()
        return None

    def _write(self) -> bool:
        data = {"host": this_host(), "pid": os.getpid(), "user": _user(), "started": time.time()}
        tmp = partial_path(self.path)
        try:
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            tmp.replace(self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            log.warning("Cannot write the lock file %s: %s", self.path, exc)
            return False
        return True

    def refresh(self) -> None:
        """Touch the lock so other PCs see it is alive (call every `LOCK_REFRESH_SECONDS`)."""
        if not self.owned:
            return
        try:
            os.utime(self.path)
        except OSError:
            self._write()

    def release(self) -> None:
        if not self.owned:
            return
        owner = self.owner()
        if owner is not None and owner.host == this_host() and owner.pid == os.getpid():
            with contextlib.suppress(OSError):
                self.path.unlink()
        self.owned = False


def lock_message(owner: LockOwner) -> str:
    """The clerk's message for a database held open by another PC."""
    who = f" (người dùng {owner.user})" if owner.user else ""
    return (
        f"Cơ sở dữ liệu đang được mở trên máy {owner.host}{who}. Hai máy cùng mở một tệp sẽ làm "
        "hỏng dữ liệu. Hãy đóng chương trình trên máy đó rồi mở lại; nếu máy đó đã tắt đột ngột, "
        f"chờ {LOCK_STALE_SECONDS // 60} phút rồi thử lại."
    )
