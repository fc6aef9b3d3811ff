"""This PC's identity (site id, role, unit) and its hybrid logical clock (sync.md §5.2, §5.5).

The clock is capped: a stamp received from another PC can pull this PC's clock forward by at
most `MAX_DRIFT_MS` past its own wall time, so one PC with a wrong date cannot drag every other
PC's stamps into the future. Causality is decided by version vectors, never by these stamps.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import platform
import sys
import time
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from cchc_desktop.errors import OwnershipError
from cchc_desktop.store.wording import level_words_of

MAX_DRIFT_MS = 86_400_000  # one day: the most a remote stamp may lead this PC's wall clock
CLOCK_BACK_WARN_MS = 5 * 60_000
# No PC running this build can truly be earlier than the day it was built.
BUILD_DATE = dt.date(2025, 6, 1)
BUILD_WALL_MS = int(dt.datetime(2025, 6, 1, tzinfo=dt.UTC).timestamp() * 1000)


class EditBlockedError(OwnershipError):
    """This PC may not create changes right now (wrong clock, restored or copied database)."""


@dataclass(frozen=True, slots=True)
class LocalSite:
    site_id: str
    network_id: str | None
    role: str  # "district" | "commune" | "province"
    unit_id: str | None
    display_name: str
    machine_fp: str


def now_ms() -> int:
    return time.time_ns() // 1_000_000


# Simulations and tests give each database its own (offset) wall clock.
_CLOCKS: weakref.WeakKeyDictionary[Database, Callable[[], int]] = weakref.WeakKeyDictionary()


def set_clock(db: Database, clock: Callable[[], int] | None) -> None:
    """Make `db`'s wall clock `clock()` (UTC ms) instead of the system clock; None resets."""
    if clock is None:
        _CLOCKS.pop(db, None)
    else:
        _CLOCKS[db] = clock


def wall_ms(db: Database) -> int:
    """This PC's wall clock in UTC milliseconds (the system clock unless a test replaced it)."""
    clock = _CLOCKS.get(db)
    return clock() if clock is not None else now_ms()


def new_id() -> str:
    """A new row id: a ULID (sortable by creation time, unique across PCs)."""
    from ulid import ULID  # imported here: 20 ms kept off the window's start-up

    return str(ULID())


@functools.cache
def machine_fingerprint() -> str:
    """A stable id of this machine: Windows MachineGuid, else /etc/machine-id, else the node."""
    raw = ""
    if sys.platform == "win32":
        try:
            import winreg

            with winreg.OpenKey(
                winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography"
            ) as key:
                raw = str(winreg.QueryValueEx(key, "MachineGuid")[0])
        except OSError:
            raw = ""
    else:
        for candidate in (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id")):
            try:
                raw = candidate.read_text(encoding="ascii").strip()
            except OSError:
                continue
            if raw:
                break
    if not raw:
        raw = f"{platform.node()}-{uuid.getnode()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def ensure_local_site(db: Database, *, role: str = "district") -> LocalSite:
    """Create this install's site identity on first run; return it."""
    row = db.execute("SELECT * FROM local_site").fetchone()
    if row is None:
        site_id = new_id()
        with db.atomic():
            db.execute(
                "INSERT INTO local_site (site_id, role, machine_fp, display_name, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [site_id, role, machine_fingerprint(), platform.node(), now_ms()],
            )
    return local_site(db)


def local_site(db: Database) -> LocalSite:
    row = db.execute(
        "SELECT site_id, network_id, role, unit_id, display_name, machine_fp FROM local_site"
    ).fetchone()
    return LocalSite(*row)


def hlc_tick(db: Database, count: int = 1) -> tuple[int, int]:
    """Take `count` strictly increasing HLC stamps for local changes and persist the clock.

    Returns the first; the others share its wall time and count up from its counter (the
    clock is read once per write). Must run inside the caller's transaction.
    """
    wall, ctr = db.execute("SELECT hlc_wall, hlc_ctr FROM local_site").fetchone()
    physical = wall_ms(db)
    first = (physical, 0) if physical > wall else (wall, ctr + 1)
    db.execute("UPDATE local_site SET hlc_wall = ?, hlc_ctr = ?", [first[0], first[1] + count - 1])
    return first


def hlc_receive(db: Database, stamp: tuple[int, int]) -> tuple[int, int]:
    """Advance the local clock past a received stamp, capped at wall + MAX_DRIFT (sync.md §5.5).

    Returns the new local clock. Must run inside the caller's transaction.
    """
    wall, ctr = db.execute("SELECT hlc_wall, hlc_ctr FROM local_site").fetchone()
    cap = (wall_ms(db) + MAX_DRIFT_MS, 0)
    capped = min(stamp, cap)
    if capped > (wall, ctr):
        wall, ctr = capped
        db.execute("UPDATE local_site SET hlc_wall = ?, hlc_ctr = ?", [wall, ctr])
    return wall, ctr


def _date_text(ms: int) -> str:
    moment = dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC).astimezone()
    return moment.strftime("%d/%m/%Y")


def edit_refusal(db: Database) -> str | None:
    """Why this PC may not create changes now (sync.md §5.2, §5.5), or None when it may.

    Refused: a database marked as restored or copied (until re-enrolment), a networked database
    opened on another machine, and a wall clock before this build or more than a day before the
    latest district bundle's time.
    """
    row = db.execute(
        "SELECT network_id, machine_fp, max_trusted_wall, blocked_reason FROM local_site"
    ).fetchone()
    network_id, machine_fp, trusted, blocked = row
    if blocked:
        return str(blocked)
    if network_id is not None and machine_fp != machine_fingerprint():
        return level_words_of(db).say(
            "Cơ sở dữ liệu này đã được chép sang từ máy khác. Để tránh hai máy dùng chung một mã"
            " máy, hãy đăng ký lại máy này với {hub} (Đồng bộ → Đăng ký lại máy) trước khi sửa"
            " dữ liệu."
        )
    wall = wall_ms(db)
    if wall < BUILD_WALL_MS or (trusted is not None and wall < trusted - MAX_DRIFT_MS):
        reference = (
            level_words_of(db).say("gói dữ liệu {hub} gần nhất: ") + _date_text(trusted)
            if trusted is not None
            else f"phần mềm phát hành: {BUILD_DATE:%d/%m/%Y}"
        )
        return (
            f"Ngày giờ máy tính không đúng (máy: {_date_text(wall)}, {reference})."
            " Hãy chỉnh lại đồng hồ Windows."
        )
    return None


def clock_warning(db: Database) -> str | None:
    """A warning (not a refusal) when the wall clock went back more than 5 minutes."""
    last = db.execute("SELECT hlc_wall FROM local_site").fetchone()[0]
    wall = wall_ms(db)
    if last - wall > CLOCK_BACK_WARN_MS and last - wall <= MAX_DRIFT_MS:
        minutes = (last - wall) // 60_000
        return (
            f"Đồng hồ máy tính đang chậm hơn lần ghi trước khoảng {minutes} phút;"
            " hãy kiểm tra ngày giờ Windows."
        )
    return None


def block_edits(db: Database, reason: str) -> None:
    """Refuse new changes on this PC until it is re-enrolled (runs in the caller's transaction)."""
    db.execute("UPDATE local_site SET blocked_reason = ?", [reason])


def new_site_identity(db: Database) -> str:
    """Give this PC a new site id (re-enrolment after a restore, a copy or a replaced PC).

    The old id's changes stay in the log as another origin's; sequence numbers restart at 1 and
    the edit block is lifted. The machine fingerprint is refreshed. Returns the new site id.
    """
    site_id = new_id()
    with db.atomic():
        db.execute(
            "UPDATE local_site SET site_id = ?, next_seq = 1, next_tx = 1, blocked_reason = NULL,"
            " machine_fp = ?",
            [site_id, machine_fingerprint()],
        )
    return site_id
