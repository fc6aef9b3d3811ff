"""When the database file is checked for damage, and what a clerk is told when it is damaged.

A full `PRAGMA quick_check` reads the whole file (about a second per 250 MB), so it does not
run at every start. It is due:

- after the window was not closed properly last time (a crash, a power cut, a kill);
- after a USB bundle from another office came in (a restore checks the file it puts back);
- otherwise when the last good check is a week old.

The window runs a due check on a worker after its first paint; a command that writes runs it
before its first write (`guard_writes`). Damage found before a write refuses the write and
names the newest good backup to restore. What is known is kept in a small file beside the
database (`<db>.health.json`), local to this PC like the backups.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlite_utils import Database

from cchc_desktop.errors import StoreError
from cchc_desktop.services import backup_service
from cchc_desktop.store import integrity
from cchc_desktop.store.db import WriteDatabase
from cchc_desktop.store.leftovers import partial_path
from cchc_desktop.store.processes import pid_alive

log = logging.getLogger(__name__)

CHECK_EVERY_SECONDS = 7 * 24 * 3600
SUFFIX = ".health.json"

UNCLEAN_EXIT = "chương trình không được đóng hẳn lần trước"
FOREIGN_FILE = "vừa nhập dữ liệu từ tệp bên ngoài"
NEVER_CHECKED = "chưa kiểm tra lần nào"
WEEK_OLD = "đã quá một tuần từ lần kiểm tra trước"


@dataclass
class Health:
    last_ok: float | None = None  # when a check last found the file sound (epoch seconds)
    window_pid: int | None = None  # the window that has the file open, until it closes cleanly
    pending: str | None = None  # why a check is due before the next write, if for a reason


def record_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def load(db_path: Path) -> Health:
    try:
        data = json.loads(record_path(db_path).read_text(encoding="utf-8"))
        return Health(
            last_ok=float(data["last_ok"]) if data.get("last_ok") is not None else None,
            window_pid=int(data["window_pid"]) if data.get("window_pid") is not None else None,
            pending=str(data["pending"]) if data.get("pending") else None,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Health()  # no record, or a damaged one: every check is then due


def _save(db_path: Path, health: Health) -> None:
    """Best effort: on read-only media the record cannot be kept, and checks are then due."""
    path = record_path(db_path)
    try:
        tmp = partial_path(path)
        tmp.write_text(json.dumps(asdict(health)), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        log.info("Cannot keep the check record %s: %s", path, exc)


def check_due(health: Health, now: float, *, own_pid: int | None = None) -> str | None:
    """Why a check is due now (a Vietnamese reason), or None. Pure: the rule in one place."""
    window = health.window_pid
    if window is not None and window != own_pid and not pid_alive(window):
        return UNCLEAN_EXIT
    if health.pending:
        return health.pending
    if health.last_ok is None:
        return NEVER_CHECKED
    if now - health.last_ok >= CHECK_EVERY_SECONDS:
        return WEEK_OLD
    return None


def due_reason(db_path: Path) -> str | None:
    return check_due(load(db_path), time.time(), own_pid=os.getpid())


def window_opened(db_path: Path) -> str | None:
    """The window starts on `db_path`: remember it until a clean exit; return why a check is due."""
    health = load(db_path)
    reason = check_due(health, time.time(), own_pid=os.getpid())
    if reason == UNCLEAN_EXIT:
        health.pending = UNCLEAN_EXIT  # kept until a check passes, even if this run dies too
    health.window_pid = os.getpid()
    _save(db_path, health)
    return reason


def window_closed(db_path: Path) -> None:
    health = load(db_path)
    if health.window_pid == os.getpid():
        health.window_pid = None
        _save(db_path, health)


def foreign_file_came_in(db_path: Path) -> None:
    """A USB bundle from another office was written into the file: check it before the next
    write."""
    health = load(db_path)
    health.pending = FOREIGN_FILE
    _save(db_path, health)


def run_check(db_path: Path, *, cancelled: Callable[[], bool] | None = None) -> list[str] | None:
    """`PRAGMA quick_check` on its own read-only connection; record a pass.

    Returns the problems (empty when sound), or None when `cancelled` stopped it (the check is
    then still due). The progress handler lets a closing window stop a long check at once.
    """
    try:
        conn = integrity.connect_read_only(db_path)
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    try:
        if cancelled is not None:
            conn.set_progress_handler(lambda: 1 if cancelled() else 0, 10_000)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.OperationalError as exc:
            if cancelled is not None and cancelled() and "interrupted" in str(exc):
                return None
            return [str(exc)]
        except sqlite3.DatabaseError as exc:
            return [str(exc)]
    finally:
        conn.close()
    messages = [str(row[0]) for row in rows]
    problems = [] if messages == ["ok"] else messages
    if not problems:
        health = load(db_path)
        health.last_ok = time.time()
        health.pending = None
        if health.window_pid is not None and not pid_alive(health.window_pid):
            health.window_pid = None  # the window that died has been checked after
        _save(db_path, health)
    return problems


def damage_message(db_path: Path, problems: list[str]) -> str:
    """What the clerk reads when the file is damaged: what to restore, and how."""
    head = (
        f"Tệp dữ liệu {db_path.name} bị hỏng ({'; '.join(problems[:2])}). Chưa ghi gì để "
        "khỏi làm hỏng thêm."
    )
    good = backup_service.latest_good_backup(db_path)
    if good is None:
        return (
            f"{head} Không có bản sao lưu tốt nào trong {backup_service.backup_dir(db_path)}; "
            "hãy chép tệp dữ liệu và báo bộ phận hỗ trợ."
        )
    when = good.created.astimezone().strftime("%H:%M ngày %d/%m/%Y")
    return (
        f"{head} Hãy phục hồi bản sao lưu tốt gần nhất {good.path.name} ({when}): Tệp → Sao lưu "
        f"và phục hồi… → Phục hồi, hoặc lệnh `cchc-desktop backup restore {good.path.name}`."
    )


def guard_writes(db: Database, db_path: Path) -> None:
    """Check the file before this connection's first write when a check is due.

    Installed by the command line's opening; the window checks on a worker instead.
    """

    def before_first_write() -> None:
        reason = due_reason(db_path)
        if reason is None:
            return
        log.info("Checking %s before writing: %s", db_path, reason)
        problems = run_check(db_path)
        if problems:
            raise StoreError(damage_message(db_path, problems))

    if isinstance(db, WriteDatabase):
        db.before_first_write = before_first_write
