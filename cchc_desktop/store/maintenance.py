"""Jobs that must have the database to themselves: restore and migration.

A restore replaces the file; a write committed by another program between the safety copy and
the replacement would be in neither. So such a job first takes SQLite's write lock (waiting
for the writer of the moment to commit), and while holding it leaves a marker file beside the
database naming itself. Every write transaction (`store/db.py::WriteDatabase`) looks for that
marker right after it takes the write lock, waits for it to go, and otherwise refuses with a
message naming the job, the PC and the time it began. A write reported as committed was
therefore made before the job's safety copy or after the job.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.errors import StoreError
from cchc_desktop.store.leftovers import partial_path
from cchc_desktop.store.processes import pid_alive, this_host

MARKER_SUFFIX = ".job"
WAIT_SECONDS = 5.0
POLL_SECONDS = 0.1
SQLITE_BUSY = 5
SQLITE_LOCKED = 6

RESTORE = "phục hồi bản sao lưu"
MIGRATION = "nâng cấp cơ sở dữ liệu"


@dataclass(frozen=True)
class Job:
    """Who holds the database for a job: what it does, on which PC, in which process, since when."""

    kind: str
    host: str
    pid: int
    started: float  # seconds since the epoch

    def describe(self) -> str:
        local = dt.datetime.fromtimestamp(self.started, tz=dt.UTC).astimezone()
        since = local.strftime("%H:%M ngày %d/%m/%Y")
        return f"đang được dùng để {self.kind} trên máy {self.host} (từ {since})"


def marker_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + MARKER_SUFFIX)


def running_job(db_path: Path) -> Job | None:
    """The job holding `db_path` now; None when there is none or its process has died."""
    path = marker_path(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        job = Job(str(data["kind"]), str(data["host"]), int(data["pid"]), float(data["started"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # half-written by a job killed at its start: nobody holds it
    if job.host == this_host() and not pid_alive(job.pid):
        return None
    if job.host != this_host() and time.time() - job.started > 6 * 3600:
        return None  # a PC that died mid-job long ago must not block the office for good
    return job


def _is_ours(job: Job) -> bool:
    return job.pid == os.getpid() and job.host == this_host()


def busy_error(job: Job) -> StoreError:
    return StoreError(
        f"Cơ sở dữ liệu {job.describe()}. Thay đổi chưa được lưu; hãy chờ việc đó xong rồi thử lại."
    )


def wait_until_free(conn: sqlite3.Connection, db_path: Path) -> None:
    """Called inside a write transaction: return when no other job holds `db_path`.

    While a job runs, the transaction is rolled back and begun again, so the job is not kept
    waiting for this writer's lock; after `WAIT_SECONDS` the write is refused.
    """
    job = running_job(db_path)
    if job is None or _is_ours(job):
        return
    deadline = time.monotonic() + WAIT_SECONDS
    while job is not None:
        conn.execute("ROLLBACK")
        if time.monotonic() > deadline:
            raise busy_error(job)
        time.sleep(POLL_SECONDS)
        conn.execute("BEGIN IMMEDIATE")
        job = running_job(db_path)


def _write_locked(db_path: Path, kind: str) -> sqlite3.Connection | None:
    """A connection holding SQLite's write lock on `db_path`, or None for a missing or damaged
    file (restoring a damaged file is the point of a restore)."""
    if not db_path.exists():
        return None
    conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=WAIT_SECONDS)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED):
            raise StoreError(
                f"Không thể {kind}: một chương trình khác đang ghi vào cơ sở dữ liệu và "
                f"chưa xong sau {WAIT_SECONDS:.0f} giây. Chưa có gì thay đổi; hãy thử lại."
            ) from exc
        return None
    return conn


@contextlib.contextmanager
def exclusive_job(db_path: Path, kind: str) -> Iterator[None]:
    """Hold `db_path` for a job: no other program's write commits until the block ends.

    The marker is written while SQLite's write lock is held, so every transaction that
    committed before it is in the file the job then copies, and every later one waits.
    """
    path = marker_path(db_path)
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        conn = _write_locked(db_path, kind)
        job = running_job(db_path)
        if job is None or _is_ours(job) or time.monotonic() > deadline:
            break
        if conn is not None:  # let the other job finish, then look again
            conn.execute("ROLLBACK")
            conn.close()
        time.sleep(POLL_SECONDS)
    job_is_nested = job is not None and _is_ours(job)
    try:
        if job is not None and not job_is_nested:
            raise busy_error(job)
        record = {
            "kind": kind,
            "host": this_host(),
            "pid": os.getpid(),
            "started": time.time(),
        }
        if not job_is_nested:
            # Written whole under another name first: a writer never reads half a marker.
            partial = partial_path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            partial.replace(path)
    finally:
        if conn is not None:
            conn.execute("ROLLBACK")
            conn.close()
    try:
        yield
    finally:
        if not job_is_nested:
            path.unlink(missing_ok=True)
