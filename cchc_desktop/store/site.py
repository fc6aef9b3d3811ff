"""This PC's identity (site id, role, unit) and its hybrid logical clock (sync.md §5.2, §5.5)."""

from __future__ import annotations

import hashlib
import platform
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database
from ulid import ULID


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


def new_id() -> str:
    """A new row id: a ULID (sortable by creation time, unique across PCs)."""
    return str(ULID())


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


def hlc_tick(db: Database, count: int = 1) -> list[tuple[int, int]]:
    """Take `count` strictly increasing HLC stamps for local changes and persist the clock.

    Must run inside the caller's transaction.
    """
    wall, ctr = db.execute("SELECT hlc_wall, hlc_ctr FROM local_site").fetchone()
    stamps: list[tuple[int, int]] = []
    physical = now_ms()
    for _ in range(count):
        if physical > wall:
            wall, ctr = physical, 0
        else:
            ctr += 1
        stamps.append((wall, ctr))
    db.execute("UPDATE local_site SET hlc_wall = ?, hlc_ctr = ?", [wall, ctr])
    return stamps
